//! Throughput figures for the signing and verifying paths (not a test): parse + verify per link,
//! loading a 1,000-producer registry, signing labels (sign + URI) and rendering QR SVGs.
//! Run with `cargo bench -p txng-cli`; criterion prints time per item and items per second.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ed25519_dalek::SigningKey;
use serde_json::json;
use std::hint::black_box;
use txng_cli::{cli, qr};
use txng_core::registry::{Registry, TrustAnchor};
use txng_core::sign::{sign_label, sign_registry};
use txng_core::{b64, verify, Ai, Fetched, LabelData};

const NOW: i64 = 1_782_000_000; // 2026-06-21

fn registry_json(producers: usize, producer_key: &SigningKey) -> Vec<u8> {
    let list: Vec<_> = (0..producers)
        .map(|i| {
            json!({
                "id": format!("p{i:04}"),
                "name": format!("Hợp tác xã số {i}"),
                "tax_code": format!("32{i:08}"),
                "address": {"commune": "Xã Khe Sanh", "province": "Tỉnh Quảng Trị"},
                "gs1_company_prefixes": [format!("893{:06}", 100_000 + i)],
                "keys": [{"number": 1, "public_key": b64::encode(producer_key.verifying_key().as_bytes()), "valid_from": "2026-01-01T00:00:00+07:00"}],
            })
        })
        .collect();
    serde_json::to_vec(&json!({
        "format": "txng-registry/1",
        "authority": {"name": "Sở Khoa học và Công nghệ tỉnh Quảng Trị"},
        "issued_at": "2026-01-01T00:00:00+07:00",
        "next_update": "2099-01-01T00:00:00+07:00",
        "resolvers": ["truyxuat.quangtri.gov.vn"],
        "trace_url_templates": ["/trace/{gtin}/{lot}.jws"],
        "producers": list,
    }))
    .unwrap_or_default()
}

fn label(serial: u32) -> LabelData {
    // GTIN 0 893100000 000 C: prefix of producer p0000; check digit computed.
    let body = "0893100000000";
    let gtin = format!("{body}{}", txng_core::gs1::check_digit(body).unwrap_or('0'));
    LabelData {
        gtin,
        cpv: None,
        lot: "CF2406A".into(),
        serial: format!("{serial:06}"),
        attributes: vec![
            (Ai::ProductionDate, "260601".into()),
            (Ai::Expiry, "270601".into()),
        ],
    }
}

fn benches(c: &mut Criterion) {
    let authority = SigningKey::from_bytes(&[1; 32]);
    let producer = SigningKey::from_bytes(&[2; 32]);
    let anchors = [TrustAnchor {
        kid: "qt".into(),
        key: authority.verifying_key(),
    }];
    let small = sign_registry(&registry_json(3, &producer), "qt", &authority);
    let big = sign_registry(&registry_json(1000, &producer), "qt", &authority);
    let base = "https://truyxuat.quangtri.gov.vn";
    let uri = sign_label(label(1), 1, &producer)
        .map(|l| l.to_uri(base))
        .unwrap_or_default();

    let mut g = c.benchmark_group("txng");
    g.throughput(Throughput::Elements(1));
    g.bench_function("parse link", |b| {
        b.iter(|| txng_core::parse(black_box(&uri)))
    });
    g.bench_function("parse + verify link (3-producer registry)", |b| {
        b.iter(|| {
            verify(
                black_box(&uri),
                Fetched::Bytes(small.as_bytes()),
                None,
                &anchors,
                NOW,
            )
        })
    });
    g.bench_function("registry load, 1000 producers", |b| {
        b.iter(|| Registry::load(black_box(big.as_bytes()), &anchors, NOW))
    });
    let mut n = 0u32;
    g.bench_function("sign label + URI", |b| {
        b.iter(|| {
            n = n.wrapping_add(1);
            sign_label(label(n % 1_000_000), 1, &producer).map(|l| l.to_uri(base))
        })
    });
    g.bench_function("QR encode + SVG", |b| {
        b.iter(|| qr::encode(black_box(&uri), cli::EcArg::M).map(|m| m.svg(4)))
    });
    g.bench_function("QR encode + PNG (8 px/module)", |b| {
        b.iter(|| qr::encode(black_box(&uri), cli::EcArg::M).map(|m| m.png(4, 8)))
    });
    g.finish();
}

criterion_group!(group, benches);
criterion_main!(group);
