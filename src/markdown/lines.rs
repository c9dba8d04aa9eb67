//! Paragraphs written one per line. Copy pasted from a web page or a
//! content system often has no blank line between its paragraphs, so
//! Markdown reads a whole story as one paragraph. Where a paragraph's lines
//! are long and hold several sentences each, they are read as the
//! paragraphs the writer meant, so that "each new quote paragraph" and "the
//! paragraph before" mean what they mean on the page. Text wrapped by hand
//! (lines under the width of an editor) and one sentence per line (lines
//! of one sentence each) stay one paragraph, as Markdown reads them.

use super::{Block, BlockKind};
use crate::text::Span;

/// A line this long was not wrapped by hand: editors wrap at 72 to 100
/// characters.
const UNWRAPPED: usize = 120;

/// `blocks` with every paragraph written one per line split at its line
/// breaks; `None` when no block is.
pub fn line_paragraphs(text: &str, blocks: &[Block]) -> Option<Vec<Block>> {
    if !blocks.iter().any(|b| one_per_line(text, b)) {
        return None;
    }
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        if !one_per_line(text, block) {
            out.push(block.clone());
            continue;
        }
        for line in lines(text, block.span) {
            let segments: Vec<Span> = block
                .segments
                .iter()
                .filter_map(|s| {
                    let start = s.start.max(line.start);
                    let end = s.end.min(line.end);
                    (start < end).then(|| Span::new(start, end))
                })
                .collect();
            if !segments.is_empty() {
                out.push(Block {
                    kind: BlockKind::Paragraph,
                    span: line,
                    segments,
                });
            }
        }
    }
    Some(out)
}

/// Whether a paragraph has several lines, one of them unwrapped and one of
/// them holding more than one sentence.
fn one_per_line(text: &str, block: &Block) -> bool {
    if block.kind != BlockKind::Paragraph {
        return false;
    }
    let whole = block.span.slice(text);
    if !whole.trim_end().contains('\n') || whole.len() < UNWRAPPED {
        return false;
    }
    let mut long = false;
    let mut sentences = false;
    for line in lines(text, block.span) {
        let line = line.slice(text);
        long |= line.chars().count() >= UNWRAPPED;
        sentences |= two_sentences(line);
    }
    long && sentences
}

/// The lines of `span`, without their line breaks; blank ones left out.
fn lines(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let mut at = span.start;
    std::iter::from_fn(move || {
        while at < span.end {
            let rest = &text[at..span.end];
            let len = rest.find('\n').unwrap_or(rest.len());
            let line = Span::new(at, at + rest[..len].trim_end_matches('\r').len());
            at += len + 1;
            if !line.slice(text).trim().is_empty() {
                return Some(line);
            }
        }
        None
    })
}

/// Whether a line holds a sentence end followed by another sentence: a
/// period, question or exclamation mark (and any closing quote) before a
/// space and a capital or an opening quote.
fn two_sentences(line: &str) -> bool {
    let chars: Vec<char> = line.trim_end().chars().collect();
    chars.windows(3).enumerate().any(|(i, w)| {
        let ends = matches!(w[0], '.' | '?' | '!') || matches!(w[0], '”' | '"' | '’');
        let closes_sentence =
            !matches!(w[0], '”' | '"' | '’') || (i > 0 && matches!(chars[i - 1], '.' | '?' | '!'));
        ends && closes_sentence
            && w[1] == ' '
            && (w[2].is_uppercase() || matches!(w[2], '“' | '"'))
            // An initial or a title (`U.S. Senate`, `Mr. Ruiz`) is no end.
            && !(w[0] == '.' && i >= 2 && abbreviation(&chars[..=i]))
    })
}

/// Whether the word ending in the period at the end of `chars` is an
/// abbreviation: one letter (`U.S.`, `J.`) or a title.
fn abbreviation(chars: &[char]) -> bool {
    let word: String = chars[..chars.len() - 1]
        .iter()
        .rev()
        .take_while(|c| c.is_alphabetic() || **c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let last = word.rsplit('.').next().unwrap_or("");
    last.chars().count() <= 1
        || matches!(
            last,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Gen"
                | "St"
                | "Jr"
                | "Sr"
                | "Lt"
                | "Col"
                | "Capt"
                | "Sgt"
                | "Prof"
                | "Rev"
                | "Pres"
                | "No"
                | "Vol"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::prose_regions;

    fn paragraphs(text: &str) -> Vec<&str> {
        let blocks = prose_regions(text);
        let blocks = line_paragraphs(text, &blocks).unwrap_or(blocks);
        blocks.iter().map(|b| b.prose_span().slice(text)).collect()
    }

    const LONG_ONE: &str = "The council voted 5-2 on Tuesday to close the branch library on \
        Fourth Street, ending a fight that had run for most of the year. Residents who had \
        packed the chamber for the vote left quietly, some of them in tears.";

    #[test]
    fn unwrapped_lines_of_several_sentences_are_paragraphs() {
        let text = format!(
            "{LONG_ONE}\n\"We lost,\" said Ines Gallardo, who led the campaign. \"But we are not done.\"\n"
        );
        assert_eq!(
            paragraphs(&text),
            [
                LONG_ONE,
                "\"We lost,\" said Ines Gallardo, who led the campaign. \"But we are not done.\""
            ]
        );
    }

    #[test]
    fn text_wrapped_by_hand_stays_one_paragraph() {
        let text = "The council voted 5-2 on Tuesday to close the branch library. Residents\n\
                    who had packed the chamber left quietly. \"We lost,\" said Ines Gallardo,\n\
                    who led the campaign. \"But we are not done.\"\n";
        assert_eq!(paragraphs(text).len(), 1);
    }

    #[test]
    fn one_sentence_per_line_stays_one_paragraph() {
        let text = "The council voted 5-2 on Tuesday to close the branch library on Fourth \
                    Street, ending a fight that had run for most of the year and split the \
                    neighbourhood's two largest civic groups, its churches and its schools down the middle.\n\
                    Residents who had packed the chamber left quietly.\n";
        assert_eq!(paragraphs(text).len(), 1);
    }

    #[test]
    fn initials_and_titles_end_no_sentence() {
        assert!(!two_sentences(
            "He met Sen. Ruiz and U.S. Rep. Cole on the way in"
        ));
        assert!(two_sentences("He met Ruiz. Then he left"));
        assert!(two_sentences("\"We lost.\" Then he left"));
    }
}
