//! Readers for real document formats of Dutch legislation.
//!
//! A reader converts a source file into a *virtual text* in the Markdown
//! dialect that `wetlint_syntax` reads (`# Opschrift`, `## Hoofdstuk 1 Titel`,
//! `### Artikel 1.1 Titel`, leden `1. tekst`, onderdelen `a. tekst`,
//! sub-onderdelen `1°. tekst`; for a toelichting `# Toelichting`, sections and
//! `### Artikel 3` entries) plus a [`SourceMap`] from virtual byte offsets back
//! to positions in the original file. Everything downstream (parser, rules,
//! renderers) is unchanged; the CLI maps locations back.
//!
//! Formats: BWB toestand XML ([`bwb`]), STOP/IMOP XML ([`stop`]), officiële
//! publicaties / Kamerstukken XML ([`op`]) and Word .docx ([`docx`]).
//! Positions: line and column in the XML file; for .docx the row is the
//! 1-based paragraph number (document order) and the column the character
//! offset in that paragraph.
//!
//! One source may yield several documents: a regulation and its toelichting
//! (STOP `Toelichting`, a BWB `<toelichting>`, a Kamerstuk with both). A
//! [`Role::Toelichting`] belongs to the nearest preceding [`Role::Regeling`];
//! [`pairs`] computes that pairing.
//!
//! Invariants: no panics on any input; every failure is a [`FormatError`]
//! with a Dutch message and, where known, the position; XML is read without
//! DTD processing, with size and nesting limits; .docx entries are read with
//! bounded readers and refused when they decompress beyond the limits.

pub mod bwb;
pub mod docx;
pub mod map;
pub mod op;
mod render;
pub mod stop;
mod xml;

use std::path::Path;

pub use map::SourceMap;
pub use xml::bytes_position;

/// A source format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    PlainText,
    /// BWB toestand XML (wetten.overheid.nl).
    BwbXml,
    /// STOP/IMOP XML (LVBB deliveries).
    StopXml,
    /// Officiële publicaties XML (Kamerstukken, Staatsblad).
    OfficielePublicatieXml,
    /// Word Open XML (.docx).
    Docx,
}

impl Format {
    /// Stable id.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::PlainText => "tekst",
            Format::BwbXml => "bwb-xml",
            Format::StopXml => "stop-xml",
            Format::OfficielePublicatieXml => "op-xml",
            Format::Docx => "docx",
        }
    }

    /// True for formats whose source is not the virtual text itself.
    pub fn is_converted(self) -> bool {
        !matches!(self, Format::Markdown | Format::PlainText)
    }

    /// True for XML formats (positions are line/column in the file).
    pub fn is_xml(self) -> bool {
        matches!(
            self,
            Format::BwbXml | Format::StopXml | Format::OfficielePublicatieXml
        )
    }
}

/// What a converted document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Regeling,
    Toelichting,
    Unknown,
}

/// One document read from a source file.
#[derive(Debug, Clone)]
pub struct Converted {
    pub role: Role,
    /// Short name of the part ("regeling", "besluit", "toelichting", or the file name).
    pub name: String,
    /// The virtual text in wetlint's Markdown dialect.
    pub text: String,
    /// Virtual offsets → source positions.
    pub map: SourceMap,
    pub format: Format,
}

/// A file that could not be read. The message is Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub message: String,
    pub row: Option<u32>,
    pub column: Option<u32>,
}

impl FormatError {
    pub(crate) fn new(message: impl Into<String>) -> FormatError {
        FormatError {
            message: message.into(),
            row: None,
            column: None,
        }
    }

