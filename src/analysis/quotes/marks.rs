//! Quotation marks: which characters open and close a quotation, and the
//! quoted spans of each block, with running quotes across paragraphs.

use crate::analysis::MarkProblem;
use crate::markdown::Block;
use crate::text::Span;

/// A quoted span found by its marks, before it is classified or attributed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedQuote {
    /// Index of the block the span lies in.
    pub block: usize,
    /// From the opening mark to the closing mark, or to the end of the
    /// block's prose (or the next opening mark) when unclosed.
    pub span: Span,
    pub content: Span,
    pub closed: bool,
    /// Unclosed at the end of its paragraph, with the next paragraph opening
    /// with a quotation mark: correct style for a quote that runs on.
    pub runs_on: bool,
    /// This segment continues a running quote from the previous paragraph.
    pub continues: bool,
    /// Marks the writer should fix though the quote is paired: a closing
    /// mark typed as an opening one (`worked out. “`), and double marks
    /// nested inside (`“He said “no” to me,”`), which should be single.
    pub mark_problems: Vec<MarkProblem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// Only opens: `“`, `«`, `„`.
    Open,
    /// Only closes: `”`, `»`.
    Close,
    /// Straight `"`: direction from context.
    Either,
}

fn mark(ch: char) -> Option<Mark> {
    match ch {
        '“' | '«' | '„' => Some(Mark::Open),
        '”' | '»' => Some(Mark::Close),
        '"' => Some(Mark::Either),
        _ => None,
    }
}

/// Characters before which a straight quote may open.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || "([{<—–-/*_‘'“«„".contains(c),
    }
}

/// Characters after which a straight quote may close.
fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}>—–-*_/’'”»…".contains(c),
    }
}

/// The prose characters of a block with their byte offsets, in order.
fn prose_chars<'t>(text: &'t str, block: &'t Block) -> impl Iterator<Item = (usize, char)> + 't {
    block.segments.iter().flat_map(move |segment| {
        segment
            .slice(text)
            .char_indices()
            .map(move |(i, c)| (segment.start + i, c))
    })
}

/// The quotation marks in a block's prose: where each is, the mark, its
/// kind, and the character after it in the prose (the next segment's first
/// when it ends one). Found by searching for the bytes that can start a
/// mark (`"`, and the lead bytes of the curly and angled marks), not by
/// decoding every character.
fn marks_in<'t>(
    text: &'t str,
    block: &'t Block,
) -> impl Iterator<Item = (usize, char, Mark, Option<char>)> + 't {
    let segments = &block.segments;
    segments.iter().enumerate().flat_map(move |(i, segment)| {
        let bytes = segment.slice(text).as_bytes();
        memchr::memchr3_iter(b'"', LEAD_CURLY, LEAD_ANGLED, bytes).filter_map(move |at| {
            let offset = segment.start + at;
            let ch = text[offset..segment.end].chars().next()?;
            let kind = mark(ch)?;
            let after = offset + ch.len_utf8();
            let next = match text[after..segment.end].chars().next() {
                Some(c) => Some(c),
                None => segments[i + 1..]
                    .iter()
                    .find_map(|s| s.slice(text).chars().next()),
            };
            Some((offset, ch, kind, next))
        })
    })
}

/// The first byte of `“`, `”` and `„` in UTF-8, and of `«` and `»`.
const LEAD_CURLY: u8 = 0xE2;
const LEAD_ANGLED: u8 = 0xC2;

/// Whether a block's prose begins with an opening quotation mark.
fn starts_with_open_mark(text: &str, block: &Block) -> bool {
    let mut chars = prose_chars(text, block).skip_while(|(_, c)| c.is_whitespace());
    match chars.next() {
        Some((_, c)) => match mark(c) {
            Some(Mark::Open) => true,
            Some(Mark::Either) => chars.next().is_some_and(|(_, n)| !n.is_whitespace()),
            _ => false,
        },
        None => false,
    }
}

