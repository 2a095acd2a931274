//! References: "artikel 12, derde lid, onder b", "het eerste lid",
//! "de artikelen 5 tot en met 10", "artikel 3:4 van de Algemene wet
//! bestuursrecht", and Markdown links to other regulations.
//!
//! Internal references are resolved against the parsed articles, leden,
//! onderdelen and sub-onderdelen. References in wijzigingsartikelen point
//! into the amended regulation and are not resolved here.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::build::text_of;
use crate::model::*;
use crate::numbers::{ORDINAL_ALT, ordinal};

const NUM: &str = r"\d+[a-z]{0,3}(?:[.:]\d+[a-z]{0,3})*|[IVXLC]+\b";

static SINGLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:[Aa]rtikel|ARTIKEL|[Aa]rt\.)\s*({NUM})(?:\s*,\s*(?:het\s+)?({ORDINAL_ALT})\s+lid\b)?(?:\s*,\s*(?:aanhef\s+en\s+)?(?:onderdeel|onder)\s+([a-z]{{1,3}})\b)?(?:\s*,\s*onder\s+(\d+)\s*[°º])?"
    ))
    .expect("valid regex")
});
static STYLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:[Aa]rtikel|[Aa]rt\.)\s*({NUM})\s*,?\s*lid\s+(\d+)\b(?:\s*,?\s*(?:sub|onder|letter)\s+([a-z])\b)?"
    ))
    .expect("valid regex")
});
static PLURAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:[Aa]rtikelen|[Aa]rtt\.)\s+((?:{NUM})(?:\s*(?:,|\ben\b|\bof\b|\btot\s+en\s+met\b|t/m)\s*(?:{NUM}))*)"
    ))
    .expect("valid regex")
});
static NUM_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(NUM).expect("valid regex"));
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:het|dit|dat)\s+({ORDINAL_ALT}|vorige|voorgaande)\s+(?:(?:tot\s+en\s+met|en|of)\s+({ORDINAL_ALT})\s+)?lid\b(?:\s*,\s*(?:aanhef\s+en\s+)?onderdeel\s+([a-z]{{1,3}})\b)?"
    ))
    .expect("valid regex")
});
static AFTER_EXTERNAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*,?\s*(?:(?:eerste|tweede|derde|vierde|vijfde)\s+(?:lid|zin)\s*,?\s*)?(?:aanhef\s+en\s+)?(?:onder\s+[a-z0-9°]+\s*,?\s*)?van\s+(deze|dit|de|het|die|dat|Boek\s+\d+[a-z]?\s+van\s+het|Verordening|Richtlijn|[A-Z])\s*",
    )
    .expect("valid regex")
});
static ABBREVIATION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,?\s*(?:(?:eerste|tweede|derde|vierde|vijfde|zesde)\s+lid\s*,?\s*)?(?:lid\s+\d+\s*,?\s*)?(\p{Lu}[\p{L}-]*)")
        .expect("valid regex")
});
static NAME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:\b[A-Z][\p{L}-]*(?:wet|besluit|regeling|reglement|verdrag|wetboek|Wetboek|beschikking)|\b(?:Grondwet|GW|RvOTK|RvOEK|Reglement van Orde)[\p{L}]*)(?:\s+\d{4})?(?:\s*\([^)]{0,60}\))?)\s*[:,]?\s*(?:de\s+|het\s+)?(?:art\.|artt\.|artikelen|artikel)?\s*$",
    )
    .expect("valid regex")
});
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\n]{1,400})\]\(([^)\s]{0,400})\)").expect("valid regex"));
static BWB_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"BWB[RV]\d{7}").expect("valid regex"));

struct Link {
    text: Span,
    bwb: Option<String>,
    label: String,
}

fn links_in(text: &str, span: Span) -> Vec<Link> {
    let t = text_of(text, Some(span));
    if !t.contains("](") {
        return Vec::new();
    }
    LINK.captures_iter(t)
        .filter_map(|c| {
            let label = c.get(1)?;
            let href = c.get(2)?.as_str();
            Some(Link {
                text: Span::new(span.start + label.start(), span.start + label.end()),
                bwb: BWB_ID.find(href).map(|m| m.as_str().to_string()),
                label: label.as_str().to_string(),
            })
        })
        .collect()
}

