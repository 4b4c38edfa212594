//! The widget's worker: the parts of the core a clerk needs only now and then, run in a Web Worker
//! that the widget starts on first use, so the first download leaves them out — reading a
//! published report (the importer is the largest part of the core), rendering the report for
//! publishing (the preview, the copies, the file), and 核对发布结果.
//!
//! Each message is a job, an array: `["read", page]` answers [`Opened::to_message`];
//! `["render", report file]` answers `[fragment, text, document]`; `["verify", report file, page]`
//! answers the verdict's HTML. A page is its text or HTML (a string), or a file's bytes. The worker
//! says `ready` first: a message sent before its module has started would be lost.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, TextDecoder};

use crate::report::encoding;
use crate::report::fragment::{render_document, render_text};
use crate::report::import::{Opened, open_published, open_report_file};
use crate::report::render;
use crate::report::verify::verify_html;

/// What the worker says once it listens.
pub const READY: &str = "ready";
/// The jobs it takes.
pub const READ: &str = "read";
pub const RENDER: &str = "render";
pub const VERIFY: &str = "verify";

/// A page as pasted (a string), or a file's bytes decoded from the encoding they are in.
fn text_of(data: &JsValue) -> Option<String> {
    match data.dyn_ref::<Uint8Array>() {
        Some(bytes) => {
            TextDecoder::new_with_label(encoding::sniff(&bytes.to_vec())).ok()?.decode_with_buffer_source(bytes).ok()
        }
        None => data.as_string(),
    }
}

/// The answer to one job.
fn answer(job: &Array) -> JsValue {
    let kind = job.get(0).as_string().unwrap_or_default();
    if kind == READ {
        let page = text_of(&job.get(1)).unwrap_or_default();
        return Opened::to_message(&open_published(&page)).into();
    }
    // Rendering and verifying work on the report the widget sends, as a report file.
    let report = match open_report_file(&job.get(1).as_string().unwrap_or_default()) {
        Ok(opened) => opened.report,
        Err(why) => return Opened::to_message(&Err(why)).into(),
    };
    if kind == RENDER {
        let fragment = render(&report);
        let document = render_document(&report, &fragment);
        return Array::of3(&fragment.into(), &render_text(&report).into(), &document.into()).into();
    }
    verify_html(&report, &text_of(&job.get(2)).unwrap_or_default()).into()
}

pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let job: Array = event.data().unchecked_into();
        let _ = reply.post_message(&answer(&job));
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    let _ = scope.post_message(&READY.into());
}
