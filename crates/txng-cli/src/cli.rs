//! The command line, declared with clap's derive API: one struct per subcommand, so each module
//! receives exactly the arguments it needs. Clap reports usage errors itself, with exit code 2.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// txng: signed traceability QR codes (GS1 Digital Link + Ed25519).
#[derive(Parser, Debug)]
#[command(name = "txng", version, about, propagate_version = true)]
pub struct Cli {
    /// Language of messages: vi (Tiếng Việt, default) or en.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Vi)]
    pub lang: LangArg,
    #[command(subcommand)]
    pub command: Command,
}

/// `--lang` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl From<LangArg> for txng_core::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Vi => txng_core::Lang::Vi,
            LangArg::En => txng_core::Lang::En,
        }
    }
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create an Ed25519 signing key (PKCS#8 PEM, mode 0600) and print its public key.
    Keygen(KeygenArgs),
    /// Producer registry (authority side).
    #[command(subcommand)]
    Registry(RegistryCmd),
    /// Sign a label (or a CSV batch of labels) and write its QR code.
    Sign(SignArgs),
    /// Trace documents (producer side).
    #[command(subcommand)]
    Trace(TraceCmd),
    /// Verify a scanned code against the registry (and its trace document).
    Verify(VerifyArgs),
    /// Serve the web widget and the demo data over HTTP.
    Serve(ServeArgs),
    /// Write the demo data set (keys, registry, labels, trace documents).
    Demo(DemoArgs),
}

/// `txng keygen`.
#[derive(Args, Debug)]
pub struct KeygenArgs {
    /// Private key file to create (never overwritten); the public key goes to FILE.pub.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Producer id, to print the registry entry for this key.
    #[arg(long, value_name = "ID", requires = "number")]
    pub producer: Option<String>,
    /// Key number within the producer (goes into every label's AI 8030).
    #[arg(long, value_name = "N", requires = "producer")]
    pub number: Option<u16>,
    /// Time for `valid_from` in the printed entry (RFC 3339; default: now).
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<String>,
}

/// `txng registry …`.
#[derive(Subcommand, Debug)]
pub enum RegistryCmd {
    /// Sign the producer list (TOML or JSON) as a registry JWS.
    Sign(RegistrySignArgs),
}

/// `txng registry sign`.
#[derive(Args, Debug)]
pub struct RegistrySignArgs {
    /// The human-edited producer list: .toml or .json.
    #[arg(long, value_name = "FILE")]
    pub producers: PathBuf,
    /// The authority's private key (PKCS#8 PEM).
    #[arg(long, value_name = "FILE")]
    pub key: PathBuf,
    /// The `kid` of the authority key, as the verifiers' trust anchors name it.
    #[arg(long, value_name = "KID")]
    pub kid: String,
    /// Where to write the registry JWS (single-file registry, FORMAT.md §2.1).
    #[arg(long, value_name = "FILE", required_unless_present = "shards")]
    pub out: Option<PathBuf>,
    /// Write a sharded registry into DIR instead (FORMAT.md §2.7): `DIR/registry-index.jws` and
    /// `DIR/shards/`. A previous index in DIR keeps versions increasing.
    #[arg(long, value_name = "DIR", conflicts_with = "out")]
    pub shards: Option<PathBuf>,
    /// Target size of a shard's producer entries, in bytes (with `--shards`).
    #[arg(long, value_name = "BYTES", default_value_t = txng_core::shard::DEFAULT_TARGET_BYTES, requires = "shards")]
    pub shard_bytes: usize,
    /// Time used for a missing `issued_at` and for validation (RFC 3339; default: now).
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<String>,
}

/// QR error-correction level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EcArg {
    /// ~7 %.
    #[value(name = "L")]
    L,
    /// ~15 % (default).
    #[value(name = "M")]
    M,
    /// ~25 %.
    #[value(name = "Q")]
    Q,
    /// ~30 %.
    #[value(name = "H")]
    H,
}

