//! Prose regions of a Markdown draft: the text a reporter wrote as sentences,
//! with code, front matter, HTML, images and link destinations left out.
//!
//! Offsets come from pulldown-cmark's offset iterator, so every segment is a
//! byte range of the original text.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use crate::text::Span;

mod edit;
mod incremental;
mod lines;
mod restarts;

pub use edit::Edit;
pub use incremental::Regions;
pub use lines::line_paragraphs;

/// What kind of block a region of prose is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    BlockQuote,
    TableCell,
}

/// One block of prose. `segments` are the byte ranges of its prose text in
/// document order: inline code, HTML, emphasis marks and link destinations
/// are gaps between segments, and the block's own markup (`> `, `- `, `# `)
/// is outside them. Adjacent ranges are merged, so a plain paragraph is one
/// segment, line breaks included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// The whole block, markup included.
    pub span: Span,
    pub segments: Vec<Span>,
}

impl Block {
    /// The prose extent: from the first segment's start to the last one's end.
    pub fn prose_span(&self) -> Span {
        match (self.segments.first(), self.segments.last()) {
            (Some(first), Some(last)) => Span::new(first.start, last.end),
            _ => Span::new(self.span.start, self.span.start),
        }
    }

    /// Whether `offset` falls inside one of the prose segments.
    pub fn is_prose(&self, offset: usize) -> bool {
        self.segments
            .iter()
            .any(|s| s.start <= offset && offset < s.end)
    }
}

#[derive(Clone, Copy)]
enum Container {
    BlockQuote,
    Item(Span),
}

/// How a block at the top level of the document ends, which decides whether
/// a parse may restart after it (see `incremental`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Nothing continues it once it has ended (at a blank line, or at its
    /// closing fence, tag or line), and its lines after the first are read
    /// as its own content, never as the start of a new block: paragraphs,
    /// headings, fenced code, HTML and metadata blocks.
    Leaf,
    /// Nothing continues it once it has ended, but each of its lines is read
    /// as a possible block start: block quotes, tables and thematic breaks.
    Closed,
    /// A later line may still continue it, even after blank lines (lists,
    /// indented code, footnote definitions), or it is something unexpected.
    Open,
}

/// A block at the top level of the document: its whole byte range and shape.
#[derive(Clone, Copy, Debug)]
struct TopLevel {
    start: usize,
    end: usize,
    shape: Shape,
}

impl TopLevel {
    fn new(range: &std::ops::Range<usize>, shape: Shape) -> Self {
        TopLevel {
            start: range.start,
            end: range.end,
            shape,
        }
    }
}

/// The shape of a block that opens with `tag` at the top level.
fn shape_of(tag: &Tag) -> Shape {
    match tag {
        Tag::Paragraph
        | Tag::Heading { .. }
        | Tag::HtmlBlock
        | Tag::MetadataBlock(_)
        | Tag::CodeBlock(CodeBlockKind::Fenced(_)) => Shape::Leaf,
        Tag::BlockQuote(_) | Tag::Table(_) => Shape::Closed,
        _ => Shape::Open,
    }
}

/// The parser options drafts are read with after their front matter.
/// pulldown-cmark reads a `---` or `+++` metadata block wherever a block may
/// start, so a thematic break followed by a line of text would hide every
/// paragraph down to the next `---` line; only a draft's first lines can be
/// front matter (`front_matter_end`).
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// The prose blocks of `text`, in document order.
pub fn prose_regions(text: &str) -> Vec<Block> {
    walk(text, true, |_| {})
}

