//! The verdict banner (`#verdict`): the first thing the user sees. Large, with an icon AND words
//! (never colour alone), the main reason (the core's `Verdict::main_check`, its title and
//! explanation) and the next step. Also the live region (`#verdict-live`) that announces it.

use crate::config::ConfigError;
use crate::i18n::{t, tf, T};
use crate::state::Phase;
use txng_core::time::display_date_vn;
use txng_core::{message, state_title, Code, Lang, State};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Phase (`Idle` renders nothing).
    pub phase: Phase,
    /// The configuration problem, which overrides everything.
    #[prop_or_default]
    pub config_error: Option<ConfigError>,
    /// The trace document is still loading (the verdict may still change).
    #[prop_or_default]
    pub busy: bool,
    /// Language.
    pub lang: Lang,
}

fn icon(state: State) -> &'static str {
    match state {
        State::Verified => "✓",
        State::VerifiedWithWarnings => "!",
        State::Invalid => "✕",
        State::CannotTell => "?",
    }
}

fn config_text(e: ConfigError) -> T {
    match e {
        ConfigError::Missing => T::ConfigMissing,
        ConfigError::Invalid => T::ConfigInvalid,
        ConfigError::NoAnchors => T::ConfigNoAnchors,
    }
}

/// The banner.
#[function_component]
pub fn VerdictBanner(p: &Props) -> Html {
    let lang = p.lang;
    if let Some(e) = p.config_error {
        let st = State::CannotTell;
        return html! {
            <section id="verdict" class="verdict verdict--cannot_tell" data-state={st.as_str()}>
                <div class="verdict__head">
                    <span class="verdict__icon" aria-hidden="true">{ icon(st) }</span>
                    <h2 class="verdict__title" tabindex="-1">{ state_title(st, lang) }</h2>
                </div>
                <p id="main-reason" class="verdict__reason" data-code={e.code()}>{ t(T::ConfigTitle, lang) }</p>
                <p class="verdict__explain">{ t(config_text(e), lang) }</p>
                <p class="verdict__next"><strong>{ t(T::NextStep, lang) }</strong>{ " " }{ t(T::ConfigNext, lang) }</p>
            </section>
        };
    }
    match &p.phase {
        Phase::Idle => html! {},
        Phase::Verifying => html! {
            <section id="verdict" class="verdict verdict--verifying" data-state="verifying" aria-busy="true">
                <div class="verdict__head">
                    <span class="verdict__icon verdict__icon--spin" aria-hidden="true"></span>
                    <h2 class="verdict__title" tabindex="-1">{ t(T::Verifying, lang) }</h2>
                </div>
                <p class="verdict__explain">{ t(T::VerifyingDetail, lang) }</p>
            </section>
        },
        Phase::Done(v) => {
            let st = v.state;
            let class = format!("verdict verdict--{}", st.as_str());
            let main = v.main_check().map(|c| (c.code, message(c.code, lang)));
            html! {
                <section id="verdict" class={class} data-state={st.as_str()}
                    aria-busy={p.busy.then_some("true")}>
                    <div class="verdict__head">
                        <span class="verdict__icon" aria-hidden="true">{ icon(st) }</span>
                        <h2 class="verdict__title" tabindex="-1">{ state_title(st, lang) }</h2>
                    </div>
                    if let Some((code, m)) = main {
                        <p id="main-reason" class="verdict__reason" data-code={code.as_str()}>{ m.title }</p>
                        <p class="verdict__explain">{ m.explanation }</p>
                        <p class="verdict__next"><strong>{ t(T::NextStep, lang) }</strong>{ " " }{ m.next_step }</p>
                    }
                    // An old list is shown with its date (FORMAT.md §2.3), so the user can judge it.
                    if let Some(d) = list_date(v) {
                        <p class="verdict__date">{ tf(T::RegistryListDate, lang, &[&d]) }</p>
                    }
                    // Demo data says so up front, not only in the checks panel.
                    if v.has(Code::RegistryDemo) {
                        <p class="verdict__demo">{ message(Code::RegistryDemo, lang).title }</p>
                    }
                </section>
            }
        }
    }
}

/// The registry's issue date when the verdict says the list is stale or expired.
fn list_date(v: &txng_core::Verdict) -> Option<String> {
    let old = v.has(Code::RegistryStale) || v.has(Code::RegistryExpired);
    v.registry_issued_at.filter(|_| old).map(display_date_vn)
}

/// What the live region says for a phase.
pub fn live_text(phase: &Phase, config_error: Option<ConfigError>, lang: Lang) -> String {
    if let Some(e) = config_error {
        return format!(
            "{}. {}",
            state_title(State::CannotTell, lang),
            t(config_text(e), lang)
        );
    }
    match phase {
        Phase::Idle => String::new(),
        Phase::Verifying => t(T::Verifying, lang).to_string(),
        Phase::Done(v) => {
            let mut s = format!("{}.", state_title(v.state, lang));
            if let Some(c) = v.main_check() {
                s.push(' ');
                s.push_str(message(c.code, lang).title);
                s.push('.');
            }
            s
        }
    }
}

/// Props of the live region.
#[derive(Properties, PartialEq)]
pub struct LiveProps {
    /// The text to announce.
    pub text: AttrValue,
}

/// The polite live region (`#verdict-live`); always in the DOM so changes are announced.
#[function_component]
pub fn VerdictLive(p: &LiveProps) -> Html {
    html! {
        <div id="verdict-live" class="sr-only" role="status" aria-live="polite" aria-atomic="true">
            { p.text.clone() }
        </div>
    }
}
