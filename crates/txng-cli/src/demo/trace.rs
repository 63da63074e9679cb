//! The demo trace documents: products and EPCIS 2.0 timelines of each lot (FORMAT.md §3).
//!
//! Events use the standard EPCIS 2.0 JSON shape with txng's farm steps (`txng:BizStep-*`) and
//! diary fields (`txng:placeName`, `txng:actor`, `txng:notes`, `txng:inputs`), and every event
//! names its goods (txng's EPCIS profile, FORMAT.md §3.6), so that each document validates against
//! GS1's EPCIS 2.0 JSON schema. Times are local (+07:00) and fixed. Long timelines are written for the main lots; the lots that exist to show a
//! fault get a short one, to keep the committed vectors small.

use super::json::{obj, J};
use super::registry::{COFFEE_PREFIX, HONEY_PREFIX, OIL_PREFIX, PEPPER_PREFIX};
use txng_core::vocab::{KnownStep, Step};

/// A product as the producer describes it.
pub struct ProductSpec {
    /// Item reference within the company prefix (4 digits).
    pub item: &'static str,
    /// Company prefix.
    pub prefix: &'static str,
    /// The product JSON of trace documents.
    pub json: fn() -> J,
    /// Image file name under `demo-img/`.
    pub image: &'static str,
}

/// SGLN of a location of a producer.
pub fn sgln(prefix: &str, loc: &str) -> String {
    format!("urn:epc:id:sgln:{prefix}.{loc}.0")
}

/// LGTIN class URI of a lot: `urn:epc:class:lgtin:{prefix}.{indicator+item}.{lot}`.
pub fn lgtin(prefix: &str, item: &str, lot: &str) -> String {
    format!("urn:epc:class:lgtin:{prefix}.0{item}.{lot}")
}

fn standard(kind: &str, number: &str, name: &str) -> J {
    obj!["kind" => kind, "number" => number, "name" => name]
}

/// The JSON-LD context of every demo document: GS1's EPCIS 2.0 context and txng's terms
/// (the same as `crate::epcis::context`, checked by a test in `demo`).
pub fn context() -> J {
    let terms = crate::epcis::INPUT_TERMS
        .iter()
        .map(|(k, id, ty)| {
            let v = match ty {
                Some(ty) => obj!["@id" => *id, "@type" => *ty],
                None => J::from(*id),
            };
            (k.to_string(), v)
        })
        .collect();
    J::Arr(vec![
        J::from(crate::epcis::EPCIS_CONTEXT_URL),
        obj![
            "txng" => txng_core::vocab::TXNG_NS,
            "txng:inputs" => obj!["@id" => "txng:inputs", "@context" => J::Obj(terms)],
        ],
    ])
}

/// Ground coffee, 500 g.
pub fn coffee_product() -> J {
    obj![
        "name" => "Cà phê Arabica Khe Sanh rang xay 500 g",
        "brand" => "Khe Sanh Coffee",
        "category" => "Cà phê rang xay",
        "net_content" => "500 g",
        "image_url" => "/demo-img/ca-phe-khe-sanh.svg",
        "description" => "Cà phê Arabica (Catimor) trồng ở độ cao 400–600 m tại xã Khe Sanh, thu hái quả chín, phơi giàn, rang mộc không tẩm ướp.",
        "certifications" => vec![obj![
            "kind" => "vietgap",
            "number" => "VietGAP-TT-26-08-32-0117 (DEMO)",
            "valid_until" => "2028-08-31",
        ]],
        "standards" => vec![
            standard("tcvn", "TCVN 5251:2015", "Cà phê bột"),
            standard("qcvn", "QCVN 8-2:2011/BYT", "Giới hạn ô nhiễm kim loại nặng trong thực phẩm"),
        ],
        "has_expiry" => true,
        "storage" => "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp. Đậy kín sau khi mở bao.",
    ]
}

