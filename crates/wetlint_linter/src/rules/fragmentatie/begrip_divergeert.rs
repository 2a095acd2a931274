use std::collections::HashMap;
use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_index::{DefinitionEntry, Index};
use wetlint_regex::Regex;
use wetlint_syntax::{Definition, DefinitionScope, Document};

use super::metrics::{label, own_bwb, plain};
use crate::rule::{Category, Rule, RuleMeta, Scope, Status, W};
use crate::text::join_nl;
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of een begrip uit de begripsbepalingen dezelfde betekenis heeft als
    /// elders. De regel meldt:
    /// - **een Awb-begrip met een eigen betekenis**: de regeling definieert
    ///   "bestuursorgaan", "belanghebbende", "besluit", "beschikking",
    ///   "aanvraag", "beleidsregel", "bezwaar", "beroep", "subsidie",
    ///   "toezichthouder", "overtreder", "last onder bestuursdwang", "last onder
    ///   dwangsom", "bestuurlijke boete" of een ander begrip uit de Algemene wet
    ///   bestuursrecht anders dan de Awb;
    /// - **één begrip, twee betekenissen**: hetzelfde begrip wordt voor de hele
    ///   regeling twee keer gedefinieerd, met verschillende tekst;
    /// - **één betekenis, twee begrippen**: twee begrippen in dezelfde lijst
    ///   krijgen woordelijk dezelfde definitie ("aanvrager" en "verzoeker");
    /// - met een index (`wetlint check --index`): **een afwijkende definitie**.
    ///   Het begrip wordt in verwante regelingen anders gedefinieerd (minder dan
    ///   60% gedeelde inhoudswoorden), en in geen enkele verwante regeling gelijk.
    ///   Verwant is een regeling waarnaar deze regeling verwijst, een regeling
    ///   waarnaar andere regelingen voor dit begrip verwijzen (de "bron" van het
    ///   begrip), of een regeling die drie of meer andere begrippen van deze
    ///   regeling ook definieert (twee bij begrippen als partner, inkomen,
    ///   kind, werknemer of zorgaanbieder; nooit alleen daarom bij rollen als
    ///   "ambtenaar" of "bevoegd gezag", die per regeling iets anders
    ///   aanduiden). Eén melding per begrip, met ten hoogste drie regelingen.
    ///   Definities die hetzelfde beginnen ("lidstaat van de Europese Unie
    ///   waarin …") volgen één model en gelden als gelijk.
    ///
    /// De regel zwijgt als:
    /// - de definitie verwijst ("partner: partner als bedoeld in artikel 3 van
    ///   de Algemene wet inkomensafhankelijke regelingen"), ook via een link of
    ///   "in de zin van";
    /// - de definitie het begrip alleen versmalt ("aanvraag: aanvraag om een
    ///   vergunning als bedoeld in artikel 3"), een afkorting is voor een
    ///   regeling of instantie ("besluit: Besluit …"), of alleen geldt voor een
    ///   hoofdstuk, afdeling of artikel ("In dit hoofdstuk wordt verstaan
    ///   onder …", "Bij de toepassing van dit artikel …"), of het begrip alleen
    ///   uitbreidt ("wordt mede verstaan");
    /// - de definitie de Awb-omschrijving zelf volgt, of het om een regeling voor
    ///   Caribisch Nederland of een rijkswet gaat (daar geldt de Awb niet);
    /// - de andere regeling een verdrag is, of voor Caribisch Nederland geldt
    ///   terwijl deze regeling dat niet doet (of andersom).
    ///
    /// Legt de toelichting uit waarom het begrip afwijkt ("in afwijking van
    /// het begrip … in de …", "anders dan in"), dan is de melding info.
    ///
    /// ## Waarom
    /// Hetzelfde woord met een andere betekenis in een andere wet is een van de
    /// bronnen van fragmentatie: een burger of uitvoerder die "partner" of
    /// "inkomen" uit de ene regeling kent, past het in de andere verkeerd toe.
    /// Begrippen uit de Awb worden in dezelfde betekenis gebruikt (Ar 2012,
    /// 50), een begrip wordt in één regeling steeds in dezelfde betekenis
    /// gebruikt en voor hetzelfde begrip steeds hetzelfde woord (Ar 2012, 58),
    /// en bij voorkeur wordt aangesloten bij bestaande definities (Ar 3.4).
    ///
    /// ## Voorbeeld
    /// "belanghebbende: de ouder die kinderopvang afneemt" (het Awb-begrip
    /// krijgt een andere betekenis), of twee onderdelen "aanvrager: degene die
    /// een aanvraag indient" en "verzoeker: degene die een aanvraag indient".
    ///
    /// ## In plaats daarvan
    /// Gebruik voor een eigen begrip een eigen woord ("de ouder", "de
    /// rechthebbende"), sluit aan bij een bestaande definitie met een
    /// verwijzende definitie, of leg in de toelichting uit waarom het begrip hier
    /// anders moet zijn.
    ///
    /// ## Bron
    /// Aanwijzingen voor de regelgeving 3.4 en 5.3; Aanwijzingen (2012) 47–50,
    /// 58 en 161.
    pub struct BegripDivergeert {
        code: "FRAG-004",
        name: "begrip-divergeert",
        category: Category::Fragmentatie,
        summary: "Een begrip wordt anders gedefinieerd dan elders in de regelgeving",
        severity: [W, W, W, W],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["3.4", "5.3"],
        aliases: &[],
    }
}

