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
    /// Where edits go; it never changes, so unchanged cells are not redrawn.
    pub onedit: Callback<Edit>,
    pub oncell: Callback<CellEvent>,
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
}

/// A cell for any number field: an input for what the clerk types, an output for a derived total.
fn value_cell(props: &TableData, id: FieldId, colspan: Option<String>) -> Html {
    let mark = props.marks.mark(id);
    let selected = props.selected.contains(&id).then_some("xx-selected");
    if format::field(id).kind == FieldKind::DerivedCount {
        let shown = props.sheet.display(&props.report, id);
        let origin = match props.sheet.entry(id) {
            Entry::Absent => "自动计算",
            Entry::Count(_) => "原报告印制的合计",
            _ => "原报告此格空白或有误，显示的是自动计算的值",
        };
        let field = format::field(id);
        let printed = props.sheet.is_printed(id).then_some("xx-printed");
        html! {
            <td colspan={colspan} class={classes!("xx-total", mark.as_ref().map(Mark::class), selected)}>
                <output class={classes!("xx-sum", printed)} tabindex="-1" data-key={field.key.clone()}
                    aria-label={format!("{}（{origin}）", field.place)} title={origin}
                    aria-invalid={mark.as_ref().map(|m| m.invalid().to_string())}
                    aria-describedby={mark.map(|m| m.described_by)} onmouseover={drag_over(id, &props.oncell)}>
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
            <td colspan={colspan} class={classes!("xx-cell", mark.as_ref().map(Mark::class), selected)}>
                <NumberCell {id} {text} mark={mark.clone()} {hint} onedit={props.onedit.clone()} oncell={props.oncell.clone()} />
                { tip(mark) }
            </td>
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct NumberCellProps {
    pub id: FieldId,
    pub text: AttrValue,
    pub mark: Option<Mark>,
    /// What the value is expected to be about, shown while the cell is empty.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub onedit: Callback<Edit>,
    pub oncell: Callback<CellEvent>,
}

/// The pointer passes over a cell: with the button down, the selected range grows to it.
fn drag_over(id: FieldId, oncell: &Callback<CellEvent>) -> Callback<MouseEvent> {
    let oncell = oncell.clone();
    Callback::from(move |e: MouseEvent| {
        if e.buttons() & 1 == 1 {
            oncell.emit(CellEvent::Drag(id));
        }
    })
}

/// The keys a spreadsheet has: arrows, Enter and Shift+Enter move (Enter after a run of Tabs back
/// to the column the run began in); Shift+arrows select a range;
/// Esc puts back the value the cell had when it was entered. Nothing moves while an input
/// method is composing.
fn cell_keys(
    id: FieldId,
    oncell: &Callback<CellEvent>,
    onedit: &Callback<Edit>,
    entered: Rc<RefCell<String>>,
) -> Callback<KeyboardEvent> {
    let (oncell, onedit) = (oncell.clone(), onedit.clone());
    Callback::from(move |e: KeyboardEvent| {
        if e.is_composing() || e.key() == "Process" || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
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
    })
}

/// One typed number. Its own component, so a keystroke re-renders only the cells whose text or
/// findings changed.
#[component]
pub fn NumberCell(props: &NumberCellProps) -> Html {
    let field = format::field(props.id);
    let entered = use_mut_ref(String::new);
    let onfocus = {
        let (id, oncell, entered, text) = (props.id, props.oncell.clone(), entered.clone(), props.text.clone());
        Callback::from(move |e: FocusEvent| {
            *entered.borrow_mut() = text.to_string();
            e.target_unchecked_into::<web_sys::HtmlInputElement>().select();
            oncell.emit(CellEvent::Focus(id));
        })
    };
    let onkeydown = cell_keys(props.id, &props.oncell, &props.onedit, entered);
    let onpaste = {
        let (id, oncell) = (props.id, props.oncell.clone());
        Callback::from(move |e: Event| {
            let e: web_sys::ClipboardEvent = e.unchecked_into();
            let text = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
            if is_block(&text) {
                e.prevent_default();
                oncell.emit(CellEvent::PasteBlock(id, text));
            }
        })
    };
    let onmouseover = drag_over(props.id, &props.oncell);
    let onblur = {
        let (id, onedit) = (props.id, props.onedit.clone());
        Callback::from(move |_: FocusEvent| onedit.emit(Edit::Leave(id)))
    };
    let oninput = {
        let (id, onedit) = (props.id, props.onedit.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            onedit.emit(input_edit(id, input.value(), &e));
        })
    };
    let inputmode = if field.kind == FieldKind::Amount { "decimal" } else { "numeric" };
    html! {
        <input type="text" {inputmode} autocomplete="off" class="xx-num"
            data-key={field.key.clone()} aria-label={field.place.clone()}
            aria-invalid={props.mark.as_ref().map(|m| m.invalid().to_string())}
            aria-describedby={props.mark.as_ref().map(|m| m.described_by.clone())}
            placeholder={props.hint.clone()} value={props.text.clone()} {oninput} {onfocus} {onblur} {onkeydown} {onpaste} {onmouseover} />
    }
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
    let layout = format::layout(table);
    let span = |n: u16| (n > 1).then(|| n.to_string());
    let label = |text: &'static str, rowspan: u16, colspan: u16, heads: Heads| {
        let class = if matches!(heads, Heads::Row | Heads::Rows) { "xx-label" } else { "xx-head" };
        html! { <th rowspan={span(rowspan)} colspan={span(colspan)} {class} scope={heads.scope()}>{ text }</th> }
    };
    html! {
        <table class="xx-table" data-table={table.key()}>
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
