//! The text's own slips, where published reports most often contradict themselves: a year left
//! over from last year's text or 成文日期 (`TXT-YEAR`), "all settled" beside requests carried forward
//! (`TXT-DONE`), a §五 too thin to say anything (`TXT-SHORT`), a section copied from last year
//! (`TXT-COPY`), and typing slips (`TXT-FORM`). All are warnings: the clerk decides.

use crate::report::base::format::{
    FieldId, META_SCOPE, META_SIGNED_ON, PROBLEMS_LAST_YEAR, PROBLEMS_THIS_YEAR, RequestRowRole, SCOPE_REGION, field,
    id_of, section_of, text_parts,
};
use crate::report::base::text::{ascii_digit, is_han, squeezed};
use crate::report::check::text_numbers::row_total;
use crate::report::data::finding::{Finding, Rule};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;

/// Fewer characters than this in §五 say nothing about problems and their improvement.
pub const SHORT_PROBLEMS: usize = 30;
/// A text this many percent the same as last year's (by its pairs of characters) was copied.
pub const COPIED_PERCENT: usize = 90;
/// Texts shorter than this are not compared with last year's: 无 is the same every year.
const COPY_MIN_CHARS: usize = 20;

const SETTLED: [&str; 6] = ["均已办结", "全部办结", "均已按时办结", "全部按期办结", "均按时办结", "无结转"];
/// What an agency publishes in a year about the year before: “2018年度部门决算”, “2018年度财政支出
/// 项目绩效评价结果” in the 2019 report mean 2018. Not last year's 年度报告: “编制2018年度政府信息
/// 公开工作年度报告” left in the 2019 report's opening is the slip this rule is for.
const LAST_YEARS_ACCOUNTS: [&str; 4] = ["决算", "财政", "绩效", "审计"];

/// Every text field of the six sections, with its text.
fn texts(report: &Report) -> impl Iterator<Item = (FieldId, &str)> {
    text_parts().iter().map(|&id| (id, report.text(id)))
}

pub fn check_text_slips(report: &Report, sheet: &Sheet, last_year: Option<&Report>, findings: &mut Vec<Finding>) {
    let year = report.year();
    if let Some(year) = year {
        check_signed_on(report, year, findings);
    }
    for (id, text) in texts(report) {
        if let Some(year) = year {
            check_year(id, &squeezed(text), year, findings);
        }
        check_settled(id, text, sheet, findings);
        check_form(id, text, findings);
    }
    check_short(report, findings);
    if let Some(last) = last_year {
        check_copied(report, last, findings);
    }
}

/// The years a text names where it means the report's own: its statistical period, and
/// “2022年度” / “2022年政府信息公开” outside a quoted title 《…》 — save last year's accounts, which
/// are published this year. The text comes without spacing (“2021 年” as a PDF viewer's copy writes it).
fn check_year(id: FieldId, text: &str, year: u32, findings: &mut Vec<Finding>) {
    let chars: Vec<char> = text.chars().collect();
    let mut quoted = 0usize;
    let mut named: Vec<String> = Vec::new();
    let period = text.find("统计期限").map(|at| text[..at].chars().count());
    for i in 0..chars.len() {
        match chars[i] {
            '《' => quoted += 1,
            '》' => quoted = quoted.saturating_sub(1),
            _ => {}
        }
        let is_year = i + 4 < chars.len()
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars[i + 4] == '年';
        if !is_year || quoted > 0 {
            continue;
        }
        let after: String = chars[i + 5..chars.len().min(i + 22)].iter().collect();
        let in_period = period.is_some_and(|p| i > p && i < p + 40);
        let own = after.starts_with('度') || after.starts_with("政府信息公开") || after.starts_with("1月1日");
        if !(in_period || own) {
            continue;
        }
        let named_year: u32 = chars[i..i + 4].iter().collect::<String>().parse().unwrap_or(year);
        // The accounts' name follows 年度 in one run of words: “2021年度，…财政…” is not one.
        let last_years_accounts = || {
            let subject: String = after.chars().skip(1).take_while(|&c| is_han(c)).collect();
            after.starts_with('度') && LAST_YEARS_ACCOUNTS.iter().any(|a| subject.contains(a))
        };
        // Outside the period, next year's plans and last year's accounts, and (in 上年度存在问题)
        // any mention of last year, are meant.
        let meant = named_year == year
            || (!in_period && named_year == year + 1)
            || (!in_period && named_year + 1 == year && (id == id_of(PROBLEMS_LAST_YEAR) || last_years_accounts()));
        if !meant {
            let phrase: String = chars[i..chars.len().min(i + 9)].iter().collect();
            if !named.contains(&phrase) {
                named.push(phrase);
            }
        }
    }
    if let Some(first) = named.first() {
        findings.push(Finding::new(
            Rule::TxtYear,
            vec![id],
            format!(
                "{}写的是“{first}…”，而报告年度是 {year} 年。若沿用了上年的文字，请把年份改为 {year}。",
                field(id).place
            ),
        ));
    }
}

