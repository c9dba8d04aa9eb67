//! Attribution findings: what a copy editor would flag about the quotes.

use crate::hashing::{DraftMap, DraftSet};

use super::cues::{cue_class, CueClass};
use crate::analysis::{Code, Finding, Fix, How, MentionForm, Quote, SpeakerMention, TextEdit};
use crate::config::Config;
use crate::text::Span;

/// The attribution-side findings for `quotes`.
pub fn quote_findings(text: &str, quotes: &[Quote], config: &Config) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut push = |code: Code, span: Span, message: String, fixes: Vec<Fix>| {
        if let Some(severity) = config.severity(code) {
            findings.push(Finding {
                code,
                severity,
                span,
                message,
                fixes,
            });
        }
    };
    let mut speakers_seen = DraftSet::default();
    // Where each full name first appears in the draft, found once per name
    // rather than searched for from the top at every surname.
    let mut first_written: DraftMap<&str, Option<usize>> = DraftMap::default();
    for (i, quote) in quotes.iter().enumerate() {
        let runs_on = quotes
            .get(i + 1)
            .is_some_and(|next| next.group == quote.group && i + 1 != next.group);
        if !quote.closed && !runs_on {
            let mark = text
                .get(quote.span.start..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            push(
                Code::UnclosedQuote,
                Span::new(quote.span.start, quote.span.start + mark),
                "This quotation mark is never closed. Close the quote where the speaker's words \
                 end; a quote that runs on into the next paragraph needs an opening mark there."
                    .to_string(),
                Vec::new(),
            );
            continue;
        }
        let first_of_group = quote.group == i;
        match &quote.attribution {
            None if quote.kind.needs_attribution() && first_of_group => push(
                Code::UnattributedQuote,
                quote.span,
                "Nobody is named as saying this quote. Add who said it, e.g. `, Wang said`, or \
                 paraphrase it."
                    .to_string(),
                vec![attribution_fix(text, quote)],
            ),
            None => {}
            Some(attribution) => {
                let speaker = &attribution.speaker;
                if attribution.how == How::Context
                    && quote.kind.needs_attribution()
                    && first_of_group
                {
                    let who = speaker.name.as_deref().unwrap_or(&speaker.text);
                    push(
                        Code::AttributedByContext,
                        quote.span,
                        format!(
                            "Attributed by context to {who}, who speaks in the paragraph before; \
                             AP style attributes each new quote paragraph."
                        ),
                        vec![context_fix(text, quote, speaker)],
                    );
                }
                if !speakers_seen.insert(speaker.span) {
                    continue;
                }
                match speaker.form {
                    MentionForm::Pronoun
                        if speaker.name.is_none()
                            && matches!(speaker.text.to_lowercase().as_str(), "he" | "she") =>
                    {
                        push(
                            Code::UnresolvedSpeaker,
                            speaker.span,
                            format!(
                                "“{}” has nobody to refer to: name the speaker before this quote.",
                                speaker.text
                            ),
                            Vec::new(),
                        )
                    }
                    MentionForm::Anonymous => push(
                        Code::AnonymousSource,
                        speaker.span,
                        format!(
                            "Anonymous source (“{}”). Say why the source is not named and \
                             describe what they would know.",
                            speaker.text
                        ),
                        Vec::new(),
                    ),
                    MentionForm::Surname => {
                        if let Some(name) = &speaker.name {
                            let first = *first_written
                                .entry(name.as_str())
                                .or_insert_with(|| text.find(name.as_str()));
                            if first.is_some_and(|at| at > speaker.span.start) {
                                push(
                                    Code::SurnameFirstReference,
                                    speaker.span,
                                    format!(
                                        "First reference to {name} uses only the surname; give \
                                         the full name here."
                                    ),
                                    vec![Fix {
                                        title: format!("Use the full name “{name}”"),
                                        edits: vec![TextEdit {
                                            span: speaker.span,
                                            new_text: name.clone(),
                                            snippet: false,
                                        }],
                                    }],
                                );
                            }
                        }
                    }
                    _ => {}
                }
                if let Some(cue) = &attribution.cue {
                    if cue_class(&cue.text, &config.extra_verbs) == Some(CueClass::Loaded) {
                        push(
                            Code::AttributionVerb,
                            cue.span,
                            format!(
                                "“{}” takes a side; AP style prefers “said” unless that is meant.",
                                cue.text
                            ),
                            vec![Fix {
                                title: "Use “said”".to_string(),
                                edits: vec![TextEdit {
                                    span: cue.span,
                                    new_text: "said".to_string(),
                                    snippet: false,
                                }],
                            }],
                        );
                    }
                }
            }
        }
    }
    findings
}

/// A quick fix that names the speaker a quote is attributed to by context:
/// `"We are open," Wang said.`
fn context_fix(text: &str, quote: &Quote, speaker: &SpeakerMention) -> Fix {
    let who = speaker
        .name
        .as_deref()
        .map(|name| reference_name(name))
        .unwrap_or_else(|| speaker.text.clone());
    let mut fix = attribution_fix(text, quote);
    for edit in &mut fix.edits {
        edit.new_text = edit.new_text.replace("${1:WHO}", &format!("${{1:{who}}}"));
    }
    fix.title = format!("Attribute it: “{who} said”");
    fix
}

/// The name a later reference uses: the surname of a person's full name.
fn reference_name(name: &str) -> String {
    name.rsplit(' ').next().unwrap_or(name).to_string()
}

/// A quick fix that adds `, WHO said` to an orphan quote, as a snippet with
/// the speaker as its placeholder.
fn attribution_fix(text: &str, quote: &Quote) -> Fix {
    let content = quote.content.slice(text);
    let close = quote
        .span
        .slice(text)
        .get(quote.content.end - quote.span.start..)
        .unwrap_or("");
    let edit = if content.ends_with('.') {
        // `"We are open."` becomes `"We are open," WHO said.`
        TextEdit {
            span: Span::new(quote.content.end - 1, quote.span.end),
            new_text: format!(",{close} ${{1:WHO}} said."),
            snippet: true,
        }
    } else {
        TextEdit {
            span: Span::new(quote.span.end, quote.span.end),
            new_text: " ${1:WHO} said".to_string(),
            snippet: true,
        }
    };
    Fix {
        title: "Add who said it".to_string(),
        edits: vec![edit],
    }
}
