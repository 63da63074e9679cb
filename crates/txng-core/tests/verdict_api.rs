//! The verification object's public behaviour beyond the state (FORMAT.md §4): which check is the
//! main reason, what the accessors return, that no trace is fetched or read for a label whose
//! signature failed, and the label's dates as shown. Written to kill the mutants `cargo mutants`
//! left alive in verify.rs; labels and registries are generated.

use ed25519_dalek::SigningKey;
use proptest::prelude::*;
use serde_json::{json, Value};
use txng_core::gs1::{check_digit, Ai};
use txng_core::link::LabelData;
use txng_core::sign::{sign_label, sign_registry, sign_trace};
use txng_core::time::Date;
use txng_core::verify::{Fetched, Verification};
use txng_core::{Code, Severity, State, TrustAnchor};

const KID: &str = "anchor";
const HOST: &str = "truyxuat.example.vn";
/// 2026-11-28T03:00:00Z.
const NOW: i64 = 1_795_834_800;

fn anchor() -> SigningKey {
    SigningKey::from_bytes(&[11; 32])
}

fn producer_key(n: u8) -> SigningKey {
    SigningKey::from_bytes(&[20 + n; 32])
}

fn anchors() -> Vec<TrustAnchor> {
    vec![TrustAnchor {
        kid: KID.into(),
        key: anchor().verifying_key(),
    }]
}

/// Key 1 valid, key 2 retired, key 3 revoked; the producer owns prefix 8935012.
fn registry() -> String {
    let pk = |n: u8| txng_core::b64::encode(producer_key(n).verifying_key().as_bytes());
    let payload = json!({
        "format": "txng-registry/1",
        "authority": { "name": "Sở KH&CN", "hotline": "0233" },
        "issued_at": "2026-11-01T00:00:00Z",
        "next_update": "2030-01-01T00:00:00Z",
        "resolvers": [HOST],
        "trace_url_templates": ["/t/{gtin}/{lot}.jws"],
        "demo": false,
        "producers": [{
            "id": "p1", "name": "HTX Một", "tax_code": "3200000000",
            "address": { "commune": "xã A", "province": "tỉnh Quảng Trị" },
            "gs1_company_prefixes": ["8935012"],
            "keys": [
                { "number": 1, "public_key": pk(1), "valid_from": "2025-01-01T00:00:00Z" },
                { "number": 2, "public_key": pk(2), "valid_from": "2025-01-01T00:00:00Z",
                  "retired_at": "2026-01-01T00:00:00Z" },
                { "number": 3, "public_key": pk(3), "valid_from": "2025-01-01T00:00:00Z",
                  "revoked_at": "2026-01-01T00:00:00Z" },
            ],
        }],
    });
    sign_registry(payload.to_string().as_bytes(), KID, &anchor())
}

fn data(serial: &str, attributes: Vec<(Ai, String)>) -> LabelData {
    let body = "0893501200001";
    LabelData {
        gtin: format!("{body}{}", check_digit(body).expect("digits")),
        cpv: None,
        lot: "L1".into(),
        serial: serial.into(),
        attributes,
    }
}

fn start(text: &str, reg: &str, cached: bool) -> Verification {
    Verification::start(
        text,
        Fetched::Bytes(reg.as_bytes()),
        cached,
        &anchors(),
        NOW,
    )
}

/// An EPCIS body with one packing event that names the lot: what txng's EPCIS profile wants
/// (FORMAT.md §3.6), so the profile's own warnings stay out of these tests.
fn epcis_body() -> Value {
    json!({ "type": "EPCISDocument", "schemaVersion": "2.0",
            "epcisBody": { "eventList": [{
                "type": "ObjectEvent", "eventTime": "2026-05-02T08:00:00+07:00",
                "eventTimeZoneOffset": "+07:00", "bizStep": "packing", "action": "OBSERVE",
                "quantityList": [{ "epcClass": "urn:epc:class:lgtin:8935012.00001.L1", "quantity": 1 }] }] } })
}

