//! All of the widget's state in one reducer: the report and what the clerk has acknowledged.

use std::rc::Rc;

use yew::Reducible;

use crate::report::format::FieldId;
use crate::report::sheet::adopt_computed_totals;
use crate::report::{Report, example};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub report: Report,
}

pub enum Action {
    /// The clerk typed into a field.
    Edit(FieldId, String),
    /// 载入示例: replace the report with the shipped example.
    LoadExample,
    /// Replace printed totals by computed ones.
    AdoptComputedTotals,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(id, text) => {
                if next.report.get(id) == Some(text.as_str()) {
                    return self;
                }
                next.report.set(id, text);
            }
            Action::LoadExample => next.report = example(),
            Action::AdoptComputedTotals => adopt_computed_totals(&mut next.report),
        }
        Rc::new(next)
    }
}
