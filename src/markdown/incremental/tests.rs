//! The incremental parse against fresh parses: random edits to drafts and
//! to markup soup, and the cases that need care.

use super::*;
use crate::markdown::prose_regions;
use crate::random::Rng;

/// Paragraphs of copy, which most of a draft is; each ends with a line
/// break.
const PROSE: &[&str] = &[
    "The mayor said \"we will rebuild\" on Tuesday.\n",
    "“Curly quotes,” she said, “and more.”\nA second line of the same paragraph.\n",
    "Text with `code`, *emphasis*, <b>html</b> and [a link](http://x.invalid/\"q\").\n",
    "A [label] and a note[^1].\n",
];

/// Other blocks a draft is built from; each ends with a line break.
const PIECES: &[&str] = &[
    "## An \"ATX\" heading\n",
    "Setext title\n============\n",
    "Setext subtitle\n---\n",
    "- tight one\n- tight two\n",
    "- loose one\n\n- loose two\n",
    "- outer\n  - inner \"quoted\"\n- back out\n",
    "1. first\n2. second\n",
    "3) third\n\n4) fourth\n",
    "> a quote\n> continued\n",
    "> > nested quote\n>\n> back to one level\n",
    "> lazy\ncontinuation line\n",
    "```\ncode \"not prose\"\n```\n",
    "~~~rust\nlet x = 1;\n~~~\n",
    "    indented code\n",
    "<div>\n*html* block\n</div>\n",
    "<!-- a comment\n\nover lines -->\n",
    "<script>\nlet s = \"x\";\n\n</script>\n",
    "| a | b |\n|---|---|\n| \"c\" | d |\n",
    "---\n",
    "***\n",
    "   \n",
    "\t\n",
    "...\n",
    "+++\nx = 1\n+++\n",
    "A line that ends\r\nin carriage returns.\r\n",
];

/// Blocks that run on to the end of the draft, or may: after them, every
/// edit reads the rest of the text.
const UNCLOSED: &[&str] = &[
    "```\nunclosed fence\n",
    "---\nnot: front matter, unless a closing line follows\n",
    "<script>\nno end tag\n",
];

/// Pieces that make every later parse of the draft a whole one.
const DEFINITIONS: &[&str] = &["[label]: /url \"title\"\n", "[^1]: The footnote.\n"];

const FRONT_MATTER: &[&str] = &["---\ntitle: \"Draft\"\n---\n", "+++\ntitle = 1\n+++\n"];

/// What edits insert.
const SNIPPETS: &[&str] = &[
    "x", "\n", "\n\n", "```", "~~~", "- ", "> ", "---", "===", "    ", "|", "<div>", "]: /u",
    "[^1]", "\"", "“", "é", "\r\n", "+++", "...", "\n---\n", "1. ", "<!--", "-->", "# ", "\n...\n",
    "  ",
];

fn draft(rng: &mut Rng) -> String {
    let mut text = String::new();
    if rng.below(4) == 0 {
        text.push_str(rng.pick(FRONT_MATTER));
    }
    for _ in 0..10 + rng.below(50) {
        if rng.below(4) != 0 {
            text.push('\n');
        }
        let piece = match rng.below(200) {
            0 => rng.pick(DEFINITIONS),
            1..5 => rng.pick(UNCLOSED),
            5..110 => rng.pick(PROSE),
            _ => rng.pick(PIECES),
        };
        text.push_str(piece);
    }
    text
}

/// Bits of markup that a draft of markup soup is strung together from.
const TOKENS: &[&str] = &[
    "a",
    "b c",
    " ",
    "  ",
    "\t",
    "\n",
    "\n",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "-",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "> ",
    ">",
    "```",
    "~~~",
    "    ",
    "|",
    "| a |",
    "|---|",
    ":-:",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<?",
    "?>",
    "<![CDATA[",
    "]]>",
    "<a>",
    "---",
    "+++",
    "...",
    "===",
    "***",
    "___",
    "#",
    "# ",
    "\"",
    "“",
    "é",
    "`",
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "\\",
    "&amp;",
    "\u{0b}",
    "\u{0c}",
    "\u{feff}",
    "\0",
];

