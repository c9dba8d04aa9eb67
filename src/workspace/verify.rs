//! Checking a closed draft's summary against its file before an edit is
//! built from it. A summary may be stale (the file changed and no watcher
//! said so) or wrong (a cache edited by hand); an edit over a range it
//! gives would then change the wrong words of a file nobody is looking at.
//! So the file is read again: the summary's mentions are used only when the
//! file still has the bytes the summary was made from and each mention's
//! range holds the name; otherwise the draft is analysed afresh.

use std::path::Path;

use super::{read_draft, DraftSummary, IndexWith, MentionRef, SkippedDraft, TextHash};
use crate::analysis::{self, MentionForm};
use crate::text::LineIndex;

/// The mentions of the speaker called `name` in the closed draft at
/// `path`, as its text reads now, and the fresh summary when `summary` did
/// not hold up (for the index to take in its place).
pub fn current_mentions(
    path: &Path,
    summary: &DraftSummary,
    name: &str,
    with: IndexWith,
) -> Result<(Vec<MentionRef>, Option<DraftSummary>), SkippedDraft> {
    let text = read_draft(path, with.limits)?;
    let index = LineIndex::new(&text);
    let mentions = mentions_of(summary, name);
    let holds = summary.text_hash == TextHash::of(text.as_bytes())
        && mentions.iter().all(|mention| {
            let start = index.offset(&text, mention.start, with.encoding);
            let end = index.offset(&text, mention.end, with.encoding);
            let written = match (start, end) {
                (Some(start), Some(end)) => text.get(start..end),
                _ => None,
            };
            written.is_some_and(|written| names(written, mention.form, name))
        });
    if holds {
        return Ok((mentions, None));
    }
    let analysis =
        analysis::analyze_mentions(&text, with.config, with.kb, &mut analysis::Reuse::none());
    let fresh =
        DraftSummary::with_index(path.to_path_buf(), &text, &index, &analysis, with.encoding);
    Ok((mentions_of(&fresh, name), Some(fresh)))
}

fn mentions_of(summary: &DraftSummary, name: &str) -> Vec<MentionRef> {
    summary
        .speakers
        .iter()
        .filter(|speaker| speaker.name == name)
        .flat_map(|speaker| speaker.mentions.iter().copied())
        .collect()
}

/// Whether `written` can be a mention of the person called `name` in the
/// `form` it is said to be: a full name starts and ends with the name's
/// first and last words (a middle initial may stand between), a surname is
/// one of them. Pronouns and descriptions are never renamed and pass.
fn names(written: &str, form: MentionForm, name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or_default();
    let last = name.split(' ').next_back().unwrap_or_default();
    let mut words = written.split_whitespace();
    match form {
        MentionForm::Name => {
            words.next() == Some(first) && words.next_back().unwrap_or(first) == last
        }
        MentionForm::Surname => written == first || written == last,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::fsread::Limits;
    use crate::kb::Kb;
    use crate::text::Encoding;

    const DRAFT: &str = "\"We are open,\" said Marisol Okafor, a spokesperson. \
                         \"Come in,\" Okafor said.\n";

    fn check(text_now: &str, summary: &DraftSummary) -> (Vec<MentionRef>, bool) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.md");
        std::fs::write(&path, text_now).unwrap();
        let (config, kb, limits) = (Config::default(), Kb::builtin(), Limits::default());
        let with = IndexWith {
            config: &config,
            kb: &kb,
            encoding: Encoding::Utf16,
            limits: &limits,
        };
        let (mentions, fresh) = current_mentions(&path, summary, "Marisol Okafor", with).unwrap();
        (mentions, fresh.is_some())
    }

    fn summary_of(text: &str) -> DraftSummary {
        let analysis = analysis::analyze(text, &Config::default(), &Kb::builtin());
        DraftSummary::new("story.md".into(), text, &analysis, Encoding::Utf16)
    }

    #[test]
    fn a_summary_that_holds_is_used_as_it_is() {
        let summary = summary_of(DRAFT);
        let (mentions, analysed) = check(DRAFT, &summary);
        assert!(!analysed);
        assert_eq!(mentions.len(), 2);
        assert_eq!(mentions, summary.speakers[0].mentions);
    }

    #[test]
    fn a_summary_of_other_text_or_moved_mentions_gives_way_to_the_text() {
        let now = format!("Updated.\n\n{DRAFT}");
        let (mentions, analysed) = check(&now, &summary_of(DRAFT));
        assert!(analysed);
        assert_eq!(mentions, summary_of(&now).speakers[0].mentions);
        assert_eq!(mentions[0].start.line, 2);

        // The right hash, but a mention moved by hand: analysed again.
        let mut forged = summary_of(DRAFT);
        forged.speakers[0].mentions[1].start.col -= 3;
        let (mentions, analysed) = check(DRAFT, &forged);
        assert!(analysed);
        assert_eq!(mentions, summary_of(DRAFT).speakers[0].mentions);
    }

    #[test]
    fn names_are_checked_by_their_first_and_last_words() {
        assert!(names("Marisol Okafor", MentionForm::Name, "Marisol Okafor"));
        assert!(names(
            "Marisol T. Okafor",
            MentionForm::Name,
            "Marisol Okafor"
        ));
        assert!(!names(
            "a spokesperson",
            MentionForm::Name,
            "Marisol Okafor"
        ));
        assert!(names("Okafor", MentionForm::Surname, "Marisol Okafor"));
        assert!(!names("kafor", MentionForm::Surname, "Marisol Okafor"));
    }
}