/// Awb terms with the article that defines them, and text that shows the
/// definition follows the Awb.
const AWB: [(&str, &str, &str); 17] = [
    ("bestuursorgaan", "1:1", r"gezag\s+bekleed"),
    (
        "belanghebbende",
        "1:2",
        r"belang\s+rechtstreeks\s+(?:bij|betrokken)",
    ),
    (
        "besluit",
        "1:3",
        r"schriftelijke\s+beslissing\s+van\s+een\s+bestuursorgaan",
    ),
    ("beschikking", "1:3", r"niet\s+van\s+algemene\s+strekking"),
    ("aanvraag", "1:3", r"^(?:een\s+)?verzoek\b"),
    (
        "beleidsregel",
        "1:3",
        r"niet\s+zijnde\s+een\s+algemeen\s+verbindend\s+voorschrift",
    ),
    ("bezwaar", "1:5", r"bezwaar\s+maken|bezwaarschrift"),
    ("beroep", "1:5", r"beroep\s+instellen|beroepschrift"),
    ("bestuursrechter", "1:4", r"bestuursrechtspraak"),
    (
        "subsidie",
        "4:21",
        r"aanspraak\s+op\s+financiële\s+middelen",
    ),
    ("toezichthouder", "5:11", r"toezicht|aangewezen"),
    (
        "overtreder",
        "5:1",
        r"pleegt\s+of\s+medepleegt|de\s+overtreding\s+(?:pleegt|begaat)",
    ),
    ("bestuurlijke sanctie", "5:2", r"wegens\s+een\s+overtreding"),
    (
        "herstelsanctie",
        "5:2",
        r"wegens\s+een\s+overtreding|ongedaan\s+maken",
    ),
    ("last onder bestuursdwang", "5:21", r"herstelsanctie"),
    ("last onder dwangsom", "5:31d", r"herstelsanctie"),
    ("bestuurlijke boete", "5:40", r"bestraffende\s+sanctie"),
];

/// "beroep" in the Awb sense (not an occupation).
static RECHTSBESCHERMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:rechter|besluit|beslissing|uitspraak)").expect("valid regex")
});

static AWB_VOLGT: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    AWB.iter()
        .map(|(_, _, p)| Regex::new(&format!("(?i){p}")).expect("valid regex"))
        .collect()
});

/// Terms whose meaning matters most across regulations (catalog FRAG-004).
const HOOG: [&str; 17] = [
    "partner",
    "huishouden",
    "inkomen",
    "toetsingsinkomen",
    "vermogen",
    "kind",
    "ouder",
    "woonadres",
    "ingezetene",
    "werknemer",
    "werkgever",
    "ondernemer",
    "zorgaanbieder",
    "uitkering",
    "belanghebbende",
    "aanvraag",
    "besluit",
];

/// Terms that name an instrument or an organ, not a concept.
const GENERIEK: [&str; 16] = [
    "onze minister",
    "minister",
    "onze ministers",
    "wet",
    "besluit",
    "regeling",
    "richtlijn",
    "verordening",
    "verdrag",
    "staatssecretaris",
    "ministerie",
    "de wet",
    "het besluit",
    "de regeling",
    "de minister",
    "onze minister-president",
];

/// Roles and organs whose referent differs by regulation by design ("de
/// ambtenaar" of a rechtspositieregeling, "het bevoegd gezag" of a permit):
/// compared across regulations only with a regulation this one refers to,
/// or with the source other regulations refer to.
const ROL: [&str; 24] = [
    "ambtenaar",
    "ambtenaren",
    "commandant",
    "bevoegd gezag",
    "instelling",
    "betrokkene",
    "personeelslid",
    "personeel",
    "bestuur",
    "directeur",
    "voorzitter",
    "secretaris",
    "commissie",
    "raad",
    "dienst",
    "school",
    "inspecteur",
    "ontvanger",
    "college",
    "stichting",
    "vereniging",
    "fonds",
    "schip",
    "project",
];

static VERWIJZEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:als\s+)?(?:bedoeld|genoemd|omschreven|gedefinieerd)\s+in\s+\[?(?:artikel|de\s+artikelen|hoofdstuk|afdeling|titel|paragraaf|bijlage|onderdeel|het\s+\w+\s+lid|de|het)\b|\bin\s+de\s+zin\s+van\b|\bin\s+de\s+betekenis\s+van\b|\bhetgeen\b[^;]{0,120}\bdaaronder\s+(?:wordt\s+)?verstaa?n?t?\b|\bzoals\s+(?:bedoeld|omschreven|gedefinieerd)\s+in\b|\bovereenkomstig\s+(?:de\s+)?artikel|\bin\s+\[?(?:artikel|de\s+artikelen|hoofdstuk|afdeling|titel|paragraaf|bijlage)\b[^;]{0,160}?\b(?:bedoelde|genoemde|omschreven)\b",
    )
    .expect("valid regex")
});
static CITAAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bStb\.|\bStcrt\.|\bPb(?:EU|EG)\b|\((?:EU|EG|EEG)\)|\bnr\.\s*\d")
        .expect("valid regex")
});
static MOTIVERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bin\s+afwijking\s+van\b|\banders\s+dan\s+(?:in|bij)\b|\bafwijk\w*|\bruimer\s+dan\b|\bbeperkter\s+dan\b|\bin\s+tegenstelling\s+tot\b")
        .expect("valid regex")
});

const STOP: [&str; 58] = [
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
    "dan",
    "om",
    "tot",
    "uit",
    "over",
    "naar",
    "onder",
    "is",
    "zijn",
    "wordt",
    "worden",
    "deze",
    "dit",
    "zij",
    "hij",
    "haar",
    "hun",
    "welke",
    "waarin",
    "waarbij",
    "waarvan",
    "bedoeld",
    "artikel",
    "artikelen",
    "lid",
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "onderdeel",
    "wet",
    "ingevolge",
    "krachtens",
    "ten",
    "aanzien",
    "zoals",
    "alsmede",
    "wel",
    "niet",
    "ook",
];

/// Content words of a definition (stop words removed).
pub(crate) fn tokens(s: &str) -> Vec<String> {
    let mut v: Vec<String> = plain(s)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 && !STOP.contains(w))
        .map(str::to_string)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The first three content words in order: definitions that start alike
/// ("lidstaat van de Europese Unie waarin …") follow one template and differ
/// only in the instrument they are written for.
pub(crate) fn opening(s: &str) -> Vec<String> {
    plain(s)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 && !STOP.contains(w))
        .take(3)
        .map(str::to_string)
        .collect()
}

/// Jaccard, or containment when one definition elaborates the other.
pub(crate) fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let union = a.len() + b.len() - inter;
    let j = inter as f64 / union as f64;
    let small = a.len().min(b.len());
    let c = inter as f64 / small as f64;
    if small >= 3 && c >= 0.8 { j.max(c) } else { j }
}

/// The lookup key of a term: lowercased, without a list label or article.
pub(crate) fn term_key(term: &str) -> String {
    let k = wetlint_index::key(term);
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[a-z]{1,2}\.\s*)?(?:(?:de|het|een)\s+)?").expect("valid regex")
    });
    LABEL
        .replace(&k, "")
        .trim_matches(|c: char| c == ':' || c.is_whitespace())
        .to_string()
}

/// A definition that refers to another: nothing of its own to diverge.
fn verwijzend(text: &str) -> bool {
    VERWIJZEND.is_match(text)
}

/// A definition that narrows the term itself ("aanvraag: aanvraag om …"),
/// abbreviates an instrument ("besluit: Besluit …") or was cut off by the parser.
fn geen_eigen_betekenis(key: &str, text: &str) -> bool {
    let t = plain(text);
    let t = t.trim();
    if t.is_empty() || t.ends_with(':') || t.ends_with(',') {
        return true;
    }
    let lower = t.to_lowercase();
    let rest = ["een ", "de ", "het "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
    if rest.starts_with(key)
        && rest[key.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    {
        return true;
    }
    // "de aan de rechtspersoon te verstrekken subsidie voor …": the term is
    // the head of the definition's first phrase.
    let head: String = lower
        .split(';')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                *w,
                "die" | "dat" | "welke" | "waarvan" | "waarbij" | "waarin" | "waarop"
            )
        })
        .take(20)
        .collect::<Vec<_>>()
        .join(" ");
    let kw: Vec<&str> = key.split_whitespace().collect();
    let hw: Vec<&str> = head
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    if !kw.is_empty() && hw.windows(kw.len()).any(|w| w == kw.as_slice()) {
        return true;
    }
    let first = t
        .trim_start_matches(['[', '(', '*', '_', '„', '"', '\''])
        .split_whitespace()
        .find(|w| !matches!(w.to_lowercase().as_str(), "de" | "het" | "een"));
    if first.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        return true;
    }
    CITAAT.is_match(t)
}

