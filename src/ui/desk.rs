//! The review desk's page (review.html): the 政务公开办 chooses or drops many report files or whole
//! folders; a worker reads and checks each (the page never freezes); the table of every report
//! sorts, filters by rule and opens a report to its findings and its preview; 下载汇总 and
//! 导出问题清单 write what the command line's `xxgk sum` and `xxgk audit --csv` write. Its own module,
//! loader and shadow root: the clerk's widget carries none of it. The state is the core's [`Desk`].

mod intake;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object};
use wasm_bindgen::JsValue;
use web_sys::{DragEvent, HtmlSelectElement};
use yew::prelude::*;

use super::{browser, mount_app};
use crate::report::data::finding::Severity;
use crate::report::edit::desk::{Desk, DeskAction};
use crate::report::edit::session::Tone;
use crate::report::publish::audit_page::{DeskSum, desk_sum, findings_csv};
use crate::report::publish::open::{STILL_OPEN, rules_and_open};
use crate::report::read::audit::{Column, needs_attention};
use crate::report::render;
use intake::{Intake, use_intake};

/// The id of the host page's element the review desk lives in.
pub const HOST_ID: &str = "xxgk-nianbao-review";

/// style/base.css and style/desk.css, minified by style/build.rs.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/desk.css"));

thread_local! {
    static MOUNTED: RefCell<Option<yew::AppHandle<DeskPage>>> = const { RefCell::new(None) };
}

/// Mounts the review desk inside an open shadow root of `<div id="xxgk-nianbao-review">`.
pub fn mount() {
    mount_app(&MOUNTED, HOST_ID, "审核台", STYLE, || {}, |_| Default::default());
}

impl Reducible for Desk {
    type Action = DeskAction;

    fn reduce(self: Rc<Self>, action: DeskAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

/// Words compared as the browser collates Chinese (by pinyin).
fn chinese_collation() -> impl Fn(&str, &str) -> std::cmp::Ordering {
    let collator = js_sys::Intl::Collator::new(&Array::of1(&"zh-CN".into()), &Object::new()).compare();
    move |a: &str, b: &str| {
        let order = collator.call2(&JsValue::NULL, &a.into(), &b.into()).ok().and_then(|o| o.as_f64()).unwrap_or(0.0);
        order.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
    }
}

#[function_component(DeskPage)]
pub fn desk_page() -> Html {
    let desk = use_reducer(Desk::default);
    let dispatcher = desk.dispatcher();
    let onaction = dispatcher.to_callback();
    let reading = desk.reading.is_some();

    let Intake { onchoose, ondrop } = use_intake(dispatcher.clone(), reading);
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let onfilter = onaction.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let listed = select.value();
        DeskAction::FilterBy((!listed.is_empty()).then_some(listed))
    });
    // The 汇总 is downloaded before the desk is told it was: a download the browser refused is said so.
    let onsum = {
        let desk = desk.clone();
        Callback::from(move |_: MouseEvent| match desk_sum(&desk.rows) {
            Err(why) => desk.dispatch(DeskAction::Say(Tone::Failed, why)),
            Ok(sum) if sum.asks_first() => desk.dispatch(DeskAction::Summed(sum)),
            Ok(sum) => match download_sum(&sum) {
                Ok(()) => desk.dispatch(DeskAction::Summed(sum)),
                Err(why) => desk.dispatch(DeskAction::Say(Tone::Failed, why)),
            },
        })
    };
    let onanswer = {
        let desk = desk.clone();
        Callback::from(move |anyway: bool| {
            let downloaded = match (anyway, &desk.asking) {
                (true, Some(sum)) => download_sum(sum),
                _ => Ok(()),
            };
            desk.dispatch(DeskAction::AnswerSum(anyway && downloaded.is_ok()));
            if let Err(why) = downloaded {
                desk.dispatch(DeskAction::Say(Tone::Failed, why));
            }
        })
    };
    let oncsv = {
        let desk = desk.clone();
        Callback::from(move |_: MouseEvent| {
            desk.dispatch(
                match browser::download("问题清单.csv", "text/csv;charset=utf-8", &findings_csv(&desk.rows)) {
                    Ok(()) => DeskAction::Say(Tone::Done, format!("已导出问题清单：{} 行。", desk.finding_rows())),
                    Err(_) => DeskAction::Say(Tone::Failed, "浏览器未能下载问题清单".into()),
                },
            );
        })
    };
    let onclear = onaction.reform(|_: MouseEvent| DeskAction::Clear);
    let none_read = desk.rows.is_empty() || reading;

