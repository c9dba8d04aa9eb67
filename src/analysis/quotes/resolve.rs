//! Resolving speaker phrases to the draft's identities as the walk meets
//! them: names and surnames through `entities`; pronouns to the most
//! salient person or organisation they can mean; descriptions by role,
//! else the most salient; and the kind of a source no identity stands for.

use super::entities::{fold, Entities};
use super::names::{strip_possessive, Gender};
use super::nouns::{is_org_noun, is_person_noun};
use super::salience::{Occurrence, Role, Salience};
use super::speakers::SpeakerPhrase;
use crate::analysis::{Attribution, Cue, How, MentionForm, SourceKind, SpeakerMention};
use crate::text::Span;

use super::attribution::Resolved;
use super::descriptions::{
    description_head, introduced_unnamed, names_an_organisation, speaks_for_others, unnamed_kind,
    unnamed_subject_before,
};
use super::plan::{BlockPlan, Found};

/// The salience of every name mention of the draft: where each sentence
/// starts, and how prominently each name is mentioned in its sentence.
pub fn salience_of(
    text: &str,
    plans: &[(usize, usize, &BlockPlan)],
    entities: &Entities,
) -> Salience {
    let starts: Vec<usize> = plans
        .iter()
        .flat_map(|&(_, base, plan)| plan.sentences.iter().map(move |&s| s + base))
        .collect();
    let mut salience = Salience::new(starts);
    let roles: Vec<RoleSpans> = plans
        .iter()
        .map(|&(_, _, plan)| RoleSpans::new(&plan.roles))
        .collect();
    for mention in &entities.mentions {
        let Some(&(_, base, _)) = plans.get(mention.block) else {
            continue;
        };
        let role = roles[mention.block]
            .near(mention.span.start, mention.span.end, base)
            .filter(|(span, role)| match role {
                // The subject's first word lies in the name, or the name
                // follows it closely (`Sen. Jon Tester` starts at `Sen.`,
                // the name at `Jon`), but not as a possessive (in `Ted Cruz
                // is protesting Obama's actions`, Obama is not the subject).
                Role::Subject => {
                    let possessive = || {
                        text.get(mention.span.end..)
                            .is_some_and(|rest| rest.starts_with("'s") || rest.starts_with("’s"))
                    };
                    // Nor a name set off after it (`Senator Mark Ruiz, a
                    // Donald Trump supporter,`): an appositive's name is
                    // not who the sentence is about.
                    let set_off = || {
                        text.get(span.end + base..mention.span.start)
                            .is_some_and(|between| between.contains([',', '–', '—', '(', '-']))
                    };
                    mention.span.start <= span.end + base && span.start + base < mention.span.end
                        || (span.start + base <= mention.span.start
                            && mention.span.start <= span.end + base + SUBJECT_REACH
                            && !possessive()
                            && !set_off())
                }
                _ => span.start + base <= mention.span.start && mention.span.end <= span.end + base,
            })
            .map(|&(_, role)| role)
            .min_by_key(|role| match role {
                Role::Speaker => 0,
                Role::Subject => 1,
                Role::Other => 2,
            })
            .unwrap_or(Role::Other);
        let sentence = salience.sentence_of(mention.span.start);
        salience.mention(Occurrence {
            at: mention.span.start,
            block: mention.block,
            sentence,
            entity: mention.entity,
            role,
        });
    }
    salience
}

/// A block's role spans (`BlockPlan::roles`) in order of their starts, so
/// that the few near a mention are found without reading them all: a
/// paragraph of one long line may have thousands.
struct RoleSpans {
    by_start: Vec<(Span, Role)>,
    /// The furthest end among the spans up to each one.
    reach: Vec<usize>,
}

/// How far past a subject's end a name may start and still be in it.
const SUBJECT_REACH: usize = 24;

