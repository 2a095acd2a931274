//! All output renderers of `wetlint check`, one module per format, plus the
//! [`OutputFormat`] enum and the [`write_report`] dispatch function.
//!
//! Every renderer takes a [`Report`], a [`SourceLookup`] and a writer, emits
//! diagnostics in canonical order (see [`crate::sort_diagnostics`]) whatever
//! the order in the report, and never panics on inconsistent input (ranges
//! past the end of a file, zero positions, missing sources, odd characters).

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod json_lines;
pub mod junit;
pub mod sarif;
pub mod statistics;

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use crate::model::Report;
use crate::source::SourceLookup;

pub use concise::write_concise;
pub use github::write_github;
pub use human::{HumanOptions, write_human, write_human_with};
pub use json::write_json;
pub use json_lines::write_json_lines;
pub use junit::write_junit;
pub use sarif::write_sarif;
pub use statistics::{RuleCount, rule_counts, write_statistics, write_statistics_json};

/// The output formats of `wetlint check --output-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OutputFormat {
    /// Source snippets with labels, help and a Dutch summary (default).
    #[default]
    Human,
    /// One line per diagnostic: `path:row:col: CODE [ernst] bericht`.
    Concise,
    /// The stable JSON contract (see `JSON.md`).
    Json,
    /// One compact JSON object per line, same shape as `json`.
    JsonLines,
    /// SARIF 2.1.0.
    Sarif,
    /// JUnit XML.
    Junit,
    /// GitHub Actions workflow commands.
    Github,
}

impl OutputFormat {
    /// All formats, in the order they are documented.
    pub const ALL: [OutputFormat; 7] = [
        OutputFormat::Human,
        OutputFormat::Concise,
        OutputFormat::Json,
        OutputFormat::JsonLines,
        OutputFormat::Sarif,
        OutputFormat::Junit,
        OutputFormat::Github,
    ];

    /// The command-line names of all formats, in the order of [`OutputFormat::ALL`].
    pub const NAMES: [&'static str; 7] = [
        "human",
        "concise",
        "json",
        "json-lines",
        "sarif",
        "junit",
        "github",
    ];

    /// The command-line name, e.g. `"json-lines"`.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Human => "human",
            OutputFormat::Concise => "concise",
            OutputFormat::Json => "json",
            OutputFormat::JsonLines => "json-lines",
            OutputFormat::Sarif => "sarif",
            OutputFormat::Junit => "junit",
            OutputFormat::Github => "github",
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Error returned when parsing an unknown output format name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOutputFormatError(pub String);

impl fmt::Display for ParseOutputFormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "onbekend uitvoerformaat '{}' (kies uit: {})",
            self.0,
            OutputFormat::NAMES.join(", ")
        )
    }
}

impl std::error::Error for ParseOutputFormatError {}

impl FromStr for OutputFormat {
    type Err = ParseOutputFormatError;

    /// Parses a command-line name (ASCII case-insensitive; `_` is accepted for `-`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace('_', "-");
        OutputFormat::ALL
            .into_iter()
            .find(|format| format.name() == wanted)
            .ok_or_else(|| ParseOutputFormatError(s.to_string()))
    }
}

#[cfg(feature = "clap")]
impl clap::ValueEnum for OutputFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &OutputFormat::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}

/// Writes `report` to `out` in `format`. `human` is used only by
/// [`OutputFormat::Human`].
pub fn write_report(
    format: OutputFormat,
    report: &Report,
    sources: &dyn SourceLookup,
    human: &HumanOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Human => write_human_with(report, sources, human, out),
        OutputFormat::Concise => write_concise(report, sources, out),
        OutputFormat::Json => write_json(report, sources, out),
        OutputFormat::JsonLines => write_json_lines(report, sources, out),
        OutputFormat::Sarif => write_sarif(report, sources, out),
        OutputFormat::Junit => write_junit(report, sources, out),
        OutputFormat::Github => write_github(report, sources, out),
    }
}

/// Replaces line breaks, tabs and other control characters by a space, so
/// that a message fits on one line of line-oriented output.
pub(crate) fn single_line(text: &str) -> String {
    let mut result = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            result.push(' ');
        } else {
            result.push(c);
        }
    }
    result
}

/// Dutch noun with a count: `1 fout`, `2 fouten`.
pub(crate) fn count_nl(count: usize, singular: &str, plural: &str) -> String {
    if count == 1 {
        format!("1 {singular}")
    } else {
        format!("{count} {plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_format_names_round_trip() {
        for (format, name) in OutputFormat::ALL.into_iter().zip(OutputFormat::NAMES) {
            assert_eq!(format.name(), name);
            assert_eq!(name.parse::<OutputFormat>(), Ok(format));
            assert_eq!(format.to_string(), name);
        }
        assert_eq!(
            "JSON_LINES".parse::<OutputFormat>(),
            Ok(OutputFormat::JsonLines)
        );
        let error = "xml".parse::<OutputFormat>().unwrap_err();
        assert!(error.to_string().contains("json-lines"));
    }

    #[cfg(feature = "clap")]
    #[test]
    fn clap_value_enum_uses_the_same_names() {
        use clap::ValueEnum;
        for format in OutputFormat::ALL {
            assert_eq!(
                <OutputFormat as ValueEnum>::from_str(format.name(), false),
                Ok(format)
            );
        }
    }

    #[test]
    fn single_line_replaces_control_characters() {
        assert_eq!(single_line("a\r\nb\nc\td\u{7}"), "a b c d ");
    }

    #[test]
    fn dutch_counts() {
        assert_eq!(count_nl(0, "fout", "fouten"), "0 fouten");
        assert_eq!(count_nl(1, "fout", "fouten"), "1 fout");
        assert_eq!(count_nl(2, "fout", "fouten"), "2 fouten");
    }
}
