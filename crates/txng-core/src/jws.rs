//! JWS compact serialization (RFC 7515) with Ed25519 (RFC 9864; the deprecated `EdDSA` of RFC 8037
//! is still accepted), the envelope of the registry and of trace documents (FORMAT.md §2.1). Any
//! standard JOSE library can produce what this accepts: a protected header with `alg` `Ed25519` (or
//! `EdDSA`), a `kid` and a `typ`, a base64url payload, a 64-byte signature. Keys are never taken from
//! the header (`jwk`, `jku`, `x5u`, `x5c` are ignored): the caller chooses the key from its trust
//! anchors or the signed registry. The caller also checks `typ` ([`Jws::has_typ`]): explicit typing
//! (RFC 8725 §3.11) stops a document signed as one kind being accepted as another.

use crate::b64;
use crate::json::{self, Nulls};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
#[cfg(test)]
use serde::Deserialize;

/// Why a JWS could not be parsed. (A signature that does not verify is [`SignatureInvalid`], the
/// only error of [`Jws::verify`].)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JwsError {
    /// Not three strict base64url parts, or a header that is not a JSON object with unique member
    /// names and no `null` values.
    Malformed,
    /// `alg` is not `EdDSA` or `Ed25519`, or the header asks for an unencoded payload (`b64`).
    UnsupportedAlgorithm,
    /// The header has a `crit` member: extensions this verifier does not understand.
    CriticalExtension,
    /// No `kid`: the signer cannot be identified.
    MissingKid,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct RawHeader {
    alg: String,
    kid: Option<String>,
    typ: Option<String>,
    crit: Option<serde_json::Value>,
    b64: Option<bool>,
}

/// The header's members (crate::fields: why by hand; a header is a JSON object, RFC 7515 §4).
fn read_header(v: &serde_json::Value) -> crate::fields::Read<RawHeader> {
    let o = crate::fields::object(v, "$".into())?;
    Ok(RawHeader {
        alg: o.string("alg")?,
        kid: o.opt_string("kid")?,
        typ: o.opt_string("typ")?,
        crit: o.opt("crit", |v, _| Ok(v.clone()))?,
        b64: o.opt_bool("b64")?,
    })
}

/// A parsed, not yet verified, JWS.
#[derive(Debug)]
pub struct Jws {
    /// The `kid` header parameter.
    pub kid: String,
    /// The `typ` header parameter, if any; check it with [`Jws::has_typ`].
    pub typ: Option<String>,
    /// The decoded payload bytes.
    pub payload: Vec<u8>,
    signing_input: Vec<u8>,
    signature: [u8; 64],
}

impl Jws {
    /// Parses a compact JWS; leading and trailing ASCII whitespace is ignored.
    pub fn parse(bytes: &[u8]) -> Result<Jws, JwsError> {
        let text = core::str::from_utf8(bytes)
            .map_err(|_| JwsError::Malformed)?
            .trim_matches(|c: char| c.is_ascii_whitespace());
        let mut parts = text.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(JwsError::Malformed);
        };
        let header_bytes = b64::decode(h).ok_or(JwsError::Malformed)?;
        // Unique member names and no `null` (a `"crit": null` must not read as "no crit").
        let header = json::parse(&header_bytes, Nulls::Refused)
            .ok()
            .and_then(|v| read_header(&v).ok())
            .ok_or(JwsError::Malformed)?;
        if header.alg != "EdDSA" && header.alg != "Ed25519" {
            return Err(JwsError::UnsupportedAlgorithm);
        }
        if header.b64.is_some() {
            return Err(JwsError::UnsupportedAlgorithm);
        }
        if header.crit.is_some() {
            return Err(JwsError::CriticalExtension);
        }
        let kid = header.kid.ok_or(JwsError::MissingKid)?;
        let payload = b64::decode(p).ok_or(JwsError::Malformed)?;
        let sig = b64::decode(s).ok_or(JwsError::Malformed)?;
        let signature: [u8; 64] = sig.try_into().map_err(|_| JwsError::Malformed)?;
        Ok(Jws {
            kid,
            typ: header.typ,
            payload,
            signing_input: text.as_bytes()[..h.len() + 1 + p.len()].to_vec(),
            signature,
        })
    }

    /// Whether `typ` names the media type `expected` (e.g. [`REGISTRY_TYP`]) or one of its
    /// `legacy` spellings (FORMAT.md §2.1): compared ASCII case-insensitively (RFC 2045), with
    /// `application/` implied when the value has no `/` (RFC 7515 §4.1.9). No `typ` → `false`.
    pub fn has_typ(&self, expected: &str, legacy: &[&str]) -> bool {
        let Some(typ) = self.typ.as_deref() else {
            return false;
        };
        let short = match typ.split_once('/') {
            Some((top, sub)) if top.eq_ignore_ascii_case("application") => sub,
            Some(_) => return false,
            None => typ,
        };
        core::iter::once(expected)
            .chain(legacy.iter().copied())
            .any(|t| short.eq_ignore_ascii_case(t))
    }

    /// Verifies the signature with `key` (`verify_strict`: no malleable or small-order signatures).
    pub fn verify(&self, key: &VerifyingKey) -> Result<(), SignatureInvalid> {
        verify_strict(key, &self.signing_input, &self.signature)
    }
}

