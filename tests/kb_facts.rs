//! The built-in knowledge base: every file parses, every entry is complete,
//! and every fact the public data covers agrees with it. The facts come
//! from `../shared/data/laws/` beside the repository when it is there.

use std::collections::HashSet;
use std::path::PathBuf;

use copydesk::kb::builtin::{parse_file, FILES};
use copydesk::kb::{Kb, StatusState};
use serde_json::Value;

#[test]
fn every_builtin_file_parses_and_every_entry_is_complete() {
    let mut ids = HashSet::new();
    for (name, source) in FILES {
        let entries = parse_file(source).unwrap_or_else(|e| panic!("data/kb/{name}: {e}"));
        assert!(!entries.is_empty(), "{name} has no entries");
        for entry in entries {
            assert!(
                ids.insert(entry.id.clone()),
                "{} is defined twice",
                entry.id
            );
            assert!(!entry.summary.is_empty(), "{} has no summary", entry.id);
            assert!(
                entry.sources.iter().any(|s| s.starts_with("https://")),
                "{} cites no source URL",
                entry.id
            );
        }
    }
    assert_eq!(ids.len(), Kb::builtin().len());
}

#[test]
fn every_builtin_title_is_a_short_title_not_a_long_official_one() {
    for entry in Kb::builtin().entries() {
        let title = entry.title.to_lowercase();
        let official = ["to ", "a bill to ", "an act to ", "a joint resolution "]
            .iter()
            .any(|opening| title.starts_with(opening))
            || title.ends_with("and for other purposes.");
        assert!(
            !official,
            "{} is titled by its long title: {}",
            entry.id, entry.title
        );
    }
}

#[test]
fn parse_errors_say_which_line() {
    let err = parse_file("[[entry]]\nid = \"x\"\nkind = \"statute\"\n").unwrap_err();
    assert!(err.starts_with("line 3:"), "{err}");
}

fn facts_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/laws");
    dir.is_dir().then_some(dir)
}

fn rows(file: &str) -> Vec<Value> {
    let dir = facts_dir().expect("checked by the caller");
    std::fs::read_to_string(dir.join(file))
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// `H.R. 4346 (117th Congress)` from an entry's citations.
fn bill_citation(citations: &[String]) -> Option<&str> {
    citations
        .iter()
        .find(|c| c.contains("Congress)"))
        .map(String::as_str)
}

/// Bills whose row in the data stops short of what happened later, with
/// the record that says so: the omnibus H.R. 2617 (117th Congress) is
/// `passed Senate 2022-12-14` there, but became Pub. L. 117-328 on Dec. 29,
/// 2022 (https://www.congress.gov/bill/117th-congress/house-bill/2617).
const STALE_ROWS: &[&str] = &["H.R. 2617 (117th Congress)"];

/// Laws whose row gives the day the law was numbered, not the day it was
/// signed, which is the day an entry gives: the BILLSTATUS file of H.R. 7776
/// (117th Congress) has `Signed by President` on 2022-12-23 and `Became
/// Public Law No: 117-263` on 2022-12-27.
const SIGNED_BEFORE_NUMBERED: &[(&str, &str)] = &[("us/pl/117-263", "2022-12-23")];

#[test]
fn facts_agree_with_the_public_record() {
    let Some(_) = facts_dir() else {
        eprintln!("note: ../shared/data/laws is not here; the facts were not checked");
        return;
    };
    let mut rows_all = rows("enacted-115-117.jsonl");
    rows_all.extend(rows("passed-one-chamber-115-117.jsonl"));
    let kb = Kb::builtin();
    let mut checked = 0;
    for entry in kb.entries() {
        let Some(bill) = bill_citation(&entry.citations) else {
            continue;
        };
        let Some(row) = rows_all.iter().find(|r| r["bill"] == bill) else {
            continue;
        };
        if STALE_ROWS.contains(&bill) {
            continue;
        }
        checked += 1;
        let public_law = entry
            .citations
            .iter()
            .find(|c| c.starts_with("Pub. L.") && !c.contains('§'));
        match row["public_law"].as_str() {
            Some(law) => {
                assert_eq!(public_law.map(String::as_str), Some(law), "{}", entry.id);
                assert!(entry.status.state.is_law(), "{} became law", entry.id);
                // A later state (expired, amended, repealed) has its own date.
                let signed = SIGNED_BEFORE_NUMBERED
                    .iter()
                    .find(|(id, _)| *id == entry.id.as_str())
                    .map(|&(_, day)| day);
                if entry.status.state == StatusState::Enacted {
                    assert_eq!(
                        entry.status.date.as_deref(),
                        signed.or(row["enacted"].as_str()),
                        "{}",
                        entry.id
                    );
                }
            }
            None => {
                assert!(
                    !entry.status.state.is_law(),
                    "{} never became law",
                    entry.id
                );
                let status = row["status"].as_str().unwrap_or_default();
                let date = status.rsplit(' ').next();
                assert_eq!(entry.status.date.as_deref(), date, "{}: {status}", entry.id);
            }
        }
        let mut names: Vec<&str> = vec![row["title"].as_str().unwrap()];
        for key in ["aliases", "bill_titles"] {
            names.extend(
                row[key]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str),
            );
        }
        // A record with only a long title: the entry shows a short one and
        // keeps the record's long title as an alias.
        let keeps_the_record_title = entry.aliases.iter().any(|a| a.as_str() == names[0]);
        assert!(
            names.contains(&entry.title.as_str()) || keeps_the_record_title,
            "{}: {:?} is not among {names:?}",
            entry.id,
            entry.title
        );
    }
    assert!(
        checked >= 20,
        "only {checked} entries were checked against the data"
    );

    // The provisions the research notes cover.
    for note in rows("provisions-notes.jsonl") {
        let id = note["id"].as_str().unwrap();
        let entry = kb
            .entries()
            .iter()
            .find(|e| e.id.as_str() == id)
            .unwrap_or_else(|| panic!("{id} is not built in"));
        if let Some(first) = note.get("first_enacted") {
            let citation = first["citation"].as_str().unwrap();
            assert!(
                entry.citations.iter().any(|c| c == citation),
                "{id}: {citation}"
            );
            assert_eq!(entry.status.date.as_deref(), first["date"].as_str(), "{id}");
        }
        if let Some(codified) = note["codified"].as_str() {
            assert!(
                entry.citations.iter().any(|c| c == codified),
                "{id}: {codified}"
            );
        }
        if let Some(date) = note["part_of"]["date"].as_str() {
            assert_eq!(entry.status.date.as_deref(), Some(date), "{id}");
        }
    }
}
