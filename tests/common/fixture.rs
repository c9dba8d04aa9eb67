//! Drafts written as test data, with their positions marked in the text.
//!
//! A fixture is the text of one or more files. Inside a file, `$0` marks the
//! cursor (at most one per file) and `⟦...⟧` marks a range (any number, and
//! they may nest). Both markers are taken out of the text; what is left is
//! exactly what the server sees. Several files are written one after the
//! other, each after a header line `//- /path/in/the/workspace.md`:
//!
//! ```text
//! //- /hearing.md
//! "We can replace them," ⟦she⟧ said.
//! //- /copydesk.toml
//! [rules]
//! ```
//!
//! A leading line break is dropped and the common indentation of the lines
//! is taken off, so a fixture can sit indented in a raw string literal.
//! Positions come as LSP JSON (`{ "line", "character" }`) in either
//! encoding, counted here from the text, independently of copydesk.

use std::ops::Range;
use std::path::Path;

use serde_json::{json, Value};

/// How an LSP position counts the characters before it on its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    Utf8,
}

impl Encoding {
    /// Both encodings, for tests that must hold under either.
    pub const BOTH: [Encoding; 2] = [Encoding::Utf16, Encoding::Utf8];

    /// The name the protocol gives it (`general.positionEncodings`).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf16 => "utf-16",
            Encoding::Utf8 => "utf-8",
        }
    }

    /// Client capabilities that offer this encoding and no other.
    pub fn capabilities(self) -> Value {
        json!({ "general": { "positionEncodings": [self.name()] } })
    }
}

const CURSOR: &str = "$0";
const RANGE_OPEN: char = '⟦';
const RANGE_CLOSE: char = '⟧';
const FILE_HEADER: &str = "//- ";

/// One or more files with their markers taken out.
#[derive(Debug)]
pub struct Fixture {
    files: Vec<FixtureFile>,
}

/// One file of a fixture: its text without markers, and where they were.
#[derive(Debug)]
pub struct FixtureFile {
    /// The path from the header, `/` first; `/draft.md` without a header.
    pub path: String,
    /// The text as the server sees it.
    pub text: String,
    cursor: Option<usize>,
    /// Byte ranges into `text`, in the order their `⟦` appear.
    ranges: Vec<Range<usize>>,
}

impl Fixture {
    /// Read a fixture; panics on a marker out of place, since that is a
    /// mistake in the test.
    pub fn parse(fixture: &str) -> Fixture {
        let fixture = dedent(fixture.strip_prefix('\n').unwrap_or(fixture));
        if !fixture.starts_with(FILE_HEADER) {
            return Fixture {
                files: vec![FixtureFile::parse("/draft.md", &fixture)],
            };
        }
        let mut files: Vec<(String, String)> = Vec::new();
        for line in fixture.split_inclusive('\n') {
            match line.strip_prefix(FILE_HEADER) {
                Some(path) => files.push((path.trim().to_string(), String::new())),
                None => files.last_mut().unwrap().1.push_str(line),
            }
        }
        let files = files
            .iter()
            .map(|(path, text)| {
                assert!(
                    path.starts_with('/'),
                    "a fixture path starts with /: {path}"
                );
                FixtureFile::parse(path, text)
            })
            .collect();
        Fixture { files }
    }

    /// The file at `path`.
    pub fn file(&self, path: &str) -> &FixtureFile {
        self.files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no file {path} in the fixture"))
    }

    /// The only file of a single-file fixture.
    pub fn only(&self) -> &FixtureFile {
        assert_eq!(self.files.len(), 1, "the fixture has several files");
        &self.files[0]
    }

    /// The files, in the order they are written.
    pub fn files(&self) -> &[FixtureFile] {
        &self.files
    }

    /// Write every file under `root`, making folders as needed.
    pub fn write_to(&self, root: &Path) {
        for file in &self.files {
            let path = file.path_in(root);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &file.text).unwrap();
        }
    }
}

