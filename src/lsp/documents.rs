//! Open documents: the editor's buffer as a rope, its version, and what
//! copydesk derived from that exact text.

use std::sync::{Mutex, OnceLock};

use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

use super::convert::{rope_offset, Positions};
use crate::analysis::{self, Analysis, Reuse};
use crate::config::Config;
use crate::kb::Kb;
use crate::text::{Encoding, LineIndex};

/// The editor's text of an open document at the version it last sent: what
/// the next change applies to. Its analysis, a `Document`, may lag behind it
/// while the editor types (see `lsp::pacing`).
#[derive(Clone, Debug)]
pub struct Buffer {
    pub version: i32,
    /// Which opening of the document this is: a document closed and
    /// opened again starts a new session, and work begun on the old one is
    /// dropped, even where its version numbers are higher.
    pub session: u64,
    rope: Rope,
}

/// One analysed version of an open document. A document is never edited in
/// place: an update builds a new `Document`, which replaces the old one
/// whole, so readers always see a text, its line index and its analysis
/// that belong together.
#[derive(Debug)]
pub struct Document {
    pub version: i32,
    pub text: String,
    pub line_index: LineIndex,
    pub analysis: Analysis,
    /// The analysis's work on each paragraph, for the next version to reuse
    /// where its paragraphs are unchanged. Taken by the first update built
    /// on this document; a second update built on it (when two race)
    /// analyses from scratch, to the same result.
    reuse: Mutex<Option<Reuse>>,
    /// Set once this version's summary is in the workspace index (or
    /// found to have no place there): `State::index_document`.
    pub(super) indexed: OnceLock<()>,
}

/// Why a change notification was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeError {
    /// The change is not newer than the text copydesk holds; notifications
    /// can arrive out of order.
    Stale { stored: i32, received: i32 },
    /// A change's range starts or ends on a line the document does not have.
    LineOutOfRange {
        change: usize,
        line: u32,
        lines: usize,
    },
    /// A change's range ends before it starts.
    Backwards { change: usize },
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeError::Stale { stored, received } => write!(
                f,
                "version {received} is not newer than the version {stored} copydesk holds"
            ),
            ChangeError::LineOutOfRange {
                change,
                line,
                lines,
            } => write!(
                f,
                "change {change} refers to line {line}, but the document has {lines} lines \
                 (counting from 0); the editor and copydesk disagree on the text, so \
                 reopen the file to resynchronise"
            ),
            ChangeError::Backwards { change } => {
                write!(f, "change {change} has a range that ends before it starts")
            }
        }
    }
}

impl Buffer {
    pub fn new(version: i32, session: u64, text: &str) -> Buffer {
        Buffer {
            version,
            session,
            rope: Rope::from_str(text),
        }
    }

    /// The buffer after `changes`, applied in order, at `version`. Either
    /// every change applies or none does.
    pub fn with_changes(
        &self,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: Encoding,
    ) -> Result<Buffer, ChangeError> {
        if version <= self.version {
            return Err(ChangeError::Stale {
                stored: self.version,
                received: version,
            });
        }
        let mut rope = self.rope.clone();
        for (i, change) in changes.iter().enumerate() {
            let Some(range) = change.range else {
                rope = Rope::from_str(&change.text);
                continue;
            };
            let offset = |position: tower_lsp_server::ls_types::Position| {
                rope_offset(&rope, position, encoding).ok_or(ChangeError::LineOutOfRange {
                    change: i,
                    line: position.line,
                    lines: rope.len_lines(),
                })
            };
            let start = offset(range.start)?;
            let end = offset(range.end)?;
            if end < start {
                return Err(ChangeError::Backwards { change: i });
            }
            let start = rope.byte_to_char(start);
            let end = rope.byte_to_char(end);
            rope.remove(start..end);
            rope.insert(start, &change.text);
        }
        Ok(Buffer {
            version,
            session: self.session,
            rope,
        })
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }
}

impl Document {
    /// A document holding `text` at `version`, analysed with `config` and `kb`.
    pub fn new(version: i32, text: &str, config: &Config, kb: &Kb) -> Document {
        Document::analysed(version, text.to_string(), config, kb, Reuse::new())
    }

    /// The analysis of `buffer`, the first of its opening.
    pub fn first(buffer: &Buffer, config: &Config, kb: &Kb) -> Document {
        Document::analysed(buffer.version, buffer.text(), config, kb, Reuse::new())
    }

