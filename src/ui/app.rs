//! The whole widget: the report's identity, its six sections with their tables, the findings, and
//! the preview with its exports. Everything shown is derived from the one report in the state.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::findings::{CellMarks, FindingsPanel, Messages, Place};
use super::publish::Publish;
use super::state::{Action, State};
use super::tables::{AppealsTable, Balance, ProactiveTable, RequestsTable, TableProps};
use super::texts::{MetaField, TextField};
use crate::report::format::{self, FieldId, META_FIELDS, SECTIONS, Table, id_of};
use crate::report::rules::{balances, check_sheet};
use crate::report::{Severity, Sheet};

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let root = use_node_ref();
    let confirm_example = use_state(|| false);
    let dispatch = state.dispatcher();

    let report = Rc::new(state.report.clone());
    let sheet = Rc::new(Sheet::of(&report));
    let findings = Rc::new(check_sheet(&report, &sheet));
    let marks = Rc::new(CellMarks::of(&findings));
    let errors = findings.iter().filter(|f| f.severity() == Severity::Error).count();
    let table = TableProps { report: report.clone(), sheet: sheet.clone(), marks: marks.clone(), dispatch: dispatch.clone() };

    let onpick = {
        let root = root.clone();
        Callback::from(move |id: FieldId| {
            if let Some(root) = root.cast::<web_sys::Element>() {
                browser::focus_field(&root, &format::field(id).key);
            }
        })
    };
    let load_example = {
        let (dispatch, confirm_example, blank) = (dispatch.clone(), confirm_example.clone(), report.is_blank());
        Callback::from(move |_: MouseEvent| {
            if blank || *confirm_example {
                confirm_example.set(false);
                dispatch.dispatch(Action::LoadExample);
            } else {
                confirm_example.set(true);
            }
        })
    };
    let keep_report = {
        let confirm_example = confirm_example.clone();
        Callback::from(move |_: MouseEvent| confirm_example.set(false))
    };
    let adopt_totals = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::AdoptComputedTotals))
    };
    let field = |id: FieldId, label: Option<&'static str>| {
        html! {
            <>
                <TextField {id} text={report.text(id).to_string()} mark={marks.mark(id)}
                    dispatch={dispatch.clone()} label={label.map(AttrValue::from)} />
                <Messages findings={findings.clone()} place={Place::Field(id)} />
            </>
        }
    };
    let table_view = |which: Table| {
        let props = table.clone();
        let grid = match which {
            Table::Proactive => html! { <ProactiveTable ..props /> },
            Table::Requests => html! { <RequestsTable ..props /> },
            Table::Appeals => html! { <AppealsTable ..props /> },
        };
        html! {
            <>
                <div class="xx-table-wrap">{ grid }</div>
                if which == Table::Requests {
                    <Balance balances={Rc::new(balances(&sheet))} />
                }
                <Messages findings={findings.clone()} place={Place::Table(which)} />
            </>
        }
    };

    html! {
        <div class="xx-app" ref={root}>
            <header class="xx-bar">
                <h1>{ "政府信息公开工作年度报告 编制助手" }</h1>
                <div class="xx-tools">
                    <button type="button" data-action="load-example" onclick={load_example.clone()}>{ "载入示例" }</button>
                </div>
            </header>
            if *confirm_example {
                <div class="xx-confirm" role="alertdialog" aria-label="确认">
                    <p>{ "载入示例会替换当前填写的全部内容。确定吗？" }</p>
                    <button type="button" data-action="confirm-example" onclick={load_example}>{ "替换为示例" }</button>
                    <button type="button" data-action="cancel" onclick={keep_report}>{ "保留当前内容" }</button>
                </div>
            }
            <div class="xx-layout">
                <form class="xx-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <fieldset class="xx-identity">
                        <legend>{ "报告信息" }</legend>
                        for meta in META_FIELDS {
                            <div class="xx-meta-cell">
                                <MetaField id={id_of(meta.key)} text={report.text(id_of(meta.key)).to_string()}
                                    mark={marks.mark(id_of(meta.key))} dispatch={dispatch.clone()} />
                                <Messages findings={findings.clone()} place={Place::Field(id_of(meta.key))} />
                            </div>
                        }
                    </fieldset>
                    for section in &SECTIONS {
                        <section class="xx-section">
                            <h2>{ section.heading }</h2>
                            for part in section.parts {
                                { field(id_of(part.key), Some(part.label)) }
                            }
                            if section.table == Some(Table::Requests) && sheet.has_printed_totals() {
                                <p class="xx-notice" data-testid="printed-totals">
                                    { "本报告带有原印制的合计数，与计算值不符之处已列为错误。" }
                                    <button type="button" data-action="adopt-totals" onclick={adopt_totals.clone()}>
                                        { "改用自动计算的合计" }
                                    </button>
                                </p>
                            }
                            if let Some(which) = section.table {
                                { table_view(which) }
                            }
                        </section>
                    }
                </form>
                <aside class="xx-side">
                    <FindingsPanel findings={findings.clone()} {onpick} />
                </aside>
            </div>
            <Publish report={report.clone()} {errors} />
        </div>
    }
}
