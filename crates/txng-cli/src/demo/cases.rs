//! The demo cases: signed labels for each product, and one case for every status code that data
//! can produce. Each case is a test vector (`tests/vectors/{valid,invalid}/NNN-name.txt`) and, when
//! the main registry is enough to show it, a link in the served demo (`links.json`).

use super::json::J;
use super::keys;
use super::registry::{
    self, gtin, COFFEE, COFFEE_PREFIX, HONEY, HONEY_PREFIX, HOST, OIL, OIL_PREFIX, PEPPER,
    PEPPER_PREFIX, UNKNOWN_PREFIX,
};
use super::trace::{self as tr, CoffeeDates};
use txng_core::link::MAX_INPUT_LEN;
use txng_core::link::{LabelData, SignedLink};
use txng_core::sign::{sign_label, sign_trace};
use txng_core::trace::MAX_TRACE_BYTES;
use txng_core::{Ai, Code, State};

/// The time every vector is verified at, unless it says otherwise.
pub const NOW: &str = "2026-11-28T10:00:00+07:00";

/// Where a case's registry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegistryIn {
    /// A file under `data/`.
    File(&'static str),
    /// None could be had (`registry: none`).
    None,
    /// The caller stopped reading at its size cap (`registry: too_large`).
    TooLarge,
}

/// Where a case's trace document comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraceIn {
    /// A file under `data/`: `trace/{gtin}/{lot}.jws`, the label's own trace URL.
    File(String),
    /// The trace stage is not run (`trace: none`).
    None,
    /// The fetch failed (`trace: unavailable`).
    Unavailable,
    /// The caller stopped reading at its size cap (`trace: too_large`).
    TooLarge,
}

/// One demo case.
#[derive(Clone, Debug)]
pub struct Case {
    /// `NNN-slug`.
    pub id: String,
    /// Vietnamese name.
    pub name_vi: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Codes the verdict must contain.
    pub expect: Vec<Code>,
    /// The verdict's state.
    pub state: State,
    /// Verification time.
    pub now: &'static str,
    /// Registry input.
    pub registry: RegistryIn,
    /// Trace input.
    pub trace: TraceIn,
    /// The registry came from the device's cache.
    pub cached: bool,
    /// The newest registry issue time the device had already verified (rollback protection).
    pub known_issued_at: Option<&'static str>,
    /// What the case shows, for the vector's `comment:`.
    pub comment: &'static str,
    /// The exact scanned text.
    pub text: String,
}

impl Case {
    /// `valid` (the label's signature holds) or `invalid` (red or grey).
    pub fn dir(&self) -> &'static str {
        match self.state {
            State::Verified | State::VerifiedWithWarnings => "valid",
            State::Invalid | State::CannotTell => "invalid",
        }
    }

    /// Whether the served demo (main registry, trace files at their URLs) shows this case as is.
    pub fn served(&self) -> bool {
        self.registry == RegistryIn::File("registry.jws")
            && !self.cached
            && self.known_issued_at.is_none()
            && self.now == NOW
    }

    /// The vector file: header lines, a blank line, the scanned text and a newline.
    pub fn vector(&self) -> Vec<u8> {
        let mut s = String::new();
        for c in &self.expect {
            s.push_str(&format!("expect: {c}\n"));
        }
        s.push_str(&format!("state: {}\n", self.state.as_str()));
        s.push_str(&format!("now: {}\n", self.now));
        let reg = match self.registry {
            RegistryIn::File(f) => f,
            RegistryIn::None => "none",
            RegistryIn::TooLarge => "too_large",
        };
        s.push_str(&format!("registry: {reg}\n"));
        let trace = match &self.trace {
            TraceIn::File(f) => f.as_str(),
            TraceIn::None => "none",
            TraceIn::Unavailable => "unavailable",
            TraceIn::TooLarge => "too_large",
        };
        s.push_str(&format!("trace: {trace}\n"));
        if self.cached {
            s.push_str("cached: true\n");
        }
        if let Some(k) = self.known_issued_at {
            s.push_str(&format!("known_issued_at: {k}\n"));
        }
        s.push_str(&format!("comment: {}\n\n", self.comment));
        s.push_str(&self.text);
        s.push('\n');
        s.into_bytes()
    }
}

/// The canonical URI base of printed labels.
pub fn base() -> String {
    format!("https://{HOST}")
}

fn sign(
    producer: &str,
    key: u16,
    prefix: &str,
    lot: &str,
    serial: &str,
    attrs: &[(Ai, &str)],
) -> SignedLink {
    let data = LabelData {
        gtin: gtin(prefix, "0001"),
        cpv: None,
        lot: lot.to_string(),
        serial: serial.to_string(),
        attributes: attrs.iter().map(|(a, v)| (*a, v.to_string())).collect(),
    };
    sign_label(data, key, &keys::producer(producer, key)).expect("demo label data is valid")
}

fn trace_path(prefix: &str, lot: &str) -> String {
    format!("trace/{}/{lot}.jws", gtin(prefix, "0001"))
}

fn coffee_attrs(made: &'static str, expiry: &'static str) -> Vec<(Ai, &'static str)> {
    vec![
        (Ai::ProductionDate, made),
        (Ai::Expiry, expiry),
        (Ai::Origin, "704"),
    ]
}

fn pepper_attrs(packed: &'static str, best_before: &'static str) -> Vec<(Ai, &'static str)> {
    vec![
        (Ai::PackagingDate, packed),
        (Ai::BestBefore, best_before),
        (Ai::Origin, "704"),
        (Ai::HarvestDate, "260310260325"),
    ]
}

