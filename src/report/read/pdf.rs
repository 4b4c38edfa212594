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
    Ok(without_gaps_beside_digits(&text))
}

/// The text without the space pdf-extract puts where a line's font changes between Chinese and
/// digits (“2022 年”, “自 2022 年 1 月 1 日”, “等。 2023年”): Word set no space there, only its
/// gap between the two kinds of character. A space between two digits, or two words, stays.
fn without_gaps_beside_digits(text: &str) -> String {
    let chinese =
        |c: char| is_han(c) || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c);
    let mut kept = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut before = '\n';
    while let Some(c) = chars.next() {
        let after = chars.peek().copied().unwrap_or('\n');
        let gap =
            c == ' ' && ((before.is_ascii_digit() && chinese(after)) || (chinese(before) && after.is_ascii_digit()));
        if !gap {
            kept.push(c);
        }
        before = c;
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_between_chinese_and_digits_goes_and_other_spaces_stay() {
        assert_eq!(
            without_gaps_beside_digits("统计期限自 2022 年 1 月 1 日起。 2023年，共 12 件（ 3 件）"),
            "统计期限自2022年1月1日起。2023年，共12件（3件）"
        );
        // Between numbers, between words, beside Latin letters, and more than one space: kept.
        assert_eq!(without_gaps_beside_digits("规章 0 0 0"), "规章0 0 0");
        assert_eq!(without_gaps_beside_digits("Word 文件 2 3  件 共  4"), "Word 文件2 3  件 共  4");
    }
}
