//! Snapshot and robustness tests for every output format.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashMap;

use common::{TOELICHTING, VOORSTEL, VOORSTEL_TEXT, render, report, sources};
use wetlint_diagnostics::{
    Diagnostic, HumanOptions, NoSources, OutputFormat, Position, Report, Severity, TextRange,
    write_concise, write_github, write_human, write_human_with, write_json, write_json_lines,
    write_junit, write_report, write_sarif, write_statistics, write_statistics_json,
};

#[test]
fn json_snapshot() {
    let output = render(|out| write_json(&report(), &sources(), out));
    insta::assert_snapshot!("json", output);
}

#[test]
fn json_has_exactly_the_contract_fields() {
    let output = render(|out| write_json(&report(), &NoSources, out));
    let value: serde_json::Value = serde_json::from_str(&output).unwrap();
    let diagnostics = value.as_array().unwrap();
    assert_eq!(diagnostics.len(), 4);
    let keys = |value: &serde_json::Value| {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    for diagnostic in diagnostics {
        assert_eq!(
            keys(diagnostic),
            [
                "code",
                "end_location",
                "filename",
                "fix",
                "location",
                "message",
                "name",
                "related",
                "severity",
                "url"
            ]
        );
        assert_eq!(keys(&diagnostic["location"]), ["column", "row"]);
        for related in diagnostic["related"].as_array().unwrap() {
            assert_eq!(
                keys(related),
                ["end_location", "filename", "location", "message"]
            );
        }
        if !diagnostic["fix"].is_null() {
            assert_eq!(
                keys(&diagnostic["fix"]),
                ["applicability", "edits", "message"]
            );
            for edit in diagnostic["fix"]["edits"].as_array().unwrap() {
                assert_eq!(keys(edit), ["content", "end_location", "location"]);
            }
        }
    }
    // Canonical order: filename, then start offset.
    let order: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["HOOF-003", "TEKEN-005", "TAAL-001", "INFO-004"]);
}

#[test]
fn json_of_empty_report_is_empty_array() {
    let output = render(|out| write_json(&Report::default(), &NoSources, out));
    assert_eq!(output, "[]\n");
}

#[test]
fn json_lines_snapshot() {
    let output = render(|out| write_json_lines(&report(), &sources(), out));
    // Same objects as the json format, one per line.
    let pretty: serde_json::Value =
        serde_json::from_str(&render(|out| write_json(&report(), &NoSources, out))).unwrap();
    let lines: Vec<serde_json::Value> = output
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(serde_json::Value::Array(lines), pretty);
    insta::assert_snapshot!("json_lines", output);
}

#[test]
fn concise_snapshot() {
    let output = render(|out| write_concise(&report(), &sources(), out));
    insta::assert_snapshot!("concise", output);
}

#[test]
fn human_snapshot() {
    let output = render(|out| write_human(&report(), &sources(), out));
    assert!(!output.contains('\u{1b}'), "no escape codes without colour");
    assert!(
        !output.contains('│') && !output.contains('×'),
        "no Unicode drawing without colour"
    );
    insta::assert_snapshot!("human", output);
}

#[test]
fn human_without_sources_falls_back_to_concise_lines() {
    let output = render(|out| write_human(&report(), &NoSources, out));
    insta::assert_snapshot!("human_without_sources", output);
}

#[test]
fn human_with_color_uses_escape_codes() {
    let options = HumanOptions {
        color: true,
        width: 100,
    };
    let output = render(|out| write_human_with(&report(), &sources(), &options, out));
    assert!(output.contains('\u{1b}'));
    assert!(output.contains("TAAL-001"));
}

#[test]
fn human_summary_without_findings() {
    let report = Report {
        files_checked: 1,
        ..Report::default()
    };
    let output = render(|out| write_human(&report, &NoSources, out));
    assert_eq!(output, "Geen bevindingen in 1 bestand.\n");
}

fn odd_diagnostic(range: TextRange, location: Position, end_location: Position) -> Diagnostic {
    Diagnostic {
        code: "RAND-001".to_string(),
        name: "randgeval".to_string(),
        severity: Severity::Error,
        message: "Bereik buiten de tekst.".to_string(),
        filename: VOORSTEL.to_string(),
        range,
        location,
        end_location,
        url: None,
        help: Some("geen".to_string()),
        related: vec![],
        fix: None,
    }
}

