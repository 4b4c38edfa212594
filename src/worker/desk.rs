//! The review desk's worker: reads and checks each file the office gives the desk as `xxgk audit`
//! does (every kind: report files, pages, text, Word, Word 97–2003/WPS, PDF), so that the page stays
//! responsive however many files there are and however large. It keeps nothing: the page holds
//! what was read, and adds up, lists and previews from that. The files never leave the browser.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::protocol::{Message, NOT_UNDERSTOOD, message, not_understood, parts, text};
use crate::report::data::finding::{Finding, Rule};
use crate::report::data::model::Report;
use crate::report::read::audit::{Audited, AuditedFile, audit};

/// What the page asks of the desk's worker: a file (its name relative to the folder chosen) read
/// and checked.
#[derive(Debug, Clone)]
pub struct DeskJob {
    pub file: String,
    pub bytes: Uint8Array,
}

/// What the desk's worker answers: the file read, or why it could not be.
#[derive(Debug, Clone)]
pub enum DeskAnswer {
    Audited(AuditedFile),
    Refused(String),
}

/// Answers the desk page's jobs, in the worker `xxgk-nianbao-review-worker`.
pub fn serve_desk() {
    super::listen(
        |DeskJob { file, bytes }| async move {
            let read = audit(&file, &bytes.to_vec());
            DeskAnswer::Audited(AuditedFile { file, read })
        },
        DeskAnswer::Refused,
    );
}

impl Message for DeskJob {
    fn to_message(&self) -> JsValue {
        message("audit", &[self.file.as_str().into(), self.bytes.clone().into()])
    }

    fn from_message(message: &JsValue) -> Result<DeskJob, String> {
        match parts(message) {
            Some((kind, parts)) if kind == "audit" => {
                Ok(DeskJob { file: text(&parts, 0)?, bytes: parts.get(1).dyn_into().map_err(|_| not_understood())? })
            }
            _ => Err(NOT_UNDERSTOOD.into()),
        }
    }
}

/// A report read goes as its report file, its format and its findings (each its rule's id and
/// its message): the page needs no more of them to show, sort, add up and list.
impl Message for DeskAnswer {
    fn to_message(&self) -> JsValue {
        match self {
            DeskAnswer::Audited(AuditedFile { file, read: Ok(audited) }) => {
                let findings: Array = audited
                    .findings
                    .iter()
                    .map(|f| JsValue::from(Array::of2(&f.rule.id().into(), &f.message.as_str().into())))
                    .collect();
                let report = audited.report.to_file(None);
                message("audited", &[file.into(), report.into(), audited.format.as_str().into(), findings.into()])
            }
            DeskAnswer::Audited(AuditedFile { file, read: Err(why) }) => {
                message("unreadable", &[file.into(), why.into()])
            }
            DeskAnswer::Refused(why) => message("refused", &[why.into()]),
        }
    }

    fn from_message(message: &JsValue) -> Result<DeskAnswer, String> {
        let (kind, parts) = parts(message).ok_or(NOT_UNDERSTOOD)?;
        Ok(match kind.as_str() {
            "audited" => {
                let list: Array = parts.get(3).dyn_into().map_err(|_| not_understood())?;
                let finding = |item: JsValue| -> Option<Finding> {
                    let item: Array = item.dyn_into().ok()?;
                    Some(Finding::new(Rule::from_id(&item.get(0).as_string()?)?, Vec::new(), item.get(1).as_string()?))
                };
                let findings = list.iter().map(finding).collect::<Option<_>>().ok_or(NOT_UNDERSTOOD)?;
                let report = Report::from_json(&text(&parts, 1)?).map_err(|_| not_understood())?.report;
                let audited = Audited { report, format: text(&parts, 2)?, findings };
                DeskAnswer::Audited(AuditedFile { file: text(&parts, 0)?, read: Ok(audited) })
            }
            "unreadable" => DeskAnswer::Audited(AuditedFile { file: text(&parts, 0)?, read: Err(text(&parts, 1)?) }),
            "refused" => DeskAnswer::Refused(text(&parts, 0)?),
            _ => return Err(NOT_UNDERSTOOD.into()),
        })
    }
}
