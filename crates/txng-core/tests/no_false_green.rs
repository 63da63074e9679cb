//! Generated inputs for the classes of false green and downgrade that FORMAT.md §2.2, §2.3 and
//! §2.6 close: duplicate JSON members, registry rollback, a device clock set back, keys that are
//! non-canonical or of mixed order, and trace `kid` spellings. Each property states what must
//! never happen, over thousands of generated cases, rather than listing a few strings.

use ed25519_dalek::SigningKey;
use proptest::prelude::*;
use serde_json::{json, Value};
use txng_core::json::{check, Nulls, StrictJsonError};
use txng_core::link::LabelData;
use txng_core::registry::{strict_public_key, TrustAnchor};
use txng_core::sign::{sign_label, sign_registry, sign_trace};
use txng_core::time::format_rfc3339_utc;
use txng_core::verify::{trace_kid_number, Fetched, RegistryContext, Verification};
use txng_core::{b64, Ai, Code, State};

const DAY: i64 = 86_400;
/// 2026-11-01T00:00:00Z.
const T0: i64 = 1_793_491_200;

fn anchor_key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

fn producer_key(n: u8) -> SigningKey {
    SigningKey::from_bytes(&[n; 32])
}

fn anchors() -> Vec<TrustAnchor> {
    vec![TrustAnchor {
        kid: "a".into(),
        key: anchor_key().verifying_key(),
    }]
}

/// A registry with one producer (prefix 89350123) and key 1, optionally revoked at `revoked_at`.
fn registry(issued_at: i64, revoked_at: Option<i64>) -> String {
    let mut key = json!({
        "number": 1,
        "public_key": b64::encode(producer_key(1).verifying_key().as_bytes()),
        "valid_from": format_rfc3339_utc(T0 - 400 * DAY),
    });
    if let Some(at) = revoked_at {
        key["revoked_at"] = json!(format_rfc3339_utc(at));
    }
    let doc = json!({
        "format": "txng-registry/1",
        "authority": {"name": "Sở KH&CN"},
        "issued_at": format_rfc3339_utc(issued_at),
        "next_update": format_rfc3339_utc(issued_at + 3000 * DAY),
        "resolvers": ["truyxuat.quangtri.gov.vn"],
        "trace_url_templates": [],
        "producers": [{
            "id": "p", "name": "HTX", "tax_code": "1",
            "address": {"commune": "xã A", "province": "tỉnh Quảng Trị"},
            "gs1_company_prefixes": ["89350123"],
            "keys": [key],
        }],
    });
    sign_registry(doc.to_string().as_bytes(), "a", &anchor_key())
}

fn label() -> String {
    label_with_key(1, &producer_key(1))
}

fn run(reg: &str, now: i64, known: Option<i64>) -> txng_core::Verdict {
    let ctx = RegistryContext {
        from_cache: false,
        known_issued_at: known,
    };
    Verification::start_with(
        &label(),
        Fetched::Bytes(reg.as_bytes()),
        ctx,
        &anchors(),
        now,
    )
    .verdict()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// §2.3: key validity is judged at max(now, issued_at). A revocation dated at or before the
    /// registry's issue time is never undone by a clock set back, however far; `clock.behind`
    /// appears exactly when the registry is more than 10 minutes in the device's future.
    #[test]
    fn clock_set_back_never_revives_a_revoked_key(
        issued in 0i64..400,
        revoked_before in 0i64..400,
        clock_offset in -2000i64..20,
    ) {
        let issued_at = T0 + issued * DAY;
        let revoked_at = issued_at - revoked_before * DAY;
        let now = issued_at + clock_offset * DAY / 4;
        let v = run(&registry(issued_at, Some(revoked_at)), now, None);
        prop_assert_eq!(v.state, State::Invalid, "{:?}", v.checks);
        prop_assert!(v.has(Code::KeyRevoked));
        prop_assert!(v.label.is_none() && v.producer.is_none());
        prop_assert_eq!(v.has(Code::ClockBehind), issued_at > now + 600);
    }

    /// §2.6: a registry older than the newest one seen is never used, whatever it says.
    #[test]
    fn an_older_registry_is_never_used(
        issued in 0i64..1000,
        newer_by in 1i64..100_000,
        revoked in any::<bool>(),
    ) {
        let issued_at = T0 + issued * 3600;
        let reg = registry(issued_at, revoked.then_some(issued_at + 10 * DAY));
        let v = run(&reg, issued_at + DAY, Some(issued_at + newer_by));
        prop_assert_eq!(v.state, State::CannotTell);
        prop_assert!(v.has(Code::RegistryRollback));
        prop_assert!(!v.has(Code::SignatureValid));
        prop_assert!(v.authority.is_none());
        // The same list with the mark at or before its issue time is used.
        let v = run(&reg, issued_at + DAY, Some(issued_at - newer_by % 1000));
        prop_assert!(!v.has(Code::RegistryRollback));
        prop_assert!(v.has(Code::SignatureValid));
    }
}

