//! Year over year: the numbers of tables 二–四 (totals included) that changed from last year's
//! report to this year's.

use crate::report::base::format::{FieldId, field};
use crate::report::data::figure::{Figure, number_fields};
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;

/// A number that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: FieldId,
    pub last: Figure,
    pub this: Figure,
}

impl Change {
    /// `key<TAB>上年<TAB>本年<TAB>变化<TAB>百分比`: the change signed, the percentage of last year's
    /// to one decimal (half away from zero), `—` when last year's is 0.
    pub fn line(&self) -> String {
        let (now, then) = (self.this.units(), self.last.units());
        let percent = if then == 0 {
            "—".to_string()
        } else {
            let tenths = (now.abs_diff(then) * 2000 + then) / (2 * then);
            let sign = if now > then { "+" } else { "-" };
            format!("{sign}{}.{}%", tenths / 10, tenths % 10)
        };
        format!("{}\t{}\t{}\t{}\t{percent}", field(self.id).key, self.last, self.this, self.this.change_from(self.last))
    }
}

/// Two years' numbers held side by side.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comparison {
    /// Every number of tables 二–四 that differs, in form order.
    pub changes: Vec<Change>,
    /// The numbers that are not a number in one of the two reports (their `NUM` error): not
    /// compared, and said so.
    pub not_compared: Vec<FieldId>,
}

/// Last year's report against this year's.
pub fn compare(last: &Report, this: &Report) -> Comparison {
    let (before, now) = (Sheet::of(last), Sheet::of(this));
    let mut comparison = Comparison::default();
    for id in number_fields() {
        match (Figure::of(&before, id), Figure::of(&now, id)) {
            (Some(last), Some(this)) if last != this => comparison.changes.push(Change { id, last, this }),
            (Some(_), Some(_)) => {}
            _ => comparison.not_compared.push(id),
        }
    }
    comparison
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_numbers_are_listed_with_their_change_and_percentage() {
        let last = Report::new().filled(&[
            ("requests.received.natural_person", "8"),
            ("requests.received.commercial", "0"),
            ("proactive.fees.amount", "2.5"),
            ("proactive.rules.issued", "3"),
        ]);
        let this = Report::new().filled(&[
            ("requests.received.natural_person", "9"),
            ("requests.received.commercial", "2"),
            ("proactive.fees.amount", "2.25"),
            ("proactive.rules.issued", "3"),
        ]);
        let compared = compare(&last, &this);
        let lines: Vec<String> = compared.changes.iter().map(Change::line).collect();
        assert_eq!(
            lines,
            [
                "proactive.fees.amount\t2.5\t2.25\t-0.25\t-10.0%",
                "requests.received.natural_person\t8\t9\t+1\t+12.5%",
                "requests.received.commercial\t0\t2\t+2\t—",
                "requests.received.total\t8\t11\t+3\t+37.5%",
            ]
        );
        assert_eq!(compared.not_compared, vec![]);
        let unreadable = compare(&last, &this.filled(&[("proactive.rules.issued", "三")]));
        assert_eq!(unreadable.not_compared, vec![crate::report::base::format::id_of("proactive.rules.issued")]);
    }
}
