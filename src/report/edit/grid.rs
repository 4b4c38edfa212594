//! The three tables as grids of cells, for entry like a spreadsheet: moving between cells, pasting
//! a block copied from Excel, WPS or a web page, and copying a range back out.

use std::sync::LazyLock;

use crate::report::base::format::{self, FieldId, FieldKind, LayoutCell, Table};
use crate::report::base::number::{parse_amount, parse_count};
use crate::report::base::text::is_han;
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;

/// A table's cells by row, as printed; derived totals included (they are skipped, not removed).
#[derive(Debug)]
pub struct Grid {
    pub table: Table,
    pub rows: Vec<Vec<FieldId>>,
    /// Each row's own labels, as printed beside its cells (a merged label on its first row only).
    labels: Vec<Vec<&'static str>>,
}

/// The tables as the spreadsheet sees them: the value rows of each table as printed (table 四's
/// fifteen numbers are one row).
static GRIDS: LazyLock<[Grid; 3]> = LazyLock::new(|| {
    [Table::Proactive, Table::Requests, Table::Appeals].map(|table| {
        let (mut rows, mut labels) = (Vec::new(), Vec::new());
        for row in format::layout(table).rows.iter().filter(|row| !row.header) {
            rows.push(row.values().collect());
            let mut texts = Vec::new();
            for cell in &row.cells {
                if let LayoutCell::Label { text, .. } = cell {
                    texts.push(*text);
                }
            }
            labels.push(texts);
        }
        Grid { table, rows, labels }
    })
});

/// The grid a field is in, and its row and column there.
pub fn locate(id: FieldId) -> Option<(&'static Grid, usize, usize)> {
    GRIDS.iter().find_map(|grid| {
        grid.rows.iter().enumerate().find_map(|(r, row)| row.iter().position(|&cell| cell == id).map(|c| (grid, r, c)))
    })
}

/// True when two cells are in one row of one table.
pub fn same_row(a: FieldId, b: FieldId) -> bool {
    matches!((locate(a), locate(b)), (Some((ga, ra, _)), Some((gb, rb, _))) if std::ptr::eq(ga, gb) && ra == rb)
}

/// Where Enter goes from `id`: to the next row, in the column where the clerk's run of Tabs along
/// this row began (`tab_start`), as in Excel and WPS; without such a run, straight down.
pub fn after_enter(id: FieldId, tab_start: Option<FieldId>) -> Option<FieldId> {
    let start = tab_start.filter(|&start| same_row(start, id)).unwrap_or(id);
    step(start, Move::Down)
}

/// True for a cell the clerk types; false for a derived total.
pub fn is_typed(id: FieldId) -> bool {
    format::field(id).kind != FieldKind::DerivedCount
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    Left,
    Right,
}

/// The typed cell next to `id` in a direction, passing over derived totals and rows that have
/// none; `None` at the table's edge.
pub fn step(id: FieldId, direction: Move) -> Option<FieldId> {
    let (grid, row, column) = locate(id)?;
    match direction {
        Move::Left => grid.rows[row][..column].iter().rev().copied().find(|&c| is_typed(c)),
        Move::Right => grid.rows[row][column + 1..].iter().copied().find(|&c| is_typed(c)),
        Move::Up | Move::Down => {
            let mut row = row;
            loop {
                row = if direction == Move::Up { row.checked_sub(1)? } else { row + 1 };
                let cells = grid.rows.get(row)?;
                // A row with fewer columns takes its last cell.
                match cells.get(column.min(cells.len().saturating_sub(1))) {
                    Some(&cell) if is_typed(cell) => return Some(cell),
                    _ => {}
                }
            }
        }
    }
}

/// Every cell of the rectangle between two cells of one table, by row.
pub fn range(a: FieldId, b: FieldId) -> Vec<Vec<FieldId>> {
    let (Some((grid, r1, c1)), Some((other, r2, c2))) = (locate(a), locate(b)) else { return vec![] };
    if grid.table != other.table {
        return vec![];
    }
    (r1.min(r2)..=r1.max(r2))
        .map(|r| grid.rows[r].iter().copied().skip(c1.min(c2)).take(c1.abs_diff(c2) + 1).collect())
        .collect()
}

