//! 一键排版: the text fields put in the customary form of a published report — full-width
//! punctuation in Chinese text, the numbering levels （一） 1. （1）, one paragraph per line, no
//! stray spaces. Applying it twice changes nothing more.

use crate::report::base::format::{FieldId, text_parts};
use crate::report::base::text::{is_chinese_text, is_han};
use crate::report::data::model::Report;

/// A text field that 一键排版 would change, with its text before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tidied {
    pub id: FieldId,
    pub before: String,
    pub after: String,
}

/// Every text field of the six sections that 一键排版 would change.
pub fn tidy_report(report: &Report) -> Vec<Tidied> {
    let mut tidied = Vec::new();
    for &id in text_parts() {
        let before = report.text(id);
        let after = tidy(before);
        if after != before {
            tidied.push(Tidied { id, before: before.to_string(), after });
        }
    }
    tidied
}

/// A text in the customary form: each line a paragraph (blank lines between them), trimmed, no
/// space next to a Chinese character, ASCII punctuation after Chinese full-width, and the
/// numbering markers （一） 1. （1） written one way.
pub fn tidy(text: &str) -> String {
    let mut paragraphs = Vec::new();
    for line in text.lines().map(tidy_line) {
        for part in numbered_parts(&line) {
            let paragraph = ended(&numbering(part));
            if !paragraph.is_empty() {
                paragraphs.push(paragraph);
            }
        }
    }
    paragraphs.join("\n\n")
}

/// A line cut before each numbering marker that follows the end of a sentence — `（一）…。（二）…`
/// typed as one paragraph — so that each numbered item is a paragraph of its own.
fn numbered_parts(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, c) in line.char_indices() {
        if at > start && "。；！？".contains(c) {
            let next = at + c.len_utf8();
            if next < line.len() && starts_with_marker(&line[next..]) {
                parts.push(&line[start..next]);
                start = next;
            }
        }
    }
    parts.push(&line[start..]);
    parts
}

/// Whether a text opens with a numbering marker: （一） （1） or 1、 1. 1．
fn starts_with_marker(text: &str) -> bool {
    if let Some(inner) = text.strip_prefix('（').and_then(|rest| rest.split_once('）')).map(|(inner, _)| inner) {
        return is_numeral(inner);
    }
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    let mut after = text[digits..].chars();
    (1..=2).contains(&digits)
        && matches!(after.next(), Some('、' | '．' | '.'))
        && after.next().is_some_and(|c| !c.is_ascii_digit())
}

/// A paragraph that ends in `；`, as an item cut from a list does, ends in `。`.
fn ended(paragraph: &str) -> String {
    match paragraph.strip_suffix('；') {
        Some(body) => format!("{body}。"),
        None => paragraph.to_string(),
    }
}

fn tidy_line(line: &str) -> String {
    // Parentheses first, so that the spaces next to the full-width ones go too.
    let chars: Vec<char> = parentheses(line.trim()).chars().map(|c| if c == '\u{3000}' { ' ' } else { c }).collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = out.last().copied();
        let after = chars.get(i + 1).copied();
        if c.is_whitespace() {
            // A space stays only between two characters that are not Chinese (English words, numbers).
            let keep = before.is_some_and(|b| !is_chinese_text(b) && !b.is_whitespace())
                && after.is_some_and(|a| !is_chinese_text(a) && !a.is_whitespace());
            if keep {
                out.push(' ');
            }
            continue;
        }
        let chinese_before = before.is_some_and(is_chinese_text);
        let full = match c {
            ',' if chinese_before => '，',
            ';' if chinese_before => '；',
            ':' if chinese_before => '：',
            '?' if chinese_before => '？',
            '!' if chinese_before => '！',
            // A full stop after Chinese, unless a Latin word follows (文件.docx).
            '.' if chinese_before && after.is_none_or(|a| !a.is_ascii_alphabetic()) => '。',
            _ => c,
        };
        out.push(full);
    }
    out.into_iter().collect()
}

