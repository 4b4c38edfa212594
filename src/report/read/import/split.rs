//! Reading a table row's values out of the text between its label and the next, including digits
//! a copy glued together (`21710000218` for 217,1,0,0,0,0,218): every way to split them is tried,
//! and the table's own arithmetic decides.

use super::copy::{BREAK, CELL, Copy, TABLE_END};
use crate::report::base::number::is_blank_mark;

/// A value as read: a number's digits, or a blank cell.
pub type Value = Option<String>;

/// Stops the search for splits: beyond this many steps a row is left for the clerk.
const STEP_BUDGET: usize = 200_000;
/// At most this many splits are kept for one row.
const MAX_SPLITS: usize = 64;

/// What a stretch of the copy holds for one row: runs of digits (perhaps several values glued
/// together), the numbers of table cells, and blank cells.
#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    /// Digits between other characters of a text copy: one value or several glued together.
    Digits(String),
    /// Exactly one value, never split: a table cell's number, or a run of a copy that keeps its
    /// numbers apart.
    Cell(String),
    Blank,
    /// Digits that do not make a number as printed — a space between them (`13 0`), a comma that
    /// does not group thousands (`12,34`), a decimal without its whole part (`.25`) — kept to be
    /// quoted: a mark, a lost digit or another cell's number may be in it, so it is never a value.
    /// So is an amount in 元 (`12500元`): the table's is in 万元.
    Unread(String),
}

impl Run {
    /// The digits the run holds, if it is a value.
    pub fn digits(&self) -> Option<&str> {
        match self {
            Run::Digits(d) | Run::Cell(d) => Some(d),
            Run::Blank | Run::Unread(_) => None,
        }
    }

    /// The run as a note quotes it: its digits, or what could not be read.
    pub fn shown(&self) -> Option<&str> {
        match self {
            Run::Unread(printed) => Some(printed),
            run => run.digits(),
        }
    }
}

/// The first of `runs` that holds digits but no number, and why it is none, in words for the clerk.
pub fn unread(runs: &[Run]) -> Option<(&str, &'static str)> {
    let printed =
        runs.iter().find_map(|run| if let Run::Unread(printed) = run { Some(printed.as_str()) } else { None })?;
    let why = if printed.ends_with('元') {
        "单位是元，表中按万元填写"
    } else if printed.contains(' ') {
        "数字之间隔着空格"
    } else if printed.contains(',') {
        "逗号不在千位上"
    } else if printed.starts_with('.') {
        "小数点前缺了数字"
    } else {
        "小数点后没有数字"
    };
    Some((printed, why))
}

/// Each of `runs` as one value, as printed: a run's digits, or a blank (digits that make no number
/// too, which [`counts`] then refuses).
pub fn as_printed(runs: &[Run]) -> Vec<Value> {
    runs.iter().map(|r| r.digits().map(str::to_string)).collect()
}

/// The numbers of `runs` as the copy printed them, apart by spaces, for a note to quote.
pub fn printed(runs: &[Run]) -> String {
    runs.iter().filter_map(Run::shown).collect::<Vec<_>>().join(" ")
}

/// Units a clerk types after a number in a table cell (`70件`, `1.25万元`). 元 alone is not among
/// them: in the 万元 cell it is a different number.
const CELL_UNITS: [&str; 5] = ["件", "万元", "个", "条", "次"];

/// A table cell's text as a run: a number (full-width digits, thousands separators, a unit after
/// it, spaced or not, allowed), a blank mark, digits that make no number, or `None` for anything
/// else (a label).
fn cell_run(cell: &str) -> Option<Run> {
    if is_blank_mark(&cell.replace('，', "")) {
        return Some(Run::Blank);
    }
    let number = CELL_UNITS.iter().find_map(|unit| cell.strip_suffix(unit)).unwrap_or(cell);
    let (number, in_yuan) = number.strip_suffix('元').map_or((number, false), |amount| (amount.trim_end(), true));
    if !number.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '，' | ' ')) {
        return None;
    }
    let read = ungrouped(number).filter(|n| {
        let mut parts = n.split('.');
        parts.next().is_some_and(|whole| !whole.is_empty())
            && parts.next().is_none_or(|fraction| !fraction.is_empty())
            && parts.next().is_none()
    });
    match read {
        Some(number) if in_yuan => Some(Run::Unread(number + "元")),
        Some(number) => Some(Run::Cell(number)),
        None if number.contains(|c: char| c.is_ascii_digit()) => Some(Run::Unread(number.replace('，', ","))),
        None => None,
    }
}

