//! Nothing is ever lost: the save hint, undo and redo, the stored drafts, and report files in and
//! out (picker or drag-and-drop), including starting this year's report from last year's file.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser::{self, use_focus_when_drawn};
use super::confirm::Confirm;
use super::jobs::read_published;
use super::notice::{notice_at, notice_view};
use super::state::{Action, Session};
use super::storage::{self, SavedDraft};
use crate::report::base::file_kind::{FileKind, HEAD_BYTES, REPORT_FILES, REPORT_FILES_TIP};
use crate::report::edit::editor::{Draft, Editor};
pub use crate::report::edit::session::{Notice, Place, Purpose, Read};
use crate::report::read::import::{NOTHING_PASTED, open_report_file};
use crate::worker::protocol::Page;

/// Whether the last autosave worked.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Unsaved,
    /// Opened from the browser's storage, where it already is.
    Kept,
    /// A change waits to be saved.
    Pending,
    Saved(u64),
    Failed(String),
}

/// What the widget is asking and telling the clerk about files and drafts, above the form.
pub fn notices(session: &Session, onanswer: Callback<bool>, onundo: Callback<MouseEvent>) -> Html {
    html! {
        <>
            if let Some(read) = &session.asking {
                <Confirm question={format!("“{}”将打开为一份新草稿；当前填写的报告原样保留在“草稿”中，随时可以回去。确定打开吗？", read.name)}
                    yes="打开为新草稿" action="confirm-import" no="不打开"
                    onyes={onanswer.reform(|_| true)} onno={onanswer.reform(|_| false)} />
            }
            if let Some(notice) = notice_at(session.notice.as_ref(), Place::Files) {
                { notice_view(notice, session.editor.can_undo().then_some(&onundo)) }
            }
        </>
    }
}

/// A pasted report file (JSON) or published report (page text or HTML, read in the widget's
/// worker), read for `purpose`; or why it could not be read.
pub async fn read_paste(purpose: Purpose, name: String, text: String) -> Result<Read, Notice> {
    if text.trim().is_empty() {
        return Err(Notice::refused(&name, NOTHING_PASTED));
    }
    let head = &text.as_bytes()[..text.len().min(HEAD_BYTES)];
    let opened = match FileKind::of(&name, head) {
        FileKind::ReportFile => open_report_file(&text),
        _ => read_published(FileKind::Page, Page::Text(text)).await,
    };
    let opened = opened.map_err(|why| Notice::refused(&name, &why))?;
    Ok(Read { purpose, name, opened })
}

