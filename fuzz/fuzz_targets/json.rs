//! Strict JSON (`txng_core::json::parse`, a hand-written parser) against serde_json, the parser it
//! replaced, for any bytes: the same acceptance and the same `Value` (number variants, float bits)
//! as `serde_json::from_slice::<Value>` (default features: `parse` reads numbers as it does); a
//! duplicate member name or a refused `null` reported exactly as the old serde-based walk did
//! (same kind, same path); `Nulls::Refused` refuses a parsed value iff it holds a `null`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use txng_core::json::{parse, Nulls, StrictJsonError};

/// Same JSON, numbers of the same variant, floats with the same bits.
fn exact(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            (x.is_u64(), x.is_i64(), x.is_f64()) == (y.is_u64(), y.is_i64(), y.is_f64())
                && x.as_u64() == y.as_u64()
                && x.as_i64() == y.as_i64()
                && x.as_f64().map(f64::to_bits) == y.as_f64().map(f64::to_bits)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| exact(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k, x), (l, y))| k == l && exact(x, y))
        }
        _ => a == b,
    }
}

fn has_null(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.iter().any(has_null),
        Value::Object(o) => o.values().any(has_null),
        _ => false,
    }
}

/// The outcome without a syntax error's wording (the parsers word them differently).
fn kind<T>(r: &Result<T, StrictJsonError>) -> Option<StrictJsonError> {
    match r {
        Ok(_) => None,
        Err(StrictJsonError::Syntax(_)) => Some(StrictJsonError::Syntax(String::new())),
        Err(e) => Some(e.clone()),
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
