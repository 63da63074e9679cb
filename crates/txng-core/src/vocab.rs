//! Vocabulary: business steps (GS1 CBV 2.0 and txng's farm steps), dispositions, units and
//! certifications, each with its Vietnamese and English label (FORMAT.md §3.3).
//!
//! CBV 2.0 has no words for farm work, so txng adds steps under the authority's vocabulary
//! namespace ([`TXNG_NS`], FORMAT.md §3.4); every step a document may use, CBV or ours, has a label
//! here. An unknown step is shown by its last word. Documents signed before the namespace moved
//! (`urn:txng:bizstep:…`) are still read.

use crate::messages::Lang;
use serde::Serialize;

/// txng's vocabulary namespace (JSON-LD prefix `txng`), under the authority's own domain.
pub const TXNG_NS: &str = "https://truyxuat.quangtri.gov.vn/ns/txng#";

/// Prefix of txng's own business steps: `{TXNG_NS}BizStep-{word}`, like CBV's `BizStep-{word}`.
pub const TXNG_BIZSTEP: &str = "https://truyxuat.quangtri.gov.vn/ns/txng#BizStep-";

/// Prefix of txng's business steps in documents signed before version 1 moved its vocabulary to
/// [`TXNG_NS`] (an unregistered URN namespace); still read, never written.
pub const LEGACY_TXNG_BIZSTEP: &str = "urn:txng:bizstep:";

macro_rules! steps {
    ($( $variant:ident = $word:literal, $txng:literal, $vi:literal, $en:literal; )*) => {
        /// A business step this verifier can name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum KnownStep { $( #[doc = $en] $variant, )* }

        impl KnownStep {
            /// Every known step.
            pub const ALL: &'static [KnownStep] = &[ $( KnownStep::$variant, )* ];

            /// The step's word (CBV bare word, or txng's).
            pub const fn word(self) -> &'static str {
                match self { $( KnownStep::$variant => $word, )* }
            }

            /// Whether the step is txng's (`{TXNG_BIZSTEP}{word}`) rather than CBV's.
            pub const fn is_txng(self) -> bool {
                match self { $( KnownStep::$variant => $txng, )* }
            }

            /// The label shown for the step.
            pub const fn label(self, lang: Lang) -> &'static str {
                match (self, lang.texts()) {
                    $( (KnownStep::$variant, Lang::Vi) => $vi, (KnownStep::$variant, Lang::En) => $en, )*
                }
            }

            fn from_word(w: &str) -> Option<KnownStep> {
                match w { $( $word => Some(KnownStep::$variant), )* _ => None }
            }
        }
    };
}

steps! {
    Planting = "planting", true, "Gieo trồng", "Planting";
    Caring = "caring", true, "Chăm sóc", "Crop care";
    Fertilising = "fertilising", true, "Bón phân", "Fertilising";
    Spraying = "spraying", true, "Phun thuốc bảo vệ thực vật", "Crop spraying";
    Harvesting = "harvesting", true, "Thu hoạch", "Harvesting";
    Drying = "drying", true, "Phơi sấy", "Drying";
    Processing = "processing", true, "Sơ chế, chế biến", "Processing";
    Roasting = "roasting", true, "Rang", "Roasting";
    Grinding = "grinding", true, "Xay", "Grinding";
    Commissioning = "commissioning", false, "Tạo mã sản phẩm", "Commissioning";
    Packing = "packing", false, "Đóng gói", "Packing";
    Inspecting = "inspecting", false, "Kiểm tra chất lượng", "Inspecting";
    Sampling = "sampling", false, "Lấy mẫu kiểm nghiệm", "Sampling";
    Storing = "storing", false, "Lưu kho", "Storing";
    Shipping = "shipping", false, "Xuất hàng", "Shipping";
    Transporting = "transporting", false, "Vận chuyển", "Transporting";
    Receiving = "receiving", false, "Nhận hàng", "Receiving";
    Accepting = "accepting", false, "Tiếp nhận", "Accepting";
    Stocking = "stocking", false, "Lên kệ", "Stocking";
    RetailSelling = "retail_selling", false, "Bán lẻ", "Retail selling";
    Assembling = "assembling", false, "Lắp ráp, phối trộn", "Assembling";
    Labeling = "labeling", false, "Dán nhãn", "Labelling";
    Holding = "holding", false, "Tạm giữ", "Holding";
    Destroying = "destroying", false, "Tiêu hủy", "Destroying";
    Other = "other", false, "Công đoạn khác", "Other step";
}

