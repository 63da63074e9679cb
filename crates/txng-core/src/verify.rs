//! The verification pipeline (FORMAT.md §4): parse → registry → label signature → trace → verdict.
//!
//! Sans-IO: the caller fetches the registry and the trace document and passes their bytes (or why
//! there are none) and the current time. [`Verification::start`] runs the stages that need no trace,
//! so a caller can show a verdict at once and add the trace when it arrives.

use crate::gs1::Ai;
use crate::jws::{verify_strict, Jws, SignatureInvalid};
use crate::link::{self, LabelData, SignedLink};
use crate::registry::{Authority, Producer, Registry, TrustAnchor};
use crate::shard::{RegistryIndex, ShardRef};
use crate::status::{Check, Code, Severity, State};
use crate::time::{gs1_date, Date, UnixTime};
use crate::trace::{Product, Trace, TraceEvent, MAX_TRACE_BYTES};
use ed25519_dalek::VerifyingKey;
use serde::Serialize;

/// What the caller could fetch of a document.
#[derive(Clone, Copy, Debug)]
pub enum Fetched<'a> {
    /// The bytes as received (size-capped by the caller or not: the core checks again).
    Bytes(&'a [u8]),
    /// Nothing could be had; the detail says why for inspectors (`http 404`, `offline`, `timeout`).
    Unavailable(&'a str),
    /// The caller stopped reading at its size cap.
    TooLarge,
}

/// The label's signed data, for display (dates resolved against `now`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LabelView {
    /// GTIN-14.
    pub gtin: String,
    /// Consumer product variant.
    pub cpv: Option<String>,
    /// Lot.
    pub lot: String,
    /// Serial.
    pub serial: String,
    /// (11) Production date.
    pub production_date: Option<Date>,
    /// (13) Packaging date.
    pub packaging_date: Option<Date>,
    /// (15) Best before.
    pub best_before: Option<Date>,
    /// (17) Expiry.
    pub expiry: Option<Date>,
    /// (7007) Harvest date, or first day of the range.
    pub harvest_from: Option<Date>,
    /// (7007) Last day of the harvest range.
    pub harvest_to: Option<Date>,
    /// (422) Country of origin (ISO 3166-1 numeric).
    pub origin: Option<String>,
    /// Key number that signed it.
    pub key_number: u16,
}

impl LabelView {
    fn new(d: &LabelData, key_number: u16, now: UnixTime) -> LabelView {
        let date = |ai| d.attribute(ai).and_then(|v| gs1_date(v, now));
        let harvest = d.attribute(Ai::HarvestDate);
        LabelView {
            gtin: d.gtin.clone(),
            cpv: d.cpv.clone(),
            lot: d.lot.clone(),
            serial: d.serial.clone(),
            production_date: date(Ai::ProductionDate),
            packaging_date: date(Ai::PackagingDate),
            best_before: date(Ai::BestBefore),
            expiry: date(Ai::Expiry),
            harvest_from: harvest.and_then(|h| gs1_date(h.get(..6)?, now)),
            harvest_to: harvest.and_then(|h| gs1_date(h.get(6..)?, now)),
            origin: d.attribute(Ai::Origin).map(str::to_string),
            key_number,
        }
    }
}

/// The result shown to a user: the state, every check, and signed data only.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    /// Overall state, derived from `checks`.
    pub state: State,
    /// Every check made, in pipeline order.
    pub checks: Vec<Check>,
    /// The label's signed data (only when the state is verified or verified with warnings, or
    /// when the only failure is `lot.recalled`).
    pub label: Option<LabelView>,
    /// The producer from the signed registry (same condition).
    pub producer: Option<Producer>,
    /// The product from the signed trace document (same condition, and the trace valid).
    pub product: Option<Product>,
    /// The lot's events, oldest first (same condition as `product`).
    pub events: Vec<TraceEvent>,
    /// The authority from a valid registry: whom to report a suspected fake to.
    pub authority: Option<Authority>,
    /// When the registry used was issued.
    pub registry_issued_at: Option<UnixTime>,
    /// What was scanned, parsed but NOT verified: only to prefill a report of a suspected fake.
    pub scanned: Option<LabelData>,
}