    pub(crate) fn at(message: impl Into<String>, row: u32, column: u32) -> FormatError {
        FormatError {
            message: message.into(),
            row: Some(row),
            column: Some(column),
        }
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.row, self.column) {
            (Some(r), Some(c)) => write!(f, "{r}:{c}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for FormatError {}

/// The root element's local name and namespace of an XML text, if any.
fn xml_root(bytes: &[u8]) -> Option<(String, String)> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let head = String::from_utf8_lossy(head);
    let mut s = head.trim_start_matches('\u{feff}').trim_start();
    if !s.starts_with('<') {
        return None;
    }
    loop {
        s = s.trim_start();
        if let Some(r) = s.strip_prefix("<?") {
            s = r.split_once("?>")?.1;
        } else if let Some(r) = s.strip_prefix("<!--") {
            s = r.split_once("-->")?.1;
        } else if s
            .get(..9)
            .is_some_and(|p| p.eq_ignore_ascii_case("<!DOCTYPE"))
        {
            // Skip to the end of the declaration (naively, with a subset).
            let end = if let Some(open) = s.find('[') {
                let close = s[open..].find("]>").map(|p| open + p + 2);
                let gt = s.find('>')?;
                if gt < open { gt + 1 } else { close? }
            } else {
                s.find('>')? + 1
            };
            s = &s[end..];
        } else if let Some(r) = s.strip_prefix('<') {
            let end = r
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(r.len());
            let qname = &r[..end];
            let local = qname.rsplit(':').next().unwrap_or(qname).to_string();
            let tag_end = r.find('>').unwrap_or(r.len());
            let tag = &r[..tag_end];
            let ns = tag
                .split("xmlns")
                .nth(1)
                .and_then(|t| t.split(['"', '\'']).nth(1))
                .unwrap_or("")
                .to_string();
            return Some((local, ns));
        } else {
            return None;
        }
    }
}

const BWB_ROOTS: [&str; 6] = [
    "toestand",
    "wetgeving",
    "wet-besluit",
    "regeling",
    "circulaire",
    "verdrag",
];
const STOP_ROOTS: [&str; 12] = [
    "AanleveringBesluit",
    "AanleveringKennisgeving",
    "AanleveringRectificatie",
    "BesluitCompact",
    "BesluitKlassiek",
    "RegelingCompact",
    "RegelingKlassiek",
    "RegelingVrijetekst",
    "RegelingTijdelijkdeel",
    "Kennisgeving",
    "Rectificatie",
    "Mededeling",
];

fn is_docx_zip(bytes: &[u8]) -> bool {
    // A zip with a word/document.xml entry name anywhere in it.
    bytes.starts_with(b"PK\x03\x04")
        && bytes
            .windows(b"word/document.xml".len())
            .any(|w| w == b"word/document.xml")
}

/// Roots of officiële-publicaties XML (Kamerstukken, Staatsblad, …).
const OP_ROOTS: [&str; 10] = [
    "officiele-publicatie",
    "kamerstuk",
    "wetsvoorstel",
    "memorie-van-toelichting",
    "stb",
    "stcrt",
    "kst",
    "trb",
    "gmb",
    "prb",
];

/// Detects the format by content (XML root element and namespace, zip
/// signature with `word/document.xml`), falling back to the extension. A
/// Markdown or text file is only taken for XML when it starts with an XML
/// declaration or a known root element (the Basiswettenbestand Markdown
/// starts with an HTML `<meta>` line, which stays Markdown).
pub fn detect(path: &Path, bytes: &[u8]) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04")
        || is_docx_zip(bytes)
        || (ext == "docx" && bytes.starts_with(b"PK"))
    {
        return Format::Docx;
    }
    if let Some((root, ns)) = xml_root(bytes) {
        let declared = String::from_utf8_lossy(&bytes[..bytes.len().min(64)])
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with("<?xml");
        if ns.contains("standaarden.overheid.nl/stop")
            || ns.contains("standaarden.overheid.nl/lvbb")
            || STOP_ROOTS.contains(&root.as_str())
        {
            return Format::StopXml;
        }
        if BWB_ROOTS.contains(&root.as_str()) {
            return Format::BwbXml;
        }
        if OP_ROOTS.contains(&root.as_str()) || ext == "xml" || declared {
            // Kamerstukken, Staatsblad and other XML: the tolerant reader.
            return Format::OfficielePublicatieXml;
        }
    }
    match ext.as_str() {
        "xml" => Format::OfficielePublicatieXml,
        "docx" => Format::Docx,
        "md" | "markdown" => Format::Markdown,
        _ => Format::PlainText,
    }
}

fn file_stem(path: &Path) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("document")
        .to_string()
}

/// Reads a source file into one or more virtual documents.
pub fn read(path: &Path, bytes: &[u8]) -> Result<Vec<Converted>, FormatError> {
    let format = detect(path, bytes);
    match format {
        Format::Markdown | Format::PlainText => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let text = std::str::from_utf8(bytes).map_err(|e| {
                FormatError::new(format!(
                    "het bestand is geen geldige UTF-8-tekst (ongeldige byte op positie {})",
                    e.valid_up_to()
                ))
            })?;
            Ok(vec![Converted {
                role: Role::Unknown,
                name: file_stem(path),
                map: SourceMap::identity(text),
                text: text.to_string(),
                format,
            }])
        }
        Format::BwbXml => bwb::read(bytes),
        Format::StopXml => stop::read(bytes),
        Format::OfficielePublicatieXml => op::read(bytes),
        Format::Docx => docx::read(bytes),
    }
}

/// Pairs converted documents: each toelichting with the nearest preceding
/// regulation. Returns (regeling, toelichting) index pairs; documents
/// without partner appear alone.
pub fn pairs(docs: &[Converted]) -> Vec<(Option<usize>, Option<usize>)> {
    let mut out: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, d) in docs.iter().enumerate() {
        match d.role {
            Role::Regeling => {
                out.push((Some(i), None));
                open = Some(out.len() - 1);
            }
            Role::Toelichting => match open.take() {
                Some(k) => out[k].1 = Some(i),
                None => out.push((None, Some(i))),
            },
            Role::Unknown => out.push((Some(i), None)),
        }
    }
    out
}

/// Shared helpers for rendering unit headings.
pub(crate) mod heading {
    /// Normalises a lid number for a lid marker: "Lid 1" / "1." / "1" → "1".
    pub(crate) fn lid_number(raw: &str) -> String {
        let t = raw.trim();
        let t = t
            .strip_prefix("Lid")
            .or_else(|| t.strip_prefix("lid"))
            .unwrap_or(t)
            .trim();
        t.trim_end_matches(['.', ')', ':']).trim().to_string()
    }

    /// Normalises a list marker: "a" / "a." / "a)" → "a."; "1°" → "1°."; "-" / "–" / "•" → "-".
    pub(crate) fn list_marker(raw: &str) -> String {
        let t = raw.trim();
        if t.is_empty() || t.chars().all(|c| "-–—•*·▪o".contains(c)) {
            return "-".into();
        }
        let core = t.trim_end_matches(['.', ')', ':']).trim();
        if core.is_empty() {
            return "-".into();
        }
        format!("{core}.")
    }
}
