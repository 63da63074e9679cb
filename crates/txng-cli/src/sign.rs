//! `txng sign`: signs one label with a producer key and prints its GS1 Digital Link URI; optionally
//! writes the QR code as SVG and PNG. The label rules (formats, check digit, order) are the core's:
//! `sign_label` refuses what a verifier would refuse, and the CLI shows the core's code and words.
//! The helpers here (dates, attributes) are shared with the batch mode.

use crate::cli::SignArgs;
use crate::error::{CliError, Result};
use crate::keys::{self, io_error};
use crate::text::{fill, T};
use ed25519_dalek::SigningKey;
use std::process::ExitCode;
use txng_core::link::ParseError;
use txng_core::{message, sign::sign_label, Ai, LabelData, Lang};

/// The label fields as text, before they are checked.
#[derive(Default)]
pub struct LabelInput<'a> {
    pub gtin: &'a str,
    pub cpv: Option<&'a str>,
    pub lot: &'a str,
    pub serial: &'a str,
    pub prod_date: Option<&'a str>,
    pub pack_date: Option<&'a str>,
    pub best_before: Option<&'a str>,
    pub expiry: Option<&'a str>,
    pub harvest: Option<&'a str>,
    pub origin: Option<&'a str>,
}

/// Why a label could not be signed, before it is worded.
pub enum LabelError {
    /// A date argument is neither YYMMDD nor YYYY-MM-DD (field name, value).
    Date(&'static str, String),
    /// The core refused the data.
    Core(ParseError),
}

impl LabelError {
    /// The error worded for the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LabelError::Date(field, v) => fill(T::BadDate.get(lang), &[field, v]),
            LabelError::Core(e) => {
                let m = message(e.code, lang);
                format!("{} — {}: {} ({})", e.code, m.title, m.explanation, e.detail)
            }
        }
    }

    /// The core's status code, if the core refused the data.
    pub fn code(&self) -> Option<txng_core::Code> {
        match self {
            LabelError::Date(..) => None,
            LabelError::Core(e) => Some(e.code),
        }
    }

    /// As a CLI error: the message, and the core's code when it is the core's refusal.
    pub fn into_cli(self, lang: Lang) -> CliError {
        match self.code() {
            Some(code) => CliError::refused(code, self.message(lang)),
            None => CliError::new(self.message(lang)),
        }
    }
}

/// `YYMMDD` from `YYMMDD` or `YYYY-MM-DD` (the core then checks the date is real).
pub fn gs1_date(v: &str) -> Option<String> {
    let v = v.trim();
    let b = v.as_bytes();
    if b.len() == 6 && b.iter().all(u8::is_ascii_digit) {
        return Some(v.to_string());
    }
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [&b[0..4], &b[5..7], &b[8..10]]
            .iter()
            .all(|p| p.iter().all(u8::is_ascii_digit))
    {
        return Some(format!("{}{}{}", &v[2..4], &v[5..7], &v[8..10]));
    }
    None
}

/// AI 7007 from `DATE`, `DATE..DATE` or the 12-digit GS1 form.
pub fn harvest(v: &str) -> Option<String> {
    let v = v.trim();
    if v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()) {
        return Some(v.to_string());
    }
    match v.split_once("..") {
        Some((a, b)) => Some(gs1_date(a)? + &gs1_date(b)?),
        None => gs1_date(v),
    }
}

impl LabelInput<'_> {
    /// The label data, dates converted; the core validates the rest when signing.
    pub fn to_data(&self) -> std::result::Result<LabelData, LabelError> {
        let mut attributes = Vec::new();
        let dates = [
            (Ai::ProductionDate, "prod_date", self.prod_date),
            (Ai::PackagingDate, "pack_date", self.pack_date),
            (Ai::BestBefore, "best_before", self.best_before),
            (Ai::Expiry, "expiry", self.expiry),
        ];
        for (ai, field, v) in dates {
            if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
                let d = gs1_date(v).ok_or_else(|| LabelError::Date(field, v.to_string()))?;
                attributes.push((ai, d));
            }
        }
        if let Some(v) = self.harvest.filter(|v| !v.trim().is_empty()) {
            let d = harvest(v).ok_or_else(|| LabelError::Date("harvest", v.to_string()))?;
            attributes.push((Ai::HarvestDate, d));
        }
        if let Some(o) = self.origin.filter(|v| !v.trim().is_empty()) {
            attributes.push((Ai::Origin, o.trim().to_string()));
        }
        Ok(LabelData {
            gtin: self.gtin.trim().to_string(),
            cpv: self.cpv.map(|c| c.trim().to_string()),
            lot: self.lot.trim().to_string(),
            serial: self.serial.trim().to_string(),
            attributes,
        })
    }

    /// Signs the label and returns its URI on `base`.
    pub fn sign_uri(
        &self,
        key_number: u16,
        key: &SigningKey,
        base: &str,
    ) -> std::result::Result<String, LabelError> {
        let uri = self.sign_link(key_number, key)?.to_uri(base);
        // Never print a label the verifier refuses (FORMAT.md §1.1, §1.6): e.g. a base with
        // userinfo, a non-canonical IPv4 form, an IDN host or a `.` segment.
        txng_core::parse(&uri).map_err(LabelError::Core)?;
        Ok(uri)
    }

    /// Signs the label.
    pub fn sign_link(
        &self,
        key_number: u16,
        key: &SigningKey,
    ) -> std::result::Result<txng_core::link::SignedLink, LabelError> {
        sign_label(self.to_data()?, key_number, key).map_err(LabelError::Core)
    }
}

