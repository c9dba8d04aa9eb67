//! Keeping the workspace index in step with the open documents and the
//! disk: an open document's summary goes in after its diagnostics, a query
//! across the workspace brings every open document's up to date first, and
//! a closed draft's comes back from disk.

use std::path::{Path, PathBuf};
use std::sync::{Arc, MutexGuard};
use std::time::{Duration, Instant};

use tower_lsp_server::ls_types::Uri;

use super::{file_path, Open, State};
use crate::lsp::documents::Document;
use crate::text::Encoding;
use crate::workspace::DraftSummary;

impl State {
    /// The drafts of the index that are not open in the editor.
    pub fn closed_drafts(&self) -> Vec<PathBuf> {
        let open = self.lock();
        open.index
            .paths()
            .filter(|path| !open.paths.contains_key(*path))
            .map(PathBuf::from)
            .collect()
    }

    /// Put the summary of `doc`, an analysed version of the open document
    /// at `uri`, into the workspace index, unless that is done or a newer
    /// version has replaced it (whose summary is then the one to keep).
    /// A second caller waits for the first to finish.
    pub fn index_document(&self, uri: &Uri, doc: &Arc<Document>) {
        doc.indexed.get_or_init(|| {
            let summary = summarise(uri, doc, self.settings().encoding);
            let mut open = self.lock();
            let current = open
                .documents
                .get(uri)
                .is_some_and(|latest| Arc::ptr_eq(latest, doc));
            if let (true, Some(summary)) = (current, summary) {
                open.index.insert(summary);
            }
        });
    }

    /// The open state, with the summary of every open document's latest
    /// analysis in the index: what a query across the workspace reads.
    pub(super) fn lock_index(&self) -> MutexGuard<'_, Open> {
        loop {
            let open = self.lock();
            let pending: Vec<(Uri, Arc<Document>)> = open
                .documents
                .iter()
                .filter(|(_, doc)| doc.indexed.get().is_none())
                .map(|(uri, doc)| (uri.clone(), doc.clone()))
                .collect();
            if pending.is_empty() {
                return open;
            }
            // Summarising takes the lock; a version analysed meanwhile is
            // picked up on the next round.
            drop(open);
            for (uri, doc) in &pending {
                self.index_document(uri, doc);
            }
        }
    }

    /// The summary the index holds for the draft at `path`, when no buffer
    /// is open for it.
    pub fn closed_summary(&self, path: &Path) -> Option<DraftSummary> {
        let open = self.lock();
        if open.paths.contains_key(path) {
            return None;
        }
        open.index.get(path).cloned()
    }

    /// Put what was read from disk for a closed draft into the index: its
    /// summary, or `None` when the file is gone or unreadable. An open buffer
    /// wins over the disk, so nothing changes if the draft was reopened.
    pub fn restore_from_disk(&self, path: PathBuf, summary: Option<DraftSummary>) {
        let mut open = self.lock();
        if open.paths.contains_key(&path) {
            return;
        }
        match summary {
            Some(summary) => open.index.insert(summary),
            None => {
                open.index.remove(&path);
            }
        }
    }

    /// Note that the workspace was queried (or indexed) now.
    pub fn note_query(&self) {
        *self.queried.lock().unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
    }

    /// Whether the workspace was queried (or indexed) within `span`.
    pub fn queried_within(&self, span: Duration) -> bool {
        self.queried
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some_and(|at| at.elapsed() < span)
    }

    /// The summaries of closed drafts whose places were found to hold in
    /// their files: those whose stamps are worth keeping fresh.
    pub fn checked_summaries(&self) -> Vec<Arc<DraftSummary>> {
        let open = self.lock();
        open.index
            .summaries()
            .filter(|s| s.verified.is_set() && !open.paths.contains_key(&s.path))
            .cloned()
            .collect()
    }

    /// Forget that the places of the draft at `path` were found to hold:
    /// its file is said to have changed.
    pub fn forget_checked(&self, path: &Path) {
        if let Some(summary) = self.lock().index.get(path) {
            summary.verified.forget();
        }
    }

    /// Merge the summaries of a workspace scan, keeping those of open
    /// documents, which come from their buffers.
    pub fn merge_scan(&self, summaries: impl IntoIterator<Item = Arc<DraftSummary>>) {
        let mut open = self.lock();
        let Open { paths, index, .. } = &mut *open;
        index.merge(
            summaries
                .into_iter()
                .filter(|summary| !paths.contains_key(&summary.path)),
        );
    }
}

/// The summary of an open document, named in answers by the URI it was
/// opened under.
pub(super) fn summarise(uri: &Uri, doc: &Document, encoding: Encoding) -> Option<DraftSummary> {
    let path = file_path(uri)?;
    let summary =
        DraftSummary::with_index(path, &doc.text, &doc.line_index, &doc.analysis, encoding);
    let _ = summary.address.set(uri.as_str().into());
    Some(summary)
}

#[cfg(test)]
mod tests {
    use super::super::tests::state;
    use super::*;
    use crate::lsp::places::Places;
    use crate::text::LineCol;
    use crate::workspace::{LawRef, WordsHash};
    use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

