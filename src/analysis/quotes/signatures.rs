//! Signature lines: a quote signed on the line after it (`― Wang Wenbin,
//! spokesperson`), common on the web, and the paragraph of one such line
//! under a paragraph of quotes.

use super::plan::Found;
use super::speakers::phrase_starting_at;
use super::tags::Tags;
use super::words::Token;
use crate::analysis::MentionForm;

/// Whether a token is a dash that can lead a signature line.
fn is_signature_dash(token: &Token) -> bool {
    token.is_punct('―') || token.is_punct('—') || token.is_punct('–') || token.is_punct('~')
}

/// The name on a signature line right after the quotation at token `at`:
/// `"..." ― Wang Wenbin, spokesperson`.
pub(super) fn signature_after(text: &str, tokens: &[Token], at: usize) -> Option<Found> {
    // Or the source in brackets, as a digest of other papers' stories
    // gives it: `"..." [Reuters.]`.
    let bracket = tokens.get(at + 1).is_some_and(|t| t.is_punct('['));
    let dash = tokens
        .get(at + 1)
        .filter(|t| is_signature_dash(t) || bracket)?;
    let name = tokens.get(at + 2)?;
    if !name.is_word() || !name.tags.has(Tags::CAPITAL) {
        return None;
    }
    // A paper in brackets may be written as an organisation's name.
    let phrase = phrase_starting_at(text, tokens, at + 2, tokens.len()).filter(|p| {
        matches!(p.form, MentionForm::Name | MentionForm::Surname)
            || (bracket && p.form == MentionForm::Description)
    })?;
    // The signature ends the sentence or the block: the name is followed
    // by nothing, a comma (its title), or the end of a sentence.
    let after = tokens.partition_point(|t| t.span.start < phrase.span.end);
    let ends = if bracket {
        let close = tokens
            .get(after)
            .filter(|t| t.is_punct('.'))
            .map_or(after, |_| after + 1);
        tokens.get(close).is_some_and(|t| t.is_punct(']'))
    } else {
        tokens.get(after).is_none_or(|t| {
            t.is_punct(',') || t.is_punct('.') || t.is_punct('(') || t.quote().is_some()
        })
    };
    ends.then_some((phrase, Some(dash.span)))
}

/// A block that is a signature line: a dash and a name, maybe a title.
pub(super) fn signature_line(text: &str, tokens: &[Token], dash_item: bool) -> Option<Found> {
    // The dash may be the list marker Markdown took it for, or a hyphen
    // set close to the name (`-President Obama, tweeting`).
    let dash = tokens
        .first()
        .filter(|t| is_signature_dash(t) || t.is_punct('-'))
        .map(|t| t.span);
    if dash.is_none() && !dash_item {
        return None;
    }
    let from = usize::from(dash.is_some());
    let phrase = phrase_starting_at(text, tokens, from, tokens.len())
        .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname))?;
    let after = tokens.partition_point(|t| t.span.start < phrase.span.end);
    // A title or the occasion may follow after a comma (`, tweeting after
    // the speech`); a sentence of its own may not.
    let short = tokens.len() <= after + 16
        && !tokens[after..]
            .iter()
            .any(|t| t.tags.has(Tags::CUE) && !t.span.slice(text).ends_with("ing"));
    short.then_some((phrase, dash))
}
