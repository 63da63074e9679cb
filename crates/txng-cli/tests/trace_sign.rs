//! `txng trace sign` refuses what GS1's EPCIS 2.0 JSON schema or txng's EPCIS profile refuses, and
//! what every verifier would refuse, each with its reason (FORMAT.md §3.3, §3.6); and what it signs
//! validates against the schema and keeps txng's context.

use serde_json::{json, Value};
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const GTIN: &str = "08935012345677";
const CLASS: &str = "urn:epc:class:lgtin:893501234.0567.CF2406A";

fn fx(name: &str) -> String {
    if name.ends_with(".pem") {
        return common::private_key(name).display().to_string();
    }
    common::fixtures().join(name).display().to_string()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn txng(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_txng"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run txng");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The context FORMAT.md §3.3 publishes, written out here rather than taken from the CLI.
fn context() -> Value {
    json!(["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {
        "txng": "https://truyxuat.quangtri.gov.vn/ns/txng#",
        "txng:inputs": {"@id": "txng:inputs", "@context": {
            "kind": "txng:inputKind", "name": "txng:inputName",
            "active_ingredient": "txng:activeIngredient", "dose": "txng:dose",
            "phi_days": {"@id": "txng:preHarvestIntervalDays",
                         "@type": "http://www.w3.org/2001/XMLSchema#integer"}}}}])
}

fn event(time: &str, step: &str) -> Value {
    json!({
        "type": "ObjectEvent",
        "eventTime": time,
        "eventTimeZoneOffset": "+07:00",
        "action": "OBSERVE",
        "bizStep": step,
        "quantityList": [{"epcClass": CLASS}],
        "txng:placeName": "Vườn cà phê thôn Tân Hiệp",
    })
}

/// A valid payload: spraying, harvesting, packing, created after the last event.
fn payload() -> Value {
    let mut spraying = event(
        "2026-04-20T07:30:00+07:00",
        "https://truyxuat.quangtri.gov.vn/ns/txng#BizStep-spraying",
    );
    spraying["txng:inputs"] = json!([{"kind": "pesticide", "name": "Movento 150OD",
        "active_ingredient": "Spirotetramat 150 g/l", "dose": "0,5 l/ha", "phi_days": 21}]);
    json!({
        "format": "txng-trace/1",
        "gtin": GTIN,
        "lot": "CF2406A",
        "product": {"name": "Cà phê Arabica Khe Sanh rang xay", "image_url": "/img/cf.jpg",
            "standards": [{"kind": "tcvn", "number": "TCVN 5251:2015", "name": "Cà phê bột"}]},
        "epcis": {
            "@context": context(),
            "type": "EPCISDocument",
            "schemaVersion": "2.0",
            "creationDate": "2026-06-02T08:00:00+07:00",
            "epcisBody": {"eventList": [
                spraying,
                event("2026-05-28T06:00:00+07:00", "https://truyxuat.quangtri.gov.vn/ns/txng#BizStep-harvesting"),
                event("2026-06-01T09:00:00+07:00", "packing"),
            ]},
        },
    })
}

/// Signs `doc` as htx-khe-sanh#1 (extra arguments appended); returns the run and the output path.
fn sign(dir: &Path, doc: &Value, extra: &[&str]) -> (Run, PathBuf) {
    let input = dir.join("in.json");
    std::fs::write(&input, doc.to_string()).expect("write payload");
    let out = dir.join("trace.jws");
    let _ = std::fs::remove_file(&out);
    let input_s = input.display().to_string();
    let out_s = out.display().to_string();
    let key = fx("producer.pem");
    let mut args = vec![
        "trace",
        "sign",
        "--key",
        key.as_str(),
        "--producer",
        "htx-khe-sanh",
        "--number",
        "1",
        "--json",
        input_s.as_str(),
        "--out",
        out_s.as_str(),
        "--now",
        "2026-06-02T08:00:00+07:00",
    ];
    args.extend_from_slice(extra);
    (txng(dir, &args), out)
}

