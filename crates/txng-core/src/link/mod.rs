//! The signed label: GS1 Digital Link URIs and GS1 element strings in, one canonical form out
//! (FORMAT.md §1). Parsing never panics and maps every failure to its own status code.
//!
//! This module holds the shared types, the printers, the profile's rules (`Elements`) and
//! [`parse`], which picks the syntax; each input syntax of FORMAT.md §1.1 has its own file:
//! `uri.rs` (GS1 Digital Link URI), `element_string.rs` (scanner output), `bracketed.rs` (typed).

mod bracketed;
mod element_string;
mod uri;

pub use uri::{is_uri_char, uri_host};

use crate::b64;
use crate::gs1::{self, Ai};
use crate::status::Code;
use bracketed::parse_bracketed;
use element_string::parse_element_string;
use serde::Serialize;
use uri::parse_uri;

/// Longest scanned text accepted, in bytes (FORMAT.md §4.3). A QR code holds at most 2,953 bytes.
pub const MAX_INPUT_LEN: usize = 4096;

/// Domain-separation prefix of the signed bytes (FORMAT.md §1.4).
pub const SIGNING_DOMAIN: &[u8] = b"TXNG-GS1-8030-ED25519-V1";

/// AI (8030) profile byte of this specification.
pub const PROFILE_ED25519_V1: u8 = 0x01;

/// Length of the AI (8030) value in characters (67 bytes, unpadded base64url).
pub const SIGNATURE_CHARS: usize = 90;

const GS: char = '\u{1d}';

/// A parse failure: the status code and, for inspectors, what was wrong where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The distinct status code.
    pub code: Code,
    /// Language-neutral detail (`ai=17`).
    pub detail: String,
}

fn err(code: Code, detail: impl Into<String>) -> ParseError {
    ParseError {
        code,
        detail: detail.into(),
    }
}

/// The data a label signs: the GTIN, its qualifiers and the data attributes (FORMAT.md §1.2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LabelData {
    /// (01) GTIN-14.
    pub gtin: String,
    /// (22) Consumer product variant, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpv: Option<String>,
    /// (10) Lot.
    pub lot: String,
    /// (21) Serial.
    pub serial: String,
    /// Data attributes, sorted by AI digits.
    pub attributes: Vec<(Ai, String)>,
}

/// The decoded AI (8030) value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signature8030 {
    /// Profile byte (0x01 = Ed25519, this specification).
    pub profile: u8,
    /// Key number within the producer.
    pub key_number: u16,
    /// The Ed25519 signature.
    #[serde(skip)]
    pub signature: [u8; 64],
}

impl Signature8030 {
    /// The three header bytes that precede the signature and are themselves signed.
    pub fn header(&self) -> [u8; 3] {
        let k = self.key_number.to_be_bytes();
        [self.profile, k[0], k[1]]
    }

    /// The 90-character AI (8030) value.
    pub fn encode(&self) -> String {
        let mut raw = Vec::with_capacity(67);
        raw.extend_from_slice(&self.header());
        raw.extend_from_slice(&self.signature);
        b64::encode(&raw)
    }

    /// Decodes a strict 90-character AI (8030) value.
    pub fn decode(value: &str) -> Result<Self, ParseError> {
        if value.len() != SIGNATURE_CHARS {
            return Err(err(
                Code::PayloadSignatureEncoding,
                format!("ai=8030 length={}", value.len()),
            ));
        }
        let raw = b64::decode(value).ok_or_else(|| {
            err(
                Code::PayloadSignatureEncoding,
                "ai=8030 not strict base64url",
            )
        })?;
        let mut signature = [0u8; 64];
        signature.copy_from_slice(
            raw.get(3..67)
                .ok_or_else(|| err(Code::PayloadSignatureEncoding, "ai=8030 length"))?,
        );
        let sig = Signature8030 {
            profile: raw[0],
            key_number: u16::from_be_bytes([raw[1], raw[2]]),
            signature,
        };
        if sig.profile != PROFILE_ED25519_V1 {
            return Err(err(
                Code::PayloadProfileUnknown,
                format!("profile=0x{:02x}", sig.profile),
            ));
        }
        Ok(sig)
    }
}

