//! The filled example: 咸宁市政务服务和大数据管理局's 2022 report as published, typed in.
//! A newcomer loads it to see a complete report, its preview and its findings at once.

use super::model::Report;

/// The example's report file, as it ships.
pub const EXAMPLE_FILE: &str = include_str!("example_2022_xianning.json");

pub fn example() -> Report {
    match Report::from_json(EXAMPLE_FILE) {
        Ok(loaded) => loaded.report,
        Err(error) => panic!("the shipped example is not a valid report file: {error}"),
    }
}
