//! Editing: the draft with its history, a report started from last year's, the tables as grids,
//! the session the widget's reducer runs and what it shows of a draft.

pub mod carry;
pub mod desk;
pub mod editor;
pub mod exporting;
pub mod grid;
pub mod review;
pub mod session;
