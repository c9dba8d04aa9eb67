//! The lookup structures built once per knowledge base: a gazetteer of
//! every folded title and alias, and the citation keys.
//!
//! The gazetteer works on words. Folded text is read as tokens (runs of
//! letters and digits, and single marks of punctuation; spaces only
//! separate), and every name is filed under the hash of each of its token
//! prefixes. Scanning walks forward from each token while the prefix is
//! known, keeping the longest whole name: leftmost-longest matching at
//! word boundaries, in one hash probe for most words of prose. Prose is
//! read as folded tokens and their hashes in one pass (`folding::scan`),
//! which keeps each token's place in the original and makes no folded
//! copy; a match is confirmed word by word against the name. Building it costs one probe per
//! prefix, so a knowledge base of every bill of several Congresses loads in
//! a fraction of the time an automaton over all their characters takes;
//! the names are spelled, folded and hashed on several threads first, and
//! filed on one in the entries' order.

use crate::hashing::QuickBuild;
use std::collections::HashMap;

use super::filter::PrefixFilter;
use super::folding::{folds_to, scan, tokens, Token};
use super::prepare::{prefix_hashes, prepare};
use super::spellings::{cased, headed};
use super::Entry;

/// What one gazetteer name names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameTarget {
    /// Index into the knowledge base's entries.
    pub entry: usize,
    /// For acronyms (`USICA`, `ACA`): the exact spelling a match must have.
    pub exact: Option<String>,
    /// Whether every spelling of the name has a capital letter: then prose
    /// that writes it all in lower case (`read the riot act`) does not name
    /// it. `2018 farm bill` is written in lower case and matches so.
    pub cased: bool,
    /// Whether every spelling of the name is in title case, its first
    /// word capitalised and a later one too (`Remain in Mexico`): then
    /// prose that writes the first word in lower case and a later one
    /// capitalised (`told to remain in Mexico`) does not name it.
    pub headed: bool,
    /// Whether the entry is law (or a treaty, provision or regulation),
    /// not a bill that never became law.
    pub(super) law: bool,
    /// The folded name, to confirm a match.
    pub(super) folded: String,
}

/// A name found in a text: byte offsets into it, and its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMatch {
    pub start: usize,
    pub end: usize,
    pub target: usize,
}

/// One token prefix of one or more names.
#[derive(Clone, Copy, Debug)]
struct Prefix {
    /// The name that is exactly this prefix, when one is.
    target: Option<u32>,
    /// Whether some name goes on past it.
    longer: bool,
}

/// The gazetteer and citation index of a knowledge base.
#[derive(Clone, Debug, Default)]
pub struct NameIndex {
    prefixes: HashMap<u64, Prefix, QuickBuild>,
    /// A bit for the top bits of each prefix's hash: most words of prose
    /// begin no name, and a clear bit says so without a probe of the map.
    filter: PrefixFilter,
    pub targets: Vec<NameTarget>,
    /// `citation_key` of every citation of every entry.
    pub citations: HashMap<String, usize>,
}

impl NameIndex {
    pub fn new(entries: &[Entry]) -> NameIndex {
        let mut index = NameIndex::default();
        // Each entry's names are spelled, folded and hashed apart from the
        // others, on every core; they are filed in the entries' order,
        // since the first entry to file a name keeps it.
        let prepared = prepare(entries);
        let names: usize = prepared.iter().map(|p| p.names.len()).sum();
        // Names share most of their prefixes: two or three prefixes a name,
        // where a name has five or six.
        index.prefixes.reserve(names * 2);
        index.targets.reserve(names);
        // The newest Congress of each bill citation, with the entry it is
        // of.
        let mut newest: HashMap<String, (u32, usize), QuickBuild> = HashMap::default();
        // Each name's form without its year (`Military Commissions Act` of
        // `... Act of 2006`), folded, in the order first met, with the
        // name as written and its entry, or none when entries share it.
        let mut yearless: Vec<(String, &str, Option<usize>)> = Vec::new();
        let mut yearless_at: HashMap<String, usize, QuickBuild> = HashMap::default();
        for chunk in prepared {
            for (at, folded, bare) in chunk.yearless {
                match yearless_at.get(&folded) {
                    Some(&seen) if yearless[seen].2 != Some(at) => yearless[seen].2 = None,
                    Some(_) => {}
                    None => {
                        yearless_at.insert(folded.clone(), yearless.len());
                        yearless.push((folded, bare, Some(at)));
                    }
                }
            }
            for (target, hashes) in chunk.names {
                index.add(target, &chunk.hashes[hashes]);
            }
            for (at, key, congress) in chunk.citations {
                // A bill number written without its Congress means the
                // most recent bill of that number copydesk knows.
                match newest.get_mut(&key) {
                    Some(seen) if seen.0 >= congress => {}
                    Some(seen) => *seen = (congress, at),
                    None => {
                        newest.insert(key, (congress, at));
                    }
                }
            }
        }
        index.citations = newest.into_iter().map(|(key, (_, at))| (key, at)).collect();
        // A law's name without its year is that law's when no other entry
        // has the name, with or without a year: copy writes `the Military
        // Commissions Act`, and `the Official Secrets Act` (1911, 1923 and
        // 1989) stays a name copydesk cannot tell apart.
        drop(yearless_at);
        for (folded, bare, owner) in yearless {
            let Some(at) = owner else { continue };
            if index.has_name(&folded) {
                continue;
            }
            let hashes = prefix_hashes(&folded);
            index.add(
                NameTarget {
                    entry: at,
                    exact: None,
                    cased: cased(bare),
                    headed: headed(bare),
                    law: !entries[at].status.state.never_enacted(),
                    folded,
                },
                &hashes,
            );
        }
        index.filter = PrefixFilter::new(index.prefixes.keys().copied());
        index
    }

