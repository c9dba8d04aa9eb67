//! Finding the drafts of a workspace on disk and summarising them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use ignore::WalkBuilder;
use rayon::prelude::*;

use super::verify::all_hold;
use super::{DraftSummary, Stamp, TextHash};
use crate::analysis;
use crate::config::Config;
use crate::fsread::{self, FileKind, Limits};
use crate::kb::Kb;
use crate::text::Encoding;

/// The file extensions of drafts.
const DRAFT_EXTENSIONS: [&str; 2] = ["md", "markdown"];

/// Whether `path` names a draft by its extension.
pub fn is_draft(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            DRAFT_EXTENSIONS
                .iter()
                .any(|draft| ext.eq_ignore_ascii_case(draft))
        })
}

/// A file copydesk could not use, and why, in words for a log line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedDraft {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for SkippedDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "skipped {}: {}", self.path.display(), self.reason)
    }
}

/// Every draft under `roots`, sorted, honouring `.gitignore`, `.ignore` and
/// hidden files whether or not a folder is a git repository. Folders that
/// cannot be read are reported, not fatal.
pub fn find_drafts(roots: &[PathBuf]) -> (Vec<PathBuf>, Vec<SkippedDraft>) {
    let mut drafts = Vec::new();
    let mut skipped = Vec::new();
    let Some((first, rest)) = roots.split_first() else {
        return (drafts, skipped);
    };
    let mut builder = WalkBuilder::new(first);
    for root in rest {
        builder.add(root);
    }
    builder.require_git(false);
    for entry in builder.build() {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && is_draft(entry.path()) {
                    drafts.push(entry.into_path());
                }
            }
            Err(err) => skipped.push(SkippedDraft {
                path: error_path(&err).unwrap_or_default(),
                reason: err.to_string(),
            }),
        }
    }
    // By bytes: a `Path` compares part by part, several times slower on a
    // desk of ten thousand drafts, and any order that puts a draft found
    // twice (under overlapping folders) next to itself will do.
    drafts.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    drafts.dedup();
    (drafts, skipped)
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// The text of the draft at `path`, read within `limits`. A file that is not
/// UTF-8 is refused rather than guessed at, since every offset copydesk
/// reports is a UTF-8 byte offset into the text as the editor holds it.
pub fn read_draft(path: &Path, limits: &Limits) -> Result<String, SkippedDraft> {
    let skip = |reason: String| SkippedDraft {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = fsread::read(path, FileKind::Draft, limits).map_err(|err| skip(err.to_string()))?;
    String::from_utf8(bytes).map_err(|err| {
        skip(format!(
            "not UTF-8 (invalid byte at offset {}); save it as UTF-8 to have it checked",
            err.utf8_error().valid_up_to()
        ))
    })
}

/// The summaries of the drafts at `paths`, read from disk and analysed, and
/// the files that could not be read.
#[derive(Debug, Default)]
pub struct IndexedDrafts {
    pub summaries: Vec<DraftSummary>,
    pub skipped: Vec<SkippedDraft>,
    /// How many summaries came from the cache rather than the analysis.
    pub from_cache: usize,
}

impl IndexedDrafts {
    /// Whether `cache` should be written: the workspace is big enough, and
    /// some summary is new or the cache held drafts that are gone.
    pub fn worth_caching(&self, cached: usize) -> bool {
        self.summaries.len() >= super::cache::MIN_DRAFTS
            && (self.from_cache < self.summaries.len() || cached != self.from_cache)
    }

    /// The summaries, shared: what the index takes and what
    /// `IndexCache::save` writes.
    pub fn into_shared(self) -> Vec<Arc<DraftSummary>> {
        self.summaries.into_iter().map(Arc::new).collect()
    }
}

/// What indexing reads and analyses with.
#[derive(Clone, Copy)]
pub struct IndexWith<'a> {
    pub config: &'a Config,
    pub kb: &'a Kb,
    pub encoding: Encoding,
    pub limits: &'a Limits,
}

/// Read and analyse every draft in `paths`. This does blocking IO and runs
/// the analysis; call it off the async executor.
pub fn index_drafts(paths: &[PathBuf], with: IndexWith) -> IndexedDrafts {
    index_drafts_cached(paths, with, HashMap::new())
}

