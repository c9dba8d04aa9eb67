//! Tagging each word of a block once with what it can be: a given or
//! family name, a place, a title, a verb of saying, a pronoun, a sentence
//! opener. Finding names, speakers and cues then reads the tags instead of
//! asking the word lists again at every step.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::datelines::{mark_dateline, mark_state_abbreviations};
use super::lexicon::{
    self, ADVERBS, CALENDAR, CLAUSE_WORDS, CONNECTORS, DETERMINERS, FUNCTION_WORDS, NOT_MODIFIERS,
    OBJECT_VERBS, ORGANISATION_WORDS, PRONOUNS, SUBORDINATORS, SUFFIXES, TITLES,
};
use super::names::{self, Gender};
use super::nouns::{
    person_by_ending, ANONYMOUS_HEADS, DOCUMENT_NOUNS, GROUP_HEADS, ORG_NOUNS, PERSON_NOUNS,
    REGION_ADJECTIVES,
};
use super::words::Token;
use crate::hashing::QuickBuild;

/// What a word can be, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tags(u64);

impl Tags {
    /// Starts with a capital letter.
    pub const CAPITAL: Tags = Tags(1);
    /// Two letters or more, all capitals: `SEOUL`, `FBI`.
    pub const ALL_CAPS: Tags = Tags(1 << 1);
    /// The first word of its sentence.
    pub const SENTENCE_START: Tags = Tags(1 << 2);
    /// A given name (when capitalised); `MALE` or `FEMALE` when the name is
    /// mostly given to one.
    pub const GIVEN: Tags = Tags(1 << 3);
    pub const MALE: Tags = Tags(1 << 4);
    pub const FEMALE: Tags = Tags(1 << 5);
    /// A family name (when capitalised).
    pub const FAMILY: Tags = Tags(1 << 6);
    /// A family name of a culture that writes it first: `Wang`, `Kim`.
    pub const FAMILY_FIRST: Tags = Tags(1 << 7);
    /// A country, state, city or region of one word.
    pub const PLACE: Tags = Tags(1 << 8);
    /// A country's adjective: `Chinese`.
    pub const DEMONYM: Tags = Tags(1 << 9);
    /// A name that is also a common word: `Will`, `Young`.
    pub const COMMON: Tags = Tags(1 << 10);
    /// A title or role before a name: `Sen.`, `President`, `spokesperson`.
    pub const TITLE: Tags = Tags(1 << 11);
    /// A verb of saying.
    pub const CUE: Tags = Tags(1 << 12);
    /// `he`, `she`, `they`, `we`, `I`, `it`.
    pub const PRONOUN: Tags = Tags(1 << 13);
    pub const DETERMINER: Tags = Tags(1 << 14);
    /// A weekday or month.
    pub const CALENDAR: Tags = Tags(1 << 15);
    /// A capitalised word that starts sentences but is no name: `The`,
    /// `However`.
    pub const FUNCTION: Tags = Tags(1 << 16);
    /// A particle inside a name: `de`, `van`, `bin`.
    pub const CONNECTOR: Tags = Tags(1 << 17);
    /// `Jr.`, `III`.
    pub const SUFFIX: Tags = Tags(1 << 18);
    /// One capital letter and a period: `J.`
    pub const INITIAL: Tags = Tags(1 << 19);
    /// Ends in `'s` or `s'`.
    pub const POSSESSIVE: Tags = Tags(1 << 20);
    /// The head of an anonymous source: `source`, `officials`.
    pub const ANONYMOUS: Tags = Tags(1 << 21);
    /// A plural of people: `protesters`, `Democrats`, `voters`.
    pub const GROUP: Tags = Tags(1 << 22);
    /// The last word of an organisation's or place's name: `Ministry`.
    pub const ORGANISATION: Tags = Tags(1 << 23);
    /// Between a speaker and the verb: `also`, `has`.
    pub const ADVERB: Tags = Tags(1 << 24);
    /// Opens a clause: `that`, `who`, `which`.
    pub const CLAUSE: Tags = Tags(1 << 25);
    /// A noun for a person: `spokesperson`, `lawyer`, `candidate`.
    pub const PERSON_NOUN: Tags = Tags(1 << 26);
    /// A word of a dateline: `SEOUL (AP) —`.
    pub const DATELINE: Tags = Tags(1 << 27);
    /// A sentence opener that is not a name: `Noting`, `Even`, `Following`.
    pub const OPENER: Tags = Tags(1 << 28);
    /// A word that cannot sit in the words before a name: `in`, `that`.
    pub const NOT_MODIFIER: Tags = Tags(1 << 29);
    /// A verb of saying whose next noun phrase is its object: `called`.
    pub const OBJECT_VERB: Tags = Tags(1 << 30);
    /// Opens a clause before a sentence's subject: `when`, `after`.
    pub const SUBORDINATOR: Tags = Tags(1 << 31);
    /// A noun that can head the description of a speaker: a person, an
    /// organisation, a group, a source or a document (`spokesperson`,
    /// `ministry`, `protesters`, `memo`).
    pub const SPEAKS: Tags = Tags(1 << 32);
    /// The first word of a place of several words: `South`, `New`.
    pub const PLACE_START: Tags = Tags(1 << 33);

