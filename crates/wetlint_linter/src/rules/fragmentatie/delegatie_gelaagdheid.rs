use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{DelegationFormula, Document, DocumentKind, Span};

use super::metrics::{label, label_cap, plain, regular};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::text::join_nl;
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// De delegatiegrondslagen van de regeling ("bij algemene maatregel van
    /// bestuur", "bij of krachtens algemene maatregel van bestuur", "bij
    /// ministeriële regeling", "bij regeling van Onze Minister", "Onze Minister
    /// kan regels stellen", …), en meldt:
    /// - **open delegatie** (waarschuwing): een grondslag om regels te stellen
    ///   zonder onderwerp, of met alleen "ter uitvoering van deze wet" of "omtrent
    ///   de uitvoering van deze wet" als begrenzing;
    /// - **hoofdelementen gedelegeerd** (waarschuwing, alleen in een wet): het
    ///   onderwerp van de delegatie is een vergunningplicht, een verbod, het
    ///   toezicht, de opsporing, een sanctie of bestuurlijke boete, bezwaar of
    ///   beroep, "rechten en verplichtingen", de hoogte van een uitkering of de
    ///   kring van rechthebbenden;
    /// - **mogelijk onbedoelde subdelegatie** (info, alleen in een wet): een
    ///   onderwerp dat het ene artikel aan een algemene maatregel van bestuur
    ///   zonder "of krachtens" toewijst, krijgt in een ander artikel een grondslag
    ///   voor een ministeriële regeling;
    /// - **een derde delegatielaag** (info): een algemene maatregel van bestuur
    ///   die "bij of krachtens ministeriële regeling" delegeert, of een
    ///   ministeriële regeling die opnieuw bij regeling delegeert;
    /// - **versnipperde uitvoeringsregelingen** (info, FRAG-008): "bij
    ///   afzonderlijke algemene maatregel van bestuur", regelingen van drie of
    ///   meer verschillende ministers, of 50 of meer delegatiegrondslagen in één
    ///   regeling.
    ///
    /// Aantallen per formule, subdelegatie en open grondslagen staan in de
    /// fragmentatiemetrieken van het batchrapport.
    ///
    /// De regel zwijgt als:
    /// - de grondslag begrensd is door een onderwerp ("over", "omtrent", "met
    ///   betrekking tot", …), een doel ("ter bescherming van", "met het oog
    ///   op"), een verwijzing ("ter uitvoering van het eerste lid") of een
    ///   opsomming die volgt;
    /// - de grondslag dient ter uitvoering van een verdrag of een EU-handeling
    ///   ("ter uitvoering van richtlijn …", "ter implementatie van …"): daar is
    ///   geen beleidsruimte (Ar 2012, 26, tweede lid);
    /// - het om "nadere regels" gaat in een artikel dat het onderwerp zelf al
    ///   regelt: de nadere regels werken dat artikel uit, en een hoofdelement
    ///   staat dan al in de wet; ook een hoogte waarvan het artikel zelf het
    ///   maximum noemt ("bedraagt ten hoogste …") en toezicht dat het artikel
    ///   zelf belegt, gelden als geregeld;
    /// - een formule geen regels delegeert maar iets aanwijst of vaststelt ("een
    ///   bij algemene maatregel van bestuur aangewezen regeling");
    /// - het artikel een wijzigingsartikel is of in een wijziging staat.
    ///
    /// ## Waarom
    /// Delegatie wordt zo concreet en nauwkeurig mogelijk begrensd (Ar 2012, 25)
    /// en de hoofdelementen van een regeling staan in de wet zelf (Ar 2012, 22
    /// en 24). Subdelegatie van een regering aan een minister vraagt om "bij of
    /// krachtens" (Ar 2.26). Elke laag en elke afzonderlijke
    /// uitvoeringsregeling maakt het geheel moeilijker te overzien voor wie de
    /// regels moet vinden en toepassen; bij voorkeur is er één algemene maatregel
    /// van bestuur of ministeriële regeling per wet (Ar 2012, 104).
    ///
    /// ## Voorbeeld
    /// "Bij algemene maatregel van bestuur kunnen nadere regels worden gesteld
    /// ter uitvoering van deze wet." (open) of "Bij ministeriële regeling
    /// worden regels gesteld over de hoogte van de toeslag." (hoofdelement).
    ///
    /// ## In plaats daarvan
    /// Noem het onderwerp: "Bij ministeriële regeling worden regels gesteld over
    /// de wijze waarop de aanvraag wordt ingediend en de gegevens die daarbij
    /// worden verstrekt." Regel de hoogte van een aanspraak, een verbod of een
    /// sanctie in de wet zelf en delegeer alleen de uitwerking. Gebruik "bij of
    /// krachtens" als subdelegatie bedoeld is.
    ///
    /// ## Bron
    /// Aanwijzingen voor de regelgeving 2.26, 2.28, 2.30 en 6.8; Aanwijzingen
    /// (2012) 22, 24, 25, 26, 32 en 104.
    pub struct DelegatieGelaagdheid {
        code: "FRAG-002",
        name: "delegatie-gelaagdheid",
        category: Category::Fragmentatie,
        summary: "Open of gestapelde delegatie, of hoofdelementen gedelegeerd",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["2.26", "2.28", "2.30", "6.8"],
        aliases: &["FRAG-008"],
    }
}

