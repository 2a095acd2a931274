//! Builds the [`Document`] from the classified line stream.
//!
//! Regulations: the unit hierarchy is rebuilt from label words (a narrower
//! label nests, a same-or-wider label closes), articles collect leden,
//! onderdelen and sub-onderdelen, and wijzigingsartikelen collect their
//! amendment items. Toelichtingen: headings become a section tree, and
//! "Artikel …" headings become artikelsgewijze entries.

use std::sync::LazyLock;

use regex::Regex;

use crate::kind::{self, KindHints};
use crate::lines::{Line, LineKind};
use crate::model::*;
use crate::numbers::{is_article_number, is_change_label, is_roman_number, normalize_number};
use crate::{LineIndex, clauses, defs, delegation, refs, suppress, toelichting};

/// A unit heading recognised on a line.
#[derive(Debug, Clone)]
pub(crate) struct UnitHead {
    pub kind: UnitKind,
    pub number: Option<String>,
    pub title: Option<String>,
    /// Markdown heading depth (0 for a bare line).
    pub depth: u8,
}

static BARE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\*\*|__)?\s*(Boek|Deel|Hoofdstuk|Titel|Afdeling|Paragraaf|Artikel|Aanwijzing|Bijlage|§)\s*([0-9]+[0-9a-z.:]*|[IVXLCDM]+\b|[A-Z]\b)\.?\s*(?:\*\*|__)?\s*(.*)$",
    )
    .expect("valid regex")
});
static TITLE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([0-9]+[0-9a-z.:-]*|[A-Z]{1,3}[-.]?[0-9][0-9a-z.:-]*|[IVXLCDM]+[a-zA-Z]{0,2}|[A-Z])(?:[\s.:]+(.*))?$").expect("valid regex")
});
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:lasten\s+en\s+bevelen|gegeven\s+(?:te\s+|’s|'s)|(?:deze\s+(?:regeling|beleidsregel)|dit\s+besluit)\s+zal\s+met\s+de\s+toelichting|ondertekening\b|de\s+minister\s+(?:van|voor)\s+[^,]{2,80},\s*$)",
    )
    .expect("valid regex")
});
static CONSIDERANS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:alzoo?\s+wij\s+in\s+overweging|overwegende\b|gelet\s+op\b)")
        .expect("valid regex")
});
static AFKONDIGING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:zoo?\s+is\s+het,?\s+dat\s+wij|hebben\s+goedgevonden|besluit\s*:|besluiten\s*:)")
        .expect("valid regex")
});
static AMENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bwordt\s+(?:als\s+volgt\s+)?gewijzigd\s*:|\bworden\s+als\s+volgt\s+gewijzigd")
        .expect("valid regex")
});

pub(crate) fn text_of(text: &str, s: Option<Span>) -> &str {
    s.and_then(|s| text.get(s.start..s.end)).unwrap_or("")
}

