//! Two tabs of the portal page share the browser's drafts, and each tab's autosave writes a whole
//! draft. A tab left open with an older version of a draft would write it over the work done in
//! the other; instead, a tab takes every save another tab makes of the draft it has open.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser::use_on_first_draw;
use super::storage;
use crate::report::edit::editor::Draft;

/// Tells `onsaved` of each draft another tab of this browser saves. The browser reports those
/// saves to every other tab of the site, to one in the background as well, and (Chromium) to a
/// page it keeps for the back button when the clerk returns to it.
#[hook]
pub fn use_saves_elsewhere(onsaved: Callback<Draft>) {
    use_on_first_draw(Box::new(move || {
        let saved = onsaved.clone();
        let listener = EventListener::new(&gloo_utils::window(), "storage", move |e| {
            let e: &web_sys::StorageEvent = e.unchecked_ref();
            if let (Some(key), Some(text)) = (e.key(), e.new_value())
                && let Some(draft) = storage::draft_stored_as(&key, &text)
            {
                saved.emit(draft);
            }
        });
        // Firefox does not report them to a page it kept for the back button: when such a page
        // comes back, the draft stored last is told as if just saved (taken if it is the open
        // one, changed).
        let shown = EventListener::new(&gloo_utils::window(), "pageshow", move |e| {
            if e.unchecked_ref::<web_sys::PageTransitionEvent>().persisted()
                && let Some(draft) = storage::current()
            {
                onsaved.emit(draft);
            }
        });
        Box::new(move || drop((listener, shown)))
    }));
}
