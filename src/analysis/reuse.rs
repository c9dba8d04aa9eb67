//! Work kept from one analysis of a draft for the next: what each block of
//! prose decided from its own text (the names it offers, its quotations'
//! kinds and speaker phrases, its law mentions). After an edit, only the
//! blocks the edit touched are worked out again; the rest are taken from
//! here, moved to where they now stand, and the passes that need the whole
//! draft (running quotes, resolving speakers, acronyms, findings) run over
//! all of them. The result equals a fresh analysis: a piece of work is a
//! pure function of its block's text and shape, and it is taken only for a
//! block whose text the edit left alone (so the same bytes as where the
//! piece was made) and whose shape is the same.
//!
//! The pieces are kept in the order the analysis asks for them, which is
//! the order of the text, and looked up by where their text stood: a
//! keystroke in a long draft walks them once, front to back, and reads
//! neither the text nor a hash table. (Looking each block up by a hash of
//! its text cost more than the work it saved in a 1 MB draft, in cache
//! misses, and reading the text twice.)

use std::sync::Arc;

use crate::config::Config;
use crate::kb::Kb;
use crate::markdown::{Edit, Regions};

/// Work that can be moved to where its text now stands.
pub trait Movable: Clone {
    /// The same work for text that moved from offset `from` to `to`.
    fn moved(&self, from: usize, to: usize) -> Self;
}

/// A piece of work and what it depends on besides its text: where the text
/// started and how long it was, and numbers describing its shape (segment
/// bounds, quotation spans and flags) relative to where the text starts.
struct Piece<W> {
    start: usize,
    len: usize,
    /// Where its shape is in the shapes of its analysis: all of them in
    /// one list, read in order, rather than each in an allocation of its own.
    shape: std::ops::Range<usize>,
    /// The work, with its offsets relative to where its text starts.
    work: Arc<W>,
}

/// Work of one kind, in the order of the text it was done on.
pub struct Kept<W> {
    /// The last analysis's pieces, in order; each is taken at most once.
    last: Vec<Option<Piece<W>>>,
    last_shapes: Vec<usize>,
    /// How far the current analysis has looked in `last`.
    cursor: usize,
    /// This analysis's pieces, to become `last` when it ends.
    next: Vec<Option<Piece<W>>>,
    next_shapes: Vec<usize>,
    keep: bool,
    /// Pieces taken from earlier analyses and pieces worked out, in the
    /// last analysis.
    reused: usize,
    worked: usize,
}

impl<W> Default for Kept<W> {
    fn default() -> Self {
        Kept {
            last: Vec::new(),
            last_shapes: Vec::new(),
            cursor: 0,
            next: Vec::new(),
            next_shapes: Vec::new(),
            keep: true,
            reused: 0,
            worked: 0,
        }
    }
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
    /// offset its spans count from. `was_at` is where `text` stood in the
    /// last text analysed, when the edit since left it alone: the piece
    /// made there is taken if its text was as long and its shape the same.
    /// Otherwise `work` does it, giving offsets into the draft. Work that is
    /// not kept stays as `work` made it, counting from 0, rather than being
    /// copied to count from `base` and copied back by the caller.
    pub fn get(
        &mut self,
        text: &str,
        shape: &[usize],
        base: usize,
        was_at: Option<usize>,
        work: impl FnOnce() -> W,
    ) -> (Arc<W>, usize) {
        if !self.keep {
            self.worked += 1;
            return (Arc::new(work()), 0);
        }
        if let Some(at) = was_at {
            // Pieces are asked for in the order of the text, so the one
            // that stood at `at` is at or after the cursor.
            while self
                .last
                .get(self.cursor)
                .is_some_and(|p| p.as_ref().is_none_or(|p| p.start < at))
            {
                self.cursor += 1;
            }
            if let Some(slot) = self.last.get_mut(self.cursor) {
                let shapes = &self.last_shapes;
                let same = slot.as_ref().is_some_and(|p| {
                    p.start == at && p.len == text.len() && shapes[p.shape.clone()] == *shape
                });
                if let Some(piece) = slot.take_if(|_| same) {
                    self.reused += 1;
                    let work = piece.work.clone();
                    let shape = self.place_shape(shape);
                    self.next.push(Some(Piece {
                        start: base,
                        shape,
                        ..piece
                    }));
                    return (work, base);
                }
            }
        }
        let done = Arc::new(work().moved(base, 0));
        self.worked += 1;
        let shape = self.place_shape(shape);
        self.next.push(Some(Piece {
            start: base,
            len: text.len(),
            shape,
            work: done.clone(),
        }));
        (done, base)
    }

    /// Keep `shape` for the next analysis; where it is kept.
    fn place_shape(&mut self, shape: &[usize]) -> std::ops::Range<usize> {
        let start = self.next_shapes.len();
        self.next_shapes.extend_from_slice(shape);
        start..self.next_shapes.len()
    }

    fn start(&mut self) {
        self.reused = 0;
        self.worked = 0;
        self.cursor = 0;
        self.next.clear();
        self.next_shapes.clear();
    }

    /// End an analysis: its pieces are what the next one looks in, and
    /// the last analysis's it did not take are forgotten.
    fn finish(&mut self) {
        std::mem::swap(&mut self.last, &mut self.next);
        std::mem::swap(&mut self.last_shapes, &mut self.next_shapes);
        self.next.clear();
        self.next_shapes.clear();
    }

    fn clear(&mut self) {
        self.last.clear();
        self.last_shapes.clear();
    }

    fn len(&self) -> usize {
        self.last.len()
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
    /// How the text being analysed differs from the last one, when that
    /// one's work is kept.
    edit: Option<Edit>,
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
            edit: None,
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
            edit: None,
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
        self.edit = None;
        Some(match self.markdown.take() {
            Some(old) => {
                let edit = Edit::between(&self.markdown_text, text);
                self.edit = Some(edit);
                old.reparse_after(&self.markdown_text, text, edit)
            }
            None => Regions::parse(text),
        })
    }

    /// How the text being analysed differs from the last one analysed, when
    /// the work kept is that one's: see `Kept::get`.
    pub(super) fn edit(&self) -> Option<Edit> {
        self.edit
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
