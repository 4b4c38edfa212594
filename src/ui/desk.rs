//! The review desk's page (review.html): the 政务公开办 chooses or drops many report files or whole
//! folders; a worker reads and checks each (the page never freezes); the table of every report
//! sorts, filters by rule and opens a report to its findings and its preview; 下载汇总 and
//! 导出问题清单 write what the command line's `xxgk sum` and `xxgk audit --csv` write. Its own module,
//! loader and shadow root: the clerk's widget carries none of it. The state is the core's [`Desk`].

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DragEvent, File, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry, FileSystemFileEntry,
    HtmlInputElement, HtmlSelectElement, Worker,
};
use yew::prelude::*;

use super::{browser, jobs, shadow_root_in};
use crate::report::base::file_kind::{REPORT_FILES_TIP, read_in_folder};
use crate::report::data::finding::{Rule, Severity};
use crate::report::edit::desk::{Column, Desk, DeskAction};
use crate::report::edit::session::Tone;
use crate::report::publish::audit_page::{DeskSum, desk_sum, findings_csv};
use crate::report::read::audit::AuditedFile;
use crate::report::render;
use crate::worker::desk::{DeskAnswer, DeskJob};
use crate::worker::protocol::{Message, READY};

/// The id of the host page's element the review desk lives in.
pub const HOST_ID: &str = "xxgk-nianbao-review";

/// The desk's JS glue: its worker's files are beside it.
const GLUE_SCRIPT: &str = "script[src$=\"xxgk-nianbao-review.js\"]";

/// style/base.css and style/desk.css, minified by style/build.rs.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/desk.css"));

thread_local! {
    static MOUNTED: RefCell<Option<yew::AppHandle<DeskPage>>> = const { RefCell::new(None) };
    /// The worker that reads the files, started with the first and kept; started afresh after one
    /// stopped on a file (it keeps nothing, so nothing is lost).
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// Mounts the review desk inside an open shadow root of `<div id="xxgk-nianbao-review">`.
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(host) = document.get_element_by_id(HOST_ID) else {
        web_sys::console::error_1(&format!("xxgk-nianbao: 页面中没有 <div id=\"{HOST_ID}\">，审核台未加载").into());
        return;
    };
    if let Some(previous) = MOUNTED.with(|mounted| mounted.borrow_mut().take()) {
        previous.destroy();
    }
    let Some(root) = shadow_root_in(&document, &host, STYLE) else { return };
    let app = yew::Renderer::<DeskPage>::with_root(root).render();
    MOUNTED.with(|mounted| *mounted.borrow_mut() = Some(app));
}

impl Reducible for Desk {
    type Action = DeskAction;