/// A business step as written in a document: its URI and, when known, what it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The step as written (bare CBV word, CBV URI or URN).
    pub uri: String,
    /// The known step, if any.
    pub known: Option<KnownStep>,
}

/// The last word of a CBV term in any of its spellings: `shipping`,
/// `https://ref.gs1.org/cbv/BizStep-shipping`, `urn:epcglobal:cbv:bizstep:shipping`.
pub fn bare_term(uri: &str) -> &str {
    if let Some(rest) = uri.strip_prefix("https://ref.gs1.org/cbv/") {
        return rest.split_once('-').map_or(rest, |(_, w)| w);
    }
    if let Some(rest) = uri.strip_prefix("urn:epcglobal:cbv:") {
        return rest.rsplit(':').next().unwrap_or(rest);
    }
    uri
}

impl Step {
    /// Recognises CBV steps in any spelling and txng's steps (current or legacy prefix).
    pub fn from_uri(uri: &str) -> Step {
        let txng = uri
            .strip_prefix(TXNG_BIZSTEP)
            .or_else(|| uri.strip_prefix(LEGACY_TXNG_BIZSTEP));
        let known = match txng {
            Some(w) => KnownStep::from_word(w).filter(|k| k.is_txng()),
            None => KnownStep::from_word(bare_term(uri)).filter(|k| !k.is_txng()),
        };
        Step {
            uri: uri.to_string(),
            known,
        }
    }

    /// The label: the known step's, or the last word of the URI.
    pub fn label(&self, lang: Lang) -> String {
        match self.known {
            Some(k) => k.label(lang).to_string(),
            None => self
                .uri
                .rsplit([':', '/', '#', '-'])
                .next()
                .unwrap_or(&self.uri)
                .replace('_', " "),
        }
    }

    /// The canonical URI to write for a known step (txng IRI or CBV bare word).
    pub fn canonical(k: KnownStep) -> String {
        if k.is_txng() {
            format!("{TXNG_BIZSTEP}{}", k.word())
        } else {
            k.word().to_string()
        }
    }
}

macro_rules! dispositions {
    ($( $variant:ident = $word:literal, $vi:literal, $en:literal; )*) => {
        /// A CBV disposition (the goods' state after an event), typed: code asks
        /// `d == Disposition::Recalled`, never compares words.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Disposition {
            $( #[doc = $en] $variant, )*
            /// Any other word, as written (bare term).
            Other(String),
        }

        impl Disposition {
            /// Recognises a disposition in any CBV spelling (bare word, URI, URN).
            pub fn from_uri(uri: &str) -> Disposition {
                match bare_term(uri) {
                    $( $word => Disposition::$variant, )*
                    other => Disposition::Other(other.to_string()),
                }
            }

            /// The label shown for it.
            pub fn label(&self, lang: Lang) -> String {
                match (self, lang.texts()) {
                    $( (Disposition::$variant, Lang::Vi) => $vi.to_string(),
                       (Disposition::$variant, Lang::En) => $en.to_string(), )*
                    (Disposition::Other(w), _) => w.replace('_', " "),
                }
            }
        }
    };
}

dispositions! {
    Active = "active", "Đang lưu hành", "Active";
    InProgress = "in_progress", "Đang xử lý", "In progress";
    InTransit = "in_transit", "Đang vận chuyển", "In transit";
    SellableAccessible = "sellable_accessible", "Sẵn sàng bán", "Ready for sale";
    Conformant = "conformant", "Đạt yêu cầu", "Conformant";
    NonConformant = "non_conformant", "Không đạt yêu cầu", "Non-conformant";
    Recalled = "recalled", "ĐÃ THU HỒI", "RECALLED";
    Destroyed = "destroyed", "Đã tiêu hủy", "Destroyed";
    Expired = "expired", "Hết hạn", "Expired";
    RetailSold = "retail_sold", "Đã bán lẻ", "Sold at retail";
}

