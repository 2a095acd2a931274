//! `--statistics`: the number of diagnostics per rule code, as a text table
//! (`   12  UITV-001  uitvoeringstoets-ontbreekt`) or as a JSON array of
//! `{code, name, count}`, sorted by count (descending), then code.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::model::Report;
use crate::render::single_line;

/// How often one rule fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// Rule code.
    pub code: String,
    /// Rule name (from the first diagnostic with this code).
    pub name: String,
    /// Number of diagnostics with this code.
    pub count: usize,
}

/// Counts the diagnostics of `report` per code, sorted by count
/// (descending), then code.
pub fn rule_counts(report: &Report) -> Vec<RuleCount> {
    let mut counts: BTreeMap<&str, RuleCount> = BTreeMap::new();
    for diagnostic in &report.diagnostics {
        counts
            .entry(&diagnostic.code)
            .or_insert_with(|| RuleCount {
                code: diagnostic.code.clone(),
                name: report
                    .rule(&diagnostic.code)
                    .map_or_else(|| diagnostic.name.clone(), |rule| rule.name.clone()),
                count: 0,
            })
            .count += 1;
    }
    let mut counts: Vec<RuleCount> = counts.into_values().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    counts
}

/// Writes the statistics table: count right-aligned in 5 columns, the code
/// padded to the longest code, then the name. Nothing when there are no
/// diagnostics.
pub fn write_statistics(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let counts = rule_counts(report);
    let code_width = counts
        .iter()
        .map(|count| count.code.chars().count())
        .max()
        .unwrap_or(0);
    for count in &counts {
        writeln!(
            out,
            "{:>5}  {:<code_width$}  {}",
            count.count,
            single_line(&count.code),
            single_line(&count.name)
        )?;
    }
    Ok(())
}

/// Writes the statistics as a pretty-printed JSON array of
/// `{code, name, count}`.
pub fn write_statistics_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &rule_counts(report)).map_err(io::Error::other)?;
    writeln!(out)
}
