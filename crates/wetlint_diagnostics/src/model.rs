//! The rule-independent diagnostic model: severities, positions, ranges,
//! fixes, diagnostics, file errors, rule metadata and the [`Report`] that
//! every renderer consumes.
//!
//! Positions are 1-based (row and column); columns are counted in Unicode
//! scalar values (`char`s). Ranges are byte offsets into the file's text.
//! Use [`crate::LineIndex`] to convert between the two.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is. Ordered `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A remark; never fails a check.
    Info,
    /// A probable problem.
    Warning,
    /// A definite problem.
    Error,
}

impl Severity {
    /// All severities, from least to most serious.
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

    /// The stable, machine-readable id: `"info"`, `"warning"` or `"error"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The Dutch label for human output: `"info"`, `"waarschuwing"` or `"fout"`.
    pub fn label_nl(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "waarschuwing",
            Severity::Error => "fout",
        }
    }
}

impl fmt::Display for Severity {
    /// Displays the stable id (`error`, `warning`, `info`), not the Dutch label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error returned when parsing an unknown severity id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseSeverityError(pub String);

impl fmt::Display for ParseSeverityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "onbekend ernstniveau '{}' (kies uit: info, warning, error)",
            self.0
        )
    }
}

impl std::error::Error for ParseSeverityError {}

impl FromStr for Severity {
    type Err = ParseSeverityError;

    /// Parses the stable ids `info`, `warning`, `error` (ASCII case-insensitive).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(ParseSeverityError(s.to_string())),
        }
    }
}

/// A 1-based position in a file. `column` counts Unicode scalar values.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Position {
    /// 1-based line number.
    pub row: u32,
    /// 1-based column, counted in `char`s.
    pub column: u32,
}

impl Position {
    /// Creates a position from a 1-based row and column.
    pub const fn new(row: u32, column: u32) -> Self {
        Self { row, column }
    }

    /// The same position with row and column raised to at least 1, for
    /// output formats that reject zeros.
    pub fn at_least_one(self) -> Self {
        Self {
            row: self.row.max(1),
            column: self.column.max(1),
        }
    }
}

impl fmt::Display for Position {
    /// `row:column`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.row, self.column)
    }
}

/// A half-open byte range `start..end` into a file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct TextRange {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

impl TextRange {
    /// Creates a range; `start` and `end` are swapped if given in the wrong order.
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Self { start, end }
        } else {
            Self {
                start: end,
                end: start,
            }
        }
    }

    /// An empty range at `offset`.
    pub fn empty(offset: usize) -> Self {
        Self {
            start: offset,
            end: offset,
        }
    }

    /// Length in bytes (0 if `end < start`).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the range covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A secondary location that helps explain a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// File of the related location (may differ from the diagnostic's file).
    pub filename: String,
    /// Start position.
    pub location: Position,
    /// End position (exclusive).
    pub end_location: Position,
    /// Byte range in `filename`.
    pub range: TextRange,
    /// Dutch explanation, e.g. "eerder gedefinieerd hier".
    pub message: String,
}

/// Whether a fix may be applied automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Preserves meaning; may be applied without review.
    Safe,
    /// May change meaning; apply only on explicit request.
    Unsafe,
    /// Only shown to the user, never applied.
    DisplayOnly,
}

impl Applicability {
    /// The stable id: `"safe"`, `"unsafe"` or `"display-only"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

impl fmt::Display for Applicability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Replace the text in `range` of `filename` by `content`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// File to edit.
    pub filename: String,
    /// Byte range to replace (empty for an insertion).
    pub range: TextRange,
    /// Start position of `range`.
    pub location: Position,
    /// End position of `range` (exclusive).
    pub end_location: Position,
    /// Replacement text (empty for a deletion).
    pub content: String,
}

/// A suggested fix: a set of edits that together resolve a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// Dutch description, e.g. "Vervang 'dient te' door 'moet'".
    pub message: String,
    /// Whether the fix may be applied automatically.
    pub applicability: Applicability,
    /// The edits, in any order; they must not overlap.
    pub edits: Vec<Edit>,
}

/// One finding of one rule at one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable rule id, e.g. `"UITV-001"`.
    pub code: String,
    /// Kebab-case Dutch rule name, e.g. `"uitvoeringstoets-ontbreekt"`.
    pub name: String,
    /// Severity of this finding.
    pub severity: Severity,
    /// Dutch message.
    pub message: String,
    /// Path as given/displayed (relative where possible).
    pub filename: String,
    /// Byte range in the file's text.
    pub range: TextRange,
    /// Start position of `range`.
    pub location: Position,
    /// End position of `range` (exclusive).
    pub end_location: Position,
    /// Rule documentation URL.
    pub url: Option<String>,
    /// Optional Dutch hint ("Schrijf in plaats daarvan ...").
    pub help: Option<String>,
    /// Secondary locations.
    pub related: Vec<Related>,
    /// Suggested fix, if any.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// The canonical order of diagnostics: by filename, then start offset,
    /// then code (and then the remaining fields, so that the order is total).
    pub fn canonical_cmp(&self, other: &Self) -> Ordering {
        self.filename
            .cmp(&other.filename)
            .then(self.range.start.cmp(&other.range.start))
            .then_with(|| self.code.cmp(&other.code))
            .then(self.range.end.cmp(&other.range.end))
            .then_with(|| self.message.cmp(&other.message))
    }
}

