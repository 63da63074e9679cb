//! `txng serve` over real sockets: limits (414, 431), timeouts (slowloris, idle, clients that never
//! read), the connection cap, brotli/gzip, security headers on errors, CORS, symbolic links that
//! leave the served roots, and thousands of idle connections that must not stop normal requests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The latency test runs alone (write lock); the others share (read lock), so its figure measures
/// the server, not the other tests of this file.
static EXCLUSIVE: std::sync::RwLock<()> = std::sync::RwLock::new(());

fn shared() -> std::sync::RwLockReadGuard<'static, ()> {
    EXCLUSIVE
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A running server, killed when the test ends (pass or fail).
struct Server {
    child: Child,
    addr: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const BIG: usize = 24 * 1024 * 1024;

/// A widget dir and a data dir with a registry, a trace, a JSON, a big PNG and symbolic links.
fn start(extra: &[&str]) -> Server {
    let dir = tempfile::tempdir().expect("tempdir");
    let web = dir.path().join("web");
    let data = dir.path().join("data");
    let outside = dir.path().join("outside");
    for d in [&web, &data, &outside, &data.join("trace")] {
        std::fs::create_dir_all(d).expect("mkdir");
    }
    std::fs::write(
        web.join("index.html"),
        "<!doctype html><title>txng</title>\n",
    )
    .expect("write");
    let js = "export const kiemTra = 'Kiểm tra nguồn gốc sản phẩm';\n".repeat(400);
    std::fs::write(web.join("app.js"), &js).expect("write");
    std::fs::create_dir_all(web.join("assets")).expect("mkdir");
    std::fs::write(web.join("assets").join("txng-verifier.js"), "export {};\n").expect("write");
    std::fs::write(
        data.join("registry.jws"),
        "eyJhbGciOiJFZDI1NTE5In0.e30.sig\n",
    )
    .expect("write");
    std::fs::write(data.join("trace").join("A.jws"), "eyJ0.e30.sig\n").expect("write");
    std::fs::write(outside.join("secret.json"), "{\"secret\": true}\n").expect("write");
    // Incompressible, so it is sent as is: for clients that never read it.
    let mut x: u64 = 88172645463325252;
    let big: Vec<u8> = (0..BIG)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()[0]
        })
        .collect();
    std::fs::write(data.join("big.png"), big).expect("write");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.join("secret.json"), data.join("escape.json"))
            .expect("symlink out");
        std::os::unix::fs::symlink(&outside, data.join("outdir")).expect("symlink dir out");
        std::os::unix::fs::symlink(data.join("registry.jws"), data.join("alias.jws"))
            .expect("symlink in");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_txng"))
        .args([
            "serve",
            "--dir",
            "web",
            "--data",
            "data",
            "--addr",
            "127.0.0.1:0",
        ])
        .args(extra)
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("first line");
    // Keep draining stdout so the server never blocks on it.
    std::thread::spawn(move || {
        let mut sink = Vec::new();
        let _ = out.read_to_end(&mut sink);
    });
    let addr = first
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://"))
        .expect("URL printed")
        .trim_end_matches('/')
        .to_string();
    Server {
        child,
        addr,
        _dir: dir,
    }
}

/// A response: status, headers (names lower-cased), body.
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn parse(raw: &[u8]) -> Resp {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of head");
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Resp {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    }
}

