//! Small helpers shared by the file modules: spanned strings, the prepared
//! text that all lexicons accept, and shared validation checks.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{ProblemKind, Problems, Source};
use crate::lexicon::compile_regex;
use crate::normalize::{NormalizedText, normalize};

/// A string from a data file together with its byte span in that file.
pub type Text = Spanned<String>;

/// The string of a [`Text`].
pub(crate) fn s(t: &Text) -> &str {
    t.get_ref().as_str()
}

/// A text prepared for matching: the original plus its normalised form.
/// Prepare a document once and pass it to every lexicon, instead of calling
/// each lexicon's `find_in` with the raw text (which normalises each time).
#[derive(Debug, Clone)]
pub struct PreparedText<'t> {
    original: &'t str,
    normalized: NormalizedText,
}

impl<'t> PreparedText<'t> {
    pub fn new(original: &'t str) -> Self {
        Self {
            original,
            normalized: NormalizedText::new(original),
        }
    }

    pub fn original(&self) -> &'t str {
        self.original
    }

    pub fn normalized(&self) -> &NormalizedText {
        &self.normalized
    }
}

/// A regular expression in a data file, with an explanation for reviewers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patroon {
    /// Rust `regex` syntax (no look-around, no backreferences). Matched
    /// case-insensitively on the normalised text unless
    /// `hoofdlettergevoelig = true`, in which case it runs on the original.
    pub patroon: Text,
    /// What the pattern is meant to catch, in Dutch.
    #[serde(default)]
    pub uitleg: Option<String>,
    #[serde(default)]
    pub hoofdlettergevoelig: bool,
}

impl Patroon {
    pub fn pattern(&self) -> &str {
        s(&self.patroon)
    }
}

/// A group of exclusion forms with one reason.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uitsluiting {
    pub vormen: Vec<Text>,
    pub reden: String,
}

/// Checks one list of case-insensitive forms: non-empty strings, no
/// duplicates inside the list.
pub(crate) fn check_forms(src: &Source<'_>, what: &str, forms: &[Text], problems: &mut Problems) {
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for f in forms {
        let n = normalize(s(f).trim());
        if n.trim().is_empty() {
            problems.push(src.problem(
                Some(f.span()),
                ProblemKind::Empty,
                format!("lege vorm in `{what}`"),
            ));
            continue;
        }
        if seen.insert(n.clone(), f.span()).is_some() {
            problems.push(src.problem(
                Some(f.span()),
                ProblemKind::Duplicate,
                format!("vorm `{n}` staat twee keer in `{what}`"),
            ));
        }
    }
}

/// Compiles a pattern or reports where it fails.
pub(crate) fn check_regex(
    src: &Source<'_>,
    p: &Patroon,
    problems: &mut Problems,
) -> Option<wetlint_regex::Regex> {
    if p.pattern().trim().is_empty() {
        problems.push(src.problem(Some(p.patroon.span()), ProblemKind::Empty, "leeg patroon"));
        return None;
    }
    match compile_regex(p.pattern(), p.hoofdlettergevoelig) {
        Ok(r) => {
            if r.is_match("") {
                problems.push(src.problem(
                    Some(p.patroon.span()),
                    ProblemKind::Regex,
                    format!("patroon `{}` past op de lege tekst", p.pattern()),
                ));
                return None;
            }
            Some(r)
        }
        Err(e) => {
            problems.push(src.problem(
                Some(p.patroon.span()),
                ProblemKind::Regex,
                format!(
                    "patroon `{}` compileert niet: {}",
                    p.pattern(),
                    one_line(&e.to_string())
                ),
            ));
            None
        }
    }
}

/// Reports duplicate ids in a list of entries.
pub(crate) fn check_unique_ids<'a>(
    src: &Source<'_>,
    what: &str,
    ids: impl Iterator<Item = &'a Text>,
    problems: &mut Problems,
) {
    let mut seen: HashMap<&str, Range<usize>> = HashMap::new();
    for id in ids {
        if s(id).trim().is_empty() {
            problems.push(src.problem(Some(id.span()), ProblemKind::Empty, format!("lege {what}")));
            continue;
        }
        if let Some(first) = seen.insert(s(id), id.span()) {
            let (line, _) = src.line_col(first.start);
            problems.push(src.problem(
                Some(id.span()),
                ProblemKind::Duplicate,
                format!("{what} `{}` komt al voor op regel {line}", s(id)),
            ));
        }
    }
}

/// Collapses an error message to one line.
pub(crate) fn one_line(msg: &str) -> String {
    msg.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses one TOML file into its schema, reporting syntax and schema errors
/// with line and column.
pub(crate) fn parse<T: for<'de> Deserialize<'de>>(
    src: &Source<'_>,
    problems: &mut Problems,
) -> Option<T> {
    match toml::from_str::<T>(src.text) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(src.problem(e.span(), ProblemKind::Syntax, one_line(e.message())));
            None
        }
    }
}

/// Canonical-form check for a case-insensitive form: trimmed, lowercase NFC,
/// single spaces, plain quotes.
pub(crate) fn canonical_form(
    src: &Source<'_>,
    what: &str,
    f: &Text,
    out: &mut Vec<crate::DataProblem>,
) {
    let raw = s(f);
    if raw != raw.trim() {
        out.push(src.problem(
            Some(f.span()),
            ProblemKind::NotCanonical,
            format!("vorm `{raw}` in `{what}` heeft spaties aan begin of eind"),
        ));
        return;
    }
    let n = normalize(raw);
    if n != raw {
        out.push(src.problem(
            Some(f.span()),
            ProblemKind::NotCanonical,
            format!("vorm `{raw}` in `{what}` is niet genormaliseerd (kleine letters, NFC, enkele spaties); verwacht `{n}`"),
        ));
    }
}

/// Canonical-order check: `keys` must be sorted ascending.
pub(crate) fn canonical_order<'a>(
    src: &Source<'_>,
    what: &str,
    keys: impl Iterator<Item = (&'a str, Range<usize>)>,
    out: &mut Vec<crate::DataProblem>,
) {
    let mut prev: Option<&str> = None;
    for (k, span) in keys {
        if let Some(p) = prev
            && k < p
        {
            out.push(src.problem(
                Some(span),
                ProblemKind::NotCanonical,
                format!("{what} `{k}` staat niet op volgorde (hoort vóór `{p}`)"),
            ));
        }
        prev = Some(k);
    }
}
