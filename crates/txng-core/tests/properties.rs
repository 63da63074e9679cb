//! Property tests (FORMAT.md §1): printing and parsing round-trip in every syntax, and any single
//! change to a signed value or to the AI (8030) text makes verification fail — there is exactly
//! one accepted spelling of each signature.

use ed25519_dalek::SigningKey;
use proptest::prelude::*;
use txng_core::gs1::{check_digit, Ai};
use txng_core::jws::verify_strict;
use txng_core::link::{parse, uri_host, LabelData, SignedLink};
use txng_core::sign::sign_label;
use txng_core::{Code, Severity};

const CSET82: &[u8] =
    b"!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

fn key() -> SigningKey {
    SigningKey::from_bytes(&[42; 32])
}

fn cset82(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(CSET82), 1..=max)
        .prop_map(|v| String::from_utf8(v).unwrap_or_default())
        // "." and ".." cannot be carried in a URI path (FORMAT.md §1.2).
        .prop_filter("dot segment", |v| v != "." && v != "..")
}

fn date() -> impl Strategy<Value = String> {
    (0u32..100, 1u32..=12, 0u32..=28).prop_map(|(y, m, d)| format!("{y:02}{m:02}{d:02}"))
}

prop_compose! {
    fn label()(body in "[0-9]{13}", lot in cset82(20), serial in cset82(20),
               cpv in proptest::option::of(cset82(20)), expiry in proptest::option::of(date()),
               origin in proptest::option::of("[0-9]{3}"), key_number in any::<u16>())
               -> (LabelData, u16) {
        let gtin = format!("{body}{}", check_digit(&body).unwrap_or('0'));
        let mut attributes = Vec::new();
        if let Some(e) = expiry { attributes.push((Ai::Expiry, e)); }
        if let Some(o) = origin { attributes.push((Ai::Origin, o)); }
        (LabelData { gtin, cpv, lot, serial, attributes }, key_number)
    }
}

