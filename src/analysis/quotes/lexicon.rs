//! The word lists and small word tests that speaker finding relies on.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

use super::words::Token;
use crate::hashing::QuickBuild;

/// A fixed list of words with a hash set built on first use, for quick
/// membership tests in hot loops.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, QuickBuild>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &&str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(*word)
    }

    pub fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.words.iter()
    }
}

pub static PRONOUNS: WordSet = WordSet::new(&["he", "she", "they", "we", "i", "it"]);

pub static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "his", "her", "their", "its", "our", "one", "two", "three", "four", "five",
    "several", "many", "some", "other", "both", "another", "most", "few", "all", "these", "those",
    "this", "each", "multiple", "numerous", "senior", "top",
]);

/// Words between a speaker and the verb: `Wang also said`, `she has said`.
#[rustfmt::skip]
pub static ADVERBS: WordSet = WordSet::new(&[
    "also", "later", "then", "once", "again", "previously", "recently", "repeatedly", "often",
    "has", "had", "have", "was", "were", "is", "would", "will", "quickly", "flatly", "simply",
    "earlier", "further", "finally", "separately", "privately", "publicly", "reportedly",
    "subsequently", "initially", "first", "had", "once", "similarly", "likewise", "still",
    "frequently", "told",
]);

/// Words that end a noun phrase going backwards: a clause starts there.
pub static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "that", "who", "which", "and", "but", "or", "because", "when", "while", "as", "if", "so",
    "after", "before", "since", "although", "though", "where", "whom", "whose",
]);

/// Capitalised words that start sentences but are not names.
#[rustfmt::skip]
pub static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "The", "A", "An", "In", "On", "At", "But", "And", "After", "Before", "When", "While", "If",
    "As", "For", "With", "Since", "Although", "This", "That", "These", "Those", "It", "He", "She",
    "They", "We", "I", "His", "Her", "Their", "Its", "Our", "Then", "So", "Yet", "Still", "Asked",
    "According", "During", "Under", "By", "From", "To", "Of", "Later", "Earlier", "Now",
    "Meanwhile", "However", "Instead", "Both", "Neither", "Each", "Many", "Some",
]);

#[rustfmt::skip]
pub static CALENDAR: WordSet = WordSet::new(&[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
]);

/// Last words of names that belong to organisations, places and laws.
#[rustfmt::skip]
pub static ORGANISATION_WORDS: WordSet = WordSet::new(&[
    "Act", "Amendment", "Senate", "House", "Congress", "Council", "Committee", "Department",
    "Ministry", "Board", "Party", "Agency", "Office", "Administration", "Commission", "University",
    "College", "School", "Company", "Corp.", "Inc.", "Association", "Union", "Court", "County",
    "City", "State", "States", "Republic", "Bureau", "Service", "Authority", "Institute", "Center",
    "Centre", "Foundation", "Times", "Post", "News", "Press", "Group", "Bank", "Fund", "Street",
    "Avenue", "Road", "Park", "Hall", "Church", "Hospital", "Police", "Army", "Navy", "Force",
    "Forces", "Democrats", "Republicans", "Journal", "Network", "Airport", "Station", "Library",
    "Museum", "Branch", "District", "Valley", "River", "Bill", "Law", "Kingdom", "Nations",
    "Organization", "Organisation", "Coalition", "Campaign", "Council.", "Caucus", "Guard", "Club",
    "League", "Institution", "Times.", "Reuters", "Federation", "Society", "Academy", "Chamber",
    "Corporation", "Alliance", "Confederation", "Today",
    // Businesses: `Vanguard Logistics Services`, `Acme Holdings Ltd.`.
    "Services", "Ltd.", "Ltd", "LLC", "Co.", "Holdings", "Industries", "Logistics", "Systems",
    "Technologies", "Airlines", "Motors", "Enterprises", "Pharmaceuticals",
    // Newspapers: `The Advocate`, `the Observer`.
    "Advocate", "Observer", "Chronicle", "Inquirer", "Dispatch", "Courier", "Telegraph", "Gazette",
    "Herald", "Tribune",
]);

/// People in the plural who name a group after its cause, with `for`:
/// `Americans for Prosperity`, `Students for Fair Admissions`.
#[rustfmt::skip]
pub const CAUSE_GROUP_WORDS: &[&str] = &[
    "Americans", "Citizens", "Students", "Women", "Veterans", "Parents", "Mothers", "Moms",
    "Doctors", "Scientists", "Democrats", "Republicans", "Conservatives", "Progressives",
];

