//! The generic matcher behind every typed lexicon: Aho-Corasick automata for
//! literal forms plus a few regular expressions, with Unicode-aware
//! whole-word boundaries and leftmost-longest resolution of overlaps.
//!
//! A [`Lexicon`] holds up to four passes, each a single scan of the text:
//!
//! * case-insensitive literal forms, matched on the normalised text
//!   ([`NormalizedText`]);
//! * case-sensitive literal forms (abbreviations such as `AP`), matched on
//!   the original text;
//! * case-insensitive regular expressions on the normalised text;
//! * case-sensitive regular expressions on the original text.
//!
//! A [`RegexSet`] pass first tells which expressions can match at all, so
//! only those are run again for their positions. Expressions are
//! [`wetlint_regex::Regex`], which keeps `\b` on the fast DFA path over
//! Dutch text.
//!
//! All candidate hits are mapped to original byte ranges and then resolved:
//! the leftmost hit wins, among hits starting at the same offset the longest
//! wins, and among equal spans the lowest priority number wins. Hits that
//! overlap a chosen hit are dropped. Exclusion phrases take part in this
//! resolution like any other form; the typed wrappers remove them afterwards,
//! so an exclusion such as `naar evenredigheid` swallows the `evenredigheid`
//! inside it.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{RegexSet, RegexSetBuilder};
use wetlint_regex::{Regex, RegexBuilder};

use crate::normalize::{NormalizedText, on_word_boundaries};

/// Size limit for compiled regular expressions from data files.
const REGEX_SIZE_LIMIT: usize = 1 << 22;

/// Compiles a data-file pattern the way the lexicons use it.
pub(crate) fn compile_regex(pattern: &str, case_sensitive: bool) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(!case_sensitive)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
}

/// A resolved hit: a range in the original text and the payloads attached to
/// the form that matched (several when one form belongs to several entries).
#[derive(Debug)]
pub(crate) struct Resolved<'a, P> {
    pub range: Range<usize>,
    pub payloads: &'a [P],
}

struct Literal<P> {
    automaton: AhoCorasick,
    /// Per automaton pattern: its payloads and priority.
    entries: Vec<(Vec<P>, u8)>,
}

struct Patterns<P> {
    set: RegexSet,
    regexes: Vec<(Regex, [P; 1], u8)>,
}

/// Builder for a [`Lexicon`]; forms are deduplicated, so one form may carry
/// several payloads.
pub(crate) struct LexiconBuilder<P> {
    ci: Vec<(String, Vec<P>, u8)>,
    ci_index: HashMap<String, usize>,
    cs: Vec<(String, Vec<P>, u8)>,
    cs_index: HashMap<String, usize>,
    re_ci: Vec<(Regex, P, u8)>,
    re_cs: Vec<(Regex, P, u8)>,
    caps_guard: bool,
}

impl<P> LexiconBuilder<P> {
    pub fn new() -> Self {
        Self {
            ci: Vec::new(),
            ci_index: HashMap::new(),
            cs: Vec::new(),
            cs_index: HashMap::new(),
            re_ci: Vec::new(),
            re_cs: Vec::new(),
            caps_guard: false,
        }
    }

    /// Rejects case-sensitive literal hits that sit inside a run of
    /// capitalised words (an all-caps heading such as `OM DEZE REDEN`).
    pub fn caps_guard(mut self, on: bool) -> Self {
        self.caps_guard = on;
        self
    }

    /// Adds a literal form. Case-insensitive forms are normalised first.
    /// Empty forms are ignored (validation reports them).
    pub fn literal(&mut self, form: &str, case_sensitive: bool, priority: u8, payload: P) {
        let (list, index, key) = if case_sensitive {
            (&mut self.cs, &mut self.cs_index, form.trim().to_string())
        } else {
            (
                &mut self.ci,
                &mut self.ci_index,
                crate::normalize::normalize(form.trim()),
            )
        };
        let key = key.trim().to_string();
        if key.is_empty() {
            return;
        }
        match index.get(&key) {
            Some(&i) => {
                let entry = &mut list[i];
                entry.1.push(payload);
                entry.2 = entry.2.min(priority);
            }
            None => {
                index.insert(key.clone(), list.len());
                list.push((key, vec![payload], priority));
            }
        }
    }

