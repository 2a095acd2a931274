//! Toelichting structure: the heading tree and the artikelsgewijze entries.
//!
//! Levels: a deel ("I. Algemeen", "A. Artikelsgewijs") is level 1, "1." is
//! level 2, "1.1" level 3 and so on; an unnumbered Markdown heading takes its
//! level from the number of `#` minus one (the `#` line is the title);
//! "Artikel …" entries sit one level below the heading they follow.

use std::sync::LazyLock;

use regex::Regex;

use crate::build::{clean_title, push_block, text_of};
use crate::lines::{Line, LineKind};
use crate::model::*;
use crate::numbers::normalize_number;

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:§\s*|Hoofdstuk\s+|Paragraaf\s+)?(\d+(?:\.\d+)*)\.?(?:\s*[–—-]\s*|\s+|$)(.*)$")
        .expect("valid regex")
});
static DEEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVX]+|[A-F])(?:[.,]\s*|\s+)(.+)$").expect("valid regex"));
static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*\*)?\s*(Artikel(?:en)?|Onderde(?:e)?l(?:en)?|Enig\s+artikel)\b\s*(.*)$")
        .expect("valid regex")
});
static KEY_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d+[a-z]{0,3}(?:[.:]\d+[a-z]{0,3})*|[IVXLC]+\b|[A-Z]{1,3}\b)|(tot\s+en\s+met|t/m)|(onderde(?:e)?l(?:en)?)|(,|\ben\b|&)|(\S)")
        .expect("valid regex")
});
static ARTIKELSGEWIJS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:artikelsgewij|artikelgewij|artikelsgwij|toelichting\s+per\s+artikel|artikelen$|onderdelen$|de\s+artikelen$)")
        .expect("valid regex")
});

struct Head {
    level_hint: Option<u8>,
    number: Option<String>,
    title: String,
}

fn parse_heading(raw: &str, hashes: Option<u8>) -> Head {
    let t = clean_title(raw);
    if let Some(c) = NUMBERED.captures(&t)
        && let Some(n) = c.get(1)
    {
        let title = c.get(2).map_or("", |m| m.as_str()).trim().to_string();
        let depth = n.as_str().split('.').count() as u8;
        if !title.is_empty() || hashes.is_some() {
            return Head {
                level_hint: Some(depth + 1),
                number: Some(n.as_str().to_string()),
                title: if title.is_empty() { t.clone() } else { title },
            };
        }
    }
    if let Some(c) = DEEL.captures(&t)
        && let Some(n) = c.get(1)
    {
        let title = c.get(2).map_or("", |m| m.as_str()).trim();
        let upper_or_deel = title
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            || title.to_lowercase().contains("algemeen")
            || title.to_lowercase().contains("artikel");
        if upper_or_deel {
            return Head {
                level_hint: Some(1),
                number: Some(n.as_str().to_string()),
                title: title.to_string(),
            };
        }
    }
    Head {
        level_hint: None,
        number: None,
        title: t,
    }
}

/// The keys of an entry heading, and its range bounds if it names one.
pub(crate) type EntryKeys = (Vec<ArticleKey>, Option<(ArticleKey, ArticleKey)>);

/// Parses the keys of an entry heading: "Artikel I, onderdelen B en C",
/// "Artikelen 2.1 tot en met 2.4", "Onderdeel A (artikel 3)".
pub(crate) fn parse_entry(raw: &str, last_article: Option<&str>) -> Option<EntryKeys> {
    let t = clean_title(raw);
    let c = ENTRY.captures(&t)?;
    let label = c.get(1)?.as_str().to_lowercase();
    let rest = c.get(2).map_or("", |m| m.as_str());
    if label.starts_with("enig") {
        return Some((
            vec![ArticleKey {
                article: "enig".into(),
                onderdeel: None,
            }],
            None,
        ));
    }
    let mut articles: Vec<String> = Vec::new();
    let mut onderdelen: Vec<String> = Vec::new();
    let mut in_onderdeel = label.starts_with("onderde");
    let mut range_pending = false;
    let mut range: Option<(String, String)> = None;
    let mut range_onderdeel: Option<(String, String)> = None;
    for tok in KEY_TOKEN.captures_iter(rest) {
        if let Some(n) = tok.get(1) {
            let n = n.as_str();
            if in_onderdeel {
                if !n.chars().all(|c| c.is_ascii_uppercase()) {
                    break;
                }
                if range_pending {
                    if let Some(from) = onderdelen.last().cloned() {
                        range_onderdeel = Some((from, n.to_string()));
                    }
                    range_pending = false;
                }
                onderdelen.push(n.to_string());
            } else {
                if n.chars().all(|c| c.is_ascii_uppercase())
                    && !n.chars().all(|c| "IVXLC".contains(c))
                {
                    break;
                }
                if range_pending {
                    if let Some(from) = articles.last().cloned() {
                        range = Some((from, n.to_string()));
                    }
                    range_pending = false;
                }
                articles.push(normalize_number(n));
            }
        } else if tok.get(2).is_some() {
            range_pending = true;
        } else if tok.get(3).is_some() {
            in_onderdeel = true;
        } else if tok.get(4).is_some() {
            continue;
        } else {
            // Any other token ends the key list ("(Begripsbepalingen)", a title word).
            break;
        }
    }
    if articles.is_empty() {
        articles.push(last_article?.to_string());
    }
    let mut keys = Vec::new();
    if onderdelen.is_empty() {
        for a in &articles {
            keys.push(ArticleKey {
                article: a.clone(),
                onderdeel: None,
            });
        }
    } else {
        let art = articles.last().cloned().unwrap_or_default();
        for o in &onderdelen {
            keys.push(ArticleKey {
                article: art.clone(),
                onderdeel: Some(o.clone()),
            });
        }
        if let Some((from, to)) = range_onderdeel {
            // Expand letter ranges B..E (single letters only).
            if let (Some(f), Some(l)) = (from.chars().next(), to.chars().next())
                && from.len() == 1
                && to.len() == 1
                && f < l
            {
                keys.clear();
                for ch in f..=l {
                    keys.push(ArticleKey {
                        article: art.clone(),
                        onderdeel: Some(ch.to_string()),
                    });
                }
            }
        }
    }
    let range = range.map(|(f, t)| {
        (
            ArticleKey {
                article: normalize_number(&f),
                onderdeel: None,
            },
            ArticleKey {
                article: normalize_number(&t),
                onderdeel: None,
            },
        )
    });
    Some((keys, range))
}

