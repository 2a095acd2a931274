//! The outline of a document (what `wetlint outline` prints), as JSON or as
//! an indented Dutch text tree; also used for the syntax snapshot tests.

use crate::{Document, Resolution, Span};
use serde::Serialize;

#[derive(Serialize)]
struct Location {
    row: u32,
    column: u32,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    number: &'a str,
    title: Option<&'a str>,
    leden: usize,
    onderdelen: usize,
    changes: usize,
    quoted: bool,
    clauses: &'a [crate::Clause],
    unit: Option<String>,
    location: Location,
}

#[derive(Serialize)]
struct DefinitionOut<'a> {
    term: &'a str,
    definition: &'a str,
    article: Option<&'a str>,
    scope: crate::DefinitionScope,
    location: Location,
}

#[derive(Serialize)]
struct ReferenceOut<'a> {
    text: &'a str,
    kind: &'static str,
    regulation: Option<&'a str>,
    bwb_id: Option<&'a str>,
    target: Option<String>,
    status: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct DelegationOut<'a> {
    formula: crate::DelegationFormula,
    article: Option<&'a str>,
    nadere: bool,
    facultatief: bool,
    onderwerp: Option<&'a str>,
    location: Location,
}

#[derive(Serialize)]
struct SectionOut<'a> {
    level: u8,
    number: Option<&'a str>,
    title: &'a str,
    artikelsgewijs: bool,
    location: Location,
}

#[derive(Serialize)]
struct UnitOut<'a> {
    kind: crate::UnitKind,
    number: Option<&'a str>,
    title: Option<&'a str>,
    parent: Option<usize>,
    location: Location,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    message: &'a str,
    location: Location,
}

#[derive(Serialize)]
struct Outline<'a> {
    file: &'a str,
    kind: &'static str,
    title: Option<&'a str>,
    citeertitel: Option<&'a str>,
    units: Vec<UnitOut<'a>>,
    articles: Vec<ArticleOut<'a>>,
    definitions: Vec<DefinitionOut<'a>>,
    references: Vec<ReferenceOut<'a>>,
    delegations: Vec<DelegationOut<'a>>,
    sections: Vec<SectionOut<'a>>,
    toelichting_articles: Vec<String>,
    errors: Vec<ErrorOut<'a>>,
}

fn loc(doc: &Document, text: &str, span: Span) -> Location {
    let lc = doc.line_index.line_col(text, span.start);
    Location {
        row: lc.row,
        column: lc.column,
    }
}

fn target_string(doc: &Document, r: &crate::Reference) -> Option<String> {
    let t = &r.target;
    let article = t.article.as_deref().or_else(|| {
        r.from_article
            .and_then(|a| doc.articles.get(a))
            .map(|a| a.number.as_str())
    })?;
    let mut s = format!("artikel {article}");
    if let Some(l) = t.lid {
        s.push_str(&format!(", lid {l}"));
    }
    if let Some(o) = &t.onderdeel {
        s.push_str(&format!(", onderdeel {o}"));
    }
    if let Some(sub) = &t.sub {
        s.push_str(&format!(", onder {sub}°"));
    }
    Some(s)
}

fn build<'a>(doc: &'a Document, text: &'a str, file: &'a str) -> Outline<'a> {
    let art_num = |i: Option<usize>| {
        i.and_then(|i| doc.articles.get(i))
            .map(|a| a.number.as_str())
    };
    Outline {
        file,
        kind: doc.kind().as_str(),
        title: doc.title.as_ref().map(|t| t.text.as_str()),
        citeertitel: doc.citeertitel.as_ref().map(|t| t.text.as_str()),
        units: doc
            .units
            .iter()
            .map(|u| UnitOut {
                kind: u.kind,
                number: u.number.as_deref(),
                title: u.title.as_deref(),
                parent: u.parent,
                location: loc(doc, text, u.heading),
            })
            .collect(),
        articles: doc
            .articles
            .iter()
            .map(|a| ArticleOut {
                number: &a.number,
                title: a.title.as_deref(),
                leden: a.lid_count(),
                onderdelen: a.onderdelen.len()
                    + a.leden.iter().map(|l| l.onderdelen.len()).sum::<usize>(),
                changes: a.changes.len(),
                quoted: a.quoted,
                clauses: &a.clauses,
                unit: a.unit.and_then(|u| doc.units.get(u)).map(|u| {
                    format!(
                        "{} {}",
                        u.kind.label_nl(),
                        u.number.as_deref().unwrap_or("")
                    )
                    .trim()
                    .to_string()
                }),
                location: loc(doc, text, a.heading),
            })
            .collect(),
        definitions: doc
            .definitions
            .iter()
            .map(|d| DefinitionOut {
                term: &d.term,
                definition: &d.definition,
                article: art_num(d.article),
                scope: d.scope,
                location: loc(doc, text, d.term_span),
            })
            .collect(),
        references: doc
            .references
            .iter()
            .map(|r| {
                let (kind, regulation, bwb_id) = match &r.kind {
                    crate::ReferenceKind::Internal => ("intern", None, None),
                    crate::ReferenceKind::External { regulation, bwb_id } => {
                        ("extern", Some(regulation.as_str()), bwb_id.as_deref())
                    }
                    crate::ReferenceKind::Amended => ("gewijzigde-regeling", None, None),
                    crate::ReferenceKind::Toelichting => ("toelichting", None, None),
                };
                let (status, target) = match r.resolution {
                    Resolution::Resolved { .. } => ("opgelost", target_string(doc, r)),
                    Resolution::ArticleMissing => ("artikel-ontbreekt", None),
                    Resolution::LidMissing { .. } => ("lid-ontbreekt", None),
                    Resolution::OnderdeelMissing { .. } => ("onderdeel-ontbreekt", None),
                    Resolution::SubMissing { .. } => ("subonderdeel-ontbreekt", None),
                    Resolution::NotChecked => ("niet-gecontroleerd", None),
                };
                ReferenceOut {
                    text: &r.text,
                    kind,
                    regulation,
                    bwb_id,
                    target,
                    status,
                    location: loc(doc, text, r.span),
                }
            })
            .collect(),
        delegations: doc
            .delegations
            .iter()
            .map(|d| DelegationOut {
                formula: d.formula,
                article: art_num(d.article),
                nadere: d.nadere,
                facultatief: d.facultatief,
                onderwerp: d.onderwerp.as_deref(),
                location: loc(doc, text, d.span),
            })
            .collect(),
        sections: doc
            .sections
            .iter()
            .map(|s| SectionOut {
                level: s.level,
                number: s.number.as_deref(),
                title: &s.title,
                artikelsgewijs: s.artikelsgewijs,
                location: loc(doc, text, s.heading),
            })
            .collect(),
        toelichting_articles: doc
            .toelichting_articles
            .iter()
            .flat_map(|e| {
                let mut keys: Vec<String> = e.keys.iter().map(|k| k.to_string()).collect();
                if let Some((from, to)) = &e.range {
                    keys = vec![format!("{from} tot en met {to}")];
                }
                keys
            })
            .collect(),
        errors: doc
            .errors
            .iter()
            .map(|e| ErrorOut {
                message: &e.message,
                location: loc(doc, text, e.span),
            })
            .collect(),
    }
}

