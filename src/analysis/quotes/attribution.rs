//! Linking each quotation to its speaker: the verb of saying in its
//! sentence, the next sentence, the paragraph, a running quote, or a colon
//! lead-in at the end of the previous paragraph.

use std::ops::Range;

use super::cues::cue_class;
use super::entities::{fold, Entities};
use super::lexicon::{is_person_noun, title_role, ANONYMOUS_HEADS, DOCUMENT_NOUNS, GROUP_HEADS};
use super::marks::MarkedQuote;
use super::mentions::is_nickname;
use super::names::Gender;
use super::salience::{Occurrence, Role, Salience};
use super::speakers::{
    is_according_to, phrase_starting_at, sentence_subject, speaker_after, speaker_before,
    SpeakerPhrase,
};
use super::tags::Tags;
use super::words::Token;
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
            let speaker = if gerund {
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
    let w = token.span.slice(text);
    if !w.ends_with('s') || w.eq_ignore_ascii_case("says") || i == sentence_start {
        return true;
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
    if tags.has(Tags::DETERMINER) && !tags.has(Tags::PRONOUN) {
        return false;
    }
    let lower = super::lexicon::lowercase(previous.span.slice(text));
    tags.has(Tags::PRONOUN)
        || matches!(&*lower, "who" | "that" | "which")
        || (tags.has(Tags::CAPITAL) && !tags.has(Tags::DEMONYM) && !is_party_word(&lower))
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

/// Party and ideology words, which are adjectives before a noun.
fn is_party_word(word: &str) -> bool {
    matches!(
        word,
        "republican"
            | "democratic"
            | "democrat"
            | "gop"
            | "conservative"
            | "liberal"
            | "progressive"
            | "libertarian"
            | "independent"
    )
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
    /// the name on a signature line under it, else the sentence's subject.
    pub speaker: Option<Found>,
    /// Where `speaker` was found.
    pub how: How,
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
    sents: &[Range<usize>],
    config: &Config,
) -> BlockPlan {
    let sentence_of = |i: usize| sents.iter().position(|r| r.contains(&i)).unwrap_or(0);
    let cues = cue_speakers(text, block_tokens, sents, config);
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
            // (`Wang added.`, `That was how Wang put it.`) attributes the
            // quote before it.
            nearest(
                &mut cues
                    .iter()
                    .filter(|c| c.sentence == s + 1 && c.at <= next.start + 5),
            )
        };
        let signature = signature_after(text, block_tokens, ti);
        let mut how = How::Sentence;
        let direct_hit = match (&in_sentence, &signature) {
            (Some(hit), _) => Some(hit.clone()),
            (None, Some(_)) => None,
            (None, None) => next_sentence().inspect(|_| how = How::NextSentence),
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
                direct_hit.is_some() || signature.is_some(),
                config,
            )
        };
        let mut speaker = direct_hit.as_ref().map(found);
        if speaker.is_none() && signature.is_some() {
            speaker = signature;
            how = How::Signature;
        }
        // A partial quote woven into a sentence, or one after a colon in it,
        // belongs to the sentence's subject.
        let colon_before = ti > sents[s].start && block_tokens[ti - 1].is_punct(':');
        let short_phrase =
            kind == QuoteKind::Scare && m.content.slice(text).split_whitespace().nth(1).is_some();
        if speaker.is_none()
            && !nickname
            && (kind == QuoteKind::Partial || colon_before || short_phrase)
        {
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
            how = How::Paragraph;
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
            how,
            in_sentence: in_sentence.is_some(),
            nearest,
        });
    }
    plan.lead_in = colon_lead_in(text, block_tokens, sents, &cues);
    plan.last_cue = cues.last().map(found);
    plan.ends_speaking = sents.last().is_some_and(|last| {
        let at = sents.len() - 1;
        cues.iter().any(|c| c.sentence == at)
            || last.clone().any(|i| block_tokens[i].quote().is_some())
    });
    plan.signature = signature_line(text, block_tokens);
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
    plan.roles = cues
        .iter()
        .map(|c| (c.speaker.span, Role::Speaker))
        .chain(
            sents
                .iter()
                .filter_map(|r| subject_word(block_tokens, r))
                .map(|i| (block_tokens[i].span, Role::Subject)),
        )
        .collect();
    plan
}

