//! Go to definition: a defined term → its begripsbepaling; an internal
//! reference ("artikel 12, derde lid") → that lid or article; an article
//! heading → its artikelsgewijze toelichting in the paired toelichting, and
//! back from the toelichting entry to the article(s), across the two files.

use tower_lsp_server::ls_types::{GotoDefinitionResponse, Location, Position};
use wetlint_syntax::Resolution;

use super::hover::reference_target;
use super::{entry_articles, location, offset_at, open_unit, term_at};
use crate::State;

pub fn definition(state: &State, key: &str, pos: Position) -> Option<GotoDefinitionResponse> {
    let (snap, unit) = open_unit(state, key)?;
    let offset = offset_at(&snap, pos)?;
    let doc = snap.doc();

    // A reference: its target lid or article.
    if let Some((_, target, Resolution::Resolved { article, lid })) =
        reference_target(&snap, &unit, offset)
    {
        let a = target.doc().articles.get(article)?;
        let span = lid
            .and_then(|l| a.leden.get(l))
            .map_or(a.heading, |l| l.span);
        return Some(GotoDefinitionResponse::Scalar(location(target, span)));
    }

    // An article heading: its entry in the paired toelichting.
    if let Some(a) = doc
        .own_articles()
        .map(|(_, a)| a)
        .find(|a| a.heading.start <= offset && offset <= a.heading.end)
    {
        let toel = unit.toelichting.as_ref().filter(|t| t.key != snap.key)?;
        let locs: Vec<Location> = toel
            .doc()
            .toelichting_articles
            .iter()
            .filter(|e| entry_articles(e, Some(doc)).contains(&a.number))
            .map(|e| location(toel, e.heading))
            .collect();
        return one_or_many(locs);
    }

    // A toelichting entry heading: the article(s) it explains.
    if let Some(e) = doc
        .toelichting_articles
        .iter()
        .find(|e| e.heading.start <= offset && offset <= e.heading.end)
    {
        let reg = unit.regeling.as_ref().filter(|r| r.key != snap.key)?;
        let rdoc = reg.doc();
        let locs: Vec<Location> = entry_articles(e, Some(rdoc))
            .iter()
            .filter_map(|n| rdoc.article(n))
            .map(|(_, a)| location(reg, a.heading))
            .collect();
        return one_or_many(locs);
    }

    // A defined term: its begripsbepaling.
    let (reg, hit) = term_at(&snap, &unit, offset)?;
    let d = reg.doc().definitions.get(hit.definition)?;
    Some(GotoDefinitionResponse::Scalar(location(reg, d.term_span)))
}

fn one_or_many(mut locs: Vec<Location>) -> Option<GotoDefinitionResponse> {
    match locs.len() {
        0 => None,
        1 => locs.pop().map(GotoDefinitionResponse::Scalar),
        _ => Some(GotoDefinitionResponse::Array(locs)),
    }
}
