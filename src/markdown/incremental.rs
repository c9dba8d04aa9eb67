//! Prose regions kept up to date across edits: after an edit only a window
//! of the new text around the change is parsed, and the blocks outside it
//! are taken from the previous parse, moved by the change in length. The
//! result always equals a fresh parse of the new text; wherever that cannot
//! be shown, more of the text, up to all of it, is parsed.
//!
//! # Why the splice equals a fresh parse
//!
//! pulldown-cmark reads the block structure line by line, and then reads the
//! inline markup of each leaf block within that block alone. A *restart
//! point* is the start of a line that begins a block at the top level of the
//! document, where
//!
//! 1. the line before is blank,
//! 2. every earlier top-level block ended before that blank line, with
//!    nothing but whitespace after it,
//! 3. the last of them is one that nothing continues once it has ended (a
//!    paragraph, heading, block quote, table, thematic break, fenced code,
//!    HTML or metadata block; not a list, indented code or a footnote
//!    definition, which may go on after blank lines), and
//! 4. no earlier line that may have opened a metadata block is still looking
//!    for its closing line (see [`metadata_lookahead`]).
//!
//! At such a point nothing is open and nothing read so far reached past it,
//! so whatever follows, the blocks before it are those of the text up to it
//! and the blocks from it on are those of the text from it on, moved by its
//! offset. Conditions 1 to 4 depend only on the text before the point. The
//! one thing that carries across blocks in the inline pass is the set of
//! link reference and footnote definitions, and every definition has `]:` in
//! it: a text with `]:` is always parsed whole. (The inline pass also
//! remembers where scans for inline HTML gave up, but those offsets lie in
//! blocks already read and never cut short a scan in a later block.)
//!
//! An edit replaces the bytes between a common prefix and a common suffix of
//! the old and new text. The last old restart point `r` at or before the
//! change meets conditions 1 to 4 in the new text too, as the text before it
//! is the same, so the new text's blocks before it are the old ones, and a
//! window of the new text from `r` is parsed on its own. (Whether `r` itself
//! is still a restart point depends on whether a block still begins on its
//! line, which the window tells.) If the window has a restart point `s` in
//! the unchanged suffix whose old offset was a restart point of the old
//! text, the new text from `s` is the old text from there, so its blocks are
//! the old ones, moved. The new regions are then the old blocks before `r`,
//! the window's blocks before `s` and the old blocks from `s` on, and the
//! restart points likewise. When there is no such `s` the window grows, and
//! the largest window reaches the end of the text, which needs none.

use std::ops::Range;

use memchr::{memchr, memchr_iter, memmem, memrchr};

use super::{walk, Block, Shape, TopLevel};
use crate::text::Span;

/// How far past the change the first window reaches, in bytes: a few
/// paragraphs of copy, so that the next restart point is usually inside it.
const FIRST_WINDOW: usize = 2048;

/// How many times wider each retry makes the window.
const GROWTH: usize = 8;

/// The prose blocks of a text, and what a parse of an edited version needs
/// to reuse them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regions {
    /// The prose blocks, as [`super::prose_regions`] gives them.
    pub blocks: Vec<Block>,
    /// The restart points, ascending. Empty when `definitions` is set, as
    /// such a text is never reparsed in part.
    restarts: Vec<usize>,
    /// The length of the text, to catch being handed the wrong old text.
    len: usize,
    /// Whether the text contains `]:`, as every link reference and footnote
    /// definition does.
    definitions: bool,
}

impl Regions {
    /// The regions of `text`; `blocks` equals `prose_regions(text)`.
    pub fn parse(text: &str) -> Regions {
        let Window {
            blocks, restarts, ..
        } = parse_window(text, 0);
        let definitions = memmem::find(text.as_bytes(), b"]:").is_some();
        Regions {
            blocks,
            restarts: if definitions { Vec::new() } else { restarts },
            len: text.len(),
            definitions,
        }
    }

    /// The regions of `text`, an edited version of `old_text` whose regions
    /// are `self`. The result equals `Regions::parse(text)`, blocks and all.
    /// The blocks outside the window are moved into it, not copied.
    pub fn reparse(self, old_text: &str, text: &str) -> Regions {
        let edit = Edit::between(old_text, text);
        self.reparse_after(old_text, text, edit)
    }

