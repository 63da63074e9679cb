//! `txng trace sign`: the producer publishes a lot's trace document, either from a complete JSON
//! payload or from the electronic diary CSV plus a product description. Strings are normalised to
//! NFC; the payload is read back with the core (`Trace::from_payload`) and the JWS checked with the
//! key before the file is written, so what the verifiers would refuse is refused here.
//!
//! Refused, each with its reason: an EPCIS document that GS1's EPCIS 2.0 JSON schema refuses (with
//! the JSON Pointer of each violation and the schema rule); `txng:` extension keys without txng's
//! JSON-LD context, or the old `urn:txng:` vocabulary; an event dated after the document's
//! `creationDate`; events not oldest first; more events than the verifiers read; a JWS over their
//! size cap; and, with `--registry`, a producer, key or GTIN the registry does not give to the
//! signer (FORMAT.md §3.6).

use crate::cli::TraceSignArgs;
use crate::diary::{self, DiaryRow};
use crate::error::{CliError, Result};
use crate::keys::{self, io_error};
use crate::text::{fill, T};
use ed25519_dalek::SigningKey;
use serde_json::{json, Value};
use std::path::Path;
use std::process::ExitCode;
use txng_core::jws::Jws;
use txng_core::registry::{Registry, MAX_REGISTRY_BYTES};
use txng_core::time::{display_local, format_rfc3339_utc, parse_rfc3339, UnixTime};
use txng_core::trace::{Trace, TraceError, MAX_TRACE_BYTES, TRACE_FORMAT};
use txng_core::vocab::{LEGACY_TXNG_BIZSTEP, TXNG_BIZSTEP, TXNG_NS};
use txng_core::{gs1, message, sign, Ai, Code, Lang};

/// The EPCIS 2.0 JSON-LD context, with txng's extension namespace and terms.
pub fn epcis_context() -> Value {
    crate::epcis::context()
}

