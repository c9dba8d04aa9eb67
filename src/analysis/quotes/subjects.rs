//! Where a sentence's subject is: the word it most likely starts at
//! (`subject_word`, cheap, for salience), the subjects of the clauses it
//! joins, the whole speaker phrase of its subject (`sentence_subject`),
//! and the owner of words a sentence reports (`speech_owner`).

use std::ops::Range;

use super::lexicon::*;
use super::speakers::{phrase, phrase_ending_at, phrase_starting_at, SpeakerPhrase};
use super::tags::Tags;
use super::words::Token;
use crate::analysis::MentionForm;
use crate::text::Span;

/// The word a sentence's subject most likely starts at: its first word,
/// or the first after a comma that closes an opening phrase (`When the
/// vote failed, Demir left`). Cheaper than `sentence_subject`, and enough
/// to tell which names a sentence is about.
pub fn subject_word(tokens: &[Token], range: &Range<usize>) -> Option<usize> {
    let first = range
        .clone()
        .find(|&i| tokens[i].is_word() && !tokens[i].tags.has(Tags::DATELINE))?;
    if tokens[first]
        .tags
        .has(Tags::SUBORDINATOR.with(Tags::OPENER))
        && !tokens[first].tags.has(Tags::PRONOUN.with(Tags::DETERMINER))
    {
        let comma = (first..range.end)
            .take(20)
            .take_while(|&i| tokens[i].quote().is_none())
            .find(|&i| tokens[i].is_punct(','))?;
        let mut word = (comma + 1..range.end).find(|&i| tokens[i].is_word())?;
        // `In St. Clairsville, Ohio, 62-year-old Brenda Johnson`: a state
        // after a town belongs to the opening phrase.
        if tokens[word].tags.has(Tags::PLACE)
            && tokens.get(word + 1).is_some_and(|t| t.is_punct(','))
        {
            word = (word + 2..range.end).find(|&i| tokens[i].is_word())?;
        }
        return Some(word);
    }
    Some(first)
}

/// The first words of the clauses a sentence joins after a comma with
/// `but`, `yet`, `while` or `though` (`The moderators moved on, but
/// Christie wasn't having it` is about Christie as much as the
/// moderators), and the name a sentence presents (`Then there's Axelrod`).
pub fn clause_subjects<'a>(
    text: &'a str,
    tokens: &'a [Token],
    range: &Range<usize>,
) -> impl Iterator<Item = usize> + 'a {
    let start = range.start;
    let is = move |k: usize, words: &[&str]| {
        tokens.get(k).is_some_and(|t| {
            words
                .iter()
                .any(|w| t.span.slice(text).eq_ignore_ascii_case(w))
        })
    };
    range.clone().filter_map(move |k| {
        // Cheap tests first: this looks at every word of every sentence.
        let token = &tokens[k];
        if !token.is_word() {
            return None;
        }
        let joins = k > start
            && tokens[k - 1].is_punct(',')
            && is(k, &["but", "yet", "while", "though", "although", "whereas"]);
        // `Then there's Axelrod.`: what the sentence is about.
        let presents = text.as_bytes()[token.span.start].eq_ignore_ascii_case(&b't')
            && (is(k, &["there's", "there’s"]) || (is(k, &["there"]) && is(k + 1, &["is", "was"])));
        let next = if presents && !is(k, &["there"]) {
            k + 1
        } else if presents {
            k + 2
        } else if joins {
            k + 1
        } else {
            return None;
        };
        tokens
            .get(next)
            .filter(|t| t.is_word() && (joins || t.tags.has(Tags::CAPITAL)))
            .map(|_| next)
    })
}