/// How the code was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Syntax {
    /// A GS1 Digital Link URI.
    DigitalLink,
    /// A GS1 element string (scanner output, with GS separators).
    ElementString,
    /// The bracketed human-readable element string `(01)…(10)…`.
    Bracketed,
}

/// A parsed, not yet verified, signed label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignedLink {
    /// The signed data.
    pub data: LabelData,
    /// The signature.
    pub signature: Signature8030,
    /// The URI's host, lower-cased (not signed); `None` for element strings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// How the code was written.
    pub syntax: Syntax,
}

impl LabelData {
    /// The value of a data attribute.
    pub fn attribute(&self, ai: Ai) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(a, _)| *a == ai)
            .map(|(_, v)| v.as_str())
    }

    /// Every element except 8030 in canonical order.
    pub fn elements(&self) -> Vec<(Ai, &str)> {
        let mut out = vec![(Ai::Gtin, self.gtin.as_str())];
        if let Some(c) = &self.cpv {
            out.push((Ai::Cpv, c));
        }
        out.push((Ai::Lot, &self.lot));
        out.push((Ai::Serial, &self.serial));
        out.extend(self.attributes.iter().map(|(a, v)| (*a, v.as_str())));
        out
    }

    /// The exact bytes signed by AI (8030) with this header (FORMAT.md §1.4).
    pub fn signing_input(&self, header: [u8; 3]) -> Vec<u8> {
        let mut m = Vec::with_capacity(128);
        m.extend_from_slice(SIGNING_DOMAIN);
        m.push(0);
        m.extend_from_slice(&header);
        for (ai, v) in self.elements() {
            m.extend_from_slice(ai.digits().as_bytes());
            m.extend_from_slice(v.as_bytes());
            m.push(0x1d);
        }
        m
    }

    /// Checks every rule a signer must follow; returns the data in canonical order.
    pub fn validated(mut self) -> Result<Self, ParseError> {
        self.attributes.sort_by_key(|(a, _)| a.digits());
        for w in self.attributes.windows(2) {
            if w[0].0 == w[1].0 {
                return Err(err(
                    Code::PayloadAiDuplicate,
                    format!("ai={}", w[0].0.digits()),
                ));
            }
        }
        for (ai, v) in self.elements() {
            ai.validate(v)
                .map_err(|c| err(c, format!("ai={}", ai.digits())))?;
        }
        if let Some((ai, _)) = self
            .attributes
            .iter()
            .find(|(a, _)| !a.is_attribute() || *a == Ai::Signature)
        {
            return Err(err(
                Code::PayloadPathInvalid,
                format!("ai={} as attribute", ai.digits()),
            ));
        }
        if !gs1::check_digit_ok(&self.gtin) {
            return Err(err(
                Code::PayloadGtinCheckDigit,
                format!("gtin={}", self.gtin),
            ));
        }
        Ok(self)
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl SignedLink {
    /// The GS1 Digital Link URI on `base` (e.g. `https://truyxuat.quangtri.gov.vn`).
    pub fn to_uri(&self, base: &str) -> String {
        let d = &self.data;
        let mut s = String::from(base.trim_end_matches('/'));
        for (ai, v) in d.elements().into_iter().filter(|(a, _)| !a.is_attribute()) {
            s.push('/');
            s.push_str(ai.digits());
            s.push('/');
            s.push_str(&percent_encode(v));
        }
        let mut sep = '?';
        for (ai, v) in &d.attributes {
            s.push(sep);
            s.push_str(ai.digits());
            s.push('=');
            s.push_str(&percent_encode(v));
            sep = '&';
        }
        s.push(sep);
        s.push_str("8030=");
        s.push_str(&self.signature.encode());
        s
    }

    /// The GS1 element string with GS separators, as a 2D scanner sends it (without AIM prefix).
    pub fn to_element_string(&self) -> String {
        let mut s = String::new();
        let mut need_gs = false;
        for (ai, v) in self.data.elements() {
            if need_gs {
                s.push(GS);
            }
            s.push_str(ai.digits());
            s.push_str(v);
            need_gs = ai.predefined_length().is_none();
        }
        if need_gs {
            s.push(GS);
        }
        s.push_str("8030");
        s.push_str(&self.signature.encode());
        s
    }

    /// The bracketed human-readable form `(01)…(10)…(21)…(8030)…`.
    pub fn to_bracketed(&self) -> String {
        let mut s = String::new();
        for (ai, v) in self.data.elements() {
            // A literal "(" is escaped as "\(" (GS1 Barcode Syntax Engine), so values never look
            // like the start of an AI.
            s.push_str(&format!("({}){}", ai.digits(), v.replace('(', "\\(")));
        }
        s.push_str(&format!("(8030){}", self.signature.encode()));
        s
    }

    /// The bytes the signature covers.
    pub fn signing_input(&self) -> Vec<u8> {
        self.data.signing_input(self.signature.header())
    }
}

/// Collected elements before the profile's rules are applied.
#[derive(Default)]
struct Elements {
    items: Vec<(Ai, String)>,
    /// AIs of the GS1 General Specifications that this profile does not allow (FORMAT.md §1.2).
    others: Vec<String>,
}

impl Elements {
    fn push(&mut self, ai: Ai, v: String) -> Result<(), ParseError> {
        if self.items.iter().any(|(a, _)| *a == ai) {
            return Err(err(Code::PayloadAiDuplicate, format!("ai={}", ai.digits())));
        }
        ai.validate(&v)
            .map_err(|c| err(c, format!("ai={}", ai.digits())))?;
        self.items.push((ai, v));
        Ok(())
    }

    /// Records a real GS1 AI outside this profile; its value must still be GS1 text (CSET 82).
    fn push_other(&mut self, digits: &str, v: &str) -> Result<(), ParseError> {
        if self.others.iter().any(|d| d == digits) {
            return Err(err(Code::PayloadAiDuplicate, format!("ai={digits}")));
        }
        if v.is_empty() {
            return Err(err(Code::PayloadValueEmpty, format!("ai={digits}")));
        }
        if !v.bytes().all(gs1::is_cset82) {
            return Err(err(Code::PayloadValueInvalid, format!("ai={digits}")));
        }
        self.others.push(digits.to_string());
        Ok(())
    }

    /// Adds an element by its AI digits (a GS1 AI known to be real).
    fn add(&mut self, digits: &str, v: String) -> Result<(), ParseError> {
        match Ai::from_digits(digits) {
            Some(ai) => self.push(ai, v),
            None => self.push_other(digits, &v),
        }
    }

    fn take(&mut self, ai: Ai) -> Option<String> {
        let i = self.items.iter().position(|(a, _)| *a == ai)?;
        Some(self.items.remove(i).1)
    }

    /// The profile's rules, in the order of FORMAT.md §1.2: 8030 present → 8030 in txng's format →
    /// only allowed AIs → GTIN present → GTIN check digit → lot → serial → the 8030 value.
    fn finish(mut self, host: Option<String>, syntax: Syntax) -> Result<SignedLink, ParseError> {
        let Some(sig) = self.take(Ai::Signature) else {
            return Err(if self.items.iter().any(|(a, _)| *a == Ai::Gtin) {
                err(Code::PayloadUnsigned, "no ai=8030")
            } else {
                err(Code::PayloadNotGs1, "no ai=8030, no ai=01")
            });
        };
        if !is_txng_signature(&sig) {
            return Err(err(
                Code::PayloadSignatureForeign,
                format!("ai=8030 length={}", sig.len()),
            ));
        }
        if let Some(d) = self.others.first() {
            return Err(err(Code::PayloadAiNotAllowed, format!("ai={d}")));
        }
        let gtin = self
            .take(Ai::Gtin)
            .ok_or_else(|| err(Code::PayloadGtinMissing, ""))?;
        if !gs1::check_digit_ok(&gtin) {
            return Err(err(Code::PayloadGtinCheckDigit, format!("gtin={gtin}")));
        }
        let lot = self
            .take(Ai::Lot)
            .ok_or_else(|| err(Code::PayloadLotMissing, "no ai=10"))?;
        let serial = self
            .take(Ai::Serial)
            .ok_or_else(|| err(Code::PayloadSerialMissing, "no ai=21"))?;
        let cpv = self.take(Ai::Cpv);
        let signature = Signature8030::decode(&sig)?;
        let mut attributes = self.items;
        attributes.sort_by_key(|(a, _)| a.digits());
        Ok(SignedLink {
            data: LabelData {
                gtin,
                cpv,
                lot,
                serial,
                attributes,
            },
            signature,
            host,
            syntax,
        })
    }
}

/// Whether an AI (8030) value claims this specification's format: exactly 90 characters whose
/// first is `A` (profile byte below 0x04; FORMAT.md §1.3). Anything else is another issuer's
/// content, e.g. an ISO/IEC 20248 DigSig.
pub fn is_txng_signature(value: &str) -> bool {
    value.len() == SIGNATURE_CHARS && value.starts_with('A')
}

/// White space removed from both ends of the scanned text (FORMAT.md §1.1): ASCII HT, LF, VT,
/// FF, CR and space, what scanners and copy-paste add. Nothing else (no NBSP, no Unicode spaces).
fn is_trimmed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ')
}

