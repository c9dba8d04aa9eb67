//! The legislation knowledge base: what copydesk knows about laws, bills,
//! provisions and their citations.
//!
//! The model and lookups are pure. Built-in entries are compiled into the
//! binary from `data/kb/`.

pub mod builtin;
pub mod import;
mod model;
pub mod names;
pub mod store;

pub use model::{Entry, Kind, LawId, Status, StatusState};
pub use names::{citation_key, fold, Folded, NameIndex};

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, OnceLock};

/// A set of entries, indexed by id, with the name index the recognizer
/// uses built on first use.
#[derive(Clone, Debug, Default)]
pub struct Kb {
    entries: Vec<Entry>,
    by_id: HashMap<LawId, usize>,
    names: Arc<OnceLock<NameIndex>>,
}

static BUILTIN: LazyLock<Kb> = LazyLock::new(|| Kb::from_entries(builtin::entries()));

impl Kb {
    /// The entries compiled into copydesk.
    pub fn builtin() -> Kb {
        BUILTIN.clone()
    }

    /// A knowledge base of `entries`; a later entry replaces an earlier one
    /// with the same id.
    pub fn from_entries(entries: Vec<Entry>) -> Kb {
        let mut kb = Kb::default();
        for entry in entries {
            kb.insert(entry);
        }
        kb
    }

    pub fn insert(&mut self, entry: Entry) {
        self.names = Arc::default();
        match self.by_id.get(&entry.id) {
            Some(&i) => self.entries[i] = entry,
            None => {
                self.by_id.insert(entry.id.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    pub fn get(&self, id: &LawId) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// The built-in entries with those of `files` (knowledge-base files
    /// written by `copydesk kb import`, relative to `dir`) laid over them by
    /// id. A file that cannot be read is skipped and its problem returned,
    /// with its line when known.
    pub fn with_files(dir: &std::path::Path, files: &[String]) -> (Kb, Vec<String>) {
        let mut kb = Kb::builtin();
        let mut problems = Vec::new();
        for file in files {
            let path = dir.join(file);
            match store::read(&path) {
                Ok(entries) => {
                    for entry in entries {
                        kb.insert(entry);
                    }
                }
                Err(err) => problems.push(err.to_string()),
            }
        }
        (kb, problems)
    }

    /// The gazetteer and citation index over every entry, built once.
    pub fn names(&self) -> &NameIndex {
        self.names.get_or_init(|| NameIndex::new(&self.entries))
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