fn refused(r: &Run, out: &Path, needles: &[&str]) {
    assert_eq!(r.code, 2, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(!out.exists(), "nothing is written when refused");
    for n in needles {
        assert!(r.stderr.contains(n), "stderr lacks {n:?}:\n{}", r.stderr);
    }
}

fn registry(dir: &Path) -> String {
    let args = common::fixture_registry_args();
    let r = txng(dir, &args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(r.code, 0, "{}", r.stderr);
    dir.join("registry.jws").display().to_string()
}

fn decode_payload(jws: &str) -> Value {
    let p = jws.trim().split('.').nth(1).expect("three parts");
    let bytes = txng_core::b64::decode(p).expect("base64url");
    serde_json::from_slice(&bytes).expect("JSON")
}

#[test]
fn valid_document_is_signed_with_the_registry_and_keeps_its_context() {
    let dir = tempfile::tempdir().expect("tempdir");
    let reg = registry(dir.path());
    let anchors = fx("anchors.json");
    let (r, out) = sign(
        dir.path(),
        &payload(),
        &["--registry", &reg, "--anchors", &anchors],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = decode_payload(&std::fs::read_to_string(out).expect("written"));
    assert_eq!(doc["epcis"]["@context"], context());
    assert_eq!(
        doc["epcis"]["epcisBody"]["eventList"][0]["txng:inputs"][0]["phi_days"],
        21
    );
}

/// What the verifier would only warn about is signed, with the warnings shown first.
#[test]
fn profile_warnings_are_shown_when_signing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (r, _) = sign(dir.path(), &payload(), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("Lưu ý"), "{}", r.stdout);
    let mut doc = payload();
    doc["product"]
        .as_object_mut()
        .map(|m| m.remove("standards"));
    for e in doc["epcis"]["epcisBody"]["eventList"]
        .as_array_mut()
        .expect("events")
    {
        e.as_object_mut().map(|m| m.remove("bizStep"));
    }
    let (r, out) = sign(dir.path(), &doc, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(out.exists());
    for code in [
        "info.missing_standards",
        "info.missing_stages",
        "Thiếu tiêu chuẩn áp dụng",
    ] {
        assert!(r.stdout.contains(code), "{code}: {}", r.stdout);
    }
    let mut empty = payload();
    empty["epcis"]["epcisBody"]["eventList"] = json!([]);
    let (r, _) = sign(dir.path(), &empty, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("trace.no_events"), "{}", r.stdout);
}

/// A recall must name what is recalled: EPCIS allows a sensor-only event, txng does not for this.
#[test]
fn recall_without_goods_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut recall = event("2026-06-01T10:00:00+07:00", "holding");
    recall["disposition"] = json!("recalled");
    recall.as_object_mut().map(|m| m.remove("quantityList"));
    recall["readPoint"] = json!({"id": "urn:epc:id:sgln:893501234.0001.0"});
    recall["sensorElementList"] =
        json!([{"sensorReport": [{"type": "Temperature", "value": 30, "uom": "CEL"}]}]);
    let mut doc = payload();
    doc["epcis"]["epcisBody"]["eventList"]
        .as_array_mut()
        .expect("events")
        .push(recall.clone());
    let (r, out) = sign(dir.path(), &doc, &[]);
    refused(
        &r,
        &out,
        &["sự kiện thu hồi lúc 01/06/2026 10:00", "không ghi hàng hóa"],
    );
    recall["quantityList"] = json!([{"epcClass": CLASS, "quantity": 400, "uom": "H87"}]);
    let events = doc["epcis"]["epcisBody"]["eventList"]
        .as_array_mut()
        .expect("events");
    events.pop();
    events.push(recall);
    let (r, _) = sign(dir.path(), &doc, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn schema_violations_are_refused_with_their_paths() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = payload();
    let e = &mut doc["epcis"]["epcisBody"]["eventList"][1];
    e.as_object_mut().map(|m| m.remove("quantityList"));
    doc["epcis"]["epcisBody"]["eventList"][2]["eventTimeZoneOffset"] = json!("+7:00");
    let (r, out) = sign(dir.path(), &doc, &[]);
    refused(
        &r,
        &out,
        &[
            "lược đồ JSON EPCIS 2.0 chính thức của GS1",
            "crates/txng-cli/data/epcis/EPCIS-JSON-Schema.json",
            "epcis/epcisBody/eventList/1",
            "epcis/epcisBody/eventList/2/eventTimeZoneOffset",
            "#/definitions",
            "sự kiện không ghi hàng hóa",
            "giá trị sai định dạng",
        ],
    );
    let mut no_creation = payload();
    no_creation["epcis"]
        .as_object_mut()
        .map(|m| m.remove("creationDate"));
    let (r, out) = sign(dir.path(), &no_creation, &["--lang", "en"]);
    refused(
        &r,
        &out,
        &["GS1's official EPCIS 2.0 JSON schema", "creationDate"],
    );
}

#[test]
fn event_after_creation_date_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = payload();
    doc["epcis"]["creationDate"] = json!("2026-06-01T08:59:00+07:00");
    let (r, out) = sign(dir.path(), &doc, &[]);
    refused(
        &r,
        &out,
        &[
            "sự kiện #2 (2026-06-01T09:00:00+07:00)",
            "sau thời điểm lập tài liệu",
        ],
    );
    // Equal is fine: the last event at the creation time itself.
    doc["epcis"]["creationDate"] = json!("2026-06-01T02:00:00Z");
    let (r, _) = sign(dir.path(), &doc, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// Generated orders of the same three events: signed exactly when oldest first.
#[test]
fn events_out_of_order_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = payload();
    let events = base["epcis"]["epcisBody"]["eventList"]
        .as_array()
        .expect("events")
        .clone();
    for perm in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        let mut doc = base.clone();
        doc["epcis"]["epcisBody"]["eventList"] =
            Value::Array(perm.iter().map(|&i| events[i].clone()).collect());
        let (r, out) = sign(dir.path(), &doc, &[]);
        if perm == [0, 1, 2] {
            assert_eq!(r.code, 0, "{}", r.stderr);
        } else {
            refused(&r, &out, &["Hãy xếp các sự kiện theo thời gian, cũ trước"]);
        }
    }
}

#[test]
fn over_the_verifiers_caps_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut many = payload();
    let e = event("2026-05-28T06:00:00+07:00", "packing");
    many["epcis"]["epcisBody"]["eventList"] = Value::Array(vec![e; 1001]);
    let (r, out) = sign(dir.path(), &many, &[]);
    refused(&r, &out, &["trace.too_many_events", "events=1001"]);

    let mut big = payload();
    big["epcis"]["epcisBody"]["eventList"][0]["txng:notes"] = json!("a".repeat(800 * 1024));
    let (r, out) = sign(dir.path(), &big, &[]);
    refused(&r, &out, &["trace.too_large", "limit=1048576"]);
}

#[test]
fn extension_keys_need_txng_context_and_namespace() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bare = payload();
    bare["epcis"]["@context"] =
        json!(["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"]);
    let (r, out) = sign(dir.path(), &bare, &[]);
    refused(
        &r,
        &out,
        &["JSON-LD", "https://truyxuat.quangtri.gov.vn/ns/txng#"],
    );

    let mut prefix_only = payload();
    prefix_only["epcis"]["@context"] = json!([
        "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
        {"txng": "https://truyxuat.quangtri.gov.vn/ns/txng#"}
    ]);
    let (r, out) = sign(dir.path(), &prefix_only, &[]);
    refused(&r, &out, &["txng:inputs"]);

    let mut legacy = payload();
    legacy["epcis"]["@context"][1]["txng"] = json!("urn:txng:");
    let (r, out) = sign(dir.path(), &legacy, &[]);
    refused(&r, &out, &["urn:txng:", "FORMAT.md §3.4"]);

    let mut old_step = payload();
    old_step["epcis"]["epcisBody"]["eventList"][1]["bizStep"] =
        json!("urn:txng:bizstep:harvesting");
    let (r, out) = sign(dir.path(), &old_step, &[]);
    refused(
        &r,
        &out,
        &["https://truyxuat.quangtri.gov.vn/ns/txng#BizStep-harvesting"],
    );
}

