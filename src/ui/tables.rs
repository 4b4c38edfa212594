//! The three tables laid out like the paper, from the format data: inputs for the cells a clerk
//! types, read-only outputs for the totals the format derives.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::findings::{CellMarks, Mark};
use super::state::input_edit;
use crate::report::base::format::{self, FieldId, FieldKind, Heads, LayoutCell, REQUEST_COLUMNS, Table};
use crate::report::check::rules::ColumnBalance;
use crate::report::data::sheet::Entry;
use crate::report::edit::editor::Edit;
use crate::report::edit::grid::{Move, is_block};
use crate::report::{Report, Sheet};

/// What every table is drawn from: the report, its sums, the findings per cell and where edits go.
/// The tables are plain functions of it, not components: they are redrawn whenever the report
/// changes anyway, and their cells are the components that skip unchanged work.
pub struct TableData {
    pub report: Rc<Report>,
    pub sheet: Rc<Sheet>,
    pub marks: Rc<CellMarks>,
    /// Expected values shown as placeholders (现行有效件数 from last year's report).
    pub hints: Rc<Vec<(FieldId, u64)>>,
    /// The cells of the selected range, when it is more than one cell.
    pub selected: Rc<Vec<FieldId>>,
    /// Where the text and identity fields' edits go.
    pub onedit: Callback<Edit>,
    /// What every table's cells do, one set of listeners per table.
    pub listeners: CellListeners,
}

/// What a cell tells the table around it, beyond edits: spreadsheet moves, range selection, a
/// pasted block.
#[derive(Debug, Clone, PartialEq)]
pub enum CellEvent {
    Focus(FieldId),
    Move {
        from: FieldId,
        to: Move,
        extend: bool,
    },
    /// The pointer passed over a cell with the button down: the range grows to it.
    Drag(FieldId),
    /// Several values pasted into a cell.
    PasteBlock(FieldId, String),
    /// Tab pressed in a cell: a run of Tabs along a row, which Enter ends.
    Tab(FieldId),
    /// Enter pressed in a cell (without Shift).
    Enter(FieldId),
    /// The focus went from the tables to something else in the page (a text, a button): the
    /// range selection ends, as a spreadsheet's does when the clerk types elsewhere.
    Away,
}

/// A cell for any number field: an input for what the clerk types, an output for a derived total.
fn value_cell(props: &TableData, id: FieldId, colspan: Option<String>) -> Html {
    let mark = props.marks.mark(id);
    let selected = props.selected.contains(&id).then_some("xx-selected");
    if format::field(id).kind == FieldKind::DerivedCount {
        let shown = props.sheet.display(&props.report, id);
        let origin = match props.sheet.entry(id) {
            Entry::Absent => "自动计算",
            Entry::Count(_) => "照原样填入的合计",
            _ => "原报告此格空白或有误，显示的是自动计算的值",
        };
        let field = format::field(id);
        let printed = props.sheet.is_printed(id).then_some("xx-printed");
        html! {
            <td colspan={colspan} class={classes!("xx-total", mark.as_ref().map(Mark::class), selected)}>
                <output class={classes!("xx-sum", printed)} tabindex="-1" data-key={field.key.clone()}
                    aria-label={format!("{}（{origin}）", field.place)} title={origin}
                    aria-invalid={mark.as_ref().map(|m| m.invalid().to_string())}
                    aria-describedby={mark.map(|m| m.described_by)}>
                    { shown }
                </output>
                { tip(props.marks.mark(id)) }
            </td>
        }
    } else {
        let text: AttrValue = props.report.text(id).to_string().into();
        let hint =
            props.hints.iter().find(|(hinted, _)| *hinted == id).map(|(_, n)| AttrValue::from(format!("约 {n}")));
        html! {
            <td colspan={colspan} class={classes!(mark.as_ref().map(Mark::class), selected)}>
                { number_input(id, text, mark.as_ref(), hint) }
                { tip(mark) }
            </td>
        }
    }
}

/// One typed number: a plain input, whose events the table's listeners take.
fn number_input(id: FieldId, text: AttrValue, mark: Option<&Mark>, hint: Option<AttrValue>) -> Html {
    let field = format::field(id);
    let inputmode = if field.kind == FieldKind::Amount { "decimal" } else { "numeric" };
    html! {
        <input {inputmode} autocomplete="off"
            data-key={field.key.clone()} aria-label={field.place.clone()}
            aria-invalid={mark.map(|m| m.invalid().to_string())}
            aria-describedby={mark.map(|m| m.described_by.clone())}
            placeholder={hint} value={text} />
    }
}

