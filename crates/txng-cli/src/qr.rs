//! QR codes for labels: the `qrcode` crate encodes; this module renders. The SVG is one `<path>`
//! of horizontal runs (small files, crisp at any print size, easy to place on a label sheet) and
//! the PNG is 1-bit greyscale through the `png` crate (no `image` dependency for a black-and-white
//! grid). Both draw the quiet zone, which scanners need to find the code.
//!
//! A GS1 Digital Link URI is a plain QR code (read with symbology identifier `]Q1`). A GS1 element
//! string is a **GS1 QR Code** (ISO/IEC 18004 FNC1 mode, GS1 General Specifications): the FNC1
//! in first position mode indicator, then the AIs and values, with FNC1 as the separator after a
//! value of variable length, written as GS (0x1D) in byte mode or `%` in alphanumeric mode (where a
//! literal `%` is `%%`); a scanner reports it as `]Q3` + the element string with GS separators.
//! Neither the `]Q3` nor a leading FNC1 is data in the symbol.

use crate::cli::EcArg;
use qrcode::bits::Bits;
use qrcode::optimize::Parser;
use qrcode::types::{Mode, QrError, Version};
use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write as _;

/// The ASCII group separator: FNC1 as a field separator in GS1 data.
const GS: char = '\u{1d}';

/// What a QR symbol holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content<'a> {
    /// Plain text (a Digital Link URI, the bracketed form): an ordinary QR code.
    Plain(&'a str),
    /// A GS1 element string (GS separators, no AIM prefix, no leading GS): a GS1 QR Code.
    Gs1(&'a str),
}

/// What to put in a QR code for `text` as a scanner would send it, deciding as the verifier's
/// parser does (FORMAT.md §1.1): text with the AIM identifier `]Q3` or text that is neither a URI
/// nor the bracketed form and starts with AI digits (after a leading GS) is an element string,
/// encoded as a GS1 QR Code without the `]Q3` and the leading GS; anything else is plain text.
pub fn content_of(text: &str) -> Content<'_> {
    let t = text.trim_matches(|c: char| c.is_whitespace() && c != GS);
    if let Some(rest) = t.strip_prefix("]Q3") {
        return Content::Gs1(rest.trim_start_matches(GS));
    }
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    if t.starts_with(']')
        || t.starts_with('(')
        || lower.starts_with("https://")
        || lower.starts_with("http://")
    {
        return Content::Plain(text);
    }
    let es = t.trim_start_matches(GS);
    if es.len() >= 2 && es.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
        Content::Gs1(es)
    } else {
        Content::Plain(text)
    }
}

/// Encodes what [`content_of`] finds in `text`.
pub fn encode_text(text: &str, ec: EcArg) -> Result<Matrix, String> {
    match content_of(text) {
        Content::Plain(t) => encode(t, ec),
        Content::Gs1(t) => encode_gs1(t, ec),
    }
}

/// A QR symbol's modules, row by row (`true` = dark).
pub struct Matrix {
    /// Modules per side, without the quiet zone.
    pub width: usize,
    dark: Vec<bool>,
}

impl From<EcArg> for EcLevel {
    fn from(e: EcArg) -> Self {
        match e {
            EcArg::L => EcLevel::L,
            EcArg::M => EcLevel::M,
            EcArg::Q => EcLevel::Q,
            EcArg::H => EcLevel::H,
        }
    }
}

/// Encodes text (byte mode as the encoder chooses) at an error-correction level.
pub fn encode(text: &str, ec: EcArg) -> Result<Matrix, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), ec.into())
        .map_err(|e| e.to_string())?;
    Ok(Matrix::of(&code))
}

/// Encodes a GS1 element string as a GS1 QR Code (FNC1 in first position) in the smallest version
/// that holds it. `data` is the element string as a scanner sends it without `]Q3`: printable
/// ASCII, GS (0x1D) only between fields, not first or last.
pub fn encode_gs1(data: &str, ec: EcArg) -> Result<Matrix, String> {
    if data.is_empty() || data.starts_with(GS) || data.ends_with(GS) {
        return Err("GS1 element string: empty, or GS (FNC1) first or last".to_string());
    }
    if let Some(c) = data.chars().find(|&c| c != GS && !c.is_ascii_graphic()) {
        return Err(format!(
            "GS1 element string: character U+{:04X} is not allowed",
            u32::from(c)
        ));
    }
    let bytes = data.as_bytes();
    let ec: EcLevel = ec.into();
    for v in 1..=40 {
        let version = Version::Normal(v);
        let mut bits = Bits::new(version);
        match push_gs1(&mut bits, bytes, version).and_then(|()| bits.push_terminator(ec)) {
            Ok(()) => {
                let code = QrCode::with_bits(bits, ec).map_err(|e| e.to_string())?;
                return Ok(Matrix::of(&code));
            }
            Err(QrError::DataTooLong) => continue,
            Err(e) => return Err(e.to_string()),
        }
    }
    Err(QrError::DataTooLong.to_string())
}