/// One request on a new connection (`Connection: close`), with extra header lines.
fn request(addr: &str, method: &str, target: &str, headers: &[&str]) -> Resp {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut req = format!("{method} {target} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n");
    for h in headers {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    parse(&raw)
}

fn get(addr: &str, target: &str, headers: &[&str]) -> Resp {
    request(addr, "GET", target, headers)
}

/// The headers every response must carry.
fn assert_security_headers(r: &Resp, frame_ancestors: &str) {
    let csp = r.header("content-security-policy").expect("CSP");
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{csp}"
    );
    assert!(!csp.contains("'unsafe-eval'") && !csp.contains("'unsafe-inline'"));
    assert!(
        csp.ends_with(&format!("frame-ancestors {frame_ancestors}")),
        "{csp}"
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
}

#[test]
fn limits_errors_and_headers_on_every_response() {
    let _shared = shared();
    let s = start(&[]);
    let a = &s.addr;
    let ok = get(a, "/", &[]);
    assert_eq!(ok.status, 200);
    assert_security_headers(&ok, "'self'");
    assert_eq!(ok.header("x-frame-options"), Some("SAMEORIGIN"));
    // Title-Case header names on the wire, as before.
    let mut raw = TcpStream::connect(a).expect("connect");
    raw.write_all(b"GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        .expect("send");
    let mut text = String::new();
    raw.read_to_string(&mut text).expect("read");
    assert!(
        text.contains("\r\nContent-Security-Policy: ")
            && text.contains("\r\nX-Content-Type-Options: nosniff")
    );

    let not_found = get(a, "/trace/none.jws", &[]);
    assert_eq!(not_found.status, 404);
    assert_security_headers(&not_found, "'self'");
    let forbidden = get(a, "/../etc/passwd", &[]);
    assert_eq!(forbidden.status, 403);
    assert_security_headers(&forbidden, "'self'");
    let post = request(a, "POST", "/", &["Content-Length: 0"]);
    assert_eq!(post.status, 405);
    assert_security_headers(&post, "'self'");

    let long = format!("/{}", "a".repeat(9000));
    let r = get(a, &long, &[]);
    assert_eq!(r.status, 414, "URI over 8 KiB");
    assert_security_headers(&r, "'self'");
    let under = format!("/01/08935012345677/10/{}", "A".repeat(7000));
    assert_eq!(
        get(a, &under, &[]).status,
        200,
        "a long label URL still works"
    );

    let big_header = format!("X-Filler: {}", "b".repeat(20_000));
    let r = get(a, "/", &[&big_header]);
    assert_eq!(r.status, 431, "headers over 16 KiB");
    assert_security_headers(&r, "'self'");
    let many: Vec<String> = (0..200).map(|i| format!("X-H{i}: v")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    assert_eq!(
        get(a, "/", &many).status,
        431,
        "more than 100 header fields"
    );
    let huge = format!("X-Filler: {}", "c".repeat(200_000));
    let mut conn = TcpStream::connect(a).expect("connect");
    conn.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let _ = conn.write_all(format!("GET / HTTP/1.1\r\nHost: t\r\n{huge}\r\n\r\n").as_bytes());
    let mut raw = Vec::new();
    let _ = conn.read_to_end(&mut raw);
    assert!(
        raw.starts_with(b"HTTP/1.1 431") || raw.is_empty(),
        "a 200 KiB head is refused: {}",
        String::from_utf8_lossy(&raw[..raw.len().min(80)])
    );
    assert_eq!(get(a, "/", &[]).status, 200, "still serving");
}

#[test]
fn brotli_and_gzip_by_accept_encoding() {
    let _shared = shared();
    use std::io::Read as _;
    let s = start(&[]);
    let a = &s.addr;
    let plain = get(a, "/app.js", &[]);
    assert_eq!(plain.status, 200);
    assert!(plain.header("content-encoding").is_none());
    assert_eq!(plain.header("vary"), Some("Accept-Encoding"));
    let original = plain.body;

    let br = get(a, "/app.js", &["Accept-Encoding: gzip, deflate, br"]);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.header("vary"), Some("Accept-Encoding"));
    let mut back = Vec::new();
    brotli::BrotliDecompress(&mut br.body.as_slice(), &mut back).expect("brotli");
    assert_eq!(back, original);
    assert!(
        br.body.len() * 10 < original.len(),
        "{} of {}",
        br.body.len(),
        original.len()
    );

    let gz = get(a, "/app.js", &["Accept-Encoding: gzip"]);
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    let mut back = Vec::new();
    flate2::read::GzDecoder::new(gz.body.as_slice())
        .read_to_end(&mut back)
        .expect("gunzip");
    assert_eq!(back, original);

    let no_br = get(a, "/app.js", &["Accept-Encoding: br;q=0, gzip"]);
    assert_eq!(no_br.header("content-encoding"), Some("gzip"));
    let png = get(a, "/big.png", &["Accept-Encoding: br, gzip"]);
    assert!(
        png.header("content-encoding").is_none(),
        "PNG is sent as is"
    );
    assert_eq!(png.body.len(), BIG);
    // HEAD says what GET sends. (A quick compression made for an early request is replaced once
    // by the startup pass's best one, so a pair straddling that moment may differ: the second
    // pair cannot.)
    let mut pairs = Vec::new();
    for _ in 0..2 {
        let head = request(a, "HEAD", "/app.js", &["Accept-Encoding: br"]);
        assert!(head.body.is_empty());
        assert_eq!(head.header("content-encoding"), Some("br"));
        let get = get(a, "/app.js", &["Accept-Encoding: br"]);
        let declared: Option<usize> = head.header("content-length").and_then(|l| l.parse().ok());
        pairs.push((declared, get.body.len()));
        if declared == Some(get.body.len()) {
            break;
        }
    }
    assert!(
        pairs.iter().any(|(h, g)| *h == Some(*g)),
        "HEAD and GET disagree: {pairs:?}"
    );
}

#[test]
#[cfg(unix)]
fn symbolic_links_are_not_followed_out_of_the_roots() {
    let _shared = shared();
    let s = start(&[]);
    let a = &s.addr;
    assert_eq!(get(a, "/escape.json", &[]).status, 404);
    let r = get(a, "/outdir/secret.json", &[]);
    assert_eq!(r.status, 404);
    assert!(!String::from_utf8_lossy(&r.body).contains("secret"));
    assert_security_headers(&r, "'self'");
    let inside = get(a, "/alias.jws", &[]);
    assert_eq!(inside.status, 200, "a link that stays inside is served");
    assert!(inside.body.starts_with(b"eyJ"));
}

#[test]
fn cors_for_registry_and_trace_files_only_for_configured_origins() {
    let _shared = shared();
    let none = start(&[]);
    let r = get(
        &none.addr,
        "/registry.jws",
        &["Origin: https://shop.example.vn"],
    );
    assert_eq!(r.status, 200);
    assert!(
        r.header("access-control-allow-origin").is_none(),
        "default: no CORS"
    );
    drop(none);

    let s = start(&[
        "--cors-origin",
        "https://shop.example.vn",
        "--frame-ancestors",
        "'self' https://shop.example.vn",
    ]);
    let a = &s.addr;
    for path in ["/registry.jws", "/trace/A.jws"] {
        let r = get(a, path, &["Origin: https://shop.example.vn"]);
        assert_eq!(r.status, 200);
        assert_eq!(
            r.header("access-control-allow-origin"),
            Some("https://shop.example.vn")
        );
        assert!(r
            .headers
            .iter()
            .any(|(n, v)| n == "vary" && v.contains("Origin")));
        assert_security_headers(&r, "'self' https://shop.example.vn");
        assert!(
            r.header("x-frame-options").is_none(),
            "cannot say 'self' + another origin"
        );
    }
    let widget = get(
        a,
        "/assets/txng-verifier.js",
        &["Origin: https://shop.example.vn"],
    );
    assert_eq!(widget.status, 200);
    assert_eq!(
        widget.header("access-control-allow-origin"),
        Some("https://shop.example.vn"),
        "the <txng-verifier> module is loaded cross-origin"
    );
    let root_js = get(a, "/app.js", &["Origin: https://shop.example.vn"]);
    assert!(root_js.header("access-control-allow-origin").is_none());
    let other = get(a, "/registry.jws", &["Origin: https://evil.example"]);
    assert!(other.header("access-control-allow-origin").is_none());
    let page = get(a, "/", &["Origin: https://shop.example.vn"]);
    assert!(
        page.header("access-control-allow-origin").is_none(),
        "only documents"
    );
    let pre = request(
        a,
        "OPTIONS",
        "/registry.jws",
        &[
            "Origin: https://shop.example.vn",
            "Access-Control-Request-Method: GET",
        ],
    );
    assert_eq!(pre.status, 204);
    assert_eq!(
        pre.header("access-control-allow-origin"),
        Some("https://shop.example.vn")
    );
    assert_eq!(
        pre.header("access-control-allow-methods"),
        Some("GET, HEAD")
    );
    drop(s);

    let any = start(&["--cors-origin", "*", "--frame-ancestors", "'none'"]);
    let r = get(&any.addr, "/trace/A.jws", &["Origin: https://x.example"]);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_security_headers(&r, "'none'");
    assert_eq!(r.header("x-frame-options"), Some("DENY"));
}

#[test]
fn bad_options_are_refused() {
    let _shared = shared();
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [
        ["--cors-origin", "https://a.example/path"],
        ["--frame-ancestors", "'self'; script-src *"],
        ["--header-timeout", "0"],
        ["--idle-timeout", "NaN"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_txng"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

/// Reads until the server closes the connection; the time it took.
fn closed_after(mut s: TcpStream) -> (Duration, usize) {
    let t = Instant::now();
    s.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let mut n = 0;
    let mut buf = [0u8; 65536];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => return (t.elapsed(), n),
            Ok(k) => n += k,
        }
    }
}

#[test]
fn timeouts_close_slowloris_idle_and_never_reading_clients() {
    let _shared = shared();
    let s = start(&[
        "--header-timeout",
        "1",
        "--idle-timeout",
        "1.5",
        "--write-timeout",
        "1",
    ]);
    let a = s.addr.clone();

    // Slowloris: a header byte every 200 ms never completes the head; closed by the header timeout.
    let mut slow = TcpStream::connect(&a).expect("connect");
    let t = Instant::now();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: t\r\n")
        .expect("send");
    let mut closed = false;
    for _ in 0..40 {
        std::thread::sleep(Duration::from_millis(200));
        if slow.write_all(b"X").is_err() {
            closed = true;
            break;
        }
    }
    let waited = t.elapsed();
    if !closed {
        closed = closed_after(slow).0 < Duration::from_secs(1);
    }
    assert!(closed, "slowloris connection still open after {waited:?}");
    assert!(waited < Duration::from_secs(5), "closed after {waited:?}");
    println!(
        "slowloris closed after {:.1} s (header timeout 1 s)",
        waited.as_secs_f64()
    );

    // Idle: a connection that sends nothing is closed.
    let idle = TcpStream::connect(&a).expect("connect");
    let (took, _) = closed_after(idle);
    assert!(
        took < Duration::from_secs(4),
        "idle connection closed after {took:?}"
    );
    println!("idle connection closed after {:.1} s", took.as_secs_f64());

    // Keep-alive idle after a response: closed too.
    let mut ka = TcpStream::connect(&a).expect("connect");
    ka.write_all(b"GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        .expect("send");
    let (took, n) = closed_after(ka);
    assert!(
        n > 0 && took < Duration::from_secs(5),
        "{n} bytes, {took:?}"
    );

    // A client that asks for 24 MiB and never reads: the write stalls, the server gives up.
    let mut stuck = TcpStream::connect(&a).expect("connect");
    stuck
        .write_all(b"GET /big.png HTTP/1.1\r\nHost: t\r\n\r\n")
        .expect("send");
    std::thread::sleep(Duration::from_secs(4));
    let (_, n) = closed_after(stuck);
    assert!(
        n < BIG,
        "got {n} of {BIG} bytes: the stalled response was cut off"
    );
    assert_eq!(get(&a, "/", &[]).status, 200, "still serving");
}

#[test]
fn connection_cap_answers_503_with_headers() {
    let _shared = shared();
    let s = start(&["--max-connections", "4"]);
    let held: Vec<TcpStream> = (0..4)
        .map(|_| TcpStream::connect(&s.addr).expect("connect"))
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let r = get(&s.addr, "/", &[]);
    assert_eq!(r.status, 503);
    assert_security_headers(&r, "'self'");
    assert_eq!(r.header("x-frame-options"), Some("SAMEORIGIN"));
    assert_eq!(r.body, b"busy\n");
    drop(held);
    let t = Instant::now();
    loop {
        if get(&s.addr, "/", &[]).status == 200 {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(5),
            "slots freed when clients leave"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Enough file descriptors for `n` sockets in this process (raises the soft limit if needed).
fn ensure_fds(n: u64) {
    #[cfg(unix)]
    {
        let (soft, hard) = rlimit::getrlimit(rlimit::Resource::NOFILE).expect("getrlimit");
        println!("ulimit -n: soft {soft}, hard {hard}");
        if soft < n {
            let now = rlimit::increase_nofile_limit(n).expect("raise soft limit");
            assert!(now >= n, "open-files limit {now} < {n}: raise `ulimit -n`");
        }
    }
}

#[test]
fn two_thousand_idle_connections_and_eight_slow_readers_do_not_stop_normal_requests() {
    let _alone = EXCLUSIVE
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    const IDLE: usize = 2000;
    ensure_fds(IDLE as u64 + 200);
    // Long timeouts: the idle connections must still be held when some of them are used below.
    let s = start(&["--header-timeout", "120", "--idle-timeout", "120"]);
    let a = s.addr.clone();
    let t = Instant::now();
    let idle: Vec<TcpStream> = (0..IDLE)
        .map(|i| TcpStream::connect(&a).unwrap_or_else(|e| panic!("idle connection {i}: {e}")))
        .collect();
    println!(
        "{IDLE} idle connections opened in {:.2} s",
        t.elapsed().as_secs_f64()
    );

    // Eight slow readers: each asks for 24 MiB and reads 1 KiB every 100 ms.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let readers: Vec<_> = (0..8)
        .map(|_| {
            let a = a.clone();
            let stop = std::sync::Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut c = TcpStream::connect(&a).expect("connect");
                c.write_all(b"GET /big.png HTTP/1.1\r\nHost: t\r\n\r\n")
                    .expect("send");
                let mut buf = [0u8; 1024];
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    match c.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(k) => n += k,
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
                n
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));

    let mut lat: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            let r = get(&a, "/registry.jws", &["Accept-Encoding: br"]);
            assert_eq!(r.status, 200);
            t.elapsed()
        })
        .collect();
    lat.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "with {IDLE} idle connections and 8 slow readers: 50 requests, median {:.1} ms, max {:.1} ms",
        ms(lat[25]),
        ms(lat[49])
    );
    assert!(
        lat[49] < Duration::from_secs(1),
        "max latency {:?}",
        lat[49]
    );

    // The idle connections were accepted and held (not refused): some of them now ask for a page.
    for mut c in idle.into_iter().step_by(200) {
        c.set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        c.write_all(b"GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            .expect("send on idle connection");
        let mut raw = Vec::new();
        c.read_to_end(&mut raw).expect("read");
        assert!(raw.starts_with(b"HTTP/1.1 200"), "idle connection answered");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for r in readers {
        let n = r.join().expect("reader");
        assert!(n > 0 && n < BIG, "slow reader got {n} bytes");
    }
    assert!(Path::new(env!("CARGO_BIN_EXE_txng")).exists());
}
