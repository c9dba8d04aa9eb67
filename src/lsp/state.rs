//! What the server holds between messages: the settings fixed at
//! initialize, the open documents and the workspace index. `index` keeps
//! the index in step with the open documents and the disk; `queries` asks
//! it across the workspace.
//!
//! Every method here is synchronous and takes the lock only for as long as
//! it reads or swaps a few pointers; the analysis of an update runs with the
//! lock released, so no handler ever waits on another's analysis, and none
//! can hold the lock across an `.await`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use tokio::sync::watch;
use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent, Uri};

use super::documents::{Buffer, ChangeError, Document};
use super::pacing::Pacer;
use crate::config::{Config, ConfigError, EditorSettings};
use crate::fsread::Limits;
use crate::kb::load::KbProblem;
use crate::kb::Kb;
use crate::text::Encoding;
use crate::workspace::{IndexWith, WorkspaceIndex};

/// What the workspace's files say: `copydesk.toml` and the knowledge base
/// it makes, with what was wrong with them.
#[derive(Clone, Debug, Default)]
pub struct WorkspaceFiles {
    pub config: Config,
    pub config_problem: Option<(PathBuf, ConfigError)>,
    pub kb: Kb,
    pub kb_problems: Vec<KbProblem>,
}

/// The settings negotiated or loaded at initialize.
#[derive(Clone, Debug)]
pub struct Settings {
    pub encoding: Encoding,
    /// What the analysis runs with: `file_config` with the editor's
    /// settings laid over it.
    pub config: Config,
    /// The workspace's `copydesk.toml`, or the defaults.
    pub file_config: Config,
    /// What was wrong with `copydesk.toml`, when it could not be used.
    pub config_problem: Option<(PathBuf, ConfigError)>,
    /// What the editor last sent, laid over `file_config`.
    pub editor: EditorSettings,
    /// Whether to show who pronoun and description attributions mean.
    pub inlay_hints: bool,
    pub kb: Kb,
    /// What could not be loaded from the glossary and knowledge-base files.
    pub kb_problems: Vec<KbProblem>,
    pub roots: Vec<PathBuf>,
    /// Whether the client accepts `window/workDoneProgress/create`.
    pub progress: bool,
    /// Whether the client lets copydesk register file watchers.
    pub watch_files: bool,
    /// Whether the client pulls diagnostics (`textDocument/diagnostic`);
    /// copydesk pushes them otherwise.
    pub pull: bool,
    /// Counts settings changes, so a pulled report's result id changes
    /// when the settings do, not only when the text does.
    pub generation: u64,
}

/// The settings before initialize, which replaces them. The protocol
/// allows no other request before initialize, so the empty knowledge base
/// is never consulted.
impl Default for Settings {
    fn default() -> Self {
        Settings {
            encoding: Encoding::Utf16,
            config: Config::default(),
            file_config: Config::default(),
            config_problem: None,
            editor: EditorSettings::default(),
            inlay_hints: true,
            kb: Kb::default(),
            kb_problems: Vec::new(),
            roots: Vec::new(),
            progress: false,
            watch_files: false,
            pull: false,
            generation: 0,
        }
    }
}

impl Settings {
    /// The largest files the user lets copydesk read.
    pub fn limits(&self) -> Limits {
        self.editor.limits.limits()
    }

    /// What indexing a draft reads and analyses it with, within `limits`.
    pub fn index_with<'a>(&'a self, limits: &'a Limits) -> IndexWith<'a> {
        IndexWith {
            config: &self.config,
            kb: &self.kb,
            encoding: self.encoding,
            limits,
        }
    }
}

/// An open document as a request finds it (`State::snapshot`).
pub enum Snapshot {
    /// Analysed at the version the editor last sent.
    Analysed(Arc<Document>),
    /// The editor's text is newer than its analysis (or the document was
    /// just opened and has none yet).
    Pending {
        buffer: Buffer,
        base: Option<Arc<Document>>,
    },
}

