//! Runs the selected rules over one input (a regulation, a toelichting, or a
//! pair), applies profile severities, overrides and inline suppressions, and
//! turns findings into [`Diagnostic`]s.

use std::collections::HashMap;

use wetlint_data::Data;
use wetlint_diagnostics::{Diagnostic, Edit, Fix, Position, Related, Severity, TextRange};
use wetlint_syntax::{Span, Suppression, SuppressionKind};

use crate::context::{Context, Source};
use crate::finding::{Finding, Findings, Which};
use crate::rule::{Profile, RuleMeta};
use crate::select::{self, Selection};
use crate::{registry, wl};

/// How to run the rules.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub profile: Profile,
    pub selection: Selection,
    /// Per-rule severity overrides by selector (`None` turns a rule off).
    pub severity: Vec<(String, Option<Severity>)>,
    /// The definitions/citeertitel index (`wetlint check --index`), if any.
    pub index: Option<IndexRef>,
}

/// A shared, loaded index. Its `Debug` output is a short summary, so
/// settings can be hashed and logged cheaply.
#[derive(Clone)]
pub struct IndexRef(pub std::sync::Arc<wetlint_index::Index>);

impl std::fmt::Debug for IndexRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Index({} regelingen, {} begrippen)",
            self.0.regulations.len(),
            self.0.definitions.len()
        )
    }
}

impl Settings {
    /// The effective severity of a rule, or `None` when it does not run.
    pub fn severity_of(&self, meta: &RuleMeta) -> Option<Severity> {
        if !self.selection.is_enabled(meta) {
            return None;
        }
        // The most specific override wins: exact id/name over prefix/category.
        let mut best: Option<(usize, Option<Severity>)> = None;
        for (sel, sev) in &self.severity {
            if select::matches(sel, meta) {
                let specificity = if sel.eq_ignore_ascii_case(meta.code) || sel == meta.name {
                    usize::MAX
                } else {
                    sel.len()
                };
                if best.is_none_or(|(s, _)| specificity >= s) {
                    best = Some((specificity, *sev));
                }
            }
        }
        match best {
            Some((_, sev)) => sev,
            None => meta.severity_for(self.profile),
        }
    }
}

/// The documents of one check.
#[derive(Debug, Clone, Copy, Default)]
pub struct Input<'a> {
    pub regeling: Option<Source<'a>>,
    pub toelichting: Option<Source<'a>>,
}

/// Runs all enabled rules over `input`.
pub fn check(input: &Input<'_>, settings: &Settings, data: &Data) -> Vec<Diagnostic> {
    let ctx = Context::new(input.regeling, input.toelichting, data, settings.profile)
        .with_index(settings.index.as_ref().map(|i| &*i.0));
    let mut raw: Vec<(&'static RuleMeta, Severity, Finding)> = Vec::new();
    for rule in registry::all() {
        let meta = rule.meta();
        let Some(severity) = settings.severity_of(meta) else {
            continue;
        };
        let mut findings = Findings::default();
        // A rule bug must not take the whole run down: catch and report it.
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rule.check(&ctx, &mut findings)
        }));
        if ran.is_err() {
            let which = if input.regeling.is_some() {
                Which::Regeling
            } else {
                Which::Toelichting
            };
            raw.push((
                meta,
                Severity::Error,
                Finding::new(
                    which,
                    Span::new(0, 0),
                    format!("interne fout in regel {}; meld dit alstublieft", meta.code),
                ),
            ));
            continue;
        }
        // A rule may soften or escalate, but an explicit override is final.
        let overridden = settings
            .severity
            .iter()
            .any(|(sel, _)| select::matches(sel, meta));
        for f in findings.items {
            let sev = if overridden {
                severity
            } else {
                f.effective(severity)
            };
            raw.push((meta, sev, f));
        }
    }

    // Inline suppressions per document.
    let mut out = Vec::new();
    let mut used: HashMap<(Which, usize), bool> = HashMap::new();
    for (meta, severity, f) in raw {
        let Some(src) = source(input, f.which) else {
            continue;
        };
        if let Some(idx) = suppressed_by(src, f.span, meta) {
            used.insert((f.which, idx), true);
            continue;
        }
        out.push(to_diagnostic(input, src, meta, severity, &f));
    }
    for which in [Which::Regeling, Which::Toelichting] {
        if let Some(src) = source(input, which) {
            out.extend(wl::hygiene(src, which, settings, &used));
        }
    }
    out.sort_by(|a, b| a.canonical_cmp(b));
    out.dedup_by(|a, b| {
        a.code == b.code && a.filename == b.filename && a.range == b.range && a.message == b.message
    });
    out
}

