//! Checking a closed draft's summary against its file before an answer
//! or an edit is built from it. A summary may be stale (the file changed
//! and no watcher said so) or wrong (a cache edited by hand); a reference
//! it gives would then point at other words, and an edit over a range it
//! gives would change the wrong words of a file nobody is looking at. So
//! each place is taken only where its range, exactly as given (no column
//! clamped to a line's end), holds the words it was made from
//! (`WordsHash`) in the file as it reads now.
//!
//! References and workspace symbols only read places, so they may trust a
//! recent look at the file: a summary whose every place was found to hold
//! keeps the file's stamp then (`stamp::Verified`), and for `FRESH` after a look,
//! or while the file keeps that stamp, the summary's places are taken as
//! they are (`summary_holding`); the server looks at the stamps again in
//! the background while the workspace is being queried. A rename edits
//! places, so it trusts nothing it has not read: it uses a summary's
//! mentions only when the file still has the summary's bytes and every
//! place holds, else it analyses the draft again (`current_mentions`).

use std::path::Path;
use std::time::Instant;

use super::stamp::Stamp;
use super::{read_draft, DraftSummary, IndexWith, MentionRef, SkippedDraft, TextHash, WordsHash};
use crate::analysis::{self, MentionForm};
use crate::fsread::Limits;
use crate::text::{Encoding, LineCol, LineIndex};

/// A place a summary gives for a closed draft: where, and the hash of the
/// words it was made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Claim {
    pub start: LineCol,
    pub end: LineCol,
    pub words: WordsHash,
}

/// Whether each of `claims`, places `summary` gives for the closed draft
/// at its path, holds in the file as it reads now. A summary found to hold
/// within `FRESH` is trusted as it is; one whose file still has the stamp
/// it was checked at costs a `stat`; else the file is read, and when every
/// place of the summary holds in it, that is noted with its stamp.
pub fn summary_holding(
    summary: &DraftSummary,
    claims: &[Claim],
    encoding: Encoding,
    limits: &Limits,
) -> Result<Vec<bool>, SkippedDraft> {
    let seen = Instant::now();
    if summary.verified.is_fresh(seen) || summary.verified.refresh(&summary.path) {
        return Ok(vec![true; claims.len()]);
    }
    let stamp = Stamp::of(&summary.path);
    let text = read_draft(&summary.path, limits)?;
    // The stamp was taken before the read: if the file changed in
    // between, the next look sees another stamp and reads again.
    if let Some(stamp) = stamp.filter(|_| all_hold(summary, &text, encoding)) {
        summary.verified.record(stamp, seen);
    }
    Ok(holding(&text, claims, encoding))
}

/// Whether every place `summary` gives holds in `text`.
pub(super) fn all_hold(summary: &DraftSummary, text: &str, encoding: Encoding) -> bool {
    let claims: Vec<Claim> = summary.claims().collect();
    holding(text, &claims, encoding)
        .into_iter()
        .all(|holds| holds)
}

/// Whether each of `claims` holds in `text`.
fn holding(text: &str, claims: &[Claim], encoding: Encoding) -> Vec<bool> {
    let mut positions: Vec<LineCol> = claims.iter().flat_map(|c| [c.start, c.end]).collect();
    positions.sort_unstable();
    positions.dedup();
    let offsets = exact_offsets(text, &positions, encoding);
    let offset = |pos: LineCol| positions.binary_search(&pos).ok().and_then(|i| offsets[i]);
    claims
        .iter()
        .map(|claim| match (offset(claim.start), offset(claim.end)) {
            (Some(start), Some(end)) => text
                .get(start..end)
                .is_some_and(|words| WordsHash::of(words) == claim.words),
            _ => false,
        })
        .collect()
}