/// Label of a CBV disposition.
pub fn disposition_label(uri: &str, lang: Lang) -> String {
    Disposition::from_uri(uri).label(lang)
}

/// Display symbol of a UN/CEFACT unit code.
pub fn unit_label(uom: &str) -> &str {
    match uom {
        "KGM" => "kg",
        "GRM" => "g",
        "TNE" => "tấn",
        "LTR" => "l",
        "MLT" => "ml",
        "H87" | "EA" | "C62" => "",
        "CEL" => "°C",
        "P1" => "%",
        "HAR" => "ha",
        other => other,
    }
}

/// Label of a sensor measurement type.
pub fn sensor_label(kind: &str, lang: Lang) -> String {
    let w = kind.rsplit([':', '/', '-']).next().unwrap_or(kind);
    let l = match (w, lang.texts()) {
        ("Temperature", Lang::Vi) => "Nhiệt độ",
        ("Humidity", Lang::Vi) => "Độ ẩm",
        ("Moisture" | "MoistureContent", Lang::Vi) => "Độ ẩm hạt",
        ("Temperature", Lang::En) => "Temperature",
        ("Humidity", Lang::En) => "Humidity",
        ("Moisture" | "MoistureContent", Lang::En) => "Moisture content",
        (w, _) => return w.to_string(),
    };
    l.to_string()
}

/// A certification's kind, typed (`CertKind::Ocop`, never `kind == "ocop"`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CertKind {
    /// VietGAP.
    VietGap,
    /// GLOBALG.A.P.
    GlobalGap,
    /// HACCP.
    Haccp,
    /// ISO 22000.
    Iso22000,
    /// Organic.
    Organic,
    /// OCOP (One Commune One Product) rating.
    Ocop,
    /// Another short name, as written.
    Other(String),
}

impl CertKind {
    /// The kind named by a registry or trace document's `kind` field.
    pub fn from_word(kind: &str) -> CertKind {
        match kind {
            "vietgap" => CertKind::VietGap,
            "globalgap" => CertKind::GlobalGap,
            "haccp" => CertKind::Haccp,
            "iso22000" => CertKind::Iso22000,
            "organic" => CertKind::Organic,
            "ocop" => CertKind::Ocop,
            other => CertKind::Other(other.to_string()),
        }
    }

    /// The label of a known kind.
    pub fn label(&self, lang: Lang) -> Option<&'static str> {
        Some(match (self, lang.texts()) {
            (CertKind::VietGap, _) => "VietGAP",
            (CertKind::GlobalGap, _) => "GLOBALG.A.P.",
            (CertKind::Haccp, _) => "HACCP",
            (CertKind::Iso22000, _) => "ISO 22000",
            (CertKind::Organic, Lang::Vi) => "Hữu cơ",
            (CertKind::Organic, Lang::En) => "Organic",
            (CertKind::Ocop, _) => "OCOP",
            (CertKind::Other(_), _) => return None,
        })
    }
}

/// Label of a certification kind.
pub fn certification_label(kind: &str, lang: Lang) -> Option<&'static str> {
    CertKind::from_word(kind).label(lang)
}

/// Label of a farm input kind.
pub fn input_kind_label(kind: &str, lang: Lang) -> &'static str {
    match (kind, lang.texts()) {
        ("fertiliser", Lang::Vi) => "Phân bón",
        ("pesticide", Lang::Vi) => "Thuốc bảo vệ thực vật",
        (_, Lang::Vi) => "Vật tư",
        ("fertiliser", Lang::En) => "Fertiliser",
        ("pesticide", Lang::En) => "Pesticide",
        (_, Lang::En) => "Input",
    }
}

