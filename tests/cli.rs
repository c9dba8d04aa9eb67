//! The command line as a user runs it: the real binary, real files.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

mod common;

use common::zips::{padded_document, write_zip};
use expect_test::expect;
use serde_json::json;

fn copydesk(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the copydesk binary starts");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const ORPHAN: &str = "# Ferry service cut\n\nThe county cut the late ferry on Friday.\n\n\"This will strand night-shift workers on the island for good.\"\n";
const CLEAN: &str = "# Ferry service restored\n\n\"The late boat is back for the summer,\" said Halima Diallo, the ferry director.\n";

#[test]
fn check_prints_path_line_column_severity_code() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ferry.md", ORPHAN);
    let output = copydesk(dir.path(), &["check", "ferry.md"], None);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let out = stdout(&output);
    assert!(
        out.starts_with("ferry.md:5:1: warning[unattributed-quote] "),
        "{out}"
    );
}

#[test]
fn the_sample_drafts_get_these_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = copydesk(root, &["check", "examples/drafts"], None);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    expect![[r#"
        examples/drafts/competes-act-explainer.md:6:23: info[law-not-enacted] The United States Innovation and Competition Act of 2021 is a bill, not a law. Passed the Senate on June 8, 2021; never became law.
        examples/drafts/competes-act-explainer.md:7:68: info[law-not-enacted] The America COMPETES Act of 2022 is a bill, not a law. Passed the House on Feb. 4, 2022; the Senate passed it on March 28, 2022, with the text of its own bill (USICA) substituted. The chambers never agreed on one version, and it never became law.
        examples/drafts/council-budget-problems.md:6:1: warning[unattributed-quote] Nobody is named as saying this quote. Add who said it (`, the speaker said`) or paraphrase it.
        examples/drafts/council-budget-problems.md:11:1: warning[unclosed-quote] This quotation mark is never closed. Close the quote where the speaker's words end; a quote that runs on into the next paragraph needs an opening mark there.
    "#]].assert_eq(&stdout(&output));
    expect![[r#"
        copydesk: 4 drafts checked: 0 errors, 2 warnings, 2 notes, 0 hints
    "#]]
    .assert_eq(&String::from_utf8(output.stderr).unwrap());
}

#[test]
fn a_clean_draft_exits_zero_and_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ferry.md", CLEAN);
    let output = copydesk(dir.path(), &["check", "ferry.md"], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout(&output), "");
}

#[test]
fn directories_are_walked_for_drafts_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/ferry.md", ORPHAN);
    write(dir.path(), "b/ferry.markdown", ORPHAN);
    write(dir.path(), "b/notes.txt", ORPHAN);
    write(dir.path(), "old/ferry.md", ORPHAN);
    write(dir.path(), ".gitignore", "old/\n");
    let output = copydesk(dir.path(), &["check"], None);
    let out = stdout(&output);
    let files: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(files, vec!["./a/ferry.md", "./b/ferry.markdown"], "{out}");
}

#[test]
fn stdin_takes_the_given_name() {
    let dir = tempfile::tempdir().unwrap();
    let output = copydesk(
        dir.path(),
        &["check", "-", "--stdin-filename", "desk/ferry.md"],
        Some(ORPHAN),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("desk/ferry.md:5:1: warning[unattributed-quote]"));
}

#[test]
fn json_format_is_an_array_of_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ferry.md", ORPHAN);
    let output = copydesk(dir.path(), &["check", "--format", "json", "ferry.md"], None);
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &findings[0];
    assert_eq!(first["path"], "ferry.md");
    assert_eq!(first["line"], 5);
    assert_eq!(first["column"], 1);
    assert_eq!(first["code"], "unattributed-quote");
    assert_eq!(first["severity"], "warning");
}

#[test]
fn unreadable_input_is_an_error_that_says_where() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.md"), b"first line\nsecond \xff line\n").unwrap();
    let output = copydesk(dir.path(), &["check", "bad.md", "missing.md"], None);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("bad.md: error: not valid UTF-8 at byte 18 (line 2)"),
        "{err}"
    );
    assert!(err.contains("missing.md: error: cannot read"), "{err}");
}

