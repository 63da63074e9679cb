//! Explicit typing of the JWS documents (FORMAT.md §2.1, §3.2), on the generated vector data:
//! `typ` is checked after the signature, so an authentic document of the other kind is
//! `*.wrong_type` while a tampered one stays `*.signature_invalid` (red for a trace), whatever its
//! `typ`; and single-byte changes of the wrong-typed documents are refused, never accepted.

use std::path::{Path, PathBuf};
use txng_core::time::parse_rfc3339;
use txng_core::verify::{Fetched, Verification};
use txng_core::{Code, Registry, State, TrustAnchor};

fn data(name: &str) -> Vec<u8> {
    let p: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/data")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn anchors() -> Vec<TrustAnchor> {
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&data("anchors.json")).expect("anchors.json is JSON");
    list.iter()
        .map(|a| {
            TrustAnchor::from_base64url(
                a["kid"].as_str().expect("kid"),
                a["public_key"].as_str().expect("public_key"),
            )
            .expect("valid anchor")
        })
        .collect()
}

/// The scanned text and `now` of a vector file.
fn vector(name: &str) -> (String, i64) {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(name);
    let raw = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let (head, body) = raw.split_once("\n\n").expect("header and text");
    let now = head
        .lines()
        .find_map(|l| l.strip_prefix("now: "))
        .and_then(parse_rfc3339)
        .expect("now")
        .0;
    (body.strip_suffix('\n').unwrap_or(body).to_string(), now)
}

/// Byte positions to mutate: every byte of the protected header (where `typ` is), then a stride
/// through payload and signature (every byte would take seconds in a debug build).
fn positions(jws: &[u8]) -> impl Iterator<Item = usize> {
    let header = jws.iter().position(|&b| b == b'.').expect("a dot");
    (0..header).chain((header..jws.len()).step_by(7))
}

/// Flips one bit in the signature part (the third) of a compact JWS.
fn forge(jws: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(jws).expect("JWS is text").trim();
    let (si, sig) = text.rsplit_once('.').expect("three parts");
    let mut raw = txng_core::b64::decode(sig).expect("base64url signature");
    raw[10] ^= 1;
    format!("{si}.{}", txng_core::b64::encode(&raw)).into_bytes()
}

fn load_code(bytes: &[u8], now: i64) -> Code {
    match Registry::load(bytes, &anchors(), now) {
        Ok(_) => Code::RegistryValid,
        Err(c) => c.code,
    }
}

#[test]
fn registry_typ_after_signature() {
    let (_, now) = vector("invalid/062-danh-sach-sai-loai.txt");
    assert_eq!(load_code(&data("registry.jws"), now), Code::RegistryValid);
    let wrong = data("registry-wrong-type.jws");
    assert_eq!(load_code(&wrong, now), Code::RegistryWrongType);
    assert_eq!(
        load_code(&forge(&wrong), now),
        Code::RegistrySignatureInvalid
    );
    // No single-byte change makes the wrong-typed registry acceptable.
    for i in positions(&wrong) {
        let mut b = wrong.clone();
        b[i] ^= 0x20;
        assert_ne!(load_code(&b, now), Code::RegistryValid, "byte {i}");
    }
}

fn trace_verdict(text: &str, now: i64, trace: &[u8]) -> (State, Vec<Code>) {
    let reg = data("registry.jws");
    let anchors = anchors();
    let mut run = Verification::start(text, Fetched::Bytes(&reg), false, &anchors, now);
    run.add_trace(Fetched::Bytes(trace));
    let v = run.verdict();
    (v.state, v.checks.iter().map(|c| c.code).collect())
}

#[test]
fn trace_typ_after_signature() {
    let (text, now) = vector("valid/063-nhat-ky-sai-loai.txt");
    let wrong = data("trace/08935012300010/CF2609W.jws");
    let (state, codes) = trace_verdict(&text, now, &wrong);
    assert_eq!(state, State::VerifiedWithWarnings, "{codes:?}");
    assert!(codes.contains(&Code::TraceWrongType), "{codes:?}");
    assert!(!codes.contains(&Code::TraceValid), "{codes:?}");
    // Tampered and wrong-typed: red, as any tampered record.
    let (state, codes) = trace_verdict(&text, now, &forge(&wrong));
    assert_eq!(state, State::Invalid, "{codes:?}");
    assert!(codes.contains(&Code::TraceSignatureInvalid), "{codes:?}");
    for i in positions(&wrong) {
        let mut b = wrong.clone();
        b[i] ^= 0x20;
        let (_, codes) = trace_verdict(&text, now, &b);
        assert!(!codes.contains(&Code::TraceValid), "byte {i}: {codes:?}");
    }
}
