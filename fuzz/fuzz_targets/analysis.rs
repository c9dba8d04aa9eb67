//! The whole analysis of any draft: every span it reports (quotes and their
//! words, speakers and cues, speakers' mentions, laws, findings and the
//! edits of their fixes) is a range of character boundaries in the text,
//! indices point at what exists, findings come sorted by start, and an
//! analysis that reuses the work of an earlier one equals a fresh one.
//!
//! The input is a draft. When it contains a NUL byte, the text before it is
//! an earlier version of the draft, analysed first to prime the reuse;
//! otherwise the earlier version is the draft without its first paragraph.

#![no_main]

use std::sync::OnceLock;

use copydesk::analysis::{analyze, analyze_reusing, Analysis, Reuse};
use copydesk::config::Config;
use copydesk::kb::Kb;
use copydesk::text::Span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (earlier, draft) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (
            String::from_utf8_lossy(&data[..nul]),
            String::from_utf8_lossy(&data[nul + 1..]),
        ),
        None => {
            let draft = String::from_utf8_lossy(data);
            let rest = draft.find("\n\n").map_or("", |at| &draft[at + 2..]);
            (rest.to_string().into(), draft)
        }
    };
    let config = Config::default();
    let analysis = analyze(&draft, &config, kb());
    check_spans(&draft, &analysis);

    let mut reuse = Reuse::new();
    analyze_reusing(&earlier, &config, kb(), &mut reuse);
    let reused = analyze_reusing(&draft, &config, kb(), &mut reuse);
    assert!(
        reused == analysis,
        "reusing the analysis of {earlier:?} changed the result:\n\
         fresh:  {analysis:#?}\nreused: {reused:#?}"
    );
});

fn kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(Kb::builtin)
}

fn check_spans(text: &str, analysis: &Analysis) {
    for (i, quote) in analysis.quotes.iter().enumerate() {
        assert_slices(text, quote.span, "quote");
        assert_slices(text, quote.content, "quote content");
        assert!(
            quote.span.contains_span(quote.content),
            "the words of quote {i} lie outside its marks: {quote:?}"
        );
        assert!(
            quote.group <= i && analysis.quotes[quote.group].group == quote.group,
            "quote {i} belongs to group {}, which is not the first segment of a quote",
            quote.group
        );
        for problem in &quote.mark_problems {
            match *problem {
                copydesk::analysis::MarkProblem::Backwards(mark) => {
                    assert_slices(text, mark, "backwards mark")
                }
                copydesk::analysis::MarkProblem::Nested(open, close) => {
                    assert_slices(text, open, "nested opening mark");
                    assert_slices(text, close, "nested closing mark");
                }
            }
        }
        if let Some(attribution) = &quote.attribution {
            assert_slices(text, attribution.speaker.span, "attributed speaker");
            if let Some(cue) = &attribution.cue {
                assert_slices(text, cue.span, "cue");
            }
        }
    }
    for speaker in &analysis.speakers {
        for mention in &speaker.mentions {
            assert_slices(text, mention.span, "speaker mention");
        }
        for &quote in &speaker.quotes {
            assert!(
                quote < analysis.quotes.len(),
                "speaker {:?} has quote {quote} of {}",
                speaker.name,
                analysis.quotes.len()
            );
        }
    }
    for law in &analysis.laws {
        assert_slices(text, law.span, "law mention");
    }
    for finding in &analysis.findings {
        assert_slices(text, finding.span, "finding");
        for edit in finding.fixes.iter().flat_map(|fix| &fix.edits) {
            assert_slices(text, edit.span, "fix edit");
        }
    }
    assert!(
        analysis
            .findings
            .windows(2)
            .all(|pair| pair[0].span.start <= pair[1].span.start),
        "findings are not sorted by start: {:?}",
        analysis.findings
    );
}

fn assert_slices(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && text.get(span.start..span.end).is_some(),
        "{what} {span:?} is not a range of char boundaries in a text of {} bytes",
        text.len()
    );
}
