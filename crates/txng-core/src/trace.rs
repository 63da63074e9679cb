//! The trace document: the product and the lot's EPCIS 2.0 events, signed by the producer
//! (FORMAT.md §3). Events are read from the standard EPCIS 2.0 JSON shape and normalised into the
//! few fields a shopper sees; unknown fields are ignored.

use crate::fields::{list, object, strings, Read};
use crate::registry::Certification;
use crate::status::{Check, Code};
use crate::time::{parse_offset, parse_rfc3339, UnixTime};
use crate::vocab::Step;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Largest trace JWS accepted, in bytes (FORMAT.md §4.3).
pub const MAX_TRACE_BYTES: usize = 1024 * 1024;

/// Most events accepted in one trace document.
pub const MAX_EVENTS: usize = 1000;

/// The trace format this verifier reads.
pub const TRACE_FORMAT: &str = "txng-trace/1";

/// The product, as the producer describes it (Vietnamese text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// Product name.
    #[serde(default)]
    pub name: String,
    /// Brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// Category, e.g. "Cà phê rang xay".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Net content, e.g. "500 g".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_content: Option<String>,
    /// Image URL: `https:` or an origin-relative path (FORMAT.md §3.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// OCOP rating: stars (3–5) and year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocop: Option<Ocop>,
    /// Product certifications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Certification>,
    /// Standards applied (TCVN, QCVN, company standard), a minimum item of Thông tư
    /// 02/2024/TT-BKHCN (FORMAT.md §3.3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<Standard>,
    /// Whether the product has an expiry date at all (fresh or packaged food: yes). Default true.
    #[serde(default = "yes")]
    pub has_expiry: bool,
    /// Expiry date of the lot (`YYYY-MM-DD`), when the label does not carry AI 15 or 17.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<String>,
    /// Storage instructions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<String>,
}

fn yes() -> bool {
    true
}

/// A standard the product is made to: a TCVN, a QCVN or the company's own standard (TCCS).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standard {
    /// `tcvn` (national standard), `qcvn` (national technical regulation), `tccs` (company
    /// standard) or `other` (FORMAT.md §3.3).
    #[serde(default)]
    pub kind: String,
    /// Its number as published, e.g. `TCVN 5251:2015`, `QCVN 8-2:2011/BYT`, `TCCS 01:2024/HTX`.
    #[serde(default)]
    pub number: String,
    /// Its title, e.g. "Cà phê bột".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Standard {
    /// `TCVN 5251:2015 (Cà phê bột)`, or the number alone.
    pub fn display(&self) -> String {
        match self
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            Some(n) => format!("{} ({n})", self.number.trim()),
            None => self.number.trim().to_string(),
        }
    }

    /// Every standard with a number, displayed, joined by `; `.
    pub fn list(standards: &[Standard]) -> String {
        standards
            .iter()
            .filter(|s| !s.number.trim().is_empty())
            .map(Standard::display)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// An OCOP rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ocop {
    /// Stars, 3 to 5.
    pub stars: u8,
    /// Year of the rating.
    pub year: u16,
}

/// A farm input applied in an event: fertiliser or pesticide, with its pre-harvest interval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FarmInput {
    /// `fertiliser`, `pesticide` or `other`.
    #[serde(default)]
    pub kind: String,
    /// Trade or common name.
    pub name: String,
    /// Active ingredient (pesticides).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_ingredient: Option<String>,
    /// Dose, e.g. "300 kg/ha".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dose: Option<String>,
    /// Pre-harvest interval in days (thời gian cách ly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phi_days: Option<u32>,
}

/// A quantity of a product class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// EPC class (product class URI).
    #[serde(rename = "epcClass", default)]
    pub epc_class: String,
    /// Amount.
    #[serde(default)]
    pub quantity: Option<f64>,
    /// UN/CEFACT unit code (KGM, TNE, LTR, H87…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uom: Option<String>,
}

/// One sensor reading.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SensorReading {
    /// Measurement type, e.g. `gs1:Temperature`.
    pub kind: String,
    /// Value.
    pub value: Option<f64>,
    /// Text value.
    pub text: Option<String>,
    /// UN/CEFACT unit code (CEL, P1…).
    pub uom: Option<String>,
}

