//! Begripsbepalingen: "In deze wet wordt verstaan onder: a. term: definitie;".
//!
//! Recognised forms: the Ar 5.3 list (intro followed by onderdelen), the
//! inline list ("… verstaan onder: term: definitie; term: definitie."), the
//! single inline definition ("wordt verstaan onder inkomen: het …") and the
//! older "Onder X wordt verstaan: …" / "wordt onder X verstaan …".

use std::sync::LazyLock;

use regex::Regex;

use crate::build::text_of;
use crate::model::*;

static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:wordt|worden)\s+(?:,\s*tenzij\s+anders\s+(?:is\s+)?bepaald,\s+|mede\s+|telkens\s+)?(?:verstaan|begrepen)\s+onder\b\s*(:)?")
        .expect("valid regex")
});
static ONDER_X: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.;:]\s+|\b(?:wordt|worden)\s+)onder\s+(.{1,100}?)\s+(?:(?:wordt|worden)\s+)?(?:mede\s+)?verstaan\s*:?\s*(.+)")
        .expect("valid regex")
});
static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in|voor\s+de\s+toepassing\s+van)\s+(?:het\s+bij\s+of\s+krachtens\s+)?(?:deze|dit|die|dat|de)\s+(wet|besluit|regeling|beleidsregel|artikel|hoofdstuk|afdeling|titel|paragraaf|boek|deel|onderdeel|lid|bijlage)\b")
        .expect("valid regex")
});
static BERUSTENDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bdaarop\s+(?:berustende|rustende)\b").expect("valid regex"));
static REFERENCE_DEF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:als\s+bedoeld\s+in|bedoeld\s+in|genoemd\s+in)\s+(?:artikel|de\s+artikelen|hoofdstuk|afdeling|titel)\b[^;]*\bvan\s+(?:de|het|die)\b")
        .expect("valid regex")
});

static HETGEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(.{1,400}?),?\s+hetgeen\s+(?:daaronder|daarin|daarbij)\s+(?:wordt\s+)?(?:verstaan|begrepen)\s+").expect("valid regex")
});
static TERM_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:,|\ben\b|\bonderscheidenlijk\b|\brespectievelijk\b)\s*")
        .expect("valid regex")
});

fn scope_of(intro_sentence: &str) -> DefinitionScope {
    let berustende = BERUSTENDE.is_match(intro_sentence);
    match SCOPE
        .captures(intro_sentence)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_lowercase())
        .as_deref()
    {
        Some("artikel" | "lid" | "onderdeel") => DefinitionScope::Artikel,
        Some("hoofdstuk") => DefinitionScope::Unit {
            kind: UnitKind::Hoofdstuk,
        },
        Some("afdeling") => DefinitionScope::Unit {
            kind: UnitKind::Afdeling,
        },
        Some("titel") => DefinitionScope::Unit {
            kind: UnitKind::Titel,
        },
        Some("paragraaf") => DefinitionScope::Unit {
            kind: UnitKind::Paragraaf,
        },
        Some("boek") => DefinitionScope::Unit {
            kind: UnitKind::Boek,
        },
        Some("deel") => DefinitionScope::Unit {
            kind: UnitKind::Deel,
        },
        Some("bijlage") => DefinitionScope::Unit {
            kind: UnitKind::Bijlage,
        },
        _ => DefinitionScope::Regeling { berustende },
    }
}

/// Splits "term: definitie" at the first colon, if the term is plausible.
fn split_entry(s: &str) -> Option<(usize, usize, usize)> {
    // Returns (term_start, term_end, def_start) as offsets into `s`.
    let colon = s.find(':')?;
    let head = &s[..colon];
    if head.chars().count() > 120 || head.trim().is_empty() {
        return None;
    }
    // A term is a noun phrase, not a sentence: no sentence-internal period
    // (but "nr. 995/2010" is fine).
    let sentence_break = head
        .match_indices(". ")
        .any(|(i, _)| head[i + 2..].chars().next().is_some_and(char::is_uppercase));
    if sentence_break || head.contains(';') {
        return None;
    }
    let lead = head.len()
        - head
            .trim_start_matches(|c: char| c.is_whitespace() || "*_\"'„“”‘’«»–—-•".contains(c))
            .len();
    let trail = head
        .trim_end_matches(|c: char| c.is_whitespace() || "*_\"'„“”‘’«»".contains(c))
        .len();
    if trail <= lead {
        return None;
    }
    Some((lead, trail, colon + 1))
}