/// `index_drafts`, taking the summary of a draft from `cached` (what
/// `IndexCache::load` gave) when it was made from the bytes the file holds
/// now: the file is always read, and only its analysis is saved.
pub fn index_drafts_cached(
    paths: &[PathBuf],
    with: IndexWith,
    cached: HashMap<PathBuf, DraftSummary>,
) -> IndexedDrafts {
    // Summaries are taken out of the cache, not copied: a large desk's
    // summaries are held once.
    let cached = std::sync::Mutex::new(cached);
    // Each draft is read, analysed and reduced to its summary on whichever
    // core is free; only the summaries are kept, never the texts.
    let results: Vec<_> = paths
        .par_iter()
        .map(|path| {
            // Looked at before it is read: every place of the summary holds
            // in the file as it was then (see `Verified`).
            let seen = Instant::now();
            let stamp = Stamp::of(path);
            let text = read_draft(path, with.limits)?;
            let kept = cached
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .remove(path)
                .filter(|s| s.text_hash == TextHash::of(text.as_bytes()));
            let (summary, from_cache) = match kept {
                Some(summary) if all_hold(&summary, &text, with.encoding) => (summary, true),
                kept => {
                    if kept.is_some() {
                        tracing::warn!(
                            "the index cache's summary of {} has places that do not hold in \
                             the file; it is analysed again",
                            path.display()
                        );
                    }
                    // The summary keeps no findings: they are not worked out.
                    let analysis = analysis::analyze_mentions(
                        &text,
                        with.config,
                        with.kb,
                        &mut analysis::Reuse::none(),
                    );
                    let fresh = DraftSummary::new(path.clone(), &text, &analysis, with.encoding);
                    (fresh, false)
                }
            };
            if let Some(stamp) = stamp {
                summary.verified.record(stamp, seen);
            }
            Ok((summary, from_cache))
        })
        .collect();
    let mut indexed = IndexedDrafts::default();
    for result in results {
        match result {
            Ok((summary, from_cache)) => {
                indexed.summaries.push(summary);
                indexed.from_cache += usize::from(from_cache);
            }
            Err(skipped) => indexed.skipped.push(skipped),
        }
    }
    indexed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<'a>(config: &'a Config, kb: &'a Kb) -> IndexWith<'a> {
        IndexWith {
            config,
            kb,
            encoding: Encoding::Utf16,
            limits: &LIMITS,
        }
    }

    static LIMITS: Limits = Limits {
        draft: 1 << 20,
        config: 1 << 20,
        knowledge_base: 1 << 20,
        import_document: 1 << 20,
        cache: 1 << 20,
    };

    fn write(root: &Path, rel: &str, contents: &[u8]) -> PathBuf {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    #[test]
    fn drafts_are_found_honouring_gitignore_without_a_repository() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, ".gitignore", b"archive/\n");
        let a = write(root, "a.md", b"A draft.");
        let b = write(root, "politics/b.markdown", b"Another draft.");
        write(root, "archive/old.md", b"Ignored.");
        write(root, "notes.txt", b"Not a draft.");
        write(root, ".hidden/c.md", b"Hidden.");
        let (drafts, skipped) = find_drafts(&[root.to_path_buf()]);
        assert_eq!(drafts, vec![a, b]);
        assert!(skipped.is_empty(), "{skipped:?}");
    }

    #[test]
    fn an_indexed_summary_is_the_summary_of_the_full_analysis() {
        let dir = tempfile::tempdir().unwrap();
        let text = "# Chips\n\n\"We will not move,\" he said.\n\nMaria Okafor, a county clerk, praised the CHIPS and Science Act.\n\n\
                    \"It paid for the plant,\" she said. \"We waited years.\"\n\n\
                    \"Nobody asked us,\" a resident said of the Wolf Amendment.\n";
        let path = write(dir.path(), "chips.md", text.as_bytes());
        let (config, kb) = (Config::default(), Kb::builtin());
        let indexed = index_drafts(std::slice::from_ref(&path), with(&config, &kb));
        let full = analysis::analyze(text, &config, &kb);
        assert!(!full.findings.is_empty() && !full.speakers.is_empty() && full.laws.len() == 2);
        assert_eq!(
            indexed.summaries,
            [DraftSummary::new(path, text, &full, Encoding::Utf16)]
        );
    }

    #[test]
    fn files_that_are_not_utf8_are_skipped_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let good = write(dir.path(), "good.md", "“Fine,” he said.".as_bytes());
        let bad = write(dir.path(), "bad.md", b"caf\xe9 au lait");
        let (config, kb) = (Config::default(), Kb::default());
        let indexed = index_drafts(&[bad.clone(), good.clone()], with(&config, &kb));
        assert_eq!(indexed.summaries.len(), 1);
        assert_eq!(indexed.summaries[0].path, good);
        assert_eq!(indexed.skipped.len(), 1);
        assert_eq!(indexed.skipped[0].path, bad);
        assert!(indexed.skipped[0]
            .reason
            .contains("not UTF-8 (invalid byte at offset 3)"));
    }

    #[test]
    fn missing_folders_find_nothing_and_say_so() {
        let (drafts, skipped) = find_drafts(&[PathBuf::from("/no/such/copydesk/folder")]);
        assert!(drafts.is_empty());
        assert_eq!(skipped.len(), 1);
    }
}
