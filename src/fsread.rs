//! The one way copydesk reads a file: drafts, `copydesk.toml`, knowledge-base
//! files, import documents and the index cache all come through `read`.
//!
//! A workspace is anyone's folder, and a cloned repository can hold a named
//! pipe called `notes.md`, a symlink to `/dev/zero` or a sparse file of
//! gigabytes. So a read takes regular files only (a symlink is followed, but
//! only to a regular file), looks at the file's metadata before opening it,
//! opens it so that a pipe swapped in meanwhile cannot block (`O_NONBLOCK` on
//! Unix, then the opened file is checked again), and never holds more than the
//! cap for its kind of file plus one byte, however large the file says it is
//! or grows while it is read. It never writes, and never reads a file whole
//! without a cap.

use std::fmt;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

/// What a file is to copydesk, which decides how large it may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Draft,
    Config,
    KnowledgeBase,
    /// A BILLSTATUS document `copydesk kb import` reads.
    ImportDocument,
    Cache,
}

impl FileKind {
    /// The kind as a user calls it, for messages.
    fn noun(self) -> &'static str {
        match self {
            FileKind::Draft => "a draft",
            FileKind::Config => "copydesk.toml",
            FileKind::KnowledgeBase => "a knowledge-base file",
            FileKind::ImportDocument => "an imported document",
            FileKind::Cache => "the index cache",
        }
    }

    /// How to raise the cap for this kind, for messages.
    fn how_to_raise(self) -> &'static str {
        match self {
            FileKind::Draft => {
                "raise it with the editor setting `copydesk.limits.draftMib` \
                 or `copydesk check --max-draft-mib`"
            }
            FileKind::Config => "raise it with the editor setting `copydesk.limits.configMib`",
            FileKind::KnowledgeBase => {
                "raise it with the editor setting `copydesk.limits.knowledgeBaseMib` \
                 or `copydesk check --max-kb-mib`"
            }
            FileKind::ImportDocument => {
                "check that it is a BILLSTATUS document, or raise the limit with \
                 `copydesk kb import --max-document-mib`"
            }
            FileKind::Cache => "the cache is rebuilt without it",
        }
    }
}

/// One mebibyte, the unit the limits are set in.
pub const MIB: u64 = 1 << 20;

/// The largest file of each kind copydesk reads, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub draft: u64,
    pub config: u64,
    pub knowledge_base: u64,
    /// One BILLSTATUS document `copydesk kb import` reads, a file or a zip
    /// member inflated.
    pub import_document: u64,
    pub cache: u64,
}

impl Default for Limits {
    /// A long feature is well under 1 MiB of Markdown and a glossary a few
    /// KiB; a knowledge base of every bill of several Congresses is tens of
    /// MiB, the largest BILLSTATUS document govinfo publishes about 4 MiB,
    /// and the cache of ten thousand drafts about a hundred.
    fn default() -> Self {
        Limits {
            draft: 16 * MIB,
            config: MIB,
            knowledge_base: 64 * MIB,
            import_document: 16 * MIB,
            cache: 256 * MIB,
        }
    }
}

impl Limits {
    /// The cap for files of `kind`.
    pub fn cap(&self, kind: FileKind) -> u64 {
        match kind {
            FileKind::Draft => self.draft,
            FileKind::Config => self.config,
            FileKind::KnowledgeBase => self.knowledge_base,
            FileKind::ImportDocument => self.import_document,
            FileKind::Cache => self.cache,
        }
    }
}

/// Why a file was not read. The messages say what is wrong and what to do,
/// as a clause after the caller's `path: cannot read this draft: `.
#[derive(Debug)]
pub enum ReadError {
    Missing,
    /// A named pipe, device, socket or folder: `what` says which.
    NotAFile {
        what: &'static str,
    },
    /// Over the cap for its kind; `len` is the size the file gave, `None`
    /// when it gave a smaller one and was found larger as it was read.
    TooLarge {
        kind: FileKind,
        len: Option<u64>,
        cap: u64,
    },
    /// Text that is not UTF-8, from its first bad byte (one-based line).
    NotUtf8 {
        at: usize,
        line: usize,
    },
    Io(io::Error),
}

