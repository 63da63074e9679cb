//! The producer registry: who may sign labels for which GS1 company prefixes, signed by the
//! provincial authority (FORMAT.md §2). Loading checks everything at once, so the rest of the
//! pipeline works only with a registry that is authentic and consistent.

use crate::b64;
use crate::fields::{list, object, Read};
use crate::json::{self, Nulls};
use crate::jws::{Jws, SignatureInvalid};
use crate::status::{Check, Code};
use crate::time::{parse_rfc3339, UnixTime};
use ed25519_dalek::VerifyingKey;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Largest registry JWS accepted, in bytes (FORMAT.md §4.3).
pub const MAX_REGISTRY_BYTES: usize = 4 * 1024 * 1024;

/// The registry format this verifier reads.
pub const REGISTRY_FORMAT: &str = "txng-registry/1";

/// A registry past `next_update` by more than this is too old to rely on (grey, not red).
pub const EXPIRY_GRACE_SECS: i64 = 90 * 86_400;

/// A trust anchor: an authority key from the deployment's configuration, never from scanned data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustAnchor {
    /// The `kid` the authority puts in the registry's JWS header.
    pub kid: String,
    /// The Ed25519 public key.
    pub key: VerifyingKey,
}

impl TrustAnchor {
    /// Builds an anchor from a `kid` and a base64url public key; `None` if the key is malformed or weak.
    pub fn from_base64url(kid: &str, key: &str) -> Option<TrustAnchor> {
        let bytes: [u8; 32] = b64::decode(key)?.try_into().ok()?;
        Some(TrustAnchor {
            kid: kid.to_string(),
            key: strict_public_key(&bytes)?,
        })
    }
}

/// Reads a 32-byte Ed25519 public key as FORMAT.md §1.5 requires: the canonical encoding of a
/// point (`y < p`, and no "negative zero" x), in the prime-order subgroup (no small-order
/// component: a *mixed-order* key would make cofactored and cofactorless verifiers disagree) and
/// not of small order. `None` otherwise.
///
/// ed25519-dalek's `from_bytes` accepts non-canonical encodings (it reduces `y` mod p), and its
/// `is_weak` tests small order only; re-encoding the point and testing it for torsion closes
/// both gaps, so one key has one spelling and every conforming verifier gives the same answer.
pub fn strict_public_key(bytes: &[u8; 32]) -> Option<VerifyingKey> {
    let key = VerifyingKey::from_bytes(bytes).ok()?;
    let point = key.to_edwards();
    let canonical = point.compress().as_bytes() == bytes;
    (canonical && !key.is_weak() && torsion_free(&point)).then_some(key)
}

/// `[L]A` is the identity, computed as `[L-1]A == -A` with the variable-time double-scalar
/// multiplication that signature verification uses anyway (`[L-1]A + [0]B`). A public key is not
/// secret, so variable time is fine; curve25519-dalek's `is_torsion_free` multiplies in constant
/// time (when every key was checked at load, a 1,000-producer registry loaded in 51 ms instead of
/// 61, `cargo bench -p txng-cli --bench txng -- "registry load"`, native release, 2026-11-30; now
/// only the key a signature names is checked, [`ProducerKey::verifying_key`]).
/// Exact for every curve point: it is the same group arithmetic, and `L-1` is a canonical scalar.
fn torsion_free(point: &curve25519_dalek::EdwardsPoint) -> bool {
    use curve25519_dalek::{EdwardsPoint, Scalar};
    EdwardsPoint::vartime_double_scalar_mul_basepoint(&-Scalar::ONE, point, &Scalar::ZERO) == -point
}

/// The authority that signs the registry; its hotline and report link are shown for suspected fakes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authority {
    /// Name, e.g. "Sở Khoa học và Công nghệ tỉnh Quảng Trị".
    pub name: String,
    /// Unit in charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Hotline for reporting suspected fakes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotline: Option<String>,
    /// Link of the report form; the verifier appends the scanned data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_url: Option<String>,
    /// E-mail for reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A two-level Vietnamese address (province, commune; districts were abolished in 2025).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    /// House number, street, village (thôn, bản).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Commune or ward (xã, phường, đặc khu).
    pub commune: String,
    /// Province or centrally run city.
    pub province: String,
}

