//! The `concise` output format: one line per diagnostic,
//! `path:row:col: CODE [ernst] bericht`, with the Dutch severity label.
//!
//! Files that could not be checked follow as
//! `path[:row:col]: [fout] kon niet worden gecontroleerd: bericht`.
//! There is no summary. Line breaks and other control characters in
//! messages are replaced by spaces so that every entry stays on one line.

use std::io::{self, Write};

use crate::model::{Diagnostic, FileError, Report, Severity, sorted_diagnostics, sorted_errors};
use crate::render::single_line;
use crate::source::SourceLookup;

/// The concise line for one diagnostic, without a trailing newline.
pub fn concise_line(diagnostic: &Diagnostic) -> String {
    format!(
        "{}:{}:{}: {} [{}] {}",
        single_line(&diagnostic.filename),
        diagnostic.location.row,
        diagnostic.location.column,
        single_line(&diagnostic.code),
        diagnostic.severity.label_nl(),
        single_line(&diagnostic.message)
    )
}

/// The concise line for one file error, without a trailing newline.
pub fn concise_error_line(error: &FileError) -> String {
    let location = error
        .location
        .map(|position| format!(":{}:{}", position.row, position.column))
        .unwrap_or_default();
    format!(
        "{}{location}: [{}] kon niet worden gecontroleerd: {}",
        single_line(&error.filename),
        Severity::Error.label_nl(),
        single_line(&error.message)
    )
}

/// Writes one line per diagnostic, then one line per file error.
/// `sources` is not used.
pub fn write_concise(
    report: &Report,
    _sources: &dyn SourceLookup,
    out: &mut dyn Write,
) -> io::Result<()> {
    for diagnostic in sorted_diagnostics(&report.diagnostics) {
        writeln!(out, "{}", concise_line(diagnostic))?;
    }
    for error in sorted_errors(&report.errors) {
        writeln!(out, "{}", concise_error_line(error))?;
    }
    Ok(())
}