/// From this many grants, one info finding on the number (FRAG-008).
pub(crate) const VEEL_GRONDSLAGEN: usize = 50;

/// Why a grant is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Open {
    /// "ter uitvoering van deze wet" (or the like) is the only bound.
    AlleenUitvoering,
    /// No subject at all, in an article that holds nothing else.
    ZonderOnderwerp,
}

/// One delegation grant in an own article.
#[derive(Debug, Clone)]
pub(crate) struct Grant {
    pub formula: DelegationFormula,
    pub span: Span,
    pub sentence: Span,
    pub article: usize,
    /// "bij of krachtens": further delegation allowed.
    pub subdelegatie: bool,
    /// The grant lets rules be made (not a designation).
    pub regels: bool,
    pub open: Option<Open>,
    /// The main element delegated, as written ("de hoogte van de uitkering").
    pub hoofdelement: Option<String>,
    /// The subject, lowercased, as words (for comparing grants).
    pub onderwerp: Vec<String>,
}

/// The formula as Dutch text, for messages and metric keys.
pub(crate) fn formula_nl(f: DelegationFormula) -> &'static str {
    match f {
        DelegationFormula::Amvb => "bij algemene maatregel van bestuur",
        DelegationFormula::BijOfKrachtensAmvb => "bij of krachtens algemene maatregel van bestuur",
        DelegationFormula::MinisterieleRegeling => "bij ministeriële regeling",
        DelegationFormula::RegelingVanOnzeMinister => "bij regeling van Onze Minister",
        DelegationFormula::BijOfKrachtensWet => "bij of krachtens de wet",
        DelegationFormula::Beleidsregel => "bij beleidsregel",
        DelegationFormula::Verordening => "bij verordening",
        DelegationFormula::MinisterKanRegelsStellen => "Onze Minister kan regels stellen",
    }
}

/// The sentence makes rules: "worden (nadere) regels gesteld", "kunnen
/// voorschriften worden gegeven", "stelt … regels".
static REGELS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:regels|voorschriften)\s+(?:(?:worden|wordt|kunnen|kan)\s+)?(?:(?:worden|nader)\s+)?(?:gesteld|gegeven|vastgesteld)\b|\b(?:worden|wordt|kunnen|kan)\b[^.;]{0,120}?\b(?:regels|voorschriften)\b[^.;]{0,80}?\b(?:gesteld|gegeven|vastgesteld)\b|\b(?:regels|voorschriften)\s+(?:stellen|geven)\b|\b(?:stelt|stellen|geeft|geven)\b[^.;]{0,40}?\b(?:regels|voorschriften)\b",
    )
    .expect("valid regex")
});
/// "een bij algemene maatregel van bestuur aangewezen regeling": a designation.
static AANWIJZING_NA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\S+\s+){0,3}?(?:aangewezen|vastgestelde?|bepaalde?|gestelde|aan\s+te\s+wijzen|vast\s+te\s+stellen|te\s+bepalen|omschreven|genoemde?)\b")
        .expect("valid regex")
});
/// A grant that refers back to the preceding sentence ("Daarbij kan worden
/// bepaald dat bij ministeriële regeling …"): bounded by it.
static ANAFORISCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\d+[a-z]?\.\s+)?(?:daarbij|daarin|hierbij|daartoe|daarvoor|hiervoor|daaromtrent|dienaangaande|deze\s+regels|die\s+regels|de\s+regels,\s+bedoeld)\b")
        .expect("valid regex")
});
static EU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bter\s+(?:uitvoering|implementatie)\s+van\s+(?:[\w()/.,-]+\s+){0,8}?(?:verdrag(?:en)?|\w*verordening(?:en)?|\w*richtlijn(?:en)?|eu|eg|europese|volkenrechtelijke|internationale|verplichtingen)\b|\bter\s+implementatie\s+van\b|\b(?:verordening|richtlijn|besluit)\s+(?:\((?:eu|eg|eeg)\)|nr\.?\s*\d|\d{2,4}/\d+)|\bvolkenrechtelijke\s+organisatie",
    )
    .expect("valid regex")
});
/// "ter uitvoering van deze wet" and other bounds that bound nothing.
static ALLEEN_UITVOERING: LazyLock<Regex> = LazyLock::new(|| alleen_uitvoering("deze|dit"));
/// In an AMvB or a ministeriële regeling "de wet" is the regulation it rests on.
static ALLEEN_UITVOERING_LAGER: LazyLock<Regex> =
    LazyLock::new(|| alleen_uitvoering("deze|dit|de"));

