//! The fuzz harness shared by every target (rustls style): fixed keys, a signer that records what
//! it signed, and the invariants each target asserts.
//!
//! Random bytes never carry a valid Ed25519 signature, so a fuzzer alone only ever exercises the
//! code in front of the signature checks. Here the harness holds the keys: it signs whatever the
//! fuzzer produced (label data into AI (8030), a registry payload with the authority's key, a trace
//! payload with the producer's key) and so drives the code *after* each signature check.
//!
//! The keys are the demo's (public seeds, `crates/txng-cli/src/demo/keys.rs`): the committed test
//! vectors then seed the corpora as they are (`scripts/fuzz-seeds.py`).
//!
//! The oracle for "no false green": every label message the harness signs is recorded with the
//! public key it used. A green or amber verdict must come from a recorded signature, over exactly
//! the bytes of the data parsed from the scanned text, with a key that the signed registry payload
//! lists. Ed25519 is unforgeable, so a verdict that breaks this was reached without checking the
//! signature it claims.

use ed25519_dalek::{Signer, SigningKey};
use std::collections::HashSet;
use std::sync::OnceLock;
use txng_core::link::{parse, LabelData, SignedLink, Syntax};
use txng_core::registry::{Registry, TrustAnchor};
use txng_core::sign::{sign_label, sign_registry, sign_trace};
use txng_core::status::{Code, Severity, State};
use txng_core::trace::{Trace, TraceError};
use txng_core::verify::{verify, Fetched, Verdict, Verification};
use txng_core::{b64, gs1};

/// The anchor that signs every registry here, and a second anchor (the demo's rotation key).
pub const ANCHOR_KID: &str = "qt-sokhcn-2026a";
/// The demo's second anchor.
pub const ANCHOR2_KID: &str = "qt-sokhcn-2026b";
/// The demo's official host.
pub const HOST: &str = "truyxuat.quangtri.gov.vn";
/// The time of the vectors: 2026-11-28T10:00:00+07:00.
pub const NOW: i64 = 1_795_834_800;

/// The demo registry, genuinely signed by the first anchor.
pub const DEMO_REGISTRY: &[u8] =
    include_bytes!("../../crates/txng-core/tests/vectors/data/registry.jws");
/// Vector 001: a genuine coffee label (producer `htx-khe-sanh`, key 2).
pub const COFFEE_LABEL: &str = "https://truyxuat.quangtri.gov.vn/01/08935012300010/10/CF2609A/21/000101?11=260912&17=270911&422=704&8030=AQACp3J8oPNvc4cJX-Ns2xeNPb9p6zoiT8bTASnbGNc_Ip7Fq8iH61z_W5ScKc_PAPFV8e1QSHM22DBisWceNnhiCA";
/// The producer of [`COFFEE_LABEL`].
pub const COFFEE_ID: &str = "htx-khe-sanh";

/// A demo key from its seed label (`TXNG DEMO {label}`, padded with `.` to 32 bytes).
pub fn demo_key(label: &str) -> SigningKey {
    let mut s = [b'.'; 32];
    let text = format!("TXNG DEMO {label}");
    let n = text.len().min(32);
    s[..n].copy_from_slice(&text.as_bytes()[..n]);
    SigningKey::from_bytes(&s)
}

/// The fixed keys.
pub struct Keys {
    /// Signs every registry.
    pub anchor: SigningKey,
    /// The trust anchors (both demo anchors).
    pub anchors: Vec<TrustAnchor>,
    /// Every demo producer key (by seed), to sign for any key a registry lists.
    pub ring: Vec<SigningKey>,
    /// The producer key of the per-input registries of the label targets.
    pub producer: SigningKey,
    /// A key no registry lists.
    pub stranger: SigningKey,
}

/// The fixed keys, built once.
pub fn keys() -> &'static Keys {
    static K: OnceLock<Keys> = OnceLock::new();
    K.get_or_init(|| {
        let anchor = demo_key("authority 1");
        let anchor2 = demo_key("authority 2");
        let anchors = vec![
            TrustAnchor {
                kid: ANCHOR_KID.into(),
                key: anchor.verifying_key(),
            },
            TrustAnchor {
                kid: ANCHOR2_KID.into(),
                key: anchor2.verifying_key(),
            },
        ];
        let mut ring = Vec::new();
        for id in [
            "htx-khe-sanh",
            "htx-tieu-con-tien",
            "tinh-dau-tram-qt",
            "mat-ong-demo",
            "gia-mao",
            "cty-thuong-mai-demo",
        ] {
            for n in [1, 2, 3, 9] {
                ring.push(demo_key(&format!("{id} #{n}")));
            }
        }
        Keys {
            anchor,
            anchors,
            ring,
            producer: demo_key("fuzz producer"),
            stranger: demo_key("fuzz stranger"),
        }
    })
}

