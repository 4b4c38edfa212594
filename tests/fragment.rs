//! The published fragment read back with an HTML parser, as a portal editor would read it.
//! Expected labels and positions are written out here from docs/FORMAT.md, not taken from the code.

use proptest::prelude::*;
use scraper::{ElementRef, Html, Selector};
use xxgk_nianbao::report::base::format::{FieldKind, SECTIONS, fields};
use xxgk_nianbao::report::{Report, render};

/// One grid position of an expanded table: the text of the cell covering it, whether that cell is
/// a `<th>`, and which source cell it is (so merges can be checked).
#[derive(Debug, Clone, PartialEq)]
struct Slot {
    text: String,
    header: bool,
    source: usize,
}

/// Expands rowspan/colspan the way a browser lays out a table.
fn grid(table: ElementRef) -> Vec<Vec<Slot>> {
    let tr = Selector::parse("tr").unwrap();
    let mut grid: Vec<Vec<Option<Slot>>> = Vec::new();
    let mut source = 0;
    for (r, row) in table.select(&tr).enumerate() {
        let mut c = 0;
        for cell in row.children().filter_map(ElementRef::wrap) {
            while grid.get(r).and_then(|row| row.get(c)).is_some_and(Option::is_some) {
                c += 1;
            }
            let span = |name: &str| cell.value().attr(name).map_or(1, |v| v.parse::<usize>().unwrap());
            let (rowspan, colspan) = (span("rowspan"), span("colspan"));
            let slot = Slot { text: cell.text().collect::<String>(), header: cell.value().name() == "th", source };
            source += 1;
            for rr in r..r + rowspan {
                if grid.len() <= rr {
                    grid.resize(rr + 1, Vec::new());
                }
                for cc in c..c + colspan {
                    if grid[rr].len() <= cc {
                        grid[rr].resize(cc + 1, None);
                    }
                    assert!(grid[rr][cc].is_none(), "overlapping cells at {rr},{cc}");
                    grid[rr][cc] = Some(slot.clone());
                }
            }
            c += colspan;
        }
    }
    grid.into_iter().map(|row| row.into_iter().map(|s| s.expect("a hole in the table grid")).collect()).collect()
}

fn tables(fragment: &str) -> Vec<Vec<Vec<Slot>>> {
    let doc = Html::parse_fragment(fragment);
    let table = Selector::parse("table").unwrap();
    doc.select(&table).map(grid).collect()
}

/// Asserts a label covers exactly the rectangle given, as one `<th>`.
fn assert_label(grid: &[Vec<Slot>], text: &str, row: usize, col: usize, rowspan: usize, colspan: usize) {
    let slot = &grid[row][col];
    assert_eq!(slot.text, text, "label at {row},{col}");
    assert!(slot.header, "{text} is a <th>");
    for (r, grid_row) in grid.iter().enumerate() {
        for (c, other) in grid_row.iter().enumerate() {
            let inside = (row..row + rowspan).contains(&r) && (col..col + colspan).contains(&c);
            assert_eq!(other.source == slot.source, inside, "{text} spans {row},{col} {rowspan}×{colspan}; at {r},{c}");
        }
    }
}

fn seed() -> Report {
    xxgk_nianbao::report::example()
}

#[test]
fn the_fragment_has_the_six_headings_in_order_and_three_tables() {
    let fragment = render(&Report::new());
    let doc = Html::parse_fragment(&fragment);
    let h3 = Selector::parse("h3").unwrap();
    let headings: Vec<String> = doc.select(&h3).map(|h| h.text().collect()).collect();
    assert_eq!(
        headings,
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"
        ]
    );
    assert_eq!(tables(&fragment).len(), 3);
    // Each table follows its own heading: 四、结转下年度继续办理 stays inside table 三, before §四.
    let table_three = fragment.find("四、结转下年度继续办理").unwrap();
    assert!(table_three < fragment.find("四、政府信息公开行政复议").unwrap());
    assert!(fragment.find("三、收到和处理").unwrap() < table_three);
}