impl Address {
    /// One line: "street, commune, province".
    pub fn display(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(s) = self.street.as_deref().filter(|s| !s.is_empty()) {
            parts.push(s);
        }
        parts.push(&self.commune);
        parts.push(&self.province);
        parts.retain(|p| !p.trim().is_empty());
        parts.join(", ")
    }
}

/// A certification: VietGAP, organic, OCOP stars, … (FORMAT.md §2.3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certification {
    /// `vietgap`, `globalgap`, `organic`, `ocop`, `haccp`, `iso22000` or another short name.
    pub kind: String,
    /// Display name when `kind` is not one of the known ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Certificate number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Issuing body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// OCOP stars (3–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
    /// Year awarded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// Valid until (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// Link to the certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Certification {
    /// The kind, typed.
    pub fn kind(&self) -> crate::vocab::CertKind {
        crate::vocab::CertKind::from_word(&self.kind)
    }
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct KeyDoc {
    number: u16,
    public_key: String,
    valid_from: String,
    #[cfg_attr(test, serde(default))]
    retired_at: Option<String>,
    #[cfg_attr(test, serde(default))]
    revoked_at: Option<String>,
    #[cfg_attr(test, serde(default))]
    revocation_reason: Option<String>,
    #[cfg_attr(test, serde(default))]
    test: bool,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
pub(crate) struct ProducerDoc {
    pub(crate) id: String,
    name: String,
    tax_code: String,
    address: Address,
    pub(crate) gs1_company_prefixes: Vec<String>,
    #[cfg_attr(test, serde(default))]
    certifications: Vec<Certification>,
    #[cfg_attr(test, serde(default))]
    website: Option<String>,
    #[cfg_attr(test, serde(default))]
    phone: Option<String>,
    keys: Vec<KeyDoc>,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
pub(crate) struct RegistryDoc {
    pub(crate) authority: Authority,
    pub(crate) issued_at: String,
    pub(crate) next_update: String,
    pub(crate) resolvers: Vec<String>,
    pub(crate) trace_url_templates: Vec<String>,
    pub(crate) producers: Vec<ProducerDoc>,
    #[cfg_attr(test, serde(default))]
    pub(crate) demo: bool,
}

/// A producer key and its life cycle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProducerKey {
    /// Key number within the producer (bytes 1–2 of AI 8030).
    pub number: u16,
    /// The public key's 32 bytes as listed. Its curve checks (FORMAT.md §2.3 check 5) are made
    /// when a signature names the key: [`ProducerKey::verifying_key`].
    #[serde(rename = "key", serialize_with = "ser_key")]
    pub public_key: [u8; 32],
    /// Start of validity.
    pub valid_from: UnixTime,
    /// Superseded: signatures stay valid, shown as a note.
    pub retired_at: Option<UnixTime>,
    /// Compromised: its signatures are invalid.
    pub revoked_at: Option<UnixTime>,
    /// Why it was revoked.
    pub revocation_reason: Option<String>,
    /// A test key (demo data).
    pub test: bool,
}

fn ser_key<S: serde::Serializer>(k: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&b64::encode(k))
}

/// A producer as listed by the authority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Producer {
    /// Stable id, e.g. `htx-khe-sanh`.
    pub id: String,
    /// Legal name.
    pub name: String,
    /// Tax code (mã số doanh nghiệp).
    pub tax_code: String,
    /// Address.
    pub address: Address,
    /// GS1 company prefixes it owns.
    pub gs1_company_prefixes: Vec<String>,
    /// Certifications.
    pub certifications: Vec<Certification>,
    /// Website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Keys.
    #[serde(skip)]
    pub keys: Vec<ProducerKey>,
}

/// An authentic, consistent registry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Registry {
    /// The authority.
    pub authority: Authority,
    /// When the list was issued.
    pub issued_at: UnixTime,
    /// When the next list is due.
    pub next_update: UnixTime,
    /// Official resolver hosts (lower case).
    pub resolvers: Vec<String>,
    /// Trace URL templates with `{gtin}` and `{lot}`.
    pub trace_url_templates: Vec<String>,
    /// Producers.
    pub producers: Vec<Producer>,
    /// Demonstration data.
    pub demo: bool,
    /// The anchor `kid` that signed it.
    pub signed_by: String,
}

