//! GS1 Digital Link URI → parse, round-trip, re-signed by the harness, verified (see src/lib.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    txng_fuzz::label_target(data, txng_core::link::Syntax::DigitalLink);
});
