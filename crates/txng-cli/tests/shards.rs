//! FORMAT.md §2.7 from the command line: `txng registry sign --shards DIR` writes an index and
//! shards that the core loads back, keeps versions increasing across releases and refuses an
//! older release; `txng verify --sharded` fetches the shard the index names, fails closed on a
//! tampered shard, records the shard's version in `--state`, and a sharded index is never read as
//! a single-file registry.

mod common;

use common::{fixtures, private_key};
use std::path::Path;
use std::process::Command;
use txng_core::shard::RegistryIndex;
use txng_core::TrustAnchor;

const NOW: &str = "2026-07-01T00:00:00+07:00";
const GTIN: &str = "08935012345677";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn txng(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_txng"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run txng");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn sign_shards(dir: &Path, producers: &Path, now: &str) -> Run {
    txng(
        dir,
        &[
            "--lang",
            "en",
            "registry",
            "sign",
            "--producers",
            &producers.display().to_string(),
            "--key",
            &private_key("authority.pem").display().to_string(),
            "--kid",
            "qt-2026",
            "--shards",
            "pub",
            "--shard-bytes",
            "1",
            "--now",
            now,
        ],
    )
}

fn label(dir: &Path) -> String {
    let r = txng(
        dir,
        &[
            "sign",
            "--key",
            &private_key("producer.pem").display().to_string(),
            "--producer-number",
            "1",
            "--gtin",
            GTIN,
            "--lot",
            "CF2406A",
            "--serial",
            "000123",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout.trim().to_string()
}

fn verify(dir: &Path, code: &str, sharded: bool) -> (i32, serde_json::Value) {
    let anchors = fixtures().join("anchors.json").display().to_string();
    let mut args = vec![
        "verify",
        code,
        "--registry",
        "pub/registry-index.jws",
        "--anchors",
        &anchors,
        "--now",
        NOW,
        "--json",
        "--state",
        "state.json",
    ];
    if sharded {
        args.push("--sharded");
    }
    let r = txng(dir, &args);
    let v = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}{}", r.stdout, r.stderr));
    (r.code, v)
}

fn codes(v: &serde_json::Value) -> Vec<String> {
    v["checks"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn anchor() -> TrustAnchor {
    let text = std::fs::read_to_string(fixtures().join("anchors.json")).expect("anchors");
    let list: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    TrustAnchor::from_base64url(
        list[0]["kid"].as_str().expect("kid"),
        list[0]["public_key"].as_str().expect("key"),
    )
    .expect("anchor")
}

fn load(dir: &Path) -> RegistryIndex {
    let bytes = std::fs::read(dir.join("pub/registry-index.jws")).expect("index written");
    let now = txng_core::time::parse_rfc3339(NOW).expect("time").0;
    RegistryIndex::load(&bytes, &[anchor()], now)
        .expect("the core loads the index")
        .0
}

#[test]
fn sharded_registry_signed_verified_and_released_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let r = sign_shards(
        d,
        &fixtures().join("producers.toml"),
        "2026-03-01T00:00:00+07:00",
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("index version 1"), "{}", r.stdout);

    // Every pinned shard is written where the index says, and opens.
    let ix = load(d);
    assert_eq!(ix.version, 1);
    assert!(!ix.shards.is_empty());
    for s in &ix.shards {
        let bytes = std::fs::read(d.join("pub").join(ix.shard_url(s))).expect("shard written");
        ix.open_shard(s, &bytes).expect("the core opens the shard");
    }

    let code = label(d);
    let (exit, v) = verify(d, &code, true);
    assert_eq!(exit, 0, "{v}");
    assert!(codes(&v).contains(&"signature.valid".to_string()), "{v}");
    let state = std::fs::read_to_string(d.join("state.json")).expect("state written");
    let st: serde_json::Value = serde_json::from_str(&state).expect("state JSON");
    let entry = &st["registries"]["pub/registry-index.jws"];
    assert!(entry["issued_at"].is_string(), "{state}");
    assert_eq!(
        entry["shards"].as_object().map(|m| m.len()),
        Some(1),
        "{state}"
    );

    // A sharded index is not a single-file registry (explicit typing), even at the same URL.
    let (exit, v) = verify(d, &code, false);
    assert_eq!(exit, 1);
    assert!(
        codes(&v).contains(&"registry.wrong_type".to_string()),
        "{v}"
    );

    // One byte added to the shard: not the pinned bytes, grey, never green.
    let shard_path = d.join("pub").join(ix.shard_url(&ix.shards[0]));
    let original = std::fs::read(&shard_path).expect("shard");
    std::fs::write(&shard_path, [original.as_slice(), b" "].concat()).expect("tamper");
    let (exit, v) = verify(d, &code, true);
    assert_eq!(exit, 1, "{v}");
    assert_eq!(v["state"], "cannot_tell");
    assert!(
        codes(&v).contains(&"registry.shard_hash_mismatch".to_string()),
        "{v}"
    );
    std::fs::remove_file(&shard_path).expect("remove");
    let (_, v) = verify(d, &code, true);
    assert!(
        codes(&v).contains(&"registry.shard_unavailable".to_string()),
        "{v}"
    );
    std::fs::write(&shard_path, &original).expect("restore");

    // The next release: a producer renamed. The index version goes up, the changed shard gets it.
    let toml = std::fs::read_to_string(fixtures().join("producers.toml")).expect("toml");
    let renamed = toml
        .replacen(
            "Hợp tác xã Cà phê Khe Sanh",
            "Hợp tác xã Cà phê Khe Sanh mới",
            1,
        )
        .replacen(
            "issued_at = 2026-01-01T00:00:00+07:00",
            "issued_at = 2026-02-01T00:00:00+07:00",
            1,
        );
    assert_ne!(renamed, toml);
    std::fs::write(d.join("next.toml"), renamed).expect("write");
    let old_index = std::fs::read(d.join("pub/registry-index.jws")).expect("index");
    let r = sign_shards(d, &d.join("next.toml"), "2026-03-01T00:00:00+07:00");
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let ix2 = load(d);
    assert_eq!(ix2.version, 2);
    assert!(ix2.shards.iter().any(|s| s.version == 2));
    let (exit, v) = verify(d, &code, true);
    assert_eq!(exit, 0, "{v}");
    let state = std::fs::read_to_string(d.join("state.json")).expect("state");
    assert!(state.contains(": 2"), "shard version 2 recorded: {state}");

    // The previous release served again at the same place: refused (older issued_at).
    std::fs::write(d.join("pub/registry-index.jws"), &old_index).expect("roll back");
    let (exit, v) = verify(d, &code, true);
    assert_eq!(exit, 1);
    assert!(codes(&v).contains(&"registry.rollback".to_string()), "{v}");

    // The signer keeps versions going from the index in DIR (here the restored release 1) and
    // refuses to publish a list older than it.
    let r = sign_shards(d, &d.join("next.toml"), "2026-03-01T00:00:00+07:00");
    assert_eq!(r.code, 0, "same issued_at is fine: {}", r.stderr);
    let r = sign_shards(
        d,
        &fixtures().join("producers.toml"),
        "2026-03-01T00:00:00+07:00",
    );
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("registry.rollback"), "{}", r.stderr);
}

/// `--shards` checks every key of the whole list (the verifier only checks the key a scan names).
#[test]
fn sharded_signing_refuses_a_small_order_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let text = std::fs::read_to_string(fixtures().join("producers.toml")).expect("fixture");
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let bad = d.join("bad.toml");
    std::fs::write(
        &bad,
        format!(
            "{text}\n[[producers]]\nid = \"htx-khac\"\nname = \"HTX Khác\"\ntax_code = \"3200000009\"\ngs1_company_prefixes = [\"893509\"]\naddress = {{ commune = \"Xã A\", province = \"Tỉnh Quảng Trị\" }}\n\n[[producers.keys]]\nnumber = 1\npublic_key = \"{}\"\nvalid_from = \"2026-01-01T00:00:00+07:00\"\n",
            txng_core::b64::encode(&identity)
        ),
    )
    .expect("write");
    let r = sign_shards(d, &bad, "2026-03-01T00:00:00+07:00");
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("registry.key_invalid"), "{}", r.stderr);
    assert!(!d.join("pub").join("registry-index.jws").exists());
}
