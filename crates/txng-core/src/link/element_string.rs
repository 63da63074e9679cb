//! Syntax 2 of FORMAT.md §1.1: the GS1 element string a 2D scanner sends (AIs of predefined
//! length run on, the others end at a GS separator).

use super::{err, Elements, ParseError, SignedLink, Syntax, GS};
use crate::gs1;
use crate::status::Code;

pub(super) fn parse_element_string(t: &str) -> Result<SignedLink, ParseError> {
    let mut elems = Elements::default();
    let mut rest = t;
    while !rest.is_empty() {
        // Text that does not even start with one GS1 element (a phone number, a bare EAN-13) is
        // not GS1 data: grey, whatever follows (FORMAT.md §1.1, syntax 2).
        let first = rest.len() == t.len();
        // AIs are recognised with the whole GS1 table (prefix-free), so that the value of an AI
        // outside this profile is skipped by its own length rules (FORMAT.md §1.2).
        let (digits, fixed) = gs1::gs1_ai_at(rest).ok_or_else(|| {
            let d: String = rest.chars().take(4).collect();
            if !first && d.len() >= 2 && d.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
                err(Code::PayloadAiUnknown, format!("ai={d}…"))
            } else {
                err(
                    Code::PayloadNotGs1,
                    format!("element string starts with no GS1 AI: {d}…"),
                )
            }
        })?;
        let body = &rest[digits.len()..];
        let (value, next) = match fixed {
            Some(n) => {
                let v = body.get(..n).ok_or_else(|| {
                    let code = if first {
                        Code::PayloadNotGs1
                    } else {
                        Code::PayloadValueInvalid
                    };
                    err(code, format!("ai={digits} value cut short"))
                })?;
                (v, body[n..].strip_prefix(GS).unwrap_or(&body[n..]))
            }
            None => match body.find(GS) {
                Some(i) => (&body[..i], &body[i + 1..]),
                None => (body, ""),
            },
        };
        elems.add(digits, value.to_string())?;
        rest = next;
    }
    elems.finish(None, Syntax::ElementString)
}
