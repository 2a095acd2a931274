use std::ops::Range;
use std::sync::LazyLock;

use wetlint_data::SignalHit;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Clause, Container, Document, ReferenceKind, Resolution, Span};

use super::analyse;
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::text::{capitalize, join_nl, sentences};
use crate::{Context, Finding, Findings, Which};

/// Bound consequences that `nadelige-gevolgen` lists only as fixed phrases:
/// "wordt door de Sociale verzekeringsbank teruggevorderd", "wordt … verlaagd".
static EXTRA_ADVERSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:wordt|worden)\b[^.;]{1,60}?\b(?:teruggevorderd|verlaagd)\b")
        .expect("valid regex")
});
/// Discretion that a "kan"/"kunnen" elsewhere in the article gives over the
/// consequence: "kan geheel of gedeeltelijk afzien van", "kan … afwijken".
static KAN_AFZIEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:kan|kunnen)\b[^.;]{0,80}?\b(?:afzien|afwijken|buiten toepassing laten|matigen|kwijtschelden|lager vaststellen|ontheffing)\b",
    )
    .expect("valid regex")
});
/// A protective negation or restriction: "wordt niet herzien of ingetrokken",
/// "Geen bestuurlijke boete wordt opgelegd", "legt de maatregel slechts op".
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:niet|geen|slechts|uitsluitend|alleen|geacht)\b").expect("valid regex")
});
/// What is withdrawn is a regulation, a proposal, a mandate or the person's
/// own request, not a right: "De Wet X wordt ingetrokken", "Indien het
/// verzoek wordt ingetrokken", "De [Regeling …](…) wordt ingetrokken".
static WITHDRAWN_INSTRUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\]\(|\b(?:stb|stcrt|trb)\b|\b(?:wet|wetten|rijkswet|regeling|regelingen|besluit|besluiten|maatregel van bestuur|verordening|circulaire|beleidsregel|bekendmaking|bekendmakingen|voorstel|wetsvoorstel|voordracht|verzoek|verzoekschrift|aanvraag|beroep|hoger beroep|bezwaar|bezwaarschrift|klacht|vordering|dagvaarding|verzet|mandaat|volmacht|machtiging)\b",
    )
    .expect("valid regex")
});
/// A named regulation ("Bouwbesluit 2003", "Vuurwapenwet 1919") or a
/// division of one ("Afdeling 5.3 … wordt ingetrokken").
static NAMED_REGULATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z]\w*(?:wet|besluit|regeling|verordening)\b|^\s*(?:Afdeling|Hoofdstuk|Artikel|Paragraaf|Titel|Bijlage|Deel)\b")
        .expect("valid regex")
});
/// Subordinators and relative words: the consequence stands in a condition
/// or a relative clause ("Indien de aanvraag wordt geweigerd, …", "de persoon
/// van wie kosten worden teruggevorderd"), not in the main clause.
static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:indien|zodra|voor ?zover|wanneer|nadat|ingeval|in geval|zolang|totdat|wiens|wier|van wie|aan wie|welke|dat|die|als|waar(?:van|op|bij|door|binnen|in|mee|na|toe|onder|aan|voor|uit|over|tegen))\b",
    )
    .expect("valid regex")
});
/// A sentence that opens with a condition ("Indien …", "Wordt de machtiging
/// geweigerd, dan …").
static CONDITION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:Indien|Zodra|Voor ?zover|Wanneer|Nadat|Ingeval|In geval|Als|Zolang|Wordt|Worden)\b").expect("valid regex")
});
static ALS_BEDOELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bals bedoeld\b").expect("valid regex"));
/// A list intro that makes its onderdelen conditions ("… wordt ingetrokken
/// indien:", "… in de gevallen waarin:").
static CONDITION_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:indien|zodra|wanneer|voor ?zover|ingeval|als|waarin|waarbij|dat|of)\s*:\s*$",
    )
    .expect("valid regex")
});
/// The state's own right lapses, in the person's favour.
static STATE_RIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)vervalt het recht (?:tot|van|op) (?:strafvordering|tenuitvoerlegging|invordering|navordering|terugvordering)").expect("valid regex")
});
/// A court decides; the policy on room for deviation is about the administration.
/// Private-law relations ("heeft geen recht op loon jegens een lastgever") are
/// outside it too.
static COURT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:rechter|rechtbank|kantonrechter|gerechtshof|hof|strafrechter|jegens|wederpartij)\b").expect("valid regex")
});
/// "verlaagd" and "beëindigd" only count for a benefit, a right or a status
/// of a person ("de uitkering wordt verlaagd"), not for a sum in a
/// calculation ("de onttrekking wordt verlaagd met") or a disturbance.
static PERSONAL_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:uitkering|bijstand|toeslag|tegemoetkoming|subsidie|toelage|bijdrage|pensioen|studiefinanciering|kinderbijslag|verzekering|inschrijving|erkenning|vergunning|registratie|ontheffing|verblijf|rijbewijs|vergoeding)|\brecht\b|\bpas\b",
    )
    .expect("valid regex")
});
/// A fine that is actually imposed ("wordt … opgelegd"), for the bare form
/// "bestuurlijke boete".
static IMPOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:wordt|worden)\b[^.;]{0,80}?\bopgelegd\b").expect("valid regex")
});
/// General Awb safeguards stated in the toelichting: evenredigheid (artikel
/// 3:4) and deviation from a beleidsregel (artikel 4:84).
static AWB_SAFEGUARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bartikel (?:3:4|4:84)\b|\b(?:3:4|4:84) (?:van de )?(?:awb|algemene wet bestuursrecht)\b")
        .expect("valid regex")
});
/// The Awb safeguard for fines (artikel 5:46: the fine fits the offence).
static AWB_BOETE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bartikel 5:46\b|\b5:46 (?:van de )?(?:awb|algemene wet bestuursrecht)\b")
        .expect("valid regex")
});
/// An explicit choice about room for deviation (comply or explain).
static CHOICE_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bmenselijke maat\b|\bhardheidsclausule|\bafwijkingsruimte\b|\bmaatwerk\b|\bafwijken\b").expect("valid regex")
});

