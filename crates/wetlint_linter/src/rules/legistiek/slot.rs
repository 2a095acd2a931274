//! Shared helpers of the rules on final provisions, amendments and wording
//! (LEG-009 to LEG-016): which instrument a text is, its own article text,
//! the inwerkingtreding sentences, quotation checks and article numbering.

use std::sync::LazyLock;

use wetlint_regex::Regex;
use wetlint_syntax::{Article, Block, BlockKind, Clause, Container, Document, DocumentKind, Span};

use crate::Source;
use crate::text::sentences;

/// The instrument a regulation is, as its own text names it ("deze wet").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Instrument {
    Wet,
    Besluit,
    Regeling,
    Beleidsregel,
    Beschikking,
    Reglement,
}

impl Instrument {
    /// "deze wet", "dit besluit", …
    pub(crate) fn this(self) -> &'static str {
        match self {
            Instrument::Wet => "deze wet",
            Instrument::Besluit => "dit besluit",
            Instrument::Regeling => "deze regeling",
            Instrument::Beleidsregel => "deze beleidsregel",
            Instrument::Beschikking => "deze beschikking",
            Instrument::Reglement => "dit reglement",
        }
    }

    /// "De wet", "Het besluit", … (sentence start).
    pub(crate) fn the(self) -> &'static str {
        match self {
            Instrument::Wet => "De wet",
            Instrument::Besluit => "Het besluit",
            Instrument::Regeling => "De regeling",
            Instrument::Beleidsregel => "De beleidsregel",
            Instrument::Beschikking => "De beschikking",
            Instrument::Reglement => "Het reglement",
        }
    }

    /// The instrument a noun names ("rijkswet" → wet), if it names one.
    pub(crate) fn from_noun(noun: &str) -> Option<Instrument> {
        let n = noun.to_lowercase();
        Some(if n == "beleidsregel" || n == "beleidsregels" {
            Instrument::Beleidsregel
        } else if n.ends_with("wet") || n == "wetboek" {
            Instrument::Wet
        } else if n.ends_with("besluit") {
            Instrument::Besluit
        } else if n.ends_with("regeling") {
            Instrument::Regeling
        } else if n.ends_with("beschikking") {
            Instrument::Beschikking
        } else if n.ends_with("reglement") {
            Instrument::Reglement
        } else {
            return None;
        })
    }
}

/// The instrument named by the first words of the opschrift ("Wet van …",
/// "Besluit van …", "Tijdelijke regeling …", "Kiesbesluit …").
pub(crate) fn title_instrument(doc: &Document) -> Option<Instrument> {
    let title = doc.title.as_ref()?.text.as_str();
    title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(3)
        .filter(|w| !w.eq_ignore_ascii_case("voorstel") && !w.eq_ignore_ascii_case("van"))
        .find_map(Instrument::from_noun)
}

/// The instrument of the document kind alone.
pub(crate) fn kind_instrument(kind: DocumentKind) -> Option<Instrument> {
    match kind {
        DocumentKind::Wet => Some(Instrument::Wet),
        DocumentKind::Amvb => Some(Instrument::Besluit),
        DocumentKind::MinisterieleRegeling => Some(Instrument::Regeling),
        DocumentKind::Beleidsregel => Some(Instrument::Beleidsregel),
        _ => None,
    }
}

/// The instrument of a regulation: the opschrift's word first (a
/// ministeriële regeling may be a "Besluit van de Minister"), else the kind.
pub(crate) fn instrument(doc: &Document) -> Option<Instrument> {
    title_instrument(doc).or_else(|| kind_instrument(doc.kind()))
}

/// True for the regulation kinds these rules check (not a toelichting, not unknown).
pub(crate) fn is_checked_regulation(doc: &Document) -> bool {
    doc.kind().is_regulation()
}

/// Where a document-level finding is anchored: the opschrift, else the start.
pub(crate) fn title_anchor(doc: &Document) -> Span {
    doc.title.as_ref().map_or(Span::new(0, 0), |t| t.span)
}

