//! Parser edges (FORMAT.md §1.1, §4.3) through `parse`: the input size limit to the byte, which
//! white space is trimmed (never GS), which AIM prefixes mean an element string, unknown AIs in an
//! element string, and malformed brackets. Written to kill mutants `cargo mutants` left alive in
//! link.rs; the Digital Link URI's authority rules are tested with the URL work of issue 6.

use ed25519_dalek::SigningKey;
use txng_core::gs1::check_digit;
use txng_core::link::{parse, LabelData, Syntax, MAX_INPUT_LEN};
use txng_core::sign::sign_label;
use txng_core::Code;

fn signed() -> txng_core::SignedLink {
    let body = "0893501200001";
    let data = LabelData {
        gtin: format!("{body}{}", check_digit(body).expect("digits")),
        cpv: None,
        lot: "L1".into(),
        serial: "S1".into(),
        attributes: Vec::new(),
    };
    sign_label(data, 1, &SigningKey::from_bytes(&[4; 32])).expect("signs")
}

fn code(text: &str) -> Option<Code> {
    parse(text).err().map(|e| e.code)
}

#[test]
fn input_limit_to_the_byte() {
    let es = signed().to_element_string();
    // Leading spaces are trimmed, but the limit counts the input as given.
    let at = format!("{}{es}", " ".repeat(MAX_INPUT_LEN - es.len()));
    assert_eq!(at.len(), MAX_INPUT_LEN);
    assert!(parse(&at).is_ok(), "{:?}", code(&at));
    let over = format!(" {at}");
    assert_eq!(code(&over), Some(Code::PayloadTooLong));
}

#[test]
fn white_space_is_trimmed_but_gs_is_not_white_space() {
    let es = signed().to_element_string();
    for pad in [" ", "\n", "\r\n", "\t", "\u{b}", "\u{c}"] {
        let t = format!("{pad}{es}{pad}");
        assert_eq!(
            parse(&t).map(|l| l.syntax),
            Ok(Syntax::ElementString),
            "{pad:?}"
        );
    }
    // Only ASCII white space is trimmed (FORMAT.md §1.1): a no-break space stays, and the text
    // is then no GS1 data.
    for pad in ["\u{a0}", "\u{2003}", "\u{3000}"] {
        assert_eq!(
            code(&format!("{pad}{es}")),
            Some(Code::PayloadNotGs1),
            "{pad:?}"
        );
    }
    // A trailing GS is not trimmed as white space: the serial would end in it... and a leading
    // GS (FNC1 as some scanners send it) is skipped before the element string.
    let lead = format!("\u{1d}{es}");
    assert_eq!(parse(&lead).map(|l| l.syntax), Ok(Syntax::ElementString));
    assert_eq!(parse(&lead).map(|l| l.data), Ok(signed().data));
}

#[test]
fn aim_prefixes() {
    let es = signed().to_element_string();
    for aim in ["]Q3", "]d2", "]C1", "]e0", "]J1"] {
        let l = parse(&format!("{aim}{es}")).expect("element string after AIM");
        assert_eq!(l.syntax, Syntax::ElementString, "{aim}");
    }
    // An AIM prefix for plain text does not turn a URI into an element string.
    let uri = signed().to_uri("https://truyxuat.example.vn");
    assert_eq!(
        parse(&format!("]Q1{uri}")).map(|l| l.syntax),
        Ok(Syntax::DigitalLink)
    );
    assert_eq!(parse(&uri).map(|l| l.syntax), Ok(Syntax::DigitalLink));
    // An element-string AIM prefix in front of a URI: the text is read as an element string.
    assert!(parse(&format!("]d2{uri}")).is_err());
    assert_eq!(code("]"), Some(Code::PayloadNotGs1));
    assert_eq!(code("]Q"), Some(Code::PayloadNotGs1));
}

#[test]
fn element_string_unknown_ai_or_not_gs1() {
    let es = signed().to_element_string();
    // Digits that start no GS1 AI: `payload.ai_unknown`; a real GS1 AI outside this profile:
    // `payload.ai_not_allowed` (FORMAT.md §1.1); a non-digit: not GS1.
    assert_eq!(
        code(&format!("{es}\u{1d}44ABC")),
        Some(Code::PayloadAiUnknown)
    );
    assert_eq!(
        code(&format!("{es}\u{1d}99ABC")),
        Some(Code::PayloadAiNotAllowed)
    );
    assert_eq!(code(&format!("{es}\u{1d}9")), Some(Code::PayloadNotGs1));
    assert_eq!(code(&format!("{es}\u{1d}A1")), Some(Code::PayloadNotGs1));
    assert_eq!(code(&format!("{es}\u{1d}9A")), Some(Code::PayloadNotGs1));
}

#[test]
fn bracket_digits() {
    let b = signed().to_bracketed();
    assert!(parse(&b).is_ok());
    // A bracket that holds no 1–4 digits is not GS1 (the first element, so it is not read as
    // part of the previous value).
    for bad in ["()X", "(12345)X", "(1a)X", "(a1)X", "(0x)X"] {
        assert_eq!(
            code(&format!("{bad}{b}")),
            Some(Code::PayloadNotGs1),
            "{bad}"
        );
    }
    assert_eq!(code(&format!("(44)X{b}")), Some(Code::PayloadAiUnknown));
    assert_eq!(code(&format!("(99)X{b}")), Some(Code::PayloadAiNotAllowed));
    // A backslash not before "(" is kept literally (and is not CSET 82 here: refused).
    let lit = b.replacen("(10)L1", "(10)L\\1", 1);
    assert_eq!(code(&lit), Some(Code::PayloadValueInvalid));
}

#[test]
fn uri_path_shape() {
    let uri = signed().to_uri("https://truyxuat.example.vn");
    let (path, query) = uri.split_once('?').expect("query");
    // An odd number of path segments after /01/, or an empty one, is `payload.path_invalid`.
    for bad in [format!("{path}/10"), path.replacen("/10/L1", "/10/", 1)] {
        assert_eq!(
            code(&format!("{bad}?{query}")),
            Some(Code::PayloadPathInvalid),
            "{bad}"
        );
    }
    // Digits that are no GS1 AI: `payload.ai_unknown`; a data attribute AI in the path (99 is
    // GS1's "company internal"): `payload.path_invalid`.
    assert_eq!(
        code(&format!("{path}/44/X?{query}")),
        Some(Code::PayloadAiUnknown)
    );
    assert_eq!(
        code(&format!("{path}/99/X?{query}")),
        Some(Code::PayloadPathInvalid)
    );
}
