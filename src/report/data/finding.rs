//! What a finding is: the rules of docs/FORMAT.md §3 as one table (id, severity, meaning), and the
//! [`Finding`] every check, the importer and the widget speak in. It depends on nothing but the
//! format, so that every check can use it and none has to use another.

use crate::report::base::format::{self, FieldId};
use crate::report::base::json;

/// A rule of the national format, by its stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
/// In the rule table's order ([`RULES`]), which is also the order rules sort in.
pub enum Rule {
    T3Row,
    T3Sum,
    T3Bal,
    T4Sum,
    Num,
    Blank,
    T2InForce,
    FeeUnit,
    TxtEmpty,
    TxtNum,
    TxtYear,
    TxtDone,
    TxtShort,
    TxtCopy,
    TxtForm,
    XCarry,
    XInForce,
    /// A 汇总 report against the sum of its units' reports.
    HierSum,
    OldFormat,
    /// Something of a published copy that the importer could not read for sure.
    Import,
}

/// A rule's stable id, severity and what it checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    pub rule: Rule,
    pub id: &'static str,
    pub severity: Severity,
    /// What the rule checks, in one line a clerk understands (`xxgk rules` prints it). The widget
    /// never shows it, so its download leaves the words out.
    #[cfg(not(target_arch = "wasm32"))]
    pub meaning: &'static str,
}

const fn info(rule: Rule, id: &'static str, severity: Severity, meaning: &'static str) -> RuleInfo {
    #[cfg(target_arch = "wasm32")]
    let _ = meaning;
    RuleInfo {
        rule,
        id,
        severity,
        #[cfg(not(target_arch = "wasm32"))]
        meaning,
    }
}

/// Every rule, in the order of docs/FORMAT.md §3 (a test holds the two together).
pub const RULES: [RuleInfo; 20] = {
    use Severity::{Error, Warning};
    [
        info(Rule::T3Row, "T3-ROW", Error, "表三每行的总计等于六类申请人之和"),
        info(Rule::T3Sum, "T3-SUM", Error, "表三每列的（七）总计等于各项办理结果之和"),
        info(Rule::T3Bal, "T3-BAL", Error, "表三每列：新收加上年结转，等于办理结果总计加结转下年度"),
        info(Rule::T4Sum, "T4-SUM", Error, "表四每组的总计等于结果维持、纠正、其他、尚未审结之和"),
        info(Rule::Num, "NUM", Error, "件数为非负整数，金额以万元计、最多四位小数"),
        info(Rule::Blank, "BLANK", Warning, "表格中没有留空的格（没有的填0）"),
        info(Rule::T2InForce, "T2-IN-FORCE", Warning, "表二现行有效件数不少于本年制发减本年废止"),
        info(Rule::FeeUnit, "FEE-UNIT", Warning, "收费金额以万元计，不是元"),
        info(Rule::TxtEmpty, "TXT-EMPTY", Warning, "正文写明统计期限、存在的问题和信息处理费"),
        info(Rule::TxtNum, "TXT-NUM", Warning, "正文中的件数与表格一致"),
        info(Rule::TxtYear, "TXT-YEAR", Warning, "正文中的年度与报告年度一致"),
        info(Rule::TxtDone, "TXT-DONE", Warning, "正文说全部办结时，表格中没有结转下年度的申请"),
        info(Rule::TxtShort, "TXT-SHORT", Warning, "存在的主要问题及改进情况写得具体"),
        info(Rule::TxtCopy, "TXT-COPY", Warning, "正文不照搬上年报告"),
        info(Rule::TxtForm, "TXT-FORM", Warning, "正文没有重复的词和中文里的英文标点"),
        info(Rule::XCarry, "X-CARRY", Warning, "上年结转等于上年报告的结转下年度"),
        info(Rule::XInForce, "X-IN-FORCE", Warning, "现行有效件数与上年现行有效数加减本年制发、废止相符"),
        info(Rule::HierSum, "HIER-SUM", Error, "本级政府汇总报告的每个数字等于各单位报告之和"),
        info(Rule::OldFormat, "OLD-FORMAT", Error, "导入的是2021年新格式的报告，不是2019年旧格式"),
        info(Rule::Import, "IMPORT", Warning, "导入时没能确定的数字留空，没有猜"),
    ]
};

impl Rule {
    /// What the rule table says of this rule.
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }

    /// The rule of an id, as [`Rule::id`] writes it.
    pub fn from_id(id: &str) -> Option<Rule> {
        RULES.iter().find(|info| info.id == id).map(|info| info.rule)
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub fn severity(self) -> Severity {
        self.info().severity
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Arithmetic that cannot be right.
    Error,
    /// A likely mistake.
    Warning,
}

impl Severity {
    /// How scripts name it.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
        }
    }
}

/// One thing wrong with the report: which rule, which fields, and what to tell the clerk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub fields: Vec<FieldId>,
    pub message: String,
}

impl Finding {
    pub fn new(rule: Rule, fields: Vec<FieldId>, message: String) -> Self {
        Finding { rule, fields, message }
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// The stable keys of the fields concerned.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().map(|&id| format::field(id).key.as_str())
    }

    /// The finding as one JSON object, for scripts: `{"rule", "severity", "keys", "message"}`.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"rule\":");
        json::quote(&mut out, self.rule.id());
        out.push_str(",\"severity\":");
        json::quote(&mut out, self.severity().id());
        out.push_str(",\"keys\":[");
        for (n, key) in self.keys().enumerate() {
            if n > 0 {
                out.push(',');
            }
            json::quote(&mut out, key);
        }
        out.push_str("],\"message\":");
        json::quote(&mut out, &self.message);
        out.push('}');
        out
    }

    /// A finding written by [`Finding::to_json`]; `None` when it names a rule or key this version
    /// does not know.
    pub fn from_json(value: &json::Json) -> Option<Finding> {
        let rule = Rule::from_id(value.get("rule")?.as_str()?)?;
        let json::Json::Array(keys) = value.get("keys")? else { return None };
        let mut fields = Vec::with_capacity(keys.len());
        for key in keys {
            fields.push(format::field_id(key.as_str()?)?);
        }
        Some(Finding { rule, fields, message: value.get("message")?.as_str()?.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The §3 table of docs/FORMAT.md, as (id, severity) in its order.
    fn documented() -> Vec<(String, String)> {
        let spec = include_str!("../../../docs/FORMAT.md");
        let section = spec.split("## 3. Rules").nth(1).unwrap().split("\n## ").next().unwrap();
        section
            .lines()
            .filter_map(|line| {
                let mut cells = line.strip_prefix("| `")?.split('|');
                let id = cells.next()?.trim().trim_end_matches('`').to_string();
                let severity = cells.next()?.split_whitespace().next()?.to_string();
                Some((id, severity))
            })
            .collect()
    }

    #[test]
    fn the_rule_table_is_the_one_docs_format_documents() {
        let table: Vec<(String, String)> =
            RULES.iter().map(|info| (info.id.to_string(), info.severity.id().to_string())).collect();
        assert_eq!(table, documented());
    }

    #[test]
    fn every_rule_is_in_the_table_once_in_its_order_and_read_back_by_its_id() {
        for (n, info) in RULES.iter().enumerate() {
            assert_eq!(info.rule as usize, n, "{} is at its place in the enum", info.id);
            assert_eq!(RULES.iter().filter(|other| other.rule == info.rule || other.id == info.id).count(), 1);
            assert_eq!(Rule::from_id(info.id), Some(info.rule));
            assert_eq!(info.rule.info(), info);
        }
    }
}
