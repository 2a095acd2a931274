//! Shared helpers for the integration test harnesses and corpus drivers.
//!
//! [`check_corpus_file`] holds the parser's corpus contract: every `### Artikel`
//! heading of a laws-markdown file is an article of the model, and a file
//! that says "wordt verstaan onder" yields at least one begripsbepaling.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

/// The real-corpus sample shipped beside the repository (`../shared/corpus`).
pub fn shared_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus")
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// All files with extension `ext` below `dir`, sorted.
pub fn files_below(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

static ARTIKEL_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^###[ \t]*(?:Artikel|Enig[ \t]+artikel)\b").expect("valid regex")
});

/// What the corpus contract found for one file.
#[derive(Debug, Clone)]
pub struct FileStats {
    pub path: PathBuf,
    pub bytes: usize,
    /// `### Artikel …` and `### Enig artikel` heading lines.
    pub artikel_headings: usize,
    /// Articles in the model that come from `###` headings.
    pub model_articles: usize,
    pub has_definition_phrase: bool,
    pub definitions: usize,
    pub kind: wetlint_syntax::DocumentKind,
}

/// Parses one file and gathers the contract figures.
pub fn check_corpus_file(path: &Path, text: &str) -> FileStats {
    let doc = wetlint_syntax::parse(text, path.file_name().and_then(|n| n.to_str()));
    let model_articles = doc
        .articles
        .iter()
        .filter(|a| {
            text.get(a.heading.start..a.heading.end)
                .is_some_and(|h| ARTIKEL_HEADING.is_match(h))
        })
        .count();
    FileStats {
        path: path.to_path_buf(),
        bytes: text.len(),
        artikel_headings: ARTIKEL_HEADING.find_iter(text).count(),
        model_articles,
        has_definition_phrase: text.contains("wordt verstaan onder"),
        definitions: doc.definitions.len(),
        kind: doc.kind(),
    }
}

/// Reads a file as text, replacing invalid UTF-8 (the corpus is valid UTF-8).
pub fn read_lossy(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Every fixed-string form of the lexicons the rules use (values,
/// organisations, toetsen, toets outcomes and follow-ups, signal lists,
/// delegation formulas), lowercased and deduplicated: the reference scan of
/// the benchmarks (ripgrep in `scripts/bench-corpus.sh`, aho-corasick in the
/// rules bench).
pub fn lexicon_patterns(data: &wetlint_data::Data) -> Vec<String> {
    let mut forms: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut add = |s: &str| {
        let s = s.trim();
        if s.len() >= 2 && !s.contains('\n') {
            forms.insert(s.to_lowercase());
        }
    };
    for w in data.waarden() {
        for (f, _) in w.forms() {
            add(f);
        }
    }
    for o in data.organisaties() {
        add(o.naam());
        o.aliassen().for_each(&mut add);
        o.afkortingen().for_each(&mut add);
        o.impliciet().for_each(&mut add);
    }
    for t in data.toets_lijst() {
        for v in &t.vormen {
            add(v.get_ref());
        }
    }
    for l in data
        .signaallijsten()
        .iter()
        .chain([data.doenvermogen_lijst()])
    {
        for v in l.vormen.iter().chain(&l.zwak) {
            add(v.get_ref());
        }
    }
    for d in data.delegatieformules() {
        add(d.vorm());
    }
    forms.into_iter().collect()
}
