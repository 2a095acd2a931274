//! Word .docx: a zip with `word/document.xml`, `word/styles.xml` and
//! `word/numbering.xml`.
//!
//! * Heading styles (built-in `Heading1`–`Heading6`, localised names such as
//!   "Kop 1", or an outline level) become `#` levels: heading *n* is `n + 1`
//!   hashes, the `Title` style is `#` (the opschrift).
//! * Numbered paragraphs (`w:numPr`, directly or through the style) get their
//!   marker from the numbering definition: decimal `1.`, lowerLetter `a.`,
//!   `%1°` `1°.`, bullets `-`; a numbered heading gets its generated label
//!   ("Artikel 1" from a level text `Artikel %1`).
//! * Tables are written row by row (`| a | b |`); deleted text (tracked
//!   changes) and field codes are left out.
//!
//! Positions: Word has no lines, so the row is the 1-based paragraph number
//! in document order (paragraphs in tables included) and the column the
//! 1-based character offset in that paragraph's visible text.
//!
//! Safety: entries are read with bounded readers; an archive whose entries
//! claim or turn out to decompress beyond the limits (a zip bomb) is refused.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::Node;

use crate::heading::list_marker;
use crate::map::{Doc, Line, Origin};
use crate::{Converted, Format, FormatError, Role, xml};

/// Most bytes all entries together may decompress to.
pub const MAX_TOTAL: u64 = 200 * 1024 * 1024;
/// Most bytes one XML part may decompress to.
pub const MAX_ENTRY: u64 = 64 * 1024 * 1024;
/// Largest compression ratio accepted for entries above [`RATIO_FLOOR`] bytes.
pub const MAX_RATIO: u64 = 100;
/// Entries smaller than this are not ratio-checked (XML compresses well).
pub const RATIO_FLOOR: u64 = 1024 * 1024;
/// Most entries in the archive.
pub const MAX_ENTRIES: usize = 20_000;

fn zip_error(e: zip::result::ZipError) -> FormatError {
    FormatError::new(format!(
        "het .docx-bestand is beschadigd of geen geldig zip-archief ({e})"
    ))
}

fn bomb(detail: String) -> FormatError {
    FormatError::new(format!(
        "het .docx-bestand wordt geweigerd: {detail} (mogelijk een zip-bom)"
    ))
}

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Checks the declared sizes of every entry against the limits.
fn check_sizes(archive: &mut Archive<'_>) -> Result<(), FormatError> {
    if archive.len() > MAX_ENTRIES {
        return Err(bomb(format!(
            "het archief bevat {} onderdelen (de grens is {MAX_ENTRIES})",
            archive.len()
        )));
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let f = archive.by_index_raw(i).map_err(zip_error)?;
        let size = f.size();
        let packed = f.compressed_size().max(1);
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        total = total.saturating_add(size);
        if total > MAX_TOTAL {
            return Err(bomb(format!(
                "de onderdelen pakken uit tot meer dan {} MB",
                MAX_TOTAL / 1024 / 1024
            )));
        }
        if size > RATIO_FLOOR && size / packed > MAX_RATIO {
            return Err(bomb(format!(
                "onderdeel '{name}' pakt {}× zo groot uit ({size} bytes uit {packed})",
                size / packed
            )));
        }
    }
    Ok(())
}

/// Reads one entry as text with a bounded reader; `None` if it is absent.
fn read_entry(archive: &mut Archive<'_>, name: &str) -> Result<Option<String>, FormatError> {
    let f = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(e)),
    };
    if f.size() > MAX_ENTRY {
        return Err(bomb(format!(
            "'{name}' is groter dan {} MB",
            MAX_ENTRY / 1024 / 1024
        )));
    }
    let mut buf = Vec::new();
    let mut limited = f.take(MAX_ENTRY + 1);
    limited.read_to_end(&mut buf).map_err(|e| {
        FormatError::new(format!(
            "het .docx-bestand is beschadigd: '{name}' kan niet worden uitgepakt ({e})"
        ))
    })?;
    if buf.len() as u64 > MAX_ENTRY {
        return Err(bomb(format!(
            "'{name}' pakt uit tot meer dan {} MB",
            MAX_ENTRY / 1024 / 1024
        )));
    }
    let text = xml::decode(&buf).map_err(|e| FormatError {
        message: format!("'{name}': {}", e.message),
        ..e
    })?;
    Ok(Some(text))
}

