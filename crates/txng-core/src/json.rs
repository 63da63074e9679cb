//! Strict JSON for signed documents (FORMAT.md §2.2, §3.3): the I-JSON rules (RFC 7493) that
//! decide what a document *means*, checked before any member is read.
//!
//! Why: JSON parsers disagree on duplicate member names. serde_json (and most JavaScript engines)
//! keep the last one, others keep the first, so a registry entry holding two `public_key`
//! members would show a reviewer one key while the verifier trusts the other. RFC 7493 §2.3 says
//! names MUST be unique; txng refuses a signed document that breaks it, at every depth, also in
//! members it otherwise ignores (a later version might read them).
//!
//! The walk runs over serde_json's own parser (no second JSON parser in the wasm bundle): a
//! visitor that records each object's names, decoded, so `"a"` and `"\u0061"` are the same
//! name, as the RFC requires.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeSet;
use std::fmt;

/// Why a document is not strict JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StrictJsonError {
    /// Not JSON at all (serde_json's message, with line and column).
    Syntax(String),
    /// An object holds the same member name twice; the path of the second one.
    DuplicateMember(String),
    /// A `null` where the document's rules allow none (the registry); its path.
    Null(String),
}

impl fmt::Display for StrictJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StrictJsonError::Syntax(e) => write!(f, "json: {e}"),
            StrictJsonError::DuplicateMember(p) => write!(f, "duplicate member {p}"),
            StrictJsonError::Null(p) => write!(f, "null at {p}"),
        }
    }
}

/// Whether `null` may appear as a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nulls {
    /// `null` is a value like any other (EPCIS documents, JWS headers).
    Allowed,
    /// `null` is refused: a member is either present with a value or absent (the registry:
    /// `"revoked_at": null` must not be read two ways).
    Refused,
}

