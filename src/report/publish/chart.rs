//! 图解: the year's report as the one long picture portals publish beside it — 750 px wide (the
//! width of portals' columns and WeChat articles), as tall as its blocks — drawn from the report's
//! own numbers, so that it always says what the tables say. Every figure's text carries
//! `data-sum`, the keys of the cells it adds up, so that a test (or a reader) can hold it to them.
//!
//! Text is fitted to its box by an estimate of its width (a CJK character one em, a digit or a
//! Latin letter about 0.6 em); the browser test measures what a real font draws.

use maud::{Markup, PreEscaped, html};

use crate::report::base::format::{
    APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_TOTAL_COLUMN, Appeal, FieldId, META_AGENCY, META_YEAR, OUTCOMES, PROACTIVE,
    REQUEST_COLUMNS, REQUEST_TOTAL_COLUMN, RequestRowRole, SUITS_HEADER, appeal_cell, field, id_of, request_cell,
    request_row, request_rows,
};
use crate::report::data::figure::Figure;
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;

/// The picture's width, in CSS pixels.
pub const WIDTH: f64 = 750.0;
const MARGIN: f64 = 30.0;
/// Fonts that Windows, 信创 systems and phones have, in that order.
const FONTS: &str = "'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif";
const INK: &str = "#222";
const ACCENT: &str = "#b3261e";
const MUTED: &str = "#666";

/// About how wide `text` is at `size` px in a CJK sans-serif font.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.6 } else { 1.0 }).sum::<f64>() * size
}

/// The largest size up to `size` at which `text` fits in `room` px.
fn fitted(text: &str, room: f64, size: f64) -> f64 {
    let wide = text_width(text, size);
    if wide <= room { size } else { (size * room / wide).floor().max(6.0) }
}

/// A line of text, fitted to `room`, anchored at `x` (`start`, `middle` or `end`).
fn label(x: f64, y: f64, text: &str, room: f64, size: f64, anchor: &str, fill: &str) -> Markup {
    let size = fitted(text, room, size);
    html! { text x=(x) y=(y) font-size=(size) text-anchor=(anchor) fill=(fill) { (text) } }
}

/// The figures the picture shows, read once from the report (and last year's).
struct Figures {
    sheet: Sheet,
    last: Option<Sheet>,
}