/// "*minister*Minister van …" or "*‘Rijksdienst’* het …": an emphasised term without a colon.
fn emphasised_term(s: &str) -> Option<(usize, usize, usize)> {
    static EMPH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:[a-z]{1,2}\.\s*)?[*_]+[‘'“„\x22]?([^*_‘’'“”„\x22]{1,80}?)[’'”\x22]?[*_]+\s*:?\s*\S").expect("valid regex")
    });
    let c = EMPH.captures(s)?;
    let t = c.get(1)?;
    let end = c.get(0)?.end() - 1;
    Some((t.start(), t.end(), end))
}

fn clean_definition(s: &str) -> String {
    let t = s.trim().trim_start_matches(['*', '_']).trim();
    let t = t
        .trim_end_matches(|c: char| c.is_whitespace() || c == ';' || c == ',')
        .trim();
    let t = t
        .strip_suffix(" en")
        .or_else(|| t.strip_suffix(" of"))
        .unwrap_or(t);
    let t = t.trim_end_matches([';', ',', '.']).trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn push_def(
    doc: &mut Document,
    text: &str,
    entry: Span,
    article: Option<usize>,
    scope: DefinitionScope,
    extension: bool,
) -> bool {
    let s = text.get(entry.start..entry.end).unwrap_or("");
    let Some((ts, te, ds)) = split_entry(s).or_else(|| emphasised_term(s)) else {
        return false;
    };
    let term = s[ts..te].trim().to_string();
    let definition = clean_definition(&s[ds..]);
    if term.is_empty() || term.split_whitespace().count() > 12 {
        return false;
    }
    doc.definitions.push(Definition {
        reference_definition: REFERENCE_DEF.is_match(&definition),
        term,
        definition,
        term_span: Span::new(entry.start + ts, entry.start + te),
        span: entry,
        article,
        scope,
        extension,
    });
    true
}

/// A table row "| term | definitie |" (separator rows are skipped).
fn push_table_def(
    doc: &mut Document,
    text: &str,
    row: Span,
    article: Option<usize>,
    scope: DefinitionScope,
    extension: bool,
) -> bool {
    let s = text_of(text, Some(row));
    let mut cells = Vec::new();
    let mut off = 0;
    for cell in s.split('|') {
        let start = row.start + off;
        off += cell.len() + 1;
        let trimmed = cell.trim();
        if trimmed.is_empty() || trimmed.chars().all(|c| matches!(c, '-' | ':' | ' ')) {
            continue;
        }
        let lead = cell.len() - cell.trim_start().len();
        cells.push((
            Span::new(start + lead, start + lead + trimmed.len()),
            trimmed,
        ));
    }
    let [(term_span, term), rest @ ..] = cells.as_slice() else {
        return false;
    };
    if rest.is_empty() {
        return false;
    }
    let term = term.trim_matches(|c: char| "*_:\"'„“”‘’".contains(c) || c.is_whitespace());
    // Skip enumeration cells ("a.", "1°").
    let (term_span, term, rest) =
        if enumeration_label_len(&format!("{term} ")) > 0 && rest.len() >= 2 {
            (
                rest[0].0,
                rest[0].1.trim_matches(|c: char| "*_:".contains(c)),
                &rest[1..],
            )
        } else {
            (*term_span, term, rest)
        };
    if term.is_empty() || term.split_whitespace().count() > 12 {
        return false;
    }
    let definition = clean_definition(&rest.iter().map(|(_, t)| *t).collect::<Vec<_>>().join(" "));
    doc.definitions.push(Definition {
        term: term.to_string(),
        reference_definition: REFERENCE_DEF.is_match(&definition),
        definition,
        term_span,
        span: row,
        article,
        scope,
        extension,
    });
    true
}

pub(crate) fn collect(text: &str, doc: &mut Document) {
    let blocks: Vec<Block> = doc.blocks.clone();
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        // Definitions stand in articles, but some regulations (reglementen,
        // regelingen without article headings) put them in the body text.
        let ai = match b.container {
            Container::Article { index } => Some(index),
            Container::Unit { .. } | Container::Preamble => None,
            _ => {
                i += 1;
                continue;
            }
        };
        if ai.is_some_and(|a| doc.articles[a].quoted)
            || matches!(
                b.kind,
                BlockKind::Heading | BlockKind::Comment | BlockKind::Title
            )
        {
            i += 1;
            continue;
        }
        let t = text_of(text, Some(b.text));
        if let Some(m) = INTRO.captures(t) {
            let whole = m.get(0).map_or(0..0, |g| g.range());
            let intro = &t[..whole.end];
            let scope = scope_of(intro);
            let extension = intro.to_lowercase().contains("mede");
            let rest_start = b.text.start + whole.end;
            let rest = text_of(text, Some(Span::new(rest_start, b.text.end)));
            let mut found = 0;
            if !rest.trim().is_empty() {
                // 0. "onder A, B respectievelijk C, hetgeen daaronder wordt verstaan in artikel 1 van …".
                if let Some(c) = HETGEEN.captures(rest) {
                    let list = c.get(1).map_or("", |m| m.as_str());
                    let list_start = rest_start + c.get(1).map_or(0, |m| m.start());
                    let definition = clean_definition(&rest[c.get(0).map_or(0, |m| m.end())..]);
                    for tm in TERM_SEP.split(list).filter(|t| !t.trim().is_empty()) {
                        let off = tm.as_ptr() as usize - list.as_ptr() as usize;
                        let term = tm.trim();
                        let lead = tm.len() - tm.trim_start().len();
                        let ts = list_start + off + lead;
                        doc.definitions.push(Definition {
                            term: term.to_string(),
                            definition: definition.clone(),
                            term_span: Span::new(ts, ts + term.len()),
                            span: b.text,
                            article: ai,
                            scope,
                            reference_definition: true,
                            extension,
                        });
                    }
                    i += 1;
                    continue;
                }
                // 1. Inline: "… verstaan onder: a: b; c: d." or "… onder inkomen: het …".
                let had_colon = m.get(1).is_some();
                let mut offset = rest_start;
                for piece in rest.split(';') {
                    let span = Span::new(offset, offset + piece.len());
                    offset += piece.len() + 1;
                    let piece_trim =
                        piece.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
                    let skip = piece.len() - piece_trim.len();
                    // Strip an enumeration label "a." / "1°".
                    let label_len = enumeration_label_len(piece_trim);
                    let entry = Span::new(span.start + skip + label_len, span.end);
                    if push_def(doc, text, entry, ai, scope, extension) {
                        found += 1;
                    } else if !had_colon {
                        break;
                    }
                }
            }
            // 2. The Ar 5.3 list: onderdelen that follow, within this article.
            let mut j = i + 1;
            while j < blocks.len() {
                let nb = &blocks[j];
                if nb.container != b.container {
                    break;
                }
                match nb.kind {
                    BlockKind::Onderdeel | BlockKind::ListItem => {
                        let ok = push_def(doc, text, nb.text, ai, scope, extension);
                        // Extend the previous definition over following sub-onderdelen.
                        found += usize::from(ok);
                        j += 1;
                    }
                    BlockKind::SubOnderdeel | BlockKind::Comment => {
                        // laws-markdown glues the next "– term: definitie" onto a sub-onderdeel.
                        let sub_text = text_of(text, Some(nb.text));
                        let mut off = nb.text.start;
                        let mut glued = 0;
                        for (k, piece) in sub_text.split(';').enumerate() {
                            let span = Span::new(off, off + piece.len());
                            off += piece.len() + 1;
                            if k > 0 && piece.trim_start().starts_with(['–', '—', '-', '•']) {
                                glued +=
                                    usize::from(push_def(doc, text, span, ai, scope, extension));
                            }
                        }
                        found += glued;
                        if glued > 0 {
                            j += 1;
                            continue;
                        }
                        if let Some(d) = doc.definitions.last_mut()
                            && d.article == ai
                        {
                            d.span.end = nb.span.end;
                            if d.definition.is_empty() || d.definition.ends_with(':') {
                                let sub = clean_definition(text_of(text, Some(nb.text)));
                                d.definition =
                                    format!("{} {}", d.definition.trim_end_matches(':'), sub)
                                        .trim()
                                        .to_string();
                            }
                        }
                        j += 1;
                    }
                    // "1. term: definitie;" after an intro that is not itself a lid.
                    BlockKind::Lid if b.kind != BlockKind::Lid => {
                        if !push_def(doc, text, nb.text, ai, scope, extension) {
                            break;
                        }
                        found += 1;
                        j += 1;
                    }
                    // "| term | definitie |" tables.
                    BlockKind::Table => {
                        found +=
                            usize::from(push_table_def(doc, text, nb.span, ai, scope, extension));
                        j += 1;
                    }
                    BlockKind::Paragraph if rest.trim().is_empty() && found == 0 => {
                        // Definitions written as plain paragraphs "term: definitie;".
                        let ok = push_def(doc, text, nb.text, ai, scope, extension);
                        if !ok {
                            break;
                        }
                        found += 1;
                        j += 1;
                    }
                    _ => break,
                }
            }
            i = j.max(i + 1);
            continue;
        }
        // 3. "Onder X wordt verstaan: …".
        if let Some(c) = ONDER_X.captures(t)
            && let (Some(term), Some(def)) = (c.get(1), c.get(2))
        {
            let term_text = term
                .as_str()
                .trim_matches(|c: char| c.is_whitespace() || "*_\"'„“”‘’".contains(c));
            let negated = term_text
                .split_whitespace()
                .any(|w| matches!(w, "niet" | "wordt" | "worden" | "mede"));
            if !term_text.is_empty()
                && !negated
                && term_text.split_whitespace().count() <= 8
                && !term_text.contains(',')
            {
                let lead = term.as_str().find(term_text).unwrap_or(0);
                let ts = b.text.start + term.start() + lead;
                let definition = clean_definition(def.as_str());
                doc.definitions.push(Definition {
                    term: term_text.to_string(),
                    reference_definition: REFERENCE_DEF.is_match(&definition),
                    definition,
                    term_span: Span::new(ts, ts + term_text.len()),
                    span: b.text,
                    article: ai,
                    scope: scope_of(t),
                    extension: false,
                });
            }
        }
        i += 1;
    }
}

fn enumeration_label_len(s: &str) -> usize {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[a-z]{1,2}\.|\d+[°º]\.?|\d+\.)\s+").expect("valid regex")
    });
    LABEL.find(s).map_or(0, |m| m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_entries() {
        let s = "*Onze Minister*: Onze Minister van Financiën;";
        let (a, b, _) = split_entry(s).unwrap_or((0, 0, 0));
        assert_eq!(&s[a..b], "Onze Minister");
        assert!(split_entry("Dit is een zin. En nog een: x").is_none());
        assert_eq!(
            clean_definition(" degene die iets doet; en"),
            "degene die iets doet"
        );
    }

    #[test]
    fn scopes() {
        assert_eq!(
            scope_of("In deze wet en de daarop berustende bepalingen wordt verstaan onder"),
            DefinitionScope::Regeling { berustende: true }
        );
        assert_eq!(
            scope_of("In dit artikel wordt verstaan onder"),
            DefinitionScope::Artikel
        );
        assert_eq!(
            scope_of("In deze afdeling wordt verstaan onder"),
            DefinitionScope::Unit {
                kind: UnitKind::Afdeling
            }
        );
    }
}