/// Checks that `bytes` is one JSON value with unique member names at every depth (and no `null`
/// if `nulls` is [`Nulls::Refused`]). Say where the first problem is.
pub fn check(bytes: &[u8], nulls: Nulls) -> Result<(), StrictJsonError> {
    let mut walk = Walk {
        path: Vec::new(),
        nulls,
        found: None,
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let parsed = (&mut walk).deserialize(&mut de).and_then(|()| de.end());
    match (walk.found, parsed) {
        (Some(e), _) => Err(e),
        (None, Err(e)) => Err(StrictJsonError::Syntax(e.to_string())),
        (None, Ok(())) => Ok(()),
    }
}

/// Parses `bytes` as one strict JSON value ([`check`]'s rules) into a `serde_json::Value`.
pub fn parse(bytes: &[u8], nulls: Nulls) -> Result<serde_json::Value, StrictJsonError> {
    check(bytes, nulls)?;
    serde_json::from_slice(bytes).map_err(|e| StrictJsonError::Syntax(e.to_string()))
}

enum Seg {
    Member(String),
    Index(usize),
}

struct Walk {
    path: Vec<Seg>,
    nulls: Nulls,
    found: Option<StrictJsonError>,
}

impl Walk {
    fn path(&self) -> String {
        let mut s = String::from("$");
        for seg in &self.path {
            match seg {
                Seg::Member(m) => {
                    s.push('.');
                    s.push_str(m);
                }
                Seg::Index(i) => s.push_str(&format!("[{i}]")),
            }
        }
        s
    }

    fn fail<E: de::Error>(&mut self, e: StrictJsonError) -> E {
        self.found = Some(e);
        E::custom("not strict JSON")
    }
}

impl<'de> DeserializeSeed<'de> for &mut Walk {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &mut Walk {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        match self.nulls {
            Nulls::Allowed => Ok(()),
            Nulls::Refused => {
                let p = self.path();
                Err(self.fail(StrictJsonError::Null(p)))
            }
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            self.path.push(Seg::Index(i));
            let more = seq.next_element_seed(&mut *self)?;
            self.path.pop();
            if more.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut names = BTreeSet::new();
        while let Some(name) = map.next_key::<String>()? {
            self.path.push(Seg::Member(name.clone()));
            if !names.insert(name) {
                let p = self.path();
                return Err(self.fail(StrictJsonError::DuplicateMember(p)));
            }
            map.next_value_seed(&mut *self)?;
            self.path.pop();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dup(s: &str) -> Option<String> {
        match check(s.as_bytes(), Nulls::Allowed) {
            Err(StrictJsonError::DuplicateMember(p)) => Some(p),
            _ => None,
        }
    }

    #[test]
    fn duplicates_at_any_depth() {
        assert_eq!(check(br#"{"a":1,"b":[{"a":2}]}"#, Nulls::Allowed), Ok(()));
        assert_eq!(dup(r#"{"a":1,"a":1}"#).as_deref(), Some("$.a"));
        assert_eq!(
            dup(r#"{"p":[{"k":[{"x":1},{"x":1,"y":2,"x":3}]}]}"#).as_deref(),
            Some("$.p[0].k[1].x")
        );
        // Names compare after unescaping (RFC 7493 §2.3).
        assert_eq!(dup(r#"{"a":1,"\u0061":2}"#).as_deref(), Some("$.a"));
        // Same name in sibling objects is fine.
        assert_eq!(check(br#"[{"a":1},{"a":1}]"#, Nulls::Allowed), Ok(()));
    }

    #[test]
    fn nulls_and_syntax() {
        assert_eq!(check(b"{\"a\":null}", Nulls::Allowed), Ok(()));
        assert_eq!(
            check(b"{\"a\":[1,null]}", Nulls::Refused),
            Err(StrictJsonError::Null("$.a[1]".into()))
        );
        assert!(matches!(
            check(b"{\"a\":1} x", Nulls::Allowed),
            Err(StrictJsonError::Syntax(_))
        ));
        assert!(matches!(
            check(b"{\"a\":1", Nulls::Allowed),
            Err(StrictJsonError::Syntax(_))
        ));
    }
}

/// Documents generated around valid ones (members replaced by any JSON, removed, added), for the
/// differential tests of the document readers (crate::fields::reference).
#[cfg(test)]
pub(crate) mod differential {
    use proptest::prelude::*;
    use serde_json::{Map, Value};

    /// Member names worth generating: the documents' own (so a replaced value lands where a
    /// reader looks) and some it ignores.
    const NAMES: &[&str] = &[
        "format",
        "version",
        "from",
        "producers",
        "keys",
        "kid",
        "public_key",
        "gtin",
        "lot",
        "product",
        "epcis",
        "type",
        "eventTime",
        "eventTimeZoneOffset",
        "eventList",
        "epcisBody",
        "certificationInfo",
        "ilmd",
        "quantityList",
        "epcClass",
        "quantity",
        "uom",
        "shards",
        "sha256",
        "length",
        "authority",
        "name",
        "valid_from",
        "revoked_at",
        "x",
        "",
    ];

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            prop_oneof![Just(0.5f64), Just(-0.0), Just(1e300), Just(2.0)].prop_map(Value::from),
            "[a-z0-9:/.+-]{0,12}".prop_map(Value::from),
            Just(Value::from("2026-01-02T03:04:05Z")),
            Just(Value::from("+07:00")),
        ]
    }

    fn any_json() -> impl Strategy<Value = Value> {
        leaf().prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::vec((proptest::sample::select(NAMES), inner), 0..4).prop_map(
                    |kv| Value::Object(
                        kv.into_iter()
                            .map(|(k, v)| (k.to_owned(), v))
                            .collect::<Map<_, _>>()
                    )
                ),
            ]
        })
    }

    /// Every node's path in `v` (indices of array elements and object members, in order).
    fn paths(v: &Value, at: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        out.push(at.clone());
        let children: Vec<&Value> = match v {
            Value::Array(a) => a.iter().collect(),
            Value::Object(o) => o.values().collect(),
            _ => return,
        };
        for (i, c) in children.into_iter().enumerate() {
            at.push(i);
            paths(c, at, out);
            at.pop();
        }
    }

    fn node<'a>(v: &'a mut Value, path: &[usize]) -> &'a mut Value {
        path.iter().fold(v, |v, &i| match v {
            Value::Array(a) => &mut a[i],
            Value::Object(o) => o.values_mut().nth(i).expect("path from paths()"),
            _ => unreachable!("paths() only descends into arrays and objects"),
        })
    }

    /// `seed` with 1–3 changes: a node replaced by any JSON, a member removed, or one added.
    pub(crate) fn around(seed: Value) -> impl Strategy<Value = Vec<u8>> {
        let change = (
            any::<prop::sample::Index>(),
            0u8..3,
            proptest::sample::select(NAMES),
            any_json(),
        );
        proptest::collection::vec(change, 1..=3).prop_map(move |changes| {
            let mut doc = seed.clone();
            for (which, op, name, value) in changes {
                let mut all = Vec::new();
                paths(&doc, &mut Vec::new(), &mut all);
                let path = which.get(&all).clone();
                let target = node(&mut doc, &path);
                match (op, target) {
                    (1, Value::Object(o)) if !o.is_empty() => {
                        let k = o.keys().nth(which.index(o.len())).cloned();
                        k.map(|k| o.remove(&k));
                    }
                    (2, Value::Object(o)) => {
                        o.insert(name.to_owned(), value);
                    }
                    // Most changes keep a leaf's kind, so that the document mostly stays readable
                    // and the typed readers (numbers' ranges, optional members) are reached.
                    (_, t @ (Value::String(_) | Value::Number(_) | Value::Bool(_)))
                        if which.index(4) != 0 =>
                    {
                        *t = match (&*t, value) {
                            // A string or a list of them (EPCIS's one-or-many members).
                            (Value::String(s), v @ Value::String(_)) if which.index(3) == 0 => {
                                Value::Array(vec![v, Value::String(s.clone())])
                            }
                            (Value::String(_), v @ Value::String(_)) => v,
                            (Value::String(_), v) => Value::from(v.to_string()),
                            (Value::Number(_), v @ Value::Number(_)) => v,
                            (Value::Number(_), _) => Value::from(which.index(70_000) as u64),
                            (_, v) => Value::Bool(v.is_null()),
                        }
                    }
                    (_, t) => *t = value,
                }
            }
            serde_json::to_vec(&doc).expect("a Value serializes")
        })
    }
}

/// The payload of a JWS file under `tests/vectors/data/` (a seed for [`differential::around`]).
#[cfg(test)]
pub(crate) fn vector_payload(rel: &str) -> serde_json::Value {
    let path = format!("{}/tests/vectors/data/{rel}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("vector file");
    let payload = text.trim().split('.').nth(1).expect("compact JWS");
    let bytes = crate::b64::decode(payload).expect("base64url payload");
    serde_json::from_slice(&bytes).expect("JSON payload")
}
