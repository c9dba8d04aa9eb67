//! The check of one message body: what the framework can decode passes,
//! and anything else is replaced by a notification saying what was wrong.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Id, Request, Response};

use super::super::session::Closing;
use super::surrogates::replace_lone_surrogates;
use crate::config::EditorSettings;

/// The notification a malformed message is replaced with.
pub const MALFORMED: &str = "copydesk/malformedMessage";

/// The notification a request the framework cannot decode is replaced
/// with: the request still needs an answer, an Invalid Request error.
pub const INVALID_REQUEST: &str = "copydesk/invalidRequest";

/// What the framework decodes, checked the same way.
#[derive(Deserialize)]
#[serde(untagged)]
enum Message {
    // Deserialised only to be checked.
    #[allow(dead_code)]
    Response(Response),
    Request(Request),
}

impl Message {
    /// Whether the message ends the session.
    fn closing(&self) -> Option<Closing> {
        match self {
            Message::Request(request) => match request.method() {
                "shutdown" if request.id().is_some() => Some(Closing::Shutdown),
                "exit" => Some(Closing::Exit),
                _ => None,
            },
            Message::Response(_) => None,
        }
    }

    /// The largest draft the user's settings allow, when the message sets
    /// them: `initialize` (its `initializationOptions`) or
    /// `workspace/didChangeConfiguration`, read as the server reads them.
    fn draft_limit(&self) -> Option<u64> {
        let Message::Request(request) = self else {
            return None;
        };
        let settings = match request.method() {
            "initialize" => {
                EditorSettings::from_json(request.params()?.get("initializationOptions")?)
                    .unwrap_or_default()
            }
            "workspace/didChangeConfiguration" => {
                EditorSettings::from_json(request.params()?.get("settings")?).ok()?
            }
            _ => return None,
        };
        Some(settings.limits.limits().draft)
    }
}

/// A body as it is to be passed on, whether it ends the session, and the
/// draft limit it sets.
pub(super) struct Checked {
    pub body: Vec<u8>,
    pub closing: Option<Closing>,
    pub draft_limit: Option<u64>,
}

impl Checked {
    fn notice(body: Vec<u8>) -> Checked {
        Checked {
            body,
            closing: None,
            draft_limit: None,
        }
    }

    fn message(body: Vec<u8>, message: &Message) -> Checked {
        Checked {
            body,
            closing: message.closing(),
            draft_limit: message.draft_limit(),
        }
    }
}

/// The parameters of a `copydesk/malformedMessage` notification.
#[derive(Debug, Serialize, Deserialize)]
pub struct Malformed {
    pub reason: String,
}

/// The parameters of a `copydesk/invalidRequest` notification: the id to
/// answer (null when the request's own id is not one JSON-RPC allows) and
/// what was wrong.
#[derive(Debug, Serialize, Deserialize)]
pub struct InvalidRequest {
    pub id: Id,
    pub reason: String,
}

/// The body itself when the framework can decode it, the body with its
/// lone surrogates read as U+FFFD when that is all that stood in the way,
/// else the notification that replaces it.
pub(super) fn check(body: &[u8]) -> Checked {
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(err) => {
            return Checked::notice(malformed(&format!(
                "a message is not valid UTF-8 (at byte {})",
                err.valid_up_to()
            )))
        }
    };
    if let Ok(message) = serde_json::from_str::<Message>(text) {
        return Checked::message(body.to_vec(), &message);
    }
    if text.trim().is_empty() {
        return Checked::notice(malformed("a message had an empty body"));
    }
    if text.contains("\\ud") || text.contains("\\uD") {
        if let Some(repaired) = replace_lone_surrogates(text) {
            if let Ok(message) = serde_json::from_str::<Message>(&repaired) {
                return Checked::message(repaired.into_bytes(), &message);
            }
        }
    }
    let value = match serde_json::from_str::<Value>(text) {
        Ok(value) => value,
        Err(err) => return Checked::notice(malformed(&format!("a message is not JSON: {err}"))),
    };
    Checked::notice(match value.as_object() {
        Some(message) if message.contains_key("method") && message.contains_key("id") => {
            invalid_request(&message["id"], text)
        }
        _ => malformed(&format!(
            "a message is JSON but not a JSON-RPC 2.0 request, notification or response: {}",
            preview(text)
        )),
    })
}