/// A registry whose producer lists key 1 (genuine) and key 2: `key2` as given, valid from
/// `key2_from`.
fn registry_with_key2(key2: &[u8; 32], key2_from: &str) -> String {
    let doc = json!({
        "format": "txng-registry/1",
        "authority": {"name": "Sở"},
        "issued_at": format_rfc3339_utc(T0),
        "next_update": format_rfc3339_utc(T0 + 100 * DAY),
        "resolvers": ["truyxuat.quangtri.gov.vn"],
        "trace_url_templates": ["https://x/{gtin}/{lot}"],
        "producers": [{
            "id": "p", "name": "HTX", "tax_code": "1",
            "address": {"commune": "xã A", "province": "tỉnh B"},
            "gs1_company_prefixes": ["89350123"],
            "keys": [
                {"number": 1, "public_key": b64::encode(producer_key(1).verifying_key().as_bytes()), "valid_from": "2025-01-01T00:00:00Z"},
                {"number": 2, "public_key": b64::encode(key2), "valid_from": key2_from},
            ],
        }],
    });
    sign_registry(doc.to_string().as_bytes(), "a", &anchor_key())
}

/// The lot L1's trace document signed with `key` as the producer's key `number`.
fn trace_signed(number: u16, key: &SigningKey) -> String {
    let trace = json!({
        "format": "txng-trace/1", "gtin": "08935012300010", "lot": "L1",
        "product": {"name": "Cà phê"},
        "epcis": {"type": "EPCISDocument", "schemaVersion": "2.0", "epcisBody": {"eventList": []}},
    });
    sign_trace(trace.to_string().as_bytes(), "p", number, key)
}

fn label_with_key(number: u16, key: &SigningKey) -> String {
    let data = LabelData {
        gtin: "08935012300010".into(),
        cpv: None,
        lot: "L1".into(),
        serial: "S1".into(),
        attributes: vec![(Ai::Origin, "704".into())],
    };
    sign_label(data, number, key)
        .expect("valid label")
        .to_uri("https://truyxuat.quangtri.gov.vn")
}

