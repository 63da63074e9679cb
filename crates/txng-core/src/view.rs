//! The view model (FORMAT.md §4.2): what any front end shows for a [`Verdict`], decided once.
//!
//! [`View::new`] turns a verdict (plus the language and, optionally, the scan time) into the
//! headline, the one action sentence, how prominently to offer reporting, the product rows, the
//! timeline and its compact overview, and the checks in plain words. The CLI's text output and the
//! widget's components only render a `View`; neither decides what to show, so they cannot drift.
//!
//! Sans-IO like the rest of the core: dates and times arrive as values and are rendered here in
//! Vietnam time (dd/mm/yyyy). Untrusted text (names, notes, places) is carried as text; each front
//! end escapes it for its medium.

use crate::messages::{message, state_title, Lang, Message};
use crate::registry::{Authority, Certification};
use crate::status::{Code, Severity, State};
use crate::time::{display_date_vn, display_local, local_date, Date, UnixTime};
use crate::trace::{Quantity, Standard, TraceEvent};
use crate::verify::Verdict;
use crate::vocab::{
    country_label, input_kind_label, number_display, sensor_label, CertKind, Disposition, KnownStep,
};
use serde::Serialize;

/// Vietnam's UTC offset in minutes: every date and time a shopper reads is shown in it.
pub const VN_OFFSET_MIN: i32 = 420;

/// How prominently a front end offers to report a suspected fake (FORMAT.md §4.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Report {
    /// No reporting block (amber: the label is genuine; grey where reporting cannot help).
    None,
    /// A small link (green; grey when the code may belong to another system).
    Offered,
    /// The full block with the hotline and the form (red).
    Prominent,
}

/// The verdict banner: what a shopper reads first (state, headline, reason, the one action, the
/// scan stamp of a red result, an old list's date, the demo mark). [`View::new`] builds it first and
/// carries the same fields; the widget's verify-first module builds only this, so it links none
/// of the product card and timeline code (issue 10).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Banner {
    /// The state (colour and icon).
    pub state: State,
    /// The code behind the headline (`data-code`), if any.
    pub code: Option<Code>,
    /// The headline.
    pub headline: String,
    /// The main reason's short title, when it adds to the headline.
    pub reason: Option<String>,
    /// What was found, in plain words.
    pub explanation: Option<String>,
    /// The one thing to do.
    pub action: String,
    /// How prominently to offer reporting.
    pub report: Report,
    /// Whether a "Thử lại" (try again) button helps.
    pub retry: bool,
    /// Scan time and serial, for a red result.
    pub stamp: Option<String>,
    /// The date of the producer list when it is out of date.
    pub list_date: Option<String>,
    /// Set for demonstration data: its title.
    pub demo: Option<&'static str>,
}

/// What a verdict shows, in one language, ready to render.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct View {
    /// Language of every text here.
    pub lang: Lang,
    /// The state (colour and icon).
    pub state: State,
    /// The code behind the headline (`data-code`), if any.
    pub code: Option<Code>,
    /// The headline, e.g. "Lô hàng bị thu hồi – đừng sử dụng".
    pub headline: String,
    /// The main reason's short title (the main check's title), when it adds to the headline.
    pub reason: Option<String>,
    /// What was found, in plain words.
    pub explanation: Option<String>,
    /// The one thing to do.
    pub action: String,
    /// How prominently to offer reporting.
    pub report: Report,
    /// Whom to report to (from the signed registry), when reporting is offered at all.
    pub contact: Option<Authority>,
    /// What a report form is prefilled with (`gtin`, `lot`, `serial`, `code`): what was scanned,
    /// parsed but not necessarily verified, so the report says exactly what the shopper saw.
    pub prefill: Vec<(&'static str, String)>,
    /// Whether a "Thử lại" (try again) button helps: grey because something could not be loaded.
    pub retry: bool,
    /// Scan time and serial, shown near the verdict for a red result so a screenshot carries them.
    pub stamp: Option<String>,
    /// The date of the producer list when it is out of date ("list of dd/mm/yyyy").
    pub list_date: Option<String>,
    /// Set for demonstration data: its title.
    pub demo: Option<&'static str>,
    /// Harmless facts shown with a green result (a retired key, a missing photo).
    pub notes: Vec<Note>,
    /// The honesty note: only with a green or amber result, never on red or grey.
    pub honesty: Option<Message>,
    /// The product card (green, amber, and a recalled lot).
    pub product: Option<ProductView>,
    /// The compact overview of the timeline: farm → processing → packing → shipping with dates.
    pub overview: Vec<StageView>,
    /// The timeline, oldest first.
    pub timeline: Vec<EventView>,
    /// "Đã kiểm tra những gì?": what a digital signature proves, in one sentence.
    pub checks_intro: &'static str,
    /// Every check, in plain words.
    pub checks: Vec<CheckView>,
}

/// The sections of a result, in the order front ends show them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Notes on harmless facts.
    Notes,
    /// Reporting a suspected fake.
    Report,
    /// The product card.
    Product,
    /// The producer.
    Producer,
    /// The lot's journey (timeline).
    Journey,
    /// What was checked.
    Checks,
}

