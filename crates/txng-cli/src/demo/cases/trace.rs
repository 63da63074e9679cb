//! Trace document cases (`trace.*`) (their place in the list: `cases()` in `../cases.rs`).

use super::*;

/// The trace document could not be had or read: amber, the label stays valid.
pub(super) fn fetch_warnings(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    vec![
        Case {
            slug: "khong-tai-duoc-nhat-ky",
            name_vi: "Không tải được nhật ký sản xuất",
            name_en: "Trace document unavailable",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceUnavailable],
            registry: MAIN,
            trace: TraceIn::Unavailable,
            comment: "No trace document is published for lot CF2609U (HTTP 404)",
            text: l.fault("CF2609U", "000106"),
            ..Case::DEFAULT
        },
        Case {
            slug: "nhat-ky-qua-lon",
            name_vi: "Nhật ký quá lớn",
            name_en: "Trace document too large",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceTooLarge],
            registry: MAIN,
            trace: TraceIn::TooLarge,
            comment: "The trace document is over 1 MiB (the served demo has such a file; the vector only says so)",
            text: l.fault("CF2609L", "000107"),
            ..Case::DEFAULT
        },
        Case {
            slug: "nhat-ky-hong",
            name_vi: "Nhật ký hỏng (trang lỗi HTML)",
            name_en: "Garbled trace document (HTML error page)",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceMalformed],
            registry: MAIN,
            trace: ct("CF2609G"),
            comment: "The server answers with an HTML page instead of a JWS",
            text: l.fault("CF2609G", "000108"),
            ..Case::DEFAULT
        },
        Case {
            slug: "nhat-ky-phien-ban-moi",
            name_vi: "Nhật ký phiên bản mới chưa hỗ trợ",
            name_en: "Trace document of an unsupported version",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceVersionUnsupported],
            registry: MAIN,
            trace: ct("CF2609V"),
            comment: "Signed trace document with format txng-trace/2",
            text: l.fault("CF2609V", "000109"),
            ..Case::DEFAULT
        },
        Case {
            slug: "nhat-ky-qua-nhieu-su-kien",
            name_vi: "Nhật ký có quá nhiều sự kiện",
            name_en: "Trace document with too many events",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceTooManyEvents],
            registry: MAIN,
            trace: ct("CF2609E"),
            comment: "Signed trace document with 1001 (empty) events, over the limit of 1000",
            text: l.fault("CF2609E", "000110"),
            ..Case::DEFAULT
        },
    ]
}

/// Faults of the trace document.
pub(super) fn faults(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    vec![
        Case {
            slug: "nhat-ky-cua-lo-khac",
            name_vi: "Nhật ký của lô khác",
            name_en: "Trace document of another lot",
            state: Invalid,
            expect: vec![SignatureValid, TraceMismatch],
            registry: MAIN,
            trace: ct("CF2609M"),
            comment: "The trace URL of lot CF2609M serves the (authentic) document of lot CF2609A",
            text: l.fault("CF2609M", "000113"),
            ..Case::DEFAULT
        },
        Case {
            slug: "nhat-ky-bi-sua",
            name_vi: "Nhật ký bị sửa",
            name_en: "Tampered trace document",
            state: Invalid,
            expect: vec![SignatureValid, TraceSignatureInvalid],
            registry: MAIN,
            trace: ct("CF2609T"),
            comment: "A quantity in the trace payload changed after signing",
            text: l.fault("CF2609T", "000114"),
            ..Case::DEFAULT
        },
        Case {
            slug: "nhat-ky-do-nguoi-khac-ky",
            name_vi: "Nhật ký do đơn vị khác ký",
            name_en: "Trace document signed by another producer",
            state: Invalid,
            expect: vec![SignatureValid, TraceSignerUnknown],
            registry: MAIN,
            trace: ct("CF2609S"),
            comment: "The coffee lot's trace is signed by the pepper cooperative",
            text: l.fault("CF2609S", "000115"),
            ..Case::DEFAULT
        },
        Case {
            slug: "nhat-ky-khoa-thu-hoi",
            name_vi: "Nhật ký ký bằng khóa đã thu hồi",
            name_en: "Trace document signed with a revoked key",
            state: Invalid,
            expect: vec![SignatureValid, TraceKeyRevoked],
            registry: MAIN,
            trace: ct("CF2609R"),
            comment: "The trace is signed with the coffee cooperative's revoked key 3",
            text: l.fault("CF2609R", "000116"),
            ..Case::DEFAULT
        },
    ]
}

