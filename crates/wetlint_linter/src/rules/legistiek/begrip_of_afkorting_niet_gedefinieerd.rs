use std::collections::BTreeMap;
use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Container, DocumentKind, Span};

use super::common::{in_bijlage, in_quotes, is_amending, link_targets, this_regulation};
use crate::context::Source;
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of elke afkorting in de wetstekst (een woord van twee tot zes
    /// hoofdletters, zoals "SVB" of "UWV") is gedefinieerd: als begrip in de
    /// begripsbepalingen, met "(hierna: SVB)" of tussen haakjes na de volledige
    /// naam, of als deel van de titel of citeertitel. De regel meldt elke
    /// afkorting één keer, bij het eerste gebruik.
    ///
    /// De regel zwijgt bij: Romeinse cijfers; algemeen bekende aanduidingen
    /// (EU, EG, EEG, EER, VN, NAVO, BES, NV, BV); afkortingen die deel zijn van
    /// de naam van een regeling ("Wet SUWI", "Belastingwet BES",
    /// "Verordening (EU) nr. …") of van een norm of code ("NEN 2580", "ISO
    /// 9001"); woorden in hoofdletters ("CONTROLE"); tekst tussen
    /// aanhalingstekens, in links, tabellen, koppen en bijlagen; en geciteerde
    /// artikelen in een wijzigingsregeling. In een algemene maatregel van
    /// bestuur, een ministeriële regeling of een wijzigingsregeling is het een
    /// hint, omdat de afkorting in de wet (of de gewijzigde regeling) kan zijn
    /// gedefinieerd.
    ///
    /// ## Waarom
    /// Afkortingen maken een regeling minder toegankelijk en zijn niet altijd
    /// eenduidig. Ze worden alleen gebruikt als het niet anders kan, en dan
    /// gedefinieerd. Een regeling moet zonder voorkennis te lezen zijn.
    ///
    /// ## Voorbeeld
    /// "De SVB stelt de aanvrager in kennis …", terwijl de begripsbepalingen
    /// alleen "Sociale verzekeringsbank" noemen, of helemaal geen definitie van
    /// "SVB" bevatten.
    ///
    /// ## In plaats daarvan
    /// Schrijf de naam voluit ("de Sociale verzekeringsbank"), of definieer de
    /// afkorting: "SVB: de Sociale verzekeringsbank, bedoeld in artikel 3 van
    /// de Wet structuur uitvoeringsorganisatie werk en inkomen;".
    ///
    /// ## Bron
    /// Aanwijzing 5.1, eerste lid (termen die te weinig bepaald zijn, worden
    /// gedefinieerd); Aanwijzingen voor de regelgeving 2012, aanwijzing 60
    /// (afkortingen alleen als het niet anders kan, en dan gedefinieerd).
    pub struct BegripOfAfkortingNietGedefinieerd {
        code: "LEG-005",
        name: "begrip-of-afkorting-niet-gedefinieerd",
        category: Category::Legistiek,
        summary: "Een afkorting of vakterm wordt gebruikt zonder definitie",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["5.1"],
    }
}

