//! `txng serve`: the demo server, and what a kiosk or a small office may run. It serves the built
//! widget (`--dir`) and the demo data (`--data`) at the same root, falls back to `index.html` for
//! app routes (GS1 Digital Link paths such as `/01/…/10/…`) so a scanned demo link opens the
//! widget, and sends the headers the production site must send on every response, errors
//! included: a strict CSP that still lets WebAssembly compile (`'wasm-unsafe-eval'`, never
//! `'unsafe-eval'`) with a configurable `frame-ancestors` (default `'self'`), `nosniff`,
//! `Referrer-Policy`, and `no-cache` for pages and signed documents.
//!
//! It runs on hyper 1.x (HTTP/1.1) over tokio, so thousands of idle connections cost memory, not
//! threads, and it defends itself: request-line and header size limits (414, 431), a header read
//! timeout (slowloris), idle and write-stall timeouts (clients that never read), a connection cap
//! (503 beyond it; the accept loop never stops, also when the process is out of file descriptors).
//! Paths with `..` are refused and symbolic links are followed only when they stay inside the
//! served roots. Text and wasm are compressed with brotli and gzip once, at startup (in the
//! background, so the server answers at once), and sent by `Accept-Encoding` with `Vary`. The
//! registry and trace documents carry CORS headers for the configured origins, so another site can
//! embed the widget.

use crate::cli::ServeArgs;
use crate::error::{CliError, Result};
use crate::text::{fill, T};
use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime};
use txng_core::Lang;

/// The CSP source of the page's one inline script, `<script id="txng-preload">` in `index.html`
/// (it preloads the module the address needs; issue 10): its SHA-256. A test checks it against the
/// page; nginx deployments copy it from the README.
pub const PRELOAD_SCRIPT_HASH: &str = "'sha256-kR3rcCefUw1lEBL6Xqub4YFeF+xoAwbwLhkcyI+1eNE='";

/// The Content-Security-Policy of the widget, with its `frame-ancestors` sources.
pub fn csp(frame_ancestors: &str) -> String {
    format!("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {PRELOAD_SCRIPT_HASH}; style-src 'self'; img-src 'self' data: https:; connect-src 'self' https:; object-src 'none'; base-uri 'none'; frame-ancestors {frame_ancestors}")
}

/// Longest request target (path and query) answered; longer ones get 414.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Most header bytes (names and values) in a request; more get 431.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// hyper's read buffer: a request head larger than this is refused by hyper itself (431, closed).
const MAX_BUF_BYTES: usize = 64 * 1024;
/// Most header fields in a request (hyper answers 431 beyond).
const MAX_HEADER_COUNT: usize = 100;
/// Files larger than this are not compressed.
const MAX_COMPRESS_BYTES: u64 = 32 * 1024 * 1024;

/// Extensions of files a page loads: a missing one is a 404, not the app shell.
const ASSET_EXTS: &[&str] = &[
    "js",
    "mjs",
    "wasm",
    "css",
    "json",
    "jws",
    "svg",
    "png",
    "jpg",
    "jpeg",
    "webp",
    "ico",
    "map",
    "txt",
    "webmanifest",
    "woff",
    "woff2",
];