/// Every double-quoted span of every block, in document order.
pub fn find_marked_quotes(text: &str, blocks: &[Block]) -> Vec<MarkedQuote> {
    let mut quotes: Vec<MarkedQuote> = Vec::new();
    let mut running = false;
    for (index, block) in blocks.iter().enumerate() {
        let continuing = running && starts_with_open_mark(text, block);
        running = false;
        let prose = block.prose_span();
        // The opening mark's offset and length of the quote now open.
        let mut open: Option<(usize, usize)> = None;
        let mut first_in_block = true;
        // Problems found in the quote now open, and a nested double mark
        // opened inside it and not yet closed.
        let mut problems: Vec<MarkProblem> = Vec::new();
        let mut nested: Option<Span> = None;
        // Where the block's curly closing marks are, found when first asked.
        let mut closing: Option<Vec<usize>> = None;
        for (offset, ch, kind, next) in marks_in(text, block) {
            let prev = text.get(..offset).and_then(|t| t.chars().next_back());
            let can_open = opens_after(prev) && next.is_some_and(|n| !n.is_whitespace());
            let can_close = closes_before(next) && prev.is_some_and(|p| !p.is_whitespace());
            let here = Span::new(offset, offset + ch.len_utf8());
            // A curly closing mark ends a nested pair before the quote.
            if let (Some(inner), Mark::Close, Some(_)) = (nested, kind, open) {
                problems.push(MarkProblem::Nested(inner, here));
                nested = None;
                continue;
            }
            let closes = match (kind, open) {
                (_, None) => false,
                (Mark::Close, Some(_)) => true,
                // `„…“` is closed by a left double quote, and so is a quote
                // whose closing mark was typed the wrong way round
                // (`"It's late,“ she said`).
                (Mark::Open, Some((at, _))) => {
                    let backwards = ch == '“' && can_close && !can_open;
                    // An opening mark with nothing after it in the
                    // paragraph, or only a space (`worked out. “`), closes.
                    let dangling = next.is_none_or(char::is_whitespace);
                    if (backwards || dangling) && !text[at..].starts_with('„') {
                        problems.push(MarkProblem::Backwards(here));
                    }
                    ch == '“' && (text[at..].starts_with('„') || backwards) || dangling
                }
                (Mark::Either, Some(_)) => can_close || !can_open,
            };
            if closes {
                let (start, len) = open.take().unwrap_or((offset, 0));
                quotes.push(MarkedQuote {
                    block: index,
                    span: Span::new(start, offset + ch.len_utf8()),
                    content: Span::new(start + len, offset),
                    closed: true,
                    runs_on: false,
                    continues: continuing && std::mem::take(&mut first_in_block),
                    mark_problems: std::mem::take(&mut problems),
                });
                nested = None;
                first_in_block = false;
                continue;
            }
            let opens = match kind {
                Mark::Open => true,
                Mark::Close => false,
                Mark::Either => can_open || !can_close,
            };
            if !opens {
                // A stray closing mark: nothing is open for it to close.
                continue;
            }
            // A curly opening mark inside a quote opened by a curly mark,
            // before its closing one: a quote within the quote, written
            // with double marks where single ones belong.
            if kind == Mark::Open && nested.is_none() {
                if let Some((at, _)) = open {
                    if text[at..].starts_with(['“', '«'])
                        && closes_later(
                            closing.get_or_insert_with(|| closing_marks(text, block)),
                            offset,
                        )
                    {
                        nested = Some(here);
                        continue;
                    }
                }
            }
            if let Some((start, len)) = open.take() {
                // A new quote opens while one is still open: the first was
                // never closed.
                let end = trim_end(text, start + len, offset);
                quotes.push(MarkedQuote {
                    block: index,
                    span: Span::new(start, end),
                    content: Span::new(start + len, end),
                    closed: false,
                    runs_on: false,
                    continues: continuing && std::mem::take(&mut first_in_block),
                    mark_problems: std::mem::take(&mut problems),
                });
                first_in_block = false;
            }
            nested = None;
            open = Some((offset, ch.len_utf8()));
        }
        if let Some((start, len)) = open {
            let end = trim_end(text, start + len, prose.end);
            let runs_on = blocks
                .get(index + 1)
                .is_some_and(|next| starts_with_open_mark(text, next));
            running = runs_on;
            quotes.push(MarkedQuote {
                block: index,
                span: Span::new(start, end),
                content: Span::new(start + len, end),
                closed: false,
                runs_on,
                continues: continuing && first_in_block,
                mark_problems: problems,
            });
        }
    }
    quotes
}

