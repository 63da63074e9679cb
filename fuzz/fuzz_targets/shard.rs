//! Registry shard → pinned by a signed index, opened, consistent; labels of its keys verified.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    txng_fuzz::shard_target(data);
});
