//! `eval CORPUS --laws`: the law mentions of the corpus against the laws
//! answer key (`data/eval/laws-key.jsonl`, see `data/eval/reading-laws.md`).
//!
//! For every keyed mention: recognised (copydesk reports a law mention that
//! overlaps it), explained (one of those is mapped to the entry the key
//! names), wrong identity (none is, and one is mapped to another entry;
//! a mention the key has no entry for counts here when copydesk maps it to
//! any entry). False laws are copydesk's law mentions that overlap no keyed
//! mention, over every article of the corpus, keyed or not.
//!
//! `--laws-key FILE` names another key; `--kb FILE` (repeatable) lays a
//! knowledge-base file of `[[entry]]` tables over the built-in entries, to
//! measure files not yet compiled in; `--without NAME` (repeatable) leaves
//! out a built-in file (`corpus-named.toml`), to measure what it adds; `--show missed|unexplained|wrong|false N`
//! prints up to N cases with their context.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use copydesk::analysis::{analyze, LawMention};
use copydesk::config::Config;
use copydesk::kb::{builtin, Kb};
use copydesk::text::Span;
use serde::Deserialize;

use crate::{context, read_lines, Offsets, Show};

#[derive(Deserialize)]
struct Article {
    id: String,
    text: String,
}

#[derive(Deserialize)]
struct ArticleLaws {
    id: String,
    laws: Vec<KeyedLaw>,
}

#[derive(Deserialize)]
struct KeyedLaw {
    /// Code-point offsets in the article, as in the corpus.
    start: usize,
    end: usize,
    text: String,
    is: String,
    kind: String,
    entry: Option<String>,
}

#[derive(Default)]
struct Tally {
    keyed: usize,
    recognised: usize,
    explained: usize,
    wrong: usize,
    /// Recognised, and copydesk knows no entry for what it found.
    unknown: usize,
    /// Keyed mentions whose key names no entry yet.
    no_entry: usize,
    /// By kind: (keyed, explained).
    by_kind: BTreeMap<String, (usize, usize)>,
    /// Unexplained mentions by the key's entry (or what the law is, when
    /// the key names no entry): how often, and the words written.
    unexplained: BTreeMap<String, (usize, BTreeSet<String>)>,
    /// Wrong identities: key entry -> copydesk entry, and how often.
    wrong_ids: BTreeMap<(String, String), usize>,
    false_laws: usize,
    false_known: usize,
    /// False laws by the text copydesk found, and how often.
    false_texts: BTreeMap<String, usize>,
    articles: usize,
}

pub fn run(args: &[String], corpus: &str, show: &mut Show) {
    let option = |name: &str| -> Option<&String> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let key_path = option("--laws-key").map_or("data/eval/laws-key.jsonl", |s| s.as_str());
    let keys: HashMap<String, ArticleLaws> = read_lines::<ArticleLaws>(key_path)
        .into_iter()
        .map(|k| (k.id.clone(), k))
        .collect();
    let articles: Vec<Article> = read_lines(corpus);
    let kb = knowledge_base(args);
    let config = Config::default();
    let mut tally = Tally::default();
    for article in &articles {
        let analysis = analyze(&article.text, &config, &kb);
        let offsets = Offsets::new(&article.text);
        let keyed: Vec<(Span, &KeyedLaw)> = keys
            .get(&article.id)
            .map(|k| {
                k.laws
                    .iter()
                    .map(|l| (offsets.span((l.start, l.end)), l))
                    .collect()
            })
            .unwrap_or_default();
        score_keyed(&article.text, &keyed, &analysis.laws, &mut tally, show);
        for law in &analysis.laws {
            if keyed.iter().any(|(span, _)| span.overlaps(law.span)) {
                continue;
            }
            tally.false_laws += 1;
            tally.false_known += usize::from(law.id.is_some());
            *tally.false_texts.entry(law.text.clone()).or_default() += 1;
            if show.wants("false") {
                println!(
                    "--- false law {:?} -> {}\n{}\n",
                    law.text,
                    law.id.as_ref().map_or("(unknown)", |id| id.as_str()),
                    context(&article.text, law.span)
                );
            }
        }
    }
    tally.articles = articles.len();
    print_table(&tally, keys.len(), kb.len());
}

/// Every value given to a repeatable option.
fn values<'a>(args: &'a [String], name: &str) -> Vec<&'a String> {
    args.iter()
        .enumerate()
        .filter(|(i, a)| *i > 0 && args[i - 1] == name && !a.starts_with("--"))
        .map(|(_, a)| a)
        .collect()
}

/// The built-in entries, less the built-in files named by `--without`,
/// with every `--kb` file laid over them.
fn knowledge_base(args: &[String]) -> Kb {
    let extra = values(args, "--kb");
    let without = values(args, "--without");
    if extra.is_empty() && without.is_empty() {
        return Kb::builtin();
    }
    let mut entries = Vec::new();
    for (name, source) in builtin::FILES {
        if !without.iter().any(|w| w.as_str() == *name) {
            entries.extend(builtin::parse_file(source).unwrap_or_default());
        }
    }
    for path in extra {
        let source = std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        });
        match builtin::parse_file(&source) {
            Ok(more) => entries.extend(more),
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        }
    }
    Kb::from_entries(entries)
}

