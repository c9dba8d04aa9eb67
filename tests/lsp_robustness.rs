//! Nothing a client or a file can send breaks the server: each bad input
//! is answered or ignored, said in the log where there is something to
//! say, and the server goes on serving. Every test but the one on exit
//! ends by asking for a
//! hover, which a server that stopped serving would not answer.

mod common;

use std::path::Path;

use common::fixture::{Encoding, Fixture};
use common::{file_uri, TestClient};
use serde_json::{json, Value};

fn position(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

const DRAFT: &str = "The CHIPS and Science Act passed.\n";

/// Open a draft and hover its law: proof the server still serves.
async fn still_serving(client: &mut TestClient, root: &Path) {
    let uri = file_uri(&root.join("proof.md"));
    client.open(&uri, DRAFT).await;
    let hover = client.at("textDocument/hover", &uri, position(0, 8)).await;
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .starts_with("**CHIPS and Science Act**"),
        "{hover}"
    );
    assert!(client.serving());
}

#[tokio::test]
async fn malformed_messages_get_errors_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;

    // Not JSON at all.
    client
        .send_body(b"{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ")
        .await;
    client
        .log_containing("malformed message from the client: a message is not JSON")
        .await;
    // JSON, but invalid UTF-8 inside a string.
    client
        .send_body(
            b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":\"\xff\xfe\"}",
        )
        .await;
    client.log_containing("not valid UTF-8 (at byte 59)").await;
    // Valid JSON that is not a JSON-RPC message.
    client.send_body(b"[1, 2, 3]").await;
    client.log_containing("not a JSON-RPC 2.0 request").await;
    client.send_body(b"{\"hello\": \"world\"}").await;
    client.log_containing("{\"hello\": \"world\"}").await;
    // Headers with no usable length, then a good message.
    client.send_bytes(b"Content-Length: many\r\n\r\n").await;
    client.log_containing("\"many\" is not a number").await;
    // A request for a method nobody defined.
    let unknown = client
        .request_raw("copydesk/noSuchThing", json!({ "x": 1 }))
        .await;
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    // Parameters of the wrong shape.
    let wrong = client
        .request_raw("textDocument/hover", json!({ "textDocument": 5 }))
        .await;
    assert_eq!(wrong["error"]["code"], -32602, "{wrong}");
    client
        .log_containing("answered textDocument/hover with an Invalid Params error: invalid type")
        .await;
    // References are answered outside the framework's encoding; their
    // parameters are still checked by it.
    let wrong = client
        .request_raw("textDocument/references", json!({ "position": 5 }))
        .await;
    assert_eq!(wrong["error"]["code"], -32602, "{wrong}");
    client
        .log_containing("answered textDocument/references with an Invalid Params error")
        .await;
    // A notification with bad params is dropped, saying which and why.
    client
        .notify("textDocument/didChange", json!({ "nonsense": true }))
        .await;
    client
        .log_containing(
            "textDocument/didChange with params that do not read as its own (missing field \
             `textDocument`); the notification was ignored",
        )
        .await;
    let uri = file_uri(&dir.path().join("typed.md"));
    client
        .notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "markdown", "version": "one", "text": "Hi."
            }}),
        )
        .await;
    client
        .log_containing("textDocument/didOpen with params that do not read as its own (invalid type: string \"one\"")
        .await;
    assert_eq!(client.synced(&uri).await, Value::Null);
    client
        .notify("workspace/didChangeWatchedFiles", json!({ "changes": 3 }))
        .await;
    client
        .log_containing("workspace/didChangeWatchedFiles with params that do not read as its own")
        .await;
    still_serving(&mut client, dir.path()).await;
    client.shutdown().await;
}

#[tokio::test]
async fn requests_before_initialize_are_refused_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = TestClient::start();
    let early = client
        .request_raw(
            "textDocument/hover",
            json!({ "textDocument": { "uri": "file:///x.md" }, "position": position(0, 0) }),
        )
        .await;
    assert_eq!(early["error"]["code"], -32002, "{early}");
    let early = client
        .request_raw(
            "textDocument/references",
            json!({
                "textDocument": { "uri": "file:///x.md" },
                "position": position(0, 0),
                "context": { "includeDeclaration": true },
            }),
        )
        .await;
    assert_eq!(early["error"]["code"], -32002, "{early}");
    client
        .request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": file_uri(dir.path()),
                "capabilities": {},
            }),
        )
        .await;
    client.notify("initialized", json!({})).await;
    let twice = client
        .request_raw(
            "initialize",
            json!({ "processId": null, "capabilities": {} }),
        )
        .await;
    assert!(twice.get("error").is_some(), "{twice}");
    still_serving(&mut client, dir.path()).await;
    client.shutdown().await;
}

