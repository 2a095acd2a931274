//! Latency benchmark: time from a `didChange` to the `publishDiagnostics` of
//! that version (debounce off), p50/p95 over 200 edits, on a ~50 kB draft
//! built from the example bill's chapters and on the largest regulation of
//! the corpus; then the resident memory after opening the 20 largest ones.
//!
//! Run: `cargo bench -p wetlint_server --bench latency`. The corpus is read
//! from `WETLINT_CORPUS`, else `/work/corpus-full/laws-markdown`, else
//! `/work/shared/corpus/laws-markdown`; without a corpus only the draft runs.

#![allow(clippy::unwrap_used, clippy::print_stdout, clippy::print_stderr)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};
use wetlint_server::convert::LineMap;

const EDITS: usize = 200;

/// The example bill with its chapters repeated (renumbered) to about `target` bytes.
fn big_draft(target: usize) -> String {
    let bill = fixture("drafts/voorbeeldwet/wetsvoorstel.md");
    let first = bill.find("## Hoofdstuk 1.").unwrap();
    let slot = bill.find("Lasten en bevelen").unwrap_or(bill.len());
    let (head, body, tail) = (&bill[..first], &bill[first..slot], &bill[slot..]);
    let chapters: Vec<&str> = body
        .split("## Hoofdstuk ")
        .filter(|c| !c.trim().is_empty())
        .collect();
    let mut out = head.to_string();
    let mut n = 0usize;
    'fill: loop {
        for (i, ch) in chapters.iter().enumerate() {
            if out.len() >= target {
                break 'fill;
            }
            n += 1;
            // "3. Toekenning…" → chapter n; article numbers "3.x" → "n.x".
            let old = (i + 1).to_string();
            let text = format!("## Hoofdstuk {ch}")
                .replace(&format!("Hoofdstuk {old}."), &format!("Hoofdstuk {n}."))
                .replace(&format!("Artikel {old}."), &format!("Artikel {n}."))
                .replace(&format!("Afdeling {old}."), &format!("Afdeling {n}."));
            out.push_str(&text);
        }
    }
    out.push_str(tail);
    out
}

fn corpus_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var("WETLINT_CORPUS").ok().map(PathBuf::from),
        Some(PathBuf::from("/work/corpus-full/laws-markdown")),
        Some(PathBuf::from("/work/shared/corpus/laws-markdown")),
    ];
    candidates.into_iter().flatten().find(|p| p.is_dir())
}