impl Verdict {
    /// The check that decides the state: the first of the highest severity.
    pub fn main_check(&self) -> Option<&Check> {
        let worst = self.checks.iter().map(|c| c.severity).max()?;
        if worst <= Severity::Info {
            return self.checks.iter().find(|c| c.code == Code::SignatureValid);
        }
        self.checks.iter().find(|c| c.severity == worst)
    }

    /// Whether a check with this code is present.
    pub fn has(&self, code: Code) -> bool {
        self.checks.iter().any(|c| c.code == code)
    }
}

/// A registry issued more than this after the verifier's `now` means the device's clock is
/// behind (or the authority's ahead): `clock.behind` (FORMAT.md §2.3). Ten minutes absorbs
/// ordinary clock drift between the authority's signing machine and a phone.
pub const CLOCK_SKEW_TOLERANCE_SECS: i64 = 600;

/// What the caller knows about the registry bytes besides the bytes (FORMAT.md §2.6).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegistryContext {
    /// The bytes are the device's saved copy, not fetched now (adds `registry.cached`).
    pub from_cache: bool,
    /// The highest `issued_at` of any registry this device (or CLI state file) has verified
    /// before. A registry issued earlier is refused (`registry.rollback`): it may lack a
    /// revocation the newer one carries.
    pub known_issued_at: Option<UnixTime>,
}

/// A verification in progress.
#[derive(Clone, Debug)]
pub struct Verification {
    checks: Vec<Check>,
    link: Option<SignedLink>,
    registry: Option<Registry>,
    producer: Option<usize>,
    /// The label's key, once the label's signature verified with it (`Some` is "the signature
    /// holds"; the trace document is usually signed with the same key, whose curve checks are then
    /// not made twice).
    signer_key: Option<VerifyingKey>,
    trace: Option<Trace>,
    /// A sharded registry's index (FORMAT.md §2.7), while its shard is awaited and after.
    index: Option<RegistryIndex>,
    /// The shard the label's GTIN needs, until [`Verification::add_shard`] is called.
    shard_wanted: Option<ShardRef>,
    /// The shard added, once [`Verification::add_shard`] accepted it.
    shard_used: Option<ShardRef>,
    /// The time key validity is judged at: `max(caller's now, registry issued_at)` (§2.3).
    now: UnixTime,
}

impl Verification {
    /// Runs parse, registry and label-signature stages.
    ///
    /// `from_cache` says the registry bytes came from the device's cache (adds `registry.cached`).
    /// Same as [`Verification::start_with`] with no known registry.
    pub fn start(
        scanned: &str,
        registry: Fetched<'_>,
        from_cache: bool,
        anchors: &[TrustAnchor],
        now: UnixTime,
    ) -> Verification {
        let ctx = RegistryContext {
            from_cache,
            known_issued_at: None,
        };
        Verification::start_with(scanned, registry, ctx, anchors, now)
    }

    /// A verification with no stage run yet, judging keys at `now`.
    fn empty(now: UnixTime) -> Verification {
        Verification {
            checks: Vec::new(),
            link: None,
            registry: None,
            producer: None,
            signer_key: None,
            trace: None,
            index: None,
            shard_wanted: None,
            shard_used: None,
            now,
        }
    }

    /// Runs parse, registry and label-signature stages, refusing a registry older than one
    /// already seen (`ctx.known_issued_at`).
    pub fn start_with(
        scanned: &str,
        registry: Fetched<'_>,
        ctx: RegistryContext,
        anchors: &[TrustAnchor],
        now: UnixTime,
    ) -> Verification {
        let mut v = Verification::empty(now);
        v.parse_link(scanned);
        match registry {
            Fetched::Bytes(b) => match Registry::load(b, anchors, now) {
                Ok((r, checks)) => {
                    if v.accept_list(r.issued_at, checks, ctx) {
                        v.registry = Some(r);
                    }
                }
                Err(c) => v.checks.push(c),
            },
            Fetched::Unavailable(why) => v.checks.push(Check::with(Code::RegistryUnavailable, why)),
            Fetched::TooLarge => v.checks.push(Check::new(Code::RegistryTooLarge)),
        }
        v.check_signature();
        v
    }

