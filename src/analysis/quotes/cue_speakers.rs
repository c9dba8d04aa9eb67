//! The verbs of saying in a block's words, each with the speaker beside
//! it: `Wang said`, `said the spokesperson`, `according to Wang`, `the
//! ministry issued a statement saying`. A word that is a verb of saying only
//! in form (`the United States`, `battleground states`) is left out. The
//! speaker phrases beside a verb (`speaker_before`, `speaker_after`) are
//! read here from the noun phrases `speakers` knows how to read.

use std::ops::Range;

use super::cues::cue_class;
use super::lexicon::{lower, word};
use super::nouns::is_affiliation;
use super::speakers::{phrase, phrase_ending_at, phrase_starting_at, SpeakerPhrase};
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

/// The speaker phrase that ends right before the verb at `cue` (`Wang
/// said`, `the spokesperson said`, `Wang Wenbin, a spokesperson, said`),
/// not reaching before token `lo`.
pub fn speaker_before(
    text: &str,
    tokens: &[Token],
    lo: usize,
    cue: usize,
) -> Option<SpeakerPhrase> {
    let mut j = cue;
    // `Wang also said`, `she angrily said`; but a capital mid-sentence is
    // a name (`Will said`), unless it is a day (`later Thursday told`).
    let name_here =
        |k: usize| tokens[k].tags.has(Tags::CAPITAL) && !tokens[k].tags.has(Tags::SENTENCE_START);
    while j > lo
        && j - 1 != cue
        && tokens[j - 1].is_word()
        && (tokens[j - 1].tags.has(Tags::CALENDAR)
            || (tokens[j - 1].tags.has(Tags::ADVERB) && !name_here(j - 1))
            || (word(text, &tokens[j - 1]).ends_with("ly")
                && !tokens[j - 1].tags.has(Tags::CAPITAL)))
    {
        j -= 1;
    }
    if j <= lo {
        return None;
    }
    let mut last = j - 1;
    // `to say`: an infinitive has no subject of its own here.
    if lower(text, &tokens[last]) == "to" {
        return None;
    }
    // `Dana Whitfield, who told`: the relative pronoun after a name speaks
    // for it.
    if lower(text, &tokens[last]) == "who" && last > lo {
        let mut before = last - 1;
        if tokens[before].is_punct(',') && before > lo {
            before -= 1;
        }
        if tokens[before].is_word() && tokens[before].tags.has(Tags::CAPITAL) {
            return Some(phrase(tokens, last, last, MentionForm::Pronoun));
        }
    }
    // `Priebus later Thursday told`: one capitalised word before the verb
    // and its adverbs is its subject.
    if j < cue
        && tokens[last].tags.has(Tags::CAPITAL)
        && !tokens[last]
            .tags
            .has(Tags::OPENER.with(Tags::FUNCTION).with(Tags::CALENDAR))
        && (last == lo || !tokens[last - 1].is_word())
    {
        return Some(phrase(tokens, last, last, MentionForm::Surname));
    }
    last = before_parenthesis(tokens, lo, last)?;
    if tokens[last].is_punct(',') {
        return speaker_before_aside(text, tokens, lo, last);
    }
    let found = phrase_ending_at(text, tokens, lo, last)?;
    // `House Speaker Paul D. Ryan of Wisconsin lamented`: a place after
    // `of` or `from` belongs to the name before it.
    let first = tokens.partition_point(|t| t.span.start < found.span.start);
    let of_place = first >= lo + 2
        && (first..=last).all(|k| tokens[k].tags.has(Tags::PLACE))
        && ["of", "from"]
            .iter()
            .any(|w| word(text, &tokens[first - 1]).eq_ignore_ascii_case(w))
        && tokens[first - 2].tags.has(Tags::CAPITAL);
    if of_place {
        if let Some(owner) = phrase_ending_at(text, tokens, lo, first - 2)
            .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname))
        {
            return Some(owner);
        }
    }
    // `Trump in his announcement speech called`: the object of a
    // preposition is never the subject; the name before the preposition is.
    let after_preposition = first > lo
        && [
            "in", "on", "at", "during", "via", "through", "over", "inside",
        ]
        .iter()
        .any(|w| word(text, &tokens[first - 1]).eq_ignore_ascii_case(w));
    // (`someone in the audience shouted` keeps its own phrase.)
    if after_preposition && found.form == MentionForm::Description {
        let before = (first >= lo + 2)
            .then(|| phrase_ending_at(text, tokens, lo, first - 2))
            .flatten()
            .filter(|p| {
                matches!(
                    p.form,
                    MentionForm::Name | MentionForm::Surname | MentionForm::Pronoun
                )
            });
        if before.is_some() {
            return before;
        }
    }
    // `Sam Lau, the communications director for the Iowa Democratic Party
    // said`: an appositive the writer never closed, after the name that
    // opens the sentence.
    if !matches!(
        found.form,
        MentionForm::Name | MentionForm::Surname | MentionForm::Pronoun
    ) {
        let opening = phrase_starting_at(text, tokens, lo, last)
            .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname));
        if let Some(opening) = opening {
            let after = tokens.partition_point(|t| t.span.start < opening.span.end);
            let unclosed = tokens.get(after).is_some_and(|t| t.is_punct(','))
                && !tokens[after + 1..=last].iter().any(|t| t.is_punct(','));
            if unclosed {
                return Some(opening);
            }
        }
    }
    Some(found)
}

