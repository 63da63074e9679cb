//! Browser tests (wasm-bindgen-test in headless Chromium): the saved registry is verified again
//! (a tampered copy is not used), the wedge scanner logic, fetching with caps and errors, and a
//! full verification — registry fetched over `fetch`, trace added — rendered by the real app.
//!
//! Data: the core's test vectors (`crates/txng-core/tests/vectors`), signed by the demo keys.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use txng_core::{Code, Fetched, State};
use txng_web::config::Config;
use txng_web::net::{self, Failure, Got, RegistrySource};
use txng_web::pipeline;
use txng_web::scan::wedge::{WedgeBuffer, WedgeEvent};
use txng_web::state::RegistryStatus;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const REGISTRY: &str = include_str!("../crates/txng-core/tests/vectors/data/registry.jws");
const TRACE: &[u8] =
    include_bytes!("../crates/txng-core/tests/vectors/data/trace/08935012300010/CF2609A.jws");
const VALID: &str = include_str!("../crates/txng-core/tests/vectors/valid/001-ca-phe-hop-le.txt");
const ANCHORS: &str = include_str!("../crates/txng-core/tests/vectors/data/anchors.json");

/// The scanned text of a vector file: what follows the first blank line.
fn scanned(vector: &str) -> &str {
    vector
        .split_once("\n\n")
        .map(|(_, s)| s.trim())
        .unwrap_or("")
}

/// The vectors' `now` (2026-11-28T10:00:00+07:00).
fn now() -> i64 {
    txng_core::time::parse_rfc3339("2026-11-28T10:00:00+07:00")
        .map(|t| t.0)
        .unwrap_or(0)
}

fn config(registry_url: &str) -> Config {
    let text = format!(r#"{{"registry_url":"{registry_url}","anchors":{ANCHORS},"lang":"vi"}}"#);
    Config::from_json(&text).expect("config")
}

fn blob_url(bytes: &[u8]) -> String {
    let arr = js_sys::Array::new();
    arr.push(&js_sys::Uint8Array::from(bytes).into());
    let blob = web_sys::Blob::new_with_u8_array_sequence(&arr).expect("blob");
    web_sys::Url::create_object_url_with_blob(&blob).expect("object url")
}

const STALE: &str = include_str!("../crates/txng-core/tests/vectors/data/registry-stale.jws");

/// Forgets everything this device keeps about a registry URL (saved copy, newest issue time).
fn clean(url: &str) {
    net::delete_saved(url);
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item(&format!("txng.registry-issued:{url}"));
    }
}

fn network(jws: &str) -> RegistrySource {
    RegistrySource::Network(Rc::new(jws.trim().as_bytes().to_vec()))
}

#[wasm_bindgen_test]
fn saved_registry_is_verified_again_and_a_tampered_copy_is_not_used() {
    let url = "https://example.test/registry.jws";
    clean(url);
    let cfg = config(url);
    let text = scanned(VALID);

    // Round trip: saved, read back, verified again with from_cache = true.
    net::save(url, REGISTRY.trim(), 1_790_000_000, 1);
    let saved = net::load_saved(url).expect("saved copy");
    assert_eq!(saved.fetched_at, 1_790_000_000);
    let src = RegistrySource::Failed(Failure::Offline);
    let (v, status) = pipeline::stage1(text, &src, &cfg, url, now());
    let verdict = v.verdict();
    assert_eq!(verdict.state, State::Verified, "{:?}", verdict.checks);
    assert!(verdict.has(Code::RegistryCached));
    assert!(
        matches!(
            status,
            RegistryStatus::Cached {
                issued_at: Some(_),
                why: Failure::Offline
            }
        ),
        "{status:?}"
    );

    // Tampered: one payload character changed. The core refuses it; it is deleted and the verdict
    // honestly says the registry is unavailable.
    let jws = REGISTRY.trim();
    let dot = jws.find('.').expect("jws") + 10;
    let mut bytes = jws.as_bytes().to_vec();
    bytes[dot] = if bytes[dot] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).expect("ascii");
    net::save(url, &tampered, 1_790_000_000, 1);
    let src = RegistrySource::Failed(Failure::Timeout);
    let (v, status) = pipeline::stage1(text, &src, &cfg, url, now());
    let verdict = v.verdict();
    assert_eq!(verdict.state, State::CannotTell);
    assert!(
        verdict.has(Code::RegistryUnavailable),
        "{:?}",
        verdict.checks
    );
    assert!(!verdict.has(Code::RegistryCached));
    assert!(verdict.label.is_none() && verdict.producer.is_none());
    assert_eq!(status, RegistryStatus::Failed(Failure::Timeout));
    assert!(net::load_saved(url).is_none(), "tampered copy deleted");
}