/// The subject of a sentence: the speaker phrase at its start, after a
/// leading clause set off by a comma.
pub fn sentence_subject(
    text: &str,
    tokens: &[Token],
    range: &std::ops::Range<usize>,
) -> Option<SpeakerPhrase> {
    let mut start = range.start;
    // Punctuation, a dateline, and conjunctions that only join the
    // sentence to the one before (`And then Trump went on the attack`).
    while start < range.end
        && (!tokens[start].is_word()
            || tokens[start].tags.has(Tags::DATELINE)
            || ["and", "but", "so", "then", "yet", "or"]
                .iter()
                .any(|w| word(text, &tokens[start]).eq_ignore_ascii_case(w)))
    {
        start += 1;
    }
    if start >= range.end {
        return None;
    }
    // An opening phrase set off by a comma comes before the subject: a
    // word that opens sentences (`Meanwhile,`, `Reprising one of her
    // lines,`), a subordinate clause (`When the vote failed,`), or two
    // lower-case words (`Hours later,`). One capitalised word before a
    // comma is the subject (`Clinton, 35, said`).
    let tags = tokens[start].tags;
    let two_words = start + 2 < range.end
        && tokens[start + 1].is_word()
        && tokens[start + 2].is_punct(',')
        && !is_capitalised(text, &tokens[start + 1]);
    // After a conjunction the next word was not tagged as the sentence's
    // first: `But Even if Unruh fails, she ...`.
    let after_conjunction = start > range.start
        && super::tags::is_opener_word(&lower(text, &tokens[start]))
        && !tags.name_like();
    let opener = (tags.has(Tags::OPENER) && !tags.has(Tags::PRONOUN.with(Tags::DETERMINER)))
        || two_words
        || after_conjunction
        || tokens[start].tags.has(Tags::SUBORDINATOR);
    // `Comedian Sarah Silverman was booed`: a word before a given name
    // that opens the sentence leads the name.
    let before_a_name = opener
        && !tags.has(Tags::FUNCTION.with(Tags::SUBORDINATOR))
        && tokens
            .get(start + 1)
            .is_some_and(|t| t.is_word() && t.tags.has(Tags::GIVEN) && t.tags.has(Tags::CAPITAL));
    if before_a_name {
        start += 1;
    } else if opener {
        let comma = (start..range.end)
            .take(24)
            .take_while(|&i| tokens[i].quote().is_none())
            .find(|&i| tokens[i].is_punct(','))?;
        start = comma + 1;
        // `On Thursday, after remaining neutral, Warren appeared`: one
        // opening phrase after another.
        for _ in 0..2 {
            let opens_again = tokens.get(start).is_some_and(|t| {
                t.is_word()
                    && !t.tags.has(Tags::CAPITAL)
                    && t.tags.has(Tags::SUBORDINATOR.with(Tags::OPENER))
            });
            if !opens_again {
                break;
            }
            let Some(next) = (start..range.end)
                .take(24)
                .take_while(|&i| tokens[i].quote().is_none())
                .find(|&i| tokens[i].is_punct(','))
            else {
                break;
            };
            start = next + 1;
        }
        // `In Aspen, Colo., the graduate ended`: the state after the
        // city belongs to the opening phrase.
        let state = tokens
            .get(start)
            .is_some_and(|t| t.is_word() && t.tags.has(Tags::PLACE) && !t.tags.name_like())
            && tokens.get(start + 1).is_some_and(|t| t.is_punct('.'))
            && tokens.get(start + 2).is_some_and(|t| t.is_punct(','));
        if state {
            start += 3;
        }
    }
    // `But back on American soil, he returned`: an opening phrase no list
    // knows, found by the pronoun or name right after its comma.
    let after_phrase = || {
        let comma = (start..range.end)
            .take(12)
            .take_while(|&i| tokens[i].quote().is_none())
            .find(|&i| tokens[i].is_punct(','))?;
        tokens.get(comma + 1).filter(|t| {
            t.is_word()
                && (t.tags.has(Tags::PRONOUN) || (t.tags.name_like() && t.tags.has(Tags::CAPITAL)))
        })?;
        phrase_starting_at(text, tokens, comma + 1, range.end)
    };
    if let Some(named) = role_before_name(text, tokens, start, range.end) {
        return Some(named);
    }
    if let Some(group) = super::cue_subject::plural_for(text, tokens, start, range.end) {
        return Some(group);
    }
    let subject = phrase_starting_at(text, tokens, start, range.end).or_else(after_phrase)?;
    // `A Texas voter who supports Trump, Golvach lost ...`, `A former
    // prosecutor, Reyes argued ...`: an indefinite description set off by
    // a comma describes the name after it, which is the subject.
    let indefinite = subject.form == MentionForm::Description
        && ["a", "an"]
            .iter()
            .any(|d| word(text, &tokens[start]).eq_ignore_ascii_case(d));
    if indefinite {
        let named = (start..range.end)
            .take(16)
            .take_while(|&i| tokens[i].quote().is_none())
            .find(|&i| tokens[i].is_punct(','))
            .filter(|&comma| {
                tokens.get(comma + 1).is_some_and(|t| {
                    t.is_word()
                        && t.tags.has(Tags::CAPITAL)
                        && !t.tags.has(Tags::FUNCTION.with(Tags::OPENER))
                })
            })
            .and_then(|comma| phrase_starting_at(text, tokens, comma + 1, range.end))
            .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname));
        if named.is_some() {
            return named;
        }
    }
    // `But it is unclear whether ...`: `it` holds the place of a clause
    // and says nothing.
    // So does the `it` of a cleft: `It wasn't just the cries of "..." that
    // rattled Sexton.`
    let first = word(text, &tokens[start]);
    let holds_place = subject.form == MentionForm::Pronoun
        && (["it's", "it’s"]
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w))
            || (first.eq_ignore_ascii_case("it")
                && tokens.get(start + 1).is_some_and(|n| {
                    [
                        "is", "was", "seems", "seemed", "appears", "appeared", "remains",
                        "remained", "isn't", "wasn't", "isn’t", "wasn’t",
                    ]
                    .iter()
                    .any(|v| word(text, n).eq_ignore_ascii_case(v))
                })));
    if holds_place {
        return None;
    }
    // A common word that is also a surname, opening the sentence, is the
    // word (`Black voters ...`), unless a verb of saying follows it.
    let one_word = subject.span == tokens[start].span;
    let next_is_cue = tokens.get(start + 1).is_some_and(|t| t.tags.has(Tags::CUE));
    if one_word
        && subject.form != MentionForm::Pronoun
        && tokens[start].tags.has(Tags::COMMON)
        && tokens[start].tags.has(Tags::SENTENCE_START)
        && !tokens[start].tags.has(Tags::GIVEN)
        && !next_is_cue
    {
        return None;
    }
    Some(subject)
}

