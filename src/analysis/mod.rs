//! The analysis core: pure functions from a draft's text to what copydesk
//! knows about it. No IO, no protocol types, no panics; every offset is a
//! UTF-8 byte offset into the text that was analysed.

mod findings;
pub mod laws;
pub mod quotes;
mod reuse;

pub use findings::{Code, Finding, Fix, Severity, TextEdit};
pub use reuse::Reuse;

use serde::Serialize;

use crate::config::Config;
use crate::kb::{Kb, LawId};
use crate::text::Span;

/// Everything the analysis found in one draft.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    /// Everyone quoted, one identity per person, in order of first mention.
    pub speakers: Vec<Speaker>,
    pub laws: Vec<LawMention>,
    pub findings: Vec<Finding>,
}

/// What sort of quotation a quoted span is. Only direct and partial quotes
/// need someone to have said them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full statement: `"We are open," Wang said.`
    Direct,
    /// A fragment woven into paraphrase: `Wang said it was "a Cold War view."`
    Partial,
    /// One to three words set off without a cue: `the so-called "reset"`.
    Scare,
    /// The name of a work: `the report "Chips for America"`.
    Title,
}

impl QuoteKind {
    pub fn needs_attribution(self) -> bool {
        matches!(self, QuoteKind::Direct | QuoteKind::Partial)
    }
}

/// One quoted span. A quote that runs over several paragraphs is one
/// `Quote` per paragraph segment; the segments share a `group`.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included; for an
    /// unclosed segment, to the end of its paragraph.
    pub span: Span,
    /// The words inside the marks.
    pub content: Span,
    pub kind: QuoteKind,
    pub closed: bool,
    /// Index of the first segment of the running quote this segment belongs
    /// to; equal to the quote's own index when it stands alone.
    pub group: usize,
    pub attribution: Option<Attribution>,
    /// Marks that pair but are the wrong character.
    pub mark_problems: Vec<MarkProblem>,
}

/// A quotation mark that pairs but is the wrong character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkProblem {
    /// A closing mark typed as an opening one (`worked out. “`): the mark.
    Backwards(Span),
    /// Double marks inside a double-quoted quote (`“He said “no” to me,”`),
    /// where single marks belong: the inner opening and closing marks.
    Nested(Span, Span),
}

/// Who said a quote, the words that say so, and where they were found.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub speaker: SpeakerMention,
    /// The verb of saying, `according to`, or a lead-in colon; `None` when
    /// the attribution is inherited (a later segment of a running quote).
    pub cue: Option<Cue>,
    pub how: How,
    /// Who passes the speaker's words on in the quote's sentence, the source
    /// the story credits for them: `reports USA Today`, `CNN reported`,
    /// `according to Frankel`.
    pub via: Option<SpeakerMention>,
}

/// Where the words that attribute a quote stand, relative to the quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// A verb of saying in the quote's own sentence: `"...," Wang said.`
    Sentence,
    /// The sentence right after the quote: `"..." Wang added that ...`
    NextSentence,
    /// Elsewhere in the quote's paragraph: an earlier quote's speaker, the
    /// subject of a sentence the quote is woven into, a verb further off.
    Paragraph,
    /// A signature line under the quote: `― Wang Wenbin, spokesperson`.
    Signature,
    /// A colon lead-in ending the paragraph before: `Wang said:`.
    LeadIn,
    /// An earlier segment of the same running quote.
    RunningQuote,
    /// Nobody in the quote's paragraph: the speaker whose speech ends the
    /// paragraph before. AP style attributes each new quote paragraph.
    Context,
}

impl How {
    /// The words a reader sees: `in its own sentence`, `by context`.
    pub fn describe(self) -> &'static str {
        match self {
            How::Sentence => "in its own sentence",
            How::NextSentence => "in the next sentence",
            How::Paragraph => "in its paragraph",
            How::Signature => "by the signature line under it",
            How::LeadIn => "by the lead-in ending the paragraph before",
            How::RunningQuote => "as part of a running quote",
            How::Context => "by context: the paragraph before ends with their words",
        }
    }
}

/// What kind of source an identity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// One named or described person.
    Person,
    /// A company, agency, ministry, campaign, newspaper, or a country as a
    /// state (`Japan said`).
    Organisation,
    /// Several people that are not an organisation: `Democrats`, `protesters`.
    Group,
    /// A source the draft does not name: `a source`, `officials`.
    Anonymous,
    /// A statement, report, ad or other document given as the source: `the
    /// memo said`.
    Document,
    /// A pronoun or word with nobody the draft names for it to be.
    Unknown,
}

/// A mention of a speaker as written, and the full name it resolves to.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerMention {
    pub span: Span,
    pub text: String,
    /// The full name of the person or organisation meant (`"Wang Wenbin"`
    /// for `he`), when the draft names one.
    pub name: Option<String>,
    pub form: MentionForm,
    pub kind: SourceKind,
}

/// How a speaker is referred to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// A full name: `Wang Wenbin`, `Sen. Jane Roe`.
    Name,
    /// A surname on later reference: `Wang`.
    Surname,
    /// `he`, `she`, `they`.
    Pronoun,
    /// `the spokesperson`, `a Chinese diplomat`, `the ministry`.
    Description,
    /// `a source`, `officials`, `people familiar with the matter`.
    Anonymous,
}

