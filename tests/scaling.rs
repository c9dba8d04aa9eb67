//! Time grows with the size of a draft, not with its square. For each
//! shape of input that once took quadratic time (a long line of quotes, a
//! line of opening marks, a line of verbs of saying, many paragraphs), a
//! draft twice as long must take at most about twice as long to analyse
//! and to turn into `copydesk check` lines and editor positions.
//!
//! The test is one function in a file of its own, so that no other test
//! runs beside it; each size is timed several times, interleaved, and the
//! fastest run of each counts, which is what the machine can do when
//! nothing else gets in the way. A quadratic path makes the ratio about 4,
//! a linear one about 2; the bound is 3.

use std::time::{Duration, Instant};

use copydesk::analysis::analyze;
use copydesk::config::Config;
use copydesk::kb::Kb;
use copydesk::text::{Encoding, LineIndex};

/// The analysis and every position a front end prints for it.
fn check(text: &str, config: &Config, kb: &Kb) -> usize {
    let analysis = analyze(text, config, kb);
    let index = LineIndex::new(text);
    let mut work = analysis.quotes.len();
    for finding in &analysis.findings {
        let (line, col) = index.line_char_col(text, finding.span.start);
        let end = index.line_col(text, finding.span.end, Encoding::Utf16);
        work += line + col + end.col as usize;
    }
    work
}

/// `unit` repeated to about `bytes` bytes, and `end` after it.
fn repeated(unit: &str, bytes: usize, end: &str) -> String {
    let mut text = unit.repeat(bytes / unit.len() + 1);
    text.push_str(end);
    text
}

/// The fastest of `runs` timings of `check` on each text, interleaved.
fn fastest(texts: [&str; 2], runs: usize) -> [Duration; 2] {
    let config = Config::default();
    let kb = Kb::builtin();
    let mut best = [Duration::MAX; 2];
    for _ in 0..runs {
        for (slot, text) in best.iter_mut().zip(texts) {
            let started = Instant::now();
            std::hint::black_box(check(text, &config, &kb));
            *slot = (*slot).min(started.elapsed());
        }
    }
    best
}

#[test]
fn doubling_a_draft_at_most_about_doubles_the_time() {
    // Sizes chosen so the larger draft takes a fraction of a second in a
    // debug build, where the quadratic paths took seconds.
    let shapes: [(&str, String, String); 4] = [
        (
            "one line of prose with quotes",
            repeated(
                "“We are open,” Wang said. Officials noted the “cooperation” plan. ",
                150_000,
                "\n",
            ),
            repeated(
                "“We are open,” Wang said. Officials noted the “cooperation” plan. ",
                300_000,
                "\n",
            ),
        ),
        (
            "one line of opening marks",
            repeated("“", 30_000, "\n"),
            repeated("“", 60_000, "\n"),
        ),
        (
            "one line of verbs of saying",
            repeated("“Yes,” he said, “and no,” Wang said. ", 40_000, "\n"),
            repeated("“Yes,” he said, “and no,” Wang said. ", 80_000, "\n"),
        ),
        (
            "many paragraphs",
            repeated(
                "“We are open,” Wang Wenbin said. The council met on Tuesday.\n\n\
                 He added that the plan was “a good start” for the city.\n\n",
                100_000,
                "",
            ),
            repeated(
                "“We are open,” Wang Wenbin said. The council met on Tuesday.\n\n\
                 He added that the plan was “a good start” for the city.\n\n",
                200_000,
                "",
            ),
        ),
    ];
    let mut failures = Vec::new();
    for (shape, small, large) in &shapes {
        let [small_time, large_time] = fastest([small, large], 3);
        let ratio = large_time.as_secs_f64() / small_time.as_secs_f64().max(1e-6);
        eprintln!(
            "{shape}: {} bytes {small_time:?}, {} bytes {large_time:?}, ratio {ratio:.2}",
            small.len(),
            large.len()
        );
        if ratio >= 3.0 {
            failures.push(format!(
                "{shape}: twice the size took {ratio:.2} times as long"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
