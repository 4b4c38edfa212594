//! 按表格生成: the customary sentences of §一（二）, §三, §四 and §六 drafted from the tables' numbers
//! (with last year's report, the change on last year), for the clerk to look at and insert where
//! they choose. Categories the tables hold none of are left out, as reports leave them out.

use crate::report::base::format::{
    APPEAL_COLUMNS, FieldId, OTHER_MATTERS, OUTCOMES, REQUEST_TOTAL_COLUMN, RequestRowRole, appeal_cell, id_of,
    request_cell, request_row, request_rows,
};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;

/// The text parts that can be drafted from the tables.
pub const DRAFTED: [&str; 4] = ["overview.on_request", "requests.note", "appeals.note", OTHER_MATTERS];

/// Where a draft goes in the text already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Start,
    End,
    /// Instead of the text there: only when the clerk chooses it.
    Replace,
}

/// The text with the draft put in its place, a paragraph of its own.
pub fn insert(text: &str, draft: &str, place: Position) -> String {
    let text = text.trim();
    match place {
        _ if text.is_empty() => draft.to_string(),
        Position::Start => format!("{draft}\n\n{text}"),
        Position::End => format!("{text}\n\n{draft}"),
        Position::Replace => draft.to_string(),
    }
}

/// The draft for a text part, if it is one of [`DRAFTED`].
pub fn draft_for(id: FieldId, report: &Report, last_year: Option<&Report>) -> Option<String> {
    let sheet = Sheet::of(report);
    let last = last_year.map(|last| (last, Sheet::of(last)));
    let last = last.as_ref().map(|(r, s)| (*r, s));
    let key = crate::report::base::format::field(id).key.as_str();
    Some(match key {
        "overview.on_request" => on_request(&sheet),
        "requests.note" => requests(&sheet, last),
        "appeals.note" => appeals(&sheet),
        OTHER_MATTERS => fees(&sheet),
        _ => return None,
    })
}

/// Every draft, as the CLI prints them.
pub fn drafts(report: &Report, last_year: Option<&Report>) -> Vec<(FieldId, String)> {
    DRAFTED.iter().filter_map(|key| draft_for(id_of(key), report, last_year).map(|d| (id_of(key), d))).collect()
}

fn total(sheet: &Sheet, role: RequestRowRole) -> u64 {
    sheet.count(request_cell(request_row(role), REQUEST_TOTAL_COLUMN)).unwrap_or_default()
}

fn row_total(sheet: &Sheet, row: usize) -> u64 {
    sheet.count(request_cell(row, REQUEST_TOTAL_COLUMN)).unwrap_or_default()
}

fn on_request(sheet: &Sheet) -> String {
    format!(
        "本年度共收到政府信息公开申请{}件，办结{}件，结转下年度继续办理{}件。",
        total(sheet, RequestRowRole::Received),
        total(sheet, RequestRowRole::OutcomeTotal),
        total(sheet, RequestRowRole::CarriedForward)
    )
}

/// The outcome categories of table 三 in order, as sentences name them (不予公开 …), with their totals.
fn outcome_totals(sheet: &Sheet) -> Vec<(&'static str, u64)> {
    OUTCOMES.iter().map(|outcome| (outcome.plain_name(), outcome.rows().map(|r| row_total(sheet, r)).sum())).collect()
}

fn requests(sheet: &Sheet, last: Option<(&Report, &Sheet)>) -> String {
    let received_row = request_row(RequestRowRole::Received);
    let received = total(sheet, RequestRowRole::Received);
    let person = sheet.count(request_cell(received_row, 0)).unwrap_or_default();
    let organisations: u64 = (1..REQUEST_TOTAL_COLUMN).filter_map(|c| sheet.count(request_cell(received_row, c))).sum();
    let mut text = format!("本年度共收到政府信息公开申请{received}件");
    if received > 0 {
        text.push_str(&format!("（自然人{person}件、法人或其他组织{organisations}件）"));
    }
    if let Some((_, last_sheet)) = last {
        let before = total(last_sheet, RequestRowRole::Received);
        text.push_str(&change(received, before));
    }
    text.push_str(&format!("，上年结转{}件", total(sheet, RequestRowRole::CarriedOver)));
    let done = total(sheet, RequestRowRole::OutcomeTotal);
    text.push_str(&format!("；办结{done}件"));
    let mut parts = Vec::new();
    for (name, n) in outcome_totals(sheet) {
        if n > 0 {
            parts.push(format!("{name}{n}件"));
        }
    }
    if !parts.is_empty() {
        text.push_str(&format!("，其中{}", parts.join("、")));
    }
    text.push_str(&format!("；结转下年度继续办理{}件。", total(sheet, RequestRowRole::CarriedForward)));
    text
}

/// 同比增加/减少 x 件（y%）, or 与上年持平.
fn change(now: u64, before: u64) -> String {
    match now.cmp(&before) {
        std::cmp::Ordering::Equal => "，与上年持平".into(),
        _ if before == 0 => format!("，同比增加{now}件"),
        std::cmp::Ordering::Greater => {
            let up = now - before;
            format!("，同比增加{up}件（{}%）", percent(up, before))
        }
        std::cmp::Ordering::Less => {
            let down = before - now;
            format!("，同比减少{down}件（{}%）", percent(down, before))
        }
    }
}

/// A whole percentage, rounded half up (integers only: a float's formatting costs the widget 10 KB).
fn percent(part: u64, whole: u64) -> u64 {
    (part * 200 + whole) / (2 * whole)
}