/// Parses scanned or pasted text: a GS1 Digital Link URI, a GS1 element string (with or without an
/// AIM symbology identifier, GS separators) or the bracketed form (FORMAT.md §1.1).
pub fn parse(text: &str) -> Result<SignedLink, ParseError> {
    if text.len() > MAX_INPUT_LEN {
        return Err(err(Code::PayloadTooLong, format!("bytes={}", text.len())));
    }
    let mut t = text.trim_matches(is_trimmed);
    let mut element_string_aim = false;
    if let Some(rest) = t.strip_prefix(']') {
        // AIM symbology identifier: `]` + code letter + modifier digit (FORMAT.md §1.1).
        let id = rest
            .get(..2)
            .filter(|id| {
                let b = id.as_bytes();
                b[0].is_ascii_alphabetic() && b[1].is_ascii_digit()
            })
            .ok_or_else(|| err(Code::PayloadNotGs1, "aim"))?;
        t = &rest[2..];
        element_string_aim = matches!(id, "Q3" | "d2" | "C1" | "e0" | "J1");
    }
    let r = parse_body(t, element_string_aim);
    // Without the characters "8030" no text carries a signature of this profile: whatever else is
    // wrong with it, it is not a signed code of this province (grey, never red; FORMAT.md §1.1).
    if !t.contains("8030") {
        return Err(match r {
            Err(e) if e.code == Code::PayloadUnsigned => e,
            Err(e) => err(Code::PayloadNotGs1, format!("no ai=8030 ({})", e.code)),
            Ok(_) => err(Code::PayloadNotGs1, "no ai=8030"),
        });
    }
    r
}

