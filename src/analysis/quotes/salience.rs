//! Who a pronoun or a description means: the most salient compatible
//! entity, not simply the last name written. An entity is salient when it
//! was mentioned recently (this sentence, the one before, this paragraph,
//! the one before) and prominently (as the speaker of a verb of saying, or
//! as a sentence's subject, rather than in passing).

/// How an entity is mentioned in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Says something: the speaker of a verb of saying or of a quote.
    Speaker,
    /// The sentence's subject.
    Subject,
    Other,
}

/// One mention of an entity, and where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub at: usize,
    pub block: usize,
    pub sentence: usize,
    pub entity: usize,
    pub role: Role,
}

/// The mentions a pronoun may look back over.
#[derive(Debug, Default)]
pub struct Salience {
    /// Name mentions, in document order.
    mentions: Vec<Occurrence>,
    /// Speakers resolved so far, in the order their quotes came.
    events: Vec<Occurrence>,
    /// Where every sentence of the draft starts, in order.
    sentence_starts: Vec<usize>,
}

/// How many mentions back a look goes at most, and how many paragraphs.
const LOOK_BACK: usize = 96;
const PARAGRAPHS_BACK: usize = 3;

impl Salience {
    pub fn new(sentence_starts: Vec<usize>) -> Salience {
        Salience {
            mentions: Vec::new(),
            events: Vec::new(),
            sentence_starts,
        }
    }

    /// The index of the sentence `at` lies in.
    pub fn sentence_of(&self, at: usize) -> usize {
        self.sentence_starts
            .partition_point(|&start| start <= at)
            .saturating_sub(1)
    }

    /// Where sentence number `sentence` starts, if there is one.
    pub fn sentence_start(&self, sentence: usize) -> Option<usize> {
        self.sentence_starts.get(sentence).copied()
    }

    /// Whether a name mention that `fit` accepts lies from `from` to `to`.
    pub fn named_between(&self, from: usize, to: usize, fit: impl Fn(usize) -> bool) -> bool {
        let first = self.mentions.partition_point(|m| m.at < from);
        self.mentions[first..]
            .iter()
            .take_while(|m| m.at < to)
            .any(|m| fit(m.entity))
    }

    /// Add a name mention; mentions come in document order.
    pub fn mention(&mut self, occurrence: Occurrence) {
        self.mentions.push(occurrence);
    }

    /// Add a speaker resolved for a quote.
    pub fn spoke(&mut self, occurrence: Occurrence) {
        self.events.push(occurrence);
    }

    /// The entity with the best score among those mentioned before `at`,
    /// in block `block`: `fit` says whether an entity can be meant (and a
    /// bonus or penalty for how well it fits), `None` when it cannot.
    pub fn best(
        &self,
        at: usize,
        block: usize,
        fit: impl Fn(usize) -> Option<i32>,
    ) -> Option<usize> {
        let sentence = self.sentence_of(at);
        let mut best: Option<(i32, usize, usize)> = None;
        let end = self.mentions.partition_point(|m| m.at < at);
        // Mentions are in document order and speakers nearly so: the look
        // back stops at the first one too many paragraphs away.
        let in_reach = |o: &&Occurrence| o.block + PARAGRAPHS_BACK >= block;
        let recent_mentions = self.mentions[..end]
            .iter()
            .rev()
            .take(LOOK_BACK)
            .take_while(in_reach);
        let recent_events = self
            .events
            .iter()
            .rev()
            .take(LOOK_BACK)
            .take_while(in_reach)
            .filter(|e| e.at < at);
        for occurrence in recent_mentions.chain(recent_events) {
            let Some(bonus) = fit(occurrence.entity) else {
                continue;
            };
            // A name in passing in this very sentence (`Choosing between
            // Clinton and Sanders is a "false choice," she said`) is no
            // nearer the pronoun than the paragraph's subject.
            let recent = match (recency(occurrence, block, sentence), occurrence.role) {
                (60, Role::Other) => 40,
                (points, _) => points,
            };
            let score = recent + role(occurrence.role) + bonus;
            let candidate = (score, occurrence.at, occurrence.entity);
            if best.is_none_or(|b| (candidate.0, candidate.1) > (b.0, b.1)) {
                best = Some(candidate);
            }
        }
        best.map(|(_, _, entity)| entity)
    }

