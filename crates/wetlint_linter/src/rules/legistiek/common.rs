//! Helpers shared by the LEG rules: Dutch number words, document-kind
//! questions, quotation and sentence context, and the guards that tell a
//! consolidated real law from a draft.

use std::sync::LazyLock;

use wetlint_regex::Regex;
use wetlint_syntax::{Article, Document, DocumentKind, Span};

use crate::context::Source;
use crate::text::sentences;

pub(crate) use wetlint_syntax::numbers::ordinal_word;

/// "één", "twee", … "twintig"; larger numbers as digits.
pub(crate) fn cardinal_word(n: usize) -> String {
    const W: [&str; 21] = [
        "nul",
        "één",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "zeven",
        "acht",
        "negen",
        "tien",
        "elf",
        "twaalf",
        "dertien",
        "veertien",
        "vijftien",
        "zestien",
        "zeventien",
        "achttien",
        "negentien",
        "twintig",
    ];
    W.get(n).map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// "artikel 3.2", or "het enig artikel".
pub(crate) fn article_name(number: &str) -> String {
    if number == "enig" {
        "het enig artikel".to_string()
    } else {
        format!("artikel {number}")
    }
}

/// "deze wet", "dit besluit", "deze regeling", … for messages.
pub(crate) fn this_regulation(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Wet => "deze wet",
        DocumentKind::Amvb => "dit besluit",
        DocumentKind::MinisterieleRegeling => "deze regeling",
        DocumentKind::Beleidsregel => "deze beleidsregel",
        DocumentKind::Wijzigingsregeling => "deze wijzigingsregeling",
        _ => "deze regeling",
    }
}

/// The document kind, corrected for a royal decree that the model took for a
/// ministeriële regeling because its first article starts with "Onze Minister
/// van …" (the opschrift says "Besluit", or the aanhef "bij de gratie Gods").
pub(crate) fn effective_kind(src: &Source<'_>) -> DocumentKind {
    let doc = src.doc;
    let kind = doc.kind();
    if kind != DocumentKind::MinisterieleRegeling {
        return kind;
    }
    let title = doc
        .title
        .as_ref()
        .map(|t| t.text.to_lowercase())
        .unwrap_or_default();
    let royal = doc
        .aanhef
        .is_some_and(|a| src.slice(a).to_lowercase().contains("bij de gratie gods"));
    if title.starts_with("besluit") || royal {
        DocumentKind::Amvb
    } else {
        kind
    }
}

static AMENDING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:voorstel\s+van\s+)?(?:rijks)?wet|besluit|regeling|beleidsregel)\b[^(]{0,200}?,\s*(?:houdende|tot|inzake)\s+(?:(?:een\s+)?(?:wijziging|aanpassing|intrekking)|wijzigen|intrekken)\b|^\s*(?:wijzigings|intrekkings|aanpassings|invoerings|reparatie|verzamel)(?:wet|besluit|regeling)\b",
    )
    .expect("valid regex")
});

/// True for a wijzigingsregeling, or a regulation that only amends or
/// withdraws others (all own articles Roman, or an amending opschrift).
pub(crate) fn is_amending(doc: &Document) -> bool {
    if doc.kind() == DocumentKind::Wijzigingsregeling {
        return true;
    }
    let mut own = doc
        .own_articles()
        .filter(|(_, a)| !a.number.is_empty())
        .peekable();
    if own.peek().is_some() && own.all(|(_, a)| a.is_roman()) {
        return true;
    }
    doc.title
        .as_ref()
        .is_some_and(|t| AMENDING_TITLE.is_match(&t.text))
}

/// True when most own articles carry Roman numbers.
pub(crate) fn mostly_roman(doc: &Document) -> bool {
    let (mut roman, mut all) = (0usize, 0usize);
    for (_, a) in doc.own_articles() {
        all += 1;
        roman += usize::from(a.is_roman());
    }
    all > 0 && roman * 2 > all
}

/// True when `offset` stands inside quotation marks within `span`
/// (double quotes, „…”, “…”, «…», and single ‘…’; a ’ inside a word is an
/// apostrophe).
pub(crate) fn in_quotes(text: &str, span: Span, offset: usize) -> bool {
    let Some(before) = text.get(span.start..offset.min(span.end)) else {
        return false;
    };
    let mut depth: i32 = 0;
    let mut single: i32 = 0;
    let mut straight = false;
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '„' | '“' | '«' => depth += 1,
            '”' | '»' => depth = (depth - 1).max(0),
            '"' => straight = !straight,
            '‘' => single += 1,
            '’' if single > 0 && !chars.peek().is_some_and(|n| n.is_alphabetic()) => single -= 1,
            _ => {}
        }
    }
    depth > 0 || single > 0 || straight
}

