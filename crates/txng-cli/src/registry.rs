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
    let (text, doc) = read_doc(&a.producers, lang)?;
    let mut doc = crate::nfc::json(doc);
    let locate = Locator::new(&text, &doc);
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
    check_times(obj, now, &a.producers, lang)?;
    check_producers(obj, &locate, &a.producers, lang)?;
    let payload = serde_json::to_vec(&doc).map_err(|e| CliError::new(e.to_string()))?;
    if let Some(dir) = &a.shards {
        return write_sharded(a, dir, &doc, &payload, &key, now, &locate, lang);
    }
    let Some(out) = &a.out else {
        // clap requires --out unless --shards.
        return Err(CliError::new("--out"));
    };
    let jws = sign::sign_registry(&payload, &a.kid, &key);

    let anchor = TrustAnchor {
        kid: a.kid.clone(),
        key: key.verifying_key(),
    };
    // Loaded back as a verifier would, and every key checked, not only those a scan uses.
    let loaded = Registry::load(jws.as_bytes(), &[anchor], now)
        .and_then(|(reg, checks)| reg.check_keys().map(|()| (reg, checks)));
    let (reg, checks) = loaded.map_err(|c| {
        let mut e = refused(&c, lang).to_string();
        for place in locate.for_detail(c.detail.as_deref().unwrap_or(""), lang) {
            e.push_str(&format!("\n  {place}"));
        }
        CliError::refused(c.code, e)
    })?;
    std::fs::write(out, format!("{jws}\n")).map_err(|e| io_error(out, &e, lang))?;
    print_summary(a, out, &reg, &checks, jws.len() + 1, lang);
    Ok(ExitCode::SUCCESS)
}

/// The index file of a sharded registry, in the `--shards` directory.
pub const INDEX_FILE: &str = "registry-index.jws";

