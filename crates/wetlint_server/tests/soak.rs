//! Soak test: 10,000 random edits (inserts, deletes, pastes of junk and of
//! the draft itself, huge lines, whole-text replacements, several changes per
//! notification) on an open document, with requests in between. The server
//! must keep answering, and its final diagnostics must equal a fresh
//! `wetlint_linter::check` of the final text (same codes and ranges).

#![allow(clippy::unwrap_used, clippy::print_stderr)]

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};
use wetlint_server::convert::LineMap;

/// A small deterministic PRNG (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SNIPPETS: [&str; 16] = [
    "### Artikel 9.9 Nieuw\n\n",
    "1. De aanvrager doet een aanvraag.\n\n",
    "a. rechthebbende: degene die iets krijgt;\n",
    "In afwijking van artikel 3.2, vierde lid, geldt dit.",
    "bedoeld in artikel 3.5 lid 1",
    "<!-- wetlint-disable-next-line LEG-002: proef -->\n",
    "## Hoofdstuk 7. Extra\n\n",
    "Onze Minister",
    "😀🇳🇱 é ñ ß",
    "\r\n",
    "\r",
    "\n\n\n",
    "\u{0}\u{1}\u{1b}[31m\u{7f}",
    "\u{feff}\u{200b}\u{202e}tekst\u{202c}\u{fffd}",
    "e\u{301}\u{308}\u{20dd}",
    "`code` *nadruk* [link](http://x) | tabel | cel |\n",
];

fn junk(rng: &mut Rng) -> String {
    let n = 1 + rng.below(40);
    (0..n)
        .map(|_| {
            let ranges: [(u32, u32); 5] = [
                (0, 0x7f),
                (0x80, 0x7ff),
                (0x800, 0xd7ff),
                (0xe000, 0xffff),
                (0x1_0000, 0x1_f9ff),
            ];
            let (a, b) = ranges[rng.below(ranges.len())];
            char::from_u32(a + (rng.next() % u64::from(b - a + 1)) as u32).unwrap_or('?')
        })
        .collect()
}

fn boundary(text: &str, rng: &mut Rng) -> usize {
    wetlint_server::convert::floor_char_boundary(text, rng.below(text.len() + 1))
}

