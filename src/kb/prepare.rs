//! The names of a knowledge base's entries made ready for the gazetteer:
//! each spelling folded and hashed prefix by prefix, on several threads,
//! before `names` files them on one in the entries' order.

use std::ops::Range;

use super::citations::{citation_key, congress_of};
use super::folding::{fold, token_hash, tokens};
use super::names::{step, NameTarget, START};
use super::spellings::{cased, headed, variants, without_year};
use super::Entry;

/// The names of `entries` made ready to file, in parts of the entries in
/// their order, each part on a thread of its own. Plain threads, not
/// rayon's: the index is built on first use, which may be inside a rayon
/// task, and a rayon thread waiting for its helpers may start another
/// task that waits for this very index.
pub(super) fn prepare(entries: &[Entry]) -> Vec<Prepared<'_>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let part = entries.len().div_ceil(threads).max(1024);
    let mut parts = entries.chunks(part).enumerate();
    let Some((_, own)) = parts.next() else {
        return Vec::new();
    };
    std::thread::scope(|scope| {
        let helpers: Vec<_> = parts
            .map(|(n, entries)| scope.spawn(move || Prepared::of(n * part, entries)))
            .collect();
        let mut prepared = vec![Prepared::of(0, own)];
        // A helper that panicked leaves its entries unnamed rather than
        // taking the knowledge base down.
        prepared.extend(helpers.into_iter().filter_map(|h| h.join().ok()));
        prepared
    })
}

/// Some entries' names made ready to file: each spelling folded, with the
/// hashes of its token prefixes; their names without their year; the keys
/// of their citations, with the Congress each names. Each list is in the
/// entries' order.
#[derive(Default)]
pub(super) struct Prepared<'e> {
    pub(super) names: Vec<(NameTarget, Range<usize>)>,
    /// The prefix hashes of every name, each name's a range of them.
    pub(super) hashes: Vec<u64>,
    pub(super) yearless: Vec<(usize, String, &'e str)>,
    pub(super) citations: Vec<(usize, String, u32)>,
}

impl<'e> Prepared<'e> {
    /// The names of `entries`, the first of them the entry at `first`.
    fn of(first: usize, entries: &'e [Entry]) -> Prepared<'e> {
        let mut prepared = Prepared::default();
        (first..)
            .zip(entries)
            .for_each(|(at, e)| prepared.add(at, e));
        prepared
    }

    /// Make ready the names of `entry`, the entry at `at`.
    fn add(&mut self, at: usize, entry: &'e Entry) {
        for name in std::iter::once(&entry.title).chain(&entry.aliases) {
            if let Some(bare) = without_year(name) {
                self.yearless.push((at, fold(bare), bare));
            }
            for variant in variants(name) {
                let folded = fold(&variant);
                if folded.trim().is_empty() {
                    continue;
                }
                let acronym = variant
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                    && !variant.contains(' ');
                let from = self.hashes.len();
                let mut hash = START;
                for (start, end) in tokens(&folded) {
                    hash = step(hash, token_hash(&folded[start..end]));
                    self.hashes.push(hash);
                }
                let target = NameTarget {
                    entry: at,
                    exact: acronym.then(|| variant.to_string()),
                    cased: cased(&variant),
                    headed: headed(&variant),
                    law: !entry.status.state.never_enacted(),
                    folded,
                };
                self.names.push((target, from..self.hashes.len()));
            }
        }
        for citation in &entry.citations {
            if let Some(key) = citation_key(citation) {
                self.citations.push((at, key, congress_of(citation)));
            }
        }
    }
}

/// The hashes of the token prefixes of a folded name, the whole name's last.
pub(super) fn prefix_hashes(folded: &str) -> Vec<u64> {
    let mut hash = START;
    tokens(folded)
        .map(|(start, end)| {
            hash = step(hash, token_hash(&folded[start..end]));
            hash
        })
        .collect()
}
