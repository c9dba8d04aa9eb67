//! The built-in entries: TOML files under `data/kb/`, compiled in.

use serde::Deserialize;

use super::Entry;

/// The built-in data files by name, in the order they are loaded.
pub const FILES: &[(&str, &str)] = &[
    ("us.toml", include_str!("../../data/kb/us.toml")),
    ("us-laws.toml", include_str!("../../data/kb/us-laws.toml")),
    (
        "us-provisions.toml",
        include_str!("../../data/kb/us-provisions.toml"),
    ),
    ("world.toml", include_str!("../../data/kb/world.toml")),
    (
        "international.toml",
        include_str!("../../data/kb/international.toml"),
    ),
    (
        "us-laws-social.toml",
        include_str!("../../data/kb/us-laws-social.toml"),
    ),
    (
        "us-laws-power.toml",
        include_str!("../../data/kb/us-laws-power.toml"),
    ),
    (
        "us-constitution.toml",
        include_str!("../../data/kb/us-constitution.toml"),
    ),
    ("us-code.toml", include_str!("../../data/kb/us-code.toml")),
    ("us-bills.toml", include_str!("../../data/kb/us-bills.toml")),
    ("treaties.toml", include_str!("../../data/kb/treaties.toml")),
    ("national.toml", include_str!("../../data/kb/national.toml")),
    (
        "corpus-named.toml",
        include_str!("../../data/kb/corpus-named.toml"),
    ),
    (
        "us-laws-more.toml",
        include_str!("../../data/kb/us-laws-more.toml"),
    ),
    (
        "national-more.toml",
        include_str!("../../data/kb/national-more.toml"),
    ),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    entry: Vec<Entry>,
}

/// The entries of one knowledge-base file of `[[entry]]` tables, or what is
/// wrong with it and on which line.
pub fn parse_file(source: &str) -> Result<Vec<Entry>, String> {
    toml::from_str::<File>(source)
        .map(|file| file.entry)
        .map_err(|e| {
            let line = e
                .span()
                .map(|s| source[..s.start.min(source.len())].matches('\n').count() + 1);
            match line {
                Some(line) => format!("line {line}: {}", e.message()),
                None => e.message().to_string(),
            }
        })
}

/// Every built-in entry. A file that does not parse contributes nothing;
/// a test checks that each one parses.
pub(super) fn entries() -> Vec<Entry> {
    FILES
        .iter()
        .flat_map(|(_, source)| parse_file(source).unwrap_or_default())
        .collect()
}
