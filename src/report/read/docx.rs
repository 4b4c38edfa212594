//! Word files (.docx), as agencies fill the distributed template in Word, WPS or LibreOffice: a
//! zip whose `word/document.xml` the importer reads as the HTML it amounts to — paragraphs, and
//! tables whose cells keep their `w:gridSpan` as `colspan`, a vertically merged cell once.
//!
//! The zip is read in place with `rawzip`; inflating is the platform's: natively flate2, in the
//! browser the widget's worker hands the entry's deflated bytes from [`deflated_document`] to
//! `DecompressionStream`, then calls [`document_to_html`].

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::report::base::text::escape;

/// Said of a zip that is not a Word document.
const NOT_WORD: &str = "这个压缩文件不是 Word 文档（.docx）";
/// Said of an OFD file (GB/T 33190, the national fixed-layout format): a zip whose root is OFD.xml.
/// Said alike in the widget, the review desk and `xxgk`: each opens the copied text saved as .txt,
/// and only the widget has the paste box, named as its.
pub const OFD_FILE: &str = "这是 OFD 版式文件，读不了：请改用网站上的报告网页或 Word 文件；或用 OFD 阅读器打开它，全选（Ctrl+A）复制，粘贴到编制助手的“粘贴已发布的报告”框中，或存为文本文件（.txt）再打开";
/// Said of a document.xml that cannot be read.
const BROKEN: &str = "Word 文件已损坏，读不出正文";

/// The largest document.xml read: a report is well under 1 MB of XML.
pub const MAX_DOCUMENT_BYTES: u64 = 32 * 1024 * 1024;

/// The body of a Word file as deflated in its zip, for the platform to inflate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeflatedDocument {
    /// The raw deflate stream, or with `stored` the XML itself.
    pub data: Vec<u8>,
    pub stored: bool,
    pub crc32: u32,
    pub size: u64,
}

/// The document part of a .docx as stored in the zip, not inflated.
pub fn deflated_document(bytes: &[u8]) -> Result<DeflatedDocument, String> {
    let archive = rawzip::ZipArchive::from_slice(bytes).map_err(|_| NOT_WORD.to_string())?;
    let mut entries = archive.entries();
    // The main part is word/document.xml; a few writers number it (document2.xml).
    let mut found = None;
    let mut ofd = false;
    while let Some(entry) = entries.next_entry().map_err(|_| BROKEN.to_string())? {
        let path = entry.file_path();
        let name = path.as_bytes();
        ofd |= name == b"OFD.xml";
        let exact = name == b"word/document.xml";
        if exact || (name.starts_with(b"word/document") && name.ends_with(b".xml") && found.is_none()) {
            found = Some((entry.wayfinder(), entry.compression_method()));
            if exact {
                break;
            }
        }
    }
    let (wayfinder, method) = found.ok_or_else(|| if ofd { OFD_FILE } else { NOT_WORD }.to_string())?;
    let entry = archive.get_entry(wayfinder).map_err(|_| BROKEN.to_string())?;
    let claimed = entry.claim_verifier();
    if claimed.uncompressed_size > MAX_DOCUMENT_BYTES {
        return Err(BROKEN.into());
    }
    // Word, WPS and LibreOffice deflate it; anything else is said to be broken.
    let stored = match method {
        rawzip::CompressionMethod::STORE => true,
        rawzip::CompressionMethod::DEFLATE => false,
        _ => return Err(BROKEN.into()),
    };
    Ok(DeflatedDocument { data: entry.data().to_vec(), stored, crc32: claimed.crc, size: claimed.uncompressed_size })
}

impl DeflatedDocument {
    /// The deflate stream as a gzip member (header, the stream, CRC-32 and size): the format every
    /// `DecompressionStream` takes (Chromium 80 on), where `deflate-raw` needs Chromium 103.
    pub fn as_gzip(&self) -> Vec<u8> {
        let mut gzip = Vec::with_capacity(self.data.len() + 18);
        gzip.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
        gzip.extend_from_slice(&self.data);
        gzip.extend_from_slice(&self.crc32.to_le_bytes());
        gzip.extend_from_slice(&(self.size as u32).to_le_bytes());
        gzip
    }
}

/// A .docx file's body as HTML, inflated by flate2 (the command-line tool; the widget's worker
/// inflates in the browser).
pub fn read_docx(bytes: &[u8]) -> Result<String, String> {
    use std::io::Read;
    let document = deflated_document(bytes)?;
    let xml = if document.stored {
        String::from_utf8_lossy(&document.data).into_owned()
    } else {
        let mut xml = String::new();
        flate2::read::DeflateDecoder::new(document.data.as_slice())
            .take(MAX_DOCUMENT_BYTES)
            .read_to_string(&mut xml)
            .map_err(|_| BROKEN.to_string())?;
        xml
    };
    document_to_html(&xml)
}

/// The cell being read: its column span and whether it continues a vertical merge.
#[derive(Debug, Default)]
struct Cell {
    span: u32,
    continued: bool,
    text: String,
}