/// Words that open the subject after an inverted finite verb ("wordt de
/// toeslag teruggevorderd").
const INVERTED_SUBJECT: [&str; 15] = [
    "de", "het", "een", "hem", "haar", "hij", "zij", "ze", "deze", "dit", "zijn", "hun", "diens",
    "dat", "die",
];

/// Discretion forms that are too common to count beyond their own sentence.
const SENTENCE_ONLY: [&str; 5] = [
    "kan",
    "kunnen",
    "tenzij",
    "met inachtneming van",
    "evenredig",
];

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of een gebonden nadelig gevolg voor burgers ruimte laat voor de menselijke
    /// maat, of dat de toelichting uitlegt waarom die ruimte niet nodig is. De
    /// regel zoekt in de artikelen gebonden formuleringen: "wordt teruggevorderd",
    /// "wordt … ingetrokken", "wordt geweigerd", "wordt beëindigd", "wordt
    /// verlaagd", "vervalt het recht", "heeft geen recht op", "legt … een
    /// bestuurlijke boete op", "een bestuurlijke boete wordt opgelegd". Het gevolg
    /// is gebonden als er geen afwijkingsruimte bij staat:
    /// - in dezelfde zin: "kan", "kunnen", "tenzij", "bijzondere omstandigheden",
    ///   "met inachtneming van";
    /// - in hetzelfde artikel: "kan geheel of gedeeltelijk afzien van", "dringende
    ///   redenen", "in bijzondere gevallen", "ontheffing";
    /// - in een ander artikel dat naar dit artikel verwijst en zo'n bevoegdheid
    ///   geeft;
    /// - of ergens in de regeling een hardheidsclausule ("onbillijkheid van
    ///   overwegende aard").
    ///
    /// De regel zwijgt ook als de toelichting de keuze motiveert: in de
    /// artikelsgewijze toelichting bij het artikel, in een zin over het gevolg
    /// (terugvordering, boete, intrekking) met "evenredig(heid)", "menselijke
    /// maat", "maatwerk" of "hardheidsclausule", in een zin die uitlegt waarom
    /// geen afwijkingsruimte of hardheidsclausule is opgenomen ("… omdat …"), of
    /// met een verwijzing naar de algemene waarborgen van de Awb (artikel 3:4 of
    /// artikel 4:84; bij een boete ook artikel 5:46).
    ///
    /// Geen melding bij "kan … terugvorderen" (dat is al een bevoegdheid), bij
    /// beschermende ontkenningen ("Geen bestuurlijke boete wordt opgelegd indien
    /// …", "wordt niet ingetrokken"), bij een gevolg dat in een voorwaarde of
    /// bijzin staat ("Indien de vergunning wordt ingetrokken, …", "de persoon van
    /// wie kosten worden teruggevorderd"), bij het intrekken van een regeling,
    /// een mandaat of een eigen verzoek ("De Wet X wordt ingetrokken"), bij
    /// beslissingen van de rechter, bij schulden ("is … loon verschuldigd") en
    /// in begripsbepalingen. "Naar evenredigheid" (naar rato) telt niet als
    /// afwijkingsruimte. Zonder toelichting meldt de regel alleen iets als de
    /// hele regeling geen afwijkingsruimte kent.
    ///
    /// ## Waarom
    /// Hier staan twee lijnen tegenover elkaar. Aanwijzing 5.25 vraagt
    /// terughoudendheid met hardheidsclausules: ze leiden tot veel verzoeken en
    /// zijn conflictopwekkend, en horen alleen bij onvoorzienbare onbillijkheden
    /// van overwegende aard. Het kabinet vraagt sinds 2025 juist ruimte om in het
    /// individuele geval af te wijken (kabinetsreactie op het ROB-advies "Naar een
    /// uitvoerende macht"; menselijke maat). De regel eist dus geen clausule, maar
    /// een gemotiveerde keuze: ruimte in de wet, of een uitleg waarom die niet
    /// nodig is (Ar 2.11 evenredigheid, Ar 2.14 genormeerde beleidsruimte).
    ///
    /// ## Voorbeeld
    /// "Artikel 8. 1. Indien de aanvrager de inlichtingenplicht niet is nagekomen,
    /// wordt de toeslag over het gehele jaar teruggevorderd." Nergens in de
    /// regeling staat een bevoegdheid om daarvan af te zien, en de toelichting bij
    /// artikel 8 zegt alleen dat terugvordering "noodzakelijk" is.
    ///
    /// ## In plaats daarvan
    /// Maak en motiveer de keuze. Geef het bestuursorgaan ruimte: "2. Het college
    /// kan geheel of gedeeltelijk afzien van terugvordering indien daarvoor
    /// dringende redenen zijn." Of leg in de toelichting bij het artikel uit
    /// waarom geen afwijkingsruimte nodig is: "Van een bevoegdheid om af te zien
    /// van terugvordering is afgezien, omdat het gaat om kleine bedragen die
    /// automatisch worden verrekend; artikel 3:4 Awb blijft van toepassing op de
    /// invordering."
    ///
    /// ## Bron
    /// Aanwijzingen 5.25 (hardheidsclausule alleen bij te verwachten
    /// onbillijkheid van overwegende aard; terughoudendheid) en 5.26 (model); Ar
    /// 2.11 (evenredigheid) en 2.14 (genormeerde beleidsruimte); artikel 3:4,
    /// tweede lid, Awb; kabinetsreactie op het ROB-advies "Naar een uitvoerende
    /// macht" (Kamerstuk 29362, nr. 385, 1 juli 2025); Schrijfwijzer memorie van
    /// toelichting §7 en §8 ("Heeft de handhavende instantie ruimte om evenredig
    /// te handelen? Is daar een hardheidsclausule voor nodig?").
    pub struct MenselijkeMaatZonderAfwijkingsruimte {
        code: "WAARDE-005",
        name: "menselijke-maat-zonder-afwijkingsruimte",
        category: Category::Waarden,
        summary: "Gebonden nadelige gevolgen voor burgers zonder ruimte voor de menselijke maat",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["5.25", "5.26", "2.11", "2.14"],
    }
}

