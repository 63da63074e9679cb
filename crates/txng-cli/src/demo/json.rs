//! A tiny ordered JSON value for the demo generator.
//!
//! The generated files are committed and compared byte for byte, so key order must not depend on
//! how `serde_json` happens to be built (its `preserve_order` feature changes `Map`). Objects here
//! keep the order they are written in, which also reads better: `type` and `eventTime` first.

use std::fmt::Write as _;

/// A JSON value whose objects keep insertion order.
#[derive(Clone, Debug, PartialEq)]
pub enum J {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, already formatted.
    Num(String),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<J>),
    /// An object, in insertion order.
    Obj(Vec<(String, J)>),
}

/// Builds an object: `obj![ "a" => 1, "b" => "x" ]`.
macro_rules! obj {
    ($($k:expr => $v:expr),* $(,)?) => {
        $crate::demo::json::J::Obj(vec![$(($k.to_string(), $crate::demo::json::J::from($v))),*])
    };
}
pub(crate) use obj;

impl From<&str> for J {
    fn from(s: &str) -> J {
        J::Str(s.to_string())
    }
}
impl From<String> for J {
    fn from(s: String) -> J {
        J::Str(s)
    }
}
impl From<&String> for J {
    fn from(s: &String) -> J {
        J::Str(s.clone())
    }
}
impl From<bool> for J {
    fn from(b: bool) -> J {
        J::Bool(b)
    }
}
impl From<u32> for J {
    fn from(n: u32) -> J {
        J::Num(n.to_string())
    }
}
impl From<u16> for J {
    fn from(n: u16) -> J {
        J::Num(n.to_string())
    }
}
impl From<f64> for J {
    fn from(n: f64) -> J {
        J::Num(if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("{}", n as i64)
        } else {
            format!("{n}")
        })
    }
}
impl From<Vec<J>> for J {
    fn from(v: Vec<J>) -> J {
        J::Arr(v)
    }
}
impl From<Vec<&str>> for J {
    fn from(v: Vec<&str>) -> J {
        J::Arr(v.into_iter().map(J::from).collect())
    }
}
impl<T: Into<J>> From<Option<T>> for J {
    fn from(v: Option<T>) -> J {
        v.map_or(J::Null, Into::into)
    }
}

fn string(out: &mut String, s: &str) {
    // serde_json escapes exactly what JSON requires and keeps UTF-8 (Vietnamese) as is.
    out.push_str(&serde_json::Value::from(s).to_string());
}

impl J {
    /// Appends a member to an object (ignored on other values); `Null` members are skipped.
    pub fn with(mut self, key: &str, v: impl Into<J>) -> J {
        let v = v.into();
        if let (J::Obj(m), false) = (&mut self, v == J::Null) {
            m.push((key.to_string(), v));
        }
        self
    }

    /// Compact form (no spaces): what goes into a JWS payload.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None, 0);
        out
    }

    /// Two-space indented form with a final newline: what a person reads.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(2), 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>, depth: usize) {
        let nl = |out: &mut String, d: usize| {
            if let Some(i) = indent {
                out.push('\n');
                out.push_str(&" ".repeat(i * d));
            }
        };
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => {
                let _ = write!(out, "{b}");
            }
            J::Num(n) => out.push_str(n),
            J::Str(s) => string(out, s),
            J::Arr(v) if v.is_empty() => out.push_str("[]"),
            J::Obj(m) if m.is_empty() => out.push_str("{}"),
            J::Arr(v) => {
                out.push('[');
                for (i, x) in v.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    nl(out, depth + 1);
                    x.write(out, indent, depth + 1);
                }
                nl(out, depth);
                out.push(']');
            }
            J::Obj(m) => {
                out.push('{');
                for (i, (k, x)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    nl(out, depth + 1);
                    string(out, k);
                    out.push(':');
                    if indent.is_some() {
                        out.push(' ');
                    }
                    x.write(out, indent, depth + 1);
                }
                nl(out, depth);
                out.push('}');
            }
        }
    }
}
