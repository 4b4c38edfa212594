//! The rules of the format, run on a report (and last year's), and a 汇总 held against its units.

pub mod rules;
pub mod text_checks;
pub mod text_numbers;
pub mod units;
pub mod year_checks;
