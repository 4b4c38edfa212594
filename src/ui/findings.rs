//! Findings where the mistake is: marks on cells, messages under their table or field, and the
//! panel that lists them all and takes the clerk to each one.

use yew::prelude::*;

use crate::report::base::format::{self, FieldId, Table};
use crate::report::check::rules::findings_by_field;
use crate::report::edit::review::{Progress, Review};
use crate::report::publish::open::STILL_OPEN;
use crate::report::{Finding, Severity};

/// The DOM id of a finding's message, which marked cells point at with `aria-describedby`.
pub fn message_id(index: usize) -> String {
    format!("xx-f-{index}")
}

/// How a cell shows the findings that concern it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub severity: Severity,
    pub described_by: AttrValue,
    /// The messages, shown beside the cell while it has the focus or the pointer.
    pub text: AttrValue,
    /// A finding names cells above or below this one (a column's sum): its messages are shown
    /// at the cell's side, not over the cells the clerk must compare.
    pub beside: bool,
}

impl Mark {
    pub fn class(&self) -> &'static str {
        match self.severity {
            Severity::Error => "xx-has-error",
            Severity::Warning => "xx-has-warning",
        }
    }

    /// Where the tip goes: below the cell, or at its side.
    pub fn placement(&self) -> Option<&'static str> {
        self.beside.then_some("xx-beside")
    }

    /// `aria-invalid` is for errors; a warning is described, not invalid.
    pub fn invalid(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The mark of every field, worked out once per change of the findings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CellMarks(Vec<Option<Mark>>);

impl CellMarks {
    pub fn of(findings: &[Finding]) -> Self {
        let marks = findings_by_field(findings)
            .into_iter()
            .map(|indices| {
                let severity = indices.iter().map(|&i| findings[i].severity()).min()?;
                let ids: Vec<String> = indices.iter().map(|&i| message_id(i)).collect();
                let text: Vec<&str> = indices.iter().map(|&i| findings[i].message.as_str()).collect();
                let beside = indices.iter().any(|&i| spans_rows(&findings[i]));
                Some(Mark { severity, described_by: ids.join(" ").into(), text: text.join("\n").into(), beside })
            })
            .collect();
        CellMarks(marks)
    }

    pub fn mark(&self, id: FieldId) -> Option<Mark> {
        self.0.get(id).cloned().flatten()
    }
}

/// True when a finding names cells of more than one table row (`requests.<row>.<column>`).
fn spans_rows(finding: &Finding) -> bool {
    let row = |id: &FieldId| format::field(*id).key.rsplit_once('.').map(|(row, _)| row);
    let first = finding.fields.first().map(row);
    finding.fields.iter().any(|id| Some(row(id)) != first)
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "xx-error",
        Severity::Warning => "xx-warning",
    }
}

fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✗",
        Severity::Warning => "!",
    }
}

/// Where a finding's message is shown in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Table(Table),
    /// Under a text or identity field.
    Field(FieldId),
}

pub fn place_of(finding: &Finding) -> Option<Place> {
    let first = *finding.fields.first()?;
    Some(match format::field(first).table {
        Some(table) => Place::Table(table),
        None => Place::Field(first),
    })
}

/// The messages of the findings that belong at one place: under a table, or under a field.
pub fn messages(findings: &[Finding], place: Place) -> Html {
    let here: Vec<(usize, &Finding)> =
        findings.iter().enumerate().filter(|(_, f)| place_of(f) == Some(place)).collect();
    if here.is_empty() {
        return html! {};
    }
    html! {
        <ul class="xx-messages">
            for (index, finding) in here {
                <li id={message_id(index)} class={severity_class(finding.severity())} data-rule={finding.rule.id()}>
                    <span class="xx-icon" aria-hidden="true">{ severity_icon(finding.severity()) }</span>
                    <span class="xx-sev">{ finding.severity().label() }</span>{ "：" }{ &finding.message }
                </li>
            }
        </ul>
    }
}

/// What the findings beside the form are drawn from.
pub struct SidePanelProps<'a> {
    pub review: &'a Review,
    /// The draft's open notes of an import.
    pub notes: &'a [Finding],
    /// In a narrow column the panel is a bar at the bottom of the screen; open, it covers the form.
    pub open: bool,
    /// Opens or closes it.
    pub ontoggle: Callback<bool>,
    /// Takes the clerk to a field (and closes the open bar, to show the cell).
    pub onpick: Callback<FieldId>,
    /// 全部检查.
    pub oncheckall: Callback<()>,
    pub ondismiss: Callback<Finding>,
}

