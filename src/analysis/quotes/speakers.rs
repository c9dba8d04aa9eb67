//! Speaker phrases: the noun phrase next to a verb of saying, or a
//! sentence's subject.

use super::appositives::{name_after_role, name_in_apposition};
use super::lexicon::*;
use super::nouns::*;
use super::tags::Tags;
use super::words::Token;
use crate::analysis::MentionForm;
use crate::text::Span;

/// A noun phrase that says who spoke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerPhrase {
    pub span: Span,
    pub form: MentionForm,
}

pub(super) fn form_of_name(tokens: &[Token], start: usize, end: usize) -> MentionForm {
    // `Law said`, `said Law`: a surname that is an organisation's word,
    // right beside its verb.
    let cue_beside = tokens.get(end + 1).is_some_and(|t| t.tags.has(Tags::CUE))
        || start
            .checked_sub(1)
            .is_some_and(|k| tokens[k].tags.has(Tags::CUE));
    let surname = start == end && tokens[end].tags.name_like() && cue_beside;
    if tokens[end].tags.has(Tags::ORGANISATION) && !surname {
        MentionForm::Description
    } else {
        let names = (start..=end)
            .filter(|&i| !tokens[i].tags.has(Tags::TITLE))
            .count();
        if names >= 2 {
            MentionForm::Name
        } else {
            MentionForm::Surname
        }
    }
}

pub(super) fn phrase(
    tokens: &[Token],
    start: usize,
    end: usize,
    form: MentionForm,
) -> SpeakerPhrase {
    SpeakerPhrase {
        span: Span::new(tokens[start].span.start, tokens[end].span.end),
        form,
    }
}

/// A description from `start` to `end`: anonymous when its head is one of
/// the anonymous-source nouns and it is not definite. `None` when its head
/// is no noun that can speak (`the past`, `her speech`): a person, an
/// organisation, a group or a source. Words after the head that start a
/// clause (`the president for accepting ...`) are left out.
fn description(text: &str, tokens: &[Token], start: usize, end: usize) -> Option<SpeakerPhrase> {
    // Words compared whatever their case, without lowering them; every
    // word looked for is short, so a long one is turned away at once.
    let is = |k: usize, words: &[&str]| {
        let w = word(text, &tokens[k]);
        w.len() <= 8 && words.iter().any(|x| w.eq_ignore_ascii_case(x))
    };
    const STOPS: &[&str] = &[
        "for", "of", "at", "with", "in", "from", "close", "familiar", "who", "on", "to", "and",
        "or", "that", "which", "by", "about", "over", "after",
    ];
    const PREPOSITIONS: &[&str] = &[
        "for", "of", "at", "with", "in", "from", "close", "familiar", "on",
    ];
    // The head: the last word before a preposition or clause that can
    // name a speaker (`The billionaire businessman began ...` has
    // `businessman`), or a capitalised word after the first (`the
    // Washington Post`).
    let definite = is(start, &["the", "his", "her", "its", "their"]);
    let mut head = None;
    for k in start..=end {
        // `of` inside an organisation's name: `the American Federation of
        // Teachers`.
        let in_name = k > start && k < end && of_in_name(text, tokens, k);
        if !tokens[k].is_word() || (is(k, STOPS) && !in_name) {
            break;
        }
        // A capitalised name ending the phrase after `the` (`the
        // Washington Post`, `the Post`).
        let name_end = definite
            && k > start
            && tokens[k].tags.has(Tags::CAPITAL)
            && !tokens
                .get(k + 1)
                .is_some_and(|n| n.is_word() && n.tags.has(Tags::CAPITAL));
        // The head ends the noun phrase: `his campaign sent out a text
        // message` is the campaign.
        let noun_head = head.is_some_and(|h: usize| {
            tokens[h].tags.has(Tags::SPEAKS) && !tokens[h].tags.has(Tags::CAPITAL)
        });
        if noun_head
            && !tokens[k]
                .tags
                .has(Tags::SPEAKS.with(Tags::TITLE).with(Tags::CAPITAL))
        {
            break;
        }
        // A people's or a party's word standing for a person (`another
        // Muslim`, `a Republican`, `the Democrat`).
        // Not one that modifies the noun after it: `a fake Southern
        // accent`, `Republican Senate leaders`.
        let adherent = k > start
            && tokens[k].tags.has(Tags::CAPITAL)
            && (tokens[k].tags.has(Tags::DEMONYM) || is_affiliation(&lower(text, &tokens[k])))
            && !tokens.get(k + 1).is_some_and(|n| {
                n.is_word()
                    && (n.tags.has(Tags::CAPITAL)
                        || !(n
                            .tags
                            .has(Tags::CUE.with(Tags::CLAUSE).with(Tags::FUNCTION))))
            });
        if tokens[k].tags.has(Tags::SPEAKS) || name_end || adherent {
            head = Some(k);
        }
    }
    let head = head?;
    // After the head, a prepositional phrase (`for the ministry`,
    // `familiar with the talks`) but no clause.
    let mut last = head;
    if head < end && tokens[head + 1].is_word() && is(head + 1, PREPOSITIONS) {
        for (k, token) in tokens
            .iter()
            .enumerate()
            .take(end.min(head + 7) + 1)
            .skip(head + 1)
        {
            let w = word(text, token);
            if !token.is_word()
                || is(k, &["and", "or", "that", "which", "who", "whose"])
                || w.ends_with("ing")
                || w.ends_with("ed")
                || token.tags.has(Tags::CUE.with(Tags::ADVERB))
            {
                break;
            }
            last = k;
        }
        if last > head && is(last, STOPS) {
            last = head;
        }
    }
    let familiar_with = (start..last).any(|k| is(k, &["familiar"]) && is(k + 1, &["with"]));
    let anonymous =
        !is(start, &["the"]) && (tokens[head].tags.has(Tags::ANONYMOUS) || familiar_with);
    let form = if anonymous {
        MentionForm::Anonymous
    } else {
        MentionForm::Description
    };
    Some(phrase(tokens, start, last, form))
}

