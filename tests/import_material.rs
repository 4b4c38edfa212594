//! An import may leave a cell blank, never wrong: eleven reports (tests/fixtures/material/, made by
//! make-material.sh) imported from every form clerks have them in — Word files typed as clerks type,
//! re-saved by LibreOffice and as .doc, the PDF, its text by pdftotext in each of its three modes, a
//! converter's Markdown — and every number of the three tables compared with the report it was made
//! from.

use xxgk_nianbao::report::base::format::{FieldKind, fields};
use xxgk_nianbao::report::base::number::{parse_amount, parse_count};
use xxgk_nianbao::report::read::import::{Imported, import};
use xxgk_nianbao::report::read::{docx, pdf, word97};
use xxgk_nianbao::report::{Report, Rule, Sheet};

const REPORTS: usize = 11;

/// The ways a report is turned into something the importer reads, by the material's file name.
const FORMS: [&str; 8] = [
    "clerk.docx",
    "clerk_libreoffice.docx",
    "clerk.doc",
    "report.pdf",
    "pdf_raw.txt",
    "pdf_layout.txt",
    "pdf.txt",
    "converted.md",
];

fn material(n: usize, name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/material/{n:02}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn imported(n: usize, form: &str) -> Imported {
    let bytes = material(n, form);
    let text = match form.rsplit('.').next() {
        Some("docx") => docx::read_docx(&bytes).unwrap(),
        Some("doc") => word97::read_doc(&bytes).unwrap(),
        Some("pdf") => pdf::read_pdf(&bytes).unwrap(),
        _ => String::from_utf8(bytes).unwrap(),
    };
    import(&text)
}

/// A cell's number, whatever way it was written.
fn number(kind: FieldKind, text: &str) -> Option<String> {
    match kind {
        FieldKind::Amount => parse_amount(text).ok().flatten().map(|a| a.to_string()),
        _ => parse_count(text).ok().flatten().map(|c| c.to_string()),
    }
}

/// How one import compares with its source, number by number.
#[derive(Debug, Default)]
struct Tally {
    /// (key, source, imported) of every number read into a cell where the source has another.
    wrong: Vec<(String, String, String)>,
    /// Keys of the numbers left blank.
    blank: Vec<String>,
    right: usize,
}

fn tally(imported: &Report, source: &Report) -> Tally {
    let sheet = Sheet::of(source);
    let mut tally = Tally::default();
    for (id, field) in fields().iter().enumerate() {
        let want = match field.kind {
            FieldKind::Count | FieldKind::Amount => number(field.kind, source.text(id)),
            FieldKind::DerivedCount => sheet.computed(id).map(|n| n.to_string()),
            _ => continue,
        };
        let got = imported.text(id).trim();
        if got.is_empty() {
            // A printed total may be left out: the widget computes it.
            if field.kind != FieldKind::DerivedCount {
                tally.blank.push(field.key.clone());
            }
        } else if number(field.kind, got) == want {
            tally.right += 1;
        } else {
            tally.wrong.push((field.key.clone(), want.unwrap_or_default(), got.to_string()));
        }
    }
    tally
}

#[test]
fn every_number_imported_from_every_form_is_right_or_blank_and_every_blank_is_named() {
    let mut wrong = Vec::new();
    let mut summary = String::new();
    for form in FORMS {
        let (mut right, mut blank, mut wrong_here) = (0, 0, 0);
        for n in 1..=REPORTS {
            let source = Report::from_json(&String::from_utf8(material(n, "report.json")).unwrap()).unwrap().report;
            let imported = imported(n, form);
            let found = tally(&imported.report, &source);
            for key in &found.blank {
                let id = xxgk_nianbao::report::base::format::field_id(key).unwrap();
                assert!(
                    imported.findings.iter().any(|f| f.rule == Rule::Import && f.fields.contains(&id)),
                    "{n:02}/{form}: {key} is blank and no IMPORT finding names it"
                );
            }
            right += found.right;
            blank += found.blank.len();
            wrong_here += found.wrong.len();
            wrong.extend(
                found.wrong.into_iter().map(|(key, want, got)| format!("{n:02}/{form} {key}: {want} read as {got}")),
            );
        }
        summary.push_str(&format!("{form}: {right} right, {blank} blank, {wrong_here} wrong\n"));
    }
    println!("{summary}");
    assert!(wrong.is_empty(), "{summary}{}", wrong.join("\n"));
}

/// What the texts state against the tables (`TXT-NUM`) and the years they name (`TXT-YEAR`) is
/// found alike in every form whose tables were read whole: pdftotext's texts space their numbers
/// (“2022 年我局共收到信息公开申请 9906 件”), the Word file does not.
#[test]
fn the_texts_figures_are_checked_alike_in_every_form() {
    let said = |report: &Report| -> Vec<(Rule, Vec<usize>)> {
        xxgk_nianbao::report::check(report)
            .into_iter()
            .filter(|f| matches!(f.rule, Rule::TxtNum | Rule::TxtYear))
            .map(|f| (f.rule, f.fields.clone()))
            .collect()
    };
    let mut compared = 0;
    for n in 1..=REPORTS {
        let source = Report::from_json(&String::from_utf8(material(n, "report.json")).unwrap()).unwrap().report;
        let expected = said(&source);
        assert!(
            expected.iter().any(|(rule, _)| *rule == Rule::TxtNum),
            "{n:02}: the material states counts its tables contradict"
        );
        for form in FORMS {
            let imported = imported(n, form);
            if imported.findings.iter().any(|f| f.rule == Rule::Import) {
                continue;
            }
            assert_eq!(said(&imported.report), expected, "{n:02}/{form}");
            compared += 1;
        }
    }
    assert!(compared >= 60, "{compared} imports compared");
}

/// A PDF's texts read as the clerk typed them, from the file or from its text copied out: pdf-extract
/// and pdftotext space Chinese from digits where the font changes (“自 2022 年 1 月 1 日”), which
/// the Word file never held.
#[test]
fn a_pdfs_texts_are_read_as_typed() {
    use xxgk_nianbao::report::base::format::text_parts;
    for n in 1..=REPORTS {
        let source = Report::from_json(&String::from_utf8(material(n, "report.json")).unwrap()).unwrap().report;
        for form in ["report.pdf", "pdf.txt", "pdf_layout.txt", "pdf_raw.txt"] {
            let read = imported(n, form).report;
            for &id in text_parts() {
                assert_eq!(read.text(id), source.text(id), "{n:02}/{form}: {}", fields()[id].key);
            }
        }
    }
}

/// The numbers standing alone in a text copy (a cell's, or a page's), as byte ranges.
fn standalone_numbers(text: &str) -> Vec<(usize, usize)> {
    let apart = |b: Option<&u8>| b.is_none_or(|b| b" \n\r|".contains(b));
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() || (at > 0 && !apart(bytes.get(at - 1))) {
            at += 1;
            continue;
        }
        let end = (at..bytes.len()).find(|&i| !bytes[i].is_ascii_digit() && bytes[i] != b'.').unwrap_or(bytes.len());
        if apart(bytes.get(end)) {
            found.push((at, end));
        }
        at = end;
    }
    found
}

