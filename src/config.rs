//! `copydesk.toml`: the desk's settings, shared by every editor and by CI.
//!
//! ```toml
//! [rules]
//! unattributed-quote = "error"
//! attribution-verb = "off"
//!
//! [attribution]
//! verbs = ["quipped", "conceded"]
//! min-quote-words = 4
//!
//! [kb]
//! files = ["laws.jsonl", "glossary.toml"]  # `copydesk kb import` output, glossaries
//!
//! [[law]]                  # the desk's glossary, read by `kb::glossary`
//! id = "desk/harbor-ordinance"
//! title = "Harbor District Zoning Ordinance"
//! ```

use std::collections::HashMap;

use serde::Deserialize;

use crate::analysis::{Code, Severity};
use crate::fsread::{Limits, MIB};

/// The file name copydesk looks for at a workspace root.
pub const FILE_NAME: &str = "copydesk.toml";

/// How loudly a rule speaks, or `Off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Hint,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Hint => Some(Severity::Hint),
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// The merged settings the analysis runs with.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    rules: HashMap<Code, Level, crate::hashing::QuickBuild>,
    /// Verbs of saying the desk adds to the built-in list.
    pub extra_verbs: Vec<String>,
    /// A quote of fewer words than this with no cue nearby is a scare quote
    /// and needs no attribution.
    pub min_quote_words: usize,
    /// Knowledge-base files to load on top of the built-in entries,
    /// relative to the configuration file's folder: JSON Lines as `copydesk
    /// kb import` writes them, or TOML glossaries of `[[law]]` tables.
    pub kb_files: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            rules: HashMap::default(),
            extra_verbs: Vec::new(),
            min_quote_words: 4,
            kb_files: Vec::new(),
        }
    }
}

/// Why a configuration file could not be used, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    /// One-based line of the problem, when known.
    pub line: Option<usize>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: HashMap<String, Level>,
    #[serde(default)]
    attribution: RawAttribution,
    #[serde(default)]
    kb: RawKb,
    /// The glossary; `kb::glossary` reads it, entry by entry.
    #[serde(default)]
    #[allow(dead_code)]
    law: Vec<toml::Value>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawKb {
    #[serde(default)]
    files: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawAttribution {
    #[serde(default)]
    verbs: Vec<String>,
    min_quote_words: Option<usize>,
}

impl Config {
    /// Parse the text of a `copydesk.toml`.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError {
            message: e.message().to_string(),
            line: e.span().map(|s| line_of(text, s.start)),
        })?;
        let mut config = Config::default();
        for (name, level) in raw.rules {
            let code = Code::parse(&name).ok_or_else(|| ConfigError {
                message: format!(
                    "unknown rule `{name}`; the rules are {}",
                    Code::ALL.map(Code::as_str).join(", ")
                ),
                line: text.find(&name).map(|at| line_of(text, at)),
            })?;
            config.rules.insert(code, level);
        }
        config.extra_verbs = raw.attribution.verbs;
        config.kb_files = raw.kb.files;
        if let Some(n) = raw.attribution.min_quote_words {
            config.min_quote_words = n;
        }
        Ok(config)
    }

    /// The severity a finding with `code` is reported at, or `None` when the
    /// rule is off.
    pub fn severity(&self, code: Code) -> Option<Severity> {
        match self.rules.get(&code) {
            Some(level) => level.severity(),
            None => Some(code.default_severity()),
        }
    }

    pub fn set_level(&mut self, code: Code, level: Level) {
        self.rules.insert(code, level);
    }
}

/// Settings from the editor (`initializationOptions` or
/// `workspace/didChangeConfiguration`), in the shape the VS Code extension
/// sends. Every field is optional; what is set overrides `copydesk.toml`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct EditorSettings {
    pub rules: HashMap<String, Level>,
    pub attribution: EditorAttribution,
    pub inlay_hints: EditorInlayHints,
    pub limits: EditorLimits,
    pub kb: EditorKb,
}

/// The largest files copydesk reads, in MiB, each unset for the default
/// (`fsread::Limits`). They are the user's to set, never the workspace's:
/// a cloned repository's `copydesk.toml` cannot raise them.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct EditorLimits {
    pub draft_mib: Option<u64>,
    pub config_mib: Option<u64>,
    pub knowledge_base_mib: Option<u64>,
    pub cache_mib: Option<u64>,
}

