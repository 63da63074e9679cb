//! Syntax 3 of FORMAT.md §1.1: the bracketed human-readable element string `(01)…(10)…`, as
//! people type it (`\(` is a literal `(`).

use super::{err, Elements, ParseError, SignedLink, Syntax};
use crate::gs1;
use crate::status::Code;

pub(super) fn parse_bracketed(t: &str) -> Result<SignedLink, ParseError> {
    let mut elems = Elements::default();
    let mut rest = t;
    while !rest.is_empty() {
        let inner = rest
            .strip_prefix('(')
            .ok_or_else(|| err(Code::PayloadNotGs1, "bracket"))?;
        let close = inner
            .find(')')
            .ok_or_else(|| err(Code::PayloadNotGs1, "bracket"))?;
        let digits = &inner[..close];
        if digits.len() < 2 || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(Code::PayloadNotGs1, "bracket"));
        }
        if !gs1::is_gs1_ai(digits) {
            return Err(err(Code::PayloadAiUnknown, format!("ai={digits}")));
        }
        let body = &inner[close + 1..];
        // The value runs to the next "(" that starts "(NN)".."(NNNN)", or to the end; "\(" is a
        // literal "(" (FORMAT.md §1.1).
        let mut value = String::new();
        let mut end = body.len();
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' if chars.peek().map(|p| p.1) == Some('(') => {
                    value.push('(');
                    chars.next();
                }
                '(' if starts_ai(&body[i + 1..]) => {
                    end = i;
                    break;
                }
                c => value.push(c),
            }
        }
        elems.add(digits, value)?;
        rest = &body[end..];
    }
    elems.finish(None, Syntax::Bracketed)
}

/// Whether text starts with "NN)", "NNN)" or "NNNN)": the rest of an opening AI bracket.
fn starts_ai(t: &str) -> bool {
    t.find(')')
        .is_some_and(|c| (2..=4).contains(&c) && t[..c].bytes().all(|b| b.is_ascii_digit()))
}