fn alleen_uitvoering(det: &str) -> Regex {
    Regex::new(&format!(
        r"(?i)\b(?:(?:ter|voor\s+de|met\s+betrekking\s+tot\s+de|omtrent\s+de|over\s+de|ten\s+behoeve\s+van\s+de|die\s+nodig\s+zijn\s+voor\s+de|nodig\s+voor\s+de)\s+(?:goede\s+|juiste\s+|verdere\s+|nadere\s+)?(?:uitvoering|toepassing|naleving|handhaving|werking)\s+van\s+(?:het\s+bij\s+of\s+krachtens\s+|het\s+bepaalde\s+bij\s+of\s+krachtens\s+)?(?:{det})\s+(?:wet|besluit|regeling|verordening)(?:\s+en\s+de\s+daarop\s+berustende\s+bepalingen)?(?:\s+bepaalde)?)"
    ))
    .expect("valid regex")
}
/// A subject, a purpose, a reference or a list that bounds the grant.
static BEGRENZING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:over|omtrent|met\s+betrekking\s+tot|ten\s+aanzien\s+van|inzake|betreffende|aangaande|ter\s+zake\s+van|in\s+verband\s+met|op\s+het\s+gebied\s+van|ten\s+behoeve\s+van|in\s+het\s+belang\s+van|met\s+het\s+oog\s+op|ter\s+(?:bescherming|bevordering|voorkoming|beperking|bestrijding|verzekering|waarborging)\s+van|waarbij|waarin|waarmee|waaraan|waarop|op\s+grond\s+waarvan|volgens\s+welke|inhoudende|strekkende|voor\s+zover|indien|(?:het|dit|dat|de|deze)\s+(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|vorige|voorgaande)\s+lid|artikel(?:en)?\s+\d|dit\s+artikel|deze\s+(?:paragraaf|afdeling|titel)|dit\s+hoofdstuk|bedoeld\s+in|genoemd\s+in|als\s+bedoeld)\b",
    )
    .expect("valid regex")
});
/// A grant with nothing but the formula: "Bij algemene maatregel van bestuur
/// kunnen regels worden gesteld."
static KAAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\d+[a-z]?\.\s*)?(?:(?:bij|krachtens)\s+(?:of\s+krachtens\s+)?(?:een\s+)?(?:algemene\s+maatregel\s+van\s+bestuur|ministeriële\s+regeling|regeling\s+van\s+(?:onze|de)\s+minister(?:\s+van\s+[\w\s-]{1,60}?)?|verordening|beleidsregel)\s*,?\s+(?:kunnen|kan|worden|wordt)\s+(?:(?:nadere|verdere|de)\s+)?(?:regels|voorschriften)\s+(?:worden\s+)?(?:gesteld|gegeven|vastgesteld)|(?:onze|de)\s+minister\s+(?:kan|stelt)\s+(?:nadere\s+)?(?:regels|voorschriften)(?:\s+stellen|\s+vast)?)\s*\.?\s*$")
        .expect("valid regex")
});
/// The subject after the marker, for the main-element test and comparison.
static ONDERWERP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:over|omtrent|met\s+betrekking\s+tot|ten\s+aanzien\s+van|inzake|betreffende|aangaande)\s+(.{3,200})",
    )
    .expect("valid regex")
});
static HOOFDELEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:de\s+|het\s+|een\s+)?(vergunningplicht|(?:een\s+)?verbod(?:en)?\b|het\s+verbod|toezicht\s+op\s+de\s+naleving|opsporing|(?:de\s+)?(?:strafbaarstelling|strafbare\s+feiten)|sancties?\b|bestuurlijke\s+boetes?|(?:de\s+)?hoogte\s+van\s+(?:de|het|een)\s+(?:uitkering|toeslag|tegemoetkoming|bijdrage|heffing|belasting|premie|bestuurlijke\s+boete|boete|vergoeding)|rechten\s+en\s+(?:verplichtingen|plichten)|(?:de\s+)?kring\s+van\s+(?:de\s+)?(?:rechthebbenden|verzekerden|verzekeringsplichtigen|belastingplichtigen)|(?:het\s+)?recht\s+op\s+(?:een|de)\s+(?:uitkering|toeslag|tegemoetkoming)|bezwaar\s+en\s+beroep|beroep\s+(?:bij|tegen)|financiële\s+aanspraken?)\b",
    )
    .expect("valid regex")
});
/// A bound on an amount in the law itself.
static GRENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bten\s+hoogste\b|\bmaximaal\b|\bten\s+minste\b|\bbedraagt\b|€|\bprocent\b|\bcategorie\b")
        .expect("valid regex")
});
static VERBOD_IN_ZIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:kan|kunnen)\s+(?:worden\s+)?(?:bepaald|voorgeschreven)\s+dat\s+het\s+verboden\s+is\b|\bstrafbaar\s+(?:worden|wordt)\s+gesteld\b",
    )
    .expect("valid regex")
});
static AFZONDERLIJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bbij\s+(?:een\s+of\s+meer\s+)?afzonderlijke\s+(?:algemene\s+maatregel(?:en)?\s+van\s+bestuur|ministeriële\s+regeling(?:en)?)",
    )
    .expect("valid regex")
});
static MINISTER_VAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Bb]ij\s+regeling\s+van\s+Onze\s+Minister\s+(van|voor)\s+([A-Z][\w-]*(?:\s+(?:en|van|voor|[A-Z][\w-]*))*)")
        .expect("valid regex")
});

