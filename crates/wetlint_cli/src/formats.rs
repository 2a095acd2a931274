//! Files in other formats than text: BWB, STOP and officiële-publicaties XML
//! and Word .docx go through `wetlint_formats`, which turns each into one or
//! more virtual Markdown documents with a source map. They are parsed and
//! checked like any text; afterwards every diagnostic's location (and its
//! related locations) is mapped back to the source file: line and column in
//! the XML, paragraph number and character offset for .docx. Fixes are
//! dropped for these formats (they would edit the virtual text).
//!
//! A source that yields several documents (a STOP besluit with the
//! regulation it establishes and its toelichting) gets one `Parsed` per part,
//! named `file.xml#regeling`, `file.xml#toelichting`, …; a regulation and its
//! toelichting from one file are checked as an explicit pair. Diagnostics
//! carry the real file name again after mapping.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use wetlint_diagnostics::{Diagnostic, FileError, Position, TextRange};
use wetlint_formats::{Converted, Format, SourceMap};

use crate::check::Parsed;
use crate::input;

/// What a converted part needs for mapping back.
pub struct Mapped {
    /// Display name of the real source file.
    pub source_display: String,
    pub map: SourceMap,
    pub format: Format,
    /// The toelichting part checked together with this regulation part.
    pub partner: Option<PathBuf>,
}

/// The first bytes of a regular file, for detection by content.
fn head(path: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let mut buf = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(8 * 1024)
        .read_to_end(&mut buf)
        .ok()?;
    Some(buf)
}

/// True if the file is XML or .docx (by extension or by content).
pub fn is_converted(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if ext == "xml" || ext == "docx" {
        return true;
    }
    head(path).is_some_and(|h| wetlint_formats::detect(path, &h).is_converted())
}

fn read_bytes(path: &Path, display: &str) -> Result<Vec<u8>, FileError> {
    let err = |message: String| FileError {
        filename: display.to_string(),
        location: None,
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| err(describe_io(&e)))?;
    if !meta.is_file() {
        return Err(err(if meta.is_dir() {
            "is een map, geen bestand".into()
        } else {
            "geen gewoon bestand (bijvoorbeeld een pipe of apparaat)".into()
        }));
    }
    if meta.len() > input::MAX_BYTES {
        return Err(err(format!(
            "het bestand is te groot ({} MB; de grens is {} MB)",
            meta.len() / 1_000_000,
            input::MAX_BYTES / 1_000_000
        )));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(input::MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| err(describe_io(&e)))?;
    if bytes.is_empty() {
        return Err(err("het bestand is leeg".into()));
    }
    Ok(bytes)
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "bestand of map bestaat niet".into(),
        std::io::ErrorKind::PermissionDenied => "geen leesrechten".into(),
        _ => format!("kan het bestand niet lezen: {e}"),
    }
}

/// Reads a converted file into its documents, or the Dutch error.
pub fn convert(path: &Path, display: &str) -> Result<Vec<Converted>, FileError> {
    let bytes = read_bytes(path, display)?;
    wetlint_formats::read(path, &bytes).map_err(|e| FileError {
        filename: display.to_string(),
        location: e
            .row
            .zip(e.column)
            .map(|(row, column)| Position { row, column }),
        message: e.message,
    })
}

/// Reads a text file (not XML or .docx); a problem becomes a [`FileError`]
/// naming the file and, where it applies, the position.
pub fn read_text(path: &Path, display: &str) -> Result<String, FileError> {
    input::read_text(path).map_err(|(message, pos)| FileError {
        filename: display.to_string(),
        location: pos.map(|(row, column)| Position { row, column }),
        message,
    })
}

/// Reads and parses one input file: text as before, other formats through
/// the readers (one `Parsed` per document).
pub fn load(path: &Path, display: String) -> Result<Vec<Parsed>, FileError> {
    let name = path.file_name().and_then(|n| n.to_str());
    if !is_converted(path) {
        let text = read_text(path, &display)?;
        let doc = wetlint_syntax::parse(&text, name);
        return Ok(vec![Parsed {
            display,
            path: path.to_path_buf(),
            text,
            doc,
            mapped: None,
        }]);
    }
    let docs = convert(path, &display)?;
    let multi = docs.len() > 1;
    let mut seen: HashSet<String> = HashSet::new();
    let mut out: Vec<Parsed> = Vec::with_capacity(docs.len());
    let pairs = wetlint_formats::pairs(&docs);
    for d in docs {
        let mut part = d.name.clone();
        let mut n = 2;
        while !seen.insert(part.clone()) {
            part = format!("{}-{n}", d.name);
            n += 1;
        }
        let (p, disp) = if multi {
            (
                PathBuf::from(format!("{}#{part}", path.display())),
                format!("{display}#{part}"),
            )
        } else {
            (path.to_path_buf(), display.clone())
        };
        let doc = wetlint_syntax::parse(&d.text, name);
        out.push(Parsed {
            display: disp,
            path: p,
            text: d.text,
            doc,
            mapped: Some(Mapped {
                source_display: display.clone(),
                map: d.map,
                format: d.format,
                partner: None,
            }),
        });
    }
    for (r, t) in pairs {
        if let (Some(r), Some(t)) = (r, t) {
            let tp = out.get(t).map(|p| p.path.clone());
            if let Some(m) = out.get_mut(r).and_then(|p| p.mapped.as_mut()) {
                m.partner = tp;
            }
        }
    }
    Ok(out)
}

