//! `xxgk`: the report core from the command line, for a 政务公开办 auditing many units' files.
//!
//! `xxgk check FILE.json [--json] [--last-year LAST.json]` prints the findings, with the checks
//! against last year's report when the file carries it or one is given, and exits 1 when any is an
//! error;
//! `xxgk render FILE.json [--text | --docx -o OUT.docx]` writes the published fragment (or the report
//! as plain text, or as a Word file); `xxgk import FILE [--findings]` reads a published report (its
//! page text or HTML, a Word .docx or a PDF) and writes the report file; `xxgk verify FILE.json
//! PAGE` holds a published page (its HTML or text) against the report, prints what the page lacks
//! or prints differently (`key<TAB>报告<TAB>页面`, a line each; tables without lines are noted on
//! standard error) and exits 1 when anything differs. A file that cannot be read exits 2. `xxgk draft-text FILE.json [--last-year LAST.json]` prints the
//! sentences 按表格生成 drafts from the tables (`key<TAB>sentence`). `xxgk rules` lists the rules
//! (`id<TAB>severity<TAB>meaning`), for a reviewer reading `check --json` output.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use xxgk_nianbao::report::base::encoding;
use xxgk_nianbao::report::base::file_kind::{FileKind, HEAD_BYTES};
use xxgk_nianbao::report::check::rules::{check_with_last_year, with_notes};
use xxgk_nianbao::report::data::finding::RULES;
use xxgk_nianbao::report::data::model::Loaded;
use xxgk_nianbao::report::publish::draft_text::drafts;
use xxgk_nianbao::report::publish::fragment::render_text;
use xxgk_nianbao::report::publish::verify::verify;
use xxgk_nianbao::report::publish::word_file::render_docx;
use xxgk_nianbao::report::read::import::{NOT_A_REPORT, import};
use xxgk_nianbao::report::read::{docx, pdf, word97};
use xxgk_nianbao::report::{Finding, Report, Severity, check, render};