#[tokio::test]
async fn bad_positions_versions_and_unknown_documents_are_logged_and_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    let uri = file_uri(&dir.path().join("a.md"));
    client.open(&uri, DRAFT).await;
    // Past the end.
    let hover = client
        .at("textDocument/hover", &uri, position(400, 2))
        .await;
    assert_eq!(hover, Value::Null);
    client.log_containing("line 400 is past the end").await;
    let far = client
        .at("textDocument/hover", &uri, position(0, 4_000_000))
        .await;
    assert_eq!(far, Value::Null);
    // Out of order: version 3 arrives, then a late version 2.
    client
        .change(&uri, 3, json!([{ "text": "Version three.\n" }]))
        .await;
    client
        .change(&uri, 2, json!([{ "text": "Version two.\n" }]))
        .await;
    client.log_containing("version 2").await;
    let synced = client.synced(&uri).await;
    assert_eq!(synced["version"], 3);
    assert_eq!(synced["text"], "Version three.\n");
    // A change whose range is off the document.
    client
        .change(
            &uri,
            4,
            json!([{ "range": { "start": position(9, 0), "end": position(9, 1) }, "text": "x" }]),
        )
        .await;
    client.log_containing("ignored a change").await;
    // Changes to, and requests on, a document that was never opened.
    let ghost = file_uri(&dir.path().join("ghost.md"));
    client
        .change(&ghost, 2, json!([{ "text": "Boo.\n" }]))
        .await;
    client.log_containing("ghost.md").await;
    let none = client
        .at("textDocument/definition", &ghost, position(0, 0))
        .await;
    assert_eq!(none, Value::Null);
    client
        .notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": ghost } }),
        )
        .await;
    still_serving(&mut client, dir.path()).await;
    client.shutdown().await;
}

#[tokio::test]
async fn a_20_mb_draft_is_analysed_and_answered() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    let uri = file_uri(&dir.path().join("huge.md"));
    let paragraph = "\"We will not close the ferry,\" said Halima Diallo, the director. \
                     The CHIPS and Science Act came up again.\n\n";
    let text = paragraph.repeat(20_000_000 / paragraph.len());
    assert!(text.len() > 19_000_000);
    let diagnostics = client.open(&uri, &text).await;
    assert_eq!(diagnostics["diagnostics"], json!([]));
    let lines = text.matches('\n').count() as u32;
    let hover = client
        .at("textDocument/hover", &uri, position(lines - 2, 75))
        .await;
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .starts_with("**CHIPS and Science Act**"));
    still_serving(&mut client, dir.path()).await;
    client.shutdown().await;
}

/// A draft copydesk would read from disk can be opened, however the client
/// escapes it: the transport's limit follows the draft limit the user set.
#[tokio::test]
async fn the_largest_draft_the_settings_allow_can_be_opened_and_no_larger() {
    let dir = tempfile::tempdir().unwrap();
    let options = json!({ "limits": { "draftMib": 1 } });
    let (mut client, _) = TestClient::initialized_with(json!({}), Some(dir.path()), options).await;
    // Control characters are the worst case: six bytes each in JSON.
    let at_the_limit = "\u{1}".repeat(1 << 20);
    let uri = file_uri(&dir.path().join("escaped.md"));
    client.open(&uri, &at_the_limit).await;
    assert_eq!(client.synced(&uri).await["text"], at_the_limit.as_str());

    let over = "\u{1}".repeat(3 << 19);
    let big = file_uri(&dir.path().join("over.md"));
    client.send_open(&big, &over).await;
    client
        .log_containing(
            "over copydesk's limit of 7340032 bytes, which leaves room for a draft of 1 MiB \
             (the largest copydesk reads; the editor setting `copydesk.limits.draftMib` raises it)",
        )
        .await;
    assert_eq!(client.synced(&big).await, Value::Null);

    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "copydesk": { "limits": { "draftMib": 2 } } } }),
        )
        .await;
    client.open(&big, &over).await;
    assert_eq!(client.synced(&big).await["version"], 1);
    still_serving(&mut client, dir.path()).await;
    client.shutdown().await;
}

#[cfg(unix)]
#[tokio::test]
async fn a_hostile_workspace_is_indexed_around() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("good.md"), DRAFT).unwrap();
    std::fs::write(root.join("latin1.md"), b"caf\xe9 society\n").unwrap();
    std::fs::write(root.join("binary.md"), [0u8, 159, 146, 150, 0, 1, 2, 255]).unwrap();
    std::fs::create_dir(root.join("loop")).unwrap();
    symlink(root.join("loop"), root.join("loop/again")).unwrap();
    symlink(root.join("nowhere.md"), root.join("dangling.md")).unwrap();
    let locked = root.join("locked.md");
    std::fs::write(&locked, DRAFT).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read(&locked).is_ok(); // root reads anything
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    client.log_containing("latin1.md").await;
    client.log_containing("binary.md").await;
    if !readable {
        client.log_containing("locked.md").await;
    }
    let indexed = client.log_containing("copydesk: indexed").await;
    let expected = if readable {
        "indexed 2 drafts"
    } else {
        "indexed 1 draft"
    };
    assert!(indexed.contains(expected), "{indexed}");

    // A draft deleted from disk while open: the buffer is still served, and
    // closing it drops it from the index.
    let good = file_uri(&root.join("good.md"));
    client.open(&good, DRAFT).await;
    std::fs::remove_file(root.join("good.md")).unwrap();
    let hover = client.at("textDocument/hover", &good, position(0, 8)).await;
    assert!(hover["contents"]["value"].as_str().is_some());
    client
        .notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": good } }),
        )
        .await;
    client.diagnostics(&good).await;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
    still_serving(&mut client, root).await;
    client.shutdown().await;
}

