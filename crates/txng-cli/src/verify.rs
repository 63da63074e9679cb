//! `txng verify`: the same pipeline as the widget, from a terminal. This module gathers the inputs
//! (scanned text, trust anchors, registry and trace bytes from files or URLs, `now`), lets the core
//! decide, and prints the verdict: the state, the main reason with what to do next, the signed data,
//! the lot's events and every check with its code. Exit 0 for verified (with or without warnings),
//! 1 for anything else.

use crate::cli::VerifyArgs;
use crate::error::{CliError, Result};
use crate::fetch::{self, Got};
use crate::keys::io_error;
use crate::text::{fill, T};
use serde::Deserialize;
use serde_json::{json, Value};
use std::io::{Read, Write as _};
use std::path::Path;
use std::process::ExitCode;
use txng_core::registry::MAX_REGISTRY_BYTES;
use txng_core::time::display_local;
use txng_core::trace::MAX_TRACE_BYTES;
use txng_core::verify::RegistryContext;
use txng_core::view::{Report, Row, Section, View};
use txng_core::{message, state_title, Lang, Severity, State, TrustAnchor, Verdict, Verification};

#[derive(Deserialize)]
struct AnchorDoc {
    kid: String,
    public_key: String,
}

/// Runs `txng verify`.
pub fn run(a: &VerifyArgs, lang: Lang) -> Result<ExitCode> {
    let now = crate::clock::now(a.now.as_deref(), lang)?;
    let anchors = anchors(a, lang)?;
    let scanned = if a.input == "-" {
        let mut s = String::new();
        std::io::stdin()
            .take(txng_core::link::MAX_INPUT_LEN as u64 * 2)
            .read_to_string(&mut s)
            .map_err(|e| io_error(Path::new("-"), &e, lang))?;
        s
    } else {
        a.input.clone()
    };

    let registry_url = fetch::is_url(&a.registry).then_some(a.registry.as_str());
    let registry = match registry_url {
        Some(u) => fetch::url(u, MAX_REGISTRY_BYTES),
        None => fetch::file(Path::new(&a.registry), MAX_REGISTRY_BYTES)
            .map_err(|e| io_error(Path::new(&a.registry), &e, lang))?,
    };
    let state = match &a.state {
        Some(p) => Some(VerifierState::read(p, lang)?),
        None => None,
    };
    let ctx = RegistryContext {
        from_cache: false,
        known_issued_at: state.as_ref().and_then(|s| s.known(&a.registry)),
    };
    let mut v = if a.sharded {
        let mut v =
            Verification::start_sharded(&scanned, registry.as_fetched(), ctx, &anchors, now);
        add_shard(&mut v, &a.registry, state.as_ref());
        v
    } else {
        Verification::start_with(&scanned, registry.as_fetched(), ctx, &anchors, now)
    };
    if let (Some(mut st), Some(p)) = (state, &a.state) {
        // The marks only go up, and only for what the core accepted (FORMAT.md §2.6, §2.7.4).
        let issued = v
            .registry()
            .map(|r| r.issued_at)
            .or(v.index().map(|i| i.base.issued_at));
        let mut changed = issued.is_some_and(|at| st.raise(&a.registry, at));
        if let (Some(pin), Some(_)) = (a.sharded.then(|| v.shard_used()).flatten(), v.registry()) {
            changed |= st.raise_shard(&a.registry, &pin.from, pin.version);
        }
        if changed {
            st.write(p, lang)?;
        }
    }
    if v.wants_trace() {
        let trace = match &a.trace {
            Some(t) if fetch::is_url(t) => fetch::url(t, MAX_TRACE_BYTES),
            Some(t) => fetch::file(Path::new(t), MAX_TRACE_BYTES)
                .map_err(|e| io_error(Path::new(t), &e, lang))?,
            None => trace_from_templates(&v, registry_url),
        };
        v.add_trace(trace.as_fetched());
    }
    let verdict = v.verdict();
    if a.json {
        let out = to_json(&verdict, lang, now);
        let text = serde_json::to_string_pretty(&out).map_err(|e| CliError::new(e.to_string()))?;
        write_stdout(&format!("{}\n", crate::text::clean_json(&text)));
    } else {
        write_stdout(&render(&verdict, lang, now));
    }
    Ok(match verdict.state {
        State::Verified | State::VerifiedWithWarnings => ExitCode::SUCCESS,
        State::Invalid | State::CannotTell => ExitCode::from(1),
    })
}

