//! Snapshot tests of the `txng` binary: arguments in; stdout, stderr and exit code out. Expected
//! output lives in `tests/snapshots/*.txt` (run with `TXNG_UPDATE_SNAPSHOTS=1` to rewrite them after
//! an intended change, then review the diff). Keys are fixed test keys from `tests/fixtures/`, and
//! every run that reads the clock gets `--now`, so the snapshots are deterministic.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NOW: &str = "2026-07-01T00:00:00+07:00";
const GTIN: &str = "08935012345677";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture's path. Private keys (`*.pem`) are used from an owner-only copy: git checks files out
/// 0644, and `txng` refuses a key file that others can read.
fn fx(name: &str) -> String {
    if name.ends_with(".pem") {
        return common::private_key(name).display().to_string();
    }
    fixtures().join(name).display().to_string()
}

/// The result of one run, with temporary and fixture paths redacted.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn txng(dir: &Path, args: &[&str]) -> Run {
    txng_stdin(dir, args, None)
}

fn txng_stdin(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_txng"));
    cmd.args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn txng");
    if let Some(s) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(s.as_bytes())
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    let out: Output = child.wait_with_output().expect("wait");
    let redact = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace(&fixtures().display().to_string(), "[FIXTURES]")
            .replace(&common::keys_dir().display().to_string(), "[FIXTURES]")
            .replace(&dir.display().to_string(), "[TMP]")
    };
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: redact(&out.stdout),
        stderr: redact(&out.stderr),
    }
}

/// Compares a run with `tests/snapshots/{name}.txt`.
fn snapshot(name: &str, r: &Run) {
    let actual = format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        r.code, r.stdout, r.stderr
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/snapshots/{name}.txt"));
    if std::env::var_os("TXNG_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {} (run with TXNG_UPDATE_SNAPSHOTS=1)\n{actual}",
            path.display()
        )
    });
    assert_eq!(expected, actual, "snapshot {name} differs");
}

