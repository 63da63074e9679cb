//! Fetching the registry and trace documents (with timeouts and size caps), and the device's
//! saved copy of the last good registry.
//!
//! Nothing here decides trust: bytes go to `txng_core`, which verifies them whether they came from
//! the network or from `localStorage`. Failures are turned into a [`Failure`], whose
//! [`Failure::detail`] becomes the core's `Fetched::Unavailable` detail (`http 404`, `timeout`,
//! `offline`, `network`) and whose words the UI shows.

use js_sys::{Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Registry fetch timeout: long enough for a 2G/EDGE connection to send a few hundred kilobytes.
pub const REGISTRY_TIMEOUT_MS: i32 = 8_000;
/// Trace fetch timeout, per URL.
pub const TRACE_TIMEOUT_MS: i32 = 10_000;
/// A registry fetched this session is reused for this long before asking the server again (kiosks
/// scan many codes in a row).
pub const REGISTRY_REUSE_MS: f64 = 5.0 * 60.0 * 1000.0;

/// Why nothing could be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The browser says it is offline.
    Offline,
    /// Aborted by our timeout.
    Timeout,
    /// An HTTP error status.
    Http(u16),
    /// The request failed otherwise (DNS, TLS, CORS, connection reset).
    Network,
    /// An answer came, over the size cap.
    TooLarge,
    /// An answer came (status 200), but the core refused it: a captive portal's page, a damaged
    /// or wrongly signed list.
    Refused,
    /// An answer came, authentic but older than a list this device already verified (rollback).
    Older,
}

impl Failure {
    /// The detail passed to the core (`Fetched::Unavailable`), for inspectors.
    pub fn detail(self) -> String {
        match self {
            Failure::Offline => "offline".into(),
            Failure::Timeout => "timeout".into(),
            Failure::Http(s) => format!("http {s}"),
            Failure::Network => "network".into(),
            Failure::TooLarge => "too large".into(),
            Failure::Refused => "refused".into(),
            Failure::Older => "older".into(),
        }
    }
}

/// What a fetch gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Got {
    /// The body, within the cap.
    Bytes(Vec<u8>),
    /// The body of the copy the service worker kept, answered because the network failed
    /// (`assets/sw.js` marks it `x-txng-saved: 1`): shown as the device's copy, never as fetched now.
    Saved(Vec<u8>),
    /// Over the cap (by Content-Length or while reading).
    TooLarge,
    /// Nothing.
    Failed(Failure),
}

/// Aborts a fetch after a delay; cancels the timer when dropped.
struct Deadline {
    id: Option<i32>,
    fired: Rc<Cell<bool>>,
    _cb: Closure<dyn FnMut()>,
}

impl Deadline {
    fn new(ms: i32, controller: Option<web_sys::AbortController>) -> Deadline {
        let fired = Rc::new(Cell::new(false));
        let f = fired.clone();
        let cb = Closure::<dyn FnMut()>::new(move || {
            f.set(true);
            if let Some(c) = &controller {
                c.abort();
            }
        });
        let id = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.as_ref().unchecked_ref(), ms)
                .ok()
        });
        Deadline { id, fired, _cb: cb }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.id, web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
    }
}

fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// Whether a service worker controls the page (`assets/sw.js`): offline, it may still answer
/// from the documents it kept (a trace viewed before), so the request is made anyway.
pub fn worker_controlled() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"serviceWorker".into()).ok())
        .filter(|sw| !sw.is_undefined())
        .and_then(|sw| js_sys::Reflect::get(&sw, &"controller".into()).ok())
        .is_some_and(|c| !c.is_null() && !c.is_undefined())
}