    /// The analysis of `buffer`, reusing what the analysis of `previous`
    /// (an earlier version of the same document) kept, where its paragraphs
    /// are unchanged.
    pub fn update(previous: &Document, buffer: &Buffer, config: &Config, kb: &Kb) -> Document {
        let reuse = previous
            .reuse
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take()
            .unwrap_or_default();
        Document::analysed(buffer.version, buffer.text(), config, kb, reuse)
    }

    fn analysed(
        version: i32,
        text: String,
        config: &Config,
        kb: &Kb,
        mut reuse: Reuse,
    ) -> Document {
        let line_index = LineIndex::new(&text);
        let analysis = analysis::analyze_reusing(&text, config, kb, &mut reuse);
        Document {
            version,
            text,
            line_index,
            analysis,
            reuse: Mutex::new(Some(reuse)),
            indexed: OnceLock::new(),
        }
    }

    /// This document's text as the protocol addresses it.
    pub fn positions(&self, encoding: Encoding) -> Positions<'_> {
        Positions {
            text: &self.text,
            index: &self.line_index,
            encoding,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn edit(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(start.0, start.1),
                Position::new(end.0, end.1),
            )),
            range_length: None,
            text: text.to_string(),
        }
    }

    fn full(text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: text.to_string(),
        }
    }

    fn apply(
        doc: &Buffer,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: Encoding,
    ) -> Result<Document, ChangeError> {
        let previous = Document::new(doc.version, &doc.text(), &Config::default(), &Kb::default());
        let buffer = doc.with_changes(version, changes, encoding)?;
        Ok(Document::update(
            &previous,
            &buffer,
            &Config::default(),
            &Kb::default(),
        ))
    }

    fn open(text: &str) -> Buffer {
        Buffer::new(1, 0, text)
    }

    #[test]
    fn several_changes_apply_in_order() {
        let doc = open("\"This is a disgrace.\"\nEnd.\n");
        // The second change addresses the text the first one produced.
        let changes = [
            edit((0, 21), (0, 21), " the mayor said."),
            edit((0, 22), (0, 31), "Mayor Jane Roe"),
            edit((1, 0), (1, 4), "Fin."),
        ];
        let doc = apply(&doc, 2, &changes, Encoding::Utf16).unwrap();
        assert_eq!(
            doc.text,
            "\"This is a disgrace.\" Mayor Jane Roe said.\nFin.\n"
        );
        assert_eq!(doc.version, 2);
        assert_eq!(doc.line_index, LineIndex::new(&doc.text));
    }

    #[test]
    fn columns_follow_the_negotiated_encoding() {
        let text = "😀 “Hi,” 他说.\n";
        let doc = open(text);
        // Replace `Hi` after the emoji, a space and an opening curly quote.
        let utf16 = apply(&doc, 2, &[edit((0, 4), (0, 6), "Hello")], Encoding::Utf16).unwrap();
        let utf8 = apply(&doc, 2, &[edit((0, 8), (0, 10), "Hello")], Encoding::Utf8).unwrap();
        assert_eq!(utf16.text, "😀 “Hello,” 他说.\n");
        assert_eq!(utf8.text, utf16.text);
    }

    #[test]
    fn a_change_without_a_range_replaces_the_text_and_later_ones_apply_to_it() {
        let doc = open("old text");
        let changes = [full("new\ntext"), edit((1, 0), (1, 0), "more ")];
        let doc = apply(&doc, 5, &changes, Encoding::Utf16).unwrap();
        assert_eq!(doc.text, "new\nmore text");
    }

    #[test]
    fn columns_past_the_end_of_a_line_clamp_to_it() {
        let doc = open("ab\ncd\n");
        let doc = apply(&doc, 2, &[edit((0, 99), (0, 120), "!")], Encoding::Utf16).unwrap();
        assert_eq!(doc.text, "ab!\ncd\n");
    }

    #[test]
    fn stale_versions_and_bad_ranges_leave_the_document_alone() {
        let doc = open("ab\ncd\n");
        assert_eq!(
            apply(&doc, 1, &[full("x")], Encoding::Utf16).unwrap_err(),
            ChangeError::Stale {
                stored: 1,
                received: 1
            }
        );
        // One bad change rejects the whole notification.
        let changes = [edit((0, 0), (0, 0), "ok "), edit((7, 0), (7, 1), "x")];
        assert_eq!(
            apply(&doc, 2, &changes, Encoding::Utf16).unwrap_err(),
            ChangeError::LineOutOfRange {
                change: 1,
                line: 7,
                lines: 3
            }
        );
        assert_eq!(
            apply(&doc, 2, &[edit((1, 2), (0, 0), "x")], Encoding::Utf16).unwrap_err(),
            ChangeError::Backwards { change: 0 }
        );
        assert_eq!(doc.text(), "ab\ncd\n");
    }
}
