//! Invented sentences naming laws, bills, provisions, treaties, codes and
//! foreign laws, and traps that name none (`tests/fixtures/laws/sentences.tsv`, and
//! `blind-sentences.tsv`, written by a colleague who had not seen the knowledge base).
//! Prints, per category, how many law names were recognised (a mention of a
//! known entry on the expected text), explained (the expected entry, whose
//! card has a summary), wrong (another entry) and how many mentions the traps
//! made (false), then checks the targets of issue 17: at least 95%
//! recognised and explained, no wrong identity, no law found in a trap.

use std::collections::BTreeMap;

use copydesk::analysis::analyze;
use copydesk::config::Config;
use copydesk::kb::Kb;

/// One line of the file.
struct Case {
    category: String,
    sentence: String,
    /// The entry id, or `None` for a trap.
    expected: Option<String>,
    /// The exact text the mention must cover, when given.
    span: Option<String>,
}

fn cases() -> Vec<Case> {
    let mut cases = cases_of("sentences.tsv", "");
    // Written by a colleague who had not seen the knowledge base.
    cases.extend(cases_of("blind-sentences.tsv", "blind "));
    cases
}

/// The cases of one file of `tests/fixtures/laws`, their categories
/// prefixed with `prefix`.
fn cases_of(name: &str, prefix: &str) -> Vec<Case> {
    let path = format!("{}/tests/fixtures/laws/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the sentences file is there");
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .skip(1)
        .map(|(at, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert!(
                fields.len() >= 3,
                "{name}:{}: three columns at least",
                at + 1
            );
            let span = fields.get(3).map(|s| s.trim()).filter(|s| !s.is_empty());
            Case {
                category: format!("{prefix}{}", fields[0]),
                sentence: fields[1].to_string(),
                expected: (fields[2] != "none").then(|| fields[2].to_string()),
                span: span.map(str::to_string),
            }
        })
        .collect()
}

#[derive(Default)]
struct Counts {
    sentences: usize,
    recognised: usize,
    explained: usize,
    wrong: usize,
    false_laws: usize,
}

#[test]
fn invented_sentences_meet_the_targets() {
    let kb = Kb::builtin();
    let config = Config::default();
    let mut table: BTreeMap<String, Counts> = BTreeMap::new();
    let mut problems = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 150, "{} sentences", cases.len());
    for case in &cases {
        let analysis = analyze(&case.sentence, &config, &kb);
        let counts = table.entry(case.category.clone()).or_default();
        counts.sentences += 1;
        let Some(expected) = &case.expected else {
            if !analysis.laws.is_empty() {
                counts.false_laws += 1;
                let found: Vec<&str> = analysis.laws.iter().map(|l| l.text.as_str()).collect();
                problems.push(format!("false law {found:?} in: {}", case.sentence));
            }
            continue;
        };
        let on_span = analysis.laws.iter().find(|l| match &case.span {
            Some(span) => l.text == *span,
            None => l.id.is_some(),
        });
        let Some(mention) = on_span.filter(|m| m.id.is_some()) else {
            let found: Vec<(&str, Option<&str>)> = analysis
                .laws
                .iter()
                .map(|l| (l.text.as_str(), l.id.as_ref().map(|id| id.as_str())))
                .collect();
            problems.push(format!(
                "not recognised ({expected}): {} found {found:?}",
                case.sentence
            ));
            continue;
        };
        counts.recognised += 1;
        let id = mention.id.as_ref().map(|id| id.as_str()).unwrap_or("");
        if id == expected {
            let explained = kb
                .get(mention.id.as_ref().unwrap())
                .is_some_and(|e| !e.summary.is_empty());
            if explained {
                counts.explained += 1;
            } else {
                problems.push(format!("no summary for {expected}: {}", case.sentence));
            }
        } else {
            counts.wrong += 1;
            problems.push(format!("wrong: {id} for {expected}: {}", case.sentence));
        }
    }

    let mut total = Counts::default();
    println!(
        "{:<14} {:>9} {:>10} {:>9} {:>5} {:>5}",
        "category", "sentences", "recognised", "explained", "wrong", "false"
    );
    for (category, c) in &table {
        println!(
            "{category:<14} {:>9} {:>10} {:>9} {:>5} {:>5}",
            c.sentences, c.recognised, c.explained, c.wrong, c.false_laws
        );
        total.sentences += c.sentences;
        total.recognised += c.recognised;
        total.explained += c.explained;
        total.wrong += c.wrong;
        total.false_laws += c.false_laws;
    }
    println!(
        "{:<14} {:>9} {:>10} {:>9} {:>5} {:>5}",
        "all", total.sentences, total.recognised, total.explained, total.wrong, total.false_laws
    );
    for problem in &problems {
        println!("  {problem}");
    }

    let traps: usize = table
        .iter()
        .filter(|(category, _)| category.ends_with("trap"))
        .map(|(_, c)| c.sentences)
        .sum();
    assert!(traps >= 40, "{traps} traps");
    let laws = total.sentences - traps;
    let share = |n: usize| n as f64 / laws as f64;
    assert_eq!(total.wrong, 0, "wrong identities");
    assert_eq!(total.false_laws, 0, "laws found in traps");
    assert!(
        share(total.recognised) >= 0.95,
        "recognised {:.3}",
        share(total.recognised)
    );
    assert!(
        share(total.explained) >= 0.95,
        "explained {:.3}",
        share(total.explained)
    );
}
