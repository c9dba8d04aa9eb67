//! Verbs of saying.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::hashing::QuickBuild;

/// Verbs of saying, in the forms news copy uses. `said` and `says` are what
/// AP style prefers; the neutral ones raise no hint; the rest are loaded.
#[rustfmt::skip]
const NEUTRAL: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
    "asked", "asks", "wrote", "writes", "write", "noted", "notes", "explained", "explains",
    "continued", "continues", "replied", "replies", "responded", "responds", "recalled", "recalls",
    "answered", "answers", "testified", "testifies", "tweeted", "tweets", "posted", "posts",
    "announced", "announces", "warned", "warns", "urged", "urges", "argued", "argues", "predicted",
    "predicts", "suggested", "suggests", "described", "describes", "called", "calls", "cautioned",
    "cautions", "reported", "reports", "confirmed", "confirms", "emphasized", "emphasizes",
    "stressed", "stresses", "promised", "promises", "pledged", "pledges", "vowed", "vows",
    "estimated", "estimates", "concluded", "concludes", "recounted", "recounts", "observed",
    "observes", "remarked", "remarks", "complained", "complains", "countered", "counters",
    "texted", "emailed", "messaged", "shouted", "shouts", "yelled", "chanted", "read", "reads",
    "according", "echoed", "echoes", "pointed", "points", "offered", "offers", "shared", "shares",
    "repeated", "repeats", "reiterated", "reiterates", "labeled", "labels", "labelled", "dubbed",
    "dubs", "characterized", "characterizes", "praised", "praises", "criticized", "criticizes",
    "slammed", "slams", "blasted", "blasts", "accused", "accuses", "commented", "comments",
    "elaborated", "clarified", "hinted", "speculated", "wondered", "wonders", "questioned",
    "mocked", "proclaimed", "proclaims", "demanded", "demands", "mused", "muses", "explaining",
    "noting", "writing", "calling", "telling", "asking", "warning", "arguing", "describing",
    "urging", "labeling", "insisting", "claiming", "declaring", "pointing", "replying",
    "responding", "promising", "vowing", "recalling", "tweeting", "posting", "concluding",
    "stating", "acknowledging", "admitting", "announcing", "suggesting", "predicting",
    "questioning", "quoting", "quoted", "quotes", "thanked", "thanks", "thanking", "cited",
    "cites", "citing", "went", "goes", "shot", "fired", "chimed", "add", "note", "explain",
    "argue", "insist", "warn", "ask", "reply", "respond", "spoke", "speaks", "pressed", "presses",
    "asserted", "asserts", "implied", "implies", "referred", "refers", "barked", "interjected",
    "interrupted", "shouting", "chanting", "remembered", "remembers", "mentioned", "mentions",
    "affirmed", "affirms", "advised", "reasoned", "screamed", "screams", "whispered", "whispers",
    "muttered", "murmured", "roared", "hollered", "sang", "sings", "agreed", "agrees",
    "disagreed", "disagrees", "concurred", "put", "puts", "yelling", "screaming", "whispering",
    "muttering", "singing", "pleaded", "pleads", "begged", "begs", "sighed", "sighs", "cried",
    "reflected", "reflects", "protested", "protests", "objected", "objects", "assured", "assures",
    "reassured", "reassures", "beamed", "surmised", "conclude", "interjecting", "termed",
    "dismissed", "hailed",
];

#[rustfmt::skip]
const LOADED: &[&str] = &[
    "claimed", "claims", "admitted", "admits", "insisted", "insists", "exclaimed", "exclaims",
    "declared", "declares", "conceded", "concedes", "boasted", "boasts", "confessed", "confesses",
    "alleged", "alleges", "revealed", "reveals", "quipped", "quips", "joked", "jokes", "stated",
    "states", "maintained", "maintains", "contended", "contends", "opined", "snapped", "scoffed",
    "retorted", "charged", "acknowledged", "acknowledges", "denied", "denies", "lamented",
    "laments", "bragged", "gushed", "fumed", "riffed", "touted", "touts", "retaliated",
    "deadpanned", "chided", "chides", "scolded", "scolds", "taunted", "taunts", "teased", "teases",
    "sniped", "groused", "grumbled", "ranted", "rants", "lashed", "quip", "quipping", "joking",
    "attacked", "denounced", "derided", "ridiculed", "lambasted", "branded", "decried", "chiding",
];

