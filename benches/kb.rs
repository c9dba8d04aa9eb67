//! A newsroom-sized knowledge base: 50,000 generated entries.
//!
//! `cargo bench --bench kb` prints how long loading the built-in entries
//! and these takes (from the JSON Lines file `copydesk kb import` writes,
//! through the gazetteer being built on every core), in wall time and in
//! the CPU time of all threads, and how fast prose is scanned with them,
//! per second of CPU time on one thread. Targets: the built-ins load in 30
//! ms or less; these in under 300 ms; scanning at least 25 MB/s.

use std::hint::black_box;
use std::time::Instant;

use copydesk::analysis;
use copydesk::config::Config;
use copydesk::fsread::Limits;
use copydesk::kb::{builtin, store, Entry, Kb, Kind, LawId, Status, StatusState};

#[path = "support/draft_gen.rs"]
mod draft_gen;
#[path = "support/rng.rs"]
mod rng;
#[path = "support/timing.rs"]
mod timing;

/// The allocator the binary runs with, so the figures are the product's.
#[global_allocator]
static ALLOCATOR: copydesk::allocator::Allocator = copydesk::allocator::Allocator;

use rng::Rng;
use timing::{process_cpu_time, report, thread_cpu_time};

const ENTRIES: usize = 50_000;

const PLACES: &[&str] = &[
    "Rural",
    "Coastal",
    "Northern",
    "Urban",
    "Tribal",
    "Frontier",
    "Harbor",
    "Mountain",
    "Prairie",
    "Delta",
    "Border",
    "Island",
    "Valley",
    "Metropolitan",
    "Desert",
    "Gulf",
];
const TOPICS: &[&str] = &[
    "Broadband",
    "Water Quality",
    "School Nutrition",
    "Veterans Housing",
    "Wildfire Recovery",
    "Transit Safety",
    "Small Business",
    "Energy Storage",
    "Rail Freight",
    "Child Care",
    "Fisheries",
    "Opioid Treatment",
    "Election Security",
    "Bridge Repair",
    "Seed Banking",
    "Apprenticeship",
    "Flood Insurance",
    "Pharmacy Access",
    "Grain Storage",
    "Port Security",
    "Teacher Training",
    "Forest Health",
    "Mine Safety",
    "Data Privacy",
    "Hospital Staffing",
];
const ENDS: &[&str] = &[
    "Act",
    "Improvement Act",
    "Modernization Act",
    "Protection Act",
    "Investment Act",
    "Access Act",
    "Reform Act",
    "Recovery Act",
];

fn generate(count: usize) -> Vec<Entry> {
    let mut rng = Rng::new(1);
    (0..count)
        .map(|n| {
            let congress = 93 + n % 26;
            let year = 1973 + (congress - 93) * 2 + n % 2;
            let short = format!(
                "{} {} {}",
                rng.pick(PLACES),
                rng.pick(TOPICS),
                rng.pick(ENDS)
            );
            let title = format!("{short} of {year}");
            let enacted = n % 3 == 0;
            Entry {
                id: LawId::new(format!("gen/{congress}/{n}")),
                kind: if enacted { Kind::Law } else { Kind::Bill },
                jurisdiction: "us".to_string(),
                aliases: vec![format!("{short} No. {n}")],
                citations: vec![
                    format!("H.R. {} ({congress}th Congress)", 100 + n),
                    format!("Pub. L. {congress}-{}", 1 + n % 400),
                ],
                status: Status {
                    state: if enacted {
                        StatusState::Enacted
                    } else {
                        StatusState::PassedHouse
                    },
                    date: Some(format!("{year}-0{}-1{}", 1 + n % 9, n % 10)),
                    note: None,
                },
                summary: format!(
                    "Generated entry {n}: money and rules for {} programs.",
                    title.to_lowercase()
                ),
                related: Vec::new(),
                sources: vec![format!("https://example.org/laws/{n}")],
                amendments: Vec::new(),
                title,
            }
        })
        .collect()
}