    /// Runs the parse stage and loads a sharded registry's index (FORMAT.md §2.7): rollback,
    /// freshness and clock checks as for a single-file registry. The label's signature is checked
    /// by [`Verification::add_shard`], once the caller has fetched [`Verification::shard_wanted`].
    pub fn start_sharded(
        scanned: &str,
        index: Fetched<'_>,
        ctx: RegistryContext,
        anchors: &[TrustAnchor],
        now: UnixTime,
    ) -> Verification {
        let mut v = Verification::empty(now);
        v.parse_link(scanned);
        match index {
            Fetched::Bytes(b) => match RegistryIndex::load(b, anchors, now) {
                Ok((ix, checks)) => {
                    if v.accept_list(ix.base.issued_at, checks, ctx) {
                        v.index = Some(ix);
                    }
                }
                Err(c) => v.checks.push(c),
            },
            Fetched::Unavailable(why) => v.checks.push(Check::with(Code::RegistryUnavailable, why)),
            Fetched::TooLarge => v.checks.push(Check::new(Code::RegistryTooLarge)),
        }
        if let (Some(ix), Some(link)) = (&v.index, &v.link) {
            match ix.shard_for_gtin(&link.data.gtin) {
                Some(s) => v.shard_wanted = Some(s.clone()),
                // No shard can hold the GTIN's company prefix: no producer of this registry owns
                // it (as a single-file registry that does not list it).
                None => v.checks.push(Check::with(
                    Code::ProducerUnknown,
                    format!("gtin={} no shard", link.data.gtin),
                )),
            }
        }
        v
    }

    /// The shard the caller must fetch (at [`RegistryIndex::shard_url`], relative to the index's
    /// URL, reading at most its pinned `length`), and its version's high-water mark to look up;
    /// `None` when no shard is needed (or it was already added).
    pub fn shard_wanted(&self) -> Option<&ShardRef> {
        self.shard_wanted.as_ref()
    }

    /// The shard [`Verification::add_shard`] accepted (its `from` and version are what a caller
    /// records as this shard's high-water mark, FORMAT.md §2.7.4).
    pub fn shard_used(&self) -> Option<&ShardRef> {
        self.shard_used.as_ref()
    }

    /// The loaded index of a sharded registry, if it was authentic and not rolled back.
    pub fn index(&self) -> Option<&RegistryIndex> {
        self.index.as_ref()
    }

    /// Adds the shard [`Verification::shard_wanted`] named, then runs the producer lookup and the
    /// label-signature stage. `known_version` is the highest version of this shard's prefix that
    /// this device has verified before (FORMAT.md §2.7.4). Does nothing if no shard is wanted.
    pub fn add_shard(&mut self, fetched: Fetched<'_>, known_version: Option<u64>) {
        let (Some(shard), Some(ix)) = (self.shard_wanted.take(), &self.index) else {
            return;
        };
        if let Some(known) = known_version.filter(|k| shard.version < *k) {
            self.checks.push(Check::with(
                Code::RegistryShardRollback,
                format!(
                    "shard={} version={} known={known}",
                    shard.from, shard.version
                ),
            ));
            return;
        }
        let opened = match fetched {
            Fetched::Bytes(b) => ix.open_shard(&shard, b),
            Fetched::Unavailable(why) => Err(Check::with(
                Code::RegistryShardUnavailable,
                format!("shard={} {why}", shard.from),
            )),
            // The caller stops at the pinned length: more bytes are not the pinned shard.
            Fetched::TooLarge => Err(Check::with(
                Code::RegistryShardHashMismatch,
                format!("shard={} longer than length={}", shard.from, shard.length),
            )),
        };
        match opened {
            Ok(r) => {
                self.registry = Some(r);
                self.shard_used = Some(shard);
                self.check_signature();
            }
            Err(c) => self.checks.push(c),
        }
    }

    fn parse_link(&mut self, scanned: &str) {
        match link::parse(scanned) {
            Ok(l) => {
                self.checks
                    .push(Check::with(Code::PayloadParsed, format!("{:?}", l.syntax)));
                self.link = Some(l);
            }
            Err(e) => self.checks.push(Check::with(e.code, e.detail)),
        }
    }

