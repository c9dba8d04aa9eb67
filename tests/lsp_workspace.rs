//! The workspace: drafts found on disk, and law mentions across drafts,
//! open or not.

mod common;

use std::path::Path;

use common::fixture::{Encoding, Fixture};
use common::{file_uri, TestClient};
use serde_json::{json, Value};

fn write(root: &Path, rel: &str, contents: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

fn position(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

#[tokio::test]
async fn the_scan_honours_gitignore_skips_bad_files_and_reports_progress() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, ".gitignore", b"archive/\n");
    write(root, "a.md", b"\"This is a disgrace.\"\n");
    write(
        root,
        "politics/b.markdown",
        b"The CHIPS and Science Act passed.\n",
    );
    write(root, "archive/old.md", b"Ignored.\n");
    write(root, "notes.txt", b"Not a draft.\n");
    write(root, "latin1.md", b"caf\xe9\n");
    let capabilities = json!({ "window": { "workDoneProgress": true } });
    let (mut client, _) = TestClient::initialized(capabilities, Some(root)).await;

    let create = client
        .take(|m| m["method"] == "window/workDoneProgress/create")
        .await;
    assert_eq!(create["params"]["token"], "copydesk/index");
    let begin = client
        .notification("$/progress", |p| p["value"]["kind"] == "begin")
        .await;
    assert_eq!(begin["value"]["title"], "copydesk: indexing drafts");
    let skipped = client.log_containing("latin1.md").await;
    assert_eq!(
        skipped,
        format!(
            "skipped {}: not UTF-8 (invalid byte at offset 3); save it as UTF-8 to have it checked",
            root.join("latin1.md").display()
        )
    );
    let end = client
        .notification("$/progress", |p| p["value"]["kind"] == "end")
        .await;
    assert_eq!(end["value"]["message"], "copydesk: indexed 2 drafts");
    client.log_containing("copydesk: indexed 2 drafts").await;
    client.shutdown().await;
}

#[tokio::test]
async fn a_workspace_without_progress_support_still_gets_indexed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "only.md", b"One draft.\n");
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    client.log_containing("copydesk: indexed 1 draft").await;
    client.shutdown().await;
}

/// A desk with one draft on disk that nobody opens and one that is open with
/// unsaved edits (`OPEN_BUFFER`); the buffer, not the file, counts for the
/// open one.
const DESK: &str = r#"
//- /budget.md
# Budget

The ⟦CH$0IPS and Science Act⟧ funds fabs.

Critics of the ⟦CHIPS and Science Act⟧ spoke.
//- /open.md
Nothing about laws on disk.
"#;

/// The unsaved text of open.md; the cursor is inside its second mention.
const OPEN_BUFFER: &str = r#"
# 😀 Chips

“We will not back down,” the minister said of the ⟦CHIPS and Science Act⟧.

Later, the ⟦CHIPS and$0 Science Act⟧ came up again.
"#;

/// The desk written to a new folder, and the open buffer.
fn desk() -> (tempfile::TempDir, Fixture, Fixture) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Fixture::parse(DESK);
    desk.write_to(dir.path());
    (dir, desk, Fixture::parse(OPEN_BUFFER))
}