/// Finds the signing key of a public key among the harness's keys.
pub fn signing_key_for(public: &[u8; 32]) -> Option<&'static SigningKey> {
    let k = keys();
    k.ring
        .iter()
        .chain([&k.producer])
        .find(|s| s.verifying_key().as_bytes() == public)
}

/// What the harness signed during one input: (label signing input, public key).
#[derive(Default)]
pub struct Oracle {
    signed: HashSet<(Vec<u8>, [u8; 32])>,
}

impl Oracle {
    /// Signs label data with `key` as key number `n`, recording the message.
    pub fn sign_label(&mut self, data: LabelData, n: u16, key: &SigningKey) -> Option<SignedLink> {
        let link = sign_label(data, n, key).ok()?;
        self.signed
            .insert((link.signing_input(), key.verifying_key().to_bytes()));
        Some(link)
    }

    /// Whether the harness signed exactly this message with this key.
    pub fn signed(&self, msg: &[u8], key: &[u8; 32]) -> bool {
        self.signed.contains(&(msg.to_vec(), *key))
    }

    /// The invariants of every verdict. `text` is what was scanned, `registry_payload` the signed
    /// registry's payload, `trace_payload` the signed trace payload (if a trace was given).
    pub fn check_verdict(
        &self,
        text: &str,
        registry_payload: &[u8],
        trace_payload: Option<&[u8]>,
        v: &Verdict,
    ) {
        check_state(v);
        if !green_or_amber(v.state) {
            return;
        }
        // Green or amber: the signature was made by a registered key over exactly the parsed data.
        let link = parse(text).expect("green/amber: the scanned text parses");
        let msg = link.signing_input();
        let registered = String::from_utf8_lossy(registry_payload);
        let by: Vec<[u8; 32]> = self
            .signed
            .iter()
            .filter(|(m, _)| *m == msg)
            .map(|(_, k)| *k)
            .filter(|k| registered.contains(&format!("\"{}\"", b64::encode(k))))
            .collect();
        assert!(
            !by.is_empty(),
            "green/amber without a signature of the harness over exactly the parsed data by a key the registry lists: {text:?}"
        );
        let label = v.label.as_ref().expect("green/amber shows the label");
        assert_eq!(label.gtin, link.data.gtin);
        assert_eq!(label.lot, link.data.lot);
        assert_eq!(label.serial, link.data.serial);
        assert_eq!(label.cpv, link.data.cpv);
        assert_eq!(label.key_number, link.signature.key_number);
        let producer = v.producer.as_ref().expect("green/amber shows the producer");
        assert!(
            producer.gs1_company_prefixes.iter().any(|p| link
                .data
                .gtin
                .get(1..)
                .is_some_and(|g| g.starts_with(p.as_str()))),
            "producer {} does not own gtin {}",
            producer.id,
            link.data.gtin
        );
        let key = producer
            .key(link.signature.key_number)
            .expect("green/amber: the producer has the key");
        assert!(
            by.contains(&key.public_key),
            "signed by a key the harness did not use"
        );
        assert!(
            key.verifying_key().is_some(),
            "green under a key that fails the curve checks (FORMAT.md §2.3 check 5)"
        );
        assert!(
            key.revoked_at.is_none_or(|at| at > NOW),
            "revoked key green"
        );
        // Key validity is judged at the device's time or later (never earlier): a verifier may
        // move `now` up to the registry's `issued_at` (FORMAT.md, clock behind), never back.
        let latest = NOW.max(v.registry_issued_at.unwrap_or(NOW));
        assert!(key.valid_from <= latest, "not yet valid key green");
        if v.has(Code::TraceValid) {
            let t = Trace::from_payload(trace_payload.expect("trace.valid without a trace"))
                .expect("trace.valid: the payload reads");
            assert_eq!((&t.gtin, &t.lot), (&link.data.gtin, &link.data.lot));
            let product = v.product.as_ref().expect("trace.valid: product shown");
            assert_eq!(product, &t.product);
            assert_eq!(v.events, t.events);
        }
    }
}

/// Green or amber.
pub fn green_or_amber(s: State) -> bool {
    matches!(s, State::Verified | State::VerifiedWithWarnings)
}

