//! The widget's keyboard shortcuts, as a word processor has them: Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z)
//! undo and redo the report, Ctrl+S says the report saves itself, and Ctrl+P prints the report
//! alone, as 打印 / 另存为 PDF does, not the portal's page with the form on it.

use yew::prelude::*;

use super::files::Notice;
use super::state::{Action, SAVED_BY_ITSELF};
use crate::report::edit::session::Export;

/// The keydown handler of the widget's root.
pub fn shortcuts(onaction: &Callback<Action>) -> Callback<KeyboardEvent> {
    let onaction = onaction.clone();
    Callback::from(move |e: KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key()) || e.is_composing() {
            return;
        }
        let action = match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
            ("p", false) => Action::Export(Export::Print),
            ("z", false) => Action::Undo,
            ("z", true) | ("y", _) => Action::Redo,
            // A habit from Word: the browser would save the portal's page, not the report.
            ("s", false) => Action::Tell(Notice::quiet(SAVED_BY_ITSELF)),
            _ => return,
        };
        e.prevent_default();
        onaction.emit(action);
    })
}
