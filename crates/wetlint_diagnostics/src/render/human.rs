//! The `human` output format: each diagnostic rendered by miette's
//! [`GraphicalReportHandler`] with a source snippet and a label at its
//! range and a header `ernst[CODE]: naam`, then the help text as
//! `tip: …`, related locations as `zie ook: path:row:col: bericht` notes and
//! the documentation URL as `documentatie: …`,
//! followed by the files that could not be checked and a Dutch summary
//! line such as
//! `3 bevindingen (1 fout, 2 waarschuwingen, 0 info) in 2 bestanden; 1 bestand kon niet worden gecontroleerd.`
//!
//! With [`HumanOptions::color`] off the output uses ASCII drawing characters and no
//! escape codes; with it on, miette's Unicode theme with ANSI colours is used.
//! When the source of a file is not available (or cannot be rendered), the
//! diagnostic falls back to its concise line.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::line_index::{ceil_char_boundary, floor_char_boundary};
use crate::model::{Diagnostic, Report, Severity, sorted_diagnostics, sorted_errors};
use crate::render::concise::{concise_error_line, concise_line};
use crate::render::{count_nl, single_line};
use crate::source::SourceLookup;

/// Options of the human renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HumanOptions {
    /// Unicode drawing characters and ANSI colours. Turn off when the output
    /// is not a terminal.
    pub color: bool,
    /// Width in columns to wrap messages at.
    pub width: usize,
}

impl Default for HumanOptions {
    /// No colours, 80 columns.
    fn default() -> Self {
        Self {
            color: false,
            width: 80,
        }
    }
}

impl HumanOptions {
    /// Options for writing to standard output: colours only when stdout is a
    /// terminal and `NO_COLOR` is unset or empty; the width from `COLUMNS`
    /// when set, else 80.
    pub fn for_stdout() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|columns| columns.trim().parse::<usize>().ok())
            .filter(|&columns| columns >= 20)
            .unwrap_or(80);
        Self {
            color: io::stdout().is_terminal() && !no_color,
            width,
        }
    }
}

/// Writes `report` for people, with [`HumanOptions::default`].
pub fn write_human(
    report: &Report,
    sources: &dyn SourceLookup,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_human_with(report, sources, &HumanOptions::default(), out)
}

/// Writes `report` for people.
pub fn write_human_with(
    report: &Report,
    sources: &dyn SourceLookup,
    options: &HumanOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::none()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width.max(20))
        .with_urls(false)
        .with_context_lines(1)
        .without_syntax_highlighting()
        .without_cause_chain();

    for diagnostic in sorted_diagnostics(&report.diagnostics) {
        let rendered = sources
            .source(&diagnostic.filename)
            .and_then(|text| render_with_source(&handler, diagnostic, text));
        match rendered {
            Some(text) => out.write_all(text.as_bytes())?,
            None => writeln!(out, "{}", concise_line(diagnostic))?,
        }
        write_notes(diagnostic, options.width.max(20), out)?;
        writeln!(out)?;
    }

    for error in sorted_errors(&report.errors) {
        writeln!(out, "{}", concise_error_line(error))?;
    }
    if !report.errors.is_empty() {
        writeln!(out)?;
    }

    writeln!(out, "{}", summary_line(report))
}

/// The Dutch summary line, e.g.
/// `3 bevindingen (1 fout, 2 waarschuwingen, 0 info) in 2 bestanden; 1 bestand kon niet worden gecontroleerd.`
pub fn summary_line(report: &Report) -> String {
    let counts = report.severity_counts();
    let files = count_nl(report.files_checked, "bestand", "bestanden");
    let mut line = if counts.total() == 0 {
        format!("Geen bevindingen in {files}")
    } else {
        format!(
            "{} ({}, {}, {} info) in {files}",
            count_nl(counts.total(), "bevinding", "bevindingen"),
            count_nl(counts.error, "fout", "fouten"),
            count_nl(counts.warning, "waarschuwing", "waarschuwingen"),
            counts.info,
        )
    };
    let failed: BTreeSet<&str> = report
        .errors
        .iter()
        .map(|error| error.filename.as_str())
        .collect();
    match failed.len() {
        0 => {}
        1 => line.push_str("; 1 bestand kon niet worden gecontroleerd"),
        n => line.push_str(&format!("; {n} bestanden konden niet worden gecontroleerd")),
    }
    line.push('.');
    line
}