/// Runs `txng sign` for one label.
pub fn run(a: &SignArgs, lang: Lang) -> Result<ExitCode> {
    let key = keys::read_key(&a.key, lang)?;
    let input = LabelInput {
        gtin: a.gtin.as_deref().unwrap_or_default(),
        cpv: a.cpv.as_deref(),
        lot: a.lot.as_deref().unwrap_or_default(),
        serial: a.serial.as_deref().unwrap_or_default(),
        prod_date: a.prod_date.as_deref(),
        pack_date: a.pack_date.as_deref(),
        best_before: a.best_before.as_deref(),
        expiry: a.expiry.as_deref(),
        harvest: a.harvest.as_deref(),
        origin: a.origin.as_deref(),
    };
    let link = input
        .sign_link(a.producer_number, &key)
        .map_err(|e| e.into_cli(lang))?;
    // The printed line: the URI, or for an element string its bracketed human-readable form (the
    // element string itself has GS bytes, invisible in a terminal).
    let (printed, content) = if a.element_string {
        (link.to_bracketed(), link.to_element_string())
    } else {
        let uri = link.to_uri(&a.base);
        (uri.clone(), uri)
    };
    if a.qr_svg.is_some() || a.qr_png.is_some() {
        let m = if a.element_string {
            crate::qr::encode_gs1(&content, a.ec)
        } else {
            crate::qr::encode(&content, a.ec)
        }
        .map_err(|e| CliError::new(fill(T::QrError.get(lang), &[&e])))?;
        if let Some(p) = &a.qr_svg {
            std::fs::write(p, m.svg(a.quiet_zone)).map_err(|e| io_error(p, &e, lang))?;
            eprintln!("{}", fill(T::QrWritten.get(lang), &[&p.display()]));
        }
        if let Some(p) = &a.qr_png {
            let png = m
                .png(a.quiet_zone, a.png_scale)
                .map_err(|e| CliError::new(fill(T::QrError.get(lang), &[&e])))?;
            std::fs::write(p, png).map_err(|e| io_error(p, &e, lang))?;
            eprintln!("{}", fill(T::QrWritten.get(lang), &[&p.display()]));
        }
    }
    println!("{printed}");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_arguments() {
        assert_eq!(gs1_date("261231").as_deref(), Some("261231"));
        assert_eq!(gs1_date("2026-12-31").as_deref(), Some("261231"));
        assert_eq!(gs1_date("31/12/2026"), None);
        assert_eq!(
            harvest("2026-01-10..2026-01-20").as_deref(),
            Some("260110260120")
        );
        assert_eq!(harvest("260110").as_deref(), Some("260110"));
    }

    #[test]
    fn a_base_the_verifier_refuses_is_an_error() {
        let input = LabelInput {
            gtin: "08935012345677",
            cpv: None,
            lot: "CF2406A",
            serial: "000123",
            prod_date: None,
            pack_date: None,
            best_before: None,
            expiry: None,
            harvest: None,
            origin: None,
        };
        let key = SigningKey::from_bytes(&[7; 32]);
        let ok = input.sign_uri(1, &key, "https://TruyXuat.QuangTri.gov.vn/");
        assert!(ok.is_ok_and(|u| u.starts_with("https://TruyXuat.QuangTri.gov.vn/01/")));
        for base in [
            "https://user@truyxuat.quangtri.gov.vn",
            "https://evil.example\\@truyxuat.quangtri.gov.vn",
            "http://0x7f.1:8080",
            "https://truyxuat.quangtri.gov.vn/a/../b",
        ] {
            let code = match input.sign_uri(1, &key, base) {
                Err(LabelError::Core(e)) => Some(e.code),
                _ => None,
            };
            assert_eq!(code, Some(txng_core::Code::PayloadPathInvalid), "{base}");
        }
    }

    #[test]
    fn a_core_refusal_keeps_its_code_and_message() {
        let mut input = LabelInput {
            gtin: "08935012345678",
            cpv: None,
            lot: "CF2406A",
            serial: "000123",
            prod_date: None,
            pack_date: None,
            best_before: None,
            expiry: None,
            harvest: None,
            origin: None,
        };
        let key = SigningKey::from_bytes(&[7; 32]);
        let Err(refusal) = input.sign_link(1, &key) else {
            panic!("a GTIN with a wrong check digit is signed");
        };
        let message = refusal.message(Lang::Vi);
        let e = refusal.into_cli(Lang::Vi);
        assert_eq!(e.code(), Some(txng_core::Code::PayloadGtinCheckDigit));
        assert_eq!(e.to_string(), message);
        assert!(
            message.starts_with("payload.gtin_check_digit — "),
            "{message}"
        );

        // A date the CLI itself cannot read is the CLI's error: no core code.
        input.gtin = "08935012345677";
        input.expiry = Some("31/12/2026");
        let Err(refusal) = input.sign_link(1, &key) else {
            panic!("an unreadable date is signed");
        };
        assert_eq!(refusal.into_cli(Lang::En).code(), None);
    }
}
