//! What a block's own words decide about its quotations: each one's kind
//! (direct, partial, scare, title) and the speaker phrases that may
//! attribute it, the block's signature lines, colon lead-in and last verb
//! of saying, and which names are speakers or subjects in it. Kept with
//! the block while it is unchanged; resolving the phrases to people needs
//! the whole draft and is `attribution`'s.

use std::ops::Range;

use super::lexicon::capitalised_run_forward;
use super::marks::MarkedQuote;
use super::mentions::is_nickname;
use super::names::Gender;
use super::salience::Role;
use super::speakers::{phrase_starting_at, SpeakerPhrase};
use super::subjects::{clause_subjects, sentence_subject, speech_owner, subject_word};
use super::tags::Tags;
use super::words::Token;
use crate::analysis::{How, MentionForm, QuoteKind};
use crate::config::Config;
use crate::text::Span;

use super::cue_speakers::{
    author_of, cue_speakers, inside_that_clause, is_according_to, relay_of, CueSpeaker,
};
use super::cue_subject::speaker_before;
use super::signatures::{signature_after, signature_line};

/// A speaker phrase and the words that make it one (a verb of saying, a
/// colon), not yet resolved to a person.
pub type Found = (SpeakerPhrase, Option<Span>);

/// What a block's own words decide about one of its quotations: its kind
/// and the speaker phrases that may attribute it. Resolving the phrases to
/// people needs the whole draft, and is left to `attribute`.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotePlan {
    /// Index among the block's quotations.
    pub quote: usize,
    pub kind: QuoteKind,
    /// The speaker of a verb of saying in the quote's sentence or the next,
    /// the name on a signature line under it, else the sentence's subject.
    pub speaker: Option<Found>,
    /// Where `speaker` was found.
    pub how: How,
    /// Whether a verb of saying in the quote's own sentence attributes it.
    pub in_sentence: bool,
    /// The verb of saying nearest the quote anywhere in the block, when the
    /// quote may need one.
    pub nearest: Option<Found>,
    /// Who passes the speaker's words on in the same sentence (`reports
    /// USA Today`, `according to Frankel`).
    pub via: Option<Found>,
}

/// What a block's own words decide about its quotations and what it hands
/// to the next block.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BlockPlan {
    pub quotes: Vec<QuotePlan>,
    /// The block opens with a quotation and has no verb of saying.
    pub quote_only: bool,
    /// The speaker of a colon lead-in at the block's end.
    pub lead_in: Option<Found>,
    /// The speaker of the block's last verb of saying.
    pub last_cue: Option<Found>,
    /// The block's last sentence is speech: it has a verb of saying or a
    /// quotation. Only then does a paragraph of quotes after it take its
    /// speaker by context.
    pub ends_speaking: bool,
    /// A signature line that is the whole block (`― Wang Wenbin,
    /// spokesperson`), for the quotations of the block before.
    pub signature: Option<Found>,
    /// Where each sentence starts.
    pub sentences: Vec<usize>,
    /// The speaker phrases of its verbs of saying and its sentences'
    /// subjects: how prominently a name in them is mentioned.
    pub roles: Vec<(Span, Role)>,
    /// Sentence subjects that are pronouns or definite descriptions (`He
    /// added ...`, `The senator argued ...`): resolved in order, they keep
    /// who the draft is talking about in view.
    pub chain: Vec<SpeakerPhrase>,
    /// Sentence subjects whose gender the sentence gives away, by the
    /// first word of the subject: `Sen. Lindsey Graham called out his
    /// rival` (`his`, `himself`, `herself` before any other name).
    pub genders: Vec<(Span, Gender)>,
}

pub fn moved(found: &Found, from: usize, to: usize) -> Found {
    let (phrase, cue) = found;
    (
        SpeakerPhrase {
            span: phrase.span.moved(from, to),
            form: phrase.form,
        },
        cue.map(|cue| cue.moved(from, to)),
    )
}