/// A temporary directory with the signed registry (authority key, fixed time).
fn with_registry() -> (tempfile::TempDir, Run) {
    let dir = tempfile::tempdir().expect("tempdir");
    let args = common::fixture_registry_args();
    let r = txng(
        dir.path(),
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    (dir, r)
}

fn sign_label(dir: &Path, lot: &str, serial: &str) -> String {
    let r = txng(
        dir,
        &[
            "sign",
            "--key",
            &fx("producer.pem"),
            "--producer-number",
            "1",
            "--gtin",
            GTIN,
            "--lot",
            lot,
            "--serial",
            serial,
            "--prod-date",
            "2026-06-01",
            "--expiry",
            "270601",
            "--origin",
            "704",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout.trim().to_string()
}

fn verify(dir: &Path, code: &str, extra: &[&str]) -> Run {
    let anchors = fx_anchors();
    let mut args = vec![
        "verify",
        code,
        "--registry",
        "registry.jws",
        "--anchors",
        &anchors,
        "--now",
        NOW,
    ];
    args.extend_from_slice(extra);
    txng(dir, &args)
}

fn fx_anchors() -> String {
    fx("anchors.json")
}

fn trace_sign(dir: &Path) -> Run {
    txng(
        dir,
        &[
            "trace",
            "sign",
            "--key",
            &fx("producer.pem"),
            "--producer",
            "htx-khe-sanh",
            "--number",
            "1",
            "--diary",
            &fx("diary.csv"),
            "--product",
            &fx("product.json"),
            "--gtin",
            GTIN,
            "--lot",
            "CF2406A",
            "--out",
            "trace.jws",
            "--now",
            "2026-06-02T00:00:00Z",
        ],
    )
}

#[test]
fn keygen_writes_0600_pem_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = txng(
        dir.path(),
        &[
            "keygen",
            "--out",
            "k.pem",
            "--producer",
            "htx-khe-sanh",
            "--number",
            "2",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let public = std::fs::read_to_string(dir.path().join("k.pem.pub")).expect("pub file");
    assert_eq!(public.trim().len(), 43, "32 bytes in base64url");
    assert!(r.stdout.contains(public.trim()), "public key printed");
    assert!(r.stdout.contains("[[producers.keys]]\nnumber = 2\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("k.pem"))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let before = std::fs::read(dir.path().join("k.pem")).expect("key");
    let again = txng(dir.path(), &["keygen", "--out", "k.pem"]);
    snapshot("keygen_refuses_overwrite", &again);
    assert_eq!(
        std::fs::read(dir.path().join("k.pem")).expect("key"),
        before,
        "key untouched"
    );

    match Command::new("openssl").arg("version").output() {
        Ok(o) if o.status.success() => {
            let st = Command::new("openssl")
                .args(["pkey", "-in", "k.pem", "-noout"])
                .current_dir(dir.path())
                .status()
                .expect("openssl");
            assert!(st.success(), "openssl accepts the PEM");
        }
        _ => eprintln!("note: openssl not found; PEM interoperability not checked"),
    }
}

#[test]
fn registry_sign_then_sign_then_verify_in_vietnamese() {
    let (dir, reg) = with_registry();
    snapshot("registry_sign", &reg);
    assert_eq!(reg.code, 0);
    let uri = sign_label(dir.path(), "CF2406A", "000123");
    assert_eq!(
        uri,
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/label_uri.txt")
        )
        .unwrap_or_default()
        .trim(),
        "label URI (Ed25519 is deterministic); update tests/snapshots/label_uri.txt if intended"
    );
    let r = verify(dir.path(), &uri, &[]);
    assert_eq!(r.code, 0);
    // Genuine, but without the production record: amber with its plain headline.
    assert!(r.stdout.contains("Mã hợp lệ – cần lưu ý"));
    snapshot("verify_vi", &r);
}

#[test]
fn tampered_lot_is_invalid_with_exit_1() {
    let (dir, _) = with_registry();
    let uri = sign_label(dir.path(), "CF2406A", "000123").replace("/10/CF2406A/", "/10/CF2406B/");
    let r = verify(dir.path(), &uri, &[]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("signature.invalid"));
    assert!(r.stdout.starts_with("✗ Đừng mua sản phẩm này\n"));
    assert!(r.stdout.contains("Chữ ký số không khớp"));
    assert!(
        r.stdout.contains("Báo hàng nghi giả: "),
        "red: whom to report to"
    );
    assert!(
        r.stdout.contains("số sê-ri 000123"),
        "red: the serial by the verdict"
    );
    snapshot("verify_tampered", &r);
}

#[test]
fn english_output() {
    let (dir, _) = with_registry();
    let uri = sign_label(dir.path(), "CF2406A", "000123");
    let r = verify(dir.path(), &uri, &["--lang", "en"]);
    assert_eq!(r.code, 0);
    snapshot("verify_en", &r);
}

#[test]
fn json_output_shape() {
    let (dir, _) = with_registry();
    assert_eq!(trace_sign(dir.path()).code, 0);
    let uri = sign_label(dir.path(), "CF2406A", "000123");
    let r = verify(dir.path(), &uri, &["--json", "--trace", "trace.jws"]);
    assert_eq!(r.code, 0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(v["state"], "verified");
    let checks = v["checks"].as_array().expect("checks");
    assert!(checks
        .iter()
        .all(|c| c["code"].is_string() && c["severity"].is_string()));
    assert!(checks
        .iter()
        .any(|c| c["code"] == "signature.valid" && c["detail"] == "producer=htx-khe-sanh key=1"));
    assert_eq!(v["label"]["lot"], "CF2406A");
    assert_eq!(v["producer"]["tax_code"], "3200123456");
    assert_eq!(v["product"]["name"], "Cà phê Arabica Khe Sanh rang xay");
    assert_eq!(v["events"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["events"][2]["step_label"], "Thu hoạch");
    assert_eq!(v["main"]["code"], "signature.valid");
}

#[test]
fn usage_and_io_errors_exit_2() {
    let (dir, _) = with_registry();
    let r = txng(dir.path(), &["sign", "--key", &fx("producer.pem")]);
    assert_eq!(r.code, 2, "missing arguments");
    let r = txng(dir.path(), &["verify", "x", "--registry", "registry.jws"]);
    snapshot("verify_no_anchors", &r);
    let r = txng(
        dir.path(),
        &[
            "verify",
            "x",
            "--registry",
            "nope.jws",
            "--anchors",
            &fx_anchors(),
        ],
    );
    assert_eq!(r.code, 2, "unreadable registry");
    std::fs::write(
        dir.path().join("bad.json"),
        "[{\"kid\":\"a\",\"public_key\":\"xyz\"}]",
    )
    .expect("write");
    let r = txng(
        dir.path(),
        &[
            "verify",
            "x",
            "--registry",
            "registry.jws",
            "--anchors",
            "bad.json",
        ],
    );
    assert_eq!(r.code, 2, "bad anchors file");
    let r = txng(
        dir.path(),
        &[
            "sign",
            "--key",
            &fx("producer.pem"),
            "--producer-number",
            "1",
            "--gtin",
            "08935012345678",
            "--lot",
            "A",
            "--serial",
            "1",
        ],
    );
    snapshot("sign_bad_check_digit", &r);
}

#[test]
fn not_a_traceability_code_is_exit_1() {
    let (dir, _) = with_registry();
    let r = verify(dir.path(), "WIFI:S:cafe;;", &[]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("payload.not_gs1"));
}

#[test]
fn element_string_from_stdin() {
    let (dir, _) = with_registry();
    let uri = sign_label(dir.path(), "CF2406A", "000123");
    // The same signed data as a scanner sends it: element string with GS separators.
    let sig = uri.rsplit_once("8030=").map(|x| x.1).expect("sig");
    let es = format!(
        "]Q30108935012345677112606011727060110CF2406A\u{1d}21000123\u{1d}422704\u{1d}8030{sig}\n"
    );
    let r = txng_stdin(
        dir.path(),
        &[
            "verify",
            "-",
            "--registry",
            "registry.jws",
            "--anchors",
            &fx_anchors(),
            "--now",
            NOW,
        ],
        Some(&es),
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("host.absent"));
}

#[test]
fn registry_with_conflicting_prefix_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(fixtures().join("producers.toml")).expect("fixture");
    let second = "\n[[producers]]\nid = \"htx-khac\"\nname = \"HTX Khác\"\ntax_code = \"1\"\ngs1_company_prefixes = [\"893501234\"]\naddress = { commune = \"Xã A\", province = \"Tỉnh Quảng Trị\" }\nkeys = []\n";
    std::fs::write(dir.path().join("p.toml"), text + second).expect("write");
    let r = txng(
        dir.path(),
        &[
            "registry",
            "sign",
            "--producers",
            "p.toml",
            "--key",
            &fx("authority.pem"),
            "--kid",
            "qt-2026",
            "--out",
            "r.jws",
            "--now",
            NOW,
        ],
    );
    snapshot("registry_prefix_conflict", &r);
    assert!(!dir.path().join("r.jws").exists(), "nothing written");
}

#[test]
fn batch_of_50_labels_with_sheet() {
    let (dir, _) = with_registry();
    let mut csv = String::from("gtin,lot,serial,prod_date,expiry,origin,product_name\n");
    for i in 1..=50 {
        csv.push_str(&format!(
            "{GTIN},CF2406A,{i:06},2026-06-01,270601,704,Cà phê <Khe Sanh> & \"Arabica\"\n"
        ));
    }
    std::fs::write(dir.path().join("labels.csv"), csv).expect("write");
    let r = txng(
        dir.path(),
        &[
            "sign",
            "--key",
            &fx("producer.pem"),
            "--producer-number",
            "1",
            "--batch",
            "labels.csv",
            "--out-dir",
            "out",
            "--sheet",
            "sheet.svg",
            "--png",
        ],
    );
    snapshot("batch_50", &r);
    let out = dir.path().join("out");
    let count = |ext: &str| {
        std::fs::read_dir(&out)
            .expect("out dir")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == ext))
            .count()
    };
    assert_eq!(count("svg"), 50);
    assert_eq!(count("png"), 50);
    let uris = std::fs::read_to_string(out.join("uris.csv")).expect("uris.csv");
    assert_eq!(uris.lines().count(), 51);
    let first_uri = uris
        .lines()
        .nth(1)
        .and_then(|l| l.split_once(','))
        .map(|x| x.1)
        .expect("row");
    // Every batch URI verifies.
    assert_eq!(verify(dir.path(), first_uri, &[]).code, 0);
    let p1 = std::fs::read_to_string(dir.path().join("sheet-001.svg")).expect("page 1");
    assert!(dir.path().join("sheet-002.svg").exists());
    assert!(!dir.path().join("sheet-003.svg").exists());
    assert!(
        p1.contains("Cà phê &lt;Khe Sanh&gt; &amp; &quot;Arabica&quot;"),
        "text escaped"
    );
    assert!(!p1.contains("<Khe Sanh>"));
    assert_eq!(p1.matches("<path").count(), 30, "30 labels per A4 page");
}

#[test]
fn bad_batch_row_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("labels.csv"),
        format!(
            "gtin,lot,serial,expiry\n{GTIN},A,1,270601\n{GTIN},A,2,2027-02-30\n{GTIN},A B,3,\n"
        ),
    )
    .expect("write");
    let r = txng(
        dir.path(),
        &[
            "sign",
            "--key",
            &fx("producer.pem"),
            "--producer-number",
            "1",
            "--batch",
            "labels.csv",
            "--out-dir",
            "out",
        ],
    );
    snapshot("batch_bad_rows", &r);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn trace_from_diary_then_verify_shows_events() {
    let (dir, _) = with_registry();
    let t = trace_sign(dir.path());
    snapshot("trace_sign_diary", &t);
    let uri = sign_label(dir.path(), "CF2406A", "000123");
    let r = verify(dir.path(), &uri, &["--trace", "trace.jws"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("trace.valid"));
    // Farm work by date only, no clock time (FORMAT.md §4.2).
    assert!(r.stdout.contains("28/05/2026  Thu hoạch"));
    snapshot("verify_with_trace", &r);
    // The trace of another lot does not match this label.
    let other = sign_label(dir.path(), "CF2406B", "000124");
    let r = verify(dir.path(), &other, &["--trace", "trace.jws"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("trace.mismatch"));
}

#[test]
fn unknown_diary_step_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("d.csv"), "date,step,place,actor,notes\n2026-03-05,Nhảy múa,Vườn,An,\n2026-13-01,Thu hoạch,Vườn,An,\n").expect("write");
    let r = txng(
        dir.path(),
        &[
            "trace",
            "sign",
            "--key",
            &fx("producer.pem"),
            "--producer",
            "htx-khe-sanh",
            "--number",
            "1",
            "--diary",
            "d.csv",
            "--product",
            &fx("product.json"),
            "--gtin",
            GTIN,
            "--lot",
            "CF2406A",
            "--out",
            "t.jws",
            "--now",
            NOW,
        ],
    );
    snapshot("trace_bad_diary", &r);
}

/// Kills the server this test started when the test ends, pass or fail.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_then_verify_over_http_fetches_the_trace_from_the_template() {
    use std::io::{BufRead, BufReader, Read, Write};
    let (dir, _) = with_registry();
    assert_eq!(trace_sign(dir.path()).code, 0);
    let data = dir.path().join("data");
    let trace_dir = data.join("trace").join(GTIN);
    std::fs::create_dir_all(&trace_dir).expect("mkdir");
    std::fs::copy(dir.path().join("registry.jws"), data.join("registry.jws")).expect("copy");
    std::fs::copy(dir.path().join("trace.jws"), trace_dir.join("CF2406A.jws")).expect("copy");
    let web = dir.path().join("web");
    std::fs::create_dir_all(&web).expect("mkdir");
    std::fs::write(
        web.join("index.html"),
        "<!doctype html><title>txng</title>\n",
    )
    .expect("write");
    std::fs::write(web.join("app.wasm"), b"\0asm").expect("write");

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
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let stdout = child.stdout.take().expect("stdout");
    let server = Server(child);
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("first line");
    let base = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("URL printed")
        .trim_end_matches('/')
        .to_string();
    let hostport = base.trim_start_matches("http://").to_string();

    let get = |method: &str, path: &str| -> String {
        let mut s = std::net::TcpStream::connect(&hostport).expect("connect");
        write!(
            s,
            "{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut r = String::new();
        s.read_to_string(&mut r).expect("read");
        r
    };
    let wasm = get("GET", "/app.wasm");
    assert!(wasm.starts_with("HTTP/1.1 200"), "{wasm}");
    assert!(wasm.contains("Content-Type: application/wasm"));
    assert!(wasm.contains("script-src 'self' 'wasm-unsafe-eval'"));
    assert!(!wasm.contains("'unsafe-eval'") && !wasm.contains("'unsafe-inline'"));
    assert!(wasm.contains("X-Content-Type-Options: nosniff"));
    let app = get("GET", &format!("/01/{GTIN}/10/CF2406A/21/000123?8030=x"));
    assert!(app.contains("Content-Type: text/html; charset=utf-8") && app.contains("<title>txng"));
    assert!(app.contains("Cache-Control: no-cache"));
    let head = get("HEAD", "/registry.jws");
    assert!(
        head.starts_with("HTTP/1.1 200") && !head.contains("eyJ"),
        "HEAD has no body"
    );
    assert!(get("GET", "/../registry.jws").starts_with("HTTP/1.1 403"));
    assert!(get("GET", "/trace/none/none.jws").starts_with("HTTP/1.1 404"));

    let uri = sign_label(dir.path(), "CF2406A", "000123");
    let registry_url = format!("{base}/registry.jws");
    let anchors = fx_anchors();
    let r = txng(
        dir.path(),
        &[
            "verify",
            &uri,
            "--registry",
            &registry_url,
            "--anchors",
            &anchors,
            "--now",
            NOW,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("trace.valid"), "{}", r.stdout);
    assert!(r.stdout.contains("Thu hoạch"));
    // Another lot: the template URL gives 404, reported as trace.unavailable (amber, exit 0).
    let other = sign_label(dir.path(), "CF2406B", "000124");
    let r = txng(
        dir.path(),
        &[
            "verify",
            &other,
            "--registry",
            &registry_url,
            "--anchors",
            &anchors,
            "--now",
            NOW,
        ],
    );
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("trace.unavailable") && r.stdout.contains("http 404"),
        "{}",
        r.stdout
    );
    drop(server);
}

/// The payload of a compact JWS.
fn jws_payload(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("jws");
    let payload = text.trim().split('.').nth(1).expect("payload part");
    let bytes = txng_core::b64::decode(payload).expect("base64url");
    serde_json::from_slice(&bytes).expect("JSON payload")
}

fn trace_sign_diary(dir: &Path, diary: &str, lang: &str) -> Run {
    std::fs::write(dir.join("d.csv"), diary).expect("write");
    txng(
        dir,
        &[
            "trace",
            "sign",
            "--key",
            &fx("producer.pem"),
            "--producer",
            "htx-khe-sanh",
            "--number",
            "1",
            "--diary",
            "d.csv",
            "--product",
            &fx("product.json"),
            "--gtin",
            GTIN,
            "--lot",
            "CF2406A",
            "--out",
            "t.jws",
            "--now",
            NOW,
            "--lang",
            lang,
        ],
    )
}

#[test]
fn diary_numbers_are_read_in_vietnamese_notation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let head = "date,step,place,actor,notes,input_kind,input_name,dose,phi_days,quantity,uom\n";
    let ok = format!(
        "{head}2026-05-28,Thu hoạch,Vườn,An,,,,,,3.200,KGM\n2026-05-29,Phơi,Sân,An,,phân bón,NPK,,,\"3,5\",TNE\n2026-05-30,Đóng gói,Xưởng,Bình,,,,,,\"1.234.567,25\",KGM\n"
    );
    let r = trace_sign_diary(dir.path(), &ok, "vi");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let events = jws_payload(&dir.path().join("t.jws"))["epcis"]["epcisBody"]["eventList"].clone();
    let q = |i: usize| events[i]["quantityList"][0]["quantity"].as_f64();
    assert_eq!(q(0), Some(3200.0), "3.200 is three thousand two hundred");
    assert_eq!(q(1), Some(3.5));
    assert_eq!(q(2), Some(1_234_567.25));

    let cases = [
        ("3.2", "quantity", "không rõ nghĩa"),
        ("3.20", "quantity", "không rõ nghĩa"),
        ("\"1,234.5\"", "quantity", "kiểu tiếng Anh"),
        ("NaN", "quantity", "không phải số"),
        ("inf", "quantity", "không phải số"),
        ("1e400", "quantity", "không phải số"),
        ("-5", "quantity", "không được âm"),
        ("12345678901234567", "quantity", "quá nhiều chữ số"),
    ];
    for (cell, col, words) in cases {
        let bad = format!("{head}2026-05-27,Thu hoạch,Vườn,An,,,,,,1200,KGM\n2026-05-28,Thu hoạch,Vườn,An,,,,,,{cell},KGM\n");
        let r = trace_sign_diary(dir.path(), &bad, "vi");
        assert_eq!(r.code, 2, "{cell} refused");
        assert!(
            r.stderr.contains(&format!("Dòng 3, cột {col}:")) && r.stderr.contains(words),
            "{cell}: {}",
            r.stderr
        );
    }
    let kind = format!("{head}2026-05-28,Bón phân,Vườn,An,,thuốc trừ sâu lạ,X,,,,\n2026-05-29,Bón phân,Vườn,An,,,,,21x,,\n2026-05-30,Phun thuốc,Vườn,An,,pesticide,Y,,99999999999,,\n");
    let r = trace_sign_diary(dir.path(), &kind, "vi");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("Dòng 2, cột input_kind: không biết loại vật tư"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("Dòng 4, cột phi_days"), "{}", r.stderr);
    let r = trace_sign_diary(dir.path(), &cases_en(head), "en");
    snapshot("diary_bad_numbers_en", &r);
}

fn cases_en(head: &str) -> String {
    format!("{head}2026-05-28,harvesting,Farm,An,,,,,,3.2,KGM\n2026-05-29,harvesting,Farm,An,,,,,,-1,KGM\n2026-05-30,harvesting,Farm,An,,magic,X,,,,\n")
}

fn batch(dir: &Path, csv: &str, extra: &[&str]) -> Run {
    std::fs::write(dir.join("labels.csv"), csv).expect("write");
    let mut args = vec![
        "sign",
        "--key",
        "KEY",
        "--producer-number",
        "1",
        "--batch",
        "labels.csv",
        "--out-dir",
        "out",
    ];
    let key = fx("producer.pem");
    args[2] = &key;
    args.extend_from_slice(extra);
    txng(dir, &args)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn batch_refuses_duplicates_and_replaces_earlier_output_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = |n: usize| {
        let mut csv = String::from("gtin,lot,serial\n");
        for i in 1..=n {
            csv.push_str(&format!("{GTIN},CF2406A,{i:06}\n"));
        }
        csv
    };
    let r = batch(dir.path(), &rows(40), &["--sheet", "sheet.svg"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(files_in(&dir.path().join("out")).len(), 41);
    assert!(dir.path().join("sheet-002.svg").exists());
    let first = std::fs::read_to_string(dir.path().join("out/uris.csv")).expect("uris");

    // Duplicates: refused with both line numbers; the earlier output is untouched.
    let dup = format!(
        "{}{GTIN},CF2406A,000002\n{GTIN}, CF2406A ,000003\n",
        rows(3)
    );
    let r = batch(dir.path(), &dup, &[]);
    assert_eq!(r.code, 2);
    snapshot("batch_duplicates", &r);
    assert!(r.stderr.contains("Dòng 5: trùng nhãn") && r.stderr.contains("với dòng 3"));
    assert!(r.stderr.contains("Dòng 6: trùng nhãn") && r.stderr.contains("với dòng 4"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/uris.csv")).expect("uris"),
        first,
        "a refused run leaves the earlier batch as it was"
    );
    // The same serial in another lot is another item.
    let other_lot = format!("{}{GTIN},CF2406B,000001\n", rows(1));
    assert_eq!(batch(dir.path(), &other_lot, &[]).code, 0);

    // A smaller batch replaces the earlier one whole: no stale label files, no stale sheet pages.
    let r = batch(dir.path(), &rows(3), &["--sheet", "sheet.svg"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        files_in(&dir.path().join("out")),
        [
            "00001_000001.svg",
            "00002_000002.svg",
            "00003_000003.svg",
            "uris.csv"
        ]
    );
    assert!(dir.path().join("sheet.svg").exists());
    assert!(
        !dir.path().join("sheet-001.svg").exists() && !dir.path().join("sheet-002.svg").exists()
    );
    assert!(
        files_in(dir.path()).iter().all(|f| !f.starts_with(".out")),
        "no temporary directory left: {:?}",
        files_in(dir.path())
    );

    // A directory that is not an earlier batch output is not replaced.
    let mine = dir.path().join("mine");
    std::fs::create_dir_all(&mine).expect("mkdir");
    std::fs::write(mine.join("notes.txt"), "keep me").expect("write");
    let key = fx("producer.pem");
    let r = txng(
        dir.path(),
        &[
            "sign",
            "--key",
            &key,
            "--producer-number",
            "1",
            "--batch",
            "labels.csv",
            "--out-dir",
            "mine",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("không thay thế"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(mine.join("notes.txt")).expect("kept"),
        "keep me"
    );
}

/// Signs a producer list given as text; returns the run.
fn registry_sign(dir: &Path, name: &str, text: &str, lang: &str) -> Run {
    std::fs::write(dir.join(name), text).expect("write");
    txng(
        dir,
        &[
            "registry",
            "sign",
            "--producers",
            name,
            "--key",
            &fx("authority.pem"),
            "--kid",
            "qt-2026",
            "--out",
            "r.jws",
            "--now",
            NOW,
            "--lang",
            lang,
        ],
    )
}

#[test]
fn registry_sign_refuses_expired_lists_and_locates_bad_producers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(fixtures().join("producers.toml")).expect("fixture");
    let expired = text.replace(
        "next_update = 2099-01-01T00:00:00+07:00",
        "next_update = 2026-06-01T00:00:00+07:00",
    );
    let r = registry_sign(dir.path(), "p.toml", &expired, "vi");
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("đã quá hạn cập nhật"), "{}", r.stderr);
    assert!(!dir.path().join("r.jws").exists());
    let backwards = text.replace(
        "next_update = 2099-01-01T00:00:00+07:00",
        "next_update = 2025-12-31T00:00:00+07:00",
    );
    let r = registry_sign(dir.path(), "p.toml", &backwards, "en");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("next_update (2025-12-30T17:00:00Z) must be after issued_at"),
        "{}",
        r.stderr
    );

    // A second producer without a tax code and with a bad key: named by number, id and line.
    let second = "\n[[producers]]\nid = \"htx-khac\"\nname = \"HTX Khác\"\ngs1_company_prefixes = [\"893509\"]\naddress = { commune = \"Xã A\", province = \"Tỉnh Quảng Trị\" }\n\n[[producers.keys]]\nnumber = 1\npublic_key = \"abc\"\nvalid_from = \"2026-01-01\"\n";
    let r = registry_sign(dir.path(), "p.toml", &format!("{text}{second}"), "vi");
    assert_eq!(r.code, 2);
    let line = text.lines().count() + 2;
    assert!(
        r.stderr.contains(&format!(
            "nhà sản xuất thứ 2 (htx-khac), dòng {line}: thiếu hoặc rỗng trường tax_code"
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("khóa thứ 1: public_key") && r.stderr.contains("khóa thứ 1: valid_from")
    );
    snapshot("registry_bad_producer", &r);

    // The same in JSON: the line of the producer's id.
    let json = serde_json::json!({
        "issued_at": "2026-01-01T00:00:00+07:00",
        "next_update": "2099-01-01T00:00:00+07:00",
        "resolvers": [], "trace_url_templates": [],
        "authority": {"name": "Sở KH&CN"},
        "producers": [
            {"id": "a", "name": "A", "tax_code": "1", "address": {"commune": "Xã A", "province": "Quảng Trị"}, "gs1_company_prefixes": ["893501"], "keys": []},
            {"id": "b", "name": "B", "tax_code": "2", "address": {"commune": "Xã A", "province": "Quảng Trị"}, "gs1_company_prefixes": ["893501"], "keys": []}
        ]
    });
    let pretty = serde_json::to_string_pretty(&json).expect("json");
    let r = registry_sign(dir.path(), "p.json", &pretty, "en");
    assert_eq!(r.code, 2);
    let line_of = |id: &str| {
        pretty
            .lines()
            .position(|l| l.contains(&format!("\"id\": \"{id}\"")))
            .expect("id line")
            + 1
    };
    assert!(
        r.stderr.contains("registry.prefix_conflict"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains(&format!("producer #1 (a), line {}", line_of("a"))),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains(&format!("producer #2 (b), line {}", line_of("b"))),
        "{}",
        r.stderr
    );
}

#[test]
#[cfg(unix)]
fn private_keys_readable_by_others_are_refused_and_openssl_keys_are_read() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = with_registry();
    let open = dir.path().join("open.pem");
    std::fs::copy(fixtures().join("producer.pem"), &open).expect("copy");
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let args = |lang: &'static str| {
        vec![
            "sign",
            "--key",
            "open.pem",
            "--producer-number",
            "1",
            "--gtin",
            GTIN,
            "--lot",
            "A",
            "--serial",
            "1",
            "--lang",
            lang,
        ]
    };
    let r = txng(dir.path(), &args("vi"));
    assert_eq!(r.code, 2);
    snapshot("key_too_open_vi", &r);
    assert!(r.stderr.contains("chmod 600 open.pem"));
    let r = txng(dir.path(), &args("en"));
    assert!(
        r.stderr.contains("readable by group or others") && r.stderr.contains("chmod 600 open.pem")
    );
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    assert_eq!(txng(dir.path(), &args("en")).code, 2, "group-readable too");
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    assert_eq!(txng(dir.path(), &args("en")).code, 0, "owner-only is fine");

    // A key made by OpenSSL (or, without it, by Python's cryptography) signs the registry, and
    // the registry verifies with the public key that tool computes.
    let made = Command::new("openssl")
        .args(["genpkey", "-algorithm", "ed25519", "-out", "ossl.pem"])
        .current_dir(dir.path())
        .status()
        .is_ok_and(|s| s.success());
    let public = if made {
        let der = Command::new("openssl")
            .args(["pkey", "-in", "ossl.pem", "-pubout", "-outform", "DER"])
            .current_dir(dir.path())
            .output()
            .expect("openssl pkey");
        assert!(der.status.success());
        der.stdout[der.stdout.len() - 32..].to_vec()
    } else {
        let py = "from cryptography.hazmat.primitives.asymmetric import ed25519\nfrom cryptography.hazmat.primitives import serialization as s\nk = ed25519.Ed25519PrivateKey.generate()\nopen('ossl.pem','wb').write(k.private_bytes(s.Encoding.PEM, s.PrivateFormat.PKCS8, s.NoEncryption()))\nimport sys; sys.stdout.buffer.write(k.public_key().public_bytes(s.Encoding.Raw, s.PublicFormat.Raw))\n";
        let out = Command::new("python3")
            .args(["-c", py])
            .current_dir(dir.path())
            .output()
            .expect("neither openssl nor python3 cryptography found");
        assert!(
            out.status.success(),
            "python cryptography: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    std::fs::set_permissions(
        dir.path().join("ossl.pem"),
        std::fs::Permissions::from_mode(0o600),
    )
    .expect("chmod");
    let r = txng(
        dir.path(),
        &[
            "registry",
            "sign",
            "--producers",
            &fx("producers.toml"),
            "--key",
            "ossl.pem",
            "--kid",
            "ossl",
            "--out",
            "registry.jws",
            "--now",
            "2026-03-01T00:00:00+07:00",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let uri = sign_label(dir.path(), "CF2406A", "000123");
    let anchor = format!("ossl={}", txng_core::b64::encode(&public));
    let r = txng(
        dir.path(),
        &[
            "verify",
            &uri,
            "--registry",
            "registry.jws",
            "--anchor",
            &anchor,
            "--now",
            NOW,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("registry.valid"));
}

/// No character that could drive a terminal, reorder text or start a line of its own.
fn assert_terminal_safe(s: &str) {
    let bad: Vec<char> = s
        .chars()
        .filter(|c| {
            *c != '\n'
                && (c.is_control()
                    || matches!(c, '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'))
        })
        .collect();
    assert!(bad.is_empty(), "unsafe characters {bad:?} in:\n{s}");
}

#[test]
fn document_text_is_printed_with_escapes_neutralised() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(fixtures().join("producers.toml")).expect("fixture");
    let evil = text
        .replace(
            "name = \"Hợp tác xã Cà phê Khe Sanh\"",
            "name = \"HTX \\u001b]8;;https://evil.example\\u0007Khe Sanh\\u001b[2J\\u009b31m\\u202eelif.exe\\u202c\"",
        )
        .replace("hotline = \"0233 3852 000\"", "hotline = \"0233\\r\\n✓ Đã xác thực\"");
    std::fs::write(dir.path().join("p.toml"), evil).expect("write");
    let r = txng(
        dir.path(),
        &[
            "registry",
            "sign",
            "--producers",
            "p.toml",
            "--key",
            &fx("authority.pem"),
            "--kid",
            "qt-2026\u{1b}[31m",
            "--out",
            "registry.jws",
            "--now",
            "2026-03-01T00:00:00+07:00",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_terminal_safe(&r.stdout);
    assert!(r.stdout.contains("HTX \\u{1b}]8;;https://evil.example\\u{7}Khe Sanh\\u{1b}[2J\\u{9b}31m\\u{202e}elif.exe\\u{202c}"), "{}", r.stdout);
    assert!(r.stdout.contains("kid: qt-2026\\u{1b}[31m"));
    let uri = sign_label(dir.path(), "CF2406A", "000123");
    let anchor = format!(
        "qt-2026\u{1b}[31m={}",
        std::fs::read_to_string(fixtures().join("authority.pem.pub"))
            .expect("pub")
            .trim()
    );
    for extra in [&[][..], &["--json"][..]] {
        let mut args = vec![
            "verify",
            &uri,
            "--registry",
            "registry.jws",
            "--anchor",
            &anchor,
            "--now",
            NOW,
        ];
        args.extend_from_slice(extra);
        let r = txng(dir.path(), &args);
        assert_eq!(r.code, 0, "{}", r.stdout);
        assert_terminal_safe(&r.stdout);
        assert_terminal_safe(&r.stderr);
        if extra.is_empty() {
            assert!(r.stdout.contains("Khe Sanh\\u{1b}[2J"), "{}", r.stdout);
        } else {
            let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("still JSON");
            assert!(
                v["producer"]["name"]
                    .as_str()
                    .expect("name")
                    .contains("\u{202e}elif.exe"),
                "same value"
            );
        }
    }
    // Errors too: a CSV cell with an escape sequence.
    let bad = "gtin,lot,serial\n08935012345677,\u{1b}[2J\u{202e},1\n";
    let r = batch(dir.path(), bad, &[]);
    assert_eq!(r.code, 2);
    assert_terminal_safe(&r.stderr);
}

/// The verifier checks a key's curve properties only when a signature names it (FORMAT.md §2.3
/// check 5); the signer checks every key, so no list with an unusable key is published.
#[test]
fn registry_sign_refuses_a_small_order_key_that_no_scan_would_name_yet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(fixtures().join("producers.toml")).expect("fixture");
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let second = format!(
        "\n[[producers]]\nid = \"htx-khac\"\nname = \"HTX Khác\"\ntax_code = \"3200000009\"\ngs1_company_prefixes = [\"893509\"]\naddress = {{ commune = \"Xã A\", province = \"Tỉnh Quảng Trị\" }}\n\n[[producers.keys]]\nnumber = 1\npublic_key = \"{}\"\nvalid_from = \"2026-01-01T00:00:00+07:00\"\n",
        txng_core::b64::encode(&identity)
    );
    let r = registry_sign(dir.path(), "p.toml", &format!("{text}{second}"), "en");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("registry.key_invalid"), "{}", r.stderr);
    assert!(r.stderr.contains("producer=htx-khac key=1"), "{}", r.stderr);
    assert!(!dir.path().join("r.jws").exists());
    // The same list with a genuine key is signed.
    let genuine = second.replace(
        &txng_core::b64::encode(&identity),
        &txng_core::b64::encode(
            ed25519_dalek::SigningKey::from_bytes(&[9; 32])
                .verifying_key()
                .as_bytes(),
        ),
    );
    let r = registry_sign(dir.path(), "p.toml", &format!("{text}{genuine}"), "en");
    assert_eq!(r.code, 0, "{}", r.stderr);
}