/// What became of an analysis made by `State::analyse`.
pub enum Analysed {
    /// It is the document's analysis now.
    Kept(Arc<Document>),
    /// A newer analysis (the second) was there already.
    Behind(Arc<Document>, Arc<Document>),
    /// The document was closed, or closed and opened again, meanwhile.
    Gone(Arc<Document>),
}

impl Analysed {
    /// The analysis made, whatever became of it.
    pub fn made(self) -> Arc<Document> {
        match self {
            Analysed::Kept(doc) | Analysed::Behind(doc, _) | Analysed::Gone(doc) => doc,
        }
    }
}

/// Why a change notification was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejected {
    UnknownDocument,
    Change(ChangeError),
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejected::UnknownDocument => f.write_str("the document is not open"),
            Rejected::Change(err) => err.fmt(f),
        }
    }
}

#[derive(Default)]
struct Open {
    /// What the editor last sent for each open document.
    buffers: HashMap<Uri, Buffer>,
    /// How many times documents were opened: each opening's session.
    sessions: u64,
    /// The latest analysed version of each open document; at most a
    /// debounce behind its buffer.
    documents: HashMap<Uri, Arc<Document>>,
    /// The URI each open file was opened under, by path.
    paths: HashMap<PathBuf, Uri>,
    index: WorkspaceIndex,
}

mod index;
mod queries;

pub use queries::{Claimed, Found};

pub struct State {
    settings: RwLock<Arc<Settings>>,
    open: Mutex<Open>,
    indexed: watch::Sender<bool>,
    /// When each open document is analysed while it is typed in.
    pub pacer: Pacer,
    /// When the workspace was last queried or indexed: while that is
    /// recent, the files of closed drafts are looked at in the background
    /// (`lsp::verified`).
    queried: Mutex<Option<std::time::Instant>>,
}

impl Default for State {
    fn default() -> State {
        State {
            settings: RwLock::new(Arc::new(Settings::default())),
            open: Mutex::new(Open::default()),
            indexed: watch::Sender::new(false),
            pacer: Pacer::default(),
            queried: Mutex::new(None),
        }
    }
}

