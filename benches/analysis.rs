//! Analysis throughput on one core over generated drafts.
//!
//! `cargo bench --bench analysis` prints MB/s for the whole analysis and for
//! its parts, per second of CPU time on one thread. Target: at least 25 MB/s
//! of prose for the whole analysis.

use std::hint::black_box;
use std::time::{Duration, Instant};

use copydesk::analysis;
use copydesk::config::Config;
use copydesk::kb::Kb;

#[path = "support/draft_gen.rs"]
mod draft_gen;

fn main() {
    let mut generator = draft_gen::DraftGen::new(7);
    let drafts: Vec<String> = (0..200).map(|_| generator.draft(1_000)).collect();
    let bytes: usize = drafts.iter().map(String::len).sum();
    let config = Config::default();
    let kb = Kb::builtin();
    println!(
        "corpus: {} drafts, {:.1} MB, {} built-in law entries",
        drafts.len(),
        bytes as f64 / 1e6,
        kb.len()
    );

    report("markdown::prose_regions", bytes, || {
        for d in &drafts {
            black_box(copydesk::markdown::prose_regions(d));
        }
    });
    let blocks: Vec<_> = drafts
        .iter()
        .map(|d| copydesk::markdown::prose_regions(d))
        .collect();
    report("analysis::quotes (alone)", bytes, || {
        for (d, b) in drafts.iter().zip(&blocks) {
            black_box(analysis::quotes::find_quotes(d, b, &config));
        }
    });
    report("analysis::laws (alone)", bytes, || {
        for (d, b) in drafts.iter().zip(&blocks) {
            black_box(analysis::laws::find_laws(d, b, &kb));
        }
    });
    report("analysis::analyze", bytes, || {
        for d in &drafts {
            black_box(analysis::analyze(d, &config, &kb));
        }
    });
}

/// CPU time this thread has used: the measure of "one core", which other
/// processes on the machine do not inflate the way they inflate wall time.
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for clock_gettime to fill in.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(rc, 0, "the thread CPU clock is readable");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// Run `work` repeatedly for about two seconds and print the median rate,
/// in MB of input per second of this thread's CPU time.
/// `COPYDESK_BENCH=quotes` runs only the measurements whose name contains
/// `quotes`, for profiling one part.
fn report(name: &str, bytes: usize, mut work: impl FnMut()) {
    if let Ok(only) = std::env::var("COPYDESK_BENCH") {
        if !name.contains(&only) {
            return;
        }
    }
    work();
    let mut rates = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(2);
    while Instant::now() < deadline || rates.len() < 3 {
        let start = thread_cpu_time();
        work();
        let spent = thread_cpu_time()
            .saturating_sub(start)
            .as_secs_f64()
            .max(1e-9);
        rates.push(bytes as f64 / 1e6 / spent);
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "{name:<28} {:>8.1} MB/s (median of {} runs, min {:.1}, max {:.1})",
        rates[rates.len() / 2],
        rates.len(),
        rates[0],
        rates[rates.len() - 1]
    );
}
