//! The jobs the widget gives its workers (`worker.rs`): the jobs worker, started the first time the
//! clerk opens or pastes a published report or the preview is first needed, and the readers of
//! Word 97–2003 files and of PDF files, each started the first time such a file is opened; each
//! kept for the rest of the visit.

use std::cell::RefCell;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};
use yew::AttrValue;

use super::browser;
use crate::report::base::file_kind::FileKind;
use crate::report::base::format::{FieldId, field};
use crate::report::base::json;
use crate::report::publish::tidy::Tidied;
use crate::report::read::import::Opened;
use crate::report::read::pdf;
use crate::worker::protocol::{Answer, FileAnswer, FileJob, Job, Message, NOT_UNDERSTOOD, Page, READY, ReportJob};

/// The widget's workers, each from three files uploaded beside the widget's: the script that
/// starts it (`…_loader.js`), and its JS glue and module, which that script loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The importer, the renderers, 核对 (`worker.rs`).
    Jobs,
    /// The reader of Word 97–2003 and WPS files, started only when the clerk opens one.
    Word97,
    /// The reader of PDF files, started only when the clerk opens one.
    Pdf,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Jobs => "xxgk-nianbao-worker",
            Kind::Word97 => "xxgk-nianbao-word97",
            Kind::Pdf => "xxgk-nianbao-pdf",
        }
    }
}

/// How long a worker may take to start before the clerk is told it did not.
pub(super) const START_TIMEOUT_MS: i32 = 15_000;

thread_local! {
    /// The workers started, kept for the rest of the visit.
    static WORKERS: RefCell<[Option<Worker>; 3]> = const { RefCell::new([None, None, None]) };
    /// The last job given to each, which the next one waits for: a worker answers one job at a
    /// time (a preview being drawn while the clerk pastes a report, say).
    static LAST_JOBS: RefCell<[Option<Promise>; 3]> = const { RefCell::new([None, None, None]) };
}

/// The next message of the worker, or its error (`undefined` when nothing comes in time).
pub(super) async fn next_message(worker: &Worker, timeout_ms: Option<i32>) -> Result<JsValue, JsValue> {
    let answer = Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        let on_error = Closure::once_into_js(move |event: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &event);
        });
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    let Some(timeout_ms) = timeout_ms else { return JsFuture::from(answer).await };
    let timeout = Promise::new(&mut |_, reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&reject, timeout_ms);
        }
    });
    JsFuture::from(Promise::race(&Array::of2(&answer, &timeout))).await
}

/// Starts a worker of the widget from its script beside the widget's files.
fn start_worker(kind: Kind) -> Result<Worker, JsValue> {
    start_beside(kind.name(), browser::beside)
}

/// Starts the worker `name` from its script beside the page's files (`beside` finds them).
/// Browsers start a worker only from the page's own site; when the files are served from another
/// (a static file server), the worker starts from a script of the page's own: that script's two
/// lines, with the full addresses of the glue and module. Which is decided by the address: Firefox
/// refuses a worker of another site only once it has started (an error event), where Chromium throws.
pub(super) fn start_beside(name: &str, beside: impl Fn(&str) -> Result<String, JsValue>) -> Result<Worker, JsValue> {
    let file = |ending: &str| beside(&format!("{name}{ending}"));
    let loader = file("_loader.js")?;
    if browser::of_this_site(&loader) {
        return Worker::new(&loader);
    }
    let mut start = String::from("importScripts(");
    json::quote(&mut start, &file(".js")?);
    start.push_str(");wasm_bindgen({module_or_path:");
    json::quote(&mut start, &file("_bg.wasm")?);
    start.push_str("});");
    Worker::new(&browser::script_url(&start)?)
}

/// The worker, started and listening.
async fn worker(kind: Kind) -> Result<Worker, String> {
    if let Some(worker) = WORKERS.with(|w| w.borrow()[kind as usize].clone()) {
        return Ok(worker);
    }
    let cannot_start = format!(
        "无法启动编制助手的后台程序（{}）：请按 Ctrl+F5 强制刷新本页（填写的内容已自动保存）；如仍不行，请联系网站管理员检查它是否已与编制助手的其他文件一起上传",
        kind.name()
    );
    let worker = start_worker(kind).map_err(|_| cannot_start.clone())?;
    match next_message(&worker, Some(START_TIMEOUT_MS)).await {
        Ok(said) if said.as_string().as_deref() == Some(READY) => {
            WORKERS.with(|w| w.borrow_mut()[kind as usize] = Some(worker.clone()));
            Ok(worker)
        }
        _ => {
            worker.terminate();
            Err(cannot_start)
        }
    }
}

/// A worker's answer to a message, once the messages given it before are answered.
async fn exchange(kind: Kind, message: &JsValue) -> Result<JsValue, String> {
    let mut done = None;
    let mine = Promise::new(&mut |resolve, _| done = Some(resolve));
    if let Some(previous) = LAST_JOBS.with(|last| last.borrow_mut()[kind as usize].replace(mine)) {
        let _ = JsFuture::from(previous).await;
    }
    let answer = run(kind, message).await;
    if let Some(done) = done {
        let _ = done.call0(&JsValue::NULL);
    }
    answer
}

