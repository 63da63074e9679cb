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

    #[wasm_bindgen(catch, js_name = qrPath)]
    async fn qr_path_js(base: &str, text: &str) -> Result<JsValue, JsValue>;

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

/// The QR code of `text` as an SVG path (one `h1v1h-1z` square per dark module) and the side of
/// its viewBox (quiet zone included), from the lazily loaded encoder module (`pkg/scan/txng_qr.js`); `None` if the module
/// cannot be loaded or the text does not fit a QR code.
pub async fn qr_path(pkg_base: &str, text: &str) -> Option<(u32, String)> {
    let v = qr_path_js(pkg_base, text).await.ok()?.as_string()?;
    let (size, d) = v.split_once(' ')?;
    Some((size.parse().ok()?, d.to_string()))
}
