//! The sharded registry (FORMAT.md §2.7): a small authority-signed *index* that pins, by version,
//! length and SHA-256, one *shard* per GS1 company prefix range. A scan downloads the index and the
//! one shard covering the label's GTIN; the shard's producers then go through the same checks as a
//! single-file registry's ([`crate::registry::producers_from_docs`]) and the rest of the pipeline
//! sees an ordinary [`Registry`] holding that shard's producers.
//!
//! The design follows The Update Framework: the index plays TUF's *snapshot* role (it names the
//! version and hash of every shard, so shards of different releases cannot be mixed), the shards
//! are its *targets*, and the index's `issued_at` / `next_update` give the rollback and freeze
//! protections of a single-file registry (§2.3, §2.6) to both levels.

use crate::fields::{list, object, Read};
use crate::json::{self, Nulls};
use crate::registry::{
    load_checks, open_signed, producers_from_docs, read_authority, read_format, read_producer,
    Authority, ProducerDoc, Registry, RegistryDoc, TrustAnchor,
};
use crate::status::{Check, Code};
use crate::time::UnixTime;
#[cfg(test)]
use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The `typ` of a registry index: `application/txng-registry-index+jws` (FORMAT.md §2.7).
pub const INDEX_TYP: &str = "txng-registry-index+jws";

/// The index format this verifier reads.
pub const INDEX_FORMAT: &str = "txng-registry-index/1";

/// The shard format this verifier reads.
pub const SHARD_FORMAT: &str = "txng-registry-shard/1";

/// Largest index JWS accepted, in bytes.
pub const MAX_INDEX_BYTES: usize = 1024 * 1024;

/// Largest shard accepted, in bytes (an index pinning a longer one is malformed).
pub const MAX_SHARD_BYTES: usize = 1024 * 1024;

/// Longest shard `from`, in digits (a GS1 company prefix has at most 12).
pub const MAX_SHARD_PREFIX: usize = 12;

/// One shard as the index pins it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardRef {
    /// Where the shard's range starts: the digit strings (company prefixes, GTIN digits) from
    /// this one, in string order, up to the next shard's `from` (FORMAT.md §2.7.1).
    pub from: String,
    /// Version: never lower than a version of this shard seen before.
    pub version: u64,
    /// Exact length in bytes: a caller stops reading there.
    pub length: u64,
    /// SHA-256 of the exact bytes.
    pub sha256: [u8; 32],
}

impl ShardRef {
    /// The pin as lower-case hex.
    pub fn sha256_hex(&self) -> String {
        hex(&self.sha256)
    }
}