    const CHIPS: &str = "us/pl/117-167";

    fn summary(path: &str, lines: &[u32]) -> Arc<DraftSummary> {
        Arc::new(DraftSummary {
            path: path.into(),
            laws: lines
                .iter()
                .map(|&line| {
                    LawRef::new(
                        CHIPS.to_string(),
                        "CHIPS and Science Act".to_string(),
                        (LineCol { line, col: 4 }, LineCol { line, col: 25 }),
                        WordsHash::of("CHIPS and Science Act"),
                    )
                })
                .collect(),
            ..DraftSummary::default()
        })
    }

    fn lines_by_uri(places: Places) -> Vec<(String, u32)> {
        places
            .into_locations()
            .map(|(l, ())| (l.uri.to_string(), l.range.start.line))
            .collect()
    }

    #[test]
    fn workspace_mentions_are_found_from_a_buffer_that_is_not_a_file() {
        let state = state();
        state.merge_scan(vec![
            summary("/desk/a.md", &[0, 3]),
            summary("/desk/b.md", &[1]),
        ]);
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        let doc = state.open(&untitled, 1, "No laws here.");
        let found = state.law_locations(CHIPS, &untitled, &doc).places;
        assert_eq!(
            lines_by_uri(found),
            vec![
                ("file:///desk/a.md".to_string(), 0),
                ("file:///desk/a.md".to_string(), 3),
                ("file:///desk/b.md".to_string(), 1)
            ]
        );
    }

    #[test]
    fn an_open_buffer_wins_over_the_disk_until_it_is_closed() {
        let state = state();
        let a: Uri = "file:///desk/a.md".parse().unwrap();
        // The buffer (with no mentions, as analysed) is opened before the
        // scan lands; the scan's summary of the file must not replace it.
        let doc = state.open(&a, 1, "Rewritten without the law.");
        state.merge_scan(vec![
            summary("/desk/a.md", &[0]),
            summary("/desk/b.md", &[2]),
        ]);
        let found = state.law_locations(CHIPS, &a, &doc).places;
        assert_eq!(
            lines_by_uri(found),
            vec![("file:///desk/b.md".to_string(), 2)]
        );

        let reread = state.close(&a);
        assert_eq!(reread, Some(PathBuf::from("/desk/a.md")));
        state.restore_from_disk(
            "/desk/a.md".into(),
            Some((*summary("/desk/a.md", &[5])).clone()),
        );
        let found = state.law_locations(CHIPS, &a, &doc).places;
        assert_eq!(
            lines_by_uri(found),
            vec![
                ("file:///desk/a.md".to_string(), 5),
                ("file:///desk/b.md".to_string(), 2)
            ]
        );

        // A draft deleted from disk leaves the index when it is closed.
        state.open(&a, 1, "Again.");
        state.close(&a);
        state.restore_from_disk("/desk/a.md".into(), None);
        assert_eq!(
            lines_by_uri(state.law_locations(CHIPS, &a, &doc).places).len(),
            1
        );
    }

    #[test]
    fn files_outside_the_workspace_leave_the_index_on_close() {
        let state = state();
        let outside: Uri = "file:///tmp/elsewhere.md".parse().unwrap();
        state.open(&outside, 1, "Text.");
        assert_eq!(state.close(&outside), None);
        assert!(state
            .lock()
            .index
            .get(std::path::Path::new("/tmp/elsewhere.md"))
            .is_none());
        let unknown: Uri = "file:///desk/never.md".parse().unwrap();
        assert_eq!(state.close(&unknown), None);
    }

    #[test]
    fn a_query_sees_the_latest_analysis_before_the_worker_indexes_it() {
        let state = state();
        let a: Uri = "file:///desk/a.md".parse().unwrap();
        let law = "The CHIPS and Science Act passed.";
        state.open(&a, 1, "No laws yet.");
        let full = |text: &str| TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: text.to_string(),
        };
        state.change(&a, 2, &[full(law)]).unwrap();
        let (v2, _) = state.analyse_latest(&a).unwrap();
        assert!(v2.indexed.get().is_none(), "indexing waits for the worker");
        let key = v2.analysis.laws[0].key();
        // The query brings the index up to date itself.
        assert_eq!(
            lines_by_uri(state.law_locations(&key, &a, &v2).places),
            vec![("file:///desk/a.md".to_string(), 0)]
        );
        assert!(v2.indexed.get().is_some());

        // A version replaced before its summary went in never overwrites
        // the newer one's.
        state
            .change(&a, 3, &[full(&format!("Intro.\n\n{law}"))])
            .unwrap();
        let (v3, _) = state.analyse_latest(&a).unwrap();
        state.change(&a, 4, &[full("Gone again.")]).unwrap();
        let (v4, _) = state.analyse_latest(&a).unwrap();
        state.index_document(&a, &v4);
        state.index_document(&a, &v3);
        assert!(lines_by_uri(state.law_locations(&key, &a, &v4).places).is_empty());
    }
}
