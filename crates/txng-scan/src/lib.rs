//! QR decoding module of the txng widget.
//!
//! This crate exists so that the QR decoder — by far the largest and hottest
//! piece of code the widget needs — lives in its **own wasm file**, separate
//! from the widget. The widget loads it lazily with a JS dynamic `import()`
//! only when the camera or photo view opens, so it never weighs on the first
//! page load. It holds no trust logic: it turns pixels into the exact text of
//! the QR code and nothing else; signature checks live in `txng-core`.
//!
//! # Why rxing
//!
//! The decoder is [`rxing`] 0.9 (a Rust port of ZXing and zxing-cpp), built
//! with only its QR reader (`qrcode` + `decoders` + `encoding_rs` features,
//! plus `wasm_support` on wasm32, which makes its result timestamps use JS
//! `Date` instead of panicking). It was chosen by measurement against the
//! alternatives (earlier spike) and against jsQR, the JS reader it replaces:
//!
//! | decoder | ms per 640×480 frame, headless Chromium | corpus (209 photos) |
//! | --- | --- | --- |
//! | **rxing (this crate)** | **1.3–1.7** (median; a miss ≈ 2.6) | **190** correct (182 of jsQR's 182 + 8 it misses) |
//! | jsQR 1.4.0 | 13–16 (a miss ≈ 14) | 182 by its own expected texts (11 of them wrong) |
//! | quircs | ≈ 5 | weak on small, noisy, tilted codes |
//! | rqrr | — | 111 of 182 |
//!
//! So ≈ 1/10 of jsQR's time per frame (goal ≤ 1/5), and it reads every code
//! jsQR reads plus the Shift_JIS / binary ones jsQR garbles. It is loaded
//! lazily. Built at the workspace's `opt-level = "z"`: `3` for rxing was
//! measured at ≈ 10 % faster for +13 KB gzip, not worth it.
//!
//! # Size (issue 10: ≤ 100 KB gzip with ≥ 190/209 photos)
//!
//! Plain rxing made a 246 KB (gzip) module, ≈ 135 KB of it `encoding_rs`
//! tables (Big5, GBK/GB18030, EUC-KR, EUC-JP, Shift_JIS: rxing's ECI table
//! names them all, so none is dropped; its `no_character_set_support` feature
//! panics on byte-mode text). Options measured 2026-11-29 (`txng_scan_bg.wasm`
//! gzip -9; corpus by `tests/photo_corpus.rs`, native, and for the first and
//! last rows also in Chromium by `scripts/scan-bench/run.mjs`; no option
//! changes the detection/decoding pipeline: all 209 decoded texts are the same
//! as before except photo 005, see "Output"). Decode time, before → after, in
//! the same headless Chromium page, back to back (load ≈ 7 on 2 cores): median
//! per 640×480 camera frame 2.2 → 2.5 ms (×1.14), per corpus photo 1.5 → 1.9
//! ms, a frame without a code 3.7 → 3.6 ms; runs on a busier machine ranged
//! from ×0.4 to ×1.2, so: no measurable change beyond noise. Intermediate rows
//! were not timed separately.
//!
//! | option (cumulative unless marked ✗) | wasm gzip | photos |
//! | --- | ---: | ---: |
//! | rxing 0.9.3 as published, `-Oz -ocimfs 0 --converge` | 246,144 | 190 |
//! | + `crates/encoding-min` for `encoding_rs` (`[patch]`; UTF-8/16, single-byte sets, Shift_JIS as plain `[u16; 11280]`) | 136,817 | 190 |
//! | ✗ without Shift_JIS (not built: its table alone gzips to 14.3 KB) — the 10 Shift_JIS photos would come out as ISO-8859-1 mojibake | ≈ −14 KB | 180 right |
//! | + std rebuilt for size, `-Cpanic=immediate-abort` (as the widget, `scripts/build-scan.sh`) | 107,894 | 190 |
//! | + Shift_JIS table packed (LEB128 deltas, unpacked on first use), `-Zfmt-debug=none`, `-Zlocation-detail=none` | 103,650 | 190 |
//! | + `vendor/rxing`: rxing with Micro QR / rMQR detection behind a feature left off (`[patch]`, `TXNG-FORK.md`) | 99,807 | 190 |
//! | + the fork also leaves out the Micro QR / rMQR version tables; `for_label` of encoding-min keeps canonical names only | **96,087** | **190** |
//! | ✗ `opt-level = "s"` for rxing (on the 103,650 build) | 107,098 | — |
//! | ✗ wasm-opt `-Os`, `--gufa`, `-O3`, `--low-memory-unused` instead of / besides `-Oz -ocimfs 0 --converge` (on the 107,894 build) | 107,742–107,945 | — |
//! | ✗ wasm-opt `-Oz --converge` without `-ocimfs 0` (same) | 111,095 | — |
//!
//! Plus the glue `txng_scan.js`, 2,852 bytes gzip: 98,939 bytes in all. Other decoders (table
//! above: quircs, rqrr) are smaller but read far fewer of the corpus photos,
//! so they cannot keep 190 on their own; as a first try before rxing they
//! would add bytes, not remove them. Brotli (`txng serve` precompresses) takes
//! the module further down (figure in the README).
//!
//! Figures are printed by `cargo test -p txng-scan --release --test
//! photo_corpus -- --nocapture` (native: 190/209, median 0.4 ms per photo)
//! and `node scripts/scan-bench/run.mjs` after `scripts/build-scan.sh`
//! (browser, ours vs jsQR side by side).
//!
//! # Decoding strategy
//!
//! Each pass asks rxing for QR codes only (`PossibleFormats = {QR_CODE}`),
//! which runs zxing-cpp's finder-pattern detector first and ZXing's classic
//! one as fallback, on a [`HybridBinarizer`] (local thresholds, good for
//! uneven lighting; `GlobalHistogramBinarizer` read only 161 of the 182). The
//! grey buffer is handed to rxing borrowed (`Luma8Source::new_with_slice`),
//! never copied.
//!
//! * Camera frames ([`Scanner::decode_rgba`], [`decode_luma`]): one fast
//!   pass; the inverted image is retried on a miss (every other frame for
//!   the camera, to bound the cost of a frame without a code).
//! * Photos ([`Scanner::decode_rgba_full`], [`decode_luma_photo`]): the
//!   cascade described there (downscale, inverted, 2× upscale for small
//!   photos, rxing's pyramid reader). On the corpus the fast pass alone reads
//!   179 of jsQR's 182, the inverted retry 180, the upscale and pyramid
//!   passes one more each; each later pass runs only after a miss.
//!
//! # Output
//!
//! The decoded text is returned exactly as rxing decodes it (our codes are
//! URIs in byte mode, read as UTF-8 unless an ECI says otherwise; Shift_JIS
//! and the single-byte sets are decoded through `crates/encoding-min`, the
//! stand-in for `encoding_rs`; text in Big5, GBK/GB18030 (incl. Hanzi mode)
//! or EUC-KR comes out with a U+FFFD per byte, never silently dropped). When the code is in **GS1
//! mode** (FNC1 in first position, symbology identifier `]Q3`, or `]Q4` with
//! an ECI), the text is prefixed with `]Q3` so the core parser can tell a GS1
//! Digital Link / element string from a plain one. FNC1 separators inside GS1
//! data come back as ASCII GS (0x1D), as ZXing does. Other codes get no
//! prefix.
//!
//! # API
//!
//! * Rust: [`decode_luma`] (8-bit grey, row-major, `w*h` bytes).
//! * JS (via wasm-bindgen): [`Scanner`] with a reused grey buffer;
//!   [`Scanner::decode_rgba`] decodes a crop of an RGBA camera frame (as
//!   returned by `CanvasRenderingContext2D.getImageData`), and
//!   [`Scanner::decode_rgba_full`] decodes a photo, downscaling it to at most
//!   [`PHOTO_MAX_SIDE`] pixels on its long side first (box filter), since the
//!   detector gains nothing from more pixels and time grows with area.
//!
//! Every entry point returns `None` (JS `undefined`) on any bad input — wrong
//! buffer length, a side under 21 px, a crop outside the frame — and is
//! tested not to panic on noise and degenerate images (`tests/synthetic.rs`).
//! Should rxing still hit an internal bug, the release profile's
//! `panic = "abort"` turns it into a JS exception (`RuntimeError:
//! unreachable`) after which the instance must not be reused: the widget
//! should catch it and re-import / re-create the scanner.
//!
//! # Use from JS (the widget)
//!
//! `scripts/build-scan.sh` writes `pkg/scan/txng_scan.js` (ES module, glue),
//! `pkg/scan/txng_scan_bg.wasm` and `.d.ts` typings. Load it on demand:
//!
//! ```js
//! const m = await import('./scan/txng_scan.js'); // only when the camera/photo view opens
//! await m.default();                              // fetches txng_scan_bg.wasm beside it
//! const scanner = new m.Scanner();                // keep one per view
//! // camera: each frame (e.g. ~10 fps), optionally a centred crop
//! const d = ctx.getImageData(0, 0, w, h);
//! const text = scanner.decode_rgba(d.data, w, h, cx, cy, cw, ch); // string | undefined
//! // photo: the whole image, full cascade
//! const text2 = scanner.decode_rgba_full(d.data, w, h);
//! scanner.free();                                 // when the view closes
//! ```

