use std::sync::LazyLock;

use wetlint_data::{Organisatie, Vorm};
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::Span;

use super::metrics::{article_blocks, label, regular};
use super::veel_uitvoerders::coordinatie_uitgelegd;
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::rules::uitvoering::actoren::{
    artikelen_nl, bestuurslaag, dekt, is_decentraal, naam_met_lidwoord, vermeldingen,
};
use crate::text::{capitalize, join_nl, sentences};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of dezelfde burger of hetzelfde bedrijf bij twee of meer organisaties
    /// moet aanvragen, melden of gegevens aanleveren: "De werkgever meldt … aan
    /// het UWV" en "De werkgever doet aangifte bij de Belastingdienst", of "De
    /// aanvraag wordt ingediend bij de Sociale verzekeringsbank" naast "De
    /// aanvraag wordt ingediend bij het college". Ook meldt de regel (één keer)
    /// dat de aanvrager gegevens moet verstrekken die de overheid al heeft,
    /// zoals het inkomen, de gezinssamenstelling of de geboortedatum.
    ///
    /// Voldaan is als de toelichting één loket of aanspreekpunt, "no wrong
    /// door", de doorzendplicht (artikel 2:3 Awb), gegevens die ambtshalve uit
    /// een basisregistratie worden ontleend of een eenmalige gegevensuitvraag
    /// beschrijft.
    ///
    /// De regel zwijgt als:
    /// - het om bezwaar, beroep of een klacht gaat: dat die bij een ander orgaan
    ///   wordt ingediend dan de aanvraag, volgt uit de Awb;
    /// - een van de organisaties een onafhankelijke toezichthouder of inspectie
    ///   is (een melding aan de Autoriteit Persoonsgegevens hoort daar
    ///   wettelijk), of een rechter, adviescollege, de politie of het Openbaar
    ///   Ministerie;
    /// - de organen tot dezelfde gemeente, provincie of hetzelfde waterschap
    ///   behoren, of de aanlevering loopt "door tussenkomst van" één organisatie;
    /// - de gegevens alleen hoeven te worden verstrekt als ze niet bekend zijn;
    /// - de toelichting één loket of hergebruik van gegevens beschrijft.
    ///
    /// Zonder toelichting is de melding info.
    ///
    /// ## Waarom
    /// Een burger die voor één levensgebeurtenis bij meerdere loketten moet
    /// aankloppen en steeds dezelfde gegevens moet aanleveren, haakt af of maakt
    /// fouten; dat vraagt meer doenvermogen dan velen hebben. Gegevens die de
    /// overheid al heeft, worden uit de basisregistraties gehaald (Ar 2012,
    /// 161 en 130b), en de toelichting beschrijft de informatievoorziening
    /// (Ar 4.43, onder d).
    ///
    /// ## Voorbeeld
    /// Artikel 4: "De aanvrager dient de aanvraag in bij het college." Artikel
    /// 7: "De aanvrager verstrekt het UWV binnen vier weken een opgave van zijn
    /// inkomen." De toelichting zegt niets over één loket of over het ophalen
    /// van het inkomen bij de Belastingdienst.
    ///
    /// ## In plaats daarvan
    /// Laat de burger bij één organisatie aanvragen en regel de
    /// gegevensuitwisseling tussen de organisaties in de wet ("Het college
    /// zendt de aanvraag door aan het UWV"). Haal het inkomen en de
    /// gezinssamenstelling ambtshalve op en beschrijf dat in de toelichting.
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder d; Aanwijzingen (2012) 130b en 161; Algemene wet
    /// bestuursrecht, artikel 2:3; beleid over doenvermogen en proactieve
    /// dienstverlening.
    pub struct MeerdereLoketten {
        code: "FRAG-006",
        name: "meerdere-loketten",
        category: Category::Fragmentatie,
        summary: "Burgers moeten bij meer loketten aanleveren zonder één aanspreekpunt",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.43"],
        aliases: &[],
    }
}

