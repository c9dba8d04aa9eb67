//! What the words of a name are: given names (with the gender they are
//! usually given to), family names, the family names of cultures that
//! write them first, places and the adjectives of countries. The lists are
//! compiled in from `data/names/` (their sources and licences are in
//! `data/names/PROVENANCE.md`) and read into hash maps on first use.
//!
//! Every lookup takes a word as written and folds it (ASCII case, curly
//! apostrophes): `O’Neill`, `O'Neill` and `O'NEILL` are one name.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::hashing::QuickBuild;

/// The gender a given name is usually given to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    /// Given to both, or to neither often enough to say.
    Either,
}

/// A culture whose names put the family name first in English-language
/// news: `Wang Wenbin`, `Kim Jong Un`, `Nguyen Xuan Phuc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Culture {
    Chinese,
    Korean,
    /// Family name first, but later references use the given name (the
    /// last word): `Phuc said`.
    Vietnamese,
    Hungarian,
}

/// What the name lists say of one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Known {
    pub given: Option<Gender>,
    pub family: bool,
    pub family_first: Option<Culture>,
    /// A country, state, city or region of one word: `China`, `Iowa`.
    pub place: bool,
    /// The adjective of a country: `Chinese`, `American`.
    pub demonym: bool,
    /// A name that is also a common English word: `Will`, `Young`, `Mark`.
    pub word: bool,
    /// The first word of a place of several words: `South`, `New`.
    pub place_start: bool,
}

struct Lists {
    /// The words of up to eight bytes, packed into integers: most names.
    short: HashMap<u64, Known, QuickBuild>,
    /// Longer words.
    long: HashMap<Box<str>, Known, QuickBuild>,
    /// Places of several words, their words joined by single spaces.
    places: HashMap<Box<str>, (), QuickBuild>,
}

impl Lists {
    /// The entry for `word`, folded; made empty if new. Folding and
    /// packing happen on the stack, so the 130,000 entries cost no
    /// allocation but the longer words' keys.
    fn entry(&mut self, word: &str) -> &mut Known {
        let mut buffer = [0u8; 32];
        let folded = fold_on_stack(word, &mut buffer);
        match super::tags::packed(&folded) {
            Some(key) => self.short.entry(key).or_default(),
            None => self.long.entry(folded.into()).or_default(),
        }
    }
}

/// `word` folded, in `buffer` when it is short ASCII.
fn fold_on_stack<'b>(word: &'b str, buffer: &'b mut [u8; 32]) -> std::borrow::Cow<'b, str> {
    if word.len() <= buffer.len() && word.is_ascii() {
        for (to, from) in buffer.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        if let Ok(folded) = std::str::from_utf8(&buffer[..word.len()]) {
            return folded.into();
        }
    }
    fold(word).into()
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists {
        short: HashMap::with_capacity_and_hasher(131_072, QuickBuild::default()),
        long: HashMap::default(),
        places: HashMap::default(),
    };
    for (name, gender) in rows(include_str!("../../../data/names/given.tsv")) {
        let gender = match gender {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Either,
        };
        lists.entry(name).given = Some(gender);
    }
    for name in include_str!("../../../data/names/family.txt").lines() {
        if !name.is_empty() && !name.starts_with('#') {
            lists.entry(name).family = true;
        }
    }
    for (name, culture) in rows(include_str!("../../../data/names/family-first.tsv")) {
        let culture = match culture {
            "zh" => Culture::Chinese,
            "ko" => Culture::Korean,
            "vi" => Culture::Vietnamese,
            "hu" => Culture::Hungarian,
            _ => continue,
        };
        let known = lists.entry(name);
        known.family = true;
        // A name of several cultures (`Wang`, `Lee`) counts as the first of
        // Chinese, Korean, Hungarian, Vietnamese.
        let rank = |c: Culture| c as u8;
        if known
            .family_first
            .is_none_or(|was| rank(culture) < rank(was))
        {
            known.family_first = Some(culture);
        }
    }
    for (adjective, _) in rows(include_str!("../../../data/names/demonyms.tsv")) {
        lists.entry(adjective).demonym = true;
    }
    for word in include_str!("../../../data/names/word-names.txt").lines() {
        if !word.is_empty() && !word.starts_with('#') {
            lists.entry(word).word = true;
        }
    }
    for (name, _) in rows(include_str!("../../../data/names/places.tsv")) {
        if let Some((first, _)) = name.split_once(' ') {
            lists.places.insert(fold(name).into(), ());
            lists.entry(first).place_start = true;
        } else {
            lists.entry(name).place = true;
        }
    }
    lists
});

