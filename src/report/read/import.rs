//! Reading a published report back into a `Report`, as exactly as the copy allows: the page's
//! text (a cell per line, or a crawler's body glued on one line), or its HTML, with the portal's
//! chrome around it. Printed totals and blanks are kept as printed, so the rules report the
//! published report's own mistakes; what cannot be read for sure is said, never guessed silently.

mod copy;
mod markdown;
mod split;

use copy::{BREAK, Copy, Span, TABLE_END, label_key};
use split::{Run, Value, adds_up_without_one, as_printed, counts, printed, rejoined, runs, splits, unread};

use crate::report::base::format::{
    self, APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_TOTAL_COLUMN, APPLICANTS_HEADER, FieldId, META_AGENCY, META_SIGNED_BY,
    META_SIGNED_ON, META_YEAR, ORGANISATIONS_HEADER, OTHER_MATTERS, PROACTIVE, PROBLEMS_LAST_YEAR, PROBLEMS_THIS_YEAR,
    REQUEST_COLUMNS, REQUEST_TOTAL_COLUMN, REQUESTS_CORNER_NOTE, SECTIONS, SUITS_HEADER, TITLE_SUFFIX, Table,
    appeal_cell, id_of, request_cell, request_rows,
};
use crate::report::base::json::{self, Json};
use crate::report::base::text::{ends_sentence, is_han, without_gaps_beside_digits};
use crate::report::check::rules::request_columns_hold;
use crate::report::data::finding::{Finding, Rule};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;

/// Which national format the copy is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// 国办公开办函〔2021〕30号, the format of this tool.
    National2021,
    /// 国办公开办函〔2019〕60号 (reports for 2019 and 2020).
    Old2019,
}

impl SourceFormat {
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::National2021 => "2021年格式（国办公开办函〔2021〕30号）",
            SourceFormat::Old2019 => "2019年格式（国办公开办函〔2019〕60号）",
        }
    }

    /// Its name in a table of many files.
    pub fn short_label(self) -> &'static str {
        match self {
            SourceFormat::National2021 => "2021年格式",
            SourceFormat::Old2019 => "2019年格式",
        }
    }
}

/// A report read from a copy, with what the reading found wrong or could not do.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub report: Report,
    pub format: SourceFormat,
    /// `OLD-FORMAT` for a 2019-format copy; `IMPORT` for what could not be read for sure.
    pub findings: Vec<Finding>,
}

/// Beyond this many ways to combine the open rows of table 三, none is chosen.
const MAX_COMBINATIONS: usize = 10_000;
/// How many characters of a row's glued digits a finding quotes.
const GLUED_SHOWN: usize = 60;

/// Copies longer than this are cut: no report is near it, and the reading stays quick.
pub const MAX_SOURCE_BYTES: usize = 2 * 1024 * 1024;

/// Words of the 2019 format's table 二 (docs/FORMAT.md §5) that the 2021 format does not have.
const OLD_FORMAT_MARKS: [&str; 5] =
    ["本年新制作数量", "本年新公开数量", "对外公开总数量", "政府集中采购", "第二十条第（九）项"];

/// The outcome category of table 三 that the 2019 format prints as one row.
const OLD_FORMAT_ONE_ROW: &str = "other_handling";

/// How a report's title ends besides the national wording ([`TITLE_SUFFIX`]): without 工作, as many
/// portals name it.
const TITLE_WITHOUT_WORK: &str = "政府信息公开年度报告";

/// The labels of the title in a portal's metadata table (名称 | …), when no colon follows them.
const METADATA_LABELS: [&str; 4] = ["文件名称", "信息名称", "名称", "标题"];

/// Longer than this, what stands before a title's year is a sentence, not an agency's name.
const MAX_AGENCY_CHARS: usize = 40;

/// Where a copy's page furniture begins after the report body.
const CHROME_MARKS: [&str; 8] =
    ["附件：", "附件:", "相关文档", "相关附件", "【字号", "打印本页", "关闭窗口", "扫一扫在手机"];

/// A report opened from whatever the clerk has, with what reading it found to tell them.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub report: Report,
    /// Last year's report, when a report file carries it.
    pub last_year: Option<Report>,
    /// What the importer could not read for sure, for the clerk to settle cell by cell.
    pub notes: Vec<Finding>,
    pub remarks: Vec<String>,
}

impl Opened {
    /// The report read, as one JSON object: how the jobs worker answers the widget (a refusal is
    /// the protocol's own answer).
    pub fn to_message(&self) -> String {
        let mut out = String::from("{\"report\":");
        out.push_str(&self.report.to_file(self.last_year.as_ref()));
        let notes: Vec<String> = self.notes.iter().map(Finding::to_json).collect();
        out.push_str(&format!(",\"notes\":[{}],\"remarks\":[", notes.join(",")));
        for (n, remark) in self.remarks.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            json::quote(&mut out, remark);
        }
        out.push_str("]}");
        out
    }

    /// The answer [`Opened::to_message`] wrote, read back.
    pub fn from_message(message: &str) -> Result<Opened, String> {
        let value = json::parse(message).map_err(|e| e.to_string())?;
        let loaded =
            Report::from_file_value(value.get("report").ok_or("读取结果不完整")?).map_err(|e| e.to_string())?;
        let list = |name: &str| match value.get(name) {
            Some(Json::Array(items)) => items.as_slice(),
            _ => &[],
        };
        Ok(Opened {
            report: loaded.report,
            last_year: loaded.last_year,
            notes: list("notes").iter().filter_map(Finding::from_json).collect(),
            remarks: list("remarks").iter().filter_map(|r| r.as_str().map(str::to_string)).collect(),
        })
    }
}

/// A report file of this tool. `Err` says why nothing was opened.
pub fn open_report_file(text: &str) -> Result<Opened, String> {
    let loaded = Report::from_json(text).map_err(|e| e.to_string())?;
    let remarks = if loaded.unknown_keys.is_empty() {
        vec![]
    } else {
        vec![format!("文件中有本工具不认识的项目，已忽略：{}。", loaded.unknown_keys.join("、"))]
    };
    Ok(Opened { report: loaded.report, last_year: loaded.last_year, remarks, notes: vec![] })
}

/// What is said of a page or file in which nothing of a report was found.
pub const NOT_A_REPORT: &str = "没有找到年度报告的表格和正文";
/// What is said when the paste box is read empty. Most often the copy gave nothing: a PDF that
/// forbids copying leaves the clipboard empty in the browser's viewer, and the widget opens the
/// file itself.
pub const NOTHING_PASTED: &str = "粘贴框是空的。请在报告的网页或 PDF 中全选（Ctrl+A）、复制（Ctrl+C），再在框中粘贴（Ctrl+V）。若从 PDF 复制后什么也粘贴不进来，这份 PDF 禁止复制或是扫描件：请直接打开这个 PDF 文件，或改用报告的网页或 Word 文件";

/// A published report's page text or HTML; what could not be read for sure comes back as notes.
pub fn open_published(text: &str) -> Result<Opened, String> {
    let imported = import(text);
    if imported.report.is_blank() {
        return Err(NOT_A_REPORT.into());
    }
    let remarks = vec![format!("按{}读取。", imported.format.label())];
    Ok(Opened { report: imported.report, last_year: None, remarks, notes: imported.findings })
}

/// A page's text as printed, its paragraphs and table rows a line each: what a reader of the
/// page sees, for checking that a text is there.
pub fn printed_text(source: &str) -> String {
    let copy = Copy::new(truncate(source));
    copy.text(0, copy.len())
}