/// `txng sign`.
#[derive(Args, Debug)]
pub struct SignArgs {
    /// The producer's private key (PKCS#8 PEM).
    #[arg(long, value_name = "FILE")]
    pub key: PathBuf,
    /// The key's number in the registry (AI 8030 bytes 1–2).
    #[arg(long, value_name = "N")]
    pub producer_number: u16,
    /// GTIN-14 (AI 01).
    #[arg(long, value_name = "GTIN", required_unless_present = "batch")]
    pub gtin: Option<String>,
    /// Lot (AI 10).
    #[arg(long, value_name = "LOT", required_unless_present = "batch")]
    pub lot: Option<String>,
    /// Serial (AI 21).
    #[arg(long, value_name = "SERIAL", required_unless_present = "batch")]
    pub serial: Option<String>,
    /// Consumer product variant (AI 22).
    #[arg(long, value_name = "CPV")]
    pub cpv: Option<String>,
    /// Production date (AI 11): YYMMDD or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub prod_date: Option<String>,
    /// Packaging date (AI 13).
    #[arg(long, value_name = "DATE")]
    pub pack_date: Option<String>,
    /// Best before (AI 15).
    #[arg(long, value_name = "DATE")]
    pub best_before: Option<String>,
    /// Expiry (AI 17).
    #[arg(long, value_name = "DATE")]
    pub expiry: Option<String>,
    /// Harvest date or range (AI 7007): DATE or DATE..DATE.
    #[arg(long, value_name = "DATE[..DATE]")]
    pub harvest: Option<String>,
    /// Country of origin (AI 422), ISO 3166-1 numeric, e.g. 704.
    #[arg(long, value_name = "NNN")]
    pub origin: Option<String>,
    /// Resolver base of the URI.
    #[arg(
        long,
        value_name = "URL",
        default_value = "https://truyxuat.quangtri.gov.vn"
    )]
    pub base: String,
    /// Make a GS1 element string instead of a Digital Link URI: the QR code is a GS1 QR Code (FNC1
    /// in first position; scanners report `]Q3`) and the bracketed human-readable form is printed.
    #[arg(long, conflicts_with = "batch")]
    pub element_string: bool,
    /// Write the QR code as SVG.
    #[arg(long, value_name = "FILE", conflicts_with = "batch")]
    pub qr_svg: Option<PathBuf>,
    /// Write the QR code as PNG.
    #[arg(long, value_name = "FILE", conflicts_with = "batch")]
    pub qr_png: Option<PathBuf>,
    /// QR error-correction level.
    #[arg(long, value_enum, default_value_t = EcArg::M)]
    pub ec: EcArg,
    /// Quiet zone around the code, in modules.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub quiet_zone: u32,
    /// PNG pixels per module.
    #[arg(long, value_name = "PX", default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=64))]
    pub png_scale: u32,
    /// Batch: a CSV of labels (gtin,lot,serial[,prod_date,expiry,best_before,harvest,origin,product_name]).
    #[arg(long, value_name = "CSV", requires = "out_dir")]
    pub batch: Option<PathBuf>,
    /// Batch: output directory (uris.csv and one QR SVG per label).
    #[arg(long, value_name = "DIR", requires = "batch")]
    pub out_dir: Option<PathBuf>,
    /// Batch: also write one PNG per label.
    #[arg(long, requires = "batch")]
    pub png: bool,
    /// Batch: printable A4 label sheet(s) as SVG (several pages: NAME-001.svg, …).
    #[arg(long, value_name = "FILE", requires = "batch")]
    pub sheet: Option<PathBuf>,
}

/// `txng trace …`.
#[derive(Subcommand, Debug)]
pub enum TraceCmd {
    /// Sign a trace document (EPCIS 2.0 events) for one lot.
    Sign(TraceSignArgs),
}

