//! The demo generator is deterministic: two runs write the same bytes, and the test vectors
//! committed in `crates/txng-core/tests/vectors` are exactly what it writes.
//! The generator is the `txng_cli` library's `demo` module.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use txng_cli::{demo, epcis};

fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .map(|r| r.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_default();
                let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                out.insert(rel, bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("txng-demo-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn two_runs_write_identical_bytes() {
    let (a, b) = (temp_dir("a"), temp_dir("b"));
    let sa = demo::write_demo(&a).expect("write a");
    let sb = demo::write_demo(&b).expect("write b");
    assert_eq!(sa, sb);
    let (ta, tb) = (read_tree(&a), read_tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(tb.get(k) == Some(v), "{k} differs between two runs");
    }
    assert_eq!(
        ta.keys().cloned().collect::<Vec<_>>(),
        sa.files,
        "summary lists the files written"
    );
    let _ = std::fs::remove_dir_all(&a);
    let _ = std::fs::remove_dir_all(&b);
}

#[test]
fn committed_vectors_match_the_generator() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../txng-core/tests/vectors");
    let have = read_tree(&committed);
    let want = demo::build().vectors;
    let hint = "regenerate: see crates/txng-core/tests/vectors/README.md";
    for (k, v) in &want {
        match have.get(k) {
            None => panic!("{k} is missing from the committed vectors; {hint}"),
            Some(h) => assert!(h == v, "{k} differs from the generator's output; {hint}"),
        }
    }
    for k in have.keys() {
        assert!(
            want.contains_key(k),
            "{k} is committed but not generated; {hint}"
        );
    }
    let total: usize = have.values().map(Vec::len).sum();
    assert!(
        total < 1 << 20,
        "committed vectors are {total} bytes: keep them under 1 MiB"
    );
}

#[test]
fn served_links_point_at_the_local_server() {
    let d = demo::build();
    for c in d.cases.iter().filter(|c| c.served) {
        assert!(
            c.local.starts_with(demo::LOCAL_BASE)
                || !c.text.starts_with("https://truyxuat.quangtri.gov.vn/"),
            "{}",
            c.id
        );
    }
    assert!(d.served.contains_key("registry.jws"));
    assert!(d.served.contains_key("demo-img/ca-phe-khe-sanh.svg"));
}

#[test]
fn text_is_nfc_and_every_served_trace_path_exists() {
    let d = demo::build();
    for (k, v) in d.served.iter().chain(&d.vectors) {
        if let Ok(t) = std::str::from_utf8(v) {
            assert!(unicode_normalization::is_nfc(t), "{k} is not NFC");
        }
    }
    for c in demo::cases::cases().iter().filter(|c| c.served()) {
        if let demo::cases::TraceIn::File(f) = &c.trace {
            assert!(d.served.contains_key(f), "{}: {f} is not served", c.id);
        }
    }
}

/// Regenerates the committed vectors: `TXNG_WRITE_VECTORS=1 cargo test -p txng-cli --test demo_reproducible`.
#[test]
fn write_committed_vectors_on_request() {
    if std::env::var_os("TXNG_WRITE_VECTORS").is_some() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../txng-core/tests/vectors");
        demo::write_vectors(&dir).expect("write vectors");
    }
}

/// Every trace document the demo serves is a JWS whose EPCIS document passes GS1's EPCIS 2.0 JSON
/// schema and carries txng's context, except the two that exist to be unreadable (an HTML error
/// page, an oversize file). The test command checks the same with Python `jsonschema`.
#[test]
fn every_demo_trace_is_schema_valid_epcis() {
    let d = demo::build();
    let mut checked = 0;
    let mut not_jws = Vec::new();
    for (k, v) in d.served.iter().filter(|(k, _)| k.starts_with("trace/")) {
        let text = std::str::from_utf8(v).expect("trace files are text");
        let parts: Vec<&str> = text.trim_end().split('.').collect();
        let payload = match parts.as_slice() {
            [_, p, _] => txng_core::b64::decode(p),
            _ => None,
        };
        let Some(payload) = payload else {
            not_jws.push(k.clone());
            continue;
        };
        let doc: serde_json::Value = serde_json::from_slice(&payload).expect("JSON payload");
        let epcis = doc.get("epcis").expect("an epcis member");
        if let Err((v, n)) = epcis::validate(epcis, 5) {
            panic!("{k}: {n} schema violations, first: {v:?}");
        }
        assert_eq!(epcis.get("@context"), Some(&epcis::context()), "{k}");
        checked += 1;
    }
    not_jws.sort();
    assert_eq!(
        not_jws,
        [
            "trace/08935012300010/CF2609G.jws",
            "trace/08935012300010/CF2609L.jws"
        ],
        "only the two fault files are not JWS"
    );
    assert!(checked >= 20, "{checked} documents checked");
}

/// The demo generator's ordered context and the CLI's are the same JSON.
#[test]
fn demo_context_is_the_cli_context() {
    let demo: serde_json::Value =
        serde_json::from_str(&demo::trace::context().compact()).expect("JSON");
    assert_eq!(demo, epcis::context());
}
