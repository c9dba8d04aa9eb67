//! Work kept from one analysis of a draft for the next: what each block of
//! prose decided from its own text (the names it offers, its quotations'
//! kinds and speaker phrases, its law mentions). After an edit, only the
//! blocks whose text changed are worked out again; the rest are taken from
//! here, moved to where they now stand, and the passes that need the whole
//! draft (running quotes, resolving speakers, acronyms, findings) run over
//! all of them. The result equals a fresh analysis: what is kept is a pure
//! function of the key it is kept under.

use crate::hashing::PrehashedBuild;
use std::collections::HashMap;
use std::sync::Arc;

use crate::config::Config;
use crate::kb::Kb;
use crate::markdown::Regions;

/// Work that can be moved to where its text now stands.
pub trait Movable: Clone {
    /// The same work for text that moved from offset `from` to `to`.
    fn moved(&self, from: usize, to: usize) -> Self;
}

/// What a piece of work depends on besides the text at its place: the
/// text itself, and numbers describing its shape (segment bounds, quotation
/// spans and flags), all relative to where the text starts.
struct Entry<W> {
    text: Box<str>,
    shape: Box<[usize]>,
    /// The work, with its offsets relative to where its text starts.
    work: Arc<W>,
    /// The last analysis that used it.
    used: u64,
}

/// Work of one kind, kept by the text it was done on.
pub struct Kept<W> {
    entries: HashMap<u64, Vec<Entry<W>>, PrehashedBuild>,
    keep: bool,
    run: u64,
    /// Pieces taken from earlier analyses and pieces worked out, in the
    /// last analysis.
    reused: usize,
    worked: usize,
}

impl<W> Default for Kept<W> {
    fn default() -> Self {
        Kept {
            entries: HashMap::default(),
            keep: true,
            run: 0,
            reused: 0,
            worked: 0,
        }
    }
}

/// The hash of a key: every analysis hashes the whole draft once, so this
/// must be far quicker than the standard hasher. Keys that hash alike are
/// still told apart by comparing them.
fn key_hash(text: &str, shape: &[usize]) -> u64 {
    crate::hashing::quick_hash(text, shape)
}

impl<W: Movable> Kept<W> {
    /// Keeping nothing: every piece is worked out.
    pub fn none() -> Kept<W> {
        Kept {
            keep: false,
            ..Kept::default()
        }
    }

    /// The work for `text` (standing at `base`) with `shape`, and the
    /// offset its spans count from: kept from an earlier analysis when one
    /// had the same key (counting from `base`), else done by `work`, which
    /// gives offsets into the draft. Work that is not kept stays as `work`
    /// made it, counting from 0, rather than being copied to count from
    /// `base` and copied back by the caller.
    pub fn get(
        &mut self,
        text: &str,
        shape: &[usize],
        base: usize,
        work: impl FnOnce() -> W,
    ) -> (Arc<W>, usize) {
        if !self.keep {
            self.worked += 1;
            return (Arc::new(work()), 0);
        }
        let hash = key_hash(text, shape);
        let bucket = self.entries.entry(hash).or_default();
        if let Some(entry) = bucket
            .iter_mut()
            .find(|e| &*e.text == text && &*e.shape == shape)
        {
            entry.used = self.run;
            self.reused += 1;
            return (entry.work.clone(), base);
        }
        let done = Arc::new(work().moved(base, 0));
        self.worked += 1;
        bucket.push(Entry {
            text: text.into(),
            shape: shape.into(),
            work: done.clone(),
            used: self.run,
        });
        (done, base)
    }

    fn start(&mut self) {
        self.run += 1;
        self.reused = 0;
        self.worked = 0;
    }

    /// End an analysis: what it did not use is forgotten.
    fn finish(&mut self) {
        let run = self.run;
        self.entries.retain(|_, bucket| {
            bucket.retain(|e| e.used == run);
            !bucket.is_empty()
        });
    }

    fn clear(&mut self) {
        self.entries.clear();
    }

    fn len(&self) -> usize {
        self.entries.len()
    }
}

/// Everything kept between analyses of one draft, and the settings it was
/// worked out with: a change of configuration or knowledge base discards it.
pub struct Reuse {
    settings: Option<(Config, Kb)>,
    /// The text last analysed and its Markdown regions, for the next
    /// analysis to parse only around its edit.
    markdown: Option<Regions>,
    markdown_text: String,
    pub(super) blocks: Kept<super::quotes::BlockWork>,
    pub(super) segments: Kept<super::laws::SegmentLaws>,
}

impl Default for Reuse {
    fn default() -> Self {
        Reuse::new()
    }
}

impl std::fmt::Debug for Reuse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reuse")
            .field("blocks", &self.blocks.len())
            .field("segments", &self.segments.len())
            .finish()
    }
}

impl Reuse {
    /// Keep work for the next analysis of the same draft.
    pub fn new() -> Reuse {
        Reuse {
            settings: None,
            markdown: None,
            markdown_text: String::new(),
            blocks: Kept::default(),
            segments: Kept::default(),
        }
    }

    /// Keep nothing: for a draft analysed once (`copydesk check`, the
    /// workspace scan).
    pub fn none() -> Reuse {
        Reuse {
            settings: None,
            markdown: None,
            markdown_text: String::new(),
            blocks: Kept::none(),
            segments: Kept::none(),
        }
    }

    /// Get ready for an analysis with `config` and `kb`.
    pub(super) fn start(&mut self, config: &Config, kb: &Kb) {
        let same = self
            .settings
            .as_ref()
            .is_some_and(|(c, k)| c == config && k.same(kb));
        if !same {
            self.blocks.clear();
            self.segments.clear();
            if self.blocks.keep {
                self.settings = Some((config.clone(), kb.clone()));
            }
        }
        self.blocks.start();
        self.segments.start();
    }

    /// How many paragraphs the last analysis took from earlier ones, and
    /// how many it worked out.
    pub fn paragraphs(&self) -> (usize, usize) {
        (self.blocks.reused, self.blocks.worked)
    }

    /// The Markdown regions of `text`, worked out from the last text's
    /// where that is kept; `None` when nothing is kept (the caller parses).
    pub(super) fn regions(&mut self, text: &str) -> Option<Regions> {
        if !self.blocks.keep {
            return None;
        }
        Some(match self.markdown.take() {
            Some(old) => old.reparse(&self.markdown_text, text),
            None => Regions::parse(text),
        })
    }

    /// End an analysis of `text`, keeping its `regions` when given.
    pub(super) fn finish(&mut self, text: &str, regions: Option<Regions>) {
        self.blocks.finish();
        self.segments.finish();
        if let Some(regions) = regions {
            self.markdown_text.clear();
            self.markdown_text.push_str(text);
            self.markdown = Some(regions);
        }
    }
}
