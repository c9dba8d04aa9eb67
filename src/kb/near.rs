//! Names one word away from a known law's: `Affordable Health Care Act`
//! for the Affordable Care Act, `CHIPS and Sciences Act` for the CHIPS and
//! Science Act. A word-level deletion index (each name is filed under
//! itself and under every way of dropping one word), built on first use,
//! finds candidates; a check on the words themselves keeps only one added,
//! dropped or misspelt word.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{fold, Entry};

/// A trailing year: ` of 2021`, `, 2021`, in ASCII digits (see
/// `analysis::laws`).
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\s+of|,)\s+([0-9]{4})$").expect("the year pattern compiles"));

/// Names shorter than this many words are too short to guess at.
const MIN_WORDS: usize = 3;

#[derive(Clone, Debug, Default)]
pub struct NearIndex {
    /// Folded words of each name, and the entry it names.
    names: Vec<(Vec<String>, usize)>,
    /// The hash of a name's words, with one word dropped or none, to names.
    keys: HashMap<u64, Vec<u32>>,
}

/// A known name one word away from what was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Near {
    /// Index into the knowledge base's entries.
    pub entry: usize,
}

impl NearIndex {
    pub fn new(entries: &[Entry]) -> NearIndex {
        let mut index = NearIndex::default();
        for (at, entry) in entries.iter().enumerate() {
            for name in std::iter::once(&entry.title).chain(&entry.aliases) {
                let words = words(name);
                if words.len() < MIN_WORDS {
                    continue;
                }
                let id = index.names.len() as u32;
                for key in keys(&words) {
                    index.keys.entry(key).or_default().push(id);
                }
                index.names.push((words, at));
            }
        }
        index
    }

    /// The entry whose name is one word from `written`, when exactly one
    /// entry is.
    pub fn find(&self, written: &str) -> Option<Near> {
        let words = words(written);
        if words.len() < MIN_WORDS - 1 {
            return None;
        }
        let mut found: Option<usize> = None;
        for key in keys(&words) {
            for &id in self.keys.get(&key).into_iter().flatten() {
                let (name, entry) = &self.names[id as usize];
                if name.len().min(words.len()) < MIN_WORDS - 1
                    || name.len().max(words.len()) < MIN_WORDS
                    || !one_word_apart(name, &words)
                {
                    continue;
                }
                match found {
                    Some(other) if other != *entry => return None,
                    _ => found = Some(*entry),
                }
            }
        }
        found.map(|entry| Near { entry })
    }
}

/// The folded words of a name without its year.
fn words(name: &str) -> Vec<String> {
    let name = name.trim();
    let name = match YEAR.find(name) {
        Some(year) => &name[..year.start()],
        None => name,
    };
    fold(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The hash of the words, and of the words with each one left out.
fn keys(words: &[String]) -> Vec<u64> {
    let hash = |skip: Option<usize>| {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for (i, word) in words.iter().enumerate() {
            if Some(i) == skip {
                continue;
            }
            for &b in word.as_bytes().iter().chain(b" ") {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        hash
    };
    std::iter::once(hash(None))
        .chain((0..words.len()).map(|skip| hash(Some(skip))))
        .collect()
}

/// Whether `a` and `b` differ by one added or dropped word, or by one word
/// spelt a little differently (`Sciences` for `Science`), but not by two
/// different words (`Clean Air Act`, `Clean Water Act`).
fn one_word_apart(a: &[String], b: &[String]) -> bool {
    if a == b {
        return false;
    }
    match a.len() as isize - b.len() as isize {
        0 => {
            let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            differ.len() == 1 && similar(&a[differ[0]], &b[differ[0]])
        }
        1 => drops_one(a, b),
        -1 => drops_one(b, a),
        _ => false,
    }
}

/// Whether `short` is `long` with one word left out.
fn drops_one(long: &[String], short: &[String]) -> bool {
    (0..long.len()).any(|skip| {
        long.iter()
            .enumerate()
            .filter(|&(i, _)| i != skip)
            .map(|(_, w)| w)
            .eq(short.iter())
    })
}

/// Two spellings of one word: at most one edit in four letters, and the
/// same first letter.
fn similar(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.first() != b.first() {
        return false;
    }
    let longest = a.len().max(b.len());
    let allowed = (longest / 4).max(1);
    edit_distance(&a, &b) <= allowed
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Kb;

    fn near(written: &str) -> Option<String> {
        let kb = Kb::builtin();
        kb.near()
            .find(written)
            .map(|n| kb.entries()[n.entry].title.clone())
    }

    #[test]
    fn one_word_off_finds_the_law() {
        assert_eq!(
            near("Affordable Health Care Act").as_deref(),
            Some("Patient Protection and Affordable Care Act")
        );
        assert_eq!(
            near("CHIPS and Sciences Act").as_deref(),
            Some("CHIPS and Science Act")
        );
        assert_eq!(
            near("Tax Cut and Jobs Act of 2017").as_deref(),
            Some("Tax Cuts and Jobs Act")
        );
        assert_eq!(
            near("Infrastructure and Jobs Act").as_deref(),
            Some("Infrastructure Investment and Jobs Act")
        );
    }

    #[test]
    fn different_words_are_different_laws() {
        assert_eq!(near("Inflation Control Act"), None);
        assert_eq!(near("Harbor Safety Act"), None);
        assert_eq!(near("Affordable Widget Act"), None);
        assert!(!one_word_apart(
            &words("Clean Air Act"),
            &words("Clean Car Act")
        ));
        assert!(one_word_apart(
            &words("Music Modernisation Act"),
            &words("Music Modernization Act")
        ));
    }
}
