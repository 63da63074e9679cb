//! The registry's public helpers and load rules (FORMAT.md §2), for generated registries: the
//! longest company prefix decides the producer, trace URLs come from the signed templates, hosts
//! compare exactly, addresses print every part, and the load-time rules hold at their edges.
//! Written to kill the mutants `cargo mutants` left alive in registry.rs.

use ed25519_dalek::SigningKey;
use proptest::prelude::*;
use serde_json::{json, Value};
use txng_core::registry::{Address, Registry};
use txng_core::sign::sign_registry;
use txng_core::{Code, TrustAnchor};

const KID: &str = "anchor";
const NOW: i64 = 1_795_000_000;

fn anchor() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

fn anchors() -> Vec<TrustAnchor> {
    vec![TrustAnchor {
        kid: KID.into(),
        key: anchor().verifying_key(),
    }]
}

fn pk(seed: u8) -> String {
    txng_core::b64::encode(
        SigningKey::from_bytes(&[seed; 32])
            .verifying_key()
            .as_bytes(),
    )
}

fn producer(id: &str, name: &str, prefixes: &[&str]) -> Value {
    json!({
        "id": id,
        "name": name,
        "tax_code": "3200000000",
        "address": { "street": "Thôn 1", "commune": "xã A", "province": "tỉnh Quảng Trị" },
        "gs1_company_prefixes": prefixes,
        "keys": [{ "number": 1, "public_key": pk(9), "valid_from": "2025-01-01T00:00:00Z" }],
    })
}

fn doc(producers: Vec<Value>) -> Value {
    json!({
        "format": "txng-registry/1",
        "authority": { "name": "Sở KH&CN" },
        "issued_at": "2026-11-01T00:00:00Z",
        "next_update": "2030-01-01T00:00:00Z",
        "resolvers": ["truyxuat.example.vn", "127.0.0.1"],
        "trace_url_templates": ["https://a.example/t/{gtin}/{lot}.jws", "/l/{lot}?g={gtin}"],
        "demo": false,
        "producers": producers,
    })
}

fn load(d: &Value) -> Result<Registry, Code> {
    let jws = sign_registry(d.to_string().as_bytes(), KID, &anchor());
    Registry::load(jws.as_bytes(), &anchors(), NOW)
        .map(|(r, _)| r)
        .map_err(|c| c.code)
}

#[test]
fn address_prints_every_non_empty_part() {
    let a = |street: Option<&str>, commune: &str, province: &str| Address {
        street: street.map(str::to_string),
        commune: commune.into(),
        province: province.into(),
    };
    assert_eq!(
        a(Some("Thôn Tân Hữu"), "xã Khe Sanh", "tỉnh Quảng Trị").display(),
        "Thôn Tân Hữu, xã Khe Sanh, tỉnh Quảng Trị"
    );
    assert_eq!(a(Some(""), "xã A", "tỉnh B").display(), "xã A, tỉnh B");
    assert_eq!(a(None, "xã A", "tỉnh B").display(), "xã A, tỉnh B");
    assert_eq!(a(Some(" "), " ", "tỉnh B").display(), "tỉnh B");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Nested prefixes: the longest one that starts the GTIN (after its indicator) wins,
    /// whatever the order of producers; a GTIN under neither prefix has no producer.
    #[test]
    fn longest_prefix_wins(short in "[0-9]{4,8}", ext in "[0-9]{1,4}", rest in "[0-9]{13}",
                           swap in any::<bool>(), other in "[0-9]{13}") {
        let long = format!("{short}{ext}");
        let body = format!("{long}{rest}");
        let gtin = format!("0{}", &body[..13]);
        let mut ps = vec![producer("short", "Ngắn", &[&short]), producer("long", "Dài", &[&long])];
        if swap { ps.reverse(); }
        let r = load(&doc(ps)).expect("loads");
        prop_assert_eq!(r.producer_for_gtin(&gtin).map(|p| p.id.as_str()), Some("long"));
        // Under the short prefix only.
        let differ = if ext.starts_with('0') { '1' } else { '0' };
        let under_short = format!("0{short}{differ}{}", &rest[..13 - short.len() - 1]);
        prop_assert_eq!(r.producer_for_gtin(&under_short).map(|p| p.id.as_str()), Some("short"));
        let outside = format!("0{other}");
        if !other.starts_with(&short) {
            prop_assert!(r.producer_for_gtin(&outside).is_none());
        }
        // The indicator digit is not part of the prefix: the long prefix one digit early.
        let early = format!("{}{}", &long, "0".repeat(14 - long.len()));
        if !early[1..].starts_with(&short) {
            prop_assert!(r.producer_for_gtin(&early).is_none());
        }
        prop_assert_eq!(r.producer("long").map(|p| p.name.as_str()), Some("Dài"));
        prop_assert!(r.producer("nobody").is_none());
        prop_assert!(r.producer_for_gtin("").is_none());
    }

    /// Trace URLs: every template, in order, with the GTIN and the percent-encoded lot.
    #[test]
    fn trace_urls_fill_every_template(lot in "[A-Za-z0-9%/&?#+ -]{1,12}", gtin in "[0-9]{14}") {
        let r = load(&doc(vec![producer("p", "P", &["8935"])])).expect("loads");
        let enc = txng_core::link::percent_encode(&lot);
        prop_assert_eq!(
            r.trace_urls(&gtin, &lot),
            vec![format!("https://a.example/t/{gtin}/{enc}.jws"), format!("/l/{enc}?g={gtin}")]
        );
        prop_assert!(!enc.contains(['/', '?', '#', '&', ' ']));
    }
}

