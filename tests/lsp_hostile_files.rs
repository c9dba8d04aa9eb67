//! The real server over a workspace whose files are hostile: pipes where
//! files should be, links to devices, sparse files of gigabytes, settings
//! that name files outside the workspace, drafts changed behind its back.
//! Every read is bounded and refused with a reason, and nothing waits.

mod common;

use std::path::Path;

use common::fixture::{Encoding, Fixture};
use common::{file_uri, TestClient};
use serde_json::{json, Value};

fn position(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

fn write(root: &Path, rel: &str, contents: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

const GLOSSARY: &str = "\
[[law]]
id = \"desk/harbor-zoning\"
kind = \"regulation\"
title = \"Harbor District Zoning Ordinance\"
summary = \"The city rule that caps buildings near the waterfront.\"
";

const TOWERS: &str = "The Harbor District Zoning Ordinance kept the skyline low.\n";

/// Whether the hover card on the ordinance in `TOWERS` gives the
/// glossary's summary.
async fn knows_the_ordinance(client: &mut TestClient, root: &Path) -> bool {
    let uri = file_uri(&root.join("towers.md"));
    client.open(&uri, TOWERS).await;
    let hover = client.at("textDocument/hover", &uri, position(0, 10)).await;
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .contains("caps buildings near the waterfront")
}

#[tokio::test]
async fn knowledge_base_files_outside_the_workspace_are_read_only_when_the_user_allows_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("desk");
    write(dir.path(), "shared/laws.toml", GLOSSARY);
    write(
        &root,
        "copydesk.toml",
        "[kb]\nfiles = [\"../shared/laws.toml\", \"/dev/zero\"]\n",
    );

    let (mut client, _) = TestClient::initialized(json!({}), Some(&root)).await;
    let refused = client
        .log_containing("is outside the workspace folder")
        .await;
    assert!(
        refused.contains("`../shared/laws.toml` is outside the workspace folder"),
        "{refused}"
    );
    assert!(
        refused.contains("so copydesk does not read it"),
        "{refused}"
    );
    assert!(
        refused.contains("`copydesk.kb.allowOutsideWorkspace` in the editor"),
        "{refused}"
    );
    client.log_containing("`/dev/zero` is outside").await;
    assert!(!knows_the_ordinance(&mut client, &root).await);
    client.shutdown().await;

    // The user's own settings allow it; the device is still no file.
    let allow = json!({ "kb": { "allowOutsideWorkspace": true } });
    let (mut client, _) = TestClient::initialized_with(json!({}), Some(&root), allow).await;
    let device = client.log_containing("/dev/zero").await;
    assert!(
        device.contains("cannot read this knowledge-base file: it is a device"),
        "{device}"
    );
    assert!(knows_the_ordinance(&mut client, &root).await);
    client.shutdown().await;
}

#[cfg(unix)]
#[tokio::test]
async fn a_pipe_named_copydesk_toml_is_reported_and_initialize_answers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    mkfifo(&root.join("copydesk.toml"));
    let (mut client, result) = TestClient::initialized(json!({}), Some(root)).await;
    assert_eq!(result["serverInfo"]["name"], "copydesk");
    let problem = client.log_containing("copydesk.toml").await;
    assert!(
        problem.contains("it is a named pipe (FIFO), not a regular file"),
        "{problem}"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn a_draft_over_the_limit_is_skipped_saying_the_limit_and_how_to_raise_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "small.md", TOWERS);
    std::fs::File::create(root.join("big.md"))
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    let skipped = client.log_containing("big.md").await;
    assert!(
        skipped.ends_with(
            "big.md: it is 2.0 GiB, over the 16 MiB limit for a draft; raise it with the \
             editor setting `copydesk.limits.draftMib` or `copydesk check --max-draft-mib`"
        ),
        "{skipped}"
    );
    let indexed = client.log_containing("copydesk: indexed").await;
    assert!(indexed.contains("indexed 1 draft"), "{indexed}");
    client.shutdown().await;

    // A smaller limit from the editor's settings applies to the rest.
    let tight = json!({ "limits": { "draftMib": 0 } });
    let (mut client, _) = TestClient::initialized_with(json!({}), Some(root), tight).await;
    client
        .log_containing("small.md: it is 59 bytes, over the 0 bytes limit")
        .await;
    client.shutdown().await;
}