fn parse_body(t: &str, element_string_aim: bool) -> Result<SignedLink, ParseError> {
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    if element_string_aim {
        let t = t.strip_prefix(GS).unwrap_or(t);
        return if t.len() >= 2 && t.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
            parse_element_string(t)
        } else {
            Err(err(
                Code::PayloadNotGs1,
                "GS1 symbology without element string",
            ))
        };
    }
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return parse_uri(t);
    }
    if t.starts_with('(') {
        return parse_bracketed(t);
    }
    let t = t.strip_prefix(GS).unwrap_or(t);
    if t.len() >= 2 && t.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
        return parse_element_string(t);
    }
    Err(err(Code::PayloadNotGs1, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig() -> String {
        let mut raw = vec![1u8, 0, 1];
        raw.extend_from_slice(&[7u8; 64]);
        b64::encode(&raw)
    }

    fn uri() -> String {
        format!(
            "https://truyxuat.quangtri.gov.vn/01/08935012345677/10/CF2406A/21/000123?17=261231&8030={}",
            sig()
        )
    }

    #[test]
    fn all_forms_give_one_canonical_message() {
        let a = parse(&uri()).expect("uri");
        assert_eq!(a.data.gtin, "08935012345677");
        assert_eq!(a.host.as_deref(), Some("truyxuat.quangtri.gov.vn"));
        assert_eq!(a.signature.key_number, 1);
        let s = sig();
        let forms = [
            "010893501234567717261231".to_string() + "10CF2406A\u{1d}21000123\u{1d}8030" + &s,
            "]Q30108935012345677".to_string() + "10CF2406A\u{1d}21000123\u{1d}17261231" + "8030" + &s,
            "]d2\u{1d}0108935012345677".to_string() + "10CF2406A\u{1d}21000123\u{1d}17261231" + "8030" + &s,
            format!("(01)08935012345677(10)CF2406A(21)000123(17)261231(8030){s}"),
            format!("]Q1{}", uri()),
            format!("HTTPS://Truyxuat.QuangTri.gov.vn:443/a/b/01/08935012345677/10/CF2406A/21/000123?8030={s}&17=261231&linkType=all\r\n"),
        ];
        for f in &forms {
            let b = parse(f).unwrap_or_else(|e| panic!("{f}: {e:?}"));
            assert_eq!(b.signing_input(), a.signing_input(), "{f}");
        }
    }

    #[test]
    fn print_parse_round_trip() {
        let a = parse(&uri()).expect("uri");
        let b = parse(&a.to_uri("https://truyxuat.quangtri.gov.vn")).expect("printed");
        assert_eq!(a, b);
        let c = parse(&a.to_element_string()).expect("element string");
        assert_eq!(a.data, c.data);
        let d = parse(&a.to_bracketed()).expect("bracketed");
        assert_eq!(a.data, d.data);
    }

    #[test]
    fn distinct_codes() {
        let s = sig();
        let cases = [
            (
                format!("https://x.vn/01/08935012345678/10/A/21/1?8030={s}"),
                Code::PayloadGtinCheckDigit,
            ),
            (
                format!("https://x.vn/01/08935012345677/21/1?8030={s}"),
                Code::PayloadLotMissing,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A?8030={s}"),
                Code::PayloadSerialMissing,
            ),
            (
                "https://x.vn/01/08935012345677/10/A/21/1".to_string(),
                Code::PayloadUnsigned,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A/21/1?89=1&8030={s}"),
                Code::PayloadAiUnknown,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A/21/1?99=1&8030={s}"),
                Code::PayloadAiNotAllowed,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A/21/1?3103=000500&8030={s}"),
                Code::PayloadAiNotAllowed,
            ),
            (
                format!("0108935012345677310300050010A\u{1d}21000123\u{1d}8030{s}"),
                Code::PayloadAiNotAllowed,
            ),
            (
                format!("(01)08935012345677(400)PO-1(10)A(21)1(8030){s}"),
                Code::PayloadAiNotAllowed,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A/21/1?%31%37=261231&8030={s}"),
                Code::PayloadPathInvalid,
            ),
            (
                format!("https://evil.example\\@x.vn/01/08935012345677/10/A/21/1?8030={s}"),
                Code::PayloadPathInvalid,
            ),
            (
                format!("https://x.vn@evil.example/01/08935012345677/10/A/21/1?8030={s}"),
                Code::PayloadPathInvalid,
            ),
            (
                format!("https://x.vn/a/../01/08935012345677/10/A/21/1?8030={s}"),
                Code::PayloadPathInvalid,
            ),
            (
                format!("https://0x7f.1/01/08935012345677/10/A/21/1?8030={s}"),
                Code::PayloadPathInvalid,
            ),
            (
                format!("https://x.v\tn/01/08935012345677/10/A/21/1?8030={s}"),
                Code::PayloadPathInvalid,
            ),
            (
                format!(
                    "https://x.vn/01/08935012345677/10/A/21/1?8030={}=",
                    &s[..89]
                ),
                Code::PayloadSignatureEncoding,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A/21/1?8030=B{}", &s[1..]),
                Code::PayloadSignatureForeign,
            ),
            ("0912345678".to_string(), Code::PayloadNotGs1),
            ("0908030123".to_string(), Code::PayloadNotGs1),
            ("0123458030".to_string(), Code::PayloadNotGs1),
            (
                format!("0108935012345677891\u{1d}8030{s}"),
                Code::PayloadAiUnknown,
            ),
            ("8935012345677".to_string(), Code::PayloadNotGs1),
            ("0123456789".to_string(), Code::PayloadNotGs1),
            (
                "https://x.vn/01/08935012345677/10/A/21/1?17=261331".to_string(),
                Code::PayloadNotGs1,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A/21/1?17=261231&17=261231&8030={s}"),
                Code::PayloadAiDuplicate,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A/21/1?17=&8030={s}"),
                Code::PayloadValueEmpty,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A/21/1?17=261331&8030={s}"),
                Code::PayloadDateInvalid,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A/21/1?422=70&8030={s}"),
                Code::PayloadValueInvalid,
            ),
            (
                format!("https://x.vn/01/08935012345677/21/1/10/A?8030={s}"),
                Code::PayloadPathInvalid,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A%2/21/1?8030={s}"),
                Code::PayloadPathInvalid,
            ),
            (
                format!("https://x.vn/01/08935012345677/10/A/21/1?8030={s}="),
                Code::PayloadSignatureForeign,
            ),
            (
                "https://x.vn/01/08935012345677/10/A/21/1?8030=abc".to_string(),
                Code::PayloadSignatureForeign,
            ),
            (
                "https://example.com/san-pham/123".to_string(),
                Code::PayloadNotGs1,
            ),
            ("WIFI:S:cafe;;".to_string(), Code::PayloadNotGs1),
            ("x".repeat(MAX_INPUT_LEN + 1), Code::PayloadTooLong),
        ];
        for (text, code) in cases {
            assert_eq!(parse(&text).map_err(|e| e.code).err(), Some(code), "{text}");
        }
    }

    #[test]
    fn bracketed_escapes_parentheses() {
        let s = sig();
        // Found by fuzzing: a value holding "(01)" must survive the bracketed form.
        let a = parse(&format!(
            "https://x.vn/01/08935012345677/10/A(01)B/21/1(2?8030={s}"
        ))
        .expect("uri");
        let printed = a.to_bracketed();
        assert!(printed.contains("(10)A\\(01)B(21)1\\(2(8030)"), "{printed}");
        assert_eq!(parse(&printed).expect("bracketed").data, a.data);
        // An unescaped "(" that starts no AI is taken literally, as people type it.
        let b = parse(&format!("(01)08935012345677(10)A(B(21)1(8030){s}")).expect("lenient");
        assert_eq!(b.data.lot, "A(B");
    }

    #[test]
    fn plus_is_space_only_in_query() {
        let s = sig();
        let p = parse(&format!(
            "https://x.vn/01/08935012345677/10/A+B/21/1?8030={s}"
        ))
        .expect("plus");
        assert_eq!(p.data.lot, "A+B");
        let q = parse(&format!(
            "https://x.vn/01/08935012345677/10/A/21/1?422=7+4&8030={s}"
        ));
        assert_eq!(q.map_err(|e| e.code).err(), Some(Code::PayloadValueInvalid));
    }

    #[test]
    fn signature_encoding_is_strict() {
        let s = sig();
        // Last char carries 4 unused bits: flipping one of them gives another spelling.
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut alt = s.clone().into_bytes();
        let last = alt.len() - 1;
        let pos = ALPHABET
            .iter()
            .position(|&c| c == alt[last])
            .expect("base64url character");
        alt[last] = ALPHABET[pos ^ 1]; // flips the lowest of the 4 unused bits
        let alt = String::from_utf8(alt).expect("ASCII");
        assert_eq!(
            Signature8030::decode(&alt).map_err(|e| e.code).err(),
            Some(Code::PayloadSignatureEncoding),
            "{alt}"
        );
        // Every value that decodes is the one spelling its bytes encode to.
        assert_eq!(Signature8030::decode(&s).map(|x| x.encode()), Ok(s.clone()));
        let mut raw = vec![2u8, 0, 1];
        raw.extend_from_slice(&[7u8; 64]);
        assert_eq!(
            Signature8030::decode(&b64::encode(&raw))
                .map_err(|e| e.code)
                .err(),
            Some(Code::PayloadProfileUnknown)
        );
    }
}