fn score_keyed(
    text: &str,
    keyed: &[(Span, &KeyedLaw)],
    found: &[LawMention],
    tally: &mut Tally,
    show: &mut Show,
) {
    for (span, law) in keyed {
        tally.keyed += 1;
        tally.no_entry += usize::from(law.entry.is_none());
        let kind = tally.by_kind.entry(law.kind.clone()).or_default();
        kind.0 += 1;
        let over: Vec<&LawMention> = found.iter().filter(|m| m.span.overlaps(*span)).collect();
        let ids: Vec<&str> = over
            .iter()
            .filter_map(|m| m.id.as_ref().map(|id| id.as_str()))
            .collect();
        let explained = law
            .entry
            .as_deref()
            .is_some_and(|entry| ids.contains(&entry));
        if !over.is_empty() {
            tally.recognised += 1;
        }
        if explained {
            tally.explained += 1;
            kind.1 += 1;
            continue;
        }
        let entry = tally
            .unexplained
            .entry(law.entry.clone().unwrap_or_else(|| law.is.clone()))
            .or_default();
        entry.0 += 1;
        entry.1.insert(law.text.clone());
        let what = if over.is_empty() {
            "missed"
        } else if let Some(other) = ids.first() {
            tally.wrong += 1;
            let pair = (
                law.entry.clone().unwrap_or_else(|| "(none)".into()),
                other.to_string(),
            );
            *tally.wrong_ids.entry(pair).or_default() += 1;
            "wrong"
        } else {
            tally.unknown += 1;
            "unexplained"
        };
        // `--show unexplained` lists every keyed mention not explained.
        if show.wants(what) || (what != "unexplained" && show.wants("unexplained")) {
            println!(
                "--- {what}: {:?} is {} (key entry {}); copydesk: {}\n{}\n",
                law.text,
                law.is,
                law.entry.as_deref().unwrap_or("none"),
                if over.is_empty() {
                    "nothing".to_string()
                } else {
                    over.iter()
                        .map(|m| {
                            format!(
                                "{:?} -> {}",
                                m.text,
                                m.id.as_ref().map_or("(unknown)", |id| id.as_str())
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                },
                context(text, *span)
            );
        }
    }
}

fn print_table(t: &Tally, keyed_articles: usize, entries: usize) {
    let share = |n: usize| n as f64 / t.keyed.max(1) as f64;
    println!(
        "Laws: {} articles, {} of them keyed; knowledge base of {} entries\n",
        t.articles, keyed_articles, entries
    );
    println!("{:<44} {:>6} {:>7}  target", "", "count", "share");
    println!("{:<44} {:>6}", "mentions keyed", t.keyed);
    println!(
        "{:<44} {:>6}",
        "  of which the key names no entry yet", t.no_entry
    );
    println!(
        "{:<44} {:>6} {:>7.3}",
        "recognised",
        t.recognised,
        share(t.recognised)
    );
    println!(
        "{:<44} {:>6} {:>7.3}  >= 0.95",
        "explained (the key's entry)",
        t.explained,
        share(t.explained)
    );
    println!(
        "{:<44} {:>6} {:>7.3}  0",
        "wrong identity (another entry)",
        t.wrong,
        share(t.wrong)
    );
    println!(
        "{:<44} {:>6} {:>7.3}",
        "recognised as an unknown law",
        t.unknown,
        share(t.unknown)
    );
    println!("{:<44} {:>6}", "false laws, all articles", t.false_laws);
    println!(
        "{:<44} {:>6}",
        "  of which mapped to an entry", t.false_known
    );
    println!("\nExplained by kind:");
    for (kind, (n, ok)) in &t.by_kind {
        println!(
            "  {kind:<12} {ok:>4} / {n:<4} {:.3}",
            *ok as f64 / (*n).max(1) as f64
        );
    }
    if !t.unexplained.is_empty() {
        println!("\nUnexplained keyed mentions, by the key's entry, with the words written:");
        for (what, (n, texts)) in &t.unexplained {
            let texts: Vec<&String> = texts.iter().collect();
            println!("  {n:>3}  {what}  {texts:?}");
        }
    }
    if !t.wrong_ids.is_empty() {
        println!("\nWrong identities (key entry -> copydesk entry):");
        for ((key, got), n) in &t.wrong_ids {
            println!("  {n:>3}  {key} -> {got}");
        }
    }
    if !t.false_texts.is_empty() {
        println!("\nFalse laws, by the text copydesk found:");
        for (text, n) in &t.false_texts {
            println!("  {n:>3}  {text:?}");
        }
    }
}