/// A file the clerk chose or dropped: a report file of this tool, read here, or a published page,
/// text or document, whose bytes go to the worker (which finds a page's encoding: a GBK page, a
/// UTF-16 text, and refuses a picture). `reading` is told what to say while it is read.
pub async fn read_file(purpose: Purpose, file: web_sys::File, reading: impl Fn(&'static str)) -> Result<Read, Notice> {
    let name = file.name();
    let cannot = |_| Notice::refused(&name, "浏览器未能读取这个文件");
    let bytes = browser::read_bytes(&file).await.map_err(cannot)?;
    let kind = browser::file_kind(&name, &bytes);
    if let Some(notice) = kind.reading_notice() {
        reading(notice);
    }
    let opened = match kind {
        FileKind::ReportFile => open_report_file(&browser::utf8(&bytes).map_err(cannot)?),
        _ => read_published(kind, Page::Bytes(bytes)).await,
    };
    let opened = opened.map_err(|why| Notice::refused(&name, &why))?;
    Ok(Read { purpose, name, opened })
}

/// What the file bar shows and does. Nothing in it changes with every keystroke but the save
/// state, so the bar is not redrawn, nor the draft list read again, as the clerk types.
#[derive(Properties, PartialEq)]
pub struct FileBarProps {
    pub can_undo: bool,
    pub can_redo: bool,
    /// The draft being edited.
    pub draft_id: AttrValue,
    /// Undo, redo, and opening another draft or a blank one.
    pub onaction: Callback<Action>,
    /// 导出报告文件.
    pub onexport: Callback<()>,
    pub save: SaveStatus,
    pub onfile: Callback<(web_sys::File, Purpose)>,
    /// A published report pasted into the import box, as (name, text, what it is for).
    pub onread: Callback<(String, String, Purpose)>,
    /// The start panel is shown and offers the ways to open a report: the bar leaves them out.
    pub starting: bool,
}

#[derive(Properties, PartialEq)]
pub struct ImportBoxProps {
    pub onread: Callback<(String, String, Purpose)>,
}

/// A text area for a page copied from the browser. A paste from a browser brings the page's HTML
/// too, which keeps the tables' cells apart; it is used when present, and forgotten once the clerk
/// types.
pub struct PastedPage {
    pub area: NodeRef,
    pub onpaste: Callback<Event>,
    pub oninput: Callback<InputEvent>,
    html: Rc<RefCell<Option<String>>>,
}

impl PastedPage {
    /// The page as pasted (its HTML when it came with it), or nothing when the area is empty.
    pub fn page(&self) -> Option<String> {
        let area = self.area.cast::<web_sys::HtmlTextAreaElement>()?;
        let page = self.html.borrow().clone().unwrap_or_else(|| area.value());
        (!page.trim().is_empty()).then_some(page)
    }
}

#[hook]
pub fn use_pasted_page() -> PastedPage {
    let area = use_node_ref();
    let html = use_mut_ref(|| None::<String>);
    let onpaste = {
        let html = html.clone();
        Callback::from(move |e: Event| {
            let e: web_sys::ClipboardEvent = e.unchecked_into();
            let pasted = e.clipboard_data().and_then(|d| d.get_data("text/html").ok()).filter(|h| !h.trim().is_empty());
            *html.borrow_mut() = pasted;
        })
    };
    let oninput = {
        let html = html.clone();
        Callback::from(move |e: InputEvent| {
            if e.input_type() != "insertFromPaste" {
                *html.borrow_mut() = None;
            }
        })
    };
    PastedPage { area, onpaste, oninput, html }
}

/// Where a clerk pastes last year's report as copied from the portal page. It opens at a click on
/// a paste button and takes the caret, so that Ctrl+V right after pastes into it.
#[component]
pub fn ImportBox(props: &ImportBoxProps) -> Html {
    let pasted = Rc::new(use_pasted_page());
    use_focus_when_drawn(pasted.area.clone());
    let read = |purpose: Purpose| {
        let (pasted, onread) = (pasted.clone(), props.onread.clone());
        Callback::from(move |_: MouseEvent| {
            onread.emit(("粘贴的内容".to_string(), pasted.page().unwrap_or_default(), purpose));
        })
    };
    html! {
        <section class="xx-import" aria-label="粘贴已发布的报告" data-testid="import-box">
            <label class="xx-text">
                <span class="xx-text-label">{ "把网站上已发布的年度报告整页复制（Ctrl+A、Ctrl+C）后粘贴到这里：" }</span>
                <textarea ref={pasted.area.clone()} rows="6" data-testid="import-source"
                    onpaste={pasted.onpaste.clone()} oninput={pasted.oninput.clone()} />
            </label>
            <button type="button" data-action="read-last-year" onclick={read(Purpose::LastYear)}>
                { "作为上年报告，开始本年度报告" }
            </button>
            <button type="button" data-action="read-import" onclick={read(Purpose::Open)}>{ "按原样打开" }</button>
        </section>
    }
}

fn picked(purpose: Purpose, onfile: &Callback<(web_sys::File, Purpose)>) -> Callback<Event> {
    let onfile = onfile.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            onfile.emit((file, purpose));
        }
        input.set_value("");
    })
}

