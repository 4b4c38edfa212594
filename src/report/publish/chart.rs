//! 图解: the year's report as the one long picture portals publish beside it — 750 px wide (the
//! width of portals' columns and WeChat articles), as tall as its blocks — drawn from the report's
//! own numbers, so that it always says what the tables say. Every figure's text carries
//! `data-sum`, the keys of the cells it adds up, so that a test (or a reader) can hold it to them.
//!
//! Text is fitted to its box by an estimate of its width (a CJK character one em, a digit or a
//! Latin letter about 0.6 em); the browser test measures what a real font draws. Every length is a
//! whole number of pixels: the picture needs no finer grid, and the worker then carries no
//! floating-point printing.

use std::cell::RefCell;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::report::base::format::{
    APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_TOTAL_COLUMN, Appeal, FieldId, META_AGENCY, META_YEAR, OUTCOMES, PROACTIVE,
    REQUEST_COLUMNS, REQUEST_TOTAL_COLUMN, RequestRowRole, SUITS_HEADER, appeal_cell, field, id_of, request_cell,
    request_row, request_rows,
};
use crate::report::data::figure::Figure;
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;

/// A length in the picture, in CSS pixels.
type Px = u32;

/// The picture's width.
const WIDTH: Px = 750;
const MARGIN: Px = 30;
/// Fonts that Windows, 信创 systems and phones have, in that order.
const FONTS: &str = "'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif";
const INK: &str = "#222";
const ACCENT: &str = "#b3261e";
const MUTED: &str = "#666";

/// About how wide `text` is at `size` px in a CJK sans-serif font, in tenths of a pixel.
fn text_tenths(text: &str, size: Px) -> Px {
    text.chars().map(|c| if c.is_ascii() { 6 } else { 10 }).sum::<Px>() * size
}

/// The largest size up to `size` at which `text` fits in `room` px (never below 6 px).
fn fitted(text: &str, room: Px, size: Px) -> Px {
    let wide = text_tenths(text, size);
    if wide <= room * 10 { size } else { (size * room * 10 / wide).max(6) }
}

/// A line of text, fitted to `room`, anchored at `x` (`start`, `middle` or `end`).
fn label(x: Px, y: Px, text: &str, room: Px, size: Px, anchor: &str, fill: &str) -> Markup {
    let size = fitted(text, room, size);
    html! { text x=(x) y=(y) font-size=(size) text-anchor=(anchor) fill=(fill) { (text) } }
}

/// The figures the picture shows, read once from the report (and last year's), and what it says
/// in words as it is drawn: each block's name with its figures.
struct Figures {
    sheet: Sheet,
    last: Option<Sheet>,
    said: RefCell<Vec<(String, Vec<String>)>>,
}

impl Figures {
    /// A block (or a part of one) begins: what follows is said under its name.
    fn begin(&self, name: &str) {
        self.said.borrow_mut().push((name.to_string(), Vec::new()));
    }

    fn say(&self, words: String) {
        if let Some((_, said)) = self.said.borrow_mut().last_mut() {
            said.push(words);
        }
    }

    /// The sum of `ids` in this year's report (and last year's), with the keys it adds up; `None`
    /// where a cell is not a number, which the picture shows as `?`, never as 0.
    fn sum(&self, ids: &[FieldId]) -> (Option<Figure>, Option<Figure>, String) {
        let total = |sheet: &Sheet| -> Option<Figure> {
            let figures: Vec<Figure> = ids.iter().map(|&id| Figure::of(sheet, id)).collect::<Option<_>>()?;
            let first = *figures.first()?;
            Some(first.with_units(figures.iter().map(|f| f.units()).sum()))
        };
        let keys: Vec<&str> = ids.iter().map(|&id| field(id).key.as_str()).collect();
        (total(&self.sheet), self.last.as_ref().and_then(total), keys.join("+"))
    }

    /// True when every one of `items` is 0 (a cell that is not a number is not 0).
    fn all_zero(&self, items: &[(String, Vec<FieldId>)]) -> bool {
        items.iter().all(|(_, ids)| self.sum(ids).0.is_some_and(|f| f.units() == 0))
    }
}

