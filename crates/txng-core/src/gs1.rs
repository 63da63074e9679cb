//! The GS1 Application Identifiers this profile knows, and their value formats (FORMAT.md §1.2).
//!
//! Formats follow the GS1 Barcode Syntax Dictionary: CSET 82 for alphanumerics, `N6,yymmd0` for the
//! dates whose day may be `00`, `N6[N6],yymmdd` for the harvest date (range), CSET 64 for AI 8030.

use crate::status::Code;
use serde::Serialize;

/// An Application Identifier this profile accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Ai {
    /// (01) GTIN-14.
    Gtin,
    /// (22) Consumer product variant.
    Cpv,
    /// (10) Batch or lot number.
    Lot,
    /// (21) Serial number.
    Serial,
    /// (11) Production date.
    ProductionDate,
    /// (13) Packaging date.
    PackagingDate,
    /// (15) Best before date.
    BestBefore,
    /// (17) Expiration date.
    Expiry,
    /// (422) Country of origin (ISO 3166-1 numeric).
    Origin,
    /// (7007) Harvest date or date range.
    HarvestDate,
    /// (8030) Digital signature.
    Signature,
}

impl Ai {
    /// Every AI, in canonical order (key, qualifiers, then data attributes by AI digits, 8030 last).
    pub const ALL: [Ai; 11] = [
        Ai::Gtin,
        Ai::Cpv,
        Ai::Lot,
        Ai::Serial,
        Ai::ProductionDate,
        Ai::PackagingDate,
        Ai::BestBefore,
        Ai::Expiry,
        Ai::Origin,
        Ai::HarvestDate,
        Ai::Signature,
    ];

    /// The AI's digits.
    pub const fn digits(self) -> &'static str {
        match self {
            Ai::Gtin => "01",
            Ai::Cpv => "22",
            Ai::Lot => "10",
            Ai::Serial => "21",
            Ai::ProductionDate => "11",
            Ai::PackagingDate => "13",
            Ai::BestBefore => "15",
            Ai::Expiry => "17",
            Ai::Origin => "422",
            Ai::HarvestDate => "7007",
            Ai::Signature => "8030",
        }
    }

    /// Looks an AI up by its digits.
    pub fn from_digits(d: &str) -> Option<Ai> {
        Ai::ALL.into_iter().find(|ai| ai.digits() == d)
    }

    /// Whether the AI is a data attribute (URI query) rather than the key or a key qualifier (path).
    pub const fn is_attribute(self) -> bool {
        !matches!(self, Ai::Gtin | Ai::Cpv | Ai::Lot | Ai::Serial)
    }

    /// Fixed value length for AIs in GS1's predefined-length table (no separator needed after them).
    pub const fn predefined_length(self) -> Option<usize> {
        match self {
            Ai::Gtin => Some(14),
            Ai::ProductionDate | Ai::PackagingDate | Ai::BestBefore | Ai::Expiry => Some(6),
            _ => None,
        }
    }

    /// Checks a value against the AI's format. The GTIN check digit is checked separately
    /// (`payload.gtin_check_digit`), so that a typo and a malformed value get distinct codes.
    pub fn validate(self, v: &str) -> Result<(), Code> {
        if v.is_empty() {
            return Err(Code::PayloadValueEmpty);
        }
        let ok = match self {
            Ai::Gtin => v.len() == 14 && all_digits(v),
            // "." and ".." cannot be carried in a URI path: browsers resolve them (and their %2e
            // spellings) away, so no syntax accepts them (FORMAT.md §1.2).
            Ai::Cpv | Ai::Lot | Ai::Serial => {
                v.len() <= 20 && v.bytes().all(is_cset82) && v != "." && v != ".."
            }
            Ai::ProductionDate | Ai::PackagingDate | Ai::BestBefore | Ai::Expiry => {
                if v.len() != 6 || !all_digits(v) {
                    return Err(Code::PayloadValueInvalid);
                }
                return if yymmdd_ok(v, true) {
                    Ok(())
                } else {
                    Err(Code::PayloadDateInvalid)
                };
            }
            Ai::HarvestDate => {
                if !(v.len() == 6 || v.len() == 12) || !all_digits(v) {
                    return Err(Code::PayloadValueInvalid);
                }
                let (a, b) = v.split_at(6);
                let range_ok = b.is_empty() || (yymmdd_ok(b, false) && a <= b);
                return if yymmdd_ok(a, false) && range_ok {
                    Ok(())
                } else {
                    Err(Code::PayloadDateInvalid)
                };
            }
            Ai::Origin => v.len() == 3 && all_digits(v),
            Ai::Signature => {
                // Length and strictness are checked by `Signature8030::decode`, with one code.
                return if v.bytes().all(is_cset64) {
                    Ok(())
                } else {
                    Err(Code::PayloadSignatureEncoding)
                };
            }
        };
        if ok {
            Ok(())
        } else {
            Err(Code::PayloadValueInvalid)
        }
    }
}

