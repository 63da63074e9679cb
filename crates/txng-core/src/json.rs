//! Strict JSON for signed documents (FORMAT.md §2.2, §3.2, §3.3): the I-JSON rules (RFC 7493) that
//! decide what a document *means*, checked while it is parsed, before any member is read.
//!
//! Why strict: JSON parsers disagree on duplicate member names. serde_json (and most JavaScript
//! engines) keep the last one, others keep the first, so a registry entry holding two `public_key`
//! members would show a reviewer one key while the verifier trusts the other. RFC 7493 §2.3 says
//! names MUST be unique; txng refuses a signed document that breaks it, at every depth, also in
//! members it otherwise ignores (a later version might read them). Names compare after unescaping
//! (`"a"` and `"\u0061"` are the same name).
//!
//! Why a parser of our own: bytes. serde_json's parser was ~30 KB of the verify-first wasm module
//! before compression; [`parse`] is a few small byte loops that build the same `serde_json::Value`
//! (the documents are then read from it by hand, `crate::fields`), and check the strict rules in the
//! same pass. What it accepts is exactly what serde_json 1.x's `from_slice::<Value>` accepts with
//! its default features (the reader txng used before, in the widget and the CLI), with equal
//! values, floats bit for bit:
//!
//! - RFC 8259 grammar; whitespace is space, tab, LF, CR only (a byte-order mark is refused);
//!   nothing but whitespace after the value; at most 127 nested arrays/objects (serde_json's
//!   recursion limit).
//! - Strings: valid UTF-8, no control character below U+0020, the escapes `\" \\ \/ \b \f \n \r
//!   \t \uXXXX`; a surrogate escape must be a high one followed by a low one (a lone surrogate is
//!   refused, as serde_json does when reading into a `String`).
//! - Numbers: no leading zero, `+`, `.5`, `1.` or `1e`. An integer (no `.`, `e`, `E`) is a `u64`
//!   if it is one, a negative `i64` if it is one, else an `f64`; `-0` is the float `-0.0`. Floats
//!   are computed as serde_json computes them (`Parser::number`: not always the nearest double);
//!   one that overflows is refused.
//!
//! The fuzz target `fuzz/fuzz_targets/json.rs` compares [`parse`] with serde_json (default
//! features, floats bit for bit) over arbitrary bytes. The tests below compare it with serde_json
//! over generated, mutated and edge-case inputs (with `float_roundtrip`, which other crates turn on
//! in the workspace's test builds: floats within a few doubles, exact for short ones), and the
//! duplicate/null paths with the serde-based walk it replaced.

use serde_json::{Map, Number, Value};
use std::fmt;

/// Why a document is not strict JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StrictJsonError {
    /// Not JSON at all: what was wrong, with line and column (1-based; the column counts bytes).
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
/// if `nulls` is [`Nulls::Refused`]). Says where the first problem is.
pub fn check(bytes: &[u8], nulls: Nulls) -> Result<(), StrictJsonError> {
    parse(bytes, nulls).map(|_| ())
}

/// Parses `bytes` as one strict JSON value ([`check`]'s rules, the module's grammar) into a
/// `serde_json::Value`. The first problem in document order is reported: a duplicate name as soon
/// as the name is read, a `null` as soon as it is read.
pub fn parse(bytes: &[u8], nulls: Nulls) -> Result<Value, StrictJsonError> {
    let mut p = Parser {
        b: bytes,
        i: 0,
        nulls,
    };
    let v = p.value(0).map_err(|e| under(e, "$"))?;
    match p.ws() {
        None => Ok(v),
        Some(_) => Err(p.fail("trailing characters")),
    }
}

/// A value as compact JSON text (what `Value::to_string` writes), for showing a value that is not
/// a string (an EPCIS `ilmd` member). Numbers are written by `Number`'s own `Display`; strings
/// with the escapes of RFC 8259 §7 (`\"`, `\\`, and `\uXXXX` or the short forms for control
/// characters). Not serde_json's serializer: in the verify-first wasm it costs ~5.8 KB raw
/// (3.3 KB brotli, measured 2026-11-30, with its `io::Write` adapter and error types) for the one
/// place that shows such a value. Numbers: integers as serde_json writes them, doubles by
/// [`write_f64`].
pub fn compact_text(v: &Value) -> String {
    let mut out = String::new();
    write_compact(v, &mut out);
    out
}

fn write_compact(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => out.push_str(&u.to_string()),
            (_, Some(i)) => out.push_str(&i.to_string()),
            // Neither integer form: a finite double (a `Number` holds nothing else).
            _ => write_f64(n.as_f64().unwrap_or(0.0), out),
        },
        Value::String(s) => write_string(s, out),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(x, out);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_compact(x, out);
            }
            out.push('}');
        }
    }
}

