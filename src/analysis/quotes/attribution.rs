//! Linking each quotation to its speaker, block by block in document
//! order: the phrase its block's plan found (a verb in its sentence, the
//! next sentence, a signature line, the sentence's subject), an earlier
//! quote of the paragraph, the running quote's first segment, a colon
//! lead-in ending the paragraph before, or, for a paragraph of quotes that
//! names nobody, the speaker of a paragraph before it that ends in speech.

use super::entities::{Entities, Entity};
use super::marks::MarkedQuote;
use super::names::Gender;
use super::nouns::is_news_outlet;
use crate::analysis::{Attribution, How, Quote, SourceKind};

use super::plan::{moved, BlockPlan};
use super::resolve::{salience_of, Walk};

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
    let mut salience = salience_of(text, plans, entities);
    // What a sentence says of its subject's gender (`Lindsey Graham ...
    // his rival`) outweighs the usual gender of a given name that is
    // either's; never a given name that says the other (`Clinton will need
    // his voters`: his are Sanders's).
    for &(_, base, plan) in plans {
        for &(span, gender) in &plan.genders {
            // The name may start after a title the subject opens with
            // (`Sen. Lindsey Graham`); mentions are in document order.
            let at = span.start + base;
            let first = entities.mentions.partition_point(|m| m.span.start < at);
            if let Some(entity) = entities
                .mentions
                .get(first)
                .filter(|m| m.span.start <= at + 24)
                .map(|m| m.entity)
            {
                let given = entities.entities[entity].given_gender;
                if given.is_none_or(|g| g == gender || g == Gender::Either) {
                    entities.learn_gender(entity, gender);
                }
            }
        }
    }
    let mut walk = Walk {
        quoted: "",
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
            let mut attribution = q.speaker.as_ref().map(|f| {
                walk.quoted = m.content.slice(text);
                let (mut attribution, entity) = walk.resolve(&moved(f, 0, base), q.how);
                walk.quoted = "";
                attribution.via = q
                    .via
                    .as_ref()
                    .map(|v| walk.resolve(&moved(v, 0, base), q.how).0.speaker);
                (attribution, entity)
            });
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
                    // A lead-in ending the paragraph before introduces
                    // a quotation that opens this one, not one a sentence
                    // of this paragraph leads up to.
                    .or_else(|| {
                        lead_in
                            .clone()
                            .filter(|_| opens_paragraph(text, m.span.start))
                    })
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
        // Whichever speech act comes last: the last attributed quote, or a
        // verb of saying after it (`"...," Trump said. Clinton disagreed,
        // saying ...` hands Clinton on).
        // A newspaper reporting the paragraph's words after them (`"...,"
        // the Dayton Ledger reported.`) hands on whoever it quotes.
        let cue_after_quote = |i: usize| {
            plan.last_cue.as_ref().is_some_and(|(phrase, cue)| {
                cue.is_some_and(|c| c.start + base > quotes[i].0.span.end)
                    && !is_news_outlet(phrase.span.moved(0, base).slice(text))
            })
        };
        previous_block_last = if plan.ends_speaking {
            last_in_block
                .filter(|&i| !cue_after_quote(i))
                .map(Handed::Quote)
                .or_else(|| {
                    let last_cue = moved(plan.last_cue.as_ref()?, 0, base);
                    let (attribution, entity) = walk.resolve(&last_cue, How::Context);
                    // Anyone quoted in the paragraph hands on (`"...," Fox
                    // News said in a statement.`); someone only reported
                    // to say something, only if they can speak on.
                    let was_quoted = last_in_block.is_some_and(|i| {
                        let (quote, quoted) = &quotes[i];
                        (entity.is_some() && *quoted == entity)
                            || quote
                                .attribution
                                .as_ref()
                                .is_some_and(|a| a.speaker.span == attribution.speaker.span)
                    });
                    let speaks_on = entity.is_some_and(|e| speaks_on(&walk.entities.entities[e]));
                    (was_quoted || speaks_on).then_some(Handed::Cue((attribution, entity)))
                })
                .filter(|handed| !asks(text, &quotes, handed) && identified(&quotes, handed))
        } else {
            None
        };
    }
    quotes
}

/// Whether someone a paragraph reports as saying something hands that
/// paragraph's words on to a paragraph of quotes after it: a person or an
/// anonymous source, and an organisation that is no news outlet (`The DNC
/// issued a statement ...`, not `The Washington Examiner reported that
/// ...`); not a group, a poll or a document (`Exit polls showed ...`).
fn speaks_on(entity: &Entity) -> bool {
    match entity.kind {
        SourceKind::Person | SourceKind::Anonymous => true,
        SourceKind::Organisation => !is_news_outlet(&entity.name),
        _ => false,
    }
}

/// Whether what a paragraph hands on has someone behind it who could go
/// on speaking: not a pronoun nobody was found for (`what they called
/// "..."`, with nobody for `they`), nor a poll or a document quoted in
/// passing (`According to the exit polls, 24% want someone who would "tell
/// it like it is."`).
fn identified(quotes: &[(Quote, Option<usize>)], handed: &Handed) -> bool {
    let kind = match handed {
        Handed::Quote(i) => quotes[*i].0.attribution.as_ref().map(|a| a.speaker.kind),
        Handed::Cue((attribution, _)) => Some(attribution.speaker.kind),
    };
    !matches!(
        kind,
        None | Some(SourceKind::Unknown | SourceKind::Document)
    )
}

/// Whether what a paragraph hands on is a question, which hands on
/// nothing: in an interview the answer that follows is someone else's
/// (`"Would you do it again?" Maddow asked.`).
fn asks(text: &str, quotes: &[(Quote, Option<usize>)], handed: &Handed) -> bool {
    let (attribution, question) = match handed {
        Handed::Quote(i) => {
            let quote = &quotes[*i].0;
            let question = quote.content.slice(text).trim_end().ends_with('?');
            (quote.attribution.as_ref(), question)
        }
        Handed::Cue(resolved) => (Some(&resolved.0), false),
    };
    let asking = attribution.and_then(|a| a.cue.as_ref()).is_some_and(|cue| {
        let verb = cue.text.to_lowercase();
        verb.starts_with("ask") || verb.starts_with("wonder")
    });
    question || asking
}

/// Whether the quotation at `at` opens its paragraph: no words before it
/// since the last blank line (Markdown's markers, `> ` or `- `, are no
/// words).
fn opens_paragraph(text: &str, at: usize) -> bool {
    let mut lines = text[..at].rsplit('\n');
    if lines
        .next()
        .is_some_and(|line| line.contains(char::is_alphanumeric))
    {
        return false;
    }
    for line in lines {
        if line.trim().is_empty() {
            return true;
        }
        if line.contains(char::is_alphanumeric) {
            return false;
        }
    }
    true
}

/// An attribution and the entity its speaker resolved to.
pub type Resolved = (Attribution, Option<usize>);

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
