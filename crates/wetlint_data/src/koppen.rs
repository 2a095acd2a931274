//! `rules/koppen.toml`: heading synonym sets per section key of a memorie
//! or nota van toelichting, and the [`Headings`] classifier.
//!
//! A heading is first normalised by [`normalize_heading`]: lowercase NFC,
//! single spaces, Markdown markers removed, numbering stripped (`I.`, `1.`,
//! `3.8.5.1`, `§ 1`, `Hoofdstuk 13 –`, `A.`, `I,`), glued page numbers in
//! table-of-contents lines removed (`Regeldruk46`), trailing punctuation
//! removed. Then every section whose `uitgezonderd` phrases do not occur is
//! tested with its four kinds of synonyms:
//!
//! * `exact`: the whole normalised heading equals the phrase;
//! * `bevat`: the heading contains the phrase as whole words;
//! * `woordbegin`: a word of the heading starts with the text
//!   (`uitvoering` matches `uitvoeringskosten` and `uitvoerings-`);
//! * `patronen`: a regular expression matches the normalised heading.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;
use wetlint_regex::Regex;

use crate::common::{Patroon, Text, canonical_form, check_forms, check_regex, s};
use crate::error::{DataProblem, ProblemKind, Problems, Source};
use crate::lexicon::compile_regex;
use crate::normalize::{is_word_char, normalize, on_word_boundaries};

/// The file `koppen.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KoppenFile {
    #[serde(default)]
    pub sectie: Vec<Sectie>,
}

/// A section of a toelichting that rules look for. The order is the usual
/// order in a memorie van toelichting (Schrijfwijzer), which is also the
/// order of the entries in `koppen.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKey {
    /// Table of contents ("Inhoudsopgave", "Inhoud").
    Inhoudsopgave,
    /// Part heading of the general part ("I. ALGEMEEN", "Algemeen deel").
    AlgemeenDeel,
    Inleiding,
    /// Implementation of EU law or treaties.
    Implementatie,
    Hoofdlijnen,
    HogerRecht,
    NationaalRecht,
    Privacy,
    /// Caribisch Nederland (Bonaire, Sint Eustatius en Saba).
    Bes,
    Gevolgen,
    /// Regeldruk and administrative burdens (also counts as `gevolgen`).
    Regeldruk,
    /// Doenvermogen and burgerperspectief (also counts as `gevolgen`).
    Doenvermogen,
    Uitvoering,
    Decentraal,
    Toezicht,
    Financieel,
    Evaluatie,
    Consultatie,
    OvergangIwt,
    Waarden,
    /// Part heading of the article-by-article part.
    Artikelsgewijs,
}

impl SectionKey {
    /// Every key, in document order.
    pub const ALL: [SectionKey; 21] = [
        SectionKey::Inhoudsopgave,
        SectionKey::AlgemeenDeel,
        SectionKey::Inleiding,
        SectionKey::Implementatie,
        SectionKey::Hoofdlijnen,
        SectionKey::HogerRecht,
        SectionKey::NationaalRecht,
        SectionKey::Privacy,
        SectionKey::Bes,
        SectionKey::Gevolgen,
        SectionKey::Regeldruk,
        SectionKey::Doenvermogen,
        SectionKey::Uitvoering,
        SectionKey::Decentraal,
        SectionKey::Toezicht,
        SectionKey::Financieel,
        SectionKey::Evaluatie,
        SectionKey::Consultatie,
        SectionKey::OvergangIwt,
        SectionKey::Waarden,
        SectionKey::Artikelsgewijs,
    ];