static BEPERKT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in|voor|bij\s+de\s+toepassing\s+van|voor\s+de\s+toepassing\s+van)\s+(?:dit|deze|dat|die|het\s+\w+|de\s+\w+)\s+(?:artikel|artikelen|lid|leden|onderdeel|onderdelen|hoofdstuk|afdeling|paragraaf|titel|boek|deel|bijlage|volzin)\b|\b(?:in|voor\s+de\s+toepassing\s+van|bij\s+de\s+toepassing\s+van)\s+(?:de\s+)?artikel(?:en)?\s+\d")
        .expect("valid regex")
});
static HELE_REGELING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:deze|dit)\s+(?:wet|besluit|regeling|beleidsregel|verordening|reglement|code)\b",
    )
    .expect("valid regex")
});

/// The intro sentence of a definition ("In deze wet wordt verstaan onder:",
/// "Bij de toepassing van dit artikel wordt onder X mede verstaan …").
fn intro<'t>(text: &'t str, doc: &Document, d: &Definition) -> &'t str {
    let start = d
        .article
        .and_then(|a| doc.articles.get(a))
        .map_or(d.span.start.saturating_sub(600), |a| a.heading.end);
    let end = d.span.end.min(text.len());
    let w = text.get(start.min(end)..end).unwrap_or("");
    let Some(pos) = ["verstaan", "begrepen"]
        .iter()
        .filter_map(|k| w.rfind(k))
        .max()
    else {
        return "";
    };
    let head = &w[..pos];
    let from = head
        .rfind(['\n', ';'])
        .into_iter()
        .chain(head.rfind(". "))
        .max()
        .map_or(0, |i| i + 1);
    let tail = &w[pos..];
    let to = tail.find([':', '\n']).map_or(w.len(), |i| pos + i);
    w.get(from..to).unwrap_or("")
}

/// What the intro says about the definition: (limited to a part, extension,
/// explicitly for the whole regulation). Guards the parser's scope, which
/// takes "Bij de toepassing van dit artikel wordt onder X mede verstaan …" for
/// a definition of the whole regulation.
fn reikwijdte(text: &str, doc: &Document, d: &Definition) -> (bool, bool, bool) {
    let i = intro(text, doc, d);
    let beperkt = !matches!(d.scope, DefinitionScope::Regeling { .. }) || BEPERKT.is_match(i);
    let mede = d.extension
        || i.contains("mede verstaan")
        || i.contains("mede begrepen")
        || i.contains("ook verstaan");
    let heel = !beperkt && HELE_REGELING.is_match(i);
    (beperkt, mede, heel)
}

/// A parsed term that is a real term, not a sentence fragment or a formula variable.
fn plausibel(term: &str) -> bool {
    let t = term.trim_matches(['*', '_', ' ', ':']);
    let words = t.split_whitespace().count();
    t.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && words <= 6
        && !t.contains('<')
        && !t.split_whitespace().any(|w| {
            matches!(
                w,
                "dient" | "wordt" | "worden" | "is" | "zijn" | "lid" | "artikel"
            )
        })
}

fn is_bes(s: &str) -> bool {
    s.contains("BES") || s.contains("Bonaire, Sint Eustatius en Saba")
}

/// Whether a definition takes part in the checks.
fn eigen_definitie(d: &Definition, key: &str) -> bool {
    matches!(d.scope, DefinitionScope::Regeling { .. })
        && !d.reference_definition
        && !d.extension
        && !verwijzend(&d.definition)
        && !geen_eigen_betekenis(key, &d.definition)
}

fn def_label(doc: &Document, d: &Definition) -> String {
    d.article
        .map_or_else(|| "de begripsbepalingen".to_string(), |a| label(doc, a))
}

/// Candidates from the index for one term, outside this regulation.
struct Kandidaat<'i> {
    entry: &'i DefinitionEntry,
    tokens: Vec<String>,
    same_template: bool,
}

fn lookup<'i>(idx: &'i Index, key: &str) -> Vec<&'i DefinitionEntry> {
    let mut v: Vec<&DefinitionEntry> = Vec::new();
    for form in [
        key.to_string(),
        format!("de {key}"),
        format!("het {key}"),
        format!("een {key}"),
    ] {
        v.extend(idx.definitions_of(&form));
    }
    v
}

fn reg_naam(idx: &Index, i: u32) -> String {
    let Some(r) = idx.regulations.get(i as usize) else {
        return String::new();
    };
    // Citeertitels as stored can carry the rest of the clause ("… met
    // vermelding van het jaartal …", "… (afgekort: RDBZ)").
    let cite = r.citeertitel.as_deref().map(|c| {
        let end = [" met vermelding", " (afgekort", ", afgekort"]
            .iter()
            .filter_map(|p| c.find(p))
            .min()
            .unwrap_or(c.len());
        c[..end].trim().to_string()
    });
    match (cite, &r.bwb_id) {
        (Some(c), Some(b)) => format!("{c} ({b})"),
        (Some(c), None) => c,
        (None, Some(b)) => b.clone(),
        (None, None) => r.path.clone(),
    }
}

