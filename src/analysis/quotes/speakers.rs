//! Who a speaker mention is: the noun phrase next to a verb of saying, the
//! people a draft names, and resolving pronouns, surnames and descriptions
//! to them.

use super::words::{Token, TokenKind};
use crate::analysis::MentionForm;
use crate::text::Span;

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "one", "two", "three", "four", "five",
    "several", "many", "some", "other", "both", "another", "most", "few", "all", "these", "those",
    "this", "each", "multiple", "numerous", "senior", "top",
];

/// Words between a speaker and the verb: `Wang also said`, `she has said`.
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "once",
    "again",
    "previously",
    "recently",
    "repeatedly",
    "often",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "would",
    "will",
    "quickly",
    "flatly",
    "simply",
    "earlier",
    "further",
    "finally",
    "separately",
    "privately",
    "publicly",
    "reportedly",
    "subsequently",
    "initially",
    "first",
    "had",
    "once",
    "similarly",
    "likewise",
    "still",
    "frequently",
    "told",
];

/// Words that end a noun phrase going backwards: a clause starts there.
const CLAUSE_WORDS: &[&str] = &[
    "that", "who", "which", "and", "but", "or", "because", "when", "while", "as", "if", "so",
    "after", "before", "since", "although", "though", "where", "whom", "whose",
];

/// Capitalised words that start sentences but are not names.
const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "For",
    "With",
    "Since",
    "Although",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "Then",
    "So",
    "Yet",
    "Still",
    "Asked",
    "According",
    "During",
    "Under",
    "By",
    "From",
    "To",
    "Of",
    "Later",
    "Earlier",
    "Now",
    "Meanwhile",
    "However",
    "Instead",
    "Both",
    "Neither",
    "Each",
    "Many",
    "Some",
];

const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// Last words of names that belong to organisations, places and laws.
const ORGANISATION_WORDS: &[&str] = &[
    "Act",
    "Amendment",
    "Senate",
    "House",
    "Congress",
    "Council",
    "Committee",
    "Department",
    "Ministry",
    "Board",
    "Party",
    "Agency",
    "Office",
    "Administration",
    "Commission",
    "University",
    "College",
    "School",
    "Company",
    "Corp.",
    "Inc.",
    "Association",
    "Union",
    "Court",
    "County",
    "City",
    "State",
    "States",
    "Republic",
    "Bureau",
    "Service",
    "Authority",
    "Institute",
    "Center",
    "Centre",
    "Foundation",
    "Times",
    "Post",
    "News",
    "Press",
    "Group",
    "Bank",
    "Fund",
    "Street",
    "Avenue",
    "Road",
    "Park",
    "Hall",
    "Church",
    "Hospital",
    "Police",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Democrats",
    "Republicans",
    "Journal",
    "Network",
    "Airport",
    "Station",
    "Library",
    "Museum",
    "Branch",
    "District",
    "Valley",
    "River",
    "Bill",
    "Law",
    "Kingdom",
    "Nations",
    "Organization",
    "Organisation",
    "Coalition",
    "Campaign",
    "Council.",
    "Caucus",
    "Guard",
    "Club",
    "League",
    "Institution",
    "Times.",
    "Reuters",
];

/// Title words before a name, and the noun a later description uses.
const TITLES: &[(&str, &str)] = &[
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
    ("officer", "officer"),
    ("detective", "detective"),
    ("member", "member"),
    ("leader", "leader"),
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
];

/// Head nouns of anonymous sources.
const ANONYMOUS_HEADS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "person",
    "people",
    "insider",
    "insiders",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "individual",
    "individuals",
];

/// A noun phrase that says who spoke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerPhrase {
    pub span: Span,
    pub form: MentionForm,
}

/// A person the draft names in full, with what it says they are.
#[derive(Clone, Debug, Default)]
pub struct Person {
    pub name: String,
    pub surname: String,
    /// Nouns from titles and appositives: `spokesperson`, `senator`.
    pub roles: Vec<String>,
    /// Learned from pronouns resolved to the person: `he` or `she`.
    pub pronoun: Option<&'static str>,
}

/// The named people of a draft and every place they are mentioned.
#[derive(Clone, Debug, Default)]
pub struct People {
    pub people: Vec<Person>,
    /// (offset, person) for every full-name or surname mention, in order.
    pub mentions: Vec<(usize, usize)>,
}

pub fn word<'t>(text: &'t str, token: &Token) -> &'t str {
    token.span.slice(text)
}

fn lower(text: &str, token: &Token) -> String {
    word(text, token).to_lowercase()
}

