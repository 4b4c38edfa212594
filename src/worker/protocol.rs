//! The messages between the widget and its workers, typed at both ends. A job the widget posts and
//! the answer a worker posts back are each an array whose first item names its kind; only this
//! module writes or reads them, and a message of a kind it does not know is refused — never taken
//! for another job. The jobs worker speaks [`Job`] and [`Answer`]; a reader of one file kind only
//! [`FileJob`] and [`FileAnswer`], so that it links nothing of the others.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::report::base::format::{field, field_id};
use crate::report::publish::tidy::Tidied;
use crate::report::read::import::Opened;

/// What a worker says once it listens: a message posted before would be lost.
pub const READY: &str = "ready";

/// Said when a message is not one this version of the widget and its workers exchange (a worker
/// file left from another version, say).
pub const NOT_UNDERSTOOD: &str =
    "编制助手的后台程序与页面的版本不一致：请按 Ctrl+F5 强制刷新本页（填写的内容已自动保存）";

/// A page to read: its text or HTML as pasted, or a file's bytes.
#[derive(Debug, Clone)]
pub enum Page {
    Text(String),
    Bytes(Uint8Array),
}

/// What the widget asks the jobs worker to do: open a published report, or work on the report
/// being filled in, which goes as a report file (its JSON text).
#[derive(Debug, Clone)]
pub enum Job {
    Read(Page),
    OnReport(String, ReportJob),
}

/// A job on the report being filled in.
#[derive(Debug, Clone)]
pub enum ReportJob {
    /// Render the report for publishing: the fragment, the plain text, the standalone page and the
    /// 图解's page, which says what the report still has to be done (the widget's sentence: its
    /// errors and what is still open; the worker runs no checks).
    Render { to_do: Option<String> },
    /// 核对: hold a published page against the report, which may still have something `to_do`:
    /// agreement with it is then not said as done.
    Verify { page: Page, to_do: Option<String> },
    /// 按表格生成 for the text part of this key.
    Draft(String),
    /// 一键排版's changes.
    Tidy,
    /// The report as a Word file.
    WordFile,
}

/// A reader's one job: a Word 97–2003 or WPS file's, or a PDF's, bytes.
#[derive(Debug, Clone)]
pub struct FileJob(pub Uint8Array);

/// A reader's answer: the file's text, or why there is none.
#[derive(Debug, Clone)]
pub enum FileAnswer {
    Text(String),
    Refused(String),
}

/// A message of this protocol, written and read back.
pub trait Message: Sized {
    fn to_message(&self) -> JsValue;
    fn from_message(message: &JsValue) -> Result<Self, String>;
}

/// What a worker answers.
#[derive(Debug, Clone)]
pub enum Answer {
    /// The report read from a published page.
    Opened(Box<Opened>),
    Rendering {
        fragment: String,
        text: String,
        document: String,
        /// The 图解's page, shown in 预览与发布.
        chart_page: String,
    },
    /// 核对's verdict, as the HTML the widget shows.
    Verdict(String),
    /// 按表格生成's sentences ("" when the tables give none).
    Drafted(String),
    Tidied(Vec<Tidied>),
    WordFile(Uint8Array),
    /// Why the job was not done, in words for the clerk.
    Refused(String),
}

impl Page {
    fn to_js(&self) -> JsValue {
        match self {
            Page::Text(text) => text.into(),
            Page::Bytes(bytes) => bytes.into(),
        }
    }

    fn from_js(value: JsValue) -> Result<Page, String> {
        match value.as_string() {
            Some(text) => Ok(Page::Text(text)),
            None => value.dyn_into::<Uint8Array>().map(Page::Bytes).map_err(|_| not_understood()),
        }
    }
}

/// A message: its kind, then its parts.
pub(super) fn message(kind: &str, parts: &[JsValue]) -> JsValue {
    let message = Array::of1(&kind.into());
    parts.iter().for_each(|part| {
        message.push(part);
    });
    message.into()
}

/// A message's kind and its parts, or `None` when it is not a message of this protocol.
pub(super) fn parts(message: &JsValue) -> Option<(String, Array)> {
    let message: &Array = message.dyn_ref()?;
    Some((message.get(0).as_string()?, message.slice(1, message.length())))
}

pub(super) fn text(parts: &Array, n: u32) -> Result<String, String> {
    parts.get(n).as_string().ok_or_else(not_understood)
}

pub(super) fn not_understood() -> String {
    NOT_UNDERSTOOD.to_string()
}

impl Message for Job {
    fn to_message(&self) -> JsValue {
        match self {
            Job::Read(page) => message("read", &[page.to_js()]),
            Job::OnReport(report, job) => {
                // The report, then what the job needs besides (nothing for some): first what is
                // still to be done, for the jobs that say it.
                let to_do = |to_do: &Option<String>| JsValue::from(to_do.as_deref());
                let (kind, [first, second]) = match job {
                    ReportJob::Render { to_do: said } => ("render", [to_do(said), JsValue::UNDEFINED]),
                    ReportJob::Verify { page, to_do: said } => ("verify", [to_do(said), page.to_js()]),
                    ReportJob::Draft(key) => ("draft", [key.into(), JsValue::UNDEFINED]),
                    ReportJob::Tidy => ("tidy", [JsValue::UNDEFINED, JsValue::UNDEFINED]),
                    ReportJob::WordFile => ("word-file", [JsValue::UNDEFINED, JsValue::UNDEFINED]),
                };
                message(kind, &[report.into(), first, second])
            }
        }
    }