/// Trace documents of the data set: `(path under the served root and data/, bytes)`. The
/// oversize document is served only (its vector says `trace: too_large`), so `vectors` leaves it out.
pub fn traces(vectors: bool) -> Vec<(String, Vec<u8>)> {
    let cg = gtin(COFFEE_PREFIX, "0001");
    let coffee = |lot: &str, d: &CoffeeDates| {
        tr::document(
            "txng-trace/1",
            &cg,
            lot,
            tr::coffee_product(),
            tr::coffee_events("0001", lot, d),
            &format!("{}T16:00", d.ship),
        )
    };
    let short = |lot: &str, product: J, format: &str| {
        tr::document(
            format,
            &cg,
            lot,
            product,
            tr::coffee_short("0001", lot),
            "2026-09-20T08:00",
        )
    };
    let signed = |doc: &J, producer: &str, key: u16| {
        sign_trace(
            doc.compact().as_bytes(),
            producer,
            key,
            &keys::producer(producer, key),
        )
    };
    let main_coffee = coffee(
        "CF2609A",
        &CoffeeDates {
            harvest_year: 2025,
            roast: "2026-09-10",
            grind: "2026-09-11",
            pack: "2026-09-12",
            expiry: "2027-09-11",
            inspect: "2026-09-15",
            ship: "2026-09-20",
        },
    );
    let mut out: Vec<(String, String)> = Vec::new();
    let mut put = |lot: &str, prefix: &str, text: String| out.push((trace_path(prefix, lot), text));
    put("CF2609A", COFFEE_PREFIX, signed(&main_coffee, COFFEE, 2));
    put(
        "CF2603B",
        COFFEE_PREFIX,
        signed(
            &coffee(
                "CF2603B",
                &CoffeeDates {
                    harvest_year: 2025,
                    roast: "2026-03-10",
                    grind: "2026-03-11",
                    pack: "2026-03-12",
                    expiry: "2027-03-11",
                    inspect: "2026-03-14",
                    ship: "2026-03-18",
                },
            ),
            COFFEE,
            2,
        ),
    );
    put(
        "CF2405A",
        COFFEE_PREFIX,
        signed(
            &coffee(
                "CF2405A",
                &CoffeeDates {
                    harvest_year: 2023,
                    roast: "2024-05-10",
                    grind: "2024-05-11",
                    pack: "2024-05-12",
                    expiry: "2025-05-11",
                    inspect: "2024-05-14",
                    ship: "2024-05-18",
                },
            ),
            COFFEE,
            2,
        ),
    );
    // Served for lot CF2609M: the (authentic) document of lot CF2609A.
    put("CF2609M", COFFEE_PREFIX, signed(&main_coffee, COFFEE, 2));
    let tampered = {
        let doc = short("CF2609T", tr::coffee_product(), "txng-trace/1");
        let jws = signed(&doc, COFFEE, 2);
        let edited = doc
            .compact()
            .replace("\"quantity\":120,", "\"quantity\":1200,");
        registry::tamper(&jws, edited.as_bytes())
    };
    put("CF2609T", COFFEE_PREFIX, tampered);
    put(
        "CF2609S",
        COFFEE_PREFIX,
        signed(
            &short("CF2609S", tr::coffee_product(), "txng-trace/1"),
            PEPPER,
            1,
        ),
    );
    put(
        "CF2609R",
        COFFEE_PREFIX,
        signed(
            &short("CF2609R", tr::coffee_product(), "txng-trace/1"),
            COFFEE,
            3,
        ),
    );
    put(
        "CF2609G",
        COFFEE_PREFIX,
        "<html><head><title>404 Not Found</title></head><body><h1>Không tìm thấy trang</h1></body></html>\n"
            .to_string(),
    );
    if !vectors {
        put("CF2609L", COFFEE_PREFIX, "x".repeat(MAX_TRACE_BYTES + 1));
    }
    let many = tr::document_raw(
        &cg,
        "CF2609E",
        tr::coffee_product(),
        tr::bare_events(txng_core::trace::MAX_EVENTS + 1),
        "2026-09-20T08:00",
    );
    put("CF2609E", COFFEE_PREFIX, signed(&many, COFFEE, 2));
    put(
        "CF2609V",
        COFFEE_PREFIX,
        signed(
            &short("CF2609V", tr::coffee_product(), "txng-trace/2"),
            COFFEE,
            2,
        ),
    );
    // Explicit typing (FORMAT.md §3.2): the lot's document, signed by its producer's key, but typed
    // as a registry; only `typ` tells it apart.
    put(
        "CF2609W",
        COFFEE_PREFIX,
        txng_core::jws::sign(
            short("CF2609W", tr::coffee_product(), "txng-trace/1")
                .compact()
                .as_bytes(),
            &format!("{COFFEE}#2"),
            txng_core::jws::REGISTRY_TYP,
            &keys::producer(COFFEE, 2),
        ),
    );
    let mut nameless = tr::coffee_product();
    let mut imageless = tr::coffee_product();
    if let (J::Obj(a), J::Obj(b)) = (&mut nameless, &mut imageless) {
        for (k, v) in a.iter_mut() {
            if k == "name" {
                *v = J::from("");
            }
        }
        b.retain(|(k, _)| k != "image_url");
    }
    put(
        "CF2609N",
        COFFEE_PREFIX,
        signed(&short("CF2609N", nameless, "txng-trace/1"), COFFEE, 2),
    );
    put(
        "CF2609I",
        COFFEE_PREFIX,
        signed(&short("CF2609I", imageless, "txng-trace/1"), COFFEE, 2),
    );
    // txng's EPCIS profile and the Circular's minimum information (FORMAT.md §3.5, §3.6).
    let mut no_standards = tr::coffee_product();
    if let J::Obj(a) = &mut no_standards {
        a.retain(|(k, _)| k != "standards");
    }
    put(
        "CF2609D",
        COFFEE_PREFIX,
        signed(&short("CF2609D", no_standards, "txng-trace/1"), COFFEE, 2),
    );
    let no_events = tr::document(
        "txng-trace/1",
        &cg,
        "CF2609K",
        tr::coffee_product(),
        Vec::new(),
        "2026-09-20T08:00",
    );
    put("CF2609K", COFFEE_PREFIX, signed(&no_events, COFFEE, 2));
    let mut goodless = tr::coffee_short("0001", "CF2609H");
    goodless.insert(
        1,
        tr::ev("2026-09-13T09:00", txng_core::vocab::KnownStep::Storing)
            .at(
                tr::sgln(COFFEE_PREFIX, "0001"),
                "Kho thành phẩm HTX, xã Khe Sanh",
            )
            .sensor("Temperature", 26.0)
            .sensor("Humidity", 65.0)
            .notes("Đo nhiệt độ, độ ẩm kho (sự kiện không ghi lô hàng)."),
    );
    let goodless = tr::document(
        "txng-trace/1",
        &cg,
        "CF2609H",
        tr::coffee_product(),
        goodless,
        "2026-09-20T08:00",
    );
    put("CF2609H", COFFEE_PREFIX, signed(&goodless, COFFEE, 2));
    let stageless = tr::document(
        "txng-trace/1",
        &cg,
        "CF2609P",
        tr::coffee_product(),
        tr::coffee_short("0001", "CF2609P")
            .into_iter()
            .map(tr::E::no_step)
            .collect(),
        "2026-09-20T08:00",
    );
    put("CF2609P", COFFEE_PREFIX, signed(&stageless, COFFEE, 2));
    let pg = gtin(PEPPER_PREFIX, "0001");
    for (lot, pack, recalled) in [
        ("HT2605A", "2026-05-06", false),
        ("HT2604R", "2026-04-20", true),
    ] {
        let doc = tr::document(
            "txng-trace/1",
            &pg,
            lot,
            tr::pepper_product(),
            tr::pepper_events("0001", lot, pack, recalled),
            if recalled {
                "2026-10-03T08:30"
            } else {
                "2026-05-10T12:00"
            },
        );
        put(lot, PEPPER_PREFIX, signed(&doc, PEPPER, 1));
    }
    let og = gtin(OIL_PREFIX, "0001");
    for lot in ["TD2610A", "TD2610X"] {
        let doc = tr::document(
            "txng-trace/1",
            &og,
            lot,
            tr::oil_product(),
            tr::oil_events("0001", lot),
            "2026-10-08T09:00",
        );
        put(lot, OIL_PREFIX, signed(&doc, OIL, 1));
    }
    // The product name given twice: a parser that keeps the last member would show the second.
    let mut two_names = tr::coffee_product();
    if let J::Obj(m) = &mut two_names {
        m.push((
            "name".into(),
            J::from("Cà phê chồn thượng hạng (tên thứ hai)"),
        ));
    }
    put(
        "CF2609Q",
        COFFEE_PREFIX,
        signed(&short("CF2609Q", two_names, "txng-trace/1"), COFFEE, 2),
    );
    // Signed with the pepper cooperative's key 2, registered ahead (valid from 2030).
    let early = tr::document(
        "txng-trace/1",
        &pg,
        "HT2605K",
        tr::pepper_product(),
        tr::pepper_events("0001", "HT2605K", "2026-05-06", false),
        "2026-05-10T12:00",
    );
    put("HT2605K", PEPPER_PREFIX, signed(&early, PEPPER, 2));
    let hg = gtin(HONEY_PREFIX, "0001");
    let honey = tr::document(
        "txng-trace/1",
        &hg,
        "HN2610A",
        tr::honey_product(),
        tr::honey_events("0001", "HN2610A"),
        "2026-10-10T10:00",
    );
    put("HN2610A", HONEY_PREFIX, signed(&honey, HONEY, 1));
    out.sort();
    out.into_iter().map(|(p, t)| (p, t.into_bytes())).collect()
}

