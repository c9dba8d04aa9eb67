//! The index kept on disk between sessions, so that reopening a large desk
//! does not mean analysing every draft again: each draft's summary is
//! stored with the hash of the bytes it was made from (`TextHash`), and
//! reused only when the file, read again, has those bytes. The cache lives
//! in the user's cache folder, never among the drafts, and belongs to one
//! set of workspace folders and one configuration, knowledge base, position
//! encoding and copydesk version; anything else, or a file that cannot be
//! read as a cache (damaged, too large, a pipe in its place), and the
//! drafts are analysed afresh and the cache written anew.

use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::text_hash::stable_hash;
use super::{DraftSummary, LawRef, MentionRef, SpeakerRef, TextHash, WordsHash};
use crate::analysis::MentionForm;
use crate::config::Config;
use crate::fsread::{self, FileKind, Limits};
use crate::kb::Kb;
use crate::text::{Encoding, LineCol};

/// Workspaces with fewer drafts than this are quick to index and not
/// cached.
pub const MIN_DRAFTS: usize = 200;

/// How many workspaces' caches are kept; the least recently written go.
const KEEP: usize = 16;

/// A draft's summary as the cache stores it: positions as numbers, and
/// every name (law keys and titles, speakers) as an index into the file's
/// table of names, which each appears in once.
#[derive(Serialize, Deserialize)]
struct CachedDraft {
    path: PathBuf,
    text_hash: TextHash,
    /// (key, name, start line, start column, end line, end column, hash
    /// of the words).
    laws: Vec<(u32, u32, u32, u32, u32, u32, u32)>,
    /// (name, quotes, mentions as [start line, start column, end line,
    /// end column, form, hash of the words]).
    speakers: Vec<(u32, usize, Vec<[u32; 6]>)>,
}

#[derive(Serialize, Deserialize)]
struct CacheFile {
    fingerprint: u64,
    names: Vec<String>,
    drafts: Vec<CachedDraft>,
}

const FORMS: [MentionForm; 5] = [
    MentionForm::Name,
    MentionForm::Surname,
    MentionForm::Pronoun,
    MentionForm::Description,
    MentionForm::Anonymous,
];

/// Names to their index in the table, as a file is written.
#[derive(Default)]
struct NameTable {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl NameTable {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.index.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), id);
        id
    }
}

fn compact(summary: &DraftSummary, table: &mut NameTable) -> CachedDraft {
    CachedDraft {
        path: summary.path.clone(),
        text_hash: summary.text_hash,
        laws: summary
            .laws
            .iter()
            .map(|law| {
                (
                    table.id(&law.key),
                    table.id(&law.name),
                    law.start.line,
                    law.start.col,
                    law.end.line,
                    law.end.col,
                    law.words.0,
                )
            })
            .collect(),
        speakers: summary
            .speakers
            .iter()
            .map(|speaker| {
                let mentions = speaker
                    .mentions
                    .iter()
                    .map(|m| {
                        let form = FORMS.iter().position(|f| *f == m.form).unwrap_or(0) as u32;
                        [
                            m.start.line,
                            m.start.col,
                            m.end.line,
                            m.end.col,
                            form,
                            m.words.0,
                        ]
                    })
                    .collect();
                (table.id(&speaker.name), speaker.quotes, mentions)
            })
            .collect(),
    }
}