    fn from_message(message: &JsValue) -> Result<Job, String> {
        let (kind, parts) = self::parts(message).ok_or(NOT_UNDERSTOOD)?;
        if kind == "read" {
            return Ok(Job::Read(Page::from_js(parts.get(0))?));
        }
        // Nothing to do, or a sentence.
        let to_do = || match parts.get(1) {
            said if said.is_undefined() || said.is_null() => Ok(None),
            said => said.as_string().map(Some).ok_or_else(not_understood),
        };
        let job = match kind.as_str() {
            "render" => ReportJob::Render { to_do: to_do()? },
            "verify" => ReportJob::Verify { to_do: to_do()?, page: Page::from_js(parts.get(2))? },
            "draft" => ReportJob::Draft(text(&parts, 1)?),
            "tidy" => ReportJob::Tidy,
            "word-file" => ReportJob::WordFile,
            _ => return Err(NOT_UNDERSTOOD.into()),
        };
        Ok(Job::OnReport(text(&parts, 0)?, job))
    }
}

impl Answer {
    /// A reading's result: the report, or why there is none.
    pub fn read(read: Result<Opened, String>) -> Answer {
        read.map_or_else(Answer::Refused, |opened| Answer::Opened(Box::new(opened)))
    }
}

impl Message for Answer {
    fn to_message(&self) -> JsValue {
        match self {
            Answer::Opened(opened) => message("opened", &[opened.to_message().into()]),
            Answer::Rendering { fragment, text, document, chart_page } => {
                message("rendering", &[fragment.into(), text.into(), document.into(), chart_page.into()])
            }
            Answer::Verdict(html) => message("verdict", &[html.into()]),
            Answer::Drafted(sentences) => message("drafted", &[sentences.into()]),
            Answer::Tidied(changes) => {
                let list = Array::new();
                for change in changes {
                    let key = &field(change.id).key;
                    list.push(&Array::of3(&key.into(), &change.before.as_str().into(), &change.after.as_str().into()));
                }
                message("tidied", &[list.into()])
            }
            Answer::WordFile(bytes) => message("word-file", &[bytes.into()]),
            Answer::Refused(why) => message("refused", &[why.into()]),
        }
    }

    fn from_message(message: &JsValue) -> Result<Answer, String> {
        let (kind, parts) = self::parts(message).ok_or(NOT_UNDERSTOOD)?;
        Ok(match kind.as_str() {
            "opened" => Answer::Opened(Box::new(Opened::from_message(&text(&parts, 0)?)?)),
            "rendering" => Answer::Rendering {
                fragment: text(&parts, 0)?,
                text: text(&parts, 1)?,
                document: text(&parts, 2)?,
                chart_page: text(&parts, 3)?,
            },
            "verdict" => Answer::Verdict(text(&parts, 0)?),
            "drafted" => Answer::Drafted(text(&parts, 0)?),
            "tidied" => {
                let list: Array = parts.get(0).dyn_into().map_err(|_| not_understood())?;
                let change = |item: JsValue| -> Option<Tidied> {
                    let item: Array = item.dyn_into().ok()?;
                    let text = |n| item.get(n).as_string();
                    Some(Tidied { id: field_id(&text(0)?)?, before: text(1)?, after: text(2)? })
                };
                Answer::Tidied(list.iter().map(change).collect::<Option<_>>().ok_or(NOT_UNDERSTOOD)?)
            }
            "word-file" => Answer::WordFile(parts.get(0).dyn_into().map_err(|_| not_understood())?),
            "refused" => Answer::Refused(text(&parts, 0)?),
            _ => return Err(NOT_UNDERSTOOD.into()),
        })
    }
}

impl Message for FileJob {
    fn to_message(&self) -> JsValue {
        message("file", &[self.0.clone().into()])
    }

    fn from_message(message: &JsValue) -> Result<FileJob, String> {
        match self::parts(message) {
            Some((kind, parts)) if kind == "file" => parts.get(0).dyn_into().map(FileJob).map_err(|_| not_understood()),
            _ => Err(NOT_UNDERSTOOD.into()),
        }
    }
}

impl Message for FileAnswer {
    fn to_message(&self) -> JsValue {
        match self {
            FileAnswer::Text(text) => message("file-text", &[text.into()]),
            FileAnswer::Refused(why) => message("refused", &[why.into()]),
        }
    }

    fn from_message(message: &JsValue) -> Result<FileAnswer, String> {
        let (kind, parts) = self::parts(message).ok_or(NOT_UNDERSTOOD)?;
        match kind.as_str() {
            "file-text" => Ok(FileAnswer::Text(text(&parts, 0)?)),
            "refused" => Ok(FileAnswer::Refused(text(&parts, 0)?)),
            _ => Err(NOT_UNDERSTOOD.into()),
        }
    }
}