impl EditorLimits {
    /// The limits these settings make, the defaults where unset.
    pub fn limits(&self) -> Limits {
        let default = Limits::default();
        let mib = |set: Option<u64>, default: u64| set.map_or(default, |n| n.saturating_mul(MIB));
        Limits {
            draft: mib(self.draft_mib, default.draft),
            config: mib(self.config_mib, default.config),
            knowledge_base: mib(self.knowledge_base_mib, default.knowledge_base),
            cache: mib(self.cache_mib, default.cache),
            ..default
        }
    }
}

/// The user's say over the knowledge-base files `copydesk.toml` names.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct EditorKb {
    /// Whether `[kb] files` may name files outside the workspace folder.
    /// Off by default, and only the user can switch it on: a workspace
    /// must not be able to have copydesk read the rest of the disk.
    pub allow_outside_workspace: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct EditorAttribution {
    pub verbs: Vec<String>,
    pub min_quote_words: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default)]
pub struct EditorInlayHints {
    pub enabled: bool,
}

impl Default for EditorInlayHints {
    fn default() -> Self {
        EditorInlayHints { enabled: true }
    }
}

impl EditorSettings {
    /// Read settings from the JSON an editor sent. Settings under a
    /// top-level `copydesk` key are accepted too, as some clients nest them.
    pub fn from_json(value: &serde_json::Value) -> Result<EditorSettings, String> {
        let value = value.get("copydesk").unwrap_or(value);
        if value.is_null() {
            return Ok(EditorSettings::default());
        }
        serde_json::from_value(value.clone()).map_err(|e| format!("copydesk settings: {e}"))
    }
}

impl Config {
    /// This configuration with the editor's settings laid over it. Unknown
    /// rule names are returned so the caller can report them.
    pub fn with_editor_settings(&self, settings: &EditorSettings) -> (Config, Vec<String>) {
        let mut config = self.clone();
        let mut unknown = Vec::new();
        for (name, level) in &settings.rules {
            match Code::parse(name) {
                Some(code) => config.set_level(code, *level),
                None => unknown.push(name.clone()),
            }
        }
        for verb in &settings.attribution.verbs {
            if !config.extra_verbs.contains(verb) {
                config.extra_verbs.push(verb.clone());
            }
        }
        if let Some(n) = settings.attribution.min_quote_words {
            config.min_quote_words = n;
        }
        (config, unknown)
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_verbs_are_read() {
        let config = Config::from_toml(
            "[rules]\nunattributed-quote = \"error\"\nattribution-verb = \"off\"\n\
             [attribution]\nverbs = [\"quipped\"]\nmin-quote-words = 6\n",
        )
        .unwrap();
        assert_eq!(
            config.severity(Code::UnattributedQuote),
            Some(Severity::Error)
        );
        assert_eq!(config.severity(Code::AttributionVerb), None);
        assert_eq!(
            config.severity(Code::UnclosedQuote),
            Some(Severity::Warning)
        );
        assert_eq!(config.extra_verbs, vec!["quipped".to_string()]);
        assert_eq!(config.min_quote_words, 6);
    }

    #[test]
    fn editor_settings_override_the_file() {
        let file = Config::from_toml("[rules]\nunattributed-quote = \"error\"\n").unwrap();
        let settings = EditorSettings::from_json(&serde_json::json!({
            "rules": {"unattributed-quote": "off", "no-such-rule": "hint"},
            "attribution": {"verbs": ["quipped"], "minQuoteWords": 2},
            "inlayHints": {"enabled": false},
            "limits": {"draftMib": 100},
            "kb": {"allowOutsideWorkspace": true}
        }))
        .unwrap();
        assert_eq!(settings.limits.limits().draft, 100 << 20);
        assert_eq!(settings.limits.limits().config, Limits::default().config);
        assert!(settings.kb.allow_outside_workspace);
        assert!(!EditorSettings::default().kb.allow_outside_workspace);
        let (config, unknown) = file.with_editor_settings(&settings);
        assert_eq!(config.severity(Code::UnattributedQuote), None);
        assert_eq!(config.extra_verbs, vec!["quipped".to_string()]);
        assert_eq!(config.min_quote_words, 2);
        assert_eq!(unknown, vec!["no-such-rule".to_string()]);
        assert!(!settings.inlay_hints.enabled);
        assert!(EditorSettings::from_json(&serde_json::json!({"rules": {"x": "loud"}})).is_err());
        assert_eq!(
            EditorSettings::from_json(&serde_json::Value::Null).unwrap(),
            EditorSettings::default()
        );
    }

    #[test]
    fn errors_say_where() {
        let err = Config::from_toml("[rules]\n\nunattributed-quote = \"loud\"\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        let err = Config::from_toml("[rules]\nno-such-rule = \"off\"\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("unknown rule `no-such-rule`"));
    }
}
