//! What the review desk writes out: its page (`xxgk audit --html`), one self-contained file —
//! nothing loaded from outside it — with a row per report that sorts by any column, a filter by
//! rule, and each report opening to its findings; and the list of every finding as CSV.

use std::collections::BTreeSet;

use maud::{DOCTYPE, PreEscaped, html};

use crate::report::data::finding::Severity;
use crate::report::read::audit::Audited;

const STYLE: &str = "body{font:14px/1.6 'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;margin:16px}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}\
th{background:#eee;cursor:pointer}td.n{text-align:right}tr.failed td{background:#fdecea}\
.error{color:#a61b1b}.warning{color:#7a5200}details ul{margin:4px 0;padding-left:1.5em}";

/// Sorting by a column (numbers as numbers) and filtering by rule, in the page itself.
const SCRIPT: &str = "var t=document.getElementById('reports'),b=t.tBodies[0],f=document.getElementById('rule');\
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,c){var up=true;h.onclick=function(){\
var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var p=x.cells[c].getAttribute('data-sort')||x.cells[c].textContent,\
q=y.cells[c].getAttribute('data-sort')||y.cells[c].textContent,m=parseFloat(p),n=parseFloat(q);\
var r=(!isNaN(m)&&!isNaN(n))?m-n:p.localeCompare(q,'zh');return up?r:-r});up=!up;rows.forEach(function(r){b.appendChild(r)})}});\
f.onchange=function(){Array.prototype.forEach.call(b.rows,function(r){var rules=' '+r.getAttribute('data-rules')+' ';\
r.style.display=(!f.value||rules.indexOf(' '+f.value+' ')>=0)?'':'none'})};";

/// The page for the files audited, in the order read.
pub fn audit_page(audited: &[(String, Result<Audited, String>)]) -> String {
    let rules: BTreeSet<&str> = audited.iter().filter_map(|(_, a)| a.as_ref().ok()).flat_map(|a| a.rules()).collect();
    let failed = audited.iter().filter(|(_, a)| a.as_ref().map_or(true, |a| a.errors() > 0)).count();
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
                p { (format!("共 {} 份，{} 份有错误或无法读取。点列名排序，点文件名展开问题。", audited.len(), failed)) }
                label { "只看规则：" select #rule { option value="" { "全部" } @for rule in &rules { option value=(rule) { (rule) } } } }
                table #reports {
                    thead { tr { th { "文件" } th { "机关" } th { "年度" } th { "格式" } th { "错误" } th { "提醒" } th { "规则" } } }
                    tbody {
                        @for (file, read) in audited {
                            @match read {
                                Ok(a) => {
                                    tr class=[(a.errors() > 0).then_some("failed")] data-file=(file) data-rules=(a.rules().join(" ")) {
                                        td {
                                            details {
                                                summary { (file) }
                                                ul {
                                                    @for finding in &a.findings {
                                                        li class=(if finding.severity() == Severity::Error { "error" } else { "warning" }) {
                                                            (finding.severity().label()) " " (finding.rule.id()) "：" (finding.message)
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                        td { (a.agency()) } td { (a.year()) } td { (a.format) }
                                        td.n { (a.errors()) } td.n { (a.warnings()) } td { (a.rules().join(", ")) }
                                    }
                                }
                                Err(why) => {
                                    tr.failed data-file=(file) data-rules="" {
                                        td { (file) } td colspan="6" data-sort="" { "无法读取：" (why) }
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
/// with a byte-order mark so that Excel and WPS open it right; a file that could not be read is a
/// row saying why.
pub fn findings_csv(audited: &[(String, Result<Audited, String>)]) -> String {
    let mut csv = String::from("\u{feff}文件,机关,严重程度,规则,说明\r\n");
    let mut row = |cells: [&str; 5]| {
        let quoted: Vec<String> = cells.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
        csv.push_str(&quoted.join(","));
        csv.push_str("\r\n");
    };
    for (file, read) in audited {
        match read {
            Ok(a) => {
                for f in &a.findings {
                    row([file, a.agency(), f.severity().label(), f.rule.id(), &f.message]);
                }
            }
            Err(why) => row([file, "", "错误", "", &format!("无法读取：{why}")]),
        }
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::read::audit::audit;

    #[test]
    fn the_page_loads_nothing_from_outside_and_names_every_file_and_rule() {
        let example = crate::report::example();
        let mut wrong = example.clone();
        wrong.set_key("requests.received.total", "999");
        let audited = vec![
            ("甲/示例.json".to_string(), audit("示例.json", example.to_file(None).as_bytes())),
            ("乙.json".to_string(), audit("乙.json", wrong.to_file(None).as_bytes())),
            ("丙.png".to_string(), Err("这是一张图片".to_string())),
        ];
        let page = audit_page(&audited);
        for outside in ["src=", "href=", "@import", "url("] {
            assert!(!page.contains(outside), "{outside}");
        }
        assert!(page.contains("data-file=\"甲/示例.json\""));
        assert!(page.contains("<option value=\"T3-ROW\">T3-ROW</option>"));
        assert!(page.contains("无法读取：这是一张图片"));
        assert!(page.contains("共 3 份，2 份有错误或无法读取"));

        let csv = findings_csv(&audited);
        assert!(csv.starts_with("\u{feff}文件,机关,严重程度,规则,说明\r\n"));
        let rows: Vec<&str> = csv.trim_end().split("\r\n").collect();
        let wrong_findings = audited[1].1.as_ref().unwrap().findings.len();
        assert_eq!(rows.len(), 1 + wrong_findings + 1, "the header, 乙's findings, 丙's reason");
        assert!(
            rows.iter().any(|r| r.starts_with("\"乙.json\",\"咸宁市政务服务和大数据管理局\",\"错误\",\"T3-ROW\",")),
            "{csv}"
        );
        assert_eq!(rows.last().unwrap(), &"\"丙.png\",\"\",\"错误\",\"\",\"无法读取：这是一张图片\"");
    }
}
