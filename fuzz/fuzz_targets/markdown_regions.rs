//! Prose regions of any text: every block and segment is a byte range of
//! the text that starts and ends on character boundaries, segments are
//! non-empty and in document order across all blocks (what the analysis
//! relies on), and each lies inside its block. Blocks themselves come in
//! the order of their prose: a list item holding a heading starts before
//! the heading but its own prose comes after it.
//!
//! Then the regions of two edits in a row, each reparsed from the regions
//! before it, must equal a fresh parse of the edited text. The text edited
//! is the input repeated to at least 8 KiB, so that the first window, which
//! reaches 2 KiB past the change, seldom runs to the end and the splice is
//! what gets checked. The input's first six bytes describe the edits, three
//! each (see `edited`).

#![no_main]

use copydesk::markdown::{prose_regions, Regions};
use copydesk::text::Span;
use libfuzzer_sys::fuzz_target;

/// How long the text that is edited is at least.
const EDITED_LEN: usize = 8 * 1024;

/// What an edit may insert: markup that opens, closes or interrupts blocks.
const SNIPPETS: &[&str] = &[
    "x", "\n", "\n\n", "```", "~~~", "- ", "> ", "---", "===", "    ", "|", "<div>", "]: /u",
    "[^1]", "\"", "“", "é", "\r\n", "+++", "...", "\n---\n", "1. ", "<!--", "-->", "# ", "\t",
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut last_end = 0;
    for block in prose_regions(&text) {
        assert_slices(&text, block.span, "block span");
        assert!(!block.segments.is_empty(), "block {block:?} has no prose");
        for &segment in &block.segments {
            assert_slices(&text, segment, "segment");
            assert!(!segment.is_empty(), "empty segment in {block:?}");
            assert!(
                block.span.contains_span(segment),
                "segment {segment:?} lies outside its block {block:?}"
            );
            assert!(
                segment.start >= last_end,
                "segment {segment:?} starts before the previous one ends at {last_end}"
            );
            last_end = segment.end;
        }
    }

    let copies = EDITED_LEN.div_ceil(text.len().max(1));
    let mut old = text.repeat(copies);
    let mut regions = Regions::parse(&old);
    assert_eq!(regions.blocks, prose_regions(&old));
    for spec in data.chunks(3).take(2) {
        let new = edited(&old, spec);
        let reparsed = regions.reparse(&old, &new);
        assert_eq!(
            reparsed,
            Regions::parse(&new),
            "reparse differs from a fresh parse\nold: {old:?}\nnew: {new:?}"
        );
        (old, regions) = (new, reparsed);
    }
});

/// `text` with one edit, described by up to three bytes: where it starts
/// (as a fraction of the text), how many bytes it removes (up to 63), and
/// what it inserts: one of `SNIPPETS` for values below 128, else a copy of
/// the up to 127 bytes that follow the start.
fn edited(text: &str, spec: &[u8]) -> String {
    let byte = |i: usize| usize::from(spec.get(i).copied().unwrap_or(0));
    let start = floor_boundary(text, byte(0) * text.len() / 255);
    let end = floor_boundary(text, start + byte(1) % 64).max(start);
    let insert = match byte(2) {
        k if k < 128 => SNIPPETS[k % SNIPPETS.len()],
        k => &text[start..floor_boundary(text, start + k - 128)],
    };
    format!("{}{insert}{}", &text[..start], &text[end..])
}

/// The last character boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn assert_slices(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && text.get(span.start..span.end).is_some(),
        "{what} {span:?} is not a range of char boundaries in a text of {} bytes",
        text.len()
    );
}
