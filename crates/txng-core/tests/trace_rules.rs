//! The trace document's reading rules (FORMAT.md §3) at their edges, the size limits as the spec
//! states them (§4.3), and the JSON form of a verdict (what `txng verify --json` prints). Written to
//! kill the mutants `cargo mutants` left alive in trace.rs, registry.rs and status.rs.

use proptest::prelude::*;
use serde_json::{json, Value};
use txng_core::registry::MAX_REGISTRY_BYTES;
use txng_core::trace::{Trace, TraceError, MAX_EVENTS, MAX_TRACE_BYTES};
use txng_core::{Check, Code, State};

/// FORMAT.md §4.3 in numbers: the limits are the spec's, not whatever the constants say.
#[test]
fn size_limits_are_the_specs() {
    assert_eq!(
        MAX_REGISTRY_BYTES,
        4 * 1024 * 1024,
        "FORMAT.md: registry ≤ 4 MiB"
    );
    assert_eq!(MAX_TRACE_BYTES, 1024 * 1024, "FORMAT.md: trace ≤ 1 MiB");
    assert_eq!(MAX_EVENTS, 1000, "FORMAT.md: at most 1,000 events");
    assert_eq!(
        txng_core::registry::EXPIRY_GRACE_SECS,
        90 * 86_400,
        "FORMAT.md: expired 90 days after next_update"
    );
    let spec =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/FORMAT.md"))
            .expect("docs/FORMAT.md");
    for s in [
        "**4 MiB**",
        "**1 MiB**",
        "**1,000 events**",
        "next_update + 90 days",
    ] {
        assert!(spec.contains(s), "FORMAT.md no longer says {s}");
    }
}

fn event(time: &str, disposition: Option<&str>) -> Value {
    let mut e = json!({
        "type": "ObjectEvent",
        "eventTime": time,
        "eventTimeZoneOffset": "+07:00",
        "bizStep": "https://ref.gs1.org/cbv/BizStep-harvesting",
        "ilmd": { "txng:variety": "Robusta", "txng:grade": 1 },
    });
    if let Some(d) = disposition {
        e["disposition"] = json!(d);
    }
    e
}

fn doc(events: Vec<Value>, doc_type: &str, version: &str, product: Value) -> Vec<u8> {
    json!({
        "format": "txng-trace/1", "gtin": "08935012300010", "lot": "L1",
        "product": product,
        "epcis": { "type": doc_type, "schemaVersion": version,
                   "epcisBody": { "eventList": events } },
    })
    .to_string()
    .into_bytes()
}

fn product() -> Value {
    json!({ "name": "Cà phê" })
}

#[test]
fn event_count_edge() {
    let at = |n: usize| {
        let evs = (0..n)
            .map(|_| event("2026-09-01T08:00:00+07:00", None))
            .collect();
        Trace::from_payload(&doc(evs, "EPCISDocument", "2.0", product()))
    };
    assert_eq!(at(MAX_EVENTS).map(|t| t.events.len()), Ok(1000));
    assert_eq!(
        at(MAX_EVENTS + 1).err(),
        Some(TraceError::TooManyEvents(1001))
    );
    assert_eq!(at(0).map(|t| t.events.len()), Ok(0));
    // Events are read with the document (FORMAT.md §3.3): a malformed one is `trace.malformed`,
    // however long the list.
    let mut evs: Vec<Value> = (0..=MAX_EVENTS)
        .map(|_| event("2026-09-01T08:00:00+07:00", None))
        .collect();
    evs[7] = json!({ "type": "ObjectEvent" });
    let long = Trace::from_payload(&doc(evs, "EPCISDocument", "2.0", product()));
    assert!(
        matches!(&long, Err(TraceError::Malformed(d)) if d.contains("eventTime")),
        "{long:?}"
    );
}

