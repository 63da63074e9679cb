//! The demo data set: a registry of three Quảng Trị producers, signed labels, trace documents with
//! Vietnamese EPCIS timelines, product images, and one case for every status code data can produce.
//!
//! Everything is deterministic: keys come from fixed seeds, times are fixed, nothing reads the clock
//! or a random source, and JSON is written in a fixed key order ([`json`]). Generating twice gives
//! the same bytes, and the committed test vectors of `txng-core` are a copy of `out/vectors`.
//!
//! The builders are pure ([`build`]); [`write_demo`] and [`write_vectors`] only write their output.

pub mod cases;
pub mod cases_shard;
pub mod json;
pub mod keys;
pub mod registry;
pub mod svg;
pub mod trace;

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use json::{obj, J};

/// The vectors' README (written into `vectors/`).
const VECTORS_README: &str = include_str!("README.vectors.md");

/// The local demo server's origin used in `links.json` (`txng serve` default).
pub const LOCAL_BASE: &str = "http://127.0.0.1:8080";

/// One demo case, for the CLI's `demo` command (e.g. to render a QR code of each).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoCase {
    /// `NNN-slug`, also the vector's file stem.
    pub id: String,
    /// Vietnamese name.
    pub name_vi: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Expected state (`verified`, `verified_with_warnings`, `invalid`, `cannot_tell`).
    pub state: &'static str,
    /// The code that decides the state (the first expected code of the highest severity).
    pub code: &'static str,
    /// Every expected code.
    pub codes: Vec<&'static str>,
    /// The exact scanned text, as printed on the label (canonical host).
    pub text: String,
    /// The text to encode for the local demo: official-host links rewritten to [`LOCAL_BASE`]
    /// (the host is not signed, and 127.0.0.1 is a resolver of the demo registry).
    pub local: String,
    /// Whether the served demo shows this case as is (main registry, trace at its URL).
    pub served: bool,
}

/// What [`write_demo`] wrote.
///
/// For the CLI: render `local` of every `served` case as a QR code into `out/qr/{id}.png` (the
/// path `links.json` names in `qr`) and `.svg`. Skip texts a QR code cannot hold (the
/// `payload.too_long` case is over 4 KiB on purpose); element strings are encoded as GS1 QR Codes
/// (`crate::qr::encode_text`: FNC1 in first position, read back as `]Q3`). Cases not `served`
/// need another registry than the served one: a QR code of them would not show their verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoSummary {
    /// Every case, in order.
    pub cases: Vec<DemoCase>,
    /// The trust anchors: `(kid, base64url public key)`.
    pub anchors: Vec<(String, String)>,
    /// Relative paths of the files written, sorted.
    pub files: Vec<String>,
}

/// The data set in memory: relative path → bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Demo {
    /// The served demo: `registry.jws`, `anchors.json`, `trace/…`, `demo-img/…`, `links.*`.
    pub served: BTreeMap<String, Vec<u8>>,
    /// The test vectors (the content of `crates/txng-core/tests/vectors`).
    pub vectors: BTreeMap<String, Vec<u8>>,
    /// The cases.
    pub cases: Vec<DemoCase>,
}

/// Rewrites an official-host link for the local demo server; other texts are returned as is.
pub fn local_uri(text: &str, local_base: &str) -> String {
    let official = format!("{}/", cases::base());
    match text.strip_prefix(&official) {
        Some(rest) => format!("{}/{rest}", local_base.trim_end_matches('/')),
        None => text.to_string(),
    }
}

fn demo_case(c: &cases::Case) -> DemoCase {
    let worst = c.expect.iter().map(|x| x.severity()).max();
    let code = match worst {
        Some(s) if s > txng_core::Severity::Info => c.expect.iter().find(|x| x.severity() == s),
        _ => c
            .expect
            .iter()
            .find(|x| **x == txng_core::Code::SignatureValid)
            .or(c.expect.first()),
    }
    .map_or("", |x| x.as_str());
    DemoCase {
        id: c.id.clone(),
        name_vi: c.name_vi,
        name_en: c.name_en,
        state: c.state.as_str(),
        code,
        codes: c.expect.iter().map(|x| x.as_str()).collect(),
        text: c.text.clone(),
        local: local_uri(&c.text, LOCAL_BASE),
        served: c.served(),
    }
}

fn links_json(cs: &[cases::Case], ds: &[DemoCase]) -> J {
    let item = |c: &cases::Case, d: &DemoCase| {
        let trace = match &c.trace {
            cases::TraceIn::File(f) => f.clone(),
            cases::TraceIn::None => "none".into(),
            cases::TraceIn::Unavailable => "unavailable".into(),
            cases::TraceIn::TooLarge => "too_large".into(),
        };
        let reg = match c.registry {
            cases::RegistryIn::File(f) => f,
            cases::RegistryIn::None => "none",
            cases::RegistryIn::TooLarge => "too_large",
        };
        let mut j = obj![
            "id" => d.id.clone(),
            "name_vi" => d.name_vi,
            "name_en" => d.name_en,
            "state" => d.state,
            "code" => d.code,
            "codes" => d.codes.clone(),
            "uri" => d.local.clone(),
            "canonical" => d.text.clone(),
        ];
        if d.served {
            j = j.with("qr", format!("qr/{}.png", d.id));
        }
        j.with("registry", reg)
            .with("trace", trace)
            .with("cached", c.cached)
            .with("now", c.now)
            .with("vector", format!("{}/{}.txt", c.dir(), c.id))
    };
    let pick = |served: bool| {
        J::Arr(
            cs.iter()
                .zip(ds)
                .filter(|(_, d)| d.served == served)
                .map(|(c, d)| item(c, d))
                .collect(),
        )
    };
    obj![
        "comment" => "txng demo cases. `cases`: shown by the demo server (txng serve) as they are; open `uri` or scan `qr`. `vector_only`: need another registry or a cached one, so they exist as test vectors only (crates/txng-core/tests/vectors). `canonical` is the text as printed on a real label.",
        "local_base" => LOCAL_BASE,
        "registry" => "/registry.jws",
        "anchors" => "/anchors.json",
        "cases" => pick(true),
        "vector_only" => pick(false),
    ]
}

