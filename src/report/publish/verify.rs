//! 核对发布结果: the published page read back and held against the report. After publishing, the
//! clerk pastes the page (its HTML, or its text as a browser copies it); the importer reads it,
//! and every number of the three tables and every line of the texts must be there as the fragment
//! printed it. From HTML, a report table whose lines an editor stripped is named too: a note, not
//! a difference, since the article template's style sheet may draw them (README, 网站管理员).

use crate::report::base::format::{self, FieldId, Table};
use crate::report::publish::fragment::signature;
use maud::html;

use crate::report::base::text::{sentences, squeezed};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;
use crate::report::read::import::{NOT_A_REPORT, import, printed_text};

/// What the page shows where the report has something it lacks.
pub const MISSING: &str = "（缺）";

/// One thing the page lacks or prints differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub key: String,
    /// Where a clerk finds it, e.g. `表三「（一）予以公开」行「自然人」列`.
    pub place: String,
    pub report: String,
    pub page: String,
    /// For a paragraph the page prints otherwise: its sentences the page lacks and those it adds.
    pub changed: Option<Changed>,
}

/// How the page's version of a paragraph differs from the report's, sentence by sentence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Changed {
    pub lacks: Vec<String>,
    pub adds: Vec<String>,
}

impl Changed {
    /// Said under the page's paragraph.
    pub fn said(&self) -> String {
        let quoted = |list: &[String]| format!("“{}”", list.join("”“"));
        let mut parts = Vec::new();
        if !self.lacks.is_empty() {
            parts.push(format!("页面缺少{}", quoted(&self.lacks)));
        }
        if !self.adds.is_empty() {
            parts.push(format!("页面多出{}", quoted(&self.adds)));
        }
        if parts.is_empty() { "句子的顺序不同".to_string() } else { parts.join("；") }
    }
}

/// The page held against the report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verdict {
    pub differences: Vec<Difference>,
    /// How many numbers and lines of text were compared.
    pub numbers: usize,
    pub lines: usize,
    /// Report tables the page's HTML draws no line for.
    pub unlined: Vec<Table>,
}

impl Verdict {
    pub fn is_consistent(&self) -> bool {
        self.differences.is_empty()
    }

    /// The one line said when nothing differs.
    pub fn summary(&self) -> String {
        format!("发布页与报告一致（{} 个数字、{} 段文字）", self.numbers, self.lines)
    }

    /// What is said of the tables without lines, if any.
    pub fn unlined_note(&self) -> Option<String> {
        let tables: Vec<&str> = self.unlined.iter().map(|t| t.label()).collect();
        (!tables.is_empty()).then(|| {
            format!(
                "页面的 HTML 中{}没有表格线：除非文章页模板的样式表为正文表格画线，读者看到的表格没有线。",
                tables.join("、")
            )
        })
    }