/// Reads a published report. Never fails: what it cannot read stays blank and is said.
pub fn import(source: &str) -> Imported {
    let source = truncate(source);
    let copy = Copy::new(source);
    let format = if OLD_FORMAT_MARKS.iter().any(|m| copy.find(0, &label_key(m)).is_some()) {
        SourceFormat::Old2019
    } else {
        SourceFormat::National2021
    };
    let mut reader = Reader { copy: &copy, report: Report::new(), findings: Vec::new(), format, numbers_apart: false };
    if format == SourceFormat::Old2019 {
        reader.note(
            Rule::OldFormat,
            vec![],
            "这是2019年格式（国办公开办函〔2019〕60号）的报告，与现行格式不同：表三（“（六）其他处理”除外）、表四和文字已导入，表二没有导入。"
                .into(),
        );
    }
    reader.read();
    Imported { report: reader.report, format, findings: reader.findings }
}

fn truncate(source: &str) -> &str {
    if source.len() <= MAX_SOURCE_BYTES {
        return source;
    }
    let mut end = MAX_SOURCE_BYTES;
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    &source[..end]
}

struct Reader<'a> {
    copy: &'a Copy,
    report: Report,
    findings: Vec<Finding>,
    format: SourceFormat,
    /// The copy's tables show no glued numbers (`split::glues_numbers`): each run of digits is one
    /// value, never split — in such a copy, fewer numbers than cells means some were lost.
    numbers_apart: bool,
}

/// A row of table 三 as read.
struct RowReading {
    row: usize,
    /// The runs between its label and the next row's.
    runs: Vec<Run>,
    /// The readings that fit; several are settled by the columns' arithmetic.
    options: Vec<Vec<Value>>,
    /// The options are arrangements of numbers a PDF laid out over lines (its 总计 possibly out of
    /// place), not splits of glued digits: a row left unsettled is said as out of order.
    reordered: bool,
    /// Its one reading stands only when the columns' arithmetic confirms it; otherwise this is said.
    unconfirmed: Option<String>,
    /// What was read otherwise than as printed (a number left off, one rejoined), said when the
    /// row is placed: a row left blank is said so instead.
    read_note: Option<String>,
}

/// Where the six section headings were found.
type Headings = [Option<Span>; 6];

/// One row as read: its values' runs, where its own label stands, and where its values end.
struct RowRead {
    runs: Vec<Run>,
    label: Span,
    end: usize,
    /// The next row's label is not in the copy, and the copy goes on after this row: the numbers
    /// after this row's label may be the next row's, this row's own lost with that label.
    next_missing: bool,
}

