//! The first look at every message the transport guard passes on, before
//! the framework handles it.
//!
//! What the framework does not do is done here. A request the guard found
//! undecodable (`copydesk/invalidRequest`) is answered with an Invalid
//! Request error, so the client does not wait for ever, and logged. A
//! notification naming a document by a string that is not a URI (a raw
//! `^` or `[`), or whose params do not decode as its method's, would be
//! dropped by the framework without a word; it is logged instead (`params`
//! checks them). A request whose params do not decode is answered by the
//! framework with an Invalid Params error, which is logged here as it goes
//! out.

use std::future::Future;
use std::pin::Pin;
use std::str::FromStr;
use std::task::{Context, Poll};

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Request, Response};
use tower_lsp_server::ls_types::Uri;
use tower_lsp_server::Client;
use tower_service::Service;

use super::framing::{InvalidRequest, Malformed, INVALID_REQUEST, MALFORMED};
use super::params;

/// What the framework's service returns for a message.
type Answer<E> = Pin<Box<dyn Future<Output = Result<Option<Response>, E>> + Send>>;

/// The framework's service behind the screen, and the client to log to
/// (none in unit tests).
pub struct Screen<S> {
    service: S,
    client: Option<Client>,
}

impl<S> Screen<S> {
    pub fn new(service: S, client: Option<Client>) -> Screen<S> {
        Screen { service, client }
    }
}

impl<S, E> Service<Request> for Screen<S>
where
    S: Service<Request, Response = Option<Response>, Error = E, Future = Answer<E>>,
    E: Send + 'static,
{
    type Response = Option<Response>;
    type Error = E;
    type Future = Answer<E>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        self.service.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        if request.method() == INVALID_REQUEST {
            if let Some(invalid) = invalid_request(&request) {
                return self.answer_invalid(invalid);
            }
        }
        if let Some(reason) = bad_uri(&request).or_else(|| params::unreadable(&request)) {
            return self.service.call(malformed(reason));
        }
        if request.id().is_some() {
            return self.log_invalid_params(request);
        }
        self.service.call(request)
    }
}

impl<S, E> Screen<S>
where
    S: Service<Request, Response = Option<Response>, Error = E, Future = Answer<E>>,
    E: Send + 'static,
{
    /// Log why a request could not be decoded, and answer it with an
    /// Invalid Request error carrying the reason.
    fn answer_invalid(&mut self, invalid: InvalidRequest) -> Answer<E> {
        let logged = self.service.call(malformed(invalid.reason.clone()));
        let mut error = Error::invalid_request();
        error.data = Some(Value::String(invalid.reason));
        let response = Response::from_error(invalid.id, error);
        Box::pin(async move {
            // Once the server has exited nothing is logged; the client
            // still gets its answer.
            let _ = logged.await;
            Ok(Some(response))
        })
    }

    /// Pass `request` on, and log its answer when that is an Invalid Params
    /// error: the framework's when its params did not decode, or a
    /// handler's when they make no sense.
    fn log_invalid_params(&mut self, request: Request) -> Answer<E> {
        let method = request.method().to_string();
        let answer = self.service.call(request);
        let client = self.client.clone();
        Box::pin(async move {
            let answer = answer.await?;
            let invalid = answer
                .as_ref()
                .and_then(Response::error)
                .filter(|error| error.code == ErrorCode::InvalidParams);
            if let (Some(error), Some(client)) = (invalid, &client) {
                let message = format!(
                    "answered {method} with an Invalid Params error: {}",
                    error.message
                );
                super::indexing::warn(client, message).await;
            }
            Ok(answer)
        })
    }
}

/// The parameters of a `copydesk/invalidRequest` notice from the guard.
fn invalid_request(request: &Request) -> Option<InvalidRequest> {
    if request.id().is_some() {
        return None;
    }
    serde_json::from_value(request.params()?.clone()).ok()
}

/// Why a notification cannot be handled, when it names a document by a
/// string that is not a URI: its `textDocument`, or a file in its
/// `changes` (`workspace/didChangeWatchedFiles`). Requests need no such
/// check: the framework answers them with an error that says so.
fn bad_uri(request: &Request) -> Option<String> {
    if request.id().is_some() {
        return None;
    }
    let params = request.params()?;
    let document = params.get("textDocument").and_then(|d| d.get("uri"));
    let changed = params
        .get("changes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|change| change.get("uri"));
    document.into_iter().chain(changed).find_map(|uri| {
        let uri = uri.as_str()?;
        let err = Uri::from_str(uri).err()?;
        Some(format!(
            "{} names the document {uri:?}, which is not a valid URI ({err}); the \
             notification was ignored",
            request.method()
        ))
    })
}

/// The notification that has the server log `reason`.
fn malformed(reason: String) -> Request {
    Request::build(MALFORMED)
        .params(serde_json::to_value(Malformed { reason }).expect("a reason encodes as JSON"))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn notification(method: &'static str, params: Value) -> Request {
        Request::build(method).params(params).finish()
    }

    #[test]
    fn a_notification_naming_a_string_that_is_not_a_uri_is_reported() {
        for uri in [
            "file:///desk/a^b.md",
            "file:///desk/[draft].md",
            "not a uri",
        ] {
            let open = notification(
                "textDocument/didOpen",
                json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": "" } }),
            );
            let reason = bad_uri(&open).unwrap_or_else(|| panic!("{uri} passed"));
            assert!(
                reason.starts_with(&format!("textDocument/didOpen names the document {uri:?}")),
                "{reason}"
            );
        }
        let good = notification(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": "file:///desk/a%5Eb.md" } }),
        );
        assert_eq!(bad_uri(&good), None);
        let watched = notification(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [
                { "uri": "file:///desk/a.md", "type": 2 },
                { "uri": "file:///desk/b^c.md", "type": 2 },
            ] }),
        );
        let reason = bad_uri(&watched).expect("the second change is reported");
        assert!(reason.contains("\"file:///desk/b^c.md\""), "{reason}");
        // A request is left to the framework, which answers with an error.
        let hover = Request::build("textDocument/hover")
            .id(3)
            .params(json!({ "textDocument": { "uri": "file:///a^b.md" } }))
            .finish();
        assert_eq!(bad_uri(&hover), None);
    }

    /// A service that records the methods it is called with.
    #[derive(Default)]
    struct Recorder(Vec<String>);

    impl Service<Request> for Recorder {
        type Response = Option<Response>;
        type Error = ();
        type Future = Answer<()>;

        fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), ()>> {
            Poll::Ready(Ok(()))
        }

        fn call(&mut self, request: Request) -> Self::Future {
            self.0.push(request.method().to_string());
            Box::pin(async { Ok(None) })
        }
    }

    #[tokio::test]
    async fn an_invalid_request_is_answered_and_logged() {
        let mut screen = Screen::new(Recorder::default(), None);
        let notice = notification(
            INVALID_REQUEST,
            json!({ "id": null, "reason": "a request's id true is not a string or an integer" }),
        );
        let answer = screen.call(notice).await.unwrap().unwrap();
        let answer = serde_json::to_value(answer).unwrap();
        assert_eq!(answer["id"], Value::Null);
        assert_eq!(answer["error"]["code"], -32600);
        assert_eq!(
            answer["error"]["data"],
            "a request's id true is not a string or an integer"
        );
        screen
            .call(Request::build("shutdown").id(9).finish())
            .await
            .unwrap();
        assert_eq!(screen.service.0, [MALFORMED, "shutdown"]);
    }
}
