//! The published fragment: the HTML a clerk pastes into the portal's article editor.
//!
//! It must survive the portal editors' paste filters (measured in `tests/e2e/editors.test.mjs`):
//! the width is an attribute, and the lines are drawn three ways at once, so that whatever one
//! editor strips another way remains — `border` attributes (black by `bordercolor`: Chromium 86
//! draws a bare `border="1"` light grey), inline cell borders, and a black
//! table background showing through one pixel of `cellspacing` between white cells, which no
//! article style sheet that zeroes cell borders can hide (a reset that collapses tables can: the
//! editor that keeps only this way is sent to its source mode, see `portal`). Where the table's
//! inline style survives, `border-collapse` folds it all into single lines. Every value is written, and all user text goes
//! through maud's escaping — markup is never built by formatting user text into strings.

use maud::{Markup, PreEscaped, html};

use crate::report::base::format::{
    self, Heads, LayoutCell, LayoutRow, META_AGENCY, META_SIGNED_BY, META_SIGNED_ON, SECTIONS, Table, TextPart,
};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;

const TABLE_STYLE: PreEscaped<&str> = PreEscaped("border-collapse:collapse;margin:8px 0;border:1px solid #000;");
const HEADER_STYLE: PreEscaped<&str> =
    PreEscaped("border:1px solid #000;padding:4px;text-align:center;vertical-align:middle;");
const ROW_LABEL_STYLE: PreEscaped<&str> =
    PreEscaped("border:1px solid #000;padding:4px;text-align:left;vertical-align:middle;");
const VALUE_STYLE: PreEscaped<&str> =
    PreEscaped("border:1px solid #000;padding:4px;text-align:center;vertical-align:middle;");
const HEADING_STYLE: PreEscaped<&str> = PreEscaped("font-size:16px;font-weight:bold;margin:16px 0 8px;");
const SUBHEADING_STYLE: PreEscaped<&str> = PreEscaped("font-size:14px;font-weight:bold;margin:8px 0;text-indent:2em;");
const PARAGRAPH_STYLE: PreEscaped<&str> = PreEscaped("text-indent:2em;line-height:1.8;margin:0 0 8px;");
const SIGNATURE_STYLE: PreEscaped<&str> = PreEscaped("text-align:right;line-height:1.8;margin:0;");

