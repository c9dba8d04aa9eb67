//! Names of laws, bills, provisions and citations: the knowledge base's
//! titles and aliases (folded for case, apostrophes, hyphens and `U.S.`),
//! citations, law-shaped names copydesk does not know, and acronyms a draft
//! defines. `rules` turns them into findings.

mod amendments;
mod context;
mod lookalikes;
mod rules;

pub use rules::law_findings;

use context::{constitution_of, country_before_dated_constitution, entry_meant, foreign_setting};
use lookalikes::{
    inside_a_longer_proper_name, last_possessive_end, names_something_else, plausible_name,
    riot_act_idiom, tail_of_a_longer_name, written_as_prose,
};

use crate::hashing::DraftSet;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::reuse::Movable;
use super::LawMention;
use crate::kb::citations::{key_of, CITATION};
use crate::kb::{Entry, Kb};
use crate::markdown::Block;
use crate::text::Span;

/// `X Act of YYYY`, `X Act, YYYY`, `X Amendment`, `X Bill`, `X Law`, and
/// `Section N of the X Act`, where X is a run of capitalised words. A word
/// goes on through ASCII letters, digits and `_'’.-`, and any other
/// character but a space, a quotation mark, a dash or an ellipsis: the same
/// words as Unicode's `\w` in prose, with a far smaller automaton.
static LAW_SHAPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:(?-u:\b)(?:Section|Sec\.|Title)\s+[0-9IVXLC]+[a-z]?(?:\([a-z0-9]+\))*\s+of\s+the\s+)?
        (?-u:\b)(?:[A-Z][A-Za-z0-9_'’.\-[^\x00-\x7F\s“”‘„«»‹›—–…•·]]*\s+(?:(?:of|and|for|the|to|on|in|&)\s+)*){1,10}
        (?:Act|Amendment|Bill|Law)(?-u:\b)
        (?:\s+of\s+[0-9]{4}|,\s+[0-9]{4})?",
    )
    .expect("the law-name pattern compiles")
});

/// A year written after a name: ` of 2021`, `, 2021`. Years are ASCII
/// digits, which a year is parsed from; every digit of every script, which
/// `\d` means, made the searches build many times the automaton states.
static TRAILING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s+of\s+|,\s+)([0-9]{4})\b").expect("the year pattern compiles")
});

/// The year at the end of a name as written: `... Act of 2021`.
static WRITTEN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s+of\s+|,\s+)([0-9]{4})$").expect("the year pattern compiles")
});

/// An acronym defined right after a name: ` (USICA)`.
static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\(([A-Z][A-Z0-9&]{1,9})\)").expect("the acronym pattern compiles")
});

/// Capitalised words that start a sentence rather than a name.
const LEADING_WORDS: &[&str] = &[
    "The", "A", "An", "In", "Under", "This", "That", "Its", "Their", "His", "Her", "But", "And",
    "When", "After", "Before", "If", "As", "Since", "While", "Although", "Both", "Neither", "By",
    "With", "Without", "For", "From", "Like", "Unlike", "Despite", "Per", "Once", "Until",
];

/// An acronym a draft defines right after a law's name: ` (USICA)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Acronym {
    pub word: String,
    /// The knowledge-base entry (an index into its entries) it stands for.
    pub entry: usize,
    /// Where the definition ends; uses before it are not bound.
    pub defined_at: usize,
}

/// The law mentions one stretch of prose makes and the acronyms it defines,
/// found from its text alone, so they can be kept while it is unchanged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SegmentLaws {
    pub mentions: Vec<LawMention>,
    pub acronyms: Vec<Acronym>,
}

impl Movable for SegmentLaws {
    fn moved(&self, from: usize, to: usize) -> SegmentLaws {
        SegmentLaws {
            mentions: self
                .mentions
                .iter()
                .map(|m| LawMention {
                    span: m.span.moved(from, to),
                    ..m.clone()
                })
                .collect(),
            acronyms: self
                .acronyms
                .iter()
                .map(|a| Acronym {
                    defined_at: a.defined_at.saturating_sub(from).saturating_add(to),
                    ..a.clone()
                })
                .collect(),
        }
    }
}

/// Every law mention in the prose of `text`, resolved against `kb`.
pub fn find_laws(text: &str, blocks: &[Block], kb: &Kb) -> Vec<LawMention> {
    let found: Vec<(usize, Arc<SegmentLaws>)> = blocks
        .iter()
        .flat_map(|b| &b.segments)
        .map(|&segment| {
            let laws = segment_laws(text, segment, kb);
            (0, Arc::new(laws))
        })
        .collect();
    bind_laws(text, blocks, kb, found)
}