#[test]
fn registry_refusals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let reg = registry(dir.path());
    let anchors = fx("anchors.json");
    let with = ["--registry", reg.as_str(), "--anchors", anchors.as_str()];

    // A producer id the registry does not list.
    let input = dir.path().join("in.json");
    std::fs::write(&input, payload().to_string()).expect("write");
    let r = txng(
        dir.path(),
        &[
            "trace",
            "sign",
            "--key",
            &fx("producer.pem"),
            "--producer",
            "htx-khac",
            "--number",
            "1",
            "--json",
            &input.display().to_string(),
            "--out",
            "t.jws",
            "--now",
            "2026-06-02T08:00:00+07:00",
            "--registry",
            &reg,
            "--anchors",
            &anchors,
        ],
    );
    refused(
        &r,
        &dir.path().join("t.jws"),
        &["trace.signer_unknown", "producer=htx-khac"],
    );

    // A key number the producer does not have.
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
            "7",
            "--json",
            &input.display().to_string(),
            "--out",
            "t.jws",
            "--now",
            "2026-06-02T08:00:00+07:00",
            "--registry",
            &reg,
            "--anchors",
            &anchors,
        ],
    );
    refused(
        &r,
        &dir.path().join("t.jws"),
        &["trace.signer_unknown", "htx-khe-sanh#7"],
    );

    // Another private key than the registry's key 1.
    let r = txng(
        dir.path(),
        &[
            "trace",
            "sign",
            "--key",
            &fx("authority.pem"),
            "--producer",
            "htx-khe-sanh",
            "--number",
            "1",
            "--json",
            &input.display().to_string(),
            "--out",
            "t.jws",
            "--now",
            "2026-06-02T08:00:00+07:00",
            "--registry",
            &reg,
            "--anchors",
            &anchors,
        ],
    );
    refused(
        &r,
        &dir.path().join("t.jws"),
        &["trace.signer_unknown", "not the registry's key"],
    );

    // A GTIN outside the producer's company prefix.
    let mut other = payload();
    other["gtin"] = json!("08935099900011");
    let (r, out) = sign(dir.path(), &other, &with);
    refused(&r, &out, &["producer.unknown", "gtin=08935099900011"]);

    // A registry needs trust anchors; a wrong anchor makes it unusable.
    let (r, out) = sign(dir.path(), &payload(), &["--registry", &reg]);
    refused(&r, &out, &["--anchors"]);
    let (r, out) = sign(
        dir.path(),
        &payload(),
        &[
            "--registry",
            &reg,
            "--anchor",
            "qt-2026=11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
        ],
    );
    refused(&r, &out, &["registry.signature_invalid"]);
}