/// The workspace symbols whose names contain `query`, by name.
async fn symbols(client: &mut TestClient, query: &str) -> Vec<String> {
    let found = client
        .request("workspace/symbol", json!({ "query": query }))
        .await;
    found
        .as_array()
        .map(|list| {
            list.iter()
                .map(|s| s["name"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(unix)]
#[tokio::test]
async fn watched_file_events_read_only_regular_files_inside_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("desk");
    write(&root, "towers.md", TOWERS);
    let quote = "\"The ferry stays,\" said Ines Marchetti, the harbor master.\n";
    write(dir.path(), "elsewhere/ferry.md", quote);
    mkfifo(&root.join("notes.md"));
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.md")).unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(&root)).await;
    client.log_containing("copydesk: indexed").await;

    let changed = |path: &Path| json!({ "uri": file_uri(path), "type": 2 });
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [
                changed(&dir.path().join("elsewhere/ferry.md")),
                changed(&root.join("notes.md")),
                changed(&root.join("zero.md")),
            ]}),
        )
        .await;
    assert_eq!(
        symbols(&mut client, "Marchetti").await,
        Vec::<String>::new()
    );

    // The same words in the workspace are read. Notifications may be
    // handled side by side, so the index is asked until it has them.
    write(&root, "ferry.md", quote);
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [changed(&root.join("ferry.md"))] }),
        )
        .await;
    let mut found = Vec::new();
    for _ in 0..100 {
        found = symbols(&mut client, "Marchetti").await;
        if !found.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // One, from the workspace: the draft outside it was never read.
    assert_eq!(found, ["Ines Marchetti"]);
    let located = client
        .request("workspace/symbol", json!({ "query": "Marchetti" }))
        .await;
    assert_eq!(
        located[0]["location"]["uri"],
        file_uri(&root.join("ferry.md"))
    );
    client.shutdown().await;
}

#[tokio::test]
async fn a_rename_edits_a_closed_draft_where_its_words_are_now() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let desk = Fixture::parse(
        r#"
        //- /briefing.md
        Li$0n Haoran, a spokesperson for the ministry, took questions.

        "We publish the catch every quarter," Lin said.
        //- /minutes.md
        # Notes

        The briefing was led by Lin Haoran again.
        "#,
    );
    desk.write_to(root);
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    client.log_containing("indexed 2 drafts").await;

    // The closed draft changes on disk and nobody says so: its summary in
    // the index now points two lines and some words too early.
    let moved = Fixture::parse(
        r#"
        # Notes

        Added at the desk.

        The ministry's briefing was led, once more, by ⟦Lin Haoran⟧.
        "#,
    );
    let moved = moved.only();
    write(root, "minutes.md", &moved.text);

    let briefing = desk.file("/briefing.md");
    let briefing_uri = briefing.uri_in(root);
    client.open(&briefing_uri, &briefing.text).await;
    let edit = client
        .request(
            "textDocument/rename",
            json!({
                "textDocument": { "uri": briefing_uri },
                "position": briefing.cursor(Encoding::Utf16),
                "newName": "Zhao Lixin"
            }),
        )
        .await;
    let minutes_edits = &edit["changes"][file_uri(&root.join("minutes.md"))];
    assert_eq!(
        minutes_edits,
        &json!([{
            "range": moved.range(Encoding::Utf16),
            "newText": "Zhao Lixin"
        }])
    );
    client.shutdown().await;
}

/// Two drafts about Lin Haoran: the briefing, which the tests open with the
/// cursor on his name, and the minutes, which stay closed.
const LIN: &str = r#"
//- /briefing.md
Li$0n Haoran, a spokesperson for the ministry, took questions.

"We publish the catch every quarter," Lin said.
//- /minutes.md
# Notes

The briefing was led by ⟦Lin Haoran⟧ again.
"#;

/// The minutes, changed on disk with no watcher event: the name moved two
/// lines and some words on.
const LIN_MOVED: &str = r#"
# Notes

Added at the desk.

The ministry's briefing was led, once more, by ⟦Lin Haoran⟧.
"#;

/// The ranges `found` (locations, or workspace symbols) gives in `uri`.
fn ranges_in(found: &Value, uri: &str) -> Vec<Value> {
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.get("location").unwrap_or(l))
        .filter(|l| l["uri"] == uri)
        .map(|l| l["range"].clone())
        .collect()
}