#[component]
pub fn FileBar(props: &FileBarProps) -> Html {
    let show_drafts = use_state(|| false);
    let show_import = use_state(|| false);
    let shelf = use_shelf(props.onaction.clone());
    let toggle_import = {
        let show_import = show_import.clone();
        Callback::from(move |_: MouseEvent| show_import.set(!*show_import))
    };
    let act = |action: fn() -> Action| props.onaction.reform(move |_: MouseEvent| action());
    let export = props.onexport.reform(|_: MouseEvent| ());
    let toggle_drafts = {
        let show_drafts = show_drafts.clone();
        Callback::from(move |_: MouseEvent| show_drafts.set(!*show_drafts))
    };
    let save_hint = match &props.save {
        SaveStatus::Unsaved => {
            html! { <span class="xx-save" data-testid="save-status" data-state="unsaved">{ "尚未填写" }</span> }
        }
        SaveStatus::Kept => {
            html! { <span class="xx-save xx-ok" data-testid="save-status" data-state="saved">{ "✓ 已保存在本浏览器中" }</span> }
        }
        SaveStatus::Pending => {
            html! { <span class="xx-save" data-testid="save-status" data-state="pending">{ "正在保存……" }</span> }
        }
        SaveStatus::Saved(at) => html! {
            <span class="xx-save xx-ok" data-testid="save-status" data-state="saved">{ format!("✓ 已自动保存（{}）", storage::clock(*at)) }</span>
        },
        SaveStatus::Failed(_) => html! {
            <span class="xx-save xx-error" data-testid="save-status" data-state="failed">{ "✗ 未能保存" }</span>
        },
    };
    html! {
        <>
            <div class="xx-filebar" role="toolbar" aria-label="文件与草稿">
                // aria-disabled rather than disabled: a disabled button drops the keyboard focus out
                // of the widget, and with it Ctrl+Z / Ctrl+Y.
                <button type="button" data-action="undo" aria-disabled={(!props.can_undo).to_string()}
                    onclick={act(|| Action::Undo)} title="Ctrl+Z">{ "↶ 撤销" }</button>
                <button type="button" data-action="redo" aria-disabled={(!props.can_redo).to_string()}
                    onclick={act(|| Action::Redo)} title="Ctrl+Shift+Z 或 Ctrl+Y">{ "↷ 重做" }</button>
                <span class="xx-sep" />
                if !props.starting {
                    <label class="xx-file-button" title={REPORT_FILES_TIP}>
                        { "打开报告文件" }
                        <input type="file" accept={REPORT_FILES} data-action="open-file"
                            onchange={picked(Purpose::Open, &props.onfile)} />
                    </label>
                    <button type="button" data-action="export-file" onclick={export}>{ "导出报告文件" }</button>
                    <label class="xx-file-button">
                        { "从上年报告开始" }
                        <input type="file" accept={REPORT_FILES} data-action="last-year-file"
                            onchange={picked(Purpose::LastYear, &props.onfile)} />
                    </label>
                    <button type="button" data-action="paste-import" aria-expanded={show_import.to_string()} onclick={toggle_import}>
                        { "粘贴已发布的报告" }
                    </button>
                }
                <button type="button" data-action="drafts" aria-expanded={show_drafts.to_string()} onclick={toggle_drafts}>
                    { "草稿" }
                </button>
                { save_hint }
            </div>
            if let SaveStatus::Failed(reason) = &props.save {
                <p class="xx-notice xx-error" role="alert" data-testid="storage-warning">
                    { format!("浏览器无法保存草稿（{reason}）。填写的内容仍在本页面中，但关闭或刷新页面就会丢失：请点“导出报告文件”保存到电脑。") }
                </p>
            }
            if *show_drafts {
                { draft_list(&props.draft_id, &props.onaction, &shelf) }
            }
            if *show_import {
                <ImportBox onread={props.onread.clone()} />
            }
        </>
    }
}

/// A draft deleted during this visit, kept so that it can be put back.
#[derive(Debug, Clone, PartialEq)]
struct Deleted {
    id: String,
    label: String,
    stored: String,
}

/// The stored drafts' changes: open one, delete one after asking (it can be put back until the
/// page is left), put one back. The view over it only draws and calls.
struct Shelf {
    /// The draft the clerk is asked about deleting.
    asking: Option<SavedDraft>,
    deleted: Vec<Deleted>,
    open: Callback<String>,
    ask: Callback<Option<SavedDraft>>,
    /// The answer to the question: delete, or keep.
    delete: Callback<bool>,
    put_back: Callback<String>,
}

