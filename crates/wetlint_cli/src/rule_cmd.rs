//! `wetlint rule ID` / `wetlint rule --all`: the rule documentation, from
//! the rules' doc comments.

use serde::Serialize;
use wetlint_linter::{Profile, RuleMeta, registry};

#[derive(Serialize)]
struct RuleOut<'a> {
    code: &'a str,
    name: &'a str,
    category: &'a str,
    summary: &'a str,
    status: wetlint_linter::Status,
    scope: wetlint_linter::Scope,
    severity: std::collections::BTreeMap<&'static str, Option<&'static str>>,
    aanwijzingen: &'a [&'a str],
    url: String,
    documentation: String,
}

fn out(m: &RuleMeta) -> RuleOut<'_> {
    RuleOut {
        code: m.code,
        name: m.name,
        category: m.category.label_nl(),
        summary: m.summary,
        status: m.status,
        scope: m.scope,
        severity: Profile::ALL
            .iter()
            .map(|p| (p.as_str(), m.severity_for(*p).map(|s| s.as_str())))
            .collect(),
        aanwijzingen: m.aanwijzingen,
        url: m.url(),
        documentation: m.documentation(),
    }
}

/// Prints one rule or all; returns the exit code.
pub fn run(id: Option<&str>, all: bool, json: bool) -> u8 {
    let metas: Vec<&RuleMeta> = if all {
        registry::metas()
    } else {
        match id.and_then(registry::find) {
            Some(m) => vec![m],
            None => {
                eprintln!(
                    "wetlint: onbekende regel '{}'; `wetlint rule --all` toont alle regels",
                    id.unwrap_or("")
                );
                return 2;
            }
        }
    };
    if json {
        let v: Vec<RuleOut<'_>> = metas.iter().map(|m| out(m)).collect();
        let s = if all {
            serde_json::to_string_pretty(&v)
        } else {
            serde_json::to_string_pretty(&v[0])
        };
        match s {
            Ok(s) => emit(&format!("{s}\n")),
            Err(e) => {
                eprintln!("wetlint: {e}");
                return 2;
            }
        }
    } else if all {
        for m in metas {
            emit(&format!(
                "{:<11} {:<44} {}
",
                m.code, m.name, m.summary
            ));
        }
    } else {
        emit(&metas[0].page());
    }
    0
}

/// Writes to stdout; a closed pipe (`wetlint rule --all | head`) ends output quietly.
fn emit(s: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(s.as_bytes());
}
