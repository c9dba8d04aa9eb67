//! Verbs of saying.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::hashing::QuickBuild;

/// Verbs of saying, in the forms news copy uses. `said` and `says` are what
/// AP style prefers; the neutral ones raise no hint; the rest are loaded.
const NEUTRAL: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "adding",
    "asked",
    "asks",
    "wrote",
    "writes",
    "write",
    "noted",
    "notes",
    "explained",
    "explains",
    "continued",
    "continues",
    "replied",
    "replies",
    "responded",
    "responds",
    "recalled",
    "recalls",
    "answered",
    "answers",
    "testified",
    "testifies",
    "tweeted",
    "tweets",
    "posted",
    "posts",
    "announced",
    "announces",
    "warned",
    "warns",
    "urged",
    "urges",
    "argued",
    "argues",
    "predicted",
    "predicts",
    "suggested",
    "suggests",
    "described",
    "describes",
    "called",
    "calls",
    "cautioned",
    "cautions",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "emphasized",
    "emphasizes",
    "stressed",
    "stresses",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "vowed",
    "vows",
    "estimated",
    "estimates",
    "concluded",
    "concludes",
    "recounted",
    "recounts",
    "observed",
    "observes",
    "remarked",
    "remarks",
    "complained",
    "complains",
    "countered",
    "counters",
    "texted",
    "emailed",
    "messaged",
    "shouted",
    "shouts",
    "yelled",
    "chanted",
    "read",
    "reads",
    "according",
    "echoed",
    "echoes",
    "pointed",
    "points",
    "offered",
    "offers",
    "shared",
    "shares",
    "repeated",
    "repeats",
    "reiterated",
    "reiterates",
    "labeled",
    "labels",
    "labelled",
    "dubbed",
    "dubs",
    "characterized",
    "characterizes",
    "praised",
    "praises",
    "criticized",
    "criticizes",
    "slammed",
    "slams",
    "blasted",
    "blasts",
    "accused",
    "accuses",
    "commented",
    "comments",
    "elaborated",
    "clarified",
    "hinted",
    "speculated",
    "wondered",
    "wonders",
    "questioned",
    "mocked",
    "proclaimed",
    "proclaims",
    "demanded",
    "demands",
    "mused",
    "muses",
    "explaining",
    "noting",
    "writing",
    "calling",
    "telling",
    "asking",
    "warning",
    "arguing",
    "describing",
    "urging",
    "labeling",
    "insisting",
    "claiming",
    "declaring",
    "pointing",
    "replying",
    "responding",
    "promising",
    "vowing",
    "recalling",
    "tweeting",
    "posting",
    "concluding",
    "stating",
    "acknowledging",
    "admitting",
    "announcing",
    "suggesting",
    "predicting",
    "questioning",
    "quoting",
    "quoted",
    "quotes",
    "thanked",
    "thanks",
    "thanking",
    "cited",
    "cites",
    "citing",
    "went",
    "goes",
    "shot",
    "fired",
    "chimed",
    "interjected",
    "interrupted",
    "shouting",
    "chanting",
];

const LOADED: &[&str] = &[
    "claimed",
    "claims",
    "admitted",
    "admits",
    "insisted",
    "insists",
    "exclaimed",
    "exclaims",
    "declared",
    "declares",
    "conceded",
    "concedes",
    "boasted",
    "boasts",
    "confessed",
    "confesses",
    "alleged",
    "alleges",
    "revealed",
    "reveals",
    "quipped",
    "quips",
    "joked",
    "jokes",
    "stated",
    "states",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "opined",
    "snapped",
    "scoffed",
    "retorted",
    "charged",
    "acknowledged",
    "acknowledges",
    "denied",
    "denies",
    "lamented",
    "laments",
    "bragged",
    "gushed",
    "fumed",
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

/// Whether any verb of saying has a given first letter and length, as
/// `first * 17 + len`.
static SHAPES: LazyLock<[bool; 26 * 17]> = LazyLock::new(|| {
    let mut shapes = [false; 26 * 17];
    for verb in VERBS.keys() {
        let first = (verb.as_bytes()[0] - b'a') as usize;
        if verb.len() <= 16 {
            shapes[first * 17 + verb.len()] = true;
        }
    }
    shapes
});

static VERBS: LazyLock<HashMap<&'static str, CueClass, QuickBuild>> = LazyLock::new(|| {
    let mut verbs = HashMap::default();
    verbs.extend(NEUTRAL.iter().map(|v| (*v, CueClass::Neutral)));
    verbs.extend(LOADED.iter().map(|v| (*v, CueClass::Loaded)));
    verbs.insert("said", CueClass::Plain);
    verbs.insert("says", CueClass::Plain);
    verbs
});

/// Whether `word` is a verb of saying, and which kind. `extra` is the
/// desk's own list from the configuration.
pub fn cue_class(word: &str, extra: &[String]) -> Option<CueClass> {
    if word.len() > 16 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // Most words can be turned away by their first letter and length
    // before any hashing.
    let first = (word.bytes().next()?.to_ascii_lowercase() - b'a') as usize;
    if extra.is_empty() && !SHAPES[first * 17 + word.len()] {
        return None;
    }
    let lower;
    let word = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = word.to_ascii_lowercase();
        lower.as_str()
    } else {
        word
    };
    VERBS.get(word).copied().or_else(|| {
        extra
            .iter()
            .any(|v| v.eq_ignore_ascii_case(word))
            .then_some(CueClass::Neutral)
    })
}