/// Citizens and businesses that submit, report or provide data.
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\S+\s+){0,12}?(?:(?:de|het|een)\s+(aanvrager|belanghebbende|verzekerde|werkgever|werknemer|ouder|rechthebbende|uitkeringsgerechtigde|ondernemer|belastingplichtige|huurder|verhuurder|student|exploitant|vergunninghouder|eigenaar|betrokkene)s?\s+(?:dient|dienen|doet|doen|verstrekt|verstrekken|meldt|melden|legt|leggen|overlegt|overleggen|zendt|zenden|levert|leveren|geeft|geven)\b|(?:dient|dienen|doet|doen|verstrekt|verstrekken|meldt|melden|legt|leggen|overlegt|overleggen|zendt|zenden|levert|leveren)\s+(?:de|het)\s+(aanvrager|belanghebbende|verzekerde|werkgever|werknemer|ouder|rechthebbende|uitkeringsgerechtigde|ondernemer|belastingplichtige|huurder|verhuurder|student|exploitant|vergunninghouder|eigenaar|betrokkene)s?\b)",
    )
    .expect("valid regex")
});
/// A cheap first test for [`SUBJECT`] and [`PASSIEF`].
static KANDIDAAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:aanvrager|belanghebbende|verzekerde|werkgever|werknemer|ouder|rechthebbende|uitkeringsgerechtigde|ondernemer|belastingplichtige|huurder|verhuurder|student|exploitant|vergunninghouder|eigenaar|betrokkene|aanvraag|melding|opgave|aangifte|mededeling)")
        .expect("valid regex")
});
/// Passive submissions: "De aanvraag wordt ingediend bij …".
static PASSIEF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:de|een)\s+(aanvraag|melding|opgave|aangifte|mededeling)\w*\s+(?:om\s+\S+\s+)?(?:wordt|worden)\s+(?:\S+\s+){0,8}?(?:ingediend|gedaan|verstrekt|toegezonden|ingezonden)\b",
    )
    .expect("valid regex")
});
static UITGESLOTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:bezwaar\w*|beroep\w*|klacht\w*|zienswijze\w*|door\s+tussenkomst\s+van)\b")
        .expect("valid regex")
});
/// Data the government already holds.
static BEKENDE_GEGEVENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(toetsingsinkomen|verzamelinkomen|(?:zijn|haar|het)\s+inkomen|inkomensgegevens|gezinssamenstelling|samenstelling\s+van\s+(?:het|zijn|haar)\s+huishouden|geboortedatum|burgerlijke\s+staat)\b",
    )
    .expect("valid regex")
});
static VERSTREKT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:verstrekt|verstrekken|overlegt|overleggen|legt\s+\S+\s+over|doet\s+opgave|vermeldt|geeft\s+\S+\s+op)\b")
        .expect("valid regex")
});
static TENZIJ_BEKEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:indien|voor\s+zover|voorzover|als|wanneer)\b[^.;]{0,80}\bniet\b[^.;]{0,40}\b(?:bekend|beschikbaar|beschikt|kan\s+(?:worden\s+)?(?:ontleend|verkregen))")
        .expect("valid regex")
});

const LOKET: [&str; 11] = [
    "één loket",
    "één aanspreekpunt",
    "één toegang",
    "centraal loket",
    "centraal aanspreekpunt",
    "no wrong door",
    "doorzendplicht",
    "doorzenden",
    "eenmalige uitvraag",
    "eenmalige gegevensuitvraag",
    "hergebruik van gegevens",
];
const GEGEVENS: [&str; 6] = [
    "basisregistratie",
    "basisregistraties",
    "eenmalige uitvraag",
    "eenmalige gegevensuitvraag",
    "hergebruik van gegevens",
    "gegevensuitwisseling",
];

fn onafhankelijk(org: &Organisatie) -> bool {
    matches!(
        org.vorm,
        Vorm::Toezichthouder | Vorm::Inspectie | Vorm::Adviescollege
    ) || matches!(org.id(), "rechtspraak" | "politie" | "om")
}