impl BlockPlan {
    /// The plan for a block that moved from `from` to `to`.
    pub fn moved(&self, from: usize, to: usize) -> BlockPlan {
        let found = |f: &Option<Found>| f.as_ref().map(|f| moved(f, from, to));
        BlockPlan {
            quotes: self
                .quotes
                .iter()
                .map(|q| QuotePlan {
                    speaker: found(&q.speaker),
                    nearest: found(&q.nearest),
                    via: found(&q.via),
                    ..q.clone()
                })
                .collect(),
            quote_only: self.quote_only,
            ends_speaking: self.ends_speaking,
            lead_in: found(&self.lead_in),
            last_cue: found(&self.last_cue),
            signature: found(&self.signature),
            sentences: self.sentences.iter().map(|&s| s + to - from).collect(),
            roles: self
                .roles
                .iter()
                .map(|&(span, role)| (span.moved(from, to), role))
                .collect(),
            chain: self
                .chain
                .iter()
                .map(|p| SpeakerPhrase {
                    span: p.span.moved(from, to),
                    form: p.form,
                })
                .collect(),
            genders: self
                .genders
                .iter()
                .map(|&(span, gender)| (span.moved(from, to), gender))
                .collect(),
        }
    }
}

/// Classify a block's quotations and find the speaker phrases that may
/// attribute them, from the block alone. `first` is the index of the
/// block's first quotation in `marked`; `dash_item` says the block is a
/// list item marked with a dash (`- Bernie Sanders.`), which may be a
/// signature line.
pub fn plan_block(
    text: &str,
    marked: &[MarkedQuote],
    first: usize,
    block_tokens: &[Token],
    sents: &[Range<usize>],
    dash_item: bool,
    config: &Config,
) -> BlockPlan {
    // Sentences, and the cues of one sentence, are looked up by binary
    // search: a paragraph of one long line may hold thousands of each.
    let sentence_of = |i: usize| {
        let at = sents.partition_point(|r| r.end <= i);
        sents.get(at).filter(|r| r.contains(&i)).map_or(0, |_| at)
    };
    let cues = cue_speakers(text, block_tokens, sents, config);
    let cues_of = |s: usize| {
        let from = cues.partition_point(|c| c.sentence < s);
        let to = cues.partition_point(|c| c.sentence <= s);
        &cues[from..to]
    };
    let quoted: Vec<bool> = sents
        .iter()
        .map(|r| r.clone().any(|i| block_tokens[i].quote().is_some()))
        .collect();
    let mut continuing = false;
    let found = |c: &CueSpeaker| (c.speaker.clone(), Some(c.cue));
    // A paragraph that opens with a quote and names nobody continues the
    // previous paragraph's speaker.
    let opens_with_quote = block_tokens
        .iter()
        .find(|t| t.is_word() || t.quote().is_some())
        .is_some_and(|t| t.quote().is_some());
    let mut plan = BlockPlan {
        quote_only: opens_with_quote && cues.is_empty(),
        ..BlockPlan::default()
    };
    for (ti, token) in block_tokens.iter().enumerate() {
        let Some(qi) = token.quote() else { continue };
        let m = &marked[qi];
        let s = sentence_of(ti);
        let nearest = |cands: &[CueSpeaker], keep: &dyn Fn(&CueSpeaker) -> bool| {
            nearest_cue(cands, ti, keep).cloned()
        };
        // A relative clause's verb (`Trump, who has said ...`) speaks only
        // for the quotes after its `who`.
        let reaches = |c: &&CueSpeaker| {
            !(c.speaker.form == MentionForm::Pronoun
                && c.speaker.span.slice(text).eq_ignore_ascii_case("who")
                && token.span.start < c.speaker.span.start)
        };
        let in_sentence = nearest(cues_of(s), &|c| reaches(&c))
            .map(|hit| reporter_of(text, block_tokens, cues_of(s), hit))
            .map(|hit| author_of(text, block_tokens, hit, sents[s].end));
        let via = in_sentence
            .as_ref()
            .and_then(|hit| relay_of(text, block_tokens, cues_of(s), hit))
            .as_ref()
            .map(found);
        let cue_in_sentence = !cues_of(s).is_empty();
        let next_sentence = || {
            let next = sents.get(s + 1)?;
            if quoted[s + 1] {
                return None;
            }
            // Only a sentence that opens with its speaker and verb
            // (`Wang added.`, `That was how Wang put it.`) attributes the
            // quote before it; or, right after a quote that ends in a
            // question or exclamation, one that opens with its speaker, an
            // aside between them (`"How are you today?" Miller, a retired
            // worker, said into the phone.`).
            let quote_ends_sentence = sents[s].end == ti + 1;
            let opens_with_speaker = |c: &CueSpeaker| {
                quote_ends_sentence
                    && block_tokens
                        .get(next.start)
                        .is_some_and(|t| t.span.start == c.speaker.span.start)
            };
            nearest(cues_of(s + 1), &|c| {
                c.at <= next.start + 5 || (opens_with_speaker(c) && c.at <= next.start + 16)
            })
        };
        let signature = signature_after(text, block_tokens, ti);
        let mut how = How::Sentence;
        // The next sentence attributes a quote only when no quote before it
        // in the paragraph has a speaker it could be continuing.
        let direct_hit = match (&in_sentence, &signature) {
            (Some(hit), _) => Some(hit.clone()),
            (None, Some(_)) => None,
            (None, None) if !continuing => next_sentence().inspect(|_| how = How::NextSentence),
            (None, None) => None,
        };
        let nickname = is_nickname(text, block_tokens, ti);
        let mut kind = if nickname {
            QuoteKind::Scare
        } else {
            classify(
                text,
                m,
                block_tokens,
                ti,
                &sents[s],
                direct_hit.is_some() || cue_in_sentence || signature.is_some(),
                config,
            )
        };
        let mut speaker = direct_hit.as_ref().map(found);
        // A partial quote woven into a sentence, or one after a colon in it,
        // belongs to the sentence's subject.
        let colon_before = ti > sents[s].start && block_tokens[ti - 1].is_punct(':');
        // `... - Carl Bialik: "..."`: the name right before a colon.
        let before_colon = || {
            colon_before
                .then(|| speaker_before(text, block_tokens, sents[s].start, ti - 1))
                .flatten()
                .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname))
                // Not the object of a preposition: `later that month on CNN:`.
                .filter(|p| {
                    let first = block_tokens.partition_point(|t| t.span.start < p.span.start);
                    !(first > 0 && block_tokens[first - 1].tags.has(Tags::NOT_MODIFIER))
                })
        };
        // `- Michael P. McDonald: "..." [HuffPost.]`: in a digest the name
        // before the colon speaks; the paper in brackets links the story.
        let bracketed = block_tokens.get(ti + 1).is_some_and(|t| t.is_punct('['));
        if speaker.is_none() && signature.is_some() && !(bracketed && before_colon().is_some()) {
            speaker = signature;
            how = How::Signature;
        }
        // One word counts when a verb of naming or saying puts it in
        // someone's mouth: `called the pact "insanity"`, `dismissed it as
        // "absurd"`.
        // The verb of naming or saying close before the quote, by index.
        let naming_verb =
            (kind == QuoteKind::Scare && ti > sents[s].start && block_tokens[ti - 1].is_word())
                .then(|| {
                    (sents[s].start..ti)
                        .rev()
                        .take(6)
                        .find(|&k| block_tokens[k].tags.has(Tags::OBJECT_VERB.with(Tags::CUE)))
                })
                .flatten();
        // `Trump's assertion that "thousands" ...`: a noun of saying with a
        // named owner puts even one word in the owner's mouth.
        let owner = (speaker.is_none() && !nickname && ti > sents[s].start)
            .then(|| speech_owner(text, block_tokens, &sents[s], ti))
            .flatten();
        let short_phrase = kind == QuoteKind::Scare
            && (m.content.slice(text).split_whitespace().nth(1).is_some()
                || naming_verb.is_some()
                || owner.is_some());
        if speaker.is_none()
            && !nickname
            && (kind == QuoteKind::Partial || colon_before || short_phrase)
        {
            // `Trump, who has called the pact "insanity"`: the relative
            // pronoun's clause has the quote.
            let relative = || {
                (sents[s].start..ti)
                    .rev()
                    .take(16)
                    .take_while(|&k| block_tokens[k].quote().is_none())
                    .find(|&k| block_tokens[k].span.slice(text).eq_ignore_ascii_case("who"))
                    // Right after a name: `Trump, who`, `Rubio who`.
                    .filter(|&k| {
                        let name = |t: Option<&Token>| {
                            t.is_some_and(|t| t.is_word() && t.tags.has(Tags::CAPITAL))
                        };
                        let before = |n: usize| k.checked_sub(n).and_then(|i| block_tokens.get(i));
                        name(before(1))
                            || (before(1).is_some_and(|t| t.is_punct(',')) && name(before(2)))
                    })
                    .map(|k| SpeakerPhrase {
                        span: block_tokens[k].span,
                        form: MentionForm::Pronoun,
                    })
            };
            // `Trump would denounce "self-deportation"`: the verb's own
            // subject.
            let verb_subject = || {
                naming_verb
                    .and_then(|v| speaker_before(text, block_tokens, sents[s].start, v))
                    .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname))
            };
            let owned = owner.as_ref().map(|o| o.span);
            let subject = before_colon()
                .or(owner)
                .or_else(relative)
                .or_else(verb_subject)
                .or_else(|| sentence_subject(text, block_tokens, &sents[s]))
                .filter(|subject| subject.span.end <= token.span.start)
                // A short phrase in quotes is someone's words only when a
                // person is the subject: `Trump blasted its "outrageous
                // practices"`.
                .filter(|subject| {
                    !short_phrase
                        || owned == Some(subject.span)
                        || matches!(
                            subject.form,
                            MentionForm::Name | MentionForm::Surname | MentionForm::Pronoun
                        )
                });
            if short_phrase && subject.is_some() {
                kind = QuoteKind::Partial;
            }
            how = How::Paragraph;
            speaker =
                subject.map(|subject| (subject, colon_before.then(|| block_tokens[ti - 1].span)));
        }
        let nearest = if speaker.is_none() && kind.needs_attribution() {
            nearest(&cues, &|_| true).as_ref().map(found)
        } else {
            None
        };
        continuing |= speaker.is_some();
        plan.quotes.push(QuotePlan {
            quote: qi - first,
            kind,
            speaker,
            how,
            in_sentence: in_sentence.is_some(),
            nearest,
            via,
        });
    }
    plan.lead_in = colon_lead_in(text, block_tokens, sents, &cues);
    plan.last_cue = cues.last().map(found);
    plan.ends_speaking = sents.last().is_some_and(|last| {
        let at = sents.len() - 1;
        cues.iter().any(|c| c.sentence == at)
            || last.clone().any(|i| block_tokens[i].quote().is_some())
    });
    plan.signature = signature_line(text, block_tokens, dash_item);
    plan.sentences = sents
        .iter()
        .filter_map(|r| block_tokens.get(r.start).map(|t| t.span.start))
        .collect();
    plan.chain = sents
        .iter()
        .filter_map(|r| {
            let at = subject_word(block_tokens, r)?;
            let tags = block_tokens[at].tags;
            let word = block_tokens[at].span.slice(text);
            if tags.has(Tags::PRONOUN)
                && (word.eq_ignore_ascii_case("he") || word.eq_ignore_ascii_case("she"))
            {
                return Some(SpeakerPhrase {
                    span: block_tokens[at].span,
                    form: MentionForm::Pronoun,
                });
            }
            if word.eq_ignore_ascii_case("the") {
                return phrase_starting_at(text, block_tokens, at, r.end)
                    .filter(|p| p.form == MentionForm::Description);
            }
            None
        })
        .collect();
    plan.genders = sents
        .iter()
        .filter_map(|r| {
            let at = subject_word(block_tokens, r)?;
            if !block_tokens[at].tags.has(Tags::CAPITAL) {
                return None;
            }
            let run_end = capitalised_run_forward(text, block_tokens, at, r.end);
            for token in block_tokens[run_end + 1..r.end].iter().take(24) {
                if token.quote().is_some() || token.tags.has(Tags::CAPITAL) {
                    return None;
                }
                if !matches!(token.span.len(), 3 | 7) {
                    continue;
                }
                let word = token.span.slice(text);
                let is = |w: &str| word.eq_ignore_ascii_case(w);
                if is("his") || is("himself") {
                    return Some((block_tokens[at].span, Gender::Male));
                }
                if is("herself") {
                    return Some((block_tokens[at].span, Gender::Female));
                }
            }
            None
        })
        .collect();
    plan.roles = cues
        .iter()
        .map(|c| (c.speaker.span, Role::Speaker))
        .chain(
            sents
                .iter()
                .filter_map(|r| subject_word(block_tokens, r))
                .chain(
                    sents
                        .iter()
                        .flat_map(|r| clause_subjects(text, block_tokens, r)),
                )
                .map(|i| (block_tokens[i].span, Role::Subject)),
        )
        .collect();
    plan
}

