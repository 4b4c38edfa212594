//! The national format (国办公开办函〔2021〕30号) as data.
//!
//! Every heading, label, span and key of the report lives here and nowhere else: the form, the
//! published fragment, the importer and the findings' messages all read them from this module.

use std::sync::LazyLock;

/// A label cell of a table header or row, with its merges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelCell {
    pub text: &'static str,
    pub rowspan: u16,
    pub colspan: u16,
}

const fn cell(text: &'static str) -> LabelCell {
    LabelCell { text, rowspan: 1, colspan: 1 }
}
const fn wide(text: &'static str, colspan: u16) -> LabelCell {
    LabelCell { text, rowspan: 1, colspan }
}
const fn tall(text: &'static str, rowspan: u16) -> LabelCell {
    LabelCell { text, rowspan, colspan: 1 }
}
const fn block(text: &'static str, rowspan: u16, colspan: u16) -> LabelCell {
    LabelCell { text, rowspan, colspan }
}

// ---------------------------------------------------------------------------------------------
// Table 二: 主动公开政府信息情况

/// One 第二十条 block of table 二: its header row, its column headers and its data rows.
#[derive(Debug)]
pub struct ProactiveBlock {
    /// `第二十条第（X）项`, spanning the whole table width.
    pub article: &'static str,
    /// The column headers after `信息内容`; a single one spans the three value columns.
    pub columns: &'static [&'static str],
    pub rows: &'static [ProactiveRow],
}

/// A row of table 二: its 信息内容 label and the keys of its values, left to right.
#[derive(Debug)]
pub struct ProactiveRow {
    pub label: &'static str,
    pub keys: &'static [&'static str],
}

/// Width of table 二 in grid columns: 信息内容 plus three value columns.
pub const PROACTIVE_WIDTH: u16 = 4;
pub const PROACTIVE_ITEM_HEADER: &str = "信息内容";

pub const PROACTIVE: &[ProactiveBlock] = &[
    ProactiveBlock {
        article: "第二十条第（一）项",
        columns: &DOCUMENT_STOCK_COLUMNS,
        rows: &[
            ProactiveRow {
                label: "规章",
                keys: &["proactive.rules.issued", "proactive.rules.repealed", "proactive.rules.in_force"],
            },
            ProactiveRow {
                label: "行政规范性文件",
                keys: &[
                    "proactive.normative_docs.issued",
                    "proactive.normative_docs.repealed",
                    "proactive.normative_docs.in_force",
                ],
            },
        ],
    },
    ProactiveBlock {
        article: "第二十条第（五）项",
        columns: &["本年处理决定数量"],
        rows: &[ProactiveRow { label: "行政许可", keys: &["proactive.licensing.decisions"] }],
    },
    ProactiveBlock {
        article: "第二十条第（六）项",
        columns: &["本年处理决定数量"],
        rows: &[
            ProactiveRow { label: "行政处罚", keys: &["proactive.penalties.decisions"] },
            ProactiveRow { label: "行政强制", keys: &["proactive.enforcement.decisions"] },
        ],
    },
    ProactiveBlock {
        article: "第二十条第（八）项",
        columns: &["本年收费金额（单位：万元）"],
        rows: &[ProactiveRow { label: "行政事业性收费", keys: &[FEE_AMOUNT_KEY] }],
    },
];

/// The one decimal field of the report, in 万元.
pub const FEE_AMOUNT_KEY: &str = "proactive.fees.amount";

/// The columns of the 规章 and 行政规范性文件 rows ([`DocumentStock`]).
pub const DOCUMENT_STOCK_COLUMNS: [&str; 3] = ["本年制发件数", "本年废止件数", "现行有效件数"];

/// The 规章 and 行政规范性文件 rows, whose three columns are bound by 现行有效 ≥ 制发 − 废止.
#[derive(Debug, Clone, Copy)]
pub struct DocumentStock {
    pub label: &'static str,
    pub issued: &'static str,
    pub repealed: &'static str,
    pub in_force: &'static str,
}

/// The rows of table 二 with the three columns 本年制发件数, 本年废止件数, 现行有效件数.
pub fn document_stocks() -> Vec<DocumentStock> {
    // Loops rather than a chain of adapters, which compiles to a state machine of its own.
    let mut stocks = Vec::new();
    for block in PROACTIVE {
        for row in block.rows {
            if let [issued, repealed, in_force] = *row.keys {
                stocks.push(DocumentStock { label: row.label, issued, repealed, in_force });
            }
        }
    }
    stocks
}

// ---------------------------------------------------------------------------------------------
// Table 三: 收到和处理政府信息公开申请情况

/// A column of table 三 (申请人情况).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestColumn {
    pub key: &'static str,
    pub label: &'static str,
}

pub const REQUEST_COLUMNS: [RequestColumn; 7] = [
    RequestColumn { key: "natural_person", label: "自然人" },
    RequestColumn { key: "commercial", label: "商业企业" },
    RequestColumn { key: "research", label: "科研机构" },
    RequestColumn { key: "social_welfare", label: "社会公益组织" },
    RequestColumn { key: "legal_service", label: "法律服务机构" },
    RequestColumn { key: "other_org", label: "其他" },
    RequestColumn { key: "total", label: "总计" },
];

/// Index of the derived `total` column in [`REQUEST_COLUMNS`]; the six before it are the applicants.
pub const REQUEST_TOTAL_COLUMN: usize = 6;

/// What a row of table 三 is, which decides the arithmetic it takes part in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestRowRole {
    /// 一、本年新收
    Received,
    /// 二、上年结转
    CarriedOver,
    /// A row of 三、本年度办理结果 ([`OUTCOMES`]): every application lands in exactly one.
    Outcome,
    /// （七）总计: the sum of the outcome rows.
    OutcomeTotal,
    /// 四、结转下年度继续办理
    CarriedForward,
}

