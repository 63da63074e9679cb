//! Differential tests of the GS1 value rules (FORMAT.md §1.2) against references written from the
//! GS1 General Specifications alone: the CSET 82 and CSET 64 tables (every byte), the mod-10 check
//! digit (the "round up to a multiple of ten" form), and each AI's format on generated values.

use proptest::prelude::*;
use txng_core::gs1::{check_digit, check_digit_ok, is_cset64, is_cset82, Ai};
use txng_core::Code;

/// GS1 General Specifications, Figure 7.11-1 (CSET 82).
const CSET82: &str =
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
/// Figure 7.11-3 (CSET 64) with the padding character.
const CSET64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=";

#[test]
fn character_sets_byte_by_byte() {
    assert_eq!(CSET82.len(), 82);
    for b in 0..=255u8 {
        let c = char::from(b);
        assert_eq!(
            is_cset82(b),
            b.is_ascii() && CSET82.contains(c),
            "cset82 {b:#04x}"
        );
        assert_eq!(
            is_cset64(b),
            b.is_ascii() && CSET64.contains(c),
            "cset64 {b:#04x}"
        );
    }
}

/// The check digit as the specification computes it: weights 3 and 1 from the right of the body,
/// then the distance up to the next multiple of ten.
fn reference_check_digit(body: &[u32]) -> u32 {
    let sum: u32 = body
        .iter()
        .rev()
        .zip([3, 1].iter().cycle())
        .map(|(d, w)| d * w)
        .sum();
    sum.div_ceil(10) * 10 - sum
}

fn leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// YYMMDD with the year 20YY (no two-digit year is 2100, so 20YY and GS1's window agree on leap
/// years); `day_zero` allows DD = 00.
fn reference_date(v: &str, day_zero: bool) -> bool {
    let n: Vec<u32> = v.bytes().map(|b| u32::from(b - b'0')).collect();
    let (y, m, d) = (2000 + n[0] * 10 + n[1], n[2] * 10 + n[3], n[4] * 10 + n[5]);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        2 => 28,
        _ => return false,
    };
    (d == 0 && day_zero) || (1..=days).contains(&d)
}

fn digits(v: &str) -> bool {
    !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())
}

/// Each AI's rule from the specification's format column.
fn reference_validate(ai: Ai, v: &str) -> Result<(), Code> {
    let invalid = Err(Code::PayloadValueInvalid);
    if v.is_empty() {
        return Err(Code::PayloadValueEmpty);
    }
    match ai {
        Ai::Gtin if v.len() == 14 && digits(v) => Ok(()),
        Ai::Origin if v.len() == 3 && digits(v) => Ok(()),
        // `.` and `..` are CSET 82 but no URI path can carry them (FORMAT.md §1.2, txng's profile).
        Ai::Cpv | Ai::Lot | Ai::Serial if v == "." || v == ".." => invalid,
        Ai::Cpv | Ai::Lot | Ai::Serial
            if v.len() <= 20 && v.chars().all(|c| CSET82.contains(c)) =>
        {
            Ok(())
        }
        Ai::ProductionDate | Ai::PackagingDate | Ai::BestBefore | Ai::Expiry
            if v.len() == 6 && digits(v) =>
        {
            if reference_date(v, true) {
                Ok(())
            } else {
                Err(Code::PayloadDateInvalid)
            }
        }
        Ai::HarvestDate if (v.len() == 6 || v.len() == 12) && digits(v) => {
            let (a, b) = v.split_at(6);
            let ok =
                reference_date(a, false) && (b.is_empty() || (reference_date(b, false) && a <= b));
            if ok {
                Ok(())
            } else {
                Err(Code::PayloadDateInvalid)
            }
        }
        Ai::Signature if v.chars().all(|c| CSET64.contains(c)) => Ok(()),
        Ai::Signature => Err(Code::PayloadSignatureEncoding),
        _ => invalid,
    }
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{0,14}",
        "[0-9]{6}",
        "[0-9]{12}",
        "[0-9]{2}(0[0-9]|1[0-3])[0-3][0-9]",
        "[0-9]{2}(0[0-9]|1[0-3])[0-3][0-9][0-9]{2}(0[0-9]|1[0-3])[0-3][0-9]",
        "[ -~]{0,22}",
        "[A-Za-z0-9_=-]{0,8}",
        "[0-9a-zé\u{1d}]{1,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn check_digit_agrees(body in proptest::collection::vec(0u32..10, 1..20)) {
        let text: String = body.iter().map(|d| char::from_digit(*d, 10).unwrap_or('0')).collect();
        let cd = reference_check_digit(&body);
        prop_assert_eq!(check_digit(&text), char::from_digit(cd, 10));
        for last in 0..10 {
            let full = format!("{text}{last}");
            prop_assert_eq!(check_digit_ok(&full), last == cd, "{}", full);
        }
    }

    #[test]
    fn every_ai_agrees(v in value()) {
        for ai in Ai::ALL {
            prop_assert_eq!(ai.validate(&v), reference_validate(ai, &v), "ai {} value {:?}", ai.digits(), v);
        }
    }
}

#[test]
fn check_digit_edges() {
    assert!(!check_digit_ok(""));
    assert!(!check_digit_ok("0"));
    assert!(check_digit_ok("00"));
    assert!(!check_digit_ok("0a"));
    assert_eq!(check_digit("089350123000a"), None);
    assert_eq!(check_digit("0893501230001"), Some('0'));
    assert!(check_digit_ok("08935012300010"));
}

#[test]
fn ai_table() {
    let table = [
        (Ai::Gtin, "01", false, Some(14)),
        (Ai::Cpv, "22", false, None),
        (Ai::Lot, "10", false, None),
        (Ai::Serial, "21", false, None),
        (Ai::ProductionDate, "11", true, Some(6)),
        (Ai::PackagingDate, "13", true, Some(6)),
        (Ai::BestBefore, "15", true, Some(6)),
        (Ai::Expiry, "17", true, Some(6)),
        (Ai::Origin, "422", true, None),
        (Ai::HarvestDate, "7007", true, None),
        (Ai::Signature, "8030", true, None),
    ];
    assert_eq!(Ai::ALL.len(), table.len());
    for (ai, digits, attribute, len) in table {
        assert_eq!(ai.digits(), digits);
        assert_eq!(Ai::from_digits(digits), Some(ai));
        assert_eq!(ai.is_attribute(), attribute, "{digits}");
        assert_eq!(ai.predefined_length(), len, "{digits}");
    }
    for d in ["", "0", "1", "010", "17 ", "8031", "99"] {
        assert_eq!(Ai::from_digits(d), None, "{d:?}");
    }
}