fn val<'a>(n: Node<'a, '_>) -> Option<&'a str> {
    n.attributes()
        .find(|a| a.name() == "val")
        .map(|a| a.value())
}

fn w<'a, 'i>(n: Node<'a, 'i>, local: &str) -> Option<Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == local)
}

#[derive(Debug, Default, Clone)]
struct Style {
    heading: Option<u8>,
    title: bool,
    based_on: Option<String>,
    num: Option<(String, u8)>,
}

fn heading_from_name(s: &str) -> Option<u8> {
    let l = s.to_lowercase().replace(' ', "");
    for p in ["heading", "kop", "überschrift", "titre"] {
        if let Some(rest) = l.strip_prefix(p)
            && let Ok(n) = rest.parse::<u8>()
            && (1..=9).contains(&n)
        {
            return Some(n);
        }
    }
    None
}

fn num_pr(ppr: Node<'_, '_>) -> Option<(String, u8)> {
    let np = w(ppr, "numPr")?;
    let id = w(np, "numId").and_then(val)?.to_string();
    let lvl = w(np, "ilvl")
        .and_then(val)
        .and_then(|v| v.parse::<u8>().ok())
        .unwrap_or(0)
        .min(8);
    Some((id, lvl))
}

fn styles(text: Option<&str>) -> HashMap<String, Style> {
    let mut out = HashMap::new();
    let Some(text) = text else { return out };
    let Ok(src) = xml::source(text.as_bytes()) else {
        return out;
    };
    let Ok(doc) = xml::parse(&src) else {
        return out;
    };
    for s in doc
        .root_element()
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "style")
    {
        let Some(id) = s
            .attributes()
            .find(|a| a.name() == "styleId")
            .map(|a| a.value().to_string())
        else {
            continue;
        };
        let name = w(s, "name").and_then(val).unwrap_or("").to_string();
        let ppr = w(s, "pPr");
        let outline = ppr
            .and_then(|p| w(p, "outlineLvl"))
            .and_then(val)
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|l| *l < 9)
            .map(|l| l + 1);
        let title = ["title", "titel"].contains(&name.to_lowercase().as_str())
            || ["Title", "Titel"].contains(&id.as_str());
        out.insert(
            id.clone(),
            Style {
                heading: heading_from_name(&name)
                    .or_else(|| heading_from_name(&id))
                    .or(outline),
                title,
                based_on: w(s, "basedOn").and_then(val).map(str::to_string),
                num: ppr.and_then(num_pr),
            },
        );
    }
    out
}

/// Resolves a style's heading level, title flag and numbering through `basedOn`.
fn resolve(styles: &HashMap<String, Style>, id: &str) -> Style {
    let mut out = Style::default();
    let mut cur = Some(id.to_string());
    for _ in 0..12 {
        let Some(c) = cur.take() else { break };
        let Some(s) = styles.get(&c) else { break };
        out.heading = out.heading.or(s.heading);
        out.title |= s.title;
        out.num = out.num.take().or_else(|| s.num.clone());
        cur = s.based_on.clone();
    }
    out
}

#[derive(Debug, Clone)]
struct Level {
    fmt: String,
    text: String,
    start: u32,
}

#[derive(Default)]
struct Numbering {
    /// numId → (abstractNumId, start overrides per level).
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
    /// abstractNumId → levels.
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// Counters per abstractNumId.
    counters: HashMap<String, [u32; 9]>,
    /// numIds used so far.
    seen: std::collections::HashSet<String>,
    /// Start overrides of the instance that last restarted an abstractNumId.
    starts: HashMap<String, HashMap<u8, u32>>,
}

