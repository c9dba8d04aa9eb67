//! What the index keeps of one draft: its law mentions and sources, each
//! place with the hash of its words, made once from an analysis with
//! positions in the negotiated encoding.

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use super::{Claim, TextHash, Verified, WordsHash};
use crate::analysis::{Analysis, MentionForm};
use crate::text::{Encoding, LineCol, LineIndex};

/// One mention of a law in a draft, reduced to what cross-draft queries need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LawRef {
    /// `LawMention::key()`: the entry id, or the folded name of an unknown
    /// law. Shared by the mentions of one key in a summary, and across
    /// the summaries read from the cache, so that a query compares most
    /// keys by pointer.
    pub key: Arc<str>,
    /// The entry's title, or the name as written when copydesk does not
    /// know it.
    pub name: String,
    pub start: LineCol,
    pub end: LineCol,
    /// The hash of the words between `start` and `end`.
    pub words: WordsHash,
    /// `key_hash(&key)`: a query across thousands of drafts compares this
    /// first, not the key.
    hash: u64,
}

impl LawRef {
    /// The place this mention claims, to check against the draft's file.
    pub fn claim(&self) -> Claim {
        Claim {
            start: self.start,
            end: self.end,
            words: self.words,
        }
    }

    pub fn new(
        key: impl Into<Arc<str>>,
        name: String,
        (start, end): (LineCol, LineCol),
        words: WordsHash,
    ) -> LawRef {
        let key = key.into();
        LawRef {
            hash: key_hash(&key),
            key,
            name,
            start,
            end,
            words,
        }
    }

    /// Whether this is a mention of the law under `key`, with `hash` its
    /// `key_hash`. `known` is a key found equal to `key` before (or null),
    /// which an equal pointer matches without reading the key; this key
    /// becomes it when it matches.
    pub(super) fn is_of(&self, key: &str, hash: u64, known: &Cell<*const u8>) -> bool {
        if self.hash != hash {
            return false;
        }
        let at = self.key.as_ptr();
        if at == known.get() {
            return true;
        }
        let equal = *self.key == *key;
        if equal {
            known.set(at);
        }
        equal
    }
}

/// The hash of a law's key or a speaker's name, which their summaries keep
/// to be found by quickly.
pub(super) fn key_hash(key: &str) -> u64 {
    crate::hashing::quick_hash(key)
}

/// One source of a draft, reduced to what cross-draft queries need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerRef {
    /// The full name, or the words as written for an unnamed source.
    pub name: String,
    pub mentions: Vec<MentionRef>,
    /// How many quotes the draft attributes to them.
    pub quotes: usize,
    /// `key_hash(&name)`.
    hash: u64,
}

impl SpeakerRef {
    pub fn new(name: String, mentions: Vec<MentionRef>, quotes: usize) -> SpeakerRef {
        SpeakerRef {
            hash: key_hash(&name),
            name,
            mentions,
            quotes,
        }
    }

    /// Whether this is the source called `name`, with `hash` its `key_hash`.
    pub(super) fn is_named(&self, name: &str, hash: u64) -> bool {
        self.hash == hash && self.name == name
    }
}

/// Where a speaker is mentioned in a draft, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionRef {
    pub start: LineCol,
    pub end: LineCol,
    pub form: MentionForm,
    /// The hash of the words between `start` and `end`.
    pub words: WordsHash,
}

impl MentionRef {
    /// The place this mention claims, to check against the draft's file.
    pub fn claim(&self) -> Claim {
        Claim {
            start: self.start,
            end: self.end,
            words: self.words,
        }
    }
}

/// What the index keeps of one draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftSummary {
    pub path: PathBuf,
    /// The hash of the text the summary was made from: a summary is used
    /// for a file only while the file's bytes still have it.
    pub text_hash: TextHash,
    /// Law mentions in document order.
    pub laws: Vec<LawRef>,
    /// The draft's sources, in order of first mention.
    pub speakers: Vec<SpeakerRef>,
    /// The address answers name the draft by (the server's URI for it),
    /// kept with the draft so that an answer with thousands of locations
    /// does not look each draft's up. Set by the server: when it opens the
    /// draft, or the first time an answer needs it. Not part of the cache.
    pub address: OnceLock<Arc<str>>,
    /// When every place of the summary was last found to hold in the
    /// draft's file (never, for a summary of an open buffer). Not part of
    /// the cache.
    pub verified: Verified,
}