/// 成文日期 in a year other than the one after the report's: the report on a year is published by
/// 31 January of the next (条例 第五十条; a 本级政府's by 31 March), so a date of the report's own year, or of last year's
/// report's, was left from the copy it was started from. The year is read in Arabic digits or in
/// Chinese numerals (二〇二六年).
fn check_signed_on(report: &Report, year: u32, findings: &mut Vec<Finding>) {
    let id = id_of(META_SIGNED_ON);
    let digits: String = report
        .text(id)
        .chars()
        .map(arabic)
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let Some(signed) = digits.parse::<u32>().ok().filter(|_| digits.len() == 4) else { return };
    let next = year + 1;
    // An agency's report is due by 31 January; a 本级政府's, which sums up its region, by 31 March.
    let due = if report.get_key(META_SCOPE) == Some(SCOPE_REGION) { "3 月 31 日" } else { "1 月 31 日" };
    if signed != next {
        findings.push(Finding::new(
            Rule::TxtYear,
            vec![id],
            format!(
                "{}写的是 {signed} 年，而 {year} 年度的报告应在 {next} 年 {due}前公布。若沿用了上年的日期，请改为 {next} 年的日期。",
                field(id).place
            ),
        ));
    }
}

/// A digit written in Chinese (〇 to 九, 零) or full width (０ to ９) as an ASCII digit; any other
/// character as it is.
fn arabic(c: char) -> char {
    let chinese = "〇一二三四五六七八九".chars().position(|n| n == c).or((c == '零').then_some(0));
    match chinese {
        Some(n) => char::from(b'0' + n as u8),
        None => ascii_digit(c),
    }
}

/// “均已办结” / “无结转” beside requests carried forward. The number is looked at first: the
/// phrases are looked for only where they would be wrong. (A text that says there was no 行政复议
/// or 行政诉讼 is `TXT-NUM`'s, a count of 0 in words.)
fn check_settled(id: FieldId, text: &str, sheet: &Sheet, findings: &mut Vec<Finding>) {
    let (carried, named) = row_total(RequestRowRole::CarriedForward);
    let carried_n = sheet.count(carried).unwrap_or_default();
    if carried_n > 0
        && (text.contains("办结") || text.contains("结转"))
        && let Some(said) = SETTLED.iter().find(|s| text.contains(*s))
    {
        findings.push(Finding::new(
            Rule::TxtDone,
            vec![id, carried],
            format!("{}写“{said}”，而{named}为 {carried_n} 件。请核对文字或表格。", field(id).place),
        ));
    }
}

/// §五 with too little in it, or with one of its two parts missing. (Empty or 无 is TXT-EMPTY's.)
fn check_short(report: &Report, findings: &mut Vec<Finding>) {
    let (last, this) = (id_of(PROBLEMS_LAST_YEAR), id_of(PROBLEMS_THIS_YEAR));
    let content = |id| report.text(id).chars().filter(|c| !c.is_whitespace()).count();
    let (last_n, this_n) = (content(last), content(this));
    let heading = section_of(PROBLEMS_THIS_YEAR).heading;
    if last_n + this_n == 0 {
        return;
    }
    if last_n + this_n < SHORT_PROBLEMS {
        findings.push(Finding::new(
            Rule::TxtShort,
            vec![last, this],
            format!(
                "{heading} 只有 {} 个字，说不清问题和改进：应写明上年度问题的改进情况，以及本年度存在的问题和改进举措。",
                last_n + this_n
            ),
        ));
    } else if last_n == 0 || this_n == 0 {
        let missing = if last_n == 0 { last } else { this };
        findings.push(Finding::new(
            Rule::TxtShort,
            vec![missing],
            format!(
                "{heading} 缺少“{}”一部分，两部分都应写。",
                field(missing).place.trim_start_matches(heading).trim()
            ),
        ));
    }
}