/// A finite double as JSON text, for showing. Every value a person types (a moisture of 12.5 %, a
/// weight of 0.25 kg: up to 22 fraction digits and 15 significant ones)
/// gets the fewest fraction digits that read back as the same double, in decimal notation
/// (`12.5`, `0.001`, `12.0` for a whole number, as serde_json writes them); a whole number from
/// 2^53 to 2^64 gets all its digits (exact, `.0`); the rest (above ~1.8e19, or 16–17 significant
/// digits, which no lot data holds), `d.ddde±x` with 15 significant digits, truncated (within
/// 1e-13 of the double; f64::MAX stays finite).
///
/// Not serde_json's `Number` display: its float formatter (zmij, with its tables) made the
/// verify-first wasm 1.3 KB brotli larger (measured 2026-11-30: 86,099 -> 84,837 bytes), and
/// core's `{}` for f64 3 KB (89,177).
/// The digits come from the integer `round(x * 10^k)` for the smallest `k` whose division by
/// `10^k` (one correctly rounded operation on two exact doubles) gives `x` back, so what is
/// written reads back as the same double.
fn write_f64(f: f64, out: &mut String) {
    if f.is_sign_negative() {
        out.push('-');
    }
    let a = f.abs();
    if a == 0.0 {
        out.push_str("0.0");
        return;
    }
    if let Some((digits, k)) = shortest_fixed(a) {
        write_fixed(&digits, k, out);
        return;
    }
    if (9_007_199_254_740_992.0..18_446_744_073_709_551_616.0).contains(&a) {
        // A whole number (every double from 2^53 up is one), exactly.
        out.push_str(&(a as u64).to_string());
        out.push_str(".0");
        return;
    }
    // Scientific: `a = m * 10^e`, 1 <= m < 10, 15 significant digits.
    let mut e: i32 = 0;
    let mut m = a;
    while m >= 10.0 {
        let (p, step) = if m >= 1e22 { (1e22, 22) } else { (10.0, 1) };
        m /= p;
        e += step;
    }
    while m < 1.0 {
        let (p, step) = if m < 1e-22 { (1e22, 22) } else { (10.0, 1) };
        m *= p;
        e -= step;
    }
    // Truncated, not rounded: f64::MAX's text must not read back as infinity.
    let digits = ((m * 1e14).trunc() as u64).to_string();
    let digits = digits.trim_end_matches('0');
    let (int, frac) = digits.split_at(1);
    out.push_str(int);
    out.push('.');
    out.push_str(if frac.is_empty() { "0" } else { frac });
    out.push('e');
    out.push_str(&e.to_string());
}

/// The digits of `round(a * 10^k)` and `k`, for the smallest `k` (0..=22: the exact powers of ten)
/// whose value reads back as `a`, while `a * 10^k` stays below 2^53 (where every integer is a
/// double: the rounded product is the true digits). The text `n·10^-k` reads back as `a` exactly
/// when the correctly rounded `n / 10^k` is `a`.
fn shortest_fixed(a: f64) -> Option<(String, usize)> {
    for k in 0..=22 {
        let p = pow10(k)?;
        let scaled = a * p;
        if scaled >= 9_007_199_254_740_992.0 {
            return None; // 2^53: above it the product is rounded to a neighbour of the true digits
        }
        let n = scaled.round();
        if n / p == a {
            return Some(((n as u64).to_string(), k));
        }
    }
    None
}

