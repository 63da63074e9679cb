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
pub use crate::LANG_KEY;

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
    /// Rendered by the `<txng-verifier>` element inside a host page's shadow root: the widget
    /// touches nothing outside its own subtree (no `<html lang>`, no saved language), and a
    /// wedge scanner is heard only while the focus is inside the widget.
    #[prop_or_default]
    pub embedded: bool,
    /// Compact embedded mode: only the scan/paste box until there is a result.
    #[prop_or_default]
    pub compact: bool,
    /// Kiosk mode ([`crate::kiosk`]): idle screen, countdown back to it, a new visitor each time.
    #[prop_or_default]
    pub kiosk: Option<crate::kiosk::Kiosk>,
    /// The verify-first module ([`crate::first`]) shows this page's verdict in the mount point:
    /// the app renders nothing until its own verdict of the same link is final, then removes
    /// that banner in the same task (never two `#verdict` at once, never a verdict that could
    /// still change).
    #[prop_or_default]
    pub taking_over: bool,
}

/// The element with focus, looking through open shadow roots (inside one, the document's
/// `activeElement` is only the shadow host).
fn deep_active_element() -> Option<web_sys::Element> {
    let mut el = web_sys::window()?.document()?.active_element()?;
    for _ in 0..8 {
        let Some(inner) = el
            .shadow_root()
            .and_then(|r| js_sys::Reflect::get(&r, &"activeElement".into()).ok())
            .and_then(|a| a.dyn_into::<web_sys::Element>().ok())
        else {
            break;
        };
        el = inner;
    }
    Some(el)
}

/// Tells the page about a verdict: a `txng-verdict` event (bubbling, crossing the shadow root)
/// on the widget's root with `detail = {state, code, gtin, lot}`. The iframe bridge of
/// `assets/boot.js` forwards it to the parent window.
fn announce(root: &web_sys::Element, v: &txng_core::Verdict) {
    let detail = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&detail, &k.into(), &v.into());
    };
    set("state", v.state.as_str());
    set(
        "code",
        v.main_check().map(|c| c.code.as_str()).unwrap_or(""),
    );
    if let Some(l) = &v.label {
        set("gtin", &l.gtin);
        set("lot", &l.lot);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("txng-verdict", &init) {
        let _ = root.dispatch_event(&e);
    }
}