/// Explicit (regulation, toelichting) pairs of parts read from one file.
pub fn pairs(parsed: &[Parsed]) -> Vec<(PathBuf, PathBuf)> {
    parsed
        .iter()
        .filter_map(|p| {
            let t = p.mapped.as_ref()?.partner.clone()?;
            Some((p.path.clone(), t))
        })
        .collect()
}

fn map_location(m: &Mapped, range: TextRange) -> (Position, Position, TextRange) {
    let ((r1, c1), (r2, c2)) = m.map.locate_range(range.start, range.end);
    // XML ranges become byte ranges in the source file; .docx has no text,
    // so its range stays in wetlint's internal text (only for ordering).
    let range = m
        .map
        .source_range(range.start, range.end)
        .map_or(range, |(s, e)| TextRange::new(s, e));
    (Position::new(r1, c1), Position::new(r2, c2), range)
}

/// Maps the locations of diagnostics in converted parts back to their
/// source files and gives them the real file name; drops their fixes.
pub fn map_back(diagnostics: &mut [Diagnostic], parsed: &[Parsed]) {
    let by_display: HashMap<&str, &Mapped> = parsed
        .iter()
        .filter_map(|p| Some((p.display.as_str(), p.mapped.as_ref()?)))
        .collect();
    if by_display.is_empty() {
        return;
    }
    for d in diagnostics.iter_mut() {
        let mut touched = false;
        if let Some(m) = by_display.get(d.filename.as_str()) {
            let (loc, end, range) = map_location(m, d.range);
            d.location = loc;
            d.end_location = end;
            d.range = range;
            d.filename = m.source_display.clone();
            touched = true;
        }
        for r in d.related.iter_mut() {
            if let Some(m) = by_display.get(r.filename.as_str()) {
                let (loc, end, range) = map_location(m, r.range);
                r.location = loc;
                r.end_location = end;
                r.range = range;
                r.filename = m.source_display.clone();
                touched = true;
            }
        }
        if touched {
            d.fix = None;
        }
    }
}

fn remap_json(
    v: &mut serde_json::Value,
    doc: &wetlint_syntax::Document,
    text: &str,
    map: &SourceMap,
) {
    match v {
        serde_json::Value::Object(o) => {
            let pos = (
                o.get("row").and_then(serde_json::Value::as_u64),
                o.get("column").and_then(serde_json::Value::as_u64),
            );
            if let (Some(row), Some(column), 2) = (pos.0, pos.1, o.len()) {
                let off = doc.line_index.offset(
                    text,
                    wetlint_syntax::LineCol {
                        row: row as u32,
                        column: column as u32,
                    },
                );
                let (r, c) = map.locate(off);
                o.insert("row".into(), r.into());
                o.insert("column".into(), c.into());
                return;
            }
            for x in o.values_mut() {
                remap_json(x, doc, text, map);
            }
        }
        serde_json::Value::Array(a) => {
            for x in a.iter_mut() {
                remap_json(x, doc, text, map);
            }
        }
        _ => {}
    }
}

/// Maps a "row:column " prefix of an outline text line.
fn remap_text_line(
    line: &str,
    doc: &wetlint_syntax::Document,
    text: &str,
    map: &SourceMap,
) -> String {
    let Some((pos, rest)) = line.split_once(' ') else {
        return line.to_string();
    };
    let Some((r, c)) = pos.split_once(':') else {
        return line.to_string();
    };
    let (Ok(row), Ok(column)) = (r.parse::<u32>(), c.parse::<u32>()) else {
        return line.to_string();
    };
    let off = doc
        .line_index
        .offset(text, wetlint_syntax::LineCol { row, column });
    let (r, c) = map.locate(off);
    format!("{r}:{c} {rest}")
}