impl ReadError {
    pub fn is_missing(&self) -> bool {
        matches!(self, ReadError::Missing)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing => f.write_str("no such file"),
            ReadError::NotAFile { what } => write!(
                f,
                "it is {what}, not a regular file; copydesk reads only regular files"
            ),
            ReadError::NotUtf8 { at, line } => write!(
                f,
                "it is not UTF-8 (invalid byte at offset {at}, line {line}); save it as UTF-8"
            ),
            ReadError::TooLarge { kind, len, cap } => {
                match len {
                    Some(len) => write!(f, "it is {}, over", size(*len))?,
                    None => f.write_str("it runs past")?,
                }
                write!(
                    f,
                    " the {} limit for {}; {}",
                    size(*cap),
                    kind.noun(),
                    kind.how_to_raise()
                )
            }
            ReadError::Io(err) => write!(f, "{err}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(err: io::Error) -> Self {
        match err.kind() {
            io::ErrorKind::NotFound => ReadError::Missing,
            _ => ReadError::Io(err),
        }
    }
}

/// A size in the unit that reads best: `16 MiB`, `1.5 GiB`, `300 bytes`.
pub fn size(bytes: u64) -> String {
    const GIB: u64 = MIB << 10;
    match bytes {
        b if b >= GIB => format!("{:.1} GiB", b as f64 / GIB as f64),
        b if b >= MIB && b % MIB == 0 => format!("{} MiB", b / MIB),
        b if b >= MIB => format!("{:.1} MiB", b as f64 / MIB as f64),
        b if b >= 1024 => format!("{:.1} KiB", b as f64 / 1024.0),
        b => format!("{b} bytes"),
    }
}

/// Whether `path` lies inside `folder` once symlinks and `..` are resolved.
/// A path that cannot be resolved (it does not exist) is judged by its
/// words alone, so `../x` is outside whether or not `x` exists.
pub fn is_inside(path: &Path, folder: &Path) -> bool {
    match (std::fs::canonicalize(path), std::fs::canonicalize(folder)) {
        (Ok(path), Ok(folder)) => path.starts_with(folder),
        _ => match (lexical(path), lexical(folder)) {
            (Some(path), Some(folder)) => path.starts_with(folder),
            _ => false,
        },
    }
}

/// `path` with `.` and `..` worked out from its words; `None` when `..`
/// climbs above where it starts.
fn lexical(path: &Path) -> Option<PathBuf> {
    let mut resolved = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !resolved.pop() {
                    return None;
                }
            }
            part => resolved.push(part),
        }
    }
    Some(resolved)
}

/// The bytes of the regular file at `path`, at most `limits.cap(kind)` of
/// them.
pub fn read(path: &Path, kind: FileKind, limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let cap = limits.cap(kind);
    let (file, meta) = open_checked(path, kind, cap)?;
    read_capped(file, kind, cap, meta.len())
}

/// The regular file at `path`, opened for reading, whatever its size: for a
/// reader that bounds what it takes from it itself (a zip archive, whose
/// members are capped as they inflate).
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    open_checked(path, FileKind::ImportDocument, u64::MAX).map(|(file, _)| file)
}

/// The file at `path` opened, once it and what was opened are known to be
/// a regular file of at most `cap` bytes.
fn open_checked(path: &Path, kind: FileKind, cap: u64) -> Result<(File, Metadata), ReadError> {
    // Before opening: opening a pipe for reading waits for a writer.
    let meta = std::fs::metadata(path)?;
    check(&meta, kind, cap)?;
    let file = open(path)?;
    // Again on what was opened: the path may have changed in between.
    let meta = file.metadata()?;
    check(&meta, kind, cap)?;
    Ok((file, meta))
}

/// `read`, as UTF-8 text.
pub fn read_text(path: &Path, kind: FileKind, limits: &Limits) -> Result<String, ReadError> {
    let bytes = read(path, kind, limits)?;
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let line = err.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        ReadError::NotUtf8 { at, line }
    })
}

/// At most `cap` bytes from `input`, counted as they arrive: a file that
/// says it is small, or a zip member whose header lies, is still bounded.
/// `expected` is the size the input gives (0 when it gives none): over the
/// cap, it is refused unread; else it sizes the buffer.
pub fn read_capped(
    input: impl Read,
    kind: FileKind,
    cap: u64,
    expected: u64,
) -> Result<Vec<u8>, ReadError> {
    if expected > cap {
        return Err(ReadError::TooLarge {
            kind,
            len: Some(expected),
            cap,
        });
    }
    let mut bytes = Vec::with_capacity(expected.min(cap) as usize);
    input.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge {
            kind,
            len: None,
            cap,
        });
    }
    Ok(bytes)
}