/// The organisations' words that take an `of` phrase into the name
/// (`Department of Transportation`, `University of Texas`), unlike a law's
/// or a place's (`Bill of Rights`, `City of London`).
#[rustfmt::skip]
pub static NAME_TAKES_OF: WordSet = WordSet::new(&[
    "Council", "Committee", "Department", "Ministry", "Board", "Agency", "Office", "Commission",
    "University", "College", "School", "Association", "Union", "Court", "Bureau", "Service",
    "Authority", "Institute", "Center", "Centre", "Foundation", "Bank", "Fund", "Church",
    "Hospital", "Museum", "Library", "Organization", "Organisation", "Coalition", "League",
    "Institution", "Federation", "Society", "Academy", "Chamber", "Corporation", "Alliance",
    "Confederation", "Party", "Caucus", "Club", "Guard",
]);

/// Title words before a name, and the noun a later description uses.
pub const TITLES: &[(&str, &str)] = &[
    ("sen.", "senator"),
    ("senator", "senator"),
    ("rep.", "representative"),
    ("representative", "representative"),
    ("gov.", "governor"),
    ("governor", "governor"),
    ("gen.", "general"),
    ("dr.", "doctor"),
    ("prof.", "professor"),
    ("mayor", "mayor"),
    ("president", "president"),
    ("pres.", "president"),
    ("judge", "judge"),
    ("justice", "justice"),
    ("secretary", "secretary"),
    ("minister", "minister"),
    ("chancellor", "chancellor"),
    ("ambassador", "ambassador"),
    ("commissioner", "commissioner"),
    ("sheriff", "sheriff"),
    ("superintendent", "superintendent"),
    ("speaker", "speaker"),
    ("director", "director"),
    ("chairman", "chair"),
    ("chairwoman", "chair"),
    ("chair", "chair"),
    ("coach", "coach"),
    ("spokesperson", "spokesperson"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("councilman", "council"),
    ("councilwoman", "council"),
    ("executive", "executive"),
    ("chief", "chief"),
    ("lt.", "lieutenant"),
    ("col.", "colonel"),
    ("sgt.", "sergeant"),
    ("capt.", "captain"),
    ("mr.", ""),
    ("mrs.", ""),
    ("ms.", ""),
    ("rev.", "reverend"),
    ("attorney", "attorney"),
    ("counsel", "counsel"),
    ("officer", "officer"),
    ("detective", "detective"),
    ("member", "member"),
    ("leader", "leader"),
    ("adviser", "adviser"),
    ("advisor", "adviser"),
    ("manager", "manager"),
    ("strategist", "strategist"),
    ("pollster", "pollster"),
    ("correspondent", "correspondent"),
    ("columnist", "columnist"),
    ("editor", "editor"),
    ("founder", "founder"),
    ("ceo", "executive"),
    ("candidate", "candidate"),
    ("nominee", "nominee"),
    ("hopeful", "candidate"),
    ("congressman", "representative"),
    ("congresswoman", "representative"),
    ("lawmaker", "lawmaker"),
    ("pastor", "pastor"),
    ("bishop", "bishop"),
    ("sir", ""),
    ("miss", ""),
    ("madam", ""),
    ("dame", ""),
    ("gen", "general"),
    ("adm.", "admiral"),
    ("maj.", "major"),
    ("cmdr.", "commander"),
    ("supt.", "superintendent"),
    ("atty.", "attorney"),
    ("premier", "premier"),
    ("president-elect", "president"),
    ("vice-president", "president"),
    ("treasurer", "treasurer"),
    ("auditor", "auditor"),
    ("comptroller", "comptroller"),
    ("controller", "controller"),
    ("economist", "economist"),
    ("analyst", "analyst"),
    ("professor", "professor"),
    ("county", ""),
    ("city", ""),
    ("state", ""),
    ("deputy", ""),
    ("vice", ""),
    ("assistant", ""),
    ("associate", ""),
    ("former", ""),
    ("acting", ""),
    ("interim", ""),
    ("council", "council"),
    ("foreign", ""),
    ("prime", ""),
    ("first", ""),
    ("lady", ""),
    ("general", "general"),
    ("press", ""),
    ("house", ""),
    ("senate", ""),
    ("majority", ""),
    ("minority", ""),
    ("whip", "whip"),
    ("recorder", "recorder"),
    ("clerk", "clerk"),
    ("secretary-treasurer", "treasurer"),
    ("assemblyman", "assemblymember"),
    ("assemblywoman", "assemblymember"),
    ("assemblymember", "assemblymember"),
    ("alderman", "alderman"),
    ("supervisor", "supervisor"),
    ("delegate", "delegate"),
    ("del.", "delegate"),
    ("host", "host"),
    ("co-host", "host"),
    ("anchor", "anchor"),
    ("rabbi", "rabbi"),
    ("imam", "imam"),
    ("pope", "pope"),
    ("cardinal", "cardinal"),
    ("archbishop", "archbishop"),
    ("sheikh", "sheikh"),
    ("ayatollah", "ayatollah"),
    ("provost", "provost"),
    ("inspector", "inspector"),
    ("lieutenant", "lieutenant"),
    ("colonel", "colonel"),
    ("captain", "captain"),
    ("sergeant", "sergeant"),
    ("admiral", "admiral"),
    ("commander", "commander"),
    ("cpl.", "corporal"),
    ("pvt.", "private"),
    ("amb.", "ambassador"),
    ("sec.", "secretary"),
    ("mr", ""),
    ("mrs", ""),
    ("ms", ""),
    ("dr", "doctor"),
];

/// Particles inside a name: `Ursula von der Leyen`, `Osama bin Laden`.
pub static CONNECTORS: WordSet = WordSet::new(&[
    "de", "van", "von", "bin", "al", "da", "del", "della", "la", "le", "di", "du", "der", "den",
    "dos", "das", "ter", "ten", "ibn", "abu", "el", "y", "zu", "st.",
]);

/// What follows a name and is part of it: `Martin Luther King Jr.`
pub static SUFFIXES: WordSet = WordSet::new(&[
    "jr.", "sr.", "jr", "sr", "ii", "iii", "iv", "v", "phd", "ph.d.", "md", "m.d.", "esq.",
]);

/// Words that cannot start or sit inside the words before a name: `said in
/// a statement Tuesday` has no speaker after the verb.
pub static NOT_MODIFIERS: WordSet = WordSet::new(&[
    "in", "on", "at", "during", "after", "before", "to", "with", "for", "from", "by", "of", "that",
    "this", "last", "when", "while", "as", "about", "and", "but", "so", "if", "because", "than",
    "into", "onto", "over", "under", "since", "until", "via", "without", "is", "was", "were",
    "are", "be", "been", "not", "no", "yes", "there", "here", "how", "what", "why", "where",
]);

/// Verbs of saying whose next noun phrase is their object.
#[rustfmt::skip]
pub static OBJECT_VERBS: WordSet = WordSet::new(&[
    "call", "calls", "called", "calling", "labeled", "labels", "labelled", "labeling", "dubbed",
    "dubs", "declaring", "describing", "describes", "described", "branded", "named", "thanked",
    "thanks", "thanking", "praised", "praises", "criticized", "blasted", "slammed", "accused",
    "mocked", "urged", "urging", "telling", "dismissed", "dismissing", "rated", "deemed", "termed",
    "denounced", "decried", "hailed", "label", "dub", "describe", "dismiss", "denounce", "decry",
    "hail", "term", "deem", "rate", "brand", "praise", "criticize", "blast", "slam", "mock",
    "attacked", "derided", "ridiculed", "lambasted", "chided", "chiding", "scolded", "taunted",
    "hailed", "decried", "denouncing",
]);

/// Nouns for something said: `Trump's claim that ...`, `her description
/// of it as ...`. The one whose words they are owns them.
#[rustfmt::skip]
pub static SPEECH_NOUNS: WordSet = WordSet::new(&[
    "accusation", "accusations", "assertion", "assertions", "claim", "claims", "contention", "report",
    "comment", "comments", "remark", "remarks", "suggestion", "statement", "words", "phrase",
    "description", "warning", "warnings", "promise", "promises", "pledge", "vow", "charge",
    "charges", "insistence", "argument", "catchphrase", "slogan", "retort", "quip", "joke",
    "tweet", "tweets", "reply", "refrain", "mantra", "complaint", "complaints", "prediction",
    "boast", "denial", "admission", "declaration", "demand", "demands", "plea", "criticism",
    "characterization", "label", "insult", "insults", "taunt", "threat", "threats", "quote",
    "line", "lines", "question", "answer", "response", "message", "jab", "jibe", "dig",
    "allegation", "allegations", "lament", "rallying", "call", "calls",
]);

/// Words that open a subordinate clause or phrase before a sentence's
/// subject: `When he returned, he said ...`.
#[rustfmt::skip]
pub static SUBORDINATORS: WordSet = WordSet::new(&[
    "when", "after", "before", "if", "as", "although", "though", "while", "since", "because", "in",
    "on", "at", "during", "for", "with", "by", "from", "under", "later", "earlier", "asked",
    "speaking", "still", "yet", "but", "and", "meanwhile", "instead", "however",
]);

pub fn word<'t>(text: &'t str, token: &Token) -> &'t str {
    token.span.slice(text)
}