fn verify(label: &str, reg: &str, trace: Option<&str>) -> txng_core::Verdict {
    let mut v = Verification::start(
        label,
        Fetched::Bytes(reg.as_bytes()),
        false,
        &anchors(),
        T0 + DAY,
    );
    if let Some(t) = trace {
        v.add_trace(Fetched::Bytes(t.as_bytes()));
    }
    v.verdict()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// §2.3 check 5, made when a signature names a key: a listed key 2 that is the producer's
    /// genuine key 2 plus a point of small order (or the small-order point alone) is refused as
    /// `registry.key_invalid` (grey) wherever it is named, by the label or by the trace document
    /// (whose signature would hold for the genuine key), and never verifies anything; the same
    /// list still verifies a label and trace under key 1.
    #[test]
    fn a_faulty_key_is_refused_where_it_is_named(t in 0usize..8, seed in 2u8..200) {
        let genuine2 = producer_key(seed);
        let faulty = (genuine2.verifying_key().to_edwards()
            + curve25519_dalek::constants::EIGHT_TORSION[t])
            .compress()
            .to_bytes();
        let faulty = if t == 0 { [0u8; 32] } else { faulty }; // t = 0: the identity's non-canonical spelling
        prop_assert!(strict_public_key(&faulty).is_none());
        let reg = registry_with_key2(&faulty, "2025-01-01T00:00:00Z");
        // The label names key 2.
        let v = verify(&label_with_key(2, &genuine2), &reg, None);
        prop_assert_eq!(v.state, State::CannotTell, "{:?}", v.checks);
        prop_assert!(v.has(Code::RegistryKeyInvalid) && !v.has(Code::SignatureValid));
        // The label names key 1, the trace document key 2.
        let v = verify(&label_with_key(1, &producer_key(1)), &reg, Some(&trace_signed(2, &genuine2)));
        prop_assert_eq!(v.state, State::CannotTell, "{:?}", v.checks);
        prop_assert!(v.has(Code::RegistryKeyInvalid) && !v.has(Code::TraceValid));
        prop_assert!(v.events.is_empty() && v.product.is_none());
        // Key 1 for both: verified, the faulty key 2 never used.
        let v = verify(&label_with_key(1, &producer_key(1)), &reg, Some(&trace_signed(1, &producer_key(1))));
        // (with warnings: this minimal document has no events and the label no expiry date)
        prop_assert_eq!(v.state, State::VerifiedWithWarnings, "{:?}", v.checks);
        prop_assert!(v.has(Code::TraceValid) && !v.has(Code::RegistryKeyInvalid));
    }
}

#[test]
fn the_signer_refuses_a_list_with_any_faulty_key() {
    let reg = registry_with_key2(&[0u8; 32], "2025-01-01T00:00:00Z");
    let (loaded, _) = txng_core::Registry::load(reg.as_bytes(), &anchors(), T0 + DAY)
        .expect("the list loads: its keys are checked when named");
    let err = loaded
        .check_keys()
        .expect_err("key 2 is the identity's non-canonical spelling");
    assert_eq!(err.code, Code::RegistryKeyInvalid);
    assert_eq!(err.detail.as_deref(), Some("producer=p key=2"));
    let good = registry_with_key2(
        producer_key(2).verifying_key().as_bytes(),
        "2025-01-01T00:00:00Z",
    );
    let (loaded, _) =
        txng_core::Registry::load(good.as_bytes(), &anchors(), T0 + DAY).expect("loads");
    assert!(loaded.check_keys().is_ok());
}

// --- Duplicate members --------------------------------------------------------------------------