/// Black pepper, 200 g.
pub fn pepper_product() -> J {
    obj![
        "name" => "Hồ tiêu đen Cồn Tiên 200 g",
        "brand" => "Tiêu Cồn Tiên",
        "category" => "Gia vị – hồ tiêu hạt",
        "net_content" => "200 g",
        "image_url" => "/demo-img/ho-tieu-con-tien.svg",
        "description" => "Hồ tiêu hạt đen trồng trên đất đỏ bazan vùng Cồn Tiên – Dốc Miếu, phơi nắng tự nhiên, sàng lọc thủ công.",
        "certifications" => vec![obj![
            "kind" => "vietgap",
            "number" => "VietGAP-TT-25-11-32-0052 (DEMO)",
            "valid_until" => "2028-11-30",
        ]],
        "standards" => vec![standard("tcvn", "TCVN 7036:2008", "Hạt tiêu đen (Piper nigrum L.) – Quy định kỹ thuật")],
        "has_expiry" => true,
        "storage" => "Bảo quản nơi khô ráo, thoáng mát; đóng kín túi sau khi dùng.",
    ]
}

/// Cajeput oil, 50 ml, OCOP 4 stars.
pub fn oil_product() -> J {
    obj![
        "name" => "Tinh dầu tràm nguyên chất 50 ml",
        "brand" => "Tràm Quảng Trị",
        "category" => "Tinh dầu",
        "net_content" => "50 ml",
        "image_url" => "/demo-img/tinh-dau-tram.svg",
        "description" => "Tinh dầu chưng cất hơi nước từ lá tràm gió (Melaleuca cajuputi) vùng cát ven biển Quảng Trị. Sản phẩm OCOP 4 sao.",
        "ocop" => obj!["stars" => 4u32, "year" => 2024u32],
        "certifications" => vec![obj![
            "kind" => "ocop",
            "stars" => 4u32,
            "year" => 2024u32,
            "issuer" => "UBND tỉnh Quảng Trị (DEMO)",
        ]],
        "standards" => vec![standard("tccs", "TCCS 01:2024/TDT (DEMO)", "Tinh dầu tràm")],
        "has_expiry" => true,
        "storage" => "Đậy kín nắp, để nơi thoáng mát, xa tầm tay trẻ em. Không dùng cho trẻ dưới 2 tuổi.",
    ]
}

/// Wild honey (only in the incomplete-producer case).
pub fn honey_product() -> J {
    obj![
        "name" => "Mật ong rừng 500 ml (DEMO)",
        "category" => "Mật ong",
        "net_content" => "500 ml",
        "image_url" => "/demo-img/mat-ong.svg",
        "standards" => vec![standard("tccs", "TCCS 02:2026/MO (DEMO)", "Mật ong rừng")],
        "has_expiry" => true,
        "storage" => "Đậy kín, để nơi khô mát.",
    ]
}

/// The products of the data set.
pub const PRODUCTS: [ProductSpec; 4] = [
    ProductSpec {
        item: "0001",
        prefix: COFFEE_PREFIX,
        json: coffee_product,
        image: "ca-phe-khe-sanh.svg",
    },
    ProductSpec {
        item: "0001",
        prefix: PEPPER_PREFIX,
        json: pepper_product,
        image: "ho-tieu-con-tien.svg",
    },
    ProductSpec {
        item: "0001",
        prefix: OIL_PREFIX,
        json: oil_product,
        image: "tinh-dau-tram.svg",
    },
    ProductSpec {
        item: "0001",
        prefix: HONEY_PREFIX,
        json: honey_product,
        image: "mat-ong.svg",
    },
];

/// One EPCIS event, built field by field; [`E::json`] writes the fields in a fixed order.
#[derive(Default)]
pub struct E {
    kind: &'static str,
    time: String,
    action: Option<&'static str>,
    step: String,
    disposition: Option<&'static str>,
    read_point: Option<String>,
    place: Option<String>,
    actor: Option<String>,
    notes: Option<String>,
    qty: Vec<J>,
    in_qty: Vec<J>,
    out_qty: Vec<J>,
    sensors: Vec<J>,
    inputs: Vec<J>,
    cert: Option<String>,
    ilmd: Option<J>,
}

