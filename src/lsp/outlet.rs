//! The server's way out: everything it writes to the client passes here.
//!
//! The framework writes its messages into one end of an in-process pipe;
//! a pump reads them whole and writes them to the real output. Answers too
//! large for the framework's way of encoding (it builds a
//! `serde_json::Value` of every answer, a few allocations per field) are
//! encoded by copydesk and handed to the pump through an [`Outlet`], as
//! are diagnostics, which copydesk publishes from the thread that made
//! them. The pump writes only whole messages, so the two never interleave
//! inside one; their order across messages is free, as JSON-RPC allows,
//! and the outlet's keep the order they were sent in.

use std::future::Future;

use serde::Serialize;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc;
use tower_lsp_server::ls_types::notification::{Notification as _, PublishDiagnostics};
use tower_lsp_server::ls_types::{Diagnostic, PublishDiagnosticsParams, Uri};

/// How much the framework may write ahead of the pump.
const PIPE: usize = 1 << 20;

/// The header every framed message starts with.
const HEADER: &[u8] = b"Content-Length: ";

/// Where copydesk hands a message it encoded itself.
#[derive(Clone, Debug)]
pub struct Outlet {
    messages: mpsc::UnboundedSender<Framed>,
}

impl Outlet {
    /// Send the JSON-RPC message `write_body` writes, framed. Nothing
    /// happens once the server has stopped writing.
    pub fn send(&self, write_body: impl FnOnce(&mut Vec<u8>)) {
        let _ = self.messages.send(Framed::new(write_body));
    }

    /// Publish `diagnostics` for `uri` as analysed at `version`. Every
    /// publication goes this way, so they reach the client in the order
    /// they were made; the framework's way would first build a
    /// `serde_json::Value` of them and pass through two more threads.
    pub fn publish_diagnostics(
        &self,
        uri: Uri,
        diagnostics: Vec<Diagnostic>,
        version: Option<i32>,
    ) {
        let params = PublishDiagnosticsParams::new(uri, diagnostics, version);
        self.send(|body| {
            serde_json::to_writer(
                body,
                &Notification {
                    jsonrpc: "2.0",
                    method: PublishDiagnostics::METHOD,
                    params: &params,
                },
            )
            .expect("diagnostics encode into memory");
        });
    }
}

/// A JSON-RPC notification, as the framework writes one.
#[derive(Serialize)]
struct Notification<'a, P> {
    jsonrpc: &'static str,
    method: &'static str,
    params: &'a P,
}

/// A message with its header, in one buffer: the body is written after
/// room for the longest header, and the header goes just before it, so a
/// large answer is not copied to be framed.
#[derive(Debug)]
struct Framed {
    bytes: Vec<u8>,
    start: usize,
}

/// Room for `Content-Length: ` with any length, and the blank line.
const HEADER_ROOM: usize = HEADER.len() + 20 + 4;

