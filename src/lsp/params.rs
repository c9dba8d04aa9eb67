//! Whether a notification's params decode as its method's, checked before
//! the framework decodes them: the framework drops a notification whose
//! params do not, without a word, and the client never learns why its
//! document went out of step.
//!
//! Each check decodes the params from the message as it was parsed,
//! without copying it. A document's text is borrowed, not copied, so a
//! large `didOpen` costs no second copy of the draft; otherwise the shapes
//! are the protocol's own types, so a check accepts what the framework
//! accepts.

use serde::Deserialize;
use serde_json::Value;
use tower_lsp_server::jsonrpc::Request;
use tower_lsp_server::ls_types::{
    CancelParams, DidChangeConfigurationParams, DidChangeWatchedFilesParams,
    DidCloseTextDocumentParams, InitializedParams, Range, SetTraceParams, TextDocumentIdentifier,
    Uri, VersionedTextDocumentIdentifier,
};

/// `DidOpenTextDocumentParams`, with the text borrowed.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // Decoded to check the shape, never read.
struct DidOpen<'a> {
    #[serde(borrow)]
    text_document: OpenedDocument<'a>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct OpenedDocument<'a> {
    uri: Uri,
    language_id: &'a str,
    version: i32,
    text: &'a str,
}

/// `DidChangeTextDocumentParams`, with the texts borrowed.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct DidChange<'a> {
    text_document: VersionedTextDocumentIdentifier,
    #[serde(borrow)]
    content_changes: Vec<Change<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Change<'a> {
    range: Option<Range>,
    range_length: Option<u32>,
    text: &'a str,
}

/// `DidSaveTextDocumentParams`, with the text borrowed.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct DidSave<'a> {
    text_document: TextDocumentIdentifier,
    #[serde(borrow)]
    text: Option<&'a str>,
}

/// Why the params of the notification `request` cannot be read as its
/// method's, in words for a log line; `None` when they can, when it is a
/// request (the framework answers those with an error) or when its method
/// is not one copydesk checks.
pub fn unreadable(request: &Request) -> Option<String> {
    if request.id().is_some() {
        return None;
    }
    let method = request.method();
    let check: fn(&Value) -> serde_json::Result<()> = match method {
        "textDocument/didOpen" => |p| DidOpen::deserialize(p).map(drop),
        "textDocument/didChange" => |p| DidChange::deserialize(p).map(drop),
        "textDocument/didSave" => |p| DidSave::deserialize(p).map(drop),
        "textDocument/didClose" => |p| DidCloseTextDocumentParams::deserialize(p).map(drop),
        "workspace/didChangeConfiguration" => {
            |p| DidChangeConfigurationParams::deserialize(p).map(drop)
        }
        "workspace/didChangeWatchedFiles" => {
            |p| DidChangeWatchedFilesParams::deserialize(p).map(drop)
        }
        "initialized" => |p| InitializedParams::deserialize(p).map(drop),
        "$/cancelRequest" => |p| CancelParams::deserialize(p).map(drop),
        "$/setTrace" => |p| SetTraceParams::deserialize(p).map(drop),
        _ => return None,
    };
    let problem = match request.params() {
        None => "it has no params".to_string(),
        Some(params) => check(params).err()?.to_string(),
    };
    Some(format!(
        "{method} with params that do not read as its own ({problem}); the notification was \
         ignored"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn notification(method: &'static str, params: Value) -> Request {
        Request::build(method).params(params).finish()
    }

    #[test]
    fn well_formed_notifications_pass_and_others_say_what_is_wrong() {
        let open = json!({ "textDocument": {
            "uri": "file:///desk/a.md", "languageId": "markdown", "version": 1, "text": "Hi \"x\"."
        }});
        assert_eq!(
            unreadable(&notification("textDocument/didOpen", open)),
            None
        );
        let change = json!({
            "textDocument": { "uri": "file:///desk/a.md", "version": 2 },
            "contentChanges": [
                { "text": "whole" },
                { "range": { "start": { "line": 0, "character": 0 },
                             "end": { "line": 0, "character": 1 } }, "text": "W" },
            ],
        });
        assert_eq!(
            unreadable(&notification("textDocument/didChange", change)),
            None
        );
        let save = json!({ "textDocument": { "uri": "file:///desk/a.md" } });
        assert_eq!(
            unreadable(&notification("textDocument/didSave", save)),
            None
        );
        assert_eq!(unreadable(&notification("initialized", json!({}))), None);

        let wrong = unreadable(&notification(
            "textDocument/didChange",
            json!({ "nonsense": true }),
        ))
        .unwrap();
        assert_eq!(
            wrong,
            "textDocument/didChange with params that do not read as its own (missing field \
             `textDocument`); the notification was ignored"
        );
        let wrong = unreadable(&notification(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": "file:///desk/a.md", "languageId": "markdown", "version": "one", "text": ""
            }}),
        ))
        .unwrap();
        assert!(wrong.contains("invalid type: string \"one\""), "{wrong}");
        let bare = Request::build("textDocument/didClose").finish();
        assert!(unreadable(&bare).unwrap().contains("(it has no params)"));
        // Requests are the framework's to answer; unknown methods its to drop.
        let hover = Request::build("textDocument/hover")
            .id(1)
            .params(json!(5))
            .finish();
        assert_eq!(unreadable(&hover), None);
        assert_eq!(
            unreadable(&notification("copydesk/unknown", json!(5))),
            None
        );
    }
}
