//! Code actions, all as plain `WorkspaceEdit`s (no client commands):
//!
//! * apply a finding's fix;
//! * suppress a finding with a reason (`<!-- wetlint-disable-next-line CODE: reden -->`);
//! * insert a model clause the regulation lacks (begripsbepalingen Ar 5.3,
//!   hardheidsclausule Ar 5.26, evaluatiebepaling Ar 5.58, inwerkingtreding
//!   Ar 4.21, citeertitel Ar 4.25) as a new article at its usual place,
//!   numbered after the last article;
//! * insert an artikelsgewijze toelichting stub in the paired toelichting for
//!   an article without one;
//! * insert a skeleton section (Uitvoering, Financiële gevolgen, Advies en
//!   consultatie, …) that a toelichting lacks, in the heading style in use.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::json;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit,
    Uri, WorkspaceEdit,
};
use wetlint_data::SectionKey;
use wetlint_syntax::{Article, Clause, Document, DocumentKind, Span};

use super::diagnostics::{fix_edits, to_lsp};
use super::{Unit, entry_articles, open_unit};
use crate::State;
use crate::session::{LintOutcome, Snapshot};

/// Placeholder reason of a suppression; the user replaces it.
pub const REASON_PLACEHOLDER: &str = "vul hier de reden in";

pub fn actions(
    state: &State,
    params: &CodeActionParams,
    document_changes: bool,
) -> Option<CodeActionResponse> {
    let key = params.text_document.uri.as_str();
    let (snap, unit) = open_unit(state, key)?;
    let req = snap.lines.span(&snap.text, params.range);
    let wants = |kind: &CodeActionKind| {
        params
            .context
            .only
            .as_ref()
            .is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
    };
    let versions =
        |uri: &Uri| -> Option<i32> { state.lock().open.get(uri.as_str()).map(|d| d.version) };
    let build =
        |changes: Vec<(Uri, Vec<TextEdit>)>| workspace_edit(changes, document_changes, &versions);
    let mut out: Vec<CodeActionOrCommand> = Vec::new();

    // Findings under the range (from the lint of exactly this version).
    let outcome = state
        .lock()
        .open
        .get(key)
        .and_then(|d| d.outcome.clone())
        .filter(|o| o.snapshot(key).is_some_and(|s| s.version == snap.version));
    if let Some(outcome) = &outcome {
        for d in outcome.diagnostics.iter().filter(|d| d.filename == key) {
            let (s, e) = (d.range.start, d.range.end.max(d.range.start));
            let touches = s <= req.end && req.start <= e
                || snap.lines.line_of(s) == snap.lines.line_of(req.start);
            if !touches {
                continue;
            }
            let lsp = to_lsp(outcome, d);
            if wants(&CodeActionKind::QUICKFIX)
                && let Some(fix) = &d.fix
                && fix_is_current(state, outcome, d)
                && let Some(changes) = fix_edits(outcome, d)
            {
                out.push(action(
                    fix.message.clone(),
                    CodeActionKind::QUICKFIX,
                    lsp.clone(),
                    build(changes),
                    fix.applicability == wetlint_diagnostics::Applicability::Safe,
                ));
            }
            if wants(&CodeActionKind::QUICKFIX) && !d.code.starts_with("WL") {
                out.push(action(
                    format!("Onderdruk {} op deze regel (met reden)", d.code),
                    CodeActionKind::QUICKFIX,
                    lsp,
                    build(vec![(
                        snap.uri.clone(),
                        vec![suppression_edit(&snap, s, &d.code)],
                    )]),
                    false,
                ));
            }
        }
    }

    let rewrite = CodeActionKind::REFACTOR_REWRITE;
    if wants(&rewrite) {
        let doc = snap.doc();
        if !doc.kind().is_toelichting() && !doc.articles.is_empty() {
            for (title, edit) in model_clauses(&snap) {
                out.push(action(
                    title,
                    rewrite.clone(),
                    None,
                    build(vec![(snap.uri.clone(), vec![edit])]),
                    false,
                ));
            }
            for (title, uri, edits) in toelichting_stubs(&snap, &unit, req) {
                out.push(action(
                    title,
                    rewrite.clone(),
                    None,
                    build(vec![(uri, edits)]),
                    false,
                ));
            }
        }
        if doc.kind().is_toelichting() {
            for (title, edits) in skeleton_sections(&snap) {
                out.push(action(
                    title,
                    rewrite.clone(),
                    None,
                    build(vec![(snap.uri.clone(), edits)]),
                    false,
                ));
            }
        }
    }
    Some(out)
}