impl Rule for BegripDivergeert {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        let titel = doc
            .title
            .as_ref()
            .map(|t| t.text.clone())
            .unwrap_or_default();
        let cite = doc
            .citeertitel
            .as_ref()
            .map(|c| c.text.clone())
            .unwrap_or_default();
        let bes = is_bes(&titel) || is_bes(&cite) || is_bes(r.path);
        let rijkswet = titel.trim_start_matches(['#', ' ']).starts_with("Rijkswet")
            || cite.starts_with("Rijkswet");
        let is_awb = titel.contains("Algemene wet bestuursrecht")
            || cite.contains("Algemene wet bestuursrecht");
        // Each definition with its key and what its intro says.
        let defs: Vec<(&Definition, String)> = doc
            .definitions
            .iter()
            .filter(|d| {
                d.article
                    .and_then(|a| doc.articles.get(a))
                    .is_none_or(super::metrics::regular)
            })
            .filter(|d| plausibel(&d.term))
            .map(|d| (d, term_key(&d.term)))
            .filter(|(_, k)| !k.is_empty())
            .collect();
        let scope: Vec<(bool, bool, bool)> = defs
            .iter()
            .map(|(d, _)| reikwijdte(r.text, doc, d))
            .collect();
        let mut gemeld: Vec<String> = Vec::new();

        // Awb terms with a meaning of their own.
        if !bes && !rijkswet && !is_awb {
            for (n, (d, key)) in defs.iter().enumerate() {
                let Some(i) = AWB.iter().position(|(t, _, _)| t == key) else {
                    continue;
                };
                let (beperkt, mede, _) = scope[n];
                if beperkt
                    || mede
                    || d.reference_definition
                    || verwijzend(&d.definition)
                    || geen_eigen_betekenis(key, &d.definition)
                    || d.definition.contains("Algemene wet bestuursrecht")
                    || d.definition.contains("Awb")
                    || AWB_VOLGT
                        .get(i)
                        .is_some_and(|re| re.is_match(&d.definition))
                {
                    continue;
                }
                // "beroep" as an occupation is a homonym, not the Awb term.
                if *key == "beroep" && !RECHTSBESCHERMING.is_match(&d.definition) {
                    continue;
                }
                let (_, art, _) = AWB[i];
                gemeld.push(key.clone());
                let f = Finding::new(
                    Which::Regeling,
                    d.term_span,
                    format!(
                        "Het Awb-begrip '{key}' (artikel {art} van de Algemene wet bestuursrecht) krijgt in {} een eigen betekenis: '{}'.",
                        def_label(doc, d),
                        kort(&d.definition)
                    ),
                )
                .help(format!(
                    "Gebruik '{key}' in de betekenis van de Awb en kies voor dit begrip een eigen woord, of \
                     verwijs naar de Awb als dat bedoeld is (Ar 2012, 50)."
                ));
                out.push(motivated(ctx, key, f));
            }
        }

        // One term, two meanings: both explicitly for the whole regulation, in
        // different articles (two definitions in one article are usually for
        // different leden or formulas).
        let heel: Vec<&(&Definition, String)> = defs
            .iter()
            .zip(&scope)
            .filter(|(_, (beperkt, mede, heel))| !beperkt && !mede && *heel)
            .map(|(d, _)| d)
            .collect();
        for (i, (d, key)) in heel.iter().enumerate() {
            if gemeld.contains(key) || is_awb {
                continue;
            }
            let Some((e, _)) = heel.iter().skip(i + 1).find(|(e, k)| {
                k == key
                    && e.article != d.article
                    && tokens(&e.definition) != tokens(&d.definition)
                    && !tokens(&e.definition).is_empty()
                    && !tokens(&d.definition).is_empty()
            }) else {
                continue;
            };
            gemeld.push(key.clone());
            out.push(
                Finding::new(
                    Which::Regeling,
                    e.term_span,
                    format!(
                        "Het begrip '{}' wordt twee keer voor de hele regeling gedefinieerd, met een andere tekst: in {} ('{}') en in {} ('{}').",
                        d.term.trim_matches(['*', '_', ' ']),
                        def_label(doc, d),
                        kort(&d.definition),
                        def_label(doc, e),
                        kort(&e.definition)
                    ),
                )
                .help("Definieer een begrip één keer; beperk een afwijkende betekenis tot het hoofdstuk of artikel waar zij geldt (\"In dit hoofdstuk wordt verstaan onder …\"; Ar 5.3; Ar 2012, 58).")
                .related(Which::Regeling, d.term_span, "de eerste definitie"),
            );
        }