/// "artikel 6.2", "artikel III", "het enig artikel".
pub(crate) fn article_name(a: &Article) -> String {
    if a.number.eq_ignore_ascii_case("enig") {
        "het enig artikel".to_string()
    } else if a.number.is_empty() {
        "het artikel".to_string()
    } else {
        format!("artikel {}", a.number)
    }
}

/// As [`article_name`], with a capital ("Artikel 6.2").
pub(crate) fn article_name_cap(a: &Article) -> String {
    crate::text::capitalize(&article_name(a))
}

/// True for a text block of an article (not its heading or a comment).
fn is_text_block(b: &Block) -> bool {
    !matches!(
        b.kind,
        BlockKind::Heading | BlockKind::Comment | BlockKind::Meta | BlockKind::Title
    )
}

/// The text blocks of the regulation's own articles (not quoted in an
/// amendment), with the article index.
pub(crate) fn own_blocks(doc: &Document) -> impl Iterator<Item = (usize, &Block)> {
    doc.blocks.iter().filter_map(|b| match b.container {
        Container::Article { index }
            if is_text_block(b) && doc.articles.get(index).is_some_and(|a| !a.quoted) =>
        {
            Some((index, b))
        }
        _ => None,
    })
}

/// The text blocks of one article.
pub(crate) fn article_blocks(doc: &Document, index: usize) -> impl Iterator<Item = &Block> {
    doc.blocks
        .iter()
        .filter(move |b| b.container == Container::Article { index } && is_text_block(b))
}

/// The text of an article without its heading, trimmed.
pub(crate) fn article_body<'a>(src: &Source<'a>, index: usize) -> String {
    article_blocks(src.doc, index)
        .map(|b| src.slice(b.text))
        .collect::<Vec<_>>()
        .join("\n")
}

static VERVALLEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:vervallen|vervalt|\[?\s*vervallen[^\]]*\]?|gereserveerd|\[?\s*red\b[^\]]*\]?|wijzigt\s+de\b.*|\[?\s*wijzigt\b.*|bevat\s+wijzigingen\s+in\s+andere\s+regelgeving)\W*$")
        .expect("valid regex")
});

/// True when an article has no text of its own: "[Vervallen]", "Vervallen.",
/// or a consolidation placeholder ("Wijzigt de Mediawet.", "[Red: …]").
pub(crate) fn is_placeholder_article(src: &Source<'_>, index: usize) -> bool {
    // Placeholders are short; skip the work for real articles.
    if src
        .doc
        .articles
        .get(index)
        .is_none_or(|a| a.span.len() > 800)
    {
        return false;
    }
    let body = article_body(src, index);
    let body = body.trim();
    if body.is_empty() {
        return true;
    }
    body.len() < 200 && VERVALLEN.is_match(body)
}

/// True when an article stands in a Bijlage (which may number its own articles).
pub(crate) fn in_bijlage(doc: &Document, a: &Article) -> bool {
    let mut cur = a.unit;
    let mut steps = 0;
    while let Some(u) = cur.and_then(|u| doc.units.get(u)) {
        if u.kind == wetlint_syntax::UnitKind::Bijlage {
            return true;
        }
        cur = u.parent;
        steps += 1;
        if steps > 32 {
            break;
        }
    }
    false
}

/// True when an article amends another regulation ("… wordt als volgt gewijzigd").
pub(crate) fn is_amending(a: &Article) -> bool {
    !a.changes.is_empty() || a.clauses.contains(&Clause::Wijziging)
}

const QUOTES_OPEN: [char; 5] = ['"', '“', '„', '‘', '\''];