/// Who tells the reporter what someone else said: `Meeks said Clinton
/// reassured them that "..."` is Meeks's account, and Meeks is its source.
/// A verb of saying whose object clause opens with `hit`'s speaker (after
/// an optional `that`), said by a name, takes the quote.
fn reporter_of(text: &str, tokens: &[Token], cues: &[CueSpeaker], hit: CueSpeaker) -> CueSpeaker {
    let speaker_at = tokens.partition_point(|t| t.span.start < hit.speaker.span.start);
    // `Win Htein said that according to its analysis, the party won, but
    // "..."`: the source of a fact inside what a name said; `Balogun said,
    // according to the Gazette, that "..."`: the paper that passes it on.
    let nested_according = inside_that_clause(text, tokens, hit.at)
        || (hit.at >= 2
            && is_according_to(text, tokens, hit.at)
            && tokens[hit.at - 1].is_punct(',')
            && cues.iter().any(|c| c.at + 2 == hit.at));
    let outer = cues.iter().find(|c| {
        let next = c.at + 1;
        let opens = next == speaker_at
            || (next + 1 == speaker_at
                && tokens[next].span.slice(text).eq_ignore_ascii_case("that"))
            || (nested_according && c.at < hit.at);
        let reports = matches!(
            &*tokens[c.at].span.slice(text).to_ascii_lowercase(),
            "said" | "says" | "told" | "recalled" | "recounted"
        );
        opens
            && reports
            && c.speaker.span.end <= tokens[c.at].span.start
            && matches!(c.speaker.form, MentionForm::Name | MentionForm::Surname)
    });
    outer.cloned().unwrap_or(hit)
}

