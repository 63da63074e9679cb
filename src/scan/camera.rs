//! The camera: `getUserMedia` with the back camera, a frame loop (~10 frames a second on
//! `requestAnimationFrame`) that draws only the viewfinder crop of the video into a small reused
//! canvas and hands it to the decoder, the torch where the track supports it, and stopping every
//! track when the view closes.
//!
//! Per frame the Rust side allocates nothing: the pixels go canvas → decoder in JS
//! (`loader::decode_canvas`), and the only copy is into the decoder's own memory.

use crate::scan::loader;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Minimum time between two decoded frames (≈ 10 fps: plenty for a QR code, easy on batteries).
pub const FRAME_INTERVAL_MS: f64 = 100.0;
/// The viewfinder's share of the video's short side (the overlay in the CSS matches it).
pub const CROP: f64 = 0.75;
/// Longest side of the canvas the crop is drawn into.
pub const CROP_MAX: u32 = 640;

/// Why the camera is not available; each has its own message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraError {
    /// Not a secure context (http:): browsers hide the camera.
    Insecure,
    /// No camera on the device.
    NoCamera,
    /// The user or a policy refused.
    Denied,
    /// Another app holds the camera.
    InUse,
    /// Anything else.
    Failed,
    /// The decoder module could not be loaded.
    Scanner,
}

/// A 2D context meant for frequent `getImageData` (keeps the canvas in CPU memory).
pub fn context_2d(
    canvas: &web_sys::HtmlCanvasElement,
) -> Option<web_sys::CanvasRenderingContext2d> {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"willReadFrequently".into(), &JsValue::TRUE);
    canvas
        .get_context_with_context_options("2d", &opts)
        .ok()??
        .dyn_into()
        .ok()
}

fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// Opens the back camera.
pub async fn open() -> Result<web_sys::MediaStream, CameraError> {
    let window = web_sys::window().ok_or(CameraError::Failed)?;
    if !window.is_secure_context() {
        return Err(CameraError::Insecure);
    }
    let nav = window.navigator();
    let has = js_sys::Reflect::get(&nav, &"mediaDevices".into())
        .map(|d| !d.is_undefined() && !d.is_null())
        .unwrap_or(false);
    if !has {
        return Err(CameraError::NoCamera);
    }
    let devices = nav.media_devices().map_err(|_| CameraError::NoCamera)?;
    let video = js_sys::Object::new();
    let ideal = |v: f64| {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"ideal".into(), &v.into());
        o
    };
    let _ = js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into());
    let _ = js_sys::Reflect::set(&video, &"width".into(), &ideal(1280.0));
    let _ = js_sys::Reflect::set(&video, &"height".into(), &ideal(720.0));
    let c = web_sys::MediaStreamConstraints::new();
    c.set_video(&video);
    c.set_audio(&JsValue::FALSE);
    let p = devices
        .get_user_media_with_constraints(&c)
        .map_err(|_| CameraError::Failed)?;
    match JsFuture::from(p).await {
        Ok(s) => s.dyn_into().map_err(|_| CameraError::Failed),
        Err(e) => Err(match error_name(&e).as_str() {
            "NotAllowedError" | "PermissionDeniedError" | "SecurityError" => CameraError::Denied,
            "NotFoundError" | "DevicesNotFoundError" | "OverconstrainedError" => {
                CameraError::NoCamera
            }
            "NotReadableError" | "TrackStartError" | "AbortError" => CameraError::InUse,
            _ => CameraError::Failed,
        }),
    }
}

/// Stops every track (the camera light goes off).
pub fn stop(stream: &web_sys::MediaStream) {
    for t in stream.get_tracks().iter() {
        if let Ok(t) = t.dyn_into::<web_sys::MediaStreamTrack>() {
            t.stop();
        }
    }
}

/// The stream's video track.
pub fn video_track(stream: &web_sys::MediaStream) -> Option<web_sys::MediaStreamTrack> {
    stream.get_video_tracks().get(0).dyn_into().ok()
}

