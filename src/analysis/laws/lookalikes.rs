//! Names that look like laws and are not: people called Bill or Law,
//! principles named for whoever stated them (`Moore's Law`), a play's
//! acts, law firms and schools, fields of law, headlines and mottoes in
//! title case, idioms (`read the riot act`), and a known name that is only
//! the tail of a longer one. What a law-shaped name copydesk does not know
//! must look like to be taken for a law.

use super::LEADING_WORDS;
use crate::analysis::quotes::names::{known, strip_possessive, Gender};
use crate::kb::names::NameTarget;

/// Whether a known name is written as prose writes words, not as the name:
/// a statute's name the knowledge base capitalises, written all in lower
/// case (`read the riot act`), or a title-case name written with its first
/// word in lower case and a capital after it (`told to remain in Mexico`,
/// prose that holds a proper noun). All in lower case is how copy writes
/// some names (`the commerce clause`).
pub(super) fn written_as_prose(target: &NameTarget, written: &str) -> bool {
    let capital = written.chars().any(char::is_uppercase);
    (target.cased && !capital)
        || (target.headed && written.starts_with(char::is_lowercase) && capital)
}

/// Whether a known name of one word is part of a longer proper name: a
/// capitalised word right before it or right after it (`Constitution
/// Avenue`, `USS Constitution`, `the Iraqi Constitution`, `Japan's
/// Constitution`), other than a sentence's first word or `The`. Not an
/// acronym, which is a name on its own (`France's GDPR`).
pub(super) fn inside_a_longer_proper_name(before: &str, written: &str, after: &str) -> bool {
    // An acronym is a name on its own (`France's GDPR fines`), and so are
    // a word with capitals inside (`Germany's NetzDG`) and a nickname
    // joined by a hyphen (`the Dodd-Frank Wall Street reform
    // bill`).
    if written.contains(char::is_whitespace)
        || written.contains('-')
        || !written.chars().any(char::is_lowercase)
        || written.chars().skip(1).any(char::is_uppercase)
    {
        return false;
    }
    // In a headline every word has a capital: `The Biggest Blow To
    // Obamacare Yet`.
    let near: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(3)
        .chain(after.split_whitespace().take(3))
        .filter(|w| w.starts_with(char::is_alphabetic))
        .collect();
    if near.len() >= 3 && near.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return false;
    }
    let capitalised = |w: &str| {
        w.starts_with(char::is_uppercase) && !matches!(w, "The" | "A" | "An" | "This" | "That")
    };
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split_whitespace().next());
    if next.is_some_and(capitalised) {
        return true;
    }
    let mut words = before.split_whitespace().rev();
    let Some(word) = words.next().filter(|_| before.ends_with(' ')) else {
        return false;
    };
    let sentence_start = words
        .next()
        .is_none_or(|w| w.ends_with(['.', '?', '!', ':', '"', '”']));
    capitalised(word.trim_end_matches(['\'', '’']))
        && !word.ends_with([',', ';', '.'])
        && !(sentence_start && LEADING_WORDS.contains(&word))
}

/// Whether a known name is used for something other than the law it
/// names: a place (`the Schengen area`), another document's article
/// (`Article II of the treaty`), another
/// government's charter (`the state Constitution`), or a word of an
/// institution's name (`the Federal Office for the Protection of the
/// Constitution`, `the Senate Judiciary Subcommittee on the Constitution`).
pub(super) fn names_something_else(before: &str, written: &str, after: &str) -> bool {
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next());
    if next.is_some_and(|w| matches!(w, "area" | "zone" | "region" | "bloc")) {
        return true;
    }
    // `Article II of the treaty`: another document's article, where a bare
    // `Article II` is the Constitution's.
    let roman_article = written
        .strip_prefix("Article ")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| matches!(c, 'I' | 'V' | 'X')));
    if roman_article && after.starts_with(" of ") {
        return true;
    }
    if written.contains(char::is_whitespace) {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    let Some(word) = words.next().filter(|_| before.ends_with(' ')) else {
        return false;
    };
    if matches!(
        word,
        "state" | "state's" | "state’s" | "provincial" | "tribal" | "party's" | "party’s"
    ) {
        return true;
    }
    // `... Office for the Protection of the Constitution`: back over the
    // institution's name to a word that makes it one.
    if word != "the" {
        return false;
    }
    let mut connectors = 0;
    for word in words.take(8) {
        if matches!(word, "of" | "for" | "on" | "the" | "and") {
            connectors += 1;
            continue;
        }
        if !word.starts_with(char::is_uppercase) || word.ends_with([',', '.', ';', ':']) {
            return false;
        }
        if INSTITUTION_WORDS.contains(&word) {
            return connectors > 0;
        }
    }
    false
}

