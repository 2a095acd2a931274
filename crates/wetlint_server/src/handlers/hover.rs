//! Hover: the rule documentation on a finding or on a rule code in a
//! `wetlint-disable` comment, the begripsbepaling on a defined term (also in
//! the paired toelichting), and the target text on an internal reference.

use std::sync::Arc;

use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};
use wetlint_linter::registry;
use wetlint_syntax::{ReferenceKind, Resolution, Span};

use super::{Unit, excerpt, offset_at, open_unit, term_at};
use crate::State;
use crate::session::Snapshot;

/// Longest target text shown in a hover, in characters.
const MAX_TARGET_CHARS: usize = 1500;

pub fn hover(state: &State, key: &str, pos: Position) -> Option<Hover> {
    let (snap, unit) = open_unit(state, key)?;
    let offset = offset_at(&snap, pos)?;
    if let Some((span, md)) = suppression_hover(&snap, offset) {
        return Some(make(&snap, span, md));
    }
    let mut parts: Vec<String> = Vec::new();
    let mut range: Option<Span> = None;
    let narrow = |s: Span, range: &mut Option<Span>| {
        if range.is_none_or(|r| s.len() <= r.len()) {
            *range = Some(s);
        }
    };
    // Findings at the position (from the last published lint of this version).
    let outcome = state.lock().open.get(key).and_then(|d| d.outcome.clone());
    if let Some(outcome) = outcome
        && outcome
            .snapshot(key)
            .is_some_and(|s| s.version == snap.version)
    {
        let mut seen: Vec<&str> = Vec::new();
        for d in outcome.diagnostics.iter().filter(|d| d.filename == key) {
            let (s, e) = (d.range.start, d.range.end);
            if !(s <= offset && offset <= e.max(s)) {
                continue;
            }
            narrow(Span::new(s, e), &mut range);
            let mut md = format!("**wetlint {}** — {}", d.code, d.message);
            if let Some(h) = &d.help {
                md.push_str(&format!("\n\n*Tip:* {h}"));
            }
            if !seen.contains(&d.code.as_str()) {
                seen.push(&d.code);
                if let Some(meta) = registry::find(&d.code) {
                    md.push_str("\n\n---\n\n");
                    md.push_str(&meta.page());
                }
            }
            parts.push(md);
        }
    }
    if let Some((span, md)) = reference_hover(&snap, &unit, offset) {
        narrow(span, &mut range);
        parts.push(md);
    }
    if let Some((reg, hit)) = term_at(&snap, &unit, offset)
        && let Some(d) = reg.doc().definitions.get(hit.definition)
    {
        narrow(hit.span, &mut range);
        let place = d
            .article
            .and_then(|a| reg.doc().articles.get(a))
            .map(|a| format!("artikel {}", a.number))
            .unwrap_or_else(|| "de regeling".to_string());
        let file = if reg.key == snap.key {
            String::new()
        } else {
            format!(" van {}", reg.file_name.as_deref().unwrap_or("de regeling"))
        };
        parts.push(format!(
            "**Begrip: {}**\n\n{}: {}\n\n*Begripsbepaling in {place}{file}.*",
            d.term.trim(),
            d.term.trim(),
            excerpt(&d.definition, MAX_TARGET_CHARS)
        ));
    }
    if parts.is_empty() {
        return None;
    }
    Some(make(
        &snap,
        range.unwrap_or(Span::new(offset, offset)),
        parts.join("\n\n---\n\n"),
    ))
}

fn make(snap: &Snapshot, span: Span, value: String) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(snap.range(span)),
    }
}

