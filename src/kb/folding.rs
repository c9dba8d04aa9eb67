//! Text made ready for matching names: folded (lower case, apostrophes
//! straightened, dashes and runs of space as one space), and read as the
//! gazetteer's tokens, either from folded text or, with their hashes,
//! straight from the original in one pass.

/// `text` folded for matching names: lower case, curly apostrophes
/// straightened, hyphens and dashes as spaces, runs of white space as one
/// space.
pub fn fold(text: &str) -> String {
    let bytes = text.as_bytes();
    // Plain ASCII with no run of white space or hyphens folds byte for
    // byte; most names are that up to their end or first dash.
    let mut last_space = false;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let space = FOLDED_ASCII[usize::from(b)] == b' ';
        if !b.is_ascii() || (space && last_space) {
            break;
        }
        last_space = space;
        at += 1;
    }
    let mut folded: Vec<u8> = Vec::with_capacity(text.len());
    folded.extend(bytes[..at].iter().map(|&b| FOLDED_ASCII[usize::from(b)]));
    let mut buffer = [0u8; 4];
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            // A byte for a byte, by the table: most of every name.
            let byte = FOLDED_ASCII[usize::from(b)];
            let space = byte == b' ';
            if !(space && last_space) {
                folded.push(byte);
            }
            last_space = space;
            at += 1;
            continue;
        }
        let Some(ch) = text[at..].chars().next() else {
            break;
        };
        at += ch.len_utf8();
        for lower in folded_chars(ch) {
            let space = lower == ' ';
            if !(space && last_space) {
                folded.extend_from_slice(lower.encode_utf8(&mut buffer).as_bytes());
            }
            last_space = space;
        }
    }
    // Whole characters went in, so this never falls back.
    String::from_utf8(folded)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}

/// What `ch` folds to: an apostrophe for a curly one, a space for a dash or
/// white space, its lower case for the rest.
#[inline]
fn folded_chars(ch: char) -> impl Iterator<Item = char> {
    let mapped = match ch {
        '’' | '‘' => '\'',
        '-' | '–' | '—' | '\u{2010}' | '\u{2011}' => ' ',
        c if c.is_whitespace() => ' ',
        c => c,
    };
    mapped.to_lowercase()
}

/// Each ASCII byte as folding writes it: lower case, with hyphens and white
/// space as a space. (Bytes past ASCII are never looked up in it.)
static FOLDED_ASCII: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        // White space as `char::is_whitespace` has it, vertical tab too.
        table[b] = if byte == b'-' || matches!(byte, b'\t'..=b'\r' | b' ') {
            b' '
        } else {
            byte.to_ascii_lowercase()
        };
        b += 1;
    }
    table
};

/// The tokens of folded text as byte ranges: runs of letters and digits,
/// and each other character that is not white space on its own. Reads
/// ASCII a byte at a time, the rest a character at a time.
pub(super) fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let &b = bytes.get(at)?;
        let start = at;
        match BYTE_CLASS[usize::from(b)] {
            SPACE => {
                at += 1;
                continue;
            }
            RUN => at = alphanumeric_end(text, at + 1),
            OTHER => at += 1,
            _ => {
                let ch = text[at..].chars().next()?;
                at += ch.len_utf8();
                if ch.is_whitespace() {
                    continue;
                }
                if ch.is_alphanumeric() {
                    at = alphanumeric_end(text, at);
                }
            }
        }
        return Some((start, at));
    })
}

/// Where the run of letters and digits going on at `at` ends.
#[inline]
fn alphanumeric_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        match BYTE_CLASS[usize::from(b)] {
            RUN => at += 1,
            LONGER => match text[at..].chars().next() {
                Some(ch) if ch.is_alphanumeric() => at += ch.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    at
}

/// The hash a token's folded bytes start from.
pub(super) const TOKEN_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// A token's hash taken one more folded byte further (FNV-1a, written out
/// here because `scan` hashes each byte as it folds it, with no folded copy
/// to hand a hasher).
#[inline]
pub(super) fn token_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// The hash of a token's folded bytes, as `scan` takes it.
pub(super) fn token_hash(token: &str) -> u64 {
    token.bytes().fold(TOKEN_SEED, token_step)
}

/// A token of the folded text, found in the original.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Token {
    /// Where the characters it was folded from start and end in the
    /// original.
    pub start: usize,
    pub end: usize,
    /// `token_hash` of its folded bytes.
    pub hash: u64,
}

