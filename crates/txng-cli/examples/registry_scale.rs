//! The 10,000-producer benchmark of the sharded registry (FORMAT.md §2.7, issue 10 "Scale").
//!
//! Generates a deterministic registry of 10,000 producers (Vietnamese names and addresses, GS1
//! company prefixes under 893, certifications, two keys each: about what a real entry holds),
//! then prints, for the single-file registry and for sharded registries of several shard-size
//! targets: the bytes one scan downloads (index + the shard covering the label, raw and gzip,
//! worst case over all shards and median) and the time to load and verify them with the core.
//!
//! Run: `cargo run --release -p txng-cli --example registry_scale -- [PRODUCERS] [--full] [--out DIR]`.
//! Figures, not a pass/fail test; `scripts/test.sh` prints them in its budgets stage.
//!
//! `--out DIR` also writes the default-target sharded registry for a browser to load
//! (`scripts/budgets.mjs` measures load → verdict in the page with it): `registry-index.jws`, the
//! shards where its `shard_url_template` names them, `anchors.json`, `about.json` (the label's
//! shard: producers, keys, bytes), and `label.txt`, a label of a
//! producer in the shard listing the most keys (the most the verifier could have to check). Its
//! `trace_url_templates` is empty (no trace stage: the figure is the registry's and the label's)
//! and it is issued at the time of writing (a browser judges it by its own clock).

use ed25519_dalek::SigningKey;
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::{json, Value};
use std::io::Write as _;
use std::time::Instant;
use txng_core::gs1::check_digit;
use txng_core::link::LabelData;
use txng_core::registry::Registry;
use txng_core::shard::{self, DEFAULT_TARGET_BYTES};
use txng_core::sign::{sign_label, sign_registry, sign_registry_index};
use txng_core::time::format_rfc3339_utc;
use txng_core::verify::{Fetched, RegistryContext, Verification};
use txng_core::{State, TrustAnchor};

const ISSUED: i64 = 1_793_491_200; // 2026-11-01T00:00:00Z
const NOW: i64 = ISSUED + 86_400;

/// splitmix64: a fixed sequence, so every run measures the same registry.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const KINDS: &[&str] = &[
    "Hợp tác xã Nông nghiệp",
    "Công ty TNHH",
    "Hộ kinh doanh",
    "Công ty Cổ phần",
    "Tổ hợp tác",
];
const GOODS: &[&str] = &[
    "Cà phê",
    "Hồ tiêu",
    "Mật ong",
    "Tinh dầu tràm",
    "Gạo hữu cơ",
    "Nước mắm",
    "Khoai lang",
    "Dược liệu",
    "Măng tây",
    "Chè xanh",
];
const PLACES: &[&str] = &[
    "Khe Sanh",
    "Hướng Hóa",
    "Gio Linh",
    "Cam Lộ",
    "Vĩnh Linh",
    "Triệu Phong",
    "Hải Lăng",
    "Đakrông",
    "Cồn Cỏ",
    "Đồng Hới",
    "Lệ Thủy",
    "Quảng Ninh",
    "Bố Trạch",
    "Tuyên Hóa",
    "Minh Hóa",
];
const PROVINCES: &[&str] = &[
    "tỉnh Quảng Trị",
    "tỉnh Quảng Ngãi",
    "thành phố Huế",
    "tỉnh Hà Tĩnh",
    "tỉnh Nghệ An",
    "tỉnh Gia Lai",
    "tỉnh Đắk Lắk",
    "tỉnh Lâm Đồng",
];

