//! The signature check txng uses (`jws::verify_strict`) against published Ed25519 vectors:
//! RFC 8032 §7.1 and every case of Project Wycheproof's `ed25519_test.json` (Apache-2.0, see
//! `tests/data/wycheproof/README.md`).

use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use txng_core::jws::verify_strict;

fn hex(s: &str) -> Vec<u8> {
    assert!(s.len() % 2 == 0, "odd hex {s}");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

/// RFC 8032 §7.1 TEST 1, 2, 3: secret key, public key, message, signature.
const RFC8032: [(&str, &str, &str, &str); 3] = [
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
    (
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    ),
];

#[test]
fn rfc8032_section_7_1() {
    for (i, (sk, pk, msg, sig)) in RFC8032.iter().enumerate() {
        let sk = SigningKey::from_bytes(&hex(sk).try_into().expect("32 bytes"));
        assert_eq!(
            sk.verifying_key().as_bytes().to_vec(),
            hex(pk),
            "TEST {}",
            i + 1
        );
        let msg = hex(msg);
        let sig: [u8; 64] = hex(sig).try_into().expect("64 bytes");
        assert_eq!(sk.sign(&msg).to_bytes(), sig, "TEST {}", i + 1);
        assert_eq!(
            verify_strict(&sk.verifying_key(), &msg, &sig),
            Ok(()),
            "TEST {}",
            i + 1
        );
        let mut bad = sig;
        bad[0] ^= 1;
        assert!(
            verify_strict(&sk.verifying_key(), &msg, &bad).is_err(),
            "TEST {}",
            i + 1
        );
    }
}

#[test]
fn wycheproof_ed25519() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/wycheproof/ed25519_test.json"
    );
    let text = std::fs::read_to_string(path).expect("read wycheproof vectors");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("json");
    let mut count = 0;
    for group in doc["testGroups"].as_array().expect("groups") {
        let pk = hex(group["publicKey"]["pk"].as_str().expect("pk"));
        let key = pk
            .as_slice()
            .try_into()
            .ok()
            .and_then(|b: [u8; 32]| VerifyingKey::from_bytes(&b).ok());
        for t in group["tests"].as_array().expect("tests") {
            let id = t["tcId"].as_u64().expect("tcId");
            let expect_valid = match t["result"].as_str() {
                Some("valid") => true,
                Some("invalid") => false,
                other => panic!("tcId {id}: unexpected result {other:?}"),
            };
            let msg = hex(t["msg"].as_str().expect("msg"));
            let sig = hex(t["sig"].as_str().expect("sig"));
            let got = match (&key, <[u8; 64]>::try_from(sig.as_slice())) {
                (Some(k), Ok(s)) => verify_strict(k, &msg, &s).is_ok(),
                _ => false,
            };
            assert_eq!(got, expect_valid, "{path}: tcId {id} ({})", t["comment"]);
            count += 1;
        }
    }
    assert_eq!(
        count,
        doc["numberOfTests"].as_u64().expect("count") as usize
    );
    println!("wycheproof: {count} cases");
}