/// One submission: an addressee that must hand something in at a body.
#[derive(Debug, Clone)]
struct Aanlevering {
    adressaat: String,
    body: String,
    naam: String,
    org_id: String,
    article: usize,
    span: Span,
}

impl Rule for MeerdereLoketten {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        let blocks = article_blocks(doc);
        let kandidaat = blocks
            .iter()
            .flatten()
            .any(|b| KANDIDAAT.is_match(r.text.get(b.text.start..b.text.end).unwrap_or("")));
        if !kandidaat {
            return;
        }
        // Two bodies are needed for the first signal; the second needs none.
        let ms = if super::veel_uitvoerders::genoemde_organisaties(ctx) >= 2 {
            vermeldingen(ctx, Which::Regeling)
        } else {
            Vec::new()
        };
        let mut subs: Vec<Aanlevering> = Vec::new();
        let mut bekende: Option<(usize, Span, String)> = None;
        for (ai, a) in doc.own_articles() {
            if !regular(a) {
                continue;
            }
            let Some(bs) = blocks.get(ai) else { continue };
            for b in bs {
                let bt = r.text.get(b.text.start..b.text.end).unwrap_or("");
                if !KANDIDAAT.is_match(bt) {
                    continue;
                }
                for s in sentences(r.text, b.text) {
                    let st = r.text.get(s.start..s.end).unwrap_or("");
                    let adressaat = if let Some(c) = SUBJECT.captures(st) {
                        c.get(1).or(c.get(2)).map(|m| m.as_str().to_lowercase())
                    } else if let Some(c) = PASSIEF.captures(st) {
                        c.get(1).map(|m| match m.as_str().to_lowercase().as_str() {
                            "aanvraag" => "aanvrager".to_string(),
                            w => format!("wie de {w} doet"),
                        })
                    } else {
                        None
                    };
                    let Some(adressaat) = adressaat else { continue };
                    if UITGESLOTEN.is_match(st) {
                        continue;
                    }
                    // The data signal: the citizen provides data the government holds.
                    if bekende.is_none()
                        && VERSTREKT.is_match(st)
                        && !TENZIJ_BEKEND.is_match(st)
                        && let Some(m) = BEKENDE_GEGEVENS.find(st)
                    {
                        bekende = Some((ai, s, m.as_str().to_string()));
                    }
                    // The recipient: an organisation after "bij"/"aan", or right after the verb.
                    let in_s: Vec<_> = ms
                        .iter()
                        .filter(|m| s.start <= m.range.start && m.range.end <= s.end)
                        .collect();
                    for m in in_s {
                        let before = r
                            .text
                            .get(s.start.max(m.range.start.saturating_sub(24))..m.range.start)
                            .unwrap_or("")
                            .to_lowercase();
                        let before = before.trim_end();
                        let ontvanger =
                            [" bij de", " bij het", " bij", " aan de", " aan het", " aan"]
                                .iter()
                                .any(|p| before.ends_with(p))
                                || [
                                    " verstrekt",
                                    " verstrekken",
                                    " doet",
                                    " doen",
                                    " meldt",
                                    " zendt",
                                ]
                                .iter()
                                .any(|v| {
                                    before.ends_with(v)
                                        || before.ends_with(&format!("{v} de"))
                                        || before.ends_with(&format!("{v} het"))
                                });
                        if !ontvanger || onafhankelijk(m.org) {
                            continue;
                        }
                        let body = if is_decentraal(m.org) {
                            format!("laag:{}", bestuurslaag(m.org).0)
                        } else {
                            m.org.id().to_string()
                        };
                        subs.push(Aanlevering {
                            adressaat: adressaat.clone(),
                            body,
                            naam: naam_met_lidwoord(m.org, r.text, &m.range),
                            org_id: m.org.id().to_string(),
                            article: ai,
                            span: s,
                        });
                        break;
                    }
                }
            }
        }
        // Parts with their whole (Douane with the Belastingdienst).
        let orgs: Vec<&Organisatie> = subs
            .iter()
            .filter_map(|s| ctx.data.organisatie(&s.org_id))
            .collect();
        for s in &mut subs {
            if let Some(org) = ctx.data.organisatie(&s.org_id)
                && let Some(w) = orgs.iter().find(|o| o.id() != org.id() && dekt(o, org))
            {
                s.body = w.id().to_string();
            }
        }