/// The capitalised run from `start`, carried on through lower-case titles
/// to the name they lead (`Utah governor Michael Leavitt`, `Republican
/// candidate Ben Carson`): the first token of the name and the run's end.
pub(super) fn through_title(
    text: &str,
    tokens: &[Token],
    start: usize,
    hi: usize,
) -> (usize, usize) {
    let mut end = capitalised_run_forward(text, tokens, start, hi);
    // `Former Secretary of State Hillary Clinton`, `Speaker of the House
    // Paul Ryan`: a title's `of` phrase, then the name.
    let is = |k: usize, w: &str| word(text, &tokens[k]).eq_ignore_ascii_case(w);
    if tokens[end].tags.has(Tags::TITLE) && end + 2 < hi && is(end + 1, "of") {
        let mut next = end + 2;
        if is(next, "the") && next + 1 < hi {
            next += 1;
        }
        if is_capitalised(text, &tokens[next]) {
            let tail = capitalised_run_forward(text, tokens, next, hi);
            let named = (next..=tail).any(|k| tokens[k].tags.has(Tags::GIVEN));
            if named && tail > next {
                end = tail;
            }
        }
    }
    let mut k = end + 1;
    while k < hi
        && k <= end + 4
        && tokens[k].is_word()
        && !tokens[k]
            .tags
            .has(Tags::CAPITAL.with(Tags::NOT_MODIFIER).with(Tags::CUE))
    {
        k += 1;
    }
    // The word right before the name is a title or a noun for a person
    // (`party boss Reince Priebus`, `Blaze co-host Stu Burguiere`), or the
    // name starts with a title (`Air Force 1st Lt. Tyler Livingston`).
    let titled = k > end + 1
        && ({
            let before = &tokens[k - 1];
            before.tags.has(Tags::TITLE.with(Tags::SPEAKS))
                || word(text, before)
                    .rsplit_once('-')
                    .is_some_and(|(_, noun)| can_speak(noun))
        } || (k < hi
            && tokens[k].tags.has(Tags::TITLE)
            && (end + 1..k)
                .all(|j| word(text, &tokens[j]).starts_with(|c: char| c.is_ascii_digit()))));
    if titled && k < hi && tokens[k].is_word() && tokens[k].tags.has(Tags::CAPITAL) {
        (k, capitalised_run_forward(text, tokens, k, hi))
    } else {
        (start, end)
    }
}

