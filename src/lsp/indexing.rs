//! Keeping the workspace index in step with the disk: the first scan of
//! the workspace folders, and re-reading a draft when its buffer closes.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tower_lsp_server::ls_types::{MessageType, ProgressToken};
use tower_lsp_server::Client;

use super::state::{Settings, State};
use crate::workspace::{self, DraftSummary, IndexCache};

/// How long the server waits for the client to answer a request of its own.
const CLIENT_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// Log a problem the user may want to act on, to the editor and to stderr.
pub async fn warn(client: &Client, message: String) {
    tracing::warn!("{message}");
    client.log_message(MessageType::WARNING, message).await;
}

/// Find, read and analyse every draft in the workspace, merge them into the
/// index, and say so. Runs as its own task: it awaits client requests
/// (progress), which a handler must never do while the client waits on it.
pub async fn index_workspace(client: Client, state: Arc<State>) {
    let settings = state.settings();
    // The scan starts at once; the progress report is set up meanwhile, so
    // the client's answer to that request is not waited for first.
    let scan = {
        let settings = settings.clone();
        tokio::task::spawn_blocking(move || {
            let (paths, mut skipped) = workspace::find_drafts(&settings.roots);
            let cache = IndexCache::locate(
                &settings.roots,
                &settings.config,
                &settings.kb,
                settings.encoding,
            )
            .filter(|_| paths.len() >= workspace::cache::MIN_DRAFTS);
            let limits = settings.limits();
            let cached = cache
                .as_ref()
                .map(|cache| cache.load(&limits))
                .unwrap_or_default();
            let was_cached = cached.len();
            let mut indexed =
                workspace::index_drafts_cached(&paths, settings.index_with(&limits), cached);
            skipped.append(&mut indexed.skipped);
            let worth_caching = indexed.worth_caching(was_cached);
            let from_cache = indexed.from_cache;
            let summaries = indexed.into_shared();
            if let Some(cache) = cache.filter(|_| worth_caching) {
                // Written on its own thread: the index is ready without it.
                let snapshot = summaries.clone();
                std::thread::spawn(move || {
                    if let Err(err) = cache.save(&snapshot) {
                        tracing::warn!(
                            "could not write the index cache {}: {err}",
                            cache.path().display()
                        );
                    }
                });
            }
            crate::lsp::release_memory();
            (summaries, from_cache, skipped)
        })
    };
    let progress = if settings.progress {
        let token = ProgressToken::String("copydesk/index".to_string());
        let created = tokio::time::timeout(
            CLIENT_REQUEST_TIMEOUT,
            client.create_work_done_progress(token.clone()),
        )
        .await;
        match created {
            Ok(Ok(())) => Some(
                client
                    .progress(token, "copydesk: indexing drafts")
                    .begin()
                    .await,
            ),
            _ => None,
        }
    } else {
        None
    };
    let scan = scan.await;
    let message = match scan {
        Ok((summaries, from_cache, skipped)) => {
            for skip in skipped {
                warn(&client, skip.to_string()).await;
            }
            let count = summaries.len();
            state.merge_scan(summaries);
            let cached = if from_cache > 0 {
                format!(" ({from_cache} unchanged since the last session)")
            } else {
                String::new()
            };
            format!(
                "copydesk: indexed {count} draft{}{cached}",
                if count == 1 { "" } else { "s" }
            )
        }
        Err(err) => {
            warn(
                &client,
                format!("copydesk: indexing the workspace failed: {err}"),
            )
            .await;
            "copydesk: indexing failed".to_string()
        }
    };
    state.mark_indexed();
    tracing::info!("{message}");
    client.log_message(MessageType::INFO, &message).await;
    if let Some(progress) = progress {
        progress.finish_with_message(message).await;
    }
}

/// The summary of a closed draft read back from disk, or `None` when it is
/// gone or unreadable.
pub fn summarise_from_disk(settings: &Settings, path: PathBuf) -> (PathBuf, Option<DraftSummary>) {
    let limits = settings.limits();
    let indexed =
        workspace::index_drafts(std::slice::from_ref(&path), settings.index_with(&limits));
    (path, indexed.summaries.into_iter().next())
}