/// One random edit: (byte start, byte end, new text).
fn random_edit(text: &str, original: &str, rng: &mut Rng) -> (usize, usize, String) {
    let big = text.len() > 120_000;
    let a = boundary(text, rng);
    let roll = rng.below(100);
    let (start, end, new) = if big && roll < 60 || roll < 20 {
        // Delete up to a few hundred bytes (more when the text is big).
        let len = rng.below(if big { 20_000 } else { 300 });
        let b = wetlint_server::convert::floor_char_boundary(text, a + len);
        (a, b, String::new())
    } else if roll < 45 {
        (a, a, SNIPPETS[rng.below(SNIPPETS.len())].to_string())
    } else if roll < 60 {
        (a, a, junk(rng))
    } else if roll < 75 {
        // Paste a piece of the original draft.
        let s = boundary(original, rng);
        let e = wetlint_server::convert::floor_char_boundary(original, s + rng.below(2_000));
        (a, a, original[s..e].to_string())
    } else if roll < 80 {
        // A huge line.
        let unit = ["lid ", "€ 35.000 ", "ë", "😀"][rng.below(4)];
        (a, a, unit.repeat(500 + rng.below(3_000)))
    } else if roll < 98 {
        // Replace a short range by one character (typing over a selection).
        let b = wetlint_server::convert::floor_char_boundary(text, a + rng.below(12));
        let c = ["a", "1", ".", " ", "\n", "é"][rng.below(6)];
        (a, b, c.to_string())
    } else {
        // Replace everything.
        (
            0,
            text.len(),
            original.chars().take(rng.below(original.len())).collect(),
        )
    };
    (start, end, new)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_random_edits_end_in_the_same_diagnostics_as_a_fresh_check() {
    let started = Instant::now();
    let dir = TempDir::new("soak");
    let original = fixture("drafts/voorbeeldwet/wetsvoorstel.md");
    let name = "wetsvoorstel.md";
    dir.write(name, &original);
    let uri = dir.uri(name);
    let mut c = TestClient::start(wetlint_server::Options {
        debounce: Duration::from_millis(50),
        scan_workspace: false,
        test_hooks: false,
    });
    c.initialize(Some(&dir.0)).await;
    c.open(&uri, &original).await;
    c.diagnostics(&uri).await;

    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut text = original.clone();
    let mut edits = 0usize;
    let mut requests = 0usize;
    while edits < 10_000 {
        // Several changes in one notification, each relative to the previous.
        let batch = if rng.chance(10) { 2 + rng.below(4) } else { 1 };
        let mut changes = Vec::new();
        for _ in 0..batch {
            let (s, e, new) = random_edit(&text, &original, &mut rng);
            if rng.chance(2) && s == 0 && e == text.len() {
                changes.push(json!({ "text": new }));
            } else {
                let lines = LineMap::new(&text);
                let r = lines.range(&text, wetlint_syntax::Span::new(s, e));
                changes.push(json!({ "range": r, "text": new }));
            }
            text.replace_range(s..e, &new);
            edits += 1;
        }
        c.change_many(&uri, changes).await;
        if edits % 700 < batch {
            // Requests against whatever version the server has reached.
            let lines = LineMap::new(&text);
            let p = lines.position(&text, boundary(&text, &mut rng));
            let p = serde_json::to_value(p).unwrap();
            for (method, params) in [
                (
                    "textDocument/hover",
                    json!({ "textDocument": { "uri": uri }, "position": p }),
                ),
                (
                    "textDocument/definition",
                    json!({ "textDocument": { "uri": uri }, "position": p }),
                ),
                (
                    "textDocument/semanticTokens/full",
                    json!({ "textDocument": { "uri": uri } }),
                ),
                (
                    "textDocument/documentSymbol",
                    json!({ "textDocument": { "uri": uri } }),
                ),
                (
                    "textDocument/foldingRange",
                    json!({ "textDocument": { "uri": uri } }),
                ),
                (
                    "textDocument/codeAction",
                    json!({ "textDocument": { "uri": uri }, "range": { "start": p, "end": p }, "context": { "diagnostics": [] } }),
                ),
            ] {
                let r = c.request_full(method, params).await;
                assert!(r.get("error").is_none(), "{method}: {r}");
                requests += 1;
            }
            c.clear();
        }
    }
    let got = c.diagnostics(&uri).await;
    let elapsed_edits = started.elapsed();

    // The expected diagnostics: a fresh parse and check of the final text.
    let doc = wetlint_syntax::parse(&text, Some(name));
    let src = wetlint_linter::Source {
        path: &uri,
        text: &text,
        doc: &doc,
    };
    let input = if doc.kind().is_toelichting() {
        wetlint_linter::Input {
            regeling: None,
            toelichting: Some(src),
        }
    } else {
        wetlint_linter::Input {
            regeling: Some(src),
            toelichting: None,
        }
    };
    let data = wetlint_data::Data::builtin().unwrap();
    let expected = wetlint_linter::check(&input, &wetlint_linter::Settings::default(), data);
    let lines = LineMap::new(&text);
    let mut want: Vec<(String, Value)> = expected
        .iter()
        .filter(|d| d.filename == uri)
        .map(|d| {
            let r = lines.range(&text, wetlint_syntax::Span::new(d.range.start, d.range.end));
            (d.code.clone(), serde_json::to_value(r).unwrap())
        })
        .collect();
    let mut have: Vec<(String, Value)> = got
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["range"].clone()))
        .collect();
    let key = |x: &(String, Value)| format!("{}{}", x.0, x.1);
    want.sort_by_key(key);
    have.sort_by_key(key);
    eprintln!(
        "soak: {edits} edits, {requests} requests, final text {} bytes / {} lines, {} diagnostics, {:.1?}",
        text.len(),
        lines.line_count(),
        have.len(),
        elapsed_edits
    );
    assert_eq!(have, want);
    // The final text on the server equals ours: the document symbols match a fresh parse.
    let syms = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        )
        .await;
    let count = |v: &Value| -> usize {
        fn walk(v: &Value) -> usize {
            v.as_array()
                .map_or(0, |a| a.iter().map(|s| 1 + walk(&s["children"])).sum())
        }
        walk(v)
    };
    let fresh_units = doc.units.len()
        + doc.own_articles().count()
        + doc
            .own_articles()
            .map(|(_, a)| a.leden.len())
            .sum::<usize>()
        + doc
            .definitions
            .iter()
            .filter(|d| d.article.is_some_and(|a| !doc.articles[a].quoted))
            .count()
        + doc.sections.len();
    assert_eq!(count(&syms), fresh_units);
    c.shutdown().await;
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "soak took {:?}",
        started.elapsed()
    );
}