impl Section {
    /// The section's heading.
    pub const fn title(self, lang: Lang) -> &'static str {
        match (self, lang.texts()) {
            (Section::Notes, Lang::Vi) => "Ghi chú",
            (Section::Report, Lang::Vi) => "Báo hàng nghi giả",
            (Section::Product, Lang::Vi) => "Thông tin sản phẩm",
            (Section::Producer, Lang::Vi) => "Nhà sản xuất",
            (Section::Journey, Lang::Vi) => "Hành trình của lô hàng",
            (Section::Checks, Lang::Vi) => "Đã kiểm tra những gì?",
            (Section::Notes, Lang::En) => "Notes",
            (Section::Report, Lang::En) => "Report a suspected fake",
            (Section::Product, Lang::En) => "Product details",
            (Section::Producer, Lang::En) => "Producer",
            (Section::Journey, Lang::En) => "Journey of this lot",
            (Section::Checks, Lang::En) => "What was checked?",
        }
    }
}

/// A harmless fact worth a line (green with a note).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The code.
    pub code: Code,
    /// Its title.
    pub title: &'static str,
    /// Its explanation.
    pub text: &'static str,
}

/// A product row's meaning (for labels, ids and styling; never decided by its text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Brand.
    Brand,
    /// Category.
    Category,
    /// Net content.
    NetContent,
    /// Description.
    Description,
    /// OCOP rating.
    Ocop,
    /// Certifications (de-duplicated).
    Certifications,
    /// Standards applied.
    Standards,
    /// Lot.
    Lot,
    /// Serial.
    Serial,
    /// Production date.
    ProductionDate,
    /// Packaging date.
    PackagingDate,
    /// Harvest date (or range).
    HarvestDate,
    /// Best before.
    BestBefore,
    /// Expiry, from the label or else the trace document.
    Expiry,
    /// Country of origin.
    Origin,
    /// Storage instructions.
    Storage,
    /// Product number (GTIN): a technical detail, shown last.
    Gtin,
    /// Variant (CPV).
    Variant,
    /// Producer's name.
    Producer,
    /// Tax code.
    TaxCode,
    /// Address.
    Address,
    /// Phone.
    Phone,
    /// Website.
    Website,
}

impl Field {
    /// The row's label.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang.texts()) {
            (Field::Brand, Lang::Vi) => "Thương hiệu",
            (Field::Category, Lang::Vi) => "Loại sản phẩm",
            (Field::NetContent, Lang::Vi) => "Khối lượng tịnh",
            (Field::Description, Lang::Vi) => "Mô tả",
            (Field::Ocop, Lang::Vi) => "Xếp hạng OCOP",
            (Field::Certifications, Lang::Vi) => "Chứng nhận",
            (Field::Standards, Lang::Vi) => "Tiêu chuẩn áp dụng",
            (Field::Lot, Lang::Vi) => "Số lô",
            (Field::Serial, Lang::Vi) => "Số sê-ri",
            (Field::ProductionDate, Lang::Vi) => "Ngày sản xuất (NSX)",
            (Field::PackagingDate, Lang::Vi) => "Ngày đóng gói",
            (Field::HarvestDate, Lang::Vi) => "Ngày thu hoạch",
            (Field::BestBefore, Lang::Vi) => "Sử dụng tốt nhất trước",
            (Field::Expiry, Lang::Vi) => "Hạn sử dụng (HSD)",
            (Field::Origin, Lang::Vi) => "Xuất xứ",
            (Field::Storage, Lang::Vi) => "Bảo quản",
            (Field::Gtin, Lang::Vi) => "Mã số sản phẩm (GTIN)",
            (Field::Variant, Lang::Vi) => "Biến thể",
            (Field::Producer, Lang::Vi) => "Nhà sản xuất",
            (Field::TaxCode, Lang::Vi) => "Mã số doanh nghiệp",
            (Field::Address, Lang::Vi) => "Địa chỉ",
            (Field::Phone, Lang::Vi) => "Điện thoại",
            (Field::Website, Lang::Vi) => "Trang web",
            (Field::Brand, Lang::En) => "Brand",
            (Field::Category, Lang::En) => "Category",
            (Field::NetContent, Lang::En) => "Net content",
            (Field::Description, Lang::En) => "Description",
            (Field::Ocop, Lang::En) => "OCOP rating",
            (Field::Certifications, Lang::En) => "Certifications",
            (Field::Standards, Lang::En) => "Standards applied",
            (Field::Lot, Lang::En) => "Lot",
            (Field::Serial, Lang::En) => "Serial number",
            (Field::ProductionDate, Lang::En) => "Production date",
            (Field::PackagingDate, Lang::En) => "Packaging date",
            (Field::HarvestDate, Lang::En) => "Harvest date",
            (Field::BestBefore, Lang::En) => "Best before",
            (Field::Expiry, Lang::En) => "Expiry date",
            (Field::Origin, Lang::En) => "Origin",
            (Field::Storage, Lang::En) => "Storage",
            (Field::Gtin, Lang::En) => "Product number (GTIN)",
            (Field::Variant, Lang::En) => "Variant",
            (Field::Producer, Lang::En) => "Producer",
            (Field::TaxCode, Lang::En) => "Tax code",
            (Field::Address, Lang::En) => "Address",
            (Field::Phone, Lang::En) => "Phone",
            (Field::Website, Lang::En) => "Website",
        }
    }

    /// A stable name for the row (`data-field`, CSS).
    pub const fn id(self) -> &'static str {
        match self {
            Field::Brand => "brand",
            Field::Category => "category",
            Field::NetContent => "net_content",
            Field::Description => "description",
            Field::Ocop => "ocop",
            Field::Certifications => "certifications",
            Field::Standards => "standards",
            Field::Lot => "lot",
            Field::Serial => "serial",
            Field::ProductionDate => "production_date",
            Field::PackagingDate => "packaging_date",
            Field::HarvestDate => "harvest_date",
            Field::BestBefore => "best_before",
            Field::Expiry => "expiry",
            Field::Origin => "origin",
            Field::Storage => "storage",
            Field::Gtin => "gtin",
            Field::Variant => "variant",
            Field::Producer => "producer",
            Field::TaxCode => "tax_code",
            Field::Address => "address",
            Field::Phone => "phone",
            Field::Website => "website",
        }
    }
}

