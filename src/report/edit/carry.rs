//! Starting this year's report from last year's: what carries over (the checks that bind the two
//! years are `year_checks`).

use std::rc::Rc;

use crate::report::base::format::{
    FieldId, META_AGENCY, META_SCOPE, META_SIGNED_BY, META_YEAR, PROBLEMS_LAST_YEAR, PROBLEMS_THIS_YEAR,
    REQUEST_TOTAL_COLUMN, RequestRowRole, request_cell, request_row,
};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;
use crate::report::edit::editor::Draft;

/// This year's draft from last year's report: the next year, the same agency, scope and signature,
/// 上年结转 filled from last year's 结转下年度, and last year's 本年度存在问题及改进举措 as the start of
/// this year's 上年度存在问题及改进情况.
pub fn next_year(last: &Report) -> Draft {
    let mut report = Report::new();
    for key in [META_AGENCY, META_SCOPE, META_SIGNED_BY] {
        if let Some(text) = last.get_key(key) {
            report.set_key(key, text);
        }
    }
    if let Some(year) = last.year() {
        report.set_key(META_YEAR, (year + 1).to_string());
    }
    let sheet = Sheet::of(last);
    let (forward, over) = (request_row(RequestRowRole::CarriedForward), request_row(RequestRowRole::CarriedOver));
    for column in 0..REQUEST_TOTAL_COLUMN {
        if let Some(count) = sheet.count(request_cell(forward, column)) {
            report.set(request_cell(over, column), count.to_string());
        }
    }
    if let Some(problems) = last.get_key(PROBLEMS_THIS_YEAR).filter(|t| !t.trim().is_empty()) {
        report.set_key(PROBLEMS_LAST_YEAR, problems);
    }
    Draft { report, last_year: Some(Rc::new(last.clone())), ..Draft::default() }
}

/// The fields of this year's report that still hold just what [`next_year`] carried into them
/// from last year's: not the clerk's work yet, so nothing about them is a finding while filling in.
pub fn carried_unchanged(report: &Report, last: &Report) -> Vec<FieldId> {
    let carried = next_year(last).report;
    carried.entries().filter(|&(id, text)| report.get(id) == Some(text)).map(|(id, _)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last_year() -> Report {
        let mut last = crate::report::data::example::last_years_example();
        last.set_key("problems.this_year", "栏目更新不及时。");
        last
    }

    #[test]
    fn next_year_carries_identity_carry_over_and_problems() {
        let draft = next_year(&last_year());
        let r = &draft.report;
        assert_eq!(r.get_key("meta.year"), Some("2023"));
        assert_eq!(r.get_key("meta.agency"), Some("咸宁市政务服务和大数据管理局"));
        assert_eq!(r.get_key("meta.scope"), Some("agency"));
        assert_eq!(r.get_key("requests.carried_over.natural_person"), Some("3"));
        assert_eq!(r.get_key("requests.carried_over.legal_service"), Some("1"));
        assert_eq!(r.get_key("requests.carried_over.commercial"), Some("0"));
        assert_eq!(r.get_key("requests.carried_over.total"), None, "the total stays computed");
        assert_eq!(r.get_key("problems.last_year"), Some("栏目更新不及时。"));
        assert_eq!(r.get_key("requests.received.natural_person"), None);
        assert_eq!(r.get_key("overview.intro"), None);
        assert_eq!(draft.last_year.as_deref(), Some(&last_year()));
    }
}
