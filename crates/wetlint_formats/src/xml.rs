//! Safe XML reading shared by the readers.
//!
//! * Input is decoded from UTF-8 (a BOM is dropped) or, when the XML
//!   declaration says so, ISO-8859-1 / windows-1252.
//! * A `DOCTYPE` without an internal subset is ignored (blanked out, so byte
//!   offsets stay valid); one with an internal subset is refused: entity
//!   declarations are never expanded, external entities never fetched.
//! * Size and element nesting are limited before the DOM is built, and
//!   `roxmltree` runs with `allow_dtd = false` and a node limit.
//! * Text nodes are aligned with their raw source bytes, so the readers can
//!   map every character back (entities and CDATA markers map to their start).

use std::sync::Arc;

use roxmltree::{Document, Node, ParsingOptions};

use crate::FormatError;
use crate::map::{Line, Origin};

/// Largest XML text accepted (bytes).
pub const MAX_XML_BYTES: usize = 64 * 1024 * 1024;
/// Deepest element nesting accepted.
pub const MAX_DEPTH: usize = 200;
/// Most nodes in one document.
pub const MAX_NODES: u32 = 8_000_000;

/// A decoded XML source: the text the positions refer to.
pub(crate) struct Source {
    pub(crate) text: Arc<str>,
}

fn position_of(text: &str, at: usize) -> (u32, u32) {
    let at = at.min(text.len());
    let mut at2 = at;
    while at2 > 0 && !text.is_char_boundary(at2) {
        at2 -= 1;
    }
    let before = &text[..at2];
    let row = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (row as u32, col as u32)
}

/// The 1-based row and column (in characters) of byte `at` of a file that
/// may not be valid UTF-8 (for error messages).
pub fn bytes_position(bytes: &[u8], at: usize) -> (u32, u32) {
    let before = &bytes[..at.min(bytes.len())];
    let row = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (row as u32, col as u32)
}

/// Decodes the bytes of an XML file.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, FormatError> {
    if bytes.len() > MAX_XML_BYTES {
        return Err(FormatError::new(format!(
            "het XML-bestand is te groot ({} MB; de grens is {} MB)",
            bytes.len() / 1_000_000,
            MAX_XML_BYTES / 1_000_000
        )));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FormatError::new(
            "het XML-bestand is in UTF-16 opgeslagen; sla het op als UTF-8",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_lowercase();
    let decl_end = head.find("?>").unwrap_or(0);
    let decl = &head[..decl_end];
    let latin1 = head.starts_with("<?xml")
        && (decl.contains("iso-8859-1")
            || decl.contains("iso-8859-15")
            || decl.contains("latin1")
            || decl.contains("windows-1252"));
    if latin1 {
        return Ok(bytes.iter().map(|&b| b as char).collect());
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let (row, col) = bytes_position(bytes, at);
            Err(FormatError::at(
                format!(
                    "het XML-bestand is geen geldige UTF-8-tekst (ongeldige byte 0x{:02x})",
                    bytes.get(at).copied().unwrap_or(0)
                ),
                row,
                col,
            ))
        }
    }
}

/// Finds the end of a construct starting at `i` that ends with `end`.
fn find_from(b: &[u8], i: usize, end: &[u8]) -> Option<usize> {
    b.get(i..)?
        .windows(end.len())
        .position(|w| w == end)
        .map(|p| i + p + end.len())
}

