//! In-process protocol tests: every feature of the language server, driven
//! over real LSP framing (see `common`).

#![allow(clippy::unwrap_used, clippy::print_stderr)]

mod common;

use common::*;
use serde_json::{Value, json};

struct Pair {
    dir: TempDir,
    wet: String,
    wet_text: String,
    mvt: String,
    mvt_text: String,
}

/// Starts a client in a copy of the example bill and opens both files.
async fn open_pair(name: &str) -> (TestClient, Pair) {
    let dir = voorbeeldwet(name);
    let mut c = TestClient::fast();
    c.initialize(Some(&dir.0)).await;
    let p = Pair {
        wet: dir.uri("wetsvoorstel.md"),
        wet_text: std::fs::read_to_string(dir.path("wetsvoorstel.md")).unwrap(),
        mvt: dir.uri("memorie-van-toelichting.md"),
        mvt_text: std::fs::read_to_string(dir.path("memorie-van-toelichting.md")).unwrap(),
        dir,
    };
    c.open(&p.wet, &p.wet_text).await;
    c.open(&p.mvt, &p.mvt_text).await;
    c.diagnostics(&p.wet).await;
    c.diagnostics(&p.mvt).await;
    c.clear();
    (c, p)
}

fn td(uri: &str) -> Value {
    json!({ "uri": uri })
}

fn at(uri: &str, p: Value) -> Value {
    json!({ "textDocument": td(uri), "position": p })
}

fn line_of(v: &Value) -> u64 {
    v["range"]["start"]["line"].as_u64().unwrap()
}

fn text_line(text: &str, needle: &str) -> u64 {
    find(text, needle, 0)["line"].as_u64().unwrap()
}

/// Diagnostics of the current version, asking the server to lint again with
/// a no-op full change when nothing else is pending.
async fn current(c: &mut TestClient, uri: &str, text: &str) -> Vec<Value> {
    replace_all(c, uri, text).await;
    c.diagnostics(uri).await
}

async fn code_actions(c: &mut TestClient, uri: &str, r: Value) -> Vec<Value> {
    c.request(
        "textDocument/codeAction",
        json!({ "textDocument": td(uri), "range": r, "context": { "diagnostics": [] } }),
    )
    .await
    .as_array()
    .cloned()
    .unwrap_or_default()
}

fn action<'a>(actions: &'a [Value], title_part: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.contains(title_part)))
        .unwrap_or_else(|| {
            let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
            panic!("no action with {title_part:?} among {titles:?}")
        })
}