// The verify-first hand-over (issue 10). The verify-first module (crates/txng-first, this crate
// without the `ui` feature) records the bodies it fetched; the page's boot script hands them to the
// interface module's `mountPage`, whose first run of the same link takes each one once instead of
// asking the network again (one registry request per load; tests/e2e/perf.test.mjs counts them).
// Nothing is trusted for coming this way: the bytes go through the same core checks, and only the
// standalone page's boot script passes them (an embedding host page cannot).
thread_local! {
    static RECORDED: RefCell<Option<Vec<(String, Got)>>> = const { RefCell::new(None) };
    static HANDED: RefCell<Vec<(String, Got)>> = const { RefCell::new(Vec::new()) };
    static PREFETCH: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

// Requests the page started before this module ran (issue 10): on a label link's page
// `assets/boot.js` asks for the registry, for a sharded registry's shard covering the address's
// GTIN, and for the trace document at the URL the registry's first template gives for the
// address's GTIN and lot, while the verify-first module downloads (their round trips no longer
// follow the module and the registry check). It passes
// `take(url)`: a promise of `null` (nothing started for that URL) or `[AbortController,
// Promise<Response>]`, each URL at most once. A started request is used only for the very URL
// this module would fetch (the one the verified registry gives), and its response is read like
// any other: status, size cap, timeout (through its controller), `x-txng-saved`, then the core's
// checks. A wrong guess costs a request, never a verdict.

/// Verify-first module: takes the page's `take(url)` for requests it started (see above);
/// anything but a function is ignored.
pub fn accept_prefetch(take: &JsValue) {
    let f = take.dyn_ref::<js_sys::Function>().cloned();
    PREFETCH.with(|p| *p.borrow_mut() = f);
}

/// The request the page started for `url`, if any: its promise and its controller.
async fn prefetched(url: &str) -> Option<(js_sys::Promise, web_sys::AbortController)> {
    let take = PREFETCH.with(|p| p.borrow().clone())?;
    let p = take.call1(&JsValue::NULL, &JsValue::from_str(url)).ok()?;
    let entry = JsFuture::from(p.dyn_into::<js_sys::Promise>().ok()?)
        .await
        .ok()?;
    let entry = entry.dyn_into::<js_sys::Array>().ok()?;
    let controller = entry.get(0).dyn_into::<web_sys::AbortController>().ok()?;
    let request = entry.get(1).dyn_into::<js_sys::Promise>().ok()?;
    Some((request, controller))
}

/// Verify-first module: records the bodies of the fetches that follow.
pub fn record_fetches() {
    RECORDED.with(|r| *r.borrow_mut() = Some(Vec::new()));
}

/// Verify-first module: the recorded bodies, for the interface module, as a JS array of
/// `[url, Uint8Array, saved]`.
pub fn recorded_to_js() -> JsValue {
    let list = js_sys::Array::new();
    let recorded = RECORDED.with(|r| r.borrow_mut().take()).unwrap_or_default();
    for (url, got) in recorded {
        let (bytes, saved) = match &got {
            Got::Bytes(b) => (b, false),
            Got::Saved(b) => (b, true),
            Got::TooLarge | Got::Failed(_) => continue,
        };
        let entry = js_sys::Array::new();
        entry.push(&JsValue::from_str(&url));
        entry.push(&Uint8Array::from(bytes.as_slice()));
        entry.push(&JsValue::from_bool(saved));
        list.push(&entry);
    }
    list.into()
}

/// Interface module: takes the bodies the verify-first module fetched (see [`recorded_to_js`]);
/// anything else is ignored.
pub fn accept_handed(v: &JsValue) {
    let Some(list) = v.dyn_ref::<js_sys::Array>() else {
        return;
    };
    let mut out = Vec::new();
    for entry in list.iter() {
        let Some(e) = entry.dyn_ref::<js_sys::Array>() else {
            continue;
        };
        let (Some(url), Some(bytes)) = (
            e.get(0).as_string(),
            e.get(1).dyn_ref::<Uint8Array>().map(Uint8Array::to_vec),
        ) else {
            continue;
        };
        let got = if e.get(2).as_bool() == Some(true) {
            Got::Saved(bytes)
        } else {
            Got::Bytes(bytes)
        };
        out.push((url, got));
    }
    HANDED.with(|h| *h.borrow_mut() = out);
}

/// GETs a URL with a timeout and a size cap, streaming the body so an oversized answer is cut off
/// without holding it all. A body the verify-first module handed over for this URL is taken
/// instead (once, and only within the cap).
pub async fn fetch_capped(url: &str, cap: usize, timeout_ms: i32, revalidate: bool) -> Got {
    let handed = HANDED.with(|h| {
        let mut h = h.borrow_mut();
        let i = h.iter().position(|(u, _)| u == url)?;
        Some(h.remove(i).1)
    });
    let got = match handed {
        Some(Got::Bytes(b) | Got::Saved(b)) if b.len() > cap => Got::TooLarge,
        Some(g) => g,
        None => fetch_network(url, cap, timeout_ms, revalidate).await,
    };
    RECORDED.with(|r| {
        if let Some(list) = r.borrow_mut().as_mut() {
            list.push((url.to_string(), got.clone()));
        }
    });
    got
}

async fn fetch_network(url: &str, cap: usize, timeout_ms: i32, revalidate: bool) -> Got {
    let Some(window) = web_sys::window() else {
        return Got::Failed(Failure::Network);
    };
    if offline() && !worker_controlled() {
        return Got::Failed(Failure::Offline);
    }
    let (request, controller) = match prefetched(url).await {
        Some((request, c)) => (request, Some(c)),
        None => {
            let controller = web_sys::AbortController::new().ok();
            let init = web_sys::RequestInit::new();
            init.set_method("GET");
            if let Some(c) = &controller {
                init.set_signal(Some(&c.signal()));
            }
            if revalidate {
                init.set_cache(web_sys::RequestCache::NoCache);
            }
            (window.fetch_with_str_and_init(url, &init), controller)
        }
    };
    let deadline = Deadline::new(timeout_ms, controller.clone());
    let failed = |d: &Deadline| {
        Got::Failed(if d.fired.get() {
            Failure::Timeout
        } else if offline() {
            Failure::Offline
        } else {
            Failure::Network
        })
    };
    let resp = match JsFuture::from(request).await {
        Ok(r) => r,
        Err(_) => return failed(&deadline),
    };
    let Ok(resp) = resp.dyn_into::<web_sys::Response>() else {
        return Got::Failed(Failure::Network);
    };
    if !resp.ok() {
        return Got::Failed(Failure::Http(resp.status()));
    }
    let declared = resp
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > cap as u64) {
        if let Some(c) = &controller {
            c.abort();
        }
        return Got::TooLarge;
    }
    let mut buf: Vec<u8> = Vec::with_capacity(declared.map_or(16 * 1024, |n| n as usize));
    let saved = resp
        .headers()
        .get("x-txng-saved")
        .ok()
        .flatten()
        .is_some_and(|v| v == "1");
    let done = move |buf: Vec<u8>| {
        if saved {
            Got::Saved(buf)
        } else {
            Got::Bytes(buf)
        }
    };
    let Some(body) = resp.body() else {
        return done(buf);
    };
    let Ok(reader) = body
        .get_reader()
        .dyn_into::<web_sys::ReadableStreamDefaultReader>()
    else {
        return Got::Failed(Failure::Network);
    };
    loop {
        let chunk = match JsFuture::from(reader.read()).await {
            Ok(c) => c,
            Err(_) => return failed(&deadline),
        };
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let Ok(value) = Reflect::get(&chunk, &JsValue::from_str("value")) else {
            break;
        };
        let Ok(arr) = value.dyn_into::<Uint8Array>() else {
            return Got::Failed(Failure::Network);
        };
        let n = arr.length() as usize;
        if buf.len() + n > cap {
            let _ = reader.cancel();
            if let Some(c) = &controller {
                c.abort();
            }
            return Got::TooLarge;
        }
        let start = buf.len();
        buf.resize(start + n, 0);
        arr.copy_to(&mut buf[start..]);
    }
    drop(deadline);
    done(buf)
}

