//! The `json-lines` output format: one compact JSON object per diagnostic
//! per line, in the same shape as the `json` contract (see
//! [`crate::render::json`]). No output at all when there are no diagnostics.

use std::io::{self, Write};

use crate::model::Report;
use crate::render::json::json_diagnostics;
use crate::source::SourceLookup;

/// Writes one compact JSON object per diagnostic, each followed by `\n`.
/// `sources` is not used.
pub fn write_json_lines(
    report: &Report,
    _sources: &dyn SourceLookup,
    out: &mut dyn Write,
) -> io::Result<()> {
    for diagnostic in json_diagnostics(report) {
        // serde_json escapes control characters, so each object stays on one line.
        serde_json::to_writer(&mut *out, &diagnostic).map_err(io::Error::other)?;
        writeln!(out)?;
    }
    Ok(())
}
