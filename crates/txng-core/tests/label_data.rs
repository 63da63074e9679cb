//! The signer's side of the label (FORMAT.md §1.2–§1.4) through the public API: what a signer
//! refuses and with which code, the canonical order of the signed elements, the AI (8030) value's
//! bytes, and percent-encoding against an RFC 3986 reference. Written to kill the mutants
//! `cargo mutants` left alive in link.rs.

use ed25519_dalek::SigningKey;
use proptest::prelude::*;
use txng_core::gs1::{check_digit, Ai};
use txng_core::link::{parse, percent_encode, LabelData, Signature8030, SIGNING_DOMAIN};
use txng_core::sign::sign_label;
use txng_core::Code;

fn key() -> SigningKey {
    SigningKey::from_bytes(&[5; 32])
}

fn gtin() -> String {
    let body = "0893501200001";
    format!("{body}{}", check_digit(body).expect("digits"))
}

fn data(attributes: Vec<(Ai, &str)>) -> LabelData {
    LabelData {
        gtin: gtin(),
        cpv: None,
        lot: "L1".into(),
        serial: "S1".into(),
        attributes: attributes
            .into_iter()
            .map(|(a, v)| (a, v.to_string()))
            .collect(),
    }
}

fn refused(d: LabelData) -> Option<Code> {
    sign_label(d, 1, &key()).err().map(|e| e.code)
}

#[test]
fn signer_refuses_what_a_verifier_would() {
    assert_eq!(refused(data(vec![])), None);
    assert_eq!(
        refused(data(vec![(Ai::Expiry, "271231"), (Ai::Expiry, "271230")])),
        Some(Code::PayloadAiDuplicate)
    );
    assert_eq!(
        refused(data(vec![
            (Ai::Origin, "704"),
            (Ai::Expiry, "271231"),
            (Ai::Origin, "704")
        ])),
        Some(Code::PayloadAiDuplicate),
        "duplicates found after sorting"
    );
    for not_attr in [Ai::Lot, Ai::Serial, Ai::Cpv, Ai::Gtin, Ai::Signature] {
        let v = match not_attr {
            Ai::Gtin => gtin(),
            Ai::Signature => "A".repeat(90),
            _ => "X1".to_string(),
        };
        assert_eq!(
            refused(data(vec![(not_attr, &v)])),
            Some(Code::PayloadPathInvalid),
            "{not_attr:?} as attribute"
        );
    }
    assert_eq!(
        refused(data(vec![(Ai::Expiry, "271232")])),
        Some(Code::PayloadDateInvalid)
    );
    assert_eq!(
        refused(data(vec![(Ai::Origin, "70")])),
        Some(Code::PayloadValueInvalid)
    );
    let mut bad_cd = data(vec![]);
    bad_cd
        .gtin
        .replace_range(13.., if bad_cd.gtin.ends_with('0') { "1" } else { "0" });
    assert_eq!(refused(bad_cd), Some(Code::PayloadGtinCheckDigit));
    let mut empty_lot = data(vec![]);
    empty_lot.lot.clear();
    assert_eq!(refused(empty_lot), Some(Code::PayloadValueEmpty));
}

#[test]
fn signed_elements_are_in_canonical_order() {
    let d = data(vec![
        (Ai::HarvestDate, "260901"),
        (Ai::Origin, "704"),
        (Ai::Expiry, "271231"),
    ]);
    let mut with_cpv = d.clone();
    with_cpv.cpv = Some("500G".into());
    let signed = sign_label(with_cpv, 7, &key()).expect("signs");
    let order: Vec<&str> = signed
        .data
        .elements()
        .iter()
        .map(|(a, _)| a.digits())
        .collect();
    assert_eq!(order, ["01", "22", "10", "21", "17", "422", "7007"]);
    assert_eq!(signed.data.attribute(Ai::Origin), Some("704"));
    assert_eq!(signed.data.attribute(Ai::Expiry), Some("271231"));
    assert_eq!(signed.data.attribute(Ai::BestBefore), None);
    // The signed bytes: domain, 0x00, header, then AI digits + value + GS for each element.
    let mut want = SIGNING_DOMAIN.to_vec();
    want.push(0);
    want.extend_from_slice(&[1, 0, 7]);
    for (ai, v) in signed.data.elements() {
        want.extend_from_slice(ai.digits().as_bytes());
        want.extend_from_slice(v.as_bytes());
        want.push(0x1d);
    }
    assert_eq!(signed.signing_input(), want);
    assert_eq!(signed.signature.header(), [1, 0, 7]);
    assert_eq!(signed.data.signing_input([1, 0, 7]), want);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The AI (8030) value: 67 bytes (profile, key number big-endian, signature) in 90 strict
    /// base64url characters; another profile byte is `payload.profile_unknown`, another length
    /// `payload.signature_encoding`.
    #[test]
    fn sig8030_bytes(profile in any::<u8>(), n in any::<u16>(), sig in proptest::collection::vec(any::<u8>(), 64)) {
        let mut raw = vec![profile];
        raw.extend_from_slice(&n.to_be_bytes());
        raw.extend_from_slice(&sig);
        let text = txng_core::b64::encode(&raw);
        prop_assert_eq!(text.len(), 90);
        match Signature8030::decode(&text) {
            Ok(s) => {
                prop_assert_eq!(profile, 1);
                prop_assert_eq!(s.key_number, n);
                prop_assert_eq!(&s.signature[..], &sig[..]);
                prop_assert_eq!(s.encode(), text.clone());
            }
            Err(e) => {
                prop_assert_ne!(profile, 1);
                prop_assert_eq!(e.code, Code::PayloadProfileUnknown);
            }
        }
        for cut in [89usize, 88, 86] {
            let e = Signature8030::decode(&text[..cut]).err().map(|e| e.code);
            prop_assert_eq!(e, Some(Code::PayloadSignatureEncoding));
        }
        let e = Signature8030::decode(&format!("{text}AA")).err().map(|e| e.code);
        prop_assert_eq!(e, Some(Code::PayloadSignatureEncoding));
    }

    /// Percent-encoding keeps exactly RFC 3986's unreserved characters and writes every other byte
    /// as %XX (upper case); a lot encoded into a URI path parses back to itself.
    #[test]
    fn percent_encode_reference(v in "[ -~é\u{1d}]{0,20}") {
        let mut want = String::new();
        for b in v.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                want.push(char::from(b));
            } else {
                want.push_str(&format!("%{b:02X}"));
            }
        }
        prop_assert_eq!(percent_encode(&v), want);
    }

    /// Every lot a signer accepts round-trips; `.` and `..` (which no URI path can carry, FORMAT.md
    /// §1.2) are refused at signing.
    #[test]
    fn lot_round_trips_through_the_uri(lot in "[!\"%&'()*+,./0-9:;<=>?A-Z_a-z-]{1,20}") {
        let mut d = data(vec![]);
        d.lot = lot.clone();
        if lot == "." || lot == ".." {
            prop_assert!(sign_label(d, 1, &key()).is_err());
            return Ok(());
        }
        let signed = sign_label(d, 1, &key()).expect("signs");
        let uri = signed.to_uri("https://truyxuat.example.vn");
        let parsed = parse(&uri).expect("parses");
        prop_assert_eq!(parsed.data.lot, lot);
    }
}
