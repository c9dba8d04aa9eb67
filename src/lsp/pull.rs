//! Pulled diagnostics: `textDocument/diagnostic` for one draft and
//! `workspace/diagnostic` for every closed draft of the workspace. A report
//! carries a result id (the settings generation and the buffer's version,
//! or the file's size and modification time), so a client that asks again
//! about something unchanged hears only "unchanged".

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::diagnostics::to_diagnostics;
use super::documents::Document;
use super::server::{Backend, INDEX_WAIT};
use super::state::{file_path, Settings};
use crate::workspace::read_draft;

impl Backend {
    pub(super) async fn pull_document(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let settings = self.state.settings();
        let report = match self.document(&uri).await {
            Some(doc) => {
                let id = format!("{}:v{}", settings.generation, doc.version);
                report_for(&id, params.previous_result_id.as_deref(), || {
                    to_diagnostics(&doc.analysis.findings, doc.positions(settings.encoding))
                })
            }
            None => {
                let Some(path) = file_path(&uri) else {
                    return Ok(full(None, Vec::new()));
                };
                let previous = params.previous_result_id.clone();
                let read = tokio::task::spawn_blocking(move || {
                    let id = disk_id(&settings, &path)?;
                    Some(report_for(&id, previous.as_deref(), || {
                        from_disk(&settings, &path).unwrap_or_default()
                    }))
                })
                .await;
                match read {
                    Ok(Some(report)) => report,
                    _ => {
                        self.warn_log(format!(
                            "diagnostics: {} is neither open nor readable",
                            uri.as_str()
                        ))
                        .await;
                        full(None, Vec::new())
                    }
                }
            }
        };
        Ok(report)
    }

    /// `copydesk.checkWorkspace`: push the diagnostics of every closed
    /// draft that can be read (after the first scan, or its wait), and say
    /// how many.
    pub(super) async fn check_workspace(&self) -> usize {
        let mut indexed = self.state.indexed();
        let _ = tokio::time::timeout(INDEX_WAIT, indexed.wait_for(|done| *done)).await;
        let settings = self.state.settings();
        let paths = self.state.closed_drafts();
        let checked = tokio::task::spawn_blocking(move || {
            paths
                .par_iter()
                .filter_map(|path| Some((Uri::from_file_path(path)?, from_disk(&settings, path)?)))
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        let count = checked.len();
        for (uri, diagnostics) in checked {
            self.outlet.publish_diagnostics(uri, diagnostics, None);
        }
        count
    }

    pub(super) async fn pull_workspace(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let mut indexed = self.state.indexed();
        let _ = tokio::time::timeout(INDEX_WAIT, indexed.wait_for(|done| *done)).await;
        let settings = self.state.settings();
        let previous: HashMap<Uri, String> = params
            .previous_result_ids
            .into_iter()
            .map(|p| (p.uri, p.value))
            .collect();
        // Open drafts are reported by their own pulls, which win.
        let paths = self.state.closed_drafts();
        let items = tokio::task::spawn_blocking(move || {
            paths
                .par_iter()
                .map(|path| {
                    let uri = Uri::from_file_path(path)?;
                    let id = disk_id(&settings, path)?;
                    if previous.get(&uri) == Some(&id) {
                        return Some(WorkspaceDocumentDiagnosticReport::Unchanged(
                            WorkspaceUnchangedDocumentDiagnosticReport {
                                uri,
                                version: None,
                                unchanged_document_diagnostic_report:
                                    UnchangedDocumentDiagnosticReport { result_id: id },
                            },
                        ));
                    }
                    Some(WorkspaceDocumentDiagnosticReport::Full(
                        WorkspaceFullDocumentDiagnosticReport {
                            uri,
                            version: None,
                            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                                result_id: Some(id),
                                items: from_disk(&settings, path).unwrap_or_default(),
                            },
                        },
                    ))
                })
                .flatten()
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        Ok(WorkspaceDiagnosticReportResult::Report(
            WorkspaceDiagnosticReport { items },
        ))
    }

    async fn warn_log(&self, message: String) {
        self.client.log_message(MessageType::WARNING, message).await;
    }
}

/// "Unchanged" when the client already has the report `id` names, else
/// the full report.
fn report_for(
    id: &str,
    previous: Option<&str>,
    diagnostics: impl FnOnce() -> Vec<Diagnostic>,
) -> DocumentDiagnosticReportResult {
    if previous == Some(id) {
        return DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Unchanged(
            RelatedUnchangedDocumentDiagnosticReport {
                related_documents: None,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                    result_id: id.to_string(),
                },
            },
        ));
    }
    full(Some(id.to_string()), diagnostics())
}

fn full(result_id: Option<String>, items: Vec<Diagnostic>) -> DocumentDiagnosticReportResult {
    DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
        RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
        },
    ))
}

/// The result id of a draft on disk: the settings generation, its size and
/// its modification time.
fn disk_id(settings: &Settings, path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!(
        "{}:d{}:{}",
        settings.generation,
        meta.len(),
        modified.as_nanos()
    ))
}

/// The diagnostics of a draft read from disk, or `None` when it cannot be
/// read.
fn from_disk(settings: &Settings, path: &Path) -> Option<Vec<Diagnostic>> {
    let text = read_draft(path, &settings.limits()).ok()?;
    let doc = Document::new(0, &text, &settings.config, &settings.kb);
    Some(to_diagnostics(
        &doc.analysis.findings,
        doc.positions(settings.encoding),
    ))
}
