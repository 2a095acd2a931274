//! Index build and load time, with the size on disk, against reading the same
//! bytes as the reference in the same run.
//!
//! `cargo bench -p wetlint_tests --bench index` builds the index over the
//! 136-file sample; set `WETLINT_CORPUS=DIR` for another folder (e.g. the
//! unpacked full corpus, 18,634 regulations).

use std::time::Instant;

use wetlint_tests::{files_below, shared_corpus};

fn main() {
    let dir = std::env::var_os("WETLINT_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| shared_corpus().join("laws-markdown"));
    let files = files_below(&dir, "md");
    let t = Instant::now();
    let (index, errors) = wetlint_index::build(&files, Some(&dir));
    let build = t.elapsed();
    let out = std::env::temp_dir().join(format!("wetlint-index-bench-{}.json", std::process::id()));
    if let Err(e) = index.write(&out) {
        eprintln!("index bench: {e}");
        std::process::exit(2);
    }
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    let mut best_read = f64::MAX;
    let mut best_load = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let bytes = std::fs::read(&out).unwrap_or_default();
        std::hint::black_box(bytes.len());
        best_read = best_read.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let loaded = wetlint_index::Index::load(&out);
        std::hint::black_box(loaded.as_ref().map(|i| i.definitions.len()).unwrap_or(0));
        best_load = best_load.min(t.elapsed().as_secs_f64());
    }
    let _ = std::fs::remove_file(&out);
    println!(
        "corpus: {} ({} files, {} unreadable)",
        dir.display(),
        files.len(),
        errors.len()
    );
    println!(
        "index: {} regulations, {} definitions, {} distinct terms, {} terms defined differently in 2+ regulations",
        index.regulations.len(),
        index.definitions.len(),
        index.distinct_terms(),
        index.divergent_terms()
    );
    println!("build (parallel, all cores): {:.2} s", build.as_secs_f64());
    println!("size on disk: {:.1} MB", size as f64 / 1e6);
    println!("read bytes (reference): {:.1} ms", best_read * 1e3);
    println!(
        "load + lookup tables: {:.1} ms ({:.1}x reference)",
        best_load * 1e3,
        best_load / best_read.max(1e-9)
    );
}
