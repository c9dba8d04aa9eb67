//! The protocol handlers: thin adapters from LSP messages to the state,
//! the analysis and the cards.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::capabilities::{capabilities, workspace_roots};
use super::code_actions::{glossary_fixes, quick_fixes, GlossaryFile};
use super::completion::law_completions;
use super::convert::negotiate_encoding;
use super::definition::{definition, Definition};
use super::documents::Document;
use super::files::{is_draft_path, read_workspace_files, watch_files};
use super::hover::{law_card, quote_card, speaker_card};
use super::indexing::{index_workspace, summarise_from_disk, warn};
use super::outlet::Outlet;
use super::pacing;
use super::state::{file_path, Settings, Snapshot, State};
use crate::analysis::Code;
use crate::config::{self, EditorSettings};
use crate::fsread::{self, FileKind};

/// How long a workspace-wide query waits for the first scan of the
/// workspace before answering from what is indexed so far.
pub(super) const INDEX_WAIT: Duration = Duration::from_secs(10);

/// How long a refresh request to the client may take before it is dropped.
pub(super) const REFRESH_WAIT: Duration = Duration::from_secs(5);

/// The command that publishes the diagnostics of every draft in the
/// workspace, open or not, for the editor's problems list.
pub const CHECK_WORKSPACE: &str = "copydesk.checkWorkspace";

/// The copydesk language server.
pub struct Backend {
    pub(super) client: Client,
    pub(super) state: Arc<State>,
    /// Where answers copydesk encodes itself go.
    pub(super) outlet: Outlet,
}

/// The reply to `copydesk/syncedDocument`: the text copydesk holds for an
/// open document, to check that an editor and copydesk agree on it.
#[derive(Debug, Serialize, Deserialize)]
pub struct SyncedDocument {
    pub version: i32,
    pub text: String,
}

impl Backend {
    pub fn new(client: Client, outlet: Outlet) -> Backend {
        Backend {
            client,
            state: Arc::new(State::default()),
            outlet,
        }
    }

    /// `copydesk/syncedDocument`: the version and text of an open document,
    /// or null when it is not open.
    pub async fn synced_document(
        &self,
        params: TextDocumentIdentifier,
    ) -> Result<Option<SyncedDocument>> {
        Ok(self.document(&params.uri).await.map(|doc| SyncedDocument {
            version: doc.version,
            text: doc.text.clone(),
        }))
    }

    /// A message from the client that could not be decoded or handled,
    /// replaced by the transport guard or the screen: say what was wrong,
    /// and go on.
    pub async fn malformed_message(&self, params: super::framing::Malformed) {
        self.warn(format!(
            "ignored a malformed message from the client: {}",
            params.reason
        ))
        .await;
    }

    pub(super) async fn warn(&self, message: String) {
        warn(&self.client, message).await;
    }

    /// Read the closed draft at `path` again and put what it says now into
    /// the index, in the background.
    pub(super) fn reindex(&self, path: PathBuf) {
        let state = self.state.clone();
        tokio::spawn(async move {
            let settings = state.settings();
            let read =
                tokio::task::spawn_blocking(move || summarise_from_disk(&settings, path)).await;
            if let Ok((path, summary)) = read {
                state.restore_from_disk(path, summary);
            }
        });
    }

    /// The diagnostics of `doc`, unless a newer version has replaced it in
    /// the meantime; that version publishes its own.
    pub(super) fn publish(&self, uri: Uri, doc: Arc<Document>) {
        pacing::publish(&self.outlet, &self.state, uri, doc);
    }

    /// The open document at `uri`, analysed at the version the editor had
    /// sent when the request came. When that analysis is still to be done,
    /// it is done on the blocking pool, so that the message loop goes on
    /// serving other messages meanwhile.
    pub(super) async fn document(&self, uri: &Uri) -> Option<Arc<Document>> {
        let (buffer, base) = match self.state.snapshot(uri)? {
            Snapshot::Analysed(doc) => return Some(doc),
            Snapshot::Pending { buffer, base } => (buffer, base),
        };
        let state = self.state.clone();
        let uri = uri.clone();
        tokio::task::spawn_blocking(move || state.analyse(&uri, &buffer, base.as_deref()).made())
            .await
            .ok()
    }

