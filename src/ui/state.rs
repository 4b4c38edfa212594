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
}

impl State {
    /// The draft the clerk was working on when the page was last left, or a new one.
    pub fn restored() -> Self {
        let draft = storage::current().unwrap_or_else(|| Draft { id: storage::new_id(), ..Draft::default() });
        State { editor: Editor::new(draft) }
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
        _ => Action::Edit(Edit::Type(id, text)),
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
            Action::Undo => next.editor.undo(),
            Action::Redo => next.editor.redo(),
            Action::Import(draft) => next.editor.replace(draft, storage::new_id()),
            Action::StartFromLastYear(last) => next.editor.replace(next_year(&last), storage::new_id()),
            Action::Open(draft) => {
                next = State { editor: Editor::new(draft) };
                true
            }
        };
        if changed { Rc::new(next) } else { self }
    }
}
