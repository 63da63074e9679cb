//! The kiosk's attract/idle screen (`#kiosk-idle`): fills the screen and invites a scan in large
//! type, says whether the camera listens too, and when the producer list was last updated
//! (`#kiosk-list-date`), and how many products on display can be shown offline (`#kiosk-bundle`,
//! only with an offline bundle configured). No text field: nothing summons an on-screen keyboard.

use crate::i18n::{t, tf, T};
use txng_core::Lang;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Language.
    pub lang: Lang,
    /// The camera listens too.
    #[prop_or_default]
    pub camera: bool,
    /// `issued_at` of the producer list in use (Unix seconds), if one was loaded.
    #[prop_or_default]
    pub list_issued_at: Option<i64>,
    /// The offline bundle: labels whose timeline is on the device, of how many listed
    /// (`(0, 0)`: no bundle configured).
    #[prop_or_default]
    pub bundle: (usize, usize),
}

/// The idle screen.
#[function_component]
pub fn IdleScreen(p: &Props) -> Html {
    let lang = p.lang;
    let date = match p.list_issued_at {
        Some(at) => tf(
            T::KioskListDate,
            lang,
            &[&txng_core::time::display_local(at, 420)],
        ),
        None => t(T::KioskListNone, lang).to_string(),
    };
    html! {
        <section id="kiosk-idle" class="kiosk-idle" aria-labelledby="kiosk-invite">
            <div class="kiosk-idle__art" aria-hidden="true"></div>
            <h2 id="kiosk-invite" class="kiosk-idle__invite">{ t(T::KioskInvite, lang) }</h2>
            <p class="kiosk-idle__sub">{ t(T::KioskInviteSub, lang) }</p>
            if p.camera {
                <p class="kiosk-idle__sub">{ t(T::KioskCamera, lang) }</p>
            }
            <p id="kiosk-list-date" class="kiosk-idle__date" data-issued-at={p.list_issued_at.map(|a| a.to_string())}>
                { date }
            </p>
            if p.bundle.1 > 0 {
                <p id="kiosk-bundle" class="kiosk-idle__date" data-ready={p.bundle.0.to_string()}
                    data-total={p.bundle.1.to_string()}>
                    { tf(T::KioskBundle, lang, &[&p.bundle.0.to_string(), &p.bundle.1.to_string()]) }
                </p>
            }
        </section>
    }
}