/// The ways [`damaged`] damages a copy: the first three change a row's own numbers, the last two
/// only what lies around them.
const DAMAGES: usize = 5;
const AROUND_THE_NUMBERS: std::ops::Range<usize> = 3..DAMAGES;

/// One way a text copy is damaged on its way to the clerk, drawn from `kinds` by `pick` (a number
/// below the bound it is given): a number lost, doubled, or run into the next; a page number on a
/// line of its own; a line of words (a label) lost. With what was done, for the failure's message.
fn damaged(text: &str, kinds: std::ops::Range<usize>, pick: &mut dyn FnMut(usize) -> usize) -> (String, String) {
    let numbers = standalone_numbers(text);
    let lines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
    let (start, end) = numbers[pick(numbers.len())];
    let number = &text[start..end];
    match kinds.start + pick(kinds.len()) {
        0 => (format!("{number} at {start} lost"), format!("{}{}", &text[..start], &text[end..])),
        1 => (format!("{number} at {start} doubled"), format!("{} {}", &text[..end], &text[start..])),
        2 => match numbers.iter().find(|&&(next, _)| next > end) {
            Some(&(next, _)) if text[end..next].trim().is_empty() => {
                (format!("{number} at {start} run into the next"), format!("{}{}", &text[..end], &text[next..]))
            }
            _ => (String::new(), text.to_string()),
        },
        3 => {
            let (at, page) = (lines[pick(lines.len())], 1 + pick(30));
            (format!("page number {page} at {at}"), format!("{}{page}\n{}", &text[..at], &text[at..]))
        }
        _ => {
            let line = pick(lines.len() - 1);
            let (from, to) = (lines[line], lines[line + 1]);
            let words = &text[from..to];
            if words.trim().is_empty() || words.contains(|c: char| c.is_ascii_digit()) {
                return (String::new(), text.to_string());
            }
            (format!("line {} lost", words.trim()), format!("{}{}", &text[..from], &text[to..]))
        }
    }
}