#[test]
fn table_two_labels_and_merges() {
    let grid = &tables(&render(&Report::new()))[0];
    assert_eq!(grid.len(), 14);
    assert!(grid.iter().all(|row| row.len() == 4));
    let blocks =
        [(0, "第二十条第（一）项"), (4, "第二十条第（五）项"), (7, "第二十条第（六）项"), (11, "第二十条第（八）项")];
    for (row, text) in blocks {
        assert_label(grid, text, row, 0, 1, 4);
        assert_label(grid, "信息内容", row + 1, 0, 1, 1);
    }
    for (col, text) in ["本年制发件数", "本年废止件数", "现行有效件数"].iter().enumerate() {
        assert_label(grid, text, 1, col + 1, 1, 1);
    }
    assert_label(grid, "本年处理决定数量", 5, 1, 1, 3);
    assert_label(grid, "本年处理决定数量", 8, 1, 1, 3);
    assert_label(grid, "本年收费金额（单位：万元）", 12, 1, 1, 3);
    for (row, text) in
        [(2, "规章"), (3, "行政规范性文件"), (6, "行政许可"), (9, "行政处罚"), (10, "行政强制"), (13, "行政事业性收费")]
    {
        assert_label(grid, text, row, 0, 1, 1);
    }
    for row in [6, 9, 10, 13] {
        assert!(!grid[row][1].header);
        assert_eq!(grid[row][1].source, grid[row][3].source, "value of row {row} spans three columns");
    }
}

#[test]
fn table_three_labels_and_merges() {
    let grid = &tables(&render(&Report::new()))[1];
    assert_eq!(grid.len(), 3 + 25);
    assert!(grid.iter().all(|row| row.len() == 10));
    assert_label(grid, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0, 0, 3, 3);
    assert_label(grid, "申请人情况", 0, 3, 1, 7);
    assert_label(grid, "自然人", 1, 3, 2, 1);
    assert_label(grid, "法人或其他组织", 1, 4, 1, 5);
    assert_label(grid, "总计", 1, 9, 2, 1);
    for (i, text) in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].iter().enumerate()
    {
        assert_label(grid, text, 2, 4 + i, 1, 1);
    }
    assert_label(grid, "一、本年新收政府信息公开申请数量", 3, 0, 1, 3);
    assert_label(grid, "二、上年结转政府信息公开申请数量", 4, 0, 1, 3);
    assert_label(grid, "三、本年度办理结果", 5, 0, 22, 1);
    assert_label(grid, "（一）予以公开", 5, 1, 1, 2);
    assert_label(grid, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 6, 1, 1, 2);
    let groups: [(&str, usize, &[&str]); 4] = [
        (
            "（三）不予公开",
            7,
            &[
                "1.属于国家秘密",
                "2.其他法律行政法规禁止公开",
                "3.危及“三安全一稳定”",
                "4.保护第三方合法权益",
                "5.属于三类内部事务信息",
                "6.属于四类过程性信息",
                "7.属于行政执法案卷",
                "8.属于行政查询事项",
            ],
        ),
        (
            "（四）无法提供",
            15,
            &["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"],
        ),
        (
            "（五）不予处理",
            18,
            &[
                "1.信访举报投诉类申请",
                "2.重复申请",
                "3.要求提供公开出版物",
                "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息",
            ],
        ),
        (
            "（六）其他处理",
            23,
            &[
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "3.其他",
            ],
        ),
    ];
    for (group, first, items) in groups {
        assert_label(grid, group, first, 1, items.len(), 1);
        for (i, item) in items.iter().enumerate() {
            assert_label(grid, item, first + i, 2, 1, 1);
        }
    }
    assert_label(grid, "（七）总计", 26, 1, 1, 2);
    assert_label(grid, "四、结转下年度继续办理", 27, 0, 1, 3);
    for row in &grid[3..] {
        assert!(row[3..].iter().all(|slot| !slot.header), "seven values per row");
    }
}

