//! The kiosk's QR encoder, its own small wasm module (`pkg/scan/txng_qr.js`), loaded only when a
//! kiosk shows a link (report form, producer phone, certificate) as a QR code for the visitor's own
//! phone. It is not in the decoder module: that one has a 100 KB budget the encoder would break
//! (measured 2026-11-29: decoder 96,087 bytes gzip alone, 109,789 with `qrcode` linked in), and
//! most scans never need it.

use wasm_bindgen::prelude::*;

/// The QR code of `text` (error correction M, the smallest version that fits) as
/// `"{side} {svg path}"`: `side` counts modules including the 4-module quiet zone, the path has
/// one `M{x} {y}h1v1h-1z` square per dark module. `None` if the text does not fit a QR code.
/// Used by the kiosk to show a link as a code for the visitor's phone.
#[wasm_bindgen]
pub fn qr_path(text: &str) -> Option<String> {
    use std::fmt::Write;
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let w = code.width();
    let colors = code.to_colors();
    let mut d = String::with_capacity(w * w * 6);
    for (i, c) in colors.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let _ = write!(d, "M{} {}h1v1h-1z", i % w + 4, i / w + 4);
        }
    }
    Some(format!("{} {d}", w + 8))
}
