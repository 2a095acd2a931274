#![allow(dead_code)]

//! The target functions, shared by the libFuzzer targets and the stable
//! runner (`stable/`, which includes this file). Each reads the input with
//! `wetlint_formats`, parses every document with `wetlint_syntax` and maps
//! spans back through the source map; any panic is a finding.

use std::path::Path;

/// Parses each converted document and exercises its source map.
fn check_docs(docs: Vec<wetlint_formats::Converted>) {
    for d in docs {
        let doc = wetlint_syntax::parse(&d.text, None);
        for a in &doc.articles {
            let _ = d.map.locate_range(a.heading.start, a.heading.end);
            let _ = d.map.source_range(a.span.start, a.span.end);
        }
        for r in &doc.references {
            let _ = d.map.locate_range(r.span.start, r.span.end);
        }
        let _ = d.map.locate(d.text.len());
        let _ = d.map.locate(d.text.len() + 10);
    }
}

/// BWB: the BWB reader directly, and `read` with detection.
pub fn bwb(data: &[u8]) {
    if let Ok(docs) = wetlint_formats::bwb::read(data) {
        check_docs(docs);
    }
    if let Ok(docs) = wetlint_formats::read(Path::new("fuzz.xml"), data) {
        check_docs(docs);
    }
}

/// STOP/IMOP.
pub fn stop(data: &[u8]) {
    if let Ok(docs) = wetlint_formats::stop::read(data) {
        check_docs(docs);
    }
    if let Ok(docs) = wetlint_formats::read(Path::new("fuzz.xml"), data) {
        check_docs(docs);
    }
}

/// Officiële publicaties.
pub fn op(data: &[u8]) {
    if let Ok(docs) = wetlint_formats::op::read(data) {
        check_docs(docs);
    }
    if let Ok(docs) = wetlint_formats::read(Path::new("fuzz.md"), data) {
        check_docs(docs);
    }
}

/// The whole engine on Markdown input: every rule (stable and preview) in
/// the concept and batch profiles, with and without a paired toelichting
/// made of the same text. The engine turns a panicking rule into an
/// "interne fout" finding so a run survives it; here that is a crash.
pub fn lint(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(data) = wetlint_data::Data::builtin() else {
        return;
    };
    let doc = wetlint_syntax::parse(text, Some("fuzz.md"));
    let toel_text = format!("# Memorie van toelichting\n\n{text}");
    let toel = wetlint_syntax::parse(&toel_text, Some("memorie-van-toelichting.md"));
    let _ = wetlint_syntax::outline::to_text(&doc, text, "fuzz.md");
    for profile in [wetlint_linter::Profile::Concept, wetlint_linter::Profile::Batch] {
        let mut settings = wetlint_linter::Settings {
            profile,
            ..wetlint_linter::Settings::default()
        };
        settings.selection.preview = true;
        let reg = wetlint_linter::Source {
            path: "fuzz.md",
            text,
            doc: &doc,
        };
        let t = wetlint_linter::Source {
            path: "memorie-van-toelichting.md",
            text: &toel_text,
            doc: &toel,
        };
        for input in [
            wetlint_linter::Input {
                regeling: Some(reg),
                toelichting: None,
            },
            wetlint_linter::Input {
                regeling: Some(reg),
                toelichting: Some(t),
            },
        ] {
            for d in wetlint_linter::check(&input, &settings, data) {
                assert!(
                    !d.message.starts_with("interne fout"),
                    "{}: {}",
                    d.code,
                    d.message
                );
            }
        }
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A stored (uncompressed) zip of the given entries.
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let len = data.len() as u32;
        let mut header = Vec::new();
        header.extend_from_slice(&[0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]);
        header.extend_from_slice(&crc.to_le_bytes());
        header.extend_from_slice(&len.to_le_bytes());
        header.extend_from_slice(&len.to_le_bytes());
        header.extend_from_slice(&(name.len() as u16).to_le_bytes());
        header.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&header);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&[
            0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0,
        ]);
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&len.to_le_bytes());
        central.extend_from_slice(&len.to_le_bytes());
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

/// .docx: a real zip as is; anything else is split on NUL bytes into
/// document.xml, styles.xml and numbering.xml and packed into a stored zip,
/// so the mutations reach the XML handling and not only the zip reader.
pub fn docx(data: &[u8]) {
    if data.starts_with(b"PK") {
        if let Ok(docs) = wetlint_formats::docx::read(data) {
            check_docs(docs);
        }
        return;
    }
    let mut parts = data.splitn(3, |b| *b == 0);
    let document = parts.next().unwrap_or(&[]);
    let styles = parts.next().unwrap_or(&[]);
    let numbering = parts.next().unwrap_or(&[]);
    let zip = stored_zip(&[
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
    ]);
    if let Ok(docs) = wetlint_formats::read(Path::new("fuzz.docx"), &zip) {
        check_docs(docs);
    }
}

/// The grammar and document model on arbitrary text.
pub fn markdown(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let doc = wetlint_syntax::parse(&text, Some("fuzz.md"));
    for a in &doc.articles {
        let _ = doc.line_index.line_col(&text, a.heading.start);
    }
    // Incremental reparse after deleting the middle third.
    let (a, b) = (text.len() / 3, 2 * text.len() / 3);
    if text.is_char_boundary(a) && text.is_char_boundary(b) {
        let new = format!("{}{}", &text[..a], &text[b..]);
        let mut tree = wetlint_syntax::SyntaxTree::new(&text);
        tree.edit(
            &text,
            &new,
            wetlint_syntax::TextEdit {
                old_start: a,
                old_end: b,
                new_len: 0,
            },
        );
        let _ = tree.document(&new, None);
    }
}
