//! What the review desk writes out: its page (`xxgk audit --html`), one self-contained file —
//! nothing loaded from outside it — with a row per report that sorts by any column, a filter by
//! rule, and each report opening to its findings; the list of every finding as CSV; and the 汇总 of
//! the reports read, as the review desk's page downloads it.

use std::borrow::Borrow;
use std::collections::BTreeSet;

use maud::{DOCTYPE, PreEscaped, html};

use crate::report::base::format::META_AGENCY;
use crate::report::data::finding::Severity;
use crate::report::data::model::Report;
use crate::report::data::sum::{SumRefused, is_made_sum, repeated_agencies, said_repeated, sum_reports};
use crate::report::publish::open::{STILL_OPEN, open_in_report_file, rules_and_open};
use crate::report::read::audit::{Audited, AuditedFile, Column, needs_attention};

const STYLE: &str = "body{font:14px/1.6 'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;margin:16px}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}\
th{background:#eee;cursor:pointer}td.n{text-align:right}tr.failed td{background:#fdecea}\
.error{color:#a61b1b}.warning{color:#7a5200}.open{color:#444}details ul{margin:4px 0;padding-left:1.5em}";

/// Sorting by a column (numbers as numbers) and filtering by rule, in the page itself.
const SCRIPT: &str = "var t=document.getElementById('reports'),b=t.tBodies[0],f=document.getElementById('rule');\
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,c){var up=true;h.onclick=function(){\
var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var p=x.cells[c].getAttribute('data-sort')||x.cells[c].textContent,\
q=y.cells[c].getAttribute('data-sort')||y.cells[c].textContent,m=parseFloat(p),n=parseFloat(q);\
var r=(!isNaN(m)&&!isNaN(n))?m-n:p.localeCompare(q,'zh');return up?r:-r});up=!up;rows.forEach(function(r){b.appendChild(r)})}});\
f.onchange=function(){Array.prototype.forEach.call(b.rows,function(r){var rules=' '+r.getAttribute('data-rules')+' ';\
r.style.display=(!f.value||rules.indexOf(' '+f.value+' ')>=0)?'':'none'})};";

