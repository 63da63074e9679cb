//! "Chọn ảnh mã QR" (`#photo-input`): a photo of the code, from the camera app or the gallery.
//! The decoder module starts loading when the user opens the picker, so it is usually ready by
//! the time a photo is chosen.

use crate::i18n::{t, T};
use crate::scan::loader;
use crate::scan::photo::{decode_file, PhotoError};
use txng_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Language.
    pub lang: Lang,
    /// Where the decoder module is (config `pkg_base`).
    pub pkg_base: AttrValue,
    /// Verify this text.
    pub on_scan: Callback<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Ready,
    Reading,
    Failed(PhotoError),
}

/// The picker.
#[function_component]
pub fn PhotoInput(p: &Props) -> Html {
    let lang = p.lang;
    let status = use_state(|| Status::Ready);
    let onclick = {
        let base = p.pkg_base.clone();
        Callback::from(move |_: MouseEvent| {
            let base = base.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = loader::scanner(&base).await;
            });
        })
    };
    let onchange = {
        let base = p.pkg_base.clone();
        let status = status.clone();
        let cb = p.on_scan.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value(""); // the same photo can be picked again
            status.set(Status::Reading);
            let (base, status, cb) = (base.clone(), status.clone(), cb.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match decode_file(file, &base).await {
                    Ok(text) => {
                        status.set(Status::Ready);
                        cb.emit(text);
                    }
                    Err(e) => status.set(Status::Failed(e)),
                }
            });
        })
    };
    let message = match *status {
        Status::Ready => None,
        Status::Reading => Some((t(T::PhotoReading, lang), "muted")),
        Status::Failed(PhotoError::NoCode) => Some((t(T::PhotoNoCode, lang), "error")),
        Status::Failed(PhotoError::Image) => Some((t(T::PhotoFailed, lang), "error")),
        Status::Failed(PhotoError::Scanner) => Some((t(T::ScannerFailed, lang), "error")),
    };
    html! {
        <div class="photo-input">
            <label for="photo-input" class="btn btn--file">
                { t(T::PhotoLabel, lang) }
            </label>
            <input id="photo-input" class="file-input" type="file" accept="image/*"
                {onclick} {onchange} />
            if let Some((text, class)) = message {
                <p id="photo-status" class={class} role="status">{ text }</p>
            }
        </div>
    }
}
