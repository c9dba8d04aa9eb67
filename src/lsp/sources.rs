//! Requests about a draft's sources and structure: the outline, workspace
//! symbols and inlay hints.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::inlay_hints::speaker_hints;
use super::server::{Backend, INDEX_WAIT};
use super::state::Claimed;
use super::symbols::document_symbols;
use crate::text::Span;

impl Backend {
    pub(super) async fn outline(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(doc) = self.document(&params.text_document.uri).await else {
            return Ok(None);
        };
        let positions = doc.positions(self.state.settings().encoding);
        Ok(Some(DocumentSymbolResponse::Nested(document_symbols(
            &doc.analysis,
            positions,
        ))))
    }

    /// The speakers and laws named across the workspace whose names
    /// contain the query, each at its first mention; one in a closed draft
    /// only where the draft's file bears it out (`lsp::verified`).
    pub(super) async fn workspace_speakers(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let mut indexed = self.state.indexed();
        let _ = tokio::time::timeout(INDEX_WAIT, indexed.wait_for(|done| *done)).await;
        let mut symbols = self.state.symbols_matching(&params.query);
        let claimed: Vec<Claimed> = symbols
            .iter_mut()
            .enumerate()
            .filter_map(|(at, symbol)| {
                let (summary, claim) = symbol.claimed.take()?;
                Some(Claimed {
                    summary,
                    places: vec![(at, claim)],
                })
            })
            .collect();
        let mut failing = self
            .failing_places("workspace symbols", claimed)
            .await
            .into_iter()
            .peekable();
        #[allow(deprecated)]
        let symbols = symbols
            .into_iter()
            .enumerate()
            .filter(|(at, _)| failing.next_if_eq(at).is_none())
            .map(|(_, symbol)| SymbolInformation {
                name: symbol.name,
                kind: symbol.kind,
                tags: None,
                deprecated: None,
                container_name: Some(symbol.detail),
                location: symbol.location,
            })
            .collect();
        Ok(Some(WorkspaceSymbolResponse::Flat(symbols)))
    }

    pub(super) async fn speaker_inlay_hints(
        &self,
        params: InlayHintParams,
    ) -> Result<Option<Vec<InlayHint>>> {
        let settings = self.state.settings();
        if !settings.inlay_hints {
            return Ok(Some(Vec::new()));
        }
        let Some(doc) = self.document(&params.text_document.uri).await else {
            return Ok(None);
        };
        let positions = doc.positions(settings.encoding);
        let within = positions
            .span(params.range)
            .unwrap_or(Span::new(0, doc.text.len()));
        Ok(Some(speaker_hints(&doc.analysis, within, positions)))
    }
}
