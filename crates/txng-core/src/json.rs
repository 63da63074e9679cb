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