#[wasm_bindgen_test]
fn network_registry_is_saved_only_when_valid() {
    let url = "https://example.test/other-registry.jws";
    clean(url);
    let cfg = config(url);
    let garbled = RegistrySource::Network(Rc::new(b"<html>captive portal</html>".to_vec()));
    let (v, status) = pipeline::stage1(scanned(VALID), &garbled, &cfg, url, now());
    assert!(v.verdict().has(Code::RegistryMalformed));
    assert_eq!(status, RegistryStatus::Refused(Failure::Refused));
    assert!(net::load_saved(url).is_none());
    let (v, _) = pipeline::stage1(scanned(VALID), &network(REGISTRY), &cfg, url, now());
    assert_eq!(v.verdict().state, State::Verified);
    assert!(net::load_saved(url).is_some());
}

/// FORMAT.md §2.6: whatever the network gives that the core refuses (a captive portal's page with
/// status 200, an oversized body), a good saved copy is used, and the status says so.
#[wasm_bindgen_test]
fn a_bad_answer_falls_back_to_the_saved_copy() {
    let url = "https://example.test/fallback-registry.jws";
    clean(url);
    let cfg = config(url);
    let (_, status) = pipeline::stage1(scanned(VALID), &network(REGISTRY), &cfg, url, now());
    assert_eq!(status, RegistryStatus::Fresh);
    for (src, why) in [
        (
            RegistrySource::Network(Rc::new(b"<!DOCTYPE html><title>Wi-Fi</title>".to_vec())),
            Failure::Refused,
        ),
        (RegistrySource::TooLarge, Failure::TooLarge),
        (
            RegistrySource::Failed(Failure::Http(503)),
            Failure::Http(503),
        ),
    ] {
        let (v, status) = pipeline::stage1(scanned(VALID), &src, &cfg, url, now());
        let verdict = v.verdict();
        assert_eq!(
            verdict.state,
            State::Verified,
            "{why:?}: {:?}",
            verdict.checks
        );
        assert!(verdict.has(Code::RegistryCached), "{why:?}");
        assert!(!verdict.has(Code::RegistryMalformed), "{why:?}");
        assert!(
            matches!(status, RegistryStatus::Cached { issued_at: Some(_), why: w } if w == why),
            "{status:?}"
        );
    }
}

/// FORMAT.md §2.6: once the list of 2026-11-01 was verified, the genuinely signed list of
/// 2026-10-01 is refused from the network (the saved newer copy is used and kept) and from the
/// saved slot (a same-origin script that writes it there gains nothing).
#[wasm_bindgen_test]
fn an_older_registry_is_never_accepted_again() {
    let url = "https://example.test/rollback-registry.jws";
    clean(url);
    let cfg = config(url);
    let (_, status) = pipeline::stage1(scanned(VALID), &network(REGISTRY), &cfg, url, now());
    assert_eq!(status, RegistryStatus::Fresh);
    let newest = net::known_issued_at(url).expect("issue time kept");

    let (v, status) = pipeline::stage1(scanned(VALID), &network(STALE), &cfg, url, now());
    let verdict = v.verdict();
    assert_eq!(verdict.state, State::Verified, "{:?}", verdict.checks);
    assert_eq!(verdict.registry_issued_at, Some(newest));
    assert!(
        matches!(
            status,
            RegistryStatus::Cached {
                why: Failure::Older,
                ..
            }
        ),
        "{status:?}"
    );
    assert_eq!(
        net::load_saved(url).map(|s| s.jws),
        Some(REGISTRY.trim().to_string()),
        "the newer saved copy is not overwritten"
    );

    // An older list written into the saved slot, then offline: refused, not used.
    net::save(url, STALE.trim(), 1_790_000_000, i64::MAX);
    let (v, status) = pipeline::stage1(
        scanned(VALID),
        &RegistrySource::Failed(Failure::Offline),
        &cfg,
        url,
        now(),
    );
    let verdict = v.verdict();
    assert_eq!(verdict.state, State::CannotTell, "{:?}", verdict.checks);
    assert!(verdict.has(Code::RegistryRollback), "{:?}", verdict.checks);
    assert_eq!(status, RegistryStatus::Failed(Failure::Offline));
    assert!(net::load_saved(url).is_none(), "older copy deleted");
    assert_eq!(
        net::known_issued_at(url),
        Some(newest),
        "mark never lowered"
    );

    // Both older from the network and nothing saved: grey registry.rollback.
    let (v, status) = pipeline::stage1(scanned(VALID), &network(STALE), &cfg, url, now());
    let verdict = v.verdict();
    assert_eq!(verdict.state, State::CannotTell);
    assert!(verdict.has(Code::RegistryRollback), "{:?}", verdict.checks);
    assert_eq!(status, RegistryStatus::Refused(Failure::Older));
}