impl Reader<'_> {
    fn note(&mut self, rule: Rule, fields: Vec<FieldId>, message: String) {
        self.findings.push(Finding::new(rule, fields, message));
    }

    fn read(&mut self) {
        self.read_title();
        let headings = self.find_headings();
        let end = self.body_end(&headings);
        let tables_start = headings[1].or(headings[2]).map_or(0, |h| h.end);
        self.numbers_apart = !split::glues_numbers(self.copy, tables_start, headings[4].map_or(end, |h| h.start));
        if self.format == SourceFormat::National2021 {
            self.read_proactive(&headings);
        }
        self.read_requests(&headings, end);
        self.read_appeals(&headings, end);
        self.read_texts(&headings, end);
        // A copy without the title (a body pasted alone) still names the agency in its 落款.
        if self.report.get_key(META_AGENCY).is_none()
            && let Some(signer) = self.report.get_key(META_SIGNED_BY).map(str::to_string)
        {
            self.report.set_key(META_AGENCY, signer);
        }
        // The year comes only from the title: without it the texts' years go unchecked, so the
        // clerk is asked for it at its field.
        if self.report.get_key(META_YEAR).is_none() {
            self.note(
                Rule::Import,
                vec![id_of(META_YEAR)],
                "复制件中没有带年度的标题，未读到报告年度，请填写。".into(),
            );
        }
    }

    fn find_headings(&self) -> Headings {
        let mut found: Headings = [None; 6];
        let mut from = 0;
        for (i, section) in SECTIONS.iter().enumerate() {
            let mut labels = vec![label_key(section.heading)];
            labels.extend(section.variants.iter().map(|v| label_key(v)));
            if let Some(span) = self.copy.find_any(from, &labels) {
                found[i] = Some(span);
                from = span.end;
            }
        }
        found
    }

    /// Where the report body ends: the first piece of page furniture after §六, or the end.
    fn body_end(&self, headings: &Headings) -> usize {
        let from = headings[5].map_or(self.copy.len(), |h| h.end);
        let marks: Vec<Vec<char>> = CHROME_MARKS.iter().map(|m| label_key(m)).collect();
        self.copy.find_any(from, &marks).map_or(self.copy.len(), |s| s.start)
    }

    /// `<机关><YYYY>年(度)政府信息公开(工作)年度报告`, or `<YYYY>年<机关>…` as some portals title it,
    /// as pages print it: broken over two lines (the agency on the first), spaced around the year,
    /// in a portal's metadata table (名称：…), after a page number a PDF viewer copied.
    fn read_title(&mut self) {
        // The first title with a year: a breadcrumb above it (首页 > 政府信息公开年度报告) has none.
        let endings = [label_key(TITLE_SUFFIX.trim_start_matches('年')), label_key(TITLE_WITHOUT_WORK)];
        let mut from = 0;
        while let Some(span) = self.copy.find_any(from, &endings) {
            if let Some((agency, year)) = self.title_before(span.start) {
                self.report.set_key(META_YEAR, year);
                if let Some(agency) = agency {
                    self.report.set_key(META_AGENCY, agency);
                }
                return;
            }
            from = span.end;
        }
    }

    /// The agency (when it reads as one) and the year of a title that ends at `end`.
    fn title_before(&self, end: usize) -> Option<(Option<String>, String)> {
        let mut lines = self.copy.paragraphs(0, end);
        let line = lines.pop().unwrap_or_default();
        let line = line.rsplit(['：', ':']).next().unwrap_or(&line).trim_start();
        let line = METADATA_LABELS.iter().find_map(|l| line.strip_prefix(l)).unwrap_or(line);
        let line: String = without_page_number(line).chars().filter(|c| !c.is_whitespace()).collect();
        let line = line.strip_suffix("年度").or_else(|| line.strip_suffix('年')).unwrap_or(&line);
        let chars: Vec<char> = line.chars().map(|c| copy::key_of(c, ' ')).collect();
        let year_at = (0..chars.len().saturating_sub(3)).rev().find(|&i| {
            chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
                && (i + 4 == chars.len() || !chars[i + 4].is_ascii_digit())
        });
        let at = year_at?;
        let year: String = chars[at..at + 4].iter().collect();
        let before: String = line.chars().take(at).collect();
        let after: String = line.chars().skip(at + 4).collect();
        let agency = if before.is_empty() {
            // `2024年<机关>…`, or the year alone on the title's second line, the agency above it.
            let after = after.trim_start_matches(['年', '度']).to_string();
            if after.is_empty() {
                lines.pop().map(|l| without_page_number(&l).to_string()).unwrap_or_default()
            } else {
                after
            }
        } else {
            before
        };
        let agency: String = agency.split_whitespace().collect();
        let named = !agency.is_empty() && agency.chars().count() <= MAX_AGENCY_CHARS && !ends_sentence(&agency);
        Some((named.then_some(agency), year))
    }

    /// Reads one row of `width` values: finds its labels from `from`, and its values up to the
    /// next row's label (or `until`). Only the row's own (last) label must be found: a group label
    /// spanning rows is printed vertically in PDF text, a character or three a line between other
    /// rows' cells.
    fn row_runs(&self, from: usize, until: usize, labels: &[&str], next: &[&str], width: usize) -> Option<RowRead> {
        let (own, groups) = labels.split_last()?;
        let mut at = from;
        for label in groups {
            if let Some(span) = self.find_label(at, until, label) {
                at = span.end;
            }
        }
        let label = self.find_label(at, until, own)?;
        at = label.end;
        // The nearest of the later rows' labels: in reading-order PDF text a later row's label can
        // come before the next row's own.
        let nearest = next.iter().fold(until, |end, l| self.find_label(at, end, l).map_or(end, |s| s.start));
        let end = (at..nearest).find(|&i| self.copy.key(i) == TABLE_END).unwrap_or(nearest);
        let runs = self.runs(at, end);
        // With the next row's label lost, a later row's found, words (a label too unlike the
        // format's), more numbers than the row has cells, or the copy going on past the table (so
        // the table was copied whole, its last rows too) say another row's numbers may be here.
        // A copy that simply ends with this row (a row or two pasted alone) is read.
        let next_missing = next.first().is_some_and(|l| self.find_label(at, until, l).is_none())
            && (nearest < until
                || runs.len() > width
                || self.copy.keys(at, end).any(is_han)
                || until < self.copy.len());
        Some(RowRead { runs, label, end, next_missing })
    }

    /// A label as printed, or failing that without its numbering (`重复申请` for `2.重复申请`: a
    /// row found this way ends the row before it, which would otherwise take its numbers), or its
    /// start (copies shorten long labels and drop the parenthetical of （二）部分公开).
    fn find_label(&self, from: usize, until: usize, label: &str) -> Option<Span> {
        let key = label_key(label);
        if let Some(span) = self.copy.find_before(from, until, &key) {
            return Some(span);
        }
        let words = label_key(unnumbered(label));
        if words.len() >= 4
            && words.len() < key.len()
            && let Some(span) = self.copy.find_before(from, until, &words)
        {
            return Some(span);
        }
        let short = label.find('（').filter(|&i| i > 3).map(|i| &label[..i]);
        let short = short.map(label_key).unwrap_or_else(|| key.iter().copied().take(8).collect());
        (short.len() >= 4 && short.len() < key.len()).then(|| self.copy.find_before(from, until, &short)).flatten()
    }

    fn set_values(&mut self, ids: &[FieldId], values: &[Value]) {
        fill(&mut self.report, ids, values);
    }

    fn uncertain(&mut self, ids: Vec<FieldId>, place: &str, runs: &[Run], options: &[Vec<Value>]) {
        let glued: Vec<String> = runs.iter().map(|r| r.shown().unwrap_or("（空）").to_string()).collect();
        // Quoted as far as a clerk can compare it with the original, not a megabyte of it.
        let mut glued = glued.join(" ");
        if let Some((cut, _)) = glued.char_indices().nth(GLUED_SHOWN) {
            glued.replace_range(cut.., "…");
        }
        let mut shown = Vec::new();
        for option in options.iter().take(4) {
            shown.push(option.iter().map(|v| v.as_deref().unwrap_or_default()).collect::<Vec<_>>().join("/"));
        }
        let message = if runs.is_empty() {
            format!("{place}：复制件中标题之后没有读到数字（复制时数字可能被移到了别处），未导入，请对照原表填写。")
        } else if options.is_empty() {
            format!("{place}：复制件中的数字“{glued}”无法按表格拆分，未导入，请对照原表填写。")
        } else {
            format!(
                "{place}：复制件中的数字粘连成“{glued}”，可拆为 {}{}，表格自身的勾稽关系不能确定是哪一种，未导入，请对照原表填写。",
                shown.join("、"),
                if options.len() > 4 { " 等" } else { "" }
            )
        };
        self.note(Rule::Import, ids, message);
    }

    /// The runs in `start..end`, each one value in a copy that keeps numbers apart.
    fn runs(&self, start: usize, end: usize) -> Vec<Run> {
        let runs = runs(self.copy, start, end);
        if !self.numbers_apart {
            return runs;
        }
        runs.into_iter().map(|run| if let Run::Digits(d) = run { Run::Cell(d) } else { run }).collect()
    }

    /// A row (table 四: the table) with digits that make no number in it: true, and said, when
    /// `runs` has one. Which cell they stand for, or whether a mark or another cell's number is in
    /// them, is not certain, so nothing of the row is read.
    fn has_unread(&mut self, ids: &[FieldId], place: &str, runs: &[Run]) -> bool {
        let Some((unread, why)) = unread(runs) else { return false };
        let said = if unread.ends_with('元') { "不能照录" } else { "读不成一个数" };
        let message = format!("{place}：复制件中的“{unread}”{said}（{why}），未导入，请对照原表填写。");
        self.note(Rule::Import, ids.to_vec(), message);
        true
    }

    /// A row whose stretch may hold the next row's numbers, its label not found.
    fn next_row_missing(&mut self, ids: Vec<FieldId>, place: &str, next: &str) {
        let message = format!(
            "{place}：复制件中找不到下一行「{next}」，这一行后面的数字可能属于下一行，未导入，请对照原表填写。"
        );
        self.note(Rule::Import, ids, message);
    }

    /// Numbers a text copy prints on several lines, some line holding more than one, where nothing
    /// confirms them (table 二 has no sum, table 四's groups do not add up): a number alone on a
    /// line may be a page number standing where the copy lost one.
    fn spread_over_lines(&mut self, ids: Vec<FieldId>, place: &str, runs: &[Run]) {
        let message = format!(
            "{place}：复制件中的数字“{}”分在几行，其中可能有页码等不属于表格的数字，未导入，请对照原表填写。",
            printed(runs)
        );
        self.note(Rule::Import, ids, message);
    }

    /// How many numbers each line of `start..end` that has any holds.
    fn numbers_per_line(&self, start: usize, end: usize) -> Vec<usize> {
        let (mut lines, mut on_line, mut in_digits) = (Vec::new(), 0, false);
        for key in self.copy.keys(start, end).chain([BREAK]) {
            let digit = key.is_ascii_digit();
            if digit && !in_digits {
                on_line += 1;
            }
            in_digits = digit;
            if key == BREAK && on_line > 0 {
                lines.push(std::mem::take(&mut on_line));
            }
        }
        lines
    }

    /// True when the numbers in `start..end` lie on several lines, some line holding more than one:
    /// a row laid out by a PDF's text with its cells at different heights. (A copy with a cell a
    /// line keeps the cells' order.)
    fn laid_out_over_lines(&self, start: usize, end: usize) -> bool {
        let per_line = self.numbers_per_line(start, end);
        per_line.len() > 1 && per_line.iter().any(|&n| n > 1)
    }

    /// A text copy's row whose numbers cannot be placed for certain (they do not add up to its
    /// 总计, or several arrangements do): the copy may have put them out of order (a PDF's tall
    /// row), so none is taken.
    fn out_of_order(&mut self, ids: Vec<FieldId>, place: &str, runs: &[Run]) {
        let message = format!(
            "{place}：复制件中读到的数字“{}”无法确定各在哪一列（复制时数字的顺序可能被打乱，按该行的总计也排不出唯一的一种），未导入，请对照原表填写。",
            printed(runs)
        );
        self.note(Rule::Import, ids, message);
    }

    /// The first two of a header's column `labels` (in the format's order) that the copy prints the
    /// other way round between `from` and `until`, as (printed first, meant first): a table that
    /// lays its columns out otherwise cannot be read by position. A label not found says nothing
    /// (copies lose and wrap a header's words).
    fn columns_swapped<'l>(&self, from: usize, until: usize, labels: &[&'l str]) -> Option<(&'l str, &'l str)> {
        let found: Vec<(usize, &'l str)> = labels
            .iter()
            .filter_map(|&label| Some((self.copy.find_before(from, until, &label_key(label))?.start, label)))
            .collect();
        found.windows(2).find(|pair| pair[1].0 < pair[0].0).map(|pair| (pair[1].1, pair[0].1))
    }

    /// Leaves the cells of a table whose columns the copy prints in another order blank, saying so.
    fn columns_in_other_order(&mut self, ids: Vec<FieldId>, name: &str, (printed_first, meant_first): (&str, &str)) {
        let message = format!(
            "{name}的列与规定格式的顺序不同（“{printed_first}”印在“{meant_first}”之前），无法按列读取，未导入，请对照原表填写。"
        );
        self.note(Rule::Import, ids, message);
    }

    fn read_proactive(&mut self, headings: &Headings) {
        let Some(start) = headings[1].map(|h| h.end) else { return };
        let until = headings[2].map_or(self.copy.len(), |h| h.start);
        // Each row with its block's article when it is the block's first.
        let mut rows: Vec<(&str, &[&str], Option<&str>)> = Vec::new();
        for block in PROACTIVE {
            for (i, row) in block.rows.iter().enumerate() {
                rows.push((row.label, row.keys, (i == 0).then_some(block.article)));
            }
        }
        // A block whose columns the copy prints in another order, or whose amounts in 元 where the
        // table's are in 万元, is left unread.
        let mut unread_rows: Vec<&str> = Vec::new();
        for block in PROACTIVE {
            let mut ids = Vec::new();
            for row in block.rows {
                ids.extend(row.keys.iter().map(|k| id_of(k)));
            }
            let in_yuan = block.columns[0].replace("万元", "元");
            if let Some(pair) = self.columns_swapped(start, until, block.columns) {
                self.columns_in_other_order(ids, "表二", pair);
            } else if in_yuan != block.columns[0] && self.copy.find_before(start, until, &label_key(&in_yuan)).is_some()
            {
                let rows: Vec<&str> = block.rows.iter().map(|row| row.label).collect();
                let message = format!(
                    "表二「{}」：复制件表头的单位是元，表中按万元填写（应除以 10000），未导入，请对照原表填写。",
                    rows.join("、")
                );
                self.note(Rule::Import, ids, message);
            } else {
                continue;
            }
            unread_rows.extend(block.rows.iter().map(|row| row.label));
        }
        let mut at = start;
        // Where the previous row's values ended, or its block's article: a value read before its
        // label comes from the table, never from the note above it.
        let mut read_to = start;
        let mut previous_found = true;
        for (i, (label, keys, article)) in rows.iter().enumerate() {
            if let Some(found) = article.and_then(|a| self.find_label(read_to, until, a)) {
                read_to = found.end;
            }
            if unread_rows.contains(label) {
                previous_found = false;
                continue;
            }
            let mut next: Vec<&str> = rows[i + 1..].iter().map(|(l, _, _)| *l).collect();
            next.extend(PROACTIVE.iter().map(|b| b.article));
            let Some(RowRead { mut runs, label: found, end, next_missing }) =
                self.row_runs(at, until, &[label], &next, keys.len())
            else {
                self.note(Rule::Import, keys.iter().map(|k| id_of(k)).collect(), format!("未找到表二「{label}」行。"));
                previous_found = false;
                continue;
            };
            // Reading-order PDF text puts a single line's value before a label that wraps or sits
            // lower in its cell: what lies between the previous row and this label is taken when
            // it is exactly this row's values and nothing follows the label. (After a row not
            // found, what lies there may be that row's.)
            let mut before = if previous_found { self.runs(read_to, found.start) } else { Vec::new() };
            let on_both_sides = !runs.is_empty() && !before.is_empty();
            // A text copy prints a row's numbers on its label's line, or each on a line of its own.
            // Some on the label's line and the rest below: a line's lone number may be a page
            // number that took the place of one the copy lost, and table 二 has no sum to tell.
            let over_lines = !self.copy.cells && self.laid_out_over_lines(found.end, end);
            if runs.is_empty() && before.len() == keys.len() {
                runs = std::mem::take(&mut before);
            }
            at = found.end;
            read_to = end;
            previous_found = true;
            let ids: Vec<FieldId> = keys.iter().map(|k| id_of(k)).collect();
            let place = format!("表二「{label}」");
            if next_missing && i + 1 < rows.len() {
                self.next_row_missing(ids, &place, rows[i + 1].0);
                continue;
            }
            if on_both_sides {
                // Numbers before the label and after it: which are the row's (and which a page
                // number or a mark) is not certain.
                self.uncertain(ids, &place, &[before, runs].concat(), &[]);
                continue;
            }
            if self.has_unread(&ids, &place, &runs) {
                continue;
            }
            if over_lines {
                self.spread_over_lines(ids, &place, &runs);
                continue;
            }
            match splits(&runs, keys.len(), &|_| true) {
                Some(options) if options.len() == 1 => {
                    self.set_values(&ids, &options[0]);
                    if runs.len() < keys.len() {
                        let shown: Vec<String> = options[0].iter().map(|v| v.clone().unwrap_or_default()).collect();
                        self.note(
                            Rule::Import,
                            ids,
                            format!(
                                "{place}：复制件中的数字粘连，已拆为 {}（唯一拆法），请对照原表核对。",
                                shown.join("/")
                            ),
                        );
                    }
                }
                Some(options) => self.uncertain(ids, &place, &runs, &options),
                None => self.uncertain(ids, &place, &runs, &[]),
            }
        }
        let placed = PROACTIVE
            .iter()
            .flat_map(|block| block.rows)
            .filter(|row| row.keys.iter().any(|k| self.report.get_key(k).is_some()))
            .count();
        self.table_not_read(Table::Proactive, "表二", placed, PROACTIVE.iter().map(|b| b.rows.len()).sum());
    }

    fn read_requests(&mut self, headings: &Headings, body_end: usize) {
        let Some(start) = headings[2].map(|h| h.end) else { return };
        let until = headings[3].map_or(body_end, |h| h.start);
        // The organisations' columns as the header prints them, up to the first row: 其他 stands
        // in 法人或其他组织 too, and is looked for only after it.
        let first_row = request_rows()[0].labels.last().and_then(|l| self.find_label(start, until, l.text));
        if let Some(first_row) = first_row {
            let organisations = self.find_label(start, first_row.start, ORGANISATIONS_HEADER);
            let leaves: Vec<&str> = REQUEST_COLUMNS[1..REQUEST_TOTAL_COLUMN].iter().map(|c| c.label).collect();
            let leaves = &leaves[..leaves.len() - usize::from(organisations.is_none())];
            let from = organisations.map_or(start, |s| s.end);
            if let Some(swapped) = self.columns_swapped(from, first_row.start, leaves) {
                let mut ids = Vec::new();
                for r in 0..request_rows().len() {
                    ids.extend((0..REQUEST_COLUMNS.len()).map(|c| request_cell(r, c)));
                }
                return self.columns_in_other_order(ids, "表三", swapped);
            }
        }
        let old = self.format == SourceFormat::Old2019;
        // The rows to read, as (row index, labels to find, values it holds); in the 2019 format
        // （六）其他处理 is one row, read into 3.其他 and said so.
        let other_handling = format::outcome(OLD_FORMAT_ONE_ROW).rows();
        let last_other = other_handling.end - 1;
        let mut plan: Vec<(usize, Vec<&str>)> = Vec::new();
        for (r, row) in request_rows().iter().enumerate() {
            let labels: Vec<&str> = row.labels.iter().map(|c| c.text).collect();
            if old && other_handling.contains(&r) {
                if r == other_handling.start {
                    plan.push((last_other, vec![labels[0]]));
                }
                continue;
            }
            plan.push((r, labels));
        }
        let mut candidates: Vec<RowReading> = Vec::new();
        let mut at = start;
        for (i, (r, labels)) in plan.iter().enumerate() {
            let next: Vec<&str> = plan[i + 1..].iter().flat_map(|(_, l)| l.last().copied()).collect();
            let ids: Vec<FieldId> = (0..REQUEST_COLUMNS.len()).map(|c| request_cell(*r, c)).collect();
            let Some(RowRead { runs, label, end, next_missing }) =
                self.row_runs(at, until, labels, &next, REQUEST_COLUMNS.len())
            else {
                self.note(Rule::Import, ids, format!("未找到表三「{}」行。", request_rows()[*r].name));
                continue;
            };
            at = label.end;
            let place = format!("表三「{}」行", request_rows()[*r].name);
            if let Some((next_row, _)) = plan.get(i + 1).filter(|_| next_missing) {
                self.next_row_missing(ids, &place, &request_rows()[*next_row].name);
                continue;
            }
            if self.has_unread(&ids, &place, &runs) {
                continue;
            }
            // T3-ROW on the candidate's values: checked this way, not through a Sheet, because the
            // search tries up to thousands of candidates.
            let row_total = |values: &[Value]| {
                counts(values).is_none_or(|v| v[..REQUEST_TOTAL_COLUMN].iter().sum::<u64>() == v[REQUEST_TOTAL_COLUMN])
            };
            let (mut reordered, mut unconfirmed) = (false, None);
            let mut read_note = None;
            let options = match splits(&runs, ids.len(), &row_total) {
                // A text row laid out over several lines (a PDF's tall row, its 总计 on another
                // line than its counts) is in no certain order: it is taken when no other
                // arrangement of its total adds up too, or the columns' arithmetic picks one.
                Some(options) if !self.copy.cells && options.len() == 1 && self.laid_out_over_lines(label.end, end) => {
                    let readings = rearranged(&options[0]);
                    reordered = readings.len() > 1;
                    readings
                }
                Some(options) if options.is_empty() => {
                    let read = splits(&runs, ids.len(), &|_| true).filter(|all| all.len() == 1).unwrap_or_default();
                    let moved = read.first().map(|values| rearranged(values)).unwrap_or_default();
                    match moved.len() {
                        // One arrangement adds up, which numbers mostly 0 and small do by chance as
                        // well: taken when the columns confirm it. (A table's cells stay where they are.)
                        1 if !self.copy.cells => {
                            // The shape of a PDF's tall row, its 总计 alone on the line above the
                            // six counts, says where the first number goes; otherwise the columns must.
                            let total_above = self.numbers_per_line(label.end, end) == [1, ids.len() - 1]
                                && moved[0][..ids.len() - 1] == read[0][1..];
                            let total = moved[0][ids.len() - 1].as_deref().unwrap_or_default();
                            let how = format!("把 {total} 当作总计");
                            unconfirmed = (!total_above)
                                .then(|| unconfirmed_message(&place, &runs, &how, "复制时数字的顺序可能被打乱"));
                            moved
                        }
                        _ if read.is_empty() => {
                            // Cut or rejoined, a row laid out over lines is in no certain order still.
                            let over_lines = !self.copy.cells && self.laid_out_over_lines(label.end, end);
                            let mut in_order_or_rearranged = |values: Vec<Value>| {
                                if over_lines {
                                    let readings = rearranged(&values);
                                    reordered = readings.len() > 1;
                                    readings
                                } else {
                                    vec![values]
                                }
                            };
                            // Laid out over lines, a row that adds up without another of its
                            // numbers, in any order its 总计 may be in, may have a stray number
                            // inside it rather than the page's at its end: not cut.
                            let cut = without_furniture(&runs, ids.len(), &row_total).filter(|(values, _)| {
                                !(over_lines
                                    && runs.len() == ids.len() + 1
                                    && adds_up_without_one(&runs, values, &|v| !rearranged(v).is_empty()))
                            });
                            match cut {
                                Some((values, cut)) => {
                                    read_note = Some(trailing_message(&place, cut));
                                    in_order_or_rearranged(values)
                                }
                                None if self.copy.cells => read,
                                None => match rejoined(&runs, ids.len(), &row_total) {
                                    // A number broken in two is read whole only when the columns
                                    // confirm it: a stray number can make a row add up so too.
                                    Some((values, at)) => {
                                        let (broken, joined) = (printed(&runs[at..at + 2]), values[at].clone());
                                        let how = format!(
                                            "把“{broken}”合为一个数“{}”",
                                            joined.as_deref().unwrap_or_default()
                                        );
                                        unconfirmed =
                                            Some(unconfirmed_message(&place, &runs, &how, "复制件中也可能多了一个数"));
                                        read_note = Some(rejoined_message(&place, &runs[at..at + 2], &values[at]));
                                        in_order_or_rearranged(values)
                                    }
                                    None => read,
                                },
                            }
                        }
                        // A table's cells are certain: a total that does not add up is the
                        // report's own mistake, kept for the rules to show.
                        _ if self.copy.cells => read,
                        // In a text copy the numbers may have been put out of order.
                        0 => {
                            self.out_of_order(ids, &place, &runs);
                            continue;
                        }
                        _ => {
                            reordered = true;
                            moved
                        }
                    }
                }
                Some(options) => options,
                None => Vec::new(),
            };
            candidates.push(RowReading { row: *r, runs, options, reordered, unconfirmed, read_note });
        }
        if old {
            self.note(
                Rule::Import,
                (0..REQUEST_COLUMNS.len()).map(|c| request_cell(last_other, c)).collect(),
                "2019年格式的“（六）其他处理”只有一行，已记入“3.其他”；请按现行格式的 1、2、3 三项核对分列。".into(),
            );
        }
        self.settle_requests(candidates);
        let placed = (0..request_rows().len())
            .filter(|&r| (0..REQUEST_COLUMNS.len()).any(|c| self.report.get(request_cell(r, c)).is_some()))
            .count();
        self.table_not_read(Table::Requests, "表三", placed, request_rows().len());
    }

    /// One finding for a table whose header was found but most of whose rows could not be placed
    /// (a converter cut it into pieces, a copy scrambled it), in place of a note for each row: it
    /// is the copy that failed, not the clerk's report that is blank.
    fn table_not_read(&mut self, table: Table, name: &str, placed: usize, rows: usize) {
        if placed * 2 >= rows {
            return;
        }
        let in_table = |id: &FieldId| format::field(*id).table == Some(table);
        // The notes on rows not placed give way to this one; those on values read stay.
        let report = &self.report;
        self.findings.retain(|f| {
            !(f.rule == Rule::Import
                && f.fields.iter().all(in_table)
                && f.fields.iter().all(|&id| report.get(id).is_none()))
        });
        let ids: Vec<FieldId> = (0..format::fields().len()).filter(in_table).collect();
        let message = format!(
            "{name}未能从这份复制件读出（{rows} 行中读出 {placed} 行），表格在复制或转换时被拆散或打乱了。请改用报告的网页或 Word 文件，或对照原表填写{name}。"
        );
        self.note(Rule::Import, ids, message);
    }

    /// Fixes each row of table 三 from its readings; rows with several, or with one to be confirmed,
    /// are decided by the columns' arithmetic (T3-SUM, T3-BAL) when exactly one combination fits.
    fn settle_requests(&mut self, candidates: Vec<RowReading>) {
        let ids = |r: usize| -> Vec<FieldId> { (0..REQUEST_COLUMNS.len()).map(|c| request_cell(r, c)).collect() };
        let open: Vec<usize> = (0..candidates.len())
            .filter(|&i| candidates[i].options.len() > 1 || candidates[i].unconfirmed.is_some())
            .collect();
        // Checked: many open rows of many readings each would overflow the product.
        let combinations = open.iter().try_fold(1usize, |product, &i| product.checked_mul(candidates[i].options.len()));
        let mut chosen: Vec<Option<usize>> =
            candidates.iter().map(|c| (c.options.len() == 1 && c.unconfirmed.is_none()).then_some(0)).collect();
        if let Some(combinations) = combinations.filter(|&c| !open.is_empty() && c <= MAX_COMBINATIONS) {
            // The rows already settled, then each combination of the open ones, put to the rules.
            let mut settled = Report::new();
            for (candidate, pick) in candidates.iter().zip(&chosen) {
                if let Some(pick) = pick {
                    fill(&mut settled, &ids(candidate.row), &candidate.options[*pick]);
                }
            }
            let mut fitting = Vec::new();
            for n in 0..combinations {
                let mut rest = n;
                let mut pick = chosen.clone();
                let mut trial = settled.clone();
                for &i in &open {
                    let options = &candidates[i].options;
                    let option = rest % options.len();
                    rest /= options.len();
                    pick[i] = Some(option);
                    fill(&mut trial, &ids(candidates[i].row), &options[option]);
                }
                if request_columns_hold(&Sheet::of(&trial)) {
                    fitting.push(pick);
                    if fitting.len() > 1 {
                        break;
                    }
                }
            }
            if let [only] = fitting.as_slice() {
                chosen = only.clone();
            }
        }
        for (candidate, pick) in candidates.iter().zip(chosen) {
            let place = format!("表三「{}」行", request_rows()[candidate.row].name);
            match pick {
                Some(pick) => {
                    self.set_values(&ids(candidate.row), &candidate.options[pick]);
                    if let Some(note) = &candidate.read_note {
                        self.note(Rule::Import, ids(candidate.row), note.clone());
                    }
                }
                // Several arrangements of a row laid out over lines: which column is which, first.
                None if candidate.reordered => self.out_of_order(ids(candidate.row), &place, &candidate.runs),
                None if let Some(said) = &candidate.unconfirmed => {
                    self.note(Rule::Import, ids(candidate.row), said.clone())
                }
                None => self.uncertain(ids(candidate.row), &place, &candidate.runs, &candidate.options),
            }
        }
    }

    fn read_appeals(&mut self, headings: &Headings, body_end: usize) {
        let Some(start) = headings[3].map(|h| h.end) else { return };
        let until = headings[4].map_or(body_end, |h| h.start);
        let mut ids: Vec<FieldId> = Vec::new();
        for g in 0..APPEAL_GROUPS.len() {
            ids.extend((0..APPEAL_COLUMNS.len()).map(|c| appeal_cell(g, c)));
        }
        // T4-SUM on the candidate's values, group by group.
        let groups_add_up = |values: &[Value]| {
            counts(values).is_none_or(|v| {
                v.chunks(APPEAL_COLUMNS.len())
                    .all(|g| g[..APPEAL_TOTAL_COLUMN].iter().sum::<u64>() == g[APPEAL_TOTAL_COLUMN])
            })
        };
        // The values follow the header's last 总计: after 复议后起诉 come two header rows ending in 总计.
        let last_group = APPEAL_GROUPS[APPEAL_GROUPS.len() - 1].label;
        let total = APPEAL_COLUMNS[APPEAL_TOTAL_COLUMN].label;
        let header = self
            .find_label(start, until, last_group)
            .and_then(|s| self.find_label(s.end, until, total))
            .and_then(|s| self.find_label(s.end, until, total));
        // The results' columns and the suits' groups as the header prints them (行政复议 is left
        // out: the section's first sentence may say it).
        let results: Vec<&str> = APPEAL_COLUMNS[..APPEAL_TOTAL_COLUMN].iter().map(|c| c.label).collect();
        let suits: Vec<&str> = APPEAL_GROUPS[1..].iter().map(|g| g.label).collect();
        let swapped = header.and_then(|h| {
            self.columns_swapped(start, h.end, &results).or_else(|| self.columns_swapped(start, h.end, &suits))
        });
        if let Some(swapped) = swapped {
            return self.columns_in_other_order(ids, "表四", swapped);
        }
        let table_end = |from: usize| (from..until).find(|&i| self.copy.key(i) == TABLE_END).unwrap_or(until);
        let after_header = header.map(|h| self.runs(h.end, table_end(h.end)));
        if after_header.as_ref().is_some_and(|runs| self.has_unread(&ids, "表四", runs)) {
            return;
        }
        if let (Some(runs), Some(header)) = (&after_header, header) {
            match splits(runs, ids.len(), &groups_add_up) {
                Some(options) if options.len() == 1 => return self.set_values(&ids, &options[0]),
                Some(options) if options.len() > 1 => return self.uncertain(ids, "表四", runs, &options),
                _ => {
                    if let Some(all) = splits(runs, ids.len(), &|_| true).filter(|all| all.len() == 1) {
                        // A table's cells are certain: groups that do not add up are the report's
                        // own mistake, kept for T4-SUM to show. A text copy's numbers may have lost
                        // one and gained another (a page number) instead, as its rows of table 三.
                        if self.copy.cells {
                            return self.set_values(&ids, &all[0]);
                        }
                        if self.laid_out_over_lines(header.end, table_end(header.end)) {
                            return self.spread_over_lines(ids, "表四", runs);
                        }
                    }
                }
            }
        }
        // Reading-order PDF text prints the header's words between the groups' values
        // (… 11 12 13 14 未经复议直接起诉 总计 50 …): the values are then the table's numbers in
        // order from the header's first line, when there are exactly as many as cells, each group
        // adding up.
        let in_order = self
            .find_label(start, until, &appeals_first_header_line())
            .map(|first| self.runs(first.end, table_end(first.end)));
        let whole = |runs: &[Run]| runs.len() == ids.len() && runs.iter().all(|r| r.digits().is_some());
        if let Some(in_order) = in_order.filter(|r| whole(r)) {
            let values = as_printed(&in_order);
            if counts(&values).is_some() && groups_add_up(&values) {
                return self.set_values(&ids, &values);
            }
        }
        match after_header {
            None => self.note(Rule::Import, ids, "未找到表四的表头。".into()),
            Some(runs) => match without_furniture(&runs, ids.len(), &groups_add_up) {
                Some((values, cut)) => {
                    self.set_values(&ids, &values);
                    self.note(Rule::Import, ids, trailing_message("表四", cut));
                }
                None => self.uncertain(ids, "表四", &runs, &[]),
            },
        }
    }

    /// A section's text, as typed: without the spaces a PDF's text puts between Chinese and digits.
    fn set_text(&mut self, key: &str, text: String) {
        if !text.is_empty() {
            self.report.set_key(key, without_gaps_beside_digits(&text));
        }
    }

    /// Splits a section's text at its customary sub-headings （一）（二）…, in order.
    fn sub_parts(&self, start: usize, end: usize, count: usize) -> Vec<usize> {
        const NUMERALS: [&str; 5] = ["（一）", "（二）", "（三）", "（四）", "（五）"];
        let mut at = start;
        let mut starts = Vec::new();
        for numeral in NUMERALS.iter().take(count) {
            match self.copy.find_before(at, end, &label_key(numeral)) {
                Some(span) => {
                    starts.push(span.start);
                    at = span.end;
                }
                None => break,
            }
        }
        starts
    }

    fn read_texts(&mut self, headings: &Headings, body_end: usize) {
        let section_end = |i: usize| headings[i + 1..].iter().flatten().next().map_or(body_end, |h| h.start);
        // §一, with the paragraphs before its heading that state the basis and the period.
        if let Some(h) = headings[0] {
            let mut before: Vec<String> = Vec::new();
            for paragraph in self.copy.paragraphs(0, h.start) {
                for p in paragraph.split("=====") {
                    // A repeated title at the start of the body, not the format's name quoted in it.
                    let title_end = p
                        .find(TITLE_SUFFIX.trim_start_matches('年'))
                        .filter(|&at| at < 150 && !p[..at].contains(['《', '〈']));
                    let after_title = title_end.map_or(p, |at| &p[at + TITLE_SUFFIX.len() - '年'.len_utf8()..]);
                    let p = after_title.trim_matches(['=', ' ']);
                    if ["条例", "统计期限", "编制"].iter().any(|w| p.contains(w)) {
                        before.push(p.to_string());
                    }
                }
            }
            let end = section_end(0);
            let keys = SECTIONS[0].parts.iter().map(|p| p.key()).collect::<Vec<_>>();
            let starts = self.sub_parts(h.end, end, keys.len() - 1);
            let mut bounds = vec![h.end];
            bounds.extend(&starts);
            bounds.push(end);
            for (i, key) in keys.iter().enumerate().take(bounds.len() - 1) {
                let mut text = self.copy.text(bounds[i], bounds[i + 1]);
                if i == 0 && !before.is_empty() {
                    text = format!("{}\n\n{text}", before.join("\n\n")).trim().to_string();
                }
                self.set_text(key, text);
            }
        }
        // The notes before each table.
        let rule_header = REQUESTS_CORNER_NOTE;
        let appeals_header = appeals_first_header_line();
        // Where each table begins: the first group of its header's words that is found, at the
        // earliest of them (in a PDF's text 申请人情况 comes before the corner note beside it).
        let table_starts: [(usize, Vec<Vec<&str>>); 3] = [
            (1, vec![vec![PROACTIVE[0].article], vec!["第二十条"]]),
            (
                2,
                vec![
                    vec![&rule_header[..rule_header.find('：').unwrap_or(rule_header.len())], APPLICANTS_HEADER],
                    vec![request_rows()[0].labels[0].text],
                ],
            ),
            (3, vec![vec![&appeals_header], vec![APPEAL_GROUPS[0].label]]),
        ];
        for (section, marks) in table_starts {
            let key = SECTIONS[section].parts[0].key();
            let Some(h) = headings[section] else { continue };
            let end = section_end(section);
            let table = marks.iter().find_map(|group| {
                group.iter().filter_map(|m| self.copy.find_before(h.end, end, &label_key(m))).min_by_key(|s| s.start)
            });
            let text = self.copy.text(h.end, table.map_or(h.end, |t| t.start));
            self.set_text(key, text);
        }
        // §五 in its two customary parts, or all of it as this year's.
        if let Some(h) = headings[4] {
            let end = section_end(4);
            match self.sub_parts(h.end, end, 2).as_slice() {
                [first, second] => {
                    self.set_text(PROBLEMS_LAST_YEAR, self.copy.text(*first, *second));
                    self.set_text(PROBLEMS_THIS_YEAR, self.copy.text(*second, end));
                }
                _ => self.set_text(PROBLEMS_THIS_YEAR, self.copy.text(h.end, end)),
            }
        }
        // §六, and the signature and date that close the report.
        if let Some(h) = headings[5] {
            let mut paragraphs = self.copy.paragraphs(h.end, body_end);
            if paragraphs.last().is_some_and(|p| is_date(p)) {
                let date: String = paragraphs.pop().unwrap_or_default().split_whitespace().collect();
                self.report.set_key(META_SIGNED_ON, date);
                if paragraphs.last().is_some_and(|p| p.chars().count() <= 40 && !p.ends_with('。')) {
                    let signer = paragraphs.pop().unwrap_or_default();
                    self.report.set_key(META_SIGNED_BY, signer);
                }
            }
            self.set_text(OTHER_MATTERS, paragraphs.join("\n\n"));
        }
    }
}

