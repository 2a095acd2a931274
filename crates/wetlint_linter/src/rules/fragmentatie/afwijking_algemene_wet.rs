use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::Span;

use super::metrics::{article_blocks, label, plain};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::rules::uitvoering::actoren::document_nl;
use crate::text::sentences;
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de regeling afwijkt van de Algemene wet bestuursrecht (Awb), de
    /// Algemene termijnenwet of de Algemene wet inzake rijksbelastingen, en of
    /// de toelichting die afwijking motiveert. Als afwijking telt:
    /// - "in afwijking van artikel 4:13 van de Algemene wet bestuursrecht"
    ///   (ook met afdeling, titel, hoofdstuk of paragraaf, en "in afwijking van
    ///   artikel 6:7" in een regeling die de Awb elders noemt);
    /// - "Artikel 4:8 van de Algemene wet bestuursrecht is niet van toepassing",
    ///   "blijft buiten toepassing", of een hele algemene wet die niet van
    ///   toepassing wordt verklaard;
    /// - een bezwaar- of beroepstermijn die afwijkt van de zes weken van
    ///   artikel 6:7 Awb, en een beslistermijn op een aanvraag van meer dan acht
    ///   weken (artikel 4:13 Awb).
    ///
    /// Gemotiveerd is de afwijking als de toelichting de bepaling (bijvoorbeeld
    /// "4:13") noemt in een zin met een reden ("omdat", "aangezien", "gelet op",
    /// "noodzakelijk", "vanwege", …), of de volgende zin die reden geeft.
    ///
    /// De regel zwijgt als:
    /// - de afwijking gemotiveerd is;
    /// - de regeling de algemene wet zelf is of wijzigt (een wijzigingsartikel
    ///   "In artikel 4:13 wordt …" is geen afwijking);
    /// - het om "van overeenkomstige toepassing" of "onverminderd" gaat: dat is
    ///   aansluiten, niet afwijken.
    ///
    /// Zonder toelichting is de melding info: de regel kan dan niet zien of de
    /// afwijking gemotiveerd is.
    ///
    /// ## Waarom
    /// In een bijzondere wet wordt alleen van een algemene wet afgeweken als dat
    /// noodzakelijk is, en de afwijking wordt in de toelichting gemotiveerd
    /// (Ar 2012, 47–49). Elke afwijking maakt het bestuursrecht minder
    /// voorspelbaar: een burger die de Awb kent, moet per wet nagaan welke
    /// termijn en welke procedure geldt.
    ///
    /// ## Voorbeeld
    /// "In afwijking van artikel 6:7 van de Algemene wet bestuursrecht bedraagt
    /// de termijn voor het indienen van een bezwaarschrift twee weken", zonder
    /// dat de memorie van toelichting zegt waarom.
    ///
    /// ## In plaats daarvan
    /// Sluit aan bij de Awb. Is afwijken nodig, schrijf dan in de toelichting
    /// waarom: "De bezwaartermijn is verkort tot twee weken, omdat de
    /// vergunning voor een evenement op korte termijn onherroepelijk moet zijn."
    ///
    /// ## Bron
    /// Aanwijzingen voor de regelgeving (2012) 47–49; Algemene wet
    /// bestuursrecht, artikelen 4:13 en 6:7.
    pub struct AfwijkingAlgemeneWet {
        code: "FRAG-005",
        name: "afwijking-algemene-wet",
        category: Category::Fragmentatie,
        summary: "Afwijking van de Awb of een andere algemene wet zonder motivering",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &[],
        aliases: &[],
    }
}

const WET: &str = r"Algemene\s+wet\s+bestuursrecht|Awb|Algemene\s+termijnenwet|Algemene\s+wet\s+inzake\s+rijksbelastingen";
const BEPALING: &str = r"(?:de\s+)?(?:artikel(?:en)?|afdeling(?:en)?|titel|hoofdstuk|paragraaf)\s+\d+(?:[:.]\d+[a-z]?)*(?:\s*(?:,|en|of|tot\s+en\s+met)\s*\d+(?:[:.]\d+[a-z]?)*)*(?:\s*,\s*(?:\w+\s+lid|aanhef\s+en\s+onder(?:deel)?\s+\w+|onder(?:deel)?\s+\w+))*";

