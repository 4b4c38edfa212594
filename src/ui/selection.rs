//! Spreadsheet entry over the tables: moving between cells, selecting a range (Shift+arrows or a
//! drag), and pasting a block; the tables speak to it in `CellEvent`s.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser;
use super::tables::{CellEvent, CellListeners, use_cell_listeners};
use crate::report::base::format::{self, FieldId};
use crate::report::edit::editor::Edit;
use crate::report::edit::grid::{after_enter, copy_range, range, same_row, step};
use crate::report::edit::review::Review;

/// Where a range selection starts, and whether the next focus extends it rather than starting anew.
#[derive(Default)]
struct Selecting {
    anchor: Option<FieldId>,
    extending: bool,
    /// Where the clerk's run of Tabs along a row began.
    tab_start: Option<FieldId>,
}

pub struct SheetEntry {
    /// Every cell of the selected range.
    pub selected: Rc<Vec<FieldId>>,
    /// The tables' cells' listeners, made once.
    pub listeners: CellListeners,
    /// Copies the selected range.
    pub oncopy: Callback<Event>,
}

/// Spreadsheet entry in the widget under `root`: typing goes to `onedit`, a pasted block with the
/// cell it was pasted at to `onpaste`.
#[hook]
pub fn use_sheet_entry(
    root: NodeRef,
    onedit: Callback<Edit>,
    onpaste: Callback<(FieldId, String)>,
    review: &Rc<Review>,
) -> SheetEntry {
    let selection = use_state_eq(|| None::<(FieldId, FieldId)>);
    // The anchor is kept aside (stable across renders) so that the cells' callback never changes.
    let anchor = use_mut_ref(Selecting::default);
    let oncell = {
        let selection = selection.setter();
        use_callback((), move |event: CellEvent, _| match event {
            CellEvent::Focus(id) => {
                let mut selecting = anchor.borrow_mut();
                selecting.tab_start = selecting.tab_start.filter(|&start| same_row(start, id));
                if !std::mem::take(&mut selecting.extending) {
                    selecting.anchor = Some(id);
                    selection.set(None);
                }
            }
            CellEvent::Tab(id) => {
                let mut selecting = anchor.borrow_mut();
                selecting.tab_start = Some(selecting.tab_start.filter(|&start| same_row(start, id)).unwrap_or(id));
            }
            CellEvent::Enter(id) => {
                let tab_start = anchor.borrow_mut().tab_start.take();
                if let (Some(target), Some(root)) = (after_enter(id, tab_start), root.cast::<web_sys::Element>()) {
                    browser::focus_field(&root, &format::field(target).key);
                }
            }
            CellEvent::Move { from, to, extend } => {
                let Some(target) = step(from, to) else { return };
                let start = {
                    let mut selecting = anchor.borrow_mut();
                    selecting.tab_start = None;
                    selecting.extending = extend;
                    selecting.anchor.unwrap_or(from)
                };
                selection.set(extend.then_some((start, target)));
                if let Some(root) = root.cast::<web_sys::Element>() {
                    browser::focus_field(&root, &format::field(target).key);
                }
            }
            CellEvent::Drag(id) => {
                if let Some(start) = anchor.borrow().anchor.filter(|&a| a != id) {
                    selection.set(Some((start, id)));
                }
            }
            CellEvent::PasteBlock(id, text) => {
                onpaste.emit((id, text));
            }
            CellEvent::Away => selection.set(None),
        })
    };
    let selected = Rc::new(selection.map(|(a, b)| range(a, b).concat()).unwrap_or_default());
    // Ctrl+C over a selected range copies it as rows of tab-separated cells, as a spreadsheet does;
    // a copy made anywhere else (a text, the HTML source) is the browser's.
    let oncopy = {
        let (review, selection, selected) = (review.clone(), *selection, selected.clone());
        Callback::from(move |e: Event| {
            let Some((a, b)) = selection else { return };
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let key = target.and_then(|t| t.get_attribute("data-key"));
            if !key.and_then(|key| format::field_id(&key)).is_some_and(|id| selected.contains(&id)) {
                return;
            }
            let e: web_sys::ClipboardEvent = e.unchecked_into();
            if let Some(data) = e.clipboard_data()
                && data.set_data("text/plain", &copy_range(&review.report, &review.sheet, a, b)).is_ok()
            {
                e.prevent_default();
            }
        })
    };
    let listeners = use_cell_listeners(onedit, oncell);
    SheetEntry { selected, listeners, oncopy }
}
