//! Text made ready for matching names: folded (lower case, apostrophes
//! straightened, dashes and runs of space as one space), and read as the
//! gazetteer's tokens, either from folded text or straight from the
//! original in one pass.

/// `text` folded for matching names: lower case, curly apostrophes
/// straightened, hyphens and dashes as spaces, runs of white space as one
/// space.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut last_space = false;
    let mut buffer = [0u8; 4];
    for ch in text.chars() {
        for lower in folded_chars(ch) {
            let space = lower == ' ';
            if !(space && last_space) {
                folded.push_str(lower.encode_utf8(&mut buffer));
            }
            last_space = space;
        }
    }
    folded
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
            ALPHANUMERIC => at = alphanumeric_end(text, at + 1),
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
            ALPHANUMERIC => at += 1,
            NOT_ASCII => match text[at..].chars().next() {
                Some(ch) if ch.is_alphanumeric() => at += ch.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    at
}

/// What the tokenizer makes of a byte: an ASCII letter or digit, ASCII
/// white space, other ASCII, or part of a longer character.
const OTHER: u8 = 0;
const ALPHANUMERIC: u8 = 1;
const SPACE: u8 = 2;
const NOT_ASCII: u8 = 3;

static BYTE_CLASS: [u8; 256] = {
    let mut classes = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        classes[b] = if byte.is_ascii_alphanumeric() {
            ALPHANUMERIC
        } else if matches!(byte, b'\t'..=b'\r' | b' ') {
            SPACE
        } else {
            OTHER
        };
        b += 1;
    }
    classes
};

/// The hash a token's folded bytes start from.
pub(super) const TOKEN_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// A token's hash taken one more folded byte further (FNV-1a).
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
    /// Where its folded bytes are in `Scan::folded`.
    folded_start: usize,
    folded_end: usize,
    /// `token_hash` of its folded bytes.
    pub hash: u64,
}

/// The tokens of a text's folding, read from the text itself: what
/// `tokens(&fold(text))` gives, with each token's place in the original
/// rather than in the folded text, in one pass and no folded copy but the
/// tokens' own bytes.
#[derive(Debug, Default)]
pub(super) struct Scan {
    pub tokens: Vec<Token>,
    /// The folded bytes of every token, one after another.
    folded: String,
}

impl Scan {
    /// The folded text of `token`.
    pub fn folded(&self, token: &Token) -> &str {
        &self.folded[token.folded_start..token.folded_end]
    }
}

/// A run of letters and digits being read.
struct Run {
    start: usize,
    end: usize,
    folded_start: usize,
    hash: u64,
}

/// Read `text`'s tokens as folding would leave them.
pub(super) fn scan(text: &str) -> Scan {
    let bytes = text.as_bytes();
    let mut out = Scan {
        // About a token every five bytes of prose.
        tokens: Vec::with_capacity(text.len() / 5 + 1),
        folded: String::with_capacity(text.len()),
    };
    let mut run: Option<Run> = None;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            let folded = FOLDED_ASCII[usize::from(b)];
            if folded.is_ascii_alphanumeric() {
                let open = run.get_or_insert(Run {
                    start: at,
                    end: at,
                    folded_start: out.folded.len(),
                    hash: TOKEN_SEED,
                });
                // The rest of an ASCII run, a byte at a time.
                let mut hash = open.hash;
                let mut end = at;
                while let Some(&b) = bytes.get(end) {
                    let folded = FOLDED_ASCII[usize::from(b)];
                    if !b.is_ascii() || !folded.is_ascii_alphanumeric() {
                        break;
                    }
                    hash = token_step(hash, folded);
                    end += 1;
                }
                let folded_from = out.folded.len();
                out.folded.push_str(&text[at..end]);
                out.folded[folded_from..].make_ascii_lowercase();
                open.hash = hash;
                open.end = end;
                at = end;
                continue;
            }
            close(&mut out, &mut run);
            if folded != b' ' {
                let folded_start = out.folded.len();
                out.folded.push(char::from(folded));
                let hash = token_step(TOKEN_SEED, folded);
                push_token(&mut out, at, at + 1, folded_start, hash);
            }
            at += 1;
            continue;
        }
        let Some(ch) = text[at..].chars().next() else {
            break;
        };
        let from = at;
        at += ch.len_utf8();
        for lower in folded_chars(ch) {
            let mut buffer = [0u8; 4];
            let encoded = lower.encode_utf8(&mut buffer).as_bytes();
            if lower.is_alphanumeric() {
                let open = run.get_or_insert(Run {
                    start: from,
                    end: at,
                    folded_start: out.folded.len(),
                    hash: TOKEN_SEED,
                });
                open.hash = encoded.iter().fold(open.hash, |h, &b| token_step(h, b));
                open.end = at;
                out.folded.push(lower);
                continue;
            }
            close(&mut out, &mut run);
            if !lower.is_whitespace() {
                let folded_start = out.folded.len();
                out.folded.push(lower);
                let hash = encoded.iter().fold(TOKEN_SEED, |h, &b| token_step(h, b));
                push_token(&mut out, from, at, folded_start, hash);
            }
        }
    }
    close(&mut out, &mut run);
    out
}

/// End the run being read, if one is.
#[inline]
fn close(out: &mut Scan, run: &mut Option<Run>) {
    if let Some(run) = run.take() {
        push_token(out, run.start, run.end, run.folded_start, run.hash);
    }
}

#[inline]
fn push_token(out: &mut Scan, start: usize, end: usize, folded_start: usize, hash: u64) {
    out.tokens.push(Token {
        start,
        end,
        folded_start,
        folded_end: out.folded.len(),
        hash,
    });
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

    fn scanned(text: &str) -> Vec<(usize, usize, String)> {
        let scan = scan(text);
        scan.tokens
            .iter()
            .map(|t| {
                assert_eq!(t.hash, token_hash(scan.folded(t)), "{text:?}");
                (t.start, t.end, scan.folded(t).to_string())
            })
            .collect()
    }

    /// `scan` agrees with the character-by-character tokens, and its
    /// tokens are those of the folded text, as names are read.
    fn check(text: &str) {
        let tokens_of_folding: Vec<String> = {
            let folded = fold(text);
            tokens(&folded)
                .map(|(s, e)| folded[s..e].to_string())
                .collect()
        };
        let scanned = scanned(text);
        assert_eq!(scanned, by_chars(text), "{text:?}");
        assert_eq!(
            scanned.into_iter().map(|t| t.2).collect::<Vec<_>>(),
            tokens_of_folding,
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
        let scan = scan("Wolf Amendment-era İx");
        let at: Vec<_> = scan.tokens.iter().map(|t| (t.start, t.end)).collect();
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
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..3_000 {
            let len = next(12);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            check(&text);
        }
    }
}
