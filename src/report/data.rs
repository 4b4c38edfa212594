//! The report as the clerk fills it, its numbers read and summed, what a finding is, and reports
//! added up (a region's 汇总) and compared year over year.

pub mod compare;
pub mod example;
pub mod figure;
pub mod finding;
pub mod model;
pub mod sheet;
pub mod sum;
