use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{Clause, Document};

use super::metrics::{anchor, article_blocks, getal, label_cap, regular, word_count};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::text::{join_nl, sentences};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Hoe ingewikkeld elk artikel is voor wie het moet lezen en naleven. Per
    /// artikel telt de regel:
    /// - het gemiddelde aantal woorden per zin (een onderdeel dat op ";"
    ///   eindigt, telt als zin) en de langste zin;
    /// - voorwaarden en uitzonderingen: "indien", "tenzij", "voor zover",
    ///   "mits", "met dien verstande", "onverminderd", "in afwijking van",
    ///   "behoudens", "met uitzondering van";
    /// - het aantal leden (meer dan acht);
    /// - de nesting: sub-onderdelen in onderdelen in leden;
    /// - verwijzingen, waarbij "van overeenkomstige toepassing" dubbel telt
    ///   (de lezer moet de bepaling zelf omzetten).
    ///
    /// Daaruit volgt een score. Een artikel met score 7 of meer krijgt een
    /// melding (info), één per artikel, met de onderdelen die de score bepalen.
    /// Richt het artikel zich tot burgers (de aanvrager, de belanghebbende, de
    /// verzekerde, …) en is de score 11 of meer, dan is het een waarschuwing.
    /// De cijfers van alle artikelen staan in de fragmentatiemetrieken van het
    /// batchrapport.
    ///
    /// De regel zwijgt bij de begripsbepalingen (een lange lijst definities
    /// is geen ingewikkelde norm), bij wijzigingsartikelen en bij artikelen die
    /// in een wijziging worden geciteerd.
    ///
    /// ## Waarom
    /// Regels moeten helder en eenvoudig zijn (Ar 2012, 10) en in gewone,
    /// beknopte taal zijn gesteld (Ar 2012, 52–54). Een artikel met te veel
    /// leden wordt gesplitst (Ar 2012, 99, derde lid). Vooral regels waarbij een
    /// aanspraak van veel persoonlijke omstandigheden afhangt, zijn
    /// conflictgevoelig (toelichting bij Ar 2012, 12). Wat een jurist nog kan
    /// volgen, vraagt van een burger vaak meer doenvermogen dan die heeft.
    ///
    /// ## Voorbeeld
    /// Een artikel over een toeslag met elf leden, waarin de aanvrager recht
    /// heeft "indien" vijf omstandigheden gelden, "tenzij" twee andere,
    /// "met dien verstande dat" een derde anders geldt, en dat twee artikelen
    /// uit andere wetten "van overeenkomstige toepassing" verklaart.
    ///
    /// ## In plaats daarvan
    /// Splits het artikel naar onderwerp, zet de voorwaarden in een
    /// opsomming, houd zinnen onder de 25 woorden en schrijf een uitzondering
    /// liever als eigen lid dan als bijzin. Vervang een overeenkomstige
    /// toepassing door de bepaling zelf als die kort is.
    ///
    /// ## Bron
    /// Aanwijzingen voor de regelgeving (2012) 10, 12 met toelichting, 52–54 en
    /// 99, derde lid; beleid over doenvermogen (WRR, "Weten is nog geen doen").
    pub struct ComplexiteitDoenvermogen {
        code: "FRAG-007",
        name: "complexiteit-doenvermogen",
        category: Category::Fragmentatie,
        summary: "Een artikel is erg complex voor wie het moet naleven",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &[],
        aliases: &[],
    }
}

/// Score from which an article is reported (info).
pub(crate) const DREMPEL_INFO: f64 = 7.0;
/// Score from which a citizen-facing article is a warning.
pub(crate) const DREMPEL_WAARSCHUWING: f64 = 11.0;

static VOORWAARDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(indien|tenzij|voor ?zover|mits|met dien verstande|onverminderd|in afwijking van|behoudens|ingeval|met uitzondering van)\b",
    )
    .expect("valid regex")
});

/// Words that show an article addresses citizens.
static BURGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(aanvragers?|belanghebbenden?|verzekerden?|rechthebbenden?|uitkeringsgerechtigden?|burgers?|ingezetenen?|belastingplichtigen?|ouders?|huurders?|studenten|leerlingen|patiënten|cliënten|vreemdelingen|nabestaanden?|recht op (een|de|het)? ?\w*(uitkering|toeslag|tegemoetkoming|bijstand|pensioen|vergoeding))\b",
    )
    .expect("valid regex")
});

/// The complexity of one article, with what the message needs.
#[derive(Debug, Clone)]
pub(crate) struct Complexity {
    pub index: usize,
    pub number: String,
    pub words_per_sentence: f64,
    pub longest: usize,
    pub conditions: usize,
    /// The distinct condition words, lowercased, in order of first use.
    pub condition_words: Vec<String>,
    pub leden: usize,
    pub max_depth: usize,
    pub references: usize,
    pub score: f64,
    pub citizen: bool,
    /// Definitions article or an article that amends: never reported.
    pub skip: bool,
}

/// The score of an article: every dimension adds only above what is usual
/// in legislation, and length and references are capped, so that one long
/// sentence alone does not make an article "complex".
pub(crate) fn score(wps: f64, conditions: usize, leden: usize, depth: usize, refs: usize) -> f64 {
    let mut s = ((wps - 30.0).max(0.0) / 10.0).min(4.0);
    s += conditions.saturating_sub(3) as f64;
    s += leden.saturating_sub(8) as f64 * 0.5;
    if depth >= 3 {
        s += 1.5;
    }
    s += (refs.saturating_sub(5) as f64 * 0.3).min(4.0);
    s
}

