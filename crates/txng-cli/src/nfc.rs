//! Unicode NFC for everything people type: Vietnamese can be written precomposed ("ệ") or with
//! combining marks ("ệ"), and both look the same. Signed documents carry one spelling (NFC), so a
//! search, a comparison or a second signature never depends on the keyboard that typed it.
//! Only the CLI does this; the core verifies bytes as signed.

use unicode_normalization::{is_nfc, UnicodeNormalization};

/// The NFC form of a string (no allocation when it is already NFC).
pub fn string(s: String) -> String {
    if is_nfc(&s) {
        s
    } else {
        s.nfc().collect()
    }
}

/// NFC for every string (and object key) of a JSON value.
pub fn json(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::String(s) => Value::String(string(s)),
        Value::Array(a) => Value::Array(a.into_iter().map(json).collect()),
        Value::Object(m) => {
            Value::Object(m.into_iter().map(|(k, v)| (string(k), json(v))).collect())
        }
        other => other,
    }
}

/// A TOML value as JSON: TOML dates and times become their RFC 3339 text.
pub fn toml_to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn decomposed_vietnamese_becomes_precomposed() {
        let nfd = "Khe Sanh cà phê".to_string().replace('à', "a\u{300}");
        assert_ne!(nfd, "Khe Sanh cà phê");
        assert_eq!(super::string(nfd), "Khe Sanh cà phê");
    }
}
