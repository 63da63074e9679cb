//! Verify-first (issue 10): on the standalone page opened from a label link, the verdict is shown
//! by a small module without Yew (`crates/txng-first`: this crate without the `ui` feature), and
//! the Yew interface loads after it.
//!
//! It runs the interface's own pipeline ([`crate::pipeline::run`]: registry with the preload,
//! saved copy, rollback mark, sharded registry, trace) through the interface's own reducer, and
//! writes the interface's own verdict banner ([`crate::verdict::banner`]) with DOM calls, so it
//! shows exactly the verdict the interface would. It waits for the final verdict (after the trace
//! document): no verdict that could still change is shown. Then it hands the bodies it fetched
//! to the interface (`net::recorded_to_js`), which verifies them again and replaces this banner
//! with the whole page once its own verdict is final (`app::App`).
//!
//! Pages it leaves to the interface: not a label link, a kiosk, a configuration problem, a
//! reader whose language this build has no texts for (the Vietnamese-only builds, see
//! `Lang::texts`), and a sharded registry in the build for single-file ones (`pipeline::READS_SHARDED`).

use crate::config::Config;
use crate::i18n::{t, T};
use crate::state::{Action, AppState, Phase};
use crate::{marks, net, pipeline, verdict};
use std::cell::RefCell;
use std::rc::Rc;
use txng_core::{Banner, Lang};
use wasm_bindgen::JsValue;

/// The class of the element this module writes into `#txng` (removed by the interface).
pub const FIRST_CLASS: &str = "txng-first";

/// What the page asks of the verify-first module.
#[derive(Debug)]
struct Page {
    link: String,
    config: Config,
    lang: Lang,
}

fn page() -> Option<Page> {
    let w = web_sys::window()?;
    let doc = w.document()?;
    let loc = w.location();
    let link = crate::digital_link_of(&loc.href().ok()?, &loc.pathname().ok()?)?;
    let text = doc
        .get_element_by_id(crate::config::CONFIG_ELEMENT_ID)?
        .text_content()?;
    if crate::kiosk::Kiosk::from_page(Some(&text), &loc.search().unwrap_or_default()).is_some() {
        return None; // a kiosk's idle screen and countdown are the interface's
    }
    let config = Config::from_json(&text).ok()?;
    let saved = w
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(crate::LANG_KEY).ok().flatten())
        .and_then(|l| Lang::parse(&l));
    let lang = saved.unwrap_or(config.lang);
    if lang.texts() != lang {
        // This build has no English texts (feature `en` off, `pkg/txng_first*`): a reader who
        // chose English gets the verdict from the interface (assets/boot.js picks
        // `pkg/txng_first_en*` for them; this is the fallback if the page guessed otherwise).
        return None;
    }
    if config.sharded && !crate::pipeline::READS_SHARDED {
        // This build reads single-file registries only (feature `sharded` off, `pkg/txng_first*`):
        // a page configured for a sharded one gets its verdict from the interface (the page picks
        // `pkg/txng_first_sharded*` for it; this is the fallback if it guessed otherwise).
        return None;
    }
    Some(Page { link, config, lang })
}

/// Verifies the page's label link and shows the final verdict in `#txng`. Returns what the
/// interface module takes over (see [`net::recorded_to_js`]), or `null` when this page is left
/// to the interface. `prefetch`: the page's `take(url)` for the requests it started (see
/// [`net::accept_prefetch`]), or `undefined`.
pub async fn verify_page(prefetch: JsValue) -> JsValue {
    let Some(p) = page() else {
        return JsValue::NULL;
    };
    net::accept_prefetch(&prefetch);
    net::record_fetches();
    let at = pipeline::now();
    let state = Rc::new(RefCell::new(AppState::new(p.lang, None).apply(
        Action::Begin {
            run: 1,
            scanned: Rc::from(p.link.as_str()),
            at,
        },
    )));
    let s = state.clone();
    pipeline::run(Rc::from(p.link.as_str()), Rc::new(p.config), 1, move |a| {
        let next = s.borrow().apply(a);
        *s.borrow_mut() = next;
    })
    .await;
    let handed = net::recorded_to_js();
    let st = state.borrow();
    if let (Phase::Done(v), true) = (&st.phase, pipeline::settled(&st)) {
        // Only the banner: the product card and timeline are the interface's.
        let banner = Banner::new(v, p.lang, Some(at));
        show(&verdict::banner(&banner, p.lang, false), p.lang);
    }
    handed
}

/// Replaces the boot placeholder's "loading" line with the banner (in `div.main.txng-first`).
fn show(banner: &crate::tree::El, lang: Lang) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.get_element_by_id(crate::MOUNT_ID) else {
        return;
    };
    // A polite live region, as the "loading" line it replaces: a screen reader announces the
    // verdict as soon as it shows (the interface's own live region announces it again later).
    let Ok(el) = crate::tree::El::new("div")
        .attr("class", format!("main {FIRST_CLASS}"))
        .attr("role", "status")
        .child(banner.clone())
        .to_dom(&doc)
    else {
        return;
    };
    match root.query_selector(".boot__msg").ok().flatten() {
        Some(msg) => {
            let _ = msg.replace_with_with_node_1(&el);
        }
        None => {
            let _ = root.append_child(&el);
        }
    }
    // The placeholder's header (index.html) is the interface's, in Vietnamese: in the reader's
    // language, so the page does not change language when the interface replaces it. Each key a
    // constant (src/i18n.rs `t`: the module then holds only these texts of the interface's table).
    for (sel, text) in [
        (".boot .top__title", t(T::AppTitle, lang)),
        (".boot .top__sub", t(T::AppSubtitle, lang)),
        (".boot .top__slot", t(T::LangSwitch, lang)),
    ] {
        if let Ok(Some(e)) = root.query_selector(sel) {
            e.set_text_content(Some(text));
        }
    }
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang.as_str());
    }
    marks::after_paint(marks::VERDICT);
}
