use std::sync::LazyLock;

use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Container, DocumentKind, Span};

use super::plichten::article_label;
use crate::rule::{Category, OFF, Rule, RuleMeta, Scope, Status, W};
use crate::text::{capitalize, join_nl, sentences};
use crate::{Context, Finding, Findings, FixEdit, FixSpec, Source, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de datum van inwerkingtreding past bij de uitvoering en bij de vaste
    /// verandermomenten. De regel meldt, per inwerkingtredingsbepaling met een
    /// vaste datum ("Dit besluit treedt in werking met ingang van 1 maart
    /// 2027."):
    ///
    /// - een vaste datum in een **wetsvoorstel**: het model is inwerkingtreding
    ///   "op een bij koninklijk besluit te bepalen tijdstip" (Ar 4.21). Dit
    ///   wordt ook gemeld als er geen memorie van toelichting bij is;
    /// - een datum die geen **vast verandermoment** is: 1 januari of 1 juli, bij
    ///   een ministeriële regeling ook 1 april of 1 oktober (Ar 4.17);
    /// - minder dan **twee maanden** tussen de datum in het opschrift ("Besluit
    ///   van 14 mei 2027") en de inwerkingtreding (minimuminvoeringstermijn);
    /// - een datum die **vóór** de datum ligt waarop de uitvoeringstoets invoering
    ///   mogelijk acht ("Invoering mogelijk per: 01-01-2028", "uitvoerbaar per 1
    ///   januari 2028"). Treedt de regeling bij koninklijk besluit in werking,
    ///   dan vergelijkt de regel de beoogde datum in de toelichting ("De
    ///   inwerkingtreding is beoogd op 1 juli 2027") met de toets.
    ///
    /// De regel zwijgt als de toelichting de afwijking motiveert: een zin over de
    /// datum, de vaste verandermomenten of de minimuminvoeringstermijn met een
    /// grond of uitleg (spoed, reparatie, implementatie van een richtlijn,
    /// aanmerkelijke nadelen, een belastingjaar, "omdat"). Onderwijsregelgeving
    /// mag op 1 augustus of 1 september in werking treden (schooljaar en
    /// studiejaar). In een belastingwet meldt de regel geen vaste datum en geen
    /// te korte invoeringstermijn (belastingjaar). Terugwerkende kracht ("werkt
    /// terug tot en met …") beoordeelt de regel niet. Alleen
    /// bepalingen met "treedt in werking" tellen: "De vergunning vervalt met
    /// ingang van 1 maart 2028" is geen inwerkingtreding. Een beleidsregel valt
    /// buiten de regel.
    ///
    /// ## Waarom
    /// Burgers, bedrijven en uitvoerders moeten zich op nieuwe regels kunnen
    /// voorbereiden. Daarom treden regelingen in werking op een vast
    /// verandermoment en ten minste twee maanden na publicatie (Ar 4.17). Een
    /// wet krijgt een inwerkingtreding bij koninklijk besluit, zodat de datum
    /// kan worden afgestemd op de gereedheid van de uitvoering (Ar 4.21). De
    /// Schrijfwijzer vraagt of de uitvoerder uit de voeten kan met de
    /// invoeringstermijn (§7); een datum vóór wat de uitvoeringstoets haalbaar
    /// acht, zet de uitvoering onder druk.
    ///
    /// ## Voorbeeld
    /// "Deze wet treedt in werking met ingang van 1 maart 2027." in een
    /// wetsvoorstel, terwijl de memorie van toelichting over die datum niets
    /// zegt.
    ///
    /// ## In plaats daarvan
    /// "Deze wet treedt in werking op een bij koninklijk besluit te bepalen
    /// tijdstip, dat voor de verschillende artikelen of onderdelen daarvan
    /// verschillend kan worden vastgesteld." Kies voor een besluit of regeling 1
    /// januari of 1 juli (een ministeriële regeling ook 1 april of 1 oktober),
    /// of motiveer de uitzondering: "Dit besluit treedt in werking op 1 maart
    /// 2027. Dat is een uitzondering op de vaste verandermomenten, omdat de
    /// richtlijn uiterlijk op die datum moet zijn omgezet."
    ///
    /// ## Bron
    /// Aanwijzing 4.17 (vaste verandermomenten, minimuminvoeringstermijn) en
    /// Aanwijzing 4.21 (inwerkingtreding bij koninklijk besluit); Schrijfwijzer
    /// memorie van toelichting §7.
    pub struct InvoeringstermijnVvm {
        code: "UITV-006",
        name: "invoeringstermijn-vvm",
        category: Category::Uitvoering,
        summary: "Inwerkingtreding niet afgestemd op de uitvoering en de vaste verandermomenten",
        severity: [W, W, W, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.17", "4.21"],
    }
}

const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

const MAAND: &str =
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december";

static DATUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(\d{{1,2}})\s+({MAAND})\s+(\d{{4}})\b")).expect("valid regex")
});
static NUM_DATUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})\s*[-–./]\s*(\d{1,2})\s*[-–./]\s*(\d{4})\b").expect("valid regex")
});
/// "treedt in werking met ingang van 1 maart 2027", "treedt met ingang van 1 maart 2027 in werking".
static IWT_DATUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:treedt|treden)\b(?:[^.;]|\.\d){{0,160}}?(?:\bin\s+werking\s+(?:met\s+ingang\s+van|op|per)\s+(?P<a>\d{{1,2}}\s+(?:{MAAND})\s+\d{{4}})|\b(?:met\s+ingang\s+van|op|per)\s+(?P<b>\d{{1,2}}\s+(?:{MAAND})\s+\d{{4}})\s+in\s+werking\b)"
    ))
    .expect("valid regex")
});
/// The simple model with a date, which the fix can replace by the KB model.
static EENVOUDIG_MODEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*deze\s+(?P<w>wet|rijkswet)\s+treedt\s+in\s+werking\s+(?:met\s+ingang\s+van|op)\s+\d{{1,2}}\s+(?:{MAAND})\s+\d{{4}}\s*\.\s*$"
    ))
    .expect("valid regex")
});
static TERUGWERKEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bterugwerkende\s+kracht\b|\bwerkt\s+terug\b|\bwerken\s+terug\b")
        .expect("valid regex")
});
static ONDERWIJS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:onderwijs\w*|school\w*|scholen|leerlingen?|leerplicht\w*|student(?:en)?|studiejaar|schooljaar|studiefinanciering|hogescholen|hogeschool|universiteit\w*|examens?|mbo|vmbo|havo|vwo)\b")
        .expect("valid regex")
});
static FISCAAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:belasting\w*|\w*belasting|heffing\w*|\w*heffing|accijns\w*|fiscal\w*|premie\w*|belastingplan)\b")
        .expect("valid regex")
});
/// Words about the vaste verandermomenten and the minimum term.
static VVM_WOORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)verandermoment\w*|\bVVM\b|minimuminvoeringstermijn\w*|invoeringstermijn\w*|uitzondering\s+op|twee\s+maanden")
        .expect("valid regex")
});
/// Words about a fixed date instead of a koninklijk besluit.
static VASTE_DATUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bvaste\s+(?:inwerkingtredings)?datum\b|\bvast\s+tijdstip\b|\bkoninklijk\s+besluit\b",
    )
    .expect("valid regex")
});
/// Grounds for an exception (Ar 4.17 toelichting).
static GROND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bspoed\w*|\breparatie\w*|\bimplementatie\w*|\bomzettingstermijn\w*|\brichtlijn\w*|\bverordening\s*\((?:EU|EG)\)|\baanmerkelijke\b|\bnadel\w*|\bbelastingjaar\b|\bheffingsjaar\b|\bschooljaar\b|\bstudiejaar\b")
        .expect("valid regex")
});
/// Why an earlier date was chosen despite the toets.
static ONDANKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bdesondanks\b|\bniettemin\b|\bondanks\b|\btoch\b|\bgefaseerd\w*|\bfasering\b|\bin\s+afwijking\s+van\b")
        .expect("valid regex")
});
/// Words of inwerkingtreding in the toelichting.
static IWT_WOORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\binwerkingtreding\w*|\bin\s+werking\b|\binvoeringsdatum\b|\binvoering\b")
        .expect("valid regex")
});
/// A toets condition rather than the intended date.
static TOETS_ZIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bmogelijk\s+(?:per|met\s+ingang\s+van|vanaf|op)\b|\buitvoerbaar\b|\bniet\s+eerder\s+dan\b|\bpas\s+(?:per|op|met|vanaf)\b")
        .expect("valid regex")
});
/// The sentence states an intention or the planned date ("beoogd", "treedt … in werking").
static BEOOGD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbeoogd\w*|\bvoorzien\w*|\bvoorgenomen\b|\bstreef\w*|\bstreeft\b|\bstreven\b|\bgepland\w*|\bzal\b[^.]{0,60}\bin\s+werking|\b(?:treedt|treden)\b[^.]{0,80}\bin\s+werking|\bin\s+werking\s+(?:treedt|treden|te\s+laten\s+treden)\b")
        .expect("valid regex")
});
/// The history of another regulation ("sinds de inwerkingtreding van de Participatiewet op 1 januari 2015").
static ANDERE_REGELING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:\bsinds\b)|(?i:inwerkingtreding\s+van\s+(?:de|het))\s+[A-Z]")
        .expect("valid regex")
});
/// A toets date the `invoering-mogelijk-per` outcome misses.
static UITVOERBAAR_PER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\buitvoerbaar\s+(?:is\s+)?(?:per|met\s+ingang\s+van|vanaf|op)\s+\d{{1,2}}\s+(?:{MAAND})\s+\d{{4}}|\b(?:invoering|inwerkingtreding)\s+(?:is\s+)?(?:pas\s+)?mogelijk\s+(?:per|met\s+ingang\s+van|vanaf|op)\s+\d{{1,2}}\s+(?:{MAAND})\s+\d{{4}}"
    ))
    .expect("valid regex")
});
static AANHEF_WET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)gemeen\s+overleg\s+der\s+staten-generaal|alzo\s+wij\s+in\s+overweging")
        .expect("valid regex")
});
static AANHEF_AMVB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)hebben\s+goedgevonden\s+en\s+verstaan|op\s+de\s+voordracht\s+van")
        .expect("valid regex")
});
static AANHEF_MR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?im)^\s*besluit\s*:\s*$").expect("valid regex"));

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Datum {
    y: i32,
    m: u32,
    d: u32,
}

