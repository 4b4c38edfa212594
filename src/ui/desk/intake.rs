//! Files coming into the review desk: chosen one by one, as a folder, or dropped (folders walked
//! to their report files), then read in turn by the desk's worker, which reads and checks each as
//! `xxgk audit` does; the desk is told of each.

use std::cell::RefCell;

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DragEvent, File, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry, FileSystemFileEntry,
    HtmlInputElement, Worker,
};
use yew::prelude::*;

use crate::report::base::file_kind::{REPORT_FILES_TIP, read_in_folder};
use crate::report::edit::desk::{Desk, DeskAction};
use crate::report::edit::session::Tone;
use crate::report::read::audit::AuditedFile;
use crate::ui::{browser, jobs};
use crate::worker::desk::{DeskAnswer, DeskJob};
use crate::worker::protocol::{Message, READY};

/// The desk's JS glue: its worker's files are beside it.
const GLUE_SCRIPT: &str = "script[src$=\"xxgk-nianbao-review.js\"]";

thread_local! {
    /// The worker that reads the files, started with the first and kept; started afresh after one
    /// stopped on a file (it keeps nothing, so nothing is lost).
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// What the page's file inputs and drop area call.
pub struct Intake {
    pub onchoose: Callback<Event>,
    pub ondrop: Callback<DragEvent>,
}

/// The file inputs' and the drop area's callbacks, which read what comes in and tell `desk`;
/// nothing is taken while the desk is `reading`.
#[hook]
pub fn use_intake(desk: UseReducerDispatcher<Desk>, reading: bool) -> Intake {
    let onchoose = {
        let desk = desk.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            read_all(chosen(&input), desk.clone());
        })
    };
    let ondrop = Callback::from(move |e: DragEvent| {
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
        let desk = desk.clone();
        wasm_bindgen_futures::spawn_local(async move {
            for entry in entries {
                files_in(entry, &mut found).await;
            }
            read_all(found, desk);
        });
    });
    Intake { onchoose, ondrop }
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
