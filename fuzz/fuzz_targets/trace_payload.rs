//! Trace (EPCIS) payload → signed by the producer key, added to a genuine label's verification.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    txng_fuzz::trace_target(data);
});
