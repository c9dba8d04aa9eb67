//! The verbs of saying in a block's words, each with the speaker beside
//! it: `Wang said`, `said the spokesperson`, `according to Wang`, `the
//! ministry issued a statement saying`. A word that is a verb of saying only
//! in form (`the United States`, `battleground states`) is left out.

use std::ops::Range;

use super::cues::cue_class;
use super::nouns::is_affiliation;
use super::speakers::{
    is_according_to, sentence_subject, speaker_after, speaker_before, SpeakerPhrase,
};
use super::tags::Tags;
use super::words::Token;
use crate::analysis::MentionForm;
use crate::config::Config;
use crate::text::Span;

/// A verb of saying with the speaker found next to it.
#[derive(Clone, Debug)]
pub struct CueSpeaker {
    /// Token index of the verb (of `according` for `according to`).
    pub at: usize,
    pub sentence: usize,
    pub cue: Span,
    pub speaker: SpeakerPhrase,
}

/// Every verb of saying in a block's words with a speaker beside it.
pub fn cue_speakers(
    text: &str,
    tokens: &[Token],
    sentences: &[Range<usize>],
    config: &Config,
) -> Vec<CueSpeaker> {
    let mut found = Vec::new();
    for (s, range) in sentences.iter().enumerate() {
        for i in range.clone() {
            let token = &tokens[i];
            if !token.is_word() {
                continue;
            }
            let w = token.span.slice(text);
            // Most words are no verb of saying, nor `according` or
            // `statement(s)` (nine or ten letters): turned away by the tag.
            let may_say = token.tags.has(Tags::CUE)
                || matches!(w.len(), 9 | 10)
                || !config.extra_verbs.is_empty();
            if !may_say {
                continue;
            }
            if is_according_to(text, tokens, i) {
                if let Some(speaker) = speaker_after(text, tokens, i + 1, range.end) {
                    found.push(CueSpeaker {
                        at: i,
                        sentence: s,
                        cue: Span::new(token.span.start, tokens[i + 1].span.end),
                        speaker,
                    });
                }
                continue;
            }
            // `The ministry issued a statement saying ...`: the statement is
            // the ministry's speech.
            if is_statement(text, tokens, i, range.start) {
                if let Some(speaker) =
                    sentence_subject(text, tokens, range).filter(|p| p.span.end <= token.span.start)
                {
                    found.push(CueSpeaker {
                        at: i,
                        sentence: s,
                        cue: token.span,
                        speaker,
                    });
                }
                continue;
            }
            let is_cue = token.tags.has(Tags::CUE)
                || (!config.extra_verbs.is_empty() && cue_class(w, &config.extra_verbs).is_some());
            // `as X put it`: `put` says something only with `it`.
            let putting = ["put", "puts"].iter().any(|g| w.eq_ignore_ascii_case(g))
                && !tokens
                    .get(i + 1)
                    .is_some_and(|n| n.span.slice(text).eq_ignore_ascii_case("it"));
            // `went on: "..."`, `goes on, "..."`, `went on to say`: those
            // two say something only so (`the Senate goes on recess` does
            // not).
            let going = ["went", "goes"].iter().any(|g| w.eq_ignore_ascii_case(g))
                && !(tokens
                    .get(i + 1)
                    .is_some_and(|n| n.span.slice(text).eq_ignore_ascii_case("on"))
                    && tokens.get(i + 2).is_none_or(|n| {
                        !n.is_word() || n.span.slice(text).eq_ignore_ascii_case("to")
                    }));
            if w.eq_ignore_ascii_case("according")
                || going
                || putting
                || !is_cue
                || !used_as_verb(text, tokens, i, range.start)
            {
                continue;
            }
            // `"...," said Wang` puts the speaker after the verb; otherwise
            // the subject comes first.
            let after_quote = i > range.start
                && (tokens[i - 1].quote().is_some()
                    || (tokens[i - 1].is_punct(',')
                        && i >= range.start + 2
                        && tokens[i - 2].quote().is_some()));
            // A gerund (`..., saying`) takes the sentence's subject.
            let gerund = w.ends_with("ing");
            // `with Sen. John McCain calling it a "Chinese menu"`: a name
            // right before the gerund is its subject.
            let named_gerund = || {
                let capital = |k: usize| tokens[k].tags.has(Tags::CAPITAL);
                let adverb = |k: usize| tokens[k].span.slice(text).ends_with("ly");
                let name_before = i > range.start
                    && (capital(i - 1) || (i > range.start + 1 && adverb(i - 1) && capital(i - 2)));
                // Only in `with X saying`: elsewhere the gerund may belong to
                // a noun (`statements made by Trump calling for a ban`).
                (gerund && name_before)
                    .then(|| speaker_before(text, tokens, range.start, i))
                    .flatten()
                    .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname))
                    .filter(|p| {
                        let first = tokens.partition_point(|t| t.span.start < p.span.start);
                        first > range.start
                            && tokens[first - 1]
                                .span
                                .slice(text)
                                .eq_ignore_ascii_case("with")
                    })
            };
            let speaker = if let Some(named) = named_gerund() {
                Some(named)
            } else if gerund {
                // `When he returned he began by saying, "..."`: failing a
                // subject at the start, the last subject pronoun before.
                sentence_subject(text, tokens, range)
                    .filter(|s| s.span.end <= token.span.start)
                    .or_else(|| {
                        (range.start..i).rev().find_map(|k| {
                            let w = tokens[k].span.slice(text);
                            let subject = ["he", "she", "they", "we", "i"]
                                .iter()
                                .any(|p| w.eq_ignore_ascii_case(p));
                            subject.then(|| SpeakerPhrase {
                                span: tokens[k].span,
                                form: MentionForm::Pronoun,
                            })
                        })
                    })
            } else if after_quote {
                speaker_after(text, tokens, i, range.end)
                    .or_else(|| speaker_before(text, tokens, range.start, i))
            } else {
                // The speaker comes after the verb only when the verb opens
                // the sentence or its clause (`Said Wang: ...`, `..., said
                // the minister`): `Vasquez attacked Brandt and said Tomas
                // Ekwueme had been right` has its speaker before.
                let opens = i == range.start || tokens[i - 1].is_punct(',');
                speaker_before(text, tokens, range.start, i).or_else(|| {
                    opens
                        .then(|| speaker_after(text, tokens, i, range.end))
                        .flatten()
                })
            }
            .or_else(|| {
                sentence_subject(text, tokens, range).filter(|s| s.span.end <= token.span.start)
            });
            // `Lazar said he welcomed extradition and added, "..."`: a verb
            // joined to an earlier one by `and` or `but` shares its subject.
            let joined = i > range.start
                && ["and", "but"]
                    .iter()
                    .any(|c| tokens[i - 1].span.slice(text).eq_ignore_ascii_case(c));
            let earlier = found
                .last()
                .filter(|c: &&CueSpeaker| c.sentence == s)
                .map(|c| c.speaker.clone());
            let speaker = if joined { earlier.or(speaker) } else { speaker };
            if let Some(speaker) = speaker {
                found.push(CueSpeaker {
                    at: i,
                    sentence: s,
                    cue: token.span,
                    speaker,
                });
            }
        }
    }
    found
}

