//! Reading a published report through the reader's worker (`reader.rs`), started the first time
//! the clerk opens or pastes one and kept for the rest of the visit.

use std::cell::RefCell;

use js_sys::{Array, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use super::browser;
use crate::reader::READY;
use crate::report::import::Opened;

/// The script that starts the reader in its worker, uploaded beside the widget's other files.
const READER_SCRIPT: &str = "xxgk-nianbao-reader_loader.js";
/// How long the reader may take to start before the clerk is told it did not.
const START_TIMEOUT_MS: i32 = 15_000;

thread_local! {
    static READER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// The next message of the worker, or its error; `"timeout"` when nothing comes in time.
async fn next_message(worker: &Worker, timeout_ms: Option<i32>) -> Result<JsValue, JsValue> {
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
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_1(
                &reject,
                timeout_ms,
                &JsValue::from_str("timeout"),
            );
        }
    });
    JsFuture::from(Promise::race(&Array::of2(&answer, &timeout))).await
}

/// The reader, started and listening.
async fn reader() -> Result<Worker, String> {
    if let Some(worker) = READER.with(|r| r.borrow().clone()) {
        return Ok(worker);
    }
    let cannot_start =
        "无法启动读取程序（xxgk-nianbao-reader），请联系网站管理员检查它是否已与编制助手的其他文件一起上传";
    let url = browser::beside(READER_SCRIPT).map_err(|_| cannot_start.to_string())?;
    let worker = Worker::new(&url).map_err(|_| cannot_start.to_string())?;
    match next_message(&worker, Some(START_TIMEOUT_MS)).await {
        Ok(said) if said.as_string().as_deref() == Some(READY) => {
            READER.with(|r| *r.borrow_mut() = Some(worker.clone()));
            Ok(worker)
        }
        _ => {
            worker.terminate();
            Err(cannot_start.to_string())
        }
    }
}

/// A published report read in the worker: its page text or HTML (a string), or a file's bytes (a
/// `Uint8Array`, whose encoding the reader finds).
pub async fn read_published(page: &JsValue) -> Result<Opened, String> {
    let worker = reader().await?;
    let answer = next_message(&worker, None);
    worker.post_message(page).map_err(|_| "读取程序没有收到要读取的内容".to_string())?;
    match answer.await {
        Ok(message) => Opened::from_message(&message.as_string().unwrap_or_default()),
        Err(_) => {
            // A reader that failed is started afresh next time.
            READER.with(|r| r.borrow_mut().take()).inspect(|w| w.terminate());
            Err("读取程序出错，请重试；如仍失败，请把网页另存为文件后用“打开报告文件”打开".to_string())
        }
    }
}