        let toel = ctx.toelichting.is_some();
        let mut gemeld: Vec<String> = Vec::new();
        for (i, s) in subs.iter().enumerate() {
            if gemeld.contains(&s.adressaat) {
                continue;
            }
            let Some(t) = subs
                .iter()
                .skip(i + 1)
                .find(|t| t.adressaat == s.adressaat && t.body != s.body)
            else {
                continue;
            };
            gemeld.push(s.adressaat.clone());
            let ids = vec![s.org_id.clone(), t.org_id.clone()];
            if coordinatie_uitgelegd(ctx, &ids, Some(&LOKET)).is_some() {
                continue;
            }
            let mut alle: Vec<&Aanlevering> =
                subs.iter().filter(|x| x.adressaat == s.adressaat).collect();
            alle.dedup_by(|a, b| a.body == b.body);
            let mut namen: Vec<String> = Vec::new();
            for x in &alle {
                let arts: Vec<usize> = subs
                    .iter()
                    .filter(|y| y.adressaat == s.adressaat && y.body == x.body)
                    .map(|y| y.article)
                    .fold(Vec::new(), |mut v, a| {
                        if !v.contains(&a) {
                            v.push(a);
                        }
                        v
                    });
                let n = format!("{} ({})", x.naam, artikelen_nl(doc, &arts));
                if !namen.contains(&n) {
                    namen.push(n);
                }
            }
            let wie = if s.adressaat.starts_with("wie ") {
                s.adressaat.clone()
            } else {
                format!("de {}", s.adressaat)
            };
            let mut f = Finding::new(
                Which::Regeling,
                s.span,
                format!(
                    "{} moet bij {} organisaties aanvragen, melden of gegevens aanleveren: {}{}",
                    capitalize(&wie),
                    if namen.len() == 2 { "twee".to_string() } else { namen.len().to_string() },
                    join_nl(&namen),
                    if toel {
                        "; de toelichting beschrijft geen loket of doorzending."
                    } else {
                        "."
                    }
                ),
            )
            .help(
                "Laat de burger bij één organisatie terecht: regel de doorzending of gegevensuitwisseling \
                 tussen de organisaties en beschrijf dat in de toelichting (\"één loket\", artikel 2:3 Awb).",
            )
            .related(
                Which::Regeling,
                t.span,
                format!("aanlevering bij {} in {}", t.naam, label(doc, t.article)),
            );
            if !toel {
                f = f.at_most(Severity::Info);
            }
            out.push(f);
        }

        if let Some((ai, span, wat)) = bekende
            && coordinatie_uitgelegd(ctx, &[], Some(&GEGEVENS)).is_none()
        {
            let mut f = Finding::new(
                Which::Regeling,
                span,
                format!(
                    "{} vraagt de burger gegevens te verstrekken die de overheid al heeft ('{wat}'){}",
                    capitalize(&label(doc, ai)),
                    if toel {
                        "; de toelichting zegt niet dat ze uit een basisregistratie worden gehaald."
                    } else {
                        "."
                    }
                ),
            )
            .help(
                "Haal het inkomen, de gezinssamenstelling en andere bekende gegevens ambtshalve op (bij de \
                 Belastingdienst of uit de basisregistratie personen) en vraag de burger alleen om wat \
                 ontbreekt (Ar 2012, 161 en 130b).",
            );
            if !toel {
                f = f.at_most(Severity::Info);
            }
            out.push(f);
        }
    }
}