#[test]
fn usage_errors_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    let output = copydesk(dir.path(), &["check", "--format", "xml"], None);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn config_levels_apply_and_a_broken_config_is_reported_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ferry.md", ORPHAN);
    write(
        dir.path(),
        "copydesk.toml",
        "[rules]\nunattributed-quote = \"error\"\n",
    );
    let output = copydesk(dir.path(), &["check", "ferry.md"], None);
    assert!(stdout(&output).starts_with("ferry.md:5:1: error[unattributed-quote]"));

    write(
        dir.path(),
        "copydesk.toml",
        "[rules]\nunattributed-quote = \"loud\"\n",
    );
    let output = copydesk(dir.path(), &["check", "ferry.md"], None);
    assert_eq!(output.status.code(), Some(2));
    let out = stdout(&output);
    assert!(
        out.contains("copydesk.toml:2:1: error[invalid-config]"),
        "{out}"
    );
    // The defaults still apply to the draft.
    assert!(
        out.contains("ferry.md:5:1: warning[unattributed-quote]"),
        "{out}"
    );
}

#[test]
fn analyze_prints_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Halima Diallo runs the ferries.\n\n\"The late boat is back,\" she said. The CHIPS and Science Act is not involved.\n";
    write(dir.path(), "ferry.md", text);
    let output = copydesk(dir.path(), &["analyze", "ferry.md"], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let doc: serde_json::Value =
        serde_json::from_str(stdout(&output).lines().next().unwrap()).unwrap();
    assert_eq!(doc["path"], "ferry.md");
    let quote = &doc["quotes"][0];
    let start = quote["start"].as_u64().unwrap() as usize;
    let end = quote["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "\"The late boat is back,\"");
    assert_eq!(quote["kind"], "direct");
    assert_eq!(quote["closed"], true);
    let speaker = &quote["attribution"]["speaker"];
    assert_eq!(speaker["text"], "she");
    assert_eq!(speaker["name"], "Halima Diallo");
    assert_eq!(quote["attribution"]["cue"]["text"], "said");
    let speaker = &doc["speakers"][0];
    assert_eq!(speaker["name"], "Halima Diallo");
    assert_eq!(speaker["quotes"], json!([0]));
    assert_eq!(speaker["mentions"][1]["form"], "pronoun");
    let law = &doc["laws"][0];
    assert_eq!(law["text"], "CHIPS and Science Act");
    assert_eq!(law["id"], "us/pl/117-167");
    assert!(doc["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn kb_import_writes_a_file_the_store_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/billstatus");
    let out = dir.path().join("kb.jsonl");
    let output = copydesk(
        dir.path(),
        &[
            "kb",
            "import",
            fixtures.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let entries = copydesk::kb::store::read(&out, &copydesk::fsread::Limits::default()).unwrap();
    assert_eq!(
        entries.len(),
        std::fs::read_dir(&fixtures).unwrap().count(),
        "one entry per fixture bill"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("0 errors"));

    let missing = copydesk(dir.path(), &["kb", "import", "no-such-folder"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("no-such-folder: no such file or folder")
    );
}

#[test]
fn imported_knowledge_base_files_named_in_the_config_are_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/billstatus/BILLSTATUS-117hr7777.xml");
    let import = copydesk(
        dir.path(),
        &[
            "kb",
            "import",
            fixture.to_str().unwrap(),
            "-o",
            "laws.jsonl",
        ],
        None,
    );
    assert_eq!(import.status.code(), Some(0), "{import:?}");
    write(
        dir.path(),
        "band.md",
        "The Community Bandstand Act of 2022 paid for the gazebo.\n",
    );

    // Without the file the name is unknown; with it, it is the imported law.
    let before = copydesk(dir.path(), &["analyze", "band.md"], None);
    let doc: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    assert_eq!(doc["laws"][0]["id"], serde_json::Value::Null);
    write(
        dir.path(),
        "copydesk.toml",
        "[kb]\nfiles = [\"laws.jsonl\"]\n",
    );
    let after = copydesk(dir.path(), &["analyze", "band.md"], None);
    let doc: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(doc["laws"][0]["id"], "us/pl/117-999");

    let lookup = copydesk(dir.path(), &["kb", "lookup", "Bandstand", "Act"], None);
    assert_eq!(lookup.status.code(), Some(0));
    assert!(stdout(&lookup).starts_with("**Community Bandstand Act of 2022**"));

    write(
        dir.path(),
        "copydesk.toml",
        "[kb]\nfiles = [\"missing.jsonl\"]\n",
    );
    let broken = copydesk(dir.path(), &["check", "band.md"], None);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stdout(&broken).starts_with(
            "missing.jsonl:1:1: error[invalid-glossary] cannot read this knowledge-base file"
        ),
        "{broken:?}"
    );
}

#[test]
fn kb_lookup_explains_a_law_or_says_it_is_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let known = copydesk(dir.path(), &["kb", "lookup", "Pub. L. 117-167"], None);
    assert_eq!(known.status.code(), Some(0));
    let card = stdout(&known);
    assert!(card.starts_with("**CHIPS and Science Act**"), "{card}");
    assert!(card.contains("2022-08-09"), "{card}");
    let unknown = copydesk(dir.path(), &["kb", "lookup", "Fair Widgets Act"], None);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stdout(&unknown).starts_with("copydesk does not know **Fair Widgets Act**"));
    let nothing = copydesk(dir.path(), &["kb", "lookup", "the weather"], None);
    assert_eq!(nothing.status.code(), Some(1));
}

