//! Text helpers shared by rules: sentences, proximity, argument detection.

use std::ops::Range;

use wetlint_syntax::Span;

use crate::context::Context;
use crate::finding::Which;

/// Sentence spans of `text[span]`: split at ". ", "? ", "! " followed by an
/// uppercase letter, digit or quote, and at ";" followed by a space; never
/// inside a number ("1.1") or common abbreviations ("o.a.", "bijv.", "nr.").
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let t = text.get(span.start..span.end).unwrap_or("");
    let bytes = t.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'?' | b'!' | b';') && bytes.get(i + 1) == Some(&b' ') {
            let next = t[i + 2..].chars().next();
            let word_before = t[..i]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            let abbrev = b == b'.'
                && (word_before.len() <= 3
                    && word_before.chars().all(|c| c.is_lowercase() || c == '.')
                    || matches!(
                        word_before,
                        "bijv"
                            | "nr"
                            | "art"
                            | "jo"
                            | "Stb"
                            | "Stcrt"
                            | "blz"
                            | "i.v.m"
                            | "o.a"
                            | "m.u.v"
                    ));
            let boundary = b == b';'
                || next.is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || "„\"'‘“(".contains(c)
                });
            if boundary && !abbrev {
                out.push(Span::new(span.start + start, span.start + i + 1));
                start = i + 2;
            }
        }
        i += 1;
    }
    if start < t.len() && !t[start..].trim().is_empty() {
        out.push(Span::new(span.start + start, span.end));
    }
    out
}

/// The sentence (within its block) that contains `offset`, and the one after it.
pub fn sentence_and_next(
    ctx: &Context<'_>,
    which: Which,
    offset: usize,
) -> Option<(Span, Option<Span>)> {
    let src = match which {
        Which::Regeling => ctx.regeling,
        Which::Toelichting => ctx.toelichting,
    }?;
    let block = ctx.block_at(which, offset)?;
    let sents = sentences(src.text, block.text);
    let i = sents
        .iter()
        .position(|s| s.start <= offset && offset < s.end.max(s.start + 1))?;
    let next = sents.get(i + 1).copied().or_else(|| {
        // The first sentence of the next block of the same container.
        let blocks = &src.doc.blocks;
        let bi = blocks.iter().position(|b| std::ptr::eq(b, block))?;
        let nb = blocks
            .get(bi + 1)
            .filter(|nb| nb.container == block.container)?;
        sentences(src.text, nb.text).first().copied()
    });
    Some((sents[i], next))
}

/// A fix that inserts a new section into the toelichting, before the
/// artikelsgewijze part (or at the end), in the document's heading style.
pub fn insert_section_fix(ctx: &Context<'_>, title: &str, body: &str) -> Option<crate::FixSpec> {
    let t = ctx.toelichting?;
    let keys = ctx.section_keys();
    let doc = t.doc;
    // Insert before the first artikelsgewijs section that is a deel heading.
    let before = doc
        .sections
        .iter()
        .enumerate()
        .find(|(i, s)| {
            s.artikelsgewijs
                && keys
                    .get(*i)
                    .is_some_and(|k| k.contains(&wetlint_data::SectionKey::Artikelsgewijs))
        })
        .map(|(_, s)| s.heading.start);
    let at = before.unwrap_or(t.text.len());
    // Heading depth: as the existing level-2 sections, if Markdown.
    let hashes = doc
        .sections
        .iter()
        .find(|s| s.level == 2)
        .and_then(|s| t.text.get(s.heading.start..s.heading.end))
        .map(|h| h.chars().take_while(|c| *c == '#').count())
        .unwrap_or(0);
    let heading = if hashes > 0 {
        format!("{} {title}", "#".repeat(hashes))
    } else {
        title.to_string()
    };
    let lead = if at > 0 && !t.text[..at].ends_with("\n\n") {
        if t.text[..at].ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        }
    } else {
        ""
    };
    Some(crate::FixSpec {
        title: format!("Voeg een paragraaf '{title}' toe"),
        safe: false,
        edits: vec![crate::FixEdit {
            which: Which::Toelichting,
            span: Span::new(at, at),
            content: format!("{lead}{heading}\n\n{body}\n\n"),
        }],
    })
}

/// True when two byte ranges are within `distance` bytes of each other.
pub fn near(a: &Range<usize>, b: &Range<usize>, distance: usize) -> bool {
    a.start <= b.end + distance && b.start <= a.end + distance
}

/// True when `offset` lies within `span`.
pub fn inside(span: Span, offset: usize) -> bool {
    span.start <= offset && offset < span.end
}

/// First-letter uppercase, for messages that start with a name.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Joins names as Dutch prose: "a", "a en b", "a, b en c".
pub fn join_nl(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {}", init.join(", "), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences() {
        let t =
            "Dit is zin één. Zie artikel 1.1 van de wet; en verder. Bijv. niet hier. 2027 komt.";
        let s: Vec<&str> = sentences(t, Span::new(0, t.len()))
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect();
        assert_eq!(
            s,
            [
                "Dit is zin één.",
                "Zie artikel 1.1 van de wet;",
                "en verder.",
                "Bijv. niet hier.",
                "2027 komt."
            ]
        );
        assert_eq!(join_nl(&["a".into(), "b".into(), "c".into()]), "a, b en c");
    }
}