fn action(
    title: String,
    kind: CodeActionKind,
    diagnostic: Option<tower_lsp_server::ls_types::Diagnostic>,
    edit: WorkspaceEdit,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(edit),
        command: None,
        is_preferred: preferred.then_some(true),
        disabled: None,
        data: Some(json!({ "bron": "wetlint" })),
    })
}

/// True when every file the fix edits is still at the version that was linted.
fn fix_is_current(
    state: &State,
    outcome: &LintOutcome,
    d: &wetlint_diagnostics::Diagnostic,
) -> bool {
    let s = state.lock();
    d.fix.iter().flat_map(|f| f.edits.iter()).all(|e| {
        let Some(snap) = outcome.snapshot(&e.filename) else {
            return false;
        };
        match s.open.get(&e.filename) {
            Some(doc) => snap.version == Some(doc.version),
            None => snap.version.is_none(),
        }
    })
}

fn workspace_edit(
    changes: Vec<(Uri, Vec<TextEdit>)>,
    document_changes: bool,
    version_of: &dyn Fn(&Uri) -> Option<i32>,
) -> WorkspaceEdit {
    if document_changes {
        WorkspaceEdit {
            changes: None,
            document_changes: Some(DocumentChanges::Edits(
                changes
                    .into_iter()
                    .map(|(uri, edits)| TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier {
                            version: version_of(&uri),
                            uri,
                        },
                        edits: edits.into_iter().map(OneOf::Left).collect(),
                    })
                    .collect(),
            )),
            change_annotations: None,
        }
    } else {
        let mut map = std::collections::HashMap::new();
        for (uri, edits) in changes {
            map.entry(uri).or_insert_with(Vec::new).extend(edits);
        }
        WorkspaceEdit {
            changes: Some(map),
            document_changes: None,
            change_annotations: None,
        }
    }
}

/// The line break the document uses.
fn newline(snap: &Snapshot) -> &'static str {
    if snap.text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

fn insert(snap: &Snapshot, at: usize, text: String) -> TextEdit {
    let r = snap.range(Span::new(at, at));
    TextEdit {
        range: r,
        new_text: text,
    }
}

/// `<!-- wetlint-disable-next-line CODE: reden -->` above the finding's line.
fn suppression_edit(snap: &Snapshot, offset: usize, code: &str) -> TextEdit {
    let line = snap.lines.line_of(offset);
    let start = snap
        .lines
        .line_span(&snap.text, line)
        .map_or(0, |s| s.start);
    insert(
        snap,
        start,
        format!(
            "<!-- wetlint-disable-next-line {code}: {REASON_PLACEHOLDER} -->{}",
            newline(snap)
        ),
    )
}

/// Text to insert at `at` so that `block` stands as its own paragraph group.
fn block_at(snap: &Snapshot, at: usize, block: &str) -> TextEdit {
    let nl = newline(snap);
    let before = snap.text.get(..at).unwrap_or("");
    let prefix = if before.is_empty() || before.ends_with(&format!("{nl}{nl}")) {
        String::new()
    } else if before.ends_with(nl) {
        nl.to_string()
    } else {
        format!("{nl}{nl}")
    };
    let after = snap.text.get(at..).unwrap_or("");
    let suffix = if after.is_empty() {
        nl.to_string()
    } else {
        format!("{nl}{nl}")
    };
    let block = block.replace('\n', nl);
    insert(snap, at, format!("{prefix}{block}{suffix}"))
}

