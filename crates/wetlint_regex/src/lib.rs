//! Regular expressions with Unicode word boundaries, searched on the fast
//! path.
//!
//! The `regex` crate runs most searches in a lazy DFA. That DFA supports a
//! Unicode word boundary (`\b`) only while the haystack is ASCII: at the
//! first non-ASCII byte it gives up and the whole search is redone in the
//! PikeVM, which is one to two orders of magnitude slower. Dutch text has an
//! `ë`, `é` or `’` in nearly every paragraph ("ministeriële regeling"), so
//! every `\b` pattern ran in the PikeVM over whole documents; in batch runs
//! that was a third of all time.
//!
//! A [`Regex`] here keeps the exact expression and, when it has Unicode word
//! assertions, a *relaxed* one with those assertions removed. Removing an
//! assertion only widens what matches at every start position, so the
//! relaxed expression finds every position where an exact match can start;
//! and it has no Unicode look-around left, so it stays in the DFA. At each
//! relaxed hit the exact expression is tried *anchored* there, which costs
//! about the length of a match, not of the rest of the haystack; the first
//! start that holds is the exact leftmost match. The results are therefore
//! exactly those of `regex::Regex` with the same pattern; the tests compare
//! both over generated text.
//!
//! Expressions without Unicode word assertions are searched with the exact
//! expression directly.

use std::borrow::Cow;

use regex_syntax::hir::{self, Hir, HirKind, Look};

pub use regex::{Captures, Error, Match};

/// Default size limit of a compiled expression (as in `regex`).
const SIZE_LIMIT: usize = 10 * (1 << 20);

/// Capacity of each lazy-DFA cache. The regex crate's default (2 MiB per
/// expression, per thread) adds up to hundreds of megabytes over the few
/// hundred expressions of the rules in a batch run; the patterns here are
/// small, and a cache that fills up is simply cleared and rebuilt.
const DFA_CACHE: usize = 256 * 1024;

/// A compiled regular expression; see the module documentation.
#[derive(Clone)]
pub struct Regex {
    exact: regex::Regex,
    relaxed: Option<Relaxed>,
}

#[derive(Clone)]
struct Relaxed {
    re: regex::Regex,
    /// The exact expression again, for anchored tests at a relaxed hit.
    anchored: regex_automata::meta::Regex,
}

impl std::fmt::Debug for Regex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Regex").field(&self.exact.as_str()).finish()
    }
}

/// Builder with the options the data files need.
#[derive(Debug, Clone)]
pub struct RegexBuilder {
    pattern: String,
    case_insensitive: bool,
    size_limit: usize,
}

impl RegexBuilder {
    pub fn new(pattern: &str) -> Self {
        RegexBuilder {
            pattern: pattern.to_string(),
            case_insensitive: false,
            size_limit: SIZE_LIMIT,
        }
    }

    pub fn case_insensitive(&mut self, yes: bool) -> &mut Self {
        self.case_insensitive = yes;
        self
    }

    pub fn size_limit(&mut self, bytes: usize) -> &mut Self {
        self.size_limit = bytes;
        self
    }

    pub fn build(&self) -> Result<Regex, Error> {
        let exact = regex::RegexBuilder::new(&self.pattern)
            .case_insensitive(self.case_insensitive)
            .size_limit(self.size_limit)
            .dfa_size_limit(DFA_CACHE)
            .build()?;
        // The exact expression compiled, so the syntax is valid; a relaxed
        // form that cannot be built just means no fast path.
        let relaxed = regex_syntax::ParserBuilder::new()
            .case_insensitive(self.case_insensitive)
            .build()
            .parse(&self.pattern)
            .ok()
            .and_then(|h| self.relax(h));
        Ok(Regex { exact, relaxed })
    }

