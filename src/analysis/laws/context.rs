//! What the words around a known name say about which law it is: a year
//! written before it (`the 1866 Civil Rights Act`), a country
//! (`Britain's Equality Act`).

use crate::analysis::quotes::names::strip_possessive;
use crate::kb::{fold, without_year, Kb, Kind};

/// The entry (its index) a known name written after `before` means, given
/// that the gazetteer found `entry` for it, or `None` when it is no law
/// copydesk knows.
///
/// A year written before a name: `the 1866 Civil Rights Act` is the Civil
/// Rights Act of 1866 when copydesk knows it by that name; otherwise the
/// year may be anything's (`a 2019 Freedom of Information Act request`)
/// and the name is the name. A country before a name that another
/// country's law has: `Britain's Equality Act` is the Equality Act 2010,
/// not the American bill, and no law copydesk knows when it has no British
/// one by that name.
pub(super) fn entry_meant(kb: &Kb, before: &str, name: &str, entry: usize) -> Option<usize> {
    let mut meant = entry;
    if let Some(year_at) = leading_year(before) {
        let year = &before[year_at..year_at + 4];
        let dated = [
            format!("{name} of {year}"),
            format!("{name} {year}"),
            format!("{name}, {year}"),
        ]
        .iter()
        .find_map(|written| whole_name(kb, written));
        if let Some(dated) = dated {
            meant = dated;
        }
    }
    match jurisdiction_cue(before) {
        Some(cue) if !belongs(&kb.entries()[meant].jurisdiction, cue) => named_in(kb, name, cue),
        _ => Some(meant),
    }
}

/// Where a year written right before a name starts: the `1866 ` of `the
/// 1866 Civil Rights Act`, four ASCII digits after a space or the start.
fn leading_year(before: &str) -> Option<usize> {
    let trimmed = before.strip_suffix(' ')?;
    let year = trimmed.get(trimmed.len().checked_sub(4)?..)?;
    let at = trimmed.len() - 4;
    let starts_word = trimmed[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(');
    (year.bytes().all(|b| b.is_ascii_digit()) && starts_word && year.starts_with(['1', '2']))
        .then_some(at)
}

/// The entry (its index) named by the whole of `written`, if a name is
/// all of it.
fn whole_name(kb: &Kb, written: &str) -> Option<usize> {
    let names = kb.names();
    let found = names.find_in(written);
    let whole = found
        .first()
        .filter(|m| m.start == 0 && m.end == written.len())?;
    Some(names.targets[whole.target].entry)
}

/// Words for a country, or the union, and the jurisdiction its laws carry.
const COUNTRY_WORDS: &[(&str, &str)] = &[
    ("America", "us"),
    ("American", "us"),
    ("U.S.", "us"),
    ("US", "us"),
    ("Washington", "us"),
    ("Britain", "uk"),
    ("British", "uk"),
    ("UK", "uk"),
    ("U.K.", "uk"),
    ("England", "uk"),
    ("Scotland", "uk"),
    ("London", "uk"),
    ("China", "cn"),
    ("Chinese", "cn"),
    ("Beijing", "cn"),
    ("Kong", "hk"),
    ("India", "in"),
    ("Canada", "ca"),
    ("Canadian", "ca"),
    ("Ottawa", "ca"),
    ("Australia", "au"),
    ("Australian", "au"),
    ("Canberra", "au"),
    ("Germany", "de"),
    ("German", "de"),
    ("Berlin", "de"),
    ("France", "fr"),
    ("French", "fr"),
    ("Japan", "jp"),
    ("Japanese", "jp"),
    ("Tokyo", "jp"),
    ("Russia", "ru"),
    ("Russian", "ru"),
    ("Moscow", "ru"),
    ("Kremlin", "ru"),
    ("Israel", "il"),
    ("Israeli", "il"),
    ("Brazil", "br"),
    ("Brazilian", "br"),
    ("Ireland", "ie"),
    ("Irish", "ie"),
    ("Italy", "it"),
    ("Italian", "it"),
    ("Spain", "es"),
    ("Spanish", "es"),
    ("Mexico", "mx"),
    ("Mexican", "mx"),
    ("Hungary", "hu"),
    ("Hungarian", "hu"),
    ("Poland", "pl"),
    ("Polish", "pl"),
    ("Turkey", "tr"),
    ("Turkish", "tr"),
    ("Korea", "kr"),
    ("Korean", "kr"),
    ("Taiwan", "tw"),
    ("Taiwanese", "tw"),
    ("Singapore", "sg"),
    ("Zealand", "nz"),
    ("Africa", "za"),
    ("Pakistan", "pk"),
    ("Ukraine", "ua"),
    ("Ukrainian", "ua"),
    ("Argentina", "ar"),
];

/// The jurisdiction a country word right before a name gives its law:
/// `Britain's Equality Act`, `the British Equality Act`, `Beijing's`.
fn jurisdiction_cue(before: &str) -> Option<&'static str> {
    let word = before.split_whitespace().next_back()?;
    let word = strip_possessive(word);
    COUNTRY_WORDS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, jurisdiction)| jurisdiction)
}

