//! A guard in front of the JSON-RPC transport.
//!
//! The framework's reader stops for good at the first message it cannot
//! decode, and the server with it. This guard reads the client's byte
//! stream first, frame by frame, and passes on only messages the framework
//! can decode. Anything else (a body that is not UTF-8 or not JSON, JSON
//! that is not a JSON-RPC message, a frame with no usable `Content-Length`
//! or one over the limit) becomes a `copydesk/malformedMessage`
//! notification saying what was wrong, which the server logs; the session
//! goes on. A request the framework cannot decode (its id an object, a
//! float, a boolean) becomes a `copydesk/invalidRequest` notification
//! instead, which the server answers with an Invalid Request error, so the
//! client is not left waiting. `body` checks each message, `surrogates`
//! reads the halves of UTF-16 pairs some clients send alone.

mod body;
mod surrogates;

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

use super::session::Session;
use crate::fsread::{self, Limits};

pub use body::{InvalidRequest, Malformed, INVALID_REQUEST, MALFORMED};

use body::check;

/// Room in a message for what is not the draft's text: the JSON-RPC
/// envelope, the URI, the version.
const ENVELOPE: u64 = 1 << 20;

/// The largest body copydesk accepts when the largest draft it reads is
/// `draft` bytes: any draft it would read from disk can be opened or sent
/// whole, however the client escapes it in JSON (a control character is
/// six bytes, `\u0001`). A header announcing more is refused, and
/// everything after it is dropped up to the next `Content-Length`: a
/// length of 10^12 is far likelier a client's mistake than a message, and
/// skipping it byte for byte would leave the server deaf to everything the
/// client sends after it, `exit` included.
fn max_body(draft: u64) -> usize {
    usize::try_from(draft.saturating_mul(6).saturating_add(ENVELOPE)).unwrap_or(usize::MAX)
}

/// The largest header block; more bytes with no blank line are garbage.
const MAX_HEADER: usize = 8 << 10;

/// `input` with every malformed message replaced by a notification that
/// says what was wrong with it. The checking is done as the framework
/// reads, on its thread: a message reaches it with no hand-off between
/// threads on the way. (Standard input is checked by the thread that reads
/// it instead; see `inlet`.)
pub fn guard<R: AsyncRead + Unpin>(input: R) -> Guarded<R> {
    Guarded {
        input,
        frames: Frames::default(),
        chunk: vec![0; 1 << 16].into_boxed_slice(),
        ready: Vec::new(),
        taken: 0,
        ended: false,
    }
}

/// The reader `guard` makes.
pub struct Guarded<R> {
    input: R,
    frames: Frames,
    chunk: Box<[u8]>,
    /// Checked frames not yet read, from `taken` on.
    ready: Vec<u8>,
    taken: usize,
    /// The input ended, or failed; what it sent is passed on, then the end.
    ended: bool,
}

/// Copy into `buf` as much of `held` from `*at` on as it has room for, and
/// move `at` past it: how a reader hands on bytes it holds.
pub(super) fn lend(held: &[u8], at: &mut usize, buf: &mut ReadBuf<'_>) {
    let n = buf.remaining().min(held.len() - *at);
    buf.put_slice(&held[*at..*at + n]);
    *at += n;
}

impl<R> Guarded<R> {
    /// What the guard sees of the session's end.
    pub fn session(&self) -> Arc<Session> {
        self.frames.session()
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for Guarded<R> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        loop {
            if this.taken < this.ready.len() {
                lend(&this.ready, &mut this.taken, buf);
                if this.taken == this.ready.len() {
                    this.ready.clear();
                    this.taken = 0;
                }
                return Poll::Ready(Ok(()));
            }
            if this.ended {
                return Poll::Ready(Ok(()));
            }
            let mut read = ReadBuf::new(&mut this.chunk);
            match Pin::new(&mut this.input).poll_read(cx, &mut read) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Ok(())) if !read.filled().is_empty() => {
                    this.frames.push(read.filled());
                    while let Some(frame) = this.frames.next_frame() {
                        this.ready.extend_from_slice(&frame);
                    }
                }
                Poll::Ready(_) => {
                    this.ended = true;
                    this.frames.session.input_ended();
                }
            }
        }
    }
}