const STOP: [&str; 39] = [
    "de",
    "het",
    "een",
    "van",
    "in",
    "op",
    "te",
    "voor",
    "met",
    "door",
    "aan",
    "bij",
    "of",
    "en",
    "die",
    "dat",
    "als",
    "tot",
    "wordt",
    "worden",
    "nadere",
    "regels",
    "lid",
    "leden",
    "artikel",
    "artikelen",
    "onderdeel",
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "bedoeld",
    "dit",
    "deze",
    "gesteld",
];

fn woorden(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .filter(|w| {
            !STOP.contains(&w.as_str())
                && !w
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ':')
        })
        .collect()
}

/// Every delegation grant in the regulation's own, non-amending articles.
pub(crate) fn grants(text: &str, doc: &Document) -> Vec<Grant> {
    let lager = matches!(
        doc.kind(),
        DocumentKind::Amvb | DocumentKind::MinisterieleRegeling
    );
    let mut out = Vec::new();
    for d in &doc.delegations {
        let Some(ai) = d.article else { continue };
        let Some(a) = doc.articles.get(ai) else {
            continue;
        };
        if !regular(a) {
            continue;
        }
        let raw = text.get(d.sentence.start..d.sentence.end).unwrap_or("");
        let st = plain(raw);
        let formula_text = text.get(d.span.start..d.span.end).unwrap_or("");
        let subdelegatie = matches!(
            d.formula,
            DelegationFormula::BijOfKrachtensAmvb | DelegationFormula::BijOfKrachtensWet
        ) || formula_text.to_lowercase().contains("krachtens");
        let after = text
            .get(d.span.end..d.sentence.end.max(d.span.end))
            .unwrap_or("");
        let before = text
            .get(d.sentence.start..d.span.start.max(d.sentence.start))
            .unwrap_or("")
            .trim_end()
            .to_lowercase();
        let attributief = ["een", "de", "het", "die", "der", "den"]
            .iter()
            .any(|w| before.ends_with(&format!(" {w}")) || before == *w)
            && AANWIJZING_NA.is_match(after);
        let regels = REGELS.is_match(&st) && !attributief;
        let eu = EU.is_match(&st);
        let catch = if lager {
            &*ALLEEN_UITVOERING_LAGER
        } else {
            &*ALLEEN_UITVOERING
        };
        let rest = catch.replace_all(&st, " ");
        let catch_all = rest.len() != st.len();
        let bounded =
            BEGRENZING.is_match(&rest) || st.trim_end().ends_with(':') || ANAFORISCH.is_match(&st);
        let mut open = None;
        if regels && !eu && !bounded && d.formula != DelegationFormula::BijOfKrachtensWet {
            if catch_all {
                open = Some(Open::AlleenUitvoering);
            } else if KAAL.is_match(&st) && alleen_grondslag(text, doc, ai, d.sentence) {
                open = Some(Open::ZonderOnderwerp);
            }
        }
        let onderwerp_text = ONDERWERP.captures(&rest).and_then(|c| c.get(1)).map(|m| {
            m.as_str()
                .trim_end_matches(['.', ';', ':'])
                .trim()
                .to_string()
        });
        let mut hoofdelement = None;
        if regels && !eu && !d.nadere && d.formula != DelegationFormula::BijOfKrachtensWet {
            if let Some(o) = &onderwerp_text
                && let Some(m) = HOOFDELEMENT.find(o)
            {
                hoofdelement = Some(m.as_str().trim().to_string());
            } else if let Some(m) = VERBOD_IN_ZIN.find(&st) {
                hoofdelement = Some(m.as_str().to_string());
            }
            // The article itself already regulates the element: the grant only
            // works it out ("De boete bedraagt ten hoogste …", "Met het toezicht
            // … zijn belast …").
            if let Some(h) = &hoofdelement {
                let art = text.get(a.span.start..a.span.end).unwrap_or("");
                let buiten = format!(
                    "{} {}",
                    art.get(..d.sentence.start.saturating_sub(a.span.start))
                        .unwrap_or(""),
                    art.get(d.sentence.end.saturating_sub(a.span.start)..)
                        .unwrap_or("")
                )
                .to_lowercase();
                let hoogte = h.to_lowercase().contains("hoogte");
                let geregeld = if hoogte {
                    GRENS.is_match(&buiten)
                } else {
                    h.to_lowercase()
                        .split_whitespace()
                        .filter(|w| w.len() > 4)
                        .any(|w| buiten.contains(w))
                };
                if geregeld {
                    hoofdelement = None;
                }
            }
        }
        out.push(Grant {
            formula: d.formula,
            span: d.span,
            sentence: d.sentence,
            article: ai,
            subdelegatie,
            regels,
            open,
            hoofdelement,
            onderwerp: onderwerp_text.as_deref().map(woorden).unwrap_or_default(),
        });
    }
    out
}