    pub const NONE: Tags = Tags(0);

    pub const fn has(self, other: Tags) -> bool {
        self.0 & other.0 != 0
    }

    pub const fn with(self, other: Tags) -> Tags {
        Tags(self.0 | other.0)
    }

    pub const fn without(self, other: Tags) -> Tags {
        Tags(self.0 & !other.0)
    }

    /// The gender a name's word suggests, when it suggests one.
    pub fn gender(self) -> Option<Gender> {
        match (self.has(Tags::MALE), self.has(Tags::FEMALE)) {
            (true, false) => Some(Gender::Male),
            (false, true) => Some(Gender::Female),
            _ => None,
        }
    }

    /// Whether the name lists know the word as part of a person's name.
    pub fn name_like(self) -> bool {
        self.has(Tags::GIVEN.with(Tags::FAMILY))
    }
}

/// The tags of the closed word lists, by the word in lower case: those a
/// word always has, and those it has only with a capital (`The` is a
/// function word, `Ministry` an organisation's).
static CLOSED: LazyLock<HashMap<Box<str>, (Tags, Tags), QuickBuild>> = LazyLock::new(|| {
    type Table = HashMap<Box<str>, (Tags, Tags), QuickBuild>;
    let mut table: Table = HashMap::default();
    fn entry<'t>(table: &'t mut Table, word: &str) -> &'t mut (Tags, Tags) {
        if !table.contains_key(word) {
            table.insert(word.into(), Default::default());
        }
        table.get_mut(word).expect("just inserted")
    }
    fn add_to(table: &mut Table, words: &mut dyn Iterator<Item = &'static str>, tag: Tags) {
        for word in words {
            let entry = entry(table, word);
            entry.0 = entry.0.with(tag);
        }
    }
    macro_rules! add {
        ($words:expr, $tag:expr $(,)?) => {
            add_to(&mut table, $words, $tag)
        };
    }
    add!(&mut PRONOUNS.iter().copied(), Tags::PRONOUN);
    add!(&mut DETERMINERS.iter().copied(), Tags::DETERMINER);
    add!(&mut ADVERBS.iter().copied(), Tags::ADVERB);
    add!(&mut CLAUSE_WORDS.iter().copied(), Tags::CLAUSE);
    add!(&mut ANONYMOUS_HEADS.iter().copied(), Tags::ANONYMOUS);
    add!(&mut GROUP_HEADS.iter().copied(), Tags::GROUP);
    add!(&mut PERSON_NOUNS.iter().copied(), Tags::PERSON_NOUN);
    add!(&mut CONNECTORS.iter().copied(), Tags::CONNECTOR);
    add!(&mut SUFFIXES.iter().copied(), Tags::SUFFIX);
    add!(&mut TITLES.iter().map(|&(title, _)| title), Tags::TITLE);
    add!(&mut NOT_MODIFIERS.iter().copied(), Tags::NOT_MODIFIER);
    add!(&mut OBJECT_VERBS.iter().copied(), Tags::OBJECT_VERB);
    add!(&mut SUBORDINATORS.iter().copied(), Tags::SUBORDINATOR);
    add!(&mut super::cues::verbs(), Tags::CUE);
    for list in [
        &PERSON_NOUNS,
        &DOCUMENT_NOUNS,
        &ORG_NOUNS,
        &GROUP_HEADS,
        &ANONYMOUS_HEADS,
    ] {
        add!(&mut list.iter().copied(), Tags::SPEAKS);
    }
    add!(
        &mut TITLES
            .iter()
            .filter(|(_, role)| !role.is_empty())
            .map(|&(title, _)| title),
        Tags::SPEAKS,
    );
    // Plurals of the nouns that can speak speak too.
    let plurals: Vec<String> = table
        .iter()
        .filter(|(w, t)| t.0.has(Tags::SPEAKS) && !w.ends_with('s') && !w.ends_with('.'))
        .map(|(w, _)| format!("{w}s"))
        .collect();
    for plural in plurals {
        let entry = entry(&mut table, &plural);
        entry.0 = entry.0.with(Tags::SPEAKS);
    }
    // The capitalised lists, which count only with a capital.
    for (words, tag) in [
        (&FUNCTION_WORDS, Tags::FUNCTION),
        (&CALENDAR, Tags::CALENDAR),
        (&ORGANISATION_WORDS, Tags::ORGANISATION),
        (&REGION_ADJECTIVES, Tags::DEMONYM),
    ] {
        for word in words.iter() {
            let entry = entry(&mut table, &word.to_lowercase());
            entry.1 = entry.1.with(tag);
        }
    }
    table
});