impl Datum {
    fn new(y: i32, m: u32, d: u32) -> Option<Datum> {
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Datum { y, m, d })
    }

    fn from_named(text: &str) -> Option<Datum> {
        let c = DATUM.captures(text)?;
        let d = c.get(1)?.as_str().parse().ok()?;
        let name = c.get(2)?.as_str().to_lowercase();
        let m = MAANDEN.iter().position(|x| *x == name)? as u32 + 1;
        let y = c.get(3)?.as_str().parse().ok()?;
        Datum::new(y, m, d)
    }

    fn from_any(text: &str) -> Option<Datum> {
        Datum::from_named(text).or_else(|| {
            let c = NUM_DATUM.captures(text)?;
            Datum::new(
                c.get(3)?.as_str().parse().ok()?,
                c.get(2)?.as_str().parse().ok()?,
                c.get(1)?.as_str().parse().ok()?,
            )
        })
    }

    fn maand(self) -> &'static str {
        MAANDEN.get(self.m as usize - 1).copied().unwrap_or("")
    }

    /// "1 maart 2027".
    fn nl(self) -> String {
        format!("{} {} {}", self.d, self.maand(), self.y)
    }

    /// "1 maart".
    fn dag_maand(self) -> String {
        format!("{} {}", self.d, self.maand())
    }

    fn plus_months(self, n: u32) -> Datum {
        let total = self.m - 1 + n;
        Datum {
            y: self.y + (total / 12) as i32,
            m: total % 12 + 1,
            d: self.d,
        }
    }
}

