//! Rule fixtures: `fixtures/rules/<name>/<case>/` holds `regeling.md` and/or
//! `toelichting.md` (any extension), optionally `profile.txt`. A case named
//! `fires-*` must produce at least one diagnostic of the rule, a case named
//! `silent-*` none. Only the folder's rule runs. The diagnostics are
//! snapshot-tested in `<case>/diagnostics.snap`.
//!
//! The harness also enforces that every rule has both kinds of case and a
//! documentation page with the fixed headings, and that every fixture folder
//! names a rule.

use std::path::{Path, PathBuf};

use wetlint_linter::{Input, Profile, Selection, Settings, Source, registry};
use wetlint_tests::repo_root;

const DOC_HEADINGS: [&str; 5] = [
    "## Wat het controleert",
    "## Waarom",
    "## Voorbeeld",
    "## In plaats daarvan",
    "## Bron",
];

fn fixtures_dir() -> PathBuf {
    repo_root().join("fixtures/rules")
}

fn cases(rule_dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(rule_dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn find_file(case: &Path, stem: &str) -> Option<PathBuf> {
    std::fs::read_dir(case)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_stem().is_some_and(|s| s == stem) && p.extension().is_some_and(|e| e != "snap")
        })
}

/// Runs one rule over a case and renders its diagnostics (concise).
fn run_case(code: &str, case: &Path) -> (usize, String) {
    let data = wetlint_data::Data::builtin().expect("builtin data");
    let reg_path = find_file(case, "regeling");
    let toel_path = find_file(case, "toelichting");
    let reg_text = reg_path
        .as_ref()
        .map(|p| std::fs::read_to_string(p).expect("read regeling"));
    let toel_text = toel_path
        .as_ref()
        .map(|p| std::fs::read_to_string(p).expect("read toelichting"));
    let reg_name = reg_path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let toel_name = toel_path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let reg_doc = reg_text
        .as_deref()
        .map(|t| wetlint_syntax::parse(t, reg_name.as_deref()));
    let toel_doc = toel_text
        .as_deref()
        .map(|t| wetlint_syntax::parse(t, toel_name.as_deref()));
    let profile = std::fs::read_to_string(case.join("profile.txt"))
        .ok()
        .and_then(|p| p.trim().parse::<Profile>().ok())
        .unwrap_or_default();
    let input = Input {
        regeling: reg_doc
            .as_ref()
            .zip(reg_text.as_deref())
            .zip(reg_name.as_deref())
            .map(|((doc, text), path)| Source { path, text, doc }),
        toelichting: toel_doc
            .as_ref()
            .zip(toel_text.as_deref())
            .zip(toel_name.as_deref())
            .map(|((doc, text), path)| Source { path, text, doc }),
    };
    let settings = Settings {
        profile,
        selection: Selection {
            select: vec![code.to_string()],
            ..Selection::default()
        },
        severity: Vec::new(),
        index: None,
    };
    let diags = wetlint_linter::check(&input, &settings, data);
    let own = diags.iter().filter(|d| d.code == code).count();
    let mut rendered = String::new();
    for d in &diags {
        rendered.push_str(&format!(
            "{}:{}:{}: {} [{}] {}\n",
            d.filename,
            d.location.row,
            d.location.column,
            d.code,
            d.severity.as_str(),
            d.message
        ));
        for r in &d.related {
            rendered.push_str(&format!(
                "    zie ook {}:{}:{}: {}\n",
                r.filename, r.location.row, r.location.column, r.message
            ));
        }
        if let Some(f) = &d.fix {
            rendered.push_str(&format!("    fix: {}\n", f.message));
        }
    }
    (own, rendered)
}

#[test]
fn every_rule_has_fixtures_and_documentation() {
    let mut problems = Vec::new();
    for meta in registry::metas() {
        if meta.code.starts_with("WL-") {
            continue;
        }
        let doc = meta.documentation();
        for h in DOC_HEADINGS {
            if !doc.contains(h) {
                problems.push(format!("{}: documentation lacks '{h}'", meta.code));
            }
        }
        let dir = fixtures_dir().join(meta.name);
        let cs = cases(&dir);
        let fires = cs
            .iter()
            .filter(|c| {
                c.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("fires-"))
            })
            .count();
        let silent = cs
            .iter()
            .filter(|c| {
                c.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("silent-"))
            })
            .count();
        if fires == 0 || silent == 0 {
            problems.push(format!(
                "{} ({}): needs fires-* and silent-* cases in {}",
                meta.code,
                meta.name,
                dir.display()
            ));
        }
    }
    let metas = registry::metas();
    for entry in std::fs::read_dir(fixtures_dir())
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && !metas.iter().any(|m| m.name == name) {
            problems.push(format!("fixtures/rules/{name} names no rule"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rule_fixtures() {
    let mut failures = Vec::new();
    for meta in registry::metas() {
        for case in cases(&fixtures_dir().join(meta.name)) {
            let name = case
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (own, rendered) = run_case(meta.code, &case);
            if name.starts_with("fires-") && own == 0 {
                failures.push(format!(
                    "{}/{name}: expected {} to fire, it stayed silent",
                    meta.name, meta.code
                ));
            }
            if name.starts_with("silent-") && own > 0 {
                failures.push(format!(
                    "{}/{name}: expected silence, got:\n{rendered}",
                    meta.name
                ));
            }
            insta::with_settings!({
                snapshot_path => case.clone(),
                prepend_module_to_snapshot => false,
                omit_expression => true,
            }, {
                insta::assert_snapshot!("diagnostics", rendered);
            });
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
