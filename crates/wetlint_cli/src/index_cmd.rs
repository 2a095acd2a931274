//! `wetlint index PATHS --out FILE`: builds the definitions and citeertitel
//! index over a legislation repository (format: crates/wetlint_index/FORMAT.md).

use std::path::{Path, PathBuf};
use std::time::Instant;

/// Builds and writes the index; returns the exit code.
pub fn run(paths: &[PathBuf], out: &Path) -> u8 {
    let start = Instant::now();
    let mut files = Vec::new();
    let mut missing = false;
    for p in paths {
        if p.is_file() {
            files.push(p.clone());
            continue;
        }
        if !p.exists() {
            eprintln!("wetlint: {}: bestand of map bestaat niet", p.display());
            missing = true;
            continue;
        }
        for e in ignore::WalkBuilder::new(p)
            .require_git(false)
            .build()
            .flatten()
        {
            let path = e.path();
            if e.file_type().is_some_and(|t| t.is_file())
                && path.extension().is_some_and(|x| x == "md" || x == "txt")
            {
                files.push(path.to_path_buf());
            }
        }
    }
    files.sort();
    let root = (paths.len() == 1 && paths[0].is_dir()).then(|| paths[0].as_path());
    let (index, errors) = wetlint_index::build(&files, root);
    for e in &errors {
        eprintln!("wetlint: {}: {}", e.path.display(), e.message);
    }
    if let Err(e) = index.write(out) {
        eprintln!("wetlint: {e}");
        return 2;
    }
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    let with_cite = index
        .regulations
        .iter()
        .filter(|r| r.citeertitel.is_some())
        .count();
    eprintln!(
        "wetlint: index van {} regelingen ({} met citeertitel), {} begripsbepalingen, {} verschillende begrippen, \
         {} begrippen met uiteenlopende definities; {:.1} MB geschreven naar {} in {:.1} s",
        index.regulations.len(),
        with_cite,
        index.definitions.len(),
        index.distinct_terms(),
        index.divergent_terms(),
        size as f64 / 1e6,
        out.display(),
        start.elapsed().as_secs_f64()
    );
    if missing || !errors.is_empty() { 2 } else { 0 }
}
