//! `txng registry sign`: the authority turns its human-edited producer list (TOML or JSON, the same
//! fields as the registry payload) into the signed registry. Strings are normalised to NFC, and the
//! signed result is loaded back with the core against the signing key before it is written, so a
//! file the verifiers would refuse is refused here, with the same status code and words.

use crate::cli::RegistrySignArgs;
use crate::error::{CliError, Result};
use crate::keys::{self, io_error};
use crate::text::{fill, T};
use std::process::ExitCode;
use txng_core::registry::{Registry, TrustAnchor, REGISTRY_FORMAT};
use txng_core::time::{display_local, format_rfc3339_utc};
use txng_core::{message, sign, Check, Code, Lang, Severity};

/// Runs `txng registry sign`.
pub fn run(a: &RegistrySignArgs, lang: Lang) -> Result<ExitCode> {
    let now = crate::clock::now(a.now.as_deref(), lang)?;
    let key = keys::read_key(&a.key, lang)?;
    let doc = read_doc(&a.producers, lang)?;
    let mut doc = crate::nfc::json(doc);
    let Some(obj) = doc.as_object_mut() else {
        return Err(CliError::new(fill(
            T::NotAnObject.get(lang),
            &[&a.producers.display()],
        )));
    };
    obj.entry("format")
        .or_insert_with(|| REGISTRY_FORMAT.into());
    obj.entry("issued_at")
        .or_insert_with(|| format_rfc3339_utc(now).into());
    let payload = serde_json::to_vec(&doc).map_err(|e| CliError::new(e.to_string()))?;
    let jws = sign::sign_registry(&payload, &a.kid, &key);

    let anchor = TrustAnchor {
        kid: a.kid.clone(),
        key: key.verifying_key(),
    };
    let (reg, checks) =
        Registry::load(jws.as_bytes(), &[anchor], now).map_err(|c| refused(&c, lang))?;
    std::fs::write(&a.out, format!("{jws}\n")).map_err(|e| io_error(&a.out, &e, lang))?;
    print_summary(a, &reg, &checks, jws.len() + 1, lang);
    Ok(ExitCode::SUCCESS)
}

/// Reads the producer list by extension.
fn read_doc(path: &std::path::Path, lang: Lang) -> Result<serde_json::Value> {
    let text = std::fs::read_to_string(path).map_err(|e| io_error(path, &e, lang))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let syntax = |e: String| CliError::new(fill(T::SyntaxError.get(lang), &[&path.display(), &e]));
    match ext.as_deref() {
        Some("toml") => toml::from_str::<toml::Table>(&text)
            .map(|t| crate::nfc::toml_to_json(toml::Value::Table(t)))
            .map_err(|e| syntax(e.to_string())),
        // Refused before parsing: serde_json keeps the last of two same-named members, so the
        // signed list could say other than what its author reviewed (FORMAT.md §2.2).
        Some("json") => txng_core::json::check(text.as_bytes(), txng_core::json::Nulls::Refused)
            .map_err(|e| syntax(e.to_string()))
            .and_then(|()| serde_json::from_str(&text).map_err(|e| syntax(e.to_string()))),
        _ => Err(CliError::new(fill(
            T::TomlOrJson.get(lang),
            &[&path.display()],
        ))),
    }
}

/// A core refusal as a CLI error: the code, its title and explanation, and the detail.
pub fn refused(c: &Check, lang: Lang) -> CliError {
    let m = message(c.code, lang);
    let detail = c
        .detail
        .as_deref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    CliError::new(format!(
        "{}\n  {} — {}: {}{detail}",
        T::Refused.get(lang),
        c.code,
        m.title,
        m.explanation
    ))
}

fn print_summary(a: &RegistrySignArgs, reg: &Registry, checks: &[Check], bytes: usize, lang: Lang) {
    let keys: usize = reg.producers.iter().map(|p| p.keys.len()).sum();
    let test_keys: usize = reg
        .producers
        .iter()
        .flat_map(|p| &p.keys)
        .filter(|k| k.test)
        .count();
    println!(
        "{}",
        fill(T::RegistryWritten.get(lang), &[&a.out.display(), &bytes])
    );
    println!("  {}: {}", T::Authority.get(lang), reg.authority.name);
    println!("  kid: {}", a.kid);
    println!(
        "  {}: {}",
        T::IssuedAt.get(lang),
        display_local(reg.issued_at, 420)
    );
    println!(
        "  {}: {}",
        T::NextUpdate.get(lang),
        display_local(reg.next_update, 420)
    );
    println!(
        "  {}",
        fill(
            T::ProducerCount.get(lang),
            &[&reg.producers.len(), &keys, &test_keys]
        )
    );
    for p in &reg.producers {
        let nums: Vec<String> = p.keys.iter().map(|k| k.number.to_string()).collect();
        println!(
            "    - {} | {} | {} {} | {} {} | {} {}",
            p.id,
            p.name,
            T::TaxCode.get(lang),
            p.tax_code,
            T::Prefixes.get(lang),
            p.gs1_company_prefixes.join(","),
            T::Keys.get(lang),
            nums.join(",")
        );
    }
    println!("  {}: {}", T::Resolvers.get(lang), reg.resolvers.join(", "));
    println!(
        "  {}: {}",
        T::TraceTemplates.get(lang),
        reg.trace_url_templates.join(", ")
    );
    for c in checks.iter().filter(|c| c.code != Code::RegistryValid) {
        let m = message(c.code, lang);
        let mark = if c.severity >= Severity::Warning {
            "!"
        } else {
            "i"
        };
        println!("  {mark} {} — {}: {}", c.code, m.title, m.explanation);
    }
}