#[test]
fn the_glossary_explains_laws_in_check_and_lookup_and_its_mistakes_say_where() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "copydesk.toml",
        "[kb]\nfiles = [\"laws/desk.toml\"]\n\n\
         [[law]]\nid = \"desk/pier-safety\"\ntitle = \"Pier Safety Act of 2019\"\n\
         summary = \"The county rule that put railings on every public pier.\"\n",
    );
    write(
        dir.path(),
        "laws/desk.toml",
        "# The desk's bills.\n\n[[law]]\nid = \"desk/ferry-fares\"\nkind = \"bill\"\n\
         status = { state = \"introduced\", date = \"2026-03-02\" }\n",
    );
    write(
        dir.path(),
        "pier.md",
        "The Pier Safety Act of 2019 put up railings on every county pier.\n",
    );
    let output = copydesk(dir.path(), &["check", "pier.md"], None);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let out = stdout(&output);
    assert!(!out.contains("unknown-law"), "{out}");
    assert!(
        out.starts_with(
            "laws/desk.toml:3:1: error[invalid-glossary] this [[law]] entry is missing `title`"
        ),
        "{out}"
    );

    let lookup = copydesk(
        dir.path(),
        &["kb", "lookup", "Pier Safety Act of 2019"],
        None,
    );
    assert_eq!(lookup.status.code(), Some(0), "{lookup:?}");
    assert!(
        stdout(&lookup).contains("railings on every public pier"),
        "{lookup:?}"
    );
}

#[test]
fn sarif_output_lists_rules_and_results_with_regions() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ferry notes/ferry.md", ORPHAN);
    let output = copydesk(dir.path(), &["check", "--format", "sarif", "."], None);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "copydesk");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 12);
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "unattributed-quote");
    assert_eq!(
        rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "unattributed-quote"
    );
    assert_eq!(result["level"], "warning");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "ferry%20notes/ferry.md"
    );
    assert_eq!(location["region"]["startLine"], 5);
    assert_eq!(location["region"]["startColumn"], 1);
    assert_eq!(location["region"]["endLine"], 5);
}

// Hostile inputs: every read is bounded, and nothing waits.

/// `copydesk` as `copydesk` runs it, killed if it has not finished within
/// 20 seconds (a read that waits on a pipe would otherwise hang the test).
fn copydesk_within(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the copydesk binary starts");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // Written on its own thread: copydesk may stop reading before the end.
    std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let pid = child.id();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || done.send(child.wait_with_output().unwrap()));
    match finished.recv_timeout(std::time::Duration::from_secs(20)) {
        Ok(output) => output,
        Err(_) => {
            // SAFETY: `kill` on the child's own process id, still unreaped.
            #[cfg(unix)]
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL)
            };
            panic!("copydesk {args:?} (process {pid}) did not finish within 20 s");
        }
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_named_on_the_command_line_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let made = Command::new("mkfifo")
        .arg(dir.path().join("notes.md"))
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.md")).unwrap();
    // A pipe named copydesk.toml is no configuration, and is not waited on.
    let made = Command::new("mkfifo")
        .arg(dir.path().join("copydesk.toml"))
        .status()
        .unwrap();
    assert!(made.success());
    write(dir.path(), "ferry.md", CLEAN);
    let output = copydesk_within(
        dir.path(),
        &["check", "notes.md", "zero.md", "ferry.md"],
        b"",
    );
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let err = stderr(&output);
    assert!(
        err.contains(
            "notes.md: error: cannot read: it is a named pipe (FIFO), not a regular file; \
             copydesk reads only regular files"
        ),
        "{err}"
    );
    assert!(
        err.contains("zero.md: error: cannot read: it is a device, not a regular file"),
        "{err}"
    );
    assert_eq!(
        stdout(&output),
        "copydesk.toml:1:1: error[invalid-config] cannot read: it is a named pipe (FIFO), not a \
         regular file; copydesk reads only regular files; the defaults apply until it is fixed\n"
    );
}