/// The MIME type of a file, by extension.
pub fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json; charset=utf-8",
        "jws" => "application/jose; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "css" => "text/css; charset=utf-8",
        "txt" | "csv" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// What a request path maps to.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// A file to send.
    File(PathBuf),
    /// The app shell for an app route.
    Index(PathBuf),
    /// Nothing here.
    NotFound,
    /// A path that tries to leave the served directories.
    Forbidden,
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Maps a request URL to a file under `roots` (first match wins), refusing traversal.
pub fn route(url: &str, roots: &[&Path]) -> Route {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let Some(decoded) = percent_decode(path) else {
        return Route::Forbidden;
    };
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments
        .iter()
        .any(|s| *s == ".." || *s == "." || s.contains('\\') || s.contains('\0') || s.contains(':'))
    {
        return Route::Forbidden;
    }
    let rel: PathBuf = segments.iter().collect();
    for root in roots {
        let mut p = root.join(&rel);
        if p.is_dir() {
            p = p.join("index.html");
        }
        if p.is_file() {
            return Route::File(p);
        }
    }
    let last_ext = segments
        .last()
        .and_then(|s| s.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    let is_asset = last_ext.is_some_and(|e| ASSET_EXTS.contains(&e.as_str()));
    let is_gs1 = segments.contains(&"01");
    if is_asset && !is_gs1 {
        return Route::NotFound;
    }
    roots
        .iter()
        .map(|r| r.join("index.html"))
        .find(|p| p.is_file())
        .map_or(Route::NotFound, Route::Index)
}

/// Whether a content type is worth compressing (PNG and JPEG already are).
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/wasm")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/jose")
        || content_type.starts_with("application/manifest")
        || content_type.starts_with("image/svg")
}

/// A file's compressed forms (each kept only if smaller than the file).
#[derive(Debug)]
pub struct Encoded {
    mtime: SystemTime,
    len: u64,
    /// The brotli quality used: a request that comes before the startup pass reaches its file
    /// gets a quick compression, which the startup pass then replaces with the best one.
    quality: u32,
    gzip: Option<Bytes>,
    br: Option<Bytes>,
}

/// Compressed bodies by canonical path.
type Cache = Mutex<HashMap<PathBuf, Arc<Encoded>>>;

/// The brotli quality of the startup pass (the best).
const BEST_QUALITY: u32 = 11;

/// gzip (best) and brotli (`quality`, 0–11) of a file.
pub fn compress(path: &Path, quality: u32) -> Option<Encoded> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() > MAX_COMPRESS_BYTES {
        return None;
    }
    let raw = std::fs::read(path).ok()?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&raw).ok()?;
    let gz = gz.finish().ok()?;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: i32::try_from(quality.min(11)).unwrap_or(11),
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut raw.as_slice(), &mut br, &params).ok()?;
    let smaller = |v: Vec<u8>| (v.len() < raw.len()).then(|| Bytes::from(v));
    Some(Encoded {
        mtime: meta.modified().ok()?,
        len: meta.len(),
        quality,
        gzip: smaller(gz),
        br: smaller(br),
    })
}

/// The compressed forms of a file, from the cache if it is still the same file.
fn cached(path: &Path, cache: &Cache) -> Option<Arc<Encoded>> {
    let meta = std::fs::metadata(path).ok()?;
    let c = cache.lock().ok()?;
    c.get(path)
        .filter(|e| Some(e.mtime) == meta.modified().ok() && e.len == meta.len())
        .cloned()
}

/// Puts a file's compressed forms into the cache unless an entry for the same file version and at
/// least the same quality is already there (a request and the startup pass may race); returns the
/// entry in force. A quick compression made for an early request is replaced by the startup
/// pass's best one, so it is not what every later visitor gets.
fn insert_fresh(cache: &Cache, path: PathBuf, enc: Encoded) -> Arc<Encoded> {
    let enc = Arc::new(enc);
    let Ok(mut c) = cache.lock() else {
        return enc;
    };
    match c.get(&path) {
        Some(old) if old.mtime == enc.mtime && old.len == enc.len && old.quality >= enc.quality => {
            Arc::clone(old)
        }
        _ => {
            c.insert(path, Arc::clone(&enc));
            enc
        }
    }
}

/// Compresses every compressible file under the roots (symbolic links are not followed).
fn precompress(roots: &[PathBuf], cache: &Cache) -> usize {
    let mut stack: Vec<PathBuf> = roots.to_vec();
    let mut n = 0;
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(ft) = e.file_type() else { continue };
            let p = e.path();
            if ft.is_dir() {
                stack.push(p);
            } else if ft.is_file()
                && compressible(mime(&p))
                && cached(&p, cache).is_none_or(|e| e.quality < BEST_QUALITY)
            {
                if let Some(enc) = compress(&p, BEST_QUALITY) {
                    insert_fresh(cache, p, enc);
                    n += 1;
                }
            }
        }
    }
    n
}