/// An event, normalised for display.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TraceEvent {
    /// EPCIS event type (`ObjectEvent`, `TransformationEvent`, `AggregationEvent`, …).
    pub event_type: String,
    /// When it happened.
    pub time: UnixTime,
    /// The event's own UTC offset in minutes.
    pub offset_minutes: i32,
    /// Business step.
    pub step: Option<Step>,
    /// Disposition (bare CBV word or URI as given).
    pub disposition: Option<String>,
    /// Place name (`txng:placeName`), else the bizLocation/readPoint id.
    pub place: Option<String>,
    /// Who did it (`txng:actor`).
    pub actor: Option<String>,
    /// Diary notes (`txng:notes`).
    pub notes: Option<String>,
    /// Fertiliser and pesticide entries (`txng:inputs`).
    pub inputs: Vec<FarmInput>,
    /// Quantities of the goods the event is about or produces (quantityList, output and child
    /// lists).
    pub quantities: Vec<Quantity>,
    /// Quantities consumed by a transformation (inputQuantityList): shown as "in → out".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub input_quantities: Vec<Quantity>,
    /// Sensor readings.
    pub sensors: Vec<SensorReading>,
    /// Certificate links (`certificationInfo`).
    pub certificates: Vec<String>,
    /// Instance/lot master data (`ilmd`), flattened to text pairs.
    pub ilmd: Vec<(String, String)>,
    /// Whether the event names the goods it is about: an EPC, an EPC class in a quantity list, or
    /// an aggregation's parent (txng's EPCIS profile, FORMAT.md §3.6).
    pub has_goods: bool,
}

impl TraceEvent {
    /// Whether the event marks the lot as recalled.
    pub fn is_recall(&self) -> bool {
        self.disposition_kind() == Some(crate::vocab::Disposition::Recalled)
    }