#[test]
fn table_four_labels_and_merges() {
    let grid = &tables(&render(&Report::new()))[2];
    assert_eq!(grid.len(), 4);
    assert!(grid.iter().all(|row| row.len() == 15));
    assert_label(grid, "行政复议", 0, 0, 1, 5);
    assert_label(grid, "行政诉讼", 0, 5, 1, 10);
    let columns = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    for (i, text) in columns.iter().enumerate() {
        assert_label(grid, text, 1, i, 2, 1);
        assert_label(grid, text, 2, 5 + i, 1, 1);
        assert_label(grid, text, 2, 10 + i, 1, 1);
    }
    assert_label(grid, "未经复议直接起诉", 1, 5, 1, 5);
    assert_label(grid, "复议后起诉", 1, 10, 1, 5);
    assert!(grid[3].iter().all(|slot| !slot.header));
}

#[test]
fn the_seed_report_reads_back_cell_by_cell() {
    let fragment = render(&seed());
    let tables = tables(&fragment);
    let values = |grid: &[Vec<Slot>], row: usize, from: usize| -> Vec<String> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for slot in &grid[row][from..] {
            if !seen.contains(&slot.source) {
                seen.push(slot.source);
                out.push(slot.text.clone());
            }
        }
        out
    };
    // 表二 as published: 规章 0/0/0, 行政规范性文件 1/0/4, 行政许可 0, 行政处罚 2, 行政强制 0, 收费 0.
    let two = &tables[0];
    assert_eq!(values(two, 2, 1), ["0", "0", "0"]);
    assert_eq!(values(two, 3, 1), ["1", "0", "4"]);
    assert_eq!(values(two, 6, 1), ["0"]);
    assert_eq!(values(two, 9, 1), ["2"]);
    assert_eq!(values(two, 10, 1), ["0"]);
    assert_eq!(values(two, 13, 1), ["0"]);
    // 表三 and 表四: all 0, totals included, none blank.
    for row in 3..28 {
        assert_eq!(values(&tables[1], row, 3), vec!["0"; 7], "表三 row {row}");
    }
    assert_eq!(values(&tables[2], 3, 0), vec!["0"; 15]);
    // The texts and the signature are there, in order.
    assert!(fragment.contains("本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。"));
    let doc = Html::parse_fragment(&fragment);
    let p = Selector::parse("p").unwrap();
    let last: Vec<String> = doc.select(&p).map(|e| e.text().collect()).collect();
    assert_eq!(&last[last.len() - 2..], ["咸宁市政务服务和大数据管理局", "2023年1月17日"]);
}

#[test]
fn every_value_is_written_even_when_blank() {
    let fragment = render(&Report::new());
    let doc = Html::parse_fragment(&fragment);
    let td = Selector::parse("td").unwrap();
    let cells: Vec<String> = doc.select(&td).map(|e| e.text().collect()).collect();
    assert_eq!(cells.len(), 10 + 175 + 15);
    assert!(cells.iter().all(|c| c == "0"));
}

#[test]
fn the_fragment_draws_its_lines_three_ways_for_editors_that_strip_one_or_two() {
    let fragment = render(&seed());
    for forbidden in ["<style", "class=", "id=", "data-", "<caption", "<colgroup", "<div", "<script", "width:"] {
        assert!(!fragment.contains(forbidden), "{forbidden} in the fragment");
    }
    let doc = Html::parse_fragment(&fragment);
    for table in doc.select(&Selector::parse("table").unwrap()) {
        let attr = |name| table.value().attr(name);
        assert_eq!(attr("width"), Some("100%"), "the width as an attribute, which UEditor keeps");
        assert_eq!(attr("border"), Some("1"));
        assert_eq!(attr("bordercolor"), Some("#000000"), "black where an editor keeps only the attributes");
        assert_eq!(attr("cellspacing"), Some("1"), "a pixel of the table's background between cells");
        assert_eq!(attr("bgcolor"), Some("#000000"));
        assert!(attr("cellpadding").is_some());
        assert!(attr("style").unwrap().contains("border-collapse:collapse"));
    }
    for cell in doc.select(&Selector::parse("th, td").unwrap()) {
        let style = cell.value().attr("style").unwrap_or_default();
        assert!(style.contains("border:1px solid"), "every cell carries its border inline");
        assert!(style.contains("text-align"), "every cell carries its alignment inline");
        assert_eq!(cell.value().attr("bgcolor"), Some("#ffffff"), "white cells over the black lines");
        assert!(cell.children().filter_map(ElementRef::wrap).next().is_none(), "no element inside a cell");
    }
}

