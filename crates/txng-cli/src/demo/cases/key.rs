//! Signer key cases (`key.*`, `producer.*`) (their place in the list: `cases()` in `../cases.rs`).

use super::*;

/// Faults of the label's signer: key unknown, revoked, not valid yet; producer not listed.
pub(super) fn label_faults(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels { b, .. } = l;
    vec![
        Case {
            slug: "khoa-khong-ton-tai",
            name_vi: "Khóa không có trong danh sách",
            name_en: "Key not in the registry",
            state: Invalid,
            expect: vec![KeyUnknown],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Signed with a key number 9 the cooperative never registered",
            text: sign(
                COFFEE,
                9,
                COFFEE_PREFIX,
                "CF2609A",
                "000111",
                &coffee_attrs("260912", "270911"),
            )
            .to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "khoa-da-thu-hoi",
            name_vi: "Khóa đã bị thu hồi (lộ khóa)",
            name_en: "Revoked (compromised) key",
            state: Invalid,
            expect: vec![KeyRevoked],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Key 3 was revoked on 2026-09-15 after a laptop was lost",
            text: sign(
                COFFEE,
                3,
                COFFEE_PREFIX,
                "CF2609A",
                "000112",
                &coffee_attrs("260912", "270911"),
            )
            .to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "khoa-chua-hieu-luc",
            name_vi: "Khóa chưa đến ngày hiệu lực",
            name_en: "Key not valid yet",
            state: Invalid,
            expect: vec![KeyNotYetValid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "The pepper cooperative's key 2 is registered ahead, valid from 2030-07-01",
            text: sign(
                PEPPER,
                2,
                PEPPER_PREFIX,
                "HT2605A",
                "000202",
                &pepper_attrs("260506", "280505"),
            )
            .to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "nha-san-xuat-la",
            name_vi: "Nhà sản xuất không có trong danh sách",
            name_en: "Producer not in the registry",
            state: CannotTell,
            expect: vec![ProducerUnknown],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "GTIN of a company prefix (89350999) that no listed producer owns",
            text: sign(
                "gia-mao",
                1,
                UNKNOWN_PREFIX,
                "CF2609A",
                "000001",
                &coffee_attrs("260912", "270911"),
            )
            .to_uri(b),
            ..Case::DEFAULT
        },
    ]
}

/// A key number the saved or out-of-date list lacks: grey, not red.
pub(super) fn not_yet_listed(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels { b, .. } = l;
    let key9 = sign(
        COFFEE,
        9,
        COFFEE_PREFIX,
        "CF2609A",
        "000192",
        &coffee_attrs("260912", "270911"),
    );
    vec![
        Case {
            slug: "khoa-chua-co-trong-ban-luu",
            name_vi: "Khóa chưa có trong danh sách đã lưu",
            name_en: "Key not in the saved list",
            state: CannotTell,
            expect: vec![RegistryCached, KeyNotYetListed],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Offline with a saved list: a key number it lacks may have been published since (grey, not red)",
            text: key9.to_uri(b),
            cached: true,
            ..Case::DEFAULT
        },
        Case {
            slug: "khoa-chua-co-trong-ban-cu",
            name_vi: "Khóa chưa có trong danh sách đã cũ",
            name_en: "Key not in an out-of-date list",
            state: CannotTell,
            expect: vec![RegistryStale, KeyNotYetListed],
            registry: RegistryIn::File("registry-stale.jws"),
            trace: TraceIn::None,
            comment: "The list is past next_update: a key number it lacks may have been published since",
            text: key9.to_uri(b),
            ..Case::DEFAULT
        },
    ]
}