impl RoleSpans {
    fn new(roles: &[(Span, Role)]) -> RoleSpans {
        let mut by_start = roles.to_vec();
        by_start.sort_by_key(|(span, _)| span.start);
        let reach = by_start
            .iter()
            .scan(0, |furthest, (span, _)| {
                *furthest = span.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        RoleSpans { by_start, reach }
    }

    /// Every span, in a block at `base`, that starts no later than `end`
    /// and ends no more than `SUBJECT_REACH` before `start`: all that can
    /// hold a mention from `start` to `end`, and a few more.
    fn near(&self, start: usize, end: usize, base: usize) -> impl Iterator<Item = &(Span, Role)> {
        let to = self
            .by_start
            .partition_point(|(span, _)| span.start + base <= end);
        let from =
            self.reach[..to].partition_point(|&furthest| furthest + base + SUBJECT_REACH < start);
        self.by_start[from..to].iter()
    }
}

/// Resolving speaker phrases in document order.
pub struct Walk<'w, 't> {
    pub text: &'t str,
    pub entities: &'w mut Entities,
    pub salience: &'w mut Salience,
    pub block: usize,
    /// The words of the quote being attributed: a `he` or `she` is less
    /// likely to be someone those words speak of by name (`"... whether
    /// Senator Sanders's message could go toe to toe ...," he said` is
    /// Sanders's campaign manager).
    pub quoted: &'t str,
}

impl Walk<'_, '_> {
    /// Record that an entity spoke at `at`.
    pub fn spoke(&mut self, at: usize, entity: usize) {
        let sentence = self.salience.sentence_of(at);
        self.salience.spoke(Occurrence {
            at,
            block: self.block,
            sentence,
            entity,
            role: Role::Speaker,
        });
    }

    /// Resolve a sentence's subject, a pronoun or description, and count it
    /// as a mention of whoever it means.
    pub fn follow(&mut self, subject: &SpeakerPhrase, base: usize) {
        let span = subject.span.moved(0, base);
        let written = span.slice(self.text);
        let entity = match subject.form {
            MentionForm::Pronoun => self.pronoun(span.start, written),
            _ => self.described(span.start, written),
        };
        if let Some(entity) = entity {
            let sentence = self.salience.sentence_of(span.start);
            self.salience.spoke(Occurrence {
                at: span.start,
                block: self.block,
                sentence,
                entity,
                role: Role::Subject,
            });
        }
    }

    /// The attribution for a speaker phrase, with the entity it means.
    pub fn resolve(&mut self, found: &Found, how: How) -> Resolved {
        let (speaker, cue) = found;
        let text = self.text;
        let written = speaker.span.slice(text);
        let at = speaker.span.start;
        let entity = match speaker.form {
            MentionForm::Name | MentionForm::Surname => Some(self.named(speaker.span, written)),
            MentionForm::Pronoun => {
                // `He added`, `she continued`: the speaker before goes on.
                let goes_on = cue.is_some_and(|c| {
                    matches!(
                        &*c.slice(text).to_lowercase(),
                        "added" | "adds" | "continued" | "continues" | "went" | "goes"
                    )
                });
                goes_on
                    .then(|| self.last_speaker(at, written))
                    .flatten()
                    .or_else(|| self.pronoun(at, written))
            }
            // `the Washington Post`, `The Federalist`: a capitalised name
            // after the article is an organisation's name, not a role.
            MentionForm::Description if names_an_organisation(written) => {
                let name = written
                    .split_once(' ')
                    .filter(|(article, _)| article.eq_ignore_ascii_case("the"))
                    .map_or(written, |(_, n)| n);
                // The organisation named right here, else the most salient
                // one whose name holds every word (`the Foreign Ministry`
                // after `China's Foreign Ministry`), else one of its own
                // (`Breitbart News` is not `the Daily News`).
                let entity = self
                    .entities
                    .named_in(speaker.span)
                    .or_else(|| self.organisation_with_words(at, name))
                    .unwrap_or_else(|| self.named(speaker.span, name));
                // A capitalised run nothing marked as a person, spoken of
                // with `the`, is an organisation.
                // So is a newspaper's, whatever its first word (`the Dayton
                // Ledger`, where `Dayton` is also a given name).
                let found = &mut self.entities.entities[entity];
                if !found.evident || super::nouns::is_news_outlet(name) {
                    found.kind = SourceKind::Organisation;
                }
                Some(entity)
            }
            // A phrase that is all one name the draft gives (`Congress
            // said`) is that name's entity, not a description of its own.
            MentionForm::Description => self
                .entities
                .named_exactly(speaker.span)
                .or_else(|| self.described(at, written)),
            MentionForm::Anonymous => None,
        };
        let kind = match entity {
            Some(e) => self.entities.entities[e].kind,
            None => unnamed_kind(speaker.form, written),
        };
        let name = entity.map(|e| self.entities.entities[e].name.clone());
        let attribution = Attribution {
            speaker: SpeakerMention {
                span: speaker.span,
                text: written.to_string(),
                name,
                form: speaker.form,
                kind,
            },
            cue: cue.map(|span| Cue {
                span,
                text: span.slice(text).to_string(),
            }),
            how,
            via: None,
        };
        (attribution, entity)
    }

    /// The entity a name or surname as written means, made if need be.
    fn named(&mut self, span: Span, written: &str) -> usize {
        if let Some(entity) = self
            .entities
            .named_in(span)
            .or_else(|| self.entities.organisation_around(span))
            .or_else(|| self.entities.by_name(written))
        {
            return entity;
        }
        let last = written.split_whitespace().last().unwrap_or(written);
        let known = super::names::known(last);
        let capitals = last.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !last.chars().any(char::is_lowercase);
        // A law or treaty that `says` something is a document: `the North
        // American Free Trade Agreement`.
        let last_bare = super::names::strip_possessive(last);
        let kind = if written.split_whitespace().count() >= 3
            && super::nouns::is_law_word(last_bare)
            && !matches!(last_bare, "Bill" | "Law" | "Code" | "Rule")
        {
            SourceKind::Document
        } else if known.place
            || capitals
            || super::names::is_place_phrase(written)
            // A newspaper's name, not a person's (`Politico`, `the Dayton
            // Ledger`; but `Lena Sun`).
            || (super::nouns::is_news_outlet(written)
                && written
                    .split(' ')
                    .next()
                    .is_none_or(|first| super::names::known(first).given.is_none()))
        {
            SourceKind::Organisation
        } else {
            SourceKind::Person
        };
        self.entities.speaker_named(written, kind)
    }

    /// The most salient organisation before `at` whose name holds every
    /// word of `name`, whatever their case and accents.
    fn organisation_with_words(&self, at: usize, name: &str) -> Option<usize> {
        let words: Vec<String> = name
            .split_whitespace()
            .map(|w| fold(strip_possessive(w)))
            .collect();
        let entities = &self.entities.entities;
        self.salience.best(at, self.block, |e| {
            let entity = &entities[e];
            let held: Vec<String> = entity.name.split_whitespace().map(fold).collect();
            (entity.kind == SourceKind::Organisation && words.iter().all(|w| held.contains(w)))
                .then_some(0)
        })
    }

    /// The person who spoke last before `at`, in this paragraph or the one
    /// before, if `he` or `she` can mean them.
    fn last_speaker(&self, at: usize, written: &str) -> Option<usize> {
        let gender = match written.to_lowercase().as_str() {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => return None,
        };
        let entity = self.salience.last_speaker(at, self.block)?;
        let found = &self.entities.entities[entity];
        // What the draft says of their gender, else their given name's.
        let fits = found.kind == SourceKind::Person
            && found
                .gender
                .or(found.given_gender)
                .is_none_or(|g| g == gender || g == Gender::Either);
        fits.then_some(entity)
    }

    /// The entity a pronoun at `at` means: the most salient entity of a
    /// kind and gender it can refer to.
    fn pronoun(&mut self, at: usize, written: &str) -> Option<usize> {
        // A possessive means whom its pronoun would: `his call for`.
        let pronoun = match written.to_lowercase().as_str() {
            "his" => "he".to_string(),
            "her" => "she".to_string(),
            other => other.to_string(),
        };
        let entities = &self.entities.entities;
        let found = match pronoun.as_str() {
            "he" | "she" => {
                let gender = if pronoun == "he" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                // `A 29-year-old Berlin woman ... after she had posted`:
                // the unnamed person the sentence is about, not someone
                // named paragraphs before.
                if unnamed_subject_before(
                    self.text,
                    self.salience,
                    &self.entities.entities,
                    at,
                    gender,
                ) {
                    return None;
                }
                // The capitalised words of the quote, looked for once.
                let named: Vec<&str> = self
                    .quoted
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.len() > 2 && w.starts_with(|c: char| c.is_uppercase()))
                    .collect();
                self.salience.best(at, self.block, |e| {
                    let entity = &entities[e];
                    // Only someone the draft marks as a person: a
                    // capitalised run nothing marks is no one to be `he`.
                    if entity.kind != SourceKind::Person || !entity.evident {
                        return None;
                    }
                    let spoken_of = !named.is_empty()
                        && entity
                            .name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|surname| named.contains(&surname));
                    let spoken_of = if spoken_of { -25 } else { 0 };
                    // A given name's usual gender only counts against
                    // (`Lindsey Graham` is `he`); a title's or role's rules
                    // out.
                    let fit = match (entity.gender, entity.given_gender) {
                        (Some(g), _) if g == gender => Some(5),
                        (Some(Gender::Either), _) => Some(0),
                        (Some(_), _) => None,
                        (None, Some(g)) if g == gender => Some(5),
                        (None, Some(Gender::Either) | None) => Some(0),
                        (None, Some(_)) => Some(-35),
                    };
                    fit.map(|f| f + spoken_of)
                })
            }
            "they" | "it" => self.salience.best(at, self.block, |e| {
                (entities[e].kind == SourceKind::Organisation).then_some(0)
            }),
            // `who` is said of people: past a place or an organisation
            // in between (`Bond of Raleigh, North Carolina, who`) to the
            // person, when the sentence has one.
            "who" => self
                .salience
                .nearest_in_sentence(at, |e| {
                    matches!(entities[e].kind, SourceKind::Person | SourceKind::Anonymous)
                })
                .or_else(|| {
                    self.salience
                        .nearest_in_sentence(at, |e| entities[e].kind != SourceKind::Unknown)
                }),
            _ => None,
        };
        // What the pronoun says of the entity's gender, unless it went
        // against the given name only for want of anyone better: one such
        // guess must not draw every later `she` to `Bill Clinton`.
        if let Some(entity) = found {
            let said = match pronoun.as_str() {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            };
            let given = self.entities.entities[entity].given_gender;
            let against =
                |g: Gender| given.is_some_and(|given| given != g && given != Gender::Either);
            if let Some(said) = said.filter(|&g| !against(g)) {
                self.entities.learn_gender(entity, said);
            }
        }
        found
    }

