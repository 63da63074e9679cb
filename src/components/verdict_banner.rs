//! The verdict banner (`#verdict`): the first thing the user sees. Large, with an icon AND words
//! (never colour alone): the view model's headline, main reason, explanation and the one action,
//! plus the scan stamp under a red result and "Thử lại" where loading again helps. Also the live
//! region (`#verdict-live`) that announces it.

use crate::config::ConfigError;
use crate::i18n::{t, T};
use crate::state::{Phase, Shared};
use txng_core::{state_title, Lang, State, View};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Phase (`Idle` renders nothing).
    pub phase: Phase,
    /// The view of the verdict (the core's view model); rendered when the phase is `Done`.
    #[prop_or_default]
    pub view: Option<Shared<View>>,
    /// The configuration problem, which overrides everything.
    #[prop_or_default]
    pub config_error: Option<ConfigError>,
    /// The trace document is still loading (the verdict may still change).
    #[prop_or_default]
    pub busy: bool,
    /// "Thử lại": run the same scan again (shown when the view says it helps).
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
    /// Language.
    pub lang: Lang,
}

fn config_text(e: ConfigError) -> T {
    match e {
        ConfigError::Missing => T::ConfigMissing,
        ConfigError::Invalid => T::ConfigInvalid,
        ConfigError::NoAnchors => T::ConfigNoAnchors,
    }
}

/// The banner: renders the core's [`View`] (headline, reason, action, stamp); decides nothing.
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
    match (&p.phase, &p.view) {
        (Phase::Idle, _) => html! {},
        (Phase::Verifying, _) | (Phase::Done(_), None) => html! {
            <section id="verdict" class="verdict verdict--verifying" data-state="verifying" aria-busy="true">
                <div class="verdict__head">
                    <span class="verdict__icon verdict__icon--spin" aria-hidden="true"></span>
                    <h2 class="verdict__title" tabindex="-1">{ t(T::Verifying, lang) }</h2>
                </div>
                <p class="verdict__explain">{ t(T::VerifyingDetail, lang) }</p>
                <progress class="verdict__progress" aria-label={t(T::Verifying, lang)}></progress>
            </section>
        },
        (Phase::Done(_), Some(v)) => {
            // The one render path of a verdict (crate::verdict), shared with the verify-first
            // module; only the retry button, which needs a callback, is added here.
            let mut tag = crate::verdict::banner(&v.banner(), lang, p.busy).to_vtag();
            if let Some(cb) = p.on_retry.clone().filter(|_| v.retry) {
                tag.add_child(html! {
                    <button id="retry" type="button" class="btn btn--primary"
                        onclick={Callback::from(move |_| cb.emit(()))}>{ t(T::Retry, lang) }</button>
                });
            }
            tag.into()
        }
    }
}

pub use crate::verdict::{icon, report_word};

/// What the live region says for a phase.
pub fn live_text(
    phase: &Phase,
    view: Option<&View>,
    config_error: Option<ConfigError>,
    lang: Lang,
) -> String {
    if let Some(e) = config_error {
        return format!(
            "{}. {}",
            state_title(State::CannotTell, lang),
            t(config_text(e), lang)
        );
    }
    match (phase, view) {
        (Phase::Idle, _) => String::new(),
        (Phase::Verifying, _) | (Phase::Done(_), None) => t(T::Verifying, lang).to_string(),
        (Phase::Done(_), Some(v)) => v.summary(),
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
