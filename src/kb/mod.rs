//! The legislation knowledge base: what copydesk knows about laws, bills,
//! provisions and their citations.
//!
//! The model and lookups are pure. Built-in entries are compiled into the
//! binary from `data/kb/`; `load` lays the desk's glossary and imported
//! files over them (the only part of this module, with `store` and
//! `import`, that touches the disk).

pub mod builtin;
pub mod citations;
mod filter;
mod folding;
pub mod glossary;
pub mod import;
pub mod load;
mod model;
pub mod names;
pub mod near;
mod prepare;
mod spellings;
pub mod store;

pub use citations::citation_key;
pub use folding::fold;
pub use model::{Amendment, Entry, Kind, LawId, Status, StatusState};
pub use names::NameIndex;
pub(crate) use spellings::without_year;

use std::collections::HashMap;

use crate::hashing::QuickBuild;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, OnceLock};

/// A set of entries, indexed by id, with the name index the recognizer
/// uses built on first use.
#[derive(Clone, Debug, Default)]
pub struct Kb {
    // Shared: a clone (one per draft checked, one per settings change) is
    // a few reference counts, and `insert` copies only when shared.
    entries: Arc<Vec<Entry>>,
    by_id: Arc<HashMap<LawId, usize, QuickBuild>>,
    /// Where the entries from the desk's glossary files were written.
    origins: Arc<HashMap<LawId, Origin, QuickBuild>>,
    names: Arc<OnceLock<NameIndex>>,
    near: Arc<OnceLock<near::NearIndex>>,
}

/// The file and one-based line an entry was defined on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub path: PathBuf,
    pub line: usize,
}

static BUILTIN: LazyLock<Kb> = LazyLock::new(|| Kb::from_entries(builtin::entries()));

impl Kb {
    /// Whether `other` is this same knowledge base (a clone of it, not a
    /// copy with equal entries): what work kept from an earlier analysis
    /// checks before reusing what it found with it.
    pub fn same(&self, other: &Kb) -> bool {
        Arc::ptr_eq(&self.entries, &other.entries) && Arc::ptr_eq(&self.names, &other.names)
    }

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
        if self.origins.contains_key(&entry.id) {
            Arc::make_mut(&mut self.origins).remove(&entry.id);
        }
        self.names = Arc::default();
        self.near = Arc::default();
        let entries = Arc::make_mut(&mut self.entries);
        match self.by_id.get(&entry.id) {
            Some(&i) => entries[i] = entry,
            None => {
                Arc::make_mut(&mut self.by_id).insert(entry.id.clone(), entries.len());
                entries.push(entry);
            }
        }
    }

    /// Insert `entry`, remembering the file and line it was written on.
    pub fn insert_from(&mut self, entry: Entry, origin: Origin) {
        let id = entry.id.clone();
        self.insert(entry);
        Arc::make_mut(&mut self.origins).insert(id, origin);
    }

    /// Where the entry `id` was written, when it came from a glossary file.
    pub fn origin(&self, id: &LawId) -> Option<&Origin> {
        self.origins.get(id)
    }

    pub fn get(&self, id: &LawId) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// The gazetteer and citation index over every entry, built once.
    pub fn names(&self) -> &NameIndex {
        self.names.get_or_init(|| NameIndex::new(&self.entries))
    }

    /// The index of names one word from a known name, built once, on the
    /// first law-shaped name the gazetteer does not know.
    pub fn near(&self) -> &near::NearIndex {
        self.near
            .get_or_init(|| near::NearIndex::new(&self.entries))
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