/// Strips Markdown emphasis and surrounding whitespace from a heading title.
pub(crate) fn clean_title(s: &str) -> String {
    let t = s.trim().trim_matches(|c| c == '*' || c == '_').trim();
    let t = t.trim_start_matches(['.', ':', '-', '–']).trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Recognises a unit heading on a line, if it is one.
pub(crate) fn unit_head(line: &Line, text: &str) -> Option<UnitHead> {
    let depth = match line.kind {
        LineKind::Heading(d) => d,
        LineKind::UnitLine | LineKind::Paragraph => 0,
        _ => return None,
    };
    if let Some(label_span) = line.label {
        let label = text_of(text, Some(label_span));
        let kind = UnitKind::from_label(label)?;
        let mut number = line
            .number
            .map(|n| normalize_number(text_of(text, Some(n))))
            .filter(|n| !n.is_empty());
        let mut title = line.text.map(|t| clean_title(text_of(text, Some(t))));
        if label.trim().to_lowercase().starts_with("enig") {
            number = Some("enig".into());
        }
        if number.is_none() {
            // "### Artikel IV" where the grammar read "IV" as the title.
            if let Some(t) = title.clone()
                && let Some(c) = TITLE_NUMBER.captures(&t)
            {
                let n = c.get(1).map_or("", |m| m.as_str());
                if is_article_number(n) || kind != UnitKind::Artikel && n.len() <= 3 {
                    number = Some(n.to_string());
                    title = c.get(2).map(|m| clean_title(m.as_str()));
                }
            }
        }
        let title = title.filter(|t| !t.is_empty());
        if depth == 0 {
            // A bare line is a heading only if what follows the number reads
            // like a title, not like a sentence ("Artikel 5 is van toepassing").
            if !bare_line_is_heading(kind, number.as_deref(), title.as_deref()) {
                return None;
            }
        }
        if kind.is_article_like() && number.is_none() {
            // "### Artikel" without a number: still an article (reported as a
            // syntax error); a bare line without a number is just text.
            if depth == 0 {
                return None;
            }
            number = Some(String::new());
        }
        // A plural label ("Artikelen 3 en 4") heads a toelichting entry, not a unit.
        if label.trim().to_lowercase().starts_with("artikelen") {
            return None;
        }
        return Some(UnitHead {
            kind,
            number,
            title,
            depth,
        });
    }
    // Bold or otherwise decorated headings on paragraph lines: "**Artikel 1**".
    let raw = text_of(text, line.text.or(Some(line.span)));
    // "### Artikel" with nothing after the label word: an unnumbered article.
    if depth > 0 {
        let bare = raw.trim().trim_matches(|c| c == '*' || c == '_').trim();
        if let Some(kind) = UnitKind::from_label(bare)
            && kind.is_article_like()
            && !bare.to_lowercase().starts_with("artikelen")
        {
            return Some(UnitHead {
                kind,
                number: Some(if bare.to_lowercase().starts_with("enig") {
                    "enig".into()
                } else {
                    String::new()
                }),
                title: None,
                depth,
            });
        }
    }
    if !(raw.trim_start().starts_with("**") || raw.trim_start().starts_with("__")) && depth == 0 {
        return None;
    }
    let c = BARE_UNIT.captures(raw)?;
    let kind = UnitKind::from_label(c.get(1)?.as_str())?;
    let number = Some(normalize_number(c.get(2)?.as_str()));
    let title = c
        .get(3)
        .map(|m| clean_title(m.as_str()))
        .filter(|t| !t.is_empty());
    if depth == 0 && !bare_line_is_heading(kind, number.as_deref(), title.as_deref()) {
        return None;
    }
    Some(UnitHead {
        kind,
        number,
        title,
        depth,
    })
}

fn bare_line_is_heading(kind: UnitKind, number: Option<&str>, title: Option<&str>) -> bool {
    if number.is_none() {
        return false;
    }
    if kind.is_article_like() && !number.is_some_and(|n| n == "enig" || is_article_number(n)) {
        return false;
    }
    match title {
        None => true,
        Some(t) => {
            let first = t.chars().next().unwrap_or(' ');
            let sentence = t.ends_with('.') && t.split_whitespace().count() > 12;
            t.chars().count() <= 150
                && !first.is_lowercase()
                && !t.ends_with([';', ','])
                && !sentence
        }
    }
}

/// Builds the document model from the line stream.
pub(crate) fn build(text: &str, lines: &[Line], file_name: Option<&str>) -> Document {
    let mut doc = Document {
        line_index: LineIndex::new(text),
        len: text.len(),
        ..Document::default()
    };
    // Pre-scan for kind detection.
    let mut hints = KindHints {
        file_name,
        ..KindHints::default()
    };
    for line in lines {
        if hints.head.len() < 8 {
            let t = match line.kind {
                LineKind::Blank | LineKind::Comment | LineKind::Html => "",
                _ => text_of(text, line.text.or(Some(line.span))).trim(),
            };
            let t = t.trim_matches('*').trim();
            if !t.is_empty() {
                hints.head.push(t);
            }
        }
        if let Some(h) = unit_head(line, text)
            && h.kind == UnitKind::Artikel
            && let Some(n) = h.number
        {
            hints.article_numbers.push(n);
        }
    }
    doc.kind = kind::detect(&hints);

    for line in lines.iter().filter(|l| l.error) {
        doc.errors.push(SyntaxError {
            span: line.span,
            message: "onleesbare tekst (ongeldige tekens); de regel is als gewone tekst gelezen"
                .into(),
        });
    }
    suppress::collect(text, lines, &mut doc);

    if doc.kind.is_toelichting() {
        toelichting::build(text, lines, &mut doc);
        refs::collect_toelichting(text, &mut doc);
    } else {
        build_regulation(text, lines, &mut doc);
        defs::collect(text, &mut doc);
        refs::collect(text, &mut doc);
        delegation::collect(text, &mut doc);
        clauses::classify(text, &mut doc);
    }
    doc
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Preamble,
    Body,
    Closing,
}

fn build_regulation(text: &str, lines: &[Line], doc: &mut Document) {
    let mut phase = Phase::Preamble;
    let mut stack: Vec<usize> = Vec::new();
    let mut cur_article: Option<usize> = None;
    // The Roman wijzigingsartikel we are inside, with the heading depth it had.
    let mut amending: Option<(usize, u8)> = None;
    let mut in_change = false;
    let mut last_unit_heading: Option<(usize, bool)> = None; // (line index, is_article)
    // A bare heading line without title ("Artikel 3") takes its title from
    // the next line when that reads like a title (plain-text drafts).
    let mut bare_title_pending = false;
    let mut preamble_start: Option<usize> = None;
    let mut considerans_start: Option<usize> = None;
    let mut considerans_end: Option<usize> = None;
    let mut body_start: Option<usize> = None;

    for (li, line) in lines.iter().enumerate() {
        let line_text = text_of(text, line.text);
        if matches!(line.kind, LineKind::Blank) {
            continue;
        }
        if matches!(line.kind, LineKind::Comment) {
            push_block(
                doc,
                BlockKind::Comment,
                line,
                line.span,
                container(phase, cur_article, &stack),
            );
            continue;
        }
        if matches!(line.kind, LineKind::Html) {
            push_block(doc, BlockKind::Meta, line, line.span, Container::Preamble);
            continue;
        }

        // Title: the first heading or text line.
        if doc.title.is_none() && phase == Phase::Preamble && unit_head(line, text).is_none() {
            let t = clean_title(text_of(text, line.text.or(Some(line.span))));
            if !t.is_empty() {
                let span = line.text.unwrap_or(line.span);
                doc.title = Some(Spanned { text: t, span });
                push_block(doc, BlockKind::Title, line, span, Container::Preamble);
                continue;
            }
        }

        if let Some(head) = unit_head(line, text) {
            // "####Title" after a unit heading belongs to it; handled below.
            let is_article = head.kind.is_article_like();
            if phase == Phase::Preamble {
                body_start = Some(line.span.start);
            }
            phase = Phase::Body;
            let number = head.number.clone().unwrap_or_default();
            if is_article && number.is_empty() {
                doc.errors.push(SyntaxError {
                    span: line.span,
                    message: format!("{} zonder nummer", head.kind.label_nl()),
                });
            }
            if is_article {
                let roman = is_roman_number(&number);
                let quoted = match amending {
                    Some((_, depth)) if !roman => head.depth == 0 || head.depth > depth,
                    _ => false,
                };
                if roman {
                    amending = None;
                    in_change = false;
                }
                let idx = doc.articles.len();
                doc.articles.push(Article {
                    kind: head.kind,
                    number,
                    title: head.title.clone(),
                    heading: line.span,
                    span: Span::new(line.span.start, line.span.end),
                    unit: stack.last().copied(),
                    leden: Vec::new(),
                    onderdelen: Vec::new(),
                    changes: Vec::new(),
                    quoted,
                    clauses: Vec::new(),
                });
                if roman {
                    amending = Some((idx, head.depth));
                }
                if !quoted {
                    in_change = false;
                }
                cur_article = Some(idx);
            } else {
                // A structural division closes the current article and any
                // open amendment.
                amending = None;
                in_change = false;
                cur_article = None;
                while let Some(&top) = stack.last() {
                    if doc.units[top].kind >= head.kind || head.kind == UnitKind::Bijlage {
                        stack.pop();
                    } else {
                        break;
                    }
                }
                let idx = doc.units.len();
                doc.units.push(Unit {
                    kind: head.kind,
                    number: head.number.clone(),
                    title: head.title.clone(),
                    heading: line.span,
                    span: line.span,
                    parent: stack.last().copied(),
                });
                stack.push(idx);
            }
            last_unit_heading = Some((li, is_article));
            bare_title_pending = head.depth == 0 && head.title.is_none();
            push_block(
                doc,
                BlockKind::Heading,
                line,
                line.span,
                container(phase, cur_article, &stack),
            );
            continue;
        }

        if bare_title_pending && matches!(line.kind, LineKind::Paragraph) {
            bare_title_pending = false;
            let t = clean_title(line_text);
            let title_like = !t.is_empty()
                && t.chars().count() <= 100
                && !t.ends_with(['.', ';', ':', ','])
                && t.chars().next().is_some_and(char::is_uppercase);
            if title_like {
                if let Some((_, is_article)) = last_unit_heading {
                    if is_article {
                        if let Some(a) = cur_article.and_then(|a| doc.articles.get_mut(a)) {
                            a.title = Some(t);
                        }
                    } else if let Some(u) = stack.last().and_then(|u| doc.units.get_mut(*u)) {
                        u.title = Some(t);
                    }
                }
                push_block(
                    doc,
                    BlockKind::Heading,
                    line,
                    line.span,
                    container(phase, cur_article, &stack),
                );
                continue;
            }
        }
        bare_title_pending = false;

        // A title-only heading right after a unit heading is that unit's title.
        if let LineKind::Heading(_) = line.kind
            && let Some((hl, is_article)) = last_unit_heading
            && prev_non_blank(lines, li) == Some(hl)
        {
            let title = clean_title(line_text);
            if !title.is_empty() && !is_change_label(title.trim()) {
                if is_article {
                    if let Some(a) = cur_article.and_then(|a| doc.articles.get_mut(a))
                        && a.title.is_none()
                    {
                        a.title = Some(title);
                    }
                } else if let Some(u) = stack.last().and_then(|u| doc.units.get_mut(*u))
                    && u.title.is_none()
                {
                    u.title = Some(title);
                }
                push_block(
                    doc,
                    BlockKind::Heading,
                    line,
                    line.span,
                    container(phase, cur_article, &stack),
                );
                continue;
            }
        }

        if phase == Phase::Preamble {
            if preamble_start.is_none() {
                preamble_start = Some(line.span.start);
            }
            if considerans_start.is_none() && CONSIDERANS.is_match(line_text) {
                considerans_start = Some(line.span.start);
            }
            if considerans_start.is_some()
                && considerans_end.is_none()
                && AFKONDIGING.is_match(line_text)
            {
                considerans_end = Some(line.span.start);
            }
            push_block(
                doc,
                BlockKind::Paragraph,
                line,
                line.text.unwrap_or(line.span),
                Container::Preamble,
            );
            continue;
        }

        if CLOSING.is_match(line_text)
            && matches!(line.kind, LineKind::Paragraph)
            && phase == Phase::Body
        {
            // Only after at least one article, and not inside an amendment quote.
            if !doc.articles.is_empty() && !in_change {
                phase = Phase::Closing;
                cur_article = None;
                amending = None;
            }
        }
        if phase == Phase::Closing {
            push_block(
                doc,
                BlockKind::Paragraph,
                line,
                line.text.unwrap_or(line.span),
                Container::Closing,
            );
            continue;
        }

        let cont = container(phase, cur_article, &stack);
        let Some(ai) = cur_article else {
            let kind = block_kind(line.kind);
            push_block(doc, kind, line, line.text.unwrap_or(line.span), cont);
            continue;
        };

        // Amendment items: "A" alone on a line inside a wijzigingsartikel (or
        // in any article whose text says "wordt als volgt gewijzigd").
        let trimmed = line_text.trim();
        let is_change_line = matches!(line.kind, LineKind::Change)
            || matches!(line.kind, LineKind::Paragraph | LineKind::Heading(_))
                && is_change_label(trimmed.trim_matches('*'))
                && trimmed.len() <= 5;
        let amend_target = if is_change_line {
            amending.map(|(a, _)| a).or_else(|| {
                let a = &doc.articles[ai];
                let so_far = text
                    .get(a.span.start..line.span.start.max(a.span.start))
                    .unwrap_or("");
                (!a.quoted && AMENDING.is_match(so_far)).then_some(ai)
            })
        } else {
            None
        };
        if let Some(target) = amend_target {
            let label =
                normalize_number(text_of(text, line.number.or(line.text).or(Some(line.span))));
            let label = label.trim_matches('*').to_string();
            doc.articles[target].changes.push(Change {
                label,
                marker: line.span,
                span: line.span,
            });
            in_change = true;
            if amending.is_none() {
                amending = Some((target, 3));
            }
            // A change item closes a quoted article and returns to the amending one.
            cur_article = Some(target);
            push_block(
                doc,
                BlockKind::Change,
                line,
                line.span,
                Container::Article { index: target },
            );
            extend_article(doc, target, line.span.end);
            continue;
        }

        let art_quoted = doc.articles[ai].quoted;
        let structural = !in_change || art_quoted;
        match line.kind {
            LineKind::Lid if structural => {
                let marker = line.marker.unwrap_or(line.span);
                let number = normalize_number(text_of(text, Some(marker)));
                doc.articles[ai].leden.push(Lid {
                    number,
                    marker,
                    span: line.span,
                    onderdelen: Vec::new(),
                });
                push_block(
                    doc,
                    BlockKind::Lid,
                    line,
                    line.text.unwrap_or(line.span),
                    cont,
                );
            }
            LineKind::Onderdeel if structural => {
                let marker = line.marker.unwrap_or(line.span);
                let label = normalize_number(text_of(text, Some(marker)));
                let o = Onderdeel {
                    label,
                    marker,
                    span: line.span,
                    subs: Vec::new(),
                };
                let a = &mut doc.articles[ai];
                match a.leden.last_mut() {
                    Some(lid) => lid.onderdelen.push(o),
                    None => a.onderdelen.push(o),
                }
                push_block(
                    doc,
                    BlockKind::Onderdeel,
                    line,
                    line.text.unwrap_or(line.span),
                    cont,
                );
            }
            LineKind::Sub if structural => {
                let marker = line.marker.unwrap_or(line.span);
                let label: String = text_of(text, Some(marker))
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                let s = SubOnderdeel {
                    label,
                    marker,
                    span: line.span,
                };
                let a = &mut doc.articles[ai];
                let target = match a.leden.last_mut() {
                    Some(lid) => lid.onderdelen.last_mut(),
                    None => a.onderdelen.last_mut(),
                };
                if let Some(o) = target {
                    o.subs.push(s);
                    o.span.end = line.span.end;
                }
                push_block(
                    doc,
                    BlockKind::SubOnderdeel,
                    line,
                    line.text.unwrap_or(line.span),
                    cont,
                );
            }
            _ => {
                let kind = block_kind(line.kind);
                push_block(doc, kind, line, line.text.unwrap_or(line.span), cont);
            }
        }
        // Extend the spans of the open lid/onderdeel/change and the article.
        let end = line.span.end;
        let a = &mut doc.articles[ai];
        if structural && let Some(lid) = a.leden.last_mut() {
            lid.span.end = end;
            if let Some(o) = lid.onderdelen.last_mut()
                && !matches!(line.kind, LineKind::Paragraph | LineKind::Lid)
            {
                o.span.end = end;
            }
        }
        extend_article(doc, ai, end);
        if let Some((target, _)) = amending
            && let Some(c) = doc.articles[target].changes.last_mut()
        {
            c.span.end = end;
            extend_article(doc, target, end);
        }
    }

    // Aanhef and considerans.
    if let Some(start) = preamble_start {
        let end = body_start.unwrap_or(text.len());
        doc.aanhef = Some(Span::new(start, end.max(start)));
    }
    if let Some(start) = considerans_start {
        let end = considerans_end.or(body_start).unwrap_or(text.len());
        doc.considerans = Some(Span::new(start, end.max(start)));
    }
    close_spans(doc, text.len());
}

fn prev_non_blank(lines: &[Line], li: usize) -> Option<usize> {
    (0..li)
        .rev()
        .find(|&i| !matches!(lines[i].kind, LineKind::Blank))
}

fn extend_article(doc: &mut Document, ai: usize, end: usize) {
    if let Some(a) = doc.articles.get_mut(ai) {
        a.span.end = a.span.end.max(end);
    }
}

/// Units extend to the next unit of the same or a wider kind; articles to the
/// next heading (their span was already grown line by line).
fn close_spans(doc: &mut Document, len: usize) {
    let n = doc.units.len();
    for i in 0..n {
        let kind = doc.units[i].kind;
        let start = doc.units[i].heading.start;
        let end = doc.units[i + 1..]
            .iter()
            .find(|u| u.kind <= kind || u.kind == UnitKind::Bijlage)
            .map(|u| u.heading.start)
            .unwrap_or_else(|| {
                doc.blocks
                    .iter()
                    .find(|b| b.container == Container::Closing && b.span.start > start)
                    .map(|b| b.span.start)
                    .unwrap_or(len)
            });
        // Never shorter than the content we saw.
        let last_article_end = doc
            .articles
            .iter()
            .filter(|a| a.span.start >= start && a.span.start < end)
            .map(|a| a.span.end)
            .max()
            .unwrap_or(doc.units[i].heading.end);
        doc.units[i].span = Span::new(start, end.max(last_article_end).min(len));
    }
}

fn block_kind(kind: LineKind) -> BlockKind {
    match kind {
        LineKind::Heading(_) | LineKind::UnitLine => BlockKind::Heading,
        LineKind::Lid => BlockKind::Lid,
        LineKind::Onderdeel => BlockKind::Onderdeel,
        LineKind::Sub => BlockKind::SubOnderdeel,
        LineKind::Change => BlockKind::Change,
        LineKind::ListItem => BlockKind::ListItem,
        LineKind::Quote => BlockKind::Quote,
        LineKind::Table => BlockKind::Table,
        LineKind::Comment => BlockKind::Comment,
        LineKind::Html => BlockKind::Meta,
        LineKind::Section | LineKind::Roman | LineKind::Paragraph | LineKind::Blank => {
            BlockKind::Paragraph
        }
    }
}

fn container(phase: Phase, article: Option<usize>, stack: &[usize]) -> Container {
    match (phase, article, stack.last()) {
        (Phase::Preamble, _, _) => Container::Preamble,
        (Phase::Closing, _, _) => Container::Closing,
        (_, Some(index), _) => Container::Article { index },
        (_, None, Some(&index)) => Container::Unit { index },
        _ => Container::Preamble,
    }
}

pub(crate) fn push_block(
    doc: &mut Document,
    kind: BlockKind,
    line: &Line,
    text_span: Span,
    container: Container,
) {
    doc.blocks.push(Block {
        kind,
        span: line.span,
        text: text_span,
        container,
    });
}