/// Markup soup: random tokens, for structures the drafts never build.
fn soup(rng: &mut Rng) -> String {
    (0..rng.below(300)).map(|_| rng.pick(TOKENS)).collect()
}

/// The nearest character boundary at or before `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `text` with a random insertion, deletion or replacement.
fn edit(rng: &mut Rng, text: &str) -> String {
    let start = boundary(text, rng.below(text.len() + 1));
    let end = match rng.below(3) {
        0 => start,
        _ => boundary(text, start + 1 + rng.below(24)).max(start),
    };
    let insert = match (end > start, rng.below(3)) {
        (true, 0) => "",
        _ => rng.pick(SNIPPETS),
    };
    format!("{}{insert}{}", &text[..start], &text[end..])
}

/// Reparses `new` from `old` with windows of `first_window` bytes and
/// checks the result against a fresh parse; returns them and the part
/// of `new` that was read.
fn check(regions: &Regions, old: &str, new: &str, first_window: usize) -> (Regions, Range<usize>) {
    let (reparsed, read) =
        regions
            .clone()
            .reparse_within(old, new, Edit::between(old, new), first_window);
    let fresh = Regions::parse(new);
    assert_eq!(
        reparsed, fresh,
        "\nold: {old:?}\nnew: {new:?}\nwindow {first_window}"
    );
    assert_eq!(fresh.blocks, prose_regions(new), "{new:?}");
    (reparsed, read)
}

/// Runs chains of twelve random edits on drafts from `make` for each
/// seed, each reparse (with first windows from one byte, so that nearly
/// every window grows, up to the real one) checked against a fresh parse.
/// Returns how many edits had a small first window and no definitions in
/// sight, and how many of those reused the old parse's tail.
fn edit_chains(seeds: Range<u64>, make: fn(&mut Rng) -> String) -> (usize, usize) {
    let windows = [1, 16, 128, FIRST_WINDOW];
    let (mut eligible, mut resynced) = (0, 0);
    for seed in seeds {
        let mut rng = Rng::new(seed);
        let mut text = make(&mut rng);
        let mut regions = Regions::parse(&text);
        for _ in 0..12 {
            let new = edit(&mut rng, &text);
            let first_window = windows[rng.below(windows.len())];
            let (reparsed, read) = check(&regions, &text, &new, first_window);
            if first_window < FIRST_WINDOW && !regions.definitions && !reparsed.definitions {
                eligible += 1;
                if read.end < new.len() {
                    resynced += 1;
                }
            }
            (regions, text) = (reparsed, new);
        }
    }
    (eligible, resynced)
}

#[test]
fn random_edits_to_drafts_match_a_full_parse() {
    let (eligible, resynced) = edit_chains(0..500, draft);
    // Drafts are short next to the grown windows, and edits near their
    // ends or before their first restart point read on to the end, but
    // the incremental path must still be the common one.
    assert!(
        resynced * 2 > eligible,
        "only {resynced} of {eligible} edits reused the old tail"
    );
}

#[test]
fn random_edits_to_markup_soup_match_a_full_parse() {
    let (_, resynced) = edit_chains(0..500, soup);
    assert!(resynced > 0, "no edit to the soup reused the old tail");
}

/// A long draft of ordinary paragraphs under a heading.
fn long_draft(paragraphs: usize) -> String {
    let mut text = String::from("# Council approves the budget\n\n");
    for i in 0..paragraphs {
        text.push_str(&format!(
            "\"We will keep the libraries open,\" said council member {i}, who voted for \
             the plan.\nThe vote was seven to two after a hearing that ran past midnight.\n\n"
        ));
    }
    text
}

