//! "Kiểm tra thế nào?" (`#checks`): every check the core made, folded by default, for the curious
//! and for inspectors: code, severity, title and explanation, and the language-neutral detail.

use crate::i18n::{t, T};
use crate::state::Shared;
use txng_core::{message, Lang, Severity, Verdict};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The verdict (its checks, in pipeline order).
    pub verdict: Shared<Verdict>,
    /// Language.
    pub lang: Lang,
}

/// The word for a severity.
pub fn severity_label(s: Severity, lang: Lang) -> &'static str {
    t(
        match s {
            Severity::Success => T::SevSuccess,
            Severity::Info => T::SevInfo,
            Severity::Warning => T::SevWarning,
            Severity::Indeterminate => T::SevIndeterminate,
            Severity::Failure => T::SevFailure,
        },
        lang,
    )
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Success => "check check--success",
        Severity::Info => "check check--info",
        Severity::Warning => "check check--warning",
        Severity::Indeterminate => "check check--indeterminate",
        Severity::Failure => "check check--failure",
    }
}

/// The panel.
#[function_component]
pub fn ChecksPanel(p: &Props) -> Html {
    let lang = p.lang;
    html! {
        <details id="checks" class="card checks">
            <summary>{ t(T::ChecksSummary, lang) }</summary>
            <p class="muted">{ t(T::ChecksIntro, lang) }</p>
            <ol class="checks__list">
                { for p.verdict.checks.iter().map(|c| {
                    let m = message(c.code, lang);
                    html! {
                        <li class={severity_class(c.severity)} data-code={c.code.as_str()}>
                            <p class="check__head">
                                <span class="check__sev">{ severity_label(c.severity, lang) }</span>
                                { " " }<strong>{ m.title }</strong>
                                { " " }<code class="check__code">{ c.code.as_str() }</code>
                            </p>
                            <p>{ m.explanation }</p>
                            if let Some(d) = &c.detail {
                                <p class="check__detail">{ t(T::ChecksDetail, lang) }{ ": " }<code>{ d.clone() }</code></p>
                            }
                        </li>
                    }
                }) }
            </ol>
        </details>
    }
}
