//! `xxgk`: the report core from the command line — one report checked, rendered, imported or
//! verified, and the review desk of a 政务公开办 that receives dozens: every report under a folder
//! audited at once, the region's 汇总 added up and held against its units, a year compared with the
//! last. `xxgk --help` and `xxgk COMMAND --help` say what each command does and how it exits.

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind as ClapErrorKind};
use clap::{Parser, Subcommand};
use xxgk_nianbao::report::base::file_kind::{FileKind, HEAD_BYTES, read_in_folder};
use xxgk_nianbao::report::base::format::field;
use xxgk_nianbao::report::check::rules::{check_with_last_year, with_notes};
use xxgk_nianbao::report::check::units::{Unit, check_units};
use xxgk_nianbao::report::data::compare::compare;
use xxgk_nianbao::report::data::finding::{RULES, Rule};
use xxgk_nianbao::report::data::model::Loaded;
use xxgk_nianbao::report::data::sheet::Sheet;
use xxgk_nianbao::report::edit::exporting::to_do_said;
use xxgk_nianbao::report::edit::review::to_do_of;
use xxgk_nianbao::report::publish::audit_page::{DeskSum, audit_page, desk_sum, findings_csv};
use xxgk_nianbao::report::publish::chart::chart_svg;
use xxgk_nianbao::report::publish::draft_text::drafts;
use xxgk_nianbao::report::publish::fragment::render_text;
use xxgk_nianbao::report::publish::open::{STILL_OPEN, open_in_report_file, rules_and_open, still_open, unnamed_open};
use xxgk_nianbao::report::publish::verify::verify;
use xxgk_nianbao::report::publish::word_file::render_docx;
use xxgk_nianbao::report::read::audit::{Audited, AuditedFile, audit, decode, page_text};
use xxgk_nianbao::report::read::import::{NOT_A_REPORT, import};
use xxgk_nianbao::report::{Finding, Report, Severity, check, render};

/// How `xxgk` exits, said under every command's help.
const EXIT_CODES: &str = "退出码：0 没有错误；1 有错误（见输出）；2 文件无法读取或命令用法不对。";

