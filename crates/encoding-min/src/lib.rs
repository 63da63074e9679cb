//! txng's minimal stand-in for [encoding_rs] 0.8.44, patched in for rxing (the QR decoder of
//! `crates/txng-scan`) through `[patch.crates-io]` in the workspace `Cargo.toml`.
//!
//! # Why
//!
//! rxing decodes the byte segments of a QR code through `encoding_rs`, and its `CharacterSet`
//! names every encoding an ECI can select, so the real crate's tables for Big5, GBK/GB18030,
//! EUC-KR, EUC-JP and Shift_JIS (decoders and encoders) all end up in the wasm: ≈ 135 KB of
//! the scanner's 246 KB gzip. txng's codes are GS1 Digital Link URIs and element strings,
//! i.e. ASCII. This crate keeps exactly the API rxing calls (`Encoding`, its statics,
//! [`Encoding::for_label`], [`Encoding::decode`], [`Encoding::encode`], [`Encoding::name`]) with
//! the WHATWG Encoding Standard behaviour of `encoding_rs` for:
//!
//! * UTF-8, UTF-16BE, UTF-16LE (with the same BOM sniffing as `encoding_rs::Encoding::decode`);
//! * the 18 single-byte encodings rxing's `CharacterSet` maps to (ISO-8859-x, windows-125x,
//!   windows-874): 128-entry tables, ≈ 4.6 KB;
//! * Shift_JIS, decoding and encoding (index jis0208, 11,280 entries, ≈ 14 KB gzip): it is the
//!   encoding ZXing guesses for byte-mode data without an ECI that is not UTF-8, and the one its
//!   Kanji mode is defined in; 10 photos of the corpus hold Shift_JIS text.
//!
//! Big5, GBK, GB18030 and EUC-KR exist (so rxing's ECI table compiles and their names resolve)
//! but are not implemented: [`Encoding::decode`] returns ASCII bytes as they are and every
//! non-ASCII byte as U+FFFD, **with `had_errors = false`** — on purpose: rxing drops a segment
//! whose decoding reports errors and returns the rest of the text, which would turn a code
//! holding `AD:SUB:阿;;` (corpus photo 005, Hanzi mode) silently into `AD:SUB:;;`; with the
//! replacement characters kept, it reads `AD:SUB:��;;`, visibly not all read (U+FFFD never
//! comes out of rxing otherwise: its own decoding errors fail the segment).
//! [`Encoding::encode`] writes non-ASCII characters as numeric character references with
//! `had_errors = true` (so rxing's encoder never picks them). [`Encoding::for_label`] knows the
//! canonical names and `ascii` only (not the other WHATWG aliases, nor KOI8, EUC-JP, …).
//!
//! The tables in `src/tables.rs` are generated from encoding_rs 0.8.44 itself (`gen.rs.txt`,
//! see `README.md`) and checked against an independent implementation of the same standard,
//! the `TextDecoder` of Node.js (ICU), by `tests/whatwg.rs`.
//!
//! [encoding_rs]: https://docs.rs/encoding_rs/0.8.44

use std::borrow::Cow;

mod tables;

