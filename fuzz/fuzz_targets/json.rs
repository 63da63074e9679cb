//! Strict JSON (`txng_core::json::parse`, a hand-written parser) against serde_json, the parser it
//! replaced, for any bytes: the same acceptance and the same `Value` (number variants, float bits)
//! as `serde_json::from_slice::<Value>` (default features: `parse` reads numbers as it does); a
//! duplicate member name or a refused `null` reported exactly as the old serde-based walk did
//! (same kind, same path); `Nulls::Refused` refuses a parsed value iff it holds a `null`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use txng_core::json::walk::kind;
use txng_core::json::{parse, Nulls, StrictJsonError};

/// Same JSON, numbers of the same variant, floats with the same bits.
fn exact(a: &Value, b: &Value) -> bool {
    txng_core::json::walk::same_json(a, b, 0)
}

fn has_null(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.iter().any(has_null),
        Value::Object(o) => o.values().any(has_null),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let ours = parse(data, Nulls::Allowed);
    let theirs = serde_json::from_slice::<Value>(data);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(exact(a, b), "{a:?} vs serde_json {b:?}"),
        (Err(StrictJsonError::Syntax(_)), Err(_)) => {}
        // Reported when the repeated name is read: serde_json (which keeps the last) may still
        // refuse what follows; the walk below checks the path.
        (Err(StrictJsonError::DuplicateMember(_)), _) => {}
        _ => panic!("{ours:?} vs serde_json {theirs:?}"),
    }
    let refused = parse(data, Nulls::Refused);
    match (&ours, &refused) {
        (Ok(v), Ok(_)) => assert!(!has_null(v)),
        (Ok(v), Err(StrictJsonError::Null(_))) => assert!(has_null(v)),
        // A null before the first problem, or the same problem.
        (Err(_), Err(StrictJsonError::Null(_))) => {}
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("{ours:?} vs refused {refused:?}"),
    }
    for (nulls, r) in [(Nulls::Allowed, &ours), (Nulls::Refused, &refused)] {
        assert_eq!(kind(r), kind(&txng_core::json::walk::check(data, nulls)), "{nulls:?}");
    }
});