#[test]
fn a_draft_over_the_limit_is_refused_saying_how_to_raise_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::File::create(dir.path().join("big.md"))
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let output = copydesk_within(dir.path(), &["check", "big.md"], b"");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(stderr(&output).contains(
        "big.md: error: cannot read: it is 2.0 GiB, over the 16 MiB limit for a draft; \
         raise it with the editor setting `copydesk.limits.draftMib` or \
         `copydesk check --max-draft-mib`"
    ));

    // A draft of 2 MiB: refused under a 1 MiB limit, checked under the
    // default, and from stdin bounded the same way.
    let long = CLEAN.repeat((2 << 20) / CLEAN.len() + 1);
    write(dir.path(), "long.md", &long);
    let refused = copydesk_within(
        dir.path(),
        &["check", "--max-draft-mib", "1", "long.md"],
        b"",
    );
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(
        stderr(&refused).contains("long.md: error: cannot read: it is 2.0 MiB, over the 1 MiB"),
        "{refused:?}"
    );
    let checked = copydesk_within(dir.path(), &["check", "long.md"], b"");
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    let piped = copydesk_within(
        dir.path(),
        &["check", "--max-draft-mib", "1", "-"],
        long.as_bytes(),
    );
    assert_eq!(piped.status.code(), Some(2), "{piped:?}");
    assert!(
        stderr(&piped).contains(
            "<stdin>: error: cannot read standard input: it runs past the 1 MiB limit for a draft"
        ),
        "{piped:?}"
    );
}

#[test]
fn knowledge_base_files_outside_the_config_folder_need_the_users_flag() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "shared/laws.toml",
        "[[law]]\nid = \"desk/bandstand\"\ntitle = \"Community Bandstand Act of 2022\"\n",
    );
    write(
        dir.path(),
        "desk/copydesk.toml",
        "[kb]\nfiles = [\"../shared/laws.toml\"]\n",
    );
    write(
        dir.path(),
        "desk/band.md",
        "The Community Bandstand Act of 2022 paid for the gazebo.\n",
    );
    let desk = dir.path().join("desk");
    let refused = copydesk_within(&desk, &["analyze", "band.md"], b"");
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(
        stderr(&refused).contains("`../shared/laws.toml` is outside the workspace folder"),
        "{refused:?}"
    );
    assert!(
        stderr(&refused).contains("`--kb-outside-workspace` on the command line"),
        "{refused:?}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&refused.stdout).unwrap();
    assert_eq!(doc["laws"][0]["id"], serde_json::Value::Null);

    let allowed = copydesk_within(
        &desk,
        &["analyze", "--kb-outside-workspace", "band.md"],
        b"",
    );
    assert_eq!(allowed.status.code(), Some(0), "{allowed:?}");
    let doc: serde_json::Value = serde_json::from_slice(&allowed.stdout).unwrap();
    assert_eq!(doc["laws"][0]["id"], "desk/bandstand");
}

/// A name that would recolour a terminal and forge a finding line of its
/// own if it were printed as it is.
const HOSTILE_NAME: &str = "red\x1b[31m\nforged.md:1:1: error[unattributed-quote] x";