/// What an [`Encoding`] is, for the decoder and encoder.
#[derive(Debug, PartialEq, Eq)]
enum Variant {
    Utf8,
    Utf16Be,
    Utf16Le,
    /// Bytes 0x80..=0xFF (0 = unmapped); 0x00..=0x7F are ASCII.
    SingleByte(&'static [u16; 128]),
    ShiftJis,
    /// Known by name only: every non-ASCII byte or character is an error.
    NotImplemented,
}

/// A character encoding (same name and role as `encoding_rs::Encoding`).
#[derive(Debug)]
pub struct Encoding {
    name: &'static str,
    variant: Variant,
}

impl PartialEq for Encoding {
    fn eq(&self, other: &Encoding) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Encoding {}

impl std::hash::Hash for Encoding {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

macro_rules! encodings {
    ($($init:ident, $stat:ident, $name:literal, $variant:expr;)*) => {
        $(
            #[doc = concat!("The initializer for [`", stringify!($stat), "`].")]
            pub static $init: Encoding = Encoding { name: $name, variant: $variant };
            #[doc = concat!("The ", $name, " encoding.")]
            pub static $stat: &Encoding = &$init;
        )*
    };
}

encodings! {
    UTF_8_INIT, UTF_8, "UTF-8", Variant::Utf8;
    UTF_16BE_INIT, UTF_16BE, "UTF-16BE", Variant::Utf16Be;
    UTF_16LE_INIT, UTF_16LE, "UTF-16LE", Variant::Utf16Le;
    SHIFT_JIS_INIT, SHIFT_JIS, "Shift_JIS", Variant::ShiftJis;
    ISO_8859_2_INIT, ISO_8859_2, "ISO-8859-2", Variant::SingleByte(&tables::ISO_8859_2);
    ISO_8859_3_INIT, ISO_8859_3, "ISO-8859-3", Variant::SingleByte(&tables::ISO_8859_3);
    ISO_8859_4_INIT, ISO_8859_4, "ISO-8859-4", Variant::SingleByte(&tables::ISO_8859_4);
    ISO_8859_5_INIT, ISO_8859_5, "ISO-8859-5", Variant::SingleByte(&tables::ISO_8859_5);
    ISO_8859_6_INIT, ISO_8859_6, "ISO-8859-6", Variant::SingleByte(&tables::ISO_8859_6);
    ISO_8859_7_INIT, ISO_8859_7, "ISO-8859-7", Variant::SingleByte(&tables::ISO_8859_7);
    ISO_8859_8_INIT, ISO_8859_8, "ISO-8859-8", Variant::SingleByte(&tables::ISO_8859_8);
    ISO_8859_10_INIT, ISO_8859_10, "ISO-8859-10", Variant::SingleByte(&tables::ISO_8859_10);
    ISO_8859_13_INIT, ISO_8859_13, "ISO-8859-13", Variant::SingleByte(&tables::ISO_8859_13);
    ISO_8859_14_INIT, ISO_8859_14, "ISO-8859-14", Variant::SingleByte(&tables::ISO_8859_14);
    ISO_8859_15_INIT, ISO_8859_15, "ISO-8859-15", Variant::SingleByte(&tables::ISO_8859_15);
    ISO_8859_16_INIT, ISO_8859_16, "ISO-8859-16", Variant::SingleByte(&tables::ISO_8859_16);
    WINDOWS_874_INIT, WINDOWS_874, "windows-874", Variant::SingleByte(&tables::WINDOWS_874);
    WINDOWS_1250_INIT, WINDOWS_1250, "windows-1250", Variant::SingleByte(&tables::WINDOWS_1250);
    WINDOWS_1251_INIT, WINDOWS_1251, "windows-1251", Variant::SingleByte(&tables::WINDOWS_1251);
    WINDOWS_1252_INIT, WINDOWS_1252, "windows-1252", Variant::SingleByte(&tables::WINDOWS_1252);
    WINDOWS_1254_INIT, WINDOWS_1254, "windows-1254", Variant::SingleByte(&tables::WINDOWS_1254);
    WINDOWS_1256_INIT, WINDOWS_1256, "windows-1256", Variant::SingleByte(&tables::WINDOWS_1256);
    BIG5_INIT, BIG5, "Big5", Variant::NotImplemented;
    GBK_INIT, GBK, "GBK", Variant::NotImplemented;
    GB18030_INIT, GB18030, "gb18030", Variant::NotImplemented;
    EUC_KR_INIT, EUC_KR, "EUC-KR", Variant::NotImplemented;
}

/// Every encoding of this crate (for tests and label lookups).
pub static ALL: [&Encoding; 26] = [
    UTF_8,
    UTF_16BE,
    UTF_16LE,
    SHIFT_JIS,
    ISO_8859_2,
    ISO_8859_3,
    ISO_8859_4,
    ISO_8859_5,
    ISO_8859_6,
    ISO_8859_7,
    ISO_8859_8,
    ISO_8859_10,
    ISO_8859_13,
    ISO_8859_14,
    ISO_8859_15,
    ISO_8859_16,
    WINDOWS_874,
    WINDOWS_1250,
    WINDOWS_1251,
    WINDOWS_1252,
    WINDOWS_1254,
    WINDOWS_1256,
    BIG5,
    GBK,
    GB18030,
    EUC_KR,
];

/// Shift_JIS pointers in this range decode to the Private Use Area (WHATWG "EUDC").
const SJIS_EUDC: std::ops::RangeInclusive<usize> = 8836..=10715;
/// Shift_JIS pointers in this range decode but are never used to encode (WHATWG).
const SJIS_NOT_ENCODED: std::ops::RangeInclusive<usize> = 8272..=8835;

impl Encoding {
    /// The encoding's canonical (WHATWG) name.
    pub fn name(&'static self) -> &'static str {
        self.name
    }

    /// Whether this crate decodes and encodes the encoding (false: Big5, GBK, gb18030,
    /// EUC-KR, which exist by name only).
    pub fn is_implemented(&'static self) -> bool {
        self.variant != Variant::NotImplemented
    }

    /// The encoding for a label (ASCII whitespace trimmed, ASCII case-insensitive): the
    /// canonical name of an encoding of this crate, or `ascii` (windows-1252, as in WHATWG),
    /// the one label rxing asks for; `None` for any other label. (encoding_rs knows all 228
    /// WHATWG labels: their table cost ≈ 1 KB gzip in the decoder module for nothing.)
    pub fn for_label(label: &[u8]) -> Option<&'static Encoding> {
        let ws = |b: &u8| matches!(*b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ');
        let start = label.iter().position(|b| !ws(b))?;
        let end = label.iter().rposition(|b| !ws(b))? + 1;
        let trimmed = label.get(start..end)?;
        if trimmed.eq_ignore_ascii_case(b"ascii") {
            return Some(WINDOWS_1252);
        }
        ALL.iter()
            .find(|e| e.name.as_bytes().eq_ignore_ascii_case(trimmed))
            .copied()
    }

    /// The encoding a byte order mark at the start of `bytes` selects, with the BOM's length.
    pub fn for_bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => Some((UTF_8, 3)),
            [0xFE, 0xFF, ..] => Some((UTF_16BE, 2)),
            [0xFF, 0xFE, ..] => Some((UTF_16LE, 2)),
            _ => None,
        }
    }

