//! Device clock cases (`clock.*`) (their place in the list: `cases()` in `../cases.rs`).

use super::*;

/// A device clock behind the list's issue date (FORMAT.md §2.3).
pub(super) fn behind(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels { b, coffee_uri, .. } = l;
    let revoked = sign(
        COFFEE,
        3,
        COFFEE_PREFIX,
        "CF2609A",
        "000191",
        &coffee_attrs("260912", "270911"),
    );
    vec![
        Case {
            slug: "dong-ho-cham-khoa-thu-hoi",
            name_vi: "Đồng hồ máy chậm: khóa đã thu hồi vẫn bị từ chối",
            name_en: "Clock set back: a revoked key stays revoked",
            state: Invalid,
            expect: vec![ClockBehind, KeyRevoked],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Device clock on 2026-09-01, before key 3's revocation; the list was issued 2026-11-01, so keys are judged then",
            text: revoked.to_uri(b),
            now: "2026-09-01T10:00:00+07:00",
            ..Case::DEFAULT
        },
        Case {
            slug: "dong-ho-cham",
            name_vi: "Đồng hồ máy chậm hơn ngày ký danh sách",
            name_en: "Device clock behind the list's issue date",
            state: VerifiedWithWarnings,
            expect: vec![ClockBehind, SignatureValid],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "Device clock on 2026-10-01, a month before the list was issued",
            text: coffee_uri.to_string(),
            now: "2026-10-01T10:00:00+07:00",
            ..Case::DEFAULT
        },
    ]
}
