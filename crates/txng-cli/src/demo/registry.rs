//! The demo producer registry and its broken variants (FORMAT.md §2).
//!
//! Three producers of Quảng Trị with realistic data: a Khe Sanh coffee cooperative (one key retired,
//! one current, one revoked), a Cồn Tiên pepper cooperative (a current key and a pre-registered one
//! not valid yet) and an OCOP cajeput-oil producer. Addresses have two levels (commune, province):
//! districts were abolished in 2025, when Quảng Bình merged into Quảng Trị.

use super::json::{obj, J};
use super::keys;
use txng_core::gs1;
use txng_core::sign::sign_registry;

/// Issue date of the main registry.
pub const ISSUED_AT: &str = "2026-11-01T00:00:00+07:00";
/// `next_update` of the main registry: far enough for the demo to stay green for years.
pub const NEXT_UPDATE: &str = "2030-12-31T00:00:00+07:00";
/// The official resolver of the province (the host labels are printed with).
pub const HOST: &str = "truyxuat.quangtri.gov.vn";
/// Where the registry says trace documents are (origin-relative).
pub const TRACE_TEMPLATE: &str = "/trace/{gtin}/{lot}.jws";

/// Producer ids.
pub const COFFEE: &str = "htx-khe-sanh";
/// The pepper cooperative.
pub const PEPPER: &str = "htx-tieu-con-tien";
/// The OCOP cajeput-oil producer.
pub const OIL: &str = "tinh-dau-tram-qt";
/// A producer listed without an address (only in `registry-incomplete.jws`).
pub const HONEY: &str = "mat-ong-demo";

/// GS1 company prefixes (Vietnam's GS1 prefix is 893).
pub const COFFEE_PREFIX: &str = "89350123";
/// The pepper cooperative's prefix.
pub const PEPPER_PREFIX: &str = "89350124";
/// The oil producer's prefix.
pub const OIL_PREFIX: &str = "89350125";
/// The honey producer's prefix.
pub const HONEY_PREFIX: &str = "89350126";
/// A prefix no producer owns.
pub const UNKNOWN_PREFIX: &str = "89350999";

/// A GTIN-14 (indicator 0) from a company prefix and an item reference, with its check digit.
pub fn gtin(prefix: &str, item: &str) -> String {
    let body = format!("0{prefix}{item}");
    assert_eq!(body.len(), 13, "prefix + item reference must be 12 digits");
    let c = gs1::check_digit(&body).unwrap_or('0');
    format!("{body}{c}")
}

/// A key's life cycle.
pub struct KeySpec {
    /// Key number.
    pub number: u16,
    /// Start of validity.
    pub valid_from: &'static str,
    /// Superseded at.
    pub retired_at: Option<&'static str>,
    /// Revoked at, with the reason.
    pub revoked: Option<(&'static str, &'static str)>,
}

const fn k(number: u16, valid_from: &'static str) -> KeySpec {
    KeySpec {
        number,
        valid_from,
        retired_at: None,
        revoked: None,
    }
}

/// The keys each producer has in the registry.
pub fn key_specs(id: &str) -> Vec<KeySpec> {
    match id {
        COFFEE => vec![
            KeySpec {
                retired_at: Some("2026-06-01T00:00:00+07:00"),
                ..k(1, "2024-01-01T00:00:00+07:00")
            },
            k(2, "2026-06-01T00:00:00+07:00"),
            KeySpec {
                revoked: Some((
                    "2026-09-15T00:00:00+07:00",
                    "Lộ khóa do mất máy tính (DEMO)",
                )),
                ..k(3, "2026-08-01T00:00:00+07:00")
            },
        ],
        PEPPER => vec![
            k(1, "2025-01-01T00:00:00+07:00"),
            // Registered ahead of a planned rotation: labels signed with it are not valid yet.
            k(2, "2030-07-01T00:00:00+07:00"),
        ],
        _ => vec![k(1, "2025-01-01T00:00:00+07:00")],
    }
}

fn key_json(id: &str, s: &KeySpec) -> J {
    let mut j = obj![
        "number" => s.number,
        "public_key" => keys::public_b64(&keys::producer(id, s.number)),
        "valid_from" => s.valid_from,
    ];
    j = j.with("retired_at", s.retired_at);
    if let Some((at, why)) = s.revoked {
        j = j.with("revoked_at", at).with("revocation_reason", why);
    }
    j.with("test", true)
}

fn keys_json(id: &str) -> J {
    J::Arr(key_specs(id).iter().map(|s| key_json(id, s)).collect())
}

