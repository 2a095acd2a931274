use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Definition, DefinitionScope, Document, Span, UnitKind};

use super::common::{block_at, sentence_at, this_regulation};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of elk begrip uit de begripsbepalingen ergens anders in de regeling
    /// wordt gebruikt, binnen het bereik van de definitie (de hele regeling,
    /// het hoofdstuk of het artikel). Verbogen vormen tellen mee: meervoud
    /// ("aanvragen" bij "aanvraag", "personen" bij "persoon"), verkleinwoord,
    /// buigings-e, en samenstellingen ("WW-uitkering" bij "uitkering").
    /// Gebruik in een andere begripsbepaling telt ook.
    ///
    /// De regel zwijgt bij een begripsbepaling die een begrip uitbreidt ("wordt
    /// mede verstaan onder"), en bij een begripsbepaling met meer begrippen
    /// ("werkgever en werknemer") zodra één ervan wordt gebruikt. Geldt de
    /// begripsbepaling ook voor "de daarop berustende bepalingen", dan is het
    /// een hint: het begrip kan voor de uitvoeringsregelingen bedoeld zijn.
    ///
    /// ## Waarom
    /// Een begripsbepaling bestaat om een lange omschrijving niet steeds te
    /// herhalen en om een term een vaste betekenis te geven. Een begrip dat
    /// nergens wordt gebruikt, maakt de regeling langer zonder iets te regelen
    /// en wekt de vraag of een bepaling is vergeten of geschrapt. In bestaande
    /// wetgeving blijft zo'n begrip vaak achter nadat de artikelen waarin het
    /// stond zijn vervallen.
    ///
    /// ## Voorbeeld
    /// Artikel 1 definieert "rechthebbende", maar de artikelen spreken alleen
    /// van "de aanvrager" en "de betrokkene".
    ///
    /// ## In plaats daarvan
    /// Schrap de begripsbepaling, of gebruik het begrip in de bepaling
    /// waarvoor het bedoeld was. Is het begrip bedoeld voor een algemene
    /// maatregel van bestuur of ministeriële regeling, laat het dan staan met
    /// "en de daarop berustende bepalingen".
    ///
    /// ## Bron
    /// Aanwijzing 5.1 en 5.3 (begripsbepalingen); Aanwijzingen voor de
    /// regelgeving 2012, aanwijzing 122 (een begripsbepaling voorkomt dat een
    /// lange omschrijving steeds wordt herhaald).
    pub struct BegripGedefinieerdNietGebruikt {
        code: "LEG-004",
        name: "begrip-gedefinieerd-niet-gebruikt",
        category: Category::Legistiek,
        summary: "Een begrip wordt gedefinieerd maar nergens gebruikt",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["5.1", "5.3"],
    }
}

impl Rule for BegripGedefinieerdNietGebruikt {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        if doc.kind().is_toelichting() || doc.definitions.is_empty() {
            return;
        }
        // The body starts at the first article (or division) heading.
        let body_start = doc
            .articles
            .iter()
            .map(|a| a.heading.start)
            .chain(doc.units.iter().map(|u| u.heading.start))
            .min()
            .unwrap_or(0);
        let lower = r.text.to_lowercase();
        let whole = Span::new(body_start, doc.len);
        for d in &doc.definitions {
            // Not for extensions, nor in the model texts of an Aanwijzing.
            if d.extension
                || d.article
                    .and_then(|a| doc.articles.get(a))
                    .is_some_and(|a| a.kind != UnitKind::Artikel || a.quoted)
            {
                continue;
            }
            let terms = split_terms(&d.term);
            if terms.is_empty() {
                continue;
            }
            let Some((scope, where_)) = scope_of(doc, d, body_start) else {
                continue;
            };
            // What belongs to the definition itself: the entry of a list, or
            // only the defining sentence of "Onder X wordt verstaan …" in
            // running text (the term may be used in the sentence before).
            let own = match block_at(doc, d.term_span.start) {
                Some(b) if matches!(b.kind, BlockKind::Lid | BlockKind::Paragraph) => {
                    let sentence = sentence_at(&r, b.text, d.term_span.start);
                    // "Onder X wordt mede verstaan": an extension the model
                    // did not mark as such.
                    if r.slice(sentence).contains("mede verstaan") {
                        continue;
                    }
                    Span::new(
                        sentence.start.max(d.span.start),
                        sentence.end.min(d.span.end.max(sentence.end)),
                    )
                }
                _ => d.span,
            };
            if terms.iter().any(|t| used(r.text, &lower, t, scope, own)) {
                continue;
            }
            // Used outside a chapter- or article-scoped definition's scope:
            // a scope question, not an unused definition.
            if !matches!(d.scope, DefinitionScope::Regeling { .. })
                && terms.iter().any(|t| used(r.text, &lower, t, whole, own))
            {
                continue;
            }
            let mut f = Finding::new(
                Which::Regeling,
                d.term_span,
                format!(
                    "Het begrip \"{}\" wordt gedefinieerd, maar {where_} nergens gebruikt.",
                    d.term
                        .trim_matches(|c: char| "*_\"'„“”‘’".contains(c))
                        .replace('\u{ad}', "")
                ),
            )
            .help("Schrap de begripsbepaling, of gebruik het begrip in de bepaling waarvoor het bedoeld is.");
            if let DefinitionScope::Regeling { berustende: true } = d.scope {
                f.message.pop();
                f.message.push_str(
                    "; de begripsbepaling geldt ook voor de daarop berustende bepalingen en is misschien voor die regelingen bedoeld.",
                );
                f = f.at_most(Severity::Info);
            }
            out.push(f);
        }
    }
}

