//! The verdict banner (`#verdict`) as an element tree ([`crate::tree`]): the one description of a
//! finished verdict, written by the verify-first module with DOM calls and by the Yew interface
//! (`components::verdict_banner`) as a virtual node. Large, with an icon AND words (never colour
//! alone): the view model's headline, main reason, explanation and the one action, the scan stamp
//! under a red result, an old list's date and the demo mark. Decides nothing: it renders the
//! core's [`Banner`] (the verify-first module builds only that; the interface takes it from its
//! `View`).

use crate::i18n::{t, tf, T};
use crate::tree::El;
use txng_core::{Banner, Lang, Report, State};

/// The icon of a state (shown with words, never alone).
pub const fn icon(state: State) -> &'static str {
    match state {
        State::Verified => "✓",
        State::VerifiedWithWarnings => "!",
        State::Invalid => "✕",
        State::CannotTell => "?",
    }
}

/// `data-report` of the banner: how prominently reporting is offered (for tests and styling).
pub const fn report_word(r: Report) -> &'static str {
    match r {
        Report::None => "none",
        Report::Offered => "offered",
        Report::Prominent => "prominent",
    }
}

/// The banner of a finished verdict. `busy`: the trace document is still loading (the verdict may
/// still change; `aria-busy`).
pub fn banner(v: &Banner, lang: Lang, busy: bool) -> El {
    let st = v.state;
    El::new("section")
        .attr("id", "verdict")
        .attr("class", format!("verdict verdict--{}", st.as_str()))
        .attr("data-state", st.as_str())
        .attr("data-report", report_word(v.report))
        .attr_opt("aria-busy", busy.then_some("true"))
        .child(
            El::new("div")
                .attr("class", "verdict__head")
                .child(
                    El::new("span")
                        .attr("class", "verdict__icon")
                        .attr("aria-hidden", "true")
                        .text(icon(st)),
                )
                .child(
                    El::new("h2")
                        .attr("class", "verdict__title")
                        .attr("tabindex", "-1")
                        .text(v.headline.clone()),
                ),
        )
        .child_opt(v.reason.as_ref().map(|r| {
            El::new("p")
                .attr("id", "main-reason")
                .attr_opt("data-code", v.code.map(|c| c.as_str()))
                .attr("class", "verdict__reason")
                .text(r.clone())
        }))
        .child_opt(v.explanation.as_ref().map(|e| {
            El::new("p")
                .attr("class", "verdict__explain")
                .text(e.clone())
        }))
        .child(
            El::new("p")
                .attr("class", "verdict__next")
                .child(El::new("strong").text(t(T::NextStep, lang)))
                .text(" ")
                .text(v.action.clone()),
        )
        // Scan time and serial by a red verdict: a screenshot carries them.
        .child_opt(v.stamp.as_ref().map(|s| {
            El::new("p")
                .attr("id", "verdict-stamp")
                .attr("class", "verdict__stamp")
                .text(s.clone())
        }))
        // An old list is shown with its date (FORMAT.md §2.3), so the user can judge it.
        .child_opt(v.list_date.as_ref().map(|d| {
            El::new("p")
                .attr("class", "verdict__date")
                .text(tf(T::RegistryListDate, lang, &[d]))
        }))
        // Demo data says so up front, not only in the checks panel.
        .child_opt(
            v.demo
                .map(|d| El::new("p").attr("class", "verdict__demo").text(d)),
        )
}