use std::collections::HashSet;

use rxing::common::HybridBinarizer;
use rxing::{
    BarcodeFormat, BinaryBitmap, DecodeHints, FilteredImageReader, Luma8Source, MultiFormatReader,
    RXingResult, RXingResultMetadataType, RXingResultMetadataValue, Reader,
    DEFAULT_UPSCALE_THRESHOLD,
};
use wasm_bindgen::prelude::wasm_bindgen;

/// Photos are downscaled so their long side is at most this many pixels
/// before decoding (see [`downscale_luma`]).
pub const PHOTO_MAX_SIDE: u32 = 1024;

/// Largest frame side accepted, so that `width * height * 4` never overflows
/// and absurd sizes are refused rather than allocated.
const MAX_SIDE: u32 = 16_384;

/// Prefix returned before the text of a GS1-mode QR code.
pub const GS1_PREFIX: &str = "]Q3";

/// Decodes the first QR code found in an 8-bit grey image (`w * h` bytes,
/// row-major, no padding). Returns `None` when nothing is found or the input
/// is malformed (`luma.len() != w * h`, zero or oversized dimensions).
///
/// The text is returned exactly; GS1-mode codes are prefixed with
/// [`GS1_PREFIX`].
pub fn decode_luma(luma: &[u8], w: u32, h: u32) -> Option<String> {
    if !dims_ok(w, h) || luma.len() != (w as usize) * (h as usize) {
        return None;
    }
    let mut reader = MultiFormatReader::default();
    decode_pass(&mut reader, luma, w, h, &hints(true, true))
}

