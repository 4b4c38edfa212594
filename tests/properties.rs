//! Invariants of the core over arbitrary input: totals the format derives always satisfy the
//! format's own sums, no text a clerk can type makes number parsing or the text checks panic, and
//! the report file's JSON reader and writer agree with an independent JSON library on every text.

use proptest::prelude::*;
use xxgk_nianbao::report::base::format::{
    APPEAL_COLUMNS, APPEAL_GROUPS, FieldKind, REQUEST_COLUMNS, RequestRowRole, appeal_cell, fields, request_cell,
    request_rows, text_parts,
};
use xxgk_nianbao::report::base::json::{self, Json};
use xxgk_nianbao::report::base::number::{MAX_AMOUNT_WAN, parse_amount, parse_count};
use xxgk_nianbao::report::{Report, Rule, Sheet, check, check_with_last_year};

/// A report with every typed count filled from `counts` (cycled), blanks where a count is `None`.
fn report_of(counts: &[Option<u32>]) -> Report {
    let mut report = Report::new();
    let typed = fields().iter().enumerate().filter(|(_, f)| f.kind == FieldKind::Count);
    for ((id, _), count) in typed.zip(counts.iter().cycle()) {
        report.set(id, count.map(|n| n.to_string()).unwrap_or_default());
    }
    report
}

/// Our reading of a text as the oracle's value: numbers through the oracle's own number reading,
/// objects with the last of a repeated name winning, as the oracle does.
fn as_oracle(value: &Json) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(text) => serde_json::from_str(text).expect("a number we accept is a number"),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(as_oracle).collect()),
        Json::Object(members) => Value::Object(members.iter().map(|(n, v)| (n.clone(), as_oracle(v))).collect()),
    }
}

