//! The workspace: drafts found on disk, and law mentions across drafts,
//! open or not.

mod common;

use std::path::Path;

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

fn range(start: (u32, u32), end: (u32, u32)) -> Value {
    json!({ "start": position(start.0, start.1), "end": position(end.0, end.1) })
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
/// unsaved edits; the buffer, not the file, counts for the open one.
fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "budget.md",
        "# Budget\n\nThe CHIPS and Science Act funds fabs.\n\n\
         Critics of the CHIPS and Science Act spoke.\n"
            .as_bytes(),
    );
    write(dir.path(), "open.md", b"Nothing about laws on disk.\n");
    dir
}

const OPEN_BUFFER: &str =
    "# 😀 Chips\n\n“We will not back down,” the minister said of the CHIPS and Science Act.\n\n\
                           Later, the CHIPS and Science Act came up again.\n";

#[tokio::test]
async fn references_cover_open_and_unopened_drafts_with_buffers_winning() {
    let dir = desk();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    let open = file_uri(&dir.path().join("open.md"));
    let budget = file_uri(&dir.path().join("budget.md"));
    client.open(&open, OPEN_BUFFER).await;
    // The cursor is inside the second mention in the open buffer.
    let references = client
        .at("textDocument/references", &open, position(4, 20))
        .await;
    // UTF-16 columns: the curly quotes are one unit each.
    assert_eq!(
        references,
        json!([
            { "uri": budget, "range": range((2, 4), (2, 25)) },
            { "uri": budget, "range": range((4, 15), (4, 36)) },
            { "uri": open, "range": range((2, 50), (2, 71)) },
            { "uri": open, "range": range((4, 11), (4, 32)) },
        ])
    );
    let hover = client
        .at("textDocument/hover", &open, position(4, 20))
        .await;
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
    client
        .open(
            &budget,
            &std::fs::read_to_string(dir.path().join("budget.md")).unwrap(),
        )
        .await;
    let references = client
        .at("textDocument/references", &budget, position(2, 6))
        .await;
    assert_eq!(
        references,
        json!([
            { "uri": budget, "range": range((2, 4), (2, 25)) },
            { "uri": budget, "range": range((4, 15), (4, 36)) },
        ])
    );
    client.shutdown().await;
}

#[tokio::test]
async fn definition_of_a_law_is_its_first_mention_in_the_draft() {
    let dir = desk();
    let capabilities = json!({ "general": { "positionEncodings": ["utf-8"] } });
    let (mut client, _) = TestClient::initialized(capabilities, Some(dir.path())).await;
    let open = file_uri(&dir.path().join("open.md"));
    client.open(&open, OPEN_BUFFER).await;
    let definition = client
        .at("textDocument/definition", &open, position(4, 20))
        .await;
    // UTF-8 columns: the curly quotes are three bytes each.
    assert_eq!(
        definition,
        json!({ "uri": open, "range": range((2, 54), (2, 75)) })
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
