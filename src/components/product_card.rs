//! The product card (`#product-card`): the core's [`ProductView`] rendered, nothing decided here.
//! The view has a card under green and amber verdicts and for a recalled lot (its label is
//! genuine); rows, certifications (de-duplicated), OCOP, the resolved and marked expiry come from
//! the view model. Links from signed data pass [`safe_href`] before they become clickable.
//!
//! The heading comes first and the photo after it, so the heading does not move when the trace
//! document (with the photo and the product name) arrives.

use crate::components::{safe_href, source_lang, tel_href, use_link_base};
use crate::i18n::{t, tf, T};
use crate::links::LinkBase;
use crate::state::Shared;
use txng_core::view::{Field, ProductView, Row};
use txng_core::{Lang, View};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The view of the verdict.
    pub view: Shared<View>,
}

fn value(r: &Row, base: &LinkBase, lang: Lang) -> Html {
    let vi = r.source_text.then_some(()).and(source_lang(lang));
    let link = r.link.as_deref();
    match r.field {
        Field::Phone => match link.and_then(tel_href) {
            Some(h) => html! { <a href={h}>{ r.value.clone() }</a> },
            None => html! { r.value.clone() },
        },
        Field::Website => match link.and_then(|u| safe_href(u, base)) {
            Some(h) => {
                html! { <a href={h.clone()} target="_blank" rel="noopener noreferrer">{ h }</a> }
            }
            None => html! { r.value.clone() },
        },
        Field::Lot | Field::Serial | Field::Gtin => {
            html! { <span class="mono">{ r.value.clone() }</span> }
        }
        Field::Ocop => html! {
            <span class="ocop">{ r.value.clone() }
                if let Some(h) = link.and_then(|u| safe_href(u, base)) {
                    { " " }<a href={h} target="_blank" rel="noopener noreferrer">{ t(T::Certificate, lang) }</a>
                }
            </span>
        },
        Field::Certifications if !r.items.is_empty() => html! {
            <ul class="certs">{ for r.items.iter().map(|i| html! {
                <li>{ i.text.clone() }
                    if let Some(h) = i.url.as_deref().and_then(|u| safe_href(u, base)) {
                        { " " }<a href={h} target="_blank" rel="noopener noreferrer">{ t(T::Certificate, lang) }</a>
                    }
                </li>
            }) }</ul>
        },
        _ if r.marked => html! { <strong class="danger">{ r.value.clone() }</strong> },
        _ => html! { <span lang={vi}>{ r.value.clone() }</span> },
    }
}

/// One row (`data-field`, `field--marked` for a problem such as a passed expiry date).
pub fn row(r: &Row, base: &LinkBase, lang: Lang) -> Html {
    let class = if r.marked {
        "field field--marked"
    } else {
        "field"
    };
    html! {
        <div class={class} data-field={r.field.id()}>
            <dt>{ r.label }</dt><dd>{ value(r, base, lang) }</dd>
        </div>
    }
}

fn card(pv: &ProductView, base: &LinkBase, lang: Lang) -> Html {
    let name_lang = pv.name_is_source.then_some(()).and(source_lang(lang));
    let img = pv
        .image_url
        .as_deref()
        .and_then(|u| crate::links::safe_image(u, base));
    let alt = tf(T::ImageAlt, lang, &[&pv.name]);
    html! {
        <section id="product-card" class="card product" aria-labelledby="product-name">
            <div class="product__body">
                <p class="eyebrow">{ t(T::ProductHeading, lang) }</p>
                <h2 id="product-name" class="product__name" lang={name_lang}>{ pv.name.clone() }</h2>
                if let Some(src) = img {
                    <img class="product__img" src={src} alt={alt} loading="lazy" decoding="async" referrerpolicy="no-referrer" />
                }
                if !pv.name_is_source {
                    <p class="muted">{ t(T::ProductFromLabel, lang) }</p>
                }
                <dl class="fields">{ for pv.rows.iter().map(|r| row(r, base, lang)) }</dl>
                if !pv.producer.is_empty() {
                    <h3 class="product__sub">{ t(T::Producer, lang) }</h3>
                    <dl class="fields">{ for pv.producer.iter().map(|r| row(r, base, lang)) }</dl>
                }
            </div>
        </section>
    }
}

/// The card.
#[function_component]
pub fn ProductCard(p: &Props) -> Html {
    let base = use_link_base();
    match &p.view.product {
        Some(pv) => card(pv, &base, p.view.lang),
        None => html! {},
    }
}