fn verifies(link: &SignedLink) -> bool {
    verify_strict(
        &key().verifying_key(),
        &link.signing_input(),
        &link.signature.signature,
    )
    .is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn print_parse_round_trip((data, n) in label()) {
        let signed = sign_label(data, n, &key()).expect("valid label");
        for text in [signed.to_uri("https://truyxuat.quangtri.gov.vn"), signed.to_element_string(),
                     format!("]Q3{}", signed.to_element_string()), signed.to_bracketed()] {
            let parsed = parse(&text).expect("parses");
            prop_assert_eq!(&parsed.data, &signed.data);
            prop_assert_eq!(&parsed.signature, &signed.signature);
            prop_assert!(verifies(&parsed));
        }
    }

    #[test]
    fn changing_a_signed_value_fails((data, n) in label(), which in 0usize..4, pos in any::<prop::sample::Index>(),
                                    replacement in proptest::sample::select(CSET82)) {
        let signed = sign_label(data, n, &key()).expect("valid label");
        let mut changed = signed.clone();
        let target = match which {
            0 => &mut changed.data.lot,
            1 => &mut changed.data.serial,
            2 => &mut changed.data.gtin,
            _ => match changed.data.attributes.first_mut() { Some(a) => &mut a.1, None => &mut changed.data.lot },
        };
        let mut bytes = target.clone().into_bytes();
        let i = pos.index(bytes.len());
        let new = if target.bytes().all(|b| b.is_ascii_digit()) { b'0' + (bytes[i] - b'0' + 1) % 10 } else { replacement };
        prop_assume!(bytes[i] != new);
        bytes[i] = new;
        *target = String::from_utf8(bytes).unwrap_or_default();
        let uri = changed.to_uri("https://truyxuat.quangtri.gov.vn");
        // A parse error is fine too (e.g. a GTIN whose check digit no longer matches).
        if let Ok(p) = parse(&uri) {
            prop_assert!(!verifies(&p), "changed value still verifies: {}", uri);
        }
    }

    #[test]
    fn changing_the_signature_text_fails((data, n) in label(), pos in 0usize..90,
                                        c in proptest::sample::select(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".as_slice())) {
        let signed = sign_label(data, n, &key()).expect("valid label");
        let uri = signed.to_uri("https://truyxuat.quangtri.gov.vn");
        let start = uri.find("8030=").expect("8030") + 5;
        let mut bytes = uri.into_bytes();
        prop_assume!(bytes[start + pos] != c);
        bytes[start + pos] = c;
        let text = String::from_utf8(bytes).unwrap_or_default();
        if let Ok(p) = parse(&text) {
            prop_assert!(!verifies(&p), "changed signature still verifies: {}", text);
        }
    }

    #[test]
    fn parse_never_panics(text in "\\PC{0,300}") {
        let _ = parse(&text);
    }

    #[test]
    fn parse_never_panics_on_near_links(tail in "[0-9A-Za-z%/?&=()\\x1d+._-]{0,200}") {
        let _ = parse(&format!("https://x.vn/01/{tail}"));
        let _ = parse(&format!("]Q301{tail}"));
        let _ = parse(&format!("(01){tail}"));
    }

    /// FORMAT.md §1.1 step 4: a text without the characters "8030" is never red, whatever it is
    /// (phone numbers, barcodes, links, GS1 codes of other systems, noise).
    #[test]
    fn without_8030_never_red(text in "(\\PC{0,80}|[0-9]{1,30}|\\(01\\)[0-9]{14}[()0-9A-Z]{0,40}|https?://[a-z.]{1,12}/01/[0-9A-Za-z/?&=%.]{0,80})") {
        prop_assume!(!text.contains("8030"));
        let e = parse(&text).expect_err("no signature, no signed link");
        prop_assert_eq!(e.code.severity(), Severity::Indeterminate, "{} → {:?}", text, e);
    }

    /// FORMAT.md §1.6: an accepted URI's host is in canonical form (lower case, no trailing dot),
    /// is the authority's host, and canonicalising it again changes nothing.
    #[test]
    fn accepted_hosts_are_canonical((data, n) in label(),
                                   authority in "[A-Za-z0-9.:@%_\\-\\\\\\[\\]]{0,30}") {
        let signed = sign_label(data, n, &key()).expect("valid label");
        let uri = signed.to_uri(&format!("https://{authority}"));
        if let Ok(p) = parse(&uri) {
            let host = p.host.expect("a URI has a host");
            let again = uri_host(&host).map_err(|e| e.code);
            prop_assert_eq!(again, Ok(host.clone()));
            prop_assert!(!host.ends_with('.') && host == host.to_ascii_lowercase());
            let lower = authority.to_ascii_lowercase();
            let hostpart = lower.split(':').next().unwrap_or("");
            prop_assert_eq!(hostpart.strip_suffix('.').unwrap_or(hostpart), host.as_str());
            prop_assert!(!authority.contains('@') && !authority.contains('\\'));
        }
    }

    /// FORMAT.md §1.2: a real GS1 AI with a predefined length, placed anywhere in an element string,
    /// is read past and reported as not allowed (never as unknown or as a misread value).
    #[test]
    fn element_strings_read_past_gs1_ais((data, n) in label(),
                                        ai in proptest::sample::select(vec!["3103", "3922", "00", "02", "12", "16", "20", "410", "417", "3650"]),
                                        at in any::<prop::sample::Index>()) {
        let signed = sign_label(data, n, &key()).expect("valid label");
        let es = signed.to_element_string();
        let (_, len) = txng_core::gs1::gs1_ai_at(ai).expect("a GS1 AI");
        let value = "1".repeat(len.unwrap_or(4));
        let element = if len.is_some() { format!("{ai}{value}") } else { format!("{ai}{value}\u{1d}") };
        // Element boundaries: the start, or after a GS, or after a predefined-length value.
        let mut cuts = vec![0];
        cuts.extend(es.match_indices('\u{1d}').map(|(i, _)| i + 1));
        cuts.push(16); // after (01) and its 14 digits
        let cut = cuts[at.index(cuts.len())];
        let text = format!("{}{}{}", &es[..cut], element, &es[cut..]);
        let e = parse(&text).expect_err("not allowed");
        prop_assert_eq!(e.code, Code::PayloadAiNotAllowed, "{:?}", text);
    }
}