// --- model clauses ------------------------------------------------------------

struct Wording {
    /// "deze wet", "dit besluit", "deze regeling"
    this: &'static str,
    this_cap: &'static str,
    minister: String,
}

fn wording(doc: &Document) -> Wording {
    let defined_minister = doc
        .definitions
        .iter()
        .any(|d| d.term.trim() == "Onze Minister");
    let (this, this_cap) = match doc.kind() {
        DocumentKind::Wet => ("deze wet", "Deze wet"),
        DocumentKind::Amvb => ("dit besluit", "Dit besluit"),
        DocumentKind::Beleidsregel => ("deze beleidsregel", "Deze beleidsregel"),
        _ => ("deze regeling", "Deze regeling"),
    };
    let minister = match doc.kind() {
        DocumentKind::MinisterieleRegeling | DocumentKind::Beleidsregel => {
            "Onze Minister".replace("Onze ", "De ")
        }
        _ if defined_minister => "Onze Minister".to_string(),
        _ => "Onze Minister van [ministerie]".to_string(),
    };
    Wording {
        this,
        this_cap,
        minister,
    }
}

/// The number for a new article after the last one: "6.3" → "6.4" (the
/// highest number in the last article's chapter), "12a" → "13", "IV" → "V".
pub fn next_article_number(doc: &Document) -> String {
    let Some((_, last)) = doc.own_articles().last() else {
        return "1".to_string();
    };
    let n = last.number.as_str();
    for sep in ['.', ':'] {
        if let Some((head, _)) = n.rsplit_once(sep) {
            let max = doc
                .own_articles()
                .filter_map(|(_, a)| a.number.rsplit_once(sep).filter(|(h, _)| *h == head))
                .filter_map(|(_, t)| t.parse::<u64>().ok())
                .max();
            if let Some(max) = max {
                return format!("{head}{sep}{}", max + 1);
            }
        }
    }
    let plain = doc
        .own_articles()
        .filter_map(|(_, a)| {
            let digits: String = a.number.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u64>().ok()
        })
        .max();
    if let Some(d) = plain {
        return (d + 1).to_string();
    }
    if wetlint_syntax::numbers::is_roman_number(n)
        && let Some(v) = wetlint_syntax::numbers::roman_value(n)
    {
        return to_roman(v + 1);
    }
    format!("{n}a")
}

/// The article heading style of the document: Markdown prefix and separator after the number.
fn heading_style(snap: &Snapshot, a: Option<&Article>) -> (String, &'static str) {
    let Some(a) = a else {
        return ("### ".to_string(), " ");
    };
    let line = snap.slice(a.heading);
    let hashes = line.len() - line.trim_start_matches('#').len();
    let prefix = if hashes > 0 {
        format!("{} ", "#".repeat(hashes))
    } else {
        String::new()
    };
    let sep = line
        .find(a.number.as_str())
        .and_then(|i| line.get(i + a.number.len()..))
        .filter(|rest| rest.starts_with(". ") || rest.trim() == ".")
        .map_or(" ", |_| ". ");
    (prefix, sep)
}

/// Where a new article goes before `anchor`: before the heading of the
/// outermost unit that `anchor` opens, so that it joins the previous division.
fn before_article(doc: &Document, anchor: &Article) -> usize {
    let mut pos = anchor.heading.start;
    let mut unit = anchor.unit;
    while let Some(u) = unit.and_then(|u| doc.units.get(u).map(|x| (u, x))) {
        let first = doc
            .own_articles()
            .find(|(_, a)| a.unit == Some(u.0))
            .map(|(_, a)| a.heading.start);
        if first == Some(anchor.heading.start) && u.1.heading.start < pos {
            pos = u.1.heading.start;
            unit = u.1.parent;
        } else {
            break;
        }
    }
    pos
}