/// An Ed25519 signature did not verify. Opaque on purpose (as in ed25519-dalek): which inner
/// check failed is no business of the caller's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignatureInvalid;

/// The one Ed25519 check txng uses everywhere: `verify_strict`, and weak (small-order) keys refused.
pub fn verify_strict(
    key: &VerifyingKey,
    msg: &[u8],
    sig: &[u8; 64],
) -> Result<(), SignatureInvalid> {
    if key.is_weak() {
        return Err(SignatureInvalid);
    }
    key.verify_strict(msg, &Signature::from_bytes(sig))
        .map_err(|_| SignatureInvalid)
}

/// The `typ` of registry documents: `application/txng-registry+jws` in the short form of RFC 7515
/// §4.1.9. `+jws`, not `+json`: the object is a JWS compact serialization, not JSON (FORMAT.md §2.1).
pub const REGISTRY_TYP: &str = "txng-registry+jws";
/// The `typ` of trace documents (`application/txng-trace+jws`).
pub const TRACE_TYP: &str = "txng-trace+jws";
/// The `typ` txng wrote for registries before FORMAT.md said `+jws`; still accepted when reading.
pub const REGISTRY_TYP_LEGACY: &str = "txng-registry+json";
/// The `typ` txng wrote for trace documents before FORMAT.md said `+jws`; still accepted.
pub const TRACE_TYP_LEGACY: &str = "txng-trace+json";

/// The `alg` txng writes: the fully specified `Ed25519` of RFC 9864 (not the polymorphic `EdDSA`).
pub const ALG: &str = "Ed25519";

/// Signs `payload` as a compact JWS with `alg` `Ed25519`, the given `kid` and `typ`.
pub fn sign(payload: &[u8], kid: &str, typ: &str, key: &SigningKey) -> String {
    let header = serde_json::json!({ "alg": ALG, "kid": kid, "typ": typ });
    let mut out = b64::encode(header.to_string().as_bytes());
    out.push('.');
    out.push_str(&b64::encode(payload));
    let sig = key.sign(out.as_bytes());
    out.push('.');
    out.push_str(&b64::encode(&sig.to_bytes()));
    out
}

