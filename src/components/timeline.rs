//! The lot's timeline (`#timeline`): the signed trace document's events, oldest first by default,
//! with a toggle to newest first. Each event shows its step (Vietnamese label and an icon chosen by
//! class), the time in the event's own zone, place, actor, notes, farm inputs with their
//! pre-harvest interval, sensor readings, quantities, certificate links and disposition.

use crate::components::{field, field_in, safe_href, source_lang, use_link_base};
use crate::i18n::{t, tf, T};
use crate::links::LinkBase;
use crate::state::Shared;
use txng_core::time::{display_local, format_rfc3339_utc};
use txng_core::trace::TraceEvent;
use txng_core::vocab::{amount_display, disposition_label, input_kind_label, sensor_label};
use txng_core::{Lang, Verdict};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The verdict (its events, oldest first as the core gives them).
    pub verdict: Shared<Verdict>,
    /// Show newest first.
    pub newest_first: bool,
    /// Flip the order.
    pub on_toggle: Callback<()>,
    /// Language.
    pub lang: Lang,
}

fn event(e: &TraceEvent, lang: Lang, base: &LinkBase) -> Html {
    let known = e.step.as_ref().and_then(|s| s.known);
    let word = known.map(|k| k.word()).unwrap_or("other");
    let title = e
        .step
        .as_ref()
        .map(|s| s.label(lang))
        .unwrap_or_else(|| e.event_type.clone());
    let recalled = e.is_recall();
    // Places, actors, notes and input names are the producer's words (Vietnamese).
    let vi = source_lang(lang);
    let class = if recalled {
        "event event--recalled"
    } else {
        "event"
    };
    let quantities: Vec<String> = e
        .quantities
        .iter()
        .filter_map(|q| Some(amount_display(q.quantity?, q.uom.as_deref(), lang)))
        .collect();
    let sensors: Vec<String> = e
        .sensors
        .iter()
        .map(|s| {
            let value = match (s.value, &s.text) {
                (Some(v), _) => amount_display(v, s.uom.as_deref(), lang),
                (None, Some(x)) => x.clone(),
                (None, None) => String::new(),
            };
            format!("{} {value}", sensor_label(&s.kind, lang))
        })
        .collect();
    html! {
        <li class={class} data-step={e.step.as_ref().map(|s| s.uri.clone())}>
            <span class={format!("step-icon step-icon--{word}")} aria-hidden="true"></span>
            <div class="event__body">
                <h3 class="event__title">{ title }</h3>
                <p class="event__time">
                    <time datetime={format_rfc3339_utc(e.time)}>{ display_local(e.time, e.offset_minutes) }</time>
                </p>
                <dl class="fields fields--compact">
                    if let Some(pl) = &e.place { { field_in(t(T::Place, lang), html! { pl.clone() }, vi) } }
                    if let Some(a) = &e.actor { { field_in(t(T::Actor, lang), html! { a.clone() }, vi) } }
                    if !e.inputs.is_empty() {
                        { field(t(T::Inputs, lang), html! { <ul class="inputs-list">
                            { for e.inputs.iter().map(|i| {
                                let mut parts = Vec::new();
                                if let Some(ai) = i.active_ingredient.as_deref() { parts.push(tf(T::ActiveIngredient, lang, &[ai])); }
                                if let Some(d) = i.dose.as_deref() { parts.push(tf(T::Dose, lang, &[d])); }
                                if let Some(n) = i.phi_days { parts.push(tf(T::Phi, lang, &[&n.to_string()])); }
                                let rest = if parts.is_empty() { String::new() } else { format!(", {}", parts.join(", ")) };
                                html! { <li>{ input_kind_label(&i.kind, lang) }{ ": " }<span lang={vi}>{ i.name.clone() }</span>{ rest }</li> }
                            }) }
                        </ul> }) }
                    }
                    if !quantities.is_empty() { { field(t(T::Quantities, lang), html! { quantities.join("; ") }) } }
                    if !sensors.is_empty() { { field(t(T::Sensors, lang), html! { sensors.join("; ") }) } }
                    if let Some(d) = &e.disposition {
                        { field(t(T::Disposition, lang), if recalled {
                            html! { <strong class="danger">{ disposition_label(d, lang) }</strong> }
                        } else {
                            html! { disposition_label(d, lang) }
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
    let lang = p.lang;
    let cb = p.on_toggle.clone();
    let events = &p.verdict.events;
    let items: Html = if p.newest_first {
        events.iter().rev().map(|e| event(e, lang, &base)).collect()
    } else {
        events.iter().map(|e| event(e, lang, &base)).collect()
    };
    html! {
        <section class="card timeline-section" aria-labelledby="timeline-heading">
            <div class="section-head">
                <h2 id="timeline-heading">{ t(T::TimelineHeading, lang) }</h2>
                if events.len() > 1 {
                    <button id="timeline-order" type="button" class="btn btn--small"
                        onclick={Callback::from(move |_| cb.emit(()))}>
                        { t(if p.newest_first { T::TimelineOldestFirst } else { T::TimelineNewestFirst }, lang) }
                    </button>
                }
            </div>
            if events.is_empty() {
                <p class="muted">{ t(T::TimelineEmpty, lang) }</p>
            }
            <ol id="timeline" class="timeline">{ items }</ol>
        </section>
    }
}
