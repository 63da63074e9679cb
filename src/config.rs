//! The deployment's configuration: where the signed producer registry is, and the trust anchors
//! (the authority's public keys) that must have signed it.
//!
//! Trust anchors come from the page that embeds the widget, never from a scanned code: the scanned
//! code is attacker-controlled, the page is the deployment's. The page carries a JSON data block,
//! which browsers do not execute, so the strict CSP (`script-src 'self'`) allows it:
//!
//! ```html
//! <script id="txng-config" type="application/json">
//!   {"registry_url": "/registry.jws",
//!    "anchors": [{"kid": "qt-skhcn-2026", "public_key": "<base64url Ed25519 key>"}],
//!    "lang": "vi"}
//! </script>
//! ```
//!
//! Optional: `"pkg_base": "https://cdn.example/txng/pkg/"` when the widget's files are not served
//! next to the page (the QR decoder is then loaded from `{pkg_base}scan/txng_scan.js`).

use txng_core::{Lang, TrustAnchor};

/// The id of the JSON data block in the page.
pub const CONFIG_ELEMENT_ID: &str = "txng-config";

/// A usable configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// URL of the registry JWS, absolute or relative to the page.
    pub registry_url: String,
    /// The authority keys that may sign the registry.
    pub anchors: Vec<TrustAnchor>,
    /// Initial language.
    pub lang: Lang,
    /// Base URL of the `pkg/` directory, or empty to locate it from the widget's own script.
    pub pkg_base: String,
    /// `registry_format: "sharded"`: `registry_url` is a sharded registry's index (FORMAT.md
    /// §2.7), and the shard covering the code is fetched after it. Default `"single"`.
    pub sharded: bool,
    /// A kiosk's offline bundle (`"kiosk": {"preload": [label links]}`): the labels of the
    /// products on display. At start and at every registry refresh the kiosk verifies each one as
    /// a scan would, so its trace document (kept by the service worker) and, sharded, its shard
    /// (kept by the widget) are on the device when the network drops. At most
    /// [`MAX_PRELOAD`] labels.
    pub preload: Vec<String>,
    /// Other origins product images may load from (`"image_origins": ["https://cdn.example"]`),
    /// besides the registry's own. Empty by default: a producer-chosen image on another site is
    /// not loaded (each load would tell that site of a scan).
    pub image_origins: Vec<String>,
}

/// The most labels a kiosk's offline bundle may list.
pub const MAX_PRELOAD: usize = 200;

/// An `image_origins` entry: `https://host[:port]` with nothing after it (a trailing `/` is
/// dropped), lower case; anything else refuses the configuration.
fn origin(o: &str) -> Option<String> {
    let o = o.trim().trim_end_matches('/').to_ascii_lowercase();
    let host = o.strip_prefix("https://")?;
    let ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'));
    ok.then_some(o)
}

/// Why the configuration is not usable; each is shown as a grey verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// No `#txng-config` block.
    Missing,
    /// The block is not the expected JSON.
    Invalid,
    /// No anchor with a valid key: nothing could ever be verified.
    NoAnchors,
}

impl ConfigError {
    /// A stable code for the DOM (`data-code` of `#main-reason`).
    pub const fn code(self) -> &'static str {
        match self {
            ConfigError::Missing => "config.missing",
            ConfigError::Invalid => "config.invalid",
            ConfigError::NoAnchors => "config.no_anchors",
        }
    }
}

