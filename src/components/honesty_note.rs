//! The honesty note (`#honesty-note`): a valid code proves who issued the label, not that this item
//! is not a copy. Shown where it helps — with a green result, as the view model says — never on a
//! red result or the start screen. The words are the core's `label.copy_possible` message.

use crate::state::Shared;
use txng_core::View;
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The view of the verdict.
    pub view: Shared<View>,
}

/// The note, and the view's notes on harmless facts (a retired key, a missing photo).
#[function_component]
pub fn HonestyNote(p: &Props) -> Html {
    let v = &p.view;
    html! {
        <>
            if !v.notes.is_empty() {
                <ul id="notes" class="notes">
                    { for v.notes.iter().map(|n| html! {
                        <li data-code={n.code.as_str()}><strong>{ n.title }{ ": " }</strong>{ n.text }</li>
                    }) }
                </ul>
            }
            if let Some(m) = &v.honesty {
                <aside id="honesty-note" class="note">
                    <p><strong>{ m.title }{ ": " }</strong>{ m.explanation }</p>
                    <p>{ m.next_step }</p>
                </aside>
            }
        </>
    }
}
