//! Small facts about text that the importer, the checks and the writers share.

/// A Chinese character (CJK Unified Ideographs).
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Chinese text: a Chinese character, or the full-width punctuation, quotes and spaces set among
/// them (。，、《》（）“”…). A published report keeps no space beside it.
pub fn is_chinese_text(c: char) -> bool {
    is_han(c) || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c) || "“”‘’".contains(c)
}

/// A full-width digit (０ to ９, as Chinese input methods type them) as its ASCII digit; any other
/// character as it is.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        _ => c,
    }
}

/// Text without the space a PDF's text has where a line's font changes between Chinese and digits
/// (“2022 年”, “自 2022 年 1 月 1 日”, “等。 2023年”): pdf-extract, pdftotext and a PDF viewer's copy
/// all write one there, where the Word file held none. A space between two digits, or two words,
/// or beside Latin letters, stays.
pub fn without_gaps_beside_digits(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut before = '\n';
    while let Some(c) = chars.next() {
        let after = chars.peek().copied().unwrap_or('\n');
        let gap = c == ' '
            && ((before.is_ascii_digit() && is_chinese_text(after))
                || (is_chinese_text(before) && after.is_ascii_digit()));
        if !gap {
            kept.push(c);
        }
        before = c;
    }
    kept
}

/// Text with every kind of spacing taken out: for comparing texts that editors, PDFs and copies
/// re-wrap and re-indent.
pub fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// True when `text` (its trailing spacing aside) ends a sentence: 。！？； or their ASCII forms.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['。', '！', '？', '；', '!', '?', ';'])
}

/// The sentences of a text, each with its closing mark (the last may have none).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if ends_sentence(c.encode_utf8(&mut [0; 4])) {
            let end = at + c.len_utf8();
            found.push(&text[start..end]);
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        found.push(&text[start..]);
    }
    found
}

/// Text made safe inside an element of HTML or XML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
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

    proptest::proptest! {
        /// Only spaces go, and never one that keeps two numbers apart: what is printed, and every
        /// number in it, stays; and a text without the gaps has none left to take.
        #[test]
        fn leaving_the_gaps_out_keeps_every_character_and_every_number(text in "([一-龥，。（）]{0,4}[ 　]{0,2}[0-9]{0,4}[ a-z]{0,2}){0,12}") {
            let kept = without_gaps_beside_digits(&text);
            let numbers = |t: &str| t.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).map(str::to_string).collect::<Vec<_>>();
            proptest::prop_assert_eq!(squeezed(&kept), squeezed(&text));
            proptest::prop_assert_eq!(numbers(&kept), numbers(&text));
            proptest::prop_assert_eq!(without_gaps_beside_digits(&kept), kept.clone());
        }
    }
}
