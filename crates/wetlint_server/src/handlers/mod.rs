//! Request handlers, one module per feature, and what they share: the
//! [`Unit`] (a document with its paired regulation or toelichting and its
//! configuration), defined-term lookup and occurrences, and locations.
//!
//! Handlers run on blocking threads with immutable snapshots; they answer
//! "nothing" (`None` or an empty list) for unknown documents and positions
//! that do not denote a place in the text.

pub mod code_action;
pub mod definition;
pub mod diagnostics;
pub mod document_symbol;
pub mod folding_range;
pub mod hover;
pub mod references;
pub mod semantic_tokens;
pub mod value_coverage;
pub mod workspace_symbol;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use tower_lsp_server::ls_types::{Location, Position};
use wetlint_config::config::Loaded;
use wetlint_config::pairing::{self, FileInfo};
use wetlint_syntax::{Definition, DefinitionScope, Document, Span};

use crate::State;
use crate::session::{self, Snapshot};

/// A document with its partner, as the CLI pairs them.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Key of the document the unit was built for.
    pub this: String,
    pub regeling: Option<Arc<Snapshot>>,
    pub toelichting: Option<Arc<Snapshot>>,
    pub config: Option<Loaded>,
    /// A `wetlint.toml` that could not be read (Dutch, with file:line:column).
    pub config_error: Option<String>,
}

impl Unit {
    pub fn snapshots(&self) -> impl Iterator<Item = &Arc<Snapshot>> {
        self.regeling.iter().chain(self.toelichting.iter())
    }

    /// The document the unit was built for.
    pub fn this(&self) -> Option<&Arc<Snapshot>> {
        self.snapshots().find(|s| s.key == self.this)
    }

    /// The other document of the pair, seen from `key`.
    pub fn partner_of(&self, key: &str) -> Option<&Arc<Snapshot>> {
        if self.snapshots().any(|s| s.key == key) {
            self.snapshots().find(|s| s.key != key)
        } else {
            None
        }
    }

    /// The document with `key`, if it is in the unit.
    pub fn get(&self, key: &str) -> Option<&Arc<Snapshot>> {
        self.snapshots().find(|s| s.key == key)
    }
}

/// A document reads as a draft (the CLI's rule).
fn is_draft(doc: &Document) -> bool {
    doc.kind().is_regulation() || doc.kind().is_toelichting() || !doc.articles.is_empty()
}

/// The unit of `snap`: its configuration and its partner among the open
/// documents and the draft files of its folder (same rules as the CLI).
/// May read files; call it on a blocking thread.
pub fn unit_of(state: &State, snap: Arc<Snapshot>) -> Unit {
    let mut unit = Unit {
        this: snap.key.clone(),
        regeling: None,
        toelichting: None,
        config: None,
        config_error: None,
    };
    let dir = snap
        .dir()
        .map(Path::to_path_buf)
        .or_else(|| state.lock().roots.first().cloned());
    if let Some(dir) = &dir {
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
        match state.lock().config_for(&dir) {
            Ok(c) => unit.config = c,
            Err(e) => unit.config_error = Some(e),
        }
    }
    let own_is_toelichting = snap.doc().kind().is_toelichting();
    let partner = snap
        .path
        .as_deref()
        .and_then(|path| find_partner(state, &snap, path, unit.config.as_ref()));
    let (reg, toel) = if own_is_toelichting {
        (partner, Some(snap))
    } else {
        (Some(snap), partner)
    };
    unit.regeling = reg;
    unit.toelichting = toel;
    unit
}

