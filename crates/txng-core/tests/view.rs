//! The view model (FORMAT.md §4.2): severities and actions from the shopper's side, rows, the
//! timeline in words. Hand-built verdicts for the exact rules, and every pair of codes for the
//! reporting rule.

use txng_core::registry::{Address, Certification, Producer};
use txng_core::time::{parse_rfc3339, Date};
use txng_core::trace::{Product, Quantity, TraceEvent};
use txng_core::verify::LabelView;
use txng_core::view::{amount_words, Banner, Field, Report, Stage, View};
use txng_core::vocab::{KnownStep, Step};
use txng_core::{Check, Code, Lang, State, Verdict};

fn at(s: &str) -> i64 {
    parse_rfc3339(s).expect("RFC 3339").0
}

fn date(year: i64, month: u32, day: u32) -> Date {
    Date { year, month, day }
}

fn label() -> LabelView {
    LabelView {
        gtin: "08938500000019".into(),
        cpv: None,
        lot: "CF2405A".into(),
        serial: "000103".into(),
        production_date: Some(date(2024, 5, 12)),
        packaging_date: None,
        best_before: None,
        expiry: Some(date(2025, 5, 11)),
        harvest_from: None,
        harvest_to: None,
        origin: Some("704".into()),
        key_number: 1,
    }
}

fn cert(kind: &str, number: &str) -> Certification {
    Certification {
        kind: kind.into(),
        name: None,
        number: Some(number.into()),
        issuer: None,
        stars: (kind == "ocop").then_some(4),
        year: Some(2024),
        valid_until: Some("2027-03-31".into()),
        url: None,
    }
}

fn producer() -> Producer {
    Producer {
        id: "htx-khe-sanh".into(),
        name: "HTX Cà phê Khe Sanh".into(),
        tax_code: "3200123456".into(),
        address: Address {
            street: Some("Thôn Tân Hội".into()),
            commune: "Xã Khe Sanh".into(),
            province: "Quảng Trị".into(),
        },
        gs1_company_prefixes: vec!["893850000".into()],
        certifications: vec![cert("vietgap", "VG-01"), cert("ocop", "123/QĐ-UBND")],
        website: None,
        phone: Some("0233 3880 123".into()),
        keys: Vec::new(),
    }
}

fn product() -> Product {
    let mut p: Product = serde_json::from_value(serde_json::json!({
        "name": "Cà phê rang xay Khe Sanh",
        "ocop": {"stars": 4, "year": 2024},
    }))
    .expect("product");
    p.certifications = vec![cert("vietgap", "VG-01"), cert("organic", "HC-9")];
    p
}

fn verdict(checks: &[Code]) -> Verdict {
    let mut checks: Vec<Check> = checks.iter().map(|&c| Check::new(c)).collect();
    checks.push(Check::new(Code::LabelCopyPossible));
    let state = State::from_checks(&checks);
    let shown = matches!(state, State::Verified | State::VerifiedWithWarnings)
        || (state == State::Invalid
            && checks
                .iter()
                .filter(|c| c.code.severity() == txng_core::Severity::Failure)
                .all(|c| c.code == Code::LotRecalled));
    Verdict {
        state,
        checks,
        label: shown.then(label),
        producer: shown.then(producer),
        product: shown.then(product),
        events: Vec::new(),
        authority: None,
        registry_issued_at: None,
        scanned: Some(txng_core::LabelData {
            gtin: "08938500000019".into(),
            cpv: None,
            lot: "CF2405A".into(),
            serial: "000103".into(),
            attributes: Vec::new(),
        }),
    }
}

#[test]
fn expired_product_has_its_own_headline_action_and_marked_row() {
    let v = verdict(&[Code::SignatureValid, Code::ProductExpired]);
    let view = View::new(&v, Lang::Vi, Some(at("2026-11-29T10:00:00+07:00")));
    assert_eq!(view.state, State::VerifiedWithWarnings);
    assert_eq!(
        view.headline,
        "Sản phẩm đã quá hạn sử dụng (HSD: 11/05/2025)"
    );
    assert_eq!(view.action, "Không nên mua hoặc dùng sản phẩm này.");
    assert!(!view.action.contains("Không cần làm gì"));
    assert_eq!(view.report, Report::None, "amber: no reporting block");
    let p = view.product.as_ref().expect("card");
    let row = p.row(Field::Expiry).expect("expiry row");
    assert!(row.marked);
    assert!(row.value.starts_with("11/05/2025"));
}

