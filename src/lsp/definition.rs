//! Go to definition, in the analysis's own terms: a law from the desk's
//! glossary is defined on the line of its `[[law]]` table; any other law
//! at its first mention in the draft; a speaker at their first mention by
//! full name (else their first mention).

use std::path::Path;

use crate::analysis::{Analysis, MentionForm};
use crate::kb::Kb;
use crate::text::Span;

/// Where the thing at an offset is defined.
#[derive(Debug, PartialEq, Eq)]
pub enum Definition<'a> {
    /// A line (one-based) of a glossary file.
    Glossary { path: &'a Path, line: usize },
    /// A span of the same draft.
    Here(Span),
}

/// The definition of the law or speaker at `offset` of a draft.
pub fn definition<'a>(analysis: &Analysis, offset: usize, kb: &'a Kb) -> Option<Definition<'a>> {
    if let Some(law) = analysis.law_at(offset) {
        if let Some(origin) = law.id.as_ref().and_then(|id| kb.origin(id)) {
            return Some(Definition::Glossary {
                path: &origin.path,
                line: origin.line,
            });
        }
        let key = law.key();
        return analysis
            .laws
            .iter()
            .filter(|law| law.key() == key)
            .min_by_key(|law| law.span.start)
            .map(|law| Definition::Here(law.span));
    }
    let (speaker, _) = analysis.speaker_at(offset)?;
    let first = speaker
        .mentions
        .iter()
        .find(|m| m.form == MentionForm::Name)
        .or(speaker.mentions.first())?;
    Some(Definition::Here(first.span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn a_law_at_its_first_mention_and_a_speaker_at_their_full_name() {
        let text = "The CHIPS Act passed. \"It helps,\" said Dana Whitfield. \
                    Whitfield praised the CHIPS Act again.";
        let kb = Kb::builtin();
        let analysis = crate::analysis::analyze(text, &Config::default(), &kb);
        let second_law = text.rfind("CHIPS").unwrap();
        let first_law = text.find("CHIPS Act").unwrap();
        assert_eq!(
            definition(&analysis, second_law, &kb),
            Some(Definition::Here(Span::new(first_law, first_law + 9)))
        );
        let surname = text.rfind("Whitfield").unwrap();
        let full = text.find("Dana Whitfield").unwrap();
        assert_eq!(
            definition(&analysis, surname, &kb),
            Some(Definition::Here(Span::new(full, full + 14)))
        );
        assert_eq!(definition(&analysis, 1, &kb), None);
    }
}