/// The state is derived from the checks as FORMAT.md §4 says, and signed data is shown only under
/// green or amber.
pub fn check_state(v: &Verdict) {
    for c in &v.checks {
        assert_eq!(
            c.severity,
            c.code.severity(),
            "{} has a wrong severity",
            c.code
        );
    }
    let worst = v.checks.iter().map(|c| c.severity).max();
    let signed = v
        .checks
        .iter()
        .filter(|c| c.code == Code::SignatureValid)
        .count();
    let expected = match worst {
        Some(Severity::Failure) => State::Invalid,
        None | Some(Severity::Indeterminate) => State::CannotTell,
        Some(_) if signed == 0 => State::CannotTell,
        Some(Severity::Warning) => State::VerifiedWithWarnings,
        Some(_) => State::Verified,
    };
    assert_eq!(v.state, expected, "state not derived from {:?}", v.checks);
    assert!(signed <= 1, "signature.valid twice");
    assert!(v.has(Code::LabelCopyPossible));
    // FORMAT.md §4.2: signed data only under green or amber, or when the only failures are
    // `lot.recalled` (the label is genuine; the shopper must learn which product to return).
    let recalled_only = v.state == State::Invalid
        && v.checks
            .iter()
            .filter(|c| c.severity == Severity::Failure)
            .all(|c| c.code == Code::LotRecalled);
    let shown = green_or_amber(v.state) || recalled_only;
    if !shown {
        assert!(v.label.is_none() && v.producer.is_none() && v.product.is_none());
        assert!(v.events.is_empty());
    } else if recalled_only {
        assert!(
            v.has(Code::SignatureValid),
            "a recalled lot shown without a valid signature"
        );
        assert!(
            v.has(Code::TraceValid),
            "a recall is read from a valid trace"
        );
    } else {
        // The main reason: the signature under green, the first warning under amber.
        let main = v.main_check().map(|c| c.code);
        if v.state == State::Verified {
            assert_eq!(main, Some(Code::SignatureValid));
        } else {
            assert_eq!(v.main_check().map(|c| c.severity), Some(Severity::Warning));
        }
    }
    if v.product.is_some() || !v.events.is_empty() {
        assert!(v.has(Code::TraceValid));
    }
    if v.has(Code::LotRecalled)
        || v.has(Code::SignatureInvalid)
        || v.has(Code::KeyRevoked)
        || v.has(Code::TraceSignatureInvalid)
        || v.has(Code::TraceMismatch)
    {
        assert_eq!(v.state, State::Invalid);
    }
    assert!(
        v.events.windows(2).all(|w| w[0].time <= w[1].time),
        "events not sorted"
    );
}

/// A registry payload with one producer that owns the GTIN's first 7 digits after the indicator
/// and has the harness's producer key as number `n`.
pub fn registry_payload_for(gtin: &str, n: u16) -> Vec<u8> {
    let prefix = gtin.get(1..8).unwrap_or("8935012");
    serde_json::json!({
        "format": "txng-registry/1",
        "authority": { "name": "Fuzz authority" },
        "issued_at": "2026-11-01T00:00:00+07:00",
        "next_update": "2030-12-31T00:00:00+07:00",
        "resolvers": [HOST],
        "trace_url_templates": ["/trace/{gtin}/{lot}.jws"],
        "demo": false,
        "producers": [{
            "id": "fuzz-producer",
            "name": "Fuzz producer",
            "tax_code": "0000000000",
            "address": { "commune": "xã A", "province": "tỉnh B" },
            "gs1_company_prefixes": [prefix],
            "keys": [{
                "number": n,
                "public_key": b64::encode(keys().producer.verifying_key().as_bytes()),
                "valid_from": "2020-01-01T00:00:00+07:00",
            }],
        }],
    })
    .to_string()
    .into_bytes()
}

/// Signs a registry payload with the first anchor.
pub fn registry_jws(payload: &[u8]) -> String {
    sign_registry(payload, ANCHOR_KID, &keys().anchor)
}

/// Replaces the AI (8030) value of `text` (if it appears there once, verbatim) with `new`.
pub fn replace_signature(text: &str, old: &SignedLink, new: &SignedLink) -> Option<String> {
    let o = old.signature.encode();
    (text.matches(&o).count() == 1).then(|| text.replacen(&o, &new.signature.encode(), 1))
}