/// The token's word in lower case: the word itself when it has no
/// capitals, as most words do. The word tests ask for one for most words
/// of a draft, and a new string apiece was a tenth of their cost.
pub fn lower<'t>(text: &'t str, token: &Token) -> Cow<'t, str> {
    lowercase(word(text, token))
}

/// `word` in lower case, borrowed when it already is.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}
pub fn is_capitalised(text: &str, token: &Token) -> bool {
    token.is_word() && starts_with_capital(word(text, token))
}

/// Whether a word is written as a proper name is: with a capital, or
/// with the Arabic article or a patronymic joined by a hyphen before one
/// (`al-Awlaki`, `el-Sisi`, `bin-Salman`).
#[inline]
pub fn starts_with_capital(word: &str) -> bool {
    let bytes = word.as_bytes();
    match bytes.first() {
        None => return false,
        Some(b) if b.is_ascii_uppercase() => return true,
        Some(b) if !b.is_ascii() => return word.chars().next().is_some_and(char::is_uppercase),
        Some(_) => {}
    }
    // Most words have no hyphen in their third or fourth byte.
    if !bytes.iter().take(4).skip(2).any(|&b| b == b'-') {
        return false;
    }
    [
        "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "bin-", "ibn-",
    ]
    .iter()
    .find_map(|p| word.strip_prefix(p))
    .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
}

