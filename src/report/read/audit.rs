//! Any file a 政务公开办 receives, read as a report and checked: a report file of this tool, or a
//! published report (a saved page, its text, Markdown, Word, Word 97–2003/WPS, PDF) read back. What
//! `xxgk audit` prints a line of, and every command that opens a file reads it by.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::report::base::encoding;
use crate::report::base::file_kind::{FileKind, HEAD_BYTES};
use crate::report::base::format::{FieldId, META_AGENCY, META_YEAR};
use crate::report::check::rules::{check, check_with_last_year, noted_by_import, with_notes};
use crate::report::data::finding::{Finding, Rule, Severity};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;
use crate::report::read::import::{NOT_A_REPORT, import};
use crate::report::read::{docx, pdf, word97};

/// A file's text, decoded from the encoding it is in (a GBK page, a UTF-16 text file …).
pub fn decode(bytes: &[u8]) -> String {
    let encoding = encoding_rs::Encoding::for_label(encoding::sniff(bytes).as_bytes()).unwrap_or(encoding_rs::UTF_8);
    encoding.decode(bytes).0.into_owned()
}

/// A published report's page as the importer reads it: a Word file's body as HTML, or the text of
/// a Word 97–2003 file, a PDF, a page or a text file.
pub fn page_text(name: &str, bytes: &[u8]) -> Result<String, String> {
    let kind = FileKind::of(name, &bytes[..bytes.len().min(HEAD_BYTES)]);
    match kind {
        FileKind::Docx => docx::read_docx(bytes),
        FileKind::Pdf => pdf::read_pdf(bytes),
        FileKind::Word97 => word97::read_doc(bytes),
        FileKind::Picture(_) => Err(kind.refusal().unwrap_or_default()),
        FileKind::ReportFile | FileKind::Page => Ok(decode(bytes)),
    }
}

/// What [`Audited::format`] says of a report file of this tool.
pub const REPORT_FILE: &str = "报告文件";

/// A file read as a report and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Audited {
    pub report: Report,
    /// What the file was: 报告文件, or the format of the published report read back.
    pub format: String,
    /// What `xxgk check` finds (with last year's, when a report file carries it), and for a
    /// published report what reading it could not settle.
    pub findings: Vec<Finding>,
}

impl Audited {
    pub fn agency(&self) -> &str {
        self.report.get_key(META_AGENCY).unwrap_or_default().trim()
    }

    pub fn year(&self) -> &str {
        self.report.get_key(META_YEAR).unwrap_or_default().trim()
    }

    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity() == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// The findings, errors first, each kind in the order the checks found them.
    pub fn errors_first(&self) -> impl Iterator<Item = &Finding> {
        let errors = self.findings.iter().filter(|f| f.severity() == Severity::Error);
        errors.chain(self.findings.iter().filter(|f| f.severity() != Severity::Error))
    }

    /// The number cells left blank, as `(unfilled, unread)`: those the report leaves blank, and
    /// those its copy could not be read at (an `IMPORT` note names them), where the report has a
    /// number the office must look up in the original.
    pub fn blank_cells(&self) -> (usize, usize) {
        let blanks = Sheet::of(&self.report).blank_numbers();
        let unread = blanks.iter().filter(|&&id| noted_by_import(&self.findings, id)).count();
        (blanks.len() - unread, unread)
    }

    /// The ids of the rules found, each once, in the rule table's order.
    pub fn rules(&self) -> Vec<&'static str> {
        let rules: BTreeSet<_> = self.findings.iter().map(|f| f.rule).collect();
        rules.into_iter().map(|rule| rule.id()).collect()
    }
}

/// A column of the table of files audited: the review desk's, which sorts by it, and `xxgk audit
/// --html`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    File,
    Agency,
    Year,
    Format,
    Errors,
    Warnings,
    Rules,
}

impl Column {
    pub const ALL: [Column; 7] =
        [Column::File, Column::Agency, Column::Year, Column::Format, Column::Errors, Column::Warnings, Column::Rules];