pub(crate) fn build(text: &str, lines: &[Line], doc: &mut Document) {
    let mut title_done = false;
    let mut artikelsgewijs_level: Option<u8> = None;
    let mut last_article: Option<String> = None;
    let mut in_front = true;

    for line in lines {
        if matches!(line.kind, LineKind::Blank) {
            continue;
        }
        if matches!(line.kind, LineKind::Comment | LineKind::Html) {
            let kind = if line.kind == LineKind::Comment {
                BlockKind::Comment
            } else {
                BlockKind::Meta
            };
            push_block(doc, kind, line, line.span, current(doc, in_front));
            continue;
        }
        let raw_text = text_of(text, line.text.or(Some(line.span)));
        if !title_done {
            let t = clean_title(raw_text);
            if !t.is_empty() {
                let span = line.text.unwrap_or(line.span);
                doc.title = Some(Spanned { text: t, span });
                push_block(doc, BlockKind::Title, line, span, Container::Front);
                title_done = true;
                continue;
            }
        }
        // What does the heading say? Label headings ("### Artikel 3") carry
        // label+number+title spans; reassemble the whole heading text.
        let heading_text = match line.kind {
            LineKind::Heading(_) | LineKind::UnitLine | LineKind::Section | LineKind::Roman => {
                text_of(
                    text,
                    Some(Span::new(
                        line.marker.map_or(line.span.start, |m| {
                            if matches!(line.kind, LineKind::Heading(_)) {
                                m.end
                            } else {
                                m.start
                            }
                        }),
                        line.span.end,
                    )),
                )
                .to_string()
            }
            LineKind::Lid => text_of(text, Some(line.span)).to_string(),
            _ => String::new(),
        };
        let hashes = match line.kind {
            LineKind::Heading(h) => Some(h),
            _ => None,
        };
        let is_heading_line = match line.kind {
            LineKind::Heading(_) => !heading_text.trim().is_empty(),
            LineKind::UnitLine | LineKind::Section | LineKind::Roman | LineKind::Lid => {
                plain_heading_like(&heading_text)
            }
            LineKind::Paragraph => {
                let t = raw_text.trim();
                (t.starts_with("**") && t.ends_with("**") && t.len() < 160)
                    || ENTRY.is_match(t) && plain_heading_like(t)
            }
            _ => false,
        };
        if !is_heading_line {
            let kind = match line.kind {
                LineKind::Quote => BlockKind::Quote,
                LineKind::ListItem | LineKind::Lid | LineKind::Onderdeel | LineKind::Sub => {
                    BlockKind::ListItem
                }
                LineKind::Table => BlockKind::Table,
                _ => BlockKind::Paragraph,
            };
            push_block(
                doc,
                kind,
                line,
                line.text.unwrap_or(line.span),
                current(doc, in_front),
            );
            continue;
        }
        let htext = if matches!(line.kind, LineKind::Paragraph) {
            raw_text.to_string()
        } else {
            heading_text
        };
        in_front = false;
        let entry = parse_entry(&htext, last_article.as_deref());
        let head = parse_heading(&htext, hashes);
        let level = match (&entry, hashes) {
            // Markdown gives the structure itself.
            (Some(_), Some(h)) => h.saturating_sub(1).max(1),
            // A plain-text entry nests below the artikelsgewijs deel or the
            // last ordinary section.
            (Some(_), None) => {
                let base = artikelsgewijs_level.or_else(|| {
                    doc.sections
                        .iter()
                        .rev()
                        .find(|s| !is_entry_section(doc, s))
                        .map(|s| s.level)
                });
                base.unwrap_or(1) + 1
            }
            (None, _) => head
                .level_hint
                .unwrap_or_else(|| hashes.map_or(2, |h| h.saturating_sub(1).max(1))),
        };
        let normalized = head.title.to_lowercase();
        let artikelsgewijs = if ARTIKELSGEWIJS.is_match(normalized.trim()) {
            artikelsgewijs_level = Some(level);
            true
        } else {
            match artikelsgewijs_level {
                Some(l) if level <= l && entry.is_none() => {
                    artikelsgewijs_level = None;
                    false
                }
                Some(_) => true,
                None => entry.is_some(),
            }
        };
        // Close open sections at the same or a deeper level.
        let parent = doc
            .sections
            .iter()
            .enumerate()
            .rev()
            .find(|(_, s)| s.level < level && s.span.end == usize::MAX)
            .map(|(i, _)| i);
        for s in doc.sections.iter_mut() {
            if s.span.end == usize::MAX && s.level >= level {
                s.span.end = line.span.start;
            }
        }
        let si = doc.sections.len();
        doc.sections.push(Section {
            level,
            number: head.number.clone(),
            title: if entry.is_some() {
                clean_title(&htext)
            } else {
                head.title.clone()
            },
            heading: line.span,
            span: Span::new(line.span.start, usize::MAX),
            parent,
            artikelsgewijs,
        });
        if let Some((keys, range)) = entry {
            if let Some(k) = keys.last() {
                last_article = Some(k.article.clone());
            }
            doc.toelichting_articles.push(ToelichtingArticle {
                keys,
                range,
                heading: line.span,
                span: Span::new(line.span.start, line.span.end),
                section: Some(si),
            });
        }
        push_block(
            doc,
            BlockKind::Heading,
            line,
            line.text.unwrap_or(line.span),
            Container::Section { index: si },
        );
    }
    let len = text.len();
    for s in doc.sections.iter_mut() {
        if s.span.end == usize::MAX {
            s.span.end = len;
        }
    }
    for e in doc.toelichting_articles.iter_mut() {
        if let Some(s) = e.section {
            e.span.end = doc.sections[s].span.end;
        }
    }
}

