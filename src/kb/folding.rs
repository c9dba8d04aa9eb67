//! Text made ready for matching names: folded (lower case, apostrophes
//! straightened, dashes and runs of space as one space) with the way back
//! to the original offsets, and read as the gazetteer's tokens.

/// Text folded for matching names, and the way back to the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// Where the way back changes: from each of these folded offsets on,
    /// folded byte `at` came from `original + (at - folded)`, until the
    /// next. Empty when folding kept every offset. A paragraph has a few,
    /// at its dashes, runs of space and characters folding changed the
    /// length of, rather than one offset for every byte.
    shifts: Vec<Shift>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Shift {
    folded: usize,
    original: usize,
}

impl Folded {
    /// The offset in the original text of folded byte `at`, at the start
    /// of a folded character or the end of the text: where the character
    /// came from, or the end of the original.
    pub fn original(&self, at: usize) -> usize {
        let i = self.shifts.partition_point(|s| s.folded <= at);
        match i.checked_sub(1).map(|i| self.shifts[i]) {
            Some(shift) => shift.original + (at - shift.folded),
            None => at,
        }
    }
}

/// Shifts being gathered: a new one only where the way back changes.
struct Shifts {
    shifts: Vec<Shift>,
    /// `original - folded` since the last shift, wrapping: a character
    /// whose lower case is longer puts the folded text ahead.
    apart: usize,
}

impl Shifts {
    /// Folded byte `folded` came from original byte `original`.
    #[inline]
    fn map(&mut self, folded: usize, original: usize) {
        let apart = original.wrapping_sub(folded);
        if apart != self.apart {
            self.apart = apart;
            self.shifts.push(Shift { folded, original });
        }
    }
}

