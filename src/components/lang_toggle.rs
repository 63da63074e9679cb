//! The language switch (`#lang-toggle`): shows the other language's name in that language.

use crate::i18n::{t, T};
use txng_core::Lang;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Current language.
    pub lang: Lang,
    /// Switch.
    pub on_toggle: Callback<()>,
}

/// The switch button.
#[function_component]
pub fn LangToggle(p: &Props) -> Html {
    let other = match p.lang {
        Lang::Vi => "en",
        Lang::En => "vi",
    };
    let cb = p.on_toggle.clone();
    html! {
        <button id="lang-toggle" type="button" class="btn btn--ghost" lang={other}
            aria-label={t(T::LangSwitchLabel, p.lang)}
            onclick={Callback::from(move |_| cb.emit(()))}>
            { t(T::LangSwitch, p.lang) }
        </button>
    }
}
