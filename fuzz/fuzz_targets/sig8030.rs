//! AI (8030) value → one strict spelling; green only for the genuine value.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    txng_fuzz::sig8030_target(data);
});