fn appeals(sheet: &Sheet) -> String {
    let count = |group: usize, column: usize| sheet.count(appeal_cell(group, column)).unwrap_or_default();
    let group_total = |group: usize| count(group, APPEAL_COLUMNS.len() - 1);
    let results = |group: usize| -> String {
        let mut parts = Vec::new();
        for (c, column) in APPEAL_COLUMNS[..APPEAL_COLUMNS.len() - 1].iter().enumerate() {
            if count(group, c) > 0 {
                parts.push(format!("{}{}件", column.label, count(group, c)));
            }
        }
        if parts.is_empty() { String::new() } else { format!("（{}）", parts.join("、")) }
    };
    let (review, direct, after) = (group_total(0), group_total(1), group_total(2));
    if review + direct + after == 0 {
        return "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。".into();
    }
    let mut text = String::from("本年度因政府信息公开工作");
    text.push_str(&if review > 0 {
        format!("被申请行政复议{review}件{}", results(0))
    } else {
        "未被申请行政复议".into()
    });
    let suits = direct + after;
    if suits > 0 {
        let mut kinds = Vec::new();
        if direct > 0 {
            kinds.push(format!("未经复议直接起诉{direct}件{}", results(1)));
        }
        if after > 0 {
            kinds.push(format!("复议后起诉{after}件{}", results(2)));
        }
        text.push_str(&format!("，被提起行政诉讼{suits}件，其中{}。", kinds.join("，")));
    } else {
        text.push_str("，未被提起行政诉讼。");
    }
    text
}

/// （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用.
const FEE_UNPAID: &str = "other_handling.fee_unpaid";

/// §六's sentence on 信息处理费 that the tables can give: the requests no longer handled because a
/// fee notice went unpaid. What was charged is not in the tables; the clerk completes it.
fn fees(sheet: &Sheet) -> String {
    let unpaid = request_rows().iter().position(|r| r.key == FEE_UNPAID).map_or(0, |r| row_total(sheet, r));
    let mut text = String::from("1.政府信息处理费收取情况。本年度发出收费通知　件，总金额　元，实际收取　元");
    if unpaid > 0 {
        text.push_str(&format!("；因申请人逾期未按收费通知要求缴纳费用而不再处理的申请{unpaid}件"));
    }
    text.push('。');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_requests_sentence_takes_each_number_from_its_cell_and_leaves_out_zero_categories() {
        let r = Report::new().filled(&[
            ("requests.received.natural_person", "10"),
            ("requests.received.commercial", "2"),
            ("requests.received.research", "1"),
            ("requests.carried_over.natural_person", "3"),
            ("requests.disclosed.natural_person", "8"),
            ("requests.withheld.third_party.commercial", "2"),
            ("requests.other_handling.no_correction.research", "1"),
            ("requests.carried_forward.natural_person", "5"),
        ]);
        assert_eq!(
            draft_for(id_of("requests.note"), &r, None).unwrap(),
            "本年度共收到政府信息公开申请13件（自然人10件、法人或其他组织3件），上年结转3件；办结11件，其中予以公开8件、不予公开2件、其他处理1件；结转下年度继续办理5件。"
        );
        assert_eq!(
            draft_for(id_of("overview.on_request"), &r, None).unwrap(),
            "本年度共收到政府信息公开申请13件，办结11件，结转下年度继续办理5件。"
        );
        assert_eq!(draft_for(id_of("overview.intro"), &r, None), None, "only the parts the tables speak to");
    }

    #[test]
    fn with_last_years_report_the_change_is_said_in_cases_and_percent() {
        let now = Report::new().filled(&[("requests.received.natural_person", "13")]);
        let said = |before: &str| {
            let last = Report::new().filled(&[("requests.received.natural_person", before)]);
            draft_for(id_of("requests.note"), &now, Some(&last)).unwrap()
        };
        assert!(said("10").contains("同比增加3件（30%）"), "{}", said("10"));
        assert!(said("20").contains("同比减少7件（35%）"), "{}", said("20"));
        assert!(said("13").contains("与上年持平"));
        assert!(said("0").contains("同比增加13件，"), "no percent of nothing: {}", said("0"));
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
    }

    #[test]
    fn the_appeals_sentence_names_what_happened_and_nothing_else() {
        let none = Report::new().filled(&[]);
        assert_eq!(
            draft_for(id_of("appeals.note"), &none, None).unwrap(),
            "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
        );
        let some = Report::new().filled(&[
            ("appeals.review.upheld", "2"),
            ("appeals.review.pending", "1"),
            ("appeals.suit_after_review.corrected", "1"),
        ]);
        assert_eq!(
            draft_for(id_of("appeals.note"), &some, None).unwrap(),
            "本年度因政府信息公开工作被申请行政复议3件（结果维持2件、尚未审结1件），被提起行政诉讼1件，其中复议后起诉1件（结果纠正1件）。"
        );
    }

    #[test]
    fn the_fee_sentence_leaves_what_the_tables_do_not_hold_for_the_clerk() {
        let r = Report::new().filled(&[("requests.other_handling.fee_unpaid.natural_person", "2")]);
        let said = draft_for(id_of(OTHER_MATTERS), &r, None).unwrap();
        assert!(said.contains("发出收费通知　件") && said.contains("不再处理的申请2件"), "{said}");
    }

    #[test]
    fn a_draft_goes_where_the_clerk_chooses_and_never_over_typed_text_unasked() {
        assert_eq!(insert("已有。", "新句。", Position::Start), "新句。\n\n已有。");
        assert_eq!(insert("已有。", "新句。", Position::End), "已有。\n\n新句。");
        assert_eq!(insert("已有。", "新句。", Position::Replace), "新句。");
        assert_eq!(insert("  ", "新句。", Position::End), "新句。");
    }
}
