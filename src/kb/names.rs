//! The lookup structures built once per knowledge base: an aho-corasick
//! automaton over every folded title and alias, and the citation keys.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::Entry;

/// What one gazetteer pattern names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameTarget {
    /// Index into the knowledge base's entries.
    pub entry: usize,
    /// For acronyms (`USICA`, `ACA`): the exact spelling a match must have.
    pub exact: Option<String>,
}

/// The gazetteer and citation index of a knowledge base.
#[derive(Clone, Debug)]
pub struct NameIndex {
    pub automaton: Option<AhoCorasick>,
    pub targets: Vec<NameTarget>,
    /// `citation_key` of every citation of every entry.
    pub citations: HashMap<String, usize>,
}

impl NameIndex {
    pub fn new(entries: &[Entry]) -> NameIndex {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets = Vec::new();
        let mut citations = HashMap::new();
        let mut seen: HashSet<String> = HashSet::new();
        for (index, entry) in entries.iter().enumerate() {
            for name in std::iter::once(&entry.title).chain(&entry.aliases) {
                for variant in variants(name) {
                    let folded = fold(&variant).text;
                    if folded.trim().is_empty() || !seen.insert(folded.clone()) {
                        continue;
                    }
                    let acronym = variant
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                        && !variant.contains(' ');
                    patterns.push(folded);
                    targets.push(NameTarget {
                        entry: index,
                        exact: acronym.then(|| variant.clone()),
                    });
                }
            }
            for citation in &entry.citations {
                if let Some(key) = citation_key(citation) {
                    citations.entry(key).or_insert(index);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        NameIndex {
            automaton,
            targets,
            citations,
        }
    }
}

/// A name and its spelling with `U.S.` for `United States` and back.
fn variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    if name.contains("United States") {
        out.push(name.replace("United States", "U.S."));
    }
    if name.contains("U.S.") {
        out.push(name.replace("U.S.", "United States"));
    }
    out
}

/// Text folded for matching names, and the way back to the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// For every folded byte and one past the end, the byte offset in the
    /// original it came from; `None` when folding kept every offset.
    offsets: Option<Vec<usize>>,
}

impl Folded {
    /// The offset in the original text of folded byte `at`.
    pub fn original(&self, at: usize) -> usize {
        match &self.offsets {
            Some(offsets) => offsets[at],
            None => at,
        }
    }
}

/// `text` folded for matching names: lower case, curly apostrophes
/// straightened, hyphens and dashes as spaces, runs of white space as one
/// space.
pub fn fold(text: &str) -> Folded {
    // Plain ASCII with no run of white space folds byte for byte.
    let bytes = text.as_bytes();
    let simple = bytes.is_ascii()
        && !bytes
            .windows(2)
            .any(|w| w[0].is_ascii_whitespace() && (w[1].is_ascii_whitespace() || w[1] == b'-'))
        && !bytes
            .windows(2)
            .any(|w| w[0] == b'-' && w[1].is_ascii_whitespace());
    if simple {
        let folded: String = bytes
            .iter()
            .map(|&b| match b {
                b'-' => ' ',
                b if b.is_ascii_whitespace() => ' ',
                b => b.to_ascii_lowercase() as char,
            })
            .collect();
        return Folded {
            text: folded,
            offsets: None,
        };
    }
    let mut folded = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut last_space = false;
    for (at, ch) in text.char_indices() {
        let mapped = match ch {
            '’' | '‘' => '\'',
            '-' | '–' | '—' | '\u{2010}' | '\u{2011}' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if mapped == ' ' {
            if last_space {
                continue;
            }
            last_space = true;
        } else {
            last_space = false;
        }
        if mapped.is_ascii() {
            folded.push(mapped.to_ascii_lowercase());
            offsets.push(at);
            continue;
        }
        for lower in mapped.to_lowercase() {
            let before = folded.len();
            folded.push(lower);
            offsets.extend(std::iter::repeat_n(at, folded.len() - before));
        }
    }
    offsets.push(text.len());
    Folded {
        text: folded,
        offsets: Some(offsets),
    }
}

/// Citations copydesk reads: public laws, the U.S. Code, the Statutes at
/// Large, House and Senate bills.
pub static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?:Pub\.\s?L\.|Public\s+Law|P\.\s?L\.)\s*(?:No\.\s*)?(?P<pl>\d{2,3})[-–](?P<pln>\d{1,4})\b
        | \b(?P<usct>\d{1,2})\s+U\.\s?S\.\s?C\.?\s+(?:§+\s*)?(?P<uscs>\d+[a-z]?)\b
        | \b(?P<statv>\d{1,3})\s+Stat\.\s+(?P<statp>\d{1,5})\b
        | \bH\.\s?R\.\s+(?P<hr>\d{1,5})\b
        | \bS\.\s+(?P<s>\d{1,5})\b",
    )
    .expect("the citation pattern compiles")
});