fn trace_payload(gtin: &str) -> Vec<u8> {
    json!({
        "format": "txng-trace/1", "gtin": gtin, "lot": "L1",
        "product": { "name": "Cà phê", "image_url": "/a.jpg", "has_expiry": false,
                     "standards": [{ "kind": "tcvn", "number": "TCVN 4193:2014" }] },
        "epcis": epcis_body(),
    })
    .to_string()
    .into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// The main reason: the signature under green, the first warning under amber, the first
    /// failure under red; the accessors give what was parsed and loaded.
    #[test]
    fn main_check_and_accessors(serial in "[A-Z0-9]{1,20}", official in any::<bool>()) {
        let reg = registry();
        let host = if official { HOST } else { "other.example" };
        let good = sign_label(data(&serial, vec![]), 1, &producer_key(1)).expect("signs");
        let v = start(&good.to_uri(&format!("https://{host}")), &reg, false);
        prop_assert_eq!(v.link().map(|l| &l.data), Some(&good.data));
        prop_assert_eq!(v.registry().map(|r| r.producers.len()), Some(1));
        let verdict = v.verdict();
        let main = verdict.main_check().map(|c| c.code);
        if official {
            prop_assert_eq!(verdict.state, State::Verified);
            prop_assert_eq!(main, Some(Code::SignatureValid));
        } else {
            prop_assert_eq!(verdict.state, State::VerifiedWithWarnings);
            prop_assert_eq!(main, Some(Code::HostUnofficial));
        }
        prop_assert!(verdict.has(Code::LabelCopyPossible));
        prop_assert!(!verdict.has(Code::SignatureInvalid));
        prop_assert_eq!(verdict.authority.as_ref().map(|a| a.name.as_str()), Some("Sở KH&CN"));
        prop_assert_eq!(verdict.registry_issued_at, Some(1_793_491_200));
        prop_assert_eq!(verdict.scanned.as_ref(), Some(&good.data));

        // Retired key: a harmless fact, green with the note (FORMAT.md §4.2); the valid signature
        // stays the main reason.
        let retired = sign_label(data(&serial, vec![]), 2, &producer_key(2)).expect("signs");
        let rv = start(&retired.to_uri(&format!("https://{HOST}")), &reg, false).verdict();
        prop_assert_eq!(rv.state, State::Verified);
        prop_assert!(rv.has(Code::KeyRetired));
        prop_assert_eq!(rv.main_check().map(|c| c.code), Some(Code::SignatureValid));

        // Revoked key: red, with the revocation first among the failures.
        let revoked = sign_label(data(&serial, vec![]), 3, &producer_key(3)).expect("signs");
        let xv = start(&revoked.to_uri(&format!("https://{HOST}")), &reg, false).verdict();
        prop_assert_eq!(xv.state, State::Invalid);
        prop_assert_eq!(xv.main_check().map(|c| (c.code, c.severity)), Some((Code::KeyRevoked, Severity::Failure)));
        prop_assert!(xv.label.is_none() && xv.producer.is_none());
        prop_assert_eq!(xv.scanned.as_ref(), Some(&revoked.data), "scanned data kept for a report");
    }

    /// A label whose signature fails gets no trace URL and its trace is never read, whatever
    /// is offered; a genuine one gets the template's URL and reads it.
    #[test]
    fn trace_only_after_a_valid_signature(serial in "[A-Z0-9]{1,20}", bit in 0usize..512) {
        let reg = registry();
        let good = sign_label(data(&serial, vec![]), 1, &producer_key(1)).expect("signs");
        let mut bad = good.clone();
        bad.signature.signature[bit / 8] ^= 1 << (bit % 8);
        let trace = sign_trace(&trace_payload(&good.data.gtin), "p1", 1, &producer_key(1));

        let mut v = start(&bad.to_uri(&format!("https://{HOST}")), &reg, false);
        prop_assert!(!v.wants_trace());
        prop_assert!(v.trace_urls().is_empty());
        let before = v.verdict().checks;
        v.add_trace(Fetched::Bytes(trace.as_bytes()));
        v.add_trace(Fetched::Unavailable("offline"));
        v.add_trace(Fetched::TooLarge);
        prop_assert_eq!(&v.verdict().checks, &before);
        prop_assert_eq!(v.verdict().state, State::Invalid);

        let mut g = start(&good.to_uri(&format!("https://{HOST}")), &reg, false);
        prop_assert!(g.wants_trace());
        prop_assert_eq!(g.trace_urls(), vec![format!("/t/{}/L1.jws", good.data.gtin)]);
        g.add_trace(Fetched::Bytes(trace.as_bytes()));
        let gv = g.verdict();
        prop_assert!(gv.has(Code::TraceValid), "{:?}", gv.checks);
        prop_assert_eq!(gv.state, State::Verified);
        prop_assert_eq!(gv.product.map(|p| p.name), Some("Cà phê".to_string()));
    }
}