/// A figure as drawn: `?` where a cell is not a number.
fn shown(figure: Option<Figure>) -> String {
    figure.map_or_else(|| "?".to_string(), |f| f.to_string())
}

/// A number with its label under it, in a tile `width` wide; with last year's, the change.
fn tile(x: Px, y: Px, width: Px, name: &str, figures: &Figures, ids: &[FieldId]) -> Markup {
    let (this, last, keys) = figures.sum(ids);
    let number = shown(this);
    let size = fitted(&number, width - 16, 36);
    let change = this.zip(last).map(|(this, last)| match this.units().cmp(&last.units()) {
        std::cmp::Ordering::Greater => format!("同比 ▲ {}", this.with_units(this.units() - last.units())),
        std::cmp::Ordering::Less => format!("同比 ▼ {}", this.with_units(last.units() - this.units())),
        std::cmp::Ordering::Equal => "同比 持平".to_string(),
    });
    figures.say(match &change {
        Some(change) => format!("{name} {number}（{change}）"),
        None => format!("{name} {number}"),
    });
    let middle = x + width / 2;
    html! {
        rect x=(x) y=(y) width=(width) height="104" rx="6" fill="#f6f2ee" {}
        text x=(middle) y=(y + 46) font-size=(size) font-weight="bold" text-anchor="middle" fill=(ACCENT) data-sum=(keys) { (number) }
        (label(middle, y + 72, name, width - 12, 14, "middle", INK))
        @if let Some(change) = change {
            (label(middle, y + 94, &change, width - 12, 13, "middle", MUTED))
        }
    }
}

/// A block's heading: a bar and its words.
fn heading(y: Px, text: &str) -> Markup {
    html! {
        rect x=(MARGIN) y=(y) width="6" height="26" fill=(ACCENT) {}
        (label(MARGIN + 16, y + 21, text, WIDTH - 2 * MARGIN - 16, 22, "start", INK))
    }
}

/// Tiles in rows of `per_row`; returns their markup and the height they take.
fn tiles(y: Px, per_row: Px, items: &[(String, Vec<FieldId>)], figures: &Figures) -> (Markup, Px) {
    let gap = 12;
    let width = (WIDTH - 2 * MARGIN - gap * (per_row - 1)) / per_row;
    let rows = (items.len() as Px).div_ceil(per_row);
    let markup = html! {
        @for ((name, ids), n) in items.iter().zip(0..) {
            (tile(MARGIN + n % per_row * (width + gap), y + n / per_row * (104 + gap), width, name, figures, ids))
        }
    };
    (markup, rows * (104 + gap))
}

/// Tiles for `items`, or the line `none` when all of them are 0; with the height they take.
fn tiles_or_line(y: Px, per_row: Px, items: &[(String, Vec<FieldId>)], figures: &Figures, none: &str) -> (Markup, Px) {
    if figures.all_zero(items) {
        figures.say(none.to_string());
        return (nothing(y, none), 44);
    }
    let (markup, height) = tiles(y, per_row, items, figures);
    (markup, height + 16)
}

/// A line said instead of a block whose figures are all 0.
fn nothing(y: Px, text: &str) -> Markup {
    label(MARGIN, y + 24, text, WIDTH - 2 * MARGIN, 18, "start", MUTED)
}

/// Bars, one a line: label, bar, count and share of `whole`.
fn bars(y: Px, items: &[(String, Vec<FieldId>)], figures: &Figures, whole: u64) -> (Markup, Px) {
    let (label_room, bar_room) = (150, WIDTH - 2 * MARGIN - 150 - 150);
    let markup = html! {
        @for ((name, ids), n) in items.iter().zip(0..) {
            (bar(y + n * 34, name, ids, figures, whole, label_room, bar_room))
        }
    };
    (markup, items.len() as Px * 34)
}