/// A number whose whole part may be written in thousands (`1,234`), without the separators;
/// `None` when they do not group it so (`12,34`), or digits are a space apart: `13 0` and `1 365`
/// are a number with a mark or another cell's number run into it (tables here do not space
/// thousands).
fn ungrouped(number: &str) -> Option<String> {
    let whole = number.split('.').next().unwrap_or_default();
    let mut groups = whole.split('，');
    let thousands = groups.next().is_some_and(|first| (1..=3).contains(&first.len())) && groups.all(|g| g.len() == 3);
    (!number.contains(' ') && (!whole.contains('，') || thousands)).then(|| number.replace('，', ""))
}

/// The runs in `start..end`. In an HTML copy each cell is one run and the first cell boundary
/// closes the label's own cell; in a text copy runs are the stretches of digits.
pub fn runs(copy: &Copy, start: usize, end: usize) -> Vec<Run> {
    let keys: Vec<char> = copy.keys(start, end).collect();
    if copy.cells {
        let mut cells: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut closed_label = false;
        // A space or a line break after a digit of the cell: digits on both sides of it are two
        // numbers (`13 0` is not 130), and the cell is not read as one.
        let mut gap = false;
        for &k in &keys {
            match k {
                CELL => {
                    if closed_label {
                        cells.push(std::mem::take(&mut current));
                    } else {
                        closed_label = true;
                        current.clear();
                    }
                    gap = false;
                }
                TABLE_END => break,
                BREAK | ' ' => gap = current.ends_with(|c: char| c.is_ascii_digit()),
                c => {
                    if gap && c.is_ascii_digit() {
                        current.push(' ');
                    }
                    gap = false;
                    current.push(c);
                }
            }
        }
        return cells.iter().filter_map(|cell| cell_run(cell)).collect();
    }
    let mut runs = Vec::new();
    let mut current = String::new();
    for (i, &k) in keys.iter().enumerate() {
        let between_digits =
            |i: usize| i > 0 && keys[i - 1].is_ascii_digit() && keys.get(i + 1).is_some_and(|c| c.is_ascii_digit());
        // A decimal point after no digit (`.25`) starts a run that is no number.
        let leads_digits =
            |i: usize| (i == 0 || !keys[i - 1].is_ascii_digit()) && keys.get(i + 1).is_some_and(|c| c.is_ascii_digit());
        if k.is_ascii_digit() || (k == '.' && (between_digits(i) || leads_digits(i))) {
            current.push(k);
        } else if k == '，' && between_digits(i) && keys[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count() == 3
        {
            // a thousands separator
        } else if !current.is_empty() {
            let mut digits = std::mem::take(&mut current);
            // An amount in 元 (`12500元`, `12500 元`), where the table's is in 万元.
            if keys[i..].iter().find(|&&c| c != ' ') == Some(&'元') {
                digits.push('元');
                runs.push(Run::Unread(digits));
            } else {
                runs.push(text_run(digits));
            }
        }
    }
    if !current.is_empty() {
        runs.push(text_run(current));
    }
    runs
}

/// A text copy's stretch of digits as a run: unread when it begins with its decimal point.
fn text_run(digits: String) -> Run {
    if digits.starts_with('.') { Run::Unread(digits) } else { Run::Digits(digits) }
}

/// True when `start..end` of a text copy shows that it glues numbers together: a run of three
/// digits or more beginning with 0 (`000`, `0000000`, `200 000121`) is several values, no number
/// being written so (a date's `01` has two). A copy without one keeps each number apart, and fewer
/// numbers than cells means some were lost.
pub fn glues_numbers(copy: &Copy, start: usize, end: usize) -> bool {
    // How many digits the current run has, when it began with 0 (not after a decimal point).
    let (mut previous, mut zero_run) = (' ', None::<usize>);
    for key in copy.keys(start, end) {
        zero_run = match (key.is_ascii_digit(), zero_run) {
            (true, Some(digits)) => Some(digits + 1),
            (true, None) if key == '0' && !previous.is_ascii_digit() && previous != '.' => Some(1),
            _ => None,
        };
        if zero_run == Some(3) {
            return true;
        }
        previous = key;
    }
    false
}

/// A part of a glued run that can stand for one value: `0`, or digits without a leading zero.
fn valid_part(digits: &str) -> bool {
    digits == "0" || (!digits.starts_with('0') && digits.len() <= 9)
}

/// A text row one number too many because a number broke in its narrow cell (PDF text prints a
/// 总计 of `10939` as `1093` on one line and `9` on the next): each two neighbouring numbers read as
/// one, taken only when exactly one such reading keeps the row's arithmetic (`holds`, given no
/// blanks), and no reading without one of the numbers keeps it otherwise — a stray number (a
/// footnote's mark, a page number) makes a row one number too many as well, and `2 22 0 0 0 0 2 4`
/// adds up both as `2 22 … 24` and without the 22. Returns the values and where the join is: runs
/// `at` and `at + 1`, value `at`.
pub fn rejoined(runs: &[Run], count: usize, holds: &dyn Fn(&[Value]) -> bool) -> Option<(Vec<Value>, usize)> {
    if runs.len() != count + 1 {
        return None;
    }
    let mut fitting = None;
    for at in 0..count {
        let mut values = as_printed(runs);
        let tail = values.remove(at + 1);
        let (Some(head), Some(tail)) = (&mut values[at], tail) else { continue };
        head.push_str(&tail);
        // Each join lengthens a different value, so two fitting joins are two readings.
        if !head.contains('.') && valid_part(head) && counts(&values).is_some() && holds(&values) {
            if fitting.is_some() {
                return None;
            }
            fitting = Some((values, at));
        }
    }
    let (joined, _) = fitting.as_ref()?;
    if adds_up_without_one(runs, joined, holds) { None } else { fitting }
}

/// Whether `runs` add up (`holds`, given no blanks) with one of them left out — a stray number, a
/// footnote's mark or a page number — otherwise than as `read`: then a reading of a row one number
/// too many is not certain.
pub fn adds_up_without_one(runs: &[Run], read: &[Value], holds: &dyn Fn(&[Value]) -> bool) -> bool {
    (0..runs.len()).any(|stray| {
        let mut values = as_printed(runs);
        values.remove(stray);
        counts(&values).is_some() && holds(&values) && values != read
    })
}

/// Every way to read `runs` as exactly `count` values that `accept` allows, up to [`MAX_SPLITS`];
/// `None` when the search was cut short. A run is split only when there are fewer runs than
/// values; a cell's run or a run with a decimal point is never split.
pub fn splits(runs: &[Run], count: usize, accept: &dyn Fn(&[Value]) -> bool) -> Option<Vec<Vec<Value>>> {
    let mut search = Search { count, accept, current: Vec::with_capacity(count), found: Vec::new(), steps: 0 };
    search.runs(runs).then_some(search.found)
}

/// A depth-first search over the ways to split, within [`STEP_BUDGET`] steps.
struct Search<'a> {
    count: usize,
    accept: &'a dyn Fn(&[Value]) -> bool,
    current: Vec<Value>,
    found: Vec<Vec<Value>>,
    steps: usize,
}