/// A section's text the same as last year's, or nearly.
fn check_copied(report: &Report, last: &Report, findings: &mut Vec<Finding>) {
    for (id, text) in texts(report) {
        let (now, before) = (squeezed(text), squeezed(last.text(id)));
        if now.chars().count() < COPY_MIN_CHARS || before.chars().count() < COPY_MIN_CHARS {
            continue;
        }
        let same = percent_same(&now, &before);
        if same >= COPIED_PERCENT {
            let how = if now == before {
                "与上年报告完全相同".to_string()
            } else {
                format!("与上年报告 {same}% 相同")
            };
            findings.push(Finding::new(
                Rule::TxtCopy,
                vec![id],
                format!("{}{how}。每年的情况不同，请按本年度的工作重写，至少更新年份和数字。", field(id).place),
            ));
        }
    }
}

/// How many percent two texts share, by their pairs of adjacent characters (the Sørensen–Dice
/// coefficient, rounded down): 100 for the same text, near 0 for unrelated ones. Integer
/// arithmetic only: formatting a float would add 10 KB to the widget.
fn percent_same(a: &str, b: &str) -> usize {
    // Ordered by binary-search insertion rather than a sort: each sort the widget links costs it
    // a kilobyte of download, and a text part has a few hundred pairs.
    let pairs = |s: &str| {
        let chars: Vec<char> = s.chars().collect();
        let mut pairs: Vec<u64> = Vec::with_capacity(chars.len());
        for w in chars.windows(2) {
            let pair = (u64::from(w[0]) << 32) | u64::from(w[1]);
            pairs.insert(pairs.partition_point(|&p| p < pair), pair);
        }
        pairs
    };
    let (x, y) = (pairs(a), pairs(b));
    if x.is_empty() || y.is_empty() {
        return if a == b { 100 } else { 0 };
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    200 * shared / (x.len() + y.len())
}

/// Typing slips: a word typed twice (资金资金), ASCII punctuation between Chinese characters, and
/// numbering that mixes levels — a part's paragraphs numbered 一、 (the level of the six headings)
/// or numbered both 1. and 1、.
fn check_form(id: FieldId, text: &str, findings: &mut Vec<Finding>) {
    let chars: Vec<char> = text.chars().collect();
    let mut slips: Vec<String> = Vec::new();
    'doubled: for len in 2..=4 {
        for i in 0..chars.len().saturating_sub(2 * len - 1) {
            if chars[i] != chars[i + len] {
                continue;
            }
            let (a, b) = (&chars[i..i + len], &chars[i + len..i + 2 * len]);
            if a == b && a.iter().all(|&c| is_han(c)) && a[0] != a[1] {
                slips.push(format!("“{}”重复", a.iter().collect::<String>().repeat(2)));
                break 'doubled;
            }
        }
    }
    if let Some(w) = chars
        .windows(3)
        .find(|w| w[1].is_ascii_punctuation() && ",.;:?!()".contains(w[1]) && is_han(w[0]) && is_han(w[2]))
    {
        slips.push(format!("“{}”中用了英文标点“{}”", w.iter().collect::<String>(), w[1]));
    }
    let openers: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let numbered = |p: &str, mark: char| {
        let digits: String = p.chars().take_while(|c| c.is_ascii_digit()).collect();
        !digits.is_empty() && p[digits.len()..].starts_with(mark)
    };
    const HEADING_NUMERALS: [&str; 9] = ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、"];
    if openers.iter().any(|p| HEADING_NUMERALS.iter().any(|n| p.starts_with(n))) {
        slips.push("段首的“一、”“二、”是六个节标题的序号，节内请用（一）、1.、（1）".to_string());
    }
    if openers.iter().any(|p| numbered(p, '.')) && openers.iter().any(|p| numbered(p, '、')) {
        slips.push("同一层序号混用了“1.”和“1、”".to_string());
    }
    if !slips.is_empty() {
        findings.push(Finding::new(Rule::TxtForm, vec![id], format!("{}：{}。", field(id).place, slips.join("；"))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check::rules::check_with_last_year;

    fn with(texts: &[(&str, &str)], numbers: &[(&str, &str)]) -> Report {
        crate::report::example().filled(texts).filled(numbers)
    }

    fn found(report: &Report, last: Option<&Report>, rule: Rule) -> Vec<String> {
        check_with_last_year(report, last).into_iter().filter(|f| f.rule == rule).map(|f| f.message).collect()
    }

    #[test]
    fn the_examples_texts_have_none_of_these_slips() {
        let example = crate::report::example();
        for rule in [Rule::TxtYear, Rule::TxtDone, Rule::TxtShort, Rule::TxtForm] {
            assert_eq!(found(&example, None, rule), Vec::<String>::new(), "{rule:?}");
        }
    }

    #[test]
    fn a_year_left_from_last_years_text_is_named_and_other_years_are_not() {
        let stale = with(&[("overview.intro", "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。")], &[]);
        let said = found(&stale, None, Rule::TxtYear);
        assert_eq!(said.len(), 1);
        assert!(said[0].contains("“2021年1月1日"), "{said:?}");
        let stale = with(&[("overview.proactive", "本机关2021年度共主动公开信息266条。")], &[]);
        assert_eq!(found(&stale, None, Rule::TxtYear).len(), 1);
        let stale = with(&[("overview.proactive", "2021年度，本机关主动公开财政预决算信息。")], &[]);
        assert_eq!(found(&stale, None, Rule::TxtYear).len(), 1);
        let stale = with(&[("overview.intro", "现编制2021年度政府信息公开工作年度报告。")], &[]);
        assert_eq!(found(&stale, None, Rule::TxtYear).len(), 1);
        // Written with spaces, as a PDF viewer's copy (and many clerks) write it.
        let stale = with(
            &[("overview.intro", "本报告所列数据的统计期限自 2021 年 1 月 1 日起至 2021 年 12 月 31 日止。")],
            &[],
        );
        let said = found(&stale, None, Rule::TxtYear);
        assert!(said.len() == 1 && said[0].contains("“2021年1月1日"), "{said:?}");
        // Near misses: last year named as last year, a dated document's title, next year's plans,
        // last year's accounts (as the 2019 report of 上海市人民政府办公厅 names them).
        let fine = with(
            &[
                ("problems.last_year", "2021年度存在的问题已整改。"),
                ("overview.proactive", "发布2021年度部门决算、2021年度财政支出项目绩效评价结果。"),
                ("overview.management", "落实《2021年政府信息公开工作要点》，2023年度将继续改进。"),
            ],
            &[],
        );
        assert_eq!(found(&fine, None, Rule::TxtYear), Vec::<String>::new());
    }

    #[test]
    fn a_date_not_in_the_year_after_the_reports_is_said() {
        // The example is the 2022 report, dated 2023年1月17日.
        assert_eq!(
            found(&with(&[("meta.signed_on", "二〇二三年一月十七日")], &[]), None, Rule::TxtYear),
            Vec::<String>::new()
        );
        assert_eq!(found(&with(&[("meta.signed_on", "2023-01-17")], &[]), None, Rule::TxtYear), Vec::<String>::new());
        for stale in ["2022年1月17日", "二〇二二年一月十七日", "２０２４年１月５日"] {
            let said = found(&with(&[("meta.signed_on", stale)], &[]), None, Rule::TxtYear);
            assert_eq!(said.len(), 1, "{stale}");
            assert!(said[0].starts_with("成文日期写的是 20") && said[0].contains("请改为 2023 年的日期"), "{said:?}");
        }
        // Not a date to read a year from: nothing said (the clerk sees the date as typed).
        assert_eq!(found(&with(&[("meta.signed_on", "1月17日")], &[]), None, Rule::TxtYear), Vec::<String>::new());
        // A 本级政府's report is due by 31 March, an agency's by 31 January.
        let region =
            found(&with(&[("meta.signed_on", "2022年3月20日"), ("meta.scope", "region")], &[]), None, Rule::TxtYear);
        assert!(region[0].contains("应在 2023 年 3 月 31 日前公布"), "{region:?}");
        let agency = found(&with(&[("meta.signed_on", "2022年3月20日")], &[]), None, Rule::TxtYear);
        assert!(agency[0].contains("应在 2023 年 1 月 31 日前公布"), "{agency:?}");
    }

    #[test]
    fn all_settled_beside_requests_carried_forward_is_said_and_the_cells_named() {
        let report =
            with(&[("requests.note", "全年申请均已办结。")], &[("requests.carried_forward.natural_person", "2")]);
        let findings: Vec<Finding> =
            check_with_last_year(&report, None).into_iter().filter(|f| f.rule == Rule::TxtDone).collect();
        assert_eq!(findings.len(), 1);
        assert!(findings[0].keys().any(|k| k == "requests.carried_forward.total"));
        let none_left = with(&[("requests.note", "全年申请均已办结。")], &[]);
        assert_eq!(found(&none_left, None, Rule::TxtDone), Vec::<String>::new());
    }

    #[test]
    fn a_thin_problems_section_or_one_missing_part_is_said() {
        let thin = with(&[("problems.last_year", "已整改。"), ("problems.this_year", "仍有不足。")], &[]);
        assert!(found(&thin, None, Rule::TxtShort)[0].contains("只有 9 个字"));
        let one = with(
            &[
                ("problems.last_year", ""),
                ("problems.this_year", &"本年度存在政策解读形式单一的问题，将丰富解读形式。".repeat(2)),
            ],
            &[],
        );
        let said = found(&one, None, Rule::TxtShort);
        assert_eq!(said.len(), 1);
        assert!(said[0].contains("上年度"), "{said:?}");
        let empty = with(&[("problems.last_year", ""), ("problems.this_year", "")], &[]);
        assert_eq!(found(&empty, None, Rule::TxtShort), Vec::<String>::new(), "empty is TXT-EMPTY's");
    }

    #[test]
    fn a_section_copied_from_last_year_is_said_with_how_much() {
        let last = crate::report::example();
        let mut this = last.clone();
        assert_eq!(
            found(&this, Some(&last), Rule::TxtCopy).len(),
            texts(&this).filter(|(_, t)| squeezed(t).chars().count() >= 20).count()
        );
        let rewritten: String =
            "今年我局围绕政务公开重点，新增解读栏目，完善依申请公开办理流程，群众满意度进一步提高。".repeat(2);
        for (id, _) in texts(&last).collect::<Vec<_>>() {
            this.set(id, rewritten.clone());
        }
        assert_eq!(found(&this, Some(&last), Rule::TxtCopy), Vec::<String>::new());
        // Only the year changed: still 90 % the same.
        let mut dated = last.clone();
        let id = id_of("overview.proactive");
        dated.set(id, last.text(id).replace("2022", "2023"));
        let said = found(&dated, Some(&last), Rule::TxtCopy);
        assert!(said.iter().any(|m| m.contains("% 相同")), "{said:?}");
    }

    #[test]
    fn typing_slips_are_named_and_ordinary_text_is_not() {
        let slips =
            with(&[("overview.management", "加强资金资金管理,落实责任。\n1.第一项\n1、第二项\n一、不该这样编号")], &[]);
        let said = found(&slips, None, Rule::TxtForm);
        assert_eq!(said.len(), 1);
        for part in ["“资金资金”重复", "英文标点“,”", "“一、”“二、”是六个节标题的序号", "混用了“1.”和“1、”"]
        {
            assert!(said[0].contains(part), "{part}: {said:?}");
        }
        let fine = with(&[("overview.management", "常常研究，人人参与。1.第一项\n2.第二项\n数字2.5万元。")], &[]);
        assert_eq!(found(&fine, None, Rule::TxtForm), Vec::<String>::new());
    }
}
