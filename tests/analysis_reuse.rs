//! Re-analysing a draft after an edit, reusing the work on the paragraphs
//! the edit left alone, gives exactly what a fresh analysis gives: checked
//! on random drafts under random edits (typing, deleting, pasting whole
//! paragraphs, splitting and joining paragraphs, opening and closing code
//! fences and running quotes), with the kept work carried from edit to edit.

use copydesk::analysis::{analyze, analyze_reusing, Analysis, QuoteKind, Reuse};
use copydesk::config::Config;
use copydesk::kb::{glossary, Kb};

#[path = "../benches/support/rng.rs"]
mod rng;

use rng::Rng;

/// Paragraphs in the patterns whose analysis reaches past their own
/// paragraph: pronouns and surnames that refer back, colon lead-ins,
/// running quotes, acronyms defined in one paragraph and used in another,
/// quotes with nobody to say them, and Markdown that hides prose.
const PARAGRAPHS: &[&str] = &[
    "Marisol Okafor, a spokesperson for the transit authority, said the line would reopen.",
    "\"We are not done,\" Okafor said.",
    "\"The budget is short,\" she said, adding that the vote could slip.",
    "Tomasz Reyes said: \"The pipes are older than the town.\"",
    "Reyes put it plainly:",
    "\"We will fix the mains first.",
    "\"Then the pumps, and then the reservoir.\"",
    "\"The mains come first, the pumps second,",
    "\"then the reservoir.\"",
    "\"Nobody told us,\" a resident said.",
    "\"It was a mistake.\"",
    "The spokesperson said the money was \"not enough to finish the job.\"",
    "Congress passed the Inflation Reduction Act of 2022 (IRA) in August.",
    "Under the IRA, the county gets a share. The CHIPS and Science Act paid for the plant.",
    "The Affordable Health Care Act was cited, as was the Tarrow Valley Water Act of 2024.",
    "\"He said what?\" asked Sen. Renata Salgado.",
    "Officials said the plan was \"under review.\"",
    "> \"We were told to wait,\" said Irwin Castellanos.",
    "- \"Fix it,\" Dana Whitcombe said.\n- \"Later,\" he said.",
    "```\n\"code is not prose,\" nobody said\n```",
    "## “Curly quotes,” Feld said",
    "They said it was “a reset.” Feld disagreed.",
    "According to Amos Haddix, the “plan” failed. Haddix said it would “take years.",
];

/// Snippets typed into the middle of the text.
const TYPED: &[&str] = &[
    "\"",
    "“",
    "”",
    "'",
    " said",
    " she",
    " he said.",
    "\n\n",
    "\n",
    ":",
    "```",
    "\n```\n",
    " Okafor",
    " Reyes",
    "# ",
    "> ",
    "x",
    " the IRA",
    " Act of 2021",
    ",",
    ".",
    " (CSA)",
    "Wang Wenbin",
    " according to",
    ",\"",
    ".\"",
];

fn draft(rng: &mut Rng) -> String {
    let mut text = String::new();
    for _ in 0..(8 + rng.below(24)) {
        text.push_str(rng.pick(PARAGRAPHS));
        text.push_str("\n\n");
    }
    text
}

fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One random edit, as an editor would send it.
fn edit(rng: &mut Rng, text: &mut String) -> String {
    let at = boundary(text, rng.below(text.len() + 1));
    match rng.below(6) {
        0 | 1 => {
            let typed = rng.pick(TYPED);
            text.insert_str(at, typed);
            format!("typed {typed:?} at {at}")
        }
        2 => {
            let end = boundary(text, at + rng.below(40));
            text.replace_range(at..end, "");
            format!("deleted {at}..{end}")
        }
        3 => {
            // Paste a paragraph at the start of a line.
            let line = text[..at].rfind('\n').map_or(0, |n| n + 1);
            let paragraph = format!("{}\n\n", rng.pick(PARAGRAPHS));
            text.insert_str(line, &paragraph);
            format!("pasted {paragraph:?} at {line}")
        }
        4 => {
            // Join two paragraphs, or split one.
            match text[at..].find("\n\n") {
                Some(n) => {
                    text.replace_range(at + n..at + n + 2, " ");
                    format!("joined paragraphs at {}", at + n)
                }
                None => {
                    text.insert_str(at, "\n\n");
                    format!("split at {at}")
                }
            }
        }
        _ => {
            let end = boundary(text, at + rng.below(12));
            let typed = rng.pick(TYPED);
            text.replace_range(at..end, typed);
            format!("replaced {at}..{end} with {typed:?}")
        }
    }
}

#[test]
fn reanalysis_after_random_edits_equals_a_fresh_analysis() {
    let config = Config::default();
    let kb = Kb::builtin();
    let mut checked = 0;
    for seed in 1..=40u64 {
        let mut rng = Rng::new(seed);
        let mut text = draft(&mut rng);
        let mut reuse = Reuse::new();
        let mut history = Vec::new();
        for step in 0..25 {
            let reused = analyze_reusing(&text, &config, &kb, &mut reuse);
            let fresh = analyze(&text, &config, &kb);
            assert!(
                reused == fresh,
                "seed {seed}, step {step}: the reused analysis differs from a fresh one \
                 after {history:#?}\ntext:\n{text}"
            );
            checked += 1;
            history.push(edit(&mut rng, &mut text));
        }
    }
    assert_eq!(checked, 1000);
}

