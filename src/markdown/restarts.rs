//! Restart points: where a parse of a draft may start afresh, because
//! nothing before them is open or still reading ahead (`incremental`'s
//! module documentation gives the four conditions).

use memchr::{memchr, memchr_iter, memmem, memrchr};

use super::{Shape, TopLevel};

/// The restart points of `text`, whose top-level blocks are `tops`, by the
/// four conditions in `incremental`'s module documentation.
pub(super) fn restart_points(text: &[u8], tops: &[TopLevel]) -> Vec<usize> {
    let scans = metadata_lookahead(text, tops);
    let mut scans = scans.iter().peekable();
    // The furthest line that a metadata scan started before the current
    // candidate reads, up to and including its start.
    let mut scanned_to = 0;
    let mut points = Vec::new();
    let mut previous: Option<&TopLevel> = None;
    for top in tops {
        let line = line_start(text, top.start);
        let after = previous.map_or(0, |p| p.end);
        let qualifies = previous.is_none_or(|p| p.shape != Shape::Open)
            && text[line..top.start]
                .iter()
                .all(|&b| b == b' ' || b == b'\t')
            && blank_line_before(text, line).is_some_and(|blank| {
                after <= blank
                    && text[after..blank]
                        .iter()
                        .all(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            });
        if qualifies {
            while let Some(&&(opener, until)) = scans.peek() {
                if opener >= line {
                    break;
                }
                scanned_to = scanned_to.max(until);
                scans.next();
            }
            if scanned_to < line {
                points.push(line);
            }
        }
        previous = Some(top);
    }
    points
}

/// The metadata scans that may read far ahead, as `(line, until)`: the start
/// of a line that may open a metadata block and the start of the line where
/// the scan stops (`usize::MAX` when it reads to the end), ascending.
///
/// pulldown-cmark 0.13 reads a metadata block wherever a block may start;
/// copydesk lets it do so only at the start of a draft (front matter, see
/// `super::front_matter_end`), but every line that could open one is counted
/// here, which only makes this module more careful. A line of exactly `---` (or `+++`), with
/// a line after it that is neither blank nor a closing line, opens one if a
/// closing line (`---` or `...`; `+++`) follows anywhere later, and to find
/// out the parser reads ahead line by line until it meets one. Such a line
/// makes the parse of everything after it depend on text arbitrarily far on,
/// up to the first closing line. A line counts here if, with trailing
/// whitespace trimmed, it ends in `---` or `+++`, whatever comes before on
/// the line (block quote markers, say), unless it lies inside a leaf block
/// after that block's first line, where the parser never looks for a block
/// start. The closing lines are matched exactly as the parser matches them.
fn metadata_lookahead(text: &[u8], tops: &[TopLevel]) -> Vec<(usize, usize)> {
    let mut scans = Vec::new();
    for fence in [b'-', b'+'] {
        let needle = [fence; 3];
        let mut closers = Closers { fence, last: None };
        let mut from = 0;
        while let Some(found) = memmem::find(&text[from..], &needle) {
            let hit = from + found;
            let line = line_start(text, hit);
            let end = memchr(b'\n', &text[hit..]).map_or(text.len(), |i| hit + i);
            from = end;
            if !text[line..end].trim_ascii_end().ends_with(&needle) || swallowed(tops, line) {
                continue;
            }
            // At the end of the text, or with a blank or closing line next,
            // the scan stops before reading any further.
            let next = end + 1;
            if next >= text.len() || blank(&text[next..]) || closes(&text[next..], fence) {
                continue;
            }
            let until = closers.first_after(text, next).unwrap_or(usize::MAX);
            scans.push((line, until));
            if until == usize::MAX {
                // Every later scan for this fence reads to the end as well,
                // and this one already reaches past every later line.
                break;
            }
        }
    }
    scans.sort_unstable();
    scans
}

/// Whether the line starting at `line` is inside a leaf block and is not its
/// first line, so that the parser took it as that block's content.
fn swallowed(tops: &[TopLevel], line: usize) -> bool {
    let before = tops.partition_point(|top| top.start < line);
    before > 0 && {
        let top = &tops[before - 1];
        top.shape == Shape::Leaf && line < top.end
    }
}

/// The lines that close a metadata block opened with `fence`, found in the
/// order the scans ask for them, so each stretch of text is searched once.
struct Closers {
    fence: u8,
    /// The offset the last search started from, and the first closing line
    /// it found after it.
    last: Option<(usize, Option<usize>)>,
}

impl Closers {
    /// The start of the first closing line that starts after `from`.
    fn first_after(&mut self, text: &[u8], from: usize) -> Option<usize> {
        match self.last {
            Some((searched, found)) if searched <= from && found.is_none_or(|at| at > from) => {
                found
            }
            _ => {
                let found = memchr_iter(b'\n', &text[from..])
                    .map(|i| from + i + 1)
                    .find(|&at| closes(&text[at..], self.fence));
                self.last = Some((from, found));
                found
            }
        }
    }
}

/// Whether `line` (running on to the end of the text) closes a metadata
/// block opened with `fence`, exactly as pulldown-cmark 0.13 decides it:
/// three fence characters (or, for `-`, three dots) and no more, then
/// spaces, then the end of the line.
fn closes(line: &[u8], fence: u8) -> bool {
    let run = |c: u8| line.iter().take_while(|&&b| b == c).count();
    if run(fence) != 3 && (fence != b'-' || run(b'.') != 3) {
        return false;
    }
    let spaces = line[3..].iter().take_while(|&&b| b == b' ').count();
    matches!(line.get(3 + spaces), None | Some(b'\n' | b'\r'))
}

/// Whether `line` (running on to the end of the text) is blank: spaces and
/// tabs, then the end of the line. The parser takes a few more characters as
/// blank; missing those only makes this module more careful.
fn blank(line: &[u8]) -> bool {
    let indent = line
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    matches!(line.get(indent), None | Some(b'\n' | b'\r'))
}

/// The start of the blank line that ends just before `line`, if there is one
/// and `line` starts after a line feed.
fn blank_line_before(text: &[u8], line: usize) -> Option<usize> {
    if line == 0 || text[line - 1] != b'\n' {
        return None;
    }
    let mut start = line - 1;
    if start > 0 && text[start - 1] == b'\r' {
        start -= 1;
    }
    while start > 0 && matches!(text[start - 1], b' ' | b'\t') {
        start -= 1;
    }
    (start == 0 || text[start - 1] == b'\n').then_some(start)
}

/// The start of the line that `at` is on; lines end at line feeds.
fn line_start(text: &[u8], at: usize) -> usize {
    memrchr(b'\n', &text[..at]).map_or(0, |i| i + 1)
}