/// Decodes a still photo of any size with the full cascade of passes
/// (slower than [`decode_luma`] on a miss, so for photos, not camera frames):
///
/// 1. a photo whose long side exceeds [`PHOTO_MAX_SIDE`] is box-downscaled
///    to fit ([`downscale_luma`]); the passes below run on that copy;
/// 2. the fast pass of [`decode_luma`], plus the same on the inverted image
///    (light-on-dark codes);
/// 3. if the image's short side is under [`UPSCALE_BELOW`], a 2× bilinear
///    upscale (blurred small codes whose modules are 2–3 px wide);
/// 4. rxing's `FilteredImageReader` (an image pyramid with morphological
///    closing) for codes that break up under the binarizer — only when the
///    short side is at least 150 px (below that it blows up, see the code);
/// 5. if the photo was downscaled, the fast pass at full resolution.
///
/// Each later pass runs only when the earlier ones found nothing; each one
/// was kept because it gains corpus files (see `tests/photo_corpus.rs`).
pub fn decode_luma_photo(luma: &[u8], w: u32, h: u32) -> Option<String> {
    if !dims_ok(w, h) || luma.len() != (w as usize) * (h as usize) {
        return None;
    }
    let mut reader = MultiFormatReader::default();
    let mut small = Vec::new();
    let (img, iw, ih) = if w.max(h) > PHOTO_MAX_SIDE {
        let (sw, sh) = downscale_luma(luma, w, h, PHOTO_MAX_SIDE, &mut small)?;
        (small.as_slice(), sw, sh)
    } else {
        (luma, w, h)
    };
    let (plain, with_inverted) = (hints(true, false), hints(true, true));
    decode_pass(&mut reader, img, iw, ih, &with_inverted)
        .or_else(|| {
            if iw.min(ih) < UPSCALE_BELOW {
                let (up, uw, uh) = upscale2(img, iw, ih)?;
                decode_pass(&mut reader, &up, uw, uh, &plain)
            } else {
                None
            }
        })
        .or_else(|| {
            // rxing's FilteredImageReader repeatedly upscales ×3 any image whose
            // short side is under DEFAULT_UPSCALE_THRESHOLD until it reaches 500
            // px: a 1×500 input would become 729×364500 and take tens of
            // seconds. Such images get the 2× pass above instead.
            if iw.min(ih) < DEFAULT_UPSCALE_THRESHOLD as u32 {
                return None;
            }
            let source = Luma8Source::new_with_slice(img, iw, ih).ok()?;
            let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
            let mut filtered = FilteredImageReader::new(MultiFormatReader::default());
            let result = filtered
                .decode_with_hints(&mut bitmap, &hints(true, false))
                .ok()?;
            Some(result_text(&result))
        })
        .or_else(|| {
            if iw != w || ih != h {
                decode_pass(&mut reader, luma, w, h, &plain)
            } else {
                None
            }
        })
}

