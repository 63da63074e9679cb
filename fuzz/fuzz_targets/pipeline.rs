//! Scan text 0xFF registry payload 0xFF trace payload → signed by the harness → verdict.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    txng_fuzz::pipeline_target(data);
});