/// The summary a cached draft stands for; `None` when the file names a
/// name or form it does not have (a damaged file).
fn expand(draft: CachedDraft, names: &[Arc<str>]) -> Option<DraftSummary> {
    let shared = |id: u32| names.get(id as usize).cloned();
    let name = |id: u32| names.get(id as usize).map(|name| name.to_string());
    let at = |line, col| LineCol { line, col };
    let laws = draft
        .laws
        .into_iter()
        .map(|(key, title, l1, c1, l2, c2, words)| {
            Some(LawRef::new(
                shared(key)?,
                name(title)?,
                (at(l1, c1), at(l2, c2)),
                WordsHash(words),
            ))
        })
        .collect::<Option<Vec<_>>>()?;
    let speakers = draft
        .speakers
        .into_iter()
        .map(|(id, quotes, mentions)| {
            let mentions = mentions
                .into_iter()
                .map(|[l1, c1, l2, c2, form, words]| {
                    Some(MentionRef {
                        start: at(l1, c1),
                        end: at(l2, c2),
                        form: *FORMS.get(form as usize)?,
                        words: WordsHash(words),
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(SpeakerRef::new(name(id)?, mentions, quotes))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(DraftSummary {
        path: draft.path,
        text_hash: draft.text_hash,
        laws,
        speakers,
        ..DraftSummary::default()
    })
}

/// The cache of one workspace under one set of settings.
#[derive(Clone, Debug)]
pub struct IndexCache {
    path: PathBuf,
    fingerprint: u64,
}

/// The folder caches go in: `COPYDESK_CACHE_DIR`, else the XDG cache folder,
/// else `~/.cache`; `None` (no caching) when none is set or
/// `COPYDESK_CACHE=off`.
fn cache_dir() -> Option<PathBuf> {
    if std::env::var("COPYDESK_CACHE").is_ok_and(|v| v.eq_ignore_ascii_case("off")) {
        return None;
    }
    let from = |var: &str| {
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    from("COPYDESK_CACHE_DIR")
        .or_else(|| from("XDG_CACHE_HOME").map(|d| d.join("copydesk")))
        .or_else(|| from("HOME").map(|d| d.join(".cache").join("copydesk")))
}

impl IndexCache {
    /// The cache for the workspace `roots` analysed with `config`, `kb`
    /// and `encoding`, or `None` when there is no cache folder.
    pub fn locate(
        roots: &[PathBuf],
        config: &Config,
        kb: &Kb,
        encoding: Encoding,
    ) -> Option<IndexCache> {
        let dir = cache_dir()?;
        let roots: Vec<String> = roots.iter().map(|r| r.display().to_string()).collect();
        let name = format!(
            "index-{:016x}.json",
            stable_hash(roots.join("\n").as_bytes())
        );
        Some(IndexCache {
            path: dir.join(name),
            fingerprint: fingerprint(config, kb, encoding),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The summaries the cache holds, by path; empty when there is no
    /// cache, or it is for other settings. A cache that cannot be read as
    /// one (damaged, over `limits.cache`, not a regular file) is discarded
    /// with a log line, and the next save replaces it.
    pub fn load(&self, limits: &Limits) -> HashMap<PathBuf, DraftSummary> {
        let bytes = match fsread::read(&self.path, FileKind::Cache, limits) {
            Ok(bytes) => bytes,
            Err(err) if err.is_missing() => return HashMap::new(),
            Err(err) => {
                tracing::warn!(
                    "discarding the index cache {}: {err}; the drafts are analysed again",
                    self.path.display()
                );
                return HashMap::new();
            }
        };
        let parsed = serde_json::from_slice::<CacheFile>(&bytes);
        // The file's bytes go before the summaries are expanded: a large
        // desk's cache is megabytes, and the peak is what a user sees.
        drop(bytes);
        match parsed {
            Ok(file) if file.fingerprint == self.fingerprint => {
                // A law's key is shared by every summary that names it.
                let names: Vec<Arc<str>> = file.names.into_iter().map(Arc::from).collect();
                file.drafts
                    .into_iter()
                    .filter_map(|draft| expand(draft, &names))
                    .map(|summary| (summary.path.clone(), summary))
                    .collect()
            }
            Ok(_) => HashMap::new(),
            Err(err) => {
                tracing::warn!(
                    "discarding the index cache {}: it is damaged ({err}); the drafts are \
                     analysed again",
                    self.path.display()
                );
                HashMap::new()
            }
        }
    }

    /// Write the summaries, replacing the cache whole (a reader never sees
    /// half a file, and whatever stood in its place goes), and drop the
    /// caches of workspaces not opened for longest beyond the few kept.
    pub fn save(&self, drafts: &[Arc<DraftSummary>]) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        let mut table = NameTable::default();
        let drafts = drafts
            .iter()
            .map(|summary| compact(summary, &mut table))
            .collect();
        let file = CacheFile {
            fingerprint: self.fingerprint,
            names: table.names,
            drafts,
        };
        let partial = self
            .path
            .with_extension(format!("{}.partial", std::process::id()));
        {
            let mut out = BufWriter::new(fs::File::create(&partial)?);
            serde_json::to_writer(&mut out, &file).map_err(std::io::Error::other)?;
            out.flush()?;
            out.get_ref().sync_all()?;
        }
        fs::rename(&partial, &self.path)?;
        prune(dir, &self.path);
        Ok(())
    }
}

/// Keep the `KEEP` most recently written caches in `dir` (and `current`).
fn prune(dir: &Path, current: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut caches: Vec<(SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p != current
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("index-") && n.ends_with(".json"))
        })
        .filter_map(|p| Some((fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    caches.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    // Halves of caches left by a session that ended while writing.
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    if let Ok(entries) = fs::read_dir(dir) {
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            let partial = path.extension().is_some_and(|e| e == "partial");
            let old = fs::metadata(&path)
                .and_then(|m| m.modified())
                .is_ok_and(|at| at < hour_ago);
            if partial && old {
                let _ = fs::remove_file(path);
            }
        }
    }
    for (_, old) in caches.into_iter().skip(KEEP.saturating_sub(1)) {
        let _ = fs::remove_file(old);
    }
}

/// The edition of the analysis the summaries come from: raised whenever a
/// change may summarise a draft differently, so that a build with the same
/// version number does not read summaries an older analysis made. 2: only a
/// draft's first lines are front matter. 3: summaries carry the hash of
/// their text, not the file's size and time. 4: each place carries the
/// hash of its words. 5: those hashes are XXH3, not FNV-1a.
const ANALYSIS_EDITION: u32 = 5;

/// What the summaries depend on besides the drafts: copydesk's version and
/// analysis edition, the configuration, the knowledge base's names and the
/// position encoding.
fn fingerprint(config: &Config, kb: &Kb, encoding: Encoding) -> u64 {
    let mut described = format!(
        "{} {ANALYSIS_EDITION}\n{config:?}\n{encoding:?}\n",
        env!("CARGO_PKG_VERSION")
    );
    for entry in kb.entries() {
        described.push_str(entry.id.as_str());
        described.push('\t');
        described.push_str(&entry.title);
        for name in entry.aliases.iter().chain(&entry.citations) {
            described.push('\t');
            described.push_str(name);
        }
        described.push('\n');
    }
    stable_hash(described.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::workspace::{index_drafts_cached, IndexWith};

    const DRAFT: &str = "\"We are open,\" said Marisol Okafor, a spokesperson for the library. \
                         She said the Inflation Reduction Act paid for the roof.\n";

    fn summary(path: &Path, text: &str) -> DraftSummary {
        let analysis = analyze(text, &Config::default(), &Kb::builtin());
        DraftSummary::new(path.to_path_buf(), text, &analysis, Encoding::Utf16)
    }

    fn cache_in(dir: &Path, fingerprint: u64) -> IndexCache {
        IndexCache {
            path: dir.join("index-test.json"),
            fingerprint,
        }
    }

    fn with<'a>(config: &'a Config, kb: &'a Kb) -> IndexWith<'a> {
        static LIMITS: Limits = Limits {
            draft: 1 << 20,
            config: 1 << 20,
            knowledge_base: 1 << 20,
            import_document: 1 << 20,
            cache: 1 << 20,
        };
        IndexWith {
            config,
            kb,
            encoding: Encoding::Utf16,
            limits: &LIMITS,
        }
    }

    #[test]
    fn summaries_come_back_as_they_were_saved_under_the_same_settings_only() {
        let dir = tempfile::tempdir().unwrap();
        let draft = dir.path().join("story.md");
        let original = summary(&draft, DRAFT);
        assert!(!original.laws.is_empty() && !original.speakers.is_empty());
        assert_eq!(original.text_hash, TextHash::of(DRAFT.as_bytes()));

        let cache = cache_in(dir.path(), 7);
        cache.save(&[Arc::new(original.clone())]).unwrap();
        let limits = Limits::default();
        let loaded = cache.load(&limits);
        assert_eq!(loaded.len(), 1);
        assert_eq!(loaded[&draft], original);

        // Other settings, another fingerprint: nothing.
        assert!(cache_in(dir.path(), 8).load(&limits).is_empty());
        // Over its cap: nothing.
        let tight = Limits {
            cache: 10,
            ..limits
        };
        assert!(cache.load(&tight).is_empty());
        // A damaged file: nothing, and no panic.
        std::fs::write(
            cache.path(),
            b"{\"fingerprint\": 7, \"names\": [], \"drafts\": [{",
        )
        .unwrap();
        assert!(cache.load(&limits).is_empty());
    }

    #[test]
    fn a_changed_draft_is_analysed_again_and_the_rest_come_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (0..3)
            .map(|n| {
                let path = dir.path().join(format!("story-{n}.md"));
                std::fs::write(&path, DRAFT).unwrap();
                path
            })
            .collect();
        let (config, kb) = (Config::default(), Kb::builtin());
        let first = index_drafts_cached(&paths, with(&config, &kb), HashMap::new());
        assert_eq!(first.from_cache, 0);
        let cache = cache_in(dir.path(), fingerprint(&config, &kb, Encoding::Utf16));
        cache.save(&first.into_shared()).unwrap();

        // One draft rewritten to the same length, its modification time
        // put back: only its bytes say it changed.
        let before = std::fs::metadata(&paths[1]).unwrap().modified().unwrap();
        let changed = DRAFT.replace("Marisol Okafor", "Tomasz Reyesik");
        assert_eq!(changed.len(), DRAFT.len());
        std::fs::write(&paths[1], &changed).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&paths[1])
            .unwrap()
            .set_modified(before)
            .unwrap();
        let limits = Limits::default();
        let second = index_drafts_cached(&paths, with(&config, &kb), cache.load(&limits));
        assert_eq!(second.from_cache, 2);
        assert_eq!(second.summaries[1], summary(&paths[1], &changed));
        assert_eq!(second.summaries[0], summary(&paths[0], DRAFT));
        assert!(second.worth_caching(3) == (second.summaries.len() >= MIN_DRAFTS));
    }

    #[test]
    fn a_summary_edited_in_the_cache_is_not_served_for_other_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.md");
        std::fs::write(&path, DRAFT).unwrap();
        let (config, kb) = (Config::default(), Kb::builtin());
        let cache = cache_in(dir.path(), fingerprint(&config, &kb, Encoding::Utf16));
        // A summary that claims another text: moved mentions, another hash.
        let mut forged = summary(&path, DRAFT);
        forged.speakers[0].mentions[0].start.col += 5;
        forged.text_hash = TextHash::of(b"some other draft");
        cache.save(&[Arc::new(forged)]).unwrap();
        let indexed = index_drafts_cached(
            std::slice::from_ref(&path),
            with(&config, &kb),
            cache.load(&Limits::default()),
        );
        assert_eq!(indexed.from_cache, 0);
        assert_eq!(indexed.summaries, [summary(&path, DRAFT)]);
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_in_the_caches_place_is_discarded_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache_in(dir.path(), 7);
        let made = std::process::Command::new("mkfifo")
            .arg(cache.path())
            .status()
            .unwrap();
        assert!(made.success());
        // Returns at once: the pipe is never opened to wait on a writer.
        assert!(cache.load(&Limits::default()).is_empty());
        let original = summary(&dir.path().join("story.md"), DRAFT);
        cache.save(&[Arc::new(original.clone())]).unwrap();
        assert!(std::fs::metadata(cache.path()).unwrap().is_file());
        assert_eq!(cache.load(&Limits::default()).len(), 1);
    }

    #[test]
    fn the_fingerprint_follows_the_settings() {
        let kb = Kb::builtin();
        let plain = fingerprint(&Config::default(), &kb, Encoding::Utf16);
        assert_eq!(plain, fingerprint(&Config::default(), &kb, Encoding::Utf16));
        assert_ne!(plain, fingerprint(&Config::default(), &kb, Encoding::Utf8));
        let mut config = Config::default();
        config.extra_verbs.push("grumbled".into());
        assert_ne!(plain, fingerprint(&config, &kb, Encoding::Utf16));
        assert_ne!(
            plain,
            fingerprint(&Config::default(), &Kb::default(), Encoding::Utf16)
        );
    }

    #[test]
    fn only_the_most_recent_caches_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        for n in 0..20u64 {
            let old = dir.path().join(format!("index-{n:016x}.json"));
            let file = std::fs::File::create(&old).unwrap();
            file.set_modified(now - Duration::from_secs(60 * (n + 1)))
                .unwrap();
        }
        let stray = dir.path().join("notes.txt");
        std::fs::write(&stray, "kept").unwrap();
        cache_in(dir.path(), 1).save(&[]).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left.len(), KEEP + 1, "{left:?}");
        assert!(left.contains(&"index-test.json".to_string()));
        assert!(left.contains(&"notes.txt".to_string()));
        // The newest old caches stay, the oldest go.
        assert!(left.contains(&format!("index-{:016x}.json", 0)));
        assert!(!left.contains(&format!("index-{:016x}.json", 19)));
    }
}
