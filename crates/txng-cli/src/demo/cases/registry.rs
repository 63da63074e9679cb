//! Registry cases (`registry.*`) (their place in the list: `cases()` in `../cases.rs`).

use super::*;

/// Genuine labels under another registry: the second anchor key, an out-of-date list, a cached one.
pub(super) fn genuine_lists(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels { coffee_uri, .. } = l;
    vec![
        Case {
            slug: "danh-sach-khoa-moi",
            name_vi: "Danh sách ký bằng khóa mới của Sở",
            name_en: "Registry signed with the authority's second key",
            state: Verified,
            expect: vec![RegistryValid, SignatureValid, TraceValid],
            registry: RegistryIn::File("registry-anchor-b.jws"),
            trace: ct("CF2609A"),
            comment: "Authority key rotation: the registry is signed with anchor qt-sokhcn-2026b",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-cu",
            name_vi: "Danh sách nhà sản xuất đã quá hạn cập nhật",
            name_en: "Producer list past its next update",
            state: VerifiedWithWarnings,
            expect: vec![RegistryValid, RegistryStale, SignatureValid],
            registry: RegistryIn::File("registry-stale.jws"),
            trace: ct("CF2609A"),
            comment: "next_update 2026-11-15 is past but within 90 days: amber",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-luu-tren-may",
            name_vi: "Danh sách lấy từ bộ nhớ máy (ngoại tuyến)",
            name_en: "Producer list from the device cache (offline)",
            state: Verified,
            expect: vec![RegistryValid, RegistryCached, SignatureValid],
            registry: MAIN,
            trace: ct("CF2609A"),
            comment: "The registry bytes came from the device's cache",
            text: coffee_uri.clone(),
            cached: true,
            ..Case::DEFAULT
        },
    ]
}

/// Faults of the registry.
pub(super) fn faults(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels {
        b,
        pepper,
        coffee_uri,
        ..
    } = l;
    vec![
        Case {
            slug: "danh-sach-qua-cu",
            name_vi: "Danh sách nhà sản xuất quá cũ",
            name_en: "Producer list too old",
            state: CannotTell,
            expect: vec![RegistryExpired, SignatureValid],
            registry: RegistryIn::File("registry-expired.jws"),
            trace: TraceIn::None,
            comment: "next_update 2026-08-01 is more than 90 days past: grey",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-khoa-la",
            name_vi: "Danh sách ký bằng khóa lạ",
            name_en: "Registry signed by an unknown key",
            state: CannotTell,
            expect: vec![RegistryUntrustedKey],
            registry: RegistryIn::File("registry-untrusted.jws"),
            trace: TraceIn::None,
            comment: "kid qt-sokhcn-2025x is no trust anchor",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-sai-chu-ky",
            name_vi: "Danh sách sai chữ ký",
            name_en: "Registry with a bad signature",
            state: CannotTell,
            expect: vec![RegistrySignatureInvalid],
            registry: RegistryIn::File("registry-bad-signature.jws"),
            trace: TraceIn::None,
            comment: "A producer address in the payload was edited after signing",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-sai-cau-truc",
            name_vi: "Danh sách thiếu trường bắt buộc",
            name_en: "Registry missing a required field",
            state: CannotTell,
            expect: vec![RegistryMalformed],
            registry: RegistryIn::File("registry-malformed.jws"),
            trace: TraceIn::None,
            comment: "Signed registry without `producers`",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-la-trang-web",
            name_vi: "Nhận được trang web thay vì danh sách",
            name_en: "An HTML page instead of the registry",
            state: CannotTell,
            expect: vec![RegistryMalformed],
            registry: RegistryIn::File("registry-html.jws"),
            trace: TraceIn::None,
            comment: "A Wi-Fi captive portal answered the registry request",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-trung-ma",
            name_vi: "Danh sách có hai nhà sản xuất trùng mã",
            name_en: "Registry with a duplicate producer id",
            state: CannotTell,
            expect: vec![RegistryDuplicateId],
            registry: RegistryIn::File("registry-duplicate-id.jws"),
            trace: TraceIn::None,
            comment: "The coffee cooperative is listed twice",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-trung-tien-to",
            name_vi: "Hai nhà sản xuất cùng tiền tố GS1",
            name_en: "Two producers with one GS1 prefix",
            state: CannotTell,
            expect: vec![RegistryPrefixConflict],
            registry: RegistryIn::File("registry-prefix-conflict.jws"),
            trace: TraceIn::None,
            comment: "A trading company also claims prefix 89350123",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-khoa-yeu",
            name_vi: "Danh sách chứa khóa yếu",
            name_en: "Registry with a weak key",
            state: CannotTell,
            expect: vec![RegistryKeyInvalid],
            registry: RegistryIn::File("registry-weak-key.jws"),
            trace: TraceIn::None,
            comment: "The pepper cooperative's key is the small-order identity point",
            text: pepper.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-phien-ban-moi",
            name_vi: "Danh sách phiên bản mới chưa hỗ trợ",
            name_en: "Registry of an unsupported version",
            state: CannotTell,
            expect: vec![RegistryVersionUnsupported],
            registry: RegistryIn::File("registry-version-2.jws"),
            trace: TraceIn::None,
            comment: "Signed registry with format txng-registry/2",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "khong-tai-duoc-danh-sach",
            name_vi: "Không tải được danh sách (mất mạng)",
            name_en: "Registry unavailable (offline)",
            state: CannotTell,
            expect: vec![RegistryUnavailable],
            registry: RegistryIn::None,
            trace: TraceIn::None,
            comment: "No registry could be fetched and none is cached",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-qua-lon",
            name_vi: "Danh sách quá lớn",
            name_en: "Registry too large",
            state: CannotTell,
            expect: vec![RegistryTooLarge],
            registry: RegistryIn::TooLarge,
            trace: TraceIn::None,
            comment: "The registry is over 4 MiB (the vector only says so)",
            text: coffee_uri.clone(),
            ..Case::DEFAULT
        },
    ]
}

