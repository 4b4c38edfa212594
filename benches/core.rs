//! Native timings of the core on a full report: what each keystroke in the widget costs before
//! the browser's own work. `make bench` prints these next to the browser figures.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use xxgk_nianbao::report::base::format::{FieldKind, fields};
use xxgk_nianbao::report::publish::verify::verify;
use xxgk_nianbao::report::read::audit::audit;
use xxgk_nianbao::report::read::import::import;
use xxgk_nianbao::report::{Report, Sheet, check, render};

/// The seed report with every count non-zero, so every sum and rule does real work.
fn full_report() -> Report {
    let mut report = xxgk_nianbao::report::example();
    for (id, field) in fields().iter().enumerate() {
        if field.kind == FieldKind::Count {
            report.set(id, ((id % 7) + 1).to_string());
        }
    }
    report
}

fn core(c: &mut Criterion) {
    let report = full_report();
    c.bench_function("validate (read + all rules)", |b| b.iter(|| check(black_box(&report))));
    c.bench_function("totals (read + sums)", |b| b.iter(|| Sheet::of(black_box(&report))));
    c.bench_function("render fragment", |b| b.iter(|| render(black_box(&report))));
    let json = report.to_json();
    c.bench_function("open report file", |b| b.iter(|| Report::from_json(black_box(&json))));
    for name in [
        "2022_xianning_zwfw.txt",
        "2022_pingtan_gaj.txt",
        "2024_pingtan_zhsyq.txt",
        "2020_pingtan_zhsyq.txt",
        "2019_shanghai_szfbgt.html",
    ] {
        let text = std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        c.bench_function(&format!("import {name}"), |b| b.iter(|| import(black_box(&text))));
    }
    let docx = format!("{}/tests/fixtures/docx", env!("CARGO_MANIFEST_DIR"));
    for name in ["report_wps.docx", "report_libreoffice.docx"] {
        let bytes = std::fs::read(format!("{docx}/{name}")).unwrap();
        c.bench_function(&format!("import {name} (unzip, XML, import)"), |b| {
            b.iter(|| import(&xxgk_nianbao::report::read::docx::read_docx(black_box(&bytes)).unwrap()))
        });
    }
    for name in ["report.doc", "report_tracked.doc"] {
        let bytes = std::fs::read(format!("{docx}/{name}")).unwrap();
        c.bench_function(&format!("import {name} (compound file, pieces, import)"), |b| {
            b.iter(|| import(&xxgk_nianbao::report::read::word97::read_doc(black_box(&bytes)).unwrap()))
        });
    }
    let pdf = std::fs::read(format!("{docx}/report.pdf")).unwrap();
    c.bench_function("import report.pdf (PDF text, import)", |b| {
        b.iter(|| import(&xxgk_nianbao::report::read::pdf::read_pdf(black_box(&pdf)).unwrap()))
    });
    for name in [
        "report_pdf_chromium.txt",
        "report_pdf_raw.txt",
        "report_pdf_layout.txt",
        "report_pdf.txt",
        "report_converted.md",
    ] {
        let text = std::fs::read_to_string(format!("{docx}/{name}")).unwrap();
        c.bench_function(&format!("import {name}"), |b| b.iter(|| import(black_box(&text))));
    }
    let dir = format!("{}/tests/fixtures/editors", env!("CARGO_MANIFEST_DIR"));
    let published = Report::from_json(&std::fs::read_to_string(format!("{dir}/report.json")).unwrap()).unwrap().report;
    let page = std::fs::read_to_string(format!("{dir}/ueditor.html")).unwrap();
    c.bench_function("verify the page UEditor saved", |b| b.iter(|| verify(black_box(&published), black_box(&page))));
    let mut megabyte = String::from("三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量");
    while megabyte.len() < 1024 * 1024 {
        megabyte.push_str("1234567890123456789 二、上年结转政府信息公开申请数量 ");
    }
    c.bench_function("import 1 MB of glued digits and labels", |b| b.iter(|| import(black_box(&megabyte))));
    audit_of_a_thousand_files(c);
}

/// The review desk's `xxgk audit` over 1000 report files on disk: each read, opened and checked.
fn audit_of_a_thousand_files(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("xxgk-bench-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut report = full_report();
    let files: Vec<std::path::PathBuf> = (0..1000)
        .map(|n| {
            report.set_key("meta.agency", format!("第{n}单位"));
            report.set_key("requests.received.natural_person", (n % 13).to_string());
            let path = dir.join(format!("{n:04}.json"));
            std::fs::write(&path, report.to_file(None)).unwrap();
            path
        })
        .collect();
    let mut group = c.benchmark_group("review desk");
    group.sample_size(10);
    group.bench_function("audit 1000 report files (read, open, check)", |b| {
        b.iter(|| {
            for path in &files {
                let bytes = std::fs::read(path).unwrap();
                black_box(audit(&path.display().to_string(), &bytes).unwrap());
            }
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, core);
criterion_main!(benches);
