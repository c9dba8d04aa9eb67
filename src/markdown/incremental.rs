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
//!    for its closing line (see `restarts::metadata_lookahead`).
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

use memchr::memmem;

use super::edit::Edit;
use super::restarts::restart_points;
use super::{line_end, walk, Block};
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

#[cfg(test)]
mod tests;
