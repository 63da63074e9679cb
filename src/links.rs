//! Which links and images from signed data the widget renders (FORMAT.md §3.3): an absolute
//! `https:` URL, or a path resolved against the registry's origin that stays on that origin.
//!
//! Decided by the browser's own URL parser (WHATWG URL, `web_sys::Url`), then by comparing scheme
//! and origin, never by string prefixes: `"/\t/evil.example/x"` starts with one `/`, but the parser
//! drops the tab and reads `//evil.example/x`, another host. A strict character check runs first
//! (no white space, controls or backslashes anywhere, only RFC 3986 characters), so what the
//! parser sees has a single reading; the parser then decides. Server-side rendering (tests) has no
//! browser, so there the strict check and a structural test stand alone; the browser tests
//! (tests/web.rs) run the same adversarial inputs through the real parser.

use std::rc::Rc;

/// The base that relative links resolve against: the registry's URL (resolved against the page).
/// Provided to components through a Yew context by the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkBase(pub Rc<str>);

impl Default for LinkBase {
    fn default() -> Self {
        LinkBase(Rc::from(""))
    }
}

/// The RFC 3986 characters the core allows in a label's URI (unreserved, sub-delims, gen-delims
/// but `[ ]`) and `%`. Everything else — space, tab, newline, other controls, `\`, `"`, `<`, `>`,
/// `^`, `` ` ``, `{`, `|`, `}`, non-ASCII — is refused: browsers silently strip or rewrite several
/// of them.
fn rfc3986_chars(u: &str) -> bool {
    u.bytes()
        .all(|b| txng_core::link::is_uri_char(b) || b == b'%')
}

/// Whether `u` is written as an absolute `https:` URL (any case), as opposed to a path.
fn is_https(u: &str) -> bool {
    u.get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("https://"))
}

/// The link to render for `url` from signed data, or `None`. `base` is the registry's URL.
pub fn safe_link(url: &str, base: &LinkBase) -> Option<String> {
    if url.is_empty() || !rfc3986_chars(url) {
        return None;
    }
    let path_form = url.starts_with('/') && !url.starts_with("//");
    if !is_https(url) && !path_form {
        return None;
    }
    resolve(url, &base.0, path_form)
}

#[cfg(target_arch = "wasm32")]
fn resolve(url: &str, base: &str, path_form: bool) -> Option<String> {
    let page = web_sys::window()?.location().href().ok()?;
    let base =
        web_sys::Url::new_with_base(if base.is_empty() { &page } else { base }, &page).ok()?;
    let u = web_sys::Url::new_with_base(url, &base.href()).ok()?;
    let ok = if path_form {
        u.origin() == base.origin() && matches!(u.protocol().as_str(), "https:" | "http:")
    } else {
        u.protocol() == "https:"
            && !u.host().is_empty()
            && u.username().is_empty()
            && u.password().is_empty()
    };
    ok.then(|| u.href())
}

/// Without a browser (server-side rendering in tests): the strict characters above, and for
/// absolute URLs no userinfo; the path is kept as written.
#[cfg(not(target_arch = "wasm32"))]
fn resolve(url: &str, _base: &str, path_form: bool) -> Option<String> {
    if path_form {
        return Some(url.to_string());
    }
    let rest = &url[8..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!authority.is_empty() && !authority.contains('@')).then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> LinkBase {
        LinkBase(Rc::from("https://truyxuat.quangtri.gov.vn/registry.jws"))
    }

    #[test]
    fn refused_without_a_browser_too() {
        for bad in [
            "/\t/evil.example/x",
            "/\n/evil.example/x",
            "/\\evil.example/x",
            "\\\\evil.example/x",
            "//evil.example/x",
            " https://a.vn/x",
            "https://a.vn/x ",
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:image/svg+xml,<svg/>",
            "http://a.vn/x",
            "https://user@evil.example/x",
            "https:///x",
            "https://a.vn/\u{202e}x",
            "",
        ] {
            assert_eq!(safe_link(bad, &base()), None, "{bad:?}");
        }
        assert_eq!(
            safe_link("https://a.vn/x?y=1#z", &base()).as_deref(),
            Some("https://a.vn/x?y=1#z")
        );
        assert_eq!(
            safe_link("/img/a.svg", &base()).as_deref(),
            Some("/img/a.svg")
        );
    }
}
