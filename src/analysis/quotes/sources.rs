//! One identity per source: every person and organisation the draft names
//! (quoted or not), and each unnamed source it quotes, with every mention
//! and every quote.

use super::entities::Entities;
use crate::analysis::{Mention, MentionForm, Quote, SourceKind, Speaker};
use crate::hashing::DraftMap;

/// The identities of a draft in order of first mention. `entities[i]` is
/// the entity quote `i`'s speaker resolved to, if any.
pub fn gather_speakers(
    quotes: &[Quote],
    resolved: &[Option<usize>],
    entities: &Entities,
) -> Vec<Speaker> {
    let mut speakers: Vec<Speaker> = Vec::new();
    // The identity of each entity, made when first needed.
    let mut of_entity: Vec<Option<usize>> = vec![None; entities.entities.len()];
    let mut unnamed: DraftMap<(String, SourceKind), usize> = DraftMap::default();
    let new_speaker = |speakers: &mut Vec<Speaker>, name: String, kind, descriptions| {
        speakers.push(Speaker {
            name,
            kind,
            descriptions,
            mentions: Vec::new(),
            quotes: Vec::new(),
        });
        speakers.len() - 1
    };
    // Named entities first: those something marks as a person or
    // organisation, and any that speaks.
    let speaks: Vec<bool> = {
        let mut speaks = vec![false; entities.entities.len()];
        for &entity in resolved.iter().flatten() {
            speaks[entity] = true;
        }
        speaks
    };
    for mention in &entities.mentions {
        let e = mention.entity;
        let entity = &entities.entities[e];
        if !entity.evident && !speaks[e] {
            continue;
        }
        let at = *of_entity[e].get_or_insert_with(|| {
            new_speaker(
                &mut speakers,
                entity.name.clone(),
                entity.kind,
                entity.descriptions.clone(),
            )
        });
        speakers[at].mentions.push(Mention {
            span: mention.span,
            form: mention.form,
        });
    }
    // Then the speakers of the quotes: pronouns and descriptions join their
    // entity's mentions; an unnamed source is one identity per wording.
    let mut extra: Vec<Vec<Mention>> = vec![Vec::new(); speakers.len()];
    for (index, quote) in quotes.iter().enumerate() {
        let Some(attribution) = &quote.attribution else {
            continue;
        };
        let mention = &attribution.speaker;
        let at = match resolved.get(index).copied().flatten() {
            Some(e) => *of_entity[e].get_or_insert_with(|| {
                let entity = &entities.entities[e];
                new_speaker(
                    &mut speakers,
                    entity.name.clone(),
                    entity.kind,
                    entity.descriptions.clone(),
                )
            }),
            // A pronoun nobody could be found for (`it read`, a
            // columnist's `I`) is no identity of the draft: the quote keeps
            // its attribution, and `unresolved-speaker` says who is missing.
            None if mention.form == MentionForm::Pronoun => continue,
            None => {
                let name = mention
                    .text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                *unnamed
                    .entry((name.to_lowercase(), mention.kind))
                    .or_insert_with(|| new_speaker(&mut speakers, name, mention.kind, Vec::new()))
            }
        };
        if extra.len() < speakers.len() {
            extra.resize(speakers.len(), Vec::new());
        }
        if speakers[at].quotes.last() != Some(&index) {
            speakers[at].quotes.push(index);
        }
        let named = resolved.get(index).copied().flatten().is_some();
        if !named || !matches!(mention.form, MentionForm::Name | MentionForm::Surname) {
            extra[at].push(Mention {
                span: mention.span,
                form: mention.form,
            });
        }
    }
    for (speaker, mut more) in speakers.iter_mut().zip(extra) {
        speaker.mentions.sort_by_key(|m| m.span.start);
        more.sort_by_key(|m| m.span.start);
        // An attribution's mention counts unless it overlaps one already
        // there: the draft's own mentions first, then earlier attributions.
        let mut kept: Vec<Mention> = Vec::new();
        for mention in more {
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
