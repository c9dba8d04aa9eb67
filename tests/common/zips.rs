//! Zips built in tests: a member that deflates small and inflates large.

use std::io::Write;
use std::path::Path;

/// Writes a zip at `path` of `members` (name, bytes), deflated.
pub fn write_zip(path: &Path, members: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// A BILLSTATUS-shaped document of `mib` MiB of blanks, which deflates to
/// a few KiB.
pub fn padded_document(mib: usize) -> Vec<u8> {
    let mut bytes = b"<billStatus>".to_vec();
    bytes.resize(bytes.len() + (mib << 20), b' ');
    bytes.extend_from_slice(b"</billStatus>");
    bytes
}