/// One source of a draft: a person (or organisation, or unnamed source) and
/// every place the draft mentions them.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The full name, or the words as written when the draft never names
    /// the source (`the spokesperson`, `a source`).
    pub name: String,
    pub kind: SourceKind,
    /// Titles and appositives as written: `Gov.`, `a spokesperson for the
    /// foreign ministry`.
    pub descriptions: Vec<String>,
    /// Every mention in document order: full names (without titles),
    /// surnames, and the pronouns and descriptions that attribute quotes.
    pub mentions: Vec<Mention>,
    /// Indices into `Analysis::quotes` of the quotes attributed to them.
    pub quotes: Vec<usize>,
}

/// Where a speaker is mentioned, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub form: MentionForm,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub text: String,
}

/// A name of a law, bill, provision or a legal citation in the draft.
#[derive(Clone, Debug, PartialEq)]
pub struct LawMention {
    pub span: Span,
    pub text: String,
    /// The knowledge-base entry it names, when known.
    pub id: Option<LawId>,
    /// The entry's canonical title, or `None` for an unknown law-shaped name.
    pub title: Option<String>,
    /// A short status line from the entry: `enacted 2022-08-09`.
    pub status: Option<String>,
}

impl LawMention {
    /// The key under which mentions of the same law are gathered across
    /// drafts: the entry id when known, else the name as written with case
    /// and spacing folded.
    pub fn key(&self) -> String {
        match &self.id {
            Some(id) => id.as_str().to_string(),
            None => format!(
                "unknown:{}",
                self.text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            ),
        }
    }
}

/// Read the word and name lists the analysis uses, which it otherwise does
/// on first use: a server calls this on a spare thread while it starts.
pub fn prepare() {
    quotes::prepare();
}

/// Analyse one draft. The same call serves the editor and the command line,
/// so both report the same findings.
pub fn analyze(text: &str, config: &Config, kb: &Kb) -> Analysis {
    analyze_reusing(text, config, kb, &mut Reuse::none())
}

/// Analyse a draft again after an edit, reusing the work `reuse` kept from
/// its previous analysis for every block of prose the edit left alone, and
/// keeping this analysis's work for the next. The result is what `analyze`
/// gives for `text`.
pub fn analyze_reusing(text: &str, config: &Config, kb: &Kb, reuse: &mut Reuse) -> Analysis {
    let mut analysis = analyze_mentions(text, config, kb, reuse);
    let mut findings = quotes::quote_findings(text, &analysis.quotes, &analysis.speakers, config);
    findings.extend(laws::law_findings(text, &analysis.laws, kb, config));
    findings.sort_by_key(|f| (f.span.start, f.span.end));
    analysis.findings = findings;
    analysis
}

/// The quotes, speakers and laws of a draft, without the findings: what
/// the workspace index keeps of a draft nobody has open, at less cost.
pub fn analyze_mentions(text: &str, config: &Config, kb: &Kb, reuse: &mut Reuse) -> Analysis {
    reuse.start(config, kb);
    // The Markdown of a draft analysed again is parsed only around the
    // edit; a draft analysed once is parsed the plain way.
    let kept_regions = reuse.regions(text);
    let parsed;
    let regions: &[crate::markdown::Block] = match &kept_regions {
        Some(kept) => &kept.blocks,
        None => {
            parsed = crate::markdown::prose_regions(text);
            &parsed
        }
    };
    let edit = reuse.edit();
    let (blocks, segments) = (&mut reuse.blocks, &mut reuse.segments);
    // Quotes are read by the paragraphs the writer meant: a story pasted
    // with one paragraph per line has them at its line breaks.
    let paragraphs = crate::markdown::line_paragraphs(text, regions);
    let paragraphs = paragraphs.as_deref().unwrap_or(regions);
    let mut find_quotes = || quotes::find_quotes_reusing(text, paragraphs, config, blocks, edit);
    let mut find_laws = || {
        let found: Vec<(usize, std::sync::Arc<laws::SegmentLaws>)> = regions
            .iter()
            .flat_map(|b| &b.segments)
            .map(|&segment| {
                let was_at = edit.and_then(|e| e.old_start(segment.start, segment.end));
                let (work, origin) =
                    segments.get(segment.slice(text), &[], segment.start, was_at, || {
                        laws::segment_laws(text, segment, kb)
                    });
                (origin, work)
            })
            .collect();
        laws::bind_laws(text, regions, kb, found)
    };
    // Quotes and laws are found independently: in a long draft, side by
    // side on the one pool of worker threads.
    let ((quotes, speakers), laws) = if text.len() >= SIDE_BY_SIDE {
        rayon::join(find_quotes, find_laws)
    } else {
        (find_quotes(), find_laws())
    };
    reuse.finish(text, kept_regions);
    Analysis {
        quotes,
        speakers,
        laws,
        findings: Vec::new(),
    }
}

/// From this many bytes, a draft's quotes and laws are found on two
/// threads: below it, starting a thread costs more than it saves.
const SIDE_BY_SIDE: usize = 256 * 1024;

impl Analysis {
    /// The quote whose span touches `offset`.
    pub fn quote_at(&self, offset: usize) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.span.touches(offset))
    }

    /// The speaker mentioned at `offset`, with the mention.
    pub fn speaker_at(&self, offset: usize) -> Option<(&Speaker, &Mention)> {
        self.speakers.iter().find_map(|speaker| {
            speaker
                .mentions
                .iter()
                .find(|m| m.span.touches(offset))
                .map(|m| (speaker, m))
        })
    }

    /// The law mention whose span touches `offset`.
    pub fn law_at(&self, offset: usize) -> Option<&LawMention> {
        self.laws.iter().find(|l| l.span.touches(offset))
    }
}
