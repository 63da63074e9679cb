//! Kiosk mode: a screen in a shop or at a fair that visitors walk up to, unattended all day.
//!
//! Enabled by the deployment (`"kiosk": true` or `{"reset_seconds": 60, "camera": false}` in the
//! `#txng-config` block) or by `?mode=kiosk` on the standalone page. Then:
//! - an attract/idle screen invites a scan ([`crate::components::idle_screen`]); the
//!   keyboard-wedge scanner (and the camera, if configured) listens; no paste field, photo picker
//!   or other text field (no on-screen keyboard);
//! - after a result, a bar at the top says "Quét mã khác" and counts down to the idle screen
//!   ([`Countdown`], default 60 s); the next scan also starts afresh;
//! - every reset is a new visitor: language back to the deployment's (Vietnamese), nothing of the
//!   previous visitor kept (`Action::NewVisitor`), the language never saved on the device;
//! - links never leave the kiosk (no `tel:`, `mailto:`, new tabs): a tap shows the link as a QR
//!   code for the visitor's own phone ([`LinkQr`], encoded by the lazily loaded scanner module);
//! - the registry is fetched at start and again at its `next_update` ([`refresh_registry`]), and
//!   the idle screen shows when it was last updated;
//! - an offline bundle (`"preload"`: the label links of the products on display) is verified at
//!   each refresh, so their shards and timelines are on the device when the network drops; the
//!   idle screen says how many are ready;
//! - a camera stream that stops is restarted.

use crate::config::Config;
#[cfg(feature = "ui")]
use crate::i18n::{t, tf, T};
#[cfg(feature = "ui")]
use std::cell::Cell;
#[cfg(feature = "ui")]
use std::rc::Rc;
#[cfg(feature = "ui")]
use txng_core::Lang;
#[cfg(feature = "ui")]
use wasm_bindgen::closure::Closure;
#[cfg(feature = "ui")]
use wasm_bindgen::JsCast;
#[cfg(feature = "ui")]
use yew::prelude::*;

/// Default seconds from a result back to the idle screen.
pub const DEFAULT_RESET_SECS: u32 = 60;

/// The kiosk settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kiosk {
    /// Seconds from a result back to the idle screen (1–3600).
    pub reset_secs: u32,
    /// Whether the camera listens too (the wedge scanner always does).
    pub camera: bool,
}

impl Default for Kiosk {
    fn default() -> Self {
        Kiosk {
            reset_secs: DEFAULT_RESET_SECS,
            camera: false,
        }
    }
}

impl Kiosk {
    /// The kiosk settings of the configuration block's JSON text (`"kiosk": true` or an object),
    /// or of `?mode=kiosk` in the page's query (`search`, with or without the `?`). `None`: not a
    /// kiosk. Out-of-range values fall back to the defaults.
    pub fn from_page(config_json: Option<&str>, search: &str) -> Option<Kiosk> {
        let v = config_json.and_then(|t| {
            txng_core::json::parse(t.as_bytes(), txng_core::json::Nulls::Allowed).ok()
        });
        let k = v.as_ref().and_then(|v| v.get("kiosk"));
        let by_query = search
            .trim_start_matches('?')
            .split('&')
            .any(|p| p == "mode=kiosk");
        let mut out = match k {
            Some(serde_json::Value::Bool(true)) | Some(serde_json::Value::Object(_)) => {
                Kiosk::default()
            }
            _ if by_query => Kiosk::default(),
            _ => return None,
        };
        if let Some(o) = k.and_then(|k| k.as_object()) {
            if let Some(s) = o.get("reset_seconds").and_then(|s| s.as_u64()) {
                if (1..=3600).contains(&s) {
                    out.reset_secs = s as u32;
                }
            }
            if let Some(c) = o.get("camera").and_then(|c| c.as_bool()) {
                out.camera = c;
            }
        }
        Some(out)
    }
}

/// Seconds until the next registry refresh: at its `next_update`, at least a minute and at most
/// six hours away; after a failure, five minutes.
pub fn refresh_delay_secs(next_update: Option<i64>, now: i64) -> i64 {
    match next_update {
        Some(n) => (n - now).clamp(60, 6 * 3600),
        None => 300,
    }
}

/// What a kiosk's registry refresh found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refreshed {
    /// `(issued_at, next_update)` of the list in use (a sharded registry's index), if any.
    pub list: Option<(i64, i64)>,
    /// Labels of the offline bundle whose timeline is now on the device (their trace fetched
    /// while a service worker controls the page, which keeps it), and how many are listed.
    pub bundle: (usize, usize),
}