/// `txng trace sign`.
#[derive(Args, Debug)]
pub struct TraceSignArgs {
    /// The producer's private key (PKCS#8 PEM).
    #[arg(long, value_name = "FILE")]
    pub key: PathBuf,
    /// The producer id in the registry.
    #[arg(long, value_name = "ID")]
    pub producer: String,
    /// The key's number in the registry.
    #[arg(long, value_name = "N")]
    pub number: u16,
    /// A complete trace payload (JSON).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["diary", "product", "gtin", "lot"], required_unless_present = "diary")]
    pub json: Option<PathBuf>,
    /// The electronic diary (nhật ký điện tử), CSV: date,step,place,actor,notes[,input_kind,input_name,dose,phi_days,quantity,uom].
    #[arg(long, value_name = "CSV", requires_all = ["product", "gtin", "lot"])]
    pub diary: Option<PathBuf>,
    /// The product description (JSON).
    #[arg(long, value_name = "FILE")]
    pub product: Option<PathBuf>,
    /// GTIN-14 of the lot.
    #[arg(long, value_name = "GTIN")]
    pub gtin: Option<String>,
    /// Lot number.
    #[arg(long, value_name = "LOT")]
    pub lot: Option<String>,
    /// Where to write the trace JWS.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Document creation time (RFC 3339; default: now).
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<String>,
    /// The signed producer list (registry JWS): refuse a producer, key or GTIN it does not list.
    #[arg(long, value_name = "FILE")]
    pub registry: Option<PathBuf>,
    /// Trust anchors for --registry: JSON `[{"kid": "...", "public_key": "<base64url>"}]`.
    #[arg(long, value_name = "FILE", requires = "registry")]
    pub anchors: Option<PathBuf>,
    /// A trust anchor for --registry as KID=KEY (repeatable).
    #[arg(long, value_name = "KID=KEY", requires = "registry")]
    pub anchor: Vec<String>,
}

/// `txng verify`.
#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The scanned text: a GS1 Digital Link URI, an element string, or `-` to read standard input.
    #[arg(value_name = "CODE")]
    pub input: String,
    /// The registry: a file or an http(s) URL.
    #[arg(long, value_name = "FILE|URL")]
    pub registry: String,
    /// Trust anchors: JSON `[{"kid": "...", "public_key": "<base64url>"}]`.
    #[arg(long, value_name = "FILE")]
    pub anchors: Option<PathBuf>,
    /// A trust anchor as KID=KEY (repeatable).
    #[arg(long, value_name = "KID=KEY")]
    pub anchor: Vec<String>,
    /// The trace document: a file or an http(s) URL (default: from the registry's templates).
    #[arg(long, value_name = "FILE|URL")]
    pub trace: Option<String>,
    /// Time of the check (RFC 3339; default: now).
    #[arg(long, value_name = "RFC3339")]
    pub now: Option<String>,
    /// Print the verdict as JSON.
    #[arg(long)]
    pub json: bool,
    /// --registry is a sharded registry's index (FORMAT.md §2.7): the shard covering the code is
    /// fetched from the index's `shard_url_template`, relative to the index.
    #[arg(long)]
    pub sharded: bool,
    /// Verifier state: the newest registry issue time seen per registry (FORMAT.md §2.6). An
    /// older registry is refused (`registry.rollback`); created if missing, updated after each
    /// accepted registry.
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
}

/// `txng serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The built widget.
    #[arg(long, value_name = "DIR", default_value = "dist")]
    pub dir: PathBuf,
    /// Demo data, also served at `/`.
    #[arg(long, value_name = "DIR", default_value = "demo-data")]
    pub data: PathBuf,
    /// Address to listen on.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// CSP `frame-ancestors`: who may embed the pages in a frame (e.g. "'self' https://example.gov.vn";
    /// "'none'" forbids it).
    #[arg(long, value_name = "SOURCES", default_value = "'self'")]
    pub frame_ancestors: String,
    /// An origin allowed to fetch the registry and trace documents (`.jws`, `.json`) from another
    /// site (CORS), e.g. https://shop.example.vn; repeatable; `*` allows any. Default: none.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    pub cors_origins: Vec<String>,
    /// Most simultaneous connections; more are answered 503 and closed (default: 10000, or what the
    /// open-files limit allows).
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub max_connections: usize,
    /// Seconds a client may take to send a request's headers (slowloris).
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub header_timeout: f64,
    /// Seconds a connection may stay idle (no byte in either direction) before it is closed.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub idle_timeout: f64,
    /// Seconds a response may wait for a client that reads nothing before it is closed.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub write_timeout: f64,
}

/// `txng demo`.
#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Output directory.
    #[arg(long, value_name = "DIR", default_value = "demo-data")]
    pub out: PathBuf,
    /// Write only txng-core's test vectors into DIR (e.g. crates/txng-core/tests/vectors).
    #[arg(long, value_name = "DIR")]
    pub vectors: Option<PathBuf>,
}