impl Config {
    /// Parses the JSON text of the configuration block. Anchors with a malformed or weak key are
    /// dropped; if none is left the configuration is refused. Read with the core's strict JSON
    /// reader (the one JSON parser in the wasm module; a member named twice is refused, as in
    /// signed documents: which of two `registry_url`s would count is not for a reader to guess).
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let v = txng_core::json::parse(text.as_bytes(), txng_core::json::Nulls::Allowed)
            .map_err(|_| ConfigError::Invalid)?;
        fn s<'a>(o: &'a serde_json::Value, k: &str) -> Option<&'a str> {
            o.get(k).and_then(|x| x.as_str()).map(str::trim)
        }
        let registry_url = s(&v, "registry_url")
            .filter(|u| !u.is_empty())
            .ok_or(ConfigError::Invalid)?;
        let anchors: Vec<TrustAnchor> = match v.get("anchors") {
            None => Vec::new(),
            Some(serde_json::Value::Array(list)) => list
                .iter()
                .filter_map(|a| TrustAnchor::from_base64url(s(a, "kid")?, s(a, "public_key")?))
                .collect(),
            Some(_) => return Err(ConfigError::Invalid),
        };
        if anchors.is_empty() {
            return Err(ConfigError::NoAnchors);
        }
        let sharded = match s(&v, "registry_format") {
            None | Some("single") => false,
            Some("sharded") => true,
            Some(_) => return Err(ConfigError::Invalid),
        };
        let preload = match v.get("kiosk").and_then(|k| k.get("preload")) {
            None => Vec::new(),
            Some(serde_json::Value::Array(list)) if list.len() <= MAX_PRELOAD => list
                .iter()
                .map(|l| l.as_str().map(|l| l.trim().to_string()))
                .collect::<Option<Vec<String>>>()
                .ok_or(ConfigError::Invalid)?,
            Some(_) => return Err(ConfigError::Invalid),
        };
        let image_origins = match v.get("image_origins") {
            None => Vec::new(),
            Some(serde_json::Value::Array(list)) => list
                .iter()
                .map(|o| o.as_str().and_then(origin))
                .collect::<Option<Vec<String>>>()
                .ok_or(ConfigError::Invalid)?,
            Some(_) => return Err(ConfigError::Invalid),
        };
        Ok(Config {
            registry_url: registry_url.to_string(),
            anchors,
            lang: s(&v, "lang").and_then(Lang::parse).unwrap_or_default(),
            pkg_base: s(&v, "pkg_base").unwrap_or_default().to_string(),
            sharded,
            preload,
            image_origins,
        })
    }

    /// The configuration of an embedded `<txng-verifier>` element, from its attributes:
    /// `registry` (URL), `anchors` (space-separated `kid:public_key` pairs, base64url keys) and
    /// `lang`, and `registry-format` (`single`, the default, or `sharded`). Same rules as the JSON
    /// block: anchors with a malformed or weak key are dropped, and with none left the
    /// configuration is refused; an unknown registry format is refused.
    pub fn from_attributes(
        registry: &str,
        anchors: &str,
        lang: &str,
        registry_format: &str,
        pkg_base: &str,
    ) -> Result<Config, ConfigError> {
        let registry_url = registry.trim();
        if registry_url.is_empty() {
            return Err(ConfigError::Invalid);
        }
        let anchors: Vec<TrustAnchor> = anchors
            .split_ascii_whitespace()
            .filter_map(|pair| {
                let (kid, key) = pair.rsplit_once(':').filter(|(k, _)| !k.is_empty())?;
                TrustAnchor::from_base64url(kid, key)
            })
            .collect();
        if anchors.is_empty() {
            return Err(ConfigError::NoAnchors);
        }
        Ok(Config {
            registry_url: registry_url.to_string(),
            anchors,
            lang: Lang::parse(lang.trim()).unwrap_or_default(),
            pkg_base: pkg_base.trim().to_string(),
            sharded: match registry_format.trim() {
                "" | "single" => false,
                "sharded" => true,
                _ => return Err(ConfigError::Invalid),
            },
            preload: Vec::new(),
            image_origins: Vec::new(),
        })
    }

    /// Reads the configuration block from the current page.
    pub fn from_page() -> Result<Config, ConfigError> {
        let text = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(CONFIG_ELEMENT_ID))
            .and_then(|e| e.text_content())
            .ok_or(ConfigError::Missing)?;
        Config::from_json(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 8037 A.2 public key.
    const KEY: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    #[test]
    fn parses_and_refuses() {
        let ok = format!(
            r#"{{"registry_url":"/registry.jws","anchors":[{{"kid":"k1","public_key":"{KEY}"}}],"lang":"en"}}"#
        );
        let c = Config::from_json(&ok).expect("valid config");
        assert_eq!(c.registry_url, "/registry.jws");
        assert_eq!(c.anchors.len(), 1);
        assert_eq!(c.lang, Lang::En);
        assert!(!c.sharded, "single-file registry by default");
        // A member named twice: which registry would count is not guessed.
        let twice = ok.replace(
            r#""lang""#,
            r#""registry_url":"https://evil.example/r.jws","lang""#,
        );
        assert_eq!(Config::from_json(&twice), Err(ConfigError::Invalid));
        let sharded = ok.replace(r#""lang""#, r#""registry_format":"sharded","lang""#);
        assert!(Config::from_json(&sharded).expect("valid config").sharded);
        assert!(c.preload.is_empty(), "no offline bundle by default");
        assert!(
            c.image_origins.is_empty(),
            "images from the registry's origin only"
        );
        let imgs = ok.replace(
            r#""lang""#,
            r#""image_origins":["https://CDN.example/"," https://img.example:8443 "],"lang""#,
        );
        assert_eq!(
            Config::from_json(&imgs)
                .expect("valid config")
                .image_origins,
            ["https://cdn.example", "https://img.example:8443"]
        );
        for bad in [
            r#"["http://cdn.example"]"#,
            r#"["https://cdn.example/img"]"#,
            r#"["https://"]"#,
            r#"["*"]"#,
            r#""https://cdn.example""#,
        ] {
            let cfg = ok.replace(r#""lang""#, &format!(r#""image_origins":{bad},"lang""#));
            assert_eq!(Config::from_json(&cfg), Err(ConfigError::Invalid), "{bad}");
        }
        let bundle = ok.replace(
            r#""lang""#,
            r#""kiosk":{"reset_seconds":60,"preload":[" https://a/01/1 ","/01/2"]},"lang""#,
        );
        assert_eq!(
            Config::from_json(&bundle).expect("valid config").preload,
            ["https://a/01/1", "/01/2"]
        );
        for bad in [r#"[1]"#, r#""/01/1""#, r#"{"a":1}"#] {
            let cfg = ok.replace(
                r#""lang""#,
                &format!(r#""kiosk":{{"preload":{bad}}},"lang""#),
            );
            assert_eq!(Config::from_json(&cfg), Err(ConfigError::Invalid), "{bad}");
        }
        let many = format!("[{}]", vec![r#""/01/1""#; MAX_PRELOAD + 1].join(","));
        let cfg = ok.replace(
            r#""lang""#,
            &format!(r#""kiosk":{{"preload":{many}}},"lang""#),
        );
        assert_eq!(
            Config::from_json(&cfg),
            Err(ConfigError::Invalid),
            "too many"
        );
        let unknown = ok.replace(r#""lang""#, r#""registry_format":"tuf","lang""#);
        assert_eq!(Config::from_json(&unknown), Err(ConfigError::Invalid));
        assert_eq!(Config::from_json("{"), Err(ConfigError::Invalid));
        assert_eq!(
            Config::from_json(r#"{"registry_url":"/r","anchors":[]}"#),
            Err(ConfigError::NoAnchors)
        );
        assert_eq!(
            Config::from_json(r#"{"registry_url":"/r","anchors":[{"kid":"k","public_key":"…"}]}"#),
            Err(ConfigError::NoAnchors)
        );
    }

    #[test]
    fn attributes_of_the_custom_element() {
        let c = Config::from_attributes(
            " https://r.example/registry.jws ",
            &format!("  k1:{KEY}\n bad:xyz k2:{KEY} "),
            "en",
            "",
            "",
        )
        .expect("valid attributes");
        assert!(!c.sharded, "single-file registry by default");
        let sharded = Config::from_attributes("/r", &format!("k:{KEY}"), "vi", "sharded", "")
            .expect("valid attributes");
        assert!(sharded.sharded);
        assert_eq!(
            Config::from_attributes("/r", &format!("k:{KEY}"), "vi", "tuf", ""),
            Err(ConfigError::Invalid),
            "an unknown registry format is refused"
        );
        assert_eq!(c.registry_url, "https://r.example/registry.jws");
        assert_eq!(
            c.anchors.iter().map(|a| a.kid.as_str()).collect::<Vec<_>>(),
            ["k1", "k2"],
            "the malformed anchor is dropped, the others kept in order"
        );
        assert_eq!(c.lang, Lang::En);
        let vi = Config::from_attributes("/r", &format!("k:{KEY}"), "xx", "", "").expect("valid");
        assert_eq!(
            vi.lang,
            Lang::Vi,
            "an unknown language falls back to Vietnamese"
        );
        assert_eq!(
            Config::from_attributes("", &format!("k:{KEY}"), "vi", "", ""),
            Err(ConfigError::Invalid)
        );
        let no_kid = format!(":{KEY}");
        for bad in ["", "k1", KEY, "k1:", ":", "k1:short", no_kid.as_str()] {
            assert_eq!(
                Config::from_attributes("/r", bad, "vi", "", ""),
                Err(ConfigError::NoAnchors),
                "{bad:?}"
            );
        }
    }
}
