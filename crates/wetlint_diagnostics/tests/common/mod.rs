//! Shared test fixture: a small hand-built report over two files, with
//! diagnostics of every severity, related information, a fix, a file error,
//! Dutch diacritics and characters that need escaping in every format.
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::HashMap;

use wetlint_diagnostics::{
    Applicability, Diagnostic, Edit, FileError, Fix, LineIndex, Position, Related, Report,
    RuleInfo, Severity, TextRange,
};

pub const VOORSTEL: &str = "wetten/voorstel.txt";
/// A name with a space and a comma, which SARIF and GitHub must escape.
pub const TOELICHTING: &str = "wetten/memorie van toelichting, versie 2.txt";
pub const KAPOT: &str = "wetten/kapot.txt";

pub const VOORSTEL_TEXT: &str = "Artikel 1\n\
De minister dient te beslissen over de beëindiging van de subsidie.\n\
\n\
Artikel 2\n\
Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip.\n";

pub const TOELICHTING_TEXT: &str = "Memorie van toelichting\n\
Het idee is dat de Minister \"snel\" <beslist> & 50% van de aanvragen toekent.\n";

/// The sources of both files.
pub fn sources() -> HashMap<String, String> {
    HashMap::from([
        (VOORSTEL.to_string(), VOORSTEL_TEXT.to_string()),
        (TOELICHTING.to_string(), TOELICHTING_TEXT.to_string()),
    ])
}

/// The byte range of the first occurrence of `needle` in `text`.
pub fn range_of(text: &str, needle: &str) -> TextRange {
    let start = text.find(needle).unwrap();
    TextRange::new(start, start + needle.len())
}

/// A diagnostic at the first occurrence of `needle` in `filename`'s `text`.
pub fn diagnostic(
    code: &str,
    name: &str,
    severity: Severity,
    message: &str,
    filename: &str,
    text: &str,
    needle: &str,
) -> Diagnostic {
    let range = range_of(text, needle);
    let (location, end_location) = LineIndex::new(text).positions(text, range);
    Diagnostic {
        code: code.to_string(),
        name: name.to_string(),
        severity,
        message: message.to_string(),
        filename: filename.to_string(),
        range,
        location,
        end_location,
        url: None,
        help: None,
        related: Vec::new(),
        fix: None,
    }
}

fn related(filename: &str, text: &str, needle: &str, message: &str) -> Related {
    let range = range_of(text, needle);
    let (location, end_location) = LineIndex::new(text).positions(text, range);
    Related {
        filename: filename.to_string(),
        location,
        end_location,
        range,
        message: message.to_string(),
    }
}

fn url(code: &str) -> Option<String> {
    Some(format!("https://wetlint.example/regels/{code}"))
}

fn rule(code: &str, name: &str, summary: &str, severity: Severity) -> RuleInfo {
    RuleInfo {
        code: code.to_string(),
        name: name.to_string(),
        summary: summary.to_string(),
        url: url(code),
        default_severity: severity,
    }
}

/// The fixture report. Diagnostics are deliberately out of order.
pub fn report() -> Report {
    // Error with a safe fix and help.
    let mut dient_te = diagnostic(
        "TAAL-001",
        "dient-te",
        Severity::Error,
        "Gebruik 'moet' in plaats van 'dient te'.",
        VOORSTEL,
        VOORSTEL_TEXT,
        "dient te",
    );
    dient_te.url = url("TAAL-001");
    dient_te.help = Some("Schrijf in plaats daarvan: 'De minister moet beslissen'.".to_string());
    let range = dient_te.range;
    dient_te.fix = Some(Fix {
        message: "Vervang 'dient te' door 'moet'".to_string(),
        applicability: Applicability::Safe,
        edits: vec![Edit {
            filename: VOORSTEL.to_string(),
            range,
            location: dient_te.location,
            end_location: dient_te.end_location,
            content: "moet".to_string(),
        }],
    });

    // Warning with related information in the other file.
    let mut minister = diagnostic(
        "HOOF-003",
        "minister-hoofdletter",
        Severity::Warning,
        "Schrijf 'minister' met een kleine letter.",
        TOELICHTING,
        TOELICHTING_TEXT,
        "Minister",
    );
    minister.url = url("HOOF-003");
    minister.related = vec![related(
        VOORSTEL,
        VOORSTEL_TEXT,
        "minister",
        "in het voorstel staat wél 'minister'",
    )];

    // Info with diacritics, no URL.
    let besluit = diagnostic(
        "INFO-004",
        "inwerkingtreding-bij-kb",
        Severity::Info,
        "Inwerkingtreding bij koninklijk besluit: vermeld dit in de toelichting (geëvalueerd, één keer).",
        VOORSTEL,
        VOORSTEL_TEXT,
        "koninklijk besluit",
    );

    // Warning whose message needs escaping everywhere; the rule is not in
    // `Report::rules`.
    let mut tekens = diagnostic(
        "TEKEN-005",
        "bijzondere-tekens",
        Severity::Warning,
        "Vermijd \"snel\", <beslist>, & en 50% in wetgeving: 'zo, niet anders'.\nTweede regel\tmet tab en bel \u{7}.",
        TOELICHTING,
        TOELICHTING_TEXT,
        "\"snel\" <beslist> & 50%",
    );
    tekens.help = Some("Gebruik <geen> opmaak & geen \"aanhalingstekens\".".to_string());

    Report {
        diagnostics: vec![tekens, besluit, minister, dient_te],
        errors: vec![FileError {
            filename: KAPOT.to_string(),
            location: Some(Position::new(3, 7)),
            message: "bestand is geen geldige UTF-8 (byte 1234)".to_string(),
        }],
        files_checked: 3,
        rules: vec![
            rule(
                "TAAL-001",
                "dient-te",
                "Schrijf 'moet' in plaats van 'dient te'.",
                Severity::Error,
            ),
            rule(
                "HOOF-003",
                "minister-hoofdletter",
                "Ambtstitels met een kleine letter.",
                Severity::Warning,
            ),
            rule(
                "INFO-004",
                "inwerkingtreding-bij-kb",
                "Meldt inwerkingtreding bij koninklijk besluit.",
                Severity::Info,
            ),
        ],
    }
}

/// Runs a renderer into a string.
pub fn render(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}
