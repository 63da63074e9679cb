//! The time and size limits of the pipeline at their exact edges (FORMAT.md §1.5, §2.3, §4.3):
//! written to kill the mutants (`cargo mutants`) that move a `<=` to `<` or a `>` to `>=` in the
//! key-validity, registry-freshness and size checks. Every rule is checked on each side of its
//! edge, for generated edges, through the public API only.

use ed25519_dalek::SigningKey;
use proptest::prelude::*;
use serde_json::json;
use txng_core::gs1::check_digit;
use txng_core::link::LabelData;
use txng_core::registry::{Registry, EXPIRY_GRACE_SECS, MAX_REGISTRY_BYTES};
use txng_core::sign::{sign_label, sign_registry, sign_trace};
use txng_core::time::format_rfc3339_utc;
use txng_core::trace::MAX_TRACE_BYTES;
use txng_core::verify::{verify, Fetched, Verification};
use txng_core::{Code, State, TrustAnchor};

const KID: &str = "anchor";
const HOST: &str = "truyxuat.example.vn";
/// 2026-11-01T00:00:00Z: every registry here is issued then; all times tested are later.
const ISSUED: i64 = 1_793_491_200;

fn anchor_key() -> SigningKey {
    SigningKey::from_bytes(&[1; 32])
}

fn producer_key() -> SigningKey {
    SigningKey::from_bytes(&[2; 32])
}

fn anchors() -> Vec<TrustAnchor> {
    vec![TrustAnchor {
        kid: KID.into(),
        key: anchor_key().verifying_key(),
    }]
}

fn b64(k: &SigningKey) -> String {
    txng_core::b64::encode(k.verifying_key().as_bytes())
}

/// A registry payload with one producer (prefix 8935012, key 1) whose key entry is `key`.
fn registry(next_update: i64, key: serde_json::Value) -> Vec<u8> {
    json!({
        "format": "txng-registry/1",
        "authority": { "name": "Sở KH&CN" },
        "issued_at": format_rfc3339_utc(ISSUED),
        "next_update": format_rfc3339_utc(next_update),
        "resolvers": [HOST],
        "trace_url_templates": ["/t/{gtin}/{lot}"],
        "demo": false,
        "producers": [{
            "id": "p1",
            "name": "HTX Một",
            "tax_code": "3200000000",
            "address": { "commune": "xã A", "province": "tỉnh Quảng Trị" },
            "gs1_company_prefixes": ["8935012"],
            "keys": [key],
        }],
    })
    .to_string()
    .into_bytes()
}

fn key_entry(valid_from: i64, retired: Option<i64>, revoked: Option<i64>) -> serde_json::Value {
    let mut k = json!({
        "number": 1,
        "public_key": b64(&producer_key()),
        "valid_from": format_rfc3339_utc(valid_from),
    });
    if let Some(t) = retired {
        k["retired_at"] = json!(format_rfc3339_utc(t));
    }
    if let Some(t) = revoked {
        k["revoked_at"] = json!(format_rfc3339_utc(t));
    }
    k
}

fn label() -> String {
    let body = "0893501200001";
    let gtin = format!("{body}{}", check_digit(body).expect("digits"));
    let data = LabelData {
        gtin,
        cpv: None,
        lot: "L1".into(),
        serial: "S1".into(),
        attributes: Vec::new(),
    };
    sign_label(data, 1, &producer_key())
        .expect("valid label")
        .to_uri(&format!("https://{HOST}"))
}

fn check(payload: &[u8], now: i64) -> txng_core::Verdict {
    let jws = sign_registry(payload, KID, &anchor_key());
    verify(
        &label(),
        Fetched::Bytes(jws.as_bytes()),
        None,
        &anchors(),
        now,
    )
}