#[tokio::test]
async fn after_shutdown_references_are_refused_and_exit_stops_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    let uri = file_uri(&dir.path().join("proof.md"));
    client.open(&uri, DRAFT).await;
    let found = client
        .at("textDocument/references", &uri, position(0, 8))
        .await;
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
    client.request("shutdown", Value::Null).await;
    let late = client
        .request_raw(
            "textDocument/references",
            json!({
                "textDocument": { "uri": uri },
                "position": position(0, 8),
                "context": { "includeDeclaration": true },
            }),
        )
        .await;
    assert_eq!(late["error"]["code"], -32600, "{late}");
    client.notify("exit", Value::Null).await;
    let stopped = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        while client.serving() {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    })
    .await;
    assert!(stopped.is_ok(), "the server did not stop after exit");
}

#[tokio::test]
async fn a_content_length_of_a_trillion_is_refused_and_the_next_request_answered() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    // The header, and a body far shorter than it says.
    client
        .send_bytes(b"Content-Length: 1000000000000\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}")
        .await;
    let uri = file_uri(&dir.path().join("proof.md"));
    client.open(&uri, DRAFT).await;
    let hover = client.at("textDocument/hover", &uri, position(0, 8)).await;
    assert!(hover["contents"]["value"].is_string(), "{hover}");
    client
        .log_containing("a message header announced 1000000000000 bytes, over copydesk's limit")
        .await;
    client
        .log_containing("30 bytes after the message over the limit were dropped")
        .await;
    // Shutdown and exit are heard too: `shutdown` checks the server ends.
    client.shutdown().await;
}

#[tokio::test]
async fn requests_whose_id_json_rpc_does_not_allow_get_an_invalid_request_error_with_a_null_id() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    for id in [
        "{\"n\": 1}",
        "2.5",
        "true",
        "123456789012345678901234567890",
    ] {
        let body =
            format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"textDocument/hover","params":{{}}}}"#);
        client.send_body(body.as_bytes()).await;
        let answer = client
            .take(|m| m.get("method").is_none() && m.get("error").is_some())
            .await;
        assert_eq!(answer["id"], Value::Null, "{id}: {answer}");
        assert_eq!(answer["error"]["code"], -32600, "{id}: {answer}");
        let said = answer["error"]["data"].as_str().unwrap();
        assert!(said.starts_with("a request's id "), "{id}: {said}");
        client.log_containing(said).await;
    }
    // A request broken elsewhere is answered under its own id.
    client
        .send_body(br#"{"jsonrpc":"2.0","id":77,"method":5}"#)
        .await;
    let answer = client.take(|m| m["id"] == 77).await;
    assert_eq!(answer["error"]["code"], -32600, "{answer}");
    still_serving(&mut client, dir.path()).await;
    client.shutdown().await;
}

#[tokio::test]
async fn a_lone_surrogate_in_an_opened_draft_is_read_as_the_replacement_character() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    let uri = file_uri(&dir.path().join("ferry.md"));
    // Written by hand: serde would not write the half of a pair alone.
    let text = r#"The county cut the ferry.\n\n\"This will strand \ud800 workers for good.\"\n"#;
    let body = format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"{uri}","languageId":"markdown","version":1,"text":"{text}"}}}}}}"#
    );
    client.send_body(body.as_bytes()).await;
    let published = client.diagnostics(&uri).await;
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{published}");
    assert_eq!(diagnostics[0]["code"], "unattributed-quote");
    // The quote's range is over the text as read, where U+FFFD is one
    // UTF-16 code unit.
    let read = Fixture::parse(
        "The county cut the ferry.\n\n⟦\"This will strand \u{fffd} workers for good.\"⟧\n",
    );
    let read = read.only();
    assert_eq!(diagnostics[0]["range"], read.range(Encoding::Utf16));
    let synced = client.synced(&uri).await;
    assert_eq!(synced["text"].as_str().unwrap(), read.text);
    client.shutdown().await;
}

#[tokio::test]
async fn a_draft_named_by_a_string_that_is_not_a_uri_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    for uri in ["file:///desk/a^b.md", "file:///desk/[draft].md"] {
        client.send_open(uri, DRAFT).await;
        let said = client
            .log_containing(&format!("textDocument/didOpen names the document {uri:?}"))
            .await;
        assert!(said.contains("which is not a valid URI"), "{said}");
    }
    still_serving(&mut client, dir.path()).await;
    client.shutdown().await;
}

#[tokio::test]
async fn exit_without_shutdown_ends_the_session_as_an_abrupt_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    still_serving(&mut client, dir.path()).await;
    assert_eq!(client.exit().await, copydesk::lsp::Ending::WithoutShutdown);
}