/// The cue among `cues` (in token order) that `keep` accepts nearest the
/// token `at`, the earlier of two as near.
fn nearest_cue<'c>(
    cues: &'c [CueSpeaker],
    at: usize,
    keep: &dyn Fn(&CueSpeaker) -> bool,
) -> Option<&'c CueSpeaker> {
    let split = cues.partition_point(|c| c.at < at);
    let before = cues[..split].iter().rev().find(|c| keep(c));
    let after = cues[split..].iter().find(|c| keep(c));
    match (before, after) {
        (Some(b), Some(a)) => Some(if at - b.at <= a.at - at { b } else { a }),
        (b, a) => b.or(a),
    }
}

/// When a block's words end with a colon (`Wang said:`, `Feld put it
/// plainly:`), the speaker of the quotations that open the next block: the
/// speaker of a verb of saying in its last sentence, else the name or
/// pronoun that starts that sentence, with the colon as the cue.
fn colon_lead_in(
    text: &str,
    tokens: &[Token],
    sentences: &[Range<usize>],
    cues: &[CueSpeaker],
) -> Option<Found> {
    let colon = tokens.last().filter(|t| t.is_punct(':'))?.span;
    let last_sentence = sentences.len().checked_sub(1)?;
    let found = cues.iter().rev().find(|c| c.sentence == last_sentence);
    match found {
        Some(c) => Some((c.speaker.clone(), Some(Span::new(c.cue.start, colon.end)))),
        None => {
            let range = &sentences[last_sentence];
            Some((sentence_subject(text, tokens, range)?, Some(colon)))
        }
    }
}