fn find_partner(
    state: &State,
    snap: &Arc<Snapshot>,
    path: &Path,
    cfg: Option<&Loaded>,
) -> Option<Arc<Snapshot>> {
    let dir = path.parent()?;
    let mut candidates: Vec<PathBuf> = session::draft_files_in(dir);
    if candidates.len() > session::MAX_PAIRING_CANDIDATES {
        candidates.clear();
    }
    {
        let s = state.lock();
        for d in s.open.values() {
            if let Some(p) = &d.path
                && p.parent() == Some(dir)
                && !d.is_config()
            {
                candidates.push(p.clone());
            }
        }
    }
    let mut explicit = Vec::new();
    if let Some(c) = cfg {
        for pr in &c.config.pairs {
            let (r, t) = (c.dir.join(&pr.regeling), c.dir.join(&pr.toelichting));
            let involves = |p: &Path| {
                p == path || std::fs::canonicalize(p).ok() == std::fs::canonicalize(path).ok()
            };
            if involves(&r) {
                candidates.push(t.clone());
            } else if involves(&t) {
                candidates.push(r.clone());
            }
            explicit.push((r, t));
        }
    }
    candidates.push(path.to_path_buf());
    candidates.sort();
    candidates.dedup();
    let snaps: Vec<(PathBuf, Arc<Snapshot>)> = candidates
        .into_iter()
        .filter_map(|p| {
            if p == path {
                Some((p, snap.clone()))
            } else {
                session::load(&state.session, &p).map(|s| (p, s))
            }
        })
        .filter(|(p, s)| p == path || is_draft(s.doc()))
        .collect();
    let infos: Vec<FileInfo<'_>> = snaps
        .iter()
        .map(|(p, s)| FileInfo {
            path: p,
            is_toelichting: s.doc().kind().is_toelichting(),
            is_regulation: !s.doc().kind().is_toelichting(),
        })
        .collect();
    let own = snaps.iter().position(|(p, _)| p == path)?;
    let units = pairing::pair(&infos, &explicit);
    let u = units
        .iter()
        .find(|u| u.regeling == Some(own) || u.toelichting == Some(own))?;
    let other = if u.regeling == Some(own) {
        u.toelichting
    } else {
        u.regeling
    }?;
    snaps.get(other).map(|(_, s)| s.clone())
}

/// The snapshot of an open document and its unit; `None` for unknown documents.
pub fn open_unit(state: &State, key: &str) -> Option<(Arc<Snapshot>, Unit)> {
    let snap = state.lock().snapshot(key)?;
    let unit = unit_of(state, snap.clone());
    Some((snap, unit))
}

/// The byte offset of a request position, or `None` if it names no place.
pub fn offset_at(snap: &Snapshot, pos: Position) -> Option<usize> {
    snap.lines.offset_strict(&snap.text, pos).ok()
}

pub fn location(snap: &Snapshot, span: Span) -> Location {
    Location {
        uri: snap.uri.clone(),
        range: snap.range(span),
    }
}

// --- defined terms ---------------------------------------------------------

/// Where a definition applies in its regulation.
pub fn definition_scope(doc: &Document, d: &Definition) -> Span {
    let whole = Span::new(0, doc.len);
    match d.scope {
        DefinitionScope::Regeling { .. } => whole,
        DefinitionScope::Artikel => d
            .article
            .and_then(|a| doc.articles.get(a))
            .map_or(whole, |a| a.span),
        DefinitionScope::Unit { kind } => doc
            .units
            .iter()
            .filter(|u| u.kind == kind && u.span.contains(d.span.start))
            .map(|u| u.span)
            .next_back()
            .unwrap_or(whole),
    }
}

/// One occurrence of a defined term.
#[derive(Debug, Clone, Copy)]
pub struct TermHit {
    pub span: Span,
    /// Index into the regulation's `definitions`.
    pub definition: usize,
    /// True at the begripsbepaling itself.
    pub is_definition: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn matcher(terms: &[&str]) -> Option<AhoCorasick> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(terms)
        .ok()
}

