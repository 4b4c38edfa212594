//! The review desk's page as plain state: the files a 政务公开办 has read, in the order read, each a
//! report with its findings or why it could not be read; how the table is sorted and filtered,
//! which report is open, and what the 汇总 download is waiting on. The page's components send it
//! [`DeskAction`]s and draw what it holds; the reading itself happens in a worker.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::rc::Rc;

use crate::report::data::finding::Rule;
use crate::report::edit::session::Tone;
use crate::report::publish::audit_page::DeskSum;
use crate::report::publish::open::{STILL_OPEN, open_in_report_file, rules_and_open};
use crate::report::read::audit::{Audited, AuditedFile, Column};

/// What is said once a 汇总 has been downloaded: done only when every unit was right, each once, and
/// every file read; otherwise a reminder of what the 汇总 leaves out, carries over or adds twice
/// (a unit's report twice, or an earlier 汇总 among the units) or adds as 0 (cells left blank).
fn summed(sum: &DeskSum) -> (Tone, String) {
    let mut said = format!("已下载汇总：{} 份报告逐格相加。", sum.reports);
    if sum.unreadable > 0 {
        said.push_str(&format!("另有 {} 个文件无法读取，未计入。", sum.unreadable));
    }
    for concern in sum.concerns() {
        said.push_str(&concern.reminded);
    }
    let tone = if sum.unreadable == 0 && !sum.asks_first() { Tone::Done } else { Tone::Reminder };
    (tone, said)
}

/// Files being read, in turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub files: Vec<String>,
    pub done: usize,
}

impl Reading {
    /// The file being read now.
    pub fn current(&self) -> Option<&str> {
        self.files.get(self.done).map(String::as_str)
    }
}

/// The desk: every file read, and how the office is looking at them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Desk {
    /// Shared, not copied, as the page's state changes with every file read.
    pub rows: Vec<Rc<AuditedFile>>,
    /// The files being read, while they are.
    pub reading: Option<Reading>,
    /// The column sorted by, and whether upwards; `None`: the order read.
    pub sort: Option<(Column, bool)>,
    /// Only the reports whose 规则 column lists this: a rule's id, or 尚未填完.
    pub filter: Option<String>,
    /// What each row's report file still lacks that no finding names ([`open_in_report_file`]), by
    /// its place in `rows`: worked out once, as the file is read, not at every drawing.
    pub open: Vec<Vec<String>>,
    /// The row open to its findings and preview, by its place in `rows`.
    pub opened: Option<usize>,
    /// A 汇总 made while some units have errors (`wrong`, named with their rules), a unit's report
    /// is there more than once (`repeated`), an earlier 汇总 is among them (`earlier_sums`) or a unit
    /// left cells blank (`blank`), waiting for the office's answer: such a sum is wrong, or may be,
    /// so it is asked before it is downloaded.
    pub asking: Option<DeskSum>,
    /// What the desk says about the last thing asked of it (a download refused, say).
    pub said: Option<(Tone, String)>,
}

/// What the page does to the desk.
#[derive(Debug, Clone, PartialEq)]
pub enum DeskAction {
    /// These files are about to be read, in this order.
    Reading(Vec<String>),
    /// The next file has been read.
    Read(AuditedFile),
    /// Every file given has been read.
    DoneReading,
    /// The header of a column clicked: sorted by it upwards, or the other way when it already is.
    SortBy(Column),
    /// The table narrowed to the reports whose 规则 column lists this, or no longer.
    FilterBy(Option<String>),
    /// A row opened, or the open one closed.
    Open(Option<usize>),
    /// The 汇总 made: downloaded already when every unit is right, else waiting for an answer.
    Summed(DeskSum),
    /// The office's answer to the question about wrong or repeated units: true once the page has downloaded
    /// the 汇总 it was asked about.
    AnswerSum(bool),
    Say(Tone, String),
    /// Every file put away, to begin again.
    Clear,
}