/// Width of table 三 in grid columns: three label columns and seven value columns.
pub const REQUESTS_LABEL_WIDTH: u16 = 3;

/// Table 三's corner, the rule of its columns.
pub const REQUESTS_CORNER_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
/// Over the seven columns of table 三.
pub const APPLICANTS_HEADER: &str = "申请人情况";
/// Over the five columns between 自然人 and 总计.
pub const ORGANISATIONS_HEADER: &str = "法人或其他组织";

/// A category of 三、本年度办理结果: on a row of its own (（一）予以公开), or over the numbered items
/// it is split into (（三）不予公开 1.… 8.…), each a row.
#[derive(Debug)]
pub struct Outcome {
    /// The row key of a single-row category; the first part of its items' keys otherwise.
    pub key: &'static str,
    pub label: &'static str,
    /// How a message names it where `label` is long.
    pub name: &'static str,
    pub items: &'static [OutcomeItem],
}

/// A numbered item under an outcome category: one row of table 三.
#[derive(Debug)]
pub struct OutcomeItem {
    /// The second part of the row key, after the category's.
    pub key: &'static str,
    pub label: &'static str,
    /// How a message names it where `label` is long.
    pub name: &'static str,
}

const fn single(key: &'static str, label: &'static str, name: &'static str) -> Outcome {
    Outcome { key, label, name, items: &[] }
}
const fn split(key: &'static str, label: &'static str, items: &'static [OutcomeItem]) -> Outcome {
    Outcome { key, label, name: label, items }
}
const fn item(key: &'static str, label: &'static str) -> OutcomeItem {
    OutcomeItem { key, label, name: label }
}
const fn item_named(key: &'static str, label: &'static str, name: &'static str) -> OutcomeItem {
    OutcomeItem { key, label, name }
}

/// Beside the outcome rows and （七）总计, in the first label column.
pub const OUTCOMES_HEADER: &str = "三、本年度办理结果";
/// The row under the outcomes that adds them up.
pub const OUTCOME_TOTAL_LABEL: &str = "（七）总计";

/// The outcome categories of table 三, in order: every application lands in exactly one of their rows.
pub const OUTCOMES: &[Outcome] = &[
    single("disclosed", "（一）予以公开", "（一）予以公开"),
    single("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开"),
    split(
        "withheld",
        "（三）不予公开",
        &[
            item("state_secret", "1.属于国家秘密"),
            item("prohibited_by_law", "2.其他法律行政法规禁止公开"),
            item("security_stability", "3.危及“三安全一稳定”"),
            item("third_party", "4.保护第三方合法权益"),
            item("internal_affairs", "5.属于三类内部事务信息"),
            item("process_info", "6.属于四类过程性信息"),
            item("enforcement_file", "7.属于行政执法案卷"),
            item("query_matter", "8.属于行政查询事项"),
        ],
    ),
    split(
        "unavailable",
        "（四）无法提供",
        &[
            item("not_held", "1.本机关不掌握相关政府信息"),
            item("needs_creation", "2.没有现成信息需要另行制作"),
            item("still_unclear", "3.补正后申请内容仍不明确"),
        ],
    ),
    split(
        "not_processed",
        "（五）不予处理",
        &[
            item("petition", "1.信访举报投诉类申请"),
            item("repeated", "2.重复申请"),
            item("publication", "3.要求提供公开出版物"),
            item("excessive", "4.无正当理由大量反复申请"),
            item("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        ],
    ),
    split(
        "other_handling",
        "（六）其他处理",
        &[
            item_named(
                "no_correction",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "1.逾期不补正",
            ),
            item_named(
                "fee_unpaid",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "2.逾期未缴费",
            ),
            item("other", "3.其他"),
        ],
    ),
];

impl Outcome {
    /// How many rows of table 三 it takes.
    pub fn row_count(&self) -> usize {
        self.items.len().max(1)
    }

    /// What a sentence calls it: the name (which leaves out the label's note) without its numeral,
    /// e.g. 部分公开.
    pub fn plain_name(&self) -> &'static str {
        self.name.split_once('）').map_or(self.name, |(_, rest)| rest)
    }

    /// Its rows' indices in [`request_rows`].
    pub fn rows(&self) -> std::ops::Range<usize> {
        let before: usize = OUTCOMES.iter().take_while(|o| o.key != self.key).map(Outcome::row_count).sum();
        let first = request_row(RequestRowRole::CarriedOver) + 1 + before;
        first..first + self.row_count()
    }
}

/// The outcome category with `key`, e.g. `other_handling`.
pub fn outcome(key: &str) -> &'static Outcome {
    OUTCOMES.iter().find(|o| o.key == key).unwrap_or_else(|| panic!("table 三 has no outcome {key}"))
}

/// A row of table 三: the label cells that start it (with their merges) and its key.
#[derive(Debug)]
pub struct RequestRow {
    /// e.g. `received`, `withheld.third_party`.
    pub key: String,
    pub role: RequestRowRole,
    /// The label cells printed at the start of this row; cells merged from rows above are not repeated.
    pub labels: Vec<LabelCell>,
    /// How a clerk names the row in a message, e.g. `（三）不予公开 4.保护第三方合法权益`.
    pub name: String,
}

impl RequestRow {
    /// A row whose one label spans the three label columns.
    fn across(key: &str, role: RequestRowRole, label: &'static str, name: &str) -> RequestRow {
        RequestRow { key: key.into(), role, labels: vec![wide(label, REQUESTS_LABEL_WIDTH)], name: name.into() }
    }
}

