//! `xxgk`: the report core from the command line, for a 政务公开办 auditing many units' files.
//!
//! `xxgk check FILE.json [--json]` prints the findings and exits 1 when any is an error;
//! `xxgk render FILE.json` writes the published fragment. A file that cannot be read exits 2.

use std::process::ExitCode;

use xxgk_nianbao::report::{Report, Severity, check, render};

const USAGE: &str = "usage: xxgk check FILE.json [--json] | xxgk render FILE.json";

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
    let json = rest.iter().any(|a| a == "--json");
    let files: Vec<&String> = rest.iter().filter(|a| !a.starts_with("--")).collect();
    let [path] = files.as_slice() else { return Err(USAGE.into()) };
    if rest.iter().any(|a| a.starts_with("--") && a != "--json") || (json && command != "check") {
        return Err(USAGE.into());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let loaded = Report::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    for key in &loaded.unknown_keys {
        eprintln!("xxgk: {path}: 未知字段 {key}，已忽略");
    }
    match command.as_str() {
        "check" => {
            let findings = check(&loaded.report);
            for finding in &findings {
                if json {
                    println!("{}", serde_json::to_string(finding).map_err(|e| e.to_string())?);
                } else {
                    println!("{}\t{}\t{}", finding.severity().label(), finding.rule.id(), finding.message);
                }
            }
            let failed = findings.iter().any(|f| f.severity() == Severity::Error);
            Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        "render" => {
            println!("{}", render(&loaded.report));
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.into()),
    }
}
