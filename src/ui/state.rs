//! All of the widget's state in one reducer: the draft being edited, with its history, and which
//! stored draft it is.

use std::rc::Rc;

use yew::Reducible;

use super::storage;
use crate::report::Report;
use crate::report::carry::next_year;
use crate::report::editor::{Draft, Edit, Editor};
use crate::report::format::FieldId;

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub editor: Editor,
    /// The field the last undo or redo changed, with a count so the same field is shown again:
    /// the widget brings it into view, as a word processor does.
    pub revealed: Option<(FieldId, u32)>,
}

impl State {
    /// The draft the clerk was working on when the page was last left, or a new one.
    pub fn restored() -> Self {
        let editor = match storage::current() {
            Some(draft) => storage::editor_of(draft),
            None => Editor::new(Draft { id: storage::new_id(), ..Draft::default() }),
        };
        State { editor, revealed: None }
    }

    pub fn draft(&self) -> &Draft {
        self.editor.draft()
    }

    pub fn report(&self) -> &Report {
        self.editor.report()
    }
}

/// The edit an input event makes: a keystroke joins the field's current step, while a paste or a
/// drop is a step of its own.
pub fn input_edit(id: FieldId, text: String, event: &web_sys::InputEvent) -> Action {
    match event.input_type().as_str() {
        "insertFromPaste" | "insertFromDrop" | "insertReplacementText" => Action::Edit(Edit::Set(id, text)),
        _ => Action::Edit(Edit::Type(id, text, js_sys::Date::now() as u64)),
    }
}

pub enum Action {
    Edit(Edit),
    Undo,
    Redo,
    /// A report file opened by the clerk, or the example, in a draft of its own unless the current
    /// report is blank (one undoable step).
    Import(Draft),
    /// This year's report started from last year's, likewise.
    StartFromLastYear(Report),
    /// Switch to another stored draft, or a new blank one; its history starts afresh.
    Open(Draft),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            Action::Edit(edit) => next.editor.apply(edit),
            Action::Undo | Action::Redo => {
                let before = next.report().clone();
                let moved = if matches!(action, Action::Undo) { next.editor.undo() } else { next.editor.redo() };
                if let Some(id) = before.first_difference(next.report()) {
                    next.revealed = Some((id, self.revealed.map_or(0, |(_, n)| n.wrapping_add(1))));
                }
                moved
            }
            Action::Import(draft) => next.editor.replace(draft, storage::new_id()),
            Action::StartFromLastYear(last) => next.editor.replace(next_year(&last), storage::new_id()),
            Action::Open(draft) => {
                next = State { editor: storage::editor_of(draft), revealed: None };
                true
            }
        };
        if changed { Rc::new(next) } else { self }
    }
}