    fn reduce(self: Rc<Self>, action: DeskAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

fn beside_desk(name: &str) -> Result<String, JsValue> {
    browser::beside_script(GLUE_SCRIPT, name)
}

/// The desk's worker, started from beside the desk's files, once it says it listens.
async fn started() -> Option<Worker> {
    let worker = jobs::start_beside("xxgk-nianbao-review-worker", beside_desk).ok()?;
    match jobs::next_message(&worker, Some(jobs::START_TIMEOUT_MS)).await {
        Ok(said) if said.as_string().as_deref() == Some(READY) => Some(worker),
        _ => {
            worker.terminate();
            None
        }
    }
}

/// A file read and checked in the worker; a file the worker could not read says why.
async fn audit_in_worker(file: String, blob: File) -> AuditedFile {
    let refused = |file: String, why: &str| AuditedFile { file, read: Err(why.to_string()) };
    let Ok(bytes) = browser::read_bytes(&blob).await else { return refused(file, "浏览器未能读取这个文件") };
    let worker = match WORKER.with(|w| w.borrow().clone()) {
        Some(worker) => worker,
        None => match started().await {
            Some(worker) => {
                WORKER.with(|w| *w.borrow_mut() = Some(worker.clone()));
                worker
            }
            None => return refused(file, "无法启动审核台的后台程序，请按 Ctrl+F5 刷新本页后重试"),
        },
    };
    let answer = jobs::next_message(&worker, None);
    if worker.post_message(&DeskJob { file: file.clone(), bytes }.to_message()).is_err() {
        return refused(file, "后台程序没有收到这个文件");
    }
    match answer.await.map(|message| DeskAnswer::from_message(&message)) {
        Ok(Ok(DeskAnswer::Audited(audited))) => audited,
        Ok(Ok(DeskAnswer::Refused(why)) | Err(why)) => refused(file, &why),
        Err(_) => {
            WORKER.with(|w| w.borrow_mut().take()).inspect(Worker::terminate);
            refused(file, "读取这个文件时出错，文件可能已损坏")
        }
    }
}

/// Reads the files in turn, telling the desk of each.
fn read_all(files: Vec<(String, File)>, desk: UseReducerDispatcher<Desk>) {
    if files.is_empty() {
        desk.dispatch(DeskAction::Say(Tone::Failed, format!("没有找到报告文件。审核台读取{REPORT_FILES_TIP}。")));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        desk.dispatch(DeskAction::Reading(files.iter().map(|(name, _)| name.clone()).collect()));
        for (name, file) in files {
            desk.dispatch(DeskAction::Read(audit_in_worker(name, file).await));
        }
        desk.dispatch(DeskAction::DoneReading);
    });
}

/// The files an input chose: a folder's by their path in it (only those read as reports, in path
/// order), files chosen one by one whatever they are called.
fn chosen(input: &HtmlInputElement) -> Vec<(String, File)> {
    let Some(list) = input.files() else { return Vec::new() };
    let mut files: Vec<(String, File)> = (0..list.length())
        .filter_map(|n| list.get(n))
        .map(|file| {
            let path = Reflect::get(&file, &"webkitRelativePath".into()).ok().and_then(|p| p.as_string());
            (path.filter(|p| !p.is_empty()).unwrap_or_else(|| file.name()), file)
        })
        .collect();
    if input.has_attribute("webkitdirectory") {
        files.retain(|(path, _)| read_in_folder(path));
        files.sort_by(|a, b| a.0.cmp(&b.0));
    }
    input.set_value("");
    files
}

/// A promise's callback pair as a closure that resolves it with its one argument.
fn settle_with(resolve: Function) -> JsValue {
    Closure::once_into_js(move |value: JsValue| {
        let _ = resolve.call1(&JsValue::NULL, &value);
    })
}

/// Every file under a dropped entry, a folder walked to its files (only those read as reports),
/// each named by its path from what was dropped.
async fn files_in(entry: FileSystemEntry, found: &mut Vec<(String, File)>) {
    let path = entry.full_path().trim_start_matches('/').to_string();
    if entry.is_file() {
        let entry: FileSystemFileEntry = entry.unchecked_into();
        let file = Promise::new(&mut |resolve, reject| {
            entry.file_with_callback_and_callback(settle_with(resolve).unchecked_ref(), &reject);
        });
        if let Ok(file) = JsFuture::from(file).await {
            found.push((path, file.unchecked_into()));
        }
        return;
    }
    let reader: FileSystemDirectoryReader = entry.unchecked_into::<FileSystemDirectoryEntry>().create_reader();
    let mut entries = Vec::new();
    // A folder gives its entries in batches, until an empty one.
    loop {
        let batch = Promise::new(&mut |resolve, reject| {
            let _ = reader.read_entries_with_callback_and_callback(settle_with(resolve).unchecked_ref(), &reject);
        });
        let Ok(batch) = JsFuture::from(batch).await else { break };
        let batch: Array = batch.unchecked_into();
        if batch.length() == 0 {
            break;
        }
        entries.extend(batch.iter().map(JsCast::unchecked_into::<FileSystemEntry>));
    }
    entries.sort_by_key(FileSystemEntry::name);
    let mut inside = Vec::new();
    for entry in entries {
        Box::pin(files_in(entry, &mut inside)).await;
    }
    found.extend(inside.into_iter().filter(|(path, _)| read_in_folder(path)));
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

    let onchoose = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            read_all(chosen(&input), dispatcher.clone());
        })
    };
    let ondrop = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if reading {
                return;
            }
            // The entries are taken now: the dropped data is gone once the event is over. A file
            // dropped by a page's script rather than from the file manager has no entry, only itself.
            let (mut entries, mut found) = (Vec::new(), Vec::new());
            if let Some(items) = e.data_transfer().map(|d| d.items()) {
                for item in (0..items.length()).filter_map(|n| items.get(n)) {
                    match (item.webkit_get_as_entry().ok().flatten(), item.get_as_file().ok().flatten()) {
                        (Some(entry), _) => entries.push(entry),
                        (None, Some(file)) => found.push((file.name(), file)),
                        (None, None) => {}
                    }
                }
            }
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                for entry in entries {
                    files_in(entry, &mut found).await;
                }
                read_all(found, dispatcher);
            });
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let onfilter = onaction.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        DeskAction::FilterBy(Rule::from_id(&select.value()))
    });
    // The 汇总 is downloaded before the desk is told it was: a download the browser refused is said so.
    let onsum = {
        let desk = desk.clone();
        Callback::from(move |_: MouseEvent| match desk_sum(&desk.rows) {
            Err(why) => desk.dispatch(DeskAction::Say(Tone::Failed, why)),
            Ok(sum) if !sum.wrong.is_empty() => desk.dispatch(DeskAction::Summed(sum)),
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
            if let Some(reading) = &desk.reading {
                <div class="xd-progress" role="status">
                    <progress aria-label="读取进度" max={reading.files.len().to_string()} value={reading.done.to_string()} />
                    { format!(" 正在读取 {}/{}：{}", reading.done + 1, reading.files.len(), reading.current().unwrap_or_default()) }
                </div>
            }
            if let Some((tone, said)) = &desk.said {
                <p class={classes!("xd-said", tone_class(*tone))} role="status">{ said }</p>
            }
            if let Some(sum) = &desk.asking {
                <div class="xd-question" role="alertdialog" aria-label="汇总前确认">
                    <p>{ format!("以下 {} 个单位的报告有错误，加起来的汇总也会是错的：", sum.wrong.len()) }</p>
                    <ul>{ for sum.wrong.iter().map(|unit| html! { <li>{ unit }</li> }) }</ul>
                    <p>{ "建议先请这些单位改正。仍要下载汇总吗？" }</p>
                    <button data-action="sum-anyway" onclick={onanswer.reform(|_| true)}>{ "仍要下载" }</button>
                    <button data-action="sum-cancel" onclick={onanswer.reform(|_| false)}>{ "取消" }</button>
                </div>
            }
            if !desk.rows.is_empty() {
                <div class="xd-tools">
                    <span data-role="summary">{ format!("共 {} 个文件，{} 个有错误或无法读取。", desk.rows.len(), desk.failed()) }</span>
                    <label>{ "只看规则：" }
                        <select data-action="filter" onchange={onfilter}>
                            <option value="" selected={desk.rule_filter.is_none()}>{ "全部" }</option>
                            { for desk.rules_found().into_iter().map(|rule| html! {
                                <option value={rule.id()} selected={desk.rule_filter == Some(rule)}>{ rule.id() }</option>
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
    let file = html! {
        <td><button class="xd-open" aria-expanded={open.to_string()} onclick={ontoggle}>{ &row.file }</button></td>
    };
    match &row.read {
        Ok(a) => html! {
            <>
                <tr class={classes!(row.failed().then_some("xd-failed-row"))} data-file={row.file.clone()}
                    data-errors={a.errors().to_string()} data-warnings={a.warnings().to_string()}>
                    { file }
                    <td>{ a.agency() }</td>
                    <td>{ a.year() }</td>
                    <td>{ &a.format }</td>
                    <td class="xd-n">{ a.errors() }</td>
                    <td class="xd-n">{ a.warnings() }</td>
                    <td>{ a.rules().join(", ") }</td>
                </tr>
                if open {
                    <tr class="xd-opened"><td colspan="7">
                        if a.findings.is_empty() {
                            <p class="xd-done">{ "没有发现问题。" }</p>
                        } else {
                            <ul class="xd-findings">
                                // Errors first, each kind in the order the checks found them.
                                { for a.findings.iter().filter(|f| f.severity() == Severity::Error)
                                    .chain(a.findings.iter().filter(|f| f.severity() != Severity::Error)).map(|f| {
                                    let class = if f.severity() == Severity::Error { "xd-error" } else { "xd-warning" };
                                    html! { <li class={class}>{ format!("{} {}：{}", f.severity().label(), f.rule.id(), f.message) }</li> }
                                }) }
                            </ul>
                        }
                        <div class="xd-preview" role="region" aria-label="报告预览" tabindex="0">{ Html::from_html_unchecked(render(&a.report).into()) }</div>
                    </td></tr>
                }
            </>
        },
        Err(why) => html! {
            <>
                <tr class="xd-failed-row" data-file={row.file.clone()} data-errors="" data-warnings="">
                    { file }
                    <td colspan="6">{ format!("无法读取：{why}") }</td>
                </tr>
                if open {
                    <tr class="xd-opened"><td colspan="7"><p class="xd-failed">{ why }</p></td></tr>
                }
            </>
        },
    }
}
