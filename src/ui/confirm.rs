//! The one way the widget asks before doing something a clerk might regret: inline, never a
//! blocking browser dialog, with the safe choice second.

use yew::prelude::*;

/// The question, then the "yes" button with its `data-action` (for tests and host-page scripts),
/// then the safe "no".
pub fn confirm(
    question: &str,
    yes: &str,
    action: &'static str,
    no: &str,
    onyes: Callback<MouseEvent>,
    onno: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="xx-confirm" role="alertdialog" aria-label="确认">
            <p>{ question }</p>
            <button type="button" data-action={action} onclick={onyes}>{ yes }</button>
            <button type="button" data-action="cancel" onclick={onno}>{ no }</button>
        </div>
    }
}
