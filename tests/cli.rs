//! The `xxgk` command line: exit codes, the findings it prints and the fragment it writes.

use std::path::PathBuf;
use std::process::{Command, Output};

fn xxgk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xxgk")).args(args).output().expect("xxgk runs")
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

fn example_file() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/report/xxgk-nianbao-example.json").display().to_string()
}

/// Writes a report file with the seed's fields plus `changes`, for one test.
fn seed_with(name: &str, changes: &[(&str, &str)]) -> String {
    let mut report = xxgk_nianbao::report::example();
    for (key, value) in changes {
        assert!(report.set_key(key, *value));
    }
    let path = std::env::temp_dir().join(format!("xxgk-cli-{}-{name}.json", std::process::id()));
    std::fs::write(&path, report.to_json()).unwrap();
    path.display().to_string()
}

#[test]
fn check_passes_a_consistent_report() {
    let out = xxgk(&["check", &example_file()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
}

#[test]
fn check_exits_1_on_an_error_and_prints_one_json_object_per_finding() {
    let path = seed_with("bal", &[("requests.received.natural_person", "3"), ("requests.disclosed.other_org", "")]);
    let out = xxgk(&["check", "--json", &path]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let rules: Vec<&str> = lines.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    // In form order: the note of §三 (its "收到…申请0件" now contradicts the table), then both
    // columns of row 一, then the blank cell.
    assert_eq!(rules, ["TXT-NUM", "T3-BAL", "T3-BAL", "BLANK"]);
    assert_eq!(lines[0]["severity"], "warning");
    assert_eq!(lines[0]["keys"], serde_json::json!(["requests.note", "requests.received.total"]));
    assert_eq!(lines[1]["severity"], "error");
    assert!(lines[1]["message"].as_str().unwrap().contains("一+二 = 3，（七）总计+四 = 0，相差 3 件"));
    assert_eq!(lines[3]["severity"], "warning");
    assert_eq!(lines[3]["keys"], serde_json::json!(["requests.disclosed.other_org"]));
}

#[test]
fn check_exits_0_when_there_are_only_warnings() {
    let path = seed_with("warn", &[("other_matters", "")]);
    let out = xxgk(&["check", &path]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("提醒\tTXT-EMPTY\t六、其他需要报告的事项"), "{text}");
}

#[test]
fn check_says_on_stderr_what_is_open_that_no_finding_names() {
    // Without its 成文日期 the report has no finding (no rule speaks of the 落款): the output stays
    // a finding a line, and what is still open is said beside it.
    let undated = seed_with("undated", &[("meta.signed_on", "")]);
    let out = xxgk(&["check", &undated]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(String::from_utf8(out.stderr).unwrap(), format!("xxgk: {undated}: 尚未填完：落款没有成文日期\n"));
    // So does `import --findings` of a report file, after them.
    let out = xxgk(&["import", "--findings", &undated]);
    let said = format!("xxgk: {undated}: 报告文件\nxxgk: {undated}: 尚未填完：落款没有成文日期\n");
    assert_eq!(String::from_utf8(out.stderr).unwrap(), said);
    // A cell left blank is a BLANK finding already: not said twice.
    let blank = seed_with("blank-cell", &[("requests.received.research", "")]);
    let out = xxgk(&["check", &blank]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("\tBLANK\t"));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(xxgk(&["check", &example_file()]).stderr.is_empty());
}

#[test]
fn render_writes_its_output_and_says_what_the_report_still_has_to_be_done() {
    // As the widget asks before a copy: the errors, the warnings and what is still open.
    let wrong = seed_with("to-do", &[("requests.received.total", "999"), ("meta.signed_on", "")]);
    let out = xxgk(&["render", &wrong]);
    assert_eq!(out.status.code(), Some(1), "a report with errors is not said to be fine");
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("<h3"), "the fragment is written all the same");
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.starts_with(&format!("xxgk: {wrong}: 报告还有 ")), "{said}");
    assert!(said.contains("个错误，发布前应当改正；") && said.ends_with("尚未填完：落款没有成文日期。\n"), "{said}");

    let docx = std::env::temp_dir().join(format!("xxgk-cli-{}-to-do.docx", std::process::id()));
    let out = xxgk(&["render", "--docx", &wrong, "-o", docx.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), said);

    // With only something open, the output is fine to use (exit 0), and the clerk is still told.
    let undated = seed_with("undated-render", &[("meta.signed_on", "")]);
    let out = xxgk(&["render", "--text", &undated]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), format!("xxgk: {undated}: 报告尚未填完：落款没有成文日期。\n"));
    let svg = std::env::temp_dir().join(format!("xxgk-cli-{}-to-do.svg", std::process::id()));
    let out = xxgk(&["render", "--chart", &undated, "-o", svg.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), format!("xxgk: {undated}: 报告尚未填完：落款没有成文日期。\n"));
}

#[test]
fn render_writes_the_fragment() {
    let out = xxgk(&["render", &example_file()]);
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<h3"));
    assert!(html.contains("咸宁市政务服务和大数据管理局"));
}

#[test]
fn import_writes_the_report_file_and_says_what_it_found_on_request() {
    let out = xxgk(&["import", &fixture("2024_pingtan_zhsyq.txt")]);
    assert_eq!(out.status.code(), Some(0));
    let report = xxgk_nianbao::report::Report::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap().report;
    assert_eq!(report.get_key("requests.received.natural_person"), Some("217"));
    assert!(out.stderr.is_empty());
    let out = xxgk(&["import", "--findings", &fixture("2020_pingtan_zhsyq.txt")]);
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("2019年格式"));
    assert!(said.contains("错误\tOLD-FORMAT\t"));
    assert!(said.contains("错误\tT3-SUM\t表三「自然人」列"));
    assert!(!String::from_utf8(out.stdout).unwrap().contains("OLD-FORMAT"), "stdout is the report file alone");
}

