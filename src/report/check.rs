//! The rules of the format, run on a report (and last year's).

pub mod rules;
pub mod text_checks;
pub mod text_numbers;
pub mod year_checks;
