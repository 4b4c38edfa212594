//! Word 97–2003 files (.doc), and WPS files (.wps) in the same binary format: what agencies kept
//! before .docx, and what an older template still saves. The file is an OLE compound file (read
//! with `cfb`); the document's text lies in its `WordDocument` stream in pieces, which the piece
//! table in the `0Table` or `1Table` stream lists in reading order ([MS-DOC] 2.4.1).
//!
//! The text is given as the importer reads a page's copied text: a paragraph or a table cell per
//! line, fields as the result they show, text deleted with track changes on left out (as Word
//! shows the document with the changes accepted). Spans of merged cells are not read (they sit in
//! the paragraphs' table properties); the importer finds the tables by their labels, as in a copy.

use std::io::{Cursor, Read};
use std::ops::Range;

/// Said of a compound file without a Word document in it (an Excel or PowerPoint file, or a WPS
/// file of the format before WPS Office).
const NOT_WORD: &str = "这个文件不是编制助手能读的 Word 文档（可能是 Excel、PowerPoint 或旧版 WPS 文件）：请在 Word 或 WPS 中“另存为” .docx 后再打开";
/// Said of a Word file with an opening password.
const ENCRYPTED: &str =
    "这个 Word 文件设有打开密码，编制助手读不了：请在 Word 或 WPS 中取消密码，或“另存为” .docx 后再打开";
/// Said of a Word 6 or Word 95 file, whose layout is older than the one read here.
const TOO_OLD: &str = "这是 Word 95 或更早版本的文件，编制助手读不了：请在 Word 或 WPS 中“另存为” .docx 后再打开";
/// Said of a file whose parts do not fit together.
const BROKEN: &str = "Word 文件已损坏，读不出正文";

/// The FIB's signature, and the version number of Word 97 and every later binary Word.
const WORD_IDENT: u16 = 0xA5EC;
const WORD_97: u16 = 0x00C1;
/// Bits of the FIB's flags: the document is encrypted; its table stream is `1Table`.
const ENCRYPTED_FLAG: u16 = 0x0100;
const TABLE_1_FLAG: u16 = 0x0200;
/// Offsets in the FIB: the flags, the main text's length in characters, the piece table's place
/// and size in the table stream.
const FLAGS_AT: usize = 0x0A;
const CCP_TEXT_AT: usize = 0x4C;
const FC_CLX_AT: usize = 0x1A2;
const LCB_CLX_AT: usize = 0x1A6;
/// Offsets in the FIB of the character formatting's bin table (`PlcBteChpx`) in the table stream.
const FC_CHPX_BINS_AT: usize = 0xFA;
const LCB_CHPX_BINS_AT: usize = 0xFE;
/// Formatting pages are 512 bytes of the WordDocument stream.
const PAGE: usize = 512;
/// The character property of text deleted with track changes on (`sprmCFRMarkDel`).
const SPRM_DELETED: u16 = 0x0800;

