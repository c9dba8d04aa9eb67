//! The workspace-wide queries on the state: where a law or a speaker is
//! mentioned across every draft, open or not, and the laws and speakers
//! whose names match a search.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use tower_lsp_server::ls_types::{Location, SymbolKind, Uri};

use super::{file_path, State};
use crate::analysis::MentionForm;
use crate::lsp::convert::to_range;
use crate::lsp::documents::Document;
use crate::lsp::places::Places;
use crate::workspace::{Claim, DraftSummary};

/// An answer's places, with those that came from closed drafts' summaries
/// not checked moments ago set apart: they are checked against the drafts'
/// files before the answer goes out (`lsp::verified`).
pub struct Found<X = ()> {
    pub places: Places<X>,
    pub claimed: Vec<Claimed>,
}

/// The places in an answer of one draft nobody has open: its summary, and
/// each place's number in the answer with what the summary claims.
pub struct Claimed {
    pub summary: Arc<DraftSummary>,
    pub places: Vec<(usize, Claim)>,
}

/// Sets apart the places of closed drafts as an answer is made: the index
/// yields them draft by draft, so whether a draft is open is asked once.
/// A draft whose places were found to hold in its file moments ago
/// (`workspace::FRESH`) is taken as it is, like an open one.
struct Claims<'a> {
    claimed: Vec<Claimed>,
    last: Option<(&'a Arc<DraftSummary>, bool)>,
    now: Instant,
}

impl<'a> Claims<'a> {
    fn new() -> Claims<'a> {
        Claims {
            claimed: Vec::new(),
            last: None,
            now: Instant::now(),
        }
    }

    /// Note that place `at` of the answer, in `draft`, claims `claim`.
    fn note(
        &mut self,
        open: &HashMap<PathBuf, Uri>,
        draft: &'a Arc<DraftSummary>,
        at: usize,
        claim: Claim,
    ) {
        let unsure = match self.last {
            Some((last, unsure)) if Arc::ptr_eq(last, draft) => unsure,
            _ => {
                // Freshness first: it is one load, the path a hash.
                let unsure = !draft.verified.is_fresh(self.now) && !open.contains_key(&draft.path);
                if unsure {
                    self.claimed.push(Claimed {
                        summary: draft.clone(),
                        places: Vec::new(),
                    });
                }
                self.last = Some((draft, unsure));
                unsure
            }
        };
        if let (true, Some(claimed)) = (unsure, self.claimed.last_mut()) {
            claimed.places.push((at, claim));
        }
    }
}

impl State {
    /// Every mention of the law under `key` in the workspace, open or not,
    /// plus those in `doc` when it is not a file the index can hold.
    pub fn law_locations(&self, key: &str, uri: &Uri, doc: &Document) -> Found {
        let encoding = self.settings().encoding;
        let mut places = Places::default();
        if file_path(uri).is_none() {
            let positions = doc.positions(encoding);
            places.draft(uri.as_str().into());
            for law in doc.analysis.laws.iter().filter(|law| law.key() == key) {
                places.push(positions.range(law.span), ());
            }
        }
        let open = self.lock_index();
        let index = &open.index;
        let mut draft = None;
        let mut claims = Claims::new();
        for found in index.mentions_of(key) {
            if !in_draft(&mut places, &mut draft, found.draft) {
                continue;
            }
            claims.note(&open.paths, found.draft, places.count(), found.law.claim());
            places.push(to_range(found.law.start, found.law.end), ());
        }
        Found {
            places,
            claimed: claims.claimed,
        }
    }

    /// Every mention of the speaker called `name` in the workspace, open or
    /// not, plus those in `doc` when it is not a file the index can hold;
    /// each with how the speaker was named there.
    pub fn speaker_locations(&self, name: &str, uri: &Uri, doc: &Document) -> Found<MentionForm> {
        let encoding = self.settings().encoding;
        let mut places = Places::default();
        if file_path(uri).is_none() {
            let positions = doc.positions(encoding);
            places.draft(uri.as_str().into());
            for speaker in doc.analysis.speakers.iter().filter(|s| s.name == name) {
                for mention in &speaker.mentions {
                    places.push(positions.range(mention.span), mention.form);
                }
            }
        }
        let open = self.lock_index();
        let index = &open.index;
        let mut draft = None;
        let mut claims = Claims::new();
        for (summary, mention) in index.speaker_mentions(name) {
            if !in_draft(&mut places, &mut draft, summary) {
                continue;
            }
            claims.note(&open.paths, summary, places.count(), mention.claim());
            places.push(to_range(mention.start, mention.end), mention.form);
        }
        Found {
            places,
            claimed: claims.claimed,
        }
    }