/// The span in which a definition applies, and a phrase for messages.
fn scope_of(doc: &Document, d: &Definition, body_start: usize) -> Option<(Span, String)> {
    let len = doc.len;
    match d.scope {
        DefinitionScope::Regeling { .. } => Some((
            Span::new(body_start.min(d.span.start), len),
            format!("in {}", this_regulation(doc.kind())),
        )),
        DefinitionScope::Artikel => {
            let a = doc.articles.get(d.article?)?;
            Some((a.span, "in dit artikel".to_string()))
        }
        DefinitionScope::Unit { kind } => {
            let a = doc.articles.get(d.article?)?;
            let mut u = a.unit;
            while let Some(i) = u {
                let unit = doc.units.get(i)?;
                if unit.kind == kind {
                    return Some((unit.span, format!("in {}", unit_phrase(kind))));
                }
                u = unit.parent;
            }
            // The division was not found: fall back to the whole regulation.
            Some((
                Span::new(body_start.min(d.span.start), len),
                format!("in {}", this_regulation(doc.kind())),
            ))
        }
    }
}

fn unit_phrase(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Hoofdstuk => "dit hoofdstuk",
        UnitKind::Titel => "deze titel",
        UnitKind::Afdeling => "deze afdeling",
        UnitKind::Paragraaf | UnitKind::Subparagraaf => "deze paragraaf",
        UnitKind::Boek => "dit boek",
        UnitKind::Deel => "dit deel",
        UnitKind::Bijlage => "deze bijlage",
        UnitKind::Artikel | UnitKind::Aanwijzing => "dit artikel",
    }
}

static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s*(?:,|/|\ben\b|\bof\b|\bonderscheidenlijk\b|\brespectievelijk\b|\bdan\s+wel\b)\s*",
    )
    .expect("valid regex")
});
static PARENS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^)]*\)|\[[^\]]*\]").expect("valid regex"));
/// Enumeration labels glued to the term ("a.besluit"), "onder X", and
/// "de in het eerste lid bedoelde X".
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:[a-z]{1,2}|\d+\s*[°º]?)\.\s*)?(?:onder\s+)?(?:(?:de|het|een)\s+in\s+(?:het|dit|deze|de)\b.{0,60}?\bbedoelde\s+)?")
        .expect("valid regex")
});
/// Qualifiers after the term in "Onder X als bedoeld in het eerste lid wordt
/// verstaan", and adverbs ("Onder ambtenaar wordt ook verstaan").
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:,?\s+(?:als|zoals)\s+bedoeld\b.*|,?\s+bedoeld\s+in\b.*|\s+in\s+(?:het|dit|deze|de)\s+(?:\w+\s+)?(?:lid|artikel|titel|afdeling|hoofdstuk|paragraaf|artikelen)\b.*|\s+(?:ook|mede|tevens|bovendien|eveneens|in\s+ieder\s+geval|mede\s+verstaan)\s*$|\s+een\s+.*)$")
        .expect("valid regex")
});

