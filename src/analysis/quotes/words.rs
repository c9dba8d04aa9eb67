//! The words of a block outside its quotations, with each quotation as one
//! token, and the sentences they form.

use super::lexicon::{lowercase, WordSet};
use super::marks::MarkedQuote;
use super::tags::Tags;
use crate::markdown::Block;
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and the periods
    /// of abbreviations (`U.S.`, `Sen.`).
    Word,
    /// One punctuation character.
    Punct(char),
    /// A whole quotation: the index into the document's quotes (32 bits,
    /// so that a token stays four words long).
    Quote(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    /// What the word can be (`tags::tag_block`); none for punctuation and
    /// quotations.
    pub tags: Tags,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            TokenKind::Quote(i) => Some(i as usize),
            _ => None,
        }
    }
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr",
    "sr", "prof", "rev", "inc", "co", "corp", "ltd", "no", "vs", "jan", "feb", "aug", "sept",
    "sep", "oct", "nov", "dec", "ft", "mt", "pres", "supt", "atty", "cmdr", "adm", "maj", "pvt",
    "cpl", "gens", "reps", "sens", "govs", "univ", "dept", "est", "approx", "etc", "e.g", "i.e",
];

const LONGEST_ABBREVIATION: usize = 6;

/// `ABBREVIATIONS`, looked up by hash: a word is checked at nearly every
/// period.
static ABBREVIATION_SET: WordSet = WordSet::new(ABBREVIATIONS);

/// Letters and digits, the soft hyphen, and the combining marks a
/// decomposed accent is written with (`José` as `Jose` and U+0301).
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || c == '\u{ad}'
        || matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The tokens of one block. `block_quotes` are the block's quotations as
/// (index into the document's quotes, span), in order; each becomes one token.
pub fn tokenize(text: &str, block: &Block, block_quotes: &[(usize, Span)]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(block.prose_span().len() / 4);
    let mut next_quote = 0;
    for segment in &block.segments {
        let mut at = segment.start;
        while at < segment.end {
            while next_quote < block_quotes.len() && block_quotes[next_quote].1.end <= at {
                next_quote += 1;
            }
            if let Some(&(index, span)) = block_quotes
                .get(next_quote)
                .filter(|(_, span)| span.start <= at)
            {
                if tokens.last().and_then(Token::quote) != Some(index) {
                    tokens.push(Token {
                        kind: TokenKind::Quote(index as u32),
                        span,
                        tags: Tags::NONE,
                    });
                }
                at = next_boundary(text, span.end.min(segment.end).max(at + 1));
                continue;
            }
            let c = match text.as_bytes().get(at) {
                Some(&b) if b.is_ascii() => char::from(b),
                _ => match text.get(at..).and_then(|t| t.chars().next()) {
                    Some(c) => c,
                    None => break,
                },
            };
            if c.is_whitespace() {
                at += c.len_utf8();
            } else if c.is_ascii_alphanumeric() || is_word_char(c) {
                let end = word_end(text, at, segment.end);
                tokens.push(Token {
                    kind: TokenKind::Word,
                    span: Span::new(at, end),
                    tags: Tags::NONE,
                });
                at = end;
            } else {
                tokens.push(Token {
                    kind: TokenKind::Punct(c),
                    span: Span::new(at, at + c.len_utf8()),
                    tags: Tags::NONE,
                });
                at += c.len_utf8();
            }
        }
    }
    tokens
}

