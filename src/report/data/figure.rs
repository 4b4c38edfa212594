//! The numbers of tables 二–四 as one kind of value, for adding reports up and comparing them: a
//! count of 件, or an amount of 万元 held exactly in ten-thousandths.

use std::fmt;

use crate::report::base::format::{FieldId, FieldKind, fields};
use crate::report::base::number::Amount;
use crate::report::data::sheet::{Entry, Sheet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Figure {
    Count(u64),
    Amount(Amount),
}

impl Figure {
    /// The figure a number field stands for in `sheet` (a blank is 0, a derived total as printed or
    /// computed); `None` for a text field or an entry that is not a number.
    pub fn of(sheet: &Sheet, id: FieldId) -> Option<Figure> {
        match (fields()[id].kind, sheet.entry(id)) {
            (FieldKind::Amount, Entry::Amount(amount)) => Some(Figure::Amount(amount)),
            (FieldKind::Amount, Entry::Absent | Entry::Blank) => Some(Figure::Amount(Amount::default())),
            (FieldKind::Count | FieldKind::DerivedCount, _) => sheet.count(id).map(Figure::Count),
            _ => None,
        }
    }

    /// Counts as whole numbers, amounts in ten-thousandths of 万元: exact, so they add and compare.
    pub fn units(self) -> u64 {
        match self {
            Figure::Count(n) => n,
            Figure::Amount(amount) => amount.ten_thousandths(),
        }
    }

    /// The same kind of figure, of `units`.
    pub fn with_units(self, units: u64) -> Figure {
        match self {
            Figure::Count(_) => Figure::Count(units),
            Figure::Amount(_) => Figure::Amount(Amount::from_ten_thousandths(units)),
        }
    }

    /// The signed difference `self − before`, written as a figure is (`+3`, `-0.5`, `0`).
    pub fn change_from(self, before: Figure) -> String {
        let (now, then) = (self.units(), before.units());
        let sign = if now > then {
            "+"
        } else if now < then {
            "-"
        } else {
            ""
        };
        format!("{sign}{}", self.with_units(now.abs_diff(then)))
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Figure::Count(n) => write!(f, "{n}"),
            Figure::Amount(amount) => write!(f, "{amount}"),
        }
    }
}

/// The number fields of tables 二–四, totals included, in form order.
pub fn number_fields() -> impl Iterator<Item = FieldId> {
    fields()
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.kind, FieldKind::Count | FieldKind::DerivedCount | FieldKind::Amount))
        .map(|(id, _)| id)
}
