//! Incremental reparsing gives the same document as parsing from scratch.

use wetlint_syntax::{SyntaxTree, TextEdit, outline};

/// A small deterministic pseudo-random generator (no dependency needed).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() as usize) % n.max(1)
    }
}

const PIECES: [&str; 12] = [
    "\n### Artikel 9\n\n1. Onze Minister stelt regels.\n",
    "a. aanvrager: degene die een aanvraag doet;\n",
    "\n## Hoofdstuk 3. Slot\n",
    " artikel 2, tweede lid, ",
    "\nA\n",
    "1°. een kind;\n",
    "<!-- wetlint-disable-next-line LEG-002: reden -->\n",
    "Bij algemene maatregel van bestuur worden regels gesteld over de aanvraag.",
    "\r\n",
    "ë€✓",
    "",
    "### ",
];

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[test]
fn incremental_edits_match_fresh_parse() {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/drafts/voorbeeldwet/wetsvoorstel.md"
    ))
    .expect("example draft");
    let mut text = base.clone();
    let mut tree = SyntaxTree::new(&text);
    let mut rng = Lcg(42);
    for step in 0..300 {
        let start = floor_char_boundary(&text, rng.below(text.len() + 1));
        let end = floor_char_boundary(&text, (start + rng.below(40)).min(text.len())).max(start);
        let insert = PIECES[rng.below(PIECES.len())];
        let mut new_text = String::with_capacity(text.len() + insert.len());
        new_text.push_str(&text[..start]);
        new_text.push_str(insert);
        new_text.push_str(&text[end..]);
        tree.edit(
            &text,
            &new_text,
            TextEdit {
                old_start: start,
                old_end: end,
                new_len: insert.len(),
            },
        );
        text = new_text;
        if step % 25 == 0 || step == 299 {
            let incremental = outline::to_json(&tree.document(&text, None), &text, "x");
            let fresh = outline::to_json(&wetlint_syntax::parse(&text, None), &text, "x");
            assert_eq!(incremental, fresh, "divergence after edit {step}");
        }
    }
}

#[test]
fn invalid_edit_falls_back_to_a_full_parse() {
    let mut tree = SyntaxTree::new("### Artikel 1\n");
    let new = "### Artikel 2\n\n1. Tekst.\n";
    tree.edit(
        "### Artikel 1\n",
        new,
        TextEdit {
            old_start: 50,
            old_end: 10,
            new_len: 999,
        },
    );
    let doc = tree.document(new, None);
    assert_eq!(doc.articles.len(), 1);
    assert_eq!(doc.articles[0].number, "2");
}
