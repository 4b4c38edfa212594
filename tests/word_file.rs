//! The Word file as LibreOffice opens it: its tables, converted to HTML by LibreOffice itself,
//! hold the fragment's tables slot by slot (merges expanded). `make test` installs LibreOffice
//! (`libreoffice-writer-nogui`) when it is missing.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Mutex;

use scraper::{Html, Selector};
use xxgk_nianbao::report::publish::word_file::render_docx;
use xxgk_nianbao::report::{Report, render};

fn fixture_report() -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/editors/report.json");
    Report::from_json(&std::fs::read_to_string(path).unwrap()).unwrap().report
}

/// Each table's slots, merges expanded, text with spacing taken out.
fn grids(html: &str) -> Vec<Vec<Vec<String>>> {
    let doc = Html::parse_document(html);
    let (table, row, cell) =
        (Selector::parse("table").unwrap(), Selector::parse("tr").unwrap(), Selector::parse("td, th").unwrap());
    doc.select(&table)
        .map(|t| {
            let mut grid: Vec<Vec<Option<String>>> = Vec::new();
            for (r, tr) in t.select(&row).enumerate() {
                let mut c = 0;
                for td in tr.select(&cell) {
                    let span = |name| td.value().attr(name).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1);
                    let text: String = td.text().collect::<String>().chars().filter(|c| !c.is_whitespace()).collect();
                    while grid.get(r).and_then(|row| row.get(c)).is_some_and(Option::is_some) {
                        c += 1;
                    }
                    for dr in 0..span("rowspan") {
                        for dc in 0..span("colspan") {
                            let row = r + dr;
                            if grid.len() <= row {
                                grid.resize(row + 1, Vec::new());
                            }
                            if grid[row].len() <= c + dc {
                                grid[row].resize(c + dc + 1, None);
                            }
                            grid[row][c + dc] = Some(text.clone());
                        }
                    }
                    c += span("colspan");
                }
            }
            grid.into_iter().map(|row| row.into_iter().map(Option::unwrap_or_default).collect()).collect()
        })
        .collect()
}

/// One LibreOffice at a time: two started together on a fresh machine, each setting up its own
/// profile, have crashed (WrappedTargetRuntimeException) where either alone converts the file.
static LIBREOFFICE: Mutex<()> = Mutex::new(());

/// `dir/report.docx` converted by LibreOffice to `dir/report.<to>`.
fn convert(dir: &std::path::Path, to: &str) {
    let _alone = LIBREOFFICE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let converted = Command::new("soffice")
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(dir.join("report.docx"))
        .env("HOME", dir)
        .output()
        .expect("LibreOffice (soffice) converts the Word file: make test installs libreoffice-writer-nogui");
    assert!(converted.status.success(), "{}", String::from_utf8_lossy(&converted.stderr));
}

#[test]
fn libreoffice_opens_the_word_file_with_the_fragments_tables_slot_by_slot() {
    let dir = std::env::temp_dir().join(format!("xxgk-word-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = fixture_report();
    std::fs::write(dir.join("report.docx"), render_docx(&report)).unwrap();
    convert(&dir, "html");
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    let (word, fragment) = (grids(&html), grids(&render(&report)));
    assert_eq!(word.len(), 3);
    for (t, (w, f)) in word.iter().zip(&fragment).enumerate() {
        for (r, (wr, fr)) in w.iter().zip(f).enumerate() {
            assert_eq!(wr, fr, "table {t} row {r}");
        }
        assert_eq!(w.len(), f.len(), "table {t} rows");
    }
    let text: String = Html::parse_document(&html).root_element().text().collect::<String>();
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains("咸宁市政务服务和大数据管理局2022年政府信息公开工作年度报告"));
    for heading in ["一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    {
        assert!(text.contains(heading), "{heading}");
    }
}

#[test]
fn the_word_file_keeps_table_three_on_two_pages_as_the_print_does() {
    // The template's column widths, rows never split: LibreOffice lays table 三 out on two pages
    // (with equal columns its labels wrapped over 6–10 lines and it ran over three or four).
    let dir = std::env::temp_dir().join(format!("xxgk-word-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("report.docx"), render_docx(&fixture_report())).unwrap();
    convert(&dir, "pdf");
    let pages =
        Command::new("pdftotext").arg(dir.join("report.pdf")).arg("-").output().expect("pdftotext reads the PDF");
    let text = String::from_utf8(pages.stdout).unwrap();
    let page_of = |label: &str| {
        text.split('\u{c}').position(|page| page.split_whitespace().collect::<String>().contains(label)).unwrap()
    };
    let (first, last) = (page_of("一、本年新收"), page_of("四、结转下年度继续办理"));
    assert!(last - first <= 1, "table 三 runs from page {} to page {}", first + 1, last + 1);
}
