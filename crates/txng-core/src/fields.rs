//! Reading a document's members from a parsed `serde_json::Value` by hand, with the rules serde's
//! derived readers apply to the same Rust types (a required member, a `#[serde(default)]` one, an
//! `Option` that takes `null`, numbers in range), except that an object is always an object.
//!
//! Why by hand: serde's derived readers are generic over the deserializer, and each document type
//! instantiated them again for serde_json's parser: the trace document's types alone were ~40 KB of
//! the verify-first wasm module before compression (`twiggy`, 2026-11-30). Walking the `Value`
//! serde_json already builds is a few small functions shared by every member. The trace reader's
//! tests compare this reading with serde's derived one over generated documents.
//!
//! The one rule that differs, on purpose: serde's derived readers also take a struct written as
//! an array of its fields in order (`"ocop": [4, 2025]`). Nothing writes that, and a reviewer
//! reading the JSON would not see which field is which; here it is refused (`expected an object`).

use serde_json::{Map, Value};

/// Why a member could not be read: its path and what was wrong.
pub(crate) type Read<T> = Result<T, String>;

/// What an array standing for an object is refused with (tests tell it from other refusals).
pub(crate) const NOT_AN_OBJECT: &str = "expected an object";

/// An object being read, with its path for messages (`$.epcis.epcisBody.eventList[3]`).
pub(crate) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

/// `v` as an object at `path`.
pub(crate) fn object<'a>(v: &'a Value, path: String) -> Read<Obj<'a>> {
    match v {
        Value::Object(map) => Ok(Obj { map, path }),
        _ => Err(format!("{path}: {NOT_AN_OBJECT}")),
    }
}

/// `v` as a string.
pub(crate) fn string(v: &Value, path: &str) -> Read<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        _ => Err(format!("{path}: expected a string")),
    }
}

/// `v` as an unsigned integer of at most `max` (serde: a float or a negative number is refused).
fn unsigned(v: &Value, path: &str, max: u64) -> Read<u64> {
    let n = match v {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_i64().and_then(|i| u64::try_from(i).ok())),
        _ => None,
    };
    n.filter(|n| *n <= max)
        .ok_or_else(|| format!("{path}: expected an integer from 0 to {max}"))
}

impl<'a> Obj<'a> {
    fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// The member `key` read by `read`: `None` if absent or `null` (an `Option` field with
    /// `#[serde(default)]`).
    pub(crate) fn opt<T>(
        &self,
        key: &str,
        read: impl FnOnce(&'a Value, String) -> Read<T>,
    ) -> Read<Option<T>> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(v, self.at(key)).map(Some),
        }
    }

    /// The member `key` read by `read`; it must be there (`null` is read, and refused, by `read`).
    pub(crate) fn req<T>(
        &self,
        key: &str,
        read: impl FnOnce(&'a Value, String) -> Read<T>,
    ) -> Read<T> {
        match self.map.get(key) {
            None => Err(format!("{}: missing", self.at(key))),
            Some(v) => read(v, self.at(key)),
        }
    }

    /// The member `key` read by `read`, or `default` if absent (`#[serde(default)]`; `null` is
    /// read, and refused, by `read`).
    pub(crate) fn or<T>(
        &self,
        key: &str,
        default: T,
        read: impl FnOnce(&'a Value, String) -> Read<T>,
    ) -> Read<T> {
        match self.map.get(key) {
            None => Ok(default),
            Some(v) => read(v, self.at(key)),
        }
    }

    /// A required string.
    pub(crate) fn string(&self, key: &str) -> Read<String> {
        self.req(key, |v, p| string(v, &p))
    }

    /// A string that defaults to empty.
    pub(crate) fn string_or_empty(&self, key: &str) -> Read<String> {
        self.or(key, String::new(), |v, p| string(v, &p))
    }

    /// An optional string.
    pub(crate) fn opt_string(&self, key: &str) -> Read<Option<String>> {
        self.opt(key, |v, p| string(v, &p))
    }

    /// An optional number, any JSON number as `f64`.
    pub(crate) fn opt_f64(&self, key: &str) -> Read<Option<f64>> {
        self.opt(key, |v, p| {
            v.as_f64().ok_or_else(|| format!("{p}: expected a number"))
        })
    }

    /// An optional unsigned integer of at most `max`.
    pub(crate) fn opt_unsigned(&self, key: &str, max: u64) -> Read<Option<u64>> {
        self.opt(key, |v, p| unsigned(v, &p, max))
    }

    /// A required unsigned integer of at most `max`.
    pub(crate) fn unsigned(&self, key: &str, max: u64) -> Read<u64> {
        self.req(key, |v, p| unsigned(v, &p, max))
    }

    /// An optional boolean.
    pub(crate) fn opt_bool(&self, key: &str) -> Read<Option<bool>> {
        self.opt(key, |v, p| {
            v.as_bool()
                .ok_or_else(|| format!("{p}: expected true or false"))
        })
    }

    /// A required list of strings.
    pub(crate) fn strings(&self, key: &str) -> Read<Vec<String>> {
        self.req(key, strings)
    }

    /// A boolean, `default` if absent.
    pub(crate) fn bool_or(&self, key: &str, default: bool) -> Read<bool> {
        self.or(key, default, |v, p| {
            v.as_bool()
                .ok_or_else(|| format!("{p}: expected true or false"))
        })
    }

    /// A list whose items `read` reads, empty if absent (`Vec` with `#[serde(default)]`).
    pub(crate) fn list<T>(
        &self,
        key: &str,
        read: impl Fn(&'a Value, String) -> Read<T>,
    ) -> Read<Vec<T>> {
        self.or(key, Vec::new(), |v, p| list(v, &p, read))
    }

    /// The object's own members (for a member kept as name–value pairs).
    pub(crate) fn members(&self) -> impl Iterator<Item = (&'a String, &'a Value)> {
        self.map.iter()
    }
}

/// `v` as a list whose items `read` reads.
pub(crate) fn list<'a, T>(
    v: &'a Value,
    path: &str,
    read: impl Fn(&'a Value, String) -> Read<T>,
) -> Read<Vec<T>> {
    match v {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| read(item, format!("{path}[{i}]")))
            .collect(),
        _ => Err(format!("{path}: expected a list")),
    }
}

/// `v` as a list of strings.
pub(crate) fn strings(v: &Value, path: String) -> Read<Vec<String>> {
    list(v, &path, |v, p| string(v, &p))
}

/// Comparing a hand reader with serde's derived reader of the same type (the raw types derive
/// `Deserialize` in tests only, from the attributes the readers follow).
#[cfg(test)]
pub(crate) mod reference {
    use super::{Read, NOT_AN_OBJECT};
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;
    use serde_json::Value;
    use std::fmt::Debug;

    /// Fails unless `ours` reads `doc` as serde does: equal when both read; neither reads what
    /// the other refuses, except an array standing for an object, which only serde reads.
    pub(crate) fn reads_as_serde<T: DeserializeOwned + Debug + PartialEq>(
        doc: &[u8],
        ours: impl Fn(&Value) -> Read<T>,
    ) -> Result<(), TestCaseError> {
        let Ok(v) = serde_json::from_slice::<Value>(doc) else {
            return Ok(());
        };
        match (ours(&v), serde_json::from_value::<T>(v)) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(_), Err(_)) => {}
            (Ok(a), Err(e)) => prop_assert!(false, "serde refuses ({e}), ours reads {a:?}"),
            (Err(e), Ok(_)) => prop_assert!(
                e.contains(NOT_AN_OBJECT),
                "ours refuses ({e}), serde reads it"
            ),
        }
        Ok(())
    }
}
