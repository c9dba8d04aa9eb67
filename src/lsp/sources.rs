//! Requests about a draft's sources and structure: the outline, workspace
//! symbols and inlay hints.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::inlay_hints::speaker_hints;
use super::server::{Backend, INDEX_WAIT};
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

    pub(super) async fn workspace_speakers(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let mut indexed = self.state.indexed();
        let _ = tokio::time::timeout(INDEX_WAIT, indexed.wait_for(|done| *done)).await;
        #[allow(deprecated)]
        let symbols = self
            .state
            .speakers_matching(&params.query)
            .into_iter()
            .map(|(name, quotes, location)| SymbolInformation {
                name,
                kind: SymbolKind::OBJECT,
                tags: None,
                deprecated: None,
                container_name: Some(format!(
                    "{} quote{}",
                    quotes,
                    if quotes == 1 { "" } else { "s" }
                )),
                location,
            })
            .chain(self.state.laws_matching(&params.query).into_iter().map(
                |(name, count, location)| SymbolInformation {
                    name,
                    kind: SymbolKind::MODULE,
                    tags: None,
                    deprecated: None,
                    container_name: Some(count),
                    location,
                },
            ))
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