impl Search<'_> {
    /// One more step; false once the budget or the number of splits kept is spent.
    fn step(&mut self) -> bool {
        self.steps += 1;
        self.steps <= STEP_BUDGET && self.found.len() < MAX_SPLITS
    }

    /// Reads the remaining runs; false when the search was cut short.
    fn runs(&mut self, runs: &[Run]) -> bool {
        if !self.step() {
            return false;
        }
        let Some((run, rest)) = runs.split_first() else {
            if self.current.len() == self.count && (self.accept)(&self.current) {
                self.found.push(self.current.clone());
            }
            return true;
        };
        let left = self.count.saturating_sub(self.current.len());
        if left < runs.len() {
            return true;
        }
        match run {
            Run::Unread(_) => true,
            Run::Digits(digits) if !digits.contains('.') && left > runs.len() => self.split(digits, rest),
            whole => {
                self.current.push(whole.digits().map(str::to_string));
                let complete = self.runs(rest);
                self.current.pop();
                complete
            }
        }
    }

    /// Splits one glued run into as many values as the remaining count allows, then goes on.
    fn split(&mut self, digits: &str, rest: &[Run]) -> bool {
        if !self.step() {
            return false;
        }
        if digits.is_empty() {
            return self.runs(rest);
        }
        // Each value left takes at least one digit and at most nine, and every later run one value.
        let values_left = self.count.saturating_sub(self.current.len() + rest.len());
        if values_left == 0 || digits.len() > values_left * 9 {
            return true;
        }
        for length in 1..=digits.len().min(9) {
            let (part, remainder) = digits.split_at(length);
            if !valid_part(part) {
                continue;
            }
            self.current.push(Some(part.to_string()));
            let complete = self.split(remainder, rest);
            self.current.pop();
            if !complete {
                return false;
            }
        }
        true
    }
}

