//! Document symbols: the Hoofdstuk/Afdeling/Artikel tree of a regulation
//! (with leden and begripsbepalingen), and the heading tree of a toelichting.

use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolResponse, Location, SymbolInformation, SymbolKind,
};
use wetlint_syntax::{Document, Span, UnitKind};

use crate::State;
use crate::session::Snapshot;

pub fn symbols(state: &State, key: &str, nested: bool) -> Option<DocumentSymbolResponse> {
    let snap = state.lock().snapshot(key)?;
    let tree = tree(&snap);
    if nested {
        Some(DocumentSymbolResponse::Nested(tree))
    } else {
        let mut flat = Vec::new();
        flatten(&snap, &tree, None, &mut flat);
        Some(DocumentSymbolResponse::Flat(flat))
    }
}

/// The symbol tree of a document.
pub fn tree(snap: &Snapshot) -> Vec<DocumentSymbol> {
    let doc = snap.doc();
    let mut out = regulation_tree(snap, doc);
    out.extend(toelichting_tree(snap, doc));
    out.sort_by_key(|s| (s.range.start.line, s.range.start.character));
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn unit_kind(k: UnitKind) -> SymbolKind {
    match k {
        UnitKind::Deel | UnitKind::Boek | UnitKind::Hoofdstuk | UnitKind::Titel => {
            SymbolKind::NAMESPACE
        }
        UnitKind::Afdeling | UnitKind::Paragraaf | UnitKind::Subparagraaf => SymbolKind::MODULE,
        UnitKind::Bijlage => SymbolKind::FILE,
        UnitKind::Aanwijzing | UnitKind::Artikel => SymbolKind::CLASS,
    }
}

#[allow(deprecated)]
fn symbol(
    snap: &Snapshot,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    heading: Span,
) -> DocumentSymbol {
    let span = span.cover(heading);
    DocumentSymbol {
        name: if name.trim().is_empty() {
            "(naamloos)".to_string()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: snap.range(span),
        selection_range: snap.range(heading),
        children: None,
    }
}

fn regulation_tree(snap: &Snapshot, doc: &Document) -> Vec<DocumentSymbol> {
    enum Node {
        Unit(usize),
        Article(usize),
    }
    let start = |n: &Node| match n {
        Node::Unit(i) => doc.units[*i].heading.start,
        Node::Article(i) => doc.articles[*i].heading.start,
    };
    let mut children: Vec<Vec<Node>> = (0..doc.units.len()).map(|_| Vec::new()).collect();
    let mut roots: Vec<Node> = Vec::new();
    for (i, u) in doc.units.iter().enumerate() {
        match u.parent.filter(|&p| p < i) {
            Some(p) => children[p].push(Node::Unit(i)),
            None => roots.push(Node::Unit(i)),
        }
    }
    for (i, a) in doc.articles.iter().enumerate() {
        if a.quoted {
            continue;
        }
        match a.unit.filter(|&u| u < doc.units.len()) {
            Some(u) => children[u].push(Node::Article(i)),
            None => roots.push(Node::Article(i)),
        }
    }
    fn build(
        snap: &Snapshot,
        doc: &Document,
        node: &Node,
        children: &mut Vec<Vec<Node>>,
        start: &dyn Fn(&Node) -> usize,
    ) -> DocumentSymbol {
        match node {
            Node::Unit(i) => {
                let u = &doc.units[*i];
                let mut name = capitalise(u.kind.label_nl());
                if let Some(n) = &u.number {
                    name.push(' ');
                    name.push_str(n);
                }
                let mut s = symbol(
                    snap,
                    name,
                    u.title.clone(),
                    unit_kind(u.kind),
                    u.span,
                    u.heading,
                );
                let mut kids = std::mem::take(&mut children[*i]);
                kids.sort_by_key(|n| start(n));
                let built: Vec<DocumentSymbol> = kids
                    .iter()
                    .map(|k| build(snap, doc, k, children, start))
                    .collect();
                s.children = (!built.is_empty()).then_some(built);
                s
            }
            Node::Article(i) => {
                let a = &doc.articles[*i];
                let label = if a.number == "enig" {
                    "Enig artikel".to_string()
                } else {
                    format!("{} {}", capitalise(a.kind.label_nl()), a.number)
                };
                let mut s = symbol(
                    snap,
                    label,
                    a.title.clone(),
                    unit_kind(a.kind),
                    a.span,
                    a.heading,
                );
                let mut kids: Vec<DocumentSymbol> = a
                    .leden
                    .iter()
                    .map(|l| {
                        symbol(
                            snap,
                            format!("lid {}", l.number),
                            None,
                            SymbolKind::FIELD,
                            l.span,
                            l.marker,
                        )
                    })
                    .collect();
                kids.extend(
                    doc.definitions
                        .iter()
                        .filter(|d| d.article == Some(*i))
                        .map(|d| {
                            symbol(
                                snap,
                                d.term.clone(),
                                Some("begrip".to_string()),
                                SymbolKind::CONSTANT,
                                d.span,
                                d.term_span,
                            )
                        }),
                );
                kids.sort_by_key(|k| (k.range.start.line, k.range.start.character));
                s.children = (!kids.is_empty()).then_some(kids);
                s
            }
        }
    }
    roots.sort_by_key(|n| start(n));
    roots
        .iter()
        .map(|n| build(snap, doc, n, &mut children, &start))
        .collect()
}

fn toelichting_tree(snap: &Snapshot, doc: &Document) -> Vec<DocumentSymbol> {
    let n = doc.sections.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, s) in doc.sections.iter().enumerate() {
        match s.parent.filter(|&p| p < i) {
            Some(p) => children[p].push(i),
            None => roots.push(i),
        }
    }
    fn build(snap: &Snapshot, doc: &Document, i: usize, children: &[Vec<usize>]) -> DocumentSymbol {
        let s = &doc.sections[i];
        let name = match &s.number {
            Some(n) if n.contains('.') => format!("{n} {}", s.title),
            Some(n) => format!("{n}. {}", s.title),
            None => s.title.clone(),
        };
        let entry = s.artikelsgewijs && s.title.to_lowercase().starts_with("artikel");
        let kind = if entry {
            SymbolKind::CLASS
        } else if s.level <= 1 {
            SymbolKind::NAMESPACE
        } else {
            SymbolKind::MODULE
        };
        let mut sym = symbol(snap, name, None, kind, s.span, s.heading);
        let kids: Vec<DocumentSymbol> = children[i]
            .iter()
            .map(|&c| build(snap, doc, c, children))
            .collect();
        sym.children = (!kids.is_empty()).then_some(kids);
        sym
    }
    roots
        .iter()
        .map(|&i| build(snap, doc, i, &children))
        .collect()
}

#[allow(deprecated)]
fn flatten(
    snap: &Snapshot,
    tree: &[DocumentSymbol],
    container: Option<&str>,
    out: &mut Vec<SymbolInformation>,
) {
    for s in tree {
        out.push(SymbolInformation {
            name: s.name.clone(),
            kind: s.kind,
            tags: None,
            deprecated: None,
            location: Location {
                uri: snap.uri.clone(),
                range: s.range,
            },
            container_name: container.map(str::to_string),
        });
        if let Some(c) = &s.children {
            flatten(snap, c, Some(&s.name), out);
        }
    }
}
