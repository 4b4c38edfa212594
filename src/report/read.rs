//! Published reports read back: pages, texts and Markdown, Word, Word 97–2003 and PDF files; and
//! any file read as a report and checked.

pub mod audit;
pub mod docx;
pub mod import;
pub mod pdf;
pub mod word97;