/// One bound adverse consequence in the regulation.
#[derive(Debug, Clone)]
pub(crate) struct BoundConsequence {
    pub article: usize,
    /// The phrase ("wordt teruggevorderd").
    pub range: Range<usize>,
    /// The phrase with its subject when the clause is short ("De inschrijving
    /// in het register wordt ingetrokken"), for the message.
    pub quote: String,
    /// "naar evenredigheid" stands in the sentence (pro rata, not room to deviate).
    pub pro_rata: bool,
}

/// Strong discretion (not only "kan" or "tenzij") in `span` of the regulation.
fn strong_discretion(ctx: &Context<'_>, span: Span) -> bool {
    let Some(r) = ctx.regeling else { return false };
    let inside = |x: &Range<usize>| span.start <= x.start && x.end <= span.end;
    ctx.signals(Which::Regeling, "discretie")
        .iter()
        .any(|h| !h.weak && !SENTENCE_ONLY.contains(&h.form) && inside(&h.range))
        || KAN_AFZIEN.is_match(r.slice(span))
}

/// The bound adverse consequences of the regulation without discretion in
/// their sentence, their article or an article that refers to them.
pub(crate) fn bound_consequences(ctx: &Context<'_>) -> Vec<BoundConsequence> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let doc = r.doc;
    let adverse = ctx.signals(Which::Regeling, "nadelige-gevolgen");
    let discretion = ctx.signals(Which::Regeling, "discretie");
    let mut out = Vec::new();
    for (bi, b) in doc.blocks.iter().enumerate() {
        let Container::Article { index } = b.container else {
            continue;
        };
        if matches!(
            b.kind,
            BlockKind::Heading | BlockKind::Comment | BlockKind::Meta
        ) || conditional_item(r.text, doc, bi)
        {
            continue;
        }
        for s in sentences(r.text, b.text) {
            let st = r.slice(s);
            let mut found: Vec<(Range<usize>, &str)> = starting_in(adverse, s)
                .iter()
                .filter(|h| !h.weak && h.range.end <= s.end)
                .map(|h| (h.range.clone(), h.form))
                .collect();
            for m in EXTRA_ADVERSE.find_iter(st) {
                let range = s.start + m.start()..s.start + m.end();
                if !found
                    .iter()
                    .any(|(x, _)| x.start < range.end && range.start < x.end)
                {
                    found.push((range, "wordt … teruggevorderd"));
                }
            }
            if found.is_empty() {
                continue;
            }
            // Discretion in the same sentence ("kan … worden ingetrokken", "tenzij").
            if starting_in(discretion, s)
                .iter()
                .any(|h| !h.weak && h.range.end <= s.end)
            {
                continue;
            }
            if doc.definitions.iter().any(|d| d.span.contains(s.start)) || COURT.is_match(st) {
                continue;
            }
            found.sort_by_key(|(x, _)| x.start);
            let block_before = r.text.get(b.text.start..s.start).unwrap_or("");
            for (range, form) in found {
                if let Some(c) = consequence(r.text, s, block_before, range, form) {
                    let pro_rata = starting_in(discretion, s)
                        .iter()
                        .any(|h| h.weak && h.range.end <= s.end);
                    out.push(BoundConsequence {
                        article: index,
                        pro_rata,
                        ..c
                    });
                    break;
                }
            }
        }
    }
    // Discretion elsewhere in the article, or in an article that refers to it.
    out.retain(|c| {
        let Some(a) = doc.articles.get(c.article) else { return false };
        if strong_discretion(ctx, a.span) {
            return false;
        }
        !doc.references.iter().any(|rf| {
            rf.kind == ReferenceKind::Internal
                && matches!(rf.resolution, Resolution::Resolved { article, .. } if article == c.article)
                && rf.from_article.is_some_and(|f| f != c.article && doc.articles.get(f).is_some_and(|fa| strong_discretion(ctx, fa.span)))
        })
    });
    out
}

