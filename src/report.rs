//! The pure core: everything a report *is*, with no browser in it, so it runs and is tested natively.
//!
//! Its modules stand in layers, each using only the layers before it (a test holds them to it):
//! [`base`] (the national format as data, numbers, text, JSON, encodings, file kinds) →
//! [`data`] (the report, its sheet of numbers, what a finding is) → [`check`] (the rules) →
//! [`read`] (published reports and files read back) → [`publish`] (the fragment, the Word file,
//! 核对, the texts drafted and tidied) → [`edit`] (the draft with its history, the session the
//! widget's reducer runs, what it shows).

pub mod base;
pub mod check;
pub mod data;
pub mod edit;
pub mod publish;
pub mod read;

pub use check::rules::{check, check_with_last_year};
pub use data::example::example;
pub use data::finding::{Finding, Rule, Severity};
pub use data::model::{FileError, Loaded, Report};
pub use data::sheet::Sheet;
pub use publish::fragment::render;