#[test]
fn bad_files_and_bad_calls_exit_2_with_one_line() {
    let path = std::env::temp_dir().join(format!("xxgk-cli-{}-bad.json", std::process::id()));
    std::fs::write(&path, r#"{"format":"xxgk-nianbao/9","fields":{}}"#).unwrap();
    for args in [
        vec!["check", path.to_str().unwrap()],
        vec!["check", "/nonexistent/report.json"],
        vec!["render", &fixture("2022_xianning_zwfw.txt")],
        vec!["frobnicate", path.to_str().unwrap()],
        vec!["import", "--json", path.to_str().unwrap()],
        vec![],
    ] {
        let out = xxgk(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("xxgk: "));
    }
}

#[test]
fn a_published_report_given_for_a_report_file_is_said_to_be_one_with_the_commands_that_read_it() {
    for (file, this) in [
        (fixture("2022_xianning_zwfw.txt"), "这是网页或文本，"),
        (fixture("docx/report.pdf"), "这是 PDF 文件，"),
        (fixture("docx/template_2021.docx"), "这是 Word 文件，"),
        (fixture("docx/report.doc"), "这是 Word 97–2003 或 WPS 文件，"),
    ] {
        let out = xxgk(&["check", &file]);
        assert_eq!(out.status.code(), Some(2));
        let said = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            said,
            format!(
                "xxgk: {file}: {this}不是报告文件（.json）：已发布的报告请先用 xxgk import 读成报告文件，或用 xxgk audit 直接审核\n"
            )
        );
    }
    // A file that is not there, or a folder, is said in words; a report file is not a published page.
    let said = |args: &[&str]| {
        let out = xxgk(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    assert_eq!(said(&["check", "/nonexistent/report.json"]), "xxgk: /nonexistent/report.json: 找不到这个文件\n");
    let folder = fixture("docx");
    assert_eq!(
        said(&["check", &folder]),
        format!("xxgk: {folder}: 这是文件夹：要逐份审核文件夹中的报告，请用 xxgk audit\n")
    );
    assert!(said(&["verify", &example_file(), &example_file()]).ends_with(
        ": 这是报告文件（.json），不是发布后的网页：请给出网站上发布的页面（另存的网页，或复制下来的文字）\n"
    ));
    // A report file given to import is one already: written out as it is read.
    let out = xxgk(&["import", "--findings", &example_file()]);
    assert_eq!(out.status.code(), Some(0));
    let written = xxgk_nianbao::report::Report::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(written.report, xxgk_nianbao::report::example());
    assert!(String::from_utf8(out.stderr).unwrap().starts_with(&format!("xxgk: {}: 报告文件\n", example_file())));
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    // As `xxgk render f | head -1` does once it has its line: the pipe is closed before the
    // fragment is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_xxgk"))
        .args(["render", &example_file()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("xxgk runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("xxgk ends");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn check_runs_the_cross_year_checks_with_last_years_report() {
    // Last year's 结转下年度 自然人 was 3; this year's 上年结转 says 0.
    let last = seed_with("last", &[("requests.carried_forward.natural_person", "3")]);
    let this = example_file();
    let out = xxgk(&["check", &this, "--last-year", &last]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("X-CARRY\t表三「二、上年结转」「自然人」= 0"), "{stdout}");
    assert_eq!(out.status.code(), Some(0), "X-CARRY is a warning");
    let without = xxgk(&["check", &this]);
    assert!(!String::from_utf8_lossy(&without.stdout).contains("X-CARRY"));
    assert_eq!(xxgk(&["check", &this, "--last-year"]).status.code(), Some(2), "the option needs a file");
}

#[test]
fn a_report_file_that_carries_last_years_report_is_checked_against_it() {
    let mut report = xxgk_nianbao::report::example();
    let mut last = xxgk_nianbao::report::example();
    assert!(last.set_key("requests.carried_forward.commercial", "2"));
    assert!(report.set_key("requests.carried_over.commercial", "1"));
    let path = std::env::temp_dir().join(format!("xxgk-cli-{}-with-last.json", std::process::id()));
    std::fs::write(&path, report.to_file(Some(&last))).unwrap();
    let out = xxgk(&["check", "--json", &path.display().to_string()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\"rule\":\"X-CARRY\""), "{stdout}");
    assert!(stdout.contains("requests.carried_over.commercial"), "{stdout}");
}

#[test]
fn pages_and_texts_in_other_encodings_import_as_their_utf8_originals() {
    let utf8_import = |text: String| {
        let path = std::env::temp_dir().join(format!("xxgk-cli-{}-{}.html", std::process::id(), text.len()));
        std::fs::write(&path, text).unwrap();
        xxgk(&["import", &path.display().to_string()])
    };
    // The GBK page is the shanghai fixture wrapped as make-encodings.sh wraps it; here its twin
    // in UTF-8, saying so.
    let shanghai = std::fs::read_to_string(fixture("2019_shanghai_szfbgt.html")).unwrap();
    let wrapped = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>\n{shanghai}\n</body></html>\n"
    );
    let gbk = xxgk(&["import", &fixture("2019_shanghai_szfbgt_gbk.html")]);
    assert_eq!(gbk.status.code(), Some(0), "{}", String::from_utf8_lossy(&gbk.stderr));
    assert!(gbk.stdout == utf8_import(wrapped).stdout, "the GBK page reads as its UTF-8 twin");
    assert!(String::from_utf8_lossy(&gbk.stdout).contains("\"requests.received.natural_person\": \"821\""));

    let utf16 = xxgk(&["import", &fixture("2022_xianning_zwfw_utf16.txt")]);
    let original = xxgk(&["import", &fixture("2022_xianning_zwfw.txt")]);
    assert_eq!(utf16.status.code(), Some(0));
    assert!(utf16.stdout == original.stdout, "the UTF-16 text reads as the original");
    assert!(String::from_utf8_lossy(&utf16.stdout).contains("咸宁市政务服务和大数据管理局"));
}

#[test]
fn what_is_not_a_report_is_refused_with_exit_2() {
    // 10 MB of bytes that are no report in any encoding.
    let mut noise = Vec::with_capacity(10 * 1024 * 1024);
    let mut x: u32 = 2463534242;
    while noise.len() < 10 * 1024 * 1024 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.extend_from_slice(&x.to_le_bytes());
    }
    let path = std::env::temp_dir().join(format!("xxgk-cli-{}-noise.bin", std::process::id()));
    std::fs::write(&path, &noise).unwrap();
    let out = xxgk(&["import", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有找到年度报告的表格和正文"));
    assert_eq!(out.stdout, b"", "no empty report is written");
    let prose = std::env::temp_dir().join(format!("xxgk-cli-{}-prose.txt", std::process::id()));
    std::fs::write(&prose, "关于做好2025年春节期间安全生产工作的通知\n各单位：请认真落实值班制度。").unwrap();
    assert_eq!(xxgk(&["import", &prose.display().to_string()]).status.code(), Some(2));
}

/// The portal editors whose saved HTML (after 复制（带格式）and Control+V) is in
/// `tests/fixtures/editors/`, kept current by `tests/e2e/editors.test.mjs`; and whether they keep
/// the tables' lines in the HTML.
const EDITOR_PAGES: [(&str, bool); 7] = [
    ("ueditor", true),
    ("tinymce", true),
    ("ckeditor4", true),
    ("kindeditor", true),
    ("wangeditor4", false),
    ("wangeditor5", false),
    ("ckeditor5", false),
];

fn temp_file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("xxgk-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn verify_finds_every_number_and_text_on_each_editors_saved_page() {
    let report = fixture("editors/report.json");
    for (editor, lined) in EDITOR_PAGES {
        let out = xxgk(&["verify", &report, &fixture(&format!("editors/{editor}.html"))]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{editor}: {}", String::from_utf8_lossy(&out.stdout));
        assert_eq!(out.stdout, b"", "{editor}");
        assert!(stderr.contains("发布页与报告一致（200 个数字、20 段文字）"), "{editor}: {stderr}");
        assert_eq!(!stderr.contains("表二、表三、表四没有表格线"), lined, "{editor}: {stderr}");
    }
}

#[test]
fn verify_names_a_changed_number_and_a_cut_paragraph() {
    let report = fixture("editors/report.json");
    let paragraph = "2022年我局共收到信息公开申请9906件。";
    for (editor, _) in EDITOR_PAGES {
        let page = std::fs::read_to_string(fixture(&format!("editors/{editor}.html"))).unwrap();
        // 9906 is the 一 总计 cell, and a number in the paragraph about it.
        let outside = page.replace(paragraph, "");
        assert_eq!(outside.matches("9906").count(), 1, "{editor}: the 一 总计 cell");
        let changed = page.replace(paragraph, "\u{1}").replace("9906", "9960").replace('\u{1}', paragraph);
        let changed = temp_file(&format!("{editor}-changed.html"), &changed);
        let out = xxgk(&["verify", &report, &changed]);
        assert_eq!(out.status.code(), Some(1), "{editor}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "requests.received.total\t9906\t9960\n", "{editor}");

        assert_eq!(page.matches(paragraph).count(), 1, "{editor}");
        let cut = temp_file(&format!("{editor}-cut.html"), &page.replace(paragraph, ""));
        let out = xxgk(&["verify", &report, &cut]);
        assert_eq!(out.status.code(), Some(1), "{editor}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), format!("requests.note\t{paragraph}\t（缺）\n"), "{editor}");
    }
}

#[test]
fn verify_reads_back_the_importers_fixtures() {
    for name in [
        "2022_xianning_zwfw.txt",
        "2022_xianning_zwfw_utf16.txt",
        "2022_pingtan_gaj.txt",
        "2024_pingtan_zhsyq.txt",
        "2020_pingtan_zhsyq.txt",
        "2019_shanghai_szfbgt_gbk.html",
    ] {
        let imported = xxgk(&["import", &fixture(name)]);
        let report = temp_file(&format!("{name}.json"), &String::from_utf8(imported.stdout).unwrap());
        let out = xxgk(&["verify", &report, &fixture(name)]);
        let stdout = String::from_utf8(out.stdout).unwrap();
        // What the importer could not read is blank in the report, printed as 0 (or as the total
        // of what was read) and missing from the page; everything it read is found where it was.
        for line in stdout.lines() {
            assert!(line.ends_with("\t（缺）"), "{name}: {line}");
        }
        let fully_read = name.starts_with("2022");
        assert_eq!(out.status.code(), Some(if fully_read { 0 } else { 1 }), "{name}: {stdout}");
    }
    assert_eq!(xxgk(&["verify", &fixture("editors/report.json")]).status.code(), Some(2));
    assert_eq!(xxgk(&["verify", &fixture("editors/report.json"), "/nonexistent.html"]).status.code(), Some(2));
}

#[test]
fn verify_reads_the_page_as_text_too() {
    // What a plain-text copy of the published page gives: the report's words and the tables'
    // rows, tab-separated.
    let report = fixture("editors/report.json");
    let text = xxgk(&["render", "--text", &report]);
    let page = temp_file("page.txt", &String::from_utf8(text.stdout).unwrap());
    let out = xxgk(&["verify", &report, &page]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stderr).contains("发布页与报告一致（200 个数字、20 段文字）"));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("，但"), "a whole report: nothing else said");

    // A page that is the report while the report leaves a cell blank (so its column no longer
    // balances): the agreement is said with what the report still has to be done.
    let mut blank = xxgk_nianbao::report::Report::from_json(&std::fs::read_to_string(&report).unwrap()).unwrap().report;
    blank.set_key("requests.received.research", "");
    let blank = temp_file("blank.json", &blank.to_file(None));
    let text = xxgk(&["render", "--text", &blank]);
    let page = temp_file("blank-page.txt", &String::from_utf8(text.stdout).unwrap());
    let out = xxgk(&["verify", &blank, &page]);
    assert_eq!(out.status.code(), Some(0), "the page is as the report");
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    let to_do = "但报告还有 2 个错误，发布前应当改正；尚未填完：1 个数字格未填，将按 0 发布。";
    assert!(said.contains(&format!("发布页与报告一致（200 个数字、20 段文字），{to_do}")), "{said}");
}

#[test]
fn import_reads_word_and_pdf_files_and_refuses_ofd_with_what_to_do() {
    // The page as published from the report the files were made from, whose 依申请公开 paragraph
    // said 0 then (tests/import.rs, `source_report`).
    let page = std::fs::read_to_string(fixture("editors/ueditor.html")).unwrap();
    let published = temp_file("published.html", &page.replace("办理依申请公开11121件", "办理依申请公开0件"));
    for word in ["docx/report_wps.docx", "docx/report.doc"] {
        let out = xxgk(&["import", &fixture(word)]);
        assert_eq!(out.status.code(), Some(0), "{word}");
        let file = temp_file("from-word.json", &String::from_utf8(out.stdout).unwrap());
        let verify = xxgk(&["verify", &file, &published]);
        assert_eq!(verify.status.code(), Some(0), "{word} holds what the published page does");
    }

    let out = xxgk(&["import", &fixture("docx/report.pdf")]);
    assert_eq!(out.status.code(), Some(0));
    let file = temp_file("from-pdf.json", &String::from_utf8(out.stdout).unwrap());
    let verify = xxgk(&["verify", &file, &published]);
    assert_eq!(verify.status.code(), Some(0), "{}", String::from_utf8_lossy(&verify.stdout));
    let broken = temp_file("broken.pdf", "%PDF-1.7\n");
    let out = xxgk(&["import", &broken]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("全选（Ctrl+A）复制"));
    let ofd = xxgk(&["import", &fixture("docx/report.ofd")]);
    assert_eq!(ofd.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&ofd.stderr).contains("这是 OFD 版式文件"));
    let scan = xxgk(&["import", &fixture("docx/no_text.pdf")]);
    assert_eq!(scan.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&scan.stderr).contains("可能是扫描件"));
}

#[test]
fn rules_lists_every_rule_a_check_can_name() {
    let out = xxgk(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let listed = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<&str> = listed.lines().map(|line| line.split('\t').next().unwrap()).collect();
    assert_eq!(ids.len(), 20);
    assert!(listed.lines().any(|line| line.starts_with("T3-BAL\terror\t表三每列")), "{listed}");
    // Every rule `check --json` names on a report with errors and warnings is listed.
    let check = xxgk(&["check", "--json", &fixture("editors/report.json")]);
    let named = String::from_utf8(check.stdout).unwrap();
    for finding in named.lines() {
        let rule = finding.split('"').nth(3).unwrap();
        assert!(ids.contains(&rule), "{rule}");
    }
    assert_eq!(xxgk(&["rules", "extra"]).status.code(), Some(2));
}

#[test]
fn a_picture_of_a_report_is_named_as_a_picture() {
    for (picture, format) in [("pictures/table4.png", "PNG"), ("pictures/table4.jpg", "JPEG")] {
        let out = xxgk(&["import", &fixture(picture)]);
        assert_eq!(out.status.code(), Some(2));
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(&format!("这是一张图片（{format}）")), "{said}");
    }
}

#[test]
fn check_with_last_years_report_says_which_texts_were_copied_from_it() {
    let example = example_file();
    let out = xxgk(&["check", "--json", "--last-year", &example, &example]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let copied: Vec<&str> = stdout.lines().filter(|l| l.contains("\"rule\":\"TXT-COPY\"")).collect();
    assert!(copied.len() >= 5, "{stdout}");
    assert!(copied.iter().any(|l| l.contains("\"keys\":[\"overview.proactive\"]") && l.contains("完全相同")));
    let alone = xxgk(&["check", &example]);
    assert!(!String::from_utf8_lossy(&alone.stdout).contains("TXT-COPY"), "only against last year's");
}

#[test]
fn draft_text_prints_the_sentences_of_the_tables_with_last_years_change() {
    let report = fixture("editors/report.json");
    let out = xxgk(&["draft-text", &report]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let keys: Vec<&str> = stdout.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(keys, ["overview.on_request", "requests.note", "appeals.note", "other_matters"]);
    assert!(stdout.contains(
        "requests.note\t本年度共收到政府信息公开申请9906件（自然人1581件、法人或其他组织8325件），上年结转1215件；"
    ));
    let last = seed_with("last-year", &[("requests.received.natural_person", "9000")]);
    let compared = String::from_utf8(xxgk(&["draft-text", "--last-year", &last, &report]).stdout).unwrap();
    assert!(compared.contains("同比增加906件（10%）"), "{compared}");
}

#[test]
fn render_writes_a_word_file_that_imports_back_to_the_same_numbers() {
    let report = fixture("editors/report.json");
    let docx = std::env::temp_dir().join(format!("xxgk-cli-{}-report.docx", std::process::id()));
    let out = xxgk(&["render", "--docx", &report, "-o", &docx.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"));
    let imported = xxgk(&["import", &docx.display().to_string()]);
    let back = temp_file("from-docx.json", &String::from_utf8(imported.stdout).unwrap());
    let page = temp_file("page.html", &String::from_utf8(xxgk(&["render", &report]).stdout).unwrap());
    assert_eq!(xxgk(&["verify", &back, &page]).status.code(), Some(0), "the Word file holds what the fragment does");
    assert_eq!(xxgk(&["render", "--docx", &report]).status.code(), Some(2), "a Word file needs -o");
}

/// A fresh folder under the system's temporary one, for one test.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xxgk-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The example report with `changes`, as a report file at `path`.
fn write_report(path: &std::path::Path, changes: &[(&str, &str)]) {
    let mut report = xxgk_nianbao::report::example();
    for (key, value) in changes {
        assert!(report.set_key(key, *value), "{key}");
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, report.to_file(None)).unwrap();
}

/// (errors, warnings) as `check --json` counts them for a report file.
fn checked(path: &str) -> (usize, usize) {
    let out = String::from_utf8(xxgk(&["check", "--json", path]).stdout).unwrap();
    let errors = out.lines().filter(|l| l.contains("\"severity\":\"error\"")).count();
    (errors, out.lines().count() - errors)
}

#[test]
fn audit_gives_each_report_checks_counts_and_each_unreadable_file_its_reason() {
    let dir = folder("audit");
    write_report(&dir.join("甲局.json"), &[]);
    write_report(&dir.join("乡镇/乙镇.json"), &[("requests.received.natural_person", "99")]);
    std::fs::create_dir_all(dir.join("乡镇/网页")).unwrap();
    std::fs::copy(fixture("2022_xianning_zwfw.txt"), dir.join("乡镇/网页/咸宁.txt")).unwrap();
    std::fs::write(dir.join("乡镇/坏.json"), "{\"format\":").unwrap();
    std::fs::write(dir.join("通知.html"), "<p>关于召开会议的通知</p>").unwrap();
    std::fs::write(dir.join("说明.xlsx"), "not a report").unwrap();
    let out = xxgk(&["audit", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "an error and unreadable files");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    let files: Vec<&str> = lines.iter().map(|l| l[0]).collect();
    assert_eq!(files, ["乡镇/乙镇.json", "乡镇/坏.json", "乡镇/网页/咸宁.txt", "甲局.json", "通知.html"], "{stdout}");
    for (line, path) in [(&lines[0], dir.join("乡镇/乙镇.json")), (&lines[3], dir.join("甲局.json"))] {
        let (errors, warnings) = checked(path.to_str().unwrap());
        assert_eq!(
            line[1..6],
            ["咸宁市政务服务和大数据管理局", "2022", "报告文件", &errors.to_string(), &warnings.to_string()]
        );
    }
    assert!(lines[0][6].split(',').any(|r| r == "T3-BAL"), "{stdout}");
    // The published copy: check's findings plus the import's own, as `import --findings` lists them.
    let imported = xxgk(&["import", "--findings", &fixture("2022_xianning_zwfw.txt")]);
    let said = String::from_utf8(imported.stderr).unwrap();
    let (errors, warnings) = (
        said.lines().filter(|l| l.starts_with("错误\t")).count(),
        said.lines().filter(|l| l.starts_with("提醒\t")).count(),
    );
    assert_eq!(lines[2][3..6], ["2021年格式", &errors.to_string(), &warnings.to_string()]);
    assert_eq!(lines[1].len(), 2, "a broken file: its name and why");
    assert!(lines[4].len() == 2 && lines[4][1].contains("没有找到"), "a notice, not a report: {stdout}");

    let (page, list) = (dir.join("审核.html"), dir.join("问题清单.csv"));
    let json = xxgk(&[
        "audit",
        "--json",
        "--html",
        page.to_str().unwrap(),
        "--csv",
        list.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    let objects: Vec<serde_json::Value> =
        String::from_utf8(json.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(objects[0]["file"], "乡镇/乙镇.json");
    assert!(objects[0]["rules"].as_array().unwrap().contains(&serde_json::json!("T3-BAL")));
    assert_eq!(objects[3]["errors"].as_u64(), Some(0));
    assert!(objects[1]["error"].is_string());
    let page = std::fs::read_to_string(page).unwrap();
    assert!(files.iter().all(|f| page.contains(&format!("data-file=\"{f}\""))));
    let list = std::fs::read_to_string(list).unwrap();
    let rows = list.lines().filter(|l| l.starts_with("\"乡镇/乙镇.json\"")).count();
    let (errors, warnings) = checked(dir.join("乡镇/乙镇.json").to_str().unwrap());
    assert_eq!(rows, errors + warnings, "a row per finding: {list}");

    // Only good reports: exit 0.
    assert_eq!(xxgk(&["audit", dir.join("甲局.json").to_str().unwrap()]).status.code(), Some(0));
}

/// The value of `key` in a report file's text.
fn field_of(file: &str, key: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(file).unwrap();
    value["fields"][key].as_str().unwrap_or("(absent)").to_string()
}

/// A 万元 amount in ten-thousandths, read the way a clerk writes it.
fn ten_thousandths(amount: &str) -> u64 {
    let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
    whole.parse::<u64>().unwrap() * 10_000 + format!("{fraction:0<4}").parse::<u64>().unwrap()
}

#[test]
fn sum_adds_three_units_exactly_and_check_units_holds_the_sum_against_them() {
    let dir = folder("sum");
    let units = [("甲.json", "3", "1234.5678"), ("乙.json", "0", "0.0001"), ("丙.json", "12", "10")];
    let mut paths = Vec::new();
    for (name, person, fee) in units {
        let path = dir.join(name);
        let agency = name.replace(".json", "局");
        // Each unit stays balanced: 本年新收 and 予以公开 move together.
        write_report(
            &path,
            &[
                ("meta.agency", agency.as_str()),
                ("requests.received.natural_person", person),
                ("requests.disclosed.natural_person", person),
                ("proactive.fees.amount", fee),
            ],
        );
        paths.push(path.display().to_string());
    }
    let args: Vec<&str> = std::iter::once("sum").chain(paths.iter().map(String::as_str)).collect();
    let out = xxgk(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let sum = String::from_utf8(out.stdout).unwrap();
    std::fs::write(dir.join("汇总.json"), &sum).unwrap();
    let seed = xxgk_nianbao::report::example().to_file(None);
    let fee: u64 = units.iter().map(|(_, _, fee)| ten_thousandths(fee)).sum();
    assert_eq!(fee, 12_345_679 + 100_000);
    assert_eq!(field_of(&sum, "proactive.fees.amount"), "1244.5679");
    assert_eq!(field_of(&sum, "requests.received.natural_person"), "15");
    let in_force: u64 = 3 * field_of(&seed, "proactive.normative_docs.in_force").parse::<u64>().unwrap();
    assert_eq!(field_of(&sum, "proactive.normative_docs.in_force"), in_force.to_string());
    assert_eq!(field_of(&sum, "meta.agency"), "汇总（3个单位）");
    assert_eq!(field_of(&sum, "meta.year"), "2022");
    assert_eq!(field_of(&sum, "requests.received.total"), "(absent)", "totals are derived");

    let mut check_args = vec!["check", "--units"];
    check_args.extend(paths.iter().map(String::as_str));
    let upper = dir.join("汇总.json").display().to_string();
    check_args.push(&upper);
    let right = xxgk(&check_args);
    assert_eq!((right.status.code(), right.stdout.is_empty()), (Some(0), true), "nothing on a right 汇总");

    let mut off = xxgk_nianbao::report::Report::from_json(&sum).unwrap().report;
    off.set_key("requests.received.commercial", "1");
    std::fs::write(dir.join("汇总.json"), off.to_file(None)).unwrap();
    let wrong = xxgk(&check_args);
    assert_eq!(wrong.status.code(), Some(1));
    let said = String::from_utf8(wrong.stdout).unwrap();
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 2, "the cell and its row's total: {said}");
    assert!(
        lines[0].starts_with("错误\tHIER-SUM\t表三「一、本年新收」行「商业企业」列：汇总报告为 1，各单位之和为 0"),
        "{said}"
    );

    // Reports of different years are refused, naming each file's year; a unit with errors is named.
    write_report(&dir.join("丁.json"), &[("meta.year", "2021")]);
    let years = xxgk(&["sum", &paths[0], dir.join("丁.json").to_str().unwrap()]);
    assert_eq!(years.status.code(), Some(2));
    let err = String::from_utf8(years.stderr).unwrap();
    assert!(err.contains(&format!("不同年度的报告不能汇总。2022年：{}；2021年：", paths[0])), "{err}");
    assert!(err.contains("丁.json"), "{err}");
    write_report(&dir.join("戊.json"), &[("requests.received.natural_person", "99")]);
    let erring = xxgk(&["sum", &paths[0], dir.join("戊.json").to_str().unwrap()]);
    assert_eq!(erring.status.code(), Some(1));
    assert!(String::from_utf8(erring.stderr).unwrap().contains("戊.json（咸宁市政务服务和大数据管理局）：T3-BAL"));
    // Held against a unit with errors, a 汇总 is not said to be right.
    let against_wrong = xxgk(&["check", "--units", dir.join("戊.json").to_str().unwrap(), &upper]);
    assert_eq!(against_wrong.status.code(), Some(1));
    assert!(String::from_utf8(against_wrong.stderr).unwrap().contains("戊.json"));

    // One unit's report twice (a copy sent again): added twice, so named, and the sum not said right.
    let again = dir.join("甲（重发）.json");
    std::fs::copy(&paths[0], &again).unwrap();
    let twice = xxgk(&["sum", &paths[0], &paths[1], again.to_str().unwrap()]);
    assert_eq!(twice.status.code(), Some(1));
    let err = String::from_utf8(twice.stderr).unwrap();
    assert!(err.contains("有 1 个机关的报告不止一份，每份都已计入"), "{err}");
    assert!(err.contains(&format!("\n  甲局：{}、{}\n", paths[0], again.display())), "{err}");
    let summed_twice = String::from_utf8(twice.stdout).unwrap();
    assert_eq!(field_of(&summed_twice, "requests.received.natural_person"), "6");
    // Its 汇总 matches the units it was added from, yet held against them it is not said right.
    std::fs::write(dir.join("汇总.json"), &summed_twice).unwrap();
    let held = xxgk(&["check", "--units", &paths[0], &paths[1], again.to_str().unwrap(), &upper]);
    assert_eq!((held.status.code(), held.stdout.is_empty()), (Some(1), true), "no HIER-SUM, the repeat said");
    assert!(String::from_utf8(held.stderr).unwrap().contains("  甲局："));

    // A unit that left cells blank: said, with how many, for they are added as 0.
    write_report(&dir.join("己.json"), &[("meta.agency", "己局"), ("requests.received.commercial", "")]);
    let blank = xxgk(&["sum", &paths[1], dir.join("己.json").to_str().unwrap()]);
    let err = String::from_utf8(blank.stderr).unwrap();
    assert!(err.contains("有 1 个单位的报告有数字格空着，已按 0 计入。"), "{err}");
    assert!(err.contains("己.json（己局）：1 个数字格未填"), "{err}");
    assert_eq!(blank.status.code(), Some(0), "open to question, not wrong");

    // The 汇总 saved beside the units and added up with them next time: named.
    let with_sum = xxgk(&["sum", &paths[1], &paths[2], &upper]);
    assert_eq!(with_sum.status.code(), Some(1));
    let err = String::from_utf8(with_sum.stderr).unwrap();
    assert!(err.contains("其中 1 个文件是之前生成的汇总，已计入"), "{err}");
    assert!(err.contains(&format!("\n  {upper}\n")), "{err}");
}

#[test]
fn compare_lists_the_numbers_that_changed_then_the_cross_year_findings() {
    let dir = folder("compare");
    write_report(&dir.join("上年.json"), &[]);
    let seed = xxgk_nianbao::report::example().to_file(None);
    let last_carried = field_of(&seed, "requests.carried_forward.natural_person");
    write_report(
        &dir.join("本年.json"),
        &[("proactive.rules.issued", "7"), ("requests.carried_over.natural_person", "5")],
    );
    let out = xxgk(&["compare", dir.join("上年.json").to_str().unwrap(), dir.join("本年.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8(out.stdout).unwrap();
    let issued = field_of(&seed, "proactive.rules.issued").parse::<u64>().unwrap();
    let first = said.lines().next().unwrap();
    let percent =
        if issued == 0 { "—".to_string() } else { format!("+{:.1}%", (7.0 - issued as f64) * 100.0 / issued as f64) };
    assert_eq!(first, format!("proactive.rules.issued\t{issued}\t7\t+{}\t{percent}", 7 - issued));
    let over = field_of(&seed, "requests.carried_over.natural_person");
    assert!(said.contains(&format!("requests.carried_over.natural_person\t{over}\t5\t")), "{said}");
    assert!(!said.contains("requests.received.natural_person\t"), "unchanged numbers are not listed");
    assert_eq!(said.lines().any(|l| l.starts_with("提醒\tX-CARRY\t")), last_carried != "5", "{said}");
}

#[test]
fn every_command_explains_itself_and_a_wrong_flag_is_named() {
    let help = xxgk(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let said = String::from_utf8(help.stdout).unwrap();
    for command in ["check", "render", "import", "verify", "draft-text", "rules", "audit", "sum", "compare"] {
        assert!(said.contains(&format!("  {command} ")), "{command}: {said}");
        let own = xxgk(&[command, "--help"]);
        assert_eq!(own.status.code(), Some(0));
        assert!(String::from_utf8(own.stdout).unwrap().contains("退出码"), "{command}");
    }
    let wrong = xxgk(&["audit", "--frobnicate", "."]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8(wrong.stderr).unwrap().contains("--frobnicate"));
}

#[test]
fn render_chart_writes_the_svg_with_the_change_on_the_last_year_given() {
    let dir = folder("chart");
    write_report(&dir.join("上年.json"), &[("appeals.review.upheld", "1"), ("appeals.review.total", "1")]);
    write_report(&dir.join("本年.json"), &[("appeals.review.upheld", "3"), ("appeals.review.total", "3")]);
    let (last, this, svg) = (dir.join("上年.json"), dir.join("本年.json"), dir.join("图解.svg"));
    let (last, this, svg) = (last.to_str().unwrap(), this.to_str().unwrap(), svg.to_str().unwrap());
    let args = ["render", "--chart", "--last-year", last, this, "-o", svg];
    assert_eq!(xxgk(&args).status.code(), Some(0));
    let drawn = std::fs::read_to_string(svg).unwrap();
    assert!(drawn.starts_with("<?xml") && drawn.contains("<svg") && drawn.contains("width=\"750\""));
    assert!(drawn.contains("data-sum=\"appeals.review.total\">3<"), "the 行政复议 total as the table has it");
    assert!(drawn.contains("同比 ▲ 2"));
    assert_eq!(xxgk(&["render", "--chart", this, "-o", svg]).status.code(), Some(0));
    assert!(!std::fs::read_to_string(svg).unwrap().contains("同比"), "no last year, no change");
    assert_eq!(xxgk(&["render", "--chart", this]).status.code(), Some(2), "-o is needed");
    // A report with errors is drawn, but not said to be fine.
    write_report(&dir.join("错.json"), &[("requests.received.total", "999")]);
    let wrong = xxgk(&["render", "--chart", dir.join("错.json").to_str().unwrap(), "-o", svg]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8(wrong.stderr).unwrap().contains("个错误"));
}
