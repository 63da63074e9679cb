//! Scanned text → signed link: never panics; what parses prints back to the same data.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(link) = txng_core::parse(text) {
        for printed in [
            link.to_uri("https://x.vn"),
            link.to_element_string(),
            link.to_bracketed(),
        ] {
            let again = txng_core::parse(&printed).expect("printed form parses");
            assert_eq!(again.data, link.data);
            assert_eq!(again.signature, link.signature);
        }
    }
});