    /// Accepts an authentic list (a registry, or a sharded registry's index) unless it is older
    /// than one seen before (rollback), and sets the time keys are judged at (FORMAT.md §2.3: a
    /// clock set back does not undo a revocation). Whether it was accepted.
    fn accept_list(
        &mut self,
        issued_at: UnixTime,
        checks: Vec<Check>,
        ctx: RegistryContext,
    ) -> bool {
        let utc = crate::time::format_rfc3339_utc;
        if let Some(known) = ctx.known_issued_at.filter(|k| issued_at < *k) {
            self.checks.push(Check::with(
                Code::RegistryRollback,
                format!("issued_at={} known={}", utc(issued_at), utc(known)),
            ));
            return false;
        }
        self.checks.extend(checks);
        if ctx.from_cache {
            self.checks.push(Check::with(
                Code::RegistryCached,
                format!("issued_at={}", utc(issued_at)),
            ));
        }
        if issued_at > self.now + CLOCK_SKEW_TOLERANCE_SECS {
            self.checks.push(Check::with(
                Code::ClockBehind,
                format!("now={} issued_at={}", utc(self.now), utc(issued_at)),
            ));
        }
        self.now = self.now.max(issued_at);
        true
    }

    fn check_signature(&mut self) {
        let (Some(link), Some(reg)) = (&self.link, &self.registry) else {
            return;
        };
        let Some(pi) = reg
            .producer_for_gtin(&link.data.gtin)
            .and_then(|p| reg.producers.iter().position(|x| x.id == p.id))
        else {
            self.checks.push(Check::with(
                Code::ProducerUnknown,
                format!("gtin={}", link.data.gtin),
            ));
            return;
        };
        let producer = &reg.producers[pi];
        self.producer = Some(pi);
        let n = link.signature.key_number;
        let detail = format!("producer={} key={n}", producer.id);
        let Some(key) = producer.key(n) else {
            // A key added after this copy of the list was issued is not a forgery: only a
            // current list fetched now can say "never published" (FORMAT.md §1.5).
            // The list may be out of date: the device's saved copy, or past `next_update`.
            let outdated = [
                Code::RegistryCached,
                Code::RegistryStale,
                Code::RegistryExpired,
            ]
            .into_iter()
            .any(|c| self.has(c));
            let code = if outdated {
                Code::KeyNotYetListed
            } else {
                Code::KeyUnknown
            };
            self.checks.push(Check::with(code, detail));
            return;
        };
        // The listed key's curve checks (FORMAT.md §2.3 check 5), made for the key a scan uses.
        let Some(public) = key.verifying_key() else {
            self.checks
                .push(Check::with(Code::RegistryKeyInvalid, detail));
            return;
        };
        if let Some(at) = key.revoked_at.filter(|at| *at <= self.now) {
            let reason = key.revocation_reason.as_deref().unwrap_or("");
            self.checks.push(Check::with(
                Code::KeyRevoked,
                format!(
                    "{detail} revoked_at={} reason={reason}",
                    crate::time::format_rfc3339_utc(at)
                ),
            ));
            return;
        }
        if key.valid_from > self.now {
            self.checks.push(Check::with(Code::KeyNotYetValid, detail));
            return;
        }
        if verify_strict(&public, &link.signing_input(), &link.signature.signature).is_err() {
            self.checks
                .push(Check::with(Code::SignatureInvalid, detail));
            return;
        }
        self.signer_key = Some(public);
        self.checks
            .push(Check::with(Code::SignatureValid, detail.clone()));
        if let Some(at) = key.retired_at.filter(|at| *at <= self.now) {
            self.checks.push(Check::with(
                Code::KeyRetired,
                format!(
                    "{detail} retired_at={}",
                    crate::time::format_rfc3339_utc(at)
                ),
            ));
        }
        self.checks.push(match &link.host {
            None => Check::new(Code::HostAbsent),
            Some(h) if reg.is_official_host(h) => {
                Check::with(Code::HostOfficial, format!("host={h}"))
            }
            Some(h) => Check::with(Code::HostUnofficial, format!("host={h}")),
        });
        let label = LabelView::new(&link.data, n, self.now);
        if let Some(d) = label.expiry.or(label.best_before) {
            if d.end_unix_vn() < self.now {
                self.checks.push(Check::with(
                    Code::ProductExpired,
                    format!("date={}", d.iso()),
                ));
            }
        }
    }

