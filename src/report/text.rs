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

/// Text made safe inside an element of HTML or XML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
