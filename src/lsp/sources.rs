//! Requests about a draft's sources and structure: the outline, workspace
//! symbols, inlay hints and renaming a speaker across the workspace.

use std::collections::HashMap;

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use super::inlay_hints::speaker_hints;
use super::server::{Backend, INDEX_WAIT};
use super::symbols::document_symbols;
use crate::analysis::MentionForm;
use crate::text::Span;

impl Backend {
    pub(super) async fn outline(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(doc) = self.state.document(&params.text_document.uri) else {
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
        let Some(doc) = self.state.document(&params.text_document.uri) else {
            return Ok(None);
        };
        let positions = doc.positions(settings.encoding);
        let within = positions
            .span(params.range)
            .unwrap_or(Span::new(0, doc.text.len()));
        Ok(Some(speaker_hints(&doc.analysis, within, positions)))
    }

    pub(super) async fn prepare_speaker_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let Some((doc, offset)) = self
            .locate("rename", &params.text_document.uri, params.position)
            .await
        else {
            return Ok(None);
        };
        let positions = doc.positions(self.state.settings().encoding);
        Ok(doc
            .analysis
            .speaker_at(offset)
            .filter(|(_, m)| matches!(m.form, MentionForm::Name | MentionForm::Surname))
            .map(
                |(speaker, mention)| PrepareRenameResponse::RangeWithPlaceholder {
                    range: positions.range(mention.span),
                    placeholder: speaker.name.clone(),
                },
            ))
    }

    pub(super) async fn rename_speaker(
        &self,
        params: RenameParams,
    ) -> Result<Option<WorkspaceEdit>> {
        let at = params.text_document_position;
        let uri = at.text_document.uri;
        let Some((doc, offset)) = self.locate("rename", &uri, at.position).await else {
            return Ok(None);
        };
        let Some((speaker, _)) = doc.analysis.speaker_at(offset) else {
            return Ok(None);
        };
        let new_name = params
            .new_name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // A name written family name first (`Wang Wenbin`, later `Wang`)
        // takes the new name's first word on later reference; any other,
        // the last.
        let old_first = speaker.name.split(' ').next().unwrap_or_default();
        let family_first = speaker.name.contains(' ')
            && speaker
                .mentions
                .iter()
                .any(|m| m.form == MentionForm::Surname && m.span.slice(&doc.text) == old_first);
        let new_surname = if family_first {
            new_name.split(' ').next()
        } else {
            new_name.split(' ').next_back()
        };
        let Some(new_surname) = new_surname.filter(|s| !s.is_empty()) else {
            return Err(Error::invalid_params("give the speaker's new full name"));
        };
        let mut indexed = self.state.indexed();
        let _ = tokio::time::timeout(INDEX_WAIT, indexed.wait_for(|done| *done)).await;
        let mut changes: HashMap<Uri, Vec<TextEdit>> = Default::default();
        for (location, form) in self
            .state
            .speaker_locations(&speaker.name, &uri, &doc)
            .into_locations()
        {
            let new_text = match form {
                MentionForm::Name => new_name.clone(),
                MentionForm::Surname => new_surname.to_string(),
                _ => continue,
            };
            changes
                .entry(location.uri)
                .or_default()
                .push(TextEdit::new(location.range, new_text));
        }
        Ok(Some(WorkspaceEdit::new(changes)))
    }
}
