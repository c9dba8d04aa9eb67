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

/// Tag a state written the way the AP abbreviates it after a city
/// (`Aspen, Colo., the graduate said`) as a place, whatever a name list
/// says of the letters (`Colo`, `Ind`, `Wash`).
pub fn mark_state_abbreviations(text: &str, tokens: &mut [Token]) {
    for i in 1..tokens.len().saturating_sub(1) {
        let word = tokens[i].span.slice(text);
        let abbreviated = (tokens[i + 1].is_punct('.')
            && tokens[i + 1].span.start == tokens[i].span.end
            && STATE_ABBREVIATIONS.contains(&word))
            || DOTTED_STATES.contains(&word.trim_end_matches('.'));
        if tokens[i].is_word() && tokens[i - 1].is_punct(',') && abbreviated {
            tokens[i].tags = tokens[i].tags.with(Tags::PLACE).without(
                Tags::GIVEN
                    .with(Tags::FAMILY)
                    .with(Tags::MALE)
                    .with(Tags::FEMALE),
            );
        }
    }
}

/// The states of the United States as AP style abbreviates them after a
/// city, without the period (which is a token of its own).
const STATE_ABBREVIATIONS: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Vt", "Va", "Wash", "Wis", "Wyo",
];

/// The dotted ones (`Raleigh, N.C.`), one token each, without the last
/// period, which the token may or may not hold.
const DOTTED_STATES: &[&str] = &[
    "D.C", "N.C", "N.D", "N.H", "N.J", "N.M", "N.Y", "R.I", "S.C", "S.D", "W.Va",
];
