//! One verification, end to end: registry (network, session memory or the device's saved copy) →
//! `Verification::start` (or, with `registry_format: "sharded"`, the index then its shard) →
//! first verdict → trace document(s) → final verdict. Results go out as
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

/// Whether this build reads a sharded registry (feature `sharded`): every build but the
/// verify-first module for single-file deployments (`pkg/txng_first*`, issue 10), which leaves a
/// page configured for a sharded registry to the interface (`first::page`) and so never runs this
/// pipeline with one. Were it ever to, the registry is refused as unavailable (fail closed), never
/// read as a single-file list.
pub const READS_SHARDED: bool = cfg!(feature = "sharded");

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
        // A sharded registry's index goes through the same stage (FORMAT.md §2.7.2): rollback,
        // freshness, saved copy and clock as a single-file registry; the shard comes after.
        if cfg.sharded && READS_SHARDED {
            Verification::start_sharded(scanned, f, ctx, &cfg.anchors, now)
        } else if cfg.sharded {
            let why = "sharded registry: not read by this build";
            Verification::start_with(scanned, Fetched::Unavailable(why), ctx, &cfg.anchors, now)
        } else {
            Verification::start_with(scanned, f, ctx, &cfg.anchors, now)
        }
    };
    let (refused, why) = match src {
        RegistrySource::Network(bytes) => {
            let v = start(Fetched::Bytes(bytes), false);
            if let Some(issued_at) = accepted_issued_at(&v) {
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
        if let Some(issued_at) = accepted_issued_at(&v) {
            let issued_at = Some(issued_at);
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

/// The issue time of the list the core accepted: the registry, or a sharded registry's index.
fn accepted_issued_at(v: &Verification) -> Option<i64> {
    v.registry()
        .map(|r| r.issued_at)
        .or(v.index().map(|i| i.base.issued_at))
}

/// Sharded registry (FORMAT.md §2.7.3–§2.7.4): adds the shard the index names for this code. A
/// saved shard is used only when it is byte for byte the one the index pins (content-addressed:
/// then it needs no download); otherwise the shard is fetched, at most its pinned length. The
/// shard's version mark and saved copy are updated only when the core accepted it.
#[cfg(feature = "sharded")]
pub async fn add_shard(v: &mut Verification, index_url: &str) {
    let Some(pin) = v.shard_wanted().cloned() else {
        return;
    };
    let known = net::known_shard_version(index_url, &pin.from);
    let saved = net::load_saved_shard(index_url, &pin.from).filter(|b| {
        b.len() as u64 == pin.length && txng_core::shard::sha256_hex(b) == pin.sha256_hex()
    });
    let from_saved = saved.is_some();
    let got = match saved {
        Some(b) => Got::Bytes(b),
        None => {
            let rel = v.index().map(|i| i.shard_url(&pin)).unwrap_or_default();
            match net::resolve(&rel, index_url) {
                Some(url) => {
                    let cap = usize::try_from(pin.length).unwrap_or(usize::MAX);
                    net::fetch_capped(&url, cap, net::REGISTRY_TIMEOUT_MS, false).await
                }
                None => Got::Failed(Failure::Network),
            }
        }
    };
    match &got {
        Got::Bytes(b) | Got::Saved(b) => v.add_shard(Fetched::Bytes(b), known),
        Got::TooLarge => v.add_shard(Fetched::TooLarge, known),
        Got::Failed(f) => v.add_shard(Fetched::Unavailable(&f.detail()), known),
    }
    if let (Some(used), Got::Bytes(b) | Got::Saved(b)) = (v.shard_used(), &got) {
        net::raise_shard_version(index_url, &used.from, used.version);
        if !from_saved {
            net::save_shard(index_url, &used.from, b);
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
            Got::Saved(b) => {
                v.add_trace(Fetched::Bytes(&b));
                return TraceStatus::Saved;
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
    // A `cfg`, not `READS_SHARDED`: an awaited call stays in the async state machine even behind
    // a constant `false` (its resume code is kept), so without the feature the shard step's code
    // (the core's shard reader, the shard fetch, SHA-256) would still be in the module.
    #[cfg(feature = "sharded")]
    if cfg.sharded {
        add_shard(&mut v, &registry_url).await;
    }
    dispatch(Action::Registry(run, status));
    // The trace status goes to Loading before the first verdict, and the final verdict comes
    // before the trace's final status: a verdict with a trace status other than Loading is final
    // (the interface taking over from the verify-first module waits for that, `app::App`).
    let wants_trace = v.wants_trace();
    if wants_trace {
        dispatch(Action::Trace(run, TraceStatus::Loading));
    }
    dispatch(Action::Verdict(run, Shared::new(v.verdict())));
    if !wants_trace {
        return;
    }
    let status = add_trace(&mut v, &registry_url).await;
    dispatch(Action::Verdict(run, Shared::new(v.verdict())));
    dispatch(Action::Trace(run, status));
}

/// Whether a state's verdict is final: a verdict is on screen and no trace document is loading.
pub fn settled(s: &crate::state::AppState) -> bool {
    matches!(s.phase, crate::state::Phase::Done(_)) && s.trace != TraceStatus::Loading
}
