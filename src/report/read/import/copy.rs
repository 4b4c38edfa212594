//! A published report as the importer reads it: one stream of characters, each kept with the form
//! it is matched in, whatever the copy did to punctuation, spacing, line breaks and HTML.

use crate::report::base::text::{ascii_digit, ends_sentence, is_han};

/// A block boundary: a line break in a text copy, a paragraph or row in HTML.
pub const BREAK: char = '\n';
/// The end of an HTML table cell; an empty cell is a CELL with nothing before it.
pub const CELL: char = '\u{1f}';
/// The end of an HTML table.
pub const TABLE_END: char = '\u{1e}';

/// Spelling slips seen in published reports, and what they stand for.
const TYPOS: [(&str, &str); 3] = [("先行有效", "现行有效"), ("钩稽", "勾稽"), ("勾稽关系为:", "勾稽关系为：")];

/// One character of the copy: as matched (`key`) and as printed (`text`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Char {
    key: char,
    text: char,
}

/// A found label: where it starts and where the text after it begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub struct Copy {
    chars: Vec<Char>,
    /// Table cells are marked (an HTML copy): blanks are visible and digits are never glued.
    pub cells: bool,
}

/// What a character is matched as: ASCII punctuation and full-width digits folded to one form,
/// spacing and quotes made skippable.
pub fn key_of(c: char, previous: char) -> char {
    match ascii_digit(c) {
        '(' => '（',
        ')' => '）',
        ':' => '：',
        ',' => '，',
        ';' => '；',
        '．' => '.',
        '、' if previous.is_ascii_digit() => '.',
        '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' => ' ',
        BREAK | CELL | TABLE_END => c,
        c if c.is_whitespace() || c == '\u{a0}' => ' ',
        c => c,
    }
}

/// True for characters a label match passes over: spacing, quotes, line and cell breaks.
fn skippable(key: char) -> bool {
    matches!(key, ' ' | BREAK | CELL)
}

/// The form a label is matched in.
pub fn label_key(label: &str) -> Vec<char> {
    let mut previous = ' ';
    let mut keys = Vec::with_capacity(label.len());
    for c in label.chars() {
        let key = key_of(c, previous);
        previous = key;
        if !skippable(key) {
            keys.push(key);
        }
    }
    keys
}

impl Copy {
    pub fn new(source: &str) -> Copy {
        let markdown = (!looks_like_html(source)).then(|| super::markdown::tables_to_html(source)).flatten();
        let source = markdown.as_deref().unwrap_or(source);
        let cells = looks_like_html(source);
        let mut text = if cells {
            html_to_text(source)
        } else {
            with_wrapped_lines_joined(&without_page_furniture(&source.replace("\r\n", "\n").replace('\r', "\n")))
        };
        for (typo, meant) in TYPOS {
            if text.contains(typo) {
                text = text.replace(typo, meant);
            }
        }
        let mut previous = ' ';
        let chars = text
            .chars()
            .map(|c| {
                let key = key_of(c, previous);
                previous = key;
                Char { key, text: c }
            })
            .collect();
        Copy { chars, cells }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn key(&self, at: usize) -> char {
        self.chars[at].key
    }

    /// The first place at or after `from` (and before `until`) where `label` stands, passing over
    /// spacing, quotes and breaks inside it.
    pub fn find_before(&self, from: usize, until: usize, label: &[char]) -> Option<Span> {
        let until = until.min(self.chars.len());
        let first = *label.first()?;
        let mut start = from;
        while start < until {
            if self.chars[start].key == first
                && let Some(end) = self.match_at(start, label)
            {
                return Some(Span { start, end });
            }
            start += 1;
        }
        None
    }

    pub fn find(&self, from: usize, label: &[char]) -> Option<Span> {
        self.find_before(from, usize::MAX, label)
    }

    /// The earliest of several labels.
    pub fn find_any(&self, from: usize, labels: &[Vec<char>]) -> Option<Span> {
        labels.iter().filter_map(|l| self.find(from, l)).min_by_key(|s| s.start)
    }

    fn match_at(&self, start: usize, label: &[char]) -> Option<usize> {
        let mut at = start;
        for &want in label {
            while at < self.chars.len() && skippable(self.chars[at].key) && at > start {
                at += 1;
            }
            if self.chars.get(at)?.key != want {
                return None;
            }
            at += 1;
        }
        Some(at)
    }

    /// The characters of `start..end`: none when it is empty or reversed (headings a damaged copy
    /// has out of order), the copy's end when it runs past it.
    fn stretch(&self, start: usize, end: usize) -> &[Char] {
        let end = end.min(self.chars.len());
        &self.chars[start.min(end)..end]
    }

    /// The matched form of a stretch, for reading numbers.
    pub fn keys(&self, start: usize, end: usize) -> impl Iterator<Item = char> + '_ {
        self.stretch(start, end).iter().map(|c| c.key)
    }