/// The framing state: bytes received and not yet passed on.
pub(super) struct Frames {
    /// Told of each message that ends the session as it passes.
    session: Arc<Session>,
    /// The largest draft the user's settings allow, as the messages that
    /// set them (`initialize`, `workspace/didChangeConfiguration`) pass;
    /// `max_body` follows it.
    draft_limit: u64,
    max_body: usize,
    buffer: Vec<u8>,
    /// The length of the body being read, once its headers are in.
    body: Option<usize>,
    /// How far into `buffer` no blank line can start: a header that
    /// arrives a few bytes at a time is searched once, not once per read.
    searched: usize,
    /// After bad bytes: everything up to the next `Content-Length` is
    /// dropped, so what is thrown away does not depend on how much of the
    /// stream had arrived when the bad bytes were found.
    hunting: bool,
    /// After a header over the limit: how many bytes the hunt for the
    /// next header has dropped, said once it is found.
    oversized: Option<u64>,
}

impl Default for Frames {
    fn default() -> Self {
        let draft_limit = Limits::default().draft;
        Frames {
            session: Arc::default(),
            draft_limit,
            max_body: max_body(draft_limit),
            buffer: Vec::new(),
            body: None,
            searched: 0,
            hunting: false,
            oversized: None,
        }
    }
}

impl Frames {
    /// What the frames have shown of the session's end.
    pub(super) fn session(&self) -> Arc<Session> {
        self.session.clone()
    }

    /// Take in bytes as they were read.
    pub(super) fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// The next frame to pass on, when enough bytes are in.
    pub(super) fn next_frame(&mut self) -> Option<Vec<u8>> {
        loop {
            if let Some(length) = self.body {
                if self.buffer.len() < length {
                    return None;
                }
                let body: Vec<u8> = self.drain_front(length).collect();
                self.body = None;
                let checked = check(&body);
                if let Some(closing) = checked.closing {
                    self.session.saw(closing);
                }
                if let Some(draft) = checked.draft_limit {
                    self.draft_limit = draft;
                    self.max_body = max_body(draft);
                }
                return Some(frame(&checked.body));
            }
            if self.hunting {
                let dropped = self.resync(0) as u64;
                if let Some(skipped) = &mut self.oversized {
                    *skipped += dropped;
                }
                if !self.buffer.starts_with(HEADER) {
                    return None;
                }
                self.hunting = false;
                if let Some(skipped) = self.oversized.take() {
                    return Some(malformed(&format!(
                        "{skipped} bytes after the message over the limit were dropped, up to \
                         the next message header"
                    )));
                }
            }
            // A header block longer than the limit is refused whether its
            // end has arrived or not, so how the input was split into
            // reads never changes what is accepted.
            let end = self.blank_line().filter(|&end| end <= MAX_HEADER);
            let Some(end) = end else {
                // Only once a blank line starting within the limit can no
                // longer arrive.
                if self.buffer.len() >= MAX_HEADER + 4 {
                    let keep = self.resync(1);
                    return Some(malformed(&format!(
                        "{keep} bytes with no message header were dropped, and any more up to \
                         the next message header"
                    )));
                }
                return None;
            };
            // Stray bytes glued to the front of a header: drop them first.
            if let Some(at) = find(&self.buffer[..end], HEADER) {
                if at > 0 && self.buffer[at - 1] != b'\n' {
                    self.drain_front(at);
                    return Some(malformed(&format!(
                        "{at} stray bytes before a message header were dropped"
                    )));
                }
            }
            let headers = String::from_utf8_lossy(&self.buffer[..end]).into_owned();
            match content_length(&headers) {
                Ok(length) if length > self.max_body => {
                    self.drain_front(end + 4);
                    self.oversized = Some(self.resync(0) as u64);
                    return Some(malformed(&format!(
                        "a message header announced {length} bytes, over copydesk's limit of \
                         {} bytes, which leaves room for a draft of {} (the largest copydesk \
                         reads; the editor setting `copydesk.limits.draftMib` raises it); what \
                         follows it is dropped up to the next message header",
                        self.max_body,
                        fsread::size(self.draft_limit)
                    )));
                }
                Ok(length) => {
                    self.drain_front(end + 4);
                    self.body = Some(length);
                }
                Err(reason) => {
                    self.drain_front(end + 4);
                    self.resync(0);
                    return Some(malformed(&reason));
                }
            }
        }
    }

