//! Ed25519 private keys as PKCS#8 PEM (RFC 8410), with ed25519-dalek's own `pkcs8`/`pem` code (the
//! RustCrypto `pkcs8` and `der` crates): OpenSSL reads what this writes (`openssl pkey -in key.pem`)
//! and this reads what `openssl genpkey -algorithm ed25519` writes (v1, and v2 with the public key,
//! which must match the seed). Keys are zeroized on drop (`zeroize` feature), and so are the PEM
//! text and the file contents read here. These features are enabled for the CLI only: the wasm
//! widget never holds a private key.
//!
//! A key file that the group or others can read is refused (as `ssh` does): a signing key in a
//! shared folder is a key anyone on the machine can use.

use crate::error::{CliError, Result};
use crate::text::{fill, T};
use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey as _};
use ed25519_dalek::SigningKey;
use std::path::Path;
use txng_core::Lang;
use zeroize::Zeroizing;

/// A new key from the operating system's random source.
pub fn generate(lang: Lang) -> Result<SigningKey> {
    let mut seed = Zeroizing::new([0u8; 32]);
    getrandom::fill(seed.as_mut_slice())
        .map_err(|e| CliError::new(fill(T::NoRandomness.get(lang), &[&e])))?;
    Ok(SigningKey::from_bytes(&seed))
}

/// The PKCS#8 v1 PEM of a key (LF line endings), zeroized when dropped. v1 (the seed only, as
/// `openssl genpkey` writes it) rather than dalek's default v2 with the public key: every PKCS#8
/// reader takes v1.
pub fn to_pem(key: &SigningKey) -> Zeroizing<String> {
    let v1 = ed25519_dalek::pkcs8::KeypairBytes {
        secret_key: key.to_bytes(),
        public_key: None,
    };
    // Encoding 48 fixed-layout bytes cannot fail; an empty string would be refused on reading.
    v1.to_pkcs8_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
        .unwrap_or_default()
}

/// Reads a PKCS#8 PEM Ed25519 private key (v1, or v2 whose public key matches); `None` if it is
/// anything else.
pub fn from_pem(text: &str) -> Option<SigningKey> {
    SigningKey::from_pkcs8_pem(text.trim()).ok()
}

/// Reads a private key file, with errors worded for the user. Refuses a file readable by the group
/// or others (Unix), with the `chmod 600` fix.
pub fn read_key(path: &Path, lang: Lang) -> Result<SigningKey> {
    check_private(path, lang)?;
    let bytes = Zeroizing::new(std::fs::read(path).map_err(|e| io_error(path, &e, lang))?);
    std::str::from_utf8(&bytes)
        .ok()
        .and_then(from_pem)
        .ok_or_else(|| CliError::new(fill(T::BadKey.get(lang), &[&path.display()])))
}

/// A private key file must be readable by its owner only.
#[cfg(unix)]
fn check_private(path: &Path, lang: Lang) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|e| io_error(path, &e, lang))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(CliError::new(fill(
            T::KeyTooOpen.get(lang),
            &[
                &path.display(),
                &format!("{:o}", mode & 0o777),
                &path.display(),
            ],
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_: &Path, _: Lang) -> Result<()> {
    Ok(())
}

/// "cannot read FILE: reason".
pub fn io_error(path: &Path, e: &std::io::Error, lang: Lang) -> CliError {
    CliError::new(fill(T::IoError.get(lang), &[&path.display(), e]))
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

    /// RFC 8410 v2 (OneAsymmetricKey) with the matching public key is read; a v2 whose public key
    /// belongs to another seed is refused.
    #[test]
    fn v2_public_key_must_match() {
        use ed25519_dalek::pkcs8::KeypairBytes;
        let k = SigningKey::from_bytes(&[9; 32]);
        let other = SigningKey::from_bytes(&[10; 32]);
        let pem = |public: [u8; 32]| {
            let kp = KeypairBytes {
                secret_key: *k.as_bytes(),
                public_key: Some(ed25519_dalek::pkcs8::PublicKeyBytes(public)),
            };
            kp.to_pkcs8_pem(ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF)
                .expect("encode v2")
        };
        let good = from_pem(&pem(k.verifying_key().to_bytes())).expect("v2 read");
        assert_eq!(good.as_bytes(), k.as_bytes());
        assert!(from_pem(&pem(other.verifying_key().to_bytes())).is_none());
    }
}
