//! The widget's components, each named for what the user sees. They render state and emit
//! callbacks; decisions are the core's and the reducer's. Untrusted text (from codes, registries
//! and trace documents) is only ever rendered as text, never as HTML.

pub mod checks_panel;
pub mod honesty_note;
pub mod idle_screen;
pub mod input_bar;
pub mod lang_toggle;
pub mod net_status;
pub mod photo_input;
pub mod product_card;
pub mod report_fake;
pub mod scan_view;
pub mod timeline;
pub mod verdict_banner;

pub use checks_panel::ChecksPanel;
pub use honesty_note::HonestyNote;
pub use idle_screen::IdleScreen;
pub use input_bar::InputBar;
pub use lang_toggle::LangToggle;
pub use net_status::NetStatus;
pub use photo_input::PhotoInput;
pub use product_card::ProductCard;
pub use report_fake::ReportFake;
pub use scan_view::ScanView;
pub use timeline::Timeline;
pub use verdict_banner::{live_text, VerdictBanner, VerdictLive};

/// A link target from signed data, if it is safe to follow ([`crate::links::safe_link`]): `https:`
/// or a path that stays on the registry's origin, decided by the URL parser.
pub fn safe_href(url: &str, base: &crate::links::LinkBase) -> Option<String> {
    crate::links::safe_link(url, base)
}

/// The base links resolve against, from the app's context (empty outside the app).
#[yew::hook]
pub fn use_link_base() -> crate::links::LinkBase {
    yew::use_context::<crate::links::LinkBase>().unwrap_or_default()
}

/// A `tel:` target: digits and a leading `+` only.
pub fn tel_href(phone: &str) -> Option<String> {
    let mut out = String::from("tel:");
    for (i, c) in phone.trim().chars().enumerate() {
        if c.is_ascii_digit() || (c == '+' && i == 0) {
            out.push(c);
        }
    }
    (out.len() > 5).then_some(out)
}

/// One labelled row of a `<dl>` (a function, not inline markup: one copy of the code).
pub fn field(label: &str, value: yew::Html) -> yew::Html {
    field_in(label, value, None)
}

/// A row whose value is in language `value_lang` (`lang="vi"` on the `<dd>`), so that screen
/// readers pronounce producer-written Vietnamese right under the English UI.
pub fn field_in(label: &str, value: yew::Html, value_lang: Option<&'static str>) -> yew::Html {
    yew::html! { <div class="field"><dt>{ label.to_string() }</dt><dd lang={value_lang}>{ value }</dd></div> }
}

/// `Some("vi")` unless the UI is Vietnamese: the `lang` of text the producer or the authority wrote
/// (product data, registry entries and trace documents are Vietnamese, FORMAT.md §3.3).
pub fn source_lang(ui: txng_core::Lang) -> Option<&'static str> {
    (ui != txng_core::Lang::Vi).then_some("vi")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs() {
        assert_eq!(
            tel_href("0233 3852 000").as_deref(),
            Some("tel:02333852000")
        );
        assert_eq!(tel_href("+84 233 1"), Some("tel:+842331".into()));
    }
}