/// Table 四's first header line as a copy runs it together: 行政复议 行政诉讼. Where the table
/// begins; 行政复议 alone is also a word of the note above it.
fn appeals_first_header_line() -> String {
    format!("{}{}", APPEAL_GROUPS[0].label, SUITS_HEADER)
}

/// A row read without what a page or a converter put around it: up to six runs at its end (a date,
/// perhaps with a count, printed right after a table: `… 0 0 0 2022 2023 2022`,
/// `2023 2020 109 2024 1 24`; the first line of the next row's wrapped 总计), or the column numbers
/// `1 2 3 …` a converter ran into a table's first row. Tried only when the row does not read as
/// printed, and only a cut after which its own arithmetic holds, in one way. A cut that leaves
/// digits to split must begin with a year: cutting off any other numbers, then splitting what is
/// left, gives the arithmetic enough freedom to make up a row (`13 15 16 17 | 18 93` read as
/// 1/3/1/5/1/6/17).
fn without_furniture<'r>(
    runs: &'r [Run],
    count: usize,
    holds: &dyn Fn(&[Value]) -> bool,
) -> Option<(Vec<Value>, &'r [Run])> {
    // How many runs at the start count 1, 2, 3 …
    let numbered = runs
        .iter()
        .enumerate()
        .take_while(|(i, r)| r.digits().is_some_and(|d| d.parse::<usize>() == Ok(i + 1)))
        .count();
    let year = |run: &Run| run.digits().and_then(|d| d.parse::<u32>().ok()).is_some_and(|y| (1990..=2099).contains(&y));
    let mut cuts: Vec<(&[Run], &[Run])> = (1..=runs.len().min(6))
        .map(|cut| runs.split_at(runs.len() - cut))
        .filter(|(kept, dropped)| kept.len() == count || dropped.first().is_some_and(year))
        .collect();
    if numbered >= 3 {
        let (dropped, kept) = runs.split_at(numbered);
        cuts.insert(0, (kept, dropped));
    }
    // Blanks leave the arithmetic nothing to check: such a row is never cut.
    let holds = |values: &[Value]| counts(values).is_some() && holds(values);
    for (kept, dropped) in cuts {
        match splits(kept, count, &holds).as_deref() {
            // One too many, the row may as well have a stray number inside it.
            Some([read]) => {
                let stray_inside = runs.len() == count + 1 && adds_up_without_one(runs, read, &holds);
                return (!stray_inside).then(|| (read.clone(), dropped));
            }
            // Cut so, the row reads more than one way: no cut is taken.
            Some([_, _, ..]) => return None,
            _ => {}
        }
    }
    None
}

