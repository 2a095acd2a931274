//! Recognises the template clauses of Aanwijzingen §1.4 in articles, and the
//! citeertitel.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{BlockKind, Clause, Container, Document, Span, Spanned};

static INWERKINGTREDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:treedt|treden)\b[^.;]{0,200}?\bin\s+werking\b").expect("valid regex")
});
static CITEERTITEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:wordt|worden|kan\s+worden)\s+aangehaald\s+als\s*:?\s*")
        .expect("valid regex")
});
static HARDHEID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)onbillijkhe(?:id|den)\s+van\s+overwegende\s+aard").expect("valid regex")
});
static EVALUATIE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bverslag\b[^.]{0,120}\b(?:doeltreffendheid|effecten)\b|\bevaluatie\b[^.]{0,80}\b(?:wet|besluit|regeling)\b")
        .expect("valid regex")
});
static INTREKKING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bwordt\s+ingetrokken\b|\bworden\s+ingetrokken\b").expect("valid regex")
});
static HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:deze\s+wet|dit\s+besluit|deze\s+regeling|deze\s+beleidsregel)\s+vervalt\b",
    )
    .expect("valid regex")
});
static WIJZIGING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bwordt\s+als\s+volgt\s+gewijzigd").expect("valid regex"));

pub(crate) fn classify(text: &str, doc: &mut Document) {
    let mut per_article: Vec<Vec<Clause>> = vec![Vec::new(); doc.articles.len()];
    let mut citeertitel: Option<Spanned> = None;
    for b in &doc.blocks {
        let Container::Article { index } = b.container else {
            continue;
        };
        if matches!(b.kind, BlockKind::Heading | BlockKind::Comment) || doc.articles[index].quoted {
            continue;
        }
        let t = text.get(b.text.start..b.text.end).unwrap_or("");
        let set = &mut per_article[index];
        let mut add = |c: Clause| {
            if !set.contains(&c) {
                set.push(c);
            }
        };
        if INWERKINGTREDING.is_match(t) {
            add(Clause::Inwerkingtreding);
        }
        if let Some(m) = CITEERTITEL.find(t) {
            add(Clause::Citeertitel);
            if citeertitel.is_none() {
                let rest = &t[m.end()..];
                let title = clean_citeertitel(rest);
                if !title.is_empty() {
                    let start = b.text.start + m.end() + (rest.len() - rest.trim_start().len());
                    citeertitel = Some(Spanned {
                        span: Span::new(start, (start + title.len()).min(b.text.end)),
                        text: title,
                    });
                }
            }
        }
        if HARDHEID.is_match(t) {
            add(Clause::Hardheidsclausule);
        }
        if EVALUATIE.is_match(t) {
            add(Clause::Evaluatiebepaling);
        }
        if INTREKKING.is_match(t) {
            add(Clause::Intrekking);
        }
        if HORIZON.is_match(t) {
            add(Clause::Horizonbepaling);
        }
        if WIJZIGING.is_match(t) {
            add(Clause::Wijziging);
        }
    }
    for (i, a) in doc.articles.iter_mut().enumerate() {
        let mut set = std::mem::take(&mut per_article[i]);
        let title = a.title.as_deref().unwrap_or("").to_lowercase();
        let from_title = [
            ("begripsbepaling", Clause::Begripsbepalingen),
            ("definities", Clause::Begripsbepalingen),
            ("inwerkingtreding", Clause::Inwerkingtreding),
            ("citeertitel", Clause::Citeertitel),
            ("hardheidsclausule", Clause::Hardheidsclausule),
            ("evaluatie", Clause::Evaluatiebepaling),
            ("overgang", Clause::Overgangsrecht),
            ("intrekking", Clause::Intrekking),
        ];
        for (word, clause) in from_title {
            if title.contains(word) && !set.contains(&clause) {
                set.push(clause);
            }
        }
        if !a.changes.is_empty() && !set.contains(&Clause::Wijziging) {
            set.push(Clause::Wijziging);
        }
        a.clauses = set;
    }
    for d in &doc.definitions {
        if let Some(a) = d.article.and_then(|a| doc.articles.get_mut(a))
            && !a.clauses.contains(&Clause::Begripsbepalingen)
        {
            a.clauses.push(Clause::Begripsbepalingen);
        }
    }
    doc.citeertitel = citeertitel;
}

fn clean_citeertitel(rest: &str) -> String {
    let t = rest.trim();
    // Up to the end of the sentence: a final period, or ". " followed by a capital.
    let end = t
        .char_indices()
        .find(|&(i, c)| {
            c == '.' && {
                let after = &t[i + 1..];
                after.trim().is_empty()
                    || after.starts_with(' ') && after.trim_start().starts_with(char::is_uppercase)
            }
        })
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    t[..end]
        .trim()
        .trim_matches(|c: char| matches!(c, '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '*'))
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn citeertitel_sentence() {
        assert_eq!(
            super::clean_citeertitel(" Wet tegemoetkoming 2027. "),
            "Wet tegemoetkoming 2027"
        );
        assert_eq!(super::clean_citeertitel("„Wet X”."), "Wet X");
    }
}