/// The lines after the snippet: the help text as `tip:` (wrapped at
/// `width`), related locations as `zie ook:` and the documentation URL.
fn write_notes(diagnostic: &Diagnostic, width: usize, out: &mut dyn Write) -> io::Result<()> {
    if let Some(help) = &diagnostic.help {
        out.write_all(wrap(&sanitize_message(help), width, "  tip: ", "       ").as_bytes())?;
    }
    for related in &diagnostic.related {
        writeln!(
            out,
            "  zie ook: {}:{}:{}: {}",
            single_line(&related.filename),
            related.location.row,
            related.location.column,
            single_line(related.message.trim_end())
        )?;
    }
    if let Some(url) = &diagnostic.url {
        writeln!(out, "  documentatie: {}", single_line(url))?;
    }
    Ok(())
}

/// Renders one diagnostic with its snippet, or `None` if miette fails.
fn render_with_source(
    handler: &GraphicalReportHandler,
    diagnostic: &Diagnostic,
    text: &str,
) -> Option<String> {
    let name = single_line(&diagnostic.filename);
    let text = sanitize_source(text);
    let adapter = MietteAdapter {
        diagnostic,
        header: format!(
            "{}[{}]: {}",
            diagnostic.severity.label_nl(),
            single_line(&diagnostic.code),
            single_line(&diagnostic.name)
        ),
        message: sanitize_message(&diagnostic.message),
        source: NamedText {
            name: &name,
            text: &text,
        },
        span: clamp_span(&text, diagnostic.range.start, diagnostic.range.end),
    };
    let mut rendered = String::new();
    // miette has had panics on unusual spans; the span is clamped above,
    // and a panic here must still not abort the whole report.
    let result = catch_unwind(AssertUnwindSafe(|| {
        handler.render_report(&mut rendered, &adapter)
    }));
    match result {
        Ok(Ok(())) => Some(rendered),
        _ => None,
    }
}

/// Greedy word wrap of `text` at `width` chars; the first line starts with
/// `first`, the others with `rest`. Explicit line breaks are kept; a word
/// longer than a line is not split. Ends with a newline.
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut result = String::new();
    let mut prefix = first;
    for paragraph in text.split('\n') {
        let mut line = String::from(prefix);
        let mut line_len = prefix.chars().count();
        let mut empty = true;
        for word in paragraph.split_whitespace() {
            let word_len = word.chars().count();
            if !empty && line_len + 1 + word_len > width {
                result.push_str(&line);
                result.push('\n');
                line = String::from(rest);
                line_len = rest.chars().count();
                empty = true;
            }
            if !empty {
                line.push(' ');
                line_len += 1;
            }
            line.push_str(word);
            line_len += word_len;
            empty = false;
        }
        result.push_str(line.trim_end());
        result.push('\n');
        prefix = rest;
    }
    result
}

/// Replaces control characters other than `\n` (and `\r\n`, which
/// becomes `\n`) by spaces, so that a message cannot move the cursor or
/// send escape sequences to the terminal.
fn sanitize_message(text: &str) -> String {
    let mut result = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => result.push('\n'),
            c if c.is_control() => result.push(' '),
            c => result.push(c),
        }
    }
    result
}

/// The source with every ASCII control character except tab, `\n` and the
/// `\r` of `\r\n` replaced by a space. Each replacement has the same byte
/// length, so offsets stay valid.
fn sanitize_source(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let is_bad = |i: usize, byte: u8| match byte {
        b'\t' | b'\n' => false,
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        byte => byte < 0x20 || byte == 0x7f,
    };
    if !bytes.iter().enumerate().any(|(i, &byte)| is_bad(i, byte)) {
        return Cow::Borrowed(text);
    }
    let cleaned: String = text
        .char_indices()
        .map(|(i, c)| {
            if c.is_ascii() && is_bad(i, c as u8) {
                ' '
            } else {
                c
            }
        })
        .collect();
    Cow::Owned(cleaned)
}

/// Clamps a byte range to `text` and to char boundaries, as a miette span.
fn clamp_span(text: &str, start: usize, end: usize) -> SourceSpan {
    let start = floor_char_boundary(text, start);
    let end = ceil_char_boundary(text, end.max(start));
    SourceSpan::new(start.into(), end - start)
}

/// A file's text with its display name, as miette [`SourceCode`].
struct NamedText<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let contents = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let start = contents.span().offset();
        // miette counts columns in bytes; count them in chars like `Position`.
        let column = if contents.column() == 0 {
            0
        } else {
            let before = self.text.get(..start).unwrap_or("");
            let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            before
                .get(line_start..)
                .map_or(0, |line| line.chars().count())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}