/// One of the bars, at `line`: its label, the bar, its count and share of `whole`.
fn bar(line: Px, name: &str, ids: &[FieldId], figures: &Figures, whole: u64, label_room: Px, bar_room: Px) -> Markup {
    let (this, _, keys) = figures.sum(ids);
    let units = this.map_or(0, |f| f.units());
    let share = if whole == 0 { 0 } else { (units * 2000 + whole) / (2 * whole) };
    let (number, percent) = (shown(this), format!("{}.{}%", share / 10, share % 10));
    figures.say(format!("{name} {number}（{percent}）"));
    html! {
        (label(MARGIN, line + 20, name, label_room - 8, 16, "start", INK))
        rect x=(MARGIN + label_room) y=(line + 6) width=(bar_room) height="18" fill="#eee" {}
        rect x=(MARGIN + label_room) y=(line + 6) width=(bar_room * share as Px / 1000) height="18" fill=(ACCENT) {}
        text x=(WIDTH - MARGIN - 70) y=(line + 20) font-size=(fitted(&number, 70, 16)) text-anchor="end" fill=(INK) data-sum=(keys) { (number) }
        (label(WIDTH - MARGIN, line + 20, &percent, 64, 14, "end", MUTED))
    }
}

/// The 图解 of `report` as an SVG document; with last year's report, each headline figure's change.
pub fn chart_svg(report: &Report, last_year: Option<&Report>) -> String {
    chart(report, last_year).svg
}

/// The 图解 drawn, and the same figures in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub svg: String,
    /// One line a block, `名称：数字，数字…`: what is pasted under the picture as its description,
    /// and the picture's `alt`.
    pub description: String,
}