fn producer(i: usize, rng: &mut Rng, prefixes: Vec<String>) -> Value {
    let goods = rng.pick(GOODS);
    let place = rng.pick(PLACES);
    let key = |n: u8| {
        let mut seed = [n; 32];
        seed[..8].copy_from_slice(&(i as u64).to_le_bytes());
        txng_core::b64::encode(SigningKey::from_bytes(&seed).verifying_key().as_bytes())
    };
    let mut certs = vec![json!({
        "kind": "vietgap",
        "number": format!("VietGAP-TT-{:02}-{:02}-{:02}-{:04}", rng.below(30), rng.below(12) + 1, rng.below(64), rng.below(10_000)),
        "issuer": "Trung tâm Chứng nhận Phù hợp (QUACERT)",
        "valid_until": format!("20{}-{:02}-28", 27 + rng.below(3), rng.below(12) + 1),
    })];
    if rng.below(2) == 0 {
        certs.push(
            json!({ "kind": "ocop", "stars": 3 + rng.below(3), "year": 2020 + rng.below(6) }),
        );
    }
    json!({
        "id": format!("sx-{i:05}"),
        "name": format!("{} {} {} {}", rng.pick(KINDS), goods, place, i),
        "tax_code": format!("{}", 3_200_000_000u64 + rng.below(99_999_999)),
        "address": {
            "street": format!("Thôn {}, km {}", rng.below(20) + 1, rng.below(90)),
            "commune": format!("xã {}", place),
            "province": rng.pick(PROVINCES),
        },
        "gs1_company_prefixes": prefixes,
        "website": format!("https://sx{i:05}.example.vn"),
        "phone": format!("0233 3{:06}", rng.below(1_000_000)),
        "certifications": certs,
        "keys": [
            { "number": 1, "public_key": key(1), "valid_from": "2025-01-01T00:00:00+07:00", "retired_at": "2026-06-01T00:00:00+07:00", "test": true },
            { "number": 2, "public_key": key(2), "valid_from": "2026-06-01T00:00:00+07:00", "test": true },
        ],
    })
}

/// GS1 Việt Nam assigns 893 + 4 to 6 digits; most producers have one prefix, some two.
fn registry(n: usize) -> Value {
    let mut rng = Rng(10);
    let mut used = std::collections::BTreeSet::new();
    let mut fresh = |rng: &mut Rng| loop {
        let len = [4u32, 5, 5, 5, 6][rng.below(5) as usize];
        let p = format!("893{:0w$}", rng.below(10u64.pow(len)), w = len as usize);
        // Distinct and none a prefix of another: nested prefixes are legal but rare in practice.
        if !used
            .iter()
            .any(|u: &String| u.starts_with(&p) || p.starts_with(u.as_str()))
        {
            used.insert(p.clone());
            break p;
        }
    };
    let producers: Vec<Value> = (0..n)
        .map(|i| {
            let mut ps = vec![fresh(&mut rng)];
            if rng.below(10) == 0 {
                ps.push(fresh(&mut rng));
            }
            producer(i, &mut rng, ps)
        })
        .collect();
    json!({
        "format": "txng-registry/1",
        "authority": {
            "name": "Sở Khoa học và Công nghệ tỉnh Quảng Trị",
            "unit": "Chi cục Tiêu chuẩn Đo lường Chất lượng",
            "hotline": "0233 3xxx xxx",
            "report_url": "https://truyxuat.quangtri.gov.vn/bao-hang-gia",
        },
        "issued_at": format_rfc3339_utc(ISSUED),
        "next_update": format_rfc3339_utc(ISSUED + 30 * 86_400),
        "resolvers": ["truyxuat.quangtri.gov.vn"],
        "trace_url_templates": ["https://truyxuat.quangtri.gov.vn/trace/{gtin}/{lot}.jws"],
        "demo": true,
        "producers": producers,
    })
}

/// The first GTIN of a company prefix (item reference 0).
fn gtin_of(prefix: &str) -> String {
    let body = format!("0{prefix}{}", &"000000000000"[prefix.len()..]);
    format!("{body}{}", check_digit(&body).expect("digits"))
}