/// An `ObjectEvent` at local time `time` (`YYYY-MM-DDTHH:MM`).
pub fn ev(time: &str, step: KnownStep) -> E {
    E {
        kind: "ObjectEvent",
        time: format!("{time}:00+07:00"),
        action: Some("OBSERVE"),
        step: Step::canonical(step),
        ..E::default()
    }
}

/// A `TransformationEvent` (inputs become outputs: drying, roasting, distilling).
pub fn tr(time: &str, step: KnownStep) -> E {
    E {
        kind: "TransformationEvent",
        action: None,
        ..ev(time, step)
    }
}

fn q(class: &str, quantity: f64, uom: &str) -> J {
    obj!["epcClass" => class, "quantity" => quantity, "uom" => uom]
}

/// Schema-valid events that name no goods (`epcList: []`), as small as EPCIS allows: the
/// too-many-events case needs 1,001 of them.
pub fn bare_events(n: usize) -> Vec<J> {
    (0..n)
        .map(|_| {
            obj![
                "type" => "ObjectEvent",
                "eventTime" => "2026-09-12T14:00:00+07:00",
                "eventTimeZoneOffset" => "+07:00",
                "action" => "OBSERVE",
                "epcList" => J::Arr(Vec::new()),
            ]
        })
        .collect()
}

impl E {
    /// `action: ADD` (the lot comes into being).
    pub fn add(mut self) -> E {
        self.action = Some("ADD");
        self
    }
    /// CBV disposition (bare word).
    pub fn disp(mut self, d: &'static str) -> E {
        self.disposition = Some(d);
        self
    }
    /// Where: an SGLN and its name.
    pub fn at(mut self, sgln: String, place: &str) -> E {
        self.read_point = Some(sgln);
        self.place = Some(place.to_string());
        self
    }
    /// Who.
    pub fn by(mut self, actor: &str) -> E {
        self.actor = Some(actor.to_string());
        self
    }
    /// Diary notes.
    pub fn notes(mut self, n: &str) -> E {
        self.notes = Some(n.to_string());
        self
    }
    /// A quantity (or an output quantity for a transformation).
    pub fn qty(mut self, class: &str, quantity: f64, uom: &str) -> E {
        if self.kind == "TransformationEvent" {
            self.out_qty.push(q(class, quantity, uom));
        } else {
            self.qty.push(q(class, quantity, uom));
        }
        self
    }
    /// The goods the event is about, by class and without a count (a field, an inspected lot).
    pub fn goods(mut self, class: &str) -> E {
        self.qty.push(obj!["epcClass" => class]);
        self
    }
    /// No business step (the no-stages case).
    pub fn no_step(mut self) -> E {
        self.step = String::new();
        self
    }
    /// An input quantity of a transformation.
    pub fn input_qty(mut self, class: &str, quantity: f64, uom: &str) -> E {
        self.in_qty.push(q(class, quantity, uom));
        self
    }
    /// A sensor reading: `Temperature` (CEL) or `Humidity` (P1).
    pub fn sensor(mut self, kind: &str, value: f64) -> E {
        let uom = if kind == "Temperature" { "CEL" } else { "P1" };
        self.sensors.push(obj![
            "type" => format!("gs1:{kind}"),
            "value" => value,
            "uom" => uom,
        ]);
        self
    }
    /// A fertiliser or pesticide entry of the farm diary.
    pub fn farm_input(
        mut self,
        kind: &str,
        name: &str,
        active: Option<&str>,
        dose: &str,
        phi_days: Option<u32>,
    ) -> E {
        self.inputs.push(
            obj!["kind" => kind, "name" => name]
                .with("active_ingredient", active)
                .with("dose", dose)
                .with("phi_days", phi_days),
        );
        self
    }
    /// A certificate or test report link.
    pub fn cert(mut self, url: &str) -> E {
        self.cert = Some(url.to_string());
        self
    }
    /// Lot master data.
    pub fn ilmd(mut self, j: J) -> E {
        self.ilmd = Some(j);
        self
    }