/// The closed lists' words of up to eight bytes, each packed into an
/// integer: a lookup hashes one word and compares integers.
static CLOSED_SHORT: LazyLock<HashMap<u64, (Tags, Tags), QuickBuild>> = LazyLock::new(|| {
    CLOSED
        .iter()
        .filter_map(|(word, &tags)| Some((packed(word)?, tags)))
        .collect()
});

/// The tags the closed lists give a word in lower case: always, and with
/// a capital.
fn closed(word: &str) -> Option<(Tags, Tags)> {
    match packed(word) {
        Some(key) => CLOSED_SHORT.get(&key).copied(),
        None => CLOSED.get(word).copied(),
    }
}

/// A word of up to eight bytes as an integer (no word holds a zero byte,
/// so two words never pack alike).
pub fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.len() > 8 || bytes.is_empty() {
        return None;
    }
    let mut key = [0u8; 8];
    key[..bytes.len()].copy_from_slice(bytes);
    Some(u64::from_le_bytes(key))
}

/// Read every list tagging reads, so that the first draft does not wait.
pub fn prepare() {
    word_tags("Prepare");
    let _ = names::is_place_phrase("New York");
}

/// The tags of one word, without those that depend on where it stands.
pub fn word_tags(word: &str) -> Tags {
    let mut tags = Tags::NONE;
    let mut chars = word.chars();
    let first = chars.next();
    let capital = lexicon::starts_with_capital(word);
    if capital {
        tags = tags.with(Tags::CAPITAL);
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && !word.chars().any(char::is_lowercase) {
            tags = tags.with(Tags::ALL_CAPS);
        }
        if letters == 1 && word.len() == first.map_or(0, char::len_utf8) + 1 && word.ends_with('.')
        {
            tags = tags.with(Tags::INITIAL);
        }
    }
    let stem = names::strip_possessive(word);
    if stem.len() != word.len() {
        tags = tags.with(Tags::POSSESSIVE);
    }
    let mut buffer = [0u8; 32];
    let lowered = lower_on_stack(stem, &mut buffer);
    if CLOSED_SHAPES.may_hold(&lowered) {
        if let Some((always, capitalised)) = closed(&lowered) {
            tags = tags.with(always);
            if capital {
                tags = tags.with(capitalised);
            }
        }
    }
    if !tags.has(Tags::SPEAKS) && speaks(&lowered) {
        tags = tags.with(Tags::SPEAKS);
    }
    if capital {
        let known = names::known_folded(&lowered);
        if let Some(gender) = known.given {
            tags = tags.with(Tags::GIVEN).with(match gender {
                Gender::Male => Tags::MALE,
                Gender::Female => Tags::FEMALE,
                Gender::Either => Tags::NONE,
            });
        }
        if known.family {
            tags = tags.with(Tags::FAMILY);
        }
        if known.family_first.is_some() {
            tags = tags.with(Tags::FAMILY_FIRST);
        }
        if known.place {
            tags = tags.with(Tags::PLACE);
        }
        if known.demonym {
            tags = tags.with(Tags::DEMONYM);
        }
        if known.word {
            tags = tags.with(Tags::COMMON);
        }
        if known.place_start {
            tags = tags.with(Tags::PLACE_START);
        }
    }
    tags
}

