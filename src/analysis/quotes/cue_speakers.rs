//! The verbs of saying in a block's words, each with the speaker beside
//! it: `Wang said`, `said the spokesperson`, `according to Wang`, `the
//! ministry issued a statement saying`. A word that is a verb of saying only
//! in form (`the United States`, `battleground states`) is left out. The
//! speaker phrases beside a verb (`speaker_before`, `speaker_after`) are
//! read here from the noun phrases `speakers` knows how to read.

use std::ops::Range;

use super::cue_subject::{speaker_after, speaker_before};
use super::cues::cue_class;
use super::lexicon::word;
use super::nouns::is_affiliation;
use super::speakers::SpeakerPhrase;
use super::subjects::sentence_subject;
use super::tags::Tags;
use super::words::{Token, TokenKind};
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
            if w.eq_ignore_ascii_case("according")
                || without_particle(text, tokens, i)
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
            // `with Sen. John McCain calling it a "Chinese menu"`, `with the
            // crowd chanting`: the phrase right before the gerund is its
            // subject.
            let named_gerund = || {
                // Only in `with X saying`: elsewhere the gerund may belong to
                // a noun (`statements made by Trump calling for a ban`).
                gerund
                    .then(|| speaker_before(text, tokens, range.start, i))
                    .flatten()
                    .filter(|p| p.form != MentionForm::Pronoun)
                    .filter(|p| {
                        let first = tokens.partition_point(|t| t.span.start < p.span.start);
                        let is = |k: usize, w: &str| {
                            k >= range.start && tokens[k].span.slice(text).eq_ignore_ascii_case(w)
                        };
                        // `with many marchers and spectators chanting`: the
                        // phrase may be the second of two joined by `and`.
                        first > range.start
                            && (is(first - 1, "with")
                                || (is(first - 1, "and")
                                    && (first.saturating_sub(5)..first - 1)
                                        .rev()
                                        .take_while(|&k| tokens[k].is_word())
                                        .any(|k| is(k, "with"))))
                    })
                    .map(|p| {
                        // The whole of the joined phrase speaks.
                        let first = tokens.partition_point(|t| t.span.start < p.span.start);
                        let with = (range.start..first)
                            .rev()
                            .take(6)
                            .find(|&k| tokens[k].span.slice(text).eq_ignore_ascii_case("with"));
                        match with {
                            Some(w) if w + 1 < first => SpeakerPhrase {
                                span: Span::new(tokens[w + 1].span.start, p.span.end),
                                form: p.form,
                            },
                            _ => p,
                        }
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
                // `... catch Clinton, said Steve Elmendorf, a strategist`:
                // after a comma, a name that ends its clause is the
                // inverted subject of a verb that inverts (`, said China
                // would` is no inversion, and `told CBS News` names whom).
                let inverts = [
                    "said",
                    "says",
                    "added",
                    "adds",
                    "wrote",
                    "writes",
                    "noted",
                    "notes",
                    "explained",
                    "explains",
                    "continued",
                    "continues",
                    "replied",
                    "recalled",
                    "argued",
                    "argues",
                    "observed",
                    "remarked",
                    "insisted",
                    "declared",
                    "concluded",
                    "countered",
                    "responded",
                ]
                .iter()
                .any(|v| w.eq_ignore_ascii_case(v));
                let inverted = || {
                    (inverts && i > range.start && tokens[i - 1].is_punct(','))
                        .then(|| speaker_after(text, tokens, i, range.end))
                        .flatten()
                        .filter(|p| {
                            let next = tokens.partition_point(|t| t.span.start < p.span.end);
                            p.form != MentionForm::Pronoun
                                && tokens
                                    .get(next)
                                    .is_none_or(|t| t.is_punct(',') || t.is_punct('.'))
                        })
                };
                inverted()
                    .or_else(|| speaker_before(text, tokens, range.start, i))
                    .or_else(|| {
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
            // `..., Nefzi said, adding, "..."`: a gerund right after a verb
            // of saying and its speaker goes on with that speaker.
            let goes_on = gerund
                && i > range.start
                && tokens[i - 1].is_punct(',')
                && found
                    .last()
                    .is_some_and(|c: &CueSpeaker| c.sentence == s && c.at + 4 >= i);
            let speaker = if joined || goes_on {
                earlier.or(speaker)
            } else {
                speaker
            };
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

/// Whether the verb at `i` is one that says something only with its
/// particle and lacks it: `as X put it`, `went on: "..."`, `shot back`,
/// `pointed out` say something; `put the bill`, `the Senate goes on
/// recess`, `took a shot at`, `pointed a finger` do not.
fn without_particle(text: &str, tokens: &[Token], i: usize) -> bool {
    const NEEDS: &[(&[&str], &[&str])] = &[
        (&["put", "puts"], &["it"]),
        (&["went", "goes"], &["on"]),
        (&["shot", "fired"], &["back"]),
        (&["pointed", "points"], &["out", "to"]),
    ];
    let is = |k: usize, w: &str| {
        tokens
            .get(k)
            .is_some_and(|t| t.span.slice(text).eq_ignore_ascii_case(w))
    };
    let verb = tokens[i].span.slice(text);
    let Some(&(_, particles)) = NEEDS
        .iter()
        .find(|(verbs, _)| verbs.iter().any(|v| verb.eq_ignore_ascii_case(v)))
    else {
        return false;
    };
    // `went on recess` goes somewhere; `went on to say` and `went on,`
    // speak.
    let goes_somewhere = particles == ["on"]
        && tokens
            .get(i + 2)
            .is_some_and(|n| n.is_word() && !is(i + 2, "to"));
    !particles.iter().any(|p| is(i + 1, p)) || goes_somewhere
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
    // A participle after a subordinator is passive: `when asked`, `if
    // pressed`; the verb with a speaker is elsewhere in the sentence.
    let passive = w.ends_with("ed")
        && i > sentence_start
        && ["when", "if", "once", "unless", "as", "until"]
            .iter()
            .any(|s| tokens[i - 1].span.slice(text).eq_ignore_ascii_case(s));
    if passive {
        return false;
    }
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
    // After `have`, a verb would be a participle (`has claimed`): `Denmark
    // has claims` owns them.
    let owned = ["have", "has", "had", "having"]
        .iter()
        .any(|h| tokens[i - 1].span.slice(text).eq_ignore_ascii_case(h));
    if auxiliary || owned {
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

/// Whether a token is the word `to` after `according`.
pub fn is_according_to(text: &str, tokens: &[Token], i: usize) -> bool {
    word(text, &tokens[i]).eq_ignore_ascii_case("according")
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && word(text, t).eq_ignore_ascii_case("to"))
}

/// Whether the token at `at` is `according` right after `that`, inside
/// the clause of what someone said (`said that according to ...`).
pub fn inside_that_clause(text: &str, tokens: &[Token], at: usize) -> bool {
    at > 0
        && is_according_to(text, tokens, at)
        && word(text, &tokens[at - 1]).eq_ignore_ascii_case("that")
}

/// Who passes on the words `hit` attributes, in the same sentence: a
/// report or an account that carries them (`"...," said Kristen Day,
/// reports USA Today.`, `..., CNN reported.`, `Grayson said, according to
/// Frankel.`, `According to the Ledger, one sign read, "..."`). The words
/// stay the speaker's; the reporter is the source the story credits.
pub fn relay_of(
    text: &str,
    tokens: &[Token],
    cues: &[CueSpeaker],
    hit: &CueSpeaker,
) -> Option<CueSpeaker> {
    cues.iter().find_map(|c| {
        let verb = super::lexicon::lowercase(tokens[c.at].span.slice(text));
        if c.at == hit.at || !matches!(&*verb, "reported" | "reports" | "reporting" | "according") {
            return None;
        }
        // `said that according to its analysis, ...`: a source of what
        // was said, not one that passes the words on.
        if inside_that_clause(text, tokens, c.at) {
            return None;
        }
        // `reports USA Today`, `reported the Washington Examiner`: the
        // reporter after its verb.
        let inverted = &*verb != "according"
            && tokens.get(c.at + 1).is_some_and(|t| {
                t.is_word() && (t.tags.has(Tags::CAPITAL) || word(text, t) == "the")
            });
        let speaker = if inverted {
            speaker_after(text, tokens, c.at, tokens.len())?
        } else {
            c.speaker.clone()
        };
        (!speaker.span.overlaps(hit.speaker.span)).then(|| CueSpeaker {
            speaker,
            ..c.clone()
        })
    })
}

/// The person a document speaks for, when the sentence names them right
/// after it: `read the statement, which was attributed to Miller`. The
/// words are theirs.
pub fn author_of(text: &str, tokens: &[Token], hit: CueSpeaker, hi: usize) -> CueSpeaker {
    let document = hit.speaker.form == MentionForm::Description
        && super::descriptions::unnamed_kind(hit.speaker.form, hit.speaker.span.slice(text))
            == crate::analysis::SourceKind::Document;
    if !document {
        return hit;
    }
    let mut k = tokens.partition_point(|t| t.span.start < hit.speaker.span.end);
    let is = |k: usize, w: &str| {
        k < hi && tokens[k].is_word() && tokens[k].span.slice(text).eq_ignore_ascii_case(w)
    };
    if k < hi && tokens[k].is_punct(',') {
        k += 1;
    }
    for optional in ["which", "was"] {
        if is(k, optional) {
            k += 1;
        }
    }
    if !(is(k, "attributed") && is(k + 1, "to")) {
        return hit;
    }
    match super::speakers::phrase_starting_at(text, tokens, k + 2, hi) {
        Some(author) if matches!(author.form, MentionForm::Name | MentionForm::Surname) => {
            CueSpeaker {
                speaker: author,
                ..hit
            }
        }
        _ => hit,
    }
}