/// Whether a law of `jurisdiction` can be the one a country word for `cue`
/// points to: its own laws and its states' (`us-ca`), Hong Kong's for
/// China and back, and treaties and the union's laws anywhere.
fn belongs(jurisdiction: &str, cue: &str) -> bool {
    jurisdiction == cue
        || jurisdiction
            .strip_prefix(cue)
            .is_some_and(|rest| rest.starts_with('-'))
        || matches!(jurisdiction, "intl" | "eu")
        || matches!((jurisdiction, cue), ("hk", "cn") | ("cn", "hk"))
}

/// Words that place a sentence in the United States, besides its names:
/// a bare `the Constitution` near them is the American one.
const AMERICAN_WORDS: &[&str] = &[
    "Congress",
    "congressional",
    "Founders",
    "Framers",
    "federal",
    "Americans",
];

/// The country the sentence holding `at` and the one before it are about,
/// when they name exactly one and it is not the United States: in a story
/// about Germany, `Not the fatherland, not the people, but the
/// Constitution` is the Basic Law. Looks no further back than the paragraph
/// before.
pub(super) fn foreign_setting(text: &str, at: usize) -> Option<&'static str> {
    let mut from = at.saturating_sub(1_200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let back = &text[from..at];
    // No further back than the paragraph before this one.
    let breaks: Vec<usize> = back
        .match_indices('\n')
        .map(|(i, _)| i)
        .filter(|&i| {
            back[i + 1..]
                .trim_start_matches([' ', '\t', '\r'])
                .starts_with('\n')
        })
        .collect();
    let back = match breaks.len() {
        0 | 1 => back,
        n => &back[breaks[n - 2]..],
    };
    // The sentence so far and the one before it.
    let mut ends: Vec<usize> = Vec::new();
    for (i, _) in back.match_indices(['.', '?', '!', '\n']) {
        let closes = back[i + 1..].starts_with([' ', '\n', '\r', '"', '”']) || i + 1 == back.len();
        let after_last = ends.last().map_or(0, |&e| e + 1);
        if closes && !back[after_last..i].trim().is_empty() {
            ends.push(i);
        }
    }
    // The sentence holding `at` has begun unless the text ends in one.
    let started = ends
        .last()
        .is_none_or(|&e| !back[e + 1..].trim().is_empty());
    let keep = if started { 1 } else { 2 };
    let start = ends.len().checked_sub(keep + 1).map_or(0, |k| ends[k] + 1);
    let mut found = None;
    for word in
        back[start..].split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
    {
        let word = strip_possessive(word);
        let bare = word.trim_end_matches('.');
        if AMERICAN_WORDS.contains(&bare) {
            return None;
        }
        let Some(&(_, country)) = COUNTRY_WORDS
            .iter()
            .find(|(name, _)| *name == word || *name == bare)
        else {
            continue;
        };
        if country == "us" || found.is_some_and(|f| f != country) {
            return None;
        }
        found = Some(country);
    }
    found
}

