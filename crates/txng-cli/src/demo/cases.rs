//! The demo cases: signed labels for each product, and one case for every status code that data
//! can produce. Each case is a test vector (`tests/vectors/{valid,invalid}/NNN-name.txt`) and, when
//! the main registry is enough to show it, a link in the served demo (`links.json`).
//!
//! The cases are struct literals in `cases/`, one file per code group (payload, registry, key,
//! signature, trace, lot, product, clock) and the genuine labels; [`cases`] lists the groups in
//! order. Vectors are numbered by that order: append new cases at the end of the list.

mod clock;
mod genuine;
mod key;
mod lot;
mod payload;
mod product;
mod registry;
mod signature;
mod trace;

use super::json::J;
use super::keys;
use super::registry::{
    self as reg, gtin, COFFEE, COFFEE_PREFIX, HONEY, HONEY_PREFIX, HOST, OIL, OIL_PREFIX, PEPPER,
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
    /// `NNN-slug`: the slug numbered by the case's place in [`cases`].
    pub id: String,
    /// The vector's name without its number, e.g. `ca-phe-hop-le`.
    pub slug: &'static str,
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
    /// The fields most cases leave as they are (`..Case::DEFAULT`): verified at [`NOW`], the
    /// registry fresh from the network, no earlier registry known. A literal gives every other
    /// field; `id` is set by [`cases`].
    pub const DEFAULT: Case = Case {
        id: String::new(),
        slug: "",
        name_vi: "",
        name_en: "",
        expect: Vec::new(),
        state: State::CannotTell,
        now: NOW,
        registry: RegistryIn::None,
        trace: TraceIn::None,
        cached: false,
        known_issued_at: None,
        comment: "",
        text: String::new(),
    };

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
        reg::tamper(&jws, edited.as_bytes())
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

/// The served registry.
const MAIN: RegistryIn = RegistryIn::File("registry.jws");

/// The coffee lot's own trace document.
fn ct(lot: &str) -> TraceIn {
    TraceIn::File(trace_path(COFFEE_PREFIX, lot))
}

/// The labels many cases start from, signed once.
struct Labels {
    /// The canonical URI base ([`base`]).
    b: String,
    /// The genuine coffee label (lot CF2609A, current key 2).
    coffee: SignedLink,
    /// The genuine pepper label (lot HT2605A).
    pepper: SignedLink,
    /// The genuine cajeput oil label (lot TD2610A).
    oil: SignedLink,
    /// `coffee` as a URI on [`base`].
    coffee_uri: String,
}

impl Labels {
    fn new() -> Labels {
        let b = base();
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
        Labels {
            b,
            coffee,
            pepper,
            oil,
            coffee_uri,
        }
    }

    /// A genuine coffee label (current key 2) of `lot`, whose trace document shows one fault.
    fn fault(&self, lot: &str, serial: &str) -> String {
        sign(
            COFFEE,
            2,
            COFFEE_PREFIX,
            lot,
            serial,
            &coffee_attrs("260912", "270911"),
        )
        .to_uri(&self.b)
    }
}

/// Every demo case, in order: genuine labels first, then each fault. Vectors are numbered by this
/// order (`NNN-slug`), so a new case goes at the end.
pub fn cases() -> Vec<Case> {
    let l = &Labels::new();
    let groups = [
        genuine::labels(l),
        registry::genuine_lists(l),
        product::warnings(l),
        trace::fetch_warnings(l),
        signature::altered(l),
        key::label_faults(l),
        trace::faults(l),
        lot::recalled(l),
        registry::faults(l),
        payload::faults(l),
        registry::wrong_type(l),
        trace::wrong_type(l),
        trace::profile(l),
        payload::syntax(l),
        registry::no_false_green(l),
        clock::behind(l),
        key::not_yet_listed(l),
        trace::no_false_green(l),
        registry::key_checked_when_used(l),
        // Cases of other files (`demo/cases_<topic>.rs`, each a `Vec<Case>` of literals): one line
        // each, here at the end.
    ];
    let mut all: Vec<Case> = groups.into_iter().flatten().collect();
    for (i, c) in all.iter_mut().enumerate() {
        c.id = format!("{:03}-{}", i + 1, c.slug);
    }
    all
}