/// Every printed form of a parsed link parses back to the same data and signature, in the syntax
/// printed, and printing again gives the same text.
pub fn check_round_trip(link: &SignedLink) {
    let base = format!("https://{HOST}");
    let forms = [
        (link.to_uri(&base), Syntax::DigitalLink),
        (link.to_element_string(), Syntax::ElementString),
        (
            format!("]d2{}", link.to_element_string()),
            Syntax::ElementString,
        ),
        (link.to_bracketed(), Syntax::Bracketed),
    ];
    for (printed, syntax) in forms {
        let again = parse(&printed)
            .unwrap_or_else(|e| panic!("printed form {printed:?} does not parse: {e:?}"));
        assert_eq!(again.data, link.data, "{printed:?}");
        assert_eq!(again.signature, link.signature, "{printed:?}");
        assert_eq!(again.syntax, syntax, "{printed:?}");
        if syntax == Syntax::DigitalLink {
            assert_eq!(again.host.as_deref(), Some(HOST));
            assert_eq!(again.to_uri(&base), printed);
        } else {
            assert_eq!(again.host, None);
        }
    }
}

/// The label targets (URI, element string, bracketed form): parse the fuzzer's text; what parses
/// round-trips; then the harness signs the parsed data, puts the new AI (8030) value into the
/// fuzzer's own text, and verifies it against a registry that lists the key: it must be green or
/// amber, while a flipped signature bit or another key number must not be.
pub fn label_target(data: &[u8], want: Syntax) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let link = match parse(text) {
        Ok(l) => l,
        Err(e) => {
            let v = verify(
                text,
                Fetched::Unavailable("fuzz"),
                None,
                &keys().anchors,
                NOW,
            );
            check_state(&v);
            assert!(v.has(e.code), "parse error {:?} not in the verdict", e.code);
            assert!(!green_or_amber(v.state));
            return;
        }
    };
    check_round_trip(&link);
    if link.syntax != want {
        return;
    }
    let n = link.signature.key_number;
    let mut oracle = Oracle::default();
    let signed = oracle
        .sign_label(link.data.clone(), n, &keys().producer)
        .expect("what parses can be signed (the signer's rules are the parser's)");
    assert_eq!(signed.data, link.data, "signing changed the parsed data");
    let Some(resigned) = replace_signature(text, &link, &signed) else {
        return;
    };
    let payload = registry_payload_for(&link.data.gtin, n);
    let reg = registry_jws(&payload);
    let v = verify(
        &resigned,
        Fetched::Bytes(reg.as_bytes()),
        None,
        &keys().anchors,
        NOW,
    );
    oracle.check_verdict(&resigned, &payload, None, &v);
    assert!(
        green_or_amber(v.state),
        "genuine signature by the registered key not accepted: {resigned:?} {:?}",
        v.checks
    );
    match (&link.host, want) {
        (Some(h), Syntax::DigitalLink) if h == HOST => assert!(v.has(Code::HostOfficial)),
        (Some(_), Syntax::DigitalLink) => assert!(v.has(Code::HostUnofficial)),
        _ => assert!(v.has(Code::HostAbsent)),
    }
    // Tampering: one flipped signature bit (chosen by the input), or another key number.
    let mut bad = signed.clone();
    let i = data.len() % 64;
    bad.signature.signature[i] ^= 1 << (data.len() % 8);
    let mut other = signed.clone();
    other.signature.key_number = n.wrapping_add(1);
    let payload2 = registry_payload_for(&link.data.gtin, n.wrapping_add(1));
    for (tampered, payload) in [(&bad, &payload), (&other, &payload2)] {
        let Some(t) = replace_signature(text, &link, tampered) else {
            continue;
        };
        let reg = registry_jws(payload);
        let v = verify(
            &t,
            Fetched::Bytes(reg.as_bytes()),
            None,
            &keys().anchors,
            NOW,
        );
        oracle.check_verdict(&t, payload, None, &v);
        assert!(
            !green_or_amber(v.state),
            "tampered signature accepted: {t:?}"
        );
        assert!(v.has(Code::SignatureInvalid));
    }
}

