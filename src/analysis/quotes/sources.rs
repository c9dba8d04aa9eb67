//! One identity per source: gathering the quotes and mentions of each
//! speaker of a draft.

use super::people::People;
use crate::analysis::{Mention, MentionForm, Quote, Speaker};

/// The speakers of `quotes`, each with every mention the draft makes of
/// them, in order of first mention.
pub fn gather_speakers(text: &str, quotes: &[Quote], people: &People) -> Vec<Speaker> {
    let mut speakers: Vec<Speaker> = Vec::new();
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
        let at = match speakers.iter().position(|s| s.name == name) {
            Some(at) => at,
            None => {
                let person = people.people.iter().position(|p| p.name == name);
                let mut speaker = Speaker {
                    name,
                    descriptions: Vec::new(),
                    mentions: Vec::new(),
                    quotes: Vec::new(),
                };
                if let Some(p) = person {
                    speaker.descriptions = people.people[p].descriptions.clone();
                    speaker.mentions = people
                        .mentions
                        .iter()
                        .filter(|(_, q)| *q == p)
                        .map(|(span, _)| Mention {
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
                speakers.len() - 1
            }
        };
        let speaker = &mut speakers[at];
        if !speaker.quotes.contains(&index) {
            speaker.quotes.push(index);
        }
        if !speaker
            .mentions
            .iter()
            .any(|m| m.span.overlaps(mention.span))
        {
            speaker.mentions.push(Mention {
                span: mention.span,
                form: mention.form,
            });
        }
    }
    for speaker in &mut speakers {
        speaker.mentions.sort_by_key(|m| m.span.start);
    }
    speakers.sort_by_key(|s| s.mentions.first().map_or(usize::MAX, |m| m.span.start));
    speakers
}
