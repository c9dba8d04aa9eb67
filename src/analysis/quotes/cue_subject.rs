//! Where the speaker of a verb of saying stands: the phrase right before
//! the verb (past adverbs, a relative `who`, a parenthesis, an aside set
//! off by commas, the object of a preposition) or right after it.

use super::lexicon::{lower, word};
use super::speakers::{phrase, phrase_ending_at, phrase_starting_at, SpeakerPhrase};
use super::tags::Tags;
use super::words::Token;
use crate::analysis::MentionForm;

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
    // `Wang also said`, `she angrily said`; but a capital mid-sentence is
    // a name (`Will said`), unless it is a day (`later Thursday told`).
    let name_here =
        |k: usize| tokens[k].tags.has(Tags::CAPITAL) && !tokens[k].tags.has(Tags::SENTENCE_START);
    // A month that is a family name is the speaker's name: `Theresa May
    // said`, `"...," May said` (but `Trump Monday said`).
    let surname_month = |k: usize| super::lexicon::surname_month_at(text, tokens, k, lo);
    while j > lo
        && j - 1 != cue
        && tokens[j - 1].is_word()
        && ((tokens[j - 1].tags.has(Tags::CALENDAR) && !surname_month(j - 1))
            || (tokens[j - 1].tags.has(Tags::ADVERB) && !name_here(j - 1))
            || (word(text, &tokens[j - 1]).ends_with("ly")
                && !tokens[j - 1].tags.has(Tags::CAPITAL)))
    {
        j -= 1;
    }
    if j <= lo {
        return None;
    }
    let mut last = j - 1;
    // `to say`: an infinitive has no subject of its own here.
    if lower(text, &tokens[last]) == "to" {
        return None;
    }
    // `Dana Whitfield, who told`: the relative pronoun after a name speaks
    // for it.
    if lower(text, &tokens[last]) == "who" && last > lo {
        let mut before = last - 1;
        if tokens[before].is_punct(',') && before > lo {
            before -= 1;
        }
        if tokens[before].is_word() && tokens[before].tags.has(Tags::CAPITAL) {
            return Some(phrase(tokens, last, last, MentionForm::Pronoun));
        }
        // `a lecture from the Mexican president, who said`: the person the
        // description names.
        let described = (lo..before)
            .rev()
            .take(6)
            .take_while(|&k| tokens[k].is_word())
            .find(|&k| lower(text, &tokens[k]) == "the")
            .and_then(|k| phrase_starting_at(text, tokens, k, before + 1))
            .filter(|p| {
                p.form == MentionForm::Description && p.span.end == tokens[before].span.end
            });
        if tokens[before].is_word() && described.is_some() {
            return described;
        }
    }
    // `Priebus later Thursday told`: one capitalised word before the verb
    // and its adverbs is its subject.
    if j < cue
        && tokens[last].tags.has(Tags::CAPITAL)
        && (!tokens[last]
            .tags
            .has(Tags::OPENER.with(Tags::FUNCTION).with(Tags::CALENDAR))
            || surname_month(last))
        && (last == lo || !tokens[last - 1].is_word())
    {
        return Some(phrase(tokens, last, last, MentionForm::Surname));
    }
    // `Carson took the stage at the Grand Hotel and called`: a verb joined
    // by `and` shares the subject that opens the sentence.
    if matches!(&*lower(text, &tokens[last]), "and" | "but") && last > lo {
        let opening = phrase_starting_at(text, tokens, lo, last).filter(|p| {
            matches!(
                p.form,
                MentionForm::Name | MentionForm::Surname | MentionForm::Pronoun
            )
        });
        if opening.is_some() {
            return opening;
        }
    }
    last = before_parenthesis(tokens, lo, last)?;
    if tokens[last].is_punct(',') {
        return speaker_before_aside(text, tokens, lo, last);
    }
    let found = phrase_ending_at(text, tokens, lo, last)?;
    let first = tokens.partition_point(|t| t.span.start < found.span.start);
    // `Lawyers for the city said`: the lawyers speak, not the city.
    if first >= lo + 2 {
        if let Some(group) = plural_for(text, tokens, first - 2, last + 1) {
            return Some(group);
        }
    }
    if let Some(owner) = owner_after_of(text, tokens, lo, first, &found) {
        return Some(owner);
    }
    // `Trump in his announcement speech called`: the object of a
    // preposition is never the subject; the name before the preposition is.
    let after_preposition = first > lo
        && [
            "in", "on", "at", "during", "via", "through", "over", "inside",
        ]
        .iter()
        .any(|w| word(text, &tokens[first - 1]).eq_ignore_ascii_case(w));
    // (`someone in the audience shouted` keeps its own phrase.)
    if after_preposition && found.form == MentionForm::Description {
        let before = (first >= lo + 2)
            .then(|| phrase_ending_at(text, tokens, lo, first - 2))
            .flatten()
            .filter(|p| {
                matches!(
                    p.form,
                    MentionForm::Name | MentionForm::Surname | MentionForm::Pronoun
                )
            });
        if before.is_some() {
            return before;
        }
    }
    // `Sam Lau, the communications director for the Iowa Democratic Party
    // said`: an appositive the writer never closed, after the name that
    // opens the sentence.
    if !matches!(
        found.form,
        MentionForm::Name | MentionForm::Surname | MentionForm::Pronoun
    ) {
        let opening = phrase_starting_at(text, tokens, lo, last)
            .filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname));
        if let Some(opening) = opening {
            let after = tokens.partition_point(|t| t.span.start < opening.span.end);
            let unclosed = tokens.get(after).is_some_and(|t| t.is_punct(','))
                && !tokens[after + 1..=last].iter().any(|t| t.is_punct(','));
            if unclosed {
                return Some(opening);
            }
        }
    }
    Some(found)
}