#[test]
fn trace_fetch_outcomes_and_cache_flag() {
    let reg = registry();
    let good = sign_label(data("S1", vec![]), 1, &producer_key(1)).expect("signs");
    let text = good.to_uri(&format!("https://{HOST}"));
    let mut v = start(&text, &reg, false);
    v.add_trace(Fetched::Unavailable("http 404"));
    let verdict = v.verdict();
    assert!(verdict.has(Code::TraceUnavailable));
    assert_eq!(verdict.state, State::VerifiedWithWarnings);
    let mut v = start(&text, &reg, false);
    v.add_trace(Fetched::TooLarge);
    assert!(v.verdict().has(Code::TraceTooLarge));
    assert!(!v.verdict().has(Code::RegistryCached));
    let cached = start(&text, &reg, true).verdict();
    assert!(cached.has(Code::RegistryCached));
    assert_eq!(
        cached.state,
        State::Verified,
        "registry.cached is information only"
    );
}

#[test]
fn trace_with_another_producers_kid_is_refused() {
    let reg = registry();
    let good = sign_label(data("S1", vec![]), 1, &producer_key(1)).expect("signs");
    let text = good.to_uri(&format!("https://{HOST}"));
    let payload = trace_payload(&good.data.gtin);
    for (kid_id, n) in [("p2", 1), ("p1", 9)] {
        let t = sign_trace(&payload, kid_id, n, &producer_key(1));
        let mut v = start(&text, &reg, false);
        v.add_trace(Fetched::Bytes(t.as_bytes()));
        let verdict = v.verdict();
        assert!(verdict.has(Code::TraceSignerUnknown), "{kid_id}#{n}");
        assert_eq!(verdict.state, State::Invalid);
    }
}

#[test]
fn label_view_dates() {
    let reg = registry();
    let attrs = vec![
        (Ai::ProductionDate, "260912".to_string()),
        (Ai::PackagingDate, "260913".to_string()),
        (Ai::BestBefore, "271231".to_string()),
        (Ai::Expiry, "280100".to_string()),
        (Ai::Origin, "704".to_string()),
        (Ai::HarvestDate, "260901260915".to_string()),
    ];
    let good = sign_label(data("S1", attrs), 1, &producer_key(1)).expect("signs");
    let v = start(&good.to_uri(&format!("https://{HOST}")), &reg, false).verdict();
    let l = v.label.expect("green shows the label");
    let d = |year, month, day| Some(Date { year, month, day });
    assert_eq!(l.production_date, d(2026, 9, 12));
    assert_eq!(l.packaging_date, d(2026, 9, 13));
    assert_eq!(l.best_before, d(2027, 12, 31));
    assert_eq!(l.expiry, d(2028, 1, 0));
    assert_eq!(l.harvest_from, d(2026, 9, 1));
    assert_eq!(l.harvest_to, d(2026, 9, 15));
    assert_eq!(l.origin.as_deref(), Some("704"));
    assert_eq!(l.key_number, 1);
    assert_eq!((l.lot.as_str(), l.serial.as_str()), ("L1", "S1"));
    let single = vec![(Ai::HarvestDate, "260901".to_string())];
    let one = sign_label(data("S2", single), 1, &producer_key(1)).expect("signs");
    let v = start(&one.to_uri(&format!("https://{HOST}")), &reg, false).verdict();
    let l = v.label.expect("green");
    assert_eq!(l.harvest_from, d(2026, 9, 1));
    assert_eq!(l.harvest_to, None);
}