/// Random JSON trees whose objects have unique names (serde_json's map makes them so).
fn json_tree() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        "[a-zA-Zà-ỹ0-9 ]{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[a-e]{1,2}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Rewrites the n-th object (in document order) of `text` so that its first member appears
/// twice: `{"k":v,` becomes `{"k":v,"k":v,` (or `{"\u006b":…` spelled with an escape). Returns
/// `None` if there is no such non-empty object.
fn duplicate_nth(v: &Value, n: usize, escaped: bool) -> Option<String> {
    fn walk(v: &Value, n: &mut usize, escaped: bool, out: &mut String) -> bool {
        match v {
            Value::Object(m) => {
                let target = *n == 0 && !m.is_empty();
                if !m.is_empty() {
                    *n = n.wrapping_sub(1);
                }
                out.push('{');
                let mut done = false;
                for (i, (k, val)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if i == 0 && target {
                        let name = if escaped {
                            k.chars().map(|c| format!("\\u{:04x}", c as u32)).collect()
                        } else {
                            k.clone()
                        };
                        out.push_str(&format!("\"{name}\":{val},"));
                        done = true;
                    }
                    out.push_str(&serde_json::to_string(k).unwrap_or_default());
                    out.push(':');
                    done |= walk(val, n, escaped, out);
                }
                out.push('}');
                done
            }
            Value::Array(a) => {
                out.push('[');
                let mut done = false;
                for (i, x) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    done |= walk(x, n, escaped, out);
                }
                out.push(']');
                done
            }
            other => {
                out.push_str(&other.to_string());
                false
            }
        }
    }
    let mut out = String::new();
    let mut n = n;
    walk(v, &mut n, escaped, &mut out).then_some(out)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// RFC 7493 §2.3 at every depth: a document with unique names passes, the same document with
    /// one name repeated in any object (plainly or spelled with escapes) is refused.
    #[test]
    fn duplicate_names_are_found_at_any_depth(v in json_tree(), n in 0usize..8, escaped in any::<bool>()) {
        let text = v.to_string();
        prop_assert_eq!(check(text.as_bytes(), Nulls::Allowed), Ok(()));
        if let Some(dup) = duplicate_nth(&v, n, escaped) {
            prop_assert!(
                matches!(check(dup.as_bytes(), Nulls::Allowed), Err(StrictJsonError::DuplicateMember(_))),
                "not found in {}", dup
            );
        }
    }

    /// The registry refuses a duplicate member wherever it is, even in members it ignores: never
    /// `registry.valid`.
    #[test]
    fn a_registry_with_a_duplicate_member_is_refused(n in 0usize..12, escaped in any::<bool>()) {
        let reg = registry(T0, None);
        let payload = reg.split('.').nth(1).and_then(b64::decode).expect("payload");
        let v: Value = serde_json::from_slice(&payload).expect("json");
        if let Some(dup) = duplicate_nth(&v, n, escaped) {
            let signed = sign_registry(dup.as_bytes(), "a", &anchor_key());
            let verdict = run(&signed, T0 + DAY, None);
            prop_assert!(verdict.has(Code::RegistryMalformed), "{:?}", verdict.checks);
            prop_assert_eq!(verdict.state, State::CannotTell);
        }
    }
}

#[test]
fn the_forgers_second_public_key_is_never_trusted() {
    // The attack of the issue: key 1 listed twice, genuine first and the forger's second; a label
    // signed by the forger. serde_json alone keeps the last member and would verify it.
    let forger = producer_key(9);
    let reg = registry(T0, None);
    let payload = reg
        .split('.')
        .nth(1)
        .and_then(b64::decode)
        .expect("payload");
    let text = String::from_utf8(payload).expect("utf8");
    let genuine = b64::encode(producer_key(1).verifying_key().as_bytes());
    let forged = b64::encode(forger.verifying_key().as_bytes());
    let twice = text.replace(
        &format!("\"public_key\":\"{genuine}\""),
        &format!("\"public_key\":\"{genuine}\",\"public_key\":\"{forged}\""),
    );
    assert_ne!(twice, text);
    let signed = sign_registry(twice.as_bytes(), "a", &anchor_key());
    let data = LabelData {
        gtin: "08935012300010".into(),
        cpv: None,
        lot: "L1".into(),
        serial: "S1".into(),
        attributes: vec![],
    };
    let uri = sign_label(data, 1, &forger)
        .expect("label")
        .to_uri("https://truyxuat.quangtri.gov.vn");
    let ctx = RegistryContext::default();
    let v = Verification::start_with(&uri, Fetched::Bytes(signed.as_bytes()), ctx, &anchors(), T0)
        .verdict();
    assert_eq!(v.state, State::CannotTell, "{:?}", v.checks);
    assert!(v.has(Code::RegistryMalformed));
}

#[test]
fn a_null_member_or_header_duplicate_is_malformed() {
    let reg = registry(T0, None);
    let payload = reg
        .split('.')
        .nth(1)
        .and_then(b64::decode)
        .expect("payload");
    let text = String::from_utf8(payload).expect("utf8");
    let with_null = text.replacen("\"number\":1,", "\"number\":1,\"revoked_at\":null,", 1);
    assert_ne!(with_null, text);
    let v = run(
        &sign_registry(with_null.as_bytes(), "a", &anchor_key()),
        T0,
        None,
    );
    assert!(v.has(Code::RegistryMalformed), "{:?}", v.checks);

    // A protected header with two `kid`s or with `"crit": null` is not a JWS txng reads.
    for header in [
        r#"{"alg":"EdDSA","kid":"a","kid":"b"}"#,
        r#"{"alg":"EdDSA","kid":"a","crit":null}"#,
    ] {
        let jws = format!(
            "{}.{}",
            b64::encode(header.as_bytes()),
            reg.split_once('.').map(|x| x.1).unwrap_or("")
        );
        assert!(
            txng_core::jws::Jws::parse(jws.as_bytes()).is_err(),
            "{header} accepted"
        );
    }
}

