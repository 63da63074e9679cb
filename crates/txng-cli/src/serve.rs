//! `txng serve`: a small static server for trying the widget locally. It serves the built widget
//! (`--dir`) and the demo data (`--data`) at the same root, falls back to `index.html` for app
//! routes (GS1 Digital Link paths such as `/01/…/10/…`) so a scanned demo link opens the widget,
//! and sends the headers the production site must send: a strict CSP that still lets WebAssembly
//! compile (`'wasm-unsafe-eval'`, never `'unsafe-eval'`), `nosniff`, and `no-cache` for pages and
//! signed documents. Paths with `..` are refused. Text and wasm are sent gzip-compressed when the
//! browser accepts it (as any production host would), so the demo transfers what the budgets count.

use crate::cli::ServeArgs;
use crate::error::{CliError, Result};
use crate::text::{fill, T};
use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;
use tiny_http::{Header, Method, Request, Response, Server};
use txng_core::Lang;

/// The Content-Security-Policy of the widget.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: https:; connect-src 'self' https:; object-src 'none'; base-uri 'none'; frame-ancestors *";

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

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// Compressed bodies, by path and modification time, so each file is compressed once.
type GzipCache = Mutex<HashMap<PathBuf, (SystemTime, Arc<Vec<u8>>)>>;

/// Whether a content type is worth compressing (PNG and JPEG already are).
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/wasm")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/jose")
        || content_type.starts_with("application/manifest")
        || content_type.starts_with("image/svg")
}

fn accepts_gzip(req: &Request) -> bool {
    req.headers().iter().any(|h| {
        h.field.equiv("Accept-Encoding")
            && h.value
                .as_str()
                .split(',')
                .any(|e| e.trim().starts_with("gzip"))
    })
}

fn gzipped(path: &Path, cache: &GzipCache) -> Option<Arc<Vec<u8>>> {
    let mtime = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    if let Ok(c) = cache.lock() {
        if let Some((t, body)) = c.get(path) {
            if *t == mtime {
                return Some(Arc::clone(body));
            }
        }
    }
    let raw = std::fs::read(path).ok()?;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(&raw).ok()?;
    let body = Arc::new(enc.finish().ok()?);
    if let Ok(mut c) = cache.lock() {
        c.insert(path.to_path_buf(), (mtime, Arc::clone(&body)));
    }
    Some(body)
}

fn respond(req: Request, roots: &[&Path], cache: &GzipCache) {
    if !matches!(req.method(), Method::Get | Method::Head) {
        let mut r = Response::from_string("method not allowed\n").with_status_code(405);
        if let Some(h) = header("Allow", "GET, HEAD") {
            r.add_header(h);
        }
        let _ = req.respond(r);
        return;
    }
    let (status, file) = match route(req.url(), roots) {
        Route::File(p) | Route::Index(p) => (200, Some(p)),
        Route::NotFound => (404, None),
        Route::Forbidden => (403, None),
    };
    let content_type = file.as_deref().map_or("text/plain; charset=utf-8", mime);
    let gzip = file
        .as_deref()
        .filter(|_| compressible(content_type) && accepts_gzip(&req))
        .and_then(|p| gzipped(p, cache));
    let mut resp = match (&file, gzip) {
        (Some(_), Some(body)) => {
            let mut r = Response::from_data(body.as_slice().to_vec()).boxed();
            if let Some(h) = header("Content-Encoding", "gzip") {
                r.add_header(h);
            }
            r
        }
        (Some(p), None) => match std::fs::File::open(p) {
            Ok(f) => Response::from_file(f).boxed(),
            Err(_) => Response::from_string("not found\n")
                .with_status_code(404)
                .boxed(),
        },
        (None, _) => Response::from_string(if status == 403 {
            "forbidden\n"
        } else {
            "not found\n"
        })
        .with_status_code(status)
        .boxed(),
    };
    let no_cache = file.as_deref().is_none_or(|p| {
        matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("html" | "jws" | "json")
        )
    });
    let headers = [
        ("Content-Type", content_type),
        ("Content-Security-Policy", CSP),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Vary", "Accept-Encoding"),
        (
            "Cache-Control",
            if no_cache { "no-cache" } else { "max-age=300" },
        ),
    ];
    for (n, v) in headers {
        if let Some(h) = header(n, v) {
            resp.add_header(h);
        }
    }
    let _ = req.respond(resp);
}

