//! Prose regions of any text: every block and segment is a byte range of
//! the text that starts and ends on character boundaries, segments are
//! non-empty and in document order across all blocks (what the analysis
//! relies on), and each lies inside its block. Blocks themselves come in
//! the order of their prose: a list item holding a heading starts before
//! the heading but its own prose comes after it.

#![no_main]

use copydesk::markdown::prose_regions;
use copydesk::text::Span;
use libfuzzer_sys::fuzz_target;

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
});

fn assert_slices(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && text.get(span.start..span.end).is_some(),
        "{what} {span:?} is not a range of char boundaries in a text of {} bytes",
        text.len()
    );
}
