//! Getting the registry and trace documents: from a file or over HTTP(S) with `ureq`. The core's
//! size limits are applied while reading (a server cannot make us hold more than the limit), and a
//! failure is a fact for the verdict (`Fetched::Unavailable("http 404")`), not a CLI error.

use std::io::Read;
use std::time::Duration;

/// What was had of a document, owning its bytes (borrowed as `txng_core::Fetched`).
pub enum Got {
    /// The bytes.
    Bytes(Vec<u8>),
    /// Could not be had; why, for inspectors.
    Unavailable(String),
    /// More than the limit.
    TooLarge,
}

impl Got {
    /// As the core's `Fetched`.
    pub fn as_fetched(&self) -> txng_core::Fetched<'_> {
        match self {
            Got::Bytes(b) => txng_core::Fetched::Bytes(b),
            Got::Unavailable(w) => txng_core::Fetched::Unavailable(w),
            Got::TooLarge => txng_core::Fetched::TooLarge,
        }
    }
}

/// Whether an argument names an http(s) URL rather than a file.
pub fn is_url(s: &str) -> bool {
    let l = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

/// Reads at most `max + 1` bytes: `TooLarge` beyond `max`.
fn read_capped(r: impl Read, max: usize) -> std::io::Result<Got> {
    let mut buf = Vec::new();
    r.take(max as u64 + 1).read_to_end(&mut buf)?;
    Ok(if buf.len() > max {
        Got::TooLarge
    } else {
        Got::Bytes(buf)
    })
}

/// Fetches a URL with timeouts and the size cap.
pub fn url(u: &str, max: usize) -> Got {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(Duration::from_secs(10)))
        .timeout_global(Some(Duration::from_secs(30)))
        .user_agent(concat!("txng/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    match agent.get(u).call() {
        Ok(mut resp) => read_capped(resp.body_mut().as_reader(), max)
            .unwrap_or_else(|e| Got::Unavailable(format!("read: {e}"))),
        Err(ureq::Error::StatusCode(code)) => Got::Unavailable(format!("http {code}")),
        Err(ureq::Error::Timeout(_)) => Got::Unavailable("timeout".into()),
        Err(e) => Got::Unavailable(e.to_string()),
    }
}

/// Reads a file with the size cap; an unreadable file is an I/O error for the caller.
pub fn file(path: &std::path::Path, max: usize) -> std::io::Result<Got> {
    read_capped(std::fs::File::open(path)?, max)
}

/// Resolves an origin-relative template (`/trace/…`) against the registry URL's origin.
pub fn resolve(template_url: &str, registry_url: Option<&str>) -> Option<String> {
    if is_url(template_url) {
        return Some(template_url.to_string());
    }
    let base = registry_url?;
    if !template_url.starts_with('/') || template_url.starts_with("//") {
        return None;
    }
    let scheme_end = base.find("://")? + 3;
    let origin_end = base[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| scheme_end + i);
    Some(format!("{}{template_url}", &base[..origin_end]))
}

/// A location relative to a base (a URL or a file path), as a browser resolves a relative
/// reference: an absolute URL as it is, `/path` against the base's origin, anything else against
/// the base's directory. `None` when the base is a file and the reference a URL or `/path`.
pub fn join(base: &str, rel: &str) -> Option<String> {
    if is_url(rel) {
        return Some(rel.to_string());
    }
    if rel.starts_with('/') {
        return if is_url(base) {
            resolve(rel, Some(base))
        } else {
            None
        };
    }
    let dir = match base.rfind('/') {
        Some(i) if !is_url(base) || i >= base.find("://").map_or(0, |s| s + 3) => &base[..=i],
        _ if is_url(base) => return Some(format!("{base}/{rel}")),
        _ => "",
    };
    Some(format!("{dir}{rel}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_relative_references() {
        assert_eq!(
            join(
                "https://x.vn/data/registry-index.jws",
                "shards/8935-v1.json"
            )
            .as_deref(),
            Some("https://x.vn/data/shards/8935-v1.json")
        );
        assert_eq!(
            join("https://x.vn/data/i.jws", "/s/1.json").as_deref(),
            Some("https://x.vn/s/1.json")
        );
        assert_eq!(
            join("https://x.vn", "s/1.json").as_deref(),
            Some("https://x.vn/s/1.json")
        );
        assert_eq!(
            join("demo/registry-index.jws", "shards/a.json").as_deref(),
            Some("demo/shards/a.json")
        );
        assert_eq!(
            join("registry-index.jws", "shards/a.json").as_deref(),
            Some("shards/a.json")
        );
        assert_eq!(join("demo/i.jws", "/abs.json"), None);
        assert_eq!(
            join("demo/i.jws", "https://cdn.vn/a.json").as_deref(),
            Some("https://cdn.vn/a.json")
        );
    }

    #[test]
    fn resolves_against_origin() {
        assert_eq!(
            resolve("/trace/1/A.jws", Some("https://x.vn/data/registry.jws")).as_deref(),
            Some("https://x.vn/trace/1/A.jws")
        );
        assert_eq!(resolve("/trace/1/A.jws", None), None);
        assert_eq!(
            resolve("https://y.vn/t.jws", None).as_deref(),
            Some("https://y.vn/t.jws")
        );
        assert!(matches!(read_capped(&b"abcd"[..], 3), Ok(Got::TooLarge)));
        assert!(matches!(read_capped(&b"abc"[..], 3), Ok(Got::Bytes(_))));
    }
}
