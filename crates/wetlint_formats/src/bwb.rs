//! BWB toestand XML (wetten.overheid.nl): `<toestand>` › `<wetgeving>` ›
//! `<intitule>`, `<citeertitel>`, `<wet-besluit>`/`<regeling>`/`<verdrag>` ›
//! `<aanhef>`, `<wettekst>` › divisions › `<artikel>` with `<kop>`, `<lid>`,
//! `<lijst>`/`<li>`, references, `<wetsluiting>`, `<bijlage>`. Metadata
//! (`meta-data`, `jcis`, `brondata`, the toestand header) is skipped. A
//! `<toelichting>` (or `nota-toelichting`, `memorie-van-toelichting`) in the
//! file becomes a second document.

use std::sync::Arc;

use roxmltree::Node;

use crate::render::{Render, SKIP, find, is, lname};
use crate::{Converted, Format, FormatError, Role, xml};

/// Reads a BWB XML file.
pub fn read(bytes: &[u8]) -> Result<Vec<Converted>, FormatError> {
    let src = xml::source(bytes)?;
    let doc = xml::parse(&src)?;
    let root = doc.root_element();
    let wetgeving = if is(root, &["wetgeving"]) {
        Some(root)
    } else {
        root.descendants().find(|d| is(*d, &["wetgeving"]))
    };
    let top = wetgeving.unwrap_or(root);
    let mut r = Render::new(&src.text);
    let mut toelichtingen: Vec<Node<'_, '_>> = Vec::new();
    instrument(&mut r, top, &mut toelichtingen);
    if r.doc.is_empty() {
        return Err(FormatError::new(format!(
            "geen regelingstekst gevonden in dit BWB-bestand (hoofdelement <{}>)",
            xml::name(root)
        )));
    }
    let source: Arc<str> = src.text.clone();
    let (text, map) = r.doc.finish(Some(source.clone()));
    let mut out = vec![Converted {
        role: Role::Regeling,
        name: "regeling".into(),
        text,
        map,
        format: Format::BwbXml,
    }];
    for t in toelichtingen {
        let mut r = Render::new(&src.text);
        r.toelichting(t, toelichting_title(&lname(t)));
        let (text, map) = r.doc.finish(Some(source.clone()));
        out.push(Converted {
            role: Role::Toelichting,
            name: "toelichting".into(),
            text,
            map,
            format: Format::BwbXml,
        });
    }
    Ok(out)
}

pub(crate) fn toelichting_title(name: &str) -> &'static str {
    if name.contains("memorie") {
        "Memorie van toelichting"
    } else if name.contains("nota") {
        "Nota van toelichting"
    } else {
        "Toelichting"
    }
}

pub(crate) fn instrument<'a, 'i>(
    r: &mut Render<'_>,
    n: Node<'a, 'i>,
    toel: &mut Vec<Node<'a, 'i>>,
) {
    for c in n.children().filter(|c| c.is_element()) {
        let name = lname(c);
        let nm = name.as_str();
        if SKIP.contains(&nm) || nm == "citeertitel" {
            continue;
        }
        if nm.contains("toelichting") {
            toel.push(c);
            continue;
        }
        match nm {
            "intitule" => r.title(c),
            "kop" => {
                // The kop of a verdragtekst: its title.
                match find(c, &["titel"]) {
                    Some(t) if !r.title_done => r.title(t),
                    _ => {
                        let line = r.kop_line("## ", Some(c), c, None);
                        if !line.is_blank() {
                            r.push(line);
                        }
                    }
                }
            }
            "aanhef" | "wetsluiting" | "regeling-sluiting" | "slotformulering" | "preambule" => {
                r.paragraphs(c)
            }
            "wet-besluit" | "regeling" | "circulaire" | "verdrag" | "verdragtekst"
            | "vrije-tekst" => instrument(r, c, toel),
            "wettekst" | "regeling-tekst" | "circulaire-tekst" | "tekst" => r.body(c),
            _ => r.body_item(c),
        }
    }
}
