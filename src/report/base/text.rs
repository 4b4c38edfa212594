//! Small facts about text that the importer, the checks and the writers share.

/// A Chinese character (CJK Unified Ideographs).
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
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
