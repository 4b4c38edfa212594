//! `HIER-SUM`: a 汇总 report (本级政府汇总本行政区域) held against the reports of its units — each
//! number of tables 二–四, totals included, must be their sum.

use crate::report::base::format::field;
use crate::report::data::figure::{Figure, number_fields};
use crate::report::data::finding::{Finding, Rule};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;

/// How many contributing units a finding names before it counts the rest.
const NAMED_UNITS: usize = 8;

/// A unit's report, by the name the findings give it (its agency, or its file).
pub struct Unit {
    pub name: String,
    pub report: Report,
}

/// A finding for each number of `upper` that differs from the sum of the units'.
pub fn check_units(upper: &Report, units: &[Unit]) -> Vec<Finding> {
    let upper_sheet = Sheet::of(upper);
    let sheets: Vec<Sheet> = units.iter().map(|unit| Sheet::of(&unit.report)).collect();
    let mut findings = Vec::new();
    for id in number_fields() {
        let Some(stated) = Figure::of(&upper_sheet, id) else { continue };
        let parts: Vec<(&str, Figure)> = units
            .iter()
            .zip(&sheets)
            .filter_map(|(unit, sheet)| Figure::of(sheet, id).map(|f| (unit.name.as_str(), f)))
            .collect();
        let sum = stated.with_units(parts.iter().map(|(_, f)| f.units()).sum());
        if sum == stated {
            continue;
        }
        let contributing: Vec<String> =
            parts.iter().filter(|(_, f)| f.units() > 0).map(|(name, f)| format!("{name} {f}")).collect();
        let named = match contributing.len() {
            0 => "各单位均为 0".to_string(),
            n if n > NAMED_UNITS => format!("{} 等 {n} 个单位", contributing[..NAMED_UNITS].join("、")),
            _ => contributing.join("、"),
        };
        let difference = stated.with_units(stated.units().abs_diff(sum.units()));
        findings.push(Finding::new(
            Rule::HierSum,
            vec![id],
            format!("{}：汇总报告为 {stated}，各单位之和为 {sum}（{named}），相差 {difference}。", field(id).place),
        ));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::data::sum::sum_reports;

    fn unit(name: &str, cells: &[(&str, &str)]) -> Unit {
        Unit { name: name.into(), report: Report::new().filled(cells) }
    }

    #[test]
    fn a_right_sum_has_no_finding_and_a_cell_off_by_one_has_one_naming_the_units() {
        let units = [
            unit(
                "甲局",
                &[("meta.year", "2025"), ("requests.received.natural_person", "5"), ("proactive.fees.amount", "0.5")],
            ),
            unit("乙镇", &[("meta.year", "2025"), ("requests.received.natural_person", "6")]),
        ];
        let reports: Vec<Report> = units.iter().map(|u| u.report.clone()).collect();
        let mut upper = sum_reports(&reports).unwrap();
        assert_eq!(check_units(&upper, &units), vec![]);

        upper.set_key("requests.received.natural_person", "12");
        let found = check_units(&upper, &units);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "表三「一、本年新收」行「自然人」列：汇总报告为 12，各单位之和为 11（甲局 5、乙镇 6），相差 1。",
                "表三「一、本年新收」行「总计」列：汇总报告为 12，各单位之和为 11（甲局 5、乙镇 6），相差 1。",
            ]
        );
        assert!(found.iter().all(|f| f.rule == Rule::HierSum));
    }
}
