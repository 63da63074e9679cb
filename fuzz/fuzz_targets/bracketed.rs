//! Bracketed element string → parse, round-trip, re-signed, verified.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    txng_fuzz::label_target(data, txng_core::link::Syntax::Bracketed);
});
