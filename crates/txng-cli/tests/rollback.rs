//! FORMAT.md §2.6 from the command line: `txng verify --state` keeps the newest registry issue
//! time per registry source and refuses an older, genuinely signed list served at the same place;
//! `txng registry sign` refuses JSON input with a duplicated member (§2.2).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../txng-core/tests/vectors")
}

/// The scanned text of a vector file.
fn scanned(name: &str) -> String {
    let text = std::fs::read_to_string(vectors().join(name)).expect("vector");
    text.split_once("\n\n")
        .map(|(_, s)| s.trim_end_matches('\n').to_string())
        .expect("vector body")
}

fn verify(dir: &Path, code: &str, state: &Path) -> (i32, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_txng"))
        .current_dir(dir)
        .args(["verify", code, "--registry", "registry.jws", "--anchors"])
        .arg(vectors().join("data/anchors.json"))
        .args(["--now", "2026-11-28T10:00:00+07:00", "--json", "--state"])
        .arg(state)
        .output()
        .expect("run txng");
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), json)
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

#[test]
fn an_older_registry_at_the_same_place_is_refused_with_a_state_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let code = scanned("valid/001-ca-phe-hop-le.txt");
    let reg = dir.path().join("registry.jws");

    std::fs::copy(vectors().join("data/registry.jws"), &reg).expect("copy");
    let (exit, v) = verify(dir.path(), &code, &state);
    assert_eq!(exit, 0, "{v}");
    let saved = std::fs::read_to_string(&state).expect("state written");
    assert!(saved.contains("txng-verifier-state/1"), "{saved}");

    // The same source now serves the genuinely signed list of a month earlier.
    std::fs::copy(vectors().join("data/registry-stale.jws"), &reg).expect("copy");
    let (exit, v) = verify(dir.path(), &code, &state);
    assert_eq!(exit, 1, "{v}");
    assert!(codes(&v).contains(&"registry.rollback".to_string()), "{v}");
    assert_eq!(
        std::fs::read_to_string(&state).expect("state"),
        saved,
        "never lowered"
    );

    // Without the state file the older list is used (nothing remembers the newer one).
    let (exit, v) = verify(dir.path(), &code, &dir.path().join("fresh-state.json"));
    assert_eq!(exit, 0, "{v}");

    // A damaged state file is an error (exit 2), never a silent reset of the protection.
    std::fs::write(&state, "{\"format\":\"txng-verifier-state/1\",\"registries\":{\"registry.jws\":{\"issued_at\":\"soon\"}}}").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_txng"))
        .current_dir(dir.path())
        .args(["verify", &code, "--registry", "registry.jws", "--anchors"])
        .arg(vectors().join("data/anchors.json"))
        .arg("--state")
        .arg(&state)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

fn to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => J::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

#[test]
fn registry_sign_refuses_a_duplicated_json_member() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // The fixture producer list as JSON, then with `name` given twice in the first producer.
    let toml_text = std::fs::read_to_string(fx.join("producers.toml")).expect("fixture");
    let value: toml::Value = toml::from_str(&toml_text).expect("toml");
    let json = to_json(value).to_string();
    let dup = json.replacen("\"name\":", "\"name\":\"Giả\",\"name\":", 1);
    assert_ne!(dup, json);
    for (file, text, ok) in [("good.json", &json, true), ("dup.json", &dup, false)] {
        std::fs::write(dir.path().join(file), text).expect("write");
        let out = Command::new(env!("CARGO_BIN_EXE_txng"))
            .current_dir(dir.path())
            .args(["registry", "sign", "--producers", file, "--key"])
            .arg(common::private_key("authority.pem"))
            .args([
                "--kid",
                "qt-2026",
                "--out",
                &format!("{file}.jws"),
                "--now",
                "2026-03-01T00:00:00+07:00",
            ])
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.success(), ok, "{file}: {stderr}");
        if !ok {
            assert!(stderr.contains("duplicate member"), "{stderr}");
            assert!(!dir.path().join(format!("{file}.jws")).exists());
        }
    }
}