struct Builder {
    cases: Vec<Case>,
}

impl Builder {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        slug: &str,
        name_vi: &'static str,
        name_en: &'static str,
        state: State,
        expect: &[Code],
        registry: RegistryIn,
        trace: TraceIn,
        comment: &'static str,
        text: String,
    ) {
        let n = self.cases.len() + 1;
        self.cases.push(Case {
            id: format!("{n:03}-{slug}"),
            name_vi,
            name_en,
            expect: expect.to_vec(),
            state,
            now: NOW,
            registry,
            trace,
            cached: false,
            known_issued_at: None,
            comment,
            text,
        });
    }

    fn last(&mut self) -> &mut Case {
        let i = self.cases.len() - 1;
        &mut self.cases[i]
    }
}

const MAIN: RegistryIn = RegistryIn::File("registry.jws");

/// Every demo case, in order: genuine labels first, then each fault.
pub fn cases() -> Vec<Case> {
    use Code::*;
    use State::*;
    let b = base();
    let mut c = Builder { cases: Vec::new() };
    let ok = [
        PayloadParsed,
        RegistryValid,
        RegistryDemo,
        SignatureValid,
        HostOfficial,
        TraceValid,
        LabelCopyPossible,
    ];
    let ct = |lot: &str| TraceIn::File(trace_path(COFFEE_PREFIX, lot));

    let coffee = sign(
        COFFEE,
        2,
        COFFEE_PREFIX,
        "CF2609A",
        "000101",
        &coffee_attrs("260912", "270911"),
    );
    let pepper = sign(
        PEPPER,
        1,
        PEPPER_PREFIX,
        "HT2605A",
        "000201",
        &pepper_attrs("260506", "280505"),
    );
    let oil = sign(
        OIL,
        1,
        OIL_PREFIX,
        "TD2610A",
        "000301",
        &[(Ai::ProductionDate, "261005"), (Ai::Expiry, "291004")],
    );
    let coffee_uri = coffee.to_uri(&b);

    // --- Genuine labels ---
    c.add(
        "ca-phe-hop-le",
        "Cà phê Khe Sanh: mã hợp lệ",
        "Khe Sanh coffee: valid code",
        Verified,
        &ok,
        MAIN,
        ct("CF2609A"),
        "Genuine label of the coffee cooperative, current key 2, official host, full trace",
        coffee_uri.clone(),
    );
    c.add(
        "ho-tieu-hop-le",
        "Hồ tiêu Cồn Tiên: mã hợp lệ",
        "Cồn Tiên pepper: valid code",
        Verified,
        &ok,
        MAIN,
        TraceIn::File(trace_path(PEPPER_PREFIX, "HT2605A")),
        "Genuine pepper label with harvest range (7007) and best-before date (15)",
        pepper.to_uri(&b),
    );
    c.add(
        "tinh-dau-tram-ocop",
        "Tinh dầu tràm OCOP 4 sao: mã hợp lệ",
        "OCOP 4-star cajeput oil: valid code",
        Verified,
        &ok,
        MAIN,
        TraceIn::File(trace_path(OIL_PREFIX, "TD2610A")),
        "Genuine label of the OCOP producer",
        oil.to_uri(&b),
    );
    c.add(
        "may-chu-demo-cuc-bo",
        "Mã trỏ tới máy chủ demo 127.0.0.1",
        "Code pointing at the local demo server",
        Verified,
        &ok,
        MAIN,
        ct("CF2609A"),
        "127.0.0.1 is one of the demo registry's resolvers: the host is not signed",
        coffee.to_uri("http://127.0.0.1:8080"),
    );
    let retired = sign(
        COFFEE,
        1,
        COFFEE_PREFIX,
        "CF2603B",
        "000102",
        &coffee_attrs("260312", "270311"),
    );
    c.add(
        "khoa-da-thay-the",
        "Nhãn ký bằng khóa cũ đã thay thế",
        "Label signed with a retired key",
        Verified,
        &[SignatureValid, KeyRetired, TraceValid],
        MAIN,
        ct("CF2603B"),
        "Key 1 was retired on 2026-06-01; labels it signed before stay valid (amber)",
        retired.to_uri(&b),
    );
    c.add(
        "chuoi-phan-tu-gs1",
        "Mã GS1 dạng chuỗi phần tử (máy quét)",
        "GS1 element string (scanner output)",
        Verified,
        &[PayloadParsed, SignatureValid, HostAbsent, TraceValid],
        MAIN,
        ct("CF2609A"),
        "Element string with GS separators and no AIM prefix, as a 2D scanner sends it",
        coffee.to_element_string(),
    );
    c.add(
        "chuoi-phan-tu-aim",
        "Chuỗi phần tử có tiền tố AIM ]Q3",
        "Element string with AIM prefix ]Q3",
        Verified,
        &[PayloadParsed, SignatureValid, HostAbsent],
        MAIN,
        ct("CF2609A"),
        "Element string with the GS1 QR symbology identifier ]Q3",
        format!("]Q3{}", coffee.to_element_string()),
    );
    c.add(
        "dang-ngoac",
        "Mã GS1 dạng có ngoặc (nhập tay)",
        "Bracketed GS1 form (typed)",
        Verified,
        &[PayloadParsed, SignatureValid, HostAbsent],
        MAIN,
        ct("CF2609A"),
        "Human-readable bracketed form (01)…(8030)…",
        coffee.to_bracketed(),
    );
    c.add(
        "ten-mien-gia",
        "Chữ ký thật nhưng tên miền lạ (nghi dán tem giả)",
        "Real signature on an unofficial host (phishing sticker?)",
        VerifiedWithWarnings,
        &[SignatureValid, HostUnofficial],
        MAIN,
        ct("CF2609A"),
        "A valid signature copied onto a look-alike host",
        coffee.to_uri("https://truyxuat-quangtri.vn.com"),
    );
    c.add(
        "danh-sach-khoa-moi",
        "Danh sách ký bằng khóa mới của Sở",
        "Registry signed with the authority's second key",
        Verified,
        &[RegistryValid, SignatureValid, TraceValid],
        RegistryIn::File("registry-anchor-b.jws"),
        ct("CF2609A"),
        "Authority key rotation: the registry is signed with anchor qt-sokhcn-2026b",
        coffee_uri.clone(),
    );
    c.add(
        "danh-sach-cu",
        "Danh sách nhà sản xuất đã quá hạn cập nhật",
        "Producer list past its next update",
        VerifiedWithWarnings,
        &[RegistryValid, RegistryStale, SignatureValid],
        RegistryIn::File("registry-stale.jws"),
        ct("CF2609A"),
        "next_update 2026-11-15 is past but within 90 days: amber",
        coffee_uri.clone(),
    );
    c.add(
        "danh-sach-luu-tren-may",
        "Danh sách lấy từ bộ nhớ máy (ngoại tuyến)",
        "Producer list from the device cache (offline)",
        Verified,
        &[RegistryValid, RegistryCached, SignatureValid],
        MAIN,
        ct("CF2609A"),
        "The registry bytes came from the device's cache",
        coffee_uri.clone(),
    );
    c.last().cached = true;
    let expired = sign(
        COFFEE,
        1,
        COFFEE_PREFIX,
        "CF2405A",
        "000103",
        &coffee_attrs("240512", "250511"),
    );
    c.add(
        "het-han-su-dung",
        "Sản phẩm đã hết hạn sử dụng",
        "Product past its expiry date",
        VerifiedWithWarnings,
        &[SignatureValid, KeyRetired, ProductExpired, TraceValid],
        MAIN,
        ct("CF2405A"),
        "Expiry (17) 2025-05-11 is past; signed in 2024 with key 1, since retired",
        expired.to_uri(&b),
    );
    let nameless = sign(
        COFFEE,
        2,
        COFFEE_PREFIX,
        "CF2609N",
        "000104",
        &coffee_attrs("260912", "270911"),
    );
    c.add(
        "thieu-ten-san-pham",
        "Nhật ký thiếu tên sản phẩm",
        "Trace without a product name",
        VerifiedWithWarnings,
        &[SignatureValid, TraceValid, InfoMissingName],
        MAIN,
        ct("CF2609N"),
        "The trace document's product name is empty (Thông tư 02/2024/TT-BKHCN)",
        nameless.to_uri(&b),
    );
    let imageless = sign(
        COFFEE,
        2,
        COFFEE_PREFIX,
        "CF2609I",
        "000105",
        &coffee_attrs("260912", "270911"),
    );
    c.add(
        "thieu-anh-san-pham",
        "Nhật ký thiếu ảnh sản phẩm",
        "Trace without a product image",
        Verified,
        &[SignatureValid, TraceValid, InfoMissingImage],
        MAIN,
        ct("CF2609I"),
        "The trace document has no image_url",
        imageless.to_uri(&b),
    );
    let no_expiry = sign(
        OIL,
        1,
        OIL_PREFIX,
        "TD2610X",
        "000302",
        &[(Ai::ProductionDate, "261005")],
    );
    c.add(
        "thieu-han-dung",
        "Không có hạn sử dụng",
        "No expiry date anywhere",
        VerifiedWithWarnings,
        &[SignatureValid, TraceValid, InfoMissingExpiry],
        MAIN,
        TraceIn::File(trace_path(OIL_PREFIX, "TD2610X")),
        "has_expiry is true but neither the label (15, 17) nor the trace gives a date",
        no_expiry.to_uri(&b),
    );
    let honey = sign(
        HONEY,
        1,
        HONEY_PREFIX,
        "HN2610A",
        "000401",
        &[(Ai::Expiry, "281009")],
    );
    c.add(
        "thieu-dia-chi-nha-san-xuat",
        "Nhà sản xuất thiếu địa chỉ trong danh sách",
        "Producer listed without an address",
        VerifiedWithWarnings,
        &[SignatureValid, TraceValid, InfoMissingProducer],
        RegistryIn::File("registry-incomplete.jws"),
        TraceIn::File(trace_path(HONEY_PREFIX, "HN2610A")),
        "The registry lists the producer with an empty address",
        honey.to_uri(&b),
    );
    let fault = |lot: &str, serial: &str| {
        sign(
            COFFEE,
            2,
            COFFEE_PREFIX,
            lot,
            serial,
            &coffee_attrs("260912", "270911"),
        )
        .to_uri(&b)
    };
    c.add(
        "khong-tai-duoc-nhat-ky",
        "Không tải được nhật ký sản xuất",
        "Trace document unavailable",
        VerifiedWithWarnings,
        &[SignatureValid, TraceUnavailable],
        MAIN,
        TraceIn::Unavailable,
        "No trace document is published for lot CF2609U (HTTP 404)",
        fault("CF2609U", "000106"),
    );
    c.add("nhat-ky-qua-lon", "Nhật ký quá lớn", "Trace document too large", VerifiedWithWarnings,
        &[SignatureValid, TraceTooLarge], MAIN, TraceIn::TooLarge,
        "The trace document is over 1 MiB (the served demo has such a file; the vector only says so)", fault("CF2609L", "000107"));
    c.add(
        "nhat-ky-hong",
        "Nhật ký hỏng (trang lỗi HTML)",
        "Garbled trace document (HTML error page)",
        VerifiedWithWarnings,
        &[SignatureValid, TraceMalformed],
        MAIN,
        ct("CF2609G"),
        "The server answers with an HTML page instead of a JWS",
        fault("CF2609G", "000108"),
    );
    c.add(
        "nhat-ky-phien-ban-moi",
        "Nhật ký phiên bản mới chưa hỗ trợ",
        "Trace document of an unsupported version",
        VerifiedWithWarnings,
        &[SignatureValid, TraceVersionUnsupported],
        MAIN,
        ct("CF2609V"),
        "Signed trace document with format txng-trace/2",
        fault("CF2609V", "000109"),
    );
    c.add(
        "nhat-ky-qua-nhieu-su-kien",
        "Nhật ký có quá nhiều sự kiện",
        "Trace document with too many events",
        VerifiedWithWarnings,
        &[SignatureValid, TraceTooManyEvents],
        MAIN,
        ct("CF2609E"),
        "Signed trace document with 1001 (empty) events, over the limit of 1000",
        fault("CF2609E", "000110"),
    );

    // --- Faults of the label ---
    let mut altered = coffee.clone();
    altered.data.lot = "CF2609B".to_string();
    c.add(
        "lo-bi-sua",
        "Số lô bị sửa",
        "Altered lot number",
        Invalid,
        &[SignatureInvalid],
        MAIN,
        TraceIn::None,
        "Lot changed from CF2609A to CF2609B after signing",
        altered.to_uri(&b),
    );
    c.add(
        "khoa-khong-ton-tai",
        "Khóa không có trong danh sách",
        "Key not in the registry",
        Invalid,
        &[KeyUnknown],
        MAIN,
        TraceIn::None,
        "Signed with a key number 9 the cooperative never registered",
        sign(
            COFFEE,
            9,
            COFFEE_PREFIX,
            "CF2609A",
            "000111",
            &coffee_attrs("260912", "270911"),
        )
        .to_uri(&b),
    );
    c.add(
        "khoa-da-thu-hoi",
        "Khóa đã bị thu hồi (lộ khóa)",
        "Revoked (compromised) key",
        Invalid,
        &[KeyRevoked],
        MAIN,
        TraceIn::None,
        "Key 3 was revoked on 2026-09-15 after a laptop was lost",
        sign(
            COFFEE,
            3,
            COFFEE_PREFIX,
            "CF2609A",
            "000112",
            &coffee_attrs("260912", "270911"),
        )
        .to_uri(&b),
    );
    c.add(
        "khoa-chua-hieu-luc",
        "Khóa chưa đến ngày hiệu lực",
        "Key not valid yet",
        Invalid,
        &[KeyNotYetValid],
        MAIN,
        TraceIn::None,
        "The pepper cooperative's key 2 is registered ahead, valid from 2030-07-01",
        sign(
            PEPPER,
            2,
            PEPPER_PREFIX,
            "HT2605A",
            "000202",
            &pepper_attrs("260506", "280505"),
        )
        .to_uri(&b),
    );
    c.add(
        "nha-san-xuat-la",
        "Nhà sản xuất không có trong danh sách",
        "Producer not in the registry",
        CannotTell,
        &[ProducerUnknown],
        MAIN,
        TraceIn::None,
        "GTIN of a company prefix (89350999) that no listed producer owns",
        sign(
            "gia-mao",
            1,
            UNKNOWN_PREFIX,
            "CF2609A",
            "000001",
            &coffee_attrs("260912", "270911"),
        )
        .to_uri(&b),
    );

    // --- Faults of the trace document ---
    c.add(
        "nhat-ky-cua-lo-khac",
        "Nhật ký của lô khác",
        "Trace document of another lot",
        Invalid,
        &[SignatureValid, TraceMismatch],
        MAIN,
        ct("CF2609M"),
        "The trace URL of lot CF2609M serves the (authentic) document of lot CF2609A",
        fault("CF2609M", "000113"),
    );
    c.add(
        "nhat-ky-bi-sua",
        "Nhật ký bị sửa",
        "Tampered trace document",
        Invalid,
        &[SignatureValid, TraceSignatureInvalid],
        MAIN,
        ct("CF2609T"),
        "A quantity in the trace payload changed after signing",
        fault("CF2609T", "000114"),
    );
    c.add(
        "nhat-ky-do-nguoi-khac-ky",
        "Nhật ký do đơn vị khác ký",
        "Trace document signed by another producer",
        Invalid,
        &[SignatureValid, TraceSignerUnknown],
        MAIN,
        ct("CF2609S"),
        "The coffee lot's trace is signed by the pepper cooperative",
        fault("CF2609S", "000115"),
    );
    c.add(
        "nhat-ky-khoa-thu-hoi",
        "Nhật ký ký bằng khóa đã thu hồi",
        "Trace document signed with a revoked key",
        Invalid,
        &[SignatureValid, TraceKeyRevoked],
        MAIN,
        ct("CF2609R"),
        "The trace is signed with the coffee cooperative's revoked key 3",
        fault("CF2609R", "000116"),
    );
    let recalled = sign(
        PEPPER,
        1,
        PEPPER_PREFIX,
        "HT2604R",
        "000203",
        &pepper_attrs("260420", "280419"),
    );
    c.add(
        "lo-bi-thu-hoi",
        "Lô hàng đã bị thu hồi",
        "Recalled lot",
        Invalid,
        &[SignatureValid, TraceValid, LotRecalled],
        MAIN,
        TraceIn::File(trace_path(PEPPER_PREFIX, "HT2604R")),
        "The pepper lot's timeline ends with a recalled disposition",
        recalled.to_uri(&b),
    );

    // --- Faults of the registry ---
    let reg = |f: &'static str| RegistryIn::File(f);
    c.add(
        "danh-sach-qua-cu",
        "Danh sách nhà sản xuất quá cũ",
        "Producer list too old",
        CannotTell,
        &[RegistryExpired, SignatureValid],
        reg("registry-expired.jws"),
        TraceIn::None,
        "next_update 2026-08-01 is more than 90 days past: grey",
        coffee_uri.clone(),
    );
    c.add(
        "danh-sach-khoa-la",
        "Danh sách ký bằng khóa lạ",
        "Registry signed by an unknown key",
        CannotTell,
        &[RegistryUntrustedKey],
        reg("registry-untrusted.jws"),
        TraceIn::None,
        "kid qt-sokhcn-2025x is no trust anchor",
        coffee_uri.clone(),
    );
    c.add(
        "danh-sach-sai-chu-ky",
        "Danh sách sai chữ ký",
        "Registry with a bad signature",
        CannotTell,
        &[RegistrySignatureInvalid],
        reg("registry-bad-signature.jws"),
        TraceIn::None,
        "A producer address in the payload was edited after signing",
        coffee_uri.clone(),
    );
    c.add(
        "danh-sach-sai-cau-truc",
        "Danh sách thiếu trường bắt buộc",
        "Registry missing a required field",
        CannotTell,
        &[RegistryMalformed],
        reg("registry-malformed.jws"),
        TraceIn::None,
        "Signed registry without `producers`",
        coffee_uri.clone(),
    );
    c.add(
        "danh-sach-la-trang-web",
        "Nhận được trang web thay vì danh sách",
        "An HTML page instead of the registry",
        CannotTell,
        &[RegistryMalformed],
        reg("registry-html.jws"),
        TraceIn::None,
        "A Wi-Fi captive portal answered the registry request",
        coffee_uri.clone(),
    );
    c.add(
        "danh-sach-trung-ma",
        "Danh sách có hai nhà sản xuất trùng mã",
        "Registry with a duplicate producer id",
        CannotTell,
        &[RegistryDuplicateId],
        reg("registry-duplicate-id.jws"),
        TraceIn::None,
        "The coffee cooperative is listed twice",
        coffee_uri.clone(),
    );
    c.add(
        "danh-sach-trung-tien-to",
        "Hai nhà sản xuất cùng tiền tố GS1",
        "Two producers with one GS1 prefix",
        CannotTell,
        &[RegistryPrefixConflict],
        reg("registry-prefix-conflict.jws"),
        TraceIn::None,
        "A trading company also claims prefix 89350123",
        coffee_uri.clone(),
    );
    c.add(
        "danh-sach-khoa-yeu",
        "Danh sách chứa khóa yếu",
        "Registry with a weak key",
        CannotTell,
        &[RegistryKeyInvalid],
        reg("registry-weak-key.jws"),
        TraceIn::None,
        "The pepper cooperative's key is the small-order identity point",
        pepper.to_uri(&b),
    );
    c.add(
        "danh-sach-phien-ban-moi",
        "Danh sách phiên bản mới chưa hỗ trợ",
        "Registry of an unsupported version",
        CannotTell,
        &[RegistryVersionUnsupported],
        reg("registry-version-2.jws"),
        TraceIn::None,
        "Signed registry with format txng-registry/2",
        coffee_uri.clone(),
    );
    c.add(
        "khong-tai-duoc-danh-sach",
        "Không tải được danh sách (mất mạng)",
        "Registry unavailable (offline)",
        CannotTell,
        &[RegistryUnavailable],
        RegistryIn::None,
        TraceIn::None,
        "No registry could be fetched and none is cached",
        coffee_uri.clone(),
    );
    c.add(
        "danh-sach-qua-lon",
        "Danh sách quá lớn",
        "Registry too large",
        CannotTell,
        &[RegistryTooLarge],
        RegistryIn::TooLarge,
        TraceIn::None,
        "The registry is over 4 MiB (the vector only says so)",
        coffee_uri.clone(),
    );

    // --- Faults of the scanned text ---
    let g = coffee.data.gtin.clone();
    let sig = coffee.signature.encode();
    let path = format!("{b}/01/{g}/10/CF2609A/21/000101");
    let q = "11=260912&17=270911&422=704";
    let mut bad_gtin = g.clone();
    let last = bad_gtin.pop().and_then(|d| d.to_digit(10)).unwrap_or(0);
    bad_gtin.push(char::from_digit((last + 1) % 10, 10).unwrap_or('0'));
    let p = |code, slug, vi, en, state, comment, text: String| {
        (code, slug, vi, en, state, comment, text)
    };
    let mut trailing = sig.clone().into_bytes();
    if let Some(x) = trailing.last_mut() {
        // The last character carries 4 unused bits; setting one gives a second spelling.
        *x = match *x {
            b'A' => b'B',
            b'Q' => b'R',
            b'g' => b'h',
            _ => b'x',
        };
    }
    let trailing = String::from_utf8(trailing).unwrap_or_default();
    let mut raw = vec![0x02u8, 0, 2];
    raw.extend_from_slice(&coffee.signature.signature);
    let profile2 = txng_core::b64::encode(&raw);
    let payload_cases = [
        p(
            PayloadGtinCheckDigit,
            "sai-so-kiem-tra",
            "Mã GTIN sai số kiểm tra",
            "Wrong GTIN check digit",
            Invalid,
            "Last digit of the GTIN changed",
            format!("{b}/01/{bad_gtin}/10/CF2609A/21/000101?{q}&8030={sig}"),
        ),
        p(
            PayloadLotMissing,
            "thieu-so-lo",
            "Thiếu số lô",
            "Lot missing",
            Invalid,
            "No AI 10 in the path",
            format!("{b}/01/{g}/21/000101?{q}&8030={sig}"),
        ),
        p(
            PayloadSerialMissing,
            "thieu-so-seri",
            "Thiếu số sê-ri",
            "Serial missing",
            Invalid,
            "No AI 21 in the path",
            format!("{b}/01/{g}/10/CF2609A?{q}&8030={sig}"),
        ),
        p(
            PayloadAiNotAllowed,
            "truong-khong-duoc-phep",
            "Mã chứa trường GS1 không được phép",
            "GS1 AI not allowed here",
            Invalid,
            "AI 3103 (net weight) is a real GS1 AI that txng's profile does not allow",
            format!("{path}?{q}&3103=000500&8030={sig}"),
        ),
        p(
            PayloadAiDuplicate,
            "truong-lap",
            "Trường hạn dùng lặp hai lần",
            "Expiry date given twice",
            Invalid,
            "AI 17 appears twice",
            format!("{path}?{q}&17=280911&8030={sig}"),
        ),
        p(
            PayloadValueEmpty,
            "truong-trong",
            "Trường hạn dùng bị trống",
            "Empty expiry date",
            Invalid,
            "AI 17 has an empty value",
            format!("{path}?11=260912&17=&422=704&8030={sig}"),
        ),
        p(
            PayloadValueInvalid,
            "gia-tri-sai",
            "Mã nước xuất xứ sai định dạng",
            "Malformed country code",
            Invalid,
            "AI 422 must be 3 digits (ISO 3166 numeric), not VN",
            format!("{path}?11=260912&17=270911&422=VN&8030={sig}"),
        ),
        p(
            PayloadDateInvalid,
            "ngay-khong-co-that",
            "Hạn dùng là ngày không có thật",
            "Expiry date that does not exist",
            Invalid,
            "29 February 2027 does not exist",
            format!("{path}?11=260912&17=270229&422=704&8030={sig}"),
        ),
        p(
            PayloadSignatureEncoding,
            "chu-ky-co-dau-bang",
            "Chữ ký có ký tự đệm '='",
            "Signature with '=' padding",
            Invalid,
            "AI 8030 in txng's format (90 characters, first A) must be unpadded base64url",
            format!("{path}?{q}&8030={}==", &sig[..88]),
        ),
        p(
            PayloadSignatureEncoding,
            "chu-ky-bit-thua",
            "Chữ ký viết theo cách thứ hai",
            "Signature with non-zero trailing bits",
            Invalid,
            "The unused trailing bits of AI 8030 must be zero: one spelling per signature",
            format!("{path}?{q}&8030={trailing}"),
        ),
        p(
            PayloadSignatureForeign,
            "chu-ky-bi-cat",
            "Chữ ký bị cắt ngắn",
            "Truncated signature",
            CannotTell,
            "AI 8030 of 89 characters is not txng's format (FORMAT.md §1.3): grey, never red",
            format!("{path}?{q}&8030={}", &sig[..89]),
        ),
        p(
            PayloadProfileUnknown,
            "kieu-chu-ky-moi",
            "Kiểu chữ ký mới chưa hỗ trợ",
            "Unknown signature profile",
            CannotTell,
            "AI 8030 profile byte 0x02",
            format!("{path}?{q}&8030={profile2}"),
        ),
        p(
            PayloadNotGs1,
            "ma-wifi",
            "Mã Wi-Fi, không phải mã truy xuất",
            "A Wi-Fi code, not a traceability code",
            CannotTell,
            "Wi-Fi network QR code",
            "WIFI:T:WPA;S:CaPheKheSanh;P:12345678;;".to_string(),
        ),
        p(
            PayloadNotGs1,
            "duong-link-thuong",
            "Đường link thông thường",
            "An ordinary web link",
            CannotTell,
            "A shop link without GS1 Digital Link path",
            "https://example.com/san-pham/ca-phe-khe-sanh".to_string(),
        ),
        p(
            PayloadUnsigned,
            "ma-khong-chu-ky",
            "Mã GS1 không có chữ ký số",
            "GS1 link without a signature",
            CannotTell,
            "Valid GS1 Digital Link without AI 8030",
            format!("{path}?{q}"),
        ),
        p(
            PayloadTooLong,
            "ma-qua-dai",
            "Nội dung mã quá dài",
            "Scanned text too long",
            Invalid,
            "Over 4096 bytes (does not fit in a QR code either)",
            format!("{coffee_uri}&utm_source={}", "x".repeat(4100)),
        ),
        p(
            PayloadPathInvalid,
            "duong-dan-sai-thu-tu",
            "Đường link sai thứ tự",
            "Path in the wrong order",
            Invalid,
            "Serial (21) before lot (10)",
            format!("{b}/01/{g}/21/000101/10/CF2609A?{q}&8030={sig}"),
        ),
        p(
            PayloadGtinMissing,
            "thieu-gtin",
            "Thiếu mã sản phẩm GTIN",
            "GTIN missing",
            Invalid,
            "Element string without AI 01",
            format!("10CF2609A\u{1d}21000101\u{1d}8030{sig}"),
        ),
    ];
    for (code, slug, vi, en, state, comment, text) in payload_cases {
        c.add(
            slug,
            vi,
            en,
            state,
            &[code],
            MAIN,
            TraceIn::None,
            comment,
            text,
        );
    }

    // --- Explicit typing of the JWS documents (FORMAT.md §2.1, §3.2) ---
    c.add(
        "danh-sach-sai-loai",
        "Tài liệu khác được đưa ra làm danh sách",
        "Another kind of document presented as the registry",
        CannotTell,
        &[RegistryWrongType],
        reg("registry-wrong-type.jws"),
        TraceIn::None,
        "The registry payload signed by authority key 1 but typed txng-trace+jws",
        coffee_uri.clone(),
    );
    c.add(
        "nhat-ky-sai-loai",
        "Tài liệu khác được đưa ra làm nhật ký",
        "Another kind of document presented as the trace",
        VerifiedWithWarnings,
        &[SignatureValid, TraceWrongType],
        MAIN,
        ct("CF2609W"),
        "The lot's trace payload signed by its producer's key but typed txng-registry+jws",
        fault("CF2609W", "000170"),
    );

    // --- txng's EPCIS profile and the Circular's minimum information (FORMAT.md §3.5, §3.6) ---
    let profile_cases = [
        (
            "CF2609D",
            "000150",
            InfoMissingStandards,
            "thieu-tieu-chuan",
            "Nhật ký không ghi tiêu chuẩn áp dụng",
            "Trace without the standards applied",
            "product.standards is absent (Thông tư 02/2024/TT-BKHCN: TCVN, QCVN, company standard)",
        ),
        (
            "CF2609K",
            "000151",
            TraceNoEvents,
            "nhat-ky-khong-co-su-kien",
            "Nhật ký không có sự kiện nào",
            "Trace with an empty event list",
            "A signed, schema-valid EPCIS document whose eventList is empty",
        ),
        (
            "CF2609H",
            "000152",
            TraceEventWithoutGoods,
            "su-kien-khong-ghi-hang-hoa",
            "Có bước không ghi hàng hóa",
            "An event that names no goods",
            "A sensor-only storing ObjectEvent with neither epcList nor quantityList: valid EPCIS, but txng's profile warns",
        ),
        (
            "CF2609P",
            "000153",
            InfoMissingStages,
            "thieu-cong-doan",
            "Nhật ký không ghi công đoạn",
            "Trace whose events name no stage",
            "Every event lacks bizStep: times and goods but no production stage",
        ),
    ];
    for (lot, serial, code, slug, vi, en, comment) in profile_cases {
        c.add(
            slug,
            vi,
            en,
            VerifiedWithWarnings,
            &[SignatureValid, TraceValid, code],
            MAIN,
            ct(lot),
            comment,
            fault(lot, serial),
        );
    }
    label_syntax_cases(&mut c, &coffee);
    no_false_green(&mut c, &coffee_uri);
    c.cases
}

