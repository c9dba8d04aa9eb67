//! The workspace-wide queries on the state: where a law or a speaker is
//! mentioned across every draft, open or not, and the laws and speakers
//! whose names match a search.

use std::collections::HashMap;
use std::path::PathBuf;

use tower_lsp_server::ls_types::{Location, Uri};

use super::{file_path, Open, State};
use crate::analysis::MentionForm;
use crate::lsp::convert::to_range;
use crate::lsp::documents::Document;

impl State {
    /// Every mention of the law under `key` in the workspace, open or not,
    /// plus those in `doc` when it is not a file the index can hold.
    pub fn law_locations(&self, key: &str, uri: &Uri, doc: &Document) -> Vec<Location> {
        let encoding = self.settings().encoding;
        let mut locations = Vec::new();
        if file_path(uri).is_none() {
            let positions = doc.positions(encoding);
            locations.extend(
                doc.analysis
                    .laws
                    .iter()
                    .filter(|law| law.key() == key)
                    .map(|law| Location::new(uri.clone(), positions.range(law.span))),
            );
        }
        let mut open = self.lock();
        let Open {
            index, paths, uris, ..
        } = &mut *open;
        for found in index.mentions_of(key) {
            if let Some(uri) = uri_of(paths, uris, found.path) {
                locations.push(Location::new(uri, to_range(found.law.start, found.law.end)));
            }
        }
        locations
    }

    /// Every mention of the speaker called `name` in the workspace, open or
    /// not, plus those in `doc` when it is not a file the index can hold.
    pub fn speaker_locations(
        &self,
        name: &str,
        uri: &Uri,
        doc: &Document,
    ) -> Vec<(Location, MentionForm)> {
        let encoding = self.settings().encoding;
        let mut locations = Vec::new();
        if file_path(uri).is_none() {
            let positions = doc.positions(encoding);
            for speaker in doc.analysis.speakers.iter().filter(|s| s.name == name) {
                locations.extend(
                    speaker
                        .mentions
                        .iter()
                        .map(|m| (Location::new(uri.clone(), positions.range(m.span)), m.form)),
                );
            }
        }
        let mut open = self.lock();
        let Open {
            index, paths, uris, ..
        } = &mut *open;
        for (path, mention) in index.speaker_mentions(name) {
            if let Some(uri) = uri_of(paths, uris, path) {
                locations.push((
                    Location::new(uri, to_range(mention.start, mention.end)),
                    mention.form,
                ));
            }
        }
        locations
    }

    /// How many drafts of the workspace mention the law under `key`.
    pub fn drafts_mentioning(&self, key: &str) -> usize {
        let open = self.lock();
        let mut paths: Vec<&std::path::Path> =
            open.index.mentions_of(key).map(|m| m.path).collect();
        paths.dedup();
        paths.len()
    }

    /// How many quotes the workspace attributes to `name`, in how many drafts.
    pub fn speaker_quotes(&self, name: &str) -> (usize, usize) {
        self.lock().index.speaker_quotes(name)
    }

    /// Speakers across the workspace whose names contain `query`: the name,
    /// how many quotes, and where they are first mentioned.
    pub fn speakers_matching(&self, query: &str) -> Vec<(String, usize, Location)> {
        let open = self.lock();
        open.index
            .speakers_matching(query)
            .into_iter()
            .filter_map(|(path, speaker)| {
                let first = speaker.mentions.first()?;
                let uri = match open.paths.get(path) {
                    Some(uri) => uri.clone(),
                    None => Uri::from_file_path(path)?,
                };
                Some((
                    speaker.name.clone(),
                    speaker.quotes,
                    Location::new(uri, to_range(first.start, first.end)),
                ))
            })
            .collect()
    }

    /// Laws named in the workspace whose names contain `query`: the name,
    /// a line on how often they are named, and their first mention.
    pub fn laws_matching(&self, query: &str) -> Vec<(String, String, Location)> {
        let open = self.lock();
        open.index
            .laws_matching(query)
            .into_iter()
            .filter_map(|law| {
                let (path, first) = law.first;
                let uri = match open.paths.get(path) {
                    Some(uri) => uri.clone(),
                    None => Uri::from_file_path(path)?,
                };
                let count = match (law.mentions, law.drafts) {
                    (1, _) => "1 mention".to_string(),
                    (n, 1) => format!("{n} mentions in 1 draft"),
                    (n, d) => format!("{n} mentions in {d} drafts"),
                };
                Some((
                    law.name.to_string(),
                    count,
                    Location::new(uri, to_range(first.start, first.end)),
                ))
            })
            .collect()
    }
}

/// The URI of the draft at `path`: the one it was opened under, or its
/// `file:` URI, made once.
fn uri_of(
    opened: &HashMap<PathBuf, Uri>,
    made: &mut HashMap<PathBuf, Uri>,
    path: &std::path::Path,
) -> Option<Uri> {
    if let Some(uri) = opened.get(path) {
        return Some(uri.clone());
    }
    if let Some(uri) = made.get(path) {
        return Some(uri.clone());
    }
    let uri = Uri::from_file_path(path)?;
    made.insert(path.to_path_buf(), uri.clone());
    Some(uri)
}