/// Blanks out a DOCTYPE without internal subset; refuses one with an
/// internal subset. Also checks the nesting depth. Works on bytes of the
/// decoded text; replaced bytes are ASCII, newlines are kept.
fn prescan(text: &mut String) -> Result<(), FormatError> {
    let mut depth = 0usize;
    let mut i = 0usize;
    let mut doctype: Option<(usize, usize)> = None;
    {
        let b = text.as_bytes();
        let n = b.len();
        while i < n {
            if b[i] != b'<' {
                i += 1;
                continue;
            }
            let rest = &b[i..];
            if rest.starts_with(b"<!--") {
                i = find_from(b, i + 4, b"-->").unwrap_or(n);
            } else if rest.starts_with(b"<![CDATA[") {
                i = find_from(b, i + 9, b"]]>").unwrap_or(n);
            } else if rest.starts_with(b"<?") {
                i = find_from(b, i + 2, b"?>").unwrap_or(n);
            } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!DOCTYPE") {
                // Scan to the closing '>' outside quotes and an internal subset.
                let start = i;
                let mut j = i + 9;
                let mut quote: Option<u8> = None;
                let mut subset = false;
                while j < n {
                    let c = b[j];
                    match quote {
                        Some(q) if c == q => quote = None,
                        Some(_) => {}
                        None => match c {
                            b'"' | b'\'' => quote = Some(c),
                            b'[' => subset = true,
                            b'>' => break,
                            _ => {}
                        },
                    }
                    if subset {
                        break;
                    }
                    j += 1;
                }
                if subset {
                    let (row, col) = position_of(text, start);
                    return Err(FormatError::at(
                        "het XML-bestand bevat een DOCTYPE met eigen declaraties (entiteiten); \
                         die worden om veiligheidsredenen niet gelezen. Verwijder de DOCTYPE-declaratie",
                        row,
                        col,
                    ));
                }
                if j >= n {
                    let (row, col) = position_of(text, start);
                    return Err(FormatError::at(
                        "de DOCTYPE-declaratie is niet afgesloten",
                        row,
                        col,
                    ));
                }
                doctype = Some((start, j + 1));
                i = j + 1;
            } else if rest.starts_with(b"</") {
                depth = depth.saturating_sub(1);
                i += 2;
            } else if rest.starts_with(b"<!") {
                i += 2;
            } else {
                // A start tag: find its end outside attribute quotes.
                let start = i;
                let mut j = i + 1;
                let mut quote: Option<u8> = None;
                while j < n {
                    let c = b[j];
                    match quote {
                        Some(q) if c == q => quote = None,
                        Some(_) => {}
                        None => {
                            if c == b'"' || c == b'\'' {
                                quote = Some(c);
                            } else if c == b'>' {
                                break;
                            }
                        }
                    }
                    j += 1;
                }
                let self_closing = j > 0 && j < n && b[j - 1] == b'/';
                if !self_closing {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        let (row, col) = position_of(text, start);
                        return Err(FormatError::at(
                            format!(
                                "de XML-elementen zijn te diep genest (meer dan {MAX_DEPTH} niveaus)"
                            ),
                            row,
                            col,
                        ));
                    }
                }
                i = j + 1;
            }
        }
    }
    if let Some((s, e)) = doctype {
        let blank: String = text[s..e]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        // Same byte length only if the DOCTYPE was ASCII; otherwise pad.
        let mut blank = blank;
        while blank.len() < e - s {
            blank.push(' ');
        }
        text.replace_range(s..e, &blank[..e - s]);
    }
    Ok(())
}

/// Decodes and prescans XML bytes into a source ready for [`parse`].
pub(crate) fn source(bytes: &[u8]) -> Result<Source, FormatError> {
    let mut text = decode(bytes)?;
    prescan(&mut text)?;
    Ok(Source {
        text: Arc::from(text),
    })
}

/// Parses the source with DTDs off and a node limit.
pub(crate) fn parse(src: &Source) -> Result<Document<'_>, FormatError> {
    let opts = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        entity_resolver: None,
    };
    Document::parse_with_options(&src.text, opts).map_err(|e| {
        let (row, col) = match e {
            roxmltree::Error::UnclosedRootNode | roxmltree::Error::UnexpectedEndOfStream => {
                position_of(&src.text, src.text.len())
            }
            _ => {
                let p = e.pos();
                (p.row, p.col)
            }
        };
        FormatError::at(format!("ongeldige XML: {}", describe(&e)), row, col)
    })
}

fn describe(e: &roxmltree::Error) -> String {
    use roxmltree::Error as E;
    match e {
        E::DtdDetected => "DTD's worden niet gelezen".into(),
        E::NodesLimitReached => "te veel knooppunten".into(),
        E::AttributesLimitReached => "te veel attributen".into(),
        E::NamespacesLimitReached => "te veel namespaces".into(),
        E::UnknownEntityReference(name, _) => {
            format!("onbekende entiteit '&{name};' (entiteiten worden niet uitgebreid)")
        }
        E::EntityReferenceLoop(_) => "entiteiten verwijzen naar elkaar".into(),
        E::EntityResolver(..) => "entiteit kan niet worden gelezen".into(),
        E::UnexpectedCloseTag(exp, act, _) => {
            format!("sluittag </{act}> waar </{exp}> werd verwacht")
        }
        E::UnexpectedEntityCloseTag(_) => "onverwachte sluittag in een entiteit".into(),
        E::MalformedEntityReference(_) => "onjuiste entiteitsverwijzing".into(),
        E::DuplicatedAttribute(a, _) => format!("attribuut '{a}' komt twee keer voor"),
        E::UnknownNamespace(ns, _) => format!("onbekend namespace-voorvoegsel '{ns}'"),
        E::DuplicatedNamespace(ns, _) => format!("namespace '{ns}' dubbel gedeclareerd"),
        E::InvalidXmlPrefixUri(_) | E::UnexpectedXmlUri(_) | E::UnexpectedXmlnsUri(_) => {
            "ongeldige namespace-URI".into()
        }
        E::InvalidElementNamePrefix(_) => "ongeldig voorvoegsel van een elementnaam".into(),
        E::NoRootNode => "geen hoofdelement".into(),
        E::UnclosedRootNode => {
            "het hoofdelement is niet afgesloten (afgebroken XML-bestand?)".into()
        }
        E::UnexpectedDeclaration(_) => "XML-declaratie op een onverwachte plaats".into(),
        E::UnexpectedEndOfStream => "het bestand houdt onverwacht op (afgebroken XML?)".into(),
        E::InvalidAttributeValue(_) => "ongeldige attribuutwaarde".into(),
        E::InvalidName(_) => "ongeldige naam".into(),
        E::NonXmlChar(c, _) => format!("teken U+{:04X} mag niet in XML voorkomen", *c as u32),
        E::InvalidChar(..) | E::InvalidChar2(..) => "ongeldig teken".into(),
        E::InvalidString(..) => "ongeldige tekenreeks".into(),
        E::InvalidExternalID(_) => "ongeldige externe identificatie".into(),
        E::InvalidComment(_) => "ongeldig commentaar".into(),
        E::InvalidCharacterData(_) => "ongeldige CDATA-sectie".into(),
        E::UnknownToken(_) => "onbekend teken".into(),
    }
}

