//! Which kind a file is, decided in one place for every way a file comes in: the command line,
//! the widget's file buttons (what they accept and say), its worker, and 核对's page file. The
//! first bytes decide where they can; a report file of this tool is known by its name or its
//! opening brace; anything else is a page or a text, read in whatever encoding it is in.

/// A kind of file, as the readers tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A report file of this tool (JSON).
    ReportFile,
    /// A zip: a Word .docx (or an OFD file, which the Word reader tells by its parts and refuses).
    Docx,
    /// An OLE compound file: Word 97–2003 or WPS (.doc, .wps).
    Word97,
    Pdf,
    /// A picture (its format named): a photo or screenshot of a report, whose numbers no reader
    /// here takes from it.
    Picture(&'static str),
    /// A saved page, a text or Markdown file: read by the importer, in whatever encoding it is in.
    Page,
}

/// The first bytes each kind of file starts with (a WebP's after the RIFF header's eight).
const SIGNATURES: [(usize, &[u8], FileKind); 10] = [
    (0, b"PK\x03\x04", FileKind::Docx),
    (0, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", FileKind::Word97),
    (0, b"%PDF", FileKind::Pdf),
    (0, b"\x89PNG", FileKind::Picture("PNG")),
    (0, b"\xFF\xD8\xFF", FileKind::Picture("JPEG")),
    (0, b"GIF8", FileKind::Picture("GIF")),
    (0, b"BM", FileKind::Picture("BMP")),
    (0, b"II*\x00", FileKind::Picture("TIFF")),
    (0, b"MM\x00*", FileKind::Picture("TIFF")),
    (8, b"WEBP", FileKind::Picture("WebP")),
];

/// How many of a file's first bytes [`FileKind::of`] looks at.
pub const HEAD_BYTES: usize = 64;

/// What the report file buttons accept, and their tip.
pub const REPORT_FILES: &str = ".json,.html,.htm,.txt,.md,.docx,.doc,.wps,.pdf,.ofd";
pub const REPORT_FILES_TIP: &str = "本工具导出的报告文件（.json）、从网站保存的报告网页（.html、.txt）、Word 或 WPS 文件（.docx、.doc、.wps），或 PDF 文件";
/// What 核对's file button accepts: a published page, saved or printed.
pub const PAGE_FILES: &str = ".html,.htm,.txt,.md,.docx,.doc,.wps,.pdf,.ofd";

/// The endings of the files a folder given to the review desk (`xxgk audit`, the review page) is
/// read for: every kind the readers take; a folder's other files (pictures, archives) are passed by.
const FOLDER_REPORT_ENDINGS: [&str; 11] =
    [".json", ".html", ".htm", ".shtml", ".mht", ".txt", ".md", ".docx", ".doc", ".wps", ".pdf"];

/// Whether a file found in a folder is read as a report, by its name.
pub fn read_in_folder(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    FOLDER_REPORT_ENDINGS.iter().any(|ending| name.ends_with(ending))
}

impl FileKind {
    /// The kind of a file named `name` whose first bytes are `head` (at least [`HEAD_BYTES`] of
    /// them when the file has as many).
    pub fn of(name: &str, head: &[u8]) -> FileKind {
        let signed =
            SIGNATURES.iter().find(|(at, signature, _)| head.get(*at..).is_some_and(|h| h.starts_with(signature)));
        match signed {
            Some(&(_, _, kind)) => kind,
            None if name.to_ascii_lowercase().ends_with(".json") || opens_with_brace(head) => FileKind::ReportFile,
            None => FileKind::Page,
        }
    }

    /// Why a file of this kind is not read at all, and what to open instead: said alike in the
    /// widget, the review desk and `xxgk`, so the widget's paste box is named as its.
    pub fn refusal(self) -> Option<String> {
        match self {
            FileKind::Picture(format) => Some(format!(
                "这是一张图片（{format}），不是报告文件：图片里的文字和数字读不出来。请改用报告的网页、Word 或 PDF 文件（在编制助手中，也可以复制网页上的报告粘贴进来）。"
            )),
            _ => None,
        }
    }

    /// What is said while a file of this kind is read: a PDF's reader, the largest part of the
    /// widget, is downloaded the first time one is opened, and a slow line takes seconds to bring it.
    pub fn reading_notice(self) -> Option<&'static str> {
        (self == FileKind::Pdf).then_some("正在读取 PDF 文件……第一次打开时要先下载 PDF 读取程序（约 420 KB），请稍候。")
    }
}

/// Whether a text's first character, after spacing and a byte-order mark, is `{`.
fn opens_with_brace(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn the_readers_files_are_told_apart_by_their_first_bytes_whatever_their_name() {
        for (file, kind) in [
            ("docx/report_wps.docx", FileKind::Docx),
            ("docx/report.ofd", FileKind::Docx),
            ("docx/report.doc", FileKind::Word97),
            ("docx/report.pdf", FileKind::Pdf),
            ("pictures/table4.png", FileKind::Picture("PNG")),
            ("pictures/table4.jpg", FileKind::Picture("JPEG")),
            ("editors/report.json", FileKind::ReportFile),
            ("2019_shanghai_szfbgt_gbk.html", FileKind::Page),
            ("2022_xianning_zwfw_utf16.txt", FileKind::Page),
        ] {
            let bytes = fixture(file);
            let head = &bytes[..bytes.len().min(HEAD_BYTES)];
            assert_eq!(FileKind::of(file, head), kind, "{file}");
            assert_eq!(FileKind::of("renamed.txt", head), kind, "{file}, renamed");
        }
        assert_eq!(FileKind::of("上年.JSON", b"not yet read"), FileKind::ReportFile);
        assert_eq!(FileKind::of("paste", "\u{feff} {\"format\"".as_bytes()), FileKind::ReportFile);
    }

    #[test]
    fn only_pictures_are_refused_unread_and_only_a_pdf_is_said_while_read() {
        assert!(FileKind::Picture("PNG").refusal().unwrap().contains("这是一张图片（PNG）"));
        assert!(FileKind::Pdf.refusal().is_none() && FileKind::Pdf.reading_notice().is_some());
        assert!(FileKind::Page.reading_notice().is_none());
    }

    #[test]
    fn a_folder_is_read_for_reports_by_their_endings() {
        assert!(read_in_folder("乡镇/甲镇.JSON") && read_in_folder("报告.shtml") && read_in_folder("年报.wps"));
        assert!(!read_in_folder("图解.png") && !read_in_folder("材料.zip") && !read_in_folder("json"));
    }

    #[test]
    fn the_page_file_button_takes_what_the_report_file_buttons_take_but_report_files() {
        let report: Vec<&str> = REPORT_FILES.split(',').collect();
        let page: Vec<&str> = PAGE_FILES.split(',').collect();
        assert_eq!(report.iter().filter(|e| !page.contains(e)).collect::<Vec<_>>(), [&".json"]);
        assert!(page.iter().all(|e| report.contains(e)));
    }
}
