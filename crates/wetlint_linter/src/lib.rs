//! The rules engine of wetlint and all its rules.
//!
//! [`check`] runs the selected rules over a regulation, a toelichting or a
//! pair of them and returns plain [`wetlint_diagnostics::Diagnostic`]s.
//! Every rule is one file under `rules/<family>/` whose doc comment is its
//! documentation ([`RuleMeta::doc`]); the CLI (`wetlint rule`), the language
//! server's hover and the generated docs all read that one source.
//!
//! Invariants:
//! * this is the only crate with legislative-drafting knowledge in code; word
//!   lists live in `rules/` and are read through `wetlint_data`;
//! * rules never read files and never panic the run (a panicking rule is
//!   caught and reported as an internal error);
//! * rule ids and names are public API: never renamed, only deprecated.

mod context;
mod engine;
mod finding;
pub mod registry;
mod rule;
mod rules;
pub mod select;
pub mod text;
mod wl;

pub use context::{Context, Source};
pub use engine::{IndexRef, Input, Settings, check};
pub use finding::{Finding, Findings, FixEdit, FixSpec, RelatedFinding, Which};
pub use rule::{Category, E, I, OFF, Profile, Rule, RuleMeta, Scope, Status, W};
pub use rules::fragmentatie::metrics::{FragMetrics, metrics as fragmentation_metrics};
pub use rules::waarden::analyse::{
    SectionCount, SectionInfo, ValueCoverage, ValueExample, ValueRow, coverage as value_coverage,
};
pub use select::Selection;

/// Base URL of the rule documentation pages (`docs/rules/<name>.md` in the repository).
pub const DOCS_BASE_URL: &str = "https://wetlint.nl/regels";