/// The AI (8030) target. The first input byte picks the mode: raw (the rest of the input is the
/// value) or signed (the harness makes the genuine value for the key number in bytes 1–2, then
/// XORs it with the rest of the input as (position, mask) pairs). A value decodes only in its one
/// strict spelling, and the label is green or amber only when the value is the genuine one.
pub fn sig8030_target(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let label = parse(COFFEE_LABEL).expect("vector 001 parses");
    let mut oracle = Oracle::default();
    let (value, genuine) = if mode & 1 == 0 {
        let Ok(v) = std::str::from_utf8(rest) else {
            return;
        };
        // The vector's own value is genuine too (Ed25519 signatures are deterministic).
        let signed = oracle
            .sign_label(label.data.clone(), 2, &demo_key(&format!("{COFFEE_ID} #2")))
            .expect("vector data signs");
        assert_eq!(
            signed.signature, label.signature,
            "vector 001 is signed by key 2"
        );
        (v.to_string(), Some(signed.signature.encode()))
    } else {
        let n = match rest {
            [a, b, ..] => u16::from_be_bytes([*a, *b]),
            _ => 2,
        };
        let key = demo_key(&format!("{COFFEE_ID} #{n}"));
        let signed = oracle
            .sign_label(label.data.clone(), n, &key)
            .expect("vector data signs");
        let genuine = signed.signature.encode();
        let mut bytes = genuine.clone().into_bytes();
        for pair in rest.get(2..).unwrap_or_default().chunks(2) {
            if let [pos, mask] = pair {
                let p = usize::from(*pos) % bytes.len();
                bytes[p] ^= mask;
            }
        }
        let Ok(v) = String::from_utf8(bytes) else {
            return;
        };
        (v, Some(genuine))
    };
    if let Ok(sig) = txng_core::link::Signature8030::decode(&value) {
        assert_eq!(
            sig.encode(),
            value,
            "a second spelling of one AI (8030) value"
        );
    }
    let text = COFFEE_LABEL.replace(&label.signature.encode(), &value);
    let v = verify(
        &text,
        Fetched::Bytes(DEMO_REGISTRY),
        None,
        &keys().anchors,
        NOW,
    );
    let payload = payload_of(DEMO_REGISTRY);
    oracle.check_verdict(&text, &payload, None, &v);
    if green_or_amber(v.state) {
        assert_eq!(
            Some(&value),
            genuine.as_ref(),
            "a value that is not the genuine one verifies"
        );
    }
}

/// The payload of a compact JWS (empty if it is not one).
pub fn payload_of(jws: &[u8]) -> Vec<u8> {
    std::str::from_utf8(jws)
        .ok()
        .and_then(|t| t.trim().split('.').nth(1).and_then(b64::decode))
        .unwrap_or_default()
}

/// The JWS envelope target: the fuzzer's header and payload parts are signed by the anchor. What
/// the harness signed verifies under the anchor's key and no other; a registry loads only under
/// the kid of the key that signed it; a flipped signature bit never loads.
pub fn jws_target(data: &[u8]) {
    let _ = txng_core::jws::Jws::parse(data);
    let _ = Registry::load(data, &keys().anchors, NOW);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let mut parts = text.split('.');
    let (Some(h), Some(p)) = (parts.next(), parts.next()) else {
        return;
    };
    let input = format!("{h}.{p}");
    let sig = keys().anchor.sign(input.as_bytes()).to_bytes();
    let signed = format!("{input}.{}", b64::encode(&sig));
    if let Ok(j) = txng_core::jws::Jws::parse(signed.as_bytes()) {
        assert_eq!(
            j.verify(&keys().anchor.verifying_key()),
            Ok(()),
            "harness signature rejected"
        );
        assert!(
            j.verify(&keys().anchors[1].key).is_err(),
            "verifies under another key"
        );
        assert_eq!(Some(j.payload.clone()), b64::decode(p));
        match Registry::load(signed.as_bytes(), &keys().anchors, NOW) {
            Ok((r, _)) => assert_eq!(j.kid, ANCHOR_KID, "loaded under kid {}", r.signed_by),
            Err(c) => assert_ne!(
                (c.code, j.kid == ANCHOR_KID),
                (Code::RegistrySignatureInvalid, true),
                "genuine registry signature rejected"
            ),
        }
    }
    let mut bad = sig;
    bad[data.len() % 64] ^= 1 << (data.len() % 8);
    let tampered = format!("{input}.{}", b64::encode(&bad));
    assert!(Registry::load(tampered.as_bytes(), &keys().anchors, NOW).is_err());
}

/// A label the harness can sign for a registry: for up to four producers and up to four of their
/// keys, a GTIN under the producer's first company prefix, and whether the registry gives that
/// GTIN to this producer (a longer prefix of another may own it).
pub struct ListedLabel<'a> {
    /// One of its keys.
    pub key: &'a txng_core::registry::ProducerKey,
    /// Label data with the GTIN, lot `L1`, serial `S1`.
    pub label: LabelData,
    /// Whether `producer` owns the GTIN in `reg`.
    pub owns: bool,
}

