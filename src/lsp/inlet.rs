//! The server's way in: standard input read by a thread of its own.
//!
//! tokio's `stdin` hands every read to its pool of blocking threads, so a
//! message wakes a pool thread, which wakes the task reading, which then
//! hands the next read to a pool thread again. A thread that does nothing
//! but read, and passes what it read over a channel, has its next read
//! waiting before the message is even decoded: one wake-up per message
//! fewer, on the path of every keystroke.

use std::io::Read;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};
use tokio::sync::mpsc;

/// What the reading thread passes on at most at a time.
const CHUNK: usize = 64 * 1024;

/// Bytes read from a blocking reader by a thread of its own.
pub struct Inlet {
    chunks: mpsc::Receiver<std::io::Result<Vec<u8>>>,
    /// The chunk being read from, and how much of it is read.
    current: Vec<u8>,
    at: usize,
}

impl Inlet {
    /// Read `input` on a new thread until it ends or fails, or until the
    /// inlet is dropped.
    pub fn spawn(mut input: impl Read + Send + 'static) -> Inlet {
        let (sender, chunks) = mpsc::channel(4);
        std::thread::Builder::new()
            .name("copydesk-stdin".into())
            .spawn(move || loop {
                let mut chunk = vec![0; CHUNK];
                let read = match input.read(&mut chunk) {
                    Ok(0) => break,
                    Ok(n) => {
                        chunk.truncate(n);
                        Ok(chunk)
                    }
                    Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(err) => Err(err),
                };
                let failed = read.is_err();
                if sender.blocking_send(read).is_err() || failed {
                    break;
                }
            })
            .expect("a thread to read standard input");
        Inlet {
            chunks,
            current: Vec::new(),
            at: 0,
        }
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
            match this.chunks.poll_recv(cx) {
                Poll::Ready(Some(Ok(chunk))) => {
                    this.current = chunk;
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
    use tokio::io::AsyncReadExt;

    #[tokio::test]
    async fn what_the_thread_reads_comes_out_in_order_and_then_the_end() {
        let bytes: Vec<u8> = (0..200_000u32).map(|n| (n % 251) as u8).collect();
        let mut inlet = Inlet::spawn(std::io::Cursor::new(bytes.clone()));
        let mut out = Vec::new();
        inlet.read_to_end(&mut out).await.unwrap();
        assert_eq!(out, bytes);
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
}
