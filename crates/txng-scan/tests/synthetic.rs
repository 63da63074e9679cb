//! Synthetic-code tests: codes made with rxing's encoder, rendered into grey
//! or RGBA frames, must decode to exactly the encoded text through every
//! public entry point (camera crop, photo, inverted, GS1 prefix, UTF-8), and
//! hostile inputs (noise, odd sizes, bad arguments) must give `None`, never a
//! panic.

use rxing::qrcode::QRCodeWriter;
use rxing::{BarcodeFormat, EncodeHintValue, EncodeHints, Writer};
use txng_scan::{decode_luma, decode_luma_photo, Scanner, GS1_PREFIX};

/// Renders `text` as a QR code, `scale` px per module, 4-module quiet zone.
fn qr_luma(text: &str, scale: u32, hints: EncodeHints) -> (Vec<u8>, u32) {
    let m = QRCodeWriter
        .encode_with_hints(text, &BarcodeFormat::QR_CODE, 0, 0, &hints)
        .expect("encode");
    let n = m.getWidth();
    let side = n * scale;
    let mut img = vec![255u8; (side * side) as usize];
    for y in 0..side {
        for x in 0..side {
            if m.get(x / scale, y / scale) {
                img[(y * side + x) as usize] = 0;
            }
        }
    }
    (img, side)
}

/// Pastes a grey image into a `w × h` RGBA frame at (ox, oy) on light grey.
fn frame_rgba(img: &[u8], side: u32, w: u32, h: u32, ox: u32, oy: u32) -> Vec<u8> {
    let mut f = vec![200u8; (w * h * 4) as usize];
    for y in 0..side {
        for x in 0..side {
            let v = img[(y * side + x) as usize];
            let i = (((oy + y) * w + ox + x) * 4) as usize;
            f[i..i + 4].copy_from_slice(&[v, v, v, 255]);
        }
    }
    f
}

const URI: &str = "https://txng.vn/01/08936001234567/10/LOT42?s=ab_cd-EF";

#[test]
fn uri_roundtrip_luma_and_photo() {
    let (img, side) = qr_luma(URI, 4, EncodeHints::default());
    assert_eq!(decode_luma(&img, side, side).as_deref(), Some(URI));
    assert_eq!(decode_luma_photo(&img, side, side).as_deref(), Some(URI));
}

#[test]
fn camera_crop_in_640x480_frame() {
    let (img, side) = qr_luma(URI, 3, EncodeHints::default());
    let frame = frame_rgba(&img, side, 640, 480, 250, 150);
    let mut s = Scanner::new();
    // Whole frame, then a crop that holds the code, on a reused scanner.
    for _ in 0..3 {
        assert_eq!(
            s.decode_rgba(&frame, 640, 480, 0, 0, 640, 480).as_deref(),
            Some(URI)
        );
        assert_eq!(
            s.decode_rgba(&frame, 640, 480, 80, 0, 480, 480).as_deref(),
            Some(URI)
        );
    }
    // A crop that misses the code finds nothing.
    assert_eq!(s.decode_rgba(&frame, 640, 480, 0, 0, 200, 200), None);
    assert_eq!(s.decode_rgba_full(&frame, 640, 480).as_deref(), Some(URI));
}

#[test]
fn big_photo_is_downscaled() {
    let (img, side) = qr_luma(URI, 24, EncodeHints::default());
    let (w, h) = (side + 1000, side + 600);
    let frame = frame_rgba(&img, side, w, h, 500, 300);
    assert_eq!(
        Scanner::new().decode_rgba_full(&frame, w, h).as_deref(),
        Some(URI)
    );
}

#[test]
fn inverted_code_on_camera_and_photo() {
    let (mut img, side) = qr_luma(URI, 4, EncodeHints::default());
    img.iter_mut().for_each(|p| *p = 255 - *p);
    let frame = frame_rgba(&img, side, side, side, 0, 0);
    let mut s = Scanner::new();
    // Inverted retries happen every other frame: found within two frames.
    let found = (0..2).find_map(|_| s.decode_rgba(&frame, side, side, 0, 0, side, side));
    assert_eq!(found.as_deref(), Some(URI));
    assert_eq!(decode_luma_photo(&img, side, side).as_deref(), Some(URI));
}

#[test]
fn gs1_mode_gets_q3_prefix() {
    let data = "0108936001234567";
    let hints = EncodeHints::default().with(EncodeHintValue::Gs1Format(true));
    let (img, side) = qr_luma(data, 4, hints);
    assert_eq!(
        decode_luma(&img, side, side),
        Some(format!("{GS1_PREFIX}{data}"))
    );
    // A plain code gets no prefix.
    let (img, side) = qr_luma(data, 4, EncodeHints::default());
    assert_eq!(decode_luma(&img, side, side).as_deref(), Some(data));
}

#[test]
fn utf8_vietnamese_text() {
    let text = "https://txng.vn/p?n=Cà phê Đắk Lắk – Sơn La";
    // With a UTF-8 ECI, and as bare UTF-8 bytes (no ECI), as producers do.
    let eci = EncodeHints::default().with(EncodeHintValue::CharacterSet("UTF-8".into()));
    for hints in [eci, EncodeHints::default()] {
        let (img, side) = qr_luma(text, 4, hints);
        assert_eq!(decode_luma(&img, side, side).as_deref(), Some(text));
    }
}

#[test]
fn hostile_inputs_never_panic() {
    // Deterministic noise and patterns of many sizes, including degenerate ones.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut s = Scanner::new();
    for &(w, h) in &[
        (1, 1),
        (1, 500),
        (500, 1),
        (2, 3),
        (21, 21),
        (64, 48),
        (333, 97),
        (640, 480),
    ] {
        let n = (w * h) as usize;
        let noise: Vec<u8> = (0..n).map(|_| next() as u8).collect();
        let stripes: Vec<u8> = (0..n)
            .map(|i| if (i / 3) % 2 == 0 { 0 } else { 255 })
            .collect();
        let checker: Vec<u8> = (0..n)
            .map(|i| {
                if ((i % w as usize) / 7 + (i / w as usize) / 7) % 2 == 0 {
                    0
                } else {
                    255
                }
            })
            .collect();
        for img in [&noise, &stripes, &checker] {
            let _ = decode_luma(img, w, h);
            let _ = decode_luma_photo(img, w, h);
            let rgba: Vec<u8> = img.iter().flat_map(|&v| [v, v, v, 255]).collect();
            let _ = s.decode_rgba(&rgba, w, h, 0, 0, w, h);
            let _ = s.decode_rgba_full(&rgba, w, h);
        }
    }
    // Bad arguments: all None.
    let frame = vec![0u8; 640 * 480 * 4];
    assert_eq!(s.decode_rgba(&frame, 640, 480, 600, 0, 100, 100), None);
    assert_eq!(s.decode_rgba(&frame, 640, 480, 0, 470, 100, 100), None);
    assert_eq!(s.decode_rgba(&frame, 640, 481, 0, 0, 100, 100), None);
    assert_eq!(s.decode_rgba(&frame, 640, 480, 0, 0, 0, 100), None);
    assert_eq!(s.decode_rgba_full(&frame[1..], 640, 480), None);
    assert_eq!(decode_luma(&frame, 640, 0), None);
    assert_eq!(decode_luma_photo(&frame[..100], 10, 11), None);
}