    /// Whether a name folded as `folded` is filed.
    fn has_name(&self, folded: &str) -> bool {
        prefix_hashes(folded)
            .last()
            .and_then(|hash| self.prefixes.get(hash))
            .is_some_and(|p| p.target.is_some())
    }

    /// File `target` under its prefixes, whose hashes are `hashes`. A
    /// name already filed keeps its first entry, unless that is a bill that
    /// never became law and `target`'s is law.
    fn add(&mut self, mut target: NameTarget, hashes: &[u64]) {
        let id = self.targets.len() as u32;
        let mut used = false;
        for (n, &hash) in hashes.iter().enumerate() {
            let last = n + 1 == hashes.len();
            let prefix = self.prefixes.entry(hash).or_insert(Prefix {
                target: None,
                longer: false,
            });
            if !last {
                prefix.longer = true;
            } else if let Some(filed) = prefix.target {
                let Some(filed_target) = self.targets.get_mut(filed as usize) else {
                    continue;
                };
                if target.law && !filed_target.law {
                    // A law and a bill that never became law by one name
                    // (a companion bill, a vehicle's first name): the name
                    // is the law's.
                    target.cased &= filed_target.cased;
                    target.headed &= filed_target.headed;
                    prefix.target = Some(id);
                    used = true;
                } else {
                    // The same name spelled again: lower case anywhere
                    // makes lower case a way to write it, and a spelling
                    // that is no acronym (`Nafta` beside `NAFTA`) lets the
                    // name be written other than in capitals.
                    filed_target.cased &= target.cased;
                    filed_target.headed &= target.headed;
                    if filed_target.entry == target.entry && target.exact.is_none() {
                        filed_target.exact = None;
                    }
                }
            } else {
                prefix.target = Some(id);
                used = true;
            }
        }
        if used {
            self.targets.push(target);
        }
    }

    /// Every name in `text`, as folded by `fold`, leftmost-longest (unless
    /// a longer name starts inside the leftmost and ends past it), not
    /// overlapping, each starting and ending at a word boundary, with its
    /// place in `text`. Each word of a match, folded, is the name's word.
    pub fn find_in(&self, text: &str) -> Vec<NameMatch> {
        let mut found = Vec::new();
        if self.targets.is_empty() {
            return found;
        }
        let words = scan(text);
        let mut i = 0;
        while i < words.len() {
            let Some((j, target)) = self.longest_at(text, &words, i) else {
                i += 1;
                continue;
            };
            // A longer name that starts inside this one and ends past it
            // is the one meant: `China's national security law for Hong
            // Kong` is the law for Hong Kong, not China's own.
            let (start, end, target) = (i + 1..=j)
                .find_map(|k| {
                    let (end, other) = self.longest_at(text, &words, k)?;
                    let longer = words[end].end - words[k].start > words[j].end - words[i].start;
                    (end > j && longer).then_some((k, end, other))
                })
                .unwrap_or((i, j, target));
            found.push(NameMatch {
                start: words[start].start,
                end: words[end].end,
                target: target as usize,
            });
            i = end + 1;
        }
        found
    }

