//! The client's end of a real `copydesk lsp`, run as a child process and
//! spoken to over pipes in `Content-Length` frames, as an editor does. What
//! to send, and what to make of the answers, is up to each user: the
//! server bench times them, the soak test checks them.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Instant;

use serde_json::{json, Value};

/// The server process with the client's ends of its stdin and stdout.
pub struct Server {
    pub child: Child,
    pub stdin: ChildStdin,
    /// Each message from the server, with when the first line of its
    /// header arrived: the server had made and encoded it by then, and the
    /// client had not yet read or decoded its body. A body that is not
    /// JSON comes as `{"undecodable": why}`, with neither id nor method.
    /// The channel closes when the server's stdout does.
    pub incoming: Receiver<(Instant, Value)>,
}

impl Server {
    /// Start `copydesk lsp` logging only errors, with its stderr going to
    /// `stderr`, and read its stdout on a thread of its own.
    pub fn start(stderr: Stdio) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .arg("lsp")
            .env("COPYDESK_LOG", "error")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("copydesk lsp starts");
        let stdin = child.stdin.take().expect("stdin is piped");
        let incoming = read_messages(child.stdout.take().expect("stdout is piped"));
        Server {
            child,
            stdin,
            incoming,
        }
    }

    /// Write `message` to the server in one frame.
    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|()| self.stdin.flush())
            .expect("the server reads its stdin");
    }
}

/// Split `stdout` into messages, on a thread of their own, until it closes.
fn read_messages(stdout: impl Read + Send + 'static) -> Receiver<(Instant, Value)> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = 0usize;
            let mut arrived = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                arrived.get_or_insert_with(Instant::now);
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(value) = line.strip_prefix("Content-Length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_err() {
                return;
            }
            let message = serde_json::from_slice::<Value>(&body)
                .unwrap_or_else(|err| json!({ "undecodable": err.to_string() }));
            let arrived = arrived.unwrap_or_else(Instant::now);
            if tx.send((arrived, message)).is_err() {
                return;
            }
        }
    });
    rx
}