/// The labels of [`ListedLabel`] for `reg`.
pub fn listed_labels(reg: &Registry) -> Vec<ListedLabel<'_>> {
    let mut out = Vec::new();
    for p in reg.producers.iter().take(4) {
        let Some(pre) = p.gs1_company_prefixes.first() else {
            continue;
        };
        let body: String = format!("0{pre}0000000000000").chars().take(13).collect();
        let Some(cd) = gs1::check_digit(&body) else {
            continue;
        };
        let gtin = format!("{body}{cd}");
        let owns = reg.producer_for_gtin(&gtin).map(|o| o.id.as_str()) == Some(p.id.as_str());
        for k in p.keys.iter().take(4) {
            out.push(ListedLabel {
                key: k,
                label: LabelData {
                    gtin: gtin.clone(),
                    cpv: None,
                    lot: "L1".into(),
                    serial: "S1".into(),
                    attributes: Vec::new(),
                },
                owns,
            });
        }
    }
    out
}

/// The registry payload target: the fuzzer's payload is signed by the anchor, so loading gets past
/// the signature; what loads is consistent, and for every listed key the harness holds, a label it
/// signs verifies exactly as the key's dates say, while a stranger's label never does.
pub fn registry_target(data: &[u8]) {
    let jws = registry_jws(data);
    let (reg, checks) = match Registry::load(jws.as_bytes(), &keys().anchors, NOW) {
        Ok(r) => r,
        Err(c) => {
            assert!(
                !matches!(
                    c.code,
                    Code::RegistryUntrustedKey
                        | Code::RegistrySignatureInvalid
                        | Code::RegistryTooLarge
                ),
                "genuine signature refused: {c:?}"
            );
            return;
        }
    };
    let value: serde_json::Value = serde_json::from_slice(data).expect("loaded: payload is JSON");
    assert_eq!(
        value.get("format").and_then(|f| f.as_str()),
        Some("txng-registry/1")
    );
    assert_eq!(reg.signed_by, ANCHOR_KID);
    assert_eq!(checks.first().map(|c| c.code), Some(Code::RegistryValid));
    assert_eq!(
        checks.iter().any(|c| c.code == Code::RegistryDemo),
        reg.demo
    );
    let grace = txng_core::registry::EXPIRY_GRACE_SECS;
    assert_eq!(
        checks.iter().any(|c| c.code == Code::RegistryExpired),
        NOW > reg.next_update + grace
    );
    let mut ids = HashSet::new();
    let mut prefixes = HashSet::new();
    for p in &reg.producers {
        assert!(ids.insert(p.id.as_str()), "duplicate producer id {}", p.id);
        for pre in &p.gs1_company_prefixes {
            assert!((4..=12).contains(&pre.len()) && pre.bytes().all(|b| b.is_ascii_digit()));
            assert!(prefixes.insert(pre.as_str()), "prefix {pre} twice");
        }
        let mut numbers = HashSet::new();
        for k in &p.keys {
            assert!(numbers.insert(k.number), "key number {} twice", k.number);
            // Its curve checks come when a signature names it (FORMAT.md §2.3 check 5): a green
            // verdict under it is refused above.
        }
    }
    // Past the registry: labels signed with the listed keys the harness holds (a few).
    let mut oracle = Oracle::default();
    for ListedLabel {
        key: k,
        label,
        owns,
    } in listed_labels(&reg)
    {
        for key in [signing_key_for(&k.public_key), Some(&keys().stranger)]
            .into_iter()
            .flatten()
        {
            let Some(link) = oracle.sign_label(label.clone(), k.number, key) else {
                continue;
            };
            let text = link.to_uri(&format!("https://{HOST}"));
            let v = verify(
                &text,
                Fetched::Bytes(jws.as_bytes()),
                None,
                &keys().anchors,
                NOW,
            );
            oracle.check_verdict(&text, data, None, &v);
            let stranger = key.verifying_key() == keys().stranger.verifying_key();
            let usable = owns
                && reg.issued_at <= NOW
                && k.revoked_at.is_none_or(|at| at > NOW)
                && k.valid_from <= NOW
                && !v.has(Code::RegistryExpired);
            if stranger {
                assert!(!green_or_amber(v.state), "stranger's label accepted");
            } else if usable {
                assert!(
                    green_or_amber(v.state),
                    "registered key refused: {:?}",
                    v.checks
                );
            }
        }
    }
}