/// Ask `method` at the briefing's cursor (or, for `workspace/symbol`, for
/// `Haoran`) until the minutes' range in the answer is `now`, checking
/// that no answer on the way gives `old`.
async fn until_ranges_are(
    client: &mut TestClient,
    method: &str,
    root: &Path,
    old: &Value,
    now: &Value,
) {
    let desk = Fixture::parse(LIN);
    let briefing = desk.file("/briefing.md");
    let minutes = file_uri(&root.join("minutes.md"));
    for _ in 0..100 {
        let found = match method {
            "workspace/symbol" => client.request(method, json!({ "query": "Haoran" })).await,
            _ => {
                client
                    .at(
                        method,
                        &briefing.uri_in(root),
                        briefing.cursor(Encoding::Utf16),
                    )
                    .await
            }
        };
        let ranges = ranges_in(&found, &minutes);
        assert!(
            !ranges.contains(old),
            "{method} gave the old range: {found}"
        );
        if ranges == std::slice::from_ref(now) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{method} never gave the minutes' new range");
}

/// The two-draft desk written to `root` (with `aged`, its stamps old enough
/// to be trusted once the index reads them), indexed, and the briefing open:
/// the client, the minutes' URI and the range its words have now.
async fn lin_desk_with_briefing_open(
    desk: &Fixture,
    root: &Path,
    aged: bool,
) -> (TestClient, String, Value) {
    desk.write_to(root);
    if aged {
        tokio::time::sleep(copydesk::workspace::FRESH + std::time::Duration::from_millis(200))
            .await;
    }
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    client.log_containing("indexed 2 drafts").await;
    let briefing = desk.file("/briefing.md");
    client.open(&briefing.uri_in(root), &briefing.text).await;
    let minutes = file_uri(&root.join("minutes.md"));
    (
        client,
        minutes,
        desk.file("/minutes.md").range(Encoding::Utf16),
    )
}

#[tokio::test]
async fn a_workspace_symbol_in_a_closed_draft_changed_on_disk_is_where_its_words_are_now() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let desk = Fixture::parse(LIN);
    let (mut client, minutes, old) = lin_desk_with_briefing_open(&desk, root, false).await;
    let symbols = client
        .request("workspace/symbol", json!({ "query": "Haoran" }))
        .await;
    assert_eq!(
        ranges_in(&symbols, &minutes),
        std::slice::from_ref(&old),
        "{symbols}"
    );

    let moved = Fixture::parse(LIN_MOVED);
    write(root, "minutes.md", &moved.only().text);
    let now = moved.only().range(Encoding::Utf16);
    until_ranges_are(&mut client, "workspace/symbol", root, &old, &now).await;
    client
        .log_containing("workspace symbols: 1 of the places in")
        .await;
    client.shutdown().await;
}

#[tokio::test]
async fn a_closed_draft_checked_moments_ago_is_still_edited_where_its_words_are_now() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let desk = Fixture::parse(LIN);
    let (mut client, minutes, old) = lin_desk_with_briefing_open(&desk, root, true).await;
    let briefing = desk.file("/briefing.md");
    let briefing_uri = briefing.uri_in(root);
    let found = client
        .at(
            "textDocument/references",
            &briefing_uri,
            briefing.cursor(Encoding::Utf16),
        )
        .await;
    assert_eq!(
        ranges_in(&found, &minutes),
        std::slice::from_ref(&old),
        "{found}"
    );

    // Changed behind the server's back just after it was checked: a rename
    // reads the file it edits, whatever references may still trust.
    let moved = Fixture::parse(LIN_MOVED);
    write(root, "minutes.md", &moved.only().text);
    let now = moved.only().range(Encoding::Utf16);
    let edit = client
        .request(
            "textDocument/rename",
            json!({
                "textDocument": { "uri": briefing_uri },
                "position": briefing.cursor(Encoding::Utf16),
                "newName": "Zhao Lixin"
            }),
        )
        .await;
    assert_eq!(
        edit["changes"][&minutes],
        json!([{ "range": now, "newText": "Zhao Lixin" }])
    );

    // References trust the check for `FRESH` at most, then give the name
    // where it is now.
    tokio::time::sleep(copydesk::workspace::FRESH).await;
    until_ranges_are(&mut client, "textDocument/references", root, &old, &now).await;
    client.shutdown().await;
}
