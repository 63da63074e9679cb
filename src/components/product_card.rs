//! The product card (`#product-card`): what the signed data says about the item, shown only under a
//! green or amber verdict (the core leaves the data empty otherwise). Product details come from the
//! signed trace document; while it loads, or if it cannot be had, the card shows what the signed
//! label and the signed registry say.

use crate::components::{field_in, iso_date, safe_href, source_lang, tel_href, use_link_base};
use crate::i18n::{t, tf, T};
use crate::links::LinkBase;
use crate::state::Shared;
use txng_core::registry::Certification;
use txng_core::time::Date;
use txng_core::vocab::{certification_label, country_label};
use txng_core::{Lang, State, Verdict};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The verdict.
    pub verdict: Shared<Verdict>,
    /// Language.
    pub lang: Lang,
}

fn row(label: &str, value: impl Into<Html>) -> Html {
    field_in(label, value.into(), None)
}

/// A row shown only when `value` has text; `vi`: the value's `lang` (producer-written text).
fn opt_row_in(label: &str, value: Option<&str>, vi: Option<&'static str>) -> Html {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => field_in(label, v.to_string().into(), vi),
        None => html! {},
    }
}

fn opt_row(label: &str, value: Option<&str>) -> Html {
    opt_row_in(label, value, None)
}

fn date_row(label: &str, d: Option<Date>) -> Html {
    match d {
        Some(d) => row(
            label,
            html! { <time datetime={d.iso()}>{ d.display() }</time> },
        ),
        None => html! {},
    }
}

/// "★★★★ 4 sao OCOP (2024)".
pub fn ocop_text(stars: u8, year: Option<u16>, lang: Lang) -> String {
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    let s = tf(T::Ocop, lang, &[&stars.to_string(), &year]);
    if year.is_empty() {
        s.replace(" ()", "")
    } else {
        s
    }
}

fn ocop(stars: u8, year: Option<u16>, lang: Lang) -> Html {
    let glyphs = "★".repeat(usize::from(stars.min(5)));
    html! {
        <span class="ocop">
            <span class="ocop__stars" aria-hidden="true">{ glyphs }</span>
            { " " }{ ocop_text(stars, year, lang) }
        </span>
    }
}

fn cert(c: &Certification, lang: Lang, base: &LinkBase) -> Html {
    let name = certification_label(&c.kind, lang)
        .map(str::to_string)
        .or_else(|| c.name.clone())
        .unwrap_or_else(|| c.kind.clone());
    let mut extra: Vec<String> = Vec::new();
    if let Some(n) = c.number.as_deref().filter(|n| !n.is_empty()) {
        extra.push(tf(T::CertNumber, lang, &[n]));
    }
    if let Some(i) = c.issuer.as_deref().filter(|n| !n.is_empty()) {
        extra.push(i.to_string());
    }
    if let Some(v) = c.valid_until.as_deref() {
        extra.push(tf(T::CertValidUntil, lang, &[&iso_date(v)]));
    }
    let href = c.url.as_deref().and_then(|u| safe_href(u, base));
    html! {
        <li>
            if c.kind == "ocop" && c.stars.is_some() {
                { ocop(c.stars.unwrap_or(0), c.year, lang) }
            } else {
                <strong>{ name }</strong>
            }
            if !extra.is_empty() { { " — " }{ extra.join(", ") } }
            if let Some(h) = href {
                { " " }<a href={h} target="_blank" rel="noopener noreferrer">{ t(T::Certificate, lang) }</a>
            }
        </li>
    }
}