// --- Keys -----------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// §2.3: every genuine key passes; the same key plus any point of small order (mixed order)
    /// and any non-canonical spelling of the same point are refused.
    #[test]
    fn only_canonical_prime_order_keys_are_accepted(seed in any::<[u8; 32]>(), t in 1usize..8) {
        let vk = SigningKey::from_bytes(&seed).verifying_key();
        prop_assert!(strict_public_key(vk.as_bytes()).is_some());
        let mixed = vk.to_edwards() + curve25519_dalek::constants::EIGHT_TORSION[t];
        prop_assert!(strict_public_key(mixed.compress().as_bytes()).is_none());
        // The sign bit flipped gives -A, another valid key (not a second spelling of A).
        let mut neg = *vk.as_bytes();
        neg[31] ^= 0x80;
        prop_assert_eq!(strict_public_key(&neg).is_some(), ed25519_dalek::VerifyingKey::from_bytes(&neg).is_ok());
    }
}

#[test]
fn non_canonical_encodings_are_refused() {
    // y + p for y < 19: the only non-canonical y encodings. Each one that decodes is refused.
    let mut refused = 0;
    for y in 0u8..19 {
        let mut non = [0xffu8; 32];
        non[0] = 0xed + y;
        for sign in [0u8, 0x80] {
            non[31] = 0x7f | sign;
            if ed25519_dalek::VerifyingKey::from_bytes(&non).is_ok() {
                assert!(strict_public_key(&non).is_none(), "y={y} sign={sign}");
                refused += 1;
            }
        }
    }
    assert!(refused > 0, "no non-canonical encoding decoded at all");
    // Small-order points (the identity, order 2, 4, 8) are refused in any spelling.
    for t in curve25519_dalek::constants::EIGHT_TORSION {
        assert!(strict_public_key(t.compress().as_bytes()).is_none());
    }
}

// --- Trace kid ------------------------------------------------------------------------------------

proptest! {
    /// §3.2: `{id}#{n}` with n in canonical decimal is the only spelling of a key; every other
    /// spelling of the same number names no key.
    #[test]
    fn one_kid_per_key(n in any::<u16>(), zeros in 1usize..3, id in "[a-z#-]{1,12}") {
        prop_assert_eq!(trace_kid_number(&format!("{id}#{n}"), &id), Some(n));
        let padded = format!("{id}#{}{n}", "0".repeat(zeros));
        prop_assert_eq!(trace_kid_number(&padded, &id), None);
        prop_assert_eq!(trace_kid_number(&format!("{id}#+{n}"), &id), None);
        prop_assert_eq!(trace_kid_number(&format!("{id}{n}"), &id), None);
        prop_assert_eq!(trace_kid_number(&format!("{id}#{n}.0"), &id), None);
        prop_assert_eq!(trace_kid_number(&format!("x{id}#{n}"), &id), None);
        prop_assert_eq!(trace_kid_number(&format!("{id}#{}", u32::from(n) + 65_536), &id), None);
    }
}

#[test]
fn a_trace_signed_by_a_key_not_yet_valid_is_refused() {
    // Key 2 valid from 2030; the label is signed with key 1, the trace with key 2.
    let reg = registry_with_key2(
        producer_key(2).verifying_key().as_bytes(),
        "2030-01-01T00:00:00Z",
    );
    let verdict = verify(&label(), &reg, Some(&trace_signed(2, &producer_key(2))));
    assert!(
        verdict.has(Code::TraceKeyNotYetValid),
        "{:?}",
        verdict.checks
    );
    assert_eq!(verdict.state, State::Invalid);
}
