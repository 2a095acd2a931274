//! `wetlint_diagnostics` owns wetlint's rule-independent diagnostic model
//! ([`Diagnostic`], [`Report`], …), the [`LineIndex`] helper for positions,
//! and every output renderer of `wetlint check` (see [`render`] and
//! [`OutputFormat`]).
//!
//! It depends on no other wetlint crate. User-facing text is Dutch.
//!
//! ```
//! use std::collections::HashMap;
//! use wetlint_diagnostics::*;
//!
//! let text = "Artikel 1\nDe minister dient te besluiten.\n";
//! let index = LineIndex::new(text);
//! let start = text.find("dient te").unwrap();
//! let range = TextRange::new(start, start + "dient te".len());
//! let (location, end_location) = index.positions(text, range);
//! let report = Report {
//!     diagnostics: vec![Diagnostic {
//!         code: "TAAL-001".into(),
//!         name: "dient-te".into(),
//!         severity: Severity::Warning,
//!         message: "Gebruik 'moet' in plaats van 'dient te'.".into(),
//!         filename: "wet.txt".into(),
//!         range,
//!         location,
//!         end_location,
//!         url: None,
//!         help: None,
//!         related: vec![],
//!         fix: None,
//!     }],
//!     files_checked: 1,
//!     ..Report::default()
//! };
//! let sources = HashMap::from([("wet.txt".to_string(), text.to_string())]);
//! let mut out = Vec::new();
//! write_report(OutputFormat::Concise, &report, &sources, &HumanOptions::default(), &mut out)?;
//! assert_eq!(
//!     String::from_utf8(out).unwrap(),
//!     "wet.txt:2:13: TAAL-001 [waarschuwing] Gebruik 'moet' in plaats van 'dient te'.\n"
//! );
//! # Ok::<(), std::io::Error>(())
//! ```

// Unit tests may unwrap; library code is still linted in the non-test build.
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod line_index;
pub mod model;
pub mod render;
pub mod source;

pub use line_index::LineIndex;
pub use model::{
    Applicability, Diagnostic, Edit, FileError, Fix, ParseSeverityError, Position, Related, Report,
    RuleInfo, Severity, SeverityCounts, TextRange, sort_diagnostics, sorted_diagnostics,
    sorted_errors,
};
pub use render::{
    HumanOptions, OutputFormat, ParseOutputFormatError, RuleCount, rule_counts, write_concise,
    write_github, write_human, write_human_with, write_json, write_json_lines, write_junit,
    write_report, write_sarif, write_statistics, write_statistics_json,
};
pub use source::{NoSources, SourceLookup};
