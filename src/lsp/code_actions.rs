//! Quick fixes: the `fixes` of findings as code actions.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, CreateFileOptions,
    DocumentChangeOperation, DocumentChanges, OptionalVersionedTextDocumentIdentifier, Position,
    Range, ResourceOp, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use super::convert::{to_range, Positions};
use super::diagnostics::to_diagnostic;
use crate::analysis::{Code, Finding};
use crate::kb::glossary;
use crate::text::{Encoding, LineIndex, Span};

/// The desk's `copydesk.toml`, where the glossary fix writes: its URI and
/// its text on disk, or `None` when there is no such file yet.
pub struct GlossaryFile {
    pub uri: Uri,
    pub text: Option<String>,
    pub encoding: Encoding,
}

/// For every `unknown-law` finding that meets `requested`, a quick fix
/// that adds a `[[law]]` stub for the name to the desk's glossary,
/// creating `copydesk.toml` when the workspace has none.
pub fn glossary_fixes(
    findings: &[Finding],
    requested: Span,
    positions: Positions<'_>,
    file: &GlossaryFile,
) -> Vec<CodeActionOrCommand> {
    findings
        .iter()
        .filter(|f| f.code == Code::UnknownLaw)
        .filter(|f| f.span.start <= requested.end && requested.start <= f.span.end)
        .map(|finding| {
            let name = finding.span.slice(positions.text);
            let stub = glossary::stub(name);
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            let edit = match &file.text {
                Some(text) => {
                    let end = end_of(text, file.encoding);
                    let gap = if text.is_empty() || text.ends_with("\n\n") {
                        ""
                    } else if text.ends_with('\n') {
                        "\n"
                    } else {
                        "\n\n"
                    };
                    WorkspaceEdit {
                        changes: Some(HashMap::from([(
                            file.uri.clone(),
                            vec![TextEdit {
                                range: Range::new(end, end),
                                new_text: format!("{gap}{stub}"),
                            }],
                        )])),
                        ..WorkspaceEdit::default()
                    }
                }
                None => WorkspaceEdit {
                    document_changes: Some(DocumentChanges::Operations(vec![
                        DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                            uri: file.uri.clone(),
                            options: Some(CreateFileOptions {
                                overwrite: Some(false),
                                ignore_if_exists: Some(true),
                            }),
                            annotation_id: None,
                        })),
                        DocumentChangeOperation::Edit(TextDocumentEdit {
                            text_document: OptionalVersionedTextDocumentIdentifier {
                                uri: file.uri.clone(),
                                version: None,
                            },
                            edits: vec![tower_lsp_server::ls_types::OneOf::Left(TextEdit {
                                range: Range::new(Position::new(0, 0), Position::new(0, 0)),
                                new_text: format!(
                                    "# copydesk settings and the desk's glossary of laws.\n\n{stub}"
                                ),
                            })],
                        }),
                    ])),
                    ..WorkspaceEdit::default()
                },
            };
            CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Add “{name}” to the desk's glossary (copydesk.toml)"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_diagnostic(finding, positions)]),
                edit: Some(edit),
                ..CodeAction::default()
            })
        })
        .collect()
}

/// The position just past the end of `text`.
fn end_of(text: &str, encoding: Encoding) -> Position {
    let index = LineIndex::new(text);
    let (start, end) = index.range(text, Span::new(text.len(), text.len()), encoding);
    debug_assert_eq!(start, end);
    to_range(start, end).end
}

/// A quick fix for every fix of every finding that meets `requested`. A
/// cursor (an empty range) meets a finding it touches.
pub fn quick_fixes(
    uri: &Uri,
    findings: &[Finding],
    requested: Span,
    positions: Positions<'_>,
) -> Vec<CodeActionOrCommand> {
    findings
        .iter()
        .filter(|finding| {
            finding.span.start <= requested.end && requested.start <= finding.span.end
        })
        .flat_map(|finding| {
            let preferred = finding.fixes.len() == 1;
            finding.fixes.iter().map(move |fix| {
                let edits = fix
                    .edits
                    .iter()
                    .map(|edit| TextEdit {
                        range: positions.range(edit.span),
                        new_text: if edit.snippet {
                            strip_snippet(&edit.new_text)
                        } else {
                            edit.new_text.clone()
                        },
                    })
                    .collect();
                CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![to_diagnostic(finding, positions)]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), edits)])),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: preferred.then_some(true),
                    ..CodeAction::default()
                })
            })
        })
        .collect()
}

/// The text a snippet inserts when nobody fills its placeholders in:
/// `${1:WHO} said` becomes `WHO said`, tab stops and variables vanish, a
/// choice gives its first option, and `\$` is a dollar sign. Text that is
/// not valid snippet syntax is kept as written.
pub fn strip_snippet(snippet: &str) -> String {
    let chars: Vec<char> = snippet.chars().collect();
    let mut out = String::with_capacity(snippet.len());
    let mut at = 0;
    strip_any(&chars, &mut at, &mut out, false);
    out
}

