//! CRS summary HTML as plain text for a hover.

/// The plain text of a CRS summary: tags stripped (block tags become
/// spaces), entities decoded, whitespace collapsed. Leading paragraphs that
/// are all bold (the bill's name as a heading, repeating the entry's title)
/// or all in parentheses (CRS's notes on the summary itself, such as "(This
/// measure has not been amended since it was introduced. ...)") are dropped
/// while text remains.
pub fn summary_text(html: &str) -> String {
    let blocks = blocks(html);
    let skip = blocks
        .iter()
        .take(blocks.len().saturating_sub(1))
        .take_while(|b| b.all_bold || is_parenthetical(&b.text))
        .count();
    let mut out = String::with_capacity(html.len());
    for block in &blocks[skip..] {
        for word in block.text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

fn is_parenthetical(text: &str) -> bool {
    let text = text.trim();
    text.starts_with('(') && text.ends_with(')')
}

struct Block {
    text: String,
    /// Whether every visible character was inside `<b>` or `<strong>`.
    all_bold: bool,
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "pre",
    "blockquote",
];

fn blocks(html: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = Block {
        text: String::new(),
        all_bold: true,
    };
    let mut bold_depth = 0usize;
    let mut rest = html;
    let finish = |current: &mut Block, blocks: &mut Vec<Block>| {
        if current.text.trim().is_empty() {
            current.text.clear();
            current.all_bold = true;
        } else {
            blocks.push(std::mem::replace(
                current,
                Block {
                    text: String::new(),
                    all_bold: true,
                },
            ));
        }
    };
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(end) = rest.find('>') {
                let tag = &rest[1..end];
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                if BLOCK_TAGS.contains(&name.as_str()) {
                    finish(&mut current, &mut blocks);
                } else if name == "b" || name == "strong" {
                    if closing {
                        bold_depth = bold_depth.saturating_sub(1);
                    } else if !tag.ends_with('/') {
                        bold_depth += 1;
                    }
                }
                rest = &rest[end + 1..];
                continue;
            }
        }
        let (decoded, len) = if c == '&' {
            decode_entity(rest).unwrap_or(('&', 1))
        } else {
            (c, c.len_utf8())
        };
        if !decoded.is_whitespace() && bold_depth == 0 {
            current.all_bold = false;
        }
        current.text.push(decoded);
        rest = &rest[len..];
    }
    finish(&mut current, &mut blocks);
    blocks
}

/// The character an entity at the start of `s` stands for, and the entity's
/// length in bytes.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    // Entities are short; the `;` is looked for in the first 12 bytes only.
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "ndash" => '\u{2013}',
            "mdash" => '\u{2014}',
            "lsquo" => '\u{2018}',
            "rsquo" => '\u{2019}',
            "ldquo" => '\u{201C}',
            "rdquo" => '\u{201D}',
            "hellip" => '\u{2026}',
            "sect" => '§',
            "para" => '¶',
            "bull" => '\u{2022}',
            "middot" => '·',
            "eacute" => 'é',
            "ntilde" => 'ñ',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::summary_text;

    #[test]
    fn tags_entities_and_whitespace() {
        let html = "<p>This bill\n  amends the <i>Act</i> &amp; section&nbsp;230 &#8212; and&#x2019;s</p><ul><li>one,</li><li>two</li></ul>";
        assert_eq!(
            summary_text(html),
            "This bill amends the Act & section 230 \u{2014} and\u{2019}s one, two"
        );
    }

    #[test]
    fn a_bold_heading_paragraph_is_dropped() {
        let html = "<p><STRONG>TALENT Act of 2017</STRONG></p> <p>This bill <b>codifies</b> a program.</p>";
        assert_eq!(summary_text(html), "This bill codifies a program.");
        assert_eq!(summary_text("<p><b>Only</b></p>"), "Only");
    }

    #[test]
    fn notes_on_the_summary_are_dropped() {
        let html = "<b><p />(This measure has not been amended.)</b> <p><b>TALENT Act </b></p> <p>(Sec. 2) This bill codifies.</p>";
        assert_eq!(summary_text(html), "(Sec. 2) This bill codifies.");
    }

    #[test]
    fn stray_markup_is_kept_as_text() {
        assert_eq!(summary_text("a < b & c"), "a < b & c");
        assert_eq!(summary_text("x &bogus; y"), "x &bogus; y");
        assert_eq!(summary_text("é&éééééé; ok"), "é&éééééé; ok");
    }
}