/// The word a sentence's subject most likely starts at: its first word,
/// or the first after a comma that closes an opening phrase (`When the
/// vote failed, Demir left`). Cheaper than `sentence_subject`, and enough
/// to tell which names a sentence is about.
fn subject_word(tokens: &[Token], range: &Range<usize>) -> Option<usize> {
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
        return (comma + 1..range.end).find(|&i| tokens[i].is_word());
    }
    Some(first)
}

/// Whether a token is a dash that can lead a signature line.
fn is_signature_dash(token: &Token) -> bool {
    token.is_punct('―') || token.is_punct('—') || token.is_punct('–') || token.is_punct('~')
}

/// The name on a signature line right after the quotation at token `at`:
/// `"..." ― Wang Wenbin, spokesperson`.
fn signature_after(text: &str, tokens: &[Token], at: usize) -> Option<Found> {
    let dash = tokens.get(at + 1).filter(|t| is_signature_dash(t))?;
    let name = tokens.get(at + 2)?;
    if !name.is_word() || !name.tags.has(Tags::CAPITAL) {
        return None;
    }
    let phrase = phrase_starting_at(text, tokens, at + 2, tokens.len())
        .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname))?;
    // The signature ends the sentence or the block: the name is followed
    // by nothing, a comma (its title), or the end of a sentence.
    let after = tokens.partition_point(|t| t.span.start < phrase.span.end);
    let ends = tokens.get(after).is_none_or(|t| {
        t.is_punct(',') || t.is_punct('.') || t.is_punct('(') || t.quote().is_some()
    });
    ends.then_some((phrase, Some(dash.span)))
}

/// A block that is a signature line: a dash and a name, maybe a title.
fn signature_line(text: &str, tokens: &[Token]) -> Option<Found> {
    let dash = tokens.first().filter(|t| is_signature_dash(t))?;
    let phrase = phrase_starting_at(text, tokens, 1, tokens.len())
        .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname))?;
    let after = tokens.partition_point(|t| t.span.start < phrase.span.end);
    // A title may follow after a comma; a sentence of its own may not.
    let short =
        tokens.len() <= after + 16 && !tokens[after..].iter().any(|t| t.tags.has(Tags::CUE));
    short.then_some((phrase, Some(dash.span)))
}