/// The 图解 of `report` (with last year's, each headline figure's change) and its description.
pub fn chart(report: &Report, last_year: Option<&Report>) -> Chart {
    let figures = Figures { sheet: Sheet::of(report), last: last_year.map(Sheet::of), said: RefCell::default() };
    let agency = report.text(id_of(META_AGENCY)).trim();
    let year = report.text(id_of(META_YEAR)).trim();
    let row_total = |role| request_cell(request_row(role), REQUEST_TOTAL_COLUMN);
    let mut y = 0;
    let mut blocks: Vec<Markup> = Vec::new();

    // The title.
    blocks.push(html! {
        rect x="0" y="0" width=(WIDTH) height="150" fill=(ACCENT) {}
        (label(WIDTH / 2, 64, agency, WIDTH - 2 * MARGIN, 30, "middle", "#fff"))
        (label(WIDTH / 2, 108, &format!("{year}年政府信息公开工作年度报告 · 图解"), WIDTH - 2 * MARGIN, 24, "middle", "#fff"))
    });
    y += 180;

    // 主动公开: table 二, each value with its row and column.
    let mut proactive: Vec<(String, Vec<FieldId>)> = Vec::new();
    for block in PROACTIVE {
        for row in block.rows {
            for (key, column) in row.keys.iter().zip(block.columns) {
                // 行政事业性收费 + 收费金额: the row's name says 收费 once.
                let column = column.trim_start_matches("本年").replace("（单位：万元）", "（万元）");
                let column = if row.label.ends_with("收费") { column.trim_start_matches("收费") } else { &column };
                proactive.push((format!("{}{}", row.label, column), vec![id_of(key)]));
            }
        }
    }
    blocks.push(heading(y, "主动公开"));
    figures.begin("主动公开");
    y += 44;
    let (markup, height) = tiles_or_line(y, 3, &proactive, &figures, "本年度主动公开的各项数字均为 0");
    blocks.push(markup);
    y += height;

    // 依申请公开: table 三.
    blocks.push(heading(y, "依申请公开"));
    figures.begin("依申请公开");
    y += 44;
    // The rows' own names, without their numerals: 本年新收, 上年结转, 结转下年度.
    let mut flows: Vec<(String, Vec<FieldId>)> = Vec::new();
    for role in [RequestRowRole::Received, RequestRowRole::CarriedOver, RequestRowRole::CarriedForward] {
        let name = &request_rows()[request_row(role)].name;
        flows.push((name.split_once('、').map_or(name.as_str(), |(_, rest)| rest).to_string(), vec![row_total(role)]));
    }
    let received = request_row(RequestRowRole::Received);
    let mut applicants: Vec<(String, Vec<FieldId>)> = Vec::new();
    for (c, column) in REQUEST_COLUMNS[..REQUEST_TOTAL_COLUMN].iter().enumerate() {
        applicants.push((column.label.to_string(), vec![request_cell(received, c)]));
    }
    let mut outcomes: Vec<(String, Vec<FieldId>)> = Vec::new();
    for outcome in OUTCOMES {
        let cells = outcome.rows().map(|r| request_cell(r, REQUEST_TOTAL_COLUMN)).collect();
        outcomes.push((outcome.plain_name().to_string(), cells));
    }
    if figures.all_zero(&flows) && figures.all_zero(&outcomes) {
        figures.say("本年度未收到政府信息公开申请".into());
        blocks.push(nothing(y, "本年度未收到政府信息公开申请"));
        y += 44;
    } else {
        let (markup, height) = tiles(y, 3, &flows, &figures);
        blocks.push(markup);
        y += height + 8;
        blocks.push(label(MARGIN, y + 18, "本年新收申请的申请人", 400, 18, "start", INK));
        figures.begin("本年新收申请的申请人");
        y += 30;
        let (markup, height) = bars(
            y,
            &applicants,
            &figures,
            figures.sum(&[row_total(RequestRowRole::Received)]).0.map_or(0, |f| f.units()),
        );
        blocks.push(markup);
        y += height + 12;
        blocks.push(label(MARGIN, y + 18, "办理结果", 200, 18, "start", INK));
        figures.begin("办理结果");
        y += 30;
        let outcome_total = figures.sum(&[row_total(RequestRowRole::OutcomeTotal)]).0.map_or(0, |f| f.units());
        let (markup, height) = bars(y, &outcomes, &figures, outcome_total);
        blocks.push(markup);
        y += height + 16;
    }

    // 行政复议 and 行政诉讼: table 四, each kind's total and its four results.
    for (appeal, name, none) in [
        (Appeal::Review, APPEAL_GROUPS[0].label, "本年度未收到行政复议申请"),
        (Appeal::Suit, SUITS_HEADER, "本年度未发生行政诉讼"),
    ] {
        blocks.push(heading(y, name));
        figures.begin(name);
        y += 44;
        let groups: Vec<usize> = (0..APPEAL_GROUPS.len()).filter(|&g| APPEAL_GROUPS[g].appeal == appeal).collect();
        let column = |c: usize| groups.iter().map(|&g| appeal_cell(g, c)).collect::<Vec<_>>();
        let mut items = vec![(format!("{name}总计"), column(APPEAL_TOTAL_COLUMN))];
        items.extend((0..APPEAL_TOTAL_COLUMN).map(|c| (APPEAL_COLUMNS[c].label.to_string(), column(c))));
        let (markup, height) = tiles_or_line(y, 5, &items, &figures, none);
        blocks.push(markup);
        y += height;
    }
    let height = y + 20;
    let svg = html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(WIDTH) height=(height) viewBox=(format!("0 0 {WIDTH} {height}"))
            font-family=(FONTS) role="img" aria-label=(format!("{agency}{year}年政府信息公开工作年度报告图解")) {
            rect width=(WIDTH) height=(height) fill="#fff" {}
            @for block in &blocks { (block) }
        }
    };
    let title = format!("{agency}{year}年政府信息公开工作年度报告图解");
    let mut description = vec![title];
    for (name, said) in figures.said.take() {
        description.push(format!("{name}：{}。", said.join("，")));
    }
    Chart {
        svg: format!("{}{}", PreEscaped("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").0, svg.into_string()),
        description: description.join("\n"),
    }
}

/// How the 图解 page looks: the picture at its own width, scaled down in a narrow frame.
const PAGE_STYLE: &str = "body{margin:0;padding:8px;font:14px/1.6 'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;color:#1f2329}\
button{font:inherit;border:1px solid #8c8c8c;background:#fff;border-radius:4px;padding:4px 12px;margin:0 8px 8px 0;cursor:pointer}\
.errors,.ask{background:#fdecea;border-left:4px solid #b71c1c;padding:6px 10px;margin:0 0 8px}\
img{display:block;width:100%;max-width:750px;height:auto;border:1px solid #d0d0d0}\
textarea{width:100%;max-width:750px;box-sizing:border-box;font:inherit}";

