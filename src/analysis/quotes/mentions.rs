//! The names a block's words give: each capitalised run read from its
//! tags as a person, an organisation or a place, with the titles and
//! appositive around it. Found from the block alone, so it can be kept
//! while the block is unchanged.

use super::appositives::{aged, appositive, role_after, title_of_phrase};
use super::lexicon::{lower, title_role, word, NAME_TAKES_OF};
use super::names::{strip_possessive, Gender};
use super::nouns::{is_law_word, is_person_noun, role_gender, title_gender};
use super::tags::Tags;
use super::words::Token;
use crate::text::Span;

/// What a capitalised run names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// Two words or more with something that says a person: a given name,
    /// a title, a middle initial, a family name written first.
    Person,
    /// Two words or more that nothing marks as a person or anything else:
    /// taken for a person only when they speak.
    Unknown,
    Organisation,
    /// One word: a surname on later reference, or an organisation or
    /// person known by one word; resolved with the whole draft.
    Single,
}

/// A name in a block's words, outside its quotations.
#[derive(Clone, Debug, PartialEq)]
pub struct NameMention {
    /// The name without titles before it or a possessive after it.
    pub span: Span,
    /// The name's words, one space apart.
    pub name: String,
    pub kind: NameKind,
    /// The gender a title or role says (`Mr.`, `spokeswoman`).
    pub gender: Option<Gender>,
    /// The gender the given name usually has: only a hint (`Lindsey
    /// Graham`), which a pronoun may overrule.
    pub given_gender: Option<Gender>,
    /// A title stood before the name (`Mr.`, `Sen.`, `President`).
    pub titled: bool,
    /// The first word is a family name of a culture that writes it first
    /// (`Wang Wenbin`): later references may use it.
    pub family_first: bool,
    /// For one word: the name lists know it as a name (and it is not a
    /// common word opening a sentence), or a title stood before it.
    pub name_like: bool,
    /// The first word is a given name the lists know (`Jeb Bush`): a
    /// draft may call the person by it.
    pub given_first: bool,
    /// Nouns from titles and appositives: `spokesperson`, `senator`.
    pub roles: Vec<String>,
    /// Titles and appositives as written: `Gov.`, `a spokesperson for the
    /// foreign ministry`.
    pub descriptions: Vec<String>,
}

impl NameMention {
    /// The mention for a block that moved from `from` to `to`.
    pub fn moved(&self, from: usize, to: usize) -> NameMention {
        NameMention {
            span: self.span.moved(from, to),
            ..self.clone()
        }
    }
}

/// Every name a block's words give, in order.
pub fn find_names(text: &str, tokens: &[Token]) -> Vec<NameMention> {
    let mut found = Vec::new();
    // A credit line under a photograph (`Getty.`, `Reuters/Jim Bourg.`
    // aside): one capitalised word and a period names an agency, not a
    // person anyone would call `he`.
    if let [word, period] = tokens {
        if word.is_word() && period.is_punct('.') {
            return found;
        }
    }
    let mut i = 0;
    while i < tokens.len() {
        let tags = tokens[i].tags;
        if !tokens[i].is_word() || !tags.has(Tags::CAPITAL) || tags.has(Tags::DATELINE) {
            i += 1;
            continue;
        }
        let end = run_end(text, tokens, i);
        found.extend(read_run(text, tokens, i, end));
        i = end + 1;
    }
    found
}

/// Words in `-ed` that begin the names of organisations and places.
const NAMING_PARTICIPLES: &[&str] = &[
    "United",
    "Associated",
    "Allied",
    "Federated",
    "Limited",
    "Incorporated",
    "Consolidated",
    "Reformed",
    "Concerned",
    "Organized",
    "Amalgamated",
    "Assembled",
    "Distinguished",
];