/// Copy text up to the end, or up to the `}` closing a placeholder when
/// `nested`, replacing snippet elements by their plain text.
fn strip_any(chars: &[char], at: &mut usize, out: &mut String, nested: bool) {
    while let Some(&ch) = chars.get(*at) {
        match ch {
            '\\' if matches!(chars.get(*at + 1), Some('$' | '}' | '\\')) => {
                out.push(chars[*at + 1]);
                *at += 2;
            }
            '}' if nested => return,
            '$' => {
                if !strip_element(chars, at, out) {
                    out.push('$');
                    *at += 1;
                }
            }
            _ => {
                out.push(ch);
                *at += 1;
            }
        }
    }
}

/// Replace the snippet element starting at the `$` at `at`. Returns false,
/// with nothing consumed or written, when no element starts there.
fn strip_element(chars: &[char], at: &mut usize, out: &mut String) -> bool {
    let written = out.len();
    let mut i = *at + 1;
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    if chars.get(i).is_some_and(|&c| is_name(c)) {
        // `$1` or `$TM_FILENAME`: a tab stop or variable with no default.
        while chars.get(i).is_some_and(|&c| is_name(c)) {
            i += 1;
        }
        *at = i;
        return true;
    }
    if chars.get(i) != Some(&'{') {
        return false;
    }
    i += 1;
    let name_start = i;
    while chars.get(i).is_some_and(|&c| is_name(c)) {
        i += 1;
    }
    if i == name_start {
        return false;
    }
    let done = match chars.get(i) {
        Some('}') => {
            i += 1;
            true
        }
        Some(':') => {
            i += 1;
            strip_any(chars, &mut i, out, true);
            if chars.get(i) == Some(&'}') {
                i += 1;
                true
            } else {
                false
            }
        }
        Some('|') => match first_choice(&chars[i + 1..]) {
            Some((choice, used)) => {
                out.push_str(&choice);
                i += 1 + used;
                true
            }
            None => false,
        },
        _ => false,
    };
    if done {
        *at = i;
    } else {
        out.truncate(written);
    }
    done
}

/// The first option of a choice `a,b|}` and how many characters the whole
/// choice, its closing `|}` included, takes.
fn first_choice(chars: &[char]) -> Option<(String, usize)> {
    let mut first = String::new();
    let mut in_first = true;
    let mut i = 0;
    while let Some(&ch) = chars.get(i) {
        match ch {
            '\\' if matches!(chars.get(i + 1), Some(',' | '|' | '\\' | '$' | '}')) => {
                if in_first {
                    first.push(chars[i + 1]);
                }
                i += 2;
                continue;
            }
            '|' if chars.get(i + 1) == Some(&'}') => return Some((first, i + 2)),
            ',' => in_first = false,
            _ if in_first => first.push(ch),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Code, Fix, Severity, TextEdit as Edit};
    use crate::text::{Encoding, LineIndex};
    use tower_lsp_server::ls_types::{Position, Range};

    #[test]
    fn snippets_become_their_placeholder_text() {
        assert_eq!(strip_snippet(", ${1:WHO} said."), ", WHO said.");
        assert_eq!(strip_snippet("$1 said$0"), " said");
        assert_eq!(
            strip_snippet("${1:Mayor ${2:NAME}} said"),
            "Mayor NAME said"
        );
        assert_eq!(strip_snippet("${1|said,told reporters|}"), "said");
        assert_eq!(strip_snippet("${TM_FILENAME:draft}"), "draft");
        assert_eq!(strip_snippet("cost \\$5 \\} \\\\"), "cost $5 } \\");
        assert_eq!(strip_snippet("$ 5 and ${1:open"), "$ 5 and ${1:open");
        assert_eq!(strip_snippet("${}"), "${}");
    }

    #[test]
    fn a_fix_meeting_the_cursor_becomes_a_quick_fix_with_plain_text() {
        let text = "😀 \"This is a disgrace.\"\n";
        let end = text.len() - 1;
        let finding = Finding {
            code: Code::UnattributedQuote,
            severity: Severity::Warning,
            span: Span::new(text.find('"').unwrap(), end),
            message: "Nobody is credited with this quote.".to_string(),
            fixes: vec![Fix {
                title: "Add an attribution".to_string(),
                edits: vec![Edit {
                    span: Span::new(end - 1, end - 1),
                    new_text: ", ${1:WHO} said".to_string(),
                    snippet: true,
                }],
            }],
        };
        let index = LineIndex::new(text);
        let positions = Positions {
            text,
            index: &index,
            encoding: Encoding::Utf16,
        };
        let uri: Uri = "file:///desk/a.md".parse().unwrap();
        let actions = quick_fixes(
            &uri,
            std::slice::from_ref(&finding),
            Span::new(end, end),
            positions,
        );
        assert_eq!(actions.len(), 1);
        let CodeActionOrCommand::CodeAction(action) = &actions[0] else {
            panic!("expected a code action, got {actions:?}");
        };
        assert_eq!(action.title, "Add an attribution");
        assert_eq!(action.kind, Some(CodeActionKind::QUICKFIX));
        assert_eq!(action.is_preferred, Some(true));
        let edits = &action.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri];
        assert_eq!(
            edits,
            &vec![TextEdit {
                range: Range::new(Position::new(0, 23), Position::new(0, 23)),
                new_text: ", WHO said".to_string(),
            }]
        );
        assert!(quick_fixes(&uri, &[finding], Span::new(0, 1), positions).is_empty());
    }
}
