//! One verification, end to end: registry (network, session memory or the device's saved copy) →
//! `Verification::start` → first verdict → trace document(s) → final verdict. Results go out as
//! reducer actions tagged with the run number.
//!
//! The saved registry is never trusted as such: it is verified again by the core with
//! `from_cache = true` (which adds `registry.cached`), and deleted if that fails, in which case
//! the verdict says the registry is unavailable (the honest reason) rather than "tampered".

use crate::config::Config;
use crate::net::{self, Failure, Got, RegistrySource};
use crate::state::{Action, RegistryStatus, Shared, TraceStatus};
use std::rc::Rc;
use txng_core::{Fetched, Verification};

/// `now` for the core: Unix seconds from the browser's clock.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Stage 1 for a registry source: the verification and what to tell the user about the registry.
/// Updates the session memory and the saved copy as the core's result says.
pub fn stage1(
    scanned: &str,
    src: &RegistrySource,
    cfg: &Config,
    registry_url: &str,
    now: i64,
) -> (Verification, RegistryStatus) {
    let start =
        |f: Fetched<'_>, cached: bool| Verification::start(scanned, f, cached, &cfg.anchors, now);
    match src {
        RegistrySource::Network(bytes) => {
            let v = start(Fetched::Bytes(bytes), false);
            if v.registry().is_some() {
                net::remember(registry_url, bytes);
            } else {
                net::forget_fresh();
            }
            (v, RegistryStatus::Fresh)
        }
        RegistrySource::Saved { bytes, why } => {
            let v = start(Fetched::Bytes(bytes), true);
            match v.registry() {
                Some(r) => {
                    let issued_at = Some(r.issued_at);
                    (
                        v,
                        RegistryStatus::Cached {
                            issued_at,
                            why: *why,
                        },
                    )
                }
                None => {
                    net::delete_saved(registry_url);
                    let detail = why.detail();
                    (
                        start(Fetched::Unavailable(&detail), false),
                        RegistryStatus::Failed(*why),
                    )
                }
            }
        }
        RegistrySource::TooLarge => (start(Fetched::TooLarge, false), RegistryStatus::TooLarge),
        RegistrySource::Failed(why) => {
            let detail = why.detail();
            (
                start(Fetched::Unavailable(&detail), false),
                RegistryStatus::Failed(*why),
            )
        }
    }
}

/// Fetches the trace document from each URL in turn and adds it to the verification.
pub async fn add_trace(v: &mut Verification, registry_url: &str) -> TraceStatus {
    let urls: Vec<String> = v
        .trace_urls()
        .iter()
        .filter_map(|u| net::resolve(u, registry_url))
        .collect();
    let mut last = Failure::Http(404);
    for url in &urls {
        match net::fetch_capped(
            url,
            txng_core::trace::MAX_TRACE_BYTES,
            net::TRACE_TIMEOUT_MS,
            false,
        )
        .await
        {
            Got::Bytes(b) => {
                v.add_trace(Fetched::Bytes(&b));
                return TraceStatus::Loaded;
            }
            Got::TooLarge => {
                v.add_trace(Fetched::TooLarge);
                return TraceStatus::TooLarge;
            }
            Got::Failed(f) => last = f,
        }
    }
    let detail = if urls.is_empty() {
        "no trace url".to_string()
    } else {
        last.detail()
    };
    v.add_trace(Fetched::Unavailable(&detail));
    TraceStatus::Failed(last)
}

/// Runs one verification, dispatching its progress.
pub async fn run(scanned: Rc<str>, cfg: Rc<Config>, run: u32, dispatch: impl Fn(Action)) {
    let registry_url =
        net::resolve(&cfg.registry_url, "").unwrap_or_else(|| cfg.registry_url.clone());
    let src = net::registry(&registry_url).await;
    let (mut v, status) = stage1(&scanned, &src, &cfg, &registry_url, now());
    dispatch(Action::Registry(run, status));
    dispatch(Action::Verdict(run, Shared::new(v.verdict())));
    if !v.wants_trace() {
        return;
    }
    dispatch(Action::Trace(run, TraceStatus::Loading));
    let status = add_trace(&mut v, &registry_url).await;
    dispatch(Action::Trace(run, status));
    dispatch(Action::Verdict(run, Shared::new(v.verdict())));
}