/// Reads the regulation name after "van de …", up to a clause boundary.
fn external_name(rest: &str) -> Option<String> {
    let c = AFTER_EXTERNAL.captures(rest)?;
    let det = c.get(1)?.as_str();
    match det {
        "deze" | "dit" => return None,
        _ => {}
    }
    let start = c.get(1)?.start();
    let tail = &rest[start..];
    let end = tail
        .find([',', ';', '(', ')', ':', '[', ']', '\n'])
        .unwrap_or(tail.len());
    let mut name = tail[..end].trim().to_string();
    // Cut at a sentence end ("… Wetboek. De …").
    if let Some(p) = name.find(". ") {
        name.truncate(p);
    }
    let words: Vec<&str> = name.split_whitespace().take(14).collect();
    let name = words.join(" ");
    let name = name.trim_end_matches('.').to_string();
    (!name.is_empty()).then_some(name)
}

fn amending_article(doc: &Document, ai: usize) -> bool {
    let a = &doc.articles[ai];
    a.quoted || !a.changes.is_empty() || a.clauses.contains(&Clause::Wijziging)
}

pub(crate) fn collect(text: &str, doc: &mut Document) {
    let amended: Vec<bool> = (0..doc.articles.len())
        .map(|ai| amending_article(doc, ai) || article_text_amends(text, doc, ai))
        .collect();
    let mut out: Vec<Reference> = Vec::new();
    let mut unchecked: Vec<bool> = Vec::new();
    for bi in 0..doc.blocks.len() {
        let b = &doc.blocks[bi];
        if matches!(
            b.kind,
            BlockKind::Comment | BlockKind::Meta | BlockKind::Title | BlockKind::Heading
        ) {
            continue;
        }
        let from_article = match b.container {
            Container::Article { index } => Some(index),
            _ => None,
        };
        let is_amended = from_article.is_some_and(|a| amended[a]);
        scan_block(text, doc, b.text, from_article, is_amended, false, &mut out);
        // Tables in regulations usually tabulate provisions of the parent
        // law; their references are kept but not checked.
        unchecked.resize(out.len(), b.kind == BlockKind::Table);
    }
    for (r, skip) in out.iter_mut().zip(unchecked) {
        // "art. 37" is how consolidated texts cite other regulations in lists;
        // its target is not this regulation often enough to check it.
        let abbreviated = r.text.starts_with("art.") || r.text.starts_with("Art.");
        if r.kind == ReferenceKind::Internal && !abbreviated && !skip {
            r.resolution = resolve(doc, r);
        }
    }
    doc.references = out;
}

pub(crate) fn collect_toelichting(text: &str, doc: &mut Document) {
    let mut out: Vec<Reference> = Vec::new();
    for b in &doc.blocks {
        if matches!(
            b.kind,
            BlockKind::Comment | BlockKind::Meta | BlockKind::Title | BlockKind::Heading
        ) {
            continue;
        }
        scan_block(text, doc, b.text, None, false, true, &mut out);
    }
    doc.references = out;
}

fn article_text_amends(text: &str, doc: &Document, ai: usize) -> bool {
    static AMEND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bwordt\s+als\s+volgt\s+gewijzigd|\bworden\s+als\s+volgt\s+gewijzigd")
            .expect("valid regex")
    });
    let a = &doc.articles[ai];
    AMEND.is_match(text_of(text, Some(a.span)))
}