/// The check detail of a JWS whose `typ` is not the expected one (FORMAT.md §2.1).
pub(crate) fn typ_detail(jws: &Jws) -> String {
    match &jws.typ {
        Some(t) => format!("typ={t}"),
        None => "typ missing".to_string(),
    }
}

fn time(s: &str) -> Result<UnixTime, Check> {
    parse_rfc3339(s)
        .map(|t| t.0)
        .ok_or_else(|| Check::with(Code::RegistryMalformed, format!("time={s}")))
}

impl Registry {
    /// Verifies and loads a registry JWS. On success also returns the freshness checks
    /// (`registry.valid`, and `registry.stale`, `registry.expired`, `registry.demo` as they apply).
    pub fn load(
        bytes: &[u8],
        anchors: &[TrustAnchor],
        now: UnixTime,
    ) -> Result<(Registry, Vec<Check>), Check> {
        let (jws, payload) = open_signed(
            bytes,
            anchors,
            MAX_REGISTRY_BYTES,
            crate::jws::REGISTRY_TYP,
            &[crate::jws::REGISTRY_TYP_LEGACY],
        )?;
        let reg = Registry::parse_payload(&payload, jws.kid)?;
        let checks = load_checks(
            &reg.signed_by,
            reg.issued_at,
            reg.next_update,
            reg.demo,
            now,
        );
        Ok((reg, checks))
    }