/// Whether the focused element takes text (then keys are typing, not a wedge scan).
fn text_field_focused() -> bool {
    let Some(el) = deep_active_element() else {
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

/// Removes what the verify-first module wrote into the mount point (its banner and the boot
/// placeholder around it).
fn remove_first_banner() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(Some(first)) = doc.query_selector(&format!(
        "#{} .{}",
        crate::MOUNT_ID,
        crate::first::FIRST_CLASS
    )) else {
        return;
    };
    match first.closest(".boot").ok().flatten() {
        Some(boot) => boot.remove(),
        None => first.remove(),
    }
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
    // Whether a result is on screen (a kiosk's next scan is then a new visitor).
    let showing = use_mut_ref(|| false);
    *showing.borrow_mut() = !matches!(state.phase, Phase::Idle);
    let root = use_node_ref();
    let embedded = p.embedded;
    let kiosk = p.kiosk;
    // The deployment's language: a kiosk's every new visitor starts in it.
    let home_lang = match &*config {
        Ok(c) => c.lang,
        Err(_) => Lang::default(),
    };

    let verify: Callback<String> = {
        let dispatcher = state.dispatcher();
        let config = config.clone();
        let runs = runs.clone();
        let showing = showing.clone();
        Callback::from(move |text: String| {
            let Ok(cfg) = &*config else { return };
            let run = {
                let mut r = runs.borrow_mut();
                *r += 1;
                *r
            };
            let scanned: Rc<str> = Rc::from(text.as_str());
            if kiosk.is_some() && *showing.borrow() {
                dispatcher.dispatch(Action::NewVisitor {
                    run,
                    lang: home_lang,
                });
            }
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
            crate::marks::after_paint(crate::marks::USABLE);
            if let Some(l) = link {
                verify.emit(l.to_string());
            }
        });
    }

    // Keyboard-wedge scanners: fast keys ending in Enter while no text field has focus.
    {
        let verify = verify.clone();
        let root = root.clone();
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
            // Standalone: the whole window; embedded: only the widget's own subtree.
            let target: Option<web_sys::EventTarget> = if embedded {
                root.cast::<web_sys::Node>().map(Into::into)
            } else {
                web_sys::window().map(Into::into)
            };
            if let Some(w) = &target {
                let _ = w.add_event_listener_with_callback_and_bool(
                    "keydown",
                    cb.as_ref().unchecked_ref(),
                    true,
                );
            }
            move || {
                if let Some(w) = &target {
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
            if embedded {
                return; // the host page's <html lang> and storage are not ours
            }
            let remember = kiosk.is_none(); // a kiosk keeps nothing of a visitor
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", lang.as_str());
                }
            }
            if !first.borrow().replace(false) && remember {
                if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                    let _ = s.set_item(LANG_KEY, lang.as_str());
                }
            }
        });
    }

    // Taking over from the verify-first module: hold until the verdict is final (or the
    // configuration is refused), once.
    let held = use_mut_ref(|| p.taking_over);
    if *held.borrow() && (crate::pipeline::settled(&state) || state.config_error.is_some()) {
        *held.borrow_mut() = false;
    }
    let hold = *held.borrow();
    {
        let taking_over = p.taking_over;
        use_effect_with(hold, move |hold| {
            if taking_over && !*hold {
                remove_first_banner();
            }
        });
    }

    // Focus the verdict heading when a run's first verdict appears (keyboard and screen-reader
    // users land on it; the live region announces it too).
    {
        let done = matches!(state.phase, Phase::Done(_)) && !hold;
        let root = root.clone();
        use_effect_with((state.run, done), move |(_, done)| {
            if *done {
                crate::marks::after_paint(crate::marks::VERDICT);
                if let Some(el) = root
                    .cast::<web_sys::Element>()
                    .and_then(|r| r.query_selector("#verdict h2").ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            }
        });
    }

    // Every verdict (the first, and the one updated with the trace document) is announced.
    {
        let root = root.clone();
        let verdict = state.verdict().cloned();
        use_effect_with((verdict, hold), move |(v, _)| {
            if let (Some(v), Some(r)) = (v, root.cast::<web_sys::Element>()) {
                announce(&r, v);
            }
        });
    }

    // Kiosk: the producer list's date on the idle screen, refreshed at its next_update; a link
    // tapped is shown as a QR code; the camera restarted if its stream stops.
    let list_issued_at = use_state(|| None::<i64>);
    let bundle = use_state(|| (0usize, 0usize));
    let link = use_state(|| None::<String>);
    let camera_gen = use_state(|| 0u32);
    {
        let list_issued_at = list_issued_at.clone();
        let bundle = bundle.clone();
        let config = config.clone();
        use_effect_with((), move |_| {
            let alive = Rc::new(Cell::new(true));
            if let (Some(_), Ok(cfg)) = (kiosk, &*config) {
                let cfg = cfg.clone();
                let alive = alive.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    while alive.get() {
                        let got = crate::kiosk::refresh_registry(&cfg).await;
                        if !alive.get() {
                            break;
                        }
                        if let Some((issued_at, _)) = got.list {
                            list_issued_at.set(Some(issued_at));
                        }
                        bundle.set(got.bundle);
                        let secs = crate::kiosk::refresh_delay_secs(
                            got.list.map(|g| g.1),
                            pipeline::now(),
                        );
                        crate::kiosk::sleep_ms((secs * 1000) as i32).await;
                    }
                });
            }
            move || alive.set(false)
        });
    }
    {
        let list_issued_at = list_issued_at.clone();
        let issued = state.verdict().and_then(|v| v.registry_issued_at);
        use_effect_with(issued, move |issued| {
            if let Some(at) = *issued {
                if list_issued_at.is_none_or(|old| old < at) {
                    list_issued_at.set(Some(at));
                }
            }
        });
    }
    {
        let link = link.clone();
        use_effect_with(state.run, move |_| link.set(None));
    }
    {
        let camera_gen = camera_gen.clone();
        let root = root.clone();
        let watch = kiosk.is_some_and(|k| k.camera);
        use_effect_with((), move |_| {
            let cb = Closure::<dyn FnMut()>::new(move || {
                if crate::kiosk::camera_stopped(&root) {
                    camera_gen.set(*camera_gen + 1);
                }
            });
            let id = web_sys::window().filter(|_| watch).and_then(|w| {
                w.set_interval_with_callback_and_timeout_and_arguments_0(
                    cb.as_ref().unchecked_ref(),
                    5000,
                )
                .ok()
            });
            move || {
                if let (Some(id), Some(w)) = (id, web_sys::window()) {
                    w.clear_interval_with_handle(id);
                }
                drop(cb);
            }
        });
    }
    let new_visitor = {
        let d = state.dispatcher();
        let runs = runs.clone();
        Callback::from(move |_: ()| {
            let run = {
                let mut r = runs.borrow_mut();
                *r += 1;
                *r
            };
            d.dispatch(Action::NewVisitor {
                run,
                lang: home_lang,
            });
        })
    };
    let on_root_click = {
        let link = link.clone();
        Callback::from(move |e: MouseEvent| {
            if kiosk.is_none() {
                return;
            }
            if let Some(href) = crate::kiosk::clicked_link(&e) {
                e.prevent_default();
                link.set(Some(href));
            }
        })
    };

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
        let root = root.clone();
        Callback::from(move |_: MouseEvent| {
            let run = {
                let mut r = runs.borrow_mut();
                *r += 1;
                *r
            };
            d.dispatch(Action::Reset { run });
            // The page starts at the top again, as on arrival (embedded: the widget's own top).
            if embedded {
                if let Some(r) = root.cast::<web_sys::Element>() {
                    r.scroll_into_view();
                }
            } else if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            if let Some(el) = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector("#input-text").ok().flatten())
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
    // Compact embedded mode: only the scan/paste box until a result expands it.
    let brief = p.compact && idle;
    let mode = match (embedded, p.compact, kiosk.is_some()) {
        (_, _, true) => "kiosk",
        (false, _, _) => "page",
        (true, false, _) => "full",
        (true, true, _) => "compact",
    };

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
        use_memo((), move |_| match &*config {
            Ok(c) => crate::links::LinkBase(
                Rc::from(crate::net::resolve(&c.registry_url, "").unwrap_or_default()),
                Rc::from(c.image_origins.clone()),
            ),
            Err(_) => crate::links::LinkBase::default(),
        })
    };
    let close_link = {
        let link = link.clone();
        Callback::from(move |_: MouseEvent| link.set(None))
    };
    let again = {
        let nv = new_visitor.clone();
        Callback::from(move |_: MouseEvent| nv.emit(()))
    };
    let class = if kiosk.is_some() {
        "txng txng--kiosk"
    } else {
        "txng"
    };
    if hold {
        return Html::default();
    }
    html! {
        <ContextProvider<crate::links::LinkBase> context={(*link_base).clone()}>
        <div {class} ref={root} lang={lang.as_str()} data-mode={mode} onclick={on_root_click}>
            if let (Some(k), false, true) = (kiosk, idle, configured) {
                <crate::kiosk::Countdown key={format!("{}-{}", state.run, link.is_some())} seconds={k.reset_secs} {lang}
                    on_done={new_visitor} on_again={again} />
            }
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
                if let (Some(k), true, true) = (kiosk, idle, configured) {
                    <IdleScreen {lang} camera={k.camera} list_issued_at={*list_issued_at} bundle={*bundle} />
                    if k.camera {
                        <ScanView key={camera_gen.to_string()} {lang} pkg_base={pkg_base.clone()}
                            on_scan={verify.clone()} on_close={Callback::noop()} />
                    }
                } else if idle && configured {
                    if !brief {
                        <p class="intro">{ t(T::Intro, lang) }</p>
                    }
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
                if !idle && configured && kiosk.is_none() {
                    <button id="scan-again" type="button" class="btn btn--primary btn--wide" onclick={scan_again}>
                        { t(T::ScanAgain, lang) }
                    </button>
                    { inputs }
                }
            </main>
            if !brief {
                <footer class="foot"><p>{ t(T::Footer, lang) }</p></footer>
            }
            if let Some(href) = (*link).clone() {
                <crate::kiosk::LinkQr href={href} {lang} pkg_base={pkg_base.clone()} on_close={close_link} />
            }
        </div>
        </ContextProvider<crate::links::LinkBase>>
    }
}