/// The listeners of a table's cells, set once on each table: an event finds its cell by the
/// `data-key` it carries (or the one in the table cell it happened in). One set for the ~200 cells,
/// rather than six listeners on each, draws the widget sooner.
#[derive(Clone, PartialEq)]
pub struct CellListeners {
    onfocusin: Callback<FocusEvent>,
    onfocusout: Callback<FocusEvent>,
    oninput: Callback<InputEvent>,
    onkeydown: Callback<KeyboardEvent>,
    onpaste: Callback<Event>,
    onmousemove: Callback<MouseEvent>,
}

/// The field an event happened in, and the element that holds it.
fn cell_of(e: &Event) -> Option<(FieldId, web_sys::Element)> {
    cell_in(e.target()?.dyn_into().ok()?)
}

/// The field under the pointer. Firefox sends the moves of a drag begun in a cell to that cell,
/// whatever the pointer is over, so the cell is found by the point.
fn cell_under(e: &MouseEvent) -> Option<FieldId> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let root: web_sys::ShadowRoot = target.get_root_node().dyn_into().ok()?;
    cell_in(root.element_from_point(e.client_x() as f32, e.client_y() as f32)?).map(|(id, _)| id)
}

/// The field of the table cell an element is in (a typed cell, or its padding), and its input.
fn cell_in(element: web_sys::Element) -> Option<(FieldId, web_sys::Element)> {
    let holder = element.closest("td").ok()??.query_selector("[data-key]").ok()??;
    Some((format::field_id(&holder.get_attribute("data-key")?)?, holder))
}

/// The typed cell an event happened in.
fn typed_cell(e: &Event) -> Option<(FieldId, web_sys::HtmlInputElement)> {
    cell_of(e).and_then(|(id, holder)| holder.dyn_into().ok().map(|input| (id, input)))
}

/// The cells' listeners, made once: edits go to `onedit`, moves and selection to `oncell`.
#[hook]
pub fn use_cell_listeners(onedit: Callback<Edit>, oncell: Callback<CellEvent>) -> CellListeners {
    // What the cell held when it was entered, which Esc puts back: one cell has the focus at a time.
    let entered = use_mut_ref(String::new);
    let listeners = use_memo((), move |_| {
        let onfocusin = {
            let (oncell, entered) = (oncell.clone(), entered.clone());
            Callback::from(move |e: FocusEvent| {
                let Some((id, input)) = typed_cell(&e) else { return };
                *entered.borrow_mut() = input.value();
                input.select();
                oncell.emit(CellEvent::Focus(id));
            })
        };
        let onfocusout = {
            let (onedit, oncell) = (onedit.clone(), oncell.clone());
            Callback::from(move |e: FocusEvent| {
                if let Some((id, _)) = typed_cell(&e) {
                    onedit.emit(Edit::Leave(id));
                }
                // Focus gone out of the page (another window) keeps the range.
                let to = e.related_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if to.is_some_and(|to| !matches!(to.closest(".xx-table"), Ok(Some(_)))) {
                    oncell.emit(CellEvent::Away);
                }
            })
        };
        let oninput = {
            let onedit = onedit.clone();
            Callback::from(move |e: InputEvent| {
                if let Some((id, input)) = typed_cell(&e) {
                    onedit.emit(input_edit(id, input.value(), &e));
                }
            })
        };
        let onkeydown = {
            let oncell = oncell.clone();
            Callback::from(move |e: KeyboardEvent| {
                if let Some((id, input)) = typed_cell(&e) {
                    cell_keys(&e, id, &input, &oncell, &onedit, &entered);
                }
            })
        };
        let onpaste = {
            let oncell = oncell.clone();
            Callback::from(move |e: Event| {
                let Some((id, _)) = typed_cell(&e) else { return };
                let e: web_sys::ClipboardEvent = e.unchecked_into();
                let text = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
                if is_block(&text) {
                    e.prevent_default();
                    oncell.emit(CellEvent::PasteBlock(id, text));
                }
            })
        };
        // The pointer moves with the button down: the selected range grows to the cell under it.
        let onmousemove = Callback::from(move |e: MouseEvent| {
            if e.buttons() & 1 == 1
                && let Some(id) = cell_under(&e)
            {
                oncell.emit(CellEvent::Drag(id));
            }
        });
        CellListeners { onfocusin, onfocusout, oninput, onkeydown, onpaste, onmousemove }
    });
    (*listeners).clone()
}

