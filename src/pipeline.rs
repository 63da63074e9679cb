//! One verification, end to end: registry (network, session memory or the device's saved copy) →
//! `Verification::start` → first verdict → trace document(s) → final verdict. Results go out as
//! reducer actions tagged with the run number.
//!
//! The saved registry is never trusted as such: it is verified again by the core with
//! `from_cache = true` (which adds `registry.cached`), and deleted if that fails, in which case
//! the verdict says what the network gave (the honest reason) rather than "tampered". A list
//! older than the newest one this device verified is refused (`registry.rollback`) from either
//! source.

use crate::config::Config;
use crate::net::{self, Failure, Got, RegistrySource};
use crate::state::{Action, RegistryStatus, Shared, TraceStatus};
use std::rc::Rc;
use txng_core::verify::RegistryContext;
use txng_core::{Code, Fetched, Verification};

/// `now` for the core: Unix seconds from the browser's clock.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Stage 1 for a registry source: the verification and what to tell the user about the registry.
/// Updates the session memory and the saved copy as the core's result says.
///
/// The network's answer is used when the core accepts it. Otherwise, whatever the reason (no
/// answer, an oversized one, a captive portal's page with status 200, a damaged list, a list older
/// than one already verified), the device's saved copy is verified again and used if the core
/// accepts it, and the network line says which list was used and why. Only when neither is usable
/// does the verdict give the network's own failure (FORMAT.md §2.6).
pub fn stage1(
    scanned: &str,
    src: &RegistrySource,
    cfg: &Config,
    registry_url: &str,
    now: i64,
) -> (Verification, RegistryStatus) {
    let known = net::known_issued_at(registry_url);
    let start = |f: Fetched<'_>, from_cache: bool| {
        let ctx = RegistryContext {
            from_cache,
            known_issued_at: known,
        };
        Verification::start_with(scanned, f, ctx, &cfg.anchors, now)
    };
    let (refused, why) = match src {
        RegistrySource::Network(bytes) => {
            let v = start(Fetched::Bytes(bytes), false);
            if let Some(issued_at) = v.registry().map(|r| r.issued_at) {
                net::remember(registry_url, bytes, issued_at);
                return (v, RegistryStatus::Fresh);
            }
            net::forget_fresh();
            let why = if v.has(Code::RegistryRollback) {
                Failure::Older
            } else {
                Failure::Refused
            };
            (Some(v), why)
        }
        RegistrySource::TooLarge => (None, Failure::TooLarge),
        RegistrySource::Failed(why) => (None, *why),
    };
    let mut saved_older = None;
    if let Some(saved) = net::load_saved(registry_url) {
        let v = start(Fetched::Bytes(saved.jws.as_bytes()), true);
        if let Some(r) = v.registry() {
            let issued_at = Some(r.issued_at);
            return (v, RegistryStatus::Cached { issued_at, why });
        }
        // Tampered, damaged or older than a list already seen: of no use, and never again.
        net::delete_saved(registry_url);
        if v.has(Code::RegistryRollback) {
            saved_older = Some(v);
        }
    }
    let status = match why {
        Failure::Refused | Failure::Older => RegistryStatus::Refused(why),
        Failure::TooLarge => RegistryStatus::TooLarge,
        other => RegistryStatus::Failed(other),
    };
    // The verdict names the most telling reason: the network's list refused, else a saved
    // copy older than one already seen, else why nothing came.
    let v = match (refused.or(saved_older), why) {
        (Some(v), _) => v,
        (None, Failure::TooLarge) => start(Fetched::TooLarge, false),
        (None, why) => start(Fetched::Unavailable(&why.detail()), false),
    };
    (v, status)
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
