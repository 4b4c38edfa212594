//! `TXT-NUM`: numbers stated in the report's text that its tables contradict, such as
//! "共收到政府信息公开申请12件" beside a table 三 that received 11, or "未收到政府信息公开申请"
//! beside one that received some.

use crate::report::base::format::{
    APPEAL_GROUPS, APPEAL_TOTAL_COLUMN, Appeal, DOCUMENT_STOCK_COLUMNS, FieldId, FieldKind, ORGANISATIONS_HEADER,
    OUTCOMES, REQUEST_COLUMNS, REQUEST_TOTAL_COLUMN, RequestRowRole, SUITS_HEADER, appeal_cell, appeal_totals,
    document_stocks, field, id_of, request_cell, request_row, request_rows, text_parts,
};
use crate::report::base::text::{ascii_digit, squeezed};
use crate::report::data::finding::{Finding, Rule};
use crate::report::data::model::Report;
use crate::report::data::sheet::{Entry, Sheet};

/// How far after its key words a stated number may stand, in characters.
const REACH: usize = 12;
/// Measure words a stated count may carry.
const UNITS: [char; 4] = ['件', '起', '条', '宗'];

/// What in the tables a stated count may be: the cells it adds up, and how the clerk is told of them.
struct Reading {
    what: String,
    cells: Vec<FieldId>,
}

/// A kind of figure the text states and the table cells that hold it.
struct Statement {
    /// Words that must come right before the number (within [`REACH`]).
    anchor: &'static str,
    /// Words the clause must also contain, any one of them (empty: none needed).
    with_any: &'static [&'static str],
    /// Words that make the clause about something else.
    unless: &'static [&'static str],
    /// Whether a 、 ends the clause before it too, as between the items of a list.
    listed: bool,
    /// What the count is; where the words leave it open (办理: the new requests, or with those
    /// carried over, or those answered), each thing it may be, the count checked against all.
    readings: Vec<Reading>,
}

/// A 总计 of table 三 (one row's, or a category's added up) as the checks name it to the clerk,
/// by the format's name for it: 表三“一、本年新收”总计.
fn requests_total_named(name: &str) -> String {
    format!("表三“{name}”总计")
}

/// The 总计 cell of a row of table 三, and how the checks name it.
pub fn row_total(role: RequestRowRole) -> (FieldId, String) {
    let row = request_row(role);
    (request_cell(row, REQUEST_TOTAL_COLUMN), requests_total_named(&request_rows()[row].name))
}

/// Words that make a clause about a category of 三、本年度办理结果 something else than its count:
/// two categories counted together (“予以公开及部分公开258件”), 不予以公开 (not 予以公开), a change,
/// one kind of applicant's count (法人或其他组织申请予以公开1件).
const NOT_A_CATEGORY: [&str; 9] = ["及", "和", "不予以", "增", "减", "上年", "较", "自然人", "法人"];

/// Words that make a clause about a change, not a count.
const A_CHANGE: [&str; 4] = ["增", "减", "较", "比"];
/// Words that make a clause about something else than 上年结转's count: what was carried forward,
/// what of it was handled, last year's and this year's requests counted together, a change.
const NOT_CARRIED_OVER: [&str; 9] = ["下年", "办结", "和", "及", "新收", "增", "减", "较", "比"];
/// Words that make a clause about something else than 办结's count: what was carried over, a change.
const NOT_DONE: [&str; 6] = ["上年", "结转", "增", "减", "较", "比"];
/// Words a clause about the documents made this year has, about those repealed, about those in force.
const ISSUING: [&str; 4] = ["制发", "印发", "出台", "制定"];
const REPEALING: [&str; 1] = ["废止"];
const IN_FORCE: [&str; 1] = ["现行有效"];
/// Words that make a clause about something else than one column of one row of documents: two
/// of them at once (制发及废止, 规章、规范性文件), another act (清理, 解读, 备案), 规章制度, a change.
const NOT_ONE_STOCK: [&str; 14] =
    ["、", "和", "及", "等", "清理", "解读", "备案", "审查", "制度", "增", "减", "较", "比", "上年"];
/// Words a clause about this year's new requests has (收到申请12件, 新收, 受理).
const RECEIVING: [&str; 3] = ["收到", "新收", "受理"];

