//! The hashes the index cache keeps between sessions: of the bytes a
//! draft's summary was made from, so that a summary from the cache is used
//! only for the text it describes and a rename can tell whether a closed
//! draft still reads as its summary says, and of what names the cache file
//! and says what it was written with.
//!
//! They are 64-bit XXH3 (`xxhash-rust`): a specified algorithm, the same in
//! every build and on every machine, which a cache written by one session
//! and read by the next needs. They guard against stale and damaged
//! summaries, not against someone forging one; what an edit touches is
//! checked against the text as well.

use serde::{Deserialize, Serialize};

/// The XXH3 hash of a draft's bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TextHash(u64);

impl TextHash {
    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> TextHash {
        TextHash(stable_hash(bytes))
    }
}

/// The hash a summary keeps of the words at each place it gives (a law's
/// name as written, a speaker's mention): 32 bits of `TextHash`. A place
/// is used only while the text there still hashes to it, so a place that
/// moved (a stale summary, a cache edited by hand) is caught before an
/// answer or an edit lands on other words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct WordsHash(pub u32);

impl WordsHash {
    pub fn of(words: &str) -> WordsHash {
        WordsHash(TextHash::of(words.as_bytes()).0 as u32)
    }
}

/// The 64-bit XXH3 hash of `bytes`, the same in every build.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_xxh3_as_specified() {
        // XXH3-64 with the default secret and seed 0, as the reference
        // implementation (`xxhsum -H3`) gives it.
        assert_eq!(stable_hash(b""), 0x2d06_8005_38d3_94c2);
        assert_ne!(TextHash::of(b"Okafor said."), TextHash::of(b"Okafor says."));
    }
}