/// Whose words a quote in a sentence is when a noun of saying owned by a
/// name comes shortly before it: `Trump's recent assertion that
/// "thousands" ...`, `Rubio's catch phrase was that Crist "would say ..."`.
/// `at` is the quote's token; the noun is at most eight words before it,
/// with nothing quoted between, and at most four words after its owner's
/// possessive (`Trump's recent, evidence-free assertion`).
pub fn speech_owner(
    text: &str,
    tokens: &[Token],
    range: &Range<usize>,
    at: usize,
) -> Option<SpeakerPhrase> {
    let lo = range.start;
    let noun = (lo..at)
        .rev()
        .take(8)
        .take_while(|&k| tokens[k].quote().is_none())
        .find(|&k| {
            tokens[k].is_word()
                && !tokens[k].tags.has(Tags::CAPITAL)
                && SPEECH_NOUNS.contains(&&*lower(text, &tokens[k]))
        })
        // Right before the quote the noun is the quoted words' subject
        // (`saying Trump's comments "are based on his opinion"`).
        .filter(|&k| k + 1 < at)?;
    // What it says comes next: `claim that`, `description of`, `line
    // was`, `answer then —`; not `remarks as "wishful thinking"` (whoever
    // dismisses them) or `comments further "the mob mentality"`.
    let says_next = |k: usize| {
        let next = &tokens[k];
        ["that", "of", "about", "was", "is", "were", "then", "for"]
            .iter()
            .any(|w| word(text, next).eq_ignore_ascii_case(w))
            || [':', ',', '—', '–'].into_iter().any(|p| next.is_punct(p))
    };
    // `a report by Politico that he "fabricated" the story`: the owner
    // after `by`, a name, then what it says.
    if word(text, &tokens[noun + 1]).eq_ignore_ascii_case("by") {
        let by = phrase_starting_at(text, tokens, noun + 2, at).filter(|p| {
            matches!(
                p.form,
                MentionForm::Name | MentionForm::Surname | MentionForm::Description
            )
        })?;
        let after = tokens.partition_point(|t| t.span.start < by.span.end);
        return (after < at && says_next(after)).then_some(by);
    }
    if !says_next(noun + 1) {
        return None;
    }
    let owner = (lo..noun)
        .rev()
        .take(5)
        .take_while(|&k| tokens[k].is_word() || tokens[k].is_punct(','))
        .find(|&k| tokens[k].tags.has(Tags::POSSESSIVE) || is_his_or_her(text, &tokens[k]))?;
    // Only words that can stand between an owner and its noun: `recent`,
    // `widely shared`, `catch`; not a clause (`Trump's team said his claim`).
    let closed = Tags::CLAUSE
        .with(Tags::CAPITAL)
        .with(Tags::DETERMINER)
        .with(Tags::PRONOUN);
    if (owner + 1..noun).any(|k| {
        tokens[k].tags.has(closed)
            || ["said", "says", "told"]
                .iter()
                .any(|w| word(text, &tokens[k]).eq_ignore_ascii_case(w))
    }) {
        return None;
    }
    let token = &tokens[owner];
    // `his call for "a total and complete ban"`: whoever `his` means.
    if is_his_or_her(text, token) {
        return Some(phrase(tokens, owner, owner, MentionForm::Pronoun));
    }
    if !token.tags.has(Tags::CAPITAL) {
        return None;
    }
    let phrase = phrase_ending_at(text, tokens, lo, owner)?;
    if !matches!(phrase.form, MentionForm::Name | MentionForm::Surname) {
        return None;
    }
    // The owner without its `'s` or `'`.
    let written = phrase.span.slice(text);
    let bare = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|end| written.strip_suffix(end))?;
    Some(SpeakerPhrase {
        span: Span::new(phrase.span.start, phrase.span.start + bare.len()),
        form: phrase.form,
    })
}

