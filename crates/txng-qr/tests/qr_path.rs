//! The kiosk's QR encoder (`qr_path`, the `qrcode` crate) against the decoder (rxing): generated
//! links, phone numbers and mail addresses are drawn from the SVG path exactly as the browser
//! draws it, and must decode to the same text.

use txng_qr::qr_path;
use txng_scan::decode_luma;

/// Draws the path (`M{x} {y}h1v1h-1z` squares) at `scale` px per module on white.
fn render(out: &str, scale: usize) -> (Vec<u8>, u32) {
    let (side, d) = out.split_once(' ').expect("side and path");
    let side: usize = side.parse().expect("side is a number");
    let px = side * scale;
    let mut img = vec![255u8; px * px];
    for sq in d.split('z').filter(|s| !s.is_empty()) {
        let xy = sq
            .strip_prefix('M')
            .and_then(|s| s.strip_suffix("h1v1h-1"))
            .expect("one square per dark module");
        let (x, y) = xy.split_once(' ').expect("x y");
        let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
        assert!(
            x >= 4 && y >= 4 && x < side - 4 && y < side - 4,
            "quiet zone kept clear"
        );
        for j in 0..scale {
            let row = (y * scale + j) * px;
            img[row + x * scale..row + (x + 1) * scale].fill(0);
        }
    }
    (img, px as u32)
}

fn texts() -> Vec<String> {
    let mut out = vec![
        "tel:+84912345678".to_string(),
        "mailto:baocao@sokhcn.quangtri.gov.vn".to_string(),
        "https://truyxuat.quangtri.gov.vn/bao-cao?gtin=08935012345677&lot=CF2406A".to_string(),
    ];
    let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyz0123456789-._~/?=&%ạăơưđ"
        .chars()
        .collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for n in 0..40 {
        let mut s = String::from("https://example.gov.vn/");
        for _ in 0..(5 + n * 7) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        out.push(s);
    }
    out
}

#[test]
fn encoded_links_decode_to_the_same_text() {
    for text in texts() {
        let out = qr_path(&text).expect("fits a QR code");
        let (img, px) = render(&out, 4);
        assert_eq!(
            decode_luma(&img, px, px).as_deref(),
            Some(text.as_str()),
            "{text}"
        );
    }
}

#[test]
fn too_long_for_a_qr_code_is_none() {
    assert!(qr_path(&"x".repeat(5000)).is_none());
}
