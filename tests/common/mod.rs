//! A small LSP client for in-process tests: the real copydesk server on
//! `tokio::io::duplex` streams, spoken to in real JSON-RPC with
//! `Content-Length` framing.
//!
//! Fixtures mark a cursor with `$0` and expected ranges with `⟦...⟧`, and
//! give their positions in either encoding; see [`fixture::Fixture`].
//! `attribution` holds what the attribution tests read off an analysis.

#![allow(dead_code)] // Each test binary uses a different part of this client.

pub mod attribution;
pub mod fixture;
pub mod outline;
pub mod zips;

use std::collections::VecDeque;
use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};
use std::sync::Arc;

use tokio::io::{
    AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf,
};
use tokio::sync::{mpsc, Mutex};
use tokio::task::JoinHandle;
use tower_lsp_server::ls_types::Uri;

/// The client's half of the connection, shared by the test and the task
/// that answers the server's requests.
type SharedWriter = Arc<Mutex<WriteHalf<DuplexStream>>>;

/// The server's output, which it writes blocking, carried onto the
/// in-process stream by a task.
struct Bridge(mpsc::UnboundedSender<Vec<u8>>);

impl Bridge {
    fn to(mut stream: WriteHalf<DuplexStream>) -> Bridge {
        let (bytes, mut carried) = mpsc::unbounded_channel::<Vec<u8>>();
        tokio::spawn(async move {
            while let Some(chunk) = carried.recv().await {
                if stream.write_all(&chunk).await.is_err() {
                    break;
                }
            }
            let _ = stream.shutdown().await;
        });
        Bridge(bytes)
    }
}

impl std::io::Write for Bridge {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .send(bytes.to_vec())
            .map_err(|_| std::io::ErrorKind::BrokenPipe)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// How long a test waits for any one message before it fails: a guard
/// against a hang, not a timing, so generous enough for a debug build
/// analysing a 20 MB draft on a loaded two-core machine.
const WAIT: Duration = Duration::from_secs(60);

pub struct TestClient {
    writer: SharedWriter,
    incoming: mpsc::UnboundedReceiver<Value>,
    /// Messages received but not yet taken by a test, in arrival order.
    pending: VecDeque<Value>,
    next_id: i64,
    server: JoinHandle<copydesk::lsp::Ending>,
    reader: JoinHandle<()>,
}

impl TestClient {
    /// Start a server and connect a client to it; nothing is sent yet.
    pub fn start() -> TestClient {
        let (client_io, server_io) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_io);
        let server = tokio::spawn(copydesk::lsp::serve(server_read, Bridge::to(server_write)));
        let (client_read, writer) = tokio::io::split(client_io);
        let (tx, incoming) = mpsc::unbounded_channel();
        let writer = Arc::new(Mutex::new(writer));
        let reader = tokio::spawn(read_messages(client_read, writer.clone(), tx));
        TestClient {
            writer,
            incoming,
            pending: VecDeque::new(),
            next_id: 1,
            server,
            reader,
        }
    }

    /// Start a server and initialize it with `capabilities` and, when given,
    /// one workspace folder. Returns the initialize result.
    pub async fn initialized(capabilities: Value, root: Option<&Path>) -> (TestClient, Value) {
        TestClient::initialized_with(capabilities, root, Value::Null).await
    }

