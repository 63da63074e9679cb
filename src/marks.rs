//! Performance marks read by `scripts/budgets.mjs` (issue 10): the load → verdict time is measured
//! in the page, from navigation start (the marks' `startTime`), not by a script polling the DOM.
//!
//! - [`USABLE`]: the widget's first screen is in place (after its first paint).
//! - [`VERDICT`]: the first verdict of a verification is on screen (after its paint).
//!
//! Each is set once per module instance, for the page's first screen and first verdict: the
//! browser keeps user-timing marks for the page's whole life (no buffer limit), so a kiosk
//! scanning all day collected one per scan. Found by heap snapshots of the kiosk soak: of the JS
//! heap's growth between scans 200 and 800, 552 KB were `PerformanceMark`s (4,200 of them).
//!
//! Through `js_sys::Reflect` rather than `web_sys::Performance`, so no web-sys feature is added.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The marks this module has set (or scheduled).
    static SET: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

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
/// the next animation frame runs after that frame's style, layout and paint. Only the first time
/// for each name (see the module's documentation); later calls do nothing.
pub fn after_paint(name: &'static str) {
    let first = SET.with(|s| {
        let mut s = s.borrow_mut();
        let first = !s.contains(&name);
        if first {
            s.push(name);
        }
        first
    });
    let Some(w) = web_sys::window().filter(|_| first) else {
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
