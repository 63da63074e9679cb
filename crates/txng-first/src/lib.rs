//! # txng-first
//!
//! The verify-first module of the standalone page (issue 10): `txng-web` without its Yew
//! interface. `assets/boot.js` loads it first on a label link's page; it verifies the link and
//! shows the final verdict (`txng_web::first`), then the page loads the interface and hands it
//! what this module fetched. About half the interface's bytes, so the verdict does not wait
//! for Yew, the scanner views, the kiosk or the embedding code.
#![deny(missing_docs)]

use wasm_bindgen::prelude::*;

/// The allocator of this module: talc instead of the standard library's dlmalloc (issue 10: bytes
/// before the verdict). Measured 2026-11-30 on the Vietnamese single-file build: 78,941 -> 77,546
/// bytes brotli; the core's verification of the demo registry, label and trace in wasm under Node
/// as fast (first run 10-24 ms, warm 1.6-2.9 ms, either allocator). talc is a maintained allocator
/// made for WebAssembly, used here through its safe constructor. Only this module: the interface
/// (`txng-web`), which verifies the same bytes again and replaces this module's banner with its
/// own verdict, keeps dlmalloc. Not lol_alloc (−1.9 KB): its author calls it a learning project.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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
