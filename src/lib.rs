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
//! One module script defines the `<txng-verifier>` custom element ([`embed`],
//! `assets/txng-verifier.js`), which renders inside its own shadow root:
//!
//! ```html
//! <script type="module" src="https://HOST/assets/txng-verifier.js"></script>
//! <txng-verifier registry="https://HOST/registry.jws" anchors="kid:base64url-key" lang="vi"></txng-verifier>
//! ```
//!
//! The standalone page (`index.html`, `assets/boot.js`) mounts into `#txng` with the
//! `#txng-config` block ([`mount_page`]); only it reads the page address as a scanned code.
#![deny(missing_docs)]

#[cfg(feature = "ui")]
pub mod app;
#[cfg(feature = "ui")]
pub mod components;
pub mod config;
#[cfg(feature = "ui")]
pub mod embed;
pub mod first;
pub mod i18n;
pub mod kiosk;
pub mod links;
pub mod marks;
pub mod net;
pub mod pipeline;
#[cfg(feature = "ui")]
pub mod scan;
pub mod state;
pub mod tree;
pub mod verdict;

#[cfg(feature = "ui")]
use wasm_bindgen::prelude::*;

/// The id of the mount point.
pub const MOUNT_ID: &str = "txng";

/// Where the chosen language is kept on this device (not in a kiosk).
pub const LANG_KEY: &str = "txng.lang";

/// The page address if it is a label link: its path has a segment `01` followed by a 14-digit
/// GTIN segment (FORMAT.md §1.1: any segments may precede `/01/{gtin}`). Other pages (a news
/// URL such as `/2026/01/tin-tuc.html`) are not scanned codes.
pub fn digital_link_of(href: &str, pathname: &str) -> Option<String> {
    let segs: Vec<&str> = pathname.split('/').collect();
    let label = segs
        .windows(2)
        .find(|w| w[0] == "01")
        .is_some_and(|w| w[1].len() == 14 && w[1].bytes().all(|b| b.is_ascii_digit()));
    label.then(|| href.to_string())
}

/// The standalone page (`assets/boot.js` calls it after loading the module): reads the
/// `#txng-config` block, takes the page address as a scanned code if it is a label link, and
/// mounts the app into `#txng`. Does nothing on a page without `#txng` (the custom element of
/// [`embed`] mounts itself).
///
/// `handed`: what the verify-first module ([`first`]) fetched, if it showed this page's verdict
/// (`null`/`undefined` otherwise). The app then verifies the same bytes and replaces that banner
/// once its own verdict is final.
#[cfg(feature = "ui")]
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(handed: JsValue) {
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
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|l| txng_core::Lang::parse(&l));
    let config_text = doc
        .get_element_by_id(config::CONFIG_ELEMENT_ID)
        .and_then(|e| e.text_content());
    let kiosk = kiosk::Kiosk::from_page(config_text.as_deref(), &loc.search().unwrap_or_default());
    // What the verify-first module fetched serves this link's first run (one request each);
    // its banner stays until the app's own verdict is final.
    if handed.is_array() && initial_link.is_some() {
        net::accept_handed(&handed);
    }
    let taking_over = doc
        .query_selector(&format!("#{MOUNT_ID} .{}", first::FIRST_CLASS))
        .ok()
        .flatten()
        .is_some()
        && initial_link.is_some();
    let props = app::Props {
        config,
        initial_link,
        // A kiosk keeps nothing of earlier visitors, their language included.
        saved_lang: saved_lang.filter(|_| kiosk.is_none()),
        embedded: false,
        compact: false,
        kiosk,
        taking_over,
    };
    if let Some(root) = doc.get_element_by_id(MOUNT_ID) {
        let _ = root.class_list().add_1("txng-root");
        // Yew empties the element it mounts into: taking over, it gets its own, after the first
        // module's banner (which the app removes once its verdict is final).
        let host = if taking_over {
            doc.create_element("div")
                .ok()
                .filter(|h| root.append_child(h).is_ok())
        } else {
            None
        };
        yew::Renderer::<app::App>::with_root_and_props(host.unwrap_or(root), props).render();
    }
}

#[cfg(test)]
mod tests {
    use super::digital_link_of;

    #[test]
    fn only_label_paths_are_scanned_codes() {
        let label = "https://truyxuat.quangtri.gov.vn/01/08935012345677/10/CF2406A?8030=x";
        assert_eq!(
            digital_link_of(label, "/01/08935012345677/10/CF2406A").as_deref(),
            Some(label)
        );
        assert!(digital_link_of("h", "/qt/01/08935012345677").is_some());
        for not_label in [
            "/2026/01/tin-tuc-san-pham.html",
            "/2026/01/",
            "/01/",
            "/01",
            "/",
            "/index.html",
            "/01/0893501234567",
            "/01/089350123456778",
            "/01/0893501234567x",
            "/x01/08935012345677",
            "/2026/01/08935012345677x",
        ] {
            assert_eq!(digital_link_of("h", not_label), None, "{not_label}");
        }
    }
}
