//! The server's way out: everything it writes to the client passes here.
//!
//! The output is shared behind a lock, and every message is written whole
//! by the thread that made it. Copydesk's own messages (diagnostics, which
//! the analysis worker publishes as soon as it has them, and answers too
//! large for the framework's way of encoding, which builds a
//! `serde_json::Value` of every answer, a few allocations per field) are
//! framed and written through an [`Outlet`]. The framework writes into a
//! [`FrameworkWriter`], which passes on each of its messages once it is
//! whole. So the two never interleave inside a message, and a keystroke's
//! diagnostics go out from the analysis thread with no hand-off to another
//! thread. Their order across messages is free, as JSON-RPC allows; the
//! outlet's keep the order they were sent in.

use std::io::Write;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use serde::Serialize;
use tokio::io::AsyncWrite;
use tower_lsp_server::ls_types::notification::{Notification as _, PublishDiagnostics};
use tower_lsp_server::ls_types::{Diagnostic, PublishDiagnosticsParams, Uri};

/// The header every framed message starts with.
const HEADER: &[u8] = b"Content-Length: ";

/// Where messages are written, whole, one at a time.
#[derive(Clone)]
pub struct Outlet {
    output: Arc<Mutex<Output>>,
}

impl std::fmt::Debug for Outlet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outlet").finish_non_exhaustive()
    }
}

struct Output {
    writer: Box<dyn Write + Send>,
    /// A write failed: the client is gone, and nothing more is written.
    failed: bool,
}

impl Outlet {
    /// Send the JSON-RPC message `write_body` writes, framed. Nothing
    /// happens once a write has failed.
    pub fn send(&self, write_body: impl FnOnce(&mut Vec<u8>)) {
        let _ = self.write(Framed::new(write_body).as_bytes());
    }

    /// Write `bytes`, whole messages, and flush them.
    fn write(&self, bytes: &[u8]) -> std::io::Result<()> {
        let mut output = self
            .output
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if output.failed {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        let written = output
            .writer
            .write_all(bytes)
            .and_then(|()| output.writer.flush());
        output.failed = written.is_err();
        written
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

/// The way out onto `output`: the writer to give the framework, and the
/// outlet for messages copydesk encodes.
pub fn open(output: impl Write + Send + 'static) -> (FrameworkWriter, Outlet) {
    let outlet = Outlet {
        output: Arc::new(Mutex::new(Output {
            writer: Box::new(output),
            failed: false,
        })),
    };
    let framework = FrameworkWriter {
        outlet: outlet.clone(),
        pending: Vec::new(),
    };
    (framework, outlet)
}

/// What the framework writes its messages into: each goes out through the
/// outlet once it is whole. The writes block the framework's task while
/// the output takes them, as the client reads.
pub struct FrameworkWriter {
    outlet: Outlet,
    /// What the framework wrote of a message not yet whole.
    pending: Vec<u8>,
}

impl AsyncWrite for FrameworkWriter {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        bytes: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        this.pending.extend_from_slice(bytes);
        let whole = whole_messages(&this.pending);
        if whole > 0 {
            this.outlet.write(&this.pending[..whole])?;
            this.pending.drain(..whole);
        }
        Poll::Ready(Ok(bytes.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    /// The framework is done: what it left unfinished goes out as it is.
    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        if !this.pending.is_empty() {
            this.outlet.write(&std::mem::take(&mut this.pending))?;
        }
        Poll::Ready(Ok(()))
    }
}

/// How many bytes at the start of `bytes` are whole framed messages, as
/// the framework writes them: `Content-Length: N\r\n\r\n` and N bytes. A
/// header that cannot be read (the framework never writes one) ends the
/// count, and the rest goes out when the framework shuts its writer.
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
    use tokio::io::AsyncWriteExt;

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

    /// An output the test reads back.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Captured {
        fn bytes(&self) -> Vec<u8> {
            self.0.lock().unwrap().clone()
        }
    }

    /// The notification is the one the framework's `publish_diagnostics`
    /// would send.
    #[test]
    fn diagnostics_are_published_as_the_framework_would() {
        use tower_lsp_server::ls_types::{Position, Range};
        let output = Captured::default();
        let (_framework, outlet) = open(output.clone());
        let uri: Uri = "file:///desk/a%20b.md".parse().unwrap();
        let range = Range::new(Position::new(3, 1), Position::new(3, 9));
        let diagnostic = Diagnostic::new_simple(range, "A quote nobody said.".into());
        outlet.publish_diagnostics(uri.clone(), vec![diagnostic.clone()], Some(7));
        let out = output.bytes();
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

    /// A client that went away: the first failed write stops all writing,
    /// and the framework hears of it.
    #[tokio::test]
    async fn after_a_failed_write_nothing_more_is_written() {
        struct Gone(usize);
        impl Write for Gone {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0 += 1;
                if self.0 > 1 {
                    return Err(std::io::ErrorKind::BrokenPipe.into());
                }
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let (mut framework, outlet) = open(Gone(0));
        outlet.send(|bytes| bytes.extend_from_slice(b"{}"));
        assert!(outlet.write(&framed("{}")).is_err());
        let err = framework.write_all(&framed("{}")).await.unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
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
        let output = Captured::default();
        let (mut framework, outlet) = open(output.clone());
        for (n, body) in ours.iter().enumerate() {
            let bytes = framed(body);
            // Write each message in two pieces with an outlet message
            // sent between them.
            let cut = bytes.len() / 2;
            framework.write_all(&bytes[..cut]).await.unwrap();
            framework.flush().await.unwrap();
            outlet.send(|bytes| bytes.extend(format!("{{\"outlet\":{n}}}").bytes()));
            framework.write_all(&bytes[cut..]).await.unwrap();
            framework.flush().await.unwrap();
        }
        outlet.send(|bytes| bytes.extend_from_slice(b"{\"outlet\":\"last\"}"));
        // An unfinished message goes out as it is when the framework stops.
        framework
            .write_all(b"Content-Length: 99\r\n")
            .await
            .unwrap();
        framework.shutdown().await.unwrap();
        let out = output.bytes();
        assert!(out.ends_with(b"Content-Length: 99\r\n"));
        let out = &out[..out.len() - b"Content-Length: 99\r\n".len()];
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
        let from_outlet: Vec<&serde_json::Value> =
            bodies.iter().filter_map(|b| b.get("outlet")).collect();
        assert_eq!(from_outlet.len(), 21);
        // The outlet's messages keep the order they were sent in.
        assert_eq!(from_outlet[0], 0);
        assert_eq!(from_outlet[19], 19);
        assert_eq!(from_outlet[20], "last");
    }
}