/// `--sharded`: fetches the shard the index names for this code (relative to the index, at most
/// its pinned length) and adds it, with this shard's high-water mark from the state file.
fn add_shard(v: &mut Verification, index_source: &str, state: Option<&VerifierState>) {
    let Some(pin) = v.shard_wanted().cloned() else {
        return;
    };
    let rel = v.index().map(|i| i.shard_url(&pin)).unwrap_or_default();
    let cap = usize::try_from(pin.length).unwrap_or(txng_core::shard::MAX_SHARD_BYTES);
    let got = match fetch::join(index_source, &rel) {
        Some(u) if fetch::is_url(&u) => fetch::url(&u, cap),
        Some(p) => fetch::file(Path::new(&p), cap)
            .unwrap_or_else(|e| Got::Unavailable(format!("{p}: {e}"))),
        None => Got::Unavailable(format!("shard location {rel}")),
    };
    let known = state.and_then(|s| s.known_shard(index_source, &pin.from));
    v.add_shard(got.as_fetched(), known);
}

/// `--state`: the newest registry `issued_at` seen, per registry source (FORMAT.md §2.6).
///
/// ```json
/// {"format":"txng-verifier-state/1","registries":{"https://…/registry.jws":{"issued_at":"2026-11-01T00:00:00Z"}}}
/// ```
#[derive(Default)]
struct VerifierState {
    registries: serde_json::Map<String, Value>,
}

const STATE_FORMAT: &str = "txng-verifier-state/1";

impl VerifierState {
    fn read(p: &Path, lang: Lang) -> Result<VerifierState> {
        let bad = |e: &dyn std::fmt::Display| {
            CliError::new(fill(T::BadState.get(lang), &[&p.display(), e]))
        };
        let text = match std::fs::read_to_string(p) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(VerifierState::default())
            }
            Err(e) => return Err(io_error(p, &e, lang)),
        };
        txng_core::json::check(text.as_bytes(), txng_core::json::Nulls::Refused)
            .map_err(|e| bad(&e))?;
        let doc: Value = serde_json::from_str(&text).map_err(|e| bad(&e))?;
        if doc.get("format").and_then(Value::as_str) != Some(STATE_FORMAT) {
            return Err(bad(&"format"));
        }
        let registries = doc
            .get("registries")
            .and_then(Value::as_object)
            .cloned()
            .ok_or_else(|| bad(&"registries"))?;
        let st = VerifierState { registries };
        // Every entry must read back: a damaged file must not silently turn protection off.
        for (source, entry) in &st.registries {
            st.known(source).ok_or_else(|| bad(source))?;
            if let Some(shards) = entry.get("shards") {
                let ok = shards
                    .as_object()
                    .is_some_and(|m| m.values().all(|v| v.as_u64().is_some()));
                if !ok {
                    return Err(bad(source));
                }
            }
        }
        Ok(st)
    }

    fn known(&self, source: &str) -> Option<i64> {
        let at = self.registries.get(source)?.get("issued_at")?.as_str()?;
        txng_core::time::parse_rfc3339(at).map(|t| t.0)
    }

    /// Raises the mark for `source`; whether it changed.
    fn raise(&mut self, source: &str, issued_at: i64) -> bool {
        if self.known(source).is_some_and(|k| k >= issued_at) {
            return false;
        }
        let at = txng_core::time::format_rfc3339_utc(issued_at);
        let entry = self
            .registries
            .entry(source.to_string())
            .or_insert_with(|| json!({}));
        entry["issued_at"] = json!(at);
        true
    }

    /// The highest version of the shard starting at `from` verified for index `source` (§2.7.4).
    fn known_shard(&self, source: &str, from: &str) -> Option<u64> {
        self.registries
            .get(source)?
            .get("shards")?
            .get(from)?
            .as_u64()
    }

    /// Raises the shard mark; whether it changed. Only after [`VerifierState::raise`] for the
    /// same source (an accepted shard comes with an accepted index).
    fn raise_shard(&mut self, source: &str, from: &str, version: u64) -> bool {
        if self.known_shard(source, from).is_some_and(|k| k >= version) {
            return false;
        }
        let Some(entry) = self.registries.get_mut(source) else {
            return false;
        };
        if !entry.get("shards").is_some_and(Value::is_object) {
            entry["shards"] = json!({});
        }
        entry["shards"][from] = json!(version);
        true
    }

    /// Writes atomically (a temporary file renamed over the old one).
    fn write(&self, p: &Path, lang: Lang) -> Result<()> {
        let doc = json!({ "format": STATE_FORMAT, "registries": self.registries });
        let text = serde_json::to_string_pretty(&doc).map_err(|e| CliError::new(e.to_string()))?;
        let mut tmp = p.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = std::path::PathBuf::from(tmp);
        std::fs::write(&tmp, format!("{text}\n")).map_err(|e| io_error(&tmp, &e, lang))?;
        std::fs::rename(&tmp, p).map_err(|e| io_error(p, &e, lang))
    }
}