#[hook]
fn use_shelf(onaction: Callback<Action>) -> Shelf {
    let changed = use_force_update();
    let asking = use_state(|| None::<SavedDraft>);
    let deleted = use_state(Vec::<Deleted>::new);
    let open = Callback::from(move |id: String| {
        if let Some(draft) = storage::load(&id) {
            onaction.emit(Action::Open(storage::editor_of(draft)));
        }
    });
    let ask = {
        let asking = asking.clone();
        Callback::from(move |draft: Option<SavedDraft>| asking.set(draft))
    };
    let delete = {
        let (asking, deleted, changed) = (asking.clone(), deleted.clone(), changed.clone());
        Callback::from(move |yes: bool| {
            let Some(draft) = (*asking).clone() else { return };
            asking.set(None);
            if !yes {
                return;
            }
            if let Some(stored) = storage::delete(&draft.id) {
                let mut all = (*deleted).clone();
                all.push(Deleted { id: draft.id, label: draft.label, stored });
                deleted.set(all);
            }
            changed.force_update();
        })
    };
    let put_back = {
        let deleted = deleted.clone();
        Callback::from(move |id: String| {
            let mut all = (*deleted).clone();
            if let Some(at) = all.iter().position(|d| d.id == id) {
                let draft = all.remove(at);
                storage::put_back(&draft.id, &draft.stored);
                deleted.set(all);
                changed.force_update();
            }
        })
    };
    Shelf { asking: (*asking).clone(), deleted: (*deleted).clone(), open, ask, delete, put_back }
}

/// The drafts kept in this browser, with what [`Shelf`] does to them, and a blank report to start.
fn draft_list(current: &str, onaction: &Callback<Action>, shelf: &Shelf) -> Html {
    let drafts = storage::list();
    let open = |id: String| shelf.open.reform(move |_: MouseEvent| id.clone());
    let ask = |draft: SavedDraft| shelf.ask.reform(move |_: MouseEvent| Some(draft.clone()));
    let put_back = |id: String| shelf.put_back.reform(move |_: MouseEvent| id.clone());
    let (delete, keep) = (shelf.delete.reform(|_: MouseEvent| true), shelf.delete.reform(|_: MouseEvent| false));
    let blank =
        onaction.reform(|_: MouseEvent| Action::Open(Editor::new(Draft { id: storage::new_id(), ..Draft::default() })));
    html! {
        <section class="xx-drafts" aria-label="草稿" data-testid="drafts">
            <p data-testid="drafts-kept">{ format!(
                "草稿只保存在这台电脑的这个浏览器中，而且只在本网址（{}）下能看到：换电脑、换浏览器或从别的网址打开本页之前，请先点“导出报告文件”保存一份。草稿按机关和年度区分：",
                browser::site()
            ) }</p>
            {
                match drafts {
                    Err(reason) => html! { <p class="xx-error">{ reason }</p> },
                    Ok(drafts) => {
                        let twins = |label: &str| drafts.iter().filter(|d| d.label == label).count() > 1;
                        let repeated = drafts.iter().filter(|d| twins(&d.label)).count();
                        html! {
                            <>
                                if repeated > 0 {
                                    <p class="xx-note" data-testid="twin-drafts">
                                        { format!("有 {repeated} 份草稿的机关和年度相同，下面按最后修改时间区分。") }
                                    </p>
                                }
                                <ul>
                                    for draft in drafts.iter().cloned() {
                                        <li data-draft={draft.id.clone()}>
                                            <span class="xx-draft-label">{ &draft.label }</span>
                                            <span class="xx-draft-time">{
                                                if twins(&draft.label) {
                                                    format!("（{} 修改的一份）", storage::day_and_time(draft.saved_at_ms))
                                                } else {
                                                    format!("（{}）", storage::day_and_time(draft.saved_at_ms))
                                                }
                                            }</span>
                                            if draft.id == current {
                                                <strong>{ " 正在编辑" }</strong>
                                            } else {
                                                <button type="button" data-action="open-draft" onclick={open(draft.id.clone())}>{ "打开" }</button>
                                                <button type="button" data-action="delete-draft" onclick={ask(draft)}>{ "删除" }</button>
                                            }
                                        </li>
                                    }
                                </ul>
                            </>
                        }
                    }
                }
            }
            if let Some(draft) = &shelf.asking {
                <Confirm question={format!("删除草稿“{}”？删除后在离开本页之前还可以恢复。", draft.label)}
                    yes="删除" action="confirm-delete" no="不删除" onyes={delete} onno={keep} />
            }
            for draft in shelf.deleted.iter() {
                <p class="xx-notice" data-testid="deleted-draft">
                    { format!("已删除“{}”。", draft.label) }
                    <button type="button" data-action="restore-draft" onclick={put_back(draft.id.clone())}>{ "恢复" }</button>
                </p>
            }
            <button type="button" data-action="new-draft" onclick={blank}>{ "新建空白报告" }</button>
        </section>
    }
}

