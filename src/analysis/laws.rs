//! Names of laws, bills, provisions and citations.

use super::{Finding, LawMention};
use crate::config::Config;
use crate::kb::Kb;
use crate::markdown::Block;

/// Every law mention in the prose of `text`, resolved against `kb`.
pub fn find_laws(text: &str, blocks: &[Block], kb: &Kb) -> Vec<LawMention> {
    let _ = (text, blocks, kb);
    Vec::new()
}

/// The legislation-side findings for `laws`.
pub fn law_findings(text: &str, laws: &[LawMention], kb: &Kb, config: &Config) -> Vec<Finding> {
    let _ = (text, laws, kb, config);
    Vec::new()
}