#[cfg(test)]
mod tests {
    /// The header's hand reader reads what serde's derived reader reads, for headers around a
    /// real one.
    mod header_reading {
        use super::super::{read_header, RawHeader};
        use crate::fields::reference::reads_as_serde;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]
            #[test]
            fn header_reads_as_serde_derive(doc in crate::json::differential::around(serde_json::json!(
                {"alg": "EdDSA", "kid": "htx-khe-sanh#2", "typ": "txng-trace+jws", "b64": true, "crit": ["b64"]}))) {
                reads_as_serde::<RawHeader>(&doc, read_header)?;
            }
        }
    }

    use super::*;

    /// RFC 8037 Appendix A.4: the Ed25519 JWS example.
    #[test]
    fn rfc8037_appendix_a4() {
        let d = b64::decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A").expect("RFC's d");
        let x = b64::decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo").expect("RFC's x");
        let sk = SigningKey::from_bytes(&d.try_into().expect("32-byte d"));
        assert_eq!(sk.verifying_key().as_bytes().as_slice(), x.as_slice());
        let jws = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        // The RFC's header has no kid; check the signature itself.
        let (si, s) = jws.rsplit_once('.').expect("three parts");
        let sig: [u8; 64] = b64::decode(s)
            .expect("base64url signature")
            .try_into()
            .expect("64-byte signature");
        assert_eq!(
            verify_strict(&sk.verifying_key(), si.as_bytes(), &sig),
            Ok(())
        );
        assert_eq!(sk.sign(si.as_bytes()).to_bytes(), sig);
        assert_eq!(Jws::parse(jws.as_bytes()).err(), Some(JwsError::MissingKid));
    }

    #[test]
    fn sign_then_verify_and_reject() {
        let sk = SigningKey::from_bytes(&[9; 32]);
        let t = sign(b"{\"a\":1}", "k1", "test", &sk);
        let j = Jws::parse(t.as_bytes()).expect("parse");
        assert_eq!(j.kid, "k1");
        assert_eq!(j.verify(&sk.verifying_key()), Ok(()));
        let other = SigningKey::from_bytes(&[8; 32]);
        assert_eq!(j.verify(&other.verifying_key()), Err(SignatureInvalid));
        // One character more: the signature part decodes to 65 bytes, which is no signature.
        let mut bad = t.clone();
        bad.push('A');
        assert_eq!(Jws::parse(bad.as_bytes()).err(), Some(JwsError::Malformed));
        // A changed signature byte parses, and does not verify.
        let (head, s) = t.rsplit_once('.').expect("three parts");
        let mut raw = b64::decode(s).expect("base64url signature");
        raw[10] ^= 1;
        let flipped = format!("{head}.{}", b64::encode(&raw));
        let j = Jws::parse(flipped.as_bytes()).expect("parse");
        assert_eq!(j.verify(&sk.verifying_key()), Err(SignatureInvalid));
        let none = format!(
            "{}.{}",
            b64::encode(br#"{"alg":"none","kid":"k"}"#),
            t.split_once('.').map(|x| x.1).unwrap_or("")
        );
        assert_eq!(
            Jws::parse(none.as_bytes()).err(),
            Some(JwsError::UnsupportedAlgorithm)
        );
        let crit = format!(
            "{}.{}",
            b64::encode(br#"{"alg":"EdDSA","kid":"k","crit":["exp"],"exp":1}"#),
            t.split_once('.').map(|x| x.1).unwrap_or("")
        );
        assert_eq!(
            Jws::parse(crit.as_bytes()).err(),
            Some(JwsError::CriticalExtension)
        );
    }

    fn with_header(header: &str) -> Jws {
        let sk = SigningKey::from_bytes(&[7; 32]);
        let mut t = b64::encode(header.as_bytes());
        t.push('.');
        t.push_str(&b64::encode(b"{}"));
        let sig = sk.sign(t.as_bytes());
        t.push('.');
        t.push_str(&b64::encode(&sig.to_bytes()));
        let j = Jws::parse(t.as_bytes()).expect("parses");
        assert_eq!(j.verify(&sk.verifying_key()), Ok(()));
        j
    }

    #[test]
    fn sign_writes_ed25519_and_both_algs_are_read() {
        let sk = SigningKey::from_bytes(&[9; 32]);
        let t = sign(b"{}", "k1", REGISTRY_TYP, &sk);
        let h = t.split('.').next().and_then(b64::decode).expect("header");
        let h: serde_json::Value = serde_json::from_slice(&h).expect("json header");
        assert_eq!(h["alg"], "Ed25519");
        assert_eq!(h["typ"], "txng-registry+jws");
        for alg in ["Ed25519", "EdDSA"] {
            let j = with_header(&format!(
                r#"{{"alg":"{alg}","kid":"k","typ":"txng-trace+jws"}}"#
            ));
            assert!(j.has_typ(TRACE_TYP, &[TRACE_TYP_LEGACY]), "{alg}");
        }
        // RFC 9864's other fully specified algorithm, and case variants, are not Ed25519.
        for alg in ["Ed448", "ed25519", "EDDSA", "ES256"] {
            let mut t = b64::encode(format!(r#"{{"alg":"{alg}","kid":"k"}}"#).as_bytes());
            t.push_str(".e30.");
            t.push_str(&b64::encode(&[0; 64]));
            assert_eq!(
                Jws::parse(t.as_bytes()).err(),
                Some(JwsError::UnsupportedAlgorithm),
                "{alg}"
            );
        }
    }

    #[test]
    fn typ_is_explicit() {
        let typ = |t: Option<&str>| {
            let h = match t {
                Some(t) => serde_json::json!({"alg": "Ed25519", "kid": "k", "typ": t}),
                None => serde_json::json!({"alg": "Ed25519", "kid": "k"}),
            };
            let j = with_header(&h.to_string());
            (
                j.has_typ(REGISTRY_TYP, &[REGISTRY_TYP_LEGACY]),
                j.has_typ(TRACE_TYP, &[TRACE_TYP_LEGACY]),
            )
        };
        // Each kind is accepted as itself only; RFC 7515 §4.1.9 short and long forms, any case.
        for t in [
            "txng-registry+jws",
            "application/txng-registry+jws",
            "Application/TXNG-Registry+JWS",
            "txng-registry+json",
        ] {
            assert_eq!(typ(Some(t)), (true, false), "{t}");
        }
        for t in [
            "txng-trace+jws",
            "APPLICATION/txng-trace+jws",
            "txng-trace+json",
        ] {
            assert_eq!(typ(Some(t)), (false, true), "{t}");
        }
        // Missing, generic or near-miss types are neither.
        for t in [
            None,
            Some(""),
            Some("JOSE"),
            Some("JWT"),
            Some("txng-registry+jwt"),
            Some("txng-registry"),
            Some("text/txng-registry+jws"),
            Some("application/application/txng-registry+jws"),
            Some("txng-registry+jws; charset=utf-8"),
            Some(" txng-trace+jws"),
        ] {
            assert_eq!(typ(t), (false, false), "{t:?}");
        }
    }
}
