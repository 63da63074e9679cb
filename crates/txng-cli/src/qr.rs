//! QR codes for labels: the `qrcode` crate encodes; this module renders. The SVG is one `<path>`
//! of horizontal runs (small files, crisp at any print size, easy to place on a label sheet) and
//! the PNG is 1-bit greyscale through the `png` crate (no `image` dependency for a black-and-white
//! grid). Both draw the quiet zone, which scanners need to find the code.

use crate::cli::EcArg;
use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write as _;

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
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Ok(Matrix { width, dark })
}

impl Matrix {
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
}
