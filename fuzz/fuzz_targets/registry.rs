//! Registry bytes → loaded registry: never panics, whatever the bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use txng_core::registry::{Registry, TrustAnchor};

fuzz_target!(|data: &[u8]| {
    let anchors: Vec<TrustAnchor> =
        TrustAnchor::from_base64url("a", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
            .into_iter()
            .collect();
    let _ = Registry::load(data, &anchors, 1_800_000_000);
});
