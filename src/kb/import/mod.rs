//! Importing govinfo BILLSTATUS XML into knowledge-base entries.
//!
//! `import_paths` reads files, folders and zips of BILLSTATUS documents
//! (either schema) and returns one entry per bill, plus what went wrong per
//! file. A bad file never stops the others. `billstatus` reads one document
//! into a plain `Bill`; `status` reads where it stands from its actions;
//! `entry` turns it into an `Entry`; `files` finds the documents in files,
//! folders and zips.

pub mod billstatus;
pub mod entry;
mod files;
mod plain_text;
pub mod status;

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::fsread::Limits;
use crate::kb::{Entry, LawId};

/// What an import produced.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// One entry per bill, in the order the files were read; a bill read
    /// twice keeps the later file's entry in the first one's place.
    pub entries: Vec<Entry>,
    /// How many documents were read, good or bad.
    pub documents: usize,
    /// Documents that could not be imported.
    pub errors: Vec<FileIssue>,
    /// Imported documents with something worth knowing.
    pub warnings: Vec<FileIssue>,
}

/// A problem with one input document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileIssue {
    /// The file's path, or `archive.zip!member.xml`.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<u32>,
    pub message: String,
}

impl FileIssue {
    fn new(file: String, line: Option<u32>, message: String) -> FileIssue {
        FileIssue {
            file,
            line,
            message,
        }
    }
}

impl fmt::Display for FileIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Why an import could not run at all.
#[derive(Debug)]
pub enum ImportError {
    /// A path given to import does not exist.
    NotFound(PathBuf),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotFound(path) => write!(
                f,
                "{}: no such file or folder; give BILLSTATUS XML files, folders or zips",
                path.display()
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports every BILLSTATUS document under `paths` (files, folders, zips),
/// each at most `limits.import_document` bytes. Fails only when a path does
/// not exist; problems with single documents are in the report's `errors`.
pub fn import_paths(paths: &[PathBuf], limits: &Limits) -> Result<ImportReport, ImportError> {
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        return Err(ImportError::NotFound(missing.clone()));
    }
    let today = today();
    let mut report = ImportReport::default();
    let mut by_id: HashMap<LawId, (usize, String)> = HashMap::new();
    let mut companions: Vec<entry::Companion> = Vec::new();
    for path in paths {
        files::visit_documents(path, limits, &mut |document| {
            report.documents += 1;
            let document = match document {
                Ok(document) => document,
                Err(issue) => return report.errors.push(issue),
            };
            let (entry, companion) = match import_document(&document.bytes, today) {
                Ok(imported) => imported,
                Err(e) => {
                    return report
                        .errors
                        .push(FileIssue::new(document.name, e.line, e.message))
                }
            };
            match by_id.get_mut(&entry.id) {
                Some((index, first)) => {
                    let message = format!(
                        "{} was also read from {first}; this file's entry replaces it",
                        entry.id
                    );
                    report.entries[*index] = entry;
                    companions[*index] = companion;
                    *first = document.name.clone();
                    report
                        .warnings
                        .push(FileIssue::new(document.name, None, message));
                }
                None => {
                    by_id.insert(entry.id.clone(), (report.entries.len(), document.name));
                    report.entries.push(entry);
                    companions.push(companion);
                }
            }
        });
    }
    entry::name_by_companions(&mut report.entries, &companions);
    Ok(report)
}

fn import_document(
    bytes: &[u8],
    today: Date,
) -> Result<(Entry, entry::Companion), billstatus::ParseError> {
    let xml = std::str::from_utf8(bytes).map_err(|e| billstatus::ParseError {
        line: Some(line_of(bytes, e.valid_up_to())),
        message: format!("not UTF-8 text: {e}"),
    })?;
    let bill = billstatus::parse(xml)?;
    let entry = entry::to_entry(&bill, congress_has_ended(bill.congress, today));
    let companion = entry::companion(&bill, &entry);
    Ok((entry, companion))
}

/// The 1-based line of byte `offset` in `bytes`.
fn line_of(bytes: &[u8], offset: usize) -> u32 {
    let newlines = bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    u32::try_from(newlines)
        .unwrap_or(u32::MAX)
        .saturating_add(1)
}

/// A civil date: year, month, day.
type Date = (i64, u32, u32);

/// Today's date in UTC.
fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

/// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whether Congress number `congress` is over on `today`. The Nth Congress
/// ends on January 3 of the year 1789 + 2N.
fn congress_has_ended(congress: u32, today: Date) -> bool {
    let end: Date = (1789 + 2 * i64::from(congress), 1, 3);
    today >= end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn congress_ends() {
        assert!(congress_has_ended(117, (2023, 1, 3)));
        assert!(!congress_has_ended(117, (2023, 1, 2)));
        assert!(!congress_has_ended(119, (2025, 6, 1)));
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_213), (2022, 8, 9));
    }

    #[test]
    fn lines_of_offsets() {
        assert_eq!(line_of(b"a\nb\nc", 0), 1);
        assert_eq!(line_of(b"a\nb\nc", 4), 3);
    }
}