fn citeertitel_suggestion(doc: &Document) -> String {
    doc.title
        .as_ref()
        .and_then(|t| {
            let s = t.text.trim();
            let open = s.rfind('(')?;
            let inner = s[open + 1..].trim_end_matches(')').trim();
            (!inner.is_empty()).then(|| inner.to_string())
        })
        .unwrap_or_else(|| "[citeertitel]".to_string())
}

fn model_clauses(snap: &Snapshot) -> Vec<(String, TextEdit)> {
    let doc = snap.doc();
    let own: Vec<&Article> = doc.own_articles().map(|(_, a)| a).collect();
    let (Some(first), Some(last)) = (own.first(), own.last()) else {
        return Vec::new();
    };
    let has = |c: Clause| own.iter().any(|a| a.clauses.contains(&c));
    let w = wording(doc);
    let number = next_article_number(doc);
    let (prefix, sep) = heading_style(snap, Some(last));
    let heading = |title: &str| format!("{prefix}Artikel {number}{sep}{title}");
    let end_of_articles = last.span.end.max(last.heading.end);
    let slot = own.iter().find(|a| {
        a.clauses.iter().any(|c| {
            matches!(
                c,
                Clause::Overgangsrecht | Clause::Inwerkingtreding | Clause::Citeertitel
            )
        })
    });
    let citeer = own
        .iter()
        .find(|a| a.clauses.contains(&Clause::Citeertitel));
    let before_slot = slot.map_or(end_of_articles, |a| before_article(doc, a));
    let wijziging = doc.kind() == DocumentKind::Wijzigingsregeling;
    let mut out = Vec::new();
    let mut add = |clause: Clause, title: &str, aw: &str, at: usize, body: String| {
        if !has(clause) {
            out.push((
                format!("Voeg {title} toe (model Ar {aw})"),
                block_at(
                    snap,
                    at,
                    &format!("{}\n\n{body}", heading(&capitalise(title))),
                ),
            ));
        }
    };
    if !wijziging {
        let intro = match doc.kind() {
            DocumentKind::Wet => format!(
                "In {} en de daarop berustende bepalingen wordt verstaan onder:",
                w.this
            ),
            _ => format!("In {} wordt verstaan onder:", w.this),
        };
        add(
            Clause::Begripsbepalingen,
            "begripsbepalingen",
            "5.3",
            first.heading.start,
            format!("{intro}\n\na. [begrip]: [omschrijving];\n\nb. [begrip]: [omschrijving]."),
        );
        add(
            Clause::Hardheidsclausule,
            "hardheidsclausule",
            "5.26",
            before_slot,
            format!(
                "{} kan artikel [nummer] buiten toepassing laten of daarvan afwijken voor zover toepassing, gelet op het belang van [doel of strekking van {}], zal leiden tot een onbillijkheid van overwegende aard.",
                w.minister, w.this
            ),
        );
        add(
            Clause::Evaluatiebepaling,
            "evaluatiebepaling",
            "5.58",
            before_slot,
            format!(
                "{} zendt binnen vijf jaar na de inwerkingtreding van {} aan de Staten-Generaal een verslag over de doeltreffendheid en de effecten van {} in de praktijk.",
                w.minister, w.this, w.this
            ),
        );
    }
    let iwt = if doc.kind() == DocumentKind::Wet {
        format!(
            "{} treedt in werking op een bij koninklijk besluit te bepalen tijdstip, dat voor de verschillende artikelen of onderdelen daarvan verschillend kan worden vastgesteld.",
            w.this_cap
        )
    } else {
        format!(
            "{} treedt in werking met ingang van [1 januari of 1 juli 20..].",
            w.this_cap
        )
    };
    let iwt_at = citeer.map_or(end_of_articles, |a| {
        before_article(doc, a).max(a.heading.start)
    });
    add(
        Clause::Inwerkingtreding,
        "inwerkingtreding",
        "4.21",
        iwt_at,
        iwt,
    );
    if !wijziging {
        add(
            Clause::Citeertitel,
            "citeertitel",
            "4.25",
            end_of_articles,
            format!(
                "{} wordt aangehaald als: {}.",
                w.this_cap,
                citeertitel_suggestion(doc)
            ),
        );
    }
    out
}

