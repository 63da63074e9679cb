//! The sharded deployment of the demo (FORMAT.md §2.7): the main registry's producers split into
//! one shard per company prefix under a signed index, and the test vectors of the sharded-registry
//! codes. Vectors name the index in `registry:` and the shard in `registry_shard:` (see the vectors
//! README); they are not served as links (the served demo uses the single-file registry).

use super::cases::{base, NOW};
use super::keys;
use super::registry::{self, gtin, COFFEE, COFFEE_PREFIX};
use txng_core::link::LabelData;
use txng_core::shard::{self, Sharded};
use txng_core::sign::{sign_label, sign_registry_index};
use txng_core::{Ai, Code, State};

/// The index file, in `data/` of the vectors and at the root of the served demo.
pub const INDEX: &str = "registry-index.jws";

/// The demo's shards are cut at 1 byte: one shard per producer, to show the lookup across shards
/// (a real deployment uses the default target of `txng registry sign --shards`).
const DEMO_TARGET: usize = 1;

fn main_payload() -> serde_json::Value {
    serde_json::from_str(&registry::main_document().compact()).expect("the demo registry is JSON")
}

fn sharded() -> Sharded {
    shard::split(&main_payload(), DEMO_TARGET, None).expect("the demo registry splits")
}

fn sign(payload: &[u8]) -> String {
    sign_registry_index(payload, keys::AUTHORITY_KIDS[0], &keys::authority(1))
}

fn shard_path(s: &Sharded, prefix: &str) -> String {
    let f = s
        .shards
        .iter()
        .find(|f| f.from == prefix)
        .expect("the demo has this shard");
    shard::DEFAULT_SHARD_URL_TEMPLATE
        .replace("{from}", &f.from)
        .replace("{version}", &f.version.to_string())
}

/// The coffee shard's prefix (one producer per shard: its company prefix).
fn coffee_shard() -> &'static str {
    COFFEE_PREFIX
}

/// The served sharded deployment: the index and its shards, at the paths the index names.
pub fn served() -> Vec<(String, Vec<u8>)> {
    let s = sharded();
    let mut out = vec![(
        INDEX.to_string(),
        format!("{}\n", sign(&s.index_payload)).into_bytes(),
    )];
    for f in &s.shards {
        out.push((shard_path(&s, &f.from), f.bytes.clone()));
    }
    out
}

/// The vectors' data files: the served deployment, a tampered copy of the coffee shard, and an
/// index whose coffee entry pins (authentic) bytes that name another prefix.
pub fn data() -> Vec<(String, Vec<u8>)> {
    let s = sharded();
    let mut out = served();
    let coffee = &s
        .shards
        .iter()
        .find(|f| f.from == coffee_shard())
        .expect("coffee shard")
        .bytes;
    // One letter of the producer list changed: the bytes no longer hash to the pin.
    let text = String::from_utf8(coffee.clone()).expect("UTF-8");
    let tampered = text.replacen("\"number\":2", "\"number\":7", 1);
    assert_ne!(tampered, text, "the tamper must change the shard");
    out.push(("shards/tampered.json".into(), tampered.into_bytes()));
    // An index pinning a shard whose own `from` is another one (a mis-built release).
    let mut wrong: serde_json::Value = serde_json::from_slice(coffee).expect("JSON");
    wrong["from"] = "8935".into();
    let wrong = serde_json::to_vec(&wrong).expect("JSON");
    let mut index: serde_json::Value =
        serde_json::from_slice(&s.index_payload).expect("index JSON");
    if let Some(list) = index["shards"].as_array_mut() {
        for e in list.iter_mut().filter(|e| e["from"] == coffee_shard()) {
            e["length"] = wrong.len().into();
            e["sha256"] = shard::sha256_hex(&wrong).into();
        }
    }
    let index = serde_json::to_vec(&index).expect("JSON");
    out.push((
        "registry-index-inconsistent.jws".into(),
        format!("{}\n", sign(&index)).into_bytes(),
    ));
    out.push(("shards/inconsistent.json".into(), wrong));
    out
}

struct V {
    slug: &'static str,
    expect: Vec<Code>,
    state: State,
    registry: &'static str,
    shard: String,
    known_version: Option<u64>,
    trace: String,
    comment: &'static str,
}