/// Which (first byte, last byte, length) shapes the closed lists' words
/// have: most words of prose are turned away by a look at a bit, before
/// any hashing.
struct Shapes([u64; 32 * 32]);

impl Shapes {
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> Shapes {
        let mut shapes = Shapes([0; 32 * 32]);
        for word in words {
            if let Some((slot, bit)) = Shapes::place(word) {
                shapes.0[slot] |= bit;
            }
        }
        shapes
    }

    fn place(word: &str) -> Option<(usize, u64)> {
        let bytes = word.as_bytes();
        let (first, last) = (bytes.first()?, bytes.last()?);
        let slot = usize::from(first & 31) * 32 + usize::from(last & 31);
        Some((slot, 1u64 << bytes.len().min(63)))
    }

    fn may_hold(&self, word: &str) -> bool {
        Shapes::place(word).is_some_and(|(slot, bit)| self.0[slot] & bit != 0)
    }
}

static CLOSED_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(CLOSED.keys().map(|k| &**k)));

/// `word` in lower case, curly apostrophes made straight: in `buffer`
/// when it is short ASCII (bar the apostrophe), as most words are, so that
/// tagging allocates nothing for them.
fn lower_on_stack<'b>(word: &'b str, buffer: &'b mut [u8; 32]) -> std::borrow::Cow<'b, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return word.into();
    }
    let mut len = 0;
    let mut plain = word.len() <= buffer.len();
    if plain {
        for c in word.chars() {
            let b = match c {
                '’' | '‘' => b'\'',
                c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
                _ => {
                    plain = false;
                    break;
                }
            };
            buffer[len] = b;
            len += 1;
        }
    }
    if plain {
        if let Ok(lowered) = std::str::from_utf8(&buffer[..len]) {
            return lowered.into();
        }
    }
    word.to_lowercase().replace(['’', '‘'], "'").into()
}

/// Whether a lower-case word not on the lists can head a speaker's
/// description: a person by its ending (`organizer`, `activist`), an age
/// (`the 46-year-old`), or the plural of a word that can.
fn speaks(word: &str) -> bool {
    person_by_ending(word)
        || word.ends_with("-year-old")
        || word.strip_suffix('s').is_some_and(person_by_ending)
}

/// The tags of short words tagged lately on this thread: prose repeats its
/// words (`the`, `said`, a name), and a look here costs a multiplication
/// and a comparison where tagging a word costs two or three table probes.
/// A word's tags depend on nothing but the word, so what is kept here is
/// always right.
struct Recent {
    slots: Box<[(u64, Tags)]>,
}

const RECENT_SLOTS: usize = 4096;

thread_local! {
    static RECENT: std::cell::RefCell<Recent> = std::cell::RefCell::new(Recent {
        slots: vec![(0, Tags::NONE); RECENT_SLOTS].into_boxed_slice(),
    });
}

impl Recent {
    fn tags(&mut self, word: &str) -> Tags {
        let Some(key) = packed(word) else {
            return word_tags(word);
        };
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize % RECENT_SLOTS;
        let (kept, tags) = self.slots[slot];
        if kept == key {
            return tags;
        }
        let tags = word_tags(word);
        self.slots[slot] = (key, tags);
        tags
    }
}