/// Resolves `url` against `base` (itself resolved against the page; empty = the page), keeping
/// only http(s) results. Registry trace templates may be origin-relative (`/trace/{gtin}/{lot}.jws`).
pub fn resolve(url: &str, base: &str) -> Option<String> {
    let page = web_sys::window()?.location().href().ok()?;
    let base =
        web_sys::Url::new_with_base(if base.is_empty() { &page } else { base }, &page).ok()?;
    let u = web_sys::Url::new_with_base(url, &base.href()).ok()?;
    matches!(u.protocol().as_str(), "https:" | "http:").then(|| u.href())
}

/// The registry bytes fetched this session, to reuse between scans.
struct Fresh {
    url: String,
    bytes: Rc<Vec<u8>>,
    at_ms: f64,
}

thread_local! {
    static FRESH: RefCell<Option<Fresh>> = const { RefCell::new(None) };
}

/// What the network gave for the registry. The device's saved copy is the pipeline's fallback
/// (`pipeline::stage1`), taken whenever this is not a list the core accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegistrySource {
    /// Fetched now (or reused from earlier in this session).
    Network(Rc<Vec<u8>>),
    /// Over the size cap.
    TooLarge,
    /// Nothing at all.
    Failed(Failure),
}

/// Gets the registry: from this session's memory if recent, else the network.
pub async fn registry(url: &str) -> RegistrySource {
    let now = js_sys::Date::now();
    let reuse = FRESH.with(|f| {
        f.borrow()
            .as_ref()
            .filter(|f| f.url == url && now - f.at_ms < REGISTRY_REUSE_MS && now >= f.at_ms)
            .map(|f| f.bytes.clone())
    });
    if let Some(bytes) = reuse {
        return RegistrySource::Network(bytes);
    }
    match fetch_capped(
        url,
        txng_core::registry::MAX_REGISTRY_BYTES,
        REGISTRY_TIMEOUT_MS,
        true,
    )
    .await
    {
        // The worker never answers the registry (assets/sw.js); were one to, its copy is verified
        // like any other answer.
        Got::Bytes(b) | Got::Saved(b) => RegistrySource::Network(Rc::new(b)),
        Got::TooLarge => RegistrySource::TooLarge,
        Got::Failed(why) => RegistrySource::Failed(why),
    }
}

