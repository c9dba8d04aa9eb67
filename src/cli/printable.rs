//! Names and messages made safe to print on a terminal, one per line.
//!
//! A file or zip member can be named with any character but `/` and NUL: an
//! escape sequence that recolours the terminal, a newline that starts a
//! forged `path:line:col:` finding, a bidirectional override that shows a
//! name reversed. Everything the command line prints for a person or a
//! line-reading tool goes through [`Printable`], which writes such
//! characters as visible escapes (`\x1b`, `\n`, `\u{202e}`) and everything
//! else as it is. JSON and SARIF output need none of this: serde escapes
//! control characters, and a reader of JSON sees the name it was given.

use std::fmt;

/// Text written with its control, line-breaking and direction-changing
/// characters escaped, so it stays on one line and looks like what it is.
#[derive(Clone, Copy, Debug)]
pub struct Printable<'a>(pub &'a str);

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(needs_escape) {
            f.write_str(&rest[..at])?;
            let c = rest[at..]
                .chars()
                .next()
                .expect("a character where one was found");
            write_escaped(f, c)?;
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// Whether `c` could break a line, drive the terminal or reorder what is
/// shown around it: C0 controls, DEL, C1 controls, the Unicode line and
/// paragraph separators, and the bidirectional embeddings, overrides and
/// isolates.
fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// `c` as the escape a Rust or C programmer would write for it.
fn write_escaped(f: &mut fmt::Formatter<'_>, c: char) -> fmt::Result {
    match c {
        '\n' => f.write_str("\\n"),
        '\r' => f.write_str("\\r"),
        '\t' => f.write_str("\\t"),
        '\u{0}'..='\u{7f}' => write!(f, "\\x{:02x}", c as u32),
        _ => write!(f, "\\u{{{:x}}}", c as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(text: &str) -> String {
        Printable(text).to_string()
    }

    #[test]
    fn ordinary_names_print_as_they_are() {
        for name in [
            "drafts/harbor.md",
            r"C:\desk\drafts\nachricht.md",
            "Peña “quoted” 😀.md",
            "مسودة.md",
        ] {
            assert_eq!(printed(name), name);
        }
    }

    #[test]
    fn control_and_direction_characters_print_as_escapes() {
        assert_eq!(printed("a\x1b[31mred.md"), r"a\x1b[31mred.md");
        assert_eq!(
            printed("x.md:1:1: error[forged] gotcha\n.md"),
            r"x.md:1:1: error[forged] gotcha\n.md"
        );
        assert_eq!(printed("\r\t\0\x7f"), r"\r\t\x00\x7f");
        assert_eq!(printed("c1\u{85}\u{9b}"), r"c1\u{85}\u{9b}");
        assert_eq!(printed("gpj.\u{202e}exe.md"), r"gpj.\u{202e}exe.md");
        assert_eq!(
            printed("\u{2028}\u{2029}\u{202a}\u{2066}\u{2069}"),
            r"\u{2028}\u{2029}\u{202a}\u{2066}\u{2069}"
        );
        // The characters just outside each range are left alone.
        assert_eq!(
            printed("\u{a0}\u{2027}\u{202f}\u{2065}\u{206a}")
                .chars()
                .count(),
            5
        );
    }
}