/// The offset where the `n`th paragraph of `long_draft` starts.
fn paragraph_start(text: &str, n: usize) -> usize {
    text.match_indices("\n\n")
        .nth(n)
        .map(|(at, _)| at + 2)
        .unwrap()
}

fn replaced(text: &str, range: Range<usize>, with: &str) -> String {
    format!("{}{with}{}", &text[..range.start], &text[range.end..])
}

#[test]
fn an_edit_in_a_long_draft_reads_one_small_window() {
    let text = long_draft(300);
    let regions = Regions::parse(&text);
    let at = paragraph_start(&text, 150);
    let next = paragraph_start(&text, 151);
    let edits = [
        replaced(&text, at..at, "x"),
        replaced(&text, at + 10..at + 10, "é"),
        replaced(&text, at + 1..at + 2, ""),
        replaced(&text, at + 40..at + 40, "\n\n"),
        // Joins two paragraphs into one.
        replaced(&text, next - 2..next - 1, ""),
    ];
    for new in &edits {
        let (reparsed, read) = check(&regions, &text, new, FIRST_WINDOW);
        assert!(
            read.start > 0 && read.end < new.len() && read.len() < FIRST_WINDOW + 1000,
            "read {read:?} of {} bytes",
            new.len()
        );
        // The public entry point gives the same.
        assert_eq!(regions.clone().reparse(&text, new), reparsed);
    }
    let (same, read) =
        regions
            .clone()
            .reparse_within(&text, &text, Edit::between(&text, &text), FIRST_WINDOW);
    assert_eq!((same, read), (regions, 0..0));
}

#[test]
fn opening_and_closing_a_fence_match_a_full_parse() {
    let text = long_draft(100);
    let regions = Regions::parse(&text);
    let at = paragraph_start(&text, 50);
    let opened = replaced(&text, at..at, "```\n");
    let (opened_regions, read) = check(&regions, &text, &opened, FIRST_WINDOW);
    assert_eq!(read.end, opened.len());
    assert!(opened_regions.blocks.len() < regions.blocks.len());

    // The open fence left no restart point after it to come back to.
    let end = paragraph_start(&opened, 52);
    let closed = replaced(&opened, end..end, "```\n\n");
    let (closed_regions, read) = check(&opened_regions, &opened, &closed, FIRST_WINDOW);
    assert_eq!(read.end, closed.len());

    // Once it is closed, an edit inside it reads a window again.
    let inside = paragraph_start(&closed, 51);
    let edited = replaced(&closed, inside..inside, "x");
    let (_, read) = check(&closed_regions, &closed, &edited, FIRST_WINDOW);
    assert!(read.end < edited.len(), "read {read:?}");
}

#[test]
fn closing_or_continuing_a_list_matches_a_full_parse() {
    let text = format!(
        "Intro.\n\n- one\n\n- two\n\nAfter the list.\n\n{}",
        long_draft(20)
    );
    let regions = Regions::parse(&text);
    let two = text.find("- two").unwrap();
    let after = text.find("After").unwrap();
    for new in [
        // The item marker goes: the list ends after its first item.
        replaced(&text, two..two + 2, ""),
        // Indented, the paragraph after the list joins its last item.
        replaced(&text, after..after, "  "),
        // A new item after the blank line continues the list.
        replaced(&text, after..after, "- "),
        replaced(&text, after..after, "3. "),
        // A thematic break ends it.
        replaced(&text, two..two, "***\n\n"),
    ] {
        check(&regions, &text, &new, FIRST_WINDOW);
        check(&regions, &text, &new, 1);
    }
}