static IN_AFWIJKING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bin\s+afwijking\s+van\s+(?:het\s+bepaalde\s+(?:bij|in)\s+)?(?:(?P<bep>{BEPALING})\s*,?\s+van\s+)?(?:de\s+|het\s+)?(?P<wet>{WET})\b"
    ))
    .expect("valid regex")
});
static NIET_VAN_TOEPASSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(?P<bep>{BEPALING})\s*,?\s+van\s+)?(?:de\s+|het\s+)?(?P<wet>{WET})\s*,?\s+(?:is|zijn|blijft|blijven)\s+(?:niet\s+van\s+toepassing|buiten\s+toepassing)"
    ))
    .expect("valid regex")
});
/// "in afwijking van artikel 6:7" without the name, in a regulation that names the Awb.
static IN_AFWIJKING_DUBBELE_PUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bin\s+afwijking\s+van\s+(?:de\s+)?(?P<bep>(?:artikel(?:en)?|afdeling)\s+\d+:\d+[a-z]?(?:\s*(?:,|en|of|tot\s+en\s+met)\s*\d+:\d+[a-z]?)*)")
        .expect("valid regex")
});
static BEZWAARTERMIJN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:termijn\s+(?:voor|van)\s+het\s+(?:indienen|instellen|maken)\s+van\s+(?:een\s+|het\s+)?(?P<soort>bezwaar|beroep)\w*\s+bedraagt|(?P<soort2>bezwaar|beroep)\w*\s+(?:kan|kunnen|wordt|worden)\s+(?:\w+\s+){0,6}?(?:ingesteld|ingediend|gemaakt)\s+binnen)\s+(?P<n>\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|twintig|dertig|zestig)\s+(?P<eenheid>dagen|dag|weken|week|maanden|maand)\b")
        .expect("valid regex")
});
static BESLISTERMIJN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:beslistermijn\s+bedraagt|beslist\s+(?:\w+\s+){0,8}?op\s+(?:een|de)\s+aanvraag\s+(?:\w+\s+){0,8}?binnen)\s+(?P<n>\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|twintig|zesentwintig)\s+(?P<eenheid>weken|week|maanden|maand)\b")
        .expect("valid regex")
});
static REDEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:omdat|aangezien|gelet\s+op|vanwege|noodzakelijk|nodig|gerechtvaardigd|rechtvaardigt|reden|daarom|teneinde|om\s+te\s+voorkomen|hiervoor\s+is\s+gekozen|bewust)\b")
        .expect("valid regex")
});

fn getal(w: &str) -> Option<u32> {
    if let Ok(n) = w.parse() {
        return Some(n);
    }
    Some(match w.to_lowercase().as_str() {
        "een" => 1,
        "twee" => 2,
        "drie" => 3,
        "vier" => 4,
        "vijf" => 5,
        "zes" => 6,
        "zeven" => 7,
        "acht" => 8,
        "negen" => 9,
        "tien" => 10,
        "elf" => 11,
        "twaalf" => 12,
        "dertien" => 13,
        "veertien" => 14,
        "vijftien" => 15,
        "zestien" => 16,
        "twintig" => 20,
        "zesentwintig" => 26,
        "dertig" => 30,
        "zestig" => 60,
        _ => return None,
    })
}

/// Days in a term.
fn dagen(n: u32, eenheid: &str) -> u32 {
    match eenheid {
        "week" | "weken" => n * 7,
        "maand" | "maanden" => n * 30,
        _ => n,
    }
}

/// One deviation from a general law.
#[derive(Debug, Clone)]
pub(crate) struct Afwijking {
    pub span: Span,
    pub article: usize,
    /// "de Algemene wet bestuursrecht".
    pub wet: String,
    /// Provision numbers to look for in the toelichting ("4:13", "afdeling 3.4").
    pub zoek: Vec<String>,
    /// What the regulation does, for the message.
    pub wat: String,
}

/// "Artikel 4:8" → "artikel 4:8", "artikelen 8:41" → "de artikelen 8:41".
fn klein(b: &str) -> String {
    let mut c = b.chars();
    let l = match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    };
    if l.starts_with("artikelen") || l.starts_with("afdelingen") {
        format!("de {l}")
    } else {
        l
    }
}

fn wet_naam(w: &str) -> &'static str {
    let l = w.to_lowercase();
    if l.contains("termijnenwet") {
        "de Algemene termijnenwet"
    } else if l.contains("rijksbelastingen") {
        "de Algemene wet inzake rijksbelastingen"
    } else {
        "de Algemene wet bestuursrecht"
    }
}

static NUMMER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+(?:[:.]\d+[a-z]?)+|\d+[a-z]?").expect("valid regex"));

/// The numbers in a provision phrase ("de artikelen 4:7 en 4:8" → ["4:7", "4:8"]).
fn nummers(bep: &str) -> Vec<String> {
    let l = bep.to_lowercase();
    let prefix = ["afdeling", "titel", "hoofdstuk", "paragraaf"]
        .iter()
        .find(|p| l.contains(*p))
        .map(|p| format!("{p} "));
    NUMMER
        .find_iter(bep)
        .map(|m| match &prefix {
            Some(p) if !m.as_str().contains(':') => format!("{p}{}", m.as_str()),
            _ => m.as_str().to_string(),
        })
        .collect()
}