    /// The verdict as the widget shows it: agreement in one line, or every difference where it
    /// is, each row keyed by the field; then the note on lines. Agreement with a report that still
    /// has something to be done (`to_do`, its errors and what is not filled in) is not said as
    /// done: the page is as the report, and the report is not finished.
    pub fn to_html(&self, to_do: Option<&str>) -> String {
        html! {
            @if let (true, Some(to_do)) = (self.is_consistent(), to_do) {
                p class="xx-status xx-warning" data-testid="verify-to-do" { (self.summary()) "，但" (to_do) "。" }
            } @else if self.is_consistent() {
                p class="xx-status xx-ok" { (self.summary()) }
            } @else {
                p class="xx-status xx-error" { "发布页与报告有 " (self.differences.len()) " 处不同：" }
                @if self.differences.len() * 2 > self.numbers + self.lines {
                    p class="xx-status xx-error" data-testid="verify-other-page" {
                        "大部分都不同：请确认粘贴的是这份报告（同一机关、同一年度）发布后的页面。"
                    }
                }
                table class="xx-differences" {
                    thead { tr { th scope="col" { "位置" } th scope="col" { "报告" } th scope="col" { "页面" } } }
                    tbody {
                        @for d in &self.differences {
                            tr data-field=(d.key) {
                                td { (d.place) }
                                td { (d.report) }
                                td {
                                    (d.page)
                                    @if let Some(changed) = &d.changed { br; span class="xx-changed" { (changed.said()) } }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some(note) = self.unlined_note() {
                p class="xx-status xx-error" data-testid="verify-unlined" { (note) }
            }
        }
        .into_string()
    }
}

/// Holds `page` (HTML or text) against `report`; `Err` when the page holds no report at all.
pub fn verify(report: &Report, page: &str) -> Result<Verdict, &'static str> {
    let mut verdict = Verdict::default();
    let published = import(page).report;
    if published.is_blank() {
        return Err(NOT_A_REPORT);
    }
    let (sheet, page_sheet) = (Sheet::of(report), Sheet::of(&published));
    for table in [Table::Proactive, Table::Requests, Table::Appeals] {
        for row in &format::layout(table).rows {
            for id in row.values() {
                verdict.numbers += 1;
                let printed = sheet.display(report, id);
                let shown = match published.get(id).map(str::trim) {
                    Some(text) if !text.is_empty() => page_sheet.display(&published, id),
                    _ => MISSING.to_string(),
                };
                if shown != printed {
                    verdict.differences.push(difference(id, printed, shown));
                }
            }
        }
    }
    let page_lines = printed_text(page);
    let page_paragraphs: Vec<&str> = page_lines.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let page_text = squeezed(&page_lines);
    for (id, line) in printed_lines(report) {
        verdict.lines += 1;
        if page_text.contains(&squeezed(line)) {
            continue;
        }
        verdict.differences.push(match page_version(line, &page_paragraphs) {
            Some((shown, changed)) => {
                Difference { changed: Some(changed), ..difference(id, line.to_string(), shown.into()) }
            }
            None => difference(id, line.to_string(), MISSING.to_string()),
        });
    }
    verdict.unlined = tables_without_lines(page);
    Ok(verdict)
}

/// What the widget shows for 核对: the verdict, with what the report still has to be done (see
/// [`Verdict::to_html`]), or why there is none.
pub fn verify_html(report: &Report, page: &str, to_do: Option<&str>) -> String {
    match verify(report, page) {
        Ok(verdict) => verdict.to_html(to_do),
        Err(why) => refused_html(why),
    }
}

/// Why a page could not be held against the report, as the widget shows it.
pub fn refused_html(why: &str) -> String {
    html! { p class="xx-status xx-error" { (why) } }.into_string()
}

fn difference(id: FieldId, report: String, page: String) -> Difference {
    let field = format::field(id);
    Difference { key: field.key.clone(), place: field.place.clone(), report, page, changed: None }
}

/// The page's paragraph that is `line` changed — a sentence added, cut or reworded — with how it
/// differs: the paragraph holding most of the line's sentences, when it holds at least half of
/// them; else the one that begins and ends as the line does for at least half its length (a
/// sentence reworded in the middle). `None` when the page has no such paragraph: it is missing.
fn page_version<'p>(line: &str, paragraphs: &[&'p str]) -> Option<(&'p str, Changed)> {
    let own: Vec<String> = sentences(line).into_iter().map(squeezed).collect();
    let shared = |paragraph: &str| {
        let paragraph = squeezed(paragraph);
        own.iter().filter(|sentence| paragraph.contains(sentence.as_str())).count()
    };
    let (mut best, count) = paragraphs.iter().map(|p| (*p, shared(p))).max_by_key(|&(_, count)| count)?;
    if count == 0 || count * 2 < own.len() {
        let line = squeezed(line);
        let (alike, same) = paragraphs.iter().map(|p| (*p, same_ends(&line, &squeezed(p)))).max_by_key(|&(_, n)| n)?;
        if same * 2 < line.chars().count() {
            return None;
        }
        best = alike;
    }
    let theirs: Vec<String> = sentences(best).into_iter().map(squeezed).collect();
    let changed = Changed {
        lacks: own.iter().filter(|s| !theirs.contains(s)).cloned().collect(),
        adds: theirs.iter().filter(|s| !own.contains(s)).cloned().collect(),
    };
    Some((best, changed))
}

/// Every line of text the fragment prints, with the field it comes from: the texts of the six
/// sections, then the signature and date.
fn printed_lines(report: &Report) -> Vec<(FieldId, &str)> {
    let mut lines = Vec::new();
    for &id in format::text_parts() {
        lines.extend(report.text(id).lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| (id, l)));
    }
    lines.extend(signature(report).into_iter().map(|(key, line)| (format::id_of(key), line)));
    lines
}

/// How many characters `a` and `b` share at their start and at their end, together.
fn same_ends(a: &str, b: &str) -> usize {
    let start = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let end = a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count();
    (start + end).min(a.chars().count()).min(b.chars().count())
}

/// Words only one of the report's tables holds, which find it among a page's layout tables.
const TABLE_MARKS: [(Table, &str); 3] = [
    (Table::Proactive, "行政规范性文件"),
    (Table::Requests, "本年新收政府信息公开申请数量"),
    (Table::Appeals, "结果维持"),
];

/// The report tables of an HTML page that show no line: no `border` or `rules`, no background
/// between spaced cells, no solid border on a cell. (A style sheet can still hide lines the HTML
/// has; only the page on screen shows that.)
pub fn tables_without_lines(page: &str) -> Vec<Table> {
    let lower = page.to_ascii_lowercase();
    let tables = innermost_tables(&lower);
    let mut unlined = Vec::new();
    for (table, mark) in TABLE_MARKS {
        if let Some(&(start, end)) = tables.iter().find(|&&(start, end)| page[start..end].contains(mark))
            && !has_lines(&lower[start..end])
        {
            unlined.push(table);
        }
    }
    unlined
}

/// The byte ranges of the page's `<table>` elements that hold no other table.
fn innermost_tables(lower: &str) -> Vec<(usize, usize)> {
    // Open tables, each with whether a table was found inside it.
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(next) = lower[at..].find("table") {
        let here = at + next;
        at = here + 5;
        let before = &lower[..here];
        if before.ends_with("</") {
            if let Some((start, holds_table)) = open.pop() {
                if !holds_table {
                    found.push((start, here));
                }
                if let Some(parent) = open.last_mut() {
                    parent.1 = true;
                }
            }
        } else if before.ends_with('<') && lower[at..].starts_with([' ', '>', '\n', '\t', '\r']) {
            open.push((here - 1, false));
        }
    }
    found
}

/// Whether a table's markup draws lines: from its own tag and its first cell's.
fn has_lines(table: &str) -> bool {
    let tag = |from: usize| table[from..].split('>').next().unwrap_or("");
    let own = tag(0);
    let cell = table.find("<td").or_else(|| table.find("<th")).map(tag).unwrap_or("");
    let attr = |tag: &str, name: &str| {
        let at = tag.find(&format!(" {name}="))? + name.len() + 2;
        Some(tag[at..].trim_start_matches(['"', '\'']).split(['"', '\'', ' ']).next().unwrap_or("").to_string())
    };
    let bordered = attr(own, "border").is_some_and(|b| b.parse::<u32>().is_ok_and(|n| n > 0));
    let ruled = attr(own, "rules").is_some_and(|r| r != "none");
    let spaced = attr(own, "bgcolor").is_some() && attr(own, "cellspacing").is_some_and(|s| s != "0");
    bordered || ruled || spaced || cell.contains("solid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_in_any_of_the_ways_editors_keep_them() {
        let table = |open: &str, cell: &str| format!("{open}<tr>{cell}行政规范性文件</td></tr></table>");
        for (open, cell, lines) in [
            ("<table border=\"1\">", "<td>", true),
            ("<table border=\"0\">", "<td>", false),
            ("<table>", "<td>", false),
            ("<table style=\"width: 100%;\">", "<td style=\"text-align: center;\">", false),
            ("<table cellspacing=\"1\" bgcolor=\"#000000\">", "<td style=\"border-color: rgb(0, 0, 0)\">", true),
            ("<table cellspacing=\"0\" bgcolor=\"#000000\">", "<td>", false),
            ("<table rules=\"all\">", "<td>", true),
            ("<table>", "<td style=\"border:1px solid #000\">", true),
        ] {
            let page = format!("<div>{}</div>", table(open, cell));
            assert_eq!(tables_without_lines(&page).is_empty(), lines, "{open}{cell}");
        }
    }

    #[test]
    fn the_verdict_is_shown_escaped_with_each_difference_keyed() {
        let mut verdict = Verdict { numbers: 200, lines: 20, ..Verdict::default() };
        assert_eq!(verdict.to_html(None), "<p class=\"xx-status xx-ok\">发布页与报告一致（200 个数字、20 段文字）</p>");
        // Agreement with a report still in error is said beside what is left, never as done.
        assert_eq!(
            verdict.to_html(Some("报告还有 2 个错误，发布前应当改正")),
            "<p class=\"xx-status xx-warning\" data-testid=\"verify-to-do\">发布页与报告一致（200 个数字、20 段文字），但报告还有 2 个错误，发布前应当改正。</p>"
        );
        verdict.differences.push(Difference {
            key: "requests.note".into(),
            place: "三、收到和处理政府信息公开申请情况".into(),
            report: "<script>x()</script>".into(),
            page: MISSING.into(),
            changed: None,
        });
        verdict.unlined = vec![Table::Requests];
        let html = verdict.to_html(Some("报告还有 2 个错误，发布前应当改正"));
        assert!(html.contains("发布页与报告有 1 处不同"));
        assert!(html.contains("<tr data-field=\"requests.note\"><td>三、收到和处理政府信息公开申请情况</td>"));
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"));
        assert!(html.contains("页面的 HTML 中表三没有表格线"));
        assert!(!html.contains("大部分都不同"));
    }

    #[test]
    fn a_page_of_another_report_is_said_to_be_one() {
        // The editors suite's report, every count its own, against the example's page.
        let report = Report::from_json(include_str!("../../../tests/fixtures/editors/report.json")).unwrap().report;
        let other = crate::report::render(&crate::report::example());
        let verdict = verify(&report, &other).unwrap();
        assert!(verdict.to_html(None).contains("请确认粘贴的是这份报告"), "{}", verdict.to_html(None));
    }

    #[test]
    fn a_paragraph_the_page_prints_otherwise_is_shown_with_the_sentences_that_differ() {
        let report = Report::from_json(include_str!("../../../tests/fixtures/editors/report.json")).unwrap().report;
        let page = include_str!("../../../tests/fixtures/editors/ueditor.html");
        let paragraph = "2022年我局共收到信息公开申请9906件。";
        assert_eq!(page.matches(paragraph).count(), 1);
        let added = "其中当面申请12件。";
        let difference = |page: &str| {
            let verdict = verify(&report, page).unwrap();
            assert_eq!(verdict.differences.len(), 1, "{:?}", verdict.differences);
            verdict.differences[0].clone()
        };

        // The clerk added a sentence in the editor after pasting: the report's paragraph is on
        // the page, with one sentence more.
        let longer = page.replace(paragraph, &format!("{paragraph}{added}"));
        assert!(verify(&report, &longer).unwrap().is_consistent(), "all the report says is there");
        // A sentence added to the report after publishing: the page's paragraph lacks it.
        let mut grown = report.clone();
        let note = grown.text(format::id_of("requests.note")).to_string();
        let (before, after) = note.split_once(paragraph).unwrap();
        grown.set_key("requests.note", format!("{before}{paragraph}{added}{after}"));
        let shown = verify(&grown, page).unwrap().differences;
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].changed, Some(Changed { lacks: vec![added.into()], adds: vec![] }));
        assert!(shown[0].page.contains(paragraph), "the page's paragraph is shown: {}", shown[0].page);
        assert!(verify(&grown, page).unwrap().to_html(None).contains("页面缺少“其中当面申请12件。”"));

        // A sentence reworded on the page.
        let reworded = page.replace(paragraph, "2022年我局共受理信息公开申请9906件。");
        let changed = difference(&reworded).changed.unwrap();
        assert_eq!(changed.lacks, vec![paragraph.to_string()]);
        assert_eq!(changed.adds, vec!["2022年我局共受理信息公开申请9906件。".to_string()]);
    }

    #[test]
    fn a_page_with_no_report_is_said_to_hold_none() {
        assert_eq!(verify(&Report::new(), "<p>通知</p>"), Err(NOT_A_REPORT));
    }

    #[test]
    fn a_report_table_is_told_from_the_layout_table_around_it() {
        let page = "<table border=\"1\"><tr><td><table><tr><td>结果维持</td></tr></table></td></tr></table>";
        assert_eq!(tables_without_lines(page), vec![Table::Appeals]);
        let page = "<table><tr><td><table border=\"1\"><tr><td>结果维持</td></tr></table></td></tr></table>";
        assert!(tables_without_lines(page).is_empty());
    }
}