use wetlint_syntax::numbers::to_roman;

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

// --- artikelsgewijze toelichting stubs -----------------------------------------

fn toelichting_stubs(
    snap: &Arc<Snapshot>,
    unit: &Unit,
    req: Span,
) -> Vec<(String, Uri, Vec<TextEdit>)> {
    let Some(toel) = unit.toelichting.as_ref().filter(|t| t.key != snap.key) else {
        return Vec::new();
    };
    let doc = snap.doc();
    let tdoc = toel.doc();
    let covered: Vec<String> = tdoc
        .toelichting_articles
        .iter()
        .flat_map(|e| entry_articles(e, Some(doc)))
        .collect();
    let order: Vec<&Article> = doc.own_articles().map(|(_, a)| a).collect();
    let missing: Vec<usize> = (0..order.len())
        .filter(|&i| !covered.contains(&order[i].number))
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let prefix = tdoc
        .toelichting_articles
        .first()
        .map(|e| {
            let h = toel.slice(e.heading);
            let n = h.len() - h.trim_start_matches('#').len();
            if n > 0 {
                format!("{} ", "#".repeat(n))
            } else {
                String::new()
            }
        })
        .unwrap_or_else(|| {
            let part = tdoc
                .sections
                .iter()
                .find(|s| s.artikelsgewijs && s.parent.is_none());
            let n = part.map_or(2, |s| {
                let h = toel.slice(s.heading);
                h.len() - h.trim_start_matches('#').len()
            });
            format!("{} ", "#".repeat(n.max(1) + 1))
        });
    // Where the entry for article `i` goes (byte offset in the toelichting).
    let place = |i: usize| -> (usize, bool) {
        let entry_of = |n: &str| {
            tdoc.toelichting_articles
                .iter()
                .find(|e| entry_articles(e, Some(doc)).iter().any(|x| x == n))
        };
        if let Some(e) = order[..i].iter().rev().find_map(|a| entry_of(&a.number)) {
            return (e.span.end.max(e.heading.end), false);
        }
        if let Some(e) = order[i + 1..].iter().find_map(|a| entry_of(&a.number)) {
            return (e.heading.start, false);
        }
        match tdoc
            .sections
            .iter()
            .find(|s| s.artikelsgewijs && s.parent.is_none())
        {
            Some(part) => (part.span.end.max(part.heading.end), false),
            None => (toel.text.len(), true),
        }
    };
    let stub = |a: &Article| {
        format!(
            "{prefix}Artikel {n}\n\n[Toelichting op artikel {n}: wat regelt dit artikel, waarom, en hoe hangt het samen met de andere artikelen?]",
            n = a.number
        )
    };
    let part_heading = "## II. Artikelsgewijs".to_string();
    let edits_for = |idx: &[usize]| -> Vec<TextEdit> {
        let mut by_pos: BTreeMap<usize, (bool, Vec<String>)> = BTreeMap::new();
        for &i in idx {
            let (at, needs_part) = place(i);
            let e = by_pos.entry(at).or_insert((needs_part, Vec::new()));
            e.1.push(stub(order[i]));
        }
        by_pos
            .into_iter()
            .map(|(at, (needs_part, stubs))| {
                let mut block = stubs.join("\n\n");
                if needs_part {
                    block = format!("{part_heading}\n\n{block}");
                }
                block_at(toel, at, &block)
            })
            .collect()
    };
    let mut out = Vec::new();
    let file = toel
        .file_name
        .clone()
        .unwrap_or_else(|| "de toelichting".to_string());
    if let Some(here) = doc
        .article_at(req.start)
        .and_then(|ai| doc.articles.get(ai))
        && let Some(i) = order.iter().position(|a| std::ptr::eq(*a, here))
        && missing.contains(&i)
    {
        out.push((
            format!(
                "Voeg artikelsgewijze toelichting op artikel {} toe in {file}",
                here.number
            ),
            toel.uri.clone(),
            edits_for(&[i]),
        ));
    }
    if missing.len() > 1 {
        out.push((
            format!(
                "Voeg artikelsgewijze toelichting toe voor alle {} artikelen zonder toelichting",
                missing.len()
            ),
            toel.uri.clone(),
            edits_for(&missing),
        ));
    }
    out
}

