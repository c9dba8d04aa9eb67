//! Plain text geometry: byte spans and the mapping between byte offsets and
//! editor positions (line plus a UTF-8 or UTF-16 column).
//!
//! Nothing here knows about the protocol; `lsp::convert` builds on it.

mod line_index;
mod span;

pub use line_index::{Encoding, LineCol, LineIndex};
pub use span::Span;