/// FORMAT.md §3.2: a document with a member given twice is refused before anything is read, at
/// any depth (serde_json alone would keep the last one and sign it).
#[test]
fn duplicated_member_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = payload().to_string();
    let name = "\"name\":";
    let at = text.find(name).expect("the payload has a product name");
    let dup = format!("{}\"name\":\"Tên khác\",{}", &text[..at], &text[at..]);
    let input = dir.path().join("dup.json");
    std::fs::write(&input, &dup).expect("write");
    let out = dir.path().join("trace.jws");
    let (input_s, out_s, key) = (
        input.display().to_string(),
        out.display().to_string(),
        fx("producer.pem"),
    );
    let r = txng(
        dir.path(),
        &[
            "trace",
            "sign",
            "--key",
            &key,
            "--producer",
            "htx-khe-sanh",
            "--number",
            "1",
            "--json",
            &input_s,
            "--out",
            &out_s,
            "--now",
            "2026-06-02T08:00:00+07:00",
        ],
    );
    refused(&r, &out, &["duplicate member"]);
    // The same document without the second member is signed.
    let (r, out) = sign(dir.path(), &payload(), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(out.exists());
}

/// Issue 7: text from the document is printed terminal-safe: an escape sequence or a bidi
/// override in the product name reaches the terminal as visible `\u{…}` text, never raw.
#[test]
fn document_text_is_printed_terminal_safe() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = payload();
    doc["product"]["name"] =
        json!("Cà phê \u{1b}[2J\u{1b}]8;;https://evil.example\u{7}ĐỎ\u{202e}gnp.exe");
    let (r, out) = sign(dir.path(), &doc, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(out.exists());
    for raw in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(!r.stdout.contains(raw), "raw {raw:?} in: {}", r.stdout);
    }
    assert!(r.stdout.contains("Cà phê"), "{}", r.stdout);
    assert!(r.stdout.contains("\\u{1b}"), "{}", r.stdout);
}
