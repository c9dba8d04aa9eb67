//! Measuring on one core: this thread's CPU time, and throughput runs;
//! and the CPU time of work spread over the cores.

use std::time::{Duration, Instant};

/// CPU time this thread has used: the measure of "one core", which other
/// processes on the machine do not inflate the way they inflate wall time.
pub fn thread_cpu_time() -> Duration {
    cpu_clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// CPU time every thread of this process has used: the measure of work
/// that is spread over the cores (the knowledge base's loading).
#[allow(dead_code)] // Not every bench spreads work.
pub fn process_cpu_time() -> Duration {
    cpu_clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn cpu_clock(clock: libc::clockid_t) -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for clock_gettime to fill in.
    let rc = unsafe { libc::clock_gettime(clock, &mut now) };
    assert_eq!(rc, 0, "the CPU clock is readable");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// Run `work` repeatedly for about two seconds and print the median rate,
/// in MB of input per second of this thread's CPU time, followed by
/// `note`. `COPYDESK_BENCH=quotes` runs only the measurements whose name
/// contains `quotes`, for profiling one part.
pub fn report(name: &str, bytes: usize, note: &str, mut work: impl FnMut()) {
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
        "{name:<32} {:>8.1} MB/s (median of {} runs, min {:.1}, max {:.1}){note}",
        rates[rates.len() / 2],
        rates.len(),
        rates[0],
        rates[rates.len() - 1]
    );
}