fn scan_block(
    text: &str,
    doc: &Document,
    span: Span,
    from_article: Option<usize>,
    amended: bool,
    in_toelichting: bool,
    out: &mut Vec<Reference>,
) {
    let t = text_of(text, Some(span));
    if !(t.contains("rtikel")
        || t.contains("RTIKEL")
        || t.contains("rt.")
        || t.contains("lid")
        || t.contains("]("))
    {
        return;
    }
    let links = links_in(text, span);
    let link_at = |off: usize| links.iter().find(|l| l.text.contains(off));
    let internal_kind = if in_toelichting {
        ReferenceKind::Toelichting
    } else if amended {
        ReferenceKind::Amended
    } else {
        ReferenceKind::Internal
    };
    let mut taken: Vec<Span> = Vec::new();
    let kind_for = |start: usize, end: usize| -> ReferenceKind {
        if let Some(l) = link_at(start) {
            return ReferenceKind::External {
                regulation: l.label.clone(),
                bwb_id: l.bwb.clone(),
            };
        }
        let rest = text.get(end..span.end).unwrap_or("");
        // Skip the closing "](…)" of a link that ends at the reference.
        if let Some(name) = external_name(rest) {
            return ReferenceKind::External {
                regulation: name,
                bwb_id: None,
            };
        }
        // "artikel 52c ZW", "art. 37 Osv 1997", "(art. 24b Sr)": an abbreviated
        // regulation name right after the reference.
        if let Some(c) = ABBREVIATION_AFTER.captures(rest)
            && let Some(m) = c.get(1)
        {
            return ReferenceKind::External {
                regulation: m.as_str().to_string(),
                bwb_id: None,
            };
        }
        // "Comptabiliteitswet 2001 art. 89", "van het Kentekenreglement: de
        // artikelen 1a, 2": the regulation is named just before.
        let before = text.get(span.start..start).unwrap_or("");
        let clause = before.rsplit([';', '.']).next().unwrap_or(before);
        if let Some(c) = NAME_BEFORE.captures(clause)
            && let Some(m) = c.get(1)
        {
            return ReferenceKind::External {
                regulation: m.as_str().trim().to_string(),
                bwb_id: None,
            };
        }
        internal_kind.clone()
    };

    // "artikel 5 lid 2" (discouraged style) first, so the plain pattern does not re-read it.
    for c in STYLE.captures_iter(t) {
        let m = c.get(0).map_or(0..0, |g| g.range());
        let (s, e) = (span.start + m.start, span.start + m.end);
        taken.push(Span::new(s, e));
        out.push(Reference {
            text: t[m].to_string(),
            span: Span::new(s, e),
            kind: kind_for(s, e),
            target: RefTarget {
                article: c.get(1).map(|g| g.as_str().to_string()),
                lid: c.get(2).and_then(|g| g.as_str().parse().ok()),
                onderdeel: c.get(3).map(|g| g.as_str().to_string()),
                sub: None,
            },
            from_article,
            resolution: Resolution::NotChecked,
            nonstandard_style: true,
        });
    }
    for c in SINGLE.captures_iter(t) {
        let m = c.get(0).map_or(0..0, |g| g.range());
        let (s, e) = (span.start + m.start, span.start + m.end);
        if taken.iter().any(|x| x.contains(s)) {
            continue;
        }
        let lid = c
            .get(2)
            .and_then(|g| lid_number(g.as_str(), doc, c.get(1).map(|g| g.as_str())));
        out.push(Reference {
            text: t[m.clone()].to_string(),
            span: Span::new(s, e),
            kind: kind_for(s, e),
            target: RefTarget {
                article: c.get(1).map(|g| g.as_str().to_string()),
                lid,
                onderdeel: c.get(3).map(|g| g.as_str().to_string()),
                sub: c.get(4).map(|g| g.as_str().to_string()),
            },
            from_article,
            resolution: Resolution::NotChecked,
            nonstandard_style: t[m].starts_with("art."),
        });
        taken.push(Span::new(s, e));
    }
    for c in PLURAL.captures_iter(t) {
        let Some(list) = c.get(1) else { continue };
        let whole = c.get(0).map_or(0..0, |g| g.range());
        let end = span.start + whole.end;
        let list_kind = kind_for(span.start + whole.start, end);
        for n in NUM_RE.find_iter(list.as_str()) {
            let s = span.start + list.start() + n.start();
            let e = span.start + list.start() + n.end();
            let abbreviated = c
                .get(0)
                .is_some_and(|m| m.as_str().starts_with("artt") || m.as_str().starts_with("Artt"));
            out.push(Reference {
                text: format!(
                    "{} {}",
                    if abbreviated { "art." } else { "artikel" },
                    n.as_str()
                ),
                span: Span::new(s, e),
                kind: list_kind.clone(),
                target: RefTarget {
                    article: Some(n.as_str().to_string()),
                    ..RefTarget::default()
                },
                from_article,
                resolution: Resolution::NotChecked,
                nonstandard_style: false,
            });
        }
    }
    if !in_toelichting {
        for c in RELATIVE.captures_iter(t) {
            let m = c.get(0).map_or(0..0, |g| g.range());
            let (s, e) = (span.start + m.start, span.start + m.end);
            if taken.iter().any(|x| x.contains(s)) {
                continue;
            }
            // "het eerste lid van artikel 5" and "het derde lid van de wet" are not relative.
            let rest = text.get(e..span.end).unwrap_or("");
            if rest.trim_start().starts_with("van ") {
                continue;
            }
            relative_refs(&c, text, doc, s, e, from_article, amended, out);
        }
    }
    // Links to other regulations without an article reference (fan-out).
    for l in &links {
        if l.bwb.is_some() && !out.iter().any(|r| l.text.contains(r.span.start)) {
            out.push(Reference {
                text: l.label.clone(),
                span: l.text,
                kind: ReferenceKind::External {
                    regulation: l.label.clone(),
                    bwb_id: l.bwb.clone(),
                },
                target: RefTarget::default(),
                from_article,
                resolution: Resolution::NotChecked,
                nonstandard_style: false,
            });
        }
    }
}