/// The hits that start inside `span`. Lexicon hits come sorted by start, so
/// this is a binary search instead of a scan of every hit per sentence
/// (quadratic on long regulations); unsorted input falls back to a filter.
fn starting_in<'h, 'd>(
    hits: &'h [SignalHit<'d>],
    span: Span,
) -> std::borrow::Cow<'h, [SignalHit<'d>]>
where
    SignalHit<'d>: Clone,
{
    if hits.is_sorted_by_key(|h| h.range.start) {
        let lo = hits.partition_point(|h| h.range.start < span.start);
        let hi = hits.partition_point(|h| h.range.start < span.end);
        std::borrow::Cow::Borrowed(&hits[lo..hi.max(lo)])
    } else {
        std::borrow::Cow::Owned(
            hits.iter()
                .filter(|h| span.start <= h.range.start && h.range.start < span.end)
                .cloned()
                .collect(),
        )
    }
}

/// An onderdeel whose list intro makes it a condition ("… wordt ingetrokken
/// indien:" followed by "a. de houder …").
fn conditional_item(text: &str, doc: &Document, bi: usize) -> bool {
    let Some(b) = doc.blocks.get(bi) else {
        return false;
    };
    if !matches!(
        b.kind,
        BlockKind::Onderdeel | BlockKind::SubOnderdeel | BlockKind::ListItem
    ) {
        return false;
    }
    doc.blocks[..bi]
        .iter()
        .rev()
        .take_while(|p| p.container == b.container)
        .find(|p| {
            !matches!(
                p.kind,
                BlockKind::Onderdeel | BlockKind::SubOnderdeel | BlockKind::ListItem
            )
        })
        .is_some_and(|p| CONDITION_INTRO.is_match(text.get(p.text.start..p.text.end).unwrap_or("")))
}