impl Figures {
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
fn tile(x: f64, y: f64, width: f64, name: &str, figures: &Figures, ids: &[FieldId]) -> Markup {
    let (this, last, keys) = figures.sum(ids);
    let number = shown(this);
    let size = fitted(&number, width - 16.0, 36.0);
    let change = this.zip(last).map(|(this, last)| match this.units().cmp(&last.units()) {
        std::cmp::Ordering::Greater => format!("同比 ▲ {}", this.with_units(this.units() - last.units())),
        std::cmp::Ordering::Less => format!("同比 ▼ {}", this.with_units(last.units() - this.units())),
        std::cmp::Ordering::Equal => "同比 持平".to_string(),
    });
    let middle = x + width / 2.0;
    html! {
        rect x=(x) y=(y) width=(width) height="104" rx="6" fill="#f6f2ee" {}
        text x=(middle) y=(y + 46.0) font-size=(size) font-weight="bold" text-anchor="middle" fill=(ACCENT) data-sum=(keys) { (number) }
        (label(middle, y + 72.0, name, width - 12.0, 14.0, "middle", INK))
        @if let Some(change) = change {
            (label(middle, y + 94.0, &change, width - 12.0, 13.0, "middle", MUTED))
        }
    }
}

/// A block's heading: a bar and its words.
fn heading(y: f64, text: &str) -> Markup {
    html! {
        rect x=(MARGIN) y=(y) width="6" height="26" fill=(ACCENT) {}
        (label(MARGIN + 16.0, y + 21.0, text, WIDTH - 2.0 * MARGIN - 16.0, 22.0, "start", INK))
    }
}

/// Tiles in rows of `per_row`; returns their markup and the height they take.
fn tiles(y: f64, per_row: usize, items: &[(String, Vec<FieldId>)], figures: &Figures) -> (Markup, f64) {
    let gap = 12.0;
    let width = (WIDTH - 2.0 * MARGIN - gap * (per_row as f64 - 1.0)) / per_row as f64;
    let rows = items.len().div_ceil(per_row);
    let markup = html! {
        @for (n, (name, ids)) in items.iter().enumerate() {
            (tile(MARGIN + (n % per_row) as f64 * (width + gap), y + (n / per_row) as f64 * (104.0 + gap), width, name, figures, ids))
        }
    };
    (markup, rows as f64 * (104.0 + gap))
}

/// Tiles for `items`, or the line `none` when all of them are 0; with the height they take.
fn tiles_or_line(
    y: f64,
    per_row: usize,
    items: &[(String, Vec<FieldId>)],
    figures: &Figures,
    none: &str,
) -> (Markup, f64) {
    if figures.all_zero(items) {
        return (nothing(y, none), 44.0);
    }
    let (markup, height) = tiles(y, per_row, items, figures);
    (markup, height + 16.0)
}

/// A line said instead of a block whose figures are all 0.
fn nothing(y: f64, text: &str) -> Markup {
    label(MARGIN, y + 24.0, text, WIDTH - 2.0 * MARGIN, 18.0, "start", MUTED)
}

/// Bars, one a line: label, bar, count and share of `whole`.
fn bars(y: f64, items: &[(String, Vec<FieldId>)], figures: &Figures, whole: u64) -> (Markup, f64) {
    let (label_room, bar_room) = (150.0, WIDTH - 2.0 * MARGIN - 150.0 - 150.0);
    let markup = html! {
        @for (n, (name, ids)) in items.iter().enumerate() {
            @let (this, _, keys) = figures.sum(ids);
            @let line = y + n as f64 * 34.0;
            @let units = this.map_or(0, |f| f.units());
            @let share = if whole == 0 { 0 } else { (units * 2000 + whole) / (2 * whole) };
            (label(MARGIN, line + 20.0, name, label_room - 8.0, 16.0, "start", INK))
            rect x=(MARGIN + label_room) y=(line + 6.0) width=(bar_room) height="18" fill="#eee" {}
            rect x=(MARGIN + label_room) y=(line + 6.0) width=(bar_room * share as f64 / 1000.0) height="18" fill=(ACCENT) {}
            @let number = shown(this);
            text x=(WIDTH - MARGIN - 70.0) y=(line + 20.0) font-size=(fitted(&number, 70.0, 16.0)) text-anchor="end" fill=(INK) data-sum=(keys) { (number) }
            (label(WIDTH - MARGIN, line + 20.0, &format!("{}.{}%", share / 10, share % 10), 64.0, 14.0, "end", MUTED))
        }
    };
    (markup, items.len() as f64 * 34.0)
}

/// The 图解 of `report` as an SVG document; with last year's report, each headline figure's change.
pub fn chart_svg(report: &Report, last_year: Option<&Report>) -> String {
    let figures = Figures { sheet: Sheet::of(report), last: last_year.map(Sheet::of) };
    let agency = report.text(id_of(META_AGENCY)).trim();
    let year = report.text(id_of(META_YEAR)).trim();
    let row_total = |role| request_cell(request_row(role), REQUEST_TOTAL_COLUMN);
    let mut y = 0.0;
    let mut blocks: Vec<Markup> = Vec::new();

    // The title.
    blocks.push(html! {
        rect x="0" y="0" width=(WIDTH) height="150" fill=(ACCENT) {}
        (label(WIDTH / 2.0, 64.0, agency, WIDTH - 2.0 * MARGIN, 30.0, "middle", "#fff"))
        (label(WIDTH / 2.0, 108.0, &format!("{year}年政府信息公开工作年度报告 · 图解"), WIDTH - 2.0 * MARGIN, 24.0, "middle", "#fff"))
    });
    y += 180.0;

    // 主动公开: table 二, each value with its row and column.
    let proactive: Vec<(String, Vec<FieldId>)> = PROACTIVE
        .iter()
        .flat_map(|block| {
            block.rows.iter().flat_map(move |row| {
                row.keys.iter().zip(block.columns).map(move |(key, column)| {
                    let column = column.trim_start_matches("本年").replace("（单位：万元）", "（万元）");
                    (format!("{}{}", row.label, column), vec![id_of(key)])
                })
            })
        })
        .collect();
    blocks.push(heading(y, "主动公开"));
    y += 44.0;
    let (markup, height) = tiles_or_line(y, 3, &proactive, &figures, "本年度主动公开的各项数字均为 0");
    blocks.push(markup);
    y += height;

    // 依申请公开: table 三.
    blocks.push(heading(y, "依申请公开"));
    y += 44.0;
    // The rows' own names, without their numerals: 本年新收, 上年结转, 结转下年度.
    let flows: Vec<(String, Vec<FieldId>)> =
        [RequestRowRole::Received, RequestRowRole::CarriedOver, RequestRowRole::CarriedForward]
            .into_iter()
            .map(|role| {
                let name = &request_rows()[request_row(role)].name;
                (name.split_once('、').map_or(name.as_str(), |(_, rest)| rest).to_string(), vec![row_total(role)])
            })
            .collect();
    let received = request_row(RequestRowRole::Received);
    let applicants: Vec<(String, Vec<FieldId>)> = REQUEST_COLUMNS[..REQUEST_TOTAL_COLUMN]
        .iter()
        .enumerate()
        .map(|(c, column)| (column.label.to_string(), vec![request_cell(received, c)]))
        .collect();
    let outcomes: Vec<(String, Vec<FieldId>)> = OUTCOMES
        .iter()
        .map(|outcome| {
            let cells = outcome.rows().map(|r| request_cell(r, REQUEST_TOTAL_COLUMN)).collect();
            (outcome.plain_name().to_string(), cells)
        })
        .collect();
    if figures.all_zero(&flows) && figures.all_zero(&outcomes) {
        blocks.push(nothing(y, "本年度未收到政府信息公开申请"));
        y += 44.0;
    } else {
        let (markup, height) = tiles(y, 3, &flows, &figures);
        blocks.push(markup);
        y += height + 8.0;
        blocks.push(label(MARGIN, y + 18.0, "本年新收申请的申请人", 400.0, 18.0, "start", INK));
        y += 30.0;
        let (markup, height) = bars(
            y,
            &applicants,
            &figures,
            figures.sum(&[row_total(RequestRowRole::Received)]).0.map_or(0, |f| f.units()),
        );
        blocks.push(markup);
        y += height + 12.0;
        blocks.push(label(MARGIN, y + 18.0, "办理结果", 200.0, 18.0, "start", INK));
        y += 30.0;
        let outcome_total = figures.sum(&[row_total(RequestRowRole::OutcomeTotal)]).0.map_or(0, |f| f.units());
        let (markup, height) = bars(y, &outcomes, &figures, outcome_total);
        blocks.push(markup);
        y += height + 16.0;
    }

    // 行政复议 and 行政诉讼: table 四, each kind's total and its four results.
    for (appeal, name, none) in [
        (Appeal::Review, APPEAL_GROUPS[0].label, "本年度未收到行政复议申请"),
        (Appeal::Suit, SUITS_HEADER, "本年度未发生行政诉讼"),
    ] {
        blocks.push(heading(y, name));
        y += 44.0;
        let groups: Vec<usize> = (0..APPEAL_GROUPS.len()).filter(|&g| APPEAL_GROUPS[g].appeal == appeal).collect();
        let column = |c: usize| groups.iter().map(|&g| appeal_cell(g, c)).collect::<Vec<_>>();
        let mut items = vec![(format!("{name}总计"), column(APPEAL_TOTAL_COLUMN))];
        items.extend((0..APPEAL_TOTAL_COLUMN).map(|c| (APPEAL_COLUMNS[c].label.to_string(), column(c))));
        let (markup, height) = tiles_or_line(y, 5, &items, &figures, none);
        blocks.push(markup);
        y += height;
    }
    let height = y + 20.0;
    let svg = html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(WIDTH) height=(height) viewBox=(format!("0 0 {WIDTH} {height}"))
            font-family=(FONTS) role="img" aria-label=(format!("{agency}{year}年政府信息公开工作年度报告图解")) {
            rect width=(WIDTH) height=(height) fill="#fff" {}
            @for block in &blocks { (block) }
        }
    };
    format!("{}{}", PreEscaped("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").0, svg.into_string())
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
                    open = Some(String::from_utf8(size.value.to_vec()).unwrap().parse::<f64>().unwrap());
                }
                Event::Text(t) => {
                    if let Some(size) = open.take() {
                        let text = t.unescape().unwrap().into_owned();
                        assert!(text_width(&text, size) <= WIDTH - 2.0 * MARGIN, "{text} at {size}px");
                        sizes.push(size);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(sizes.iter().all(|&s| s >= 6.0));
    }
}
