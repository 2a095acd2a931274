//! Semantic tokens (full document): unit and article headings, lid and
//! onderdeel markers, defined terms (at the begripsbepaling and where they
//! are used, also in the paired toelichting) and internal references.

use tower_lsp_server::ls_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
    SemanticTokensResult,
};
use wetlint_syntax::{ReferenceKind, Span};

use super::{open_unit, regulation_for, term_hits};
use crate::State;
use crate::convert::utf16_len;
use crate::session::Snapshot;

/// Token types, in legend order.
pub const UNIT_HEADING: u32 = 0;
pub const ARTICLE_HEADING: u32 = 1;
pub const MARKER: u32 = 2;
pub const TERM: u32 = 3;
pub const REFERENCE: u32 = 4;
/// Modifier bit: the begripsbepaling itself.
pub const DECLARATION: u32 = 1;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: vec![
            SemanticTokenType::NAMESPACE,
            SemanticTokenType::CLASS,
            SemanticTokenType::NUMBER,
            SemanticTokenType::VARIABLE,
            SemanticTokenType::MACRO,
        ],
        token_modifiers: vec![SemanticTokenModifier::DECLARATION],
    }
}

pub fn full(state: &State, key: &str) -> Option<SemanticTokensResult> {
    let (snap, unit) = open_unit(state, key)?;
    Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data: tokens(&snap, regulation_for(&snap, &unit).map(|r| &**r)),
    }))
}

/// A heading without its Markdown `#` marker and surrounding spaces.
fn heading_text(snap: &Snapshot, span: Span) -> Span {
    let t = snap.slice(span);
    let lead = t.len() - t.trim_start_matches(['#', ' ', '\t']).len();
    let trail = t.len() - t.trim_end().len();
    Span::new(span.start + lead, (span.end - trail).max(span.start + lead))
}

/// The encoded tokens of a document; `reg` is the regulation whose terms count.
pub fn tokens(snap: &Snapshot, reg: Option<&Snapshot>) -> Vec<SemanticToken> {
    let doc = snap.doc();
    let mut raw: Vec<(Span, u32, u32)> = Vec::new();
    for u in &doc.units {
        raw.push((heading_text(snap, u.heading), UNIT_HEADING, 0));
    }
    for (_, a) in doc.own_articles() {
        raw.push((heading_text(snap, a.heading), ARTICLE_HEADING, 0));
        for l in &a.leden {
            raw.push((heading_text(snap, l.marker), MARKER, 0));
            raw.extend(
                l.onderdelen
                    .iter()
                    .map(|o| (heading_text(snap, o.marker), MARKER, 0)),
            );
        }
        raw.extend(
            a.onderdelen
                .iter()
                .map(|o| (heading_text(snap, o.marker), MARKER, 0)),
        );
    }
    for e in &doc.toelichting_articles {
        raw.push((heading_text(snap, e.heading), ARTICLE_HEADING, 0));
    }
    for r in &doc.references {
        if matches!(r.kind, ReferenceKind::Internal | ReferenceKind::Toelichting) {
            raw.push((r.span, REFERENCE, 0));
        }
    }
    if let Some(reg) = reg {
        let in_reg = reg.key == snap.key;
        for h in term_hits(reg.doc(), &snap.text, 0, in_reg) {
            raw.push((h.span, TERM, if h.is_definition { DECLARATION } else { 0 }));
        }
    }
    // Headings first at equal starts, then longer spans; overlaps are dropped.
    raw.sort_by_key(|(s, t, _)| (s.start, *t, std::cmp::Reverse(s.end)));
    let mut out = Vec::with_capacity(raw.len());
    let (mut prev_line, mut prev_char) = (0u32, 0u32);
    let mut covered = 0usize;
    for (span, typ, mods) in raw {
        if span.is_empty() || span.start < covered || span.end > snap.text.len() {
            continue;
        }
        covered = span.end;
        // One token per line of the span (multi-line tokens are optional in LSP).
        let mut start = span.start;
        while start < span.end {
            let line = snap.lines.line_of(start);
            let line_end = snap
                .lines
                .line_span(&snap.text, line)
                .map_or(span.end, |l| l.end.max(start));
            let end = span.end.min(line_end);
            if end > start {
                let pos = snap.lines.position(&snap.text, start);
                let len = utf16_len(snap.slice(Span::new(start, end)));
                let delta_line = pos.line - prev_line;
                let delta_start = if delta_line == 0 {
                    pos.character - prev_char
                } else {
                    pos.character
                };
                out.push(SemanticToken {
                    delta_line,
                    delta_start,
                    length: len,
                    token_type: typ,
                    token_modifiers_bitset: mods,
                });
                prev_line = pos.line;
                prev_char = pos.character;
            }
            match snap.lines.line_span(&snap.text, line + 1) {
                Some(next) if next.start > start => start = next.start,
                _ => break,
            }
        }
    }
    out
}