const FAR: i64 = 2_000_000_000;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A key revoked at `t` is revoked from `t` on (inclusive), valid before.
    #[test]
    fn revocation_edge(t in ISSUED + 10..ISSUED + 10_000_000, d in -2i64..=2) {
        let v = check(&registry(FAR, key_entry(ISSUED - 100, None, Some(t))), t + d);
        prop_assert_eq!(v.has(Code::KeyRevoked), d >= 0);
        prop_assert_eq!(v.state == State::Invalid, d >= 0);
        prop_assert_eq!(v.has(Code::SignatureValid), d < 0);
    }

    /// A key is valid from `valid_from` on (inclusive), not before.
    #[test]
    fn valid_from_edge(t in ISSUED + 10..ISSUED + 10_000_000, d in -2i64..=2) {
        let v = check(&registry(FAR, key_entry(t, None, None)), t + d);
        prop_assert_eq!(v.has(Code::KeyNotYetValid), d < 0);
        prop_assert_eq!(v.state == State::Verified, d >= 0, "{:?}", v.checks);
    }

    /// A key retired at `t` gives its note from `t` on (inclusive), nothing before; the result
    /// stays green either way (a harmless fact, FORMAT.md §4.2).
    #[test]
    fn retired_edge(t in ISSUED + 10..ISSUED + 10_000_000, d in -2i64..=2) {
        let v = check(&registry(FAR, key_entry(ISSUED - 100, Some(t), None)), t + d);
        prop_assert_eq!(v.has(Code::KeyRetired), d >= 0);
        prop_assert!(v.has(Code::SignatureValid));
        prop_assert_eq!(v.state, State::Verified);
    }

    /// Stale strictly after `next_update`; expired strictly after `next_update` + grace.
    #[test]
    fn freshness_edges(next in ISSUED + 10..ISSUED + 10_000_000, d in -2i64..=2) {
        let payload = registry(next, key_entry(ISSUED - 100, None, None));
        let jws = sign_registry(&payload, KID, &anchor_key());
        let (_, at_next) = Registry::load(jws.as_bytes(), &anchors(), next + d).expect("loads");
        prop_assert_eq!(at_next.iter().any(|c| c.code == Code::RegistryStale), d > 0);
        prop_assert!(!at_next.iter().any(|c| c.code == Code::RegistryExpired));
        let end = next + EXPIRY_GRACE_SECS;
        let (_, at_end) = Registry::load(jws.as_bytes(), &anchors(), end + d).expect("loads");
        prop_assert_eq!(at_end.iter().any(|c| c.code == Code::RegistryExpired), d > 0);
        prop_assert_eq!(at_end.iter().any(|c| c.code == Code::RegistryStale), d <= 0);
        let v = check(&payload, end + d);
        let want = if d > 0 { State::CannotTell } else { State::VerifiedWithWarnings };
        prop_assert_eq!(v.state, want);
    }

    /// The trace key's revocation is inclusive too.
    #[test]
    fn trace_key_revocation_edge(t in ISSUED + 10..ISSUED + 10_000_000, d in 0i64..=2) {
        // The label key must still be valid at `now`: the trace is signed by key 2.
        let key2 = SigningKey::from_bytes(&[3; 32]);
        let keys = json!([
            key_entry(ISSUED - 100, None, None),
            { "number": 2, "public_key": b64(&key2), "valid_from": format_rfc3339_utc(ISSUED - 100),
              "revoked_at": format_rfc3339_utc(t) },
        ]);
        let mut payload: serde_json::Value = serde_json::from_slice(&registry(FAR, json!({}))).expect("json");
        payload["producers"][0]["keys"] = keys;
        let jws = sign_registry(payload.to_string().as_bytes(), KID, &anchor_key());
        let trace = sign_trace(b"{}", "p1", 2, &key2);
        let now = t + d - 1;
        let mut v = Verification::start(&label(), Fetched::Bytes(jws.as_bytes()), false, &anchors(), now);
        prop_assert!(v.wants_trace());
        v.add_trace(Fetched::Bytes(trace.as_bytes()));
        let verdict = v.verdict();
        prop_assert_eq!(verdict.has(Code::TraceKeyRevoked), d >= 1);
        // Before the revocation the signature holds and the (empty) payload is malformed.
        prop_assert_eq!(verdict.has(Code::TraceMalformed), d < 1);
    }
}

/// A registry of exactly the limit is read; one byte more is refused before parsing.
#[test]
fn registry_size_edge() {
    let payload = registry(FAR, key_entry(ISSUED - 100, None, None));
    let jws = sign_registry(&payload, KID, &anchor_key());
    // Pad with trailing white space (ignored by the JWS reader) up to the limit, and one past it.
    let mut at_limit = jws.clone().into_bytes();
    at_limit.resize(MAX_REGISTRY_BYTES, b' ');
    let loaded = Registry::load(&at_limit, &anchors(), ISSUED);
    assert!(loaded.is_ok(), "{:?}", loaded.err());
    let mut over = at_limit.clone();
    over.push(b' ');
    let err = Registry::load(&over, &anchors(), ISSUED)
        .err()
        .map(|c| c.code);
    assert_eq!(err, Some(Code::RegistryTooLarge));
}

/// A trace document of exactly the limit is read; one byte more is `trace.too_large`.
#[test]
fn trace_size_edge() {
    let payload = registry(FAR, key_entry(ISSUED - 100, None, None));
    let jws = sign_registry(&payload, KID, &anchor_key());
    let trace = sign_trace(b"{}", "p1", 1, &producer_key());
    let start = Verification::start(
        &label(),
        Fetched::Bytes(jws.as_bytes()),
        false,
        &anchors(),
        ISSUED,
    );
    let mut at_limit = trace.into_bytes();
    at_limit.resize(MAX_TRACE_BYTES, b' ');
    let mut v = start.clone();
    v.add_trace(Fetched::Bytes(&at_limit));
    let verdict = v.verdict();
    assert!(!verdict.has(Code::TraceTooLarge), "{:?}", verdict.checks);
    assert!(verdict.has(Code::TraceMalformed), "{:?}", verdict.checks);
    at_limit.push(b' ');
    let mut v = start;
    v.add_trace(Fetched::Bytes(&at_limit));
    assert!(v.verdict().has(Code::TraceTooLarge));
}