/// The quotations of `marked`, classified and attributed: each block's
/// plan, with the index of the block's first quotation and the offset the
/// plan's spans count from, resolved to entities in document order. Each
/// quote comes with the entity its speaker resolved to.
pub fn attribute(
    text: &str,
    marked: &[MarkedQuote],
    plans: &[(usize, usize, &BlockPlan)],
    entities: &mut Entities,
) -> Vec<(Quote, Option<usize>)> {
    let mut salience = salience_of(plans, entities);
    let mut walk = Walk {
        text,
        entities,
        salience: &mut salience,
        block: 0,
    };
    let mut quotes: Vec<(Quote, Option<usize>)> = Vec::with_capacity(marked.len());
    // The speaker of a colon lead-in at the end of the previous block.
    let mut lead_in: Option<Resolved> = None;
    // What the previous block hands to a paragraph of quotes after it.
    let mut previous_block_last: Option<Handed> = None;
    // The quotations of the previous block, by index.
    let mut previous_block: std::ops::Range<usize> = 0..0;
    for (block, &(first, base, plan)) in plans.iter().enumerate() {
        walk.block = block;
        // A signature line under a paragraph of quotes signs those its
        // paragraph leaves unattributed.
        if let Some(found) = &plan.signature {
            let signed = walk.resolve(&moved(found, 0, base), How::Signature);
            for i in previous_block.clone() {
                let (quote, entity) = &mut quotes[i];
                let open = quote
                    .attribution
                    .as_ref()
                    .is_none_or(|a| a.how == How::Context);
                if quote.kind.needs_attribution() && open {
                    quote.attribution = Some(signed.0.clone());
                    *entity = signed.1;
                }
            }
        }
        let block_start = quotes.len();
        // The last quotation of this block with an attribution, by index:
        // it is copied only when a later quotation inherits it.
        let mut last_in_block: Option<usize> = None;
        let mut chain = plan.chain.iter().peekable();
        for q in &plan.quotes {
            let qi = first + q.quote;
            let Some(m) = marked.get(qi) else { continue };
            while let Some(subject) = chain.next_if(|p| p.span.start + base < m.span.start) {
                walk.follow(subject, base);
            }
            let group = if m.continues && qi > 0 {
                quotes.get(qi - 1).map_or(qi, |previous| previous.0.group)
            } else {
                qi
            };
            let mut attribution = q
                .speaker
                .as_ref()
                .map(|f| walk.resolve(&moved(f, 0, base), q.how));
            if attribution.is_none() && q.kind.needs_attribution() {
                let inherit = |i: usize, how: How| {
                    let (quote, entity) = &quotes[i];
                    quote
                        .attribution
                        .clone()
                        .map(|a| (inherited(a, how), *entity))
                };
                attribution = last_in_block
                    .and_then(|i| inherit(i, How::Paragraph))
                    .or_else(|| {
                        q.nearest
                            .as_ref()
                            .map(|f| walk.resolve(&moved(f, 0, base), How::Paragraph))
                    })
                    .or_else(|| {
                        (group != qi)
                            .then(|| inherit(group, How::RunningQuote))
                            .flatten()
                    })
                    .or_else(|| lead_in.clone())
                    .or_else(|| {
                        plan.quote_only
                            .then(|| match &previous_block_last {
                                Some(Handed::Quote(i)) => inherit(*i, How::Context),
                                Some(Handed::Cue(resolved)) => {
                                    Some((inherited(resolved.0.clone(), How::Context), resolved.1))
                                }
                                None => None,
                            })
                            .flatten()
                    });
            }
            if !q.kind.needs_attribution() && !q.in_sentence {
                attribution = None;
            }
            let entity = attribution.as_ref().and_then(|a| a.1);
            if let Some((a, Some(entity))) = &attribution {
                walk.spoke(a.speaker.span.start, *entity);
                // Someone who speaks is a person or organisation of the
                // draft, whatever the name lists say of their name.
                walk.entities.entities[*entity].evident = true;
            }
            if attribution.is_some() {
                last_in_block = Some(quotes.len());
            }
            quotes.push((
                Quote {
                    span: m.span,
                    content: m.content,
                    kind: q.kind,
                    closed: m.closed,
                    group,
                    attribution: attribution.map(|a| a.0),
                    mark_problems: m.mark_problems.clone(),
                },
                entity,
            ));
        }
        for subject in chain {
            walk.follow(subject, base);
        }
        previous_block = block_start..quotes.len();
        lead_in = plan
            .lead_in
            .as_ref()
            .map(|f| walk.resolve(&moved(f, 0, base), How::LeadIn));
        // With no quote of its own attributed, a paragraph whose last verb
        // of saying has a speaker (`Reyes said the cuts would hurt.`) hands
        // that speaker to a paragraph of quotes that follows.
        previous_block_last = if plan.ends_speaking {
            last_in_block.map(Handed::Quote).or_else(|| {
                plan.last_cue
                    .as_ref()
                    .map(|f| Handed::Cue(walk.resolve(&moved(f, 0, base), How::Context)))
            })
        } else {
            None
        };
    }
    quotes
}

/// An attribution and the entity its speaker resolved to.
type Resolved = (Attribution, Option<usize>);

/// What a block hands to a paragraph of quotes after it: the attribution
/// of its last attributed quotation (by index) or of its last verb of saying.
enum Handed {
    Quote(usize),
    Cue(Resolved),
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

/// The salience of every name mention of the draft: where each sentence
/// starts, and how prominently each name is mentioned in its sentence.
fn salience_of(plans: &[(usize, usize, &BlockPlan)], entities: &Entities) -> Salience {
    let starts: Vec<usize> = plans
        .iter()
        .flat_map(|&(_, base, plan)| plan.sentences.iter().map(move |&s| s + base))
        .collect();
    let mut salience = Salience::new(starts);
    for mention in &entities.mentions {
        let Some(&(_, base, plan)) = plans.get(mention.block) else {
            continue;
        };
        let role = plan
            .roles
            .iter()
            .filter(|(span, role)| match role {
                // The subject's first word lies in the name (`Sen. Jon
                // Tester` starts at `Sen.`, the name at `Jon`).
                Role::Subject => {
                    mention.span.start <= span.end + base && span.start + base < mention.span.end
                        || (span.start + base <= mention.span.start
                            && mention.span.start <= span.end + base + 24)
                }
                _ => span.start + base <= mention.span.start && mention.span.end <= span.end + base,
            })
            .map(|&(_, role)| role)
            .min_by_key(|role| match role {
                Role::Speaker => 0,
                Role::Subject => 1,
                Role::Other => 2,
            })
            .unwrap_or(Role::Other);
        let sentence = salience.sentence_of(mention.span.start);
        salience.mention(Occurrence {
            at: mention.span.start,
            block: mention.block,
            sentence,
            entity: mention.entity,
            role,
        });
    }
    salience
}

/// Resolving speaker phrases in document order.
struct Walk<'w, 't> {
    text: &'t str,
    entities: &'w mut Entities,
    salience: &'w mut Salience,
    block: usize,
}

impl Walk<'_, '_> {
    /// Record that an entity spoke at `at`.
    fn spoke(&mut self, at: usize, entity: usize) {
        let sentence = self.salience.sentence_of(at);
        self.salience.spoke(Occurrence {
            at,
            block: self.block,
            sentence,
            entity,
            role: Role::Speaker,
        });
    }

