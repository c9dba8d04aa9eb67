#[global_allocator]
static ALLOCATOR: copydesk::allocator::Allocator = copydesk::allocator::Allocator;
#[path = "../../benches/support/draft_gen.rs"]
mod draft_gen;
fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut g = draft_gen::DraftGen::new(3);
    let config = copydesk::config::Config::default();
    let kb = copydesk::kb::Kb::builtin();
    if mode == "edit" {
        let mut text = g.draft(180_000);
        let mut reuse = copydesk::analysis::Reuse::default();
        copydesk::analysis::analyze_reusing(&text, &config, &kb, &mut reuse);
        let t = std::time::Instant::now();
        for i in 0..60 {
            let at = text.len() / 2 + i;
            let at = (at..).find(|&a| text.is_char_boundary(a)).unwrap();
            text.insert(at, 'x');
            std::hint::black_box(copydesk::analysis::analyze_reusing(
                &text, &config, &kb, &mut reuse,
            ));
        }
        eprintln!(
            "{} bytes, {:.2} ms per edit",
            text.len(),
            t.elapsed().as_secs_f64() * 1000.0 / 60.0
        );
    } else {
        let drafts: Vec<String> = (0..2000).map(|_| g.draft(1000)).collect();
        let t = std::time::Instant::now();
        let mut reuse = copydesk::analysis::Reuse::none();
        for d in &drafts {
            std::hint::black_box(copydesk::analysis::analyze_mentions(
                d, &config, &kb, &mut reuse,
            ));
        }
        let bytes: usize = drafts.iter().map(|d| d.len()).sum();
        eprintln!(
            "{:.1} MB/s mentions",
            bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
        );
    }
}
