//! The widget's one reducer: the core's [`Session`], restored from the browser's storage, driven by
//! the [`Action`]s the components send.

use std::rc::Rc;

use yew::Reducible;

use super::storage;
use crate::report::base::format::FieldId;
use crate::report::edit::editor::{Draft, Edit, Editor};
pub use crate::report::edit::session::{Action, SAVED_BY_ITSELF, Session};

/// The draft the clerk was working on when the page was last left, or a new one.
pub fn restored() -> Session {
    let editor = match storage::current() {
        Some(draft) => storage::editor_of(draft),
        None => Editor::new(Draft { id: storage::new_id(), ..Draft::default() }),
    };
    Session::new(editor)
}

/// The edit an input event makes: a keystroke joins the field's current step, while a paste or a
/// drop is a step of its own.
pub fn input_edit(id: FieldId, text: String, event: &web_sys::InputEvent) -> Edit {
    match event.input_type().as_str() {
        "insertFromPaste" | "insertFromDrop" | "insertReplacementText" => Edit::Set(id, text),
        _ => Edit::Type(id, text, js_sys::Date::now() as u64),
    }
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.after(action) {
            Some(next) => {
                // Autosave keeps it at once: the page may be left before it is drawn.
                super::autosave::reduced(&next.editor);
                Rc::new(next)
            }
            None => self,
        }
    }
}
