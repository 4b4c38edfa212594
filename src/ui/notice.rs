//! The clerk's one channel of messages: the session's latest [`Notice`], drawn the same way
//! wherever it belongs (under the file bar, under a table, in 预览与发布, in 核对发布结果).

use yew::prelude::*;

use super::browser;

use crate::report::edit::session::{Notice, Place, Tone};

/// The session's notice, when it is shown at `place`.
pub fn notice_at(notice: Option<&Notice>, place: Place) -> Option<&Notice> {
    notice.filter(|notice| notice.place == place)
}

/// A notice, with 撤销导入 when `onundo` is given and it offers one.
pub fn notice_view(notice: &Notice, onundo: Option<&Callback<MouseEvent>>) -> Html {
    let tone = match notice.tone {
        Tone::Done => "xx-ok",
        Tone::Reminder => "xx-warning",
        Tone::Failed => "xx-error",
    };
    // Test ids name the place, as they did before the messages shared one channel.
    let (kind, testid) = match notice.place {
        Place::Files => ("xx-notice", "file-notice"),
        Place::Table(_) => ("xx-status", "paste-status"),
        Place::Publish => ("xx-status", "copy-status"),
        Place::Verify => ("xx-status", "verify-notice"),
    };
    html! {
        <div class={classes!(kind, tone)} role="status" data-testid={testid}>
            { &notice.text }
            if let Some(onundo) = onundo.filter(|_| notice.undo) {
                <button type="button" data-action="undo-import" onclick={onundo.clone()}>{ "撤销导入" }</button>
            }
            if !notice.details.is_empty() {
                <ul class="xx-notice-details">
                    for detail in &notice.details { <li>{ detail }</li> }
                </ul>
            }
        </div>
    }
}

/// A message under the file bar is brought into view unless it is quiet: the clerk may have acted
/// further down (the start panel) or elsewhere.
#[hook]
pub fn use_notice_in_view(root: NodeRef, notice: Option<Notice>) {
    use_effect_with(notice, move |notice| {
        let loud = notice.as_ref().is_some_and(|n| n.place == Place::Files && !n.quiet);
        if let Some(root) = root.cast::<web_sys::Element>().filter(|_| loud) {
            browser::bring_into_view(&root, "[data-testid=\"file-notice\"]");
        }
    });
}