/// Whether a word in capitals is no name: a word of prose shouted in a
/// heading (`SHORT READS:`) or an abbreviation of a common noun (`super
/// PAC`, `Trump's potential VP`).
fn shouted_word(text: &str, token: &Token) -> bool {
    token.tags.has(Tags::ALL_CAPS)
        && (token.tags.has(Tags::CUE.with(Tags::FUNCTION))
            || matches!(
                &*lower(text, token),
                "pac"
                    | "pacs"
                    | "vp"
                    | "ceo"
                    | "cfo"
                    | "coo"
                    | "ngo"
                    | "ngos"
                    | "mp"
                    | "mps"
                    | "short"
                    | "more"
                    | "update"
                    | "updated"
                    | "breaking"
                    | "watch"
                    | "read"
                    | "editor's"
                    | "note"
            ))
}

/// Whether a capitalised word alone is an adjective, not a speaker: a
/// country's adjective or a party's (`Chinese`, `Republican`).
fn adjective_alone(text: &str, token: &Token, next: Option<&Token>) -> bool {
    // Followed by a lower-case word it modifies (`Chinese officials`); a
    // name otherwise (`said Cuban, who ...`).
    let modifies = next.is_some_and(|n| n.is_word() && !n.tags.has(Tags::CAPITAL));
    let word = lower(text, token);
    (modifies && token.tags.has(Tags::DEMONYM)) || is_affiliation(&word) || word == "former"
}

/// Whether a lower-case noun can head the description of a speaker: a
/// person, an organisation, a group, a source or a document, in the
/// singular or the plural, or an age (`the 46-year-old`).
pub fn can_speak(head: &str) -> bool {
    speaking_noun(head)
        || head.strip_suffix('s').is_some_and(speaking_noun)
        || head.ends_with("-year-old")
}

fn speaking_noun(head: &str) -> bool {
    is_person_noun(head)
        || DOCUMENT_NOUNS.contains(&head)
        || is_org_noun(head)
        || GROUP_HEADS.contains(&head)
        || ANONYMOUS_HEADS.contains(&head)
        || title_role(head).is_some_and(|r| !r.is_empty())
}

/// Whether a single capitalised word at the start of a sentence is a word
/// that opens it rather than a name (`Preceded`, `Footage`, `Even`).
fn opens_not_names(text: &str, token: &Token, next: Option<&Token>) -> bool {
    let tags = token.tags;
    if !tags.has(Tags::SENTENCE_START) || tags.has(Tags::ALL_CAPS.with(Tags::PLACE)) {
        return false;
    }
    // A word the name lists know is a name (`Trump`), and so is any word
    // right before a verb of saying (`Okafor said`) or a verb in the past
    // (`Hollande denounced`), unless it has the shape of a gerund, a
    // participle, an adverb or a plural (`Preceded by`, `Observers noted`).
    if tags.has(Tags::OPENER.with(Tags::FUNCTION)) {
        return true;
    }
    // A question's auxiliary that is also a given name: `Will the senator
    // run?`, `May the best man win`.
    let auxiliary = ["will", "may"]
        .iter()
        .any(|a| word(text, token).eq_ignore_ascii_case(a));
    if auxiliary && next.is_some_and(|n| n.tags.has(Tags::DETERMINER.with(Tags::PRONOUN))) {
        return true;
    }
    if tags.name_like() || next.is_some_and(|n| n.tags.has(Tags::CUE)) {
        return false;
    }
    let w = word(text, token);
    let shaped = ["ing", "ed", "ly"].iter().any(|end| w.ends_with(end))
        || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"));
    let past_verb = next.is_some_and(|n| {
        n.is_word()
            && !n.tags.has(Tags::CAPITAL.with(Tags::NOT_MODIFIER))
            && word(text, n).ends_with("ed")
    });
    shaped || tags.has(Tags::SPEAKS.with(Tags::GROUP).with(Tags::ORGANISATION)) || !past_verb
}