/// Head words of the names of institutions, which may end in a law's name.
const INSTITUTION_WORDS: &[&str] = &[
    "Office",
    "Agency",
    "Committee",
    "Subcommittee",
    "Commission",
    "Council",
    "Society",
    "Center",
    "Centre",
    "Institute",
    "Foundation",
    "Party",
    "Association",
    "League",
    "Alliance",
    "Department",
    "Ministry",
    "Coalition",
    "Project",
    "Hall",
    "Museum",
    "Caucus",
];

/// Whether a known name ending in a law word is the tail of a longer name
/// joined to it by `and`: the `Jobs Act` of `the Tax Cut and Jobs Act`.
/// The word before `and` must be capitalised mid-sentence and no law's
/// name of its own (`the Clean Air Act and Clean Water Act`, `ACA and
/// Medicare Act`); `previous_end` is where the mention before ends.
pub(super) fn tail_of_a_longer_name(before: &str, name: &str, previous_end: Option<usize>) -> bool {
    let law_word = |w: &str| matches!(w, "Act" | "Law" | "Amendment" | "Bill");
    if !name.split_whitespace().next_back().is_some_and(law_word) {
        return false;
    }
    let Some(rest) = before
        .trim_end()
        .strip_suffix(" and")
        .or_else(|| before.trim_end().strip_suffix(" &"))
    else {
        return false;
    };
    let rest = rest.trim_end();
    let mut words = rest.split_whitespace().rev();
    let Some(word) = words.next() else {
        return false;
    };
    let capitalised = word.starts_with(char::is_uppercase)
        && !word.chars().all(|c| !c.is_lowercase())
        && !word.ends_with([',', ';', ':', '.', ')'])
        && !law_word(word)
        && !LEADING_WORDS.contains(&word);
    let mid_sentence = words
        .next()
        .is_some_and(|w| !w.ends_with(['.', '?', '!', ':', '"', '”']));
    capitalised && mid_sentence && previous_end != Some(rest.len())
}

/// Words before a name that make `Bill` a first name: `Mayor Bill`.
const TITLES_BEFORE_NAMES: &[&str] = &[
    "Mayor",
    "President",
    "Gov.",
    "Governor",
    "Sen.",
    "Senator",
    "Rep.",
    "Representative",
    "Dr.",
    "Mr.",
    "Judge",
    "Justice",
    "Secretary",
    "Chairman",
    "Uncle",
    "Coach",
    "Former",
];

/// Whether a law-shaped run of words copydesk does not know reads as the
/// name of a law rather than of a person or a school: `Mayor Bill`,
/// `Warren Buffett and Bill`, `Bill de Blasio`, `the Bill of Rights`,
/// `Rule of Law`, `Yale School of Law` and `Steven Law` are not laws.
/// `after` is the text that follows the name.
pub(super) fn plausible_name(name: &str, after: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((&last, rest)) = words.split_last() else {
        return false;
    };
    // A headline or motto in title case capitalises its small words (`Equal
    // Justice Under Law`, `Senate Votes To Repeal Act`); a law's name does
    // not.
    if rest
        .iter()
        .skip(1)
        .any(|w| SMALL_WORDS_CAPITALISED.contains(w))
    {
        return false;
    }
    let before = rest.last().copied().unwrap_or("");
    let next = after.split_whitespace().next().unwrap_or("");
    let possessive = rest
        .iter()
        .any(|w| w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'"));
    match last {
        "Bill" | "Law" => {
            if matches!(before, "of" | "and" | "&") || TITLES_BEFORE_NAMES.contains(&before) {
                return false;
            }
            // A person whose surname is Law: `Andrew Bonar Law`.
            if last == "Law" && words.len() == 3 && !possessive && {
                let known = known(words[0]);
                known.given.is_some() && !known.word
            } {
                return false;
            }
            // A field or kind of law: `International Law`, `Martial Law`.
            if last == "Law" && LAW_CONCEPTS.contains(&before) {
                return false;
            }
            // `Bill of Rights`, `Bill de Blasio`.
            if matches!(
                next,
                "of" | "de" | "van" | "von" | "du" | "da" | "di" | "le" | "la"
            ) {
                return false;
            }
            if last == "Law"
                && rest.iter().any(|w| {
                    matches!(
                        *w,
                        "School" | "College" | "University" | "Institute" | "Center" | "Faculty"
                    )
                })
            {
                return false;
            }
            // A law firm: `Ruiz & Park Law`.
            if last == "Law" && rest.contains(&"&") {
                return false;
            }
            if eponymous_principle(&words) {
                return false;
            }
            // Two words are a law only as a possessive (`Megan's Law`,
            // `Sami's Law`); otherwise they are most often a person.
            words.len() > 2 || possessive
        }
        // A play's act: `the Second Act`, `Hamilton's Third Act`.
        "Act"
            if ORDINALS.contains(&before)
                && (rest.len() == 1 || rest.len() >= 2 && is_possessive(rest[rest.len() - 2])) =>
        {
            false
        }
        // Two words are an act copydesk does not know only when the first
        // is a name (`Mann Act`), an acronym or joined names (`Bayh-Dole
        // Act`): `Sister Act` and `Class Act` are no law's names.
        "Act" if words.len() == 2 => names_someone(before),
        // An amendment of a procedural kind: `a Constitutional Amendment`,
        // `the Manager's Amendment`.
        "Amendment" if words.len() == 2 => !AMENDMENT_KINDS.contains(&before),
        _ => true,
    }
}

/// Kinds and fields of law, which name no statute: `International Law`,
/// `Martial Law`, `Sharia Law`.
const LAW_CONCEPTS: &[&str] = &[
    "International",
    "Federal",
    "State",
    "Common",
    "Natural",
    "Canon",
    "Constitutional",
    "Criminal",
    "Civil",
    "Case",
    "Martial",
    "Sharia",
    "Islamic",
    "Customary",
    "Humanitarian",
    "Administrative",
    "Maritime",
    "Military",
    "Immigration",
    "Election",
    "Tax",
    "Labor",
    "Family",
];

/// Small words a law's name writes in lower case (`Freedom of Information
/// Act`) and a headline in title case capitalises.
const SMALL_WORDS_CAPITALISED: &[&str] = &[
    "Of", "And", "For", "To", "On", "In", "Under", "With", "By", "From", "At", "Against", "Into",
];

/// Where the last word in the possessive of `name` ends, when one stands
/// before its last word.
pub(super) fn last_possessive_end(name: &str) -> Option<usize> {
    let mut found = None;
    let mut at = 0;
    let words: Vec<&str> = name.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let offset = name[at..].find(word).map_or(at, |o| at + o);
        at = offset + word.len();
        if i + 1 < words.len() && is_possessive(word) {
            found = Some(at);
        }
    }
    found
}