    /// The curve checks of FORMAT.md §2.3 check 5 on every key of the list, not only on the one a
    /// scan uses (see [`ProducerKey::verifying_key`]): for the signer's tools, which refuse to
    /// publish a list with a key no verifier could use. The first failure, as
    /// `registry.key_invalid` with the producer and key number.
    pub fn check_keys(&self) -> Result<(), Check> {
        for p in &self.producers {
            for k in &p.keys {
                if k.verifying_key().is_none() {
                    return Err(Check::with(
                        Code::RegistryKeyInvalid,
                        format!("producer={} key={}", p.id, k.number),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Checks a registry payload by the rules of FORMAT.md §2.2–§2.3 (I-JSON, format, shape,
    /// ids, prefixes, keys), without an envelope or size cap: for a signer that publishes the
    /// list sharded (§2.7), whose whole list no verifier ever loads.
    pub fn from_payload(payload: &[u8], signed_by: &str) -> Result<Registry, Check> {
        let v = json::parse(payload, Nulls::Refused)
            .map_err(|e| Check::with(Code::RegistryMalformed, e.to_string()))?;
        Registry::parse_payload(&v, signed_by.to_string())
    }

    fn parse_payload(payload: &Value, signed_by: String) -> Result<Registry, Check> {
        read_format(payload, REGISTRY_FORMAT)?;
        let doc = read_registry(payload).map_err(|e| Check::with(Code::RegistryMalformed, e))?;
        Registry::from_doc(doc, signed_by)
    }

    pub(crate) fn from_doc(doc: RegistryDoc, signed_by: String) -> Result<Registry, Check> {
        // Resolvers in the canonical host form of §1.6, the form scanned hosts are compared in:
        // another spelling would silently never match.
        if let Some(r) = doc
            .resolvers
            .iter()
            .find(|r| crate::link::uri_host(r).ok().as_deref() != Some(r.as_str()))
        {
            return Err(Check::with(
                Code::RegistryMalformed,
                format!("resolver={r}"),
            ));
        }
        let producers = producers_from_docs(doc.producers)?;
        Ok(Registry {
            authority: doc.authority,
            issued_at: time(&doc.issued_at)?,
            next_update: time(&doc.next_update)?,
            resolvers: doc.resolvers,
            trace_url_templates: doc.trace_url_templates,
            producers,
            demo: doc.demo,
            signed_by,
        })
    }

    /// The producer whose longest company prefix matches the GTIN (after its indicator digit).
    pub fn producer_for_gtin(&self, gtin: &str) -> Option<&Producer> {
        let body = gtin.get(1..)?;
        self.producers
            .iter()
            .flat_map(|p| p.gs1_company_prefixes.iter().map(move |pre| (pre, p)))
            .filter(|(pre, _)| body.starts_with(pre.as_str()))
            .max_by_key(|(pre, _)| pre.len())
            .map(|(_, p)| p)
    }

    /// A producer by id.
    pub fn producer(&self, id: &str) -> Option<&Producer> {
        self.producers.iter().find(|p| p.id == id)
    }

    /// The trace document URLs for a GTIN and lot, from the signed templates (FORMAT.md §3.1).
    pub fn trace_urls(&self, gtin: &str, lot: &str) -> Vec<String> {
        let lot = crate::link::percent_encode(lot);
        self.trace_url_templates
            .iter()
            .map(|t| t.replace("{gtin}", gtin).replace("{lot}", &lot))
            .collect()
    }

    /// Whether a host is one of the official resolvers.
    pub fn is_official_host(&self, host: &str) -> bool {
        self.resolvers.iter().any(|r| r == host)
    }
}

impl Producer {
    /// The key with a number.
    pub fn key(&self, number: u16) -> Option<&ProducerKey> {
        self.keys.iter().find(|k| k.number == number)
    }
}

impl ProducerKey {
    /// The key for verifying a signature it names, if its 32 bytes pass the curve checks of
    /// FORMAT.md §2.3 check 5 ([`strict_public_key`]); `None` → `registry.key_invalid`.
    ///
    /// Checked when used rather than for every key at load: the checks cost about as much as
    /// verifying a signature (a point decompression and a scalar multiplication), and a scan uses
    /// one key, while a registry or shard lists many (a 32 KiB shard of the 10,000-producer
    /// benchmark holds ~40 producers). A key that fails them is as unusable as before; a label
    /// or trace document naming another key of the list is no longer refused for it.
    pub fn verifying_key(&self) -> Option<VerifyingKey> {
        strict_public_key(&self.public_key)
    }
}

/// The producers of a registry (or of one shard, FORMAT.md §2.7) with the checks of §2.3: ids
/// unique, prefixes 4–12 digits and listed once, keys 32 bytes of strict base64url with unique
/// numbers (their curve checks come when a signature names them: [`ProducerKey::verifying_key`]).
pub(crate) fn producers_from_docs(docs: Vec<ProducerDoc>) -> Result<Vec<Producer>, Check> {
    let mut producers: Vec<Producer> = Vec::with_capacity(docs.len());
    let mut prefixes: Vec<(&str, usize)> = Vec::new();
    let mut ids: Vec<&str> = docs.iter().map(|p| p.id.as_str()).collect();
    ids.sort_unstable();
    if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
        return Err(Check::with(
            Code::RegistryDuplicateId,
            format!("id={}", w[0]),
        ));
    }
    for (i, p) in docs.iter().enumerate() {
        if p.id.is_empty() || p.name.trim().is_empty() {
            return Err(Check::with(
                Code::RegistryMalformed,
                format!("producer #{i}"),
            ));
        }
        for pre in &p.gs1_company_prefixes {
            if !(4..=12).contains(&pre.len()) || !pre.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Check::with(
                    Code::RegistryMalformed,
                    format!("producer={} prefix={pre}", p.id),
                ));
            }
            prefixes.push((pre, i));
        }
    }
    prefixes.sort_unstable();
    if let Some(w) = prefixes.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(Check::with(
            Code::RegistryPrefixConflict,
            format!("prefix={}", w[0].0),
        ));
    }
    for p in docs {
        let mut keys: Vec<ProducerKey> = Vec::with_capacity(p.keys.len());
        for k in p.keys {
            let detail = || format!("producer={} key={}", p.id, k.number);
            let public_key: [u8; 32] =
                b64::decode(&k.public_key)
                    .and_then(|b| b.try_into().ok())
                    .ok_or_else(|| Check::with(Code::RegistryKeyInvalid, detail()))?;
            if keys.iter().any(|x| x.number == k.number) {
                return Err(Check::with(Code::RegistryKeyInvalid, detail()));
            }
            keys.push(ProducerKey {
                number: k.number,
                public_key,
                valid_from: time(&k.valid_from)?,
                retired_at: k.retired_at.as_deref().map(time).transpose()?,
                revoked_at: k.revoked_at.as_deref().map(time).transpose()?,
                revocation_reason: k.revocation_reason,
                test: k.test,
            });
        }
        producers.push(Producer {
            id: p.id,
            name: p.name,
            tax_code: p.tax_code,
            address: p.address,
            gs1_company_prefixes: p.gs1_company_prefixes,
            certifications: p.certifications,
            website: p.website,
            phone: p.phone,
            keys,
        });
    }
    Ok(producers)
}

/// Opens a JWS signed by a trust anchor (FORMAT.md §2.1): size cap, envelope, anchor, signature
/// (`verify_strict`), then the explicit type, then the I-JSON rule of §2.2 on the payload.
pub(crate) fn open_signed(
    bytes: &[u8],
    anchors: &[TrustAnchor],
    max_bytes: usize,
    typ: &str,
    legacy: &[&str],
) -> Result<(Jws, Value), Check> {
    if bytes.len() > max_bytes {
        return Err(Check::with(
            Code::RegistryTooLarge,
            format!("bytes={}", bytes.len()),
        ));
    }
    let jws =
        Jws::parse(bytes).map_err(|e| Check::with(Code::RegistryMalformed, format!("{e:?}")))?;
    let anchor = anchors
        .iter()
        .find(|a| a.kid == jws.kid)
        .ok_or_else(|| Check::with(Code::RegistryUntrustedKey, format!("kid={}", jws.kid)))?;
    jws.verify(&anchor.key).map_err(|SignatureInvalid| {
        Check::with(Code::RegistrySignatureInvalid, format!("kid={}", jws.kid))
    })?;
    // Explicit typing (FORMAT.md §2.1), after the signature: an authentic document of another
    // kind. (A forged one is `registry.signature_invalid` whatever its `typ`.)
    if !jws.has_typ(typ, legacy) {
        return Err(Check::with(Code::RegistryWrongType, typ_detail(&jws)));
    }
    // I-JSON: unique member names at every depth, and no `null` (FORMAT.md §2.2).
    let payload = json::parse(&jws.payload, Nulls::Refused)
        .map_err(|e| Check::with(Code::RegistryMalformed, e.to_string()))?;
    Ok((jws, payload))
}

/// Reads `format` first (FORMAT.md §2.2): another value is `registry.version_unsupported`; none
/// (or not a string, or a payload that is not an object) is `registry.malformed`.
pub(crate) fn read_format(payload: &Value, expected: &str) -> Result<(), Check> {
    match payload.get("format").and_then(Value::as_str) {
        Some(f) if f == expected => Ok(()),
        Some(other) => Err(Check::with(
            Code::RegistryVersionUnsupported,
            format!("format={other}"),
        )),
        None => Err(Check::with(Code::RegistryMalformed, "no format")),
    }
}

// The readers of the list's members (crate::fields: why by hand, and the one rule that differs
// from serde's derived readers). Each reads what the type's serde attributes say; the tests compare
// them with those derived readers.

pub(crate) fn read_authority(v: &Value, path: String) -> Read<Authority> {
    let o = object(v, path)?;
    Ok(Authority {
        name: o.string("name")?,
        unit: o.opt_string("unit")?,
        website: o.opt_string("website")?,
        hotline: o.opt_string("hotline")?,
        report_url: o.opt_string("report_url")?,
        email: o.opt_string("email")?,
    })
}

fn read_key(v: &Value, path: String) -> Read<KeyDoc> {
    let o = object(v, path)?;
    Ok(KeyDoc {
        number: o.unsigned("number", u16::MAX.into())? as u16,
        public_key: o.string("public_key")?,
        valid_from: o.string("valid_from")?,
        retired_at: o.opt_string("retired_at")?,
        revoked_at: o.opt_string("revoked_at")?,
        revocation_reason: o.opt_string("revocation_reason")?,
        test: o.bool_or("test", false)?,
    })
}

pub(crate) fn read_producer(v: &Value, path: String) -> Read<ProducerDoc> {
    let o = object(v, path)?;
    Ok(ProducerDoc {
        id: o.string("id")?,
        name: o.string("name")?,
        tax_code: o.string("tax_code")?,
        address: o.req("address", |v, p| {
            let o = object(v, p)?;
            Ok(Address {
                street: o.opt_string("street")?,
                commune: o.string("commune")?,
                province: o.string("province")?,
            })
        })?,
        gs1_company_prefixes: o.strings("gs1_company_prefixes")?,
        certifications: o.list("certifications", read_certification)?,
        website: o.opt_string("website")?,
        phone: o.opt_string("phone")?,
        keys: o.req("keys", |v, p| list(v, &p, read_key))?,
    })
}

fn read_registry(v: &Value) -> Read<RegistryDoc> {
    let o = object(v, "$".into())?;
    Ok(RegistryDoc {
        authority: o.req("authority", read_authority)?,
        issued_at: o.string("issued_at")?,
        next_update: o.string("next_update")?,
        resolvers: o.strings("resolvers")?,
        trace_url_templates: o.strings("trace_url_templates")?,
        producers: o.req("producers", |v, p| list(v, &p, read_producer))?,
        demo: o.bool_or("demo", false)?,
    })
}

pub(crate) fn read_certification(v: &Value, path: String) -> Read<Certification> {
    let o = object(v, path)?;
    Ok(Certification {
        kind: o.string("kind")?,
        name: o.opt_string("name")?,
        number: o.opt_string("number")?,
        issuer: o.opt_string("issuer")?,
        stars: o.opt_unsigned("stars", u8::MAX.into())?.map(|n| n as u8),
        year: o.opt_unsigned("year", u16::MAX.into())?.map(|n| n as u16),
        valid_until: o.opt_string("valid_until")?,
        url: o.opt_string("url")?,
    })
}

/// The checks of an authentic list at load (FORMAT.md §2.3): `registry.valid`, and
/// `registry.stale`, `registry.expired`, `registry.demo` as they apply.
pub(crate) fn load_checks(
    signed_by: &str,
    issued_at: UnixTime,
    next_update: UnixTime,
    demo: bool,
    now: UnixTime,
) -> Vec<Check> {
    let utc = crate::time::format_rfc3339_utc;
    let mut checks = vec![Check::with(
        Code::RegistryValid,
        format!("kid={signed_by} issued_at={}", utc(issued_at)),
    )];
    if now > next_update + EXPIRY_GRACE_SECS {
        checks.push(Check::with(
            Code::RegistryExpired,
            format!("next_update={}", utc(next_update)),
        ));
    } else if now > next_update {
        checks.push(Check::with(
            Code::RegistryStale,
            format!("next_update={}", utc(next_update)),
        ));
    }
    if demo {
        checks.push(Check::new(Code::RegistryDemo));
    }
    checks
}

#[cfg(test)]
mod torsion_tests {
    use super::torsion_free;
    use curve25519_dalek::edwards::CompressedEdwardsY;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The variable-time check gives curve25519-dalek's `is_torsion_free` answer for any point
        /// (random encodings: about 1 in 8 of those that decode is torsion-free; the others carry
        /// a small-order component), and a torsion-free point stays so plus any 8-torsion point
        /// only for the identity.
        #[test]
        fn agrees_with_is_torsion_free(bytes in any::<[u8; 32]>(), t in 0usize..8) {
            let Some(p) = CompressedEdwardsY(bytes).decompress() else { return Ok(()) };
            prop_assert_eq!(torsion_free(&p), p.is_torsion_free());
            let clean = p.mul_by_cofactor();
            prop_assert!(torsion_free(&clean));
            let mixed = clean + curve25519_dalek::constants::EIGHT_TORSION[t];
            prop_assert_eq!(torsion_free(&mixed), t == 0);
        }
    }
}

#[cfg(test)]
mod reading_tests {
    use super::{read_registry, RegistryDoc};
    use crate::fields::reference::reads_as_serde;
    use crate::json::{differential, vector_payload};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// The registry's hand reader reads what serde's derived reader reads.
        #[test]
        fn registry_reads_as_serde_derive(doc in differential::around(vector_payload("registry.jws"))) {
            reads_as_serde::<RegistryDoc>(&doc, read_registry)?;
        }
    }
}