    /// Decodes a complete input with BOM sniffing (a BOM overrides `self` and is removed),
    /// malformed sequences replaced with U+FFFD. Returns the text, the encoding actually used,
    /// and whether there were malformed sequences — as `encoding_rs::Encoding::decode`.
    pub fn decode<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, &'static Encoding, bool) {
        let (encoding, rest) = match Encoding::for_bom(bytes) {
            Some((encoding, n)) => (encoding, bytes.get(n..).unwrap_or_default()),
            None => (self, bytes),
        };
        let (text, had_errors) = encoding.decode_without_bom_handling(rest);
        (text, encoding, had_errors)
    }

    /// Decodes a complete input without looking for a BOM; U+FFFD for malformed sequences.
    pub fn decode_without_bom_handling<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, bool) {
        match &self.variant {
            Variant::Utf8 => match String::from_utf8_lossy(bytes) {
                Cow::Borrowed(s) => (Cow::Borrowed(s), false),
                Cow::Owned(s) => (Cow::Owned(s), true),
            },
            Variant::Utf16Be => decode_utf16(bytes, u16::from_be_bytes),
            Variant::Utf16Le => decode_utf16(bytes, u16::from_le_bytes),
            _ if bytes.is_ascii() => match std::str::from_utf8(bytes) {
                Ok(s) => (Cow::Borrowed(s), false),
                Err(_) => (Cow::Owned(String::new()), true), // unreachable: ASCII is UTF-8
            },
            Variant::SingleByte(table) => {
                let mut had_errors = false;
                let text = bytes
                    .iter()
                    .map(|&b| {
                        let c = single_byte(table, b);
                        had_errors |= c.is_none();
                        c.unwrap_or(char::REPLACEMENT_CHARACTER)
                    })
                    .collect();
                (Cow::Owned(text), had_errors)
            }
            Variant::ShiftJis => {
                let (text, had_errors) = decode_shift_jis(bytes);
                (Cow::Owned(text), had_errors)
            }
            // Not `had_errors`: see the crate documentation (rxing would drop the segment).
            Variant::NotImplemented => {
                let text = bytes
                    .iter()
                    .map(|&b| {
                        if b.is_ascii() {
                            char::from(b)
                        } else {
                            char::REPLACEMENT_CHARACTER
                        }
                    })
                    .collect();
                (Cow::Owned(text), false)
            }
        }
    }

