//! Corpus contract on the real 136-file laws-markdown sample: no panic, every
//! `### Artikel` heading becomes an article, begripsbepalingen are found in at
//! least 95% of the files that say "wordt verstaan onder".

use wetlint_tests::{check_corpus_file, files_below, read_lossy, shared_corpus};

#[test]
fn laws_markdown_sample_articles_and_definitions() {
    let dir = shared_corpus().join("laws-markdown");
    let files = files_below(&dir, "md");
    assert_eq!(
        files.len(),
        136,
        "the sample in {} has 136 files",
        dir.display()
    );
    let mut mismatches = Vec::new();
    let (mut with_phrase, mut with_defs) = (0, 0);
    for f in &files {
        let text = read_lossy(f);
        let s = check_corpus_file(f, &text);
        if s.artikel_headings != s.model_articles {
            mismatches.push(format!(
                "{}: {} headings, {} articles",
                f.display(),
                s.artikel_headings,
                s.model_articles
            ));
        }
        if s.has_definition_phrase {
            with_phrase += 1;
            if s.definitions > 0 {
                with_defs += 1;
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "article count mismatches:\n{}",
        mismatches.join("\n")
    );
    let share = with_defs as f64 / with_phrase.max(1) as f64;
    assert!(
        share >= 0.95,
        "begripsbepalingen found in {with_defs} of {with_phrase} files with 'wordt verstaan onder' ({:.1}%)",
        share * 100.0
    );
}

#[test]
fn ocr_pages_parse_without_panic() {
    for f in files_below(&shared_corpus().join("ocr"), "txt") {
        let text = read_lossy(&f);
        let doc = wetlint_syntax::parse(&text, None);
        assert!(doc.len == text.len());
    }
}