/// An import may leave a cell blank, never wrong, from a copy damaged too: each text form of the
/// eleven reports, damaged in ways drawn from a fixed seed (a number lost, doubled or run into the
/// next, a page number, a label lost), half of them then given a page number or losing a label as
/// well, and every number read held against the report; then the damages that found a guess, each
/// alone. (Two damages to a row's own numbers can make another row that adds up, a number doubled
/// and its neighbour lost: no copy's arithmetic tells that, so they are not drawn together.)
#[test]
fn a_damaged_copy_is_read_right_or_left_blank() {
    let mut seed = 2026u64;
    let mut pick = move |bound: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % bound.max(1)
    };
    let mut wrong = Vec::new();
    for n in 1..=REPORTS {
        let source = Report::from_json(&String::from_utf8(material(n, "report.json")).unwrap()).unwrap().report;
        for form in ["pdf.txt", "pdf_layout.txt", "pdf_raw.txt", "converted.md"] {
            let text = String::from_utf8(material(n, form)).unwrap();
            for round in 0..40 {
                let (first, once) = damaged(&text, 0..DAMAGES, &mut pick);
                let (second, copy) =
                    if round % 2 == 0 { damaged(&once, AROUND_THE_NUMBERS, &mut pick) } else { (String::new(), once) };
                let found = tally(&import(&copy).report, &source);
                wrong.extend(
                    found.wrong.into_iter().map(|(key, want, got)| {
                        format!("{n:02}/{form} ({first}; {second}) {key}: {want} read as {got}")
                    }),
                );
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The damages that found a guess (the cell each put a wrong number in): in table 二, a row's
    // last number lost and a page number alone on the next line; in table 四, one of its fifteen
    // numbers lost and a page number on a line after them; in a tall row of table 三 (its 总计 on
    // the line above), its last two counts run together.
    let found_guesses = [
        (
            10,
            "规章           220                0              931\n",
            "规章           220                0\n4\n",
            "proactive.rules.in_force",
        ),
        (
            5,
            "0    0    0      0    0    0    0    0       0       0         0        0        0    0        0\n",
            "0    0    0      0    0    0    0    0       0       0         0        0        0    0\n\n28\n",
            "appeals.suit_after_review.total",
        ),
        (
            11,
            "0        0     0     0    0    2175\n",
            "0        0     0     0    02175\n",
            "requests.partially_disclosed.natural_person",
        ),
    ];
    for (n, printed, damaged, guessed) in found_guesses {
        let layout = String::from_utf8(material(n, "pdf_layout.txt")).unwrap();
        let copy = layout.replacen(printed, damaged, 1);
        assert_ne!(copy, layout);
        let source = Report::from_json(&String::from_utf8(material(n, "report.json")).unwrap()).unwrap().report;
        let found = tally(&import(&copy).report, &source);
        assert!(found.wrong.is_empty(), "{n:02} {guessed}: {found:?}");
    }
}
