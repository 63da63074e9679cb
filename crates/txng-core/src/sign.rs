//! Signing, for the CLI and for tests: the issuer's side of FORMAT.md §1.4, §2 and §3.
//! Verification never calls into this module.

use crate::link::{LabelData, ParseError, Signature8030, SignedLink, PROFILE_ED25519_V1};
use ed25519_dalek::{Signer, SigningKey};

/// Signs label data with a producer key; checks the data against the profile first.
pub fn sign_label(
    data: LabelData,
    key_number: u16,
    key: &SigningKey,
) -> Result<SignedLink, ParseError> {
    let data = data.validated()?;
    let k = key_number.to_be_bytes();
    let header = [PROFILE_ED25519_V1, k[0], k[1]];
    let sig = key.sign(&data.signing_input(header));
    Ok(SignedLink {
        data,
        signature: Signature8030 {
            profile: PROFILE_ED25519_V1,
            key_number,
            signature: sig.to_bytes(),
        },
        host: None,
        syntax: crate::link::Syntax::DigitalLink,
    })
}

pub use crate::jws::{REGISTRY_TYP, TRACE_TYP};

/// Signs a registry payload (JSON bytes) with an authority key.
pub fn sign_registry(payload: &[u8], kid: &str, key: &SigningKey) -> String {
    crate::jws::sign(payload, kid, REGISTRY_TYP, key)
}

/// Signs a trace payload (JSON bytes) with a producer key; the `kid` is `{producer id}#{key number}`.
pub fn sign_trace(payload: &[u8], producer_id: &str, key_number: u16, key: &SigningKey) -> String {
    crate::jws::sign(
        payload,
        &format!("{producer_id}#{key_number}"),
        TRACE_TYP,
        key,
    )
}

/// Signs a registry index payload (JSON bytes, FORMAT.md §2.7) with an authority key.
pub fn sign_registry_index(payload: &[u8], kid: &str, key: &SigningKey) -> String {
    crate::jws::sign(payload, kid, crate::shard::INDEX_TYP, key)
}
