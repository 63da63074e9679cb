//! Paste or type a link or element string (`#input-text`, `#input-submit`). `<GS>` / `{GS}`
//! placeholders are turned into the GS separator, as for wedge scanners.

use crate::i18n::{t, T};
use crate::scan::wedge::normalise;
use txng_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Language.
    pub lang: Lang,
    /// Verify this text.
    pub on_submit: Callback<String>,
}

/// The form.
#[function_component]
pub fn InputBar(p: &Props) -> Html {
    let lang = p.lang;
    let input = use_node_ref();
    let empty = use_state(|| false);
    let onsubmit = {
        let input = input.clone();
        let cb = p.on_submit.clone();
        let empty = empty.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(el) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let text = normalise(el.value().trim());
            if text.is_empty() {
                empty.set(true);
                let _ = el.focus();
                return;
            }
            empty.set(false);
            el.set_value("");
            let _ = el.blur();
            cb.emit(text);
        })
    };
    html! {
        <form class="input-bar" {onsubmit} novalidate=true>
            <label for="input-text">{ t(T::InputLabel, lang) }</label>
            <p id="input-help" class="muted small">{ t(T::InputHelp, lang) }</p>
            <div class="input-bar__row">
                <input id="input-text" ref={input} type="text" inputmode="url" autocomplete="off"
                    autocapitalize="off" spellcheck="false"
                    aria-describedby={if *empty { "input-help input-error" } else { "input-help" }}
                    aria-invalid={(*empty).then_some("true")} />
                <button id="input-submit" type="submit" class="btn btn--primary">{ t(T::InputSubmit, lang) }</button>
            </div>
            if *empty {
                <p id="input-error" class="error" role="alert">{ t(T::InputEmpty, lang) }</p>
            }
        </form>
    }
}