// --- skeleton sections of a toelichting ------------------------------------------

/// Sections a toelichting usually has (Schrijfwijzer memorie van toelichting).
const SKELETON: [(SectionKey, &str, &str); 8] = [
    (
        SectionKey::HogerRecht,
        "Verhouding tot hoger recht",
        "[Verhouding tot de Grondwet, het EVRM, het recht van de Europese Unie en de AVG.]",
    ),
    (
        SectionKey::Gevolgen,
        "Gevolgen",
        "[Gevolgen voor burgers, bedrijven en de overheid, regeldruk en doenvermogen.]",
    ),
    (
        SectionKey::Uitvoering,
        "Uitvoering",
        "[Wie voert de regeling uit? Welke uitvoeringstoetsen zijn gedaan (uitvoeringsorganisaties, decentrale overheden) en wat is met de uitkomsten gedaan? Welke invoeringstermijn is nodig?]",
    ),
    (
        SectionKey::Toezicht,
        "Toezicht en handhaving",
        "[Wie houdt toezicht, met welke bevoegdheden en sancties, en met welke capaciteit?]",
    ),
    (
        SectionKey::Financieel,
        "Financiële gevolgen",
        "[Financiële gevolgen voor het Rijk, voor decentrale overheden (artikel 2 van de Financiële-verhoudingswet) en voor burgers en bedrijven.]",
    ),
    (
        SectionKey::Evaluatie,
        "Evaluatie",
        "[Hoe en wanneer wordt de regeling geëvalueerd? Doelen, indicatoren en monitoring.]",
    ),
    (
        SectionKey::Consultatie,
        "Advies en consultatie",
        "[Welke adviezen zijn gevraagd (onder meer de Afdeling advisering van de Raad van State, het ATR, de Autoriteit Persoonsgegevens), hoe verliep de internetconsultatie, en wat is met de reacties gedaan?]",
    ),
    (
        SectionKey::OvergangIwt,
        "Overgangsrecht en inwerkingtreding",
        "[Overgangsrecht en het beoogde tijdstip van inwerkingtreding (vaste verandermomenten, invoeringstermijn).]",
    ),
];

fn key_rank(k: SectionKey) -> usize {
    SectionKey::ALL
        .iter()
        .position(|x| *x == k)
        .unwrap_or(usize::MAX)
}

