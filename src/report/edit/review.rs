//! What the widget shows about a draft, worked out once per change and handed to every view: the
//! numbers read, the findings worth showing now, how far the clerk has come, and what the exports
//! ask about.

use std::rc::Rc;

use crate::report::base::format::FieldId;
use crate::report::check::rules::{check_sheet, in_form_order, while_filling, with_notes};
use crate::report::check::year_checks::in_force_hints;
use crate::report::data::finding::{Finding, Severity};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;
use crate::report::edit::carry::carried_unchanged;
use crate::report::edit::editor::Draft;
use crate::report::edit::exporting::{ToDo, to_do_said};
use crate::report::publish::open::{named, open_items, still_open};

/// How far the clerk has come, which decides what the findings panel opens with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Nothing typed yet.
    Fresh,
    /// This many findings about parts not yet begun are held back until the clerk asks for every
    /// check.
    HoldingBack(usize),
    /// Every check runs.
    Complete,
}

#[derive(Debug, PartialEq)]
pub struct Review {
    pub report: Rc<Report>,
    pub sheet: Rc<Sheet>,
    /// Every check's findings less what is held back while filling in, with the draft's open
    /// notes of an import; in form order.
    pub findings: Vec<Finding>,
    pub progress: Progress,
    /// The messages of the errors: exporting asks about them.
    pub errors: Rc<Vec<String>>,
    /// 现行有效件数 as last year's report suggests it, by field.
    pub hints: Rc<Vec<(FieldId, u64)>>,
    /// What is still open ([`still_open`]): exporting asks about it, as about errors.
    pub open: Rc<Vec<String>>,
    /// What is still open that no finding speaks of (a missing 成文日期, say), with the field to go
    /// to, once nothing is held back (until then the blanks held back are the next step's to say):
    /// the findings panel lists it, and says nothing is wrong only when there is none.
    pub unlisted: Vec<(String, FieldId)>,
    /// The fields of what is still open.
    open_fields: Vec<FieldId>,
}

impl Review {
    /// What exporting asks about: the errors, the warnings not about what is said open already,
    /// and what is still open.
    pub fn to_do(&self) -> ToDo {
        // A warning about nothing but what is said open is not said twice.
        let said = &self.open_fields;
        let said_open = |f: &Finding| !f.fields.is_empty() && f.fields.iter().all(|id| said.contains(id));
        let (mut warnings, mut first_warned, mut first_wrong) = (Vec::new(), None, None);
        // In form order: the first error's field, else the first warning's, is gone back to first.
        for finding in &self.findings {
            let field = finding.fields.first().copied();
            if finding.severity() == Severity::Error {
                first_wrong = first_wrong.or(field);
            } else if !said_open(finding) {
                warnings.push(finding.message.clone());
                first_warned = first_warned.or(field);
            }
        }
        ToDo {
            errors: self.errors.clone(),
            warnings: Rc::new(warnings),
            open: self.open.clone(),
            first: first_wrong.or(first_warned).or(said.first().copied()),
        }
    }

    /// The review of `draft`; with `every_check`, nothing is held back.
    pub fn of(draft: &Draft, every_check: bool) -> Review {
        let report = Rc::new(draft.report.clone());
        let sheet = Rc::new(Sheet::of(&report));
        let last_year = draft.last_year.as_deref();
        let all = check_sheet(&report, &sheet, last_year);
        let checked = all.len();
        let carried = last_year.map(|last| carried_unchanged(&report, last)).unwrap_or_default();
        let findings = if every_check { all } else { while_filling(all, &report, &sheet, &carried) };
        let held = checked - findings.len();
        let findings = in_form_order(with_notes(findings, &draft.notes));
        let progress = match held {
            _ if report.is_blank() => Progress::Fresh,
            0 => Progress::Complete,
            held => Progress::HoldingBack(held),
        };
        let errors = findings.iter().filter(|f| f.severity() == Severity::Error).map(|f| f.message.clone()).collect();
        let hints = last_year.map(|last| in_force_hints(&sheet, last)).unwrap_or_default();
        let (mut open, mut unlisted, mut open_fields) = (Vec::new(), Vec::new(), Vec::new());
        for (said, fields) in open_items(&report, &sheet) {
            if progress == Progress::Complete && !named(&findings, &fields) {
                unlisted.push((said.clone(), fields[0]));
            }
            open.push(said);
            open_fields.extend(fields);
        }
        let (errors, hints, open) = (Rc::new(errors), Rc::new(hints), Rc::new(open));
        Review { report, sheet, findings, progress, errors, hints, open, unlisted, open_fields }
    }

    /// What the 图解's page and 核对 say is still to be done, worked out here, where the checks
    /// run, and handed to the worker, which runs none.
    pub fn numbers_to_do(&self) -> Option<String> {
        numbers_said(self.errors.len(), &self.open)
    }

