//! The filled example: 咸宁市政务服务和大数据管理局's 2022 report as published, typed in.
//! A newcomer loads it to see a complete report, its preview and its findings at once.

use crate::report::data::model::Report;

/// The example's report file as it ships beside the widget's other files. The widget fetches it
/// when the clerk asks for it rather than carrying its 3 KB in every download.
pub const EXAMPLE_FILE_NAME: &str = "xxgk-nianbao-example.json";

/// The example's report file, for the tests and benches of the core.
pub const EXAMPLE_FILE: &str = include_str!("../xxgk-nianbao-example.json");

pub fn example() -> Report {
    match Report::from_json(EXAMPLE_FILE) {
        Ok(loaded) => loaded.report,
        Err(error) => panic!("the shipped example is not a valid report file: {error}"),
    }
}

/// The example as the two-year tests' last year's report: 3 requests of 自然人 and 1 of 法律服务机构
/// carried forward to this year.
#[cfg(test)]
pub fn last_years_example() -> Report {
    let mut last = example();
    last.set_key("requests.carried_forward.natural_person", "3");
    last.set_key("requests.carried_forward.legal_service", "1");
    last
}
