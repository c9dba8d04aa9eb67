//! `copydesk analyze`: the analysis itself as JSON, one object per draft.
//!
//! The shape is an interface that content pipelines rely on: fields may be
//! added, never renamed or removed. Offsets are UTF-8 byte offsets.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{json, Value};

use super::drafts::{read_drafts, Configs};
use super::printable::Printable;
use crate::analysis::{self, Analysis};
use crate::kb::load::KbReads;

/// Print the analysis of every draft named by `paths` as JSON Lines, each
/// file read as `reads` allows.
pub fn analyze(paths: &[PathBuf], stdin_name: Option<&str>, reads: KbReads) -> ExitCode {
    let mut configs = Configs::new(reads);
    let (drafts, errors) = read_drafts(paths, stdin_name, &reads.limits);
    let mut out = std::io::stdout().lock();
    let mut status = ExitCode::SUCCESS;
    for draft in &drafts {
        let (config, config_error) = configs.for_dir(&draft.dir);
        if let Some((file, err)) = config_error {
            eprintln!(
                "{}: error: {}; the defaults apply until it is fixed",
                Printable(&file.display().to_string()),
                Printable(&err.to_string())
            );
            status = ExitCode::from(2);
        }
        let (kb, kb_problems) = configs.kb_for_dir(&draft.dir);
        for problem in kb_problems {
            eprintln!(
                "copydesk: {}; those entries are not loaded",
                Printable(&problem.to_string())
            );
            status = ExitCode::from(2);
        }
        let result = analysis::analyze(&draft.text, &config, &kb);
        let line = analysis_json(&draft.name, &result);
        if let Err(err) = writeln!(out, "{line}") {
            if err.kind() == std::io::ErrorKind::BrokenPipe {
                return status;
            }
            eprintln!("copydesk: cannot write the analysis: {err}");
            return ExitCode::from(2);
        }
    }
    for err in &errors {
        eprintln!(
            "{}: error: {}",
            Printable(&err.name),
            Printable(&err.message)
        );
        status = ExitCode::from(2);
    }
    status
}

/// The JSON form of one draft's analysis.
pub fn analysis_json(path: &str, analysis: &Analysis) -> Value {
    let quotes: Vec<Value> = analysis
        .quotes
        .iter()
        .map(|q| {
            json!({
                "start": q.span.start,
                "end": q.span.end,
                "kind": q.kind,
                "closed": q.closed,
                "attribution": q.attribution.as_ref().map(|a| json!({
                    "speaker": {
                        "start": a.speaker.span.start,
                        "end": a.speaker.span.end,
                        "text": a.speaker.text,
                        "name": a.speaker.name,
                        "form": a.speaker.form,
                        "kind": a.speaker.kind,
                    },
                    "how": a.how,
                    "cue": a.cue.as_ref().map(|c| json!({
                        "start": c.span.start,
                        "end": c.span.end,
                        "text": c.text,
                    })),
                    "via": a.via.as_ref().map(|v| json!({
                        "start": v.span.start,
                        "end": v.span.end,
                        "text": v.text,
                        "name": v.name,
                        "kind": v.kind,
                    })),
                })),
            })
        })
        .collect();
    let laws: Vec<Value> = analysis
        .laws
        .iter()
        .map(|l| {
            json!({
                "start": l.span.start,
                "end": l.span.end,
                "text": l.text,
                "id": l.id,
                "title": l.title,
                "status": l.status,
            })
        })
        .collect();
    let speakers: Vec<Value> = analysis
        .speakers
        .iter()
        .map(|s| {
            json!({
                "name": s.name,
                "kind": s.kind,
                "descriptions": s.descriptions,
                "mentions": s.mentions.iter().map(|m| json!({
                    "start": m.span.start,
                    "end": m.span.end,
                    "form": m.form,
                })).collect::<Vec<_>>(),
                "quotes": s.quotes,
            })
        })
        .collect();
    let diagnostics: Vec<Value> = analysis
        .findings
        .iter()
        .map(|f| {
            json!({
                "code": f.code,
                "severity": f.severity,
                "start": f.span.start,
                "end": f.span.end,
                "message": f.message,
            })
        })
        .collect();
    json!({
        "path": path,
        "quotes": quotes,
        "speakers": speakers,
        "laws": laws,
        "diagnostics": diagnostics,
    })
}