fn check(meta: &Metadata, kind: FileKind, cap: u64) -> Result<(), ReadError> {
    if !meta.is_file() {
        return Err(ReadError::NotAFile {
            what: describe(meta),
        });
    }
    if meta.len() > cap {
        return Err(ReadError::TooLarge {
            kind,
            len: Some(meta.len()),
            cap,
        });
    }
    Ok(())
}

/// What a file that is not a regular one is.
fn describe(meta: &Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Open `path` for reading in a way that cannot wait on a pipe.
fn open(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Reads of a regular file ignore the flag.
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small(cap: u64) -> Limits {
        Limits {
            draft: cap,
            ..Limits::default()
        }
    }

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "“Open,” she said.").unwrap();
        let text = read_text(&path, FileKind::Draft, &Limits::default()).unwrap();
        assert_eq!(text, "“Open,” she said.");
        let missing = read(
            &dir.path().join("b.md"),
            FileKind::Draft,
            &Limits::default(),
        );
        assert!(missing.unwrap_err().is_missing());
    }

    #[test]
    fn a_file_over_its_cap_is_refused_saying_the_cap_and_how_to_raise_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        let file = File::create(&path).unwrap();
        file.set_len(2 << 30).unwrap();
        let err = read(&path, FileKind::Draft, &Limits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it is 2.0 GiB, over the 16 MiB limit for a draft; raise it with the editor \
             setting `copydesk.limits.draftMib` or `copydesk check --max-draft-mib`"
        );
    }

    #[test]
    fn the_cap_holds_while_reading_whatever_the_size_says() {
        let err = read_capped(&[7u8; 100][..], FileKind::Draft, 10, 0).unwrap_err();
        assert!(matches!(
            err,
            ReadError::TooLarge {
                len: None,
                cap: 10,
                ..
            }
        ));
        let err = read_capped(&[7u8; 10][..], FileKind::Draft, 10, 1 << 40).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { len: Some(_), .. }));
        let bytes = read_capped(&[7u8; 10][..], FileKind::Draft, 10, 3).unwrap();
        assert_eq!(bytes.len(), 10);
        assert_eq!(
            err.to_string(),
            "it is 1024.0 GiB, over the 10 bytes limit for a draft; raise it with the editor \
             setting `copydesk.limits.draftMib` or `copydesk check --max-draft-mib`"
        );
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(10), "10 bytes");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("exact.md");
        std::fs::write(&path, [b'a'; 11]).unwrap();
        assert!(read(&path, FileKind::Draft, &small(11)).is_ok());
        assert!(read(&path, FileKind::Draft, &small(10)).is_err());
    }

    #[test]
    fn inside_means_inside_after_dots_and_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("desk");
        std::fs::create_dir_all(root.join("kb")).unwrap();
        std::fs::write(root.join("kb/laws.jsonl"), "").unwrap();
        std::fs::write(dir.path().join("secret.jsonl"), "").unwrap();
        assert!(is_inside(&root.join("kb/laws.jsonl"), &root));
        assert!(is_inside(&root.join("kb/../kb/missing.jsonl"), &root));
        assert!(!is_inside(&root.join("../secret.jsonl"), &root));
        assert!(!is_inside(&root.join("../../missing.jsonl"), &root));
        assert!(!is_inside(Path::new("/etc/hostname"), &root));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.jsonl"), root.join("kb/in.jsonl"))
                .unwrap();
            assert!(!is_inside(&root.join("kb/in.jsonl"), &root));
        }
    }

    #[test]
    fn a_folder_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path(), FileKind::Config, &Limits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it is a folder, not a regular file; copydesk reads only regular files"
        );
    }

    #[cfg(unix)]
    #[test]
    fn pipes_and_devices_are_refused_at_once_even_behind_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("notes.md");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let err = read(&fifo, FileKind::Draft, &Limits::default()).unwrap_err();
        assert!(
            err.to_string().starts_with("it is a named pipe (FIFO)"),
            "{err}"
        );
        let zero = dir.path().join("zero.md");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let err = read(&zero, FileKind::Draft, &Limits::default()).unwrap_err();
        assert!(err.to_string().starts_with("it is a device"), "{err}");
        // Opening a pipe cannot block, even when the check before is missed.
        let file = open(&fifo).unwrap();
        assert!(!file.metadata().unwrap().is_file());
    }
}