#[test]
fn expiry_falls_back_to_the_trace_and_is_marked_when_past() {
    let mut v = verdict(&[Code::SignatureValid]);
    let mut l = label();
    l.expiry = None;
    v.label = Some(l);
    if let Some(p) = v.product.as_mut() {
        p.expiry_date = Some("2026-12-31".into());
    }
    let before = View::new(&v, Lang::Vi, Some(at("2026-12-31T23:00:00+07:00")));
    let row = before
        .product
        .as_ref()
        .and_then(|p| p.row(Field::Expiry))
        .expect("expiry from the trace");
    assert_eq!(row.value, "31/12/2026");
    assert!(!row.marked, "the last day still counts (Vietnam time)");
    let after = View::new(&v, Lang::Vi, Some(at("2027-01-01T00:00:00+07:00")));
    let row = after
        .product
        .as_ref()
        .and_then(|p| p.row(Field::Expiry))
        .expect("row");
    assert!(row.marked);
}

#[test]
fn recalled_lot_names_product_lot_and_phone_without_reporting_a_fake() {
    let v = verdict(&[Code::SignatureValid, Code::TraceValid, Code::LotRecalled]);
    assert_eq!(v.state, State::Invalid);
    let view = View::new(&v, Lang::Vi, None);
    assert_eq!(view.headline, "Lô hàng bị thu hồi – đừng sử dụng");
    let reason = view.reason.as_deref().expect("reason");
    assert!(reason.contains("Cà phê rang xay Khe Sanh"), "{reason}");
    assert!(reason.contains("CF2405A"), "{reason}");
    assert!(view.action.contains("0233 3880 123"), "{}", view.action);
    assert!(view.action.contains("nơi bán"), "{}", view.action);
    assert_ne!(view.report, Report::Prominent, "a recall is not a fake");
    assert!(!view.headline.contains("Không hợp lệ"));
    assert!(view.product.is_some(), "the genuine label's card is shown");
    assert!(view.stamp.is_none());
    // The banner alone (the widget's verify-first module) names the product as the card does.
    let banner = Banner::new(&v, Lang::Vi, None);
    let card = view.product.as_ref().expect("card").name.clone();
    assert!(
        banner
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with(&card)),
        "{banner:?}"
    );
    assert_eq!(banner, view.banner());
}

/// The banner built alone is the view's banner, for every code and both languages, with and
/// without a scan time (the verify-first module shows the one, the interface the other).
#[test]
fn banner_alone_is_the_views_banner() {
    let at_ = Some(at("2026-11-29T14:05:00+07:00"));
    for &code in Code::ALL {
        let v = verdict(&[Code::SignatureValid, Code::TraceValid, code]);
        for lang in [Lang::Vi, Lang::En] {
            for when in [None, at_] {
                assert_eq!(
                    Banner::new(&v, lang, when),
                    View::new(&v, lang, when).banner(),
                    "{code} {lang:?}"
                );
            }
        }
    }
}

#[test]
fn forgery_says_do_not_buy_with_scan_time_and_serial() {
    let v = verdict(&[Code::SignatureInvalid]);
    let view = View::new(&v, Lang::Vi, Some(at("2026-11-29T14:05:00+07:00")));
    assert_eq!(view.headline, "Đừng mua sản phẩm này");
    assert_eq!(view.report, Report::Prominent);
    let stamp = view.stamp.as_deref().expect("stamp");
    assert!(stamp.contains("29/11/2026 14:05"), "{stamp}");
    assert!(stamp.contains("000103"), "{stamp}");
    assert!(view.product.is_none(), "no card under a forgery");
    assert!(view.honesty.is_none());
}

#[test]
fn other_systems_codes_are_not_the_provinces_signed_label() {
    for code in [
        Code::PayloadNotGs1,
        Code::PayloadSignatureForeign,
        Code::ProducerUnknown,
    ] {
        let v = verdict(&[code]);
        let vi = View::new(&v, Lang::Vi, None);
        assert_eq!(
            vi.headline, "Không phải tem có chữ ký số của tỉnh",
            "{code}"
        );
        assert_ne!(vi.report, Report::Prominent, "{code}");
        let en = View::new(&v, Lang::En, None);
        assert_eq!(en.headline, "Not a signed label of this province", "{code}");
    }
}

