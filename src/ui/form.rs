//! The form, laid out like the paper: the report's identity, then the six sections, each with its
//! text fields and its table, every finding shown where it belongs.

use std::rc::Rc;

use yew::prelude::*;

use super::findings::{CellMarks, Place as FindingPlace, messages};
use super::jobs::draft_text;
use super::notice::{notice_at, notice_view};
use super::tables::{CellListeners, TableData, balance, table_view};
use super::texts::{meta_field, text_field};
use crate::report::Report;
use crate::report::base::format::{self, FieldId, META_FIELDS, SECTIONS, Table, id_of};
use crate::report::check::rules::balances;
use crate::report::edit::editor::Edit;
use crate::report::edit::review::Review;
use crate::report::edit::session::{Action, Notice, Place};
use crate::report::publish::draft_text::{DRAFTED, Position};

/// What the form is drawn from.
pub struct FormProps {
    pub review: Rc<Review>,
    pub marks: Rc<CellMarks>,
    /// Last year's report, which 按表格生成 compares with.
    pub last_year: Option<Rc<Report>>,
    /// The cells of the selected range, when it is more than one cell.
    pub selected: Rc<Vec<FieldId>>,
    /// The session's latest message: shown under a table when it is about a block pasted there.
    pub notice: Option<Notice>,
    /// 按表格生成's sentences shown under their text part.
    pub drafting: Option<(FieldId, String)>,
    /// Where edits go; it never changes, so unchanged cells are not redrawn.
    pub onedit: Callback<Edit>,
    /// What the tables' cells do.
    pub listeners: CellListeners,
    pub onaction: Callback<Action>,
}

/// The form of the report, laid out like the paper. A plain view: it is drawn anew with every
/// change of the report anyway, and its cells are the components that skip unchanged work.
pub fn form_view(props: &FormProps) -> Html {
    let review = &props.review;
    let table = TableData {
        report: review.report.clone(),
        sheet: review.sheet.clone(),
        marks: props.marks.clone(),
        hints: review.hints.clone(),
        selected: props.selected.clone(),
        onedit: props.onedit.clone(),
        listeners: props.listeners.clone(),
    };
    // 按表格生成: the worker drafts from the report as it is, with last year's beside it.
    let ondraft = {
        let (onaction, report, last_year) = (props.onaction.clone(), review.report.clone(), props.last_year.clone());
        Callback::from(move |id: FieldId| {
            let (onaction, file) = (onaction.clone(), report.to_file(last_year.as_deref()));
            wasm_bindgen_futures::spawn_local(async move {
                onaction.emit(match draft_text(&file, id).await {
                    Ok(text) => Action::ShowDraft(id, text),
                    Err(why) => Action::Tell(Notice::said(false, why)),
                });
            });
        })
    };
    let drafts =
        Drafts { shown: props.drafting.clone(), onask: ondraft, onplace: props.onaction.reform(Action::PlaceDraft) };
    let onadopt = props.onedit.reform(|_: MouseEvent| Edit::AdoptComputedTotals);
    let pasted = |which: Table| notice_at(props.notice.as_ref(), Place::Table(which)).map(|n| notice_view(n, None));
    form(&table, &review.findings, pasted, onadopt, &drafts)
}

fn form(
    table: &TableData,
    findings: &[crate::report::Finding],
    pasted: impl Fn(Table) -> Option<Html>,
    onadopt: Callback<MouseEvent>,
    drafts: &Drafts,
) -> Html {
    let report = &table.report;
    let meta_cell = |id: FieldId| {
        html! {
            <div class="xx-meta-cell">
                { meta_field(id, report.text(id), table.marks.mark(id), &table.onedit) }
                { messages(findings, FindingPlace::Field(id)) }
            </div>
        }
    };
    let field = |id: FieldId, label: &str| {
        let draftable = DRAFTED.contains(&format::field(id).key.as_str());
        html! {
            <>
                { text_field(id, report.text(id), table.marks.mark(id), &table.onedit, label) }
                if draftable {
                    <button type="button" class="xx-draft-button" data-action="draft-from-tables" data-for={format::field(id).key.clone()}
                        onclick={drafts.onask.reform(move |_: MouseEvent| id)}>{ "按表格生成" }</button>
                }
                if let Some((_, draft)) = drafts.shown.as_ref().filter(|(shown, _)| *shown == id) {
                    { draft_offer(draft, &drafts.onplace) }
                }
                { messages(findings, FindingPlace::Field(id)) }
            </>
        }
    };
    let table_section = |which: Table| {
        html! {
            <>
                <div class="xx-table-wrap">{ table_view(table, which) }</div>
                // An `if`, not an optional node: it keeps its slot when empty, and the table before it
                // (and the focus in it) is not drawn anew when the message comes.
                if let Some(notice) = pasted(which) {
                    { notice }
                }
                if which == Table::Requests {
                    { balance(&balances(&table.sheet)) }
                }
                { messages(findings, FindingPlace::Table(which)) }
            </>
        }
    };
    html! {
        <form class="xx-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset class="xx-identity">
                <legend>{ "报告信息" }</legend>
                for meta in META_FIELDS {
                    { meta_cell(id_of(meta.key)) }
                }
            </fieldset>
            for section in &SECTIONS {
                <section class="xx-section">
                    <h2>{ section.heading }</h2>
                    for part in section.parts {
                        { field(id_of(part.key()), part.label()) }
                    }
                    if section.table.is_some() && section.table == table.sheet.printed_totals_table() {
                        <p class="xx-notice" data-testid="printed-totals">
                            { "表中有照原样填入的合计数，与计算值不符之处已列为错误。" }
                            <button type="button" data-action="adopt-totals" onclick={onadopt.clone()}>
                                { "改用自动计算的合计" }
                            </button>
                        </p>
                    }
                    if let Some(which) = section.table {
                        { table_section(which) }
                    }
                </section>
            }
        </form>
    }
}

/// 按表格生成 in the form: the draft shown (for which text part), asking for one, placing it.
struct Drafts {
    shown: Option<(FieldId, String)>,
    onask: Callback<FieldId>,
    /// Where the shown draft goes; `None` puts it away.
    onplace: Callback<Option<Position>>,
}

/// The sentences 按表格生成 drafted, shown under their text part with where they may go.
fn draft_offer(draft: &str, onplace: &Callback<Option<Position>>) -> Html {
    let place = |to: Option<Position>| onplace.reform(move |_: MouseEvent| to);
    html! {
        <div class="xx-draft" role="group" aria-label="按表格生成的文字" data-testid="draft">
            <p class="xx-pre">{ draft }</p>
            <div class="xx-actions">
                <button type="button" data-action="draft-start" onclick={place(Some(Position::Start))}>{ "插入到开头" }</button>
                <button type="button" data-action="draft-end" onclick={place(Some(Position::End))}>{ "插入到末尾" }</button>
                <button type="button" data-action="draft-replace" onclick={place(Some(Position::Replace))}>{ "替换原有文字" }</button>
                <button type="button" data-action="draft-cancel" onclick={place(None)}>{ "不用" }</button>
            </div>
        </div>
    }
}
