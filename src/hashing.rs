//! The hashers of in-memory maps, all foldhash. Fixed sets built into the
//! program (the word lists of the analysis, looked up for nearly every word
//! of a draft) use `QuickBuild`, foldhash with a fixed seed: nobody can
//! choose their keys, so they need no resistance to collisions. Maps whose
//! keys come from a draft (names, surnames, law keys) use `DraftMap` and
//! `DraftSet`: the same hash seeded at random per process, so a draft
//! cannot be written to collide. Hashes that outlive the process (the index
//! cache's) are `workspace::TextHash`, a specified algorithm.

use std::hash::BuildHasher;

/// Builds hashers for maps and sets of fixed keys.
pub type QuickBuild = foldhash::fast::FixedState;

/// A map keyed by words of a draft.
pub type DraftMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A set of words of a draft.
pub type DraftSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// The hash of `key` for comparing within this process only: the same for
/// equal keys until the process ends.
pub fn quick_hash(key: &str) -> u64 {
    QuickBuild::default().hash_one(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_alike_and_near_keys_apart() {
        assert_eq!(quick_hash("said"), quick_hash("said"));
        assert_ne!(quick_hash("said"), quick_hash("says"));
        assert_ne!(quick_hash("ab"), quick_hash("ab\0"));
        let set: std::collections::HashSet<&str, QuickBuild> =
            ["he", "she", "they"].into_iter().collect();
        assert!(set.contains("she") && !set.contains("it"));
    }
}