#[test]
fn official_hosts_are_the_resolvers_exactly() {
    let r = load(&doc(vec![producer("p", "P", &["8935"])])).expect("loads");
    // Resolvers are listed in the canonical host form (FORMAT.md §2.2); another spelling would
    // never match a scanned host, so the registry is refused.
    for odd in [
        "TruyXuat.Example.VN",
        "truyxuat.example.vn.",
        "truyxuat.example.vn:443",
        "",
    ] {
        let mut d = doc(vec![producer("p", "P", &["8935"])]);
        d["resolvers"] = json!([odd]);
        assert_eq!(load(&d).err(), Some(Code::RegistryMalformed), "{odd:?}");
    }
    assert!(r.is_official_host("truyxuat.example.vn"));
    assert!(r.is_official_host("127.0.0.1"));
    for h in [
        "example.vn",
        "truyxuat.example.vn.evil",
        "xtruyxuat.example.vn",
        "",
        "127.0.0.2",
    ] {
        assert!(!r.is_official_host(h), "{h}");
    }
}

#[test]
fn prefix_length_edges() {
    for (prefix, ok) in [
        ("893", false),
        ("8935", true),
        ("893501234567", true),
        ("8935012345678", false),
        ("89a5", false),
        ("", false),
    ] {
        let got = load(&doc(vec![producer("p", "P", &[prefix])]));
        assert_eq!(got.is_ok(), ok, "prefix {prefix:?}: {:?}", got.err());
        if !ok {
            assert_eq!(got.err(), Some(Code::RegistryMalformed));
        }
    }
}

#[test]
fn producer_needs_an_id_and_a_name() {
    for (id, name, ok) in [
        ("p", "P", true),
        ("", "P", false),
        ("p", "", false),
        ("p", "  ", false),
        ("", "", false),
    ] {
        let got = load(&doc(vec![producer(id, name, &["8935"])]));
        assert_eq!(got.is_ok(), ok, "id {id:?} name {name:?}");
    }
}

#[test]
fn duplicates_and_conflicts_are_refused() {
    let a = producer("a", "A", &["8935"]);
    let b = producer("b", "B", &["8936"]);
    assert!(load(&doc(vec![a.clone(), b.clone()])).is_ok());
    assert_eq!(
        load(&doc(vec![a.clone(), producer("a", "A2", &["8937"])])).err(),
        Some(Code::RegistryDuplicateId)
    );
    assert_eq!(
        load(&doc(vec![a.clone(), producer("b", "B", &["8935"])])).err(),
        Some(Code::RegistryPrefixConflict)
    );
    let mut two_keys = a.clone();
    two_keys["keys"] = json!([
        { "number": 1, "public_key": pk(9), "valid_from": "2025-01-01T00:00:00Z" },
        { "number": 1, "public_key": pk(8), "valid_from": "2025-01-01T00:00:00Z" },
    ]);
    assert_eq!(
        load(&doc(vec![two_keys])).err(),
        Some(Code::RegistryKeyInvalid)
    );
    let mut keys_ok = a;
    keys_ok["keys"] = json!([
        { "number": 1, "public_key": pk(9), "valid_from": "2025-01-01T00:00:00Z" },
        { "number": 2, "public_key": pk(8), "valid_from": "2025-01-01T00:00:00Z" },
    ]);
    let r = load(&doc(vec![keys_ok])).expect("two key numbers");
    let p = r.producer("a").expect("a");
    assert_eq!(p.key(2).map(|k| k.number), Some(2));
    assert_eq!(
        p.key(1).map(|k| k.public_key.to_vec()),
        txng_core::b64::decode(&pk(9))
    );
    assert!(p.key(3).is_none());
    // The JSON form of a key gives it as base64url.
    let j = serde_json::to_value(&p.keys).expect("serialises");
    assert_eq!(j[0]["key"], pk(9));
    assert_eq!(j[1]["key"], pk(8));
    assert_eq!(j[1]["number"], 2);
}

#[test]
fn weak_anchor_keys_are_refused() {
    // The identity point (small order) and a valid key.
    let identity = txng_core::b64::encode(&{
        let mut b = [0u8; 32];
        b[0] = 1;
        b
    });
    assert!(TrustAnchor::from_base64url("w", &identity).is_none());
    assert!(TrustAnchor::from_base64url("k", &pk(9)).is_some());
    assert!(TrustAnchor::from_base64url("k", "not base64!").is_none());
    assert!(TrustAnchor::from_base64url("k", &txng_core::b64::encode(&[1; 31])).is_none());
}
