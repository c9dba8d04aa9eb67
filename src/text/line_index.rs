use super::Span;

/// How an editor counts columns. LSP clients say which they support at
/// initialize; UTF-16 is the protocol's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// A zero-based line and column, the column counted in code units of an
/// [`Encoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one text, for turning byte offsets into positions and back.
///
/// Lines end at `\n`; a `\r` before it belongs to the line break, as editors
/// count it. A column is the count of characters (or UTF-16 units) between
/// the line's start and the offset; the index keeps those counts from the
/// text's start at every `STRIDE`th byte, so that a column is found by
/// reading at most two strides of the line, however long the line is (a
/// paragraph is one line, and may be megabytes). The `line-index` crate
/// does not serve here: it walks a line's non-ASCII characters up to the
/// column for every conversion, so the columns of a long line of curly
/// quotes take time quadratic in its length (`tests/scaling.rs`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    /// The units before byte `i * STRIDE`, for every stride of the text.
    strides: Vec<Units>,
}

/// How many bytes apart the kept counts are.
const STRIDE: usize = 1024;

/// Counts of characters and of UTF-16 code units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Units {
    chars: usize,
    utf16: usize,
}

impl Units {
    /// The units of the characters that start in `bytes`: every character
    /// has one byte that is not a continuation byte, and those of four
    /// bytes (0xF0 and up) take two UTF-16 units. Summed in bytes over
    /// chunks too short to overflow one, so the compiler adds many bytes
    /// at a time.
    fn of(bytes: &[u8]) -> Units {
        let mut units = Units::default();
        for chunk in bytes.chunks(255) {
            let (chars, wide) = chunk.iter().fold((0u8, 0u8), |(chars, wide), &b| {
                (
                    chars + u8::from(b & 0xC0 != 0x80),
                    wide + u8::from(b >= 0xF0),
                )
            });
            units.chars += usize::from(chars);
            units.utf16 += usize::from(chars) + usize::from(wide);
        }
        units
    }

    fn minus(self, earlier: Units) -> Units {
        Units {
            chars: self.chars.saturating_sub(earlier.chars),
            utf16: self.utf16.saturating_sub(earlier.utf16),
        }
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut strides = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut before = Units::default();
        strides.push(before);
        for chunk in text.as_bytes().chunks_exact(STRIDE) {
            let units = Units::of(chunk);
            before.chars += units.chars;
            before.utf16 += units.utf16;
            strides.push(before);
        }
        LineIndex {
            line_starts,
            len: text.len(),
            strides,
        }
    }

    /// The units before byte `offset` (at most the text's length), counted
    /// from the nearest kept stride.
    fn units_before(&self, text: &str, offset: usize) -> Units {
        let stride = offset / STRIDE;
        match self.strides.get(stride) {
            Some(&kept) => {
                let rest = Units::of(&text.as_bytes()[stride * STRIDE..offset]);
                Units {
                    chars: kept.chars + rest.chars,
                    utf16: kept.utf16 + rest.utf16,
                }
            }
            // An index built for another text: count from the start.
            None => Units::of(&text.as_bytes()[..offset]),
        }
    }

    /// The units between a line's start and `offset` on that line.
    fn units_in_line(&self, text: &str, start: usize, offset: usize) -> Units {
        if offset - start < STRIDE {
            return Units::of(&text.as_bytes()[start..offset]);
        }
        self.units_before(text, offset)
            .minus(self.units_before(text, start))
    }

    /// The one-based line and character (Unicode scalar value) column of a
    /// byte offset, as a command line tool prints them.
    pub fn line_char_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        (line + 1, self.units_in_line(text, start, offset).chars + 1)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The position of a byte offset. An offset past the end is clamped to
    /// the end; one inside a multi-byte character counts as its start.
    pub fn line_col(&self, text: &str, offset: usize, encoding: Encoding) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = match encoding {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 => self.units_in_line(text, start, offset).utf16,
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// The positions of `offsets`, which are in increasing order, in one
    /// walk along the text: each column is counted on from the one before
    /// on its line, where `line_col` counts from the line's start. A draft's
    /// paragraphs are long lines, and a summary has a position for every
    /// mention in them.
    pub fn line_cols(&self, text: &str, offsets: &[usize], encoding: Encoding) -> Vec<LineCol> {
        let mut found = Vec::with_capacity(offsets.len());
        // The line last reached, and where and at which column.
        let mut line = usize::MAX;
        let mut at = 0;
        let mut col = 0;
        for &offset in offsets {
            let offset = floor_char_boundary(text, offset.min(self.len));
            let on = self.line_starts.partition_point(|&s| s <= offset) - 1;
            if on != line || offset < at {
                line = on;
                at = self.line_starts[on];
                col = 0;
            }
            col += column_width(text.get(at..offset).unwrap_or(""), encoding);
            at = offset;
            found.push(LineCol {
                line: line as u32,
                col: col as u32,
            });
        }
        found
    }

    /// The byte offset of a position, or `None` when the line does not exist.
    /// A column past the end of its line is clamped to the line's end, and a
    /// column inside a character (half a surrogate pair) to that character's
    /// start, as the protocol asks.
    pub fn offset(&self, text: &str, pos: LineCol, encoding: Encoding) -> Option<usize> {
        let line = pos.line as usize;
        if line >= self.line_starts.len() {
            return None;
        }
        let start = self.line_starts[line];
        let end = self.line_content_end(text, line);
        let mut units = 0usize;
        for (i, ch) in text.get(start..end).unwrap_or("").char_indices() {
            let width = match encoding {
                Encoding::Utf8 => ch.len_utf8(),
                Encoding::Utf16 => ch.len_utf16(),
            };
            if units + width > pos.col as usize {
                return Some(start + i);
            }
            units += width;
        }
        Some(end)
    }

    /// The byte offset just past the end of the text, as a position.
    pub fn end(&self, text: &str, encoding: Encoding) -> LineCol {
        self.line_col(text, self.len, encoding)
    }

    /// Both ends of a span as positions.
    pub fn range(&self, text: &str, span: Span, encoding: Encoding) -> (LineCol, LineCol) {
        (
            self.line_col(text, span.start, encoding),
            self.line_col(text, span.end, encoding),
        )
    }

    /// The end of a line's content, before its `\r\n` or `\n`.
    fn line_content_end(&self, text: &str, line: usize) -> usize {
        let next = self.line_starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        let mut end = next;
        if end > self.line_starts[line] && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > self.line_starts[line] && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        end
    }
}

fn column_width(prefix: &str, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => prefix.len(),
        Encoding::Utf16 => Units::of(prefix.as_bytes()).utf16,
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "ab\n😀 “hi”\r\n中文\n";

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        let index = LineIndex::new(TEXT);
        let h = TEXT.find("hi").unwrap();
        assert_eq!(
            index.line_col(TEXT, h, Encoding::Utf16),
            LineCol { line: 1, col: 4 }
        );
        assert_eq!(
            index.line_col(TEXT, h, Encoding::Utf8),
            LineCol { line: 1, col: 8 }
        );
    }

