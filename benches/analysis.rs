//! Analysis throughput on one core over generated drafts.
//!
//! `cargo bench --bench analysis` prints MB/s for the whole analysis and for
//! its parts, per second of CPU time on one thread. Target: at least 25 MB/s
//! of prose for the whole analysis.

use std::hint::black_box;

use copydesk::analysis;

/// The allocator the binary runs with, so the figures are the product's.
#[global_allocator]
static ALLOCATOR: copydesk::allocator::Allocator = copydesk::allocator::Allocator;
use copydesk::config::Config;
use copydesk::kb::Kb;

#[path = "support/draft_gen.rs"]
mod draft_gen;
#[path = "support/timing.rs"]
mod timing;

use timing::report;

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

    report("markdown::prose_regions", bytes, "", || {
        for d in &drafts {
            black_box(copydesk::markdown::prose_regions(d));
        }
    });
    let blocks: Vec<_> = drafts
        .iter()
        .map(|d| copydesk::markdown::prose_regions(d))
        .collect();
    report("analysis::quotes (alone)", bytes, "", || {
        for (d, b) in drafts.iter().zip(&blocks) {
            black_box(analysis::quotes::find_quotes(d, b, &config));
        }
    });
    report("analysis::laws (alone)", bytes, "", || {
        for (d, b) in drafts.iter().zip(&blocks) {
            black_box(analysis::laws::find_laws(d, b, &kb));
        }
    });
    report("analysis::analyze", bytes, "", || {
        for d in &drafts {
            black_box(analysis::analyze(d, &config, &kb));
        }
    });
}
