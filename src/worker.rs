//! The widget's worker: the parts of the core a clerk needs only now and then, run in a Web Worker
//! that the widget starts on first use, so the first download leaves them out — reading a
//! published report (the importer is the largest part of the core), rendering the report for
//! publishing (the preview, the copies, the file), 核对发布结果, 按表格生成 and 一键排版.
//!
//! Each message is a job, an array, answered in turn: `["read", page]` answers [`Opened::to_message`];
//! `["render", report file]` answers `[fragment, text, document]`; `["verify", report file, page]`
//! answers the verdict's HTML; `["draft", report file, key]` the sentences 按表格生成 drafts for a
//! text part (or ""); `["tidy", report file]` 一键排版's changes, `[[key, before, after] …]`;
//! `["docx", report file]` the Word file's bytes. A page is its text or HTML (a string), or a file's bytes (a page
//! in any encoding, or a Word .docx, which the browser's DecompressionStream inflates). The worker
//! says `ready` first: a message sent before its module has started would be lost.
//!
//! Word 97–2003 and WPS files are turned into text by a second, smaller worker ([`serve_word97`]),
//! whose module only a clerk who opens such a file downloads.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, ReadableWritablePair, Response, TextDecoder};

use crate::report::draft_text::draft_for;
use crate::report::format::{field, field_id};
use crate::report::fragment::{render_document, render_text};
use crate::report::import::{NOT_A_REPORT, Opened, open_published, open_report_file};
use crate::report::render;
use crate::report::tidy::tidy_report;
use crate::report::verify::{refused_html, verify_html};
use crate::report::word_file::{Deflated, docx_parts, zip_parts};
use crate::report::{docx, encoding, pdf, word97};

/// What the worker says once it listens.
pub const READY: &str = "ready";
/// The jobs it takes.
pub const READ: &str = "read";
pub const RENDER: &str = "render";
pub const VERIFY: &str = "verify";
pub const DRAFT: &str = "draft";
pub const TIDY: &str = "tidy";
pub const DOCX: &str = "docx";

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

/// The report as a Word file, its parts deflated by the browser.
async fn word_file(report: &crate::report::Report) -> Result<Vec<u8>, JsValue> {
    let mut parts = Vec::new();
    for (name, xml) in docx_parts(report) {
        let (data, crc32) = deflate(&xml).await?;
        parts.push(Deflated { name, data, crc32, size: xml.len() as u64 });
    }
    Ok(zip_parts(&parts))
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

/// A page as pasted (a string), or a file's bytes: a Word file's body as HTML, or text decoded
/// from the encoding it is in. (A Word 97–2003 file or a PDF comes as its text, from the workers
/// `xxgk-nianbao-word97` and `xxgk-nianbao-pdf`.)
async fn page_of(data: &JsValue) -> Result<String, String> {
    let Some(bytes) = data.dyn_ref::<Uint8Array>() else { return Ok(data.as_string().unwrap_or_default()) };
    let bytes = bytes.to_vec();
    match docx::kind_of(&bytes) {
        docx::FileKind::Zip => return word_page(&bytes).await,
        docx::FileKind::Picture(format) => return Err(docx::picture_refused(format)),
        _ => {}
    }
    let decoder = TextDecoder::new_with_label(encoding::sniff(&bytes)).map_err(|_| NOT_A_REPORT.to_string())?;
    decoder.decode_with_u8_array(&bytes).map_err(|_| NOT_A_REPORT.to_string())
}

/// The answer to one job.
async fn answer(job: &Array) -> JsValue {
    let kind = job.get(0).as_string().unwrap_or_default();
    if kind == READ {
        let opened = match page_of(&job.get(1)).await {
            Ok(page) => open_published(&page),
            Err(why) => Err(why),
        };
        return Opened::to_message(&opened).into();
    }
    // The other jobs work on the report the widget sends, as a report file.
    let (report, last_year) = match open_report_file(&job.get(1).as_string().unwrap_or_default()) {
        Ok(opened) => (opened.report, opened.last_year),
        Err(why) => return Opened::to_message(&Err(why)).into(),
    };
    if kind == DRAFT {
        let id = job.get(2).as_string().and_then(|key| field_id(&key));
        return id.and_then(|id| draft_for(id, &report, last_year.as_ref())).unwrap_or_default().into();
    }
    if kind == TIDY {
        let changes = Array::new();
        for change in tidy_report(&report) {
            let key = &field(change.id).key;
            changes.push(&Array::of3(&key.into(), &change.before.into(), &change.after.into()));
        }
        return changes.into();
    }
    if kind == DOCX {
        return match word_file(&report).await {
            Ok(bytes) => Uint8Array::from(bytes.as_slice()).into(),
            Err(_) => Opened::to_message(&Err("浏览器未能压缩 Word 文件".into())).into(),
        };
    }
    if kind == RENDER {
        let fragment = render(&report);
        let document = render_document(&report, &fragment);
        return Array::of3(&fragment.into(), &render_text(&report).into(), &document.into()).into();
    }
    match page_of(&job.get(2)).await {
        Ok(page) => verify_html(&report, &page).into(),
        Err(why) => refused_html(&why).into(),
    }
}

/// Answers the widget's jobs, in the worker `xxgk-nianbao-worker`.
pub fn serve() {
    listen(|job| async move { answer(&job.unchecked_into()).await });
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

/// A reader of one kind of file: each message is a file's bytes, answered with its text
/// (`[text]`) or a refusal.
fn serve_reader(read: fn(&[u8]) -> Result<String, String>) {
    listen(move |file| async move {
        let bytes = file.dyn_into::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
        match read(&bytes) {
            Ok(text) => Array::of1(&text.into()).into(),
            Err(why) => Opened::to_message(&Err(why)).into(),
        }
    });
}

/// Answers each message with what `answer` makes of it, and says `ready` once it listens.
fn listen<F: Future<Output = JsValue> + 'static>(answer: impl Fn(JsValue) -> F + 'static) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let (answering, reply) = (answer(event.data()), reply.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let _ = reply.post_message(&answering.await);
        });
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    let _ = scope.post_message(&READY.into());
}