    /// The longest name starting at word `i` of `words`: the index of its
    /// last word and its target.
    fn longest_at(&self, text: &str, words: &[Token], i: usize) -> Option<(usize, u32)> {
        let mut hash = START;
        let mut best = None;
        for (j, word) in words.iter().enumerate().skip(i) {
            hash = step(hash, word.hash);
            if !self.filter.may_hold(hash) {
                break;
            }
            let Some(prefix) = self.prefixes.get(&hash) else {
                break;
            };
            if let Some(target) = prefix.target {
                if self.confirms(target, text, &words[i..=j]) {
                    best = Some((j, target));
                }
            }
            if !prefix.longer {
                break;
            }
        }
        best
    }

    /// Whether the words of `text` fold to the target's name, and the
    /// hashes that led to it did not collide.
    fn confirms(&self, target: u32, text: &str, words: &[Token]) -> bool {
        let name = &self.targets[target as usize].folded;
        let mut names = tokens(name);
        words.iter().all(|word| {
            names
                .next()
                .is_some_and(|(s, e)| folds_to(&text[word.start..word.end], &name[s..e]))
        }) && names.next().is_none()
    }
}

pub(super) const START: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of a token prefix extended by a token with hash `token`, mixed
/// into its top bits, which `PrefixFilter` reads.
#[inline]
pub(super) fn step(hash: u64, token: u64) -> u64 {
    let mixed = (hash.rotate_left(23) ^ token).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    mixed ^ (mixed >> 29)
}

#[cfg(test)]
mod tests {
    use super::super::folding::fold;
    use super::super::spellings::without_year;
    use super::*;

    fn entry(id: &str, title: &str, aliases: &[&str]) -> Entry {
        let toml = format!(
            "[[entry]]\nid = \"{id}\"\nkind = \"law\"\njurisdiction = \"us\"\n\
             title = \"{title}\"\naliases = {aliases:?}\nstatus = {{ state = \"enacted\" }}\n\
             summary = \"s\"\nsources = []\n"
        );
        crate::kb::builtin::parse_file(&toml).unwrap().remove(0)
    }

    fn found(index: &NameIndex, text: &str) -> Vec<(String, usize)> {
        index
            .find_in(text)
            .into_iter()
            .map(|m| (fold(&text[m.start..m.end]), index.targets[m.target].entry))
            .collect()
    }

    #[test]
    fn the_gazetteer_finds_whole_names_leftmost_longest() {
        let index = NameIndex::new(&[
            entry("a", "Clean Air Act", &["Clean Air Act of 1963"]),
            entry("b", "Clean Air Act Amendments of 1990", &[]),
            entry("c", "U.S. Harbor Act", &["Harbor Act"]),
        ]);
        assert_eq!(
            found(
                &index,
                "The Clean Air Act Amendments of 1990 revised the Clean Air Act."
            ),
            vec![
                ("clean air act amendments of 1990".to_string(), 1),
                ("clean air act".to_string(), 0)
            ]
        );
        // A name inside a longer word, or cut short, is not a mention.
        assert_eq!(found(&index, "UnClean Air Acts and the Clean Air"), vec![]);
        // Spelling variants of United States, and punctuation around names.
        assert_eq!(
            found(&index, "(United States Harbor Act), Harbor Act."),
            vec![
                ("united states harbor act".to_string(), 2),
                ("harbor act".to_string(), 2)
            ]
        );
        // A name without its year is the one law that has it ...
        assert_eq!(
            found(&index, "the Clean Air Act Amendments were"),
            vec![("clean air act amendments".to_string(), 1)]
        );
        // ... and no law's when two have it, so the name falls back to a
        // shorter one after a longer prefix.
        let two = NameIndex::new(&[
            entry("a", "Clean Air Act", &[]),
            entry("b", "Clean Air Act Amendments of 1990", &[]),
            entry("e", "Clean Air Act Amendments of 1977", &[]),
        ]);
        assert_eq!(
            found(&two, "the Clean Air Act Amendments were"),
            vec![("clean air act".to_string(), 0)]
        );
        assert_eq!(
            without_year("Anti-Homosexuality Act, 2023"),
            Some("Anti-Homosexuality Act")
        );
        assert_eq!(
            without_year("Official Secrets Act 1989"),
            Some("Official Secrets Act")
        );
        assert_eq!(
            without_year("Fair Housing Act of 1968"),
            Some("Fair Housing Act")
        );
        assert_eq!(without_year("Equality Act"), None);
        assert_eq!(without_year("Class of 2024"), None);
        assert_eq!(without_year("Act 2024"), None);
        assert_eq!(found(&NameIndex::new(&[]), "Clean Air Act"), vec![]);
        // Curly apostrophes, dashes, capitals and accents fold; a word that
        // folds to more than the name's word (`İ` is `i` and a dot) is not it.
        let index = NameIndex::new(&[
            entry("d", "Müller’s Clean-Water Act", &[]),
            entry("e", "Tax Omnibus Pi", &[]),
        ]);
        assert_eq!(
            found(&index, "MÜLLER'S CLEAN — WATER ACT, and Tax Omnibus PI"),
            vec![
                ("müller's clean water act".to_string(), 0),
                ("tax omnibus pi".to_string(), 1)
            ]
        );
        assert_eq!(found(&index, "the Tax Omnibus Pİ"), vec![]);
    }