    /// The key as written in `koppen.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKey::Inhoudsopgave => "inhoudsopgave",
            SectionKey::AlgemeenDeel => "algemeen_deel",
            SectionKey::Inleiding => "inleiding",
            SectionKey::Implementatie => "implementatie",
            SectionKey::Hoofdlijnen => "hoofdlijnen",
            SectionKey::HogerRecht => "hoger_recht",
            SectionKey::NationaalRecht => "nationaal_recht",
            SectionKey::Privacy => "privacy",
            SectionKey::Bes => "bes",
            SectionKey::Gevolgen => "gevolgen",
            SectionKey::Regeldruk => "regeldruk",
            SectionKey::Doenvermogen => "doenvermogen",
            SectionKey::Uitvoering => "uitvoering",
            SectionKey::Decentraal => "decentraal",
            SectionKey::Toezicht => "toezicht",
            SectionKey::Financieel => "financieel",
            SectionKey::Evaluatie => "evaluatie",
            SectionKey::Consultatie => "consultatie",
            SectionKey::OvergangIwt => "overgang_iwt",
            SectionKey::Waarden => "waarden",
            SectionKey::Artikelsgewijs => "artikelsgewijs",
        }
    }
}

/// The synonym set of one section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sectie {
    pub sleutel: Spanned<SectionKey>,
    pub omschrijving: String,
    #[serde(default)]
    pub exact: Vec<Text>,
    #[serde(default)]
    pub bevat: Vec<Text>,
    #[serde(default)]
    pub woordbegin: Vec<Text>,
    #[serde(default)]
    pub patronen: Vec<Patroon>,
    /// If the heading contains one of these phrases, this key does not apply.
    #[serde(default)]
    pub uitgezonderd: Vec<Text>,
    pub bron: String,
}

impl Sectie {
    pub fn key(&self) -> SectionKey {
        *self.sleutel.get_ref()
    }
}

struct CompiledSection {
    key: SectionKey,
    exact: Vec<String>,
    contains: Vec<String>,
    prefixes: Vec<String>,
    patterns: Vec<Regex>,
    except: Vec<String>,
}

/// Classifies toelichting headings into [`SectionKey`]s.
pub struct Headings {
    sections: Vec<CompiledSection>,
}

impl Headings {
    /// The section keys a heading belongs to, in document order; empty if
    /// none. A combined heading ("Uitvoerings- en handhavingsaspecten")
    /// yields several keys.
    pub fn classify(&self, heading: &str) -> Vec<SectionKey> {
        let h = normalize_heading(heading);
        if h.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<SectionKey> = self
            .sections
            .iter()
            .filter(|sec| !sec.except.iter().any(|e| contains_words(&h, e)))
            .filter(|sec| {
                sec.exact.contains(&h)
                    || sec.contains.iter().any(|c| contains_words(&h, c))
                    || sec.prefixes.iter().any(|p| has_word_prefix(&h, p))
                    || sec.patterns.iter().any(|r| r.is_match(&h))
            })
            .map(|sec| sec.key)
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Whether `needle` occurs in `hay` on whole-word boundaries.
fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle)
        .any(|(i, m)| on_word_boundaries(hay, &(i..i + m.len())))
}

/// Whether a word of `hay` starts with `prefix`.
fn has_word_prefix(hay: &str, prefix: &str) -> bool {
    hay.match_indices(prefix)
        .any(|(i, _)| !hay[..i].chars().next_back().is_some_and(is_word_char))
}

fn numbering_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        // Part of the matching algorithm, so written here and not in data.
        // A unit test guarantees it compiles.
        Regex::new(
            r"^(?:(?:hoofdstuk|paragraaf|afdeling|deel|titel|bijlage)\s+)?(?:§\s*)?(?:\d+[a-z]?(?:\.\d+)*\.?|[ivxlc]+\b\.?|[a-z][.)])\s*(?:[-–—:.,)]\s*)?",
        )
        .ok()
    })
    .as_ref()
}

fn trailing_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:\s*\.{2,}\s*\d*|([\p{L})\]])\d{1,3})$").ok())
        .as_ref()
}

/// Normalises a heading for classification (see the module documentation).
pub fn normalize_heading(heading: &str) -> String {
    let mut h = normalize(heading);
    h = h
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '*' | '_'))
        .to_string();
    for _ in 0..3 {
        let Some(m) = numbering_regex().and_then(|re| re.find(&h)) else {
            break;
        };
        if m.end() == 0 || m.end() >= h.len() {
            break;
        }
        h = h[m.end()..].to_string();
    }
    if let Some(c) = trailing_regex().and_then(|re| re.captures(&h)) {
        let keep = c.get(1).map_or(0, |g| g.len());
        if let Some(m) = c.get(0) {
            let cut = m.start() + keep;
            if cut > 0 {
                h.truncate(cut);
            }
        }
    }
    h.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | ';' | ','))
        .trim()
        .to_string()
}