        // One meaning, several terms, in one list of definitions: one finding
        // per group of terms with word for word the same definition.
        let eigen: Vec<&(&Definition, String)> = defs
            .iter()
            .zip(&scope)
            .filter(|(_, (beperkt, mede, _))| !beperkt && !mede)
            .map(|(d, _)| d)
            .collect();
        let mut gegroepeerd: Vec<usize> = Vec::new();
        for (i, (d, key)) in eigen.iter().enumerate() {
            if is_awb
                || gegroepeerd.contains(&i)
                || verwijzend(&d.definition)
                || geen_eigen_betekenis(key, &d.definition)
                || tokens(&d.definition).len() < 4
            {
                continue;
            }
            let eerste = |k: &str| k.split_whitespace().next().unwrap_or("").to_string();
            let groep: Vec<usize> = eigen
                .iter()
                .enumerate()
                .skip(i + 1)
                .filter(|(_, (e, k))| {
                    k != key
                        && e.article == d.article
                        && !(e.span.start < d.span.end && d.span.start < e.span.end)
                        && eerste(k) != eerste(key)
                        && !k.starts_with(key.as_str())
                        && !key.starts_with(k.as_str())
                        && !verwijzend(&e.definition)
                        && normalised(&e.definition) == normalised(&d.definition)
                })
                .map(|(j, _)| j)
                .collect();
            let Some(&laatste) = groep.last() else {
                continue;
            };
            gegroepeerd.extend(&groep);
            let mut namen = vec![format!("'{}'", d.term.trim_matches(['*', '_', ' ']))];
            namen.extend(
                groep
                    .iter()
                    .filter_map(|&j| eigen.get(j))
                    .map(|(e, _)| format!("'{}'", e.term.trim_matches(['*', '_', ' ']))),
            );
            let Some((e, _)) = eigen.get(laatste) else {
                continue;
            };
            gemeld.extend(
                groep
                    .iter()
                    .filter_map(|&j| eigen.get(j))
                    .map(|(_, k)| k.clone()),
            );
            out.push(
                Finding::new(
                    Which::Regeling,
                    e.term_span,
                    format!(
                        "De begrippen {} ({}) hebben dezelfde definitie: '{}'.",
                        join_nl(&namen),
                        def_label(doc, e),
                        kort(&e.definition)
                    ),
                )
                .help("Gebruik voor hetzelfde begrip steeds hetzelfde woord (Ar 2012, 58).")
                .related(
                    Which::Regeling,
                    d.term_span,
                    "het eerste van deze begrippen",
                ),
            );
        }