    /// The encoding [`Encoding::encode`] writes: UTF-8 for UTF-16BE/LE (as in encoding_rs).
    pub fn output_encoding(&'static self) -> &'static Encoding {
        match self.variant {
            Variant::Utf16Be | Variant::Utf16Le => UTF_8,
            _ => self,
        }
    }

    /// Encodes `string`; unmappable characters are written as HTML decimal numeric character
    /// references (`&#NNNN;`). Returns the bytes, the output encoding, and whether any character
    /// was unmappable — as `encoding_rs::Encoding::encode`.
    pub fn encode<'a>(&'static self, string: &'a str) -> (Cow<'a, [u8]>, &'static Encoding, bool) {
        let out = self.output_encoding();
        if out == UTF_8 || string.is_ascii() {
            return (Cow::Borrowed(string.as_bytes()), out, false);
        }
        let mut bytes = Vec::with_capacity(string.len());
        let mut had_errors = false;
        for c in string.chars() {
            let mapped = match &out.variant {
                Variant::SingleByte(table) => encode_single_byte(table, c).map(|b| [b, 0, 1]),
                Variant::ShiftJis => encode_shift_jis(c),
                _ => c.is_ascii().then_some([c as u8, 0, 1]),
            };
            match mapped {
                Some([a, b, n]) => bytes.extend_from_slice(&[a, b][..usize::from(n)]),
                None => {
                    had_errors = true;
                    bytes.extend_from_slice(format!("&#{};", u32::from(c)).as_bytes());
                }
            }
        }
        (Cow::Owned(bytes), out, had_errors)
    }
}

fn single_byte(table: &[u16; 128], b: u8) -> Option<char> {
    if b.is_ascii() {
        return Some(char::from(b));
    }
    let cp = *table.get(usize::from(b - 0x80))?;
    if cp == 0 {
        None
    } else {
        char::from_u32(u32::from(cp))
    }
}

fn encode_single_byte(table: &[u16; 128], c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    let cp = u16::try_from(u32::from(c)).ok()?;
    let i = table.iter().position(|&t| t == cp && t != 0)?;
    u8::try_from(0x80 + i).ok()
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (Cow<'static, str>, bool) {
    let mut had_errors = bytes.len() % 2 != 0;
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                had_errors = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    // An odd final byte is one error; after an unpaired lead surrogate at the end, that
    // surrogate and the byte are one error together (WHATWG UTF-16 decoder, end of queue).
    let pairs = bytes.chunks_exact(2);
    let lead_at_end = pairs
        .clone()
        .last()
        .is_some_and(|p| (0xD800..=0xDBFF).contains(&unit([p[0], p[1]])));
    if !pairs.remainder().is_empty() && !lead_at_end {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (Cow::Owned(text), had_errors)
}

/// Number of Shift_JIS two-byte pointers (lead 0x81–0x9F, 0xE0–0xFC × 188 trail bytes).
const SJIS_POINTERS: usize = 11_280;

/// index jis0208 by Shift_JIS pointer (0 = unmapped), unpacked from
/// [`tables::SHIFT_JIS_2B_PACKED`] on first use (the packed form gzips ~4 KB smaller in the
/// wasm than a plain `[u16; 11280]`; unpacking takes well under a millisecond).
fn sjis_table() -> &'static [u16] {
    static TABLE: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::with_capacity(SJIS_POINTERS);
        let (mut prev, mut acc, mut shift) = (0i64, 0u64, 0u32);
        for &b in &tables::SHIFT_JIS_2B_PACKED {
            acc |= u64::from(b & 0x7F) << shift;
            if b & 0x80 != 0 {
                shift += 7;
                continue;
            }
            if acc == 0 {
                table.push(0);
            } else {
                let z = acc - 1;
                let delta = if z & 1 == 0 {
                    (z >> 1) as i64
                } else {
                    -(((z + 1) >> 1) as i64)
                };
                prev += delta;
                table.push(u16::try_from(prev).unwrap_or(0));
            }
            (acc, shift) = (0, 0);
        }
        table
    })
}

