//! The server's way in: standard input read, and checked, by a thread of
//! its own.
//!
//! tokio's `stdin` hands every read to its pool of blocking threads, so a
//! message wakes a pool thread, which wakes the task reading, which then
//! hands the next read to a pool thread again. A thread that does nothing
//! but read, and passes what it read over a channel, has its next read
//! waiting before the message is even decoded: one wake-up per message
//! fewer, on the path of every keystroke.
//!
//! The thread also does the transport guard's work (see `framing`): it
//! passes on checked frames, and it sees `exit` as soon as the client sends
//! it, even while the framework is held up writing to a client that has
//! stopped reading. For that it reads ahead of the framework, up to
//! [`READ_AHEAD`] bytes of messages not yet taken.

use std::io::Read;
use std::pin::Pin;
use std::sync::{Arc, Condvar, Mutex};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};
use tokio::sync::mpsc;

use super::framing::Frames;
use super::session::Session;

/// What the reading thread reads at most at a time.
const CHUNK: usize = 64 * 1024;

/// How many bytes of checked messages the reading thread may pass on
/// before the framework has taken them; past this it waits, and the
/// client's writes wait on it.
const READ_AHEAD: usize = 64 << 20;

/// Checked messages read from a blocking reader by a thread of its own,
/// which tells the session when the reader ends.
pub struct Inlet {
    batches: mpsc::UnboundedReceiver<std::io::Result<Vec<u8>>>,
    ahead: Arc<Ahead>,
    session: Arc<Session>,
    /// The batch being read from, and how much of it is read.
    current: Vec<u8>,
    at: usize,
}

/// The bytes passed on and not yet taken, which the reading thread waits
/// on once they reach [`READ_AHEAD`].
#[derive(Default)]
struct Ahead {
    bytes: Mutex<usize>,
    taken: Condvar,
}

impl Ahead {
    /// Count `n` more bytes passed on, once the framework is less than
    /// [`READ_AHEAD`] behind.
    fn reserve(&self, n: usize) {
        let mut bytes = self.bytes.lock().unwrap_or_else(|p| p.into_inner());
        while *bytes >= READ_AHEAD {
            bytes = self.taken.wait(bytes).unwrap_or_else(|p| p.into_inner());
        }
        *bytes += n;
    }

    /// Count `n` bytes taken (`usize::MAX` when nobody will take more),
    /// letting a waiting reader go on.
    fn release(&self, n: usize) {
        let mut bytes = self.bytes.lock().unwrap_or_else(|p| p.into_inner());
        *bytes = bytes.saturating_sub(n);
        self.taken.notify_all();
    }
}

impl Inlet {
    /// Read `input` on a new thread until it ends or fails, or until the
    /// inlet is dropped, passing on its messages checked.
    pub fn spawn(mut input: impl Read + Send + 'static) -> Inlet {
        let (sender, batches) = mpsc::unbounded_channel();
        let ahead = Arc::new(Ahead::default());
        let mut frames = Frames::default();
        let session = frames.session();
        let reading = ahead.clone();
        std::thread::Builder::new()
            .name("copydesk-stdin".into())
            .spawn(move || {
                let mut chunk = vec![0; CHUNK];
                loop {
                    let read = match input.read(&mut chunk) {
                        Ok(0) => break,
                        Ok(n) => n,
                        Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(err) => {
                            let _ = sender.send(Err(err));
                            break;
                        }
                    };
                    frames.push(&chunk[..read]);
                    let mut batch = Vec::new();
                    while let Some(frame) = frames.next_frame() {
                        // One frame, the usual case, goes on without a copy.
                        if batch.is_empty() {
                            batch = frame;
                        } else {
                            batch.extend_from_slice(&frame);
                        }
                    }
                    if batch.is_empty() {
                        continue;
                    }
                    reading.reserve(batch.len());
                    if sender.send(Ok(batch)).is_err() {
                        break;
                    }
                }
                frames.session().input_ended();
            })
            .expect("a thread to read standard input");
        Inlet {
            batches,
            ahead,
            session,
            current: Vec::new(),
            at: 0,
        }
    }