/// What kind of quotation a span is, from its words and where it stands.
fn classify(
    text: &str,
    m: &MarkedQuote,
    tokens: &[Token],
    at: usize,
    sentence: &Range<usize>,
    cue_nearby: bool,
    config: &Config,
) -> QuoteKind {
    if m.continues || m.runs_on {
        return QuoteKind::Direct;
    }
    // A headline with its byline, as a roundup cites a story: `"Met
    // accused of whitewashing baby Jesus," by the Post's Kathianne
    // Boniello`.
    let after = text[m.span.end..].trim_start();
    let byline = after
        .strip_prefix(',')
        .unwrap_or(after)
        .trim_start()
        .strip_prefix("by ")
        .is_some_and(|rest| rest.starts_with(char::is_uppercase) || rest.starts_with("the "));
    if byline {
        return QuoteKind::Title;
    }
    let content = m.content.slice(text).trim();
    let ends_sentence = content.ends_with(['.', '?', '!', ',', '…']);
    let before = &tokens[sentence.start..at];
    let starts_sentence = before.iter().all(|t| !t.is_word() && t.quote().is_none())
        || before.last().is_some_and(|t| t.is_punct(':'))
        || (before.last().is_some_and(|t| t.is_punct(',')) && cue_nearby);
    let capital = content
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());

    if !cue_nearby {
        // The words are counted only as far as the tests below look: a
        // title has at most ten, and a quote of `min_quote_words` is long
        // enough to be someone's words.
        let limit = config.min_quote_words.max(11);
        let mut words = 0;
        let mut all_title_words = true;
        for word in content
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
            .filter(|w| !w.is_empty())
            .take(limit)
        {
            words += 1;
            all_title_words &= word.chars().next().is_some_and(char::is_uppercase)
                || (word.len() <= 4 && word.chars().all(char::is_lowercase));
        }
        let title_case = (2..=10).contains(&words) && all_title_words;
        if title_case && !ends_sentence {
            return QuoteKind::Title;
        }
        if words < config.min_quote_words && !(starts_sentence && ends_sentence) {
            return QuoteKind::Scare;
        }
    }
    if starts_sentence && capital {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}