#[derive(Parser)]
#[command(name = "xxgk", about = "政府信息公开工作年度报告：检查、生成、导入、核对，以及政务公开办的批量审核、汇总与同比。", after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 检查一份报告文件：每条问题一行（严重程度、规则、说明）；没有问题说到的尚未填完之处（如落款的成文日期）写在标准错误上。有错误时退出码为 1。
    #[command(after_help = EXIT_CODES)]
    Check {
        /// 报告文件（.json）；带 --units 时为本级政府的汇总报告，其前是各单位的报告
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// 每条问题输出为一个 JSON 对象
        #[arg(long)]
        json: bool,
        /// 上年报告，用于上年结转、现行有效件数等跨年核对（报告文件自带上年报告时可省略）
        #[arg(long, value_name = "LAST.json")]
        last_year: Option<PathBuf>,
        /// 汇总核对（HIER-SUM）：xxgk check --units 单位1 单位2 … 汇总.json，只输出汇总报告与各单位之和不符的数字
        #[arg(long, conflicts_with = "last_year")]
        units: bool,
    },
    /// 输出发布用的 HTML 片段，或纯文本，或 Word 文件，或图解（SVG）。报告还有错误、提醒或尚未填完之处时照样输出，并在标准错误上写明；有错误时退出码为 1。
    #[command(after_help = EXIT_CODES)]
    Render {
        file: PathBuf,
        /// 输出纯文本
        #[arg(long, conflicts_with_all = ["docx", "chart"])]
        text: bool,
        /// 写成 Word 文件（须用 -o 指定文件）
        #[arg(long, requires = "output", conflicts_with = "chart")]
        docx: bool,
        /// 画成图解（SVG，750 像素宽；须用 -o 指定文件）；有上年报告时标出同比。报告有错误时照画，但退出码为 1
        #[arg(long, requires = "output")]
        chart: bool,
        /// 图解的同比所用的上年报告（报告文件自带上年报告时可省略）
        #[arg(long, value_name = "LAST.json", requires = "chart")]
        last_year: Option<PathBuf>,
        #[arg(short, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// 读入已发布的报告（网页、文本、Markdown、Word、.doc/.wps、PDF），输出报告文件；报告文件原样输出。
    #[command(after_help = EXIT_CODES)]
    Import {
        file: PathBuf,
        /// 在标准错误上列出导入时的问题和检查结果
        #[arg(long)]
        findings: bool,
    },
    /// 核对发布后的网页与报告是否一致：不一致的每处一行（key、报告、页面），有不一致时退出码为 1。
    #[command(after_help = EXIT_CODES)]
    Verify { file: PathBuf, page: PathBuf },
    /// 按表格生成文字：每段一行（key、文字）。
    #[command(name = "draft-text", after_help = EXIT_CODES)]
    DraftText {
        file: PathBuf,
        #[arg(long, value_name = "LAST.json")]
        last_year: Option<PathBuf>,
    },
    /// 列出全部规则：规则、严重程度、含义。
    #[command(after_help = EXIT_CODES)]
    Rules,
    /// 批量审核：目录（含子目录）下的每份报告一行——文件、机关、年度、格式、错误数、提醒数、规则（报告文件缺成文日期、落款等规则不管的内容时，规则末尾为“尚未填完”）；读不了的文件写明原因。
    #[command(after_help = EXIT_CODES)]
    Audit {
        /// 报告文件或目录
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// 每份报告输出为一个 JSON 对象
        #[arg(long)]
        json: bool,
        /// 另写一个可排序、按规则筛选的网页（不引用任何外部文件）
        #[arg(long, value_name = "FILE.html")]
        html: Option<PathBuf>,
        /// 另写问题清单：每条问题一行（文件、机关、严重程度、规则、说明），报告文件尚未填完之处也各占一行；Excel、WPS 可直接打开
        #[arg(long, value_name = "FILE.csv")]
        csv: Option<PathBuf>,
    },
    /// 汇总：把各单位的表二、表三、表四逐格相加，输出本级政府的汇总报告文件（不同年度的报告不能相加，退出码 2）。有单位报告有错误时在标准错误上列出，退出码为 1。
    #[command(after_help = EXIT_CODES)]
    Sum {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// 同比：表二至表四中有变化的每个数字一行（key、上年、本年、变化、百分比），再列出跨年核对的问题。
    #[command(after_help = EXIT_CODES)]
    Compare { last: PathBuf, this: PathBuf },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
    match run(cli.command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("xxgk: {message}");
            ExitCode::from(2)
        }
    }
}