fn source<'a>(input: &Input<'a>, which: Which) -> Option<Source<'a>> {
    match which {
        Which::Regeling => input.regeling,
        Which::Toelichting => input.toelichting,
    }
}

/// True when the suppression names this rule.
pub(crate) fn names_rule(s: &Suppression, meta: &RuleMeta) -> bool {
    s.codes.iter().any(|c| select::matches(c, meta))
}

/// The index of the suppression that hides a finding at `span`, if any. A
/// suppression without a reason does not suppress (it is reported instead).
fn suppressed_by(src: Source<'_>, span: Span, meta: &RuleMeta) -> Option<usize> {
    let sups = &src.doc.suppressions;
    let line_of = |o: usize| src.doc.line_index.line_of(o);
    let at = line_of(span.start);
    for (i, s) in sups.iter().enumerate() {
        if s.reason.is_none() || !names_rule(s, meta) {
            continue;
        }
        let hit = match s.kind {
            SuppressionKind::NextLine => s
                .target
                .is_some_and(|t| line_of(t.start) <= at && at <= line_of(t.end)),
            SuppressionKind::File => true,
            SuppressionKind::Disable => {
                let end = sups[i + 1..]
                    .iter()
                    .find(|e| e.kind == SuppressionKind::Enable && names_rule(e, meta))
                    .map_or(usize::MAX, |e| e.span.start);
                s.span.end <= span.start && span.start < end
            }
            SuppressionKind::Enable => false,
        };
        if hit {
            return Some(i);
        }
    }
    None
}

pub(crate) fn position(src: Source<'_>, offset: usize) -> Position {
    let lc = src.doc.line_index.line_col(src.text, offset);
    Position {
        row: lc.row,
        column: lc.column,
    }
}

fn to_diagnostic(
    input: &Input<'_>,
    src: Source<'_>,
    meta: &RuleMeta,
    severity: Severity,
    f: &Finding,
) -> Diagnostic {
    let span = clamp(f.span, src.text.len());
    let related = f
        .related
        .iter()
        .filter_map(|r| {
            let s = source(input, r.which)?;
            let rs = clamp(r.span, s.text.len());
            Some(Related {
                filename: s.path.to_string(),
                location: position(s, rs.start),
                end_location: position(s, rs.end),
                range: TextRange {
                    start: rs.start,
                    end: rs.end,
                },
                message: r.message.clone(),
            })
        })
        .collect();
    let fix = f.fix.as_ref().map(|fix| Fix {
        message: fix.title.clone(),
        applicability: if fix.safe {
            wetlint_diagnostics::Applicability::Safe
        } else {
            wetlint_diagnostics::Applicability::Unsafe
        },
        edits: fix
            .edits
            .iter()
            .filter_map(|e| {
                let s = source(input, e.which)?;
                let es = clamp(e.span, s.text.len());
                Some(Edit {
                    filename: s.path.to_string(),
                    range: TextRange {
                        start: es.start,
                        end: es.end,
                    },
                    location: position(s, es.start),
                    end_location: position(s, es.end),
                    content: e.content.clone(),
                })
            })
            .collect(),
    });
    Diagnostic {
        code: meta.code.to_string(),
        name: meta.name.to_string(),
        severity,
        message: f.message.clone(),
        filename: src.path.to_string(),
        range: TextRange {
            start: span.start,
            end: span.end,
        },
        location: position(src, span.start),
        end_location: position(src, span.end),
        url: Some(meta.url()),
        help: f.help.clone(),
        related,
        fix,
    }
}

fn clamp(span: Span, len: usize) -> Span {
    let start = span.start.min(len);
    Span::new(start, span.end.clamp(start, len))
}
