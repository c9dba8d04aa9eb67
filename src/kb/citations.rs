//! Citations copydesk reads (public laws, the U.S. Code, the Statutes at
//! Large, House and Senate bills) and the key that is the same for every
//! way of writing one.

use std::sync::LazyLock;

use regex::Regex;

/// The Congress a bill citation names (`H.R. 1 (118th Congress)`), or 0.
pub(super) fn congress_of(citation: &str) -> u32 {
    citation
        .split_once('(')
        .and_then(|(_, rest)| {
            let digits = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            rest.contains("Congress")
                .then(|| rest[..digits].parse().ok())
                .flatten()
        })
        .unwrap_or(0)
}

/// Citations copydesk reads: public laws, the U.S. Code (`U.S.C.` or
/// `USC`), the Statutes at Large, House and Senate bills.
pub static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?-u:\b)(?:Pub\.\s?L\.|Public\s+Law|P\.\s?L\.)\s*(?:No\.\s*)?(?P<pl>[0-9]{2,3})[-–](?P<pln>[0-9]{1,4})(?-u:\b)
        | (?-u:\b)(?P<usct>[0-9]{1,2})\s+(?:U\.\s?S\.\s?C\.?|USC)\s+(?:§+\s*)?(?P<uscs>[0-9]+[a-z]?)(?-u:\b)
        | (?-u:\b)(?P<statv>[0-9]{1,3})\s+Stat\.\s+(?P<statp>[0-9]{1,5})(?-u:\b)
        | (?-u:\b)H\.\s?R\.\s+(?P<hr>[0-9]{1,5})(?-u:\b)
        | (?-u:\b)S\.\s+(?P<s>[0-9]{1,5})(?-u:\b)",
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
    if let Some(rest) = citation.strip_prefix("Pub. L. ") {
        let (congress, law) = rest.split_once('-')?;
        return (congress.len() >= 2
            && congress.len() <= 3
            && short_number(congress)
            && law.len() <= 4
            && short_number(law))
        .then(|| ["pl:", congress, "-", law].concat());
    }
    if let Some(rest) = citation.strip_prefix("H.R. ") {
        return bill_number(rest).map(|n| ["hr:", n].concat());
    }
    if let Some(rest) = citation.strip_prefix("S. ") {
        return bill_number(rest).map(|n| ["s:", n].concat());
    }
    None
}

/// Whether `s` is a number of one to five digits.
fn short_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The bill number at the start of `rest`, when it is all of `rest` or
/// followed by ` (`, as in `4346 (117th Congress)`.
fn bill_number(rest: &str) -> Option<&str> {
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let tail = &rest[end..];
    (short_number(&rest[..end]) && (tail.is_empty() || tail.starts_with(" (")))
        .then(|| &rest[..end])
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
        assert_eq!(citation_key("42 USC 1983").as_deref(), Some("usc:42:1983"));
        assert_eq!(
            citation_key("136 Stat. 1366").as_deref(),
            Some("stat:136:1366")
        );
        assert_eq!(citation_key("H.R. 4346").as_deref(), Some("hr:4346"));
        assert_eq!(citation_key("S. 1260").as_deref(), Some("s:1260"));
    }

    #[test]
    fn a_bill_citation_names_its_congress() {
        assert_eq!(congress_of("S. 1260 (117th Congress)"), 117);
        assert_eq!(congress_of("Pub. L. 117-167"), 0);
    }
}