    /// Where the first blank line (the end of a header block) starts.
    fn blank_line(&mut self) -> Option<usize> {
        const BLANK: &[u8] = b"\r\n\r\n";
        let from = self.searched.min(self.buffer.len());
        match find(&self.buffer[from..], BLANK) {
            Some(at) => Some(from + at),
            None => {
                // A blank line may still start in the last few bytes.
                self.searched = self.buffer.len().saturating_sub(BLANK.len() - 1);
                None
            }
        }
    }

    /// Take the first `n` bytes off the buffer.
    fn drain_front(&mut self, n: usize) -> std::vec::Drain<'_, u8> {
        self.searched = 0;
        self.buffer.drain(..n)
    }

    /// Drop bytes up to the next `Content-Length` at or after `from`, and
    /// go on dropping until one arrives. Returns how many were dropped now.
    fn resync(&mut self, from: usize) -> usize {
        self.hunting = true;
        let from = from.min(self.buffer.len());
        let at = find(&self.buffer[from..], HEADER).map_or_else(
            // None yet: keep an end that may be the start of one whose
            // rest has not arrived.
            || {
                let len = self.buffer.len();
                let partial = (1..HEADER.len())
                    .rev()
                    .find(|&n| n <= len - from && self.buffer[len - n..] == HEADER[..n])
                    .unwrap_or(0);
                len - partial
            },
            |i| i + from,
        );
        self.drain_front(at);
        at
    }
}

/// The header every frame must carry, and where a resync starts again.
const HEADER: &[u8] = b"Content-Length";

/// The body's `Content-Length`, or why the headers are unusable.
fn content_length(headers: &str) -> Result<usize, String> {
    let mut length = None;
    for line in headers.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("the header line {line:?} is not `Name: value`"));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            length =
                Some(value.trim().parse::<usize>().map_err(|_| {
                    format!("the Content-Length {:?} is not a number", value.trim())
                })?);
        }
    }
    length.ok_or_else(|| "a message came without a Content-Length header".to_string())
}

