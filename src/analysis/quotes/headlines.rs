//! Headlines set in title case (`Clinton Acceptance Speech Skewered By
//! Carly Fiorina`): every word is capitalised, so a run of capitals is no
//! sign of a name there. A name read in such a block stops before the
//! first word the draft also writes in lower case (`her acceptance
//! speech`), so the headline names `Clinton`, not a person called `Clinton
//! Acceptance Speech Skewered`.

use super::mentions::{NameKind, NameMention};
use crate::text::Span;

/// Whether a block's text reads as a headline in title case: a short line
/// whose longer words nearly all begin with a capital.
pub fn is_title_case(block: &str) -> bool {
    // A headline is a line or two: a paragraph of prose is turned away
    // before its words are read.
    if block.len() > 320 {
        return false;
    }
    let mut words = 0;
    let mut long = 0;
    let mut capitalised = 0;
    for word in block.split_whitespace() {
        words += 1;
        if words > 30 {
            return false;
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 4 {
            continue;
        }
        long += 1;
        let upper = word
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        capitalised += usize::from(upper);
        // More than three long words in lower case: prose, however long.
        if long - capitalised > 3 {
            return false;
        }
    }
    long >= 4 && capitalised * 10 >= long * 9
}

/// The block's names, each without the words the draft also writes in
/// lower case: those leading it (`Praises Marco Rubio`) and those from the
/// first after its start (`Clinton Acceptance Speech`); a name left with no
/// word, or with one that only opens sentences, goes. `None` when no name
/// changes. `base` is where the names' spans count from.
pub fn trimmed(
    text: &str,
    lower: &LowerCase,
    base: usize,
    names: &[NameMention],
) -> Option<Vec<NameMention>> {
    let kept: Vec<NameMention> = names
        .iter()
        .filter_map(|name| cut(text, lower, base, name))
        .collect();
    (kept != names).then_some(kept)
}

/// What is left of `name` without the words the draft writes in lower
/// case: `None` when nothing a name can be is left.
fn cut(text: &str, lower: &LowerCase, base: usize, name: &NameMention) -> Option<NameMention> {
    let Some(written) = text.get(base + name.span.start..base + name.span.end) else {
        return Some(name.clone());
    };
    let words: Vec<(usize, &str)> = written
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - written.as_ptr() as usize, w))
        .collect();
    let common: Vec<bool> = words.iter().map(|&(_, w)| lower.writes(w)).collect();
    let first = common.iter().position(|&c| !c).unwrap_or(words.len());
    let end = (first + 1..words.len())
        .find(|&i| common[i])
        .unwrap_or(words.len());
    if first == 0 && end == words.len() {
        return Some(name.clone());
    }
    let kept = &words[first..end];
    // One word left is a name only as the lists know it, and never a
    // word that opens sentences or a people's name (`About`, `Latinos`).
    let lone = |word: &str| {
        let lower = word.to_lowercase();
        super::tags::is_opener_word(&lower) || super::nouns::is_affiliation(&lower)
    };
    if kept.is_empty() || (kept.len() == 1 && lone(kept[0].1)) {
        return None;
    }
    let (from, _) = kept[0];
    let (at, last) = kept[kept.len() - 1];
    let mut shorter = name.clone();
    shorter.span = Span::new(name.span.start + from, name.span.start + at + last.len());
    shorter.name = kept.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
    if kept.len() == 1 {
        shorter.kind = NameKind::Single;
        shorter.name_like = super::tags::word_tags(kept[0].1).name_like();
    }
    if first > 0 {
        shorter.given_first = false;
        shorter.family_first = false;
        shorter.titled = false;
    }
    Some(shorter)
}

/// Which words a draft writes in lower case, searched for as its headlines
/// ask (a headline or two per draft: cheaper than gathering every word).
pub struct LowerCase<'t> {
    text: &'t str,
}

impl<'t> LowerCase<'t> {
    pub fn new(text: &'t str) -> LowerCase<'t> {
        LowerCase { text }
    }

    /// Whether the draft writes `word` in lower case as a whole word, or a
    /// form of it (`praised` for `Praises`, `called` for `Call`).
    pub fn writes(&self, word: &str) -> bool {
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = word.to_lowercase();
        if lower == word || lower.chars().count() < 3 {
            return false;
        }
        let stem = lower
            .strip_suffix("es")
            .or_else(|| lower.strip_suffix('s'))
            .or_else(|| lower.strip_suffix("ed"))
            .unwrap_or(&lower);
        let forms = [
            lower.clone(),
            stem.to_string(),
            format!("{stem}s"),
            format!("{stem}ed"),
            format!("{stem}d"),
        ];
        forms
            .iter()
            .filter(|f| f.chars().count() >= 3)
            .any(|form| self.has_whole_word(form))
    }

    fn has_whole_word(&self, word: &str) -> bool {
        let bytes = self.text.as_bytes();
        memchr::memmem::find_iter(bytes, word.as_bytes()).any(|at| {
            let before = self.text[..at].chars().next_back();
            let after = self.text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_is_a_short_line_of_capitals() {
        assert!(is_title_case(
            "Clinton Acceptance Speech Skewered By Carly Fiorina."
        ));
        assert!(!is_title_case(
            "On Thursday evening Hillary Clinton delivered her acceptance speech."
        ));
        assert!(!is_title_case("Mayor Dana Kowalczyk spoke."));
    }

    #[test]
    fn a_word_counts_as_lower_case_only_as_a_whole_word() {
        let lower = LowerCase::new("Her acceptance speech ran long. Speechwriters were unhappy.");
        assert!(lower.writes("Acceptance"));
        assert!(!lower.writes("Writers"));
        assert!(!lower.writes("Her"));
        assert!(LowerCase::new("He praised it.").writes("Praises"));
    }
}