/// The downloads, in the page itself: the SVG as it is, the PNG drawn by the browser at twice the
/// picture's size (said when the browser cannot make it); asked about first while the report has
/// something still to be done.
const PAGE_SCRIPT: &str = "var image=document.getElementById('chart'),ask=document.getElementById('ask'),wanted=null;\
function offer(href,name){var a=document.createElement('a');a.href=href;a.download=name;document.body.appendChild(a);a.click();a.remove()}\
function download(kind){var name=document.body.getAttribute('data-name')+'（图解）.'+kind;if(kind==='svg'){offer(image.src,name);return}\
var c=document.createElement('canvas');c.width=image.naturalWidth*2;c.height=image.naturalHeight*2;\
c.getContext('2d').drawImage(image,0,0,c.width,c.height);\
c.toBlob(function(png){if(png)offer(URL.createObjectURL(png),name);else document.getElementById('failed').hidden=false},'image/png')}\
document.body.addEventListener('click',function(e){var action=e.target.getAttribute('data-action');\
if(action==='download-chart-png'||action==='download-chart-svg'){var kind=action.slice(15);\
if(ask){wanted=kind;ask.hidden=false;ask.querySelector('[data-action=chart-cancel]').focus()}else download(kind)}\
else if(action==='chart-anyway'){ask.hidden=true;download(wanted)}else if(action==='chart-cancel'){ask.hidden=true}});";

/// 预览与发布's 图解 as a page of its own, made in the widget's worker and shown in a frame, so that
/// the widget's first download carries none of it: the picture (its `alt` the description), its
/// two downloads, and the description to paste under it. While the report still has something to
/// be done (`to_do`, the sentence the copies ask with: errors, blank cells drawn as 0, empty
/// sections), the page says it, and the downloads ask first. `name` is what the files are called
/// (the report's title).
pub fn chart_page(chart: &Chart, name: &str, to_do: Option<&str>) -> String {
    html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head { meta charset="utf-8"; title { "图解" } style { (PreEscaped(PAGE_STYLE)) } }
            body data-name=(name) {
                @if let Some(to_do) = to_do {
                    p.errors data-testid="chart-to-do" { (to_do) "。图解按表中现在的数字画出。" }
                }
                div {
                    button type="button" data-action="download-chart-png" { "下载图解（PNG）" }
                    button type="button" data-action="download-chart-svg" { "下载图解（SVG）" }
                }
                p.errors #failed role="alert" hidden { "浏览器未能生成 PNG 图片，请改用“下载图解（SVG）”。" }
                @if let Some(to_do) = to_do {
                    div.ask #ask role="alertdialog" aria-label="下载前确认" hidden {
                        (to_do) "。仍要下载吗？"
                        button type="button" data-action="chart-anyway" { "仍要下载" }
                        button type="button" data-action="chart-cancel" { "先去改正" }
                    }
                }
                img #chart src=(data_url(&chart.svg)) alt=(chart.description);
                p {
                    label for="description" { "图解的文字说明（可粘贴在图片下方，也是图片的替代文字）：" }
                    textarea #description readonly rows="6" data-testid="chart-text" { (chart.description) }
                }
                script { (PreEscaped(PAGE_SCRIPT)) }
            }
        }
    }
    .into_string()
}