/// `digits` with a decimal point `k` digits from the right (at least one digit on each side).
fn write_fixed(digits: &str, k: usize, out: &mut String) {
    if k == 0 {
        out.push_str(digits);
        out.push_str(".0");
        return;
    }
    if digits.len() > k {
        let (int, frac) = digits.split_at(digits.len() - k);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', k - digits.len()));
        out.push_str(digits);
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A finite float as a JSON number.
fn float(f: f64) -> Number {
    Number::from_f64(f).unwrap_or_else(|| Number::from(0u64))
}

/// Nested arrays and objects allowed: serde_json's recursion limit (it refuses the 128th).
const MAX_DEPTH: usize = 127;

/// `e` seen from one level up: a duplicate's or a null's path gets `seg` in front.
fn under(e: StrictJsonError, seg: &str) -> StrictJsonError {
    match e {
        StrictJsonError::DuplicateMember(p) => {
            StrictJsonError::DuplicateMember(format!("{seg}{p}"))
        }
        StrictJsonError::Null(p) => StrictJsonError::Null(format!("{seg}{p}")),
        e => e,
    }
}

/// A recursive-descent parser over the bytes (recursion bounded by [`MAX_DEPTH`]). Paths of
/// duplicates and nulls are built on the way out of the recursion, so a document that passes
/// costs no path strings.
struct Parser<'a> {
    b: &'a [u8],
    i: usize,
    nulls: Nulls,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skips whitespace; the next byte.
    fn ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.i += usize::from(hit);
        hit
    }

    /// A syntax error at the current byte.
    fn fail(&self, what: &str) -> StrictJsonError {
        let before = &self.b[..self.i.min(self.b.len())];
        let line_start = before
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |n| n + 1);
        let line = 1 + before.iter().filter(|&&c| c == b'\n').count();
        let end = if self.i >= self.b.len() {
            " (end of input)"
        } else {
            ""
        };
        StrictJsonError::Syntax(format!(
            "{what}{end} at line {line} column {}",
            before.len() - line_start + 1
        ))
    }

    /// A value, after optional whitespace; `depth` arrays/objects enclose it.
    fn value(&mut self, depth: usize) -> Result<Value, StrictJsonError> {
        let c = self.ws();
        if matches!(c, Some(b'[' | b'{')) && depth >= MAX_DEPTH {
            return Err(self.fail("nested too deeply"));
        }
        match c {
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                if self.ws() == Some(b']') {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    let v = self
                        .value(depth + 1)
                        .map_err(|e| under(e, &format!("[{}]", items.len())))?;
                    items.push(v);
                    match self.ws() {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => return Err(self.fail("expected ',' or ']'")),
                    }
                }
            }
            Some(b'{') => {
                self.i += 1;
                let mut members = Map::new();
                if self.ws() == Some(b'}') {
                    self.i += 1;
                    return Ok(Value::Object(members));
                }
                loop {
                    if self.ws() != Some(b'"') {
                        return Err(self.fail("expected a member name (a string)"));
                    }
                    let name = self.string()?;
                    if members.contains_key(&name) {
                        return Err(StrictJsonError::DuplicateMember(format!(".{name}")));
                    }
                    if self.ws() != Some(b':') {
                        return Err(self.fail("expected ':'"));
                    }
                    self.i += 1;
                    let v = self
                        .value(depth + 1)
                        .map_err(|e| under(e, &format!(".{name}")))?;
                    members.insert(name, v);
                    match self.ws() {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Value::Object(members));
                        }
                        _ => return Err(self.fail("expected ',' or '}'")),
                    }
                }
            }
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => {
                let v = self.literal("null", Value::Null)?;
                match self.nulls {
                    Nulls::Allowed => Ok(v),
                    Nulls::Refused => Err(StrictJsonError::Null(String::new())),
                }
            }
            _ => Err(self.fail("expected a value")),
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, StrictJsonError> {
        for &c in word.as_bytes() {
            if !self.eat(c) {
                return Err(self.fail(&format!("expected `{word}`")));
            }
        }
        Ok(v)
    }

    /// A number (RFC 8259 §6), as serde_json 1.x (default features, what txng read numbers with
    /// before [`parse`]) reads it into a `Value`, step for step (module docs): an integer that fits
    /// is a `u64` or a negative `i64`; otherwise up to 19 significant digits are kept, later ones
    /// only move the exponent (integer part) or are dropped (fraction), and the float is the kept
    /// digits times or divided by a power of ten from [`pow10`] (not always the nearest double:
    /// serde_json's trade, kept so that no document reads differently than it did). Std's
    /// correctly rounded `str::parse::<f64>` was measured at ~7 KB more of the wasm module (its
    /// tables), for quantities that are only shown.
    fn number(&mut self) -> Result<Value, StrictJsonError> {
        let start = self.i;
        let positive = !self.eat(b'-');
        let mut sig: u64 = 0;
        let mut exp: i32 = 0;
        // Appends a digit if the significand can take it (serde_json's `overflow!` test).
        let push = |sig: &mut u64, d: u8| match sig
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(d - b'0')))
        {
            Some(n) => {
                *sig = n;
                true
            }
            None => false,
        };
        let mut full = false;
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.fail("leading zero in a number"));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    self.i += 1;
                    if full || !push(&mut sig, d) {
                        full = true;
                        exp += 1;
                    }
                }
            }
            _ => return Err(self.fail("expected a digit")),
        }
        if !full && !matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
            if positive {
                return Ok(Value::Number(sig.into()));
            }
            // serde_json's own two's-complement step: -2^63 is an i64; below it, and -0, a float.
            let neg = (sig as i64).wrapping_neg();
            return Ok(Value::Number(if neg >= 0 {
                float(-(sig as f64))
            } else {
                neg.into()
            }));
        }
        if self.eat(b'.') {
            let mut digits = 0;
            let mut full = false;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.i += 1;
                digits += 1;
                if !full && push(&mut sig, d) {
                    exp -= 1;
                } else {
                    full = true;
                }
            }
            if digits == 0 {
                return Err(self.fail("expected a digit after '.'"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let positive_exp = !self.eat(b'-');
            if positive_exp {
                self.eat(b'+');
            }
            let mut e: i32 = 0;
            let mut digits = 0;
            let mut overflow = false;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.i += 1;
                digits += 1;
                match e
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(i32::from(d - b'0')))
                {
                    Some(n) if !overflow => e = n,
                    _ => overflow = true,
                }
            }
            if digits == 0 {
                return Err(self.fail("expected a digit in the exponent"));
            }
            if overflow {
                // serde_json: a huge positive exponent is out of range, a huge negative one is 0.
                if sig != 0 && positive_exp {
                    self.i = start;
                    return Err(self.fail("number out of range"));
                }
                return Ok(Value::Number(float(if positive { 0.0 } else { -0.0 })));
            }
            exp = if positive_exp {
                exp.saturating_add(e)
            } else {
                exp.saturating_sub(e)
            };
        }
        let mut f = sig as f64;
        loop {
            match pow10(exp.unsigned_abs() as usize) {
                Some(pow) => {
                    if exp >= 0 {
                        f *= pow;
                    } else {
                        f /= pow;
                    }
                    break;
                }
                None if f == 0.0 => break,
                None if exp >= 0 => {
                    f = f64::INFINITY;
                    break;
                }
                None => {
                    f /= 1e308;
                    exp += 308;
                }
            }
        }
        match Number::from_f64(if positive { f } else { -f }) {
            Some(n) => Ok(Value::Number(n)),
            None => {
                self.i = start;
                Err(self.fail("number out of range"))
            }
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, StrictJsonError> {
        self.i += 1;
        let start = self.i;
        let mut out = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.fail("unterminated string"));
            };
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let e = self.peek().unwrap_or(0);
                    self.i += 1;
                    let code = match e {
                        b'"' | b'\\' | b'/' => u32::from(e),
                        b'b' => 8,
                        b'f' => 12,
                        b'n' => 10,
                        b'r' => 13,
                        b't' => 9,
                        b'u' => self.unicode_escape()?,
                        _ => {
                            self.i -= 1;
                            return Err(self.fail("invalid escape"));
                        }
                    };
                    let ch = char::from_u32(code).ok_or_else(|| self.fail("invalid escape"))?;
                    out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                }
                0..=0x1f => {
                    self.i -= 1;
                    return Err(self.fail("control character in a string"));
                }
                _ => out.push(c),
            }
        }
        String::from_utf8(out).map_err(|_| {
            self.i = start;
            self.fail("invalid UTF-8 in the string")
        })
    }

    /// After `\u`: the code point, a surrogate pair combined (a lone surrogate is refused).
    fn unicode_escape(&mut self) -> Result<u32, StrictJsonError> {
        let high = self.hex4()?;
        if !(0xd800..0xe000).contains(&high) {
            return Ok(high);
        }
        if high < 0xdc00 && self.eat(b'\\') && self.eat(b'u') {
            let low = self.hex4()?;
            if (0xdc00..0xe000).contains(&low) {
                return Ok(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00));
            }
        }
        Err(self.fail("lone surrogate in a \\u escape"))
    }

    fn hex4(&mut self) -> Result<u32, StrictJsonError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self.peek().and_then(|c| char::from(c).to_digit(16));
            let Some(d) = d else {
                return Err(self.fail("expected 4 hex digits after \\u"));
            };
            self.i += 1;
            n = n * 16 + d;
        }
        Ok(n)
    }
}