/// The figures a text may state: those reports word most (收到…申请, 上年结转, 办结, 结转下年度,
/// 行政复议, 行政诉讼), each group of table 四 by its label, the received requests by applicant
/// (自然人, 法人或其他组织), then each category of 三、本年度办理结果 by the name a sentence gives it
/// (予以公开, 不予公开…, listed as “其中予以公开8件、不予公开2件”) against its 总计. Every count
/// 按表格生成 writes but the results of each 复议 and 诉讼 is among them.
fn statements() -> Vec<Statement> {
    let statement = |anchor, with_any, unless, (cell, what)| Statement {
        anchor,
        with_any,
        unless,
        listed: false,
        readings: vec![Reading { what, cells: vec![cell] }],
    };
    // 行政复议 and 行政诉讼 by the labels table 四 heads their columns with.
    let appeals = |anchor, unless, appeal, total| Statement {
        anchor,
        with_any: &[],
        unless,
        listed: false,
        readings: vec![Reading { what: format!("表四“{anchor}”{total}"), cells: appeal_totals(appeal) }],
    };
    let received = request_row(RequestRowRole::Received);
    let applicants = |anchor, columns: std::ops::Range<usize>, added: &str| Statement {
        anchor,
        with_any: &RECEIVING,
        unless: &["结转", "上年"],
        listed: false,
        readings: vec![Reading {
            what: format!("表三“{}”{anchor}{added}", request_rows()[received].name),
            cells: columns.map(|column| request_cell(received, column)).collect(),
        }],
    };
    let mut all = vec![
        statement("申请", &RECEIVING, &["结转", "上年", "自然人", "法人"], row_total(RequestRowRole::Received)),
        statement("结转", &["上年"], &NOT_CARRIED_OVER, row_total(RequestRowRole::CarriedOver)),
        statement("办结", &[], &NOT_DONE, row_total(RequestRowRole::OutcomeTotal)),
        statement("结转下年度", &[], &[], row_total(RequestRowRole::CarriedForward)),
        handled(),
        appeals(APPEAL_GROUPS[0].label, &["复议后", "诉讼"], Appeal::Review, "总计"),
        appeals(SUITS_HEADER, &[], Appeal::Suit, "两项总计之和"),
        applicants(REQUEST_COLUMNS[0].label, 0..1, ""),
        applicants(ORGANISATIONS_HEADER, 1..REQUEST_TOTAL_COLUMN, "各列之和"),
    ];
    for (group, appeal) in APPEAL_GROUPS.iter().enumerate().filter(|(_, g)| g.appeal == Appeal::Suit) {
        all.push(Statement {
            anchor: appeal.label,
            with_any: &[],
            unless: &A_CHANGE,
            listed: true,
            readings: vec![Reading {
                what: format!("表四“{}”总计", appeal.label),
                cells: vec![appeal_cell(group, APPEAL_TOTAL_COLUMN)],
            }],
        });
    }
    // 规章 and 规范性文件 (as sentences name 行政规范性文件): 制发 (印发, 出台…), 废止, 现行有效.
    let verbs: [&'static [&'static str]; 3] = [&ISSUING, &REPEALING, &IN_FORCE];
    for stock in document_stocks() {
        let cells = [stock.issued, stock.repealed, stock.in_force];
        for ((key, with_any), column) in cells.into_iter().zip(verbs).zip(DOCUMENT_STOCK_COLUMNS) {
            all.push(Statement {
                anchor: stock.label.trim_start_matches("行政"),
                with_any,
                unless: &NOT_ONE_STOCK,
                listed: false,
                readings: vec![Reading {
                    what: format!("表二“{}”{column}", stock.label), cells: vec![id_of(key)]
                }],
            });
        }
    }
    for outcome in OUTCOMES {
        all.push(Statement {
            anchor: outcome.plain_name(),
            with_any: &[],
            unless: &NOT_A_CATEGORY,
            listed: true,
            readings: vec![Reading {
                what: requests_total_named(outcome.name),
                cells: outcome.rows().map(|row| request_cell(row, REQUEST_TOTAL_COLUMN)).collect(),
            }],
        });
    }
    all
}

/// Words that make a clause about something else than all the requests handled: this year's new
/// ones (the statement above reads them), one kind of them, or of what was done with them, a change.
const NOT_ALL_HANDLED: [&str; 20] = [
    "收到",
    "新收",
    "受理",
    "结转",
    "上年",
    "自然人",
    "法人",
    "结果",
    "予以",
    "不予",
    "部分",
    "无法",
    "其他",
    "延期",
    "逾期",
    "超期",
    "复议",
    "诉讼",
    "增",
    "减",
];

/// “办理…申请 N 件”: the words leave open whether the count is this year's new requests, those
/// with last year's carried over, or those answered, so it is checked against all three and
/// reminded of only when it is none of them: “2022年我局共办理依申请公开0件”, as a year without
/// requests wrote it, kept beside a table that now has some.
fn handled() -> Statement {
    let (received, received_named) = row_total(RequestRowRole::Received);
    let (carried_over, carried_over_named) = row_total(RequestRowRole::CarriedOver);
    let (outcomes, outcomes_named) = row_total(RequestRowRole::OutcomeTotal);
    let with_carried_over = format!("加上{}", carried_over_named.trim_start_matches("表三").trim_end_matches("总计"));
    Statement {
        anchor: "申请",
        with_any: &["办理"],
        unless: &NOT_ALL_HANDLED,
        listed: false,
        readings: vec![
            Reading { what: received_named, cells: vec![received] },
            Reading { what: with_carried_over, cells: vec![received, carried_over] },
            Reading { what: outcomes_named, cells: vec![outcomes] },
        ],
    }
}

