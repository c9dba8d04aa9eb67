//! `copydesk check`: findings as `path:line:col: severity[code] message`.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;

use super::drafts::{read_drafts, Configs};
use super::printable::Printable;
use crate::analysis::{self, Code, Severity};
use crate::kb::load::KbReads;
use crate::text::LineIndex;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One line per finding: `path:line:col: severity[code] message`.
    Text,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub format: OutputFormat,
    pub stdin_filename: Option<String>,
    /// How large the drafts and knowledge-base files may be, and whether
    /// `[kb] files` may lie outside the configuration's folder.
    pub reads: KbReads,
}

/// One reported problem, with one-based lines and columns counted in
/// characters.
#[derive(Serialize)]
struct Report {
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    severity: &'static str,
    code: &'static str,
    message: String,
}

/// Run the checker. Exit status 1 when anything at warning or above was
/// found, 2 when an input or a configuration file could not be used.
pub fn check(options: &CheckOptions) -> ExitCode {
    let mut configs = Configs::new(options.reads);
    let (drafts, input_errors) = read_drafts(
        &options.paths,
        options.stdin_filename.as_deref(),
        &options.reads.limits,
    );
    let mut reports = Vec::new();
    let mut broken_configs = BTreeSet::new();
    let mut worst: Option<Severity> = None;
    let mut kb_failed = false;

    // The settings and knowledge base of each draft, in order (cached per
    // folder); then the drafts are analysed on every core.
    let mut settings = Vec::with_capacity(drafts.len());
    for draft in &drafts {
        let (config, config_error) = configs.for_dir(&draft.dir);
        if let Some((file, err)) = config_error {
            if broken_configs.insert(file.clone()) {
                reports.push(Report {
                    path: relative(&file),
                    line: err.line.unwrap_or(1),
                    column: 1,
                    end_line: err.line.unwrap_or(1),
                    end_column: 1,
                    severity: Severity::Error.as_str(),
                    code: "invalid-config",
                    message: format!("{}; the defaults apply until it is fixed", err.message),
                });
            }
        }
        let (kb, kb_problems) = configs.kb_for_dir(&draft.dir);
        for problem in kb_problems {
            kb_failed = true;
            let line = problem.line.unwrap_or(1);
            reports.push(Report {
                path: relative(&problem.path),
                line,
                column: 1,
                end_line: line,
                end_column: 1,
                severity: Severity::Error.as_str(),
                code: "invalid-glossary",
                message: format!("{}; copydesk goes on without it", problem.message),
            });
        }
        settings.push((draft, config, kb));
    }
    let found: Vec<_> = settings
        .par_iter()
        .map(|(draft, config, kb)| {
            let result = analysis::analyze(&draft.text, config, kb);
            let index = LineIndex::new(&draft.text);
            result
                .findings
                .into_iter()
                .map(|finding| {
                    let (line, column) = position(&draft.text, &index, finding.span.start);
                    let (end_line, end_column) = position(&draft.text, &index, finding.span.end);
                    (
                        finding.severity,
                        Report {
                            path: draft.name.clone(),
                            line,
                            column,
                            end_line,
                            end_column,
                            severity: finding.severity.as_str(),
                            code: finding.code.as_str(),
                            message: finding.message,
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for (severity, report) in found.into_iter().flatten() {
        worst = worst.max(Some(severity));
        reports.push(report);
    }

    let mut out = std::io::stdout().lock();
    let written = match options.format {
        OutputFormat::Text => reports.iter().try_for_each(|r| {
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                Printable(&r.path),
                r.line,
                r.column,
                r.severity,
                r.code,
                Printable(&r.message)
            )
        }),
        OutputFormat::Json => serde_json::to_writer_pretty(&mut out, &reports)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out)),
        OutputFormat::Sarif => serde_json::to_writer_pretty(&mut out, &sarif(&reports))
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out)),
    };
    if let Err(err) = written {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: cannot write the report: {err}");
            return ExitCode::from(2);
        }
    }
    for err in &input_errors {
        eprintln!(
            "{}: error: {}",
            Printable(&err.name),
            Printable(&err.message)
        );
    }
    eprintln!("{}", summary(drafts.len(), &reports));

    if !input_errors.is_empty() || !broken_configs.is_empty() || kb_failed {
        ExitCode::from(2)
    } else if worst >= Some(Severity::Warning) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The rules SARIF lists: every analysis rule, and the two problems with
/// the desk's files.
fn sarif_rules() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut rules: Vec<_> = Code::ALL
        .iter()
        .map(|code| {
            (
                code.as_str(),
                code.description(),
                sarif_level(code.default_severity().as_str()),
            )
        })
        .collect();
    rules.push((
        "invalid-config",
        "copydesk.toml cannot be used; the defaults apply.",
        "error",
    ));
    rules.push((
        "invalid-glossary",
        "A glossary or knowledge-base entry cannot be loaded.",
        "error",
    ));
    rules
}

/// SARIF's level for a copydesk severity.
fn sarif_level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

/// The reports as a SARIF 2.1.0 log with one run. Columns count Unicode
/// code points, as copydesk's text output does.
fn sarif(reports: &[Report]) -> serde_json::Value {
    let rules = sarif_rules();
    let results: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| {
            let index = rules.iter().position(|(id, _, _)| *id == r.code);
            let mut result = serde_json::json!({
                "ruleId": r.code,
                "level": sarif_level(r.severity),
                "message": { "text": r.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri_reference(&r.path) },
                        "region": {
                            "startLine": r.line,
                            "startColumn": r.column,
                            "endLine": r.end_line.max(r.line),
                            "endColumn": if r.end_line > r.line { r.end_column } else { r.end_column.max(r.column) },
                        }
                    }
                }],
            });
            if let Some(index) = index {
                result["ruleIndex"] = serde_json::json!(index);
            }
            result
        })
        .collect();
    serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules.iter().map(|(id, text, level)| serde_json::json!({
                        "id": id,
                        "shortDescription": { "text": text },
                        "defaultConfiguration": { "level": level },
                    })).collect::<Vec<_>>(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// A path as a relative URI reference: forward slashes, and every byte
/// that is not plainly safe percent-encoded.
fn uri_reference(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `path` relative to the current folder when it is inside it, as the
/// drafts named on the command line are reported.
fn relative(path: &std::path::Path) -> String {
    let here = std::env::current_dir()
        .ok()
        .and_then(|dir| std::fs::canonicalize(dir).ok());
    match here
        .as_deref()
        .and_then(|here| path.strip_prefix(here).ok())
    {
        Some(inside) => inside.display().to_string(),
        None => path.display().to_string(),
    }
}

/// One-based line and character column of a byte offset.
fn position(text: &str, index: &LineIndex, offset: usize) -> (usize, usize) {
    index.line_char_col(text, offset)
}

fn summary(files: usize, reports: &[Report]) -> String {
    let count = |severity: &str| reports.iter().filter(|r| r.severity == severity).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "copydesk: {} checked: {}, {}, {}, {}",
        plural(files, "draft"),
        plural(count("error"), "error"),
        plural(count("warning"), "warning"),
        plural(count("info"), "note"),
        plural(count("hint"), "hint"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_from_one() {
        let text = "first\n😀 “quote”";
        let index = LineIndex::new(text);
        let at = text.find('“').unwrap();
        assert_eq!(position(text, &index, at), (2, 3));
        assert_eq!(position(text, &index, 0), (1, 1));
    }
}
