//! Renaming a speaker across the workspace: the mentions in the open
//! document and in every other draft, open or not. A closed draft's edits
//! are built from its file as it reads now, so a stale or damaged summary
//! cannot aim an edit at the wrong words.

use std::collections::HashMap;
use std::path::PathBuf;

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use super::convert::to_range;
use super::server::{Backend, INDEX_WAIT};
use super::state::file_path;
use crate::analysis::MentionForm;
use crate::workspace::{current_mentions, DraftSummary, MentionRef, SkippedDraft};

/// A closed draft's mentions as its file reads now, and its path when its
/// summary did not hold up.
type Checked = (Vec<MentionRef>, Option<PathBuf>);

impl Backend {
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
        let replacement = |form| match form {
            MentionForm::Name => Some(new_name.clone()),
            MentionForm::Surname => Some(new_surname.to_string()),
            _ => None,
        };
        let mut changes: HashMap<Uri, Vec<TextEdit>> = Default::default();
        for (location, form) in self
            .state
            .speaker_locations(&speaker.name, &uri, &doc)
            .places
            .into_locations()
        {
            if let Some(new_text) = replacement(form) {
                changes
                    .entry(location.uri)
                    .or_default()
                    .push(TextEdit::new(location.range, new_text));
            }
        }
        // Edits to drafts nobody has open come from their files as they
        // read now, never from a summary alone.
        for (uri, checked) in self.check_closed_drafts(&changes, &speaker.name).await {
            match checked {
                Ok((mentions, stale)) => {
                    if let Some(path) = stale {
                        self.warn(format!(
                            "rename: {} no longer reads as the index says (the file changed \
                             since it was indexed, or the index cache is wrong); its edits \
                             come from the file as it reads now, and it is indexed again",
                            path.display()
                        ))
                        .await;
                    }
                    let edits: Vec<TextEdit> = mentions
                        .into_iter()
                        .filter_map(|m| {
                            Some(TextEdit::new(
                                to_range(m.start, m.end),
                                replacement(m.form)?,
                            ))
                        })
                        .collect();
                    if edits.is_empty() {
                        changes.remove(&uri);
                    } else {
                        changes.insert(uri, edits);
                    }
                }
                Err(skipped) => {
                    changes.remove(&uri);
                    self.warn(format!(
                        "rename: {skipped}; its mentions are left as they are"
                    ))
                    .await;
                }
            }
        }
        Ok(Some(WorkspaceEdit::new(changes)))
    }

    /// The mentions of `name` in each draft of `changes` that is closed, as
    /// its file reads now (`workspace::current_mentions`); a summary that
    /// did not hold up is replaced in the index by the fresh one, and its
    /// path given.
    async fn check_closed_drafts(
        &self,
        changes: &HashMap<Uri, Vec<TextEdit>>,
        name: &str,
    ) -> Vec<(Uri, std::result::Result<Checked, SkippedDraft>)> {
        let closed: Vec<(Uri, PathBuf, DraftSummary)> = changes
            .keys()
            .filter_map(|uri| {
                let path = file_path(uri)?;
                let summary = self.state.closed_summary(&path)?;
                Some((uri.clone(), path, summary))
            })
            .collect();
        if closed.is_empty() {
            return Vec::new();
        }
        let settings = self.state.settings();
        let name = name.to_string();
        let checked = tokio::task::spawn_blocking(move || {
            let limits = settings.limits();
            closed
                .into_iter()
                .map(|(uri, path, summary)| {
                    let with = settings.index_with(&limits);
                    (uri, current_mentions(&path, &summary, &name, with))
                })
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        checked
            .into_iter()
            .map(|(uri, checked)| {
                let checked = checked.map(|(mentions, fresh)| {
                    let stale = fresh.map(|fresh| {
                        let path = fresh.path.clone();
                        self.state.restore_from_disk(path.clone(), Some(fresh));
                        path
                    });
                    (mentions, stale)
                });
                (uri, checked)
            })
            .collect()
    }
}