/// True when `offset` lies between quotation marks within `span` of `text`
/// (straight quotes are paired; typographic quotes open and close).
pub(crate) fn in_quotes(text: &str, span: Span, offset: usize) -> bool {
    let Some(before) = text.get(span.start..offset.min(span.end)) else {
        return false;
    };
    let mut straight = 0usize;
    let mut curly = 0i32;
    let mut single = 0i32;
    let mut prev: Option<char> = None;
    for c in before.chars() {
        match c {
            '"' => straight += 1,
            '“' | '„' => curly += 1,
            '”' => curly = (curly - 1).max(0),
            // A single quote opens only after a space or at the start, and
            // closes when one is open: an apostrophe ("auto's") is neither.
            '‘' => single += 1,
            '’' | '\'' => {
                if prev.is_none_or(|p| p.is_whitespace() || p == '(') {
                    single += 1;
                } else if single > 0 {
                    single -= 1;
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    straight % 2 == 1 || curly > 0 || single > 0
}

/// The last (at most) `n` bytes of `s`, cut at a character boundary.
pub(crate) fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// True when the text contains any quotation mark.
pub(crate) fn has_quotes(s: &str) -> bool {
    s.chars()
        .any(|c| QUOTES_OPEN.contains(&c) || matches!(c, '”' | '’'))
}

static IWT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:treedt|treden)\b[^.;]{0,200}?\bin\s+werking\b").expect("valid regex")
});
static SELF_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:deze|dit)\s+(rijkswet|wet|besluit|regeling|beschikking|beleidsregel|reglement)\b")
        .expect("valid regex")
});
static PART_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:\d+[.)]?\s+)?(?:de\s+)?(?:artikel(?:en)?|hoofdstuk(?:ken)?|onderde(?:e)?l(?:en)?|paragra(?:af|fen)|afdeling(?:en)?|titel(?:s)?)\s+[IVXLC\d]")
        .expect("valid regex")
});
static PRONOUN_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:\d+[.)]?\s+)?(?:zij|het|hij)\s+(?:treedt|treden)\b")
        .expect("valid regex")
});

/// A sentence by which the regulation provides for its own entry into force.
#[derive(Debug, Clone)]
pub(crate) struct IwtSentence {
    pub article: usize,
    pub span: Span,
    /// The noun of "deze wet" / "dit besluit" as written, lower case.
    pub subject: Option<String>,
}

/// The inwerkingtreding sentences of the regulation's own, non-amending
/// articles: "Deze wet treedt in werking …", "De artikelen I en II treden in
/// werking …", or any such sentence in an article titled "Inwerkingtreding".
pub(crate) fn iwt_sentences(src: &Source<'_>) -> Vec<IwtSentence> {
    let doc = src.doc;
    let mut out = Vec::new();
    let mut rest = Vec::new();
    for (index, b) in own_blocks(doc) {
        let a = &doc.articles[index];
        if is_amending(a) {
            continue;
        }
        let titled = a
            .title
            .as_deref()
            .is_some_and(|t| t.to_lowercase().contains("inwerkingtreding"));
        // "Deze wet kan worden aangehaald als …; zij treedt in werking …":
        // a pronoun counts only next to the citeertitel.
        let pronoun_ok = titled || a.clauses.contains(&Clause::Citeertitel);
        for s in sentences(src.text, b.text) {
            let t = src.slice(s);
            let Some(m) = IWT.find(t) else { continue };
            // "Treedt in werking per 01-08-2015": a consolidation note, not text.
            if t.trim_start().starts_with("Treedt in werking")
                || t.trim_start().starts_with("Treden in werking")
            {
                continue;
            }
            if in_quotes(src.text, b.text, s.start + m.start()) {
                continue;
            }
            // "Deze wet" as the subject: before the end of "treedt … in werking"
            // (not in a later clause about something else).
            let subject = SELF_SUBJECT
                .captures(t)
                .filter(|c| c.get(0).is_some_and(|g| g.start() < m.end()))
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_lowercase());
            let own = subject.is_some()
                || titled
                || PART_SUBJECT.is_match(t)
                || pronoun_ok && PRONOUN_SUBJECT.is_match(t);
            if own {
                out.push(IwtSentence {
                    article: index,
                    span: s,
                    subject,
                });
            } else {
                rest.push(IwtSentence {
                    article: index,
                    span: s,
                    subject,
                });
            }
        }
    }
    // Further sentences of an inwerkingtredingsartikel ("In afwijking van het
    // eerste lid treden artikel I, onderdeel E, … in werking …") belong to it.
    let articles: Vec<usize> = out.iter().map(|s| s.article).collect();
    out.extend(rest.into_iter().filter(|s| articles.contains(&s.article)));
    out.sort_by_key(|s| s.span.start);
    out
}

