//! Performance marks read by `scripts/budgets.mjs` (issue 10): the load → verdict time is measured
//! in the page, from navigation start (the marks' `startTime`), not by a script polling the DOM.
//!
//! - [`USABLE`]: the widget's first screen is in place (after its first paint).
//! - [`VERDICT`]: the first verdict of a verification is on screen (after its paint).
//!
//! Through `js_sys::Reflect` rather than `web_sys::Performance`, so no web-sys feature is added.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Mark name: the first screen is usable.
pub const USABLE: &str = "txng-usable";
/// Mark name: a verdict has been painted.
pub const VERDICT: &str = "txng-verdict";

fn mark(name: &str) {
    let global = js_sys::global();
    let Ok(perf) = js_sys::Reflect::get(&global, &JsValue::from_str("performance")) else {
        return;
    };
    let Ok(f) = js_sys::Reflect::get(&perf, &JsValue::from_str("mark")) else {
        return;
    };
    if let Some(f) = f.dyn_ref::<js_sys::Function>() {
        let _ = f.call1(&perf, &JsValue::from_str(name));
    }
}

/// Sets `performance.mark(name)` once what is in the DOM now has been painted: a task queued from
/// the next animation frame runs after that frame's style, layout and paint.
pub fn after_paint(name: &'static str) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let frame = Closure::once_into_js(move || {
        let task = Closure::once_into_js(move || mark(name));
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(task.unchecked_ref());
        }
    });
    let _ = w.request_animation_frame(frame.unchecked_ref());
}
