//! Whole-corpus driver for the parser contract and parse throughput.
//!
//! `cargo run --release -p wetlint_tests --bin corpus-stats -- DIR [--threads N]`
//! parses every `.md` file below DIR and prints: files, MB, wall time, MB/s,
//! article-count mismatches (with the first ten), and the share of files with
//! "wordt verstaan onder" in which begripsbepalingen were found.

use std::time::Instant;

use rayon::prelude::*;
use wetlint_tests::{check_corpus_file, files_below};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("gebruik: corpus-stats DIR [--threads N]");
        std::process::exit(2);
    };
    if let (Some(flag), Some(n)) = (args.next(), args.next())
        && flag == "--threads"
        && let Ok(n) = n.parse::<usize>()
    {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let files = files_below(std::path::Path::new(&dir), "md");
    // Read first so the timing is parse time, not disk time.
    let texts: Vec<(std::path::PathBuf, String)> = files
        .iter()
        .map(|f| (f.clone(), std::fs::read_to_string(f).unwrap_or_default()))
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let start = Instant::now();
    let stats: Vec<_> = texts
        .par_iter()
        .map(|(p, t)| check_corpus_file(p, t))
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let mismatches: Vec<_> = stats
        .iter()
        .filter(|s| s.artikel_headings != s.model_articles)
        .collect();
    let with_phrase = stats.iter().filter(|s| s.has_definition_phrase).count();
    let with_defs = stats
        .iter()
        .filter(|s| s.has_definition_phrase && s.definitions > 0)
        .count();
    let headings: usize = stats.iter().map(|s| s.artikel_headings).sum();
    println!("files: {}", stats.len());
    println!("MB: {:.1}", bytes as f64 / 1e6);
    println!(
        "parse+model wall time: {secs:.2} s ({} threads)",
        rayon::current_num_threads()
    );
    println!("throughput: {:.1} MB/s", bytes as f64 / 1e6 / secs);
    println!("### Artikel headings: {headings}");
    println!("files with article-count mismatch: {}", mismatches.len());
    for m in mismatches.iter().take(10) {
        println!(
            "  {}: {} headings, {} articles",
            m.path.display(),
            m.artikel_headings,
            m.model_articles
        );
    }
    println!(
        "begripsbepalingen found: {with_defs} of {with_phrase} files with 'wordt verstaan onder' ({:.2}%)",
        100.0 * with_defs as f64 / with_phrase.max(1) as f64
    );
    let mut no_defs: Vec<_> = stats
        .iter()
        .filter(|s| s.has_definition_phrase && s.definitions == 0)
        .collect();
    no_defs.sort_by_key(|s| s.bytes);
    for s in no_defs.iter().take(10) {
        println!("  no definitions: {}", s.path.display());
    }
}