// --- lifecycle and diagnostics ---------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initialize_announces_capabilities() {
    let mut c = TestClient::fast();
    let init = c.initialize(None).await;
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    for p in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "documentSymbolProvider",
        "workspaceSymbolProvider",
        "foldingRangeProvider",
    ] {
        assert_eq!(caps[p], true, "{p}");
    }
    assert!(
        caps["codeActionProvider"]["codeActionKinds"]
            .as_array()
            .unwrap()
            .contains(&json!("quickfix"))
    );
    assert_eq!(caps["semanticTokensProvider"]["full"], true);
    assert_eq!(
        caps["semanticTokensProvider"]["legend"]["tokenTypes"][1],
        "class"
    );
    assert_eq!(init["serverInfo"]["name"], "wetlint");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn did_open_publishes_diagnostics_with_code_href_source_related_and_data() {
    let dir = voorbeeldwet("diag");
    let mut c = TestClient::fast();
    c.initialize(Some(&dir.0)).await;
    let wet = dir.uri("wetsvoorstel.md");
    let mvt = dir.uri("memorie-van-toelichting.md");
    c.open(
        &wet,
        &std::fs::read_to_string(dir.path("wetsvoorstel.md")).unwrap(),
    )
    .await;
    let diags = c.diagnostics(&wet).await;
    let cs = codes(&diags);
    assert!(cs.contains(&"LEG-002".to_string()), "{cs:?}");
    assert!(cs.contains(&"UITV-003".to_string()), "{cs:?}");
    for d in &diags {
        assert_eq!(d["source"], "wetlint");
        let code = d["code"].as_str().unwrap();
        assert!(
            d["codeDescription"]["href"]
                .as_str()
                .unwrap()
                .starts_with("https://wetlint.nl/regels/")
        );
        assert_eq!(d["data"]["code"], code);
        assert!(d["severity"].as_u64().is_some_and(|s| (1..=4).contains(&s)));
    }
    // Related information points into the toelichting (on disk, not open).
    let udo = diags.iter().find(|d| d["code"] == "UITV-003").unwrap();
    assert!(
        udo["relatedInformation"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["location"]["uri"] == mvt),
        "{udo}"
    );
    // `data` carries the fix as LSP edits.
    let style = diags
        .iter()
        .find(|d| d["code"] == "LEG-002" && d["data"]["fix"].is_object())
        .expect("LEG-002 with a fix");
    assert_eq!(style["data"]["fix"]["changes"][0]["uri"], wet);
    assert_eq!(
        style["data"]["fix"]["changes"][0]["edits"][0]["newText"],
        "artikel 3.5, eerste lid"
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incremental_changes_update_diagnostics() {
    let (mut c, p) = open_pair("incr").await;
    let before = current(&mut c, &p.wet, &p.wet_text).await;
    let n = before.iter().filter(|d| d["code"] == "LEG-002").count();
    // Replace "artikel 3.5 lid 1" by the standard style, in two changes of one
    // notification: the second range is relative to the text after the first.
    let start = find(&p.wet_text, "artikel 3.5 lid 1", 0);
    let line = start["line"].as_u64().unwrap();
    let col = start["character"].as_u64().unwrap();
    c.change_many(
        &p.wet,
        vec![
            json!({ "range": range(line, col + 11, line, col + 17), "text": "" }),
            json!({ "range": range(line, col + 11, line, col + 11), "text": ", eerste lid" }),
        ],
    )
    .await;
    let after = c.diagnostics(&p.wet).await;
    assert_eq!(
        after.iter().filter(|d| d["code"] == "LEG-002").count(),
        n - 1,
        "{:?}",
        codes(&after)
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_sync_change_replaces_the_text() {
    let (mut c, p) = open_pair("full").await;
    let small = "# Wet van 1 januari 2027, houdende regels over proeven (Wet proeven)\n\n## Hoofdstuk 1. Algemeen\n\n### Artikel 1.1 Proef\n\nOnze Minister van Economische Zaken kan een proef houden.\n";
    replace_all(&mut c, &p.wet, small).await;
    let diags = c.diagnostics(&p.wet).await;
    let cs = codes(&diags);
    assert!(
        cs.contains(&"LEG-009".to_string()),
        "no inwerkingtreding: {cs:?}"
    );
    assert!(!cs.contains(&"UITV-003".to_string()), "{cs:?}");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rapid_changes_are_applied_in_order() {
    let (mut c, p) = open_pair("order").await;
    let end_line = p.wet_text.matches('\n').count() as u64;
    let typed = "\n### Artikel 9.9 Volgorde van typen\n";
    // Typed one character at a time without waiting: any reordering would garble it.
    let (mut line, mut col) = (end_line, 0u64);
    for ch in typed.chars() {
        let s = ch.to_string();
        c.change(&p.wet, range(line, col, line, col), &s).await;
        if ch == '\n' {
            line += 1;
            col = 0;
        } else {
            col += ch.len_utf16() as u64;
        }
    }
    let syms = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": td(&p.wet) }),
        )
        .await;
    let names: Vec<String> = syms
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            std::iter::once(s.clone()).chain(s["children"].as_array().cloned().unwrap_or_default())
        })
        .map(|s| {
            format!(
                "{} {}",
                s["name"].as_str().unwrap_or(""),
                s["detail"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(
        names.iter().any(|n| n == "Artikel 9.9 Volgorde van typen"),
        "{names:?}"
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_a_document_clears_its_diagnostics() {
    let (mut c, p) = open_pair("close").await;
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": td(&p.wet) }),
    )
    .await;
    c.versions.remove(&p.wet);
    let m = c
        .wait_for("empty diagnostics after close", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == p.wet
                && m["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(Vec::is_empty)
        })
        .await;
    assert!(m["params"]["version"].is_null());
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_in_the_toelichting_republishes_the_regulation() {
    let (mut c, p) = open_pair("cross").await;
    let before = current(&mut c, &p.wet, &p.wet_text).await;
    let missing = |ds: &[Value]| {
        ds.iter()
            .filter(|d| d["code"] == "LEG-001")
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        missing(&before).iter().any(|m| m.contains("2.4")),
        "{:?}",
        missing(&before)
    );
    c.clear();
    // Add an entry for artikel 2.4 to the (open) toelichting only.
    let l = text_line(&p.mvt_text, "### Artikel 3.1");
    c.change(
        &p.mvt,
        range(l, 0, l, 0),
        "### Artikel 2.4\n\nDe bedragen worden jaarlijks aangepast aan de prijsontwikkeling.\n\n",
    )
    .await;
    let version = c.versions[&p.wet];
    let m = c
        .wait_for("regulation republished after a toelichting change", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == p.wet
                && m["params"]["version"] == version
        })
        .await;
    let after: Vec<Value> = m["params"]["diagnostics"].as_array().cloned().unwrap();
    assert!(
        !missing(&after).iter().any(|m| m.contains("2.4")),
        "{:?}",
        missing(&after)
    );
    assert!(
        missing(&after).iter().any(|m| m.contains("3.4")),
        "{:?}",
        missing(&after)
    );
    c.shutdown().await;
}

// --- hover ------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_a_diagnostic_shows_the_rule_page() {
    let (mut c, p) = open_pair("hover-diag").await;
    current(&mut c, &p.wet, &p.wet_text).await;
    let h = c
        .request(
            "textDocument/hover",
            at(&p.wet, find(&p.wet_text, "artikel 3.2, vierde lid", 3)),
        )
        .await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("wetlint LEG-002"), "{md}");
    assert!(
        md.contains("# LEG-002 `interne-verwijzing-ongeldig`"),
        "{md}"
    );
    assert!(md.contains("| categorie |"), "{md}");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_a_suppression_comment_shows_the_rule_under_the_cursor() {
    let dir = TempDir::new("hover-sup");
    let text = "# Wet van 1 januari 2027 (Wet proef)\n\n<!-- wetlint-disable-next-line LEG-008, UITV-003: geen citeertitel nodig -->\n### Artikel 1\n\nTekst.\n";
    let uri = dir.uri("wet.md");
    dir.write("wet.md", text);
    let mut c = TestClient::fast();
    c.initialize(Some(&dir.0)).await;
    c.open(&uri, text).await;
    c.diagnostics(&uri).await;
    let h = c
        .request("textDocument/hover", at(&uri, find(text, "UITV-003", 2)))
        .await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("# UITV-003"), "{md}");
    assert!(!md.contains("# LEG-008"), "{md}");
    let h = c
        .request(
            "textDocument/hover",
            at(&uri, find(text, "wetlint-disable", 2)),
        )
        .await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("# UITV-003") && md.contains("# LEG-008"),
        "{md}"
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_a_defined_term_shows_its_definition_in_both_files() {
    let (mut c, p) = open_pair("hover-term").await;
    let use_in_wet = find(&p.wet_text, "Recht op een energietegemoetkoming over", 15);
    let h = c
        .request("textDocument/hover", at(&p.wet, use_in_wet))
        .await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("**Begrip: energietegemoetkoming**"), "{md}");
    assert!(
        md.contains("tegemoetkoming in de energiekosten op grond van deze wet"),
        "{md}"
    );
    assert!(md.contains("artikel 1.1"), "{md}");
    // Case-insensitive, in the toelichting, defined in the paired regulation.
    let in_mvt = find(&p.mvt_text, "rechthebbende", 2);
    let h = c.request("textDocument/hover", at(&p.mvt, in_mvt)).await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("degene aan wie een energietegemoetkoming is toegekend"),
        "{md}"
    );
    assert!(md.contains("wetsvoorstel.md"), "{md}");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_on_a_reference_shows_the_target_text() {
    let (mut c, p) = open_pair("hover-ref").await;
    let h = c
        .request(
            "textDocument/hover",
            at(&p.wet, find(&p.wet_text, "artikel 3.1, vierde lid", 4)),
        )
        .await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("Verwijzing naar artikel 3.1, lid 4"), "{md}");
    assert!(
        md.contains("nodigt zij hem uit een aanvraag te doen"),
        "{md}"
    );
    // A reference in the toelichting resolves against the regulation.
    let h = c
        .request(
            "textDocument/hover",
            at(&p.mvt, find(&p.mvt_text, "artikel 3.5, vierde lid", 4)),
        )
        .await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("uitsluitend om de betrokkenen ondersteuning aan te bieden"),
        "{md}"
    );
    c.shutdown().await;
}

// --- navigation -------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_of_term_reference_and_article_toelichting_both_ways() {
    let (mut c, p) = open_pair("def").await;
    // Term → begripsbepaling.
    let d = c
        .request(
            "textDocument/definition",
            at(
                &p.wet,
                find(&p.wet_text, "De aanvrager en de rechthebbende", 20),
            ),
        )
        .await;
    assert_eq!(d["uri"], p.wet);
    assert_eq!(line_of(&d), text_line(&p.wet_text, "f. rechthebbende:"));
    // Reference → the lid.
    let d = c
        .request(
            "textDocument/definition",
            at(&p.wet, find(&p.wet_text, "artikel 3.1, vierde lid", 2)),
        )
        .await;
    assert_eq!(
        line_of(&d),
        text_line(
            &p.wet_text,
            "4. Indien de Sociale verzekeringsbank op grond"
        )
    );
    // Article heading → artikelsgewijze toelichting, and back.
    let d = c
        .request(
            "textDocument/definition",
            at(&p.wet, find(&p.wet_text, "### Artikel 3.5", 6)),
        )
        .await;
    assert_eq!(d["uri"], p.mvt);
    assert_eq!(line_of(&d), text_line(&p.mvt_text, "### Artikel 3.5"));
    let d = c
        .request(
            "textDocument/definition",
            at(&p.mvt, find(&p.mvt_text, "### Artikel 3.5", 6)),
        )
        .await;
    assert_eq!(d["uri"], p.wet);
    assert_eq!(line_of(&d), text_line(&p.wet_text, "### Artikel 3.5"));
    // A term in the toelichting → the regulation.
    let d = c
        .request(
            "textDocument/definition",
            at(&p.mvt, find(&p.mvt_text, "toetsingsinkomen", 3)),
        )
        .await;
    assert_eq!(d["uri"], p.wet);
    assert_eq!(line_of(&d), text_line(&p.wet_text, "g. toetsingsinkomen:"));
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_expands_article_ranges_of_the_toelichting() {
    let dir = TempDir::new("def-range");
    let wet = "# Wet van 1 januari 2027, houdende regels over proeven (Wet proeven)\n\n### Artikel 1\n\nEen.\n\n### Artikel 2\n\nTwee.\n\n### Artikel 3\n\nDrie.\n\n### Artikel 4\n\nVier.\n";
    let mvt = "# Memorie van toelichting\n\n## I. Algemeen deel\n\n### 1. Inleiding\n\nTekst.\n\n## II. Artikelsgewijs\n\n### Artikelen 1 tot en met 3\n\nDeze artikelen regelen de proef.\n\n### Artikel 4\n\nSlot.\n";
    dir.write("wet.md", wet);
    dir.write("memorie-van-toelichting.md", mvt);
    let (wu, mu) = (dir.uri("wet.md"), dir.uri("memorie-van-toelichting.md"));
    let mut c = TestClient::fast();
    c.initialize(Some(&dir.0)).await;
    c.open(&mu, mvt).await;
    c.diagnostics(&mu).await;
    let d = c
        .request(
            "textDocument/definition",
            at(&mu, find(mvt, "### Artikelen 1 tot en met 3", 5)),
        )
        .await;
    let locs = d.as_array().expect("several locations");
    assert_eq!(locs.len(), 3, "{d}");
    assert!(locs.iter().all(|l| l["uri"] == wu));
    // From artikel 2 (inside the range) to the range entry.
    c.open(&wu, wet).await;
    let d = c
        .request(
            "textDocument/definition",
            at(&wu, find(wet, "### Artikel 2", 5)),
        )
        .await;
    assert_eq!(d["uri"], mu);
    assert_eq!(line_of(&d), text_line(mvt, "### Artikelen 1 tot en met 3"));
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_of_a_term_cover_regulation_and_toelichting() {
    let (mut c, p) = open_pair("refs").await;
    let count = |text: &str, term: &str| {
        let lower = text.to_lowercase();
        lower
            .match_indices(term)
            .filter(|(i, _)| {
                let before = lower[..*i].chars().next_back();
                let after = lower[i + term.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .count()
    };
    let pos = find(&p.wet_text, "de rechthebbende verstrekken", 5);
    let with = c
        .request(
            "textDocument/references",
            json!({ "textDocument": td(&p.wet), "position": pos, "context": { "includeDeclaration": true } }),
        )
        .await;
    let with = with.as_array().unwrap();
    let in_wet = with.iter().filter(|l| l["uri"] == p.wet).count();
    let in_mvt = with.iter().filter(|l| l["uri"] == p.mvt).count();
    assert_eq!(in_wet, count(&p.wet_text, "rechthebbende"));
    assert_eq!(in_mvt, count(&p.mvt_text, "rechthebbende"));
    assert!(in_mvt > 0);
    let without = c
        .request(
            "textDocument/references",
            json!({ "textDocument": td(&p.wet), "position": pos, "context": { "includeDeclaration": false } }),
        )
        .await;
    assert_eq!(without.as_array().unwrap().len(), with.len() - 1);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_symbols_give_the_unit_tree_and_the_heading_tree() {
    let (mut c, p) = open_pair("symbols").await;
    let syms = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": td(&p.wet) }),
        )
        .await;
    let top: Vec<&str> = syms
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        top,
        [
            "Hoofdstuk 1",
            "Hoofdstuk 2",
            "Hoofdstuk 3",
            "Hoofdstuk 4",
            "Hoofdstuk 5",
            "Hoofdstuk 6"
        ]
    );
    let h4 = &syms[3];
    let afd: Vec<&str> = h4["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(afd, ["Afdeling 4.1", "Afdeling 4.2", "Afdeling 4.3"]);
    let art41 = &h4["children"][0]["children"][0];
    assert_eq!(art41["name"], "Artikel 4.1");
    assert_eq!(art41["detail"], "Verwerking van persoonsgegevens");
    let leden: Vec<&str> = art41["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(leden, ["lid 1", "lid 2", "lid 3", "lid 4"]);
    let begrippen = syms[0]["children"][0]["children"].as_array().unwrap();
    assert!(
        begrippen
            .iter()
            .any(|s| s["name"] == "Onze Minister" && s["kind"] == 14)
    );
    let syms = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": td(&p.mvt) }),
        )
        .await;
    let parts: Vec<&str> = syms
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(parts, ["I. Algemeen deel", "II. Artikelsgewijs"]);
    let algemeen = syms[0]["children"].as_array().unwrap();
    assert_eq!(algemeen[5]["name"], "6. Uitvoering");
    assert_eq!(
        algemeen[5]["children"][0]["name"],
        "6.1 Uitvoering door de SVB"
    );
    assert_eq!(syms[1]["children"][0]["name"], "Artikel 1.1");
    assert_eq!(syms[1]["children"][0]["kind"], 5);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_symbols_are_flat_for_clients_without_hierarchy() {
    let dir = voorbeeldwet("symbols-flat");
    let mut c = TestClient::fast();
    c.initialize_with(Some(&dir.0), Value::Null, json!({}))
        .await;
    let wet = dir.uri("wetsvoorstel.md");
    c.open(
        &wet,
        &std::fs::read_to_string(dir.path("wetsvoorstel.md")).unwrap(),
    )
    .await;
    let syms = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": td(&wet) }),
        )
        .await;
    let a = syms
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Artikel 4.1")
        .unwrap();
    assert_eq!(a["containerName"], "Afdeling 4.1");
    assert_eq!(a["location"]["uri"], wet);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_symbols_filter_articles_and_terms_by_query() {
    let (mut c, p) = open_pair("wsym").await;
    let r = c
        .request("workspace/symbol", json!({ "query": "hardheid" }))
        .await;
    let names: Vec<&str> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Artikel 5.2 Hardheidsclausule"]);
    let r = c
        .request("workspace/symbol", json!({ "query": "rechthebb" }))
        .await;
    let s = &r.as_array().unwrap()[0];
    assert_eq!(s["name"], "rechthebbende");
    assert_eq!(s["location"]["uri"], p.wet);
    assert!(s["containerName"].as_str().unwrap().contains("artikel 1.1"));
    // Every word of the query must match.
    let r = c
        .request("workspace/symbol", json!({ "query": "artikel 3.5" }))
        .await;
    let names: Vec<&str> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Artikel 3.5 Ondersteuning door het college"]);
    c.shutdown().await;
}

// --- code actions -----------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_action_applies_the_fix_and_the_finding_goes_away() {
    let (mut c, p) = open_pair("ca-fix").await;
    current(&mut c, &p.wet, &p.wet_text).await;
    let start = find(&p.wet_text, "artikel 3.5 lid 1", 2);
    let l = start["line"].as_u64().unwrap();
    let actions = code_actions(
        &mut c,
        &p.wet,
        range(l, start["character"].as_u64().unwrap(), l, 140),
    )
    .await;
    let fix = action(&actions, "Vervang door");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["diagnostics"][0]["code"], "LEG-002");
    let edited = apply_edits(&p.wet_text, &edits_for(&fix["edit"], &p.wet));
    assert!(edited.contains("bedoeld in artikel 3.5, eerste lid, met toestemming"));
    let after = current(&mut c, &p.wet, &edited).await;
    assert!(
        !after
            .iter()
            .any(|d| d["code"] == "LEG-002" && line_of(d) == l),
        "{:?}",
        codes(&after)
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_action_fix_into_the_other_file_is_republished_for_both() {
    let (mut c, p) = open_pair("ca-cross").await;
    current(&mut c, &p.wet, &p.wet_text).await;
    let l = text_line(&p.wet_text, "### Artikel 2.4");
    let actions = code_actions(&mut c, &p.wet, range(l, 0, l, 5)).await;
    let fix = action(&actions, "Artikel 2.4");
    let mvt_edits = edits_for(&fix["edit"], &p.mvt);
    assert!(!mvt_edits.is_empty(), "{fix}");
    // documentChanges carry the version of the open toelichting.
    let dc = fix["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(dc[0]["textDocument"]["version"], c.versions[&p.mvt]);
    let new_mvt = apply_edits(&p.mvt_text, &mvt_edits);
    replace_all(&mut c, &p.mvt, &new_mvt).await;
    let version = c.versions[&p.wet];
    let m = c
        .wait_for("regulation republished", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == p.wet
                && m["params"]["version"] == version
                && !m["params"]["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|d| {
                        d["code"] == "LEG-001" && d["message"].as_str().unwrap().contains("2.4")
                    })
        })
        .await;
    assert!(
        m["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "LEG-001")
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_action_suppresses_a_finding_with_a_reason() {
    let (mut c, p) = open_pair("ca-sup").await;
    current(&mut c, &p.wet, &p.wet_text).await;
    let pos = find(&p.wet_text, "artikel 3.2, vierde lid", 3);
    let l = pos["line"].as_u64().unwrap();
    let actions = code_actions(&mut c, &p.wet, range(l, 20, l, 21)).await;
    let sup = action(&actions, "Onderdruk LEG-002");
    let edits = edits_for(&sup["edit"], &p.wet);
    assert_eq!(
        edits[0]["newText"],
        "<!-- wetlint-disable-next-line LEG-002: vul hier de reden in -->\n"
    );
    let edited = apply_edits(&p.wet_text, &edits);
    let after = current(&mut c, &p.wet, &edited).await;
    let cs = codes(&after);
    assert!(
        !after
            .iter()
            .any(|d| d["code"] == "LEG-002" && line_of(d) == l + 1),
        "{cs:?}"
    );
    assert!(!cs.iter().any(|c| c.starts_with("WL-")), "{cs:?}");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_insert_each_missing_model_clause() {
    let dir = TempDir::new("ca-model");
    let text = "# Wet van 1 januari 2027, houdende regels over de proefsubsidie (Wet proefsubsidie)\n\n## Hoofdstuk 1. Algemene bepalingen\n\n### Artikel 1.1 Subsidie\n\n1. Onze Minister van Economische Zaken kan een subsidie verstrekken aan een onderneming.\n\n2. De subsidie bedraagt ten hoogste € 10.000.\n\n### Artikel 1.2 Aanvraag\n\nDe aanvraag wordt gedaan bij Onze Minister van Economische Zaken.\n\n## Hoofdstuk 2. Slotbepalingen\n\n### Artikel 2.1 Overgangsrecht\n\nOp aanvragen gedaan voor de inwerkingtreding van deze wet blijft het oude recht van toepassing.\n";
    dir.write("wet.md", text);
    let uri = dir.uri("wet.md");
    let mut c = TestClient::fast();
    c.initialize(Some(&dir.0)).await;
    c.open(&uri, text).await;
    let before = codes(&c.diagnostics(&uri).await);
    assert!(
        before.contains(&"LEG-008".to_string()) && before.contains(&"LEG-009".to_string()),
        "{before:?}"
    );
    let mut text = text.to_string();
    for (title, clause) in [
        (
            "begripsbepalingen",
            wetlint_syntax::Clause::Begripsbepalingen,
        ),
        (
            "hardheidsclausule",
            wetlint_syntax::Clause::Hardheidsclausule,
        ),
        (
            "evaluatiebepaling",
            wetlint_syntax::Clause::Evaluatiebepaling,
        ),
        ("inwerkingtreding", wetlint_syntax::Clause::Inwerkingtreding),
        ("citeertitel", wetlint_syntax::Clause::Citeertitel),
    ] {
        let actions = code_actions(&mut c, &uri, range(0, 0, 0, 0)).await;
        let a = action(&actions, &format!("Voeg {title} toe"));
        assert_eq!(a["kind"], "refactor.rewrite");
        text = apply_edits(&text, &edits_for(&a["edit"], &uri));
        replace_all(&mut c, &uri, &text).await;
        let doc = wetlint_syntax::parse(&text, Some("wet.md"));
        let found = doc.articles.iter().find(|a| a.clauses.contains(&clause));
        assert!(found.is_some(), "{title} not recognised in:\n{text}");
    }
    let doc = wetlint_syntax::parse(&text, Some("wet.md"));
    let numbers: Vec<&str> = doc.articles.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["2.2", "1.1", "1.2", "2.3", "2.4", "2.1", "2.5", "2.6"],
        "{text}"
    );
    assert_eq!(
        doc.articles.last().unwrap().title.as_deref(),
        Some("Citeertitel")
    );
    assert!(text.contains("Deze wet wordt aangehaald als: Wet proefsubsidie."));
    let after = codes(&c.diagnostics(&uri).await);
    assert!(
        !after.contains(&"LEG-008".to_string()) && !after.contains(&"LEG-009".to_string()),
        "{after:?}"
    );
    // Nothing left to insert.
    let actions = code_actions(&mut c, &uri, range(0, 0, 0, 0)).await;
    assert!(
        !actions
            .iter()
            .any(|a| a["title"].as_str().unwrap().starts_with("Voeg ")),
        "{actions:?}"
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_action_inserts_an_artikelsgewijze_toelichting_stub() {
    let (mut c, p) = open_pair("ca-stub").await;
    current(&mut c, &p.wet, &p.wet_text).await;
    let l = text_line(&p.wet_text, "1. De Sociale verzekeringsbank betaalt");
    let actions = code_actions(&mut c, &p.wet, range(l, 3, l, 3)).await;
    let a = action(
        &actions,
        "Voeg artikelsgewijze toelichting op artikel 3.4 toe",
    );
    assert!(
        actions
            .iter()
            .any(|a| a["title"].as_str().unwrap().contains("alle 2 artikelen"))
    );
    let new_mvt = apply_edits(&p.mvt_text, &edits_for(&a["edit"], &p.mvt));
    // Between the entries for 3.3 and 3.5.
    let (i33, i34, i35) = (
        new_mvt.find("### Artikel 3.3").unwrap(),
        new_mvt.find("### Artikel 3.4").unwrap(),
        new_mvt.find("### Artikel 3.5").unwrap(),
    );
    assert!(i33 < i34 && i34 < i35);
    replace_all(&mut c, &p.mvt, &new_mvt).await;
    let version = c.versions[&p.wet];
    c.wait_for("regulation without LEG-001 for 3.4", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == p.wet
            && m["params"]["version"] == version
            && !m["params"]["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == "LEG-001" && d["message"].as_str().unwrap().contains("3.4"))
    })
    .await;
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_action_inserts_a_skeleton_section_in_the_heading_style() {
    let dir = TempDir::new("ca-skel");
    let wet = "# Wet van 1 januari 2027, houdende regels over proeven (Wet proeven)\n\n### Artikel 1\n\nOnze Minister van Economische Zaken houdt een proef.\n";
    let mvt = "# Memorie van toelichting\n\n## I. Algemeen deel\n\n### 1. Inleiding\n\nDit voorstel regelt een proef.\n\n### 2. Financiële gevolgen\n\nGeen.\n\n## II. Artikelsgewijs\n\n### Artikel 1\n\nDe proef.\n";
    dir.write("wet.md", wet);
    dir.write("memorie-van-toelichting.md", mvt);
    let mu = dir.uri("memorie-van-toelichting.md");
    let mut c = TestClient::fast();
    c.initialize(Some(&dir.0)).await;
    c.open(&mu, mvt).await;
    let before = codes(&c.diagnostics(&mu).await);
    let actions = code_actions(&mut c, &mu, range(4, 0, 4, 0)).await;
    assert!(!actions.iter().any(|a| {
        a["title"]
            .as_str()
            .unwrap()
            .contains("'Financiële gevolgen'")
    }));
    let a = action(&actions, "Voeg paragraaf 'Uitvoering' toe");
    let new = apply_edits(mvt, &edits_for(&a["edit"], &mu));
    assert!(
        new.contains(
            "### 1. Inleiding\n\nDit voorstel regelt een proef.\n\n### 2. Uitvoering\n\n["
        ),
        "{new}"
    );
    assert!(
        new.contains("### 3. Financiële gevolgen"),
        "renumbered: {new}"
    );
    let after = codes(&current(&mut c, &mu, &new).await);
    let doc = wetlint_syntax::parse(&new, Some("memorie-van-toelichting.md"));
    assert!(
        doc.sections
            .iter()
            .any(|s| s.title == "Uitvoering" && s.number.as_deref() == Some("2"))
    );
    if before.contains(&"UITV-002".to_string()) {
        assert!(!after.contains(&"UITV-002".to_string()), "{after:?}");
    }
    c.shutdown().await;
}

// --- semantic tokens and folding ----------------------------------------------------

fn decode(data: &[Value]) -> Vec<(u64, u64, u64, u64, u64)> {
    let (mut line, mut ch) = (0u64, 0u64);
    data.chunks(5)
        .map(|t| {
            let v: Vec<u64> = t.iter().map(|x| x.as_u64().unwrap()).collect();
            if v[0] > 0 {
                line += v[0];
                ch = v[1];
            } else {
                ch += v[1];
            }
            (line, ch, v[2], v[3], v[4])
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn semantic_tokens_mark_headings_markers_terms_and_references() {
    let (mut c, p) = open_pair("tokens").await;
    let r = c
        .request(
            "textDocument/semanticTokens/full",
            json!({ "textDocument": td(&p.wet) }),
        )
        .await;
    let toks = decode(r["data"].as_array().unwrap());
    let has = |needle: &str, delta: usize, len: u64, typ: u64, mods: u64| {
        let pp = find(&p.wet_text, needle, delta);
        let (l, ch) = (
            pp["line"].as_u64().unwrap(),
            pp["character"].as_u64().unwrap(),
        );
        toks.contains(&(l, ch, len, typ, mods))
    };
    assert!(
        has("Hoofdstuk 1. Algemene bepalingen", 0, 32, 0, 0),
        "unit heading"
    );
    assert!(
        has("Artikel 2.1 Recht op energietegemoetkoming", 0, 42, 1, 0),
        "article heading"
    );
    assert!(
        has("1. Recht op een energietegemoetkoming", 0, 2, 2, 0),
        "lid marker"
    );
    assert!(
        has("energietegemoetkoming: tegemoetkoming", 0, 21, 3, 1),
        "term at its definition"
    );
    assert!(
        has("een energietegemoetkoming doet", 4, 21, 3, 0),
        "term use"
    );
    assert!(has("artikel 3.1, vierde lid", 0, 23, 4, 0), "reference");
    // Sorted and not overlapping.
    for w in toks.windows(2) {
        assert!(
            w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 + w[0].2 <= w[1].1),
            "{w:?}"
        );
    }
    // The toelichting gets the regulation's terms and its article headings.
    let r = c
        .request(
            "textDocument/semanticTokens/full",
            json!({ "textDocument": td(&p.mvt) }),
        )
        .await;
    let toks = decode(r["data"].as_array().unwrap());
    assert!(toks.iter().any(|t| t.3 == 3), "terms in the toelichting");
    let l = text_line(&p.mvt_text, "### Artikel 3.5");
    assert!(toks.iter().any(|t| t.0 == l && t.3 == 1));
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn folding_ranges_cover_units_articles_and_sections() {
    let (mut c, p) = open_pair("fold").await;
    let r = c
        .request(
            "textDocument/foldingRange",
            json!({ "textDocument": td(&p.wet) }),
        )
        .await;
    let starts: Vec<u64> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["startLine"].as_u64().unwrap())
        .collect();
    for needle in ["## Hoofdstuk 1.", "## Afdeling 4.1", "### Artikel 2.1"] {
        assert!(starts.contains(&text_line(&p.wet_text, needle)), "{needle}");
    }
    let h1 = r
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["startLine"].as_u64() == Some(text_line(&p.wet_text, "## Hoofdstuk 1.")))
        .unwrap();
    assert_eq!(
        h1["endLine"].as_u64().unwrap(),
        text_line(&p.wet_text, "De Sociale verzekeringsbank is belast")
    );
    let r = c
        .request(
            "textDocument/foldingRange",
            json!({ "textDocument": td(&p.mvt) }),
        )
        .await;
    let starts: Vec<u64> = r
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["startLine"].as_u64().unwrap())
        .collect();
    assert!(starts.contains(&text_line(&p.mvt_text, "### 6. Uitvoering")));
    assert!(starts.contains(&text_line(&p.mvt_text, "### Artikel 3.5")));
    c.shutdown().await;
}

// --- custom request -----------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waarden_dekking_returns_the_value_coverage() {
    let (mut c, p) = open_pair("waarden").await;
    let r = c
        .request(
            "wetlint/waardenDekking",
            json!({ "textDocument": td(&p.mvt) }),
        )
        .await;
    assert_eq!(r["toelichting"], p.mvt);
    // The matrix: transparantie is named but not argued, toegankelijkheid is argued.
    let values = r["matrix"]["values"].as_array().expect("matrix values");
    let row = |id: &str| {
        values
            .iter()
            .find(|v| v["value_id"] == id)
            .unwrap_or_else(|| panic!("no {id}: {r}"))
    };
    assert_eq!(row("transparantie")["named"], true);
    assert_eq!(row("transparantie")["argued"], false);
    assert_eq!(row("toegankelijkheid")["argued"], true);
    let sections = r["matrix"]["sections"].as_array().unwrap();
    assert!(
        sections
            .iter()
            .any(|s| s["title"] == "Menselijke maat en toegankelijkheid"),
        "{r}"
    );
    assert_eq!(r["spanRanges"].as_array().unwrap().len(), sections.len());
    let b = r["bevindingen"].as_array().unwrap();
    assert_eq!(b.len(), 1, "{r}");
    assert!(
        b[0]["message"].as_str().unwrap().contains("alleen genoemd"),
        "{r}"
    );
    assert!(
        b[0]["message"].as_str().unwrap().contains("transparantie"),
        "{r}"
    );
    // From the regulation: the paired toelichting.
    let r = c
        .request(
            "wetlint/waardenDekking",
            json!({ "textDocument": td(&p.wet) }),
        )
        .await;
    assert_eq!(r["toelichting"], p.mvt);
    let r = c
        .request_full(
            "wetlint/waardenDekking",
            json!({ "textDocument": td("file:///niet/open.md") }),
        )
        .await;
    assert!(r["error"].is_object(), "{r}");
    let r = c
        .request_full("wetlint/waardenDekking", json!({ "iets": 1 }))
        .await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    c.shutdown().await;
}

// --- configuration ------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wetlint_toml_changes_are_picked_up() {
    let (mut c, p) = open_pair("toml").await;
    // The server registered its file watchers.
    let log = c.log.lock().unwrap().clone();
    assert!(
        log.iter()
            .any(|m| m["method"] == "client/registerCapability"
                && m["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles")
    );
    assert!(codes(&current(&mut c, &p.wet, &p.wet_text).await).contains(&"LEG-002".to_string()));
    let toml = p.dir.write("wetlint.toml", "ignore = [\"LEG-002\"]\n");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri_of(&toml), "type": 1 }] }),
    )
    .await;
    c.diagnostics_where(&p.wet, |d| {
        !d.iter().any(|x| x["code"] == "LEG-002") && !d.is_empty()
    })
    .await;
    // A broken config is reported (in Dutch, with file:line:column) and defaults apply.
    p.dir.write("wetlint.toml", "profiel = 3\n");
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": td(&uri_of(&toml)) }),
    )
    .await;
    c.diagnostics_where(&p.wet, |d| d.iter().any(|x| x["code"] == "LEG-002"))
        .await;
    let m = c
        .wait_for("config error message", |m| {
            m["method"] == "window/showMessage"
        })
        .await;
    let msg = m["params"]["message"].as_str().unwrap();
    assert!(
        msg.contains("wetlint.toml:1:1") && msg.contains("ongeldige configuratie"),
        "{msg}"
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_settings_select_ignore_and_profile() {
    let dir = voorbeeldwet("settings");
    let mut c = TestClient::fast();
    c.initialize_with(
        Some(&dir.0),
        json!({ "wetlint": { "select": ["LEG-002"] } }),
        default_caps(),
    )
    .await;
    let wet = dir.uri("wetsvoorstel.md");
    let text = std::fs::read_to_string(dir.path("wetsvoorstel.md")).unwrap();
    c.open(&wet, &text).await;
    let cs = codes(&c.diagnostics(&wet).await);
    assert!(
        !cs.is_empty() && cs.iter().all(|x| x == "LEG-002"),
        "{cs:?}"
    );
    // Pushed settings.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "wetlint": { "ignore": "LEG-002", "profile": "indiening" } } }),
    )
    .await;
    let ds = c
        .diagnostics_where(&wet, |d| !d.iter().any(|x| x["code"] == "LEG-002"))
        .await;
    assert!(!ds.is_empty());
    // Pulled settings (workspace/configuration).
    *c.configuration.lock().unwrap() = json!([{ "select": "UITV-003" }]);
    c.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    )
    .await;
    let ds = c
        .diagnostics_where(&wet, |d| {
            !d.is_empty() && d.iter().all(|x| x["code"] == "UITV-003")
        })
        .await;
    assert_eq!(ds.len(), 1);
    c.shutdown().await;
}

// --- robustness -----------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_requests_get_errors_or_empty_results() {
    let dir = TempDir::new("malformed");
    let text = "# Wet van 1 januari 2027 (Wet 😀 proef)\n\n### Artikel 1\n\n1. Een 😀 lid over de aanvrager.\n";
    dir.write("wet.md", text);
    let uri = dir.uri("wet.md");
    let mut c = TestClient::fast();
    c.initialize(Some(&dir.0)).await;
    c.open(&uri, text).await;
    c.diagnostics(&uri).await;
    let emoji = find(text, "😀 lid", 0);
    let (el, ec) = (
        emoji["line"].as_u64().unwrap(),
        emoji["character"].as_u64().unwrap(),
    );
    // Bad URI and missing fields: invalid params.
    let r = c
        .request_full(
            "textDocument/hover",
            json!({ "textDocument": { "uri": "::geen uri::" }, "position": pos(0, 0) }),
        )
        .await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = c
        .request_full("textDocument/hover", json!({ "position": pos(0, 0) }))
        .await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = c
        .request_full("textDocument/definition", json!("zomaar een tekst"))
        .await;
    assert!(r["error"].is_object(), "{r}");
    // Unknown documents and impossible positions: empty results.
    let unknown = "file:///bestaat/niet.md";
    for (method, params) in [
        ("textDocument/hover", at(unknown, pos(0, 0))),
        ("textDocument/definition", at(unknown, pos(0, 0))),
        (
            "textDocument/documentSymbol",
            json!({ "textDocument": td(unknown) }),
        ),
        (
            "textDocument/semanticTokens/full",
            json!({ "textDocument": td(unknown) }),
        ),
        (
            "textDocument/foldingRange",
            json!({ "textDocument": td(unknown) }),
        ),
        ("textDocument/hover", at(&uri, pos(99_999, 0))),
        ("textDocument/hover", at(&uri, pos(0, 99_999))),
        ("textDocument/hover", at(&uri, pos(el, ec + 1))),
        ("textDocument/definition", at(&uri, pos(el, ec + 1))),
        (
            "textDocument/definition",
            at(&uri, pos(u32::MAX as u64, u32::MAX as u64)),
        ),
    ] {
        let r = c.request_full(method, params.clone()).await;
        assert!(
            r["error"].is_null() && r["result"].is_null(),
            "{method} {params}: {r}"
        );
    }
    let r = c
        .request(
            "textDocument/references",
            json!({ "textDocument": td(&uri), "position": pos(el, ec + 1), "context": { "includeDeclaration": true } }),
        )
        .await;
    assert!(
        r.is_null() || r.as_array().is_some_and(Vec::is_empty),
        "{r}"
    );
    let r = c
        .request(
            "textDocument/codeAction",
            json!({ "textDocument": td(&uri), "range": range(el, ec + 1, 99_999, 7), "context": { "diagnostics": [] } }),
        )
        .await;
    assert!(r.is_array());
    // Edits with impossible ranges are clamped, never fatal.
    c.change(&uri, range(el, ec + 1, el, ec + 1), "X").await;
    c.change(&uri, range(99_999, 5, 100_000, 0), "\nslot\n")
        .await;
    c.change(&uri, range(0, 9_999, 0, 5), "").await; // reversed: swapped
    c.change("file:///niet/geopend.md", range(0, 0, 0, 0), "x")
        .await;
    // A lone surrogate is not valid JSON text for serde: the message is dropped.
    c.send_raw(r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"URI","version":99},"contentChanges":[{"text":"\ud800"}]}}"#.replace("URI", &uri).as_str()).await;
    c.send_raw("{dit is geen json").await;
    let r = c.request_full("wetlint/bestaatNiet", json!({})).await;
    assert_eq!(r["error"]["code"], -32601, "{r}");
    // Unreadable frames are answered with a parse error (id null), not a hang-up.
    c.wait_for("parse error response", |m| {
        m["id"].is_null() && m["error"]["code"] == -32700
    })
    .await;
    c.send_raw(r#"{"jsonrpc":"2.0","id":777,"method":7}"#).await;
    c.wait_for("invalid request response", |m| {
        m["id"] == 777 && m["error"]["code"] == -32600
    })
    .await;
    // Still serving, with the clamped edits applied.
    let syms = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": td(&uri) }),
        )
        .await;
    assert!(syms.as_array().is_some_and(|s| !s.is_empty()), "{syms}");
    let h = c
        .request("textDocument/hover", at(&uri, find(text, "aanvrager", 0)))
        .await;
    assert!(h.is_null() || h["contents"].is_object());
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_handler_is_caught_logged_and_the_server_keeps_serving() {
    let (mut c, p) = open_pair("panic").await;
    let r = c.request_full("wetlint/testPanic", json!({})).await;
    assert_eq!(r["error"]["code"], -32603, "{r}");
    let m = c
        .wait_for("log message about the panic", |m| {
            m["method"] == "window/logMessage"
                && m["params"]["message"].as_str().is_some_and(|s| {
                    s.contains("interne fout") && s.contains("opzettelijke paniek")
                })
        })
        .await;
    assert_eq!(m["params"]["type"], 1);
    let h = c
        .request(
            "textDocument/hover",
            at(&p.wet, find(&p.wet_text, "artikel 3.1, vierde lid", 4)),
        )
        .await;
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Verwijzing")
    );
    c.shutdown().await;
}