    /// The EPCIS 2.0 JSON of the event.
    pub fn json(self) -> J {
        let mut j = obj![
            "type" => self.kind,
            "eventTime" => self.time,
            "eventTimeZoneOffset" => "+07:00",
        ];
        j = j.with("action", self.action);
        j = j.with("bizStep", (!self.step.is_empty()).then_some(self.step));
        j = j.with("disposition", self.disposition);
        if let Some(rp) = self.read_point {
            j = j
                .with("readPoint", obj!["id" => rp.clone()])
                .with("bizLocation", obj!["id" => rp]);
        }
        let list = |v: Vec<J>| if v.is_empty() { J::Null } else { J::Arr(v) };
        j = j
            .with("quantityList", list(self.qty))
            .with("inputQuantityList", list(self.in_qty))
            .with("outputQuantityList", list(self.out_qty));
        if !self.sensors.is_empty() {
            j = j.with(
                "sensorElementList",
                vec![obj!["sensorReport" => self.sensors]],
            );
        }
        j.with("certificationInfo", self.cert)
            .with("ilmd", self.ilmd)
            .with("txng:placeName", self.place)
            .with("txng:actor", self.actor)
            .with("txng:notes", self.notes)
            .with("txng:inputs", list(self.inputs))
    }
}

/// A trace document: `format`, the lot, the product and an EPCIS 2.0 document.
pub fn document(
    format: &str,
    gtin: &str,
    lot: &str,
    product: J,
    events: Vec<E>,
    created: &str,
) -> J {
    obj![
        "format" => format,
        "gtin" => gtin,
        "lot" => lot,
        "product" => product,
        "epcis" => obj![
            "@context" => context(),
            "type" => "EPCISDocument",
            "schemaVersion" => "2.0",
            "creationDate" => format!("{created}:00+07:00"),
            "epcisBody" => obj!["eventList" => J::Arr(events.into_iter().map(E::json).collect())],
        ],
    ]
}

/// A trace document whose events are given as JSON (the too-many-events case).
pub fn document_raw(gtin: &str, lot: &str, product: J, events: Vec<J>, created: &str) -> J {
    obj![
        "format" => "txng-trace/1",
        "gtin" => gtin,
        "lot" => lot,
        "product" => product,
        "epcis" => obj![
            "@context" => context(),
            "type" => "EPCISDocument",
            "schemaVersion" => "2.0",
            "creationDate" => format!("{created}:00+07:00"),
            "epcisBody" => obj!["eventList" => J::Arr(events)],
        ],
    ]
}

/// Milestones of a coffee lot: harvest season year, then roasting, packing and shipping days.
pub struct CoffeeDates {
    /// Year of the harvest (November).
    pub harvest_year: u32,
    /// Roasting day `YYYY-MM-DD`; grinding is the next day, packing the day after.
    pub roast: &'static str,
    /// Grinding day.
    pub grind: &'static str,
    /// Packing day.
    pub pack: &'static str,
    /// Expiry `YYYY-MM-DD` (12 months).
    pub expiry: &'static str,
    /// Inspection day.
    pub inspect: &'static str,
    /// Shipping day (received at the shop the same afternoon).
    pub ship: &'static str,
}