/// Which encoding to send: brotli, then gzip, as the client accepts them (`q=0` refuses).
pub fn pick_encoding(accept: &str) -> (bool, bool) {
    let mut br = false;
    let mut gzip = false;
    for part in accept.split(',') {
        let mut it = part.split(';');
        let name = it.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = it
            .filter_map(|p| p.trim().strip_prefix("q="))
            .filter_map(|q| q.trim().parse::<f32>().ok())
            .next_back()
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        match name.as_str() {
            "br" => br = true,
            "gzip" | "x-gzip" => gzip = true,
            "*" => {
                br = true;
                gzip = true;
            }
            _ => {}
        }
    }
    (br, gzip)
}

/// The server's configuration, checked.
#[derive(Debug)]
pub struct Settings {
    /// Served directories, canonical, first match wins.
    pub roots: Vec<PathBuf>,
    /// The CSP header value.
    pub csp: HeaderValue,
    /// `X-Frame-Options` for browsers without CSP frame-ancestors, when it can say the same.
    pub x_frame: Option<HeaderValue>,
    /// CORS: allowed origins (`*` for any).
    pub cors: Vec<String>,
    /// See the `ServeArgs` fields.
    pub header_timeout: Duration,
    /// See the `ServeArgs` fields.
    pub idle_timeout: Duration,
    /// See the `ServeArgs` fields.
    pub write_timeout: Duration,
    /// See the `ServeArgs` fields.
    pub max_connections: usize,
}

impl Settings {
    /// Checks the arguments.
    pub fn new(a: &ServeArgs, lang: Lang) -> Result<Settings> {
        let fa = a.frame_ancestors.trim();
        let fa_ok = !fa.is_empty()
            && fa
                .chars()
                .all(|c| c.is_ascii_graphic() && !matches!(c, ';' | ',') || c == ' ');
        let csp = HeaderValue::from_str(&csp(fa))
            .ok()
            .filter(|_| fa_ok)
            .ok_or_else(|| {
                CliError::new(fill(T::BadFrameAncestors.get(lang), &[&a.frame_ancestors]))
            })?;
        let x_frame = match fa {
            "'self'" => Some(HeaderValue::from_static("SAMEORIGIN")),
            "'none'" => Some(HeaderValue::from_static("DENY")),
            _ => None,
        };
        let mut cors = Vec::new();
        for o in &a.cors_origins {
            let o = o.trim().trim_end_matches('/');
            let ok = o == "*"
                || ((o.starts_with("https://") || o.starts_with("http://"))
                    && o.split_once("://")
                        .is_some_and(|(_, h)| !h.is_empty() && !h.contains('/'))
                    && HeaderValue::from_str(o).is_ok());
            if !ok {
                return Err(CliError::new(fill(T::BadCorsOrigin.get(lang), &[&o])));
            }
            cors.push(o.to_string());
        }
        let secs = |s: f64, name: &str| {
            if s.is_finite() && s > 0.0 && s <= 86_400.0 {
                Ok(Duration::from_secs_f64(s))
            } else {
                Err(CliError::new(fill(T::BadTimeout.get(lang), &[&name, &s])))
            }
        };
        let roots = [&a.dir, &a.data]
            .into_iter()
            .filter_map(|p| std::fs::canonicalize(p).ok().filter(|p| p.is_dir()))
            .collect();
        Ok(Settings {
            roots,
            csp,
            x_frame,
            cors,
            header_timeout: secs(a.header_timeout, "--header-timeout")?,
            idle_timeout: secs(a.idle_timeout, "--idle-timeout")?,
            write_timeout: secs(a.write_timeout, "--write-timeout")?,
            max_connections: a.max_connections.max(1),
        })
    }
}

/// Shared by all connections.
struct State {
    settings: Settings,
    cache: Cache,
}

