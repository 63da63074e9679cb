//! The `<txng-verifier>` custom element's entry point (the element itself is defined by
//! `assets/txng-verifier.js`, which creates the shadow root, loads the styles into it and calls
//! [`mount_element`]).
//!
//! ```html
//! <script type="module" src="https://HOST/assets/txng-verifier.js"></script>
//! <txng-verifier registry="https://HOST/registry.jws"
//!                anchors="qt-sokhcn-2026a:X7kREYgM… qt-sokhcn-2026b:ySSXfSoI…"
//!                lang="vi" mode="full"></txng-verifier>
//! ```
//!
//! Embedded, the widget never reads the host page's address (a news URL like `/2026/01/…` is not
//! a scanned code), never writes `<html lang>` or the saved language, and hears a keyboard-wedge
//! scanner only while the focus is inside it. Each element is its own app: two on one page are
//! independent.

use crate::app::{App, Props};
use crate::config::Config;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// A mounted widget; `unmount` when the element leaves the page.
#[wasm_bindgen]
pub struct Mounted(Option<yew::AppHandle<App>>);

#[wasm_bindgen]
impl Mounted {
    /// Removes the widget and its listeners.
    pub fn unmount(&mut self) {
        if let Some(h) = self.0.take() {
            h.destroy();
        }
    }
}

/// Mounts a widget into `root` (an element inside the custom element's shadow root) from the
/// element's attributes (see [`Config::from_attributes`]); `mode` is `full` or `compact`.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(
    root: web_sys::Element,
    registry: &str,
    anchors: &str,
    lang: &str,
    mode: &str,
    registry_format: &str,
    pkg_base: &str,
) -> Mounted {
    let config = Rc::new(Config::from_attributes(
        registry,
        anchors,
        lang,
        registry_format,
        pkg_base,
    ));
    let props = Props {
        config,
        initial_link: None,
        saved_lang: None,
        embedded: true,
        compact: mode.trim().eq_ignore_ascii_case("compact"),
        kiosk: None,
        taking_over: false,
    };
    Mounted(Some(
        yew::Renderer::<App>::with_root_and_props(root, props).render(),
    ))
}