/// A label of producer `i`'s GTIN, signed with its key 2 (seeded as in [`producer`]).
fn label_of(i: u64, gtin: &str) -> String {
    let mut seed = [2u8; 32];
    seed[..8].copy_from_slice(&i.to_le_bytes());
    let data = LabelData {
        gtin: gtin.to_string(),
        cpv: None,
        lot: "L1".into(),
        serial: "S1".into(),
        attributes: Vec::new(),
    };
    sign_label(data, 2, &SigningKey::from_bytes(&seed))
        .expect("label")
        .to_uri("https://truyxuat.quangtri.gov.vn")
}

fn gzip(b: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    e.write_all(b).expect("in memory");
    e.finish().expect("in memory").len()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10_000);
    // `--full`: every target, 200 labels, the single file gzip'd (the README's table; slow in a
    // debug build). Without it: the default target and 20 labels (`scripts/test.sh`).
    let full = args.iter().any(|a| a == "--full");
    let out = args
        .iter()
        .position(|a| a == "--out")
        .map(|i| std::path::PathBuf::from(args.get(i + 1).expect("--out DIR")));
    let authority = SigningKey::from_bytes(&[42; 32]);
    let anchors = [TrustAnchor {
        kid: "bench".into(),
        key: authority.verifying_key(),
    }];
    let doc = registry(n);
    let producers = doc["producers"].as_array().expect("list").clone();
    let payload = serde_json::to_vec(&doc).expect("json");
    let single = sign_registry(&payload, "bench", &authority);
    println!(
        "registry-scale: {n} producers, {:.0} bytes per producer entry",
        payload.len() as f64 / n as f64
    );
    let loaded = Registry::load(single.as_bytes(), &anchors, NOW);
    println!(
        "  single file: {} bytes raw{} per scan ({})",
        single.len(),
        if full {
            format!(", {} gzip", gzip(single.as_bytes()))
        } else {
            String::new()
        },
        match loaded {
            Ok(_) => "loads".to_string(),
            Err(c) => format!("a verifier refuses it: {}", c.code),
        }
    );
    // Labels of producers spread over the list, each verified through index + its shard.
    let count = if full { 200 } else { 20 };
    let probes: Vec<(usize, String)> = (0..count)
        .map(|k| {
            let i = k * n / count;
            let pre = producers[i]["gs1_company_prefixes"][0]
                .as_str()
                .expect("prefix");
            (i, gtin_of(pre))
        })
        .collect();
    let mut targets = vec![
        8 * 1024,
        16 * 1024,
        24 * 1024,
        DEFAULT_TARGET_BYTES,
        48 * 1024,
        96 * 1024,
    ];
    if !full {
        targets = vec![DEFAULT_TARGET_BYTES];
    }
    targets.sort_unstable();
    targets.dedup();
    for target in targets {
        let s = shard::split(&doc, target, None).expect("splits");
        let index = sign_registry_index(&s.index_payload, "bench", &authority);
        let ig = gzip(index.as_bytes());
        let sizes: Vec<(usize, usize)> = s
            .shards
            .iter()
            .map(|f| (f.bytes.len(), gzip(&f.bytes)))
            .collect();
        let max_raw = sizes.iter().map(|x| x.0).max().unwrap_or(0);
        let max_gz = sizes.iter().map(|x| x.1).max().unwrap_or(0);
        let med_raw = median(sizes.iter().map(|x| x.0 as f64).collect());
        let med_gz = median(sizes.iter().map(|x| x.1 as f64).collect());
        let mut times = Vec::new();
        let mut verified = 0;
        for (i, gtin) in &probes {
            let text = label_of(*i as u64, gtin);
            let t = Instant::now();
            let mut v = Verification::start_sharded(
                &text,
                Fetched::Bytes(index.as_bytes()),
                RegistryContext::default(),
                &anchors,
                NOW,
            );
            let wanted = v
                .shard_wanted()
                .cloned()
                .expect("a shard covers every listed prefix");
            let bytes = &s
                .shards
                .iter()
                .find(|f| f.from == wanted.from)
                .expect("written")
                .bytes;
            v.add_shard(Fetched::Bytes(bytes), None);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            if v.verdict().state == State::Verified {
                verified += 1;
            }
        }
        println!(
            "  shards ≤ {:>3} KiB target: {:>4} shards; index {} raw / {} gzip; shard max {} / {} gzip, median {:.0} / {:.0}; per scan (index + largest shard): {} raw, {} gzip; index + shard load and verify {:.2} ms median ({verified}/{} labels verified){}",
            target / 1024,
            s.shards.len(),
            index.len(),
            ig,
            max_raw,
            max_gz,
            med_raw,
            med_gz,
            index.len() + max_raw,
            ig + max_gz,
            median(times),
            probes.len(),
            if target == DEFAULT_TARGET_BYTES { "  [default]" } else { "" },
        );
    }
    if let Some(dir) = out {
        write_for_browser(&dir, &doc, &authority);
    }
}

