//! The fast path must give exactly the matches of `regex::Regex`.

use super::*;

/// Patterns like the ones in `rules/` and the rules: word boundaries next to
/// ASCII and non-ASCII letters, lazy gaps, alternations, anchors, captures.
const PATTERNS: &[&str] = &[
    r"\bdient\b[^.;]{1,60}?\bin\b",
    r"(?i)\b(?:wordt|worden)\b[^.;]{1,60}?\b(?:geweigerd|ingetrokken|beëindigd)\b",
    r"\bbinnen \d+ (?:dagen|weken|maanden|jaar)\b",
    r"(?i)\b(?:één|financiële|privé|coördinatie)\b",
    r"\b[A-Z]\w{0,30}(?:wet|besluit|regeling)\b",
    r"(?i)\bop\b",
    r"(?m)^\s{0,4}(?:Artikel|Hoofdstuk) (\d+)\b",
    r"(?i)\b(?P<wie>minister|staatssecretaris) van (?P<wat>\w{1,20})\b",
    r"\Bië\B",
    r"(?i)\b(?:niet|geen)\b",
    r"\bé\b|\bë",
    r"\b\w{0,3}\b",
    r"\b[Oo]nze\s+Minister(s)?\b",
    r"(?is)\bgelet\s+op\b.*?(?:wet|wetboek)\b",
    r"\b\w+(?:wet|regeling)\b",
    r"x?",
];

const WORDS: &[&str] = &[
    "dient",
    "in",
    "op",
    "Op",
    "wordt",
    "worden",
    "geweigerd",
    "beëindigd",
    "ïn",
    "ën",
    "één",
    "financiële",
    "privé",
    "coördinatie",
    "Zorgwet",
    "Ministeriële",
    "regeling",
    "binnen",
    "14",
    "dagen",
    "geïnd",
    "reünie",
    "minister",
    "van",
    "Financiën",
    "niet",
    "geen",
    "é",
    "ë",
    "x",
    "Artikel",
    "Hoofdstuk",
    "3",
    "idee",
    "ideeën",
    ".",
    ";",
    ",",
    "’s",
    "\n",
    "  ",
    "_",
    "op-",
];

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

fn haystack(rng: &mut Rng) -> String {
    let n = rng.next() % 60;
    let mut s = String::new();
    for _ in 0..n {
        let w = WORDS[rng.next() % WORDS.len()];
        s.push_str(w);
        if !rng.next().is_multiple_of(3) {
            s.push(' ');
        }
    }
    s
}

fn spans(it: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    it.collect()
}

#[test]
fn same_matches_as_the_regex_crate() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for p in PATTERNS {
        let fast = Regex::new(p).expect("compiles");
        let slow = regex::Regex::new(p).expect("compiles");
        for _ in 0..3000 {
            let h = haystack(&mut rng);
            assert_eq!(fast.is_match(&h), slow.is_match(&h), "{p} on {h:?}");
            assert_eq!(
                spans(fast.find_iter(&h).map(|m| (m.start(), m.end()))),
                spans(slow.find_iter(&h).map(|m| (m.start(), m.end()))),
                "{p} on {h:?}"
            );
            assert_eq!(
                fast.split(&h).collect::<Vec<_>>(),
                slow.split(&h).collect::<Vec<_>>(),
                "{p} on {h:?}"
            );
            let start = if h.is_empty() {
                0
            } else {
                rng.next() % h.len()
            };
            if h.is_char_boundary(start) {
                assert_eq!(
                    fast.find_at(&h, start).map(|m| m.range()),
                    slow.find_at(&h, start).map(|m| m.range()),
                    "{p} at {start} on {h:?}"
                );
            }
            let caps = |c: Captures<'_>| -> Vec<Option<(usize, usize)>> {
                c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect()
            };
            assert_eq!(
                fast.captures_iter(&h).map(caps).collect::<Vec<_>>(),
                slow.captures_iter(&h).map(caps).collect::<Vec<_>>(),
                "{p} on {h:?}"
            );
        }
    }
}

#[test]
fn word_patterns_take_the_fast_path() {
    assert!(
        Regex::new(r"\bdient\b[^.;]{1,60}?\bin\b")
            .expect("compiles")
            .has_fast_path()
    );
    assert!(Regex::new(r"\b\w+wet\b").expect("compiles").has_fast_path());
    // Nothing to gain without a word assertion; `\b{start}` and a
    // quantified `\b` are left to the exact expression.
    for p in [r"dient[^.;]{1,60}?in", r"\b{start}wet", r"wet\b?"] {
        assert!(!Regex::new(p).expect("compiles").has_fast_path(), "{p}");
    }
}

#[test]
fn case_insensitive_builder_matches_the_regex_crate() {
    let fast = RegexBuilder::new(r"\bbeëindigd\b")
        .case_insensitive(true)
        .build()
        .expect("compiles");
    assert!(fast.has_fast_path());
    let slow = regex::RegexBuilder::new(r"\bbeëindigd\b")
        .case_insensitive(true)
        .build()
        .expect("compiles");
    for h in [
        "Het wordt BEËINDIGD.",
        "beëindigde",
        "xbeëindigd",
        "é beëindigd é",
    ] {
        assert_eq!(
            fast.find(h).map(|m| m.range()),
            slow.find(h).map(|m| m.range()),
            "{h}"
        );
    }
}

#[test]
fn long_text_stays_exact() {
    // One match at the very end of a long non-ASCII text.
    let mut h = "ministeriële één privé ".repeat(2000);
    h.push_str("de aanvraag wordt na de termijn geweigerd.");
    let p = r"(?i)\b(?:wordt|worden)\b[^.;]{1,60}?\bgeweigerd\b";
    let fast = Regex::new(p).expect("compiles");
    let slow = regex::Regex::new(p).expect("compiles");
    assert_eq!(
        fast.find(&h).map(|m| m.range()),
        slow.find(&h).map(|m| m.range())
    );
    assert!(fast.find(&h).is_some());
    assert_eq!(
        fast.replace_all(&h, "X").into_owned(),
        slow.replace_all(&h, "X").into_owned()
    );
}
