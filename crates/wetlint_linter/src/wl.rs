//! wetlint's own checks on suppression comments: a suppression needs a
//! reason, must name a known rule, and should be used.

use std::collections::HashMap;

use wetlint_diagnostics::{Diagnostic, Severity, TextRange};
use wetlint_syntax::SuppressionKind;

use crate::context::Source;
use crate::engine::{Settings, names_rule, position};
use crate::finding::Which;
use crate::registry;
use crate::rule::{Category, I, RuleMeta, Scope, Status, W};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Een `wetlint-disable`-opmerking zonder reden na een dubbele punt.
    ///
    /// ## Waarom
    /// Een bevinding onderdrukken is een keuze die een ander moet kunnen
    /// volgen ("comply or explain"). Zonder reden onderdrukt wetlint niets.
    ///
    /// ## Voorbeeld
    /// `<!-- wetlint-disable-next-line UITV-001 -->`
    ///
    /// ## In plaats daarvan
    /// `<!-- wetlint-disable-next-line UITV-001: uitvoeringstoets volgt na de consultatie -->`
    ///
    /// ## Bron
    /// wetlint-beleid voor onderdrukkingen.
    pub struct OnderdrukkingZonderReden {
        code: "WL-001",
        name: "onderdrukking-zonder-reden",
        category: Category::Wetlint,
        summary: "Onderdrukking van een bevinding zonder reden",
        severity: [W, W, W, W],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &[],
    }
}

crate::declare_rule! {
    /// ## Wat het controleert
    /// Een `wetlint-disable`-opmerking die geen bevinding onderdrukt, of een
    /// regel noemt die niet bestaat.
    ///
    /// ## Waarom
    /// Verouderde onderdrukkingen verbergen later echte bevindingen.
    ///
    /// ## Voorbeeld
    /// `<!-- wetlint-disable-next-line LEG-002: … -->` boven een zin zonder verwijzing.
    ///
    /// ## In plaats daarvan
    /// Verwijder de opmerking, of verbeter de code van de regel.
    ///
    /// ## Bron
    /// wetlint-beleid voor onderdrukkingen (vergelijk ruff RUF100).
    pub struct OnderdrukkingOngebruikt {
        code: "WL-002",
        name: "onderdrukking-ongebruikt",
        category: Category::Wetlint,
        summary: "Onderdrukking die niets onderdrukt of een onbekende regel noemt",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &[],
    }
}

fn diag(
    src: Source<'_>,
    meta: &RuleMeta,
    severity: Severity,
    span: wetlint_syntax::Span,
    message: String,
) -> Diagnostic {
    Diagnostic {
        code: meta.code.into(),
        name: meta.name.into(),
        severity,
        message,
        filename: src.path.into(),
        range: TextRange {
            start: span.start,
            end: span.end,
        },
        location: position(src, span.start),
        end_location: position(src, span.end),
        url: Some(meta.url()),
        help: None,
        related: Vec::new(),
        fix: None,
    }
}

/// Checks the suppressions of one document after the rules ran.
pub(crate) fn hygiene(
    src: Source<'_>,
    which: Which,
    settings: &Settings,
    used: &HashMap<(Which, usize), bool>,
) -> Vec<Diagnostic> {
    let metas = registry::metas();
    let mut out = Vec::new();
    let reason_meta = &OnderdrukkingZonderReden::META;
    let unused_meta = &OnderdrukkingOngebruikt::META;
    for (i, s) in src.doc.suppressions.iter().enumerate() {
        if s.kind == SuppressionKind::Enable {
            continue;
        }
        if s.codes.is_empty() {
            if let Some(sev) = settings.severity_of(reason_meta) {
                out.push(diag(
                    src,
                    reason_meta,
                    sev,
                    s.span,
                    "onderdrukking zonder regelcode: noem de regel, bijvoorbeeld `UITV-001: reden`"
                        .into(),
                ));
            }
            continue;
        }
        let unknown: Vec<&str> = s
            .codes
            .iter()
            .map(String::as_str)
            .filter(|c| !crate::select::is_known(c, &metas))
            .collect();
        if !unknown.is_empty() {
            if let Some(sev) = settings.severity_of(unused_meta) {
                out.push(diag(
                    src,
                    unused_meta,
                    sev,
                    s.span,
                    format!("onbekende regel in onderdrukking: {}", unknown.join(", ")),
                ));
            }
            continue;
        }
        if s.reason.is_none() {
            if let Some(sev) = settings.severity_of(reason_meta) {
                out.push(diag(
                    src,
                    reason_meta,
                    sev,
                    s.span,
                    format!(
                        "onderdrukking van {} zonder reden; er wordt niets onderdrukt",
                        s.codes.join(", ")
                    ),
                ));
            }
            continue;
        }
        // Only report as unused when every named rule actually ran.
        let all_ran = metas
            .iter()
            .filter(|m| names_rule(s, m))
            .all(|m| settings.severity_of(m).is_some());
        if !used.contains_key(&(which, i))
            && all_ran
            && let Some(sev) = settings.severity_of(unused_meta)
        {
            out.push(diag(
                src,
                unused_meta,
                sev,
                s.span,
                format!("onderdrukking van {} onderdrukt niets", s.codes.join(", ")),
            ));
        }
    }
    out
}
