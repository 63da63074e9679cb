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

/// The base that relative links resolve against: the registry's URL (resolved against the page),
/// and the other origins the deployment lets product images load from (`image_origins`).
/// Provided to components through a Yew context by the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkBase(pub Rc<str>, pub Rc<[String]>);

impl LinkBase {
    /// Links resolve against `base`; images only from its origin.
    pub fn new(base: &str) -> LinkBase {
        LinkBase(Rc::from(base), Rc::from(Vec::new()))
    }
}

impl Default for LinkBase {
    fn default() -> Self {
        LinkBase::new("")
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

/// The product image to load for `url` from signed data, or `None`: a [`safe_link`] whose origin
/// is the registry's or one the deployment lists in `image_origins`. A producer-chosen image on
/// another site is not loaded: each load would tell that site of a scan (and of the shopper's
/// address), which a verifier must not do unless the deployment chose that site.
pub fn safe_image(url: &str, base: &LinkBase) -> Option<String> {
    let href = safe_link(url, base)?;
    let origin = origin_of(&href, &base.0)?;
    let own = origin_of(&base.0, &base.0);
    (own.as_deref() == Some(origin.as_str()) || base.1.contains(&origin)).then_some(href)
}

/// The origin (`https://host[:port]`, lower case) of `url` resolved against `base` and the page.
#[cfg(target_arch = "wasm32")]
fn origin_of(url: &str, base: &str) -> Option<String> {
    let page = web_sys::window()?.location().href().ok()?;
    let base =
        web_sys::Url::new_with_base(if base.is_empty() { &page } else { base }, &page).ok()?;
    let o = web_sys::Url::new_with_base(url, &base.href())
        .ok()?
        .origin();
    (o != "null").then_some(o)
}

/// Without a browser: a path is on the base's origin; an absolute URL's origin is its scheme and
/// authority, lower case.
#[cfg(not(target_arch = "wasm32"))]
fn origin_of(url: &str, base: &str) -> Option<String> {
    let abs = if url.starts_with('/') { base } else { url };
    let (scheme, rest) = abs.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!authority.is_empty()).then(|| format!("{}://{}", scheme, authority).to_ascii_lowercase())
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
        LinkBase::new("https://truyxuat.quangtri.gov.vn/registry.jws")
    }

    #[test]
    fn images_only_from_the_registry_origin_or_listed_ones() {
        let own = "https://truyxuat.quangtri.gov.vn/img/a.jpg";
        assert_eq!(safe_image(own, &base()).as_deref(), Some(own));
        assert_eq!(
            safe_image("/img/a.jpg", &base()).as_deref(),
            Some("/img/a.jpg")
        );
        let cdn = "https://cdn.example/a.jpg";
        assert_eq!(safe_image(cdn, &base()), None, "another site, not listed");
        let listed = LinkBase(base().0, Rc::from(vec!["https://cdn.example".to_string()]));
        assert_eq!(safe_image(cdn, &listed).as_deref(), Some(cdn));
        assert_eq!(
            safe_image("https://cdn.example.evil/a.jpg", &listed),
            None,
            "a listed origin is matched whole, not as a prefix"
        );
        assert_eq!(safe_image("javascript:alert(1)", &listed), None);
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