/// Occurrences of the regulation's defined terms in `text`, a window of the
/// document that starts at byte `base` (whole words, case-insensitive).
/// `in_regulation` applies each definition's scope; otherwise (a
/// toelichting) only regulation-wide definitions count.
pub fn term_hits(reg: &Document, text: &str, base: usize, in_regulation: bool) -> Vec<TermHit> {
    let defs: Vec<(usize, &Definition, String)> = reg
        .definitions
        .iter()
        .enumerate()
        .filter(|(_, d)| !d.term.trim().is_empty())
        .filter(|(_, d)| in_regulation || matches!(d.scope, DefinitionScope::Regeling { .. }))
        .map(|(i, d)| (i, d, d.term.trim().to_lowercase()))
        .collect();
    let mut terms: Vec<&str> = defs.iter().map(|(_, _, t)| t.as_str()).collect();
    terms.sort_unstable();
    terms.dedup();
    if terms.is_empty() {
        return Vec::new();
    }
    let Some(ac) = matcher(&terms) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        let before = text.get(..s).and_then(|t| t.chars().next_back());
        let after = text.get(e..).and_then(|t| t.chars().next());
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            continue;
        }
        let found = text.get(s..e).unwrap_or("").to_lowercase();
        let abs = s + base;
        // The innermost applicable definition of this term.
        let best = defs
            .iter()
            .filter(|(_, _, t)| *t == found)
            .filter(|(_, d, _)| {
                !in_regulation || d.term_span.start == abs || definition_scope(reg, d).contains(abs)
            })
            .min_by_key(|(_, d, _)| {
                if d.term_span.start == abs {
                    0
                } else {
                    definition_scope(reg, d).len()
                }
            });
        if let Some((i, d, _)) = best {
            out.push(TermHit {
                span: Span::new(abs, e + base),
                definition: *i,
                is_definition: in_regulation && d.term_span.start == abs,
            });
        }
    }
    out
}

/// The regulation a document's terms and references are read against: itself
/// or, for a toelichting, its paired regulation.
pub fn regulation_for<'u>(snap: &'u Arc<Snapshot>, unit: &'u Unit) -> Option<&'u Arc<Snapshot>> {
    if snap.doc().kind().is_toelichting() {
        unit.regeling.as_ref().filter(|r| r.key != snap.key)
    } else {
        Some(snap)
    }
}

/// The term occurrence under `offset` in `snap`, with the regulation it is defined in.
pub fn term_at<'u>(
    snap: &'u Arc<Snapshot>,
    unit: &'u Unit,
    offset: usize,
) -> Option<(&'u Arc<Snapshot>, TermHit)> {
    let reg = regulation_for(snap, unit)?;
    let in_reg = reg.key == snap.key;
    // Only look at the line around the offset: fast on large documents.
    let line = snap
        .lines
        .line_span(&snap.text, snap.lines.line_of(offset))?;
    let text = snap.text.get(line.start..line.end)?;
    let hit = term_hits(reg.doc(), text, line.start, in_reg)
        .into_iter()
        .find(|h| h.span.start <= offset && offset <= h.span.end)?;
    Some((reg, hit))
}

/// Expands an artikelsgewijze entry to the article numbers it covers, using
/// the regulation's article order for ranges ("2.1 tot en met 2.4").
pub fn entry_articles(
    entry: &wetlint_syntax::ToelichtingArticle,
    reg: Option<&Document>,
) -> Vec<String> {
    let mut out: Vec<String> = entry.keys.iter().map(|k| k.article.clone()).collect();
    if let (Some((from, to)), Some(reg)) = (&entry.range, reg) {
        let order: Vec<&str> = reg.own_articles().map(|(_, a)| a.number.as_str()).collect();
        if let (Some(a), Some(b)) = (
            order.iter().position(|n| *n == from.article),
            order.iter().position(|n| *n == to.article),
        ) {
            let (a, b) = (a.min(b), a.max(b));
            out.extend(order[a..=b].iter().map(|s| s.to_string()));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Truncates a text for display, at a char boundary, with an ellipsis.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let t = text.trim();
    if t.chars().count() <= max_chars {
        return t.to_string();
    }
    let mut s: String = t.chars().take(max_chars).collect();
    s.push_str(" …");
    s
}