/// The WHATWG Shift_JIS decoder (Encoding Standard §13.3.1) over a complete input.
fn decode_shift_jis(bytes: &[u8]) -> (String, bool) {
    let mut text = String::with_capacity(bytes.len());
    let mut had_errors = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        let c = match b {
            0x00..=0x80 => Some(char::from(b)),
            0xA1..=0xDF => char::from_u32(0xFF61 - 0xA1 + u32::from(b)),
            0x81..=0x9F | 0xE0..=0xFC => match bytes.get(i) {
                None => None,
                Some(&trail) => {
                    let lead_offset = if b < 0xA0 { 0x81 } else { 0xC1 };
                    let offset = if trail < 0x7F { 0x40 } else { 0x41 };
                    let pointer = match trail {
                        0x40..=0x7E | 0x80..=0xFC => {
                            Some(usize::from(b - lead_offset) * 188 + usize::from(trail - offset))
                        }
                        _ => None,
                    };
                    let c = pointer.and_then(|p| {
                        if SJIS_EUDC.contains(&p) {
                            char::from_u32(0xE000 - 8836 + p as u32)
                        } else {
                            sjis_table()
                                .get(p)
                                .filter(|&&cp| cp != 0)
                                .and_then(|&cp| char::from_u32(u32::from(cp)))
                        }
                    });
                    // An ASCII trail byte of an unmapped pair is not consumed (WHATWG).
                    if c.is_some() || !trail.is_ascii() {
                        i += 1;
                    }
                    c
                }
            },
            _ => None,
        };
        had_errors |= c.is_none();
        text.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    (text, had_errors)
}

