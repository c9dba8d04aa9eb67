//! The language server. The only module that speaks LSP.

/// Serve LSP over stdin and stdout until the client says exit.
pub async fn run_stdio() {}