fn numbering(text: Option<&str>) -> Numbering {
    let mut out = Numbering::default();
    let Some(text) = text else { return out };
    let Ok(src) = xml::source(text.as_bytes()) else {
        return out;
    };
    let Ok(doc) = xml::parse(&src) else {
        return out;
    };
    let attr = |n: Node<'_, '_>, name: &str| {
        n.attributes()
            .find(|a| a.name() == name)
            .map(|a| a.value().to_string())
    };
    for c in doc.root_element().children().filter(|c| c.is_element()) {
        match c.tag_name().name() {
            "abstractNum" => {
                let Some(id) = attr(c, "abstractNumId") else {
                    continue;
                };
                let mut levels = HashMap::new();
                for l in c
                    .children()
                    .filter(|l| l.is_element() && l.tag_name().name() == "lvl")
                {
                    let Some(ilvl) = attr(l, "ilvl").and_then(|v| v.parse::<u8>().ok()) else {
                        continue;
                    };
                    levels.insert(
                        ilvl.min(8),
                        Level {
                            fmt: w(l, "numFmt")
                                .and_then(val)
                                .unwrap_or("decimal")
                                .to_string(),
                            text: w(l, "lvlText").and_then(val).unwrap_or("").to_string(),
                            start: w(l, "start")
                                .and_then(val)
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1),
                        },
                    );
                }
                out.abstracts.insert(id, levels);
            }
            "num" => {
                let Some(id) = attr(c, "numId") else { continue };
                let Some(abs) = w(c, "abstractNumId").and_then(val) else {
                    continue;
                };
                let mut starts = HashMap::new();
                for o in c
                    .children()
                    .filter(|o| o.is_element() && o.tag_name().name() == "lvlOverride")
                {
                    if let (Some(l), Some(s)) = (
                        attr(o, "ilvl").and_then(|v| v.parse::<u8>().ok()),
                        w(o, "startOverride")
                            .and_then(val)
                            .and_then(|v| v.parse::<u32>().ok()),
                    ) {
                        starts.insert(l.min(8), s);
                    }
                }
                out.nums.insert(id, (abs.to_string(), starts));
            }
            _ => {}
        }
    }
    out
}

fn letters(mut n: u32, upper: bool) -> String {
    // a..z, then aa, bb, … (as Dutch legislation letters onderdelen).
    if n == 0 {
        return String::new();
    }
    n -= 1;
    let c = char::from(b'a' + (n % 26) as u8);
    let c = if upper { c.to_ascii_uppercase() } else { c };
    std::iter::repeat_n(c, (n / 26 + 1).min(8) as usize).collect()
}

fn roman(mut n: u32, upper: bool) -> String {
    const T: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut s = String::new();
    for (v, r) in T {
        while n >= v && s.len() < 32 {
            s.push_str(r);
            n -= v;
        }
    }
    if upper { s.to_uppercase() } else { s }
}

fn format_number(fmt: &str, n: u32) -> String {
    match fmt {
        "lowerLetter" => letters(n, false),
        "upperLetter" => letters(n, true),
        "lowerRoman" => roman(n, false),
        "upperRoman" => roman(n, true),
        "bullet" | "none" => String::new(),
        _ => n.to_string(),
    }
}