/// The page for the files audited, in the order read.
pub fn audit_page(audited: &[AuditedFile]) -> String {
    let open: Vec<Vec<String>> =
        audited.iter().map(|f| f.read.as_ref().map(open_in_report_file).unwrap_or_default()).collect();
    let unfinished = open.iter().filter(|o| !o.is_empty()).count();
    let listed: Vec<Vec<&str>> = audited
        .iter()
        .zip(&open)
        .map(|(f, open)| f.read.as_ref().map(|a| rules_and_open(a, open)).unwrap_or_default())
        .collect();
    let rules: BTreeSet<&str> = listed.iter().flatten().copied().collect();
    html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                title { "政府信息公开工作年度报告 审核结果" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { "政府信息公开工作年度报告 审核结果" }
                p { (format!("共 {} 个文件，{}。点列名排序，点文件名展开问题。", audited.len(), needs_attention(audited, unfinished))) }
                label { "只看规则：" select #rule { option value="" { "全部" } @for rule in &rules { option value=(rule) { (rule) } } } }
                table #reports {
                    thead { tr { @for column in Column::ALL { th { (column.label()) } } } }
                    tbody {
                        @for ((AuditedFile { file, read }, open), listed) in audited.iter().zip(&open).zip(&listed) {
                            @match read {
                                Ok(a) => {
                                    tr class=[(a.errors() > 0).then_some("failed")] data-file=(file) data-rules=(listed.join(" ")) {
                                        td {
                                            details {
                                                summary { (file) }
                                                ul {
                                                    @for finding in a.errors_first() {
                                                        li class=(if finding.severity() == Severity::Error { "error" } else { "warning" }) {
                                                            (finding.severity().label()) " " (finding.rule.id()) "：" (finding.message)
                                                        }
                                                    }
                                                    @for said in open {
                                                        li.open { (STILL_OPEN) "：" (said) }
                                                    }
                                                }
                                            }
                                        }
                                        td { (a.agency()) } td { (a.year()) } td { (a.format) }
                                        td.n { (a.errors()) } td.n { (a.warnings()) } td { (listed.join(", ")) }
                                    }
                                }
                                Err(why) => {
                                    tr.failed data-file=(file) data-rules="" {
                                        td { (file) } td colspan=(Column::ALL.len() - 1) data-sort="" { "无法读取：" (why) }
                                    }
                                }
                            }
                        }
                    }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
    .into_string()
}

/// Every finding of the reports read, one row each (文件, 机关, 严重程度, 规则, 说明), as CSV in UTF-8
/// with a byte-order mark so that Excel and WPS open it right; what a report file still lacks that
/// no finding names is a row of its own (严重程度 尚未填完, no rule), as the desk lists it; a file
/// that could not be read is a row saying why.
pub fn findings_csv<F: Borrow<AuditedFile>>(audited: &[F]) -> String {
    let mut csv = String::from("\u{feff}文件,机关,严重程度,规则,说明\r\n");
    let mut row = |cells: [&str; 5]| {
        let quoted: Vec<String> = cells.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
        csv.push_str(&quoted.join(","));
        csv.push_str("\r\n");
    };
    for AuditedFile { file, read } in audited.iter().map(Borrow::borrow) {
        match read {
            Ok(a) => {
                for f in &a.findings {
                    row([file, a.agency(), f.severity().label(), f.rule.id(), &f.message]);
                }
                for said in open_in_report_file(a) {
                    row([file, a.agency(), STILL_OPEN, "", &said]);
                }
            }
            Err(why) => row([file, "", "错误", "", &format!("无法读取：{why}")]),
        }
    }
    csv
}

/// The reports read, added up into a 汇总 report file.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskSum {
    /// The 汇总 as a report file, which the widget and `xxgk` open.
    pub file: String,
    /// What the file is called: the 汇总's own agency, `汇总（N个单位）.json`.
    pub file_name: String,
    /// How many reports it adds up.
    pub reports: usize,
    /// The units with errors, each as `文件（机关）：规则,…`: their sum is wrong too.
    pub wrong: Vec<String>,
    /// The agencies more than one report names, each as `机关：文件、文件`: each report is added.
    pub repeated: Vec<String>,
    /// The files that are themselves a 汇总 added up here: their units are added again.
    pub earlier_sums: Vec<String>,
    /// The units with number cells left blank, each as `文件（机关）：N 个数字格未填` (or not read from
    /// the file, said apart): added as 0.
    pub blank: Vec<String>,
    /// The files that could not be read, left out.
    pub unreadable: usize,
}

/// Something a 汇总 carries wrong, or may: the files it concerns, what the office is asked before
/// the download and reminded of after one anyway.
#[derive(Debug, Clone, PartialEq)]
pub struct SumConcern<'a> {
    /// The list's `data-role` on the desk's page.
    pub role: &'static str,
    pub items: &'a [String],
    pub asked: String,
    pub reminded: String,
    /// The sum is wrong for it (errors carried, units added twice), not only open to question
    /// (blank cells added as 0).
    pub wrong: bool,
}

fn concern<'a>(
    role: &'static str,
    items: &'a [String],
    wrong: bool,
    asked: String,
    reminded: String,
) -> SumConcern<'a> {
    SumConcern { role, items, asked, reminded, wrong }
}

