//! Runs every test vector of `tests/vectors/{valid,invalid}` through the verifier and checks the
//! expected codes and state; a failure names the file and line. A completeness check asserts that
//! every status code of [`Code::ALL`] has at least one vector (rage's test kit does the same).
//!
//! The vectors are written by the demo generator (`txng demo`); see `tests/vectors/README.md`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use txng_core::time::parse_rfc3339;
use txng_core::verify::{Fetched, RegistryContext, Verification};
use txng_core::{Code, State, TrustAnchor};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors")
}

fn anchors() -> Vec<TrustAnchor> {
    let path = root().join("data/anchors.json");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    list.iter()
        .map(|a| {
            let kid = a["kid"].as_str().unwrap_or_default();
            let key = a["public_key"].as_str().unwrap_or_default();
            TrustAnchor::from_base64url(kid, key)
                .unwrap_or_else(|| panic!("{}: bad anchor {kid}", path.display()))
        })
        .collect()
}

/// One parsed vector; `line` numbers point into the file for messages.
struct Vector {
    file: String,
    expect: Vec<(Code, usize)>,
    state: (State, usize),
    now: i64,
    registry: String,
    trace: String,
    cached: bool,
    known_issued_at: Option<i64>,
    /// `registry_shard:`: the registry is a sharded registry's index and this is the shard.
    shard: Option<String>,
    /// `shard_known_version:`: the highest version of that shard seen before.
    shard_known_version: Option<u64>,
    text: String,
}

impl Vector {
    fn context(&self) -> RegistryContext {
        RegistryContext {
            from_cache: self.cached,
            known_issued_at: self.known_issued_at,
        }
    }
}

fn state_of(s: &str) -> Option<State> {
    [
        State::Verified,
        State::VerifiedWithWarnings,
        State::Invalid,
        State::CannotTell,
    ]
    .into_iter()
    .find(|x| x.as_str() == s)
}

fn parse_vector(path: &Path) -> Vector {
    let file = path
        .strip_prefix(root())
        .map(|p| format!("tests/vectors/{}", p.display()))
        .unwrap_or_else(|_| path.display().to_string());
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let raw = String::from_utf8(raw).unwrap_or_else(|e| panic!("{file}: not UTF-8: {e}"));
    let (head, body) = raw
        .split_once("\n\n")
        .unwrap_or_else(|| panic!("{file}: no blank line after the header"));
    let text = body.strip_suffix('\n').unwrap_or(body).to_string();
    let mut v = Vector {
        file: file.clone(),
        expect: Vec::new(),
        state: (State::CannotTell, 0),
        now: 0,
        registry: String::new(),
        trace: "none".into(),
        cached: false,
        known_issued_at: None,
        shard: None,
        shard_known_version: None,
        text,
    };
    let mut have_state = false;
    for (i, line) in head.lines().enumerate() {
        let n = i + 1;
        let (k, val) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("{file}:{n}: not `key: value`"));
        match k {
            "expect" => v.expect.push((
                Code::from_str_code(val)
                    .unwrap_or_else(|| panic!("{file}:{n}: unknown code {val}")),
                n,
            )),
            "state" => {
                v.state = (
                    state_of(val).unwrap_or_else(|| panic!("{file}:{n}: unknown state {val}")),
                    n,
                );
                have_state = true;
            }
            "now" => {
                v.now = parse_rfc3339(val)
                    .unwrap_or_else(|| panic!("{file}:{n}: bad time {val}"))
                    .0
            }
            "registry" => v.registry = val.to_string(),
            "trace" => v.trace = val.to_string(),
            "cached" => v.cached = val == "true",
            "known_issued_at" => {
                v.known_issued_at = Some(
                    parse_rfc3339(val)
                        .unwrap_or_else(|| panic!("{file}:{n}: bad time {val}"))
                        .0,
                )
            }
            "registry_shard" => v.shard = Some(val.to_string()),
            "shard_known_version" => {
                v.shard_known_version = Some(
                    val.parse()
                        .unwrap_or_else(|_| panic!("{file}:{n}: bad version {val}")),
                )
            }
            "comment" => {}
            other => panic!("{file}:{n}: unknown header {other}"),
        }
    }
    assert!(have_state, "{file}: no `state:` line");
    assert!(!v.registry.is_empty(), "{file}: no `registry:` line");
    assert!(v.now != 0, "{file}: no `now:` line");
    v
}

