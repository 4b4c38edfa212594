//! The three tables laid out like the paper, from the format data: inputs for the cells a clerk
//! types, read-only outputs for the totals the format derives.

use std::rc::Rc;

use yew::prelude::*;

use super::findings::{CellMarks, Mark};
use super::state::{State, input_edit};
use crate::report::format::{
    self, APPEAL_COLUMNS, APPEAL_GROUPS, APPEALS_HEADER, FieldId, FieldKind, LabelCell, PROACTIVE,
    PROACTIVE_ITEM_HEADER, PROACTIVE_WIDTH, REQUEST_COLUMNS, REQUEST_ROWS, REQUESTS_HEADER, appeal_cell, request_cell,
};
use crate::report::rules::ColumnBalance;
use crate::report::sheet::Entry;
use crate::report::{Report, Sheet};

/// What every table needs: the report, its sums, the findings per cell and where edits go.
#[derive(Properties, PartialEq, Clone)]
pub struct TableProps {
    pub report: Rc<Report>,
    pub sheet: Rc<Sheet>,
    pub marks: Rc<CellMarks>,
    /// Expected values shown as placeholders (现行有效件数 from last year's report).
    pub hints: Rc<Vec<(FieldId, u64)>>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// A cell for any number field: an input for what the clerk types, an output for a derived total.
fn value_cell(props: &TableProps, id: FieldId, colspan: Option<u16>) -> Html {
    let mark = props.marks.mark(id);
    let colspan = colspan.map(|c| c.to_string());
    if format::field(id).kind == FieldKind::DerivedCount {
        let shown = props.sheet.display(&props.report, id);
        let origin = match props.sheet.entry(id) {
            Entry::Absent => "自动计算",
            Entry::Count(_) => "原报告印制的合计",
            _ => "原报告此格空白或有误，显示的是自动计算的值",
        };
        html! {
            <td colspan={colspan} class={classes!("xx-total", mark.as_ref().map(Mark::class))}>
                <TotalCell {id} {shown} printed={props.sheet.is_printed(id)} {origin} {mark} />
            </td>
        }
    } else {
        let text: AttrValue = props.report.text(id).to_string().into();
        let hint = props.hints.iter().find(|(hinted, _)| *hinted == id).map(|(_, n)| AttrValue::from(format!("约 {n}")));
        html! {
            <td colspan={colspan} class={classes!("xx-cell", mark.as_ref().map(Mark::class))}>
                <NumberCell {id} {text} {mark} {hint} dispatch={props.dispatch.clone()} />
            </td>
        }
    }
}

fn label_cell(cell: &LabelCell, class: &'static str) -> Html {
    let rowspan = (cell.rowspan > 1).then(|| cell.rowspan.to_string());
    let colspan = (cell.colspan > 1).then(|| cell.colspan.to_string());
    html! { <th {rowspan} {colspan} {class} scope="row">{ cell.text }</th> }
}

#[derive(Properties, PartialEq)]
pub struct NumberCellProps {
    pub id: FieldId,
    pub text: AttrValue,
    pub mark: Option<Mark>,
    /// What the value is expected to be about, shown while the cell is empty.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// One typed number. Its own component, so a keystroke re-renders only the cells whose text or
/// findings changed.
#[component]
pub fn NumberCell(props: &NumberCellProps) -> Html {
    let field = format::field(props.id);
    let oninput = {
        let (id, dispatch) = (props.id, props.dispatch.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(input_edit(id, input.value(), &e));
        })
    };
    let inputmode = if field.kind == FieldKind::Amount { "decimal" } else { "numeric" };
    html! {
        <input type="text" {inputmode} autocomplete="off" class="xx-num"
            data-key={field.key.clone()} aria-label={field.place.clone()}
            aria-invalid={props.mark.as_ref().map(|m| m.invalid().to_string())}
            aria-describedby={props.mark.as_ref().map(|m| m.described_by.clone())}
            placeholder={props.hint.clone()} value={props.text.clone()} {oninput} />
    }
}

#[derive(Properties, PartialEq)]
pub struct TotalCellProps {
    pub id: FieldId,
    pub shown: String,
    /// The total was printed in the report (an imported one), not computed here.
    pub printed: bool,
    /// Where the value shown comes from, said to the clerk.
    pub origin: &'static str,
    pub mark: Option<Mark>,
}

#[component]
pub fn TotalCell(props: &TotalCellProps) -> Html {
    let field = format::field(props.id);
    let title = props.origin;
    html! {
        <output class={classes!("xx-sum", props.printed.then_some("xx-printed"))} tabindex="-1"
            data-key={field.key.clone()} aria-label={format!("{}（{title}）", field.place)} {title}
            aria-invalid={props.mark.as_ref().map(|m| m.invalid().to_string())}
            aria-describedby={props.mark.as_ref().map(|m| m.described_by.clone())}>
            { &props.shown }
        </output>
    }
}

#[component]
pub fn ProactiveTable(props: &TableProps) -> Html {
    let value_span = PROACTIVE_WIDTH - 1;
    html! {
        <table class="xx-table" data-table="proactive">
            for block in PROACTIVE {
                <tr><th colspan={PROACTIVE_WIDTH.to_string()} class="xx-head">{ block.article }</th></tr>
                <tr>
                    <th class="xx-head">{ PROACTIVE_ITEM_HEADER }</th>
                    for column in block.columns {
                        <th class="xx-head" colspan={(block.columns.len() == 1).then(|| value_span.to_string())}>{ *column }</th>
                    }
                </tr>
                for row in block.rows {
                    <tr>
                        <th class="xx-label" scope="row">{ row.label }</th>
                        for key in row.keys {
                            { value_cell(props, format::id_of(key), (row.keys.len() == 1).then_some(value_span)) }
                        }
                    </tr>
                }
            }
        </table>
    }
}

#[component]
pub fn RequestsTable(props: &TableProps) -> Html {
    html! {
        <table class="xx-table" data-table="requests">
            for header in REQUESTS_HEADER {
                <tr>{ for header.iter().map(|cell| label_cell(cell, "xx-head")) }</tr>
            }
            for (r, row) in REQUEST_ROWS.iter().enumerate() {
                <tr data-row={row.key}>
                    { for row.labels.iter().map(|cell| label_cell(cell, "xx-label")) }
                    for c in 0..REQUEST_COLUMNS.len() {
                        { value_cell(props, request_cell(r, c), None) }
                    }
                </tr>
            }
        </table>
    }
}

#[component]
pub fn AppealsTable(props: &TableProps) -> Html {
    html! {
        <table class="xx-table" data-table="appeals">
            for header in APPEALS_HEADER {
                <tr>{ for header.iter().map(|cell| label_cell(cell, "xx-head")) }</tr>
            }
            <tr>
                for g in 0..APPEAL_GROUPS.len() {
                    for c in 0..APPEAL_COLUMNS.len() {
                        { value_cell(props, appeal_cell(g, c), None) }
                    }
                }
            </tr>
        </table>
    }
}

#[derive(Properties, PartialEq)]
pub struct BalanceProps {
    pub balances: Rc<Vec<ColumnBalance>>,
}

/// The rule table 三 prints in its own header, checked live for every column.
#[component]
pub fn Balance(props: &BalanceProps) -> Html {
    html! {
        <div class="xx-balance" data-testid="balance">
            <span class="xx-balance-title">{ "勾稽关系（一+二 = （七）总计+四）：" }</span>
            for (balance, column) in props.balances.iter().zip(REQUEST_COLUMNS.iter()) {
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
