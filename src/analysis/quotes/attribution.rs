//! Linking each quotation to its speaker: the verb of saying in its
//! sentence, the next sentence, the paragraph, a running quote, or a colon
//! lead-in at the end of the previous paragraph.

use std::ops::Range;

use super::cues::cue_class;
use super::marks::MarkedQuote;
use super::people::People;
use super::speakers::{
    is_according_to, sentence_subject, speaker_after, speaker_before, SpeakerPhrase,
};
use super::words::{sentences, Token};
use crate::analysis::{
    Attribution, Cue, How, MentionForm, Quote, QuoteKind, SourceKind, SpeakerMention,
};
use crate::config::Config;
use crate::text::Span;

/// A verb of saying with the speaker found next to it.
#[derive(Clone, Debug)]
struct CueSpeaker {
    /// Token index of the verb (of `according` for `according to`).
    at: usize,
    sentence: usize,
    cue: Span,
    speaker: SpeakerPhrase,
}

/// Every verb of saying in a block's words with a speaker beside it.
fn cue_speakers(
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
            if w.eq_ignore_ascii_case("according") || cue_class(w, &config.extra_verbs).is_none() {
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
            let speaker = if gerund {
                sentence_subject(text, tokens, range)
            } else if after_quote {
                speaker_after(text, tokens, i, range.end)
                    .or_else(|| speaker_before(text, tokens, range.start, i))
            } else {
                speaker_before(text, tokens, range.start, i)
                    .or_else(|| speaker_after(text, tokens, i, range.end))
            }
            .or_else(|| {
                sentence_subject(text, tokens, range).filter(|s| s.span.end <= token.span.start)
            });
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
    /// else the sentence's subject.
    pub speaker: Option<Found>,
    /// Whether a verb of saying in the quote's own sentence attributes it.
    pub in_sentence: bool,
    /// The verb of saying nearest the quote anywhere in the block, when the
    /// quote may need one.
    pub nearest: Option<Found>,
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
}

fn moved(found: &Found, from: usize, to: usize) -> Found {
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
                    ..q.clone()
                })
                .collect(),
            quote_only: self.quote_only,
            lead_in: found(&self.lead_in),
            last_cue: found(&self.last_cue),
        }
    }
}

/// Classify a block's quotations and find the speaker phrases that may
/// attribute them, from the block alone. `first` is the index of the
/// block's first quotation in `marked`.
pub fn plan_block(
    text: &str,
    marked: &[MarkedQuote],
    first: usize,
    block_tokens: &[Token],
    config: &Config,
) -> BlockPlan {
    let sents = sentences(text, block_tokens, marked);
    let sentence_of = |i: usize| sents.iter().position(|r| r.contains(&i)).unwrap_or(0);
    let cues = cue_speakers(text, block_tokens, &sents, config);
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
        let nearest = |cands: &mut dyn Iterator<Item = &CueSpeaker>| {
            cands.min_by_key(|c| c.at.abs_diff(ti)).cloned()
        };
        let in_sentence = nearest(&mut cues.iter().filter(|c| c.sentence == s));
        let next_sentence = || {
            let next = sents.get(s + 1)?;
            if next.clone().any(|i| block_tokens[i].quote().is_some()) {
                return None;
            }
            // Only a sentence that opens with its speaker and verb
            // (`Wang added.`) attributes the quote before it.
            nearest(
                &mut cues
                    .iter()
                    .filter(|c| c.sentence == s + 1 && c.at <= next.start + 3),
            )
        };
        let direct_hit = in_sentence.clone().or_else(next_sentence);
        let mut kind = classify(
            text,
            m,
            block_tokens,
            ti,
            &sents[s],
            direct_hit.is_some(),
            config,
        );
        let mut speaker = direct_hit.as_ref().map(found);
        // A partial quote woven into a sentence, or one after a colon in it,
        // belongs to the sentence's subject.
        let colon_before = ti > sents[s].start && block_tokens[ti - 1].is_punct(':');
        let short_phrase =
            kind == QuoteKind::Scare && m.content.slice(text).split_whitespace().nth(1).is_some();
        if speaker.is_none() && (kind == QuoteKind::Partial || colon_before || short_phrase) {
            // `... - Carl Bialik: "..."`: the name right before a colon.
            let before_colon = colon_before
                .then(|| speaker_before(text, block_tokens, sents[s].start, ti - 1))
                .flatten()
                .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname));
            let subject = before_colon
                .or_else(|| sentence_subject(text, block_tokens, &sents[s]))
                .filter(|subject| subject.span.end <= token.span.start)
                // A short phrase in quotes is someone's words only when a
                // person is the subject: `Trump blasted its "outrageous
                // practices"`.
                .filter(|subject| {
                    !short_phrase
                        || matches!(
                            subject.form,
                            MentionForm::Name | MentionForm::Surname | MentionForm::Pronoun
                        )
                });
            if short_phrase && subject.is_some() {
                kind = QuoteKind::Partial;
            }
            speaker =
                subject.map(|subject| (subject, colon_before.then(|| block_tokens[ti - 1].span)));
        }
        let nearest = if speaker.is_none() && kind.needs_attribution() {
            nearest(&mut cues.iter()).as_ref().map(found)
        } else {
            None
        };
        plan.quotes.push(QuotePlan {
            quote: qi - first,
            kind,
            speaker,
            in_sentence: in_sentence.is_some(),
            nearest,
        });
    }
    plan.lead_in = colon_lead_in(text, block_tokens, &sents, &cues);
    plan.last_cue = cues.last().map(found);
    plan
}

