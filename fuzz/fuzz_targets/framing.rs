//! The guard in front of the server's reader, fed any bytes: it ends when
//! its input ends, and what it passes on is a sequence of frames, each
//! `Content-Length: N\r\n\r\n` and N bytes of body, with nothing after the
//! last. Every body is a JSON-RPC message the framework decodes: passed
//! on byte for byte as the client sent it, or with its lone surrogates
//! read as `\ufffd`, or a `copydesk/malformedMessage` or
//! `copydesk/invalidRequest` notification with a reason. Which messages
//! pass does not depend on how the input is split into reads.
//!
//! The input is the client's byte stream. It is read twice: in one piece,
//! and in pieces of 1 to 32 bytes whose sizes come from the stream itself.

#![no_main]

use std::io::Cursor;
use std::pin::Pin;
use std::sync::OnceLock;
use std::task::{Context, Poll};
use std::time::Duration;

use copydesk::lsp::{guard, INVALID_REQUEST, MALFORMED};
use libfuzzer_sys::fuzz_target;
use memchr::memmem;
use serde::Deserialize;
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};
use tokio::runtime::Runtime;
use tower_lsp_server::jsonrpc::{Request, Response};

/// Long enough for any input libFuzzer makes; the guard does no waiting of
/// its own, so running out of time means it never ended.
const TIMEOUT: Duration = Duration::from_secs(20);

fuzz_target!(|data: &[u8]| {
    let whole = passed_messages(data, guarded(Cursor::new(data.to_vec())));
    let pieces = passed_messages(data, guarded(Pieces::new(data)));
    assert!(
        whole == pieces,
        "the messages passed on depend on how the input was split into reads:\n\
         read whole:     {:?}\nread in pieces: {:?}",
        lossy(&whole),
        lossy(&pieces)
    );
});

fn lossy(bodies: &[Vec<u8>]) -> Vec<std::borrow::Cow<'_, str>> {
    bodies.iter().map(|b| String::from_utf8_lossy(b)).collect()
}

/// What the framework decodes: a response, or a request or notification.
/// Written out here rather than imported from the guard on purpose: the
/// target checks the guard against its own reading of the framework, and
/// a check made with the guard's own definition could not catch it.
#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)] // Deserialised only to be checked.
enum Message {
    Response(Response),
    Request(Request),
}

/// Everything the guard writes for `input`, read to its end.
fn guarded(input: impl AsyncRead + Unpin + Send + 'static) -> Vec<u8> {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    let runtime = RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a current-thread runtime")
    });
    runtime.block_on(async {
        let mut guarded = guard(input);
        let mut output = Vec::new();
        match tokio::time::timeout(TIMEOUT, guarded.read_to_end(&mut output)).await {
            Ok(Ok(_)) => output,
            Ok(Err(err)) => panic!("reading the guard's output failed: {err}"),
            Err(_) => panic!("the guard did not end within {TIMEOUT:?} of its input ending"),
        }
    })
}

/// Split `output` into frames, check each, and return the bodies of the
/// messages passed on unchanged.
fn passed_messages(input: &[u8], output: Vec<u8>) -> Vec<Vec<u8>> {
    let mut passed = Vec::new();
    let mut rest = &output[..];
    while !rest.is_empty() {
        let (body, after) = next_frame(rest);
        rest = after;
        let text = std::str::from_utf8(body)
            .unwrap_or_else(|err| panic!("a body passed on is not UTF-8: {err}: {body:?}"));
        let json: serde_json::Value = serde_json::from_str(text)
            .unwrap_or_else(|err| panic!("a body passed on is not JSON: {err}: {text:?}"));
        assert!(
            serde_json::from_str::<Message>(text).is_ok(),
            "a body passed on is not a JSON-RPC message the framework decodes: {text:?}"
        );
        if contains(input, body) {
            passed.push(body.to_vec());
            continue;
        }
        if json["method"] == MALFORMED || json["method"] == INVALID_REQUEST {
            assert!(
                json["params"]["reason"]
                    .as_str()
                    .is_some_and(|r| !r.is_empty()),
                "a notice from the guard gives no reason: {text:?}"
            );
            continue;
        }
        // The one change the guard makes to a client's message.
        assert!(
            text.contains("\\ufffd"),
            "a body passed on is neither one the client sent, nor one with lone surrogates \
             replaced, nor a notice: {text:?}"
        );
        passed.push(body.to_vec());
    }
    passed
}

/// The body of the frame at the start of `output`, and what follows it.
fn next_frame(output: &[u8]) -> (&[u8], &[u8]) {
    const PREFIX: &[u8] = b"Content-Length: ";
    assert!(
        output.starts_with(PREFIX),
        "output does not start with a Content-Length header: {:?}",
        String::from_utf8_lossy(&output[..output.len().min(80)])
    );
    let header_end =
        memmem::find(output, b"\r\n\r\n").expect("a header with no blank line after it");
    let value = std::str::from_utf8(&output[PREFIX.len()..header_end])
        .expect("a Content-Length that is not UTF-8");
    let length: usize = value
        .parse()
        .unwrap_or_else(|_| panic!("the Content-Length {value:?} is not a number"));
    let body_start = header_end + 4;
    assert!(
        output.len() - body_start >= length,
        "a frame announces {length} bytes but only {} follow",
        output.len() - body_start
    );
    output[body_start..].split_at(length)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memmem::find(haystack, needle).is_some()
}

/// A reader that hands out its bytes in pieces of 1 to 32 bytes, each
/// piece's size taken from the byte at its start.
struct Pieces {
    data: Vec<u8>,
    at: usize,
}

impl Pieces {
    fn new(data: &[u8]) -> Self {
        Pieces {
            data: data.to_vec(),
            at: 0,
        }
    }
}

impl AsyncRead for Pieces {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let rest = &self.data[self.at..];
        let size = rest.first().map_or(0, |&b| 1 + usize::from(b % 32));
        let n = size.min(rest.len()).min(buf.remaining());
        buf.put_slice(&rest[..n]);
        self.at += n;
        Poll::Ready(Ok(()))
    }
}