    /// Whether the panel may say 没有发现问题: every check run, nothing found, nothing still open.
    pub fn all_done(&self) -> bool {
        self.progress == Progress::Complete && self.findings.is_empty() && self.unlisted.is_empty()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors.len()
    }
}

/// What a report with `errors` errors (counted by the caller) still has to be done, in the copies'
/// sentence, worked out from the report itself: for `xxgk verify`, which has no [`Review`] (the
/// widget's is [`Review::numbers_to_do`]).
pub fn to_do_of(report: &Report, errors: usize) -> Option<String> {
    numbers_said(errors, &still_open(report, &Sheet::of(report)))
}

/// The 图解's and 核对's sentence: the errors and what is still `open`. They speak of the numbers;
/// the warnings were asked about at the copy.
fn numbers_said(errors: usize, open: &[String]) -> Option<String> {
    to_do_said(errors, 0, open)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::base::format::id_of;
    use crate::report::data::finding::Rule;

    #[test]
    fn the_widget_hands_the_worker_what_xxgk_verify_says_is_still_to_be_done() {
        let mut draft = Draft { report: crate::report::example(), ..Draft::default() };
        assert_eq!(Review::of(&draft, true).numbers_to_do(), None);
        draft.report.set_key("requests.received.natural_person", "");
        draft.report.set_key("requests.disclosed.natural_person", "99");
        draft.report.set_key("meta.signed_on", "");
        let review = Review::of(&draft, true);
        let said = review.numbers_to_do().unwrap();
        assert!(
            said.starts_with("报告还有 ") && said.contains("1 个数字格未填") && said.contains("落款没有成文日期"),
            "{said}"
        );
        assert_eq!(Some(said), to_do_of(&draft.report, review.errors.len()));
    }

    #[test]
    fn what_is_open_and_no_finding_speaks_of_is_listed_with_its_field() {
        let mut draft = Draft { report: crate::report::example(), ..Draft::default() };
        assert_eq!(Review::of(&draft, true).unlisted, vec![]);
        // A blank cell and an empty section have their findings; a missing date has none.
        draft.report.set_key("requests.received.research", "");
        draft.report.set_key("other_matters", "");
        draft.report.set_key("meta.signed_on", "");
        let review = Review::of(&draft, true);
        assert_eq!(review.open.len(), 3, "{:?}", review.open);
        assert_eq!(review.unlisted, vec![("落款没有成文日期".to_string(), id_of("meta.signed_on"))]);
        assert!(Review::of(&Draft { report: crate::report::example(), ..Draft::default() }, true).all_done());
        let mut undated = Draft { report: crate::report::example(), ..Draft::default() };
        undated.report.set_key("meta.signed_on", "");
        let undated = Review::of(&undated, true);
        assert!(undated.findings.is_empty() && !undated.all_done(), "no finding, and still not done");
        assert!(review.findings.iter().all(|f| !f.fields.contains(&id_of("meta.signed_on"))));
        // While tables are held back, nothing is listed: the next step speaks.
        let mut begun = Draft::default();
        begun.report.set_key("requests.received.natural_person", "2");
        assert!(matches!(Review::of(&begun, false).progress, Progress::HoldingBack(_)));
        assert_eq!(Review::of(&begun, false).unlisted, vec![]);
        assert!(Review::of(&begun, true).unlisted.iter().any(|(said, _)| said == "落款没有机关名称和成文日期"));
    }

    #[test]
    fn a_fresh_draft_is_reviewed_as_fresh_with_nothing_to_show() {
        let review = Review::of(&Draft::default(), false);
        assert_eq!((review.progress, review.findings.len()), (Progress::Fresh, 0));
        assert_eq!(Review::of(&Draft::default(), true).progress, Progress::Fresh);
    }

    #[test]
    fn what_is_held_back_is_counted_until_every_check_is_asked_for() {
        let mut draft = Draft::default();
        draft.report.set_key("requests.received.natural_person", "2");
        draft.report.set_key("requests.disclosed.natural_person", "1");
        draft.report.set_key("requests.received.commercial", "x");
        let filling = Review::of(&draft, false);
        let Progress::HoldingBack(held) = filling.progress else { panic!("{:?}", filling.progress) };
        let every = Review::of(&draft, true);
        assert_eq!(every.progress, Progress::Complete);
        assert_eq!(every.findings.len(), filling.findings.len() + held);
        assert_eq!(every.errors, filling.errors, "errors of what is begun are never held back");
        assert_eq!(every.warnings(), every.findings.len() - every.errors.len());
    }

    #[test]
    fn a_draft_started_from_last_years_report_starts_calm() {
        // Last year's 结转下年度 not zero: this year's 上年结转 makes every column unbalanced, and
        // table 三 is all blanks but for it. Nothing of that is the clerk's doing yet.
        let mut last = crate::report::example();
        last.set_key("requests.carried_forward.natural_person", "3");
        last.set_key("requests.received.natural_person", "3");
        let draft = crate::report::edit::carry::next_year(&last);
        assert_eq!(draft.report.get_key("requests.carried_over.natural_person"), Some("3"));
        let review = Review::of(&draft, false);
        assert_eq!(review.findings, vec![], "a calm start");
        // The first number typed into 本年新收 does not fire the column's balance either.
        let mut typed = draft.clone();
        typed.report.set_key("requests.received.natural_person", "5");
        let review = Review::of(&typed, false);
        assert!(!review.findings.iter().any(|f| f.rule == Rule::T3Bal), "{:?}", review.findings);
        // Every check, as asked for or before an export, says it all.
        assert!(Review::of(&typed, true).findings.iter().any(|f| f.rule == Rule::T3Bal));
    }

    #[test]
    fn the_notes_of_an_import_are_shown_in_form_order_with_the_rest() {
        let mut draft = Draft::default();
        draft.report.set_key("requests.received.natural_person", "2");
        let cell = id_of("proactive.rules.issued");
        draft.notes.push(Finding::new(Rule::Import, vec![cell], "未导入".into()));
        let review = Review::of(&draft, false);
        assert_eq!(review.findings.first().map(|f| (f.rule, f.fields.clone())), Some((Rule::Import, vec![cell])));
    }

    /// What an export of the example with `changes` asks about.
    fn example_to_do(changes: &[(&str, &str)]) -> ToDo {
        let mut draft = Draft { report: crate::report::example(), ..Draft::default() };
        for (key, value) in changes {
            draft.report.set_key(key, *value);
        }
        Review::of(&draft, true).to_do()
    }

    #[test]
    fn an_export_asks_about_warnings_but_not_twice_about_what_is_said_open() {
        let warnings = |changes: &[(&str, &str)]| example_to_do(changes).warnings.as_ref().clone();
        assert_eq!(warnings(&[]), Vec::<String>::new(), "the example is whole and right");
        // Blank cells (BLANK), an empty section (TXT-EMPTY) and a missing date are said open already.
        let open = [("proactive.fees.amount", ""), ("requests.received.research", ""), ("other_matters", "")];
        assert_eq!(warnings(&open), Vec::<String>::new());
        // Half a section is not said open, and is asked about as its warning.
        let half = warnings(&[("problems.last_year", "")]);
        assert_eq!(half.len(), 1);
        assert!(half[0].contains("（一）上年度存在问题及改进情况"), "{half:?}");
        // A number in the text the table contradicts, with nothing blank.
        let contradicted = warnings(&[("requests.note", "2022年我局共收到信息公开申请12件。")]);
        assert_eq!(contradicted.len(), 1, "{contradicted:?}");
    }

    #[test]
    fn going_back_from_an_export_goes_to_the_first_error_else_warning_else_open_field() {
        let first = |changes: &[(&str, &str)]| {
            example_to_do(changes).first.map(|id| crate::report::base::format::field(id).key.clone())
        };
        assert_eq!(first(&[]), None, "nothing to go back to");
        let open = [("other_matters", ""), ("requests.received.research", "")];
        assert_eq!(
            first(&open).as_deref(),
            Some("requests.received.research"),
            "the blank cell, not the empty section"
        );
        let half = [("problems.last_year", ""), ("other_matters", "")];
        assert_eq!(first(&half).as_deref(), Some("problems.last_year"), "the warning before what is open");
        let wrong = [("requests.disclosed.research", "1"), ("problems.last_year", ""), ("proactive.rules.issued", "x")];
        assert_eq!(first(&wrong).as_deref(), Some("proactive.rules.issued"), "the first error in form order");
        // A row an import left blank makes the printed 总计 wrong: the blank is where the count is
        // missing, and the message asks it filled first.
        let unfilled = [
            ("requests.received.natural_person", "1"),
            ("requests.received.total", "1"),
            ("requests.outcome_total.natural_person", "1"),
            ("requests.outcome_total.total", "1"),
            ("requests.disclosed.natural_person", ""),
            ("requests.disclosed.total", ""),
        ];
        assert_eq!(first(&unfilled).as_deref(), Some("requests.disclosed.natural_person"), "the blank, not the total");
    }

    #[test]
    fn last_years_report_gives_the_in_force_hints() {
        let mut last = Report::new();
        last.set_key("proactive.rules.in_force", "5");
        let mut draft = Draft { last_year: Some(Rc::new(last)), ..Draft::default() };
        draft.report.set_key("proactive.rules.issued", "2");
        assert_eq!(*Review::of(&draft, false).hints, vec![(id_of("proactive.rules.in_force"), 7)]);
    }
}
