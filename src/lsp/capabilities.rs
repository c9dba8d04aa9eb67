//! What copydesk tells the client at initialize, and which folders it
//! treats as the workspace.

use std::path::PathBuf;

use tower_lsp_server::ls_types::*;

use super::convert::encoding_kind;
use super::server::CHECK_WORKSPACE;
use super::state::file_path;

/// What copydesk advertises: exactly the features it implements.
pub(super) fn capabilities(encoding: crate::text::Encoding, pull: bool) -> ServerCapabilities {
    // Clients that pull diagnostics get them that way; the rest get them
    // pushed.
    let diagnostic_provider = pull.then(|| {
        DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("copydesk".to_string()),
            inter_file_dependencies: false,
            workspace_diagnostics: true,
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })
    });
    ServerCapabilities {
        diagnostic_provider,
        position_encoding: Some(encoding_kind(encoding)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions::default()),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![CHECK_WORKSPACE.to_string()],
            ..ExecuteCommandOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            resolve_provider: Some(false),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The local folders of the workspace: its folders, or the root URI of a
/// client that predates workspace folders.
pub(super) fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    let uris: Vec<&Uri> = match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders.iter().map(|f| &f.uri).collect(),
        #[allow(deprecated)]
        _ => params.root_uri.iter().collect(),
    };
    uris.into_iter().filter_map(file_path).collect()
}