/// `text` folded for matching names: lower case, curly apostrophes
/// straightened, hyphens and dashes as spaces, runs of white space as one
/// space.
pub fn fold(text: &str) -> Folded {
    // Plain ASCII with no run of white space or hyphens folds byte for
    // byte, keeping every offset; most prose is that up to its first curly
    // quote or dash, and the rest goes on from there.
    let bytes = text.as_bytes();
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
    let plain: Vec<u8> = bytes[..at]
        .iter()
        .map(|&b| FOLDED_ASCII[usize::from(b)])
        .collect();
    // Only ASCII went in, so this never falls back.
    let mut folded = String::from_utf8(plain)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned());
    if at == bytes.len() {
        return Folded {
            text: folded,
            shifts: Vec::new(),
        };
    }
    folded.reserve(text.len() - at);
    let mut shifts = Shifts {
        shifts: Vec::new(),
        apart: 0,
    };
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            // A byte for a byte, by the table, as in the plain start.
            let mapped = FOLDED_ASCII[usize::from(b)];
            let space = mapped == b' ';
            at += 1;
            if space && last_space {
                continue;
            }
            last_space = space;
            shifts.map(folded.len(), at - 1);
            folded.push(char::from(mapped));
            continue;
        }
        let Some(ch) = text[at..].chars().next() else {
            break;
        };
        let mapped = match ch {
            '’' | '‘' => '\'',
            '-' | '–' | '—' | '\u{2010}' | '\u{2011}' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        let from = at;
        at += ch.len_utf8();
        if mapped == ' ' {
            if last_space {
                continue;
            }
            last_space = true;
        } else {
            last_space = false;
        }
        shifts.map(folded.len(), from);
        if mapped.is_ascii() {
            folded.push(mapped.to_ascii_lowercase());
            continue;
        }
        for (k, lower) in mapped.to_lowercase().enumerate() {
            // Each character of a longer lower case comes from the one
            // original character.
            if k > 0 {
                shifts.map(folded.len(), from);
            }
            folded.push(lower);
        }
    }
    shifts.map(folded.len(), text.len());
    Folded {
        text: folded,
        shifts: shifts.shifts,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_maps_back_to_the_original_offsets() {
        let text = "The  CHIPS-and Science’s";
        let folded = fold(text);
        assert_eq!(folded.text, "the chips and science's");
        let at = folded.text.find("science").unwrap();
        assert_eq!(&text[folded.original(at)..], "Science’s");
        assert_eq!(folded.original(folded.text.len()), text.len());
        let plain = fold("The CHIPS-and Science Act");
        assert_eq!(plain.text, "the chips and science act");
        assert_eq!(plain.original(4), 4);
        // Plain up to a dash, then not: offsets before it are their own,
        // and after it they come from the original.
        let mixed = "Ms. Ode — ÉCOLE  Act";
        let folded = fold(mixed);
        assert_eq!(folded.text, "ms. ode école act");
        for (i, c) in folded.text.char_indices() {
            let from = folded.original(i);
            let original = mixed[from..].chars().next().unwrap();
            assert!(
                original.to_lowercase().any(|l| l == c) || c == ' ',
                "{c:?} at {i} maps to {original:?}"
            );
        }
        assert_eq!(
            &mixed[folded.original(folded.text.find("act").unwrap())..],
            "Act"
        );
    }

    /// Folding as it was once done, a character at a time, with the way
    /// back kept as an original offset for every folded byte, and one past
    /// the end.
    fn every_offset(text: &str) -> (String, Vec<usize>) {
        let mut folded = String::new();
        let mut offsets = Vec::new();
        let mut last_space = false;
        for (from, ch) in text.char_indices() {
            let mapped = match ch {
                '’' | '‘' => '\'',
                '-' | '–' | '—' | '\u{2010}' | '\u{2011}' => ' ',
                c if c.is_whitespace() => ' ',
                c => c,
            };
            if mapped == ' ' && last_space {
                continue;
            }
            last_space = mapped == ' ';
            for lower in mapped.to_lowercase() {
                offsets.extend(std::iter::repeat_n(from, lower.len_utf8()));
                folded.push(lower);
            }
        }
        offsets.push(text.len());
        (folded, offsets)
    }

    #[test]
    fn the_way_back_is_the_one_every_offset_gave() {
        for text in [
            "The CHIPS and Science Act",
            "The  CHIPS-and Science’s",
            "“Pub. L. 117-167,” she said — twice.",
            "İstanbul ÉCOLE Act of 2022\t\n  (USICA)",
            "Ω ß ǅ ﬁ 😀 — ‘quoted’ – end ",
            " — ",
            "Vertical\x0btab, “then\x0b\x0bagain\r\n-”",
            "",
        ] {
            let folded = fold(text);
            let (expected, offsets) = every_offset(text);
            assert_eq!(folded.text, expected);
            assert_eq!(offsets.len(), folded.text.len() + 1, "{text:?}");
            for (at, _) in folded.text.char_indices().chain([(folded.text.len(), ' ')]) {
                assert_eq!(folded.original(at), offsets[at], "{text:?} at {at}");
            }
        }
    }

    #[test]
    fn tokens_split_like_characters_do() {
        // What `tokens` must give: the character-by-character definition.
        fn by_chars(text: &str) -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut chars = text.char_indices().peekable();
            while let Some((start, ch)) = chars.next() {
                if ch.is_whitespace() {
                    continue;
                }
                let mut end = start + ch.len_utf8();
                if ch.is_alphanumeric() {
                    while let Some(&(at, next)) = chars.peek().filter(|(_, c)| c.is_alphanumeric())
                    {
                        end = at + next.len_utf8();
                        chars.next();
                    }
                }
                out.push((start, end));
            }
            out
        }
        for text in [
            "",
            "CHIPS and Science Act of 2022",
            "  the\tU.S.\x0bCode\u{a0}§ 230(c)(1) —  Müller’s Straße 12ab ",
            "日本の法律 2023年 Ωmega\u{2003}x",
            "a\u{85}b\r\nc",
        ] {
            assert_eq!(tokens(text).collect::<Vec<_>>(), by_chars(text), "{text:?}");
        }
    }
}
