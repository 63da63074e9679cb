//! Shared view fixtures: every committed test vector (`tests/vectors/{valid,invalid}`) run through
//! the real pipeline, with what any front end must show of its [`View`]. The CLI's text renderer
//! (`crates/txng-cli/src/verify.rs`) and the widget's SSR (`tests/ssr.rs`) are both checked
//! against [`must_show`] over the same fixtures, so the two front ends cannot drift apart.
//!
//! Included with `#[path]` by those tests (a test helper, not part of any crate's API).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use txng_core::time::parse_rfc3339;
use txng_core::verify::{Fetched, RegistryContext, Verification};
use txng_core::{TrustAnchor, Verdict, View};

/// The vectors' directory.
pub fn root() -> PathBuf {
    // From the workspace root (the widget's tests) or from a crate beside txng-core (the CLI's).
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let from_root = manifest.join("crates/txng-core/tests/vectors");
    if from_root.is_dir() {
        from_root
    } else {
        manifest.join("../txng-core/tests/vectors")
    }
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn anchors() -> Vec<TrustAnchor> {
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&read(&root().join("data/anchors.json"))).expect("anchors.json");
    list.iter()
        .filter_map(|a| TrustAnchor::from_base64url(a["kid"].as_str()?, a["public_key"].as_str()?))
        .collect()
}

/// One fixture: the vector's file name, its verdict and the scan time.
pub struct Fixture {
    /// File name, e.g. `032-lo-bi-thu-hoi.txt`.
    pub name: String,
    /// The verdict from the real pipeline.
    pub verdict: Verdict,
    /// The vector's `now`, used as the scan time.
    pub now: i64,
}

/// Every vector as a fixture, in file order.
pub fn fixtures() -> Vec<Fixture> {
    let anchors = anchors();
    let mut files: Vec<PathBuf> = ["valid", "invalid"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root().join(d)).expect("vector dir"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() > 50, "vectors under {}", root().display());
    files
        .iter()
        .map(|path| {
            let raw = String::from_utf8(read(path)).expect("UTF-8");
            let (head, body) = raw.split_once("\n\n").expect("header");
            let text = body.strip_suffix('\n').unwrap_or(body);
            let get = |k: &str| {
                head.lines()
                    .find_map(|l| l.strip_prefix(k)?.strip_prefix(": "))
            };
            let time = |s: &str| parse_rfc3339(s).expect("time").0;
            let now = time(get("now").expect("now"));
            let ctx = RegistryContext {
                from_cache: get("cached") == Some("true"),
                known_issued_at: get("known_issued_at").map(time),
            };
            let reg = get("registry").expect("registry");
            let reg_bytes = match reg {
                "none" | "too_large" => Vec::new(),
                name => read(&root().join("data").join(name)),
            };
            let fetched = match reg {
                "none" => Fetched::Unavailable("offline"),
                "too_large" => Fetched::TooLarge,
                _ => Fetched::Bytes(&reg_bytes),
            };
            let mut run = Verification::start_with(text, fetched, ctx, &anchors, now);
            match get("trace").unwrap_or("none") {
                "none" => {}
                "unavailable" => run.add_trace(Fetched::Unavailable("http 404")),
                "too_large" => run.add_trace(Fetched::TooLarge),
                name => run.add_trace(Fetched::Bytes(&read(&root().join("data").join(name)))),
            }
            Fixture {
                name: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                verdict: run.verdict(),
                now,
            }
        })
        .collect()
}

/// What every front end must show of a view: the headline, the reason, the action, the stamp,
/// every product and producer row's label and value (each list item), and each timeline step's
/// title and time.
pub fn must_show(v: &View) -> Vec<String> {
    let mut out = vec![v.headline.clone(), v.action.clone()];
    out.extend(v.reason.clone());
    out.extend(v.stamp.clone());
    if let Some(p) = &v.product {
        out.push(p.name.clone());
        for r in p.rows.iter().chain(&p.producer) {
            out.push(r.label.to_string());
            if r.items.is_empty() {
                if r.field != txng_core::view::Field::Website {
                    out.push(r.value.clone());
                }
            } else {
                out.extend(r.items.iter().map(|i| i.text.clone()));
            }
        }
    }
    for e in &v.timeline {
        out.push(e.title.clone());
        out.push(e.when.clone());
    }
    for s in &v.overview {
        out.push(s.label.to_string());
        out.push(s.dates.clone());
    }
    out.retain(|s| !s.trim().is_empty());
    out
}
