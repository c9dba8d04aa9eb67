//! Measures quote finding and attribution against an annotated corpus in
//! the JSON Lines format of `../shared/corpus/README.md`.
//!
//! `cargo run --release --example eval_corpus -- ../shared/corpus/polnear-train.jsonl`
//!
//! Each text is analysed as a Markdown draft. It prints quote-span
//! precision, recall and F1 (a match overlaps by at least 0.8 of the longer
//! span), attribution recall and speaker accuracy on direct quotes with a
//! gold speaker, speaker accuracy on pronoun speakers, and false
//! `unattributed-quote` flags per 100 attributed quotes. With `--misses N`
//! it also prints up to N wrong speakers, and with `--flags N` up to N false
//! flags, for debugging.

use std::io::BufRead;

use copydesk::analysis::{analyze, Code};
use copydesk::config::Config;
use copydesk::kb::Kb;
use copydesk::text::Span;
use serde::Deserialize;

#[derive(Deserialize)]
struct Article {
    text: String,
    quotes: Vec<GoldQuote>,
    #[serde(default)]
    unattributed_quoted_spans: Vec<(usize, usize)>,
}

#[derive(Deserialize)]
struct GoldQuote {
    start: usize,
    end: usize,
    kind: String,
    #[serde(default)]
    speaker_text: Option<String>,
    #[serde(default)]
    speaker_spans: Vec<(usize, usize)>,
}

#[derive(Default)]
struct Tally {
    predicted: usize,
    predicted_matched: usize,
    gold: usize,
    gold_matched: usize,
    direct_with_speaker: usize,
    attributed: usize,
    speaker_right: usize,
    pronoun: usize,
    pronoun_right: usize,
    gold_attributed: usize,
    false_flags: usize,
}

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "who", "you"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: eval_corpus CORPUS.jsonl [--misses N]");
        std::process::exit(2);
    };
    let option = |name: &str| -> usize {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let misses = option("--misses");
    let flags_to_show = option("--flags");
    let mut flags_shown = 0;
    let file = std::fs::File::open(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let config = Config::default();
    let kb = Kb::builtin();
    let mut tally = Tally::default();
    let mut shown = 0;
    let mut articles = 0;
    let started = std::time::Instant::now();
    let mut bytes = 0;

    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.expect("readable corpus");
        let article: Article = serde_json::from_str(&line).unwrap_or_else(|e| {
            eprintln!("{path}:{}: {e}", n + 1);
            std::process::exit(2);
        });
        articles += 1;
        bytes += article.text.len();
        let bytes_at = byte_offsets(&article.text);
        let to_span = |(s, e): (usize, usize)| {
            Span::new(
                bytes_at[s.min(bytes_at.len() - 1)],
                bytes_at[e.min(bytes_at.len() - 1)],
            )
        };
        let analysis = analyze(&article.text, &config, &kb);
        let gold: Vec<Span> = article
            .quotes
            .iter()
            .map(|q| to_span((q.start, q.end)))
            .collect();
        let unattributed: Vec<Span> = article
            .unattributed_quoted_spans
            .iter()
            .map(|&s| to_span(s))
            .collect();

        tally.predicted += analysis.quotes.len();
        tally.predicted_matched += analysis
            .quotes
            .iter()
            .filter(|q| {
                gold.iter()
                    .chain(&unattributed)
                    .any(|g| matches(q.span, *g))
            })
            .count();
        tally.gold += gold.len();
        for (g, span) in article.quotes.iter().zip(&gold) {
            let found = analysis.quotes.iter().find(|q| matches(q.span, *span));
            if found.is_some() {
                tally.gold_matched += 1;
            }
            let speakers: Vec<Span> = g.speaker_spans.iter().map(|&s| to_span(s)).collect();
            if speakers.is_empty() {
                continue;
            }
            tally.gold_attributed += 1;
            let flagged = analysis
                .findings
                .iter()
                .any(|f| f.code == Code::UnattributedQuote && matches(f.span, *span));
            if flagged {
                tally.false_flags += 1;
                if flags_shown < flags_to_show {
                    flags_shown += 1;
                    println!(
                        "--- flagged, gold speaker {:?}\n{}\n",
                        g.speaker_text,
                        context(&article.text, *span)
                    );
                }
            }
            if g.kind != "direct" {
                continue;
            }
            tally.direct_with_speaker += 1;
            let speaker = found
                .and_then(|q| q.attribution.as_ref())
                .map(|a| a.speaker.span);
            let right = speaker.is_some_and(|s| speakers.iter().any(|g| s.overlaps(*g)));
            if speaker.is_some() {
                tally.attributed += 1;
            }
            if right {
                tally.speaker_right += 1;
            }
            let is_pronoun = g
                .speaker_text
                .as_deref()
                .is_some_and(|t| PRONOUNS.contains(&t.trim().to_lowercase().as_str()));
            if is_pronoun {
                tally.pronoun += 1;
                tally.pronoun_right += usize::from(right);
            }
            if !right && shown < misses {
                shown += 1;
                println!(
                    "--- gold speaker {:?}, found {:?}\n{}\n",
                    g.speaker_text,
                    speaker.map(|s| s.slice(&article.text)),
                    context(&article.text, *span)
                );
            }
        }
    }

    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tally.predicted_matched, tally.predicted);
    let recall = ratio(tally.gold_matched, tally.gold);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    println!(
        "articles: {articles}, gold quotes: {}, predicted: {}",
        tally.gold, tally.predicted
    );
    println!("quote spans: precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}");
    println!(
        "direct quotes with a gold speaker: {}; attribution recall {:.3}; speaker accuracy {:.3}",
        tally.direct_with_speaker,
        ratio(tally.attributed, tally.direct_with_speaker),
        ratio(tally.speaker_right, tally.direct_with_speaker)
    );
    println!(
        "pronoun speakers: {}; accuracy {:.3}",
        tally.pronoun,
        ratio(tally.pronoun_right, tally.pronoun)
    );
    println!(
        "false unattributed-quote flags: {} on {} attributed quotes = {:.2} per 100",
        tally.false_flags,
        tally.gold_attributed,
        100.0 * ratio(tally.false_flags, tally.gold_attributed)
    );
    let seconds = started.elapsed().as_secs_f64();
    println!("analysed {:.1} MB in {seconds:.2} s", bytes as f64 / 1e6);
}

/// Byte offset of every code point, plus the end.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    offsets.push(text.len());
    offsets
}

/// Whether two spans overlap by at least 0.8 of the longer one.
fn matches(a: Span, b: Span) -> bool {
    let overlap = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let longer = a.len().max(b.len()).max(1);
    overlap as f64 / longer as f64 >= 0.8
}

/// The quote with 200 bytes either side, the quote in brackets.
fn context(text: &str, span: Span) -> String {
    let start = floor(text, span.start.saturating_sub(200));
    let end = floor(text, (span.end + 200).min(text.len()));
    format!(
        "{}[[{}]]{}",
        &text[start..span.start],
        span.slice(text),
        &text[span.end..end]
    )
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
