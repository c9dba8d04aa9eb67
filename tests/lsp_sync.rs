//! Document synchronisation: open, incremental changes, versions, close.

mod common;

use common::fixture::{Encoding, Fixture};
use common::TestClient;
use serde_json::{json, Value};

const URI: &str = "file:///desk/minister.md";

fn range(start: (u32, u32), end: (u32, u32)) -> Value {
    json!({
        "start": { "line": start.0, "character": start.1 },
        "end": { "line": end.0, "character": end.1 },
    })
}

fn edit(start: (u32, u32), end: (u32, u32), text: &str) -> Value {
    json!({ "range": range(start, end), "text": text })
}

async fn client(encoding: &str) -> TestClient {
    let capabilities = json!({ "general": { "positionEncodings": [encoding] } });
    TestClient::initialized(capabilities, None).await.0
}

#[tokio::test]
async fn open_publishes_versioned_diagnostics_and_holds_the_text() {
    let mut client = client("utf-16").await;
    let text = "\"We will not back down,\" the minister said.\n";
    let diagnostics = client.open(URI, text).await;
    assert_eq!(diagnostics["uri"], URI);
    assert_eq!(diagnostics["version"], 1);
    assert!(diagnostics["diagnostics"].is_array());
    assert_eq!(
        client.synced(URI).await,
        json!({ "version": 1, "text": text })
    );
    client.shutdown().await;
}

#[tokio::test]
async fn several_incremental_changes_apply_in_order() {
    let mut client = client("utf-16").await;
    client.open(URI, "\"This is a disgrace.\"\nEnd.\n").await;
    // Each change addresses the text the previous one left.
    let changes = json!([
        edit((0, 21), (0, 21), " the mayor said."),
        edit((0, 22), (0, 31), "Mayor Jane Roe"),
        edit((1, 0), (1, 4), "Fin."),
    ]);
    client.change(URI, 2, changes).await;
    let diagnostics = client.diagnostics(URI).await;
    assert_eq!(diagnostics["version"], 2);
    assert_eq!(
        client.synced(URI).await,
        json!({ "version": 2, "text": "\"This is a disgrace.\" Mayor Jane Roe said.\nFin.\n" })
    );
    client.shutdown().await;
}

#[tokio::test]
async fn a_change_without_a_range_replaces_everything() {
    let mut client = client("utf-16").await;
    client.open(URI, "Old draft.\n").await;
    client
        .change(
            URI,
            2,
            json!([{ "text": "New draft.\nSecond line.\n" }, edit((1, 0), (1, 6), "Next")]),
        )
        .await;
    assert_eq!(client.diagnostics(URI).await["version"], 2);
    assert_eq!(client.synced(URI).await["text"], "New draft.\nNext line.\n");
    client.shutdown().await;
}

#[tokio::test]
async fn edits_after_emoji_cjk_and_curly_quotes_count_columns_in_the_negotiated_encoding() {
    let draft = Fixture::parse("🎉 他说 “We will not back down,” the ⟦minister⟧ said.\n");
    let draft = draft.only();
    // Replace `minister` in each encoding's columns.
    for encoding in Encoding::BOTH {
        let mut client = client(encoding.name()).await;
        client.open(URI, &draft.text).await;
        let replace = json!({ "range": draft.range(encoding), "text": "premier" });
        client.change(URI, 2, json!([replace])).await;
        assert_eq!(client.diagnostics(URI).await["version"], 2);
        assert_eq!(
            client.synced(URI).await["text"],
            "🎉 他说 “We will not back down,” the premier said.\n",
            "{encoding:?}"
        );
        client.shutdown().await;
    }
}

