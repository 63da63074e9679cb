//! Ed25519 private keys as PKCS#8 PEM (RFC 8410), written and read by hand: the DER of an Ed25519
//! key is a fixed 16-byte prefix and the 32-byte seed, so a full ASN.1 stack would add code for
//! nothing. OpenSSL reads what this writes (`openssl pkey -in key.pem`) and this reads what
//! `openssl genpkey -algorithm ed25519` writes (v1, and v2 with the public key attached).

use crate::error::{CliError, Result};
use crate::text::{fill, T};
use ed25519_dalek::SigningKey;
use std::path::Path;
use txng_core::Lang;

/// `SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }`.
const PKCS8_V1_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

const PEM_BEGIN: &str = "-----BEGIN PRIVATE KEY-----";
const PEM_END: &str = "-----END PRIVATE KEY-----";

/// A new key from the operating system's random source.
pub fn generate(lang: Lang) -> Result<SigningKey> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|e| CliError::new(fill(T::NoRandomness.get(lang), &[&e])))?;
    let key = SigningKey::from_bytes(&seed);
    seed.fill(0);
    Ok(key)
}

/// The PKCS#8 v1 PEM of a key.
pub fn to_pem(key: &SigningKey) -> String {
    let mut der = Vec::with_capacity(48);
    der.extend_from_slice(&PKCS8_V1_PREFIX);
    der.extend_from_slice(key.as_bytes());
    let b64 = base64_std(&der);
    der.fill(0);
    let mut out = String::from(PEM_BEGIN);
    out.push('\n');
    for line in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str(PEM_END);
    out.push('\n');
    out
}

/// Reads a PKCS#8 PEM Ed25519 private key; `None` if it is anything else.
pub fn from_pem(text: &str) -> Option<SigningKey> {
    let start = text.find(PEM_BEGIN)? + PEM_BEGIN.len();
    let end = start + text[start..].find(PEM_END)?;
    let body: String = text[start..end]
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let der = base64_std_decode(&body)?;
    // v1: 48 bytes. v2 (RFC 8410 §7 OneAsymmetricKey): version 1 and `[1] publicKey` after the seed.
    let outer_len = usize::from(*der.get(1)?);
    if der.first() != Some(&0x30) || outer_len + 2 != der.len() || der.len() < 48 {
        return None;
    }
    let version_ok = der.get(2..4) == Some(&[0x02, 0x01]) && matches!(der.get(4), Some(0 | 1));
    if !version_ok || der.get(5..16) != Some(&PKCS8_V1_PREFIX[5..16]) {
        return None;
    }
    let seed: [u8; 32] = der.get(16..48)?.try_into().ok()?;
    let key = SigningKey::from_bytes(&seed);
    match der.get(48..) {
        Some([]) => Some(key),
        Some([0x81, 0x21, 0x00, public @ ..]) if public == key.verifying_key().as_bytes() => {
            Some(key)
        }
        // An attributes field or a public key that does not match the seed: refuse.
        _ => None,
    }
}

/// Reads a private key file, with errors worded for the user.
pub fn read_key(path: &Path, lang: Lang) -> Result<SigningKey> {
    let text = std::fs::read_to_string(path).map_err(|e| io_error(path, &e, lang))?;
    from_pem(&text).ok_or_else(|| CliError::new(fill(T::BadKey.get(lang), &[&path.display()])))
}

/// "cannot read FILE: reason".
pub fn io_error(path: &Path, e: &std::io::Error, lang: Lang) -> CliError {
    CliError::new(fill(T::IoError.get(lang), &[&path.display(), e]))
}

/// Standard padded base64 (PEM) on top of the core's base64url: the alphabets differ in two
/// characters, and padding is what the last group lacks.
fn base64_std(bytes: &[u8]) -> String {
    let mut out = txng_core::b64::encode(bytes)
        .replace('-', "+")
        .replace('_', "/");
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

fn base64_std_decode(text: &str) -> Option<Vec<u8>> {
    let t = text.trim_end_matches('=');
    if t.contains(['-', '_']) {
        return None;
    }
    txng_core::b64::decode(&t.replace('+', "-").replace('/', "_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_round_trip() {
        let k = SigningKey::from_bytes(&[7; 32]);
        let pem = to_pem(&k);
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI"));
        let back = from_pem(&pem).expect("reads its own PEM");
        assert_eq!(back.as_bytes(), k.as_bytes());
    }

    /// RFC 8410 §10.3 example private key (v1).
    #[test]
    fn rfc8410_example() {
        let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
        let k = from_pem(pem).expect("RFC 8410 key");
        assert_eq!(k.as_bytes()[0], 0xd4);
        assert!(from_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----").is_none());
    }
}