/// The last token of the capitalised run that starts at `start`: capitals,
/// particles between capitals (`Ursula von der Leyen`), initials, suffixes
/// (`Jr.`), and a nickname in quotation marks between two capitals
/// (`Marcia "Cia" Price`). A possessive (`Trump's`) ends a run.
pub fn run_end(text: &str, tokens: &[Token], start: usize) -> usize {
    let mut end = start;
    loop {
        if tokens[end].tags.has(Tags::POSSESSIVE) {
            return end;
        }
        let next = end + 1;
        let Some(token) = tokens.get(next) else {
            return end;
        };
        // A name does not run over a line break: a headline in capitals
        // above a paragraph is not part of its first name.
        if text
            .get(tokens[end].span.end..token.span.start)
            .is_some_and(|gap| gap.contains('\n'))
        {
            return end;
        }
        let capital = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| t.is_word() && t.tags.has(Tags::CAPITAL))
        };
        let tags = token.tags;
        // A capitalised word, unless it is a month, a dateline, a function
        // word, a verb of saying no name or organisation list knows
        // (`United States` runs on), or a closed word.
        // A month that is also a family name, right after a given name (or
        // a name's word before a comma) and before no day of the month, is
        // the family name: `Theresa May`, `Yin Myint May, 60,`.
        let month_surname =
            tags.has(Tags::CALENDAR) && super::lexicon::surname_month_at(text, tokens, next, 0);
        let name_word = token.is_word()
            && tags.has(Tags::CAPITAL)
            && (month_surname
                || !tags.has(Tags::CALENDAR.with(Tags::DATELINE).with(Tags::FUNCTION)))
            && (!tags.has(Tags::CUE)
                || tags.has(Tags::GIVEN.with(Tags::FAMILY).with(Tags::ORGANISATION)))
            && (month_surname
                || !is_closed_word(word(text, token))
                // A name after a given name in prose, not in a headline's
                // capitals: `George Will reignited`, not `Hillary Will Win`.
                || (tags.name_like()
                    && tokens[end].tags.has(Tags::GIVEN)
                    && !capital(next + 1)));
        // A particle between capitals (`von der`) or a suffix (`Jr.`).
        let particle = token.is_word()
            && (tags.has(Tags::SUFFIX)
                || (tags.has(Tags::CONNECTOR)
                    && capital(next + 1)
                    && !word(text, token).eq_ignore_ascii_case("y")));
        // `of` after an organisation's word, before a capital: `American
        // Federation of Teachers`, `Bank of the West`.
        let of = word(text, token) == "of"
            && tokens[end].tags.has(Tags::ORGANISATION)
            && NAME_TAKES_OF.contains(&word(text, &tokens[end]))
            && (capital(next + 1)
                || (tokens.get(next + 1).is_some_and(|t| word(text, t) == "the")
                    && capital(next + 2)));
        // `for` after capitals or people in the plural, before a capital:
        // `CARLY for America`, `Americans for Prosperity`, `Students for
        // Fair Admissions`, a group's name.
        let for_group = word(text, token) == "for"
            && capital(next + 1)
            && (tokens[end].tags.has(Tags::ALL_CAPS)
                || super::lexicon::CAUSE_GROUP_WORDS.contains(&word(text, &tokens[end])));
        if for_group {
            end = next;
        } else if of {
            end = if capital(next + 1) { next } else { next + 1 };
        } else if name_word || particle {
            end = next;
        } else if is_nickname(text, tokens, next) {
            end = next + 1;
        } else {
            return end;
        }
    }
}

/// Whether a capitalised word is a word of the closed lists that cannot
/// sit inside a name (`Are`, `Will` after a name in a headline).
fn is_closed_word(word: &str) -> bool {
    matches!(
        &*super::lexicon::lowercase(word),
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "not"
            | "says"
            | "said"
            | "vs."
            | "vs"
            | "versus"
            | "to"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "into"
            | "about"
            | "after"
            | "over"
            | "than"
            | "as"
    )
}

/// Whether the token at `at` is a nickname in quotation marks inside a
/// name: one or two capitalised words quoted between two capitals.
pub fn is_nickname(text: &str, tokens: &[Token], at: usize) -> bool {
    let Some(token) = tokens.get(at) else {
        return false;
    };
    if token.quote().is_none() || at == 0 || token.span.len() > 40 {
        return false;
    }
    let inner = token.span.slice(text);
    let words: Vec<&str> = inner
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let capitalised =
        |t: Option<&Token>| t.is_some_and(|t| t.is_word() && t.tags.has(Tags::CAPITAL));
    (1..=2).contains(&words.len())
        && inner.chars().count() <= 24
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && capitalised(tokens.get(at - 1))
        && capitalised(tokens.get(at + 1))
        && tokens[at - 1].tags.has(Tags::GIVEN.with(Tags::INITIAL))
}

