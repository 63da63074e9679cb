//! The core's decision on scanned texts, for the differential URL test against a browser's URL
//! parser (`tests/interop/url_diff.mjs`, FORMAT.md §1.1 and §1.6).
//!
//! Reads one JSON string per line on stdin and writes one JSON object per line on stdout:
//! `{"state", "codes", "host", "elements"}`, verified with the committed test vectors' registry
//! and trust anchors. The first output line is `{"resolvers": [...]}` (the registry's official
//! hosts). Run: `cargo run -p txng-core --example url_decide < corpus.jsonl`.

use std::io::{BufRead, Write};
use txng_core::time::parse_rfc3339;
use txng_core::verify::{Fetched, Verification};
use txng_core::{parse, Registry, TrustAnchor};

const NOW: &str = "2026-11-28T10:00:00+07:00";

fn data(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/data")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn anchors() -> Vec<TrustAnchor> {
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&data("anchors.json")).expect("anchors.json is JSON");
    list.iter()
        .filter_map(|a| TrustAnchor::from_base64url(a["kid"].as_str()?, a["public_key"].as_str()?))
        .collect()
}

fn main() {
    let anchors = anchors();
    let registry = data("registry.jws");
    let (now, _) = parse_rfc3339(NOW).expect("NOW is RFC 3339");
    let (reg, _) = Registry::load(&registry, &anchors, now).expect("the vectors' registry loads");
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let first = serde_json::json!({ "resolvers": reg.resolvers });
    writeln!(out, "{first}").expect("stdout");
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        if line.trim().is_empty() {
            continue;
        }
        let text: String = serde_json::from_str(&line).expect("each line is a JSON string");
        let v = Verification::start(&text, Fetched::Bytes(&registry), false, &anchors, now);
        let verdict = v.verdict();
        let codes: Vec<&str> = verdict.checks.iter().map(|c| c.code.as_str()).collect();
        let (host, elements) = match parse(&text) {
            Ok(l) => {
                let mut el: Vec<(String, String)> = l
                    .data
                    .elements()
                    .into_iter()
                    .map(|(a, v)| (a.digits().to_string(), v.to_string()))
                    .collect();
                el.push(("8030".into(), l.signature.encode()));
                (l.host, Some(el))
            }
            Err(_) => (None, None),
        };
        let o = serde_json::json!({
            "state": verdict.state.as_str(),
            "codes": codes,
            "host": host,
            "elements": elements,
        });
        writeln!(out, "{o}").expect("stdout");
    }
}