/// The byte offset of each of `positions` (sorted) in `text`, or `None`
/// where the text has no such position: the line does not exist, the
/// column is past the line's end or inside a character. One walk along
/// the text, reading only the lines the positions are on, each up to the
/// furthest column asked for.
fn exact_offsets(text: &str, positions: &[LineCol], encoding: Encoding) -> Vec<Option<usize>> {
    let bytes = text.as_bytes();
    let mut newlines = memchr::memchr_iter(b'\n', bytes).peekable();
    let mut line = 0u32;
    let mut line_start = 0usize;
    // How far into the current line the walk has come, in bytes and units.
    let (mut at, mut units) = (0usize, 0u32);
    let mut found = Vec::with_capacity(positions.len());
    for pos in positions {
        while line < pos.line {
            let Some(newline) = newlines.next() else {
                break;
            };
            line += 1;
            line_start = newline + 1;
            (at, units) = (line_start, 0);
        }
        if line != pos.line {
            found.push(None);
            continue;
        }
        let mut end = newlines.peek().copied().unwrap_or(bytes.len());
        if end > line_start && bytes[end - 1] == b'\r' && end < bytes.len() {
            end -= 1;
        }
        while units < pos.col && at < end {
            // A run of ASCII is a unit a byte in either encoding: most
            // of a line is skipped without decoding characters.
            let ahead = end.min(at + (pos.col - units) as usize);
            let run = bytes[at..ahead]
                .iter()
                .position(|b| !b.is_ascii())
                .unwrap_or(ahead - at);
            if run > 0 {
                at += run;
                units += run as u32;
                continue;
            }
            let Some(ch) = text[at..].chars().next() else {
                break;
            };
            units += match encoding {
                Encoding::Utf8 => ch.len_utf8(),
                Encoding::Utf16 => ch.len_utf16(),
            } as u32;
            at += ch.len_utf8();
        }
        found.push((units == pos.col).then_some(at));
    }
    found
}

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
    let claims: Vec<Claim> = mentions.iter().map(MentionRef::claim).collect();
    let holds = summary.text_hash == TextHash::of(text.as_bytes())
        && holding(&text, &claims, with.encoding)
            .into_iter()
            .all(|holds| holds)
        && mentions.iter().all(|mention| {
            let start = index.offset(&text, mention.start, with.encoding);
            let end = index.offset(&text, mention.end, with.encoding);
            let written = start.zip(end).and_then(|(start, end)| text.get(start..end));
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
    use super::super::stamp::{FRESH, SETTLE};
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

    fn claim(start: (u32, u32), end: (u32, u32), words: &str) -> Claim {
        let at = |(line, col)| LineCol { line, col };
        Claim {
            start: at(start),
            end: at(end),
            words: WordsHash::of(words),
        }
    }

    #[test]
    fn a_place_holds_only_where_its_exact_range_has_its_words() {
        let text = "# 😀 Notes\r\n\r\nLed by “Lin Haoran” again.\nLin";
        let lin = claim((2, 8), (2, 18), "Lin Haoran");
        let utf8 = claim((2, 10), (2, 20), "Lin Haoran");
        assert_eq!(holding(text, &[lin], Encoding::Utf16), [true]);
        assert_eq!(holding(text, &[utf8], Encoding::Utf8), [true]);
        assert_eq!(holding(text, &[lin], Encoding::Utf8), [false]);
        let checked = holding(
            text,
            &[
                // Other words at the place.
                claim((2, 8), (2, 18), "Lin Haoram"),
                // Past the line's end: clamping would have read the end.
                claim((0, 9), (0, 12), ""),
                // Inside the emoji's surrogate pair.
                claim((0, 3), (0, 4), ""),
                // No such line.
                claim((9, 0), (9, 3), "Lin"),
                // The last line, with no line break after it.
                claim((3, 0), (3, 3), "Lin"),
                // The line's end, before its \r\n.
                claim((0, 4), (0, 10), " Notes"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(checked, [false, false, false, false, true, true]);
    }

    #[test]
    fn every_position_of_a_text_is_found_at_its_offset_in_either_encoding() {
        let mut rng = crate::random::Rng::new(15);
        let pieces = ["a", "Lin ", "“", "”", "é", "😀", "\r\n", "\n", "\t", "  "];
        for _ in 0..200 {
            let text: String = (0..rng.below(60)).map(|_| rng.pick(&pieces)).collect();
            let index = LineIndex::new(&text);
            let offsets: Vec<usize> = (0..=text.len())
                .filter(|&at| text.is_char_boundary(at))
                .filter(|&at| !text[..at].ends_with('\r') || !text[at..].starts_with('\n'))
                .collect();
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let mut positions: Vec<(LineCol, usize)> = offsets
                    .iter()
                    .map(|&at| (index.line_col(&text, at, encoding), at))
                    .collect();
                positions.sort();
                let (asked, expected): (Vec<LineCol>, Vec<usize>) = positions.into_iter().unzip();
                let found = exact_offsets(&text, &asked, encoding);
                let expected: Vec<Option<usize>> = expected.into_iter().map(Some).collect();
                assert_eq!(found, expected, "{text:?} in {encoding:?}");
            }
        }
    }

    /// Whether every place of `summary` holds in its file, by
    /// `summary_holding`.
    fn all_holding(summary: &DraftSummary) -> bool {
        let claims: Vec<Claim> = summary.claims().collect();
        summary_holding(summary, &claims, Encoding::Utf16, &Limits::default())
            .unwrap()
            .into_iter()
            .all(|holds| holds)
    }

    #[test]
    fn a_checked_summary_is_trusted_for_a_while_then_while_its_file_keeps_its_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.md");
        std::fs::write(&path, DRAFT).unwrap();
        let summary = DraftSummary {
            path: path.clone(),
            ..summary_of(DRAFT)
        };
        // Just written: its timestamps may not have moved on yet for the
        // next write, so nothing is noted and every look reads it.
        assert!(all_holding(&summary));
        assert!(!summary.verified.is_set());

        std::thread::sleep(SETTLE + std::time::Duration::from_millis(100));
        assert!(all_holding(&summary));
        assert!(summary.verified.is_fresh(Instant::now()));
        // A check older than `FRESH` holds on while the file is unchanged.
        let stamp = summary.verified.stamp().unwrap();
        let long_ago = Instant::now().checked_sub(FRESH * 2).unwrap();
        summary.verified.record(stamp, long_ago);
        assert!(!summary.verified.is_fresh(Instant::now()));
        assert!(summary.verified.refresh(&path));
        assert!(summary.verified.is_fresh(Instant::now()));

        // Changed behind its back, at the same length, with the old
        // modification time put back: within `FRESH` of the last look the
        // summary is still trusted (references only read places); after
        // it, the file is looked at, and read, and the places fail.
        let unchanged = std::fs::metadata(&path).unwrap();
        std::fs::write(&path, DRAFT.replace("Okafor", "Okafur")).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(unchanged.modified().unwrap())
            .unwrap();
        assert!(all_holding(&summary));
        summary.verified.record(stamp, long_ago);
        assert!(!all_holding(&summary));
        assert!(!summary.verified.is_set());
        assert!(!summary.verified.refresh(&path));
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