impl DeskSum {
    /// What this 汇总 carries wrong or may, in the order asked: units with errors (the sum carries
    /// them), an agency's report more than once (added each time), units with blank cells (added
    /// as 0), an earlier 汇总 among the files (its units added again). Only those that apply.
    pub fn concerns(&self) -> Vec<SumConcern<'_>> {
        let all = [
            concern(
                "wrong",
                &self.wrong,
                true,
                format!(
                    "以下 {} 个单位的报告有错误，加起来的汇总也会是错的（建议先请这些单位改正）：",
                    self.wrong.len()
                ),
                format!(
                    "其中 {} 个单位的报告有错误，汇总中相应的数字也是错的，请这些单位改正后重新汇总。",
                    self.wrong.len()
                ),
            ),
            concern(
                "repeated",
                &self.repeated,
                true,
                format!(
                    "以下 {} 个机关的报告不止一份，汇总会把每一份都加进去（若是重复报送或改正后的新版本，请只留一份）：",
                    self.repeated.len()
                ),
                format!(
                    "有 {} 个机关的报告不止一份，每份都已计入；若是重复报送，请只留一份后重新汇总。",
                    self.repeated.len()
                ),
            ),
            concern(
                "blank",
                &self.blank,
                false,
                format!(
                    "以下 {} 个单位的报告有数字格空着，汇总按 0 计入（若应有数字，汇总会少算）：",
                    self.blank.len()
                ),
                format!("有 {} 个单位的报告有数字格空着，已按 0 计入。", self.blank.len()),
            ),
            concern(
                "earlier-sums",
                &self.earlier_sums,
                true,
                "以下文件是之前生成的汇总，不是单位的报告，汇总会把其中各单位再加一遍（请把它移出）：".to_string(),
                format!(
                    "其中 {} 个文件是之前生成的汇总，已计入，其中各单位被加了两遍：请移出后重新汇总。",
                    self.earlier_sums.len()
                ),
            ),
        ];
        all.into_iter().filter(|c| !c.items.is_empty()).collect()
    }

    /// Whether the office is asked before it downloads the 汇总: it has a concern.
    pub fn asks_first(&self) -> bool {
        !self.concerns().is_empty()
    }
}

/// Every report read added up; refused, with why, when there is none or their years differ.
pub fn desk_sum<F: Borrow<AuditedFile>>(audited: &[F]) -> Result<DeskSum, String> {
    let reports: Vec<(&String, &Audited)> =
        audited.iter().map(Borrow::borrow).filter_map(|a| Some((&a.file, a.read.as_ref().ok()?))).collect();
    let units: Vec<_> = reports.iter().map(|(_, a)| a.report.clone()).collect();
    let sum = match sum_reports(&units) {
        Ok(sum) => sum,
        Err(SumRefused::NoUnits) => return Err("没有读到可以汇总的报告".into()),
        Err(SumRefused::Years(years)) => {
            let mut by_year: Vec<(String, Vec<&str>)> = Vec::new();
            for ((file, _), year) in reports.iter().zip(years) {
                let year = if year.is_empty() { "未填年度".to_string() } else { format!("{year}年") };
                match by_year.iter_mut().find(|(y, _)| *y == year) {
                    Some((_, files)) => files.push(file),
                    None => by_year.push((year, vec![file])),
                }
            }
            let said: Vec<String> =
                by_year.iter().map(|(year, files)| format!("{year}：{}", files.join("、"))).collect();
            return Err(format!("不同年度的报告不能汇总。{}", said.join("；")));
        }
    };
    let wrong = reports
        .iter()
        .filter(|(_, a)| a.errors() > 0)
        .map(|(file, a)| format!("{file}（{}）：{}", a.agency(), a.rules().join(",")))
        .collect();
    let sources: Vec<(&str, &Report)> = reports.iter().map(|(file, a)| (file.as_str(), &a.report)).collect();
    let repeated = repeated_agencies(&sources).iter().map(said_repeated).collect();
    let earlier_sums =
        reports.iter().filter(|(_, a)| is_made_sum(&a.report)).map(|(file, _)| file.to_string()).collect();
    let blank = reports
        .iter()
        .filter_map(|(file, a)| Some(format!("{file}（{}）：{}", a.agency(), blanks_said(a.blank_cells())?)))
        .collect();
    let file_name = format!("{}.json", sum.get_key(META_AGENCY).unwrap_or_default());
    Ok(DeskSum {
        file: sum.to_file(None),
        file_name,
        reports: reports.len(),
        wrong,
        repeated,
        earlier_sums,
        blank,
        unreadable: audited.len() - reports.len(),
    })
}