/// The kind of instrument, as far as Ar 4.17 and 4.21 care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Soort {
    Wet,
    Amvb,
    Mr,
}

impl Soort {
    fn of(r: Source<'_>) -> Option<Soort> {
        match r.doc.kind() {
            DocumentKind::Wet => return Some(Soort::Wet),
            DocumentKind::Amvb => return Some(Soort::Amvb),
            DocumentKind::MinisterieleRegeling => return Some(Soort::Mr),
            DocumentKind::Wijzigingsregeling | DocumentKind::Unknown => {}
            _ => return None,
        }
        let title = r
            .doc
            .title
            .as_ref()
            .map(|t| t.text.trim().to_lowercase())
            .unwrap_or_default();
        let first = title
            .trim_start_matches("voorstel van ")
            .split_whitespace()
            .next()
            .unwrap_or("");
        if first == "wet" || first == "rijkswet" {
            return Some(Soort::Wet);
        }
        if first.ends_with("besluit") {
            return Some(Soort::Amvb);
        }
        if first.ends_with("regeling") {
            return Some(Soort::Mr);
        }
        let head: String = r.text.chars().take(4000).collect();
        if AANHEF_WET.is_match(&head) {
            Some(Soort::Wet)
        } else if AANHEF_AMVB.is_match(&head) {
            Some(Soort::Amvb)
        } else if AANHEF_MR.is_match(&head) {
            Some(Soort::Mr)
        } else {
            None
        }
    }

