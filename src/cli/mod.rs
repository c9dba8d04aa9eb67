//! The command line: `copydesk check` and `copydesk analyze`.
//!
//! Both run the same `analysis::analyze` as the editor, so what the checker
//! prints is what the editor shows. Names and messages meant for a terminal
//! are printed through `printable`, so a file's name cannot drive the
//! terminal or forge a line of output.

mod analyze;
mod check;
mod drafts;
mod kb;
mod printable;

pub use analyze::{analysis_json, analyze};
pub use check::{check, CheckOptions, OutputFormat};
pub use kb::{kb_import, kb_lookup};