fn plain_heading_like(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    !t.is_empty()
        && t.chars().count() <= 120
        && words <= 14
        && !t.ends_with(['.', ';', ',', ':'])
        && t.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(|c| c.is_uppercase())
}

fn current(doc: &Document, in_front: bool) -> Container {
    if in_front {
        return Container::Front;
    }
    // The innermost open section.
    doc.sections
        .iter()
        .enumerate()
        .rev()
        .find(|(_, s)| s.span.end == usize::MAX)
        .map(|(index, _)| Container::Section { index })
        .unwrap_or(Container::Front)
}

fn is_entry_section(doc: &Document, s: &Section) -> bool {
    doc.toelichting_articles
        .iter()
        .any(|e| e.heading == s.heading)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        parse_entry(s, Some("I"))
            .map(|(k, _)| k.iter().map(|k| k.to_string()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn entry_keys() {
        assert_eq!(keys("Artikel 3"), ["3"]);
        assert_eq!(keys("Artikel 3. Begripsbepalingen"), ["3"]);
        assert_eq!(keys("Artikel 1.1 (Begripsbepalingen)"), ["1.1"]);
        assert_eq!(keys("Artikel I, onderdeel A"), ["I, onderdeel A"]);
        assert_eq!(
            keys("Artikel I, onderdelen B en C"),
            ["I, onderdeel B", "I, onderdeel C"]
        );
        assert_eq!(
            keys("Artikel I, onderdelen B tot en met D"),
            ["I, onderdeel B", "I, onderdeel C", "I, onderdeel D"]
        );
        assert_eq!(keys("Onderdeel B"), ["I, onderdeel B"]);
        assert_eq!(keys("Artikelen 4 en 5"), ["4", "5"]);
        let (k, r) = parse_entry("Artikelen 2.1 tot en met 2.3", None).unwrap_or_default();
        assert_eq!(k.len(), 2);
        assert_eq!(
            r.map(|(a, b)| (a.article, b.article)),
            Some(("2.1".into(), "2.3".into()))
        );
        assert!(parse_entry("Inleiding", None).is_none());
    }

    #[test]
    fn headings() {
        let h = parse_heading("2.3 Gevolgen voor de regeldruk", Some(4));
        assert_eq!(
            (h.level_hint, h.number.as_deref(), h.title.as_str()),
            (Some(3), Some("2.3"), "Gevolgen voor de regeldruk")
        );
        let h = parse_heading("I. ALGEMEEN", Some(2));
        assert_eq!((h.level_hint, h.title.as_str()), (Some(1), "ALGEMEEN"));
        let h = parse_heading("Hoofdstuk 13 – Regeldruk", None);
        assert_eq!(h.number.as_deref(), Some("13"));
        let h = parse_heading("Inleiding", Some(3));
        assert_eq!(h.level_hint, None);
    }
}