impl DraftSummary {
    /// Summarise the analysis of `text`, the content of the draft at `path`,
    /// with columns counted in `encoding`.
    pub fn new(path: PathBuf, text: &str, analysis: &Analysis, encoding: Encoding) -> Self {
        DraftSummary::with_index(path, text, &LineIndex::new(text), analysis, encoding)
    }

    /// `new`, with the line index of `text` already made.
    pub fn with_index(
        path: PathBuf,
        text: &str,
        index: &LineIndex,
        analysis: &Analysis,
        encoding: Encoding,
    ) -> Self {
        let mut mentions: Vec<_> = analysis.laws.iter().collect();
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        // Every position the summary keeps, found in one walk along the
        // text, then looked up.
        let mut offsets: Vec<usize> = mentions
            .iter()
            .map(|m| m.span)
            .chain(
                analysis
                    .speakers
                    .iter()
                    .flat_map(|s| s.mentions.iter().map(|m| m.span)),
            )
            .flat_map(|span| [span.start, span.end])
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let positions = index.line_cols(text, &offsets, encoding);
        let at = |offset: usize| {
            offsets
                .binary_search(&offset)
                .map_or_else(|_| index.line_col(text, offset, encoding), |i| positions[i])
        };
        // One key for all the mentions of a law.
        let mut keys: crate::hashing::DraftMap<String, Arc<str>> = Default::default();
        let laws = mentions
            .into_iter()
            .map(|mention| {
                LawRef::new(
                    keys.entry(mention.key())
                        .or_insert_with_key(|key| key.as_str().into())
                        .clone(),
                    mention.title.clone().unwrap_or_else(|| {
                        mention
                            .text
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    }),
                    (at(mention.span.start), at(mention.span.end)),
                    WordsHash::of(mention.span.slice(text)),
                )
            })
            .collect();
        let speakers = analysis
            .speakers
            .iter()
            .map(|speaker| {
                SpeakerRef::new(
                    speaker.name.clone(),
                    speaker
                        .mentions
                        .iter()
                        .map(|m| MentionRef {
                            start: at(m.span.start),
                            end: at(m.span.end),
                            form: m.form,
                            words: WordsHash::of(m.span.slice(text)),
                        })
                        .collect(),
                    speaker.quotes.len(),
                )
            })
            .collect();
        DraftSummary {
            path,
            text_hash: TextHash::of(text.as_bytes()),
            laws,
            speakers,
            address: OnceLock::new(),
            verified: Verified::default(),
        }
    }

    /// Every place the summary gives: its law mentions, then its speakers'
    /// mentions.
    pub fn claims(&self) -> impl Iterator<Item = Claim> + '_ {
        self.laws.iter().map(LawRef::claim).chain(
            self.speakers
                .iter()
                .flat_map(|s| s.mentions.iter().map(MentionRef::claim)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn law(key: &str) -> LawRef {
        let at = LineCol { line: 0, col: 0 };
        LawRef::new(key.to_string(), key.to_string(), (at, at), WordsHash(0))
    }

    #[test]
    fn a_key_matches_by_pointer_only_after_its_words_matched() {
        let chips = law("us/pl/117-167");
        let hash = key_hash("us/pl/117-167");
        let known = Cell::new(std::ptr::null());
        assert!(chips.is_of("us/pl/117-167", hash, &known));
        assert_eq!(known.get(), chips.key.as_ptr());
        // The same key, shared: matched by its pointer.
        let again = LawRef {
            start: LineCol { line: 4, col: 2 },
            ..chips.clone()
        };
        assert!(again.is_of("us/pl/117-167", hash, &known));
        // Another key with the same hash (a collision): its words decide,
        // and the known key stays.
        let forged = LawRef {
            hash,
            ..law("us/pl/117-168")
        };
        assert!(!forged.is_of("us/pl/117-167", hash, &known));
        assert_eq!(known.get(), chips.key.as_ptr());
        // An equal key of its own is read, then known.
        let copy = law("us/pl/117-167");
        assert!(copy.is_of("us/pl/117-167", hash, &known));
        assert_eq!(known.get(), copy.key.as_ptr());
    }
}