/// FNC1 in first position, then the data in the modes the optimiser picks for `version`. A GS byte
/// is not alphanumeric, so it always lands in a byte segment, where it is the FNC1 separator. In an
/// alphanumeric segment `%` would mean FNC1 and a literal `%` must be written `%%`, which the
/// standard allows but rxing 0.9.3 (txng's own decoder) fails to read; so a segment with a `%` is
/// written in byte mode, where `%` is just `%` (valid, and read by every decoder).
fn push_gs1(bits: &mut Bits, data: &[u8], version: Version) -> Result<(), QrError> {
    bits.push_fnc1_first_position()?;
    for seg in Parser::new(data).optimize(version) {
        let part = &data[seg.begin..seg.end];
        match seg.mode {
            Mode::Numeric => bits.push_numeric_data(part)?,
            Mode::Alphanumeric if !part.contains(&b'%') => bits.push_alphanumeric_data(part)?,
            Mode::Alphanumeric | Mode::Byte | Mode::Kanji => bits.push_byte_data(part)?,
        }
    }
    Ok(())
}

impl Matrix {
    fn of(code: &QrCode) -> Matrix {
        Matrix {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        }
    }

    fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// Side length in modules including a quiet zone of `quiet` modules on each side.
    pub fn total(&self, quiet: u32) -> usize {
        self.width + 2 * quiet as usize
    }

