//! The debounce on typing. A change is applied to the document's buffer at
//! once; its analysis runs on a worker, off the message loop. The first
//! change after a pause is analysed straight away, so a reporter who types
//! a word and stops sees the result without waiting. Changes that arrive
//! while an analysis runs, or within `WINDOW` of the last one starting,
//! are gathered into one analysis of the newest text when the window ends:
//! a burst of keystrokes in a long draft costs one analysis, not one each.
//! A request about the document never waits for the window: it has the
//! newest text analysed first (`Backend::document`), on the blocking pool.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tower_lsp_server::ls_types::Uri;
use tower_lsp_server::Client;

use super::diagnostics::to_diagnostics;
use super::documents::Document;
use super::indexing::warn;
use super::outlet::Outlet;
use super::state::State;

/// The shortest time between two analyses of one document while it is
/// being typed in. Keystrokes come 100-200 ms apart at a steady pace, so a
/// reporter typing normally has every keystroke analysed at once.
pub const WINDOW: Duration = Duration::from_millis(50);

#[derive(Debug, Default)]
struct Pace {
    /// A worker is analysing the document or waiting to.
    running: bool,
    /// The buffer changed since the worker last started an analysis.
    dirty: bool,
    /// When the last analysis started.
    started: Option<Instant>,
    /// The last version whose diagnostics the worker published.
    published: Option<i32>,
}

/// The pace of analysis of every open document.
#[derive(Debug, Default)]
pub struct Pacer {
    documents: Mutex<HashMap<Uri, Pace>>,
}

impl Pacer {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uri, Pace>> {
        self.documents
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Note that the document at `uri` changed. Returns true when no worker
    /// is on it and the caller must start one.
    pub fn changed(&self, uri: &Uri) -> bool {
        let mut documents = self.lock();
        let pace = documents.entry(uri.clone()).or_default();
        pace.dirty = true;
        !std::mem::replace(&mut pace.running, true)
    }

    /// The worker's next step at `now`: `None` when there is nothing left
    /// to analyse (the worker stops), else how long to wait before
    /// analysing, so that analyses start at least `window` apart.
    pub fn next(&self, uri: &Uri, now: Instant, window: Duration) -> Option<Duration> {
        let mut documents = self.lock();
        let pace = documents.get_mut(uri)?;
        if !pace.dirty {
            // Keep when it started: the next keystroke may come within the
            // window.
            pace.running = false;
            return None;
        }
        Some(pace.started.map_or(Duration::ZERO, |at| {
            (at + window).saturating_duration_since(now)
        }))
    }

    /// Forget a document that was closed.
    pub fn forget(&self, uri: &Uri) {
        self.lock().remove(uri);
    }

    /// Whether the worker should publish the diagnostics of `version`: it
    /// has not published them, nor those of a later version. (A request
    /// may have had this version analysed first; its diagnostics are still
    /// the worker's to publish.)
    pub fn publishes(&self, uri: &Uri, version: i32) -> bool {
        let mut documents = self.lock();
        let Some(pace) = documents.get_mut(uri) else {
            return false;
        };
        if pace.published.is_some_and(|done| done >= version) {
            return false;
        }
        pace.published = Some(version);
        true
    }

    /// The worker starts an analysis of the newest text at `now`.
    pub fn begin(&self, uri: &Uri, now: Instant) {
        if let Some(pace) = self.lock().get_mut(uri) {
            pace.dirty = false;
            pace.started = Some(now);
        }
    }
}

/// Have the newest text of `uri` analysed and its diagnostics published,
/// at the pace `lsp::pacing` sets. The worker is one blocking thread that
/// waits, analyses and publishes, so a keystroke after a pause reaches the
/// analysis in one hand-off between threads and its diagnostics go out
/// from the same thread.
pub fn schedule(client: &Client, outlet: &Outlet, state: &Arc<State>, uri: Uri) {
    if !state.pacer.changed(&uri) {
        return;
    }
    let client = client.clone();
    let outlet = outlet.clone();
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        while let Some(wait) = state.pacer.next(&uri, Instant::now(), WINDOW) {
            if !wait.is_zero() {
                std::thread::sleep(wait);
            }
            state.pacer.begin(&uri, Instant::now());
            let done = std::panic::catch_unwind(AssertUnwindSafe(|| {
                let Some((doc, _)) = state.analyse_latest(&uri) else {
                    return;
                };
                // A request may have had the newest text analysed first;
                // its diagnostics still need publishing.
                if state.pacer.publishes(&uri, doc.version) {
                    publish(&outlet, &state, uri.clone(), doc.clone());
                }
                // After the diagnostics, which need not wait for it.
                state.index_document(&uri, &doc);
            }));
            match done {
                Ok(()) => {}
                Err(panic) => {
                    let reason = panic_message(panic.as_ref());
                    let message = format!("the analysis of {} failed: {reason}", uri.as_str());
                    let client = client.clone();
                    tokio::runtime::Handle::current()
                        .spawn(async move { warn(&client, message).await });
                }
            }
        }
    });
}

