//! The report as the clerk typed it, and its JSON file (`{"format": "xxgk-nianbao/1", "fields": {…}}`).

use std::fmt;

use crate::report::base::format::{self, FieldId, fields};
use crate::report::base::json::{self, Json};

/// The format tag of the report file this version writes.
pub const FILE_FORMAT: &str = "xxgk-nianbao/1";
const FILE_FORMAT_NAME: &str = "xxgk-nianbao/";
const FILE_FORMAT_VERSION: u32 = 1;

/// Every field of the report as the text entered, so that a bad entry survives a save and a reload
/// and is still shown as bad. `None` is a field never filled in; for a derived total it means
/// "let the format compute it", while `Some("")` is a total printed blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    values: Vec<Option<String>>,
}

impl Default for Report {
    fn default() -> Self {
        Report { values: vec![None; fields().len()] }
    }
}

impl Report {
    pub fn new() -> Self {
        Self::default()
    }

    /// This report with these fields filled in, for the core's tests; a key outside the format
    /// fails the test.
    #[cfg(test)]
    pub fn filled(mut self, cells: &[(&str, &str)]) -> Self {
        for (key, text) in cells {
            assert!(self.set_key(key, *text), "{key} is not a key of the format");
        }
        self
    }

    /// The text of a field, `None` when it was never filled in.
    pub fn get(&self, id: FieldId) -> Option<&str> {
        self.values[id].as_deref()
    }

    /// The text of a field, blank when never filled in.
    pub fn text(&self, id: FieldId) -> &str {
        self.get(id).unwrap_or("")
    }

    /// The text of a field by its key; `None` for a key outside the format or a field never filled in.
    pub fn get_key(&self, key: &str) -> Option<&str> {
        format::field_id(key).and_then(|id| self.get(id))
    }

    /// The text of a field by its key, trimmed; `None` when nothing but spacing was written there.
    pub fn written(&self, key: &str) -> Option<&str> {
        self.get_key(key).map(str::trim).filter(|text| !text.is_empty())
    }

    /// The 报告年度 as a number, when it is one.
    pub fn year(&self) -> Option<u32> {
        self.get_key(format::META_YEAR).and_then(|y| y.trim().parse().ok())
    }

    pub fn set(&mut self, id: FieldId, text: impl Into<String>) {
        self.values[id] = Some(text.into());
    }

    /// Sets a field by key; false (and nothing changed) for a key outside the format.
    pub fn set_key(&mut self, key: &str, text: impl Into<String>) -> bool {
        match format::field_id(key) {
            Some(id) => {
                self.set(id, text);
                true
            }
            None => false,
        }
    }

    /// Forgets a field, so a derived total is computed again.
    pub fn clear(&mut self, id: FieldId) {
        self.values[id] = None;
    }

    /// True when nothing but blanks was entered.
    pub fn is_blank(&self) -> bool {
        self.values.iter().flatten().all(|v| v.trim().is_empty())
    }

    /// The filled-in fields, in form order.
    pub fn entries(&self) -> impl Iterator<Item = (FieldId, &str)> {
        self.values.iter().enumerate().filter_map(|(id, v)| v.as_deref().map(|v| (id, v)))
    }

    /// The fields whose text differs between the two reports, in form order.
    pub fn differences<'a>(&'a self, other: &'a Report) -> impl Iterator<Item = FieldId> + 'a {
        (0..self.values.len()).filter(move |&id| self.values[id] != other.values[id])
    }

    /// The first field, in form order, whose text differs between the two reports.
    pub fn first_difference(&self, other: &Report) -> Option<FieldId> {
        (0..self.values.len()).find(|&id| self.values[id] != other.values[id])
    }

    /// The report file, pretty-printed with the fields in form order.
    pub fn to_json(&self) -> String {
        self.to_file(None)
    }

