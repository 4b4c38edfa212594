//! A region's 汇总: the reports of its units added cell by cell — counts as integers, 万元 amounts
//! exactly, 现行有效件数 too — with the totals left for the format to derive.

use crate::report::base::format::{FieldKind, META_AGENCY, META_SCOPE, META_YEAR, SCOPE_REGION, field, id_of};
use crate::report::base::text::squeezed;
use crate::report::data::figure::{Figure, number_fields};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;

/// Why reports were not added up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SumRefused {
    NoUnits,
    /// The units' 报告年度, in their order: reports of different years do not add up.
    Years(Vec<String>),
}

/// The report year a report states, trimmed.
pub fn year_of(report: &Report) -> String {
    report.text(id_of(META_YEAR)).trim().to_string()
}

/// The units' reports added up into one 本级政府汇总本行政区域 report, named `汇总（N个单位）`. A cell
/// that is not a number in a unit (its `NUM` error) adds nothing.
pub fn sum_reports(units: &[Report]) -> Result<Report, SumRefused> {
    let years: Vec<String> = units.iter().map(year_of).collect();
    let Some(year) = years.first() else { return Err(SumRefused::NoUnits) };
    if years.iter().any(|y| y != year) {
        return Err(SumRefused::Years(years));
    }
    let sheets: Vec<Sheet> = units.iter().map(Sheet::of).collect();
    let mut sum = Report::new();
    sum.set_key(META_AGENCY, format!("{SUM_NAME}{}{SUM_NAME_END}", units.len()));
    sum.set_key(META_YEAR, year.clone());
    sum.set_key(META_SCOPE, SCOPE_REGION);
    for id in number_fields().filter(|&id| field(id).kind != FieldKind::DerivedCount) {
        let figures: Vec<Figure> = sheets.iter().filter_map(|sheet| Figure::of(sheet, id)).collect();
        let Some(first) = figures.first() else { continue };
        sum.set(id, first.with_units(figures.iter().map(|f| f.units()).sum()).to_string());
    }
    Ok(sum)
}

/// What a 汇总 is named, around the number of its units: `汇总（3个单位）`.
const SUM_NAME: &str = "汇总（";
const SUM_NAME_END: &str = "个单位）";

/// Whether a report is a 汇总 added up here, by the name it was given: put among the units again
/// (downloaded into the folder the units' reports are in, say), it would add them all a second time.
pub fn is_made_sum(report: &Report) -> bool {
    let agency = report.text(id_of(META_AGENCY)).trim();
    let units = agency.strip_prefix(SUM_NAME).and_then(|rest| rest.strip_suffix(SUM_NAME_END));
    units.is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The agencies that more than one of the units' reports names (spacing aside), in the order first
/// named, each with where its reports came from: the same unit's report chosen twice, or a
/// corrected copy beside the first, would be added up twice.
pub fn repeated_agencies<'a>(units: &[(&'a str, &Report)]) -> Vec<(String, Vec<&'a str>)> {
    let mut named: Vec<(String, Vec<&'a str>)> = Vec::new();
    for &(source, report) in units {
        let agency = squeezed(report.text(id_of(META_AGENCY)));
        if agency.is_empty() {
            continue;
        }
        match named.iter_mut().find(|(known, _)| *known == agency) {
            Some((_, sources)) => sources.push(source),
            None => named.push((agency, vec![source])),
        }
    }
    named.retain(|(_, sources)| sources.len() > 1);
    named
}

/// A repeated agency as the desk and `xxgk` say it: `某某局：甲.docx、甲（改）.pdf`.
pub fn said_repeated((agency, sources): &(String, Vec<&str>)) -> String {
    format!("{agency}：{}", sources.join("、"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_add_up_exactly_and_the_totals_are_derived() {
        let unit = |agency: &str, person: &str, fee: &str| {
            Report::new().filled(&[
                ("meta.agency", agency),
                ("meta.year", "2025"),
                ("requests.received.natural_person", person),
                ("proactive.fees.amount", fee),
                ("proactive.rules.in_force", "3"),
            ])
        };
        let sum = sum_reports(&[unit("甲局", "2", "1234.5678"), unit("乙镇", "5", "0.0001")]).unwrap();
        assert_eq!(sum.get_key("meta.agency"), Some("汇总（2个单位）"));
        assert_eq!((sum.get_key("meta.year"), sum.get_key("meta.scope")), (Some("2025"), Some("region")));
        assert_eq!(sum.get_key("requests.received.natural_person"), Some("7"));
        assert_eq!(sum.get_key("proactive.fees.amount"), Some("1234.5679"));
        assert_eq!(sum.get_key("proactive.rules.in_force"), Some("6"));
        assert_eq!(sum.get_key("requests.received.commercial"), Some("0"));
        assert_eq!(sum.get_key("requests.received.total"), None, "derived, not written");
        assert_eq!(Sheet::of(&sum).count(id_of("requests.received.total")), Some(7));
    }

    #[test]
    fn an_agency_named_by_more_than_one_report_is_found_with_its_files() {
        let of = |agency: &str| Report::new().filled(&[("meta.agency", agency)]);
        let (a, b, c, blank) = (of("甲局"), of("乙镇"), of(" 甲 局"), of(""));
        let units = [("甲.docx", &a), ("乙.pdf", &b), ("无名.txt", &blank), ("甲（改）.json", &c), ("空.txt", &blank)];
        let repeated = repeated_agencies(&units);
        assert_eq!(
            repeated,
            vec![("甲局".to_string(), vec!["甲.docx", "甲（改）.json"])],
            "a blank agency names no unit"
        );
        assert_eq!(said_repeated(&repeated[0]), "甲局：甲.docx、甲（改）.json");
        assert!(repeated_agencies(&units[..3]).is_empty());
    }

    #[test]
    fn a_sum_made_here_is_known_by_its_name() {
        let sum = sum_reports(&[Report::new().filled(&[("meta.agency", "甲局"), ("meta.year", "2025")])]).unwrap();
        assert!(is_made_sum(&sum));
        for agency in ["甲局", "汇总（个单位）", "汇总（三个单位）", "某县汇总（3个单位）"] {
            assert!(!is_made_sum(&Report::new().filled(&[("meta.agency", agency)])), "{agency}");
        }
    }

    #[test]
    fn reports_of_different_years_are_refused() {
        let of = |year: &str| Report::new().filled(&[("meta.year", year)]);
        assert_eq!(sum_reports(&[of("2025"), of("2024 ")]), Err(SumRefused::Years(vec!["2025".into(), "2024".into()])));
        assert_eq!(sum_reports(&[]), Err(SumRefused::NoUnits));
    }
}
