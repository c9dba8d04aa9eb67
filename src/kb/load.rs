//! Loading a workspace's knowledge base from disk: the built-in entries,
//! then the files `copydesk.toml` names under `[kb] files` in order (TOML
//! glossaries of `[[law]]` tables, or JSON Lines from `copydesk kb
//! import`), then the `[[law]]` tables of `copydesk.toml` itself. A later
//! entry replaces an earlier one with the same id, so the desk's own words
//! win.

use std::fmt;
use std::path::{Path, PathBuf};

use super::{glossary, store, Kb, Origin};
use crate::fsread::{self, FileKind, Limits};

/// A file, or one entry in it, that could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KbProblem {
    pub path: PathBuf,
    /// One-based line, when known.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for KbProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// How the knowledge-base files may be read: the user's choices, never the
/// workspace's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KbReads {
    pub limits: Limits,
    /// Whether `[kb] files` may lie outside the configuration file's folder.
    pub outside_workspace: bool,
}

/// The knowledge base for a workspace whose `copydesk.toml` is
/// `config_file` (when there is one) with `files` named in it, relative to
/// `base`, the file's folder. A file outside `base` is refused unless
/// `reads` allows it: a cloned repository's settings must not make
/// copydesk read the rest of the disk.
pub fn load(
    base: &Path,
    config_file: Option<&Path>,
    files: &[String],
    reads: &KbReads,
) -> (Kb, Vec<KbProblem>) {
    let mut kb = Kb::builtin();
    let mut problems = Vec::new();
    for file in files {
        let path = base.join(file);
        if !reads.outside_workspace && !fsread::is_inside(&path, base) {
            problems.push(KbProblem {
                message: format!(
                    "`{file}` is outside the workspace folder {}, so copydesk does not read \
                     it; move it into the workspace, or allow it in your own settings \
                     (`copydesk.kb.allowOutsideWorkspace` in the editor, \
                     `--kb-outside-workspace` on the command line)",
                    base.display()
                ),
                path,
                line: None,
            });
            continue;
        }
        if is_toml(&path) {
            load_glossary(
                &mut kb,
                &path,
                FileKind::KnowledgeBase,
                reads,
                &mut problems,
            );
            continue;
        }
        match store::read(&path, &reads.limits) {
            Ok(entries) => {
                for entry in entries {
                    kb.insert(entry);
                }
            }
            Err(store::StoreError::Read { source, .. }) => problems.push(KbProblem {
                message: format!("cannot read this knowledge-base file: {source}"),
                path,
                line: None,
            }),
            Err(store::StoreError::Io { source, .. }) => problems.push(KbProblem {
                message: format!("cannot read this knowledge-base file: {source}"),
                path,
                line: None,
            }),
            Err(store::StoreError::Entry { line, message, .. }) => problems.push(KbProblem {
                message: format!("not a knowledge-base entry: {message}; the file is skipped"),
                path,
                line: Some(line),
            }),
        }
    }
    if let Some(config_file) = config_file {
        load_glossary(&mut kb, config_file, FileKind::Config, reads, &mut problems);
    }
    (kb, problems)
}

fn is_toml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

fn load_glossary(
    kb: &mut Kb,
    path: &Path,
    kind: FileKind,
    reads: &KbReads,
    problems: &mut Vec<KbProblem>,
) {
    let text = match fsread::read_text(path, kind, &reads.limits) {
        Ok(text) => text,
        Err(err) => {
            problems.push(KbProblem {
                path: path.to_path_buf(),
                line: None,
                message: format!("cannot read this glossary: {err}"),
            });
            return;
        }
    };
    let (entries, found) = glossary::parse(&text);
    for entry in entries {
        let origin = Origin {
            path: path.to_path_buf(),
            line: entry.line,
        };
        kb.insert_from(entry.entry, origin);
    }
    problems.extend(found.into_iter().map(|p| KbProblem {
        path: path.to_path_buf(),
        line: p.line,
        message: p.message,
    }));
}