/// The lines under the report, each with the key of the field it comes from: the 落款 (or the
/// agency when it has none) and the date, whichever are filled in.
pub fn signature(report: &Report) -> Vec<(&'static str, &str)> {
    let written = |key| report.written(key).map(|text| (key, text));
    let signer = written(META_SIGNED_BY).or_else(|| written(META_AGENCY));
    let mut lines: Vec<(&'static str, &str)> = signer.into_iter().collect();
    lines.extend(written(META_SIGNED_ON));
    lines
}

/// The whole report as the fragment to publish.
pub fn render(report: &Report) -> String {
    let sheet = &Sheet::of(report);
    let markup = html! {
        @for section in &SECTIONS {
            h3 style=(HEADING_STYLE) { (section.heading) }
            @for part in section.parts {
                (text_part(part, report.get_key(part.key()).unwrap_or("")))
            }
            @if let Some(t) = section.table { (table(report, sheet, t)) }
        }
        @for (_, line) in signature(report) { p style=(SIGNATURE_STYLE) { (line) } }
    };
    markup.into_string()
}

/// The report's title, `<机关全称><YYYY>年政府信息公开工作年度报告`; the portal article's own title.
pub fn title(report: &Report) -> String {
    format::title(report.get_key(META_AGENCY).unwrap_or(""), report.get_key(format::META_YEAR).unwrap_or(""))
}

/// The title once the agency and the year it is made of are filled in.
pub fn title_when_named(report: &Report) -> Option<String> {
    (report.written(META_AGENCY).is_some() && report.written(format::META_YEAR).is_some()).then(|| title(report))
}

/// How the report prints: A4 with the margins of official documents (GB/T 9704), the title in
/// 小标宋 二号, headings in 黑体 and 楷体, the body in 仿宋 三号 at 28 pt, tables in 五号; a table's
/// column headers repeat on every page it runs over, and a cell's lines stay on one page — all but
/// the cells spanning rows: keeping 三、本年度办理结果 (22 rows) whole moved table 三 to the next
/// page and left one half empty (measured). The fragment's own inline styles are for editors;
/// these win only in print.
const PRINT_STYLE: &str = "@page{size:A4;margin:37mm 26mm 35mm 28mm}\
@media print{body{margin:0;font-family:FangSong,'FangSong_GB2312','仿宋_GB2312','仿宋',serif;font-size:16pt}\
h1{font-family:'FZXiaoBiaoSong-B05S','方正小标宋简体',SimSun,serif;font-size:22pt;font-weight:normal;text-align:center;margin:0 0 28pt}\
h3{font-family:SimHei,'黑体',sans-serif;font-size:16pt!important;font-weight:normal!important;margin:0!important}\
h4{font-family:KaiTi,'楷体',serif;font-size:16pt!important;font-weight:normal!important;margin:0!important}\
p{font-size:16pt!important;line-height:28pt!important;margin:0!important}\
table{font-size:10.5pt}th,td{font-size:10.5pt;line-height:1.35}\
thead{display:table-header-group}td,th:not([rowspan]){break-inside:avoid}}\
@media screen{body{max-width:800px;margin:16px auto;padding:0 16px}h1{text-align:center;font-size:22px}}";

/// A standalone HTML file of the fragment, titled, for saving or sending to a webmaster, and what
/// 打印 prints.
pub fn render_document(report: &Report, fragment: &str) -> String {
    let title = title(report);
    html! {
        (maud::DOCTYPE)
        html lang="zh-CN" {
            head { meta charset="utf-8"; title { (title) } style { (PreEscaped(PRINT_STYLE)) } }
            body {
                h1 { (title) }
                (PreEscaped(fragment))
            }
        }
    }
    .into_string()
}

/// The report as plain text: what a plain field receives from 复制（带格式）. Headings and
/// paragraphs are lines; each table is tab-separated rows of its grid (a merged cell's text in its
/// first slot, the slots it covers empty), which a spreadsheet pastes as the table it is.
pub fn render_text(report: &Report) -> String {
    let sheet = &Sheet::of(report);
    let mut lines: Vec<String> = Vec::new();
    for section in &SECTIONS {
        lines.push(section.heading.to_string());
        for part in section.parts {
            let text = report.get_key(part.key()).unwrap_or("").trim();
            lines.extend(part_heading(part, text).map(str::to_string));
            lines.extend(paragraphs(text).iter().map(|paragraph| paragraph.join("\n")));
        }
        if let Some(table) = section.table {
            for row in format::layout(table).slots() {
                let mut line = String::new();
                for (n, slot) in row.iter().enumerate() {
                    if n > 0 {
                        line.push('\t');
                    }
                    match slot.cell {
                        _ if !slot.first => {}
                        LayoutCell::Label { text, .. } => line.push_str(text),
                        LayoutCell::Value { id, .. } => line.push_str(&sheet.display(report, id)),
                    }
                }
                lines.push(line);
            }
        }
    }
    lines.extend(signature(report).into_iter().map(|(_, line)| line.to_string()));
    lines.join("\n") + "\n"
}

/// A part's sub-heading, printed when its text has any and does not already start with it.
pub fn part_heading<'a>(part: &'a TextPart, text: &str) -> Option<&'a str> {
    let heading = part.heading()?;
    let numeral = heading.split_inclusive('）').next().unwrap_or(heading);
    (!text.is_empty() && !text.starts_with(numeral)).then_some(heading)
}

/// The paragraphs of a text field: a blank line starts a new paragraph, a single line break stays
/// a line break.
fn text_part(part: &TextPart, text: &str) -> Markup {
    let text = text.trim();
    html! {
        @if let Some(heading) = part_heading(part, text) { h4 style=(SUBHEADING_STYLE) { (heading) } }
        @for paragraph in paragraphs(text) {
            p style=(PARAGRAPH_STYLE) {
                @for (i, line) in paragraph.iter().enumerate() {
                    @if i > 0 { br; }
                    (line)
                }
            }
        }
    }
}

pub fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// A table as the format lays it out, its column headers in `<thead>` (which keeps CKEditor 5 from
/// cutting table 三's corner cell). Table 三's row labels are sentences, read left-aligned; every
/// other label is centred, as in the template.
fn table(report: &Report, sheet: &Sheet, table: Table) -> Markup {
    let layout = format::layout(table);
    let (head, body) = layout.rows.split_at(layout.column_heads());
    html! {
        table width="100%" border="1" bordercolor="#000000" cellspacing="1" cellpadding="4" bgcolor="#000000" style=(TABLE_STYLE) {
            @if !head.is_empty() { thead { (rows(report, sheet, table, head)) } }
            tbody { (rows(report, sheet, table, body)) }
        }
    }
}

fn rows(report: &Report, sheet: &Sheet, table: Table, rows: &[LayoutRow]) -> Markup {
    let span = |n: u16| (n > 1).then_some(n);
    html! {
        @for row in rows {
            tr {
                @for cell in &row.cells {
                    @match *cell {
                        LayoutCell::Label { text, rowspan, colspan, heads } => {
                            @let left = table == Table::Requests && matches!(heads, Heads::Row | Heads::Rows);
                            th rowspan=[span(rowspan)] colspan=[span(colspan)] scope=[heads.scope()] bgcolor="#ffffff"
                                style=(if left { ROW_LABEL_STYLE } else { HEADER_STYLE }) { (text) }
                        }
                        LayoutCell::Value { id, colspan } => {
                            td colspan=[span(colspan)] bgcolor="#ffffff" style=(VALUE_STYLE) { (sheet.display(report, id)) }
                        }
                    }
                }
            }
        }
    }
}