/// The rows of table 三, top to bottom, the outcome rows and their merges made from [`OUTCOMES`].
pub fn request_rows() -> &'static [RequestRow] {
    static ROWS: LazyLock<Vec<RequestRow>> = LazyLock::new(|| {
        use RequestRowRole::{CarriedForward, CarriedOver, OutcomeTotal, Received};
        let mut rows = vec![
            RequestRow::across("received", Received, "一、本年新收政府信息公开申请数量", "一、本年新收"),
            RequestRow::across("carried_over", CarriedOver, "二、上年结转政府信息公开申请数量", "二、上年结转"),
        ];
        let outcome_rows: usize = OUTCOMES.iter().map(Outcome::row_count).sum();
        // 三、本年度办理结果 stands beside the outcome rows and （七）总计.
        let mut header = Some(tall(OUTCOMES_HEADER, outcome_rows as u16 + 1));
        for outcome in OUTCOMES {
            if outcome.items.is_empty() {
                let mut labels: Vec<LabelCell> = header.take().into_iter().collect();
                labels.push(wide(outcome.label, 2));
                rows.push(RequestRow {
                    key: outcome.key.into(),
                    role: RequestRowRole::Outcome,
                    labels,
                    name: outcome.name.into(),
                });
                continue;
            }
            let mut category = Some(tall(outcome.label, outcome.items.len() as u16));
            for item in outcome.items {
                let mut labels: Vec<LabelCell> = header.take().into_iter().collect();
                labels.extend(category.take());
                labels.push(cell(item.label));
                rows.push(RequestRow {
                    key: format!("{}.{}", outcome.key, item.key),
                    role: RequestRowRole::Outcome,
                    labels,
                    name: format!("{} {}", outcome.name, item.name),
                });
            }
        }
        rows.push(RequestRow {
            key: "outcome_total".into(),
            role: OutcomeTotal,
            labels: vec![wide(OUTCOME_TOTAL_LABEL, 2)],
            name: OUTCOME_TOTAL_LABEL.into(),
        });
        rows.push(RequestRow::across("carried_forward", CarriedForward, "四、结转下年度继续办理", "四、结转下年度"));
        rows
    });
    &ROWS
}

/// The index in [`request_rows`] of the row that plays `role`; one of the four single rows, not
/// [`RequestRowRole::Outcome`], which many rows play ([`outcome_rows`]).
pub fn request_row(role: RequestRowRole) -> usize {
    debug_assert_ne!(role, RequestRowRole::Outcome, "many rows are outcomes: use outcome_rows()");
    request_rows().iter().position(|r| r.role == role).expect("table 三 has one row of each single role")
}

/// The indices in [`request_rows`] of the outcome rows.
pub fn outcome_rows() -> impl Iterator<Item = usize> + Clone {
    (0..request_rows().len()).filter(|&r| request_rows()[r].role == RequestRowRole::Outcome)
}

/// The key of the cell at `row` × `column` of table 三, e.g. `requests.withheld.third_party.commercial`.
pub fn request_key(row: &RequestRow, column: &RequestColumn) -> String {
    format!("requests.{}.{}", row.key, column.key)
}

// ---------------------------------------------------------------------------------------------
// Table 四: 政府信息公开行政复议、行政诉讼情况

/// What a group of table 四 counts: 行政复议, or one kind of 行政诉讼 (under [`SUITS_HEADER`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appeal {
    Review,
    Suit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppealGroup {
    pub key: &'static str,
    pub label: &'static str,
    pub appeal: Appeal,
}

pub const APPEAL_GROUPS: [AppealGroup; 3] = [
    AppealGroup { key: "review", label: "行政复议", appeal: Appeal::Review },
    AppealGroup { key: "suit_direct", label: "未经复议直接起诉", appeal: Appeal::Suit },
    AppealGroup { key: "suit_after_review", label: "复议后起诉", appeal: Appeal::Suit },
];

/// The 总计 cells of the table 四 groups that count `appeal`: 行政复议's one, or the two suits'.
pub fn appeal_totals(appeal: Appeal) -> Vec<FieldId> {
    (0..APPEAL_GROUPS.len())
        .filter(|&g| APPEAL_GROUPS[g].appeal == appeal)
        .map(|g| appeal_cell(g, APPEAL_TOTAL_COLUMN))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppealColumn {
    pub key: &'static str,
    pub label: &'static str,
}

pub const APPEAL_COLUMNS: [AppealColumn; 5] = [
    AppealColumn { key: "upheld", label: "结果维持" },
    AppealColumn { key: "corrected", label: "结果纠正" },
    AppealColumn { key: "other", label: "其他结果" },
    AppealColumn { key: "pending", label: "尚未审结" },
    AppealColumn { key: "total", label: "总计" },
];

/// Index of the derived `total` column in [`APPEAL_COLUMNS`].
pub const APPEAL_TOTAL_COLUMN: usize = 4;

/// Over table 四's two suit groups.
pub const SUITS_HEADER: &str = "行政诉讼";

pub fn appeal_key(group: &AppealGroup, column: &AppealColumn) -> String {
    format!("appeals.{}.{}", group.key, column.key)
}

// ---------------------------------------------------------------------------------------------
// Sections and text

/// Which table a section carries after its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Proactive,
    Requests,
    Appeals,
}

impl Table {
    /// The relative widths of its grid columns in the distributed Word template (its `w:gridCol`,
    /// in twips): table 三's label columns wide, its seven count columns narrow.
    pub fn template_column_widths(self) -> &'static [u32] {
        match self {
            Table::Proactive => &[2435; 4],
            Table::Requests => &[754, 921, 3271, 685, 685, 685, 685, 685, 685, 685],
            Table::Appeals => &[649; 15],
        }
    }

    /// The first part of its fields' keys, e.g. `requests`.
    pub fn key(self) -> &'static str {
        match self {
            Table::Proactive => "proactive",
            Table::Requests => "requests",
            Table::Appeals => "appeals",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Table::Proactive => "表二",
            Table::Requests => "表三",
            Table::Appeals => "表四",
        }
    }
}

pub const OVERVIEW_INTRO: &str = "overview.intro";
pub const PROBLEMS_LAST_YEAR: &str = "problems.last_year";
pub const PROBLEMS_THIS_YEAR: &str = "problems.this_year";
pub const OTHER_MATTERS: &str = "other_matters";

