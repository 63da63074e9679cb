//! The honesty note (`#honesty-note`), always shown: a valid code proves who issued the label, not
//! that this item is not a copy. The words are the core's `label.copy_possible` message.

use txng_core::{message, Code, Lang};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Language.
    pub lang: Lang,
}

/// The note.
#[function_component]
pub fn HonestyNote(p: &Props) -> Html {
    let m = message(Code::LabelCopyPossible, p.lang);
    html! {
        <aside id="honesty-note" class="note">
            <p><strong>{ m.title }{ ": " }</strong>{ m.explanation }</p>
            <p>{ m.next_step }</p>
        </aside>
    }
}