    /// The entity a description means: the most salient one whose titles,
    /// appositives or name give the description's head noun.
    fn described(&mut self, at: usize, description: &str) -> Option<usize> {
        // `a top aide`, `one longtime adviser`: an indefinite description
        // brings in someone new, never someone the draft has named.
        let indefinite = description.split_whitespace().next().is_some_and(|w| {
            ["a", "an", "one", "another"]
                .iter()
                .any(|d| w.eq_ignore_ascii_case(d))
        });
        if indefinite {
            return None;
        }
        let head = description_head(description)?;
        let gender = super::nouns::role_gender(&head);
        let entities = &self.entities.entities;
        // Whoever the description belongs to is not the one it describes:
        // `Sanders's campaign manager` is not Sanders.
        let words: Vec<&str> = description.split_whitespace().collect();
        let owners: Vec<String> = words[..words.len().saturating_sub(1)]
            .iter()
            .filter(|w| strip_possessive(w).len() < w.len())
            .map(|w| fold(strip_possessive(w)))
            .collect();
        // Someone else's thing is not an organisation whose name ends in
        // its noun: `the school's Facebook post` is not the Huffington Post.
        let someone_elses = |e: usize| {
            let name = &entities[e].name;
            !owners.is_empty()
                && entities[e].kind == SourceKind::Organisation
                && name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| fold(last) == head)
                && !name.split(' ').any(|n| owners.contains(&fold(n)))
        };
        let fits_gender = |e: usize| {
            if someone_elses(e) {
                return false;
            }
            let known = entities[e].gender.or(entities[e].given_gender);
            let owner = !owners.is_empty()
                && entities[e]
                    .name
                    .split_whitespace()
                    .any(|n| owners.contains(&fold(n)));
            !owner && gender.is_none_or(|g| known.is_none_or(|known| known == g))
        };
        let candidates = self.entities.with_head(&head);
        if !candidates.is_empty() {
            let has_head = |e: usize| entities[e].heads.contains(&head);
            // A person the draft gave no such role may still be meant when
            // far more salient (`Ted Cruz defends ...: "...," the senator
            // says`), unless the noun names someone who speaks for another
            // or belongs to someone (`Sanders's campaign manager`).
            let any_person =
                is_person_noun(&head) && !speaks_for_others(&head) && owners.is_empty();
            let near = self.salience.best(at, self.block, |e| {
                if !fits_gender(e) {
                    None
                } else if has_head(e) {
                    Some(0)
                } else {
                    let entity = &entities[e];
                    (any_person && entity.kind == SourceKind::Person && entity.evident)
                        .then_some(-30)
                }
            });
            // Someone the draft gave that role further back.
            return near.or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .filter(|&e| fits_gender(e))
                    .filter(|&e| self.entities.first_full(e).is_some_and(|f| f < at))
                    .max_by_key(|&e| self.entities.first_full(e))
            });
        }
        // A definite description of a person the draft gave no such role
        // (`the billionaire`, `the 46-year-old`) means the most salient
        // person, as `he` or `she` would; an organisation's noun (`the
        // ministry`) the most salient organisation with that word.
        let definite = description
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if !definite {
            return None;
        }
        // `the newspaper`, `the editorial`: the paper the story names.
        if matches!(
            head.as_str(),
            "newspaper" | "paper" | "magazine" | "tabloid" | "editorial" | "editorials"
        ) {
            return self.salience.best(at, self.block, |e| {
                (entities[e].kind == SourceKind::Organisation
                    && super::nouns::is_news_outlet(&entities[e].name))
                .then_some(0)
            });
        }
        // `the statement added`, `the email said`: the words of whoever
        // spoke last, in this paragraph or the one before (`The company
        // confirmed ... "...," the statement added`).
        if matches!(
            head.as_str(),
            "statement" | "release" | "email" | "e-mail" | "letter" | "memo"
        ) && words.len() == 2
        {
            return self.salience.last_speaker(at, self.block).filter(|&e| {
                matches!(
                    entities[e].kind,
                    SourceKind::Person | SourceKind::Organisation
                )
            });
        }
        if is_org_noun(&head) {
            // `the company`, `the firm`: the business the story is about,
            // whatever its name (`Vanguard Logistics Services ... The
            // company confirmed`); not a paper, a party or a public body.
            let business = matches!(
                head.as_str(),
                "company" | "firm" | "corporation" | "automaker" | "airline" | "retailer"
            );
            return self.salience.best(at, self.block, |e| {
                let entity = &entities[e];
                let named = entity.name.to_lowercase().contains(&head);
                let a_business = business
                    && !super::nouns::is_news_outlet(&entity.name)
                    && !entity
                        .name
                        .split(' ')
                        .any(super::nouns::is_public_body_word);
                (entity.kind == SourceKind::Organisation && (named || a_business)).then_some(0)
            });
        }
        // A former aide or spokesman speaks for nobody now: `the former
        // top aide to President Bush` after `Ari Fleischer said` is him.
        let former = words[..words.len().saturating_sub(1)]
            .iter()
            .any(|w| w.eq_ignore_ascii_case("former"));
        if (speaks_for_others(&head) && !former)
            || (!is_person_noun(&head) && !head.ends_with("-year-old"))
        {
            return None;
        }
        // Someone's or something's (`the ad's narrator`, `the company's
        // founder`) is someone the possessive introduces, not whoever is
        // most salient.
        if words[..words.len().saturating_sub(1)]
            .iter()
            .any(|w| w.ends_with("'s") || w.ends_with("’s"))
        {
            return None;
        }
        // Someone the draft brought in unnamed (`a fashion designer for
        // the company ... said the designer`) is that unnamed someone.
        if introduced_unnamed(self.text, at, &head) {
            return None;
        }
        // Not someone named earlier in the same sentence: `In a talk with
        // Alyona Minkovski, the actor said` is not Minkovski.
        let salience = &*self.salience;
        salience.best(at, self.block, |e| {
            let entity = &entities[e];
            (entity.kind == SourceKind::Person
                && entity.evident
                && fits_gender(e)
                && !salience.named_in_sentence_before(at, e))
            .then_some(-10)
        })
    }
}
