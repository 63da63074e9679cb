//! Label signature cases (`signature.*`) (their place in the list: `cases()` in `../cases.rs`).

use super::*;

/// Faults of the label: the signed data changed after signing.
pub(super) fn altered(l: &Labels) -> Vec<Case> {
    use Code::*;
    use State::*;
    let Labels { b, coffee, .. } = l;
    let mut altered = coffee.clone();
    altered.data.lot = "CF2609B".to_string();
    vec![Case {
        slug: "lo-bi-sua",
        name_vi: "Số lô bị sửa",
        name_en: "Altered lot number",
        state: Invalid,
        expect: vec![SignatureInvalid],
        registry: MAIN,
        trace: TraceIn::None,
        comment: "Lot changed from CF2609A to CF2609B after signing",
        text: altered.to_uri(b),
        ..Case::DEFAULT
    }]
}
