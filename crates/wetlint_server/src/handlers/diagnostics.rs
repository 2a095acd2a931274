//! Linting a unit and turning wetlint diagnostics into LSP diagnostics:
//! `code`, `codeDescription.href` (the rule page), `source: "wetlint"`,
//! severity, `relatedInformation` (also into the other document of the pair)
//! and `data` with what code actions need (the fix as LSP edits).

use std::path::{Path, PathBuf};

use serde_json::json;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, TextEdit, Uri,
};
use wetlint_diagnostics::Severity;
use wetlint_linter::{Input, Source};
use wetlint_syntax::Span;

use super::Unit;
use crate::session::{ClientSettings, LintOutcome};

/// Runs the rules over a unit with the configuration and client settings,
/// then drops what `[per-file-ignores]` excludes (as the CLI does).
pub fn lint(unit: &Unit, client: &ClientSettings) -> Vec<wetlint_diagnostics::Diagnostic> {
    let Ok(data) = wetlint_data::Data::builtin() else {
        return Vec::new();
    };
    let settings = wetlint_config::settings(
        &wetlint_config::Overrides {
            profile: client.profile,
            select: client.select.clone(),
            extend_select: Vec::new(),
            ignore: client.ignore.clone(),
            preview: false,
        },
        unit.config.as_ref().map(|c| &c.config),
    );
    fn src(s: &crate::session::Snapshot) -> Source<'_> {
        Source {
            path: &s.key,
            text: &s.text,
            doc: s.doc(),
        }
    }
    let input = Input {
        regeling: unit.regeling.as_deref().map(src),
        toelichting: unit.toelichting.as_deref().map(src),
    };
    let diags = wetlint_linter::check(&input, &settings, data);
    let Some(cfg) = &unit.config else {
        return diags;
    };
    if cfg.config.per_file_ignores.is_empty() {
        return diags;
    }
    let dir = std::fs::canonicalize(&cfg.dir).unwrap_or_else(|_| cfg.dir.clone());
    let rel: Vec<(String, PathBuf)> = unit
        .snapshots()
        .filter_map(|s| {
            let p = s.path.as_ref()?;
            let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            Some((
                s.key.clone(),
                abs.strip_prefix(&dir).map(Path::to_path_buf).unwrap_or(abs),
            ))
        })
        .collect();
    diags
        .into_iter()
        .filter(|d| {
            !rel.iter().any(|(key, path)| {
                *key == d.filename && wetlint_config::per_file_ignored(&cfg.config, path, &d.code)
            })
        })
        .collect()
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The LSP diagnostics of one document of an outcome.
pub fn to_lsp_for(outcome: &LintOutcome, key: &str) -> Vec<Diagnostic> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.filename == key)
        .filter_map(|d| to_lsp(outcome, d))
        .collect()
}

/// The fix of a diagnostic as LSP edits per document, if all its files are known.
pub fn fix_edits(
    outcome: &LintOutcome,
    d: &wetlint_diagnostics::Diagnostic,
) -> Option<Vec<(Uri, Vec<TextEdit>)>> {
    let fix = d.fix.as_ref()?;
    let mut out: Vec<(Uri, Vec<TextEdit>)> = Vec::new();
    for e in &fix.edits {
        let snap = outcome.snapshot(&e.filename)?;
        let edit = TextEdit {
            range: snap.range(Span::new(e.range.start, e.range.end)),
            new_text: e.content.clone(),
        };
        match out.iter_mut().find(|(u, _)| *u == snap.uri) {
            Some((_, v)) => v.push(edit),
            None => out.push((snap.uri.clone(), vec![edit])),
        }
    }
    Some(out)
}

pub fn to_lsp(outcome: &LintOutcome, d: &wetlint_diagnostics::Diagnostic) -> Option<Diagnostic> {
    let snap = outcome.snapshot(&d.filename)?;
    let range = snap.range(Span::new(d.range.start, d.range.end));
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let s = outcome.snapshot(&r.filename)?;
            Some(DiagnosticRelatedInformation {
                location: Location {
                    uri: s.uri.clone(),
                    range: s.range(Span::new(r.range.start, r.range.end)),
                },
                message: r.message.clone(),
            })
        })
        .collect();
    let fix = fix_edits(outcome, d).map(|edits| {
        json!({
            "title": d.fix.as_ref().map(|f| f.message.clone()),
            "safe": d.fix.as_ref().is_some_and(|f| f.applicability == wetlint_diagnostics::Applicability::Safe),
            "changes": edits.iter().map(|(u, e)| json!({ "uri": u.as_str(), "edits": e })).collect::<Vec<_>>(),
        })
    });
    let message = match &d.help {
        Some(h) if !h.trim().is_empty() => format!("{}\nTip: {}", d.message, h.trim()),
        _ => d.message.clone(),
    };
    Some(Diagnostic {
        range,
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.clone())),
        code_description: d
            .url
            .as_deref()
            .and_then(|u| u.parse::<Uri>().ok())
            .map(|href| CodeDescription { href }),
        source: Some("wetlint".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(json!({
            "code": d.code,
            "name": d.name,
            "version": snap.version,
            "range": [d.range.start, d.range.end],
            "fix": fix,
        })),
    })
}