impl Desk {
    pub fn apply(&mut self, action: DeskAction) {
        match action {
            DeskAction::Reading(files) => {
                self.reading = Some(Reading { files, done: 0 });
                self.said = None;
            }
            DeskAction::Read(row) => {
                self.open.push(row.read.as_ref().map(open_in_report_file).unwrap_or_default());
                self.rows.push(Rc::new(row));
                if let Some(reading) = &mut self.reading {
                    reading.done += 1;
                }
            }
            DeskAction::DoneReading => self.reading = None,
            DeskAction::SortBy(column) => {
                self.sort = match self.sort {
                    Some((sorted, upwards)) if sorted == column => Some((column, !upwards)),
                    _ => Some((column, true)),
                }
            }
            DeskAction::FilterBy(listed) => self.filter = listed,
            DeskAction::Open(row) => self.opened = row.filter(|&n| n < self.rows.len()),
            DeskAction::Summed(sum) if !sum.asks_first() => {
                self.said = Some(summed(&sum));
                self.asking = None;
            }
            DeskAction::Summed(sum) => {
                self.said = None;
                self.asking = Some(sum);
            }
            DeskAction::AnswerSum(downloaded) => {
                if let Some(sum) = self.asking.take().filter(|_| downloaded) {
                    self.said = Some(summed(&sum));
                }
            }
            DeskAction::Say(tone, said) => self.said = Some((tone, said)),
            DeskAction::Clear => *self = Desk::default(),
        }
    }

    /// The rows the table shows, by their place in `rows`: those the filter keeps, in the order
    /// sorted (the order read among equals).
    pub fn shown(&self, collate: &dyn Fn(&str, &str) -> Ordering) -> Vec<usize> {
        let kept = |n: usize| match (&self.filter, &self.rows[n].read) {
            (None, _) => true,
            (Some(listed), Ok(a)) => rules_and_open(a, &self.open[n]).contains(&listed.as_str()),
            (Some(_), Err(_)) => false,
        };
        let mut shown: Vec<usize> = (0..self.rows.len()).filter(|&n| kept(n)).collect();
        if let Some((column, upwards)) = self.sort {
            shown.sort_by(|&a, &b| {
                let order = match (column, &self.rows[a].read, &self.rows[b].read) {
                    // The 规则 column as drawn, 尚未填完 with the rules.
                    (Column::Rules, Ok(x), Ok(y)) => {
                        let listed = |audited, n: usize| rules_and_open(audited, &self.open[n]).join(",");
                        collate(&listed(x, a), &listed(y, b))
                    }
                    _ => column.order(&self.rows[a], &self.rows[b], collate),
                };
                if upwards { order } else { order.reverse() }
            });
        }
        shown
    }