/// One labelled row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// What the row is.
    pub field: Field,
    /// Its label.
    pub label: &'static str,
    /// Its value, as text.
    pub value: String,
    /// Marked as a problem (an expiry date that has passed).
    pub marked: bool,
    /// The value is the producer's or the authority's own (Vietnamese) text.
    pub source_text: bool,
    /// A link the value stands for (website, phone, certificate), unchecked: each front end
    /// applies its own safety rule before making it clickable.
    pub link: Option<String>,
    /// List items (certifications), each with an optional certificate link.
    pub items: Vec<Item>,
}

/// An item of a list row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Text.
    pub text: String,
    /// Certificate link, unchecked.
    pub url: Option<String>,
}

/// The product card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProductView {
    /// The heading: the product's name, or "Sản phẩm mã …" until the trace arrives.
    pub name: String,
    /// Whether `name` is the producer's text.
    pub name_is_source: bool,
    /// Image link, unchecked.
    pub image_url: Option<String>,
    /// The product's rows.
    pub rows: Vec<Row>,
    /// The producer's rows.
    pub producer: Vec<Row>,
}

impl ProductView {
    /// The row of a field, if shown.
    pub fn row(&self, f: Field) -> Option<&Row> {
        self.rows
            .iter()
            .chain(&self.producer)
            .find(|r| r.field == f)
    }
}

/// A stage of the compact timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Planting, care, harvest.
    Farm,
    /// Drying, processing, roasting.
    Processing,
    /// Packing, labelling.
    Packing,
    /// Storing, shipping, selling.
    Shipping,
    /// Inspections and anything else.
    Other,
}

impl Stage {
    /// The stage of a step.
    pub const fn of(step: Option<KnownStep>) -> Stage {
        use KnownStep::*;
        match step {
            Some(Planting | Caring | Fertilising | Spraying | Harvesting) => Stage::Farm,
            Some(Drying | Processing | Roasting | Grinding | Assembling) => Stage::Processing,
            Some(Commissioning | Packing | Labeling) => Stage::Packing,
            Some(Storing | Shipping | Transporting | Receiving | Accepting | Stocking)
            | Some(RetailSelling) => Stage::Shipping,
            _ => Stage::Other,
        }
    }

    /// The stage's name.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang.texts()) {
            (Stage::Farm, Lang::Vi) => "Trồng trọt",
            (Stage::Processing, Lang::Vi) => "Chế biến",
            (Stage::Packing, Lang::Vi) => "Đóng gói",
            (Stage::Shipping, Lang::Vi) => "Vận chuyển, phân phối",
            (Stage::Other, Lang::Vi) => "Khác",
            (Stage::Farm, Lang::En) => "Farm",
            (Stage::Processing, Lang::En) => "Processing",
            (Stage::Packing, Lang::En) => "Packing",
            (Stage::Shipping, Lang::En) => "Shipping",
            (Stage::Other, Lang::En) => "Other",
        }
    }
}

/// One stage of the overview strip.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StageView {
    /// The stage.
    pub stage: Stage,
    /// Its name.
    pub label: &'static str,
    /// Its dates: `dd/mm/yyyy` or `dd/mm/yyyy – dd/mm/yyyy` (Vietnam time).
    pub dates: String,
}

/// One event of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventView {
    /// The known step, if any (icon).
    pub step: Option<KnownStep>,
    /// The step as written (`data-step`).
    pub step_uri: Option<String>,
    /// Its stage.
    pub stage: Stage,
    /// The step's name.
    pub title: String,
    /// When, as a value (`datetime` attributes).
    pub time: UnixTime,
    /// When, as shown: farm work by date only, the rest with the time of day; Vietnam time unless
    /// the event's own zone differs (then the zone is named).
    pub when: String,
    /// Place (producer's text).
    pub place: Option<String>,
    /// Who (producer's text).
    pub actor: Option<String>,
    /// Notes (producer's text).
    pub notes: Option<String>,
    /// Farm inputs, one line each ("Phân bón: … , liều lượng …").
    pub inputs: Vec<String>,
    /// Quantities: "Đầu vào 3.200 kg → thu được 1.150 kg", or "400 gói".
    pub quantities: Option<String>,
    /// Measurements ("Độ ẩm hạt 12,5 %").
    pub sensors: Vec<String>,
    /// The disposition, typed.
    pub disposition: Option<Disposition>,
    /// Its label.
    pub disposition_label: Option<String>,
    /// Whether this event recalls the lot.
    pub recalled: bool,
    /// Certificate links, unchecked.
    pub certificates: Vec<String>,
}

