//! The rules of docs/FORMAT.md §3: the arithmetic the national format binds its numbers with (勾稽关系),
//! and the likely mistakes a published report should not carry.

use crate::report::base::format::{
    self, APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_TOTAL_COLUMN, FEE_AMOUNT_KEY, FieldId, FieldKind, META_SCOPE,
    META_YEAR, NumberRow, OTHER_MATTERS, OVERVIEW_INTRO, PROBLEMS_LAST_YEAR, REQUEST_COLUMNS, REQUEST_TOTAL_COLUMN,
    RequestRowRole, SCOPE_REGION, Section, appeal_cell, document_stocks, fields, id_of, outcome_rows, request_cell,
    request_row, request_rows, section_of,
};
use crate::report::data::finding::{Finding, Rule};
use crate::report::data::model::Report;
use crate::report::data::sheet::{Entry, Sheet};

/// Above this many 万元 a department's 行政事业性收费 has most likely been typed in 元.
pub const FEE_UNIT_LIMIT_AGENCY: u64 = 100_000;
/// The same for a region's report, which sums every department of the region.
pub const FEE_UNIT_LIMIT_REGION: u64 = 1_000_000;

/// Every finding on the report, in a stable order: by the first field concerned, in form order,
/// then by rule.
pub fn check(report: &Report) -> Vec<Finding> {
    check_sheet(report, &Sheet::of(report), None)
}

/// [`check`], with the checks against last year's report when there is one.
pub fn check_with_last_year(report: &Report, last_year: Option<&Report>) -> Vec<Finding> {
    check_sheet(report, &Sheet::of(report), last_year)
}

/// [`check_with_last_year`] for a sheet already read from the report (the widget reads it once).
pub fn check_sheet(report: &Report, sheet: &Sheet, last_year: Option<&Report>) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_entries(report, sheet, &mut findings);
    check_blanks(sheet, &mut findings);
    check_document_stock(sheet, &mut findings);
    check_fee_unit(report, sheet, &mut findings);
    check_request_rows(sheet, &mut findings);
    check_request_columns(sheet, &mut findings);
    check_appeals(sheet, &mut findings);
    check_texts(report, &mut findings);
    crate::report::check::text_numbers::check_text_numbers(report, sheet, &mut findings);
    crate::report::check::text_checks::check_text_slips(report, sheet, last_year, &mut findings);
    if let Some(last) = last_year {
        crate::report::check::year_checks::check_against_last_year(sheet, last, &mut findings);
    }
    in_form_order(findings)
}

/// Findings ordered by the first field they concern, in form order, then by rule; stable.
pub fn in_form_order(findings: Vec<Finding>) -> Vec<Finding> {
    // A stable insertion by binary search rather than `sort_by_key`: each sort the widget links
    // costs it 1 KB of download, and there are rarely more than a few dozen findings.
    let order = |f: &Finding| (f.fields.first().copied().unwrap_or(usize::MAX), f.rule);
    let mut ordered: Vec<Finding> = Vec::with_capacity(findings.len());
    for finding in findings {
        let at = ordered.partition_point(|o| order(o) <= order(&finding));
        ordered.insert(at, finding);
    }
    ordered
}

fn place(id: FieldId) -> &'static str {
    &format::field(id).place
}

fn check_entries(report: &Report, sheet: &Sheet, findings: &mut Vec<Finding>) {
    for (id, field) in fields().iter().enumerate() {
        if let Entry::Invalid(error) = sheet.entry(id) {
            let text = report.text(id).trim();
            findings.push(Finding::new(Rule::Num, vec![id], format!("{}：“{}”{}。", place(id), text, error.message())));
        } else if field.kind == FieldKind::Year {
            let text = report.text(id).trim();
            let plausible = text.len() == 4 && text.parse::<u32>().is_ok_and(|y| (2008..=2100).contains(&y));
            if !text.is_empty() && !plausible {
                findings.push(Finding::new(
                    Rule::Num,
                    vec![id],
                    format!("{}：“{}”不是年份，请填写四位数字，如 2025。", place(id), text),
                ));
            }
        }
    }
}