/// The deployment's trust anchors from `--anchors` and `--anchor KID=KEY`; at least one.
fn anchors(a: &VerifyArgs, lang: Lang) -> Result<Vec<TrustAnchor>> {
    anchors_from(a.anchors.as_deref(), &a.anchor, lang)
}

/// Trust anchors from an anchors file and `KID=KEY` arguments; at least one.
pub fn anchors_from(file: Option<&Path>, list: &[String], lang: Lang) -> Result<Vec<TrustAnchor>> {
    let mut out = Vec::new();
    let bad = |what: &dyn std::fmt::Display| CliError::new(fill(T::BadAnchor.get(lang), &[what]));
    if let Some(p) = file {
        let text = std::fs::read_to_string(p).map_err(|e| io_error(p, &e, lang))?;
        let docs: Vec<AnchorDoc> = serde_json::from_str(&text)
            .map_err(|e| CliError::new(fill(T::SyntaxError.get(lang), &[&p.display(), &e])))?;
        for d in docs {
            out.push(
                TrustAnchor::from_base64url(&d.kid, &d.public_key).ok_or_else(|| bad(&d.kid))?,
            );
        }
    }
    for s in list {
        let (kid, key) = s.split_once('=').ok_or_else(|| bad(s))?;
        out.push(TrustAnchor::from_base64url(kid, key).ok_or_else(|| bad(&kid))?);
    }
    if out.is_empty() {
        return Err(CliError::new(T::NoAnchors.get(lang)));
    }
    Ok(out)
}

/// The trace from the registry's signed templates: absolute URLs as they are, origin-relative ones
/// against the registry's URL (a registry read from a file has no origin).
fn trace_from_templates(v: &Verification, registry_url: Option<&str>) -> Got {
    let urls = v.trace_urls();
    if urls.is_empty() {
        return Got::Unavailable("no trace_url_templates".into());
    }
    let resolved: Vec<String> = urls
        .iter()
        .filter_map(|u| fetch::resolve(u, registry_url))
        .collect();
    if resolved.is_empty() {
        return Got::Unavailable("no --trace".into());
    }
    let mut last = Got::Unavailable("no --trace".into());
    for u in resolved {
        match fetch::url(&u, MAX_TRACE_BYTES) {
            Got::Unavailable(why) => last = Got::Unavailable(format!("{u}: {why}")),
            got => return got,
        }
    }
    last
}

fn mark(s: Severity) -> &'static str {
    match s {
        Severity::Success => "✓",
        Severity::Info => "i",
        Severity::Warning => "!",
        Severity::Indeterminate => "?",
        Severity::Failure => "✗",
    }
}