/// Checks one candidate phrase in sentence `s` against the guards; `None`
/// when it is not a bound adverse consequence the article imposes.
fn consequence(
    text: &str,
    s: Span,
    block_before: &str,
    range: Range<usize>,
    form: &str,
) -> Option<BoundConsequence> {
    let st = text.get(s.start..s.end).unwrap_or("");
    let phrase = text.get(range.clone()).unwrap_or("");
    let lower = phrase.to_lowercase();
    let before = text.get(s.start..range.start).unwrap_or("");
    // The clause of the consequence: from the last comma, colon or semicolon.
    let clause = before.rsplit([',', ':', ';']).next().unwrap_or(before);
    let lead: String = before
        .split_whitespace()
        .rev()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    // A finite verb followed by its subject ("…, wordt de toeslag teruggevorderd")
    // is the inverted main clause after a condition.
    let mut words = phrase.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    let second = words.next().unwrap_or("");
    let inverted = matches!(first.as_str(), "wordt" | "worden")
        && (INVERTED_SUBJECT.contains(&second.to_lowercase().as_str())
            || second.chars().next().is_some_and(char::is_uppercase));
    // "Wordt de machtiging geweigerd, dan …": a condition by inversion.
    if inverted && before.trim().is_empty() {
        return None;
    }
    // Protective negations and fictions; "heeft geen recht op" is itself adverse.
    if !form.contains("geen") && (NEGATION.is_match(phrase) || NEGATION.is_match(&lead)) {
        return None;
    }
    // A phrase that runs over a comma or holds a subordinate clause is not one consequence.
    if phrase.contains(',')
        || inverted && SUBORDINATE.is_match(&ALS_BEDOELD.replace_all(phrase, ""))
    {
        return None;
    }
    // A condition or a relative clause, not the consequence itself.
    if !inverted
        && (SUBORDINATE.is_match(&ALS_BEDOELD.replace_all(clause, ""))
            || CONDITION_START.is_match(st))
    {
        return None;
    }
    // Civil and fiscal debts ("is de bewaargever loon verschuldigd") are not a
    // decision about a person's position; a lapsing right of the state favours him.
    if lower.contains("verschuldigd") || STATE_RIGHT.is_match(st) {
        return None;
    }
    if lower.contains("ingetrokken") {
        let subject = if inverted {
            phrase.to_string()
        } else {
            format!("{block_before}{before}")
        };
        if WITHDRAWN_INSTRUMENT.is_match(&subject) || NAMED_REGULATION.is_match(&subject) {
            return None;
        }
    }
    if (lower.contains("verlaagd") || lower.contains("beëindigd"))
        && !PERSONAL_SUBJECT.is_match(clause)
        && !PERSONAL_SUBJECT.is_match(phrase)
    {
        return None;
    }
    if form == "bestuurlijke boete" && !IMPOSED.is_match(st) {
        return None;
    }
    let subject = clause.trim();
    let quote = if !subject.is_empty() && subject.chars().count() <= 60 && !subject.contains("](") {
        format!("{subject} {}", phrase.trim())
    } else {
        phrase.trim().to_string()
    };
    Some(BoundConsequence {
        article: 0,
        range,
        quote,
        pro_rata: false,
    })
}

