//! A `Bill` as a knowledge-base `Entry`.

use super::billstatus::{Bill, LawKind, Stage, Summary, TitleKind};
use super::plain_text::summary_text;
use super::status;
use crate::kb::{Entry, Kind, LawId, StatusState};

/// The entry for `bill`. `congress_ended` says whether the bill's Congress
/// is over (see [`status::status`]).
pub fn to_entry(bill: &Bill, congress_ended: bool) -> Entry {
    let status = status::status(bill, congress_ended);
    let enacted = status.state == StatusState::Enacted;
    let law = bill.laws.first();
    let id = match law {
        Some(l) if l.kind == LawKind::Public => format!("us/pl/{}", l.number),
        Some(l) => format!("us/pvtl/{}", l.number),
        None => format!(
            "us/bill/{}/{}{}",
            bill.congress,
            bill.bill_type.code(),
            bill.number
        ),
    };
    let mut citations = Vec::new();
    if let Some(l) = law {
        citations.push(l.citation());
    }
    citations.push(bill_citation(bill));

    let names = names(bill, enacted);
    let mut related = Vec::new();
    if !names.portions.is_empty() {
        related.push(format!(
            "Parts of it have short titles of their own: {}.",
            names.portions.join("; ")
        ));
    }
    if !names.earlier.is_empty() {
        related.push(format!(
            "Earlier versions of the bill were titled {}.",
            names.earlier.join("; ")
        ));
    }

    Entry {
        id: LawId::new(id),
        kind: if enacted { Kind::Law } else { Kind::Bill },
        jurisdiction: "us".to_string(),
        title: names.title,
        aliases: names.aliases,
        citations,
        status,
        summary: latest_summary(&bill.summaries)
            .map(|s| summary_text(&s.html))
            .unwrap_or_default(),
        related,
        sources: vec![source_url(bill)],
        amendments: Vec::new(),
    }
}

/// `H.R. 4346 (117th Congress)`.
pub fn bill_citation(bill: &Bill) -> String {
    format!(
        "{} {} ({} Congress)",
        bill.bill_type.citation_prefix(),
        bill.number,
        ordinal(bill.congress)
    )
}

