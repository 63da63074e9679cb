//! The lot's timeline (`#timeline`): the core's [`EventView`]s rendered. It starts as a compact
//! overview strip (farm → processing → packing → shipping, with dates) that expands to every step
//! (a `<details>`, so it works without script state), oldest first by default with a toggle to
//! newest first. Each step shows its name (and an icon by class), the day (farm work) or day and
//! time, place, actor, notes, farm inputs, in → out quantities with units in words, measurements,
//! certificate links and its status.

use crate::components::{field, field_in, safe_href, source_lang, use_link_base};
use crate::i18n::{t, T};
use crate::links::LinkBase;
use crate::state::Shared;
use txng_core::time::format_rfc3339_utc;
use txng_core::view::EventView;
use txng_core::{Lang, View};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The view of the verdict (its timeline, oldest first).
    pub view: Shared<View>,
    /// Show newest first.
    pub newest_first: bool,
    /// Flip the order.
    pub on_toggle: Callback<()>,
}

fn event(e: &EventView, lang: Lang, base: &LinkBase) -> Html {
    let word = e.step.map(|k| k.word()).unwrap_or("other");
    // Places, actors, notes and input names are the producer's words (Vietnamese).
    let vi = source_lang(lang);
    let class = if e.recalled {
        "event event--recalled"
    } else {
        "event"
    };
    html! {
        <li class={class} data-step={e.step_uri.clone()}>
            <span class={format!("step-icon step-icon--{word}")} aria-hidden="true"></span>
            <div class="event__body">
                <h3 class="event__title">{ e.title.clone() }</h3>
                <p class="event__time">
                    <time datetime={format_rfc3339_utc(e.time)}>{ e.when.clone() }</time>
                </p>
                <dl class="fields fields--compact">
                    if let Some(pl) = &e.place { { field_in(t(T::Place, lang), html! { pl.clone() }, vi) } }
                    if let Some(a) = &e.actor { { field_in(t(T::Actor, lang), html! { a.clone() }, vi) } }
                    if !e.inputs.is_empty() {
                        { field_in(t(T::Inputs, lang), html! { <ul class="inputs-list">
                            { for e.inputs.iter().map(|i| html! { <li>{ i.clone() }</li> }) }
                        </ul> }, vi) }
                    }
                    if let Some(q) = &e.quantities { { field(t(T::Quantities, lang), html! { q.clone() }) } }
                    if !e.sensors.is_empty() { { field(t(T::Sensors, lang), html! { e.sensors.join("; ") }) } }
                    if let Some(d) = &e.disposition_label {
                        { field(t(T::Disposition, lang), if e.recalled {
                            html! { <strong class="danger">{ d.clone() }</strong> }
                        } else {
                            html! { d.clone() }
                        }) }
                    }
                    if let Some(n) = &e.notes { { field_in(t(T::Notes, lang), html! { n.clone() }, vi) } }
                </dl>
                { for e.certificates.iter().filter_map(|c| safe_href(c, base)).map(|h| html! {
                    <p class="event__cert"><a href={h} target="_blank" rel="noopener noreferrer">{ t(T::Certificate, lang) }</a></p>
                }) }
            </div>
        </li>
    }
}

/// The timeline.
#[function_component]
pub fn Timeline(p: &Props) -> Html {
    let base = use_link_base();
    let lang = p.view.lang;
    let cb = p.on_toggle.clone();
    let events = &p.view.timeline;
    let items: Html = if p.newest_first {
        events.iter().rev().map(|e| event(e, lang, &base)).collect()
    } else {
        events.iter().map(|e| event(e, lang, &base)).collect()
    };
    html! {
        <section class="card timeline-section" aria-labelledby="timeline-heading">
            <div class="section-head">
                <h2 id="timeline-heading">{ t(T::TimelineHeading, lang) }</h2>
            </div>
            if !p.view.overview.is_empty() {
                <ol id="timeline-overview" class="overview">
                    { for p.view.overview.iter().map(|s| html! {
                        <li class="overview__stage"
                            data-stage={format!("{:?}", s.stage).to_lowercase()}>
                            <span class="overview__label">{ s.label }</span>
                            <span class="overview__dates">{ s.dates.clone() }</span>
                        </li>
                    }) }
                </ol>
            }
            if events.is_empty() {
                <p class="muted">{ t(T::TimelineEmpty, lang) }</p>
            }
            <details id="timeline-details" class="timeline-details">
                <summary>{ t(T::TimelineExpand, lang) }</summary>
                if events.len() > 1 {
                    <button id="timeline-order" type="button" class="btn btn--small"
                        onclick={Callback::from(move |_| cb.emit(()))}>
                        { t(if p.newest_first { T::TimelineOldestFirst } else { T::TimelineNewestFirst }, lang) }
                    </button>
                }
                <ol id="timeline" class="timeline">{ items }</ol>
            </details>
        </section>
    }
}