    /// What the reading thread has seen of the session's end.
    pub fn session(&self) -> Arc<Session> {
        self.session.clone()
    }
}

impl Drop for Inlet {
    /// Nothing more will be taken: a reading thread waiting for room is
    /// let go, to find the channel closed.
    fn drop(&mut self) {
        self.ahead.release(usize::MAX);
    }
}

impl AsyncRead for Inlet {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        while this.at == this.current.len() {
            match this.batches.poll_recv(cx) {
                Poll::Ready(Some(Ok(batch))) => {
                    this.ahead.release(batch.len());
                    this.current = batch;
                    this.at = 0;
                }
                Poll::Ready(Some(Err(err))) => return Poll::Ready(Err(err)),
                // The input ended: a read of nothing says so.
                Poll::Ready(None) => return Poll::Ready(Ok(())),
                Poll::Pending => return Poll::Pending,
            }
        }
        super::framing::lend(&this.current, &mut this.at, buf);
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::session::Ending;
    use std::time::Duration;
    use tokio::io::AsyncReadExt;

    fn framed(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    #[tokio::test]
    async fn messages_come_out_checked_in_order_and_then_the_end() {
        let good: Vec<String> = (0..2_000)
            .map(|n| {
                format!(
                    r#"{{"jsonrpc":"2.0","id":{n},"method":"x","params":"{}"}}"#,
                    "p".repeat(n % 97)
                )
            })
            .collect();
        let mut bytes: Vec<u8> = good.iter().flat_map(|body| framed(body)).collect();
        bytes.extend(framed("[1, 2]"));
        let mut inlet = Inlet::spawn(std::io::Cursor::new(bytes.clone()));
        let mut out = Vec::new();
        inlet.read_to_end(&mut out).await.unwrap();
        let notice_at = bytes.len() - framed("[1, 2]").len();
        assert_eq!(out[..notice_at], bytes[..notice_at]);
        let notice = String::from_utf8_lossy(&out[notice_at..]);
        assert!(notice.contains("copydesk/malformedMessage"), "{notice}");
        // The end of the input ends the session.
        tokio::time::timeout(
            Duration::from_secs(10),
            inlet.session().over_then(Duration::ZERO),
        )
        .await
        .expect("the end is seen");
        assert_eq!(inlet.session().ending(), Ending::WithoutShutdown);
    }

    #[tokio::test]
    async fn a_failed_read_is_passed_on() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("the pipe broke"))
            }
        }
        let mut inlet = Inlet::spawn(Broken);
        let mut out = Vec::new();
        let err = inlet.read_to_end(&mut out).await.unwrap_err();
        assert_eq!(err.to_string(), "the pipe broke");
    }

    #[test]
    fn the_reading_thread_waits_once_it_is_far_enough_ahead() {
        let ahead = Arc::new(Ahead::default());
        ahead.reserve(READ_AHEAD);
        let (done, reserved) = std::sync::mpsc::channel();
        let reading = ahead.clone();
        let thread = std::thread::spawn(move || {
            reading.reserve(10);
            done.send(()).unwrap();
        });
        assert!(reserved.recv_timeout(Duration::from_millis(100)).is_err());
        ahead.release(READ_AHEAD);
        reserved
            .recv_timeout(Duration::from_secs(10))
            .expect("room was made");
        thread.join().unwrap();
        assert_eq!(*ahead.bytes.lock().unwrap(), 10);
    }

    #[tokio::test]
    async fn shutdown_and_exit_are_seen_though_nothing_is_taken() {
        let mut bytes = framed(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#);
        bytes.extend(framed(r#"{"jsonrpc":"2.0","method":"exit"}"#));
        let inlet = Inlet::spawn(std::io::Cursor::new(bytes));
        let session = inlet.session();
        tokio::time::timeout(Duration::from_secs(10), session.over_then(Duration::ZERO))
            .await
            .expect("the exit is seen");
        assert_eq!(session.ending(), Ending::AfterShutdown);
    }
}
