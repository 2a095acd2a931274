//! Document kind detection from the opschrift, the aanhef and the body.
//!
//! Detection looks at the first text lines (title, aanhef) for the
//! instrument's form words, then at the body (Roman article numbers make a
//! wijzigingsregeling). It never fails: unknown input is `Unknown`.

use std::sync::LazyLock;

use regex::Regex;

use crate::DocumentKind;

/// Features gathered by the builder while scanning lines.
#[derive(Debug, Default)]
pub(crate) struct KindHints<'a> {
    /// The first few non-empty text lines (title first), markers stripped.
    pub head: Vec<&'a str>,
    /// Numbers of the article headings, in order.
    pub article_numbers: Vec<String>,
    /// File name, if known (e.g. "memorie-van-toelichting.md").
    pub file_name: Option<&'a str>,
}

static TOELICHTING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:nr\.\s*\d+\s*)?(?:\*\*)?(memorie\s+van\s+toelichting|nota\s+van\s+toelichting|toelichting)\b",
    )
    .expect("valid regex")
});
static WIJZIGING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:voorstel\s+van\s+)?(?:wet|rijkswet|besluit|regeling|beleidsregel)\b[^,]{0,160},\s*(?:houdende\s+|tot\s+)(?:wijziging|aanpassing|intrekking)\b|^\s*wijzigings(?:wet|besluit|regeling)\b",
    )
    .expect("valid regex")
});
static WET_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:voorstel\s+van\s+)?(?:rijks)?wet\b|^\s*wetboek\b|^\s*(?:voorstel\s+van\s+)?wet\s+van\b")
        .expect("valid regex")
});
static AANHEF_KONING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*wij\s+[^,]{2,60},\s*bij\s+de\s+gratie\s+gods").expect("valid regex")
});
static BESLUIT_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:\w+)?besluit\b").expect("valid regex"));
static REGELING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:\w+)?regeling\s+van\s+de\s+(?:minister|staatssecretaris)|^\s*(?:\w+)?regeling\b",
    )
    .expect("valid regex")
});
static MR_AANHEF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:de|onze)\s+(?:minister|staatssecretaris)\s+(?:van|voor)\b[^,]{0,120},?\s*$|^\s*besluit\s*:\s*$")
        .expect("valid regex")
});
static AMVB_AANHEF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*op\s+de\s+voordracht\s+van\b|^\s*hebben\s+goedgevonden\s+en\s+verstaan")
        .expect("valid regex")
});
static BELEIDSREGEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bbeleidsregel").expect("valid regex"));

/// Detects the kind of document.
pub(crate) fn detect(h: &KindHints<'_>) -> DocumentKind {
    let title = h.head.first().copied().unwrap_or("");
    // A toelichting announces itself in its first lines.
    for line in h.head.iter().take(4) {
        if let Some(c) = TOELICHTING_TITLE.captures(line) {
            // "Toelichting" must be (nearly) the whole line, so a law whose
            // opschrift merely mentions it is not misread.
            let rest = line[c.get(0).map_or(0, |m| m.end())..].trim();
            let word = c.get(1).map_or("", |m| m.as_str()).to_lowercase();
            if rest.len() <= 60 || word != "toelichting" {
                return if word.starts_with("memorie") {
                    DocumentKind::MemorieVanToelichting
                } else if word.starts_with("nota") {
                    DocumentKind::NotaVanToelichting
                } else {
                    DocumentKind::Toelichting
                };
            }
        }
    }
    if let Some(name) = h.file_name {
        let n = name.to_lowercase();
        if n.contains("memorie-van-toelichting")
            || n.contains("memorie_van_toelichting")
            || n.starts_with("mvt")
        {
            return DocumentKind::MemorieVanToelichting;
        }
        if n.contains("nota-van-toelichting") || n.starts_with("nvt") {
            return DocumentKind::NotaVanToelichting;
        }
    }

    let roman_first = h
        .article_numbers
        .first()
        .is_some_and(|n| n.chars().all(|c| "IVXLC".contains(c)) && !n.is_empty());
    let roman_share = if h.article_numbers.is_empty() {
        0.0
    } else {
        h.article_numbers
            .iter()
            .filter(|n| !n.is_empty() && n.chars().all(|c| "IVXLC".contains(c)))
            .count() as f64
            / h.article_numbers.len() as f64
    };
    if WIJZIGING_TITLE.is_match(title) || (roman_first && roman_share >= 0.5) {
        return DocumentKind::Wijzigingsregeling;
    }
    if BELEIDSREGEL.is_match(title) {
        return DocumentKind::Beleidsregel;
    }
    let aanhef = &h.head[h.head.len().min(1)..];
    if WET_TITLE.is_match(title)
        || aanhef.iter().any(|l| AANHEF_KONING.is_match(l)) && !BESLUIT_TITLE.is_match(title)
    {
        return DocumentKind::Wet;
    }
    if REGELING_TITLE.is_match(title) || aanhef.iter().any(|l| MR_AANHEF.is_match(l)) {
        return DocumentKind::MinisterieleRegeling;
    }
    if BESLUIT_TITLE.is_match(title) || aanhef.iter().any(|l| AMVB_AANHEF.is_match(l)) {
        return DocumentKind::Amvb;
    }
    DocumentKind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(lines: &[&str], articles: &[&str]) -> DocumentKind {
        detect(&KindHints {
            head: lines.to_vec(),
            article_numbers: articles.iter().map(|s| s.to_string()).collect(),
            file_name: None,
        })
    }

    #[test]
    fn detects_kinds() {
        assert_eq!(
            kind(&["Memorie van toelichting"], &[]),
            DocumentKind::MemorieVanToelichting
        );
        assert_eq!(
            kind(&["Nr. 3 MEMORIE VAN TOELICHTING"], &[]),
            DocumentKind::MemorieVanToelichting
        );
        assert_eq!(
            kind(&["NOTA VAN TOELICHTING"], &[]),
            DocumentKind::NotaVanToelichting
        );
        assert_eq!(kind(&["Toelichting"], &[]), DocumentKind::Toelichting);
        assert_eq!(
            kind(
                &["Wet van 1 mei 2026, houdende regels over iets (Wet iets)"],
                &["1"]
            ),
            DocumentKind::Wet
        );
        assert_eq!(
            kind(
                &["Wet van 1 mei 2026, tot wijziging van de Wet iets"],
                &["I", "II"]
            ),
            DocumentKind::Wijzigingsregeling
        );
        assert_eq!(
            kind(
                &[
                    "Besluit van 2 mei 2026, houdende regels",
                    "Op de voordracht van Onze Minister"
                ],
                &["1"]
            ),
            DocumentKind::Amvb
        );
        assert_eq!(
            kind(
                &["Regeling van de Minister van Financiën van 3 mei 2026"],
                &["1"]
            ),
            DocumentKind::MinisterieleRegeling
        );
        assert_eq!(
            kind(&["Beleidsregel van de Minister"], &["1"]),
            DocumentKind::Beleidsregel
        );
        assert_eq!(kind(&["Iets anders"], &[]), DocumentKind::Unknown);
    }
}