/// A text field of a section: under a customary sub-heading such as `（一）主动公开`, which the
/// form shows above it and the fragment prints; or without one, with a label for the form only.
#[derive(Debug, Clone, Copy)]
pub enum TextPart {
    Headed { key: &'static str, heading: &'static str },
    Plain { key: &'static str, label: &'static str },
}

impl TextPart {
    pub fn key(&self) -> &'static str {
        match *self {
            TextPart::Headed { key, .. } | TextPart::Plain { key, .. } => key,
        }
    }

    pub fn heading(&self) -> Option<&'static str> {
        match *self {
            TextPart::Headed { heading, .. } => Some(heading),
            TextPart::Plain { .. } => None,
        }
    }

    /// What the form shows the clerk above the field.
    pub fn label(&self) -> &'static str {
        match *self {
            TextPart::Headed { heading: text, .. } | TextPart::Plain { label: text, .. } => text,
        }
    }
}

/// One of the six numbered sections of the report.
#[derive(Debug)]
pub struct Section {
    pub heading: &'static str,
    /// The heading as some reports print it, which a copy is read by too.
    pub variants: &'static [&'static str],
    pub parts: &'static [TextPart],
    pub table: Option<Table>,
}

pub const SECTIONS: [Section; 6] = [
    Section {
        heading: "一、总体情况",
        variants: &[],
        parts: &[
            TextPart::Plain { key: OVERVIEW_INTRO, label: "开篇（编制依据、统计期限）" },
            TextPart::Headed { key: "overview.proactive", heading: "（一）主动公开" },
            TextPart::Headed { key: "overview.on_request", heading: "（二）依申请公开" },
            TextPart::Headed { key: "overview.management", heading: "（三）政府信息管理" },
            TextPart::Headed { key: "overview.platforms", heading: "（四）政府信息公开平台建设" },
            TextPart::Headed { key: "overview.oversight", heading: "（五）监督保障" },
        ],
        table: None,
    },
    Section {
        heading: "二、主动公开政府信息情况",
        variants: &[],
        parts: &[TextPart::Plain { key: "proactive.note", label: "说明（可选）" }],
        table: Some(Table::Proactive),
    },
    Section {
        heading: "三、收到和处理政府信息公开申请情况",
        variants: &[],
        parts: &[TextPart::Plain { key: "requests.note", label: "说明（可选）" }],
        table: Some(Table::Requests),
    },
    Section {
        heading: "四、政府信息公开行政复议、行政诉讼情况",
        variants: &["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况"],
        parts: &[TextPart::Plain { key: "appeals.note", label: "说明（可选）" }],
        table: Some(Table::Appeals),
    },
    Section {
        heading: "五、存在的主要问题及改进情况",
        variants: &["五、政府信息公开工作存在的主要问题及改进情况", "五、存在的主要问题和改进情况"],
        parts: &[
            TextPart::Headed { key: PROBLEMS_LAST_YEAR, heading: "（一）上年度存在问题及改进情况" },
            TextPart::Headed { key: PROBLEMS_THIS_YEAR, heading: "（二）本年度存在问题及改进举措" },
        ],
        table: None,
    },
    Section {
        heading: "六、其他需要报告的事项",
        variants: &[],
        parts: &[TextPart::Plain {
            key: OTHER_MATTERS, label: "其他事项（须说明信息处理费收取情况）"
        }],
        table: None,
    },
];

/// The text parts of the six sections, in form order.
pub fn text_parts() -> &'static [FieldId] {
    static IDS: LazyLock<Vec<FieldId>> = LazyLock::new(|| {
        let mut ids = Vec::new();
        for section in &SECTIONS {
            for part in section.parts {
                ids.push(id_of(part.key()));
            }
        }
        ids
    });
    &IDS
}

/// The section a text field is part of.
pub fn section_of(key: &str) -> &'static Section {
    SECTIONS
        .iter()
        .find(|section| section.parts.iter().any(|part| part.key() == key))
        .expect("a text key of the national format")
}

/// The identity of the report: who publishes it, for which year, and the signature.
#[derive(Debug, Clone, Copy)]
pub struct MetaField {
    pub key: &'static str,
    pub label: &'static str,
}

pub const META_AGENCY: &str = "meta.agency";
pub const META_YEAR: &str = "meta.year";
pub const META_SCOPE: &str = "meta.scope";
pub const META_SIGNED_BY: &str = "meta.signed_by";
pub const META_SIGNED_ON: &str = "meta.signed_on";

pub const META_FIELDS: [MetaField; 5] = [
    MetaField { key: META_AGENCY, label: "机关全称" },
    MetaField { key: META_YEAR, label: "报告年度" },
    MetaField { key: META_SCOPE, label: "报告范围" },
    MetaField { key: META_SIGNED_BY, label: "落款" },
    MetaField { key: META_SIGNED_ON, label: "成文日期" },
];

/// The values of `meta.scope` and how the form names them.
pub const SCOPES: [(&str, &str); 2] = [("agency", "本机关"), (SCOPE_REGION, "本级政府汇总本行政区域")];
/// The scope of a 本级政府 report, which sums up its region (published by 31 March).
pub const SCOPE_REGION: &str = "region";

pub const TITLE_SUFFIX: &str = "年政府信息公开工作年度报告";

/// `<机关全称><YYYY>年政府信息公开工作年度报告`.
pub fn title(agency: &str, year: &str) -> String {
    format!("{}{}{}", agency.trim(), year.trim(), TITLE_SUFFIX)
}

// ---------------------------------------------------------------------------------------------
// The field registry

/// What a field holds, which decides how it is parsed and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A count of 件, typed by the clerk.
    Count,
    /// A count the format derives from others (总计 column, （七）总计, 表四 总计). A report may carry it
    /// printed (an imported one does); otherwise it is computed.
    DerivedCount,
    /// The 万元 amount of 行政事业性收费.
    Amount,
    /// The report year.
    Year,
    /// Free text, or the scope choice.
    Text,
}