/// The verdict as text for a terminal: the core's view model ([`View`]), rendered and nothing
/// decided here (the widget renders the same view).
pub fn render(v: &Verdict, lang: Lang, now: i64) -> String {
    render_view(&View::new(v, lang, Some(now)))
}

/// A [`View`] as text for a terminal.
pub fn render_view(v: &View) -> String {
    let lang = v.lang;
    let mut out = String::with_capacity(4096);
    macro_rules! p {
        () => {
            out.push('\n')
        };
        // Each line through `text::clean`: document text (names, notes, kid, details) cannot
        // carry a terminal escape, a bidi override or a line break of its own.
        ($($t:tt)*) => {{
            out.push_str(&crate::text::clean(&format!($($t)*)));
            out.push('\n');
        }};
    }
    p!("{} {}", mark_state(v.state), v.headline);
    if let Some(r) = &v.reason {
        match v.code {
            Some(c) => p!("{r} ({c})"),
            None => p!("{r}"),
        }
    }
    if let Some(e) = &v.explanation {
        p!("  {e}");
    }
    p!("  → {}", v.action);
    if let Some(s) = &v.stamp {
        p!("  {s}");
    }
    if let Some(d) = &v.list_date {
        p!("  {}", fill(T::ListDate.get(lang), &[d]));
    }
    if let Some(d) = v.demo {
        p!("  {d}");
    }
    // Reporting: by the verdict when prominent (red), at the very end when only offered.
    let contact = v.contact.as_ref().map(|au| {
        let mut parts = vec![au.name.clone()];
        if let Some(h) = &au.hotline {
            parts.push(format!("{} {h}", T::Hotline.get(lang)));
        }
        if let Some(u) = &au.report_url {
            parts.push(u.clone());
        }
        format!("{}: {}", Section::Report.title(lang), parts.join(" · "))
    });
    if v.report == Report::Prominent {
        if let Some(c) = &contact {
            p!("  {c}");
        }
    }
    if !v.notes.is_empty() {
        p!();
        p!("{}", Section::Notes.title(lang));
        for n in &v.notes {
            p!("  i {}: {}", n.title, n.text);
        }
    }
    if let Some(pv) = &v.product {
        p!();
        p!("{}: {}", Section::Product.title(lang), pv.name);
        for r in &pv.rows {
            row(&mut out, r);
        }
        if !pv.producer.is_empty() {
            p!();
            p!("{}", Section::Producer.title(lang));
            for r in &pv.producer {
                row(&mut out, r);
            }
        }
    }
    if !v.timeline.is_empty() {
        p!();
        p!("{}", Section::Journey.title(lang));
        if !v.overview.is_empty() {
            let strip: Vec<String> = v
                .overview
                .iter()
                .map(|s| format!("{} {}", s.label, s.dates))
                .collect();
            p!("  {}", strip.join(" → "));
            p!();
        }
        for e in &v.timeline {
            let mut head = vec![e.title.clone()];
            if let Some(d) = &e.disposition_label {
                head.push(d.clone());
            }
            if let Some(pl) = &e.place {
                head.push(pl.clone());
            }
            if let Some(a) = &e.actor {
                head.push(a.clone());
            }
            p!("  {}  {}", e.when, head.join(" — "));
            if let Some(n) = &e.notes {
                p!("      {n}");
            }
            for i in &e.inputs {
                p!("      {i}");
            }
            if let Some(q) = &e.quantities {
                p!("      {q}");
            }
            for s in &e.sensors {
                p!("      {s}");
            }
        }
    }
    p!();
    p!("{}", Section::Checks.title(lang));
    p!("  {}", v.checks_intro);
    for c in &v.checks {
        let detail = c
            .detail
            .as_deref()
            .map(|d| format!("  [{d}]"))
            .unwrap_or_default();
        p!(
            "  {} {:<28} {}{detail}",
            mark(c.severity),
            c.code.as_str(),
            c.title
        );
    }
    if let Some(h) = &v.honesty {
        p!();
        p!("{}: {}", h.title, h.explanation);
        p!("  → {}", h.next_step);
    }
    if let (Report::Offered, Some(c)) = (v.report, &contact) {
        p!();
        p!("{c}");
    }
    out
}