/// The findings beside the form. A plain view over its props.
pub fn side_panel(props: &SidePanelProps) -> Html {
    let (review, open) = (props.review, props.open);
    let ontoggle = props.ontoggle.reform(move |_: MouseEvent| !open);
    let onpick = {
        let (ontoggle, onpick) = (props.ontoggle.clone(), props.onpick.clone());
        Callback::from(move |id: FieldId| {
            ontoggle.emit(false);
            onpick.emit(id);
        })
    };
    html! {
        <aside class={classes!("xx-side", open.then_some("xx-open"))}>
            <button type="button" class="xx-summary" data-action="toggle-findings" aria-expanded={open.to_string()}
                onclick={ontoggle}>
                { "检查结果：错误 " }{ review.errors.len() }{ "，提醒 " }{ review.warnings() }
                if !review.unlisted.is_empty() {
                    { "，尚未填完 " }{ review.unlisted.len() }
                }
                <span aria-hidden="true">{ if open { " ▼ 收起" } else { " ▲ 展开" } }</span>
            </button>
            { findings_panel(review, props.notes, &onpick, &props.oncheckall.reform(|_: MouseEvent| ()), &props.ondismiss) }
        </aside>
    }
}

/// Every finding, errors first, with counts, then what is still open that no finding speaks of;
/// choosing one calls `onpick` with the field to take the clerk to. It opens with what to do next
/// while the report is still being begun.
fn findings_panel(
    review: &Review,
    notes: &[Finding],
    onpick: &Callback<FieldId>,
    oncheckall: &Callback<MouseEvent>,
    ondismiss: &Callback<Finding>,
) -> Html {
    let (findings, progress, unlisted) = (&review.findings, review.progress, &review.unlisted);
    let (errors, warnings) = (review.errors.len(), review.warnings());
    // Errors first, each kind in form order.
    let (mut ordered, warned): (Vec<&Finding>, Vec<&Finding>) =
        findings.iter().partition(|f| f.severity() == Severity::Error);
    ordered.extend(warned);
    html! {
        <section class="xx-panel" aria-label="检查结果">
            <h2 class="xx-panel-title">
                { "检查结果 " }
                <span class="xx-count xx-error" data-testid="error-count">{ "错误 " }{ errors }</span>
                { " " }
                <span class="xx-count xx-warning" data-testid="warning-count">{ "提醒 " }{ warnings }</span>
            </h2>
            { match progress {
                Progress::Fresh => html! {
                    <p class="xx-next" data-testid="next-step">
                        { "从“报告信息”开始：填写机关全称和报告年度，再逐节填写正文和三张表，填写时会随时检查。已有上年的报告文件或网页的，可点上方“从上年报告开始”。" }
                    </p>
                },
                Progress::HoldingBack(held) => html! {
                    <p class="xx-next" data-testid="next-step">
                        { format!("尚未开始填写的表格和正文暂不检查（{held} 项）。填完后请点：") }
                        <button type="button" data-action="check-all" onclick={oncheckall.clone()}>{ "检查全部" }</button>
                    </p>
                },
                Progress::Complete => html! {},
            } }
            if review.all_done() {
                <p class="xx-all-good">{ "✓ 没有发现问题。" }</p>
            } else if !findings.is_empty() || !unlisted.is_empty() {
                <ol class="xx-panel-list">
                    for finding in ordered {
                        { panel_item(finding, onpick, notes.contains(finding).then_some(ondismiss)) }
                    }
                    for (said, id) in unlisted {
                        <li data-testid="open-item">
                            <button type="button" class="xx-finding" onclick={onpick.reform({ let id = *id; move |_: MouseEvent| id })}>
                                <span class="xx-sev">{ STILL_OPEN }</span>{ "：" }{ said }
                            </button>
                        </li>
                    }
                </ol>
            }
        </section>
    }
}

/// One finding of the panel; a note of the import can be dismissed.
fn panel_item(finding: &Finding, onpick: &Callback<FieldId>, ondismiss: Option<&Callback<Finding>>) -> Html {
    let first = finding.fields.first().copied();
    let onclick = {
        let onpick = onpick.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = first {
                onpick.emit(id);
            }
        })
    };
    html! {
        <li class={severity_class(finding.severity())}>
            <button type="button" class="xx-finding" data-rule={finding.rule.id()}
                data-target={first.map(|id| format::field(id).key.clone())} {onclick}>
                <span class="xx-icon" aria-hidden="true">{ severity_icon(finding.severity()) }</span>
                <span class="xx-sev">{ finding.severity().label() }</span>{ "：" }{ &finding.message }
            </button>
            if let Some(ondismiss) = ondismiss {
                <button type="button" class="xx-dismiss" data-action="dismiss-note"
                    onclick={ondismiss.reform({ let note = finding.clone(); move |_: MouseEvent| note.clone() })}>
                    { "已核对" }
                </button>
            }
        </li>
    }
}
