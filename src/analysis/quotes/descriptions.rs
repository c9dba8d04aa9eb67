//! What a description of a speaker says on its own: its head noun, the
//! kind of source it names when no identity stands for it, whether it
//! speaks for someone else (`the spokesman`) or names an organisation
//! (`the Washington Post`), and whether the draft brought that someone in
//! unnamed before (`a fashion designer`, or a sentence that opens `A
//! 29-year-old Berlin woman` before a `she`).

use super::entities::{fold, Entity};
use super::lexicon::title_role;
use super::names::Gender;
use super::nouns::{is_org_noun, is_person_noun, ANONYMOUS_HEADS, DOCUMENT_NOUNS, GROUP_HEADS};
use super::salience::Salience;
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

/// Whether a description's head names a source who speaks for someone
/// else, or one the draft withholds: `the spokesman`, `the official` are
/// not the principal.
pub(super) fn speaks_for_others(head: &str) -> bool {
    ANONYMOUS_HEADS.contains(&head)
        || matches!(
            head,
            "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "aide"
                | "adviser"
                | "advisor"
                | "staffer"
                | "employee"
                | "man"
                | "woman"
                | "lawyer"
                | "attorney"
                | "moderator"
                | "host"
                | "reporter"
                | "interviewer"
                | "voter"
                | "resident"
        )
}

/// Whether a description is `the` and a capitalised name: `the Washington
/// Post`, `The Federalist`, `the Daily Caller`.
pub(super) fn names_an_organisation(description: &str) -> bool {
    let mut words = description.split_whitespace().peekable();
    let article = words.next_if(|w| w.eq_ignore_ascii_case("the")).is_some();
    let rest: Vec<&str> = words.collect();
    // Capitalised but for the `of` of a name (`the Bank of the West`).
    let capitalised = rest.iter().enumerate().all(|(i, w)| {
        w.chars().next().is_some_and(char::is_uppercase)
            || (i > 0 && i + 1 < rest.len() && matches!(*w, "of" | "the"))
    });
    capitalised && (rest.len() >= 2 || (article && !rest.is_empty()))
}

/// Whether the sentence of `at`, or the one before it in the same
/// paragraph, opens with an indefinite description of a person of a
/// gender `gender` fits (`A 29-year-old Berlin woman`, `One nurse`):
/// then a `he` or `she` means that unnamed person.
pub(super) fn unnamed_subject_before(
    text: &str,
    salience: &Salience,
    entities: &[Entity],
    at: usize,
    gender: Gender,
) -> bool {
    let sentence = salience.sentence_of(at);
    let opens = |k: usize| -> Option<bool> {
        let start = salience.sentence_start(k)?;
        let end = salience.sentence_start(k + 1).unwrap_or(at).min(at);
        let mut words = text
            .get(start..end)?
            .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
            .filter(|w| !w.is_empty());
        let first = words.next()?;
        let indefinite = ["a", "an", "one", "another"]
            .iter()
            .any(|d| first.eq_ignore_ascii_case(d));
        if !indefinite {
            return Some(false);
        }
        // The person noun says the gender (`A 29-year-old Berlin woman`);
        // an age alone fits either (`A 41-year-old said`).
        let words: Vec<String> = words.take(4).map(str::to_lowercase).collect();
        let noun = words
            .iter()
            .find(|w| is_person_noun(w))
            .or_else(|| words.iter().find(|w| w.ends_with("-year-old")))?;
        let fits = super::nouns::role_gender(noun).is_none_or(|g| g == gender);
        // (`A potential vice president pick, Haley is ...` describes
        // someone it names.)
        let names_someone = salience.named_between(start, at, |e| {
            entities[e].kind == SourceKind::Person && entities[e].evident
        });
        Some(fits && !names_someone)
    };
    let in_paragraph = |k: usize| {
        salience
            .sentence_start(k)
            .and_then(|start| text.get(start..at))
            .is_some_and(|between| !between.contains("\n\n"))
    };
    (sentence.saturating_sub(1)..=sentence)
        .rev()
        .filter(|&k| in_paragraph(k))
        .any(|k| opens(k) == Some(true))
}
