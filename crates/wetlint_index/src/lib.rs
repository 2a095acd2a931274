//! The definitions and citeertitel index over a legislation repository.
//!
//! [`build`] parses files in parallel and collects every begripsbepaling
//! (term, regulation, article, definition) and every citeertitel with its
//! BWB id; [`Index::write`] stores it as versioned JSON (see `FORMAT.md`);
//! [`Index::load`] reads it back and builds the term lookup. FRAG-004
//! (divergent definitions) and the resolution of external references use it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

pub const FORMAT: &str = "wetlint-index";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Regulation {
    pub bwb_id: Option<String>,
    pub title: Option<String>,
    pub citeertitel: Option<String>,
    pub kind: String,
    pub path: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DefinitionEntry {
    pub term: String,
    pub key: String,
    pub regulation: u32,
    pub article: Option<String>,
    pub definition: String,
    pub reference: bool,
}

#[derive(Debug, Serialize, Deserialize)]
struct OnDisk {
    format: String,
    version: u32,
    built_with: String,
    regulations: Vec<Regulation>,
    definitions: Vec<DefinitionEntry>,
}

/// A loaded index with its lookups.
#[derive(Debug, Default)]
pub struct Index {
    pub regulations: Vec<Regulation>,
    pub definitions: Vec<DefinitionEntry>,
    by_key: HashMap<String, Vec<u32>>,
    by_citeertitel: HashMap<String, u32>,
}

/// Normalises a term or title for lookup.
pub fn key(term: &str) -> String {
    let t: String = term
        .nfc()
        .filter(|c| {
            !matches!(
                c,
                '*' | '_' | '"' | '\'' | '‘' | '’' | '“' | '”' | '„' | '«' | '»'
            )
        })
        .collect::<String>()
        .to_lowercase();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

static BWB: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"BWB[RV]\d{7}").expect("valid regex"));