/// The constitution of `jurisdiction` copydesk knows: its law named a
/// constitution or a basic law, not an amendment of one.
pub(super) fn constitution_of(kb: &Kb, jurisdiction: &str) -> Option<usize> {
    kb.entries().iter().position(|entry| {
        entry.jurisdiction == jurisdiction
            && entry.kind == Kind::Law
            && std::iter::once(&entry.title)
                .chain(&entry.aliases)
                .map(|n| fold(n))
                .any(|n| {
                    (n.contains("constitution") || n.starts_with("basic law"))
                        && !n.contains("amendment")
                        && !n.contains("referendum")
                })
    })
}

/// The country word of `<Country>'s 1947 constitution` written right
/// before `at`, with where it starts: a country's constitution named with
/// the year it was adopted.
pub(super) fn country_before_dated_constitution(before: &str) -> Option<(usize, &'static str)> {
    let trimmed = before.strip_suffix(' ')?;
    let year_at = trimmed.len().checked_sub(4)?;
    let year = trimmed.get(year_at..)?;
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let head = trimmed[..year_at].strip_suffix(' ')?;
    let word = head.rsplit(' ').next()?;
    let country = jurisdiction_cue(word)?;
    Some((head.len() - word.len(), country))
}

/// The entry of `jurisdiction` named `name`, or `name` and a year
/// (`Equality Act 2010`, `... Act of 2010`, `... Act, 2019`).
fn named_in(kb: &Kb, name: &str, jurisdiction: &str) -> Option<usize> {
    let name = fold(name);
    kb.entries().iter().position(|entry| {
        entry.jurisdiction == jurisdiction
            && std::iter::once(&entry.title)
                .chain(&entry.aliases)
                .any(|n| fold(n) == name || without_year(n).is_some_and(|bare| fold(bare) == name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_countries_before_a_name() {
        assert_eq!(leading_year("the 1866 "), Some(4));
        assert_eq!(leading_year("1866 "), Some(0));
        assert_eq!(leading_year("the 31866 "), None);
        assert_eq!(leading_year("the 1866"), None);
        assert_eq!(leading_year("page 0042 "), None);
        assert_eq!(jurisdiction_cue("Britain's "), Some("uk"));
        assert_eq!(jurisdiction_cue("the U.K.’s "), Some("uk"));
        assert_eq!(jurisdiction_cue("Hong Kong's "), Some("hk"));
        assert_eq!(jurisdiction_cue("the Senate's "), None);
        assert!(belongs("us-ca", "us") && belongs("hk", "cn") && belongs("eu", "fr"));
        assert!(!belongs("us", "uk") && !belongs("usa", "us"));
    }

    #[test]
    fn the_country_of_the_sentences_before_a_name() {
        let at = |text: &str| foreign_setting(text, text.len());
        assert_eq!(
            at("The chancellor spoke in Berlin. All answer to the "),
            Some("de")
        );
        assert_eq!(
            at("Japan's cabinet met.\r\n\r\nIt will not change the "),
            Some("jp")
        );
        // A word that places the sentences in the United States.
        assert_eq!(at("In Berlin, a U.S. envoy praised the "), None);
        assert_eq!(at("Congress heard from a German diplomat about the "), None);
        // Two countries, or one named before the sentence before.
        assert_eq!(at("France and Germany signed it. Both respect the "), None);
        assert_eq!(at("Paris was quiet. It rained. Voters read the "), None);
        assert_eq!(
            at("Paris was quiet.\n\nIt rained.\n\nVoters read the "),
            None
        );
        assert_eq!(
            country_before_dated_constitution("revise Japan's 1947 "),
            Some((7, "jp"))
        );
        assert_eq!(country_before_dated_constitution("revise the 1947 "), None);
    }
}