    /// As `initialized`, with `initializationOptions`.
    pub async fn initialized_with(
        capabilities: Value,
        root: Option<&Path>,
        options: Value,
    ) -> (TestClient, Value) {
        let mut client = TestClient::start();
        let folders = root.map(|root| json!([{ "uri": file_uri(root), "name": "desk" }]));
        let result = client
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": root.map(file_uri),
                    "capabilities": capabilities,
                    "workspaceFolders": folders,
                    "initializationOptions": options,
                }),
            )
            .await;
        client.notify("initialized", json!({})).await;
        (client, result)
    }

    async fn send(&mut self, message: Value) {
        write_frame(&self.writer, &message).await;
    }

    /// Send bytes as they are, framing and all: for malformed messages.
    pub async fn send_bytes(&mut self, bytes: &[u8]) {
        let mut writer = self.writer.lock().await;
        writer.write_all(bytes).await.unwrap();
        writer.flush().await.unwrap();
    }

    /// Send `body` with a correct `Content-Length` header, whatever it holds.
    pub async fn send_body(&mut self, body: &[u8]) {
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend_from_slice(body);
        self.send_bytes(&frame).await;
    }

    /// Whether the server task is still running.
    pub fn serving(&self) -> bool {
        !self.server.is_finished()
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }))
            .await;
    }

    /// Send a request and wait for its response; returns the whole response,
    /// `result` or `error`.
    pub async fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))
            .await;
        self.take(|m| m.get("method").is_none() && m["id"] == json!(id))
            .await
    }

    /// Send a request and return its result, failing the test on an error.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params).await;
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Wait for the first message, received or to come, that `wanted`
    /// accepts, and take it out of the queue.
    pub async fn take(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.pending.iter().position(&wanted) {
            return self.pending.remove(at).unwrap();
        }
        loop {
            let message = tokio::time::timeout(WAIT, self.incoming.recv())
                .await
                .unwrap_or_else(|_| {
                    panic!(
                        "no matching message in {WAIT:?}; unmatched: {:#?}",
                        self.pending
                    )
                })
                .expect("the server closed the connection");
            if wanted(&message) {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    /// Whether a message already received and not yet taken matches.
    #[allow(dead_code)]
    pub fn pending_contains(&self, wanted: impl Fn(&Value) -> bool) -> bool {
        self.pending.iter().any(wanted)
    }

    /// The next notification of `method` whose params `wanted` accepts.
    pub async fn notification(&mut self, method: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let message = self
            .take(|m| m["method"] == method && m.get("id").is_none() && wanted(&m["params"]))
            .await;
        message["params"].clone()
    }

    /// The next diagnostics published for `uri`.
    pub async fn diagnostics(&mut self, uri: &str) -> Value {
        self.notification("textDocument/publishDiagnostics", |p| p["uri"] == uri)
            .await
    }

    /// The next `window/logMessage` that contains `text`.
    pub async fn log_containing(&mut self, text: &str) -> String {
        let params = self
            .notification("window/logMessage", |p| {
                p["message"].as_str().is_some_and(|m| m.contains(text))
            })
            .await;
        params["message"].as_str().unwrap().to_string()
    }

    /// Open `uri` with `text` at version 1 and wait for its diagnostics.
    pub async fn open(&mut self, uri: &str, text: &str) -> Value {
        self.send_open(uri, text).await;
        self.diagnostics(uri).await
    }

    /// Send `didOpen` for `uri` with `text` at version 1, waiting for
    /// nothing: for a client that pulls diagnostics, or a draft the server
    /// refuses.
    pub async fn send_open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "markdown", "version": 1, "text": text
            }}),
        )
        .await;
    }

    /// Send one `didChange` with `changes` at `version`.
    pub async fn change(&mut self, uri: &str, version: i32, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": changes,
            }),
        )
        .await;
    }

    /// The version and text the server holds for `uri`, or null.
    pub async fn synced(&mut self, uri: &str) -> Value {
        self.request(copydesk::lsp::SYNCED_DOCUMENT, json!({ "uri": uri }))
            .await
    }

    /// Ask for something at a position: hover, definition, references.
    pub async fn at(&mut self, method: &str, uri: &str, position: Value) -> Value {
        let mut params = json!({ "textDocument": { "uri": uri }, "position": position });
        if method == "textDocument/references" {
            params["context"] = json!({ "includeDeclaration": true });
        }
        self.request(method, params).await
    }

    /// Shut the server down politely and wait for it to stop.
    pub async fn shutdown(mut self) {
        self.request("shutdown", Value::Null).await;
        self.notify("exit", Value::Null).await;
        let ending = tokio::time::timeout(WAIT, self.server)
            .await
            .expect("the server did not stop after exit")
            .unwrap();
        assert_eq!(ending, copydesk::lsp::Ending::AfterShutdown);
        self.reader.abort();
    }

    /// Say exit, without asking for shutdown first, and return how the
    /// server says the session ended.
    pub async fn exit(mut self) -> copydesk::lsp::Ending {
        self.notify("exit", Value::Null).await;
        let ending = tokio::time::timeout(WAIT, self.server)
            .await
            .expect("the server did not stop after exit")
            .unwrap();
        self.reader.abort();
        ending
    }
}

/// Read framed messages from the server. Requests from the server
/// (`workspace/configuration`, `window/workDoneProgress/create` ...) are
/// answered with null at once and also passed on, so tests can see them.
async fn read_messages(
    read: ReadHalf<DuplexStream>,
    writer: SharedWriter,
    tx: mpsc::UnboundedSender<Value>,
) {
    let mut read = BufReader::new(read);
    while let Some(message) = read_message(&mut read).await {
        if message.get("method").is_some() && message.get("id").is_some() {
            let answer = json!({ "jsonrpc": "2.0", "id": message["id"], "result": null });
            write_frame(&writer, &answer).await;
        }
        if tx.send(message).is_err() {
            return;
        }
    }
}

async fn write_frame(writer: &SharedWriter, message: &Value) {
    let body = serde_json::to_string(message).unwrap();
    let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let mut writer = writer.lock().await;
    writer.write_all(frame.as_bytes()).await.unwrap();
    writer.flush().await.unwrap();
}

async fn read_message(read: &mut BufReader<ReadHalf<DuplexStream>>) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if read.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    read.read_exact(&mut body).await.ok()?;
    serde_json::from_slice(&body).ok()
}

/// The `file:` URI of a local path.
pub fn file_uri(path: &Path) -> String {
    Uri::from_file_path(path)
        .expect("an absolute path")
        .as_str()
        .to_string()
}