/// Help is printed as clap writes it; a wrong call is said in one line, naming what was wrong.
fn usage_error(error: clap::Error) -> ExitCode {
    if matches!(error.kind(), ClapErrorKind::DisplayHelp | ClapErrorKind::DisplayVersion) {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    let named = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(" "),
        _ => String::new(),
    };
    let said = match error.kind() {
        ClapErrorKind::UnknownArgument => format!("不认识的参数 {}", named(ContextKind::InvalidArg)),
        ClapErrorKind::InvalidSubcommand => format!("没有命令 {}", named(ContextKind::InvalidSubcommand)),
        ClapErrorKind::MissingRequiredArgument => format!("缺少 {}", named(ContextKind::InvalidArg)),
        ClapErrorKind::MissingSubcommand | ClapErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少命令".to_string()
        }
        ClapErrorKind::InvalidValue => format!("{} 需要一个值", named(ContextKind::InvalidArg)),
        ClapErrorKind::ArgumentConflict => {
            format!("{} 与 {} 不能同时使用", named(ContextKind::InvalidArg), named(ContextKind::PriorArg))
        }
        _ => error.to_string().lines().next().unwrap_or_default().trim_start_matches("error: ").to_string(),
    };
    eprintln!("xxgk: {said}；用法见 xxgk --help");
    ExitCode::from(2)
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Rules => {
            for rule in RULES {
                out(&format!("{}\t{}\t{}", rule.id, rule.severity.id(), rule.meaning))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Verify { file, page } => {
            let report = open(&file)?.report;
            let page_name = page.display().to_string();
            let verdict = match verify(&report, &read_page(&page)?) {
                Ok(verdict) => verdict,
                Err(why) => {
                    eprintln!("xxgk: {page_name}: {why}");
                    return Ok(ExitCode::from(1));
                }
            };
            for d in &verdict.differences {
                out(&format!("{}\t{}\t{}", d.key, d.report, d.page))?;
            }
            if let Some(note) = verdict.unlined_note() {
                eprintln!("xxgk: {page_name}: {note}");
            }
            if verdict.is_consistent() {
                // The page is as the report; what the report itself still has to be done is said
                // beside it, as the widget says it.
                match to_do_of(&report, counted(&report, None).0) {
                    Some(to_do) => eprintln!("xxgk: {}，但{to_do}。", verdict.summary()),
                    None => eprintln!("xxgk: {}", verdict.summary()),
                }
                return Ok(ExitCode::SUCCESS);
            }
            Ok(ExitCode::from(1))
        }
        Command::Import { file, findings } => {
            // A report file is one already: written out as it is read, as the widget opens it.
            let bytes = read(&file)?;
            if kind_of(&file, &bytes) == FileKind::ReportFile {
                let loaded = loaded(&file, &bytes)?;
                out(&loaded.report.to_file(loaded.last_year.as_ref()))?;
                if findings {
                    eprintln!("xxgk: {}: 报告文件", file.display());
                    let found = check_with_last_year(&loaded.report, loaded.last_year.as_ref());
                    found.iter().for_each(|f| eprintln!("{}", line(f)));
                    say_unnamed_open(&file, &loaded.report, &found);
                }
                return Ok(ExitCode::SUCCESS);
            }
            let imported = import(&read_page(&file)?);
            if imported.report.is_blank() {
                return Err(format!("{}: {NOT_A_REPORT}", file.display()));
            }
            out(&imported.report.to_json())?;
            if findings {
                eprintln!("xxgk: {}: {}", file.display(), imported.format.label());
                let findings = with_notes(check(&imported.report), &imported.findings);
                findings.iter().for_each(|f| eprintln!("{}", line(f)));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { files, json, units: true, .. } => {
            let Some((upper, units)) = files.split_last().filter(|(_, units)| !units.is_empty()) else {
                return Err("--units 需要各单位的报告和汇总报告：xxgk check --units 单位… 汇总.json".into());
            };
            let audited = read_units(units)?;
            // Units of different years cannot be added up; the check below says where they differ.
            let concerns = desk_sum(&audited).is_ok_and(|sum| say_concerns(&sum));
            let read: Vec<Unit> = audited.into_iter().filter_map(unit).collect();
            let said = say_findings(&check_units(&open(upper)?.report, &read), json)?;
            Ok(if concerns { ExitCode::from(1) } else { said })
        }
        Command::Check { files, json, last_year, units: false } => {
            let [file] = files.as_slice() else {
                return Err("check 只检查一个报告文件（汇总核对用 --units）".into());
            };
            let loaded = open(file)?;
            let last_year = match last_year {
                Some(last) => Some(open(&last)?.report),
                None => loaded.last_year,
            };
            let findings = check_with_last_year(&loaded.report, last_year.as_ref());
            let exit = say_findings(&findings, json)?;
            // Not a finding: said on stderr, so that the output stays a finding a line.
            say_unnamed_open(file, &loaded.report, &findings);
            Ok(exit)
        }
        Command::DraftText { file, last_year } => {
            let loaded = open(&file)?;
            let last_year = match last_year {
                Some(last) => Some(open(&last)?.report),
                None => loaded.last_year,
            };
            for (id, sentence) in drafts(&loaded.report, last_year.as_ref()) {
                out(&format!("{}\t{sentence}", field(id).key))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Render { file, chart: true, last_year, output, .. } => {
            let loaded = open(&file)?;
            let last_year = match last_year {
                Some(last) => Some(open(&last)?.report),
                None => loaded.last_year,
            };
            let output = output.ok_or("--chart 需要 -o 指定文件")?;
            let svg = chart_svg(&loaded.report, last_year.as_ref());
            std::fs::write(&output, svg).map_err(|e| format!("{}: {e}", output.display()))?;
            // The 图解 speaks of its numbers, as the widget's does: the errors and what is open.
            let (errors, _) = counted(&loaded.report, last_year.as_ref());
            Ok(rendered(&file, errors, to_do_of(&loaded.report, errors)))
        }
        Command::Render { file, docx, text, output, .. } => {
            let loaded = open(&file)?;
            if docx {
                // A Word file is written to a file, never to a terminal.
                let output = output.ok_or("--docx 需要 -o 指定文件")?;
                let written = std::fs::write(&output, render_docx(&loaded.report));
                written.map_err(|e| format!("{}: {e}", output.display()))?;
            } else {
                out(&if text { render_text(&loaded.report) } else { render(&loaded.report) })?;
            }
            let (errors, warnings) = counted(&loaded.report, loaded.last_year.as_ref());
            let open = still_open(&loaded.report, &Sheet::of(&loaded.report));
            Ok(rendered(&file, errors, to_do_said(errors, warnings, &open)))
        }
        Command::Audit { paths, json, html, csv } => audit_paths(&paths, json, html.as_deref(), csv.as_deref()),
        Command::Sum { files } => sum(&files),
        Command::Compare { last, this } => {
            let (last, this) = (open(&last)?.report, open(&this)?.report);
            let compared = compare(&last, &this);
            for change in &compared.changes {
                out(&change.line())?;
            }
            for id in compared.not_compared {
                eprintln!("xxgk: {}（{}）在一份报告中不是数字，未比较", field(id).place, field(id).key);
            }
            let across = check_with_last_year(&this, Some(&last));
            for finding in across.iter().filter(|f| matches!(f.rule, Rule::XCarry | Rule::XInForce)) {
                out(&line(finding))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What `file`'s report still lacks that none of its `findings` names (the 落款, its 成文日期), on
/// stderr, as the widget lists it under its findings.
fn say_unnamed_open(file: &Path, report: &Report, findings: &[Finding]) {
    let open = unnamed_open(report, &Sheet::of(report), findings);
    if !open.is_empty() {
        let said: Vec<&str> = open.iter().map(|(said, _)| said.as_str()).collect();
        eprintln!("xxgk: {}: {STILL_OPEN}：{}", file.display(), said.join("；"));
    }
}

/// The errors and warnings of `report`, checked against `last_year` when there is one.
fn counted(report: &Report, last_year: Option<&Report>) -> (usize, usize) {
    let findings = check_with_last_year(report, last_year);
    let errors = findings.iter().filter(|f| f.severity() == Severity::Error).count();
    (errors, findings.len() - errors)
}

/// How a render of `file` ends: its output is written either way, as the widget's copies are once
/// the clerk goes on, but what the report still has to be done (`to_do`) is said on stderr, and
/// a report with errors is not said to be fine.
fn rendered(file: &Path, errors: usize, to_do: Option<String>) -> ExitCode {
    if let Some(to_do) = to_do {
        eprintln!("xxgk: {}: {to_do}。", file.display());
    }
    if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// Prints findings, a line (or a JSON object) each; exits 1 when any is an error.
fn say_findings(findings: &[Finding], json: bool) -> Result<ExitCode, String> {
    for finding in findings {
        out(&if json { finding.to_json() } else { line(finding) })?;
    }
    let failed = findings.iter().any(|f| f.severity() == Severity::Error);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Every file under `path` (sub-folders too, in name order) with a report's extension; a file
/// given by name is taken whatever it is called.
fn files_under(path: &Path, found: &mut Vec<PathBuf>) -> Result<(), String> {
    if !path.is_dir() {
        found.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            files_under(&entry, found)?;
        } else if entry.file_name().is_some_and(|name| read_in_folder(&name.to_string_lossy())) {
            found.push(entry);
        }
    }
    Ok(())
}

/// One line per file (or a JSON object); exits 1 when any report has an error or a file could
/// not be read.
fn audit_paths(paths: &[PathBuf], json: bool, html: Option<&Path>, csv: Option<&Path>) -> Result<ExitCode, String> {
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for path in paths {
        let mut found = Vec::new();
        files_under(path, &mut found)?;
        for file in found {
            let shown = match file.strip_prefix(path) {
                Ok(relative) if !relative.as_os_str().is_empty() => relative.display().to_string(),
                _ => file.display().to_string(),
            };
            files.push((shown, file));
        }
    }
    let progress = std::io::stderr().is_terminal();
    let mut audited: Vec<AuditedFile> = Vec::with_capacity(files.len());
    for (n, (shown, file)) in files.iter().enumerate() {
        if progress {
            eprint!("\r已审核 {}/{} 份", n + 1, files.len());
        }
        let read = std::fs::read(file).map_err(|e| not_read(&e)).and_then(|bytes| audit(shown, &bytes));
        out(&if json { audit_json(shown, &read) } else { audit_line(shown, &read) })?;
        audited.push(AuditedFile { file: shown.clone(), read });
    }
    if progress {
        eprintln!();
    }
    let write = |path: &Path, text: String| std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()));
    if let Some(html) = html {
        write(html, audit_page(&audited))?;
    }
    if let Some(csv) = csv {
        write(csv, findings_csv(&audited))?;
    }
    let failed = audited.iter().any(AuditedFile::failed);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `文件<TAB>机关<TAB>年度<TAB>格式<TAB>错误数<TAB>提醒数<TAB>规则`, or `文件<TAB>why`; 规则 ends with
/// 尚未填完 when a report file lacks something no rule names, as the review desk's column does.
fn audit_line(file: &str, read: &Result<Audited, String>) -> String {
    match read {
        Ok(a) => {
            format!(
                "{file}\t{}\t{}\t{}\t{}\t{}\t{}",
                a.agency(),
                a.year(),
                a.format,
                a.errors(),
                a.warnings(),
                rules_and_open(a, &open_in_report_file(a)).join(",")
            )
        }
        Err(why) => format!("{file}\t{why}"),
    }
}

fn audit_json(file: &str, read: &Result<Audited, String>) -> String {
    use xxgk_nianbao::report::base::json::quote;
    let mut out = String::from("{\"file\":");
    quote(&mut out, file);
    match read {
        Ok(a) => {
            for (name, value) in [("agency", a.agency()), ("year", a.year()), ("format", a.format.as_str())] {
                out.push_str(&format!(",\"{name}\":"));
                quote(&mut out, value);
            }
            let rules: Vec<String> = a.rules().iter().map(|r| format!("\"{r}\"")).collect();
            out.push_str(&format!(
                ",\"errors\":{},\"warnings\":{},\"rules\":[{}]",
                a.errors(),
                a.warnings(),
                rules.join(",")
            ));
            // What a report file still lacks that no rule names, in the desk's words.
            out.push_str(",\"open\":[");
            for (n, said) in open_in_report_file(a).iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                quote(&mut out, said);
            }
            out.push(']');
        }
        Err(why) => {
            out.push_str(",\"error\":");
            quote(&mut out, why);
        }
    }
    out.push('}');
    out
}

/// The units added up into the 汇总 on standard output, and on standard error what it carries
/// wrong or may, as the review desk says it after a download.
fn sum(files: &[PathBuf]) -> Result<ExitCode, String> {
    let sum = desk_sum(&read_units(files)?)?;
    out(&sum.file)?;
    Ok(if say_concerns(&sum) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Says on standard error each concern of a 汇总 with the files it names; whether any makes the
/// sum wrong (units with errors, a report there twice, an earlier 汇总) rather than only open to
/// question (blank cells, added as 0).
fn say_concerns(sum: &DeskSum) -> bool {
    let concerns = sum.concerns();
    for concern in &concerns {
        eprintln!("xxgk: {}", concern.reminded);
        for item in concern.items {
            eprintln!("  {item}");
        }
    }
    concerns.iter().any(|concern| concern.wrong)
}

/// The units' files read as `audit` reads them; a file that cannot be read stops the command.
fn read_units(files: &[PathBuf]) -> Result<Vec<AuditedFile>, String> {
    files
        .iter()
        .map(|path| {
            let name = path.display().to_string();
            let bytes = read(path)?;
            match audit(&name, &bytes) {
                Ok(audited) => Ok(AuditedFile { file: name, read: Ok(audited) }),
                Err(why) => Err(format!("{name}: {why}")),
            }
        })
        .collect()
}

/// A unit for `check --units`, named by its agency (its file when it names none).
fn unit(audited: AuditedFile) -> Option<Unit> {
    let read = audited.read.ok()?;
    let name = match read.agency() {
        "" => Path::new(&audited.file).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        agency => agency.to_string(),
    };
    Some(Unit { name, report: read.report })
}

/// A file's bytes; or, in words, why it could not be read.
fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {}", path.display(), not_read(&e)))
}

/// Why a file could not be read, as the clerk is told it.
fn not_read(error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::NotFound => "找不到这个文件".into(),
        ErrorKind::IsADirectory => "这是文件夹：要逐份审核文件夹中的报告，请用 xxgk audit".into(),
        ErrorKind::PermissionDenied => "没有读取这个文件的权限".into(),
        _ => format!("无法读取（{error}）"),
    }
}

/// A published report's page as the importer reads it. A report file is not one: it is said so.
fn read_page(path: &Path) -> Result<String, String> {
    let bytes = read(path)?;
    if kind_of(path, &bytes) == FileKind::ReportFile {
        return Err(format!(
            "{}: 这是报告文件（.json），不是发布后的网页：请给出网站上发布的页面（另存的网页，或复制下来的文字）",
            path.display()
        ));
    }
    page_text(&path.display().to_string(), &bytes).map_err(|why| format!("{}: {why}", path.display()))
}

/// A report file, its unknown keys said on standard error. A file of another kind is said to be
/// what it is, with the commands that read it, not to be broken JSON.
fn open(path: &Path) -> Result<Loaded, String> {
    loaded(path, &read(path)?)
}

/// The report file at `path` whose bytes are `bytes`, as [`open`] reads it.
fn loaded(path: &Path, bytes: &[u8]) -> Result<Loaded, String> {
    let kind = kind_of(path, bytes);
    if kind != FileKind::ReportFile {
        return Err(format!("{}: {}", path.display(), not_a_report_file(kind)));
    }
    let loaded = Report::from_json(&decode(bytes)).map_err(|e| format!("{}: {e}", path.display()))?;
    for key in &loaded.unknown_keys {
        eprintln!("xxgk: {}: 未知字段 {key}，已忽略", path.display());
    }
    Ok(loaded)
}

/// What is said of a file of `kind` given where a report file is wanted.
fn not_a_report_file(kind: FileKind) -> String {
    let this = match kind {
        FileKind::Picture(_) => return kind.refusal().unwrap_or_default(),
        FileKind::Docx => "这是 Word 文件",
        FileKind::Word97 => "这是 Word 97–2003 或 WPS 文件",
        FileKind::Pdf => "这是 PDF 文件",
        FileKind::Page | FileKind::ReportFile => "这是网页或文本",
    };
    format!("{this}，不是报告文件（.json）：已发布的报告请先用 xxgk import 读成报告文件，或用 xxgk audit 直接审核")
}

/// The kind of the file at `path` whose bytes are `bytes`.
fn kind_of(path: &Path, bytes: &[u8]) -> FileKind {
    FileKind::of(&path.display().to_string(), &bytes[..bytes.len().min(HEAD_BYTES)])
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