/// The `name<TAB>value` rows of a list, without comments.
fn rows(list: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    list.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

/// A word or phrase folded for lookup: lower case, straight apostrophes.
fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars()
        .map(|c| {
            if matches!(c, '’' | '‘' | 'ʼ') {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// What the lists say of `word` (a possessive `'s` is left out).
pub fn known(word: &str) -> Known {
    let word = strip_possessive(word);
    // Most names are short ASCII words: lowered on the stack.
    let mut buffer = [0u8; 24];
    let key: std::borrow::Cow<str> = if word.len() <= buffer.len() && word.is_ascii() {
        for (to, from) in buffer.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        match std::str::from_utf8(&buffer[..word.len()]) {
            Ok(lowered) => lowered.into(),
            Err(_) => return Known::default(),
        }
    } else {
        fold(word).into()
    };
    known_folded(&key)
}

/// What the lists say of a word already folded (lower case, straight
/// apostrophes, no possessive).
pub fn known_folded(word: &str) -> Known {
    let found = match super::tags::packed(word) {
        Some(packed) => LISTS.short.get(&packed).copied(),
        None => LISTS.long.get(word).copied(),
    };
    // Accents written as combining marks (`Jose` and U+0301): the lists
    // know the letters without them.
    let combining = |c: char| ('\u{300}'..='\u{36F}').contains(&c);
    match found {
        Some(known) => known,
        None if !word.is_ascii() && word.chars().any(combining) => {
            known_folded(&word.chars().filter(|&c| !combining(c)).collect::<String>())
        }
        None => Known::default(),
    }
}

/// Whether the words of `phrase`, one space apart, name a place of several
/// words: `South Korea`, `New York`, `United States`.
pub fn is_place_phrase(phrase: &str) -> bool {
    LISTS.places.contains_key(fold(phrase).as_str())
}

/// A word without its possessive ending: `Trump’s` is `Trump`, `Reyes'`
/// is `Reyes`.
pub fn strip_possessive(word: &str) -> &str {
    let bytes = word.as_bytes();
    let n = bytes.len();
    // `'s` and `’s` (the curly mark is three bytes: E2 80 99).
    if n >= 2 && matches!(bytes[n - 1], b's' | b'S') {
        if n > 2 && bytes[n - 2] == b'\'' {
            return &word[..n - 2];
        }
        if n > 4 && bytes[n - 4..n - 1] == [0xE2, 0x80, 0x99] {
            return &word[..n - 4];
        }
    }
    // `Reyes'` and `Reyes’`.
    if n >= 2 && bytes[n - 1] == b'\'' && matches!(bytes[n - 2], b's' | b'S') {
        return &word[..n - 1];
    }
    if n >= 4 && bytes[n - 3..] == [0xE2, 0x80, 0x99] && matches!(bytes[n - 4], b's' | b'S') {
        return &word[..n - 3];
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_know_names_and_places_whatever_the_case_and_apostrophe() {
        assert_eq!(known("Hillary").given, Some(Gender::Female));
        assert_eq!(known("Donald").given, Some(Gender::Male));
        assert!(known("Podesta").family);
        assert!(known("O’Neill").family && known("O'NEILL").family);
        assert_eq!(known("Wang").family_first, Some(Culture::Chinese));
        assert_eq!(known("Nguyen").family_first, Some(Culture::Vietnamese));
        assert_eq!(known("Kim").family_first, Some(Culture::Korean));
        assert!(known("China").place && known("Iowa").place && known("Seoul").place);
        assert!(known("Chinese").demonym);
        assert!(is_place_phrase("South Korea") && is_place_phrase("new york"));
        for opener in ["Noting", "Calling", "Following"] {
            assert_eq!(known(opener).given, None, "{opener}");
        }
        assert_eq!(known("Trump's"), known("Trump"));
    }

    #[test]
    fn possessives_come_off_and_other_apostrophes_stay() {
        assert_eq!(strip_possessive("Trump’s"), "Trump");
        assert_eq!(strip_possessive("Reyes'"), "Reyes");
        assert_eq!(strip_possessive("O'Neill"), "O'Neill");
        assert_eq!(strip_possessive("'s"), "'s");
    }
}