/// The card.
#[function_component]
pub fn ProductCard(p: &Props) -> Html {
    let base = use_link_base();
    let v = &p.verdict;
    let lang = p.lang;
    if !matches!(v.state, State::Verified | State::VerifiedWithWarnings) {
        return html! {};
    }
    let Some(label) = &v.label else {
        return html! {};
    };
    let product = v.product.as_ref();
    let producer = v.producer.as_ref();
    // Text the producer wrote (Vietnamese) is marked `lang="vi"` under the English UI.
    let vi = source_lang(lang);
    let named = product
        .map(|p| p.name.trim().to_string())
        .filter(|n| !n.is_empty());
    let name_lang = named.as_ref().and(vi);
    let name = named.unwrap_or_else(|| tf(T::ProductGtinName, lang, &[&label.gtin]));
    let img = product
        .and_then(|p| p.image_url.as_deref())
        .and_then(|u| safe_href(u, &base));
    let alt = tf(T::ImageAlt, lang, &[&name]);
    let mut certs: Vec<&Certification> = Vec::new();
    if let Some(p) = product {
        certs.extend(p.certifications.iter());
    }
    if let Some(p) = producer {
        certs.extend(p.certifications.iter());
    }
    let ocop_rating = product.and_then(|p| p.ocop);
    // An OCOP certification is shown once: from the product's rating if it has one. The same
    // certificate listed for the product and the producer is shown once.
    certs.retain(|c| !(c.kind == "ocop" && ocop_rating.is_some()));
    let mut seen: Vec<(&str, Option<&str>)> = Vec::new();
    certs.retain(|c| {
        let key = (c.kind.as_str(), c.number.as_deref());
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    let standards = product
        .map(|p| txng_core::trace::Standard::list(&p.standards))
        .filter(|s| !s.is_empty());
    let expiry_text = label
        .expiry
        .map(|d| d.display())
        .or_else(|| product.and_then(|p| p.expiry_date.as_deref()).map(iso_date));
    let harvest = match (label.harvest_from, label.harvest_to) {
        (Some(a), Some(b)) if a != b => Some(format!("{} – {}", a.display(), b.display())),
        (Some(a), _) => Some(a.display()),
        _ => None,
    };
    html! {
        <section id="product-card" class="card product" aria-labelledby="product-name">
            if let Some(src) = img {
                <img class="product__img" src={src} alt={alt} loading="lazy" decoding="async" referrerpolicy="no-referrer" />
            }
            <div class="product__body">
                <p class="eyebrow">{ t(T::ProductHeading, lang) }</p>
                <h2 id="product-name" class="product__name" lang={name_lang}>{ name }</h2>
                if let Some(r) = ocop_rating {
                    <p class="product__ocop">{ ocop(r.stars, Some(r.year), lang) }</p>
                }
                if product.is_none() {
                    <p class="muted">{ t(T::ProductFromLabel, lang) }</p>
                }
                <dl class="fields">
                    { opt_row_in(t(T::Brand, lang), product.and_then(|p| p.brand.as_deref()), vi) }
                    { opt_row_in(t(T::Category, lang), product.and_then(|p| p.category.as_deref()), vi) }
                    { opt_row_in(t(T::NetContent, lang), product.and_then(|p| p.net_content.as_deref()), vi) }
                    { opt_row_in(t(T::Description, lang), product.and_then(|p| p.description.as_deref()), vi) }
                    if let Some(pr) = producer {
                        { field_in(t(T::Producer, lang), html! { pr.name.clone() }, vi) }
                        { opt_row(t(T::TaxCode, lang), Some(&pr.tax_code)) }
                        { opt_row_in(t(T::Address, lang), Some(&pr.address.display()), vi) }
                        if let Some(ph) = pr.phone.as_deref().filter(|x| !x.trim().is_empty()) {
                            { row(t(T::Phone, lang), match tel_href(ph) {
                                Some(h) => html! { <a href={h}>{ ph.to_string() }</a> },
                                None => html! { ph.to_string() },
                            }) }
                        }
                        if let Some(w) = pr.website.as_deref().and_then(|u| safe_href(u, &base)) {
                            { row(t(T::Website, lang), html! {
                                <a href={w.clone()} target="_blank" rel="noopener noreferrer">{ w }</a>
                            }) }
                        }
                    }
                    if !certs.is_empty() {
                        { row(t(T::Certifications, lang), html! {
                            <ul class="certs">{ for certs.iter().map(|c| cert(c, lang, &base)) }</ul>
                        }) }
                    }
                    { opt_row_in(t(T::Standards, lang), standards.as_deref(), vi) }
                    { row(t(T::Gtin, lang), html! { <span class="mono">{ label.gtin.clone() }</span> }) }
                    { opt_row(t(T::Variant, lang), label.cpv.as_deref()) }
                    { row(t(T::Lot, lang), html! { <span class="mono">{ label.lot.clone() }</span> }) }
                    { row(t(T::Serial, lang), html! { <span class="mono">{ label.serial.clone() }</span> }) }
                    { date_row(t(T::ProductionDate, lang), label.production_date) }
                    { date_row(t(T::PackagingDate, lang), label.packaging_date) }
                    { opt_row(t(T::HarvestDate, lang), harvest.as_deref()) }
                    { date_row(t(T::BestBefore, lang), label.best_before) }
                    { opt_row(t(T::Expiry, lang), expiry_text.as_deref()) }
                    { opt_row(t(T::Origin, lang), label.origin.as_deref().map(|o| country_label(o, lang)).as_deref()) }
                    { opt_row_in(t(T::Storage, lang), product.and_then(|p| p.storage.as_deref()), vi) }
                </dl>
            </div>
        </section>
    }
}