/// The strict-JSON check as it was before [`parse`]: a walk over serde_json's own parser that
/// records each object's names and each `null`. Kept as the oracle for duplicate and null paths of
/// the tests and of the fuzz target `json` (feature `reference`, which only `fuzz/` turns on).
#[cfg(any(test, feature = "reference"))]
pub mod walk {
    use super::{Nulls, StrictJsonError};
    use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::collections::BTreeSet;
    use std::fmt;

    /// The old `check`.
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

    /// Whether `a` and `b` are the same JSON: numbers of the same variant (`u64`, `i64`, `f64`),
    /// floats at most `max_ulps` doubles apart with the same sign (0: the same bits).
    pub fn same_json(a: &serde_json::Value, b: &serde_json::Value, max_ulps: u64) -> bool {
        use serde_json::Value;
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => {
                (x.is_u64(), x.is_i64(), x.is_f64()) == (y.is_u64(), y.is_i64(), y.is_f64())
                    && x.as_u64() == y.as_u64()
                    && x.as_i64() == y.as_i64()
                    && match (x.as_f64(), y.as_f64()) {
                        (Some(x), Some(y)) => {
                            x.is_sign_negative() == y.is_sign_negative()
                                && x.to_bits().abs_diff(y.to_bits()) <= max_ulps
                        }
                        _ => false,
                    }
            }
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y, max_ulps))
            }
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|((k, x), (l, y))| k == l && same_json(x, y, max_ulps))
            }
            _ => a == b,
        }
    }

    /// A result without a syntax error's wording (parsers word them differently).
    pub fn kind<T>(r: &Result<T, StrictJsonError>) -> Option<StrictJsonError> {
        match r {
            Ok(_) => None,
            Err(StrictJsonError::Syntax(_)) => Some(StrictJsonError::Syntax(String::new())),
            Err(e) => Some(e.clone()),
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

/// [`parse`] against serde_json (`from_slice::<Value>`, `float_roundtrip`: see [`exact`]) and
/// against the old serde-based [`walk`] for duplicate and null
/// paths, over generated valid texts, byte-level mutations of them, numbers, strings and nesting
/// depths around the limit.
#[cfg(test)]
mod versus_serde {
    use super::*;
    use proptest::prelude::*;

    /// How many doubles apart `a` and `b` are (same sign; `-0.0` and `0.0` are not neighbours).
    fn ulps(a: f64, b: f64) -> u64 {
        if a.is_sign_negative() != b.is_sign_negative() {
            return u64::MAX;
        }
        a.to_bits().abs_diff(b.to_bits())
    }

    /// `a` (ours) and `b` (serde_json's) are the same JSON, numbers of the same variant (`u64`,
    /// `i64`, `f64`). Floats: the reference is serde_json with `float_roundtrip` (the nearest
    /// double; pinned in the dev-dependencies so that every build of these tests has the same
    /// reference, whatever other crates turn on), ours is serde_json's default arithmetic
    /// (`Parser::number`), at most a few doubles off for long or extreme numbers; exact for the
    /// numbers documents hold (`fast_path_floats_are_exact`).
    fn exact(a: &Value, b: &Value) -> bool {
        walk::same_json(a, b, 4)
    }

    use walk::kind;

    /// What the tests assert for every input: the same outcome as the walk (kind and path) with
    /// either [`Nulls`], and the same acceptance and value as serde_json when no name repeats.
    fn agree(bytes: &[u8]) -> Result<(), TestCaseError> {
        let ours = parse(bytes, Nulls::Allowed);
        let text = String::from_utf8_lossy(bytes);
        for nulls in [Nulls::Allowed, Nulls::Refused] {
            let mine = if nulls == Nulls::Allowed {
                kind(&ours)
            } else {
                kind(&parse(bytes, nulls))
            };
            let reference = kind(&walk::check(bytes, nulls));
            let syntax = Some(StrictJsonError::Syntax(String::new()));
            if ((mine == syntax && reference.is_none()) || (mine.is_none() && reference == syntax))
                && near_max(&text)
            {
                continue; // see below: at f64::MAX the two arithmetics round either way
            }
            prop_assert_eq!(mine, reference, "{:?} {}", nulls, text);
        }
        let theirs = serde_json::from_slice::<Value>(bytes);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert!(exact(a, b), "{} -> {:?} vs {:?}", text, a, b),
            (Err(StrictJsonError::Syntax(_)), Err(_)) => {}
            // Names repeat: serde_json keeps the last; the walk above checked the path.
            (Err(StrictJsonError::DuplicateMember(_)), _) => {}
            // Just below f64::MAX serde_json's default arithmetic overflows where the nearest
            // double does not: ours refuses such a number, as serde_json without
            // float_roundtrip (what txng read documents with) does.
            (Err(StrictJsonError::Syntax(m)), Ok(_))
                if m.starts_with("number out of range") && near_max(&text) => {}
            _ => prop_assert!(false, "{} -> {:?} vs {:?}", text, ours, theirs),
        }
        Ok(())
    }

    /// Whether `text` holds a number within a few doubles of ±f64::MAX (read by std, the nearest
    /// double), or just above it (std reads it as infinity, its tenth within a few doubles of
    /// MAX / 10: e.g. 1.79769313486231587e308, which serde_json's arithmetic may still round to
    /// MAX).
    fn near_max(text: &str) -> bool {
        text.split(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+')))
            .any(|t| {
                let tenth = match t.split_once(['e', 'E']) {
                    Some((m, e)) => e.parse::<i32>().ok().map(|e| format!("{m}e{}", e - 1)),
                    None => Some(format!("{t}e-1")),
                };
                t.parse::<f64>()
                    .is_ok_and(|f| f.is_finite() && ulps(f.abs(), f64::MAX) <= 4)
                    || tenth
                        .and_then(|x| x.parse::<f64>().ok())
                        .is_some_and(|f| f.is_finite() && ulps(f.abs(), f64::MAX / 10.0) <= 16)
            })
    }

    fn any_string() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z]{0,3}",
            any::<String>(),
            "[\"\\\\/\u{0}-\u{1f}\u{7f}\u{80}é€\u{2028}\u{fffd}\u{10000}😀\u{10ffff}a]{0,6}",
        ]
    }

    fn any_f64() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>(),
            prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
            Just(f64::MAX),
            Just(f64::MIN_POSITIVE),
            Just(-0.0),
            Just(5e-324),
            (any::<i64>(), -30i32..30).prop_map(|(m, e)| m as f64 * 10f64.powi(e)),
        ]
        .prop_filter("finite", |f| f.is_finite())
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            prop_oneof![Just(u64::MAX), Just(0), Just(i64::MAX as u64 + 1)].prop_map(Value::from),
            Just(Value::from(i64::MIN)),
            any_f64().prop_map(Value::from),
            any_string().prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 32, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec((any_string(), inner), 0..5)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    /// A generated value's text, compact or pretty.
    fn any_text() -> impl Strategy<Value = Vec<u8>> {
        (any_value(), any::<bool>()).prop_map(|(v, pretty)| {
            if pretty {
                serde_json::to_vec_pretty(&v).expect("a Value serializes")
            } else {
                serde_json::to_vec(&v).expect("a Value serializes")
            }
        })
    }

    /// Bytes a mutation inserts: JSON's own, random ones, whole UTF-8 characters.
    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            4 => prop::sample::select(b"{}[]\",:0123456789-+.eE\\u tfnrl\t\r\n".to_vec())
                .prop_map(|b| vec![b]),
            1 => any::<u8>().prop_map(|b| vec![b]),
            1 => prop::sample::select(vec!["é", "€", "😀", "\u{feff}", "\u{0}", "\\u", "\\ud83d\\ude00",
                "\\uDC00", "null", "true", "1e400", "-0", "\"a\":"])
                .prop_map(|s| s.as_bytes().to_vec()),
        ]
    }

    /// `text` with 1–4 bytes inserted, deleted or replaced.
    fn mutated() -> impl Strategy<Value = Vec<u8>> {
        let edit = (0u8..3, any::<prop::sample::Index>(), piece());
        (any_text(), prop::collection::vec(edit, 1..=4)).prop_map(|(mut text, edits)| {
            for (op, at, piece) in edits {
                let i = at.index(text.len() + 1);
                match op {
                    0 => {
                        text.splice(i..i, piece);
                    }
                    1 if i < text.len() => {
                        text.remove(i);
                    }
                    _ => {
                        let end = (i + 1).min(text.len());
                        text.splice(i..end, piece);
                    }
                }
            }
            text
        })
    }

    /// Number texts by the grammar, with its mistakes (leading zeros, `+`, empty parts) now and then.
    fn number_text() -> impl Strategy<Value = String> {
        let sign = prop_oneof![4 => Just(""), 4 => Just("-"), 1 => Just("+"), 1 => Just("--")];
        let int = prop_oneof![
            3 => Just("0".to_owned()),
            8 => "[1-9][0-9]{0,25}",
            1 => "0[0-9]{1,3}",
            1 => Just(String::new()),
        ];
        let frac =
            prop_oneof![4 => Just(String::new()), 4 => "\\.[0-9]{1,30}", 1 => Just(".".into())];
        let exp = prop_oneof![
            4 => Just(String::new()),
            4 => "[eE][+-]?[0-9]{1,3}",
            1 => "[eE][+-]?[0-9]{18,22}",
            1 => "[eE][+-]?",
        ];
        (sign, int, frac, exp).prop_map(|(s, i, f, e)| format!("{s}{i}{f}{e}"))
    }

    /// Edge cases of the number rules (module docs).
    const NUMBERS: &[&str] = &[
        "0", "-0", "-0.0", "0.0", "-0e0", "0e-0", "1", "-1", "18446744073709551615",
        "18446744073709551616", "-18446744073709551615", "-18446744073709551616",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "1e308", "1e309", "-1e309", "1.7976931348623157e308",
        "1.7976931348623158e308", "1.7976931348623159e308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999", "5e-324", "2e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "3e-324", "1e-400",
        "-1e-400", "2.2250738585072011e-308", "2.2250738585072012e-308",
        "0.1000000000000000055511151231257827021181583404541015625",
        "123456789012345678901234567890.123456789012345678901234567890e-10",
        "1e99999999999999999999", "0e99999999999999999999", "-1e-99999999999999999999",
        "0.00000000000000000000000000000000000000001e2147483647", "1e2147483648", "1e-2147483649",
        "01", "-01", "00", "+1", ".5", "1.", "1e", "1e+", "-", "--1", "1.e5", "0x10", "1_000",
        "Infinity", "NaN", "-Infinity", "1E5", "1e05", "1E-05",
    ];

    /// A string literal from pieces: text, every escape form, surrogates paired and not, invalid
    /// escapes, raw control characters, invalid UTF-8.
    fn string_text() -> impl Strategy<Value = Vec<u8>> {
        let hex = |n: u32| prop::sample::select(vec![format!("{n:04x}"), format!("{n:04X}")]);
        let escape =
            |lo: u32, hi: u32| (lo..=hi).prop_flat_map(hex).prop_map(|h| format!("\\u{h}"));
        let piece = prop_oneof![
            "[a-z é€😀]{1,3}".prop_map(String::into_bytes),
            prop::sample::select(vec![
                "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"
            ])
            .prop_map(|s| s.as_bytes().to_vec()),
            escape(0, 0xffff).prop_map(String::into_bytes),
            escape(0xd800, 0xdbff).prop_map(String::into_bytes),
            escape(0xdc00, 0xdfff).prop_map(String::into_bytes),
            (escape(0xd800, 0xdbff), escape(0xdc00, 0xdfff))
                .prop_map(|(h, l)| format!("{h}{l}").into_bytes()),
            prop::sample::select(vec![
                "\\x",
                "\\u12",
                "\\u12g4",
                "\\U0041",
                "\\",
                "\\ud800\\",
                "\\ud800\\n",
                "\\ud800\\u",
                "\\ud800\\udbff",
                "\\ud800\\u0041",
                "\\udfff\\ud800",
                "\\'",
                "\\0",
                "\\ ",
            ])
            .prop_map(|s| s.as_bytes().to_vec()),
            prop::sample::select(vec![
                vec![0u8],
                vec![0x1f],
                vec![0x7f],
                vec![0x80],
                vec![0xc0, 0x80],
                vec![0xc3],
                vec![0xed, 0xa0, 0x80],
                vec![0xf4, 0x90, 0x80, 0x80],
                vec![0xe2, 0x82],
                vec![0xff],
                vec![0xef, 0xbb, 0xbf],
                vec![b'\n'],
                vec![b'\t'],
            ]),
        ];
        prop::collection::vec(piece, 0..6).prop_map(|pieces| {
            let mut s = vec![b'"'];
            s.extend(pieces.concat());
            s.push(b'"');
            s
        })
    }

    /// JSON text written directly, with repeated names (`a` also as `\u0061`) and nulls, so that
    /// duplicate and null paths are compared with the walk's.
    fn text_with_repeats() -> impl Strategy<Value = String> {
        let leaf =
            prop::sample::select(vec!["null", "1", "\"x\"", "true", "[]", "{}", "-0", "2.5"])
                .prop_map(str::to_owned);
        leaf.prop_recursive(4, 24, 4, |inner| {
            let name = prop::sample::select(vec!["a", "b", "\\u0061", "c.d", "", "é", "\\u00e9"]);
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|v| format!("[{}]", v.join(","))),
                prop::collection::vec((name, inner), 0..4).prop_map(|kv| {
                    let members: Vec<String> =
                        kv.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
                    format!("{{{}}}", members.join(", "))
                }),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        /// `compact_text` writes what serde_json's serializer writes for every value without a
        /// double (integers of every size, strings with every escape, nested arrays and objects);
        /// doubles are checked by `doubles_read_back`.
        #[test]
        fn compact_text_is_serde_jsons_text(v in any_value()) {
            fn has_double(v: &Value) -> bool {
                match v {
                    Value::Number(n) => n.is_f64(),
                    Value::Array(a) => a.iter().any(has_double),
                    Value::Object(m) => m.values().any(has_double),
                    _ => false,
                }
            }
            prop_assume!(!has_double(&v));
            prop_assert_eq!(compact_text(&v), serde_json::to_string(&v).expect("a Value serializes"));
        }

        /// A double's text (`write_f64`): without an exponent it reads back (std's correctly
        /// rounded parser) as the same double, sign of zero included, with one within 1e-13
        /// relative, never infinite; below 2^53 it has no more significant digits than serde_json's
        /// shortest form, and where neither writes an exponent the texts are the same.
        #[test]
        fn doubles_read_back(f in prop_oneof![
            any_f64(),
            // What a person types: a few digits with a few decimals (12.5, 0.25, 3.0, -0.001).
            (-10_000_000i64..10_000_000, 0i32..7).prop_map(|(m, d)| m as f64 / 10f64.powi(d)),
        ]) {
            let ours = compact_text(&Value::from(f));
            let theirs = serde_json::to_string(&Value::from(f)).expect("serializes");
            let back: f64 = ours.parse().expect("a number");
            let a = f.abs();
            if !ours.contains('e') {
                prop_assert_eq!(back.to_bits(), f.to_bits(), "{} -> {}", f, ours);
            } else {
                prop_assert!(back.is_finite() && ((back - f) / f).abs() <= 1e-13, "{} -> {}", f, ours);
            }
            if !ours.contains('e') && !theirs.contains('e') && a < 9_007_199_254_740_992.0 {
                prop_assert_eq!(&ours, &theirs);
            }
            let significant = |t: &str| {
                let m = t.split('e').next().unwrap_or("");
                let d: String = m.chars().filter(char::is_ascii_digit).collect();
                d.trim_start_matches('0').trim_end_matches('0').len()
            };
            if a < 9_007_199_254_740_992.0 && !ours.contains('e') {
                prop_assert!(significant(&ours) <= significant(&theirs), "{} vs {}", ours, theirs);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn generated_values(text in any_text()) {
            prop_assert!(parse(&text, Nulls::Allowed).is_ok());
            agree(&text)?;
        }
    }

    proptest! {
        // A trace document is a few KB: fewer cases.
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn documents_around_the_vectors(text in super::differential::around(
                super::vector_payload("trace/08935012500014/TD2610A.jws"))) {
            agree(&text)?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn mutated_texts(text in mutated()) {
            agree(&text)?;
        }

        #[test]
        fn numbers(n in prop_oneof![number_text(), prop::sample::select(NUMBERS).prop_map(str::to_owned)],
                   ws in prop::sample::select(vec!["", " ", "\n\t\r "])) {
            for text in [format!("{ws}{n}{ws}"), format!("[{n},{ws}{n}]"), format!("{{\"k\":{n}}}")] {
                agree(text.as_bytes())?;
            }
        }

        #[test]
        fn strings(s in string_text()) {
            agree(&s)?;
            let mut member = b"{".to_vec();
            member.extend_from_slice(&s);
            member.extend_from_slice(b":0,\"a\":1}");
            agree(&member)?;
        }

        /// The numbers documents hold (quantities, readings: up to 15 significant digits, a
        /// power of ten within ±22) are the nearest double, exactly: the digits and the power are
        /// both exact doubles and one multiplication or division rounds once.
        #[test]
        fn fast_path_floats_are_exact(int in 0u64..1_000_000_000, frac in 0u64..1_000_000,
                                      frac_digits in 0usize..=6, e in -16i32..=16, neg: bool,
                                      form in 0u8..3) {
            let frac = format!("{:0w$}", frac % 10u64.pow(frac_digits as u32), w = frac_digits);
            let sign = if neg { "-" } else { "" };
            // At most 9 + 6 significant digits; the power of ten e - frac_digits is in -22..=16.
            let text = match (form, frac_digits) {
                (0, 1..) => format!("{sign}{int}.{frac}"),
                (1, _) | (_, 0) => format!("{sign}{int}e{e}"),
                _ => format!("{sign}{int}.{frac}E{e:+}"),
            };
            let Ok(Value::Number(n)) = parse(text.as_bytes(), Nulls::Allowed) else {
                return Err(TestCaseError::fail(format!("{text}: not a number")));
            };
            let want: f64 = text.parse().expect("std reads it");
            prop_assert_eq!(n.as_f64().map(f64::to_bits), Some(want.to_bits()), "{}", text);
        }

        #[test]
        fn repeated_names_and_nulls(text in text_with_repeats()) {
            agree(text.as_bytes())?;
        }
    }

    #[test]
    fn nesting_depth_around_the_limit() {
        for depth in 120..=135 {
            let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
            let mixed = format!("{}{}", "[{\"a\":".repeat(depth / 2), "}]".repeat(depth / 2));
            let open = "[".repeat(depth);
            let repeat = format!(
                "{}{{\"a\":1,\"a\":2}}{}",
                "[".repeat(depth),
                "]".repeat(depth)
            );
            let null = format!("{}null{}", "{\"a\":".repeat(depth), "}".repeat(depth));
            for text in [arrays, objects, mixed, open, repeat, null] {
                agree(text.as_bytes()).expect("agrees with serde_json");
            }
            let ok = depth <= MAX_DEPTH;
            let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            assert_eq!(
                parse(arrays.as_bytes(), Nulls::Allowed).is_ok(),
                ok,
                "{depth}"
            );
        }
    }

    #[test]
    fn edge_numbers_and_strings() {
        for n in NUMBERS {
            agree(n.as_bytes()).expect("agrees with serde_json");
        }
        for s in [
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\udc00\"",
            "\"\\uDBFF\\uDFFF\"",
            "\"\\ud800\\n\"",
            "\"\\ud800\\ud800\\udc00\"",
            "\"\u{feff}\"",
            "\u{feff}1",
            "",
            " ",
            "\u{c}1",
            "1\u{0}",
            "nul",
            "nulll",
            "tru",
            "[1,]",
            "{\"a\":1,}",
            "{,}",
            "[,1]",
        ] {
            agree(s.as_bytes()).expect("agrees with serde_json");
        }
    }
}

/// The errors [`parse`] reports and their wording.
#[cfg(test)]
mod errors {
    use super::*;

    fn syntax(text: &[u8]) -> String {
        match parse(text, Nulls::Allowed) {
            Err(StrictJsonError::Syntax(m)) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn messages_say_what_and_where() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "expected a value (end of input) at line 1 column 1"),
            (b"\xef\xbb\xbf{}", "expected a value at line 1 column 1"),
            (
                b"{\"a\":1 \"b\":2}",
                "expected ',' or '}' at line 1 column 8",
            ),
            (b"[1,\n  x]", "expected a value at line 2 column 3"),
            (b"[1 2]", "expected ',' or ']' at line 1 column 4"),
            (b"{\"a\" 1}", "expected ':' at line 1 column 6"),
            (
                b"{1:2}",
                "expected a member name (a string) at line 1 column 2",
            ),
            (
                b"{\"a\":1,}",
                "expected a member name (a string) at line 1 column 8",
            ),
            (
                b"{\"a\":1",
                "expected ',' or '}' (end of input) at line 1 column 7",
            ),
            (b"{} x", "trailing characters at line 1 column 4"),
            (b"nul", "expected `null` (end of input) at line 1 column 4"),
            (b"trUe", "expected `true` at line 1 column 3"),
            (b"01", "leading zero in a number at line 1 column 2"),
            (b"-x", "expected a digit at line 1 column 2"),
            (b"1.e5", "expected a digit after '.' at line 1 column 3"),
            (
                b"1e+",
                "expected a digit in the exponent (end of input) at line 1 column 4",
            ),
            (b"[1e309]", "number out of range at line 1 column 2"),
            (
                b"\"ab",
                "unterminated string (end of input) at line 1 column 4",
            ),
            (
                b"\"a\x01\"",
                "control character in a string at line 1 column 3",
            ),
            (b"\"a\\x\"", "invalid escape at line 1 column 4"),
            (
                b"\"\\u12x4\"",
                "expected 4 hex digits after \\u at line 1 column 6",
            ),
            (
                b"\"\\udc00\"",
                "lone surrogate in a \\u escape at line 1 column 8",
            ),
            (
                b"\"\\ud800\\u0041\"",
                "lone surrogate in a \\u escape at line 1 column 14",
            ),
            (
                b"\n \"a\xff\"",
                "invalid UTF-8 in the string at line 2 column 3",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(syntax(text), *message, "{}", String::from_utf8_lossy(text));
        }
        let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert_eq!(
            syntax(deep.as_bytes()),
            "nested too deeply at line 1 column 128"
        );
        assert_eq!(
            parse(b"[", Nulls::Allowed).map_err(|e| e.to_string()),
            Err("json: expected a value (end of input) at line 1 column 2".to_owned())
        );
    }

    #[test]
    fn paths_of_duplicates_and_nulls() {
        let dup = |t: &str| parse(t.as_bytes(), Nulls::Allowed);
        assert_eq!(
            dup(r#"[0, {"x": [{"a.b": 1, "\u0061.b": 2}]}]"#),
            Err(StrictJsonError::DuplicateMember("$[1].x[0].a.b".into()))
        );
        // Reported when the name is read, before anything after it.
        assert_eq!(
            dup(r#"{"a":1,"a" x"#),
            Err(StrictJsonError::DuplicateMember("$.a".into()))
        );
        assert_eq!(
            parse(b"null", Nulls::Refused),
            Err(StrictJsonError::Null("$".into()))
        );
        assert_eq!(
            parse(b"{\"k\":[1,{\"\":null}]}", Nulls::Refused),
            Err(StrictJsonError::Null("$.k[1].".into()))
        );
        assert_eq!(
            parse(b"[null", Nulls::Refused),
            Err(StrictJsonError::Null("$[0]".into()))
        );
        assert_eq!(
            parse(b"[null]", Nulls::Allowed),
            Ok(Value::Array(vec![Value::Null]))
        );
    }

    #[test]
    fn values() {
        let v = parse(
            br#" {"n": [0, -0, 18446744073709551616, -9223372036854775808, 1.5e3, "\u00e9\ud83d\ude00\/"]} "#,
            Nulls::Refused,
        )
        .expect("valid");
        let n = &v["n"];
        assert_eq!(n[0].as_u64(), Some(0));
        assert_eq!(n[1].as_f64().map(f64::to_bits), Some((-0.0f64).to_bits()));
        assert_eq!(n[2].as_f64(), Some(18446744073709551616.0));
        assert_eq!(n[3].as_i64(), Some(i64::MIN));
        assert_eq!(n[4].as_f64(), Some(1500.0));
        assert_eq!(n[5].as_str(), Some("é😀/"));
    }
}

/// The double nearest to `10^k` for `k` in 0..=308 (`None` above): what serde_json 1.x (default
/// features) scales a float's kept digits with, from its table of the literals `1e0` … `1e308`
/// (each the nearest double, as the compiler reads it). Computed here instead of stored: the
/// table was 2,472 bytes of the verify-first wasm that brotli cannot shrink (measured 2026-11-30:
/// 84,837 -> 82,858 bytes). Up to `10^22` the powers are exact products; above, they are built
/// once ([`powers_above_22`]). A test compares all 309 with the literals.
fn pow10(k: usize) -> Option<f64> {
    if k <= 22 {
        let mut p = 1.0f64;
        for _ in 0..k {
            p *= 10.0; // exact up to 10^22
        }
        return Some(p);
    }
    static ABOVE_22: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    ABOVE_22.get_or_init(powers_above_22).get(k - 23).copied()
}

/// `10^23` … `10^308`, built once: `5^k` kept exactly in 64-bit limbs (5^308 has 716 bits),
/// rounded to 53 bits (half to even), scaled by `2^k`.
fn powers_above_22() -> Vec<f64> {
    let mut limbs: Vec<u64> = vec![1];
    let mut out = Vec::with_capacity(286);
    for k in 1..=308u32 {
        let mut carry = 0u128;
        for l in limbs.iter_mut() {
            let v = u128::from(*l) * 5 + carry;
            *l = v as u64;
            carry = v >> 64;
        }
        if carry > 0 {
            limbs.push(carry as u64);
        }
        if k <= 22 {
            continue;
        }
        let top = limbs.len() - 1;
        let bits = 64 * top as u32 + (64 - limbs[top].leading_zeros());
        let bit = |i: u32| (limbs[(i / 64) as usize] >> (i % 64)) & 1 == 1;
        // The top 53 bits, then round half to even on the rest (5^23 already has 54 bits).
        let shift = bits - 53;
        let mut m: u64 = 0;
        for i in (shift..bits).rev() {
            m = (m << 1) | u64::from(bit(i));
        }
        let half = bit(shift - 1);
        let sticky = (0..shift - 1).any(bit);
        let mut e = (shift + k) as i32; // value = m * 2^e
        if half && (sticky || m & 1 == 1) {
            m += 1;
            if m == 1 << 53 {
                m >>= 1;
                e += 1;
            }
        }
        let biased = (e + 52 + 1023) as u64;
        out.push(f64::from_bits((biased << 52) | (m & ((1 << 52) - 1))));
    }
    out
}

/// 1e0 to 1e308 as serde_json 1.x's `de.rs` lists them (MIT OR Apache-2.0): what [`pow10`]
/// must give.
#[cfg(test)]
#[rustfmt::skip]
static POW10_LITERALS: [f64; 309] = [
    1e000, 1e001, 1e002, 1e003, 1e004, 1e005, 1e006, 1e007, 1e008, 1e009, //
    1e010, 1e011, 1e012, 1e013, 1e014, 1e015, 1e016, 1e017, 1e018, 1e019, //
    1e020, 1e021, 1e022, 1e023, 1e024, 1e025, 1e026, 1e027, 1e028, 1e029, //
    1e030, 1e031, 1e032, 1e033, 1e034, 1e035, 1e036, 1e037, 1e038, 1e039, //
    1e040, 1e041, 1e042, 1e043, 1e044, 1e045, 1e046, 1e047, 1e048, 1e049, //
    1e050, 1e051, 1e052, 1e053, 1e054, 1e055, 1e056, 1e057, 1e058, 1e059, //
    1e060, 1e061, 1e062, 1e063, 1e064, 1e065, 1e066, 1e067, 1e068, 1e069, //
    1e070, 1e071, 1e072, 1e073, 1e074, 1e075, 1e076, 1e077, 1e078, 1e079, //
    1e080, 1e081, 1e082, 1e083, 1e084, 1e085, 1e086, 1e087, 1e088, 1e089, //
    1e090, 1e091, 1e092, 1e093, 1e094, 1e095, 1e096, 1e097, 1e098, 1e099, //
    1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109, //
    1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119, //
    1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129, //
    1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139, //
    1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149, //
    1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159, //
    1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169, //
    1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179, //
    1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189, //
    1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199, //
    1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209, //
    1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219, //
    1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229, //
    1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239, //
    1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249, //
    1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259, //
    1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269, //
    1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279, //
    1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289, //
    1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, //
    1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];

#[cfg(test)]
#[test]
fn pow10_gives_every_literal() {
    for (k, lit) in POW10_LITERALS.iter().enumerate() {
        assert_eq!(pow10(k).map(f64::to_bits), Some(lit.to_bits()), "10^{k}");
    }
    assert_eq!(pow10(309), None);
}
