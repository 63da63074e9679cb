//! docs/FORMAT.md and the code change together: every status code is documented with its severity
//! and Vietnamese title, and the worked example of §7 verifies with the code.

use txng_core::jws::verify_strict;
use txng_core::messages::{message, Lang};
use txng_core::registry::TrustAnchor;
use txng_core::Code;

fn doc() -> String {
    let p = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/FORMAT.md");
    std::fs::read_to_string(p).expect("docs/FORMAT.md")
}

#[test]
fn every_code_is_in_the_table() {
    let doc = doc();
    for &c in Code::ALL {
        let row = format!(
            "| `{}` | {:?} | {} | {} |",
            c.as_str(),
            c.severity(),
            message(c, Lang::Vi).title,
            message(c, Lang::En).title
        );
        assert!(
            doc.contains(&row),
            "FORMAT.md §5 lacks or differs for: {row}"
        );
    }
}

#[test]
fn worked_example_verifies() {
    let doc = doc();
    let section = doc.split("## 7. Worked example").nth(1).expect("§7");
    let key = TrustAnchor::from_base64url("example", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
        .expect("example key")
        .key;
    let block = section.split("```").nth(5).expect("forms block");
    let forms: Vec<String> = block
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.replace("<GS>", "\u{1d}"))
        .collect();
    assert_eq!(forms.len(), 3, "URI, element string, bracketed");
    let hex_block = section
        .split("```")
        .nth(3)
        .expect("hex block")
        .trim()
        .to_string();
    for f in &forms {
        let link = txng_core::parse(f).unwrap_or_else(|e| panic!("{f}: {e:?}"));
        let input = link.signing_input();
        let hex: String = input.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, hex_block, "{f}");
        assert_eq!(
            verify_strict(&key, &input, &link.signature.signature),
            Ok(()),
            "{f}"
        );
    }
}