#[test]
fn only_epcis_2_documents() {
    let with = |t: &str, v: &str| Trace::from_payload(&doc(vec![], t, v, product())).is_ok();
    assert!(with("EPCISDocument", "2.0"));
    assert!(with("EPCISDocument", "2.1"));
    assert!(!with("EPCISDocument", "1.2"));
    assert!(!with("EPCISQueryDocument", "2.0"));
    assert!(!with("EPCISQueryDocument", "1.2"));
}

#[test]
fn product_defaults_and_ilmd_text() {
    let t = Trace::from_payload(&doc(
        vec![event("2026-09-01T08:00:00+07:00", None)],
        "EPCISDocument",
        "2.0",
        product(),
    ))
    .expect("reads");
    assert!(
        t.product.has_expiry,
        "FORMAT.md §3: has_expiry defaults to true"
    );
    let ilmd = &t.events[0].ilmd;
    assert!(
        ilmd.contains(&("txng:variety".to_string(), "Robusta".to_string())),
        "{ilmd:?}"
    );
    assert!(
        ilmd.contains(&("txng:grade".to_string(), "1".to_string())),
        "{ilmd:?}"
    );
    let no = Trace::from_payload(&doc(
        vec![],
        "EPCISDocument",
        "2.0",
        json!({ "name": "Mật ong", "has_expiry": false }),
    ))
    .expect("reads");
    assert!(!no.product.has_expiry);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Events come out oldest first whatever their order, and only a `recalled` disposition
    /// (bare or as a CBV URI) is a recall.
    #[test]
    fn events_sorted_and_recall(times in proptest::collection::vec(0u32..86_400 * 300, 1..8),
                                recall_at in proptest::option::of(0usize..8),
                                other in prop::sample::select(vec!["active", "in_transit", "destroyed", "recalledx"])) {
        let evs: Vec<Value> = times.iter().enumerate().map(|(i, t)| {
            let time = txng_core::time::format_rfc3339_utc(1_790_000_000 + i64::from(*t));
            let d = if Some(i) == recall_at {
                if i % 2 == 0 { "recalled".to_string() } else { "https://ref.gs1.org/cbv/Disp-recalled".to_string() }
            } else {
                other.to_string()
            };
            event(&time, Some(&d))
        }).collect();
        let t = Trace::from_payload(&doc(evs, "EPCISDocument", "2.0", product())).expect("reads");
        prop_assert!(t.events.windows(2).all(|w| w[0].time <= w[1].time));
        let mut sorted: Vec<i64> = times.iter().map(|t| 1_790_000_000 + i64::from(*t)).collect();
        sorted.sort_unstable();
        prop_assert_eq!(t.events.iter().map(|e| e.time).collect::<Vec<_>>(), sorted);
        let recalls = t.events.iter().filter(|e| e.is_recall()).count();
        prop_assert_eq!(recalls, usize::from(recall_at.is_some_and(|i| i < times.len())));
    }
}

/// The JSON of a verdict: codes as their stable strings, keys as base64url, the state's text.
#[test]
fn verdict_json() {
    let checks = vec![
        Check::new(Code::SignatureValid),
        Check::with(Code::KeyRetired, "key=1"),
    ];
    assert_eq!(
        State::from_checks(&checks),
        State::Verified,
        "a retired key is a note"
    );
    let v = serde_json::to_value(&checks).expect("serialises");
    assert_eq!(v[0]["code"], "signature.valid");
    assert_eq!(v[1]["code"], "key.retired");
    assert_eq!(v[1]["detail"], "key=1");
    assert_eq!(Code::KeyRetired.to_string(), "key.retired");
    assert_eq!(format!("{}", Code::SignatureValid), "signature.valid");
    for (s, text) in [
        (State::Verified, "verified"),
        (State::VerifiedWithWarnings, "verified_with_warnings"),
        (State::Invalid, "invalid"),
        (State::CannotTell, "cannot_tell"),
    ] {
        assert_eq!(s.as_str(), text);
        assert_eq!(serde_json::to_value(s).expect("serialises"), text);
    }
}