/// An authentic, consistent registry index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistryIndex {
    /// Everything of a registry but the producers (authority, times, resolvers, templates, demo,
    /// signer); `producers` is empty.
    pub base: Registry,
    /// The index version (increases with every index published).
    pub version: u64,
    /// Where a shard is, relative to the index's URL: `{from}` and `{version}` are replaced.
    pub shard_url_template: String,
    /// The shards, sorted by `from`.
    pub shards: Vec<ShardRef>,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct ShardRefDoc {
    from: String,
    version: u64,
    length: u64,
    sha256: String,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct IndexDoc {
    authority: Authority,
    issued_at: String,
    next_update: String,
    version: u64,
    resolvers: Vec<String>,
    trace_url_templates: Vec<String>,
    #[cfg_attr(test, serde(default))]
    demo: bool,
    shard_url_template: String,
    shards: Vec<ShardRefDoc>,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct ShardDoc {
    from: String,
    version: u64,
    producers: Vec<ProducerDoc>,
}

// The readers of the index and the shards (crate::fields: why by hand). Each reads what the
// type's serde attributes say; the tests compare them with those derived readers.

fn read_index(v: &Value) -> Read<IndexDoc> {
    let o = object(v, "$".into())?;
    Ok(IndexDoc {
        authority: o.req("authority", read_authority)?,
        issued_at: o.string("issued_at")?,
        next_update: o.string("next_update")?,
        version: o.unsigned("version", u64::MAX)?,
        resolvers: o.strings("resolvers")?,
        trace_url_templates: o.strings("trace_url_templates")?,
        demo: o.bool_or("demo", false)?,
        shard_url_template: o.string("shard_url_template")?,
        shards: o.req("shards", |v, p| {
            list(v, &p, |v, p| {
                let o = object(v, p)?;
                Ok(ShardRefDoc {
                    from: o.string("from")?,
                    version: o.unsigned("version", u64::MAX)?,
                    length: o.unsigned("length", u64::MAX)?,
                    sha256: o.string("sha256")?,
                })
            })
        })?,
    })
}

fn read_shard(v: &Value) -> Read<ShardDoc> {
    let o = object(v, "$".into())?;
    Ok(ShardDoc {
        from: o.string("from")?,
        version: o.unsigned("version", u64::MAX)?,
        producers: o.req("producers", |v, p| list(v, &p, read_producer))?,
    })
}

fn from_ok(p: &str) -> bool {
    p.len() <= MAX_SHARD_PREFIX && p.bytes().all(|b| b.is_ascii_digit())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex32(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// The SHA-256 of bytes as lower-case hex (the form of the index's `sha256` pins).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

impl RegistryIndex {
    /// Verifies and loads an index JWS (FORMAT.md §2.7.2). On success also returns the load checks
    /// of the list (`registry.valid`, `registry.stale`, `registry.expired`, `registry.demo`): the
    /// index carries the freshness of every shard it pins.
    pub fn load(
        bytes: &[u8],
        anchors: &[TrustAnchor],
        now: UnixTime,
    ) -> Result<(RegistryIndex, Vec<Check>), Check> {
        let (jws, payload) = open_signed(bytes, anchors, MAX_INDEX_BYTES, INDEX_TYP, &[])?;
        read_format(&payload, INDEX_FORMAT)?;
        let malformed = |d: String| Check::with(Code::RegistryMalformed, d);
        let doc = read_index(&payload).map_err(malformed)?;
        if doc.version == 0 {
            return Err(malformed("version=0".into()));
        }
        let template_ok = doc.shard_url_template.contains("{from}")
            && doc
                .shard_url_template
                .replace("{from}", "")
                .replace("{version}", "")
                .bytes()
                .all(|b| b.is_ascii_graphic() && b != b'{' && b != b'}' && b != b'\\');
        if !template_ok {
            return Err(malformed(format!(
                "shard_url_template={}",
                doc.shard_url_template
            )));
        }
        let mut shards = Vec::with_capacity(doc.shards.len());
        for s in doc.shards {
            let bad = || malformed(format!("shard={}", s.from));
            if !from_ok(&s.from) || s.version == 0 || s.length > MAX_SHARD_BYTES as u64 {
                return Err(bad());
            }
            let sha256 = unhex32(&s.sha256).ok_or_else(bad)?;
            shards.push(ShardRef {
                from: s.from,
                version: s.version,
                length: s.length,
                sha256,
            });
        }
        shards.sort_unstable_by(|a, b| a.from.cmp(&b.from));
        if let Some(w) = shards.windows(2).find(|w| w[0].from == w[1].from) {
            return Err(malformed(format!("shard={} listed twice", w[0].from)));
        }
        let base = Registry::from_doc(
            RegistryDoc {
                authority: doc.authority,
                issued_at: doc.issued_at,
                next_update: doc.next_update,
                resolvers: doc.resolvers,
                trace_url_templates: doc.trace_url_templates,
                producers: Vec::new(),
                demo: doc.demo,
            },
            jws.kid,
        )?;
        let checks = load_checks(
            &base.signed_by,
            base.issued_at,
            base.next_update,
            base.demo,
            now,
        );
        let index = RegistryIndex {
            base,
            version: doc.version,
            shard_url_template: doc.shard_url_template,
            shards,
        };
        Ok((index, checks))
    }

    /// The shard covering a GTIN: the one with the greatest `from` not after the GTIN's digits
    /// following the indicator digit (string order); `None` (the digits come before every
    /// shard): no producer of this registry can own the GTIN.
    pub fn shard_for_gtin(&self, gtin: &str) -> Option<&ShardRef> {
        let body = gtin.get(1..)?;
        self.shard_for_digits(body)
    }

    fn shard_for_digits(&self, digits: &str) -> Option<&ShardRef> {
        let i = self.shards.partition_point(|s| s.from.as_str() <= digits);
        i.checked_sub(1).and_then(|i| self.shards.get(i))
    }

    /// Whether every digit string starting with the company prefix `c` is covered by `shard`:
    /// `shard.from <= c`, and `c` sorts before the next shard's `from` without being a prefix
    /// of it (FORMAT.md §2.7.1).
    fn covers_all_of(&self, shard: &ShardRef, c: &str) -> bool {
        let next = self
            .shards
            .iter()
            .find(|s| s.from.as_str() > shard.from.as_str());
        shard.from.as_str() <= c
            && next.is_none_or(|n| c < n.from.as_str() && !n.from.starts_with(c))
    }

    /// The shard's location relative to the index's URL.
    pub fn shard_url(&self, shard: &ShardRef) -> String {
        self.shard_url_template
            .replace("{from}", &shard.from)
            .replace("{version}", &shard.version.to_string())
    }

    /// Checks a shard's bytes against its pin and loads its producers (FORMAT.md §2.7.3): the
    /// result is a [`Registry`] with the index's authority, times and resolvers and the shard's
    /// producers, checked as a single-file registry's are.
    pub fn open_shard(&self, shard: &ShardRef, bytes: &[u8]) -> Result<Registry, Check> {
        let pin = |what: &str| {
            Check::with(
                Code::RegistryShardHashMismatch,
                format!("shard={} {what}", shard.from),
            )
        };
        if bytes.len() as u64 != shard.length {
            return Err(pin(&format!(
                "length={} pinned={}",
                bytes.len(),
                shard.length
            )));
        }
        if Sha256::digest(bytes).as_slice() != shard.sha256 {
            return Err(pin(&format!("sha256 pinned={}", shard.sha256_hex())));
        }
        // From here the bytes are the authority's (the signed index pins them).
        let payload = json::parse(bytes, Nulls::Refused)
            .map_err(|e| Check::with(Code::RegistryMalformed, format!("shard: {e}")))?;
        read_format(&payload, SHARD_FORMAT)?;
        let doc = read_shard(&payload)
            .map_err(|e| Check::with(Code::RegistryMalformed, format!("shard: {e}")))?;
        let inconsistent = |d: String| {
            Check::with(
                Code::RegistryShardInconsistent,
                format!("shard={} {d}", shard.from),
            )
        };
        if doc.from != shard.from || doc.version != shard.version {
            return Err(inconsistent(format!(
                "says from={} version={}",
                doc.from, doc.version
            )));
        }
        // Every GTIN of every company prefix listed here must look this shard up (§2.7.1).
        for p in &doc.producers {
            for c in &p.gs1_company_prefixes {
                if !self.covers_all_of(shard, c) {
                    return Err(inconsistent(format!("producer={} prefix={c}", p.id)));
                }
            }
        }
        let mut reg = self.base.clone();
        reg.producers = producers_from_docs(doc.producers)?;
        Ok(reg)
    }
}

// --- Issuing (the CLI's `registry sign --shards`; verification never calls this) -------------

/// A shard file to publish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardFile {
    /// Where its range starts.
    pub from: String,
    /// Its version.
    pub version: u64,
    /// Its exact bytes (compact JSON).
    pub bytes: Vec<u8>,
}

/// A registry split into an index payload (to be signed) and shards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sharded {
    /// The index payload (JSON), to be signed with [`crate::sign::sign_registry_index`].
    pub index_payload: Vec<u8>,
    /// The index version.
    pub version: u64,
    /// The shards, sorted by `from`.
    pub shards: Vec<ShardFile>,
}

/// The default shard-size target of `txng registry sign --shards` (bytes of producer entries per
/// shard): chosen with the 10,000-producer benchmark (`registry_scale`) for the smallest index +
/// shard download per scan (FORMAT.md §2.7.5).
pub const DEFAULT_TARGET_BYTES: usize = 32 * 1024;

/// The default shard location, relative to the index.
pub const DEFAULT_SHARD_URL_TEMPLATE: &str = "shards/{from}-v{version}.json";

/// Splits a registry payload (a `txng-registry/1` document as JSON; its `format` and `producers`
/// are replaced) into shards of consecutive company prefixes (in string order), each closed before
/// its producer entries would exceed `target_bytes`, but never between a company prefix and one
/// it is a prefix of (the shorter one's GTINs would straddle two shards). A producer with company
/// prefixes in several shards is listed in each with the prefixes that shard covers.
///
/// `previous` (the index published before, if any) keeps versions monotonic: the new index has
/// version `previous.version + 1`; a shard whose bytes are unchanged keeps its version, and a new
/// or changed shard gets the new index version (so the versions under one `from` only ever
/// increase, even when a shard disappears and comes back).
pub fn split(
    payload: &serde_json::Value,
    target_bytes: usize,
    previous: Option<&RegistryIndex>,
) -> Result<Sharded, String> {
    use serde_json::Value;
    let obj = payload.as_object().ok_or("not an object")?;
    let producers = obj
        .get("producers")
        .and_then(Value::as_array)
        .ok_or("no producers")?;
    // (company prefix, producer index, approximate bytes of that producer entry)
    let mut entries: Vec<(String, usize)> = Vec::new();
    let mut sizes = Vec::with_capacity(producers.len());
    for (i, p) in producers.iter().enumerate() {
        sizes.push(serde_json::to_vec(p).map_err(|e| e.to_string())?.len());
        let prefixes = p
            .get("gs1_company_prefixes")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("producer #{i}: no gs1_company_prefixes"))?;
        for c in prefixes {
            let c = c
                .as_str()
                .filter(|c| (4..=12).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| format!("producer #{i}: prefix {c}"))?;
            entries.push((c.to_string(), i));
        }
    }
    entries.sort();
    let leaves = pack(entries, &sizes, target_bytes);

    let version = previous.map_or(1, |p| p.version + 1);
    let mut shards = Vec::with_capacity(leaves.len());
    for (from, entries) in leaves {
        // Producers in list order, each with the company prefixes of this shard only.
        let mut by_producer: Vec<(usize, Vec<String>)> = Vec::new();
        for (c, i) in entries {
            match by_producer.iter_mut().find(|(j, _)| *j == i) {
                Some((_, list)) => list.push(c),
                None => by_producer.push((i, vec![c])),
            }
        }
        by_producer.sort_by_key(|(i, _)| *i);
        let list: Vec<Value> = by_producer
            .into_iter()
            .map(|(i, cs)| {
                let mut p = producers[i].clone();
                if let Some(o) = p.as_object_mut() {
                    let original: Vec<&str> = o
                        .get("gs1_company_prefixes")
                        .and_then(Value::as_array)
                        .map(|a| a.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    let kept: Vec<Value> = original
                        .into_iter()
                        .filter(|c| cs.iter().any(|x| x == c))
                        .map(Value::from)
                        .collect();
                    o.insert("gs1_company_prefixes".into(), Value::Array(kept));
                }
                p
            })
            .collect();
        let bytes_at = |v: u64| -> Result<Vec<u8>, String> {
            let doc = serde_json::json!({
                "format": SHARD_FORMAT,
                "from": from,
                "version": v,
                "producers": list,
            });
            serde_json::to_vec(&doc).map_err(|e| e.to_string())
        };
        let old = previous.and_then(|p| p.shards.iter().find(|s| s.from == from));
        let kept = match old {
            Some(o) => {
                let b = bytes_at(o.version)?;
                (Sha256::digest(&b).as_slice() == o.sha256).then_some((o.version, b))
            }
            None => None,
        };
        let (v, bytes) = match kept {
            Some(k) => k,
            None => (version, bytes_at(version)?),
        };
        shards.push(ShardFile {
            from,
            version: v,
            bytes,
        });
    }
    let mut index = serde_json::Map::new();
    for (k, v) in obj {
        if k != "producers" && k != "format" {
            index.insert(k.clone(), v.clone());
        }
    }
    index.insert("format".into(), INDEX_FORMAT.into());
    index.insert("version".into(), version.into());
    index
        .entry("shard_url_template")
        .or_insert_with(|| DEFAULT_SHARD_URL_TEMPLATE.into());
    index.insert(
        "shards".into(),
        Value::Array(
            shards
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "from": s.from,
                        "version": s.version,
                        "length": s.bytes.len(),
                        "sha256": sha256_hex(&s.bytes),
                    })
                })
                .collect(),
        ),
    );
    let index_payload = serde_json::to_vec(&Value::Object(index)).map_err(|e| e.to_string())?;
    Ok(Sharded {
        index_payload,
        version,
        shards,
    })
}

