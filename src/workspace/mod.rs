//! The index of every draft in the workspace: compact per-draft summaries
//! and the queries that run across them.
//!
//! The index knows nothing of the protocol. Positions are stored as
//! [`LineCol`](crate::text::LineCol) pairs, converted once when a draft is summarised, in the
//! column encoding the caller chose; `lsp::convert` turns them into ranges.

pub mod cache;
mod discover;
mod stamp;
mod summary;
mod text_hash;
mod verify;

pub use cache::IndexCache;
pub use discover::{
    find_drafts, index_drafts, index_drafts_cached, is_draft, read_draft, IndexWith, IndexedDrafts,
    SkippedDraft,
};
pub use stamp::{Stamp, Verified, FRESH};
pub use summary::{DraftSummary, LawRef, MentionRef, SpeakerRef};
pub use text_hash::{TextHash, WordsHash};
pub use verify::{current_mentions, summary_holding, Claim};

use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use summary::key_hash;

/// A law named somewhere in the workspace: where it is first named, and
/// how often.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LawSummary<'a> {
    pub name: &'a str,
    pub key: &'a str,
    pub first: (&'a Arc<DraftSummary>, &'a LawRef),
    pub mentions: usize,
    pub drafts: usize,
}

/// A mention found by a cross-draft query: the draft it is in and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundMention<'a> {
    pub draft: &'a Arc<DraftSummary>,
    pub law: &'a LawRef,
}

/// The summaries of every draft copydesk knows about, open or on disk, and
/// the workspace folders they were found under.
#[derive(Clone, Debug, Default)]
pub struct WorkspaceIndex {
    roots: Vec<PathBuf>,
    /// Shared, so a snapshot of the index (for the cache on disk) copies
    /// pointers, not summaries.
    drafts: BTreeMap<PathBuf, Arc<DraftSummary>>,
}

impl WorkspaceIndex {
    pub fn new(roots: Vec<PathBuf>) -> Self {
        WorkspaceIndex {
            roots,
            drafts: BTreeMap::new(),
        }
    }

    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// Whether a file at `path` belongs to the workspace: it is a draft by
    /// its extension and lies under one of the workspace folders.
    pub fn covers(&self, path: &Path) -> bool {
        is_draft(path) && self.roots.iter().any(|root| path.starts_with(root))
    }

    /// Add or replace the summary of one draft.
    pub fn insert(&mut self, summary: DraftSummary) {
        self.drafts.insert(summary.path.clone(), Arc::new(summary));
    }

    /// Add `summaries`, each replacing what the index held for its path.
    /// A scan's summaries come sorted, or nearly: built in bulk from them,
    /// the map costs a comparison or so per draft rather than a search.
    pub fn merge(&mut self, summaries: impl IntoIterator<Item = Arc<DraftSummary>>) {
        let merged: BTreeMap<PathBuf, Arc<DraftSummary>> = summaries
            .into_iter()
            .map(|summary| (summary.path.clone(), summary))
            .collect();
        let held = std::mem::replace(&mut self.drafts, merged);
        for (path, summary) in held {
            self.drafts.entry(path).or_insert(summary);
        }
    }

    pub fn remove(&mut self, path: &Path) -> Option<Arc<DraftSummary>> {
        self.drafts.remove(path)
    }

    /// The summary of every draft in the index, in order of path.
    pub fn summaries(&self) -> impl Iterator<Item = &Arc<DraftSummary>> {
        self.drafts.values()
    }

    /// The paths of every draft in the index, in order.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.drafts.keys().map(PathBuf::as_path)
    }

    pub fn get(&self, path: &Path) -> Option<&DraftSummary> {
        self.drafts.get(path).map(|d| &**d)
    }

    pub fn len(&self) -> usize {
        self.drafts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.drafts.is_empty()
    }

    /// Every mention of the law under `key`, draft by draft in path order,
    /// each draft's mentions in document order.
    pub fn mentions_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = FoundMention<'a>> {
        let hash = key_hash(key);
        let known = Rc::new(Cell::new(std::ptr::null()));
        self.drafts.values().flat_map(move |draft| {
            let known = known.clone();
            draft
                .laws
                .iter()
                .filter(move |law| law.is_of(key, hash, &known))
                .map(move |law| FoundMention { draft, law })
        })
    }
}