fn address(street: &str, commune: &str) -> J {
    obj![
        "street" => street,
        "commune" => commune,
        "province" => "tỉnh Quảng Trị",
    ]
}

/// The coffee cooperative.
pub fn coffee_producer() -> J {
    obj![
        "id" => COFFEE,
        "name" => "Hợp tác xã Nông nghiệp Cà phê Khe Sanh",
        "tax_code" => "3200712345",
        "address" => address("Thôn Tân Hữu", "xã Khe Sanh"),
        "gs1_company_prefixes" => vec![COFFEE_PREFIX],
        "certifications" => vec![
            obj![
                "kind" => "vietgap",
                "number" => "VietGAP-TT-26-08-32-0117 (DEMO)",
                "issuer" => "Tổ chức chứng nhận VietGAP (DEMO)",
                "valid_until" => "2028-08-31",
            ],
            obj![
                "kind" => "organic",
                "name" => "Nông nghiệp hữu cơ TCVN 11041-2:2017",
                "number" => "HC-2025-0342 (DEMO)",
                "issuer" => "Tổ chức chứng nhận hữu cơ (DEMO)",
                "valid_until" => "2027-12-31",
            ],
        ],
        "phone" => "0233 000 0001 (DEMO)",
        "keys" => keys_json(COFFEE),
    ]
}

/// The pepper cooperative.
pub fn pepper_producer() -> J {
    obj![
        "id" => PEPPER,
        "name" => "Hợp tác xã Hồ tiêu Cồn Tiên",
        "tax_code" => "3200723456",
        "address" => address("Thôn Tân Văn", "xã Cồn Tiên"),
        "gs1_company_prefixes" => vec![PEPPER_PREFIX],
        "certifications" => vec![obj![
            "kind" => "vietgap",
            "number" => "VietGAP-TT-25-11-32-0052 (DEMO)",
            "issuer" => "Tổ chức chứng nhận VietGAP (DEMO)",
            "valid_until" => "2028-11-30",
        ]],
        "phone" => "0233 000 0002 (DEMO)",
        "keys" => keys_json(PEPPER),
    ]
}

/// The OCOP cajeput-oil producer.
pub fn oil_producer() -> J {
    obj![
        "id" => OIL,
        "name" => "Công ty TNHH Tinh dầu tràm Quảng Trị",
        "tax_code" => "3200734567",
        "address" => address("Số 12 đường Trần Hưng Đạo", "phường Quảng Trị"),
        "gs1_company_prefixes" => vec![OIL_PREFIX],
        "certifications" => vec![obj![
            "kind" => "ocop",
            "stars" => 4u32,
            "year" => 2024u32,
            "issuer" => "UBND tỉnh Quảng Trị (DEMO)",
        ]],
        "phone" => "0233 000 0003 (DEMO)",
        "keys" => keys_json(OIL),
    ]
}

/// A producer whose address is missing (for `info.missing_producer`).
pub fn honey_producer() -> J {
    obj![
        "id" => HONEY,
        "name" => "Hộ kinh doanh Mật ong rừng (DEMO, thiếu địa chỉ)",
        "tax_code" => "3200745678",
        "address" => obj!["commune" => "", "province" => ""],
        "gs1_company_prefixes" => vec![HONEY_PREFIX],
        "keys" => keys_json(HONEY),
    ]
}

/// The authority.
pub fn authority() -> J {
    obj![
        "name" => "Sở Khoa học và Công nghệ tỉnh Quảng Trị (DEMO)",
        "unit" => "Chi cục Tiêu chuẩn Đo lường Chất lượng (DEMO)",
        "website" => "https://truyxuat.quangtri.gov.vn",
        "hotline" => "0233 000 0000 (DEMO)",
        "report_url" => "https://truyxuat.quangtri.gov.vn/phan-anh",
    ]
}

/// A registry document.
pub fn document(format: &str, issued_at: &str, next_update: &str, producers: Vec<J>) -> J {
    obj![
        "format" => format,
        "authority" => authority(),
        "issued_at" => issued_at,
        "next_update" => next_update,
        "resolvers" => vec![HOST, "127.0.0.1", "localhost"],
        "trace_url_templates" => vec![TRACE_TEMPLATE],
        "demo" => true,
        "producers" => producers,
    ]
}

/// The three producers of the main registry.
pub fn main_producers() -> Vec<J> {
    vec![coffee_producer(), pepper_producer(), oil_producer()]
}

/// The main registry document.
pub fn main_document() -> J {
    document("txng-registry/1", ISSUED_AT, NEXT_UPDATE, main_producers())
}

