//! Status codes: every check a user or inspector can be told about, with its stable dotted code and
//! severity (FORMAT.md §5). The overall verdict is derived from the list, never stored beside it.
//!
//! Adding a variant forces a message in `messages.rs` (an exhaustive match) and a test vector
//! (the completeness test in `tests/vectors.rs`).

use serde::{Serialize, Serializer};

/// How much a check weighs in the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A check that passed.
    Success,
    /// A fact worth showing that changes nothing.
    Info,
    /// The label is genuine but something deserves attention (amber).
    Warning,
    /// The check could not be made: no verdict either way (grey).
    Indeterminate,
    /// The label or its data is not valid (red).
    Failure,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, $sev:ident; )*) => {
        /// A status code. Its text form (`as_str`) is stable and part of the format.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The stable dotted code, e.g. `signature.valid`.
            pub const fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $text, )* }
            }

            /// The severity this code always has.
            pub const fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }

            /// Looks a code up by its dotted text.
            pub fn from_str_code(text: &str) -> Option<Code> {
                match text { $( $text => Some(Code::$variant), )* _ => None }
            }
        }
    };
}

codes! {
    // --- The scanned text (FORMAT.md §1) ---
    /// The scanned text was read as a signed GS1 Digital Link or element string.
    PayloadParsed = "payload.parsed", Success;
    /// The scanned text is longer than the input limit.
    PayloadTooLong = "payload.too_long", Failure;
    /// The scanned text is neither a GS1 Digital Link URI nor a GS1 element string.
    PayloadNotGs1 = "payload.not_gs1", Indeterminate;
    /// GS1 data without a signature (no AI 8030): nothing to verify.
    PayloadUnsigned = "payload.unsigned", Indeterminate;
    /// The URI path is not `…/01/{gtin}[/22/…][/10/…][/21/…]`, or percent-encoding is broken.
    PayloadPathInvalid = "payload.path_invalid", Failure;
    /// No GTIN (AI 01).
    PayloadGtinMissing = "payload.gtin_missing", Failure;
    /// The GTIN check digit is wrong.
    PayloadGtinCheckDigit = "payload.gtin_check_digit", Failure;
    /// No lot or batch number (AI 10), which this profile requires.
    PayloadLotMissing = "payload.lot_missing", Failure;
    /// No serial number (AI 21), which this profile and AI 8030 require.
    PayloadSerialMissing = "payload.serial_missing", Failure;
    /// A numeric key that is not an AI this profile knows.
    PayloadAiUnknown = "payload.ai_unknown", Failure;
    /// The same AI appears twice.
    PayloadAiDuplicate = "payload.ai_duplicate", Failure;
    /// An AI with an empty value.
    PayloadValueEmpty = "payload.value_empty", Failure;
    /// A value breaks its AI's format (characters, length).
    PayloadValueInvalid = "payload.value_invalid", Failure;
    /// A date value is not a valid YYMMDD date.
    PayloadDateInvalid = "payload.date_invalid", Failure;
    /// The AI 8030 value is not 90 characters of strict unpadded base64url.
    PayloadSignatureEncoding = "payload.signature_encoding", Failure;
    /// The AI 8030 profile byte names a signature profile this verifier does not know.
    PayloadProfileUnknown = "payload.profile_unknown", Indeterminate;
    /// A real GS1 AI that this profile does not allow on a signed label (e.g. 3103 net weight).
    PayloadAiNotAllowed = "payload.ai_not_allowed", Failure;
    /// AI 8030 holds another issuer's content (not 90 characters starting `A`), e.g. an ISO/IEC
    /// 20248 DigSig: not a signed code of this province.
    PayloadSignatureForeign = "payload.signature_foreign", Indeterminate;

    // --- The producer registry (FORMAT.md §2) ---
    /// The registry is signed by a trust anchor, well-formed and current.
    RegistryValid = "registry.valid", Success;
    /// No registry could be had (network, storage).
    RegistryUnavailable = "registry.unavailable", Indeterminate;
    /// The registry is larger than the size limit.
    RegistryTooLarge = "registry.too_large", Indeterminate;
    /// The registry is not a JWS with the required fields.
    RegistryMalformed = "registry.malformed", Indeterminate;
    /// The registry JWS's `typ` is not a registry's (e.g. a trace document): explicit typing.
    RegistryWrongType = "registry.wrong_type", Indeterminate;
    /// The registry's format version is not supported.
    RegistryVersionUnsupported = "registry.version_unsupported", Indeterminate;
    /// The registry's `kid` names no trust anchor of this deployment.
    RegistryUntrustedKey = "registry.untrusted_key", Indeterminate;
    /// The registry's signature does not verify with the named trust anchor.
    RegistrySignatureInvalid = "registry.signature_invalid", Indeterminate;
    /// Two producers share an id.
    RegistryDuplicateId = "registry.duplicate_id", Indeterminate;
    /// A GS1 company prefix is listed for two producers.
    RegistryPrefixConflict = "registry.prefix_conflict", Indeterminate;
    /// A producer key is malformed, weak (small order) or numbered twice.
    RegistryKeyInvalid = "registry.key_invalid", Indeterminate;
    /// The registry is past its `next_update`: a newer list may exist.
    RegistryStale = "registry.stale", Warning;
    /// The registry is more than 90 days past its `next_update`: too old to rely on.
    RegistryExpired = "registry.expired", Indeterminate;
    /// The registry was issued before one this device already verified: an older list may lack
    /// a revocation, so it is not used.
    RegistryRollback = "registry.rollback", Indeterminate;
    /// The registry was read from this device's cache, not fetched now.
    RegistryCached = "registry.cached", Info;
    /// The registry is demonstration data (keys marked TEST).
    RegistryDemo = "registry.demo", Info;
    /// The registry was issued after the verifier's clock (beyond 10 minutes): the device's
    /// clock is behind. Keys are judged at the registry's issue time instead.
    ClockBehind = "clock.behind", Warning;
    /// The shard of a sharded registry (FORMAT.md §2.7) covering the label could not be had.
    RegistryShardUnavailable = "registry.shard_unavailable", Indeterminate;
    /// A shard's bytes are not the ones the signed index pins (length or SHA-256).
    RegistryShardHashMismatch = "registry.shard_hash_mismatch", Indeterminate;
    /// The index pins an older version of a shard than one this device already verified.
    RegistryShardRollback = "registry.shard_rollback", Indeterminate;
    /// A pinned shard contradicts its index: another prefix or version, or a company prefix that
    /// GTINs would look up in another shard.
    RegistryShardInconsistent = "registry.shard_inconsistent", Indeterminate;

    // --- The label's signature (FORMAT.md §1.4, §1.5) ---
    /// No producer in the registry owns the GTIN's company prefix: not a signed code of this
    /// province (grey: another system's label is not a forgery).
    ProducerUnknown = "producer.unknown", Indeterminate;
    /// The producer has no key with the label's key number in a current list fetched now.
    KeyUnknown = "key.unknown", Failure;
    /// The producer has no key with the label's key number in a saved or out-of-date list: the
    /// key may have been published since (grey, never red).
    KeyNotYetListed = "key.not_yet_listed", Indeterminate;
    /// The key was revoked (compromised): its signatures are invalid.
    KeyRevoked = "key.revoked", Failure;
    /// The key's `valid_from` is in the future.
    KeyNotYetValid = "key.not_yet_valid", Failure;
    /// The key was retired (superseded); labels it signed stay valid: a harmless fact, green with
    /// a note (FORMAT.md §4.2).
    KeyRetired = "key.retired", Info;
    /// The label's signature verifies with the producer's key.
    SignatureValid = "signature.valid", Success;
    /// The label's signature does not verify: the data was changed or the signature forged.
    SignatureInvalid = "signature.invalid", Failure;

    // --- Where the code points (FORMAT.md §1.6) ---
    /// The link's host is one of the registry's official resolvers.
    HostOfficial = "host.official", Success;
    /// The link's host is not an official resolver (possible phishing sticker).
    HostUnofficial = "host.unofficial", Warning;
    /// The code was an element string with no web address.
    HostAbsent = "host.absent", Info;

    // --- The trace document (FORMAT.md §3) ---
    /// The trace document is signed by the producer and matches the label.
    TraceValid = "trace.valid", Success;
    /// The trace document could not be fetched.
    TraceUnavailable = "trace.unavailable", Warning;
    /// The trace document is larger than the size limit.
    TraceTooLarge = "trace.too_large", Warning;
    /// The trace document is not a JWS with the required fields.
    TraceMalformed = "trace.malformed", Warning;
    /// The trace JWS's `typ` is not a trace document's (e.g. a registry): explicit typing.
    TraceWrongType = "trace.wrong_type", Warning;
    /// The trace document's format version is not supported.
    TraceVersionUnsupported = "trace.version_unsupported", Warning;
    /// The trace document has more events than the limit.
    TraceTooManyEvents = "trace.too_many_events", Warning;
    /// The trace document's `kid` is not a key of the label's producer.
    TraceSignerUnknown = "trace.signer_unknown", Failure;
    /// The trace document is signed with a revoked key.
    TraceKeyRevoked = "trace.key_revoked", Failure;
    /// The trace document is signed with a key whose `valid_from` is still to come.
    TraceKeyNotYetValid = "trace.key_not_yet_valid", Failure;
    /// The trace document's signature does not verify.
    TraceSignatureInvalid = "trace.signature_invalid", Failure;
    /// The trace document covers another GTIN or lot than the label.
    TraceMismatch = "trace.mismatch", Failure;
    /// The lot has been recalled (an event with the `recalled` disposition).
    LotRecalled = "lot.recalled", Failure;
    /// The label's expiry or best-before date has passed.
    ProductExpired = "product.expired", Warning;
    /// Required by Thông tư 02/2024/TT-BKHCN: the product name is missing.
    InfoMissingName = "info.missing_name", Warning;
    /// Required by Thông tư 02/2024/TT-BKHCN: the product image is missing. A harmless fact for
    /// the shopper: green with a note (FORMAT.md §4.2).
    InfoMissingImage = "info.missing_image", Info;
    /// Required by Thông tư 02/2024/TT-BKHCN: the producer's name or address is missing.
    InfoMissingProducer = "info.missing_producer", Warning;
    /// Required by Thông tư 02/2024/TT-BKHCN: no expiry date although the product declares one applies.
    InfoMissingExpiry = "info.missing_expiry", Warning;
    /// Required by Thông tư 02/2024/TT-BKHCN: no standard applied (TCVN, QCVN, company standard).
    InfoMissingStandards = "info.missing_standards", Warning;
    /// Required by Thông tư 02/2024/TT-BKHCN: events, but none names its production stage
    /// (no event has a `bizStep`).
    InfoMissingStages = "info.missing_stages", Warning;
    /// txng's EPCIS profile: the document's event list is empty (no stages, no times).
    TraceNoEvents = "trace.no_events", Warning;
    /// txng's EPCIS profile: an event names no goods (no EPC, no EPC class, no parent).
    TraceEventWithoutGoods = "trace.event_without_goods", Warning;

    // --- Always present ---
    /// A valid code proves who issued the label, not that this item is not a copy.
    LabelCopyPossible = "label.copy_possible", Info;
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl core::fmt::Display for Code {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One check: a code and, for inspectors, a language-neutral detail (an AI, a key number, a date).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// What was found.
    pub code: Code,
    /// How much it weighs (always `code.severity()`).
    pub severity: Severity,
    /// Facts for inspectors, e.g. `ai=17` or `producer=htx-khe-sanh key=2`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Check {
    /// A check without detail.
    pub fn new(code: Code) -> Self {
        Check {
            code,
            severity: code.severity(),
            detail: None,
        }
    }

    /// A check with a detail for inspectors.
    pub fn with(code: Code, detail: impl Into<String>) -> Self {
        Check {
            code,
            severity: code.severity(),
            detail: Some(detail.into()),
        }
    }
}

/// The overall verdict, derived from the checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Green: the label's signature is valid and nothing needs attention.
    Verified,
    /// Amber: the label's signature is valid, with warnings.
    VerifiedWithWarnings,
    /// Red: the label or its data is not valid.
    Invalid,
    /// Grey: no verdict could be reached.
    CannotTell,
}