/// An SVG document as a `data:` address: every byte but letters, digits and `-._~ ` percent-encoded.
fn data_url(svg: &str) -> String {
    let mut url = String::from("data:image/svg+xml;charset=utf-8,");
    for byte in svg.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~ ".contains(&byte) {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Reader;
    use quick_xml::events::Event;

    /// Every `<text data-sum="k1+k2…">` of the SVG with the text it holds, read by an XML parser.
    fn figures_drawn(svg: &str) -> Vec<(String, String)> {
        let mut reader = Reader::from_str(svg);
        let (mut drawn, mut open) = (Vec::new(), None);
        loop {
            match reader.read_event().expect("the SVG is well-formed XML") {
                Event::Start(tag) if tag.name().as_ref() == b"text" => {
                    open = tag
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"data-sum")
                        .map(|a| String::from_utf8(a.value.to_vec()).unwrap());
                }
                Event::Text(text) => {
                    if let Some(keys) = open.take() {
                        drawn.push((keys, text.unescape().unwrap().into_owned()));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        drawn
    }

    /// All text of the SVG, in order.
    fn all_text(svg: &str) -> String {
        let mut reader = Reader::from_str(svg);
        let mut text = String::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Text(t) => text.push_str(&t.unescape().unwrap()),
                Event::Eof => break,
                _ => {}
            }
        }
        text
    }

    /// The example with every count of the tables non-zero, so that every block is drawn.
    fn busy_report() -> Report {
        let mut report = crate::report::example();
        for (id, f) in crate::report::base::format::fields().iter().enumerate() {
            if f.kind == crate::report::base::format::FieldKind::Count {
                report.set(id, ((id % 7) + 1).to_string());
            }
        }
        report
    }

    #[test]
    fn every_figure_drawn_is_the_sum_of_the_cells_it_names() {
        let report = busy_report();
        let sheet = Sheet::of(&report);
        let svg = chart_svg(&report, None);
        let drawn = figures_drawn(&svg);
        assert!(drawn.len() >= 10 + 3 + 6 + 6 + 5, "{}", drawn.len());
        for (keys, text) in drawn {
            // Added up here from the report's own cells, as a clerk would with a calculator.
            let units: u64 = keys.split('+').map(|key| Figure::of(&sheet, id_of(key)).unwrap().units()).sum();
            let first = Figure::of(&sheet, id_of(keys.split('+').next().unwrap())).unwrap();
            assert_eq!(text, first.with_units(units).to_string(), "{keys}");
        }
        assert!(all_text(&svg).contains("咸宁市政务服务和大数据管理局"));
        assert!(svg.starts_with("<?xml"));
    }

    #[test]
    fn a_block_of_zeros_is_one_line_and_last_year_gives_each_headline_its_change() {
        let mut report = busy_report();
        for group in ["review", "suit_direct", "suit_after_review"] {
            for column in ["upheld", "corrected", "other", "pending", "total"] {
                report.set_key(&format!("appeals.{group}.{column}"), "0");
            }
        }
        let text = all_text(&chart_svg(&report, None));
        assert!(text.contains("本年度未收到行政复议申请") && text.contains("本年度未发生行政诉讼"), "{text}");
        assert!(!text.contains("同比"), "no last year, no change");

        let mut last = report.clone();
        let received = "requests.received.natural_person";
        let now: u64 = report.get_key(received).unwrap_or("0").parse().unwrap();
        last.set_key(received, (now + 3).to_string());
        let text = all_text(&chart_svg(&report, Some(&last)));
        assert!(text.contains("同比 ▼ 3"), "{text}");
        assert!(text.contains("同比 持平"));
    }

    #[test]
    fn the_description_says_every_figure_drawn_in_the_order_drawn_one_line_a_block() {
        let report = busy_report();
        let mut last = report.clone();
        last.set_key("requests.received.natural_person", "1");
        let Chart { svg, description } = chart(&report, Some(&last));
        let lines: Vec<&str> = description.lines().collect();
        assert_eq!(lines[0], "咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告图解");
        let names: Vec<&str> = lines[1..].iter().map(|l| l.split_once('：').unwrap().0).collect();
        assert_eq!(names, ["主动公开", "依申请公开", "本年新收申请的申请人", "办理结果", "行政复议", "行政诉讼"]);
        let mut rest = description.as_str();
        for (keys, number) in figures_drawn(&svg) {
            let at = rest.find(&format!(" {number}")).unwrap_or_else(|| panic!("{keys} {number} not said in order"));
            rest = &rest[at + number.len() + 1..];
        }
        assert!(description.contains("同比 ▲"), "{description}");

        let mut quiet = report.clone();
        for group in ["review", "suit_direct", "suit_after_review"] {
            for column in ["upheld", "corrected", "other", "pending", "total"] {
                quiet.set_key(&format!("appeals.{group}.{column}"), "0");
            }
        }
        assert!(chart(&quiet, None).description.contains("行政复议：本年度未收到行政复议申请。"));
    }

    #[test]
    fn the_page_shows_the_picture_with_its_words_and_says_what_is_still_to_do_first() {
        let drawn = chart(&busy_report(), None);
        let section = chart_page(&drawn, "报告", None);
        let page = scraper::Html::parse_fragment(&section);
        let image = page.select(&scraper::Selector::parse("img").unwrap()).next().unwrap();
        assert_eq!(image.attr("alt"), Some(drawn.description.as_str()));
        let url = image.attr("src").unwrap().strip_prefix("data:image/svg+xml;charset=utf-8,").unwrap();
        let bytes: Vec<u8> = {
            let mut bytes = Vec::new();
            let mut rest = url.as_bytes();
            while let Some((&first, tail)) = rest.split_first() {
                if first == b'%' {
                    bytes.push(u8::from_str_radix(std::str::from_utf8(&tail[..2]).unwrap(), 16).unwrap());
                    rest = &tail[2..];
                } else {
                    bytes.push(first);
                    rest = tail;
                }
            }
            bytes
        };
        assert_eq!(String::from_utf8(bytes).unwrap(), drawn.svg, "the picture is the SVG, byte for byte");
        assert!(!section.contains("chart-to-do") && !section.contains("id=\"ask\""));
        let to_do = "报告还有 2 个错误，发布前应当改正；尚未填完：3 个数字格未填，将按 0 发布";
        let open = chart_page(&drawn, "报告", Some(to_do));
        assert!(open.contains(&format!("{to_do}。图解按表中现在的数字画出。")), "said on the page");
        assert!(open.contains(&format!("{to_do}。仍要下载吗？")), "and asked before a download");
        for outside in ["src=\"http", "<link", "@import", "url("] {
            assert!(!section.contains(outside), "{outside}: the page loads nothing from outside");
        }
    }

    #[test]
    fn a_cell_that_is_not_a_number_is_drawn_as_a_question_mark_never_as_zero() {
        let report = busy_report().filled(&[("appeals.review.upheld", "三")]);
        let drawn = figures_drawn(&chart_svg(&report, None));
        let upheld: Vec<&str> =
            drawn.iter().filter(|(keys, _)| keys == "appeals.review.upheld").map(|(_, text)| text.as_str()).collect();
        assert_eq!(upheld, ["?"]);
        assert!(drawn.iter().any(|(keys, text)| keys == "appeals.review.total" && text == "?"), "its total too");
    }

    #[test]
    fn long_names_and_numbers_are_fitted_to_their_boxes() {
        let report = busy_report().filled(&[
            ("meta.agency", "某某省某某市某某区人民政府办公室政务公开与数据资源管理服务中心"),
            ("requests.received.natural_person", "1234567"),
            ("proactive.fees.amount", "12345678.1234"),
        ]);
        let svg = chart_svg(&report, None);
        let mut reader = Reader::from_str(&svg);
        let (mut sizes, mut open) = (Vec::new(), None);
        loop {
            match reader.read_event().unwrap() {
                Event::Start(tag) if tag.name().as_ref() == b"text" => {
                    let size = tag.attributes().flatten().find(|a| a.key.as_ref() == b"font-size").unwrap();
                    open = Some(String::from_utf8(size.value.to_vec()).unwrap().parse::<Px>().unwrap());
                }
                Event::Text(t) => {
                    if let Some(size) = open.take() {
                        let text = t.unescape().unwrap().into_owned();
                        assert!(text_tenths(&text, size) <= (WIDTH - 2 * MARGIN) * 10, "{text} at {size}px");
                        sizes.push(size);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(sizes.iter().all(|&s| s >= 6));
    }
}
