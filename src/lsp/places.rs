//! Locations across the workspace, as references answers them: draft by
//! draft, each draft's URI held once rather than once per location, and
//! written as JSON straight from there. The most-named law of a large desk
//! has tens of thousands of mentions; a `Location` apiece, each then turned
//! into a `serde_json::Value`, took most of the time of the answer.

use std::sync::Arc;

use tower_lsp_server::ls_types::{Location, Range, Uri};

/// Ranges in drafts, in the order they were added, each with what the
/// caller keeps beside it (how a speaker was named, for renaming).
#[derive(Clone, Debug)]
pub struct Places<X = ()> {
    /// Each draft's URI, as a string: drafts keep theirs so (see
    /// `DraftSummary::address`), and an answer copies a pointer.
    uris: Vec<Arc<str>>,
    /// Which of `uris`, where, and the caller's extra.
    at: Vec<(usize, Range, X)>,
}

impl<X> Default for Places<X> {
    fn default() -> Self {
        Places {
            uris: Vec::new(),
            at: Vec::new(),
        }
    }
}

impl<X> Places<X> {
    /// Start a draft: the ranges pushed next are in `uri`.
    pub fn draft(&mut self, uri: Arc<str>) {
        self.uris.push(uri);
    }

    /// A range in the draft started last.
    ///
    /// # Panics
    /// When no draft was started.
    pub fn push(&mut self, range: Range, extra: X) {
        assert!(!self.uris.is_empty(), "a place is pushed into a draft");
        self.at.push((self.uris.len() - 1, range, extra));
    }

    /// How many places there are: the number the next one pushed gets.
    pub fn count(&self) -> usize {
        self.at.len()
    }

    /// Drop the places numbered `dropped` (in the order they were added,
    /// ascending), keeping the rest in order.
    pub fn drop_places(&mut self, dropped: &[usize]) {
        let mut dropped = dropped.iter().peekable();
        let mut n = 0;
        self.at.retain(|_| {
            let keep = dropped.next_if_eq(&&n).is_none();
            n += 1;
            keep
        });
    }

    /// The same places without what the caller kept beside them.
    pub fn without_extras(self) -> Places {
        Places {
            uris: self.uris,
            at: self
                .at
                .into_iter()
                .map(|(uri, range, _)| (uri, range, ()))
                .collect(),
        }
    }

    /// Every place as a protocol location, with its extra. A URI that does
    /// not parse (each came from a parsed `Uri`) leaves its draft out.
    pub fn into_locations(self) -> impl Iterator<Item = (Location, X)> {
        let uris: Vec<Option<Uri>> = self.uris.iter().map(|uri| uri.parse().ok()).collect();
        self.at.into_iter().filter_map(move |(uri, range, extra)| {
            Some((Location::new(uris[uri].clone()?, range), extra))
        })
    }

    /// Append the places to `out` as a JSON array of `Location`s, the
    /// same JSON that encoding `into_locations` with serde gives.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        // Each location is its URI and about a hundred bytes more: room
        // for all of them, so a large answer is not copied as it grows.
        out.reserve(
            self.at
                .iter()
                .map(|(uri, _, _)| self.uris[*uri].len() + 100)
                .sum(),
        );
        out.push(b'[');
        let mut current = None;
        // `{"uri":"...","range":` for the current draft.
        let mut opening = Vec::new();
        for (n, (uri, range, _)) in self.at.iter().enumerate() {
            if current != Some(*uri) {
                current = Some(*uri);
                opening.clear();
                opening.extend_from_slice(b"{\"uri\":");
                serde_json::to_writer(&mut opening, &*self.uris[*uri])
                    .expect("a string encodes into memory");
                opening.extend_from_slice(b",\"range\":");
            }
            if n > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&opening);
            write_range(out, range);
            out.push(b'}');
        }
        out.push(b']');
    }
}

fn write_range(out: &mut Vec<u8>, range: &Range) {
    let mut number = itoa::Buffer::new();
    out.extend_from_slice(b"{\"start\":{\"line\":");
    out.extend_from_slice(number.format(range.start.line).as_bytes());
    out.extend_from_slice(b",\"character\":");
    out.extend_from_slice(number.format(range.start.character).as_bytes());
    out.extend_from_slice(b"},\"end\":{\"line\":");
    out.extend_from_slice(number.format(range.end.line).as_bytes());
    out.extend_from_slice(b",\"character\":");
    out.extend_from_slice(number.format(range.end.character).as_bytes());
    out.extend_from_slice(b"}}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::Position;

    fn range(line: u32, start: u32, end: u32) -> Range {
        Range::new(Position::new(line, start), Position::new(line, end))
    }

    #[test]
    fn the_json_is_what_serde_makes_of_the_locations() {
        let mut places = Places::default();
        places.draft("file:///desk/a%20b.md".into());
        places.push(range(0, 4, 27), ());
        places.push(range(u32::MAX, 0, 4_000_000_000), ());
        // A draft with nothing in it adds nothing.
        places.draft("file:///desk/empty.md".into());
        places.draft("untitled:Untitled-1".into());
        places.push(range(12, 9, 10), ());
        places.draft("file:///desk/%22quoted%22%5C.md".into());
        places.push(range(3, 1, 2), ());

        let mut ours = Vec::new();
        places.write_json(&mut ours);
        let locations: Vec<Location> = places.clone().into_locations().map(|(l, _)| l).collect();
        assert_eq!(locations.len(), 4);
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string(&locations).unwrap()
        );
    }

    #[test]
    fn no_places_are_an_empty_array() {
        let mut out = Vec::new();
        Places::<()>::default().write_json(&mut out);
        assert_eq!(out, b"[]");
    }

    #[test]
    fn dropped_places_go_and_the_rest_keep_their_order() {
        let mut places = Places::default();
        places.draft("file:///a.md".into());
        for line in 0..6 {
            places.push(range(line, 0, 1), ());
        }
        assert_eq!(places.count(), 6);
        places.drop_places(&[0, 3, 4]);
        let lines: Vec<u32> = places
            .into_locations()
            .map(|(l, ())| l.range.start.line)
            .collect();
        assert_eq!(lines, [1, 2, 5]);
    }

    #[test]
    fn extras_stay_with_their_places() {
        let mut places = Places::default();
        places.draft("file:///a.md".into());
        places.push(range(1, 0, 1), 'a');
        places.draft("file:///b.md".into());
        places.push(range(2, 0, 1), 'b');
        places.push(range(3, 0, 1), 'c');
        let found: Vec<(String, u32, char)> = places
            .into_locations()
            .map(|(l, x)| (l.uri.to_string(), l.range.start.line, x))
            .collect();
        assert_eq!(
            found,
            vec![
                ("file:///a.md".into(), 1, 'a'),
                ("file:///b.md".into(), 2, 'b'),
                ("file:///b.md".into(), 3, 'c'),
            ]
        );
    }
}
