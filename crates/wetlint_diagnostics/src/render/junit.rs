//! The `junit` output format: JUnit XML for CI systems.
//!
//! One `<testsuite>` per file (name = filename, files in sorted order) with
//! one `<testcase>` per diagnostic (`classname` = filename, `name` =
//! `CODE row:col`). Errors and warnings get a `<failure type="CODE">`;
//! info diagnostics are passing test cases whose message is in
//! `<system-out>`. Every file error is a test case with an `<error>`.
//! The `tests`, `failures` and `errors` totals are set on every suite and
//! on the `<testsuites>` root.
//!
//! All text is escaped (`&`, `<`, `>`, `"`, `'`, and line breaks and tabs
//! inside attributes), and characters that XML 1.0 forbids are removed.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::model::{Diagnostic, FileError, Report, Severity, sorted_diagnostics, sorted_errors};
use crate::render::concise::concise_error_line;
use crate::source::SourceLookup;

/// Whether XML 1.0 allows `c` in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\u{9}' | '\u{A}' | '\u{D}'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// Escapes `text` for XML character data, dropping forbidden characters.
pub(crate) fn escape_text(text: &str) -> String {
    escape(text, false)
}

/// Escapes `text` for a double- or single-quoted XML attribute value,
/// dropping forbidden characters and keeping line breaks and tabs as
/// character references (attribute value normalisation would eat them).
pub(crate) fn escape_attribute(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, attribute: bool) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\n' if attribute => escaped.push_str("&#10;"),
            '\r' if attribute => escaped.push_str("&#13;"),
            '\t' if attribute => escaped.push_str("&#9;"),
            c if is_xml_char(c) => escaped.push(c),
            _ => {}
        }
    }
    escaped
}

/// The diagnostics and file errors of one file.
#[derive(Default)]
struct Suite<'a> {
    diagnostics: Vec<&'a Diagnostic>,
    errors: Vec<&'a FileError>,
}

impl Suite<'_> {
    fn tests(&self) -> usize {
        self.diagnostics.len() + self.errors.len()
    }

    fn failures(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity >= Severity::Warning)
            .count()
    }

    fn errors(&self) -> usize {
        self.errors.len()
    }
}

/// The body of a failure: location, code, severity and the full message,
/// then help, related notes and URL.
fn details(diagnostic: &Diagnostic) -> String {
    let mut body = format!(
        "{}:{}:{}: {} [{}] {}",
        diagnostic.filename,
        diagnostic.location.row,
        diagnostic.location.column,
        diagnostic.code,
        diagnostic.severity.label_nl(),
        diagnostic.message
    );
    if let Some(help) = &diagnostic.help {
        body.push_str("\ntip: ");
        body.push_str(help);
    }
    for related in &diagnostic.related {
        body.push_str(&format!(
            "\nzie ook: {}:{}:{}: {}",
            related.filename, related.location.row, related.location.column, related.message
        ));
    }
    if let Some(url) = &diagnostic.url {
        body.push_str("\ndocumentatie: ");
        body.push_str(url);
    }
    body
}

fn write_diagnostic(diagnostic: &Diagnostic, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "    <testcase classname=\"{}\" name=\"{} {}:{}\">",
        escape_attribute(&diagnostic.filename),
        escape_attribute(&diagnostic.code),
        diagnostic.location.row,
        diagnostic.location.column
    )?;
    if diagnostic.severity >= Severity::Warning {
        writeln!(
            out,
            "      <failure type=\"{}\" message=\"{}\">{}</failure>",
            escape_attribute(&diagnostic.code),
            escape_attribute(&diagnostic.message),
            escape_text(&details(diagnostic))
        )?;
    } else {
        writeln!(
            out,
            "      <system-out>{}</system-out>",
            escape_text(&details(diagnostic))
        )?;
    }
    writeln!(out, "    </testcase>")
}

fn write_file_error(error: &FileError, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "    <testcase classname=\"{}\" name=\"bestand kon niet worden gecontroleerd\">",
        escape_attribute(&error.filename)
    )?;
    writeln!(
        out,
        "      <error type=\"bestandsfout\" message=\"{}\">{}</error>",
        escape_attribute(&error.message),
        escape_text(&concise_error_line(error))
    )?;
    writeln!(out, "    </testcase>")
}

/// Writes `report` as JUnit XML. `sources` is not used.
pub fn write_junit(
    report: &Report,
    _sources: &dyn SourceLookup,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut suites: BTreeMap<&str, Suite<'_>> = BTreeMap::new();
    for diagnostic in sorted_diagnostics(&report.diagnostics) {
        suites
            .entry(&diagnostic.filename)
            .or_default()
            .diagnostics
            .push(diagnostic);
    }
    for error in sorted_errors(&report.errors) {
        suites
            .entry(&error.filename)
            .or_default()
            .errors
            .push(error);
    }
    let tests: usize = suites.values().map(Suite::tests).sum();
    let failures: usize = suites.values().map(Suite::failures).sum();
    let errors: usize = suites.values().map(Suite::errors).sum();

    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<testsuites name=\"wetlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">"
    )?;
    for (filename, suite) in &suites {
        writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">",
            escape_attribute(filename),
            suite.tests(),
            suite.failures(),
            suite.errors()
        )?;
        for diagnostic in &suite.diagnostics {
            write_diagnostic(diagnostic, out)?;
        }
        for error in &suite.errors {
            write_file_error(error, out)?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_strips() {
        assert_eq!(
            escape_text("a & b < c > d \"e\" 'f'\u{0}\u{1b}\u{FFFE}\n"),
            "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;\n"
        );
        assert_eq!(escape_attribute("x\ny\r\tz"), "x&#10;y&#13;&#9;z");
        assert_eq!(escape_text("beëindiging é"), "beëindiging é");
    }
}