impl Numbering {
    /// The rendered level text for the next paragraph of (numId, ilvl), and
    /// whether it is a bullet. As in Word, list instances (`w:num`) of one
    /// abstract numbering continue each other's counters; an instance with a
    /// `w:startOverride` restarts those levels when it is first used.
    fn next(&mut self, num_id: &str, ilvl: u8) -> Option<(String, bool)> {
        let (abs, overrides) = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&abs)?;
        let level = levels.get(&ilvl)?.clone();
        let ilvl = usize::from(ilvl.min(8));
        let counters = self.counters.entry(abs.clone()).or_insert([0; 9]);
        if self.seen.insert(num_id.to_string()) && !overrides.is_empty() {
            for l in overrides.keys() {
                for c in counters.iter_mut().skip(usize::from(*l)) {
                    *c = 0;
                }
            }
            self.starts.insert(abs.clone(), overrides);
        }
        let active = self.starts.get(&abs);
        let start = |l: usize| {
            active
                .and_then(|o| o.get(&(l as u8)).copied())
                .or_else(|| levels.get(&(l as u8)).map(|x| x.start))
                .unwrap_or(1)
        };
        counters[ilvl] = if counters[ilvl] == 0 {
            start(ilvl)
        } else {
            counters[ilvl].saturating_add(1)
        };
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = 0;
        }
        if level.fmt == "bullet" {
            return Some(("-".into(), true));
        }
        let mut text = level.text.clone();
        for l in (0..=ilvl).rev() {
            let fmt = levels.get(&(l as u8)).map_or("decimal", |x| x.fmt.as_str());
            let n = if counters[l] == 0 {
                start(l)
            } else {
                counters[l]
            };
            text = text.replace(&format!("%{}", l + 1), &format_number(fmt, n));
        }
        Some((text.trim().to_string(), false))
    }
}

struct Reader {
    styles: HashMap<String, Style>,
    numbering: Numbering,
    doc: Doc,
    para: u32,
}

impl Reader {
    /// The visible text of a paragraph onto `line`, characters mapped to
    /// (paragraph, column).
    fn runs(&self, n: Node<'_, '_>, line: &mut Line, col: &mut u32) {
        for c in n.children().filter(|c| c.is_element()) {
            match c.tag_name().name() {
                "t" => {
                    for ch in c.text().unwrap_or("").chars() {
                        line.push(
                            ch,
                            Origin::Para {
                                row: self.para,
                                col: *col,
                            },
                            true,
                        );
                        *col = col.saturating_add(1);
                    }
                }
                "tab" | "br" | "cr" => {
                    line.push(
                        ' ',
                        Origin::Para {
                            row: self.para,
                            col: *col,
                        },
                        false,
                    );
                    *col = col.saturating_add(1);
                }
                "noBreakHyphen" => {
                    line.push(
                        '-',
                        Origin::Para {
                            row: self.para,
                            col: *col,
                        },
                        false,
                    );
                    *col = col.saturating_add(1);
                }
                "pPr" | "rPr" | "del" | "moveFrom" | "instrText" | "delText" | "delInstrText"
                | "footnoteReference" | "endnoteReference" | "commentReference" | "drawing"
                | "pict" | "object" | "softHyphen" | "fldChar" | "sectPr" => {}
                _ => self.runs(c, line, col),
            }
        }
    }

