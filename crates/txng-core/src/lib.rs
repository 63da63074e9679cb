//! # txng-core
//!
//! The sans-IO core of txng, the verifier of signed product-traceability QR codes. It parses GS1
//! Digital Link URIs and element strings carrying an Ed25519 signature in AI (8030), verifies them
//! against the producer registry signed by the provincial authority, verifies the producer-signed
//! trace document (EPCIS 2.0 events), and derives a verdict from a list of status codes.
//!
//! It does no network, clock or storage access: callers pass bytes and `now`. The normative
//! specification is `docs/FORMAT.md`; code comments cite its sections.
//!
//! ```text
//! parse (text → SignedLink) → registry (bytes + anchors + now) → label signature → trace (bytes) → Verdict
//! ```
#![deny(missing_docs)]

pub mod b64;
mod fields;
pub mod gs1;
pub mod json;
pub mod jws;
pub mod link;
pub mod messages;
pub mod registry;
pub mod shard;
pub mod sign;
pub mod status;
pub mod time;
pub mod trace;
pub mod verify;
pub mod view;
pub mod vocab;

pub use gs1::Ai;
pub use link::{parse, LabelData, ParseError, SignedLink};
pub use messages::{message, state_title, Lang, Message};
pub use registry::{Registry, TrustAnchor};
pub use status::{Check, Code, Severity, State};
pub use verify::{verify, Fetched, LabelView, Verdict, Verification};
pub use view::{Banner, Report, View};
