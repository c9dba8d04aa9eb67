//! The command line: `copydesk check` and `copydesk analyze`.
//!
//! Both run the same `analysis::analyze` as the editor, so what the checker
//! prints is what the editor shows.

mod analyze;
mod check;
mod drafts;
mod kb;

pub use analyze::{analysis_json, analyze};
pub use check::{check, CheckOptions, OutputFormat};
pub use kb::{kb_import, kb_lookup};