    /// Adds a compiled regular expression (see [`compile_regex`]).
    pub fn regex(&mut self, regex: Regex, case_sensitive: bool, priority: u8, payload: P) {
        if case_sensitive {
            self.re_cs.push((regex, payload, priority));
        } else {
            self.re_ci.push((regex, payload, priority));
        }
    }

    pub fn build(self) -> Result<Lexicon<P>, String> {
        Ok(Lexicon {
            ci: literal(self.ci)?,
            cs: literal(self.cs)?,
            re_ci: patterns(self.re_ci)?,
            re_cs: patterns(self.re_cs)?,
            caps_guard: self.caps_guard,
        })
    }
}

fn literal<P>(list: Vec<(String, Vec<P>, u8)>) -> Result<Option<Literal<P>>, String> {
    if list.is_empty() {
        return Ok(None);
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(list.iter().map(|(form, _, _)| form.as_str()))
        .map_err(|e| e.to_string())?;
    let entries = list.into_iter().map(|(_, p, prio)| (p, prio)).collect();
    Ok(Some(Literal { automaton, entries }))
}

fn patterns<P>(list: Vec<(Regex, P, u8)>) -> Result<Option<Patterns<P>>, String> {
    if list.is_empty() {
        return Ok(None);
    }
    // The set only says which expressions can match; their prefilter forms
    // (without Unicode word assertions) keep it on the fast path.
    let set = RegexSetBuilder::new(list.iter().map(|(r, _, _)| r.prefilter_str()))
        .size_limit(REGEX_SIZE_LIMIT * 4)
        .build()
        .map_err(|e| e.to_string())?;
    let regexes = list
        .into_iter()
        .map(|(r, p, prio)| (r, [p], prio))
        .collect();
    Ok(Some(Patterns { set, regexes }))
}

/// A compiled lexicon (see the module documentation).
pub(crate) struct Lexicon<P> {
    ci: Option<Literal<P>>,
    cs: Option<Literal<P>>,
    re_ci: Option<Patterns<P>>,
    re_cs: Option<Patterns<P>>,
    caps_guard: bool,
}

struct Candidate<'a, P> {
    range: Range<usize>,
    payloads: &'a [P],
    priority: u8,
}

impl<P> Lexicon<P> {
    /// All resolved hits in `original`, whose normalised form is `nt`.
    pub fn find<'a>(&'a self, original: &str, nt: &NormalizedText) -> Vec<Resolved<'a, P>> {
        debug_assert_eq!(original.len(), nt.original_len());
        let lowered = nt.as_str();
        let mut cands: Vec<Candidate<'a, P>> = Vec::new();
        if let Some(lit) = &self.ci {
            for m in lit.automaton.find_overlapping_iter(lowered) {
                let r = m.start()..m.end();
                if !on_word_boundaries(lowered, &r) {
                    continue;
                }
                let (payloads, priority) = &lit.entries[m.pattern().as_usize()];
                cands.push(Candidate {
                    range: nt.to_original(r),
                    payloads,
                    priority: *priority,
                });
            }
        }
        if let Some(lit) = &self.cs {
            for m in lit.automaton.find_overlapping_iter(original) {
                let r = m.start()..m.end();
                if !on_word_boundaries(original, &r) {
                    continue;
                }
                if self.caps_guard && in_caps_run(original, &r) {
                    continue;
                }
                let (payloads, priority) = &lit.entries[m.pattern().as_usize()];
                cands.push(Candidate {
                    range: r,
                    payloads,
                    priority: *priority,
                });
            }
        }
        if let Some(p) = &self.re_ci {
            regex_candidates(p, lowered, Some(nt), &mut cands);
        }
        if let Some(p) = &self.re_cs {
            regex_candidates(p, original, None, &mut cands);
        }
        resolve(cands)
    }
}

