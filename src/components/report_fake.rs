//! "Báo hàng nghi giả" (`#report-fake`): the authority's hotline and report form, from the SIGNED
//! registry, with the scanned data prefilled so the report says exactly what was scanned. How
//! prominently is the view model's decision (FORMAT.md §4.2): the full block for red, a small link
//! for green (and grey where it helps), nothing for amber.

use crate::components::{safe_href, tel_href, use_link_base};
use crate::i18n::{t, tf, T};
use crate::links::LinkBase;
use crate::state::Shared;
use std::rc::Rc;
use txng_core::link::percent_encode;
use txng_core::{Report, View};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The view of the verdict.
    pub view: Shared<View>,
    /// The raw scanned text.
    pub scanned: Option<Rc<str>>,
}

/// The report form URL with the view's prefill (`gtin`, `lot`, `serial`, `code`) and the raw text
/// as query parameters. `None` unless the registry's `report_url` is https (or a same-origin path).
pub fn report_href(v: &View, raw: Option<&str>, link_base: &LinkBase) -> Option<String> {
    let resolved = safe_href(v.contact.as_ref()?.report_url.as_deref()?, link_base)?;
    let (base, frag) = resolved.split_once('#').unwrap_or((&resolved, ""));
    let mut out = base.to_string();
    let mut sep = if base.contains('?') { '&' } else { '?' };
    let mut add = |k: &str, val: &str| {
        if !val.is_empty() {
            out.push(sep);
            out.push_str(k);
            out.push('=');
            out.push_str(&percent_encode(val));
            sep = '&';
        }
    };
    for (k, val) in &v.prefill {
        if *k != "code" {
            add(k, val);
        }
    }
    add("raw", raw.unwrap_or(""));
    for (k, val) in &v.prefill {
        if *k == "code" {
            add(k, val);
        }
    }
    if !frag.is_empty() {
        out.push('#');
        out.push_str(frag);
    }
    Some(out)
}

/// The block.
#[function_component]
pub fn ReportFake(p: &Props) -> Html {
    let v = &p.view;
    let lang = v.lang;
    let link_base = use_link_base();
    let href = report_href(v, p.scanned.as_deref(), &link_base);
    let auth = v.contact.as_ref();
    let tel = auth
        .and_then(|a| a.hotline.as_deref())
        .and_then(|h| Some((tel_href(h)?, h.to_string())));
    match v.report {
        Report::None => html! {},
        Report::Offered => {
            let link = href.clone().or_else(|| tel.as_ref().map(|t| t.0.clone()));
            html! {
                <p id="report-fake" class="report report--small">
                    if let Some(h) = link {
                        <a href={h} target="_blank" rel="noopener noreferrer">{ t(T::ReportSmall, lang) }</a>
                    } else {
                        <span class="muted">{ t(T::ReportNoAuthority, lang) }</span>
                    }
                </p>
            }
        }
        Report::Prominent => html! {
            <section id="report-fake" class="card report" aria-labelledby="report-heading">
                <h2 id="report-heading">{ t(T::ReportHeading, lang) }</h2>
                if let Some(a) = auth {
                    <p>{ tf(T::ReportText, lang, &[&a.name]) }</p>
                    <div class="report__actions">
                        if let Some((h, label)) = tel {
                            <a class="btn btn--danger" href={h}>{ tf(T::ReportHotline, lang, &[&label]) }</a>
                        }
                        if let Some(h) = href {
                            <a class="btn" href={h} target="_blank" rel="noopener noreferrer">{ t(T::ReportForm, lang) }</a>
                        }
                    </div>
                    if let Some(e) = a.email.as_deref().filter(|e| e.contains('@')) {
                        <p class="muted">{ tf(T::ReportEmail, lang, &[e]) }</p>
                    }
                } else {
                    <p>{ t(T::ReportNoAuthority, lang) }</p>
                }
            </section>
        },
    }
}