/// The govinfo address of the bill's BILLSTATUS file.
pub fn source_url(bill: &Bill) -> String {
    let (c, t, n) = (bill.congress, bill.bill_type.code(), bill.number);
    format!("https://www.govinfo.gov/bulkdata/BILLSTATUS/{c}/{t}/BILLSTATUS-{c}{t}{n}.xml")
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The names an entry goes by.
struct Names {
    title: String,
    aliases: Vec<String>,
    /// Short titles of portions of the measure.
    portions: Vec<String>,
    /// Short titles the bill had at earlier stages that the law does not
    /// carry (a vehicle bill's original name).
    earlier: Vec<String>,
}

/// Picks the title and aliases. The names of the measure are its short
/// titles of the whole (not of portions) and any popular titles, from the
/// latest stage that has any: as enacted for a law, else as passed by a
/// chamber, else as introduced or reported. Names from earlier stages are
/// reported separately: a vehicle bill keeps its introduced name in the
/// record though the law it became has another. The title is the display
/// title when it is a short or popular title of any stage (it is the name
/// Congress.gov shows and people use), else the first name, else the display
/// title (an official "To amend ..." title when the measure has no short
/// title).
/// Year-less variants are not made up: "America COMPETES Act" is another
/// law than "America COMPETES Act of 2022".
fn names(bill: &Bill, enacted: bool) -> Names {
    let mut whole: Vec<StagedName> = Vec::new();
    let mut portion_titles: Vec<StagedName> = Vec::new();
    let mut popular: Vec<&str> = Vec::new();
    for t in &bill.titles {
        match t.kind {
            TitleKind::Short {
                stage,
                portion: false,
            } => whole.push((stage, &t.text)),
            TitleKind::Short {
                stage,
                portion: true,
            } => portion_titles.push((stage, &t.text)),
            TitleKind::Popular => popular.push(&t.text),
            _ => {}
        }
    }
    // Latest stage first; the sort is stable, so the file's order holds
    // within a stage.
    whole.sort_by_key(|(stage, _)| std::cmp::Reverse(*stage));
    let latest = whole.first().map_or(Stage::Unstaged, |(s, _)| *s);
    let threshold = if enacted && latest == Stage::Enacted {
        Stage::Enacted
    } else if latest >= Stage::PassedOneChamber {
        Stage::PassedOneChamber
    } else {
        Stage::Unstaged
    };
    let (current, earlier): (Vec<StagedName>, Vec<StagedName>) = whole
        .iter()
        .partition(|(s, _)| *s >= threshold || *s == Stage::Unstaged);
    let current = current.into_iter().map(|(_, t)| t);
    let earlier = earlier.into_iter().map(|(_, t)| t);
    let current = dedupe(current.chain(popular.iter().copied()), &[]);

    let display_key = name_key(&bill.display_title);
    let display_is_a_name = whole
        .iter()
        .map(|(_, t)| *t)
        .chain(popular.iter().copied())
        .any(|n| name_key(n) == display_key);
    let title = if display_is_a_name {
        bill.display_title.clone()
    } else {
        current
            .first()
            .cloned()
            .unwrap_or_else(|| bill.display_title.clone())
    };
    let mut aliases = dedupe(current.iter().map(String::as_str), &[&title]);
    // The long title Congress.gov displays stays a name of the entry when a
    // short title is shown in its place.
    if !display_is_a_name && name_key(&title) != display_key {
        aliases.push(bill.display_title.clone());
    }
    let mut known: Vec<&str> = vec![&title];
    known.extend(aliases.iter().map(String::as_str));
    let earlier = dedupe(earlier, &known);

    let enacted_portions = enacted && portion_titles.iter().any(|(s, _)| *s == Stage::Enacted);
    let portions = dedupe(
        portion_titles
            .iter()
            .filter(|(s, _)| !enacted_portions || *s == Stage::Enacted)
            .map(|(_, t)| *t),
        &known,
    );
    Names {
        title,
        aliases,
        portions,
        earlier,
    }
}

/// What one imported bill tells the others of its import about its names:
/// the keys of its long titles and, when it has one, its short title. A
/// bill with only a long title takes the short title of a companion with
/// the same long title (H.R. 6256 of the 117th Congress, the Uyghur Forced
/// Labor Prevention Act, has no short title in its record; its Senate
/// twin, S. 65, has).
#[derive(Clone, Debug)]
pub struct Companion {
    pub congress: u32,
    /// `official_key` of every long title: the official titles and a
    /// display title that is not a short one. None for a named bill whose
    /// long title changed.
    pub long_titles: Vec<String>,
    /// The entry's title when the bill has a short or popular title.
    pub short_title: Option<String>,
    /// `H.R. 6256 (117th Congress)`.
    pub citation: String,
}

/// The `Companion` record of `bill`, whose entry is `entry`.
pub fn companion(bill: &Bill, entry: &Entry) -> Companion {
    let named = bill.titles.iter().any(|t| {
        matches!(
            t.kind,
            TitleKind::Popular | TitleKind::Short { portion: false, .. }
        )
    });
    let mut long_titles: Vec<String> = bill
        .titles
        .iter()
        .filter(|t| t.kind == TitleKind::Official)
        .map(|t| official_key(&t.text))
        .collect();
    if !named || entry.title != bill.display_title {
        long_titles.push(official_key(&bill.display_title));
    }
    long_titles.sort();
    long_titles.dedup();
    // A named bill whose long title changed may have been a vehicle for
    // another measure (S. 140 of the 115th Congress began as a water rights
    // bill and became the Coast Guard's authorization): its short title
    // names none of its long titles for sure.
    if named && long_titles.len() > 1 {
        long_titles.clear();
    }
    Companion {
        congress: bill.congress,
        long_titles,
        short_title: named.then(|| entry.title.clone()),
        citation: bill_citation(bill),
    }
}

/// The key of a long title without the words naming the kind of measure:
/// `A bill to ensure ...` and `To ensure ...` are one title.
pub fn official_key(title: &str) -> String {
    let key = name_key(title);
    ["a bill ", "an act ", "a joint resolution ", "a resolution "]
        .iter()
        .find_map(|kind| key.strip_prefix(kind))
        .map_or(key.clone(), str::to_string)
}

/// Gives each entry whose bill has only long titles the short title of a
/// companion of the same Congress with the same long title, keeping its
/// long title as an alias. `companions[i]` describes `entries[i]`. A long
/// title two companions name differently names neither.
pub fn name_by_companions(entries: &mut [Entry], companions: &[Companion]) {
    use std::collections::HashMap;
    let mut named: HashMap<(u32, &str), Option<usize>> = HashMap::new();
    for (at, companion) in companions.iter().enumerate() {
        let Some(short) = &companion.short_title else {
            continue;
        };
        for key in &companion.long_titles {
            named
                .entry((companion.congress, key))
                .and_modify(|found| {
                    if found.is_some_and(|other| {
                        companions[other].short_title.as_deref() != Some(short)
                    }) {
                        *found = None;
                    }
                })
                .or_insert(Some(at));
        }
    }
    for (entry, companion) in entries.iter_mut().zip(companions) {
        if companion.short_title.is_some() {
            continue;
        }
        let twin = companion.long_titles.iter().find_map(|key| {
            named
                .get(&(companion.congress, key.as_str()))
                .copied()
                .flatten()
        });
        let Some(twin) = twin else { continue };
        let Some(short) = companions[twin].short_title.clone() else {
            continue;
        };
        let long = std::mem::replace(&mut entry.title, short);
        entry
            .aliases
            .retain(|a| name_key(a) != name_key(&entry.title));
        entry.aliases.push(long);
        entry.related.push(format!(
            "Its record gives no short title; it is named for {}, which has the same long title.",
            companions[twin].citation
        ));
    }
}

/// A name with the stage it belongs to.
type StagedName<'a> = (Stage, &'a str);

