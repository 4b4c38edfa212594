//! The report as a Word file (.docx), for 签发 and for the superior office's review: the title,
//! the six sections, the three tables with the template's merges (`w:gridSpan`, `w:vMerge`) and
//! borders, on A4 with the margins of official documents. The tables walk the same layout as the
//! fragment. The zip is written by rawzip around parts the platform deflates.

use std::fmt::Write as _;
use std::io::Write as _;

use crate::report::base::format::{self, LayoutCell, SECTIONS, Table};
use crate::report::base::text::escape;
use crate::report::data::model::Report;
use crate::report::data::sheet::Sheet;
use crate::report::publish::fragment::{paragraphs, part_heading, signature, title};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// The fonts of official documents, with the common Windows fonts named for Latin text.
const TITLE_FONT: &str = "方正小标宋简体";
const HEADING_FONT: &str = "黑体";
const PART_FONT: &str = "楷体_GB2312";
const BODY_FONT: &str = "仿宋_GB2312";
const TABLE_FONT: &str = "宋体";

/// The width of A4 between the margins below, in twentieths of a point.
const TEXT_WIDTH: u32 = 11906 - 1587 - 1474;

/// The parts of the .docx: their names in the zip and their XML.
pub fn docx_parts(report: &Report) -> [(&'static str, String); 3] {
    [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", RELATIONSHIPS.to_string()),
        ("word/document.xml", document_xml(report)),
    ]
}

/// A part deflated by the platform, with the CRC-32 and size of its XML.
pub struct Deflated {
    pub name: &'static str,
    pub data: Vec<u8>,
    pub crc32: u32,
    pub size: u64,
}

/// The .docx file from its deflated parts: the zip written by rawzip around data the platform
/// compressed (flate2 in the CLI; the browser's CompressionStream in the widget's worker, whose
/// gzip output carries the CRC-32 too, so no CRC table is downloaded). Writing to memory does not
/// fail; rawzip's error is handed on all the same, for the caller to say in its own words.
pub fn zip_parts(parts: &[Deflated]) -> Result<Vec<u8>, rawzip::Error> {
    let mut out = Vec::with_capacity(parts.iter().map(|p| p.data.len() + 128).sum::<usize>() + 512);
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    for part in parts {
        let (mut entry, _) = archive
            .new_file(part.name)
            .compression_method(rawzip::CompressionMethod::DEFLATE)
            .crc32(rawzip::Crc32Option::Custom(part.crc32))
            .start()?;
        entry.write_all(&part.data)?;
        entry.finish(rawzip::DataDescriptorOutput::new(part.crc32, part.size))?;
    }
    archive.finish()?;
    Ok(out)
}

/// The .docx file's bytes, deflated by flate2 (the command-line tool; the widget's worker
/// deflates in the browser).
pub fn render_docx(report: &Report) -> Vec<u8> {
    let parts: Vec<Deflated> = docx_parts(report)
        .into_iter()
        .map(|(name, xml)| {
            let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
            deflate.write_all(xml.as_bytes()).expect("writing to memory");
            let mut crc = flate2::Crc::new();
            crc.update(xml.as_bytes());
            Deflated {
                name,
                data: deflate.finish().expect("writing to memory"),
                crc32: crc.sum(),
                size: xml.len() as u64,
            }
        })
        .collect();
    zip_parts(&parts).expect("writing to memory")
}

/// A run of text in a font and size (half-points).
fn run(text: &str, font: &str, half_points: u32, bold: bool) -> String {
    format!(
        "<w:r><w:rPr><w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\" w:eastAsia=\"{font}\"/>{}<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        if bold { "<w:b/>" } else { "" },
        escape(text)
    )
}

/// A paragraph: its alignment (`both`, `center`, `right`), first-line indent in characters, exact
/// line spacing of 28 pt for body text.
fn paragraph(out: &mut String, runs: &str, align: &str, indent_chars: u32) {
    let _ = write!(
        out,
        "<w:p><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/>{}<w:jc w:val=\"{align}\"/></w:pPr>{runs}</w:p>",
        // In characters for Word and WPS, and in twips (三号, 16 pt) for LibreOffice, which reads only those.
        if indent_chars > 0 {
            format!("<w:ind w:firstLineChars=\"{}\" w:firstLine=\"{}\"/>", indent_chars * 100, indent_chars * 320)
        } else {
            String::new()
        }
    );
}

fn document_xml(report: &Report) -> String {
    let sheet = Sheet::of(report);
    let mut body = String::with_capacity(64 * 1024);
    paragraph(&mut body, &run(&title(report), TITLE_FONT, 44, false), "center", 0);
    for section in &SECTIONS {
        paragraph(&mut body, &run(section.heading, HEADING_FONT, 32, false), "both", 2);
        for part in section.parts {
            let text = report.get_key(part.key()).unwrap_or("").trim();
            if let Some(heading) = part_heading(part, text) {
                paragraph(&mut body, &run(heading, PART_FONT, 32, false), "both", 2);
            }
            for lines in paragraphs(text) {
                let runs: Vec<String> = lines.iter().map(|line| run(line, BODY_FONT, 32, false)).collect();
                paragraph(&mut body, &runs.join("<w:r><w:br/></w:r>"), "both", 2);
            }
        }
        if let Some(table) = section.table {
            table_xml(&mut body, report, &sheet, table);
        }
    }
    for (_, line) in signature(report) {
        paragraph(&mut body, &run(line, BODY_FONT, 32, false), "right", 0);
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{W}\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" \
         w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    )
}

/// `weights` scaled to add up to `total` exactly.
fn scaled_widths(weights: &[u32], total: u32) -> Vec<u32> {
    let sum: u32 = weights.iter().sum();
    let mut widths: Vec<u32> = weights.iter().map(|w| total * w / sum).collect();
    let short = total - widths.iter().sum::<u32>();
    for width in widths.iter_mut().take(short as usize) {
        *width += 1;
    }
    widths
}

/// A table as the layout prints it: a merged cell is written once with its `w:gridSpan`, and the
/// rows it reaches down into carry a `w:vMerge` continuation in its place. The column headers of
/// tables 三 and 四 repeat on every page (`w:tblHeader`).
fn table_xml(out: &mut String, report: &Report, sheet: &Sheet, table: Table) {
    let layout = format::layout(table);
    let slots = layout.slots();
    let heads = layout.column_heads();
    let mut borders = String::new();
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(borders, "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
    }
    // The template's columns scaled to fill the text width exactly (the rounding's remainder
    // spread over the first ones): LibreOffice makes a column of its own of any difference.
    let mut columns = String::new();
    for width in scaled_widths(table.template_column_widths(), TEXT_WIDTH) {
        let _ = write!(columns, "<w:gridCol w:w=\"{width}\"/>");
    }
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>\
         <w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>{columns}</w:tblGrid>"
    );
    // Where each cell begins: its row and column.
    let mut starts: Vec<Option<(usize, usize)>> = Vec::new();
    for (r, row) in slots.iter().enumerate() {
        // A row is never split over two pages; the column headers repeat on each.
        out.push_str(if r < heads {
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        });
        for (c, slot) in row.iter().enumerate() {
            if starts.len() <= slot.index {
                starts.resize(slot.index + 1, None);
            }
            let start = *starts[slot.index].get_or_insert((r, c));
            if start.1 != c {
                continue; // covered by the cell's column span
            }
            let (span, tall) = match slot.cell {
                LayoutCell::Label { colspan, rowspan, .. } => (colspan, rowspan > 1),
                LayoutCell::Value { colspan, .. } => (colspan, false),
            };
            let merge = match (tall, start.0 == r) {
                (true, true) => "<w:vMerge w:val=\"restart\"/>",
                (true, false) => "<w:vMerge/>",
                _ => "",
            };
            let grid_span = if span > 1 { format!("<w:gridSpan w:val=\"{span}\"/>") } else { String::new() };
            let (text, align) = match slot.cell {
                _ if start.0 != r => (String::new(), "center"),
                LayoutCell::Label { text, .. } => (text.to_string(), "center"),
                LayoutCell::Value { id, .. } => (sheet.display(report, id), "center"),
            };
            let _ = write!(
                out,
                "<w:tc><w:tcPr>{grid_span}{merge}<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:jc w:val=\"{align}\"/></w:pPr>{}</w:p></w:tc>",
                if text.is_empty() { String::new() } else { run(&text, TABLE_FONT, 21, false) }
            );
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::read::docx::read_docx;
    use crate::report::read::import::import;

    #[test]
    fn the_word_file_reads_back_as_the_report_it_was_written_from() {
        let report = crate::report::example();
        let imported = import(&read_docx(&render_docx(&report)).unwrap()).report;
        for (id, field) in format::fields().iter().enumerate() {
            if matches!(field.kind, format::FieldKind::Count | format::FieldKind::Amount) {
                assert_eq!(imported.text(id).trim(), Sheet::of(&report).display(&report, id), "{}", field.key);
            }
        }
        assert_eq!(imported.get_key(format::META_AGENCY), report.get_key(format::META_AGENCY));
    }

    #[test]
    fn merges_are_the_templates_and_header_rows_repeat() {
        let xml = document_xml(&crate::report::example());
        assert_eq!(xml.matches("<w:tbl>").count(), 3);
        assert_eq!(xml.matches("<w:tblHeader/>").count(), 6, "three header rows each for 三 and 四");
        // Table 三's 三、本年度办理结果 over 22 rows: one restart, 21 continuations in its column.
        assert!(xml.contains("<w:vMerge w:val=\"restart\"/>"));
        assert!(xml.contains("w:w=\"11906\" w:h=\"16838\""), "A4");
        assert!(!xml.contains("<script"), "every text escaped");
        assert_eq!(xml.matches("<w:cantSplit/>").count(), xml.matches("<w:tr>").count(), "no row split over pages");
    }

    #[test]
    fn columns_are_the_templates_scaled_to_the_text_width() {
        let widths = scaled_widths(Table::Requests.template_column_widths(), TEXT_WIDTH);
        assert_eq!(widths.iter().sum::<u32>(), TEXT_WIDTH);
        // 信息内容's third column (the items' labels) as wide as in the template, the counts narrow.
        assert_eq!((widths[2] as f64 / TEXT_WIDTH as f64 * 100.0).round(), (3271.0_f64 / 9741.0 * 100.0).round());
        assert!(widths[3..].iter().all(|&w| w * 4 < widths[2]));
        let xml = document_xml(&crate::report::example());
        let grid = xml.split("<w:tblGrid>").nth(2).and_then(|g| g.split("</w:tblGrid>").next()).unwrap();
        assert_eq!(grid.matches("<w:gridCol").count(), 10);
        assert!(grid.starts_with(&format!("<w:gridCol w:w=\"{}\"/>", widths[0])));
    }
}