/// Runs `txng trace sign`.
pub fn run(a: &TraceSignArgs, lang: Lang) -> Result<ExitCode> {
    let now = crate::clock::now(a.now.as_deref(), lang)?;
    let key = keys::read_key(&a.key, lang)?;
    let registry = match &a.registry {
        Some(p) => Some(load_registry(p, a, now, lang)?),
        None => None,
    };
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
    if let Some(epcis) = payload.get("epcis") {
        check_epcis(epcis, lang)?;
    }
    let bytes = serde_json::to_vec(&payload).map_err(|e| CliError::new(e.to_string()))?;
    let trace = Trace::from_payload(&bytes).map_err(|e| refused(&e, lang))?;
    check_key(&trace.gtin, &trace.lot, lang)?;
    if let Some(e) = trace.events.iter().find(|e| e.is_recall() && !e.has_goods) {
        return Err(CliError::new(fill(
            T::TraceRecallWithoutGoods.get(lang),
            &[&display_local(e.time, e.offset_minutes)],
        )));
    }
    if let Some(reg) = &registry {
        check_signer(reg, a, &key, &trace.gtin, now, lang)?;
    }
    let jws = sign::sign_trace(&bytes, &a.producer, a.number, &key);
    // The file is the JWS and a newline; verifiers refuse more than MAX_TRACE_BYTES.
    if jws.len() + 1 > MAX_TRACE_BYTES {
        return Err(refused_code(
            Code::TraceTooLarge,
            &format!("bytes={} limit={MAX_TRACE_BYTES}", jws.len() + 1),
            lang,
        ));
    }
    let parsed = Jws::parse(jws.as_bytes()).map_err(|e| CliError::new(format!("{e:?}")))?;
    parsed
        .verify(&key.verifying_key())
        .map_err(|e| CliError::new(format!("{e:?}")))?;
    std::fs::write(&a.out, format!("{jws}\n")).map_err(|e| io_error(&a.out, &e, lang))?;

    // Text from the document (kid, lot, names, places) is printed terminal-safe (text::clean).
    let clean = crate::text::clean;
    println!(
        "{}",
        clean(&fill(
            T::TraceWritten.get(lang),
            &[&a.out.display(), &(jws.len() + 1)]
        ))
    );
    println!("  kid: {}", clean(&parsed.kid));
    println!(
        "  GTIN: {}  {}: {}",
        clean(&trace.gtin),
        T::Lot.get(lang),
        clean(&trace.lot)
    );
    println!(
        "  {}: {}",
        T::ProductName.get(lang),
        clean(&trace.product.name)
    );
    println!(
        "  {}",
        fill(T::EventCount.get(lang), &[&trace.events.len()])
    );
    for e in &trace.events {
        let step = e.step.as_ref().map(|s| s.label(lang)).unwrap_or_default();
        let place = e.place.as_deref().unwrap_or("");
        println!(
            "    {}  {}  {}",
            display_local(e.time, e.offset_minutes),
            clean(&step),
            clean(place)
        );
    }
    let mut warnings = Vec::new();
    if trace.product.name.trim().is_empty() {
        warnings.push(Code::InfoMissingName);
    }
    if trace
        .product
        .image_url
        .as_deref()
        .is_none_or(|u| u.trim().is_empty())
    {
        warnings.push(Code::InfoMissingImage);
    }
    warnings.extend(trace.profile_warnings().iter().map(|c| c.code));
    if !warnings.is_empty() {
        println!("{}", T::TraceWillWarn.get(lang));
        for c in warnings {
            let m = message(c, lang);
            println!("  {c} — {}: {}", m.title, m.explanation);
        }
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

/// The registry given with `--registry`, verified with the trust anchors given.
fn load_registry(p: &Path, a: &TraceSignArgs, now: UnixTime, lang: Lang) -> Result<Registry> {
    if a.anchors.is_none() && a.anchor.is_empty() {
        return Err(CliError::new(T::TraceRegistryNeedsAnchors.get(lang)));
    }
    let anchors = crate::verify::anchors_from(a.anchors.as_deref(), &a.anchor, lang)?;
    let bytes = std::fs::read(p).map_err(|e| io_error(p, &e, lang))?;
    if bytes.len() > MAX_REGISTRY_BYTES {
        return Err(unusable(
            p,
            Code::RegistryTooLarge,
            &format!("bytes={}", bytes.len()),
            lang,
        ));
    }
    Registry::load(&bytes, &anchors, now)
        .map(|(r, _)| r)
        .map_err(|c| unusable(p, c.code, c.detail.as_deref().unwrap_or(""), lang))
}

fn unusable(p: &Path, code: Code, detail: &str, lang: Lang) -> CliError {
    let m = message(code, lang);
    CliError::refused(
        code,
        format!(
            "{}\n  {code} — {}: {} ({detail})",
            fill(T::TraceRegistryUnusable.get(lang), &[&p.display()]),
            m.title,
            m.explanation
        ),
    )
}

/// What a verifier checks about the signer (FORMAT.md §1.5, §3.2): the producer and key are
/// listed, the key is this private key's and not revoked, and the GTIN is the producer's.
fn check_signer(
    reg: &Registry,
    a: &TraceSignArgs,
    key: &SigningKey,
    gtin: &str,
    now: UnixTime,
    lang: Lang,
) -> Result<()> {
    let kid = format!("{}#{}", a.producer, a.number);
    let unknown = |why: String| refused_code(Code::TraceSignerUnknown, &why, lang);
    let producer = reg
        .producer(&a.producer)
        .ok_or_else(|| unknown(format!("producer={} not in the registry", a.producer)))?;
    let listed = producer
        .key(a.number)
        .ok_or_else(|| unknown(format!("kid={kid}: the registry lists no key {}", a.number)))?;
    if listed.public_key != key.verifying_key().to_bytes() {
        return Err(unknown(format!(
            "kid={kid}: the private key is not the registry's key {}",
            a.number
        )));
    }
    if listed.revoked_at.is_some_and(|t| t <= now) {
        return Err(refused_code(
            Code::TraceKeyRevoked,
            &format!("kid={kid}"),
            lang,
        ));
    }
    match reg.producer_for_gtin(gtin) {
        Some(owner) if owner.id == producer.id => Ok(()),
        Some(owner) => Err(unknown(format!(
            "gtin={gtin} belongs to producer {}, not {}",
            owner.id, producer.id
        ))),
        None => Err(refused_code(
            Code::ProducerUnknown,
            &format!("gtin={gtin}: no producer in the registry owns its company prefix"),
            lang,
        )),
    }
}

/// GS1's schema, txng's vocabulary and context, and event times (FORMAT.md §3.6).
fn check_epcis(epcis: &Value, lang: Lang) -> Result<()> {
    if let Err((violations, total)) = crate::epcis::validate(epcis, 10) {
        let mut out = fill(
            T::TraceSchemaInvalid.get(lang),
            &[&crate::epcis::SCHEMA_PATH, &total],
        );
        for v in &violations {
            let at = if v.at.is_empty() { "/" } else { v.at.as_str() };
            out.push_str("\n  ");
            out.push_str(&fill(
                T::TraceSchemaAt.get(lang),
                &[
                    &format!("epcis{at}"),
                    &format!("#{}", v.rule),
                    &schema_hint(&v.rule).get(lang),
                    &v.message,
                ],
            ));
        }
        if total > violations.len() {
            out.push_str("\n  ");
            out.push_str(&fill(
                T::TraceSchemaMore.get(lang),
                &[&(total - violations.len())],
            ));
        }
        return Err(CliError::new(out));
    }
    if let Some(old) = find_string(epcis, &|s| s.starts_with("urn:txng:")) {
        return Err(CliError::new(fill(
            T::TraceLegacyVocab.get(lang),
            &[
                &old,
                &match old.strip_prefix(LEGACY_TXNG_BIZSTEP) {
                    Some(word) => format!("{TXNG_BIZSTEP}{word}"),
                    None => format!("\"txng\": \"{TXNG_NS}\""),
                },
            ],
        )));
    }
    check_context(epcis, lang)?;
    check_times(epcis, lang)
}

/// A plain-words reason for a schema rule, before the validator's own (English) message.
fn schema_hint(rule: &str) -> T {
    let last = rule.rsplit('/').next().unwrap_or("");
    if rule.contains("ObjectEvent/allOf/2") {
        return T::SchemaHintGoods;
    }
    match last {
        "required" => T::SchemaHintRequired,
        "pattern" => T::SchemaHintPattern,
        "format" => T::SchemaHintFormat,
        "propertyNames" => T::SchemaHintPropertyNames,
        "type" | "enum" => T::SchemaHintType,
        _ if rule.contains("/propertyNames/") => T::SchemaHintPropertyNames,
        _ => T::SchemaHintOther,
    }
}

/// The first string (key or value) that matches.
fn find_string(v: &Value, f: &dyn Fn(&str) -> bool) -> Option<String> {
    match v {
        Value::String(s) => f(s).then(|| s.clone()),
        Value::Array(a) => a.iter().find_map(|x| find_string(x, f)),
        Value::Object(m) => m.iter().find_map(|(k, x)| {
            if f(k) {
                Some(k.clone())
            } else {
                find_string(x, f)
            }
        }),
        _ => None,
    }
}

/// `txng:` keys need the `txng` prefix bound to txng's namespace, and `txng:inputs` its scoped
/// terms, or JSON-LD expansion drops or changes them.
fn check_context(epcis: &Value, lang: Lang) -> Result<()> {
    let Some(events) = epcis.pointer("/epcisBody/eventList") else {
        return Ok(());
    };
    let uses = |key: &str| find_string(events, &|s| s == key).is_some();
    let uses_txng = find_string(events, &|s| s.starts_with("txng:")).is_some();
    if !uses_txng {
        return Ok(());
    }
    let ours = crate::epcis::txng_context();
    let ctx: Vec<&Value> = match epcis.get("@context") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    let defined = |term: &str| {
        ctx.iter()
            .any(|c| c.get(term).is_some() && c.get(term) == ours.get(term))
    };
    if defined("txng") && (!uses("txng:inputs") || defined("txng:inputs")) {
        return Ok(());
    }
    Err(CliError::new(fill(
        T::TraceNamespace.get(lang),
        &[&TXNG_NS, &ours],
    )))
}

/// Every event at or before `creationDate`, and oldest first.
fn check_times(epcis: &Value, lang: Lang) -> Result<()> {
    let created_text = epcis
        .get("creationDate")
        .and_then(Value::as_str)
        .unwrap_or("");
    let created = parse_rfc3339(created_text)
        .map(|t| t.0)
        .ok_or_else(|| CliError::new(fill(T::TraceBadCreationDate.get(lang), &[&created_text])))?;
    let events = epcis
        .pointer("/epcisBody/eventList")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let mut prev: Option<(usize, UnixTime, &str)> = None;
    for (i, e) in events.iter().enumerate() {
        let text = e.get("eventTime").and_then(Value::as_str).unwrap_or("");
        // An unreadable time is the core's to refuse (trace.malformed), with the event's number.
        let Some((t, _)) = parse_rfc3339(text) else {
            continue;
        };
        if t > created {
            return Err(CliError::new(fill(
                T::TraceEventAfterCreation.get(lang),
                &[&i, &text, &created_text],
            )));
        }
        if let Some((j, pt, ptext)) = prev {
            if t < pt {
                return Err(CliError::new(fill(
                    T::TraceEventsOutOfOrder.get(lang),
                    &[&i, &text, &j, &ptext],
                )));
            }
        }
        prev = Some((i, t, text));
    }
    Ok(())
}

fn refused(e: &TraceError, lang: Lang) -> CliError {
    let c = e.check();
    refused_code(c.code, c.detail.as_deref().unwrap_or(""), lang)
}

/// "Refused: code — title: explanation (detail)", from the core's message table.
fn refused_code(code: Code, detail: &str, lang: Lang) -> CliError {
    let m = message(code, lang);
    CliError::refused(
        code,
        format!(
            "{}\n  {code} — {}: {} ({detail})",
            T::Refused.get(lang),
            m.title,
            m.explanation
        ),
    )
}

fn read_json(p: &Path, lang: Lang) -> Result<Value> {
    let text = std::fs::read_to_string(p).map_err(|e| io_error(p, &e, lang))?;
    let syntax = |e: &dyn std::fmt::Display| {
        CliError::new(fill(T::SyntaxError.get(lang), &[&p.display(), e]))
    };
    // Refused before parsing: serde_json keeps the last of two same-named members, so the signed
    // document could say other than what its author reviewed (FORMAT.md §3.2).
    txng_core::json::check(text.as_bytes(), txng_core::json::Nulls::Allowed)
        .map_err(|e| syntax(&e))?;
    serde_json::from_str(&text).map_err(|e| syntax(&e))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_core_refusal_keeps_its_code() {
        let e = check_key("08935012345678", "CF2406A", Lang::En).expect_err("bad check digit");
        assert_eq!(e.code(), Some(Code::PayloadGtinCheckDigit));
        assert!(e.to_string().contains("payload.gtin_check_digit — "), "{e}");
        let e = refused(&TraceError::TooManyEvents(1001), Lang::Vi);
        assert_eq!(e.code(), Some(Code::TraceTooManyEvents));
        assert!(e.to_string().contains("(events=1001)"), "{e}");
        assert!(check_key("08935012345677", "CF2406A", Lang::En).is_ok());
    }
}
