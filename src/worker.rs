//! The widget's worker: the parts of the core a clerk needs only now and then, run in a Web Worker
//! that the widget starts on first use, so the first download leaves them out — reading a
//! published report (the importer is the largest part of the core), rendering the report for
//! publishing (the preview, the copies, the file, the 图解), 核对发布结果, 按表格生成 and 一键排版.
//!
//! Each message is a [`Job`], answered in turn with an [`Answer`] (`protocol`). A page is its text
//! or HTML, or a file's bytes (a page in any encoding, or a Word .docx, which the browser's
//! DecompressionStream inflates). The worker says [`READY`] first: a message sent before its
//! module has started would be lost.
//!
//! Word 97–2003 and WPS files, and PDFs, are turned into text by readers of their own
//! ([`serve_word97`], [`serve_pdf`]), whose modules only a clerk who opens such a file downloads.

pub mod desk;
pub mod protocol;

use js_sys::Uint8Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, ReadableWritablePair, Response, TextDecoder};

use crate::report::base::encoding;
use crate::report::base::file_kind::FileKind;
use crate::report::base::format::field_id;
use crate::report::publish::chart::{chart, chart_page};
use crate::report::publish::draft_text::draft_for;
use crate::report::publish::fragment::{render_document, render_text, title};
use crate::report::publish::tidy::tidy_report;
use crate::report::publish::verify::{refused_html, verify_html};
use crate::report::publish::word_file::{Deflated, docx_parts, zip_parts};
use crate::report::read::import::{NOT_A_REPORT, open_published, open_report_file};
use crate::report::read::{docx, pdf, word97};
use crate::report::{Report, render};
use protocol::{Answer, FileAnswer, FileJob, Job, Message, Page, READY, ReportJob};

#[wasm_bindgen]
extern "C" {
    /// The browser's inflater (Chromium 80 on). web-sys has it only among its unstable APIs.
    #[wasm_bindgen(extends = js_sys::Object)]
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;

    /// The browser's deflater (Chromium 80 on), likewise.
    #[wasm_bindgen(extends = js_sys::Object)]
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
}

/// A gzip member inflated by the browser, as UTF-8 text.
async fn inflate(gzip: &[u8]) -> Result<String, JsValue> {
    let pair: ReadableWritablePair = DecompressionStream::new("gzip")?.unchecked_into();
    let compressed = Response::new_with_opt_u8_array(Some(&mut gzip.to_vec()))?;
    let body = compressed.body().ok_or_else(|| JsValue::from_str("no body"))?;
    let inflated = Response::new_with_opt_readable_stream(Some(&body.pipe_through(&pair)))?;
    JsFuture::from(inflated.text()?).await?.as_string().ok_or_else(|| JsValue::from_str("not text"))
}

/// Text deflated by the browser, as a gzip member's parts: the raw deflate stream, and the CRC-32
/// its trailer carries.
async fn deflate(text: &str) -> Result<(Vec<u8>, u32), JsValue> {
    let pair: ReadableWritablePair = CompressionStream::new("gzip")?.unchecked_into();
    let plain = Response::new_with_opt_str(Some(text))?;
    let body = plain.body().ok_or_else(|| JsValue::from_str("no body"))?;
    let gzipped = Response::new_with_opt_readable_stream(Some(&body.pipe_through(&pair)))?;
    let gzip = Uint8Array::new(&JsFuture::from(gzipped.array_buffer()?).await?).to_vec();
    // A 10-byte header without optional fields (what CompressionStream writes), the stream, then
    // the CRC-32 and the size.
    if gzip.len() < 18 {
        return Err(JsValue::from_str("short"));
    }
    let trailer = gzip.len() - 8;
    let crc = u32::from_le_bytes([gzip[trailer], gzip[trailer + 1], gzip[trailer + 2], gzip[trailer + 3]]);
    Ok((gzip[10..trailer].to_vec(), crc))
}

/// The report as a Word file, its parts deflated by the browser; or what went wrong, in words.
async fn word_file(report: &Report) -> Result<Vec<u8>, String> {
    let mut parts = Vec::new();
    for (name, xml) in docx_parts(report) {
        let (data, crc32) = deflate(&xml).await.map_err(|_| "浏览器未能压缩 Word 文件".to_string())?;
        parts.push(Deflated { name, data, crc32, size: xml.len() as u64 });
    }
    zip_parts(&parts).map_err(|_| "未能写出 Word 文件".to_string())
}