fn next_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The end of the word starting at `start`: letters and digits joined by
/// single apostrophes, hyphens or periods, plus the period of a known
/// abbreviation or an initial.
fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let bytes = &text.as_bytes()[..limit];
    // The character at `at` (ASCII read a byte at a time) and its length.
    let char_at = |at: usize| -> Option<(char, usize)> {
        match bytes.get(at) {
            Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
            Some(_) => text[at..limit].chars().next().map(|c| (c, c.len_utf8())),
            None => None,
        }
    };
    let (mut at, mut end) = (start, start);
    while let Some((c, len)) = char_at(at) {
        // A UTF-8 letter read as Windows-1252 (`PeÃ±a` for `Peña`) stays
        // one word: `Ã` or `Â` (perhaps decomposed) and the symbol after it.
        let mojibake = || {
            (('\u{80}'..='\u{BF}').contains(&c) || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c))
                && matches!(
                    text[..at].chars().next_back(),
                    Some('Ã' | 'Â' | '\u{302}' | '\u{303}')
                )
        };
        if c.is_ascii_alphanumeric() || is_word_char(c) || (!c.is_ascii() && mojibake()) {
            at += len;
            end = at;
        } else if matches!(c, '\'' | '’' | '-' | '.' | '&')
            && char_at(at + len).is_some_and(|(n, _)| is_word_char(n))
        {
            at += len;
        } else if matches!(c, '\'' | '’')
            && end == at
            && matches!(bytes.get(at.wrapping_sub(1)), Some(b's' | b'S'))
            && text[start..].starts_with(|f: char| f.is_uppercase())
        {
            // The possessive of a name ending in s: `Sanders’ campaign`.
            end = at + len;
            break;
        } else {
            break;
        }
    }
    if bytes.get(end) == Some(&b'.') && abbreviated(&text[start..end]) {
        end += 1;
    }
    end
}

/// Whether a word followed by a period keeps it: an initial (`J.`), a
/// dotted abbreviation (`U.S.`) or a known one (`Sen.`, `Dr.`).
fn abbreviated(word: &str) -> bool {
    let mut chars = word.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    // Dotted letters (`U.S`, `Ph.D`, `a.m`), not a web address whose
    // period ends the sentence (`according to Tchadinfos.com.`).
    let dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2);
    initial
        || dotted
        // Every abbreviation is short: longer words are not lowercased.
        || (word.len() <= LONGEST_ABBREVIATION
            && ABBREVIATION_SET.contains(&&*lowercase(word)))
}

/// Sentences as ranges of token indices. A sentence ends at `.`, `?` or `!`
/// (or `…`), and after a quotation whose words end a sentence when the next
/// word starts with a capital letter.
pub fn sentences(
    text: &str,
    tokens: &[Token],
    quotes: &[MarkedQuote],
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        let next_capital = || {
            tokens.get(i + 1).is_none_or(|n| {
                n.quote().is_some()
                    || n.span
                        .slice(text)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            })
        };
        let ends = match token.kind {
            TokenKind::Punct('.' | '?' | '!' | '…') => {
                next_capital() && !tokens.get(i + 1).is_some_and(|n| n.is_punct(')'))
            }
            TokenKind::Quote(q) => {
                let q = q as usize;
                let content = quotes[q].content.slice(text).trim_end();
                quotes[q].closed
                    && content.ends_with(['.', '?', '!'])
                    && tokens.get(i + 1).is_some_and(|n| {
                        n.quote().is_some()
                            || n.span
                                .slice(text)
                                .chars()
                                .next()
                                .is_some_and(char::is_uppercase)
                    })
            }
            _ => false,
        };
        if ends {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_joiners_and_abbreviations_their_periods() {
        fn ends(text: &str) -> Vec<&str> {
            let mut words = Vec::new();
            let mut at = 0;
            while at < text.len() {
                let c = text[at..].chars().next().unwrap();
                if is_word_char(c) {
                    let end = word_end(text, at, text.len());
                    words.push(&text[at..end]);
                    at = end;
                } else {
                    at += c.len_utf8();
                }
            }
            words
        }
        assert_eq!(
            ends("Sen. O’Brien’s rock-and-roll U.S. bill, J. Doe said. Approx. 5 more."),
            [
                "Sen.",
                "O’Brien’s",
                "rock-and-roll",
                "U.S.",
                "bill",
                "J.",
                "Doe",
                "said",
                "Approx.",
                "5",
                "more"
            ]
        );
        // A joiner at the end of the text, or before a space, ends the word.
        assert_eq!(ends("well- known AT&T"), ["well", "known", "AT&T"]);
        // A web address ending a sentence leaves the period to it.
        assert_eq!(
            ends("said Ph.D. holders at 9 a.m. to Example.com. Then"),
            [
                "said",
                "Ph.D.",
                "holders",
                "at",
                "9",
                "a.m.",
                "to",
                "Example.com",
                "Then"
            ]
        );
        assert!(ABBREVIATIONS
            .iter()
            .all(|a| a.len() <= LONGEST_ABBREVIATION));
    }
}