fn links_txt(ds: &[DemoCase]) -> String {
    let mut s = String::from(
        "txng demo: các trường hợp minh họa / demo cases\n\
         (served=no: chỉ có trong bộ test vector / test vector only)\n\n",
    );
    for d in ds {
        s.push_str(&format!(
            "{}  [{} / {}]{}\n  {}\n  {}\n  local:     {}\n  canonical: {}\n\n",
            d.id,
            d.state,
            d.code,
            if d.served { "" } else { "  served=no" },
            d.name_vi,
            d.name_en,
            d.local.replace('\u{1d}', "<GS>"),
            d.text.replace('\u{1d}', "<GS>"),
        ));
    }
    s
}

/// Builds the whole data set in memory (pure: same bytes every time).
pub fn build() -> Demo {
    let cs = cases::cases();
    let ds: Vec<DemoCase> = cs.iter().map(demo_case).collect();
    let anchors = registry::anchors().pretty().into_bytes();
    let registries = registry::files();

    let mut vectors = BTreeMap::new();
    vectors.insert("README.md".to_string(), VECTORS_README.as_bytes().to_vec());
    vectors.insert("data/anchors.json".to_string(), anchors.clone());
    for (name, jws) in &registries {
        vectors.insert(format!("data/{name}"), format!("{jws}\n").into_bytes());
    }
    for (path, bytes) in cases::traces(true) {
        vectors.insert(format!("data/{path}"), bytes);
    }
    for c in &cs {
        vectors.insert(format!("{}/{}.txt", c.dir(), c.id), c.vector());
    }
    vectors.extend(
        cases_shard::data()
            .into_iter()
            .map(|(p, b)| (format!("data/{p}"), b)),
    );
    vectors.extend(cases_shard::vectors());

    let mut served = BTreeMap::new();
    served.insert("anchors.json".to_string(), anchors);
    if let Some((_, jws)) = registries.iter().find(|(n, _)| *n == "registry.jws") {
        served.insert("registry.jws".to_string(), format!("{jws}\n").into_bytes());
    }
    served.insert(
        "registry.json".to_string(),
        registry::main_document().pretty().into_bytes(),
    );
    for (path, bytes) in cases::traces(false) {
        served.insert(path, bytes);
    }
    served.extend(cases_shard::served());
    for (name, svg) in svg::images() {
        served.insert(format!("demo-img/{name}"), svg.into_bytes());
    }
    served.insert(
        "links.json".to_string(),
        links_json(&cs, &ds).pretty().into_bytes(),
    );
    served.insert("links.txt".to_string(), links_txt(&ds).into_bytes());
    Demo {
        served,
        vectors,
        cases: ds,
    }
}

fn write_tree(root: &Path, files: &BTreeMap<String, Vec<u8>>) -> io::Result<()> {
    for (rel, bytes) in files {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, bytes)?;
    }
    Ok(())
}

/// Removes the generated subdirectories (so that a renamed case leaves no stale file behind).
fn clear(root: &Path, dirs: &[&str]) -> io::Result<()> {
    for d in dirs {
        match std::fs::remove_dir_all(root.join(d)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// Writes the served demo into `out` (`registry.jws`, `registry.json`, `anchors.json`,
/// `trace/{gtin}/{lot}.jws`, `demo-img/*.svg`, `links.json`, `links.txt`) and the test vectors
/// into `out/vectors`. Replaces `out/trace`, `out/demo-img` and `out/vectors`.
pub fn write_demo(out: &Path) -> io::Result<DemoSummary> {
    let demo = build();
    clear(out, &["trace", "demo-img", "vectors", "shards"])?;
    write_tree(out, &demo.served)?;
    write_tree(&out.join("vectors"), &demo.vectors)?;
    let mut files: Vec<String> = demo.served.keys().cloned().collect();
    files.extend(demo.vectors.keys().map(|k| format!("vectors/{k}")));
    files.sort();
    Ok(DemoSummary {
        cases: demo.cases,
        anchors: anchors(),
        files,
    })
}

/// Writes only the test vectors into `dir` (e.g. `crates/txng-core/tests/vectors`), replacing its
/// `valid/`, `invalid/` and `data/`.
pub fn write_vectors(dir: &Path) -> io::Result<()> {
    let demo = build();
    clear(dir, &["valid", "invalid", "data"])?;
    write_tree(dir, &demo.vectors)
}

/// The trust anchors: `(kid, base64url public key)`.
pub fn anchors() -> Vec<(String, String)> {
    [1u8, 2]
        .iter()
        .map(|&n| {
            (
                keys::AUTHORITY_KIDS[usize::from(n - 1)].to_string(),
                keys::public_b64(&keys::authority(n)),
            )
        })
        .collect()
}