/// The keys a spreadsheet has: arrows, Enter and Shift+Enter move (Enter after a run of Tabs back
/// to the column the run began in); Shift+arrows select a range;
/// Esc puts back the value the cell had when it was entered. Nothing moves while an input
/// method is composing.
fn cell_keys(
    e: &KeyboardEvent,
    id: FieldId,
    input: &web_sys::HtmlInputElement,
    oncell: &Callback<CellEvent>,
    onedit: &Callback<Edit>,
    entered: &RefCell<String>,
) {
    if e.is_composing() || e.key() == "Process" || e.ctrl_key() || e.meta_key() || e.alt_key() {
        return;
    }
    let whole = input.selection_start().ok().flatten() == Some(0)
        && input.selection_end().ok().flatten() == Some(input.value().encode_utf16().count() as u32);
    let caret = input.selection_start().ok().flatten().unwrap_or(0);
    let at_end = caret as usize >= input.value().encode_utf16().count();
    let shift = e.shift_key();
    let to = match e.key().as_str() {
        // The browser moves the focus; the run of Tabs is noted for Enter.
        "Tab" => return oncell.emit(CellEvent::Tab(id)),
        "Enter" if !shift => {
            e.prevent_default();
            return oncell.emit(CellEvent::Enter(id));
        }
        "ArrowUp" => Move::Up,
        "ArrowDown" => Move::Down,
        "ArrowLeft" if shift || whole || caret == 0 => Move::Left,
        "ArrowRight" if shift || whole || at_end => Move::Right,
        "Enter" => Move::Up,
        "Escape" => {
            e.prevent_default();
            let original = entered.borrow().clone();
            if input.value() != original {
                input.set_value(&original);
                onedit.emit(Edit::Set(id, original));
            }
            input.select();
            return;
        }
        _ => return,
    };
    e.prevent_default();
    let extend = shift && e.key() != "Enter";
    oncell.emit(CellEvent::Move { from: id, to, extend });
}

/// A marked cell's messages, shown while the cell has the focus or the pointer (the style sheet
/// hides them otherwise); screen readers read them through `aria-describedby` instead.
fn tip(mark: Option<Mark>) -> Html {
    match mark {
        Some(mark) => html! {
            <span class={classes!("xx-tip", mark.class(), mark.placement())} aria-hidden="true" data-testid="cell-tip">{ mark.text }</span>
        },
        None => html! {},
    }
}

/// A table laid out like the paper, from the format's one layout of it.
pub fn table_view(props: &TableData, table: Table) -> Html {
    let (layout, l) = (format::layout(table), &props.listeners);
    let span = |n: u16| (n > 1).then(|| n.to_string());
    // A header cell needs no class: its `scope` says whether it labels a row (the style sheet
    // aligns those left) or heads columns; each class would be a set built anew on every keystroke.
    let label = |text: &'static str, rowspan: u16, colspan: u16, heads: Heads| {
        html! { <th rowspan={span(rowspan)} colspan={span(colspan)} scope={heads.scope()}>{ text }</th> }
    };
    html! {
        <table class="xx-table" data-table={table.key()} onfocusin={l.onfocusin.clone()} onfocusout={l.onfocusout.clone()}
            oninput={l.oninput.clone()} onkeydown={l.onkeydown.clone()} onpaste={l.onpaste.clone()} onmousemove={l.onmousemove.clone()}>
            for row in &layout.rows {
                <tr data-row={row.key}>
                    for cell in &row.cells {
                        { match *cell {
                            LayoutCell::Label { text, rowspan, colspan, heads } => label(text, rowspan, colspan, heads),
                            LayoutCell::Value { id, colspan } => value_cell(props, id, span(colspan)),
                        } }
                    }
                </tr>
            }
        </table>
    }
}

/// The rule table 三 prints in its own header, checked live for every column.
pub fn balance(balances: &[ColumnBalance]) -> Html {
    html! {
        <div class="xx-balance" data-testid="balance">
            <span class="xx-balance-title">{ "勾稽关系（一+二 = （七）总计+四）：" }</span>
            for (balance, column) in balances.iter().zip(REQUEST_COLUMNS.iter()) {
                { balance_item(balance, column.key) }
            }
        </div>
    }
}

fn balance_item(balance: &ColumnBalance, column: &'static str) -> Html {
    let show = |n: Option<u64>| n.map_or_else(|| "?".to_string(), |n| n.to_string());
    let (inflow, outflow) = (show(balance.inflow), show(balance.outflow));
    if balance.inflow.is_none() || balance.outflow.is_none() {
        return html! {
            <span class="xx-bal xx-bal-unknown" data-column={column} data-state="unknown">
                { format!("? {} 有无法识别的数字", balance.column) }
            </span>
        };
    }
    match balance.gap() {
        Some(_) if !balance.begun => html! {
            <span class="xx-bal xx-bal-pending" data-column={column} data-state="pending">
                { format!("{} 一+二 {inflow}，待填办理结果", balance.column) }
            </span>
        },
        Some(gap) => html! {
            <span class="xx-bal xx-bal-bad" data-column={column} data-state="bad">
                { format!("✗ {} 一+二 {inflow} ≠ {outflow}，差 {gap}", balance.column) }
            </span>
        },
        None => html! {
            <span class="xx-bal xx-bal-ok" data-column={column} data-state="ok">
                { format!("✓ {} {inflow} = {outflow}", balance.column) }
            </span>
        },
    }
}