/// The characters of Windows-1252 from 0x80 to 0x9F, where it differs from Latin-1: the 8-bit
/// ("compressed") pieces are in this code page. Unassigned bytes stay as they are.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', //
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The main text of a Word 97–2003 or WPS file, a paragraph or table cell a line.
pub fn read_doc(bytes: &[u8]) -> Result<String, String> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| BROKEN.to_string())?;
    if !file.is_stream("/WordDocument") {
        return Err(NOT_WORD.into());
    }
    let document = stream(&mut file, "/WordDocument")?;
    if u16_at(&document, 0)? != WORD_IDENT {
        return Err(BROKEN.into());
    }
    if u16_at(&document, 2)? < WORD_97 {
        return Err(TOO_OLD.into());
    }
    let flags = u16_at(&document, FLAGS_AT)?;
    if flags & ENCRYPTED_FLAG != 0 {
        return Err(ENCRYPTED.into());
    }
    let table = stream(&mut file, if flags & TABLE_1_FLAG != 0 { "/1Table" } else { "/0Table" })?;
    let main_text = u32_at(&document, CCP_TEXT_AT)? as usize;
    let (clx_at, clx_len) = (u32_at(&document, FC_CLX_AT)? as usize, u32_at(&document, LCB_CLX_AT)? as usize);
    let clx = table.get(clx_at..clx_at.saturating_add(clx_len)).ok_or(BROKEN)?;
    let deleted = deleted_runs(&document, &table)?;
    let kept = |at: &usize| {
        let run = deleted.partition_point(|r| r.end <= *at);
        deleted.get(run).is_none_or(|r| r.start > *at)
    };
    let mut text = Text::default();
    for piece in pieces(clx)? {
        if piece.start >= main_text {
            break;
        }
        let length = piece.end.min(main_text).saturating_sub(piece.start);
        if piece.compressed {
            let bytes = document.get(piece.at..piece.at.saturating_add(length)).ok_or(BROKEN)?;
            (piece.at..).zip(bytes).filter(|(at, _)| kept(at)).for_each(|(_, &b)| text.push(cp1252(b)));
        } else {
            let bytes = document.get(piece.at..piece.at.saturating_add(length.saturating_mul(2))).ok_or(BROKEN)?;
            let units = (piece.at..).step_by(2).zip(bytes.chunks_exact(2)).filter(|(at, _)| kept(at));
            let units = units.map(|(_, u)| u16::from_le_bytes([u[0], u[1]]));
            char::decode_utf16(units).for_each(|c| text.push(c.unwrap_or(char::REPLACEMENT_CHARACTER)));
        }
    }
    Ok(text.lines)
}

/// The stretches of the WordDocument stream (byte offsets) whose characters were deleted with
/// track changes on, in the order of the formatting pages ([MS-DOC] 2.9.16 `ChpxFkp`): each page
/// lists runs of the stream and, for each, its character properties as a list of `Sprm`s.
fn deleted_runs(document: &[u8], table: &[u8]) -> Result<Vec<Range<usize>>, String> {
    let (at, len) = (u32_at(document, FC_CHPX_BINS_AT)? as usize, u32_at(document, LCB_CHPX_BINS_AT)? as usize);
    let bins = table.get(at..at.saturating_add(len)).ok_or(BROKEN)?;
    // n + 1 stream offsets, then n page numbers (the low 22 bits of each).
    let n = len.saturating_sub(4) / 8;
    let mut deleted = Vec::new();
    for i in 0..n {
        let number = (u32_at(bins, 4 * (n + 1) + 4 * i)? & 0x003F_FFFF) as usize;
        let page = document.get(number * PAGE..(number + 1) * PAGE).ok_or(BROKEN)?;
        let runs = usize::from(page[PAGE - 1]);
        for run in 0..runs {
            // The properties' place in the page, in 2-byte words; 0: none.
            let words = usize::from(*page.get(4 * (runs + 1) + run).ok_or(BROKEN)?);
            let properties = match page.get(2 * words..) {
                Some([size, rest @ ..]) if words > 0 => rest.get(..usize::from(*size)).ok_or(BROKEN)?,
                _ => continue,
            };
            if sprms(properties).any(|(sprm, operand)| sprm == SPRM_DELETED && matches!(operand, [1 | 0x81])) {
                deleted.push(u32_at(page, 4 * run)? as usize..u32_at(page, 4 * run + 4)? as usize);
            }
        }
    }
    Ok(deleted)
}

/// The `Sprm`s of a property list with their operands, up to the first that does not fit. The
/// operand's size is in the sprm's top three bits ([MS-DOC] 2.2.5.1); size 6 means a length byte
/// comes first.
fn sprms(mut list: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let sprm = u16::from_le_bytes([*list.first()?, *list.get(1)?]);
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => 1 + usize::from(*list.get(2)?),
        };
        let operand = list.get(2..2 + size)?;
        list = &list[2 + size..];
        Some((sprm, if sprm >> 13 == 6 { &operand[1..] } else { operand }))
    })
}

fn stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, path: &str) -> Result<Vec<u8>, String> {
    let mut data = Vec::new();
    file.open_stream(path).and_then(|mut s| s.read_to_end(&mut data)).map_err(|_| BROKEN.to_string())?;
    Ok(data)
}

