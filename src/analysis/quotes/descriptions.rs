//! What a description of a speaker says on its own: its head noun, the
//! kind of source it names when no identity stands for it, and whether the
//! draft brought that someone in unnamed before (`a fashion designer`).

use super::entities::fold;
use super::lexicon::title_role;
use super::nouns::{is_org_noun, is_person_noun, DOCUMENT_NOUNS, GROUP_HEADS};
use crate::analysis::{MentionForm, SourceKind};

/// Whether the text before `at` brings in someone by an indefinite
/// description with `head` as its noun (`a fashion designer`, `an
/// 81-year-old nurse`), looking back a few paragraphs.
pub(super) fn introduced_unnamed(text: &str, at: usize, head: &str) -> bool {
    let mut from = at.saturating_sub(3_000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’');
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in before
        .char_indices()
        .chain(std::iter::once((before.len(), ' ')))
    {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &before[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    words.iter().enumerate().any(|(i, &(at, w))| {
        let indefinite = words[i.saturating_sub(3)..i]
            .iter()
            .any(|(_, d)| d.eq_ignore_ascii_case("a") || d.eq_ignore_ascii_case("an"));
        // The noun heads its phrase (`a fashion designer for the
        // company`), not a noun after it (`a tumultuous delegate battle`).
        let after = before[at + w.len()..].trim_start_matches(' ');
        let heads = after.starts_with(|c: char| !is_word(c))
            || after.is_empty()
            || [
                "for", "of", "at", "from", "with", "in", "who", "and", "named",
            ]
            .iter()
            .any(|p| {
                after
                    .strip_prefix(p)
                    .is_some_and(|rest| rest.starts_with(' '))
            });
        w.eq_ignore_ascii_case(head) && indefinite && heads
    })
}

/// The head noun of a description, as a role: `the spokesperson for the
/// ministry` gives `spokesperson`, `the senator` gives `senator`.
pub(super) fn description_head(description: &str) -> Option<String> {
    let words: Vec<String> = description
        .split_whitespace()
        .map(|w| fold(super::names::strip_possessive(w)))
        .collect();
    let head = words
        .iter()
        .take_while(|w| {
            !matches!(
                w.as_str(),
                "for" | "of" | "at" | "with" | "in" | "from" | "who" | "familiar" | "close"
            )
        })
        .last()?;
    let head = title_role(head)
        .filter(|r| !r.is_empty())
        .unwrap_or(head.as_str())
        .to_string();
    (head.len() >= 3).then_some(head)
}

/// The kind of a source no entity stands for.
pub(super) fn unnamed_kind(form: MentionForm, written: &str) -> SourceKind {
    match form {
        MentionForm::Anonymous => SourceKind::Anonymous,
        MentionForm::Pronoun => SourceKind::Unknown,
        MentionForm::Name | MentionForm::Surname => SourceKind::Person,
        MentionForm::Description => {
            let head = description_head(written).unwrap_or_default();
            if is_org_noun(&head) {
                SourceKind::Organisation
            } else if DOCUMENT_NOUNS.contains(&head.as_str())
                || head
                    .strip_suffix('s')
                    .is_some_and(|one| DOCUMENT_NOUNS.contains(&one))
            {
                // Documents in the plural too: `the exit polls`.
                SourceKind::Document
            } else if GROUP_HEADS.contains(&head.as_str()) {
                SourceKind::Group
            } else {
                // People in the plural (`many marchers and spectators`,
                // `several senators`) are a group.
                let plural = head.len() > 3
                    && head.ends_with('s')
                    && !head.ends_with("ss")
                    && is_person_noun(head.trim_end_matches('s'));
                if plural {
                    SourceKind::Group
                } else {
                    SourceKind::Person
                }
            }
        }
    }
}
