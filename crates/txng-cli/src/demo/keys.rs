//! The demo's keys, derived from fixed, public seeds so that every run writes the same bytes.
//!
//! A seed is its label in ASCII, padded with `.` to 32 bytes, e.g. `TXNG DEMO authority 1..........`.
//! Anyone can rebuild these private keys: they sign demonstration data only. The registry says so
//! (`demo: true`) and every producer key is marked `test: true`, which the verifier shows.

use ed25519_dalek::SigningKey;
use txng_core::b64;

/// The authority's key ids: the registry is signed with the first, the second is the next one
/// (rotation), and both are trust anchors.
pub const AUTHORITY_KIDS: [&str; 2] = ["qt-sokhcn-2026a", "qt-sokhcn-2026b"];

/// The kid of a key that is no trust anchor (a registry signed by someone else).
pub const UNTRUSTED_KID: &str = "qt-sokhcn-2025x";

/// The 32-byte seed for a label (at most 32 bytes of ASCII, checked by the tests).
pub fn seed(label: &str) -> [u8; 32] {
    let mut s = [b'.'; 32];
    let text = format!("TXNG DEMO {label}");
    let n = text.len().min(32);
    s[..n].copy_from_slice(&text.as_bytes()[..n]);
    s
}

/// A signing key from a seed label.
pub fn key(label: &str) -> SigningKey {
    SigningKey::from_bytes(&seed(label))
}

/// Authority key `n` (1 or 2).
pub fn authority(n: u8) -> SigningKey {
    key(&format!("authority {n}"))
}

/// Producer `id`'s key number `n`.
pub fn producer(id: &str, n: u16) -> SigningKey {
    key(&format!("{id} #{n}"))
}

/// A public key as strict base64url.
pub fn public_b64(k: &SigningKey) -> String {
    b64::encode(k.verifying_key().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_fit_and_differ() {
        use crate::demo::registry::{COFFEE, HONEY, OIL, PEPPER};
        let mut labels = vec!["authority 1".to_string(), "authority 2".to_string()];
        labels.push("untrusted authority".into());
        for id in [COFFEE, PEPPER, OIL, HONEY, "gia-mao", "cty-thuong-mai-demo"] {
            for n in [1, 2, 3, 9] {
                labels.push(format!("{id} #{n}"));
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for l in &labels {
            assert!(
                format!("TXNG DEMO {l}").len() <= 32,
                "{l} is too long for a seed"
            );
            assert!(seen.insert(seed(l)), "{l}: seed used twice");
        }
        assert_eq!(&seed("authority 1")[..21], b"TXNG DEMO authority 1");
    }
}