/// One BLANK finding per table row (or 表四 group), so an empty table is a few readable lines.
fn check_blanks(sheet: &Sheet, findings: &mut Vec<Finding>) {
    for NumberRow { name, cells, .. } in format::number_rows() {
        let blanks: Vec<FieldId> = cells
            .iter()
            .copied()
            .filter(|&id| match sheet.entry(id) {
                Entry::Blank => true,
                Entry::Absent => format::field(id).kind != FieldKind::DerivedCount,
                _ => false,
            })
            .collect();
        if !blanks.is_empty() {
            let message = if blanks.len() == 1 {
                format!("{}未填。发布的表格中应写 0，不能留空或写“/”“—”“无”。", place(blanks[0]))
            } else {
                format!("{name}有 {} 格未填。发布的表格中应写 0，不能留空或写“/”“—”“无”。", blanks.len())
            };
            findings.push(Finding::new(Rule::Blank, blanks, message));
        }
    }
}

fn check_document_stock(sheet: &Sheet, findings: &mut Vec<Finding>) {
    for stock in document_stocks() {
        let (issued, repealed, in_force) = (id_of(stock.issued), id_of(stock.repealed), id_of(stock.in_force));
        let (Some(i), Some(r), Entry::Count(f)) = (sheet.count(issued), sheet.count(repealed), sheet.entry(in_force))
        else {
            continue;
        };
        if i > r && f < i - r {
            findings.push(Finding::new(
                Rule::T2InForce,
                vec![in_force, issued, repealed],
                format!(
                    "表二「{}」：现行有效件数 {f} 少于本年制发 {i} − 本年废止 {r} = {}。本年制发的文件应计入现行有效件数，请核对。",
                    stock.label,
                    i - r
                ),
            ));
        }
    }
}

fn check_fee_unit(report: &Report, sheet: &Sheet, findings: &mut Vec<Finding>) {
    let id = id_of(FEE_AMOUNT_KEY);
    let Entry::Amount(amount) = sheet.entry(id) else { return };
    let region = report.get_key(META_SCOPE) == Some(SCOPE_REGION);
    let limit = if region { FEE_UNIT_LIMIT_REGION } else { FEE_UNIT_LIMIT_AGENCY };
    if amount.whole_wan() >= limit {
        findings.push(Finding::new(
            Rule::FeeUnit,
            vec![id],
            format!(
                "{}为 {amount} 万元，即 {} 亿元。单位是万元，是否把元填成了万元？",
                format::number_row_of(id).map_or("", |row| row.name.as_str()),
                amount.whole_wan() / 10_000
            ),
        ));
    }
}

fn difference(a: u64, b: u64) -> u64 {
    a.abs_diff(b)
}

/// A printed total that differs from the sum of its parts: (printed, sum, the total then its parts).
fn printed_total_off(
    sheet: &Sheet,
    total: FieldId,
    parts: impl Iterator<Item = FieldId>,
) -> Option<(u64, u64, Vec<FieldId>)> {
    let (Entry::Count(printed), Some(sum)) = (sheet.entry(total), sheet.computed(total)) else { return None };
    if printed == sum {
        return None;
    }
    let mut fields = vec![total];
    fields.extend(parts);
    Some((printed, sum, fields))
}

/// T3-ROW: each row's 总计 against the sum of its six applicant columns, where a total was printed.
fn check_request_rows(sheet: &Sheet, findings: &mut Vec<Finding>) {
    for (r, row) in request_rows().iter().enumerate() {
        let parts = (0..REQUEST_TOTAL_COLUMN).map(|c| request_cell(r, c));
        if let Some((printed, sum, ids)) = printed_total_off(sheet, request_cell(r, REQUEST_TOTAL_COLUMN), parts) {
            findings.push(Finding::new(
                Rule::T3Row,
                ids,
                format!(
                    "表三「{}」行：六类申请人之和 = {sum}，总计栏 = {printed}，相差 {} 件。请核对该行各格或总计。",
                    row.name,
                    difference(sum, printed)
                ),
            ));
        }
    }
}

/// One column of table 三 under the rule its header prints: 一+二 = （七）总计+四.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnBalance {
    pub column: &'static str,
    /// 一、本年新收, 二、上年结转, （七）总计, 四、结转下年度.
    pub fields: [FieldId; 4],
    /// 一+二, when both are numbers.
    pub inflow: Option<u64>,
    /// （七）总计+四, when both are numbers.
    pub outflow: Option<u64>,
    /// The clerk has begun the column's outcomes: one of its outcome rows or its 结转下年度 holds
    /// a value (for the 总计 column, any applicant column's). Until then 一 and 二 alone cannot
    /// balance: 上年结转 carried from last year, or a first 本年新收, is not yet a mistake.
    pub begun: bool,
}

impl ColumnBalance {
    /// The difference when both sides are known and differ.
    pub fn gap(&self) -> Option<u64> {
        match (self.inflow, self.outflow) {
            (Some(a), Some(b)) if a != b => Some(a.abs_diff(b)),
            _ => None,
        }
    }
}