/// `--out DIR`: the default-target sharded registry (trace templates emptied), its anchor and a
/// label of a producer in the shard with the most keys.
fn write_for_browser(dir: &std::path::Path, doc: &Value, authority: &SigningKey) {
    let mut doc = doc.clone();
    doc["trace_url_templates"] = json!([]);
    // A browser judges the list by its own clock: issued now, current for 30 days.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64;
    doc["issued_at"] = json!(format_rfc3339_utc(now - 60));
    doc["next_update"] = json!(format_rfc3339_utc(now + 30 * 86_400));
    let s = shard::split(&doc, DEFAULT_TARGET_BYTES, None).expect("splits");
    let index = sign_registry_index(&s.index_payload, "bench", authority);
    // Loaded back as the page will (its anchor, its clock): the shards go where it asks for them.
    let anchor = TrustAnchor {
        kid: "bench".into(),
        key: authority.verifying_key(),
    };
    let (ix, _) = shard::RegistryIndex::load(index.as_bytes(), &[anchor], now)
        .expect("the written index loads");
    std::fs::create_dir_all(dir).expect("out dir");
    std::fs::write(dir.join("registry-index.jws"), format!("{index}\n")).expect("write index");
    let keys_in = |f: &shard::ShardFile| {
        let v: Value = serde_json::from_slice(&f.bytes).expect("shard json");
        let producers = v["producers"].as_array().cloned().unwrap_or_default();
        let keys = producers
            .iter()
            .map(|p| p["keys"].as_array().map_or(0, Vec::len))
            .sum::<usize>();
        (keys, producers)
    };
    for f in &s.shards {
        let pinned = ix
            .shards
            .iter()
            .find(|r| r.from == f.from)
            .expect("the index pins every shard");
        let path = dir.join(ix.shard_url(pinned));
        std::fs::create_dir_all(path.parent().expect("shard dir")).expect("shard dir");
        std::fs::write(&path, &f.bytes).expect("write shard");
    }
    let busiest = s
        .shards
        .iter()
        .max_by_key(|f| keys_in(f).0)
        .expect("shards");
    let (keys, producers) = keys_in(busiest);
    let about = json!({
        "producers": producers.len(),
        "keys": keys,
        "index_bytes": index.len() + 1,
        "shard_bytes": busiest.bytes.len(),
    });
    std::fs::write(dir.join("about.json"), about.to_string()).expect("write about");
    let p = producers.last().expect("a producer");
    let i: u64 = p["id"].as_str().expect("id")[3..]
        .parse()
        .expect("sx-NNNNN");
    let text = label_of(
        i,
        &gtin_of(p["gs1_company_prefixes"][0].as_str().expect("prefix")),
    );
    std::fs::write(dir.join("label.txt"), format!("{text}\n")).expect("write label");
    let anchors = json!([{ "kid": "bench", "public_key": txng_core::b64::encode(authority.verifying_key().as_bytes()) }]);
    std::fs::write(dir.join("anchors.json"), anchors.to_string()).expect("write anchors");
    println!(
        "  written to {}: index, {} shards; the label's shard lists {} producers and {keys} keys",
        dir.display(),
        s.shards.len(),
        producers.len(),
    );
}