    /// The disposition, typed.
    pub fn disposition_kind(&self) -> Option<crate::vocab::Disposition> {
        self.disposition
            .as_deref()
            .map(crate::vocab::Disposition::from_uri)
    }
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct IdRef {
    id: String,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct RawSensorReport {
    #[cfg_attr(test, serde(rename = "type", default))]
    kind: String,
    #[cfg_attr(test, serde(default))]
    value: Option<f64>,
    #[cfg_attr(test, serde(rename = "stringValue", default))]
    string_value: Option<String>,
    #[cfg_attr(test, serde(default))]
    uom: Option<String>,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct RawSensorElement {
    #[cfg_attr(test, serde(rename = "sensorReport", default))]
    sensor_report: Vec<RawSensorReport>,
}

/// `certificationInfo`: one IRI or a list of them (EPCIS 2.0).
#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
#[cfg_attr(test, serde(untagged))]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct RawEvent {
    #[cfg_attr(test, serde(rename = "type"))]
    event_type: String,
    #[cfg_attr(test, serde(rename = "eventTime"))]
    event_time: String,
    #[cfg_attr(test, serde(rename = "eventTimeZoneOffset"))]
    offset: String,
    #[cfg_attr(test, serde(rename = "bizStep", default))]
    biz_step: Option<String>,
    #[cfg_attr(test, serde(default))]
    disposition: Option<String>,
    #[cfg_attr(test, serde(rename = "readPoint", default))]
    read_point: Option<IdRef>,
    #[cfg_attr(test, serde(rename = "bizLocation", default))]
    biz_location: Option<IdRef>,
    #[cfg_attr(test, serde(rename = "quantityList", default))]
    quantity_list: Vec<Quantity>,
    #[cfg_attr(test, serde(rename = "inputQuantityList", default))]
    input_quantity_list: Vec<Quantity>,
    #[cfg_attr(test, serde(rename = "outputQuantityList", default))]
    output_quantity_list: Vec<Quantity>,
    #[cfg_attr(test, serde(rename = "childQuantityList", default))]
    child_quantity_list: Vec<Quantity>,
    #[cfg_attr(test, serde(rename = "epcList", default))]
    epc_list: Vec<String>,
    #[cfg_attr(test, serde(rename = "inputEPCList", default))]
    input_epc_list: Vec<String>,
    #[cfg_attr(test, serde(rename = "outputEPCList", default))]
    output_epc_list: Vec<String>,
    #[cfg_attr(test, serde(rename = "childEPCs", default))]
    child_epcs: Vec<String>,
    #[cfg_attr(test, serde(rename = "parentID", default))]
    parent_id: Option<String>,
    #[cfg_attr(test, serde(rename = "sensorElementList", default))]
    sensor_element_list: Vec<RawSensorElement>,
    #[cfg_attr(test, serde(rename = "certificationInfo", default))]
    certification_info: Option<OneOrMany>,
    #[cfg_attr(test, serde(default))]
    ilmd: Option<serde_json::Map<String, serde_json::Value>>,
    #[cfg_attr(test, serde(rename = "txng:placeName", default))]
    place_name: Option<String>,
    #[cfg_attr(test, serde(rename = "txng:actor", default))]
    actor: Option<String>,
    #[cfg_attr(test, serde(rename = "txng:notes", default))]
    notes: Option<String>,
    #[cfg_attr(test, serde(rename = "txng:inputs", default))]
    inputs: Vec<FarmInput>,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct RawBody {
    #[cfg_attr(test, serde(rename = "eventList"))]
    event_list: Vec<RawEvent>,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct RawEpcis {
    #[cfg_attr(test, serde(rename = "type"))]
    doc_type: String,
    #[cfg_attr(test, serde(rename = "schemaVersion"))]
    schema_version: String,
    #[cfg_attr(test, serde(rename = "epcisBody"))]
    body: RawBody,
}

#[cfg_attr(test, derive(Deserialize, Debug, PartialEq))]
struct RawTrace {
    gtin: String,
    lot: String,
    product: Product,
    epcis: RawEpcis,
}

/// Why a trace payload was not usable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraceError {
    /// JSON or EPCIS structure wrong; the detail says where.
    Malformed(String),
    /// `format` is not `txng-trace/1`.
    Version(String),
    /// More events than [`MAX_EVENTS`].
    TooManyEvents(usize),
}

impl TraceError {
    /// The check it fails, with its detail: the one mapping of trace errors to status codes (the
    /// verifier and `txng trace sign` both use it).
    pub fn check(&self) -> Check {
        match self {
            TraceError::Malformed(d) => Check::with(Code::TraceMalformed, d.as_str()),
            TraceError::Version(v) => {
                Check::with(Code::TraceVersionUnsupported, format!("format={v}"))
            }
            TraceError::TooManyEvents(n) => {
                Check::with(Code::TraceTooManyEvents, format!("events={n}"))
            }
        }
    }
}

/// A trace document's signed content.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trace {
    /// The GTIN it covers.
    pub gtin: String,
    /// The lot it covers.
    pub lot: String,
    /// The product.
    pub product: Product,
    /// Events, oldest first.
    pub events: Vec<TraceEvent>,
}

impl Trace {
    /// Reads a verified trace payload.
    pub fn from_payload(payload: &[u8]) -> Result<Trace, TraceError> {
        // I-JSON: unique member names at every depth (FORMAT.md §3.3).
        let v = crate::json::parse(payload, crate::json::Nulls::Allowed)
            .map_err(|e| TraceError::Malformed(e.to_string()))?;
        match v.get("format").and_then(|f| f.as_str()) {
            Some(TRACE_FORMAT) => {}
            Some(other) => return Err(TraceError::Version(other.to_string())),
            None => return Err(TraceError::Malformed("no format".into())),
        }
        // The events are read with the document: a malformed event is `trace.malformed` (the
        // message says where) even in a list longer than MAX_EVENTS (FORMAT.md §3.3).
        let raw = read_trace(&v).map_err(TraceError::Malformed)?;
        if raw.epcis.doc_type != "EPCISDocument" || !raw.epcis.schema_version.starts_with('2') {
            return Err(TraceError::Malformed(
                "not an EPCIS 2.0 EPCISDocument".into(),
            ));
        }
        let n = raw.epcis.body.event_list.len();
        if n > MAX_EVENTS {
            return Err(TraceError::TooManyEvents(n));
        }
        let mut events = Vec::with_capacity(n);
        for (i, e) in raw.epcis.body.event_list.into_iter().enumerate() {
            events.push(
                normalise(e).ok_or_else(|| TraceError::Malformed(format!("event #{i}: time")))?,
            );
        }
        events.sort_by_key(|e| e.time);
        Ok(Trace {
            gtin: raw.gtin,
            lot: raw.lot,
            product: raw.product,
            events,
        })
    }
}

// The readers of the document's members (crate::fields: why by hand, and the one rule that
// differs from serde's derived readers). Each reads what the type's serde attributes say; the
// tests compare them with those derived readers.

fn read_trace(v: &Value) -> Read<RawTrace> {
    let o = object(v, "$".into())?;
    Ok(RawTrace {
        gtin: o.string("gtin")?,
        lot: o.string("lot")?,
        product: o.req("product", read_product)?,
        epcis: o.req("epcis", |v, p| {
            let o = object(v, p)?;
            Ok(RawEpcis {
                doc_type: o.string("type")?,
                schema_version: o.string("schemaVersion")?,
                body: o.req("epcisBody", |v, p| {
                    Ok(RawBody {
                        event_list: object(v, p)?
                            .req("eventList", |v, p| list(v, &p, read_event))?,
                    })
                })?,
            })
        })?,
    })
}

fn read_product(v: &Value, path: String) -> Read<Product> {
    let o = object(v, path)?;
    Ok(Product {
        name: o.string_or_empty("name")?,
        brand: o.opt_string("brand")?,
        category: o.opt_string("category")?,
        net_content: o.opt_string("net_content")?,
        image_url: o.opt_string("image_url")?,
        description: o.opt_string("description")?,
        ocop: o.opt("ocop", |v, p| {
            let o = object(v, p)?;
            Ok(Ocop {
                stars: o.unsigned("stars", u8::MAX.into())? as u8,
                year: o.unsigned("year", u16::MAX.into())? as u16,
            })
        })?,
        certifications: o.list("certifications", crate::registry::read_certification)?,
        standards: o.list("standards", |v, p| {
            let o = object(v, p)?;
            Ok(Standard {
                kind: o.string_or_empty("kind")?,
                number: o.string_or_empty("number")?,
                name: o.opt_string("name")?,
            })
        })?,
        has_expiry: o.bool_or("has_expiry", true)?,
        expiry_date: o.opt_string("expiry_date")?,
        storage: o.opt_string("storage")?,
    })
}

fn read_quantity(v: &Value, path: String) -> Read<Quantity> {
    let o = object(v, path)?;
    Ok(Quantity {
        epc_class: o.string_or_empty("epcClass")?,
        quantity: o.opt_f64("quantity")?,
        uom: o.opt_string("uom")?,
    })
}

fn read_id(v: &Value, path: String) -> Read<IdRef> {
    Ok(IdRef {
        id: object(v, path)?.string("id")?,
    })
}

fn read_event(v: &Value, path: String) -> Read<RawEvent> {
    let o = object(v, path)?;
    Ok(RawEvent {
        event_type: o.string("type")?,
        event_time: o.string("eventTime")?,
        offset: o.string("eventTimeZoneOffset")?,
        biz_step: o.opt_string("bizStep")?,
        disposition: o.opt_string("disposition")?,
        read_point: o.opt("readPoint", read_id)?,
        biz_location: o.opt("bizLocation", read_id)?,
        quantity_list: o.list("quantityList", read_quantity)?,
        input_quantity_list: o.list("inputQuantityList", read_quantity)?,
        output_quantity_list: o.list("outputQuantityList", read_quantity)?,
        child_quantity_list: o.list("childQuantityList", read_quantity)?,
        epc_list: o.or("epcList", Vec::new(), strings)?,
        input_epc_list: o.or("inputEPCList", Vec::new(), strings)?,
        output_epc_list: o.or("outputEPCList", Vec::new(), strings)?,
        child_epcs: o.or("childEPCs", Vec::new(), strings)?,
        parent_id: o.opt_string("parentID")?,
        sensor_element_list: o.list("sensorElementList", |v, p| {
            Ok(RawSensorElement {
                sensor_report: object(v, p)?.list("sensorReport", |v, p| {
                    let o = object(v, p)?;
                    Ok(RawSensorReport {
                        kind: o.string_or_empty("type")?,
                        value: o.opt_f64("value")?,
                        string_value: o.opt_string("stringValue")?,
                        uom: o.opt_string("uom")?,
                    })
                })?,
            })
        })?,
        certification_info: o.opt("certificationInfo", |v, p| match v {
            Value::String(s) => Ok(OneOrMany::One(s.clone())),
            Value::Array(_) => strings(v, p).map(OneOrMany::Many),
            _ => Err(format!("{p}: expected a string or a list of strings")),
        })?,
        ilmd: o.opt("ilmd", |v, p| {
            Ok(object(v, p)?
                .members()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect())
        })?,
        place_name: o.opt_string("txng:placeName")?,
        actor: o.opt_string("txng:actor")?,
        notes: o.opt_string("txng:notes")?,
        inputs: o.list("txng:inputs", |v, p| {
            let o = object(v, p)?;
            Ok(FarmInput {
                kind: o.string_or_empty("kind")?,
                name: o.string("name")?,
                active_ingredient: o.opt_string("active_ingredient")?,
                dose: o.opt_string("dose")?,
                phi_days: o
                    .opt_unsigned("phi_days", u32::MAX.into())?
                    .map(|n| n as u32),
            })
        })?,
    })
}

impl Trace {
    /// The standards applied (Thông tư 02/2024/TT-BKHCN) and txng's EPCIS profile (FORMAT.md
    /// §3.5, §3.6): warnings that need only the document. `txng trace sign` shows them before
    /// signing; the verifier adds them to the verdict.
    pub fn profile_warnings(&self) -> Vec<Check> {
        let mut out = Vec::new();
        if !self
            .product
            .standards
            .iter()
            .any(|s| !s.number.trim().is_empty())
        {
            out.push(Check::new(Code::InfoMissingStandards));
        }
        if self.events.is_empty() {
            out.push(Check::new(Code::TraceNoEvents));
            return out;
        }
        if self.events.iter().all(|e| e.step.is_none()) {
            out.push(Check::with(
                Code::InfoMissingStages,
                format!("events={}", self.events.len()),
            ));
        }
        let without: Vec<_> = self.events.iter().filter(|e| !e.has_goods).collect();
        if let Some(first) = without.first() {
            out.push(Check::with(
                Code::TraceEventWithoutGoods,
                format!(
                    "events={} first={}",
                    without.len(),
                    crate::time::format_rfc3339_utc(first.time)
                ),
            ));
        }
        out
    }
}

fn text_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => crate::json::compact_text(other),
    }
}

