//! Genuine labels (their place in the list: `cases()` in `../cases.rs`).

use super::*;

/// Genuine labels: each product, the local demo host, a retired key, each input syntax, a
/// look-alike host.
pub(super) fn labels(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels {
        b,
        coffee,
        pepper,
        oil,
        coffee_uri,
        ..
    } = l;
    let ok = [
        PayloadParsed,
        RegistryValid,
        RegistryDemo,
        SignatureValid,
        HostOfficial,
        TraceValid,
        LabelCopyPossible,
    ];
    let retired = sign(
        COFFEE,
        1,
        COFFEE_PREFIX,
        "CF2603B",
        "000102",
        &coffee_attrs("260312", "270311"),
    );
    vec![
        Case {
            slug: "ca-phe-hop-le",
            name_vi: "Cà phê Khe Sanh: mã hợp lệ",
            name_en: "Khe Sanh coffee: valid code",
            state: Verified,
            expect: ok.to_vec(),
            registry: MAIN,
            trace: ct("CF2609A"),
            comment:
                "Genuine label of the coffee cooperative, current key 2, official host, full trace",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "ho-tieu-hop-le",
            name_vi: "Hồ tiêu Cồn Tiên: mã hợp lệ",
            name_en: "Cồn Tiên pepper: valid code",
            state: Verified,
            expect: ok.to_vec(),
            registry: MAIN,
            trace: TraceIn::File(trace_path(PEPPER_PREFIX, "HT2605A")),
            comment: "Genuine pepper label with harvest range (7007) and best-before date (15)",
            text: pepper.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "tinh-dau-tram-ocop",
            name_vi: "Tinh dầu tràm OCOP 4 sao: mã hợp lệ",
            name_en: "OCOP 4-star cajeput oil: valid code",
            state: Verified,
            expect: ok.to_vec(),
            registry: MAIN,
            trace: TraceIn::File(trace_path(OIL_PREFIX, "TD2610A")),
            comment: "Genuine label of the OCOP producer",
            text: oil.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "may-chu-demo-cuc-bo",
            name_vi: "Mã trỏ tới máy chủ demo 127.0.0.1",
            name_en: "Code pointing at the local demo server",
            state: Verified,
            expect: ok.to_vec(),
            registry: MAIN,
            trace: ct("CF2609A"),
            comment: "127.0.0.1 is one of the demo registry's resolvers: the host is not signed",
            text: coffee.to_uri("http://127.0.0.1:8080"),
            ..Case::DEFAULT
        },
        Case {
            slug: "khoa-da-thay-the",
            name_vi: "Nhãn ký bằng khóa cũ đã thay thế",
            name_en: "Label signed with a retired key",
            state: Verified,
            expect: vec![SignatureValid, KeyRetired, TraceValid],
            registry: MAIN,
            trace: ct("CF2603B"),
            comment: "Key 1 was retired on 2026-06-01; labels it signed before stay valid (amber)",
            text: retired.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "chuoi-phan-tu-gs1",
            name_vi: "Mã GS1 dạng chuỗi phần tử (máy quét)",
            name_en: "GS1 element string (scanner output)",
            state: Verified,
            expect: vec![PayloadParsed, SignatureValid, HostAbsent, TraceValid],
            registry: MAIN,
            trace: ct("CF2609A"),
            comment:
                "Element string with GS separators and no AIM prefix, as a 2D scanner sends it",
            text: coffee.to_element_string(),
            ..Case::DEFAULT
        },
        Case {
            slug: "chuoi-phan-tu-aim",
            name_vi: "Chuỗi phần tử có tiền tố AIM ]Q3",
            name_en: "Element string with AIM prefix ]Q3",
            state: Verified,
            expect: vec![PayloadParsed, SignatureValid, HostAbsent],
            registry: MAIN,
            trace: ct("CF2609A"),
            comment: "Element string with the GS1 QR symbology identifier ]Q3",
            text: format!("]Q3{}", coffee.to_element_string()),
            ..Case::DEFAULT
        },
        Case {
            slug: "dang-ngoac",
            name_vi: "Mã GS1 dạng có ngoặc (nhập tay)",
            name_en: "Bracketed GS1 form (typed)",
            state: Verified,
            expect: vec![PayloadParsed, SignatureValid, HostAbsent],
            registry: MAIN,
            trace: ct("CF2609A"),
            comment: "Human-readable bracketed form (01)…(8030)…",
            text: coffee.to_bracketed(),
            ..Case::DEFAULT
        },
        Case {
            slug: "ten-mien-gia",
            name_vi: "Chữ ký thật nhưng tên miền lạ (nghi dán tem giả)",
            name_en: "Real signature on an unofficial host (phishing sticker?)",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, HostUnofficial],
            registry: MAIN,
            trace: ct("CF2609A"),
            comment: "A valid signature copied onto a look-alike host",
            text: coffee.to_uri("https://truyxuat-quangtri.vn.com"),
            ..Case::DEFAULT
        },
    ]
}