type Body = Full<Bytes>;

fn text_response(status: StatusCode, text: &'static str) -> Response<Body> {
    let mut r = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

/// The headers every response carries, errors included.
fn security_headers(h: &mut HeaderMap, s: &Settings) {
    h.insert(header::CONTENT_SECURITY_POLICY, s.csp.clone());
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if let Some(x) = &s.x_frame {
        h.insert(header::X_FRAME_OPTIONS, x.clone());
    }
}

/// Whether a path is a document other sites may fetch (registry, trace, demo link lists), or a
/// file of the widget that a department website loads for the `<txng-verifier>` element (module
/// scripts, the wasm and the stylesheet it fetches are all CORS requests).
fn cors_path(path: &str) -> bool {
    path.ends_with(".jws")
        || path.ends_with(".json")
        || ((path.starts_with("/assets/") || path.starts_with("/pkg/"))
            && [".js", ".wasm", ".css"].iter().any(|e| path.ends_with(e)))
}

/// CORS headers for an allowed `Origin`.
fn cors_headers(req_headers: &HeaderMap, h: &mut HeaderMap, s: &Settings) {
    if s.cors.is_empty() {
        return;
    }
    if s.cors.iter().any(|o| o == "*") {
        h.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
        return;
    }
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    let origin = req_headers
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .unwrap_or("");
    if s.cors.iter().any(|o| o == origin) {
        if let Ok(v) = HeaderValue::from_str(origin) {
            h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
        }
    }
}

/// The canonical form of a routed file if it is inside a served root (a symbolic link may point
/// anywhere; only what resolves inside the roots is sent).
pub fn inside_roots(p: &Path, roots: &[PathBuf]) -> Option<PathBuf> {
    let c = std::fs::canonicalize(p).ok()?;
    roots.iter().any(|r| c.starts_with(r)).then_some(c)
}

async fn handle(
    req: Request<hyper::body::Incoming>,
    st: Arc<State>,
) -> std::result::Result<Response<Body>, Infallible> {
    let mut resp = respond(&req, &st).await;
    security_headers(resp.headers_mut(), &st.settings);
    Ok(resp)
}

async fn respond<B>(req: &Request<B>, st: &State) -> Response<Body> {
    let s = &st.settings;
    let target = req.uri().path_and_query().map_or("/", |p| p.as_str());
    if target.len() > MAX_URI_BYTES {
        return text_response(StatusCode::URI_TOO_LONG, "URI too long\n");
    }
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(n, v)| n.as_str().len() + v.len() + 4)
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        return text_response(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "request header fields too large\n",
        );
    }
    let path = req.uri().path();
    let is_head = req.method() == Method::HEAD;
    match *req.method() {
        Method::GET | Method::HEAD => {}
        Method::OPTIONS => {
            let mut r = text_response(StatusCode::NO_CONTENT, "");
            *r.body_mut() = Full::new(Bytes::new());
            r.headers_mut().insert(
                header::ALLOW,
                HeaderValue::from_static("GET, HEAD, OPTIONS"),
            );
            if cors_path(path) {
                cors_headers(req.headers(), r.headers_mut(), s);
                if r.headers()
                    .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN)
                {
                    let h = r.headers_mut();
                    h.insert(
                        header::ACCESS_CONTROL_ALLOW_METHODS,
                        HeaderValue::from_static("GET, HEAD"),
                    );
                    h.insert(
                        header::ACCESS_CONTROL_MAX_AGE,
                        HeaderValue::from_static("600"),
                    );
                }
            }
            return r;
        }
        _ => {
            let mut r = text_response(StatusCode::METHOD_NOT_ALLOWED, "method not allowed\n");
            r.headers_mut().insert(
                header::ALLOW,
                HeaderValue::from_static("GET, HEAD, OPTIONS"),
            );
            return r;
        }
    }
    let roots: Vec<&Path> = s.roots.iter().map(PathBuf::as_path).collect();
    let file = match route(target, &roots) {
        Route::File(p) | Route::Index(p) => match inside_roots(&p, &s.roots) {
            Some(c) => c,
            None => return text_response(StatusCode::NOT_FOUND, "not found\n"),
        },
        Route::NotFound => return text_response(StatusCode::NOT_FOUND, "not found\n"),
        Route::Forbidden => return text_response(StatusCode::FORBIDDEN, "forbidden\n"),
    };
    let content_type = mime(&file);
    let mut encoding = None;
    let mut body = None;
    if compressible(content_type) {
        let accept = req
            .headers()
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let (br, gzip) = pick_encoding(accept);
        if br || gzip {
            let enc = match cached(&file, &st.cache) {
                Some(e) => Some(e),
                None => {
                    // Changed or new since startup: compressed now (faster settings), then cached.
                    let f = file.clone();
                    tokio::task::spawn_blocking(move || compress(&f, 5))
                        .await
                        .ok()
                        .flatten()
                        .map(|e| insert_fresh(&st.cache, file.clone(), e))
                }
            };
            if let Some(e) = enc {
                if let (true, Some(b)) = (br, &e.br) {
                    encoding = Some("br");
                    body = Some(b.clone());
                } else if let (true, Some(b)) = (gzip, &e.gzip) {
                    encoding = Some("gzip");
                    body = Some(b.clone());
                }
            }
        }
    }
    let body = match body {
        Some(b) => b,
        None => match tokio::fs::read(&file).await {
            Ok(b) => Bytes::from(b),
            Err(_) => return text_response(StatusCode::NOT_FOUND, "not found\n"),
        },
    };
    let no_cache = matches!(
        file.extension().and_then(|e| e.to_str()),
        Some("html" | "jws" | "json")
    );
    // hyper sends no body for HEAD, with the Content-Length of this one.
    let _ = is_head;
    let mut r = Response::new(Full::new(body));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Some(e) = encoding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
    }
    if compressible(content_type) {
        h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if no_cache { "no-cache" } else { "max-age=300" }),
    );
    if cors_path(path) {
        cors_headers(req.headers(), h, s);
    }
    r
}

