//! Quotations and who said them.
//!
//! `marks` finds the quoted spans, `words` splits the rest of each block
//! into tokens and sentences, `cues` knows the verbs of saying, `speakers`
//! the noun phrases and people, `attribution` links them, and `rules` turns
//! the result into findings.

mod appositives;
mod attribution;
mod cue_speakers;
mod cue_subject;
mod cues;
mod datelines;
mod descriptions;
mod entities;
mod headlines;
mod lexicon;
mod marks;
mod mentions;
pub(crate) mod names;
mod nouns;
mod plan;
mod resolve;
mod rules;
mod salience;
mod signatures;
mod sources;
mod speakers;
mod subjects;
mod tags;
mod words;

pub use rules::quote_findings;

use std::sync::Arc;

use super::reuse::{Kept, Movable};
use super::{Quote, Speaker};
use crate::config::Config;
use crate::markdown::{Block, Edit};
use crate::text::Span;
use entities::Entities;
use mentions::NameMention;
use plan::BlockPlan;

/// What a block's own text decides: the names it gives and its
/// quotations' kinds and speaker phrases.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockWork {
    names: Vec<NameMention>,
    plan: BlockPlan,
}

impl Movable for BlockWork {
    fn moved(&self, from: usize, to: usize) -> BlockWork {
        BlockWork {
            names: self.names.iter().map(|n| n.moved(from, to)).collect(),
            plan: self.plan.moved(from, to),
        }
    }
}

/// Read the word and name lists now rather than on first use.
pub fn prepare() {
    tags::prepare();
}

/// Every quoted span in the prose of `text`, with its kind and attribution,
/// and the speakers they are attributed to.
pub fn find_quotes(text: &str, blocks: &[Block], config: &Config) -> (Vec<Quote>, Vec<Speaker>) {
    find_quotes_reusing(text, blocks, config, &mut Kept::none(), None)
}

/// `find_quotes`, where `kept` has the work of blocks
/// analysed before, reused where a block and its quotations are unchanged.
pub(super) fn find_quotes_reusing(
    text: &str,
    blocks: &[Block],
    config: &Config,
    kept: &mut Kept<BlockWork>,
    edit: Option<Edit>,
) -> (Vec<Quote>, Vec<Speaker>) {
    let marked = marks::find_marked_quotes(text, blocks);
    let mut per_block: Vec<Vec<(usize, Span)>> = vec![Vec::new(); blocks.len()];
    for (i, quote) in marked.iter().enumerate() {
        per_block[quote.block].push((i, quote.span));
    }
    let works: Vec<(usize, usize, Arc<BlockWork>)> = blocks
        .iter()
        .zip(&per_block)
        .map(|(block, quotes)| {
            let first = quotes.first().map_or(0, |&(i, _)| i);
            let prose = block.prose_span();
            let base = prose.start;
            // Everything the block's work reads besides its text: where its
            // segments lie and its quotations with their flags.
            let mut shape = Vec::with_capacity(2 * block.segments.len() + 5 * quotes.len());
            for segment in &block.segments {
                shape.extend([segment.start - base, segment.end - base]);
            }
            for &(i, _) in quotes {
                let m = &marked[i];
                shape.extend([
                    m.span.start.saturating_sub(base),
                    m.span.end.saturating_sub(base),
                    m.content.start.saturating_sub(base),
                    m.content.end.saturating_sub(base),
                    usize::from(m.closed)
                        | usize::from(m.runs_on) << 1
                        | usize::from(m.continues) << 2,
                ]);
            }
            // A list item marked with a dash may be a signature line.
            let dash_item = block.kind == crate::markdown::BlockKind::ListItem
                && text[block.span.start..prose.start]
                    .trim_start()
                    .starts_with(['-', '–', '—', '―']);
            shape.push(usize::from(dash_item));
            let was_at = edit.and_then(|e| e.old_start(prose.start, prose.end));
            let (work, origin) = kept.get(prose.slice(text), &shape, base, was_at, || {
                let mut tokens = words::tokenize(text, block, quotes);
                let sentences = words::sentences(text, &tokens, &marked);
                tags::tag_block(text, &mut tokens, &sentences);
                BlockWork {
                    names: mentions::find_names(text, &tokens),
                    plan: plan::plan_block(
                        text, &marked, first, &tokens, &sentences, dash_item, config,
                    ),
                }
            });
            (first, origin, work)
        })
        .collect();
    // A headline in title case gives its names only up to a word the draft
    // writes in lower case elsewhere.
    let mut lower = None;
    let headline_names: Vec<Option<Vec<NameMention>>> = works
        .iter()
        .zip(blocks)
        .map(|((_, base, w), block)| {
            let prose = block.prose_span().slice(text);
            if w.names.is_empty() || !headlines::is_title_case(prose) {
                return None;
            }
            let lower = lower.get_or_insert_with(|| headlines::LowerCase::new(text));
            headlines::trimmed(text, lower, *base, &w.names)
        })
        .collect();
    let mut entities = Entities::collect(works.iter().zip(&headline_names).enumerate().map(
        |(block, ((_, base, w), trimmed))| {
            (
                block,
                *base,
                trimmed.as_deref().unwrap_or(w.names.as_slice()),
            )
        },
    ));
    let plans: Vec<(usize, usize, &BlockPlan)> = works
        .iter()
        .map(|(first, base, w)| (*first, *base, &w.plan))
        .collect();
    let attributed = attribution::attribute(text, &marked, &plans, &mut entities);
    let (quotes, resolved): (Vec<Quote>, Vec<Option<usize>>) = attributed.into_iter().unzip();
    let speakers = sources::gather_speakers(&quotes, &resolved, &entities);
    (quotes, speakers)
}