    /// The entity that spoke last before `at`, in block `block` or the one
    /// before.
    pub fn last_speaker(&self, at: usize, block: usize) -> Option<usize> {
        self.events
            .iter()
            .rev()
            .filter(|e| e.at < at && e.role == Role::Speaker)
            .take_while(|e| e.block + 1 >= block)
            .next()
            .map(|e| e.entity)
    }

    /// The name mentions before `at` in its sentence, nearest first.
    fn earlier_in_sentence(&self, at: usize) -> impl Iterator<Item = &Occurrence> {
        let sentence = self.sentence_of(at);
        let end = self.mentions.partition_point(|m| m.at < at);
        self.mentions[..end]
            .iter()
            .rev()
            .take_while(move |m| m.sentence == sentence)
    }

    /// Whether a name mention of `entity` comes before `at` in its
    /// sentence.
    pub fn named_in_sentence_before(&self, at: usize, entity: usize) -> bool {
        self.earlier_in_sentence(at).any(|m| m.entity == entity)
    }

    /// The entity of the mention nearest before `at` in the same sentence:
    /// what a relative `who` refers to.
    pub fn nearest_in_sentence(&self, at: usize, fit: impl Fn(usize) -> bool) -> Option<usize> {
        self.earlier_in_sentence(at)
            .find(|m| fit(m.entity))
            .map(|m| m.entity)
    }
}

/// Points for how recently an entity was mentioned.
fn recency(occurrence: &Occurrence, block: usize, sentence: usize) -> i32 {
    let paragraphs = block.saturating_sub(occurrence.block);
    let sentences = sentence.saturating_sub(occurrence.sentence);
    match (paragraphs, sentences) {
        (0, 0) => 60,
        (0, 1) => 50,
        (0, _) => 40,
        (1, _) => 30,
        (2, _) => 15,
        _ => 5,
    }
}

/// Points for how prominently.
fn role(role: Role) -> i32 {
    match role {
        Role::Speaker => 30,
        Role::Subject => 20,
        Role::Other => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(at: usize, block: usize, sentence: usize, entity: usize, role: Role) -> Occurrence {
        Occurrence {
            at,
            block,
            sentence,
            entity,
            role,
        }
    }

    #[test]
    fn the_subject_who_speaks_outranks_a_name_in_passing() {
        let mut salience = Salience::new(vec![0, 100, 200]);
        // "Trump (speaker) attacked Clinton and said Obama (other) was weak."
        salience.mention(at(0, 0, 0, 0, Role::Speaker));
        salience.mention(at(40, 0, 0, 1, Role::Other));
        salience.mention(at(80, 0, 0, 2, Role::Other));
        assert_eq!(salience.best(150, 0, |_| Some(0)), Some(0));
        // Without the first, the nearest of the rest.
        assert_eq!(salience.best(150, 0, |e| (e != 0).then_some(0)), Some(2));
        // Nobody fits.
        assert_eq!(salience.best(150, 0, |_| None), None);
        // Too far back.
        assert_eq!(salience.best(150, 9, |_| Some(0)), None);
    }

    #[test]
    fn a_speaker_resolved_before_counts_as_a_mention() {
        let mut salience = Salience::new(vec![0, 100]);
        salience.mention(at(0, 0, 0, 0, Role::Other));
        salience.spoke(at(50, 0, 0, 1, Role::Speaker));
        assert_eq!(salience.best(120, 0, |_| Some(0)), Some(1));
        assert_eq!(salience.nearest_in_sentence(60, |_| true), Some(0));
    }
}
