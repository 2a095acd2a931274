//! The `sarif` output format: a SARIF 2.1.0 log with one run, written with
//! hand-rolled serde structs.
//!
//! * `tool.driver.rules` lists [`Report::rules`], followed by a minimal entry
//!   for every code that occurs in a diagnostic but not in the rules, so
//!   that every result has a valid `ruleIndex`.
//! * Results carry `ruleId`, `ruleIndex`, `level` (`error`, `warning`,
//!   `note`), `message.text`, one location, `relatedLocations` and `fixes`.
//! * Columns are Unicode code points (`run.columnKind` says so), matching
//!   [`crate::Position`].
//! * File errors become `invocations[0].toolExecutionNotifications`, and
//!   `executionSuccessful` is false when there are any.
//! * Artifact URIs are relative references with forward slashes and
//!   percent-encoding (see [`path_to_uri`]).
//!
//! The output is validated against the official SARIF 2.1.0 JSON schema in
//! this crate's tests.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Diagnostic, Position, Report, Severity, sorted_diagnostics, sorted_errors};
use crate::source::SourceLookup;

/// The `$schema` of the emitted log.
pub const SARIF_SCHEMA_URI: &str = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

/// The SARIF version of the emitted log.
pub const SARIF_VERSION: &str = "2.1.0";

/// `tool.driver.informationUri`: the package homepage (or repository) from
/// Cargo metadata, if one is set; otherwise the property is left out.
fn information_uri() -> Option<&'static str> {
    [
        option_env!("CARGO_PKG_HOMEPAGE"),
        option_env!("CARGO_PKG_REPOSITORY"),
    ]
    .into_iter()
    .flatten()
    .find(|uri| !uri.is_empty())
}

#[derive(Serialize)]
struct SarifLog<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: Vec<Invocation>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    version: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<&'a str>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

impl Text {
    fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize, Clone, Copy)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

impl Region {
    /// A region from 1-based positions; zeros are raised to 1 and an end
    /// before the start is moved to the start, as SARIF requires.
    fn new(start: Position, end: Position) -> Self {
        let start = start.at_least_one();
        let end = end.at_least_one().max(start);
        Self {
            start_line: start.row,
            start_column: start.column,
            end_line: Some(end.row),
            end_column: Some(end.column),
        }
    }

    /// A region that only says where it starts.
    fn point(start: Position) -> Self {
        let start = start.at_least_one();
        Self {
            start_line: start.row,
            start_column: start.column,
            end_line: None,
            end_column: None,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(filename: &str, region: Option<Region>) -> Location {
    Location {
        id: None,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: path_to_uri(filename),
            },
            region,
        },
        message: None,
    }
}

/// Converts a displayed path to a SARIF artifact URI: backslashes become
/// `/`, a leading `./` is dropped, everything but unreserved characters and
/// `/` is percent-encoded (UTF-8), and absolute paths become `file://` URIs
/// (`/a b` → `file:///a%20b`, `C:\x` → `file:///C:/x`).
pub fn path_to_uri(path: &str) -> String {
    let mut path = path.replace('\\', "/");
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.to_string();
    }
    let bytes = path.as_bytes();
    let (prefix, rest) = if bytes.len() >= 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && (bytes.len() == 2 || bytes[2] == b'/')
    {
        // Windows drive path: keep the drive colon.
        (format!("file:///{}:", char::from(bytes[0])), &path[2..])
    } else if path.starts_with("//") {
        // UNC path //server/share.
        ("file:".to_string(), path.as_str())
    } else if path.starts_with('/') {
        ("file://".to_string(), path.as_str())
    } else {
        (String::new(), path.as_str())
    };
    let mut uri = prefix;
    for byte in rest.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// Builds the rule list and an index from code to position in it.
fn rules<'a>(
    report: &'a Report,
    diagnostics: &[&'a Diagnostic],
) -> (Vec<Rule<'a>>, HashMap<&'a str, usize>) {
    let mut rules = Vec::new();
    let mut index = HashMap::new();
    for rule in &report.rules {
        if index.contains_key(rule.code.as_str()) {
            continue;
        }
        index.insert(rule.code.as_str(), rules.len());
        rules.push(Rule {
            id: &rule.code,
            name: &rule.name,
            short_description: Text::new(if rule.summary.is_empty() {
                &rule.name
            } else {
                &rule.summary
            }),
            help_uri: rule.url.as_deref(),
            default_configuration: Configuration {
                level: level(rule.default_severity),
            },
        });
    }
    for diagnostic in diagnostics {
        if index.contains_key(diagnostic.code.as_str()) {
            continue;
        }
        index.insert(diagnostic.code.as_str(), rules.len());
        rules.push(Rule {
            id: &diagnostic.code,
            name: &diagnostic.name,
            short_description: Text::new(&diagnostic.name),
            help_uri: diagnostic.url.as_deref(),
            default_configuration: Configuration {
                level: level(diagnostic.severity),
            },
        });
    }
    (rules, index)
}

fn result<'a>(diagnostic: &'a Diagnostic, rule_index: usize) -> SarifResult<'a> {
    let related_locations = diagnostic
        .related
        .iter()
        .enumerate()
        .map(|(id, related)| Location {
            id: Some(id),
            message: Some(Text::new(&related.message)),
            ..location(
                &related.filename,
                Some(Region::new(related.location, related.end_location)),
            )
        })
        .collect();
    let fixes = diagnostic
        .fix
        .iter()
        .map(|fix| {
            // Group edits per file, keeping the order of first appearance.
            let mut changes: Vec<(&str, Vec<Replacement>)> = Vec::new();
            for edit in &fix.edits {
                let replacement = Replacement {
                    deleted_region: Region::new(edit.location, edit.end_location),
                    inserted_content: Text::new(&edit.content),
                };
                match changes
                    .iter_mut()
                    .find(|(filename, _)| *filename == edit.filename)
                {
                    Some((_, replacements)) => replacements.push(replacement),
                    None => changes.push((&edit.filename, vec![replacement])),
                }
            }
            SarifFix {
                description: Text::new(&fix.message),
                artifact_changes: changes
                    .into_iter()
                    .map(|(filename, replacements)| ArtifactChange {
                        artifact_location: ArtifactLocation {
                            uri: path_to_uri(filename),
                        },
                        replacements,
                    })
                    .collect(),
            }
        })
        // SARIF requires at least one artifact change per fix.
        .filter(|fix| !fix.artifact_changes.is_empty())
        .collect();
    SarifResult {
        rule_id: &diagnostic.code,
        rule_index,
        level: level(diagnostic.severity),
        message: Text::new(&diagnostic.message),
        locations: vec![location(
            &diagnostic.filename,
            Some(Region::new(diagnostic.location, diagnostic.end_location)),
        )],
        related_locations,
        fixes,
    }
}