/// What is said of a text copy's row that adds up only read otherwise than as printed (`how`),
/// when the columns cannot confirm the reading: numbers mostly 0 and small, or a stray number, add
/// up so by chance as well (`why` says how the copy may have been damaged).
fn unconfirmed_message(place: &str, runs: &[Run], how: &str, why: &str) -> String {
    format!(
        "{place}：复制件中读到的数字“{}”只有{how}才合得上，但这可能是巧合，各列的合计也不能确认（{why}），未导入，请对照原表填写。",
        printed(runs)
    )
}

/// What is said of numbers left off a row's end.
fn trailing_message(place: &str, cut: &[Run]) -> String {
    format!("{place}：数字“{}”不属于表格（页面上的日期、转换软件加的列号等），已略去，请对照原表核对。", printed(cut))
}

/// What is said of a number read whole from the two runs it was `broken` into.
fn rejoined_message(place: &str, broken: &[Run], joined: &Value) -> String {
    format!(
        "{place}：复制件中的“{}”是一个数断成了两段（窄格中折行等），按本行的合计读作 {}（唯一合得上的读法），请对照原表核对。",
        printed(broken),
        joined.as_deref().unwrap_or_default()
    )
}

/// The ways to read a row of table 三 whose 总计 may have been read out of place: PDF text prints a
/// tall row's cells on different lines (the 总计, centred, on the middle one), so the 总计 can come
/// before the counts. Each value that is the sum of the six others, moved to the end, gives one
/// reading; the distinct readings are returned (none when no value is).
fn rearranged(values: &[Value]) -> Vec<Vec<Value>> {
    let Some(numbers) = counts(values) else { return vec![] };
    let sum: u64 = numbers.iter().sum();
    let mut readings: Vec<Vec<Value>> = Vec::new();
    for at in (0..numbers.len()).filter(|&i| numbers[i] * 2 == sum) {
        let mut moved = values.to_vec();
        let total = moved.remove(at);
        moved.push(total);
        if !readings.contains(&moved) {
            readings.push(moved);
        }
    }
    readings
}

