//! "Đã kiểm tra những gì?" (`#checks`): every check the core made, folded by default, in plain
//! words from the view model: what a digital signature proves, then one line per check with its
//! severity, title and explanation; the code and detail stay there as technical details.

use crate::state::Shared;
use txng_core::view::Section;
use txng_core::{Severity, View};
use yew::prelude::*;

/// Props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The view of the verdict (its checks, in pipeline order).
    pub view: Shared<View>,
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Success => "check check--success",
        Severity::Info => "check check--info",
        Severity::Warning => "check check--warning",
        Severity::Indeterminate => "check check--indeterminate",
        Severity::Failure => "check check--failure",
    }
}

/// The panel.
#[function_component]
pub fn ChecksPanel(p: &Props) -> Html {
    let v = &p.view;
    html! {
        <details id="checks" class="card checks">
            <summary>{ Section::Checks.title(v.lang) }</summary>
            <p class="muted">{ v.checks_intro }</p>
            <ol class="checks__list">
                { for v.checks.iter().map(|c| html! {
                    <li class={severity_class(c.severity)} data-code={c.code.as_str()}>
                        <p class="check__head">
                            <span class="check__sev">{ c.severity_label }</span>
                            { " " }<strong>{ c.title }</strong>
                        </p>
                        <p>{ c.explanation }</p>
                        <p class="check__detail"><code class="check__code">{ c.code.as_str() }</code>
                            if let Some(d) = &c.detail { { " " }<code>{ d.clone() }</code> }
                        </p>
                    </li>
                }) }
            </ol>
        </details>
    }
}
