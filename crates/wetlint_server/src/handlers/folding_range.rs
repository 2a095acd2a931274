//! Folding ranges for units (Hoofdstuk, Afdeling, …), articles and toelichting sections.

use tower_lsp_server::ls_types::{FoldingRange, FoldingRangeKind};
use wetlint_syntax::Span;

use crate::State;
use crate::session::Snapshot;

pub fn ranges(state: &State, key: &str) -> Option<Vec<FoldingRange>> {
    let snap = state.lock().snapshot(key)?;
    let doc = snap.doc();
    let spans = doc
        .units
        .iter()
        .map(|u| u.span)
        .chain(doc.own_articles().map(|(_, a)| a.span))
        .chain(doc.sections.iter().map(|s| s.span));
    let mut out: Vec<FoldingRange> = spans.filter_map(|s| fold(&snap, s)).collect();
    out.sort_by_key(|f| (f.start_line, std::cmp::Reverse(f.end_line)));
    out.dedup_by(|a, b| a.start_line == b.start_line && a.end_line == b.end_line);
    Some(out)
}

/// From the heading line to the last non-blank line of the span.
fn fold(snap: &Snapshot, span: Span) -> Option<FoldingRange> {
    let text = snap.text.get(span.start.min(span.end)..span.end)?;
    let content_end = span.start + text.trim_end().len();
    let start_line = snap.lines.line_of(span.start);
    let end_line = snap
        .lines
        .line_of(content_end.saturating_sub(1).max(span.start));
    (end_line > start_line).then(|| FoldingRange {
        start_line: u32::try_from(start_line).unwrap_or(u32::MAX),
        start_character: None,
        end_line: u32::try_from(end_line).unwrap_or(u32::MAX),
        end_character: None,
        kind: Some(FoldingRangeKind::Region),
        collapsed_text: None,
    })
}