impl FixtureFile {
    fn parse(path: &str, marked: &str) -> FixtureFile {
        let mut text = String::with_capacity(marked.len());
        let mut cursor = None;
        let mut ranges: Vec<Range<usize>> = Vec::new();
        // Indexes into `ranges` of the ranges opened and not yet closed.
        let mut open = Vec::new();
        let mut rest = marked;
        while let Some(c) = rest.chars().next() {
            if rest.starts_with(CURSOR) {
                assert!(cursor.is_none(), "two cursors in {path}");
                cursor = Some(text.len());
                rest = &rest[CURSOR.len()..];
                continue;
            }
            match c {
                RANGE_OPEN => {
                    open.push(ranges.len());
                    ranges.push(text.len()..text.len());
                }
                RANGE_CLOSE => {
                    let at = open.pop().unwrap_or_else(|| {
                        panic!("a {RANGE_CLOSE} with no {RANGE_OPEN} in {path}")
                    });
                    ranges[at].end = text.len();
                }
                _ => text.push(c),
            }
            rest = &rest[c.len_utf8()..];
        }
        assert!(open.is_empty(), "a {RANGE_OPEN} never closed in {path}");
        FixtureFile {
            path: path.to_string(),
            text,
            cursor,
            ranges,
        }
    }

    /// Where this file goes under a workspace folder.
    pub fn path_in(&self, root: &Path) -> std::path::PathBuf {
        root.join(&self.path[1..])
    }

    /// The `file:` URI of this file under a workspace folder.
    pub fn uri_in(&self, root: &Path) -> String {
        super::file_uri(&self.path_in(root))
    }

    /// The byte offset of `$0`.
    pub fn cursor_offset(&self) -> usize {
        self.cursor
            .unwrap_or_else(|| panic!("no $0 in {}", self.path))
    }

    /// The position of `$0`.
    pub fn cursor(&self, encoding: Encoding) -> Value {
        self.position(self.cursor_offset(), encoding)
    }

    /// Every `⟦...⟧` range, in the order they open.
    pub fn ranges(&self, encoding: Encoding) -> Vec<Value> {
        self.ranges
            .iter()
            .map(|r| self.range_of_span(r.clone(), encoding))
            .collect()
    }

    /// The one `⟦...⟧` range of the file.
    pub fn range(&self, encoding: Encoding) -> Value {
        assert_eq!(self.ranges.len(), 1, "{} has not one range", self.path);
        self.range_of_span(self.ranges[0].clone(), encoding)
    }

    /// The `⟦...⟧` range around exactly `text`; there must be one.
    pub fn marked(&self, text: &str, encoding: Encoding) -> Value {
        let mut found = self
            .ranges
            .iter()
            .filter(|r| &self.text[(*r).clone()] == text);
        let span = found
            .next()
            .unwrap_or_else(|| panic!("no ⟦{text}⟧ in {}", self.path))
            .clone();
        assert!(found.next().is_none(), "⟦{text}⟧ twice in {}", self.path);
        self.range_of_span(span, encoding)
    }

    /// The texts of the `⟦...⟧` ranges, in the order they open.
    pub fn marked_texts(&self) -> Vec<&str> {
        self.ranges.iter().map(|r| &self.text[r.clone()]).collect()
    }

    /// The LSP position of a byte offset into `text`.
    pub fn position(&self, offset: usize, encoding: Encoding) -> Value {
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count();
        let on_line = &before[line_start..];
        let character = match encoding {
            Encoding::Utf16 => on_line.encode_utf16().count(),
            Encoding::Utf8 => on_line.len(),
        };
        json!({ "line": line, "character": character })
    }

    fn range_of_span(&self, span: Range<usize>, encoding: Encoding) -> Value {
        json!({
            "start": self.position(span.start, encoding),
            "end": self.position(span.end, encoding),
        })
    }
}

/// `text` with the indentation its lines share taken off; lines of only
/// spaces become empty.
fn dedent(text: &str) -> String {
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    text.split_inclusive('\n')
        .map(|line| match line.trim().is_empty() {
            true if line.ends_with('\n') => "\n",
            true => "",
            false => &line[indent..],
        })
        .collect()
}