/// The rectangle between two cells as tab-separated text, as Excel and WPS paste it: the values
/// as published (blanks as 0, totals as shown).
pub fn copy_range(report: &Report, sheet: &Sheet, a: FieldId, b: FieldId) -> String {
    range(a, b)
        .iter()
        .map(|row| row.iter().map(|&id| sheet.display(report, id)).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A block paste that fits: the cells it sets, and what to tell the clerk.
#[derive(Debug, Clone, PartialEq)]
pub struct Pasted {
    pub cells: Vec<(FieldId, String)>,
    pub message: String,
    /// A total pasted along differs from the sum of its cells: it is kept as printed, for the
    /// rules to mark, and the paste is not said as done.
    pub totals_differ: bool,
}

/// Said after a paste whose totals differ from the sums of their cells.
const TOTALS_DIFFER: &str = "粘贴的合计与各项之和不符，已照原样填入并标为错误：请核对来源表格中的数字。";

/// True for pasted text that is more than one value: a block to spread over the table.
pub fn is_block(text: &str) -> bool {
    let text = text.trim_end_matches(['\r', '\n']);
    text.contains(['\t', '\n']) || values_of_line(text).len() > 1
}

/// The values of one pasted line: tab-separated cells, or else values apart by spaces or commas.
fn values_of_line(line: &str) -> Vec<String> {
    if line.contains('\t') {
        return line.split('\t').map(|v| v.trim().to_string()).collect();
    }
    let parts: Vec<&str> = line.split([' ', '\u{3000}', ',', '，', ';', '；']).filter(|v| !v.is_empty()).collect();
    // A lone value with a thousands separator ("1,234") stays one value.
    if parts.len() > 1 && parse_count(line.trim()).is_ok_and(|v| v.is_some()) {
        return vec![line.trim().to_string()];
    }
    if parts.is_empty() { vec![String::new()] } else { parts.into_iter().map(str::to_string).collect() }
}

/// A pasted cell that is a copied label (`（一）予以公开`), not a value (`3件`, `无`).
fn is_label(text: &str) -> bool {
    text.chars().any(is_han) && parse_count(text).is_err() && parse_amount(text).is_err()
}

/// A label's words, as compared: its Chinese characters (numbering marks, spaces and punctuation
/// differ from copy to copy).
fn words(label: &str) -> String {
    label.chars().filter(|&c| is_han(c)).collect()
}

impl Grid {
    /// The row a copied label names, when it is one of this table's row labels.
    fn row_named(&self, label: &str) -> Option<usize> {
        let words = words(label);
        self.labels.iter().position(|labels| labels.iter().any(|l| self::words(l) == words))
    }
}

/// Spreads a pasted block over `report`'s table from `start`, rightward and downward in the table's
/// own layout. Label cells copied along are dropped once the row they name is the row they would
/// go in (naming another row, the paste is refused: its numbers belong there). A total pasted
/// where the table derives one is held against the sum of its cells: one that agrees is left to
/// the sum, one that differs is kept as printed (a cell of the source is likely wrong, or the
/// block is out of line), for the rules to mark. A block that does not fit, or holds something
/// that is not a number, changes nothing and says why.
pub fn paste_block(report: &Report, start: FieldId, text: &str) -> Result<Pasted, String> {
    let (grid, row, column) = locate(start).ok_or("这一格不在表格中")?;
    let lines: Vec<&str> = text.trim_end_matches(['\r', '\n']).split('\n').map(|l| l.trim_end_matches('\r')).collect();
    // Each line's values, and the row label it was copied with (on its own line before the values
    // when a row is copied from a web page one cell a line).
    let (mut block, mut named): (Vec<Vec<String>>, Vec<Option<String>>) = (Vec::new(), Vec::new());
    let mut label_line = None;
    for line in lines {
        let mut values = values_of_line(line);
        let labels = values.iter().take_while(|v| is_label(v)).count();
        let label = values.drain(..labels).next_back().or_else(|| label_line.take());
        if values.is_empty() {
            label_line = label;
        } else {
            block.push(values);
            named.push(label);
        }
    }
    // One value per line, as a row copied from a web page gives it: laid along the row when it fits
    // (lines each with a row label of their own are rows).
    let width_left = grid.rows[row].len() - column;
    let one_row = block.iter().all(|r| r.len() == 1) && named.iter().skip(1).all(Option::is_none);
    if block.len() > 1 && one_row && block.len() <= width_left {
        block = vec![block.into_iter().flatten().collect()];
        named.truncate(1);
    }
    // A row copied with its label goes in that row or not at all: in the row below or above it, its
    // numbers would be wrong where they look right.
    for (i, label) in named.iter().enumerate() {
        let Some(label) = label else { continue };
        match grid.row_named(label) {
            Some(r) if r != row + i => {
                let here = grid.labels.get(row + i).and_then(|l| l.last()).unwrap_or(&"");
                return Err(format!(
                    "粘贴的第 {} 行是“{label}”，而这一格在“{here}”行，没有填入：请从“{label}”行粘贴。",
                    i + 1
                ));
            }
            _ => {}
        }
    }
    let (height, width) = (block.len(), block.iter().map(Vec::len).max().unwrap_or(0));
    let mut cells = Vec::new();
    let mut totals = Vec::new();
    for (i, values) in block.iter().enumerate() {
        let Some(target_row) = grid.rows.get(row + i) else {
            return Err(format!("粘贴的内容有 {height} 行，从这一格往下超出了{}，没有填入。", grid.table.label()));
        };
        for (j, value) in values.iter().enumerate() {
            let Some(&id) = target_row.get(column + j) else {
                return Err(format!(
                    "粘贴的第 {} 行有 {} 个数，从这一格往右超出了{}，没有填入。",
                    i + 1,
                    values.len(),
                    grid.table.label()
                ));
            };
            if !is_typed(id) {
                if let Ok(Some(total)) = parse_count(value) {
                    totals.push((id, total));
                }
                continue;
            }
            let field = format::field(id);
            let read = if field.kind == FieldKind::Amount {
                parse_amount(value).map(|a| a.map(|a| a.to_string()))
            } else {
                parse_count(value).map(|n| n.map(|n| n.to_string()))
            };
            match read {
                Ok(number) => cells.push((id, number.unwrap_or_default())),
                Err(error) => {
                    return Err(format!(
                        "粘贴的第 {} 行第 {} 个“{value}”{}，没有填入。",
                        i + 1,
                        j + 1,
                        error.message()
                    ));
                }
            }
        }
    }
    let mut pasted = report.clone();
    for (id, number) in &cells {
        pasted.set(*id, number.as_str());
    }
    let sheet = Sheet::of(&pasted);
    let mut message = format!("已粘贴 {height} 行 × {width} 列，填入 {} 格。", cells.len());
    let mut totals_differ = false;
    for (id, total) in totals {
        if sheet.computed(id) != Some(total) {
            cells.push((id, total.to_string()));
            totals_differ = true;
        }
    }
    if totals_differ {
        message.push_str(TOTALS_DIFFER);
    }
    Ok(Pasted { cells, message, totals_differ })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::base::format::id_of;
    use crate::report::check::rules::check;
    use crate::report::data::finding::Rule;

    fn key(id: FieldId) -> &'static str {
        &format::field(id).key
    }

    #[test]
    fn moving_passes_over_totals_and_stops_at_the_edges() {
        let received = id_of("requests.received.natural_person");
        assert_eq!(step(received, Move::Up), None);
        assert_eq!(key(step(received, Move::Down).unwrap()), "requests.carried_over.natural_person");
        let other = id_of("requests.received.other_org");
        assert_eq!(step(other, Move::Right), None, "the 总计 column is derived");
        let last_outcome = id_of("requests.other_handling.other.commercial");
        assert_eq!(
            key(step(last_outcome, Move::Down).unwrap()),
            "requests.carried_forward.commercial",
            "（七）总计 passed over"
        );
        let pending = id_of("appeals.review.pending");
        assert_eq!(key(step(pending, Move::Right).unwrap()), "appeals.suit_direct.upheld");
        let in_force = id_of("proactive.normative_docs.in_force");
        assert_eq!(key(step(in_force, Move::Down).unwrap()), "proactive.licensing.decisions");
        assert_eq!(
            key(step(id_of("proactive.licensing.decisions"), Move::Up).unwrap()),
            "proactive.normative_docs.issued"
        );
    }

    #[test]
    fn an_excel_block_of_the_whole_table_fills_every_typed_cell() {
        // Rows 2 to 22 are the outcomes; row 23, their （七）总计, is derived and agrees.
        let value = |r: usize, c: usize| if r == 23 { (2..23).map(|o| o * 10 + c).sum() } else { r * 10 + c };
        let block: Vec<String> =
            (0..25).map(|r| (0..6).map(|c| value(r, c).to_string()).collect::<Vec<_>>().join("\t")).collect();
        let pasted =
            paste_block(&Report::new(), id_of("requests.received.natural_person"), &(block.join("\r\n") + "\r\n"))
                .unwrap();
        assert_eq!(pasted.cells.len(), 24 * 6, "the （七）总计 row is derived");
        assert_eq!(pasted.cells[0], (id_of("requests.received.natural_person"), "0".into()));
        assert_eq!(*pasted.cells.last().unwrap(), (id_of("requests.carried_forward.other_org"), "245".into()));
        assert_eq!(pasted.message, "已粘贴 25 行 × 6 列，填入 144 格。");
        assert!(!pasted.totals_differ);
    }

    #[test]
    fn a_pasted_total_that_differs_from_its_cells_is_kept_for_the_rules_to_mark() {
        let start = id_of("requests.disclosed.natural_person");
        let agreeing = paste_block(&Report::new(), start, "（一）予以公开\t2\t0\t0\t0\t0\t1\t3").unwrap();
        assert_eq!(agreeing.cells.len(), 6, "a total that agrees is left to the sum");
        assert!(!agreeing.totals_differ);

        let differing = paste_block(&Report::new(), start, "（一）予以公开\t2\t0\t0\t0\t0\t1\t4").unwrap();
        assert_eq!(differing.cells.last(), Some(&(id_of("requests.disclosed.total"), "4".into())));
        assert!(differing.totals_differ);
        assert_eq!(
            differing.message,
            "已粘贴 1 行 × 7 列，填入 6 格。粘贴的合计与各项之和不符，已照原样填入并标为错误：请核对来源表格中的数字。"
        );
        let mut report = Report::new();
        for (id, number) in differing.cells {
            report.set(id, number);
        }
        let marked: Vec<_> = check(&report).into_iter().filter(|f| f.rule == Rule::T3Row).collect();
        assert_eq!(marked.len(), 1);
        assert!(marked[0].keys().any(|k| k == "requests.disclosed.total"));

        // The sum counts the row's cells the block did not cover.
        let mut report = Report::new();
        report.set_key("requests.disclosed.natural_person", "2");
        let rest = paste_block(&report, id_of("requests.disclosed.social_welfare"), "0\t0\t1\t3").unwrap();
        assert!(!rest.totals_differ);
        // In table 四 as in table 三: 1 + 1 + 0 + 0 is not 3.
        let appeals = paste_block(&Report::new(), id_of("appeals.review.upheld"), "1\t1\t0\t0\t3").unwrap();
        assert_eq!(appeals.cells.last(), Some(&(id_of("appeals.review.total"), "3".into())));
    }

    #[test]
    fn a_row_from_a_web_page_with_its_label_fills_the_row() {
        let text = "（一）予以公开\n６\n0\n/\n0\n1件\n1,234\n1241\n";
        let pasted = paste_block(&Report::new(), id_of("requests.disclosed.natural_person"), text).unwrap();
        let cells: Vec<(&str, &str)> = pasted.cells.iter().map(|(id, v)| (key(*id), v.as_str())).collect();
        assert_eq!(
            cells,
            [
                ("requests.disclosed.natural_person", "6"),
                ("requests.disclosed.commercial", "0"),
                ("requests.disclosed.research", ""),
                ("requests.disclosed.social_welfare", "0"),
                ("requests.disclosed.legal_service", "1"),
                ("requests.disclosed.other_org", "1234"),
            ]
        );
    }

    #[test]
    fn a_row_copied_with_its_label_goes_in_that_row_or_not_at_all() {
        let partly = id_of("requests.partially_disclosed.natural_person");
        for copied in
            ["（一）予以公开\t2\t0\t0\t0\t0\t1\t3", "（一）予以公开\n2\n0\n0\n0\n0\n1\n3\n", "(一) 予以公开\t2\t0"]
        {
            let refused = paste_block(&Report::new(), partly, copied).unwrap_err();
            assert!(refused.contains("是“"), "{refused}");
            assert!(
                refused.contains(
                    "予以公开”，而这一格在“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行，没有填入"
                ),
                "{refused}"
            );
        }
        // Its own row, by a group's label or an item's.
        let secret = id_of("requests.withheld.state_secret.natural_person");
        assert!(paste_block(&Report::new(), secret, "（三）不予公开\t1.属于国家秘密\t1\t0").is_ok());
        assert!(paste_block(&Report::new(), secret, "（三）不予公开\t1").is_ok());
        let law = id_of("requests.withheld.prohibited_by_law.natural_person");
        assert!(paste_block(&Report::new(), law, "1.属于国家秘密\t1").is_err());
        // Two rows, the second out of line with the row below: nothing is filled.
        let two = "（一）予以公开\t1\n（三）不予公开\t1.属于国家秘密\t2";
        assert!(
            paste_block(&Report::new(), id_of("requests.disclosed.natural_person"), two)
                .unwrap_err()
                .contains("第 2 行")
        );
        // A label that names no row of this table decides nothing.
        assert!(paste_block(&Report::new(), partly, "合计\t1\t2").is_ok());
        // Table 二's rows by their labels.
        let rules = id_of("proactive.rules.issued");
        assert!(paste_block(&Report::new(), rules, "行政规范性文件\t3\t1\t40").is_err());
        assert!(paste_block(&Report::new(), rules, "规章\t3\t1\t40").is_ok());
    }

    #[test]
    fn a_long_single_column_goes_down() {
        let text = (1..=24).map(|n| n.to_string()).collect::<Vec<_>>().join("\n");
        let pasted = paste_block(&Report::new(), id_of("requests.received.commercial"), &text).unwrap();
        assert_eq!(pasted.cells.len(), 24, "（七）总计 passed over, and kept as printed: 23 ≠ 1 + … + 22");
        assert!(pasted.totals_differ);
        assert_eq!(key(pasted.cells[1].0), "requests.carried_over.commercial");
    }

    #[test]
    fn a_block_that_does_not_fit_or_is_not_numbers_is_refused() {
        let start = id_of("requests.carried_forward.natural_person");
        assert!(paste_block(&Report::new(), start, "1\t2\n3\t4").unwrap_err().contains("往下超出了表三"));
        assert!(
            paste_block(&Report::new(), id_of("appeals.review.upheld"), &["1"; 16].join("\t"))
                .unwrap_err()
                .contains("往右超出了表四")
        );
        assert!(paste_block(&Report::new(), start, "1\tabc\t3").unwrap_err().contains("“abc”不是数字"));
        assert!(paste_block(&Report::new(), start, "1\t-2").unwrap_err().contains("不能为负数"));
        assert!(
            paste_block(&Report::new(), start, "1\t十二").unwrap_err().contains("“十二”不是数字"),
            "only leading labels are dropped"
        );
    }

    #[test]
    fn values_apart_by_spaces_or_commas_are_a_block() {
        assert!(is_block("1 2 3"));
        assert!(is_block("1,2"));
        assert!(is_block("1\t2"));
        assert!(!is_block("12"));
        assert!(!is_block("1,234"));
        assert!(!is_block("12\n"));
        let pasted = paste_block(&Report::new(), id_of("proactive.rules.issued"), "3 1 40").unwrap();
        assert_eq!(pasted.cells.len(), 3);
    }

    #[test]
    fn a_range_copies_as_tab_separated_values() {
        let mut report = Report::new();
        report.set_key("requests.received.natural_person", "5");
        report.set_key("requests.received.commercial", "2");
        let sheet = Sheet::of(&report);
        let text = copy_range(
            &report,
            &sheet,
            id_of("requests.carried_over.commercial"),
            id_of("requests.received.natural_person"),
        );
        assert_eq!(text, "5\t2\n0\t0");
        let row =
            copy_range(&report, &sheet, id_of("requests.received.legal_service"), id_of("requests.received.total"));
        assert_eq!(row, "0\t0\t7");
        let round_trip = paste_block(&Report::new(), id_of("requests.disclosed.natural_person"), &text).unwrap();
        assert_eq!(round_trip.cells.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>(), ["5", "2", "0", "0"]);
        assert!(range(id_of("requests.received.natural_person"), id_of("appeals.review.upheld")).is_empty());
    }

    #[test]
    fn enter_after_a_run_of_tabs_goes_down_from_where_the_run_began() {
        let id = |key: &str| crate::report::base::format::id_of(key);
        let start = id("requests.disclosed.commercial");
        let here = id("requests.disclosed.legal_service");
        assert_eq!(after_enter(here, Some(start)), Some(id("requests.partially_disclosed.commercial")));
        assert_eq!(after_enter(here, None), Some(id("requests.partially_disclosed.legal_service")));
        // A run begun in another row is not this row's.
        assert_eq!(
            after_enter(here, Some(id("requests.received.commercial"))),
            Some(id("requests.partially_disclosed.legal_service"))
        );
        assert!(same_row(start, here) && !same_row(start, id("requests.received.commercial")));
    }
}
