//! Completing law titles: after a few typed letters of a capitalised word,
//! the titles and aliases of the knowledge base that start with them.

use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, MarkupContent,
    MarkupKind, TextEdit,
};

use super::convert::Positions;
use crate::kb::Kb;
use crate::text::Span;

/// How many letters a word needs before titles are offered.
const MIN_PREFIX: usize = 3;
/// At most this many words before the cursor count as the typed name.
const MAX_WORDS: usize = 6;

/// The completions for the text before `offset`.
pub fn law_completions(kb: &Kb, offset: usize, positions: Positions<'_>) -> Vec<CompletionItem> {
    let text = positions.text;
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    // The typed name: the last few words, the first of them capitalised.
    let starts: Vec<usize> = before
        .char_indices()
        .filter(|&(i, c)| {
            c.is_uppercase()
                && before[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !p.is_alphanumeric())
        })
        .map(|(i, _)| i)
        .collect();
    // The longest typed name that some title starts with: `Inflation Red`
    // offers the Inflation Reduction Act before `Red` offers `RED III`.
    let typed_names: Vec<usize> = starts
        .iter()
        .rev()
        .take_while(|&&start| before[start..].split_whitespace().count() <= MAX_WORDS)
        .copied()
        .collect();
    let mut items = Vec::new();
    for &start in typed_names.iter().rev() {
        let typed = &before[start..];
        let letters = typed.chars().filter(|c| c.is_alphanumeric()).count();
        if letters < MIN_PREFIX {
            continue;
        }
        let range = positions.range(Span::new(line_start + start, offset));
        for entry in kb.entries() {
            for name in std::iter::once(&entry.title).chain(&entry.aliases) {
                let matches = name.len() > typed.len()
                    && name
                        .get(..typed.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(typed));
                if !matches || items.iter().any(|i: &CompletionItem| &i.label == name) {
                    continue;
                }
                items.push(CompletionItem {
                    label: name.clone(),
                    kind: Some(CompletionItemKind::REFERENCE),
                    detail: Some(format!("{} · {}", entry.title, entry.status.short())),
                    documentation: Some(Documentation::MarkupContent(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value: entry.summary.clone(),
                    })),
                    filter_text: Some(name.clone()),
                    text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, name.clone()))),
                    ..CompletionItem::default()
                });
            }
        }
        if !items.is_empty() {
            break;
        }
    }
    items
}
