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
use txng_core::vocab::{
    amount_display, certification_label, country_label, disposition_label, input_kind_label,
    sensor_label,
};
use txng_core::{
    message, state_title, Code, Lang, Severity, State, TrustAnchor, Verdict, Verification,
};

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
        let out = to_json(&verdict, lang);
        let text = serde_json::to_string_pretty(&out).map_err(|e| CliError::new(e.to_string()))?;
        write_stdout(&format!("{}\n", crate::text::clean_json(&text)));
    } else {
        write_stdout(&render(&verdict, lang));
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

/// The verdict as text for a terminal.
pub fn render(v: &Verdict, lang: Lang) -> String {
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
    p!("{} {}", mark_state(v.state), state_title(v.state, lang));
    if let Some(c) = v.main_check() {
        let m = message(c.code, lang);
        p!("{} ({})", m.title, c.code);
        p!("  {}", m.explanation);
        p!("  → {}", m.next_step);
    }
    if matches!(v.state, State::Invalid | State::CannotTell) {
        if let Some(au) = &v.authority {
            let mut parts = vec![au.name.clone()];
            if let Some(h) = &au.hotline {
                parts.push(format!("{} {h}", T::Hotline.get(lang)));
            }
            if let Some(u) = &au.report_url {
                parts.push(u.clone());
            }
            p!("  {}: {}", T::ReportTo.get(lang), parts.join(" · "));
        }
    }
    if let Some(l) = &v.label {
        p!();
        p!("{}", T::ProductSection.get(lang));
        if let Some(p) = &v.product {
            p!("{}", line(T::ProductName, &p.name, lang));
            if let Some(b) = &p.brand {
                p!("{}", line(T::Brand, b, lang));
            }
            if let Some(n) = &p.net_content {
                p!("{}", line(T::NetContent, n, lang));
            }
            if let Some(o) = &p.ocop {
                let stars = fill(T::OcopStars.get(lang), &[&o.stars, &o.year]);
                p!("{}", line(T::Ocop, &stars, lang));
            }
            let certs: Vec<String> = p
                .certifications
                .iter()
                .map(|c| {
                    certification_label(&c.kind, lang)
                        .map(str::to_string)
                        .or_else(|| c.name.clone())
                        .unwrap_or_else(|| c.kind.clone())
                })
                .collect();
            if !certs.is_empty() {
                p!("{}", line(T::Certifications, &certs.join(", "), lang));
            }
            let standards = txng_core::trace::Standard::list(&p.standards);
            if !standards.is_empty() {
                p!("{}", line(T::Standards, &standards, lang));
            }
        }
        p!("{}", line(T::Gtin, &l.gtin, lang));
        if let Some(c) = &l.cpv {
            p!("{}", line(T::Variant, c, lang));
        }
        p!("{}", line(T::Lot, &l.lot, lang));
        p!("{}", line(T::Serial, &l.serial, lang));
        let dates = [
            (T::HarvestDate, l.harvest_from),
            (T::ProductionDate, l.production_date),
            (T::PackagingDate, l.packaging_date),
            (T::BestBefore, l.best_before),
            (T::Expiry, l.expiry),
        ];
        for (t, d) in dates {
            if let Some(d) = d {
                let mut s = d.display();
                if t == T::HarvestDate {
                    if let Some(to) = l.harvest_to {
                        s = format!("{s} – {}", to.display());
                    }
                }
                p!("{}", line(t, &s, lang));
            }
        }
        if let Some(o) = &l.origin {
            p!("{}", line(T::Origin, &country_label(o, lang), lang));
        }
        if let Some(p) = v.product.as_ref().and_then(|p| p.storage.as_ref()) {
            p!("{}", line(T::Storage, p, lang));
        }
    }
    if let Some(p) = &v.producer {
        p!();
        p!("{}", T::ProducerSection.get(lang));
        p!("{}", line(T::Name, &p.name, lang));
        p!("{}", line(T::TaxCode, &p.tax_code, lang));
        p!("{}", line(T::Address, &p.address.display(), lang));
        if let Some(ph) = &p.phone {
            p!("{}", line(T::Phone, ph, lang));
        }
    }
    if !v.events.is_empty() {
        p!();
        p!("{}", T::EventsSection.get(lang));
        for e in &v.events {
            let mut head = vec![e
                .step
                .as_ref()
                .map_or_else(|| e.event_type.clone(), |s| s.label(lang))];
            if let Some(d) = &e.disposition {
                head.push(disposition_label(d, lang));
            }
            if let Some(p) = &e.place {
                head.push(p.clone());
            }
            if let Some(a) = &e.actor {
                head.push(a.clone());
            }
            p!(
                "  {}  {}",
                display_local(e.time, e.offset_minutes),
                head.join(" — ")
            );
            if let Some(n) = &e.notes {
                p!("      {n}");
            }
            for i in &e.inputs {
                let mut s = format!("{}: {}", input_kind_label(&i.kind, lang), i.name);
                if let Some(ai) = &i.active_ingredient {
                    s.push_str(&format!(" ({ai})"));
                }
                if let Some(d) = &i.dose {
                    s.push_str(&format!(", {d}"));
                }
                if let Some(p) = i.phi_days {
                    s.push_str(&format!(", {}", fill(T::PhiDays.get(lang), &[&p])));
                }
                p!("      {s}");
            }
            for q in &e.quantities {
                if let Some(n) = q.quantity {
                    let amount = amount_display(n, q.uom.as_deref(), lang);
                    p!("      {}: {amount}", T::Quantity.get(lang));
                }
            }
            for s in &e.sensors {
                let val = match (s.value, &s.text) {
                    (Some(x), _) => amount_display(x, s.uom.as_deref(), lang),
                    (None, Some(t)) => t.clone(),
                    (None, None) => continue,
                };
                p!("      {}: {val}", sensor_label(&s.kind, lang));
            }
        }
    }
    p!();
    p!("{}", T::ChecksSection.get(lang));
    for c in &v.checks {
        let m = message(c.code, lang);
        let detail = c
            .detail
            .as_deref()
            .map(|d| format!("  [{d}]"))
            .unwrap_or_default();
        p!(
            "  {} {:<28} {}{detail}",
            mark(c.severity),
            c.code.as_str(),
            m.title
        );
    }
    let note = message(Code::LabelCopyPossible, lang);
    p!();
    p!("{}: {}", note.title, note.explanation);
    p!("  → {}", note.next_step);
    out
}

fn mark_state(s: State) -> &'static str {
    match s {
        State::Verified => "✓",
        State::VerifiedWithWarnings => "!",
        State::Invalid => "✗",
        State::CannotTell => "?",
    }
}

fn line(t: T, v: &str, lang: Lang) -> String {
    format!("  {}: {v}", t.get(lang))
}

/// The verdict as JSON: the core's serialisation, with the words of each code and display times
/// added for consumers that do not carry the message table.
fn to_json(v: &Verdict, lang: Lang) -> Value {
    let mut out = serde_json::to_value(v).unwrap_or(Value::Null);
    if let Some(o) = out.as_object_mut() {
        o.insert("lang".into(), lang.as_str().into());
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