/// The full timeline of a coffee lot, from the orchard to a shop in Đông Hà.
pub fn coffee_events(item: &str, lot: &str, d: &CoffeeDates) -> Vec<E> {
    let p = COFFEE_PREFIX;
    let y = d.harvest_year;
    let farm = sgln(p, "0003");
    let farm_name = "Vườn cà phê lô 3, thôn Tân Hữu, xã Khe Sanh";
    let works = sgln(p, "0001");
    let works_name = "Xưởng chế biến HTX Cà phê Khe Sanh, xã Khe Sanh";
    let team = "Tổ sản xuất số 2 – HTX Cà phê Khe Sanh";
    let cherry = lgtin(p, "9001", lot);
    let green = lgtin(p, "9002", lot);
    let roasted = lgtin(p, "9003", lot);
    let packed = lgtin(p, item, lot);
    vec![
        ev("2021-06-15T07:00", KnownStep::Planting)
            .goods(&cherry)
            .at(farm.clone(), farm_name)
            .by(team)
            .notes("Trồng mới 1,2 ha cà phê Arabica giống Catimor, mật độ 4.000 cây/ha, trồng xen cây muồng che bóng."),
        ev(&format!("{y}-03-12T07:30"), KnownStep::Fertilising)
            .goods(&cherry)
            .at(farm.clone(), farm_name)
            .by(team)
            .notes("Bón phân đầu mùa mưa, rạch rãnh quanh tán, lấp đất sau khi bón.")
            .farm_input("fertiliser", "Phân hữu cơ vi sinh", None, "3 kg/gốc", None)
            .farm_input("fertiliser", "Phân NPK 16-16-8+TE", None, "0,4 kg/gốc", None),
        ev(&format!("{y}-06-20T06:30"), KnownStep::Spraying)
            .goods(&cherry)
            .at(farm.clone(), farm_name)
            .by("Nguyễn Văn Hùng – tổ viên đã tập huấn ATVSLĐ")
            .notes("Phòng bệnh gỉ sắt khi tỉ lệ lá bệnh trên 5 %. Phun theo nguyên tắc 4 đúng, có bảo hộ lao động.")
            .farm_input("pesticide", "Anvil 5SC", Some("Hexaconazole 50 g/l"), "0,5 l/ha (pha 1 l nước cho 2 ml)", Some(14)),
        ev(&format!("{y}-08-05T07:00"), KnownStep::Caring)
            .goods(&cherry)
            .at(farm.clone(), farm_name)
            .by(team)
            .notes("Tỉa cành vượt, làm cỏ gốc bằng tay, tủ gốc giữ ẩm. Không dùng thuốc trừ cỏ."),
        ev(&format!("{y}-11-20T16:00"), KnownStep::Harvesting)
            .add()
            .at(farm.clone(), farm_name)
            .by(team)
            .qty(&cherry, 3200.0, "KGM")
            .notes("Hái chọn quả chín (tỉ lệ quả chín trên 95 %), từ 03/11 đến 20/11. Lần phun thuốc cuối cách ngày thu hái 136 ngày (thời gian cách ly quy định: 14 ngày).")
            .ilmd(obj![
                "cbvmda:harvestStartDate" => format!("{y}-11-03"),
                "cbvmda:harvestEndDate" => format!("{y}-11-20"),
                "cbvmda:countryOfOrigin" => "VN",
                "txng:variety" => "Arabica Catimor",
            ]),
        tr(&format!("{y}-12-08T17:00"), KnownStep::Drying)
            .at(works.clone(), "Nhà phơi giàn lưới, xưởng HTX Cà phê Khe Sanh")
            .by(team)
            .input_qty(&cherry, 3200.0, "KGM")
            .qty(&cherry, 1150.0, "KGM")
            .sensor("Temperature", 38.5)
            .sensor("Humidity", 12.5)
            .notes("Phơi quả trên giàn lưới cách mặt đất 0,8 m, 18 ngày; đảo 4 lần/ngày. Độ ẩm quả khô khi kết thúc: 12,5 %."),
        tr(&format!("{y}-12-12T10:00"), KnownStep::Processing)
            .at(works.clone(), works_name)
            .by(team)
            .input_qty(&cherry, 1150.0, "KGM")
            .qty(&green, 620.0, "KGM")
            .notes("Xát vỏ khô, phân loại hạt trên sàng 16, loại hạt đen, hạt vỡ."),
        ev(&format!("{y}-12-15T09:00"), KnownStep::Storing)
            .at(works.clone(), "Kho cà phê nhân, xưởng HTX")
            .qty(&green, 620.0, "KGM")
            .sensor("Temperature", 26.0)
            .sensor("Humidity", 65.0)
            .notes("Bảo quản trong bao đay trên pallet gỗ, cách tường 0,5 m."),
        tr(&format!("{}T08:00", d.roast), KnownStep::Roasting)
            .at(works.clone(), works_name)
            .by("Lê Thị Hoa – thợ rang")
            .input_qty(&green, 250.0, "KGM")
            .qty(&roasted, 205.0, "KGM")
            .sensor("Temperature", 215.0)
            .notes("Rang mộc, không tẩm ướp, độ rang vừa (medium), 14 phút mỗi mẻ."),
        tr(&format!("{}T08:00", d.grind), KnownStep::Grinding)
            .at(works.clone(), works_name)
            .input_qty(&roasted, 200.0, "KGM")
            .qty(&roasted, 200.0, "KGM")
            .notes("Xay cỡ hạt trung bình, dùng cho phin."),
        ev(&format!("{}T14:00", d.pack), KnownStep::Packing)
            .add()
            .at(works.clone(), works_name)
            .qty(&packed, 400.0, "H87")
            .notes("Đóng 400 gói 500 g, túi giấy kraft có van một chiều.")
            .ilmd(obj![
                "cbvmda:itemExpirationDate" => d.expiry,
                "cbvmda:productionDate" => d.pack,
            ]),
        ev(&format!("{}T10:00", d.inspect), KnownStep::Inspecting)
            .goods(&packed)
            .disp("conformant")
            .at(works.clone(), works_name)
            .by("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị (DEMO)")
            .cert(&format!("https://truyxuat.quangtri.gov.vn/demo/phieu-kiem-nghiem/{lot}.pdf"))
            .notes("Đạt TCVN 5251:2015 (cà phê bột); không phát hiện ochratoxin A."),
        ev(&format!("{}T07:30", d.ship), KnownStep::Shipping)
            .disp("in_transit")
            .at(works, "Kho thành phẩm HTX, xã Khe Sanh")
            .qty(&packed, 120.0, "H87")
            .notes("Xuất 120 gói cho cửa hàng tại phường Đông Hà, xe tải 74C-000.00 (DEMO)."),
        ev(&format!("{}T15:30", d.ship), KnownStep::Receiving)
            .disp("sellable_accessible")
            .at(sgln(p, "0101"), "Cửa hàng Đặc sản Quảng Trị (DEMO), phường Đông Hà")
            .by("Cửa hàng Đặc sản Quảng Trị (DEMO)")
            .qty(&packed, 120.0, "H87"),
    ]
}

