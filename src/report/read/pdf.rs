//! PDF files: their text in the order the PDF draws it, which is the order a PDF viewer's
//! select-all copies, and which the importer reads as it reads a pasted copy. Reading PDFs is
//! pdf-extract's (over lopdf); in the widget it runs in a worker of its own (`worker::serve_pdf`).

use std::panic::{self, AssertUnwindSafe};

use crate::report::base::text::is_han;

/// Said of a PDF whose text cannot be read.
pub const BROKEN: &str =
    "PDF 文件已损坏或加密，读不出文字：请用 PDF 阅读器打开它，全选（Ctrl+A）复制，存为文本文件后再导入";
/// Said of a PDF with no text: a scan is pictures of pages.
const NO_TEXT: &str = "这个 PDF 里没有可复制的文字（可能是扫描件）：请找到报告的网页、Word 文件或文字版 PDF";

/// The text of a PDF file, or why there is none.
pub fn read_pdf(bytes: &[u8]) -> Result<String, String> {
    // pdf-extract panics on some malformed files rather than returning an error: a broken file
    // must be said, not crash the tool, so the panic is caught and its message kept quiet. (In the
    // browser a panic stops the worker, and the widget says the same.)
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let read = panic::catch_unwind(AssertUnwindSafe(|| pdf_extract::extract_text_from_mem(bytes)));
    panic::set_hook(hook);
    let text = match read {
        Ok(Ok(text)) => text,
        Ok(Err(_)) | Err(_) => return Err(BROKEN.into()),
    };
    if !text.chars().any(is_han) {
        return Err(NO_TEXT.into());
    }
    Ok(text)
}