/// The offsets of a block's closing marks, in order.
fn closing_marks(text: &str, block: &Block) -> Vec<usize> {
    marks_in(text, block)
        .filter(|&(_, _, kind, _)| kind == Mark::Close)
        .map(|(offset, ..)| offset)
        .collect()
}

/// Whether, after the curly opening mark at `at`, the block has two curly
/// closing marks (`closing`, from `closing_marks`): one for a quote nested
/// inside, one for the quote itself. A binary search, so that a block of
/// many opening marks is not read again for each.
fn closes_later(closing: &[usize], at: usize) -> bool {
    closing.len() - closing.partition_point(|&offset| offset <= at) >= 2
}

/// `end` moved back over trailing whitespace, but not before `start`.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let trimmed = text.get(start..end).map_or(0, |s| s.trim_end().len());
    start + trimmed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::prose_regions;

    fn quoted(text: &str) -> Vec<(&str, bool)> {
        find_marked_quotes(text, &prose_regions(text))
            .iter()
            .map(|q| (q.span.slice(text), q.closed))
            .collect()
    }

    #[test]
    fn every_mark_is_found_by_its_lead_byte() {
        for mark in ['“', '”', '„', '«', '»'] {
            let lead = mark.to_string().as_bytes()[0];
            assert!(lead == LEAD_CURLY || lead == LEAD_ANGLED, "{mark}");
        }
        // Other characters with the same lead bytes are not marks: an
        // em dash, a right single quote, a no-break space, a degree sign.
        assert_eq!(
            quoted("“A — b’s\u{a0}90°,” she said."),
            vec![("“A — b’s\u{a0}90°,”", true)]
        );
    }

    #[test]
    fn marks_are_those_a_walk_over_every_character_finds() {
        let texts = [
            "She said \"`rm -rf`\" was \"fine\" and `x`\"no\".",
            "\"A [link](https://example.com)\" and “*emphasis*” «<b>tag</b>»",
            "„Ja“ `code`„\n\n> \"Quoted\n> on\" - ”odd“",
            "Trailing mark at the end of a segment \"`code` then more.",
            "No marks at all — only ’apostrophes’ and\u{a0}spaces.",
        ];
        for text in texts {
            for block in &prose_regions(text) {
                let mut chars = prose_chars(text, block).peekable();
                let mut walked = Vec::new();
                while let Some((offset, ch)) = chars.next() {
                    if let Some(kind) = mark(ch) {
                        walked.push((offset, ch, kind, chars.peek().map(|&(_, c)| c)));
                    }
                }
                let found: Vec<_> = marks_in(text, block).collect();
                assert_eq!(found, walked, "{text:?}");
            }
        }
    }

    #[test]
    fn straight_and_curly_marks() {
        assert_eq!(
            quoted("\"We are open,\" he said. “We stay open,” she said."),
            vec![("\"We are open,\"", true), ("“We stay open,”", true)]
        );
        assert_eq!(
            quoted("«Oui,» dit-il. „Ja“, sagte sie."),
            vec![("«Oui,»", true), ("„Ja“", true)]
        );
    }

    #[test]
    fn apostrophes_and_nested_single_quotes_do_not_disturb() {
        assert_eq!(
            quoted("\"In the '90s, O'Brien's students' 'rock 'n' roll' club met,\" she said."),
            vec![(
                "\"In the '90s, O'Brien's students' 'rock 'n' roll' club met,\"",
                true
            )]
        );
    }

    #[test]
    fn unclosed_and_running_quotes() {
        let text = "\"First part, she said.\n\n\"Second part.\"\n\nThen \"open again\n\nPlain.";
        let quotes = find_marked_quotes(text, &prose_regions(text));
        let summary: Vec<_> = quotes
            .iter()
            .map(|q| (q.span.slice(text), q.closed, q.runs_on, q.continues))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("\"First part, she said.", false, true, false),
                ("\"Second part.\"", true, false, true),
                ("\"open again", false, false, false),
            ]
        );
    }

    #[test]
    fn a_new_opening_mark_ends_an_unclosed_quote() {
        assert_eq!(
            quoted("\"We heard you, Reyes said. \"Not one asked.\""),
            vec![
                ("\"We heard you, Reyes said.", false),
                ("\"Not one asked.\"", true)
            ]
        );
    }
}