    /// The report file, carrying the report it was started from (`lastYear`, the same shape) so
    /// that the checks against last year's numbers still run once the file is opened again.
    /// Readers that predate `lastYear` ignore it, as they ignore every member they do not know.
    pub fn to_file(&self, last_year: Option<&Report>) -> String {
        let mut out = String::new();
        self.write_file(&mut out, last_year, "");
        out
    }

    fn write_file(&self, out: &mut String, last_year: Option<&Report>, indent: &str) {
        out.push_str("{\n");
        out.push_str(indent);
        out.push_str("  \"format\": ");
        json::quote(out, FILE_FORMAT);
        out.push_str(",\n");
        out.push_str(indent);
        out.push_str("  \"fields\": {");
        let mut first = true;
        for (id, text) in self.entries() {
            out.push_str(if first { "\n" } else { ",\n" });
            out.push_str(indent);
            out.push_str("    ");
            first = false;
            json::quote(out, &format::field(id).key);
            out.push_str(": ");
            json::quote(out, text);
        }
        if !first {
            out.push('\n');
            out.push_str(indent);
            out.push_str("  ");
        }
        out.push('}');
        if let Some(last) = last_year {
            out.push_str(",\n");
            out.push_str(indent);
            out.push_str("  \"lastYear\": ");
            last.write_file(out, None, &format!("{indent}  "));
        }
        out.push('\n');
        out.push_str(indent);
        out.push('}');
    }

    /// Reads a report file. Keys outside the format are kept aside and reported, not silently dropped.
    pub fn from_json(text: &str) -> Result<Loaded, FileError> {
        let value = json::parse(text.trim_start_matches('\u{feff}')).map_err(|e| FileError::NotJson(e.to_string()))?;
        Report::from_file_value(&value)
    }

    /// Reads a report file already parsed, as a draft in storage holds one.
    pub fn from_file_value(value: &Json) -> Result<Loaded, FileError> {
        let tag = value.get("format").and_then(Json::as_str).ok_or(FileError::NotAReport)?;
        let version = tag
            .strip_prefix(FILE_FORMAT_NAME)
            .and_then(|v| v.parse::<u32>().ok())
            .ok_or_else(|| FileError::ForeignFormat(tag.to_string()))?;
        if version > FILE_FORMAT_VERSION {
            return Err(FileError::NewerFormat(tag.to_string()));
        }
        let last_year = match value.get("lastYear") {
            Some(Json::Null) | None => None,
            Some(last) => Some(Report::from_file_value(last)?.report),
        };
        let entries = value.get("fields").and_then(Json::as_object).ok_or(FileError::NotAReport)?;
        let mut report = Report::new();
        let mut unknown_keys = Vec::new();
        for (key, value) in entries {
            let text = match value {
                Json::String(text) | Json::Number(text) => text.clone(),
                Json::Null => continue,
                _ => return Err(FileError::BadValue(key.clone())),
            };
            if !report.set_key(key, text) {
                unknown_keys.push(key.clone());
            }
        }
        Ok(Loaded { report, last_year, unknown_keys })
    }
}

/// A report read from a file, with the keys the file had that this format does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub report: Report,
    /// The report this one was started from, when the file carries it.
    pub last_year: Option<Report>,
    pub unknown_keys: Vec<String>,
}

/// Why a file is not a report this version can open.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    NotJson(String),
    NotAReport,
    ForeignFormat(String),
    NewerFormat(String),
    BadValue(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::NotJson(detail) => write!(f, "文件不是有效的 JSON，可能已损坏（{detail}）"),
            FileError::NotAReport => write!(f, "文件不是年度报告文件：缺少 format 或 fields"),
            FileError::ForeignFormat(tag) => write!(f, "文件格式“{tag}”不是本工具的年度报告文件"),
            FileError::NewerFormat(tag) => {
                write!(f, "文件由更新版本的编制助手保存（{tag}），请先更新本工具再打开")
            }
            FileError::BadValue(key) => write!(f, "文件中 {key} 的值不是文字或数字"),
        }
    }
}

impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::base::format::id_of;

    #[test]
    fn last_years_report_travels_in_the_file_beside_the_fields() {
        let mut last = Report::new();
        last.set(id_of("requests.carried_forward.natural_person"), "3");
        let mut report = Report::new();
        report.set(id_of("meta.agency"), "某某局");
        let file = report.to_file(Some(&last));
        let loaded = Report::from_json(&file).unwrap();
        assert_eq!((loaded.report, loaded.last_year), (report.clone(), Some(last)));
        // The fields are where a reader that predates lastYear looks for them, untouched.
        let plain = json::parse(&report.to_json()).unwrap();
        let with_last = json::parse(&file).unwrap();
        assert_eq!(with_last.get("fields"), plain.get("fields"));
        assert_eq!(with_last.get("format"), plain.get("format"));
        assert_eq!(Report::from_json(&report.to_json()).unwrap().last_year, None);
    }

    #[test]
    fn a_report_survives_its_file_including_bad_entries_and_printed_blanks() {
        let mut report = Report::new();
        report.set(id_of("meta.agency"), "某某局");
        report.set(id_of("requests.received.natural_person"), "１２件");
        report.set(id_of("requests.received.commercial"), "abc");
        report.set(id_of("requests.received.total"), "");
        let json = report.to_json();
        let loaded = Report::from_json(&json).unwrap();
        assert_eq!(loaded.report, report);
        assert!(loaded.unknown_keys.is_empty());
        assert_eq!(loaded.report.get(id_of("requests.disclosed.total")), None);
        assert_eq!(loaded.report.get(id_of("requests.received.total")), Some(""));
    }

    #[test]
    fn the_file_lists_fields_in_form_order() {
        let mut report = Report::new();
        report.set(id_of("appeals.review.upheld"), "1");
        report.set(id_of("meta.agency"), "甲");
        let json = report.to_json();
        assert!(json.find("meta.agency").unwrap() < json.find("appeals.review.upheld").unwrap());
        assert!(json.contains("\"format\": \"xxgk-nianbao/1\""));
    }

    #[test]
    fn unknown_keys_are_reported_not_dropped_silently() {
        let loaded = Report::from_json(
            r#"{"format":"xxgk-nianbao/1","fields":{"meta.agency":"甲","requests.subtotal.withheld":"3","x":"1"}}"#,
        )
        .unwrap();
        assert_eq!(loaded.unknown_keys, vec!["requests.subtotal.withheld".to_string(), "x".to_string()]);
        assert_eq!(loaded.report.get_key("meta.agency"), Some("甲"));
    }

    #[test]
    fn numbers_in_a_hand_written_file_are_read_as_their_text() {
        let loaded = Report::from_json(r#"{"format":"xxgk-nianbao/1","fields":{"appeals.review.upheld":3}}"#).unwrap();
        assert_eq!(loaded.report.get_key("appeals.review.upheld"), Some("3"));
    }

    #[test]
    fn wrong_files_give_clear_errors() {
        assert!(matches!(Report::from_json("{not json"), Err(FileError::NotJson(_))));
        assert_eq!(Report::from_json("[1,2]"), Err(FileError::NotAReport));
        assert_eq!(Report::from_json(r#"{"fields":{}}"#), Err(FileError::NotAReport));
        assert_eq!(
            Report::from_json(r#"{"format":"other/1","fields":{}}"#),
            Err(FileError::ForeignFormat("other/1".into()))
        );
        let newer = Report::from_json(r#"{"format":"xxgk-nianbao/2","fields":{}}"#).unwrap_err();
        assert_eq!(newer, FileError::NewerFormat("xxgk-nianbao/2".into()));
        assert!(newer.to_string().contains("更新"));
        assert_eq!(
            Report::from_json(r#"{"format":"xxgk-nianbao/1","fields":{"meta.year":[2024]}}"#),
            Err(FileError::BadValue("meta.year".into()))
        );
    }
}