    /// SVG path data in module units, offset by the quiet zone: one `M x y h w v1 h-w z` per run.
    pub fn svg_path(&self, quiet: u32) -> String {
        let q = quiet as usize;
        let mut d = String::with_capacity(self.width * self.width * 2);
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                let w = x - start;
                let _ = write!(d, "M{} {}h{w}v1h-{w}z", start + q, y + q);
            }
        }
        d
    }

    /// A standalone SVG, 4 px per module by default size (it scales without loss).
    pub fn svg(&self, quiet: u32) -> String {
        let n = self.total(quiet);
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"{px}\" height=\"{px}\" shape-rendering=\"crispEdges\"><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>\n",
            px = n * 4,
            d = self.svg_path(quiet)
        )
    }

    /// A 1-bit greyscale PNG with `scale` pixels per module.
    pub fn png(&self, quiet: u32, scale: u32) -> Result<Vec<u8>, String> {
        let n = self.total(quiet);
        let side = n * scale as usize;
        let row_bytes = side.div_ceil(8);
        let mut data = vec![0xffu8; row_bytes * side];
        let q = quiet as usize;
        let s = scale as usize;
        for y in 0..self.width {
            for x in 0..self.width {
                if !self.is_dark(x, y) {
                    continue;
                }
                for py in (y + q) * s..(y + q + 1) * s {
                    let row = &mut data[py * row_bytes..(py + 1) * row_bytes];
                    for px in (x + q) * s..(x + q + 1) * s {
                        row[px / 8] &= !(0x80 >> (px % 8));
                    }
                }
            }
        }
        let side32 = u32::try_from(side).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, side32, side32);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::One);
        let mut w = enc.write_header().map_err(|e| e.to_string())?;
        w.write_image_data(&data).map_err(|e| e.to_string())?;
        w.finish().map_err(|e| e.to_string())?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_and_png_shapes() {
        let m = encode(
            "https://truyxuat.quangtri.gov.vn/01/08935012345677",
            EcArg::M,
        )
        .expect("encodes");
        assert_eq!(m.width % 4, 1, "QR sides are 17 + 4v");
        let svg = m.svg(4);
        assert!(svg.starts_with("<svg"));
        assert!(
            svg.contains("M4 4h7v1h-7z"),
            "finder pattern top row at the quiet-zone offset"
        );
        let png = m.png(4, 2).expect("png");
        assert_eq!(&png[1..4], b"PNG");
    }

    /// The matrix as 8-bit grey pixels, `scale` per module, with the quiet zone.
    fn luma(m: &Matrix, quiet: u32, scale: u32) -> (Vec<u8>, u32) {
        let n = m.total(quiet) * scale as usize;
        let (q, s) = (quiet as usize, scale as usize);
        let mut img = vec![255u8; n * n];
        for y in 0..m.width {
            for x in 0..m.width {
                if m.is_dark(x, y) {
                    for py in (y + q) * s..(y + q + 1) * s {
                        img[py * n + (x + q) * s..py * n + (x + q + 1) * s].fill(0);
                    }
                }
            }
        }
        (img, u32::try_from(n).expect("small image"))
    }

    fn read(m: &Matrix) -> Option<String> {
        let (img, n) = luma(m, 4, 3);
        txng_scan::decode_luma(&img, n, n)
    }

    /// A small deterministic generator (xorshift64), so the cases are many but reproducible.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            usize::try_from(self.next() % n as u64).expect("fits")
        }
        fn cset82(&mut self, max: usize) -> String {
            const CSET82: &[u8] =
                b"!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
            // Mostly upper case and digits (alphanumeric mode), sometimes `%`.
            (0..1 + self.below(max))
                .map(|_| match self.below(4) {
                    0 => char::from(CSET82[self.below(CSET82.len())]),
                    1 => '%',
                    _ => char::from(b"ABC123XYZ789"[self.below(12)]),
                })
                .collect()
        }
    }

    fn gtin(rng: &mut Rng) -> String {
        let body: String = std::iter::once('0')
            .chain((0..12).map(|_| char::from(b'0' + (rng.below(10) as u8))))
            .collect();
        let sum: u32 = body
            .bytes()
            .rev()
            .enumerate()
            .map(|(i, d)| u32::from(d - b'0') * if i % 2 == 0 { 3 } else { 1 })
            .sum();
        format!("{body}{}", (10 - sum % 10) % 10)
    }

    /// GS1 QR Codes made here are read by txng's own decoder (rxing) as `]Q3` + the element string
    /// with GS separators, and the verifier's parser gets the label back from that text.
    #[test]
    fn gs1_qr_reads_back_as_q3_element_string() {
        use txng_core::link::{parse, LabelData, Syntax};
        use txng_core::Ai;
        let key = ed25519_dalek::SigningKey::from_bytes(&[5; 32]);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut with_percent = 0;
        for i in 0..40 {
            let mut attributes = Vec::new();
            if rng.below(2) == 0 {
                attributes.push((Ai::Expiry, "271231".to_string()));
            }
            if rng.below(2) == 0 {
                attributes.push((Ai::Origin, "704".to_string()));
            }
            if rng.below(2) == 0 {
                attributes.push((Ai::HarvestDate, "260110260120".to_string()));
            }
            let data = LabelData {
                gtin: gtin(&mut rng),
                cpv: (rng.below(3) == 0).then(|| rng.cset82(8)),
                lot: if i == 0 {
                    "%%AB%CD%%".to_string()
                } else {
                    rng.cset82(20)
                },
                serial: rng.cset82(20),
                attributes,
            };
            let link = txng_core::sign::sign_label(data, 1, &key).expect("valid label");
            let es = link.to_element_string();
            with_percent += usize::from(es.contains('%'));
            let m = encode_gs1(&es, EcArg::M).expect("encodes");
            let text =
                read(&m).unwrap_or_else(|| panic!("rxing reads the GS1 QR Code {i}: {es:?}"));
            assert_eq!(text, format!("]Q3{es}"), "case {i}");
            let back = parse(&text).expect("the verifier parses what the scanner reads");
            assert_eq!(back.syntax, Syntax::ElementString);
            assert_eq!(back.data, link.data, "case {i}");
            assert_eq!(back.signature, link.signature);
            // The same text through `encode_text` (as the demo renders it) is the same symbol.
            let m2 = encode_text(&format!("]Q3{es}"), EcArg::M).expect("encodes");
            assert_eq!(m2.dark, m.dark);
        }
        assert!(
            with_percent > 0,
            "some cases have `%` (byte mode, not `%%`)"
        );
        // A Digital Link stays a plain QR code: no `]Q3`.
        let link = txng_core::sign::sign_label(
            LabelData {
                gtin: "08935012345677".into(),
                cpv: None,
                lot: "A%B".into(),
                serial: "1".into(),
                attributes: vec![],
            },
            1,
            &key,
        )
        .expect("valid label");
        let uri = link.to_uri("https://truyxuat.quangtri.gov.vn");
        let m = encode_text(&uri, EcArg::M).expect("encodes");
        assert_eq!(read(&m).as_deref(), Some(uri.as_str()));
    }

    #[test]
    fn content_follows_the_parser() {
        let es = "010893501234567710CF\u{1d}21X";
        assert_eq!(content_of(es), Content::Gs1(es));
        assert_eq!(content_of(&format!("]Q3{es}")), Content::Gs1(es));
        assert_eq!(content_of(&format!("\u{1d}{es}\r\n")), Content::Gs1(es));
        for plain in [
            "https://truyxuat.quangtri.gov.vn/01/08935012345677",
            "HTTP://x/01/08935012345677",
            "(01)08935012345677(10)CF",
            "]Q1https://x/01/1",
            "xin chào",
            "1",
        ] {
            assert_eq!(content_of(plain), Content::Plain(plain), "{plain:?}");
        }
        for bad in ["", "\u{1d}01", "01\u{1d}", "01é", "01\n10"] {
            assert!(encode_gs1(bad, EcArg::M).is_err(), "{bad:?}");
        }
    }
}