impl Index {
    fn from_parts(regulations: Vec<Regulation>, definitions: Vec<DefinitionEntry>) -> Self {
        let mut by_key: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, d) in definitions.iter().enumerate() {
            by_key.entry(d.key.clone()).or_default().push(i as u32);
        }
        let by_citeertitel = regulations
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.citeertitel.as_deref().map(|c| (key(c), i as u32)))
            .collect();
        Index {
            regulations,
            definitions,
            by_key,
            by_citeertitel,
        }
    }

    /// Definitions of a term (any form; normalised with [`key`]).
    pub fn definitions_of(&self, term: &str) -> impl Iterator<Item = &DefinitionEntry> {
        self.by_key
            .get(&key(term))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.definitions.get(i as usize))
    }

    /// The regulation with this citeertitel, if indexed.
    pub fn by_citeertitel(&self, title: &str) -> Option<&Regulation> {
        self.by_citeertitel
            .get(&key(title))
            .and_then(|&i| self.regulations.get(i as usize))
    }

    /// Number of distinct terms.
    pub fn distinct_terms(&self) -> usize {
        self.by_key.len()
    }

    /// Terms defined in two or more regulations with different texts.
    pub fn divergent_terms(&self) -> usize {
        self.by_key
            .values()
            .filter(|ids| {
                let mut regs: Vec<u32> = ids
                    .iter()
                    .filter_map(|&i| self.definitions.get(i as usize))
                    .map(|d| d.regulation)
                    .collect();
                regs.sort_unstable();
                regs.dedup();
                if regs.len() < 2 {
                    return false;
                }
                let mut texts: Vec<String> = ids
                    .iter()
                    .filter_map(|&i| self.definitions.get(i as usize))
                    .map(|d| key(&d.definition))
                    .collect();
                texts.sort();
                texts.dedup();
                texts.len() > 1
            })
            .count()
    }

    /// Writes the index atomically (temporary file, then rename).
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let doc = OnDisk {
            format: FORMAT.into(),
            version: VERSION,
            built_with: format!("wetlint {}", env!("CARGO_PKG_VERSION")),
            regulations: self.regulations.clone(),
            definitions: self.definitions.clone(),
        };
        let json = serde_json::to_vec(&doc).map_err(|e| e.to_string())?;
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, json)
            .map_err(|e| format!("{}: kan niet schrijven: {e}", tmp.display()))?;
        std::fs::rename(&tmp, path)
            .map_err(|e| format!("{}: kan niet schrijven: {e}", path.display()))
    }

    /// Loads an index; errors name the file and, for JSON errors, line and column.
    pub fn load(path: &Path) -> Result<Index, String> {
        let bytes = std::fs::read(path)
            .map_err(|e| format!("{}: kan de index niet lezen: {e}", path.display()))?;
        let doc: OnDisk = serde_json::from_slice(&bytes).map_err(|e| {
            format!(
                "{}:{}:{}: ongeldige index: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if doc.format != FORMAT {
            return Err(format!(
                "{}: geen wetlint-index (format = {:?})",
                path.display(),
                doc.format
            ));
        }
        if doc.version != VERSION {
            return Err(format!(
                "{}: indexversie {} wordt niet ondersteund (verwacht {VERSION}); bouw de index opnieuw",
                path.display(),
                doc.version
            ));
        }
        let n = doc.regulations.len() as u32;
        if doc.definitions.iter().any(|d| d.regulation >= n) {
            return Err(format!(
                "{}: ongeldige index: een begrip verwijst naar een onbekende regeling",
                path.display()
            ));
        }
        Ok(Index::from_parts(doc.regulations, doc.definitions))
    }
}

/// A file that could not be indexed.
#[derive(Debug, Clone)]
pub struct IndexError {
    pub path: PathBuf,
    pub message: String,
}

/// Builds an index from files (read as UTF-8; others are reported and skipped).
/// `root` makes the stored paths relative.
pub fn build(files: &[PathBuf], root: Option<&Path>) -> (Index, Vec<IndexError>) {
    let results: Vec<Result<(Regulation, Vec<DefinitionEntry>), IndexError>> = files
        .par_iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(|e| IndexError {
                path: p.clone(),
                message: format!("kan niet lezen als UTF-8-tekst: {e}"),
            })?;
            let name = p.file_name().and_then(|n| n.to_str());
            let doc = wetlint_syntax::parse(&text, name);
            let rel = root.and_then(|r| p.strip_prefix(r).ok()).unwrap_or(p);
            let reg = Regulation {
                bwb_id: name
                    .and_then(|n| BWB.find(n))
                    .map(|m| m.as_str().to_string()),
                title: doc.title.as_ref().map(|t| t.text.clone()),
                citeertitel: doc.citeertitel.as_ref().map(|t| t.text.clone()),
                kind: doc.kind().as_str().into(),
                path: rel.to_string_lossy().replace('\\', "/"),
            };
            let defs = doc
                .definitions
                .iter()
                .map(|d| DefinitionEntry {
                    term: d.term.clone(),
                    key: key(&d.term),
                    regulation: 0,
                    article: d
                        .article
                        .and_then(|a| doc.articles.get(a))
                        .map(|a| a.number.clone()),
                    definition: d.definition.clone(),
                    reference: d.reference_definition,
                })
                .collect();
            Ok((reg, defs))
        })
        .collect();
    let mut regulations = Vec::new();
    let mut definitions = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok((reg, defs)) => {
                let i = regulations.len() as u32;
                regulations.push(reg);
                definitions.extend(defs.into_iter().map(|mut d| {
                    d.regulation = i;
                    d
                }));
            }
            Err(e) => errors.push(e),
        }
    }
    (Index::from_parts(regulations, definitions), errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_lookup() {
        let dir = std::env::temp_dir().join(format!("wetlint-index-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let a = dir.join("BWBR0000001.md");
        let b = dir.join("BWBR0000002.md");
        let _ = std::fs::write(
            &a,
            "# Wet van 1 januari 2026, houdende regels (Wet een)\n\n### Artikel 1\n\nIn deze wet wordt verstaan onder:\n\na. *partner*: de echtgenoot;\n\n### Artikel 2\n\nDeze wet wordt aangehaald als: Wet een.\n",
        );
        let _ = std::fs::write(
            &b,
            "# Wet van 2 januari 2026, houdende regels\n\n### Artikel 1\n\nIn deze wet wordt verstaan onder:\n\na. partner: de echtgenoot of geregistreerde partner;\n",
        );
        let (idx, errs) = build(&[a, b], Some(&dir));
        assert!(errs.is_empty());
        assert_eq!(idx.definitions_of("Partner").count(), 2);
        assert_eq!(idx.divergent_terms(), 1);
        assert_eq!(
            idx.by_citeertitel("wet een")
                .and_then(|r| r.bwb_id.as_deref()),
            Some("BWBR0000001")
        );
        let out = dir.join("index.json");
        assert!(idx.write(&out).is_ok());
        let loaded = Index::load(&out).unwrap_or_default();
        assert_eq!(loaded.definitions, idx.definitions);
        assert_eq!(loaded.distinct_terms(), 1);
        let _ = std::fs::write(
            &out,
            "{\"format\":\"x\",\"version\":1,\"built_with\":\"\",\"regulations\":[],\"definitions\":[]}",
        );
        assert!(Index::load(&out).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
