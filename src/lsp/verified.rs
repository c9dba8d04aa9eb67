//! Places of closed drafts checked against their files before an answer
//! gives them out (references, workspace symbols), and the background look
//! that keeps those checks fresh while the workspace is being queried.
//!
//! A place of a draft nobody has open comes from the index, which may be
//! stale (the file changed and no watcher said so) or read from a damaged
//! cache. Each summary remembers when its places were last found to hold
//! in its file (`workspace::Verified`); within `workspace::FRESH` of that
//! they are given out as they are, and later ones cost a `stat`, or a read
//! when the file changed. Looking at ten thousand files takes longer than
//! the rest of a large answer, so while the workspace is queried the stamps
//! are looked at again every `SWEEP` off the message loop, and an answer
//! finds them fresh. A rename trusts none of this (`lsp::rename`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::server::Backend;
use super::state::{Claimed, State};
use crate::workspace::summary_holding;

/// How often the stamps of checked drafts are looked at again: well within
/// `workspace::FRESH`, so an answer between two looks finds them fresh.
const SWEEP: Duration = Duration::from_millis(700);

/// How long after the last workspace query (or the workspace's indexing)
/// the stamps are kept fresh; after that the server looks at no file until
/// it is asked again.
const KEEP_FRESH_FOR: Duration = Duration::from_secs(10 * 60);

/// Look at the files of checked closed drafts again every `SWEEP` while
/// the workspace was queried within `KEEP_FRESH_FOR`: a draft whose file
/// kept its stamp stays trusted, one that changed is read again when an
/// answer next needs it. One file after another, on one blocking thread.
pub async fn keep_fresh(state: Arc<State>) {
    let mut tick = tokio::time::interval(SWEEP);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if !state.queried_within(KEEP_FRESH_FOR) {
            continue;
        }
        let checked = state.checked_summaries();
        let _ = tokio::task::spawn_blocking(move || {
            for summary in checked {
                summary.verified.refresh(&summary.path);
            }
        })
        .await;
    }
}

impl Backend {
    /// The numbers (sorted) of the places in `claimed` whose files no
    /// longer bear them out (a draft changed behind the index's back, a
    /// cache edited by hand): each draft with such places is named in a
    /// log line that starts with `what`, and indexed again. Every answer
    /// across the workspace comes this way, even with nothing claimed: it
    /// keeps the background look going.
    pub(super) async fn failing_places(&self, what: &str, claimed: Vec<Claimed>) -> Vec<usize> {
        self.state.note_query();
        let now = Instant::now();
        let unsure: Vec<Claimed> = claimed
            .into_iter()
            .filter(|draft| !draft.summary.verified.is_fresh(now))
            .collect();
        if unsure.is_empty() {
            return Vec::new();
        }
        let all: Vec<usize> = unsure
            .iter()
            .flat_map(|draft| draft.places.iter().map(|(at, _)| *at))
            .collect();
        let settings = self.state.settings();
        let checked = tokio::task::spawn_blocking(move || {
            let limits = settings.limits();
            let holding: Vec<_> = unsure
                .par_iter()
                .map(|draft| {
                    let claims: Vec<_> = draft.places.iter().map(|(_, claim)| *claim).collect();
                    summary_holding(&draft.summary, &claims, settings.encoding, &limits)
                })
                .collect();
            (unsure, holding)
        })
        .await;
        let Ok((unsure, holding)) = checked else {
            // Nothing checked: nothing of a closed draft goes out.
            let mut all = all;
            all.sort_unstable();
            return all;
        };
        let mut failing = Vec::new();
        for (draft, holding) in unsure.iter().zip(holding) {
            let before = failing.len();
            let why = match holding {
                Ok(holding) => {
                    failing.extend(
                        draft
                            .places
                            .iter()
                            .zip(holding)
                            .filter(|(_, holds)| !holds)
                            .map(|((at, _), _)| *at),
                    );
                    "no longer hold the words the index has for them (the file changed since \
                     it was indexed, or the index cache is wrong)"
                        .to_string()
                }
                Err(skipped) => {
                    failing.extend(draft.places.iter().map(|(at, _)| *at));
                    format!("could not be checked ({})", skipped.reason)
                }
            };
            let stale = failing.len() - before;
            if stale > 0 {
                self.warn(format!(
                    "{what}: {stale} of the places in {} {why}; they are left out, and the \
                     draft is indexed again",
                    draft.summary.path.display()
                ))
                .await;
                self.reindex(draft.summary.path.clone());
            }
        }
        failing.sort_unstable();
        failing
    }
}
