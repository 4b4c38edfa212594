//! The one way the widget asks before doing something a clerk might regret: inline, never a
//! blocking browser dialog, with the safe choice second.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub question: AttrValue,
    pub yes: AttrValue,
    /// The `data-action` of the "yes" button, for tests and host-page scripts.
    pub action: AttrValue,
    pub no: AttrValue,
    pub onyes: Callback<MouseEvent>,
    pub onno: Callback<MouseEvent>,
}

#[component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    html! {
        <div class="xx-confirm" role="alertdialog" aria-label="确认">
            <p>{ props.question.clone() }</p>
            <button type="button" data-action={props.action.clone()} onclick={props.onyes.clone()}>{ props.yes.clone() }</button>
            <button type="button" data-action="cancel" onclick={props.onno.clone()}>{ props.no.clone() }</button>
        </div>
    }
}
