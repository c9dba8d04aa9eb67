//! The desk's glossary: `[[law]]` tables in `copydesk.toml` or in the TOML
//! files it names. A glossary entry needs only an id and a title; the rest
//! of the entry model is optional, so a desk can write down a local
//! ordinance or a bill the built-in list lacks in three lines:
//!
//! ```toml
//! [[law]]
//! id = "desk/harbor-district-zoning-ordinance"
//! title = "Harbor District Zoning Ordinance"
//! summary = "The 2019 city rule that caps buildings near the waterfront at 85 feet."
//! ```
//!
//! Each entry is read on its own, so one bad table costs only itself, and
//! every problem carries the line of its table.

use std::collections::HashMap;

use serde::Deserialize;

use super::{Entry, Kind, LawId, Status, StatusState};

/// One glossary entry and the line its `[[law]]` header is on (one-based).
#[derive(Clone, Debug, PartialEq)]
pub struct GlossaryEntry {
    pub entry: Entry,
    pub line: usize,
}

/// A problem with one glossary table, or with the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlossaryProblem {
    /// One-based line, when known.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for GlossaryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Only the `law` array; every other key of `copydesk.toml` belongs to the
/// configuration and is read there.
#[derive(Deserialize)]
struct Tables {
    #[serde(default)]
    law: Vec<toml::Spanned<toml::Table>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLaw {
    id: String,
    title: String,
    #[serde(default)]
    kind: Option<Kind>,
    #[serde(default)]
    jurisdiction: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    citations: Vec<String>,
    #[serde(default)]
    status: Option<Status>,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
}

/// The `[[law]]` entries of a glossary file's `text`, with the problems of
/// the tables that could not be read.
pub fn parse(text: &str) -> (Vec<GlossaryEntry>, Vec<GlossaryProblem>) {
    let mut entries: Vec<GlossaryEntry> = Vec::new();
    let mut problems = Vec::new();
    let tables: Tables = match toml::from_str(text) {
        Ok(tables) => tables,
        Err(err) => {
            problems.push(GlossaryProblem {
                line: err.span().map(|s| line_of(text, s.start)),
                message: err.message().trim_end().to_string(),
            });
            return (entries, problems);
        }
    };
    let headers = header_lines(text);
    // The line of the entry each id was first given to: a duplicate is
    // found by one lookup, not by a search of every entry before it.
    let mut first_lines: HashMap<LawId, usize> = HashMap::new();
    for (n, table) in tables.law.into_iter().enumerate() {
        // The span of an array-of-tables element starts at its first key;
        // the header above it is the line a reader looks for.
        let line = headers
            .get(n)
            .copied()
            .unwrap_or_else(|| line_of(text, table.span().start));
        let table = table.into_inner();
        let raw: RawLaw = match table.try_into() {
            Ok(raw) => raw,
            Err(err) => {
                problems.push(GlossaryProblem {
                    line: Some(line),
                    message: format!("this [[law]] entry {}", describe(&err)),
                });
                continue;
            }
        };
        match check(raw) {
            Ok(entry) => {
                if let Some(earlier) = first_lines.get(&entry.id) {
                    problems.push(GlossaryProblem {
                        line: Some(line),
                        message: format!(
                            "the id `{}` is already used by the entry on line {earlier}; ids must be unique",
                            entry.id
                        ),
                    });
                    continue;
                }
                first_lines.insert(entry.id.clone(), line);
                entries.push(GlossaryEntry { entry, line });
            }
            Err(message) => problems.push(GlossaryProblem {
                line: Some(line),
                message,
            }),
        }
    }
    (entries, problems)
}

fn check(raw: RawLaw) -> Result<Entry, String> {
    let id = raw.id.trim();
    if id.is_empty() || id.contains(char::is_whitespace) {
        return Err(format!(
            "the id `{}` must be a non-empty word such as `desk/harbor-ordinance`",
            raw.id
        ));
    }
    let title = raw.title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return Err(format!("the entry `{id}` has an empty title"));
    }
    Ok(Entry {
        id: LawId::new(id),
        kind: raw.kind.unwrap_or(Kind::Law),
        jurisdiction: raw.jurisdiction,
        title,
        aliases: raw
            .aliases
            .into_iter()
            .filter(|a| !a.trim().is_empty())
            .collect(),
        citations: raw.citations,
        status: raw.status.unwrap_or(Status {
            state: StatusState::Unknown,
            date: None,
            note: None,
        }),
        summary: raw.summary,
        related: raw.related,
        sources: raw.sources,
        amendments: Vec::new(),
    })
}

/// The message of a table that does not fit the entry model, for a reader:
/// `is missing the title`, `has an unknown field `titel``.
fn describe(err: &toml::de::Error) -> String {
    let message = err.message().trim_end();
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        return format!("is missing `{field}`, which every glossary entry needs");
    }
    if message.starts_with("unknown field") {
        return format!(
            "has an {message}; a glossary entry has id, title, kind, jurisdiction, aliases, \
             citations, status, summary, related and sources"
        );
    }
    format!("cannot be read: {message}")
}