/// A unit's blank number cells in words, or nothing when it has none. A cell its file could not be
/// read at is not called unfilled: the report has a number there, which the 汇总 would miss.
fn blanks_said((unfilled, unread): (usize, usize)) -> Option<String> {
    let mut said = Vec::new();
    if unfilled > 0 {
        said.push(format!("{unfilled} 个数字格未填"));
    }
    if unread > 0 {
        said.push(format!("{unread} 个数字格未能从文件中读出，请对照原件"));
    }
    (!said.is_empty()).then(|| said.join("，"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::read::audit::audit;

    fn audited_file(file: &str, bytes: &[u8]) -> AuditedFile {
        AuditedFile { file: file.into(), read: audit(file, bytes) }
    }

    #[test]
    fn the_page_loads_nothing_from_outside_and_names_every_file_and_rule() {
        let example = crate::report::example();
        let mut wrong = example.clone();
        wrong.set_key("requests.received.total", "999");
        // 乙 has no 成文日期 either: no finding names it, the page and the list do.
        wrong.set_key("meta.signed_on", "");
        let audited = vec![
            audited_file("甲/示例.json", example.to_file(None).as_bytes()),
            audited_file("乙.json", wrong.to_file(None).as_bytes()),
            AuditedFile { file: "丙.png".into(), read: Err("这是一张图片".into()) },
        ];
        let page = audit_page(&audited);
        for outside in ["src=", "href=", "@import", "url("] {
            assert!(!page.contains(outside), "{outside}");
        }
        assert!(page.contains("data-file=\"甲/示例.json\""));
        assert!(page.contains("<option value=\"T3-ROW\">T3-ROW</option>"));
        assert!(page.contains("无法读取：这是一张图片"));
        assert!(page.contains("共 3 个文件，2 个有错误或无法读取，1 份报告文件尚未填完。"));
        // 乙's 规则 ends with 尚未填完, which the filter offers too.
        assert!(page.contains("<option value=\"尚未填完\">尚未填完</option>"));
        assert_eq!(page.matches(" 尚未填完\">").count(), 1, "乙's data-rules, after its rules");
        assert_eq!(page.matches("<li class=\"open\">尚未填完：落款没有成文日期</li>").count(), 1, "乙's alone");

        let csv = findings_csv(&audited);
        assert!(csv.starts_with("\u{feff}文件,机关,严重程度,规则,说明\r\n"));
        let rows: Vec<&str> = csv.trim_end().split("\r\n").collect();
        let wrong_findings = audited[1].read.as_ref().unwrap().findings.len();
        assert_eq!(rows.len(), 1 + wrong_findings + 2, "the header, 乙's findings and date, 丙's reason");
        let dated = "\"乙.json\",\"咸宁市政务服务和大数据管理局\",\"尚未填完\",\"\",\"落款没有成文日期\"";
        assert_eq!(rows[1 + wrong_findings], dated);
        assert!(
            rows.iter().any(|r| r.starts_with("\"乙.json\",\"咸宁市政务服务和大数据管理局\",\"错误\",\"T3-ROW\",")),
            "{csv}"
        );
        assert_eq!(rows.last().unwrap(), &"\"丙.png\",\"\",\"错误\",\"\",\"无法读取：这是一张图片\"");
    }

    #[test]
    fn the_desk_adds_up_what_it_could_read_names_wrong_units_and_refuses_mixed_years() {
        let example = crate::report::example();
        let mut wrong = example.clone();
        wrong.set_key("requests.received.total", "999");
        let mut audited = vec![
            audited_file("甲.json", example.to_file(None).as_bytes()),
            audited_file("乙.json", wrong.to_file(None).as_bytes()),
            AuditedFile { file: "丙.png".into(), read: Err("这是一张图片".into()) },
        ];
        let sum = desk_sum(&audited).unwrap();
        assert_eq!((sum.reports, sum.unreadable, sum.file_name.as_str()), (2, 1, "汇总（2个单位）.json"));
        assert_eq!(sum.wrong.len(), 1);
        assert!(sum.wrong[0].starts_with("乙.json（咸宁市政务服务和大数据管理局）：T3-ROW"), "{:?}", sum.wrong);
        // Both are the example, one agency's report twice: said, so that it is not added twice unasked.
        assert_eq!(sum.repeated, ["咸宁市政务服务和大数据管理局：甲.json、乙.json"]);
        assert!(sum.asks_first());
        assert!(sum.earlier_sums.is_empty());
        // The 汇总 downloaded into the same folder and read with the units next time: named.
        let again =
            [audited_file("甲.json", example.to_file(None).as_bytes()), audited_file("汇总.json", sum.file.as_bytes())];
        assert_eq!(desk_sum(&again).unwrap().earlier_sums, ["汇总.json"]);
        // A unit that left cells blank, which the 汇总 adds as 0: named with how many.
        let mut unfinished = example.clone();
        unfinished.set_key("requests.received.natural_person", "");
        unfinished.set_key("proactive.fees.amount", " ");
        let blank = [audited_file("丙.json", unfinished.to_file(None).as_bytes())];
        assert_eq!(desk_sum(&blank).unwrap().blank, ["丙.json（咸宁市政务服务和大数据管理局）：2 个数字格未填"]);
        assert!(sum.blank.is_empty());
        let summed = crate::report::Report::from_json(&sum.file).unwrap().report;
        let units = [example.clone(), wrong.clone()];
        assert_eq!(summed, sum_reports(&units).unwrap());

        let mut later = example.clone();
        later.set_key("meta.year", "2023");
        audited.push(audited_file("丁.json", later.to_file(None).as_bytes()));
        assert_eq!(
            desk_sum(&audited).unwrap_err(),
            "不同年度的报告不能汇总。2022年：甲.json、乙.json；2023年：丁.json"
        );
        assert_eq!(desk_sum(&audited[2..3]).unwrap_err(), "没有读到可以汇总的报告");
    }

    #[test]
    fn a_cell_the_file_could_not_be_read_at_is_not_called_unfilled_in_the_sum() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/material/01/converted.md");
        let markdown = std::fs::read_to_string(path).unwrap();
        // 本年新收's first cell printed `13 0`: the row is left blank with a note — its six counts (its
        // 总计 is derived, not typed).
        let unread = markdown.replacen("|  |  | 13 | 2 |", "|  |  | 13 0 | 2 |", 1);
        assert_ne!(unread, markdown);
        let mut unit = audited_file("01.md", unread.as_bytes());
        let read = unit.read.as_ref().unwrap();
        assert_eq!(read.blank_cells(), (0, 6));
        let agency = read.agency().to_string();
        let sum = desk_sum(std::slice::from_ref(&unit)).unwrap();
        assert_eq!(sum.blank, [format!("01.md（{agency}）：6 个数字格未能从文件中读出，请对照原件")]);
        assert!(sum.concerns()[0].asked.contains("有数字格空着"), "{:?}", sum.concerns());

        // And a cell the report itself leaves blank is said beside them.
        let read = unit.read.as_mut().unwrap();
        read.report.set_key("proactive.fees.amount", "");
        assert_eq!(read.blank_cells(), (1, 6));
        assert_eq!(
            desk_sum(&[unit]).unwrap().blank,
            [format!("01.md（{agency}）：1 个数字格未填，6 个数字格未能从文件中读出，请对照原件")]
        );
    }
}
