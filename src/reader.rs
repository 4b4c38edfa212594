//! The reader of published reports, run in a Web Worker that the widget starts only when the
//! clerk opens or pastes a published page: the importer is the largest part of the core, and most
//! visits never need it, so the widget's first download leaves it out.
//!
//! Each message is a page's text or HTML, or a file's bytes; the answer is [`Opened::to_message`]. The worker says
//! `ready` first: a message sent before its module has started would be lost.

use js_sys::Uint8Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, TextDecoder};

use crate::report::encoding;
use crate::report::import::{Opened, open_published};

/// What the worker says once it listens.
pub const READY: &str = "ready";

/// A page as pasted (a string), or a file's bytes decoded from the encoding they are in.
fn text_of(data: &JsValue) -> Option<String> {
    match data.dyn_ref::<Uint8Array>() {
        Some(bytes) => {
            TextDecoder::new_with_label(encoding::sniff(&bytes.to_vec())).ok()?.decode_with_buffer_source(bytes).ok()
        }
        None => data.as_string(),
    }
}

pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let page = text_of(&event.data()).unwrap_or_default();
        let _ = reply.post_message(&Opened::to_message(&open_published(&page)).into());
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    let _ = scope.post_message(&READY.into());
}