/// One field of the report, in the order the form and the fragment show it.
#[derive(Debug, Clone)]
pub struct Field {
    pub key: String,
    pub kind: FieldKind,
    /// Where a clerk finds the field, e.g. `表三「（一）予以公开」行「自然人」列`.
    pub place: String,
    pub table: Option<Table>,
}

/// Index of a field in [`fields()`]: the position order the form, findings and files follow.
pub type FieldId = usize;

struct Registry {
    fields: Vec<Field>,
    /// Field ids in the order of their keys, for lookup by binary search.
    by_key: Vec<FieldId>,
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut fields = Vec::with_capacity(220);
    for meta in META_FIELDS {
        let kind = if meta.key == META_YEAR { FieldKind::Year } else { FieldKind::Text };
        fields.push(Field { key: meta.key.into(), kind, place: meta.label.into(), table: None });
    }
    for section in &SECTIONS {
        for part in section.parts {
            fields.push(Field {
                key: part.key().into(),
                kind: FieldKind::Text,
                place: format!("{}{}", section.heading, part.heading().map(|h| format!(" {h}")).unwrap_or_default()),
                table: None,
            });
        }
        match section.table {
            Some(Table::Proactive) => {
                for block in PROACTIVE {
                    for row in block.rows {
                        for (key, column) in row.keys.iter().zip(block.columns) {
                            let kind = if *key == FEE_AMOUNT_KEY { FieldKind::Amount } else { FieldKind::Count };
                            fields.push(Field {
                                key: (*key).into(),
                                kind,
                                place: format!("表二「{}」{}", row.label, column),
                                table: Some(Table::Proactive),
                            });
                        }
                    }
                }
            }
            Some(Table::Requests) => {
                for row in request_rows() {
                    for (index, column) in REQUEST_COLUMNS.iter().enumerate() {
                        let derived = index == REQUEST_TOTAL_COLUMN || row.role == RequestRowRole::OutcomeTotal;
                        fields.push(Field {
                            key: request_key(row, column),
                            kind: if derived { FieldKind::DerivedCount } else { FieldKind::Count },
                            place: format!("表三「{}」行「{}」列", row.name, column.label),
                            table: Some(Table::Requests),
                        });
                    }
                }
            }
            Some(Table::Appeals) => {
                for group in &APPEAL_GROUPS {
                    for (index, column) in APPEAL_COLUMNS.iter().enumerate() {
                        fields.push(Field {
                            key: appeal_key(group, column),
                            kind: if index == APPEAL_TOTAL_COLUMN { FieldKind::DerivedCount } else { FieldKind::Count },
                            place: format!("表四「{}」{}", group.label, column.label),
                            table: Some(Table::Appeals),
                        });
                    }
                }
            }
            None => {}
        }
    }
    let mut by_key: Vec<FieldId> = Vec::with_capacity(fields.len());
    for (id, field) in fields.iter().enumerate() {
        by_key.insert(by_key.partition_point(|&other| fields[other].key < field.key), id);
    }
    Registry { fields, by_key }
});

/// Every field of the report, in form order.
pub fn fields() -> &'static [Field] {
    &REGISTRY.fields
}

pub fn field_id(key: &str) -> Option<FieldId> {
    let registry = &*REGISTRY;
    let at = registry.by_key.partition_point(|&id| registry.fields[id].key.as_str() < key);
    registry.by_key.get(at).copied().filter(|&id| registry.fields[id].key == key)
}

pub fn field(id: FieldId) -> &'static Field {
    &REGISTRY.fields[id]
}

/// The id of a key known to be in the format; for keys this module itself spells.
pub fn id_of(key: &str) -> FieldId {
    field_id(key).expect("a key of the national format")
}

/// The id of the table 三 cell at `row` × `column` (indices into [`request_rows`], [`REQUEST_COLUMNS`]).
pub fn request_cell(row: usize, column: usize) -> FieldId {
    static IDS: LazyLock<Vec<FieldId>> = LazyLock::new(|| {
        let mut ids = Vec::new();
        for row in request_rows() {
            for column in &REQUEST_COLUMNS {
                ids.push(id_of(&request_key(row, column)));
            }
        }
        ids
    });
    IDS[row * REQUEST_COLUMNS.len() + column]
}

/// The id of the table 四 cell at `group` × `column` (indices into [`APPEAL_GROUPS`], [`APPEAL_COLUMNS`]).
pub fn appeal_cell(group: usize, column: usize) -> FieldId {
    static IDS: LazyLock<Vec<FieldId>> = LazyLock::new(|| {
        let mut ids = Vec::new();
        for group in &APPEAL_GROUPS {
            for column in &APPEAL_COLUMNS {
                ids.push(id_of(&appeal_key(group, column)));
            }
        }
        ids
    });
    IDS[group * APPEAL_COLUMNS.len() + column]
}

/// A row of numbers as a clerk reads it: a row of 表二 or 表三, or a group of 表四.
#[derive(Debug)]
pub struct NumberRow {
    pub table: Table,
    /// How messages name it, e.g. `表三「（一）予以公开」行`.
    pub name: String,
    pub cells: Vec<FieldId>,
}

/// The number row a field is in.
pub fn number_row_of(id: FieldId) -> Option<&'static NumberRow> {
    number_rows().iter().find(|row| row.cells.contains(&id))
}

