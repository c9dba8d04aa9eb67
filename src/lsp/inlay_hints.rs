//! Inlay hints: who a pronoun or description that attributes a quote
//! refers to (`he said ▸ Wang Wenbin`), and who a quote with no words of
//! attribution beside it is credited to (`“...” ◂ Wang Wenbin, by
//! context`). Each hint's tooltip says how the speaker was found.

use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel, InlayHintTooltip};

use super::convert::Positions;
use crate::analysis::{Analysis, How, MentionForm};
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
        // A quote credited from outside its paragraph: the hint goes after
        // the quote, since no words beside it say who.
        if matches!(attribution.how, How::Context | How::RunningQuote)
            && quote.kind.needs_attribution()
            && within.overlaps(quote.span)
        {
            let at = quote.span.end;
            let label = match attribution.how {
                How::Context => format!("◂ {name}, by context"),
                _ => format!("◂ {name}, running quote"),
            };
            hints.push(hint(
                positions,
                at,
                label,
                format!(
                    "Attributed to {name} {} (“{}”).",
                    attribution.how.describe(),
                    speaker.text
                ),
            ));
            continue;
        }
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
        let why = match speaker.form {
            MentionForm::Pronoun => "the pronoun means the most salient person before it",
            _ => "the description matches their title or role, or they are the most salient",
        };
        hints.push(hint(
            positions,
            at,
            format!("▸ {name}"),
            format!("“{}” → {name}: {why}.", speaker.text),
        ));
    }
    hints
}

fn hint(positions: Positions<'_>, at: usize, label: String, tooltip: String) -> InlayHint {
    InlayHint {
        position: positions.range(Span::new(at, at)).start,
        label: InlayHintLabel::String(label),
        kind: None,
        text_edits: None,
        tooltip: Some(InlayHintTooltip::String(tooltip)),
        padding_left: Some(true),
        padding_right: Some(false),
        data: None,
    }
}
