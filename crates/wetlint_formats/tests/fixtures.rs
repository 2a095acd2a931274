//! The readers on the fictional fixtures in `fixtures/formats/`: what each
//! yields, positions for .docx, and a Dutch `FormatError` (never a panic)
//! for every malformed file.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use wetlint_formats::{Converted, Format, Role};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/formats")
        .join(name)
}

fn read(name: &str) -> Vec<Converted> {
    let p = fixture(name);
    let bytes = std::fs::read(&p).unwrap();
    wetlint_formats::read(&p, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn parse(c: &Converted) -> wetlint_syntax::Document {
    wetlint_syntax::parse(&c.text, None)
}

#[test]
fn bwb_fixture_regulation_and_toelichting() {
    let docs = read("bwb-buurtmoestuinen.xml");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].format, Format::BwbXml);
    let reg = parse(&docs[0]);
    let numbers: Vec<&str> = reg.articles.iter().map(|a| a.number.as_str()).collect();
    // Artikel 2 is repealed (status="vervallen") and left out.
    assert_eq!(numbers, ["1", "3", "4"]);
    let terms: Vec<&str> = reg.definitions.iter().map(|d| d.term.as_str()).collect();
    assert_eq!(terms, ["buurtmoestuin", "college", "tuinraad"]);
    assert!(
        docs[0]
            .text
            .contains("[Wet bodembescherming](https://wetten.overheid.nl/BWBR0004598/)")
    );
    assert!(reg.references.iter().any(|r| matches!(
        &r.kind,
        wetlint_syntax::ReferenceKind::External { bwb_id: Some(id), .. } if id == "BWBR0004598"
    )));
    // The entity &#160; and &amp; decode; the text after them still maps verbatim.
    assert!(docs[0].text.contains("2\u{a0}000 inwoners"));
    let toel = parse(&docs[1]);
    assert_eq!(docs[1].role, Role::Toelichting);
    assert!(toel.kind.is_toelichting());
    let keys: Vec<String> = toel
        .toelichting_articles
        .iter()
        .flat_map(|e| e.keys.iter().map(|k| k.article.clone()))
        .collect();
    assert_eq!(keys, ["1", "3"]);
    assert_eq!(wetlint_formats::pairs(&docs), [(Some(0), Some(1))]);
}

#[test]
fn stop_fixture_besluit_regeling_toelichting() {
    let docs = read("stop-verordening-speeltuinen.xml");
    let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["besluit", "regeling", "toelichting"]);
    assert_eq!(
        wetlint_formats::pairs(&docs),
        [(Some(0), None), (Some(1), Some(2))]
    );
    let reg = parse(&docs[1]);
    let terms: Vec<&str> = reg.definitions.iter().map(|d| d.term.as_str()).collect();
    assert_eq!(terms, ["speeltuin", "beheerder"]);
    let art = reg.article("1.2").unwrap().1;
    assert_eq!(art.leden.len(), 2);
    assert_eq!(art.leden[1].onderdelen.len(), 2);
    let toel = parse(&docs[2]);
    let keys: Vec<String> = toel
        .toelichting_articles
        .iter()
        .flat_map(|e| e.keys.iter().map(|k| k.article.clone()))
        .collect();
    assert_eq!(keys, ["1.1", "1.2"]);
    // The heading of artikel 1.2 maps to its <Artikel> element.
    let xml = std::fs::read_to_string(fixture("stop-verordening-speeltuinen.xml")).unwrap();
    let at = xml.find("<Artikel eId=\"chp_1__art_1.2\"").unwrap();
    let row = xml[..at].matches('\n').count() as u32 + 1;
    assert_eq!(docs[1].map.locate(art.heading.start).0, row);
}