    /// The relaxed expression of `h`, when it is worth having.
    fn relax(&self, h: Hir) -> Option<Relaxed> {
        if !h.properties().look_set().contains_word_unicode() {
            return None;
        }
        let printed = strip_word_looks(h).to_string();
        let re = regex::RegexBuilder::new(&printed)
            .size_limit(self.size_limit.saturating_mul(2))
            .dfa_size_limit(DFA_CACHE)
            .build()
            .ok()?;
        let anchored = regex_automata::meta::Regex::builder()
            .syntax(
                regex_automata::util::syntax::Config::new().case_insensitive(self.case_insensitive),
            )
            .configure(
                regex_automata::meta::Config::new()
                    .nfa_size_limit(Some(self.size_limit))
                    .hybrid_cache_capacity(DFA_CACHE),
            )
            .build(&self.pattern)
            .ok()?;
        Some(Relaxed { re, anchored })
    }
}

/// `h` with every word-boundary assertion replaced by the empty expression.
fn strip_word_looks(h: Hir) -> Hir {
    match h.into_kind() {
        HirKind::Look(l) if is_word_look(l) => Hir::empty(),
        HirKind::Look(l) => Hir::look(l),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(hir::Literal(b)) => Hir::literal(b),
        HirKind::Class(c) => Hir::class(c),
        HirKind::Repetition(r) => Hir::repetition(hir::Repetition {
            sub: Box::new(strip_word_looks(*r.sub)),
            ..r
        }),
        HirKind::Capture(c) => Hir::capture(hir::Capture {
            sub: Box::new(strip_word_looks(*c.sub)),
            ..c
        }),
        HirKind::Concat(v) => Hir::concat(v.into_iter().map(strip_word_looks).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.into_iter().map(strip_word_looks).collect()),
    }
}

fn is_word_look(l: Look) -> bool {
    matches!(
        l,
        Look::WordAscii
            | Look::WordAsciiNegate
            | Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartAscii
            | Look::WordEndAscii
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfAscii
            | Look::WordEndHalfAscii
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    )
}

/// The smallest char boundary of `h` at or after `i` (or `h.len()`).
fn ceil_boundary(h: &str, i: usize) -> usize {
    let mut i = i.min(h.len());
    while !h.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The char boundary just after `i`; past the end (`h.len() + 1`) when `i`
/// is the end, so loops stop.
fn next_boundary(h: &str, i: usize) -> usize {
    if i >= h.len() {
        h.len() + 1
    } else {
        ceil_boundary(h, i + 1)
    }
}

impl Regex {
    /// Compiles `pattern` with the `regex` crate's defaults.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        RegexBuilder::new(pattern).build()
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        self.exact.as_str()
    }

    /// A pattern that matches wherever this one does and has no Unicode word
    /// assertions (for a `RegexSet` prefilter); the pattern itself when it
    /// has no fast path.
    pub fn prefilter_str(&self) -> &str {
        match &self.relaxed {
            Some(r) => r.re.as_str(),
            None => self.exact.as_str(),
        }
    }

    /// Whether the fast path is used (for tests and benchmarks).
    pub fn has_fast_path(&self) -> bool {
        self.relaxed.is_some()
    }

    /// The leftmost-first match starting at or after `start`.
    fn locate<'h>(&self, h: &'h str, start: usize) -> Option<Match<'h>> {
        let Some(r) = &self.relaxed else {
            return self.exact.find_at(h, start);
        };
        let mut pos = start;
        while pos <= h.len() {
            // No exact match can start before the first relaxed one.
            let s = r.re.find_at(h, pos)?.start();
            let here = regex_automata::Input::new(h)
                .range(s..)
                .anchored(regex_automata::Anchored::Yes)
                .earliest(true);
            if r.anchored.is_match(here) {
                // An exact match starts at `s`, so the search from `s` ends
                // with it at once.
                return self.exact.find_at(h, s);
            }
            pos = next_boundary(h, s);
        }
        None
    }

    pub fn is_match(&self, h: &str) -> bool {
        match &self.relaxed {
            // Cheap rejection first: most haystacks do not match at all.
            Some(r) if !r.re.is_match(h) => false,
            _ => self.locate(h, 0).is_some(),
        }
    }

    pub fn find<'h>(&self, h: &'h str) -> Option<Match<'h>> {
        self.find_at(h, 0)
    }

    /// As `regex::Regex::find_at`: the text before `start` is context only.
    pub fn find_at<'h>(&self, h: &'h str, start: usize) -> Option<Match<'h>> {
        self.locate(h, start)
    }

    pub fn captures<'h>(&self, h: &'h str) -> Option<Captures<'h>> {
        self.captures_at(h, 0)
    }

    pub fn captures_at<'h>(&self, h: &'h str, start: usize) -> Option<Captures<'h>> {
        let m = self.locate(h, start)?;
        self.exact.captures_at(h, m.start())
    }

    /// Successive non-overlapping matches, as `regex::Regex::find_iter`.
    pub fn find_iter<'r, 'h>(&'r self, h: &'h str) -> FindIter<'r, 'h> {
        FindIter {
            re: self,
            h,
            pos: 0,
            last_end: None,
        }
    }

    /// Successive non-overlapping captures, as `regex::Regex::captures_iter`.
    pub fn captures_iter<'r, 'h>(&'r self, h: &'h str) -> CapturesIter<'r, 'h> {
        CapturesIter {
            inner: self.find_iter(h),
        }
    }

    /// The pieces between matches, as `regex::Regex::split`.
    pub fn split<'r, 'h>(&'r self, h: &'h str) -> Split<'r, 'h> {
        Split {
            finder: self.find_iter(h),
            last: 0,
            done: false,
        }
    }

    /// As `regex::Regex::replace_all`.
    pub fn replace_all<'h, R: regex::Replacer>(&self, h: &'h str, rep: R) -> Cow<'h, str> {
        if !self.is_match(h) {
            return Cow::Borrowed(h);
        }
        self.exact.replace_all(h, rep)
    }

    /// As `regex::Regex::replace`.
    pub fn replace<'h, R: regex::Replacer>(&self, h: &'h str, rep: R) -> Cow<'h, str> {
        if !self.is_match(h) {
            return Cow::Borrowed(h);
        }
        self.exact.replace(h, rep)
    }
}