/// `--shards DIR`: the whole list checked with the single-file rules, split (FORMAT.md §2.7),
/// the index signed, everything loaded back as a verifier would, then the shards written before
/// the index that pins them.
#[allow(clippy::too_many_arguments)]
fn write_sharded(
    a: &RegistrySignArgs,
    dir: &std::path::Path,
    doc: &serde_json::Value,
    payload: &[u8],
    key: &ed25519_dalek::SigningKey,
    now: txng_core::time::UnixTime,
    locate: &Locator,
    lang: Lang,
) -> Result<ExitCode> {
    use txng_core::shard::{self, RegistryIndex};
    let refuse = |c: Check| {
        let mut e = refused(&c, lang).to_string();
        for place in locate.for_detail(c.detail.as_deref().unwrap_or(""), lang) {
            e.push_str(&format!("\n  {place}"));
        }
        CliError::new(e)
    };
    let whole = Registry::from_payload(payload, &a.kid).map_err(refuse)?;
    whole.check_keys().map_err(refuse)?;
    let anchor = TrustAnchor {
        kid: a.kid.clone(),
        key: key.verifying_key(),
    };
    let index_path = dir.join(INDEX_FILE);
    let previous = match std::fs::read(&index_path) {
        Ok(b) => Some(
            RegistryIndex::load(&b, std::slice::from_ref(&anchor), now)
                .map_err(|c| {
                    CliError::new(fill(
                        T::ShardsPrevious.get(lang),
                        &[&index_path.display(), &refused(&c, lang)],
                    ))
                })?
                .0,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_error(&index_path, &e, lang)),
    };
    if let Some(p) = previous
        .as_ref()
        .filter(|p| whole.issued_at < p.base.issued_at)
    {
        return Err(CliError::new(fill(
            T::ShardsIssuedBefore.get(lang),
            &[
                &format_rfc3339_utc(whole.issued_at),
                &format_rfc3339_utc(p.base.issued_at),
            ],
        )));
    }
    let sharded = shard::split(doc, a.shard_bytes, previous.as_ref()).map_err(CliError::new)?;
    let jws = sign::sign_registry_index(&sharded.index_payload, &a.kid, key);
    let (index, checks) =
        RegistryIndex::load(jws.as_bytes(), std::slice::from_ref(&anchor), now).map_err(refuse)?;
    let mut files = Vec::with_capacity(sharded.shards.len());
    for f in &sharded.shards {
        let pin = index
            .shards
            .iter()
            .find(|s| s.from == f.from)
            .ok_or_else(|| CliError::new(format!("shard {}", f.from)))?;
        index.open_shard(pin, &f.bytes).map_err(refuse)?;
        let rel = index.shard_url(pin);
        let safe = !rel.starts_with('/')
            && !rel.contains("://")
            && !rel.split('/').any(|part| part == ".." || part.is_empty());
        if !safe {
            return Err(CliError::new(fill(
                T::ShardsTemplate.get(lang),
                &[&index.shard_url_template],
            )));
        }
        files.push((dir.join(rel), &f.bytes));
    }
    // Shards first: an index is never published before the files it pins (FORMAT.md §2.7.4).
    for (path, bytes) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(parent, &e, lang))?;
        }
        std::fs::write(path, bytes).map_err(|e| io_error(path, &e, lang))?;
    }
    let tmp = dir.join(format!("{INDEX_FILE}.tmp"));
    std::fs::write(&tmp, format!("{jws}\n")).map_err(|e| io_error(&tmp, &e, lang))?;
    std::fs::rename(&tmp, &index_path).map_err(|e| io_error(&index_path, &e, lang))?;
    print_summary(a, &index_path, &whole, &checks, jws.len() + 1, lang);
    let changed = sharded
        .shards
        .iter()
        .filter(|f| f.version == sharded.version)
        .count();
    let largest = sharded
        .shards
        .iter()
        .map(|f| f.bytes.len())
        .max()
        .unwrap_or(0);
    std::println!(
        "{}",
        fill(
            T::ShardsWritten.get(lang),
            &[&sharded.shards.len(), &largest, &sharded.version, &changed]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Reads the producer list by extension: its text (for line numbers) and its value.
fn read_doc(path: &std::path::Path, lang: Lang) -> Result<(String, serde_json::Value)> {
    let text = std::fs::read_to_string(path).map_err(|e| io_error(path, &e, lang))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let syntax = |e: String| CliError::new(fill(T::SyntaxError.get(lang), &[&path.display(), &e]));
    let value = match ext.as_deref() {
        Some("toml") => toml::from_str::<toml::Table>(&text)
            .map(|t| crate::nfc::toml_to_json(toml::Value::Table(t)))
            .map_err(|e| syntax(e.to_string()))?,
        // Refused before parsing: serde_json keeps the last of two same-named members, so the
        // signed list could say other than what its author reviewed (FORMAT.md §2.2).
        Some("json") => txng_core::json::check(text.as_bytes(), txng_core::json::Nulls::Refused)
            .map_err(|e| syntax(e.to_string()))
            .and_then(|()| serde_json::from_str(&text).map_err(|e| syntax(e.to_string())))?,
        _ => {
            return Err(CliError::new(fill(
                T::TomlOrJson.get(lang),
                &[&path.display()],
            )))
        }
    };
    Ok((text, value))
}

/// `issued_at` and `next_update`: both RFC 3339, `next_update` after `issued_at` and still ahead
/// of `now` (a list that is already past its next update would be shown stale or expired by every
/// verifier from the moment it is published).
fn check_times(
    obj: &serde_json::Map<String, serde_json::Value>,
    now: txng_core::time::UnixTime,
    path: &std::path::Path,
    lang: Lang,
) -> Result<()> {
    let get = |field: &str| -> Result<txng_core::time::UnixTime> {
        let v = obj.get(field).and_then(|v| v.as_str()).unwrap_or_default();
        txng_core::time::parse_rfc3339(v)
            .map(|t| t.0)
            .ok_or_else(|| {
                CliError::new(fill(
                    T::RegistryBadTime.get(lang),
                    &[&path.display(), &field, &v],
                ))
            })
    };
    let issued = get("issued_at")?;
    let next = get("next_update")?;
    if next <= issued {
        return Err(CliError::new(fill(
            T::NextUpdateBeforeIssued.get(lang),
            &[&format_rfc3339_utc(next), &format_rfc3339_utc(issued)],
        )));
    }
    if next <= now {
        return Err(CliError::new(fill(
            T::RegistryAlreadyExpired.get(lang),
            &[&format_rfc3339_utc(next), &format_rfc3339_utc(now)],
        )));
    }
    Ok(())
}

/// Where each producer is in the human-edited file: its position in the list and its line.
struct Locator {
    /// Per producer: its id (if any) and its 1-based line in the file (if found).
    producers: Vec<(Option<String>, Option<usize>)>,
    /// Per producer: its GS1 company prefixes.
    prefixes: Vec<Vec<String>>,
}

impl Locator {
    fn new(text: &str, doc: &serde_json::Value) -> Locator {
        let list = doc
            .get("producers")
            .and_then(|p| p.as_array())
            .cloned()
            .unwrap_or_default();
        let ids: Vec<Option<String>> = list
            .iter()
            .map(|p| p.get("id").and_then(|i| i.as_str()).map(str::to_string))
            .collect();
        // TOML: the `[[producers]]` headers, in order.
        let headers: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| {
                let t = l.trim_start();
                t.starts_with("[[producers]]") || t.replace(' ', "").starts_with("[[producers]]")
            })
            .map(|(i, _)| i + 1)
            .collect();
        let lines: Vec<Option<usize>> = if headers.len() == list.len() {
            headers.into_iter().map(Some).collect()
        } else {
            // JSON (or inline TOML): the line of each `"id": "…"` / `id = "…"`, in order.
            let mut from = 0;
            ids.iter()
                .map(|id| {
                    let id = id.as_deref()?;
                    let quoted = serde_json::to_string(id).ok()?;
                    let at = text.get(from..)?.find(&quoted)? + from;
                    from = at + quoted.len();
                    Some(text[..at].matches('\n').count() + 1)
                })
                .collect()
        };
        let prefixes = list
            .iter()
            .map(|p| {
                p.get("gs1_company_prefixes")
                    .and_then(|v| v.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        Locator {
            producers: ids.into_iter().zip(lines).collect(),
            prefixes,
        }
    }

    /// "producer #N (id), line L".
    fn describe(&self, i: usize, lang: Lang) -> String {
        let (id, line) = self.producers.get(i).cloned().unwrap_or((None, None));
        let mut s = fill(T::ProducerNumber.get(lang), &[&(i + 1)]);
        if let Some(id) = id {
            s.push_str(&format!(" ({})", crate::text::clean(&id)));
        }
        if let Some(l) = line {
            s.push_str(&format!(", {} {l}", T::Row.get(lang).to_lowercase()));
        }
        s
    }

    /// The producers a core refusal's detail names (`producer #3`, `producer=ID`, `id=ID`,
    /// `prefix=P`), described with their place in the file.
    fn for_detail(&self, detail: &str, lang: Lang) -> Vec<String> {
        let mut found: Vec<usize> = Vec::new();
        for word in detail.split_whitespace() {
            if let Some(n) = word.strip_prefix('#').and_then(|n| n.parse::<usize>().ok()) {
                found.push(n);
            }
            if let Some(pre) = word.strip_prefix("prefix=") {
                found.extend(
                    self.prefixes
                        .iter()
                        .enumerate()
                        .filter_map(|(i, list)| list.iter().any(|p| p == pre).then_some(i)),
                );
            }
            if let Some(id) = word
                .strip_prefix("producer=")
                .or_else(|| word.strip_prefix("id="))
            {
                found.extend(
                    self.producers
                        .iter()
                        .enumerate()
                        .filter(|(_, (p, _))| p.as_deref() == Some(id))
                        .map(|(i, _)| i),
                );
            }
        }
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|i| self.describe(i, lang)).collect()
    }
}

/// What the core needs of each producer, checked here first so a mistake is reported with the
/// producer's number and line in the file (the core sees only the re-serialised payload).
fn check_producers(
    obj: &serde_json::Map<String, serde_json::Value>,
    locate: &Locator,
    path: &std::path::Path,
    lang: Lang,
) -> Result<()> {
    use serde_json::Value;
    let Some(list) = obj.get("producers").and_then(Value::as_array) else {
        return Err(CliError::new(fill(
            T::RegistryNoProducers.get(lang),
            &[&path.display()],
        )));
    };
    let mut errors = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let mut problems = Vec::new();
        let nonempty_str = |v: Option<&Value>| {
            v.and_then(Value::as_str)
                .is_some_and(|s| !s.trim().is_empty())
        };
        for field in ["id", "name", "tax_code"] {
            if !nonempty_str(p.get(field)) {
                problems.push(fill(T::FieldMissing.get(lang), &[&field]));
            }
        }
        if !p.get("address").is_some_and(Value::is_object) {
            problems.push(fill(T::FieldMissing.get(lang), &[&"address"]));
        }
        match p.get("gs1_company_prefixes").and_then(Value::as_array) {
            None => problems.push(fill(T::FieldMissing.get(lang), &[&"gs1_company_prefixes"])),
            Some(pre) => {
                for x in pre {
                    let ok = x.as_str().is_some_and(|s| {
                        (4..=12).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
                    });
                    if !ok {
                        problems.push(fill(T::BadPrefix.get(lang), &[&x]));
                    }
                }
            }
        }
        match p.get("keys").and_then(Value::as_array) {
            None => problems.push(fill(T::FieldMissing.get(lang), &[&"keys"])),
            Some(keys) => {
                for (k, key) in keys.iter().enumerate() {
                    let n = key.get("number").and_then(Value::as_u64);
                    if n.is_none_or(|n| u16::try_from(n).is_err()) {
                        problems.push(fill(T::BadKeyEntry.get(lang), &[&(k + 1), &"number"]));
                    }
                    let pk = key
                        .get("public_key")
                        .and_then(Value::as_str)
                        .and_then(txng_core::b64::decode);
                    if pk.is_none_or(|b| b.len() != 32) {
                        problems.push(fill(T::BadKeyEntry.get(lang), &[&(k + 1), &"public_key"]));
                    }
                    for f in ["valid_from", "retired_at", "revoked_at"] {
                        let v = key.get(f);
                        let ok = match v {
                            None if f != "valid_from" => true,
                            Some(v) => v
                                .as_str()
                                .and_then(txng_core::time::parse_rfc3339)
                                .is_some(),
                            None => false,
                        };
                        if !ok {
                            problems.push(fill(T::BadKeyEntry.get(lang), &[&(k + 1), &f]));
                        }
                    }
                }
            }
        }
        if !problems.is_empty() {
            errors.push(format!(
                "  {}: {}",
                locate.describe(i, lang),
                problems.join("; ")
            ));
        }
    }
    if errors.is_empty() {
        return Ok(());
    }
    Err(CliError::new(format!(
        "{}\n{}",
        fill(T::BadProducers.get(lang), &[&errors.len(), &path.display()]),
        errors.into_iter().take(20).collect::<Vec<_>>().join("\n")
    )))
}

/// A core refusal as a CLI error: the code, its title and explanation, and the detail.
pub fn refused(c: &Check, lang: Lang) -> CliError {
    let m = message(c.code, lang);
    let detail = c
        .detail
        .as_deref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    CliError::refused(
        c.code,
        format!(
            "{}\n  {} — {}: {}{detail}",
            T::Refused.get(lang),
            c.code,
            m.title,
            m.explanation
        ),
    )
}

fn print_summary(
    a: &RegistrySignArgs,
    out: &std::path::Path,
    reg: &Registry,
    checks: &[Check],
    bytes: usize,
    lang: Lang,
) {
    // Names, ids and the kid come from files: every line through `text::clean`.
    macro_rules! println {
        ($($t:tt)*) => {
            std::println!("{}", crate::text::clean(&format!($($t)*)))
        };
    }
    let keys: usize = reg.producers.iter().map(|p| p.keys.len()).sum();
    let test_keys: usize = reg
        .producers
        .iter()
        .flat_map(|p| &p.keys)
        .filter(|k| k.test)
        .count();
    println!(
        "{}",
        fill(T::RegistryWritten.get(lang), &[&out.display(), &bytes])
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
    // A large list (a sharded one) is summed up, not listed.
    for p in reg
        .producers
        .iter()
        .take(if reg.producers.len() > 100 { 0 } else { 100 })
    {
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