#[test]
fn op_kamerstuk_pair() {
    let voorstel = read("kst-99999-2.xml");
    assert_eq!(voorstel.len(), 1);
    assert_eq!(voorstel[0].format, Format::OfficielePublicatieXml);
    let reg = parse(&voorstel[0]);
    assert_eq!(reg.kind, wetlint_syntax::DocumentKind::Wet);
    assert_eq!(reg.articles.len(), 4);
    assert_eq!(reg.definitions.len(), 2);
    let mvt = read("kst-99999-3.xml");
    assert_eq!(mvt.len(), 1);
    assert_eq!(mvt[0].role, Role::Toelichting);
    let toel = parse(&mvt[0]);
    assert_eq!(
        toel.kind,
        wetlint_syntax::DocumentKind::MemorieVanToelichting
    );
    assert_eq!(toel.toelichting_articles.len(), 2);
    assert!(toel.sections.iter().any(|s| s.title.contains("Uitvoering")));
}

#[test]
fn docx_headings_numbering_tables_and_positions() {
    let docs = read("wet-fietsenstallingen.docx");
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.format, Format::Docx);
    let doc = parse(d);
    assert_eq!(doc.kind, wetlint_syntax::DocumentKind::Wet);
    let numbers: Vec<&str> = doc.articles.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4"]);
    let art2 = doc.article("2").unwrap().1;
    assert_eq!(art2.leden.len(), 3);
    assert_eq!(art2.leden[1].onderdelen.len(), 2);
    let terms: Vec<&str> = doc.definitions.iter().map(|x| x.term.as_str()).collect();
    assert_eq!(terms, ["fietsenstalling", "stallingsbeheerder"]);
    assert!(d.text.contains("| dag | € 1,25 |"));
    // Positions: paragraph number and character offset. Paragraph 1 is the
    // title, 2-5 the aanhef, 6 "Hoofdstuk 1", 7 "Artikel 1 Begripsbepalingen".
    assert_eq!(d.map.locate(doc.articles[0].heading.start), (7, 1));
    let word = d.text.find("Begripsbepalingen").unwrap();
    assert_eq!(
        d.map.locate(word),
        (7, "Artikel 1 ".chars().count() as u32 + 1)
    );
    // A word in the second half of a paragraph (a second run) still maps.
    let t = d.text.find("doelmatig").unwrap();
    let p = "Het college draagt zorg voor een ".chars().count() as u32 + 1;
    let (row, col) = d.map.locate(t);
    assert_eq!(col, p);
    // 8 "In deze wet…", 9-10 onderdelen, 11 "Artikel 2 Beheer", 12 the first lid.
    assert_eq!(row, 12);
    assert!(d.map.source_text().is_none());

    // Word numbering of the headings ("Artikel %1") and a tracked deletion.
    let auto = read("wet-fietsenstallingen-autonummering.docx");
    let adoc = parse(&auto[0]);
    let numbers: Vec<&str> = adoc.articles.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4"]);
    assert!(
        !auto[0].text.contains("niet doelmatig"),
        "deleted text left out"
    );
    // The generated label has no text in the paragraph: the title starts at column 1.
    let title = auto[0].text.find("Begripsbepalingen").unwrap();
    assert_eq!(auto[0].map.locate(title), (7, 1));

    let mvt = read("mvt-fietsenstallingen.docx");
    let toel = parse(&mvt[0]);
    assert_eq!(mvt[0].role, Role::Toelichting);
    assert_eq!(
        toel.kind,
        wetlint_syntax::DocumentKind::MemorieVanToelichting
    );
    let keys: Vec<String> = toel
        .toelichting_articles
        .iter()
        .flat_map(|e| e.keys.iter().map(|k| k.article.clone()))
        .collect();
    assert_eq!(keys, ["1", "2"]);
}