/// Name of a country by ISO 3166-1 numeric code (AI 422), for the few a label here is likely to carry.
pub fn country_label(code: &str, lang: Lang) -> String {
    let l = match (code, lang.texts()) {
        ("704", Lang::Vi) => "Việt Nam",
        ("704", Lang::En) => "Viet Nam",
        ("418", Lang::Vi) => "Lào",
        ("418", Lang::En) => "Laos",
        ("116", Lang::Vi) => "Campuchia",
        ("116", Lang::En) => "Cambodia",
        ("156", Lang::Vi) => "Trung Quốc",
        ("156", Lang::En) => "China",
        ("764", Lang::Vi) => "Thái Lan",
        ("764", Lang::En) => "Thailand",
        (c, _) => return format!("ISO 3166 {c}"),
    };
    l.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_in_every_spelling() {
        for s in [
            "shipping",
            "https://ref.gs1.org/cbv/BizStep-shipping",
            "urn:epcglobal:cbv:bizstep:shipping",
        ] {
            assert_eq!(Step::from_uri(s).known, Some(KnownStep::Shipping), "{s}");
        }
        for prefix in [TXNG_BIZSTEP, LEGACY_TXNG_BIZSTEP] {
            assert_eq!(
                Step::from_uri(&format!("{prefix}harvesting")).known,
                Some(KnownStep::Harvesting)
            );
            assert_eq!(
                Step::from_uri(&format!("{prefix}shipping")).known,
                None,
                "not a txng word"
            );
        }
        assert_eq!(Step::from_uri("harvesting").known, None, "not a CBV word");
        assert_eq!(
            Step::canonical(KnownStep::Harvesting),
            "https://truyxuat.quangtri.gov.vn/ns/txng#BizStep-harvesting"
        );
        assert_eq!(
            Step::from_uri(&format!("{TXNG_BIZSTEP}planting")).label(Lang::En),
            "Planting"
        );
        assert_eq!(
            Step::from_uri("https://example.org/steps/tasting").label(Lang::Vi),
            "tasting"
        );
        for k in KnownStep::ALL {
            assert_eq!(Step::from_uri(&Step::canonical(*k)).known, Some(*k));
        }
    }
}

/// A number as Vietnamese readers write it (`3.200`, `38,5`) or English (`3,200`, `38.5`):
/// thousands grouped, at most two decimals, trailing zeros dropped.
pub fn number_display(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return String::from("?");
    }
    let (group, decimal) = match lang.texts() {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let cents = (value.abs() * 100.0).round() as u64;
    let (int, frac) = (cents / 100, cents % 100);
    let digits = int.to_string();
    let mut out = String::new();
    if value < 0.0 && cents != 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if frac != 0 {
        out.push(decimal);
        let f = format!("{frac:02}");
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

/// A measured amount with its unit: `3.200 kg`, `38,5 °C`, `400` (a count has no unit symbol).
pub fn amount_display(value: f64, uom: Option<&str>, lang: Lang) -> String {
    let n = number_display(value, lang);
    match uom.map(unit_label).filter(|u| !u.is_empty()) {
        Some("%") => format!("{n} %"),
        Some(u) => format!("{n} {u}"),
        None => n,
    }
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_display(3200.0, Lang::Vi), "3.200");
        assert_eq!(number_display(3200.0, Lang::En), "3,200");
        assert_eq!(number_display(38.5, Lang::Vi), "38,5");
        assert_eq!(number_display(0.25, Lang::Vi), "0,25");
        assert_eq!(number_display(1_234_567.0, Lang::Vi), "1.234.567");
        assert_eq!(number_display(-2.0, Lang::Vi), "-2");
        assert_eq!(amount_display(3200.0, Some("KGM"), Lang::Vi), "3.200 kg");
        assert_eq!(amount_display(400.0, Some("H87"), Lang::Vi), "400");
        assert_eq!(amount_display(12.5, Some("P1"), Lang::Vi), "12,5 %");
        assert_eq!(amount_display(38.5, Some("CEL"), Lang::En), "38.5 °C");
        assert_eq!(amount_display(7.0, None, Lang::Vi), "7");
    }
}