impl Rule for BegripOfAfkortingNietGedefinieerd {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        if !doc.kind().is_regulation() {
            return;
        }
        let mut found: BTreeMap<String, Vec<Span>> = BTreeMap::new();
        for b in &doc.blocks {
            if !matches!(
                b.kind,
                BlockKind::Lid
                    | BlockKind::Onderdeel
                    | BlockKind::SubOnderdeel
                    | BlockKind::Paragraph
                    | BlockKind::ListItem
            ) {
                continue;
            }
            let Container::Article { index } = b.container else {
                continue;
            };
            if doc.articles.get(index).is_none_or(|a| a.quoted) || in_bijlage(doc, b.span.start) {
                continue;
            }
            let text = r.slice(b.text);
            if !text.bytes().any(|c| c.is_ascii_uppercase()) {
                continue;
            }
            let links = link_targets(r.text, b.text);
            // A list of codes ("CG, CH, CK, CP"): not abbreviations in prose.
            let caps: std::collections::BTreeSet<&str> = TOKEN
                .find_iter(text)
                .map(|m| m.as_str())
                .filter(|t| t.len() <= 4)
                .collect();
            if caps.len() >= 4 {
                continue;
            }
            for m in TOKEN.find_iter(text) {
                let tok = m.as_str();
                let start = b.text.start + m.start();
                if !abbreviation_like(tok)
                    || !word_boundary(text, m.start(), m.end())
                    || in_quotes(r.text, b.text, start)
                    || in_link(text, m.start())
                    || links.iter().any(|l| l.start <= start && start < l.end)
                    || part_of_name_or_code(text, m.start(), m.end())
                    || explained_or_enclosed(text, m.start(), m.end())
                    || in_capitals_run(text, m.start(), m.end())
                {
                    continue;
                }
                found
                    .entry(tok.to_string())
                    .or_default()
                    .push(Span::new(start, start + tok.len()));
            }
        }
        if found.is_empty() {
            return;
        }
        let defined = Defined::new(&r);
        let soft = is_amending(doc)
            || matches!(
                doc.kind(),
                DocumentKind::Amvb
                    | DocumentKind::MinisterieleRegeling
                    | DocumentKind::Beleidsregel
            );
        for (tok, spans) in found {
            if defined.contains(&tok) {
                continue;
            }
            let Some(first) = spans.first() else { continue };
            let times = if spans.len() == 1 {
                String::new()
            } else {
                format!(" ({} keer)", spans.len())
            };
            let mut f = Finding::new(
                Which::Regeling,
                *first,
                format!(
                    "De afkorting \"{tok}\" wordt gebruikt{times}, maar {} definieert haar niet.",
                    this_regulation(doc.kind())
                ),
            )
            .help(format!(
                "Schrijf de naam voluit, of definieer de afkorting in de begripsbepalingen (\"{tok}: …;\"). Gebruik een afkorting alleen als het niet anders kan."
            ));
            if soft {
                f.message = format!(
                    "De afkorting \"{tok}\" wordt gebruikt{times} zonder definitie in {}; controleer dat de wet (of de gewijzigde regeling) haar definieert.",
                    this_regulation(doc.kind())
                );
                f = f.at_most(Severity::Info);
            }
            for s in spans.iter().skip(1).take(2) {
                f = f.related(Which::Regeling, *s, "Ook hier.");
            }
            out.push(f);
        }
    }
}

static TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[A-Z]{2,8}").expect("valid regex"));

/// Well-known designations, norm institutes, units and chemical formulas
/// that need no definition.
const KNOWN: [&str; 42] = [
    "EU", "EG", "EEG", "EER", "EGKS", "VN", "NAVO", "BES", "NV", "BV", "EUR", "EURO", "VWEU",
    "VEU", "ISO", "NEN", "NVN", "DIN", "CEN", "IEC", "CENELEC", "ECB", "BTW", "IBAN", "BIC", "LPG",
    "CMR", "PBEU", "BTEX", "PAK", "PCB", "CFK", "HCFK", "NOX", "SOX", "VOS", "PM", "CO", "MPA",
    "MBA", "LLM", "MSC",
];

/// Three to six capitals, not a Roman numeral (with or without a letter:
/// "IIIB"), not a placeholder ("JJJJ", "ZZ"), not a word written in capitals.
fn abbreviation_like(tok: &str) -> bool {
    let n = tok.chars().count();
    if !(3..=6).contains(&n) || KNOWN.contains(&tok) {
        return false;
    }
    if wetlint_syntax::numbers::is_roman_number(tok) {
        return false;
    }
    let mut chars = tok.chars();
    let first = chars.next();
    if chars.all(|c| Some(c) == first) {
        return false;
    }
    // "CONTROLE", "INHOUD": a word in capitals has many vowels.
    let vowels = tok.chars().filter(|c| "AEIOUY".contains(*c)).count();
    !(n >= 5 && vowels * 3 >= n)
}

/// The token stands alone: no letters, digits or hyphens glued to it.
fn word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>| {
        c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | '&' | '\''))
    };
    !glued(before) && !glued(after)
}