/// What a byte is to the tokens: an ASCII letter or digit, a byte folding
/// turns into a space (ASCII white space and `-`), other ASCII, or part of
/// a longer character. One table serves the scan of original prose and the
/// tokens of folded text, which has no `-` left to read.
const RUN: u8 = 0;
const SPACE: u8 = 1;
const OTHER: u8 = 2;
const LONGER: u8 = 3;

static BYTE_CLASS: [u8; 256] = {
    let mut classes = [LONGER; 256];
    let mut b = 0;
    while b < 128 {
        classes[b] = match FOLDED_ASCII[b] {
            b' ' => SPACE,
            folded if folded.is_ascii_alphanumeric() => RUN,
            _ => OTHER,
        };
        b += 1;
    }
    classes
};

/// The tokens of `text`'s folding, read from `text` itself in one pass,
/// with no folded copy: what `tokens(&fold(text))` gives, each with the
/// hash of its folded bytes and the place in `text` of the characters it
/// was folded from.
pub(super) fn scan(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    // About a token every four or five bytes of prose.
    let mut tokens = Vec::with_capacity(text.len() / 3 + 1);
    // The run of letters and digits being read.
    let mut run: Option<Token> = None;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match BYTE_CLASS[usize::from(b)] {
            RUN => {
                let open = run.get_or_insert(Token {
                    start: at,
                    end: at,
                    hash: TOKEN_SEED,
                });
                // The rest of the ASCII run, a byte at a time. An ASCII
                // letter or digit in lower case is the byte with 0x20 set.
                let mut hash = open.hash;
                let mut end = at;
                while let Some(&b) = bytes.get(end) {
                    if BYTE_CLASS[usize::from(b)] != RUN {
                        break;
                    }
                    hash = token_step(hash, b | 0x20);
                    end += 1;
                }
                open.hash = hash;
                open.end = end;
                at = end;
            }
            SPACE => {
                close(&mut tokens, &mut run);
                at += 1;
            }
            OTHER => {
                close(&mut tokens, &mut run);
                tokens.push(Token {
                    start: at,
                    end: at + 1,
                    hash: token_step(TOKEN_SEED, b),
                });
                at += 1;
            }
            _ => {
                let Some(ch) = text[at..].chars().next() else {
                    break;
                };
                let from = at;
                at += ch.len_utf8();
                for lower in folded_chars(ch) {
                    let mut buffer = [0u8; 4];
                    let encoded = lower.encode_utf8(&mut buffer).as_bytes();
                    let hash = |seed| encoded.iter().fold(seed, |h, &b| token_step(h, b));
                    if lower.is_alphanumeric() {
                        let open = run.get_or_insert(Token {
                            start: from,
                            end: at,
                            hash: TOKEN_SEED,
                        });
                        open.hash = hash(open.hash);
                        open.end = at;
                    } else {
                        close(&mut tokens, &mut run);
                        if !lower.is_whitespace() {
                            tokens.push(Token {
                                start: from,
                                end: at,
                                hash: hash(TOKEN_SEED),
                            });
                        }
                    }
                }
            }
        }
    }
    close(&mut tokens, &mut run);
    tokens
}

/// End the run being read, if one is.
#[inline]
fn close(tokens: &mut Vec<Token>, run: &mut Option<Token>) {
    if let Some(token) = run.take() {
        tokens.push(token);
    }
}

