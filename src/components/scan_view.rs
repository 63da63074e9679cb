//! The camera view (`#camera-view`): the video with a viewfinder, the torch where supported
//! (`#torch-toggle`), a close button (`#close-camera`) and clear messages when the camera cannot
//! be used (`#camera-error`). Opening the view loads the decoder module; closing it (or leaving the
//! view any other way) stops the frame loop and every camera track.

use crate::i18n::{t, T};
use crate::scan::camera::{self, CameraError, FrameLoop};
use crate::scan::loader;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use txng_core::Lang;
use web_sys::{HtmlVideoElement, MediaStream};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Language.
    pub lang: Lang,
    /// Where the decoder module is (config `pkg_base`).
    pub pkg_base: AttrValue,
    /// A code was read.
    pub on_scan: Callback<String>,
    /// Close the view.
    pub on_close: Callback<()>,
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Starting,
    LoadingScanner,
    Running { torch: bool },
    Failed(CameraError),
}

#[derive(Default)]
struct Session {
    cancelled: Cell<bool>,
    stream: RefCell<Option<MediaStream>>,
    frames: RefCell<Option<FrameLoop>>,
}

impl Session {
    fn stop(&self) {
        self.cancelled.set(true);
        drop(self.frames.borrow_mut().take());
        if let Some(s) = self.stream.borrow_mut().take() {
            camera::stop(&s);
        }
    }
}

fn error_text(e: CameraError) -> T {
    match e {
        CameraError::Insecure => T::CameraInsecure,
        CameraError::NoCamera => T::CameraNone,
        CameraError::Denied => T::CameraDenied,
        CameraError::InUse => T::CameraInUse,
        CameraError::Failed => T::CameraFailed,
        CameraError::Scanner => T::ScannerFailed,
    }
}

async fn start(
    session: Rc<Session>,
    video: HtmlVideoElement,
    base: AttrValue,
    status: UseStateHandle<Status>,
    on_scan: Callback<String>,
) {
    // Fetch the decoder while the user answers the permission prompt (the load is shared).
    let prefetch = base.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = loader::scanner(&prefetch).await;
    });
    let stream = match camera::open().await {
        Ok(s) => s,
        Err(e) => {
            if !session.cancelled.get() {
                status.set(Status::Failed(e));
            }
            return;
        }
    };
    if session.cancelled.get() {
        camera::stop(&stream);
        return;
    }
    video.set_src_object(Some(&stream));
    if let Ok(p) = video.play() {
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
    let torch = camera::torch_supported(&stream);
    *session.stream.borrow_mut() = Some(stream);
    status.set(Status::LoadingScanner);
    let scanner = match loader::scanner(&base).await {
        Ok(s) => s,
        Err(_) => {
            if !session.cancelled.get() {
                session.stop();
                status.set(Status::Failed(CameraError::Scanner));
            }
            return;
        }
    };
    if session.cancelled.get() {
        return;
    }
    let s2 = session.clone();
    let frames = camera::start(video, scanner, move |text| {
        s2.stop();
        on_scan.emit(text);
    });
    *session.frames.borrow_mut() = frames;
    status.set(Status::Running { torch });
}

/// The camera view.
#[function_component]
pub fn ScanView(p: &Props) -> Html {
    let lang = p.lang;
    let video = use_node_ref();
    let status = use_state(|| Status::Starting);
    let torch_on = use_state(|| false);
    let session = use_mut_ref(|| Rc::new(Session::default()));
    {
        let (video, status, session) = (video.clone(), status.clone(), session.clone());
        let (base, on_scan) = (p.pkg_base.clone(), p.on_scan.clone());
        use_effect_with((), move |_| {
            let s = session.borrow().clone();
            if let Some(v) = video.cast::<HtmlVideoElement>() {
                wasm_bindgen_futures::spawn_local(start(s.clone(), v, base, status, on_scan));
            }
            move || s.stop()
        });
    }
    let on_torch = {
        let (session, torch_on) = (session.clone(), torch_on.clone());
        Callback::from(move |_: MouseEvent| {
            let s = session.borrow().clone();
            let track = s.stream.borrow().as_ref().and_then(camera::video_track);
            if let Some(track) = track {
                let want = !*torch_on;
                let torch_on = torch_on.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if loader::set_torch(&track, want).await {
                        torch_on.set(want);
                    }
                });
            }
        })
    };
    let close = {
        let cb = p.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let (hint, failed) = match *status {
        Status::Starting => (Some(t(T::CameraStarting, lang)), None),
        Status::LoadingScanner => (Some(t(T::CameraLoadingScanner, lang)), None),
        Status::Running { .. } => (Some(t(T::CameraHint, lang)), None),
        Status::Failed(e) => (None, Some(e)),
    };
    let torch = matches!(*status, Status::Running { torch: true });
    let stage_class = if failed.is_some() {
        "camera__stage camera__stage--off"
    } else {
        "camera__stage"
    };
    html! {
        <section id="camera-view" class="card camera" aria-label={t(T::OpenCamera, lang)}>
            <div class={stage_class}>
                <video ref={video} class="camera__video" autoplay=true muted=true playsinline=true
                    aria-label={t(T::CameraVideoLabel, lang)}></video>
                <div class="camera__finder" aria-hidden="true"></div>
            </div>
            if let Some(h) = hint { <p class="camera__hint" role="status">{ h }</p> }
            if let Some(e) = failed {
                <p id="camera-error" class="error" role="alert">{ t(error_text(e), lang) }</p>
            }
            <div class="camera__actions">
                if torch {
                    <button id="torch-toggle" type="button" class="btn"
                        onclick={on_torch}>{ t(if *torch_on { T::TorchOff } else { T::TorchOn }, lang) }</button>
                }
                <button id="close-camera" type="button" class="btn" onclick={close}>{ t(T::CloseCamera, lang) }</button>
            </div>
        </section>
    }
}