/// The values as counts, when all are numbers.
pub fn counts(values: &[Value]) -> Option<Vec<u64>> {
    values.iter().map(|v| v.as_deref()?.parse().ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(runs: &[&str]) -> Vec<Run> {
        runs.iter().map(|r| Run::Digits(r.to_string())).collect()
    }

    fn row_sum(values: &[Value]) -> bool {
        counts(values).is_none_or(|v| v[..6].iter().sum::<u64>() == v[6])
    }

    fn shown(values: &[Value]) -> String {
        values.iter().map(|v| v.clone().unwrap_or_default()).collect::<Vec<_>>().join(",")
    }

    #[test]
    fn a_number_broken_in_its_cell_is_read_whole_only_when_one_reading_adds_up() {
        // 10939 printed as 1093 and 9: only that join keeps 3677+101+0+2022+1003+4136 = 10939.
        let wrapped = digits(&["3677", "101", "0", "2022", "1003", "4136", "1093", "9"]);
        let (values, at) = rejoined(&wrapped, 7, &row_sum).unwrap();
        assert_eq!((shown(&values).as_str(), at), ("3677,101,0,2022,1003,4136,10939", 6));
        // The same numbers whole, or two too many: not this reading's to settle.
        assert_eq!(rejoined(&digits(&["3677", "101", "0", "2022", "1003", "4136", "10939"]), 7, &row_sum), None);
        assert_eq!(
            rejoined(&digits(&["1", "3677", "101", "0", "2022", "1003", "4136", "1093", "9"]), 7, &row_sum),
            None
        );
        // Two readings that both fit: neither is taken.
        assert_eq!(rejoined(&digits(&["1", "2", "3"]), 2, &|_| true), None);
        // Read as 2 22 0 0 0 0 24 it adds up, and so it does without the 22: no join is taken.
        assert_eq!(rejoined(&digits(&["2", "22", "0", "0", "0", "0", "2", "4"]), 7, &row_sum), None);
        // A join never makes a number with a leading zero, nor a blank a number.
        assert_eq!(rejoined(&digits(&["0", "5"]), 1, &|_| true), None);
        assert_eq!(rejoined(&[Run::Blank, Run::Digits("5".into())], 1, &|_| true), None);
        // No stray number makes up a row: any join of 1 2 3 4 5 6 21 with a 1 put in breaks its sum.
        let row = ["1", "2", "3", "4", "5", "6", "21"];
        for at in 0..=row.len() {
            let mut strayed: Vec<&str> = row.to_vec();
            strayed.insert(at, "1");
            assert_eq!(rejoined(&digits(&strayed), 7, &row_sum), None, "{strayed:?}");
        }
    }

    #[test]
    fn a_copy_shows_it_glues_numbers_by_a_run_beginning_with_zeros() {
        let glues = |text: &str| {
            let copy = Copy::new(text);
            glues_numbers(&copy, 0, copy.len())
        };
        assert!(glues("规章000行政规范性文件6233440"));
        assert!(glues("一、本年新收政府信息公开申请数量200 000121"));
        assert!(!glues("规章 0 0 0\n行政规范性文件 6 23 3440"));
        assert!(!glues("2023年01月17日，收费0.05万元，第105号"));
    }

    #[test]
    fn a_glued_row_is_split_by_its_own_total() {
        let found = splits(&digits(&["21710000218"]), 7, &row_sum).unwrap();
        assert_eq!(found.iter().map(|v| shown(v)).collect::<Vec<_>>(), ["217,1,0,0,0,0,218"]);
        let found = splits(&digits(&["200", "000121"]), 7, &row_sum).unwrap();
        assert_eq!(found.iter().map(|v| shown(v)).collect::<Vec<_>>(), ["20,0,0,0,0,1,21"]);
    }

    #[test]
    fn separated_values_are_taken_as_they_are() {
        let found = splits(&digits(&["4", "0", "0", "0", "0", "0", "4"]), 7, &|_| true).unwrap();
        assert_eq!(found.len(), 1);
        let with_blanks =
            [Run::Digits("5".into()), Run::Blank, Run::Blank, Run::Digits("2".into()), Run::Digits("7".into())];
        assert_eq!(shown(&splits(&with_blanks, 5, &|_| true).unwrap()[0]), "5,,,2,7");
    }

    #[test]
    fn several_splits_are_all_reported() {
        let found = splits(&digits(&["6233440"]), 3, &|_| true).unwrap();
        assert!(found.len() > 1);
        assert!(found.iter().any(|v| shown(v) == "62,3,3440"));
        assert!(found.iter().all(|v| v.iter().all(|p| valid_part(p.as_deref().unwrap()))));
    }

    #[test]
    fn text_copies_read_digit_runs_and_html_copies_read_cells() {
        let text = Copy::new("规章 0 0 0\n行政规范性文件\n1\n\n0\n4\n");
        assert_eq!(runs(&text, 0, text.len()), digits(&["0", "0", "0", "1", "0", "4"]));
        let html = Copy::new(
            "<table><tr><td>一、本年新收</td><td>821</td><td>&nbsp;</td><td>1,234</td><td>—</td></tr></table>",
        );
        assert_eq!(runs(&html, 0, html.len()), vec![cell("821"), Run::Blank, cell("1234"), Run::Blank]);
    }

    fn cell(number: &str) -> Run {
        Run::Cell(number.into())
    }

    #[test]
    fn a_cell_holds_one_number_as_clerks_type_it_in_word() {
        // Full-width digits, a unit after the number, spacing: one number, one cell. An amount in 元
        // is not the 万元 the table has: quoted, never a value.
        let html = Copy::new(
            "<table><tr><td>规章</td><td>６４</td><td>70件</td><td>1,282 件</td><td>1.25万元</td><td>１２５０元</td></tr></table>",
        );
        let read = runs(&html, 0, html.len());
        assert_eq!(read, vec![cell("64"), cell("70"), cell("1282"), cell("1.25"), Run::Unread("1250元".into())]);
        assert_eq!(unread(&read), Some(("1250元", "单位是元，表中按万元填写")));
        let text = Copy::new("行政事业性收费 12500 元 1.25万元");
        assert_eq!(runs(&text, 0, text.len()), vec![Run::Unread("12500元".into()), Run::Digits("1.25".into())]);
        // Digits a space or a line apart, or a comma that does not group a number in thousands, are
        // two numbers (a mark or a column's number put in, two cells run together): not one.
        let html = Copy::new(
            "<table><tr><td>一、本年新收</td><td>13 0</td><td>12,34</td><td>2<br>8</td><td>1 365</td><td>1,234,567</td></tr></table>",
        );
        let no_number = |printed: &str| Run::Unread(printed.into());
        let read = runs(&html, 0, html.len());
        assert_eq!(
            read,
            vec![no_number("13 0"), no_number("12,34"), no_number("2 8"), no_number("1 365"), cell("1234567")]
        );
        assert_eq!(printed(&read), "13 0 12,34 2 8 1 365 1234567", "a note quotes them as printed");
        assert_eq!(unread(&read), Some(("13 0", "数字之间隔着空格")));
        assert_eq!(unread(&read[1..]), Some(("12,34", "逗号不在千位上")));
        // They are never a value, not even a blank one.
        let found = splits(&read, 5, &|_| true).unwrap();
        assert!(found.is_empty(), "digits that make no number are no value: {found:?}");
        // A decimal point with no digit before it (`.25`, its 0 lost), or none after it.
        let html = Copy::new("<table><tr><td>收费金额</td><td>.25</td><td>3.</td><td>0.25</td></tr></table>");
        let read = runs(&html, 0, html.len());
        assert_eq!(read, vec![no_number(".25"), no_number("3."), cell("0.25")]);
        assert_eq!(unread(&read[1..]), Some(("3.", "小数点后没有数字")));
        let text = Copy::new("收费金额 .25 万元 0.5 第1.2条");
        assert_eq!(
            runs(&text, 0, text.len()),
            vec![no_number(".25"), Run::Digits("0.5".into()), Run::Digits("1.2".into())]
        );
    }

    #[test]
    fn the_search_is_bounded() {
        let long = "1".repeat(60);
        assert!(splits(&digits(&[&long]), 15, &|_| false).is_none());
    }
}
