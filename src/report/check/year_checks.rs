//! The checks that bind this year's report to last year's: `X-CARRY` (上年结转 is last year's
//! 结转下年度) and `X-IN-FORCE` (现行有效件数 follows from last year's), and the 现行有效件数 hint.

use crate::report::base::format::{
    DocumentStock, FieldId, REQUEST_COLUMNS, REQUEST_TOTAL_COLUMN, RequestRowRole, document_stocks, id_of,
    request_cell, request_row,
};
use crate::report::data::finding::{Finding, Rule};
use crate::report::data::model::Report;
use crate::report::data::sheet::{Entry, Sheet};

/// What 现行有效件数 should about be, from last year's figure and this year's issued and repealed:
/// a hint, since documents also lapse.
pub fn in_force_hint(sheet: &Sheet, last: &Sheet, stock: &DocumentStock) -> Option<u64> {
    let previous = match last.entry(id_of(stock.in_force)) {
        Entry::Count(n) => n,
        _ => return None,
    };
    let issued = sheet.count(id_of(stock.issued))?;
    let repealed = sheet.count(id_of(stock.repealed))?;
    Some((previous + issued).saturating_sub(repealed))
}

/// The 现行有效件数 hint of every document stock, by the field it is shown in.
pub fn in_force_hints(sheet: &Sheet, last: &Report) -> Vec<(FieldId, u64)> {
    let last = Sheet::of(last);
    let mut hints = Vec::new();
    for stock in document_stocks() {
        if let Some(hint) = in_force_hint(sheet, &last, &stock) {
            hints.push((id_of(stock.in_force), hint));
        }
    }
    hints
}

/// The checks between this year's report and last year's.
pub fn check_against_last_year(sheet: &Sheet, last: &Report, findings: &mut Vec<Finding>) {
    let last_sheet = Sheet::of(last);
    let (forward, over) = (request_row(RequestRowRole::CarriedForward), request_row(RequestRowRole::CarriedOver));
    for (column, label) in REQUEST_COLUMNS.iter().take(REQUEST_TOTAL_COLUMN).enumerate().map(|(c, col)| (c, col.label))
    {
        let (this, previous): (FieldId, FieldId) = (request_cell(over, column), request_cell(forward, column));
        let (Some(now), Some(then)) = (sheet.count(this), last_sheet.count(previous)) else { continue };
        if now != then {
            findings.push(Finding::new(
                Rule::XCarry,
                vec![this],
                format!(
                    "表三「二、上年结转」「{label}」= {now}，但上年报告的“四、结转下年度继续办理”为 {then}，两者应相等。"
                ),
            ));
        }
    }
    for stock in document_stocks() {
        let id = id_of(stock.in_force);
        let (Entry::Count(now), Some(hint)) = (sheet.entry(id), in_force_hint(sheet, &last_sheet, &stock)) else {
            continue;
        };
        if now != hint {
            findings.push(Finding::new(
                Rule::XInForce,
                vec![id],
                format!(
                    "表二「{}」现行有效件数 = {now}；按上年现行有效数加本年制发、减本年废止，约为 {hint}。如有文件到期失效可不必理会，否则请核对。",
                    stock.label
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check_with_last_year;
    use crate::report::edit::carry::next_year;

    use crate::report::data::example::last_years_example as last_year;

    #[test]
    fn x_carry_fires_when_carry_over_is_edited_away() {
        let draft = next_year(&last_year());
        let x = |report: &Report| -> Vec<Vec<&str>> {
            check_with_last_year(report, Some(&last_year()))
                .iter()
                .filter(|f| f.rule == Rule::XCarry)
                .map(|f| f.keys().collect())
                .collect()
        };
        assert!(x(&draft.report).is_empty());
        let mut edited = draft.report.clone();
        edited.set_key("requests.carried_over.natural_person", "2");
        assert_eq!(x(&edited), vec![vec!["requests.carried_over.natural_person"]]);
        let finding =
            check_with_last_year(&edited, Some(&last_year())).into_iter().find(|f| f.rule == Rule::XCarry).unwrap();
        assert!(finding.message.contains("「自然人」= 2，但上年报告的“四、结转下年度继续办理”为 3"));
        assert_eq!(finding.severity(), crate::report::Severity::Warning);
    }

    #[test]
    fn x_in_force_hints_last_in_force_plus_issued_minus_repealed() {
        let last = crate::report::example(); // 行政规范性文件 现行有效 4
        let mut report = next_year(&last).report;
        report.set_key("proactive.normative_docs.issued", "3");
        report.set_key("proactive.normative_docs.repealed", "1");
        let sheet = Sheet::of(&report);
        assert_eq!(in_force_hint(&sheet, &Sheet::of(&last), &document_stocks()[1]), Some(6));
        report.set_key("proactive.normative_docs.in_force", "9");
        let found: Vec<_> =
            check_with_last_year(&report, Some(&last)).into_iter().filter(|f| f.rule == Rule::XInForce).collect();
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("现行有效件数 = 9") && found[0].message.contains("约为 6"));
        report.set_key("proactive.normative_docs.in_force", "6");
        assert!(check_with_last_year(&report, Some(&last)).iter().all(|f| f.rule != Rule::XInForce));
        assert!(crate::report::check(&report).iter().all(|f| f.rule != Rule::XInForce), "no last year, no X rules");
    }
}