    /// A stretch as printed, in paragraphs: a block boundary starts a new paragraph.
    pub fn paragraphs(&self, start: usize, end: usize) -> Vec<String> {
        let mut paragraphs = Vec::new();
        let mut current = String::new();
        for c in self.stretch(start, end) {
            match c.key {
                BREAK | TABLE_END => paragraphs.push(std::mem::take(&mut current)),
                CELL => current.push(' '),
                _ => current.push(if c.text == '\u{a0}' || c.text == '\u{3000}' { ' ' } else { c.text }),
            }
        }
        paragraphs.push(current);
        paragraphs.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
    }

    /// A stretch as printed, paragraphs separated by a blank line (how the form keeps them).
    pub fn text(&self, start: usize, end: usize) -> String {
        self.paragraphs(start, end).join("\n\n")
    }
}

/// A printed report's text without what each page adds: page numbers (`- 4 -`, `—4—`, `第 4 页`,
/// `第4页 共9页`) and the running header repeated at the top of each page after the first. In a
/// PDF's text they fall inside a table that runs over a page, and their digits would join a row's.
fn without_page_furniture(text: &str) -> String {
    let mut seen_headers: Vec<&str> = Vec::new();
    let mut kept = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if is_page_number(trimmed) {
            continue;
        }
        if trimmed.contains("年度报告") && trimmed.chars().count() <= 60 {
            if seen_headers.contains(&trimmed) {
                continue;
            }
            seen_headers.push(trimmed);
        }
        kept.push_str(line);
    }
    kept
}

/// A PDF's text with each paragraph on one line again. A PDF breaks its lines where the page's
/// width ends, and its text keeps those breaks: a line as wide as the widest lines of the copy
/// (within a tenth), ending mid-sentence, goes on in the next. Copies that are not wrapped this way
/// (a page's text, a paragraph a line) have too few full-width lines and are left as they are;
/// lines spaced out by `-layout` (tables) are never joined, nor digits to digits.
fn with_wrapped_lines_joined(text: &str) -> String {
    /// Display width: Chinese characters take two columns, ASCII one.
    fn width(line: &str) -> usize {
        line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
    }
    let prose = |line: &str| !line.contains("   ") && line.chars().any(is_han);
    let lines: Vec<&str> = text.split('\n').collect();
    let widest = lines.iter().map(|l| l.trim()).filter(|l| prose(l)).map(width).max().unwrap_or(0);
    let full = |line: &str| prose(line) && width(line) * 10 >= widest * 9;
    if lines.iter().filter(|l| full(l.trim())).count() < 3 {
        return text.to_string();
    }
    let goes_on = |line: &str, next: &str| {
        let Some(last) = line.chars().last() else { return false };
        let starts_part = next.starts_with('（') || next.chars().nth(1).is_some_and(|c| c == '、' || c == '.');
        let glues_digits = last.is_ascii_digit() && next.starts_with(|c: char| c.is_ascii_digit());
        // A colon ends a line that introduces what follows.
        let ends_line = ends_sentence(line) || line.ends_with(['：', ':']);
        full(line) && !next.is_empty() && !ends_line && !glues_digits && !starts_part
    };
    let mut joined = String::with_capacity(text.len());
    let mut continued = false;
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1).map(|n| n.trim());
        let goes = next.is_some_and(|next| goes_on(line.trim(), next));
        // A continued line's indentation (a `-layout` copy) goes with the break.
        let line = if continued { line.trim_start() } else { line };
        joined.push_str(if goes { line.trim_end() } else { line });
        let words_meet = next.is_some_and(|next| {
            line.trim_end().ends_with(|c: char| c.is_ascii_alphanumeric())
                && next.starts_with(|c: char| c.is_ascii_alphanumeric())
        });
        if !goes && next.is_some() {
            joined.push('\n');
        } else if goes && words_meet {
            joined.push(' ');
        }
        continued = goes;
    }
    joined
}

