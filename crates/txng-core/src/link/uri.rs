//! Syntax 1 of FORMAT.md §1.1: the GS1 Digital Link URI, with the URL rules of §1.1 and §1.6
//! (characters, host, path, query).

use super::{err, Elements, ParseError, SignedLink, Syntax};
use crate::gs1::{self, Ai};
use crate::status::Code;

/// Characters allowed in a URI besides `%HH` (FORMAT.md §1.1): RFC 3986 unreserved, sub-delims and
/// the gen-delims but `[` and `]` (no IP literals). The widget applies the same set to links from
/// signed data before the browser's URL parser sees them (FORMAT.md §3.3).
pub fn is_uri_char(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b':'
                | b'/'
                | b'?'
                | b'#'
                | b'@'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
        )
}

fn path_invalid(detail: impl Into<String>) -> ParseError {
    err(Code::PayloadPathInvalid, detail)
}

/// Every character is an RFC 3986 URI character and every `%` starts `%HH`. This refuses what a
/// browser's URL parser would strip, map or re-encode: tab, LF, CR and other controls, space,
/// backslash, `"<>^`{|}`, non-ASCII text.
fn check_uri_chars(t: &str) -> Result<(), ParseError> {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = |j: usize| b.get(j).is_some_and(u8::is_ascii_hexdigit);
                if !(hex(i + 1) && hex(i + 2)) {
                    return Err(path_invalid(format!("broken %-escape at byte {i}")));
                }
                i += 3;
            }
            c if is_uri_char(c) => i += 1,
            c => {
                return Err(path_invalid(format!(
                    "character 0x{c:02x} at byte {i} is not allowed in a URI"
                )))
            }
        }
    }
    Ok(())
}

/// Whether text is IPv4 in dotted-decimal form as browsers print it: four decimal numbers 0–255
/// without leading zeros.
fn is_dotted_quad(h: &str) -> bool {
    let parts: Vec<&str> = h.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            (1..=3).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// The host a browser contacts for this authority, in the canonical form of FORMAT.md §1.6, or a
/// refusal (`payload.path_invalid`) for every authority on which parsers may disagree.
pub fn uri_host(authority: &str) -> Result<String, ParseError> {
    let bad = |why: &str| path_invalid(format!("host: {why}"));
    if authority.contains('@') {
        return Err(bad("userinfo (@) is not allowed"));
    }
    let (host, port) = match authority.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if let Some(p) = port {
        let ok = (1..=5).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| n <= 65_535);
        if !ok {
            return Err(bad("port"));
        }
    }
    let lower = host.to_ascii_lowercase();
    let host = lower.strip_suffix('.').unwrap_or(&lower);
    if host.is_empty() || host.len() > 253 {
        return Err(bad("empty or longer than 253"));
    }
    if is_dotted_quad(host) {
        return Ok(host.to_string());
    }
    for label in host.split('.') {
        let ldh = (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ldh {
            return Err(bad("not a letter-digit-hyphen DNS name"));
        }
        if label.starts_with("xn--") {
            return Err(bad("internationalised (xn--) label"));
        }
    }
    if host
        .rsplit('.')
        .next()
        .is_some_and(|l| l.as_bytes()[0].is_ascii_digit())
    {
        return Err(bad("numeric last label (IPv4 form other than a.b.c.d)"));
    }
    Ok(host.to_string())
}

/// `.` / `..` and their `%2e` spellings, which a browser resolves away.
fn is_dot_segment(s: &str) -> bool {
    let l = s.to_ascii_lowercase().replace("%2e", ".");
    l == "." || l == ".."
}

pub(super) fn parse_uri(t: &str) -> Result<SignedLink, ParseError> {
    if !t.contains("/01/") {
        return Err(err(Code::PayloadNotGs1, "no /01/ in the link"));
    }
    check_uri_chars(t)?;
    let after_scheme = &t[t.find("://").map_or(0, |i| i + 3)..];
    let t = after_scheme.split('#').next().unwrap_or("");
    let (before_query, query) = match t.find('?') {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, ""),
    };
    let (authority, path) = match before_query.find('/') {
        Some(i) => (&before_query[..i], &before_query[i..]),
        None => (before_query, ""),
    };
    let host = uri_host(authority)?;

    let segs: Vec<&str> = path.split('/').skip(1).collect();
    if segs.iter().any(|s| s.is_empty()) {
        return Err(path_invalid("empty path segment"));
    }
    if segs.iter().any(|s| is_dot_segment(s)) {
        return Err(path_invalid("dot segment"));
    }
    let mut elems = Elements::default();
    let Some(start) = segs.iter().position(|s| *s == "01") else {
        return Err(err(Code::PayloadNotGs1, "no /01/ in path"));
    };
    let rest = &segs[start..];
    if rest.len() % 2 != 0 {
        return Err(path_invalid("odd path"));
    }
    let mut last_rank = 0;
    for pair in rest.chunks(2) {
        let ai = Ai::from_digits(pair[0]);
        let rank = match ai {
            Some(Ai::Gtin) => 1,
            Some(Ai::Cpv) => 2,
            Some(Ai::Lot) => 3,
            Some(Ai::Serial) => 4,
            Some(_) => return Err(path_invalid(format!("ai={} in path", pair[0]))),
            None if gs1::is_gs1_ai(pair[0]) => {
                return Err(path_invalid(format!("ai={} in path", pair[0])))
            }
            None if pair[0].bytes().all(|b| b.is_ascii_digit()) => {
                return Err(err(Code::PayloadAiUnknown, format!("ai={}", pair[0])))
            }
            None => return Err(path_invalid("segment")),
        };
        if rank <= last_rank {
            return Err(path_invalid(format!("ai={} order", pair[0])));
        }
        last_rank = rank;
        let v = percent_decode(pair[1], false).ok_or_else(|| path_invalid("percent-encoding"))?;
        if let Some(ai) = ai {
            elems.push(ai, v)?;
        }
    }
    for param in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = param.split_once('=').unwrap_or((param, ""));
        if k.is_empty() || !k.bytes().all(|b| b.is_ascii_digit()) {
            // Non-numeric keys (linkType, utm_…) are ignored and never shown. A key whose
            // %-escapes decode to digits only (`%31%37`) would be an AI to a browser's
            // URLSearchParams: refused, so that each AI has one spelling.
            if k.contains('%')
                && percent_decode(k, true)
                    .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(path_invalid(format!("percent-encoded AI key {k}")));
            }
            continue;
        }
        let v = |k: &str| {
            percent_decode(v, true).ok_or_else(|| {
                err(
                    Code::PayloadValueInvalid,
                    format!("ai={k} percent-encoding"),
                )
            })
        };
        match Ai::from_digits(k) {
            Some(ai) if !ai.is_attribute() => {
                let code = if elems.items.iter().any(|(a, _)| *a == ai) {
                    Code::PayloadAiDuplicate
                } else {
                    Code::PayloadPathInvalid
                };
                return Err(err(code, format!("ai={k} in query")));
            }
            Some(ai) => elems.push(ai, v(k)?)?,
            None if gs1::is_gs1_ai(k) => elems.push_other(k, &v(k)?)?,
            None => return Err(err(Code::PayloadAiUnknown, format!("ai={k}"))),
        }
    }
    elems.finish(Some(host), Syntax::DigitalLink)
}

fn percent_decode(v: &str, plus_is_space: bool) -> Option<String> {
    let b = v.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = |c: u8| (c as char).to_digit(16);
                let hi = hex(*b.get(i + 1)?)?;
                let lo = hex(*b.get(i + 2)?)?;
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