#[wasm_bindgen_test]
fn wedge_buffer_in_the_browser() {
    let mut b = WedgeBuffer::new();
    let text = "]Q3010893501230001010CF2609A\u{1d}21000101";
    let mut t = 5_000.0;
    let mut last = WedgeEvent::None;
    for c in text.chars() {
        let k = c.to_string();
        last = if c == '\u{1d}' {
            b.key("Control", true, t);
            b.key("]", true, t + 1.0)
        } else {
            b.key(&k, false, t)
        };
        t += 7.0;
    }
    assert_eq!(last, WedgeEvent::Buffering);
    assert_eq!(b.key("Enter", false, t), WedgeEvent::Scan(text.to_string()));
    // A person typing slowly is not a scanner.
    for (i, c) in "0893501230001".chars().enumerate() {
        b.key(&c.to_string(), false, 10_000.0 + 150.0 * i as f64);
    }
    assert_eq!(b.key("Enter", false, 12_000.0), WedgeEvent::None);
}

#[wasm_bindgen_test]
async fn fetch_caps_and_errors() {
    let url = blob_url(b"0123456789");
    assert_eq!(
        net::fetch_capped(&url, 100, 5_000, false).await,
        Got::Bytes(b"0123456789".to_vec())
    );
    assert_eq!(
        net::fetch_capped(&url, 4, 5_000, false).await,
        Got::TooLarge
    );
    let missing = net::resolve("/txng-no-such-file.jws", "").expect("url");
    assert_eq!(
        net::fetch_capped(&missing, 100, 5_000, false).await,
        Got::Failed(Failure::Http(404))
    );
}

#[wasm_bindgen_test]
async fn full_verification_registry_fetched_then_trace() {
    let url = blob_url(REGISTRY.trim().as_bytes());
    let cfg = config(&url);
    let Got::Bytes(bytes) = net::fetch_capped(&url, 4 << 20, 8_000, true).await else {
        panic!("registry fetch");
    };
    let src = RegistrySource::Network(Rc::new(bytes));
    let (mut v, status) = pipeline::stage1(scanned(VALID), &src, &cfg, &url, now());
    assert_eq!(status, RegistryStatus::Fresh);
    assert_eq!(v.verdict().state, State::Verified);
    assert!(!v.trace_urls().is_empty());
    v.add_trace(Fetched::Bytes(TRACE));
    let verdict = v.verdict();
    assert_eq!(verdict.state, State::Verified, "{:?}", verdict.checks);
    assert!(verdict.has(Code::TraceValid));
    assert!(verdict.product.is_some());
    assert!(verdict.events.len() > 3);
}

/// The app's props for the valid vector's link with a blob: registry URL.
fn app_props(registry_url: &str, taking_over: bool) -> txng_web::app::Props {
    txng_web::app::Props {
        config: Rc::new(Ok(config(registry_url))),
        initial_link: Some(scanned(VALID).to_string().into()),
        saved_lang: None,
        embedded: false,
        compact: false,
        kiosk: None,
        taking_over,
    }
}

