//! One identity per person or organisation a draft names, and every place
//! it names them: full names merged (`John D. Podesta` is `John Podesta`),
//! surnames, titled surnames (`Mr. Podesta`) and family names written
//! first (`Wang` for `Wang Wenbin`) linked to them, possessives and
//! apostrophes folded. Two people who share a surname stay two.

use super::lexicon::{is_particle, is_suffix};
use crate::analysis::{MentionForm, SourceKind};
use crate::hashing::DraftMap;
use crate::text::Span;

use super::lexicon::title_role;
use super::mentions::{NameKind, NameMention};
use super::names::{strip_possessive, Gender};

/// A person or organisation of the draft.
#[derive(Clone, Debug)]
pub struct Entity {
    /// The full name as first written in full, without titles; a single
    /// word when the draft never gives more.
    pub name: String,
    pub kind: SourceKind,
    /// Something marks it as a person or organisation (a given name, a
    /// title, an organisation's word); without it, a capitalised run is
    /// only taken for a speaker when it speaks.
    pub evident: bool,
    /// The gender a title, role or pronoun said.
    pub gender: Option<Gender>,
    /// The gender its given name usually has: a hint a pronoun may
    /// overrule.
    pub given_gender: Option<Gender>,
    /// Titles and appositives as written.
    pub descriptions: Vec<String>,
    /// Head nouns a description can refer to it by: `spokesperson`,
    /// `senator`, `ministry`.
    pub heads: Vec<String>,
    /// Where a mention of it first gives its full name.
    first_full: Option<usize>,
}

/// A name mention resolved to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRef {
    pub span: Span,
    pub entity: usize,
    pub form: MentionForm,
    /// The block it is in.
    pub block: usize,
}

/// The entities of a draft and every name mention of them.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    pub entities: Vec<Entity>,
    /// Every name mention, in document order.
    pub mentions: Vec<NameRef>,
    by_key: DraftMap<String, usize>,
    /// Words a later mention of one word may mean an entity by: surnames,
    /// and family names written first.
    by_reference: DraftMap<String, Vec<usize>>,
    /// Given names, for a draft that calls someone by theirs (`Jeb`).
    by_given: DraftMap<String, Vec<usize>>,
    by_head: DraftMap<String, Vec<usize>>,
}

/// A word folded for the maps: lower case, straight apostrophes, Latin
/// letters without their accents (`François` and `Francois`, `Peña`
/// written composed or decomposed, are one name).
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    fold_into(word, &mut folded);
    folded
}

/// `word` folded onto the end of `out`.
fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in word.chars() {
        if matches!(c, '’' | '‘' | 'ʼ') {
            out.push('\'');
        } else if ('\u{300}'..='\u{36F}').contains(&c) {
            // A combining accent.
        } else {
            for lower in c.to_lowercase() {
                out.push(unaccented(lower));
            }
        }
    }
}