/// One row: `  label: value`, marked rows with `!`, list rows one item a line.
fn row(out: &mut String, r: &Row) {
    let mark = if r.marked { "! " } else { "" };
    if r.items.len() > 1 {
        out.push_str(&crate::text::clean(&format!("  {mark}{}:", r.label)));
        out.push('\n');
        for i in &r.items {
            out.push_str(&crate::text::clean(&format!("    - {}", i.text)));
            out.push('\n');
        }
    } else {
        out.push_str(&crate::text::clean(&format!(
            "  {mark}{}: {}",
            r.label, r.value
        )));
        out.push('\n');
    }
}

fn mark_state(s: State) -> &'static str {
    match s {
        State::Verified => "✓",
        State::VerifiedWithWarnings => "!",
        State::Invalid => "✗",
        State::CannotTell => "?",
    }
}

/// The verdict as JSON: the core's serialisation, with the words of each code and display times
/// added for consumers that do not carry the message table.
fn to_json(v: &Verdict, lang: Lang, now: i64) -> Value {
    let mut out = serde_json::to_value(v).unwrap_or(Value::Null);
    if let Some(o) = out.as_object_mut() {
        o.insert("lang".into(), lang.as_str().into());
        o.insert(
            "view".into(),
            serde_json::to_value(View::new(v, lang, Some(now))).unwrap_or(Value::Null),
        );
        o.insert("state_title".into(), state_title(v.state, lang).into());
        if let Some(c) = v.main_check() {
            let m = message(c.code, lang);
            o.insert(
                "main".into(),
                json!({"code": c.code, "title": m.title, "explanation": m.explanation, "next_step": m.next_step}),
            );
        }
        if let Some(Value::Array(checks)) = o.get_mut("checks") {
            for (j, c) in checks.iter_mut().zip(&v.checks) {
                if let Some(obj) = j.as_object_mut() {
                    obj.insert("title".into(), message(c.code, lang).title.into());
                }
            }
        }
        if let Some(Value::Array(events)) = o.get_mut("events") {
            for (j, e) in events.iter_mut().zip(&v.events) {
                if let Some(obj) = j.as_object_mut() {
                    obj.insert(
                        "time_local".into(),
                        display_local(e.time, e.offset_minutes).into(),
                    );
                    if let Some(s) = &e.step {
                        obj.insert("step_label".into(), s.label(lang).into());
                    }
                }
            }
        }
    }
    out
}

/// Writes to stdout; a closed pipe (`txng verify … | head`) is not an error worth a panic.
fn write_stdout(s: &str) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(s.as_bytes()).and_then(|()| o.flush());
}

#[cfg(test)]
#[path = "../../txng-core/tests/common/view_fixtures.rs"]
mod view_fixtures;

#[cfg(test)]
mod tests {
    use super::{render_view, view_fixtures};
    use txng_core::{Lang, View};

    /// The terminal output shows everything the view model says must be shown, for every test
    /// vector in both languages; `tests/ssr.rs` checks the widget against the same list, so the
    /// two front ends cannot drift.
    #[test]
    fn renders_every_fixture_view() {
        for f in view_fixtures::fixtures() {
            for lang in [Lang::Vi, Lang::En] {
                let view = View::new(&f.verdict, lang, Some(f.now));
                let text = render_view(&view);
                for s in view_fixtures::must_show(&view) {
                    assert!(
                        text.contains(crate::text::clean(&s).as_ref()),
                        "{} {lang:?}: {s:?} missing from\n{text}",
                        f.name
                    );
                }
                assert!(text.starts_with(&format!(
                    "{} {}",
                    super::mark_state(view.state),
                    view.headline
                )));
            }
        }
    }
}