    /// Resolve a sentence's subject, a pronoun or description, and count it
    /// as a mention of whoever it means.
    fn follow(&mut self, subject: &SpeakerPhrase, base: usize) {
        let span = subject.span.moved(0, base);
        let written = span.slice(self.text);
        let entity = match subject.form {
            MentionForm::Pronoun => self.pronoun(span.start, written),
            _ => self.described(span.start, written),
        };
        if let Some(entity) = entity {
            let sentence = self.salience.sentence_of(span.start);
            self.salience.spoke(Occurrence {
                at: span.start,
                block: self.block,
                sentence,
                entity,
                role: Role::Subject,
            });
        }
    }

    /// The attribution for a speaker phrase, with the entity it means.
    fn resolve(&mut self, found: &Found, how: How) -> Resolved {
        let (speaker, cue) = found;
        let text = self.text;
        let written = speaker.span.slice(text);
        let at = speaker.span.start;
        let entity = match speaker.form {
            MentionForm::Name | MentionForm::Surname => Some(self.named(speaker.span, written)),
            MentionForm::Pronoun => self.pronoun(at, written),
            // `the Washington Post`, `The Federalist`: a capitalised name
            // after the article is an organisation's name, not a role.
            MentionForm::Description if names_an_organisation(written) => {
                let name = written.split_once(' ').map_or(written, |(_, n)| n);
                let entity = self.named(speaker.span, name);
                // A capitalised run nothing marked as a person, spoken of
                // with `the`, is an organisation.
                let found = &mut self.entities.entities[entity];
                if !found.evident {
                    found.kind = SourceKind::Organisation;
                }
                Some(entity)
            }
            MentionForm::Description => self.described(at, written),
            MentionForm::Anonymous => None,
        };
        let kind = match entity {
            Some(e) => self.entities.entities[e].kind,
            None => unnamed_kind(speaker.form, written),
        };
        let name = entity.map(|e| self.entities.entities[e].name.clone());
        let attribution = Attribution {
            speaker: SpeakerMention {
                span: speaker.span,
                text: written.to_string(),
                name,
                form: speaker.form,
                kind,
            },
            cue: cue.map(|span| Cue {
                span,
                text: span.slice(text).to_string(),
            }),
            how,
        };
        (attribution, entity)
    }

    /// The entity a name or surname as written means, made if need be.
    fn named(&mut self, span: Span, written: &str) -> usize {
        if let Some(entity) = self
            .entities
            .named_in(span)
            .or_else(|| self.entities.by_name(written))
        {
            return entity;
        }
        let last = written.split_whitespace().last().unwrap_or(written);
        let known = super::names::known(last);
        let capitals = last.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !last.chars().any(char::is_lowercase);
        let kind = if known.place || capitals || super::names::is_place_phrase(written) {
            SourceKind::Organisation
        } else {
            SourceKind::Person
        };
        self.entities.speaker_named(written, kind)
    }