/// Explicit typing (FORMAT.md §3.2): another kind of document presented as the trace.
pub(super) fn wrong_type(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    vec![Case {
        slug: "nhat-ky-sai-loai",
        name_vi: "Tài liệu khác được đưa ra làm nhật ký",
        name_en: "Another kind of document presented as the trace",
        state: VerifiedWithWarnings,
        expect: vec![SignatureValid, TraceWrongType],
        registry: MAIN,
        trace: ct("CF2609W"),
        comment: "The lot's trace payload signed by its producer's key but typed txng-registry+jws",
        text: l.fault("CF2609W", "000170"),
        ..Case::DEFAULT
    }]
}

/// txng's EPCIS profile and the Circular's minimum information (FORMAT.md §3.5, §3.6).
pub(super) fn profile(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    vec![
        Case {
            slug: "thieu-tieu-chuan",
            name_vi: "Nhật ký không ghi tiêu chuẩn áp dụng",
            name_en: "Trace without the standards applied",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceValid, InfoMissingStandards],
            registry: MAIN,
            trace: ct("CF2609D"),
            comment: "product.standards is absent (Thông tư 02/2024/TT-BKHCN: TCVN, QCVN, company standard)",
            text: l.fault("CF2609D", "000150"),
            ..Case::DEFAULT
        },
        Case {
            slug: "nhat-ky-khong-co-su-kien",
            name_vi: "Nhật ký không có sự kiện nào",
            name_en: "Trace with an empty event list",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceValid, TraceNoEvents],
            registry: MAIN,
            trace: ct("CF2609K"),
            comment: "A signed, schema-valid EPCIS document whose eventList is empty",
            text: l.fault("CF2609K", "000151"),
            ..Case::DEFAULT
        },
        Case {
            slug: "su-kien-khong-ghi-hang-hoa",
            name_vi: "Có bước không ghi hàng hóa",
            name_en: "An event that names no goods",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceValid, TraceEventWithoutGoods],
            registry: MAIN,
            trace: ct("CF2609H"),
            comment: "A sensor-only storing ObjectEvent with neither epcList nor quantityList: valid EPCIS, but txng's profile warns",
            text: l.fault("CF2609H", "000152"),
            ..Case::DEFAULT
        },
        Case {
            slug: "thieu-cong-doan",
            name_vi: "Nhật ký không ghi công đoạn",
            name_en: "Trace whose events name no stage",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceValid, InfoMissingStages],
            registry: MAIN,
            trace: ct("CF2609P"),
            comment: "Every event lacks bizStep: times and goods but no production stage",
            text: l.fault("CF2609P", "000153"),
            ..Case::DEFAULT
        },
    ]
}

/// FORMAT.md §3.2: trace inputs that once gave a false green.
pub(super) fn no_false_green(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels { b, .. } = l;
    let coffee_fault = sign(
        COFFEE,
        2,
        COFFEE_PREFIX,
        "CF2609Q",
        "000193",
        &coffee_attrs("260912", "270911"),
    );
    let pepper_early = sign(
        PEPPER,
        1,
        PEPPER_PREFIX,
        "HT2605K",
        "000204",
        &pepper_attrs("260506", "280505"),
    );
    vec![
        Case {
            slug: "nhat-ky-truong-lap",
            name_vi: "Nhật ký có trường bị lặp",
            name_en: "Trace document with a duplicated member",
            state: VerifiedWithWarnings,
            expect: vec![SignatureValid, TraceMalformed],
            registry: MAIN,
            trace: TraceIn::File(trace_path(COFFEE_PREFIX, "CF2609Q")),
            comment:
                "The product name is given twice in the signed trace: refused, not read either way",
            text: coffee_fault.to_uri(b),
            ..Case::DEFAULT
        },
        Case {
            slug: "nhat-ky-khoa-chua-hieu-luc",
            name_vi: "Nhật ký ký bằng khóa chưa có hiệu lực",
            name_en: "Trace document signed with a key not valid yet",
            state: Invalid,
            expect: vec![SignatureValid, TraceKeyNotYetValid],
            registry: MAIN,
            trace: TraceIn::File(trace_path(PEPPER_PREFIX, "HT2605K")),
            comment: "The pepper lot's trace is signed with key 2, valid only from 2030-07-01",
            text: pepper_early.to_uri(b),
            ..Case::DEFAULT
        },
    ]
}
