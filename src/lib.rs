//! # txng-web
//!
//! The txng verifier widget: a Yew app compiled to WebAssembly that verifies signed
//! product-traceability QR codes with `txng-core`, on the user's device.
//!
//! ```text
//! inputs (page link, camera, photo, paste, wedge scanner) → pipeline (net + core) → reducer → components
//! ```
//!
//! ## Embedding on a department website
//!
//! ```html
//! <link rel="stylesheet" href="/assets/app.css">
//! <script id="txng-config" type="application/json">{"registry_url": "…", "anchors": […]}</script>
//! <div id="txng"></div>
//! <script type="module" src="/assets/boot.js"></script>
//! ```
//!
//! The widget mounts into `#txng` (or `<body>` when there is none). See `config` for the
//! configuration block. The QR decoder is a separate wasm module loaded only when needed.
#![deny(missing_docs)]

pub mod app;
pub mod components;
pub mod config;
pub mod i18n;
pub mod links;
pub mod marks;
pub mod net;
pub mod pipeline;
pub mod scan;
pub mod state;

use wasm_bindgen::prelude::*;

/// The id of the mount point.
pub const MOUNT_ID: &str = "txng";

/// The page address if it is a GS1 Digital Link (its path has a `/01/` segment).
pub fn digital_link_of(href: &str, pathname: &str) -> Option<String> {
    (pathname.contains("/01/")).then(|| href.to_string())
}

/// Entry point: reads the configuration and mounts the app.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
        return;
    };
    let config = std::rc::Rc::new(config::Config::from_page());
    let loc = window.location();
    let initial_link = match (loc.href(), loc.pathname()) {
        (Ok(h), Ok(p)) => digital_link_of(&h, &p).map(Into::into),
        _ => None,
    };
    let saved_lang = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(app::LANG_KEY).ok().flatten())
        .and_then(|l| txng_core::Lang::parse(&l));
    let props = app::Props {
        config,
        initial_link,
        saved_lang,
    };
    match doc.get_element_by_id(MOUNT_ID) {
        Some(root) => {
            root.set_text_content(None); // drop the "loading" placeholder
            yew::Renderer::<app::App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<app::App>::with_props(props).render();
        }
    }
}