/// True when the regulation has a hardheidsclausule.
fn has_hardheidsclausule(doc: &Document) -> bool {
    doc.articles
        .iter()
        .any(|a| a.clauses.contains(&Clause::Hardheidsclausule))
}

/// The word family of a consequence, to find it in the toelichting.
fn family(phrase: &str) -> &'static [&'static str] {
    let p = phrase.to_lowercase();
    if p.contains("teruggevorderd") {
        &["terugvorder", "teruggevorderd", "terug te vorderen"]
    } else if p.contains("boete") {
        &["boete"]
    } else if p.contains("ingetrokken") {
        &["intrek", "ingetrokken", "in te trekken"]
    } else if p.contains("geweigerd") {
        &["weiger", "geweigerd"]
    } else if p.contains("beëindigd") {
        &["beëindig"]
    } else if p.contains("verlaagd") {
        &["verlag", "verlaagd", "verlaagt"]
    } else if p.contains("verschuldigd") {
        &["verschuldigd"]
    } else if p.contains("vervalt") {
        &["vervalt", "verval"]
    } else {
        &["recht op"]
    }
}

/// "artikel 3" in `text`, not as the start of "artikel 3.1" or "artikel 30".
fn mentions_article(text: &str, article_ref: &str) -> bool {
    text.match_indices(article_ref).any(|(i, m)| {
        let rest = text.get(i + m.len()..).unwrap_or("");
        let mut chars = rest.chars();
        match chars.next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            Some('.' | ':') => !chars.next().is_some_and(|d| d.is_ascii_digit()),
            Some(_) => true,
        }
    })
}

fn ordinal(n: usize) -> String {
    const WORDS: [&str; 12] = [
        "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende",
        "tiende", "elfde", "twaalfde",
    ];
    WORDS
        .get(n.wrapping_sub(1))
        .map_or_else(|| format!("{n}e"), |w| (*w).to_string())
}

/// Does the toelichting motivate the absence of room for deviation for this
/// consequence (or state that general Awb safeguards apply)?
fn motivated(ctx: &Context<'_>, number: &str, phrase: &str) -> bool {
    let Some(t) = ctx.toelichting else {
        return false;
    };
    if analyse::explanation(ctx, &CHOICE_TOPIC).is_some() {
        return true;
    }
    let words = family(phrase);
    let article_ref = format!("artikel {}", number.to_lowercase());
    let blocks: Vec<_> = t
        .doc
        .blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table
            )
        })
        .collect();
    let motivering = ctx.signals(Which::Toelichting, "menselijke-maat-motivering");
    // The artikelsgewijze entry for the article.
    let entry = t.doc.toelichting_articles.iter().find(|e| {
        e.keys
            .iter()
            .any(|k| k.article == number && k.onderdeel.is_none())
    });
    if let Some(e) = entry
        && motivering
            .iter()
            .any(|m| !m.weak && e.span.start <= m.range.start && m.range.end <= e.span.end)
    {
        return true;
    }
    for b in blocks {
        let sents = sentences(t.text, b.text);
        for (i, s) in sents.iter().enumerate() {
            let st = t.slice(*s).to_lowercase();
            if AWB_SAFEGUARD.is_match(&st)
                || phrase.to_lowercase().contains("boete") && AWB_BOETE.is_match(&st)
            {
                return true;
            }
            if !motivering
                .iter()
                .any(|m| !m.weak && s.start <= m.range.start && m.range.end <= s.end)
            {
                continue;
            }
            let window: String = sents[i.saturating_sub(1)..(i + 2).min(sents.len())]
                .iter()
                .map(|x| t.slice(*x).to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            if mentions_article(&window, &article_ref) || words.iter().any(|w| window.contains(w)) {
                return true;
            }
        }
    }
    false
}