/// A [`Diagnostic`] seen as a [`miette::Diagnostic`].
struct MietteAdapter<'a> {
    diagnostic: &'a Diagnostic,
    header: String,
    message: String,
    source: NamedText<'a>,
    span: SourceSpan,
}

impl fmt::Debug for MietteAdapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for MietteAdapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MietteAdapter<'_> {}

impl miette::Diagnostic for MietteAdapter<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.header))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(None, self.span),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FileError;

    fn report(errors: usize, warnings: usize, infos: usize, files: usize) -> Report {
        let mut report = Report {
            files_checked: files,
            ..Report::default()
        };
        let severities = std::iter::repeat_n(Severity::Error, errors)
            .chain(std::iter::repeat_n(Severity::Warning, warnings))
            .chain(std::iter::repeat_n(Severity::Info, infos));
        for severity in severities {
            report.diagnostics.push(Diagnostic {
                code: "X-001".into(),
                name: "x".into(),
                severity,
                message: "m".into(),
                filename: "a.txt".into(),
                range: Default::default(),
                location: Default::default(),
                end_location: Default::default(),
                url: None,
                help: None,
                related: vec![],
                fix: None,
            });
        }
        report
    }

    fn file_error(name: &str) -> FileError {
        FileError {
            filename: name.into(),
            location: None,
            message: "kapot".into(),
        }
    }

    #[test]
    fn summary_plurals() {
        assert_eq!(
            summary_line(&report(1, 2, 0, 2)),
            "3 bevindingen (1 fout, 2 waarschuwingen, 0 info) in 2 bestanden."
        );
        assert_eq!(
            summary_line(&report(0, 1, 0, 1)),
            "1 bevinding (0 fouten, 1 waarschuwing, 0 info) in 1 bestand."
        );
        assert_eq!(
            summary_line(&report(2, 0, 3, 0)),
            "5 bevindingen (2 fouten, 0 waarschuwingen, 3 info) in 0 bestanden."
        );
        assert_eq!(
            summary_line(&report(0, 0, 0, 4)),
            "Geen bevindingen in 4 bestanden."
        );
        let mut one_failed = report(1, 0, 0, 2);
        one_failed.errors = vec![file_error("b.txt"), file_error("b.txt")];
        assert_eq!(
            summary_line(&one_failed),
            "1 bevinding (1 fout, 0 waarschuwingen, 0 info) in 2 bestanden; \
             1 bestand kon niet worden gecontroleerd."
        );
        let mut two_failed = report(0, 0, 0, 2);
        two_failed.errors = vec![file_error("b.txt"), file_error("c.txt")];
        assert_eq!(
            summary_line(&two_failed),
            "Geen bevindingen in 2 bestanden; 2 bestanden konden niet worden gecontroleerd."
        );
    }

    #[test]
    fn wrapping() {
        assert_eq!(
            wrap("een twee drie", 80, "  tip: ", "       "),
            "  tip: een twee drie\n"
        );
        assert_eq!(
            wrap("een twee drie vier", 16, "  tip: ", "       "),
            "  tip: een twee\n       drie vier\n"
        );
        assert_eq!(
            wrap("a\nlangewoordzonderspatie", 10, "> ", "  "),
            "> a\n  langewoordzonderspatie\n"
        );
        assert_eq!(wrap("", 10, "> ", "  "), ">\n");
    }

    #[test]
    fn sanitizing_keeps_offsets_and_removes_control_characters() {
        let text = "a\u{1b}[31mb\r\nc\rd\te\u{7f}é\u{0}";
        let clean = sanitize_source(text);
        assert_eq!(clean.len(), text.len());
        assert_eq!(clean, "a [31mb\r\nc d\te é ");
        assert!(matches!(
            sanitize_source("gewoon\r\n\ttekst"),
            Cow::Borrowed(_)
        ));
        assert_eq!(sanitize_message("a\r\nb\tc\u{1b}d\u{9b}"), "a\nb c d ");
    }

    #[test]
    fn clamp_span_stays_inside_text_and_on_char_boundaries() {
        let text = "aé";
        let span = clamp_span(text, 2, 100);
        assert_eq!((span.offset(), span.len()), (1, 2));
        let span = clamp_span(text, 100, 0);
        assert_eq!((span.offset(), span.len()), (3, 0));
    }
}
