//! The pure core: everything a report *is*, with no browser in it, so it runs and is tested natively.

pub mod carry;
pub mod docx;
pub mod draft_text;
pub mod editor;
pub mod encoding;
pub mod example;
pub mod file_kind;
pub mod finding;
pub mod format;
pub mod fragment;
pub mod grid;
pub mod import;
pub mod json;
pub mod model;
pub mod number;
pub mod pdf;
pub mod portal;
pub mod review;
pub mod rules;
pub mod session;
pub mod sheet;
pub mod text;
pub mod text_checks;
pub mod text_numbers;
pub mod tidy;
pub mod verify;
pub mod word97;
pub mod word_file;
pub mod year_checks;

pub use example::example;
pub use finding::{Finding, Rule, Severity};
pub use fragment::render;
pub use model::{FileError, Loaded, Report};
pub use rules::{check, check_with_last_year};
pub use sheet::Sheet;
