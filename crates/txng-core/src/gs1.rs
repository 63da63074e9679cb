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
            Ai::Cpv | Ai::Lot | Ai::Serial => v.len() <= 20 && v.bytes().all(is_cset82),
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
        assert_eq!(
            Ai::Lot.validate(&"A".repeat(21)),
            Err(Code::PayloadValueInvalid)
        );
        assert_eq!(Ai::Origin.validate("704"), Ok(()));
        assert_eq!(Ai::Origin.validate("70"), Err(Code::PayloadValueInvalid));
    }
}