        // Across regulations, with the index.
        let Some(idx) = ctx.index else { return };
        let bwb = super::metrics::bwb_index(idx);
        let own = own_bwb(r.path);
        let eigen_reg = |i: u32| {
            idx.regulations.get(i as usize).is_some_and(|reg| {
                (own.is_some() && reg.bwb_id.as_deref() == own)
                    || (!cite.is_empty() && reg.citeertitel.as_deref() == Some(cite.as_str()))
                    || (!titel.is_empty() && reg.title.as_deref() == Some(titel.as_str()))
                    || r.path.ends_with(&reg.path)
            })
        };
        let uitgesloten = |i: u32| {
            idx.regulations.get(i as usize).is_none_or(|reg| {
                let p = reg.path.to_lowercase();
                p.split('/').next().is_some_and(|s| s.contains("verdrag"))
                    || p.contains("archiefselectie")
                    || matches!(
                        reg.kind.as_str(),
                        "toelichting" | "nota-van-toelichting" | "memorie-van-toelichting"
                    )
                    || (is_bes(&reg.path)
                        || is_bes(reg.title.as_deref().unwrap_or(""))
                        || is_bes(reg.citeertitel.as_deref().unwrap_or("")))
                        != bes
            })
        };
        // Regulations this one refers to.
        let ext = super::externe_verwijzingen::external_refs(ctx);
        let mut linked_bwb: Vec<String> = ext.iter().filter_map(|e| e.key.clone()).collect();
        linked_bwb.sort_unstable();
        linked_bwb.dedup();
        let linked = |i: u32| {
            idx.regulations.get(i as usize).is_some_and(|reg| {
                reg.bwb_id
                    .as_ref()
                    .is_some_and(|b| linked_bwb.binary_search(b).is_ok())
                    || reg
                        .citeertitel
                        .as_ref()
                        .is_some_and(|c| linked_bwb.binary_search(&c.to_lowercase()).is_ok())
            })
        };
        // Shared vocabulary per regulation.
        let mut overlap: HashMap<u32, usize> = HashMap::new();
        let mut keys: Vec<&String> = defs.iter().map(|(_, k)| k).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in &keys {
            if GENERIEK.contains(&k.as_str()) {
                continue;
            }
            let es = lookup(idx, k);
            if es.len() > 150 {
                continue;
            }
            let mut regs: Vec<u32> = es.iter().map(|e| e.regulation).collect();
            regs.sort_unstable();
            regs.dedup();
            for reg in regs {
                *overlap.entry(reg).or_default() += 1;
            }
        }
        for (n, (d, key)) in defs.iter().enumerate() {
            let (beperkt, mede, _) = scope[n];
            if gemeld.contains(key)
                || GENERIEK.contains(&key.as_str())
                || beperkt
                || mede
                || !eigen_definitie(d, key)
            {
                continue;
            }
            let own_tokens = tokens(&d.definition);
            if own_tokens.len() < 3 {
                continue;
            }
            let own_opening = opening(&d.definition);
            let hoog = HOOG.contains(&key.as_str());
            let entries = lookup(idx, key);
            if entries.len() > 150 && !hoog {
                continue;
            }
            // The source of the term: where reference definitions point.
            let mut bron: HashMap<u32, usize> = HashMap::new();
            for e in entries.iter().filter(|e| !eigen_reg(e.regulation)) {
                if !(e.reference || verwijzend(&e.definition)) {
                    continue;
                }
                for m in BWB_IN.find_iter(&e.definition) {
                    if let Some(&i) = bwb.get(m.as_str()) {
                        *bron.entry(i).or_default() += 1;
                    }
                }
            }
            // Shared vocabulary needed besides the term itself; roles never
            // relate by vocabulary alone.
            let nodig = if hoog {
                2
            } else if ROL.contains(&key.as_str()) {
                usize::MAX
            } else {
                3
            };
            let mut kand: Vec<(Kandidaat<'_>, u8)> = Vec::new();
            for e in &entries {
                if eigen_reg(e.regulation)
                    || uitgesloten(e.regulation)
                    || e.reference
                    || verwijzend(&e.definition)
                    || geen_eigen_betekenis(key, &e.definition)
                {
                    continue;
                }
                let is_bron = bron.get(&e.regulation).copied().unwrap_or(0) >= 2;
                let is_linked = linked(e.regulation);
                // The term itself is shared; count the other terms.
                let gedeeld = overlap
                    .get(&e.regulation)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(1);
                let rang = if is_bron {
                    0
                } else if is_linked {
                    1
                } else if gedeeld >= nodig {
                    2
                } else {
                    continue;
                };
                let t = tokens(&e.definition);
                if t.len() < 3 {
                    continue;
                }
                let same_template = {
                    let o = opening(&e.definition);
                    o.len() == 3 && o == own_opening
                };
                kand.push((
                    Kandidaat {
                        entry: e,
                        tokens: t,
                        same_template,
                    },
                    rang,
                ));
            }
            if kand.is_empty()
                || kand
                    .iter()
                    .any(|(k, _)| k.same_template || similarity(&own_tokens, &k.tokens) >= 0.6)
            {
                continue;
            }
            kand.sort_by_key(|(k, rang)| {
                (
                    *rang,
                    std::cmp::Reverse(overlap.get(&k.entry.regulation).copied().unwrap_or(0)),
                )
            });
            let mut regs: Vec<u32> = Vec::new();
            let mut namen: Vec<String> = Vec::new();
            for (k, _) in &kand {
                if regs.contains(&k.entry.regulation) {
                    continue;
                }
                regs.push(k.entry.regulation);
                if namen.len() < 3 {
                    let art = k
                        .entry
                        .article
                        .as_deref()
                        .map(|a| format!(", artikel {a}"))
                        .unwrap_or_default();
                    namen.push(format!("{}{art}", reg_naam(idx, k.entry.regulation)));
                }
            }
            let meer = if regs.len() > 3 {
                format!(" en {} andere", regs.len() - 3)
            } else {
                String::new()
            };
            let Some((eerste, _)) = kand.first() else {
                continue;
            };
            gemeld.push(key.clone());
            let f = Finding::new(
                Which::Regeling,
                d.term_span,
                format!(
                    "Het begrip '{}' ({}) wijkt af van de definitie in {}{meer}: '{}'.",
                    d.term.trim_matches(['*', '_', ' ']),
                    def_label(doc, d),
                    join_nl(&namen),
                    kort(&eerste.entry.definition)
                ),
            )
            .help(format!(
                "Sluit aan bij de bestaande definitie met een verwijzende definitie (\"{key}: {key} als bedoeld in \
                 artikel … van de …\"), kies een ander woord, of leg in de toelichting uit waarom het begrip hier \
                 anders is (Ar 3.4; Ar 2012, 47 en 58)."
            ));
            out.push(motivated(ctx, key, f));
        }
    }
}

static BWB_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"BWB[RV]\d{7}").expect("valid regex"));

/// The definition as compared for identity: plain text, lowercased, single spaces.
fn normalised(s: &str) -> String {
    plain(s)
        .to_lowercase()
        .trim_end_matches([';', '.', ',', ' '])
        .to_string()
}

/// The definition, shortened for a message.
fn kort(s: &str) -> String {
    let p = plain(s);
    let p = p.trim().trim_end_matches([';', '.', ',']);
    let mut out: String = p.chars().take(90).collect();
    if p.chars().count() > 90 {
        out.push('…');
    }
    out
}