fn normalise(e: RawEvent) -> Option<TraceEvent> {
    let (time, _) = parse_rfc3339(&e.event_time)?;
    let offset_minutes = parse_offset(&e.offset)?;
    let place = e
        .place_name
        .or_else(|| e.biz_location.map(|l| l.id))
        .or_else(|| e.read_point.map(|r| r.id));
    let has_goods = [
        &e.epc_list,
        &e.input_epc_list,
        &e.output_epc_list,
        &e.child_epcs,
    ]
    .iter()
    .flat_map(|l| l.iter())
    .chain(e.parent_id.iter())
    .any(|id| !id.trim().is_empty())
        || [
            &e.quantity_list,
            &e.input_quantity_list,
            &e.output_quantity_list,
            &e.child_quantity_list,
        ]
        .iter()
        .flat_map(|l| l.iter())
        .any(|q| !q.epc_class.trim().is_empty());
    let input_quantities = e.input_quantity_list;
    let mut quantities = e.quantity_list;
    quantities.extend(e.output_quantity_list);
    quantities.extend(e.child_quantity_list);
    let sensors = e
        .sensor_element_list
        .into_iter()
        .flat_map(|s| s.sensor_report)
        .map(|r| SensorReading {
            kind: r.kind,
            value: r.value,
            text: r.string_value,
            uom: r.uom,
        })
        .collect();
    let certificates = match e.certification_info {
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
        None => Vec::new(),
    };
    let ilmd = e
        .ilmd
        .map(|m| m.iter().map(|(k, v)| (k.clone(), text_of(v))).collect())
        .unwrap_or_default();
    Some(TraceEvent {
        event_type: e.event_type,
        time,
        offset_minutes,
        step: e.biz_step.as_deref().map(Step::from_uri),
        disposition: e.disposition,
        place,
        actor: e.actor,
        notes: e.notes,
        inputs: e.inputs,
        quantities,
        input_quantities,
        sensors,
        certificates,
        ilmd,
        has_goods,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::KnownStep;
    use proptest::prelude::*;
    use serde_json::json;

    /// `certificationInfo` is read as serde's `untagged` enum read it, shape for shape.
    #[test]
    fn one_or_many_reads_as_untagged() {
        #[derive(Deserialize, Debug, PartialEq)]
        #[serde(untagged)]
        enum Untagged {
            One(String),
            Many(Vec<String>),
        }
        let as_pair = |o: OneOrMany| match o {
            OneOrMany::One(s) => Untagged::One(s),
            OneOrMany::Many(v) => Untagged::Many(v),
        };
        for text in [
            r#""https://a.example/c""#,
            r#""""#,
            "[]",
            r#"["a"]"#,
            r#"["a","b","c"]"#,
            r#"["a",1]"#,
            "[null]",
            "1",
            "null",
            "true",
            "{}",
            r#"{"a":"b"}"#,
            r#"[["a"]]"#,
            r#""á""#,
            r#"["á","a"]"#,
        ] {
            let ours = serde_json::from_str::<OneOrMany>(text).ok().map(as_pair);
            let reference = serde_json::from_str::<Untagged>(text).ok();
            assert_eq!(ours, reference, "{text}");
        }
    }

    fn reads_as_serde(doc: &[u8]) -> Result<(), TestCaseError> {
        crate::fields::reference::reads_as_serde::<RawTrace>(doc, read_trace)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        /// Documents around two real ones (one with `ilmd`, certificates and farm inputs).
        #[test]
        fn trace_reads_as_serde_derive(doc in crate::json::differential::around(
            crate::json::vector_payload("trace/08935012300010/CF2603B.jws"))) {
            reads_as_serde(&doc)?;
        }

        #[test]
        fn trace_reads_as_serde_derive_2(doc in crate::json::differential::around(
            crate::json::vector_payload("trace/08935012500014/TD2610A.jws"))) {
            reads_as_serde(&doc)?;
        }
    }

    /// `certificationInfo`, every shape, and an array for an object.
    #[test]
    fn member_shapes_read_as_serde() {
        let base = crate::json::vector_payload("trace/08935012500014/TD2610A.jws");
        for (pointer, value) in [
            (
                "/epcis/epcisBody/eventList/0/certificationInfo",
                json!(["a", "b"]),
            ),
            ("/epcis/epcisBody/eventList/0/certificationInfo", json!("a")),
            ("/epcis/epcisBody/eventList/0/certificationInfo", json!([1])),
            (
                "/epcis/epcisBody/eventList/0/certificationInfo",
                json!(null),
            ),
            ("/epcis/epcisBody/eventList/0/certificationInfo", json!({})),
            (
                "/epcis/epcisBody/eventList/0/quantityList",
                json!([{"quantity": 2, "epcClass": "x"}]),
            ),
            ("/epcis/epcisBody/eventList/0/quantityList", json!(null)),
            ("/product/ocop", json!({"stars": 256, "year": 2025})),
            ("/product/ocop", json!({"stars": 4.0, "year": 2025})),
            ("/product/ocop", json!({"stars": -1, "year": 2025})),
            ("/product/ocop", json!([4, 2025])),
            ("/product/has_expiry", json!(null)),
            (
                "/epcis/epcisBody/eventList/0/txng:inputs",
                json!([{"name": "NPK", "phi_days": 4294967296u64}]),
            ),
            (
                "/epcis/epcisBody/eventList/0/ilmd",
                json!({"a": 1, "b": [true]}),
            ),
        ] {
            let mut v = base.clone();
            let parent = pointer.rsplit_once('/').map(|(p, _)| p).unwrap_or("");
            let key = pointer.rsplit('/').next().unwrap_or("");
            v.pointer_mut(parent)
                .and_then(Value::as_object_mut)
                .expect("parent object")
                .insert(key.to_owned(), value);
            let doc = serde_json::to_vec(&v).expect("json");
            reads_as_serde(&doc).unwrap_or_else(|e| panic!("{pointer}: {e}"));
        }
    }

    fn doc(context: serde_json::Value, events: Vec<serde_json::Value>) -> Vec<u8> {
        json!({
            "format": TRACE_FORMAT, "gtin": "08935012345677", "lot": "L1",
            "product": {"name": "X"},
            "epcis": {"@context": context, "type": "EPCISDocument", "schemaVersion": "2.0",
                      "creationDate": "2026-01-02T00:00:00Z", "epcisBody": {"eventList": events}},
        })
        .to_string()
        .into_bytes()
    }

    #[test]
    fn each_trace_error_fails_its_own_check() {
        let mut bad = doc(
            json!("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
            vec![],
        );
        bad.retain(|b| *b != b'}');
        let e = Trace::from_payload(&bad).expect_err("truncated JSON");
        assert_eq!(e.check().code, Code::TraceMalformed);
        let version = String::from_utf8(doc(json!([]), vec![]))
            .expect("utf-8")
            .replace(TRACE_FORMAT, "txng-trace/2");
        let e = Trace::from_payload(version.as_bytes()).expect_err("version 2");
        assert_eq!(
            e.check(),
            Check::with(Code::TraceVersionUnsupported, "format=txng-trace/2")
        );
        assert_eq!(
            TraceError::TooManyEvents(1001).check(),
            Check::with(Code::TraceTooManyEvents, "events=1001")
        );
    }

    /// Documents signed before the namespace moved (`urn:txng:`) are still read in full.
    #[test]
    fn legacy_namespace_documents_are_read() {
        let bytes = doc(
            json!(["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"txng": "urn:txng:"}]),
            vec![json!({
                "type": "ObjectEvent", "eventTime": "2026-01-01T07:00:00+07:00",
                "eventTimeZoneOffset": "+07:00", "action": "OBSERVE",
                "bizStep": "urn:txng:bizstep:spraying", "txng:placeName": "Vườn",
                "txng:inputs": [{"kind": "pesticide", "name": "Anvil 5SC", "phi_days": 14}],
            })],
        );
        let t = Trace::from_payload(&bytes).expect("legacy document");
        let e = &t.events[0];
        assert_eq!(
            e.step.as_ref().and_then(|s| s.known),
            Some(KnownStep::Spraying)
        );
        assert_eq!(e.place.as_deref(), Some("Vườn"));
        assert_eq!(e.inputs[0].phi_days, Some(14));
        assert!(!e.has_goods, "the old demo events named no goods");
    }

    proptest! {
        /// An event names goods exactly when one of its EPC or class lists has a non-blank entry.
        #[test]
        fn has_goods_iff_some_list_names_goods(
            lists in proptest::collection::vec(0u8..3, 9),
        ) {
            // 0: member absent, 1: present but empty/blank, 2: present with goods.
            let epc_keys = ["epcList", "inputEPCList", "outputEPCList", "childEPCs"];
            let qty_keys = ["quantityList", "inputQuantityList", "outputQuantityList", "childQuantityList"];
            let mut e = json!({
                "type": "ObjectEvent", "eventTime": "2026-01-01T07:00:00+07:00",
                "eventTimeZoneOffset": "+07:00",
            });
            for (k, &m) in epc_keys.iter().zip(&lists) {
                match m {
                    1 => e[*k] = json!([]),
                    2 => e[*k] = json!(["urn:epc:id:sgtin:893501234.0567.1"]),
                    _ => {}
                }
            }
            for (k, &m) in qty_keys.iter().zip(&lists[4..]) {
                match m {
                    1 => e[*k] = json!([{"epcClass": " "}]),
                    2 => e[*k] = json!([{"epcClass": "urn:epc:class:lgtin:893501234.0567.L1"}]),
                    _ => {}
                }
            }
            match lists[8] {
                1 => e["parentID"] = json!(""),
                2 => e["parentID"] = json!("urn:epc:id:sscc:893501234.0000000001"),
                _ => {}
            }
            let t = Trace::from_payload(&doc(json!([]), vec![e])).expect("readable");
            prop_assert_eq!(t.events[0].has_goods, lists.contains(&2));
        }
    }
}