/// Runs `txng serve` until the process is killed.
pub fn run(a: &ServeArgs, lang: Lang) -> Result<ExitCode> {
    let server = Server::http(&a.addr)
        .map_err(|e| CliError::new(fill(T::CannotListen.get(lang), &[&a.addr, &e])))?;
    let server = Arc::new(server);
    let cache: Arc<GzipCache> = Arc::default();
    let roots: Arc<Vec<PathBuf>> = Arc::new(
        [&a.dir, &a.data]
            .into_iter()
            .filter(|p| p.is_dir())
            .cloned()
            .collect(),
    );
    for d in [&a.dir, &a.data] {
        if !d.is_dir() {
            eprintln!("{}", fill(T::DirMissing.get(lang), &[&d.display()]));
        }
    }
    let shown = match server.server_addr().to_ip() {
        Some(ip) => format!("http://{ip}/"),
        None => format!("http://{}/", a.addr),
    };
    println!("{}", fill(T::Serving.get(lang), &[&shown]));
    print_links(&a.data, &shown, lang);
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let server = Arc::clone(&server);
            let roots = Arc::clone(&roots);
            let cache = Arc::clone(&cache);
            std::thread::spawn(move || {
                let refs: Vec<&Path> = roots.iter().map(PathBuf::as_path).collect();
                for req in server.incoming_requests() {
                    respond(req, &refs, &cache);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(ExitCode::SUCCESS)
}

/// Shows the demo links (`links.txt`, or `links.json`) if the data directory has them, pointing at
/// the address actually served (the demo data is written for http://127.0.0.1:8080/).
fn print_links(data: &Path, shown: &str, lang: Lang) {
    const DEMO_BASE: &str = "http://127.0.0.1:8080/";
    if let Ok(t) = std::fs::read_to_string(data.join("links.txt")) {
        println!("{}", T::DemoLinks.get(lang));
        for l in t.lines().filter(|l| !l.trim().is_empty()) {
            println!("  {}", l.replace(DEMO_BASE, shown));
        }
    } else if let Ok(t) = std::fs::read_to_string(data.join("links.json")) {
        println!("{}", T::DemoLinks.get(lang));
        match serde_json::from_str::<serde_json::Value>(&t) {
            Ok(v) => println!("{}", serde_json::to_string_pretty(&v).unwrap_or(t)),
            Err(_) => println!("{t}"),
        }
    }
    for qr_dir in ["qr", "labels"] {
        let p = data.join(qr_dir);
        if p.is_dir() {
            println!("{}", fill(T::QrImagesAt.get(lang), &[&p.display()]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn gzip_once_and_only_for_text_and_wasm() {
        use std::io::Read as _;
        let dir = tempfile::tempdir().expect("tempdir");
        let f = dir.path().join("a.js");
        let text = "export const x = 'Kiểm tra nguồn gốc';\n".repeat(50);
        std::fs::write(&f, &text).expect("write");
        let cache = GzipCache::default();
        let body = gzipped(&f, &cache).expect("gzip");
        assert!(body.len() < text.len() / 5);
        let mut back = String::new();
        flate2::read::GzDecoder::new(body.as_slice())
            .read_to_string(&mut back)
            .expect("gunzip");
        assert_eq!(back, text);
        assert!(Arc::ptr_eq(&body, &gzipped(&f, &cache).expect("cached")));
        assert!(compressible(mime(Path::new("a.wasm"))));
        assert!(compressible(mime(Path::new("r.jws"))));
        assert!(!compressible(mime(Path::new("q.png"))));
    }
}
