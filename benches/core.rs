//! Native timings of the core on a full report: what each keystroke in the widget costs before
//! the browser's own work. `make bench` prints these next to the browser figures.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use xxgk_nianbao::report::format::{FieldKind, fields};
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
}

criterion_group!(benches, core);
criterion_main!(benches);
