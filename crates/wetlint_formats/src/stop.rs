//! STOP/IMOP XML (LVBB deliveries, namespace
//! `https://standaarden.overheid.nl/stop/imop/tekst/`): `BesluitCompact` /
//! `BesluitKlassiek` (`RegelingOpschrift`, `Aanhef`, `Lichaam`, `Sluiting`,
//! `WijzigBijlage`), `RegelingCompact` / `RegelingKlassiek` /
//! `RegelingVrijetekst`, `Kennisgeving`; `Hoofdstuk`/`Afdeling`/`Paragraaf`/
//! `Artikel` with `Kop` (`Label`, `Nummer`, `Opschrift`), `Lid` (`LidNummer`,
//! `Inhoud` › `Al`), `Lijst`/`Li` (`LiNummer`), `Begrippenlijst` › `Begrip`
//! (rendered as definitions), `IntRef`/`ExtRef`, `Toelichting` with
//! `AlgemeneToelichting` and `ArtikelgewijzeToelichting` (its `Divisie` /
//! `Divisietekst` headings become sections and "Artikel …" entries).
//!
//! Documents, in order: the besluit (if any) and its own toelichting, then
//! every regulation a `WijzigBijlage` establishes (`RegelingCompact`, …) with
//! its toelichting. A `RegelingMutatie` (amendments to an existing
//! regulation) stays in the besluit as quoted text (`> …`).

use std::sync::Arc;

use roxmltree::Node;

use crate::render::{Flow, Render, find, is, lname};
use crate::{Converted, Format, FormatError, Role, xml};

const BESLUIT: [&str; 2] = ["BesluitCompact", "BesluitKlassiek"];
const REGELING: [&str; 4] = [
    "RegelingCompact",
    "RegelingKlassiek",
    "RegelingVrijetekst",
    "RegelingTijdelijkdeel",
];
const OTHER: [&str; 3] = ["Kennisgeving", "Rectificatie", "Mededeling"];
const TOELICHTING: [&str; 4] = [
    "Toelichting",
    "Motivering",
    "ArtikelgewijzeToelichting",
    "AlgemeneToelichting",
];

struct Out<'s> {
    src: &'s str,
    source: Arc<str>,
    docs: Vec<Converted>,
}

impl Out<'_> {
    fn emit(&mut self, r: Render<'_>, role: Role, name: &str) {
        if r.doc.is_empty() {
            return;
        }
        let (text, map) = r.doc.finish(Some(self.source.clone()));
        self.docs.push(Converted {
            role,
            name: name.into(),
            text,
            map,
            format: Format::StopXml,
        });
    }

    fn toelichtingen(&mut self, nodes: &[Node<'_, '_>]) {
        for t in nodes {
            let mut r = Render::new(self.src);
            if is(*t, &["Toelichting", "Motivering"]) {
                r.toelichting(*t, "Toelichting");
            } else {
                // A bare AlgemeneToelichting / ArtikelgewijzeToelichting.
                r.push(crate::render::synthetic(
                    "# ",
                    "Toelichting",
                    xml::origin(*t),
                ));
                r.title_done = true;
                let line = r.kop_line("## ", find(*t, &["Kop"]), *t, None);
                if !line.is_blank() {
                    r.push(line);
                }
                r.sections(*t, 3);
            }
            self.emit(r, Role::Toelichting, "toelichting");
        }
    }
}

/// Reads a STOP XML file.
pub fn read(bytes: &[u8]) -> Result<Vec<Converted>, FormatError> {
    let src = xml::source(bytes)?;
    let doc = xml::parse(&src)?;
    let root = doc.root_element();
    let mut out = Out {
        src: &src.text,
        source: src.text.clone(),
        docs: Vec::new(),
    };
    walk(&mut out, root);
    if out.docs.is_empty() {
        return Err(FormatError::new(format!(
            "geen besluit, regeling of kennisgeving gevonden in dit STOP-bestand (hoofdelement <{}>)",
            xml::name(root)
        )));
    }
    Ok(out.docs)
}

fn walk(out: &mut Out<'_>, n: Node<'_, '_>) {
    if is(n, &BESLUIT) {
        besluit(out, n);
    } else if is(n, &REGELING) {
        regeling(out, n);
    } else if is(n, &OTHER) {
        let mut r = Render::new(out.src);
        let mut toel = Vec::new();
        parts(&mut r, n, &mut toel, &mut Vec::new());
        let name = lname(n);
        out.emit(r, Role::Unknown, &name);
        out.toelichtingen(&toel);
    } else if is(n, &TOELICHTING) {
        out.toelichtingen(&[n]);
    } else {
        for c in n.children().filter(|c| c.is_element()) {
            walk(out, c);
        }
    }
}

/// Renders the common parts of a besluit or regeling; collects toelichtingen
/// and the regulations in `WijzigBijlage`s.
fn parts<'a, 'i>(
    r: &mut Render<'_>,
    n: Node<'a, 'i>,
    toel: &mut Vec<Node<'a, 'i>>,
    regelingen: &mut Vec<Node<'a, 'i>>,
) {
    for c in n.children().filter(|c| c.is_element()) {
        match xml::name(c) {
            "RegelingOpschrift" => r.title(c),
            "Aanhef" | "Sluiting" => r.paragraphs(c),
            "Lichaam" => r.body(c),
            "Kop" => {}
            "WijzigBijlage" => {
                let line = r.kop_line("## ", find(c, &["Kop"]), c, Some("Bijlage"));
                r.push(line);
                for g in c.children().filter(|g| g.is_element()) {
                    if is(g, &REGELING) {
                        regelingen.push(g);
                    } else if is(g, &["RegelingMutatie"]) {
                        mutation(r, g);
                    } else if !is(g, &["Kop"]) {
                        r.body_item(g);
                    }
                }
            }
            name if TOELICHTING.contains(&name) => toel.push(c),
            _ => r.body_item(c),
        }
    }
}

fn besluit(out: &mut Out<'_>, n: Node<'_, '_>) {
    let mut r = Render::new(out.src);
    let mut toel = Vec::new();
    let mut regelingen = Vec::new();
    parts(&mut r, n, &mut toel, &mut regelingen);
    out.emit(r, Role::Regeling, "besluit");
    out.toelichtingen(&toel);
    for g in regelingen {
        regeling(out, g);
    }
}

fn regeling(out: &mut Out<'_>, n: Node<'_, '_>) {
    let mut r = Render::new(out.src);
    let mut toel = Vec::new();
    let mut nested = Vec::new();
    parts(&mut r, n, &mut toel, &mut nested);
    out.emit(r, Role::Regeling, "regeling");
    out.toelichtingen(&toel);
    for g in nested {
        regeling(out, g);
    }
}

/// A `RegelingMutatie`: its new and replaced texts as quoted lines.
fn mutation(r: &mut Render<'_>, n: Node<'_, '_>) {
    let mut flow = Flow::default();
    for action in n.children().filter(|c| c.is_element()) {
        for g in action.children().filter(|g| g.is_element()) {
            r.flow_item(&mut flow, g);
            flow.glue = false;
        }
    }
    for mut l in flow.lines {
        l.marker = format!("> {}", l.marker);
        l.tight = false;
        r.push(l);
    }
}
