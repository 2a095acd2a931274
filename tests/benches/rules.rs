//! Rules-only throughput: the documents are parsed first (not timed), then
//! the whole engine runs over them, and then every rule runs alone on a
//! fresh context, so each rule is charged for the lexicon scans it needs.
//! The per-rule table is where to look when batch runs get slower.
//!
//! `cargo bench -p wetlint_tests --bench rules` uses the 136-file sample in
//! `../shared/corpus/laws-markdown`; `WETLINT_CORPUS=DIR` measures another
//! folder (e.g. `target/corpus/laws-markdown/AMvB`). Single thread; batch
//! profile; the reference is a case-insensitive lexicon scan of the same
//! texts with one aho-corasick automaton over the batch lexicons, in the
//! same run. `WETLINT_BENCH_RULES=LEG-004,WAARDE-005` times only those
//! rules (for profiling one rule), `WETLINT_BENCH_RULES=engine` only the
//! whole engine.

use std::time::{Duration, Instant};

use wetlint_linter::{Context, Findings, Input, Profile, Settings, Source, registry};
use wetlint_tests::{files_below, shared_corpus};

fn main() {
    let dir = std::env::var_os("WETLINT_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| shared_corpus().join("laws-markdown"));
    let texts: Vec<(String, String)> = files_below(&dir, "md")
        .iter()
        .filter_map(|f| {
            let name = f.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(f).ok()?))
        })
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let mb = bytes as f64 / 1e6;
    let docs: Vec<wetlint_syntax::Document> = texts
        .iter()
        .map(|(n, t)| wetlint_syntax::parse(t, Some(n)))
        .collect();
    let data = wetlint_data::Data::builtin().expect("built-in data is valid");
    println!(
        "corpus: {} ({} files, {mb:.1} MB), profile batch, 1 thread",
        dir.display(),
        texts.len()
    );
    let source = |i: usize| Source {
        path: &texts[i].0,
        text: &texts[i].1,
        doc: &docs[i],
    };

    // Reference: every lexicon form (as `lexicon-patterns` prints them for
    // ripgrep) in one case-insensitive automaton over the same texts.
    let patterns = wetlint_tests::lexicon_patterns(data);
    let ac = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&patterns)
        .expect("automaton builds");
    let t = Instant::now();
    let hits: usize = texts.iter().map(|(_, t)| ac.find_iter(t).count()).sum();
    let t_ref = t.elapsed();

    let settings = Settings {
        profile: Profile::Batch,
        ..Settings::default()
    };
    let t = Instant::now();
    let mut findings = 0usize;
    let engine_runs = std::env::var("WETLINT_BENCH_RULES").map_or(true, |v| v.contains("engine"));
    for i in (0..texts.len()).filter(|_| engine_runs) {
        let input = Input {
            regeling: Some(source(i)),
            toelichting: None,
        };
        findings += wetlint_linter::check(&input, &settings, data).len();
    }
    let t_engine = t.elapsed();

    let row = |name: &str, t: Duration, n: usize| {
        println!(
            "{name:<44} {:>9.1} ms {:>8.1} MB/s {:>7.1}× reference   ({n})",
            t.as_secs_f64() * 1e3,
            mb / t.as_secs_f64(),
            t.as_secs_f64() / t_ref.as_secs_f64()
        );
    };
    row("reference: lexicon scan (aho-corasick)", t_ref, hits);
    row("engine, all batch rules", t_engine, findings);

    let only: Option<Vec<String>> = std::env::var("WETLINT_BENCH_RULES")
        .ok()
        .map(|v| v.split(',').map(|s| s.trim().to_string()).collect());
    if only
        .as_ref()
        .is_some_and(|o| o.iter().any(|c| c == "engine"))
    {
        return;
    }
    let mut per_rule: Vec<(&str, Duration, usize)> = Vec::new();
    for rule in registry::all() {
        let meta = rule.meta();
        if settings.severity_of(meta).is_none()
            || only
                .as_ref()
                .is_some_and(|o| !o.iter().any(|c| c == meta.code))
        {
            continue;
        }
        let t = Instant::now();
        let mut n = 0usize;
        for i in 0..texts.len() {
            let ctx = Context::new(Some(source(i)), None, data, Profile::Batch);
            let mut out = Findings::default();
            rule.check(&ctx, &mut out);
            n += out.len();
        }
        per_rule.push((meta.code, t.elapsed(), n));
    }
    per_rule.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!("per rule, alone (including the scans it needs):");
    for (code, t, n) in per_rule {
        row(&format!("  {code}"), t, n);
    }
}
