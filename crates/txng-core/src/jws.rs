//! JWS compact serialization (RFC 7515) with EdDSA/Ed25519 (RFC 8037, RFC 9864), the envelope of the
//! registry and of trace documents (FORMAT.md §2.1). Any standard JOSE library can produce what this
//! accepts: a protected header with `alg` `EdDSA` (or `Ed25519`) and a `kid`, a base64url payload, a
//! 64-byte signature. Keys are never taken from the header (`jwk`, `jku`, `x5u`, `x5c` are ignored):
//! the caller chooses the key from its trust anchors or the signed registry.

use crate::b64;
use crate::json::{self, Nulls};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::Deserialize;

/// Why a JWS was not accepted.
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
    /// The signature does not verify under `verify_strict`.
    SignatureInvalid,
}

#[derive(Deserialize)]
struct RawHeader {
    alg: String,
    kid: Option<String>,
    typ: Option<String>,
    crit: Option<serde_json::Value>,
    b64: Option<bool>,
}

/// A parsed, not yet verified, JWS.
#[derive(Debug)]
pub struct Jws {
    /// The `kid` header parameter.
    pub kid: String,
    /// The `typ` header parameter, if any (informational).
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
        json::check(&header_bytes, Nulls::Refused).map_err(|_| JwsError::Malformed)?;
        let header: RawHeader =
            serde_json::from_slice(&header_bytes).map_err(|_| JwsError::Malformed)?;
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

    /// Verifies the signature with `key` (`verify_strict`: no malleable or small-order signatures).
    pub fn verify(&self, key: &VerifyingKey) -> Result<(), JwsError> {
        verify_strict(key, &self.signing_input, &self.signature)
            .map_err(|_| JwsError::SignatureInvalid)
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

/// Signs `payload` as a compact JWS with `alg` `EdDSA`, the given `kid` and `typ`.
pub fn sign(payload: &[u8], kid: &str, typ: &str, key: &SigningKey) -> String {
    let header = serde_json::json!({ "alg": "EdDSA", "kid": kid, "typ": typ });
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
    use super::*;

    /// RFC 8037 Appendix A.4: the Ed25519 JWS example.
    #[test]
    fn rfc8037_appendix_a4() {
        let d = b64::decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A").unwrap_or_default();
        let x = b64::decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo").unwrap_or_default();
        let sk = SigningKey::from_bytes(&d.try_into().unwrap_or([0; 32]));
        assert_eq!(sk.verifying_key().as_bytes().as_slice(), x.as_slice());
        let jws = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        // The RFC's header has no kid; check the signature itself.
        let (si, s) = jws.rsplit_once('.').unwrap_or_default();
        let sig: [u8; 64] = b64::decode(s)
            .unwrap_or_default()
            .try_into()
            .unwrap_or([0; 64]);
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
        assert_eq!(
            j.verify(&other.verifying_key()),
            Err(JwsError::SignatureInvalid)
        );
        let mut bad = t.clone();
        bad.push('A');
        assert!(
            Jws::parse(bad.as_bytes()).is_err()
                || Jws::parse(bad.as_bytes())
                    .map(|j| j.verify(&sk.verifying_key()))
                    .ok()
                    != Some(Ok(()))
        );
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
}