    /// Where to fetch the trace document, in order of preference (empty unless the label's signature
    /// is valid: an invalid label gets no trace).
    pub fn trace_urls(&self) -> Vec<String> {
        match (&self.link, &self.registry, self.signer_key.is_some()) {
            (Some(l), Some(r), true) => r.trace_urls(&l.data.gtin, &l.data.lot),
            _ => Vec::new(),
        }
    }

    /// Whether the stage that needs a trace document can run.
    pub fn wants_trace(&self) -> bool {
        self.signer_key.is_some()
    }

    /// Adds the trace document stage. Does nothing unless the label's signature is valid.
    pub fn add_trace(&mut self, fetched: Fetched<'_>) {
        if self.signer_key.is_none() {
            return;
        }
        let bytes = match fetched {
            Fetched::Bytes(b) if b.len() > MAX_TRACE_BYTES => {
                self.checks.push(Check::with(
                    Code::TraceTooLarge,
                    format!("bytes={}", b.len()),
                ));
                return;
            }
            Fetched::Bytes(b) => b,
            Fetched::Unavailable(why) => {
                self.checks.push(Check::with(Code::TraceUnavailable, why));
                return;
            }
            Fetched::TooLarge => {
                self.checks.push(Check::new(Code::TraceTooLarge));
                return;
            }
        };
        match self.read_trace(bytes) {
            Ok(t) => {
                self.checks.push(Check::with(
                    Code::TraceValid,
                    format!("events={}", t.events.len()),
                ));
                self.check_trace_content(&t);
                self.trace = Some(t);
            }
            Err(c) => self.checks.push(c),
        }
    }

    fn read_trace(&self, bytes: &[u8]) -> Result<Trace, Check> {
        let (Some(link), Some(reg), Some(pi)) = (&self.link, &self.registry, self.producer) else {
            return Err(Check::new(Code::TraceUnavailable));
        };
        let producer = &reg.producers[pi];
        let jws =
            Jws::parse(bytes).map_err(|e| Check::with(Code::TraceMalformed, format!("{e:?}")))?;
        let key = trace_kid_number(&jws.kid, &producer.id)
            .and_then(|n| producer.key(n))
            .ok_or_else(|| Check::with(Code::TraceSignerUnknown, format!("kid={}", jws.kid)))?;
        let public = match self.signer_key {
            Some(k) if key.number == link.signature.key_number => k,
            _ => key
                .verifying_key()
                .ok_or_else(|| Check::with(Code::RegistryKeyInvalid, format!("kid={}", jws.kid)))?,
        };
        if key.revoked_at.is_some_and(|at| at <= self.now) {
            return Err(Check::with(
                Code::TraceKeyRevoked,
                format!("kid={}", jws.kid),
            ));
        }
        if key.valid_from > self.now {
            return Err(Check::with(
                Code::TraceKeyNotYetValid,
                format!("kid={}", jws.kid),
            ));
        }
        jws.verify(&public).map_err(|SignatureInvalid| {
            Check::with(Code::TraceSignatureInvalid, format!("kid={}", jws.kid))
        })?;
        // Explicit typing (FORMAT.md §3.2), after the signature: a tampered document stays red.
        if !jws.has_typ(crate::jws::TRACE_TYP, &[crate::jws::TRACE_TYP_LEGACY]) {
            return Err(Check::with(
                Code::TraceWrongType,
                crate::registry::typ_detail(&jws),
            ));
        }
        let trace = Trace::from_payload(&jws.payload).map_err(|e| e.check())?;
        if trace.gtin != link.data.gtin || trace.lot != link.data.lot {
            return Err(Check::with(
                Code::TraceMismatch,
                format!("trace gtin={} lot={}", trace.gtin, trace.lot),
            ));
        }
        Ok(trace)
    }