/// A key that is the same for every way of writing one citation:
/// `Pub. L. 117-167`, `Public Law 117-167` and `P.L. 117-167` all give
/// `pl:117-167`.
pub fn citation_key(citation: &str) -> Option<String> {
    if let Some(key) = canonical_key(citation) {
        return Some(key);
    }
    let caps = CITATION.captures(citation)?;
    key_of(&caps)
}

/// The key of a citation written the way entries write them (`Pub. L.
/// 117-167`, `H.R. 4346 (117th Congress)`, `S. 1260`), without the regex:
/// loading a large knowledge base reads hundreds of thousands of them.
/// Anything else is left to the pattern.
fn canonical_key(citation: &str) -> Option<String> {
    let digits = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    let number = |rest: &str| {
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let tail = &rest[end..];
        (digits(&rest[..end]) && (tail.is_empty() || tail.starts_with(" (")))
            .then(|| rest[..end].to_string())
    };
    if let Some(rest) = citation.strip_prefix("Pub. L. ") {
        let (congress, law) = rest.split_once('-')?;
        return (congress.len() >= 2
            && congress.len() <= 3
            && digits(congress)
            && law.len() <= 4
            && digits(law))
        .then(|| format!("pl:{congress}-{law}"));
    }
    if let Some(rest) = citation.strip_prefix("H.R. ") {
        return number(rest).map(|n| format!("hr:{n}"));
    }
    if let Some(rest) = citation.strip_prefix("S. ") {
        return number(rest).map(|n| format!("s:{n}"));
    }
    None
}

/// The key of a citation match.
pub fn key_of(caps: &regex::Captures<'_>) -> Option<String> {
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    if let (Some(congress), Some(number)) = (get("pl"), get("pln")) {
        Some(format!("pl:{congress}-{number}"))
    } else if let (Some(title), Some(section)) = (get("usct"), get("uscs")) {
        Some(format!("usc:{title}:{section}"))
    } else if let (Some(volume), Some(page)) = (get("statv"), get("statp")) {
        Some(format!("stat:{volume}:{page}"))
    } else if let Some(number) = get("hr") {
        Some(format!("hr:{number}"))
    } else {
        get("s").map(|number| format!("s:{number}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_maps_back_to_the_original_offsets() {
        let text = "The  CHIPS-and Science’s";
        let folded = fold(text);
        assert_eq!(folded.text, "the chips and science's");
        let at = folded.text.find("science").unwrap();
        assert_eq!(&text[folded.original(at)..], "Science’s");
        assert_eq!(folded.original(folded.text.len()), text.len());
        let plain = fold("The CHIPS-and Science Act");
        assert_eq!(plain.text, "the chips and science act");
        assert_eq!(plain.original(4), 4);
    }

    #[test]
    fn the_quick_path_agrees_with_the_pattern() {
        for citation in [
            "Pub. L. 117-167",
            "Pub. L. 93-1",
            "H.R. 4346 (117th Congress)",
            "H.R. 4346",
            "S. 1260 (117th Congress)",
            "S. 12",
        ] {
            let caps = CITATION.captures(citation).unwrap();
            assert_eq!(canonical_key(citation), key_of(&caps), "{citation}");
        }
        for odd in ["Pub. L. 117-", "Pub. L. 1171-167", "H.R. 12a", "S. x"] {
            assert_eq!(canonical_key(odd), None, "{odd}");
        }
    }

    #[test]
    fn every_spelling_of_a_citation_has_one_key() {
        for written in [
            "Pub. L. 117-167",
            "Public Law 117-167",
            "P.L. 117-167",
            "PL 117-167",
        ] {
            let key = citation_key(written);
            if written == "PL 117-167" {
                assert_eq!(key, None);
            } else {
                assert_eq!(key.as_deref(), Some("pl:117-167"), "{written}");
            }
        }
        assert_eq!(
            citation_key("47 U.S.C. § 230").as_deref(),
            Some("usc:47:230")
        );
        assert_eq!(citation_key("5 U.S.C. 552").as_deref(), Some("usc:5:552"));
        assert_eq!(
            citation_key("136 Stat. 1366").as_deref(),
            Some("stat:136:1366")
        );
        assert_eq!(citation_key("H.R. 4346").as_deref(), Some("hr:4346"));
        assert_eq!(citation_key("S. 1260").as_deref(), Some("s:1260"));
    }
}
