//! The identity answer key (`data/eval/identity-key.jsonl`) and how a name
//! copydesk gives is matched against it.

use serde::Deserialize;

#[derive(Deserialize)]
pub struct ArticleKey {
    pub id: String,
    pub identities: Vec<Identity>,
    pub quotes: Vec<KeyedQuote>,
}

#[derive(Deserialize)]
pub struct Identity {
    pub key: String,
    /// person, organisation, group, anonymous or other.
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub descriptions: Vec<String>,
}

#[derive(Deserialize)]
pub struct KeyedQuote {
    /// Code-point offsets of the quote in the article, as in the corpus.
    pub start: usize,
    pub end: usize,
    pub who: String,
}

/// Every person, organisation, group and place an article names
/// (`data/eval/names-key.jsonl`).
#[derive(Deserialize)]
pub struct ArticleNames {
    pub id: String,
    pub names: Vec<NamedEntity>,
}

#[derive(Deserialize)]
pub struct NamedEntity {
    pub name: String,
    /// person, organisation, group or place.
    pub kind: String,
    #[serde(default)]
    pub forms: Vec<String>,
}

impl ArticleNames {
    /// Whether `name` is a person, organisation or group the article
    /// names, in any of its forms.
    pub fn names_a_source(&self, name: &str) -> bool {
        let wanted = fold(name);
        self.names.iter().filter(|n| n.kind != "place").any(|n| {
            std::iter::once(&n.name)
                .chain(&n.forms)
                .any(|form| fold(form) == wanted)
        })
    }
}

/// One deletion of the orphan set (`data/eval/orphans.jsonl`).
#[derive(Deserialize)]
pub struct Orphan {
    pub id: String,
    pub start: usize,
    pub end: usize,
    /// The comma inside the quote, which becomes a period.
    pub comma: usize,
    /// What goes: from the closing mark's end to the paragraph's end.
    pub cut: (usize, usize),
}

impl Orphan {
    /// The article with the attribution clause deleted.
    pub fn apply(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out: String = chars[..self.comma].iter().collect();
        out.push('.');
        out.extend(&chars[self.comma + 1..self.cut.0]);
        out.extend(&chars[self.cut.1..]);
        out
    }
}

/// Titles that may lead a name as written and are not part of it.
const TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "miss",
    "dr.",
    "sen.",
    "senator",
    "rep.",
    "gov.",
    "governor",
    "gen.",
    "president",
    "president-elect",
    "vice",
    "secretary",
    "mayor",
    "rev.",
    "lt.",
    "col.",
    "prof.",
    "judge",
    "justice",
    "former",
    "the",
    "speaker",
    "attorney",
    "general",
    "state",
    "gop",
    "democratic",
    "republican",
];

/// A name with the accents of Latin letters taken off, composed or
/// decomposed alike (the corpus writes some names with combining marks):
/// `Peña`, `Peña` and `Pena` compare equal.
fn without_accents(name: &str) -> String {
    const FROM: &str = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ";
    const TO: &str = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYyy";
    if name.is_ascii() {
        return name.to_string();
    }
    name.chars()
        .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
        .map(|c| {
            FROM.chars()
                .position(|f| f == c)
                .and_then(|i| TO.chars().nth(i))
                .unwrap_or(c)
        })
        .collect()
}

/// A name folded for comparison: lower case, one kind of apostrophe, no
/// possessive, no leading titles or article, no nickname in quotation marks
/// inside it (`Juan "Chico" Manriquez` is `Juan Manriquez`), single spaces.
pub fn fold(name: &str) -> String {
    let lowered = without_accents(name)
        .replace('\u{a0}', " ")
        .replace('\u{ad}', "")
        .to_lowercase()
        .replace(['’', '‘', '`'], "'")
        .replace(['“', '”'], "\"");
    let all: Vec<&str> = lowered.split_whitespace().collect();
    let nickname = |i: usize, w: &str| {
        i > 0 && i + 1 < all.len() && w.len() > 2 && w.starts_with('"') && w.ends_with('"')
    };
    let kept: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|&(i, w)| !nickname(i, w))
        .map(|(_, w)| w.replace('"', ""))
        .collect();
    let mut words: Vec<&str> = kept
        .iter()
        .map(String::as_str)
        .map(|w| w.trim_matches(|c: char| c == ',' || c == ':' || c == ';'))
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && TITLES.contains(&words[0]) {
        words.remove(0);
    }
    let mut joined = words.join(" ");
    for suffix in ["'s", "'"] {
        if let Some(stripped) = joined.strip_suffix(suffix) {
            joined = stripped.to_string();
            break;
        }
    }
    joined
}

impl ArticleKey {
    /// The identity with key `who`.
    pub fn identity(&self, who: &str) -> Option<&Identity> {
        self.identities.iter().find(|i| i.key == who)
    }

    /// Which identities of the article a name copydesk gives could mean:
    /// those with that name among their names (or, for an identity the
    /// article never names, among its descriptions).
    pub fn identities_named(&self, name: &str) -> Vec<&Identity> {
        let wanted = fold(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        self.identities
            .iter()
            .filter(|i| {
                let names = std::iter::once(&i.name).chain(&i.names);
                let by_name = names.clone().any(|n| fold(n) == wanted);
                let described = (i.names.is_empty() || i.kind != "person")
                    && i.descriptions.iter().any(|d| fold(d) == wanted);
                by_name || described
            })
            .collect()
    }
}