fn largest(dir: &Path, n: usize) -> Vec<(u64, PathBuf)> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md")
                && let Ok(m) = e.metadata()
            {
                all.push((m.len(), p));
            }
        }
    }
    all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    all.truncate(n);
    all
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn client() -> TestClient {
    TestClient::start(wetlint_server::Options {
        debounce: Duration::ZERO,
        scan_workspace: false,
        test_hooks: false,
    })
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Opens `text` and measures 200 edit → diagnostics round trips.
async fn measure(label: &str, name: &str, text: &str) -> (Duration, Duration, Duration, usize) {
    let dir = TempDir::new("bench");
    dir.write(name, text);
    let uri = dir.uri(name);
    let mut c = client();
    c.initialize(Some(&dir.0)).await;
    let t0 = Instant::now();
    c.open(&uri, text).await;
    let first = c.diagnostics(&uri).await;
    let open = t0.elapsed();
    // Edit places: inside text lines spread over the document.
    let lines = LineMap::new(text);
    let mut places = Vec::new();
    for i in 0..EDITS {
        let line = (i * 7919) % lines.line_count();
        if let Some(span) = lines.line_span(text, line)
            && span.len() > 10
        {
            places.push(line as u64);
        }
    }
    if places.is_empty() {
        places.push(0);
    }
    let mut times = Vec::with_capacity(EDITS);
    for i in 0..EDITS {
        let line = places[i % places.len()];
        // Insert a word, then remove it again: the text stays the draft.
        let (range, new) = if i % 2 == 0 {
            (range(line, 0, line, 0), "x ")
        } else {
            (range(line, 0, line, 2), "")
        };
        let t = Instant::now();
        c.change(&uri, range, new).await;
        c.diagnostics(&uri).await;
        times.push(t.elapsed());
        c.clear();
    }
    times.sort();
    c.shutdown().await;
    eprintln!(
        "{label}: opened in {open:.1?} with {} diagnostics",
        first.len()
    );
    (
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        open,
        first.len(),
    )
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut rows: Vec<(String, usize, Duration, Duration, Duration, usize)> = Vec::new();
        let draft = big_draft(50_000);
        let (p50, p95, open, n) = measure("draft", "wetsvoorstel.md", &draft).await;
        rows.push(("voorbeeldwet ×N (synthetic draft)".into(), draft.len(), p50, p95, open, n));
        let corpus = corpus_dir();
        let top = corpus.as_deref().map(|d| largest(d, 20)).unwrap_or_default();
        if let Some((_, path)) = top.first() {
            let text = std::fs::read_to_string(path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let (p50, p95, open, n) = measure("largest", &name, &text).await;
            let rel = path.strip_prefix(corpus.as_deref().unwrap()).unwrap_or(path);
            rows.push((rel.display().to_string(), text.len(), p50, p95, open, n));
        }
        println!();
        println!("| document | size | didChange → diagnostics p50 | p95 | first lint (didOpen) | diagnostics |");
        println!("|---|---:|---:|---:|---:|---:|");
        for (name, size, p50, p95, open, n) in &rows {
            println!(
                "| {name} | {:.1} kB | {:.1} ms | {:.1} ms | {:.1} ms | {n} |",
                *size as f64 / 1000.0,
                p50.as_secs_f64() * 1000.0,
                p95.as_secs_f64() * 1000.0,
                open.as_secs_f64() * 1000.0
            );
        }
        if let Some((_, path)) = top.first() {
            // Where the time of one lint of the largest document goes (one thread).
            let text = std::fs::read_to_string(path).unwrap();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let r0 = rss_kb();
            let t = Instant::now();
            let tree = wetlint_syntax::SyntaxTree::new(&text);
            let t_parse = t.elapsed();
            let r1 = rss_kb();
            let t = Instant::now();
            let doc = tree.document(&text, name.as_deref());
            let t_doc = t.elapsed();
            let r2 = rss_kb();
            let mut edited = text.clone();
            let mut tree2 = wetlint_syntax::SyntaxTree::new(&text);
            edited.insert_str(text.len() / 2, "x ");
            let t = Instant::now();
            tree2.edit(&text, &edited, wetlint_syntax::TextEdit { old_start: text.len() / 2, old_end: text.len() / 2, new_len: 2 });
            let t_reparse = t.elapsed();
            let src = wetlint_linter::Source { path: "x", text: &text, doc: &doc };
            let data = wetlint_data::Data::builtin().unwrap();
            let t = Instant::now();
            let diags = wetlint_linter::check(
                &wetlint_linter::Input { regeling: Some(src), toelichting: None },
                &wetlint_linter::Settings::default(),
                data,
            );
            let t_check = t.elapsed();
            println!();
            println!(
                "Largest document, one lint: tree-sitter parse {:.0} ms (incremental reparse after a 2-byte insert {:.0} ms), document model {:.0} ms, rules {:.0} ms ({} findings); memory: tree {:.0} MB, document model {:.0} MB.",
                t_parse.as_secs_f64() * 1e3,
                t_reparse.as_secs_f64() * 1e3,
                t_doc.as_secs_f64() * 1e3,
                t_check.as_secs_f64() * 1e3,
                diags.len(),
                r1.saturating_sub(r0) as f64 / 1024.0,
                r2.saturating_sub(r1) as f64 / 1024.0
            );
        }
        if !top.is_empty() {
            let before = rss_kb();
            let dir = TempDir::new("bench-rss");
            let mut c = client();
            c.initialize(Some(&dir.0)).await;
            let mut total = 0u64;
            let mut uris = Vec::new();
            for (i, (size, path)) in top.iter().enumerate() {
                // One folder per file: no pairing between unrelated regulations.
                let name = format!("{i:02}/{}", path.file_name().unwrap().to_string_lossy());
                let text = std::fs::read_to_string(path).unwrap();
                dir.write(&name, &text);
                let uri = dir.uri(&name);
                c.open(&uri, &text).await;
                uris.push(uri);
                total += size;
            }
            for uri in &uris {
                c.diagnostics(uri).await;
            }
            c.clear();
            // Requests that build every cached structure once more.
            for uri in &uris {
                let _: Value = c.request("textDocument/documentSymbol", json!({ "textDocument": { "uri": uri } })).await;
            }
            let after = rss_kb();
            println!();
            println!(
                "Resident memory after opening the {} largest regulations ({:.1} MB of text) and linting them: {:.0} MB (process before the server started: {:.0} MB; difference {:.0} MB).",
                top.len(),
                total as f64 / 1e6,
                after as f64 / 1024.0,
                before as f64 / 1024.0,
                (after.saturating_sub(before)) as f64 / 1024.0
            );
            c.shutdown().await;
        }
    });
}