/// The terms of a definition: "werkgever en werknemer" → both; leading
/// articles, brackets, quotes, emphasis and qualifiers removed. Terms that
/// are codes or descriptions rather than words ("DS.04.01", "het deelnemen
/// aan de stemming") give nothing.
fn split_terms(term: &str) -> Vec<String> {
    let t = PARENS.replace_all(term, " ").replace('\u{ad}', "");
    let t = t.replace(
        ['*', '_', '"', '„', '“', '”', '‘', ':', '«', '»', '‹', '›'],
        " ",
    );
    let t = t.replace('’', "'");
    let t = t.trim();
    let t = LEAD.replace(t, "");
    let t = TAIL.replace(&t, "");
    // A description rather than a term.
    if t.split_whitespace().count() > 8 {
        return Vec::new();
    }
    SPLIT
        .split(&t)
        .map(|p| {
            let p = p.trim();
            let lower = p.to_lowercase();
            let p = ["de ", "het ", "een "]
                .iter()
                .find(|a| lower.starts_with(*a))
                .map_or(p, |a| &p[a.len()..]);
            p.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|p| {
            let first = p.split_whitespace().next().unwrap_or("").to_lowercase();
            p.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                && !p.chars().any(|c| c.is_ascii_digit())
                && p.split_whitespace().count() <= 5
                && !matches!(first.as_str(), "genoemd" | "bedoeld" | "als" | "zoals")
        })
        .collect()
}

/// Function words that do not carry a term ("annulering van een visum").
const FUNCTION: [&str; 30] = [
    "van", "voor", "de", "het", "een", "der", "den", "die", "dat", "met", "bij", "in", "op", "uit",
    "zonder", "aan", "tot", "of", "en", "geen", "zijn", "is", "eenig", "enig", "enige", "eenige",
    "wordt", "worden", "te", "als",
];

/// Regex alternatives for the inflected forms of one word.
fn forms(word: &str) -> String {
    form_list(word)
        .iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|")
}

/// The lowercase inflected forms of `word`, longest first.
fn form_list(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let mut v: Vec<String> = vec![w.clone()];
    let w = w.trim_end_matches("'s").to_string();
    for suffix in [
        "s", "'s", "’s", "en", "n", "e", "es", "je", "jes", "tje", "tjes", "ën",
    ] {
        v.push(format!("{w}{suffix}"));
    }
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    let is_vowel = |c: char| "aeiouy".contains(c);
    if n >= 3 {
        let last = chars[n - 1];
        let (a, b) = (chars[n - 3], chars[n - 2]);
        let stem: String = chars[..n - 1].iter().collect();
        // aanvraag → aanvragen, persoon → personen.
        if a == b && is_vowel(a) && !is_vowel(last) {
            let short: String = chars[..n - 2]
                .iter()
                .chain(std::iter::once(&last))
                .collect();
            let short_stem: String = chars[..n - 2].iter().collect();
            v.push(format!("{short}en"));
            v.push(format!("{short}e"));
            match last {
                'f' => v.push(format!("{short_stem}ven")),
                's' => v.push(format!("{short_stem}zen")),
                _ => {}
            }
        }
        // geval → gevallen.
        if !is_vowel(last) && is_vowel(b) && !is_vowel(a) {
            v.push(format!("{w}{last}en"));
            v.push(format!("{w}{last}e"));
        }
        // bedrijf → bedrijven, huis → huizen.
        match last {
            'f' => {
                v.push(format!("{stem}ven"));
                v.push(format!("{stem}ve"));
            }
            's' => {
                v.push(format!("{stem}zen"));
                v.push(format!("{stem}ze"));
            }
            _ => {}
        }
    }
    // The term in the plural or inflected ("feestdagen" → "feestdag",
    // "Nederlandse" → "Nederlands").
    if n >= 5 {
        if let Some(s) = w.strip_suffix("en") {
            v.push(s.to_string());
        } else if let Some(s) = w.strip_suffix('s') {
            v.push(s.to_string());
        } else if let Some(s) = w.strip_suffix('e') {
            v.push(s.to_string());
        }
    }
    // bevoegdheid → bevoegdheden; lid → leden.
    if let Some(s) = w.strip_suffix("heid") {
        v.push(format!("{s}heden"));
    }
    if w == "lid" {
        v.push("leden".into());
    }
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v
}

/// Compiled expressions by pattern, kept per thread. The same terms ("Onze
/// Minister", "het college") recur across thousands of regulations in a
/// batch run, and compiling dominated this rule; the cache is bounded and
/// starts over when full.
fn cached<R: Clone>(
    cache: &'static std::thread::LocalKey<
        std::cell::RefCell<std::collections::HashMap<String, Option<R>>>,
    >,
    pattern: String,
    build: impl FnOnce(&str) -> Option<R>,
) -> Option<R> {
    const CAPACITY: usize = 64;
    cache.with(|c| {
        if let Some(re) = c.borrow().get(&pattern) {
            return re.clone();
        }
        let re = build(&pattern);
        let mut c = c.borrow_mut();
        if c.len() >= CAPACITY {
            c.clear();
        }
        c.insert(pattern, re.clone());
        re
    })
}

thread_local! {
    static WORD_RES: std::cell::RefCell<std::collections::HashMap<String, Option<Regex>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
    static WINDOW_RES: std::cell::RefCell<std::collections::HashMap<String, Option<regex::Regex>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Longest stretch of text a multi-word match is looked for in, from where
/// its first word occurs (at most five words in between).
const WINDOW: usize = 4096;

/// True when `term` (or an inflected form, or a compound with it) occurs in
/// `scope` outside `skip`.
fn used(text: &str, lower: &str, term: &str, scope: Span, skip: Span) -> bool {
    let all: Vec<&str> = term
        .split_whitespace()
        .map(|w| w.trim_matches(['\'', '’', '‘']))
        .filter(|w| !w.is_empty())
        .collect();
    // The content words carry the term ("bestaande eigenwoningschuld van de
    // belastingplichtige" is used as "de bestaande eigenwoningschuld").
    let mut words: Vec<&str> = if all.len() >= 3 {
        all.iter()
            .copied()
            .filter(|w| !FUNCTION.contains(&w.to_lowercase().as_str()))
            .collect()
    } else {
        all.iter()
            .copied()
            .filter(|w| all.len() == 1 || !FUNCTION.contains(&w.to_lowercase().as_str()))
            .collect()
    };
    if words.is_empty() {
        words = all.clone();
    }
    let Some(first) = words.first().copied() else {
        return true;
    };
    // Prefilter: the start of the first word must occur at all.
    let probe: String = first.to_lowercase().chars().take(4).collect();
    if !lower.contains(&probe) {
        return false;
    }
    let abbreviation = words.len() == 1
        && first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first.chars().all(|c| !c.is_lowercase());
    // Long terms: the first three words carry the meaning ("voorzienbare
    // bijzondere bedrijfsomstandigheden bij een …").
    words.truncate(2);
    // Clamps a range to char boundaries inside the scope.
    let clamp = |s: usize, e: usize| -> Option<(usize, usize)> {
        let (mut s, mut e) = (s.max(scope.start), e.min(scope.end));
        if s >= e {
            return None;
        }
        while !text.is_char_boundary(s) {
            s += 1;
        }
        while !text.is_char_boundary(e) {
            e -= 1;
        }
        (s < e).then_some((s, e))
    };
    // One longer word: whether one of its forms occurs anywhere, also
    // inside a compound ("WW-uitkering", "uitkeringsbedrag"), is a plain
    // substring search on the lowercase text; no expression is compiled.
    if !abbreviation && words.len() == 1 && first.chars().count() >= 4 {
        let mut list = form_list(first);
        if first.chars().count() >= 9 {
            // "authenticeren" is also used as "geauthenticeerd".
            list.push(
                first
                    .to_lowercase()
                    .chars()
                    .take(first.chars().count() - 3)
                    .collect(),
            );
        }
        let Ok(ac) = aho_corasick::AhoCorasick::new(&list) else {
            return true;
        };
        let same_offsets = lower.len() == text.len();
        let hit = |s: usize, e: usize| -> bool {
            let Some((s, e)) = clamp(s, e) else {
                return false;
            };
            let owned;
            let t: &str = match lower.get(s..e) {
                Some(t) if same_offsets => t,
                _ => {
                    owned = text[s..e].to_lowercase();
                    &owned
                }
            };
            if t.contains('\u{ad}') {
                ac.is_match(&t.replace('\u{ad}', ""))
            } else {
                ac.is_match(t)
            }
        };
        return hit(scope.start, skip.start) || hit(skip.end, scope.end);
    }
    let pattern = if abbreviation {
        format!(r"\b{}(?:'s|s)?\b", regex::escape(first))
    } else {
        // Words may be split by a few others ("gezondheidsondermijnende of
        // mogelijk levensbedreigende … aandoeningen").
        let body = words
            .iter()
            .map(|w| {
                // Long words also by their stem ("deelnemen" / "deelneming").
                if words.len() > 1 && w.chars().count() >= 9 {
                    let stem: String = w
                        .to_lowercase()
                        .chars()
                        .take(w.chars().count() - 3)
                        .collect();
                    format!("(?:{}|{}\\p{{L}}*)", forms(w), regex::escape(&stem))
                } else {
                    format!("(?:{})", forms(w))
                }
            })
            .collect::<Vec<_>>()
            .join(r"[’'\x22”»)]*(?:[\s*_]+[^\s.;:]+){0,5}?[\s*_]+[‘'\x22„“«(]*");
        format!(r"(?i)\b(?:{body})\b")
    };
    let in_slices = |test: &dyn Fn(&str) -> bool| -> bool {
        let one = |s: usize, e: usize| {
            clamp(s, e).is_some_and(|(s, e)| {
                text.get(s..e).is_some_and(|t| {
                    if t.contains('\u{ad}') {
                        test(&t.replace('\u{ad}', ""))
                    } else {
                        test(t)
                    }
                })
            })
        };
        one(scope.start, skip.start) || one(skip.end, scope.end)
    };
    if abbreviation || lower.len() != text.len() {
        let Some(re) = cached(&WORD_RES, pattern, |p| Regex::new(p).ok()) else {
            return true;
        };
        return in_slices(&|t| re.is_match(t));
    }
    // Several words: a match starts with a form of the first word, so the
    // expression is only tried in a window from each place where one
    // occurs (found with aho-corasick on the lowercase text). Small windows
    // keep the search in the regex crate's backtracker, which handles the
    // Unicode word boundaries fast.
    let Some(re) = cached(&WINDOW_RES, pattern, |p| {
        regex::RegexBuilder::new(p)
            .dfa_size_limit(256 * 1024)
            .build()
            .ok()
    }) else {
        return true;
    };
    let mut starts = form_list(first);
    if words.len() > 1 && first.chars().count() >= 9 {
        starts.push(
            first
                .to_lowercase()
                .chars()
                .take(first.chars().count() - 3)
                .collect(),
        );
    }
    let Ok(ac) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&starts)
    else {
        return true;
    };
    let windowed = |s: usize, e: usize| -> bool {
        let Some((s, e)) = clamp(s, e) else {
            return false;
        };
        let t = &text[s..e];
        // The lowercase text has the same offsets (checked above); soft
        // hyphens are removed only on the slow path.
        let low = match lower.get(s..e) {
            Some(l) if !t.contains('\u{ad}') => l,
            _ => return re.is_match(&t.replace('\u{ad}', "")),
        };
        ac.find_iter(low).any(|m| {
            let mut end = (m.start() + WINDOW).min(t.len());
            while !t.is_char_boundary(end) {
                end -= 1;
            }
            re.find_at(&t[..end], m.start())
                .is_some_and(|hit| hit.end() < end || end == t.len())
        })
    };
    windowed(scope.start, skip.start) || windowed(skip.end, scope.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_and_forms() {
        assert_eq!(
            split_terms("*werkgever en werknemer*"),
            ["werkgever", "werknemer"]
        );
        assert_eq!(split_terms("de Bank"), ["Bank"]);
        let t = "De aanvragen worden door de personen gedaan.";
        let lower = t.to_lowercase();
        let all = Span::new(0, t.len());
        let none = Span::new(0, 0);
        assert!(used(t, &lower, "aanvraag", all, none));
        assert!(used(t, &lower, "persoon", all, none));
        assert!(!used(t, &lower, "rechthebbende", all, none));
        let t2 = "Een WW-uitkering en bestuurlijke boetes.";
        let l2 = t2.to_lowercase();
        let all2 = Span::new(0, t2.len());
        assert!(used(t2, &l2, "uitkering", all2, none));
        assert!(used(t2, &l2, "bestuurlijke boete", all2, none));
    }
}