#[tokio::test]
async fn a_column_past_the_end_of_its_line_clamps_to_the_line_end() {
    let mut client = client("utf-16").await;
    client.open(URI, "Short line.\nNext.\n").await;
    client
        .change(URI, 2, json!([edit((0, 200), (0, 300), " Added.")]))
        .await;
    client.diagnostics(URI).await;
    assert_eq!(
        client.synced(URI).await["text"],
        "Short line. Added.\nNext.\n"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn a_stale_version_is_dropped() {
    let mut client = client("utf-16").await;
    client.open(URI, "Version one.\n").await;
    client
        .change(URI, 3, json!([{ "text": "Version three.\n" }]))
        .await;
    assert_eq!(client.diagnostics(URI).await["version"], 3);
    client
        .change(URI, 2, json!([{ "text": "Version two.\n" }]))
        .await;
    let log = client.log_containing("ignored a change").await;
    assert_eq!(
        log,
        "ignored a change to file:///desk/minister.md (version 2): \
         version 2 is not newer than the version 3 copydesk holds"
    );
    assert_eq!(
        client.synced(URI).await,
        json!({ "version": 3, "text": "Version three.\n" })
    );
    client.shutdown().await;
}

#[tokio::test]
async fn a_change_to_an_unknown_document_is_logged_and_ignored() {
    let mut client = client("utf-16").await;
    let ghost = "file:///desk/ghost.md";
    client.change(ghost, 2, json!([{ "text": "Boo.\n" }])).await;
    let log = client.log_containing("ghost.md").await;
    assert_eq!(
        log,
        "ignored a change to file:///desk/ghost.md (version 2): the document is not open"
    );
    assert_eq!(client.synced(ghost).await, Value::Null);
    client.shutdown().await;
}

#[tokio::test]
async fn an_out_of_range_change_is_ignored_whole_and_the_server_carries_on() {
    let mut client = client("utf-16").await;
    client.open(URI, "Line one.\nLine two.\n").await;
    // The first change is fine; the second names a line that does not exist,
    // so neither applies.
    client
        .change(
            URI,
            2,
            json!([edit((0, 0), (0, 0), "Edited. "), edit((9, 0), (9, 1), "x")]),
        )
        .await;
    let log = client.log_containing("ignored a change").await;
    assert!(
        log.contains("change 1 refers to line 9, but the document has 3 lines"),
        "{log}"
    );
    assert_eq!(
        client.synced(URI).await,
        json!({ "version": 1, "text": "Line one.\nLine two.\n" })
    );
    let hover = client
        .at(
            "textDocument/hover",
            URI,
            json!({ "line": 0, "character": 2 }),
        )
        .await;
    assert_eq!(hover, Value::Null);
    client
        .change(URI, 3, json!([edit((1, 0), (1, 4), "Row")]))
        .await;
    assert_eq!(client.diagnostics(URI).await["version"], 3);
    assert_eq!(client.synced(URI).await["text"], "Line one.\nRow two.\n");
    client.shutdown().await;
}

#[tokio::test]
async fn close_clears_diagnostics_and_forgets_the_buffer() {
    let mut client = client("utf-16").await;
    client.open(URI, "\"This is a disgrace.\"\n").await;
    client
        .notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": URI } }),
        )
        .await;
    let cleared = client.diagnostics(URI).await;
    assert_eq!(cleared["diagnostics"], json!([]));
    assert_eq!(cleared.get("version"), None);
    assert_eq!(client.synced(URI).await, Value::Null);
    client.shutdown().await;
}

#[tokio::test]
async fn save_republishes_the_buffer_diagnostics() {
    let mut client = client("utf-16").await;
    client.open(URI, "A draft.\n").await;
    client
        .change(URI, 2, json!([edit((0, 2), (0, 7), "story")]))
        .await;
    client.diagnostics(URI).await;
    client
        .notify(
            "textDocument/didSave",
            json!({ "textDocument": { "uri": URI } }),
        )
        .await;
    assert_eq!(client.diagnostics(URI).await["version"], 2);
    client.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_keystrokes_sent_without_waiting_arrives_whole() {
    let mut client = client("utf-16").await;
    let draft = Fixture::parse("“$0” the minister said.\n");
    let draft = draft.only();
    client.open(URI, &draft.text).await;
    let first = draft.cursor(Encoding::Utf16)["character"].as_u64().unwrap() as u32;
    let typed = "We will not back down,";
    for (i, ch) in typed.chars().enumerate() {
        let col = first + i as u32;
        let version = 2 + i as i32;
        client
            .change(
                URI,
                version,
                json!([edit((0, col), (0, col), &ch.to_string())]),
            )
            .await;
    }
    let last = 1 + typed.len() as i32;
    client
        .notification("textDocument/publishDiagnostics", |p| p["version"] == last)
        .await;
    assert_eq!(
        client.synced(URI).await,
        json!({ "version": last, "text": "“We will not back down,” the minister said.\n" })
    );
    client.shutdown().await;
}

#[tokio::test]
async fn a_big_draft_being_analysed_holds_up_no_other_request() {
    let mut client = client("utf-16").await;
    let small = "file:///desk/small.md";
    client.open(small, "“We are open,” Wang said.\n").await;
    // About 3 MB of paragraphs: a second or so of analysis in a debug build.
    let big = "file:///desk/big.md";
    let text = "“We are open,” Wang Wenbin said. The council met on Tuesday.\n\n\
                He added that the plan was “a good start” for the city.\n\n"
        .repeat(24_000);
    client.send_open(big, &text).await;
    // A request about another draft is answered while the big one is
    // analysed, not after it.
    client
        .at(
            "textDocument/hover",
            small,
            json!({ "line": 0, "character": 3 }),
        )
        .await;
    assert!(
        !client.pending_contains(|m| m["params"]["uri"] == big),
        "the hover waited for the big draft's analysis"
    );
    // A request about the big draft waits for its analysis, and sees it.
    let synced = client.synced(big).await;
    assert_eq!(synced["version"], 1);
    assert_eq!(synced["text"].as_str().map(str::len), Some(text.len()));
    let diagnostics = client.diagnostics(big).await;
    assert_eq!(diagnostics["version"], 1);
    client.shutdown().await;
}