#[test]
fn the_column_headers_of_tables_three_and_four_are_the_table_head() {
    let doc = Html::parse_fragment(&render(&seed()));
    let tables: Vec<ElementRef> = doc.select(&Selector::parse("table").unwrap()).collect();
    let head_rows = |table: &ElementRef| table.select(&Selector::parse("thead tr").unwrap()).count();
    // Table 二's header rows head each of its four blocks, not the whole table.
    assert_eq!(head_rows(&tables[0]), 0);
    assert_eq!(head_rows(&tables[1]), 3);
    assert_eq!(head_rows(&tables[2]), 3);
    let first_head_cell = tables[1].select(&Selector::parse("thead th").unwrap()).next().unwrap();
    assert_eq!(first_head_cell.value().attr("rowspan"), Some("3"));
    assert!(tables[1].select(&Selector::parse("thead td").unwrap()).next().is_none(), "no number in a head");
}

#[test]
fn paragraphs_follow_blank_lines_and_sub_headings_are_not_doubled() {
    let mut report = Report::new();
    report.set_key("overview.proactive", "第一段第一行\n第一段第二行\n\n\n第二段");
    report.set_key("overview.management", "（三）政府信息管理情况。已写了小标题。");
    let fragment = render(&report);
    assert!(
        fragment.contains(
            "<h4 style=\"font-size:14px;font-weight:bold;margin:8px 0;text-indent:2em;\">（一）主动公开</h4>"
        )
    );
    assert!(fragment.contains(">第一段第一行<br>第一段第二行</p>"));
    assert!(fragment.contains(">第二段</p>"));
    assert!(!fragment.contains("（三）政府信息管理</h4>"));
    assert!(!fragment.contains("（二）依申请公开"), "an empty sub-part prints no heading");
}

#[test]
fn header_cells_say_what_they_head() {
    let fragment = render(&seed());
    let doc = Html::parse_fragment(&fragment);
    let th = Selector::parse("th").unwrap();
    let scope_of = |text: &str| {
        let cell = doc.select(&th).find(|c| c.text().collect::<String>() == text).unwrap_or_else(|| panic!("{text}"));
        cell.value().attr("scope").map(str::to_string)
    };
    for (text, scope) in [
        ("申请人情况", Some("colgroup")),
        ("自然人", Some("col")),
        ("商业企业", Some("col")),
        ("本年制发件数", Some("col")),
        ("行政复议", Some("colgroup")),
        ("结果维持", Some("col")),
        ("三、本年度办理结果", Some("rowgroup")),
        ("1.属于国家秘密", Some("row")),
        ("一、本年新收政府信息公开申请数量", Some("row")),
        ("行政规范性文件", Some("row")),
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", None),
    ] {
        assert_eq!(scope_of(text).as_deref(), scope, "{text}");
    }
}

#[test]
fn the_standalone_file_is_titled_and_escapes_the_title() {
    let mut report = seed();
    let fragment = render(&report);
    let file = xxgk_nianbao::report::publish::fragment::render_document(&report, &fragment);
    assert!(file.starts_with("<!DOCTYPE html>"));
    assert!(file.contains("<title>咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告</title>"));
    assert!(file.contains(&fragment));
    report.set_key("meta.agency", "</title><script>x()</script>");
    let file = xxgk_nianbao::report::publish::fragment::render_document(&report, &render(&report));
    assert!(!file.contains("<script>"));
}

/// Elements and attributes the fragment is allowed to contain, whatever the clerk typed.
/// (`html` and `body` are the parser's own wrappers around a fragment.)
const ELEMENTS: [&str; 13] =
    ["html", "body", "h3", "h4", "p", "br", "table", "thead", "tbody", "tr", "th", "td", "strong"];
const ATTRIBUTES: [&str; 10] =
    ["style", "border", "bordercolor", "cellspacing", "cellpadding", "width", "bgcolor", "rowspan", "colspan", "scope"];