    html! {
        <div class="xd-desk" ondragover={ondragover} ondrop={ondrop}>
            <h1>{ "政府信息公开工作年度报告 审核台" }</h1>
            <p class="xd-intro">
                { "选择或拖入各单位报送的年度报告（本工具的报告文件，或网页、Word、WPS、PDF 文件），可以整个文件夹一起。" }
                { "文件只在本机浏览器中读取，不会上传，也不保存：刷新本页后请重新选择。" }
            </p>
            <div class="xd-intake">
                <label class={classes!("xd-file-button", reading.then_some("xd-busy"))}>{ "选择文件" }
                    <input type="file" multiple=true data-action="choose-files" disabled={reading} onchange={onchoose.clone()} />
                </label>
                <label class={classes!("xd-file-button", reading.then_some("xd-busy"))}>{ "选择文件夹" }
                    <input type="file" webkitdirectory=true data-action="choose-folder" disabled={reading} onchange={onchoose} />
                </label>
                <span class="xd-drop">{ "或把文件、文件夹拖到本区域" }</span>
            </div>
            // Until the first file is read the progress stands alone; then it takes the summary's
            // place in the table's tool bar, so that the table does not move up under the pointer
            // when reading ends.
            if desk.rows.is_empty() {
                { progress(&desk) }
            }
            if let Some((tone, said)) = &desk.said {
                <p class={classes!("xd-said", tone_class(*tone))} role="status">{ said }</p>
            }
            if let Some(sum) = &desk.asking {
                <div class="xd-question" role="alertdialog" aria-label="汇总前确认">
                    for concern in sum.concerns() {
                        <p>{ concern.asked }</p>
                        <ul data-role={concern.role}>{ for concern.items.iter().map(|item| html! { <li>{ item }</li> }) }</ul>
                    }
                    <p>{ "仍要下载汇总吗？" }</p>
                    <button data-action="sum-anyway" onclick={onanswer.reform(|_| true)}>{ "仍要下载" }</button>
                    <button data-action="sum-cancel" onclick={onanswer.reform(|_| false)}>{ "取消" }</button>
                </div>
            }
            if !desk.rows.is_empty() {
                <div class="xd-tools">
                    if desk.reading.is_some() {
                        { progress(&desk) }
                    } else {
                        <span data-role="summary">{ format!("共 {} 个文件，{}。", desk.rows.len(), needs_attention(&desk.rows, desk.unfinished())) }</span>
                    }
                    <label>{ "只看规则：" }
                        <select data-action="filter" onchange={onfilter}>
                            <option value="" selected={desk.filter.is_none()}>{ "全部" }</option>
                            { for desk.filters().into_iter().map(|listed| html! {
                                <option value={listed} selected={desk.filter.as_deref() == Some(listed)}>{ listed }</option>
                            }) }
                        </select>
                    </label>
                    <button data-action="download-sum" disabled={none_read} onclick={onsum}>{ "下载汇总" }</button>
                    <button data-action="download-csv" disabled={none_read} onclick={oncsv}>{ "导出问题清单" }</button>
                    <button data-action="clear" disabled={reading} onclick={onclear}>{ "清空" }</button>
                </div>
                <div class="xd-table-wrap">{ reports_table(&desk, &onaction) }</div>
            }
        </div>
    }
}

/// How far the reading has come, while files are read.
fn progress(desk: &Desk) -> Html {
    let Some(reading) = &desk.reading else { return html! {} };
    html! {
        <span class="xd-progress" role="status">
            <progress aria-label="读取进度" max={reading.files.len().to_string()} value={reading.done.to_string()} />
            { format!(" 正在读取 {}/{}：{}", reading.done + 1, reading.files.len(), reading.current().unwrap_or_default()) }
        </span>
    }
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Done => "xd-done",
        Tone::Reminder => "xd-reminder",
        Tone::Failed => "xd-failed",
    }
}

