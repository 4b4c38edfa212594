//! 政府信息公开工作年度报告 编制助手.
//!
//! [`report`] is the pure core (the national format as data, the model, the rules, the published
//! fragment, the importer); [`ui`] is the Yew widget over it, and [`worker`] the worker it loads on
//! demand for the rarely used parts (reading published reports, rendering, 核对), both built only
//! for the browser.

pub mod report;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod worker;
