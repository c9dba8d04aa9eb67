//! Datelines: `SEOUL, South Korea (AP) —` and `Washington (AFP) –` open
//! a story and name nobody.

use super::tags::Tags;
use super::words::Token;

/// Mark a dateline at the start of a block: capitalised words up to a
/// dash within the first words, led by a word in capitals (`SEOUL, South
/// Korea (AP) —`) or holding an agency's name in brackets (`Washington
/// (AFP) –`).
pub fn mark_dateline(text: &str, tokens: &mut [Token]) -> Option<usize> {
    let first = tokens.iter().position(Token::is_word)?;
    let dash = tokens[first..]
        .iter()
        .take(14)
        .take_while(|t| t.quote().is_none())
        .position(|t| t.is_punct('—') || t.is_punct('–') || (t.is_punct('-') && t.span.len() == 1));
    // Not `WASHINGTON` with nothing but capitals up to a comma or colon.
    let dash = dash?;
    let end = first + dash;
    let agency = tokens[first..end].windows(3).any(|w| {
        w[0].is_punct('(') && w[1].is_word() && w[1].tags.has(Tags::CAPITAL) && w[2].is_punct(')')
    });
    if !tokens[first].tags.has(Tags::ALL_CAPS) && !agency {
        return None;
    }
    let all_dateline = tokens[first..end].iter().all(|t| {
        !t.is_word()
            || t.tags.has(Tags::CAPITAL)
            || t.span.slice(text).chars().all(|c| c.is_ascii_digit())
    });
    if all_dateline {
        for token in &mut tokens[first..=end] {
            token.tags = token.tags.with(Tags::DATELINE);
        }
        return Some(end);
    }
    None
}
