//! GS1's EPCIS 2.0 JSON schema, embedded (`data/epcis/`, from GS1's public EPCIS repository with
//! its licence), and txng's JSON-LD context for its extension terms (FORMAT.md §3.3, §3.6).
//!
//! CLI only: `trace sign` refuses a document the schema refuses, so what producers publish passes
//! GS1's own validator. The verifier (txng-core, the wasm bundle) does not carry the schema.

use serde_json::{json, Map, Value};
use std::sync::OnceLock;

/// GS1's EPCIS 2.0 JSON schema (JSON Schema draft 7).
pub const SCHEMA: &str = include_str!("../data/epcis/EPCIS-JSON-Schema.json");

/// Where the schema sits in the repository, for messages.
pub const SCHEMA_PATH: &str = "crates/txng-cli/data/epcis/EPCIS-JSON-Schema.json";

/// The URL of GS1's EPCIS 2.0 JSON-LD context, first in every document's `@context`.
pub const EPCIS_CONTEXT_URL: &str =
    "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

/// The nested keys of `txng:inputs` and what they expand to: `(key, IRI, datatype)`. Defined in a
/// scoped context on `txng:inputs`, so the keys stay short and keep their meaning under JSON-LD
/// expansion (GS1's context defines none of them).
pub const INPUT_TERMS: &[(&str, &str, Option<&str>)] = &[
    ("kind", "txng:inputKind", None),
    ("name", "txng:inputName", None),
    ("active_ingredient", "txng:activeIngredient", None),
    ("dose", "txng:dose", None),
    (
        "phi_days",
        "txng:preHarvestIntervalDays",
        Some("http://www.w3.org/2001/XMLSchema#integer"),
    ),
];

/// txng's part of the context: the `txng` prefix and the scoped terms of `txng:inputs`.
pub fn txng_context() -> Value {
    let mut terms = Map::new();
    for (k, id, ty) in INPUT_TERMS {
        let v = match ty {
            Some(ty) => json!({"@id": id, "@type": ty}),
            None => json!(id),
        };
        terms.insert((*k).to_string(), v);
    }
    json!({
        "txng": txng_core::vocab::TXNG_NS,
        "txng:inputs": {"@id": "txng:inputs", "@context": terms},
    })
}

/// The `@context` of every document txng writes.
pub fn context() -> Value {
    json!([EPCIS_CONTEXT_URL, txng_context()])
}

fn validator() -> Result<&'static jsonschema::Validator, String> {
    static V: OnceLock<Result<jsonschema::Validator, String>> = OnceLock::new();
    V.get_or_init(|| {
        let schema: Value = serde_json::from_str(SCHEMA).map_err(|e| e.to_string())?;
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft7)
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| e.to_string())
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// One schema violation: where in the document, which schema rule, and the validator's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON Pointer into the EPCIS document, e.g. `/epcisBody/eventList/3`.
    pub at: String,
    /// JSON Pointer into the schema, e.g. `/definitions/ObjectEvent/allOf/2/anyOf`.
    pub rule: String,
    /// The validator's message (English).
    pub message: String,
}

/// Validates an EPCIS document against GS1's schema. `Err` lists the violations (at most
/// `limit`, plus the total count).
pub fn validate(doc: &Value, limit: usize) -> Result<(), (Vec<Violation>, usize)> {
    let v = match validator() {
        Ok(v) => v,
        Err(e) => {
            return Err((
                vec![Violation {
                    at: String::new(),
                    rule: String::new(),
                    message: format!("schema: {e}"),
                }],
                1,
            ))
        }
    };
    let mut out = Vec::new();
    let mut total = 0;
    for e in v.iter_errors(doc) {
        total += 1;
        if out.len() < limit {
            let mut message = e.to_string();
            if message.chars().count() > 240 {
                message = message.chars().take(240).collect::<String>() + "…";
            }
            out.push(Violation {
                at: e.instance_path().to_string(),
                rule: e.schema_path().to_string(),
                message,
            });
        }
    }
    if total == 0 {
        Ok(())
    } else {
        Err((out, total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Value {
        json!({
            "@context": context(),
            "type": "EPCISDocument",
            "schemaVersion": "2.0",
            "creationDate": "2026-09-20T08:00:00+07:00",
            "epcisBody": {"eventList": [{
                "type": "ObjectEvent",
                "eventTime": "2026-09-12T14:00:00+07:00",
                "eventTimeZoneOffset": "+07:00",
                "action": "OBSERVE",
                "bizStep": "https://truyxuat.quangtri.gov.vn/ns/txng#BizStep-harvesting",
                "quantityList": [{"epcClass": "urn:epc:class:lgtin:89350123.00001.CF2609A"}],
                "txng:inputs": [{"kind": "pesticide", "name": "X", "phi_days": 14}],
            }]},
        })
    }

    #[test]
    fn schema_accepts_and_refuses() {
        assert_eq!(validate(&minimal(), 5), Ok(()));
        let mut no_goods = minimal();
        if let Some(e) = no_goods.pointer_mut("/epcisBody/eventList/0") {
            e.as_object_mut().map(|m| m.remove("quantityList"));
        }
        let (v, n) = validate(&no_goods, 5).expect_err("ObjectEvent without goods");
        assert!(n >= 1);
        assert!(v.iter().any(|x| x.at == "/epcisBody/eventList/0"), "{v:?}");
        let mut no_date = minimal();
        no_date.as_object_mut().map(|m| m.remove("creationDate"));
        assert!(validate(&no_date, 5).is_err());
        let mut bad_offset = minimal();
        if let Some(o) = bad_offset.pointer_mut("/epcisBody/eventList/0/eventTimeZoneOffset") {
            *o = json!("+7:00");
        }
        assert!(validate(&bad_offset, 5).is_err());
        let mut bad_uom = minimal();
        if let Some(q) = bad_uom.pointer_mut("/epcisBody/eventList/0/quantityList/0") {
            q.as_object_mut()
                .map(|m| m.insert("uom".into(), json!("kg")));
        }
        assert!(validate(&bad_uom, 5).is_err(), "uom must be UN/CEFACT");
    }
}