/// Iterator of [`Regex::find_iter`].
pub struct FindIter<'r, 'h> {
    re: &'r Regex,
    h: &'h str,
    pos: usize,
    last_end: Option<usize>,
}

impl<'r, 'h> FindIter<'r, 'h> {
    fn next_located(&mut self) -> Option<Match<'h>> {
        loop {
            if self.pos > self.h.len() {
                return None;
            }
            let m = self.re.locate(self.h, self.pos)?;
            if m.is_empty() {
                // An empty match right after the previous match is skipped,
                // as the regex crate does.
                self.pos = next_boundary(self.h, m.end());
                if self.last_end == Some(m.end()) {
                    continue;
                }
            } else {
                self.pos = m.end();
            }
            self.last_end = Some(m.end());
            return Some(m);
        }
    }
}

impl<'h> Iterator for FindIter<'_, 'h> {
    type Item = Match<'h>;
    fn next(&mut self) -> Option<Match<'h>> {
        self.next_located()
    }
}

/// Iterator of [`Regex::split`].
pub struct Split<'r, 'h> {
    finder: FindIter<'r, 'h>,
    last: usize,
    done: bool,
}

impl<'h> Iterator for Split<'_, 'h> {
    type Item = &'h str;
    fn next(&mut self) -> Option<&'h str> {
        let h = self.finder.h;
        match self.finder.next() {
            Some(m) => {
                let piece = &h[self.last..m.start()];
                self.last = m.end();
                Some(piece)
            }
            None if self.done => None,
            None => {
                self.done = true;
                Some(&h[self.last..])
            }
        }
    }
}

/// Iterator of [`Regex::captures_iter`].
pub struct CapturesIter<'r, 'h> {
    inner: FindIter<'r, 'h>,
}

impl<'h> Iterator for CapturesIter<'_, 'h> {
    type Item = Captures<'h>;
    fn next(&mut self) -> Option<Captures<'h>> {
        let m = self.inner.next_located()?;
        self.inner.re.exact.captures_at(self.inner.h, m.start())
    }
}

#[cfg(test)]
mod tests;