/// A lower-case Latin letter without its accent; any other character as
/// it is.
fn unaccented(c: char) -> char {
    const FROM: &str = "àáâãäåāăąçćčďèéêëēėęěğìíîïīįıłñńňòóôõöøōőŕřśşšţťùúûüūůűųýÿźżž";
    const TO: &str = "aaaaaaaaacccdeeeeeeeegiiiiiiilnnnoooooooorrsssttuuuuuuuuyyzzz";
    if c.is_ascii() {
        return c;
    }
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// The key that merges a person's full names: the first and last words
/// and a suffix, folded (`John D. Podesta` and `John Podesta`; `Hillary
/// Rodham Clinton` and `Hillary Clinton`).
fn person_key(name: &str) -> String {
    let mut words = name.split(' ').filter(|w| !w.is_empty() && !is_initial(w));
    let Some(first) = words.next() else {
        return fold(name);
    };
    let mut last = first;
    let mut suffix = None;
    for word in words {
        if is_suffix(word) {
            suffix = Some(word);
        } else {
            last = word;
            suffix = None;
        }
    }
    let mut key = String::with_capacity(name.len() + 1);
    fold_into(first, &mut key);
    key.push(' ');
    fold_into(last, &mut key);
    if let Some(suffix) = suffix {
        key.push(' ');
        fold_into(suffix, &mut key);
    }
    key
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.as_str() == "."
}

/// The surname of a person's full name: the last word but a suffix.
fn surname(name: &str) -> Option<&str> {
    name.split(' ').rev().find(|w| {
        !matches!(
            fold(w).as_str(),
            "jr." | "jr" | "sr." | "sr" | "ii" | "iii" | "iv"
        )
    })
}

fn compatible(a: Option<Gender>, b: Option<Gender>) -> bool {
    !matches!(
        (a, b),
        (Some(Gender::Male), Some(Gender::Female)) | (Some(Gender::Female), Some(Gender::Male))
    )
}

impl Entities {
    /// The entities named in the blocks' name mentions, taken in document
    /// order: full names first, then every one-word mention resolved to a
    /// full name with that surname (the one named nearest before it, of a
    /// gender its title allows), or made an entity of its own.
    /// Each block's mentions come with the block's index and the offset
    /// their spans count from.
    pub fn collect<'m>(
        blocks: impl IntoIterator<Item = (usize, usize, &'m [NameMention])>,
    ) -> Entities {
        let mut entities = Entities::default();
        let mentions: Vec<(Span, usize, &NameMention)> = blocks
            .into_iter()
            .flat_map(|(block, base, names)| {
                names.iter().map(move |n| (n.span.moved(0, base), block, n))
            })
            .collect();
        // Where each entity is named in full, in order.
        let mut full_at: Vec<Vec<(usize, usize)>> = Vec::new();
        // One word read as an organisation's (`Park`, `Hill`) that a person
        // named before has as surname is that person: `Lina Park ... Park
        // said`.
        let mut single = vec![false; mentions.len()];
        for (i, &(span, block, mention)) in mentions.iter().enumerate() {
            single[i] = mention.kind == NameKind::Single
                || (mention.kind == NameKind::Organisation
                    && !mention.name.contains(' ')
                    && mention.name.chars().any(char::is_lowercase)
                    && entities
                        .by_reference
                        .get(&fold(&mention.name))
                        .is_some_and(|list| {
                            list.iter()
                                .any(|&e| entities.entities[e].kind == SourceKind::Person)
                        }));
            if single[i] {
                continue;
            }
            let index = entities.full_name(mention);
            if full_at.len() <= index {
                full_at.resize(index + 1, Vec::new());
            }
            full_at[index].push((span.start, block));
            entities.entities[index]
                .first_full
                .get_or_insert(span.start);
            entities.mentions.push(NameRef {
                span,
                entity: index,
                form: MentionForm::Name,
                block,
            });
        }
        // How often each entity has been named so far, and the block it
        // was last named in full.
        let mut named = vec![0usize; entities.entities.len()];
        let full_mentions: Vec<(usize, usize)> = entities
            .mentions
            .iter()
            .map(|m| (m.span.start, m.entity))
            .collect();
        let mut fulls = full_mentions.iter().peekable();
        for (i, &(span, block, mention)) in mentions.iter().enumerate() {
            while let Some(&(_, entity)) = fulls.next_if(|(at, _)| *at < span.start) {
                named[entity] += 1;
            }
            if !single[i] {
                continue;
            }
            let entity = entities
                .resolve_single(mention, span.start, block, &full_at, &named)
                .unwrap_or_else(|| entities.single(mention));
            if named.len() <= entity {
                named.resize(entity + 1, 0);
            }
            named[entity] += 1;
            let entity_ref = &mut entities.entities[entity];
            entity_ref.evident |= mention.name_like;
            entity_ref.gender = entity_ref.gender.or(mention.gender);
            for description in &mention.descriptions {
                if !entity_ref.descriptions.contains(description) {
                    entity_ref.descriptions.push(description.clone());
                }
            }
            for role in &mention.roles {
                entities.add_head(entity, role);
            }
            entities.mentions.push(NameRef {
                span,
                entity,
                form: MentionForm::Surname,
                block,
            });
        }
        entities
            .mentions
            .sort_unstable_by_key(|m| (m.span.start, m.span.end));
        entities
    }

    /// The entity of a mention of two words or more, made or merged.
    fn full_name(&mut self, mention: &NameMention) -> usize {
        let organisation = mention.kind == NameKind::Organisation;
        let key = if organisation {
            format!("org:{}", fold(&mention.name))
        } else {
            person_key(&mention.name)
        };
        let index = match self.by_key.get(&key) {
            Some(&index) => index,
            None => {
                let kind = if organisation {
                    SourceKind::Organisation
                } else {
                    SourceKind::Person
                };
                let index = self.push(&mention.name, kind, false, key);
                if organisation {
                    self.add_reference(&mention.name, index);
                } else {
                    let words: Vec<&str> = mention.name.split(' ').collect();
                    if let Some(surname) = surname(&mention.name) {
                        self.add_reference(surname, index);
                        // `Bill de Bruyn` is `De Bruyn` later.
                        if let Some(at) = words.iter().rposition(|w| *w == surname) {
                            if at >= 2 && is_particle(words[at - 1]) {
                                let with = format!("{} {}", words[at - 1], surname);
                                self.add_reference(&with, index);
                            }
                        }
                    }
                    if mention.family_first {
                        self.add_reference(words[0], index);
                    } else if mention.given_first {
                        self.by_given.entry(fold(words[0])).or_default().push(index);
                    }
                }
                index
            }
        };
        let entity = &mut self.entities[index];
        entity.evident |= match mention.kind {
            NameKind::Person => true,
            NameKind::Organisation => mention.name_like,
            NameKind::Unknown | NameKind::Single => false,
        };
        entity.gender = entity.gender.or(mention.gender);
        entity.given_gender = entity.given_gender.or(mention.given_gender);
        for description in &mention.descriptions {
            if !entity.descriptions.contains(description) {
                entity.descriptions.push(description.clone());
            }
        }
        for role in &mention.roles {
            self.add_head(index, role);
        }
        index
    }

    /// An entity of its own for a word no full name explains.
    fn single(&mut self, mention: &NameMention) -> usize {
        let key = format!("one:{}", fold(&mention.name));
        if let Some(&index) = self.by_key.get(&key) {
            return index;
        }
        let index = self.push(&mention.name, SourceKind::Person, false, key);
        self.add_reference(&mention.name, index);
        index
    }

    /// A new entity filed under `key`, with nothing known of it yet.
    fn push(&mut self, name: &str, kind: SourceKind, evident: bool, key: String) -> usize {
        // A party's members in the plural are people, not the party
        // (`Senate Republicans`, `Democrats`): a group.
        let members = name.ends_with("Democrats") || name.ends_with("Republicans");
        let index = self.entities.len();
        self.entities.push(Entity {
            name: name.to_string(),
            kind: match kind {
                SourceKind::Organisation if members => SourceKind::Group,
                kind => kind,
            },
            evident,
            gender: None,
            given_gender: None,
            descriptions: Vec::new(),
            heads: Vec::new(),
            first_full: None,
        });
        self.by_key.insert(key, index);
        index
    }

    fn add_reference(&mut self, word: &str, index: usize) {
        let key = fold(word);
        match self.by_reference.get_mut(&key) {
            Some(list) if list.contains(&index) => {}
            Some(list) => list.push(index),
            None => {
                self.by_reference.insert(key, vec![index]);
            }
        }
    }

    fn add_head(&mut self, index: usize, role: &str) {
        let role = fold(role);
        let titled = title_role(&role).filter(|r| !r.is_empty() && *r != role);
        for head in std::iter::once(role.as_str())
            .chain(titled)
            .filter(|h| !h.is_empty())
        {
            let entity = &mut self.entities[index];
            if entity.heads.iter().any(|h| h == head) {
                continue;
            }
            entity.heads.push(head.to_string());
            match self.by_head.get_mut(head) {
                Some(list) => list.push(index),
                None => {
                    self.by_head.insert(head.to_string(), vec![index]);
                }
            }
        }
    }

    /// The entity a one-word mention at `at` means: of the entities with
    /// that surname (or family name written first) and a gender its title
    /// allows, the one named in full nearest before it, else the first
    /// named; failing a surname, someone with that given name.
    fn resolve_single(
        &self,
        mention: &NameMention,
        at: usize,
        block: usize,
        full_at: &[Vec<(usize, usize)>],
        named: &[usize],
    ) -> Option<usize> {
        let gender = mention.gender;
        let key = fold(strip_possessive(&mention.name));
        // A capitalised run nothing marks as a name (a headline's words)
        // gives no surname to link to.
        // A title that names a role (`President Obama`, `Sen. Sanders`)
        // links only to someone the draft gives that role: `President
        // Obama` is not `Michelle Obama`.
        // (An organisation's word, `Park`, is its own role: no title.)
        let titles: &[String] = if mention.kind == NameKind::Organisation {
            &[]
        } else {
            &mention.roles
        };
        let roles: Vec<String> = titles
            .iter()
            .map(|r| {
                title_role(r)
                    .filter(|t| !t.is_empty())
                    .unwrap_or(r)
                    .to_string()
            })
            .collect();
        let fits = |e: &&usize| {
            let entity = &self.entities[**e];
            entity.evident
                && compatible(entity.gender, gender)
                && (roles.is_empty() || roles.iter().any(|r| entity.heads.contains(r)))
        };
        let by_surname: Vec<usize> = self
            .by_reference
            .get(&key)
            .map(|list| list.iter().filter(fits).copied().collect())
            .unwrap_or_default();
        let candidates = if by_surname.is_empty() {
            self.by_given
                .get(&key)
                .map(|list| list.iter().filter(fits).copied().collect())
                .unwrap_or_default()
        } else {
            by_surname
        };
        if candidates.len() <= 1 {
            return candidates.first().copied();
        }
        // Named in full in this paragraph, before: the nearest such.
        // The lists are in document order: the last full mention before
        // `at` is found by halving, and counts if it is in this paragraph.
        let in_paragraph = |e: usize| {
            full_at.get(e).and_then(|list| {
                let before = list.partition_point(|&(f, _)| f < at);
                let &(f, b) = list.get(before.checked_sub(1)?)?;
                (b == block).then_some(f)
            })
        };
        candidates
            .iter()
            .copied()
            .filter_map(|e| in_paragraph(e).map(|f| (f, e)))
            .max()
            .map(|(_, e)| e)
            .or_else(|| {
                // Else the one the draft has named most so far, then the
                // first named.
                candidates.iter().copied().min_by_key(|&e| {
                    (
                        std::cmp::Reverse(named.get(e).copied().unwrap_or(0)),
                        self.entities[e].first_full.unwrap_or(usize::MAX),
                    )
                })
            })
    }

    /// The entity of the name mention inside `span` (a speaker phrase such
    /// as `Rep. Ines Tandy`), the last one when there are several.
    pub fn named_in(&self, span: Span) -> Option<usize> {
        let from = self.mentions.partition_point(|m| m.span.end <= span.start);
        self.mentions[from..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
            .last()
            .map(|m| m.entity)
    }

    /// The organisation whose name holds `span`: `Americans for Prosperity`.
    pub fn organisation_around(&self, span: Span) -> Option<usize> {
        let at = self
            .mentions
            .partition_point(|m| m.span.start <= span.start);
        let m = self.mentions[..at]
            .last()
            .filter(|m| m.span.end >= span.end)?;
        (self.entities[m.entity].kind == SourceKind::Organisation).then_some(m.entity)
    }

    /// The entity of a name mention that covers exactly `span`.
    pub fn named_exactly(&self, span: Span) -> Option<usize> {
        let at = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions
            .get(at)
            .filter(|m| m.span == span)
            .map(|m| m.entity)
    }

    /// The entity a name or surname written somewhere the mentions do not
    /// cover means: by its full name, else by its last word.
    pub fn by_name(&self, written: &str) -> Option<usize> {
        let words: Vec<&str> = written
            .split_whitespace()
            .filter(|w| title_role(w).is_none())
            .map(strip_possessive)
            .collect();
        let last = *words.last()?;
        if words.len() >= 2 {
            if let Some(&index) = self.by_key.get(&person_key(&words.join(" "))) {
                return Some(index);
            }
            if let Some(&index) = self.by_key.get(&format!("org:{}", fold(&words.join(" ")))) {
                return Some(index);
            }
        }
        let list = self.by_reference.get(&fold(last))?;
        // A first name that differs is another person: `Elizabeth Warren`
        // is not `Joe Warren`.
        let first = fold(words[0]);
        let same_person = |e: usize| {
            words.len() == 1
                || words[0].trim_end_matches('.').chars().count() == 1
                || self.entities[e]
                    .name
                    .split_whitespace()
                    .next()
                    .is_some_and(|f| fold(f) == first)
        };
        list.iter()
            .copied()
            .filter(|&e| same_person(e))
            .min_by_key(|&e| self.entities[e].first_full.unwrap_or(usize::MAX))
    }

    /// An entity for a speaker the name mentions missed (`Japan said`, a
    /// name in capitals): made of the words as written.
    pub fn speaker_named(&mut self, written: &str, kind: SourceKind) -> usize {
        let name: String = written
            .split_whitespace()
            .map(strip_possessive)
            .collect::<Vec<_>>()
            .join(" ");
        let key = format!("spoke:{}", fold(&name));
        if let Some(&index) = self.by_key.get(&key) {
            return index;
        }
        let index = self.push(&name, kind, true, key);
        self.add_reference(&name, index);
        index
    }

    /// The entities a description's head noun may refer to.
    pub fn with_head(&self, head: &str) -> &[usize] {
        self.by_head.get(head).map_or(&[], Vec::as_slice)
    }

    /// Record the gender a pronoun resolved to the entity says, unless one
    /// is known.
    pub fn learn_gender(&mut self, entity: usize, gender: Gender) {
        if let Some(e) = self.entities.get_mut(entity) {
            e.gender.get_or_insert(gender);
        }
    }

    /// Where the entity's full name is first written, if anywhere.
    pub fn first_full(&self, entity: usize) -> Option<usize> {
        self.entities.get(entity).and_then(|e| e.first_full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_takes_off_case_apostrophes_and_accents_composed_or_not() {
        assert_eq!(fold("François"), fold("Francois"));
        assert_eq!(fold("Pe\u{f1}a"), fold("Pen\u{303}a"));
        assert_eq!(fold("O’Neill"), "o'neill");
        assert_eq!(fold("Łukasz Wałęsa"), "lukasz walesa");
        assert_ne!(fold("Peña"), fold("Pera"));
    }

    #[test]
    fn full_names_merge_by_first_and_last_word_and_suffix() {
        assert_eq!(person_key("John D. Podesta"), person_key("John Podesta"));
        assert_eq!(
            person_key("Hillary Rodham Clinton"),
            person_key("Hillary Clinton")
        );
        assert_ne!(person_key("Bill Clinton"), person_key("Hillary Clinton"));
        assert_ne!(
            person_key("Charles Elliott III"),
            person_key("Charles Elliott Jr.")
        );
        assert_eq!(person_key("Bill de Blasio"), person_key("Bill De Blasio"));
        assert_eq!(person_key("Tip O’Neill"), person_key("Tip O'Neill"));
    }
}