/// The WHATWG Shift_JIS encoder for one character: `[byte, byte, length]`, or `None` when
/// the character has no Shift_JIS form.
fn encode_shift_jis(c: char) -> Option<[u8; 3]> {
    let cp = u32::from(c);
    match cp {
        0x00..=0x80 => return Some([cp as u8, 0, 1]),
        0xA5 => return Some([0x5C, 0, 1]),
        0x203E => return Some([0x7E, 0, 1]),
        0xFF61..=0xFF9F => return Some([(cp - 0xFF61 + 0xA1) as u8, 0, 1]),
        _ => {}
    }
    let cp = if cp == 0x2212 { 0xFF0D } else { cp };
    let cp = u16::try_from(cp).ok()?;
    let pointer = sjis_table()
        .iter()
        .enumerate()
        .position(|(p, &t)| t == cp && !SJIS_NOT_ENCODED.contains(&p))?;
    let (lead, trail) = (pointer / 188, pointer % 188);
    let lead_offset = if lead < 0x1F { 0x81 } else { 0xC1 };
    let offset = if trail < 0x3F { 0x40 } else { 0x41 };
    Some([
        u8::try_from(lead + lead_offset).ok()?,
        u8::try_from(trail + offset).ok()?,
        2,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_bom() {
        assert_eq!(Encoding::for_label(b" Shift_JIS\n"), Some(SHIFT_JIS));
        assert_eq!(Encoding::for_label(b"ascii"), Some(WINDOWS_1252));
        assert_eq!(Encoding::for_label(b"iso-8859-2"), Some(ISO_8859_2));
        assert_eq!(Encoding::for_label(b"latin2"), None); // WHATWG alias: not kept
        assert_eq!(Encoding::for_label(b"koi8-r"), None);
        assert_eq!(Encoding::for_label(b""), None);
        for e in ALL {
            assert_eq!(
                Encoding::for_label(e.name().as_bytes()),
                Some(e),
                "{}",
                e.name()
            );
        }
        let (t, e, err) = SHIFT_JIS.decode(b"\xEF\xBB\xBFa\xC3\xA9");
        assert_eq!((t.as_ref(), e, err), ("aé", UTF_8, false));
        let (t, e, err) = UTF_8.decode(b"\xFF\xFEa\x00");
        assert_eq!((t.as_ref(), e, err), ("a", UTF_16LE, false));
    }

    #[test]
    fn sjis_table_unpacks() {
        let t = sjis_table();
        assert_eq!(t.len(), SJIS_POINTERS);
        // 7,724 mapped pointers outside the EUDC range, as in index jis0208 (WHATWG).
        assert_eq!(t.iter().filter(|&&cp| cp != 0).count(), 7724);
        assert!(t[SJIS_EUDC].iter().all(|&cp| cp == 0));
        assert_eq!(t[0], 0x3000); // 0x8140 IDEOGRAPHIC SPACE
    }

    #[test]
    fn shift_jis_examples() {
        let (t, _, err) = SHIFT_JIS.decode(b"\x93\xfc\x82\xe8\xb2");
        assert_eq!((t.as_ref(), err), ("入りｲ", false));
        // Unmapped pair with an ASCII trail: the trail is decoded on its own.
        let (t, _, err) = SHIFT_JIS.decode(b"\x85\x40A");
        assert_eq!((t.as_ref(), err), ("\u{FFFD}@A", true));
        // Lead at the end of input.
        let (t, _, err) = SHIFT_JIS.decode(b"a\x93");
        assert_eq!((t.as_ref(), err), ("a\u{FFFD}", true));
        let (b, _, err) = SHIFT_JIS.encode("入りｲ−¥");
        assert_eq!(
            (b.as_ref(), err),
            (&b"\x93\xfc\x82\xe8\xb2\x81\x7c\x5c"[..], false)
        );
        let (b, _, err) = SHIFT_JIS.encode("a€");
        assert_eq!((b.as_ref(), err), (&b"a&#8364;"[..], true));
    }

    #[test]
    fn not_implemented_keep_visible_replacements() {
        for e in [BIG5, GBK, GB18030, EUC_KR] {
            assert!(!e.is_implemented());
            let (t, _, err) = e.decode(b"ab\xA4\xA1");
            assert_eq!((t.as_ref(), err), ("ab\u{FFFD}\u{FFFD}", false));
            let (_, _, err) = e.decode(b"ascii only");
            assert!(!err);
            let (b, _, err) = e.encode("a中");
            assert_eq!((b.as_ref(), err), (&b"a&#20013;"[..], true));
        }
    }

    /// Every character of every table encodes back to a byte sequence that decodes to it.
    #[test]
    fn encode_inverts_decode() {
        for e in ALL.iter().filter(|e| e.is_implemented()) {
            let mut chars: Vec<char> = (0x80u8..=0xFF)
                .filter_map(|b| match &e.variant {
                    Variant::SingleByte(t) => single_byte(t, b),
                    _ => None,
                })
                .collect();
            if e.variant == Variant::ShiftJis {
                chars.extend(
                    sjis_table()
                        .iter()
                        .filter_map(|&cp| char::from_u32(u32::from(cp)))
                        .filter(|&c| c != '\0'),
                );
            }
            for c in chars {
                let s = c.to_string();
                let (bytes, out, err) = e.encode(&s);
                assert!(!err, "{} cannot encode {c:?}", e.name());
                let (back, err) = out.decode_without_bom_handling(&bytes);
                assert_eq!((back.as_ref(), err), (s.as_str(), false), "{}", e.name());
            }
        }
    }
}