/// The lines of the `[[law]]` headers, in order.
fn header_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim();
            line.strip_prefix("[[")
                .and_then(|l| l.split("]]").next())
                .is_some_and(|name| name.trim() == "law")
        })
        .map(|(n, _)| n + 1)
        .collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// The `[[law]]` table a desk adds for `name`, a law-shaped name copydesk
/// did not know: an id from the name, the title, and a summary to fill in.
pub fn stub(name: &str) -> String {
    let title = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let kind = if title.ends_with("Bill") {
        "bill"
    } else if title.ends_with("Amendment") || title.starts_with("Section") {
        "provision"
    } else {
        "law"
    };
    format!(
        "[[law]]\nid = \"desk/{slug}\"\nkind = \"{kind}\"\ntitle = {}\naliases = []\n\
         summary = \"What it is and what it does, in a sentence.\"\nsources = []\n",
        toml_string(&title)
    )
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glossary_needs_only_an_id_and_a_title() {
        let (entries, problems) = parse(
            "[rules]\nunattributed-quote = \"error\"\n\n[[law]]\nid = \"desk/harbor\"\n\
             title = \"Harbor District  Zoning Ordinance\"\n",
        );
        assert_eq!(problems, Vec::new());
        assert_eq!(entries.len(), 1);
        let entry = &entries[0].entry;
        assert_eq!(entries[0].line, 4);
        assert_eq!(entry.title, "Harbor District Zoning Ordinance");
        assert_eq!(entry.kind, Kind::Law);
        assert_eq!(entry.status.state, StatusState::Unknown);
    }

    #[test]
    fn each_bad_table_is_reported_on_its_own_line() {
        let text = "[[law]]\nid = \"desk/a\"\ntitle = \"Alpha Act\"\n\n\
                    [[law]]\nid = \"desk/b\"\n\n\
                    [[law]]\nid = \"desk/c\"\ntitle = \"Gamma Act\"\ntitel = \"x\"\n\n\
                    [[law]]\nid = \"desk/a\"\ntitle = \"Alpha Act again\"\n\n\
                    [[law]]\nid = \"desk/d\"\ntitle = \"Delta Act\"\nkind = \"statute\"\n";
        let (entries, problems) = parse(text);
        assert_eq!(entries.len(), 1, "{problems:?}");
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(5), Some(8), Some(13), Some(17)]);
        assert!(
            problems[0].message.contains("missing `title`"),
            "{problems:?}"
        );
        assert!(problems[1].message.contains("titel"), "{problems:?}");
        assert!(problems[2].message.contains("line 1"), "{problems:?}");
        assert!(problems[3].message.contains("statute"), "{problems:?}");
    }

    #[test]
    fn every_reuse_of_an_id_names_the_line_that_first_used_it() {
        let mut text = String::new();
        for (n, id) in ["desk/a", "desk/b", "desk/a", "desk/c", "desk/a", "desk/b"]
            .iter()
            .enumerate()
        {
            text.push_str(&format!("[[law]]\nid = \"{id}\"\ntitle = \"Act {n}\"\n"));
        }
        let (entries, problems) = parse(&text);
        let ids: Vec<_> = entries.iter().map(|e| e.entry.id.as_str()).collect();
        assert_eq!(ids, ["desk/a", "desk/b", "desk/c"]);
        assert_eq!(entries[1].entry.title, "Act 1");
        let said: Vec<_> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "line 7: the id `desk/a` is already used by the entry on line 1; ids must be unique",
                "line 13: the id `desk/a` is already used by the entry on line 1; ids must be unique",
                "line 16: the id `desk/b` is already used by the entry on line 4; ids must be unique",
            ]
        );
    }

    #[test]
    fn broken_toml_is_one_problem_with_its_line() {
        let (entries, problems) = parse("[[law]]\nid = \"desk/a\"\ntitle = \"Alpha Act\n");
        assert!(entries.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3));
    }

    #[test]
    fn a_stub_is_a_valid_entry_for_the_name() {
        let stub = stub("Harbor  “Safe” Streets Act of 2019");
        let (entries, problems) = parse(&stub);
        assert_eq!(problems, Vec::new(), "{stub}");
        assert_eq!(
            entries[0].entry.id.as_str(),
            "desk/harbor-safe-streets-act-of-2019"
        );
        assert_eq!(entries[0].entry.title, "Harbor “Safe” Streets Act of 2019");
        assert_eq!(entries[0].entry.kind, Kind::Law);
        assert_eq!(
            parse(&super::stub("Byrne Amendment")).0[0].entry.kind,
            Kind::Provision
        );
    }
}