/// True when the article holds nothing but the grant sentence and has no
/// title that names the subject.
fn alleen_grondslag(text: &str, doc: &Document, ai: usize, sentence: Span) -> bool {
    let Some(a) = doc.articles.get(ai) else {
        return false;
    };
    if a.title.as_deref().is_some_and(|t| !t.trim().is_empty()) {
        return false;
    }
    let body = text
        .get(a.heading.end.min(a.span.end)..a.span.end)
        .unwrap_or("");
    let grant = text.get(sentence.start..sentence.end).unwrap_or("");
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    words(body) <= words(grant) + 3
}

/// Delegation level of the document itself: wet 0, AMvB 1, ministeriële regeling 2.
fn niveau(kind: DocumentKind) -> Option<usize> {
    match kind {
        DocumentKind::Wet => Some(0),
        DocumentKind::Amvb => Some(1),
        DocumentKind::MinisterieleRegeling => Some(2),
        _ => None,
    }
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.iter().filter(|w| b.contains(w)).count();
    let mut union: Vec<&String> = a.iter().chain(b.iter()).collect();
    union.sort();
    union.dedup();
    inter as f64 / union.len() as f64
}

impl Rule for DelegatieGelaagdheid {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        let gs = grants(r.text, doc);
        let kind = doc.kind();
        let wet = matches!(kind, DocumentKind::Wet);
        for g in &gs {
            let formule = r
                .text
                .get(g.span.start..g.span.end)
                .unwrap_or("")
                .to_string();
            match g.open {
                Some(Open::AlleenUitvoering) => out.push(
                    Finding::new(
                        Which::Regeling,
                        g.span,
                        format!(
                            "Open delegatie in {}: '{}' met als enige begrenzing de uitvoering van de regeling als geheel.",
                            label(doc, g.article),
                            formule.to_lowercase()
                        ),
                    )
                    .help(
                        "Begrens de grondslag zo concreet mogelijk: noem het onderwerp (\"regels over de wijze \
                         waarop de aanvraag wordt ingediend\") of het artikel dat wordt uitgewerkt (Ar 2012, 25; \
                         Ar 2.26).",
                    ),
                ),
                Some(Open::ZonderOnderwerp) => out.push(
                    Finding::new(
                        Which::Regeling,
                        g.span,
                        format!(
                            "Open delegatie in {}: '{}' zonder onderwerp; het artikel zegt niet waarover de regels gaan.",
                            label(doc, g.article),
                            formule.to_lowercase()
                        ),
                    )
                    .help(
                        "Noem het onderwerp van de regels (\"over …\") of het artikel dat zij uitwerken (Ar 2012, 25).",
                    ),
                ),
                None => {}
            }
            if wet && let Some(h) = &g.hoofdelement {
                out.push(
                    Finding::new(
                        Which::Regeling,
                        g.span,
                        format!(
                            "{} delegeert een hoofdelement ('{h}') {}; hoofdelementen horen in de wet zelf.",
                            label_cap(doc, g.article),
                            formule.to_lowercase()
                        ),
                    )
                    .help(
                        "Regel de kern (wie, welke plicht of aanspraak, welke sanctie en hoe hoog) in de wet en \
                         delegeer alleen de uitwerking (Ar 2012, 22 en 24).",
                    ),
                );
            }
        }

