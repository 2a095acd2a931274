//! Officiële publicaties XML (Kamerstukken, as on officielebekendmakingen.nl):
//! `kst-…-2.xml` holds the voorstel van wet (`<kamerstuk>` › `<wetsvoorstel>`
//! › `<wet-besluit>` › `<aanhef>`, `<wettekst>` › `<artikel>` …), `-3.xml` the
//! memorie van toelichting (`<vrije-tekst>` or `<memorie-van-toelichting>` /
//! `<toelichting>` with `<tussenkop>`, `<divisie>` › `<kop>`, `<al>`). No real
//! file was at hand when this was written; the reader follows the published
//! element names and is tolerant: unknown wrappers are descended into, and
//! any other XML with `<artikel>`s or paragraphs still reads.

use std::sync::Arc;

use roxmltree::Node;

use crate::render::{Render, find, is, lname};
use crate::{Converted, Format, FormatError, Role, bwb, xml};

const TOELICHTING: [&str; 5] = [
    "memorie-van-toelichting",
    "toelichting",
    "nota-van-toelichting",
    "nota-toelichting",
    "memorie",
];

fn stuk_title(root: Node<'_, '_>) -> String {
    root.descendants()
        .find(|d| is(*d, &["stuk"]))
        .and_then(|s| find(s, &["titel"]))
        .map(xml::plain_text)
        .unwrap_or_default()
}

fn dossier_title<'a, 'i>(root: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    root.descendants()
        .find(|d| is(*d, &["dossier"]))
        .and_then(|s| find(s, &["titel"]))
}

fn says_toelichting(t: &str) -> Option<&'static str> {
    let l = t.to_lowercase();
    if l.contains("memorie van toelichting") {
        Some("Memorie van toelichting")
    } else if l.contains("nota van toelichting") {
        Some("Nota van toelichting")
    } else if l.trim() == "toelichting" {
        Some("Toelichting")
    } else {
        None
    }
}

/// Reads an officiële-publicaties XML file.
pub fn read(bytes: &[u8]) -> Result<Vec<Converted>, FormatError> {
    let src = xml::source(bytes)?;
    let doc = xml::parse(&src)?;
    let root = doc.root_element();
    let source: Arc<str> = src.text.clone();
    let mut out = Vec::new();
    let stuk = stuk_title(root);

    // The regulation: a wetsvoorstel, a wet-besluit or loose articles.
    let voorstel = if is(
        root,
        &["wetsvoorstel", "wet-besluit", "regeling", "besluit"],
    ) {
        Some(root)
    } else {
        root.descendants()
            .find(|d| is(*d, &["wetsvoorstel", "wet-besluit", "regeling"]))
            .or_else(|| {
                root.descendants()
                    .find(|d| is(*d, &["wettekst"]))
                    .and_then(|w| w.parent_element())
            })
    };
    let mut toel: Vec<Node<'_, '_>> = Vec::new();
    if let Some(v) = voorstel {
        let mut r = Render::new(&src.text);
        let intitule = v
            .descendants()
            .find(|d| is(*d, &["intitule", "wetsvoorstel-intitule"]));
        match intitule.or_else(|| dossier_title(root)) {
            Some(t) => r.title(t),
            None => r.push(crate::render::synthetic(
                "# ",
                "Voorstel van wet",
                xml::origin(v),
            )),
        }
        r.title_done = true;
        bwb::instrument(&mut r, v, &mut toel);
        if !r.doc.is_empty() {
            let (text, map) = r.doc.finish(Some(source.clone()));
            out.push(Converted {
                role: Role::Regeling,
                name: "voorstel".into(),
                text,
                map,
                format: Format::OfficielePublicatieXml,
            });
        }
    }

    // The toelichting: an explicit element, or the free text of a stuk whose
    // title says memorie/nota van toelichting.
    let explicit = root
        .descendants()
        .filter(|d| is(*d, &TOELICHTING))
        .find(|d| !d.ancestors().skip(1).any(|a| is(a, &TOELICHTING)));
    let title = says_toelichting(&stuk);
    let body = explicit
        .or_else(|| {
            title.and_then(|_| {
                root.descendants()
                    .find(|d| is(*d, &["vrije-tekst"]))
                    .or_else(|| root.descendants().find(|d| is(*d, &["tekst"])))
            })
        })
        .or_else(|| toel.first().copied());
    if let Some(b) = body {
        let name = lname(b);
        let t = title.unwrap_or_else(|| bwb::toelichting_title(&name));
        let mut r = Render::new(&src.text);
        r.toelichting(b, t);
        let (text, map) = r.doc.finish(Some(source.clone()));
        out.push(Converted {
            role: Role::Toelichting,
            name: "toelichting".into(),
            text,
            map,
            format: Format::OfficielePublicatieXml,
        });
    }

    if out.is_empty() {
        // Tolerant fallback: whatever text there is.
        let mut r = Render::new(&src.text);
        if let Some(t) = dossier_title(root) {
            r.title(t);
        }
        r.body(root);
        if r.doc.is_empty() {
            return Err(FormatError::new(format!(
                "geen wetsvoorstel of toelichting gevonden in dit XML-bestand (hoofdelement <{}>)",
                xml::name(root)
            )));
        }
        let (text, map) = r.doc.finish(Some(source));
        out.push(Converted {
            role: Role::Unknown,
            name: "document".into(),
            text,
            map,
            format: Format::OfficielePublicatieXml,
        });
    }
    Ok(out)
}