#[test]
fn harmless_facts_are_green_with_a_note() {
    for code in [Code::KeyRetired, Code::InfoMissingImage] {
        let v = verdict(&[Code::SignatureValid, code]);
        assert_eq!(v.state, State::Verified, "{code}");
        let view = View::new(&v, Lang::Vi, None);
        assert!(view.notes.iter().any(|n| n.code == code), "{code}");
        assert!(view.honesty.is_some(), "honesty note with green");
    }
}

/// The reporting rule over every pair of codes: prominent exactly for red that is not a recall,
/// never for amber; the honesty note only with green; the stamp only with a prominent report.
#[test]
fn reporting_and_honesty_rules_for_every_pair_of_codes() {
    for &a in Code::ALL {
        for &b in Code::ALL {
            let v = verdict(&[Code::SignatureValid, a, b]);
            for lang in [Lang::Vi, Lang::En] {
                let view = View::new(&v, lang, Some(at("2026-11-29T00:00:00Z")));
                let recall = view.code == Some(Code::LotRecalled);
                match v.state {
                    State::VerifiedWithWarnings => {
                        assert_eq!(view.report, Report::None, "{a} {b}")
                    }
                    State::Invalid if recall => {
                        assert_ne!(view.report, Report::Prominent, "{a} {b}")
                    }
                    State::Invalid => assert_eq!(view.report, Report::Prominent, "{a} {b}"),
                    State::Verified | State::CannotTell => {
                        assert_ne!(view.report, Report::Prominent, "{a} {b}")
                    }
                }
                assert_eq!(
                    view.honesty.is_some(),
                    v.state == State::Verified,
                    "{a} {b}"
                );
                assert_eq!(
                    view.stamp.is_some(),
                    view.report == Report::Prominent,
                    "{a} {b}"
                );
                assert!(
                    !view.headline.is_empty() && !view.action.is_empty(),
                    "{a} {b}"
                );
                assert_eq!(view.checks.len(), v.checks.len());
            }
        }
    }
}

/// No technical words in what a shopper reads first (headline, reason, action): AI numbers,
/// GTIN, "GS1 Digital Link", "khóa ký", circular numbers stay in the technical details.
#[test]
fn banners_are_plain_words() {
    let banned = [
        "GTIN",
        "Digital Link",
        "khóa ký",
        "Khóa ký",
        "signing key",
        "Thông tư",
        "Circular",
        "(AI",
        "AI 8030",
        "Cập nhật ứng dụng",
    ];
    for &a in Code::ALL {
        let v = verdict(&[Code::SignatureValid, a]);
        for lang in [Lang::Vi, Lang::En] {
            let view = View::new(&v, lang, None);
            let text = format!(
                "{} {} {} {}",
                view.headline,
                view.reason.as_deref().unwrap_or(""),
                view.explanation.as_deref().unwrap_or(""),
                view.action
            );
            for w in banned {
                assert!(!text.contains(w), "{a} {lang:?}: {w:?} in {text:?}");
            }
        }
    }
}

#[test]
fn certifications_once_and_ocop_with_decision_and_year() {
    let v = verdict(&[Code::SignatureValid]);
    let view = View::new(&v, Lang::Vi, None);
    let p = view.product.as_ref().expect("card");
    let ocop = p.row(Field::Ocop).expect("ocop row");
    assert_eq!(
        ocop.value,
        "OCOP 4 sao (quyết định số 123/QĐ-UBND, năm 2024)"
    );
    let certs = p.row(Field::Certifications).expect("certs");
    let texts: Vec<&str> = certs.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "VietGAP — số VG-01, còn hiệu lực đến 31/03/2027",
            "Hữu cơ — số HC-9, còn hiệu lực đến 31/03/2027"
        ]
    );
    for f in [
        Field::Producer,
        Field::TaxCode,
        Field::Address,
        Field::Phone,
    ] {
        assert!(p.row(f).is_some(), "{f:?}");
    }
    assert_eq!(p.name, "Cà phê rang xay Khe Sanh");
}

