//! The report's numbers read and summed: every entry parsed once, every derived total computed from
//! the leaf cells, and printed totals kept beside the computed ones so the rules can compare them.

use crate::report::base::format::{
    self, APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_TOTAL_COLUMN, FieldId, FieldKind, REQUEST_COLUMNS,
    REQUEST_TOTAL_COLUMN, RequestRowRole, Table, appeal_cell, fields, outcome_rows, request_cell, request_row,
    request_rows,
};
use crate::report::base::number::{Amount, NumError, parse_amount, parse_count};
use crate::report::data::model::Report;

/// A number field as entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// Never filled in. For a derived total: not printed, so the computed value stands.
    Absent,
    /// Filled in with nothing (or a placeholder such as `/`).
    Blank,
    Count(u64),
    Amount(Amount),
    Invalid(NumError),
}

/// All number fields of a report, parsed, with the derived totals computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    entries: Vec<Entry>,
    /// For derived fields, the value the format gives from the cells it sums; `None` when one of
    /// those cells is not a number. Unused for other fields.
    computed: Vec<Option<u64>>,
}

impl Sheet {
    pub fn of(report: &Report) -> Sheet {
        let entries: Vec<Entry> =
            fields().iter().enumerate().map(|(id, field)| read_entry(field.kind, report.get(id))).collect();
        let mut sheet = Sheet { computed: vec![None; entries.len()], entries };
        sheet.compute_totals();
        sheet
    }

    pub fn entry(&self, id: FieldId) -> Entry {
        self.entries[id]
    }

    /// The computed value of a derived total.
    pub fn computed(&self, id: FieldId) -> Option<u64> {
        self.computed[id]
    }

    /// The count a field stands for: a blank leaf is 0; a derived total is its printed value when
    /// one was printed, else the computed one; `None` when it is not a number.
    pub fn count(&self, id: FieldId) -> Option<u64> {
        match (self.entries[id], format::field(id).kind) {
            (Entry::Count(n), _) => Some(n),
            (_, FieldKind::DerivedCount) => self.computed[id],
            (Entry::Absent | Entry::Blank, _) => Some(0),
            _ => None,
        }
    }

    /// The typed number cells (counts and amounts, not the totals the format derives) left blank:
    /// published, and added up into a 汇总, as 0.
    pub fn blank_numbers(&self) -> Vec<FieldId> {
        let typed = |id: &FieldId| matches!(format::field(*id).kind, FieldKind::Count | FieldKind::Amount);
        (0..self.entries.len())
            .filter(typed)
            .filter(|&id| matches!(self.entries[id], Entry::Absent | Entry::Blank))
            .collect()
    }

    /// True when a derived total carries a printed number of its own.
    pub fn is_printed(&self, id: FieldId) -> bool {
        format::field(id).kind == FieldKind::DerivedCount && self.entries[id] != Entry::Absent
    }

    /// The table of the first derived total that carries a printed number of its own (an imported
    /// report's, or one pasted along that differs from its cells): where the widget offers the
    /// computed totals instead.
    pub fn printed_totals_table(&self) -> Option<Table> {
        (0..self.entries.len()).find(|&id| self.is_printed(id)).and_then(|id| format::field(id).table)
    }

    /// The cell as the published table writes it: ASCII digits, `0` for a blank, the entry itself
    /// when it is not a number (so the mistake stays visible), `?` for a total that cannot be summed.
    pub fn display(&self, report: &Report, id: FieldId) -> String {
        match self.entries[id] {
            Entry::Amount(amount) => amount.to_string(),
            Entry::Invalid(_) if format::field(id).kind != FieldKind::DerivedCount => {
                report.text(id).trim().to_string()
            }
            _ => self.count(id).map_or_else(|| "?".to_string(), |n| n.to_string()),
        }
    }

    fn sum(&self, ids: impl Iterator<Item = FieldId>) -> Option<u64> {
        ids.map(|id| self.count(id)).sum()
    }

    fn compute_totals(&mut self) {
        let applicants = 0..REQUEST_TOTAL_COLUMN;
        let total_row = request_row(RequestRowRole::OutcomeTotal);
        for column in applicants.clone() {
            self.computed[request_cell(total_row, column)] =
                self.sum(outcome_rows().map(|row| request_cell(row, column)));
        }
        for row in 0..request_rows().len() {
            self.computed[request_cell(row, REQUEST_TOTAL_COLUMN)] =
                self.sum(applicants.clone().map(|column| request_cell(row, column)));
        }
        for group in 0..APPEAL_GROUPS.len() {
            self.computed[appeal_cell(group, APPEAL_TOTAL_COLUMN)] =
                self.sum((0..APPEAL_TOTAL_COLUMN).map(|column| appeal_cell(group, column)));
        }
        debug_assert_eq!(REQUEST_COLUMNS.len(), REQUEST_TOTAL_COLUMN + 1);
        debug_assert_eq!(APPEAL_COLUMNS.len(), APPEAL_TOTAL_COLUMN + 1);
    }
}

