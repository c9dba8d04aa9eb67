//! Quotations and who said them.
//!
//! `marks` finds the quoted spans, `words` splits the rest of each block
//! into tokens and sentences, `cues` knows the verbs of saying, `speakers`
//! the noun phrases and people, `attribution` links them, and `rules` turns
//! the result into findings.

mod attribution;
mod cues;
mod lexicon;
mod marks;
mod people;
mod rules;
mod sources;
mod speakers;
mod words;

pub use rules::quote_findings;

use super::{Quote, Speaker};
use crate::config::Config;
use crate::markdown::Block;
use crate::text::Span;

/// Every quoted span in the prose of `text`, with its kind and attribution,
/// and the speakers they are attributed to.
pub fn find_quotes(text: &str, blocks: &[Block], config: &Config) -> (Vec<Quote>, Vec<Speaker>) {
    let marked = marks::find_marked_quotes(text, blocks);
    let mut per_block: Vec<Vec<(usize, Span)>> = vec![Vec::new(); blocks.len()];
    for (i, quote) in marked.iter().enumerate() {
        per_block[quote.block].push((i, quote.span));
    }
    let tokens: Vec<Vec<words::Token>> = blocks
        .iter()
        .zip(&per_block)
        .map(|(block, quotes)| words::tokenize(text, block, quotes))
        .collect();
    let mut people = people::People::collect(text, &tokens);
    let quotes = attribution::attribute(text, &marked, &tokens, &mut people, config);
    let speakers = sources::gather_speakers(text, &quotes, &people);
    (quotes, speakers)
}