#[test]
fn file_names_with_escape_codes_and_newlines_are_printed_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{HOSTILE_NAME}.md");
    write(dir.path(), &name, ORPHAN);
    let escaped = r"red\x1b[31m\nforged.md:1:1: error[unattributed-quote] x.md";

    let output = copydesk(dir.path(), &["check", &name], None);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1, "one finding, one line: {out:?}");
    assert!(
        out.starts_with(&format!(
            "{escaped}:5:1: warning[unattributed-quote] Nobody"
        )),
        "{out:?}"
    );
    assert!(!out.contains('\x1b'), "{out:?}");

    // JSON carries the name as it is, escaped by JSON's own rules.
    let json = copydesk(dir.path(), &["check", "--format", "json", &name], None);
    let reports: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(reports[0]["path"], name.as_str());

    // An input error names the file on standard error, escaped too.
    let bad = format!("{HOSTILE_NAME}-latin1.md");
    std::fs::write(dir.path().join(&bad), b"caf\xe9\n").unwrap();
    for command in ["check", "analyze"] {
        let output = copydesk(dir.path(), &[command, &bad], None);
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let err = String::from_utf8(output.stderr).unwrap();
        assert!(
            err.starts_with(r"red\x1b[31m\nforged.md:1:1: error[unattributed-quote] x-latin1.md: error: not valid UTF-8"),
            "{command}: {err:?}"
        );
        assert!(!err.contains('\x1b'), "{command}: {err:?}");
    }
}

#[test]
fn zip_member_names_with_escape_codes_are_printed_escaped_by_kb_import() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("bulk.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&archive).unwrap());
    zip.start_file(
        format!("{HOSTILE_NAME}.xml"),
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(b"<billStatus><bill>").unwrap();
    zip.finish().unwrap();

    let output = copydesk(dir.path(), &["kb", "import", "bulk.zip"], None);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.starts_with(r"bulk.zip!red\x1b[31m\nforged.md:1:1: error[unattributed-quote] x.xml"),
        "{err:?}"
    );
    assert!(!err.contains('\x1b'), "{err:?}");
    assert_eq!(
        err.lines().count(),
        2,
        "the problem and the summary: {err:?}"
    );
}

/// Sets the uncompressed size that every local and central-directory
/// header of the zip `bytes` gives to `size`.
fn forge_inflated_size(bytes: &mut [u8], size: u32) -> usize {
    let mut forged = 0;
    for at in 0..bytes.len().saturating_sub(30) {
        let field = match bytes[at..at + 4] {
            [0x50, 0x4b, 0x03, 0x04] => 22,
            [0x50, 0x4b, 0x01, 0x02] => 24,
            _ => continue,
        };
        bytes[at + field..at + field + 4].copy_from_slice(&size.to_le_bytes());
        forged += 1;
    }
    forged
}

#[test]
fn kb_import_refuses_a_zip_member_whose_header_lies_about_its_size_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("bomb.zip");
    write_zip(&archive, &[("BILLSTATUS/padded.xml", &padded_document(3))]);
    // The headers say the member inflates to 200 bytes; it inflates to
    // 3 MiB, from a zip of a few KiB.
    let mut bytes = std::fs::read(&archive).unwrap();
    assert!(bytes.len() < 64 << 10);
    assert_eq!(
        forge_inflated_size(&mut bytes, 200),
        2,
        "a local and a central header"
    );
    std::fs::write(&archive, &bytes).unwrap();

    // A knowledge base the import was to replace.
    let kept = "{\"id\":\"x/1\"}\n";
    std::fs::write(dir.path().join("kb.jsonl"), kept).unwrap();
    for output in [None, Some("kb.jsonl")] {
        let mut args = vec!["kb", "import", "bomb.zip", "--max-document-mib", "1"];
        args.extend(output.iter().flat_map(|out| ["-o", *out]));
        let run = copydesk(dir.path(), &args, None);
        assert_eq!(run.status.code(), Some(2), "{run:?}");
        let err = stderr(&run);
        assert!(
            err.starts_with(
                "bomb.zip!BILLSTATUS/padded.xml: cannot read the zip member: it runs past the \
                 1 MiB limit for an imported document; check that it is a BILLSTATUS document, \
                 or raise the limit with `copydesk kb import --max-document-mib`\n"
            ),
            "{err}"
        );
        assert!(err.contains("nothing imported"), "{err}");
        assert!(run.stdout.is_empty(), "{:?}", stdout(&run));
    }
    // The knowledge base is as it was, and nothing else was written.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("kb.jsonl")).unwrap(),
        kept
    );
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, ["bomb.zip", "kb.jsonl"]);
}