    /// What the filter offers: every rule found in any report, each once, then 尚未填完 when a
    /// report file is.
    pub fn filters(&self) -> Vec<&'static str> {
        let reports = self.rows.iter().filter_map(|row| row.read.as_ref().ok());
        let rules: BTreeSet<Rule> = reports.flat_map(|a: &Audited| a.findings.iter().map(|f| f.rule)).collect();
        let mut listed: Vec<&'static str> = rules.into_iter().map(Rule::id).collect();
        if self.unfinished() > 0 {
            listed.push(STILL_OPEN);
        }
        listed
    }

    /// How many report files still lack something no finding names.
    pub fn unfinished(&self) -> usize {
        self.open.iter().filter(|open| !open.is_empty()).count()
    }

    /// The rows of the list of findings: one a finding or an item a report file still lacks
    /// ([`open_in_report_file`]), and one for each file that could not be read.
    pub fn finding_rows(&self) -> usize {
        let rows = self.rows.iter().zip(&self.open);
        rows.map(|(row, open)| row.read.as_ref().map_or(1, |a| a.findings.len() + open.len())).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::base::format::META_AGENCY;
    use crate::report::data::finding::Finding;
    use crate::report::read::audit::{REPORT_FILE, needs_attention};

    fn checked(agency: &str, rules: &[Rule]) -> Result<Audited, String> {
        let findings =
            rules.iter().map(|&rule| Finding::new(rule, Vec::new(), format!("{agency} {}", rule.id()))).collect();
        // The example, whole: nothing open but what `rules` say.
        let mut report = crate::report::example();
        report.set_key(META_AGENCY, agency);
        Ok(Audited { report, format: REPORT_FILE.into(), findings })
    }

    /// 丁局's report file with findings of `rules`, and no 成文日期, which no finding names.
    fn undated(rules: &[Rule]) -> AuditedFile {
        let mut read = checked("丁局", rules).unwrap();
        read.report.set_key("meta.signed_on", "");
        AuditedFile { file: "丁.json".into(), read: Ok(read) }
    }

    fn desk() -> Desk {
        let mut desk = Desk::default();
        desk.apply(DeskAction::Reading(vec!["乙.json".into(), "甲.json".into(), "坏.png".into(), "丙.json".into()]));
        assert_eq!(desk.reading.as_ref().unwrap().current(), Some("乙.json"));
        desk.apply(DeskAction::Read(AuditedFile {
            file: "乙.json".into(),
            read: checked("乙局", &[Rule::T3Row, Rule::Blank]),
        }));
        desk.apply(DeskAction::Read(AuditedFile { file: "甲.json".into(), read: checked("甲局", &[]) }));
        desk.apply(DeskAction::Read(AuditedFile { file: "坏.png".into(), read: Err("这是一张图片".into()) }));
        desk.apply(DeskAction::Read(AuditedFile {
            file: "丙.json".into(),
            read: checked("丙局", &[Rule::Blank, Rule::Blank]),
        }));
        desk
    }

    #[test]
    fn reading_counts_the_files_done_and_keeps_them_in_the_order_read() {
        let mut desk = desk();
        let reading = desk.reading.as_ref().unwrap();
        assert_eq!((reading.done, reading.files.len(), reading.current()), (4, 4, None));
        desk.apply(DeskAction::DoneReading);
        assert_eq!(desk.reading, None);
        assert_eq!(desk.shown(&str::cmp), vec![0, 1, 2, 3]);
        assert_eq!(
            needs_attention(&desk.rows, desk.unfinished()),
            "2 个有错误或无法读取",
            "乙 has an error and 坏.png cannot be read"
        );
        assert_eq!(desk.finding_rows(), 2 + 1 + 2, "乙's two findings, 坏.png, 丙's two");
        // 丁's file has no 成文日期, which no finding names: a row of the list too.
        desk.apply(DeskAction::Read(undated(&[])));
        assert_eq!(desk.finding_rows(), 2 + 1 + 2 + 1);
        assert_eq!(desk.unfinished(), 1);
        assert_eq!(needs_attention(&desk.rows, desk.unfinished()), "2 个有错误或无法读取，1 份报告文件尚未填完");
        assert_eq!(desk.filters(), ["T3-ROW", "BLANK", "尚未填完"]);
    }

    #[test]
    fn a_column_sorts_upwards_then_downwards_with_unreadable_files_as_the_worst() {
        let mut desk = desk();
        desk.apply(DeskAction::SortBy(Column::Errors));
        assert_eq!(desk.shown(&str::cmp), vec![1, 3, 0, 2], "0 errors (甲, 丙 in the order read), 1, then unreadable");
        desk.apply(DeskAction::SortBy(Column::Errors));
        assert_eq!(desk.shown(&str::cmp)[..2], [2, 0], "downwards: the unreadable file, then 乙");
        desk.apply(DeskAction::SortBy(Column::Warnings));
        assert_eq!(desk.shown(&str::cmp), vec![1, 0, 3, 2]);
        // The page collates words as Chinese does; here a collation that reverses shows it is used.
        desk.apply(DeskAction::SortBy(Column::File));
        assert_eq!(desk.shown(&|a: &str, b: &str| b.cmp(a)), vec![1, 2, 0, 3]);
    }

    #[test]
    fn the_rules_column_sorts_as_drawn_with_what_is_still_open() {
        let mut desk = desk();
        desk.apply(DeskAction::Read(undated(&[])));
        desk.apply(DeskAction::SortBy(Column::Rules));
        // 甲 (none), 丙 (BLANK), 乙 (T3-ROW, BLANK), 丁 (尚未填完), then the file not read.
        assert_eq!(desk.shown(&str::cmp), vec![1, 3, 0, 4, 2]);
    }

    #[test]
    fn the_filter_keeps_the_reports_with_that_rule_or_still_open() {
        let mut desk = desk();
        assert_eq!(desk.filters(), ["T3-ROW", "BLANK"], "nothing open");
        desk.apply(DeskAction::FilterBy(Some("BLANK".into())));
        assert_eq!(desk.shown(&str::cmp), vec![0, 3]);
        desk.apply(DeskAction::FilterBy(Some("T3-ROW".into())));
        assert_eq!(desk.shown(&str::cmp), vec![0]);
        desk.apply(DeskAction::FilterBy(Some(STILL_OPEN.into())));
        assert_eq!(desk.shown(&str::cmp), Vec::<usize>::new());
        desk.apply(DeskAction::Read(undated(&[Rule::Blank])));
        assert_eq!(desk.shown(&str::cmp), vec![4]);
        desk.apply(DeskAction::FilterBy(Some("BLANK".into())));
        assert_eq!(desk.shown(&str::cmp), vec![0, 3, 4]);
        desk.apply(DeskAction::FilterBy(None));
        assert_eq!(desk.shown(&str::cmp).len(), 5);
    }

    #[test]
    fn a_sum_over_wrong_units_waits_for_an_answer_and_is_never_said_done_over_them() {
        let mut desk = desk();
        let sum = |wrong: Vec<String>, unreadable| DeskSum {
            file: "{}".into(),
            file_name: "汇总（3个单位）.json".into(),
            reports: 3,
            wrong,
            repeated: Vec::new(),
            earlier_sums: Vec::new(),
            blank: Vec::new(),
            unreadable,
        };
        desk.apply(DeskAction::Summed(sum(Vec::new(), 0)));
        assert_eq!(desk.said, Some((Tone::Done, "已下载汇总：3 份报告逐格相加。".into())));
        desk.apply(DeskAction::Summed(sum(Vec::new(), 1)));
        assert_eq!(desk.said.as_ref().map(|s| s.0), Some(Tone::Reminder), "a file left out is said");
        desk.apply(DeskAction::Summed(sum(vec!["乙.json（乙局）：T3-ROW".into()], 0)));
        assert!(desk.asking.is_some() && desk.said.is_none());
        desk.apply(DeskAction::AnswerSum(false));
        assert_eq!((desk.asking.is_none(), desk.said.is_none()), (true, true));
        desk.apply(DeskAction::Summed(sum(vec!["乙.json（乙局）：T3-ROW".into()], 0)));
        desk.apply(DeskAction::AnswerSum(true));
        let (tone, said) = desk.said.clone().unwrap();
        assert_eq!(tone, Tone::Reminder);
        assert!(said.contains("其中 1 个单位的报告有错误"), "{said}");

        // One agency's report twice: asked about as well, and never said done.
        let twice = DeskSum { repeated: vec!["甲局：甲.docx、甲（改）.pdf".into()], ..sum(Vec::new(), 0) };
        desk.apply(DeskAction::Summed(twice));
        assert!(desk.asking.is_some() && desk.said.is_none());
        desk.apply(DeskAction::AnswerSum(true));
        let (tone, said) = desk.said.clone().unwrap();
        assert_eq!(tone, Tone::Reminder);
        assert!(
            said.ends_with("有 1 个机关的报告不止一份，每份都已计入；若是重复报送，请只留一份后重新汇总。"),
            "{said}"
        );
        // An earlier 汇总 among the reports: asked about, and said after.
        desk.apply(DeskAction::Summed(DeskSum { earlier_sums: vec!["汇总.json".into()], ..sum(Vec::new(), 0) }));
        assert!(desk.asking.is_some());
        desk.apply(DeskAction::AnswerSum(true));
        assert!(
            desk.said.as_ref().is_some_and(|(tone, said)| *tone == Tone::Reminder && said.contains("之前生成的汇总"))
        );

        // A unit with blank cells: asked about, and said after.
        let blank = DeskSum { blank: vec!["丙.json（丙局）：2 个数字格未填".into()], ..sum(Vec::new(), 0) };
        desk.apply(DeskAction::Summed(blank));
        assert!(desk.asking.is_some());
        desk.apply(DeskAction::AnswerSum(true));
        assert!(desk.said.as_ref().is_some_and(|(tone, said)| *tone == Tone::Reminder && said.contains("已按 0 计入")));

        desk.apply(DeskAction::Open(Some(9)));
        assert_eq!(desk.opened, None, "no such row");
        desk.apply(DeskAction::Open(Some(1)));
        assert_eq!(desk.opened, Some(1));
        desk.apply(DeskAction::Clear);
        assert_eq!(desk, Desk::default());
    }
}