fn hostile_text() -> impl Strategy<Value = String> {
    let vectors = prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("\"><svg onload=alert(1)>".to_string()),
        Just("' onmouseover='x".to_string()),
        Just("</p></td></table><iframe src=javascript:alert(1)>".to_string()),
        Just("&lt;b&gt; & &amp; &#x3C;".to_string()),
        Just("<!-- --><![CDATA[x]]>".to_string()),
        Just("javascript:alert(1)".to_string()),
        "[<>&\"'=/ a-z\n\u{4e00}-\u{4e10}]{0,40}",
    ];
    prop::collection::vec(vectors, 0..4).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn user_text_never_becomes_markup(texts in prop::collection::vec(hostile_text(), 16), cell in hostile_text()) {
        let mut report = Report::new();
        let text_keys = fields().iter().filter(|f| f.kind == FieldKind::Text).map(|f| f.key.as_str());
        for (key, text) in text_keys.zip(&texts) {
            report.set_key(key, text.clone());
        }
        report.set_key("requests.received.natural_person", cell.clone());
        report.set_key("meta.year", cell);
        let fragment = render(&report);
        let doc = Html::parse_fragment(&fragment);
        for node in doc.tree.nodes() {
            if let Some(element) = node.value().as_element() {
                prop_assert!(ELEMENTS.contains(&element.name()), "element <{}>", element.name());
                for (name, _) in element.attrs() {
                    prop_assert!(ATTRIBUTES.contains(&name), "attribute {}", name);
                }
            }
        }
        // Every section's text comes back as text, character for character (whitespace aside).
        let visible: String = doc.root_element().text().collect::<String>().split_whitespace().collect();
        for part in SECTIONS.iter().flat_map(|s| s.parts) {
            let typed: String = report.get_key(part.key()).unwrap_or("").split_whitespace().collect();
            prop_assert!(visible.contains(&typed), "{:?} not shown as typed", typed);
        }
    }
}

#[test]
fn the_plain_text_is_readable_and_its_tables_paste_into_a_spreadsheet_as_grids() {
    let mut report = seed();
    report.set_key("requests.received.natural_person", "5");
    report.set_key("requests.received.legal_service", "2");
    report.set_key("requests.disclosed.natural_person", "5");
    report.set_key("requests.disclosed.legal_service", "2");
    let text = xxgk_nianbao::report::publish::fragment::render_text(&report);
    assert!(!text.contains('<'), "no markup in the plain text");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "一、总体情况");
    let row = |start: &str| -> Vec<&str> {
        lines.iter().find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("{start}")).split('\t').collect()
    };
    // Table 三: ten grid columns; merged labels in their first slot, the covered slots empty.
    assert_eq!(
        row("（本列数据的勾稽关系为"),
        [
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "",
            "",
            "申请人情况",
            "",
            "",
            "",
            "",
            "",
            ""
        ]
    );
    assert_eq!(row("一、本年新收"), ["一、本年新收政府信息公开申请数量", "", "", "5", "0", "0", "0", "2", "0", "7"]);
    assert_eq!(
        row("三、本年度办理结果"),
        ["三、本年度办理结果", "（一）予以公开", "", "5", "0", "0", "0", "2", "0", "7"]
    );
    assert_eq!(row("\t（二）部分公开")[1], "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
    // Table 二: a one-value row spans the three value columns.
    assert_eq!(row("行政许可"), ["行政许可", "0", "", ""]);
    // Table 四: the fifteen numbers are one row.
    let appeals = lines.iter().position(|l| l.starts_with("行政复议\t")).expect("table 四");
    assert_eq!(lines[appeals + 3].split('\t').count(), 15);
    assert_eq!(lines.last(), Some(&"2023年1月17日"));
}

#[test]
fn the_title_is_given_only_once_the_agency_and_year_are_filled_in() {
    use xxgk_nianbao::report::publish::fragment::title_when_named;
    let mut report = Report::new();
    assert_eq!(title_when_named(&report), None);
    report.set_key("meta.agency", "某某局");
    report.set_key("meta.year", " ");
    assert_eq!(title_when_named(&report), None);
    report.set_key("meta.year", "2025");
    assert_eq!(title_when_named(&report).as_deref(), Some("某某局2025年政府信息公开工作年度报告"));
}