/// What a panic said, when it said it in words.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic with no message")
}

/// Publish the diagnostics of `doc`, unless a newer version has replaced it
/// in the meantime (that version publishes its own) or the client pulls
/// them.
pub fn publish(outlet: &Outlet, state: &State, uri: Uri, doc: Arc<Document>) {
    let current = state.analysed(&uri).map(|d| d.version);
    if current != Some(doc.version) {
        return;
    }
    if state.settings().pull {
        // The client asks when it wants them.
        return;
    }
    let encoding = state.settings().encoding;
    let diagnostics = to_diagnostics(&doc.analysis.findings, doc.positions(encoding));
    outlet.publish_diagnostics(uri, diagnostics, Some(doc.version));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri() -> Uri {
        "file:///desk/story.md".parse().unwrap()
    }

    #[test]
    fn the_first_change_after_a_pause_is_analysed_at_once() {
        let pacer = Pacer::default();
        let t0 = Instant::now();
        assert!(pacer.changed(&uri()), "a worker must start");
        assert_eq!(pacer.next(&uri(), t0, WINDOW), Some(Duration::ZERO));
        pacer.begin(&uri(), t0);
        // Nothing changed during the analysis: the worker stops.
        assert_eq!(
            pacer.next(&uri(), t0 + Duration::from_millis(5), WINDOW),
            None
        );
        // A keystroke a moment later, after the window: at once again.
        assert!(pacer.changed(&uri()));
        assert_eq!(
            pacer.next(&uri(), t0 + Duration::from_millis(120), WINDOW),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn a_burst_of_changes_is_gathered_into_one_analysis_when_the_window_ends() {
        let pacer = Pacer::default();
        let t0 = Instant::now();
        assert!(pacer.changed(&uri()));
        assert_eq!(pacer.next(&uri(), t0, WINDOW), Some(Duration::ZERO));
        pacer.begin(&uri(), t0);
        // Three keystrokes while the first analysis runs: no new worker.
        for _ in 0..3 {
            assert!(!pacer.changed(&uri()));
        }
        // The worker comes back 10 ms in and waits out the window, then
        // analyses once.
        let back = t0 + Duration::from_millis(10);
        assert_eq!(
            pacer.next(&uri(), back, WINDOW),
            Some(WINDOW - Duration::from_millis(10))
        );
        pacer.begin(&uri(), t0 + WINDOW);
        assert_eq!(pacer.next(&uri(), t0 + WINDOW, WINDOW), None);
    }

    #[test]
    fn a_keystroke_just_after_an_analysis_waits_out_the_window() {
        let pacer = Pacer::default();
        let t0 = Instant::now();
        assert!(pacer.changed(&uri()));
        assert_eq!(pacer.next(&uri(), t0, WINDOW), Some(Duration::ZERO));
        pacer.begin(&uri(), t0);
        // The analysis took 2 ms and nothing came meanwhile: the worker stops.
        assert_eq!(
            pacer.next(&uri(), t0 + Duration::from_millis(2), WINDOW),
            None
        );
        // A keystroke 5 ms in starts a new worker, which waits until the
        // window since the last analysis ends.
        assert!(pacer.changed(&uri()));
        assert_eq!(
            pacer.next(&uri(), t0 + Duration::from_millis(5), WINDOW),
            Some(WINDOW - Duration::from_millis(5))
        );
        // Each version's diagnostics go out once, and never after a later
        // version's.
        assert!(pacer.publishes(&uri(), 3));
        assert!(!pacer.publishes(&uri(), 3));
        assert!(!pacer.publishes(&uri(), 2));
        assert!(pacer.publishes(&uri(), 4));
        // Closing the document forgets it.
        pacer.forget(&uri());
        assert_eq!(pacer.next(&uri(), t0, WINDOW), None);
    }
}