/// A framed `copydesk/malformedMessage` notification giving `reason`.
fn malformed(reason: &str) -> Vec<u8> {
    frame(&body::malformed(reason))
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[u8]) -> Vec<String> {
        // Byte by byte, so every partial state is crossed.
        run_in(input, 1)
    }

    fn run_in(input: &[u8], piece: usize) -> Vec<String> {
        let mut frames = Frames::default();
        let mut out = Vec::new();
        for b in input.chunks(piece) {
            frames.push(b);
            while let Some(frame) = frames.next_frame() {
                let text = String::from_utf8(frame).unwrap();
                let (_, body) = text.split_once("\r\n\r\n").unwrap();
                out.push(body.to_string());
            }
        }
        out
    }

    fn framed(body: &[u8]) -> Vec<u8> {
        frame(body)
    }

    #[test]
    fn good_messages_pass_unchanged_and_bad_ones_are_named() {
        let good = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let mut input = framed(good);
        input.extend(framed(b"{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": "));
        input.extend(framed(b"\"\xff\xfe\""));
        input.extend(framed(b"[1, 2, 3]"));
        input.extend(b"X-Nonsense: 1\r\n\r\n");
        input.extend(b"Content-Length: twelve\r\n\r\n");
        input.extend(framed(good));
        let out = run(&input);
        assert_eq!(out.len(), 7, "{out:?}");
        assert_eq!(out[0], std::str::from_utf8(good).unwrap());
        assert!(out[1].contains("not JSON"), "{}", out[1]);
        assert!(out[2].contains("not valid UTF-8 (at byte 1)"), "{}", out[2]);
        assert!(out[3].contains("not a JSON-RPC 2.0"), "{}", out[3]);
        assert!(out[4].contains("without a Content-Length"), "{}", out[4]);
        assert!(
            out[5].contains("\\\"twelve\\\" is not a number"),
            "{}",
            out[5]
        );
        assert_eq!(out[6], std::str::from_utf8(good).unwrap());
        for bad in &out[1..6] {
            let message: serde_json::Value = serde_json::from_str(bad).unwrap();
            assert_eq!(message["method"], MALFORMED);
        }
    }

    #[test]
    fn garbage_without_headers_is_dropped_up_to_the_next_message() {
        let good = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let mut input = vec![b'z'; MAX_HEADER + 10];
        input.extend(framed(good));
        let out = run(&input);
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(out[0].contains("8196 bytes with no message header were dropped"));
        assert_eq!(out[1], std::str::from_utf8(good).unwrap());
    }

    #[test]
    fn after_a_header_over_the_limit_the_next_header_is_found_and_nothing_is_held() {
        let mut frames = Frames {
            max_body: 1_000,
            ..Frames::default()
        };
        frames.push(b"Content-Length: 1000000000000\r\n\r\n");
        let first = frames.next_frame().unwrap();
        assert!(
            String::from_utf8_lossy(&first)
                .contains("announced 1000000000000 bytes, over copydesk's limit of 1000 bytes"),
            "{}",
            String::from_utf8_lossy(&first)
        );
        frames.push(&[b'a'; 600]);
        assert_eq!(frames.next_frame(), None);
        assert!(frames.buffer.is_empty());
        frames.push(&[b'a'; 405]);
        assert_eq!(frames.next_frame(), None);
        let good = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        frames.push(&framed(good));
        let said = frames.next_frame().unwrap();
        assert!(
            String::from_utf8_lossy(&said).contains("1005 bytes after the message over the limit"),
            "{}",
            String::from_utf8_lossy(&said)
        );
        assert_eq!(frames.next_frame().unwrap(), framed(good));
        assert_eq!(frames.next_frame(), None);
    }

    #[test]
    fn the_limit_follows_the_draft_limit_the_settings_give_as_they_pass() {
        const MIB: usize = 1 << 20;
        // What a header of `length` bytes gets after `settings`: refused
        // (the reason), or taken (`None`: its body is awaited).
        let after = |settings: &[&[u8]], length: usize| -> Option<String> {
            let mut frames = Frames::default();
            for body in settings {
                frames.push(&framed(body));
                assert_eq!(frames.next_frame(), Some(framed(body)));
            }
            frames.push(format!("Content-Length: {length}\r\n\r\n").as_bytes());
            let refused = frames.next_frame()?;
            Some(String::from_utf8(refused).unwrap())
        };
        let small = br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"initializationOptions":{"limits":{"draftMib":1}}}}"#;
        let raised = br#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"copydesk":{"limits":{"draftMib":2}}}}}"#;
        let broken = br#"{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"limits":{"draftMib":"two"}}}}"#;
        // A draft of 1 MiB, each byte escaped to six, and its envelope.
        assert_eq!(after(&[small], 7 * MIB), None);
        let refused = after(&[small], 7 * MIB + 1).unwrap();
        assert!(
            refused.contains(
                "over copydesk's limit of 7340032 bytes, which leaves room for a draft of 1 MiB \
                 (the largest copydesk reads; the editor setting `copydesk.limits.draftMib` \
                 raises it)"
            ),
            "{refused}"
        );
        assert_eq!(after(&[small, raised], 13 * MIB), None);
        assert!(after(&[small, raised], 13 * MIB + 1).is_some());
        // Settings the server keeps the old ones for change nothing here.
        assert!(after(&[small, broken], 7 * MIB + 1).is_some());
        // The defaults: 16 MiB drafts.
        assert_eq!(after(&[], 97 * MIB), None);
        assert!(after(&[], 97 * MIB + 1).is_some());
    }

    #[test]
    fn a_header_over_the_limit_does_not_swallow_the_messages_after_it() {
        let good = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let mut input = format!("Content-Length: {}\r\n\r\n", 1u64 << 40).into_bytes();
        input.extend(br#"{"jsonrpc":"2.0","method":"initialized"}"#);
        input.extend(framed(good));
        for piece in [1, 5, input.len()] {
            let out = run_in(&input, piece);
            assert_eq!(out.len(), 3, "{out:?}");
            assert!(
                out[0].contains(
                    "over copydesk's limit of 101711872 bytes, which leaves room for a draft of \
                     16 MiB"
                ),
                "{}",
                out[0]
            );
            assert!(out[1].contains("40 bytes after the message"), "{}", out[1]);
            assert_eq!(out[2], std::str::from_utf8(good).unwrap());
        }
    }

    #[test]
    fn what_passes_does_not_depend_on_how_the_input_is_split() {
        let good = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        // A bad header, then a good message: the good one's header must not
        // be thrown away with the bad one when it arrives in pieces.
        let mut bad_then_good = b"Content-Length: x\r\n\r\n".to_vec();
        bad_then_good.extend(framed(good));
        // A header block over the limit, then a good message.
        let mut long_header = format!(
            "Content-Length: {}\r\nX-Pad: {}\r\n\r\n",
            good.len(),
            "a".repeat(MAX_HEADER + 100)
        )
        .into_bytes();
        long_header.extend_from_slice(good);
        long_header.extend(framed(good));
        // A bad header, then a line of garbage ending in a newline before
        // a good message: the garbage is dropped whether it arrives with
        // the bad header or after it.
        let mut bad_garbage_good = b"Content-Length: x\r\n\r\ngarbage\n".to_vec();
        bad_garbage_good.extend(framed(good));
        // A header block whose blank line starts right at the limit, read
        // in pieces that end just before the blank line is whole.
        let pad = MAX_HEADER - "Content-Length: 52\r\nX-Pad: ".len();
        let mut at_the_limit = format!(
            "Content-Length: {}\r\nX-Pad: {}\r\n\r\n",
            good.len(),
            "a".repeat(pad)
        )
        .into_bytes();
        assert_eq!(find(&at_the_limit, b"\r\n\r\n"), Some(MAX_HEADER));
        at_the_limit.extend_from_slice(good);
        // A header over the limit, a body that holds a header of its own
        // cut short, then a good message.
        let mut oversized = b"Content-Length: 99999999999\r\n\r\n{\"Content-Le".to_vec();
        oversized.extend(framed(good));
        // What is said about the bad bytes may differ; what passes may not.
        let passed = |out: Vec<String>| -> Vec<String> {
            out.into_iter().filter(|m| !m.contains(MALFORMED)).collect()
        };
        for input in [
            bad_then_good,
            long_header,
            bad_garbage_good,
            at_the_limit,
            oversized,
        ] {
            let whole = passed(run_in(&input, input.len()));
            assert_eq!(whole, [std::str::from_utf8(good).unwrap()]);
            assert_eq!(passed(run(&input)), whole);
            for piece in [2, 3, 7, MAX_HEADER + 1, MAX_HEADER + 2, MAX_HEADER + 3] {
                assert_eq!(passed(run_in(&input, piece)), whole, "pieces of {piece}");
            }
        }
    }
}