fn data(file: &str, name: &str) -> Vec<u8> {
    let p = root().join("data").join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{file}: {}: {e}", p.display()))
}

fn vector_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["valid", "invalid"] {
        let d = root().join(dir);
        let entries = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        for e in entries.filter_map(Result::ok) {
            if e.path().extension().is_some_and(|x| x == "txt") {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// The vector's registry file (empty for `none` and `too_large`, which carry no bytes).
fn registry_bytes(v: &Vector) -> Vec<u8> {
    match v.registry.as_str() {
        "none" | "too_large" => Vec::new(),
        name => data(&v.file, name),
    }
}

/// What the vector's `registry:` header says was fetched.
fn fetched_registry<'a>(v: &Vector, bytes: &'a [u8]) -> Fetched<'a> {
    match v.registry.as_str() {
        "none" => Fetched::Unavailable("offline"),
        "too_large" => Fetched::TooLarge,
        _ => Fetched::Bytes(bytes),
    }
}

/// Runs the registry and label stages: a single-file registry, or (with `registry_shard:`) the
/// index and then the shard it names, as a caller of the sharded registry does (FORMAT.md §2.7).
fn start(v: &Vector, anchors: &[TrustAnchor]) -> Verification {
    let reg_bytes = registry_bytes(v);
    let registry = fetched_registry(v, &reg_bytes);
    let Some(shard) = &v.shard else {
        return Verification::start_with(&v.text, registry, v.context(), anchors, v.now);
    };
    let mut run = Verification::start_sharded(&v.text, registry, v.context(), anchors, v.now);
    let bytes = match shard.as_str() {
        "none" | "too_large" => Vec::new(),
        name => data(&v.file, name),
    };
    let fetched = match shard.as_str() {
        "none" => Fetched::Unavailable("http 404"),
        "too_large" => Fetched::TooLarge,
        _ => Fetched::Bytes(&bytes),
    };
    run.add_shard(fetched, v.shard_known_version);
    run
}

#[test]
fn every_vector_gives_its_expected_verdict() {
    let anchors = anchors();
    let files = vector_files();
    assert!(!files.is_empty(), "no vectors under {}", root().display());
    let mut failures = Vec::new();
    for path in &files {
        let v = parse_vector(path);
        let mut run = start(&v, &anchors);
        let trace_bytes;
        match v.trace.as_str() {
            "none" => {}
            "unavailable" => run.add_trace(Fetched::Unavailable("http 404")),
            "too_large" => run.add_trace(Fetched::TooLarge),
            name => {
                trace_bytes = data(&v.file, name);
                run.add_trace(Fetched::Bytes(&trace_bytes));
            }
        }
        let verdict = run.verdict();
        let got: Vec<&str> = verdict.checks.iter().map(|c| c.code.as_str()).collect();
        for (code, line) in &v.expect {
            if !verdict.has(*code) {
                failures.push(format!("{}:{line}: expected {code}, got {got:?}", v.file));
            }
        }
        if verdict.state != v.state.0 {
            failures.push(format!(
                "{}:{}: expected state {}, got {} ({got:?})",
                v.file,
                v.state.1,
                v.state.0.as_str(),
                verdict.state.as_str()
            ));
        }
        let dir_ok = match verdict.state {
            State::Verified | State::VerifiedWithWarnings => v.file.contains("/valid/"),
            State::Invalid | State::CannotTell => v.file.contains("/invalid/"),
        };
        if !dir_ok {
            failures.push(format!(
                "{}: state {} in the wrong directory",
                v.file,
                verdict.state.as_str()
            ));
        }
        if !verdict.has(Code::LabelCopyPossible) {
            failures.push(format!("{}: label.copy_possible missing", v.file));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_code_has_a_vector() {
    let anchors = anchors();
    let mut seen = BTreeSet::new();
    for path in vector_files() {
        let v = parse_vector(&path);
        seen.extend(v.expect.iter().map(|(c, _)| *c));
        // Codes every verdict carries (label.copy_possible, payload.parsed…) count when produced.
        let verdict = start(&v, &anchors).verdict();
        seen.extend(
            verdict
                .checks
                .iter()
                .map(|c| c.code)
                .filter(|c| matches!(c, Code::LabelCopyPossible | Code::PayloadParsed)),
        );
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| !seen.contains(c))
        .map(|c| c.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "status codes without a vector (add one to the demo generator): {missing:?}"
    );
}
