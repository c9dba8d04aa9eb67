//! `copydesk kb ...`: the knowledge base from the terminal.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::kb::{import, store};

/// Import govinfo BILLSTATUS XML into a knowledge-base file (JSON Lines),
/// or to stdout when no output file is given. Exit status 2 when any input
/// could not be imported; the rest is still written.
pub fn kb_import(paths: &[PathBuf], output: Option<&Path>) -> ExitCode {
    let report = match import::import_paths(paths) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("copydesk: {err}");
            return ExitCode::from(2);
        }
    };
    for warning in &report.warnings {
        eprintln!("{warning} (warning)");
    }
    for error in &report.errors {
        eprintln!("{error}");
    }
    let written = match output {
        Some(path) => store::write(path, &report.entries).map_err(|e| e.to_string()),
        None => store::write_to(&mut std::io::stdout().lock(), &report.entries)
            .map_err(|e| format!("cannot write to standard output: {e}")),
    };
    if let Err(err) = written {
        eprintln!("copydesk: {err}");
        return ExitCode::from(2);
    }
    eprintln!(
        "copydesk: imported {} entries from {} documents{}, {} errors",
        report.entries.len(),
        report.documents,
        output
            .map(|p| format!(" into {}", p.display()))
            .unwrap_or_default(),
        report.errors.len()
    );
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