/// Every number row of the three tables, in form order: the rows BLANK reports on, and the rows
/// the spreadsheet moves along.
pub fn number_rows() -> &'static [NumberRow] {
    static ROWS: LazyLock<Vec<NumberRow>> = LazyLock::new(|| {
        let mut rows = Vec::new();
        for block in PROACTIVE {
            for row in block.rows {
                rows.push(NumberRow {
                    table: Table::Proactive,
                    name: format!("表二「{}」", row.label),
                    cells: row.keys.iter().map(|k| id_of(k)).collect(),
                });
            }
        }
        for (r, row) in request_rows().iter().enumerate() {
            rows.push(NumberRow {
                table: Table::Requests,
                name: format!("表三「{}」行", row.name),
                cells: (0..REQUEST_COLUMNS.len()).map(|c| request_cell(r, c)).collect(),
            });
        }
        for (g, group) in APPEAL_GROUPS.iter().enumerate() {
            rows.push(NumberRow {
                table: Table::Appeals,
                name: format!("表四「{}」", group.label),
                cells: (0..APPEAL_COLUMNS.len()).map(|c| appeal_cell(g, c)).collect(),
            });
        }
        rows
    });
    &ROWS
}

// ---------------------------------------------------------------------------------------------
// The tables as printed: one layout that the form, the fragment and the spreadsheet walk

/// What a header cell heads, which decides its `scope` for screen readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heads {
    /// One column (`scope="col"`).
    Column,
    /// Several columns under one header (`scope="colgroup"`).
    Columns,
    /// One row (`scope="row"`).
    Row,
    /// A group of rows (`scope="rowgroup"`).
    Rows,
    /// Table 三's top-left note, which heads nothing.
    Corner,
}

impl Heads {
    /// The HTML `scope` of a header cell, none for the corner.
    pub fn scope(self) -> Option<&'static str> {
        match self {
            Heads::Column => Some("col"),
            Heads::Columns => Some("colgroup"),
            Heads::Row => Some("row"),
            Heads::Rows => Some("rowgroup"),
            Heads::Corner => None,
        }
    }
}

/// A cell of a printed table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutCell {
    Label { text: &'static str, rowspan: u16, colspan: u16, heads: Heads },
    Value { id: FieldId, colspan: u16 },
}

/// A row of a printed table: column headers, or a row of values with its labels.
#[derive(Debug)]
pub struct LayoutRow {
    /// True for a row of column headers (table 二 repeats them for each 第二十条 block).
    pub header: bool,
    /// The table 三 row key (`received`, `withheld.third_party` …) of a value row there.
    pub key: Option<&'static str>,
    pub cells: Vec<LayoutCell>,
}

impl LayoutRow {
    /// The fields of the row's value cells, left to right.
    pub fn values(&self) -> impl Iterator<Item = FieldId> + '_ {
        self.cells.iter().filter_map(|cell| match cell {
            LayoutCell::Value { id, .. } => Some(*id),
            LayoutCell::Label { .. } => None,
        })
    }
}

/// One table as printed: every row, with the national merges.
#[derive(Debug)]
pub struct TableLayout {
    pub table: Table,
    /// Width in grid columns, merges expanded.
    pub width: u16,
    pub rows: Vec<LayoutRow>,
}

/// A slot of a table's grid, merges expanded: the cell covering it, and whether this slot is the
/// cell's top-left one (where the cell's text is read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub cell: LayoutCell,
    /// Index of the cell in the layout, counted row by row.
    pub index: usize,
    pub first: bool,
}

impl TableLayout {
    /// How many rows at the top head every column of the whole table (tables 三 and 四); none
    /// where header rows recur further down (table 二's blocks each head only themselves).
    pub fn column_heads(&self) -> usize {
        let leading = self.rows.iter().take_while(|row| row.header).count();
        if self.rows[leading..].iter().any(|row| row.header) { 0 } else { leading }
    }

    /// The grid a browser lays the table out as: every row `width` slots wide.
    pub fn slots(&self) -> Vec<Vec<Slot>> {
        let mut grid: Vec<Vec<Option<Slot>>> = vec![vec![None; self.width as usize]; self.rows.len()];
        let mut index = 0;
        for (r, row) in self.rows.iter().enumerate() {
            let mut c = 0;
            for &cell in &row.cells {
                while grid[r][c].is_some() {
                    c += 1;
                }
                let (rowspan, colspan) = match cell {
                    LayoutCell::Label { rowspan, colspan, .. } => (rowspan as usize, colspan as usize),
                    LayoutCell::Value { colspan, .. } => (1, colspan as usize),
                };
                for (dr, slot_row) in grid[r..r + rowspan].iter_mut().enumerate() {
                    for (dc, slot) in slot_row[c..c + colspan].iter_mut().enumerate() {
                        debug_assert!(
                            slot.is_none(),
                            "{:?}: two cells cover row {} column {}",
                            self.table,
                            r + dr,
                            c + dc
                        );
                        *slot = Some(Slot { cell, index, first: dr == 0 && dc == 0 });
                    }
                }
                c += colspan;
                index += 1;
            }
        }
        grid.into_iter()
            .map(|row| row.into_iter().map(|slot| slot.expect("the layout fills its grid")).collect())
            .collect()
    }
}

/// The layout of a table of the format.
pub fn layout(table: Table) -> &'static TableLayout {
    static LAYOUTS: LazyLock<[TableLayout; 3]> =
        LazyLock::new(|| [proactive_layout(), requests_layout(), appeals_layout()]);
    match table {
        Table::Proactive => &LAYOUTS[0],
        Table::Requests => &LAYOUTS[1],
        Table::Appeals => &LAYOUTS[2],
    }
}

fn header_row(cells: &[LabelCell]) -> LayoutRow {
    let heads = |cell: &LabelCell| match (cell.rowspan > 1, cell.colspan > 1) {
        (true, true) => Heads::Corner,
        (_, true) => Heads::Columns,
        _ => Heads::Column,
    };
    let cells = cells
        .iter()
        .map(|cell| LayoutCell::Label {
            text: cell.text,
            rowspan: cell.rowspan,
            colspan: cell.colspan,
            heads: heads(cell),
        })
        .collect();
    LayoutRow { header: true, key: None, cells }
}

