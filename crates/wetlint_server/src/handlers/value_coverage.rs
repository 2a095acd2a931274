//! `wetlint/waardenDekking` (params `{ textDocument }`): the public-values
//! coverage matrix of a toelichting (for a regulation: of its paired
//! toelichting), from the linter's value analysis
//! (`wetlint_linter::value_coverage`), with the WAARDE-001 overview finding.
//!
//! Result: `{ document, toelichting, matrix, bevindingen: [{ code, message,
//! range, related }] }`; `matrix` is the serialised `ValueCoverage`, whose
//! spans are byte offsets; `spanRanges` maps every section heading of the
//! matrix to its LSP range in the toelichting.

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc;

use super::diagnostics::{lint, to_lsp};
use super::open_unit;
use crate::State;
use crate::session::{ClientSettings, LintOutcome, Snapshot};

fn source(s: &Snapshot) -> wetlint_linter::Source<'_> {
    wetlint_linter::Source {
        path: &s.key,
        text: &s.text,
        doc: s.doc(),
    }
}

pub fn coverage(state: &State, key: &str) -> jsonrpc::Result<Value> {
    let (snap, unit) = open_unit(state, key)
        .ok_or_else(|| jsonrpc::Error::invalid_params(format!("onbekend document: {key}")))?;
    let Some(toel) = unit.toelichting.clone() else {
        return Ok(json!({
            "document": snap.uri.as_str(),
            "toelichting": null,
            "matrix": null,
            "bevindingen": [],
            "melding": "geen toelichting gevonden bij dit document",
        }));
    };
    let profile = state.lock().client_settings.profile;
    let data = wetlint_data::Data::builtin()
        .map_err(|e| jsonrpc::Error::invalid_params(format!("interne gegevens onleesbaar: {e}")))?;
    let ctx = wetlint_linter::Context::new(
        unit.regeling.as_deref().map(source),
        Some(source(&toel)),
        data,
        profile.unwrap_or_default(),
    );
    let matrix = wetlint_linter::value_coverage(&ctx);
    let heading_ranges: Vec<Value> = matrix
        .sections
        .iter()
        .map(|s| json!({ "index": s.index, "range": toel.range(s.heading) }))
        .collect();
    let matrix = serde_json::to_value(&matrix).unwrap_or(Value::Null);

    // The overview finding, asked for explicitly whatever the configuration says.
    let settings = ClientSettings {
        profile,
        select: vec!["WAARDE-001".to_string()],
        ignore: Vec::new(),
        debounce_ms: None,
    };
    let mut only = unit.clone();
    only.config = None;
    let outcome = LintOutcome {
        seq: 0,
        snapshots: unit.snapshots().cloned().collect(),
        diagnostics: lint(&only, &settings)
            .into_iter()
            .filter(|d| d.code == "WAARDE-001")
            .collect(),
    };
    let findings: Vec<Value> = outcome
        .diagnostics
        .iter()
        .filter_map(|d| to_lsp(&outcome, d))
        .map(|d| {
            json!({
                "code": "WAARDE-001",
                "message": d.message,
                "range": d.range,
                "related": d.related_information,
            })
        })
        .collect();
    Ok(json!({
        "document": snap.uri.as_str(),
        "toelichting": toel.uri.as_str(),
        "matrix": matrix,
        "spanRanges": heading_ranges,
        "bevindingen": findings,
    }))
}