/// Whose place or employer the phrase right before a verb is (`found`,
/// starting at token `first`), when `of` or `from` leads it: `House
/// Speaker Paul D. Ryan of Wisconsin lamented`, `Stacy Baker of Columbia,
/// South Carolina, says`, `Archbishop Aris Shirvanian of the Armenian
/// Patriarchate of Jerusalem told`, `Jamie Dimon of JPMorgan said`. A place
/// belongs to the name before it; an employer, or an institution of a
/// place, only to a person's name.
fn owner_after_of(
    text: &str,
    tokens: &[Token],
    lo: usize,
    first: usize,
    found: &SpeakerPhrase,
) -> Option<SpeakerPhrase> {
    let last = tokens.partition_point(|t| t.span.start < found.span.end) - 1;
    let is_place = |first: usize, last: usize| {
        (first..=last).all(|k| tokens[k].tags.has(Tags::PLACE))
            || (tokens[first].tags.has(Tags::PLACE_START)
                && super::names::is_place_phrase(
                    &text[tokens[first].span.start..tokens[last].span.end],
                ))
    };
    let place = is_place(first, last);
    let mut first = first;
    // `Columbia, South Carolina`: a city and its state.
    if place && first >= lo + 2 && tokens[first - 1].is_punct(',') {
        let city = phrase_ending_at(text, tokens, lo, first - 2)?;
        let city_first = tokens.partition_point(|t| t.span.start < city.span.start);
        if !is_place(city_first, first - 2) {
            return None;
        }
        first = city_first;
    }
    let after_of = |k: usize| {
        k >= lo + 2
            && ["of", "from"]
                .iter()
                .any(|w| word(text, &tokens[k - 1]).eq_ignore_ascii_case(w))
            && tokens[k - 2].tags.has(Tags::CAPITAL)
    };
    if !after_of(first) {
        return None;
    }
    let named = |p: &SpeakerPhrase| matches!(p.form, MentionForm::Name | MentionForm::Surname);
    // After `of` anything but a place (`Jamie Dimon of JPMorgan said`)
    // gives way only to a person's name.
    let person = |p: &SpeakerPhrase| {
        let k = tokens.partition_point(|t| t.span.start < p.span.start);
        let titled_name = tokens[k].tags.has(Tags::TITLE) && p.span.end > tokens[k].span.end;
        named(p) && (tokens[k].tags.has(Tags::GIVEN) || titled_name)
    };
    let owner = phrase_ending_at(text, tokens, lo, first - 2)?;
    let owner_first = tokens.partition_point(|t| t.span.start < owner.span.start);
    // `of the Armenian Patriarchate of Jerusalem`: one institution between
    // the person and the place.
    let institution = owner.form == MentionForm::Description
        && lower(text, &tokens[owner_first]) == "the"
        && after_of(owner_first);
    if institution {
        return phrase_ending_at(text, tokens, lo, owner_first - 2).filter(person);
    }
    Some(owner).filter(|o| if place { named(o) } else { person(o) })
}