/// Fetches and verifies the registry (as a scan would: the core decides, the saved copy is the
/// fallback), then verifies each label of the offline bundle ([`Config::preload`]) the same way,
/// fetching its shard and trace document so they are kept on the device for offline scans.
pub async fn refresh_registry(cfg: &Config) -> Refreshed {
    let none = Refreshed {
        list: None,
        bundle: (0, cfg.preload.len()),
    };
    let Some(url) = crate::net::resolve(&cfg.registry_url, "") else {
        return none;
    };
    let src = crate::net::registry(&url).await;
    let now = crate::pipeline::now();
    let (v, _) = crate::pipeline::stage1("", &src, cfg, &url, now);
    let list = v
        .registry()
        .map(|r| (r.issued_at, r.next_update))
        .or(v.index().map(|i| (i.base.issued_at, i.base.next_update)));
    let kept = crate::net::worker_controlled();
    let mut ready = 0;
    for label in &cfg.preload {
        let (mut v, _) = crate::pipeline::stage1(label, &src, cfg, &url, now);
        #[cfg(feature = "sharded")]
        if cfg.sharded {
            crate::pipeline::add_shard(&mut v, &url).await;
        }
        if v.wants_trace()
            && matches!(
                crate::pipeline::add_trace(&mut v, &url).await,
                crate::state::TraceStatus::Loaded | crate::state::TraceStatus::Saved
            )
            && kept
        {
            ready += 1;
        }
    }
    Refreshed {
        list,
        bundle: (ready, cfg.preload.len()),
    }
}

