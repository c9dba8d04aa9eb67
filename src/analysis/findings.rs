use serde::Serialize;

use crate::text::Span;

/// The stable diagnostic codes of design.md. Their string forms are part of
/// copydesk's interface: configs, CI filters and editors refer to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    UnattributedQuote,
    AttributedByContext,
    UnclosedQuote,
    UnresolvedSpeaker,
    SurnameFirstReference,
    AnonymousSource,
    AttributionVerb,
    LawNotEnacted,
    LawNameMismatch,
    UnknownLaw,
}

impl Code {
    pub const ALL: [Code; 10] = [
        Code::UnattributedQuote,
        Code::AttributedByContext,
        Code::UnclosedQuote,
        Code::UnresolvedSpeaker,
        Code::SurnameFirstReference,
        Code::AnonymousSource,
        Code::AttributionVerb,
        Code::LawNotEnacted,
        Code::LawNameMismatch,
        Code::UnknownLaw,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnattributedQuote => "unattributed-quote",
            Code::AttributedByContext => "attributed-by-context",
            Code::UnclosedQuote => "unclosed-quote",
            Code::UnresolvedSpeaker => "unresolved-speaker",
            Code::SurnameFirstReference => "surname-first-reference",
            Code::AnonymousSource => "anonymous-source",
            Code::AttributionVerb => "attribution-verb",
            Code::LawNotEnacted => "law-not-enacted",
            Code::LawNameMismatch => "law-name-mismatch",
            Code::UnknownLaw => "unknown-law",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// What the rule checks, in a line, for rule lists (SARIF, help).
    pub fn description(self) -> &'static str {
        match self {
            Code::UnattributedQuote => "A direct or partial quote names nobody as its speaker.",
            Code::AttributedByContext => {
                "A quote paragraph names nobody; its speaker is implied by the paragraph before."
            }
            Code::UnclosedQuote => "A quotation mark is opened and never closed.",
            Code::UnresolvedSpeaker => {
                "An attribution such as “he said” has nobody earlier for the pronoun to be."
            }
            Code::SurnameFirstReference => "A speaker's surname appears before their full name.",
            Code::AnonymousSource => "A quote is credited to an unnamed source.",
            Code::AttributionVerb => "A verb of saying other than “said” or “says”.",
            Code::LawNotEnacted => "A bill that never became law is named as if it were law.",
            Code::LawNameMismatch => "A known law is named with the wrong year or a wrong word.",
            Code::UnknownLaw => "A law-shaped name the knowledge base does not know.",
        }
    }

    /// The level a rule has when the configuration says nothing about it.
    pub fn default_severity(self) -> Severity {
        match self {
            Code::UnattributedQuote
            | Code::UnclosedQuote
            | Code::UnresolvedSpeaker
            | Code::LawNameMismatch => Severity::Warning,
            Code::AttributedByContext
            | Code::SurnameFirstReference
            | Code::AnonymousSource
            | Code::LawNotEnacted => Severity::Info,
            Code::AttributionVerb | Code::UnknownLaw => Severity::Hint,
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A problem in a draft, with a message a reporter understands.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub fixes: Vec<Fix>,
}

/// A quick fix: a titled set of edits to the draft.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
}

/// Replace `span` with `new_text`. When `snippet` is set, `new_text` uses
/// the LSP snippet syntax (`${1:WHO}`), and clients without snippet support
/// get the placeholder text instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub new_text: String,
    pub snippet: bool,
}
