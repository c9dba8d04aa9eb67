//! A quick hasher for fixed sets of short keys, such as the word lists of
//! the analysis, which are looked up for nearly every word of a draft. The
//! standard hasher resists keys chosen to collide, which a fixed set built
//! into the program does not need, and costs several times as much per
//! lookup. Maps whose keys come from a draft (names, surnames, law keys)
//! use `DraftMap` and `DraftSet`: foldhash, as quick as `QuickHasher` but
//! seeded at random per process, so a draft cannot be written to collide.

use std::hash::{BuildHasherDefault, Hasher};

/// Eight bytes at a time: rotate, mix in, multiply.
#[derive(Clone, Copy, Debug, Default)]
pub struct QuickHasher(u64);

const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

impl QuickHasher {
    fn step(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(MIX);
    }
}

impl Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.step(u64::from_le_bytes(
                <[u8; 8]>::try_from(chunk).unwrap_or_default(),
            ));
        }
        // The last bytes as a little-endian word, zero above them, read
        // without a call to copy them: most keys are a short word's tail.
        let rest = chunks.remainder();
        self.step(tail_word(rest) ^ ((rest.len() as u64) << 56));
    }

    fn write_u8(&mut self, n: u8) {
        self.step(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.step(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// Up to seven bytes as a little-endian word, zero above them: two loads
/// that may overlap (an overlapping byte lands on itself), or three single
/// bytes below four.
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let len = rest.len();
    let four = |at: usize| {
        rest.get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    match len {
        0 => 0,
        1..=3 => {
            u64::from(rest[0])
                | u64::from(rest[len / 2]) << (8 * (len / 2))
                | u64::from(rest[len - 1]) << (8 * (len - 1))
        }
        _ => four(0) | four(len - 4) << (8 * (len - 4)),
    }
}

/// Builds `QuickHasher`s, for `HashMap` and `HashSet`.
pub type QuickBuild = BuildHasherDefault<QuickHasher>;

/// A pass-through hasher for keys that are already well-mixed hashes
/// (`u64`s from `quick_hash` or a rolling hash): hashing them again would
/// only cost time. Other keys fall back to `QuickHasher`'s mixing.
#[derive(Clone, Copy, Debug, Default)]
pub struct Prehashed(u64);

impl Hasher for Prehashed {
    fn write(&mut self, bytes: &[u8]) {
        let mut quick = QuickHasher(self.0);
        quick.write(bytes);
        self.0 = quick.finish();
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds `Prehashed` hashers, for maps keyed by hashes.
pub type PrehashedBuild = BuildHasherDefault<Prehashed>;

/// A map keyed by words of a draft.
pub type DraftMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A set of words of a draft.
pub type DraftSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// The hash of a text and numbers describing it, in one pass.
pub fn quick_hash(text: &str, numbers: &[usize]) -> u64 {
    let mut hasher = QuickHasher(text.len() as u64);
    hasher.write(text.as_bytes());
    for &n in numbers {
        hasher.write_usize(n);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_alike_and_near_keys_apart() {
        assert_eq!(quick_hash("said", &[1, 2]), quick_hash("said", &[1, 2]));
        assert_ne!(quick_hash("said", &[1, 2]), quick_hash("said", &[2, 1]));
        assert_ne!(quick_hash("said", &[]), quick_hash("says", &[]));
        // A trailing zero byte is not the same key as none.
        assert_ne!(quick_hash("ab", &[]), quick_hash("ab\0", &[]));
        // The tail is read as the little-endian word of its bytes: the
        // hashes, and so the names of index caches already written, are
        // what they were when it was copied into a zeroed word.
        let mut copied = QuickHasher(7);
        copied.step(u64::from_le_bytes(*b"cdefg\0\0\0") ^ (5 << 56));
        let mut hashed = QuickHasher(7);
        hashed.write(b"cdefg");
        assert_eq!(hashed.finish(), copied.finish());
        let bytes = b"abcdefg";
        for len in 0..8 {
            let mut padded = [0u8; 8];
            padded[..len].copy_from_slice(&bytes[..len]);
            assert_eq!(
                tail_word(&bytes[..len]),
                u64::from_le_bytes(padded),
                "{len}"
            );
        }
        let set: std::collections::HashSet<&str, QuickBuild> =
            ["he", "she", "they"].into_iter().collect();
        assert!(set.contains("she") && !set.contains("it"));
    }

    #[test]
    fn a_prehashed_key_is_its_own_hash() {
        use std::hash::BuildHasher;
        let key = quick_hash("paragraph", &[3]);
        assert_eq!(PrehashedBuild::default().hash_one(key), key);
        let map: std::collections::HashMap<u64, &str, PrehashedBuild> =
            [(key, "kept")].into_iter().collect();
        assert_eq!(map.get(&key), Some(&"kept"));
    }
}