/// The local (namespace-free) name of an element, `""` for other nodes.
pub(crate) fn name<'a>(n: Node<'a, '_>) -> &'a str {
    if n.is_element() {
        n.tag_name().name()
    } else {
        ""
    }
}

/// The origin of a node: its start byte.
pub(crate) fn origin(n: Node<'_, '_>) -> Origin {
    Origin::Byte(n.range().start)
}

/// Pushes the characters of a text node onto `line`, each mapped to its
/// source byte: verbatim where the raw bytes equal the character, at the
/// entity or CDATA start otherwise.
pub(crate) fn push_text(line: &mut Line, src: &str, n: Node<'_, '_>) {
    let Some(text) = n.text() else { return };
    let r = n.range();
    let raw = src.get(r.start..r.end.min(src.len())).unwrap_or("");
    let base = r.start;
    let rb = raw.as_bytes();
    let mut ri = 0usize;
    let mut in_cdata = false;
    for ch in text.chars() {
        loop {
            if !in_cdata && rb.get(ri..).is_some_and(|s| s.starts_with(b"<![CDATA[")) {
                ri += 9;
                in_cdata = true;
            } else if in_cdata && rb.get(ri..).is_some_and(|s| s.starts_with(b"]]>")) {
                ri += 3;
                in_cdata = false;
            } else {
                break;
            }
        }
        let here = raw.get(ri..).unwrap_or("");
        if !in_cdata && here.starts_with('&') {
            // An entity or character reference: one character at its start.
            let pos = ri;
            ri += here.find(';').map_or(1, |p| p + 1);
            line.push(ch, Origin::Byte(base + pos), false);
        } else if here.starts_with(ch) {
            line.push(ch, Origin::Byte(base + ri), true);
            ri += ch.len_utf8();
        } else if ch == '\n' && here.starts_with("\r\n") {
            line.push(ch, Origin::Byte(base + ri), false);
            ri += 2;
        } else if ch == '\n' && here.starts_with('\r') {
            line.push(ch, Origin::Byte(base + ri), false);
            ri += 1;
        } else {
            // Out of step (should not happen): map to the current position.
            line.push(ch, Origin::Byte(base + ri.min(raw.len())), false);
        }
    }
}

/// All text of a node (descendant text nodes), whitespace-collapsed.
pub(crate) fn plain_text(n: Node<'_, '_>) -> String {
    let mut s = String::new();
    for d in n.descendants().filter(|d| d.is_text()) {
        if let Some(t) = d.text() {
            s.push_str(t);
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctype_without_subset_is_blanked() {
        let mut t = "<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"a.dtd\">\n<a>x</a>".to_string();
        let len = t.len();
        assert!(prescan(&mut t).is_ok());
        assert_eq!(t.len(), len);
        assert!(!t.contains("DOCTYPE"));
    }

    #[test]
    fn doctype_with_entities_is_refused() {
        let mut t =
            "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>".to_string();
        let e = prescan(&mut t).err();
        assert!(e.is_some_and(|e| e.message.contains("DOCTYPE")));
    }

    #[test]
    fn depth_is_limited() {
        let mut t = "<a>".repeat(MAX_DEPTH + 1);
        assert!(prescan(&mut t).is_err());
        let mut ok = "<a>".repeat(MAX_DEPTH);
        assert!(prescan(&mut ok).is_ok());
    }
}