#[test]
fn expiry_is_the_end_of_the_day_in_vietnam() {
    let reg = registry();
    // NOW is 2026-11-28 10:00 in Vietnam: a label that expired yesterday warns, today does not.
    for (date, expired) in [("261127", true), ("261128", false), ("261129", false)] {
        for ai in [Ai::Expiry, Ai::BestBefore] {
            let l = sign_label(data("S1", vec![(ai, date.into())]), 1, &producer_key(1))
                .expect("signs");
            let v = start(&l.to_uri(&format!("https://{HOST}")), &reg, false).verdict();
            assert_eq!(v.has(Code::ProductExpired), expired, "{ai:?} {date}");
        }
    }
}

/// Expired from the first second after the date's last moment in Vietnam, not at it.
#[test]
fn expiry_edge_to_the_second() {
    let reg = registry();
    for date in ["261127", "261231", "270200"] {
        let l = sign_label(
            data("S1", vec![(Ai::Expiry, date.into())]),
            1,
            &producer_key(1),
        )
        .expect("signs");
        let text = l.to_uri(&format!("https://{HOST}"));
        let end = txng_core::time::gs1_date(date, NOW)
            .expect("date")
            .end_unix_vn();
        for (now, expired) in [(end - 1, false), (end, false), (end + 1, true)] {
            let v = Verification::start(
                &text,
                Fetched::Bytes(reg.as_bytes()),
                false,
                &anchors(),
                now,
            )
            .verdict();
            assert_eq!(v.has(Code::ProductExpired), expired, "{date} at {now}");
            assert!(v.has(Code::SignatureValid));
        }
    }
}

/// The minimum-information warnings (Thông tư 02/2024/TT-BKHCN) for every combination of the
/// product's fields and the label's dates.
#[test]
fn minimum_information_warnings() {
    let reg = registry();
    let names = [("Cà phê", false), ("", true), ("  ", true)];
    let images = [
        (Some("/a.jpg"), false),
        (None, true),
        (Some(""), true),
        (Some(" "), true),
    ];
    let label_dates = [None, Some(Ai::Expiry), Some(Ai::BestBefore)];
    for (name, no_name) in names {
        for (image, no_image) in images {
            for has_expiry in [true, false] {
                for expiry_date in [None, Some("2027-01-01")] {
                    for label_date in label_dates {
                        let attrs = label_date
                            .map(|ai| (ai, "271231".to_string()))
                            .into_iter()
                            .collect();
                        let l = sign_label(data("S1", attrs), 1, &producer_key(1)).expect("signs");
                        let mut product = json!({ "name": name, "has_expiry": has_expiry,
                            "standards": [{ "kind": "tcvn", "number": "TCVN 4193:2014" }] });
                        if let Some(i) = image {
                            product["image_url"] = json!(i);
                        }
                        if let Some(d) = expiry_date {
                            product["expiry_date"] = json!(d);
                        }
                        let payload = json!({
                            "format": "txng-trace/1", "gtin": l.data.gtin, "lot": "L1",
                            "product": product,
                            "epcis": epcis_body(),
                        });
                        let t =
                            sign_trace(payload.to_string().as_bytes(), "p1", 1, &producer_key(1));
                        let mut v = start(&l.to_uri(&format!("https://{HOST}")), &reg, false);
                        v.add_trace(Fetched::Bytes(t.as_bytes()));
                        let verdict = v.verdict();
                        let case = format!(
                            "{name:?} {image:?} {has_expiry} {expiry_date:?} {label_date:?}"
                        );
                        assert!(verdict.has(Code::TraceValid), "{case}");
                        assert_eq!(verdict.has(Code::InfoMissingName), no_name, "{case}");
                        assert_eq!(verdict.has(Code::InfoMissingImage), no_image, "{case}");
                        let no_expiry = has_expiry && label_date.is_none() && expiry_date.is_none();
                        assert_eq!(verdict.has(Code::InfoMissingExpiry), no_expiry, "{case}");
                        assert!(!verdict.has(Code::InfoMissingProducer), "{case}");
                        // A missing photo is a note, not a warning (FORMAT.md §4.2).
                        let warned = no_name || no_expiry;
                        let want = if warned {
                            State::VerifiedWithWarnings
                        } else {
                            State::Verified
                        };
                        assert_eq!(verdict.state, want, "{case}");
                    }
                }
            }
        }
    }
}