    /// `reparse`, with `edit` the caller's `Edit::between(old_text, text)`.
    pub fn reparse_after(self, old_text: &str, text: &str, edit: Edit) -> Regions {
        self.reparse_within(old_text, text, edit, FIRST_WINDOW).0
    }

    /// `reparse`, with the first window reaching `first_window` bytes past the
    /// change; also returns the part of `text` that the accepted parse read.
    fn reparse_within(
        self,
        old_text: &str,
        text: &str,
        edit: Edit,
        first_window: usize,
    ) -> (Regions, Range<usize>) {
        if old_text.len() != self.len || self.definitions {
            return (Regions::parse(text), 0..text.len());
        }
        let new = text.as_bytes();
        let Edit {
            prefix,
            old_end,
            new_end,
        } = edit;
        if prefix == old_end && prefix == new_end {
            return (self, 0..0);
        }
        // The old text has no `]:`, so one in the new text overlaps the
        // changed bytes, or has one byte either side of them.
        let around = &new[prefix.saturating_sub(1)..(new_end + 1).min(new.len())];
        if memmem::find(around, b"]:").is_some() {
            return (Regions::parse(text), 0..text.len());
        }

        let before = self.restarts.partition_point(|&at| at <= prefix);
        let restart = before.checked_sub(1).map_or(0, |i| self.restarts[i]);
        let mut reach = first_window;
        loop {
            let end = line_end(new, new_end.saturating_add(reach));
            let window = parse_window(&text[restart..end], restart);
            if end == new.len() {
                return (self.splice(window, None, new.len()), restart..end);
            }
            // The window's start is where the old parse may be rejoined when
            // the change ends there, as when whole blocks were deleted.
            let resync = std::iter::once(0)
                .chain(window.restarts.iter().copied())
                .map(|at| at + restart)
                .filter(|&at| at >= new_end)
                .map(|at| (at, at - new_end + old_end))
                .find(|&(_, old_at)| self.restarts.binary_search(&old_at).is_ok());
            if let Some((new_at, old_at)) = resync {
                return (
                    self.splice(window, Some((new_at, old_at)), new.len()),
                    restart..end,
                );
            }
            reach = reach.saturating_mul(GROWTH);
        }
    }

    /// The new regions: this parse's blocks before the window, the window's,
    /// and, with `resync` = `(new_at, old_at)`, the window's only up to
    /// `new_at` followed by this parse's from `old_at` on, moved to `new_at`.
    fn splice(self, window: Window, resync: Option<(usize, usize)>, len: usize) -> Regions {
        let start = window.start;
        let cut = resync.map_or(usize::MAX, |(new_at, _)| new_at - start);
        let mut blocks = self.blocks;
        let tail = match resync {
            Some((_, old_at)) => {
                let tail = blocks.partition_point(|b| b.span.start < old_at);
                blocks.split_off(tail)
            }
            None => Vec::new(),
        };
        let head = blocks.partition_point(|b| b.span.start < start);
        blocks.truncate(head);
        blocks.extend(
            window
                .blocks
                .into_iter()
                .take_while(|b| b.span.start < cut)
                .map(|b| moved(b, 0, start)),
        );
        let head = self.restarts.partition_point(|&at| at < start);
        let mut restarts = self.restarts[..head].to_vec();
        // The window starts at an old restart point (or at 0), and the text
        // before it is unchanged: it is a restart point of the new text if a
        // block still starts on its line.
        let restarts_at_start = match resync {
            Some((new_at, _)) if new_at == start => true,
            _ => window.leads,
        };
        if start > 0 && restarts_at_start {
            restarts.push(start);
        }
        restarts.extend(
            window
                .restarts
                .iter()
                .take_while(|&&at| at < cut)
                .map(|&at| at + start),
        );
        if let Some((new_at, old_at)) = resync {
            if new_at > start {
                restarts.push(new_at);
            }
            blocks.extend(tail.into_iter().map(|b| moved(b, old_at, new_at)));
            let tail = self.restarts.partition_point(|&at| at <= old_at);
            restarts.extend(self.restarts[tail..].iter().map(|&at| at - old_at + new_at));
        }
        Regions {
            blocks,
            restarts,
            len,
            definitions: false,
        }
    }
}