/// FORMAT.md §1.1–§1.3, §1.6: one vector for each outcome of the URL, white space, AIM, query and
/// AI (8030) rules.
fn label_syntax_cases(c: &mut Builder, coffee: &SignedLink) {
    use Code::*;
    use State::*;
    let b = base();
    let g = coffee.data.gtin.clone();
    let sig = coffee.signature.encode();
    let path = format!("/01/{g}/10/CF2609A/21/000101");
    let q = "11=260912&17=270911&422=704";
    let uri = coffee.to_uri(&b);
    let green = [SignatureValid, HostOfficial];
    let elem = coffee.to_element_string();
    // Another issuer's AI (8030): not 90 characters of txng's format (an ISO/IEC 20248 DigSig has
    // its own structure, defined by its DigSig certificate).
    let foreign: Vec<u8> = (0u8..45)
        .map(|i| i.wrapping_mul(37).wrapping_add(0x0e))
        .collect();
    let foreign = txng_core::b64::encode(&foreign);
    let p = |code: Code, slug, vi, en, state, comment, text: String| {
        (code, slug, vi, en, state, comment, text)
    };
    let cases = [
        p(PayloadPathInvalid, "ten-mien-sau-dau-gach-nguoc", "Tên miền giả giấu sau dấu \\ và @", "Host hidden behind a backslash and @",
            Invalid, "Browsers open evil.example (\\ is /): refused, never host.official",
            format!("https://evil.example\\@truyxuat.quangtri.gov.vn{path}?{q}&8030={sig}")),
        p(PayloadPathInvalid, "ten-mien-co-userinfo", "Đường link có phần tên người dùng (@)", "Link with userinfo (@)",
            Invalid, "userinfo is refused: the host after @ is evil.example",
            format!("https://truyxuat.quangtri.gov.vn@evil.example{path}?{q}&8030={sig}")),
        p(PayloadPathInvalid, "ten-mien-co-tab", "Tên miền có ký tự tab", "Tab inside the host",
            Invalid, "Browsers strip tab/LF/CR inside a URL: refused",
            format!("https://truyxuat.quang\ttri.gov.vn{path}?{q}&8030={sig}")),
        p(PayloadPathInvalid, "ten-mien-ipv4-hex", "Địa chỉ IP viết dạng lạ", "IPv4 address in another form",
            Invalid, "0x7f.1 is 127.0.0.1 to a browser: only a.b.c.d is accepted",
            format!("http://0x7f.1:8080{path}?{q}&8030={sig}")),
        p(PayloadPathInvalid, "ten-mien-punycode", "Tên miền quốc tế (xn--)", "Internationalised host (xn--)",
            Invalid, "IDNA hosts are refused (FORMAT.md §1.6)",
            format!("https://xn--truyxut-v0a.vn{path}?{q}&8030={sig}")),
        p(PayloadPathInvalid, "duong-dan-co-dau-cham", "Đường dẫn có đoạn /../", "Path with a /../ segment",
            Invalid, "Dot segments (also %2e forms) are resolved away by browsers: refused",
            format!("{b}/a/%2e%2e{path}?{q}&8030={sig}")),
        p(PayloadPathInvalid, "khoa-truy-van-ma-hoa", "Mã AI viết dạng %31%37", "AI key written %31%37",
            Invalid, "A query key whose %-escapes decode to digits is refused: one spelling per AI",
            format!("{b}{path}?11=260912&%31%37=270911&422=704&8030={sig}")),
        p(PayloadPathInvalid, "khoang-trang-nbsp", "Khoảng trắng lạ (NBSP) ở cuối", "No-break space at the end",
            Invalid, "Only ASCII white space is trimmed; U+00A0 stays and is not a URI character",
            format!("{uri}\u{a0}")),
        p(PayloadTooLong, "qua-dai-truoc-khi-cat", "Quá dài tính cả khoảng trắng", "Too long counting white space",
            Invalid, "The 4,096-byte limit applies before trimming",
            format!("{uri}{}", " ".repeat(MAX_INPUT_LEN + 1 - uri.len()))),
        p(PayloadNotGs1, "so-dien-thoai", "Số điện thoại", "A phone number",
            CannotTell, "Digits that start no GS1 AI and carry no 8030: grey, never red",
            "0912345678".to_string()),
        p(PayloadNotGs1, "ma-vach-ean13", "Mã vạch EAN-13 thường", "A bare EAN-13 barcode number",
            CannotTell, "A product barcode without AI 01 or 8030: not a signed code",
            g[1..].to_string()),
        p(PayloadNotGs1, "aim-gs1-chua-link", "Mã GS1 chứa đường link", "GS1 symbology carrying a link",
            CannotTell, "]Q3 marks an element string; a URI after it is not one",
            format!("]Q3{uri}")),
        p(PayloadAiUnknown, "truong-khong-co-trong-gs1", "Mã chứa trường không có trong GS1", "AI that does not exist in GS1",
            Invalid, "AI 89 is no GS1 Application Identifier",
            format!("{b}{path}?{q}&89=1&8030={sig}")),
        p(PayloadAiNotAllowed, "chuoi-phan-tu-truong-khong-duoc-phep", "Chuỗi GS1 có khối lượng tịnh", "Element string with net weight",
            Invalid, "3103 has a predefined length (6): the parser reads past it and reports it as not allowed",
            format!("01{g}3103000500{}", &elem[16..])),
        p(PayloadSignatureForeign, "chu-ky-he-thong-khac", "Chữ ký số của hệ thống khác", "Another issuer's digital signature",
            CannotTell, "A 60-character AI 8030 (e.g. an ISO/IEC 20248 DigSig) without lot: not txng's profile, grey",
            format!("01{g}21000101\u{1d}8030{foreign}")),
        p(PayloadNotGs1, "so-dien-thoai-co-8030", "Số điện thoại có các chữ số 8030", "A phone number containing 8030",
            CannotTell, "Digits that do not start with a GS1 AI are no GS1 data, even with 8030 inside: grey",
            "0908030123".to_string()),
    ];
    for (code, slug, vi, en, state, comment, text) in cases {
        c.add(
            slug,
            vi,
            en,
            state,
            &[code],
            MAIN,
            TraceIn::None,
            comment,
            text,
        );
    }
    let valid = [
        (
            "truy-van-rong",
            "Đường link có && thừa",
            "Link with empty && parameters",
            "Empty parameters (&&, trailing &) are ignored, as browsers do",
            format!("{b}{path}?&&{q}&&8030={sig}&"),
        ),
        (
            "ten-mien-chu-hoa-cham-cuoi",
            "Tên miền chữ hoa, có dấu chấm cuối và cổng",
            "Upper-case host, trailing dot and port",
            "Host compared in lower case without one trailing dot and without port",
            format!("HTTPS://TruyXuat.QuangTri.GOV.VN.:443{path}?{q}&8030={sig}"),
        ),
        (
            "khoang-trang-dau-cuoi",
            "Có tab và xuống dòng ở đầu, cuối",
            "Tab and line breaks around the text",
            "ASCII white space around the text is trimmed",
            format!("\t\r\n{uri}\r\n"),
        ),
        (
            "aim-khong-ro",
            "Tiền tố AIM lạ ]X9",
            "Unknown AIM prefix ]X9",
            "An AIM identifier other than the GS1 ones marks plain text, read by its content",
            format!("]X9{uri}"),
        ),
    ];
    for (slug, vi, en, comment, text) in valid {
        c.add(
            slug,
            vi,
            en,
            Verified,
            &green,
            MAIN,
            TraceIn::None,
            comment,
            text,
        );
    }
    // The two-digit-year window turns at New Year in Vietnam (FORMAT.md §1.2): at 03:00 on
    // 1 January 2027 there (still 2026 in UTC) "77" is 2077, so the label has not expired.
    let late = sign(
        COFFEE,
        2,
        COFFEE_PREFIX,
        "CF2609A",
        "000199",
        &[(Ai::Expiry, "771231")],
    );
    c.add(
        "nam-theo-gio-viet-nam",
        "Năm hai chữ số tính theo giờ Việt Nam",
        "Two-digit year in Vietnam time",
        Verified,
        &green,
        MAIN,
        TraceIn::None,
        "Expiry 771231 read at 2027-01-01 03:00 Vietnam time (2026 in UTC): 2077, not 1977, so not expired",
        late.to_uri(&b),
    );
    c.last().now = "2027-01-01T03:00:00+07:00";
}