/// Sorts diagnostics by (filename, range.start, code).
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(Diagnostic::canonical_cmp);
}

/// References to `diagnostics` in canonical order (see [`sort_diagnostics`]).
pub fn sorted_diagnostics(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by(|a, b| a.canonical_cmp(b));
    sorted
}

/// A file that could not be checked at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileError {
    /// Path as given/displayed.
    pub filename: String,
    /// Where the problem was found, if known.
    pub location: Option<Position>,
    /// Dutch message, e.g. "bestand is geen geldige UTF-8 (byte 1234)".
    pub message: String,
}

impl FileError {
    /// The canonical order of file errors: by filename, location, message.
    pub fn canonical_cmp(&self, other: &Self) -> Ordering {
        self.filename
            .cmp(&other.filename)
            .then(self.location.cmp(&other.location))
            .then_with(|| self.message.cmp(&other.message))
    }
}

/// References to `errors` in canonical order (see [`FileError::canonical_cmp`]).
pub fn sorted_errors(errors: &[FileError]) -> Vec<&FileError> {
    let mut sorted: Vec<&FileError> = errors.iter().collect();
    sorted.sort_by(|a, b| a.canonical_cmp(b));
    sorted
}

/// Metadata of a rule that was active during the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleInfo {
    /// Stable rule id, e.g. `"UITV-001"`.
    pub code: String,
    /// Kebab-case Dutch rule name.
    pub name: String,
    /// One-sentence Dutch summary.
    pub summary: String,
    /// Rule documentation URL.
    pub url: Option<String>,
    /// Severity unless configured otherwise.
    pub default_severity: Severity,
}

/// Number of diagnostics per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SeverityCounts {
    /// Number of `error` diagnostics.
    pub error: usize,
    /// Number of `warning` diagnostics.
    pub warning: usize,
    /// Number of `info` diagnostics.
    pub info: usize,
}

impl SeverityCounts {
    /// Total number of diagnostics.
    pub fn total(&self) -> usize {
        self.error + self.warning + self.info
    }
}

/// The outcome of one `wetlint check` run: everything a renderer needs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Report {
    /// All findings, in any order (renderers sort them).
    pub diagnostics: Vec<Diagnostic>,
    /// Files that could not be checked.
    pub errors: Vec<FileError>,
    /// Number of files that were checked (including those in `errors`).
    pub files_checked: usize,
    /// The rules that were active.
    pub rules: Vec<RuleInfo>,
}

impl Report {
    /// Sorts diagnostics canonically and file errors by filename.
    pub fn sort(&mut self) {
        sort_diagnostics(&mut self.diagnostics);
        self.errors.sort_by(FileError::canonical_cmp);
    }

    /// Counts the diagnostics per severity.
    pub fn severity_counts(&self) -> SeverityCounts {
        let mut counts = SeverityCounts::default();
        for diagnostic in &self.diagnostics {
            match diagnostic.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        counts
    }

    /// The highest severity among the diagnostics, if there are any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }

    /// The rule metadata for `code`, if the rule is listed in [`Report::rules`].
    pub fn rule(&self, code: &str) -> Option<&RuleInfo> {
        self.rules.iter().find(|rule| rule.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_order_and_ids() {
        assert!(Severity::Info < Severity::Warning);
        assert!(Severity::Warning < Severity::Error);
        assert_eq!(Severity::Error.label_nl(), "fout");
        assert_eq!(Severity::Warning.label_nl(), "waarschuwing");
        assert_eq!(Severity::Info.label_nl(), "info");
        assert_eq!(Severity::Warning.to_string(), "warning");
        assert_eq!("ERROR".parse::<Severity>(), Ok(Severity::Error));
        assert!("fout".parse::<Severity>().is_err());
        assert_eq!(serde_json::to_string(&Severity::Info).unwrap(), "\"info\"");
        assert_eq!(
            serde_json::to_string(&Applicability::DisplayOnly).unwrap(),
            "\"display-only\""
        );
    }

    #[test]
    fn text_range_swaps_reversed_bounds() {
        assert_eq!(TextRange::new(5, 2), TextRange { start: 2, end: 5 });
        assert_eq!(TextRange { start: 5, end: 2 }.len(), 0);
    }
}