/// The speaker before a verb that follows a comma: an appositive or a
/// relative clause may sit between them (`Wang Wenbin, a spokesperson,
/// said`; `Mark Holden, chairman of the board of Freedom Partners, the
/// network's funding arm, said`; `Michael Seaman, who lives outside the
/// state capital, Sacramento, said`), so the speaker is the name before
/// the comma that opens the aside. Without one, the name right before the
/// comma (`Gov. John Kasich (R-Ohio), said`).
fn speaker_before_aside(
    text: &str,
    tokens: &[Token],
    lo: usize,
    comma: usize,
) -> Option<SpeakerPhrase> {
    let commas = || {
        (lo..comma)
            .rev()
            .take(32)
            .take_while(|&k| tokens[k].quote().is_none())
            .filter(|&k| tokens[k].is_punct(','))
    };
    // A comma opens an aside when a lower-case word, a determiner, a
    // title or a number (an age) follows it.
    let opens_aside = |open: usize| {
        // Or a name in the possessive: `Dan Centinello, Romney's deputy
        // political director, said`.
        tokens.get(open + 1).is_some_and(|t| {
            t.is_word()
                && (t
                    .tags
                    .has(Tags::DETERMINER.with(Tags::TITLE).with(Tags::POSSESSIVE))
                    || !t.tags.has(Tags::CAPITAL))
        })
    };
    // The phrase ending before token `end` (a comma), if it can be the
    // speaker: not a place alone, not the object of a preposition (`of
    // Freedom Partners`).
    let phrase_before = |end: usize| {
        let end = before_parenthesis(tokens, lo, end.checked_sub(1)?)?;
        if end < lo {
            return None;
        }
        // One capitalised word before an aside that ends at a verb of
        // saying is a name, whatever the lists say: `Fiorina, speaking to
        // Iowans, said`.
        let lone = || {
            let t = &tokens[end];
            (t.is_word()
                && t.tags.has(Tags::CAPITAL)
                && !t
                    .tags
                    .has(Tags::OPENER.with(Tags::FUNCTION).with(Tags::CALENDAR))
                && (end == lo || !tokens[end - 1].is_word()))
            .then(|| phrase(tokens, end, end, MentionForm::Surname))
        };
        let phrase = phrase_ending_at(text, tokens, lo, end).or_else(lone)?;
        let first = tokens.partition_point(|t| t.span.start < phrase.span.start);
        let words = || (first..=end).filter(|&k| tokens[k].is_word());
        let place_only = phrase.form != MentionForm::Pronoun
            && words().all(|k| {
                let tags = tokens[k].tags;
                tags.has(Tags::PLACE.with(Tags::DEMONYM))
                    && !tags.has(Tags::GIVEN.with(Tags::FAMILY))
            });
        let object = first > lo
            && tokens[first - 1].is_word()
            && tokens[first - 1].tags.has(Tags::NOT_MODIFIER)
            && !tokens[first - 1].tags.has(Tags::CAPITAL);
        (!place_only && !object).then_some(phrase)
    };
    let direct =
        phrase_before(comma).filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname));
    // A name between two commas is an appositive itself (`the state
    // capital, Sacramento,`) unless nothing before opens an aside (`its
    // spokesperson, Wang Wenbin, said`).
    let set_off = direct.as_ref().is_some_and(|p| {
        let first = tokens.partition_point(|t| t.span.start < p.span.start);
        first > lo && tokens[first - 1].is_punct(',')
    });
    if commas().next().is_none_or(|open| !opens_aside(open)) && !set_off && direct.is_some() {
        return direct;
    }
    commas()
        .filter(|&open| opens_aside(open))
        .find_map(phrase_before)
        .or(direct)
}

/// For a token that closes a parenthesis (`Rep. Paul Ryan (R-Wis.) said`),
/// the token before the parenthesis opens; any other token stays.
fn before_parenthesis(tokens: &[Token], lo: usize, last: usize) -> Option<usize> {
    if !tokens[last].is_punct(')') {
        return Some(last);
    }
    let open = (lo..last)
        .rev()
        .take(12)
        .find(|&k| tokens[k].is_punct('('))?;
    open.checked_sub(1).filter(|&k| k >= lo)
}

/// The speaker phrase right after the verb at `cue` (`said Wang`, `said the
/// spokesperson`), not reaching `hi`.
pub fn speaker_after(text: &str, tokens: &[Token], cue: usize, hi: usize) -> Option<SpeakerPhrase> {
    // `calling her "..."`, `declaring it "..."`: after these verbs comes the
    // object, not the speaker.
    if tokens[cue].tags.has(Tags::OBJECT_VERB) {
        return None;
    }
    phrase_starting_at(text, tokens, cue + 1, hi).filter(|p| p.span.slice(text) != "it")
}

/// Whether a token is the word `to` after `according`.
pub fn is_according_to(text: &str, tokens: &[Token], i: usize) -> bool {
    word(text, &tokens[i]).eq_ignore_ascii_case("according")
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && word(text, t).eq_ignore_ascii_case("to"))
}