/// The sentence of the block around `offset` (the whole block if none is found).
pub(crate) fn sentence_at(src: &Source<'_>, block: Span, offset: usize) -> Span {
    sentences(src.text, block)
        .into_iter()
        .find(|s| s.start <= offset && offset < s.end.max(s.start + 1))
        .unwrap_or(block)
}

/// The text block (line) of a document that contains `offset`.
pub(crate) fn block_at(doc: &Document, offset: usize) -> Option<&wetlint_syntax::Block> {
    let i = doc
        .blocks
        .partition_point(|b| b.span.start <= offset)
        .checked_sub(1)?;
    let b = &doc.blocks[i];
    (b.span.start <= offset && offset <= b.span.end).then_some(b)
}

static VERVALLEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:\[\s*)?(?:vervallen|vervalt|ingetrokken|gereserveerd)\b")
        .expect("valid regex")
});

/// True when an article is repealed in a consolidated text ("Artikel 5
/// [Vervallen]", or a body that only says "[Vervallen per 01-01-2010]").
pub(crate) fn is_vervallen(src: &Source<'_>, article: &Article) -> bool {
    if article
        .title
        .as_deref()
        .is_some_and(|t| t.to_lowercase().contains("vervallen"))
    {
        return true;
    }
    let heading = src.slice(article.heading).to_lowercase();
    if heading.contains("vervallen") || heading.contains("[gereserveerd") {
        return true;
    }
    let body = src
        .text
        .get(article.heading.end..article.span.end)
        .unwrap_or("");
    let body = body.trim();
    body.is_empty() || VERVALLEN.is_match(body) && body.chars().count() < 120
}

/// True when `offset` lies in the bijlagen of a regulation: after the first
/// Bijlage heading. (Bijlagen stand at the end; divisions inside a bijlage,
/// such as "§ 2", are not nested under it in the model.)
pub(crate) fn in_bijlage(doc: &Document, offset: usize) -> bool {
    doc.units
        .iter()
        .find(|u| u.kind == wetlint_syntax::UnitKind::Bijlage)
        .is_some_and(|u| offset >= u.heading.start)
}

/// Byte spans of Markdown link targets `](…)` in `text[span]`, which are
/// paths and URLs, not prose.
pub(crate) fn link_targets(text: &str, span: Span) -> Vec<Span> {
    static LINK_TARGET: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\]\([^)\s]*\)").expect("valid regex"));
    let t = text.get(span.start..span.end).unwrap_or("");
    if !t.contains("](") {
        return Vec::new();
    }
    LINK_TARGET
        .find_iter(t)
        .map(|m| Span::new(span.start + m.start(), span.start + m.end()))
        .collect()
}

/// Lowercases and strips diacritics and everything that is not a letter or
/// digit, for alphabetical comparison ("één" → "een").
pub(crate) fn sort_key(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| {
            Some(match c {
                'á' | 'à' | 'ä' | 'â' => 'a',
                'é' | 'è' | 'ë' | 'ê' => 'e',
                'í' | 'ì' | 'ï' | 'î' => 'i',
                'ó' | 'ò' | 'ö' | 'ô' => 'o',
                'ú' | 'ù' | 'ü' | 'û' => 'u',
                'ç' => 'c',
                c if c.is_alphanumeric() => c,
                ' ' => ' ',
                _ => return None,
            })
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(ordinal_word(4), Some("vierde"));
        assert_eq!(ordinal_word(0), None);
        assert_eq!(cardinal_word(3), "drie");
        assert_eq!(cardinal_word(31), "31");
        assert_eq!(sort_key("*Één* Minister"), "een minister");
    }

    #[test]
    fn quotes() {
        let t = "wordt „lid 2” vervangen door lid 3";
        let s = Span::new(0, t.len());
        assert!(in_quotes(t, s, t.find("lid 2").unwrap_or(0)));
        assert!(!in_quotes(t, s, t.rfind("lid 3").unwrap_or(0)));
    }
}