/// `wetlint outline` for a converted file: `None` if the file is text.
/// Positions are mapped back to the source; a file with several parts
/// prints each (JSON: an array).
pub fn outline(file: &Path, json: bool) -> Option<u8> {
    if !is_converted(file) {
        return None;
    }
    let display = file.display().to_string();
    let parts = match load(file, display.clone()) {
        Ok(p) => p,
        Err(e) => {
            let pos = e
                .location
                .map(|p| format!(":{}:{}", p.row, p.column))
                .unwrap_or_default();
            eprintln!("wetlint: {display}{pos}: {}", e.message);
            return Some(2);
        }
    };
    let mut values = Vec::new();
    let mut texts = Vec::new();
    for p in &parts {
        let Some(m) = &p.mapped else { continue };
        if json {
            let s = wetlint_syntax::outline::to_json(&p.doc, &p.text, &p.display);
            let mut v: serde_json::Value =
                serde_json::from_str(&s).unwrap_or(serde_json::Value::Null);
            remap_json(&mut v, &p.doc, &p.text, &m.map);
            if let serde_json::Value::Object(o) = &mut v {
                o.insert("format".into(), m.format.as_str().into());
                o.insert("source".into(), m.source_display.clone().into());
            }
            values.push(v);
        } else {
            let s = wetlint_syntax::outline::to_text(&p.doc, &p.text, &p.display);
            let mapped: Vec<String> = s
                .lines()
                .map(|l| remap_text_line(l, &p.doc, &p.text, &m.map))
                .collect();
            texts.push(mapped.join("\n"));
        }
    }
    let rendered = if json {
        let out = if values.len() == 1 {
            values.pop().unwrap_or(serde_json::Value::Null)
        } else {
            serde_json::Value::Array(values)
        };
        serde_json::to_string_pretty(&out).unwrap_or_else(|_| "null".into())
    } else {
        texts.join("\n\n")
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = writeln!(stdout, "{rendered}").and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("wetlint: kan de uitvoer niet schrijven: {e}");
        return Some(2);
    }
    Some(0)
}

/// The texts for source snippets, by display name: text files as read, XML
/// sources as the original XML (diagnostic ranges point into it), .docx none.
pub fn sources(parsed: &[&Parsed]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for p in parsed {
        match &p.mapped {
            None => {
                out.insert(p.display.clone(), p.text.clone());
            }
            Some(m) => {
                if let Some(src) = m.map.source_text()
                    && !out.contains_key(&m.source_display)
                {
                    out.insert(m.source_display.clone(), src.to_string());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/formats")
            .join(name)
    }

    #[test]
    fn loads_parts_and_pairs_them() {
        let p = fixture("stop-verordening-speeltuinen.xml");
        let parts = load(&p, "speeltuinen.xml".into()).unwrap_or_default();
        let names: Vec<&str> = parts.iter().map(|p| p.display.as_str()).collect();
        assert_eq!(
            names,
            [
                "speeltuinen.xml#besluit",
                "speeltuinen.xml#regeling",
                "speeltuinen.xml#toelichting"
            ]
        );
        let pairs = pairs(&parts);
        assert_eq!(pairs.len(), 1);
        assert!(pairs[0].0.to_string_lossy().ends_with("#regeling"));
        assert!(pairs[0].1.to_string_lossy().ends_with("#toelichting"));
        let src = sources(&parts.iter().collect::<Vec<_>>());
        assert!(
            src.get("speeltuinen.xml")
                .is_some_and(|t| t.contains("<Artikel"))
        );
    }

    #[test]
    fn maps_diagnostics_back_and_drops_fixes() {
        let p = fixture("bwb-buurtmoestuinen.xml");
        let parts = load(&p, "moestuin.xml".into()).unwrap_or_default();
        let reg = &parts[0];
        let at = reg.text.find("tuinraad: de raad").unwrap_or(0);
        let range = TextRange::new(at, at + "tuinraad".len());
        let edit = wetlint_diagnostics::Edit {
            filename: reg.display.clone(),
            range,
            location: Position::new(1, 1),
            end_location: Position::new(1, 1),
            content: String::new(),
        };
        let mut d = vec![Diagnostic {
            code: "LEG-004".into(),
            name: "x".into(),
            severity: wetlint_diagnostics::Severity::Info,
            message: "m".into(),
            filename: reg.display.clone(),
            range,
            location: Position::new(1, 1),
            end_location: Position::new(1, 1),
            url: None,
            help: None,
            related: vec![],
            fix: Some(wetlint_diagnostics::Fix {
                message: "f".into(),
                applicability: wetlint_diagnostics::Applicability::Safe,
                edits: vec![edit],
            }),
        }];
        map_back(&mut d, &parts);
        let xml = std::fs::read_to_string(&p).unwrap_or_default();
        let src = xml.find("tuinraad: de raad").unwrap_or(0);
        assert_eq!(d[0].filename, "moestuin.xml");
        assert_eq!((d[0].range.start, d[0].range.end), (src, src + 8));
        let row = xml[..src].matches('\n').count() as u32 + 1;
        assert_eq!(d[0].location.row, row);
        assert_eq!(d[0].end_location.column, d[0].location.column + 8);
        assert!(d[0].fix.is_none());
    }

    #[test]
    fn text_files_are_not_converted() {
        let p = fixture("drafts/wet-fietsenstallingen.md");
        assert!(!is_converted(&p));
        let parts = load(&p, "wet.md".into()).unwrap_or_default();
        assert_eq!(parts.len(), 1);
        assert!(parts[0].mapped.is_none());
    }
}
