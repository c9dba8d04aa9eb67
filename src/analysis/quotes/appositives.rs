//! What stands beside a name and says who it is: an appositive
//! (`Wang Wenbin, a spokesperson for the ministry,`), a role after it
//! (`IIyse Hogue, president of NARAL`), an age (`Franson Reneus, 18,`),
//! and a title whose `of` phrase leads to it (`Secretary of State Hillary
//! Clinton`); and the name a description after a verb of saying ends in
//! (`said his campaign manager Jeff Weaver`) or sets off (`said the
//! ministry's spokesperson, Wang Wenbin,`).

use super::lexicon::*;
use super::speakers::{can_speak, form_of_name, phrase, through_title, SpeakerPhrase};
use super::tags::Tags;
use super::words::Token;
use crate::analysis::MentionForm;
use crate::text::Span;

/// An appositive right after a name (`Wang Wenbin, a spokesperson for the
/// foreign ministry,`): its head noun and its words as written.
pub fn appositive(text: &str, tokens: &[Token], end: usize) -> Option<(String, String)> {
    if !tokens.get(end + 1)?.is_punct(',') {
        return None;
    }
    let open = end + 2;
    let first = tokens.get(open)?;
    if !first.is_word() || !first.tags.has(Tags::DETERMINER) {
        return None;
    }
    let mut head = None;
    let mut k = open;
    while k < tokens.len() && k < open + 12 && tokens[k].is_word() {
        let w = lower(text, &tokens[k]);
        if matches!(
            &*w,
            "for" | "of" | "at" | "with" | "in" | "from" | "who" | "that" | "and" | "to" | "on"
        ) {
            break;
        }
        if k > open {
            head = Some(k);
        }
        k += 1;
    }
    let head = head?;
    let mut stop = head + 1;
    while stop < tokens.len() && stop < open + 12 && tokens[stop].is_word() {
        stop += 1;
    }
    let words = Span::new(tokens[open].span.start, tokens[stop - 1].span.end);
    let head_word = lower(text, &tokens[head]);
    let head_word = title_role(&head_word)
        .filter(|r| !r.is_empty())
        .map_or_else(|| head_word.to_string(), str::to_string);
    Some((head_word, words.slice(text).to_string()))
}

/// For a run right after a title's `of` (`Secretary of Transport Ayodele
/// Brennan`, `Speaker of the House Paul Ryan`), where the name starts: at
/// a given name after the first word.
pub fn title_of_phrase(
    text: &str,
    tokens: &[Token],
    start: usize,
    lead: usize,
    end: usize,
) -> Option<usize> {
    let is = |k: usize, w: &str| word(text, &tokens[k]).eq_ignore_ascii_case(w);
    let mut k = start.checked_sub(1)?;
    if is(k, "the") {
        k = k.checked_sub(1)?;
    }
    let title = k
        .checked_sub(1)
        .is_some_and(|t| tokens[t].is_word() && tokens[t].tags.has(Tags::TITLE));
    if !title || !is(k, "of") {
        return None;
    }
    (lead + 1..end).find(|&g| tokens[g].tags.has(Tags::GIVEN) && !tokens[g].tags.has(Tags::PLACE))
}

/// Whether a person's role follows the name as an appositive: `IIyse
/// Hogue, president of NARAL`, `Tomas Reyes, a spokesman for`.
pub fn role_after(text: &str, tokens: &[Token], end: usize) -> bool {
    if !tokens.get(end + 1).is_some_and(|t| t.is_punct(',')) {
        return false;
    }
    let mut k = end + 2;
    if tokens
        .get(k)
        .is_some_and(|t| matches!(&*lower(text, t), "a" | "an" | "the"))
    {
        k += 1;
    }
    // The role, perhaps after a word or two (`a senior adviser`, `the
    // former governor`), before `of`, `for`, `at` or a comma.
    (k..k + 3).any(|j| {
        tokens.get(j).is_some_and(|t| {
            t.is_word()
                && !t.tags.has(Tags::CAPITAL)
                && (t.tags.has(Tags::PERSON_NOUN)
                    || title_role(word(text, t)).is_some_and(|r| !r.is_empty()))
                && tokens.get(j + 1).is_some_and(|n| {
                    n.is_punct(',')
                        || n.is_punct('.')
                        || matches!(word(text, n), "of" | "for" | "at" | "to" | "with")
                })
        })
    })
}

/// Whether an age follows the name as an appositive: `Franson Reneus, 18,`.
pub fn aged(text: &str, tokens: &[Token], end: usize) -> bool {
    let age = tokens
        .get(end + 2)
        .filter(|t| t.is_word())
        .map(|t| word(text, t));
    tokens.get(end + 1).is_some_and(|t| t.is_punct(','))
        && age.is_some_and(|a| a.parse::<u8>().is_ok_and(|n| (1..=110).contains(&n)))
        && tokens
            .get(end + 3)
            .is_some_and(|t| t.is_punct(',') || t.is_punct('.'))
}

/// The name set off by a comma after a description ending at `end`
/// (`Rubio's deputy campaign manager, Rich Beeson`, `said the bureau's
/// director, James B. Comey, on Monday`): the person the description is.
pub(super) fn name_in_apposition(
    text: &str,
    tokens: &[Token],
    end: usize,
    hi: usize,
) -> Option<SpeakerPhrase> {
    let set_off = tokens.get(end + 1).is_some_and(|t| t.is_punct(','))
        && tokens
            .get(end + 2)
            .is_some_and(|t| t.is_word() && t.tags.has(Tags::CAPITAL));
    if !set_off {
        return None;
    }
    let (name, last) = through_title(text, tokens, end + 2, hi);
    // The name ends there: punctuation or a preposition follows.
    let closes = tokens
        .get(last + 1)
        .is_none_or(|t| !t.is_word() || t.tags.has(Tags::NOT_MODIFIER));
    let form = form_of_name(tokens, name, last);
    (closes
        && !tokens[last].tags.has(Tags::POSSESSIVE)
        && matches!(form, MentionForm::Name | MentionForm::Surname))
    .then(|| phrase(tokens, end + 2, last, form))
}

/// The name that ends a description after its role noun: `added his
/// campaign manager Jeff Weaver` is Jeff Weaver, `the Republican candidate
/// Donald Trump` is Donald Trump.
pub(super) fn name_after_role(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
) -> Option<SpeakerPhrase> {
    let name = (start + 2..=end).find(|&k| {
        let role = &tokens[k - 1];
        tokens[k].tags.has(Tags::CAPITAL)
            && !role.tags.has(Tags::CAPITAL)
            && can_speak(&lower(text, role))
    })?;
    if !(name..=end).all(|k| tokens[k].tags.has(Tags::CAPITAL)) {
        return None;
    }
    let form = form_of_name(tokens, name, end);
    matches!(form, MentionForm::Name | MentionForm::Surname)
        .then(|| phrase(tokens, name, end, form))
}