/// A Word file's body as HTML, its document part inflated by the browser.
async fn word_page(bytes: &[u8]) -> Result<String, String> {
    let document = docx::deflated_document(bytes)?;
    let xml = if document.stored {
        String::from_utf8_lossy(&document.data).into_owned()
    } else {
        inflate(&document.as_gzip()).await.map_err(|_| "Word 文件已损坏，读不出正文".to_string())?
    };
    docx::document_to_html(&xml)
}

/// A page as pasted, or a file's bytes: a Word file's body as HTML, or text decoded from the
/// encoding it is in. (A Word 97–2003 file or a PDF comes as its text, from the readers; a picture
/// is refused by the widget, which tells the kinds apart, before it asks.)
async fn page_of(page: Page) -> Result<String, String> {
    let bytes = match page {
        Page::Text(text) => return Ok(text),
        Page::Bytes(bytes) => bytes.to_vec(),
    };
    if FileKind::of("", &bytes) == FileKind::Docx {
        return word_page(&bytes).await;
    }
    let decoder = TextDecoder::new_with_label(encoding::sniff(&bytes)).map_err(|_| NOT_A_REPORT.to_string())?;
    decoder.decode_with_u8_array(&bytes).map_err(|_| NOT_A_REPORT.to_string())
}

/// The answer to one job.
async fn answer(job: Job) -> Answer {
    match job {
        Job::Read(page) => Answer::read(page_of(page).await.and_then(|page| open_published(&page))),
        Job::OnReport(report_file, job) => match open_report_file(&report_file) {
            Ok(opened) => on_report(job, &opened.report, opened.last_year.as_ref()).await,
            Err(why) => Answer::Refused(why),
        },
    }
}

/// The answer to a job on the report the widget sends (and last year's, when the draft has it).
async fn on_report(job: ReportJob, report: &Report, last_year: Option<&Report>) -> Answer {
    match job {
        ReportJob::Render { to_do } => {
            let fragment = render(report);
            let document = render_document(report, &fragment);
            let chart_page = chart_page(&chart(report, last_year), &title(report), to_do.as_deref());
            Answer::Rendering { text: render_text(report), document, fragment, chart_page }
        }
        ReportJob::Verify { page, to_do } => Answer::Verdict(match page_of(page).await {
            Ok(page) => verify_html(report, &page, to_do.as_deref()),
            Err(why) => refused_html(&why),
        }),
        ReportJob::Draft(key) => {
            Answer::Drafted(field_id(&key).and_then(|id| draft_for(id, report, last_year)).unwrap_or_default())
        }
        ReportJob::Tidy => Answer::Tidied(tidy_report(report)),
        ReportJob::WordFile => match word_file(report).await {
            Ok(bytes) => Answer::WordFile(Uint8Array::from(bytes.as_slice())),
            Err(why) => Answer::Refused(why),
        },
    }
}

/// Answers the widget's jobs, in the worker `xxgk-nianbao-worker`.
pub fn serve() {
    listen(answer, Answer::Refused);
}

/// Answers a Word 97–2003 or WPS file's bytes with its text, in the worker `xxgk-nianbao-word97`:
/// a module of its own, which only a clerk who opens such a file downloads (the compound-file
/// reader would have made the other worker a third larger).
pub fn serve_word97() {
    serve_reader(word97::read_doc);
}

/// Answers a PDF file's bytes with its text, in the worker `xxgk-nianbao-pdf`: pdf-extract is
/// larger than the rest of the widget together, so only a clerk who opens a PDF downloads it.
pub fn serve_pdf() {
    serve_reader(pdf::read_pdf);
}

/// A reader of one kind of file: its one job is a file's bytes, answered with its text.
fn serve_reader(read: fn(&[u8]) -> Result<String, String>) {
    listen(
        move |FileJob(bytes)| async move { read(&bytes.to_vec()).map_or_else(FileAnswer::Refused, FileAnswer::Text) },
        FileAnswer::Refused,
    );
}

/// Answers each job with what `answer` makes of it (a message that is not a job gets `refused`),
/// and says [`READY`] once it listens.
fn listen<J: Message + 'static, A: Message + 'static, F: Future<Output = A> + 'static>(
    answer: impl Fn(J) -> F + 'static,
    refused: fn(String) -> A,
) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let answer = std::rc::Rc::new(answer);
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let (answer, reply, job) = (answer.clone(), reply.clone(), J::from_message(&event.data()));
        wasm_bindgen_futures::spawn_local(async move {
            let answered = match job {
                Ok(job) => answer(job).await,
                Err(why) => refused(why),
            };
            let _ = reply.post_message(&answered.to_message());
        });
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    let _ = scope.post_message(&READY.into());
}
