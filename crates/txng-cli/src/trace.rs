//! `txng trace sign`: the producer publishes a lot's trace document, either from a complete JSON
//! payload or from the electronic diary CSV plus a product description. Strings are normalised to
//! NFC; the payload is read back with the core (`Trace::from_payload`) and the JWS checked with the
//! key before the file is written, so what the verifiers would refuse is refused here.

use crate::cli::TraceSignArgs;
use crate::diary::{self, DiaryRow};
use crate::error::{CliError, Result};
use crate::keys::{self, io_error};
use crate::text::{fill, T};
use serde_json::{json, Value};
use std::path::Path;
use std::process::ExitCode;
use txng_core::jws::Jws;
use txng_core::time::{display_local, format_rfc3339_utc};
use txng_core::trace::{Trace, TraceError, TRACE_FORMAT};
use txng_core::{gs1, message, sign, Ai, Code, Lang};

/// The EPCIS 2.0 JSON-LD context, with txng's extension namespace.
pub fn epcis_context() -> Value {
    json!(["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"txng": "urn:txng:"}])
}

/// Runs `txng trace sign`.
pub fn run(a: &TraceSignArgs, lang: Lang) -> Result<ExitCode> {
    let now = crate::clock::now(a.now.as_deref(), lang)?;
    let key = keys::read_key(&a.key, lang)?;
    let mut payload = match (&a.json, &a.diary, &a.product, &a.gtin, &a.lot) {
        (Some(p), ..) => read_json(p, lang)?,
        (None, Some(d), Some(p), Some(g), Some(l)) => from_diary(d, p, g, l, now, lang)?,
        _ => return Err(CliError::new(T::TraceNeedsInput.get(lang))),
    };
    payload = crate::nfc::json(payload);
    let Some(obj) = payload.as_object_mut() else {
        return Err(CliError::new(fill(T::NotAnObject.get(lang), &[&"trace"])));
    };
    obj.entry("format").or_insert_with(|| TRACE_FORMAT.into());
    let bytes = serde_json::to_vec(&payload).map_err(|e| CliError::new(e.to_string()))?;
    let trace = Trace::from_payload(&bytes).map_err(|e| refused(&e, lang))?;
    check_key(&trace.gtin, &trace.lot, lang)?;
    let jws = sign::sign_trace(&bytes, &a.producer, a.number, &key);
    let parsed = Jws::parse(jws.as_bytes()).map_err(|e| CliError::new(format!("{e:?}")))?;
    parsed
        .verify(&key.verifying_key())
        .map_err(|e| CliError::new(format!("{e:?}")))?;
    std::fs::write(&a.out, format!("{jws}\n")).map_err(|e| io_error(&a.out, &e, lang))?;

    println!(
        "{}",
        fill(
            T::TraceWritten.get(lang),
            &[&a.out.display(), &(jws.len() + 1)]
        )
    );
    println!("  kid: {}", parsed.kid);
    println!(
        "  GTIN: {}  {}: {}",
        trace.gtin,
        T::Lot.get(lang),
        trace.lot
    );
    println!("  {}: {}", T::ProductName.get(lang), trace.product.name);
    println!(
        "  {}",
        fill(T::EventCount.get(lang), &[&trace.events.len()])
    );
    for e in &trace.events {
        let step = e.step.as_ref().map(|s| s.label(lang)).unwrap_or_default();
        let place = e.place.as_deref().unwrap_or("");
        println!(
            "    {}  {step}  {place}",
            display_local(e.time, e.offset_minutes)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The GTIN and lot must be what a label can carry, or no label will ever match the document.
fn check_key(gtin: &str, lot: &str, lang: Lang) -> Result<()> {
    let bad = |code: Code, detail: String| refused_code(code, &detail, lang);
    Ai::Gtin
        .validate(gtin)
        .map_err(|c| bad(c, format!("gtin={gtin}")))?;
    if !gs1::check_digit_ok(gtin) {
        return Err(bad(Code::PayloadGtinCheckDigit, format!("gtin={gtin}")));
    }
    Ai::Lot
        .validate(lot)
        .map_err(|c| bad(c, format!("lot={lot}")))
}

fn refused(e: &TraceError, lang: Lang) -> CliError {
    let (code, detail) = match e {
        TraceError::Malformed(d) => (Code::TraceMalformed, d.clone()),
        TraceError::Version(v) => (Code::TraceVersionUnsupported, format!("format={v}")),
        TraceError::TooManyEvents(n) => (Code::TraceTooManyEvents, format!("events={n}")),
    };
    refused_code(code, &detail, lang)
}

/// "Refused: code — title: explanation (detail)", from the core's message table.
fn refused_code(code: Code, detail: &str, lang: Lang) -> CliError {
    let m = message(code, lang);
    CliError::new(format!(
        "{}\n  {code} — {}: {} ({detail})",
        T::Refused.get(lang),
        m.title,
        m.explanation
    ))
}

fn read_json(p: &Path, lang: Lang) -> Result<Value> {
    let text = std::fs::read_to_string(p).map_err(|e| io_error(p, &e, lang))?;
    serde_json::from_str(&text)
        .map_err(|e| CliError::new(fill(T::SyntaxError.get(lang), &[&p.display(), &e])))
}

fn from_diary(
    diary_path: &Path,
    product: &Path,
    gtin: &str,
    lot: &str,
    now: i64,
    lang: Lang,
) -> Result<Value> {
    let product = read_json(product, lang)?;
    if !product.is_object() {
        return Err(CliError::new(fill(T::NotAnObject.get(lang), &[&"product"])));
    }
    let epc_class = format!(
        "https://id.gs1.org/01/{gtin}/10/{}",
        txng_core::link::percent_encode(lot)
    );
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(diary_path)
        .map_err(|e| CliError::new(fill(T::CsvError.get(lang), &[&diary_path.display(), &e])))?;
    let mut events = Vec::new();
    let mut errors = Vec::new();
    for (i, r) in rdr.deserialize::<DiaryRow>().enumerate() {
        let row = r.map_err(|e| {
            CliError::new(fill(T::CsvError.get(lang), &[&diary_path.display(), &e]))
        })?;
        match diary::row_to_event(&row, &epc_class, i + 2, lang) {
            Ok(e) => events.push(e),
            Err(msg) => errors.push(format!("  {msg}")),
        }
    }
    if !errors.is_empty() {
        return Err(CliError::new(format!(
            "{}\n{}",
            fill(
                T::BadRows.get(lang),
                &[&errors.len(), &diary_path.display()]
            ),
            errors.join("\n")
        )));
    }
    Ok(json!({
        "format": TRACE_FORMAT,
        "gtin": gtin,
        "lot": lot,
        "product": product,
        "epcis": {
            "@context": epcis_context(),
            "type": "EPCISDocument",
            "schemaVersion": "2.0",
            "creationDate": format_rfc3339_utc(now),
            "epcisBody": { "eventList": events },
        },
    }))
}
