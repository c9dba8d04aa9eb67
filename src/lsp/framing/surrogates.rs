//! Lone UTF-16 surrogates in a JSON text, read as U+FFFD.
//!
//! JSON writes a character outside the Basic Multilingual Plane as two
//! `\uXXXX` escapes, a high surrogate and a low one. A client written in a
//! language whose strings are UTF-16 (JavaScript, Java, C#) can send half
//! of a pair, when a buffer holds half an emoji, say; serde refuses the
//! whole message for it. Read the way a browser reads such text, the half
//! becomes U+FFFD, the replacement character, and the rest of the message
//! is kept.

/// `json` with every `\uXXXX` escape of a surrogate that is not half of a
/// pair replaced by `\ufffd`, or `None` when it has no such escape.
pub(super) fn replace_lone_surrogates(json: &str) -> Option<String> {
    let bytes = json.as_bytes();
    let mut repaired: Option<String> = None;
    // How much of `json` is already in `repaired`.
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
            continue;
        }
        let Some(unit) = escaped_unit(bytes, at) else {
            // Another escape, such as `\\` or `\"`: its second byte cannot
            // start a `\u`.
            at += 2;
            continue;
        };
        let paired = match unit {
            0xD800..=0xDBFF => {
                if escaped_unit(bytes, at + 6).is_some_and(|next| (0xDC00..=0xDFFF).contains(&next))
                {
                    at += 12;
                    continue;
                }
                false
            }
            0xDC00..=0xDFFF => false,
            _ => true,
        };
        if !paired {
            let out = repaired.get_or_insert_with(|| String::with_capacity(json.len()));
            out.push_str(&json[copied..at]);
            out.push_str("\\ufffd");
            copied = at + 6;
        }
        at += 6;
    }
    repaired.map(|mut out| {
        out.push_str(&json[copied..]);
        out
    })
}

/// The UTF-16 code unit of the `\uXXXX` escape at `at`, if one is there.
fn escaped_unit(bytes: &[u8], at: usize) -> Option<u16> {
    let escape = bytes.get(at..at + 6)?;
    if !escape.starts_with(b"\\u") {
        return None;
    }
    let digits = std::str::from_utf8(&escape[2..]).ok()?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(digits, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> String {
        let repaired = replace_lone_surrogates(json).unwrap_or_else(|| json.to_string());
        serde_json::from_str(&repaired).unwrap()
    }

    #[test]
    fn a_lone_surrogate_reads_as_the_replacement_character() {
        assert!(serde_json::from_str::<String>(r#""a\ud800b""#).is_err());
        assert_eq!(read(r#""a\ud800b""#), "a\u{fffd}b");
        assert_eq!(read(r#""a\uDC00b""#), "a\u{fffd}b");
        assert_eq!(read(r#""\ud800""#), "\u{fffd}");
        // Two high halves: the first is lone, the second pairs.
        assert_eq!(read(r#""\ud83d\ud83d\ude00""#), "\u{fffd}😀");
        // A low half first, then a pair.
        assert_eq!(read(r#""\ude00\ud83d\ude00\ud83d""#), "\u{fffd}😀\u{fffd}");
        assert_eq!(read(r#""\ud800\u0041""#), "\u{fffd}A");
    }

    #[test]
    fn whole_pairs_escaped_backslashes_and_other_escapes_are_left_alone() {
        for json in [
            r#""\ud83d\ude00 and \u00e9""#,
            r#""a\\ud800 is six characters after a backslash""#,
            r#""\"\ud""#,
            r#""plain text, no escapes at all""#,
        ] {
            assert_eq!(replace_lone_surrogates(json), None, "{json}");
        }
        assert_eq!(read(r#""a\\ud800""#), "a\\ud800");
        // An escaped backslash before a real lone half.
        assert_eq!(read(r#""\\\ud800""#), "\\\u{fffd}");
    }
}