/// Photos whose short side is below this get a 2× upscaled pass.
pub const UPSCALE_BELOW: u32 = 400;

/// Bilinear 2× upscale of a grey image (fallback pass for small photos).
fn upscale2(luma: &[u8], w: u32, h: u32) -> Option<(Vec<u8>, u32, u32)> {
    let (w, h) = (w as usize, h as usize);
    let (uw, uh) = (w.checked_mul(2)?, h.checked_mul(2)?);
    let px = |x: usize, y: usize| u32::from(luma.get(y * w + x).copied().unwrap_or(0));
    // Output pixel i maps to source coordinate (i + 0.5) / 2 - 0.5: taps i0
    // and i0 + 1 with weight w/4 on the second (clamped at the edges).
    let tap = |i: usize| -> (usize, u32) {
        if i == 0 {
            (0, 0)
        } else {
            ((i - 1) / 2, if (i - 1) % 2 == 0 { 1 } else { 3 })
        }
    };
    let mut out = Vec::with_capacity(uw * uh);
    for y in 0..uh {
        let (y0, wy) = tap(y);
        let y1 = (y0 + 1).min(h - 1);
        for x in 0..uw {
            let (x0, wx) = tap(x);
            let x1 = (x0 + 1).min(w - 1);
            let top = px(x0, y0) * (4 - wx) + px(x1, y0) * wx;
            let bottom = px(x0, y1) * (4 - wx) + px(x1, y1) * wx;
            out.push(((top * (4 - wy) + bottom * wy + 8) / 16) as u8);
        }
    }
    Some((out, uw as u32, uh as u32))
}

/// Downscales a grey image by an integer box filter so that its long side is
/// at most `max_side`; writes into `out` (reused) and returns the new size.
/// Returns `None` on malformed input. When no downscale is needed the image
/// is copied as is. This is the same downscale the widget should apply to
/// photos before calling [`decode_luma`] (or it calls [`decode_luma_photo`]).
pub fn downscale_luma(
    luma: &[u8],
    w: u32,
    h: u32,
    max_side: u32,
    out: &mut Vec<u8>,
) -> Option<(u32, u32)> {
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE || max_side == 0 {
        return None;
    }
    if luma.len() != (w as usize) * (h as usize) {
        return None;
    }
    let long = w.max(h);
    let factor = long.div_ceil(max_side).max(1);
    let (sw, sh) = ((w / factor).max(1), (h / factor).max(1));
    let (f, wu) = (factor as usize, w as usize);
    out.clear();
    out.reserve((sw as usize) * (sh as usize));
    let area = (f * f) as u32;
    for y in 0..sh as usize {
        for x in 0..sw as usize {
            let mut sum = 0u32;
            for dy in 0..f {
                let row = (y * f + dy) * wu + x * f;
                let px = luma.get(row..row + f)?;
                sum += px.iter().map(|&p| u32::from(p)).sum::<u32>();
            }
            out.push((sum / area) as u8);
        }
    }
    Some((sw, sh))
}