fn read_entry(kind: FieldKind, text: Option<&str>) -> Entry {
    let Some(text) = text else { return Entry::Absent };
    let parsed = match kind {
        FieldKind::Count | FieldKind::DerivedCount => parse_count(text).map(|n| n.map(Entry::Count)),
        FieldKind::Amount => parse_amount(text).map(|a| a.map(Entry::Amount)),
        FieldKind::Year | FieldKind::Text => return Entry::Absent,
    };
    match parsed {
        Ok(Some(entry)) => entry,
        Ok(None) => Entry::Blank,
        Err(error) => Entry::Invalid(error),
    }
}

/// A number entry written as the published table prints it, when the clerk wrote it otherwise
/// (`5件`, `５`, `1,234`, ` 12.50 `): what a cell shows once it is left. `None` for anything else,
/// which stays as typed so that a mistake remains in view.
pub fn as_printed(kind: FieldKind, text: &str) -> Option<String> {
    let printed = match read_entry(kind, Some(text)) {
        Entry::Count(n) => n.to_string(),
        Entry::Amount(amount) => amount.to_string(),
        _ => return None,
    };
    (printed != text).then_some(printed)
}

/// Fills every derived total with its computed value, replacing whatever was printed; the widget's
/// 采用计算值 action, and how a report made in the widget is kept consistent.
pub fn adopt_computed_totals(report: &mut Report) {
    for (id, field) in fields().iter().enumerate() {
        if field.kind == FieldKind::DerivedCount {
            report.clear(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::base::format::id_of;

    #[test]
    fn totals_are_computed_from_the_leaf_cells() {
        let r = Report::new().filled(&[
            ("requests.received.natural_person", "5"),
            ("requests.received.commercial", "2"),
            ("requests.disclosed.natural_person", "3"),
            ("requests.withheld.third_party.natural_person", "1"),
            ("requests.withheld.third_party.research", "４"),
            ("appeals.review.upheld", "2"),
            ("appeals.review.pending", "1"),
        ]);
        let sheet = Sheet::of(&r);
        assert_eq!(sheet.count(id_of("requests.received.total")), Some(7));
        assert_eq!(sheet.count(id_of("requests.outcome_total.natural_person")), Some(4));
        assert_eq!(sheet.count(id_of("requests.outcome_total.research")), Some(4));
        assert_eq!(sheet.count(id_of("requests.outcome_total.total")), Some(8));
        assert_eq!(sheet.count(id_of("requests.withheld.third_party.total")), Some(5));
        assert_eq!(sheet.count(id_of("appeals.review.total")), Some(3));
        assert_eq!(sheet.count(id_of("appeals.suit_direct.total")), Some(0));
    }

    #[test]
    fn printed_totals_are_kept_beside_the_computed_ones() {
        let r = Report::new().filled(&[
            ("requests.received.natural_person", "5"),
            ("requests.received.total", "6"),
            ("requests.disclosed.total", ""),
        ]);
        let sheet = Sheet::of(&r);
        let printed = id_of("requests.received.total");
        assert_eq!(sheet.count(printed), Some(6));
        assert_eq!(sheet.computed(printed), Some(5));
        assert!(sheet.is_printed(printed));
        assert!(sheet.is_printed(id_of("requests.disclosed.total")));
        assert!(!sheet.is_printed(id_of("requests.carried_over.total")));
        assert_eq!(sheet.printed_totals_table(), Some(Table::Requests));
        assert_eq!(Sheet::of(&Report::new()).printed_totals_table(), None);
        let appeals = Report::new().filled(&[("appeals.review.upheld", "1"), ("appeals.review.total", "3")]);
        assert_eq!(Sheet::of(&appeals).printed_totals_table(), Some(Table::Appeals));
    }

    #[test]
    fn a_bad_entry_leaves_its_totals_unknown_and_stays_visible() {
        let r =
            Report::new().filled(&[("requests.received.natural_person", "五"), ("requests.received.commercial", "2")]);
        let sheet = Sheet::of(&r);
        let bad = id_of("requests.received.natural_person");
        assert_eq!(sheet.entry(bad), Entry::Invalid(NumError::NotANumber));
        assert_eq!(sheet.count(id_of("requests.received.total")), None);
        assert_eq!(sheet.display(&r, bad), "五");
        assert_eq!(sheet.display(&r, id_of("requests.received.total")), "?");
        assert_eq!(sheet.display(&r, id_of("requests.received.commercial")), "2");
        assert_eq!(sheet.display(&r, id_of("requests.carried_over.commercial")), "0");
    }

    #[test]
    fn adopting_computed_totals_forgets_the_printed_ones() {
        let mut r =
            Report::new().filled(&[("requests.received.natural_person", "5"), ("requests.received.total", "6")]);
        adopt_computed_totals(&mut r);
        let sheet = Sheet::of(&r);
        assert_eq!(sheet.count(id_of("requests.received.total")), Some(5));
        assert_eq!(r.get_key("requests.received.natural_person"), Some("5"));
    }
}
