//! `copydesk kb ...`: the knowledge base from the terminal.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::drafts::Configs;
use super::printable::Printable;
use crate::analysis::analyze;
use crate::config::Config;
use crate::fsread::Limits;
use crate::kb::{import, store};
use crate::lsp::law_card;

/// Import govinfo BILLSTATUS XML into a knowledge-base file (JSON Lines),
/// or to stdout when no output file is given. Exit status 2 when any input
/// could not be imported; the rest is still written, and when nothing
/// could be, nothing is (an existing output file is left as it was).
pub fn kb_import(paths: &[PathBuf], output: Option<&Path>, limits: &Limits) -> ExitCode {
    let report = match import::import_paths(paths, limits) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("copydesk: {}", Printable(&err.to_string()));
            return ExitCode::from(2);
        }
    };
    for warning in &report.warnings {
        eprintln!("{} (warning)", Printable(&warning.to_string()));
    }
    for error in &report.errors {
        eprintln!("{}", Printable(&error.to_string()));
    }
    if report.entries.is_empty() && !report.errors.is_empty() {
        // An import that failed whole leaves the output as it was: an
        // empty file would replace a knowledge base that worked.
        eprintln!(
            "copydesk: nothing imported from {} documents, {} errors{}",
            report.documents,
            report.errors.len(),
            output
                .map(|p| format!(
                    "; {} is left as it was",
                    Printable(&p.display().to_string())
                ))
                .unwrap_or_default(),
        );
        return ExitCode::from(2);
    }
    let written = match output {
        Some(path) => store::write(path, &report.entries).map_err(|e| e.to_string()),
        None => store::write_to(&mut std::io::stdout().lock(), &report.entries)
            .map_err(|e| format!("cannot write to standard output: {e}")),
    };
    if let Err(err) = written {
        eprintln!("copydesk: {}", Printable(&err));
        return ExitCode::from(2);
    }
    eprintln!(
        "copydesk: imported {} entries from {} documents{}, {} errors",
        report.entries.len(),
        report.documents,
        output
            .map(|p| format!(" into {}", Printable(&p.display().to_string())))
            .unwrap_or_default(),
        report.errors.len()
    );
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// Print what the hover would say about `name`: a law's title, alias,
/// acronym or citation. Exit status 1 when copydesk does not know it.
pub fn kb_lookup(name: &str) -> ExitCode {
    let mut configs = Configs::default();
    let (kb, problems) = configs.kb_for_dir(Path::new("."));
    for problem in problems {
        eprintln!(
            "copydesk: {}; those entries are not loaded",
            Printable(&problem.to_string())
        );
    }
    let analysis = analyze(name, &Config::default(), &kb);
    let Some(mention) = analysis.laws.first() else {
        eprintln!(
            "copydesk: “{}” is not a law, bill, provision or citation copydesk recognises",
            Printable(name)
        );
        return ExitCode::from(1);
    };
    let entry = mention.id.as_ref().and_then(|id| kb.get(id));
    println!("{}", law_card(mention, entry).trim_end());
    if entry.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