/// FORMAT.md §2.2, §2.3, §3.2: the inputs that once gave a false green or a downgrade.
fn no_false_green(c: &mut Builder, coffee_uri: &str) {
    use Code::*;
    use State::*;
    let b = base();
    let forged_key2 = {
        let data = LabelData {
            gtin: gtin(COFFEE_PREFIX, "0001"),
            cpv: None,
            lot: "CF2609A".into(),
            serial: "000190".into(),
            attributes: coffee_attrs("260912", "270911")
                .iter()
                .map(|(a, v)| (*a, v.to_string()))
                .collect(),
        };
        sign_label(data, 2, &keys::key("forger")).expect("demo label data is valid")
    };
    c.add(
        "danh-sach-truong-lap",
        "Danh sách có trường bị lặp (hai khóa cho một mục)",
        "Registry entry with a duplicated member",
        CannotTell,
        &[RegistryMalformed],
        RegistryIn::File("registry-duplicate-member.jws"),
        TraceIn::None,
        "Key 2 lists public_key twice (genuine, then a forger's); the label is signed by the forger: never green",
        forged_key2.to_uri(&b),
    );
    c.add(
        "danh-sach-ten-mien-khong-chuan",
        "Danh sách ghi tên miền chính thức không chuẩn",
        "Registry with a resolver host in a non-canonical form",
        CannotTell,
        &[RegistryMalformed],
        RegistryIn::File("registry-resolver-not-canonical.jws"),
        TraceIn::None,
        "Resolver Truyxuat.QuangTri.gov.vn. (upper case, trailing dot): it would never match a scanned host",
        coffee_uri.to_string(),
    );
    c.add(
        "danh-sach-gia-tri-null",
        "Danh sách có giá trị null",
        "Registry with a null member",
        CannotTell,
        &[RegistryMalformed],
        RegistryIn::File("registry-null-member.jws"),
        TraceIn::None,
        "\"revoked_at\": null on a key: a member is present with a value or absent",
        coffee_uri.to_string(),
    );
    c.add(
        "danh-sach-khoa-hon-tap",
        "Danh sách có khóa lẫn thành phần bậc nhỏ",
        "Registry with a mixed-order key",
        CannotTell,
        &[RegistryKeyInvalid],
        RegistryIn::File("registry-mixed-order-key.jws"),
        TraceIn::None,
        "A key with a point of order 8 added: refused at load (cofactored and cofactorless verifiers would disagree)",
        coffee_uri.to_string(),
    );
    c.add(
        "danh-sach-khoa-khong-chuan",
        "Danh sách có khóa viết không chuẩn",
        "Registry with a non-canonical key encoding",
        CannotTell,
        &[RegistryKeyInvalid],
        RegistryIn::File("registry-noncanonical-key.jws"),
        TraceIn::None,
        "A key encoded with y >= p: one key, one spelling",
        coffee_uri.to_string(),
    );
    c.add(
        "danh-sach-cu-hon-ban-da-co",
        "Danh sách cũ hơn bản máy đã kiểm tra",
        "Registry older than one already verified",
        CannotTell,
        &[RegistryRollback],
        MAIN,
        TraceIn::None,
        "The device verified a list issued 2026-11-20 before: the list of 2026-11-01 is refused",
        coffee_uri.to_string(),
    );
    c.last().known_issued_at = Some("2026-11-20T00:00:00+07:00");
    let revoked = sign(
        COFFEE,
        3,
        COFFEE_PREFIX,
        "CF2609A",
        "000191",
        &coffee_attrs("260912", "270911"),
    );
    c.add(
        "dong-ho-cham-khoa-thu-hoi",
        "Đồng hồ máy chậm: khóa đã thu hồi vẫn bị từ chối",
        "Clock set back: a revoked key stays revoked",
        Invalid,
        &[ClockBehind, KeyRevoked],
        MAIN,
        TraceIn::None,
        "Device clock on 2026-09-01, before key 3's revocation; the list was issued 2026-11-01, so keys are judged then",
        revoked.to_uri(&b),
    );
    c.last().now = "2026-09-01T10:00:00+07:00";
    c.add(
        "dong-ho-cham",
        "Đồng hồ máy chậm hơn ngày ký danh sách",
        "Device clock behind the list's issue date",
        VerifiedWithWarnings,
        &[ClockBehind, SignatureValid],
        MAIN,
        TraceIn::None,
        "Device clock on 2026-10-01, a month before the list was issued",
        coffee_uri.to_string(),
    );
    c.last().now = "2026-10-01T10:00:00+07:00";
    let key9 = sign(
        COFFEE,
        9,
        COFFEE_PREFIX,
        "CF2609A",
        "000192",
        &coffee_attrs("260912", "270911"),
    );
    c.add(
        "khoa-chua-co-trong-ban-luu",
        "Khóa chưa có trong danh sách đã lưu",
        "Key not in the saved list",
        CannotTell,
        &[RegistryCached, KeyNotYetListed],
        MAIN,
        TraceIn::None,
        "Offline with a saved list: a key number it lacks may have been published since (grey, not red)",
        key9.to_uri(&b),
    );
    c.last().cached = true;
    c.add(
        "khoa-chua-co-trong-ban-cu",
        "Khóa chưa có trong danh sách đã cũ",
        "Key not in an out-of-date list",
        CannotTell,
        &[RegistryStale, KeyNotYetListed],
        RegistryIn::File("registry-stale.jws"),
        TraceIn::None,
        "The list is past next_update: a key number it lacks may have been published since",
        key9.to_uri(&b),
    );
    let ct = |lot: &str, prefix: &str| TraceIn::File(trace_path(prefix, lot));
    let coffee_fault = sign(
        COFFEE,
        2,
        COFFEE_PREFIX,
        "CF2609Q",
        "000193",
        &coffee_attrs("260912", "270911"),
    );
    c.add(
        "nhat-ky-truong-lap",
        "Nhật ký có trường bị lặp",
        "Trace document with a duplicated member",
        VerifiedWithWarnings,
        &[SignatureValid, TraceMalformed],
        MAIN,
        ct("CF2609Q", COFFEE_PREFIX),
        "The product name is given twice in the signed trace: refused, not read either way",
        coffee_fault.to_uri(&b),
    );
    let pepper_early = sign(
        PEPPER,
        1,
        PEPPER_PREFIX,
        "HT2605K",
        "000204",
        &pepper_attrs("260506", "280505"),
    );
    c.add(
        "nhat-ky-khoa-chua-hieu-luc",
        "Nhật ký ký bằng khóa chưa có hiệu lực",
        "Trace document signed with a key not valid yet",
        Invalid,
        &[SignatureValid, TraceKeyNotYetValid],
        MAIN,
        ct("HT2605K", PEPPER_PREFIX),
        "The pepper lot's trace is signed with key 2, valid only from 2030-07-01",
        pepper_early.to_uri(&b),
    );
}
