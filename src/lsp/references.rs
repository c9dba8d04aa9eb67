//! `textDocument/references`: every mention of the law or speaker at the
//! cursor, across the workspace.
//!
//! The answer can hold tens of thousands of locations, and the framework
//! would build a `serde_json::Value` of it, field by field, before writing
//! it. So the request is routed to [`ROUTED`], whose answer copydesk
//! encodes itself and sends through the [`Outlet`]; the framework still
//! does everything else (the server's state, cancellation, bad params).
//!
//! Places in drafts nobody has open come from the index, which may be
//! stale or read from a damaged cache, so each is checked against its file
//! before it goes out (`lsp::verified`): at most `workspace::FRESH` after
//! its file was last looked at, which the server does in the background
//! while the workspace is queried.

use std::task::{Context, Poll};

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Id, IntoResponse, Request, Response};
use tower_lsp_server::ls_types::ReferenceParams;
use tower_service::Service;

use super::outlet::Outlet;
use super::places::Places;
use super::server::{Backend, INDEX_WAIT};
use super::state::Found;

/// The method `textDocument/references` requests are routed to.
pub const ROUTED: &str = "copydesk/references";

const REFERENCES: &str = "textDocument/references";

/// The answer to a routed references request.
pub struct Answer {
    outlet: Outlet,
    places: Option<Places>,
}

impl IntoResponse for Answer {
    fn into_response(self, id: Option<Id>) -> Option<Response> {
        let id = id?;
        match self.places {
            Some(places) => {
                self.outlet.send(|body| encode(body, &id, &places));
                None
            }
            None => Some(Response::from_ok(id, Value::Null)),
        }
    }

    fn is_notification() -> bool {
        false
    }
}

/// Append the response to request `id` to `body`: `places` as an array
/// of locations.
fn encode(body: &mut Vec<u8>, id: &Id, places: &Places) {
    body.extend_from_slice(b"{\"jsonrpc\":\"2.0\",\"id\":");
    serde_json::to_writer(&mut *body, id).expect("an id encodes into memory");
    body.extend_from_slice(b",\"result\":");
    places.write_json(body);
    body.push(b'}');
}

impl Backend {
    /// `copydesk/references`: the places of the law or speaker at the cursor, written
    /// by copydesk.
    pub async fn routed_references(&self, params: ReferenceParams) -> Answer {
        Answer {
            outlet: self.outlet.clone(),
            places: self.reference_places(params).await,
        }
    }

    /// Every place the law or speaker at the cursor is named, in the
    /// workspace and in the document; none when the cursor is on neither.
    /// Waits for the workspace index, warning when it is not ready in time.
    async fn reference_places(&self, params: ReferenceParams) -> Option<Places> {
        let at = params.text_document_position;
        let uri = at.text_document.uri;
        let (doc, offset) = self.locate("references", &uri, at.position).await?;
        let law = doc.analysis.law_at(offset).map(|law| law.key());
        let speaker = doc.analysis.speaker_at(offset).map(|(s, _)| s.name.clone());
        if law.is_none() && speaker.is_none() {
            return None;
        }
        let mut indexed = self.state.indexed();
        if tokio::time::timeout(INDEX_WAIT, indexed.wait_for(|done| *done))
            .await
            .is_err()
        {
            self.warn(
                "references: the workspace is still being indexed; some drafts may be missing"
                    .to_string(),
            )
            .await;
        }
        let found = match (law, speaker) {
            (Some(key), _) => self.state.law_locations(&key, &uri, &doc),
            (_, Some(name)) => {
                let found = self.state.speaker_locations(&name, &uri, &doc);
                Found {
                    places: found.places.without_extras(),
                    claimed: found.claimed,
                }
            }
            (None, None) => return Some(Places::default()),
        };
        Some(self.verified(found).await)
    }

    /// The places `found`, less those of closed drafts whose files no
    /// longer bear them out (`lsp::verified`).
    async fn verified(&self, found: Found) -> Places {
        let Found {
            mut places,
            claimed,
        } = found;
        places.drop_places(&self.failing_places("references", claimed).await);
        places
    }
}

/// The framework's service with `textDocument/references` requests routed
/// to [`ROUTED`].
pub struct Routed<S>(pub S);

impl<S: Service<Request>> Service<Request> for Routed<S> {
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<std::result::Result<(), S::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        self.0.call(route(request))
    }
}

/// `request`, sent to [`ROUTED`] when it asks for references.
fn route(request: Request) -> Request {
    if request.method() != REFERENCES || request.id().is_none() {
        return request;
    }
    let (_, id, params) = request.into_parts();
    let mut routed = Request::build(ROUTED);
    if let Some(id) = id {
        routed = routed.id(id);
    }
    if let Some(params) = params {
        routed = routed.params(params);
    }
    routed.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Location, Position, Range};

    #[test]
    fn only_references_requests_are_routed() {
        let params = serde_json::json!({ "textDocument": { "uri": "file:///a.md" } });
        let asked = Request::build(REFERENCES)
            .id(7)
            .params(params.clone())
            .finish();
        let routed = route(asked);
        assert_eq!(routed.method(), ROUTED);
        assert_eq!(routed.id(), Some(&Id::Number(7)));
        assert_eq!(routed.params(), Some(&params));

        let hover = Request::build("textDocument/hover").id(8).finish();
        assert_eq!(route(hover).method(), "textDocument/hover");
        // Sent as a notification: the framework says what is wrong with it.
        let unasked = Request::build(REFERENCES).finish();
        assert_eq!(route(unasked).method(), REFERENCES);
    }

    #[test]
    fn the_response_is_the_framework_s_response_for_the_same_locations() {
        let mut places = Places::default();
        places.draft("file:///desk/a.md".into());
        let range = Range::new(Position::new(2, 4), Position::new(2, 27));
        places.push(range, ());
        let locations: Vec<Location> = places.clone().into_locations().map(|(l, _)| l).collect();
        for id in [Id::Number(12), Id::String("req-\"9\"".into())] {
            let theirs = Response::from_ok(id.clone(), serde_json::to_value(&locations).unwrap());
            let mut body = Vec::new();
            encode(&mut body, &id, &places);
            let ours: Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(ours, serde_json::to_value(&theirs).unwrap());
        }
    }
}