/// The trace payload target: the genuine coffee label and demo registry, and the fuzzer's trace
/// payload signed by the label's producer key under the right `kid`: the outcome is the one the
/// payload's content calls for; the same payload signed by a stranger never gives `trace.valid`.
pub fn trace_target(data: &[u8]) {
    let k = keys();
    let label = parse(COFFEE_LABEL).expect("vector 001 parses");
    let producer_key = demo_key(&format!("{COFFEE_ID} #2"));
    static START: OnceLock<Verification> = OnceLock::new();
    let mut v = START
        .get_or_init(|| {
            Verification::start(
                COFFEE_LABEL,
                Fetched::Bytes(DEMO_REGISTRY),
                false,
                &keys().anchors,
                NOW,
            )
        })
        .clone();
    assert!(v.wants_trace(), "vector 001 verifies");
    let mut bad = v.clone();
    let jws = sign_trace(data, COFFEE_ID, 2, &producer_key);
    v.add_trace(Fetched::Bytes(jws.as_bytes()));
    let verdict = v.verdict();
    check_state(&verdict);
    for c in [
        Code::TraceSignatureInvalid,
        Code::TraceSignerUnknown,
        Code::TraceKeyRevoked,
    ] {
        assert!(!verdict.has(c), "{c} for a genuine trace signature");
    }
    let expected = match Trace::from_payload(data) {
        Ok(t) if t.gtin == label.data.gtin && t.lot == label.data.lot => Code::TraceValid,
        Ok(_) => Code::TraceMismatch,
        Err(TraceError::Malformed(_)) => Code::TraceMalformed,
        Err(TraceError::Version(_)) => Code::TraceVersionUnsupported,
        Err(TraceError::TooManyEvents(_)) => Code::TraceTooManyEvents,
    };
    assert!(
        verdict.has(expected),
        "expected {expected}: {:?}",
        verdict.checks
    );
    let mut oracle = Oracle::default();
    oracle.signed.insert((
        label.signing_input(),
        producer_key.verifying_key().to_bytes(),
    ));
    oracle.check_verdict(
        COFFEE_LABEL,
        &payload_of(DEMO_REGISTRY),
        Some(data),
        &verdict,
    );
    if expected == Code::TraceValid {
        let t = Trace::from_payload(data).expect("read above");
        assert_eq!(
            t.events.iter().any(|e| e.is_recall()),
            verdict.has(Code::LotRecalled)
        );
    }
    let forged = sign_trace(data, COFFEE_ID, 2, &k.stranger);
    bad.add_trace(Fetched::Bytes(forged.as_bytes()));
    let bv = bad.verdict();
    check_state(&bv);
    assert!(!bv.has(Code::TraceValid), "stranger's trace accepted");
    assert!(bv.product.is_none());
}

/// The whole pipeline. The input is scan text, registry payload and trace payload separated by
/// 0xFF (never in UTF-8). The harness signs the registry with the anchor; if the text parses and
/// the signed registry lists a key the harness holds for it, it signs the parsed data with that
/// key and puts the value into the text, and signs the trace with the same key and `kid`.
pub fn pipeline_target(data: &[u8]) {
    let mut parts = data.split(|&b| b == 0xFF);
    let (Some(text), Some(reg_payload)) = (parts.next(), parts.next()) else {
        return;
    };
    let trace_payload = parts.next();
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let k = keys();
    let reg_jws = registry_jws(reg_payload);
    let mut oracle = Oracle::default();
    let mut scanned = text.to_string();
    let mut signer: (String, u16, &SigningKey) = ("x".into(), 1, &k.stranger);
    if let (Ok(link), Ok((reg, _))) = (
        parse(text),
        Registry::load(reg_jws.as_bytes(), &k.anchors, NOW),
    ) {
        if let Some(p) = reg.producer_for_gtin(&link.data.gtin) {
            let n = link.signature.key_number;
            if let Some(sk) = p.key(n).and_then(|key| signing_key_for(&key.public_key)) {
                signer = (p.id.clone(), n, sk);
                if let Some(signed) = oracle.sign_label(link.data.clone(), n, sk) {
                    if let Some(t) = replace_signature(text, &link, &signed) {
                        scanned = t;
                    }
                }
            }
        }
    }
    let trace_jws = trace_payload.map(|t| sign_trace(t, &signer.0, signer.1, signer.2));
    let v = verify(
        &scanned,
        Fetched::Bytes(reg_jws.as_bytes()),
        trace_jws.as_ref().map(|t| Fetched::Bytes(t.as_bytes())),
        &k.anchors,
        NOW,
    );
    oracle.check_verdict(&scanned, reg_payload, trace_payload, &v);
}