#[tokio::test]
async fn references_cover_open_and_unopened_drafts_with_buffers_winning() {
    let (dir, desk, buffer) = desk();
    let buffer = buffer.only();
    let on_disk = desk.file("/budget.md");
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    let open = desk.file("/open.md").uri_in(dir.path());
    let budget = on_disk.uri_in(dir.path());
    client.open(&open, &buffer.text).await;
    let at = buffer.cursor(Encoding::Utf16);
    let references = client
        .at("textDocument/references", &open, at.clone())
        .await;
    // UTF-16 columns: the curly quotes are one unit each.
    let located = |uri: &String, range: Value| json!({ "uri": uri, "range": range });
    let in_budget: Vec<Value> = on_disk
        .ranges(Encoding::Utf16)
        .into_iter()
        .map(|r| located(&budget, r))
        .collect();
    let in_buffer: Vec<Value> = buffer
        .ranges(Encoding::Utf16)
        .into_iter()
        .map(|r| located(&open, r))
        .collect();
    assert_eq!(references, json!([in_budget.clone(), in_buffer].concat()));
    let hover = client.at("textDocument/hover", &open, at).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(
        card.contains("Named in 2 drafts in this workspace."),
        "{card}"
    );

    // Closed again, the open draft counts as it is on disk: no mentions.
    client
        .notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": open } }),
        )
        .await;
    client.diagnostics(&open).await;
    client.open(&budget, &on_disk.text).await;
    let references = client
        .at(
            "textDocument/references",
            &budget,
            on_disk.cursor(Encoding::Utf16),
        )
        .await;
    assert_eq!(references, json!(in_budget));
    client.shutdown().await;
}

#[tokio::test]
async fn definition_of_a_law_is_its_first_mention_in_the_draft() {
    let (dir, desk, buffer) = desk();
    let buffer = buffer.only();
    let (mut client, _) =
        TestClient::initialized(Encoding::Utf8.capabilities(), Some(dir.path())).await;
    let open = desk.file("/open.md").uri_in(dir.path());
    client.open(&open, &buffer.text).await;
    let definition = client
        .at(
            "textDocument/definition",
            &open,
            buffer.cursor(Encoding::Utf8),
        )
        .await;
    // UTF-8 columns: the curly quotes are three bytes each.
    assert_eq!(
        definition,
        json!({ "uri": open, "range": buffer.ranges(Encoding::Utf8)[0] })
    );
    client.shutdown().await;
}

fn uris(locations: &Value) -> Vec<String> {
    let mut uris: Vec<String> = locations
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap().to_string())
        .collect();
    uris.sort();
    uris.dedup();
    uris
}

/// The drafts references on the law in `uri` reach, once they are `want`:
/// a watched-file notification is handled while later requests run, so
/// the index catches up a moment after it is sent.
async fn references(client: &mut TestClient, uri: &str, want: &[&String]) -> Vec<String> {
    let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    let mut found = Vec::new();
    for _ in 0..100 {
        let locations = client
            .at("textDocument/references", uri, position(0, 16))
            .await;
        found = uris(&locations);
        if found == want {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    found
}

#[tokio::test]
async fn watched_drafts_update_the_index_without_a_rescan() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", b"The CHIPS and Science Act passed.\n");
    let capabilities = json!({
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
    });
    let (mut client, _) = TestClient::initialized(capabilities, Some(root)).await;
    client
        .take(|m| m["method"] == "client/registerCapability")
        .await;
    client.log_containing("indexed 1 draft").await;
    let open = file_uri(&root.join("open.md"));
    client
        .open(&open, "Critics of the CHIPS Act spoke.\n")
        .await;
    let a = file_uri(&root.join("a.md"));
    let c = file_uri(&root.join("c.md"));
    let d = file_uri(&root.join("d.md"));
    assert_eq!(
        references(&mut client, &open, &[&a, &open]).await,
        vec![a.clone(), open.clone()]
    );

    // Created.
    write(root, "c.md", b"The CHIPS and Science Act again.\n");
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": c, "type": 1 }] }),
        )
        .await;
    assert_eq!(
        references(&mut client, &open, &[&a, &c, &open]).await,
        vec![a.clone(), c.clone(), open.clone()]
    );
    // Changed: the law is gone from a.md.
    write(root, "a.md", b"Nothing about chips here.\n");
    // Renamed: c.md to d.md, as a deletion and a creation.
    std::fs::rename(root.join("c.md"), root.join("d.md")).unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [
                { "uri": a, "type": 2 },
                { "uri": c, "type": 3 },
                { "uri": d, "type": 1 },
            ] }),
        )
        .await;
    assert_eq!(
        references(&mut client, &open, &[&d, &open]).await,
        vec![d.clone(), open.clone()]
    );
    // No second scan ran.
    let symbols = client
        .request("workspace/symbol", json!({ "query": "chips" }))
        .await;
    assert_eq!(symbols[0]["containerName"], "2 mentions in 2 drafts");
    assert!(
        !client.pending_contains(|m| m["method"] == "$/progress"),
        "a rescan ran"
    );
    client.shutdown().await;
}