    /// Its name in the page (`data-sort`).
    pub fn key(self) -> &'static str {
        match self {
            Column::File => "file",
            Column::Agency => "agency",
            Column::Year => "year",
            Column::Format => "format",
            Column::Errors => "errors",
            Column::Warnings => "warnings",
            Column::Rules => "rules",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Column::File => "文件",
            Column::Agency => "机关",
            Column::Year => "年度",
            Column::Format => "格式",
            Column::Errors => "错误",
            Column::Warnings => "提醒",
            Column::Rules => "规则",
        }
    }

    /// The two rows in this column's order. Words are compared by `collate` (the browser's Chinese
    /// collation on the page); counts as numbers; a file that could not be read comes after every
    /// report, so that sorting by 错误 downwards puts it first.
    pub fn order(self, a: &AuditedFile, b: &AuditedFile, collate: &dyn Fn(&str, &str) -> Ordering) -> Ordering {
        if self == Column::File {
            return collate(&a.file, &b.file);
        }
        let (a, b) = match (&a.read, &b.read) {
            (Ok(a), Ok(b)) => (a, b),
            (a, b) => return a.is_err().cmp(&b.is_err()),
        };
        match self {
            Column::File => unreachable!("compared above"),
            Column::Agency => collate(a.agency(), b.agency()),
            Column::Year => collate(a.year(), b.year()),
            Column::Format => collate(&a.format, &b.format),
            Column::Errors => a.errors().cmp(&b.errors()),
            Column::Warnings => a.warnings().cmp(&b.warnings()),
            Column::Rules => collate(&a.rules().join(","), &b.rules().join(",")),
        }
    }
}

/// A file a 政务公开办 received, by its name relative to the folder given: the report read and
/// checked, or why it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditedFile {
    pub file: String,
    pub read: Result<Audited, String>,
}

impl AuditedFile {
    /// Whether it needs attention before anything else: errors, or not readable.
    pub fn failed(&self) -> bool {
        self.read.as_ref().map_or(true, |a| a.errors() > 0)
    }

    /// Whether the copy was read with something it did not settle (`IMPORT`): to compare with the
    /// original, errors or not.
    pub fn unsettled(&self) -> bool {
        self.read.as_ref().is_ok_and(|a| a.findings.iter().any(|f| f.rule == Rule::Import))
    }
}

/// What of `files` needs attention, as the review desk and `xxgk audit --html` say it after the count
/// of files: those with errors or not readable, those read with numbers not settled, then the
/// report files that still lack something no finding names (`unfinished` of them, counted by the
/// caller) — never said to be fine.
pub fn needs_attention<F: Borrow<AuditedFile>>(files: &[F], unfinished: usize) -> String {
    let counted = |test: fn(&AuditedFile) -> bool| files.iter().filter(|f| test((*f).borrow())).count();
    let (failed, unsettled) = (counted(AuditedFile::failed), counted(AuditedFile::unsettled));
    let mut said = format!("{failed} 个有错误或无法读取");
    if unsettled > 0 {
        said.push_str(&format!("，{unsettled} 个有未能确定读取的数字（IMPORT）"));
    }
    if unfinished > 0 {
        said.push_str(&format!("，{unfinished} 份报告文件尚未填完"));
    }
    said
}

/// The file `name` with `bytes`, read and checked; or why it is not a report.
pub fn audit(name: &str, bytes: &[u8]) -> Result<Audited, String> {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    if FileKind::of(name, head) == FileKind::ReportFile {
        let loaded = Report::from_json(&decode(bytes)).map_err(|e| e.to_string())?;
        let findings = check_with_last_year(&loaded.report, loaded.last_year.as_ref());
        return Ok(Audited { report: loaded.report, format: REPORT_FILE.into(), findings });
    }
    let imported = import(&page_text(name, bytes)?);
    if imported.report.is_blank() {
        return Err(NOT_A_REPORT.to_string());
    }
    let findings = read_back_findings(&imported.report, &imported.findings);
    Ok(Audited { format: imported.format.short_label().into(), report: imported.report, findings })
}