/// `word/document.xml` as HTML: `<p>` for paragraphs, `<table>`, `<tr>`, `<td colspan>` for
/// tables (a cell that continues a vertical merge is left out, as HTML leaves out the slots a
/// `rowspan` covers). Text is escaped; tracked deletions and field codes are not text.
pub fn document_to_html(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut html = String::with_capacity(xml.len() / 4);
    // Paragraphs being read (a text box's paragraphs sit inside a paragraph), and cells.
    let mut paragraphs: Vec<String> = Vec::new();
    let mut cells: Vec<Cell> = Vec::new();
    let mut in_text = false;
    loop {
        let event = reader.read_event().map_err(|_| BROKEN.to_string())?;
        match event {
            Event::Start(tag) => match tag.local_name().as_ref() {
                b"p" => paragraphs.push(String::new()),
                b"tbl" => html.push_str("<table>"),
                b"tr" => html.push_str("<tr>"),
                b"tc" => cells.push(Cell { span: 1, ..Cell::default() }),
                b"t" => in_text = true,
                b"vMerge" => mark_merge(&tag, &mut cells),
                _ => {}
            },
            Event::Empty(tag) => match tag.local_name().as_ref() {
                b"gridSpan" => {
                    if let (Some(cell), Some(span)) = (cells.last_mut(), value(&tag)) {
                        cell.span = span.parse().unwrap_or(1).clamp(1, 64);
                    }
                }
                b"vMerge" => mark_merge(&tag, &mut cells),
                b"tab" => push(&mut paragraphs, " "),
                b"br" | b"cr" => push(&mut paragraphs, "\n"),
                b"p" => push_paragraph(&mut html, &mut cells, String::new()),
                _ => {}
            },
            Event::Text(text) if in_text => {
                let text = text.unescape().map_err(|_| BROKEN.to_string())?;
                push(&mut paragraphs, &text);
            }
            Event::End(tag) => match tag.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    let text = paragraphs.pop().unwrap_or_default();
                    push_paragraph(&mut html, &mut cells, text);
                }
                b"tc" => {
                    if let Some(cell) = cells.pop().filter(|c| !c.continued) {
                        let span = if cell.span > 1 { format!(" colspan=\"{}\"", cell.span) } else { String::new() };
                        html.push_str(&format!("<td{span}>{}</td>", escape(cell.text.trim())));
                    }
                }
                b"tr" => html.push_str("</tr>"),
                b"tbl" => html.push_str("</table>"),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(html)
}

/// The value of a `w:val` attribute.
fn value(tag: &BytesStart) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// `w:vMerge` without a value, or with `continue`, continues the merge above.
fn mark_merge(tag: &BytesStart, cells: &mut [Cell]) {
    if let Some(cell) = cells.last_mut() {
        cell.continued = value(tag).is_none_or(|v| v == "continue");
    }
}

fn push(paragraphs: &mut [String], text: &str) {
    if let Some(paragraph) = paragraphs.last_mut() {
        paragraph.push_str(text);
    }
}

/// A finished paragraph: a line of its cell, or a `<p>` of the body.
fn push_paragraph(html: &mut String, cells: &mut [Cell], text: String) {
    match cells.last_mut() {
        Some(cell) => {
            if !cell.text.is_empty() {
                cell.text.push(' ');
            }
            cell.text.push_str(&text);
        }
        None => {
            html.push_str("<p>");
            html.push_str(&escape(&text).replace('\n', "<br>"));
            html.push_str("</p>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn tables_keep_their_column_spans_and_vertical_merges_show_once() {
        let xml = format!(
            r#"<w:document {W}><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>角</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:t>1</w:t></w:r><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>&lt;3&gt;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t xml:space="preserve">第一行</w:t><w:br/><w:t>第二行</w:t><w:delText>删</w:delText></w:r></w:p></w:body></w:document>"#
        );
        assert_eq!(
            document_to_html(&xml).unwrap(),
            "<p>一、总体情况</p><table><tr><td colspan=\"3\">角</td><td>12</td></tr><tr><td>&lt;3&gt;</td></tr></table><p>第一行<br>第二行</p>"
        );
    }

    #[test]
    fn a_broken_zip_or_xml_is_refused_not_read_as_empty() {
        assert_eq!(deflated_document(b"PK\x03\x04 not really"), Err(NOT_WORD.to_string()));
        let package = |name: &'static str| {
            crate::report::publish::word_file::zip_parts(&[crate::report::publish::word_file::Deflated {
                name,
                data: vec![3, 0],
                crc32: 0,
                size: 0,
            }])
            .unwrap()
        };
        assert_eq!(read_docx(&package("OFD.xml")), Err(OFD_FILE.to_string()));
        assert_eq!(read_docx(&package("Doc_0/Document.xml")), Err(NOT_WORD.to_string()));
        assert_eq!(document_to_html("<w:p><w:t>没有闭合</w:p>"), Err(BROKEN.to_string()));
    }
}