impl State {
    pub fn settings(&self) -> Arc<Settings> {
        self.settings
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Adopt the settings of a new session and start an empty index over
    /// its workspace folders.
    pub fn configure(&self, settings: Settings) {
        let roots = settings.roots.clone();
        *self
            .settings
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(settings);
        self.lock().index = WorkspaceIndex::new(roots);
    }

    /// Adopt new editor settings and re-analyse every open document with
    /// them. Returns the documents, to publish their diagnostics, and the
    /// rule names the settings got wrong.
    pub fn reconfigure(&self, editor: EditorSettings) -> (Vec<(Uri, Arc<Document>)>, Vec<String>) {
        let old = self.settings();
        let (config, unknown) = old.file_config.with_editor_settings(&editor);
        let settings = Settings {
            config,
            inlay_hints: editor.inlay_hints.enabled,
            editor,
            generation: old.generation + 1,
            ..Settings::clone(&old)
        };
        (self.replace_settings(settings), unknown)
    }

    /// Adopt what was read again from `copydesk.toml` and the glossary and
    /// knowledge-base files, keeping the editor's settings over it, and
    /// re-analyse every open document. Returns the documents to publish.
    pub fn reload(&self, files: WorkspaceFiles) -> Vec<(Uri, Arc<Document>)> {
        let old = self.settings();
        let (config, _) = files.config.with_editor_settings(&old.editor);
        let settings = Settings {
            config,
            file_config: files.config,
            config_problem: files.config_problem,
            kb: files.kb,
            kb_problems: files.kb_problems,
            generation: old.generation + 1,
            ..Settings::clone(&old)
        };
        self.replace_settings(settings)
    }

    fn replace_settings(&self, settings: Settings) -> Vec<(Uri, Arc<Document>)> {
        let settings = Arc::new(settings);
        *self
            .settings
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = settings.clone();
        let open: Vec<(Uri, Arc<Document>, Buffer)> = {
            let open = self.lock();
            open.documents
                .iter()
                .filter_map(|(uri, doc)| {
                    let buffer = open.buffers.get(uri)?.clone();
                    Some((uri.clone(), doc.clone(), buffer))
                })
                .collect()
        };
        let mut updated = Vec::new();
        for (uri, base, buffer) in open {
            // Nothing kept from the old settings applies to the new.
            let doc = Arc::new(Document::update(
                &base,
                &buffer,
                &settings.config,
                &settings.kb,
            ));
            let mut guard = self.lock();
            // A document changed meanwhile was analysed with the new settings.
            if guard
                .documents
                .get(&uri)
                .is_some_and(|current| Arc::ptr_eq(current, &base))
            {
                guard.documents.insert(uri.clone(), doc.clone());
                drop(guard);
                self.index_document(&uri, &doc);
                updated.push((uri, doc));
            }
        }
        updated
    }

    fn lock(&self) -> MutexGuard<'_, Open> {
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A receiver that turns true once the first scan of the workspace has
    /// been merged into the index.
    pub fn indexed(&self) -> watch::Receiver<bool> {
        self.indexed.subscribe()
    }

    pub fn mark_indexed(&self) {
        self.note_query();
        self.indexed.send_replace(true);
    }

    /// The latest analysed version of the open document at `uri`, which may
    /// be behind what the editor sent.
    pub fn analysed(&self, uri: &Uri) -> Option<Arc<Document>> {
        self.lock().documents.get(uri).cloned()
    }

    /// Open (or reopen) a document with `text` at `version`, and analyse it
    /// now.
    #[cfg(test)]
    pub fn open(&self, uri: &Uri, version: i32, text: &str) -> Arc<Document> {
        self.open_buffer(uri, version, text);
        let (doc, _) = self
            .analyse_latest(uri)
            .expect("a document just opened has a buffer");
        self.index_document(uri, &doc);
        doc
    }

    /// Open (or reopen) a document with `text` at `version`, leaving its
    /// analysis to `analyse_latest`: changes apply to the buffer at once,
    /// and a request about the document has it analysed first. Until the
    /// analysis is done the document has no diagnostics and the workspace
    /// index keeps what the disk said.
    pub fn open_buffer(&self, uri: &Uri, version: i32, text: &str) {
        // The rope is built before the lock is taken.
        let mut buffer = Buffer::new(version, 0, text);
        let mut open = self.lock();
        open.sessions += 1;
        buffer.session = open.sessions;
        open.buffers.insert(uri.clone(), buffer);
        // The analysis of an earlier opening is not this text's.
        open.documents.remove(uri);
        if let Some(path) = file_path(uri) {
            open.paths.insert(path, uri.clone());
        }
    }

    /// Apply a change notification to the document's buffer; its analysis
    /// follows (`analyse_latest`). When another change of the same document
    /// lands meanwhile, this one is redone on top of it, so no change is
    /// lost or applied to the wrong text.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
    ) -> Result<(), Rejected> {
        let encoding = self.settings().encoding;
        loop {
            let base = self
                .lock()
                .buffers
                .get(uri)
                .cloned()
                .ok_or(Rejected::UnknownDocument)?;
            let changed = base
                .with_changes(version, changes, encoding)
                .map_err(Rejected::Change)?;
            let mut open = self.lock();
            match open.buffers.get(uri) {
                Some(current)
                    if current.version == base.version && current.session == base.session =>
                {
                    open.buffers.insert(uri.clone(), changed);
                    return Ok(());
                }
                Some(_) => continue,
                None => return Err(Rejected::UnknownDocument),
            }
        }
    }

    /// What a request about the open document at `uri` works on: its
    /// analysis when that is of the version the editor last sent, else the
    /// buffer to analyse (with the analysis to reuse). Taken when the
    /// request is handled, so that it sees the changes sent before it and
    /// none sent after, however long the analysis takes.
    pub fn snapshot(&self, uri: &Uri) -> Option<Snapshot> {
        let open = self.lock();
        let buffer = open.buffers.get(uri)?;
        let base = open.documents.get(uri).cloned();
        Some(match base {
            Some(doc) if doc.version >= buffer.version => Snapshot::Analysed(doc),
            base => Snapshot::Pending {
                buffer: buffer.clone(),
                base,
            },
        })
    }

