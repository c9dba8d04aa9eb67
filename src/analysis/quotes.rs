//! Quotations and who said them.

use super::{Finding, Quote};
use crate::config::Config;
use crate::markdown::Block;

/// Every quoted span in the prose of `text`, with its kind and attribution.
pub fn find_quotes(text: &str, blocks: &[Block], config: &Config) -> Vec<Quote> {
    let _ = (text, blocks, config);
    Vec::new()
}

/// The attribution-side findings for `quotes`.
pub fn quote_findings(text: &str, quotes: &[Quote], config: &Config) -> Vec<Finding> {
    let _ = (text, quotes, config);
    Vec::new()
}
