//! The simple electronic diary (nhật ký điện tử) a cooperative keeps in a spreadsheet: one row per
//! step, with the date, the step in Vietnamese or English, the place, who did it and notes, plus an
//! optional farm input and quantity. Each row becomes an EPCIS 2.0 `ObjectEvent` on the lot, with
//! txng's extensions (`txng:placeName`, `txng:actor`, `txng:notes`, `txng:inputs`).

use crate::text::{fill, T};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use txng_core::vocab::{KnownStep, Step};
use txng_core::Lang;

/// One diary row.
#[derive(Deserialize)]
pub struct DiaryRow {
    date: String,
    step: String,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    actor: Option<String>,
    #[serde(default)]
    notes: Option<String>,
    #[serde(default)]
    disposition: Option<String>,
    #[serde(default)]
    input_kind: Option<String>,
    #[serde(default)]
    input_name: Option<String>,
    #[serde(default)]
    active_ingredient: Option<String>,
    #[serde(default)]
    dose: Option<String>,
    #[serde(default)]
    phi_days: Option<String>,
    #[serde(default)]
    quantity: Option<String>,
    #[serde(default)]
    uom: Option<String>,
}

/// Words people write in a diary for steps, beyond each step's own labels.
const SYNONYMS: &[(&str, KnownStep)] = &[
    ("trồng", KnownStep::Planting),
    ("trồng cây", KnownStep::Planting),
    ("gieo", KnownStep::Planting),
    ("tưới", KnownStep::Caring),
    ("tưới nước", KnownStep::Caring),
    ("làm cỏ", KnownStep::Caring),
    ("tỉa cành", KnownStep::Caring),
    ("phun thuốc", KnownStep::Spraying),
    ("phun thuốc bvtv", KnownStep::Spraying),
    ("phơi", KnownStep::Drying),
    ("sấy", KnownStep::Drying),
    ("sơ chế", KnownStep::Processing),
    ("chế biến", KnownStep::Processing),
    ("xát vỏ", KnownStep::Processing),
    ("rang xay", KnownStep::Roasting),
    ("kiểm tra", KnownStep::Inspecting),
    ("kiểm nghiệm", KnownStep::Sampling),
    ("lấy mẫu", KnownStep::Sampling),
    ("nhập kho", KnownStep::Storing),
    ("bảo quản", KnownStep::Storing),
    ("xuất kho", KnownStep::Shipping),
    ("giao hàng", KnownStep::Shipping),
    ("bán", KnownStep::RetailSelling),
];

/// The known step for a diary word: a step word (`harvesting`), its Vietnamese or English label
/// (`Thu hoạch`, any case), a common synonym, or a CBV/txng URI.
pub fn step_from_word(word: &str) -> Option<KnownStep> {
    let w = crate::nfc::string(word.trim().to_string()).to_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    KnownStep::ALL
        .iter()
        .copied()
        .find(|k| {
            k.word() == w
                || k.label(Lang::Vi).to_lowercase() == w
                || k.label(Lang::En).to_lowercase() == w
        })
        .or_else(|| SYNONYMS.iter().find(|(s, _)| *s == w).map(|(_, k)| *k))
        .or_else(|| Step::from_uri(word.trim()).known)
}

/// `YYYY-MM-DDTHH:MM:00+07:00` from `YYYY-MM-DD` (00:00) or `YYYY-MM-DD HH:MM`, Vietnam time.
pub fn event_time(s: &str) -> Option<String> {
    let s = s.trim();
    let (date, time) = match s.split_once([' ', 'T']) {
        Some((d, t)) => (d, t.trim()),
        None => (s, "00:00"),
    };
    let t = match time.len() {
        5 => format!("{time}:00"),
        8 => time.to_string(),
        _ => return None,
    };
    let text = format!("{date}T{t}+07:00");
    txng_core::time::parse_rfc3339(&text).map(|_| text)
}

fn opt(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| crate::nfc::string(s.to_string()))
}