/// Where the front matter `text` opens with ends (a `---` or `+++`
/// metadata block, as pulldown-cmark reads one at the start), or 0.
fn front_matter_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let Some(fence @ (b'-' | b'+')) = bytes.first().copied() else {
        return 0;
    };
    // The opening line: exactly three fence characters, then white space.
    let first = line_end(bytes, 0);
    if !bytes.starts_with(&[fence; 3]) || !bytes[3..first].iter().all(u8::is_ascii_whitespace) {
        return 0;
    }
    // The first line after it that closes it, as the parser's scan finds it:
    // the block then ends with that line. The parser, given the text up to
    // there, says whether it is one.
    let closes = |line: &[u8]| {
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        (body.starts_with(&[fence; 3]) || (fence == b'-' && body.starts_with(b"...")))
            && body[3..].iter().all(|&b| b == b' ')
    };
    let mut at = first;
    while at < bytes.len() {
        let end = line_end(bytes, at);
        if closes(&bytes[at..end]) {
            let options = options()
                | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
                | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
            return match Parser::new_ext(&text[..end], options)
                .into_offset_iter()
                .next()
            {
                Some((Event::Start(Tag::MetadataBlock(_)), range)) if range.start == 0 => range.end,
                _ => 0,
            };
        }
        at = end;
    }
    0
}

/// The end of the line that `at` is on, past its line feed, or the end of the
/// text.
fn line_end(text: &[u8], at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |i| at + i + 1)
}

