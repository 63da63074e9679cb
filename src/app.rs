//! The app: one reducer ([`AppState`]), the inputs that feed the one pipeline (a GS1 Digital Link
//! page address, camera, photo, paste, keyboard-wedge scanner) and the page layout.

use crate::components::*;
use crate::config::{Config, ConfigError};
use crate::i18n::{t, T};
use crate::pipeline;
use crate::scan::wedge::{WedgeBuffer, WedgeEvent};
use crate::state::{Action, AppState, Phase, TraceStatus};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use txng_core::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// `localStorage` key of the chosen language.
pub const LANG_KEY: &str = "txng.lang";

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page's configuration.
    pub config: Rc<Result<Config, ConfigError>>,
    /// The page address when it is a GS1 Digital Link (verified at once).
    #[prop_or_default]
    pub initial_link: Option<AttrValue>,
    /// A language the user chose earlier.
    #[prop_or_default]
    pub saved_lang: Option<Lang>,
}

/// Whether the focused element takes text (then keys are typing, not a wedge scan).
fn text_field_focused() -> bool {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return false;
    };
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return !matches!(
            i.type_().as_str(),
            "button"
                | "checkbox"
                | "radio"
                | "file"
                | "submit"
                | "reset"
                | "image"
                | "range"
                | "color"
        );
    }
    let tag = el.tag_name();
    tag.eq_ignore_ascii_case("textarea")
        || tag.eq_ignore_ascii_case("select")
        || el
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|h| h.is_content_editable())
}