fn skeleton_sections(snap: &Snapshot) -> Vec<(String, Vec<TextEdit>)> {
    let Ok(data) = wetlint_data::Data::builtin() else {
        return Vec::new();
    };
    let doc = snap.doc();
    let keys: Vec<Vec<SectionKey>> = doc
        .sections
        .iter()
        .map(|s| data.headings().classify(&s.title))
        .collect();
    let present = |k: SectionKey| {
        doc.sections.iter().enumerate().any(|(i, s)| {
            !s.artikelsgewijs
                && doc.section_path(i).iter().any(|&p| {
                    keys.get(p).is_some_and(|ks| {
                        ks.contains(&k)
                            || k == SectionKey::Gevolgen
                                && ks.iter().any(|x| {
                                    matches!(x, SectionKey::Regeldruk | SectionKey::Doenvermogen)
                                })
                    })
                })
        })
    };
    // Main sections of the general part: numbered without a dot ("6. Uitvoering").
    let main: Vec<usize> = doc
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            !s.artikelsgewijs
                && s.number
                    .as_deref()
                    .is_some_and(|n| !n.contains('.') && n.parse::<u32>().is_ok())
        })
        .map(|(i, _)| i)
        .collect();
    let level = main.first().map_or(2, |&i| doc.sections[i].level);
    let main: Vec<usize> = main
        .into_iter()
        .filter(|&i| doc.sections[i].level == level)
        .collect();
    let style = main.first().map(|&i| {
        let h = snap.slice(doc.sections[i].heading);
        let n = h.len() - h.trim_start_matches('#').len();
        let dot = doc.sections[i]
            .number
            .as_deref()
            .is_some_and(|num| h.contains(&format!("{num}.")));
        (
            if n > 0 {
                format!("{} ", "#".repeat(n))
            } else {
                String::new()
            },
            dot,
        )
    });
    let (prefix, dot) = style.unwrap_or_else(|| ("### ".to_string(), true));
    let rank_of = |i: usize| {
        keys[i]
            .iter()
            .map(|k| key_rank(*k))
            .min()
            .unwrap_or(usize::MAX)
    };
    let part = doc.sections.iter().position(|s| s.artikelsgewijs);
    let mut out = Vec::new();
    for (key, title, body) in SKELETON {
        if present(key) {
            continue;
        }
        let rank = key_rank(key);
        // After the last main section that comes before it in the model order.
        let prev = main.iter().copied().rfind(|&i| rank_of(i) < rank);
        let (at, number) = match prev {
            Some(i) => {
                let s = &doc.sections[i];
                let n = s
                    .number
                    .as_deref()
                    .and_then(|n| n.parse::<u32>().ok())
                    .map(|n| n + 1);
                (s.span.end.max(s.heading.end), n)
            }
            None => match main.first() {
                Some(&i) => (doc.sections[i].heading.start, Some(1)),
                None => (
                    part.map_or(snap.text.len(), |p| doc.sections[p].heading.start),
                    None,
                ),
            },
        };
        let heading = match number {
            Some(n) if dot => format!("{prefix}{n}. {title}"),
            Some(n) => format!("{prefix}{n} {title}"),
            None => format!("{prefix}{title}"),
        };
        let mut edits = vec![block_at(snap, at, &format!("{heading}\n\n{body}"))];
        if let Some(n) = number {
            edits.extend(renumber_after(snap, doc, at, n));
        }
        out.push((
            format!("Voeg paragraaf '{title}' toe aan de toelichting"),
            edits,
        ));
    }
    out
}

/// Raises the numbers of the general-part sections from `at` on that are `from` or higher.
fn renumber_after(snap: &Snapshot, doc: &Document, at: usize, from: u32) -> Vec<TextEdit> {
    let mut edits = Vec::new();
    for s in doc
        .sections
        .iter()
        .filter(|s| !s.artikelsgewijs && s.heading.start >= at)
    {
        let Some(num) = s.number.as_deref() else {
            continue;
        };
        let (head, rest) = num
            .split_once('.')
            .map_or((num, None), |(h, r)| (h, Some(r)));
        let Ok(h) = head.parse::<u32>() else { continue };
        if h < from {
            continue;
        }
        let new = match rest {
            Some(r) => format!("{}.{r}", h + 1),
            None => (h + 1).to_string(),
        };
        let line = snap.slice(s.heading);
        let Some(i) = line.find(num) else { continue };
        let start = s.heading.start + i;
        edits.push(TextEdit {
            range: snap.range(Span::new(start, start + num.len())),
            new_text: new,
        });
    }
    edits
}