/// Parentheses around Chinese text, or around a numbering marker, full-width: (一) → （一）,
/// (注：…) → （注：…）; (2022) stays. Each closing one is paired with the nearest opening one
/// still open, so nested parentheses are each judged by what they hold.
fn parentheses(line: &str) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    let mut open = Vec::new();
    for at in 0..chars.len() {
        match chars[at] {
            '(' | '（' => open.push(at),
            ')' | '）' => {
                let Some(start) = open.pop() else { continue };
                let inner: String = chars[start + 1..at].iter().collect();
                // Spaces inside are judged without: they go next to full-width parentheses anyway.
                if inner.chars().any(is_han) || is_numeral(inner.trim()) {
                    (chars[start], chars[at]) = ('（', '）');
                }
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// A numbering marker's inside: 一 … 十九, or 1 … 99.
fn is_numeral(inner: &str) -> bool {
    let digits = !inner.is_empty() && inner.len() <= 2 && inner.chars().all(|c| c.is_ascii_digit());
    let chinese =
        !inner.is_empty() && inner.chars().count() <= 3 && inner.chars().all(|c| "一二三四五六七八九十".contains(c));
    digits || chinese
}

/// A line's opening number in the third level's form: `1、` and `1．` become `1.`.
fn numbering(line: &str) -> String {
    let digits: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 2 {
        return line.to_string();
    }
    let rest = &line[digits.len()..];
    match rest.chars().next() {
        Some('、' | '．') => format!("{digits}.{}", &rest[rest.chars().next().map_or(0, char::len_utf8)..]),
        _ => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::base::format::id_of;

    #[test]
    fn a_text_is_put_in_the_customary_form() {
        assert_eq!(
            tidy(
                "  (一)政府信息主动公开情况.2022年,我局 主动公开信息 266 条;\n\n\n1、加强管理( 注：按月检查 )\n(2)完善 制度 Word 文件"
            ),
            "（一）政府信息主动公开情况。2022年，我局主动公开信息266条。\n\n1.加强管理（注：按月检查）\n\n（2）完善制度Word文件"
        );
    }

    #[test]
    fn numbered_items_typed_as_one_paragraph_become_paragraphs_ending_in_a_full_stop() {
        assert_eq!(
            tidy("（一）加强组织领导。（二）完善工作制度；（三）强化监督检查；"),
            "（一）加强组织领导。\n\n（二）完善工作制度。\n\n（三）强化监督检查。"
        );
        assert_eq!(tidy("主要做法：1、建立台账；2、按月通报。"), "主要做法：1、建立台账。\n\n2.按月通报。");
        // A marker inside a sentence, or a number after a full stop, stays where it is.
        for line in ["依据第二十条第（九）项公开。", "增长了3.5%。2022年共办理12件。", "本年共办理（一）类事项3件。"]
        {
            assert_eq!(tidy(line), line, "{line}");
        }
    }

    #[test]
    fn what_is_not_chinese_text_is_left_as_it_is() {
        for line in ["3.5万元", "www.gov.cn", "(2022)", "version 1.2.3", "见附件.docx"] {
            assert_eq!(tidy(line), line, "{line}");
        }
    }

    #[test]
    fn nested_parentheses_are_judged_from_the_inside_out() {
        // Found by the property test: the inner pair was left half-width, and a second tidy,
        // with the line cut at 。, made it full-width.
        assert_eq!(tidy("（.0.(是）"), "（。\n\n0.（是）");
        assert_eq!(tidy(&tidy("（.0.(是）")), tidy("（.0.(是）"));
        assert_eq!(tidy("见(附件(一))"), "见（附件（一））");
    }

    #[test]
    fn tidying_twice_changes_nothing_more() {
        for text in [
            " (一)情况.2022年,我局 主动公开 266 条;\n1、加强( 注 )\n\n\n(2)完善 Word 文件. ",
            "1．第一项\n2、第二项 ( 三 ) 3.5 万元",
            "（(一))  ,,.. ()",
            // A numeral with a space inside mixed parentheses (found by the property test).
            "(0 ）",
        ] {
            let once = tidy(text);
            assert_eq!(tidy(&once), once, "{text:?}");
        }
    }

    #[test]
    fn only_changed_fields_are_offered_with_their_before_and_after() {
        let mut report = Report::new();
        report.set_key("overview.management", "加强管理,落实责任");
        report.set_key("overview.platform", "（四）平台建设情况。");
        let offered = tidy_report(&report);
        assert_eq!(offered.len(), 1);
        assert_eq!(offered[0].id, id_of("overview.management"));
        assert_eq!(offered[0].after, "加强管理，落实责任");
    }
}