/// The widget.
#[function_component]
pub fn App(p: &Props) -> Html {
    let config = p.config.clone();
    let state = {
        let config = config.clone();
        let saved = p.saved_lang;
        use_reducer(move || {
            let (lang, err) = match &*config {
                Ok(c) => (saved.unwrap_or(c.lang), None),
                Err(e) => (saved.unwrap_or_default(), Some(*e)),
            };
            AppState::new(lang, err)
        })
    };
    let runs = use_mut_ref(|| 0u32);

    let verify: Callback<String> = {
        let dispatcher = state.dispatcher();
        let config = config.clone();
        let runs = runs.clone();
        Callback::from(move |text: String| {
            let Ok(cfg) = &*config else { return };
            let run = {
                let mut r = runs.borrow_mut();
                *r += 1;
                *r
            };
            let scanned: Rc<str> = Rc::from(text.as_str());
            dispatcher.dispatch(Action::Begin {
                run,
                scanned: scanned.clone(),
                at: (js_sys::Date::now() / 1000.0) as i64,
            });
            let d = dispatcher.clone();
            let cfg = Rc::new(cfg.clone());
            wasm_bindgen_futures::spawn_local(async move {
                pipeline::run(scanned, cfg, run, move |a| d.dispatch(a)).await;
            });
        })
    };

    // A GS1 Digital Link page address is verified at once (no decoder needed).
    {
        let verify = verify.clone();
        let link = p.initial_link.clone();
        use_effect_with((), move |_| {
            if let Some(l) = link {
                verify.emit(l.to_string());
            }
        });
    }

    // Keyboard-wedge scanners: fast keys ending in Enter while no text field has focus.
    {
        let verify = verify.clone();
        use_effect_with((), move |_| {
            let buffer = RefCell::new(WedgeBuffer::new());
            let cb = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(
                move |e: web_sys::KeyboardEvent| {
                    if e.is_composing() || text_field_focused() {
                        return;
                    }
                    let ev = buffer
                        .borrow_mut()
                        .key(&e.key(), e.ctrl_key(), e.time_stamp());
                    if let WedgeEvent::Scan(text) = ev {
                        e.prevent_default();
                        verify.emit(text);
                    }
                },
            );
            let win = web_sys::window();
            if let Some(w) = &win {
                let _ = w.add_event_listener_with_callback_and_bool(
                    "keydown",
                    cb.as_ref().unchecked_ref(),
                    true,
                );
            }
            move || {
                if let Some(w) = &win {
                    let _ = w.remove_event_listener_with_callback_and_bool(
                        "keydown",
                        cb.as_ref().unchecked_ref(),
                        true,
                    );
                }
                drop(cb);
            }
        });
    }

    // <html lang> follows the language; the choice is remembered on this device.
    {
        let lang = state.lang;
        let first = use_mut_ref(|| Cell::new(true));
        use_effect_with(lang, move |lang| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", lang.as_str());
                }
            }
            if !first.borrow().replace(false) {
                if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                    let _ = s.set_item(LANG_KEY, lang.as_str());
                }
            }
        });
    }

    // Focus the verdict heading when a run's first verdict appears (keyboard and screen-reader
    // users land on it; the live region announces it too).
    {
        let done = matches!(state.phase, Phase::Done(_));
        use_effect_with((state.run, done), move |(_, done)| {
            if *done {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector("#verdict h2").ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            }
        });
    }

    let lang = state.lang;
    let dispatch = |a: Action| {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(a.clone()))
    };
    let on_lang: Callback<()> = dispatch(Action::ToggleLang);
    let on_order: Callback<()> = dispatch(Action::ToggleOrder);
    let on_close: Callback<()> = dispatch(Action::CloseCamera);
    let open_camera = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenCamera))
    };
    let scan_again = {
        let d = state.dispatcher();
        let runs = runs.clone();
        Callback::from(move |_: MouseEvent| {
            let run = {
                let mut r = runs.borrow_mut();
                *r += 1;
                *r
            };
            d.dispatch(Action::Reset { run });
            // The page starts at the top again, as on arrival.
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("input-text"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        })
    };
    let pkg_base: AttrValue = match &*config {
        Ok(c) => c.pkg_base.clone().into(),
        Err(_) => AttrValue::default(),
    };
    let verdict = state.verdict().cloned();
    // The one view model of the verdict (txng-core): every component below renders it.
    let view = {
        let key = (verdict.clone(), lang, state.scanned_at);
        use_memo(key, |(v, lang, at)| {
            v.as_ref()
                .map(|v| crate::state::Shared::new(txng_core::View::new(v, *lang, *at)))
        })
    };
    let view: Option<crate::state::Shared<txng_core::View>> = (*view).clone();
    let prominent = view
        .as_ref()
        .is_some_and(|v| v.report == txng_core::Report::Prominent);
    let live = live_text(&state.phase, view.as_deref(), state.config_error, lang);
    let configured = state.config_error.is_none();
    let idle = matches!(state.phase, Phase::Idle);
    let retry: Callback<()> = {
        let verify = verify.clone();
        let scanned = state.scanned.clone();
        Callback::from(move |()| {
            if let Some(s) = &scanned {
                verify.emit(s.to_string());
            }
        })
    };

    let inputs = html! {
        <section class="card inputs" aria-label={t(T::InputSubmit, lang)}>
            if !state.camera_open {
                <button id="open-camera" type="button" class="btn btn--primary btn--wide" onclick={open_camera}>
                    { t(T::OpenCamera, lang) }
                </button>
            }
            <PhotoInput {lang} pkg_base={pkg_base.clone()} on_scan={verify.clone()} />
            <InputBar {lang} on_submit={verify.clone()} />
            <p class="muted small">{ t(T::KioskHint, lang) }</p>
        </section>
    };

    // Relative links in signed data resolve against the registry's URL (FORMAT.md §3.3).
    let link_base = {
        let config = config.clone();
        use_memo((), move |_| {
            let url = match &*config {
                Ok(c) => crate::net::resolve(&c.registry_url, "").unwrap_or_default(),
                Err(_) => String::new(),
            };
            crate::links::LinkBase(Rc::from(url))
        })
    };
    html! {
        <ContextProvider<crate::links::LinkBase> context={(*link_base).clone()}>
        <div class="txng">
            <header class="top">
                <div class="top__titles">
                    <h1 class="top__title">{ t(T::AppTitle, lang) }</h1>
                    <p class="top__sub">{ t(T::AppSubtitle, lang) }</p>
                </div>
                <LangToggle {lang} on_toggle={on_lang} />
            </header>
            <VerdictLive text={live} />
            <main class="main">
                if state.camera_open && configured {
                    <ScanView {lang} pkg_base={pkg_base.clone()} on_scan={verify.clone()} {on_close} />
                }
                if idle && configured {
                    <p class="intro">{ t(T::Intro, lang) }</p>
                    { inputs.clone() }
                }
                <VerdictBanner phase={state.phase.clone()} view={view.clone()} config_error={state.config_error}
                    busy={state.trace == TraceStatus::Loading} on_retry={retry} {lang} />
                if !idle {
                    <NetStatus registry={state.registry.clone()} trace={state.trace.clone()} {lang} />
                }
                if !idle && configured {
                    <button id="scan-again-top" type="button" class="btn btn--wide scan-again-top" onclick={scan_again.clone()}>
                        { t(T::ScanAgain, lang) }
                    </button>
                }
                if let (Some(v), Some(vd)) = (view.clone(), verdict.clone()) {
                    if prominent {
                        <ReportFake view={v.clone()} scanned={state.scanned.clone()} />
                    }
                    <ProductCard view={v.clone()} />
                    if vd.product.is_some() {
                        <Timeline view={v.clone()} newest_first={state.newest_first} on_toggle={on_order} />
                    }
                    <HonestyNote view={v.clone()} />
                    <ChecksPanel view={v.clone()} />
                    if !prominent {
                        <ReportFake view={v} scanned={state.scanned.clone()} />
                    }
                }
                if !idle && configured {
                    <button id="scan-again" type="button" class="btn btn--primary btn--wide" onclick={scan_again}>
                        { t(T::ScanAgain, lang) }
                    </button>
                    { inputs }
                }
            </main>
            <footer class="foot"><p>{ t(T::Footer, lang) }</p></footer>
        </div>
        </ContextProvider<crate::links::LinkBase>>
    }
}