/// A short coffee timeline (packing, inspection, shipping) for the lots that show a fault.
pub fn coffee_short(item: &str, lot: &str) -> Vec<E> {
    let p = COFFEE_PREFIX;
    let packed = lgtin(p, item, lot);
    let works = sgln(p, "0001");
    vec![
        ev("2026-09-12T14:00", KnownStep::Packing)
            .add()
            .at(
                works.clone(),
                "Xưởng chế biến HTX Cà phê Khe Sanh, xã Khe Sanh",
            )
            .qty(&packed, 400.0, "H87"),
        ev("2026-09-15T10:00", KnownStep::Inspecting)
            .goods(&packed)
            .disp("conformant")
            .at(
                works.clone(),
                "Xưởng chế biến HTX Cà phê Khe Sanh, xã Khe Sanh",
            )
            .cert(&format!(
                "https://truyxuat.quangtri.gov.vn/demo/phieu-kiem-nghiem/{lot}.pdf"
            )),
        ev("2026-09-20T07:30", KnownStep::Shipping)
            .disp("in_transit")
            .at(works, "Kho thành phẩm HTX, xã Khe Sanh")
            .qty(&packed, 120.0, "H87"),
    ]
}

/// A pepper lot; `recalled` appends the failed re-test and the recall.
pub fn pepper_events(item: &str, lot: &str, pack_day: &str, recalled: bool) -> Vec<E> {
    let p = PEPPER_PREFIX;
    let farm = sgln(p, "0002");
    let farm_name = "Vườn tiêu thôn Tân Văn, xã Cồn Tiên";
    let works = sgln(p, "0001");
    let works_name = "Nhà sơ chế HTX Hồ tiêu Cồn Tiên";
    let team = "Tổ hồ tiêu thôn Tân Văn";
    let fresh = lgtin(p, "9001", lot);
    let dried = lgtin(p, "9002", lot);
    let packed = lgtin(p, item, lot);
    let mut v = vec![
        ev("2025-09-10T07:00", KnownStep::Fertilising)
            .goods(&fresh)
            .at(farm.clone(), farm_name)
            .by(team)
            .notes("Bón lót sau thu hoạch vụ trước, xới nhẹ quanh gốc.")
            .farm_input(
                "fertiliser",
                "Phân chuồng hoai mục ủ Trichoderma",
                None,
                "10 kg/trụ",
                None,
            )
            .farm_input("fertiliser", "Vôi bột", None, "0,5 kg/trụ", None),
        ev("2025-10-18T06:30", KnownStep::Spraying)
            .goods(&fresh)
            .at(farm.clone(), farm_name)
            .by("Trần Văn Lực – tổ viên đã tập huấn")
            .notes("Phòng bệnh chết nhanh (Phytophthora) đầu mùa mưa, tưới gốc.")
            .farm_input(
                "pesticide",
                "Ridomil Gold 68WG",
                Some("Metalaxyl-M 40 g/kg + Mancozeb 640 g/kg"),
                "2,5 kg/ha",
                Some(14),
            ),
        ev("2026-03-25T16:30", KnownStep::Harvesting)
            .add()
            .at(farm, farm_name)
            .by(team)
            .qty(&fresh, 1800.0, "KGM")
            .notes("Thu hái khi chùm có 1–2 quả chín đỏ, từ 10/03 đến 25/03/2026.")
            .ilmd(obj![
                "cbvmda:harvestStartDate" => "2026-03-10",
                "cbvmda:harvestEndDate" => "2026-03-25",
                "cbvmda:countryOfOrigin" => "VN",
            ]),
        tr("2026-04-02T17:00", KnownStep::Drying)
            .at(works.clone(), "Sân phơi xi măng, nhà sơ chế HTX")
            .by(team)
            .input_qty(&fresh, 1800.0, "KGM")
            .qty(&dried, 650.0, "KGM")
            .sensor("Temperature", 36.0)
            .sensor("Humidity", 13.0)
            .notes("Tuốt hạt, phơi nắng trên bạt 7 ngày đến độ ẩm hạt 13 %."),
        tr("2026-04-05T09:00", KnownStep::Processing)
            .at(works.clone(), works_name)
            .input_qty(&dried, 650.0, "KGM")
            .qty(&dried, 610.0, "KGM")
            .notes("Sàng, quạt, phân loại; loại bỏ tạp chất và hạt lép. Dung trọng đạt 570 g/l."),
        ev(&format!("{pack_day}T14:00"), KnownStep::Packing)
            .add()
            .at(works.clone(), works_name)
            .qty(&packed, 1500.0, "H87")
            .notes("Đóng 1.500 túi zip 200 g.")
            .ilmd(obj!["cbvmda:bestBeforeDate" => "2028-05-05"]),
        ev("2026-05-08T10:00", KnownStep::Inspecting)
            .goods(&packed)
            .disp("conformant")
            .at(works.clone(), works_name)
            .by("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị (DEMO)")
            .cert(&format!(
                "https://truyxuat.quangtri.gov.vn/demo/phieu-kiem-nghiem/{lot}.pdf"
            ))
            .notes(
                "Đạt TCVN 7036:2008 (hạt tiêu đen); dư lượng thuốc BVTV dưới giới hạn cho phép.",
            ),
        ev("2026-05-10T07:00", KnownStep::Shipping)
            .disp("in_transit")
            .at(works.clone(), "Kho HTX Hồ tiêu Cồn Tiên")
            .qty(&packed, 600.0, "H87")
            .notes("Xuất 600 túi cho cửa hàng tại phường Đông Hà."),
        ev("2026-05-10T11:00", KnownStep::Receiving)
            .disp("sellable_accessible")
            .at(
                sgln(p, "0101"),
                "Cửa hàng Đặc sản Quảng Trị (DEMO), phường Đông Hà",
            )
            .qty(&packed, 600.0, "H87"),
    ];
    if recalled {
        v.push(
            ev("2026-10-02T09:00", KnownStep::Inspecting)
                .goods(&packed)
                .disp("non_conformant")
                .at(works.clone(), works_name)
                .by("Chi cục Tiêu chuẩn Đo lường Chất lượng (DEMO)")
                .notes("Kiểm tra mẫu lưu: phát hiện nấm mốc và aflatoxin vượt giới hạn (DEMO)."),
        );
        v.push(
            ev("2026-10-03T08:00", KnownStep::Holding)
                .qty(&packed, 1500.0, "H87")
                .disp("recalled")
                .at(works, works_name)
                .by("HTX Hồ tiêu Cồn Tiên")
                .notes(&format!("Thu hồi toàn bộ lô {lot}. Người mua vui lòng ngừng sử dụng và mang sản phẩm đến cửa hàng để được hoàn tiền (DEMO).")),
        );
    }
    v
}

