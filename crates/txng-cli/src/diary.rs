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
        let n: f64 = s
            .replace(',', ".")
            .parse()
            .map_err(|_| at(fill(T::DiaryBadNumber.get(lang), &[&"quantity", &s])))?;
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
        let kind = opt(&r.input_kind).unwrap_or_else(|| "other".into());
        let kind = match kind.to_lowercase().as_str() {
            "fertiliser" | "fertilizer" | "phân bón" | "phân" => "fertiliser".to_string(),
            "pesticide" | "thuốc bvtv" | "thuốc bảo vệ thực vật" | "thuốc" => {
                "pesticide".to_string()
            }
            other => other.to_string(),
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
                .map_err(|_| at(fill(T::DiaryBadNumber.get(lang), &[&"phi_days", &x])))?;
            i.insert("phi_days".into(), n.into());
        }
        e.insert("txng:inputs".into(), json!([i]));
    }
    Ok(Value::Object(e))
}

#[cfg(test)]
mod tests {
    use super::*;

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
