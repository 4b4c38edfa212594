//! The one way the widget asks before doing something a clerk might regret: inline, never a
//! blocking browser dialog, with the safe choice second.

use yew::prelude::*;

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
}

/// The question, then "yes", then the safe "no". A question may come from the keyboard (Ctrl+P)
/// or after a file far from the cell the clerk was in: its answer takes the focus when it
/// appears, which brings it into view and lets Enter answer it.
#[component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    let yes = use_node_ref();
    {
        let yes = yes.clone();
        use_effect_with((), move |_| {
            if let Some(button) = yes.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    html! {
        <div class="xx-confirm" role="alertdialog" aria-label="确认">
            <p>{ &props.question }</p>
            <button type="button" ref={yes} data-action={props.action} onclick={props.onyes.clone()}>{ props.yes }</button>
            <button type="button" data-action="cancel" onclick={props.onno.clone()}>{ props.no }</button>
        </div>
    }
}
