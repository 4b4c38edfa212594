//! Invariants of the core over arbitrary input: totals the format derives always satisfy the
//! format's own sums, and no text a clerk can type makes number parsing panic.

use proptest::prelude::*;
use xxgk_nianbao::report::format::{
    APPEAL_COLUMNS, APPEAL_GROUPS, FieldKind, REQUEST_COLUMNS, REQUEST_ROWS, RequestRowRole, appeal_cell, fields,
    request_cell,
};
use xxgk_nianbao::report::number::{MAX_AMOUNT_WAN, parse_amount, parse_count};
use xxgk_nianbao::report::{Report, Rule, Sheet, check};

/// A report with every typed count filled from `counts` (cycled), blanks where a count is `None`.
fn report_of(counts: &[Option<u32>]) -> Report {
    let mut report = Report::new();
    let typed = fields().iter().enumerate().filter(|(_, f)| f.kind == FieldKind::Count);
    for ((id, _), count) in typed.zip(counts.iter().cycle()) {
        report.set(id, count.map(|n| n.to_string()).unwrap_or_default());
    }
    report
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn computed_totals_satisfy_the_row_column_and_appeal_sums(
        counts in prop::collection::vec(prop::option::weighted(0.9, 0u32..100_000), 1..200)
    ) {
        let report = report_of(&counts);
        let sheet = Sheet::of(&report);
        let count = |id| sheet.count(id).expect("every typed cell is a number or blank");
        for (r, row) in REQUEST_ROWS.iter().enumerate() {
            let sum: u64 = (0..6).map(|c| count(request_cell(r, c))).sum();
            prop_assert_eq!(count(request_cell(r, 6)), sum, "T3-ROW, row {}", row.key);
        }
        let total_row = REQUEST_ROWS.iter().position(|r| r.role == RequestRowRole::OutcomeTotal).unwrap();
        for (c, column) in REQUEST_COLUMNS.iter().enumerate() {
            let outcomes: u64 = REQUEST_ROWS
                .iter()
                .enumerate()
                .filter(|(_, row)| row.role == RequestRowRole::Outcome)
                .map(|(r, _)| count(request_cell(r, c)))
                .sum();
            prop_assert_eq!(count(request_cell(total_row, c)), outcomes, "T3-SUM, column {}", column.key);
        }
        for (g, group) in APPEAL_GROUPS.iter().enumerate() {
            let sum: u64 = (0..4).map(|c| count(appeal_cell(g, c))).sum();
            prop_assert_eq!(count(appeal_cell(g, APPEAL_COLUMNS.len() - 1)), sum, "T4-SUM, group {}", group.key);
        }
        // And the rules agree: nothing derived here can be reported as adding up wrong.
        let arithmetic = [Rule::T3Row, Rule::T3Sum, Rule::T4Sum];
        prop_assert!(check(&report).iter().all(|f| !arithmetic.contains(&f.rule)));
    }

    #[test]
    fn printing_the_computed_totals_keeps_every_sum(counts in prop::collection::vec(0u32..1000, 1..200)) {
        let mut report = report_of(&counts.iter().map(|&n| Some(n)).collect::<Vec<_>>());
        let sheet = Sheet::of(&report);
        for (id, field) in fields().iter().enumerate() {
            if field.kind == FieldKind::DerivedCount {
                report.set(id, sheet.computed(id).unwrap().to_string());
            }
        }
        let arithmetic = [Rule::T3Row, Rule::T3Sum, Rule::T4Sum];
        prop_assert!(check(&report).iter().all(|f| !arithmetic.contains(&f.rule)));
    }

    #[test]
    fn number_parsing_never_panics(text in "\\PC*|[0-9０-９,，.．+\\-－件万元 \u{3000}/—]{0,30}") {
        let count = parse_count(&text);
        let amount = parse_amount(&text);
        // Plain digits that are a count are also that many 万元, within the amount's range.
        if let Ok(Some(n)) = count
            && text.trim().chars().all(|c| c.is_ascii_digit())
            && n <= MAX_AMOUNT_WAN
        {
            prop_assert_eq!(amount.map(|a| a.map(|a| a.to_string())), Ok(Some(n.to_string())));
        }
    }

    #[test]
    fn counts_read_back_as_typed(n in 0u64..=999_999_999) {
        prop_assert_eq!(parse_count(&n.to_string()), Ok(Some(n)));
        let full_width: String = n.to_string().chars().map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap()).collect();
        prop_assert_eq!(parse_count(&format!(" {full_width}件 ")), Ok(Some(n)));
    }
}