/// The dashes printed around a page number (`- 4 -`, `—4—`).
pub const PAGE_DASHES: [char; 5] = ['-', '—', '–', '－', '─'];

fn is_page_number(line: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if let Some(inner) = line.strip_prefix(PAGE_DASHES).and_then(|l| l.strip_suffix(PAGE_DASHES)) {
        return digits(inner.trim_matches(PAGE_DASHES).trim());
    }
    let Some(rest) = line.strip_prefix('第') else { return false };
    let Some((page, after)) = rest.split_once('页') else { return false };
    let total = after.trim().strip_prefix('共').and_then(|t| t.trim().strip_suffix('页'));
    digits(page.trim()) && (after.trim().is_empty() || total.is_some_and(|t| digits(t.trim())))
}

fn looks_like_html(source: &str) -> bool {
    let head: String = source.chars().take(200_000).collect::<String>().to_ascii_lowercase();
    ["<td", "<p>", "<p ", "<table", "<div", "<br"].iter().any(|tag| head.contains(tag))
}

/// The text of an HTML copy with its structure as break characters: table cells end with CELL,
/// rows and blocks with BREAK, tables with TABLE_END. Scripts, styles and comments are dropped.
fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_cell = false;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_decoded(&mut out, &rest[..open]);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            push_decoded(&mut out, rest);
            rest = "";
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("script" | "style", false) => {
                let end_tag = format!("</{name}");
                let lower = rest.to_ascii_lowercase();
                rest = lower.find(&end_tag).map_or("", |end| &rest[end..]);
            }
            ("td" | "th", false) => in_cell = true,
            ("td" | "th", true) => {
                out.push(CELL);
                in_cell = false;
            }
            ("tr", true) => out.push(BREAK),
            ("table", true) => {
                out.push(TABLE_END);
                out.push(BREAK);
            }
            ("p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "section" | "article", _) => {
                out.push(if in_cell { ' ' } else { BREAK });
            }
            _ => {}
        }
    }
    push_decoded(&mut out, rest);
    out
}