/// The notice for a request the framework cannot decode, whose raw id is
/// `id`: answered with that id when JSON-RPC allows it, else with null.
fn invalid_request(id: &Value, text: &str) -> Vec<u8> {
    let (id, reason) = match serde_json::from_value::<Id>(id.clone()) {
        Ok(id) => (
            id,
            format!(
                "a request is not a valid JSON-RPC 2.0 request: {}",
                preview(text)
            ),
        ),
        Err(_) => (
            Id::Null,
            format!(
                "a request's id {} is not a string or an integer, so it cannot be answered by \
                 its id: {}",
                preview(&id.to_string()),
                preview(text)
            ),
        ),
    };
    notification(INVALID_REQUEST, &InvalidRequest { id, reason })
}

/// `text` on one line, cut at 80 characters.
fn preview(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat,
    }
}

/// The body of a `copydesk/malformedMessage` notification.
pub(super) fn malformed(reason: &str) -> Vec<u8> {
    notification(
        MALFORMED,
        &Malformed {
            reason: reason.to_string(),
        },
    )
}

fn notification(method: &str, params: &impl Serialize) -> Vec<u8> {
    serde_json::json!({
        "jsonrpc": "2.0",
        "method": method,
        "params": params,
    })
    .to_string()
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(body: &str) -> Value {
        serde_json::from_slice(&check(body.as_bytes()).body).unwrap()
    }

    #[test]
    fn shutdown_requests_and_exit_notifications_are_noted() {
        let closing = |body: &str| check(body.as_bytes()).closing;
        assert_eq!(
            closing(r#"{"jsonrpc":"2.0","id":4,"method":"shutdown"}"#),
            Some(Closing::Shutdown)
        );
        assert_eq!(
            closing(r#"{"jsonrpc":"2.0","method":"exit","params":null}"#),
            Some(Closing::Exit)
        );
        // Sent as a notification, shutdown asks nothing.
        assert_eq!(closing(r#"{"jsonrpc":"2.0","method":"shutdown"}"#), None);
        assert_eq!(closing(r#"{"jsonrpc":"2.0","id":5,"result":"exit"}"#), None);
        assert_eq!(
            closing(r#"{"jsonrpc":"2.0","method":"x","params":{"method":"exit"}}"#),
            None
        );
    }

    #[test]
    fn a_request_with_an_id_json_rpc_does_not_allow_is_answered_by_null() {
        for id in [
            "{\"a\": 1}",
            "1.5",
            "true",
            "[1]",
            "100000000000000000000000",
        ] {
            let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"textDocument/hover"}}"#);
            let notice = checked(&body);
            assert_eq!(notice["method"], INVALID_REQUEST, "{id}");
            assert_eq!(notice["params"]["id"], Value::Null, "{id}");
            let reason = notice["params"]["reason"].as_str().unwrap();
            assert!(reason.starts_with("a request's id "), "{reason}");
            assert!(reason.contains("textDocument/hover"), "{reason}");
        }
    }

    #[test]
    fn a_request_broken_elsewhere_is_answered_by_its_own_id() {
        let notice = checked(r#"{"jsonrpc":"1.0","id":"q-7","method":"shutdown"}"#);
        assert_eq!(notice["method"], INVALID_REQUEST);
        assert_eq!(notice["params"]["id"], "q-7");
        // A response with a bad id has nobody to answer to.
        let notice = checked(r#"{"jsonrpc":"2.0","id":1.5,"result":null}"#);
        assert_eq!(notice["method"], MALFORMED);
    }

    #[test]
    fn lone_surrogates_are_read_as_the_replacement_character_and_pairs_pass_unchanged() {
        let body = r#"{"jsonrpc":"2.0","method":"x","params":{"text":"a\ud800b"}}"#;
        let passed = checked(body);
        assert_eq!(passed["method"], "x");
        assert_eq!(passed["params"]["text"], "a\u{fffd}b");
        let pair = r#"{"jsonrpc":"2.0","method":"x","params":{"text":"\ud83d\ude00"}}"#;
        assert_eq!(check(pair.as_bytes()).body, pair.as_bytes());
        // Repair does not rescue a message broken in another way too.
        let broken = r#"{"jsonrpc":"2.0","method":"x","params":{"text":"\ud800"}"#;
        assert_eq!(checked(broken)["method"], MALFORMED);
    }
}
