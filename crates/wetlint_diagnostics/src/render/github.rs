//! The `github` output format: GitHub Actions workflow commands, which
//! GitHub shows as annotations on the changed files:
//!
//! ```text
//! ::error file=path,line=R,col=C,endLine=R2,endColumn=C2,title=CODE (naam)::bericht
//! ```
//!
//! `error` → `::error`, `warning` → `::warning`, `info` → `::notice`. The
//! help text, if any, follows the message on a new (escaped) line. Files
//! that could not be checked become `::error` commands titled `wetlint`.
//!
//! Escaping follows the runner: in the message `%`, `\r` and `\n` become
//! `%25`, `%0D` and `%0A`; in property values `:` and `,` also become
//! `%3A` and `%2C`.

use std::io::{self, Write};

use crate::model::{Diagnostic, FileError, Report, Severity, sorted_diagnostics, sorted_errors};
use crate::source::SourceLookup;

/// Escapes the message part of a workflow command. Control characters
/// other than tab, `\r` and `\n` become spaces.
pub(crate) fn escape_data(text: &str) -> String {
    escape(text, false)
}

/// Escapes a property value of a workflow command.
pub(crate) fn escape_property(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, property: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => escaped.push_str("%25"),
            '\r' => escaped.push_str("%0D"),
            '\n' => escaped.push_str("%0A"),
            ':' if property => escaped.push_str("%3A"),
            ',' if property => escaped.push_str("%2C"),
            '\t' => escaped.push('\t'),
            c if c.is_control() => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// The workflow command for one diagnostic, without a trailing newline.
pub fn github_line(diagnostic: &Diagnostic) -> String {
    let start = diagnostic.location.at_least_one();
    let end = diagnostic.end_location.at_least_one().max(start);
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        message.push('\n');
        message.push_str(help);
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        command(diagnostic.severity),
        escape_property(&diagnostic.filename),
        start.row,
        start.column,
        end.row,
        end.column,
        escape_property(&format!("{} ({})", diagnostic.code, diagnostic.name)),
        escape_data(&message)
    )
}

/// The workflow command for one file error, without a trailing newline.
pub fn github_error_line(error: &FileError) -> String {
    let location = error
        .location
        .map(|position| {
            let position = position.at_least_one();
            format!(",line={},col={}", position.row, position.column)
        })
        .unwrap_or_default();
    format!(
        "::error file={}{location},title=wetlint::{}",
        escape_property(&error.filename),
        escape_data(&format!(
            "bestand kon niet worden gecontroleerd: {}",
            error.message
        ))
    )
}

/// Writes one workflow command per diagnostic, then one per file error.
/// `sources` is not used.
pub fn write_github(
    report: &Report,
    _sources: &dyn SourceLookup,
    out: &mut dyn Write,
) -> io::Result<()> {
    for diagnostic in sorted_diagnostics(&report.diagnostics) {
        writeln!(out, "{}", github_line(diagnostic))?;
    }
    for error in sorted_errors(&report.errors) {
        writeln!(out, "{}", github_error_line(error))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
        assert_eq!(escape_data("a\tb\u{1b}[0m"), "a\tb [0m");
    }
}