/// The jobs worker's answer to a job (see `worker.rs`); a refusal is the error.
async fn ask(job: Job) -> Result<Answer, String> {
    match Answer::from_message(&exchange(Kind::Jobs, &job.to_message()).await?)? {
        Answer::Refused(why) => Err(why),
        answer => Ok(answer),
    }
}

async fn run(kind: Kind, message: &JsValue) -> Result<JsValue, String> {
    let worker = worker(kind).await?;
    let answer = next_message(&worker, None);
    worker.post_message(message).map_err(|_| "后台程序没有收到要处理的内容".to_string())?;
    answer.await.map_err(|_| {
        // A worker that failed is started afresh next time.
        WORKERS.with(|w| w.borrow_mut()[kind as usize].take()).inspect(|w| w.terminate());
        match kind {
            // pdf-extract stops on some malformed files.
            Kind::Pdf => pdf::BROKEN.to_string(),
            _ => "后台程序出错，请重试；如仍失败，请刷新页面（填写的内容已自动保存）".to_string(),
        }
    })
}

/// A page as the jobs worker reads it: a Word 97–2003 or WPS file's bytes, or a PDF's, become the
/// file's text, read by the worker only such a file starts; anything else (a .docx too, which the
/// jobs worker reads) stays as it is. A file that is no page (a picture) is refused here, before
/// any worker starts.
async fn readable(kind: FileKind, page: Page) -> Result<Page, String> {
    if let Some(why) = kind.refusal() {
        return Err(why);
    }
    let reader = match (kind, &page) {
        (FileKind::Word97, Page::Bytes(_)) => Kind::Word97,
        (FileKind::Pdf, Page::Bytes(_)) => Kind::Pdf,
        _ => return Ok(page),
    };
    let Page::Bytes(bytes) = page else { return Ok(page) };
    match FileAnswer::from_message(&exchange(reader, &FileJob(bytes).to_message()).await?)? {
        FileAnswer::Text(text) => Ok(Page::Text(text)),
        FileAnswer::Refused(why) => Err(why),
    }
}

/// A published report read in the worker: its page text or HTML, or a file's bytes of `kind`
/// (whose encoding the worker finds).
pub async fn read_published(kind: FileKind, page: Page) -> Result<Opened, String> {
    match ask(Job::Read(readable(kind, page).await?)).await? {
        Answer::Opened(opened) => Ok(*opened),
        _ => Err(NOT_UNDERSTOOD.into()),
    }
}

/// The report rendered for publishing.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendering {
    /// What is pasted into the portal's editor, and shown as the preview.
    pub fragment: AttrValue,
    /// The report as plain text, for plain fields.
    pub text: String,
    /// A standalone, titled HTML file of the fragment.
    pub document: String,
    /// The 图解's page, shown in a frame.
    pub chart_page: AttrValue,
}

/// The report (as a report file, with what it still has `to_do`) rendered in the worker.
pub async fn render_published(report_file: &str, to_do: Option<&str>) -> Result<Rendering, String> {
    let job = ReportJob::Render { to_do: to_do.map(str::to_string) };
    match ask(Job::OnReport(report_file.into(), job)).await? {
        Answer::Rendering { fragment, text, document, chart_page } => {
            Ok(Rendering { fragment: fragment.into(), text, document, chart_page: chart_page.into() })
        }
        _ => Err(NOT_UNDERSTOOD.into()),
    }
}

/// The verdict's HTML on a published page (text, HTML or a saved file's bytes of `kind`) held
/// against the report file, which still has `to_do`.
pub async fn verify_published(
    report_file: &str,
    to_do: Option<&str>,
    kind: FileKind,
    page: Page,
) -> Result<String, String> {
    let page = readable(kind, page).await?;
    let job = Job::OnReport(report_file.into(), ReportJob::Verify { page, to_do: to_do.map(str::to_string) });
    match ask(job).await? {
        Answer::Verdict(html) => Ok(html),
        _ => Err(NOT_UNDERSTOOD.into()),
    }
}

/// The sentences 按表格生成 drafts for a text part, from the report file (with last year's report
/// in it, for the change on last year); empty when the tables give none.
pub async fn draft_text(report_file: &str, id: FieldId) -> Result<String, String> {
    match ask(Job::OnReport(report_file.into(), ReportJob::Draft(field(id).key.clone()))).await? {
        Answer::Drafted(sentences) => Ok(sentences),
        _ => Err(NOT_UNDERSTOOD.into()),
    }
}

/// 一键排版's changes to the report file's texts.
pub async fn tidy_texts(report_file: &str) -> Result<Vec<Tidied>, String> {
    match ask(Job::OnReport(report_file.into(), ReportJob::Tidy)).await? {
        Answer::Tidied(changes) => Ok(changes),
        _ => Err(NOT_UNDERSTOOD.into()),
    }
}

/// The report (as a report file) as a Word file's bytes.
pub async fn word_file(report_file: &str) -> Result<Uint8Array, String> {
    match ask(Job::OnReport(report_file.into(), ReportJob::WordFile)).await? {
        Answer::WordFile(bytes) => Ok(bytes),
        _ => Err(NOT_UNDERSTOOD.into()),
    }
}