/// The EPCIS event of a row (`line` is the CSV line, for messages).
pub fn row_to_event(
    r: &DiaryRow,
    epc_class: &str,
    line: usize,
    lang: Lang,
) -> Result<Value, String> {
    let at = |msg: String| format!("{} {line}: {msg}", T::Row.get(lang));
    let at_col = |col: &str, msg: String| {
        format!(
            "{} {line}, {} {col}: {msg}",
            T::Row.get(lang),
            T::Column.get(lang)
        )
    };
    let time =
        event_time(&r.date).ok_or_else(|| at(fill(T::DiaryBadDate.get(lang), &[&r.date])))?;
    let step =
        step_from_word(&r.step).ok_or_else(|| at(fill(T::DiaryBadStep.get(lang), &[&r.step])))?;
    let mut e = Map::new();
    e.insert("type".into(), "ObjectEvent".into());
    e.insert("eventTime".into(), time.into());
    e.insert("eventTimeZoneOffset".into(), "+07:00".into());
    e.insert("action".into(), "OBSERVE".into());
    e.insert("bizStep".into(), Step::canonical(step).into());
    if let Some(d) = opt(&r.disposition) {
        e.insert("disposition".into(), d.into());
    }
    let mut q = Map::new();
    q.insert("epcClass".into(), epc_class.into());
    if let Some(s) = opt(&r.quantity) {
        let n = vn_number(&s).map_err(|e| at_col("quantity", e.message(&s, lang)))?;
        q.insert("quantity".into(), json!(n));
        if let Some(u) = opt(&r.uom) {
            q.insert("uom".into(), u.into());
        }
    }
    e.insert("quantityList".into(), json!([q]));
    if let Some(p) = opt(&r.place) {
        e.insert("txng:placeName".into(), p.into());
    }
    if let Some(p) = opt(&r.actor) {
        e.insert("txng:actor".into(), p.into());
    }
    if let Some(p) = opt(&r.notes) {
        e.insert("txng:notes".into(), p.into());
    }
    if let Some(name) = opt(&r.input_name) {
        let mut i = Map::new();
        let kind = match opt(&r.input_kind) {
            None => "other",
            Some(k) => input_kind(&k)
                .ok_or_else(|| at_col("input_kind", fill(T::DiaryBadInputKind.get(lang), &[&k])))?,
        };
        i.insert("kind".into(), kind.into());
        i.insert("name".into(), name.into());
        if let Some(x) = opt(&r.active_ingredient) {
            i.insert("active_ingredient".into(), x.into());
        }
        if let Some(x) = opt(&r.dose) {
            i.insert("dose".into(), x.into());
        }
        if let Some(x) = opt(&r.phi_days) {
            let n: u32 = x
                .parse()
                .ok()
                .filter(|n| *n <= MAX_PHI_DAYS && x.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| {
                    at_col(
                        "phi_days",
                        fill(T::NumNotWhole.get(lang), &[&x, &MAX_PHI_DAYS]),
                    )
                })?;
            i.insert("phi_days".into(), n.into());
        }
        e.insert("txng:inputs".into(), json!([i]));
    } else if let Some(k) = opt(&r.input_kind) {
        return Err(at_col(
            "input_name",
            fill(T::DiaryKindWithoutName.get(lang), &[&k]),
        ));
    }
    Ok(Value::Object(e))
}

/// A pre-harvest interval longer than this (days) is a typing mistake, not an interval.
const MAX_PHI_DAYS: u32 = 3650;

/// The input kind of a diary word (English or Vietnamese, any case); `None` if unknown.
pub fn input_kind(word: &str) -> Option<&'static str> {
    let w = crate::nfc::string(word.trim().to_string()).to_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match w.as_str() {
        "fertiliser" | "fertilizer" | "phân bón" | "phân" => "fertiliser",
        "pesticide" | "thuốc bvtv" | "thuốc bảo vệ thực vật" | "thuốc" => "pesticide",
        "other" | "khác" | "vật tư khác" => "other",
        _ => return None,
    })
}

/// Most significant digits a diary number may have: every such decimal survives the trip through
/// an IEEE double (and JSON) unchanged, so nothing is silently rounded.
pub const MAX_DIGITS: usize = 15;

/// Why a diary number was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum NumError {
    /// `3.2`, `3.20`, `1.2345`: a dot that is not a thousands separator (Vietnamese notation).
    Ambiguous,
    /// `1,234.5`: English notation.
    English,
    /// Not digits, dots and one comma (`NaN`, `inf`, `1e5`, `3,5,1`, empty).
    NotNumber,
    /// A minus sign.
    Negative,
    /// More than [`MAX_DIGITS`] digits.
    TooLong,
}

impl NumError {
    /// The message, in the user's language, for the cell `s`.
    pub fn message(&self, s: &str, lang: Lang) -> String {
        match self {
            NumError::Ambiguous => {
                let (int, frac) = s.split_once('.').unwrap_or((s, ""));
                let as_decimal = format!("{int},{frac}");
                fill(T::NumAmbiguous.get(lang), &[&s, &as_decimal])
            }
            NumError::English => {
                let vn: String = s
                    .chars()
                    .map(|c| match c {
                        ',' => '.',
                        '.' => ',',
                        c => c,
                    })
                    .collect();
                fill(T::NumEnglish.get(lang), &[&s, &vn])
            }
            NumError::NotNumber => fill(T::NumNotNumber.get(lang), &[&s]),
            NumError::Negative => fill(T::NumNegative.get(lang), &[&s]),
            NumError::TooLong => fill(T::NumTooLong.get(lang), &[&s, &MAX_DIGITS]),
        }
    }
}