/// A part of the new text parsed on its own, with offsets from its start.
struct Window {
    /// Where it starts in the new text.
    start: usize,
    blocks: Vec<Block>,
    /// Its restart points, all after its start.
    restarts: Vec<usize>,
    /// Whether a block starts on its first line.
    leads: bool,
}

/// `text`, which starts at `start` in the whole text, parsed on its own.
fn parse_window(text: &str, start: usize) -> Window {
    let mut tops = Vec::new();
    let blocks = walk(text, start == 0, |top| tops.push(top));
    let restarts = restart_points(text.as_bytes(), &tops);
    let leads = tops.first().is_some_and(|top| {
        text.as_bytes()[..top.start]
            .iter()
            .all(|&b| b == b' ' || b == b'\t')
    });
    Window {
        start,
        blocks,
        restarts,
        leads,
    }
}

/// `block` with every offset `at` moved to `at - from + to`.
fn moved(mut block: Block, from: usize, to: usize) -> Block {
    let shift = |span: &mut Span| {
        span.start = span.start - from + to;
        span.end = span.end - from + to;
    };
    shift(&mut block.span);
    block.segments.iter_mut().for_each(shift);
    block
}

/// The restart points of `text`, whose top-level blocks are `tops`, by the
/// four conditions in the module documentation.
fn restart_points(text: &[u8], tops: &[TopLevel]) -> Vec<usize> {
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

/// The end of the line that `at` is on, past its line feed, or the end of the
/// text.
fn line_end(text: &[u8], at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    memchr(b'\n', &text[at..]).map_or(text.len(), |i| at + i + 1)
}

/// The length of the longest common prefix of `a` and `b`, compared sixteen
/// bytes at a time.
/// What an edit changed: the bytes `prefix..old_end` of the old text became
/// `prefix..new_end` of the new, and the rest is the same on both sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    pub prefix: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl Edit {
    /// The edit that made `new` from `old`: their common prefix, and the
    /// longest common suffix after it.
    pub fn between(old: &str, new: &str) -> Edit {
        let (old, new) = (old.as_bytes(), new.as_bytes());
        let prefix = common_prefix(old, new);
        let suffix = common_suffix(&old[prefix..], &new[prefix..]);
        Edit {
            prefix,
            old_end: old.len() - suffix,
            new_end: new.len() - suffix,
        }
    }

    /// Where the bytes `start..end` of the new text stood in the old text,
    /// when the edit left every one of them alone.
    pub fn old_start(&self, start: usize, end: usize) -> Option<usize> {
        if end <= self.prefix {
            Some(start)
        } else if start >= self.new_end {
            Some(start - self.new_end + self.old_end)
        } else {
            None
        }
    }
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let mut same = 0;
    for (x, y) in a.chunks_exact(16).zip(b.chunks_exact(16)) {
        let diff = word(x) ^ word(y);
        if diff != 0 {
            return same + (diff.trailing_zeros() / 8) as usize;
        }
        same += 16;
    }
    same + a[same..]
        .iter()
        .zip(&b[same..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// The length of the longest common suffix of `a` and `b`, compared sixteen
/// bytes at a time.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let mut same = 0;
    for (x, y) in a.rchunks_exact(16).zip(b.rchunks_exact(16)) {
        let diff = word(x) ^ word(y);
        if diff != 0 {
            return same + (diff.leading_zeros() / 8) as usize;
        }
        same += 16;
    }
    same + a[..a.len() - same]
        .iter()
        .rev()
        .zip(b[..b.len() - same].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Sixteen bytes as one little-endian number, so that the first byte is the
/// lowest.
fn word(bytes: &[u8]) -> u128 {
    u128::from_le_bytes(bytes.try_into().expect("chunks of sixteen bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::prose_regions;

    /// A seeded xorshift generator, so that every failure can be replayed.
    struct Rng(u64);

    impl Rng {
        fn new(seed: u64) -> Self {
            Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
        }

        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    /// Paragraphs of copy, which most of a draft is; each ends with a line
    /// break.
    const PROSE: &[&str] = &[
        "The mayor said \"we will rebuild\" on Tuesday.\n",
        "“Curly quotes,” she said, “and more.”\nA second line of the same paragraph.\n",
        "Text with `code`, *emphasis*, <b>html</b> and [a link](http://x.invalid/\"q\").\n",
        "A [label] and a note[^1].\n",
    ];

    /// Other blocks a draft is built from; each ends with a line break.
    const PIECES: &[&str] = &[
        "## An \"ATX\" heading\n",
        "Setext title\n============\n",
        "Setext subtitle\n---\n",
        "- tight one\n- tight two\n",
        "- loose one\n\n- loose two\n",
        "- outer\n  - inner \"quoted\"\n- back out\n",
        "1. first\n2. second\n",
        "3) third\n\n4) fourth\n",
        "> a quote\n> continued\n",
        "> > nested quote\n>\n> back to one level\n",
        "> lazy\ncontinuation line\n",
        "```\ncode \"not prose\"\n```\n",
        "~~~rust\nlet x = 1;\n~~~\n",
        "    indented code\n",
        "<div>\n*html* block\n</div>\n",
        "<!-- a comment\n\nover lines -->\n",
        "<script>\nlet s = \"x\";\n\n</script>\n",
        "| a | b |\n|---|---|\n| \"c\" | d |\n",
        "---\n",
        "***\n",
        "   \n",
        "\t\n",
        "...\n",
        "+++\nx = 1\n+++\n",
        "A line that ends\r\nin carriage returns.\r\n",
    ];

    /// Blocks that run on to the end of the draft, or may: after them, every
    /// edit reads the rest of the text.
    const UNCLOSED: &[&str] = &[
        "```\nunclosed fence\n",
        "---\nnot: front matter, unless a closing line follows\n",
        "<script>\nno end tag\n",
    ];

    /// Pieces that make every later parse of the draft a whole one.
    const DEFINITIONS: &[&str] = &["[label]: /url \"title\"\n", "[^1]: The footnote.\n"];

    const FRONT_MATTER: &[&str] = &["---\ntitle: \"Draft\"\n---\n", "+++\ntitle = 1\n+++\n"];

    /// What edits insert.
    const SNIPPETS: &[&str] = &[
        "x", "\n", "\n\n", "```", "~~~", "- ", "> ", "---", "===", "    ", "|", "<div>", "]: /u",
        "[^1]", "\"", "“", "é", "\r\n", "+++", "...", "\n---\n", "1. ", "<!--", "-->", "# ",
        "\n...\n", "  ",
    ];

    fn draft(rng: &mut Rng) -> String {
        let mut text = String::new();
        if rng.below(4) == 0 {
            text.push_str(rng.pick(FRONT_MATTER));
        }
        for _ in 0..10 + rng.below(50) {
            if rng.below(4) != 0 {
                text.push('\n');
            }
            let piece = match rng.below(200) {
                0 => rng.pick(DEFINITIONS),
                1..5 => rng.pick(UNCLOSED),
                5..110 => rng.pick(PROSE),
                _ => rng.pick(PIECES),
            };
            text.push_str(piece);
        }
        text
    }

    /// Bits of markup that a draft of markup soup is strung together from.
    const TOKENS: &[&str] = &[
        "a",
        "b c",
        " ",
        "  ",
        "\t",
        "\n",
        "\n",
        "\n",
        "\n\n",
        "\r",
        "\r\n",
        "-",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        "> ",
        ">",
        "```",
        "~~~",
        "    ",
        "|",
        "| a |",
        "|---|",
        ":-:",
        "<div>",
        "</div>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<?",
        "?>",
        "<![CDATA[",
        "]]>",
        "<a>",
        "---",
        "+++",
        "...",
        "===",
        "***",
        "___",
        "#",
        "# ",
        "\"",
        "“",
        "é",
        "`",
        "*",
        "_",
        "[",
        "]",
        "(",
        ")",
        "\\",
        "&amp;",
        "\u{0b}",
        "\u{0c}",
        "\u{feff}",
        "\0",
    ];

    /// Markup soup: random tokens, for structures the drafts never build.
    fn soup(rng: &mut Rng) -> String {
        (0..rng.below(300)).map(|_| rng.pick(TOKENS)).collect()
    }

    /// The nearest character boundary at or before `at`.
    fn boundary(text: &str, mut at: usize) -> usize {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// `text` with a random insertion, deletion or replacement.
    fn edit(rng: &mut Rng, text: &str) -> String {
        let start = boundary(text, rng.below(text.len() + 1));
        let end = match rng.below(3) {
            0 => start,
            _ => boundary(text, start + 1 + rng.below(24)).max(start),
        };
        let insert = match (end > start, rng.below(3)) {
            (true, 0) => "",
            _ => rng.pick(SNIPPETS),
        };
        format!("{}{insert}{}", &text[..start], &text[end..])
    }

    /// Reparses `new` from `old` with windows of `first_window` bytes and
    /// checks the result against a fresh parse; returns them and the part
    /// of `new` that was read.
    fn check(
        regions: &Regions,
        old: &str,
        new: &str,
        first_window: usize,
    ) -> (Regions, Range<usize>) {
        let (reparsed, read) =
            regions
                .clone()
                .reparse_within(old, new, Edit::between(old, new), first_window);
        let fresh = Regions::parse(new);
        assert_eq!(
            reparsed, fresh,
            "\nold: {old:?}\nnew: {new:?}\nwindow {first_window}"
        );
        assert_eq!(fresh.blocks, prose_regions(new), "{new:?}");
        (reparsed, read)
    }

    /// Runs chains of twelve random edits on drafts from `make` for each
    /// seed, each reparse (with first windows from one byte, so that nearly
    /// every window grows, up to the real one) checked against a fresh parse.
    /// Returns how many edits had a small first window and no definitions in
    /// sight, and how many of those reused the old parse's tail.
    fn edit_chains(seeds: Range<u64>, make: fn(&mut Rng) -> String) -> (usize, usize) {
        let windows = [1, 16, 128, FIRST_WINDOW];
        let (mut eligible, mut resynced) = (0, 0);
        for seed in seeds {
            let mut rng = Rng::new(seed);
            let mut text = make(&mut rng);
            let mut regions = Regions::parse(&text);
            for _ in 0..12 {
                let new = edit(&mut rng, &text);
                let first_window = windows[rng.below(windows.len())];
                let (reparsed, read) = check(&regions, &text, &new, first_window);
                if first_window < FIRST_WINDOW && !regions.definitions && !reparsed.definitions {
                    eligible += 1;
                    if read.end < new.len() {
                        resynced += 1;
                    }
                }
                (regions, text) = (reparsed, new);
            }
        }
        (eligible, resynced)
    }

    #[test]
    fn random_edits_to_drafts_match_a_full_parse() {
        let (eligible, resynced) = edit_chains(0..500, draft);
        // Drafts are short next to the grown windows, and edits near their
        // ends or before their first restart point read on to the end, but
        // the incremental path must still be the common one.
        assert!(
            resynced * 2 > eligible,
            "only {resynced} of {eligible} edits reused the old tail"
        );
    }

    #[test]
    fn random_edits_to_markup_soup_match_a_full_parse() {
        let (_, resynced) = edit_chains(0..500, soup);
        assert!(resynced > 0, "no edit to the soup reused the old tail");
    }

    /// A long draft of ordinary paragraphs under a heading.
    fn long_draft(paragraphs: usize) -> String {
        let mut text = String::from("# Council approves the budget\n\n");
        for i in 0..paragraphs {
            text.push_str(&format!(
                "\"We will keep the libraries open,\" said council member {i}, who voted for \
                 the plan.\nThe vote was seven to two after a hearing that ran past midnight.\n\n"
            ));
        }
        text
    }

    /// The offset where the `n`th paragraph of `long_draft` starts.
    fn paragraph_start(text: &str, n: usize) -> usize {
        text.match_indices("\n\n")
            .nth(n)
            .map(|(at, _)| at + 2)
            .unwrap()
    }

    fn replaced(text: &str, range: Range<usize>, with: &str) -> String {
        format!("{}{with}{}", &text[..range.start], &text[range.end..])
    }

    #[test]
    fn an_edit_in_a_long_draft_reads_one_small_window() {
        let text = long_draft(300);
        let regions = Regions::parse(&text);
        let at = paragraph_start(&text, 150);
        let next = paragraph_start(&text, 151);
        let edits = [
            replaced(&text, at..at, "x"),
            replaced(&text, at + 10..at + 10, "é"),
            replaced(&text, at + 1..at + 2, ""),
            replaced(&text, at + 40..at + 40, "\n\n"),
            // Joins two paragraphs into one.
            replaced(&text, next - 2..next - 1, ""),
        ];
        for new in &edits {
            let (reparsed, read) = check(&regions, &text, new, FIRST_WINDOW);
            assert!(
                read.start > 0 && read.end < new.len() && read.len() < FIRST_WINDOW + 1000,
                "read {read:?} of {} bytes",
                new.len()
            );
            // The public entry point gives the same.
            assert_eq!(regions.clone().reparse(&text, new), reparsed);
        }
        let (same, read) =
            regions
                .clone()
                .reparse_within(&text, &text, Edit::between(&text, &text), FIRST_WINDOW);
        assert_eq!((same, read), (regions, 0..0));
    }

    #[test]
    fn opening_and_closing_a_fence_match_a_full_parse() {
        let text = long_draft(100);
        let regions = Regions::parse(&text);
        let at = paragraph_start(&text, 50);
        let opened = replaced(&text, at..at, "```\n");
        let (opened_regions, read) = check(&regions, &text, &opened, FIRST_WINDOW);
        assert_eq!(read.end, opened.len());
        assert!(opened_regions.blocks.len() < regions.blocks.len());

        // The open fence left no restart point after it to come back to.
        let end = paragraph_start(&opened, 52);
        let closed = replaced(&opened, end..end, "```\n\n");
        let (closed_regions, read) = check(&opened_regions, &opened, &closed, FIRST_WINDOW);
        assert_eq!(read.end, closed.len());

        // Once it is closed, an edit inside it reads a window again.
        let inside = paragraph_start(&closed, 51);
        let edited = replaced(&closed, inside..inside, "x");
        let (_, read) = check(&closed_regions, &closed, &edited, FIRST_WINDOW);
        assert!(read.end < edited.len(), "read {read:?}");
    }

    #[test]
    fn closing_or_continuing_a_list_matches_a_full_parse() {
        let text = format!(
            "Intro.\n\n- one\n\n- two\n\nAfter the list.\n\n{}",
            long_draft(20)
        );
        let regions = Regions::parse(&text);
        let two = text.find("- two").unwrap();
        let after = text.find("After").unwrap();
        for new in [
            // The item marker goes: the list ends after its first item.
            replaced(&text, two..two + 2, ""),
            // Indented, the paragraph after the list joins its last item.
            replaced(&text, after..after, "  "),
            // A new item after the blank line continues the list.
            replaced(&text, after..after, "- "),
            replaced(&text, after..after, "3. "),
            // A thematic break ends it.
            replaced(&text, two..two, "***\n\n"),
        ] {
            check(&regions, &text, &new, FIRST_WINDOW);
            check(&regions, &text, &new, 1);
        }
    }

    #[test]
    fn underlining_a_paragraph_makes_a_setext_heading() {
        let text = long_draft(30);
        let regions = Regions::parse(&text);
        let line_end =
            text[paragraph_start(&text, 10)..].find('\n').unwrap() + paragraph_start(&text, 10);
        // A run of `=` or `-` under a paragraph line underlines it; spaces
        // between the marks do not.
        for (underline, added) in [("\n===", 1), ("\n---", 1), ("\n-", 1), ("\n= =", 0)] {
            let new = replaced(&text, line_end..line_end, underline);
            let (reparsed, _) = check(&regions, &text, &new, FIRST_WINDOW);
            let headings = |r: &Regions| {
                r.blocks
                    .iter()
                    .filter(|b| b.kind == super::super::BlockKind::Heading)
                    .count()
            };
            assert_eq!(
                headings(&reparsed),
                headings(&regions) + added,
                "{underline:?}"
            );
        }
    }

    #[test]
    fn a_new_definition_makes_a_full_parse() {
        let text = format!("{}See [the report] for more.\n", long_draft(30));
        let regions = Regions::parse(&text);
        let at = paragraph_start(&text, 3);
        for definition in [
            "[the report]: https://example.invalid/\n\n",
            "[^x]: A note.\n\n",
        ] {
            let new = replaced(&text, at..at, definition);
            let (reparsed, read) = check(&regions, &text, &new, FIRST_WINDOW);
            assert_eq!(read, 0..new.len());
            // Taking it out again is a full parse too, as the old text has it.
            let (_, read) = check(&reparsed, &new, &text, FIRST_WINDOW);
            assert_eq!(read, 0..text.len());
        }
        // The link now has its destination left out of the prose.
        let new = replaced(&text, at..at, "[the report]: https://example.invalid/\n\n");
        let last = |t: &str| Regions::parse(t).blocks.last().unwrap().segments.len();
        assert_ne!(last(&text), last(&new));
    }

    #[test]
    fn editing_front_matter_matches_a_full_parse() {
        let text = format!("---\ntitle: \"Budget\"\n---\n\n{}", long_draft(40));
        let regions = Regions::parse(&text);
        let title = text.find("Budget").unwrap();
        let close = text[4..].find("---").unwrap() + 4;
        for new in [
            replaced(&text, title..title, "City "),
            // Without its closing line it is no metadata block, unless a
            // closing line turns up further down.
            replaced(&text, close..close + 3, ""),
            replaced(&text, close..close + 3, "..."),
            replaced(&text, 0..1, ""),
            replaced(&text, 0..0, "---\n"),
        ] {
            let (_, read) = check(&regions, &text, &new, FIRST_WINDOW);
            check(&regions, &text, &new, 1);
            if new.starts_with("---\ntitle") && new.contains("\n---\n\n") {
                assert!(read.end < new.len(), "read {read:?}");
            }
        }
    }

    #[test]
    fn an_edit_is_the_span_between_the_common_prefix_and_suffix() {
        let old = "One.\n\nTwo words.\n\nThree.";
        let new = "One.\n\nTwo new words.\n\nThree.";
        let edit = Edit::between(old, new);
        assert_eq!((edit.prefix, edit.old_end, edit.new_end), (10, 10, 14));
        // Untouched text before the change stays put, after it moves by
        // the change in length; text the change overlaps has no old place.
        assert_eq!(edit.old_start(0, 4), Some(0));
        assert_eq!(edit.old_start(24, 30), Some(20));
        assert_eq!(edit.old_start(6, 21), None);
        assert_eq!(edit.old_start(14, 20), Some(10));
        // Repeated text: the suffix is the longest one after the prefix.
        let edit = Edit::between("aaaa", "aaaaaa");
        assert_eq!((edit.prefix, edit.old_end, edit.new_end), (4, 4, 6));
        let same = Edit::between(old, old);
        assert_eq!(same.old_start(0, old.len()), Some(0));
    }

    #[test]
    fn a_closing_line_far_down_leaves_the_prose_between() {
        // Past the start of a draft, `---` and a line of text are a rule and
        // a paragraph, whatever closing line comes later.
        let text = format!(
            "{}---\nnot front matter\n\n{}",
            long_draft(20),
            long_draft(200)
        );
        let regions = Regions::parse(&text);
        let far = paragraph_start(&text, 150);
        let new = replaced(&text, far..far, "...\n\n");
        let (reparsed, _) = check(&regions, &text, &new, FIRST_WINDOW);
        // The `...` line is a paragraph of its own, and nothing is hidden.
        assert_eq!(reparsed.blocks.len(), regions.blocks.len() + 1);
        check(&reparsed, &new, &text, FIRST_WINDOW);
        let between = paragraph_start(&new, 100);
        let edited = replaced(&new, between..between, "x");
        check(&reparsed, &new, &edited, FIRST_WINDOW);
    }

    #[test]
    fn line_ends_with_carriage_returns_allow_restarts() {
        let text = long_draft(100).replace('\n', "\r\n");
        let regions = Regions::parse(&text);
        let at = paragraph_start(&text.replace("\r\n", "\n"), 50) + 150;
        let at = (at..).find(|&i| text[i..].starts_with("\r\n\r\n")).unwrap() + 4;
        let new = replaced(&text, at..at, "x");
        let (_, read) = check(&regions, &text, &new, FIRST_WINDOW);
        assert!(read.start > 0 && read.end < new.len(), "read {read:?}");
    }
}
