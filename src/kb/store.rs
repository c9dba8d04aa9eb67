//! Knowledge-base files: JSON Lines, one `Entry` per line.
//!
//! One entry per line keeps files diffable and lets a reader name the line
//! of a bad entry. Blank lines are allowed.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use super::Entry;
use crate::fsread::{self, FileKind, Limits, ReadError};

/// Why a knowledge-base file could not be read or written.
#[derive(Debug)]
pub enum StoreError {
    /// The file could not be read: missing, not a regular file, too large.
    Read {
        path: PathBuf,
        source: ReadError,
    },
    Io {
        path: PathBuf,
        source: io::Error,
    },
    /// A line that is not an entry.
    Entry {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Read { path, source } => write!(f, "{}: {source}", path.display()),
            StoreError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            StoreError::Entry {
                path,
                line,
                message,
            } => write!(
                f,
                "{}:{line}: not a knowledge-base entry: {message}",
                path.display()
            ),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Read { source, .. } => Some(source),
            StoreError::Io { source, .. } => Some(source),
            StoreError::Entry { .. } => None,
        }
    }
}

/// Writes `entries` to `path`, replacing it only once the whole file is
/// written.
pub fn write(path: &Path, entries: &[Entry]) -> Result<(), StoreError> {
    let io_error = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let result = File::create(&partial).and_then(|file| {
        let mut out = BufWriter::new(file);
        write_to(&mut out, entries)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()
    });
    if let Err(e) = result.and_then(|()| fs::rename(&partial, path)) {
        let _ = fs::remove_file(&partial);
        return Err(io_error(e));
    }
    Ok(())
}

/// Writes `entries` as JSON Lines.
pub fn write_to(out: &mut impl Write, entries: &[Entry]) -> io::Result<()> {
    for entry in entries {
        serde_json::to_writer(&mut *out, entry)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Reads the entries of the knowledge-base file at `path`, refusing one
/// over `limits.knowledge_base`.
pub fn read(path: &Path, limits: &Limits) -> Result<Vec<Entry>, StoreError> {
    let bytes =
        fsread::read(path, FileKind::KnowledgeBase, limits).map_err(|source| StoreError::Read {
            path: path.to_path_buf(),
            source,
        })?;
    entries(bytes, path)
}

/// Reads entries from JSON Lines, at most `limits.knowledge_base` bytes of
/// them, counted as they arrive (`fsread::read_capped`); `path` names the
/// source in errors.
pub fn read_from(input: impl Read, path: &Path, limits: &Limits) -> Result<Vec<Entry>, StoreError> {
    let bytes = fsread::read_capped(input, FileKind::KnowledgeBase, limits.knowledge_base, 0)
        .map_err(|source| StoreError::Read {
            path: path.to_path_buf(),
            source,
        })?;
    entries(bytes, path)
}

/// The entries of the JSON Lines `bytes` read from `path`.
fn entries(bytes: Vec<u8>, path: &Path) -> Result<Vec<Entry>, StoreError> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        StoreError::Entry {
            path: path.to_path_buf(),
            line,
            message: format!("not valid UTF-8 at byte {at}"),
        }
    })?;
    parse(&text, path)
}

/// Files larger than this are parsed in two halves side by side on rayon's
/// pool: a knowledge base of
/// every bill of several Congresses loads at startup, while the editor
/// waits.
const PARALLEL_BYTES: usize = 1 << 20;

/// The entries of JSON Lines `text`, or the first line that is not one.
fn parse(text: &str, path: &Path) -> Result<Vec<Entry>, StoreError> {
    let parallel = text.len() >= PARALLEL_BYTES
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    let split = if parallel {
        text[text.len() / 2..]
            .find('\n')
            .map_or(text.len(), |i| text.len() / 2 + i + 1)
    } else {
        text.len()
    };
    let (first, second) = text.split_at(split);
    if second.is_empty() {
        return parse_lines(first, 0, path);
    }
    let first_lines = first.matches('\n').count();
    let (mut entries, rest) = rayon::join(
        || parse_lines(first, 0, path),
        || parse_lines(second, first_lines, path),
    );
    match (&mut entries, rest) {
        (Ok(entries), Ok(rest)) => entries.extend(rest),
        (Ok(_), Err(err)) => return Err(err),
        (Err(_), _) => {}
    }
    entries
}

/// The entries of the lines of `text`, the first of which is line
/// `offset + 1` of the file.
fn parse_lines(text: &str, offset: usize, path: &Path) -> Result<Vec<Entry>, StoreError> {
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let entry = serde_json::from_str(line).map_err(|e| StoreError::Entry {
            path: path.to_path_buf(),
            line: offset + index + 1,
            message: e.to_string(),
        })?;
        entries.push(entry);
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_line_in_the_second_half_of_a_big_file_is_named() {
        let good = r#"{"id":"x/1","kind":"law","jurisdiction":"us","title":"Alpha Act","status":{"state":"enacted"},"summary":"s","sources":[]}"#;
        let mut text = String::new();
        let mut n = 0;
        while text.len() < PARALLEL_BYTES * 2 {
            text.push_str(&good.replace("x/1", &format!("x/{n}")));
            text.push('\n');
            n += 1;
        }
        let entries =
            read_from(text.as_bytes(), Path::new("big.jsonl"), &Limits::default()).unwrap();
        assert_eq!(entries.len(), n);
        assert_eq!(entries[n - 1].id.as_str(), format!("x/{}", n - 1));
        let lines: Vec<&str> = text.lines().collect();
        let mut broken = lines.clone();
        broken[n - 3] = "{";
        let err = read_from(
            broken.join("\n").as_bytes(),
            Path::new("big.jsonl"),
            &Limits::default(),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&format!("big.jsonl:{}: ", n - 2)),
            "{err}"
        );
    }

    #[test]
    fn a_bad_line_is_named() {
        let text = "\n{\"id\": 3}\n";
        let err =
            read_from(text.as_bytes(), Path::new("kb.jsonl"), &Limits::default()).unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.starts_with("kb.jsonl:2: not a knowledge-base entry"),
            "{shown}"
        );
    }

    #[test]
    fn a_file_over_the_cap_is_refused_naming_it_its_size_the_cap_and_the_setting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("laws.jsonl");
        let line = r#"{"id":"x/1","kind":"law","jurisdiction":"us","title":"Alpha Act","status":{"state":"enacted"},"summary":"s","sources":[]}"#;
        std::fs::write(&path, format!("{line}\n").repeat(20)).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        let tight = Limits {
            knowledge_base: 1024,
            ..Limits::default()
        };
        let err = read(&path, &tight).unwrap_err();
        assert!(matches!(err, StoreError::Read { .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            format!(
                "{}: it is {:.1} KiB, over the 1.0 KiB limit for a knowledge-base file; \
                 raise it with the editor setting `copydesk.limits.knowledgeBaseMib` \
                 or `copydesk check --max-kb-mib`",
                path.display(),
                size as f64 / 1024.0
            )
        );
        assert_eq!(read(&path, &Limits::default()).unwrap().len(), 20);

        // A reader that gives no size is cut off at the cap all the same,
        // however much more it has: the limit and how to raise it are said.
        let endless = std::io::repeat(b' ');
        let err = read_from(endless, Path::new("stdin"), &tight).unwrap_err();
        assert_eq!(
            err.to_string(),
            "stdin: it runs past the 1.0 KiB limit for a knowledge-base file; raise it with \
             the editor setting `copydesk.limits.knowledgeBaseMib` or `copydesk check --max-kb-mib`"
        );
    }
}
