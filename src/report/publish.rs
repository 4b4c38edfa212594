//! What is published: the fragment, the Word file, 核对 of the published page, the portal
//! editors' advice, the texts drafted from the tables and tidied, what is still open before it
//! goes out, the 图解, and the review desk's page.

pub mod audit_page;
pub mod chart;
pub mod draft_text;
pub mod fragment;
pub mod open;
pub mod portal;
pub mod tidy;
pub mod verify;
pub mod word_file;
