//! Validates the `sarif` output against the official SARIF 2.1.0 JSON
//! schema (see `tests/data/README.md` for its origin), offline.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashMap;

use common::{VOORSTEL, render, report, sources};
use wetlint_diagnostics::{
    Diagnostic, FileError, NoSources, Position, Report, Severity, TextRange, write_sarif,
};

const SCHEMA: &str = include_str!("data/sarif-schema-2.1.0.json");

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// All schema violations of `document`, as readable strings.
fn violations(document: &serde_json::Value) -> Vec<String> {
    validator()
        .iter_errors(document)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

fn assert_valid(report: &Report) {
    let output = render(|out| write_sarif(report, &NoSources, out));
    let document: serde_json::Value = serde_json::from_str(&output).unwrap();
    let errors = violations(&document);
    assert!(
        errors.is_empty(),
        "invalid SARIF:\n{}\n{output}",
        errors.join("\n")
    );
}

#[test]
fn fixture_report_is_valid_sarif() {
    let report = report();
    assert_valid(&report);
    let output = render(|out| write_sarif(&report, &sources(), out));
    let document: serde_json::Value = serde_json::from_str(&output).unwrap();
    let run = &document["runs"][0];
    assert_eq!(document["version"], "2.1.0");
    assert_eq!(run["tool"]["driver"]["name"], "wetlint");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    // Every ruleIndex points at the rule with the same id.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    assert_eq!(run["results"].as_array().unwrap().len(), 4);
}

#[test]
fn empty_report_is_valid_sarif() {
    assert_valid(&Report::default());
}

#[test]
fn odd_input_is_valid_sarif() {
    let diagnostic = Diagnostic {
        code: "RAND-001".to_string(),
        name: String::new(),
        severity: Severity::Info,
        message: String::new(),
        filename: "C:\\Users\\ambtenaar\\Mijn documenten\\wet#1?.xml".to_string(),
        range: TextRange { start: 9, end: 1 },
        location: Position::new(0, 0),
        end_location: Position::new(0, 0),
        url: Some("https://wetlint.example/regels/RAND-001".to_string()),
        help: None,
        related: vec![],
        fix: Some(wetlint_diagnostics::Fix {
            message: String::new(),
            applicability: wetlint_diagnostics::Applicability::DisplayOnly,
            edits: vec![],
        }),
    };
    let report = Report {
        diagnostics: vec![diagnostic],
        errors: vec![FileError {
            filename: "/absoluut pad/ë.xml".to_string(),
            location: None,
            message: "onleesbaar".to_string(),
        }],
        files_checked: 2,
        rules: vec![],
    };
    assert_valid(&report);
    let _ = HashMap::<String, String>::new();
    let _ = VOORSTEL;
}

/// Proves that the validation above can fail: broken documents are rejected.
#[test]
fn broken_documents_are_rejected() {
    // A run without the required `tool`.
    let broken = serde_json::json!({
        "version": "2.1.0",
        "runs": [{ "results": [] }]
    });
    let errors = violations(&broken);
    assert!(
        errors
            .iter()
            .any(|error| error.contains("\"tool\" is a required property")),
        "{errors:?}"
    );

    // Our own output with an invalid level and a zero start line.
    let output = render(|out| write_sarif(&report(), &sources(), out));
    let mut document: serde_json::Value = serde_json::from_str(&output).unwrap();
    assert!(violations(&document).is_empty());
    document["runs"][0]["results"][0]["level"] = serde_json::json!("fataal");
    document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        serde_json::json!(0);
    let errors = violations(&document);
    assert!(
        errors
            .iter()
            .any(|error| error.contains("/runs/0/results/0/level")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|error| error.contains("startLine")),
        "{errors:?}"
    );

    // A URI with a raw space violates the `uri-reference` format.
    let mut document: serde_json::Value = serde_json::from_str(&output).unwrap();
    document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        serde_json::json!("memorie van toelichting.txt");
    let errors = violations(&document);
    assert!(
        errors.iter().any(|error| error.contains("uri")),
        "{errors:?}"
    );
}
