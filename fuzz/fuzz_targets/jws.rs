//! JWS envelope → header and payload signed by the anchor; verified only under its key.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    txng_fuzz::jws_target(data);
});