/// How a cue word counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// said, says: what AP style prefers.
    Plain,
    /// told, added, wrote ...: fine.
    Neutral,
    /// claimed, admitted ...: a hint that the verb takes sides.
    Loaded,
}

/// Whether any verb of saying has a given first letter, last letter and
/// length (see `shape`): most words of prose are turned away by that
/// before any hashing.
static SHAPES: LazyLock<Vec<bool>> = LazyLock::new(|| {
    let mut shapes = vec![false; 26 * 26 * 17];
    for verb in VERBS.keys() {
        let bytes = verb.as_bytes();
        if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
            if bytes.len() <= 16 && first.is_ascii_alphabetic() && last.is_ascii_alphabetic() {
                shapes[shape(first, last, bytes.len())] = true;
            }
        }
    }
    shapes
});

/// The place in `SHAPES` of a word of `len` (at most 16) ASCII letters
/// from `first` to `last`.
fn shape(first: u8, last: u8, len: usize) -> usize {
    let letter = |b: u8| usize::from(b.to_ascii_lowercase() - b'a');
    (letter(first) * 26 + letter(last)) * 17 + len
}

static VERBS: LazyLock<HashMap<&'static str, CueClass, QuickBuild>> = LazyLock::new(|| {
    let mut verbs = HashMap::default();
    verbs.extend(NEUTRAL.iter().map(|v| (*v, CueClass::Neutral)));
    verbs.extend(LOADED.iter().map(|v| (*v, CueClass::Loaded)));
    verbs.insert("said", CueClass::Plain);
    verbs.insert("says", CueClass::Plain);
    verbs
});

/// Every verb of saying, in lower case.
pub fn verbs() -> impl Iterator<Item = &'static str> {
    VERBS.keys().copied()
}

/// Whether `word` is a verb of saying, and which kind. `extra` is the
/// desk's own list from the configuration.
pub fn cue_class(word: &str, extra: &[String]) -> Option<CueClass> {
    let bytes = word.as_bytes();
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    if bytes.len() > 16 || !first.is_ascii_alphabetic() || !last.is_ascii_alphabetic() {
        return None;
    }
    if extra.is_empty() && !SHAPES[shape(first, last, bytes.len())] {
        return None;
    }
    if !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    // Lower case on the stack: every verb is short.
    let mut lower = [0u8; 16];
    for (to, from) in lower.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    let word = std::str::from_utf8(&lower[..bytes.len()]).ok()?;
    VERBS.get(word).copied().or_else(|| {
        extra
            .iter()
            .any(|v| v.eq_ignore_ascii_case(word))
            .then_some(CueClass::Neutral)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `cue_class` answered before it had its shape filter.
    fn looked_up(word: &str, extra: &[String]) -> Option<CueClass> {
        if word.len() > 16 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let word = word.to_ascii_lowercase();
        VERBS.get(word.as_str()).copied().or_else(|| {
            extra
                .iter()
                .any(|v| v.eq_ignore_ascii_case(&word))
                .then_some(CueClass::Neutral)
        })
    }

    #[test]
    fn the_shape_filter_turns_away_no_verb() {
        let extra = vec!["kvetched".to_string()];
        let mut words: Vec<String> = Vec::new();
        for verb in VERBS.keys() {
            words.push(verb.to_string());
            words.push(verb.to_uppercase());
            let mut capital = verb.to_string();
            capital[..1].make_ascii_uppercase();
            words.push(capital);
            words.push(format!("{verb}s"));
            words.push(format!("{verb},"));
        }
        for word in [
            "",
            "x",
            "the",
            "Council",
            "said",
            "Said",
            "kvetched",
            "Kvetched",
            "mayor",
            "über",
            "saïd",
            "abcdefghijklmnopq",
            "tell-all",
            "2024",
        ] {
            words.push(word.to_string());
        }
        for word in &words {
            for extra in [&[][..], &extra[..]] {
                assert_eq!(cue_class(word, extra), looked_up(word, extra), "{word:?}");
            }
        }
        assert_eq!(cue_class("Said", &[]), Some(CueClass::Plain));
        assert_eq!(cue_class("kvetched", &extra), Some(CueClass::Neutral));
        assert_eq!(cue_class("kvetched", &[]), None);
    }
}