impl Rule for MenselijkeMaatZonderAfwijkingsruimte {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        if has_hardheidsclausule(r.doc) {
            return;
        }
        let found = bound_consequences(ctx);
        if found.is_empty() {
            return;
        }
        let whole = Span::new(0, r.text.len());
        if ctx.toelichting.is_none() && strong_discretion(ctx, whole) {
            return;
        }
        // One finding per article.
        let mut articles: Vec<usize> = found.iter().map(|c| c.article).collect();
        articles.dedup();
        for index in articles {
            let Some(a) = r.doc.articles.get(index) else {
                continue;
            };
            let here: Vec<&BoundConsequence> =
                found.iter().filter(|c| c.article == index).collect();
            let Some(first) = here.first() else { continue };
            let first_phrase = r.text.get(first.range.clone()).unwrap_or("");
            if ctx.toelichting.is_some()
                && here
                    .iter()
                    .all(|c| motivated(ctx, &a.number, r.text.get(c.range.clone()).unwrap_or("")))
            {
                continue;
            }
            let mut phrases: Vec<String> = Vec::new();
            for c in &here {
                let p = format!("'{}'", c.quote);
                if !phrases.contains(&p) {
                    phrases.push(p);
                }
            }
            let pro_rata = if here.iter().any(|c| c.pro_rata) {
                " 'Naar evenredigheid' betekent hier naar rato en geeft geen ruimte om af te wijken."
            } else {
                ""
            };
            let lid = a
                .leden
                .iter()
                .position(|l| l.span.contains(first.range.start))
                .map(|i| format!(", {} lid", ordinal(i + 1)))
                .unwrap_or_default();
            let quoted = if a.quoted {
                " (tekst in een wijzigingsopdracht)"
            } else {
                ""
            };
            let (verb, noun) = if phrases.len() == 1 {
                ("is", "een gebonden nadelig gevolg")
            } else {
                ("zijn", "gebonden nadelige gevolgen")
            };
            let tail = match ctx.toelichting {
                Some(t) => format!("en de {} motiveert die keuze niet", t.doc.kind().label_nl()),
                None => "en de regeling kent nergens afwijkingsruimte of een hardheidsclausule"
                    .to_string(),
            };
            let message = format!(
                "Artikel {}{lid}{quoted}: {} {verb} {noun} zonder ruimte om in het individuele geval af te wijken, {tail}.{pro_rata} \
                 Aanwijzing 5.25 vraagt terughoudendheid met hardheidsclausules, het kabinet vraagt sinds 2025 juist \
                 ruimte voor de menselijke maat: maak en motiveer de keuze.",
                a.number,
                join_nl(&phrases),
            );
            let mut f = Finding::new(Which::Regeling, Span::new(first.range.start, first.range.end), message).help(format!(
                "Kies en motiveer: geef het bestuursorgaan ruimte in dit artikel (bijvoorbeeld 'kan geheel of \
                 gedeeltelijk afzien van {} indien daarvoor dringende redenen zijn'), of leg in de toelichting bij \
                 artikel {} uit waarom die ruimte niet nodig is, bijvoorbeeld omdat het gevolg voorzienbaar is en \
                 artikel 3:4 Awb van toepassing blijft. Een hardheidsclausule is niet het enige antwoord.",
                noun_for(first_phrase),
                a.number
            ));
            if let Some(t) = ctx.toelichting {
                let entry = t.doc.toelichting_articles.iter().find(|e| {
                    e.keys
                        .iter()
                        .any(|k| k.article == a.number && k.onderdeel.is_none())
                });
                let (span, msg) = match entry {
                    Some(e) => (
                        e.heading,
                        format!(
                            "de toelichting bij artikel {} motiveert de keuze niet",
                            a.number
                        ),
                    ),
                    None => (
                        t.doc.title.as_ref().map_or(Span::new(0, 0), |s| s.span),
                        format!(
                            "de toelichting gaat niet in op afwijkingsruimte bij artikel {}",
                            a.number
                        ),
                    ),
                };
                f = f.related(Which::Toelichting, span, capitalize(&msg));
            }
            out.push(f);
        }
    }
}

/// The noun for the help text: "terugvordering", "de boete", …
fn noun_for(phrase: &str) -> &'static str {
    let p = phrase.to_lowercase();
    if p.contains("teruggevorderd") {
        "terugvordering"
    } else if p.contains("boete") {
        "het opleggen van de boete"
    } else if p.contains("ingetrokken") {
        "intrekking"
    } else if p.contains("geweigerd") {
        "weigering"
    } else if p.contains("beëindigd") {
        "beëindiging"
    } else if p.contains("verlaagd") {
        "verlaging"
    } else {
        "dit gevolg"
    }
}
