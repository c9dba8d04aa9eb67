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

/// How many bytes wait unread in `pipe`.
#[cfg(target_os = "linux")]
fn unread(pipe: &std::process::ChildStdout) -> usize {
    use std::os::fd::AsRawFd;
    let mut bytes: libc::c_int = 0;
    // SAFETY: FIONREAD writes one c_int through the pointer it is given.
    let done = unsafe { libc::ioctl(pipe.as_raw_fd(), libc::FIONREAD, &mut bytes) };
    assert_eq!(done, 0, "FIONREAD on the server's stdout");
    bytes as usize
}

/// Read one framed message from `pipe`, not a byte more.
#[cfg(target_os = "linux")]
fn read_one_message(pipe: &mut std::process::ChildStdout) {
    use std::io::Read;
    let mut header = Vec::new();
    while !header.ends_with(b"\r\n\r\n") {
        let mut byte = [0];
        pipe.read_exact(&mut byte).unwrap();
        header.push(byte[0]);
    }
    let header = String::from_utf8(header).unwrap();
    let length: usize = header
        .trim()
        .strip_prefix("Content-Length: ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a header without a length: {header:?}"));
    let mut body = vec![0; length];
    pipe.read_exact(&mut body).unwrap();
}

/// A Linux pipe holds 64 KiB unless told otherwise.
#[cfg(target_os = "linux")]
const PIPE_CAPACITY: usize = 64 * 1024;

#[cfg(target_os = "linux")]
#[test]
fn exit_ends_the_process_even_when_the_client_has_stopped_reading() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("lsp")
        .env("COPYDESK_LOG", "error")
        .stdin(Stdio::piped())
        // Piped and never read: once the pipe is full, every write the
        // server makes waits.
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("copydesk lsp starts");
    let mut stdin = child.stdin.take().unwrap();
    let mut send = |message: Value| {
        let body = message.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|()| stdin.flush())
            .unwrap();
    };
    send(json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize",
                 "params": { "processId": null, "capabilities": {} } }));
    read_one_message(child.stdout.as_mut().unwrap());
    send(json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
    // A draft whose diagnostics are far more than the pipe holds.
    let text: String = (0..3_000)
        .map(|n| format!("Item {n}.\n\n\"Quote {n} has nobody to say it.\"\n\n"))
        .collect();
    send(
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": { "uri": "file:///desk/long.md", "languageId": "markdown",
                          "version": 1, "text": text } } }),
    );
    let deadline = Instant::now() + PROCESS_WAIT;
    let stdout = child.stdout.as_ref().unwrap();
    while unread(stdout) < PIPE_CAPACITY {
        assert!(
            Instant::now() < deadline,
            "the server's output never filled the pipe"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // The answer to shutdown now waits on the pipe, and the framework with
    // it; the exit after it must still end the process.
    send(json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }));
    std::thread::sleep(Duration::from_millis(300));
    send(json!({ "jsonrpc": "2.0", "method": "exit" }));
    let deadline = Instant::now() + PROCESS_WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not end within {PROCESS_WAIT:?} of exit");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(0));
}
