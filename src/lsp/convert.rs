//! The one place where byte spans become protocol ranges and back.
//!
//! Every conversion goes through [`LineIndex`] under the position encoding
//! negotiated at initialize, so a column after an emoji or a curly quote
//! means the same thing to the editor and to copydesk.

use ropey::Rope;
use tower_lsp_server::ls_types::{ClientCapabilities, Position, PositionEncodingKind, Range};

use crate::text::{Encoding, LineCol, LineIndex, Span};

/// UTF-8 when the client offers it, since that is how copydesk counts;
/// otherwise UTF-16, which every client must support.
pub fn negotiate_encoding(capabilities: &ClientCapabilities) -> Encoding {
    let offered = capabilities
        .general
        .as_ref()
        .and_then(|general| general.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

/// The protocol name of an encoding, for the initialize result.
pub fn encoding_kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
    }
}

/// One text as the protocol sees it: the text, its line index and the
/// negotiated encoding.
#[derive(Clone, Copy, Debug)]
pub struct Positions<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
}

impl Positions<'_> {
    pub fn range(&self, span: Span) -> Range {
        let (start, end) = self.index.range(self.text, span, self.encoding);
        to_range(start, end)
    }

    /// The byte offset of `position`, or `None` when its line does not
    /// exist. A column past the end of the line is clamped to it.
    pub fn offset(&self, position: Position) -> Option<usize> {
        self.index
            .offset(self.text, to_line_col(position), self.encoding)
    }

    /// The span of `range`, or `None` when a line does not exist or the
    /// range ends before it starts.
    pub fn span(&self, range: Range) -> Option<Span> {
        let start = self.offset(range.start)?;
        let end = self.offset(range.end)?;
        (start <= end).then_some(Span::new(start, end))
    }
}

/// A range from positions the workspace index converted at index time.
pub fn to_range(start: LineCol, end: LineCol) -> Range {
    Range::new(to_position(start), to_position(end))
}

fn to_position(pos: LineCol) -> Position {
    Position::new(pos.line, pos.col)
}

fn to_line_col(position: Position) -> LineCol {
    LineCol {
        line: position.line,
        col: position.character,
    }
}

/// The byte offset of `position` in a rope that is being edited, or `None`
/// when its line does not exist. Only that line is copied out, so the cost
/// does not grow with the document.
pub fn rope_offset(rope: &Rope, position: Position, encoding: Encoding) -> Option<usize> {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return None;
    }
    let line_text = rope.line(line).to_string();
    let in_line = LineIndex::new(&line_text).offset(
        &line_text,
        LineCol {
            line: 0,
            col: position.character,
        },
        encoding,
    )?;
    Some(rope.line_to_byte(line) + in_line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::GeneralClientCapabilities;

    /// An emoji (two UTF-16 units, four bytes), CJK (one unit, three bytes)
    /// and curly quotes (one unit, three bytes) before the quoted words.
    const DRAFT: &str =
        "# 😀 中文\n\n🎉 他说 “We will not back down,” the minister said.\r\nNext.\n";

    fn positions(encoding: Encoding) -> (LineIndex, Encoding) {
        (LineIndex::new(DRAFT), encoding)
    }

    fn quote_span() -> Span {
        let start = DRAFT.find('“').unwrap();
        let end = DRAFT.find('”').unwrap() + '”'.len_utf8();
        Span::new(start, end)
    }

    #[test]
    fn utf16_ranges_count_surrogate_pairs_and_bmp_characters() {
        let (index, encoding) = positions(Encoding::Utf16);
        let p = Positions {
            text: DRAFT,
            index: &index,
            encoding,
        };
        // 🎉 is 2 units, a space, 他说 is 2, a space: the quote opens at 6.
        let range = p.range(quote_span());
        assert_eq!(range, Range::new(Position::new(2, 6), Position::new(2, 30)));
        assert_eq!(p.span(range), Some(quote_span()));
    }

    #[test]
    fn utf8_ranges_count_bytes() {
        let (index, encoding) = positions(Encoding::Utf8);
        let p = Positions {
            text: DRAFT,
            index: &index,
            encoding,
        };
        // 🎉 is 4 bytes, a space, 他说 is 6, a space: the quote opens at 12.
        let range = p.range(quote_span());
        assert_eq!(
            range,
            Range::new(Position::new(2, 12), Position::new(2, 40))
        );
        assert_eq!(p.span(range), Some(quote_span()));
    }

    #[test]
    fn positions_past_the_end_clamp_or_fail() {
        let index = LineIndex::new(DRAFT);
        let p = Positions {
            text: DRAFT,
            index: &index,
            encoding: Encoding::Utf16,
        };
        // The line with the quote ends before its `\r\n`.
        let line_end = DRAFT.find("\r\n").unwrap();
        assert_eq!(p.offset(Position::new(2, 500)), Some(line_end));
        assert_eq!(p.offset(Position::new(40, 0)), None);
        // Inside the emoji's surrogate pair lands on the emoji.
        assert_eq!(p.offset(Position::new(0, 3)), Some(2));
        let backwards = Range::new(Position::new(2, 5), Position::new(2, 1));
        assert_eq!(p.span(backwards), None);
    }

    #[test]
    fn rope_offsets_agree_with_the_line_index() {
        let rope = Rope::from_str(DRAFT);
        let index = LineIndex::new(DRAFT);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let p = Positions {
                text: DRAFT,
                index: &index,
                encoding,
            };
            for (offset, _) in DRAFT.char_indices() {
                let range = p.range(Span::new(offset, offset));
                assert_eq!(
                    rope_offset(&rope, range.start, encoding),
                    p.offset(range.start),
                    "offset {offset} {encoding:?}"
                );
            }
            assert_eq!(
                rope_offset(&rope, Position::new(2, 999), encoding),
                p.offset(Position::new(2, 999))
            );
            assert_eq!(rope_offset(&rope, Position::new(5, 0), encoding), None);
        }
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        let offer = |kinds: Vec<PositionEncodingKind>| ClientCapabilities {
            general: Some(GeneralClientCapabilities {
                position_encodings: Some(kinds),
                ..GeneralClientCapabilities::default()
            }),
            ..ClientCapabilities::default()
        };
        assert_eq!(
            negotiate_encoding(&offer(vec![
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8
            ])),
            Encoding::Utf8
        );
        assert_eq!(
            negotiate_encoding(&offer(vec![PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
        assert_eq!(
            negotiate_encoding(&ClientCapabilities::default()),
            Encoding::Utf16
        );
    }
}
