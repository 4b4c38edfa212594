//! Reports coming in and the report file going out. In: a file chosen or dropped, a page pasted, the example. Each is read (in the
//! worker when it is a page or a document) and offered to the session, which opens it at once
//! over a blank report and asks first over one with work in it.

use yew::prelude::*;

use super::browser;
use super::files::{Notice, Purpose, Read, read_file, read_paste};
use super::state::Action;
use super::storage;
use crate::report::data::example::EXAMPLE_FILE_NAME;
use crate::report::edit::editor::Draft;
use crate::report::publish::fragment::title;
use crate::report::read::import::open_report_file;

pub struct Intake {
    pub onfile: Callback<(web_sys::File, Purpose)>,
    /// A page or report file pasted, as (name, text, what it is for).
    pub onread: Callback<(String, String, Purpose)>,
    pub onexample: Callback<MouseEvent>,
    pub ondragover: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// A report coming in, before it is read.
enum Incoming {
    File(web_sys::File, Purpose),
    /// A page or report file pasted: its name, its text.
    Paste(String, String, Purpose),
    /// The example, a report file beside the widget's.
    Example,
}

/// What `incoming` holds, read (a file's progress said to `onaction` as it goes).
async fn read(incoming: Incoming, onaction: &Callback<Action>) -> Result<Read, Notice> {
    match incoming {
        Incoming::File(file, purpose) => {
            read_file(purpose, file, |notice| onaction.emit(Action::Tell(Notice::quiet(notice)))).await
        }
        Incoming::Paste(name, text, purpose) => read_paste(purpose, name, text).await,
        Incoming::Example => {
            let text = browser::fetch_beside(EXAMPLE_FILE_NAME).await.map_err(|_| "未能下载".to_string());
            match text.and_then(|text| open_report_file(&text)) {
                Ok(opened) => Ok(Read { purpose: Purpose::Open, name: "示例".into(), opened }),
                Err(why) => {
                    Err(Notice::refused(EXAMPLE_FILE_NAME, &format!("{why}；请确认它已与编制助手的其他文件一起上传")))
                }
            }
        }
    }
}

/// The ways in, each offering what it read to `onaction`. They share one reading task: each task
/// of its own would link its own copy of the futures' machinery.
pub fn intake(onaction: &Callback<Action>) -> Intake {
    let take = {
        let onaction = onaction.clone();
        Callback::from(move |incoming: Incoming| {
            let onaction = onaction.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let offered = read(incoming, &onaction).await;
                onaction.emit(Action::Read(offered, storage::new_id()));
            });
        })
    };
    let onfile = take.reform(|(file, purpose)| Incoming::File(file, purpose));
    let ondrop = {
        let onfile = onfile.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|files| files.get(0)) {
                onfile.emit((file, Purpose::Open));
            }
        })
    };
    Intake {
        onfile,
        onread: take.reform(|(name, text, purpose)| Incoming::Paste(name, text, purpose)),
        onexample: take.reform(|_: MouseEvent| Incoming::Example),
        ondragover: Callback::from(|e: DragEvent| e.prevent_default()),
        ondrop,
    }
}

/// 导出报告文件, of the draft as it is at the click: a callback that does not change with every
/// keystroke, so the file bar is not redrawn as the clerk types.
#[hook]
pub fn use_export_file(draft: &Draft) -> Callback<()> {
    let current = use_mut_ref(Draft::default);
    *current.borrow_mut() = draft.clone();
    use_callback((), move |(), _| {
        let draft = current.borrow();
        let file = draft.report.to_file(draft.last_year.as_deref());
        let _ = browser::download(&format!("{}.json", title(&draft.report)), "application/json;charset=utf-8", &file);
    })
}
