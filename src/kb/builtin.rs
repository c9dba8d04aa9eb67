//! The built-in entries: TOML files under `data/kb/`, compiled in.

use serde::Deserialize;

use super::Entry;

// `FILES`: the built-in data files by name and as written, in the order
// they are loaded.
include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// Every built-in entry, in the order of `FILES`, from the JSON that
/// `build.rs` makes of them: several times quicker to read at start than
/// their TOML. A test checks that it holds the entries of the TOML.
static COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin_kb.json"));

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

/// Every built-in entry, in the order of `FILES`.
pub fn entries() -> Vec<Entry> {
    serde_json::from_str(COMPILED).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_entries_are_the_toml_files_entries_in_order() {
        let written: Vec<Entry> = FILES
            .iter()
            .flat_map(|(name, source)| {
                parse_file(source).unwrap_or_else(|e| panic!("data/kb/{name}: {e}"))
            })
            .collect();
        let compiled = entries();
        assert_eq!(compiled.len(), written.len());
        assert!(compiled.len() > 2_000);
        for (compiled, written) in compiled.iter().zip(&written) {
            assert_eq!(compiled, written);
        }
    }
}
