//! Autosave: every change is written to the browser's storage soon after it is made, at once when
//! the clerk moves to another draft, and when the page is left (a reload, a closed tab, a phone
//! switching apps), so nothing typed is lost to a quick reload.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::files::SaveStatus;
use super::storage;
use crate::report::editor::Draft;

/// How soon after a change the draft is saved while the clerk keeps working.
const AUTOSAVE_DELAY_MS: u32 = 400;

/// Writes the change still waiting, if any; what became of it.
fn flush(unsaved: &RefCell<Option<Draft>>) -> Option<SaveStatus> {
    let draft = unsaved.borrow_mut().take()?;
    Some(match storage::save(&draft) {
        Ok(at) => SaveStatus::Saved(at),
        Err(reason) => SaveStatus::Failed(reason),
    })
}

/// Keeps `draft` saved; the state of the last save, for the hint beside the buttons. A blank
/// draft nobody has touched yet is not stored.
#[hook]
pub fn use_autosave(draft: &Draft) -> SaveStatus {
    let status = use_state_eq(|| SaveStatus::Unsaved);
    let unsaved: Rc<RefCell<Option<Draft>>> = use_mut_ref(|| None);
    {
        let unsaved = unsaved.clone();
        use_effect_with((), move |_| {
            let (window, document) = (gloo_utils::window(), gloo_utils::document());
            let on_leave = {
                let unsaved = unsaved.clone();
                EventListener::new(&window, "pagehide", move |_| drop(flush(&unsaved)))
            };
            let on_hide = EventListener::new(&document.clone(), "visibilitychange", move |_| {
                if document.visibility_state() == web_sys::VisibilityState::Hidden {
                    drop(flush(&unsaved));
                }
            });
            move || drop((on_leave, on_hide))
        });
    }
    {
        let status = status.clone();
        use_effect_with(draft.clone(), move |draft| {
            // The draft the clerk just left (another opened, an import in a draft of its own) is
            // written now, not dropped with its timer.
            if unsaved.borrow().as_ref().is_some_and(|waiting| waiting.id != draft.id) {
                flush(&unsaved);
            }
            let untouched = *status == SaveStatus::Unsaved && draft.report.is_blank();
            let timer = (!untouched).then(|| {
                *unsaved.borrow_mut() = Some(draft.clone());
                if !matches!(*status, SaveStatus::Failed(_)) {
                    status.set(SaveStatus::Pending);
                }
                Timeout::new(AUTOSAVE_DELAY_MS, move || {
                    if let Some(saved) = flush(&unsaved) {
                        status.set(saved);
                    }
                })
            });
            move || drop(timer)
        });
    }
    (*status).clone()
}