/// The findings worth showing while the report is being filled in. A table nobody has started is
/// not reported blank, nor a section's text nobody has started: on a fresh form that would be
/// three dozen warnings about work not yet begun. Every finding shows once the clerk asks for all
/// of them (copying the report does).
/// The findings with an import's open notes: a BLANK whose every cell a note names is left out,
/// since the note already says why the cell is empty (the copy could not be read there).
pub fn with_notes(findings: Vec<Finding>, notes: &[Finding]) -> Vec<Finding> {
    let noted = |id: &FieldId| noted_by_import(notes, *id);
    let mut shown = notes.to_vec();
    for finding in findings {
        if finding.rule != Rule::Blank || !finding.fields.iter().all(noted) {
            shown.push(finding);
        }
    }
    shown
}

/// Whether one of an import's `notes` names the field: the copy could not be read there for sure.
pub fn noted_by_import(notes: &[Finding], id: FieldId) -> bool {
    notes.iter().any(|n| n.rule == Rule::Import && n.fields.contains(&id))
}

/// The findings worth showing while the clerk fills the report in: nothing about a table or text
/// not yet begun, and no column's balance before its outcomes are begun. What was `carried` over
/// from last year, unchanged (上年结转, last year's 存在问题), begins nothing and is not found
/// fault with: it is not the clerk's work yet.
pub fn while_filling(findings: Vec<Finding>, report: &Report, sheet: &Sheet, carried: &[FieldId]) -> Vec<Finding> {
    let clerks = |id: &FieldId| !carried.contains(id);
    let started = |id: FieldId| match format::field(id).table {
        Some(table) => fields()
            .iter()
            .enumerate()
            .any(|(other, f)| f.table == Some(table) && report.get(other).is_some() && clerks(&other)),
        None => clerks(&id) && !report.text(id).trim().is_empty(),
    };
    let waiting: Vec<[FieldId; 4]> = balances(sheet).into_iter().filter(|b| !b.begun).map(|b| b.fields).collect();
    findings
        .into_iter()
        .filter(|finding| finding.fields.is_empty() || finding.fields.iter().any(clerks))
        .filter(|finding| match finding.rule {
            Rule::Blank | Rule::TxtEmpty | Rule::TxtShort => finding.fields.iter().any(|&id| started(id)),
            Rule::T3Bal => !waiting.iter().any(|fields| finding.fields == fields),
            _ => true,
        })
        .collect()
}

/// The T3-BAL balance of every column of table 三, shown live under the table.
pub fn balances(sheet: &Sheet) -> Vec<ColumnBalance> {
    let rows = [
        request_row(RequestRowRole::Received),
        request_row(RequestRowRole::CarriedOver),
        request_row(RequestRowRole::OutcomeTotal),
        request_row(RequestRowRole::CarriedForward),
    ];
    let typed = |r: usize, c: usize| matches!(sheet.entry(request_cell(r, c)), Entry::Count(_) | Entry::Invalid(_));
    let forward = rows[3];
    let begun = |c: usize| typed(forward, c) || outcome_rows().any(|r| typed(r, c));
    REQUEST_COLUMNS
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let fields = rows.map(|r| request_cell(r, c));
            let [a, b, t, f] = fields.map(|id| sheet.count(id));
            ColumnBalance {
                column: column.label,
                fields,
                inflow: a.zip(b).map(|(a, b)| a + b),
                outflow: t.zip(f).map(|(t, f)| t + f),
                begun: if c == REQUEST_TOTAL_COLUMN { (0..c).any(begun) } else { begun(c) },
            }
        })
        .collect()
}

/// A column whose printed （七）总计 differs from the sum of its outcomes: (column, sum, printed).
fn unsummed_columns(sheet: &Sheet) -> impl Iterator<Item = (usize, u64, u64)> + '_ {
    let outcome_total = request_row(RequestRowRole::OutcomeTotal);
    (0..REQUEST_COLUMNS.len()).filter_map(move |c| {
        let Entry::Count(printed) = sheet.entry(request_cell(outcome_total, c)) else { return None };
        let sum: u64 = outcome_rows().map(|r| sheet.count(request_cell(r, c))).sum::<Option<u64>>()?;
        (sum != printed).then_some((c, sum, printed))
    })
}

/// True when an outcome cell of table 三 counts as 0 only because nothing was written there: a blank
/// cell, or a total left to compute whose whole row is blank.
fn unfilled_outcome(sheet: &Sheet, row: usize, column: usize) -> bool {
    let blank = |c: usize| matches!(sheet.entry(request_cell(row, c)), Entry::Absent | Entry::Blank);
    blank(column) && (column != REQUEST_TOTAL_COLUMN || (0..REQUEST_TOTAL_COLUMN).all(blank))
}

