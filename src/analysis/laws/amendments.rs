//! Amendments named together: `the First and 14th amendments`, `the 13th,
//! 14th and 15th Amendments`. Each ordinal is its amendment; the plural
//! noun after the last belongs to the last.

use std::sync::LazyLock;

use regex::Regex;

use crate::kb::Kb;

const ORDINAL: &str = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-(?:first|second|third|fourth|fifth|sixth|seventh)|[0-9]{1,2}(?:st|nd|rd|th))";

/// A list of ordinals joined by commas, `and` or `or`, then `amendments`.
static LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{ORDINAL}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){ORDINAL})+\s+amendments\b"
    ))
    .expect("the amendments pattern compiles")
});

static ONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{ORDINAL}\b")).expect("the ordinal pattern compiles")
});

/// Each amendment of each list in `prose`: its byte range there (the last
/// with `amendments`) and the index of its knowledge-base entry, for the
/// ordinals the knowledge base knows as `<ordinal> Amendment`.
pub(super) fn listed_amendments(prose: &str, kb: &Kb) -> Vec<(usize, usize, usize)> {
    if !prose.contains("mendments") {
        return Vec::new();
    }
    let names = kb.names();
    let mut found = Vec::new();
    for list in LIST.find_iter(prose) {
        let ordinals: Vec<regex::Match> = ONE.find_iter(list.as_str()).collect();
        for (i, ordinal) in ordinals.iter().enumerate() {
            let name = format!("{} Amendment", ordinal.as_str());
            let whole = names
                .find_in(&name)
                .into_iter()
                .find(|m| m.start == 0 && m.end == name.len());
            let Some(whole) = whole else { continue };
            let start = list.start() + ordinal.start();
            let end = if i + 1 == ordinals.len() {
                list.end()
            } else {
                list.start() + ordinal.end()
            };
            found.push((start, end, names.targets[whole.target].entry));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_ordinal_of_a_list_is_its_amendment() {
        let kb = Kb::builtin();
        let prose = "under the First and 14th amendments, and the 13th, 14th and 15th Amendments";
        let found: Vec<(&str, &str)> = listed_amendments(prose, &kb)
            .into_iter()
            .map(|(s, e, entry)| (&prose[s..e], kb.entries()[entry].id.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("First", "us/provision/first-amendment"),
                ("14th amendments", "us/provision/fourteenth-amendment"),
                ("13th", "us/provision/thirteenth-amendment"),
                ("14th", "us/provision/fourteenth-amendment"),
                ("15th Amendments", "us/provision/fifteenth-amendment"),
            ]
        );
        assert!(listed_amendments("the first and second rounds", &kb).is_empty());
    }
}
