//! copydesk: a language server and command-line checker for journalists'
//! Markdown drafts. See ARCHITECTURE.md for the map.

pub mod allocator;
pub mod analysis;
pub mod cli;
pub mod config;
pub mod fsread;
pub mod hashing;
pub mod kb;
pub mod lsp;
pub mod markdown;
#[cfg(test)]
#[path = "../benches/support/rng.rs"]
mod random;
pub mod text;
pub mod workspace;
