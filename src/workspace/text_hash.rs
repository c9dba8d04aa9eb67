//! The hash a draft's summary keeps of the bytes it was made from, so that
//! a summary from the cache is used only for the text it describes, and a
//! rename can tell whether a closed draft still reads as its summary says.
//!
//! It is 64-bit FNV-1a: specified, the same in every build and on every
//! machine, which a cache written by one session and read by the next needs.
//! It guards against stale and damaged summaries, not against someone
//! forging one; what an edit touches is checked against the text as well.

use serde::{Deserialize, Serialize};

/// The FNV-1a hash of a draft's bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TextHash(u64);

impl TextHash {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;

    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> TextHash {
        TextHash(bytes.iter().fold(Self::OFFSET_BASIS, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(Self::PRIME)
        }))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv1a_as_specified() {
        // The published test vectors of 64-bit FNV-1a.
        assert_eq!(TextHash::of(b""), TextHash(0xcbf2_9ce4_8422_2325));
        assert_eq!(TextHash::of(b"a"), TextHash(0xaf63_dc4c_8601_ec8c));
        assert_eq!(TextHash::of(b"foobar"), TextHash(0x8594_4171_f739_67e8));
        assert_ne!(TextHash::of(b"Okafor said."), TextHash::of(b"Okafor says."));
    }
}