    fn verandermomenten(self) -> &'static str {
        match self {
            Soort::Mr => "1 januari, 1 april, 1 juli of 1 oktober",
            _ => "1 januari of 1 juli",
        }
    }

    fn is_verandermoment(self, d: Datum) -> bool {
        d.d == 1
            && match self {
                Soort::Mr => matches!(d.m, 1 | 4 | 7 | 10),
                _ => matches!(d.m, 1 | 7),
            }
    }
}

/// A concrete date of entry into force in an own article.
struct Clause {
    article: usize,
    /// The sentence with the clause.
    sentence: Span,
    date: Datum,
    /// The block text, for the fix.
    block: Span,
}

fn clauses(r: Source<'_>) -> Vec<Clause> {
    let mut out = Vec::new();
    for b in &r.doc.blocks {
        let Container::Article { index } = b.container else {
            continue;
        };
        if b.kind == BlockKind::Heading
            || b.kind == BlockKind::Comment
            || r.doc.articles.get(index).is_none_or(|a| a.quoted)
        {
            continue;
        }
        for s in sentences(r.text, b.text) {
            let text = r.slice(s);
            for c in IWT_DATUM.captures_iter(text) {
                let Some(m) = c.name("a").or_else(|| c.name("b")) else {
                    continue;
                };
                let Some(date) = Datum::from_named(m.as_str()) else {
                    continue;
                };
                out.push(Clause {
                    article: index,
                    sentence: s,
                    date,
                    block: b.text,
                });
            }
        }
    }
    out
}

/// Sentence pairs (sentence, sentence + next) of the toelichting's own text.
fn toelichting_windows(ctx: &Context<'_>) -> Vec<(Span, Span)> {
    let Some(t) = ctx.toelichting else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for b in t.doc.blocks.iter().filter(|b| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table
        )
    }) {
        let s = sentences(t.text, b.text);
        for (i, x) in s.iter().enumerate() {
            let end = s.get(i + 1).map_or(x.end, |n| n.end);
            out.push((*x, Span::new(x.start, end)));
        }
    }
    out
}

/// True when a sentence (with the next one) is about `topic` and gives a ground or an explanation.
fn explained(
    ctx: &Context<'_>,
    topic: &dyn Fn(&str) -> bool,
    ground: &dyn Fn(&str) -> bool,
) -> bool {
    let Some(t) = ctx.toelichting else {
        return false;
    };
    let uitleg: Vec<Span> = ctx
        .signals(Which::Toelichting, "uitleg")
        .iter()
        .filter(|h| !h.weak)
        .map(|h| Span::new(h.range.start, h.range.end))
        .collect();
    toelichting_windows(ctx).into_iter().any(|(s, w)| {
        let text = t.slice(w);
        topic(t.slice(s))
            && (ground(text) || uitleg.iter().any(|u| w.start <= u.start && u.end <= w.end))
    })
}

