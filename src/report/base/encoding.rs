//! Which text encoding a file the clerk has is in, so that it can be decoded before it is read:
//! a byte-order mark says so; else the page's own `<meta charset>`; else the bytes are UTF-8 when
//! they are valid UTF-8; else the file is taken for GB18030, which older Chinese portals save
//! pages in (it decodes GBK and GB2312 too). The decoding itself is the platform's: `TextDecoder`
//! in the browser, `encoding_rs` in the command-line tool.

/// How far into a page its `<meta charset>` is looked for, as browsers do.
const META_WINDOW: usize = 4096;

/// The WHATWG label of the encoding of `bytes`.
pub fn sniff(bytes: &[u8]) -> &'static str {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => return "utf-8",
        [0xFF, 0xFE, ..] => return "utf-16le",
        [0xFE, 0xFF, ..] => return "utf-16be",
        _ => {}
    }
    if let Some(declared) = declared_charset(&bytes[..bytes.len().min(META_WINDOW)]) {
        return declared;
    }
    if std::str::from_utf8(bytes).is_ok() { "utf-8" } else { "gb18030" }
}

/// The charset a page declares (`<meta charset="gbk">`, or `content="text/html; charset=gb2312"`),
/// when it is one this tool knows.
fn declared_charset(head: &[u8]) -> Option<&'static str> {
    let head = head.to_ascii_lowercase();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let value: Vec<u8> = head[at..]
        .iter()
        .copied()
        .skip_while(|&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        .collect();
    match value.as_slice() {
        b"utf-8" | b"utf8" => Some("utf-8"),
        b"gbk" | b"gb2312" | b"gb18030" | b"x-gbk" | b"cp936" | b"gb_2312-80" => Some("gb18030"),
        b"big5" => Some("big5"),
        b"utf-16" | b"utf-16le" => Some("utf-16le"),
        b"utf-16be" => Some("utf-16be"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_decides() {
        assert_eq!(sniff(b"\xEF\xBB\xBFabc"), "utf-8");
        assert_eq!(sniff(b"\xFF\xFEa\x00"), "utf-16le");
        assert_eq!(sniff(b"\xFE\xFF\x00a"), "utf-16be");
    }

    #[test]
    fn a_page_says_its_charset_in_either_form() {
        assert_eq!(sniff(b"<html><head><meta charset=\"GBK\"><title>\xC4\xEA</title>"), "gb18030");
        let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />";
        assert_eq!(sniff(http_equiv), "gb18030");
        assert_eq!(sniff(b"<meta charset='utf-8'>"), "utf-8");
    }

    #[test]
    fn without_a_word_utf8_is_utf8_and_anything_else_gb18030() {
        assert_eq!(sniff("年度报告".as_bytes()), "utf-8");
        // 年度报告 in GBK.
        assert_eq!(sniff(b"\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6"), "gb18030");
        assert_eq!(sniff(b""), "utf-8");
        // A declaration this tool does not know leaves the guess to the bytes.
        assert_eq!(sniff(b"<meta charset=\"koi8-r\">"), "utf-8");
    }
}