    /// The document and offset a request points at, or `None` after saying
    /// in the log why the request cannot be answered.
    pub(super) async fn locate(
        &self,
        what: &str,
        uri: &Uri,
        position: Position,
    ) -> Option<(Arc<Document>, usize)> {
        let found = match self.document(uri).await {
            Some(doc) => self
                .state
                .locate(uri, &doc, position)
                .map(|offset| (doc, offset)),
            None => Err(format!("{} is not open", uri.as_str())),
        };
        match found {
            Ok(found) => Some(found),
            Err(reason) => {
                self.warn(format!("{what}: {reason}")).await;
                None
            }
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = negotiate_encoding(&params.capabilities);
        let roots = workspace_roots(&params);
        let editor = match params.initialization_options.as_ref() {
            Some(options) => EditorSettings::from_json(options).unwrap_or_else(|err| {
                tracing::warn!("{err}; using copydesk.toml and the defaults");
                EditorSettings::default()
            }),
            None => EditorSettings::default(),
        };
        // The user's settings come first: they decide how far and how much
        // copydesk may read of the workspace's files.
        // Read on the blocking pool: the reads are capped, but a slow disk
        // should hold up no thread of the runtime.
        let files = {
            let (roots, editor) = (roots.clone(), editor.clone());
            tokio::task::spawn_blocking(move || read_workspace_files(&roots, &editor))
                .await
                .unwrap_or_default()
        };
        if let Some((path, problem)) = &files.config_problem {
            self.warn(format!(
                "{}: {problem}; using the default settings",
                path.display()
            ))
            .await;
        }
        for problem in &files.kb_problems {
            self.warn(format!("{problem}; copydesk goes on without it"))
                .await;
        }
        let (config, unknown) = files.config.with_editor_settings(&editor);
        for name in unknown {
            self.warn(format!("the editor settings name an unknown rule `{name}`"))
                .await;
        }
        let progress = params
            .capabilities
            .window
            .as_ref()
            .and_then(|window| window.work_done_progress)
            .unwrap_or(false);
        let pull = params
            .capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        let watch_files = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        if roots.is_empty() {
            self.state.mark_indexed();
        }
        self.state.configure(Settings {
            encoding,
            config,
            file_config: files.config,
            config_problem: files.config_problem,
            inlay_hints: editor.inlay_hints.enabled,
            editor,
            kb: files.kb,
            kb_problems: files.kb_problems,
            roots,
            progress,
            watch_files,
            pull,
            generation: 0,
        });
        Ok(InitializeResult {
            capabilities: capabilities(encoding, pull),
            server_info: Some(ServerInfo {
                name: "copydesk".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let settings = self.state.settings();
        self.publish_file_problems(&settings, &[]).await;
        if settings.roots.is_empty() {
            return;
        }
        if settings.watch_files {
            tokio::spawn(watch_files(self.client.clone(), settings.clone()));
        }
        tokio::spawn(index_workspace(self.client.clone(), self.state.clone()));
        tokio::spawn(super::verified::keep_fresh(self.state.clone()));
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        // The buffer now, so that changes apply to it; the analysis on the
        // document's worker, at once and off the message loop.
        let doc = params.text_document;
        self.state.open_buffer(&doc.uri, doc.version, &doc.text);
        pacing::schedule(&self.client, &self.outlet, &self.state, doc.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let doc = params.text_document;
        match self
            .state
            .change(&doc.uri, doc.version, &params.content_changes)
        {
            Ok(()) => pacing::schedule(&self.client, &self.outlet, &self.state, doc.uri),
            Err(reason) => {
                self.warn(format!(
                    "ignored a change to {} (version {}): {reason}",
                    doc.uri.as_str(),
                    doc.version
                ))
                .await;
            }
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        // The buffer is what copydesk checks; saving changes nothing in it,
        // but editors that hide diagnostics of unsaved files show them again.
        let uri = params.text_document.uri;
        match self.document(&uri).await {
            Some(doc) => self.publish(uri, doc),
            None => {
                self.warn(format!("saved {}, which is not open", uri.as_str()))
                    .await
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.state.pacer.forget(&uri);
        // The diagnostics are cleared once the index has caught up, so a client
        // that has seen them cleared sees the workspace as it is on disk.
        if let Some(path) = self.state.close(&uri) {
            let settings = self.state.settings();
            let read =
                tokio::task::spawn_blocking(move || summarise_from_disk(&settings, path)).await;
            match read {
                Ok((path, summary)) => self.state.restore_from_disk(path, summary),
                Err(err) => {
                    self.warn(format!("could not re-read a closed draft: {err}"))
                        .await
                }
            }
        }
        // Unless the editor opened it again meanwhile: its diagnostics are
        // the new opening's.
        if self.state.analysed(&uri).is_none() {
            self.outlet.publish_diagnostics(uri, Vec::new(), None);
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let editor = match EditorSettings::from_json(&params.settings) {
            Ok(editor) => editor,
            Err(err) => {
                self.warn(format!("{err}; keeping the previous settings"))
                    .await;
                return;
            }
        };
        let before = self.state.settings();
        // New limits or a new say over files outside the workspace change
        // what may be read of the workspace's files: read them again.
        let rereads = before.editor.limits != editor.limits || before.editor.kb != editor.kb;
        let state = self.state.clone();
        let reanalysed = tokio::task::spawn_blocking(move || state.reconfigure(editor)).await;
        if rereads {
            self.reload_workspace_files().await;
        }
        match reanalysed {
            Ok((documents, unknown)) => {
                for name in unknown {
                    self.warn(format!("the editor settings name an unknown rule `{name}`"))
                        .await;
                }
                for (uri, doc) in documents {
                    self.publish(uri, doc);
                }
                // The hints may have been switched, and pulled diagnostics
                // are stale; ask the editor to fetch them again, without
                // waiting on it here.
                let client = self.client.clone();
                let pull = self.state.settings().pull;
                tokio::spawn(async move {
                    let _ = tokio::time::timeout(REFRESH_WAIT, client.inlay_hint_refresh()).await;
                    if pull {
                        let _ = tokio::time::timeout(
                            REFRESH_WAIT,
                            client.workspace_diagnostic_refresh(),
                        )
                        .await;
                    }
                });
            }
            Err(err) => {
                self.warn(format!("could not apply the new settings: {err}"))
                    .await
            }
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let settings = self.state.settings();
        let Some(root) = settings.roots.first() else {
            return;
        };
        let mut watched: Vec<PathBuf> = vec![root.join(config::FILE_NAME)];
        watched.extend(settings.file_config.kb_files.iter().map(|f| root.join(f)));
        let mut reload = false;
        for change in params.changes {
            let Some(path) = file_path(&change.uri) else {
                continue;
            };
            if watched.contains(&path) {
                // Read again under the same rules as at initialize.
                reload = true;
            } else if !settings
                .roots
                .iter()
                .any(|root| fsread::is_inside(&path, root))
            {
                // The client may report any file; copydesk reads only the
                // workspace's drafts.
                tracing::info!(
                    "ignoring a change to {}: it is outside the workspace folders",
                    path.display()
                );
            } else if is_draft_path(&path) && self.state.analysed(&change.uri).is_none() {
                // A closed draft changed on disk: index what it says now.
                self.state.forget_checked(&path);
                let settings = settings.clone();
                let read =
                    tokio::task::spawn_blocking(move || summarise_from_disk(&settings, path)).await;
                if let Ok((path, summary)) = read {
                    self.state.restore_from_disk(path, summary);
                }
            }
        }
        if reload {
            self.reload_workspace_files().await;
        }
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        self.pull_document(params).await
    }

    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        self.pull_workspace(params).await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        if params.command != CHECK_WORKSPACE {
            return Err(tower_lsp_server::jsonrpc::Error::invalid_params(format!(
                "unknown command `{}`; copydesk knows `{CHECK_WORKSPACE}`",
                params.command
            )));
        }
        let count = self.check_workspace().await;
        Ok(Some(serde_json::json!({ "checked": count })))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let Some((doc, offset)) = self
            .locate("hover", &at.text_document.uri, at.position)
            .await
        else {
            return Ok(None);
        };
        let settings = self.state.settings();
        let positions = doc.positions(settings.encoding);
        let (card, span) = if let Some(law) = doc.analysis.law_at(offset) {
            let entry = law.id.as_ref().and_then(|id| settings.kb.get(id));
            let mut card = law_card(law, entry);
            let drafts = self.state.drafts_mentioning(&law.key());
            if drafts > 1 {
                card.push_str(&format!("\nNamed in {drafts} drafts in this workspace.\n"));
            }
            (card, law.span)
        } else if let Some((speaker, mention)) = doc.analysis.speaker_at(offset) {
            let workspace = self.state.speaker_quotes(&speaker.name);
            let card = speaker_card(speaker, mention, &doc.analysis, &doc.text, workspace);
            (card, mention.span)
        } else if let Some(quote) = doc.analysis.quote_at(offset) {
            (quote_card(quote, &doc.text), quote.span)
        } else {
            return Ok(None);
        };
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: card,
            }),
            range: Some(positions.range(span)),
        }))
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let Some((doc, offset)) = self
            .locate("completion", &at.text_document.uri, at.position)
            .await
        else {
            return Ok(None);
        };
        let settings = self.state.settings();
        let items = law_completions(&settings.kb, offset, doc.positions(settings.encoding));
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let uri = at.text_document.uri;
        let Some((doc, offset)) = self.locate("definition", &uri, at.position).await else {
            return Ok(None);
        };
        let settings = self.state.settings();
        let positions = doc.positions(settings.encoding);
        Ok(
            definition(&doc.analysis, offset, &settings.kb).and_then(|found| match found {
                Definition::Glossary { path, line } => {
                    let line = line.saturating_sub(1) as u32;
                    Uri::from_file_path(path).map(|file| {
                        GotoDefinitionResponse::Scalar(Location::new(
                            file,
                            Range::new(Position::new(line, 0), Position::new(line + 1, 0)),
                        ))
                    })
                }
                Definition::Here(span) => Some(GotoDefinitionResponse::Scalar(Location::new(
                    uri.clone(),
                    positions.range(span),
                ))),
            }),
        )
    }

    // `textDocument/references` never reaches the framework's handler: it
    // is routed to `copydesk/references` (see `lsp::references`).

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.outline(params).await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        self.workspace_speakers(params).await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.speaker_inlay_hints(params).await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        self.prepare_speaker_rename(params).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        self.rename_speaker(params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(doc) = self.document(&uri).await else {
            self.warn(format!("code actions: {} is not open", uri.as_str()))
                .await;
            return Ok(None);
        };
        let positions = doc.positions(self.state.settings().encoding);
        let Some(requested) = positions.span(params.range) else {
            self.warn(format!(
                "code actions: the range {:?} is not in {}",
                params.range,
                uri.as_str()
            ))
            .await;
            return Ok(None);
        };
        let mut actions = quick_fixes(&uri, &doc.analysis.findings, requested, positions);
        let settings = self.state.settings();
        let wants_glossary = doc.analysis.findings.iter().any(|f| {
            f.code == Code::UnknownLaw
                && f.span.start <= requested.end
                && requested.start <= f.span.end
        });
        if let (true, Some(root)) = (wants_glossary, settings.roots.first()) {
            let path = root.join(config::FILE_NAME);
            if let Some(config_uri) = Uri::from_file_path(&path) {
                let limits = settings.editor.limits.limits();
                let read = tokio::task::spawn_blocking(move || {
                    fsread::read_text(&path, FileKind::Config, &limits)
                })
                .await;
                // A file that exists but cannot be read is left alone.
                let text = match read {
                    Ok(Ok(text)) => Some(Some(text)),
                    Ok(Err(err)) if err.is_missing() => Some(None),
                    _ => None,
                };
                if let Some(text) = text {
                    let file = GlossaryFile {
                        uri: config_uri,
                        text,
                        encoding: settings.encoding,
                    };
                    actions.extend(glossary_fixes(
                        &doc.analysis.findings,
                        requested,
                        positions,
                        &file,
                    ));
                }
            }
        }
        Ok(Some(actions))
    }
}