fn u16_at(bytes: &[u8], at: usize) -> Result<u16, String> {
    let b = bytes.get(at..at + 2).ok_or(BROKEN)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, String> {
    let b = bytes.get(at..at + 4).ok_or(BROKEN)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// A run of the text: characters `start..end`, stored at byte `at` of the WordDocument stream,
/// in 8-bit characters or in UTF-16.
struct Piece {
    start: usize,
    end: usize,
    at: usize,
    compressed: bool,
}

/// The pieces of the text, in order, from the piece table (a `Clx`: formatting runs, then the
/// `Pcdt` with the character positions and a piece descriptor for each piece).
fn pieces(clx: &[u8]) -> Result<Vec<Piece>, String> {
    let mut at = 0;
    // Prc entries: 0x01, a 16-bit size, the formatting.
    while clx.get(at) == Some(&0x01) {
        at += 3 + u16_at(clx, at + 1)? as usize;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(BROKEN.into());
    }
    let size = u32_at(clx, at + 1)? as usize;
    let plc = clx.get(at + 5..at + 5 + size).ok_or(BROKEN)?;
    // n + 1 character positions (4 bytes), then n descriptors (8 bytes).
    let n = size.checked_sub(4).ok_or(BROKEN)? / 12;
    (0..n)
        .map(|i| {
            let descriptor = 4 * (n + 1) + 8 * i;
            let fc = u32_at(plc, descriptor + 2)?;
            let compressed = fc & 0x4000_0000 != 0;
            let fc = (fc & 0x3FFF_FFFF) as usize;
            Ok(Piece {
                start: u32_at(plc, 4 * i)? as usize,
                end: u32_at(plc, 4 * i + 4)? as usize,
                at: if compressed { fc / 2 } else { fc },
                compressed,
            })
        })
        .collect()
}

fn cp1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The text being written: the document's marks turned into lines, fields into their results.
#[derive(Default)]
struct Text {
    lines: String,
    /// For each field the text is inside, whether it is in the field's code (before its
    /// separator), which is not shown.
    fields: Vec<bool>,
}

impl Text {
    fn push(&mut self, c: char) {
        match c {
            '\u{13}' => self.fields.push(true),
            '\u{14}' => {
                if let Some(in_code) = self.fields.last_mut() {
                    *in_code = false;
                }
            }
            '\u{15}' => {
                self.fields.pop();
            }
            _ if self.fields.contains(&true) => {}
            // Paragraph, cell and row ends, line, page and section breaks.
            '\r' | '\u{7}' | '\u{b}' | '\u{c}' => self.lines.push('\n'),
            '\t' => self.lines.push(' '),
            // A non-breaking hyphen.
            '\u{1e}' => self.lines.push('-'),
            // Anchors of pictures, drawings, footnotes and comments; an optional hyphen.
            c if c < ' ' => {}
            c => self.lines.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_show_their_result_and_marks_become_lines() {
        let mut text = Text::default();
        "见\u{13} HYPERLINK \"http://x\" \u{14}网站\u{15}。\r表\u{7}1\u{7}\u{7}\u{1}结果\u{b}纠正\tA\u{1e}B\u{1f}"
            .chars()
            .for_each(|c| text.push(c));
        assert_eq!(text.lines, "见网站。\n表\n1\n\n结果\n纠正 A-B");
    }

    #[test]
    fn sprms_are_read_with_their_operands_up_to_the_first_that_does_not_fit() {
        // Deleted (1 byte), a font size (2), a variable one (its length byte, then 3), a cut one.
        let list = [0x00, 0x08, 0x01, 0x43, 0x4A, 0x18, 0x00, 0x47, 0xCA, 0x03, 7, 8, 9, 0x03, 0x68, 0x01];
        let read: Vec<(u16, &[u8])> = sprms(&list).collect();
        assert_eq!(read, vec![(0x0800, &[1][..]), (0x4A43, &[0x18, 0][..]), (0xCA47, &[7, 8, 9][..])]);
    }

    #[test]
    fn eight_bit_pieces_are_windows_1252() {
        assert_eq!(cp1252(b'A'), 'A');
        assert_eq!(cp1252(0x93), '“');
        assert_eq!(cp1252(0x96), '–');
        assert_eq!(cp1252(0xE9), 'é');
    }

    #[test]
    fn what_is_not_a_word_97_file_is_refused() {
        assert_eq!(read_doc(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really"), Err(BROKEN.into()));
    }
}
