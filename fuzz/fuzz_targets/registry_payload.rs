//! Registry payload → signed by the anchor, loaded, consistent; labels of its keys verified.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    txng_fuzz::registry_target(data);
});