    #[test]
    fn a_bill_number_without_its_congress_means_the_newest_bill() {
        let mut old = entry("old", "Old Act", &[]);
        old.citations = vec!["H.R. 1 (115th Congress)".to_string()];
        let mut new = entry("new", "New Act", &[]);
        new.citations = vec!["H.R. 1 (118th Congress)".to_string()];
        let mut plain = entry("plain", "Plain Act", &[]);
        plain.citations = vec!["H.R. 1".to_string()];
        let index = NameIndex::new(&[old.clone(), new.clone(), plain.clone()]);
        assert_eq!(index.citations.get("hr:1"), Some(&1));
        let index = NameIndex::new(&[new, old, plain]);
        assert_eq!(index.citations.get("hr:1"), Some(&0));
    }

    #[test]
    fn names_made_ready_in_parts_are_filed_in_the_entries_order() {
        // More entries than one part holds: the parts go to other threads,
        // and the first entry to file a name still keeps it.
        let mut entries: Vec<Entry> = (0..3_000)
            .map(|n| entry(&format!("e{n}"), &format!("Harbor Number {n} Act"), &[]))
            .collect();
        entries[10].aliases.push("Shared Harbor Act".to_string());
        entries[2_900].aliases.push("Shared Harbor Act".to_string());
        let index = NameIndex::new(&entries);
        assert_eq!(
            found(
                &index,
                "the Harbor Number 2500 Act and the Shared Harbor Act"
            ),
            vec![
                ("harbor number 2500 act".to_string(), 2_500),
                ("shared harbor act".to_string(), 10)
            ]
        );
    }

    #[test]
    fn a_name_named_twice_keeps_its_first_entry() {
        let index = NameIndex::new(&[
            entry("a", "Harbor Act", &[]),
            entry("b", "Harbor Act", &["Second Harbor Act"]),
        ]);
        assert_eq!(
            found(&index, "Harbor Act"),
            vec![("harbor act".to_string(), 0)]
        );
        assert_eq!(
            found(&index, "Second Harbor Act"),
            vec![("second harbor act".to_string(), 1)]
        );
    }

    #[test]
    fn a_longer_name_starting_inside_a_match_and_ending_past_it_wins() {
        let index = NameIndex::new(&[
            entry("a", "China's national security law", &[]),
            entry("b", "national security law for Hong Kong", &[]),
        ]);
        assert_eq!(
            found(
                &index,
                "China's national security law for Hong Kong and China's national security law"
            ),
            vec![
                ("national security law for hong kong".to_string(), 1),
                ("china's national security law".to_string(), 0)
            ]
        );
    }

    #[test]
    fn abbreviations_are_spelled_with_and_without_their_points() {
        let index = NameIndex::new(&[
            entry(
                "a",
                "Article 51 of the U.N. Charter",
                &["UK Online Safety Act"],
            ),
            entry("b", "Sentence case rule", &["Commerce Clause"]),
        ]);
        assert_eq!(
            found(
                &index,
                "Article 51 of the UN Charter; the U.K. Online Safety Act"
            ),
            vec![
                ("article 51 of the un charter".to_string(), 0),
                ("u.k. online safety act".to_string(), 0)
            ]
        );
        // Only statutes' names are too proper to be written in lower case.
        let cased: Vec<(&str, bool)> = index
            .targets
            .iter()
            .map(|t| (t.folded.as_str(), t.cased))
            .filter(|(name, _)| !name.contains('.'))
            .collect();
        assert_eq!(
            cased,
            [
                ("article 51 of the un charter", false),
                ("uk online safety act", true),
                ("sentence case rule", false),
                ("commerce clause", false)
            ]
        );
    }

    #[test]
    fn a_name_shared_by_a_bill_and_a_law_is_the_laws() {
        let mut bill = entry("bill", "Lantern Act", &["lantern act"]);
        bill.status.state = crate::kb::StatusState::PassedSenate;
        let law = entry("law", "Lantern Act", &[]);
        for entries in [vec![bill.clone(), law.clone()], vec![law, bill]] {
            let index = NameIndex::new(&entries);
            let at = index.find_in("the Lantern Act")[0].target;
            assert_eq!(entries[index.targets[at].entry].id.as_str(), "law");
        }
    }
}