/// Whether `original` folds to `folded`, a folded token: byte for byte for
/// ASCII, which is most of prose.
pub(super) fn folds_to(original: &str, folded: &str) -> bool {
    if original.is_ascii() {
        original.len() == folded.len()
            && original
                .bytes()
                .zip(folded.bytes())
                .all(|(o, f)| FOLDED_ASCII[usize::from(o)] == f)
    } else {
        fold(original) == folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lowers_straightens_and_spaces() {
        assert_eq!(fold("The  CHIPS-and Science’s"), "the chips and science's");
        assert_eq!(fold("Ms. Ode — ÉCOLE  Act"), "ms. ode école act");
        assert_eq!(
            fold("Vertical\x0btab, “then\x0b\x0bagain\r\n-”"),
            "vertical tab, “then again ”"
        );
        assert_eq!(fold("İ ß"), "i\u{307} ß");
        assert_eq!(fold(""), "");
    }

    /// The tokens `scan` must give: the text folded a character at a time,
    /// each folded character knowing the original one it came from, then
    /// split into runs of letters and digits and single other characters.
    fn by_chars(text: &str) -> Vec<(usize, usize, String)> {
        let mut out: Vec<(usize, usize, String)> = Vec::new();
        let mut run: Option<(usize, usize, String)> = None;
        for (from, ch) in text.char_indices() {
            let to = from + ch.len_utf8();
            for lower in folded_chars(ch) {
                if lower.is_alphanumeric() {
                    let open = run.get_or_insert((from, to, String::new()));
                    open.1 = to;
                    open.2.push(lower);
                    continue;
                }
                out.extend(run.take());
                if !lower.is_whitespace() {
                    out.push((from, to, lower.to_string()));
                }
            }
        }
        out.extend(run);
        out
    }

    /// `scan` agrees with the character-by-character tokens, and their
    /// folded text is that of the tokens of the folded text, which is how
    /// names are read.
    fn check(text: &str) {
        let expected = by_chars(text);
        let scanned: Vec<(usize, usize, u64)> = scan(text)
            .iter()
            .map(|t| (t.start, t.end, t.hash))
            .collect();
        let wanted: Vec<(usize, usize, u64)> = expected
            .iter()
            .map(|(start, end, folded)| (*start, *end, token_hash(folded)))
            .collect();
        assert_eq!(scanned, wanted, "{text:?}");
        let folded = fold(text);
        assert_eq!(
            tokens(&folded)
                .map(|(s, e)| &folded[s..e])
                .collect::<Vec<_>>(),
            expected.iter().map(|t| t.2.as_str()).collect::<Vec<_>>(),
            "{text:?}"
        );
    }

    #[test]
    fn a_scan_reads_the_folded_tokens_from_the_original() {
        for text in [
            "",
            "The CHIPS and Science Act",
            "The  CHIPS-and Science’s",
            "“Pub. L. 117-167,” she said — twice.",
            "İstanbul ÉCOLE Act of 2022\t\n  (USICA)",
            "Ω ß ǅ ﬁ 😀 — ‘quoted’ – end ",
            " — ",
            "Vertical\x0btab, “then\x0b\x0bagain\r\n-”",
            "  the\tU.S.\x0bCode\u{a0}§ 230(c)(1) —  Müller’s Straße 12ab ",
            "日本の法律 2023年 Ωmega\u{2003}x",
            "a\u{85}b\r\nc",
        ] {
            check(text);
        }
        let at: Vec<_> = scan("Wolf Amendment-era İx")
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        // `İ` folds to `i` and a combining dot, which ends the run: both
        // tokens come from all of the `İ`.
        assert_eq!(
            at,
            vec![(0, 4), (5, 14), (15, 18), (19, 21), (19, 21), (21, 22)]
        );
    }

    #[test]
    fn random_texts_scan_as_they_fold() {
        const PIECES: &[&str] = &[
            "a", "Z", "7", " ", "  ", "-", "—", "–", "’", "‘", "'", ".", ",", "(", "\t", "\n",
            "\u{a0}", "\u{2003}", "\x0b", "é", "É", "İ", "ß", "ǅ", "ﬁ", "Ω", "日", "😀", "§", "“",
            "\u{307}", "Act", "U.S.", "of", "2022",
        ];
        let mut rng = crate::random::Rng::new(7);
        for _ in 0..3_000 {
            let len = rng.below(12);
            let text: String = (0..len).map(|_| rng.pick(PIECES)).collect();
            check(&text);
        }
    }
}
