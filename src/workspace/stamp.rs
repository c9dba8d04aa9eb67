//! What a file was when it was read (`Stamp`), and when a summary's places
//! were last found to hold in it (`Verified`): what lets an answer that
//! only reads places skip reading the file again (see `verify`).

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime};

/// How long a check of a closed draft's file is trusted without looking
/// at the file again: a draft changed on disk with no watcher event to say
/// so has references answered from its old places for at most this long.
/// (A rename never trusts it: `current_mentions` reads every file it edits.)
pub const FRESH: Duration = Duration::from_secs(2);

/// How long ago a file must have last changed for its stamp to be trusted:
/// timestamps move in ticks (a few milliseconds on a local disk, a second
/// or two on some shared ones), so two writes of the same length within one
/// tick leave the same stamp; a file changed this recently is read again.
pub(super) const SETTLE: Duration = Duration::from_secs(2);

/// What a file was when it was read: its length, modification time, and
/// on Unix its inode and status-change time, which every write and every
/// reset of the modification time moves on and no one can set back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    node: (u64, u64, i64, i64),
}

impl Stamp {
    /// The stamp of the file at `path`, when it can be trusted: on Unix
    /// only (elsewhere there is no status-change time nobody can set back),
    /// and only once the file has not changed for `SETTLE`.
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let stamp = Stamp {
                len: meta.len(),
                modified: meta.modified().ok(),
                node: (meta.dev(), meta.ino(), meta.ctime(), meta.ctime_nsec()),
            };
            stamp.settled(SystemTime::now()).then_some(stamp)
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// Whether the file last changed at least `SETTLE` before `now`.
    #[cfg(unix)]
    fn settled(&self, now: SystemTime) -> bool {
        let (_, _, secs, nanos) = self.node;
        let changed = u64::try_from(secs)
            .ok()
            .zip(u32::try_from(nanos).ok())
            .map(|(secs, nanos)| SystemTime::UNIX_EPOCH + Duration::new(secs, nanos));
        let old_enough = |at: Option<SystemTime>| {
            at.and_then(|at| at.checked_add(SETTLE))
                .is_some_and(|settled| settled <= now)
        };
        old_enough(changed) && old_enough(self.modified)
    }
}

/// When every place of a summary was last found to hold in its file: the
/// file's stamp then, and until when that is trusted without a look
/// (`FRESH` after it was taken). Kept with the summary (so a summary that
/// replaces it starts unchecked) and never cached on disk.
#[derive(Debug, Default)]
pub struct Verified {
    stamp: Mutex<Option<Stamp>>,
    /// `ticks` of the instant the check stops being fresh; 0 when there is
    /// none. Read without the lock: an answer asks it of every draft.
    fresh_until: AtomicU64,
}

/// `at` as nanoseconds since the first instant asked for (1 at the
/// earliest), to be kept in an atomic.
fn ticks(at: Instant) -> u64 {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    let epoch = *EPOCH.get_or_init(Instant::now);
    u64::try_from(at.saturating_duration_since(epoch).as_nanos())
        .unwrap_or(u64::MAX)
        .saturating_add(1)
}

impl Verified {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Stamp>> {
        self.stamp.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether the summary's places were found to hold within `FRESH`
    /// before `now`.
    pub fn is_fresh(&self, now: Instant) -> bool {
        ticks(now) < self.fresh_until.load(Ordering::Acquire)
    }

    /// The stamp the summary's places were last found to hold at.
    pub fn stamp(&self) -> Option<Stamp> {
        *self.lock()
    }

    /// Whether the summary's places were found to hold, and the check was
    /// not forgotten since. One load: the server asks it of every draft.
    pub fn is_set(&self) -> bool {
        self.fresh_until.load(Ordering::Acquire) != 0
    }

    /// Note that the places held in the file as it was at `stamp`, looked
    /// at `seen` (before it was read).
    pub fn record(&self, stamp: Stamp, seen: Instant) {
        let mut held = self.lock();
        *held = Some(stamp);
        self.fresh_until
            .store(ticks(seen + FRESH), Ordering::Release);
    }

    /// Forget the check: the file is said to have changed.
    pub fn forget(&self) {
        let mut held = self.lock();
        self.fresh_until.store(0, Ordering::Release);
        *held = None;
    }

    /// Look at the file at `path` again: the check holds on, from now,
    /// while the file's stamp is the one it was made at; else it is
    /// forgotten. Returns whether it holds.
    pub fn refresh(&self, path: &Path) -> bool {
        let Some(then) = *self.lock() else {
            return false;
        };
        let seen = Instant::now();
        let holds = Stamp::of(path) == Some(then);
        let held = *self.lock();
        // Forgotten or checked again meanwhile: that stands.
        if held != Some(then) {
            return false;
        }
        if holds {
            self.record(then, seen);
        } else {
            self.forget();
        }
        holds
    }
}

impl Clone for Verified {
    fn clone(&self) -> Verified {
        let held = self.lock();
        Verified {
            stamp: Mutex::new(*held),
            fresh_until: AtomicU64::new(self.fresh_until.load(Ordering::Acquire)),
        }
    }
}

/// A check says nothing of what a summary holds: summaries of the same
/// text are equal whether or not they were checked.
impl PartialEq for Verified {
    fn eq(&self, _: &Verified) -> bool {
        true
    }
}

impl Eq for Verified {}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_stamp_is_trusted_only_once_its_file_has_settled() {
        let now = SystemTime::now();
        let stamp = |changed: SystemTime, modified: SystemTime| {
            let since = changed.duration_since(SystemTime::UNIX_EPOCH).unwrap();
            Stamp {
                len: 10,
                modified: Some(modified),
                node: (1, 2, since.as_secs() as i64, since.subsec_nanos() as i64),
            }
        };
        let old = now - SETTLE * 3;
        assert!(stamp(old, old).settled(now));
        assert!(!stamp(now - SETTLE / 2, old).settled(now));
        assert!(!stamp(old, now - SETTLE / 2).settled(now));
        // A time ahead of the clock (another machine's) is never settled.
        assert!(!stamp(now + SETTLE, old).settled(now));
    }
}