#[test]
fn underlining_a_paragraph_makes_a_setext_heading() {
    let text = long_draft(30);
    let regions = Regions::parse(&text);
    let line_end =
        text[paragraph_start(&text, 10)..].find('\n').unwrap() + paragraph_start(&text, 10);
    // A run of `=` or `-` under a paragraph line underlines it; spaces
    // between the marks do not.
    for (underline, added) in [("\n===", 1), ("\n---", 1), ("\n-", 1), ("\n= =", 0)] {
        let new = replaced(&text, line_end..line_end, underline);
        let (reparsed, _) = check(&regions, &text, &new, FIRST_WINDOW);
        let headings = |r: &Regions| {
            r.blocks
                .iter()
                .filter(|b| b.kind == super::super::BlockKind::Heading)
                .count()
        };
        assert_eq!(
            headings(&reparsed),
            headings(&regions) + added,
            "{underline:?}"
        );
    }
}

#[test]
fn a_new_definition_makes_a_full_parse() {
    let text = format!("{}See [the report] for more.\n", long_draft(30));
    let regions = Regions::parse(&text);
    let at = paragraph_start(&text, 3);
    for definition in [
        "[the report]: https://example.invalid/\n\n",
        "[^x]: A note.\n\n",
    ] {
        let new = replaced(&text, at..at, definition);
        let (reparsed, read) = check(&regions, &text, &new, FIRST_WINDOW);
        assert_eq!(read, 0..new.len());
        // Taking it out again is a full parse too, as the old text has it.
        let (_, read) = check(&reparsed, &new, &text, FIRST_WINDOW);
        assert_eq!(read, 0..text.len());
    }
    // The link now has its destination left out of the prose.
    let new = replaced(&text, at..at, "[the report]: https://example.invalid/\n\n");
    let last = |t: &str| Regions::parse(t).blocks.last().unwrap().segments.len();
    assert_ne!(last(&text), last(&new));
}

#[test]
fn editing_front_matter_matches_a_full_parse() {
    let text = format!("---\ntitle: \"Budget\"\n---\n\n{}", long_draft(40));
    let regions = Regions::parse(&text);
    let title = text.find("Budget").unwrap();
    let close = text[4..].find("---").unwrap() + 4;
    for new in [
        replaced(&text, title..title, "City "),
        // Without its closing line it is no metadata block, unless a
        // closing line turns up further down.
        replaced(&text, close..close + 3, ""),
        replaced(&text, close..close + 3, "..."),
        replaced(&text, 0..1, ""),
        replaced(&text, 0..0, "---\n"),
    ] {
        let (_, read) = check(&regions, &text, &new, FIRST_WINDOW);
        check(&regions, &text, &new, 1);
        if new.starts_with("---\ntitle") && new.contains("\n---\n\n") {
            assert!(read.end < new.len(), "read {read:?}");
        }
    }
}

#[test]
fn a_closing_line_far_down_leaves_the_prose_between() {
    // Past the start of a draft, `---` and a line of text are a rule and
    // a paragraph, whatever closing line comes later.
    let text = format!(
        "{}---\nnot front matter\n\n{}",
        long_draft(20),
        long_draft(200)
    );
    let regions = Regions::parse(&text);
    let far = paragraph_start(&text, 150);
    let new = replaced(&text, far..far, "...\n\n");
    let (reparsed, _) = check(&regions, &text, &new, FIRST_WINDOW);
    // The `...` line is a paragraph of its own, and nothing is hidden.
    assert_eq!(reparsed.blocks.len(), regions.blocks.len() + 1);
    check(&reparsed, &new, &text, FIRST_WINDOW);
    let between = paragraph_start(&new, 100);
    let edited = replaced(&new, between..between, "x");
    check(&reparsed, &new, &edited, FIRST_WINDOW);
}

#[test]
fn line_ends_with_carriage_returns_allow_restarts() {
    let text = long_draft(100).replace('\n', "\r\n");
    let regions = Regions::parse(&text);
    let at = paragraph_start(&text.replace("\r\n", "\n"), 50) + 150;
    let at = (at..).find(|&i| text[i..].starts_with("\r\n\r\n")).unwrap() + 4;
    let new = replaced(&text, at..at, "x");
    let (_, read) = check(&regions, &text, &new, FIRST_WINDOW);
    assert!(read.start > 0 && read.end < new.len(), "read {read:?}");
}
