//! The `json` output format: the stable, editor-neutral JSON contract of
//! `wetlint check --output-format json`.
//!
//! The output is a pretty-printed (2-space indented) JSON array with one
//! object per diagnostic, in canonical order (filename, start, code),
//! followed by a newline:
//!
//! ```json
//! [
//!   {
//!     "code": "UITV-001",
//!     "name": "uitvoeringstoets-ontbreekt",
//!     "severity": "error",
//!     "message": "…",
//!     "filename": "wetten/voorstel.xml",
//!     "location": { "row": 3, "column": 5 },
//!     "end_location": { "row": 3, "column": 12 },
//!     "url": "https://…" ,
//!     "related": [
//!       { "filename": "…", "location": {…}, "end_location": {…}, "message": "…" }
//!     ],
//!     "fix": {
//!       "message": "…",
//!       "applicability": "safe",
//!       "edits": [ { "location": {…}, "end_location": {…}, "content": "…" } ]
//!     }
//!   }
//! ]
//! ```
//!
//! * `severity` is `"error"`, `"warning"` or `"info"`.
//! * `row` and `column` are 1-based; `column` counts Unicode scalar values;
//!   `end_location` is exclusive.
//! * `url` is a string or `null`; `related` is always an array; `fix` is an
//!   object or `null`; `applicability` is `"safe"`, `"unsafe"` or
//!   `"display-only"`.
//! * Byte ranges, `help` and the file names of edits are not part of the
//!   contract. File errors are not included.
//!
//! Fields are only ever added, never renamed or removed. See also
//! `crates/wetlint_diagnostics/JSON.md`.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Diagnostic, Position, Report, sorted_diagnostics};
use crate::source::SourceLookup;

/// Wire form of a position.
#[derive(Serialize)]
pub(crate) struct JsonLocation {
    row: u32,
    column: u32,
}

impl From<Position> for JsonLocation {
    fn from(position: Position) -> Self {
        Self {
            row: position.row,
            column: position.column,
        }
    }
}

/// Wire form of a related location.
#[derive(Serialize)]
pub(crate) struct JsonRelated<'a> {
    filename: &'a str,
    location: JsonLocation,
    end_location: JsonLocation,
    message: &'a str,
}

/// Wire form of an edit.
#[derive(Serialize)]
pub(crate) struct JsonEdit<'a> {
    location: JsonLocation,
    end_location: JsonLocation,
    content: &'a str,
}

/// Wire form of a fix.
#[derive(Serialize)]
pub(crate) struct JsonFix<'a> {
    message: &'a str,
    applicability: &'static str,
    edits: Vec<JsonEdit<'a>>,
}

/// Wire form of a diagnostic: the JSON contract.
#[derive(Serialize)]
pub(crate) struct JsonDiagnostic<'a> {
    code: &'a str,
    name: &'a str,
    severity: &'static str,
    message: &'a str,
    filename: &'a str,
    location: JsonLocation,
    end_location: JsonLocation,
    url: Option<&'a str>,
    related: Vec<JsonRelated<'a>>,
    fix: Option<JsonFix<'a>>,
}

impl<'a> From<&'a Diagnostic> for JsonDiagnostic<'a> {
    fn from(diagnostic: &'a Diagnostic) -> Self {
        Self {
            code: &diagnostic.code,
            name: &diagnostic.name,
            severity: diagnostic.severity.as_str(),
            message: &diagnostic.message,
            filename: &diagnostic.filename,
            location: diagnostic.location.into(),
            end_location: diagnostic.end_location.into(),
            url: diagnostic.url.as_deref(),
            related: diagnostic
                .related
                .iter()
                .map(|related| JsonRelated {
                    filename: &related.filename,
                    location: related.location.into(),
                    end_location: related.end_location.into(),
                    message: &related.message,
                })
                .collect(),
            fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
                message: &fix.message,
                applicability: fix.applicability.as_str(),
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| JsonEdit {
                        location: edit.location.into(),
                        end_location: edit.end_location.into(),
                        content: &edit.content,
                    })
                    .collect(),
            }),
        }
    }
}

/// The diagnostics of `report` in wire form, in canonical order.
pub(crate) fn json_diagnostics(report: &Report) -> Vec<JsonDiagnostic<'_>> {
    sorted_diagnostics(&report.diagnostics)
        .into_iter()
        .map(JsonDiagnostic::from)
        .collect()
}

/// Writes the diagnostics of `report` as the pretty-printed JSON contract.
/// `sources` is not used.
pub fn write_json(
    report: &Report,
    _sources: &dyn SourceLookup,
    out: &mut dyn Write,
) -> io::Result<()> {
    let diagnostics = json_diagnostics(report);
    serde_json::to_writer_pretty(&mut *out, &diagnostics).map_err(io::Error::other)?;
    writeln!(out)
}
