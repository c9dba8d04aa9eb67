//! How a session ends.
//!
//! The transport guard sees every message the client sends before the
//! framework does, on the thread that reads them, and notes the two that
//! end a session: a `shutdown` request and the `exit` notification. The
//! process's exit status depends on whether shutdown came first, and
//! `exit`, or the end of the client's input, ends the session within
//! [`EXIT_WAIT`] whatever is still running or stuck writing to a client
//! that stopped reading.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::Notify;

/// How long the framework has, after `exit` or the end of the input, to
/// finish what it is handling and writing before the session ends without
/// it.
pub const EXIT_WAIT: Duration = Duration::from_secs(2);

/// How a session ended, which decides the process's exit status: 0 after
/// a `shutdown` request, else 1, as the LSP specification says of `exit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The client asked for shutdown before it said exit or went away.
    AfterShutdown,
    /// The client said exit, or closed its end, without asking first.
    WithoutShutdown,
}

/// A message that ends a session, as the guard sees it pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closing {
    /// A `shutdown` request.
    Shutdown,
    /// The `exit` notification.
    Exit,
}

/// What the guard has seen of the session's end.
#[derive(Debug, Default)]
pub struct Session {
    shutdown: AtomicBool,
    /// Told once the client said exit or its input ended.
    over: Notify,
}

impl Session {
    /// Note a message that ends the session.
    pub fn saw(&self, closing: Closing) {
        match closing {
            Closing::Shutdown => self.shutdown.store(true, Ordering::SeqCst),
            Closing::Exit => self.end(),
        }
    }

    /// Note that the client's input ended: nothing more can come.
    pub fn input_ended(&self) {
        self.end();
    }

    fn end(&self) {
        // A permit is kept if nobody waits yet.
        self.over.notify_one();
    }

    /// How the session ended, or would end now.
    pub fn ending(&self) -> Ending {
        if self.shutdown.load(Ordering::SeqCst) {
            Ending::AfterShutdown
        } else {
            Ending::WithoutShutdown
        }
    }

    /// Resolves `wait` after the client said exit or its input ended.
    pub async fn over_then(&self, wait: Duration) {
        self.over.notified().await;
        tokio::time::sleep(wait).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn shutdown_before_exit_makes_the_ending_orderly_and_an_early_exit_is_kept() {
        let session = Session::default();
        assert_eq!(session.ending(), Ending::WithoutShutdown);
        session.saw(Closing::Shutdown);
        assert_eq!(session.ending(), Ending::AfterShutdown);
        session.saw(Closing::Exit);
        // Said before anyone waited, and still seen.
        tokio::time::timeout(Duration::from_secs(5), session.over_then(Duration::ZERO))
            .await
            .expect("the exit is seen");
    }
}