/// Whether token `k` is the `of` inside an organisation's name, between
/// its word and a capital: `Department of Transportation`, `American
/// Federation of Teachers`.
pub fn of_in_name(text: &str, tokens: &[Token], k: usize) -> bool {
    k > 0
        && word(text, &tokens[k]) == "of"
        && NAME_TAKES_OF.contains(&word(text, &tokens[k - 1]))
        && tokens
            .get(k + 1)
            .is_some_and(|next| is_capitalised(text, next))
}

pub fn is_connector(text: &str, token: &Token) -> bool {
    matches!(
        word(text, token),
        "de" | "van"
            | "von"
            | "bin"
            | "al"
            | "da"
            | "del"
            | "la"
            | "le"
            | "di"
            | "du"
            | "der"
            | "dos"
            | "ter"
            | "Jr."
            | "Sr."
    )
}

pub fn title_role(word: &str) -> Option<&'static str> {
    // Keyed by bytes: the word is lowered into a buffer on the stack, and
    // checking that it is UTF-8 again cost more than the lookup.
    static BY_TITLE: LazyLock<HashMap<&[u8], &str, QuickBuild>> = LazyLock::new(|| {
        TITLES
            .iter()
            .map(|&(title, role)| (title.as_bytes(), role))
            .collect()
    });
    // Every title is lower-case ASCII and short: anything else is turned
    // away before lowering its case.
    let mut lower = [0u8; LONGEST_TITLE];
    let bytes = word.as_bytes();
    if bytes.len() > LONGEST_TITLE || !word.is_ascii() {
        return None;
    }
    for (to, from) in lower.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    BY_TITLE.get(&lower[..bytes.len()]).copied()
}

/// The length of the longest title in `TITLES`.
const LONGEST_TITLE: usize = 24;

/// The capitalised run ending at token `end` (inclusive), not before `lo`:
/// its first token index, with function words at its start dropped.
pub fn capitalised_run_back(text: &str, tokens: &[Token], lo: usize, end: usize) -> Option<usize> {
    let mut start = end;
    while start > lo
        && (is_capitalised(text, &tokens[start - 1])
            || (start >= lo + 2
                && (is_connector(text, &tokens[start - 1]) || of_in_name(text, tokens, start - 1))
                && is_capitalised(text, &tokens[start - 2])))
    {
        start -= 1;
    }
    while start < end && FUNCTION_WORDS.contains(&word(text, &tokens[start])) {
        start += 1;
    }
    (is_capitalised(text, &tokens[start]) && !FUNCTION_WORDS.contains(&word(text, &tokens[start])))
        .then_some(start)
}