/// Every Application Identifier of the GS1 General Specifications, as ranges of AIs of the same
/// digit count: `(first, last, predefined value length or 0)`. From the GS1 Barcode Syntax Dictionary
/// (`gs1-syntax-dictionary.txt`, entries marked `*` have a predefined length and need no FNC1
/// separator) plus AIs 716, 7250–7259 and 8014 of later General Specifications. The AIs are
/// prefix-free, so at most one entry matches the start of an element string (FORMAT.md §1.2).
#[rustfmt::skip]
const GS1_AIS: &[(&str, &str, u8)] = &[
    ("00", "00", 18), ("01", "01", 14), ("02", "02", 14), ("10", "10", 0),
    ("11", "13", 6), ("15", "17", 6), ("20", "20", 2), ("21", "22", 0),
    ("235", "235", 0), ("240", "243", 0), ("250", "251", 0), ("253", "255", 0), ("30", "30", 0),
    ("3100", "3105", 6), ("3110", "3115", 6), ("3120", "3125", 6), ("3130", "3135", 6), ("3140", "3145", 6), ("3150", "3155", 6),
    ("3160", "3165", 6), ("3200", "3205", 6), ("3210", "3215", 6), ("3220", "3225", 6), ("3230", "3235", 6), ("3240", "3245", 6),
    ("3250", "3255", 6), ("3260", "3265", 6), ("3270", "3275", 6), ("3280", "3285", 6), ("3290", "3295", 6), ("3300", "3305", 6),
    ("3310", "3315", 6), ("3320", "3325", 6), ("3330", "3335", 6), ("3340", "3345", 6), ("3350", "3355", 6), ("3360", "3365", 6),
    ("3370", "3375", 6), ("3400", "3405", 6), ("3410", "3415", 6), ("3420", "3425", 6), ("3430", "3435", 6), ("3440", "3445", 6),
    ("3450", "3455", 6), ("3460", "3465", 6), ("3470", "3475", 6), ("3480", "3485", 6), ("3490", "3495", 6), ("3500", "3505", 6),
    ("3510", "3515", 6), ("3520", "3525", 6), ("3530", "3535", 6), ("3540", "3545", 6), ("3550", "3555", 6), ("3560", "3565", 6),
    ("3570", "3575", 6), ("3600", "3605", 6), ("3610", "3615", 6), ("3620", "3625", 6), ("3630", "3635", 6), ("3640", "3645", 6),
    ("3650", "3655", 6), ("3660", "3665", 6), ("3670", "3675", 6), ("3680", "3685", 6), ("3690", "3695", 6),
    ("37", "37", 0), ("3900", "3943", 0), ("3950", "3955", 0),
    ("400", "403", 0), ("410", "417", 13), ("420", "427", 0),
    ("4300", "4326", 0), ("4330", "4333", 0),
    ("7001", "7011", 0), ("7020", "7023", 0), ("7030", "7040", 0), ("710", "716", 0),
    ("7230", "7242", 0), ("7250", "7259", 0),
    ("8001", "8014", 0), ("8017", "8020", 0), ("8026", "8026", 0), ("8030", "8030", 0),
    ("8110", "8112", 0), ("8200", "8200", 0), ("90", "99", 0),
];

/// The GS1 Application Identifier at the start of `text`: its digits and its predefined value
/// length, if any. `None` when the text starts with no AI of the GS1 General Specifications.
pub fn gs1_ai_at(text: &str) -> Option<(&str, Option<usize>)> {
    (2..=4).find_map(|n| {
        let d = text.get(..n)?;
        if !all_digits(d) {
            return None;
        }
        GS1_AIS
            .iter()
            .find(|(a, b, _)| a.len() == n && *a <= d && d <= *b)
            .map(|&(_, _, len)| (d, (len > 0).then_some(usize::from(len))))
    })
}

/// Whether `digits` is exactly an AI of the GS1 General Specifications.
pub fn is_gs1_ai(digits: &str) -> bool {
    gs1_ai_at(digits).is_some_and(|(d, _)| d.len() == digits.len())
}

fn all_digits(v: &str) -> bool {
    v.bytes().all(|b| b.is_ascii_digit())
}

/// GS1 CSET 82: the printable ASCII subset allowed in alphanumeric AIs.
pub fn is_cset82(b: u8) -> bool {
    matches!(b,
        b'!' | b'"' | b'%'..=b'?' | b'A'..=b'Z' | b'_' | b'a'..=b'z')
}

/// GS1 CSET 64: the base64url alphabet plus `=` (we reject `=` later as padding).
pub fn is_cset64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=')
}

/// Validates YYMMDD; `day_zero_ok` allows DD=00 (the `yymmd0` rule).
fn yymmdd_ok(v: &str, day_zero_ok: bool) -> bool {
    let b = v.as_bytes();
    let n = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    let (yy, mm, dd) = (n(0), n(2), n(4));
    if !(1..=12).contains(&mm) {
        return false;
    }
    if dd == 0 {
        return day_zero_ok;
    }
    // The century is not known without a clock; 2000-based leap years match GS1's 1951–2050 window
    // for every year except 2000/2100 edge cases that cannot occur in a two-digit year.
    dd <= crate::time::days_in_month(2000 + i64::from(yy), mm)
}