/// Signs a registry document with authority key `n` (1 or 2).
pub fn sign(doc: &J, n: u8) -> String {
    sign_registry(
        doc.compact().as_bytes(),
        keys::AUTHORITY_KIDS[usize::from(n - 1)],
        &keys::authority(n),
    )
}

/// Replaces the payload of a JWS and keeps its header and signature: a tampered document.
pub fn tamper(jws: &str, new_payload: &[u8]) -> String {
    let mut parts = jws.splitn(3, '.');
    let (h, _, s) = (
        parts.next().unwrap_or(""),
        parts.next(),
        parts.next().unwrap_or(""),
    );
    format!("{h}.{}.{s}", txng_core::b64::encode(new_payload))
}

/// Every registry file of the data set: `(file name, JWS text)`.
pub fn files() -> Vec<(&'static str, String)> {
    let main = main_document();
    let tampered = {
        let signed = sign(&main, 1);
        let text = main
            .compact()
            .replace("Thôn Tân Hữu", "Thôn Tân Hữu (đã sửa)");
        tamper(&signed, text.as_bytes())
    };
    let untrusted = txng_core::sign::sign_registry(
        main.compact().as_bytes(),
        keys::UNTRUSTED_KID,
        &keys::key("untrusted authority"),
    );
    let mut no_producers = main.clone();
    if let J::Obj(m) = &mut no_producers {
        m.retain(|(k, _)| k != "producers");
    }
    let mut dup = main_producers();
    dup.push(coffee_producer());
    let mut conflict = main_producers();
    conflict.push(obj![
        "id" => "cty-thuong-mai-demo",
        "name" => "Công ty TNHH Thương mại Nông sản (DEMO)",
        "tax_code" => "3200756789",
        "address" => address("Số 1 đường Lê Duẩn", "phường Đông Hà"),
        "gs1_company_prefixes" => vec![COFFEE_PREFIX],
        "keys" => keys_json("cty-thuong-mai-demo"),
    ]);
    let mut weak = main_producers();
    if let Some(J::Obj(m)) = weak.get_mut(1) {
        for (k, v) in m.iter_mut() {
            if k == "keys" {
                // The identity point: a small-order ("weak") key under which forged signatures verify.
                let mut id = [0u8; 32];
                id[0] = 1;
                *v = J::Arr(vec![obj![
                    "number" => 1u16,
                    "public_key" => txng_core::b64::encode(&id),
                    "valid_from" => "2025-01-01T00:00:00+07:00",
                    "test" => true,
                ]]);
            }
        }
    }
    let mut incomplete = main_producers();
    incomplete.push(honey_producer());
    // Key 2 of the coffee cooperative listed with two `public_key` members: the genuine key, then
    // a forger's. Parsers that keep the last member would trust the forger (FORMAT.md §2.2).
    let duplicate_member = with_coffee_key(2, |m| {
        m.push((
            "public_key".into(),
            J::from(keys::public_b64(&keys::key("forger"))),
        ))
    });
    // `"revoked_at": null` on key 1: present or absent, never null.
    let null_member = with_coffee_key(1, |m| m.push(("revoked_at".into(), J::Null)));
    // Key 1 of the pepper cooperative plus a point of order 8: a mixed-order key.
    let mixed = with_key(1, PEPPER, mixed_order_key());
    // A resolver spelled otherwise than scanned hosts are compared in (FORMAT.md §2.2).
    let mut odd_resolver = main.clone();
    if let J::Obj(m) = &mut odd_resolver {
        for (k, v) in m.iter_mut() {
            if k == "resolvers" {
                *v = J::from(vec!["Truyxuat.QuangTri.gov.vn."]);
            }
        }
    }
    let noncanonical = with_key(1, PEPPER, noncanonical_key());
    let doc = |p| document("txng-registry/1", ISSUED_AT, NEXT_UPDATE, p);
    vec![
        ("registry.jws", sign(&main, 1)),
        ("registry-anchor-b.jws", sign(&main, 2)),
        (
            "registry-stale.jws",
            sign(
                &document(
                    "txng-registry/1",
                    "2026-10-01T00:00:00+07:00",
                    "2026-11-15T00:00:00+07:00",
                    main_producers(),
                ),
                1,
            ),
        ),
        (
            "registry-expired.jws",
            sign(
                &document(
                    "txng-registry/1",
                    "2026-05-01T00:00:00+07:00",
                    "2026-08-01T00:00:00+07:00",
                    main_producers(),
                ),
                1,
            ),
        ),
        ("registry-untrusted.jws", untrusted),
        ("registry-bad-signature.jws", tampered),
        ("registry-malformed.jws", sign(&no_producers, 1)),
        (
            "registry-html.jws",
            "<!DOCTYPE html>\n<html><head><title>Đăng nhập Wi-Fi</title></head><body>Vui lòng đăng nhập để truy cập Internet.</body></html>\n".to_string(),
        ),
        (
            "registry-version-2.jws",
            sign(
                &document("txng-registry/2", ISSUED_AT, NEXT_UPDATE, main_producers()),
                1,
            ),
        ),
        ("registry-duplicate-id.jws", sign(&doc(dup), 1)),
        ("registry-prefix-conflict.jws", sign(&doc(conflict), 1)),
        ("registry-weak-key.jws", sign(&doc(weak), 1)),
        ("registry-incomplete.jws", sign(&doc(incomplete), 1)),
        ("registry-duplicate-member.jws", sign(&doc(duplicate_member), 1)),
        ("registry-resolver-not-canonical.jws", sign(&odd_resolver, 1)),
        ("registry-null-member.jws", sign(&doc(null_member), 1)),
        ("registry-mixed-order-key.jws", sign(&doc(mixed), 1)),
        ("registry-noncanonical-key.jws", sign(&doc(noncanonical), 1)),
        (
            "registry-wrong-type.jws",
            txng_core::jws::sign(
                main.compact().as_bytes(),
                keys::AUTHORITY_KIDS[0],
                txng_core::jws::TRACE_TYP,
                &keys::authority(1),
            ),
        ),
    ]
}

