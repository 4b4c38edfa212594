//! The report as the clerk fills it, its numbers read and summed, and what a finding is.

pub mod example;
pub mod finding;
pub mod model;
pub mod sheet;
