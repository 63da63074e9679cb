//! Lot cases (`lot.*`) (their place in the list: `cases()` in `../cases.rs`).

use super::*;

/// A genuine label of a recalled lot.
pub(super) fn recalled(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels { b, .. } = l;
    let recalled = sign(
        PEPPER,
        1,
        PEPPER_PREFIX,
        "HT2604R",
        "000203",
        &pepper_attrs("260420", "280419"),
    );
    vec![Case {
        slug: "lo-bi-thu-hoi",
        name_vi: "Lô hàng đã bị thu hồi",
        name_en: "Recalled lot",
        state: Invalid,
        expect: vec![SignatureValid, TraceValid, LotRecalled],
        registry: MAIN,
        trace: TraceIn::File(trace_path(PEPPER_PREFIX, "HT2604R")),
        comment: "The pepper lot's timeline ends with a recalled disposition",
        text: recalled.to_uri(b),
        ..Case::DEFAULT
    }]
}