/// Lowers a finding to info when the toelichting explains the deviation.
fn motivated(ctx: &Context<'_>, key: &str, f: Finding) -> Finding {
    let Some(t) = ctx.toelichting else { return f };
    let re = Regex::new(&format!(r"(?i)\b{}\b", regex::escape(key)));
    let Ok(re) = re else { return f };
    let uitgelegd = t.doc.blocks.iter().any(|b| {
        matches!(
            b.kind,
            wetlint_syntax::BlockKind::Paragraph | wetlint_syntax::BlockKind::ListItem
        ) && {
            let bt = t.slice(b.text);
            re.is_match(bt) && MOTIVERING.is_match(bt)
        }
    });
    if uitgelegd {
        f.at_most(Severity::Info)
    } else {
        f
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::{IndexRef, Input, Selection, Settings, Source};

    #[test]
    fn keys_and_similarity() {
        assert_eq!(term_key("a. *de aanvrager*"), "aanvrager");
        let a = tokens("de persoon die een aanvraag doet om een toeslag");
        let b = tokens("de persoon die een aanvraag om een toeslag doet");
        assert!(similarity(&a, &b) > 0.9);
        assert!(geen_eigen_betekenis(
            "aanvraag",
            "een aanvraag om een vergunning"
        ));
        assert!(geen_eigen_betekenis(
            "besluit",
            "Besluit kwaliteit voorzieningen"
        ));
        assert!(verwijzend(
            "partner als bedoeld in [artikel 3 van de Awir](x.md)"
        ));
        assert!(verwijzend(
            "hetgeen richtlijn 2009/48/EG daaronder verstaat"
        ));
        assert!(geen_eigen_betekenis(
            "subsidie",
            "de krachtens artikel 42, eerste lid, van de wet aan de raad te verstrekken subsidie"
        ));
        assert!(!geen_eigen_betekenis(
            "belanghebbende",
            "degene die een uitkering ontvangt"
        ));
    }

    fn run(text: &str, idx: Option<Index>) -> Vec<wetlint_diagnostics::Diagnostic> {
        let data = wetlint_data::Data::builtin().expect("data");
        let doc = wetlint_syntax::parse(text, Some("regeling.md"));
        let input = Input {
            regeling: Some(Source {
                path: "regeling.md",
                text,
                doc: &doc,
            }),
            toelichting: None,
        };
        let settings = Settings {
            selection: Selection {
                select: vec!["FRAG-004".into()],
                ..Selection::default()
            },
            index: idx.map(|i| IndexRef(Arc::new(i))),
            ..Settings::default()
        };
        crate::check(&input, &settings, data)
    }

    #[test]
    fn index_finds_a_divergent_definition() {
        let dir = std::env::temp_dir().join(format!("wetlint-frag004-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let a = dir.join("BWBR0000101.md");
        let b = dir.join("BWBR0000102.md");
        let _ = std::fs::write(
            &a,
            "# Wet van 1 maart 2020, houdende regels over een woontoelage (Wet woontoelage)\n\n\
             ### Artikel 1\n\nIn deze wet en de daarop berustende bepalingen wordt verstaan onder:\n\n\
             a. huishouden: de alleenstaande of de persoon met wie hij duurzaam een gezamenlijke woning bewoont;\n\n\
             b. woonkosten: de huur en de servicekosten van de woning;\n\n\
             c. toeslaggerechtigde: de bewoner die recht heeft op een woontoelage;\n\n\
             ### Artikel 2\n\nDeze wet wordt aangehaald als: Wet woontoelage.\n",
        );
        let _ = std::fs::write(
            &b,
            "# Wet van 2 maart 2020, houdende regels over iets anders (Wet visserijvergunningen)\n\n\
             ### Artikel 1\n\nIn deze wet wordt verstaan onder:\n\n\
             a. huishouden: het bijhouden van het logboek aan boord van het vaartuig;\n\n\
             ### Artikel 2\n\nDeze wet wordt aangehaald als: Wet visserijvergunningen.\n",
        );
        let (idx, errs) = wetlint_index::build(&[a, b], Some(&dir));
        assert!(errs.is_empty());
        let draft = "# Wet van 3 maart 2026, houdende regels over een energietoelage (Wet energietoelage)\n\n\
             ### Artikel 1\n\nIn deze wet en de daarop berustende bepalingen wordt verstaan onder:\n\n\
             a. huishouden: ieder die op hetzelfde adres in de basisregistratie personen staat ingeschreven;\n\n\
             b. woonkosten: de huur en de servicekosten van de woning;\n\n\
             c. toeslaggerechtigde: de bewoner die recht heeft op een woontoelage;\n\n\
             ### Artikel 2\n\nDeze wet wordt aangehaald als: Wet energietoelage.\n";
        let with = run(draft, Some(idx));
        let msgs: Vec<&str> = with.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(msgs.len(), 1, "{msgs:?}");
        assert!(msgs[0].contains("'huishouden'"), "{msgs:?}");
        assert!(msgs[0].contains("Wet woontoelage (BWBR0000101"), "{msgs:?}");
        assert!(!msgs[0].contains("visserij"), "{msgs:?}");
        // Without an index: silent (no internal inconsistency).
        assert!(run(draft, None).is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