    /// Analyse `buffer`, a version of the open document at `uri`, reusing
    /// `base`, and keep the result as the document's analysis unless a
    /// newer one of the same opening is there already or the document was
    /// closed meanwhile. The heavy part of a request or an update: it runs
    /// off the message loop.
    pub fn analyse(&self, uri: &Uri, buffer: &Buffer, base: Option<&Document>) -> Analysed {
        let settings = self.settings();
        let doc = Arc::new(match base {
            Some(base) => Document::update(base, buffer, &settings.config, &settings.kb),
            None => Document::first(buffer, &settings.config, &settings.kb),
        });
        let mut open = self.lock();
        // The document was closed (and maybe opened again) meanwhile: this
        // work was on text the editor no longer has.
        if open.buffers.get(uri).map(|b| b.session) != Some(buffer.session) {
            return Analysed::Gone(doc);
        }
        // Another call analysed this version or a later one meanwhile.
        if let Some(current) = open
            .documents
            .get(uri)
            .filter(|current| current.version >= doc.version)
        {
            return Analysed::Behind(doc, current.clone());
        }
        open.documents.insert(uri.clone(), doc.clone());
        Analysed::Kept(doc)
    }

    /// Analyse the open document at `uri` at the version of its buffer,
    /// unless that is done. Returns the analysed document, and whether this
    /// call made it (so its diagnostics are new). Its summary goes into the
    /// workspace index later (`index_document`), so that the diagnostics
    /// need not wait for it.
    pub fn analyse_latest(&self, uri: &Uri) -> Option<(Arc<Document>, bool)> {
        loop {
            let (buffer, base) = match self.snapshot(uri)? {
                Snapshot::Analysed(doc) => return Some((doc, false)),
                Snapshot::Pending { buffer, base } => (buffer, base),
            };
            match self.analyse(uri, &buffer, base.as_deref()) {
                Analysed::Kept(doc) => return Some((doc, true)),
                Analysed::Behind(_, current) => return Some((current, false)),
                // Opened again: the new opening's text is the one to analyse.
                Analysed::Gone(_) => continue,
            }
        }
    }

    /// Forget an open document. Returns the path of its file when the
    /// workspace should now read that draft from disk instead.
    pub fn close(&self, uri: &Uri) -> Option<PathBuf> {
        let mut open = self.lock();
        open.documents.remove(uri);
        open.buffers.remove(uri)?;
        let path = file_path(uri)?;
        open.paths.remove(&path);
        if open.index.covers(&path) {
            Some(path)
        } else {
            open.index.remove(&path);
            None
        }
    }

    /// The byte offset of `position` in `doc`, the document at `uri`.
    pub fn locate(&self, uri: &Uri, doc: &Document, position: Position) -> Result<usize, String> {
        doc.positions(self.settings().encoding)
            .offset(position)
            .ok_or_else(|| {
                format!(
                    "line {} is past the end of {} ({} lines)",
                    position.line,
                    uri.as_str(),
                    doc.line_index.line_count()
                )
            })
    }
}

/// The local path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|path| path.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn state() -> State {
        let state = State::default();
        state.configure(Settings {
            roots: vec!["/desk".into()],
            ..Settings::default()
        });
        state
    }

    #[test]
    fn changes_to_a_closed_document_are_rejected() {
        let state = state();
        let a: Uri = "file:///desk/a.md".parse().unwrap();
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "New.".to_string(),
        };
        assert_eq!(
            state
                .change(&a, 2, std::slice::from_ref(&full))
                .unwrap_err(),
            Rejected::UnknownDocument
        );
        state.open(&a, 1, "Old.");
        state.change(&a, 2, &[full]).unwrap();
        // The change is in the buffer; the analysis catches up on request.
        assert_eq!(state.analysed(&a).unwrap().version, 1);
        let (doc, made) = state.analyse_latest(&a).unwrap();
        assert!(made);
        assert_eq!((doc.version, doc.text.as_str()), (2, "New."));
        assert_eq!(state.analyse_latest(&a).unwrap().0.version, 2);
        assert!(!state.analyse_latest(&a).unwrap().1, "already analysed");
    }
}
