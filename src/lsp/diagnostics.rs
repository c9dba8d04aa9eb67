//! Findings as protocol diagnostics.

use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString};

use super::convert::Positions;
use crate::analysis::{Finding, Severity};

/// The `source` every copydesk diagnostic carries, so editors can filter.
pub const SOURCE: &str = "copydesk";

pub fn to_diagnostics(findings: &[Finding], positions: Positions<'_>) -> Vec<Diagnostic> {
    findings
        .iter()
        .map(|finding| to_diagnostic(finding, positions))
        .collect()
}

pub fn to_diagnostic(finding: &Finding, positions: Positions<'_>) -> Diagnostic {
    Diagnostic {
        range: positions.range(finding.span),
        severity: Some(to_severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.as_str().to_string())),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        ..Diagnostic::default()
    }
}

fn to_severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Hint => DiagnosticSeverity::HINT,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Error => DiagnosticSeverity::ERROR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Code;
    use crate::text::{Encoding, LineIndex, Span};
    use tower_lsp_server::ls_types::{Position, Range};

    #[test]
    fn a_finding_after_an_emoji_keeps_its_code_level_and_range() {
        let text = "🎉 “This is a disgrace.”\n";
        let quote = Span::new(text.find('“').unwrap(), text.len() - 1);
        let finding = Finding {
            code: Code::UnattributedQuote,
            severity: Severity::Warning,
            span: quote,
            message: "Nobody is credited with this quote.".to_string(),
            fixes: Vec::new(),
        };
        let index = LineIndex::new(text);
        let diagnostic = to_diagnostic(
            &finding,
            Positions {
                text,
                index: &index,
                encoding: Encoding::Utf16,
            },
        );
        assert_eq!(
            diagnostic.range,
            Range::new(Position::new(0, 3), Position::new(0, 24))
        );
        assert_eq!(diagnostic.severity, Some(DiagnosticSeverity::WARNING));
        assert_eq!(
            diagnostic.code,
            Some(NumberOrString::String("unattributed-quote".to_string()))
        );
        assert_eq!(diagnostic.source.as_deref(), Some("copydesk"));
        assert_eq!(diagnostic.message, "Nobody is credited with this quote.");
    }
}
