//! The people a draft names in full, and resolving surnames, pronouns and
//! descriptions to them.

use crate::hashing::DraftMap;

use super::lexicon::{
    capitalised_run_forward, is_capitalised, lower, title_role, word, CALENDAR, DETERMINERS,
    FUNCTION_WORDS, ORGANISATION_WORDS,
};
use super::words::Token;
use crate::text::Span;

/// A person the draft names in full, with what it says they are.
#[derive(Clone, Debug, Default)]
pub struct Person {
    pub name: String,
    /// Nouns from titles and appositives: `spokesperson`, `senator`.
    pub roles: Vec<String>,
    /// Titles and appositives as written: `Gov.`, `a spokesperson for the
    /// foreign ministry`.
    pub descriptions: Vec<String>,
    /// Learned from pronouns resolved to the person: `he` or `she`.
    pub pronoun: Option<&'static str>,
    /// The roles, each also as the role its title names (`sen.` gives
    /// `senator`): what a description's head noun is matched against.
    heads: Vec<String>,
    /// Where the person is mentioned by name or surname, in order.
    at: Vec<usize>,
}

/// The named people of a draft and every place they are mentioned.
#[derive(Clone, Debug, Default)]
pub struct People {
    pub people: Vec<Person>,
    /// (span, person) for every full-name or surname mention, in order; a
    /// full name's span leaves out its titles.
    pub mentions: Vec<(Span, usize)>,
    /// The people each head noun describes, so that a description is
    /// matched against the few people with that role, not everyone.
    by_head: DraftMap<String, Vec<usize>>,
    /// Each person by full name, and the first person with each surname.
    names: DraftMap<String, usize>,
    surnames: DraftMap<String, usize>,
}

/// A capitalised run a block's words offer as a person's name: found from
/// the block alone, so it can be kept while the block is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub struct NameCandidate {
    /// The name without its titles.
    pub span: Span,
    /// The name's words joined by single spaces; one word is a surname
    /// mention when someone named earlier has it.
    pub name: String,
    pub single: bool,
    pub roles: Vec<String>,
    pub descriptions: Vec<String>,
}

impl NameCandidate {
    /// The candidate for a block that moved from `from` to `to`.
    pub fn moved(&self, from: usize, to: usize) -> NameCandidate {
        NameCandidate {
            span: self.span.moved(from, to),
            ..self.clone()
        }
    }
}

/// The names a block's words (outside quotations) offer, in order.
pub fn name_candidates(text: &str, tokens: &[Token]) -> Vec<NameCandidate> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_capitalised(text, &tokens[i]) {
            i += 1;
            continue;
        }
        let end = capitalised_run_forward(text, tokens, i, tokens.len());
        found.extend(candidate(text, tokens, i, end));
        i = end + 1;
    }
    found
}

/// The name the capitalised run `start..=end` gives, with the titles and
/// appositive around it, unless it is part of something else's name.
fn candidate(text: &str, tokens: &[Token], start: usize, end: usize) -> Option<NameCandidate> {
    let mut roles: Vec<String> = Vec::new();
    let mut descriptions: Vec<String> = Vec::new();
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
        return None;
    }
    let words: Vec<&str> = (first..=end).map(|i| word(text, &tokens[i])).collect();
    let last = *words.last().unwrap_or(&"");
    // Part of a longer proper name (`Infrastructure Investment and Jobs
    // Act`) or one led by an article (`the Tarrow Valley Water Board`).
    let continues = tokens.get(end + 1).is_some_and(|t| {
        matches!(word(text, t), "and" | "of" | "for" | "&")
            && tokens.get(end + 2).is_some_and(|n| is_capitalised(text, n))
    });
    let led_by_article = start > 0 && matches!(word(text, &tokens[start - 1]), "the" | "a" | "an");
    if continues
        || led_by_article
        || ORGANISATION_WORDS.contains(&last)
        || words.iter().any(|w| {
            CALENDAR.contains(w) || w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        })
    {
        return None;
    }
    let span = Span::new(tokens[first].span.start, tokens[end].span.end);
    if words.len() == 1 {
        return Some(NameCandidate {
            span,
            name: words[0].to_string(),
            single: true,
            roles: Vec::new(),
            descriptions: Vec::new(),
        });
    }
    if first > start {
        let titles = Span::new(tokens[start].span.start, tokens[first - 1].span.end);
        descriptions.push(titles.slice(text).to_string());
    }
    // Lowercase titles right before: `spokesperson Wang Wenbin`.
    if first == start && start > 0 && tokens[start - 1].is_word() {
        if let Some(role) = title_role(word(text, &tokens[start - 1])) {
            roles.push(role.to_string());
            descriptions.push(word(text, &tokens[start - 1]).to_string());
        }
    }
    // An appositive right after: `Wang Wenbin, a spokesperson for ...,`.
    if tokens.get(end + 1).is_some_and(|t| t.is_punct(',')) {
        let mut k = end + 2;
        if tokens
            .get(k)
            .is_some_and(|t| t.is_word() && DETERMINERS.contains(&&*lower(text, t)))
        {
            while k < tokens.len() && k < end + 12 && tokens[k].is_word() {
                roles.push(lower(text, &tokens[k]).into_owned());
                k += 1;
            }
            let appositive = Span::new(tokens[end + 2].span.start, tokens[k - 1].span.end);
            descriptions.push(appositive.slice(text).to_string());
        }
    }
    Some(NameCandidate {
        span,
        name: words.join(" "),
        single: false,
        roles,
        descriptions,
    })
}