/// Remembers a registry the core accepted (issued at `issued_at`): in memory for this session,
/// as the newest issue time seen (rollback protection), and on the device, unless the device
/// already keeps a newer list (FORMAT.md §2.6: a newer saved copy is never overwritten).
pub fn remember(url: &str, bytes: &Rc<Vec<u8>>, issued_at: i64) {
    raise_known_issued_at(url, issued_at);
    let now = js_sys::Date::now();
    let known = FRESH.with(|f| {
        f.borrow()
            .as_ref()
            .is_some_and(|f| f.url == url && Rc::ptr_eq(&f.bytes, bytes))
    });
    if known {
        return; // reused from this session: already saved
    }
    FRESH.with(|f| {
        *f.borrow_mut() = Some(Fresh {
            url: url.to_string(),
            bytes: bytes.clone(),
            at_ms: now,
        })
    });
    let newer_saved = load_saved(url).is_some_and(|s| s.issued_at > issued_at);
    if let (false, Ok(text)) = (newer_saved, std::str::from_utf8(bytes)) {
        save(url, text, (now / 1000.0) as i64, issued_at);
    }
}

thread_local! {
    /// The newest `issued_at` verified in this page's life, per registry URL: rollback protection
    /// even where `localStorage` is unavailable (private browsing, storage full).
    static KNOWN: RefCell<Vec<(String, i64)>> = const { RefCell::new(Vec::new()) };
}

fn known_key(url: &str) -> String {
    format!("txng.registry-issued:{url}")
}

/// The newest `issued_at` of any registry from `url` that this device has verified (memory or
/// `localStorage`, whichever is newer). The core refuses an older list (`registry.rollback`).
pub fn known_issued_at(url: &str) -> Option<i64> {
    let mem = KNOWN.with(|k| k.borrow().iter().find(|(u, _)| u == url).map(|(_, t)| *t));
    let stored = storage()
        .and_then(|s| s.get_item(&known_key(url)).ok().flatten())
        .and_then(|t| t.parse::<i64>().ok());
    mem.max(stored)
}

/// Raises the newest `issued_at` seen for `url` (never lowers it).
pub fn raise_known_issued_at(url: &str, issued_at: i64) {
    let newest = known_issued_at(url).map_or(issued_at, |k| k.max(issued_at));
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        k.retain(|(u, _)| u != url);
        k.push((url.to_string(), newest));
    });
    if let Some(s) = storage() {
        let _ = s.set_item(&known_key(url), &newest.to_string());
    }
}

