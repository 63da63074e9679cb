//! The sharded registry (FORMAT.md §2.7), through the public API: a differential test against the
//! single-file registry on generated producer lists (the same producer for every generated GTIN,
//! the same verdict for signed labels), and each refusal of the two levels (pin, rollback,
//! consistency, availability) on generated and hand-made inputs.

use ed25519_dalek::SigningKey;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use txng_core::gs1::check_digit;
use txng_core::link::LabelData;
use txng_core::registry::Registry;
use txng_core::shard::{self, RegistryIndex, ShardRef};
use txng_core::sign::{sign_label, sign_registry, sign_registry_index};
use txng_core::time::format_rfc3339_utc;
use txng_core::verify::{Fetched, RegistryContext, Verification};
use txng_core::{Code, State, TrustAnchor};

const KID: &str = "anchor";
const HOST: &str = "truyxuat.example.vn";
/// 2026-11-01T00:00:00Z.
const ISSUED: i64 = 1_793_491_200;
const NOW: i64 = ISSUED + 86_400;

fn anchor_key() -> SigningKey {
    SigningKey::from_bytes(&[1; 32])
}

fn anchors() -> Vec<TrustAnchor> {
    vec![TrustAnchor {
        kid: KID.into(),
        key: anchor_key().verifying_key(),
    }]
}

fn producer_key(i: usize) -> SigningKey {
    let mut seed = [7u8; 32];
    seed[..8].copy_from_slice(&(i as u64).to_le_bytes());
    SigningKey::from_bytes(&seed)
}

fn producer(i: usize, prefixes: &[String]) -> Value {
    json!({
        "id": format!("p{i}"),
        "name": format!("Hợp tác xã số {i}"),
        "tax_code": format!("32{i:08}"),
        "address": { "commune": "xã Khe Sanh", "province": "tỉnh Quảng Trị" },
        "gs1_company_prefixes": prefixes,
        "keys": [{
            "number": 1,
            "public_key": txng_core::b64::encode(producer_key(i).verifying_key().as_bytes()),
            "valid_from": format_rfc3339_utc(ISSUED - 86_400),
        }],
    })
}

fn payload(producers: Vec<Value>, issued: i64) -> Value {
    json!({
        "format": "txng-registry/1",
        "authority": { "name": "Sở KH&CN" },
        "issued_at": format_rfc3339_utc(issued),
        "next_update": format_rfc3339_utc(issued + 30 * 86_400),
        "resolvers": [HOST],
        "trace_url_templates": [],
        "producers": producers,
    })
}

/// A published sharded registry: the index JWS and the shards by prefix.
struct Published {
    index: Vec<u8>,
    shards: BTreeMap<String, Vec<u8>>,
}

fn publish(p: &Value, target: usize, previous: Option<&RegistryIndex>) -> Published {
    let s = shard::split(p, target, previous).expect("splittable");
    Published {
        index: sign_registry_index(&s.index_payload, KID, &anchor_key()).into_bytes(),
        shards: s.shards.into_iter().map(|f| (f.from, f.bytes)).collect(),
    }
}

fn load_index(bytes: &[u8]) -> RegistryIndex {
    RegistryIndex::load(bytes, &anchors(), NOW)
        .expect("index loads")
        .0
}

fn gtin(body12: &str) -> String {
    let body = format!("0{body12}");
    let c = check_digit(&body).expect("digits");
    format!("{body}{c}")
}

fn label(gtin: &str, key: &SigningKey) -> String {
    let data = LabelData {
        gtin: gtin.into(),
        cpv: None,
        lot: "L1".into(),
        serial: "S1".into(),
        attributes: Vec::new(),
    };
    sign_label(data, 1, key)
        .expect("valid label")
        .to_uri(&format!("https://{HOST}"))
}

/// Verifies through the index and the wanted shard, as a caller does.
fn verify_sharded(
    text: &str,
    p: &Published,
    known_issued_at: Option<i64>,
    known_version: Option<u64>,
) -> (Verification, Option<ShardRef>) {
    let ctx = RegistryContext {
        from_cache: false,
        known_issued_at,
    };
    let mut v = Verification::start_sharded(text, Fetched::Bytes(&p.index), ctx, &anchors(), NOW);
    let wanted = v.shard_wanted().cloned();
    if let Some(s) = &wanted {
        match p.shards.get(&s.from) {
            Some(b) => v.add_shard(Fetched::Bytes(b), known_version),
            None => v.add_shard(Fetched::Unavailable("http 404"), known_version),
        }
    }
    (v, wanted)
}

