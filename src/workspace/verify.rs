//! Checking a closed draft's summary against its file before an answer
//! or an edit is built from it. A summary may be stale (the file changed
//! and no watcher said so) or wrong (a cache edited by hand); a reference
//! it gives would then point at other words, and an edit over a range it
//! gives would change the wrong words of a file nobody is looking at. So
//! the file is read again and each place is taken only where its range,
//! exactly as given (no column clamped to a line's end), still holds the
//! words it was made from (`WordsHash`). References leave out the places
//! that do not hold (`claims_holding`); a rename analyses the draft afresh
//! unless the file still has the summary's bytes and every place holds
//! (`current_mentions`).

use std::path::Path;

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

/// Whether each of `claims` holds in the draft at `path` as it reads now.
pub fn claims_holding(
    path: &Path,
    claims: &[Claim],
    encoding: Encoding,
    limits: &Limits,
) -> Result<Vec<bool>, SkippedDraft> {
    let text = read_draft(path, limits)?;
    Ok(holding(&text, claims, encoding))
}

/// What a file was when its claims were last read to hold: its length,
/// modification time, and on Unix its inode and status-change time, which
/// every write and every reset of the modification time moves on and no
/// one can set back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    node: (u64, u64, i64, i64),
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let node = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino(), meta.ctime(), meta.ctime_nsec())
        };
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            node,
        })
    }
}

/// The claims each file was read to hold, with the file's stamp then: a
/// claim checked once holds while the stamp is the same, so asking again
/// costs a `stat` instead of a read. Only Unix stamps are trusted (a
/// status-change time nobody can set back); elsewhere every check reads.
#[derive(Debug, Default)]
pub struct CheckedClaims {
    files: std::sync::Mutex<
        std::collections::HashMap<std::path::PathBuf, (Stamp, std::collections::HashSet<Claim>)>,
    >,
}

impl CheckedClaims {
    /// `claims_holding`, reading the file only when it changed since its
    /// claims were checked or a claim is new.
    pub fn holding(
        &self,
        path: &Path,
        claims: &[Claim],
        encoding: Encoding,
        limits: &Limits,
    ) -> Result<Vec<bool>, SkippedDraft> {
        let stamp = Stamp::of(path).filter(|_| cfg!(unix));
        let files = || self.files.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(stamp) = stamp {
            let known = files().get(path).is_some_and(|(then, held)| {
                *then == stamp && claims.iter().all(|c| held.contains(c))
            });
            if known {
                return Ok(vec![true; claims.len()]);
            }
        }
        let holding = claims_holding(path, claims, encoding, limits)?;
        // The stamp was taken before the read: if the file changed in
        // between, the next check sees another stamp and reads again.
        if let Some(stamp) = stamp {
            let mut files = files();
            let entry = files
                .entry(path.to_path_buf())
                .or_insert_with(|| (stamp, Default::default()));
            if entry.0 != stamp {
                *entry = (stamp, Default::default());
            }
            entry.1.extend(
                claims
                    .iter()
                    .zip(&holding)
                    .filter(|(_, holds)| **holds)
                    .map(|(c, _)| *c),
            );
        }
        Ok(holding)
    }
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
    fn a_claim_checked_once_is_read_again_only_when_the_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.md");
        std::fs::write(&path, "Led by Lin Haoran.\n").unwrap();
        let lin = claim((0, 7), (0, 17), "Lin Haoran");
        let memo = CheckedClaims::default();
        let check = |memo: &CheckedClaims| {
            memo.holding(&path, &[lin], Encoding::Utf16, &Limits::default())
                .unwrap()
        };
        assert_eq!(check(&memo), [true]);
        let unchanged = std::fs::metadata(&path).unwrap();
        assert_eq!(check(&memo), [true]);
        // Rewritten at the same length with the old modification time put
        // back: the status-change time still moves, so it is read again.
        std::fs::write(&path, "Led by Lin Haoram.\n").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(unchanged.modified().unwrap())
            .unwrap();
        assert_eq!(check(&memo), [false]);
        assert_eq!(check(&CheckedClaims::default()), [false]);
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
