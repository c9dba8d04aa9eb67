//! The documents an import reads: XML files, folders of them (walked in
//! name order), and zips such as govinfo's bulk downloads.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use super::FileIssue;

/// One XML document to import.
pub struct Document {
    /// The file's path, or `archive.zip!member.xml` for a zip member.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Calls `visit` with every document under `path`, or with the problem that
/// kept a file from being read. A folder yields its `.xml` and `.zip` files
/// at any depth; a zip yields its `.xml` members; any other file is taken to
/// be XML.
pub fn visit_documents(path: &Path, visit: &mut dyn FnMut(Result<Document, FileIssue>)) {
    if path.is_dir() {
        visit_folder(path, visit);
    } else if has_extension(path, "zip") {
        visit_zip(path, visit);
    } else {
        let name = path.display().to_string();
        visit(
            fs::read(path)
                .map(|bytes| Document {
                    name: name.clone(),
                    bytes,
                })
                .map_err(|e| FileIssue::new(name, None, format!("cannot read the file: {e}"))),
        );
    }
}

fn visit_folder(folder: &Path, visit: &mut dyn FnMut(Result<Document, FileIssue>)) {
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
        if path.is_dir() || has_extension(&path, "xml") || has_extension(&path, "zip") {
            visit_documents(&path, visit);
        }
    }
}

fn visit_zip(path: &Path, visit: &mut dyn FnMut(Result<Document, FileIssue>)) {
    let zip_name = path.display().to_string();
    let issue = |message: String| FileIssue::new(zip_name.clone(), None, message);
    let mut archive = match File::open(path)
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
        let mut bytes = Vec::with_capacity(member.size().min(64 << 20) as usize);
        visit(match member.read_to_end(&mut bytes) {
            Ok(_) => Ok(Document { name, bytes }),
            Err(e) => Err(FileIssue::new(name, None, read_error(e))),
        });
    }
}

fn read_error(e: io::Error) -> String {
    format!("cannot read the zip member: {e}")
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}
