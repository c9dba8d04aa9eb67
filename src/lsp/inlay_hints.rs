//! Inlay hints: who a pronoun or description that attributes a quote
//! refers to (`he said ▸ Wang Wenbin`).

use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel};

use super::convert::Positions;
use crate::analysis::{Analysis, MentionForm};
use crate::text::Span;

/// The hints for attributions inside `within`.
pub fn speaker_hints(
    analysis: &Analysis,
    within: Span,
    positions: Positions<'_>,
) -> Vec<InlayHint> {
    let mut hints: Vec<InlayHint> = Vec::new();
    let mut placed: Vec<Span> = Vec::new();
    for quote in &analysis.quotes {
        let Some(attribution) = &quote.attribution else {
            continue;
        };
        let speaker = &attribution.speaker;
        let Some(name) = &speaker.name else { continue };
        if !matches!(
            speaker.form,
            MentionForm::Pronoun | MentionForm::Description
        ) || !within.overlaps(speaker.span)
            || placed.contains(&speaker.span)
        {
            continue;
        }
        placed.push(speaker.span);
        // After `he said`, or after `the spokesperson` in `said the
        // spokesperson`.
        let at = match &attribution.cue {
            Some(cue)
                if cue.span.start >= speaker.span.end && cue.span.start - speaker.span.end <= 2 =>
            {
                cue.span.end
            }
            _ => speaker.span.end,
        };
        hints.push(InlayHint {
            position: positions.range(Span::new(at, at)).start,
            label: InlayHintLabel::String(format!("▸ {name}")),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: Some(false),
            data: None,
        });
    }
    hints
}