pub(crate) fn validate(src: &Source<'_>, file: &KoppenFile, problems: &mut Problems) {
    let mut seen: HashMap<SectionKey, usize> = HashMap::new();
    for sec in &file.sectie {
        let (line, _) = src.line_col(sec.sleutel.span().start);
        if let Some(first) = seen.insert(sec.key(), line) {
            problems.push(src.problem(
                Some(sec.sleutel.span()),
                ProblemKind::Duplicate,
                format!(
                    "sleutel `{}` komt al voor op regel {first}",
                    sec.key().as_str()
                ),
            ));
        }
        if sec.exact.is_empty()
            && sec.bevat.is_empty()
            && sec.woordbegin.is_empty()
            && sec.patronen.is_empty()
        {
            problems.push(src.problem(
                Some(sec.sleutel.span()),
                ProblemKind::Empty,
                format!("sleutel `{}` heeft geen synoniemen", sec.key().as_str()),
            ));
        }
        for (name, list) in [
            ("exact", &sec.exact),
            ("bevat", &sec.bevat),
            ("woordbegin", &sec.woordbegin),
            ("uitgezonderd", &sec.uitgezonderd),
        ] {
            check_forms(src, name, list, problems);
        }
        for p in &sec.patronen {
            check_regex(src, p, problems);
        }
    }
    for key in SectionKey::ALL {
        if !seen.contains_key(&key) {
            problems.push(src.problem(
                Some(0..0),
                ProblemKind::Invalid,
                format!("sleutel `{}` ontbreekt in koppen.toml", key.as_str()),
            ));
        }
    }
}

pub(crate) fn compile(file: &KoppenFile) -> Result<Headings, String> {
    let norm = |v: &[Text]| {
        v.iter()
            .map(|t| normalize_heading(s(t)))
            .filter(|x| !x.is_empty())
            .collect()
    };
    let mut sections = Vec::new();
    for sec in &file.sectie {
        let patterns = sec
            .patronen
            .iter()
            .map(|p| compile_regex(p.pattern(), p.hoofdlettergevoelig).map_err(|e| e.to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        sections.push(CompiledSection {
            key: sec.key(),
            exact: norm(&sec.exact),
            contains: sec.bevat.iter().map(|t| normalize(s(t).trim())).collect(),
            prefixes: sec
                .woordbegin
                .iter()
                .map(|t| normalize(s(t).trim()))
                .collect(),
            patterns,
            except: sec
                .uitgezonderd
                .iter()
                .map(|t| normalize(s(t).trim()))
                .collect(),
        });
    }
    Ok(Headings { sections })
}

pub(crate) fn canonical(src: &Source<'_>, file: &KoppenFile, out: &mut Vec<DataProblem>) {
    let mut prev: Option<SectionKey> = None;
    for sec in &file.sectie {
        if let Some(p) = prev
            && sec.key() < p
        {
            out.push(src.problem(
                Some(sec.sleutel.span()),
                ProblemKind::NotCanonical,
                format!(
                    "sleutel `{}` staat niet in documentvolgorde (hoort vóór `{}`)",
                    sec.key().as_str(),
                    p.as_str()
                ),
            ));
        }
        prev = Some(sec.key());
        for f in sec
            .bevat
            .iter()
            .chain(&sec.woordbegin)
            .chain(&sec.uitgezonderd)
        {
            canonical_form(src, "koppen", f, out);
        }
        for f in &sec.exact {
            canonical_form(src, "exact", f, out);
            if normalize_heading(s(f)) != s(f) {
                out.push(src.problem(
                    Some(f.span()),
                    ProblemKind::NotCanonical,
                    format!(
                        "`exact`-kop `{}` verandert door kopnormalisatie in `{}`",
                        s(f),
                        normalize_heading(s(f))
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn built_in_regexes_compile() {
        assert!(super::numbering_regex().is_some());
        assert!(super::trailing_regex().is_some());
    }
}