/// The next article number after `number`: "6.3" → "6.4", "12" → "13",
/// "12a" → "13", "1:1" → "1:2", "III" → "IV". `None` when unclear.
pub(crate) fn next_number(number: &str) -> Option<String> {
    if wetlint_syntax::numbers::is_roman_number(number) {
        let core = number.trim_end_matches(|c: char| c.is_ascii_lowercase());
        let v = wetlint_syntax::numbers::roman_value(core)?;
        return Some(to_roman(v + 1));
    }
    let cut = number.rfind(['.', ':']).map_or(0, |i| i + 1);
    let (head, last) = number.split_at(cut);
    let digits: String = last.chars().take_while(|c| c.is_ascii_digit()).collect();
    let n: u32 = digits.parse().ok()?;
    Some(format!("{head}{}", n + 1))
}

pub(crate) use wetlint_syntax::numbers::to_roman;

/// The heading line of an article with its number replaced by `number` and
/// its title (if the heading has one) by `title`, in the same style
/// ("### Artikel 6.3 Citeertitel" → "### Artikel 6.4 Inwerkingtreding").
/// A heading without a title stays without one ("### Artikel III" → "### Artikel IV").
pub(crate) fn heading_like(src: &Source<'_>, a: &Article, number: &str, title: &str) -> String {
    let line = src.slice(a.heading).trim_end();
    let Some(pos) = find_number(line, &a.number) else {
        return format!("Artikel {number} {title}");
    };
    let head = &line[..pos];
    let rest = &line[pos + a.number.len()..];
    match a.title.as_deref() {
        Some(t) if !t.is_empty() && rest.contains(t) => {
            let tp = rest.find(t).unwrap_or(0);
            format!(
                "{head}{number}{}{title}{}",
                &rest[..tp],
                &rest[tp + t.len()..]
            )
        }
        _ => format!("{head}{number}{rest}").trim_end().to_string(),
    }
}

/// The span of the article number in its heading line.
pub(crate) fn number_span(src: &Source<'_>, a: &Article) -> Option<Span> {
    let line = src.slice(a.heading);
    let pos = find_number(line, &a.number)?;
    let start = a.heading.start + pos;
    Some(Span::new(start, start + a.number.len()))
}

/// Byte position of the article number in a heading line ("Artikel 6.3").
fn find_number(line: &str, number: &str) -> Option<usize> {
    if number.is_empty() {
        return None;
    }
    let lower = line.to_lowercase();
    let from = lower.find("artikel").map_or(0, |i| i + "artikel".len());
    line.get(from..)?.find(number).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_quotes() {
        assert_eq!(next_number("6.3").as_deref(), Some("6.4"));
        assert_eq!(next_number("12a").as_deref(), Some("13"));
        assert_eq!(next_number("1:1").as_deref(), Some("1:2"));
        assert_eq!(next_number("III").as_deref(), Some("IV"));
        assert_eq!(next_number("IX").as_deref(), Some("X"));
        assert_eq!(next_number("enig"), None);
        let t = "In artikel 3 wordt \"moet\" vervangen door: wordt.";
        let span = Span::new(0, t.len());
        assert!(in_quotes(t, span, t.find("moet").unwrap_or(0)));
        assert!(!in_quotes(t, span, t.find("wordt.").unwrap_or(0)));
        let t = "De auto's van het college moeten worden gekeurd.";
        assert!(!in_quotes(
            t,
            Span::new(0, t.len()),
            t.find("moeten").unwrap_or(0)
        ));
        assert_eq!(
            Instrument::from_noun("Kiesbesluit"),
            Some(Instrument::Besluit)
        );
        assert_eq!(Instrument::from_noun("Rijkswet"), Some(Instrument::Wet));
    }
}
