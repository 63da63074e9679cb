//! The printable label sheet: A4 pages of QR codes, each with the product name, GTIN, lot and
//! serial printed under it, so a person can match a sticker to its product without a scanner.
//! Measures are millimetres (the SVG's user unit), so the sheet prints at true size. All text is
//! XML-escaped: product names come from a CSV that anyone may have edited.

use crate::text::T;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use txng_core::Lang;

/// One label to place.
pub struct SheetLabel<'a> {
    /// QR path data in module units (quiet zone included in the offsets).
    pub path: &'a str,
    /// Side of the code in modules, quiet zone included.
    pub modules: usize,
    /// Product name (may be empty).
    pub name: &'a str,
    /// GTIN.
    pub gtin: &'a str,
    /// Lot.
    pub lot: &'a str,
    /// Serial.
    pub serial: &'a str,
}

const PAGE_W: f64 = 210.0;
const PAGE_H: f64 = 297.0;
const MARGIN: f64 = 8.0;
const COLS: usize = 5;
const ROWS: usize = 6;
/// Labels per page.
pub const PER_PAGE: usize = COLS * ROWS;
const QR_MM: f64 = 30.0;
const FONT_MM: f64 = 2.3;
const NAME_CHARS: usize = 30;

/// One SVG document per page.
pub fn pages(labels: &[SheetLabel<'_>], lang: Lang) -> Vec<String> {
    let cell_w = (PAGE_W - 2.0 * MARGIN) / COLS as f64;
    let cell_h = (PAGE_H - 2.0 * MARGIN) / ROWS as f64;
    labels
        .chunks(PER_PAGE)
        .map(|page| {
            let mut s = String::with_capacity(page.len() * 8000);
            let _ = write!(
                s,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{PAGE_W}mm\" height=\"{PAGE_H}mm\" viewBox=\"0 0 {PAGE_W} {PAGE_H}\">\n<rect width=\"{PAGE_W}\" height=\"{PAGE_H}\" fill=\"#fff\"/>\n<g font-family=\"Arial, Helvetica, sans-serif\" font-size=\"{FONT_MM}\" text-anchor=\"middle\" fill=\"#000\">\n"
            );
            for (i, l) in page.iter().enumerate() {
                let x = MARGIN + (i % COLS) as f64 * cell_w;
                let y = MARGIN + (i / COLS) as f64 * cell_h;
                let cx = x + cell_w / 2.0;
                let scale = QR_MM / l.modules.max(1) as f64;
                let _ = write!(
                    s,
                    "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{cell_w:.2}\" height=\"{cell_h:.2}\" fill=\"none\" stroke=\"#bbb\" stroke-width=\"0.1\" stroke-dasharray=\"1 1\"/>\n<path transform=\"translate({:.2} {:.2}) scale({scale:.5})\" shape-rendering=\"crispEdges\" d=\"{}\"/>\n",
                    cx - QR_MM / 2.0,
                    y + 1.0,
                    l.path
                );
                let mut ty = y + 1.0 + QR_MM + FONT_MM + 0.3;
                let lines = [
                    (true, truncate(l.name, NAME_CHARS)),
                    (false, format!("GTIN {}", l.gtin)),
                    (false, format!("{} {}", T::SheetLot.get(lang), l.lot)),
                    (false, format!("{} {}", T::SheetSerial.get(lang), l.serial)),
                ];
                for (bold, line) in lines {
                    if line.is_empty() {
                        continue;
                    }
                    let weight = if bold { " font-weight=\"bold\"" } else { "" };
                    let _ = writeln!(s, "<text x=\"{cx:.2}\" y=\"{ty:.2}\"{weight}>{}</text>", escape(&line));
                    ty += FONT_MM + 0.5;
                }
            }
            s.push_str("</g>\n</svg>\n");
            s
        })
        .collect()
}

/// `sheet.svg` for one page; `sheet-001.svg`, `sheet-002.svg`, … for more.
pub fn page_paths(path: &Path, n: usize) -> Vec<PathBuf> {
    if n <= 1 {
        return vec![path.to_path_buf()];
    }
    let stem = path
        .file_stem()
        .map_or_else(|| "sheet".into(), |s| s.to_string_lossy().into_owned());
    let ext = path
        .extension()
        .map_or_else(|| "svg".into(), |s| s.to_string_lossy().into_owned());
    (1..=n)
        .map(|i| path.with_file_name(format!("{stem}-{i:03}.{ext}")))
        .collect()
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// Escapes text for XML content and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_paginates() {
        assert_eq!(
            escape("Cà phê <Khe Sanh> & \"x\""),
            "Cà phê &lt;Khe Sanh&gt; &amp; &quot;x&quot;"
        );
        let ps = page_paths(Path::new("out/sheet.svg"), 2);
        assert_eq!(ps[1], Path::new("out/sheet-002.svg"));
        assert_eq!(page_paths(Path::new("a.svg"), 1)[0], Path::new("a.svg"));
    }
}