fn regex_candidates<'a, P>(
    p: &'a Patterns<P>,
    text: &str,
    nt: Option<&NormalizedText>,
    cands: &mut Vec<Candidate<'a, P>>,
) {
    let matched = p.set.matches(text);
    if !matched.matched_any() {
        return;
    }
    for idx in matched.iter() {
        let (re, payload, priority) = &p.regexes[idx];
        for m in re.find_iter(text) {
            let r = m.start()..m.end();
            if r.is_empty() || !on_word_boundaries(text, &r) {
                continue;
            }
            let range = match nt {
                Some(nt) => nt.to_original(r),
                None => r,
            };
            cands.push(Candidate {
                range,
                payloads: payload,
                priority: *priority,
            });
        }
    }
}

/// Leftmost-longest, then lowest priority; drops overlapping candidates.
fn resolve<P>(mut cands: Vec<Candidate<'_, P>>) -> Vec<Resolved<'_, P>> {
    cands.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
            .then(a.priority.cmp(&b.priority))
    });
    let mut out: Vec<Resolved<'_, P>> = Vec::with_capacity(cands.len());
    let mut covered_to = 0usize;
    for c in cands {
        if c.range.start < covered_to {
            continue;
        }
        covered_to = c.range.end;
        out.push(Resolved {
            range: c.range,
            payloads: c.payloads,
        });
    }
    out
}

/// Whether the hit at `range` sits in an all-caps line (a heading such as
/// `OM DEZE REDEN WORDT VOORGESTELD`): the line has no lowercase letter and
/// at least two other capitalised words. A line is bounded by line breaks,
/// looking at most 300 bytes to each side.
fn in_caps_run(text: &str, range: &Range<usize>) -> bool {
    const WINDOW: usize = 300;
    let mut lo = range.start.saturating_sub(WINDOW);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (range.end + WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let line_start = text[lo..range.start].rfind('\n').map_or(lo, |i| lo + i + 1);
    let line_end = text[range.end..hi].find('\n').map_or(hi, |i| range.end + i);
    let before = &text[line_start..range.start];
    let after = &text[range.end..line_end];
    if before.chars().chain(after.chars()).any(char::is_lowercase) {
        return false;
    }
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 2)
            .count()
    };
    words(before) + words(after) >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(lex: &Lexicon<&'static str>, text: &str) -> Vec<(String, Vec<&'static str>)> {
        let nt = NormalizedText::new(text);
        lex.find(text, &nt)
            .into_iter()
            .map(|h| (text[h.range].to_string(), h.payloads.to_vec()))
            .collect()
    }

    #[test]
    fn longest_valid_wins_even_if_longer_candidate_fails_boundary() {
        let mut b = LexiconBuilder::new();
        b.literal("de minister", false, 0, "kort");
        b.literal("de minister van", false, 0, "lang");
        let lex = b.build().expect("builds");
        assert_eq!(
            hits(&lex, "De Minister vanavond"),
            vec![("De Minister".into(), vec!["kort"])]
        );
        assert_eq!(
            hits(&lex, "de minister van X"),
            vec![("de minister van".into(), vec!["lang"])]
        );
    }

    #[test]
    fn case_sensitive_and_caps_guard() {
        let mut b = LexiconBuilder::new().caps_guard(true);
        b.literal("OM", true, 0, "om");
        let lex = b.build().expect("builds");
        assert_eq!(hits(&lex, "het OM vervolgt").len(), 1);
        assert!(hits(&lex, "om te").is_empty());
        assert!(hits(&lex, "OM DEZE REDEN").is_empty());
        assert!(hits(&lex, "Titel\nOM DEZE REDEN WORDT\nvoorgesteld").is_empty());
        assert_eq!(hits(&lex, "OM en UWV voeren uit").len(), 1);
        assert_eq!(hits(&lex, "7.1 OM").len(), 1);
    }

    #[test]
    fn shared_form_has_all_payloads() {
        let mut b = LexiconBuilder::new();
        b.literal("rechtszekerheid", false, 0, "a");
        b.literal("Rechtszekerheid", false, 0, "b");
        let lex = b.build().expect("builds");
        assert_eq!(
            hits(&lex, "rechtszekerheid"),
            vec![("rechtszekerheid".into(), vec!["a", "b"])]
        );
    }
}
