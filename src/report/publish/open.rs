//! What a report about to be published still leaves open — cells left blank, sections with no
//! text, the year, the 落款 and its 成文日期 — which no check calls a mistake but every copy, the
//! findings panel, the review desk and `xxgk` say before the report goes out.

use crate::report::base::format::{FieldId, META_AGENCY, META_SIGNED_BY, META_SIGNED_ON, META_YEAR, SECTIONS, id_of};
use crate::report::data::finding::Finding;
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;
use crate::report::publish::fragment::signature;
use crate::report::read::audit::{Audited, REPORT_FILE};

/// How what is still open is named wherever it is said: the copies' sentence, the findings panel,
/// the review desk, its page and list of findings.
pub const STILL_OPEN: &str = "尚未填完";

/// What a report about to leave the widget still lacks, said before a copy, a print or a download
/// (and after it, beside the result): number cells left blank, which the published tables print as
/// 0, and sections with no text, which are published as bare headings.
pub fn still_open(report: &Report, sheet: &Sheet) -> Vec<String> {
    open_items(report, sheet).into_iter().map(|(said, _)| said).collect()
}

/// What is still open in `report` that none of `findings` names, with the field to go to: what
/// the review desk lists of a report file (the widget's review makes its own list, `unlisted`, in
/// the pass that also gathers the sentences and fields the export asks with).
pub fn unnamed_open(report: &Report, sheet: &Sheet, findings: &[Finding]) -> Vec<(String, FieldId)> {
    let items = open_items(report, sheet).into_iter();
    items.filter(|(_, fields)| !named(findings, fields)).map(|(said, fields)| (said, fields[0])).collect()
}

/// Whether one of `findings` is about one of `fields`.
pub fn named(findings: &[Finding], fields: &[FieldId]) -> bool {
    findings.iter().any(|f| f.fields.iter().any(|id| fields.contains(id)))
}

/// [`still_open`]'s items, each with the fields it is about.
pub fn open_items(report: &Report, sheet: &Sheet) -> Vec<(String, Vec<FieldId>)> {
    let mut open = Vec::new();
    let blanks = sheet.blank_numbers();
    if !blanks.is_empty() {
        open.push((format!("{} 个数字格未填，将按 0 发布", blanks.len()), blanks));
    }
    let (mut empty, mut parts) = (Vec::new(), Vec::new());
    for section in SECTIONS.iter().filter(|s| s.table.is_none()) {
        if section.parts.iter().all(|p| report.written(p.key()).is_none()) {
            empty.push(section.heading);
            parts.extend(section.parts.iter().map(|p| id_of(p.key())));
        }
    }
    if !empty.is_empty() {
        open.push((format!("“{}”没有内容，只会发布标题", empty.join("”“")), parts));
    }
    // Without the year the texts' years (TXT-YEAR, the 成文日期) go unchecked: a copy without its
    // title is imported with the year blank.
    if report.written(META_YEAR).is_none() {
        open.push(("报告年度未填，正文中的年份无法核对".to_string(), vec![id_of(META_YEAR)]));
    }
    // The report ends with its 落款 and 成文日期, as the fragment signs it.
    let signed: Vec<&str> = signature(report).into_iter().map(|(key, _)| key).collect();
    let (mut unsigned, mut fields) = (Vec::new(), Vec::new());
    if signed.iter().all(|&key| key == META_SIGNED_ON) {
        unsigned.push("机关名称");
        fields.extend([id_of(META_SIGNED_BY), id_of(META_AGENCY)]);
    }
    if !signed.contains(&META_SIGNED_ON) {
        unsigned.push("成文日期");
        fields.push(id_of(META_SIGNED_ON));
    }
    if !unsigned.is_empty() {
        open.push((format!("落款没有{}", unsigned.join("和")), fields));
    }
    open
}