/// The shard target (FORMAT.md §2.7): the fuzzer's bytes are a shard, pinned (length, SHA-256 and
/// the `from` and `version` it claims) by an index the anchor signs, so the core gets past the pin
/// into the shard's content. What opens is consistent with its range; labels signed with the keys
/// it lists verify as their dates say through index and shard, a stranger's never; a shard with
/// one byte changed is refused by the pin.
pub fn shard_target(data: &[u8]) {
    use txng_core::shard::{sha256_hex, RegistryIndex, MAX_SHARD_BYTES};
    use txng_core::verify::RegistryContext;
    if data.len() > MAX_SHARD_BYTES {
        return;
    }
    let claimed: Option<serde_json::Value> = serde_json::from_slice(data).ok();
    let claim = |k: &str| claimed.as_ref().and_then(|v| v.get(k)).cloned();
    let from = claim("from")
        .and_then(|f| f.as_str().map(str::to_string))
        .filter(|f| f.len() <= 12 && f.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_default();
    let version = claim("version")
        .and_then(|v| v.as_u64())
        .filter(|v| *v > 0)
        .unwrap_or(1);
    let index = serde_json::json!({
        "format": "txng-registry-index/1",
        "version": 1,
        "authority": { "name": "Fuzz authority" },
        "issued_at": "2026-11-01T00:00:00+07:00",
        "next_update": "2030-12-31T00:00:00+07:00",
        "resolvers": [HOST],
        "trace_url_templates": ["/trace/{gtin}/{lot}.jws"],
        "demo": false,
        "shard_url_template": "shards/{from}-v{version}.json",
        "shards": [{ "from": from, "version": version, "length": data.len(), "sha256": sha256_hex(data) }],
    })
    .to_string();
    let index_jws =
        txng_core::sign::sign_registry_index(index.as_bytes(), ANCHOR_KID, &keys().anchor);
    let (idx, _) = RegistryIndex::load(index_jws.as_bytes(), &keys().anchors, NOW)
        .expect("the harness's index loads");
    let pinned = idx.shards.first().expect("one shard pinned").clone();
    let reg = match idx.open_shard(&pinned, data) {
        Ok(r) => r,
        Err(c) => {
            assert_ne!(
                c.code,
                Code::RegistryShardHashMismatch,
                "the pinned bytes fail their own pin"
            );
            return;
        }
    };
    for p in &reg.producers {
        for pre in &p.gs1_company_prefixes {
            assert!(
                pre.as_str() >= from.as_str(),
                "prefix {pre} before the shard's start {from}"
            );
        }
    }
    let mut bad = data.to_vec();
    if let Some(b) = bad.get_mut(data.len() / 2) {
        *b ^= 1;
    }
    let ctx = RegistryContext::default();
    for ListedLabel {
        key: k,
        label,
        owns,
    } in listed_labels(&reg)
    {
        for key in [signing_key_for(&k.public_key), Some(&keys().stranger)]
            .into_iter()
            .flatten()
        {
            let Ok(link) = sign_label(label.clone(), k.number, key) else {
                continue;
            };
            let text = link.to_uri(&format!("https://{HOST}"));
            let run = |shard: &[u8]| {
                let mut v = Verification::start_sharded(
                    &text,
                    Fetched::Bytes(index_jws.as_bytes()),
                    ctx,
                    &keys().anchors,
                    NOW,
                );
                if v.shard_wanted().is_some() {
                    v.add_shard(Fetched::Bytes(shard), None);
                }
                v.verdict()
            };
            let v = run(data);
            let stranger = key.verifying_key() == keys().stranger.verifying_key();
            let usable = owns && k.revoked_at.is_none_or(|at| at > NOW) && k.valid_from <= NOW;
            if stranger {
                assert!(!green_or_amber(v.state), "stranger's label accepted");
            } else if usable {
                assert!(
                    green_or_amber(v.state),
                    "registered key refused: {:?}",
                    v.checks
                );
            }
            if !data.is_empty() {
                let t = run(&bad);
                assert!(!green_or_amber(t.state), "a changed shard accepted");
                assert!(t.has(Code::RegistryShardHashMismatch), "{:?}", t.checks);
            }
        }
    }
}
