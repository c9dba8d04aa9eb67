//! The workspace's own files: `copydesk.toml`, the glossary and the
//! knowledge-base files it names. Reading them, reporting their problems as
//! diagnostics on them, watching them (and the drafts) for changes, and
//! reloading when they change.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::ls_types::*;
use tower_lsp_server::Client;

use super::indexing::index_workspace;
use super::server::{Backend, REFRESH_WAIT};
use super::state::{Settings, WorkspaceFiles};
use crate::config::{self, Config, ConfigError, EditorSettings};
use crate::fsread::{self, FileKind, Limits};
use crate::kb::load::{load as load_kb, KbReads};

impl Backend {
    /// Publish what is wrong with `copydesk.toml` and the glossary files as
    /// diagnostics on those files, and clear them on the files in
    /// `before` that are fine now.
    pub(super) async fn publish_file_problems(&self, settings: &Settings, before: &[PathBuf]) {
        let mut by_file: Vec<(PathBuf, Vec<Diagnostic>)> = before
            .iter()
            .map(|path| (path.clone(), Vec::new()))
            .collect();
        let mut add = |path: &PathBuf, diagnostic: Diagnostic| match by_file
            .iter_mut()
            .find(|(p, _)| p == path)
        {
            Some((_, list)) => list.push(diagnostic),
            None => by_file.push((path.clone(), vec![diagnostic])),
        };
        if let Some((path, problem)) = &settings.config_problem {
            add(
                path,
                file_diagnostic(
                    problem.line,
                    "invalid-config",
                    format!(
                        "{}; copydesk uses its default settings until this is fixed",
                        problem.message
                    ),
                ),
            );
        }
        for problem in &settings.kb_problems {
            add(
                &problem.path,
                file_diagnostic(
                    problem.line,
                    "invalid-glossary",
                    format!("{}; copydesk goes on without it", problem.message),
                ),
            );
        }
        for (path, diagnostics) in by_file {
            if let Some(uri) = Uri::from_file_path(&path) {
                self.outlet.publish_diagnostics(uri, diagnostics, None);
            }
        }
    }

    /// Read `copydesk.toml` and the knowledge-base files again after one of
    /// them changed on disk, re-check the open drafts and the index with
    /// them, and report what is wrong with the files now.
    pub(super) async fn reload_workspace_files(&self) {
        let before = self.state.settings();
        let roots = before.roots.clone();
        let editor = before.editor.clone();
        let Ok(files) =
            tokio::task::spawn_blocking(move || read_workspace_files(&roots, &editor)).await
        else {
            return;
        };
        let state = self.state.clone();
        let Ok(updated) = tokio::task::spawn_blocking(move || state.reload(files)).await else {
            return;
        };
        for (uri, doc) in updated {
            self.publish(uri, doc);
        }
        let settings = self.state.settings();
        if settings.pull {
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ =
                    tokio::time::timeout(REFRESH_WAIT, client.workspace_diagnostic_refresh()).await;
            });
        }
        let mut stale: Vec<PathBuf> = before.kb_problems.iter().map(|p| p.path.clone()).collect();
        stale.extend(before.config_problem.iter().map(|(path, _)| path.clone()));
        self.publish_file_problems(&settings, &stale).await;
        // Every closed draft's laws may resolve differently now.
        tokio::spawn(index_workspace(self.client.clone(), self.state.clone()));
    }
}

/// `copydesk.toml` at the first root and the knowledge base it makes, read
/// within the limits and permissions of the user's `editor` settings.
pub(super) fn read_workspace_files(roots: &[PathBuf], editor: &EditorSettings) -> WorkspaceFiles {
    let reads = KbReads {
        limits: editor.limits.limits(),
        outside_workspace: editor.kb.allow_outside_workspace,
    };
    let (config, config_problem) = load_config(roots, &reads.limits);
    let root = roots.first().cloned().unwrap_or_default();
    // A broken copydesk.toml is reported once, as the configuration.
    let config_file = Some(root.join(config::FILE_NAME))
        .filter(|path| config_problem.is_none() && path.is_file());
    let (kb, kb_problems) = load_kb(&root, config_file.as_deref(), &config.kb_files, &reads);
    WorkspaceFiles {
        config,
        config_problem,
        kb,
        kb_problems,
    }
}

/// Whether `path` names a Markdown draft.
pub(super) fn is_draft_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Ask the client to tell copydesk when drafts, `copydesk.toml` or the
/// knowledge-base files change on disk. Spawned: the server never waits on
/// the client inside a handler.
pub(super) async fn watch_files(client: Client, settings: Arc<Settings>) {
    let mut globs = vec![
        "**/*.md".to_string(),
        "**/*.markdown".to_string(),
        format!("**/{}", config::FILE_NAME),
    ];
    globs.extend(settings.file_config.kb_files.iter().map(|f| {
        let name = std::path::Path::new(f)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(f);
        format!("**/{name}")
    }));
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: globs
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob),
                kind: None,
            })
            .collect(),
    };
    let registration = Registration {
        id: "copydesk/watch".to_string(),
        method: "workspace/didChangeWatchedFiles".to_string(),
        register_options: serde_json::to_value(options).ok(),
    };
    let asked =
        tokio::time::timeout(REFRESH_WAIT, client.register_capability(vec![registration])).await;
    if !matches!(asked, Ok(Ok(()))) {
        tracing::warn!(
            "the client did not accept file watchers; changes on disk show after a restart"
        );
    }
}

/// A diagnostic on a whole line of a settings or glossary file.
fn file_diagnostic(line: Option<usize>, code: &str, message: String) -> Diagnostic {
    let line = line.map_or(0, |l| l.saturating_sub(1)) as u32;
    Diagnostic {
        range: Range::new(Position::new(line, 0), Position::new(line + 1, 0)),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(code.to_string())),
        source: Some("copydesk".to_string()),
        message,
        ..Diagnostic::default()
    }
}

fn load_config(roots: &[PathBuf], limits: &Limits) -> (Config, Option<(PathBuf, ConfigError)>) {
    let Some(path) = roots.first().map(|root| root.join(config::FILE_NAME)) else {
        return (Config::default(), None);
    };
    let text = match fsread::read_text(&path, FileKind::Config, limits) {
        Ok(text) => text,
        Err(err) if err.is_missing() => return (Config::default(), None),
        Err(err) => {
            let problem = ConfigError {
                message: format!("could not read the file: {err}"),
                line: None,
            };
            return (Config::default(), Some((path, problem)));
        }
    };
    match Config::from_toml(&text) {
        Ok(config) => (config, None),
        Err(err) => (Config::default(), Some((path, err))),
    }
}
