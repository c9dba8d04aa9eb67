//! One identity per source: gathering the quotes and mentions of each
//! speaker of a draft.

use super::people::People;
use crate::analysis::{Mention, MentionForm, Quote, Speaker};

/// The speakers of `quotes`, each with every mention the draft makes of
/// them, in order of first mention.
pub fn gather_speakers(text: &str, quotes: &[Quote], people: &People) -> Vec<Speaker> {
    let mut speakers: Vec<Speaker> = Vec::new();
    // The mentions the attributions make, per speaker, merged in at the end
    // (a draft may mention one person thousands of times; checking each
    // against all the others as it comes would be quadratic).
    let mut attributed: Vec<Vec<Mention>> = Vec::new();
    let mut by_name: crate::hashing::DraftMap<String, usize> = Default::default();
    // Each named person's mentions, gathered in one pass when first needed.
    let mut spans_of: Option<Vec<Vec<crate::text::Span>>> = None;
    for (index, quote) in quotes.iter().enumerate() {
        let Some(attribution) = &quote.attribution else {
            continue;
        };
        let mention = &attribution.speaker;
        let name = mention.name.clone().unwrap_or_else(|| {
            mention
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        });
        let at = match by_name.get(&name) {
            Some(&at) => at,
            None => {
                let person = people.named(&name);
                by_name.insert(name.clone(), speakers.len());
                let mut speaker = Speaker {
                    name,
                    kind: mention.kind,
                    descriptions: Vec::new(),
                    mentions: Vec::new(),
                    quotes: Vec::new(),
                };
                if let Some(p) = person {
                    speaker.descriptions = people.people[p].descriptions.clone();
                    let spans = spans_of.get_or_insert_with(|| people.mentions_by_person());
                    speaker.mentions = spans[p]
                        .iter()
                        .map(|span| Mention {
                            span: *span,
                            form: if span
                                .slice(text)
                                .split_whitespace()
                                .eq(speaker.name.split_whitespace())
                            {
                                MentionForm::Name
                            } else {
                                MentionForm::Surname
                            },
                        })
                        .collect();
                }
                speakers.push(speaker);
                attributed.push(Vec::new());
                speakers.len() - 1
            }
        };
        // Quotes come in order, so a quote already listed is the last one.
        if speakers[at].quotes.last() != Some(&index) {
            speakers[at].quotes.push(index);
        }
        attributed[at].push(Mention {
            span: mention.span,
            form: mention.form,
        });
    }
    for (speaker, mut extra) in speakers.iter_mut().zip(attributed) {
        speaker.mentions.sort_by_key(|m| m.span.start);
        extra.sort_by_key(|m| m.span.start);
        // An attribution's mention counts unless it overlaps one already
        // there: the draft's own mentions first, then earlier attributions.
        let mut kept: Vec<Mention> = Vec::new();
        for mention in extra {
            let known = &speaker.mentions;
            let at = known.partition_point(|m| m.span.start < mention.span.start);
            let overlaps_known = known[at.saturating_sub(1)..(at + 1).min(known.len())]
                .iter()
                .any(|m| m.span.overlaps(mention.span));
            let overlaps_kept = kept.last().is_some_and(|m| m.span.overlaps(mention.span));
            if !overlaps_known && !overlaps_kept {
                kept.push(mention);
            }
        }
        speaker.mentions.extend(kept);
        speaker.mentions.sort_by_key(|m| m.span.start);
    }
    speakers.sort_by_key(|s| s.mentions.first().map_or(usize::MAX, |m| m.span.start));
    speakers
}