    /// The minimum information of Thông tư 02/2024/TT-BKHCN, and recalls.
    fn check_trace_content(&mut self, t: &Trace) {
        if let Some(e) = t.events.iter().find(|e| e.is_recall()) {
            self.checks.push(Check::with(
                Code::LotRecalled,
                format!(
                    "lot={} at={}",
                    t.lot,
                    crate::time::format_rfc3339_utc(e.time)
                ),
            ));
        }
        if t.product.name.trim().is_empty() {
            self.checks.push(Check::new(Code::InfoMissingName));
        }
        if t.product
            .image_url
            .as_deref()
            .is_none_or(|u| u.trim().is_empty())
        {
            self.checks.push(Check::new(Code::InfoMissingImage));
        }
        if let Some(p) = self
            .producer
            .and_then(|i| self.registry.as_ref()?.producers.get(i))
        {
            if p.name.trim().is_empty() || p.address.display().trim().is_empty() {
                self.checks.push(Check::new(Code::InfoMissingProducer));
            }
        }
        let label_has_expiry = self.link.as_ref().is_some_and(|l| {
            l.data.attribute(Ai::Expiry).is_some() || l.data.attribute(Ai::BestBefore).is_some()
        });
        if t.product.has_expiry && !label_has_expiry && t.product.expiry_date.is_none() {
            self.checks.push(Check::new(Code::InfoMissingExpiry));
        }
        self.checks.extend(t.profile_warnings());
    }

    /// The verdict so far. Signed data is included only under a green or amber state.
    pub fn verdict(&self) -> Verdict {
        let mut checks = self.checks.clone();
        checks.push(Check::new(Code::LabelCopyPossible));
        let state = State::from_checks(&checks);
        // A recalled lot is red, but its label is genuine: the shopper needs to see which product
        // and lot it is, and whom to call (FORMAT.md §4.2). Any other failure hides the data.
        let recalled_only = state == State::Invalid
            && checks
                .iter()
                .filter(|c| c.severity == Severity::Failure)
                .all(|c| c.code == Code::LotRecalled);
        let shown = matches!(state, State::Verified | State::VerifiedWithWarnings) || recalled_only;
        let producer = self
            .producer
            .and_then(|i| self.registry.as_ref()?.producers.get(i).cloned());
        let trace = self.trace.as_ref().filter(|_| shown);
        Verdict {
            state,
            checks,
            label: self
                .link
                .as_ref()
                .filter(|_| shown)
                .map(|l| LabelView::new(&l.data, l.signature.key_number, self.now)),
            producer: producer.filter(|_| shown),
            product: trace.map(|t| t.product.clone()),
            events: trace.map(|t| t.events.clone()).unwrap_or_default(),
            authority: self
                .registry
                .as_ref()
                .or(self.index.as_ref().map(|i| &i.base))
                .map(|r| r.authority.clone()),
            registry_issued_at: self
                .registry
                .as_ref()
                .or(self.index.as_ref().map(|i| &i.base))
                .map(|r| r.issued_at),
            scanned: self.link.as_ref().map(|l| l.data.clone()),
        }
    }

    /// Whether a check with this code has been made so far.
    pub fn has(&self, code: Code) -> bool {
        self.checks.iter().any(|c| c.code == code)
    }

    /// The parsed link, if parsing succeeded (not verified unless the state says so).
    pub fn link(&self) -> Option<&SignedLink> {
        self.link.as_ref()
    }

    /// The loaded registry, if it was authentic.
    pub fn registry(&self) -> Option<&Registry> {
        self.registry.as_ref()
    }
}

/// The key number a trace `kid` names for this producer (FORMAT.md §3.2): exactly
/// `{producer id}#{number}`, the number in canonical decimal (`0`–`65535`, no sign, no leading
/// zero), so one key has one `kid`. Anything else names no key.
pub fn trace_kid_number(kid: &str, producer_id: &str) -> Option<u16> {
    let n = kid.strip_prefix(producer_id)?.strip_prefix('#')?;
    let canonical =
        !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && (n == "0" || !n.starts_with('0'));
    canonical.then(|| n.parse().ok()).flatten()
}

/// One-shot verification: the registry, then the trace (if given), then the verdict.
pub fn verify(
    scanned: &str,
    registry: Fetched<'_>,
    trace: Option<Fetched<'_>>,
    anchors: &[TrustAnchor],
    now: UnixTime,
) -> Verdict {
    let mut v = Verification::start(scanned, registry, false, anchors, now);
    if let Some(t) = trace {
        v.add_trace(t);
    }
    v.verdict()
}