/// Waits `ms` milliseconds.
pub async fn sleep_ms(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Props of [`Countdown`].
#[cfg(feature = "ui")]
#[derive(Properties, PartialEq)]
pub struct CountdownProps {
    /// Seconds to count down from.
    pub seconds: u32,
    /// Language.
    pub lang: Lang,
    /// Time is up.
    pub on_done: Callback<()>,
    /// "Quét mã khác" pressed.
    pub on_again: Callback<MouseEvent>,
}

/// The bar at the top of a kiosk result: "Quét mã khác" and the visible countdown
/// (`#kiosk-countdown`, `data-seconds`). Key it by the run so each result counts from the start.
#[cfg(feature = "ui")]
#[function_component]
pub fn Countdown(p: &CountdownProps) -> Html {
    let left = use_state(|| p.seconds);
    {
        let left = left.clone();
        let on_done = p.on_done.clone();
        let seconds = p.seconds;
        use_effect_with((), move |_| {
            let n = Rc::new(Cell::new(seconds));
            let cb = Closure::<dyn FnMut()>::new(move || {
                let v = n.get().saturating_sub(1);
                n.set(v);
                left.set(v);
                if v == 0 {
                    on_done.emit(());
                }
            });
            let id = web_sys::window().and_then(|w| {
                w.set_interval_with_callback_and_timeout_and_arguments_0(
                    cb.as_ref().unchecked_ref(),
                    1000,
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
    let secs = left.to_string();
    html! {
        <div class="kiosk-bar">
            <button id="scan-again" type="button" class="btn btn--primary kiosk-bar__again" onclick={p.on_again.clone()}>
                { t(T::ScanAgain, p.lang) }
            </button>
            <p id="kiosk-countdown" class="kiosk-bar__count" data-seconds={secs.clone()}>
                { tf(T::KioskBackIn, p.lang, &[&secs]) }
            </p>
        </div>
    }
}

/// Props of [`LinkQr`].
#[cfg(feature = "ui")]
#[derive(Properties, PartialEq)]
pub struct LinkQrProps {
    /// The link (absolute URL, `tel:` or `mailto:`).
    pub href: AttrValue,
    /// Language.
    pub lang: Lang,
    /// Where the scanner module (which has the QR encoder) is.
    pub pkg_base: AttrValue,
    /// Close.
    pub on_close: Callback<MouseEvent>,
}

/// A link shown as a QR code for the visitor's phone (`#kiosk-link`), instead of leaving the kiosk.
#[cfg(feature = "ui")]
#[function_component]
pub fn LinkQr(p: &LinkQrProps) -> Html {
    let qr = use_state(|| None::<(u32, String)>);
    {
        let qr = qr.clone();
        let base = p.pkg_base.clone();
        use_effect_with(p.href.clone(), move |href| {
            let href = href.to_string();
            qr.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(x) = crate::scan::loader::qr_path(&base, &href).await {
                    qr.set(Some(x));
                }
            });
        });
    }
    // The dialog takes the focus (keyboard and screen-reader users land in it).
    let close = use_node_ref();
    {
        let close = close.clone();
        use_effect_with((), move |_| {
            if let Some(b) = close.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let lang = p.lang;
    html! {
        <div id="kiosk-link" class="kiosk-link" role="dialog" aria-modal="true" aria-labelledby="kiosk-link-title">
            <div class="kiosk-link__box">
                <h2 id="kiosk-link-title">{ t(T::KioskLinkTitle, lang) }</h2>
                if let Some((size, d)) = (*qr).clone() {
                    <svg class="kiosk-link__qr" viewBox={format!("0 0 {size} {size}")} role="img"
                         aria-label={t(T::KioskLinkHint, lang)} data-href={p.href.clone()}>
                        <rect width="100%" height="100%" fill="#fff" />
                        <path d={d} fill="#000" />
                    </svg>
                }
                <p class="kiosk-link__hint">{ t(T::KioskLinkHint, lang) }</p>
                <p class="kiosk-link__url mono">{ p.href.clone() }</p>
                <button id="kiosk-link-close" ref={close} type="button" class="btn btn--primary btn--wide" onclick={p.on_close.clone()}>
                    { t(T::KioskLinkClose, lang) }
                </button>
            </div>
        </div>
    }
}

/// The target of a click on a link inside the kiosk, to show as a QR code instead of following
/// it: the anchor's resolved `href`.
#[cfg(feature = "ui")]
pub fn clicked_link(e: &MouseEvent) -> Option<String> {
    let el: web_sys::Element = e.target()?.dyn_into().ok()?;
    let a = el.closest("a[href]").ok()??;
    let href = js_sys::Reflect::get(&a, &"href".into()).ok()?.as_string()?;
    (!href.is_empty()).then_some(href)
}

/// Bytes of the widget's wasm linear memory (for the kiosk soak's figures: it must stay flat).
#[cfg(feature = "ui")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()))
}

/// Whether the kiosk's camera view has a stream that stopped (every video track `ended`: the
/// camera was unplugged, the driver reset, the browser revoked it): then the view is remounted,
/// which asks for the camera again.
#[cfg(feature = "ui")]
pub fn camera_stopped(root: &NodeRef) -> bool {
    let Some(video) = root
        .cast::<web_sys::Element>()
        .and_then(|r| r.query_selector("#camera-view video").ok().flatten())
        .and_then(|v| v.dyn_into::<web_sys::HtmlVideoElement>().ok())
    else {
        return false;
    };
    let Some(stream) = video.src_object() else {
        return false;
    };
    let tracks = stream.get_video_tracks();
    tracks.length() > 0
        && tracks.iter().all(|t| {
            js_sys::Reflect::get(&t, &"readyState".into())
                .ok()
                .and_then(|s| s.as_string())
                .is_some_and(|s| s == "ended")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_from_config_and_query() {
        assert_eq!(Kiosk::from_page(None, ""), None);
        assert_eq!(
            Kiosk::from_page(Some(r#"{"registry_url":"/r"}"#), "?x=1"),
            None
        );
        assert_eq!(
            Kiosk::from_page(Some(r#"{"kiosk":false}"#), ""),
            None,
            "off in the config, no query"
        );
        assert_eq!(
            Kiosk::from_page(None, "?mode=kiosk"),
            Some(Kiosk::default())
        );
        assert_eq!(
            Kiosk::from_page(None, "a=b&mode=kiosk"),
            Some(Kiosk::default())
        );
        assert_eq!(Kiosk::from_page(None, "?mode=kiosks"), None);
        assert_eq!(
            Kiosk::from_page(Some(r#"{"kiosk":true}"#), ""),
            Some(Kiosk::default())
        );
        assert_eq!(
            Kiosk::from_page(Some(r#"{"kiosk":{"reset_seconds":5,"camera":true}}"#), ""),
            Some(Kiosk {
                reset_secs: 5,
                camera: true
            })
        );
        for bad in ["0", "3601", "-5", "1.5", "\"10\""] {
            let json = format!(r#"{{"kiosk":{{"reset_seconds":{bad}}}}}"#);
            assert_eq!(
                Kiosk::from_page(Some(&json), "").map(|k| k.reset_secs),
                Some(DEFAULT_RESET_SECS),
                "{bad}"
            );
        }
        assert_eq!(DEFAULT_RESET_SECS, 60);
    }

    #[test]
    fn refresh_at_next_update_within_bounds() {
        assert_eq!(refresh_delay_secs(Some(1_000 + 3_600), 1_000), 3_600);
        assert_eq!(
            refresh_delay_secs(Some(1_000), 1_000),
            60,
            "due or past: soon, not a loop"
        );
        assert_eq!(refresh_delay_secs(Some(0), 1_000), 60);
        assert_eq!(
            refresh_delay_secs(Some(1_000 + 86_400 * 30), 1_000),
            6 * 3600
        );
        assert_eq!(refresh_delay_secs(None, 1_000), 300);
    }
}