/// Tag every word of a block: each word's own tags, then where it stands
/// (the first word of a sentence, an opener, a dateline).
pub fn tag_block(text: &str, tokens: &mut [Token], sentences: &[Range<usize>]) {
    RECENT.with_borrow_mut(|recent| {
        for token in tokens.iter_mut() {
            if token.is_word() {
                token.tags = recent.tags(token.span.slice(text));
            }
        }
    });
    mark_state_abbreviations(text, tokens);
    for range in sentences {
        let Some(first) = range.clone().find(|&i| tokens[i].is_word()) else {
            continue;
        };
        tag_first_word(text, tokens, first);
        // A capital after a colon starts a sentence of its own too:
        // `another question: Will the senator stay a Democrat?`
        for i in range.clone().skip(1) {
            if tokens[i - 1].is_punct(':')
                && tokens[i].is_word()
                && tokens[i].tags.has(Tags::CAPITAL)
            {
                tag_first_word(text, tokens, i);
            }
        }
    }
    // The story starts after its dateline: `WASHINGTON (AFP) – Democrat
    // Hillary Clinton said` opens with `Democrat`.
    if let Some(end) = mark_dateline(text, tokens) {
        if let Some(first) = (end + 1..tokens.len()).find(|&i| tokens[i].is_word()) {
            tag_first_word(text, tokens, first);
        }
    }
}

/// Tag the first word of a sentence: where it stands, and whether it only
/// opens the sentence.
fn tag_first_word(text: &str, tokens: &mut [Token], first: usize) {
    {
        let tags = tokens[first].tags.with(Tags::SENTENCE_START);
        tokens[first].tags = tags;
        let word = tokens[first].span.slice(text);
        // A word no list knows before a given name the lists do know
        // (`Celebrities Julianne Moore`) opens the sentence.
        let before_a_name = !tags.name_like()
            && !tags.has(
                Tags::PLACE
                    .with(Tags::TITLE)
                    .with(Tags::ALL_CAPS)
                    .with(Tags::INITIAL),
            )
            && tokens.get(first + 1).is_some_and(|next| {
                next.tags.has(Tags::GIVEN)
                    && !next.tags.has(Tags::COMMON)
                    && tokens
                        .get(first + 2)
                        .is_some_and(|t| t.tags.has(Tags::CAPITAL))
            });
        // Right before a verb of saying, a word is a name or a speaker
        // (`Boreing said`, `Will urged`, `Someone wrote`), unless it only
        // opens sentences (`Even said` is no one).
        let before_a_verb = !tags.has(Tags::FUNCTION.with(Tags::PRONOUN).with(Tags::DETERMINER))
            && tokens
                .get(first + 1)
                .is_some_and(|next| next.is_word() && next.tags.has(Tags::CUE))
            && {
                let lowered = super::lexicon::lowercase(word);
                tags.name_like()
                    || matches!(&*lowered, "someone" | "somebody" | "everyone" | "everybody")
                    || !is_opener_word(&lowered)
            };
        // A lone word set before an aside with a pronoun is the
        // sentence's topic, never whom the pronoun means (`Loyalty, he
        // noted, is ...`): not a speaker, even where the lists know the
        // word as a rare given name.
        let before_an_aside = !tags.has(Tags::PLACE.with(Tags::ALL_CAPS).with(Tags::INITIAL))
            && tokens.get(first + 1).is_some_and(|t| t.is_punct(','))
            && tokens
                .get(first + 2)
                .is_some_and(|t| t.is_word() && t.tags.has(Tags::PRONOUN));
        if !before_a_verb && (before_a_name || before_an_aside || opens_a_sentence(word, tags)) {
            tokens[first].tags = tags.with(Tags::OPENER);
        }
    }
}

/// Whether the first word of a sentence is a word that opens sentences
/// rather than a name: a function word, a gerund or adverb (`Noting`,
/// `Even`, `Meanwhile`), or any word no name list knows that is followed
/// by a name the lists do know.
fn opens_a_sentence(word: &str, tags: Tags) -> bool {
    if tags.has(Tags::FUNCTION) {
        return true;
    }
    if tags.has(Tags::GIVEN) && !tags.has(Tags::COMMON) {
        return false;
    }
    let lower = super::lexicon::lowercase(names::strip_possessive(word));
    // A gerund or adverb (`Noting`, `Clearly`), unless the lists know it
    // as a name (`King`, `Manning`, `Kelly`).
    let by_ending = (lower.ends_with("ing") || lower.ends_with("ly")) && !tags.name_like();
    by_ending || is_opener_word(&lower) || tags.has(Tags::PRONOUN.with(Tags::DETERMINER))
}

