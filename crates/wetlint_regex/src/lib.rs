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
//! A [`Regex`] here keeps the exact expression and, when it has word
//! assertions, a *relaxed* one with those assertions removed (compiled on
//! the first search of a haystack over 2 KiB; shorter ones go to the exact
//! expression, whose backtracker handles them well). Removing an
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

use std::sync::OnceLock;

pub use regex::{Captures, Error, Match};

/// Default size limit of a compiled expression (as in `regex`).
const SIZE_LIMIT: usize = 10 * (1 << 20);

/// Capacity of each lazy-DFA cache. The regex crate's default (2 MiB per
/// expression, per thread) adds up to hundreds of megabytes over the few
/// hundred expressions of the rules in a batch run; the patterns here are
/// small, and a cache that fills up is simply cleared and rebuilt.
const DFA_CACHE: usize = 64 * 1024;

/// A compiled regular expression; see the module documentation.
#[derive(Clone)]
pub struct Regex {
    exact: regex::Regex,
    /// The pattern without word assertions, when it has any.
    relaxed_pattern: Option<String>,
    case_insensitive: bool,
    size_limit: usize,
    /// Compiled on the first search of a long haystack, so expressions that
    /// only ever see sentences cost one compilation.
    relaxed: OnceLock<Option<Relaxed>>,
}

/// Below this many bytes the regex crate's bounded backtracker handles
/// Unicode `\b` well, and the exact expression is used directly. (One in
/// the unit tests, so their short haystacks exercise the fast path.)
#[cfg(not(test))]
const FAST_MIN: usize = 2048;
#[cfg(test)]
const FAST_MIN: usize = 1;

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
        Ok(Regex {
            exact,
            relaxed_pattern: strip_word_boundaries(&self.pattern),
            case_insensitive: self.case_insensitive,
            size_limit: self.size_limit,
            relaxed: OnceLock::new(),
        })
    }
}

/// `pattern` with every `\b` and `\B` removed, or `None` when it has none
/// (or uses the `\b{…}` forms or quantifies one: those are left to the
/// exact expression). Removing an assertion only widens what matches; if
/// the result does not compile, there is simply no fast path. (`\b` is an
/// error inside a character class, so every one found is an assertion.)
fn strip_word_boundaries(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len());
    let mut it = pattern.chars().peekable();
    let mut found = false;
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('b' | 'B') => {
                // `\b{start}`, or a quantified assertion: removing it would
                // hand the quantifier to the atom before.
                if matches!(it.peek(), Some('{' | '?' | '*' | '+')) {
                    return None;
                }
                found = true;
            }
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    found.then_some(out)
}

impl Regex {
    /// The relaxed and anchored expressions, compiled on first use.
    fn fast(&self) -> Option<&Relaxed> {
        self.relaxed
            .get_or_init(|| {
                let printed = self.relaxed_pattern.as_deref()?;
                let re = regex::RegexBuilder::new(printed)
                    .case_insensitive(self.case_insensitive)
                    .size_limit(self.size_limit)
                    .dfa_size_limit(DFA_CACHE)
                    .build()
                    .ok()?;
                let anchored = regex_automata::meta::Regex::builder()
                    .syntax(
                        regex_automata::util::syntax::Config::new()
                            .case_insensitive(self.case_insensitive),
                    )
                    .configure(
                        regex_automata::meta::Config::new()
                            .nfa_size_limit(Some(self.size_limit))
                            .hybrid_cache_capacity(DFA_CACHE),
                    )
                    .build(self.exact.as_str())
                    .ok()?;
                Some(Relaxed { re, anchored })
            })
            .as_ref()
    }
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
        self.relaxed_pattern
            .as_deref()
            .unwrap_or_else(|| self.exact.as_str())
    }

    /// Whether long haystacks take the fast path (for tests).
    pub fn has_fast_path(&self) -> bool {
        self.fast().is_some()
    }

    /// The leftmost-first match starting at or after `start`.
    fn locate<'h>(&self, h: &'h str, start: usize) -> Option<Match<'h>> {
        if h.len().saturating_sub(start) < FAST_MIN {
            return self.exact.find_at(h, start);
        }
        let Some(r) = self.fast() else {
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
        if h.len() < FAST_MIN {
            return self.exact.is_match(h);
        }
        match self.fast() {
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