/// The cajeput-oil lot: leaves harvested, distilled, settled, tested, bottled, shipped.
pub fn oil_events(item: &str, lot: &str) -> Vec<E> {
    let p = OIL_PREFIX;
    let works = sgln(p, "0001");
    let works_name = "Xưởng chưng cất, phường Quảng Trị";
    let leaves = lgtin(p, "9001", lot);
    let oil = lgtin(p, "9002", lot);
    let bottled = lgtin(p, item, lot);
    vec![
        ev("2026-09-20T15:00", KnownStep::Harvesting)
            .add()
            .at(
                sgln(p, "0002"),
                "Rừng tràm trồng trên cát ven biển, tỉnh Quảng Trị",
            )
            .by("Tổ thu hái lá tràm")
            .qty(&leaves, 2000.0, "KGM")
            .notes("Cắt cành lá tràm gió 3 năm tuổi, để lại gốc tái sinh."),
        tr("2026-09-21T18:00", KnownStep::Processing)
            .at(works.clone(), works_name)
            .by("Phan Văn Tâm – thợ chưng cất")
            .input_qty(&leaves, 2000.0, "KGM")
            .qty(&oil, 12.0, "LTR")
            .sensor("Temperature", 100.0)
            .notes("Chưng cất hơi nước 6 giờ mỗi mẻ, nồi inox 500 kg lá."),
        tr("2026-09-25T09:00", KnownStep::Processing)
            .at(works.clone(), works_name)
            .input_qty(&oil, 12.0, "LTR")
            .qty(&oil, 11.5, "LTR")
            .notes("Lắng, lọc, tách nước; lưu trong bình thủy tinh tối màu 72 giờ."),
        ev("2026-10-01T10:00", KnownStep::Inspecting)
            .goods(&oil)
            .disp("conformant")
            .at(works.clone(), works_name)
            .by("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Trị (DEMO)")
            .cert(&format!(
                "https://truyxuat.quangtri.gov.vn/demo/phieu-kiem-nghiem/{lot}.pdf"
            ))
            .notes("Hàm lượng 1,8-cineol 56 %; đạt tiêu chuẩn cơ sở TC 01:2024/TDT (DEMO)."),
        ev("2026-10-05T14:00", KnownStep::Packing)
            .add()
            .at(works.clone(), works_name)
            .qty(&bottled, 220.0, "H87")
            .notes("Chiết rót 220 chai thủy tinh 50 ml, nắp nhỏ giọt.")
            .ilmd(obj!["cbvmda:itemExpirationDate" => "2029-10-04"]),
        ev("2026-10-08T08:00", KnownStep::Shipping)
            .disp("in_transit")
            .at(works, "Kho thành phẩm, phường Quảng Trị")
            .qty(&bottled, 60.0, "H87")
            .notes("Xuất 60 chai cho điểm bán sản phẩm OCOP tại phường Đông Hà."),
    ]
}

/// The honey lot (only for the incomplete-producer case).
pub fn honey_events(item: &str, lot: &str) -> Vec<E> {
    vec![ev("2026-10-10T09:00", KnownStep::Packing).add().qty(
        &lgtin(HONEY_PREFIX, item, lot),
        100.0,
        "H87",
    )]
}