/// The marks that end a clause (a paragraph's end ends it too).
const CLAUSE_MARKS: &str = "。；;！!？?，,";

/// Words that put a clause in another year: a comparison, not this year's figure.
const ANOTHER_YEAR: [&str; 3] = ["去年", "上一年", "同期"];

/// Whether a clause speaks of another year than the report's (`2021年` in the 2022 report, 去年,
/// 同期): “比2021年收到申请18件增加3件” states last year's count, which the table does not hold.
fn of_another_year(clause: &str, year: Option<u32>) -> bool {
    ANOTHER_YEAR.iter().any(|w| clause.contains(w))
        || clause.match_indices('年').any(|(at, _)| {
            let digits = &clause.as_bytes()[..at];
            let named = &digits[digits.len().saturating_sub(4)..];
            named.len() == 4
                && named.iter().all(u8::is_ascii_digit)
                && year.is_some_and(|year| named.iter().fold(0, |y, d| y * 10 + u32::from(d - b'0')) != year)
        })
}

/// Whether the count is said, right after it, to include requests carried over: in a parenthesis
/// (“13件（含上年结转2件）”) or in a clause that begins 其中 (“13件，其中上年结转2件”), before the
/// count that follows.
fn includes_carried_over(rest: &str) -> bool {
    ["（", "(", "，其中", ",其中"].iter().any(|opening| {
        rest.strip_prefix(opening)
            .and_then(|qualifier| qualifier.split('件').next())
            .is_some_and(|q| q.contains("结转"))
    })
}

/// The start of the clause that holds byte `at`: after the last sentence or clause mark before it
/// (or, `listed`, the last 、).
fn clause_start(text: &str, at: usize, listed: bool) -> usize {
    text[..at]
        .rfind(|c: char| CLAUSE_MARKS.contains(c) || (listed && c == '、'))
        .map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8))
}

fn digit_value(c: char) -> Option<u32> {
    ascii_digit(c).to_digit(10)
}

/// The count stated right after byte `from`: digits (ASCII or full-width) followed by a measure
/// word, with at most a few characters (共、达…) between and no clause mark; with the byte where
/// the statement ends.
fn stated_count(text: &str, from: usize) -> Option<(u64, usize)> {
    let mut chars = text[from..].char_indices().take(REACH).peekable();
    while let Some(&(_, c)) = chars.peek() {
        if digit_value(c).is_some() {
            break;
        }
        if CLAUSE_MARKS.contains(c) {
            return None;
        }
        chars.next();
    }
    let mut value: u64 = 0;
    let mut digits = 0;
    for (offset, c) in chars {
        match digit_value(c) {
            Some(d) if digits < 12 => {
                value = value * 10 + u64::from(d);
                digits += 1;
            }
            _ if digits > 0 && UNITS.contains(&c) => return Some((value, from + offset + c.len_utf8())),
            _ => return None,
        }
    }
    None
}

/// A count a text says there was none of, in words (未收到政府信息公开申请, 未被申请行政复议,
/// 未发生…行政诉讼): where the table holds some, the text was kept from a year that had none.
struct Denial {
    /// What the text denies, in the words sentences name it by.
    subjects: &'static [&'static str],
    /// Words that make the clause about something else (复议后起诉, a 复议's 决定).
    unless: &'static [&'static str],
    reading: Reading,
}

/// Words that, before what they deny, say there was none of it; 无 only before the words a
/// denial goes on with (无因…, 无政府信息公开申请, 无行政复议), not in 无法提供 or 无正当理由.
const NONE: [&str; 15] = [
    "未发生",
    "未被",
    "未收到",
    "未接到",
    "未受理",
    "没有",
    "未有",
    "不存在",
    "无因",
    "无政府信息",
    "无信息公开",
    "无依申请",
    "无行政",
    "无涉及",
    "无针对",
];
/// Words that, ending a clause after what they deny, say there was none of it (…的情况均未发生,
/// …案件为零, 行政复议、行政诉讼均为0件, …情况：无).
const NONE_AFTER: [&str; 6] = ["未发生", "为零", "为0", "为0件", "：无", ":无"];
/// Words that make a denial one of some of them only: 没有逾期答复的公开申请, 未发生行政复议被纠正.
const NARROWING: [&str; 7] = ["逾期", "超期", "答复", "不予", "败诉", "纠正", "撤销"];

