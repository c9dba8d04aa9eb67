//! A document outline (`textDocument/documentSymbol`) as text, one symbol
//! a line, for snapshot tests.

use std::fmt::Write;

use serde_json::Value;

/// LSP's names of symbol kinds, from kind 1.
const SYMBOL_KINDS: [&str; 26] = [
    "file",
    "module",
    "namespace",
    "package",
    "class",
    "method",
    "property",
    "field",
    "constructor",
    "enum",
    "interface",
    "function",
    "variable",
    "constant",
    "string",
    "number",
    "boolean",
    "array",
    "object",
    "key",
    "null",
    "enum member",
    "struct",
    "event",
    "operator",
    "type parameter",
];

/// The outline as indented lines: name, kind, range and detail.
pub fn render(symbols: &Value) -> String {
    fn write_level(symbols: &Value, depth: usize, out: &mut String) {
        for symbol in symbols.as_array().into_iter().flatten() {
            let range = &symbol["range"];
            write!(
                out,
                "{:indent$}{} ({}) {}:{}-{}:{}",
                "",
                symbol["name"].as_str().unwrap(),
                SYMBOL_KINDS[symbol["kind"].as_u64().unwrap() as usize - 1],
                range["start"]["line"],
                range["start"]["character"],
                range["end"]["line"],
                range["end"]["character"],
                indent = depth * 2,
            )
            .unwrap();
            if let Some(detail) = symbol["detail"].as_str() {
                write!(out, " · {detail}").unwrap();
            }
            out.push('\n');
            write_level(&symbol["children"], depth + 1, out);
        }
    }
    let mut out = String::new();
    write_level(symbols, 0, &mut out);
    out
}