/// One check in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckView {
    /// The code (technical detail).
    pub code: Code,
    /// Its severity.
    pub severity: Severity,
    /// The severity's word.
    pub severity_label: &'static str,
    /// Title.
    pub title: &'static str,
    /// One plain sentence.
    pub explanation: &'static str,
    /// Technical detail for inspectors.
    pub detail: Option<String>,
}

/// Codes saying the scanned code is not one of this province's signed labels (FORMAT.md §4.2):
/// "không phải tem có chữ ký số của tỉnh", grey, never "fake".
pub const NOT_OURS: &[Code] = &[
    Code::PayloadNotGs1,
    Code::PayloadUnsigned,
    Code::PayloadSignatureForeign,
    Code::PayloadProfileUnknown,
    Code::ProducerUnknown,
];

/// Grey codes where loading again may help (a "Thử lại" button).
pub const RETRY: &[Code] = &[
    Code::RegistryUnavailable,
    Code::RegistryTooLarge,
    Code::RegistryMalformed,
    Code::RegistryExpired,
    Code::RegistryRollback,
    Code::KeyNotYetListed,
];

/// The severity's word.
pub const fn severity_label(s: Severity, lang: Lang) -> &'static str {
    match (s, lang.texts()) {
        (Severity::Success, Lang::Vi) => "Đạt",
        (Severity::Info, Lang::Vi) => "Thông tin",
        (Severity::Warning, Lang::Vi) => "Cần lưu ý",
        (Severity::Indeterminate, Lang::Vi) => "Chưa kiểm tra được",
        (Severity::Failure, Lang::Vi) => "Không đạt",
        (Severity::Success, Lang::En) => "Passed",
        (Severity::Info, Lang::En) => "Note",
        (Severity::Warning, Lang::En) => "Take note",
        (Severity::Indeterminate, Lang::En) => "Could not check",
        (Severity::Failure, Lang::En) => "Failed",
    }
}

