//! Trace payload bytes → events: never panics, whatever the JSON.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = txng_core::trace::Trace::from_payload(data);
    let _ = txng_core::jws::Jws::parse(data);
});