/// Explicit typing (FORMAT.md §2.1): another kind of document presented as the registry.
pub(super) fn wrong_type(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels { coffee_uri, .. } = l;
    vec![Case {
        slug: "danh-sach-sai-loai",
        name_vi: "Tài liệu khác được đưa ra làm danh sách",
        name_en: "Another kind of document presented as the registry",
        state: CannotTell,
        expect: vec![RegistryWrongType],
        registry: RegistryIn::File("registry-wrong-type.jws"),
        trace: TraceIn::None,
        comment: "The registry payload signed by authority key 1 but typed txng-trace+jws",
        text: coffee_uri.clone(),
        ..Case::DEFAULT
    }]
}

/// FORMAT.md §2.2, §2.3: registry inputs that once gave a false green or a downgrade.
pub(super) fn no_false_green(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels {
        b,
        pepper,
        coffee_uri,
        ..
    } = l;
    let forged_key2 = {
        let data = LabelData {
            gtin: gtin(COFFEE_PREFIX, "0001"),
            cpv: None,
            lot: "CF2609A".into(),
            serial: "000190".into(),
            attributes: coffee_attrs("260912", "270911")
                .iter()
                .map(|(a, v)| (*a, v.to_string()))
                .collect(),
        };
        sign_label(data, 2, &keys::key("forger")).expect("demo label data is valid")
    };
    vec![
        Case {
            slug: "danh-sach-truong-lap",
            name_vi: "Danh sách có trường bị lặp (hai khóa cho một mục)",
            name_en: "Registry entry with a duplicated member",
            state: CannotTell,
            expect: vec![RegistryMalformed],
            registry: RegistryIn::File("registry-duplicate-member.jws"),
            trace: TraceIn::None,
            comment: "Key 2 lists public_key twice (genuine, then a forger's); the label is signed by the forger: never green",
            text: forged_key2.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-ten-mien-khong-chuan",
            name_vi: "Danh sách ghi tên miền chính thức không chuẩn",
            name_en: "Registry with a resolver host in a non-canonical form",
            state: CannotTell,
            expect: vec![RegistryMalformed],
            registry: RegistryIn::File("registry-resolver-not-canonical.jws"),
            trace: TraceIn::None,
            comment: "Resolver Truyxuat.QuangTri.gov.vn. (upper case, trailing dot): it would never match a scanned host",
            text: coffee_uri.to_string(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-gia-tri-null",
            name_vi: "Danh sách có giá trị null",
            name_en: "Registry with a null member",
            state: CannotTell,
            expect: vec![RegistryMalformed],
            registry: RegistryIn::File("registry-null-member.jws"),
            trace: TraceIn::None,
            comment: "\"revoked_at\": null on a key: a member is present with a value or absent",
            text: coffee_uri.to_string(),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-khoa-hon-tap",
            name_vi: "Danh sách có khóa lẫn thành phần bậc nhỏ",
            name_en: "Registry with a mixed-order key",
            state: CannotTell,
            expect: vec![RegistryKeyInvalid],
            registry: RegistryIn::File("registry-mixed-order-key.jws"),
            trace: TraceIn::None,
            comment: "The pepper label's key with a point of order 8 added: refused when the label names it (cofactored and cofactorless verifiers would disagree)",
            text: pepper.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-khoa-khong-chuan",
            name_vi: "Danh sách có khóa viết không chuẩn",
            name_en: "Registry with a non-canonical key encoding",
            state: CannotTell,
            expect: vec![RegistryKeyInvalid],
            registry: RegistryIn::File("registry-noncanonical-key.jws"),
            trace: TraceIn::None,
            comment: "The pepper label's key encoded with y >= p: one key, one spelling",
            text: pepper.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "danh-sach-cu-hon-ban-da-co",
            name_vi: "Danh sách cũ hơn bản máy đã kiểm tra",
            name_en: "Registry older than one already verified",
            state: CannotTell,
            expect: vec![RegistryRollback],
            registry: MAIN,
            trace: TraceIn::None,
            comment: "The device verified a list issued 2026-11-20 before: the list of 2026-11-01 is refused",
            text: coffee_uri.to_string(),
            known_issued_at: Some("2026-11-20T00:00:00+07:00"),
            ..Case::DEFAULT
        },
    ]
}

/// A faulty key is refused where a signature names it (FORMAT.md §2.3 check 5): another
/// producer's label in the same list verifies.
pub(super) fn key_checked_when_used(l: &Labels) -> Vec<Case> {
    let Labels { coffee_uri, .. } = l;
    vec![Case {
        slug: "khoa-loi-cua-nha-san-xuat-khac",
        name_vi: "Danh sách có khóa lỗi của nhà sản xuất khác",
        name_en: "Registry with another producer's faulty key",
        state: State::Verified,
        expect: vec![Code::RegistryValid, Code::SignatureValid],
        registry: RegistryIn::File("registry-mixed-order-key.jws"),
        trace: TraceIn::None,
        comment: "The pepper cooperative's key 1 is mixed-order; the coffee label names the coffee cooperative's key, which passes its checks",
        text: coffee_uri.to_string(),
        ..Case::DEFAULT
    }]
}