/// A TCP stream whose reads and writes fail when nothing has moved in either direction for too
/// long: an idle keep-alive connection is closed after `idle`, a client that stops reading its
/// response after `write`. Any progress restarts both clocks.
struct TimedIo {
    inner: tokio::net::TcpStream,
    idle: Duration,
    write: Duration,
    read_timer: Option<Pin<Box<tokio::time::Sleep>>>,
    write_timer: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl TimedIo {
    fn progress(&mut self) {
        self.read_timer = None;
        self.write_timer = None;
    }

    fn stalled(
        timer: &mut Option<Pin<Box<tokio::time::Sleep>>>,
        after: Duration,
        cx: &mut Context<'_>,
        what: &'static str,
    ) -> Poll<std::io::Error> {
        let t = timer.get_or_insert_with(|| Box::pin(tokio::time::sleep(after)));
        match t.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(std::io::Error::new(std::io::ErrorKind::TimedOut, what)),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl tokio::io::AsyncRead for TimedIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(r) => {
                this.progress();
                Poll::Ready(r)
            }
            Poll::Pending => {
                TimedIo::stalled(&mut this.read_timer, this.idle, cx, "idle timeout").map(Err)
            }
        }
    }
}

impl tokio::io::AsyncWrite for TimedIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_write(cx, buf) {
            Poll::Ready(r) => {
                this.progress();
                Poll::Ready(r)
            }
            Poll::Pending => {
                TimedIo::stalled(&mut this.write_timer, this.write, cx, "write timeout").map(Err)
            }
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_flush(cx) {
            Poll::Ready(r) => Poll::Ready(r),
            Poll::Pending => {
                TimedIo::stalled(&mut this.write_timer, this.write, cx, "write timeout").map(Err)
            }
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_shutdown(cx) {
            Poll::Ready(r) => Poll::Ready(r),
            Poll::Pending => {
                TimedIo::stalled(&mut this.write_timer, this.write, cx, "write timeout").map(Err)
            }
        }
    }
}

