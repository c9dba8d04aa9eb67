//! The documents an import reads: XML files, folders of them (walked in
//! name order), and zips such as govinfo's bulk downloads.

use std::fs;
use std::path::Path;

use super::FileIssue;
use crate::fsread::{self, FileKind, Limits};

/// One XML document to import.
pub struct Document {
    /// The file's path, or `archive.zip!member.xml` for a zip member.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Calls `visit` with every document under `path`, or with the problem that
/// kept a file from being read. A folder yields its `.xml` and `.zip` files
/// at any depth (symlinked folders inside it are not followed, so a link
/// back up cannot loop); a zip yields its `.xml` members; any other file is
/// taken to be XML. Each document is at most `limits.import_document`
/// bytes, a zip member counted as it inflates.
pub fn visit_documents(
    path: &Path,
    limits: &Limits,
    visit: &mut dyn FnMut(Result<Document, FileIssue>),
) {
    if path.is_dir() {
        visit_folder(path, limits, visit);
    } else if has_extension(path, "zip") {
        visit_zip(path, limits, visit);
    } else {
        let name = path.display().to_string();
        visit(
            fsread::read(path, FileKind::ImportDocument, limits)
                .map(|bytes| Document {
                    name: name.clone(),
                    bytes,
                })
                .map_err(|e| FileIssue::new(name, None, format!("cannot read the file: {e}"))),
        );
    }
}

fn visit_folder(
    folder: &Path,
    limits: &Limits,
    visit: &mut dyn FnMut(Result<Document, FileIssue>),
) {
    let mut paths = match fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect::<Vec<_>>(),
        Err(e) => {
            let issue = FileIssue::new(
                folder.display().to_string(),
                None,
                format!("cannot list the folder: {e}"),
            );
            return visit(Err(issue));
        }
    };
    paths.sort();
    for path in paths {
        let folder = fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_dir());
        if folder || has_extension(&path, "xml") || has_extension(&path, "zip") {
            visit_documents(&path, limits, visit);
        }
    }
}

fn visit_zip(path: &Path, limits: &Limits, visit: &mut dyn FnMut(Result<Document, FileIssue>)) {
    let zip_name = path.display().to_string();
    let issue = |message: String| FileIssue::new(zip_name.clone(), None, message);
    let mut archive = match fsread::open_regular(path)
        .map_err(|e| issue(format!("cannot read the file: {e}")))
        .and_then(|f| {
            zip::ZipArchive::new(f).map_err(|e| issue(format!("not a readable zip: {e}")))
        }) {
        Ok(archive) => archive,
        Err(issue) => return visit(Err(issue)),
    };
    for index in 0..archive.len() {
        let mut member = match archive.by_index(index) {
            Ok(member) => member,
            Err(e) => {
                visit(Err(issue(format!("cannot read member {index}: {e}"))));
                continue;
            }
        };
        if member.is_dir() || !has_extension(Path::new(member.name()), "xml") {
            continue;
        }
        let name = format!("{zip_name}!{}", member.name());
        // The size the header gives only sizes the buffer: the bytes are
        // counted as they inflate.
        let expected = member.size();
        let read = fsread::read_capped(
            &mut member,
            FileKind::ImportDocument,
            limits.import_document,
            expected,
        );
        visit(match read {
            Ok(bytes) => Ok(Document { name, bytes }),
            Err(e) => Err(FileIssue::new(
                name,
                None,
                format!("cannot read the zip member: {e}"),
            )),
        });
    }
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}