pub(super) fn phrase_ending_at(
    text: &str,
    tokens: &[Token],
    lo: usize,
    end: usize,
) -> Option<SpeakerPhrase> {
    let token = &tokens[end];
    if !token.is_word() {
        return None;
    }
    if token.tags.has(Tags::PRONOUN) {
        return Some(phrase(tokens, end, end, MentionForm::Pronoun));
    }
    // `Another tweeted`, `Some said`, `Many wrote`: a determiner standing
    // for people.
    let before_verb = tokens
        .get(end + 1)
        .is_some_and(|t| t.tags.has(Tags::CUE.with(Tags::ADVERB)));
    if token.tags.has(Tags::DETERMINER) && before_verb && (end == lo || !tokens[end - 1].is_word())
    {
        let form = match &*lower(text, token) {
            "another" | "one" => Some(MentionForm::Anonymous),
            "some" | "many" | "others" | "several" | "most" | "few" => {
                Some(MentionForm::Description)
            }
            _ => None,
        };
        if let Some(form) = form {
            return Some(phrase(tokens, end, end, form));
        }
    }
    // A month is no one, unless it is a family name standing as a name:
    // `Theresa May said`, `"...," May said`.
    let month_surname = super::lexicon::surname_month_at(text, tokens, end, lo);
    if token.tags.has(Tags::CAPITAL) && (!token.tags.has(Tags::CALENDAR) || month_surname) {
        let start = capitalised_run_back(text, tokens, lo, end)?;
        // `the Foreign Ministry`, `a White House spokesperson`.
        if start > lo && tokens[start - 1].tags.has(Tags::DETERMINER) {
            return description(text, tokens, start - 1, end);
        }
        if start == end && opens_not_names(text, &tokens[end], tokens.get(end + 1)) {
            return None;
        }
        if (start..=end).all(|k| shouted_word(text, &tokens[k])) {
            return None;
        }
        return Some(phrase(tokens, start, end, form_of_name(tokens, start, end)));
    }
    // A lowercase phrase: go back to its determiner, or to a bare plural
    // such as `officials` in `officials familiar with the plan`.
    let mut start = end;
    while start > lo && end - start < 8 {
        let prev = &tokens[start - 1];
        // A verb of saying ends the phrase: `Quick said the billionaire
        // front-runner had ...` is the front-runner, not Quick's.
        if !prev.is_word() || prev.tags.has(Tags::CLAUSE) || prev.tags.has(Tags::CUE) {
            break;
        }
        start -= 1;
    }
    // A determiner, or a name in the possessive (`Ryan's campaign said`,
    // `Trump's spokesman said`), starts the description; without one, a
    // plural that can speak heads it with its adjectives (`federal
    // prosecutors wrote`).
    let first = (start..=end)
        .find(|&i| {
            let tags = tokens[i].tags;
            tags.has(Tags::DETERMINER.with(Tags::ANONYMOUS))
                || (tags.has(Tags::POSSESSIVE) && tags.has(Tags::CAPITAL) && i < end)
        })
        .or_else(|| {
            let head = lower(text, &tokens[end]);
            let plural = head.len() > 3 && head.ends_with('s') && can_speak(&head);
            plural.then(|| {
                (start..end)
                    .rev()
                    .take_while(|&k| !tokens[k].tags.has(Tags::NOT_MODIFIER.with(Tags::CUE)))
                    .last()
                    .unwrap_or(end)
            })
        })?;
    description(text, tokens, first, end)
}

/// The speaker phrase that opens with a name in the possessive, which is
/// not itself the speaker: `Rubio's deputy campaign manager, Rich Beeson`
/// is Beeson; `Rubio's campaign manager` a description; `Trump's` alone
/// nobody.
fn possessive_phrase(
    text: &str,
    tokens: &[Token],
    start: usize,
    owner: usize,
    hi: usize,
) -> Option<SpeakerPhrase> {
    let mut end = owner;
    while end + 1 < hi
        && end - owner < 6
        && tokens[end + 1].is_word()
        && !tokens[end + 1]
            .tags
            .has(Tags::CAPITAL.with(Tags::NOT_MODIFIER))
        && cue_free(&tokens[end + 1])
        // The noun that can speak ends it: `Rubio's campaign sent out`.
        && !(end > owner
            && tokens[end].tags.has(Tags::SPEAKS)
            && !tokens[end + 1].tags.has(Tags::SPEAKS.with(Tags::TITLE)))
    {
        end += 1;
    }
    if end == owner {
        return None;
    }
    name_in_apposition(text, tokens, end, hi).or_else(|| description(text, tokens, start, end))
}