    #[test]
    fn positions_walked_in_order_are_those_found_one_by_one() {
        let text = "Zoë said “€5 😀” ok\r\n\nline two — 中文 𝄞\nlast";
        let mut offsets: Vec<usize> = (0..=text.len() + 3).collect();
        // Repeated offsets, and ones inside characters, as well.
        offsets.extend([3, 3, 4, 13, 14]);
        offsets.sort_unstable();
        let index = LineIndex::new(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let walked = index.line_cols(text, &offsets, encoding);
            let one_by_one: Vec<LineCol> = offsets
                .iter()
                .map(|&o| index.line_col(text, o, encoding))
                .collect();
            assert_eq!(walked, one_by_one, "{encoding:?}");
        }
        assert_eq!(index.line_cols(text, &[], Encoding::Utf16), vec![]);
    }

    #[test]
    fn columns_on_lines_longer_than_a_stride_are_those_counted_from_the_line_start() {
        // Lines of several strides, with characters of every width lying
        // across stride boundaries, and a short line between.
        let long = "Zoë said “€5 😀” — 中文 𝄞 ok. ".repeat(3 * STRIDE / 20);
        let text = format!("{long}\r\nshort\n{long}");
        let index = LineIndex::new(&text);
        for offset in (0..=text.len() + 2).step_by(7) {
            let at = floor_char_boundary(&text, offset.min(text.len()));
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let prefix = &text[line_start..at];
            let line = text[..at].matches('\n').count();
            assert_eq!(
                index.line_col(&text, offset, Encoding::Utf16),
                LineCol {
                    line: line as u32,
                    col: prefix.encode_utf16().count() as u32
                },
                "offset {offset}"
            );
            assert_eq!(
                index.line_char_col(&text, offset),
                (line + 1, prefix.chars().count() + 1),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn utf16_widths_counted_on_bytes_match_those_counted_on_characters() {
        let text =
            "Mayor Zoë Ødegård said “€5 😀” — 中文 𝄞 ok\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}";
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let prefix = &text[..at];
            assert_eq!(
                column_width(prefix, Encoding::Utf16),
                prefix.chars().map(char::len_utf16).sum::<usize>(),
                "{prefix:?}"
            );
        }
    }

    #[test]
    fn offsets_round_trip_in_both_encodings() {
        let index = LineIndex::new(TEXT);
        for (offset, ch) in TEXT.char_indices() {
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let pos = index.line_col(TEXT, offset, encoding);
                let back = index.offset(TEXT, pos, encoding).unwrap();
                // A `\r` before `\n` is part of the line break, so both map to
                // the end of the line's content.
                if ch == '\n' && TEXT[..offset].ends_with('\r') {
                    assert_eq!(back, offset - 1);
                } else {
                    assert_eq!(back, offset, "offset {offset} via {pos:?} {encoding:?}");
                }
            }
        }
    }

    #[test]
    fn out_of_range_positions_are_clamped_or_refused() {
        let index = LineIndex::new(TEXT);
        let end_of_first = index.offset(TEXT, LineCol { line: 0, col: 99 }, Encoding::Utf16);
        assert_eq!(end_of_first, Some(2));
        assert_eq!(
            index.offset(TEXT, LineCol { line: 9, col: 0 }, Encoding::Utf16),
            None
        );
        // Half a surrogate pair lands on the emoji's start.
        let line1 = TEXT.find('😀').unwrap();
        assert_eq!(
            index.offset(TEXT, LineCol { line: 1, col: 1 }, Encoding::Utf16),
            Some(line1)
        );
        assert_eq!(
            index.line_col(TEXT, 10_000, Encoding::Utf8),
            LineCol { line: 3, col: 0 }
        );
    }
}