fn lid_number(word: &str, doc: &Document, article: Option<&str>) -> Option<u32> {
    if word.eq_ignore_ascii_case("laatste") {
        let (_, a) = doc.article(article?)?;
        return Some(a.leden.len() as u32);
    }
    ordinal(word)
}

#[allow(clippy::too_many_arguments)]
fn relative_refs(
    c: &Captures<'_>,
    text: &str,
    doc: &Document,
    s: usize,
    e: usize,
    from_article: Option<usize>,
    amended: bool,
    out: &mut Vec<Reference>,
) {
    let word = c.get(1).map_or("", |g| g.as_str()).to_lowercase();
    let current_lid = from_article.and_then(|ai| {
        let a = &doc.articles[ai];
        a.leden.iter().position(|l| l.span.contains(s))
    });
    let lid = match word.as_str() {
        "vorige" | "voorgaande" => current_lid.map(|i| i as u32),
        "laatste" => from_article.map(|ai| doc.articles[ai].leden.len() as u32),
        w => ordinal(w),
    };
    let Some(lid) = lid else { return };
    let article = from_article.map(|ai| doc.articles[ai].number.clone());
    let kind = if amended {
        ReferenceKind::Amended
    } else {
        ReferenceKind::Internal
    };
    out.push(Reference {
        text: text.get(s..e).unwrap_or("").to_string(),
        span: Span::new(s, e),
        kind: kind.clone(),
        target: RefTarget {
            article: article.clone(),
            lid: Some(lid),
            onderdeel: c.get(3).map(|g| g.as_str().to_string()),
            sub: None,
        },
        from_article,
        resolution: Resolution::NotChecked,
        nonstandard_style: false,
    });
    if let Some(second) = c.get(2).and_then(|g| ordinal(g.as_str())) {
        out.push(Reference {
            text: text.get(s..e).unwrap_or("").to_string(),
            span: Span::new(s, e),
            kind,
            target: RefTarget {
                article,
                lid: Some(second),
                onderdeel: None,
                sub: None,
            },
            from_article,
            resolution: Resolution::NotChecked,
            nonstandard_style: false,
        });
    }
}

/// Resolves an internal reference against the document's own articles.
pub fn resolve(doc: &Document, r: &Reference) -> Resolution {
    let Some(number) = r.target.article.as_deref() else {
        return Resolution::NotChecked;
    };
    let Some((ai, a)) = doc.article(number) else {
        // A Roman number in a regulation without Roman articles is more
        // likely a reference elsewhere than an internal one.
        if number.chars().all(|c| "IVXLC".contains(c))
            && !doc.own_articles().any(|(_, a)| a.is_roman())
        {
            return Resolution::NotChecked;
        }
        return Resolution::ArticleMissing;
    };
    let mut lid_index = None;
    if let Some(lid) = r.target.lid {
        if a.leden.is_empty() {
            // An article without numbered leden has one implicit lid.
            if lid > 1 {
                return Resolution::LidMissing {
                    article: ai,
                    lid_count: 0,
                };
            }
        } else {
            match a.leden.iter().position(|l| l.number == lid.to_string()) {
                Some(i) => lid_index = Some(i),
                None => {
                    return Resolution::LidMissing {
                        article: ai,
                        lid_count: a.leden.len(),
                    };
                }
            }
        }
    }
    if let Some(o) = r.target.onderdeel.as_deref() {
        let pool: Vec<&Onderdeel> = match lid_index {
            Some(i) => a.leden[i].onderdelen.iter().collect(),
            None => a
                .onderdelen
                .iter()
                .chain(a.leden.iter().flat_map(|l| l.onderdelen.iter()))
                .collect(),
        };
        let Some(found) = pool.iter().find(|x| x.label == o) else {
            return Resolution::OnderdeelMissing { article: ai };
        };
        if let Some(sub) = r.target.sub.as_deref()
            && !found.subs.iter().any(|s| s.label == sub)
        {
            return Resolution::SubMissing { article: ai };
        }
    }
    Resolution::Resolved {
        article: ai,
        lid: lid_index,
    }
}