/// Appends HTML text with its character references decoded.
fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.char_indices().take(12).find(|(_, c)| *c == ';').map(|(i, _)| i);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "nbsp" => Some('\u{a0}'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "hellip" => Some('…'),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let value = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(value)
                }
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, length)) => {
                out.push(c);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_and_the_running_header_are_not_the_reports() {
        for line in ["-2-", "- 12 -", "—3—", "－ 4 －", "第 5 页", "第5页 共9页"] {
            assert!(is_page_number(line), "{line}");
        }
        for line in ["2", "1 2 3", "-185", "第二十条第（一）项", "第 5 页内容", "2022-2023"] {
            assert!(!is_page_number(line), "{line}");
        }
        let text =
            "某局2022年政府信息公开工作年度报告\n一、本年新收 1 2\n- 2 -\n某局2022年政府信息公开工作年度报告\n3 4\n";
        assert_eq!(without_page_furniture(text), "某局2022年政府信息公开工作年度报告\n一、本年新收 1 2\n3 4\n");
    }

    #[test]
    fn labels_match_whatever_the_copy_did_to_punctuation_and_spacing() {
        let copy = Copy::new("（三）不予公开\n1、属于国家秘密 0\n3.危及\"三安全一稳定\"0\n(一)予以 公开");
        assert!(copy.find(0, &label_key("1.属于国家秘密")).is_some());
        assert!(copy.find(0, &label_key("3.危及“三安全一稳定”")).is_some());
        assert!(copy.find(0, &label_key("（一）予以公开")).is_some());
        assert!(copy.find(0, &label_key("（二）部分公开")).is_none());
    }

    #[test]
    fn html_cells_rows_and_entities_become_break_characters() {
        let copy = Copy::new(
            "<p>标题</p><table><tr><td><p>一、本年</p><span>新收</span></td><td>&nbsp;</td><td>1&#50;</td></tr></table><p>a&lt;b</p>",
        );
        assert!(copy.cells);
        let keys: String = copy.keys(0, copy.len()).collect();
        assert_eq!(keys, "\n标题\n 一、本年 新收\u{1f} \u{1f}12\u{1f}\n\u{1e}\n\na<b\n");
        assert_eq!(copy.text(0, copy.len()), "标题\n\n一、本年 新收   12\n\na<b");
    }

    #[test]
    fn typos_are_read_as_what_they_mean() {
        let copy = Copy::new("先行有效件数");
        assert!(copy.find(0, &label_key("现行有效件数")).is_some());
    }

    #[test]
    fn scripts_styles_and_comments_are_dropped() {
        let copy = Copy::new("<div>甲<script>var x = '<td>';</script><style>p{}</style><!-- 乙 -->丙</div>");
        assert_eq!(copy.text(0, copy.len()), "甲丙");
    }

    #[test]
    fn a_pdfs_wrapped_lines_are_joined_and_its_paragraphs_and_tables_kept() {
        let text = "一、总体情况\n本机关认真贯彻落实政府信息公开相关政策\n法规，切实加强领导，完善工作制度，借助网\n\
                    络载体推进政务公开。\n（一）主动公开情况。本年度共公开政府信\n息 266 条，切实保障了知情权。\n\
                    规章 500 503 506\n1 2 3\n";
        assert_eq!(
            with_wrapped_lines_joined(text),
            "一、总体情况\n本机关认真贯彻落实政府信息公开相关政策法规，切实加强领导，完善工作制度，借助网络载体推进政务公开。\n\
             （一）主动公开情况。本年度共公开政府信息 266 条，切实保障了知情权。\n规章 500 503 506\n1 2 3\n"
        );
        // A page's text, a paragraph a line, is left as it is.
        let page = "一、总体情况\n本机关认真贯彻落实政府信息公开相关政策法规。\n二、主动公开政府信息情况\n";
        assert_eq!(with_wrapped_lines_joined(page), page);
    }

    proptest::proptest! {
        #[test]
        fn joining_wrapped_lines_keeps_every_character_and_every_number(
            lines in proptest::collection::vec("[一-龥，。]{0,30}[0-9 ]{0,6}|[0-9]{1,4}( +[0-9]{1,4}){0,6}|  +[一-龥]{1,8}   +[0-9]{1,3}", 0..30)
        ) {
            let text = lines.join("\n");
            let joined = with_wrapped_lines_joined(&text);
            let printed = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let numbers = |t: &str| t.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).map(str::to_string).collect::<Vec<_>>();
            proptest::prop_assert_eq!(printed(&joined), printed(&text));
            proptest::prop_assert_eq!(numbers(&joined), numbers(&text));
        }
    }
}
