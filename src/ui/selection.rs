//! Spreadsheet entry over the tables: moving between cells, selecting a range (Shift+arrows or a
//! drag), and pasting a block; the tables speak to it in `CellEvent`s.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::tables::CellEvent;
use crate::report::base::format::{self, FieldId, Table};
use crate::report::edit::editor::Edit;
use crate::report::edit::grid::{after_enter, paste_block, range, same_row, step};

/// Where a range selection starts, and whether the next focus extends it rather than starting anew.
#[derive(Default)]
struct Selecting {
    anchor: Option<FieldId>,
    extending: bool,
    /// Where the clerk's run of Tabs along a row began.
    tab_start: Option<FieldId>,
}

/// What the last block paste into a table did, shown under that table.
#[derive(Debug, Clone, PartialEq)]
pub struct PasteStatus {
    pub table: Option<Table>,
    pub ok: bool,
    pub text: String,
}

pub struct SheetEntry {
    /// The selected range's corners, when it is more than one cell.
    pub selection: Option<(FieldId, FieldId)>,
    /// Every cell of the selected range.
    pub selected: Rc<Vec<FieldId>>,
    /// What the cells report; it never changes, so unchanged cells are not redrawn.
    pub oncell: Callback<CellEvent>,
    pub paste_status: Option<PasteStatus>,
}

/// Spreadsheet entry in the widget under `root`; a pasted block goes to `onedit` as one step.
#[hook]
pub fn use_sheet_entry(root: NodeRef, onedit: Callback<Edit>) -> SheetEntry {
    let selection = use_state_eq(|| None::<(FieldId, FieldId)>);
    // The anchor is kept aside (stable across renders) so that the cells' callback never changes.
    let anchor = use_mut_ref(Selecting::default);
    let paste_status = use_state(|| None::<PasteStatus>);
    let oncell = {
        let (selection, paste_status) = (selection.setter(), paste_status.setter());
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
                let table = format::field(id).table;
                let status = match paste_block(id, &text) {
                    Ok(pasted) => {
                        onedit.emit(Edit::SetMany(pasted.cells));
                        PasteStatus { table, ok: true, text: pasted.message }
                    }
                    Err(why) => PasteStatus { table, ok: false, text: why },
                };
                paste_status.set(Some(status));
            }
        })
    };
    let selected = Rc::new(selection.map(|(a, b)| range(a, b).concat()).unwrap_or_default());
    SheetEntry { selection: *selection, selected, oncell, paste_status: (*paste_status).clone() }
}