pub fn capitalised_run_forward(text: &str, tokens: &[Token], start: usize, hi: usize) -> usize {
    let mut end = start;
    while end + 1 < hi
        && (is_capitalised(text, &tokens[end + 1])
            || ((is_connector(text, &tokens[end + 1]) || of_in_name(text, tokens, end + 1))
                && end + 2 < hi
                && is_capitalised(text, &tokens[end + 2])))
        && !CALENDAR.contains(&word(text, &tokens[end + 1]))
    {
        end += 1;
    }
    end
}

/// Whether the word at `k` is a month that is also a family name (`May`,
/// `June`, `April`, `August`) standing as a name: after a given name, a
/// verb of saying, a name's word mid-sentence, or no word at all (from
/// `lo`), and before no day of the month: `Theresa May said`, `"...," May
/// said`, `said May,`, `Yin Myint May, 60,`; not `in May`, `May 5`.
pub fn surname_month_at(text: &str, tokens: &[super::words::Token], k: usize, lo: usize) -> bool {
    use super::tags::Tags;
    let token = &tokens[k];
    let month = token.tags.has(Tags::FAMILY)
        && token.tags.has(Tags::CAPITAL)
        && matches!(
            super::names::strip_possessive(word(text, token)),
            "May" | "June" | "April" | "August"
        );
    let dated = tokens
        .get(k + 1)
        .is_some_and(|t| t.span.slice(text).starts_with(|c: char| c.is_ascii_digit()));
    let after_a_name_or_verb = k <= lo || {
        let before = &tokens[k - 1];
        !before.is_word()
            || (before.tags.has(Tags::GIVEN) && before.tags.has(Tags::CAPITAL))
            || before.tags.has(Tags::CUE)
            // The last of a name's words no list knows, before a comma or
            // a verb of saying: `Yin Myint May, 60,` (not `Trump May Win`).
            || (before.tags.has(Tags::CAPITAL)
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| t.is_punct(',') || t.tags.has(Tags::CUE))
                && !before.tags.has(
                    Tags::OPENER
                        .with(Tags::FUNCTION)
                        .with(Tags::CALENDAR)
                        .with(Tags::SENTENCE_START)
                        .with(Tags::PLACE)
                        .with(Tags::TITLE),
                ))
    };
    month && !dated && after_a_name_or_verb
}

/// Whether a word is a particle of a surname: `de`, `van`, `von`, `al`.
pub fn is_particle(word: &str) -> bool {
    [
        "de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le", "al", "bin", "ibn",
    ]
    .iter()
    .any(|p| word.eq_ignore_ascii_case(p))
}

/// Whether a word is a suffix of a name: `Jr.`, `III`.
pub fn is_suffix(word: &str) -> bool {
    ["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"]
        .iter()
        .any(|s| word.eq_ignore_ascii_case(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_is_what_to_lowercase_gives() {
        for word in [
            "", "said", "Said", "SAID", "o'Neill", "zoë", "Zoë", "ÅSA", "x",
        ] {
            let lowered = lowercase(word);
            assert_eq!(lowered, word.to_lowercase(), "{word}");
            let borrowed = matches!(lowered, Cow::Borrowed(_));
            assert_eq!(
                borrowed,
                word.is_ascii() && word == word.to_lowercase(),
                "{word}"
            );
        }
    }

    #[test]
    fn titles_are_found_whatever_their_case_and_nothing_else_is() {
        assert!(TITLES.iter().all(|(title, _)| title.len() <= LONGEST_TITLE
            && title.is_ascii()
            && *title == title.to_ascii_lowercase()));
        assert_eq!(title_role("Sen."), Some("senator"));
        assert_eq!(title_role("GOVERNOR"), Some("governor"));
        assert_eq!(title_role("Senators"), None);
        assert_eq!(title_role("Sén."), None);
        assert_eq!(title_role(&"a".repeat(LONGEST_TITLE + 1)), None);
        for (title, role) in TITLES {
            assert_eq!(title_role(&title.to_uppercase()), Some(*role), "{title}");
        }
    }
}