    /// The entity a pronoun at `at` means: the most salient entity of a
    /// kind and gender it can refer to.
    fn pronoun(&mut self, at: usize, written: &str) -> Option<usize> {
        let pronoun = written.to_lowercase();
        let entities = &self.entities.entities;
        let found = match pronoun.as_str() {
            "he" | "she" => {
                let gender = if pronoun == "he" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                self.salience.best(at, self.block, |e| {
                    let entity = &entities[e];
                    // Only someone the draft marks as a person: a
                    // capitalised run nothing marks is no one to be `he`.
                    if entity.kind != SourceKind::Person || !entity.evident {
                        return None;
                    }
                    match entity.gender {
                        Some(g) if g == gender => Some(5),
                        Some(Gender::Either) | None => Some(0),
                        Some(_) => None,
                    }
                })
            }
            "they" | "it" => self.salience.best(at, self.block, |e| {
                (entities[e].kind == SourceKind::Organisation).then_some(0)
            }),
            "who" => self
                .salience
                .nearest_in_sentence(at, |e| entities[e].kind != SourceKind::Unknown),
            _ => None,
        };
        if let Some(entity) = found {
            match pronoun.as_str() {
                "he" => self.entities.learn_gender(entity, Gender::Male),
                "she" => self.entities.learn_gender(entity, Gender::Female),
                _ => {}
            }
        }
        found
    }

    /// The entity a description means: the most salient one whose titles,
    /// appositives or name give the description's head noun.
    fn described(&mut self, at: usize, description: &str) -> Option<usize> {
        let head = description_head(description)?;
        let gender = super::mentions::role_gender(&head);
        let entities = &self.entities.entities;
        let fits_gender =
            |e: usize| gender.is_none_or(|g| entities[e].gender.is_none_or(|known| known == g));
        let candidates = self.entities.with_head(&head);
        if !candidates.is_empty() {
            let has_head = |e: usize| entities[e].heads.contains(&head);
            let near = self.salience.best(at, self.block, |e| {
                (has_head(e) && fits_gender(e)).then_some(0)
            });
            // Someone the draft gave that role further back.
            return near.or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .filter(|&e| fits_gender(e))
                    .filter(|&e| self.entities.first_full(e).is_some_and(|f| f < at))
                    .max_by_key(|&e| self.entities.first_full(e))
            });
        }
        // A definite description of a person the draft gave no such role
        // (`the billionaire`, `the 46-year-old`) means the most salient
        // person, as `he` or `she` would; an organisation's noun (`the
        // ministry`) the most salient organisation with that word.
        let definite = description
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if !definite {
            return None;
        }
        if super::mentions::is_org_noun(&head) {
            return self.salience.best(at, self.block, |e| {
                (entities[e].kind == SourceKind::Organisation
                    && entities[e].name.to_lowercase().contains(&head))
                .then_some(0)
            });
        }
        // Not for a source who speaks for someone else, or one the draft
        // withholds: `the spokesman`, `the official` are not the principal.
        let speaks_for_others = ANONYMOUS_HEADS.contains(&head.as_str())
            || matches!(
                head.as_str(),
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
            );
        if speaks_for_others || (!is_person_noun(&head) && !head.ends_with("-year-old")) {
            return None;
        }
        self.salience.best(at, self.block, |e| {
            let entity = &entities[e];
            (entity.kind == SourceKind::Person && entity.evident && fits_gender(e)).then_some(-10)
        })
    }
}

/// Whether a description is `the` and a capitalised name: `the Washington
/// Post`, `The Federalist`, `the Daily Caller`.
fn names_an_organisation(description: &str) -> bool {
    let mut words = description.split_whitespace();
    let article = words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let rest: Vec<&str> = words.collect();
    article
        && !rest.is_empty()
        && rest
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The head noun of a description, as a role: `the spokesperson for the
/// ministry` gives `spokesperson`, `the senator` gives `senator`.
fn description_head(description: &str) -> Option<String> {
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
fn unnamed_kind(form: MentionForm, written: &str) -> SourceKind {
    match form {
        MentionForm::Anonymous => SourceKind::Anonymous,
        MentionForm::Pronoun => SourceKind::Unknown,
        MentionForm::Name | MentionForm::Surname => SourceKind::Person,
        MentionForm::Description => {
            let head = description_head(written).unwrap_or_default();
            if super::mentions::is_org_noun(&head) {
                SourceKind::Organisation
            } else if DOCUMENT_NOUNS.contains(&head.as_str()) {
                SourceKind::Document
            } else if GROUP_HEADS.contains(&head.as_str()) {
                SourceKind::Group
            } else {
                SourceKind::Person
            }
        }
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