/// What is found in a report read back from a published copy, with the import's notes. A check
/// that takes in a cell the copy could not be read at (left blank, an `IMPORT` note names it) says
/// nothing of the report — a column's sum is off by the row not read — and is left out: the note
/// says to compare the cell with the original, and the report is not blamed for the copy.
fn read_back_findings(report: &Report, notes: &[Finding]) -> Vec<Finding> {
    let unread = |id: &FieldId| report.get(*id).is_none() && noted_by_import(notes, *id);
    let findings = check(report).into_iter().filter(|f| !f.fields.iter().any(unread)).collect();
    with_notes(findings, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_file_is_checked_as_xxgk_check_does_and_a_picture_is_refused() {
        let example = crate::report::example();
        let audited = audit("示例.json", example.to_file(None).as_bytes()).unwrap();
        assert_eq!(
            (audited.format.as_str(), audited.agency(), audited.year()),
            ("报告文件", "咸宁市政务服务和大数据管理局", "2022")
        );
        assert_eq!(audited.findings, check(&example));
        assert!(audit("扫描件.png", b"\x89PNG\r\n\x1a\n....").is_err());
        assert_eq!(audit("空.txt", b"").unwrap_err(), NOT_A_REPORT);
    }

    #[test]
    fn a_row_the_copy_could_not_be_read_at_is_not_counted_against_the_report() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/material/01/converted.md");
        let markdown = std::fs::read_to_string(path).unwrap();
        let clean = audit("01.md", markdown.as_bytes()).unwrap();
        assert_eq!(
            (clean.errors(), clean.rules()),
            (0, vec!["TXT-NUM", "IMPORT"]),
            "no year in the copy; a sum in the text"
        );
        // 本年新收's first cell printed `13 0`: the row is not read, and each column's balance,
        // off by it, is the copy's, not the report's; its IMPORT note stays.
        let received = "|  |  | 13 | 2 |";
        assert!(markdown.contains(received));
        let unread = markdown.replacen(received, "|  |  | 13 0 | 2 |", 1);
        let audited = audit("01.md", unread.as_bytes()).unwrap();
        assert_eq!((audited.errors(), audited.rules()), (0, vec!["TXT-NUM", "IMPORT"]));
        assert!(audited.findings.iter().any(|f| f.rule == Rule::Import && f.message.contains("“13 0”")));
        // The report's own mistake elsewhere is still its own: （一）予以公开's 总计 9 printed 8, off
        // its row's sum and the 总计 column's.
        let disclosed = "| 3 | 0 | 3 | 0 | 0 | 3 | 9 |";
        assert!(unread.contains(disclosed));
        let wrong = unread.replacen(disclosed, "| 3 | 0 | 3 | 0 | 0 | 3 | 8 |", 1);
        let audited = audit("01.md", wrong.as_bytes()).unwrap();
        assert_eq!((audited.errors(), audited.rules()), (2, vec!["T3-ROW", "T3-SUM", "TXT-NUM", "IMPORT"]));

        // Read with a row not settled, it is not said to be fine among the files.
        let files = [
            AuditedFile { file: "01.md".into(), read: Ok(clean) },
            AuditedFile { file: "01（13 0）.md".into(), read: audit("01.md", unread.as_bytes()) },
            AuditedFile { file: "01（8）.md".into(), read: Ok(audited) },
            AuditedFile { file: "扫描件.png".into(), read: Err("这是一张图片".into()) },
        ];
        assert_eq!(needs_attention(&files, 0), "2 个有错误或无法读取，3 个有未能确定读取的数字（IMPORT）");
        assert_eq!(needs_attention(&files[3..], 0), "1 个有错误或无法读取");
        assert_eq!(needs_attention(&files[3..], 2), "1 个有错误或无法读取，2 份报告文件尚未填完");
    }
}