/// What the start panel offers and where each way leads.
pub struct Start {
    /// The (blank) draft being edited.
    pub draft_id: AttrValue,
    /// Starting from a draft of this browser as last year's report.
    pub onaction: Callback<Action>,
    pub onfile: Callback<(web_sys::File, Purpose)>,
    pub onread: Callback<(String, String, Purpose)>,
    /// The clerk chose to begin from a blank form.
    pub onblank: Callback<MouseEvent>,
    pub onexample: Callback<MouseEvent>,
    /// The paste box is open.
    pub importing: bool,
    pub ontoggle_import: Callback<MouseEvent>,
}

/// What a blank widget offers first: the ways to begin, the most useful first. A plain view: App
/// keeps whether its paste box is open.
pub fn start_panel(props: &Start) -> Html {
    let current = props.draft_id.to_string();
    let earlier: Vec<SavedDraft> =
        storage::list().unwrap_or_default().into_iter().filter(|d| d.id != current).collect();
    let from_draft = |id: String| {
        let onaction = props.onaction.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(draft) = storage::load(&id) {
                onaction.emit(Action::StartFrom(draft.report, storage::new_id()));
            }
        })
    };
    html! {
        <section class="xx-start" aria-label="开始填写" data-testid="start">
            <h2>{ "开始填写本年度报告" }</h2>
            <div class="xx-way xx-way-main">
                <h3>{ "从上年的报告开始（推荐）" }</h3>
                <p>{ "上年结转、现行有效件数的参考值和上年报告中的“本年度存在问题”会自动带入，报告年度加一。上年的报告可以是：" }</p>
                <div class="xx-actions">
                    <label class="xx-file-button" title={REPORT_FILES_TIP}>
                        { "上年的报告文件、保存的网页或 Word 文件" }
                        <input type="file" accept={REPORT_FILES}
                            data-action="last-year-file" onchange={picked(Purpose::LastYear, &props.onfile)} />
                    </label>
                    <button type="button" data-action="paste-import" aria-expanded={props.importing.to_string()} onclick={props.ontoggle_import.clone()}>
                        { "粘贴网站上已发布的上年报告" }
                    </button>
                </div>
                if props.importing {
                    <ImportBox onread={props.onread.clone()} />
                }
                if !earlier.is_empty() {
                    <p>{ "或本机浏览器中保存的草稿：" }</p>
                    <ul class="xx-start-drafts">
                        for draft in earlier {
                            <li>
                                <span class="xx-draft-label">{ &draft.label }</span>
                                <button type="button" data-action="start-from-draft" onclick={from_draft(draft.id.clone())}>
                                    { "以此为上年报告" }
                                </button>
                            </li>
                        }
                    </ul>
                }
            </div>
            <div class="xx-way">
                <h3>{ "继续编辑已有的报告" }</h3>
                <label class="xx-file-button">
                    { "打开报告文件" }
                    <input type="file" accept={REPORT_FILES}
                        data-action="open-file" onchange={picked(Purpose::Open, &props.onfile)} />
                </label>
            </div>
            <div class="xx-way">
                <h3>{ "没有上年的报告" }</h3>
                <button type="button" data-action="start-blank" onclick={props.onblank.clone()}>{ "从空白开始" }</button>
                { " 想先看看填好的样子？" }
                <button type="button" data-action="load-example" onclick={props.onexample.clone()}>{ "载入示例" }</button>
            </div>
        </section>
    }
}