        // AMvB without "of krachtens" and a ministeriële regeling on the same subject.
        if wet {
            for mr in gs.iter().filter(|g| {
                matches!(
                    g.formula,
                    DelegationFormula::MinisterieleRegeling
                        | DelegationFormula::RegelingVanOnzeMinister
                ) && g.regels
                    && g.onderwerp.len() >= 4
            }) {
                let Some(amvb) = gs.iter().find(|g| {
                    g.formula == DelegationFormula::Amvb
                        && g.article != mr.article
                        && g.regels
                        && jaccard(&g.onderwerp, &mr.onderwerp) >= 0.6
                        && g.onderwerp
                            .iter()
                            .filter(|w| mr.onderwerp.contains(w))
                            .count()
                            >= 4
                }) else {
                    continue;
                };
                out.push(
                    Finding::new(
                        Which::Regeling,
                        mr.span,
                        format!(
                            "{} geeft een grondslag voor een ministeriële regeling over hetzelfde onderwerp dat {} \
                             aan een algemene maatregel van bestuur zonder 'of krachtens' toewijst.",
                            label_cap(doc, mr.article),
                            label(doc, amvb.article)
                        ),
                    )
                    .help(
                        "Is subdelegatie bedoeld, schrijf dan \"bij of krachtens algemene maatregel van bestuur\" \
                         (Ar 2.26); anders hoort het onderwerp in één van beide regelingen.",
                    )
                    .related(Which::Regeling, amvb.span, "de grondslag voor de algemene maatregel van bestuur")
                    .at_most(Severity::Info),
                );
            }
        }

        // A third layer of delegation.
        if let Some(n) = niveau(kind) {
            for g in gs.iter().filter(|g| g.regels) {
                let doel = match g.formula {
                    DelegationFormula::Amvb | DelegationFormula::BijOfKrachtensAmvb => 1,
                    DelegationFormula::MinisterieleRegeling
                    | DelegationFormula::RegelingVanOnzeMinister
                    | DelegationFormula::MinisterKanRegelsStellen => 2,
                    _ => continue,
                };
                let diepte = doel.max(n + 1) + usize::from(g.subdelegatie);
                if diepte >= 3 && doel >= n {
                    out.push(
                        Finding::new(
                            Which::Regeling,
                            g.span,
                            format!(
                                "{} opent een derde delegatielaag: deze {} delegeert '{}'.",
                                label_cap(doc, g.article),
                                kind.label_nl(),
                                r.text.get(g.span.start..g.span.end).unwrap_or("").to_lowercase()
                            ),
                        )
                        .help(
                            "Beperk de delegatie tot twee lagen (wet en algemene maatregel van bestuur, eventueel \
                             een ministeriële regeling) en regel de rest in de bestaande regeling (Ar 2.26, 2.28).",
                        )
                        .at_most(Severity::Info),
                    );
                }
            }
        }

