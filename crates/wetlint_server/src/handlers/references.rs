//! Find references of a defined term: every occurrence in the regulation
//! (within the definition's scope) and in the paired toelichting.

use tower_lsp_server::ls_types::{Location, Position};

use super::{location, offset_at, open_unit, term_at, term_hits};
use crate::State;

pub fn references(
    state: &State,
    key: &str,
    pos: Position,
    include_declaration: bool,
) -> Option<Vec<Location>> {
    let (snap, unit) = open_unit(state, key)?;
    let offset = offset_at(&snap, pos)?;
    let (reg, hit) = term_at(&snap, &unit, offset)?;
    let rdoc = reg.doc();
    let mut out = Vec::new();
    for h in term_hits(rdoc, &reg.text, 0, true) {
        if h.definition == hit.definition && (include_declaration || !h.is_definition) {
            out.push(location(reg, h.span));
        }
    }
    if let Some(toel) = unit.toelichting.as_ref().filter(|t| t.key != reg.key) {
        let def = rdoc.definitions.get(hit.definition)?;
        if matches!(def.scope, wetlint_syntax::DefinitionScope::Regeling { .. }) {
            for h in term_hits(rdoc, &toel.text, 0, false) {
                if h.definition == hit.definition {
                    out.push(location(toel, h.span));
                }
            }
        }
    }
    Some(out)
}
