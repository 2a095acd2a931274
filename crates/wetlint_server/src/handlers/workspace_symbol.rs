//! Workspace symbols: articles and defined terms of the open documents and
//! the draft files of the workspace folders, filtered by the query (every
//! word of the query must occur, case-insensitively).

use std::collections::HashSet;
use std::sync::Arc;

use tower_lsp_server::ls_types::{SymbolInformation, SymbolKind, WorkspaceSymbolResponse};

use super::location;
use crate::State;
use crate::session::{self, Snapshot};

/// At most this many symbols are returned.
const MAX_RESULTS: usize = 1000;

pub fn symbols(state: &State, query: &str) -> Option<WorkspaceSymbolResponse> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let matches = |name: &str| {
        let n = name.to_lowercase();
        words.iter().all(|w| n.contains(w.as_str()))
    };
    let (open, files): (Vec<Arc<Snapshot>>, Vec<std::path::PathBuf>) = {
        let mut s = state.lock();
        let keys: Vec<String> = s.open.keys().cloned().collect();
        let open = keys.iter().filter_map(|k| s.snapshot(k)).collect();
        (
            open,
            s.workspace_files().map(<[_]>::to_vec).unwrap_or_default(),
        )
    };
    let mut seen: HashSet<String> = HashSet::new();
    let mut snaps: Vec<Arc<Snapshot>> = Vec::new();
    for s in open {
        if seen.insert(s.key.clone()) {
            snaps.push(s);
        }
    }
    for f in files {
        if let Some(s) = session::load(&state.session, &f)
            && seen.insert(s.key.clone())
        {
            snaps.push(s);
        }
    }
    let mut out = Vec::new();
    'docs: for snap in &snaps {
        let doc = snap.doc();
        let file = snap.file_name.clone().unwrap_or_default();
        for (_, a) in doc.own_articles() {
            let name = match &a.title {
                Some(t) => format!("Artikel {} {t}", a.number),
                None => format!("Artikel {}", a.number),
            };
            if matches(&name) {
                out.push(info(
                    name,
                    SymbolKind::CLASS,
                    location(snap, a.heading),
                    Some(file.clone()),
                ));
            }
            if out.len() >= MAX_RESULTS {
                break 'docs;
            }
        }
        for d in &doc.definitions {
            if matches(&d.term) {
                let container = match d.article.and_then(|i| doc.articles.get(i)) {
                    Some(a) => format!("begrip, artikel {} ({file})", a.number),
                    None => format!("begrip ({file})"),
                };
                out.push(info(
                    d.term.clone(),
                    SymbolKind::CONSTANT,
                    location(snap, d.term_span),
                    Some(container),
                ));
            }
            if out.len() >= MAX_RESULTS {
                break 'docs;
            }
        }
    }
    Some(WorkspaceSymbolResponse::Flat(out))
}

#[allow(deprecated)]
fn info(
    name: String,
    kind: SymbolKind,
    location: tower_lsp_server::ls_types::Location,
    container_name: Option<String>,
) -> SymbolInformation {
    SymbolInformation {
        name,
        kind,
        tags: None,
        deprecated: None,
        location,
        container_name,
    }
}
