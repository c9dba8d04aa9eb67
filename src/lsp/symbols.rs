//! The outline of a draft: its headings, a "Sources" group with each
//! speaker and their quotes, and a "Laws" group.

use tower_lsp_server::ls_types::{DocumentSymbol, Range, SymbolKind};

use super::convert::Positions;
use crate::analysis::Analysis;
use crate::markdown::{prose_regions, BlockKind};
use crate::text::Span;

/// The document symbols of a draft.
pub fn document_symbols(analysis: &Analysis, positions: Positions<'_>) -> Vec<DocumentSymbol> {
    let text = positions.text;
    let mut symbols: Vec<DocumentSymbol> = prose_regions(text)
        .iter()
        .filter(|block| block.kind == BlockKind::Heading)
        .map(|block| {
            let title = block.prose_span().slice(text).trim().to_string();
            symbol(
                title,
                heading_level(block.span.slice(text)),
                SymbolKind::STRING,
                positions.range(block.span),
                positions.range(block.prose_span()),
                Vec::new(),
            )
        })
        .collect();

    let sources: Vec<DocumentSymbol> = analysis
        .speakers
        .iter()
        .filter_map(|speaker| {
            let first = speaker.mentions.first()?;
            let quotes: Vec<DocumentSymbol> = speaker
                .quotes
                .iter()
                .filter_map(|&q| analysis.quotes.get(q))
                .map(|quote| {
                    let range = positions.range(quote.span);
                    symbol(
                        shorten(quote.content.slice(text), 60),
                        None,
                        SymbolKind::STRING,
                        range,
                        range,
                        Vec::new(),
                    )
                })
                .collect();
            let mut extent = first.span;
            for quote in speaker
                .quotes
                .iter()
                .filter_map(|&q| analysis.quotes.get(q))
            {
                extent = cover(extent, quote.span);
            }
            for mention in &speaker.mentions {
                extent = cover(extent, mention.span);
            }
            let name = speaker.name.clone();
            let detail = match speaker.descriptions.first() {
                Some(description) => Some(description.clone()),
                None => Some(plural(speaker.quotes.len(), "quote")),
            };
            Some(symbol(
                name,
                None,
                SymbolKind::OBJECT,
                positions.range(extent),
                positions.range(first.span),
                quotes,
            ))
            .map(|mut s| {
                s.detail = detail;
                s
            })
        })
        .collect();
    if let Some(group) = group("Sources", sources) {
        symbols.push(group);
    }

    let mut seen = Vec::new();
    let laws: Vec<DocumentSymbol> = analysis
        .laws
        .iter()
        .filter(|law| {
            let key = law.key();
            let first = !seen.contains(&key);
            seen.push(key);
            first
        })
        .map(|law| {
            let name = law.title.clone().unwrap_or_else(|| law.text.clone());
            let range = positions.range(law.span);
            let mut s = symbol(name, None, SymbolKind::MODULE, range, range, Vec::new());
            s.detail = law.status.clone();
            s
        })
        .collect();
    if let Some(group) = group("Laws", laws) {
        symbols.push(group);
    }
    symbols
}

/// A group symbol spanning its children.
fn group(name: &str, children: Vec<DocumentSymbol>) -> Option<DocumentSymbol> {
    let first = children.first()?.selection_range;
    let start = children.iter().map(|c| c.range.start).min()?;
    let end = children.iter().map(|c| c.range.end).max()?;
    let mut group = symbol(
        name.to_string(),
        None,
        SymbolKind::NAMESPACE,
        Range::new(start, end),
        first,
        children,
    );
    group.detail = Some(plural(group.children.as_ref().map_or(0, Vec::len), "entry"));
    Some(group)
}

#[allow(deprecated)]
fn symbol(
    name: String,
    level: Option<usize>,
    kind: SymbolKind,
    range: Range,
    selection_range: Range,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.is_empty() {
            "(untitled)".to_string()
        } else {
            name
        },
        detail: level.map(|l| format!("heading {l}")),
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range,
        children: (!children.is_empty()).then_some(children),
    }
}

/// The level of a heading from its markup: `## Title` or a setext
/// underline.
fn heading_level(markup: &str) -> Option<usize> {
    let hashes = markup.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        return Some(hashes);
    }
    let underline = markup.trim_end().lines().last()?.trim();
    if underline.starts_with('=') {
        Some(1)
    } else if underline.starts_with('-') {
        Some(2)
    } else {
        None
    }
}

fn cover(a: Span, b: Span) -> Span {
    Span::new(a.start.min(b.start), a.end.max(b.end))
}

fn plural(n: usize, word: &str) -> String {
    match (n, word) {
        (1, _) => format!("1 {word}"),
        (_, "entry") => format!("{n} entries"),
        _ => format!("{n} {word}s"),
    }
}

/// At most `max` characters of `text`, on one line, with an ellipsis when
/// cut.
fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat,
    }
}