/// Smallest side worth decoding: a version-1 QR code is 21 modules wide.
const MIN_SIDE: u32 = 21;

fn dims_ok(w: u32, h: u32) -> bool {
    (MIN_SIDE..=MAX_SIDE).contains(&w) && (MIN_SIDE..=MAX_SIDE).contains(&h)
}

/// Decode hints: QR only (rxing then runs zxing-cpp's detector and falls
/// back to ZXing's), TRY_HARDER (same corpus score as without, same time, but
/// scans more rows for finder patterns in hard frames), and optionally a retry
/// on the inverted bitmap (gains issue-59-inverted.png).
fn hints(try_harder: bool, also_inverted: bool) -> DecodeHints {
    DecodeHints {
        PossibleFormats: Some(HashSet::from([BarcodeFormat::QR_CODE])),
        TryHarder: Some(try_harder),
        AlsoInverted: Some(also_inverted),
        ..DecodeHints::default()
    }
}

/// One fast decode pass on a borrowed grey buffer (no copy): hybrid
/// binarizer and the given hints (see [`hints`]).
fn decode_pass(
    reader: &mut MultiFormatReader,
    luma: &[u8],
    w: u32,
    h: u32,
    hints: &DecodeHints,
) -> Option<String> {
    let source = Luma8Source::new_with_slice(luma, w, h).ok()?;
    let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
    let result = reader.decode_with_hints(&mut bitmap, hints).ok()?;
    Some(result_text(&result))
}

/// The text of a result, prefixed with `]Q3` when the code is in GS1 mode.
fn result_text(result: &RXingResult) -> String {
    let gs1 = matches!(
        result
            .getRXingResultMetadata()
            .get(&RXingResultMetadataType::SYMBOLOGY_IDENTIFIER),
        Some(RXingResultMetadataValue::SymbologyIdentifier(id)) if id == "]Q3" || id == "]Q4"
    );
    if gs1 {
        format!("{GS1_PREFIX}{}", result.getText())
    } else {
        result.getText().to_owned()
    }
}

/// Converts one RGBA pixel to 8-bit luma (BT.601 integer weights, the same as
/// ZXing's `RGBLuminanceSource`: (R + 2G + B) / 4 is cheaper but noisier).
#[inline]
fn luma_of(px: &[u8]) -> u8 {
    let (r, g, b) = (u32::from(px[0]), u32::from(px[1]), u32::from(px[2]));
    ((r * 306 + g * 601 + b * 117 + 512) >> 10) as u8
}

/// A reusable QR scanner for camera frames, exported to JS.
///
/// Keep one per camera view and call [`Scanner::decode_rgba`] each frame: the
/// grey buffer is reused, so the per-frame path allocates nothing beyond what
/// rxing itself needs.
#[wasm_bindgen]
pub struct Scanner {
    grey: Vec<u8>,
    frames: u32,
    reader: MultiFormatReader,
    plain: DecodeHints,
    with_inverted: DecodeHints,
}

impl Default for Scanner {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl Scanner {
    /// Creates a scanner with an empty (growing, then reused) grey buffer.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Scanner {
        Scanner {
            grey: Vec::new(),
            frames: 0,
            reader: MultiFormatReader::default(),
            plain: hints(true, false),
            with_inverted: hints(true, true),
        }
    }