/// Renders the outline as pretty JSON.
pub fn to_json(doc: &Document, text: &str, file: &str) -> String {
    serde_json::to_string_pretty(&build(doc, text, file))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Renders the outline as an indented Dutch text tree.
pub fn to_text(doc: &Document, text: &str, file: &str) -> String {
    use std::fmt::Write;
    let o = build(doc, text, file);
    let mut s = String::new();
    let _ = writeln!(s, "{file}: {}", doc.kind().label_nl());
    if let Some(t) = o.title {
        let _ = writeln!(s, "opschrift: {t}");
    }
    if let Some(c) = o.citeertitel {
        let _ = writeln!(s, "citeertitel: {c}");
    }
    if doc.kind().is_toelichting() {
        for sec in &o.sections {
            let indent = "  ".repeat(sec.level.saturating_sub(1) as usize);
            let num = sec.number.map(|n| format!("{n} ")).unwrap_or_default();
            let _ = writeln!(
                s,
                "{}:{} {indent}{num}{}",
                sec.location.row, sec.location.column, sec.title
            );
        }
        let _ = writeln!(
            s,
            "{} artikelsgewijze toelichtingen: {}",
            o.toelichting_articles.len(),
            o.toelichting_articles.join("; ")
        );
    } else {
        let mut depth_of: Vec<usize> = Vec::new();
        let mut next_article = 0;
        for (ui, u) in doc.units.iter().enumerate() {
            // Articles before this unit.
            while next_article < doc.articles.len()
                && doc.articles[next_article].heading.start < u.heading.start
            {
                write_article(
                    &mut s,
                    &o.articles[next_article],
                    depth_of
                        .get(doc.articles[next_article].unit.unwrap_or(usize::MAX))
                        .copied(),
                );
                next_article += 1;
            }
            let depth = u
                .parent
                .and_then(|p| depth_of.get(p).copied())
                .map_or(0, |d| d + 1);
            depth_of.push(depth);
            let _ = writeln!(
                s,
                "{}:{} {}{} {} {}",
                o.units[ui].location.row,
                o.units[ui].location.column,
                "  ".repeat(depth),
                u.kind.label_nl(),
                u.number.as_deref().unwrap_or(""),
                u.title.as_deref().unwrap_or("")
            );
        }
        while next_article < doc.articles.len() {
            write_article(
                &mut s,
                &o.articles[next_article],
                depth_of
                    .get(doc.articles[next_article].unit.unwrap_or(usize::MAX))
                    .copied(),
            );
            next_article += 1;
        }
        let _ = writeln!(
            s,
            "{} artikelen, {} begripsbepalingen, {} verwijzingen, {} delegatiebepalingen",
            o.articles.len(),
            o.definitions.len(),
            o.references.len(),
            o.delegations.len()
        );
    }
    for e in &o.errors {
        let _ = writeln!(
            s,
            "{}:{} fout: {}",
            e.location.row, e.location.column, e.message
        );
    }
    s
}

fn write_article(s: &mut String, a: &ArticleOut<'_>, unit_depth: Option<usize>) {
    use std::fmt::Write;
    let depth = unit_depth.map_or(0, |d| d + 1);
    let _ = writeln!(
        s,
        "{}:{} {}artikel {}{}{}",
        a.location.row,
        a.location.column,
        "  ".repeat(depth),
        a.number,
        a.title.map(|t| format!(" {t}")).unwrap_or_default(),
        if a.leden > 0 {
            format!(" ({} leden)", a.leden)
        } else {
            String::new()
        }
    );
}
