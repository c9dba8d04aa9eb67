//! Attribution findings: what a copy editor would flag about the quotes.

use crate::hashing::DraftSet;

use super::cues::{cue_class, CueClass};
use crate::analysis::{
    Code, Finding, Fix, How, MarkProblem, MentionForm, Quote, QuoteKind, SourceKind, Speaker,
    TextEdit,
};
use crate::config::Config;
use crate::text::Span;

/// The attribution-side findings for `quotes`, whose speakers are
/// `speakers` (one identity each).
pub fn quote_findings(
    text: &str,
    quotes: &[Quote],
    speakers: &[Speaker],
    config: &Config,
) -> Vec<Finding> {
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
    // Each quote's identity, and the first name mention of each identity.
    let mut identity_of: Vec<Option<usize>> = vec![None; quotes.len()];
    for (s, speaker) in speakers.iter().enumerate() {
        for &q in &speaker.quotes {
            if let Some(slot) = identity_of.get_mut(q) {
                *slot = Some(s);
            }
        }
    }
    // Each identity's reference name, worked out once.
    let mut references: Vec<Option<String>> = vec![None; speakers.len()];
    let mut reference_of = |s: usize| {
        references[s]
            .get_or_insert_with(|| reference_name(text, &speakers[s]))
            .clone()
    };
    let mut first_surnames: Vec<Option<Option<Span>>> = vec![None; speakers.len()];
    let mut speakers_seen = DraftSet::default();
    let mut surnames_flagged = DraftSet::default();
    // The name a reporter would write in `, NAME said` for the last person
    // the draft quoted, to suggest in an orphan's message.
    let mut last_speaker: Option<String> = None;
    for (i, quote) in quotes.iter().enumerate() {
        let runs_on = quotes
            .get(i + 1)
            .is_some_and(|next| next.group == quote.group && i + 1 != next.group);
        mark_findings(text, quote, &mut push);
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
        let identity_index = identity_of[i];
        let identity = identity_index.and_then(|s| speakers.get(s));
        match &quote.attribution {
            None if quote.kind.needs_attribution()
                && first_of_group
                && !short_fragment(text, quote)
                && !introduced(text, quote) =>
            {
                let example = last_speaker.as_deref().unwrap_or("the speaker");
                push(
                    Code::UnattributedQuote,
                    quote.span,
                    format!(
                        "Nobody is named as saying this quote. Add who said it (`, {example} \
                         said`) or paraphrase it."
                    ),
                    vec![attribution_fix(text, quote, None)],
                )
            }
            None => {}
            Some(attribution) => {
                let speaker = &attribution.speaker;
                if let Some(s) = identity_index.filter(|&s| {
                    matches!(
                        speakers[s].kind,
                        SourceKind::Person | SourceKind::Organisation
                    )
                }) {
                    last_speaker = Some(reference_of(s));
                }
                if attribution.how == How::Context
                    && quote.kind.needs_attribution()
                    && first_of_group
                {
                    let who = identity.map_or(speaker.text.as_str(), |s| s.name.as_str());
                    let reference =
                        identity_index.map_or_else(|| speaker.text.clone(), &mut reference_of);
                    push(
                        Code::AttributedByContext,
                        quote.span,
                        format!(
                            "Attributed by context to {who}, who speaks in the paragraph \
                             before; AP style attributes each new quote paragraph."
                        ),
                        vec![attribution_fix(text, quote, Some(&reference))],
                    );
                }
                if !speakers_seen.insert(speaker.span) {
                    continue;
                }
                match speaker.form {
                    MentionForm::Pronoun
                        if speaker.kind == SourceKind::Unknown
                            && matches!(speaker.text.to_lowercase().as_str(), "he" | "she")
                            && !unnamed_person_before(text, speaker.span.start) =>
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
                        // Only an identity's first surname can be flagged;
                        // found once per identity, not once per quote.
                        let first = identity_index.and_then(|s| {
                            *first_surnames[s].get_or_insert_with(|| first_surname(&speakers[s]))
                        });
                        if let Some(identity) = identity.filter(|_| first == Some(speaker.span)) {
                            surname_first(identity, speaker.span, &mut surnames_flagged)
                                .into_iter()
                                .for_each(|(span, message, fix)| {
                                    push(Code::SurnameFirstReference, span, message, vec![fix])
                                });
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

/// A few words woven into a sentence (`the so-called "fair share"`, a
/// phrase a paraphrase borrows) whose sentence names nobody copydesk can
/// find: too little to warn about, where a whole quoted sentence with
/// nobody behind it is not.
/// Whether a lead-in ending in a colon introduces the quote, in its
/// sentence or at the end of the paragraph before (`The headline reads:`,
/// `Article 33 affirms:`): the writer has said whose words follow, even
/// where no speaker could be named from it.
fn introduced(text: &str, quote: &Quote) -> bool {
    text[..quote.span.start].trim_end().ends_with(':')
}

fn short_fragment(text: &str, quote: &Quote) -> bool {
    quote.kind == QuoteKind::Partial && quote.content.slice(text).split_whitespace().count() <= 6
}

/// Where an identity is first mentioned by its surname alone.
fn first_surname(identity: &Speaker) -> Option<Span> {
    identity
        .mentions
        .iter()
        .find(|m| m.form == MentionForm::Surname)
        .map(|m| m.span)
}

/// A surname that attributes a quote before the draft gives the person's
/// full name: flagged once per identity, at the first surname, with a fix
/// that writes that identity's full name (never another person's).
fn surname_first(
    identity: &Speaker,
    at: Span,
    flagged: &mut DraftSet<Span>,
) -> Option<(Span, String, Fix)> {
    let first_name = identity
        .mentions
        .iter()
        .find(|m| m.form == MentionForm::Name)?;
    let first_surname = identity
        .mentions
        .iter()
        .find(|m| m.form == MentionForm::Surname)?;
    if first_surname.span != at
        || first_name.span.start < at.start
        || identity.kind != SourceKind::Person
        || !flagged.insert(at)
    {
        return None;
    }
    let name = &identity.name;
    Some((
        at,
        format!("First reference to {name} uses only the surname; give the full name here."),
        Fix {
            title: format!("Use the full name “{name}”"),
            edits: vec![TextEdit {
                span: at,
                new_text: name.clone(),
                snippet: false,
            }],
        },
    ))
}

/// The unclosed-quote findings for marks that pair but are the wrong
/// character: a closing mark typed as an opening one, and double marks
/// nested in a quote.
fn mark_findings(text: &str, quote: &Quote, push: &mut impl FnMut(Code, Span, String, Vec<Fix>)) {
    for problem in &quote.mark_problems {
        match *problem {
            MarkProblem::Backwards(mark) => push(
                Code::UnclosedQuote,
                mark,
                format!(
                    "This closing quotation mark is typed as an opening one ({}); use ” to \
                     close the quote.",
                    mark.slice(text)
                ),
                vec![Fix {
                    title: "Use a closing mark ”".to_string(),
                    edits: vec![TextEdit {
                        span: mark,
                        new_text: "”".to_string(),
                        snippet: false,
                    }],
                }],
            ),
            MarkProblem::Nested(open, close) => push(
                Code::UnclosedQuote,
                Span::new(open.start, close.end),
                "A quote inside a quote takes single marks (‘ ’), not double ones.".to_string(),
                vec![Fix {
                    title: "Use single marks inside the quote".to_string(),
                    edits: vec![
                        TextEdit {
                            span: open,
                            new_text: "‘".to_string(),
                            snippet: false,
                        },
                        TextEdit {
                            span: close,
                            new_text: "’".to_string(),
                            snippet: false,
                        },
                    ],
                }],
            ),
        }
    }
}

/// The name a later reference uses: a person's surname (the family name
/// of a name written family name first, which the identity's mentions
/// show), an organisation's name.
fn reference_name(text: &str, speaker: &Speaker) -> String {
    if speaker.kind != SourceKind::Person {
        return speaker.name.clone();
    }
    let words: Vec<&str> = speaker.name.split(' ').collect();
    let first = words.first().copied().unwrap_or_default();
    // `Wang Wenbin` is called `Wang`: a surname mention equal to the first
    // word says so.
    let surname_written = |w: &str| {
        speaker
            .mentions
            .iter()
            .any(|m| m.form == MentionForm::Surname && m.span.slice(text) == w)
    };
    if words.len() > 1 && surname_written(first) && !surname_written(words[words.len() - 1]) {
        return first.to_string();
    }
    words.last().copied().unwrap_or(first).to_string()
}

/// A quick fix that adds `, WHO said` to a quote: a snippet whose
/// placeholder is the speaker's name when the draft implies one, `WHO`
/// otherwise.
fn attribution_fix(text: &str, quote: &Quote, speaker: Option<&str>) -> Fix {
    let content = quote.content.slice(text);
    let close = quote
        .span
        .slice(text)
        .get(quote.content.end - quote.span.start..)
        .unwrap_or("");
    let who = speaker.unwrap_or("WHO");
    let edit = if content.ends_with('.') {
        // `"We are open."` becomes `"We are open," WHO said.`
        TextEdit {
            span: Span::new(quote.content.end - 1, quote.span.end),
            new_text: format!(",{close} ${{1:{who}}} said."),
            snippet: true,
        }
    } else {
        TextEdit {
            span: Span::new(quote.span.end, quote.span.end),
            new_text: format!(" ${{1:{who}}} said"),
            snippet: true,
        }
    };
    Fix {
        title: match speaker {
            Some(who) => format!("Attribute it: “{who} said”"),
            None => "Add who said it".to_string(),
        },
        edits: vec![edit],
    }
}

/// Whether someone the draft does not name is brought in shortly before
/// `at` (in its paragraph or the one before): a determiner and, within four
/// words, a noun for a person (`a 31-year-old Leipzig man`, `the woman`,
/// `the head of the rules committee`). A `he` or `she` after one has
/// someone to refer to.
fn unnamed_person_before(text: &str, at: usize) -> bool {
    let mut from = at;
    for _ in 0..2 {
        from = text[..from].trim_end().rfind("\n\n").unwrap_or(0);
    }
    let window = &text[from..at];
    let words: Vec<&str> = window
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        matches!(
            w.to_lowercase().as_str(),
            "a" | "an" | "the" | "this" | "that" | "one" | "another"
        ) && words[i + 1..].iter().take(4).any(|n| {
            let n = n.to_lowercase();
            n.ends_with("-year-old") || super::nouns::is_person_noun(&n)
        })
    })
}