fn main() {
    let entries = generate(ENTRIES);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("generated.jsonl");
    store::write(&file, &entries).expect("the generated file is written");
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    println!(
        "knowledge base: {} generated entries, {:.1} MB of JSON Lines",
        entries.len(),
        size as f64 / 1e6
    );

    // The built-in entries alone: read the compiled-in entries and build
    // the gazetteer, as every server and `check` does at start.
    // The gazetteer is built on every core, so CPU time is the process's.
    let mut builtin_loads: Vec<_> = (0..5)
        .map(|_| {
            let wall = Instant::now();
            let cpu = process_cpu_time();
            let kb = Kb::from_entries(builtin::entries());
            black_box(kb.names());
            (
                wall.elapsed(),
                process_cpu_time().saturating_sub(cpu),
                kb.len(),
            )
        })
        .collect();
    builtin_loads.sort();
    let (wall, cpu, count) = builtin_loads[builtin_loads.len() / 2];
    println!(
        "load the {count} built-in entries         {:>8.1} ms wall, {:.1} ms CPU, all threads (median of {}; target <= 30 ms)",
        wall.as_secs_f64() * 1e3,
        cpu.as_secs_f64() * 1e3,
        builtin_loads.len()
    );

    // Loading: read and parse the file, lay it over the built-ins, build
    // the gazetteer and citation index.
    let mut loads = Vec::new();
    let mut kb = Kb::builtin();
    for _ in 0..5 {
        let wall = Instant::now();
        let cpu = process_cpu_time();
        let mut fresh = Kb::builtin();
        for entry in store::read(&file, &Limits::default()).expect("the generated file reads back")
        {
            fresh.insert(entry);
        }
        black_box(fresh.names());
        loads.push((wall.elapsed(), process_cpu_time().saturating_sub(cpu)));
        kb = fresh;
    }
    loads.sort();
    let (wall, cpu) = loads[loads.len() / 2];
    println!(
        "load {} entries (read + index)   {:>8.1} ms wall, {:.1} ms CPU, all threads (median of {}; target < 300 ms)",
        kb.len(),
        wall.as_secs_f64() * 1e3,
        cpu.as_secs_f64() * 1e3,
        loads.len()
    );
    let start = Instant::now();
    let read = store::read(&file, &Limits::default()).expect("the generated file reads back");
    let parsed = Instant::now();
    let fresh = Kb::from_entries(read);
    let inserted = Instant::now();
    black_box(fresh.names());
    let indexed = Instant::now();
    println!(
        "  of which: read and parse {:.1} ms (two threads), insert {:.1} ms, gazetteer {:.1} ms (wall)",
        (parsed - start).as_secs_f64() * 1e3,
        (inserted - parsed).as_secs_f64() * 1e3,
        (indexed - inserted).as_secs_f64() * 1e3
    );
    let near = thread_cpu_time();
    black_box(kb.near());
    println!(
        "near-name index (built on first unknown name) {:>6.1} ms CPU",
        thread_cpu_time().saturating_sub(near).as_secs_f64() * 1e3
    );

    // Scanning: news copy that names some of the generated laws, by title,
    // alias and citation, and some law-shaped names nobody knows.
    let mut generator = draft_gen::DraftGen::new(11);
    let mut rng = Rng::new(42);
    let drafts: Vec<String> = (0..200)
        .map(|_| {
            let mut draft = generator.draft(1_000);
            for _ in 0..6 {
                let entry = &entries[rng.below(entries.len())];
                let line = match rng.below(3) {
                    0 => format!("\nLawmakers argued over the {} on Tuesday.\n", entry.title),
                    1 => format!("\nThe {} was cited in the ruling.\n", entry.aliases[0]),
                    _ => format!("\nThe county relied on {}.\n", entry.citations[1]),
                };
                draft.push_str(&line);
            }
            draft.push_str("\nThe Lakeshore Lantern Preservation Act of 2031 is a stranger.\n");
            draft
        })
        .collect();
    let bytes: usize = drafts.iter().map(String::len).sum();
    let config = Config::default();
    println!(
        "corpus: {} drafts, {:.1} MB",
        drafts.len(),
        bytes as f64 / 1e6
    );
    let found = analysis::analyze(&drafts[0], &config, &kb);
    let known = found.laws.iter().filter(|l| l.id.is_some()).count();
    println!(
        "first draft: {known} of {} law mentions resolved",
        found.laws.len()
    );
    assert!(known >= 6, "the generated names are recognised");

    let blocks: Vec<_> = drafts
        .iter()
        .map(|d| copydesk::markdown::prose_regions(d))
        .collect();
    report(
        "analysis::laws, 50k entries",
        bytes,
        "; target >= 25",
        || {
            for (d, b) in drafts.iter().zip(&blocks) {
                black_box(analysis::laws::find_laws(d, b, &kb));
            }
        },
    );
    let builtin = Kb::builtin();
    report(
        "analysis::analyze, built-in only",
        bytes,
        "; target >= 25",
        || {
            for d in &drafts {
                black_box(analysis::analyze(d, &config, &builtin));
            }
        },
    );
    report(
        "analysis::analyze, 50k entries",
        bytes,
        "; target >= 25",
        || {
            for d in &drafts {
                black_box(analysis::analyze(d, &config, &kb));
            }
        },
    );
}