/// Rewrite the draft at `path` as `text`, of the same length, and put its
/// modification time back: only its bytes say that it changed, and no
/// watcher tells the server.
fn rewrite_behind_the_index(path: &Path, text: &str) {
    let before = std::fs::metadata(path).unwrap();
    assert_eq!(before.len(), text.len() as u64);
    std::fs::write(path, text).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(before.modified().unwrap())
        .unwrap();
}

/// The ranges in `uri` among the locations of a references answer.
fn ranges_in(locations: &Value, uri: &str) -> Vec<Value> {
    locations
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["uri"] == uri)
        .map(|l| l["range"].clone())
        .collect()
}

fn line_range(line: u32, start: usize, len: usize) -> Value {
    json!({
        "start": position(line, start as u32),
        "end": position(line, (start + len) as u32),
    })
}

#[tokio::test]
async fn references_and_rename_never_land_where_a_closed_draft_changed_behind_the_index() {
    const NAME: &str = "Lin Haoran";
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let briefing = "Lin Haoran, a spokesperson for the ministry, took questions.\n\n\
                    \"We publish the catch every quarter,\" Lin said.\n";
    let indexed = "# Notes\n\nThe briefing was led by Lin Haoran again.\n";
    write(root, "briefing.md", briefing.as_bytes());
    write(root, "minutes.md", indexed.as_bytes());
    let minutes = root.join("minutes.md");
    let minutes_uri = file_uri(&minutes);
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    client.log_containing("indexed 2 drafts").await;
    let briefing_uri = file_uri(&root.join("briefing.md"));
    client.open(&briefing_uri, briefing).await;
    let old = line_range(
        2,
        indexed.lines().nth(2).unwrap().find(NAME).unwrap(),
        NAME.len(),
    );
    let found = client
        .at("textDocument/references", &briefing_uri, position(0, 2))
        .await;
    assert_eq!(ranges_in(&found, &minutes_uri), [old]);

    // The name moves to the start of the line; the old range now holds
    // other words.
    let moved = "# Notes\n\nLin Haoran led the briefing again, today.\n";
    rewrite_behind_the_index(&minutes, moved);
    let found = client
        .at("textDocument/references", &briefing_uri, position(0, 2))
        .await;
    assert_eq!(ranges_in(&found, &minutes_uri), Vec::<Value>::new());
    client
        .log_containing("references: 1 of the places in")
        .await;
    // Indexed again: the name where it is now.
    let new = line_range(2, 0, NAME.len());
    let mut tries = 0;
    loop {
        let found = client
            .at("textDocument/references", &briefing_uri, position(0, 2))
            .await;
        if ranges_in(&found, &minutes_uri) == std::slice::from_ref(&new) {
            break;
        }
        tries += 1;
        assert!(tries < 100, "the draft was not indexed again: {found}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // Moved again behind the index: the rename's edit is where the name is
    // now, never where the index last saw it.
    let last = "# Notes\n\nAgain the briefing was led by Lin Haoran.\n";
    rewrite_behind_the_index(&minutes, last);
    let edit = client
        .request(
            "textDocument/rename",
            json!({
                "textDocument": { "uri": briefing_uri },
                "position": position(0, 2),
                "newName": "Zhao Lixin"
            }),
        )
        .await;
    let at = last.lines().nth(2).unwrap().find(NAME).unwrap();
    assert_eq!(
        edit["changes"][&minutes_uri],
        json!([{ "range": line_range(2, at, NAME.len()), "newText": "Zhao Lixin" }])
    );
    client.log_containing("rename: ").await;
    client.shutdown().await;
}