/// The prose blocks of `text`, in document order, handing each block at the
/// top level of the document to `top_level` as the parser opens it. The
/// text is a whole draft when `whole` is set, and may open with front
/// matter; otherwise it is a window of one (see `incremental`).
fn walk(text: &str, whole: bool, mut top_level: impl FnMut(TopLevel)) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut containers: Vec<Container> = Vec::new();
    let mut skip_depth = 0usize;
    let mut depth = 0usize;

    let front = if whole { front_matter_end(text) } else { 0 };
    if front > 0 {
        top_level(TopLevel::new(&(0..front), Shape::Leaf));
    }
    let events = Parser::new_ext(&text[front..], options())
        .into_offset_iter()
        .map(|(event, range)| (event, range.start + front..range.end + front));
    for (event, range) in events {
        match &event {
            Event::Start(tag) => {
                if depth == 0 {
                    top_level(TopLevel::new(&range, shape_of(tag)));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Rule if depth == 0 => top_level(TopLevel::new(&range, Shape::Closed)),
            // Nothing else is expected outside a block; if it comes, nothing
            // may restart right after it.
            _ if depth == 0 => top_level(TopLevel::new(&range, Shape::Open)),
            _ => {}
        }
        let span = Span::new(range.start, range.end);
        match event {
            Event::Start(
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock | Tag::Image { .. },
            ) => {
                skip_depth += 1;
            }
            Event::End(
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock | TagEnd::Image,
            ) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            _ if skip_depth > 0 => {}
            Event::Start(Tag::Paragraph) => {
                close(&mut current, &mut blocks);
                let kind = match containers.last() {
                    Some(Container::BlockQuote) => BlockKind::BlockQuote,
                    Some(Container::Item(_)) => BlockKind::ListItem,
                    None => BlockKind::Paragraph,
                };
                current = Some(open(kind, span));
            }
            Event::Start(Tag::Heading { .. }) => {
                close(&mut current, &mut blocks);
                current = Some(open(BlockKind::Heading, span));
            }
            Event::Start(Tag::TableCell) => {
                close(&mut current, &mut blocks);
                current = Some(open(BlockKind::TableCell, span));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => {
                close(&mut current, &mut blocks);
            }
            Event::Start(Tag::BlockQuote(_)) => {
                close(&mut current, &mut blocks);
                containers.push(Container::BlockQuote);
            }
            Event::Start(Tag::Item) => {
                close(&mut current, &mut blocks);
                containers.push(Container::Item(span));
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::Item) => {
                close(&mut current, &mut blocks);
                containers.pop();
            }
            Event::Text(_) | Event::SoftBreak | Event::HardBreak => {
                if current.is_none() {
                    // Text straight inside a tight list item has no paragraph.
                    if let Some(Container::Item(item)) = containers.last() {
                        current = Some(open(BlockKind::ListItem, *item));
                    }
                }
                if let Some(block) = current.as_mut() {
                    push_segment(&mut block.segments, span);
                }
            }
            _ => {}
        }
    }
    close(&mut current, &mut blocks);
    blocks
}

fn open(kind: BlockKind, span: Span) -> Block {
    Block {
        kind,
        span,
        segments: Vec::new(),
    }
}

fn close(current: &mut Option<Block>, blocks: &mut Vec<Block>) {
    if let Some(block) = current.take() {
        if !block.segments.is_empty() {
            blocks.push(block);
        }
    }
}

fn push_segment(segments: &mut Vec<Span>, span: Span) {
    if span.is_empty() {
        return;
    }
    match segments.last_mut() {
        Some(last) if last.end == span.start => last.end = span.end,
        _ => segments.push(span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> Vec<(BlockKind, Vec<&str>)> {
        prose_regions(text)
            .into_iter()
            .map(|b| (b.kind, b.segments.iter().map(|s| s.slice(text)).collect()))
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_quotes() {
        let text = "# Port strike ends\n\nThe union said \"we won.\"\nIt was late.\n\n> \"Back to work,\" she said.\n";
        assert_eq!(
            prose(text),
            vec![
                (BlockKind::Heading, vec!["Port strike ends"]),
                (
                    BlockKind::Paragraph,
                    vec!["The union said \"we won.\"\nIt was late."]
                ),
                (BlockKind::BlockQuote, vec!["\"Back to work,\" she said."]),
            ]
        );
    }

    #[test]
    fn code_front_matter_html_and_urls_are_not_prose() {
        let text = "---\ntitle: \"Draft\"\n---\n\nSee `\"x\"` and [the \"report\"](http://example.com/\"q\").\n\n```\n\"not a quote\n```\n\n<div>\"html\"</div>\n\n    \"indented code\"\n";
        assert_eq!(
            prose(text),
            vec![(
                BlockKind::Paragraph,
                vec!["See ", " and ", "the \"report\"", "."]
            )]
        );
    }

    #[test]
    fn only_the_first_lines_of_a_draft_are_front_matter() {
        for text in [
            "---\ntitle: \"Draft\"\n---\nThe mayor spoke.\n",
            "+++\ntitle = \"Draft\"\n+++\n\nThe mayor spoke.\n",
            "---\ntitle: Draft\n...\nThe mayor spoke.",
        ] {
            assert_eq!(
                prose(text),
                vec![(BlockKind::Paragraph, vec!["The mayor spoke."])],
                "{text:?}"
            );
        }
        // A rule with text right under it, and a rule further down: the
        // paragraphs between are prose, not a metadata block.
        let text = "Intro.\n\n---\n\"We vote,\" Roe said.\n\nMore.\n\n---\n";
        assert_eq!(
            prose(text),
            vec![
                (BlockKind::Paragraph, vec!["Intro."]),
                (BlockKind::Paragraph, vec!["\"We vote,\" Roe said."]),
                (BlockKind::Paragraph, vec!["More."]),
            ]
        );
        // Not front matter: a blank first line, four dashes, no closing line.
        for text in ["---\n\ntitle\n---\n", "----\ntitle\n----\n", "---\ntitle\n"] {
            assert!(!prose(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn list_items_tight_and_loose() {
        let text = "- \"Tight,\" he said.\n- Second item\n\n1. Loose one\n\n2. Loose two\n";
        let kinds: Vec<_> = prose(text);
        assert_eq!(
            kinds,
            vec![
                (BlockKind::ListItem, vec!["\"Tight,\" he said."]),
                (BlockKind::ListItem, vec!["Second item"]),
                (BlockKind::ListItem, vec!["Loose one"]),
                (BlockKind::ListItem, vec!["Loose two"]),
            ]
        );
    }

    #[test]
    fn odd_input_does_not_break_offsets() {
        for text in [
            "",
            "\"",
            "> ",
            "*\"*",
            "| a |\n|---|\n| \"b\" |\n",
            "\u{feff}“héllo”",
        ] {
            for block in prose_regions(text) {
                for s in &block.segments {
                    assert!(text.get(s.start..s.end).is_some(), "{text:?} {s:?}");
                }
            }
        }
    }
}