/// A non-negative number as Vietnamese users write it: `.` separates thousands (`3.200` is three
/// thousand two hundred, `1.234.567`), `,` is the decimal mark (`3,5`). Refused rather than
/// guessed: a dot that cannot be a thousands separator (`3.2`), English notation (`1,234.5`),
/// signs, exponents, `NaN`/`inf`, and more than [`MAX_DIGITS`] digits.
pub fn vn_number(s: &str) -> Result<f64, NumError> {
    let s = s.trim();
    if s.starts_with('-') || s.starts_with('\u{2212}') {
        return Err(NumError::Negative);
    }
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return Err(NumError::NotNumber);
    }
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if let Some(f) = frac {
        if f.contains('.') {
            // `1,234.5`: a comma before a dot is English notation.
            return Err(if f.contains(',') {
                NumError::NotNumber
            } else {
                NumError::English
            });
        }
        if f.contains(',') || f.is_empty() {
            return Err(NumError::NotNumber);
        }
    }
    let groups: Vec<&str> = int.split('.').collect();
    let first_ok = groups
        .first()
        .is_some_and(|g| !g.is_empty() && (groups.len() == 1 || g.len() <= 3));
    if !first_ok {
        return Err(NumError::NotNumber);
    }
    if groups.iter().skip(1).any(|g| g.len() != 3) {
        return Err(
            if groups.len() == 2 && frac.is_none() && !groups[1].is_empty() {
                NumError::Ambiguous
            } else {
                NumError::NotNumber
            },
        );
    }
    let digits: String = groups.concat();
    let frac = frac.unwrap_or("");
    let significant = digits.trim_start_matches('0').len() + frac.len();
    if significant > MAX_DIGITS {
        return Err(NumError::TooLong);
    }
    let text = if frac.is_empty() {
        digits
    } else {
        format!("{digits}.{frac}")
    };
    text.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or(NumError::NotNumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers() {
        let ok = [
            ("3.200", 3200.0),
            ("3,5", 3.5),
            ("1200", 1200.0),
            ("1.234.567", 1_234_567.0),
            ("1.234.567,89", 1_234_567.89),
            ("0,25", 0.25),
            ("0", 0.0),
            ("12.000,5", 12_000.5),
            (" 7 ", 7.0),
        ];
        for (s, want) in ok {
            assert_eq!(vn_number(s), Ok(want), "{s}");
        }
        let bad = [
            ("3.2", NumError::Ambiguous),
            ("3.20", NumError::Ambiguous),
            ("1.2345", NumError::Ambiguous),
            ("1,234.5", NumError::English),
            ("-3", NumError::Negative),
            ("−3", NumError::Negative),
            ("NaN", NumError::NotNumber),
            ("nan", NumError::NotNumber),
            ("inf", NumError::NotNumber),
            ("Infinity", NumError::NotNumber),
            ("1e400", NumError::NotNumber),
            ("1e5", NumError::NotNumber),
            ("+3", NumError::NotNumber),
            ("3,5,1", NumError::NotNumber),
            ("3,", NumError::NotNumber),
            (".5", NumError::NotNumber),
            ("1..000", NumError::NotNumber),
            ("1.000.00", NumError::NotNumber),
            ("1234.567", NumError::NotNumber),
            ("3 200", NumError::NotNumber),
            ("", NumError::NotNumber),
            (
                "99999999999999999999999999999999999999999999999999",
                NumError::TooLong,
            ),
            ("1234567890123456", NumError::TooLong),
            ("0,1234567890123456", NumError::TooLong),
        ];
        for (s, want) in bad {
            assert_eq!(vn_number(s), Err(want), "{s}");
        }
    }

    /// Generated: every number written in Vietnamese notation (grouped or not, with or without a
    /// decimal part) reads back as exactly the number that was written.
    #[test]
    fn vietnamese_notation_round_trips() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let int = x % 10u64.pow(u32::try_from(x % 12).expect("small"));
            let frac_len = usize::try_from((x >> 20) % 4).expect("small");
            let frac = format!("{:03}", (x >> 30) % 1000)[..frac_len].to_string();
            let plain = int.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 && (x >> 40) % 2 == 0 {
                    grouped.push('.');
                }
                grouped.push(c);
            }
            let written = if frac.is_empty() {
                grouped
            } else {
                format!("{grouped},{frac}")
            };
            let want: f64 = if frac.is_empty() {
                plain.clone()
            } else {
                format!("{plain}.{frac}")
            }
            .parse()
            .expect("reference parse");
            assert_eq!(vn_number(&written), Ok(want), "{written}");
        }
    }

    #[test]
    fn diary_words() {
        assert_eq!(step_from_word("Thu hoạch"), Some(KnownStep::Harvesting));
        assert_eq!(step_from_word("THU HOẠCH"), Some(KnownStep::Harvesting));
        assert_eq!(step_from_word("harvesting"), Some(KnownStep::Harvesting));
        assert_eq!(step_from_word("Bón phân"), Some(KnownStep::Fertilising));
        assert_eq!(step_from_word("Phơi"), Some(KnownStep::Drying));
        assert_eq!(step_from_word("shipping"), Some(KnownStep::Shipping));
        assert_eq!(
            step_from_word("urn:txng:bizstep:roasting"),
            Some(KnownStep::Roasting)
        );
        assert_eq!(step_from_word("nhảy múa"), None);
        assert_eq!(
            event_time("2026-01-10").as_deref(),
            Some("2026-01-10T00:00:00+07:00")
        );
        assert_eq!(
            event_time("2026-01-10 07:30").as_deref(),
            Some("2026-01-10T07:30:00+07:00")
        );
        assert_eq!(event_time("10/01/2026"), None);
    }
}