fn row_label(cell: &LabelCell) -> LayoutCell {
    let heads = if cell.rowspan > 1 { Heads::Rows } else { Heads::Row };
    LayoutCell::Label { text: cell.text, rowspan: cell.rowspan, colspan: cell.colspan, heads }
}

/// Table 二: each 第二十条 block has its own header rows; a block with one value column spans it
/// over the three value columns.
fn proactive_layout() -> TableLayout {
    let value_span = PROACTIVE_WIDTH - 1;
    let mut rows = Vec::new();
    for block in PROACTIVE {
        let span = if block.columns.len() == 1 { value_span } else { 1 };
        rows.push(header_row(&[wide(block.article, PROACTIVE_WIDTH)]));
        let mut columns = vec![cell(PROACTIVE_ITEM_HEADER)];
        for column in block.columns {
            columns.push(wide(column, span));
        }
        rows.push(header_row(&columns));
        for row in block.rows {
            let mut cells = vec![row_label(&cell(row.label))];
            for key in row.keys {
                cells.push(LayoutCell::Value { id: id_of(key), colspan: span });
            }
            rows.push(LayoutRow { header: false, key: None, cells });
        }
    }
    TableLayout { table: Table::Proactive, width: PROACTIVE_WIDTH, rows }
}

fn requests_layout() -> TableLayout {
    // 自然人 and 总计 stand alone over two rows; the five organisations share a header.
    let [person, organisations @ .., total] = &REQUEST_COLUMNS;
    let organisations: Vec<LabelCell> = organisations.iter().map(|c| cell(c.label)).collect();
    let mut rows = vec![
        header_row(&[block(REQUESTS_CORNER_NOTE, 3, REQUESTS_LABEL_WIDTH), wide(APPLICANTS_HEADER, 7)]),
        header_row(&[
            tall(person.label, 2),
            wide(ORGANISATIONS_HEADER, organisations.len() as u16),
            tall(total.label, 2),
        ]),
        header_row(&organisations),
    ];
    for (r, row) in request_rows().iter().enumerate() {
        let mut cells: Vec<LayoutCell> = row.labels.iter().map(row_label).collect();
        for c in 0..REQUEST_COLUMNS.len() {
            cells.push(LayoutCell::Value { id: request_cell(r, c), colspan: 1 });
        }
        rows.push(LayoutRow { header: false, key: Some(&row.key), cells });
    }
    TableLayout { table: Table::Requests, width: REQUESTS_LABEL_WIDTH + REQUEST_COLUMNS.len() as u16, rows }
}

