//! A small mutation fuzzer for the stable toolchain: for each target, loads
//! the seeds from `fuzz/corpus/<target>/`, then for a fixed time mutates a
//! random seed (bit flips, byte edits, insertions and deletions of chunks,
//! splices with another seed, truncation, repetition of a chunk, XML-ish
//! token insertion) and runs the target function under `catch_unwind`. A
//! panic is saved to `fuzz/artifacts/<target>/crash-<hash>` and counted.
//!
//! Usage: wetlint-fuzz-stable SECONDS TARGET… (targets: bwb stop op docx markdown lint)

#[path = "../../fuzz_targets/common.rs"]
mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&[u8]] = &[
    b"<",
    b">",
    b"</",
    b"/>",
    b"&amp;",
    b"&#",
    b";",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b"<!DOCTYPE a [<!ENTITY x \"y\">]>",
    b"<?xml version=\"1.0\"?>",
    b"\"",
    b"'",
    b"=",
    b"<artikel>",
    b"<lid>",
    b"<al>",
    b"<lijst>",
    b"<li>",
    b"<kop>",
    b"<nr>",
    b"<Artikel>",
    b"<Lid>",
    b"<Al>",
    b"<Kop>",
    b"<Nummer>",
    b"<Begrippenlijst>",
    b"<Begrip>",
    b"<Term>",
    b"<w:p>",
    b"<w:t>",
    b"<w:numPr>",
    b"<w:tbl>",
    b"<w:tr>",
    b"<w:tc>",
    b"\n### Artikel 1\n",
    b"\n1. ",
    b"\na. ",
    b"\n1\xc2\xb0. ",
    b"# ",
    b"\xe2\x80\x93",
    b"\xc3",
    b"\xf0\x9f\x98",
    b"\0",
    b"\r\n",
    b"\t",
    b"|",
    b"wordt verstaan onder:",
    b"Artikelsgewijs",
    b"<Toelichting>",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut b = seeds[rng.below(seeds.len())].clone();
    let rounds = 1 + rng.below(8);
    for _ in 0..rounds {
        let len = b.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                b[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                b[i] = rng.next() as u8;
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(len + 1);
                b.splice(i..i, t.iter().copied());
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(256));
                b.drain(i..i + n);
            }
            4 if len > 0 => {
                let i = rng.below(len);
                b.truncate(i);
            }
            5 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(512));
                let chunk: Vec<u8> = b[i..i + n].to_vec();
                let j = rng.below(b.len() + 1);
                let times = 1 + rng.below(4);
                for _ in 0..times {
                    b.splice(j..j, chunk.iter().copied());
                }
            }
            6 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() && len > 0 {
                    let i = rng.below(len);
                    let j = rng.below(other.len());
                    b.truncate(i);
                    b.extend_from_slice(&other[j..]);
                }
            }
            7 if len > 1 => {
                let i = rng.below(len);
                let j = rng.below(len);
                b.swap(i, j);
            }
            _ => {
                let i = rng.below(len + 1);
                b.insert(i, rng.next() as u8);
            }
        }
        if b.len() > 4 * 1024 * 1024 {
            b.truncate(4 * 1024 * 1024);
        }
    }
    b
}

fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn load_seeds(dir: &Path) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| std::fs::read(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    if v.is_empty() {
        v.push(Vec::new());
    }
    v
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let secs: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(60);
    let mut targets: Vec<String> = args.iter().skip(1).cloned().collect();
    if targets.is_empty() {
        targets = ["bwb", "stop", "op", "docx", "markdown", "lint"]
            .map(String::from)
            .to_vec();
    }
    let fuzz_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    // Panics are findings: keep their messages short.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("panic: {info}");
    }));
    let mut total_crashes = 0;
    for t in &targets {
        let f: fn(&[u8]) = match t.as_str() {
            "bwb" => common::bwb,
            "stop" => common::stop,
            "op" => common::op,
            "docx" => common::docx,
            "markdown" => common::markdown,
            "lint" => common::lint,
            _ => {
                eprintln!("onbekend target {t}");
                std::process::exit(2);
            }
        };
        let seeds = load_seeds(&fuzz_dir.join("corpus").join(t));
        let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ fnv(t.as_bytes()));
        let start = Instant::now();
        let mut execs: u64 = 0;
        let mut crashes = 0;
        // The seeds themselves first.
        for s in &seeds {
            execs += 1;
            if catch_unwind(AssertUnwindSafe(|| f(s))).is_err() {
                crashes += 1;
                save(&fuzz_dir, t, s);
            }
        }
        while start.elapsed() < Duration::from_secs(secs) {
            let input = mutate(&mut rng, &seeds);
            execs += 1;
            if catch_unwind(AssertUnwindSafe(|| f(&input))).is_err() {
                crashes += 1;
                save(&fuzz_dir, t, &input);
            }
        }
        println!(
            "{t}: {:.0} s, {execs} executions, {crashes} crashes, {} seeds",
            start.elapsed().as_secs_f64(),
            seeds.len()
        );
        total_crashes += crashes;
    }
    if total_crashes > 0 {
        std::process::exit(1);
    }
}

fn save(fuzz_dir: &Path, target: &str, data: &[u8]) {
    let dir = fuzz_dir.join("artifacts").join(target);
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join(format!("crash-{:016x}", fnv(data)));
    let _ = std::fs::write(&p, data);
    eprintln!("{target}: crash saved to {}", p.display());
}