fn tr(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang.texts() {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// `dd/mm/yyyy HH:MM` of an instant in Vietnam time.
pub fn vn_date_time(t: UnixTime) -> String {
    display_local(t, VN_OFFSET_MIN)
}

/// A `YYYY-MM-DD` date (certificates, a trace's `expiry_date`), if it is one.
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let b = text.trim().as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: core::ops::Range<usize>| -> Option<u32> {
        let s = core::str::from_utf8(b.get(r)?).ok()?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let ok = (1..=12).contains(&m) && d >= 1 && d <= crate::time::days_in_month(i64::from(y), m);
    ok.then_some(Date {
        year: i64::from(y),
        month: m,
        day: d,
    })
}

/// A unit in words: `12 lít`, `400 gói`, `3.200 kg` (FORMAT.md §3.3 units, in words a shopper
/// reads; a count of packed units is "gói").
pub fn amount_words(value: f64, uom: Option<&str>, lang: Lang) -> String {
    let n = number_display(value, lang);
    let unit = match (uom.unwrap_or(""), lang) {
        ("KGM", _) => "kg",
        ("GRM", _) => "g",
        ("TNE", Lang::Vi) => "tấn",
        ("TNE", Lang::En) => "t",
        ("LTR", Lang::Vi) => "lít",
        ("LTR", Lang::En) => "litres",
        ("MLT", _) => "ml",
        ("H87" | "EA" | "C62", Lang::Vi) => "gói",
        ("H87" | "EA" | "C62", Lang::En) => "packs",
        ("CEL", _) => "°C",
        ("P1", _) => "%",
        ("HAR", _) => "ha",
        ("", _) => return n,
        (other, _) => return format!("{n} {other}"),
    };
    format!("{n} {unit}")
}

fn amounts(list: &[Quantity], lang: Lang) -> Vec<String> {
    list.iter()
        .filter_map(|q| Some(amount_words(q.quantity?, q.uom.as_deref(), lang)))
        .collect()
}

/// "OCOP 4 sao (năm 2024)", with the decision number when known.
pub fn ocop_text(stars: u8, year: Option<u16>, decision: Option<&str>, lang: Lang) -> String {
    let mut s = match lang.texts() {
        Lang::Vi => format!("OCOP {stars} sao"),
        Lang::En => format!("OCOP {stars} stars"),
    };
    match (year, decision.map(str::trim).filter(|d| !d.is_empty())) {
        (Some(y), Some(d)) => s.push_str(&match lang.texts() {
            Lang::Vi => format!(" (quyết định số {d}, năm {y})"),
            Lang::En => format!(" (decision no. {d}, {y})"),
        }),
        (Some(y), None) => s.push_str(&match lang.texts() {
            Lang::Vi => format!(" (năm {y})"),
            Lang::En => format!(" ({y})"),
        }),
        (None, Some(d)) => s.push_str(&match lang.texts() {
            Lang::Vi => format!(" (quyết định số {d})"),
            Lang::En => format!(" (decision no. {d})"),
        }),
        (None, None) => {}
    }
    s
}

fn cert_item(c: &Certification, lang: Lang) -> Item {
    let kind = c.kind();
    let name = kind
        .label(lang)
        .map(str::to_string)
        .or_else(|| c.name.clone())
        .unwrap_or_else(|| c.kind.clone());
    let mut text = name;
    let mut extra = Vec::new();
    if let Some(n) = c.number.as_deref().filter(|n| !n.trim().is_empty()) {
        extra.push(match lang.texts() {
            Lang::Vi => format!("số {n}"),
            Lang::En => format!("no. {n}"),
        });
    }
    if let Some(i) = c.issuer.as_deref().filter(|n| !n.trim().is_empty()) {
        extra.push(i.to_string());
    }
    if let Some(v) = c.valid_until.as_deref() {
        let d = parse_iso_date(v).map_or_else(|| v.to_string(), |d| d.display());
        extra.push(match lang.texts() {
            Lang::Vi => format!("còn hiệu lực đến {d}"),
            Lang::En => format!("valid until {d}"),
        });
    }
    if !extra.is_empty() {
        text = format!("{text} — {}", extra.join(", "));
    }
    Item {
        text,
        url: c.url.clone(),
    }
}

fn row(field: Field, value: impl Into<String>, lang: Lang) -> Row {
    Row {
        field,
        label: field.label(lang),
        value: value.into(),
        marked: false,
        source_text: false,
        link: None,
        items: Vec::new(),
    }
}

fn source_row(field: Field, value: Option<&str>, lang: Lang) -> Option<Row> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    Some(Row {
        source_text: true,
        ..row(field, v, lang)
    })
}

/// The expiry date shown: the label's (17), else its best-before (15), else the trace's.
pub fn resolved_expiry(v: &Verdict) -> Option<Date> {
    let l = v.label.as_ref()?;
    l.expiry.or(l.best_before).or_else(|| {
        v.product
            .as_ref()?
            .expiry_date
            .as_deref()
            .and_then(parse_iso_date)
    })
}

/// The product's name as the card shows it (the trace's name, else "Product {gtin}"), and whether
/// it came from the trace; `None` without a parsed label.
fn product_name(v: &Verdict, lang: Lang) -> Option<(String, bool)> {
    let label = v.label.as_ref()?;
    let named = v
        .product
        .as_ref()
        .map(|p| p.name.trim().to_string())
        .filter(|n| !n.is_empty());
    let from_source = named.is_some();
    let name = named.unwrap_or_else(|| match lang.texts() {
        Lang::Vi => format!("Sản phẩm mã {}", label.gtin),
        Lang::En => format!("Product {}", label.gtin),
    });
    Some((name, from_source))
}

fn product_view(v: &Verdict, now: Option<UnixTime>, lang: Lang) -> Option<ProductView> {
    let label = v.label.as_ref()?;
    let (name, name_is_source) = product_name(v, lang)?;
    let product = v.product.as_ref();
    let mut rows = Vec::new();
    if let Some(p) = product {
        rows.extend(source_row(Field::Brand, p.brand.as_deref(), lang));
        rows.extend(source_row(Field::Category, p.category.as_deref(), lang));
        rows.extend(source_row(
            Field::NetContent,
            p.net_content.as_deref(),
            lang,
        ));
    }
    // Certifications of the product and the producer, each shown once; OCOP on its own row.
    let mut certs: Vec<&Certification> = Vec::new();
    if let Some(p) = product {
        certs.extend(&p.certifications);
    }
    if let Some(p) = &v.producer {
        certs.extend(&p.certifications);
    }
    let ocop_cert = certs.iter().find(|c| c.kind() == CertKind::Ocop).copied();
    let rating = product.and_then(|p| p.ocop);
    let ocop = match (rating, ocop_cert) {
        (Some(r), c) => Some((r.stars, Some(r.year), c.and_then(|c| c.number.as_deref()))),
        (None, Some(c)) => c.stars.map(|s| (s, c.year, c.number.as_deref())),
        (None, None) => None,
    };
    if let Some((stars, year, decision)) = ocop {
        let mut r = row(Field::Ocop, ocop_text(stars, year, decision, lang), lang);
        r.link = ocop_cert.and_then(|c| c.url.clone());
        rows.push(r);
    }
    let mut seen: Vec<(CertKind, Option<&str>)> = Vec::new();
    let mut items = Vec::new();
    for c in certs {
        let kind = c.kind();
        if kind == CertKind::Ocop && ocop.is_some() {
            continue;
        }
        let key = (kind, c.number.as_deref());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        items.push(cert_item(c, lang));
    }
    if !items.is_empty() {
        let mut r = row(
            Field::Certifications,
            items
                .iter()
                .map(|i| i.text.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            lang,
        );
        r.items = items;
        rows.push(r);
    }
    if let Some(p) = product {
        let standards = Standard::list(&p.standards);
        rows.extend(source_row(Field::Standards, Some(&standards), lang));
    }
    rows.push(row(Field::Lot, label.lot.clone(), lang));
    rows.push(row(Field::Serial, label.serial.clone(), lang));
    for (f, d) in [
        (Field::ProductionDate, label.production_date),
        (Field::PackagingDate, label.packaging_date),
    ] {
        if let Some(d) = d {
            rows.push(row(f, d.display(), lang));
        }
    }
    match (label.harvest_from, label.harvest_to) {
        (Some(a), Some(b)) if a != b => rows.push(row(
            Field::HarvestDate,
            format!("{} – {}", a.display(), b.display()),
            lang,
        )),
        (Some(a), _) => rows.push(row(Field::HarvestDate, a.display(), lang)),
        _ => {}
    }
    let expiry = resolved_expiry(v);
    let past = |d: Date| now.is_some_and(|n| d.end_unix_vn() < n) || v.has(Code::ProductExpired);
    if let (Some(bb), Some(_)) = (label.best_before, label.expiry) {
        rows.push(row(Field::BestBefore, bb.display(), lang));
    }
    if let Some(d) = expiry {
        let mut r = row(Field::Expiry, d.display(), lang);
        r.marked = past(d);
        if r.marked {
            r.value = match lang.texts() {
                Lang::Vi => format!("{} – đã quá hạn", d.display()),
                Lang::En => format!("{} – expired", d.display()),
            };
        }
        rows.push(r);
    }
    if let Some(o) = &label.origin {
        rows.push(row(Field::Origin, country_label(o, lang), lang));
    }
    if let Some(p) = product {
        rows.extend(source_row(Field::Storage, p.storage.as_deref(), lang));
        rows.extend(source_row(
            Field::Description,
            p.description.as_deref(),
            lang,
        ));
    }
    if let Some(c) = &label.cpv {
        rows.push(row(Field::Variant, c.clone(), lang));
    }
    rows.push(row(Field::Gtin, label.gtin.clone(), lang));
    let mut producer = Vec::new();
    if let Some(p) = &v.producer {
        producer.extend(source_row(Field::Producer, Some(&p.name), lang));
        producer.extend(source_row(Field::Address, Some(&p.address.display()), lang));
        if let Some(ph) = p.phone.as_deref().filter(|x| !x.trim().is_empty()) {
            let mut r = row(Field::Phone, ph.trim(), lang);
            r.link = Some(ph.trim().to_string());
            producer.push(r);
        }
        producer.push(row(Field::TaxCode, p.tax_code.clone(), lang));
        if let Some(w) = p.website.as_deref().filter(|x| !x.trim().is_empty()) {
            let mut r = row(Field::Website, w.trim(), lang);
            r.link = Some(w.trim().to_string());
            producer.push(r);
        }
    }
    Some(ProductView {
        name,
        name_is_source,
        image_url: product.and_then(|p| p.image_url.clone()),
        rows,
        producer,
    })
}

fn event_view(e: &TraceEvent, lang: Lang) -> EventView {
    let known = e.step.as_ref().and_then(|s| s.known);
    let stage = Stage::of(known);
    let title = e
        .step
        .as_ref()
        .map_or_else(|| e.event_type.clone(), |s| s.label(lang));
    // Farm work is recorded by the day; a clock time there is noise (and often made up).
    let when = if stage == Stage::Farm {
        let d = local_date(e.time, e.offset_minutes).display();
        if e.offset_minutes == VN_OFFSET_MIN {
            d
        } else {
            display_date_vn(e.time)
        }
    } else {
        display_local(e.time, e.offset_minutes)
    };
    let outs = amounts(&e.quantities, lang);
    let ins = amounts(&e.input_quantities, lang);
    let quantities = match (ins.is_empty(), outs.is_empty()) {
        (true, true) => None,
        (true, false) => Some(outs.join("; ")),
        (false, true) => Some(match lang.texts() {
            Lang::Vi => format!("Đầu vào {}", ins.join("; ")),
            Lang::En => format!("Input {}", ins.join("; ")),
        }),
        (false, false) => Some(match lang.texts() {
            Lang::Vi => format!("Đầu vào {} → thu được {}", ins.join("; "), outs.join("; ")),
            Lang::En => format!("Input {} → output {}", ins.join("; "), outs.join("; ")),
        }),
    };
    let inputs = e
        .inputs
        .iter()
        .map(|i| {
            let mut s = format!("{}: {}", input_kind_label(&i.kind, lang), i.name);
            if let Some(ai) = i.active_ingredient.as_deref() {
                s.push_str(&match lang.texts() {
                    Lang::Vi => format!(", hoạt chất {ai}"),
                    Lang::En => format!(", active ingredient {ai}"),
                });
            }
            if let Some(d) = i.dose.as_deref() {
                s.push_str(&match lang.texts() {
                    Lang::Vi => format!(", liều lượng {d}"),
                    Lang::En => format!(", dose {d}"),
                });
            }
            if let Some(n) = i.phi_days {
                s.push_str(&match lang.texts() {
                    Lang::Vi => format!(", thời gian cách ly {n} ngày"),
                    Lang::En => format!(", pre-harvest interval {n} days"),
                });
            }
            s
        })
        .collect();
    let sensors = e
        .sensors
        .iter()
        .filter_map(|s| {
            let value = match (s.value, &s.text) {
                (Some(x), _) => amount_words(x, s.uom.as_deref(), lang),
                (None, Some(t)) => t.clone(),
                (None, None) => return None,
            };
            Some(format!("{} {value}", sensor_label(&s.kind, lang)))
        })
        .collect();
    let disposition = e.disposition_kind();
    EventView {
        step: known,
        step_uri: e.step.as_ref().map(|s| s.uri.clone()),
        stage,
        title,
        time: e.time,
        when,
        place: e.place.clone(),
        actor: e.actor.clone(),
        notes: e.notes.clone(),
        inputs,
        quantities,
        sensors,
        disposition_label: disposition.as_ref().map(|d| d.label(lang)),
        recalled: disposition == Some(Disposition::Recalled),
        disposition,
        certificates: e.certificates.clone(),
    }
}

/// The compact overview: one entry per stage (farm → processing → packing → shipping), with the
/// first and last date of its events in Vietnam time.
pub fn overview(events: &[TraceEvent], lang: Lang) -> Vec<StageView> {
    let mut out: Vec<(Stage, UnixTime, UnixTime)> = Vec::new();
    for e in events {
        let s = Stage::of(e.step.as_ref().and_then(|s| s.known));
        if s == Stage::Other {
            continue;
        }
        match out.iter_mut().find(|x| x.0 == s) {
            Some(x) => {
                x.1 = x.1.min(e.time);
                x.2 = x.2.max(e.time);
            }
            None => out.push((s, e.time, e.time)),
        }
    }
    out.sort_by_key(|x| x.0);
    out.into_iter()
        .map(|(stage, a, b)| {
            let (da, db) = (display_date_vn(a), display_date_vn(b));
            StageView {
                stage,
                label: stage.label(lang),
                dates: if da == db {
                    da
                } else {
                    format!("{da} – {db}")
                },
            }
        })
        .collect()
}

/// Codes that are harmless facts under a green result: shown as notes, not as warnings.
const NOTES: &[Code] = &[
    Code::KeyRetired,
    Code::InfoMissingImage,
    Code::RegistryCached,
];

impl Banner {
    /// The banner of a verdict. `scanned_at`: when the code was scanned (in a red result's
    /// stamp).
    pub fn new(v: &Verdict, lang: Lang, scanned_at: Option<UnixTime>) -> Banner {
        let main = v.main_check();
        let code = main.map(|c| c.code);
        let msg = code.map(|c| message(c, lang));
        let not_ours = code.is_some_and(|c| NOT_OURS.contains(&c));
        let recalled = v.state == State::Invalid && code == Some(Code::LotRecalled);
        let expiry = resolved_expiry(v);
        let (headline, reason, explanation, action): (
            String,
            Option<String>,
            Option<String>,
            String,
        );
        match v.state {
            State::Verified => {
                headline = state_title(State::Verified, lang).to_string();
                let m = message(Code::SignatureValid, lang);
                reason = Some(m.title.to_string());
                explanation = Some(m.explanation.to_string());
                action = m.next_step.to_string();
            }
            State::VerifiedWithWarnings if code == Some(Code::ProductExpired) => {
                let d = expiry.map(|d| d.display()).unwrap_or_default();
                headline = match lang.texts() {
                    Lang::Vi => format!("Sản phẩm đã quá hạn sử dụng (HSD: {d})"),
                    Lang::En => format!("This product is past its expiry date ({d})"),
                };
                reason = msg.map(|m| m.title.to_string());
                explanation = msg.map(|m| m.explanation.to_string());
                action = tr(
                    lang,
                    "Không nên mua hoặc dùng sản phẩm này.",
                    "Do not buy or use this product.",
                )
                .to_string();
            }
            State::VerifiedWithWarnings => {
                headline = state_title(State::VerifiedWithWarnings, lang).to_string();
                reason = msg.map(|m| m.title.to_string());
                explanation = msg.map(|m| m.explanation.to_string());
                action = msg.map(|m| m.next_step.to_string()).unwrap_or_default();
            }
            State::Invalid if recalled => {
                headline = tr(
                    lang,
                    "Lô hàng bị thu hồi – đừng sử dụng",
                    "This lot is recalled – do not use it",
                )
                .to_string();
                // The name the product card shows (a recalled lot's card is shown).
                let name = product_name(v, lang).map(|(n, _)| n).unwrap_or_default();
                let lot = v.label.as_ref().map(|l| l.lot.clone()).unwrap_or_default();
                reason = Some(match lang.texts() {
                    Lang::Vi => format!("{name} – lô {lot}"),
                    Lang::En => format!("{name} – lot {lot}"),
                });
                explanation = msg.map(|m| m.explanation.to_string());
                let phone = v
                    .producer
                    .as_ref()
                    .and_then(|p| p.phone.as_deref())
                    .map(str::trim)
                    .filter(|p| !p.is_empty());
                action = match (phone, lang.texts()) {
                    (Some(p), Lang::Vi) => format!("Đừng ăn hoặc dùng sản phẩm. Mang trả lại nơi bán, hoặc gọi nhà sản xuất: {p}."),
                    (Some(p), Lang::En) => format!("Do not eat or use it. Take it back to the shop, or call the producer: {p}."),
                    (None, _) => msg.map(|m| m.next_step.to_string()).unwrap_or_default(),
                };
            }
            State::Invalid => {
                headline = tr(lang, "Đừng mua sản phẩm này", "Do not buy this product").to_string();
                reason = msg.map(|m| m.title.to_string());
                explanation = msg.map(|m| m.explanation.to_string());
                action = msg.map(|m| m.next_step.to_string()).unwrap_or_default();
            }
            State::CannotTell if not_ours => {
                headline = tr(
                    lang,
                    "Không phải tem có chữ ký số của tỉnh",
                    "Not a signed label of this province",
                )
                .to_string();
                reason = msg.map(|m| m.title.to_string());
                explanation = msg.map(|m| m.explanation.to_string());
                action = msg.map(|m| m.next_step.to_string()).unwrap_or_default();
            }
            State::CannotTell => {
                headline = state_title(State::CannotTell, lang).to_string();
                reason = msg.map(|m| m.title.to_string());
                explanation = msg.map(|m| m.explanation.to_string());
                action = msg.map(|m| m.next_step.to_string()).unwrap_or_default();
            }
        }
        let report = match v.state {
            State::Invalid if recalled => Report::Offered,
            State::Invalid => Report::Prominent,
            State::Verified => Report::Offered,
            State::VerifiedWithWarnings => Report::None,
            State::CannotTell if code == Some(Code::ProducerUnknown) => Report::Offered,
            State::CannotTell if code == Some(Code::PayloadUnsigned) => Report::Offered,
            State::CannotTell => Report::None,
        };
        let retry = v.state == State::CannotTell && code.is_some_and(|c| RETRY.contains(&c));
        let stamp = (v.state == State::Invalid && !recalled).then(|| {
            let mut parts = Vec::new();
            if let Some(t) = scanned_at {
                parts.push(match lang.texts() {
                    Lang::Vi => format!("Quét lúc {}", vn_date_time(t)),
                    Lang::En => format!("Scanned {}", vn_date_time(t)),
                });
            }
            if let Some(s) = v
                .scanned
                .as_ref()
                .map(|s| s.serial.trim())
                .filter(|s| !s.is_empty())
            {
                parts.push(match lang.texts() {
                    Lang::Vi => format!("số sê-ri {s}"),
                    Lang::En => format!("serial {s}"),
                });
            }
            parts.join(" · ")
        });
        let stamp = stamp.filter(|s| !s.is_empty());
        let old = v.has(Code::RegistryStale) || v.has(Code::RegistryExpired);
        let list_date = v.registry_issued_at.filter(|_| old).map(display_date_vn);
        Banner {
            state: v.state,
            code,
            headline,
            reason,
            explanation,
            action,
            report,
            retry,
            stamp,
            list_date,
            demo: v
                .has(Code::RegistryDemo)
                .then(|| message(Code::RegistryDemo, lang).title),
        }
    }
}

impl View {
    /// The banner part of this view (the same fields as [`Banner::new`] of the same verdict).
    pub fn banner(&self) -> Banner {
        Banner {
            state: self.state,
            code: self.code,
            headline: self.headline.clone(),
            reason: self.reason.clone(),
            explanation: self.explanation.clone(),
            action: self.action.clone(),
            report: self.report,
            retry: self.retry,
            stamp: self.stamp.clone(),
            list_date: self.list_date.clone(),
            demo: self.demo,
        }
    }

    /// The view of a verdict. `scanned_at`: when the code was scanned (shown with a red result
    /// and used to mark an expiry date that has passed).
    pub fn new(v: &Verdict, lang: Lang, scanned_at: Option<UnixTime>) -> View {
        let b = Banner::new(v, lang, scanned_at);
        let code = b.code;
        // The card only where the verdict shows signed data (green, amber, a recalled lot): the
        // view never shows data the state does not vouch for, whatever the verdict carries.
        let card = matches!(v.state, State::Verified | State::VerifiedWithWarnings)
            || (v.state == State::Invalid && code == Some(Code::LotRecalled));
        let product = product_view(v, scanned_at, lang).filter(|_| card);
        let green = matches!(v.state, State::Verified | State::VerifiedWithWarnings);
        let notes = if green {
            v.checks
                .iter()
                .filter(|c| NOTES.contains(&c.code))
                .map(|c| {
                    let m = message(c.code, lang);
                    Note {
                        code: c.code,
                        title: m.title,
                        text: m.explanation,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let checks = v
            .checks
            .iter()
            .map(|c| {
                let m = message(c.code, lang);
                CheckView {
                    code: c.code,
                    severity: c.severity,
                    severity_label: severity_label(c.severity, lang),
                    title: m.title,
                    explanation: m.explanation,
                    detail: c.detail.clone(),
                }
            })
            .collect();
        View {
            lang,
            state: b.state,
            code,
            headline: b.headline,
            reason: b.reason,
            explanation: b.explanation,
            action: b.action,
            report: b.report,
            contact: v.authority.clone().filter(|_| b.report != Report::None),
            prefill: v
                .scanned
                .iter()
                .flat_map(|s| {
                    [
                        ("gtin", s.gtin.clone()),
                        ("lot", s.lot.clone()),
                        ("serial", s.serial.clone()),
                    ]
                })
                .chain(code.map(|c| ("code", c.as_str().to_string())))
                .filter(|(_, val)| !val.is_empty())
                .collect(),
            retry: b.retry,
            stamp: b.stamp,
            list_date: b.list_date,
            demo: b.demo,
            notes,
            honesty: (v.state == State::Verified).then(|| message(Code::LabelCopyPossible, lang)),
            product,
            overview: overview(&v.events, lang),
            timeline: v.events.iter().map(|e| event_view(e, lang)).collect(),
            checks_intro: tr(
                lang,
                "Chữ ký số chứng minh tem do chính nhà sản xuất đã đăng ký phát hành và thông tin trong mã không bị sửa. Từng bước đã kiểm tra:",
                "A digital signature proves the label was issued by the registered producer and that the code's data was not changed. Each check made:",
            ),
            checks,
        }
    }

    /// The title of "what was checked".
    pub const fn checks_title(lang: Lang) -> &'static str {
        Section::Checks.title(lang)
    }

    /// The live-region / one-line summary: headline, then the reason.
    pub fn summary(&self) -> String {
        match &self.reason {
            Some(r) => format!("{}. {r}.", self.headline),
            None => format!("{}.", self.headline),
        }
    }
}