/// The vector files: `{valid,invalid}/shard-NN-slug.txt`.
pub fn vectors() -> Vec<(String, Vec<u8>)> {
    use Code::*;
    let s = sharded();
    let coffee_path = shard_path(&s, coffee_shard());
    let data = LabelData {
        gtin: gtin(COFFEE_PREFIX, "0001"),
        cpv: None,
        lot: "CF2609A".into(),
        serial: "000101".into(),
        attributes: vec![
            (Ai::ProductionDate, "260912".into()),
            (Ai::Expiry, "270911".into()),
            (Ai::Origin, "704".into()),
        ],
    };
    let text = sign_label(data, 2, &keys::producer(COFFEE, 2))
        .expect("demo label data is valid")
        .to_uri(&base());
    let trace = format!("trace/{}/CF2609A.jws", gtin(COFFEE_PREFIX, "0001"));
    let grey = |slug, code, shard: &str, comment| V {
        slug,
        expect: vec![PayloadParsed, RegistryValid, code, LabelCopyPossible],
        state: State::CannotTell,
        registry: INDEX,
        shard: shard.to_string(),
        known_version: None,
        trace: "none".into(),
        comment,
    };
    let list = vec![
        V {
            slug: "danh-sach-phan-manh-hop-le",
            expect: vec![PayloadParsed, RegistryValid, RegistryDemo, SignatureValid, HostOfficial, TraceValid, LabelCopyPossible],
            state: State::Verified,
            registry: INDEX,
            shard: coffee_path.clone(),
            known_version: Some(1),
            trace,
            comment: "Sharded registry: the signed index, then the coffee shard it pins (same version as seen before); verified as with the single file",
        },
        grey(
            "phan-danh-sach-khong-tai-duoc",
            RegistryShardUnavailable,
            "none",
            "Sharded registry: the index loads but the shard covering the GTIN cannot be fetched",
        ),
        grey(
            "phan-danh-sach-bi-sua",
            RegistryShardHashMismatch,
            "shards/tampered.json",
            "Sharded registry: one key number changed in the coffee shard; its SHA-256 is not the index's pin",
        ),
        grey(
            "phan-danh-sach-qua-dai",
            RegistryShardHashMismatch,
            "too_large",
            "Sharded registry: the server sent more than the pinned length (the caller stopped reading)",
        ),
        V {
            known_version: Some(2),
            ..grey(
                "phan-danh-sach-cu-hon-ban-da-co",
                RegistryShardRollback,
                &coffee_path,
                "Sharded registry: this device verified version 2 of the coffee shard; the index pins version 1",
            )
        },
        V {
            registry: "registry-index-inconsistent.jws",
            ..grey(
                "phan-danh-sach-khong-khop",
                RegistryShardInconsistent,
                "shards/inconsistent.json",
                "Sharded registry: the pinned shard says its range starts at 8935, not where the index lists it",
            )
        },
        V {
            expect: vec![PayloadParsed, RegistryWrongType, LabelCopyPossible],
            registry: "registry.jws",
            ..grey(
                "danh-sach-don-thay-cho-muc-luc",
                RegistryWrongType,
                &coffee_path,
                "A deployment configured for a sharded registry fetched a single-file registry: explicit typing refuses it",
            )
        },
    ];
    list.into_iter()
        .enumerate()
        .map(|(i, v)| {
            let dir = match v.state {
                State::Verified | State::VerifiedWithWarnings => "valid",
                State::Invalid | State::CannotTell => "invalid",
            };
            let mut s = String::new();
            for c in &v.expect {
                s.push_str(&format!("expect: {c}\n"));
            }
            s.push_str(&format!("state: {}\nnow: {NOW}\n", v.state.as_str()));
            s.push_str(&format!(
                "registry: {}\nregistry_shard: {}\n",
                v.registry, v.shard
            ));
            if let Some(k) = v.known_version {
                s.push_str(&format!("shard_known_version: {k}\n"));
            }
            s.push_str(&format!(
                "trace: {}\ncomment: {}\n\n{text}\n",
                v.trace, v.comment
            ));
            (
                format!("{dir}/shard-{:02}-{}.txt", i + 1, v.slug),
                s.into_bytes(),
            )
        })
        .collect()
}