/// Every deviation from a general law in the regulation's articles.
pub(crate) fn afwijkingen(ctx: &Context<'_>) -> Vec<Afwijking> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let doc = r.doc;
    let zelf = doc
        .citeertitel
        .as_ref()
        .map(|c| c.text.as_str())
        .or(doc.title.as_ref().map(|t| t.text.as_str()))
        .unwrap_or("")
        .to_lowercase();
    let eigen_awb = zelf.contains("algemene wet bestuursrecht");
    let noemt_awb = r.text.contains("Algemene wet bestuursrecht") || r.text.contains("Awb");
    // A regulation numbered "1:1" (the Wft) cites its own articles that way.
    let dubbele_punt_nummers = doc.own_articles().any(|(_, a)| a.number.contains(':'));
    let blocks = article_blocks(doc);
    let mut out: Vec<Afwijking> = Vec::new();
    for (ai, a) in doc.articles.iter().enumerate() {
        // Quoted articles inserted by an amendment are new text of this draft;
        // the amendment instructions themselves are not deviations.
        if !a.changes.is_empty() && !a.quoted {
            continue;
        }
        let Some(bs) = blocks.get(ai) else { continue };
        for b in bs {
            let raw = r.text.get(b.text.start..b.text.end).unwrap_or("");
            if !(raw.contains("fwijking")
                || raw.contains("toepassing")
                || raw.contains("termijn")
                || raw.contains("beslis")
                || raw.contains("binnen"))
            {
                continue;
            }
            let t = plain(raw);
            // Offsets into `t` are not offsets into the text; anchor at the block.
            let span = b.text;
            let mut push = |wet: &str, zoek: Vec<String>, wat: String| {
                if wet_naam(wet) == "de Algemene wet bestuursrecht" && eigen_awb {
                    return;
                }
                if zelf.contains(&wet_naam(wet)[3..].to_lowercase()) {
                    return;
                }
                if out
                    .iter()
                    .any(|o| o.article == ai && o.zoek == zoek && o.wet == wet_naam(wet))
                {
                    return;
                }
                out.push(Afwijking {
                    span,
                    article: ai,
                    wet: wet_naam(wet).to_string(),
                    zoek,
                    wat,
                });
            };
            for c in IN_AFWIJKING.captures_iter(&t) {
                let wet = c.name("wet").map_or("", |m| m.as_str());
                let bep = c.name("bep").map(|m| m.as_str().to_string());
                let zoek = bep.as_deref().map(nummers).unwrap_or_default();
                let wat = match &bep {
                    Some(b) => format!("wijkt af van {} van {}", klein(b), wet_naam(wet)),
                    None => format!("wijkt af van {}", wet_naam(wet)),
                };
                push(wet, zoek, wat);
            }
            for c in NIET_VAN_TOEPASSING.captures_iter(&t) {
                let wet = c.name("wet").map_or("", |m| m.as_str());
                let bep = c.name("bep").map(|m| m.as_str().to_string());
                let zoek = bep.as_deref().map(nummers).unwrap_or_default();
                let wat = match &bep {
                    Some(b) => format!(
                        "verklaart {} van {} niet van toepassing",
                        klein(b),
                        wet_naam(wet)
                    ),
                    None => format!("verklaart {} niet van toepassing", wet_naam(wet)),
                };
                push(wet, zoek, wat);
            }
            if noemt_awb && !eigen_awb && !dubbele_punt_nummers {
                for c in IN_AFWIJKING_DUBBELE_PUNT.captures_iter(&t) {
                    let bep = c.name("bep").map_or("", |m| m.as_str());
                    // Already found with the name of the law.
                    let zoek = nummers(bep);
                    if zoek.iter().all(|z| z.contains(':')) {
                        push(
                            "Awb",
                            zoek,
                            format!("wijkt af van {bep} van de Algemene wet bestuursrecht"),
                        );
                    }
                }
            }
            if !eigen_awb {
                for c in BEZWAARTERMIJN.captures_iter(&t) {
                    let voor = t
                        .get(..c.get(0).map_or(0, |m| m.start()))
                        .unwrap_or("")
                        .to_lowercase();
                    let hele = c.get(0).map_or("", |m| m.as_str()).to_lowercase();
                    if !noemt_awb
                        || hele.contains("hoger beroep")
                        || hele.contains("cassatie")
                        || voor.trim_end().ends_with("hoger")
                    {
                        continue;
                    }
                    let (Some(n), Some(e)) = (c.name("n"), c.name("eenheid")) else {
                        continue;
                    };
                    let Some(k) = getal(n.as_str()) else { continue };
                    let soort = c
                        .name("soort")
                        .or(c.name("soort2"))
                        .map_or("bezwaar", |m| m.as_str())
                        .to_lowercase();
                    if dagen(k, &e.as_str().to_lowercase()) == 42 {
                        continue;
                    }
                    push(
                        "Awb",
                        vec!["6:7".to_string()],
                        format!(
                            "stelt een {soort}termijn van {} {} in plaats van zes weken (artikel 6:7 van de Algemene wet bestuursrecht)",
                            n.as_str(),
                            e.as_str()
                        ),
                    );
                }
                for c in BESLISTERMIJN.captures_iter(&t) {
                    let (Some(n), Some(e)) = (c.name("n"), c.name("eenheid")) else {
                        continue;
                    };
                    let Some(k) = getal(n.as_str()) else { continue };
                    if dagen(k, &e.as_str().to_lowercase()) <= 56 {
                        continue;
                    }
                    push(
                        "Awb",
                        vec!["4:13".to_string()],
                        format!(
                            "stelt een beslistermijn van {} {}, langer dan de acht weken van artikel 4:13 van de Algemene wet bestuursrecht",
                            n.as_str(),
                            e.as_str()
                        ),
                    );
                }
            }
        }
    }
    out
}

