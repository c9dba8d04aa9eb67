//! Compiles the built-in knowledge base: the TOML files under `data/kb/`,
//! which people edit, become one JSON array of their entries, which the
//! program reads at start several times faster than it could read TOML.
//! It also writes the list of the files, in the order they are loaded, for
//! the tests and tools that read each file as written.

use std::fmt::Write as _;
use std::path::Path;

/// The built-in data files, in the order they are loaded: where two entries
/// share a name, the first loaded keeps it.
const FILES: &[&str] = &[
    "us.toml",
    "us-laws.toml",
    "us-provisions.toml",
    "world.toml",
    "international.toml",
    "us-laws-social.toml",
    "us-laws-power.toml",
    "us-constitution.toml",
    "us-code.toml",
    "us-bills.toml",
    "treaties.toml",
    "national.toml",
    "corpus-named.toml",
    "us-laws-more.toml",
    "national-more.toml",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=data/kb");
    let mut entries = Vec::new();
    let mut files = String::from("pub const FILES: &[(&str, &str)] = &[\n");
    for name in FILES {
        let path = Path::new("data/kb").join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut table: toml::Table =
            toml::from_str(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        match table.remove("entry") {
            Some(toml::Value::Array(found)) => entries.extend(found),
            Some(_) => panic!("{}: `entry` is not an array of tables", path.display()),
            None => {}
        }
        if let Some(key) = table.keys().next() {
            panic!("{}: `{key}` is not a knowledge-base table", path.display());
        }
        writeln!(
            files,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/kb/{name}\"))),"
        )
        .expect("writing to a string");
    }
    files.push_str("];\n");
    let json = serde_json::to_string(&entries).expect("TOML values are JSON values");
    std::fs::write(out.join("builtin_kb.json"), json).expect("OUT_DIR is writable");
    std::fs::write(out.join("builtin_files.rs"), files).expect("OUT_DIR is writable");
}