/// The GS1 mod-10 check digit over all digits but the last.
pub fn check_digit_ok(digits: &str) -> bool {
    let b = digits.as_bytes();
    if b.len() < 2 || !all_digits(digits) {
        return false;
    }
    let (body, last) = b.split_at(b.len() - 1);
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &c)| u32::from(c - b'0') * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    (10 - sum % 10) % 10 == u32::from(last[0] - b'0')
}

/// Computes the check digit for a body of 13 digits (for tools that make GTINs).
pub fn check_digit(body: &str) -> Option<char> {
    if !all_digits(body) {
        return None;
    }
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, c)| u32::from(c - b'0') * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    char::from_digit((10 - sum % 10) % 10, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        assert!(check_digit_ok("08935012345677"));
        assert!(!check_digit_ok("08935012345678"));
        assert_eq!(check_digit("0893501234567"), Some('7'));
        assert!(check_digit_ok("09506000134352"));
    }

    #[test]
    fn gs1_table_is_prefix_free_and_agrees_with_the_profile() {
        // Every AI of every range, as digits.
        let mut all = Vec::new();
        for &(a, b, _) in GS1_AIS {
            assert_eq!(a.len(), b.len(), "{a}-{b}");
            assert!(a <= b, "{a}-{b}");
            let (x, y): (u32, u32) = (a.parse().expect("digits"), b.parse().expect("digits"));
            all.extend((x..=y).map(|n| format!("{n:0w$}", w = a.len())));
        }
        for x in &all {
            for y in &all {
                assert!(
                    x == y || !y.starts_with(x.as_str()),
                    "{x} is a prefix of {y}"
                );
            }
            assert_eq!(
                gs1_ai_at(&format!("{x}123456789012345678")).map(|r| r.0),
                Some(x.as_str())
            );
        }
        for ai in Ai::ALL {
            assert_eq!(
                gs1_ai_at(ai.digits()),
                Some((ai.digits(), ai.predefined_length())),
                "{ai:?}"
            );
        }
        for real in [
            "3103", "400", "8008", "99", "00", "235", "4333", "7259", "8014",
        ] {
            assert!(is_gs1_ai(real), "{real}");
            assert!(Ai::from_digits(real).is_none(), "{real}");
        }
        for fake in [
            "09", "89", "3106", "3170", "404", "8031", "7012", "1", "80301", "",
        ] {
            assert!(!is_gs1_ai(fake), "{fake}");
        }
        assert_eq!(gs1_ai_at("3103000500"), Some(("3103", Some(6))));
        assert_eq!(gs1_ai_at("4100000000000000"), Some(("410", Some(13))));
    }

    #[test]
    fn formats() {
        assert_eq!(Ai::Expiry.validate("261231"), Ok(()));
        assert_eq!(Ai::Expiry.validate("261200"), Ok(()));
        assert_eq!(Ai::Expiry.validate("261232"), Err(Code::PayloadDateInvalid));
        assert_eq!(Ai::Expiry.validate("260229"), Err(Code::PayloadDateInvalid));
        assert_eq!(Ai::Expiry.validate("280229"), Ok(()));
        assert_eq!(Ai::Expiry.validate("2612"), Err(Code::PayloadValueInvalid));
        assert_eq!(Ai::HarvestDate.validate("260110"), Ok(()));
        assert_eq!(
            Ai::HarvestDate.validate("260100"),
            Err(Code::PayloadDateInvalid)
        );
        assert_eq!(Ai::HarvestDate.validate("260110260120"), Ok(()));
        assert_eq!(
            Ai::HarvestDate.validate("260120260110"),
            Err(Code::PayloadDateInvalid)
        );
        assert_eq!(Ai::Lot.validate("CF2406A"), Ok(()));
        assert_eq!(Ai::Lot.validate("CF 24"), Err(Code::PayloadValueInvalid));
        assert_eq!(Ai::Lot.validate("Cà phê"), Err(Code::PayloadValueInvalid));
        assert_eq!(Ai::Lot.validate(""), Err(Code::PayloadValueEmpty));
        assert_eq!(Ai::Lot.validate("."), Err(Code::PayloadValueInvalid));
        assert_eq!(Ai::Serial.validate(".."), Err(Code::PayloadValueInvalid));
        assert_eq!(Ai::Serial.validate("..."), Ok(()));
        assert_eq!(
            Ai::Lot.validate(&"A".repeat(21)),
            Err(Code::PayloadValueInvalid)
        );
        assert_eq!(Ai::Origin.validate("704"), Ok(()));
        assert_eq!(Ai::Origin.validate("70"), Err(Code::PayloadValueInvalid));
    }
}
