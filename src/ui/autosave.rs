//! Autosave: every change is written to the browser's storage soon after it is made, at once when
//! the clerk moves to another draft, when the page is left (a reload, a closed tab, a phone
//! switching apps) and when the widget fails, so nothing typed is lost to a quick reload.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::browser::use_on_first_draw;
use super::files::SaveStatus;
use super::storage;
use crate::report::edit::editor::{Draft, Editor};

/// How soon after a change the draft is saved while the clerk keeps working.
const AUTOSAVE_DELAY_MS: u32 = 400;

/// What the hook keeps between renders, shared with the page's leave events and [`save_waiting`].
#[derive(Clone)]
struct Kept {
    /// The editor as last reduced ([`reduced`]). The page can be left after a keystroke is taken
    /// and before it is drawn, or drawn and before its save is set waiting: on a slow machine Yew
    /// hands the browser its turn between the two, and a keystroke or a reload can come first.
    latest: Rc<RefCell<Editor>>,
    /// The change set waiting for its timer.
    unsaved: Rc<RefCell<Option<Editor>>>,
    /// What storage holds of the draft as far as this tab knows: the draft the page opened with,
    /// then each one written. It is not written again unchanged, so a second tab that only opens
    /// a draft never writes its copy over work saved meanwhile in the first.
    stored: Rc<RefCell<Draft>>,
}

thread_local! {
    /// The widget's [`Kept`], for [`save_waiting`] (there is one widget on a page).
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// Keeps the editor each action leaves, for the page's leave events ([`Kept::latest`]).
pub fn reduced(editor: &Editor) {
    let kept = KEPT.with(|kept| kept.try_borrow().ok()?.clone());
    if let Some(mut latest) = kept.as_ref().and_then(|kept| kept.latest.try_borrow_mut().ok()) {
        *latest = editor.clone();
    }
}

/// Writes at once what storage does not hold yet ([`Kept::save_now`]), if anything: what became
/// of it. For when the widget fails and nothing else will run.
pub fn save_waiting() -> Option<SaveStatus> {
    KEPT.with(|kept| kept.try_borrow().ok()?.clone())?.save_now()
}

impl Kept {
    /// Writes the change waiting, then the latest draft if storage does not hold it yet: for a page
    /// being left, when no timer will run.
    fn save_now(&self) -> Option<SaveStatus> {
        let waiting = flush(&self.unsaved, &self.stored);
        let latest = self.latest.try_borrow().ok()?.clone();
        if !self.not_stored(latest.draft())? {
            return waiting;
        }
        *self.unsaved.try_borrow_mut().ok()? = Some(latest);
        flush(&self.unsaved, &self.stored)
    }

    /// Whether `draft` holds a change storage does not have. A blank draft is not stored for the
    /// first time as the page goes; a stored one the clerk emptied is.
    fn not_stored(&self, draft: &Draft) -> Option<bool> {
        let stored = self.stored.try_borrow().ok()?;
        let emptied = stored.id == draft.id && !stored.report.is_blank();
        Some(*stored != *draft && (!draft.report.is_blank() || emptied))
    }
}

/// Writes the change still waiting, if any, with its undo history; what became of it. `stored`
/// is what the browser holds of the draft as far as this tab knows.
fn flush(unsaved: &RefCell<Option<Editor>>, stored: &RefCell<Draft>) -> Option<SaveStatus> {
    let editor = unsaved.try_borrow_mut().ok()?.take()?;
    storage::save_history(&editor.draft().id, &editor.history_to_storage());
    Some(match storage::save(editor.draft()) {
        Ok(at) => {
            if let Ok(mut stored) = stored.try_borrow_mut() {
                *stored = editor.draft().clone();
            }
            SaveStatus::Saved(at)
        }
        Err(reason) => SaveStatus::Failed(reason),
    })
}

/// Keeps the editor's draft saved, and its undo history for a reload; the state of the last
/// save, for the hint beside the buttons. A blank draft nobody has touched yet is not stored.
#[hook]
pub fn use_autosave(editor: &Editor) -> SaveStatus {
    // A draft reopened from storage is kept there already; a blank one is not yet stored.
    let status = use_state_eq(|| if editor.draft().report.is_blank() { SaveStatus::Unsaved } else { SaveStatus::Kept });
    let kept = Kept {
        latest: use_mut_ref(|| editor.clone()),
        unsaved: use_mut_ref(|| None),
        stored: use_mut_ref(|| editor.draft().clone()),
    };
    {
        let kept = kept.clone();
        use_on_first_draw(Box::new(move || {
            KEPT.with(|shared| shared.replace(Some(kept.clone())));
            let (window, document) = (gloo_utils::window(), gloo_utils::document());
            let on_leave = {
                let kept = kept.clone();
                EventListener::new(&window, "pagehide", move |_| drop(kept.save_now()))
            };
            let on_hide = EventListener::new(&document.clone(), "visibilitychange", move |_| {
                if document.visibility_state() == web_sys::VisibilityState::Hidden {
                    drop(kept.save_now());
                }
            });
            Box::new(move || drop((on_leave, on_hide)))
        }));
    }
    // Whether the draft drawn holds what storage does not (a blank draft nobody has touched yet
    // holds nothing to save), worked out as it is drawn: 正在保存 is shown with the change itself.
    // (Set from the effect, it drew the whole widget a second time on the first keystroke of every
    // burst of typing.)
    let untouched = *status == SaveStatus::Unsaved && editor.draft().report.is_blank();
    let changed = !untouched && *kept.stored.borrow() != *editor.draft();
    let shown = match &*status {
        SaveStatus::Failed(_) => (*status).clone(),
        _ if changed => SaveStatus::Pending,
        _ => (*status).clone(),
    };
    {
        let Kept { latest, unsaved, stored } = kept;
        use_effect_with(editor.draft().clone(), move |draft| {
            // The draft the clerk just left (another opened, an import in a draft of its own) is
            // written now, not dropped with its timer.
            if unsaved.borrow().as_ref().is_some_and(|waiting| waiting.draft().id != draft.id) {
                flush(&unsaved, &stored);
            }
            let timer = (changed || (!untouched && unsaved.borrow().is_some())).then(|| {
                *unsaved.borrow_mut() = Some(latest.borrow().clone());
                Timeout::new(AUTOSAVE_DELAY_MS, move || {
                    if let Some(saved) = flush(&unsaved, &stored) {
                        status.set(saved);
                    }
                })
            });
            move || drop(timer)
        });
    }
    shown
}