/// Words that number a law of nature or a play's act: `Newton's Third
/// Law`, `the Second Act`.
const ORDINALS: &[&str] = &[
    "Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Final", "Last",
];

/// Surnames of principles that the name lists cannot tell from a first
/// name (`Murphy` is both) or do not hold (`Sod`).
const EPONYMS: &[&str] = &[
    "Murphy",
    "Say",
    "Sod",
    "Finagle",
    "Campbell",
    "Hofstadter",
    "Brandolini",
    "Poe",
    "Linus",
];

/// Words that say what kind of amendment one is, not which.
const AMENDMENT_KINDS: &[&str] = &[
    "Constitutional",
    "Proposed",
    "Floor",
    "Manager's",
    "Manager’s",
    "Managers'",
    "Managers’",
    "Technical",
    "Substitute",
    "Perfecting",
    "Committee",
    "Bipartisan",
    "Budget",
];

/// Whether `word` is a person's or place's name, an acronym or names
/// joined by a hyphen.
fn names_someone(word: &str) -> bool {
    let word = strip_possessive(word);
    let acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    acronym
        || word.split('-').all(|part| {
            let known = known(part);
            known.given.is_some() || known.family || known.place
        })
}

fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() < word.len()
}

/// Whether `words`, ending in `Law`, name a principle named for the person
/// who stated it rather than a statute. Statutes named for a person in the
/// possessive are named for a first name, most often a victim's (`Megan's
/// Law`, `Kari's Law`); principles for a surname (`Moore's Law`,
/// `Parkinson's Law`, `Godwin's Law`), or they carry an ordinal (`Newton's
/// Third Law`). A name that is a surname and not a woman's or a shared
/// first name is taken for a surname.
fn eponymous_principle(words: &[&str]) -> bool {
    let n = words.len();
    if n < 2 {
        return false;
    }
    let (owner, ordinal) = match ORDINALS.contains(&words[n - 2]) {
        true if n >= 3 => (words[n - 3], true),
        _ => (words[n - 2], false),
    };
    if !is_possessive(owner) {
        return false;
    }
    let name = strip_possessive(owner);
    let known = known(name);
    ordinal
        || EPONYMS.contains(&name)
        || known.family && matches!(known.given, None | Some(Gender::Male))
}

/// Whether `name` is the Riot Act read to someone (`read his players the
/// Riot Act`), an idiom and no mention of the British statute: the text
/// before it ends `read ... the`.
pub(super) fn riot_act_idiom(before: &str, name: &str) -> bool {
    let name: Vec<&str> = name.split_whitespace().collect();
    if !matches!(name[..], [riot, act] if riot.eq_ignore_ascii_case("riot") && act.eq_ignore_ascii_case("act"))
    {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    if words.next().is_none_or(|w| !w.eq_ignore_ascii_case("the")) {
        return false;
    }
    words.take(4).any(|w| {
        matches!(
            w,
            "read" | "reads" | "reading" | "Read" | "Reads" | "Reading"
        )
    })
}