/// The latest date at which the toets says invoering is possible, with where it says so.
fn toets_date(ctx: &Context<'_>) -> Option<(Datum, Span)> {
    let t = ctx.toelichting?;
    let prepared = ctx.prepared(Which::Toelichting)?;
    let mut found: Vec<(Datum, Span)> = ctx
        .data
        .toets_outcomes()
        .find_in_prepared(prepared)
        .into_iter()
        .filter(|h| h.outcome_id == "invoering-mogelijk-per")
        .filter_map(|h| {
            let span = Span::new(h.range.start, h.range.end);
            Datum::from_any(t.slice(span)).map(|d| (d, span))
        })
        .collect();
    for m in UITVOERBAAR_PER.find_iter(t.text) {
        if let Some(d) = Datum::from_named(m.as_str()) {
            found.push((d, Span::new(m.start(), m.end())));
        }
    }
    found.into_iter().max_by_key(|(d, _)| *d)
}

/// Intended dates of entry into force in the toelichting ("De inwerkingtreding is beoogd op 1 juli 2027").
fn intended_dates(ctx: &Context<'_>) -> Vec<(Datum, Span)> {
    let Some(t) = ctx.toelichting else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (s, _) in toelichting_windows(ctx) {
        let text = t.slice(s);
        if TOETS_ZIN.is_match(text) || !BEOOGD.is_match(text) || ANDERE_REGELING.is_match(text) {
            continue;
        }
        let Some(k) = IWT_WOORD.find(text) else {
            continue;
        };
        let Some(m) = DATUM.find_at(text, k.start()) else {
            continue;
        };
        if let Some(d) = Datum::from_named(m.as_str()) {
            out.push((d, s));
        }
    }
    out
}

