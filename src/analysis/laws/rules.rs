//! The findings about the laws a draft names: bills written as if they
//! were law, wrong years, names one word off a known name, and laws
//! copydesk does not know.

use super::WRITTEN_YEAR;
use crate::analysis::{Code, Finding, Fix, LawMention, TextEdit};
use crate::config::Config;
use crate::hashing::DraftSet;
use crate::kb::citations::CITATION;
use crate::kb::{Entry, Kb};
use crate::text::Span;

/// The legislation-side findings for `laws`.
pub fn law_findings(text: &str, laws: &[LawMention], kb: &Kb, config: &Config) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut seen = DraftSet::default();
    for mention in laws {
        let first = seen.insert(mention.key());
        let entry = mention.id.as_ref().and_then(|id| kb.get(id));
        match entry {
            Some(entry) => {
                if let Some(finding) = wrong_year(mention, entry, config) {
                    findings.push(finding);
                } else if first
                    && entry.status.state.never_enacted()
                    && !sentence_says_so(text, mention.span)
                {
                    if let Some(severity) = config.severity(Code::LawNotEnacted) {
                        let note = entry
                            .status
                            .note
                            .clone()
                            .unwrap_or_else(|| entry.status.short());
                        findings.push(Finding {
                            code: Code::LawNotEnacted,
                            severity,
                            span: mention.span,
                            message: format!("The {} is a bill, not a law. {note}", entry.title),
                            fixes: Vec::new(),
                        });
                    }
                }
            }
            None if first && mention.citation_like() => {}
            None if first && kb.near().find(&mention.text).is_some() => {
                let near = kb.near().find(&mention.text);
                let entry = near.and_then(|n| kb.entries().get(n.entry));
                if let (Some(entry), Some(severity)) =
                    (entry, config.severity(Code::LawNameMismatch))
                {
                    findings.push(Finding {
                        code: Code::LawNameMismatch,
                        severity,
                        span: mention.span,
                        message: format!(
                            "No law is called the “{}”. Did you mean the {}?",
                            one_line(&mention.text),
                            entry.title
                        ),
                        fixes: vec![canonical_title(mention, entry)],
                    });
                }
            }
            None if first => {
                if let Some(severity) = config.severity(Code::UnknownLaw) {
                    findings.push(Finding {
                        code: Code::UnknownLaw,
                        severity,
                        span: mention.span,
                        message: format!(
                            "The “{}” is not in copydesk's knowledge base, so it cannot be \
                             explained here. If it is a law, the desk's glossary can add it.",
                            one_line(&mention.text)
                        ),
                        fixes: Vec::new(),
                    });
                }
            }
            None => {}
        }
    }
    findings
}

/// A known law written with a year none of its names has and in which it
/// was not amended ("Clean Air Act of 1970" is the act as amended then).
fn wrong_year(mention: &LawMention, entry: &Entry, config: &Config) -> Option<Finding> {
    let written = mention
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let year = WRITTEN_YEAR.captures(&written)?.get(1)?.as_str();
    let names: Vec<&String> = std::iter::once(&entry.title)
        .chain(&entry.aliases)
        .collect();
    let enacted_then = entry.status.date.as_deref().and_then(|d| d.get(..4)) == Some(year);
    let amended_then = entry.amendments.iter().any(|a| a.year() == year);
    if enacted_then
        || amended_then
        || names.iter().any(|n| n.contains(year))
        || written.eq_ignore_ascii_case(&entry.title)
    {
        return None;
    }
    let severity = config.severity(Code::LawNameMismatch)?;
    Some(Finding {
        code: Code::LawNameMismatch,
        severity,
        span: mention.span,
        message: format!(
            "No law by this name has the year {year}. Did you mean the {}?",
            entry.title
        ),
        fixes: vec![canonical_title(mention, entry)],
    })
}

/// The fix that writes the entry's title in place of the mention.
fn canonical_title(mention: &LawMention, entry: &Entry) -> Fix {
    Fix {
        title: format!("Use “{}”", entry.title),
        edits: vec![TextEdit {
            span: mention.span,
            new_text: entry.title.clone(),
            snippet: false,
        }],
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the sentence around `span` already says the bill did not
/// become law.
fn sentence_says_so(text: &str, span: Span) -> bool {
    let start = text[..span.start]
        .rfind(['.', '?', '!'])
        .max(text[..span.start].rfind("\n\n"))
        .map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find(['.', '?', '!'])
        .map_or(text.len(), |i| span.end + i);
    let sentence = text[start..end].to_lowercase();
    [
        "never",
        "not enacted",
        "died",
        "stalled",
        "failed",
        "passed the house",
        "passed the senate",
        "bill",
    ]
    .iter()
    .any(|w| sentence.contains(w))
}

impl LawMention {
    /// Whether the mention is a bare citation (`H.R. 9999`) rather than a name.
    fn citation_like(&self) -> bool {
        CITATION.is_match(&self.text)
    }
}