        // FRAG-008: separate implementing regulations.
        for (ai, a) in doc.own_articles() {
            if !regular(a) {
                continue;
            }
            let t = r.text.get(a.span.start..a.span.end).unwrap_or("");
            if !t.contains("fzonderlijke") {
                continue;
            }
            if let Some(m) = AFZONDERLIJK.find(t) {
                let s = a.span.start + m.start();
                out.push(
                    Finding::new(
                        Which::Regeling,
                        Span::new(s, a.span.start + m.end()),
                        format!(
                            "{} kondigt afzonderlijke uitvoeringsregelingen aan ('{}').",
                            label_cap(doc, ai),
                            m.as_str().to_lowercase()
                        ),
                    )
                    .help(
                        "Breng de uitwerking bij voorkeur onder in één algemene maatregel van bestuur of \
                         ministeriële regeling die de opbouw van de wet volgt (Ar 2012, 104).",
                    )
                    .at_most(Severity::Info),
                );
            }
        }
        let mut ministers: Vec<(String, Span)> = Vec::new();
        for g in gs
            .iter()
            .filter(|g| g.formula == DelegationFormula::RegelingVanOnzeMinister)
        {
            let tail = r
                .text
                .get(g.span.start..g.sentence.end.max(g.span.end))
                .unwrap_or("");
            if let Some(c) = MINISTER_VAN.captures(tail)
                && let Some(m) = c.get(2)
            {
                let name = m.as_str().trim().to_string();
                if !ministers.iter().any(|(n, _)| *n == name) {
                    ministers.push((name, g.span));
                }
            }
        }
        if ministers.len() >= 3
            && let Some((_, span)) = ministers.first()
        {
            let names: Vec<String> = ministers
                .iter()
                .map(|(n, _)| format!("Onze Minister van {n}"))
                .collect();
            out.push(
                Finding::new(
                    Which::Regeling,
                    *span,
                    format!(
                        "De uitwerking is verdeeld over regelingen van {} verschillende ministers ({}).",
                        ministers.len(),
                        join_nl(&names)
                    ),
                )
                .help(
                    "Overweeg één uitvoeringsregeling, vastgesteld in overeenstemming met de andere \
                     ministers (Ar 2012, 104).",
                )
                .at_most(Severity::Info),
            );
        }
        if gs.len() >= VEEL_GRONDSLAGEN {
            let mut per: Vec<(&str, usize)> = Vec::new();
            for g in &gs {
                let f = formula_nl(g.formula);
                match per.iter_mut().find(|(x, _)| *x == f) {
                    Some((_, n)) => *n += 1,
                    None => per.push((f, 1)),
                }
            }
            per.sort_by_key(|p| std::cmp::Reverse(p.1));
            let parts: Vec<String> = per
                .iter()
                .take(4)
                .map(|(f, n)| format!("{n}× '{f}'"))
                .collect();
            let mut arts: Vec<usize> = gs.iter().map(|g| g.article).collect();
            arts.dedup();
            let anchor = doc.title.as_ref().map_or_else(
                || gs.first().map_or(Span::new(0, 0), |g| g.span),
                |t| t.span,
            );
            out.push(
                Finding::new(
                    Which::Regeling,
                    anchor,
                    format!(
                        "De regeling bevat {} delegatiegrondslagen in {} artikelen ({}), waarvan {} met subdelegatie.",
                        gs.len(),
                        arts.len(),
                        parts.join(", "),
                        gs.iter().filter(|g| g.subdelegatie).count()
                    ),
                )
                .help(
                    "Veel grondslagen leiden tot veel uitvoeringsregelingen. Bundel de uitwerking waar het kan \
                     in één algemene maatregel van bestuur die de opbouw van de wet volgt (Ar 2012, 104).",
                )
                .at_most(Severity::Info),
            );
        }
    }
}