#[test]
fn an_edit_to_one_paragraph_works_out_only_that_paragraph() {
    let config = Config::default();
    let kb = Kb::builtin();
    let mut text = String::new();
    for (i, paragraph) in PARAGRAPHS.iter().enumerate().take(12) {
        text.push_str(&format!("{paragraph} Paragraph {i}.\n\n"));
    }
    let mut reuse = Reuse::new();
    analyze_reusing(&text, &config, &kb, &mut reuse);
    let (reused, worked) = reuse.paragraphs();
    assert_eq!(reused, 0);
    assert!(worked >= 12, "{worked} paragraphs worked out");

    // Type a word into the third paragraph: its text changed, and every
    // paragraph after it moved, but only the one is worked out again.
    let at = text.find("Paragraph 2").unwrap();
    text.insert_str(at, "Late ");
    let again = analyze_reusing(&text, &config, &kb, &mut reuse);
    assert_eq!(reuse.paragraphs(), (worked - 1, 1));
    assert_eq!(again, analyze(&text, &config, &kb));

    // The same text again: nothing to work out.
    analyze_reusing(&text, &config, &kb, &mut reuse);
    assert_eq!(reuse.paragraphs(), (worked, 0));
}

#[test]
fn new_settings_or_a_new_knowledge_base_are_not_answered_from_old_work() {
    let kb = Kb::builtin();
    let text = "\"The pipes are old,\" Tomasz Reyes harrumphed.\n\n\
                The Tarrow Valley Water Act of 2024 pays for them.\n";
    let mut reuse = Reuse::new();
    let plain = Config::default();
    let before = analyze_reusing(text, &plain, &kb, &mut reuse);
    assert!(
        before.quotes[0].attribution.is_none(),
        "harrumphed is no cue yet"
    );

    // A verb of saying added in the settings attributes the quote.
    let mut config = Config::default();
    config.extra_verbs.push("harrumphed".to_string());
    let after = analyze_reusing(text, &config, &kb, &mut reuse);
    assert_eq!(after, analyze(text, &config, &kb));
    assert!(after.quotes[0].attribution.is_some());

    // A glossary entry makes the unknown law known.
    let (entries, problems) = glossary::parse(
        "[[law]]\nid = \"desk/tarrow-valley-water-act\"\ntitle = \"Tarrow Valley Water Act of 2024\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let mut desk = kb.clone();
    for found in entries {
        desk.insert(found.entry);
    }
    let known = analyze_reusing(text, &config, &desk, &mut reuse);
    assert_eq!(known, analyze(text, &config, &desk));
    assert!(known.laws.iter().any(|law| law.title.is_some()));
    assert_eq!(reuse.paragraphs().0, 0, "nothing reused across settings");
}

#[test]
fn a_paragraph_that_stops_continuing_a_running_quote_is_worked_out_again() {
    let config = Config::default();
    let kb = Kb::builtin();
    let mut reuse = Reuse::new();
    let running = "Tomasz Reyes said the work would take years.\n\n\
                   \"The mains come first, the pumps second,\n\n\
                   \"then the reservoir.\"\n";
    let first = analyze_reusing(running, &config, &kb, &mut reuse);
    assert_eq!(first, analyze(running, &config, &kb));
    // Close the first segment: the last paragraph's text is unchanged, but
    // it no longer continues a running quote.
    let closed = running.replace("second,\n", "second.\"\n");
    let second = analyze_reusing(&closed, &config, &kb, &mut reuse);
    assert_eq!(second, analyze(&closed, &config, &kb));
    let kinds = |a: &Analysis| a.quotes.iter().map(|q| q.kind).collect::<Vec<_>>();
    assert_eq!(kinds(&first), [QuoteKind::Direct, QuoteKind::Direct]);
    assert_eq!(kinds(&second), [QuoteKind::Direct, QuoteKind::Partial]);
    assert_eq!(reuse.paragraphs(), (1, 2));
}

#[test]
fn a_long_draft_analysed_on_two_threads_reuses_its_paragraphs_too() {
    let config = Config::default();
    let kb = Kb::builtin();
    let mut rng = Rng::new(7);
    let mut text = String::new();
    while text.len() < 300 * 1024 {
        text.push_str(&draft(&mut rng));
    }
    let mut reuse = Reuse::new();
    analyze_reusing(&text, &config, &kb, &mut reuse);
    for step in 0..3 {
        let what = edit(&mut rng, &mut text);
        let reused = analyze_reusing(&text, &config, &kb, &mut reuse);
        assert!(
            reused == analyze(&text, &config, &kb),
            "step {step}: the reused analysis differs after {what}"
        );
        let (kept, worked) = reuse.paragraphs();
        assert!(
            worked <= 3 && kept > 1000,
            "{kept} reused, {worked} worked out"
        );
    }
}