/// The viewfinder crop of a `vw × vh` frame: `(x, y, side, canvas side)`.
pub fn crop(vw: u32, vh: u32) -> Option<(u32, u32, u32, u32)> {
    let side = (f64::from(vw.min(vh)) * CROP) as u32;
    if side == 0 {
        return None;
    }
    Some(((vw - side) / 2, (vh - side) / 2, side, side.min(CROP_MAX)))
}

/// The `requestAnimationFrame` callback.
type FrameCallback = Closure<dyn FnMut(f64)>;

struct LoopState {
    running: Cell<bool>,
    raf: Cell<Option<i32>>,
    cb: RefCell<Option<FrameCallback>>,
}

/// The running frame loop; dropping it stops the loop (not the stream).
pub struct FrameLoop {
    state: Rc<LoopState>,
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        self.state.running.set(false);
        if let (Some(id), Some(w)) = (self.state.raf.take(), web_sys::window()) {
            let _ = w.cancel_animation_frame(id);
        }
        // Breaks the closure ↔ state cycle. Never called from inside the closure: a found code
        // is reported from a separate task (see `start`).
        drop(self.state.cb.borrow_mut().take());
    }
}

fn request_frame(state: &LoopState) {
    let Some(w) = web_sys::window() else { return };
    if let Some(cb) = state.cb.borrow().as_ref() {
        state
            .raf
            .set(w.request_animation_frame(cb.as_ref().unchecked_ref()).ok());
    }
}

/// Starts decoding frames of a playing video; `on_code` gets the first code found (once).
pub fn start(
    video: web_sys::HtmlVideoElement,
    scanner: JsValue,
    on_code: impl Fn(String) + 'static,
) -> Option<FrameLoop> {
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    let ctx = context_2d(&canvas)?;
    let state = Rc::new(LoopState {
        running: Cell::new(true),
        raf: Cell::new(None),
        cb: RefCell::new(None),
    });
    let on_code = Rc::new(on_code);
    let last = Cell::new(f64::NEG_INFINITY);
    let st = Rc::downgrade(&state);
    let cb = Closure::<dyn FnMut(f64)>::new(move |t: f64| {
        let Some(state) = st.upgrade() else { return };
        if !state.running.get() {
            return;
        }
        if t - last.get() >= FRAME_INTERVAL_MS {
            last.set(t);
            if let Some(text) = frame(&video, &canvas, &ctx, &scanner) {
                state.running.set(false);
                let f = on_code.clone();
                wasm_bindgen_futures::spawn_local(async move { f(text) });
                return;
            }
        }
        request_frame(&state);
    });
    *state.cb.borrow_mut() = Some(cb);
    request_frame(&state);
    Some(FrameLoop { state })
}

fn frame(
    video: &web_sys::HtmlVideoElement,
    canvas: &web_sys::HtmlCanvasElement,
    ctx: &web_sys::CanvasRenderingContext2d,
    scanner: &JsValue,
) -> Option<String> {
    if video.ready_state() < 2 {
        return None; // HAVE_CURRENT_DATA
    }
    let (x, y, side, dst) = crop(video.video_width(), video.video_height())?;
    if canvas.width() != dst {
        canvas.set_width(dst);
        canvas.set_height(dst);
    }
    ctx.draw_image_with_html_video_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
        video,
        x.into(),
        y.into(),
        side.into(),
        side.into(),
        0.0,
        0.0,
        dst.into(),
        dst.into(),
    )
    .ok()?;
    loader::decode_canvas(scanner, ctx, dst, dst, false)
        .ok()
        .flatten()
}

/// Whether the torch can be switched on this stream.
pub fn torch_supported(stream: &web_sys::MediaStream) -> bool {
    video_track(stream).is_some_and(|t| loader::torch_supported(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops() {
        assert_eq!(crop(1280, 720), Some((370, 90, 540, 540)));
        assert_eq!(crop(1920, 1080), Some((555, 135, 810, 640)));
        assert_eq!(crop(0, 0), None);
    }
}