/// The speaker before a verb that follows a comma: an appositive or a
/// relative clause may sit between them (`Wang Wenbin, a spokesperson,
/// said`; `Mark Holden, chairman of the board of Freedom Partners, the
/// network's funding arm, said`; `Michael Seaman, who lives outside the
/// state capital, Sacramento, said`), so the speaker is the name before
/// the comma that opens the aside. Without one, the name right before the
/// comma (`Gov. John Kasich (R-Ohio), said`).
fn speaker_before_aside(
    text: &str,
    tokens: &[Token],
    lo: usize,
    comma: usize,
) -> Option<SpeakerPhrase> {
    let commas = || {
        (lo..comma)
            .rev()
            .take(32)
            .take_while(|&k| tokens[k].quote().is_none())
            .filter(|&k| tokens[k].is_punct(','))
    };
    // A comma opens an aside when a lower-case word, a determiner, a
    // title or a number (an age) follows it.
    let opens_aside = |open: usize| {
        // Or a name in the possessive: `Dan Centinello, Romney's deputy
        // political director, said`.
        tokens.get(open + 1).is_some_and(|t| {
            t.is_word()
                && (t
                    .tags
                    .has(Tags::DETERMINER.with(Tags::TITLE).with(Tags::POSSESSIVE))
                    || !t.tags.has(Tags::CAPITAL))
        })
    };
    // The phrase ending before token `end` (a comma), if it can be the
    // speaker: not a place alone, not the object of a preposition (`of
    // Freedom Partners`).
    let phrase_before = |end: usize| {
        let end = before_parenthesis(tokens, lo, end.checked_sub(1)?)?;
        if end < lo {
            return None;
        }
        // One capitalised word before an aside that ends at a verb of
        // saying is a name, whatever the lists say: `Fiorina, speaking to
        // Iowans, said`.
        let lone = || {
            let t = &tokens[end];
            (t.is_word()
                && t.tags.has(Tags::CAPITAL)
                && !t
                    .tags
                    .has(Tags::OPENER.with(Tags::FUNCTION).with(Tags::CALENDAR))
                && (end == lo || !tokens[end - 1].is_word()))
            .then(|| phrase(tokens, end, end, MentionForm::Surname))
        };
        let phrase = phrase_ending_at(text, tokens, lo, end).or_else(lone)?;
        let first = tokens.partition_point(|t| t.span.start < phrase.span.start);
        let words = || (first..=end).filter(|&k| tokens[k].is_word());
        let place_only = phrase.form != MentionForm::Pronoun
            && words().all(|k| {
                let tags = tokens[k].tags;
                tags.has(Tags::PLACE.with(Tags::DEMONYM))
                    && !tags.has(Tags::GIVEN.with(Tags::FAMILY))
            });
        // (`in what Bay Buchanan, ..., called`: after `what` comes the
        // subject of a relative clause.)
        let object = first > lo
            && tokens[first - 1].is_word()
            && tokens[first - 1].tags.has(Tags::NOT_MODIFIER)
            && !tokens[first - 1].tags.has(Tags::CAPITAL)
            && lower(text, &tokens[first - 1]) != "what";
        (!place_only && !object).then_some(phrase)
    };
    let direct =
        phrase_before(comma).filter(|p| matches!(p.form, MentionForm::Name | MentionForm::Surname));
    // A name between two commas is an appositive itself (`the state
    // capital, Sacramento,`) unless nothing before opens an aside (`its
    // spokesperson, Wang Wenbin, said`).
    let set_off = direct.as_ref().is_some_and(|p| {
        let first = tokens.partition_point(|t| t.span.start < p.span.start);
        first > lo && tokens[first - 1].is_punct(',')
    });
    if commas().next().is_none_or(|open| !opens_aside(open)) && !set_off && direct.is_some() {
        return direct;
    }
    // A name inside a relative clause (`the activist, who backs Cruz,
    // warned`) is never the speaker of the verb after it.
    let relative = commas().next().is_some_and(|open| {
        tokens
            .get(open + 1)
            .is_some_and(|t| matches!(&*lower(text, t), "who" | "which" | "whose"))
    });
    commas()
        .filter(|&open| opens_aside(open))
        .find_map(phrase_before)
        .or(direct.filter(|_| !relative))
}

/// For a token that closes a parenthesis (`Rep. Paul Ryan (R-Wis.) said`),
/// the token before the parenthesis opens; any other token stays.
fn before_parenthesis(tokens: &[Token], lo: usize, last: usize) -> Option<usize> {
    if !tokens[last].is_punct(')') {
        return Some(last);
    }
    let open = (lo..last)
        .rev()
        .take(12)
        .find(|&k| tokens[k].is_punct('('))?;
    open.checked_sub(1).filter(|&k| k >= lo)
}

/// The speaker phrase right after the verb at `cue` (`said Wang`, `said the
/// spokesperson`), not reaching `hi`.
pub fn speaker_after(text: &str, tokens: &[Token], cue: usize, hi: usize) -> Option<SpeakerPhrase> {
    // `calling her "..."`, `declaring it "..."`: after these verbs comes the
    // object, not the speaker.
    if tokens[cue].tags.has(Tags::OBJECT_VERB) {
        return None;
    }
    phrase_starting_at(text, tokens, cue + 1, hi).filter(|p| p.span.slice(text) != "it")
}

/// People in the plural for someone, from the token at `noun` up to `hi`:
/// `Lawyers for the city`, `Attorneys for Clinton`, `aides to the mayor`.
/// They speak, not the one they work for.
pub fn plural_for(text: &str, tokens: &[Token], noun: usize, hi: usize) -> Option<SpeakerPhrase> {
    let plural = lower(text, tokens.get(noun)?);
    let one = plural.strip_suffix('s')?;
    let people =
        tokens[noun].is_word() && !plural.ends_with("ss") && super::nouns::is_person_noun(one);
    let links = tokens
        .get(noun + 1)
        .is_some_and(|t| matches!(&*lower(text, t), "for" | "to"));
    if !(people && links) {
        return None;
    }
    let whom = phrase_starting_at(text, tokens, noun + 2, hi)?;
    let end = tokens.partition_point(|t| t.span.start < whom.span.end);
    Some(phrase(tokens, noun, end - 1, MentionForm::Description))
}