fn event(step: KnownStep, when: &str) -> TraceEvent {
    let (time, offset) = parse_rfc3339(when).expect("time");
    TraceEvent {
        event_type: "ObjectEvent".into(),
        time,
        offset_minutes: offset,
        step: Some(Step::from_uri(&Step::canonical(step))),
        disposition: None,
        place: None,
        actor: None,
        notes: None,
        inputs: Vec::new(),
        quantities: Vec::new(),
        input_quantities: Vec::new(),
        sensors: Vec::new(),
        certificates: Vec::new(),
        ilmd: Vec::new(),
        has_goods: true,
    }
}

fn q(n: f64, uom: &str) -> Quantity {
    Quantity {
        epc_class: "urn:epc:class:lgtin:8938500.00001.L1".into(),
        quantity: Some(n),
        uom: Some(uom.into()),
    }
}

#[test]
fn timeline_in_words_and_overview() {
    let mut v = verdict(&[Code::SignatureValid, Code::TraceValid]);
    let harvest = event(KnownStep::Harvesting, "2026-08-01T06:30:00+07:00");
    let mut dry = event(KnownStep::Drying, "2026-08-20T16:00:00+07:00");
    dry.input_quantities = vec![q(3200.0, "KGM")];
    dry.quantities = vec![q(1150.0, "KGM")];
    let mut pack = event(KnownStep::Packing, "2026-09-12T09:15:00+07:00");
    pack.quantities = vec![q(400.0, "H87")];
    let mut ship = event(KnownStep::Shipping, "2026-09-14T08:00:00+07:00");
    ship.disposition = Some("https://ref.gs1.org/cbv/Disp-recalled".into());
    v.events = vec![harvest, dry, pack, ship];
    let view = View::new(&v, Lang::Vi, None);
    let t = &view.timeline;
    assert_eq!(t[0].when, "01/08/2026", "farm work without a clock time");
    assert_eq!(t[1].when, "20/08/2026 16:00");
    assert_eq!(
        t[1].quantities.as_deref(),
        Some("Đầu vào 3.200 kg → thu được 1.150 kg")
    );
    assert_eq!(t[2].quantities.as_deref(), Some("400 gói"));
    assert!(t[3].recalled);
    let stages: Vec<(Stage, &str)> = view
        .overview
        .iter()
        .map(|s| (s.stage, s.dates.as_str()))
        .collect();
    assert_eq!(
        stages,
        [
            (Stage::Farm, "01/08/2026"),
            (Stage::Processing, "20/08/2026"),
            (Stage::Packing, "12/09/2026"),
            (Stage::Shipping, "14/09/2026"),
        ]
    );
    assert_eq!(amount_words(12.0, Some("LTR"), Lang::Vi), "12 lít");
    assert_eq!(amount_words(11.5, Some("LTR"), Lang::En), "11.5 litres");
}

proptest::proptest! {
    /// Generated check lists (any codes, any order, signed data carried or not, with or without a
    /// scan time): the banner built alone (the widget's verify-first module shows it before the
    /// interface) is the full view's banner, its state is the verdict's, and it never reads
    /// "verified" unless the verdict is green.
    #[test]
    fn banner_alone_never_reads_greener_than_the_verdict(
        picks in proptest::collection::vec(0..Code::ALL.len(), 0..6),
        carry in proptest::bool::ANY,
        en in proptest::bool::ANY,
        scanned in proptest::option::of(1_700_000_000i64..1_900_000_000),
    ) {
        let codes: Vec<Code> = picks.iter().map(|&i| Code::ALL[i]).collect();
        let mut v = verdict(&codes);
        if carry {
            v.label = Some(label());
            v.producer = Some(producer());
            v.product = Some(product());
        }
        let lang = if en { Lang::En } else { Lang::Vi };
        let banner = Banner::new(&v, lang, scanned);
        proptest::prop_assert_eq!(&banner, &View::new(&v, lang, scanned).banner());
        proptest::prop_assert_eq!(banner.state, v.state);
        let green = txng_core::state_title(State::Verified, lang);
        proptest::prop_assert_eq!(banner.headline == green, v.state == State::Verified);
        if v.state != State::Invalid {
            proptest::prop_assert_ne!(banner.report, Report::Prominent);
        }
    }
}