/// The name the capitalised run `start..=end` gives, unless it is no name
/// (a sentence opener, a month, a place alone).
fn read_run(text: &str, tokens: &[Token], start: usize, end: usize) -> Option<NameMention> {
    let mut roles: Vec<String> = Vec::new();
    let mut descriptions: Vec<String> = Vec::new();
    let mut gender = None;
    // Words before the name: sentence openers, then titles and whatever
    // leads them (`Florida Gov. Jeb Bush`, `Clinton Communications
    // Director Jennifer Palmieri`, `Mr. Podesta`).
    let mut lead = start;
    // A verb in the past before a name is no part of it: `Senator
    // Endorsed Trump` in a headline (`Ted`, `Jared` and `Reed` are names).
    // (`United States`, `Associated Press` and `Concerned Women for
    // America` keep theirs.)
    let past_verb = |k: usize| {
        let token = &tokens[k];
        let word = token.span.slice(text);
        word.len() >= 5
            && word.ends_with("ed")
            && !token.tags.name_like()
            && !token.tags.has(Tags::PLACE.with(Tags::PLACE_START))
            && !NAMING_PARTICIPLES.contains(&word)
            && k < end
    };
    while lead <= end
        && (tokens[lead].quote().is_some()
            || tokens[lead]
                .tags
                .has(Tags::FUNCTION.with(Tags::CALENDAR).with(Tags::OPENER))
            || past_verb(lead))
    {
        lead += 1;
    }
    if lead > end {
        return None;
    }
    let is_title = |k: usize| tokens[k].is_word() && tokens[k].tags.has(Tags::TITLE);
    let name_after = |k: usize| {
        let rest: Vec<usize> = (k + 1..=end).filter(|&j| tokens[j].is_word()).collect();
        rest.len() >= 2
            || rest
                .iter()
                .any(|&j| tokens[j].tags.name_like() && !tokens[j].tags.has(Tags::ALL_CAPS))
    };
    let last_title = (lead..end).rev().find(|&k| is_title(k) && name_after(k));
    let titled = last_title.is_some();
    let first = match last_title {
        Some(t) => {
            for token in &tokens[lead..=t] {
                let w = word(text, token);
                if let Some(role) = title_role(w).filter(|r| !r.is_empty()) {
                    roles.push(role.to_string());
                }
                gender = gender
                    .or(title_gender(w))
                    .or_else(|| role_gender(&lower(text, token)));
            }
            let lead_span = Span::new(tokens[lead].span.start, tokens[t].span.end);
            descriptions.push(lead_span.slice(text).to_string());
            t + 1
        }
        None => title_of_phrase(text, tokens, start, lead, end).unwrap_or(lead),
    };
    let mut first = first;
    while first < end && past_verb(first) {
        first += 1;
    }
    let names: Vec<usize> = (first..=end)
        .filter(|&k| tokens[k].is_word() && !is_nickname(text, tokens, k))
        .collect();
    let last = *names.last()?;
    let last_word = word(text, &tokens[last]);
    let stem = strip_possessive(last_word);
    let span = Span::new(
        tokens[first].span.start,
        tokens[last].span.start + stem.len(),
    );
    let words: Vec<&str> = names
        .iter()
        .map(|&k| {
            if k == last {
                stem
            } else {
                word(text, &tokens[k])
            }
        })
        .collect();
    let name = words.join(" ");

    // Places and nationalities are not people: `China`, `South Korea`,
    // `New York`, `Chinese`.
    // A word that is a place and a family name (`Bolton`, `Houston`) may
    // be either: it stays a name, weakly.
    // A given name and a family name are a person even when both are
    // towns too (`Elizabeth Warren`).
    let personal = names.len() >= 2
        && tokens[names[0]].tags.has(Tags::GIVEN)
        && tokens[last].tags.has(Tags::FAMILY);
    let place_only = !personal
        && names.iter().all(|&k| {
            let tags = tokens[k].tags;
            tags.has(Tags::PLACE.with(Tags::DEMONYM))
                && !(names.len() == 1 && tags.has(Tags::FAMILY))
        });
    // A nationality before a lower-case noun is an adjective, even where
    // it is a family name too: `a German woman`, `Irish voters`.
    let adjective = names.len() == 1
        && tokens[last].tags.has(Tags::DEMONYM)
        && tokens
            .get(last + 1)
            .is_some_and(|t| t.is_word() && !t.tags.has(Tags::CAPITAL));
    if place_only
        || adjective
        || (tokens[names[0]].tags.has(Tags::PLACE_START) && super::names::is_place_phrase(&name))
    {
        return None;
    }
    // A party's, faith's or people's word alone is an adjective or a
    // group, not someone's name: `the Latino community`, `a Democrat`.
    if names.len() == 1
        && !tokens[last].tags.has(Tags::ALL_CAPS)
        && super::nouns::is_affiliation(&lower(text, &tokens[last]))
    {
        return None;
    }
    // A law, bill or treaty is no one: `Pier Safety Act`, `Wolf Amendment`.
    // But a given name before such a word makes a person (`Steven Law`),
    // and so does a name alone before a verb of saying (`Law said`).
    let first_given = tokens[names[0]].tags.has(Tags::GIVEN) && names.len() >= 2;
    let speaks = names.len() == 1
        && tokens[last].tags.name_like()
        && tokens.get(last + 1).is_some_and(|t| t.tags.has(Tags::CUE));
    if is_law_word(stem) && !first_given && !speaks {
        return None;
    }
    // An organisation: its last word says so (`Foreign Ministry`), or one
    // short word in capitals (`FBI`); the name keeps its leading words.
    // Or a web address for a name: `GunBroker.com`.
    let domain = [".com", ".org", ".net", ".gov", ".edu"].iter().any(|d| {
        stem.len() > d.len() + 1
            && stem.is_char_boundary(stem.len() - d.len())
            && stem[stem.len() - d.len()..].eq_ignore_ascii_case(d)
    });
    let of_phrase = names
        .iter()
        .any(|&k| matches!(word(text, &tokens[k]), "of" | "for"));
    // `a program called Sandy Hook Promise`, `a firm named Blue Ridge
    // Analytics`: what an organisation's noun is called is its name.
    let called = |k: usize| {
        let noun = || {
            let word = lower(text, &tokens[lead - k]);
            super::nouns::is_org_noun(&word)
                || matches!(&*word, "program" | "project" | "initiative")
        };
        lead >= k
            && matches!(&*lower(text, &tokens[lead - 1]), "called" | "named")
            && tokens[lead - k].is_word()
            && noun()
    };
    let called_organisation = called(2) || called(3);
    // `Law said` after `Steven Law`: a law's word that speaks is a surname.
    let org_word = (tokens[last].tags.has(Tags::ORGANISATION) && !(speaks && is_law_word(stem)))
        || domain
        || of_phrase
        || called_organisation;
    let acronym = names.len() == 1
        && tokens[last].tags.has(Tags::ALL_CAPS)
        && (2..=6).contains(&stem.chars().filter(|c| c.is_alphabetic()).count())
        && !tokens[last].tags.has(Tags::PLACE);
    // A given name and a family name that is also an organisation's word
    // are a person: `Steven Law`, `Tom Church`.
    let family_name = names.len() == 2
        && first_given
        && !tokens[names[0]].tags.has(Tags::COMMON)
        && tokens[last].tags.has(Tags::FAMILY.with(Tags::FAMILY_FIRST));
    if (org_word && !family_name) || acronym {
        let span = Span::new(tokens[lead].span.start, span.end);
        return Some(NameMention {
            span,
            name: collapse(span.slice(text)),
            kind: NameKind::Organisation,
            gender: None,
            given_gender: None,
            titled: false,
            family_first: false,
            // An acronym alone (`FBI`, but also `CHIPS`) is an
            // organisation only once it speaks.
            name_like: !acronym,
            given_first: false,
            roles: vec![lower(text, &tokens[last]).into_owned()],
            descriptions,
        });
    }
    // `De Bruyn`, `Van Buren`: a surname with its particle, on later
    // reference.
    let particle_led = names.len() == 2 && tokens[names[0]].tags.has(Tags::CONNECTOR) && !titled;
    // One word (or a particle and a surname) is resolved with the whole
    // draft; whether the lists know it as a name is all it says now.
    let single = if particle_led {
        Some(true)
    } else if names.len() == 1 {
        let tags = tokens[last].tags;
        if tags.has(Tags::PRONOUN.with(Tags::OPENER).with(Tags::ALL_CAPS)) && !titled {
            return None;
        }
        // A name the lists know, unless it is also a place (`China`,
        // `Houston`) or a common word opening a sentence (`Young`).
        Some(
            titled
                || (tags.name_like()
                    && !tags.has(Tags::PLACE)
                    && !(tags.has(Tags::COMMON) && tags.has(Tags::SENTENCE_START))),
        )
    } else {
        None
    };
    if let Some(name_like) = single {
        return Some(NameMention {
            span,
            name,
            kind: NameKind::Single,
            gender,
            given_gender: None,
            titled,
            family_first: false,
            name_like,
            given_first: false,
            roles,
            descriptions,
        });
    }
    let first_tags = tokens[names[0]].tags;
    // `Wang Wenbin`, `Kim Jong Un`: a family name written first, before a
    // word no list knows as a given name.
    let family_first = first_tags.has(Tags::FAMILY_FIRST)
        && !tokens[names[1]].tags.has(Tags::GIVEN)
        && names.len() <= 3;
    let given_gender = if family_first {
        None
    } else {
        first_tags.gender()
    };
    let middle_initial = names[1..names.len() - 1]
        .iter()
        .any(|&k| tokens[k].tags.has(Tags::INITIAL));
    let mut person = titled
        || family_first
        || middle_initial
        || aged(text, tokens, end)
        || role_after(text, tokens, end)
        || (first_tags.has(Tags::GIVEN) && !first_tags.has(Tags::COMMON))
        || (first_tags.has(Tags::GIVEN) && tokens[last].tags.has(Tags::FAMILY));
    // A headline in capitals is no name; a suffix in capitals (`III`) is
    // part of one.
    let shouted = names.iter().any(|&k| {
        let tags = tokens[k].tags;
        tags.has(Tags::ALL_CAPS) && !tags.has(Tags::SUFFIX)
    });
    if shouted && !titled {
        return None;
    }
    // A role and a comma right before: `Kazakhstan's foreign minister,
    // Erlan Idrissov,`.
    if first == start
        && start >= 2
        && tokens[start - 1].is_punct(',')
        && tokens[start - 2].is_word()
        && !tokens[start - 2].tags.has(Tags::CAPITAL)
    {
        let before = lower(text, &tokens[start - 2]);
        if is_person_noun(&before) || title_role(&before).is_some_and(|r| !r.is_empty()) {
            roles.push(before.to_string());
            descriptions.push(before.to_string());
        }
    }
    // Lower-case roles right before: `spokesperson Wang Wenbin`.
    if first == start && start > 0 && tokens[start - 1].is_word() {
        let before = lower(text, &tokens[start - 1]);
        if let Some(role) = title_role(&before).filter(|r| !r.is_empty()) {
            roles.push(role.to_string());
            descriptions.push(before.to_string());
        } else if is_person_noun(&before) && !tokens[start - 1].tags.has(Tags::CAPITAL) {
            roles.push(before.to_string());
            descriptions.push(before.to_string());
        }
    }
    let roles_before = roles.len();
    if let Some((head, appositive)) = appositive(text, tokens, end) {
        gender = gender.or_else(|| role_gender(&head));
        // `Bill de Bruyn, the treasurer,`: a role says a person.
        person |= is_person_noun(&head);
        roles.push(head);
        descriptions.push(appositive);
    }
    person |= roles[..roles_before]
        .iter()
        .any(|r| is_person_noun(r) || title_role(r).is_some());
    Some(NameMention {
        span,
        name,
        kind: if person {
            NameKind::Person
        } else {
            NameKind::Unknown
        },
        gender,
        given_gender,
        titled,
        family_first,
        name_like: person,
        given_first: first_tags.has(Tags::GIVEN) && !family_first,
        roles,
        descriptions,
    })
}

/// A phrase's words one space apart.
fn collapse(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ")
}
