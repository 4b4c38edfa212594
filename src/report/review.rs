//! What the widget shows about a draft, worked out once per change and handed to every view: the
//! numbers read, the findings worth showing now, how far the clerk has come, and what the exports
//! ask about.

use std::rc::Rc;

use super::carry::in_force_hints;
use super::editor::Draft;
use super::format::FieldId;
use super::model::Report;
use super::rules::{Finding, Severity, check_sheet, in_form_order, while_filling, with_notes};
use super::sheet::Sheet;

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
}

impl Review {
    /// The review of `draft`; with `every_check`, nothing is held back.
    pub fn of(draft: &Draft, every_check: bool) -> Review {
        let report = Rc::new(draft.report.clone());
        let sheet = Rc::new(Sheet::of(&report));
        let last_year = draft.last_year.as_deref();
        let all = check_sheet(&report, &sheet, last_year);
        let checked = all.len();
        let findings = if every_check { all } else { while_filling(all, &report) };
        let held = checked - findings.len();
        let findings = in_form_order(with_notes(findings, &draft.notes));
        let progress = match held {
            _ if report.is_blank() => Progress::Fresh,
            0 => Progress::Complete,
            held => Progress::HoldingBack(held),
        };
        let errors = findings.iter().filter(|f| f.severity() == Severity::Error).map(|f| f.message.clone()).collect();
        let hints = last_year.map(|last| in_force_hints(&sheet, last)).unwrap_or_default();
        Review { report, sheet, findings, progress, errors: Rc::new(errors), hints: Rc::new(hints) }
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::format::id_of;
    use crate::report::rules::Rule;

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
        let filling = Review::of(&draft, false);
        let Progress::HoldingBack(held) = filling.progress else { panic!("{:?}", filling.progress) };
        let every = Review::of(&draft, true);
        assert_eq!(every.progress, Progress::Complete);
        assert_eq!(every.findings.len(), filling.findings.len() + held);
        assert_eq!(every.errors, filling.errors, "errors are never held back");
        assert_eq!(every.warnings(), every.findings.len() - every.errors.len());
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

    #[test]
    fn last_years_report_gives_the_in_force_hints() {
        let mut last = Report::new();
        last.set_key("proactive.rules.in_force", "5");
        let mut draft = Draft { last_year: Some(Rc::new(last)), ..Draft::default() };
        draft.report.set_key("proactive.rules.issued", "2");
        assert_eq!(*Review::of(&draft, false).hints, vec![(id_of("proactive.rules.in_force"), 7)]);
    }
}