/// T3-SUM and T3-BAL, column by column.
fn check_request_columns(sheet: &Sheet, findings: &mut Vec<Finding>) {
    let outcome_total = request_row(RequestRowRole::OutcomeTotal);
    for (c, sum, printed) in unsummed_columns(sheet) {
        // Blank outcomes (a row an import left for the clerk) are where a missing count most
        // likely is: point at them, not at all 21 rows, and go to the first of them (from the
        // panel, and from 先去改正), as the message asks them filled first.
        let mut ids = Vec::new();
        let mut first_blank = None;
        for r in outcome_rows() {
            if unfilled_outcome(sheet, r, c) {
                ids.push(request_cell(r, c));
                first_blank.get_or_insert(r);
            }
        }
        ids.push(request_cell(outcome_total, c));
        let mut message = format!(
            "表三「{}」列：{} 项办理结果之和 = {sum}，{} = {printed}，相差 {} 件。",
            REQUEST_COLUMNS[c].label,
            outcome_rows().count(),
            request_rows()[outcome_total].name,
            difference(sum, printed)
        );
        match first_blank {
            Some(row) => {
                message += "其中「";
                message += &request_rows()[row].name;
                message += if ids.len() > 2 {
                    "」等未填，按 0 计，请先填上。"
                } else {
                    "」未填，按 0 计，请先填上。"
                };
            }
            None => ids.extend(outcome_rows().map(|r| request_cell(r, c))),
        }
        findings.push(Finding::new(Rule::T3Sum, ids, message));
    }
    for balance in balances(sheet) {
        let (Some(gap), Some(inflow), Some(outflow)) = (balance.gap(), balance.inflow, balance.outflow) else {
            continue;
        };
        findings.push(Finding::new(
            Rule::T3Bal,
            balance.fields.to_vec(),
            format!(
                "表三「{}」列：一+二 = {inflow}，（七）总计+四 = {outflow}，相差 {gap} 件。本年新收与上年结转的每件申请，都应计入一项办理结果或结转下年度。",
                balance.column
            ),
        ));
    }
}

/// True when every column of table 三 keeps T3-SUM and T3-BAL, every outcome and 总计 printed: how
/// the importer chooses among readings of a row (thousands of candidates, so no message is
/// written). The rules count a blank as 0, but a row the import left blank may hold anything, so a
/// table with one confirms nothing.
pub fn request_columns_hold(sheet: &Sheet) -> bool {
    let printed =
        |r: usize| (0..REQUEST_COLUMNS.len()).all(|c| matches!(sheet.entry(request_cell(r, c)), Entry::Count(_)));
    outcome_rows().chain([request_row(RequestRowRole::OutcomeTotal)]).all(printed)
        && unsummed_columns(sheet).next().is_none()
        && balances(sheet).iter().all(|b| b.gap().is_none())
}

/// For every field, the indices of the findings that concern it, so a cell can point at its messages.
pub fn findings_by_field(findings: &[Finding]) -> Vec<Vec<usize>> {
    let mut by_field = vec![Vec::new(); fields().len()];
    for (index, finding) in findings.iter().enumerate() {
        for &id in &finding.fields {
            by_field[id].push(index);
        }
    }
    by_field
}

fn check_appeals(sheet: &Sheet, findings: &mut Vec<Finding>) {
    for (g, group) in APPEAL_GROUPS.iter().enumerate() {
        let parts = (0..APPEAL_TOTAL_COLUMN).map(|c| appeal_cell(g, c));
        if let Some((printed, sum, ids)) = printed_total_off(sheet, appeal_cell(g, APPEAL_TOTAL_COLUMN), parts) {
            findings.push(Finding::new(
                Rule::T4Sum,
                ids,
                format!(
                    "表四「{}」：{} = {sum}，{} = {printed}，相差 {} 件。",
                    group.label,
                    APPEAL_COLUMNS[..APPEAL_TOTAL_COLUMN].iter().map(|c| c.label).collect::<Vec<_>>().join("+"),
                    APPEAL_COLUMNS[APPEAL_TOTAL_COLUMN].label,
                    difference(sum, printed)
                ),
            ));
        }
    }
}

/// True for a text that says nothing: blank, or just 无 / 暂无 / 没有.
fn says_nothing(text: &str) -> bool {
    let core = text.trim_matches(|c: char| c.is_whitespace() || "。.，,、；;：:".contains(c));
    matches!(core, "" | "无" | "暂无" | "没有" | "无。")
}

