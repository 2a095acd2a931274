//! Delegation clauses (Ar 2.26, 2.28): "bij (of krachtens) algemene maatregel
//! van bestuur", "bij ministeriële regeling", "bij regeling van Onze Minister", ….

use std::sync::LazyLock;

use regex::Regex;

use crate::build::text_of;
use crate::model::*;

static FORMULAS: LazyLock<Vec<(DelegationFormula, Regex)>> = LazyLock::new(|| {
    let f = |p: &str| Regex::new(p).expect("valid regex");
    vec![
        (
            DelegationFormula::BijOfKrachtensAmvb,
            f(
                r"(?i)\bbij\s+of\s+krachtens\s+(?:een\s+)?algemene\s+maatregel(?:en)?\s+van\s+bestuur\b",
            ),
        ),
        (
            DelegationFormula::Amvb,
            f(
                r"(?i)\bbij\s+(?:een\s+|afzonderlijke\s+)?algemene\s+maatregel(?:en)?\s+van\s+bestuur\b",
            ),
        ),
        (
            DelegationFormula::MinisterieleRegeling,
            f(r"(?i)\bbij\s+(?:of\s+krachtens\s+)?(?:een\s+)?ministeriële\s+regeling\b"),
        ),
        (
            DelegationFormula::RegelingVanOnzeMinister,
            f(r"\b[Bb]ij\s+regeling\s+van\s+(?:Onze|de)\s+Minister(?:s)?\b"),
        ),
        (
            DelegationFormula::BijOfKrachtensWet,
            f(r"(?i)\bbij\s+of\s+krachtens\s+(?:de|een)\s+wet\b"),
        ),
        (
            DelegationFormula::Beleidsregel,
            f(r"(?i)\bbij\s+beleidsregel\b"),
        ),
        (
            DelegationFormula::Verordening,
            f(r"(?i)\bbij\s+(?:of\s+krachtens\s+)?(?:een\s+)?verordening\b"),
        ),
        (
            DelegationFormula::MinisterKanRegelsStellen,
            f(r"\b(?:Onze\s+Minister|[Dd]e\s+Minister)\s+(?:kan|stelt)\s+(?:nadere\s+)?regels\b"),
        ),
    ]
});
static ONDERWERP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bregels\s+(?:worden\s+|kunnen\s+worden\s+)?(?:gesteld\s+)?(?:over|omtrent|met\s+betrekking\s+tot|ten\s+aanzien\s+van|inzake|betreffende)\s+(.+)")
        .expect("valid regex")
});

/// Sentence bounds around `at` within `block` (byte offsets into `text`).
pub(crate) fn sentence_around(text: &str, block: Span, at: usize) -> Span {
    let t = text_of(text, Some(block));
    let rel = at.saturating_sub(block.start).min(t.len());
    let before = &t[..rel];
    let start = before
        .rfind(". ")
        .map(|i| i + 2)
        .into_iter()
        .chain(before.rfind("; ").map(|i| i + 2))
        .max()
        .unwrap_or(0);
    let after = &t[rel..];
    let end = after
        .find(". ")
        .map(|i| i + 1)
        .into_iter()
        .chain(after.find("; ").map(|i| i + 1))
        .min()
        .map(|i| rel + i)
        .unwrap_or(t.len());
    Span::new(block.start + start, block.start + end)
}

pub(crate) fn collect(text: &str, doc: &mut Document) {
    let mut out = Vec::new();
    for b in &doc.blocks {
        let Container::Article { index } = b.container else {
            continue;
        };
        if doc.articles[index].quoted || matches!(b.kind, BlockKind::Heading | BlockKind::Comment) {
            continue;
        }
        let t = text_of(text, Some(b.text));
        if !(t.contains("bij") || t.contains("Bij") || t.contains("regels")) {
            continue;
        }
        let mut seen: Vec<Span> = Vec::new();
        for (formula, re) in FORMULAS.iter() {
            for m in re.find_iter(t) {
                let span = Span::new(b.text.start + m.start(), b.text.start + m.end());
                // "bij of krachtens AMvB" also contains no plain "bij AMvB"; but
                // "bij of krachtens ministeriële regeling" is matched once.
                if seen
                    .iter()
                    .any(|s| s.start < span.end && span.start < s.end)
                {
                    continue;
                }
                seen.push(span);
                let sentence = sentence_around(text, b.text, span.start);
                let st = text_of(text, Some(sentence));
                let lower = st.to_lowercase();
                out.push(Delegation {
                    formula: *formula,
                    span,
                    sentence,
                    article: Some(index),
                    nadere: lower.contains("nadere regels"),
                    facultatief: lower.contains("kunnen") || lower.contains(" kan "),
                    onderwerp: ONDERWERP
                        .captures(st)
                        .and_then(|c| c.get(1))
                        .map(|m| m.as_str().trim_end_matches(['.', ';']).trim().to_string()),
                });
            }
        }
    }
    out.sort_by_key(|d| d.span.start);
    doc.delegations = out;
}