/// Arbitrary JSON documents, with the characters that need escaping and numbers of every shape.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        "\\PC*|[\"\\\\/\u{0}-\u{1f}\u{7f}\u{2028}😀甲]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z.\"\\\\]{0,6}", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Whether the oracle reads a text, leaving aside numbers too large for its floating point, which
/// the report file's reader keeps as text.
fn oracle_accepts(text: &str) -> Option<bool> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(_) => Some(true),
        Err(e) if e.to_string().contains("number out of range") => None,
        Err(_) => Some(false),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn computed_totals_satisfy_the_row_column_and_appeal_sums(
        counts in prop::collection::vec(prop::option::weighted(0.9, 0u32..100_000), 1..200)
    ) {
        let report = report_of(&counts);
        let sheet = Sheet::of(&report);
        let count = |id| sheet.count(id).expect("every typed cell is a number or blank");
        for (r, row) in request_rows().iter().enumerate() {
            let sum: u64 = (0..6).map(|c| count(request_cell(r, c))).sum();
            prop_assert_eq!(count(request_cell(r, 6)), sum, "T3-ROW, row {}", row.key);
        }
        let total_row = request_rows().iter().position(|r| r.role == RequestRowRole::OutcomeTotal).unwrap();
        for (c, column) in REQUEST_COLUMNS.iter().enumerate() {
            let outcomes: u64 = request_rows()
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

    #[test]
    fn json_documents_read_as_the_oracle_reads_them(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
        let ours = json::parse(&text).map_err(|e| TestCaseError::fail(format!("{e} in {text}")))?;
        prop_assert_eq!(as_oracle(&ours), serde_json::from_str::<serde_json::Value>(&text).unwrap());
    }

    #[test]
    fn json_reader_refuses_exactly_what_the_oracle_refuses(tokens in prop::collection::vec(prop::sample::select(vec![
        "[", "]", "{", "}", ":", ",", " ", "\n", "\"a\"", "\"甲\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"",
        "\"\\udc00\\ud800\"", "\"\\x\"", "\"\u{1}\"", "\"\\/\\b\\f\"", "\"", "0", "1", "-0", "01", "-01", "1.", ".5",
        "1.5", "1e5", "1E+2", "2e-1", "1e", "-", "+1", "true", "false", "null", "nul", "True",
    ]), 0..10)) {
        let text = tokens.concat();
        if let Some(accepts) = oracle_accepts(&text) {
            prop_assert_eq!(json::parse(&text).is_ok(), accepts, "{:?}", text);
        }
    }

    #[test]
    fn every_cut_of_a_document_is_judged_as_the_oracle_judges_it(value in json_value(), cut in any::<prop::sample::Index>()) {
        let text = serde_json::to_string(&value).unwrap();
        let ends: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let prefix = &text[..ends[cut.index(ends.len())]];
        if let Some(accepts) = oracle_accepts(prefix) {
            prop_assert_eq!(json::parse(prefix).is_ok(), accepts, "{:?}", prefix);
        }
    }

    #[test]
    fn quoted_text_is_read_back_as_itself_by_both_readers(text in "\\PC*|[\"\\\\\u{0}-\u{1f}]{0,12}") {
        let mut quoted = String::new();
        json::quote(&mut quoted, &text);
        prop_assert_eq!(serde_json::from_str::<String>(&quoted).unwrap(), text.clone());
        prop_assert_eq!(json::parse(&quoted).unwrap(), Json::String(text));
    }

    #[test]
    fn a_report_file_reads_back_as_the_report_it_was_written_from(
        texts in prop::collection::vec(prop::option::of("\\PC*|[\"\\\\\n\t ]{0,6}"), 1..300)
    ) {
        let mut report = Report::new();
        for (id, text) in texts.iter().enumerate().take(fields().len()) {
            if let Some(text) = text {
                report.set(id, text.clone());
            }
        }
        let file = report.to_json();
        prop_assert!(serde_json::from_str::<serde_json::Value>(&file).is_ok());
        let loaded = Report::from_json(&file).unwrap();
        prop_assert_eq!(loaded.report, report);
        prop_assert!(loaded.unknown_keys.is_empty());
    }
}

proptest! {
    /// 一键排版 is a fixed point: what it gives, it leaves alone.
    #[test]
    fn tidying_twice_changes_nothing_more(text in "[一二三四五的是年件（）()，,.。;；:：、 \u{3000}\n0-9a-zA-Z]{0,80}") {
        let once = xxgk_nianbao::report::publish::tidy::tidy(&text);
        prop_assert_eq!(xxgk_nianbao::report::publish::tidy::tidy(&once), once);
    }
}

/// Texts made of the pieces the text checks look for — years, 年度, periods, the words after them,
/// counts with their measure words, clause marks, quotes — in any order.
fn clerks_text() -> impl Strategy<Value = String> {
    const PIECES: &str = "2021|2022|2023|２０２２|二〇二三|12|0|年|年度|1月1日|12月31日|统计期限|自|起至|止|政府信息公开|\
        工作年度报告|部门决算|财政|绩效|审计|收到|申请|结转下年度|行政复议|行政诉讼|复议后|件|起|均已办结|无|，|。|；|《|》|\n| |甲";
    let piece = prop::sample::select(PIECES.split('|').collect::<Vec<_>>());
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever a clerk types into the texts (years, periods, 年度 and the words after it, clause
    /// marks, counts with their measure words), the text checks run to the end: a check that
    /// panicked would stop the widget.
    #[test]
    fn the_text_checks_never_panic_on_any_text(
        texts in prop::collection::vec(clerks_text(), 1..8),
        year in "20[0-9][0-9]|[0-9]{0,5}",
    ) {
        let last_year = xxgk_nianbao::report::example();
        let mut report = last_year.clone();
        report.set_key("meta.year", year);
        for (&id, text) in text_parts().iter().zip(texts.iter().cycle()) {
            report.set(id, text.clone());
        }
        let _ = check_with_last_year(&report, Some(&last_year));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// The texts 按表格生成 writes state the tables' own counts (this year's, and last year's as a
    /// comparison): placed in the report, they never contradict it.
    #[test]
    fn the_drafted_texts_agree_with_the_tables(
        counts in prop::collection::vec(prop::option::weighted(0.9, 0u32..40), 1..200),
        with_last_year in any::<bool>(),
    ) {
        use xxgk_nianbao::report::publish::draft_text::draft_for;
        let last_year = with_last_year.then(xxgk_nianbao::report::example);
        let mut report = report_of(&counts);
        report.set_key("meta.year", "2023");
        for &id in text_parts() {
            if let Some(draft) = draft_for(id, &report, last_year.as_ref()) {
                report.set(id, draft);
            }
        }
        let said: Vec<String> =
            check(&report).into_iter().filter(|f| f.rule == Rule::TxtNum).map(|f| f.message).collect();
        prop_assert!(said.is_empty(), "{:?}", said);
    }

    /// The other way round: once a count of table 三 or 四 changes, the texts drafted before (the
    /// clerk drafted them, then corrected the table) are found to contradict it, whichever count
    /// it was — every count those texts state, in figures or as none, is checked.
    #[test]
    fn a_drafted_text_never_outlives_a_change_to_the_tables(
        counts in prop::collection::vec(0u32..40, 1..200),
        which in any::<prop::sample::Index>(),
        by in 1u32..5,
        with_last_year in any::<bool>(),
    ) {
        use xxgk_nianbao::report::publish::draft_text::draft_for;
        let last_year = with_last_year.then(xxgk_nianbao::report::example);
        let mut report = report_of(&counts.into_iter().map(Some).collect::<Vec<_>>());
        report.set_key("meta.year", "2023");
        for &id in text_parts() {
            if let Some(draft) = draft_for(id, &report, last_year.as_ref()) {
                report.set(id, draft);
            }
        }
        let counted: Vec<_> = fields()
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == FieldKind::Count && (f.key.starts_with("requests.") || f.key.starts_with("appeals.")))
            .map(|(id, f)| (id, f.key.clone()))
            .collect();
        let (id, key) = which.get(&counted);
        let before: u32 = report.text(*id).parse().unwrap();
        report.set(*id, (before + by).to_string());
        let said = check(&report).into_iter().filter(|f| f.rule == Rule::TxtNum).count();
        prop_assert!(said > 0, "{key} changed from {before} to {}, and no text was found to contradict it", before + by);
    }
}
