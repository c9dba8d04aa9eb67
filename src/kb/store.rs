//! Knowledge-base files: JSON Lines, one `Entry` per line.
//!
//! One entry per line keeps files diffable and lets a reader name the line
//! of a bad entry. Blank lines are allowed.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::Entry;

/// Why a knowledge-base file could not be read or written.
#[derive(Debug)]
pub enum StoreError {
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

/// Reads the entries of the knowledge-base file at `path`.
pub fn read(path: &Path) -> Result<Vec<Entry>, StoreError> {
    let file = File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_from(BufReader::new(file), path)
}

/// Reads entries from JSON Lines; `path` names the source in errors.
pub fn read_from(input: impl BufRead, path: &Path) -> Result<Vec<Entry>, StoreError> {
    let mut entries = Vec::new();
    for (index, line) in input.lines().enumerate() {
        let line = line.map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let entry = serde_json::from_str(&line).map_err(|e| StoreError::Entry {
            path: path.to_path_buf(),
            line: index + 1,
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
    fn a_bad_line_is_named() {
        let text = "\n{\"id\": 3}\n";
        let err = read_from(text.as_bytes(), Path::new("kb.jsonl")).unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.starts_with("kb.jsonl:2: not a knowledge-base entry"),
            "{shown}"
        );
    }
}