    /// Decodes the crop `(crop_x, crop_y, crop_w, crop_h)` of an RGBA frame
    /// of `width × height` pixels (`rgba.len() == width * height * 4`, as
    /// from `getImageData`). Returns the QR text, or `None` (`undefined` in
    /// JS) when no code is found or the arguments are inconsistent (wrong
    /// length, zero size, crop not inside the frame).
    ///
    /// One fast pass per frame; every other frame a miss is also retried on
    /// the inverted image (light-on-dark codes), so a frame without a code
    /// costs at most two passes and on average one and a half.
    #[allow(clippy::too_many_arguments)]
    pub fn decode_rgba(
        &mut self,
        rgba: &[u8],
        width: u32,
        height: u32,
        crop_x: u32,
        crop_y: u32,
        crop_w: u32,
        crop_h: u32,
    ) -> Option<String> {
        self.load_crop(rgba, width, height, crop_x, crop_y, crop_w, crop_h)?;
        self.frames = self.frames.wrapping_add(1);
        let hints = if self.frames % 2 == 0 {
            &self.with_inverted
        } else {
            &self.plain
        };
        decode_pass(&mut self.reader, &self.grey, crop_w, crop_h, hints)
    }

    /// Decodes a whole RGBA photo of any size (a picked or captured image):
    /// converts it to grey, then runs the full cascade of
    /// [`decode_luma_photo`] (downscale to [`PHOTO_MAX_SIDE`], inverted,
    /// upscaled and pyramid passes). Slower on a miss than
    /// [`Scanner::decode_rgba`]; meant for one still image, not every frame.
    pub fn decode_rgba_full(&mut self, rgba: &[u8], width: u32, height: u32) -> Option<String> {
        self.load_crop(rgba, width, height, 0, 0, width, height)?;
        decode_luma_photo(&self.grey, width, height)
    }
}

impl Scanner {
    /// Converts the crop to grey into `self.grey`; `None` on bad arguments.
    #[allow(clippy::too_many_arguments)]
    fn load_crop(
        &mut self,
        rgba: &[u8],
        width: u32,
        height: u32,
        crop_x: u32,
        crop_y: u32,
        crop_w: u32,
        crop_h: u32,
    ) -> Option<()> {
        if !dims_ok(width, height) || !dims_ok(crop_w, crop_h) {
            return None;
        }
        let (w, cx, cy, cw, ch) = (
            width as usize,
            crop_x as usize,
            crop_y as usize,
            crop_w as usize,
            crop_h as usize,
        );
        if rgba.len() != w * (height as usize) * 4
            || cx.checked_add(cw)? > w
            || cy.checked_add(ch)? > height as usize
        {
            return None;
        }
        self.grey.clear();
        self.grey.reserve(cw * ch);
        for y in cy..cy + ch {
            let start = (y * w + cx) * 4;
            let row = rgba.get(start..start + cw * 4)?;
            self.grey.extend(row.chunks_exact(4).map(luma_of));
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_inputs_are_none() {
        assert_eq!(decode_luma(&[], 0, 0), None);
        assert_eq!(decode_luma(&[0; 10], 4, 4), None);
        assert_eq!(decode_luma(&[255; 16], 4, 4), None);
        let mut s = Scanner::new();
        let frame = vec![255u8; 8 * 8 * 4];
        assert_eq!(s.decode_rgba(&frame, 8, 8, 0, 0, 8, 8), None);
        assert_eq!(s.decode_rgba(&frame, 8, 8, 4, 4, 8, 8), None);
        assert_eq!(s.decode_rgba(&frame, 8, 8, u32::MAX, 0, 2, 2), None);
        assert_eq!(s.decode_rgba(&frame, 8, 8, 0, 0, 0, 0), None);
        assert_eq!(s.decode_rgba(&frame[..10], 8, 8, 0, 0, 8, 8), None);
        assert_eq!(s.decode_rgba(&frame, 0, 0, 0, 0, 1, 1), None);
        assert_eq!(s.decode_rgba(&frame, u32::MAX, u32::MAX, 0, 0, 1, 1), None);
        assert_eq!(s.decode_rgba_full(&frame, 8, 9), None);
    }

    #[test]
    fn downscale_box() {
        let img: Vec<u8> = (0..16).map(|i| i as u8 * 10).collect();
        let mut out = Vec::new();
        assert_eq!(downscale_luma(&img, 4, 4, 2, &mut out), Some((2, 2)));
        assert_eq!(out, vec![25, 45, 105, 125]);
    }
}