/// A toelichting sentence that names the provision and gives a reason, or
/// names it only (the second value).
fn motivering(ctx: &Context<'_>, af: &Afwijking) -> (bool, Option<Span>) {
    let Some(t) = ctx.toelichting else {
        return (false, None);
    };
    let zoek: Vec<String> = if af.zoek.is_empty() {
        vec![af.wet[3..].to_string()]
    } else {
        af.zoek.clone()
    };
    let res: Vec<Regex> = zoek
        .iter()
        .filter_map(|z| {
            Regex::new(&format!(
                r"(?i)(?:^|[^\d:.]){}(?:$|[^\d:])",
                regex::escape(z)
            ))
            .ok()
        })
        .collect();
    let mut genoemd = None;
    for b in &t.doc.blocks {
        if !matches!(
            b.kind,
            wetlint_syntax::BlockKind::Paragraph
                | wetlint_syntax::BlockKind::ListItem
                | wetlint_syntax::BlockKind::Table
        ) {
            continue;
        }
        let bt = t.slice(b.text);
        if !res.iter().any(|re| re.is_match(bt)) {
            continue;
        }
        let sents = sentences(t.text, b.text);
        for (i, s) in sents.iter().enumerate() {
            let st = t.slice(*s);
            if !res.iter().any(|re| re.is_match(st)) {
                continue;
            }
            let next = sents.get(i + 1).map_or("", |n| t.slice(*n));
            if REDEN.is_match(st) || REDEN.is_match(next) {
                return (true, Some(*s));
            }
            genoemd.get_or_insert(*s);
        }
    }
    (false, genoemd)
}

impl Rule for AfwijkingAlgemeneWet {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        for af in afwijkingen(ctx) {
            let (gemotiveerd, genoemd) = motivering(ctx, &af);
            if gemotiveerd {
                continue;
            }
            let waar = match ctx.toelichting {
                Some(t) if genoemd.is_some() => format!(
                    "; {} noemt de afwijking maar geeft geen reden.",
                    document_nl(t.doc)
                ),
                Some(t) => format!("; {} motiveert de afwijking niet.", document_nl(t.doc)),
                None => "; motiveer de afwijking in de toelichting.".to_string(),
            };
            let mut f = Finding::new(
                Which::Regeling,
                af.span,
                format!(
                    "{} {}{waar}",
                    crate::text::capitalize(&label(r.doc, af.article)),
                    af.wat
                ),
            )
            .help(format!(
                "Sluit aan bij {} of leg in de toelichting uit waarom afwijken noodzakelijk is (Ar 2012, 47–49).",
                af.wet
            ));
            if let Some(s) = genoemd {
                f = f.related(Which::Toelichting, s, "hier wordt de afwijking genoemd");
            }
            if ctx.toelichting.is_none() {
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
    fn provisions() {
        assert_eq!(nummers("de artikelen 4:7 en 4:8"), ["4:7", "4:8"]);
        assert_eq!(nummers("afdeling 3.4"), ["afdeling 3.4"]);
        let t = "In afwijking van artikel 6:7 van de Algemene wet bestuursrecht bedraagt de termijn twee weken.";
        assert!(IN_AFWIJKING.is_match(t));
        let t = "Artikel 4:8 van de Algemene wet bestuursrecht is niet van toepassing.";
        assert!(NIET_VAN_TOEPASSING.is_match(t));
        let t = "De termijn voor het indienen van een bezwaarschrift bedraagt twee weken.";
        assert!(BEZWAARTERMIJN.is_match(t));
    }
}
