//! Product cases (`product.*`, `info.*`) (their place in the list: `cases()` in `../cases.rs`).

use super::*;

/// Genuine labels with a warning about the product: expired, name, image, expiry or producer
/// address missing.
pub(super) fn warnings(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels { b, .. } = l;
    let expired = sign(
        COFFEE,
        1,
        COFFEE_PREFIX,
        "CF2405A",
        "000103",
        &coffee_attrs("240512", "250511"),
    );
    let nameless = sign(
        COFFEE,
        2,
        COFFEE_PREFIX,
        "CF2609N",
        "000104",
        &coffee_attrs("260912", "270911"),
    );
    let imageless = sign(
        COFFEE,
        2,
        COFFEE_PREFIX,
        "CF2609I",
        "000105",
        &coffee_attrs("260912", "270911"),
    );
    let no_expiry = sign(
        OIL,
        1,
        OIL_PREFIX,
        "TD2610X",
        "000302",
        &[(Ai::ProductionDate, "261005")],
    );
    let honey = sign(
        HONEY,
        1,
        HONEY_PREFIX,
        "HN2610A",
        "000401",
        &[(Ai::Expiry, "281009")],
    );
    vec![
        Case {
            slug: "het-han-su-dung",
            name_vi: "Sản phẩm đã hết hạn sử dụng",
            name_en: "Product past its expiry date",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, KeyRetired, ProductExpired, TraceValid],
            registry: MAIN,
            trace: ct("CF2405A"),
            comment: "Expiry (17) 2025-05-11 is past; signed in 2024 with key 1, since retired",
            text: expired.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "thieu-ten-san-pham",
            name_vi: "Nhật ký thiếu tên sản phẩm",
            name_en: "Trace without a product name",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceValid, InfoMissingName],
            registry: MAIN,
            trace: ct("CF2609N"),
            comment: "The trace document's product name is empty (Thông tư 02/2024/TT-BKHCN)",
            text: nameless.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "thieu-anh-san-pham",
            name_vi: "Nhật ký thiếu ảnh sản phẩm",
            name_en: "Trace without a product image",
            state: Verified,
            expect: vec![SignatureValid, TraceValid, InfoMissingImage],
            registry: MAIN,
            trace: ct("CF2609I"),
            comment: "The trace document has no image_url",
            text: imageless.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "thieu-han-dung",
            name_vi: "Không có hạn sử dụng",
            name_en: "No expiry date anywhere",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceValid, InfoMissingExpiry],
            registry: MAIN,
            trace: TraceIn::File(trace_path(OIL_PREFIX, "TD2610X")),
            comment: "has_expiry is true but neither the label (15, 17) nor the trace gives a date",
            text: no_expiry.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "thieu-dia-chi-nha-san-xuat",
            name_vi: "Nhà sản xuất thiếu địa chỉ trong danh sách",
            name_en: "Producer listed without an address",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceValid, InfoMissingProducer],
            registry: RegistryIn::File("registry-incomplete.jws"),
            trace: TraceIn::File(trace_path(HONEY_PREFIX, "HN2610A")),
            comment: "The registry lists the producer with an empty address",
            text: honey.to_uri(b),
            ..Case::DEFAULT
        },
    ]
}
