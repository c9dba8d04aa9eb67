use serde::Serialize;

/// A half-open range of UTF-8 byte offsets into one document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `offset` lies inside the span; the end offset counts, so a
    /// cursor just after the last character still hits it.
    pub const fn touches(&self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }

    pub const fn contains_span(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same span in a text where what stood at `from` now stands at
    /// `to`: for work on a paragraph that moved when text before it changed.
    /// A span that starts before `from` would leave the paragraph, and is
    /// moved as far as it can be without wrapping.
    pub const fn moved(self, from: usize, to: usize) -> Span {
        Span {
            start: self.start.saturating_sub(from).saturating_add(to),
            end: self.end.saturating_sub(from).saturating_add(to),
        }
    }

    /// The text the span covers, or "" when it does not fit `text` or cuts a
    /// character in two.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}