fn is_capitalised(text: &str, token: &Token) -> bool {
    token.is_word()
        && word(text, token)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

fn is_connector(text: &str, token: &Token) -> bool {
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
    let lower = word.to_lowercase();
    TITLES
        .iter()
        .find(|(t, _)| *t == lower)
        .map(|(_, role)| *role)
}

/// The capitalised run ending at token `end` (inclusive), not before `lo`:
/// its first token index, with function words at its start dropped.
fn capitalised_run_back(text: &str, tokens: &[Token], lo: usize, end: usize) -> Option<usize> {
    let mut start = end;
    while start > lo
        && (is_capitalised(text, &tokens[start - 1])
            || (is_connector(text, &tokens[start - 1])
                && start >= lo + 2
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

fn capitalised_run_forward(text: &str, tokens: &[Token], start: usize, hi: usize) -> usize {
    let mut end = start;
    while end + 1 < hi
        && (is_capitalised(text, &tokens[end + 1])
            || (is_connector(text, &tokens[end + 1])
                && end + 2 < hi
                && is_capitalised(text, &tokens[end + 2])))
        && !CALENDAR.contains(&word(text, &tokens[end + 1]))
    {
        end += 1;
    }
    end
}

fn form_of_name(text: &str, tokens: &[Token], start: usize, end: usize) -> MentionForm {
    let last = word(text, &tokens[end]);
    if ORGANISATION_WORDS.contains(&last) {
        MentionForm::Description
    } else {
        let names = (start..=end)
            .filter(|&i| title_role(word(text, &tokens[i])).is_none())
            .count();
        if names >= 2 {
            MentionForm::Name
        } else {
            MentionForm::Surname
        }
    }
}

fn phrase(tokens: &[Token], start: usize, end: usize, form: MentionForm) -> SpeakerPhrase {
    SpeakerPhrase {
        span: Span::new(tokens[start].span.start, tokens[end].span.end),
        form,
    }
}

/// A description from `start` to `end`: anonymous when its head is one of
/// the anonymous-source nouns and it is not definite.
fn description(text: &str, tokens: &[Token], start: usize, end: usize) -> SpeakerPhrase {
    let first = lower(text, &tokens[start]);
    let head = (start..=end)
        .map(|i| lower(text, &tokens[i]))
        .take_while(|w| {
            !matches!(
                w.as_str(),
                "for" | "of" | "at" | "with" | "in" | "from" | "close" | "familiar" | "who"
            )
        })
        .last()
        .unwrap_or_default();
    let words: Vec<String> = (start..=end).map(|i| lower(text, &tokens[i])).collect();
    let anonymous = first != "the"
        && (ANONYMOUS_HEADS.contains(&head.as_str())
            || words
                .windows(2)
                .any(|w| w[0] == "familiar" && w[1] == "with"));
    let form = if anonymous {
        MentionForm::Anonymous
    } else {
        MentionForm::Description
    };
    phrase(tokens, start, end, form)
}

/// The speaker phrase that ends right before the verb at `cue` (`Wang
/// said`, `the spokesperson said`, `Wang Wenbin, a spokesperson, said`),
/// not reaching before token `lo`.
pub fn speaker_before(
    text: &str,
    tokens: &[Token],
    lo: usize,
    cue: usize,
) -> Option<SpeakerPhrase> {
    let mut j = cue;
    while j > lo && ADVERBS.contains(&lower(text, &tokens[j - 1]).as_str()) && j - 1 != cue {
        j -= 1;
    }
    if j <= lo {
        return None;
    }
    let last = j - 1;
    if tokens[last].is_punct(',') {
        // An appositive or a relative clause sits between the speaker and
        // the verb: look before the comma that opens it.
        let open = (lo..last)
            .rev()
            .take(16)
            .take_while(|&k| tokens[k].quote().is_none())
            .find(|&k| tokens[k].is_punct(','))?;
        return open
            .checked_sub(1)
            .filter(|&end| end >= lo)
            .and_then(|end| phrase_ending_at(text, tokens, lo, end));
    }
    phrase_ending_at(text, tokens, lo, last)
}

fn phrase_ending_at(text: &str, tokens: &[Token], lo: usize, end: usize) -> Option<SpeakerPhrase> {
    let token = &tokens[end];
    if !token.is_word() {
        return None;
    }
    let lower_word = lower(text, token);
    if PRONOUNS.contains(&lower_word.as_str()) {
        return Some(phrase(tokens, end, end, MentionForm::Pronoun));
    }
    if is_capitalised(text, token) && !CALENDAR.contains(&word(text, token)) {
        let start = capitalised_run_back(text, tokens, lo, end)?;
        // `the Foreign Ministry`, `a White House spokesperson`.
        if start > lo && DETERMINERS.contains(&lower(text, &tokens[start - 1]).as_str()) {
            return Some(description(text, tokens, start - 1, end));
        }
        return Some(phrase(
            tokens,
            start,
            end,
            form_of_name(text, tokens, start, end),
        ));
    }
    // A lowercase phrase: go back to its determiner, or to a bare plural
    // such as `officials` in `officials familiar with the plan`.
    let mut start = end;
    while start > lo && end - start < 8 {
        let prev = &tokens[start - 1];
        if !prev.is_word() || CLAUSE_WORDS.contains(&lower(text, prev).as_str()) {
            break;
        }
        start -= 1;
    }
    let first = (start..=end).find(|&i| {
        let w = lower(text, &tokens[i]);
        DETERMINERS.contains(&w.as_str()) || ANONYMOUS_HEADS.contains(&w.as_str())
    })?;
    Some(description(text, tokens, first, end))
}

/// The speaker phrase right after the verb at `cue` (`said Wang`, `said the
/// spokesperson`), not reaching `hi`.
pub fn speaker_after(text: &str, tokens: &[Token], cue: usize, hi: usize) -> Option<SpeakerPhrase> {
    phrase_starting_at(text, tokens, cue + 1, hi)
}

/// The speaker phrase that starts at token `start`, not reaching `hi`.
pub fn phrase_starting_at(
    text: &str,
    tokens: &[Token],
    start: usize,
    hi: usize,
) -> Option<SpeakerPhrase> {
    if start >= hi || !tokens[start].is_word() {
        return None;
    }
    let first = lower(text, &tokens[start]);
    if PRONOUNS.contains(&first.as_str()) {
        return Some(phrase(tokens, start, start, MentionForm::Pronoun));
    }
    if is_capitalised(text, &tokens[start]) {
        if CALENDAR.contains(&word(text, &tokens[start]))
            || FUNCTION_WORDS.contains(&word(text, &tokens[start]))
        {
            return None;
        }
        let end = capitalised_run_forward(text, tokens, start, hi);
        return Some(phrase(
            tokens,
            start,
            end,
            form_of_name(text, tokens, start, end),
        ));
    }
    if DETERMINERS.contains(&first.as_str()) || ANONYMOUS_HEADS.contains(&first.as_str()) {
        let mut end = start;
        while end + 1 < hi
            && end - start < 8
            && tokens[end + 1].is_word()
            && !matches!(
                lower(text, &tokens[end + 1]).as_str(),
                "in" | "on"
                    | "during"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "who"
                    | "that"
                    | "because"
                    | "last"
                    | "this"
                    | "to"
            )
        {
            end += 1;
        }
        return Some(description(text, tokens, start, end));
    }
    None
}

impl People {
    /// Collect the people named in full in the words outside quotations.
    pub fn collect(text: &str, blocks: &[Vec<Token>]) -> People {
        let mut people = People::default();
        for tokens in blocks {
            let mut i = 0;
            while i < tokens.len() {
                if !is_capitalised(text, &tokens[i]) {
                    i += 1;
                    continue;
                }
                let end = capitalised_run_forward(text, tokens, i, tokens.len());
                people.consider(text, tokens, i, end);
                i = end + 1;
            }
        }
        people.mentions.sort_unstable();
        people
    }

    fn consider(&mut self, text: &str, tokens: &[Token], start: usize, end: usize) {
        let mut roles: Vec<String> = Vec::new();
        let mut first = start;
        while first <= end {
            let w = word(text, &tokens[first]);
            if let Some(role) = title_role(w) {
                if !role.is_empty() {
                    roles.push(role.to_string());
                }
                first += 1;
            } else if FUNCTION_WORDS.contains(&w) || CALENDAR.contains(&w) {
                first += 1;
            } else {
                break;
            }
        }
        if first > end {
            return;
        }
        let words: Vec<&str> = (first..=end).map(|i| word(text, &tokens[i])).collect();
        let last = *words.last().unwrap_or(&"");
        // Part of a longer proper name (`Infrastructure Investment and Jobs
        // Act`) or one led by an article (`the Tarrow Valley Water Board`).
        let continues = tokens.get(end + 1).is_some_and(|t| {
            matches!(word(text, t), "and" | "of" | "for" | "&")
                && tokens.get(end + 2).is_some_and(|n| is_capitalised(text, n))
        });
        let led_by_article =
            start > 0 && matches!(word(text, &tokens[start - 1]), "the" | "a" | "an");
        if continues
            || led_by_article
            || ORGANISATION_WORDS.contains(&last)
            || words.iter().any(|w| {
                CALENDAR.contains(w) || w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            })
        {
            return;
        }
        // Lowercase titles right before: `spokesperson Wang Wenbin`.
        if first == start && start > 0 && tokens[start - 1].is_word() {
            if let Some(role) = title_role(word(text, &tokens[start - 1])) {
                roles.push(role.to_string());
            }
        }
        // An appositive right after: `Wang Wenbin, a spokesperson for ...,`.
        if tokens.get(end + 1).is_some_and(|t| t.is_punct(',')) {
            let mut k = end + 2;
            if tokens
                .get(k)
                .is_some_and(|t| t.is_word() && DETERMINERS.contains(&lower(text, t).as_str()))
            {
                while k < tokens.len() && k < end + 12 && tokens[k].is_word() {
                    roles.push(lower(text, &tokens[k]));
                    k += 1;
                }
            }
        }
        let offset = tokens[first].span.start;
        if words.len() == 1 {
            // A single capitalised word: a surname if someone has it.
            if let Some(p) = self.people.iter().position(|p| p.surname == words[0]) {
                self.mentions.push((offset, p));
            }
            return;
        }
        let name = words.join(" ");
        let surname = last.to_string();
        let index = match self.people.iter().position(|p| p.name == name) {
            Some(p) => p,
            None => {
                self.people.push(Person {
                    name,
                    surname,
                    roles: Vec::new(),
                    pronoun: None,
                });
                self.people.len() - 1
            }
        };
        self.people[index].roles.extend(roles);
        self.mentions.push((offset, index));
    }

    /// The person a full name or surname written at `offset` means.
    pub fn by_name(&self, written: &str) -> Option<usize> {
        let written: Vec<&str> = written
            .split_whitespace()
            .filter(|w| title_role(w).is_none())
            .collect();
        let joined = written.join(" ");
        self.people
            .iter()
            .position(|p| p.name == joined)
            .or_else(|| {
                let last = written.last()?;
                self.people.iter().position(|p| p.surname == *last)
            })
    }

    /// The nearest person mentioned before `offset` that a pronoun can mean.
    pub fn before(&self, offset: usize, pronoun: &str) -> Option<usize> {
        let wanted = match pronoun {
            "he" => Some("he"),
            "she" => Some("she"),
            _ => None,
        };
        self.mentions
            .iter()
            .rev()
            .filter(|(at, _)| *at < offset)
            .map(|&(_, p)| p)
            .find(|&p| match (wanted, self.people[p].pronoun) {
                (Some(w), Some(known)) => w == known,
                _ => true,
            })
    }

    /// The nearest person before `offset` whose titles or appositives name
    /// the head noun of `description`.
    pub fn described(&self, offset: usize, description: &str) -> Option<usize> {
        let words: Vec<String> = description
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        let head = words
            .iter()
            .take_while(|w| !matches!(w.as_str(), "for" | "of" | "at" | "with" | "in" | "from"))
            .last()?;
        let head = title_role(head).unwrap_or(head.as_str()).to_string();
        if head.len() < 3 || DETERMINERS.contains(&head.as_str()) {
            return None;
        }
        self.mentions
            .iter()
            .rev()
            .filter(|(at, _)| *at < offset)
            .map(|&(_, p)| p)
            .find(|&p| {
                self.people[p]
                    .roles
                    .iter()
                    .any(|r| *r == head || title_role(r) == Some(head.as_str()))
            })
    }

    pub fn learn_pronoun(&mut self, person: usize, pronoun: &str) {
        let known = match pronoun {
            "he" => "he",
            "she" => "she",
            _ => return,
        };
        if let Some(p) = self.people.get_mut(person) {
            p.pronoun.get_or_insert(known);
        }
    }
}

/// Words that open a subordinate clause or phrase before a sentence's
/// subject: `When he returned, he said ...`.
const SUBORDINATORS: &[&str] = &[
    "when",
    "after",
    "before",
    "if",
    "as",
    "although",
    "though",
    "while",
    "since",
    "because",
    "in",
    "on",
    "at",
    "during",
    "for",
    "with",
    "by",
    "from",
    "under",
    "later",
    "earlier",
    "asked",
    "speaking",
    "still",
    "yet",
    "but",
    "and",
    "meanwhile",
    "instead",
    "however",
];

/// The subject of a sentence: the speaker phrase at its start, after a
/// leading clause set off by a comma.
pub fn sentence_subject(
    text: &str,
    tokens: &[Token],
    range: &std::ops::Range<usize>,
) -> Option<SpeakerPhrase> {
    let mut start = range.start;
    while start < range.end && !tokens[start].is_word() {
        start += 1;
    }
    if start < range.end && SUBORDINATORS.contains(&lower(text, &tokens[start]).as_str()) {
        let comma = (start..range.end)
            .take_while(|&i| tokens[i].quote().is_none())
            .find(|&i| tokens[i].is_punct(','))?;
        start = comma + 1;
    }
    phrase_starting_at(text, tokens, start, range.end)
}

/// Whether a token is the word `to` after `according`.
pub fn is_according_to(text: &str, tokens: &[Token], i: usize) -> bool {
    lower(text, &tokens[i]) == "according"
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && lower(text, t) == "to")
}