/// Whether a verb of saying at token `i` is used as a verb, not as a
/// noun: a capital mid-sentence is a name (`the United States`), and a
/// form in `-s` is a verb only after its subject (`Wang says`, `he
/// notes`, `the ministry states`) or after the quote it inverts (`"...,"
/// says Wang`), not after a determiner or an adjective (`battleground
/// states`, `Republican claims`, `the reports`).
fn used_as_verb(text: &str, tokens: &[Token], i: usize, sentence_start: usize) -> bool {
    let token = &tokens[i];
    // Inside a name: `the United States`.
    if token.tags.has(Tags::CAPITAL)
        && i > sentence_start
        && tokens[i - 1].is_word()
        && tokens[i - 1].tags.has(Tags::CAPITAL)
    {
        return false;
    }
    // After a possessive, a noun: `Trump's remarks`, `Trump's fired
    // campaign manager`.
    if i > sentence_start && tokens[i - 1].tags.has(Tags::POSSESSIVE) {
        return false;
    }
    let w = token.span.slice(text);
    if !w.ends_with('s') || w.eq_ignore_ascii_case("says") || i == sentence_start {
        return true;
    }
    // Before an auxiliary, a noun: `that states can pass such laws`.
    let auxiliary = tokens.get(i + 1).is_some_and(|n| {
        let n = n.span.slice(text);
        [
            "can", "could", "will", "would", "should", "may", "might", "must", "have", "are",
            "were", "do", "did", "had",
        ]
        .iter()
        .any(|a| n.eq_ignore_ascii_case(a))
    });
    if auxiliary {
        return false;
    }
    let mut before = i;
    while before > sentence_start && tokens[before - 1].tags.has(Tags::ADVERB) {
        before -= 1;
    }
    let Some(previous) = before.checked_sub(1).map(|k| &tokens[k]) else {
        return true;
    };
    if previous.quote().is_some() || previous.is_punct(',') || previous.is_punct(')') {
        return true;
    }
    if !previous.is_word() {
        return false;
    }
    let tags = previous.tags;
    // `Trump's remarks`, `Clinton's claims`: a possessive makes a noun.
    if (tags.has(Tags::DETERMINER) && !tags.has(Tags::PRONOUN)) || tags.has(Tags::POSSESSIVE) {
        return false;
    }
    let lower = super::lexicon::lowercase(previous.span.slice(text));
    tags.has(Tags::PRONOUN)
        || matches!(&*lower, "who" | "that" | "which")
        || (tags.has(Tags::CAPITAL) && !tags.has(Tags::DEMONYM) && !is_affiliation(&lower))
        || super::speakers::can_speak(&lower)
}

/// Whether the word at `i` is the statement of `issued a statement`,
/// `released a written statement`, `put out a statement`.
fn is_statement(text: &str, tokens: &[Token], i: usize, sentence_start: usize) -> bool {
    let w = tokens[i].span.slice(text);
    if !(w.eq_ignore_ascii_case("statement") || w.eq_ignore_ascii_case("statements")) {
        return false;
    }
    (sentence_start..i).rev().take(4).any(|k| {
        let v = tokens[k].span.slice(text);
        [
            "issued",
            "released",
            "issues",
            "releases",
            "put",
            "sent",
            "published",
            "posted",
        ]
        .iter()
        .any(|x| v.eq_ignore_ascii_case(x))
    })
}
