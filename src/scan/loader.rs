//! Lazy loading of the QR decoder module (`pkg/scan/txng_scan.js` + its wasm), which is NOT part of
//! the first page load: it is imported only when the camera or photo view opens.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/scan/loader.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = loadScanner)]
    async fn load_scanner(base: &str) -> Result<JsValue, JsValue>;

    /// Decodes the `w × h` canvas with the decoder (`full`: photo cascade, else one camera pass).
    #[wasm_bindgen(catch, js_name = decodeCanvas)]
    pub fn decode_canvas(
        scanner: &JsValue,
        ctx: &web_sys::CanvasRenderingContext2d,
        w: u32,
        h: u32,
        full: bool,
    ) -> Result<Option<String>, JsValue>;

    /// Whether the camera track can switch its torch on.
    #[wasm_bindgen(js_name = torchSupported)]
    pub fn torch_supported(track: &web_sys::MediaStreamTrack) -> bool;

    #[wasm_bindgen(catch, js_name = setTorch)]
    async fn set_torch_js(track: &web_sys::MediaStreamTrack, on: bool) -> Result<JsValue, JsValue>;
}

/// The decoder (a JS holder of a `Scanner`, replaced by `decodeCanvas` if it traps), loading it on
/// first use. The module is fetched once; a failed load may be retried.
pub async fn scanner(pkg_base: &str) -> Result<JsValue, JsValue> {
    load_scanner(pkg_base).await
}

/// Switches the torch; errors are ignored (the button simply does nothing on odd devices).
pub async fn set_torch(track: &web_sys::MediaStreamTrack, on: bool) -> bool {
    set_torch_js(track, on).await.is_ok()
}