/// This thread's copies of the patterns searched in every segment. A
/// `Regex` shared by threads lends its search caches from one pool, which
/// the first thread to search owns; the others take a lock for every
/// search, which a profile of the workspace scan showed. A copy has a pool
/// of its own.
struct Patterns {
    law_shaped: Regex,
    citation: Regex,
    trailing_year: Regex,
    acronym: Regex,
}

thread_local! {
    static PATTERNS: Patterns = Patterns {
        law_shaped: LAW_SHAPED.clone(),
        citation: CITATION.clone(),
        trailing_year: TRAILING_YEAR.clone(),
        acronym: ACRONYM.clone(),
    };
}

/// The law mentions of one segment of prose, and the acronyms it defines.
pub fn segment_laws(text: &str, segment: Span, kb: &Kb) -> SegmentLaws {
    PATTERNS.with(|patterns| segment_laws_with(text, segment, kb, patterns))
}

fn segment_laws_with(text: &str, segment: Span, kb: &Kb, patterns: &Patterns) -> SegmentLaws {
    let names = kb.names();
    let mut mentions: Vec<LawMention> = Vec::new();
    let mut acronyms: Vec<Acronym> = Vec::new();
    let prose = segment.slice(text);
    // Known names.
    {
        for found in names.find_in(prose) {
            let target = &names.targets[found.target];
            let start = found.start;
            let mut end = found.end;
            if let Some(exact) = &target.exact {
                if &prose[start..end] != exact {
                    continue;
                }
            }
            let written = &prose[start..end];
            let before = &prose[..start];
            let previous_end = mentions.last().map(|m| m.span.end - segment.start);
            if written_as_prose(target, written)
                || inside_a_longer_proper_name(before, written, &prose[end..])
                || names_something_else(before, written, &prose[end..])
                || riot_act_idiom(before, written)
                || tail_of_a_longer_name(before, written, previous_end)
            {
                continue;
            }
            let Some(entry_at) = entry_meant(kb, before, written, target.entry) else {
                let span = Span::new(segment.start + start, segment.start + end);
                mentions.push(unknown(text, span));
                continue;
            };
            let entry = &kb.entries()[entry_at];
            // A year written after a name that has none: keep it in the
            // mention so a wrong year can be flagged.
            if let Some(year) = patterns.trailing_year.captures(&prose[end..]) {
                if !prose[start..end]
                    .chars()
                    .rev()
                    .take(4)
                    .all(|c| c.is_ascii_digit())
                    && year.get(1).is_some()
                {
                    end += year.get(0).map_or(0, |m| m.end());
                }
            }
            let span = Span::new(segment.start + start, segment.start + end);
            if let Some(acronym) = patterns.acronym.captures(&prose[end..]) {
                if let Some(word) = acronym.get(1) {
                    acronyms.push(Acronym {
                        word: word.as_str().to_string(),
                        entry: entry_at,
                        defined_at: segment.start + end,
                    });
                }
            }
            mentions.push(known(text, span, entry));
        }
    }
    // Amendments named together: `the First and 14th amendments`.
    for (start, end, entry) in amendments::listed_amendments(prose, kb) {
        let span = Span::new(segment.start + start, segment.start + end);
        if !overlaps_any(&mentions, span) {
            mentions.push(known(text, span, &kb.entries()[entry]));
        }
    }
    // A country's constitution named with the year it was adopted:
    // `Japan's 1947 constitution`.
    for (at, _) in prose.match_indices("onstitution") {
        let Some(start) = at
            .checked_sub(1)
            .filter(|&s| matches!(prose.as_bytes()[s], b'C' | b'c'))
        else {
            continue;
        };
        let end = at + "onstitution".len();
        if prose[end..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let Some((from, country)) = country_before_dated_constitution(&prose[..start]) else {
            continue;
        };
        let span = Span::new(segment.start + from, segment.start + end);
        if let Some(entry) = constitution_of(kb, country).filter(|_| !overlaps_any(&mentions, span))
        {
            mentions.push(known(text, span, &kb.entries()[entry]));
        }
    }
    // Citations, which all carry a number and one of a few marks.
    for caps in patterns
        .citation
        .captures_iter(if may_cite(prose) { prose } else { "" })
    {
        let Some(whole) = caps.get(0) else { continue };
        let span = Span::new(segment.start + whole.start(), segment.start + whole.end());
        if overlaps_any(&mentions, span) {
            continue;
        }
        let entry = key_of(&caps)
            .and_then(|key| names.citations.get(&key))
            .map(|&i| &kb.entries()[i]);
        mentions.push(match entry {
            Some(entry) => known(text, span, entry),
            None => unknown(text, span),
        });
    }
    // Law-shaped names copydesk does not know.
    for found in patterns
        .law_shaped
        .find_iter(if has_law_word(prose) { prose } else { "" })
    {
        let mut start = found.start();
        let end = found.end();
        // `Harvard Law School` is not a law.
        if prose[end..]
            .trim_start_matches([' ', '\t'])
            .starts_with(|c: char| c.is_uppercase())
            && prose[end..].starts_with(' ')
        {
            continue;
        }
        while let Some(first) = prose[start..end].split_whitespace().next() {
            if LEADING_WORDS.contains(&first) || first.starts_with(char::is_lowercase) {
                start += first.len();
                start += prose[start..end].len() - prose[start..end].trim_start().len();
            } else {
                break;
            }
        }
        // Whose law it is comes before its name: `Sen. Bernie Sanders’
        // College for All Act` is the College for All Act. A name of two
        // words is the possessive's own (`Megan's Law`).
        if let Some(owner_end) = last_possessive_end(&prose[start..end]) {
            let rest = prose[start + owner_end..end].trim_start();
            if rest.split_whitespace().count() >= 2 {
                start = end - rest.len();
            }
        }
        let name = &prose[start..end];
        if name.split_whitespace().count() < 2
            || !plausible_name(name, &prose[end..])
            || riot_act_idiom(&prose[..start], name)
        {
            continue;
        }
        let span = Span::new(segment.start + start, segment.start + end);
        if overlaps_any(&mentions, span) {
            continue;
        }
        mentions.push(unknown(text, span));
    }
    mentions.sort_by_key(|m| m.span.start);
    SegmentLaws { mentions, acronyms }
}

/// The mentions of every segment, in order, with the uses of the acronyms
/// the draft defined bound to their laws. Each segment's mentions come with
/// the offset their spans count from.
pub fn bind_laws(
    text: &str,
    blocks: &[Block],
    kb: &Kb,
    found: Vec<(usize, Arc<SegmentLaws>)>,
) -> Vec<LawMention> {
    let mut mentions: Vec<LawMention> = Vec::new();
    let mut acronyms: Vec<Acronym> = Vec::new();
    for (base, segment) in &found {
        let moved = segment.moved(0, *base);
        mentions.extend(moved.mentions);
        acronyms.extend(moved.acronyms);
    }
    // Acronyms the draft defined, used after their definition. A later
    // definition of the same acronym for the same law binds nothing the
    // first did not.
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    set_abroad(text, kb, &mut mentions);
    let mut bound = Vec::new();
    let mut seen: DraftSet<(&str, usize)> = DraftSet::default();
    for acronym in &acronyms {
        if !seen.insert((acronym.word.as_str(), acronym.entry)) {
            continue;
        }
        let entry = &kb.entries()[acronym.entry];
        for segment in blocks.iter().flat_map(|b| &b.segments) {
            let prose = segment.slice(text);
            for (at, _) in prose.match_indices(acronym.word.as_str()) {
                let start = segment.start + at;
                let end = start + acronym.word.len();
                let before = text[..start].chars().next_back();
                let after = text[end..].chars().next();
                if start < acronym.defined_at
                    || before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                let span = Span::new(start, end);
                if !overlaps_sorted(&mentions, span) && !overlaps_any(&bound, span) {
                    bound.push(known(text, span, entry));
                }
            }
        }
    }
    if !bound.is_empty() {
        mentions.extend(bound);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
    mentions
}

/// `the Constitution` in sentences about another country is that
/// country's: the one copydesk knows, or no law it knows.
fn set_abroad(text: &str, kb: &Kb, mentions: &mut Vec<LawMention>) {
    const AMERICAN: &str = "us/provision/constitution";
    mentions.retain_mut(|mention| {
        if mention.text != "Constitution"
            || mention.id.as_ref().is_none_or(|id| id.as_str() != AMERICAN)
        {
            return true;
        }
        let Some(country) = foreign_setting(text, mention.span.start) else {
            return true;
        };
        match constitution_of(kb, country) {
            Some(entry) => {
                *mention = known(text, mention.span, &kb.entries()[entry]);
                true
            }
            None => false,
        }
    });
}

/// Whether `span` overlaps a mention of `sorted`, which is in order of
/// start and has no overlaps of its own: only the mentions on either side
/// of where `span` would go can.
fn overlaps_sorted(sorted: &[LawMention], span: Span) -> bool {
    let at = sorted.partition_point(|m| m.span.start < span.start);
    sorted[at.saturating_sub(1)..(at + 1).min(sorted.len())]
        .iter()
        .any(|m| m.span.overlaps(span))
}

/// Whether `prose` has a word `LAW_SHAPED` can end on: `Act`, `Amendment`,
/// `Bill` or `Law`, with no ASCII letter, digit or underscore on either
/// side. Every match has one, so prose without one is not searched.
fn has_law_word(prose: &str) -> bool {
    let bytes = prose.as_bytes();
    let word_byte = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    memchr::memchr3_iter(b'A', b'B', b'L', bytes).any(|at| {
        let rest = &bytes[at..];
        let len = ["Act", "Amendment", "Bill", "Law"]
            .iter()
            .find(|w| rest.starts_with(w.as_bytes()))
            .map(|w| w.len());
        len.is_some_and(|len| (at == 0 || !word_byte(at - 1)) && !word_byte(at + len))
    })
}

/// Whether `prose` may hold a citation: every `CITATION` match has a digit
/// and one of `L.`, `Law`, `S.`, `R.`, `Stat.` and `USC` (which `Pub. L.`,
/// `P.L.`, `Public Law`, `U.S.C.`, `USC`, `S. 1`, `H.R. 1` and `Stat.` all
/// contain), so prose without them is not searched.
fn may_cite(prose: &str) -> bool {
    let bytes = prose.as_bytes();
    let marked = memchr::memchr_iter(b'.', bytes)
        .any(|at| at > 0 && matches!(bytes[at - 1], b'L' | b'S' | b'R' | b't'))
        || memchr::memmem::find(bytes, b"Law").is_some()
        || memchr::memmem::find(bytes, b"USC").is_some();
    marked && bytes.iter().any(u8::is_ascii_digit)
}

fn overlaps_any(mentions: &[LawMention], span: Span) -> bool {
    mentions.iter().any(|m| m.span.overlaps(span))
}

fn known(text: &str, span: Span, entry: &Entry) -> LawMention {
    LawMention {
        span,
        text: span.slice(text).to_string(),
        id: Some(entry.id.clone()),
        title: Some(entry.title.clone()),
        status: Some(entry.status.short()),
    }
}

fn unknown(text: &str, span: Span) -> LawMention {
    LawMention {
        span,
        text: span.slice(text).to_string(),
        id: None,
        title: None,
        status: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn law_shaped_names_take_letters_of_any_script_but_not_quotation_marks() {
        fn found(prose: &str) -> Option<&str> {
            LAW_SHAPED.find(prose).map(|m| m.as_str())
        }
        assert_eq!(
            found("under the José Martí Cultural Act, she said"),
            Some("José Martí Cultural Act")
        );
        assert_eq!(
            found("“We back Müller’s Bill” he said"),
            Some("Müller’s Bill")
        );
        assert_eq!(found("they said “Smith” Bill was late"), None);
        assert_eq!(found("the Ærø—Bill"), None);
    }

    #[test]
    fn the_quick_checks_turn_away_only_prose_the_patterns_find_nothing_in() {
        assert!(!has_law_word(
            "Lawmakers said the Billion-dollar Acts were Actually late."
        ));
        assert!(has_law_word("the Clean Air Act."));
        assert!(has_law_word("Amendment"));
        assert!(!may_cite("In 2022 the mayor spoke."));
        assert!(may_cite("Pub. L. 117-167"));
        // Random runs of words the patterns are made of, joined by every
        // sort of space: whatever a pattern finds, its check lets through.
        let words = [
            "Act",
            "Acts",
            "Actually",
            "_Act",
            "Act_",
            "ÀAct",
            "Actè",
            "Law",
            "Lawmakers",
            "Bill",
            "Billion",
            "Amendment",
            "Public",
            "Pub.",
            "L.",
            "P.",
            "P.L.",
            "No.",
            "117-167",
            "117–167",
            "42",
            "U.",
            "S.",
            "C.",
            "U.S.C.",
            "USC",
            "§",
            "1983",
            "2022",
            "Stat.",
            "H.",
            "R.",
            "H.R.",
            "Sec.",
            "Section",
            "Title",
            "IV",
            "of",
            "the",
            "and",
            "Clean",
            "Air",
            "Water",
            "Éire",
            "O’Neill",
            "St.",
            "a",
            "(b)",
            "Wolf",
        ];
        let spaces = [" ", " ", " ", "\u{a0}", "\u{2003}", "\n", "", ", ", "\t"];
        let mut rng = crate::random::Rng::new(1);
        for _ in 0..20_000 {
            let mut prose = String::new();
            for _ in 0..rng.below(9) + 1 {
                prose.push_str(rng.pick(&words));
                prose.push_str(rng.pick(&spaces));
            }
            if LAW_SHAPED.is_match(&prose) {
                assert!(has_law_word(&prose), "{prose:?} has a law-shaped name");
            }
            if CITATION.is_match(&prose) {
                assert!(may_cite(&prose), "{prose:?} has a citation");
            }
        }
    }
}