    /// How many drafts of the workspace mention the law under `key`.
    pub fn drafts_mentioning(&self, key: &str) -> usize {
        let open = self.lock_index();
        let mut paths: Vec<&std::path::Path> = open
            .index
            .mentions_of(key)
            .map(|m| m.draft.path.as_path())
            .collect();
        paths.dedup();
        paths.len()
    }

    /// How many quotes the workspace attributes to `name`, in how many drafts.
    pub fn speaker_quotes(&self, name: &str) -> (usize, usize) {
        self.lock_index().index.speaker_quotes(name)
    }

    /// The speakers, then the laws, named across the workspace whose names
    /// contain `query`, each with its first mention.
    pub fn symbols_matching(&self, query: &str) -> Vec<Symbol> {
        let open = self.lock_index();
        let first = |draft: &Arc<DraftSummary>, claim: Claim| {
            let uri = match open.paths.get(&draft.path) {
                Some(uri) => uri.clone(),
                None => Uri::from_file_path(&draft.path)?,
            };
            let closed = !open.paths.contains_key(&draft.path);
            let location = Location::new(uri, to_range(claim.start, claim.end));
            Some((location, closed.then(|| (draft.clone(), claim))))
        };
        let speakers =
            open.index
                .speakers_matching(query)
                .into_iter()
                .filter_map(|(draft, speaker)| {
                    let (location, claimed) = first(draft, speaker.mentions.first()?.claim())?;
                    let quotes = speaker.quotes;
                    Some(Symbol {
                        name: speaker.name.clone(),
                        kind: SymbolKind::OBJECT,
                        detail: format!("{quotes} quote{}", if quotes == 1 { "" } else { "s" }),
                        location,
                        claimed,
                    })
                });
        let laws = open
            .index
            .laws_matching(query)
            .into_iter()
            .filter_map(|law| {
                let (draft, mention) = law.first;
                let (location, claimed) = first(draft, mention.claim())?;
                let detail = match (law.mentions, law.drafts) {
                    (1, _) => "1 mention".to_string(),
                    (n, 1) => format!("{n} mentions in 1 draft"),
                    (n, d) => format!("{n} mentions in {d} drafts"),
                };
                Some(Symbol {
                    name: law.name.to_string(),
                    kind: SymbolKind::MODULE,
                    detail,
                    location,
                    claimed,
                })
            });
        speakers.chain(laws).collect()
    }
}

/// A speaker or law named in the workspace, as a workspace symbol: where it
/// is first named, and, when that is in a closed draft, the draft's summary
/// and what it claims is there (checked before the symbol goes out).
pub struct Symbol {
    pub name: String,
    pub kind: SymbolKind,
    /// How many quotes or mentions.
    pub detail: String,
    pub location: Location,
    pub claimed: Option<(Arc<DraftSummary>, Claim)>,
}

/// Whether mentions in `draft` go into `places`: the index yields mentions
/// draft by draft, so `last` (the draft before, and whether it went in)
/// saves asking for every mention. A draft starts in `places` the first
/// time; one whose URI cannot be made is left out.
fn in_draft<'a, X>(
    places: &mut Places<X>,
    last: &mut Option<(&'a DraftSummary, bool)>,
    draft: &'a DraftSummary,
) -> bool {
    if let Some((last, kept)) = *last {
        if std::ptr::eq(last, draft) {
            return kept;
        }
    }
    let address = address_of(draft);
    let kept = address.is_some();
    if let Some(address) = address {
        places.draft(address);
    }
    *last = Some((draft, kept));
    kept
}

/// The URI `draft` is named by: the one it was opened under, or its
/// `file:` URI, made the first time it is asked for.
fn address_of(draft: &DraftSummary) -> Option<Arc<str>> {
    if let Some(address) = draft.address.get() {
        return Some(address.clone());
    }
    let address: Arc<str> = Uri::from_file_path(&draft.path)?.as_str().into();
    Some(draft.address.get_or_init(|| address).clone())
}