#[test]
fn detection_by_content() {
    let bwb = std::fs::read(fixture("bwb-buurtmoestuinen.xml")).unwrap();
    let stop = std::fs::read(fixture("stop-verordening-speeltuinen.xml")).unwrap();
    let op = std::fs::read(fixture("kst-99999-2.xml")).unwrap();
    let docx = std::fs::read(fixture("wet-fietsenstallingen.docx")).unwrap();
    let md = Path::new("wet.md");
    assert_eq!(wetlint_formats::detect(md, &bwb), Format::BwbXml);
    assert_eq!(wetlint_formats::detect(md, &stop), Format::StopXml);
    assert_eq!(
        wetlint_formats::detect(Path::new("x.txt"), &op),
        Format::OfficielePublicatieXml
    );
    assert_eq!(wetlint_formats::detect(md, &docx), Format::Docx);
    assert_eq!(
        wetlint_formats::detect(md, b"# Wet\n\n### Artikel 1\n"),
        Format::Markdown
    );
    assert_eq!(
        wetlint_formats::detect(Path::new("a.txt"), b"Artikel 1\n"),
        Format::PlainText
    );
    // The Basiswettenbestand Markdown starts with an HTML <meta> line: Markdown.
    let meta = b"<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n\n##Wet\n";
    assert_eq!(wetlint_formats::detect(md, meta), Format::Markdown);
    // A Markdown file that is really XML reads as XML.
    let docs = wetlint_formats::read(md, &bwb).unwrap();
    assert_eq!(docs[0].format, Format::BwbXml);
}

#[test]
fn malformed_files_give_dutch_errors() {
    let cases = [
        ("malformed/afgebroken.xml", "afgebroken"),
        ("malformed/doctype-entiteit.xml", "DOCTYPE"),
        ("malformed/diep-genest.xml", "te diep genest"),
        ("malformed/stop-zonder-tekst.xml", "geen besluit"),
        ("malformed/zipbomb.docx", "zip-bom"),
        ("malformed/afgebroken.docx", "beschadigd"),
        (
            "malformed/geen-document.docx",
            "word/document.xml ontbreekt",
        ),
        ("malformed/entiteit.docx", "DOCTYPE"),
    ];
    for (name, needle) in cases {
        let p = fixture(name);
        let bytes = std::fs::read(&p).unwrap();
        match wetlint_formats::read(&p, &bytes) {
            Ok(_) => panic!("{name}: read without error"),
            Err(e) => {
                println!("{name}: {e}");
                assert!(e.message.contains(needle), "{name}: {}", e.message);
            }
        }
    }
    // The truncated XML names the position where the file stops.
    let p = fixture("malformed/afgebroken.xml");
    let e = wetlint_formats::read(&p, &std::fs::read(&p).unwrap()).unwrap_err();
    assert_eq!(e.row, Some(9));
    // The external entity is never read: its target does not appear anywhere.
    let p = fixture("malformed/doctype-entiteit.xml");
    let e = wetlint_formats::read(&p, &std::fs::read(&p).unwrap()).unwrap_err();
    assert!(!e.message.contains("root:"));
    assert_eq!((e.row, e.column), (Some(2), Some(1)));
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A quick deterministic sweep; the fuzz targets go further.
    let seeds = [
        std::fs::read(fixture("bwb-buurtmoestuinen.xml")).unwrap(),
        std::fs::read(fixture("stop-verordening-speeltuinen.xml")).unwrap(),
        std::fs::read(fixture("wet-fietsenstallingen.docx")).unwrap(),
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for seed in &seeds {
        for cut in (0..seed.len()).step_by(97) {
            let mut b = seed[..cut].to_vec();
            for _ in 0..4 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                if !b.is_empty() {
                    let i = (x as usize) % b.len();
                    b[i] = (x >> 32) as u8;
                }
            }
            for ext in ["a.xml", "a.docx", "a.md"] {
                if let Ok(docs) = wetlint_formats::read(Path::new(ext), &b) {
                    for d in docs {
                        let doc = wetlint_syntax::parse(&d.text, None);
                        for a in &doc.articles {
                            let _ = d.map.locate_range(a.heading.start, a.heading.end);
                        }
                    }
                }
            }
        }
    }
}