/// Packs sorted `(company prefix, producer)` entries into consecutive shards: `(from, entries)`.
fn pack(
    entries: Vec<(String, usize)>,
    sizes: &[usize],
    target: usize,
) -> Vec<(String, Vec<(String, usize)>)> {
    let mut out: Vec<(String, Vec<(String, usize)>)> = Vec::new();
    let mut chunk: Vec<(String, usize)> = Vec::new();
    let mut in_chunk: Vec<usize> = Vec::new();
    let mut size = 0usize;
    for (c, i) in entries {
        let add = if in_chunk.contains(&i) { 0 } else { sizes[i] };
        // A company prefix nested in one of this shard's must stay with it (§2.7.1).
        let nested = chunk.iter().any(|(x, _)| c.starts_with(x.as_str()));
        if !chunk.is_empty() && size + add > target && !nested {
            let from = chunk[0].0.clone();
            out.push((from, std::mem::take(&mut chunk)));
            in_chunk.clear();
            size = 0;
        }
        if !in_chunk.contains(&i) {
            in_chunk.push(i);
            size += sizes[i];
        }
        chunk.push((c, i));
    }
    if let Some(first) = chunk.first() {
        out.push((first.0.clone(), chunk));
    }
    out
}

#[cfg(test)]
mod reading_tests {
    use super::{read_index, read_shard, IndexDoc, ShardDoc};
    use crate::fields::reference::reads_as_serde;
    use crate::json::{differential, vector_payload};
    use proptest::prelude::*;

    fn shard_seed() -> serde_json::Value {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/data/shards/89350123-v1.json"
        );
        serde_json::from_slice(&std::fs::read(path).expect("shard vector")).expect("JSON shard")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// The index's and the shard's hand readers read what serde's derived readers read.
        #[test]
        fn index_reads_as_serde_derive(doc in differential::around(vector_payload("registry-index.jws"))) {
            reads_as_serde::<IndexDoc>(&doc, read_index)?;
        }

        #[test]
        fn shard_reads_as_serde_derive(doc in differential::around(shard_seed())) {
            reads_as_serde::<ShardDoc>(&doc, read_shard)?;
        }
    }
}