/// The whole app in the page: config with a blob: registry URL (its relative trace templates
/// cannot resolve against a blob: URL, so the verdict is amber with `trace.unavailable`).
#[wasm_bindgen_test]
async fn app_renders_the_dom_contract() {
    let url = blob_url(REGISTRY.trim().as_bytes());
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = doc.create_element("div").expect("div");
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let props = app_props(&url, false);
    yew::Renderer::<txng_web::app::App>::with_root_and_props(root.clone(), props).render();
    let q = |sel: &str| root.query_selector(sel).ok().flatten();
    let mut state = String::new();
    for _ in 0..100 {
        sleep(50).await;
        state = q("#verdict")
            .and_then(|e| e.get_attribute("data-state"))
            .unwrap_or_default();
        if state != "verifying" && !state.is_empty() && q("#verdict[aria-busy]").is_none() {
            break;
        }
    }
    // The real clock is used here, so the outcome depends on today's date against the demo
    // registry; the contract holds whatever it is.
    assert!(
        [
            "verified",
            "verified_with_warnings",
            "invalid",
            "cannot_tell"
        ]
        .contains(&state.as_str()),
        "{state}"
    );
    for id in [
        "#main-reason",
        "#verdict-live",
        "#checks",
        "#lang-toggle",
        "#input-text",
        "#input-submit",
        "#open-camera",
        "#photo-input",
        "#net-status",
        "#scan-again",
    ] {
        assert!(q(id).is_some(), "{id} missing");
    }
    // The view model's rules (FORMAT.md §4.2): the honesty note only with green; reporting with
    // green and red, never with amber.
    assert_eq!(q("#honesty-note").is_some(), state == "verified", "{state}");
    match state.as_str() {
        "verified" | "invalid" => assert!(q("#report-fake").is_some(), "{state}"),
        "verified_with_warnings" => assert!(q("#report-fake").is_none(), "{state}"),
        _ => {}
    }
    let code = q("#main-reason")
        .and_then(|e| e.get_attribute("data-code"))
        .unwrap_or_default();
    assert!(Code::from_str_code(&code).is_some(), "{code}");
    assert!(q(&format!("#checks li[data-code=\"{code}\"]")).is_some());
    let live = q("#verdict-live")
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(!live.is_empty());
    // Language switch updates <html lang> and the button text.
    let toggle = q("#lang-toggle").expect("toggle");
    assert_eq!(toggle.text_content().as_deref(), Some("English"));
    toggle
        .dyn_ref::<web_sys::HtmlElement>()
        .expect("button")
        .click();
    sleep(50).await;
    assert_eq!(
        doc.document_element()
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some("en")
    );
    assert_eq!(
        q("#lang-toggle").and_then(|e| e.text_content()).as_deref(),
        Some("Tiếng Việt")
    );
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// A decoder that traps (a Rust panic under `panic = "abort"`) is replaced, and the frame reads as
/// "no code" instead of breaking the camera loop; other errors still surface.
#[wasm_bindgen_test]
fn trapped_scanner_is_replaced() {
    let make = js_sys::Function::new_no_args(
        "let made = 0;
         class Scanner {
           constructor() { this.n = ++made; }
           decode_rgba() { if (this.n === 1) throw new WebAssembly.RuntimeError('unreachable'); return 'ok ' + this.n; }
           decode_rgba_full() { throw new TypeError('not a trap'); }
           free() {}
         }
         return { m: { Scanner }, s: new Scanner() };",
    );
    let holder = make.call0(&wasm_bindgen::JsValue::NULL).expect("holder");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("canvas element");
    canvas.set_width(4);
    canvas.set_height(4);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .expect("2d")
        .dyn_into()
        .expect("2d context");
    use txng_web::scan::loader::decode_canvas;
    assert_eq!(decode_canvas(&holder, &ctx, 4, 4, false).ok(), Some(None));
    assert_eq!(
        decode_canvas(&holder, &ctx, 4, 4, false).ok(),
        Some(Some("ok 2".to_string()))
    );
    assert!(decode_canvas(&holder, &ctx, 4, 4, true).is_err());
}

/// FORMAT.md §3.3: every link or image from signed data is decided by the browser's URL parser.
/// Generated variants of separators, prefixes and hosts: whatever `safe_link` accepts resolves,
/// in this browser, to an `https:` URL or to the registry's own origin, and a path-form input
/// that the browser would send to another origin is never accepted.
#[wasm_bindgen_test]
fn links_are_decided_by_the_browser_url_parser() {
    use txng_web::links::{safe_image, safe_link, LinkBase};
    let base_url = "https://truyxuat.quangtri.gov.vn/registry.jws";
    let base = LinkBase::new(base_url);
    // A deployment that lets images load from one other origin.
    let listed = LinkBase(
        base.0.clone(),
        std::rc::Rc::from(vec!["https://xn--vit-nam-rwa.example".to_string()]),
    );
    let mut images = [0usize; 2];
    let origin = web_sys::Url::new(base_url).expect("base").origin();
    let prefixes = [
        "",
        " ",
        "\t",
        "\u{1}",
        "https:",
        "HTTPS:",
        "https:/",
        "http:",
        "javascript:",
        "/",
    ];
    let seps = [
        "/", "//", "/\t/", "/\n/", "/\r/", "\\", "/\\", "\\/", "/%2f", "/%5c", "/ /", "///", "/./",
        "/../", "/\u{0}/", "/\u{a0}/",
    ];
    let hosts = [
        "evil.example",
        "truyxuat.quangtri.gov.vn",
        "EVIL.example:443",
        "user@evil.example",
        "truyxuat.quangtri.gov.vn@evil.example",
        "127.0.0.1",
        "0x7f.1",
        "[::1]",
        "xn--vit-nam-rwa.example",
    ];
    let (mut accepted, mut refused) = (0, 0);
    for pre in prefixes {
        for sep in seps {
            for host in hosts {
                let input = format!("{pre}{sep}{host}/x.jpg");
                let browser = web_sys::Url::new_with_base(&input, base_url).ok();
                let path_form = input.starts_with('/') && !input.starts_with("//");
                match safe_link(&input, &base) {
                    Some(href) => {
                        accepted += 1;
                        let u = web_sys::Url::new(&href).expect("accepted links parse");
                        assert!(
                            u.protocol() == "https:" || u.origin() == origin,
                            "{input:?} -> {href}"
                        );
                        let raw = browser.as_ref().expect("the raw input parses too");
                        assert_eq!(
                            raw.href(),
                            href,
                            "{input:?}: the checked link is what is rendered"
                        );
                        if path_form {
                            assert_eq!(u.origin(), origin, "{input:?} -> {href}");
                        }
                    }
                    None => refused += 1,
                }
                // Images: only from the registry's origin, or one the deployment listed.
                for (i, b) in [&base, &listed].into_iter().enumerate() {
                    if let Some(img) = safe_image(&input, b) {
                        images[i] += 1;
                        let o = web_sys::Url::new(&img)
                            .expect("accepted images parse")
                            .origin();
                        assert!(o == origin || b.1.contains(&o), "{input:?} -> {img}");
                    }
                }
                if path_form && browser.is_some_and(|b| b.origin() != origin) {
                    assert_eq!(
                        safe_link(&input, &base),
                        None,
                        "{input:?} leaves the origin"
                    );
                }
            }
        }
    }
    assert!(
        accepted > 10 && refused > 1000,
        "{accepted} accepted, {refused} refused"
    );
    assert!(
        images[0] > 0 && images[1] > images[0],
        "images: {} from the registry's origin, {} with one listed origin",
        images[0],
        images[1]
    );
    assert_eq!(safe_link("/\t/evil.example/x", &base), None);
    assert_eq!(
        safe_link("/img/ca-phe.jpg", &base).as_deref(),
        Some("https://truyxuat.quangtri.gov.vn/img/ca-phe.jpg")
    );
}

const INDEX: &str = include_str!("../crates/txng-core/tests/vectors/data/registry-index.jws");
const COFFEE_SHARD: &[u8] =
    include_bytes!("../crates/txng-core/tests/vectors/data/shards/89350123-v1.json");
const SHARDED_VALID: &str =
    include_str!("../crates/txng-core/tests/vectors/valid/shard-01-danh-sach-phan-manh-hop-le.txt");

/// Sharded registry (FORMAT.md §2.7): the index goes through stage 1, then the shard. A saved
/// shard is used only when it is byte for byte the pinned one; a tampered saved shard is not used
/// (here the network has no shard either: grey, never green); the shard's version mark rises only
/// with an accepted shard and an index pinning an older version is refused.
#[wasm_bindgen_test]
async fn sharded_registry_index_then_shard() {
    let url = "https://example.test/registry-index.jws";
    clean(url);
    let _ = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(|s| {
            let _ = s.remove_item(&format!("txng.shard:{url}#89350123"));
            let _ = s.remove_item(&format!("txng.shard-version:{url}#89350123"));
        });
    let text =
        format!(r#"{{"registry_url":"{url}","registry_format":"sharded","anchors":{ANCHORS}}}"#);
    let cfg = Config::from_json(&text).expect("config");
    let code = scanned(SHARDED_VALID);

    let (mut v, status) = pipeline::stage1(code, &network(INDEX), &cfg, url, now());
    assert_eq!(status, RegistryStatus::Fresh);
    assert!(v.index().is_some() && v.registry().is_none());
    assert_eq!(v.shard_wanted().map(|s| s.from.as_str()), Some("89350123"));
    net::save_shard(url, "89350123", COFFEE_SHARD);
    pipeline::add_shard(&mut v, url).await;
    let verdict = v.verdict();
    assert!(verdict.has(Code::SignatureValid), "{:?}", verdict.checks);
    assert_eq!(net::known_shard_version(url, "89350123"), Some(1));

    // A tampered saved shard is not used; the fetch fails: registry.shard_unavailable.
    let mut bad = COFFEE_SHARD.to_vec();
    let at = bad.len() / 2;
    bad[at] ^= 1;
    net::save_shard(url, "89350123", &bad);
    let (mut v, _) = pipeline::stage1(code, &network(INDEX), &cfg, url, now());
    pipeline::add_shard(&mut v, url).await;
    let verdict = v.verdict();
    assert_eq!(verdict.state, State::CannotTell);
    assert!(
        verdict.has(Code::RegistryShardUnavailable),
        "{:?}",
        verdict.checks
    );
    assert!(!verdict.has(Code::SignatureValid));

    // A version 2 seen before: the index pinning version 1 is refused before any fetch.
    net::raise_shard_version(url, "89350123", 2);
    net::save_shard(url, "89350123", COFFEE_SHARD);
    let (mut v, _) = pipeline::stage1(code, &network(INDEX), &cfg, url, now());
    pipeline::add_shard(&mut v, url).await;
    let verdict = v.verdict();
    assert!(
        verdict.has(Code::RegistryShardRollback),
        "{:?}",
        verdict.checks
    );
    assert_eq!(verdict.state, State::CannotTell);
    assert_eq!(
        net::known_shard_version(url, "89350123"),
        Some(2),
        "never lowered"
    );
}

/// The verify-first hand-over (issue 10): what the first module fetched is taken once by the
/// interface, within the cap; a URL it did not fetch goes to the network.
#[wasm_bindgen_test]
async fn handed_bodies_are_taken_once_within_the_cap() {
    let url = blob_url(b"0123456789");
    let missing = net::resolve("/txng-handed-not-on-server.jws", "").expect("url");
    net::record_fetches();
    assert_eq!(
        net::fetch_capped(&url, 100, 5_000, false).await,
        Got::Bytes(b"0123456789".to_vec())
    );
    assert_eq!(
        net::fetch_capped(&missing, 100, 5_000, false).await,
        Got::Failed(Failure::Http(404))
    );
    let handed = net::recorded_to_js();
    let urls: Vec<String> = js_sys::Array::from(&handed)
        .iter()
        .map(|e| {
            js_sys::Array::from(&e)
                .get(0)
                .as_string()
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(urls, vec![url.clone()], "failures are not handed over");
    // Taken once: the blob URL is revoked, so only the hand-over can still answer it.
    web_sys::Url::revoke_object_url(&url).expect("revoke");
    net::accept_handed(&handed);
    assert_eq!(
        net::fetch_capped(&url, 100, 5_000, false).await,
        Got::Bytes(b"0123456789".to_vec())
    );
    assert_eq!(
        net::fetch_capped(&url, 100, 5_000, false).await,
        Got::Failed(Failure::Network)
    );
    // Over the cap of the asking fetch: refused like a network answer.
    net::accept_handed(&handed);
    assert_eq!(
        net::fetch_capped(&url, 4, 5_000, false).await,
        Got::TooLarge
    );
    // Anything that is not the first module's array is ignored.
    net::accept_handed(&wasm_bindgen::JsValue::from_str("x"));
    assert_eq!(
        net::fetch_capped(&url, 100, 5_000, false).await,
        Got::Failed(Failure::Network)
    );
}

/// The DOM backend of the element tree writes text as text and attribute values as values.
#[wasm_bindgen_test]
fn tree_dom_text_is_never_markup() {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let hostile = r#"<img src=x onerror="alert(1)">"#;
    let el = txng_web::tree::El::new("p")
        .attr("title", hostile)
        .text(hostile)
        .child(txng_web::tree::El::new("strong").text("ok"))
        .to_dom(&doc)
        .expect("dom");
    assert_eq!(el.tag_name(), "P");
    assert_eq!(el.child_element_count(), 1, "only the <strong>");
    assert_eq!(el.text_content().as_deref(), Some(&*format!("{hostile}ok")));
    assert_eq!(el.get_attribute("title").as_deref(), Some(hostile));
}

/// The interface taking over from the verify-first module (issue 10): the first module's banner
/// stays, with no second `#verdict` beside it, until the app's own verdict is final; then the app
/// shows its page and the first banner is gone.
#[wasm_bindgen_test]
async fn the_app_takes_over_the_first_banner_once_its_verdict_is_final() {
    let url = blob_url(REGISTRY.trim().as_bytes());
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = doc.create_element("div").expect("div");
    root.set_id(txng_web::MOUNT_ID);
    root.set_inner_html(
        r#"<div class="boot"><div class="main txng-first" role="status"><section id="verdict" data-state="verified"></section></div></div>"#,
    );
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let props = app_props(&url, true);
    // As mount_page does: Yew empties its host, so it gets its own after the first banner.
    let host = doc.create_element("div").expect("div");
    root.append_child(&host).expect("append");
    yew::Renderer::<txng_web::app::App>::with_root_and_props(host, props).render();
    let count = |sel: &str| {
        root.query_selector_all(sel)
            .map(|l| l.length())
            .unwrap_or(0)
    };
    assert_eq!(
        count(".txng-first #verdict"),
        1,
        "the first banner stays while the app verifies"
    );
    let mut taken = false;
    for _ in 0..100 {
        assert!(count("#verdict") <= 1, "never two verdicts at once");
        if count(".txng-first") == 0 {
            taken = true;
            break;
        }
        sleep(20).await;
    }
    assert!(taken, "the app took over");
    assert_eq!(count("#verdict"), 1);
    assert_eq!(count(".boot"), 0, "the boot placeholder went with it");
    assert_eq!(
        count("#verdict[aria-busy]"),
        0,
        "the app's verdict is final when it shows"
    );
    assert_eq!(count("#scan-again"), 1, "the interface is there");
    root.remove();
}

/// `take(url)` as `assets/boot.js` hands it to the verify-first module (issue 10), over requests
/// made up here: `[AbortController, Promise<Response>]` per URL, each taken once.
fn page_prefetch(entries: &str) -> wasm_bindgen::JsValue {
    let make = js_sys::Function::new_no_args(&format!(
        "const started = new Map();
         const answer = (status, body, headers) => [new AbortController(),
           Promise.resolve(new Response(body, {{ status, headers }}))];
         {entries}
         return (url) => Promise.resolve().then(() => {{
           const e = started.get(url) || null;
           started.delete(url);
           return e;
         }});"
    ));
    make.call0(&wasm_bindgen::JsValue::NULL).expect("take")
}

/// The requests the page started are read as any fetch: status, cap, `x-txng-saved`, a failure,
/// the timeout through their own controller; each is taken once, and only for its URL.
#[wasm_bindgen_test]
async fn page_prefetches_are_taken_once_for_their_url_and_read_as_any_fetch() {
    let at = |p: &str| net::resolve(p, "").expect("url");
    let (ok, capped, error, saved, failed, stalled, other) = (
        at("/txng-prefetch-ok.jws"),
        at("/txng-prefetch-capped.jws"),
        at("/txng-prefetch-503.jws"),
        at("/txng-prefetch-saved.jws"),
        at("/txng-prefetch-failed.jws"),
        at("/txng-prefetch-stalled.jws"),
        at("/txng-prefetch-not-started.jws"),
    );
    net::accept_prefetch(&page_prefetch(&format!(
        "started.set('{ok}', answer(200, '0123456789'));
         started.set('{capped}', answer(200, '0123456789'));
         started.set('{error}', answer(503, 'busy'));
         started.set('{saved}', answer(200, 'kept', {{ 'x-txng-saved': '1' }}));
         const failed = Promise.reject(new TypeError('network'));
         failed.catch(() => {{}});
         started.set('{failed}', [new AbortController(), failed]);
         const stall = new AbortController();
         started.set('{stalled}', [stall, new Promise((_, no) => stall.signal.addEventListener('abort',
           () => no(new DOMException('aborted', 'AbortError'))))]);"
    )));
    assert_eq!(
        net::fetch_capped(&ok, 100, 5_000, false).await,
        Got::Bytes(b"0123456789".to_vec())
    );
    // Taken once: the same URL again goes to the network (the test server has no such file).
    assert_eq!(
        net::fetch_capped(&ok, 100, 5_000, false).await,
        Got::Failed(Failure::Http(404))
    );
    assert_eq!(
        net::fetch_capped(&capped, 4, 5_000, false).await,
        Got::TooLarge
    );
    assert_eq!(
        net::fetch_capped(&error, 100, 5_000, false).await,
        Got::Failed(Failure::Http(503))
    );
    assert_eq!(
        net::fetch_capped(&saved, 100, 5_000, false).await,
        Got::Saved(b"kept".to_vec())
    );
    assert_eq!(
        net::fetch_capped(&failed, 100, 5_000, false).await,
        Got::Failed(Failure::Network)
    );
    // The deadline aborts a started request through the controller the page handed with it.
    assert_eq!(
        net::fetch_capped(&stalled, 100, 50, false).await,
        Got::Failed(Failure::Timeout)
    );
    assert_eq!(
        net::fetch_capped(&other, 100, 5_000, false).await,
        Got::Failed(Failure::Http(404)),
        "a URL the page did not start goes to the network"
    );
    // Anything but a function is ignored (and leaves no prefetch behind for the other tests).
    net::accept_prefetch(&wasm_bindgen::JsValue::from_str("take"));
    assert_eq!(
        net::fetch_capped(&other, 100, 5_000, false).await,
        Got::Failed(Failure::Http(404))
    );
    net::accept_prefetch(&wasm_bindgen::JsValue::UNDEFINED);
}

/// The page's guesses (`assets/boot.js`, between its "The guesses" markers) as one JS function
/// `(name, jws, base, pathname) => name(jws, base, pathname)`.
fn page_guess() -> js_sys::Function {
    const BOOT: &str = include_str!("../assets/boot.js");
    let start = BOOT
        .find("// -- The guesses")
        .expect("the guesses in boot.js");
    let end = BOOT.find("// -- End of the guesses").expect("their end");
    js_sys::Function::new_with_args(
        "name, jws, base, pathname",
        &format!(
            "{}\nreturn {{ traceUrl, shardUrl }}[name](jws, base, pathname);",
            &BOOT[start..end]
        ),
    )
}

fn call_guess(
    guess: &js_sys::Function,
    name: &str,
    jws: &str,
    base: &str,
    pathname: &str,
) -> wasm_bindgen::JsValue {
    let args = js_sys::Array::of4(&name.into(), &jws.into(), &base.into(), &pathname.into());
    guess
        .apply(&wasm_bindgen::JsValue::NULL, &args)
        .expect("the guesses throw only on what they cannot read")
}

/// The vectors' registry (or, `sharded`, their index) verified as fetched now from `base`, with
/// the valid label of each form.
fn verified_list(base: &str, sharded: bool) -> txng_core::Verification {
    let ctx = txng_core::verify::RegistryContext {
        from_cache: false,
        known_issued_at: None,
    };
    let anchors = config(base).anchors;
    if sharded {
        let index = Fetched::Bytes(INDEX.trim().as_bytes());
        txng_core::Verification::start_sharded(scanned(SHARDED_VALID), index, ctx, &anchors, now())
    } else {
        let registry = Fetched::Bytes(REGISTRY.trim().as_bytes());
        txng_core::Verification::start_with(scanned(VALID), registry, ctx, &anchors, now())
    }
}

/// A small xorshift generator: the same inputs every run.
fn generator(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    }
}

/// `assets/boot.js` guesses the trace URL from the registry (unverified) and the page's address,
/// to start it early; the module takes it only if it is the very URL the core gives. Differential:
/// the page's `traceUrl` against `Registry::trace_urls` + `net::resolve` over generated lots, each
/// written into the address with characters raw or percent-encoded at random (either hex case).
#[wasm_bindgen_test]
fn the_pages_trace_url_guess_is_the_cores_url() {
    let guess = page_guess();
    let base = "https://truyxuat.quangtri.gov.vn/registry.jws";
    let v = verified_list(base, false);
    let registry = v.registry().expect("the vector registry verifies");
    assert!(!registry.trace_url_templates.is_empty());

    // Lots from GS1's AI 82 set, with what a path may carry raw or must encode, and non-ASCII.
    let chars: Vec<char> = "!\"%&'()*+,-./:;<=>?_~ #@[]$abcXYZ0189ăệĐ漢😀"
        .chars()
        .collect();
    let mut next = generator(0x9e37_79b9_7f4a_7c15);
    let raw_ok = |c: char| c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c);
    for case in 0..400 {
        let len = 1 + next(20) as usize;
        let lot: String = (0..len)
            .map(|_| chars[next(chars.len() as u64) as usize])
            .collect();
        let gtin: String = (0..14).map(|_| char::from(b'0' + next(10) as u8)).collect();
        let mut seg = String::new();
        for c in lot.chars() {
            if raw_ok(c) && next(2) == 0 {
                seg.push(c);
            } else {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    seg.push_str(&if next(2) == 0 {
                        format!("%{b:02X}")
                    } else {
                        format!("%{b:02x}")
                    });
                }
            }
        }
        let tail = ["", "/21/000101", "/"][next(3) as usize];
        let prefix = ["", "/qr"][next(2) as usize];
        let pathname = format!("{prefix}/01/{gtin}/10/{seg}{tail}");
        let expected = registry
            .trace_urls(&gtin, &lot)
            .first()
            .and_then(|u| net::resolve(u, base));
        let got = call_guess(&guess, "traceUrl", REGISTRY, base, &pathname).as_string();
        assert_eq!(got, expected, "case {case}: lot {lot:?} at {pathname}");
    }
}

/// The shard a sharded registry's page asks for early (`shardUrl` in `assets/boot.js`) is the one
/// the core picks (`shard_for_gtin`, `shard_url`, then `net::resolve`): differential over generated
/// GTINs around and between the vector index's shard boundaries.
#[wasm_bindgen_test]
fn the_pages_shard_guess_is_the_cores_shard() {
    let guess = page_guess();
    let base = "https://truyxuat.quangtri.gov.vn/registry-index.jws";
    let v = verified_list(base, true);
    let index = v.index().expect("the vector index verifies");
    let stems = [
        "", "8", "89", "8934", "8935012", "89350122", "89350123", "89350124", "89350125",
        "89350126", "8935013", "9",
    ];
    let mut next = generator(0x2545_f491_4f6c_dd1d);
    let mut seen = std::collections::BTreeSet::new();
    for case in 0..400 {
        let stem = stems[next(stems.len() as u64) as usize];
        let mut gtin = char::from(b'0' + next(10) as u8).to_string();
        gtin.push_str(stem);
        while gtin.len() < 14 {
            gtin.push(char::from(b'0' + next(10) as u8));
        }
        let expected = index
            .shard_for_gtin(&gtin)
            .and_then(|s| net::resolve(&index.shard_url(s), base));
        let got = call_guess(
            &guess,
            "shardUrl",
            INDEX,
            base,
            &format!("/01/{gtin}/10/L1"),
        );
        let got = (!got.is_null()).then(|| {
            js_sys::Reflect::get(&got, &"url".into())
                .expect("url")
                .as_string()
                .expect("a string")
        });
        seen.insert(expected.clone());
        assert_eq!(got, expected, "case {case}: GTIN {gtin}");
    }
    assert!(
        seen.len() >= 4,
        "every shard and none were reached: {seen:?}"
    );
}