fn check_texts(report: &Report, findings: &mut Vec<Finding>) {
    let section_text = |section: &Section| -> (Vec<FieldId>, String) {
        let ids: Vec<FieldId> = section.parts.iter().map(|p| id_of(p.key())).collect();
        let text = ids.iter().map(|&id| report.text(id)).collect::<Vec<_>>().join("\n");
        (ids, text)
    };

    let section = section_of(OVERVIEW_INTRO);
    let (_, text) = section_text(section);
    let states_period = text.contains("统计期限") || (text.contains("1月1日") && text.contains("12月31日"));
    if !states_period {
        let year = report.get_key(META_YEAR).map(str::trim).filter(|y| !y.is_empty()).unwrap_or("YYYY");
        findings.push(Finding::new(
            Rule::TxtEmpty,
            vec![id_of(OVERVIEW_INTRO)],
            format!(
                "{} 未写明统计期限。通常写：“本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。”",
                section.heading
            ),
        ));
    }

    let section = section_of(PROBLEMS_LAST_YEAR);
    let (problems, _) = section_text(section);
    if problems.iter().all(|&id| says_nothing(report.text(id))) {
        findings.push(Finding::new(
            Rule::TxtEmpty,
            problems,
            format!("{} 不能空着或只写“无”：应写明上年度问题的改进情况和本年度存在的问题及改进举措。", section.heading),
        ));
    }

    let section = section_of(OTHER_MATTERS);
    let (other, text) = section_text(section);
    let mentions_fees =
        text.contains("处理费") || (text.contains('费') && (text.contains("收取") || text.contains("收费")));
    if !mentions_fees {
        findings.push(Finding::new(
            Rule::TxtEmpty,
            other,
            format!("{} 应说明信息处理费的收取情况，如：“发出收费通知0件、总金额0元、实际收取0元。”", section.heading),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::base::format::PROBLEMS_THIS_YEAR;
    use crate::report::data::finding::Severity;

    /// A consistent report with every value filled and every text rule satisfied.
    fn complete() -> Report {
        let mut report = Report::new();
        for (id, field) in fields().iter().enumerate() {
            if matches!(field.kind, FieldKind::Count | FieldKind::Amount) {
                report.set(id, "0");
            }
        }
        report.set_key("meta.agency", "某某县某某局");
        report.set_key("meta.year", "2025");
        report.set_key("overview.intro", "本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止。");
        report.set_key("problems.last_year", "上年度政策解读形式单一的问题已整改。");
        report.set_key("problems.this_year", "栏目更新不够及时，将加强栏目管理，按月检查更新。");
        report.set_key("other_matters", "本年度未收取信息处理费。");
        report
    }

    fn with(cells: &[(&str, &str)]) -> Report {
        complete().filled(cells)
    }

    fn rules(report: &Report) -> Vec<(&'static str, Vec<&'static str>)> {
        check(report).iter().map(|f| (f.rule.id(), f.keys().collect())).collect()
    }

    fn only(report: &Report, rule: Rule) -> Vec<Finding> {
        check(report).into_iter().filter(|f| f.rule == rule).collect()
    }

    #[test]
    fn a_complete_consistent_report_has_no_findings() {
        assert_eq!(rules(&complete()), vec![]);
    }

    #[test]
    fn t3_bal_compares_each_column_and_says_by_how_much() {
        let r = with(&[
            ("requests.received.natural_person", "10"),
            ("requests.carried_over.natural_person", "2"),
            ("requests.disclosed.natural_person", "9"),
            ("requests.carried_forward.natural_person", "2"),
        ]);
        let found = only(&r, Rule::T3Bal);
        assert_eq!(found.len(), 2, "自然人 and 总计 columns: {found:?}");
        assert_eq!(
            found[0].keys().collect::<Vec<_>>(),
            [
                "requests.received.natural_person",
                "requests.carried_over.natural_person",
                "requests.outcome_total.natural_person",
                "requests.carried_forward.natural_person"
            ]
        );
        assert!(found[0].message.starts_with("表三「自然人」列：一+二 = 12，（七）总计+四 = 11，相差 1 件"));
        assert_eq!(found[0].severity(), Severity::Error);
        let fixed = with(&[
            ("requests.received.natural_person", "10"),
            ("requests.carried_over.natural_person", "2"),
            ("requests.disclosed.natural_person", "10"),
            ("requests.carried_forward.natural_person", "2"),
        ]);
        assert!(only(&fixed, Rule::T3Bal).is_empty());
    }

    #[test]
    fn t3_sum_points_at_the_blank_outcomes_when_there_are_any() {
        let total = |column: &str| format!("requests.outcome_total.{column}");
        let filled = with(&[("requests.disclosed.natural_person", "3"), (&total("natural_person"), "4")]);
        let found = only(&filled, Rule::T3Sum);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].fields.len(), 22, "with nothing blank, every outcome may be the one");
        assert_eq!(found[0].message, "表三「自然人」列：21 项办理结果之和 = 3，（七）总计 = 4，相差 1 件。");

        // An import left 本机关不掌握相关政府信息 blank across the row: the sums point there.
        let blank_row: Vec<(String, &str)> = REQUEST_COLUMNS[..REQUEST_TOTAL_COLUMN]
            .iter()
            .map(|column| (format!("requests.unavailable.not_held.{}", column.key), ""))
            .chain([(total("natural_person"), "4"), (total("total"), "4")])
            .collect();
        let mut cells: Vec<(&str, &str)> = blank_row.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        cells.push(("requests.disclosed.natural_person", "3"));
        let found = only(&with(&cells), Rule::T3Sum);
        assert_eq!(found.len(), 2, "自然人 and 总计 columns: {found:?}");
        assert_eq!(
            found[0].keys().collect::<Vec<_>>(),
            ["requests.unavailable.not_held.natural_person", "requests.outcome_total.natural_person"],
            "the blank first: it is gone to"
        );
        assert_eq!(
            found[0].message,
            "表三「自然人」列：21 项办理结果之和 = 3，（七）总计 = 4，相差 1 件。其中「（四）无法提供 1.本机关不掌握相关政府信息」未填，按 0 计，请先填上。"
        );
        assert_eq!(
            found[1].keys().collect::<Vec<_>>(),
            ["requests.unavailable.not_held.total", "requests.outcome_total.total"],
            "the row's total is blank because its row is"
        );

        // Two blank cells in the column: both, named by the first.
        let two = with(&[
            ("requests.unavailable.not_held.natural_person", ""),
            ("requests.unavailable.needs_creation.natural_person", ""),
            (&total("natural_person"), "1"),
        ]);
        let found = only(&two, Rule::T3Sum);
        assert_eq!(found[0].fields.len(), 3);
        assert!(
            found[0].message.ends_with("其中「（四）无法提供 1.本机关不掌握相关政府信息」等未填，按 0 计，请先填上。")
        );
    }

    #[test]
    fn t3_row_checks_printed_totals_only() {
        let printed = with(&[("requests.received.commercial", "3"), ("requests.received.total", "4")]);
        let found = only(&printed, Rule::T3Row);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].fields[0], id_of("requests.received.total"));
        assert!(found[0].message.contains("六类申请人之和 = 3，总计栏 = 4，相差 1 件"));
        let right = with(&[("requests.received.commercial", "3"), ("requests.received.total", "3")]);
        assert!(only(&right, Rule::T3Row).is_empty());
        let computed = with(&[("requests.received.commercial", "3")]);
        assert!(only(&computed, Rule::T3Row).is_empty());
    }

    #[test]
    fn while_filling_a_fresh_form_nothing_not_yet_begun_is_reported() {
        let mut report = Report::new();
        assert!(!check(&report).is_empty(), "every check still finds the blanks");
        let filling = |report: &Report| while_filling(check(report), report, &Sheet::of(report), &[]);
        assert_eq!(filling(&report), vec![]);
        // One number of table 三 starts table 三, and only it.
        report.set_key("requests.received.natural_person", "1");
        let shown = filling(&report);
        let blank_tables: Vec<_> =
            shown.iter().filter(|f| f.rule == Rule::Blank).map(|f| format::field(f.fields[0]).table).collect();
        assert!(!blank_tables.is_empty() && blank_tables.iter().all(|&t| t == Some(format::Table::Requests)));
        assert!(!shown.iter().any(|f| f.rule == Rule::T3Bal), "a column's balance waits for its outcomes");
        // Its first outcome begins the column: now the balance speaks, and the arithmetic is never held.
        report.set_key("requests.disclosed.natural_person", "0");
        let shown = filling(&report);
        let balanced: Vec<&str> = shown.iter().filter(|f| f.rule == Rule::T3Bal).map(|f| f.message.as_str()).collect();
        assert_eq!(balanced.len(), 2, "自然人 and 总计: {balanced:?}");
        // A section with text in it is held to its rule: §五 saying 无.
        report.set_key(PROBLEMS_LAST_YEAR, "无");
        let shown = filling(&report);
        assert!(shown.iter().any(|f| f.rule == Rule::TxtEmpty && f.fields.contains(&id_of(PROBLEMS_LAST_YEAR))));
        assert!(!shown.iter().any(|f| f.rule == Rule::TxtEmpty && f.fields.contains(&id_of(OVERVIEW_INTRO))));
    }

    #[test]
    fn t3_sum_checks_a_printed_outcome_total_against_the_outcome_rows() {
        let r = with(&[
            ("requests.disclosed.research", "2"),
            ("requests.other_handling.other.research", "1"),
            ("requests.outcome_total.research", "2"),
        ]);
        let found = only(&r, Rule::T3Sum);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("表三「科研机构」列：21 项办理结果之和 = 3，（七）总计 = 2，相差 1 件"));
        assert_eq!(found[0].fields.len(), 22);
        let right = with(&[("requests.disclosed.research", "2"), ("requests.outcome_total.research", "2")]);
        assert!(only(&right, Rule::T3Sum).is_empty());
    }

    #[test]
    fn t4_sum_checks_each_group() {
        let r = with(&[("appeals.suit_after_review.upheld", "13"), ("appeals.suit_after_review.total", "12")]);
        let found = only(&r, Rule::T4Sum);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("表四「复议后起诉」"));
        assert!(found[0].message.contains("= 13，总计 = 12，相差 1 件"));
        let right = with(&[("appeals.suit_after_review.upheld", "13"), ("appeals.suit_after_review.total", "13")]);
        assert!(only(&right, Rule::T4Sum).is_empty());
    }

    #[test]
    fn num_names_the_cell_the_entry_and_the_reason() {
        let r = with(&[
            ("requests.received.commercial", "-1"),
            (FEE_AMOUNT_KEY, "1.23456"),
            ("meta.year", "二〇二五"),
            ("appeals.review.upheld", "2.5"),
        ]);
        let found = only(&r, Rule::Num);
        let keys: Vec<_> = found.iter().flat_map(|f| f.keys()).collect();
        assert_eq!(keys, ["meta.year", FEE_AMOUNT_KEY, "requests.received.commercial", "appeals.review.upheld"]);
        assert!(found[2].message.contains("表三「一、本年新收」行「商业企业」列：“-1”不能为负数"));
        assert!(found[1].message.contains("最多保留4位小数"));
        // The bad cell does not also raise arithmetic errors on the totals it makes unknown.
        assert!(only(&r, Rule::T3Bal).is_empty());
    }

    #[test]
    fn blanks_are_warned_per_row_and_never_for_totals_left_to_compute() {
        let r = with(&[("requests.disclosed.commercial", ""), ("requests.disclosed.research", "/")]);
        let found = only(&r, Rule::Blank);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity(), Severity::Warning);
        assert_eq!(
            found[0].keys().collect::<Vec<_>>(),
            ["requests.disclosed.commercial", "requests.disclosed.research"]
        );
        assert!(found[0].message.starts_with("表三「（一）予以公开」行有 2 格未填"));
        // A printed blank total is a published blank.
        let printed_blank = with(&[("requests.disclosed.total", "")]);
        assert_eq!(only(&printed_blank, Rule::Blank)[0].keys().collect::<Vec<_>>(), ["requests.disclosed.total"]);
        // An empty report: one warning per row, 6 for 表二, 25 for 表三, 3 for 表四.
        assert_eq!(only(&Report::new(), Rule::Blank).len(), 5 + 25 + 3);
    }

    #[test]
    fn t2_in_force_fires_when_fewer_in_force_than_issued_minus_repealed() {
        let r = with(&[
            ("proactive.normative_docs.issued", "5"),
            ("proactive.normative_docs.repealed", "1"),
            ("proactive.normative_docs.in_force", "3"),
        ]);
        let found = only(&r, Rule::T2InForce);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("现行有效件数 3 少于本年制发 5 − 本年废止 1 = 4"));
        let fine = with(&[("proactive.normative_docs.issued", "5"), ("proactive.normative_docs.in_force", "40")]);
        assert!(only(&fine, Rule::T2InForce).is_empty());
    }

    #[test]
    fn fee_unit_suspects_yuan_typed_as_wan_yuan() {
        assert_eq!(rules(&with(&[(FEE_AMOUNT_KEY, "150000")])), vec![("FEE-UNIT", vec![FEE_AMOUNT_KEY])]);
        assert!(only(&with(&[(FEE_AMOUNT_KEY, "18651.06")]), Rule::FeeUnit).is_empty());
        let region = with(&[(FEE_AMOUNT_KEY, "150000"), ("meta.scope", "region")]);
        assert!(only(&region, Rule::FeeUnit).is_empty());
    }

    #[test]
    fn txt_empty_checks_period_problems_and_fees() {
        let r = with(&[
            ("overview.intro", "根据条例编制本报告。"),
            ("problems.last_year", "无"),
            ("problems.this_year", "  "),
            ("other_matters", ""),
        ]);
        let found = only(&r, Rule::TxtEmpty);
        let keys: Vec<Vec<_>> = found.iter().map(|f| f.keys().collect()).collect();
        assert_eq!(
            keys,
            vec![vec!["overview.intro"], vec!["problems.last_year", "problems.this_year"], vec!["other_matters"]]
        );
        assert!(found[0].message.contains("2025年1月1日"));
        let worded = with(&[
            ("other_matters", "2024年，无收取信息处理费情况。"),
            ("overview.intro", ""),
            ("overview.oversight", "数据统计期限为2024年1月1日至2024年12月31日"),
        ]);
        assert!(only(&worded, Rule::TxtEmpty).is_empty());
    }

    #[test]
    fn what_was_carried_over_from_last_year_begins_nothing() {
        // 上年结转 and 上年度存在问题 carried, nothing typed: no BLANK for table 三, no balance though
        // 一+二 ≠ 0, no slip found in last year's words.
        let last = complete().filled(&[
            ("requests.carried_forward.natural_person", "3"),
            ("requests.carried_forward.commercial", "1"),
            (PROBLEMS_THIS_YEAR, "本年度存在的问题:宣传不够。"),
        ]);
        let carried = crate::report::edit::carry::next_year(&last).report;
        let all = check(&carried);
        for rule in [Rule::T3Bal, Rule::Blank, Rule::TxtForm] {
            assert!(all.iter().any(|f| f.rule == rule), "{rule:?} is found by every check");
        }
        let unchanged = crate::report::edit::carry::carried_unchanged(&carried, &last);
        let shown = while_filling(all, &carried, &Sheet::of(&carried), &unchanged);
        assert!(!shown.iter().any(|f| matches!(f.rule, Rule::T3Bal | Rule::Blank | Rule::TxtForm)), "{shown:?}");
        // The clerk's own 结转下年度 in a column begins it; typed over, the carried text is theirs.
        let mut forward = carried.clone();
        forward.set_key("requests.carried_forward.natural_person", "1");
        forward.set_key(PROBLEMS_LAST_YEAR, "本年度存在的问题:宣传不够。已改进。");
        let unchanged = crate::report::edit::carry::carried_unchanged(&forward, &last);
        let shown = while_filling(check(&forward), &forward, &Sheet::of(&forward), &unchanged);
        assert!(shown.iter().any(|f| f.rule == Rule::T3Bal && f.message.contains("自然人")));
        assert!(!shown.iter().any(|f| f.rule == Rule::T3Bal && f.message.contains("商业企业")));
        assert!(shown.iter().any(|f| f.rule == Rule::TxtForm));
    }

    #[test]
    fn balances_show_each_column_live() {
        let r = with(&[("requests.received.legal_service", "4"), ("requests.disclosed.legal_service", "3")]);
        let balances = balances(&Sheet::of(&r));
        assert_eq!(balances.len(), 7);
        let legal = &balances[4];
        assert_eq!(
            (legal.column, legal.inflow, legal.outflow, legal.gap()),
            ("法律服务机构", Some(4), Some(3), Some(1))
        );
        assert_eq!(balances[0].gap(), None);
        assert_eq!(balances[6].gap(), Some(1));
    }

    #[test]
    fn findings_are_indexed_by_the_fields_they_concern() {
        let r = with(&[("requests.received.legal_service", "4")]);
        let findings = check(&r);
        let by_field = findings_by_field(&findings);
        let cell = id_of("requests.received.legal_service");
        assert_eq!(by_field[cell].len(), 1);
        assert_eq!(findings[by_field[cell][0]].rule, Rule::T3Bal);
        assert!(by_field[id_of("requests.received.commercial")].is_empty());
    }

    #[test]
    fn findings_come_in_form_order() {
        let r = with(&[
            ("appeals.review.total", "9"),
            ("requests.received.natural_person", "x"),
            ("proactive.rules.issued", ""),
        ]);
        let ids: Vec<_> = check(&r).iter().map(|f| f.rule.id()).collect();
        assert_eq!(ids, ["BLANK", "NUM", "T4-SUM"]);
    }
}