impl Framed {
    fn new(write_body: impl FnOnce(&mut Vec<u8>)) -> Framed {
        let mut bytes = vec![0; HEADER_ROOM];
        write_body(&mut bytes);
        let length = bytes.len() - HEADER_ROOM;
        let mut number = itoa::Buffer::new();
        let digits = number.format(length).as_bytes();
        let start = HEADER_ROOM - HEADER.len() - digits.len() - 4;
        let mut at = start;
        for part in [HEADER, digits, b"\r\n\r\n"] {
            bytes[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
        Framed { bytes, start }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

/// The way out onto `output`: the writer to give the framework, the
/// outlet for messages copydesk encodes, and the pump that writes both to
/// `output`. The pump ends once the framework's writer is dropped, after
/// writing what the outlet still holds.
pub fn open(
    output: impl AsyncWrite + Unpin + Send + 'static,
) -> (DuplexStream, Outlet, impl Future<Output = ()> + Send) {
    let (framework, from_framework) = tokio::io::duplex(PIPE);
    let (messages, outlet) = mpsc::unbounded_channel();
    let pump = pump(from_framework, outlet, output);
    (framework, Outlet { messages }, pump)
}

async fn pump(
    mut framework: impl AsyncRead + Unpin,
    mut outlet: mpsc::UnboundedReceiver<Framed>,
    mut output: impl AsyncWrite + Unpin,
) {
    let mut pending = Vec::new();
    let mut chunk = vec![0u8; 1 << 16];
    let mut outlet_open = true;
    loop {
        tokio::select! {
            read = framework.read(&mut chunk) => {
                let n = match read {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                pending.extend_from_slice(&chunk[..n]);
                let whole = whole_messages(&pending);
                if whole > 0 {
                    if write(&mut output, &pending[..whole]).await.is_err() {
                        return;
                    }
                    pending.drain(..whole);
                }
            }
            message = outlet.recv(), if outlet_open => match message {
                Some(message) => {
                    if write(&mut output, message.as_bytes()).await.is_err() {
                        return;
                    }
                }
                None => outlet_open = false,
            },
        }
    }
    // The framework has written its last message; so has every handler,
    // since the framework waits for them. Write what they left.
    outlet.close();
    while let Ok(message) = outlet.try_recv() {
        if write(&mut output, message.as_bytes()).await.is_err() {
            return;
        }
    }
    if !pending.is_empty() {
        let _ = write(&mut output, &pending).await;
    }
}

async fn write(output: &mut (impl AsyncWrite + Unpin), bytes: &[u8]) -> std::io::Result<()> {
    output.write_all(bytes).await?;
    output.flush().await
}

/// How many bytes at the start of `bytes` are whole framed messages, as
/// the framework writes them: `Content-Length: N\r\n\r\n` and N bytes. A
/// header that cannot be read (the framework never writes one) ends the
/// count, and the rest goes out as it comes at the end.
fn whole_messages(bytes: &[u8]) -> usize {
    let mut at = 0;
    while let Some(length) = message_length(&bytes[at..]) {
        if bytes.len() - at < length {
            break;
        }
        at += length;
    }
    at
}

/// The length of the framed message at the start of `bytes`, header and
/// all, once its header is in.
fn message_length(bytes: &[u8]) -> Option<usize> {
    let end = memchr::memmem::find(bytes, b"\r\n\r\n")?;
    let header = std::str::from_utf8(&bytes[..end]).ok()?;
    let body: usize = header
        .split("\r\n")
        .find_map(|line| line.strip_prefix("Content-Length: "))?
        .trim()
        .parse()
        .ok()?;
    Some(end + 4 + body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> Vec<u8> {
        Framed::new(|bytes| bytes.extend_from_slice(body.as_bytes()))
            .as_bytes()
            .to_vec()
    }

    #[test]
    fn a_message_is_framed_with_its_length() {
        for body in ["", "{}", &"x".repeat(12_345)] {
            let expected = format!("Content-Length: {}\r\n\r\n{body}", body.len());
            assert_eq!(framed(body), expected.as_bytes());
        }
    }

    #[test]
    fn whole_messages_stop_before_a_message_still_arriving() {
        let mut bytes = framed("{\"a\":1}");
        let first = bytes.len();
        bytes.extend(framed("{\"b\":22}"));
        let both = bytes.len();
        bytes.extend_from_slice(&framed("{\"c\":333}")[..20]);
        assert_eq!(whole_messages(&bytes), both);
        assert_eq!(whole_messages(&bytes[..both - 1]), first);
        assert_eq!(whole_messages(&bytes[..5]), 0);
        assert_eq!(whole_messages(b""), 0);
    }

    /// The notification is the one the framework's `publish_diagnostics`
    /// would send.
    #[tokio::test]
    async fn diagnostics_are_published_as_the_framework_would() {
        use tower_lsp_server::ls_types::{Position, Range};
        let (output, mut read_back) = tokio::io::duplex(1 << 16);
        let (framework, outlet, pump) = open(output);
        let pump = tokio::spawn(pump);
        let uri: Uri = "file:///desk/a%20b.md".parse().unwrap();
        let range = Range::new(Position::new(3, 1), Position::new(3, 9));
        let diagnostic = Diagnostic::new_simple(range, "A quote nobody said.".into());
        outlet.publish_diagnostics(uri.clone(), vec![diagnostic.clone()], Some(7));
        drop(framework);
        pump.await.unwrap();
        let mut out = Vec::new();
        read_back.read_to_end(&mut out).await.unwrap();
        let header_end = memchr::memmem::find(&out, b"\r\n\r\n").unwrap() + 4;
        let ours: serde_json::Value = serde_json::from_slice(&out[header_end..]).unwrap();
        let theirs = serde_json::json!({
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": PublishDiagnosticsParams::new(uri, vec![diagnostic], Some(7)),
        });
        assert_eq!(ours, theirs);
        assert_eq!(message_length(&out), Some(out.len()));
    }

    #[test]
    fn a_header_with_other_fields_is_read_too() {
        let message = b"Content-Type: x\r\nContent-Length: 2\r\n\r\n{}";
        assert_eq!(whole_messages(message), message.len());
        assert_eq!(whole_messages(b"Content-Length: two\r\n\r\n{}"), 0);
    }

    /// The framework's messages arrive in pieces with the outlet's sent
    /// between the pieces: what comes out is the framework's messages in
    /// order and whole, and every one of the outlet's, none inside another.
    #[tokio::test]
    async fn messages_from_both_sides_come_out_whole() {
        let ours: Vec<String> = (0..20)
            .map(|n| format!("{{\"framework\":{n},\"pad\":\"{}\"}}", "x".repeat(n * 37)))
            .collect();
        let (output, mut read_back) = tokio::io::duplex(1 << 20);
        let (mut framework, outlet, pump) = open(output);
        let pump = tokio::spawn(pump);
        for (n, body) in ours.iter().enumerate() {
            let bytes = framed(body);
            // Write each message in two pieces with an outlet message
            // sent between them.
            let cut = bytes.len() / 2;
            framework.write_all(&bytes[..cut]).await.unwrap();
            framework.flush().await.unwrap();
            tokio::task::yield_now().await;
            outlet.send(|bytes| bytes.extend(format!("{{\"outlet\":{n}}}").bytes()));
            tokio::task::yield_now().await;
            framework.write_all(&bytes[cut..]).await.unwrap();
            framework.flush().await.unwrap();
        }
        outlet.send(|bytes| bytes.extend_from_slice(b"{\"outlet\":\"last\"}"));
        drop(framework);
        pump.await.unwrap();
        let mut out = Vec::new();
        read_back.read_to_end(&mut out).await.unwrap();
        let mut bodies = Vec::new();
        let mut at = 0;
        while at < out.len() {
            let length = message_length(&out[at..]).expect("a whole message");
            let header_end = memchr::memmem::find(&out[at..], b"\r\n\r\n").unwrap() + 4;
            let body = std::str::from_utf8(&out[at + header_end..at + length]).unwrap();
            bodies.push(serde_json::from_str::<serde_json::Value>(body).unwrap());
            at += length;
        }
        let framework_order: Vec<&serde_json::Value> = bodies
            .iter()
            .filter(|b| b.get("framework").is_some())
            .collect();
        assert_eq!(framework_order.len(), 20);
        for (n, body) in framework_order.iter().enumerate() {
            assert_eq!(body["framework"], n);
        }
        let from_outlet = bodies.iter().filter(|b| b.get("outlet").is_some()).count();
        assert_eq!(from_outlet, 21);
    }
}