impl Rule for InvoeringstermijnVvm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let Some(soort) = Soort::of(r) else { return };
        let has_t = ctx.toelichting.is_some();
        let title = r.doc.title.as_ref().map(|t| t.text.as_str()).unwrap_or("");
        let onderwijs = ONDERWIJS.is_match(title) || ONDERWIJS.find_iter(r.text).count() >= 5;
        let fiscaal = FISCAAL.is_match(title)
            || r.doc
                .citeertitel
                .as_ref()
                .is_some_and(|c| FISCAAL.is_match(&c.text));
        let vastgesteld = r
            .doc
            .title
            .as_ref()
            .and_then(|t| Datum::from_named(&t.text));
        let toets = if has_t { toets_date(ctx) } else { None };
        let clauses = clauses(r);

        for c in &clauses {
            let date = c.date;
            // Retroactive entry into force is a matter of its own (Ar 5.62), not of the verandermomenten.
            if vastgesteld.is_some_and(|v| date < v) || TERUGWERKEND.is_match(r.slice(c.sentence)) {
                continue;
            }
            let dag_maand = date.dag_maand();
            let mentions_date = |s: &str| s.to_lowercase().contains(&dag_maand);
            let mut reasons: Vec<String> = Vec::new();
            let mut helps: Vec<&str> = Vec::new();
            let mut kb_model = false;
            let mut related: Vec<(Which, Span, String)> = Vec::new();

            // (c) A fixed date in a wetsvoorstel (also without toelichting).
            if soort == Soort::Wet
                && !fiscaal
                && !explained(
                    ctx,
                    &|s| mentions_date(s) || VASTE_DATUM.is_match(s) || VVM_WOORD.is_match(s),
                    &|s| GROND.is_match(s),
                )
            {
                reasons.push(
                    "in een wetsvoorstel is inwerkingtreding op een bij koninklijk besluit te bepalen tijdstip het \
                     uitgangspunt, een vaste datum alleen als het niet anders kan (Ar 4.21)"
                        .to_string(),
                );
                helps.push(
                    "Gebruik het model 'Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip.' \
                     of motiveer in de memorie van toelichting waarom een vaste datum nodig is.",
                );
                kb_model = true;
            }
            if has_t {
                // (a) Not a vast verandermoment.
                let school = onderwijs && date.d == 1 && matches!(date.m, 8 | 9);
                if !soort.is_verandermoment(date)
                    && !school
                    && !explained(ctx, &|s| mentions_date(s) || VVM_WOORD.is_match(s), &|s| {
                        GROND.is_match(s)
                    })
                {
                    reasons.push(format!(
                        "{dag_maand} is geen vast verandermoment ({}; Ar 4.17)",
                        soort.verandermomenten()
                    ));
                    helps.push(
                        "Kies een vast verandermoment of motiveer de uitzondering in de toelichting (spoed, \
                         implementatietermijn, aanmerkelijke nadelen).",
                    );
                }
                // Minimum term of two months after the date in the opschrift.
                if let Some(v) = vastgesteld
                    && !fiscaal
                    && v <= date
                    && date < v.plus_months(2)
                    && !explained(ctx, &|s| mentions_date(s) || VVM_WOORD.is_match(s), &|s| {
                        GROND.is_match(s)
                    })
                {
                    reasons.push(format!(
                        "tussen de datum in het opschrift ({}) en de inwerkingtreding zitten minder dan twee maanden \
                         (minimuminvoeringstermijn, Ar 4.17)",
                        v.nl()
                    ));
                    helps.push("Houd ten minste twee maanden tussen bekendmaking en inwerkingtreding, of motiveer de kortere termijn.");
                    if let Some(t) = &r.doc.title {
                        related.push((
                            Which::Regeling,
                            t.span,
                            format!("Datum in het opschrift: {}", v.nl()),
                        ));
                    }
                }
                // (b) Earlier than the uitvoeringstoets allows.
                if let Some((td, tspan)) = toets
                    && td > date
                    && !explained(ctx, &|s| mentions_date(s) || IWT_WOORD.is_match(s), &|s| {
                        ONDANKS.is_match(s)
                    })
                {
                    reasons.push(format!(
                        "de uitvoeringstoets acht invoering pas mogelijk per {}",
                        td.nl()
                    ));
                    helps.push("Stem de datum af op de uitvoeringstoets, of leg uit waarom desondanks voor deze datum is gekozen.");
                    related.push((
                        Which::Toelichting,
                        tspan,
                        format!("Uitvoeringstoets: invoering mogelijk per {}", td.nl()),
                    ));
                }
            }
            if reasons.is_empty() {
                continue;
            }
            let label = capitalize(&article_label(r.doc, c.article));
            let mut f = Finding::new(
                Which::Regeling,
                c.sentence,
                format!(
                    "{label} noemt als datum van inwerkingtreding {}: {}.",
                    date.nl(),
                    join_nl(&reasons)
                ),
            )
            .help(helps.join(" "));
            for (w, s, m) in related {
                f = f.related(w, s, m);
            }
            if kb_model
                && let Some(cap) = EENVOUDIG_MODEL.captures(r.slice(c.block))
                && let Some(w) = cap.name("w")
            {
                f = f.fix(FixSpec {
                    title: "Vervang door inwerkingtreding bij koninklijk besluit (Ar 4.21)".to_string(),
                    safe: false,
                    edits: vec![FixEdit {
                        which: Which::Regeling,
                        span: c.block,
                        content: format!(
                            "Deze {} treedt in werking op een bij koninklijk besluit te bepalen tijdstip.",
                            w.as_str().to_lowercase()
                        ),
                    }],
                });
            }
            out.push(f);
        }

        // (b) without a fixed date in the regulation: the intended date in the toelichting.
        if clauses.is_empty()
            && let (Some(t), Some((td, tspan))) = (ctx.toelichting, toets)
            && let Some((d, s)) = intended_dates(ctx)
                .into_iter()
                .filter(|(d, _)| *d < td)
                .min_by_key(|(d, _)| *d)
            && !explained(
                ctx,
                &|x| x.to_lowercase().contains(&d.dag_maand()) || IWT_WOORD.is_match(x),
                &|x| ONDANKS.is_match(x),
            )
        {
            out.push(
                Finding::new(
                    Which::Toelichting,
                    s,
                    format!(
                        "De {} noemt {} als beoogde datum van inwerkingtreding, maar de uitvoeringstoets acht invoering \
                         pas mogelijk per {}.",
                        t.doc.kind().label_nl(),
                        d.nl(),
                        td.nl()
                    ),
                )
                .help("Stem de beoogde datum af op de uitvoeringstoets, of leg uit waarom desondanks voor deze datum is gekozen.")
                .related(Which::Toelichting, tspan, format!("Uitvoeringstoets: invoering mogelijk per {}", td.nl())),
            );
        }
    }
}