impl People {
    /// The people named in full among the blocks' name candidates, taken
    /// in document order, and every mention of them.
    /// Each block's candidates come with the offset their spans count from.
    pub fn collect<'c>(blocks: impl IntoIterator<Item = (usize, &'c [NameCandidate])>) -> People {
        let mut people = People::default();
        let mut by_name: DraftMap<&str, usize> = DraftMap::default();
        let by_surname = &mut people.surnames;
        let candidates = blocks
            .into_iter()
            .flat_map(|(base, names)| names.iter().map(move |n| (n.span.moved(0, base), n)));
        for (span, candidate) in candidates {
            if candidate.single {
                // A single capitalised word: a surname if someone has it.
                if let Some(&p) = by_surname.get(candidate.name.as_str()) {
                    people.mentions.push((span, p));
                }
                continue;
            }
            let index = match by_name.get(candidate.name.as_str()) {
                Some(&p) => p,
                None => {
                    let surname = candidate
                        .name
                        .rsplit(' ')
                        .next()
                        .unwrap_or_default()
                        .to_string();
                    let index = people.people.len();
                    by_surname.entry(surname).or_insert(index);
                    by_name.insert(&candidate.name, index);
                    people.people.push(Person {
                        name: candidate.name.clone(),
                        ..Person::default()
                    });
                    index
                }
            };
            let person = &mut people.people[index];
            for role in &candidate.roles {
                if !person.roles.contains(role) {
                    person.roles.push(role.clone());
                }
            }
            for description in &candidate.descriptions {
                if !person.descriptions.contains(description) {
                    person.descriptions.push(description.clone());
                }
            }
            people.mentions.push((span, index));
        }
        people.names = by_name
            .into_iter()
            .map(|(name, p)| (name.to_string(), p))
            .collect();
        people.mentions.sort_unstable();
        for &(span, p) in &people.mentions {
            people.people[p].at.push(span.start);
        }
        for (p, person) in people.people.iter_mut().enumerate() {
            let mut heads: Vec<String> = Vec::new();
            for role in &person.roles {
                for head in [Some(role.as_str()), title_role(role)]
                    .into_iter()
                    .flatten()
                {
                    if !heads.iter().any(|h| h == head) {
                        heads.push(head.to_string());
                        people.by_head.entry(head.to_string()).or_default().push(p);
                    }
                }
            }
            person.heads = heads;
        }
        people
    }

    /// The person a full name or surname written at `offset` means.
    pub fn by_name(&self, written: &str) -> Option<usize> {
        // The words but titles, one space apart, in one buffer.
        let mut joined = String::with_capacity(written.len());
        let mut last = None;
        for word in written
            .split_whitespace()
            .filter(|w| title_role(w).is_none())
        {
            if last.is_some() {
                joined.push(' ');
            }
            joined.push_str(word);
            last = Some(word);
        }
        self.named(&joined)
            .or_else(|| self.surnames.get(last?).copied())
    }

    /// The person whose full name is `name`.
    pub fn named(&self, name: &str) -> Option<usize> {
        self.names.get(name).copied()
    }

    /// The spans of every mention of each person, by person.
    pub fn mentions_by_person(&self) -> Vec<Vec<Span>> {
        let mut spans = vec![Vec::new(); self.people.len()];
        for &(span, p) in &self.mentions {
            spans[p].push(span);
        }
        spans
    }

    /// The nearest person mentioned before `offset` that a pronoun can mean.
    pub fn before(&self, offset: usize, pronoun: &str) -> Option<usize> {
        let wanted = match pronoun {
            "he" => Some("he"),
            "she" => Some("she"),
            _ => None,
        };
        self.mentions_before(offset)
            .find(|&p| match (wanted, self.people[p].pronoun) {
                (Some(w), Some(known)) => w == known,
                // `they` is plural, or a person the draft has not called
                // he or she.
                (None, Some(_)) => pronoun != "they",
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
        if head.len() < 3 || DETERMINERS.contains(&&*head) {
            return None;
        }
        // The candidates are the few people with that role; the nearest is
        // the one whose last mention before `offset` comes latest.
        self.by_head
            .get(&head)?
            .iter()
            .filter_map(|&p| {
                let at = &self.people[p].at;
                let before = at.partition_point(|&at| at < offset);
                before.checked_sub(1).map(|last| (at[last], p))
            })
            .max()
            .map(|(_, p)| p)
    }

    /// The people mentioned before `offset`, nearest first. The mentions
    /// are sorted, so this starts where `offset` falls instead of walking
    /// back from the end of the draft.
    fn mentions_before(&self, offset: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.mentions.partition_point(|(at, _)| at.start < offset);
        self.mentions[..end].iter().rev().map(|&(_, p)| p)
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
