//! What the attribution tests read off an analysis: each quote's identity
//! and how it was found.

use copydesk::analysis::{analyze, Analysis, How};
use copydesk::config::Config;
use copydesk::kb::Kb;

/// The analysis of `text` with the built-in knowledge base.
#[allow(dead_code)]
pub fn analysed(text: &str) -> Analysis {
    analyze(text, &Config::default(), &Kb::builtin())
}

/// Each quote's identity name and how it was attributed, in order.
pub fn credited(text: &str) -> Vec<(Option<String>, Option<How>)> {
    let result = analyze(text, &Config::default(), &Kb::default());
    result
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let name = result
                .speakers
                .iter()
                .find(|s| s.quotes.contains(&i))
                .map(|s| s.name.clone());
            (name, q.attribution.as_ref().map(|a| a.how))
        })
        .collect()
}

/// An expected `credited` entry.
pub fn named(name: &str, how: How) -> (Option<String>, Option<How>) {
    (Some(name.to_string()), Some(how))
}

/// The identity behind the one quote of `text`.
#[allow(dead_code)]
pub fn credited_alone(text: &str) -> Option<String> {
    let [(name, _)] = &credited(text)[..] else {
        panic!("one quote in {text:?}")
    };
    name.clone()
}
