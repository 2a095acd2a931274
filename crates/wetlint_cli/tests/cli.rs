//! End-to-end tests of the `wetlint` binary: exit codes, the JSON contract,
//! SARIF validity, bad input, baseline, suppressions and configuration.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wetlint"));
    c.env("NO_COLOR", "1");
    c
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str], cwd: &Path) -> Output {
    bin()
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run wetlint")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const TOELICHTING_ZONDER_UITVOERING: &str = "# Memorie van toelichting\n\n## I. Algemeen deel\n\n### 1. Inleiding\n\nDit voorstel regelt een vergoeding.\n\n### 2. Financiële gevolgen\n\nDe kosten zijn twee miljoen euro per jaar.\n";

#[test]
fn example_json_contract() {
    let o = run(
        &[
            "check",
            "fixtures/drafts/voorbeeldwet",
            "--output-format",
            "json",
        ],
        &root(),
    );
    let code = o.status.code().unwrap_or(-1);
    assert!(code == 0 || code == 1, "exit code {code}: {}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    let arr = v.as_array().expect("array");
    for d in arr {
        for key in [
            "code",
            "name",
            "severity",
            "message",
            "filename",
            "location",
            "end_location",
            "url",
            "related",
            "fix",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        assert!(d["location"]["row"].as_u64().unwrap_or(0) >= 1);
        assert!(d["location"]["column"].as_u64().unwrap_or(0) >= 1);
    }
    insta::assert_json_snapshot!("example_json", v);
}

#[test]
fn sarif_validates_against_the_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("mvt.md"), TOELICHTING_ZONDER_UITVOERING).expect("write");
    let o = run(&["check", ".", "--output-format", "sarif"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("SARIF is JSON");
    let schema_text = std::fs::read_to_string(
        root().join("crates/wetlint_diagnostics/tests/data/sarif-schema-2.1.0.json"),
    )
    .expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("compile schema");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "SARIF invalid: {errors:?}");
    let results = sarif["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        results.iter().any(|r| r["ruleId"] == "UITV-002"),
        "{results:?}"
    );
}

#[test]
fn bad_input_is_reported_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    std::fs::write(p.join("leeg.md"), "").expect("write");
    std::fs::write(p.join("binair.md"), [0x7f, b'E', b'L', b'F', 0, 1, 2, 3]).expect("write");
    std::fs::write(
        p.join("kapot.md"),
        b"# Toelichting\n\nEen \xff ongeldige byte.\n",
    )
    .expect("write");
    let long = format!("Artikel 1 {}\n", "woord ".repeat(1_700_000));
    std::fs::write(p.join("lang.md"), long).expect("write");
    std::fs::write(p.join("mvt.md"), TOELICHTING_ZONDER_UITVOERING).expect("write");
    let o = run(
        &[
            "check",
            ".",
            "bestaat-niet.md",
            "--output-format",
            "concise",
        ],
        p,
    );
    let out = stdout(&o) + &stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{out}");
    assert!(
        out.contains("leeg.md") && out.contains("het bestand is leeg"),
        "{out}"
    );
    assert!(out.contains("binair.md") && out.contains("binair"), "{out}");
    assert!(
        out.contains("kapot.md:3:5") && out.contains("geen geldige UTF-8"),
        "{out}"
    );
    assert!(
        out.contains("bestaat-niet.md") && out.contains("bestaat niet"),
        "{out}"
    );
    // The good file is still checked and its finding reported.
    assert!(out.contains("mvt.md:1:3: UITV-002"), "{out}");
}

#[test]
fn baseline_roundtrip() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("mvt.md"), TOELICHTING_ZONDER_UITVOERING).expect("write");
    let o = run(
        &["check", ".", "--write-baseline", "baseline.json"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(
        &[
            "check",
            ".",
            "--baseline",
            "baseline.json",
            "--output-format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "[]");
    // Lines added above the finding do not invalidate the baseline.
    let shifted = format!("<!-- nieuwe regel -->\n\n{TOELICHTING_ZONDER_UITVOERING}");
    std::fs::write(dir.path().join("mvt.md"), shifted).expect("write");
    let o = run(
        &[
            "check",
            ".",
            "--baseline",
            "baseline.json",
            "--output-format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(stdout(&o).trim(), "[]", "{}", stderr(&o));
}

#[test]
fn suppressions_need_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let with_reason = format!(
        "<!-- wetlint-disable-file UITV-002: korte technische toelichting -->\n{TOELICHTING_ZONDER_UITVOERING}"
    );
    std::fs::write(dir.path().join("mvt.md"), with_reason).expect("write");
    let o = run(&["check", ".", "--output-format", "concise"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(!stdout(&o).contains("UITV-002"));
    let without =
        format!("<!-- wetlint-disable-file UITV-002 -->\n{TOELICHTING_ZONDER_UITVOERING}");
    std::fs::write(dir.path().join("mvt.md"), without).expect("write");
    let o = run(&["check", ".", "--output-format", "concise"], dir.path());
    let out = stdout(&o);
    assert!(out.contains("UITV-002") && out.contains("WL-001"), "{out}");
    let unknown =
        format!("<!-- wetlint-disable-file XYZ-999: reden -->\n{TOELICHTING_ZONDER_UITVOERING}");
    std::fs::write(dir.path().join("mvt.md"), unknown).expect("write");
    let o = run(&["check", ".", "--output-format", "concise"], dir.path());
    assert!(stdout(&o).contains("WL-002"), "{}", stdout(&o));
}

#[test]
fn configuration_is_discovered_and_errors_name_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("sub/mvt.md"), TOELICHTING_ZONDER_UITVOERING).expect("write");
    std::fs::write(dir.path().join("wetlint.toml"), "ignore = [\"UITV-002\"]\n").expect("write");
    let o = run(&["check", "sub", "--output-format", "concise"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    std::fs::write(
        dir.path().join("wetlint.toml"),
        "profile = \"concept\"\nprofiel = 3\n",
    )
    .expect("write");
    let o = run(&["check", "sub"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("wetlint.toml:2:1"), "{}", stderr(&o));
    // --select overrides the config's selection; --fail-on decides the exit code.
    std::fs::write(
        dir.path().join("wetlint.toml"),
        "[severity]\n\"UITV-002\" = \"info\"\n",
    )
    .expect("write");
    let o = run(&["check", "sub", "--output-format", "concise"], dir.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "info does not fail the default gate"
    );
    let o = run(
        &[
            "check",
            "sub",
            "--fail-on",
            "info",
            "--output-format",
            "concise",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn rule_documentation() {
    let o = run(&["rule", "--all", "--output-format", "json"], &root());
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let rules = v.as_array().expect("array");
    assert!(rules.iter().any(|r| r["code"] == "UITV-001"));
    assert!(rules.iter().all(|r| {
        r["documentation"]
            .as_str()
            .is_some_and(|d| d.contains("## Waarom"))
    }));
    let o = run(&["rule", "uitvoeringsparagraaf-ontbreekt"], &root());
    assert!(stdout(&o).starts_with("# UITV-002"));
    let o = run(&["rule", "BESTAAT-NIET"], &root());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&["check", "--profile", "onzin"], &root());
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["check", "--output-format", "xml"], &root());
    assert_eq!(o.status.code(), Some(2));
}

/// A folder of regulations streams file by file (one mentions a toelichting
/// without being one), a folder with a regulation and its toelichting is
/// paired, and a cached re-run gives the same findings as the first run.
#[test]
fn streaming_pairing_and_cache_agree() {
    let dir = tempfile::tempdir().expect("tempdir");
    let regs = dir.path().join("regelingen");
    std::fs::create_dir(&regs).expect("mkdir");
    std::fs::write(
        regs.join("a.md"),
        "# Besluit van 1 januari 2027, houdende regels over speeltuinen\n\nZie de nota van toelichting.\n\n### Artikel 1\n\nDe burgemeester kan een vergunning verlenen.\n\n### Artikel 2\n\nDit besluit treedt in werking op 1 januari 2027.\n",
    )
    .expect("write");
    std::fs::write(
        regs.join("b.md"),
        "# Besluit van 2 januari 2027, houdende regels over fietsen\n\n### Artikel 1\n\nOnze Minister kan een subsidie verstrekken.\n",
    )
    .expect("write");
    let pair = dir.path().join("voorbeeldwet");
    std::fs::create_dir(&pair).expect("mkdir");
    for f in ["wetsvoorstel.md", "memorie-van-toelichting.md"] {
        std::fs::copy(
            root().join("fixtures/drafts/voorbeeldwet").join(f),
            pair.join(f),
        )
        .expect("copy fixture");
    }
    let cache = dir.path().join("cache");
    let check = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["check", ".", "--output-format", "json"];
        args.extend_from_slice(extra);
        let o = run(&args, dir.path());
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
        serde_json::from_str(&stdout(&o)).expect("valid JSON")
    };
    let cache_arg = cache.to_string_lossy().into_owned();
    let first = check(&["--cache-dir", &cache_arg]);
    let files: std::collections::BTreeSet<&str> = first
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["filename"].as_str())
        .collect();
    // Both regulations were checked; the pair produced findings on the
    // toelichting (which only happen when it is paired with the wet).
    assert!(files.iter().any(|f| f.ends_with("a.md")), "{files:?}");
    assert!(files.iter().any(|f| f.ends_with("b.md")), "{files:?}");
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("memorie-van-toelichting.md")),
        "{files:?}"
    );
    let uncached = check(&["--no-cache"]);
    assert_eq!(first, uncached);
    assert!(cache.is_dir(), "cache entries were written");
    let second = check(&["--cache-dir", &cache_arg]);
    assert_eq!(first, second, "a cached re-run gives the same findings");
}

/// A `[[paar]]` entry pairs a regulation and a toelichting in different
/// folders: the findings are those of the same pair in one folder.
#[test]
fn pair_across_folders_from_the_configuration() {
    let findings = |dir: &Path| -> Vec<(String, String)> {
        let o = run(
            &["check", ".", "--output-format", "json", "--no-cache"],
            dir,
        );
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
        let mut out: Vec<(String, String)> = v
            .as_array()
            .expect("array")
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap_or("").to_string(),
                    d["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        out.sort();
        out
    };
    let example = root().join("fixtures/drafts/voorbeeldwet");
    let together = tempfile::tempdir().expect("tempdir");
    let apart = tempfile::tempdir().expect("tempdir");
    for sub in ["regeling", "toelichting"] {
        std::fs::create_dir(apart.path().join(sub)).expect("mkdir");
    }
    for (f, sub) in [
        ("wetsvoorstel.md", "regeling"),
        ("memorie-van-toelichting.md", "toelichting"),
    ] {
        std::fs::copy(example.join(f), together.path().join(f)).expect("copy");
        std::fs::copy(example.join(f), apart.path().join(sub).join(f)).expect("copy");
    }
    let unpaired = findings(apart.path());
    std::fs::write(
        apart.path().join("wetlint.toml"),
        "[[paar]]\nregeling = \"regeling/wetsvoorstel.md\"\ntoelichting = \"toelichting/memorie-van-toelichting.md\"\n",
    )
    .expect("write config");
    let paired = findings(apart.path());
    assert_eq!(paired, findings(together.path()));
    assert_ne!(paired, unpaired, "pairing changes the findings");
}