impl WorkspaceIndex {
    /// Every mention of the speaker called `name`, draft by draft in path
    /// order.
    pub fn speaker_mentions<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = (&'a Arc<DraftSummary>, &'a MentionRef)> {
        let hash = key_hash(name);
        self.drafts.values().flat_map(move |draft| {
            draft
                .speakers
                .iter()
                .filter(move |s| s.is_named(name, hash))
                .flat_map(move |s| s.mentions.iter().map(move |m| (draft, m)))
        })
    }

    /// How many quotes the workspace attributes to `name`, and in how many
    /// drafts.
    pub fn speaker_quotes(&self, name: &str) -> (usize, usize) {
        let hash = key_hash(name);
        self.drafts
            .values()
            .flat_map(|draft| draft.speakers.iter().filter(|s| s.is_named(name, hash)))
            .fold((0, 0), |(quotes, drafts), s| {
                (quotes + s.quotes, drafts + 1)
            })
    }

    /// Every law named in the workspace whose name contains `query`
    /// (ignoring case), each once, in order of name.
    pub fn laws_matching(&self, query: &str) -> Vec<LawSummary<'_>> {
        let query = query.to_lowercase();
        let mut found: Vec<LawSummary<'_>> = Vec::new();
        let mut by_key: crate::hashing::DraftMap<&str, usize> = Default::default();
        let mut drafts: Vec<&Arc<DraftSummary>> = self.drafts.values().collect();
        drafts.sort_by(|a, b| a.path.cmp(&b.path));
        for draft in drafts {
            let mut counted: Vec<&str> = Vec::new();
            for law in &draft.laws {
                if !law.name.to_lowercase().contains(&query) {
                    continue;
                }
                let i = *by_key.entry(&law.key).or_insert_with(|| {
                    found.push(LawSummary {
                        name: &law.name,
                        key: &law.key,
                        first: (draft, law),
                        mentions: 0,
                        drafts: 0,
                    });
                    found.len() - 1
                });
                found[i].mentions += 1;
                if !counted.contains(&&*law.key) {
                    counted.push(&law.key);
                    found[i].drafts += 1;
                }
            }
        }
        found.sort_by(|a, b| a.name.cmp(b.name).then(a.key.cmp(b.key)));
        found
    }

    /// The speakers whose names contain `query`, ignoring case, with the
    /// draft each is in.
    pub fn speakers_matching(&self, query: &str) -> Vec<(&Arc<DraftSummary>, &SpeakerRef)> {
        let query = query.to_lowercase();
        self.drafts
            .values()
            .flat_map(|draft| draft.speakers.iter().map(move |s| (draft, s)))
            .filter(|(_, s)| s.name.to_lowercase().contains(&query))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, LawMention, MentionForm};
    use crate::kb::LawId;
    use crate::text::{Encoding, LineCol, Span};

    fn mention(text: &str, needle: &str, id: Option<&str>) -> LawMention {
        let start = text.find(needle).unwrap();
        LawMention {
            span: Span::new(start, start + needle.len()),
            text: needle.to_string(),
            id: id.map(LawId::new),
            title: None,
            status: None,
        }
    }

    const CHIPS: &str = "CHIPS and Science Act";

    #[test]
    fn summaries_keep_keys_and_positions_in_the_chosen_encoding() {
        let text = "# 😀 News\n\n“Yes,” she said of the CHIPS and Science Act.\n";
        let analysis = Analysis {
            laws: vec![mention(text, CHIPS, Some("us/pl/117-167"))],
            ..Analysis::default()
        };
        let utf16 = DraftSummary::new("/d/a.md".into(), text, &analysis, Encoding::Utf16);
        let utf8 = DraftSummary::new("/d/a.md".into(), text, &analysis, Encoding::Utf8);
        assert_eq!(&*utf16.laws[0].key, "us/pl/117-167");
        assert_eq!(utf16.laws[0].start, LineCol { line: 2, col: 23 });
        assert_eq!(utf16.laws[0].end, LineCol { line: 2, col: 44 });
        // The curly quotes are three bytes each in UTF-8.
        assert_eq!(utf8.laws[0].start, LineCol { line: 2, col: 27 });
    }

    #[test]
    fn queries_find_laws_and_speakers_by_their_whole_key() {
        let at = |line| LineCol { line, col: 0 };
        let mention = MentionRef {
            start: at(2),
            end: at(2),
            form: MentionForm::Name,
            words: WordsHash::default(),
        };
        let mut index = WorkspaceIndex::new(vec!["/d".into()]);
        for (path, key, name) in [
            ("/d/a.md", "us/pl/117-167", "Ann Lee"),
            ("/d/b.md", "us/pl/117-168", "Ann Lea"),
        ] {
            index.insert(DraftSummary {
                path: path.into(),
                laws: vec![LawRef::new(
                    key,
                    key.into(),
                    (at(1), at(1)),
                    WordsHash::default(),
                )],
                speakers: vec![SpeakerRef::new(name.into(), vec![mention], 3)],
                ..DraftSummary::default()
            });
        }
        let paths = |found: Vec<&DraftSummary>| -> Vec<String> {
            found.iter().map(|d| d.path.display().to_string()).collect()
        };
        assert_eq!(
            paths(
                index
                    .mentions_of("us/pl/117-168")
                    .map(|m| &**m.draft)
                    .collect()
            ),
            ["/d/b.md"]
        );
        assert_eq!(
            paths(
                index
                    .speaker_mentions("Ann Lee")
                    .map(|(d, _)| &**d)
                    .collect()
            ),
            ["/d/a.md"]
        );
        assert_eq!(index.speaker_quotes("Ann Lea"), (3, 1));
        assert_eq!(index.mentions_of("us/pl/117-16").count(), 0);
    }

    #[test]
    fn merged_summaries_replace_those_held_for_their_paths_and_keep_the_rest() {
        let summary = |path: &str, speaker: &str| DraftSummary {
            path: path.into(),
            speakers: vec![SpeakerRef::new(speaker.into(), Vec::new(), 1)],
            ..DraftSummary::default()
        };
        let mut index = WorkspaceIndex::new(vec!["/d".into()]);
        index.insert(summary("/d/a.md", "old a"));
        index.insert(summary("/d/b.md", "old b"));
        // Out of order, and with a path that sorts differently by bytes
        // than by parts.
        index.merge(
            [
                summary("/d/c.md", "new c"),
                summary("/d/a.md", "new a"),
                summary("/d/a-b/x.md", "new x"),
            ]
            .map(Arc::new),
        );
        let held: Vec<(String, String)> = index
            .drafts
            .values()
            .map(|d| (d.path.display().to_string(), d.speakers[0].name.clone()))
            .collect();
        assert_eq!(
            held,
            [
                ("/d/a-b/x.md", "new x"),
                ("/d/a.md", "new a"),
                ("/d/b.md", "old b"),
                ("/d/c.md", "new c"),
            ]
            .map(|(p, n)| (p.to_string(), n.to_string()))
        );
    }

    #[test]
    fn mentions_of_a_key_come_from_every_draft_in_path_order() {
        let a = "The CHIPS and Science Act passed. So did the Inflation Reduction Act.";
        let b = "Critics of the CHIPS and Science Act spoke.\nThe CHIPS and Science Act again.";
        let mut index = WorkspaceIndex::new(vec!["/d".into()]);
        for (path, text) in [("/d/b.md", b), ("/d/a.md", a)] {
            let mut laws = vec![mention(text, CHIPS, Some("us/pl/117-167"))];
            if let Some(second) = text.rfind(CHIPS).filter(|&at| at != laws[0].span.start) {
                laws.push(LawMention {
                    span: Span::new(second, second + CHIPS.len()),
                    ..laws[0].clone()
                });
            }
            if text.contains("Inflation") {
                laws.push(mention(
                    text,
                    "Inflation Reduction Act",
                    Some("us/pl/117-169"),
                ));
            }
            let analysis = Analysis {
                laws,
                ..Analysis::default()
            };
            index.insert(DraftSummary::new(
                path.into(),
                text,
                &analysis,
                Encoding::Utf16,
            ));
        }
        let found: Vec<_> = index
            .mentions_of("us/pl/117-167")
            .map(|m| {
                (
                    m.draft.path.to_str().unwrap(),
                    m.law.start.line,
                    m.law.start.col,
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![("/d/a.md", 0, 4), ("/d/b.md", 0, 15), ("/d/b.md", 1, 4)]
        );
        index.remove(Path::new("/d/b.md"));
        assert_eq!(index.mentions_of("us/pl/117-167").count(), 1);
        assert_eq!(index.mentions_of("us/pl/117-169").count(), 1);
    }

    #[test]
    fn the_workspace_covers_drafts_under_its_folders_only() {
        let index = WorkspaceIndex::new(vec!["/desk".into()]);
        assert!(index.covers(Path::new("/desk/politics/budget.md")));
        assert!(index.covers(Path::new("/desk/a.markdown")));
        assert!(!index.covers(Path::new("/desk/copydesk.toml")));
        assert!(!index.covers(Path::new("/elsewhere/a.md")));
    }
}