/// Whether a lower-case word is one that opens sentences and is no name.
pub fn is_opener_word(word: &str) -> bool {
    OPENER_SET.contains(&word)
}

static OPENER_SET: super::lexicon::WordSet = super::lexicon::WordSet::new(OPENERS);

/// Capitalised words that open sentences and are not names.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "even", "also", "yes", "no", "not", "only", "just", "perhaps", "maybe", "indeed", "thus",
    "hence", "why", "what", "how", "who", "where", "there", "here", "today", "tonight",
    "yesterday", "tomorrow", "last", "next", "once", "twice", "again", "rather", "unlike", "like",
    "despite", "amid", "among", "asked", "given", "whether", "whatever", "whoever", "though",
    "otherwise", "nevertheless", "nonetheless", "furthermore", "moreover", "besides", "elsewhere",
    "overall", "ultimately", "speaking", "regardless", "ahead", "over", "through", "throughout",
    "toward", "towards", "upon", "within", "without", "about", "above", "across", "against",
    "along", "around", "behind", "below", "beneath", "beside", "between", "beyond", "inside",
    "near", "outside", "per", "via", "until", "unless", "because", "every", "such", "so", "too",
    "very", "much", "more", "less", "most", "least", "all", "any", "none", "nobody", "everyone",
    "someone", "anyone", "nothing", "everything", "something", "anything", "can", "could",
    "should", "would", "will", "may", "might", "must", "did", "does", "do", "is", "are", "was",
    "were", "has", "have", "had", "sure", "well", "oh", "ok", "okay", "please", "thank", "thanks",
    "sorry", "let", "take", "consider", "imagine", "remember", "look", "see", "read", "watch",
    "call", "follow", "says", "said", "according", "added", "born", "raised", "elected", "asked",
    "pressed", "told", "faced", "hours", "days", "weeks", "months", "years", "minutes", "earlier",
    "later", "shortly", "soon",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_tags_are_the_tags_of_the_word() {
        // More words than slots, so slots are taken over; every answer must
        // be what tagging the word afresh gives.
        let mut recent = Recent {
            slots: vec![(0, Tags::NONE); RECENT_SLOTS].into_boxed_slice(),
        };
        let mut rng = crate::random::Rng::new(7);
        let letters = ["a", "B", "c", "D", "e", "s", "'", "’", "é", "W", "ang"];
        for _ in 0..20_000 {
            let len = 1 + rng.below(4);
            let word: String = (0..len)
                .map(|_| letters[rng.below(letters.len())])
                .collect();
            assert_eq!(recent.tags(&word), word_tags(&word), "{word:?}");
        }
        for word in [
            "said",
            "Said",
            "SAID",
            "Wang",
            "the",
            "The",
            "Trump’s",
            "spokesperson",
        ] {
            assert_eq!(recent.tags(word), word_tags(word), "{word:?}");
            assert_eq!(recent.tags(word), word_tags(word), "{word:?} again");
        }
    }

    #[test]
    fn words_are_tagged_by_the_lists() {
        assert!(word_tags("said").has(Tags::CUE));
        assert!(word_tags("The").has(Tags::FUNCTION) && word_tags("The").has(Tags::DETERMINER));
        assert!(!word_tags("the").has(Tags::FUNCTION));
        assert!(word_tags("Hillary").has(Tags::GIVEN) && word_tags("Hillary").has(Tags::FEMALE));
        assert!(word_tags("Wang").has(Tags::FAMILY_FIRST));
        assert!(word_tags("Iowa").has(Tags::PLACE));
        assert!(
            word_tags("spokespeople").has(Tags::SPEAKS) || word_tags("spokesmen").has(Tags::SPEAKS)
        );
        assert!(word_tags("organizers").has(Tags::SPEAKS));
        assert!(word_tags("Trump’s").has(Tags::POSSESSIVE));
        assert!(word_tags("FBI").has(Tags::ALL_CAPS));
        assert!(word_tags("J.").has(Tags::INITIAL));
        assert!(!word_tags("budget").has(Tags::SPEAKS));
    }
}