/// Ranges past the end, inside a multi-byte char, reversed, at EOF, on
/// empty and odd sources: no renderer may panic.
#[test]
fn inconsistent_ranges_do_not_panic() {
    let beeindiging = VOORSTEL_TEXT.find("beëindiging").unwrap();
    let ranges = [
        TextRange {
            start: 10_000,
            end: 20_000,
        },
        TextRange {
            start: 5,
            end: 20_000,
        },
        TextRange {
            start: beeindiging + 3,
            end: beeindiging + 4,
        },
        TextRange { start: 30, end: 2 },
        TextRange::empty(VOORSTEL_TEXT.len()),
        TextRange::empty(0),
        TextRange {
            start: usize::MAX - 1,
            end: usize::MAX,
        },
    ];
    let texts = [
        VOORSTEL_TEXT,
        "",
        "\n",
        "é",
        "zonder regeleinde",
        "\r\n\r\n",
        "\r",
        "\t\tinspringing\u{0}\u{1b}[31m",
    ];
    let positions = [
        (Position::new(0, 0), Position::new(0, 0)),
        (Position::new(999, 999), Position::new(1, 1)),
        (
            Position::new(u32::MAX, u32::MAX),
            Position::new(u32::MAX, 1),
        ),
    ];
    for text in texts {
        let sources = HashMap::from([(VOORSTEL.to_string(), text.to_string())]);
        for range in ranges {
            for (location, end_location) in positions {
                let report = Report {
                    diagnostics: vec![odd_diagnostic(range, location, end_location)],
                    files_checked: 1,
                    ..Report::default()
                };
                for format in OutputFormat::ALL {
                    for color in [false, true] {
                        let options = HumanOptions { color, width: 0 };
                        let output =
                            render(|out| write_report(format, &report, &sources, &options, out));
                        if format == OutputFormat::Human {
                            assert!(output.contains("RAND-001"), "{output}");
                            assert!(output.contains("1 bevinding"), "{output}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn human_range_past_end_still_shows_snippet() {
    let report = Report {
        diagnostics: vec![odd_diagnostic(
            TextRange {
                start: VOORSTEL_TEXT.len() - 10,
                end: 10_000,
            },
            Position::new(5, 68),
            Position::new(6, 1),
        )],
        files_checked: 1,
        ..Report::default()
    };
    let output = render(|out| write_human(&report, &sources(), out));
    insta::assert_snapshot!("human_range_past_end", output);
}

#[test]
fn sarif_snapshot() {
    let output = render(|out| write_sarif(&report(), &sources(), out));
    // The version is not part of the snapshot.
    let output = output.replace(env!("CARGO_PKG_VERSION"), "[version]");
    insta::assert_snapshot!("sarif", output);
}

#[test]
fn junit_snapshot() {
    let output = render(|out| write_junit(&report(), &sources(), out));
    insta::assert_snapshot!("junit", output);
}

#[test]
fn junit_of_empty_report() {
    let output = render(|out| write_junit(&Report::default(), &NoSources, out));
    assert_eq!(
        output,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <testsuites name=\"wetlint\" tests=\"0\" failures=\"0\" errors=\"0\">\n\
         </testsuites>\n"
    );
}

#[test]
fn github_snapshot() {
    let output = render(|out| write_github(&report(), &sources(), out));
    assert_eq!(output.lines().count(), 5, "one command per line");
    insta::assert_snapshot!("github", output);
}

/// The fixture with TEKEN-005 three times and TAAL-001 twice.
fn statistics_report() -> Report {
    let mut report = report();
    let tekens = report
        .diagnostics
        .iter()
        .find(|d| d.code == "TEKEN-005")
        .unwrap()
        .clone();
    let taal = report
        .diagnostics
        .iter()
        .find(|d| d.code == "TAAL-001")
        .unwrap()
        .clone();
    report.diagnostics.extend([tekens.clone(), tekens, taal]);
    report
}

#[test]
fn statistics_snapshot() {
    let output = render(|out| write_statistics(&statistics_report(), out));
    insta::assert_snapshot!("statistics", output);
}

#[test]
fn statistics_json_snapshot() {
    let output = render(|out| write_statistics_json(&statistics_report(), out));
    insta::assert_snapshot!("statistics_json", output);
}

#[test]
fn dispatch_matches_direct_calls() {
    let report = report();
    let sources = sources();
    let options = HumanOptions::default();
    for format in OutputFormat::ALL {
        let via_dispatch = render(|out| write_report(format, &report, &sources, &options, out));
        let direct = render(|out| match format {
            OutputFormat::Human => write_human(&report, &sources, out),
            OutputFormat::Concise => write_concise(&report, &sources, out),
            OutputFormat::Json => write_json(&report, &sources, out),
            OutputFormat::JsonLines => write_json_lines(&report, &sources, out),
            OutputFormat::Sarif => write_sarif(&report, &sources, out),
            OutputFormat::Junit => write_junit(&report, &sources, out),
            OutputFormat::Github => write_github(&report, &sources, out),
        });
        assert_eq!(via_dispatch, direct, "{format}");
    }
}

#[test]
fn output_does_not_depend_on_input_order() {
    let mut sorted = report();
    sorted.sort();
    let original = report();
    assert_ne!(sorted.diagnostics, original.diagnostics);
    for format in OutputFormat::ALL {
        let options = HumanOptions::default();
        let a = render(|out| write_report(format, &original, &sources(), &options, out));
        let b = render(|out| write_report(format, &sorted, &sources(), &options, out));
        assert_eq!(a, b, "{format}");
    }
    // Ensure the fixture really spans two files.
    assert!(sorted.diagnostics.iter().any(|d| d.filename == TOELICHTING));
}

/// miette counts columns in bytes; the snippet header must use chars, like
/// `Position`, also after multi-byte characters on the same line.
#[test]
fn human_header_columns_count_chars() {
    let diagnostic = common::diagnostic(
        "KOL-001",
        "kolom",
        Severity::Info,
        "Na een ë.",
        VOORSTEL,
        VOORSTEL_TEXT,
        "subsidie",
    );
    let column = diagnostic.location.column;
    let line = VOORSTEL_TEXT.lines().nth(1).unwrap();
    assert_ne!(
        column as usize,
        line.find("subsidie").unwrap() + 1,
        "the fixture must have a multi-byte char before the range"
    );
    let report = Report {
        diagnostics: vec![diagnostic],
        files_checked: 1,
        ..Report::default()
    };
    let output = render(|out| write_human(&report, &sources(), out));
    assert!(
        output.contains(&format!("[wetten/voorstel.txt:2:{column}]")),
        "{output}"
    );
}

/// Control characters in the source and messages never reach the terminal.
#[test]
fn human_output_has_no_control_characters() {
    let text = "Artikel 1\u{1b}[31m\r\nDe \u{7}minister\rbeslist.\n";
    let diagnostic = common::diagnostic(
        "CTRL-001",
        "stuurteken\u{1b}[0m",
        Severity::Warning,
        "Bericht met \u{1b}[2J escape.",
        VOORSTEL,
        text,
        "minister",
    );
    let report = Report {
        diagnostics: vec![diagnostic],
        files_checked: 1,
        ..Report::default()
    };
    let sources = HashMap::from([(VOORSTEL.to_string(), text.to_string())]);
    for source in [
        &sources as &dyn wetlint_diagnostics::SourceLookup,
        &NoSources,
    ] {
        let output = render(|out| write_human(&report, source, out));
        assert!(
            !output.chars().any(|c| c.is_control() && c != '\n'),
            "{output:?}"
        );
        assert!(output.contains("CTRL-001"), "{output}");
    }
}

/// The JUnit output is well-formed XML whose totals match its test cases,
/// and escaped text reads back as the original (minus forbidden chars).
#[test]
fn junit_is_well_formed_and_consistent() {
    let output = render(|out| write_junit(&report(), &sources(), out));
    let document = roxmltree::Document::parse(&output).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let count = |node: roxmltree::Node, tag: &str| {
        node.descendants()
            .filter(|n| n.tag_name().name() == tag)
            .count()
            .to_string()
    };
    assert_eq!(
        root.attribute("tests"),
        Some(count(root, "testcase").as_str())
    );
    assert_eq!(
        root.attribute("failures"),
        Some(count(root, "failure").as_str())
    );
    assert_eq!(
        root.attribute("errors"),
        Some(count(root, "error").as_str())
    );
    for suite in root.children().filter(|n| n.is_element()) {
        assert_eq!(
            suite.attribute("tests"),
            Some(count(suite, "testcase").as_str())
        );
        assert_eq!(
            suite.attribute("failures"),
            Some(count(suite, "failure").as_str())
        );
        assert_eq!(
            suite.attribute("errors"),
            Some(count(suite, "error").as_str())
        );
    }
    let message = document
        .descendants()
        .find(|n| n.attribute("type") == Some("TEKEN-005"))
        .and_then(|n| n.attribute("message"))
        .unwrap();
    assert_eq!(
        message,
        "Vermijd \"snel\", <beslist>, & en 50% in wetgeving: 'zo, niet anders'.\nTweede regel\tmet tab en bel ."
    );
}