/// Table 四: three header rows over one row of fifteen numbers.
fn appeals_layout() -> TableLayout {
    // 行政复议 comes first, its columns standing over two rows; the suit groups each head the same five.
    let [review, suits @ ..] = &APPEAL_GROUPS;
    debug_assert!(review.appeal == Appeal::Review && suits.iter().all(|g| g.appeal == Appeal::Suit));
    let width = APPEAL_COLUMNS.len() as u16;
    let mut second: Vec<LabelCell> = APPEAL_COLUMNS.iter().map(|c| tall(c.label, 2)).collect();
    let mut third = Vec::new();
    for group in suits {
        second.push(wide(group.label, width));
        third.extend(APPEAL_COLUMNS.iter().map(|c| cell(c.label)));
    }
    let mut rows = vec![
        header_row(&[wide(review.label, width), wide(SUITS_HEADER, width * suits.len() as u16)]),
        header_row(&second),
        header_row(&third),
    ];
    let mut values = Vec::new();
    for g in 0..APPEAL_GROUPS.len() {
        for c in 0..APPEAL_COLUMNS.len() {
            values.push(LayoutCell::Value { id: appeal_cell(g, c), colspan: 1 });
        }
    }
    rows.push(LayoutRow { header: false, key: None, cells: values });
    TableLayout { table: Table::Appeals, width: (APPEAL_GROUPS.len() * APPEAL_COLUMNS.len()) as u16, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_has_two_hundred_numbers_and_every_text_field() {
        let numbers = fields()
            .iter()
            .filter(|f| matches!(f.kind, FieldKind::Count | FieldKind::DerivedCount | FieldKind::Amount))
            .count();
        assert_eq!(numbers, 10 + 175 + 15);
        let texts = fields().iter().filter(|f| f.kind == FieldKind::Text).count();
        // agency, scope, signed_by, signed_on + 6 overview + 3 notes + 2 problems + other_matters
        assert_eq!(texts, 4 + 6 + 3 + 2 + 1);
    }

    #[test]
    fn every_number_is_in_exactly_one_number_row_and_no_text_is() {
        let mut seen = vec![0; fields().len()];
        for row in number_rows() {
            for &id in &row.cells {
                seen[id] += 1;
            }
        }
        for (id, field) in fields().iter().enumerate() {
            let number = matches!(field.kind, FieldKind::Count | FieldKind::Amount | FieldKind::DerivedCount);
            assert_eq!(seen[id], usize::from(number), "{}", field.key);
        }
        let names: Vec<&str> = number_rows().iter().map(|row| row.name.as_str()).collect();
        assert_eq!(names.iter().filter(|n| n.starts_with("表三")).count(), request_rows().len());
        assert_eq!(names.first(), Some(&"表二「规章」"));
        assert_eq!(names.last(), Some(&"表四「复议后起诉」"));
    }

    /// The layout's grid by cell index, after checking that no two cells cover one slot.
    fn expand(layout: &TableLayout) -> Vec<Vec<usize>> {
        let grid = layout.slots();
        let covered: usize = grid.iter().flatten().filter(|slot| slot.first).count();
        let cells: usize = layout.rows.iter().map(|row| row.cells.len()).sum();
        assert_eq!(covered, cells, "{:?}: a cell is hidden under another", layout.table);
        grid.iter().map(|row| row.iter().map(|slot| slot.index).collect()).collect()
    }

    #[test]
    fn every_table_layout_fills_its_grid_and_holds_every_number_once() {
        let mut seen = vec![0; fields().len()];
        for table in [Table::Proactive, Table::Requests, Table::Appeals] {
            let layout = layout(table);
            expand(layout);
            for row in &layout.rows {
                for id in row.values() {
                    assert_eq!(field(id).table, Some(table), "{}", field(id).key);
                    seen[id] += 1;
                }
            }
        }
        for (id, field) in fields().iter().enumerate() {
            let number = matches!(field.kind, FieldKind::Count | FieldKind::Amount | FieldKind::DerivedCount);
            assert_eq!(seen[id], usize::from(number), "{}", field.key);
        }
    }

    #[test]
    fn table_three_is_laid_out_as_the_national_format_prints_it() {
        let layout = layout(Table::Requests);
        let grid = expand(layout);
        // 10 grid columns; 3 header rows and 25 value rows.
        assert_eq!((grid.len(), grid[0].len()), (28, 10));
        // The corner note covers rows 0–2 × columns 0–2; 三、本年度办理结果 rows 5–26 of column 0.
        assert!(grid[..3].iter().all(|row| row[..3].iter().all(|&s| s == grid[0][0])));
        assert_eq!(grid[5][0], grid[26][0]);
        assert_ne!(grid[4][0], grid[5][0]);
        assert_ne!(grid[27][0], grid[26][0]);
        let heads: Vec<Option<&str>> = layout.rows[0..2]
            .iter()
            .flat_map(|row| &row.cells)
            .map(|cell| match cell {
                LayoutCell::Label { heads, .. } => heads.scope(),
                LayoutCell::Value { .. } => panic!("a value in the header"),
            })
            .collect();
        assert_eq!(heads, [None, Some("colgroup"), Some("col"), Some("colgroup"), Some("col")]);
        assert_eq!(layout.rows[3].key, Some("received"));
        assert_eq!(layout.rows[27].key, Some("carried_forward"));
    }

    #[test]
    fn keys_are_unique_and_found_by_id() {
        for (id, f) in fields().iter().enumerate() {
            assert_eq!(field_id(&f.key), Some(id), "{}", f.key);
        }
        for outside in ["", "meta", "requests.received", "requests.subtotal.withheld", "zzz"] {
            assert_eq!(field_id(outside), None, "{outside}");
        }
    }

    #[test]
    fn the_document_stocks_are_the_rules_and_normative_documents_rows() {
        let stocks: Vec<DocumentStock> = document_stocks();
        assert_eq!(stocks.iter().map(|s| s.label).collect::<Vec<_>>(), ["规章", "行政规范性文件"]);
        assert_eq!(
            [stocks[1].issued, stocks[1].repealed, stocks[1].in_force],
            [
                "proactive.normative_docs.issued",
                "proactive.normative_docs.repealed",
                "proactive.normative_docs.in_force"
            ]
        );
    }

    #[test]
    fn each_single_role_is_one_row_of_table_three() {
        use RequestRowRole::*;
        for role in [Received, CarriedOver, OutcomeTotal, CarriedForward] {
            assert_eq!(request_rows().iter().filter(|r| r.role == role).count(), 1, "{role:?}");
        }
        assert_eq!(
            [request_row(Received), request_row(CarriedOver), request_row(OutcomeTotal), request_row(CarriedForward)],
            [0, 1, 23, 24]
        );
        assert_eq!(outcome_rows().collect::<Vec<_>>(), (2..23).collect::<Vec<_>>());
    }

    #[test]
    fn outcome_rows_are_the_twenty_one_rows_between_received_and_the_total() {
        let rows = request_rows();
        let outcomes: Vec<_> = rows.iter().filter(|r| r.role == RequestRowRole::Outcome).collect();
        assert_eq!(outcomes.len(), 21);
        assert_eq!(outcomes.first().unwrap().key, "disclosed");
        assert_eq!(outcomes.last().unwrap().key, "other_handling.other");
        // 三、本年度办理结果 spans the outcome rows and （七）总计.
        assert_eq!(rows[2].labels[0], tall("三、本年度办理结果", 22));
        assert_eq!(rows[2].labels[1], wide("（一）予以公开", 2));
        assert_eq!(rows[4].key, "withheld.state_secret");
        assert_eq!(rows[4].labels, [tall("（三）不予公开", 8), cell("1.属于国家秘密")]);
        assert_eq!(rows[5].labels, [cell("2.其他法律行政法规禁止公开")]);
        assert_eq!(rows[5].name, "（三）不予公开 2.其他法律行政法规禁止公开");
        assert_eq!(rows[20].name, "（六）其他处理 1.逾期不补正");
        assert_eq!(rows[23].labels, [wide("（七）总计", 2)]);
        assert_eq!(outcome("other_handling").rows(), 20..23);
        assert_eq!(outcome("disclosed").rows(), 2..3);
        assert_eq!(
            OUTCOMES.iter().map(Outcome::plain_name).collect::<Vec<_>>(),
            ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]
        );
    }

    #[test]
    fn derived_cells_are_the_total_column_the_outcome_total_row_and_the_appeal_totals() {
        assert_eq!(field(id_of("requests.withheld.third_party.total")).kind, FieldKind::DerivedCount);
        assert_eq!(field(id_of("requests.outcome_total.commercial")).kind, FieldKind::DerivedCount);
        assert_eq!(field(id_of("requests.carried_forward.commercial")).kind, FieldKind::Count);
        assert_eq!(field(id_of("appeals.suit_direct.total")).kind, FieldKind::DerivedCount);
        assert_eq!(field(id_of("appeals.suit_direct.pending")).kind, FieldKind::Count);
        assert_eq!(field(id_of(FEE_AMOUNT_KEY)).kind, FieldKind::Amount);
        assert_eq!(field(request_cell(24, 1)).key, "requests.carried_forward.commercial");
        assert_eq!(field(appeal_cell(2, 3)).key, "appeals.suit_after_review.pending");
    }
}