    fn paragraph(&mut self, p: Node<'_, '_>) -> (Line, Option<u8>, bool, Option<(String, u8)>) {
        self.para = self.para.saturating_add(1);
        let ppr = w(p, "pPr");
        let style = ppr
            .and_then(|x| w(x, "pStyle"))
            .and_then(val)
            .map(|id| resolve(&self.styles, id))
            .unwrap_or_default();
        let outline = ppr
            .and_then(|x| w(x, "outlineLvl"))
            .and_then(val)
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|l| *l < 9)
            .map(|l| l + 1);
        let num = ppr
            .and_then(num_pr)
            .or(style.num.clone())
            .filter(|(id, _)| id != "0");
        let mut line = Line::new(
            "",
            Origin::Para {
                row: self.para,
                col: 1,
            },
        );
        let mut col = 1;
        self.runs(p, &mut line, &mut col);
        (line, style.heading.or(outline), style.title, num)
    }

    fn block(&mut self, n: Node<'_, '_>) {
        for c in n.children().filter(|c| c.is_element()) {
            match c.tag_name().name() {
                "p" => {
                    let (mut line, heading, title, num) = self.paragraph(c);
                    let at = Origin::Para {
                        row: self.para,
                        col: 1,
                    };
                    let generated = num.and_then(|(id, l)| self.numbering.next(&id, l));
                    if line.is_blank() {
                        continue;
                    }
                    if title {
                        line.marker = "# ".into();
                    } else if let Some(h) = heading {
                        let hashes = "#".repeat(usize::from(h.saturating_add(1)).min(6));
                        line.marker = format!("{hashes} ");
                        if let Some((label, false)) = generated
                            && !label.is_empty()
                        {
                            line.marker.push_str(&label);
                            line.marker.push(' ');
                        }
                    } else if let Some((label, bullet)) = generated {
                        line.marker = if bullet {
                            "- ".into()
                        } else {
                            format!("{} ", list_marker(&label))
                        };
                    }
                    line.marker_origin = at;
                    self.doc.push(line);
                }
                "tbl" => self.table(c),
                "sdt" => {
                    if let Some(content) = w(c, "sdtContent") {
                        self.block(content);
                    }
                }
                "customXml" | "ins" | "moveTo" | "body" => self.block(c),
                _ => {}
            }
        }
    }

    fn table(&mut self, t: Node<'_, '_>) {
        let mut first = true;
        for tr in t
            .children()
            .filter(|c| c.is_element() && c.tag_name().name() == "tr")
        {
            let mut row = Line::new(
                "|",
                Origin::Para {
                    row: self.para + 1,
                    col: 1,
                },
            );
            for tc in tr
                .children()
                .filter(|c| c.is_element() && c.tag_name().name() == "tc")
            {
                row.synth(
                    " ",
                    Origin::Para {
                        row: self.para + 1,
                        col: 1,
                    },
                );
                let mut any = false;
                for p in tc
                    .descendants()
                    .filter(|d| d.is_element() && d.tag_name().name() == "p")
                {
                    let (line, ..) = self.paragraph(p);
                    if any {
                        row.space(Origin::Para {
                            row: self.para,
                            col: 1,
                        });
                    }
                    row.join_body(&line);
                    any = true;
                }
                row.synth_close(
                    " |",
                    Origin::Para {
                        row: self.para,
                        col: 1,
                    },
                );
            }
            row.tight = !first;
            first = false;
            self.doc.push(row);
        }
    }
}

/// An error inside `word/document.xml`: its XML position goes into the
/// message, since .docx positions are paragraphs, not XML lines.
fn in_part(e: FormatError) -> FormatError {
    let at = match (e.row, e.column) {
        (Some(r), Some(c)) => format!(" (regel {r}, kolom {c})"),
        _ => String::new(),
    };
    FormatError::new(format!("word/document.xml{at}: {}", e.message))
}

/// Reads a .docx file.
pub fn read(bytes: &[u8]) -> Result<Vec<Converted>, FormatError> {
    if !bytes.starts_with(b"PK") {
        return Err(FormatError::new(
            "geen geldig .docx-bestand: het is geen zip-archief",
        ));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    check_sizes(&mut archive)?;
    let Some(document) = read_entry(&mut archive, "word/document.xml")? else {
        return Err(FormatError::new(
            "geen geldig .docx-bestand: word/document.xml ontbreekt",
        ));
    };
    let styles_xml = read_entry(&mut archive, "word/styles.xml")?;
    let numbering_xml = read_entry(&mut archive, "word/numbering.xml")?;
    let src = xml::source(document.as_bytes()).map_err(in_part)?;
    let doc = xml::parse(&src).map_err(in_part)?;
    let body = doc
        .root_element()
        .children()
        .find(|c| c.is_element() && c.tag_name().name() == "body")
        .ok_or_else(|| FormatError::new("word/document.xml bevat geen w:body"))?;
    let mut r = Reader {
        styles: styles(styles_xml.as_deref()),
        numbering: numbering(numbering_xml.as_deref()),
        doc: Doc::default(),
        para: 0,
    };
    r.block(body);
    let first = r
        .doc
        .lines
        .iter()
        .find(|l| !l.is_blank())
        .map(|l| l.text().to_lowercase())
        .unwrap_or_default();
    let role = if first.contains("toelichting") {
        Role::Toelichting
    } else {
        Role::Unknown
    };
    let (text, map) = r.doc.finish(None);
    Ok(vec![Converted {
        role,
        name: "document".into(),
        text,
        map,
        format: Format::Docx,
    }])
}