/// The quotations of `marked`, classified and attributed: each block's
/// plan, with the index of the block's first quotation and the offset the
/// plan's spans count from, resolved to people in document order.
pub fn attribute(
    text: &str,
    marked: &[MarkedQuote],
    plans: &[(usize, usize, &BlockPlan)],
    people: &mut People,
) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::with_capacity(marked.len());
    // The speaker of a colon lead-in at the end of the previous block.
    let mut lead_in: Option<Attribution> = None;
    // What the previous block hands to a paragraph of quotes after it.
    let mut previous_block_last: Option<Handed> = None;
    for &(first, base, plan) in plans {
        let resolved = |people: &mut People, found: &Found, how: How| {
            let (phrase, cue) = moved(found, 0, base);
            resolve(text, people, &phrase, cue, how)
        };
        // The last quotation of this block with an attribution, by index:
        // it is copied only when a later quotation inherits it.
        let mut last_in_block: Option<usize> = None;
        for q in &plan.quotes {
            let qi = first + q.quote;
            let Some(m) = marked.get(qi) else { continue };
            let group = if m.continues && qi > 0 {
                quotes.get(qi - 1).map_or(qi, |previous| previous.group)
            } else {
                qi
            };
            let how = if q.in_sentence {
                How::Sentence
            } else {
                How::Paragraph
            };
            let mut attribution = q.speaker.as_ref().map(|f| resolved(people, f, how));
            if attribution.is_none() && q.kind.needs_attribution() {
                attribution = last_in_block
                    .and_then(|i| quotes[i].attribution.clone())
                    .map(|a| inherited(a, How::Paragraph))
                    .or_else(|| {
                        q.nearest
                            .as_ref()
                            .map(|f| resolved(people, f, How::Paragraph))
                    })
                    .or_else(|| {
                        (group != qi)
                            .then(|| {
                                quotes
                                    .get(group)
                                    .and_then(|g| g.attribution.clone())
                                    .map(|a| inherited(a, How::RunningQuote))
                            })
                            .flatten()
                    })
                    .or_else(|| lead_in.clone())
                    .or_else(|| {
                        plan.quote_only
                            .then(|| match &previous_block_last {
                                Some(Handed::Quote(i)) => quotes[*i].attribution.clone(),
                                Some(Handed::Cue(attribution)) => Some(attribution.clone()),
                                None => None,
                            })
                            .flatten()
                            .map(|a| inherited(a, How::Context))
                    });
            }
            if !q.kind.needs_attribution() && !q.in_sentence {
                attribution = None;
            }
            if attribution.is_some() {
                last_in_block = Some(quotes.len());
            }
            quotes.push(Quote {
                span: m.span,
                content: m.content,
                kind: q.kind,
                closed: m.closed,
                group,
                attribution,
            });
        }
        lead_in = plan
            .lead_in
            .as_ref()
            .map(|f| resolved(people, f, How::LeadIn));
        // With no quote of its own attributed, a paragraph whose last verb
        // of saying has a speaker (`Reyes said the cuts would hurt.`) hands
        // that speaker to a paragraph of quotes that follows.
        previous_block_last = last_in_block.map(Handed::Quote).or_else(|| {
            plan.last_cue
                .as_ref()
                .map(|f| Handed::Cue(resolved(people, f, How::Context)))
        });
    }
    quotes
}

/// What a block hands to a paragraph of quotes after it: the attribution
/// of its last attributed quotation (by index) or of its last verb of saying.
enum Handed {
    Quote(usize),
    Cue(Attribution),
}

/// A later quotation that takes its attribution from an earlier one; the
/// words that attribute it belong to the earlier one.
fn inherited(attribution: Attribution, how: How) -> Attribution {
    Attribution {
        cue: None,
        how,
        ..attribution
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

/// The attribution for a speaker phrase, with the person it means.
fn resolve(
    text: &str,
    people: &mut People,
    speaker: &SpeakerPhrase,
    cue: Option<Span>,
    how: How,
) -> Attribution {
    let written = speaker.span.slice(text);
    let at = speaker.span.start;
    let person = match speaker.form {
        MentionForm::Name | MentionForm::Surname => people.by_name(written),
        MentionForm::Pronoun => {
            let pronoun = written.to_lowercase();
            let found = people.before(at, &pronoun);
            if let Some(p) = found {
                people.learn_pronoun(p, &pronoun);
            }
            found
        }
        MentionForm::Description => people.described(at, written),
        MentionForm::Anonymous => None,
    };
    let name = match (person, speaker.form) {
        (Some(p), _) => Some(people.people[p].name.clone()),
        (None, MentionForm::Name) => Some(written.to_string()),
        _ => None,
    };
    Attribution {
        speaker: SpeakerMention {
            span: speaker.span,
            text: written.to_string(),
            name,
            form: speaker.form,
            kind: match speaker.form {
                MentionForm::Anonymous => SourceKind::Anonymous,
                MentionForm::Pronoun if person.is_none() => SourceKind::Unknown,
                _ => SourceKind::Person,
            },
        },
        cue: cue.map(|span| Cue {
            span,
            text: span.slice(text).to_string(),
        }),
        how,
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