/// Rule pages for the codes of a `wetlint-disable…` comment under the cursor
/// (only the code under the cursor when it is on one).
fn suppression_hover(snap: &Snapshot, offset: usize) -> Option<(Span, String)> {
    let s = snap
        .doc()
        .suppressions
        .iter()
        .find(|s| s.span.start <= offset && offset <= s.span.end)?;
    let raw = snap.slice(s.span);
    let lower = raw.to_ascii_lowercase();
    // Code tokens after the directive keyword.
    let after = lower.find("wetlint-").map_or(0, |i| {
        i + lower[i..]
            .find(char::is_whitespace)
            .unwrap_or(lower.len() - i)
    });
    let mut tokens: Vec<(Span, &str)> = Vec::new();
    let mut from = after;
    for code in &s.codes {
        let needle = code.to_ascii_lowercase();
        if let Some(i) = lower.get(from..).and_then(|t| t.find(&needle)) {
            let start = s.span.start + from + i;
            tokens.push((Span::new(start, start + code.len()), code.as_str()));
            from += i + needle.len();
        }
    }
    let under: Vec<&(Span, &str)> = tokens
        .iter()
        .filter(|(sp, _)| sp.start <= offset && offset <= sp.end)
        .collect();
    let (span, codes): (Span, Vec<&str>) = match under.first() {
        Some((sp, c)) => (*sp, vec![*c]),
        None => (s.span, s.codes.iter().map(String::as_str).collect()),
    };
    if codes.is_empty() {
        return Some((
            span,
            "**wetlint-onderdrukking zonder regelcode**\n\nNoem de regelcode en een reden: `<!-- wetlint-disable-next-line CODE: reden -->`.".to_string(),
        ));
    }
    let pages: Vec<String> = codes.iter().map(|c| rule_doc(c)).collect();
    let mut md = pages.join("\n\n---\n\n");
    if s.reason.is_none() {
        md.push_str("\n\n---\n\n*Deze onderdrukking heeft geen reden en werkt daarom niet. Schrijf `CODE: reden`.*");
    }
    Some((span, md))
}

/// The documentation of a rule code, or of the rules a selector covers.
pub fn rule_doc(code: &str) -> String {
    if let Some(meta) = registry::find(code) {
        return meta.page();
    }
    let matching: Vec<String> = registry::metas()
        .into_iter()
        .filter(|m| wetlint_linter::select::matches(code, m))
        .map(|m| format!("- `{}` {}: {}", m.code, m.name, m.summary))
        .collect();
    if matching.is_empty() {
        format!(
            "**Onbekende regelcode `{code}`**\n\nDeze onderdrukking past op geen enkele regel van wetlint."
        )
    } else {
        format!("**Selectie `{code}`** omvat:\n\n{}", matching.join("\n"))
    }
}

/// The target of the reference under the cursor: the lid or article text.
fn reference_hover(snap: &Arc<Snapshot>, unit: &Unit, offset: usize) -> Option<(Span, String)> {
    let (r, target_snap, resolution) = reference_target(snap, unit, offset)?;
    let Resolution::Resolved { article, lid } = resolution else {
        return None;
    };
    let doc = target_snap.doc();
    let a = doc.articles.get(article)?;
    let (title, span) = match lid.and_then(|l| a.leden.get(l)) {
        Some(l) => (format!("artikel {}, lid {}", a.number, l.number), l.span),
        None => (format!("artikel {}", a.number), a.span),
    };
    let text = excerpt(target_snap.slice(span), MAX_TARGET_CHARS);
    let quoted: Vec<String> = text.lines().map(|l| format!("> {l}")).collect();
    let file = if target_snap.key == snap.key {
        String::new()
    } else {
        format!(
            " ({})",
            target_snap.file_name.as_deref().unwrap_or("regeling")
        )
    };
    Some((
        r,
        format!("**Verwijzing naar {title}{file}**\n\n{}", quoted.join("\n")),
    ))
}

/// The reference under the cursor with the document it points into and its
/// resolution (a reference in a toelichting is resolved against the paired
/// regulation).
pub fn reference_target<'u>(
    snap: &'u Arc<Snapshot>,
    unit: &'u Unit,
    offset: usize,
) -> Option<(Span, &'u Arc<Snapshot>, Resolution)> {
    let doc = snap.doc();
    let r = doc
        .references
        .iter()
        .filter(|r| r.span.start <= offset && offset <= r.span.end)
        .min_by_key(|r| r.span.len())?;
    match &r.kind {
        ReferenceKind::Internal => Some((r.span, snap, r.resolution)),
        ReferenceKind::Toelichting => {
            let reg = unit.regeling.as_ref().filter(|x| x.key != snap.key)?;
            Some((r.span, reg, wetlint_syntax::resolve(reg.doc(), r)))
        }
        _ => None,
    }
}
