//! The one way the widget asks before doing something a clerk might regret: inline, never a
//! blocking browser dialog, with the safe choice second.

use yew::prelude::*;

use super::browser::use_focus_when_drawn;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub question: AttrValue,
    pub yes: &'static str,
    /// The "yes" button's `data-action` (for tests and host-page scripts).
    pub action: &'static str,
    /// The safe choice.
    pub no: &'static str,
    pub onyes: Callback<MouseEvent>,
    pub onno: Callback<MouseEvent>,
    /// The safe choice takes the focus: Enter must not let a report with something still open
    /// leave the widget.
    #[prop_or_default]
    pub holding: bool,
}

/// The question, then "yes", then the safe "no". A question may come from the keyboard (Ctrl+P)
/// or after a file far from the cell the clerk was in: an answer takes the focus when it appears
/// ("yes", or with `holding` the safe one), which brings it into view and lets Enter answer it.
#[component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    let (yes, no) = (use_node_ref(), use_node_ref());
    use_focus_when_drawn(if props.holding { no.clone() } else { yes.clone() });
    html! {
        <div class="xx-confirm" role="alertdialog" aria-label="确认">
            <p>{ &props.question }</p>
            <button type="button" ref={yes} data-action={props.action} onclick={props.onyes.clone()}>{ props.yes }</button>
            <button type="button" ref={no} data-action="cancel" onclick={props.onno.clone()}>{ props.no }</button>
        </div>
    }
}
