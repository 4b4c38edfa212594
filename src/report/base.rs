//! The national format as data and the small facts every layer shares: numbers as clerks type
//! them, text, JSON, encodings, and which kind a file is.

pub mod encoding;
pub mod file_kind;
pub mod format;
pub mod json;
pub mod number;
pub mod text;