/// A row label without the numbering before its words: `1.`, `（一）`, `一、`.
fn unnumbered(label: &str) -> &str {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let rest = label.trim_start_matches('（').trim_start_matches(numeral);
    match rest.strip_prefix(['）', '.', '、', '．']) {
        Some(words) if rest.len() < label.len() => words,
        _ => label,
    }
}

/// A title line without the page number a PDF viewer's copy put before it (`- 1-淮安市人民政府`).
fn without_page_number(line: &str) -> &str {
    let rest = line.trim_start();
    let Some(rest) = rest.strip_prefix(copy::PAGE_DASHES) else { return line };
    let rest = rest.trim_start().trim_start_matches(|c: char| c.is_ascii_digit()).trim_start();
    rest.strip_prefix(copy::PAGE_DASHES).map_or(line, str::trim_start)
}

/// `2023年1月17日`, alone (a PDF's text spaces it: `2023 年 1 月 17 日`).
fn is_date(text: &str) -> bool {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(rest) = text.strip_suffix('日') else { return false };
    let parts: Vec<&str> = rest.split(['年', '月']).collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// Writes values read from a copy into cells; a blank value stays a printed blank.
fn fill(report: &mut Report, ids: &[FieldId], values: &[Value]) {
    for (&id, value) in ids.iter().zip(values) {
        report.set(id, value.clone().unwrap_or_default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_files_are_told_from_published_pages_and_each_is_read_its_way() {
        let json = r#"{"format":"xxgk-nianbao/1","fields":{"meta.agency":"甲","x":"1"}}"#;
        let file = open_report_file(json).unwrap();
        assert_eq!(file.report.get_key(META_AGENCY), Some("甲"));
        assert_eq!(file.remarks, ["文件中有本工具不认识的项目，已忽略：x。"]);
        assert!(open_report_file("not json").unwrap_err().contains("不是有效的 JSON"));
        assert!(open_report_file(r#"{"format":"xxgk-nianbao/9"}"#).unwrap_err().contains("更新版本"));
        let page =
            open_published("<p>某局2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度……</p>").unwrap();
        assert_eq!(page.report.get_key(META_YEAR), Some("2024"));
        assert!(page.remarks[0].starts_with("按2021年格式"));
        assert_eq!(open_published("随便一段话").unwrap_err(), "没有找到年度报告的表格和正文");
    }

    #[test]
    fn the_agency_and_year_come_from_the_title_as_pages_print_it() {
        let body = "一、总体情况\n本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n";
        let cases = [
            // Broken over two lines, a space before 年.
            ("淮安市人民政府\n2024 年政府信息公开工作年度报告\n", "淮安市人民政府", "2024"),
            // A PDF viewer's copy: the page number before the title.
            ("- 1-淮安市人民政府\n2024 年政府信息公开工作年度报告\n", "淮安市人民政府", "2024"),
            ("—1—\n淮安市人民政府 2024 年政府信息公开工作年度报告\n", "淮安市人民政府", "2024"),
            // A portal's metadata table, the title without 工作.
            (
                "<table><tr><td>索引号</td><td>01404508X/2024-00012</td></tr><tr><td>名称</td><td>沭阳县发展和改革局2023年政府信息公开年度报告</td></tr></table>",
                "沭阳县发展和改革局",
                "2023",
            ),
            ("标题：沭阳县发展和改革局2023年度政府信息公开年度报告\n", "沭阳县发展和改革局", "2023"),
            ("2022年平潭综合实验区公安局政府信息公开工作年度报告\n", "平潭综合实验区公安局", "2022"),
        ];
        for (title, agency, year) in cases {
            let imported = import(&format!("{title}{body}"));
            assert_eq!(imported.report.get_key(META_AGENCY), Some(agency), "{title}");
            assert_eq!(imported.report.get_key(META_YEAR), Some(year), "{title}");
            assert_eq!(imported.findings, vec![], "{title}");
        }
        // Without a title the year is not guessed from the texts (the very years TXT-YEAR checks):
        // it is asked for at its field.
        let untitled = import(body);
        assert_eq!(untitled.report.get_key(META_YEAR), None);
        let asked: Vec<_> = untitled.findings.iter().map(|f| (f.rule, f.fields.clone(), f.message.as_str())).collect();
        assert_eq!(
            asked,
            [(Rule::Import, vec![id_of(META_YEAR)], "复制件中没有带年度的标题，未读到报告年度，请填写。")]
        );
    }

    #[test]
    fn without_a_title_the_agency_is_the_one_that_signs() {
        let copy = "一、总体情况\n本年度无。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n淮安市人民政府办公室\n2025年1月20日\n";
        let report = import(copy).report;
        assert_eq!(report.get_key(META_AGENCY), Some("淮安市人民政府办公室"));
        assert_eq!(report.get_key(META_SIGNED_ON), Some("2025年1月20日"));
    }

    #[test]
    fn dates_are_recognised_alone() {
        assert!(is_date("2023年1月17日"));
        assert!(!is_date("2023年1月17日止"));
        assert!(!is_date("自2022年1月1日"));
    }

    #[test]
    fn a_row_its_own_total_cannot_settle_is_settled_by_the_columns() {
        // 110000011 reads as 11/0/0/0/0/0/11 or 1/10/0/0/0/0/11: only the first makes 自然人's
        // outcomes add up to its （七）总计 of 11.
        let mut text = String::from("三、收到和处理政府信息公开申请情况");
        for row in request_rows() {
            for label in &row.labels {
                text.push_str(label.text);
            }
            text.push_str(match row.key.as_str() {
                "received" | "outcome_total" => " 11 0 0 0 0 0 11 ",
                "disclosed" => "110000011",
                _ => "0000000",
            });
        }
        text.push_str(SECTIONS[3].heading);
        let imported = import(&text);
        let row: Vec<&str> =
            (0..REQUEST_COLUMNS.len()).map(|c| imported.report.get(request_cell(2, c)).unwrap_or("-")).collect();
        assert_eq!(row, ["11", "0", "0", "0", "0", "0", "11"], "{:?}", imported.findings);
        assert!(imported.findings.iter().all(|f| !f.fields.contains(&request_cell(2, 0))), "{:?}", imported.findings);
    }

    #[test]
    fn nothing_gives_an_empty_report_without_panicking() {
        for source in
            ["", "<", "&#xffffffff;", "<table><td>", "一、总体情况", "三、收到和处理政府信息公开申请情况一、本年新收"]
        {
            let imported = import(source);
            assert_eq!(imported.format, SourceFormat::National2021);
            assert!(
                imported.report.to_json().contains("\"fields\": {}"),
                "{source:?} gave {}",
                imported.report.to_json()
            );
        }
    }
}
