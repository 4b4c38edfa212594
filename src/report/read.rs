//! Published reports read back: pages, texts and Markdown, Word, Word 97–2003 and PDF files.

pub mod docx;
pub mod import;
pub mod pdf;
pub mod word97;
