//! Parse throughput of the grammar and the document model, as a ratio
//! against a raw reference scan of the same bytes in the same run.
//!
//! `cargo bench -p wetlint_tests --bench parse` uses the 136-file sample in
//! `../shared/corpus/laws-markdown`; set `WETLINT_CORPUS=DIR` (e.g. the
//! unpacked full corpus in `target/corpus`) to measure a larger set. Single
//! thread, best of 3 runs per stage.

use std::time::{Duration, Instant};

use wetlint_tests::{files_below, shared_corpus};

fn best_of<F: FnMut() -> usize>(mut f: F) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut out = 0;
    for _ in 0..3 {
        let t = Instant::now();
        out = std::hint::black_box(f());
        best = best.min(t.elapsed());
    }
    (best, out)
}

fn main() {
    let dir = std::env::var_os("WETLINT_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| shared_corpus().join("laws-markdown"));
    let texts: Vec<String> = files_below(&dir, "md")
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} ({} files, {mb:.1} MB)",
        dir.display(),
        texts.len()
    );

    // Reference: one pass over the bytes counting article headings at line starts.
    let (t_ref, n_ref) = best_of(|| {
        texts
            .iter()
            .map(|t| {
                t.split('\n')
                    .filter(|l| l.starts_with("### Artikel") || l.starts_with("###Artikel"))
                    .count()
            })
            .sum()
    });
    let mut parser = tree_sitter::Parser::new();
    let ok = parser
        .set_language(&tree_sitter_wetgeving::LANGUAGE.into())
        .is_ok();
    assert!(ok, "grammar loads");
    let (t_ts, n_ts) = best_of(|| {
        texts
            .iter()
            .filter_map(|t| parser.parse(t, None))
            .map(|tree| tree.root_node().child_count() as usize)
            .sum()
    });
    let (t_model, n_model) = best_of(|| {
        texts
            .iter()
            .map(|t| wetlint_syntax::parse(t, None).articles.len())
            .sum()
    });

    let row = |name: &str, t: Duration, n: usize| {
        println!(
            "{name:<28} {:>9.1} ms {:>8.1} MB/s {:>7.1}× reference   ({n})",
            t.as_secs_f64() * 1e3,
            mb / t.as_secs_f64(),
            t.as_secs_f64() / t_ref.as_secs_f64()
        );
    };
    row("reference line scan", t_ref, n_ref);
    row("tree-sitter parse", t_ts, n_ts);
    row("parse + document model", t_model, n_model);
}
