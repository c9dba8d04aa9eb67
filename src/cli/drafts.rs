//! Reading the drafts named on the command line, and the configuration that
//! applies to each.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{self, Config, ConfigError};
use crate::fsread::{self, FileKind, Limits};
use crate::kb::load::{load, KbProblem, KbReads};
use crate::kb::Kb;
use crate::workspace::find_drafts;

/// One draft to analyse: the name to report and its text.
pub struct Draft {
    pub name: String,
    pub text: String,
    /// Where to look for `copydesk.toml`: the draft's folder.
    pub dir: PathBuf,
}

/// A problem reading an input, reported as `name: message`.
pub struct InputError {
    pub name: String,
    pub message: String,
}

/// The drafts named by `paths`: files as given, directories walked for
/// `*.md` and `*.markdown` (honouring `.gitignore`), `-` for stdin. An empty
/// list means the current directory. Each is read within `limits`, stdin
/// too.
pub fn read_drafts(
    paths: &[PathBuf],
    stdin_name: Option<&str>,
    limits: &Limits,
) -> (Vec<Draft>, Vec<InputError>) {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut drafts = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_name.unwrap_or("<stdin>").to_string();
            let read = fsread::read_capped(std::io::stdin(), FileKind::Draft, limits.draft, 0);
            match read {
                Ok(bytes) => match decode(&name, bytes) {
                    Ok(text) => drafts.push(Draft {
                        dir: Path::new(&name)
                            .parent()
                            .map(Path::to_path_buf)
                            .unwrap_or_default(),
                        name,
                        text,
                    }),
                    Err(e) => errors.push(e),
                },
                Err(err) => errors.push(InputError {
                    name,
                    message: format!("cannot read standard input: {err}"),
                }),
            }
        } else if path.is_dir() {
            let (files, skipped) = find_drafts(std::slice::from_ref(path));
            for skip in skipped {
                errors.push(InputError {
                    name: skip.path.display().to_string(),
                    message: skip.reason,
                });
            }
            // Read on every core, in order: a desk is thousands of files.
            let reads: Vec<_> = files
                .par_iter()
                .map(|file| read_file(file, limits))
                .collect();
            for read in reads {
                match read {
                    Ok(draft) => drafts.push(draft),
                    Err(e) => errors.push(e),
                }
            }
        } else {
            match read_file(path, limits) {
                Ok(draft) => drafts.push(draft),
                Err(e) => errors.push(e),
            }
        }
    }
    (drafts, errors)
}

fn read_file(path: &Path, limits: &Limits) -> Result<Draft, InputError> {
    let name = path.display().to_string();
    match fsread::read(path, FileKind::Draft, limits) {
        Ok(bytes) => decode(&name, bytes).map(|text| Draft {
            dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            name,
            text,
        }),
        Err(err) => Err(InputError {
            name,
            message: format!("cannot read: {err}"),
        }),
    }
}

fn decode(name: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&err.into_bytes()[..at]).into_owned();
        let line = text.matches('\n').count() + 1;
        InputError {
            name: name.to_string(),
            message: format!(
                "not valid UTF-8 at byte {at} (line {line}); save the draft as UTF-8 and check again"
            ),
        }
    })
}

/// The configuration for drafts in a folder: the nearest `copydesk.toml`
/// in it or above it, cached per folder, and the files it names read as
/// `reads` allows.
#[derive(Default)]
pub struct Configs {
    reads: KbReads,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<PathBuf, Result<Config, ConfigError>>,
    kbs: HashMap<Option<PathBuf>, Kb>,
}

impl Configs {
    pub fn new(reads: KbReads) -> Configs {
        Configs {
            reads,
            ..Configs::default()
        }
    }

    /// The configuration for `dir`, and the file it came from. A broken
    /// file yields the defaults and its error.
    pub fn for_dir(&mut self, dir: &Path) -> (Config, Option<(PathBuf, ConfigError)>) {
        let Some(file) = self.find(dir) else {
            return (Config::default(), None);
        };
        let limits = &self.reads.limits;
        let result = self.loaded.entry(file.clone()).or_insert_with(|| {
            match fsread::read_text(&file, FileKind::Config, limits) {
                Ok(text) => Config::from_toml(&text),
                Err(err) => Err(ConfigError {
                    message: format!("cannot read: {err}"),
                    line: None,
                }),
            }
        });
        match result {
            Ok(config) => (config.clone(), None),
            Err(err) => (Config::default(), Some((file, err.clone()))),
        }
    }

    /// The knowledge base for drafts in `dir`: the built-in entries plus
    /// the files its `copydesk.toml` names. Problems with those files are
    /// returned the first time, and the files are skipped.
    pub fn kb_for_dir(&mut self, dir: &Path) -> (Kb, Vec<KbProblem>) {
        let file = self.find(dir);
        if let Some(kb) = self.kbs.get(&file) {
            return (kb.clone(), Vec::new());
        }
        let (config, broken) = self.for_dir(dir);
        let base = file
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new("."));
        // A file that could not be used is reported once, as the
        // configuration, not again as a glossary.
        let glossary = file.as_deref().filter(|_| broken.is_none());
        let (kb, problems) = load(base, glossary, &config.kb_files, &self.reads);
        self.kbs.insert(file, kb.clone());
        (kb, problems)
    }

    fn find(&mut self, dir: &Path) -> Option<PathBuf> {
        let start = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let absolute = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
        if let Some(found) = self.by_dir.get(&absolute) {
            return found.clone();
        }
        // Anything by that name counts, so a pipe or a folder called
        // `copydesk.toml` is reported rather than passed over for a file
        // further up.
        let found = absolute
            .ancestors()
            .map(|d| d.join(config::FILE_NAME))
            .find(|f| f.exists());
        self.by_dir.insert(absolute, found.clone());
        found
    }
}