/// What a client beyond the connection cap gets before the connection is closed.
fn busy_response(s: &Settings) -> Vec<u8> {
    let csp = s.csp.to_str().unwrap_or_default();
    let x_frame = s
        .x_frame
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .map(|v| format!("X-Frame-Options: {v}\r\n"))
        .unwrap_or_default();
    format!("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\nRetry-After: 5\r\nConnection: close\r\nCache-Control: no-cache\r\nContent-Security-Policy: {csp}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n{x_frame}\r\nbusy\n").into_bytes()
}

/// Raises the soft open-files limit to the hard one (thousands of connections need thousands of
/// descriptors); returns the soft limit in force.
fn raise_nofile() -> Option<u64> {
    #[cfg(unix)]
    {
        rlimit::increase_nofile_limit(u64::MAX).ok()
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// `println!` that ignores a closed stdout (a supervisor that read the address and went away):
/// the server keeps serving.
macro_rules! say {
    ($($t:tt)*) => {{
        let mut o = std::io::stdout().lock();
        let _ = writeln!(o, $($t)*).and_then(|()| o.flush());
    }};
}

/// [`say!`] for stderr.
macro_rules! esay {
    ($($t:tt)*) => {{
        let mut o = std::io::stderr().lock();
        let _ = writeln!(o, $($t)*);
    }};
}

/// Runs `txng serve` until the process is killed.
pub fn run(a: &ServeArgs, lang: Lang) -> Result<ExitCode> {
    let mut settings = Settings::new(a, lang)?;
    if let Some(limit) = raise_nofile() {
        let room = usize::try_from(limit.saturating_sub(64))
            .unwrap_or(usize::MAX)
            .max(1);
        settings.max_connections = settings.max_connections.min(room);
    }
    for d in [&a.dir, &a.data] {
        if !d.is_dir() {
            eprintln!("{}", fill(T::DirMissing.get(lang), &[&d.display()]));
        }
    }
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 8);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .map_err(|e| CliError::new(fill(T::CannotListen.get(lang), &[&a.addr, &e])))?;
    rt.block_on(serve(a, settings, lang))
}

/// A listening socket with a long accept queue (4096, as far as the kernel allows): a burst of
/// connections waits there instead of being dropped.
async fn listen(addr: &str) -> std::io::Result<tokio::net::TcpListener> {
    let mut last = std::io::Error::new(std::io::ErrorKind::InvalidInput, "no address");
    for sa in tokio::net::lookup_host(addr).await? {
        let socket = if sa.is_ipv4() {
            tokio::net::TcpSocket::new_v4()?
        } else {
            tokio::net::TcpSocket::new_v6()?
        };
        #[cfg(unix)]
        socket.set_reuseaddr(true)?;
        match socket.bind(sa).and_then(|()| socket.listen(4096)) {
            Ok(l) => return Ok(l),
            Err(e) => last = e,
        }
    }
    Err(last)
}

async fn serve(a: &ServeArgs, settings: Settings, lang: Lang) -> Result<ExitCode> {
    let listener = listen(&a.addr)
        .await
        .map_err(|e| CliError::new(fill(T::CannotListen.get(lang), &[&a.addr, &e])))?;
    let shown = match listener.local_addr() {
        Ok(addr) => format!("http://{addr}/"),
        Err(_) => format!("http://{}/", a.addr),
    };
    say!("{}", fill(T::Serving.get(lang), &[&shown]));
    print_links(&a.data, &shown, lang);
    say!(
        "{}",
        fill(
            T::ServeLimits.get(lang),
            &[
                &settings.max_connections,
                &settings.header_timeout.as_secs_f64(),
                &settings.idle_timeout.as_secs_f64(),
                &settings.write_timeout.as_secs_f64(),
            ]
        )
    );
    let state = Arc::new(State {
        settings,
        cache: Mutex::default(),
    });
    {
        let st = Arc::clone(&state);
        tokio::task::spawn_blocking(move || {
            let t = std::time::Instant::now();
            let n = precompress(&st.settings.roots, &st.cache);
            esay!(
                "{}",
                fill(T::Precompressed.get(lang), &[&n, &t.elapsed().as_millis()])
            );
        });
    }
    let permits = Arc::new(tokio::sync::Semaphore::new(state.settings.max_connections));
    let busy = Bytes::from(busy_response(&state.settings));
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(c) => c,
            Err(e) => {
                // Out of descriptors (EMFILE) or a reset before accept: wait a little, keep going.
                esay!("accept: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            let busy = busy.clone();
            tokio::spawn(async move {
                let _ = tokio::time::timeout(Duration::from_secs(1), async {
                    use tokio::io::AsyncWriteExt as _;
                    let mut stream = stream;
                    let _ = stream.write_all(&busy).await;
                    let _ = stream.shutdown().await;
                })
                .await;
            });
            continue;
        };
        let _ = stream.set_nodelay(true);
        let st = Arc::clone(&state);
        tokio::spawn(async move {
            let io = TimedIo {
                inner: stream,
                idle: st.settings.idle_timeout,
                write: st.settings.write_timeout,
                read_timer: None,
                write_timer: None,
            };
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(st.settings.header_timeout)
                .max_buf_size(MAX_BUF_BYTES)
                .max_headers(MAX_HEADER_COUNT)
                .title_case_headers(true)
                .keep_alive(true);
            let svc_state = Arc::clone(&st);
            let svc = hyper::service::service_fn(move |req| handle(req, Arc::clone(&svc_state)));
            let _ = http
                .serve_connection(hyper_util::rt::TokioIo::new(io), svc)
                .await;
            drop(permit);
        });
    }
}

/// Shows the demo links (`links.txt`, or `links.json`) if the data directory has them, pointing at
/// the address actually served (the demo data is written for http://127.0.0.1:8080/).
fn print_links(data: &Path, shown: &str, lang: Lang) {
    const DEMO_BASE: &str = "http://127.0.0.1:8080/";
    if let Ok(t) = std::fs::read_to_string(data.join("links.txt")) {
        say!("{}", T::DemoLinks.get(lang));
        for l in t.lines().filter(|l| !l.trim().is_empty()) {
            say!("  {}", crate::text::clean(&l.replace(DEMO_BASE, shown)));
        }
    } else if let Ok(t) = std::fs::read_to_string(data.join("links.json")) {
        say!("{}", T::DemoLinks.get(lang));
        match serde_json::from_str::<serde_json::Value>(&t) {
            Ok(v) => say!(
                "{}",
                crate::text::clean_json(&serde_json::to_string_pretty(&v).unwrap_or(t))
            ),
            Err(_) => say!("{}", crate::text::clean_lines(&t)),
        }
    }
    for qr_dir in ["qr", "labels"] {
        let p = data.join(qr_dir);
        if p.is_dir() {
            say!("{}", fill(T::QrImagesAt.get(lang), &[&p.display()]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's inline preload script is exactly the one the CSP allows (any change to it
    /// needs the new hash here and in the README's nginx recipe).
    #[test]
    fn csp_allows_the_pages_preload_script() {
        use base64::Engine as _;
        use sha2::Digest as _;
        let html = include_str!("../../../index.html");
        let open = r#"<script id="txng-preload">"#;
        let start = html.find(open).expect("index.html has the preload script") + open.len();
        let end = start + html[start..].find("</script>").expect("closed");
        let digest = sha2::Sha256::digest(&html.as_bytes()[start..end]);
        let want = format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        );
        assert_eq!(want, PRELOAD_SCRIPT_HASH);
        assert!(csp("'self'").contains(&format!("script-src 'self' 'wasm-unsafe-eval' {want};")));
        let readme = include_str!("../../../README.md");
        assert!(
            readme.contains(&want),
            "README's nginx CSP carries the hash"
        );
    }

    #[test]
    fn routes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::write(root.join("index.html"), "<!doctype html>").expect("write");
        std::fs::write(root.join("app.wasm"), "x").expect("write");
        let roots = [root];
        assert_eq!(
            route("/app.wasm?v=1", &roots),
            Route::File(root.join("app.wasm"))
        );
        assert_eq!(route("/", &roots), Route::File(root.join("index.html")));
        assert_eq!(
            route("/01/08935012345677/10/A/21/1?8030=x", &roots),
            Route::Index(root.join("index.html"))
        );
        assert_eq!(route("/trace/1/A.jws", &roots), Route::NotFound);
        assert_eq!(route("/../etc/passwd", &roots), Route::Forbidden);
        assert_eq!(route("/%2e%2e/etc/passwd", &roots), Route::Forbidden);
        assert_eq!(mime(Path::new("a.wasm")), "application/wasm");
    }

    #[test]
    fn brotli_and_gzip_round_trip_and_only_for_text_and_wasm() {
        use std::io::Read as _;
        let dir = tempfile::tempdir().expect("tempdir");
        let f = dir.path().join("a.js");
        let text = "export const x = 'Kiểm tra nguồn gốc';\n".repeat(50);
        std::fs::write(&f, &text).expect("write");
        let e = compress(&f, 11).expect("compress");
        let gz = e.gzip.as_ref().expect("gzip smaller");
        let br = e.br.as_ref().expect("brotli smaller");
        assert!(gz.len() < text.len() / 5 && br.len() <= gz.len());
        let mut back = String::new();
        flate2::read::GzDecoder::new(gz.as_ref())
            .read_to_string(&mut back)
            .expect("gunzip");
        assert_eq!(back, text);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut br.as_ref(), &mut back).expect("unbrotli");
        assert_eq!(back, text.as_bytes());
        let cache = Cache::default();
        assert_eq!(precompress(&[dir.path().to_path_buf()], &cache), 1);
        assert!(cached(&f, &cache).is_some());
        std::fs::write(&f, "changed").expect("write");
        assert!(
            cached(&f, &cache).is_none(),
            "a changed file is not served stale"
        );
        assert!(compressible(mime(Path::new("a.wasm"))));
        assert!(compressible(mime(Path::new("r.jws"))));

        // A request before the startup pass reached the file: a quick compression is cached,
        // then the pass replaces it with the best, and a late quick one does not undo that.
        let g = dir.path().join("b.wasm");
        let data: Vec<u8> = (0..60_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 % 7)
            .collect();
        std::fs::write(&g, &data).expect("write");
        let quick = insert_fresh(&cache, g.clone(), compress(&g, 1).expect("quick"));
        assert_eq!(quick.quality, 1);
        assert_eq!(precompress(&[dir.path().to_path_buf()], &cache), 2);
        let best = cached(&g, &cache).expect("cached");
        assert_eq!(
            best.quality, BEST_QUALITY,
            "the startup pass replaced the quick one"
        );
        assert_eq!(best.br, compress(&g, BEST_QUALITY).expect("best").br);
        let late = insert_fresh(&cache, g.clone(), compress(&g, 1).expect("quick"));
        assert_eq!(
            late.quality, BEST_QUALITY,
            "a late quick one keeps the best"
        );
        assert!(!compressible(mime(Path::new("q.png"))));
    }

    #[test]
    fn accept_encoding() {
        assert_eq!(pick_encoding("gzip, deflate, br, zstd"), (true, true));
        assert_eq!(pick_encoding("gzip"), (false, true));
        assert_eq!(pick_encoding("br;q=0, gzip;q=0.5"), (false, true));
        assert_eq!(pick_encoding("br;q=1.0, gzip;q=0"), (true, false));
        assert_eq!(pick_encoding("identity"), (false, false));
        assert_eq!(pick_encoding(""), (false, false));
        assert_eq!(pick_encoding("*"), (true, true));
    }
}