/// Whether a word can sit inside a noun phrase: verbs of saying and
/// auxiliaries end it.
fn cue_free(token: &Token) -> bool {
    !token.tags.has(Tags::CUE.with(Tags::ADVERB))
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
    let first = word(text, &tokens[start]);
    let first_tags = tokens[start].tags;
    // `His office issued a statement`: a possessive before a noun that
    // speaks starts a description, not a pronoun of its own.
    let owner = ["his", "her", "its", "their"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
        && tokens.get(start + 1).is_some_and(|t| {
            t.is_word()
                && !t.tags.has(Tags::CAPITAL)
                && can_speak(&super::lexicon::lowercase(word(text, t)))
        });
    if first_tags.has(Tags::PRONOUN) && !owner {
        return Some(phrase(tokens, start, start, MentionForm::Pronoun));
    }
    // `The Republican candidate said`: a capitalised determiner starts a
    // description.
    if (first_tags.has(Tags::DETERMINER)
        && !first.eq_ignore_ascii_case("her")
        && !first.eq_ignore_ascii_case("his"))
        || owner
    {
        let mut end = start;
        while end + 1 < hi
            && end - start < 8
            && tokens[end + 1].is_word()
            && (!tokens[end + 1].tags.has(Tags::NOT_MODIFIER) || of_in_name(text, tokens, end + 1))
            && cue_free(&tokens[end + 1])
            // A past-tense verb after the head noun ends the phrase: `The
            // union's lawyer ended ...` (but `The retired general`).
            && !(end > start && word(text, &tokens[end + 1]).ends_with("ed"))
        {
            end += 1;
        }
        if end > start {
            return name_after_role(text, tokens, start, end)
                .or_else(|| name_in_apposition(text, tokens, end, hi))
                .or_else(|| description(text, tokens, start, end));
        }
        return None;
    }
    if is_capitalised(text, &tokens[start]) {
        // `said May,` is Theresa May; `said May 5` a day.
        let month_surname = super::lexicon::surname_month_at(text, tokens, start, 0);
        if first_tags.has(Tags::CALENDAR.with(Tags::FUNCTION)) && !month_surname {
            return None;
        }
        let (name, end) = through_title(text, tokens, start, hi);
        if (start..=end).all(|k| shouted_word(text, &tokens[k])) {
            return None;
        }
        if tokens[end].tags.has(Tags::POSSESSIVE) {
            return possessive_phrase(text, tokens, start, end, hi);
        }
        // `Attorneys for Clinton`, `Officials`: a noun that can speak,
        // capitalised only because it opens the sentence.
        if name == end
            && tokens[name].tags.has(Tags::SENTENCE_START)
            && !tokens[name].tags.name_like()
            && !tokens[name].tags.has(Tags::TITLE)
            && tokens[name].tags.has(Tags::SPEAKS)
            && can_speak(&lower(text, &tokens[name]))
        {
            return description(text, tokens, start, end);
        }
        if name == end
            && (opens_not_names(text, &tokens[name], tokens.get(name + 1))
                || adjective_alone(text, &tokens[name], tokens.get(name + 1)))
        {
            return None;
        }
        return Some(phrase(tokens, start, end, form_of_name(tokens, name, end)));
    }
    // `said former Utah governor Michael Leavitt`: lowercase words before a
    // capitalised name.
    if !first_tags.has(Tags::DETERMINER.with(Tags::ANONYMOUS)) {
        if tokens[start]
            .tags
            .has(Tags::NOT_MODIFIER.with(Tags::ADVERB))
        {
            return None;
        }
        let name = (start + 1..hi)
            .take(5)
            .take_while(|&i| tokens[i].is_word() && !tokens[i].tags.has(Tags::NOT_MODIFIER))
            .find(|&i| is_capitalised(text, &tokens[i]))?;
        if tokens[name].tags.has(Tags::CALENDAR.with(Tags::FUNCTION)) {
            return None;
        }
        let (name, end) = through_title(text, tokens, name, hi);
        if name == end && adjective_alone(text, &tokens[name], tokens.get(name + 1)) {
            return None;
        }
        return Some(phrase(tokens, start, end, form_of_name(tokens, name, end)));
    }
    if first_tags.has(Tags::DETERMINER.with(Tags::ANONYMOUS)) {
        let mut end = start;
        while end + 1 < hi
            && end - start < 8
            && tokens[end + 1].is_word()
            && !matches!(
                &*lower(text, &tokens[end + 1]),
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
        if end == start && first_tags.has(Tags::DETERMINER) {
            return None;
        }
        return description(text, tokens, start, end);
    }
    None
}
