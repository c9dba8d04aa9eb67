//! Offsets and editor positions, in UTF-8 and UTF-16 columns: every
//! character boundary goes to a position and back to itself (the `\n` of a
//! `\r\n` to the `\r`, which belongs to the line break), positions grow with
//! offsets, any offset lands on the boundary at or before it, and any
//! position either names no line or gives the last boundary of its line at
//! or before its column. Positions found in one walk along the text
//! (`line_cols`, for offsets in order) are those found one by one.
//!
//! The input is the text. After a NUL byte, each 8 bytes are one more probe:
//! a line and a column (two little-endian u32), and an offset (the same
//! bytes as a u64).

#![no_main]

use copydesk::text::{Encoding, LineCol, LineIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, probes) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (String::from_utf8_lossy(&data[..nul]), &data[nul + 1..]),
        None => (String::from_utf8_lossy(data), &[][..]),
    };
    let index = LineIndex::new(&text);
    let probes: Vec<[u8; 8]> = probes
        .chunks_exact(8)
        .map(|c| c.try_into().unwrap())
        .collect();
    for encoding in [Encoding::Utf8, Encoding::Utf16] {
        let check = Check {
            text: &text,
            index: &index,
            encoding,
        };
        check.round_trips();
        for probe in &probes {
            let line = u32::from_le_bytes(probe[..4].try_into().unwrap());
            let col = u32::from_le_bytes(probe[4..].try_into().unwrap());
            check.position(LineCol { line, col });
            check.offset(u64::from_le_bytes(*probe) as usize);
        }
        for line in 0..=index.line_count() as u32 {
            for col in [0, 1, 2, 3, 5, 8, 13, 80, u32::MAX] {
                check.position(LineCol { line, col });
            }
        }
        check.walked(&probes);
    }
});

struct Check<'a> {
    text: &'a str,
    index: &'a LineIndex,
    encoding: Encoding,
}

impl Check<'_> {
    fn line_col(&self, offset: usize) -> LineCol {
        self.index.line_col(self.text, offset, self.encoding)
    }

    /// The probes' offsets (within reach of the text, in order) and every
    /// boundary, walked in one pass, give the positions found one by one.
    fn walked(&self, probes: &[[u8; 8]]) {
        let mut offsets: Vec<usize> = probes
            .iter()
            .map(|p| (u64::from_le_bytes(*p) % (self.text.len() as u64 + 8)) as usize)
            .chain(self.text.char_indices().map(|(i, _)| i))
            .collect();
        offsets.sort_unstable();
        let walked = self.index.line_cols(self.text, &offsets, self.encoding);
        assert_eq!(walked.len(), offsets.len());
        for (&offset, &position) in offsets.iter().zip(&walked) {
            assert_eq!(position, self.line_col(offset), "offset {offset}");
        }
    }

    /// Every boundary, the end included, goes to a position and back, and
    /// positions grow with offsets.
    fn round_trips(&self) {
        let text = self.text;
        let boundaries = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        let mut previous = LineCol { line: 0, col: 0 };
        for offset in boundaries {
            let pos = self.line_col(offset);
            assert!(
                (pos.line as usize) < self.index.line_count(),
                "offset {offset} is on line {}, past the last line",
                pos.line
            );
            assert!(
                pos >= previous,
                "offset {offset} is at {pos:?}, before the previous boundary at {previous:?}"
            );
            previous = pos;
            let back = self.index.offset(text, pos, self.encoding);
            let expected = if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                offset - 1
            } else {
                offset
            };
            assert_eq!(
                back,
                Some(expected),
                "offset {offset} went to {pos:?} and back to {back:?} ({:?})",
                self.encoding
            );
        }
        assert_eq!(
            self.index.end(text, self.encoding),
            self.line_col(text.len())
        );
    }

    /// Any offset is read as the boundary at or before it, within the text.
    fn offset(&self, offset: usize) {
        let mut floor = offset.min(self.text.len());
        while !self.text.is_char_boundary(floor) {
            floor -= 1;
        }
        assert_eq!(
            self.line_col(offset),
            self.line_col(floor),
            "offset {offset} is not read as the boundary {floor} ({:?})",
            self.encoding
        );
    }

    /// A position on no line gives nothing; one on a line gives the last
    /// boundary of that line's content whose column is at or before it.
    fn position(&self, pos: LineCol) {
        let text = self.text;
        let found = self.index.offset(text, pos, self.encoding);
        if pos.line as usize >= self.index.line_count() {
            assert_eq!(found, None, "{pos:?} is past the last line");
            return;
        }
        let Some(offset) = found else {
            panic!("{pos:?} is on an existing line but gave no offset");
        };
        assert!(
            text.is_char_boundary(offset),
            "{pos:?} gave offset {offset}, not a char boundary ({:?})",
            self.encoding
        );
        let at = self.line_col(offset);
        assert!(
            at.line == pos.line && at.col <= pos.col,
            "{pos:?} gave offset {offset}, which is at {at:?} ({:?})",
            self.encoding
        );
        let line_break = text[offset..].starts_with('\n') || text[offset..].starts_with("\r\n");
        if let Some(next) = text[offset..].chars().next().filter(|_| !line_break) {
            let after = self.line_col(offset + next.len_utf8());
            assert!(
                after.col > pos.col,
                "{pos:?} gave offset {offset}, but the next boundary at {after:?} \
                 is not past the column ({:?})",
                self.encoding
            );
        }
    }
}