const USAGE: &str = "usage: xxgk check FILE.json [--json] [--last-year LAST.json] | xxgk render FILE.json [--text | --docx -o OUT.docx] | xxgk import FILE [--findings] | xxgk verify FILE.json PAGE | xxgk draft-text FILE.json [--last-year LAST.json] | xxgk rules";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("xxgk: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    let allowed: &[&str] = match command.as_str() {
        "check" => &["--json", "--last-year"],
        "import" => &["--findings"],
        "render" => &["--text", "--docx", "-o"],
        "draft-text" => &["--last-year"],
        _ => &[],
    };
    let (mut flags, mut files, mut last_year_path, mut output) = (Vec::new(), Vec::new(), None, None);
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--last-year" if allowed.contains(&"--last-year") => last_year_path = Some(words.next().ok_or(USAGE)?),
            "-o" if allowed.contains(&"-o") => output = Some(words.next().ok_or(USAGE)?),
            flag if flag.starts_with("--") && allowed.contains(&flag) => flags.push(flag),
            flag if flag.starts_with("--") => return Err(USAGE.into()),
            _ => files.push(word),
        }
    }
    let (json, with_findings) = (flags.contains(&"--json"), flags.contains(&"--findings"));
    if command == "rules" {
        if !files.is_empty() {
            return Err(USAGE.into());
        }
        for rule in RULES {
            out(&format!("{}\t{}\t{}", rule.id, rule.severity.id(), rule.meaning))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if command == "verify" {
        let [report_path, page_path] = files.as_slice() else { return Err(USAGE.into()) };
        let report = open(report_path, &read(report_path)?)?.report;
        let verdict = match verify(&report, &read_page(page_path)?) {
            Ok(verdict) => verdict,
            Err(why) => {
                eprintln!("xxgk: {page_path}: {why}");
                return Ok(ExitCode::from(1));
            }
        };
        for d in &verdict.differences {
            out(&format!("{}\t{}\t{}", d.key, d.report, d.page))?;
        }
        if let Some(note) = verdict.unlined_note() {
            eprintln!("xxgk: {page_path}: {note}");
        }
        if verdict.is_consistent() {
            eprintln!("xxgk: {}", verdict.summary());
            return Ok(ExitCode::SUCCESS);
        }
        return Ok(ExitCode::from(1));
    }
    let [path] = files.as_slice() else { return Err(USAGE.into()) };
    if command == "import" {
        let imported = import(&read_page(path)?);
        if imported.report.is_blank() {
            return Err(format!("{path}: {NOT_A_REPORT}"));
        }
        out(&imported.report.to_json())?;
        if with_findings {
            eprintln!("xxgk: {path}: {}", imported.format.label());
            let findings = with_notes(check(&imported.report), &imported.findings);
            findings.iter().for_each(|f| eprintln!("{}", line(f)));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let loaded = open(path, &read(path)?)?;
    match command.as_str() {
        "check" => {
            let last_year = match last_year_path {
                Some(last) => Some(open(last, &read(last)?)?.report),
                None => loaded.last_year,
            };
            let findings = check_with_last_year(&loaded.report, last_year.as_ref());
            for finding in &findings {
                out(&if json { finding.to_json() } else { line(finding) })?;
            }
            let failed = findings.iter().any(|f| f.severity() == Severity::Error);
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        "draft-text" => {
            let last_year = match last_year_path {
                Some(last) => Some(open(last, &read(last)?)?.report),
                None => loaded.last_year,
            };
            for (id, sentence) in drafts(&loaded.report, last_year.as_ref()) {
                out(&format!("{}\t{sentence}", xxgk_nianbao::report::base::format::field(id).key))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        "render" if flags.contains(&"--docx") => {
            // A Word file is written to a file, never to a terminal.
            let output = output.ok_or(USAGE)?;
            std::fs::write(output, render_docx(&loaded.report)).map_err(|e| format!("{output}: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        "render" => {
            out(&if flags.contains(&"--text") { render_text(&loaded.report) } else { render(&loaded.report) })?;
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.into()),
    }
}

/// A file's text, decoded from the encoding it is in (a GBK page, a UTF-16 text file …).
fn read(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(decode(&bytes))
}

fn decode(bytes: &[u8]) -> String {
    let encoding = encoding_rs::Encoding::for_label(encoding::sniff(bytes).as_bytes()).unwrap_or(encoding_rs::UTF_8);
    encoding.decode(bytes).0.into_owned()
}

/// A published report's page as the importer reads it: a Word file's body as HTML, or the text
/// of a Word 97–2003 file, a PDF, a page or a text file.
fn read_page(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let kind = FileKind::of(path, &bytes[..bytes.len().min(HEAD_BYTES)]);
    let read = match kind {
        FileKind::Docx => docx::read_docx(&bytes),
        FileKind::Pdf => pdf::read_pdf(&bytes),
        FileKind::Word97 => word97::read_doc(&bytes),
        FileKind::Picture(_) => Err(kind.refusal().unwrap_or_default()),
        FileKind::ReportFile | FileKind::Page => Ok(decode(&bytes)),
    };
    read.map_err(|why| format!("{path}: {why}"))
}

/// A report file, its unknown keys said on standard error.
fn open(path: &str, text: &str) -> Result<Loaded, String> {
    let loaded = Report::from_json(text).map_err(|e| format!("{path}: {e}"))?;
    for key in &loaded.unknown_keys {
        eprintln!("xxgk: {path}: 未知字段 {key}，已忽略");
    }
    Ok(loaded)
}

/// Writes a line to standard output. A reader that stops early (`xxgk render f | head -1`) ends
/// the output quietly rather than with a panic.
fn out(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{text}").and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(format!("标准输出：{e}")),
        _ => Ok(()),
    }
}

/// A finding as one line of text: severity, rule, message.
fn line(finding: &Finding) -> String {
    format!("{}\t{}\t{}", finding.severity().label(), finding.rule.id(), finding.message)
}