/// The complexity of every own article that holds text, in order. One pass
/// over the blocks and one over the references.
pub(crate) fn complexities(text: &str, doc: &Document) -> Vec<Complexity> {
    let blocks = article_blocks(doc);
    // References per article; "van overeenkomstige toepassing" counts double.
    let mut refs = vec![0usize; doc.articles.len()];
    // Whether a block says "overeenkomstige toepassing", computed once per
    // block (an article can have hundreds of references).
    let mut oet: std::collections::HashMap<(usize, usize), bool> = std::collections::HashMap::new();
    for r in &doc.references {
        let Some(ai) = r.from_article else { continue };
        let Some(bs) = blocks.get(ai) else { continue };
        let double = bs
            .iter()
            .position(|b| b.text.contains(r.span.start))
            .is_some_and(|bi| {
                *oet.entry((ai, bi)).or_insert_with(|| {
                    let b = &bs[bi];
                    text.get(b.text.start..b.text.end)
                        .unwrap_or("")
                        .contains("overeenkomstige toepassing")
                })
            });
        if let Some(n) = refs.get_mut(ai) {
            *n += if double { 2 } else { 1 };
        }
    }
    let mut out = Vec::new();
    for (ai, a) in doc.own_articles() {
        let Some(bs) = blocks.get(ai) else { continue };
        if bs.is_empty() {
            continue;
        }
        let (mut n_words, mut n_sent, mut longest, mut conditions) = (0usize, 0usize, 0, 0);
        let mut condition_words: Vec<String> = Vec::new();
        let mut citizen = false;
        for b in bs {
            let raw = text.get(b.text.start..b.text.end).unwrap_or("");
            for s in sentences(text, b.text) {
                let w = word_count(text.get(s.start..s.end).unwrap_or(""));
                if w == 0 {
                    continue;
                }
                n_words += w;
                n_sent += 1;
                longest = longest.max(w);
            }
            for m in VOORWAARDE.find_iter(raw) {
                conditions += 1;
                let w = m.as_str().to_lowercase().replace("voorzover", "voor zover");
                if !condition_words.contains(&w) {
                    condition_words.push(w);
                }
            }
            if !citizen {
                citizen = BURGER.is_match(raw);
            }
        }
        if n_sent == 0 {
            continue;
        }
        let depth = if a
            .leden
            .iter()
            .any(|l| l.onderdelen.iter().any(|o| !o.subs.is_empty()))
        {
            3
        } else if a.leden.iter().any(|l| !l.onderdelen.is_empty())
            || a.onderdelen.iter().any(|o| !o.subs.is_empty())
        {
            2
        } else if !a.leden.is_empty() || !a.onderdelen.is_empty() {
            1
        } else {
            0
        };
        let wps = n_words as f64 / n_sent as f64;
        let r = refs.get(ai).copied().unwrap_or(0);
        let leden = a.leden.len();
        out.push(Complexity {
            index: ai,
            number: a.number.clone(),
            words_per_sentence: wps,
            longest,
            conditions,
            condition_words,
            leden,
            max_depth: depth,
            references: r,
            score: score(wps, conditions, leden, depth, r),
            citizen,
            skip: !regular(a) || a.clauses.contains(&Clause::Begripsbepalingen),
        });
    }
    out
}

/// The parts of the score worth naming, in Dutch.
fn onderdelen(c: &Complexity) -> Vec<String> {
    let mut v = Vec::new();
    if c.words_per_sentence > 30.0 {
        v.push(format!(
            "gemiddeld {} woorden per zin",
            getal(c.words_per_sentence.round())
        ));
    }
    if c.longest > 80 {
        v.push(format!("een zin van {} woorden", c.longest));
    }
    if c.conditions > 3 {
        let voorbeelden: Vec<String> = c
            .condition_words
            .iter()
            .take(4)
            .map(|w| format!("\"{w}\""))
            .collect();
        v.push(format!(
            "{} voorwaarden en uitzonderingen ({})",
            c.conditions,
            voorbeelden.join(", ")
        ));
    }
    if c.leden > 8 {
        v.push(format!("{} leden", c.leden));
    }
    if c.max_depth >= 3 {
        v.push("sub-onderdelen in onderdelen van leden".to_string());
    }
    if c.references > 5 {
        v.push(format!("{} verwijzingen", c.references));
    }
    v
}

impl Rule for ComplexiteitDoenvermogen {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        for c in complexities(r.text, r.doc) {
            if c.skip || c.score < DREMPEL_INFO {
                continue;
            }
            let delen = onderdelen(&c);
            if delen.is_empty() {
                continue;
            }
            let wie = if c.citizen {
                " voor wie het moet naleven"
            } else {
                ""
            };
            let mut f = Finding::new(
                Which::Regeling,
                anchor(r.doc, c.index),
                format!(
                    "{} is complex{wie}: {} (score {}; meldingsdrempel {}).",
                    label_cap(r.doc, c.index),
                    join_nl(&delen),
                    getal(c.score),
                    getal(DREMPEL_INFO)
                ),
            )
            .help(
                "Splits het artikel naar onderwerp, zet voorwaarden in een opsomming, houd zinnen kort \
                 en maak van een uitzondering liever een eigen lid dan een bijzin (Ar 2012, 10, 52–54; \
                 niet meer dan acht leden: Ar 2012, 99, derde lid).",
            );
            if !(c.citizen && c.score >= DREMPEL_WAARSCHUWING) {
                f = f.at_most(Severity::Info);
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_is_zero_for_a_plain_article() {
        assert_eq!(score(18.0, 2, 3, 1, 2), 0.0);
        // One long sentence alone stays below the threshold.
        assert!(score(90.0, 0, 0, 0, 0) < DREMPEL_INFO);
        assert!(score(45.0, 9, 12, 3, 10) > DREMPEL_WAARSCHUWING);
    }
}
