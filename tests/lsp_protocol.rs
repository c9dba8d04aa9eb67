//! The handshake, the server's behaviour on requests it cannot answer, and
//! how the process ends.

mod common;
#[path = "../benches/support/pipe_client.rs"]
mod pipe_client;

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::TestClient;
use pipe_client::Server;
use serde_json::{json, Value};

fn offering(encodings: Value) -> Value {
    json!({ "general": { "positionEncodings": encodings } })
}

#[tokio::test]
async fn utf8_is_chosen_when_offered_and_exactly_the_implemented_features_are_advertised() {
    let (client, result) =
        TestClient::initialized(offering(json!(["utf-16", "utf-8"])), None).await;
    assert_eq!(
        result["capabilities"],
        json!({
            "positionEncoding": "utf-8",
            "textDocumentSync": {
                "openClose": true,
                "change": 2,
                "save": { "includeText": false },
            },
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "codeActionProvider": { "codeActionKinds": ["quickfix"], "resolveProvider": false },
            "completionProvider": {},
            "documentSymbolProvider": true,
            "workspaceSymbolProvider": true,
            "inlayHintProvider": true,
            "renameProvider": { "prepareProvider": true },
            "executeCommandProvider": { "commands": ["copydesk.checkWorkspace"] },
        })
    );
    assert_eq!(result["serverInfo"]["name"], "copydesk");
    client.shutdown().await;
}

#[tokio::test]
async fn utf16_is_chosen_when_utf8_is_not_offered() {
    for capabilities in [offering(json!(["utf-32", "utf-16"])), json!({})] {
        let (client, result) = TestClient::initialized(capabilities, None).await;
        assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn hover_on_plain_prose_is_null() {
    let (mut client, _) = TestClient::initialized(json!({}), None).await;
    let uri = "file:///desk/plain.md";
    client.open(uri, "The council met on Tuesday.\n").await;
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/references",
    ] {
        let reply = client
            .at(method, uri, json!({ "line": 0, "character": 5 }))
            .await;
        assert_eq!(reply, Value::Null, "{method}");
    }
    client.shutdown().await;
}

#[tokio::test]
async fn requests_about_unknown_documents_or_lines_are_null_and_logged() {
    let (mut client, _) = TestClient::initialized(json!({}), None).await;
    let hover = client
        .at(
            "textDocument/hover",
            "file:///desk/never-opened.md",
            json!({ "line": 0, "character": 0 }),
        )
        .await;
    assert_eq!(hover, Value::Null);
    let log = client.log_containing("never-opened.md").await;
    assert_eq!(log, "hover: file:///desk/never-opened.md is not open");

    let uri = "file:///desk/short.md";
    client.open(uri, "One line.\n").await;
    let references = client
        .at(
            "textDocument/references",
            uri,
            json!({ "line": 40, "character": 0 }),
        )
        .await;
    assert_eq!(references, Value::Null);
    let log = client.log_containing("past the end").await;
    assert_eq!(
        log,
        "references: line 40 is past the end of file:///desk/short.md (2 lines)"
    );

    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 9, "character": 0 } },
                "context": { "diagnostics": [] },
            }),
        )
        .await;
    assert_eq!(actions, Value::Null);
    client.log_containing("code actions: the range").await;
    client.shutdown().await;
}

#[tokio::test]
async fn documents_that_are_not_files_are_checked_but_stay_out_of_the_workspace() {
    let (mut client, _) = TestClient::initialized(json!({}), None).await;
    let uri = "untitled:Untitled-1";
    let diagnostics = client.open(uri, "\"This is a disgrace.\"\n").await;
    assert_eq!(diagnostics["version"], 1);
    let synced = client.synced(uri).await;
    assert_eq!(synced["text"], "\"This is a disgrace.\"\n");
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 3 } },
                "context": { "diagnostics": [] },
            }),
        )
        .await;
    assert!(actions.is_array(), "{actions}");
    client.shutdown().await;
}

#[tokio::test]
async fn malformed_params_get_an_error_reply_and_the_server_carries_on() {
    let (mut client, _) = TestClient::initialized(json!({}), None).await;
    let reply = client
        .request_raw("textDocument/hover", json!({ "position": "nowhere" }))
        .await;
    assert_eq!(reply["error"]["code"], -32602, "{reply}");
    let uri = "file:///desk/after.md";
    let diagnostics = client.open(uri, "Still here.\n").await;
    assert_eq!(diagnostics["diagnostics"], json!([]));
    client.shutdown().await;
}

/// How long the process tests wait for an answer or for the process to end.
const PROCESS_WAIT: Duration = Duration::from_secs(20);

/// Send request `id` to the server process and wait for its answer.
fn ask(server: &mut Server, id: i64, method: &str, params: Value) -> Value {
    server.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
    let deadline = Instant::now() + PROCESS_WAIT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let (_, message) = server
            .incoming
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("no answer to {method} in {PROCESS_WAIT:?}"));
        if message.get("method").is_none() && message["id"] == id {
            return message;
        }
    }
}

/// A `copydesk lsp` process, initialized.
fn initialized_process() -> Server {
    let mut server = Server::start(Stdio::null());
    let reply = ask(
        &mut server,
        1,
        "initialize",
        json!({ "processId": null, "capabilities": {} }),
    );
    assert!(reply.get("result").is_some(), "{reply}");
    server.send(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
    server
}

/// Say exit and return the process's exit status.
fn exit_status(mut server: Server) -> Option<i32> {
    server.send(&json!({ "jsonrpc": "2.0", "method": "exit" }));
    let deadline = Instant::now() + PROCESS_WAIT;
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            return status.code();
        }
        if Instant::now() > deadline {
            let _ = server.child.kill();
            panic!("the server did not end within {PROCESS_WAIT:?} of exit");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn exit_ends_the_process_with_1_without_shutdown_and_0_after_it() {
    let server = initialized_process();
    assert_eq!(exit_status(server), Some(1));

    let mut server = initialized_process();
    let reply = ask(&mut server, 2, "shutdown", Value::Null);
    assert_eq!(reply["result"], Value::Null, "{reply}");
    assert_eq!(exit_status(server), Some(0));
}

#[test]
fn after_a_content_length_of_a_trillion_requests_shutdown_and_exit_are_heard() {
    let mut server = initialized_process();
    server
        .stdin
        .write_all(b"Content-Length: 1000000000000\r\n\r\n{}")
        .unwrap();
    let reply = ask(
        &mut server,
        2,
        copydesk::lsp::SYNCED_DOCUMENT,
        json!({ "uri": "file:///desk/none.md" }),
    );
    assert_eq!(reply["result"], Value::Null, "{reply}");
    let reply = ask(&mut server, 3, "shutdown", Value::Null);
    assert_eq!(reply["result"], Value::Null, "{reply}");
    assert_eq!(exit_status(server), Some(0));
}
