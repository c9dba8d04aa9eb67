//! The legislation knowledge base: what copydesk knows about laws, bills,
//! provisions and their citations.
//!
//! The model and lookups are pure. Built-in entries are compiled into the
//! binary from `data/kb/`.

mod builtin;
pub mod import;
mod model;
pub mod store;

pub use model::{Entry, Kind, LawId, Status, StatusState};

use std::collections::HashMap;

/// A set of entries, indexed by id.
#[derive(Clone, Debug, Default)]
pub struct Kb {
    entries: Vec<Entry>,
    by_id: HashMap<LawId, usize>,
}

impl Kb {
    /// The entries compiled into copydesk.
    pub fn builtin() -> Kb {
        Kb::from_entries(builtin::entries())
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
