//! # txng-first
//!
//! The verify-first module of the standalone page (issue 10): `txng-web` without its Yew
//! interface. `assets/boot.js` loads it first on a label link's page; it verifies the link and
//! shows the final verdict (`txng_web::first`), then the page loads the interface and hands it
//! what this module fetched. About half the interface's bytes, so the verdict does not wait
//! for Yew, the scanner views, the kiosk or the embedding code.
#![deny(missing_docs)]

use wasm_bindgen::prelude::*;

/// Verifies the page's label link and shows its verdict; resolves to what the interface takes
/// over (`mountPage(handed)`), or `null` when the page is left to the interface. `prefetch`: the
/// page's `take(url)` for the registry and trace requests it started (`assets/boot.js`), or
/// `undefined`.
#[wasm_bindgen(js_name = verifyPage)]
pub fn verify_page(prefetch: JsValue) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        Ok(txng_web::first::verify_page(prefetch).await)
    })
}