/// What a report file still lacks that none of its findings names (its 成文日期, its 落款), listed
/// when it is opened rather than 没有发现问题. A published copy is not held to it: its date and
/// 落款 are most often outside the text read (the portal prints its own date).
pub fn open_in_report_file(audited: &Audited) -> Vec<String> {
    if audited.format != REPORT_FILE {
        return Vec::new();
    }
    let report = &audited.report;
    unnamed_open(report, &Sheet::of(report), &audited.findings).into_iter().map(|(said, _)| said).collect()
}

/// The 规则 column of the review desk's table, its page and `xxgk audit`: the rules `audited`
/// breaks, then 尚未填完 when it still lacks something no finding names (`open`), so that a report
/// file without its 成文日期 does not look like one with nothing to do.
pub fn rules_and_open(audited: &Audited, open: &[String]) -> Vec<&'static str> {
    let mut listed = audited.rules();
    if !open.is_empty() {
        listed.push(STILL_OPEN);
    }
    listed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::read::audit::audit;

    #[test]
    fn blank_cells_and_empty_sections_are_what_is_still_open() {
        let example = crate::report::example();
        assert_eq!(still_open(&example, &Sheet::of(&example)), Vec::<String>::new(), "the example is whole");
        let mut report = example.clone();
        report.set_key("requests.received.natural_person", "");
        report.clear(crate::report::base::format::id_of("proactive.fees.amount"));
        report.clear(crate::report::base::format::id_of("other_matters"));
        let open = still_open(&report, &Sheet::of(&report));
        assert_eq!(open, ["2 个数字格未填，将按 0 发布", "“六、其他需要报告的事项”没有内容，只会发布标题"]);
        let blank = Report::new();
        let open = still_open(&blank, &Sheet::of(&blank));
        assert!(open[0].starts_with(&format!("{} 个数字格未填", 9 + 1 + 24 * 6 + 12)), "{open:?}");
        assert_eq!(
            open[1],
            "“一、总体情况”“五、存在的主要问题及改进情况”“六、其他需要报告的事项”没有内容，只会发布标题"
        );
        assert_eq!(open[2..], ["报告年度未填，正文中的年份无法核对", "落款没有机关名称和成文日期"]);
        report.set_key("meta.year", " ");
        report.set_key("meta.signed_on", "");
        assert_eq!(
            still_open(&report, &Sheet::of(&report))[2..],
            ["报告年度未填，正文中的年份无法核对", "落款没有成文日期"],
            "the agency signs when nobody else is named"
        );
        report.set_key("meta.signed_by", "");
        report.set_key("meta.agency", "");
        assert_eq!(still_open(&report, &Sheet::of(&report)).last().unwrap(), "落款没有机关名称和成文日期");
    }

    #[test]
    fn a_report_file_without_its_date_is_not_said_to_have_nothing_open() {
        let mut example = crate::report::example();
        let file = |report: &Report| audit("示例.json", report.to_file(None).as_bytes()).unwrap();
        assert_eq!(open_in_report_file(&file(&example)), Vec::<String>::new());
        example.set_key("meta.signed_on", "");
        let undated = file(&example);
        assert_eq!((undated.findings.len(), open_in_report_file(&undated)), (0, vec!["落款没有成文日期".to_string()]));
        assert_eq!(rules_and_open(&undated, &open_in_report_file(&undated)), ["尚未填完"]);
        // A blank cell has its finding, and is not said twice.
        example.set_key("requests.received.research", "");
        let blank = file(&example);
        assert_eq!(open_in_report_file(&blank), ["落款没有成文日期"]);
        assert_eq!(rules_and_open(&blank, &open_in_report_file(&blank)), ["BLANK", "尚未填完"]);
        // A published copy is not held to a date the portal prints outside it.
        let page = audit("示例.html", crate::report::render(&example).as_bytes()).unwrap();
        assert_eq!(page.report.get_key("meta.signed_on"), None);
        assert_eq!(open_in_report_file(&page), Vec::<String>::new());
    }
}