/// The main producers with producer `id`'s `keys` member edited.
fn with_keys_of(id: &str, edit: impl Fn(&mut J)) -> Vec<J> {
    let mut producers = main_producers();
    for p in &mut producers {
        let J::Obj(m) = p else { continue };
        if !m.iter().any(|(k, v)| k == "id" && *v == J::from(id)) {
            continue;
        }
        m.iter_mut()
            .filter(|(k, _)| k == "keys")
            .for_each(|(_, v)| edit(v));
    }
    producers
}

/// The main producers with one key entry of the coffee cooperative edited.
fn with_coffee_key(number: u16, edit: impl Fn(&mut Vec<(String, J)>)) -> Vec<J> {
    with_keys_of(COFFEE, |keys| {
        let J::Arr(list) = keys else { return };
        for key in list.iter_mut() {
            if let J::Obj(km) = key {
                if km
                    .iter()
                    .any(|(k, v)| k == "number" && *v == J::from(number))
                {
                    edit(km);
                }
            }
        }
    })
}

/// The main producers with producer `id`'s keys replaced by one key `number` with this public key.
fn with_key(number: u16, id: &str, public_key: String) -> Vec<J> {
    with_keys_of(id, |keys| {
        *keys = J::Arr(vec![obj![
            "number" => number,
            "public_key" => public_key.clone(),
            "valid_from" => "2025-01-01T00:00:00+07:00",
            "test" => true,
        ]]);
    })
}

/// A genuine key plus a point of order 8: not small order, but not in the prime-order subgroup.
/// Cofactored and cofactorless verifiers disagree on signatures under such a key.
pub fn mixed_order_key() -> String {
    let a = keys::producer(PEPPER, 1).verifying_key().to_edwards();
    let mixed = a + curve25519_dalek::constants::EIGHT_TORSION[1];
    txng_core::b64::encode(mixed.compress().as_bytes())
}

/// A non-canonical encoding `y + p` (y ≥ p) of a point that is not of small order: the same
/// point as the canonical `y`, spelled differently. The first such y from 2 up.
pub fn noncanonical_key() -> String {
    // p = 2^255 - 19, little-endian: ed ff … ff 7f. y + p for y < 19 only changes the first byte.
    let mut b = [0xffu8; 32];
    b[31] = 0x7f;
    for y in 2u8..19 {
        b[0] = 0xed + y;
        if ed25519_dalek::VerifyingKey::from_bytes(&b).is_ok_and(|k| !k.is_weak()) {
            return txng_core::b64::encode(&b);
        }
    }
    unreachable!("some y < 19 gives a point that is not of small order")
}

/// `anchors.json`: the deployment's trust anchors.
pub fn anchors() -> J {
    J::Arr(
        [1u8, 2]
            .iter()
            .map(|&n| {
                obj![
                    "kid" => keys::AUTHORITY_KIDS[usize::from(n - 1)],
                    "public_key" => keys::public_b64(&keys::authority(n)),
                ]
            })
            .collect(),
    )
}