/// `names` without repeats (by [`name_key`]) and without any of `exclude`.
fn dedupe<'a>(names: impl IntoIterator<Item = &'a str>, exclude: &[&str]) -> Vec<String> {
    let mut seen: Vec<String> = exclude.iter().map(|n| name_key(n)).collect();
    let mut out = Vec::new();
    for name in names {
        let key = name_key(name);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(name.to_string());
        }
    }
    out
}

/// The form two names are compared in: case, curly quotes, hyphen-like
/// dashes, spacing and a final period do not count.
pub fn name_key(name: &str) -> String {
    let name = name.trim().trim_end_matches('.');
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' => key.push('\''),
                '\u{201C}' | '\u{201D}' => key.push('"'),
                '\u{2010}' | '\u{2011}' | '\u{2013}' => key.push('-'),
                c => key.extend(c.to_lowercase()),
            }
        }
    }
    key
}

/// The most recent summary: the latest action date, then the latest
/// rewrite, then the last listed.
fn latest_summary(summaries: &[Summary]) -> Option<&Summary> {
    summaries
        .iter()
        .max_by(|a, b| (&a.date, &a.updated).cmp(&(&b.date, &b.updated)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 11, 12, 13, 101, 112, 115, 117, 121, 122, 123]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "11th", "12th", "13th", "101st", "112th", "115th", "117th",
                "121st", "122nd", "123rd"
            ]
        );
    }

    #[test]
    fn long_titles_are_one_whatever_kind_of_measure_they_name() {
        assert_eq!(
            official_key("A bill to fund bandstands."),
            official_key("To fund  bandstands")
        );
        assert_eq!(
            official_key("A joint resolution providing for X."),
            "providing for x"
        );
    }

    #[test]
    fn companions_that_disagree_name_no_one() {
        let companion = |short: Option<&str>| Companion {
            congress: 118,
            long_titles: vec!["to fund bandstands".to_string()],
            short_title: short.map(str::to_string),
            citation: "H.R. 1 (118th Congress)".to_string(),
        };
        let entry = |title: &str| {
            crate::kb::builtin::parse_file(&format!(
                "[[entry]]\nid = \"x\"\nkind = \"bill\"\njurisdiction = \"us\"\n\
                 title = \"{title}\"\nstatus = {{ state = \"introduced\" }}\n\
                 summary = \"\"\nsources = []\n"
            ))
            .unwrap()
            .remove(0)
        };
        let mut entries = vec![entry("To fund bandstands."), entry("A"), entry("B")];
        let companions = [companion(None), companion(Some("A")), companion(Some("B"))];
        name_by_companions(&mut entries, &companions);
        assert_eq!(entries[0].title, "To fund bandstands.");
        name_by_companions(&mut entries[..2], &companions[..2]);
        assert_eq!(entries[0].title, "A");
        assert_eq!(entries[0].aliases, ["To fund bandstands."]);
    }

    #[test]
    fn name_keys() {
        assert_eq!(name_key("Sami\u{2019}s  Law."), name_key("sami's law"));
        assert_ne!(
            name_key("America COMPETES Act"),
            name_key("America COMPETES Act of 2022")
        );
    }
}
