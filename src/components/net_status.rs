//! The network line (`#net-status`): registry and trace fetching, in words ("Đang dùng danh sách đã
//! lưu ngày dd/mm/yyyy…"), so a grey verdict on a weak connection explains itself.

use crate::i18n::{t, tf, T};
use crate::net::Failure;
use crate::state::{RegistryStatus, TraceStatus};
use txng_core::time::display_date_vn;
use txng_core::Lang;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Registry state.
    pub registry: RegistryStatus,
    /// Trace state.
    pub trace: TraceStatus,
    /// Language.
    pub lang: Lang,
}

/// A failure in words.
pub fn why(f: Failure, lang: Lang) -> String {
    match f {
        Failure::Offline => t(T::WhyOffline, lang).into(),
        Failure::Timeout => t(T::WhyTimeout, lang).into(),
        Failure::Http(404) => t(T::WhyNotFound, lang).into(),
        Failure::Http(s) if s >= 500 => tf(T::WhyServer, lang, &[&s.to_string()]),
        Failure::Http(s) => tf(T::WhyHttp, lang, &[&s.to_string()]),
        Failure::Network => t(T::WhyNetwork, lang).into(),
        Failure::TooLarge => t(T::WhyTooLarge, lang).into(),
        Failure::Refused => t(T::WhyRefused, lang).into(),
        Failure::Older => t(T::WhyOlder, lang).into(),
    }
}

/// The registry line.
pub fn registry_text(s: &RegistryStatus, lang: Lang) -> Option<String> {
    Some(match s {
        RegistryStatus::Idle => return None,
        RegistryStatus::Loading => t(T::NetRegistryLoading, lang).into(),
        RegistryStatus::Fresh => t(T::NetRegistryFresh, lang).into(),
        RegistryStatus::Cached { issued_at, why: w } => {
            let date = issued_at.map(display_date_vn).unwrap_or_default();
            tf(T::NetRegistryCached, lang, &[&date, &why(*w, lang)])
        }
        RegistryStatus::Failed(w) => tf(T::NetRegistryFailed, lang, &[&why(*w, lang)]),
        RegistryStatus::Refused(w) => tf(T::NetRegistryRefused, lang, &[&why(*w, lang)]),
        RegistryStatus::TooLarge => t(T::NetRegistryTooLarge, lang).into(),
    })
}

/// The trace line.
pub fn trace_text(s: &TraceStatus, lang: Lang) -> Option<String> {
    Some(match s {
        TraceStatus::Idle => return None,
        TraceStatus::Loading => t(T::NetTraceLoading, lang).into(),
        TraceStatus::Loaded => t(T::NetTraceLoaded, lang).into(),
        TraceStatus::Saved => t(T::NetTraceSaved, lang).into(),
        TraceStatus::Failed(w) => tf(T::NetTraceFailed, lang, &[&why(*w, lang)]),
        TraceStatus::TooLarge => t(T::NetTraceTooLarge, lang).into(),
    })
}

/// The line.
#[function_component]
pub fn NetStatus(p: &Props) -> Html {
    let reg = registry_text(&p.registry, p.lang);
    let tr = trace_text(&p.trace, p.lang);
    let warn = matches!(
        p.registry,
        RegistryStatus::Cached { .. }
            | RegistryStatus::Failed(_)
            | RegistryStatus::Refused(_)
            | RegistryStatus::TooLarge
    ) || matches!(p.trace, TraceStatus::Failed(_) | TraceStatus::TooLarge);
    let class = if warn {
        "net-status net-status--warn"
    } else {
        "net-status"
    };
    html! {
        <p id="net-status" class={class}>
            if let Some(r) = reg { <span>{ r }</span> }
            if let Some(x) = tr { { " " }<span>{ x }</span> }
        </p>
    }
}