/// Whether a word is `his` or `her`, a person's possessive.
fn is_his_or_her(text: &str, token: &Token) -> bool {
    token.is_word() && matches!(&*lower(text, token), "his" | "her")
}

/// The name set off in commas after a role that opens a sentence: `Trump's
/// Virginia state director, Mike Rubino, reached out`, `The company's chief
/// executive, Dana Okoro, said`. The role is someone's or `the` ...; its
/// last word, before the comma, a person's noun.
fn role_before_name(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
) -> Option<SpeakerPhrase> {
    let first = word(text, &tokens[start]);
    let owned = ["the", "his", "her", "its", "their"]
        .iter()
        .any(|d| first.eq_ignore_ascii_case(d))
        || super::names::strip_possessive(first).len() < first.len();
    if !owned {
        return None;
    }
    let comma = (start + 1..end)
        .take(10)
        .take_while(|&i| tokens[i].is_word() || tokens[i].is_punct(','))
        .find(|&i| tokens[i].is_punct(','))?;
    let role = &tokens[comma - 1];
    if comma < start + 2
        || role.tags.has(Tags::CAPITAL)
        || !super::nouns::is_person_noun(&lower(text, role))
    {
        return None;
    }
    let opens_name = tokens
        .get(comma + 1)
        .is_some_and(|t| t.is_word() && t.tags.has(Tags::CAPITAL) && t.tags.name_like());
    if !opens_name {
        return None;
    }
    let name = phrase_starting_at(text, tokens, comma + 1, end)
        .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname))?;
    let after = tokens.partition_point(|t| t.span.start < name.span.end);
    tokens.get(after).filter(|t| t.is_punct(','))?;
    Some(name)
}