/// Forgets the session copy (a fetched registry the core refused is not reused).
pub fn forget_fresh() {
    FRESH.with(|f| *f.borrow_mut() = None);
}

/// A saved registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The JWS text.
    pub jws: String,
    /// When it was fetched (Unix seconds).
    pub fetched_at: i64,
    /// Its `issued_at` when it was saved (Unix seconds); only to avoid overwriting a newer copy,
    /// never trusted: the core reads the real one when it verifies the copy again.
    pub issued_at: i64,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The `localStorage` key of the saved registry of a URL.
pub fn storage_key(url: &str) -> String {
    format!("txng.registry:{url}")
}

/// Saves a registry JWS (format: `fetched-at issued-at` in seconds, newline, JWS). Quota errors
/// are ignored: the saved copy is a convenience for offline use.
pub fn save(url: &str, jws: &str, fetched_at: i64, issued_at: i64) {
    if let Some(s) = storage() {
        let _ = s.set_item(
            &storage_key(url),
            &format!("{fetched_at} {issued_at}\n{jws}"),
        );
    }
}

/// Reads the saved registry of a URL (not verified: the caller gives it to the core). A copy in
/// an older layout reads as none.
pub fn load_saved(url: &str) -> Option<Saved> {
    let text = storage()?.get_item(&storage_key(url)).ok()??;
    let (head, jws) = text.split_once('\n')?;
    let (at, issued) = head.split_once(' ')?;
    Some(Saved {
        jws: jws.to_string(),
        fetched_at: at.parse().ok()?,
        issued_at: issued.parse().ok()?,
    })
}

/// Deletes the saved registry of a URL (it failed verification).
pub fn delete_saved(url: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&storage_key(url));
    }
}

// --- Sharded registry (FORMAT.md §2.7.4) ---------------------------------------------------------

thread_local! {
    /// The highest shard version verified in this page's life, per index URL and shard `from`.
    static SHARD_VERSIONS: RefCell<Vec<(String, u64)>> = const { RefCell::new(Vec::new()) };
}

fn shard_id(index_url: &str, from: &str) -> String {
    format!("{index_url}#{from}")
}

/// The highest version of the shard starting at `from` of the index at `index_url` that this
/// device has verified (memory or `localStorage`, whichever is higher).
pub fn known_shard_version(index_url: &str, from: &str) -> Option<u64> {
    let id = shard_id(index_url, from);
    let mem = SHARD_VERSIONS.with(|k| k.borrow().iter().find(|(u, _)| *u == id).map(|(_, v)| *v));
    let stored = storage()
        .and_then(|s| {
            s.get_item(&format!("txng.shard-version:{id}"))
                .ok()
                .flatten()
        })
        .and_then(|t| t.parse::<u64>().ok());
    mem.max(stored)
}

/// Raises the shard's version mark (never lowers it).
pub fn raise_shard_version(index_url: &str, from: &str, version: u64) {
    let id = shard_id(index_url, from);
    let newest = known_shard_version(index_url, from).map_or(version, |k| k.max(version));
    SHARD_VERSIONS.with(|k| {
        let mut k = k.borrow_mut();
        k.retain(|(u, _)| *u != id);
        k.push((id.clone(), newest));
    });
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("txng.shard-version:{id}"), &newest.to_string());
    }
}

/// The saved bytes of a shard (not verified: the caller uses them only when they match the pin).
pub fn load_saved_shard(index_url: &str, from: &str) -> Option<Vec<u8>> {
    let id = shard_id(index_url, from);
    storage()?
        .get_item(&format!("txng.shard:{id}"))
        .ok()?
        .map(String::into_bytes)
}

/// Saves a shard the core accepted (quota errors ignored: a convenience for offline use).
pub fn save_shard(index_url: &str, from: &str, bytes: &[u8]) {
    if let (Some(s), Ok(text)) = (storage(), std::str::from_utf8(bytes)) {
        let _ = s.set_item(&format!("txng.shard:{}", shard_id(index_url, from)), text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details() {
        assert_eq!(Failure::Http(404).detail(), "http 404");
        assert_eq!(Failure::Timeout.detail(), "timeout");
        assert_eq!(Failure::Offline.detail(), "offline");
    }
}