/// Part of a run of words in capitals ("WET VAN 12 MEI"): a heading or a
/// shouted phrase, not an abbreviation.
fn in_capitals_run(text: &str, start: usize, end: usize) -> bool {
    let caps = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    let before = text[..start].split_whitespace().next_back().unwrap_or("");
    let after = text[end..].split_whitespace().next().unwrap_or("");
    caps(before) || caps(after)
}

/// Inside the label of a Markdown link ("[Wet SUWI](…)").
fn in_link(text: &str, at: usize) -> bool {
    let before = &text[..at];
    match (before.rfind('['), before.rfind(']')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

static NAME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:Wet|wet|Besluit|besluit|Regeling|regeling|Verordening|Richtlijn|Verdrag|Uitvoeringsbesluit|Uitvoeringsregeling|Wetboek|Stichting|Vereniging|Instituut|Centrum|Bureau)\b|\b\p{Lu}\p{L}*(?:wet|besluit|regeling|verordening)\b)[^,;:.()]{0,50}$|\b\p{L}+(?:wet|besluit)\s+(?:\p{L}+\s+){0,3}$")
        .expect("valid regex")
});
static CODE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\s*[-:]?\s*\d|<su[bp]>)").expect("valid regex"));

/// Part of a regulation's name ("Wet SUWI", "Belastingwet BES"), of an EU
/// act's number ("(EU)"), or of a norm or code ("NEN 2580", "ISO 9001").
fn part_of_name_or_code(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    if before.ends_with('(') && after.starts_with(')') {
        // "(EU) nr.", "(EG)", and "Sociale verzekeringsbank (SVB)" (a definition).
        return true;
    }
    if CODE_AFTER.is_match(after) || before.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let mut s = start.saturating_sub(80);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    NAME_BEFORE.is_match(&text[s..start])
}

static EXPLAINED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,?\s*(?:als\s+)?(?:bedoeld|genoemd)\s+in\b|\s*\(|\(|\s*=)")
        .expect("valid regex")
});

/// Explained on the spot ("het AMHK, bedoeld in artikel 1.1.1 van …", "CAD
/// (computergesteund ontwerp)"), or enclosed in something that is not prose:
/// parentheses, a formula ("TKV = n . T - K"), sub- or superscript, italics
/// (titles), an address ("Postbus").
fn explained_or_enclosed(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    if EXPLAINED_AFTER.is_match(after) || before.trim_end().ends_with('=') {
        return true;
    }
    if before.matches('(').count() > before.matches(')').count() {
        return true;
    }
    if before.matches("<sub>").count() > before.matches("</sub>").count()
        || before.matches("<sup>").count() > before.matches("</sup>").count()
    {
        return true;
    }
    if before.matches('*').count() % 2 == 1 {
        return true;
    }
    text.contains("Postbus") || text.contains("postbus")
}

/// Abbreviations the regulation defines or introduces.
struct Defined {
    terms: Vec<String>,
    text: String,
}

impl Defined {
    fn new(r: &Source<'_>) -> Self {
        let doc = r.doc;
        let mut terms: Vec<String> = doc
            .definitions
            .iter()
            .flat_map(|d| {
                d.term
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        for t in [&doc.title, &doc.citeertitel].into_iter().flatten() {
            terms.extend(
                t.text
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_string),
            );
        }
        Defined {
            terms,
            text: r.text.to_string(),
        }
    }

    fn contains(&self, tok: &str) -> bool {
        if self.terms.iter().any(|t| t == tok) {
            return true;
        }
        // "(SVB)", "(hierna: SVB)", "(hierna te noemen: de SVB)", "hierna: het
        // UWV", or a definition entry the model did not read ("*UBN:* …").
        let esc = regex::escape(tok);
        Regex::new(&format!(
            r"(?m)\(\s*{esc}\s*[,;)]|\bhierna\s*(?:te\s+noemen)?\s*:?\s*(?:de\s+|het\s+)?[„“\x22']?{esc}\b|(?:^|[;:]\s*|[a-z]\.\s*)[*_\s]*{esc}[*_\s]*:"
        ))
        .is_ok_and(|re| re.is_match(&self.text))
    }
}