/// Producer lists whose company prefixes cluster (most under 893, some nested in others), so
/// that the list is cut in many places and longest-prefix matches cross shard boundaries.
fn producer_lists() -> impl Strategy<Value = Vec<Vec<String>>> {
    let prefix = (0u32..4, proptest::collection::vec(0u8..10, 1..7)).prop_map(|(head, tail)| {
        let head = ["893", "893", "8935", "40"][head as usize];
        let mut s = head.to_string();
        s.extend(tail.iter().map(|d| char::from(b'0' + d)));
        if s.len() < 4 {
            s.push('0');
        }
        s
    });
    proptest::collection::vec(proptest::collection::vec(prefix, 1..4), 1..40).prop_map(|lists| {
        // Unique across the registry (a prefix listed twice is refused by both forms).
        let mut seen = std::collections::BTreeSet::new();
        lists
            .into_iter()
            .map(|l| {
                l.into_iter()
                    .filter(|p| seen.insert(p.clone()))
                    .collect::<Vec<_>>()
            })
            .filter(|l| !l.is_empty())
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every GTIN finds the same producer through the index and its shard as through the
    /// single-file registry; every shard opens (pins and consistency hold).
    #[test]
    fn sharded_lookup_agrees_with_single_file(
        lists in producer_lists(),
        target in 60usize..4000,
        probes in proptest::collection::vec((0usize..1000, proptest::collection::vec(0u8..10, 12)), 1..30),
    ) {
        prop_assume!(!lists.is_empty());
        let producers: Vec<Value> = lists.iter().enumerate().map(|(i, l)| producer(i, l)).collect();
        let p = payload(producers, ISSUED);
        let single = sign_registry(p.to_string().as_bytes(), KID, &anchor_key());
        let (full, _) = Registry::load(single.as_bytes(), &anchors(), NOW).expect("registry loads");
        let published = publish(&p, target, None);
        let index = load_index(&published.index);
        for s in &index.shards {
            let bytes = published.shards.get(&s.from).expect("every pinned shard is written");
            prop_assert!(bytes.len() <= shard::MAX_SHARD_BYTES);
            index.open_shard(s, bytes).map_err(|c| TestCaseError::fail(format!("{c:?}")))?;
        }
        for (pick, digits) in probes {
            // Half the probes start with a listed prefix, the others are any digits.
            let mut body: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            if pick % 2 == 0 {
                let l = &lists[pick / 2 % lists.len()];
                let pre = &l[pick / 7 % l.len()];
                body = format!("{pre}{}", &body[pre.len()..]);
            }
            let g = gtin(&body);
            let want = full.producer_for_gtin(&g).map(|x| x.id.clone());
            let got = index.shard_for_gtin(&g).map(|s| {
                let reg = index
                    .open_shard(s, &published.shards[&s.from])
                    .expect("shard opens");
                reg.producer_for_gtin(&g).map(|x| x.id.clone())
            });
            prop_assert_eq!(got.flatten(), want, "gtin {}", g);
        }
    }

    /// A label signed by a producer verifies through the sharded registry exactly as through the
    /// single-file one; a byte changed in its shard makes it grey, never green.
    #[test]
    fn labels_verify_the_same_and_tampering_fails_closed(
        lists in producer_lists(),
        target in 60usize..2000,
        who in 0usize..1000,
        flip in 0usize..100_000,
    ) {
        prop_assume!(!lists.is_empty());
        let producers: Vec<Value> = lists.iter().enumerate().map(|(i, l)| producer(i, l)).collect();
        let p = payload(producers, ISSUED);
        let single = sign_registry(p.to_string().as_bytes(), KID, &anchor_key());
        let i = who % lists.len();
        let pre = &lists[i][0];
        let g = gtin(&format!("{pre}{}", &"000000000000"[pre.len()..]));
        let text = label(&g, &producer_key(i));
        let expected = Verification::start(&text, Fetched::Bytes(single.as_bytes()), false, &anchors(), NOW).verdict();
        let mut published = publish(&p, target, None);
        let (v, wanted) = verify_sharded(&text, &published, None, None);
        let got = v.verdict();
        prop_assert_eq!(got.state, expected.state);
        prop_assert_eq!(got.producer.as_ref().map(|x| &x.id), expected.producer.as_ref().map(|x| &x.id));
        prop_assert_eq!(got.has(Code::SignatureValid), expected.has(Code::SignatureValid));
        let wanted = wanted.expect("a shard covers a listed prefix");
        let bytes = published.shards.get_mut(&wanted.from).expect("written");
        let at = flip % bytes.len();
        bytes[at] ^= 0x01;
        let (v, _) = verify_sharded(&text, &published, None, None);
        let verdict = v.verdict();
        prop_assert!(verdict.has(Code::RegistryShardHashMismatch), "{:?}", verdict.checks);
        prop_assert_eq!(verdict.state, State::CannotTell);
        prop_assert!(!verdict.has(Code::SignatureValid));
    }
}

fn three_producers() -> Value {
    payload(
        vec![
            producer(0, &["89350123".into()]),
            producer(1, &["89351234".into()]),
            producer(2, &["40001234".into()]),
        ],
        ISSUED,
    )
}

fn label_of(i: usize, prefix: &str) -> String {
    label(
        &gtin(&format!("{prefix}{}", &"000000000000"[prefix.len()..])),
        &producer_key(i),
    )
}

#[test]
fn a_small_target_gives_one_shard_per_prefix_and_verifies() {
    let published = publish(&three_producers(), 10, None);
    let index = load_index(&published.index);
    let froms: Vec<&str> = index.shards.iter().map(|s| s.from.as_str()).collect();
    assert_eq!(froms, ["40001234", "89350123", "89351234"]);
    assert_eq!(index.version, 1);
    let (v, wanted) = verify_sharded(&label_of(1, "89351234"), &published, None, None);
    assert_eq!(wanted.map(|s| s.from), Some("89351234".to_string()));
    let verdict = v.verdict();
    assert_eq!(verdict.state, State::Verified, "{:?}", verdict.checks);
    assert_eq!(verdict.producer.map(|p| p.id), Some("p1".to_string()));
    assert_eq!(
        index.shard_url(&index.shards[1]),
        "shards/89350123-v1.json",
        "default template"
    );
}

#[test]
fn a_large_target_gives_one_shard_for_everything() {
    let published = publish(&three_producers(), 1 << 20, None);
    let index = load_index(&published.index);
    assert_eq!(index.shards.len(), 1);
    assert_eq!(index.shards[0].from, "40001234");
    let (v, _) = verify_sharded(&label_of(2, "40001234"), &published, None, None);
    assert_eq!(v.verdict().state, State::Verified);
}

#[test]
fn a_gtin_no_shard_covers_is_producer_unknown() {
    let published = publish(&three_producers(), 10, None);
    let (v, wanted) = verify_sharded(&label_of(0, "30000000"), &published, None, None);
    assert!(wanted.is_none(), "the digits come before every shard");
    let verdict = v.verdict();
    assert!(verdict.has(Code::ProducerUnknown), "{:?}", verdict.checks);
    assert_eq!(verdict.state, State::CannotTell);
    assert!(
        verdict.authority.is_some(),
        "the index's authority is shown"
    );
    // Digits inside a shard's range that no company prefix of it covers.
    let (v, wanted) = verify_sharded(&label_of(0, "77770000"), &published, None, None);
    assert_eq!(wanted.map(|s| s.from), Some("40001234".to_string()));
    assert!(v.has(Code::ProducerUnknown));
    assert_eq!(v.verdict().state, State::CannotTell);
}

#[test]
fn shard_unavailable_truncated_or_too_long_is_grey() {
    let published = publish(&three_producers(), 10, None);
    let text = label_of(0, "89350123");
    let ctx = RegistryContext::default();
    let start = || {
        Verification::start_sharded(
            &text,
            Fetched::Bytes(&published.index),
            ctx,
            &anchors(),
            NOW,
        )
    };
    let mut v = start();
    v.add_shard(Fetched::Unavailable("offline"), None);
    assert!(v.has(Code::RegistryShardUnavailable));
    assert_eq!(v.verdict().state, State::CannotTell);
    assert!(v.shard_wanted().is_none(), "one shard per verification");

    let mut v = start();
    v.add_shard(Fetched::TooLarge, None);
    assert!(v.has(Code::RegistryShardHashMismatch));

    let bytes = &published.shards["89350123"];
    for cut in [
        &bytes[..bytes.len() - 1],
        &[bytes.as_slice(), b" "].concat()[..],
    ] {
        let mut v = start();
        v.add_shard(Fetched::Bytes(cut), None);
        assert!(v.has(Code::RegistryShardHashMismatch));
        assert_eq!(v.verdict().state, State::CannotTell);
    }
    // Another shard's authentic bytes are not this shard's.
    let mut v = start();
    v.add_shard(Fetched::Bytes(&published.shards["89351234"]), None);
    assert!(v.has(Code::RegistryShardHashMismatch));
}

#[test]
fn versions_only_increase_and_unchanged_shards_keep_theirs() {
    let first = publish(&three_producers(), 10, None);
    let ix1 = load_index(&first.index);
    // The next release changes one producer (its name): its shard gets the new index version.
    let mut p = three_producers();
    p["producers"][1]["name"] = json!("Hợp tác xã đổi tên");
    p["issued_at"] = json!(format_rfc3339_utc(ISSUED + 3600));
    let second = publish(&p, 10, Some(&ix1));
    let ix2 = load_index(&second.index);
    assert_eq!(ix2.version, 2);
    let v =
        |ix: &RegistryIndex, pre: &str| ix.shards.iter().find(|s| s.from == pre).map(|s| s.version);
    assert_eq!(v(&ix2, "89350123"), Some(1));
    assert_eq!(v(&ix2, "40001234"), Some(1));
    assert_eq!(v(&ix2, "89351234"), Some(2));
    assert_eq!(second.shards["89350123"], first.shards["89350123"]);

    // A device that saw version 2 of shard 89351 refuses an index pinning version 1 of it,
    // even when that index is not older (same issued_at: a re-signed or mis-built release).
    let text = label_of(1, "89351234");
    let (verif, _) = verify_sharded(&text, &first, Some(ISSUED), Some(2));
    let verdict = verif.verdict();
    assert!(
        verdict.has(Code::RegistryShardRollback),
        "{:?}",
        verdict.checks
    );
    assert_eq!(verdict.state, State::CannotTell);
    // The same version, or a newer one, is accepted.
    let (verif, _) = verify_sharded(&text, &second, None, Some(2));
    assert_eq!(verif.verdict().state, State::Verified);
    // The older index itself is refused against the newer issued_at (top-level rollback).
    let (verif, _) = verify_sharded(&text, &first, Some(ISSUED + 3600), None);
    assert!(verif.has(Code::RegistryRollback));
    assert!(
        verif.shard_wanted().is_none(),
        "no shard of a rolled-back index"
    );
}

/// Signs an index payload of our own making, pinning the given shard bytes.
fn index_pinning(shards: &[(&str, u64, &[u8])], template: &str) -> Vec<u8> {
    let p = json!({
        "format": "txng-registry-index/1",
        "version": 5,
        "authority": { "name": "Sở KH&CN" },
        "issued_at": format_rfc3339_utc(ISSUED),
        "next_update": format_rfc3339_utc(ISSUED + 30 * 86_400),
        "resolvers": [HOST],
        "trace_url_templates": [],
        "shard_url_template": template,
        "shards": shards.iter().map(|(pre, v, b)| json!({
            "from": pre, "version": v, "length": b.len(), "sha256": shard::sha256_hex(b),
        })).collect::<Vec<_>>(),
    });
    sign_registry_index(p.to_string().as_bytes(), KID, &anchor_key()).into_bytes()
}

fn shard_bytes(prefix: &str, version: u64, producers: Vec<Value>) -> Vec<u8> {
    json!({ "format": "txng-registry-shard/1", "from": prefix, "version": version, "producers": producers })
        .to_string()
        .into_bytes()
}

fn run(index: &[u8], shard: &[u8], text: &str) -> txng_core::Verdict {
    let mut v = Verification::start_sharded(
        text,
        Fetched::Bytes(index),
        RegistryContext::default(),
        &anchors(),
        NOW,
    );
    v.add_shard(Fetched::Bytes(shard), None);
    v.verdict()
}

#[test]
fn a_shard_that_contradicts_its_index_is_inconsistent() {
    let text = label_of(0, "89350123");
    let t = "s/{from}.json";
    // Authentic (pinned) bytes that name another prefix or version.
    let other = shard_bytes("8935", 3, vec![producer(0, &["89350123".into()])]);
    let verdict = run(&index_pinning(&[("89350", 3, &other)], t), &other, &text);
    assert!(
        verdict.has(Code::RegistryShardInconsistent),
        "{:?}",
        verdict.checks
    );
    let verdict = run(&index_pinning(&[("8935", 4, &other)], t), &other, &text);
    assert!(verdict.has(Code::RegistryShardInconsistent));
    // A company prefix outside the shard's range.
    let outside = shard_bytes(
        "8935",
        3,
        vec![producer(0, &["89350123".into(), "40001234".into()])],
    );
    let verdict = run(&index_pinning(&[("8935", 3, &outside)], t), &outside, &text);
    assert!(
        verdict.has(Code::RegistryShardInconsistent),
        "{:?}",
        verdict.checks
    );
    // A company prefix that a narrower shard takes GTINs away from.
    let wide = shard_bytes("8935", 3, vec![producer(0, &["89350".into()])]);
    let narrow = shard_bytes("893501", 3, vec![]);
    let index = index_pinning(&[("8935", 3, &wide), ("893501", 3, &narrow)], t);
    let verdict = run(&index, &wide, &label_of(0, "89350000"));
    assert!(
        verdict.has(Code::RegistryShardInconsistent),
        "{:?}",
        verdict.checks
    );
    // The consistent form of the same shard verifies.
    let ok = shard_bytes("8935", 3, vec![producer(0, &["89350123".into()])]);
    let verdict = run(&index_pinning(&[("8935", 3, &ok)], t), &ok, &text);
    assert_eq!(verdict.state, State::Verified, "{:?}", verdict.checks);
}

#[test]
fn a_pinned_shard_gets_the_registry_checks() {
    let text = label_of(0, "89350123");
    let t = "s/{from}.json";
    let mut weak = producer(0, &["89350123".into()]);
    weak["keys"][0]["public_key"] = json!(txng_core::b64::encode(&[0u8; 32]));
    let b = shard_bytes("8935", 1, vec![weak]);
    let verdict = run(&index_pinning(&[("8935", 1, &b)], t), &b, &text);
    assert!(
        verdict.has(Code::RegistryKeyInvalid),
        "{:?}",
        verdict.checks
    );
    let b = shard_bytes(
        "8935",
        1,
        vec![
            producer(0, &["89350123".into()]),
            producer(0, &["89359".into()]),
        ],
    );
    let verdict = run(&index_pinning(&[("8935", 1, &b)], t), &b, &text);
    assert!(
        verdict.has(Code::RegistryDuplicateId),
        "{:?}",
        verdict.checks
    );
    let b = br#"{"format":"txng-registry-shard/2","from":"8935","version":1,"producers":[]}"#;
    let verdict = run(&index_pinning(&[("8935", 1, b)], t), b, &text);
    assert!(verdict.has(Code::RegistryVersionUnsupported));
    let b = br#"{"format":"txng-registry-shard/1","from":"8935","from":"8935","version":1,"producers":[]}"#;
    let verdict = run(&index_pinning(&[("8935", 1, b)], t), b, &text);
    assert!(verdict.has(Code::RegistryMalformed), "duplicate member");
}

#[test]
fn index_envelope_and_shape_are_checked() {
    let b = shard_bytes("8935", 1, vec![]);
    let text = label_of(0, "89350123");
    let load = |bytes: &[u8]| {
        RegistryIndex::load(bytes, &anchors(), NOW)
            .map(|_| ())
            .map_err(|c| c.code)
    };
    // A single-file registry is not an index, and the other way round (explicit typing).
    let single = sign_registry(three_producers().to_string().as_bytes(), KID, &anchor_key());
    assert_eq!(load(single.as_bytes()), Err(Code::RegistryWrongType));
    let index = index_pinning(&[("8935", 1, &b)], "s/{from}.json");
    assert_eq!(
        Registry::load(&index, &anchors(), NOW)
            .map(|_| ())
            .map_err(|c| c.code),
        Err(Code::RegistryWrongType)
    );
    // Bad templates, prefixes, versions, hashes and duplicate shards.
    assert_eq!(
        load(&index_pinning(&[("8935", 1, &b)], "s/all.json")),
        Err(Code::RegistryMalformed)
    );
    assert_eq!(
        load(&index_pinning(&[("8935", 1, &b)], "s/{gtin}{from}")),
        Err(Code::RegistryMalformed)
    );
    assert_eq!(
        load(&index_pinning(&[("89a5", 1, &b)], "{from}")),
        Err(Code::RegistryMalformed)
    );
    assert_eq!(
        load(&index_pinning(&[("8935", 0, &b)], "{from}")),
        Err(Code::RegistryMalformed)
    );
    assert_eq!(
        load(&index_pinning(
            &[("8935", 1, &b), ("8935", 2, &b)],
            "{from}"
        )),
        Err(Code::RegistryMalformed)
    );
    let mut tampered = index.clone();
    let n = tampered.len();
    tampered[n - 5] ^= 1;
    assert!(load(&tampered).is_err());
    // An expired index makes every label grey, as an expired registry does.
    let mut v = Verification::start_sharded(
        &text,
        Fetched::Bytes(&index),
        RegistryContext::default(),
        &anchors(),
        ISSUED + 200 * 86_400,
    );
    v.add_shard(Fetched::Bytes(&b), None);
    assert!(v.has(Code::RegistryExpired));
    assert_eq!(v.verdict().state, State::CannotTell);
}