impl State {
    /// Derives the state from a list of checks. Fails closed: without a `signature.valid` check the
    /// state is never verified.
    pub fn from_checks(checks: &[Check]) -> State {
        let worst = checks.iter().map(|c| c.severity).max();
        match worst {
            Some(Severity::Failure) => State::Invalid,
            Some(Severity::Indeterminate) | None => State::CannotTell,
            _ if !checks.iter().any(|c| c.code == Code::SignatureValid) => State::CannotTell,
            Some(Severity::Warning) => State::VerifiedWithWarnings,
            Some(Severity::Success | Severity::Info) => State::Verified,
        }
    }

    /// The stable text form (`verified`, `verified_with_warnings`, `invalid`, `cannot_tell`).
    pub const fn as_str(self) -> &'static str {
        match self {
            State::Verified => "verified",
            State::VerifiedWithWarnings => "verified_with_warnings",
            State::Invalid => "invalid",
            State::CannotTell => "cannot_tell",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for &c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate code {c}");
            assert_eq!(Code::from_str_code(c.as_str()), Some(c));
        }
    }

    #[test]
    fn state_fails_closed() {
        assert_eq!(State::from_checks(&[]), State::CannotTell);
        let ok = [
            Check::new(Code::PayloadParsed),
            Check::new(Code::RegistryValid),
        ];
        assert_eq!(State::from_checks(&ok), State::CannotTell);
        let mut v = ok.to_vec();
        v.push(Check::new(Code::SignatureValid));
        assert_eq!(State::from_checks(&v), State::Verified);
        v.push(Check::new(Code::KeyRetired));
        assert_eq!(
            State::from_checks(&v),
            State::Verified,
            "a retired key is a note"
        );
        v.push(Check::new(Code::HostUnofficial));
        assert_eq!(State::from_checks(&v), State::VerifiedWithWarnings);
        v.push(Check::new(Code::RegistryExpired));
        assert_eq!(State::from_checks(&v), State::CannotTell);
        v.push(Check::new(Code::LotRecalled));
        assert_eq!(State::from_checks(&v), State::Invalid);
    }
}
