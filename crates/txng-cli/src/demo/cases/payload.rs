//! Scanned text cases (`payload.*`) (their place in the list: `cases()` in `../cases.rs`).

use super::*;

/// Faults of the scanned text.
pub(super) fn faults(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels {
        b,
        coffee,
        coffee_uri,
        ..
    } = l;
    let g = coffee.data.gtin.clone();
    let sig = coffee.signature.encode();
    let path = format!("{b}/01/{g}/10/CF2609A/21/000101");
    let q = "11=260912&17=270911&422=704";
    let mut bad_gtin = g.clone();
    let last = bad_gtin.pop().and_then(|d| d.to_digit(10)).unwrap_or(0);
    bad_gtin.push(char::from_digit((last + 1) % 10, 10).unwrap_or('0'));
    let mut trailing = sig.clone().into_bytes();
    if let Some(x) = trailing.last_mut() {
        // The last character carries 4 unused bits; setting one gives a second spelling.
        *x = match *x {
            b'A' => b'B',
            b'Q' => b'R',
            b'g' => b'h',
            _ => b'x',
        };
    }
    let trailing = String::from_utf8(trailing).unwrap_or_default();
    let mut raw = vec![0x02u8, 0, 2];
    raw.extend_from_slice(&coffee.signature.signature);
    let profile2 = txng_core::b64::encode(&raw);
    vec![
        Case {
            slug: "sai-so-kiem-tra",
            name_vi: "Mã GTIN sai số kiểm tra",
            name_en: "Wrong GTIN check digit",
            state: Invalid,
            expect: vec![PayloadGtinCheckDigit],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Last digit of the GTIN changed",
            text: format!("{b}/01/{bad_gtin}/10/CF2609A/21/000101?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "thieu-so-lo",
            name_vi: "Thiếu số lô",
            name_en: "Lot missing",
            state: Invalid,
            expect: vec![PayloadLotMissing],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "No AI 10 in the path",
            text: format!("{b}/01/{g}/21/000101?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "thieu-so-seri",
            name_vi: "Thiếu số sê-ri",
            name_en: "Serial missing",
            state: Invalid,
            expect: vec![PayloadSerialMissing],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "No AI 21 in the path",
            text: format!("{b}/01/{g}/10/CF2609A?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "truong-khong-duoc-phep",
            name_vi: "Mã chứa trường GS1 không được phép",
            name_en: "GS1 AI not allowed here",
            state: Invalid,
            expect: vec![PayloadAiNotAllowed],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "AI 3103 (net weight) is a real GS1 AI that txng's profile does not allow",
            text: format!("{path}?{q}&3103=000500&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "truong-lap",
            name_vi: "Trường hạn dùng lặp hai lần",
            name_en: "Expiry date given twice",
            state: Invalid,
            expect: vec![PayloadAiDuplicate],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "AI 17 appears twice",
            text: format!("{path}?{q}&17=280911&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "truong-trong",
            name_vi: "Trường hạn dùng bị trống",
            name_en: "Empty expiry date",
            state: Invalid,
            expect: vec![PayloadValueEmpty],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "AI 17 has an empty value",
            text: format!("{path}?11=260912&17=&422=704&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "gia-tri-sai",
            name_vi: "Mã nước xuất xứ sai định dạng",
            name_en: "Malformed country code",
            state: Invalid,
            expect: vec![PayloadValueInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "AI 422 must be 3 digits (ISO 3166 numeric), not VN",
            text: format!("{path}?11=260912&17=270911&422=VN&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "ngay-khong-co-that",
            name_vi: "Hạn dùng là ngày không có thật",
            name_en: "Expiry date that does not exist",
            state: Invalid,
            expect: vec![PayloadDateInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "29 February 2027 does not exist",
            text: format!("{path}?11=260912&17=270229&422=704&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "chu-ky-co-dau-bang",
            name_vi: "Chữ ký có ký tự đệm '='",
            name_en: "Signature with '=' padding",
            state: Invalid,
            expect: vec![PayloadSignatureEncoding],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "AI 8030 in txng's format (90 characters, first A) must be unpadded base64url",
            text: format!("{path}?{q}&8030={}==", &sig[..88]),
            ..Case::DEFAULT
        },
        Case {
            slug: "chu-ky-bit-thua",
            name_vi: "Chữ ký viết theo cách thứ hai",
            name_en: "Signature with non-zero trailing bits",
            state: Invalid,
            expect: vec![PayloadSignatureEncoding],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "The unused trailing bits of AI 8030 must be zero: one spelling per signature",
            text: format!("{path}?{q}&8030={trailing}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "chu-ky-bi-cat",
            name_vi: "Chữ ký bị cắt ngắn",
            name_en: "Truncated signature",
            state: CannotTell,
            expect: vec![PayloadSignatureForeign],
            registry: MAIN,
            trace: TraceIn::None,
            comment:
                "AI 8030 of 89 characters is not txng's format (FORMAT.md §1.3): grey, never red",
            text: format!("{path}?{q}&8030={}", &sig[..89]),
            ..Case::DEFAULT
        },
        Case {
            slug: "kieu-chu-ky-moi",
            name_vi: "Kiểu chữ ký mới chưa hỗ trợ",
            name_en: "Unknown signature profile",
            state: CannotTell,
            expect: vec![PayloadProfileUnknown],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "AI 8030 profile byte 0x02",
            text: format!("{path}?{q}&8030={profile2}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "ma-wifi",
            name_vi: "Mã Wi-Fi, không phải mã truy xuất",
            name_en: "A Wi-Fi code, not a traceability code",
            state: CannotTell,
            expect: vec![PayloadNotGs1],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Wi-Fi network QR code",
            text: "WIFI:T:WPA;S:CaPheKheSanh;P:12345678;;".to_string(),
            ..Case::DEFAULT
        },
        Case {
            slug: "duong-link-thuong",
            name_vi: "Đường link thông thường",
            name_en: "An ordinary web link",
            state: CannotTell,
            expect: vec![PayloadNotGs1],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "A shop link without GS1 Digital Link path",
            text: "https://example.com/san-pham/ca-phe-khe-sanh".to_string(),
            ..Case::DEFAULT
        },
        Case {
            slug: "ma-khong-chu-ky",
            name_vi: "Mã GS1 không có chữ ký số",
            name_en: "GS1 link without a signature",
            state: CannotTell,
            expect: vec![PayloadUnsigned],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Valid GS1 Digital Link without AI 8030",
            text: format!("{path}?{q}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "ma-qua-dai",
            name_vi: "Nội dung mã quá dài",
            name_en: "Scanned text too long",
            state: Invalid,
            expect: vec![PayloadTooLong],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Over 4096 bytes (does not fit in a QR code either)",
            text: format!("{coffee_uri}&utm_source={}", "x".repeat(4100)),
            ..Case::DEFAULT
        },
        Case {
            slug: "duong-dan-sai-thu-tu",
            name_vi: "Đường link sai thứ tự",
            name_en: "Path in the wrong order",
            state: Invalid,
            expect: vec![PayloadPathInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Serial (21) before lot (10)",
            text: format!("{b}/01/{g}/21/000101/10/CF2609A?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "thieu-gtin",
            name_vi: "Thiếu mã sản phẩm GTIN",
            name_en: "GTIN missing",
            state: Invalid,
            expect: vec![PayloadGtinMissing],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Element string without AI 01",
            text: format!("10CF2609A\u{1d}21000101\u{1d}8030{sig}"),
            ..Case::DEFAULT
        },
    ]
}

/// FORMAT.md §1.1–§1.3, §1.6: one vector for each outcome of the URL, white space, AIM, query and
/// AI (8030) rules.
pub(super) fn syntax(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels { b, coffee, .. } = l;
    let g = coffee.data.gtin.clone();
    let sig = coffee.signature.encode();
    let path = format!("/01/{g}/10/CF2609A/21/000101");
    let q = "11=260912&17=270911&422=704";
    let uri = coffee.to_uri(b);
    let green = [SignatureValid, HostOfficial];
    let elem = coffee.to_element_string();
    // Another issuer's AI (8030): not 90 characters of txng's format (an ISO/IEC 20248 DigSig has
    // its own structure, defined by its DigSig certificate).
    let foreign: Vec<u8> = (0u8..45)
        .map(|i| i.wrapping_mul(37).wrapping_add(0x0e))
        .collect();
    let foreign = txng_core::b64::encode(&foreign);
    let late = sign(
        COFFEE,
        2,
        COFFEE_PREFIX,
        "CF2609A",
        "000199",
        &[(Ai::Expiry, "771231")],
    );
    vec![
        Case {
            slug: "ten-mien-sau-dau-gach-nguoc",
            name_vi: "Tên miền giả giấu sau dấu \\ và @",
            name_en: "Host hidden behind a backslash and @",
            state: Invalid,
            expect: vec![PayloadPathInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Browsers open evil.example (\\ is /): refused, never host.official",
            text: format!("https://evil.example\\@truyxuat.quangtri.gov.vn{path}?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "ten-mien-co-userinfo",
            name_vi: "Đường link có phần tên người dùng (@)",
            name_en: "Link with userinfo (@)",
            state: Invalid,
            expect: vec![PayloadPathInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "userinfo is refused: the host after @ is evil.example",
            text: format!("https://truyxuat.quangtri.gov.vn@evil.example{path}?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "ten-mien-co-tab",
            name_vi: "Tên miền có ký tự tab",
            name_en: "Tab inside the host",
            state: Invalid,
            expect: vec![PayloadPathInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Browsers strip tab/LF/CR inside a URL: refused",
            text: format!("https://truyxuat.quang\ttri.gov.vn{path}?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "ten-mien-ipv4-hex",
            name_vi: "Địa chỉ IP viết dạng lạ",
            name_en: "IPv4 address in another form",
            state: Invalid,
            expect: vec![PayloadPathInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "0x7f.1 is 127.0.0.1 to a browser: only a.b.c.d is accepted",
            text: format!("http://0x7f.1:8080{path}?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "ten-mien-punycode",
            name_vi: "Tên miền quốc tế (xn--)",
            name_en: "Internationalised host (xn--)",
            state: Invalid,
            expect: vec![PayloadPathInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "IDNA hosts are refused (FORMAT.md §1.6)",
            text: format!("https://xn--truyxut-v0a.vn{path}?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "duong-dan-co-dau-cham",
            name_vi: "Đường dẫn có đoạn /../",
            name_en: "Path with a /../ segment",
            state: Invalid,
            expect: vec![PayloadPathInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Dot segments (also %2e forms) are resolved away by browsers: refused",
            text: format!("{b}/a/%2e%2e{path}?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "khoa-truy-van-ma-hoa",
            name_vi: "Mã AI viết dạng %31%37",
            name_en: "AI key written %31%37",
            state: Invalid,
            expect: vec![PayloadPathInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "A query key whose %-escapes decode to digits is refused: one spelling per AI",
            text: format!("{b}{path}?11=260912&%31%37=270911&422=704&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "khoang-trang-nbsp",
            name_vi: "Khoảng trắng lạ (NBSP) ở cuối",
            name_en: "No-break space at the end",
            state: Invalid,
            expect: vec![PayloadPathInvalid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Only ASCII white space is trimmed; U+00A0 stays and is not a URI character",
            text: format!("{uri}\u{a0}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "qua-dai-truoc-khi-cat",
            name_vi: "Quá dài tính cả khoảng trắng",
            name_en: "Too long counting white space",
            state: Invalid,
            expect: vec![PayloadTooLong],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "The 4,096-byte limit applies before trimming",
            text: format!("{uri}{}", " ".repeat(MAX_INPUT_LEN + 1 - uri.len())),
            ..Case::DEFAULT
        },
        Case {
            slug: "so-dien-thoai",
            name_vi: "Số điện thoại",
            name_en: "A phone number",
            state: CannotTell,
            expect: vec![PayloadNotGs1],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Digits that start no GS1 AI and carry no 8030: grey, never red",
            text: "0912345678".to_string(),
            ..Case::DEFAULT
        },
        Case {
            slug: "ma-vach-ean13",
            name_vi: "Mã vạch EAN-13 thường",
            name_en: "A bare EAN-13 barcode number",
            state: CannotTell,
            expect: vec![PayloadNotGs1],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "A product barcode without AI 01 or 8030: not a signed code",
            text: g[1..].to_string(),
            ..Case::DEFAULT
        },
        Case {
            slug: "aim-gs1-chua-link",
            name_vi: "Mã GS1 chứa đường link",
            name_en: "GS1 symbology carrying a link",
            state: CannotTell,
            expect: vec![PayloadNotGs1],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "]Q3 marks an element string; a URI after it is not one",
            text: format!("]Q3{uri}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "truong-khong-co-trong-gs1",
            name_vi: "Mã chứa trường không có trong GS1",
            name_en: "AI that does not exist in GS1",
            state: Invalid,
            expect: vec![PayloadAiUnknown],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "AI 89 is no GS1 Application Identifier",
            text: format!("{b}{path}?{q}&89=1&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "chuoi-phan-tu-truong-khong-duoc-phep",
            name_vi: "Chuỗi GS1 có khối lượng tịnh",
            name_en: "Element string with net weight",
            state: Invalid,
            expect: vec![PayloadAiNotAllowed],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "3103 has a predefined length (6): the parser reads past it and reports it as not allowed",
            text: format!("01{g}3103000500{}", &elem[16..]),
            ..Case::DEFAULT
        },
        Case {
            slug: "chu-ky-he-thong-khac",
            name_vi: "Chữ ký số của hệ thống khác",
            name_en: "Another issuer's digital signature",
            state: CannotTell,
            expect: vec![PayloadSignatureForeign],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "A 60-character AI 8030 (e.g. an ISO/IEC 20248 DigSig) without lot: not txng's profile, grey",
            text: format!("01{g}21000101\u{1d}8030{foreign}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "so-dien-thoai-co-8030",
            name_vi: "Số điện thoại có các chữ số 8030",
            name_en: "A phone number containing 8030",
            state: CannotTell,
            expect: vec![PayloadNotGs1],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Digits that do not start with a GS1 AI are no GS1 data, even with 8030 inside: grey",
            text: "0908030123".to_string(),
            ..Case::DEFAULT
        },
        Case {
            slug: "truy-van-rong",
            name_vi: "Đường link có && thừa",
            name_en: "Link with empty && parameters",
            state: Verified,
            expect: green.to_vec(),
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Empty parameters (&&, trailing &) are ignored, as browsers do",
            text: format!("{b}{path}?&&{q}&&8030={sig}&"),
            ..Case::DEFAULT
        },
        Case {
            slug: "ten-mien-chu-hoa-cham-cuoi",
            name_vi: "Tên miền chữ hoa, có dấu chấm cuối và cổng",
            name_en: "Upper-case host, trailing dot and port",
            state: Verified,
            expect: green.to_vec(),
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Host compared in lower case without one trailing dot and without port",
            text: format!("HTTPS://TruyXuat.QuangTri.GOV.VN.:443{path}?{q}&8030={sig}"),
            ..Case::DEFAULT
        },
        Case {
            slug: "khoang-trang-dau-cuoi",
            name_vi: "Có tab và xuống dòng ở đầu, cuối",
            name_en: "Tab and line breaks around the text",
            state: Verified,
            expect: green.to_vec(),
            registry: MAIN,
            trace: TraceIn::None,
            comment: "ASCII white space around the text is trimmed",
            text: format!("\t\r\n{uri}\r\n"),
            ..Case::DEFAULT
        },
        Case {
            slug: "aim-khong-ro",
            name_vi: "Tiền tố AIM lạ ]X9",
            name_en: "Unknown AIM prefix ]X9",
            state: Verified,
            expect: green.to_vec(),
            registry: MAIN,
            trace: TraceIn::None,
            comment: "An AIM identifier other than the GS1 ones marks plain text, read by its content",
            text: format!("]X9{uri}"),
            ..Case::DEFAULT
        },
        // The two-digit-year window turns at New Year in Vietnam (FORMAT.md §1.2): at 03:00 on
        // 1 January 2027 there (still 2026 in UTC) "77" is 2077, so the label has not expired.
        Case {
            slug: "nam-theo-gio-viet-nam",
            name_vi: "Năm hai chữ số tính theo giờ Việt Nam",
            name_en: "Two-digit year in Vietnam time",
            state: Verified,
            expect: green.to_vec(),
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Expiry 771231 read at 2027-01-01 03:00 Vietnam time (2026 in UTC): 2077, not 1977, so not expired",
            text: late.to_uri(b),
            now: "2027-01-01T03:00:00+07:00",
            ..Case::DEFAULT
        },
    ]
}