fn denials() -> Vec<Denial> {
    let appeals = |subjects: &'static [&'static str], unless, appeal, total| Denial {
        subjects,
        unless,
        reading: Reading { what: format!("表四“{}”{total}", subjects[0]), cells: appeal_totals(appeal) },
    };
    let (received, what) = row_total(RequestRowRole::Received);
    vec![
        Denial {
            subjects: &["公开申请", "依申请公开"],
            unless: &["复议", "诉讼", "结转"],
            reading: Reading { what, cells: vec![received] },
        },
        appeals(&[APPEAL_GROUPS[0].label], &["复议后", "决定", "结果"], Appeal::Review, "总计"),
        appeals(&[SUITS_HEADER], &["判决", "裁定", "结果"], Appeal::Suit, "两项总计之和"),
    ]
}

/// Whether a clause states a count in figures (a year's 2022年 is no count): then the statements
/// above read it, not the denials.
fn states_a_count(clause: &str) -> bool {
    let mut digits = 0;
    for c in clause.chars() {
        if digit_value(c).is_some() {
            digits += 1;
        } else if digits > 0 && !(digits == 4 && c == '年') {
            return true;
        } else {
            digits = 0;
        }
    }
    digits > 0
}

/// Every figure the six sections' texts state, in figures or as none, that differs from the tables.
pub fn check_text_numbers(report: &Report, sheet: &Sheet, findings: &mut Vec<Finding>) {
    let year = report.year();
    let (statements, denials) = (statements(), denials());
    for &id in text_parts() {
        // A paragraph at a time, read without spacing: a PDF viewer's copy, and many clerks, write
        // “收到申请 12 件”, “2021 年”.
        for paragraph in report.text(id).split('\n') {
            let text = &squeezed(paragraph);
            // Each clause that states a count: the count, and what in the tables holds it.
            let mut said: Vec<(&str, u64, &[Reading])> = Vec::new();
            for statement in &statements {
                for (found, _) in text.match_indices(statement.anchor) {
                    let after = found + statement.anchor.len();
                    let Some((stated, end)) = stated_count(text, after) else { continue };
                    let clause = &text[clause_start(text, after, statement.listed)..end];
                    let relevant =
                        statement.with_any.is_empty() || statement.with_any.iter().any(|w| clause.contains(w));
                    if relevant
                        && !statement.unless.iter().any(|w| clause.contains(w))
                        && !of_another_year(clause, year)
                        && !includes_carried_over(&text[end..])
                    {
                        said.push((clause, stated, &statement.readings));
                    }
                }
            }
            for clause in text.split(|c| CLAUSE_MARKS.contains(c)) {
                if NARROWING.iter().any(|w| clause.contains(w)) || of_another_year(clause, year) {
                    continue;
                }
                for denial in &denials {
                    if denial.unless.iter().any(|w| clause.contains(w))
                        || said.iter().any(|s| s.0 == clause && s.2[0].what == denial.reading.what)
                    {
                        continue;
                    }
                    let found = denial.subjects.iter().find_map(|&s| clause.find(s).map(|at| (at, s)));
                    let Some((at, subject)) = found else { continue };
                    // The word may run into the subject (无行政复议): it begins before it.
                    let before = NONE.iter().any(|w| clause.find(w).is_some_and(|p| p < at)) && !states_a_count(clause);
                    let after = NONE_AFTER.iter().any(|w| {
                        clause
                            .strip_suffix(w)
                            .is_some_and(|rest| rest.len() >= at + subject.len() && !states_a_count(rest))
                    });
                    if before || after {
                        said.push((clause, 0, std::slice::from_ref(&denial.reading)));
                    }
                }
            }
            for (clause, stated, readings) in said {
                let Some(tables) = readings
                    .iter()
                    .map(|r| r.cells.iter().map(|&c| sheet.count(c)).sum::<Option<u64>>())
                    .collect::<Option<Vec<u64>>>()
                else {
                    continue;
                };
                if tables.contains(&stated) {
                    continue;
                }
                // Cells left blank (an import not sure of them, say) are published as 0, but the
                // clerk sees them empty: said so, the text giving the number to check.
                let first = &readings[0];
                let blank = first.cells.iter().all(|&c| {
                    field(c).kind == FieldKind::Count && matches!(sheet.entry(c), Entry::Absent | Entry::Blank)
                });
                let mut table = String::new();
                if blank {
                    table = format!("{}还空着", first.what);
                } else {
                    // Each figure the tables give, once, named by the first reading that gives it.
                    let mut given: Vec<u64> = Vec::new();
                    for (reading, &figure) in readings.iter().zip(&tables) {
                        if !given.contains(&figure) {
                            given.push(figure);
                            let sep = if table.is_empty() { "" } else { "、" };
                            table += &format!("{sep}{}为 {figure} 件", reading.what);
                        }
                    }
                    table += if given.len() > 1 { "，都与之不符" } else { "，两者不符" };
                }
                let mut cells = vec![id];
                for &cell in readings.iter().flat_map(|r| &r.cells) {
                    if !cells.contains(&cell) {
                        cells.push(cell);
                    }
                }
                findings.push(Finding::new(
                    Rule::TxtNum,
                    cells,
                    format!("{}的文字写“{clause}”，而{table}。请核对文字或表格。", field(id).place),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check;

    /// The `TXT-NUM` findings on the example with `texts` and `cells` filled in. The example's
    /// 依申请公开 paragraph, from a year without requests (“共办理依申请公开0件”), is left out, so
    /// that only each test's own texts are held against the counts it fills in.
    fn txt_num(texts: &[(&str, &str)], cells: &[(&str, &str)]) -> Vec<Finding> {
        let report = crate::report::example().filled(&[("overview.on_request", "")]).filled(texts).filled(cells);
        check(&report).into_iter().filter(|f| f.rule == Rule::TxtNum).collect()
    }

    #[test]
    fn a_stated_count_of_received_applications_is_checked() {
        let found = txt_num(
            &[("requests.note", "2022年我局共收到信息公开申请12件。")],
            &[("requests.received.natural_person", "11")],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].keys().collect::<Vec<_>>(), ["requests.note", "requests.received.total"]);
        assert!(found[0].message.contains("“2022年我局共收到信息公开申请12件”，而表三“一、本年新收”总计为 11 件"));
        assert!(
            txt_num(&[("requests.note", "共收到信息公开申请１１件")], &[("requests.received.natural_person", "11")])
                .is_empty()
        );
    }

    #[test]
    fn received_is_also_said_as_accepted() {
        // As 上海市人民政府办公厅 (859) and 平潭综合实验区 (21) write their 本年新收.
        let received = [("requests.received.natural_person", "11"), ("requests.carried_over.natural_person", "2")];
        assert_eq!(txt_num(&[("requests.note", "全年共受理政府信息公开申请12件。")], &received).len(), 1);
        assert!(txt_num(&[("requests.note", "全年共受理政府信息公开申请11件。")], &received).is_empty());
        // Counted with last year's carried over, it is not this year's new requests.
        assert!(txt_num(&[("requests.note", "共受理上年结转和本年新收申请13件。")], &received).is_empty());
        // So is a count said, right after it, to include what was carried over.
        for including in [
            "共受理申请13件（含上年结转2件）。",
            "共受理申请13件(其中上年结转2件)。",
            "共受理申请13件，其中上年结转2件，本年新收11件。",
        ] {
            assert!(txt_num(&[("requests.note", including)], &received).is_empty(), "{including}");
        }
        // What follows and does not say so leaves the count this year's.
        for following in [
            "共受理申请13件（较上年增加3件）。",
            "共受理申请13件，其中自然人申请13件，上年结转2件。",
            "共受理申请13件，上年结转2件。",
        ] {
            assert_eq!(txt_num(&[("requests.note", following)], &received).len(), 1, "{following}");
        }
    }

    #[test]
    fn carried_forward_review_and_suits_are_checked() {
        let found = txt_num(
            &[("appeals.note", "全年行政复议3件，行政诉讼2件。"), ("overview.on_request", "结转下年度继续办理4件。")],
            &[("appeals.review.upheld", "3"), ("appeals.suit_direct.upheld", "1")],
        );
        let keys: Vec<Vec<&str>> = found.iter().map(|f| f.keys().collect()).collect();
        assert_eq!(
            keys,
            vec![
                vec!["overview.on_request", "requests.carried_forward.total"],
                vec!["appeals.note", "appeals.suit_direct.total", "appeals.suit_after_review.total"],
            ]
        );
    }

    #[test]
    fn a_count_written_with_spaces_is_checked_as_written_without() {
        let received = [("requests.received.natural_person", "11")];
        for spaced in
            ["2022 年我局共收到信息公开申请 12 件。", "共收到信息公开申请12 件。", "共收到申请\u{3000}12\u{a0}件。"]
        {
            let found = txt_num(&[("requests.note", spaced)], &received);
            assert_eq!(found.len(), 1, "{spaced}");
            assert!(found[0].message.contains("申请12件”，而表三“一、本年新收”总计为 11 件"), "{}", found[0].message);
        }
        // A paragraph ends a clause, even one that ends without a mark.
        let below = txt_num(&[("requests.note", "对照2021年度\n\n本年收到申请 12 件。")], &received);
        assert_eq!(below.len(), 1, "{below:?}");
        // Another year's count stays a comparison, spaced or not.
        assert!(txt_num(&[("requests.note", "与 2021 年收到申请 18 件相比有所减少。")], &received).is_empty());
        assert!(txt_num(&[("requests.note", "2022 年共收到信息公开申请 11 件。")], &received).is_empty());
    }

    #[test]
    fn numbers_about_something_else_are_left_alone() {
        let texts = [
            ("overview.on_request", "办结率100%。"),
            ("other_matters", "收到市人大建议、政协提案共17件。发出收费通知0件。"),
            ("appeals.note", "行政复议决定书3份。"),
        ];
        assert!(txt_num(&texts, &[]).is_empty());
    }

    #[test]
    fn a_count_handled_is_checked_against_each_thing_it_may_be() {
        // 16 new, 2 carried over, 15 answered: “办理” may be any of 16, 18 and 15.
        let cells = [
            ("requests.received.natural_person", "16"),
            ("requests.carried_over.natural_person", "2"),
            ("requests.disclosed.natural_person", "15"),
        ];
        for text in [
            "全年办理政府信息公开申请16件。",
            "共办理依申请公开18件。",
            "2022年我局共办理依申请公开事项15件，均在法定期限内答复。",
            // What of them was done, or one kind of them, or a change: not all of them.
            "办理结果中予以公开15件。",
            "共办理上年结转申请2件。",
            "办理自然人申请13件。",
            "办理政府信息公开申请较上年增加3件。",
            // Counted as received, the statement of 本年新收 reads it.
            "共收到并办理政府信息公开申请16件。",
        ] {
            assert_eq!(pointed_at(text, &cells), Vec::<Vec<String>>::new(), "{text}");
        }
        assert_eq!(pointed_at("共收到并办理政府信息公开申请17件。", &cells), [vec!["requests.received.total"]]);
        let found =
            txt_num(&[("overview.on_request", "2022年我局共办理依申请公开0件。"), ("requests.note", "")], &cells);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].keys().collect::<Vec<_>>(),
            [
                "overview.on_request",
                "requests.received.total",
                "requests.carried_over.total",
                "requests.outcome_total.total"
            ]
        );
        assert!(
            found[0].message.contains(
                "“2022年我局共办理依申请公开0件”，而表三“一、本年新收”总计为 16 件、加上“二、上年结转”为 18 件、表三“（七）总计”总计为 15 件，都与之不符"
            ),
            "{}",
            found[0].message
        );
        // Each figure the tables give is said once: with nothing carried over and all answered, one.
        let found = txt_num(
            &[("overview.on_request", "全年办理政府信息公开申请218件。")],
            &[("requests.received.natural_person", "16"), ("requests.disclosed.natural_person", "16")],
        );
        assert!(found[0].message.contains("而表三“一、本年新收”总计为 16 件，两者不符"), "{}", found[0].message);
    }

    /// The table cells the findings on `text` (in 三、收到和处理政府信息公开申请情况) point at.
    fn pointed_at(text: &str, cells: &[(&str, &str)]) -> Vec<Vec<String>> {
        txt_num(&[("requests.note", text)], cells)
            .into_iter()
            .map(|f| f.keys().skip(1).map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn carried_over_done_and_who_applied_are_checked() {
        // 16 new (12 自然人, 3 商业企业, 1 其他), 2 carried over, 15 done (予以公开), 3 carried forward.
        let cells = [
            ("requests.received.natural_person", "12"),
            ("requests.received.commercial", "3"),
            ("requests.received.other_org", "1"),
            ("requests.carried_over.natural_person", "2"),
            ("requests.disclosed.natural_person", "15"),
            ("requests.carried_forward.natural_person", "3"),
        ];
        let agreeing = [
            "本年度共收到政府信息公开申请16件（自然人12件、法人或其他组织4件），上年结转2件；办结15件；结转下年度继续办理3件。",
            "共受理申请18件（含上年结转2件），已办结15件。",
            "收到自然人申请12件。",
            // Counted together, or what of last year's was done, or a change: not these counts.
            "共受理上年结转和本年新收申请18件。",
            "办结上年结转申请1件。",
            "办结数较上年增加5件。",
            // 法人或其他组织 said of other than the new requests.
            "其中，法人或其他组织申请予以公开1件。",
        ];
        for text in agreeing {
            assert_eq!(pointed_at(text, &cells), Vec::<Vec<String>>::new(), "{text}");
        }
        let total = |key: &str| vec![format!("requests.{key}.total")];
        assert_eq!(pointed_at("上年结转申请3件。", &cells), [total("carried_over")]);
        assert_eq!(pointed_at("共办结14件。", &cells), [total("outcome_total")]);
        assert_eq!(
            pointed_at("共收到申请16件（自然人13件、法人或其他组织3件）。", &cells),
            [
                vec!["requests.received.natural_person".to_string()],
                ["commercial", "research", "social_welfare", "legal_service", "other_org"]
                    .map(|c| format!("requests.received.{c}"))
                    .to_vec()
            ]
        );
        let message = &txt_num(&[("requests.note", "收到申请16件（法人或其他组织3件）")], &cells)[0].message;
        assert!(message.contains("而表三“一、本年新收”法人或其他组织各列之和为 4 件"), "{message}");
    }

    #[test]
    fn a_text_that_says_there_was_none_is_checked_against_the_table() {
        let cells = [
            ("requests.received.natural_person", "2"),
            ("requests.disclosed.natural_person", "2"),
            ("appeals.review.upheld", "1"),
        ];
        let found = |key: &str, text: &str| -> Vec<Vec<String>> {
            let on_text = txt_num(&[(key, text)], &cells).into_iter().filter(|f| f.keys().next() == Some(key));
            on_text.map(|f| f.keys().skip(1).map(str::to_string).collect()).collect()
        };
        let review = [vec!["appeals.review.total"]];
        // Kept from a year that had none: each denial is held against its 总计.
        assert_eq!(found("requests.note", "2022年，本机关未收到政府信息公开申请。"), [vec!["requests.received.total"]]);
        assert_eq!(found("requests.note", "2022年未收到政府信息公开申请。"), [vec!["requests.received.total"]]);
        assert_eq!(found("appeals.note", "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"), review);
        assert_eq!(found("appeals.note", "我局没有被申请行政复议"), review);
        let said = txt_num(&[("appeals.note", "未被申请行政复议。")], &cells);
        let message = &said.iter().find(|f| f.keys().next() == Some("appeals.note")).unwrap().message;
        assert!(message.contains("写“未被申请行政复议”，而表四“行政复议”总计为 1 件"), "{message}");
        // Said of a suit there was none of, while the table has none: nothing to say.
        assert!(found("appeals.note", "未被提起行政诉讼。").is_empty());
        // 无 before what it denies, 不存在, and the denial after it, at the clause's end.
        for text in [
            "本年度无因政府信息公开引起的行政复议、行政诉讼。",
            "本年度无行政复议和行政诉讼。",
            "本年度不存在因政府信息公开引发的行政复议和行政诉讼。",
            "本年度因政府信息公开工作被申请行政复议、提起行政诉讼的情况均未发生。",
            "2022年，本机关政府信息公开行政复议、行政诉讼案件为零。",
            "全年政府信息公开行政复议、行政诉讼均为0件。",
            "本年度政府信息公开行政复议、行政诉讼情况：无",
        ] {
            assert_eq!(found("appeals.note", text), review, "{text}");
        }
        for text in [
            "本年度无依申请公开事项。",
            "全年无政府信息公开申请。",
            "本年度不存在依申请公开的情况。",
            "2022年，我局未收到依申请公开政府信息的申请。",
            "2022年度依申请公开数量为零。",
            "本年度依申请公开政府信息情况：无",
        ] {
            assert_eq!(found("requests.note", text), [vec!["requests.received.total"]], "{text}");
        }
        // Not a denial of the count: after it, of something else, of another year, or with figures.
        for text in [
            "行政复议尚未审结。",
            "行政复议案件数量未发生变化。",
            "没有收到行政复议决定书。",
            "2021年未发生行政复议。",
            "被申请行政复议1件，未被纠正。",
            "未发生申请人逾期未缴费的情况。",
            "未发生行政复议被纠正的情况。",
            "行政复议案件中未发生败诉。",
        ] {
            assert!(found("appeals.note", text).is_empty(), "{text}");
        }
        // Nor a denial of some of the requests only, or 无 in another word.
        for text in [
            "没有逾期答复的政府信息公开申请。",
            "依申请公开答复超期的情况未发生。",
            "对无法提供的政府信息公开申请，均书面告知申请人。",
            "申请人无正当理由大量反复提出的公开申请，不予处理。",
            "依申请公开未收取任何费用。",
        ] {
            assert!(found("requests.note", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_documents_made_repealed_and_in_force_are_checked() {
        // 3 规章 made, 0 repealed, 12 in force; 62 规范性文件 made (as 平潭 2024 states them), 3 repealed, 440 in force.
        let cells = [
            ("proactive.rules.issued", "3"),
            ("proactive.rules.repealed", "0"),
            ("proactive.rules.in_force", "12"),
            ("proactive.normative_docs.issued", "62"),
            ("proactive.normative_docs.repealed", "3"),
            ("proactive.normative_docs.in_force", "440"),
        ];
        let found = |text: &str| -> Vec<String> {
            let said = txt_num(&[("overview.proactive", text)], &cells).into_iter();
            said.filter(|f| f.keys().next() == Some("overview.proactive"))
                .map(|f| f.keys().nth(1).unwrap().into())
                .collect()
        };
        for agreeing in [
            "动态更新发布本年度制发行政规范性文件62件。",
            "本年印发规章3件，废止规范性文件3件，现行有效规范性文件440件。",
            // Not one column of one row: both rows, another act, 规章制度, a change.
            "制发规章、规范性文件共65件。",
            "清理规范性文件30件。",
            "制定内部规章制度5件。",
            "出台规范性文件较上年增加10件。",
        ] {
            assert_eq!(found(agreeing), Vec::<String>::new(), "{agreeing}");
        }
        assert_eq!(found("本年度制发行政规范性文件61件。"), ["proactive.normative_docs.issued"]);
        assert_eq!(found("废止规章1件。"), ["proactive.rules.repealed"]);
        assert_eq!(found("现行有效规章11件。"), ["proactive.rules.in_force"]);
        let message = &txt_num(&[("overview.proactive", "出台规范性文件60件")], &cells)[0].message;
        assert!(message.contains("而表二“行政规范性文件”本年制发件数为 62 件，两者不符。"), "{message}");
        // A cell left blank is published as 0, but the clerk sees it empty.
        let blank = [("proactive.normative_docs.issued", "")];
        let message = &txt_num(&[("overview.proactive", "出台规范性文件60件")], &blank)[0].message;
        assert!(message.ends_with("而表二“行政规范性文件”本年制发件数还空着。请核对文字或表格。"), "{message}");
        assert!(txt_num(&[("overview.proactive", "出台规范性文件0件")], &blank).is_empty(), "published as 0");
    }

    #[test]
    fn each_suit_is_checked_by_its_label() {
        let cells = [("appeals.suit_direct.upheld", "2"), ("appeals.suit_after_review.corrected", "1")];
        let said = |text| txt_num(&[("appeals.note", text)], &cells);
        assert!(said("被提起行政诉讼3件，其中未经复议直接起诉2件、复议后起诉1件。").is_empty());
        let found = said("被提起行政诉讼3件，其中未经复议直接起诉1件、行政复议后起诉2件。");
        let keys: Vec<Vec<&str>> = found.iter().map(|f| f.keys().skip(1).collect()).collect();
        assert_eq!(keys, [["appeals.suit_direct.total"], ["appeals.suit_after_review.total"]]);
        assert!(found[1].message.contains("而表四“复议后起诉”总计为 1 件"), "{}", found[1].message);
    }

    #[test]
    fn a_count_of_another_year_is_a_comparison_not_this_years_figure() {
        let received = [("requests.received.natural_person", "21")];
        for compared in [
            "与2021年收到申请18件相比，增加3件。",
            "比去年收到的申请18件增加3件。",
            "较上一年度新收申请18件有所增加。",
            "同期收到申请18件。",
            "2021年结转下年度继续办理4件。",
        ] {
            assert!(txt_num(&[("requests.note", compared)], &received).is_empty(), "{compared}");
        }
        // The report's own year (2022) is this year's figure, and still checked.
        let own = txt_num(&[("requests.note", "2022年收到申请18件。")], &received);
        assert_eq!(own.len(), 1);
        // A clause that names no year states this year's.
        assert_eq!(txt_num(&[("requests.note", "依规收到申请18件。")], &received).len(), 1);
    }

    #[test]
    fn the_outcome_categories_stated_are_checked() {
        // 9 予以公开, 2 部分公开, 1 不予公开 (属于国家秘密), 3 无法提供 (不掌握), 0 不予处理, 1 其他处理.
        let cells = [
            ("requests.received.natural_person", "16"),
            ("requests.disclosed.natural_person", "9"),
            ("requests.partially_disclosed.natural_person", "2"),
            ("requests.withheld.state_secret.natural_person", "1"),
            ("requests.unavailable.not_held.natural_person", "3"),
            ("requests.other_handling.other.natural_person", "1"),
        ];
        // The first table cell each finding points at.
        let said = |text: &str| -> Vec<String> {
            txt_num(&[("requests.note", text)], &cells)
                .into_iter()
                .map(|f| f.keys().nth(1).unwrap().to_string())
                .collect()
        };
        // As published reports state them, with what lies between the name and the count, and
        // counts with no measure word (left alone).
        let agreeing = [
            "其中，予以公开答复9件，占56%；部分公开2，占12.5%；不予公开1件；无法提供的3件；不予处理的0件；其他处理1件。",
            "其中，予以公开9件，部分公开2件，属于四类过程性信息1件，本办不掌握相关政府信息3件。",
            // What 按表格生成 writes.
            "办结16件，其中予以公开9件、部分公开2件、不予公开1件、无法提供3件、其他处理1件。",
        ];
        for text in agreeing {
            assert_eq!(said(text), Vec::<String>::new(), "{text}");
        }
        assert_eq!(
            said("其中予以公开8件、部分公开2件、不予公开2件、无法提供3件。"),
            ["requests.disclosed.total", "requests.withheld.state_secret.total"]
        );
        // The table's 总计 of a category with items is theirs added up.
        let message = &txt_num(&[("requests.note", "无法提供4件。")], &cells)[0].message;
        assert!(message.contains("“无法提供4件”，而表三“（四）无法提供”总计为 3 件"), "{message}");
        // Two categories counted together, 不予以公开 (not 予以公开), and a change are not a category's count.
        for other in ["予以公开及部分公开258件。", "不予以公开2件。", "较上年予以公开增加3件。", "2021年予以公开5件。"]
        {
            assert_eq!(said(other), Vec::<String>::new(), "{other}");
        }
    }

    #[test]
    fn the_seed_report_agrees_with_itself() {
        assert!(txt_num(&[], &[]).is_empty());
    }
}
