//! Prints the worked example of docs/FORMAT.md §7 (label signing) and the status-code table of §5,
//! so the document can be checked against the code: `cargo run -p txng-core --example format_example`.

use ed25519_dalek::SigningKey;
use txng_core::gs1::Ai;
use txng_core::link::LabelData;
use txng_core::messages::{message, Lang};
use txng_core::sign::sign_label;
use txng_core::Code;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn main() {
    // RFC 8032 §7.1 TEST 1 secret key, so anyone can reproduce the example.
    let mut seed = [0u8; 32];
    let s = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    for (i, b) in seed.iter_mut().enumerate() {
        *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap_or(0);
    }
    let key = SigningKey::from_bytes(&seed);
    let data = LabelData {
        gtin: "08935012345677".into(),
        cpv: None,
        lot: "CF2406A".into(),
        serial: "000123".into(),
        attributes: vec![(Ai::Origin, "704".into()), (Ai::Expiry, "261231".into())],
    };
    let link = match sign_label(data, 1, &key) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e:?}");
            std::process::exit(1);
        }
    };
    println!(
        "public key (base64url): {}",
        txng_core::b64::encode(key.verifying_key().as_bytes())
    );
    println!("signing input (hex): {}", hex(&link.signing_input()));
    println!(
        "signing input (text): {}",
        String::from_utf8_lossy(&link.signing_input())
            .replace('\0', "<NUL>")
            .replace('\u{1}', "<01>")
            .replace('\u{1d}', "<GS>")
    );
    println!("8030: {}", link.signature.encode());
    println!("uri: {}", link.to_uri("https://truyxuat.quangtri.gov.vn"));
    println!(
        "element string: {}",
        link.to_element_string().replace('\u{1d}', "<GS>")
    );
    println!("bracketed: {}", link.to_bracketed());
    println!();
    println!("| Code | Severity | Tiếng Việt | English |");
    println!("|---|---|---|---|");
    for &c in Code::ALL {
        println!(
            "| `{}` | {:?} | {} | {} |",
            c.as_str(),
            c.severity(),
            message(c, Lang::Vi).title,
            message(c, Lang::En).title
        );
    }
}
