//! The language server: the only module that speaks LSP.
//!
//! Messages come in through `inlet` (standard input, read by a thread of
//! its own), `framing` (the guard that passes on only whole, well-formed
//! frames), `screen` (a first look before the framework decodes) and
//! `params`; they go out through `outlet` alone. `server` holds the
//! protocol handlers, thin adapters to `state` (settings, open documents,
//! the workspace index and its queries) and `documents` (one open buffer).
//! `indexing` keeps the index in step with the disk, `files` reads the
//! workspace's own files, `pacing` debounces typing and `session` ends a
//! session. `convert` is the only mapping between byte spans and protocol
//! ranges. The features: `diagnostics` and `pull`, `hover`, `code_actions`,
//! `completion`, `definition`, `references` with `places` and `verified`,
//! `rename`, `inlay_hints`, `symbols` and `sources`; `capabilities` is what
//! the client is told at start.

mod capabilities;
mod code_actions;
mod completion;
mod convert;
mod definition;
mod diagnostics;
mod documents;
mod files;
mod framing;
mod hover;
mod indexing;
mod inlay_hints;
mod inlet;
mod outlet;
mod pacing;
mod params;
mod places;
mod pull;
mod references;
mod rename;
mod screen;
mod server;
mod session;
mod sources;
mod state;
mod symbols;
mod verified;

pub use code_actions::strip_snippet;
pub use framing::{guard, Guarded, INVALID_REQUEST, MALFORMED};
pub use hover::{law_card, quote_card, speaker_card};
pub use server::{Backend, SyncedDocument};
pub use session::Ending;

use std::sync::Arc;

use tokio::io::AsyncRead;
use tower_lsp_server::{LspService, Server};
use tracing_subscriber::EnvFilter;

/// The custom request that returns the text copydesk holds for an open
/// document: `{ "textDocument": { "uri": ... } }` in, `{ "version", "text" }`
/// or null out. Editors' integration tests use it to check synchronisation.
pub const SYNCED_DOCUMENT: &str = "copydesk/syncedDocument";

/// A way to hand memory the process's allocator holds freed back to the
/// system, which only the binary can name. The workspace scan calls it
/// once done: its transient peak (a large desk's cache file, drafts read
/// and dropped) would otherwise stay resident, and every later peak would
/// stand on top of it.
static RELEASE_MEMORY: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Set what `release_memory` does; the first call wins.
pub fn on_release_memory(release: fn()) {
    let _ = RELEASE_MEMORY.set(release);
}

/// Hand freed memory back to the system, when the binary said how.
pub(crate) fn release_memory() {
    if let Some(release) = RELEASE_MEMORY.get() {
        release();
    }
}

/// Serve LSP: read the client's messages from `input`, write the server's
/// to `output`, until the client says exit or its input ends, and say how
/// the session ended. Tests drive it in-process; `run_stdio` over stdin
/// and stdout.
pub async fn serve(
    input: impl AsyncRead + Unpin + Send + 'static,
    output: impl std::io::Write + Send + 'static,
) -> Ending {
    let guarded = guard(input);
    let session = guarded.session();
    serve_checked(guarded, session, output).await
}

/// Serve LSP over `input`, whose messages the transport guard has checked
/// and whose end it reports to `session`. Writes to `output` block the
/// thread that makes them until it takes them (see `outlet`), so the
/// framework runs as a task of its own, and once the client has said exit
/// or closed its end the session ends within `session::EXIT_WAIT`, even if
/// a write is stuck.
async fn serve_checked(
    input: impl AsyncRead + Unpin + Send + 'static,
    session: Arc<session::Session>,
    output: impl std::io::Write + Send + 'static,
) -> Ending {
    let (framework_output, outlet) = outlet::open(output);
    let mut logger = None;
    let (service, socket) = LspService::build(|client| {
        logger = Some(client.clone());
        Backend::new(client, outlet)
    })
    .custom_method(SYNCED_DOCUMENT, Backend::synced_document)
    .custom_method(MALFORMED, Backend::malformed_message)
    .custom_method(references::ROUTED, Backend::routed_references)
    .finish();
    let screened = screen::Screen::new(references::Routed(service), logger);
    let framework = tokio::spawn(Server::new(input, framework_output, socket).serve(screened));
    tokio::select! {
        _ = framework => {}
        () = session.over_then(session::EXIT_WAIT) => {
            tracing::warn!(
                "the session ended {:?} after exit or the end of the input, with messages still \
                 being handled or written",
                session::EXIT_WAIT
            );
        }
    }
    session.ending()
}

/// Serve LSP over stdin and stdout until the client says exit, and say how
/// the session ended. Logs go to stderr, which editors show as the
/// server's output, filtered by `COPYDESK_LOG` (`info` by default), unless
/// the caller set up tracing.
pub async fn run_stdio() -> Ending {
    // The word and name lists take some milliseconds to read: on a thread
    // of their own while the client and server shake hands, not in the
    // first analysis.
    std::thread::spawn(crate::analysis::prepare);
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_env("COPYDESK_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_ansi(false)
        .try_init();
    let inlet = inlet::Inlet::spawn(std::io::stdin());
    let session = inlet.session();
    serve_checked(inlet, session, stdout()).await
}

/// The process's standard output, written whole messages at a time: a
/// second handle on it, unbuffered, since the standard library's line
/// buffering would split each message at its header.
#[cfg(unix)]
fn stdout() -> Box<dyn std::io::Write + Send> {
    use std::os::fd::AsFd;
    match std::io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => Box::new(std::fs::File::from(fd)),
        Err(_) => Box::new(std::io::stdout()),
    }
}

#[cfg(not(unix))]
fn stdout() -> Box<dyn std::io::Write + Send> {
    Box::new(std::io::stdout())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    static RELEASED: AtomicUsize = AtomicUsize::new(0);

    #[test]
    fn releasing_memory_calls_what_the_binary_set_and_only_that() {
        fn count() {
            RELEASED.fetch_add(1, Ordering::SeqCst);
        }
        fn other() {
            RELEASED.fetch_add(100, Ordering::SeqCst);
        }
        super::on_release_memory(count);
        // The first setting wins: the binary sets it once before serving.
        super::on_release_memory(other);
        super::release_memory();
        super::release_memory();
        assert_eq!(RELEASED.load(Ordering::SeqCst), 2);
    }
}