fn download_sum(sum: &DeskSum) -> Result<(), String> {
    browser::download(&sum.file_name, "application/json", &sum.file).map_err(|_| "浏览器未能下载汇总".to_string())
}

/// The table of every file read, sorted and filtered as the desk says, the open report's row
/// followed by its findings and preview.
fn reports_table(desk: &Desk, onaction: &Callback<DeskAction>) -> Html {
    let header = |column: Column| {
        let sorted = desk.sort.filter(|(sorted, _)| *sorted == column).map(|(_, upwards)| upwards);
        let (aria, mark) = match sorted {
            Some(true) => ("ascending", " ▲"),
            Some(false) => ("descending", " ▼"),
            None => ("none", ""),
        };
        let onclick = onaction.reform(move |_: MouseEvent| DeskAction::SortBy(column));
        html! { <th aria-sort={aria}><button data-sort={column.key()} {onclick}>{ column.label() }{ mark }</button></th> }
    };
    html! {
        <table class="xd-reports">
            <thead><tr>{ for Column::ALL.into_iter().map(header) }</tr></thead>
            <tbody>
                { for desk.shown(&chinese_collation()).into_iter().map(|n| report_row(desk, n, onaction)) }
            </tbody>
        </table>
    }
}

fn report_row(desk: &Desk, n: usize, onaction: &Callback<DeskAction>) -> Html {
    let row = &desk.rows[n];
    let open = desk.opened == Some(n);
    let ontoggle = onaction.reform(move |_: MouseEvent| DeskAction::Open(if open { None } else { Some(n) }));
    // Each row is keyed by the file it shows: unkeyed, a row's elements were given to the next file
    // as the list grew, and the focus on a report's button moved to its neighbour's.
    let file = html! {
        <td><button class="xd-open" aria-expanded={open.to_string()} onclick={ontoggle}>{ &row.file }</button></td>
    };
    match &row.read {
        Ok(a) => {
            let unfilled = &desk.open[n];
            html! {
                <key={n}>
                    <tr class={classes!(row.failed().then_some("xd-failed-row"))} data-file={row.file.clone()}
                        data-errors={a.errors().to_string()} data-warnings={a.warnings().to_string()}>
                        { file }
                        <td>{ a.agency() }</td>
                        <td>{ a.year() }</td>
                        <td>{ &a.format }</td>
                        <td class="xd-n">{ a.errors() }</td>
                        <td class="xd-n">{ a.warnings() }</td>
                        <td>{ rules_and_open(a, unfilled).join(", ") }</td>
                    </tr>
                    if open {
                        <tr class="xd-opened"><td colspan={Column::ALL.len().to_string()}>
                            if a.findings.is_empty() && unfilled.is_empty() {
                                <p class="xd-done">{ "没有发现问题。" }</p>
                            } else {
                                <ul class="xd-findings">
                                    { for a.errors_first().map(|f| {
                                        let class = if f.severity() == Severity::Error { "xd-error" } else { "xd-warning" };
                                        html! { <li class={class}>{ format!("{} {}：{}", f.severity().label(), f.rule.id(), f.message) }</li> }
                                    }) }
                                    for said in unfilled.iter() {
                                        <li data-testid="open-item">{ format!("{STILL_OPEN}：{said}") }</li>
                                    }
                                </ul>
                            }
                            <div class="xd-preview" role="region" aria-label="报告预览" tabindex="0">{ Html::from_html_unchecked(render(&a.report).into()) }</div>
                        </td></tr>
                    }
                </>
            }
        }
        Err(why) => html! {
            <key={n}>
                <tr class="xd-failed-row" data-file={row.file.clone()} data-errors="" data-warnings="">
                    { file }
                    <td colspan={(Column::ALL.len() - 1).to_string()}>{ format!("无法读取：{why}") }</td>
                </tr>
                if open {
                    <tr class="xd-opened"><td colspan={Column::ALL.len().to_string()}><p class="xd-failed">{ why }</p></td></tr>
                }
            </>
        },
    }
}
