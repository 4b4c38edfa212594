//! The form, laid out like the paper: the report's identity, then the six sections, each with its
//! text fields and its table, every finding shown where it belongs.

use yew::prelude::*;

use super::findings::{Place, messages};
use super::selection::PasteStatus;
use super::tables::{TableData, balance, table_view};
use super::texts::{meta_field, text_field};
use crate::report::Finding;
use crate::report::base::format::{self, FieldId, META_FIELDS, SECTIONS, Table, id_of};
use crate::report::check::rules::balances;
use crate::report::publish::draft_text::{DRAFTED, Position};

/// The form of the report in `table`. Until `complete`, tables 三 and 四 below the fold wait a task.
pub fn form(
    table: &TableData,
    findings: &[Finding],
    paste_status: Option<&PasteStatus>,
    complete: bool,
    onadopt: Callback<MouseEvent>,
    drafts: &Drafts,
) -> Html {
    let report = &table.report;
    let meta_cell = |id: FieldId| {
        html! {
            <div class="xx-meta-cell">
                { meta_field(id, report.text(id), table.marks.mark(id), &table.onedit) }
                { messages(findings, Place::Field(id)) }
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
                { messages(findings, Place::Field(id)) }
            </>
        }
    };
    let table_section = |which: Table| {
        html! {
            <>
                <div class="xx-table-wrap">{ table_view(table, which) }</div>
                if let Some(status) = paste_status.filter(|s| s.table == Some(which)) {
                    <p class={classes!("xx-status", if status.ok { "xx-ok" } else { "xx-error" })} role="status" data-testid="paste-status">
                        { &status.text }
                    </p>
                }
                if which == Table::Requests {
                    { balance(&balances(&table.sheet)) }
                }
                { messages(findings, Place::Table(which)) }
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
                    if section.table == Some(Table::Requests) && table.sheet.has_printed_totals() {
                        <p class="xx-notice" data-testid="printed-totals">
                            { "本报告带有原印制的合计数，与计算值不符之处已列为错误。" }
                            <button type="button" data-action="adopt-totals" onclick={onadopt.clone()}>
                                { "改用自动计算的合计" }
                            </button>
                        </p>
                    }
                    if let Some(which) = section.table {
                        if complete || which == Table::Proactive {
                            { table_section(which) }
                        } else {
                            <p class="xx-loading" aria-busy="true">{ "表格载入中……" }</p>
                        }
                    }
                </section>
            }
        </form>
    }
}

/// 按表格生成 in the form: the draft shown (for which text part), asking for one, placing it.
pub struct Drafts {
    pub shown: Option<(FieldId, String)>,
    pub onask: Callback<FieldId>,
    /// Where the shown draft goes; `None` puts it away.
    pub onplace: Callback<Option<Position>>,
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