/// Writes `report` as a pretty-printed SARIF 2.1.0 log. `sources` is not used.
pub fn write_sarif(
    report: &Report,
    _sources: &dyn SourceLookup,
    out: &mut dyn Write,
) -> io::Result<()> {
    let diagnostics = sorted_diagnostics(&report.diagnostics);
    let (rules, rule_index) = rules(report, &diagnostics);
    let results = diagnostics
        .iter()
        .map(|diagnostic| {
            let index = rule_index
                .get(diagnostic.code.as_str())
                .copied()
                .unwrap_or_default();
            result(diagnostic, index)
        })
        .collect();
    let notifications = sorted_errors(&report.errors)
        .into_iter()
        .map(|error| Notification {
            level: "error",
            message: Text::new(&error.message),
            locations: vec![location(&error.filename, error.location.map(Region::point))],
        })
        .collect();
    let log = SarifLog {
        schema: SARIF_SCHEMA_URI,
        version: SARIF_VERSION,
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "wetlint",
                    information_uri: information_uri(),
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            invocations: vec![Invocation {
                execution_successful: report.errors.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(path_to_uri("wetten/voorstel.xml"), "wetten/voorstel.xml");
        assert_eq!(path_to_uri("./a b/c.xml"), "a%20b/c.xml");
        assert_eq!(path_to_uri("dir\\wet 1.xml"), "dir/wet%201.xml");
        assert_eq!(path_to_uri("beëindiging.xml"), "be%C3%ABindiging.xml");
        assert_eq!(path_to_uri("100%#?.xml"), "100%25%23%3F.xml");
        assert_eq!(path_to_uri("a:b.xml"), "a%3Ab.xml");
        assert_eq!(path_to_uri("/tmp/a b.xml"), "file:///tmp/a%20b.xml");
        assert_eq!(path_to_uri("C:\\wet\\a.xml"), "file:///C:/wet/a.xml");
        assert_eq!(
            path_to_uri("//server/share/a.xml"),
            "file://server/share/a.xml"
        );
        assert_eq!(path_to_uri(""), "");
    }

    #[test]
    fn regions_are_valid_for_bad_positions() {
        let region = Region::new(Position::new(0, 0), Position::new(0, 0));
        assert_eq!((region.start_line, region.start_column), (1, 1));
        assert_eq!((region.end_line, region.end_column), (Some(1), Some(1)));
        let region = Region::new(Position::new(3, 4), Position::new(2, 9));
        assert_eq!((region.end_line, region.end_column), (Some(3), Some(4)));
    }
}
