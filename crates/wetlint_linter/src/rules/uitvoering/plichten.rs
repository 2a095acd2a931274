//! Shared detection of obligations and sanctions addressed to citizens and businesses in the regulation.
//!
//! Two questions about the text of a regulation, used by UITV-007, UITV-008
//! and UITV-009 and open to other rules (read-only; nothing here reports):
//!
//! * [`burgerplichten`]: where does the regulation ask something of a citizen
//!   ("De aanvrager verstrekt …", "Bij de aanvraag verstrekt de ouder …",
//!   "… doet binnen vier weken mededeling …")? The obligation markers come from
//!   the `burgerverplichtingen` list of `signalen.toml`; the subject (a citizen
//!   noun at the start of the sentence, or right after the verb when the
//!   sentence opens with an adverbial) is checked here. [`gevolgen`] lists the
//!   adverse consequences (`nadelige-gevolgen`) that may follow.
//! * [`sanctiebepalingen`]: where does the regulation itself arrange toezicht
//!   op de naleving, a bestuurlijke boete, a last onder dwangsom or
//!   bestuursdwang, or a strafbaarstelling?
//!
//! Both read every article block of the regulation, including articles quoted
//! in an amendment (in a wijzigingsregeling that is where the new rules
//! stand), but not headings, comments or begripsbepalingen. All spans are byte
//! ranges into `ctx.regeling`'s text.

use std::sync::LazyLock;

use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Container, Document, Span};

use crate::context::{Context, Source};
use crate::finding::Which;
use crate::text::sentences;

/// The patterns are literals of this file, compiled by its tests.
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

/// Citizen nouns. Group `strong`: always a natural person; group `amb`: a
/// person or a business (counted only when the regulation addresses persons).
static BURGER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:de|een|iedere|elke|ieder|elk)\s+(?:(?P<strong>verzekerden?|uitkeringsgerechtigden?|ouders?|student(?:en)?|leerling(?:en)?|burgers?|ingezetenen?|werknemers?|werkzoekenden?|pensioengerechtigden?|nabestaanden?|mantelzorgers?|alleenstaanden?|patiënt(?:en)?|zorgvragers?|jeugdigen?|vreemdeling(?:en)?|asielzoekers?|gedetineerden?|kiezers?)|(?P<amb>aanvragers?|belanghebbenden?|rechthebbenden?|betrokkenen?|cliënt(?:en)?))\b",
    )
});

/// A verb that, right before a citizen noun, makes that noun the subject of an
/// inverted main clause ("Bij de aanvraag verstrekt de aanvrager …").
static INVERSIE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:verstrekt|verstrekken|verschaft|verschaffen|meldt|melden|doet|doen|legt|leggen|overlegt|overleggen|toont|tonen|dient|dienen|geeft|geven|zendt|zenden|is|zijn)\s*$",
    )
});

/// Openings of a sentence that are not its subject (adverbials, a conditional clause).
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:bij|binnen|op|na|voor|vóór|uiterlijk|in|tijdens|gedurende|jaarlijks|maandelijks|tevens|voorts|daarbij|daartoe|hiertoe|ten|met|zo|onverwijld|desgevraagd|telkens|per|uiterlijk)\b|^(?:indien|wanneer|als|zodra|voordat|nadat|zolang|voor zover)\b[^;]*,$",
    )
});

/// Obligation forms not (yet) in `burgerverplichtingen` (see the report on
/// data changes): "is gehouden", plural "doen … mededeling", and
/// "doet … mededeling" over more than 40 characters.
static AANVULLING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:is|zijn)\s+gehouden\b|\b(?:doet|doen)\b[^.;]{1,120}?\b(?:mededeling|opgave)\b")
});

/// An auxiliary right before or after a verb marker: a participle or an infinitive, not an obligation.
static HULPWERKWOORD_VOOR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:heeft|hebben|had|hadden|is|zijn|wordt|worden|werd|werden|te)\s+$")
});
static HULPWERKWOORD_NA: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s+(?:heeft|hebben|had|hadden|is|zijn|wordt|worden|werd|werden)\b"));
/// Relative pronouns that open a clause after the subject.
static RELATIEF: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:die|dat|wie|welke|waarvan|waaraan|waarop|waarin|waarmee|waarbij|waardoor)\b")
});
/// A main verb that makes the sentence a right, a permission or a passive.
static MODAAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:kan|kunnen|mag|mogen|heeft\s+(?:\w+\s+)?recht|hebben\s+(?:\w+\s+)?recht|wordt|worden|werd|werden)\b",
    )
});

/// Deadlines, also with the number in words ("binnen vier weken").
static TERMIJN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bbinnen\s+(?:\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig|zestig|negentig)\s+(?:werkdagen|werkdag|dagen|dag|weken|week|maanden|maand|jaar)\b|\b(?:uiterlijk(?:\s+op)?|vóór)\s+\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b",
    )
});

/// Words that show a regulation is about natural persons.
static PERSOON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:burgerservicenummer|natuurlijke\s+personen?|ingezetenen?|basisregistratie\s+personen|huishoudens?|minderjarigen?|leeftijd\s+van|toetsingsinkomen|alleenstaanden?|kinderbijslag|studiefinanciering|toeslag|toeslagen|partner)\b",
    )
});

/// Words that show a regulation is about businesses and institutions.
static BEDRIJF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:ondernemingen?|ondernemers?|rechtspersonen?|bedrijven|bedrijf|werkgevers?|exploitanten?|vergunninghouders?|instellingen?|aanbieders?|zorgaanbieders?|fabrikanten?|producenten?|importeurs?|handelaren|handelaars?|handelsregister|kamer\s+van\s+koophandel)\b",
    )
});

static TOEZICHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bbelast\s+(?:zijn\s+|is\s+)?met\s+(?:het\s+)?toezicht\s+op\s+de\s+naleving\b|\bmet\s+het\s+toezicht\s+op\s+de\s+naleving\b[^.;]{0,200}?\b(?:belast|aangewezen)\b|\b(?:houdt|houden)\s+toezicht\s+op\b|\btoezichthouders?\s+(?:is|zijn)\s+bevoegd\b",
    )
});
static BOETE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bbestuurlijke\s+boetes?\b"));
/// The power to impose, or the amount of, a sanction (not a mere reference to one).
static BEVOEGDHEID: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:kan|kunnen)\b[^.;]{0,120}?\bopleggen\b|\bbevoegd\b|\bbevoegdheid\b|\blegt\b[^.;]{0,80}?\bop\b|\b(?:wordt|worden)\b[^.;]{0,80}?\bopgelegd\b|\bbedraagt\b",
    )
});
static LAST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\blast\s+onder\s+(?P<soort>bestuursdwang|dwangsom)\b|\b(?:toepassing\s+van|toe\s+te\s+passen)\s+(?P<bd>bestuursdwang)\b",
    )
});
static STRAF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:is|zijn)\s+(?:een\s+)?strafba(?:ar|re)\s+feit(?:en)?\b|\b(?:wordt|worden)\s+gestraft\s+met\b|\b(?:hechtenis|gevangenisstraf)\s+van\s+ten\s+hoogste\b|\b(?:is|zijn)\s+(?:een\s+)?economisch(?:e)?\s+delict(?:en)?\b|\bwet\s+op\s+de\s+economische\s+delicten\b[^.;]{0,200}?\b(?:ingevoegd|toegevoegd)\b|\b(?:is|zijn)\s+(?:een\s+)?(?:overtreding|overtredingen|misdrijf|misdrijven)\b",
    )
});

/// The object of the supervision names this regulation ("deze wet", "dit besluit").
static EIGEN_REGELING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:deze|dit)\s+(?:wet|rijkswet|besluit|regeling|beleidsregel|verordening)\b")
});
/// Another act by name ("de Wet arbeid vreemdelingen", "de Invorderingswet 1990").
static ANDERE_WET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:de|het)\s+(?:Wet|Algemene|Burgerlijk|Wetboek|[A-Z][a-z]+(?:wet|besluit|regeling|code))\b",
    )
});

/// True when supervision is about another act ("… ambtenaren die zijn belast
/// met het toezicht op de naleving van de Wet arbeid vreemdelingen"): the
/// regulation then only refers to someone else's toezicht.
fn toezicht_op_andere_wet(from_match: &str) -> bool {
    let window: String = from_match.chars().take(260).collect();
    ANDERE_WET.is_match(&window) && !EIGEN_REGELING.is_match(&window)
}

/// Who an obligation is addressed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Adressaat {
    /// A word that always denotes a natural person: verzekerde, ouder,
    /// student, ingezetene, werknemer, …
    Burger,
    /// A word that may denote a person or a business (aanvrager,
    /// belanghebbende, rechthebbende, betrokkene, cliënt), in a regulation
    /// that addresses natural persons.
    BurgerOfBedrijf,
}

/// An obligation for a citizen in one sentence of the regulation.
#[derive(Debug, Clone)]
pub(crate) struct Burgerplicht {
    /// Index into `doc.articles`.
    pub article: usize,
    /// The sentence.
    pub sentence: Span,
    /// The subject as written, lowercase ("de aanvrager").
    pub subject: String,
    pub adressaat: Adressaat,
    /// The first obligation marker after the subject.
    pub marker: Span,
    /// The deadline in the sentence, as written ("binnen vier weken"), if any.
    pub termijn: Option<String>,
}

/// An adverse consequence in the regulation (terugvordering, intrekking, boete, …).
#[derive(Debug, Clone)]
pub(crate) struct Gevolg {
    pub article: usize,
    pub span: Span,
    /// The form of `nadelige-gevolgen` that matched.
    pub form: String,
}

/// Kinds of supervision and sanction provisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Sanctiesoort {
    /// Toezichthouders are designated ("Met het toezicht op de naleving … zijn belast …").
    Toezicht,
    /// A power to impose a bestuurlijke boete.
    BestuurlijkeBoete,
    LastOnderDwangsom,
    LastOnderBestuursdwang,
    /// Strafbaarstelling: "is een strafbaar feit", "wordt gestraft met", economisch delict.
    Strafbaarstelling,
}

impl Sanctiesoort {
    /// Dutch phrase for messages ("een bestuurlijke boete").
    pub(crate) fn label_nl(self) -> &'static str {
        match self {
            Sanctiesoort::Toezicht => "toezicht op de naleving",
            Sanctiesoort::BestuurlijkeBoete => "een bestuurlijke boete",
            Sanctiesoort::LastOnderDwangsom => "een last onder dwangsom",
            Sanctiesoort::LastOnderBestuursdwang => "een last onder bestuursdwang",
            Sanctiesoort::Strafbaarstelling => "een strafbaarstelling",
        }
    }
}

/// A supervision or sanction provision in the regulation.
#[derive(Debug, Clone)]
pub(crate) struct Sanctiebepaling {
    pub article: usize,
    /// The matched phrase (within one sentence of the article).
    pub span: Span,
    pub soort: Sanctiesoort,
}

/// The sentences of the regulation's article text (leden, onderdelen,
/// paragraphs, changes; own and quoted articles), outside begripsbepalingen,
/// with the index of their article.
pub(crate) fn artikelzinnen(r: Source<'_>, with_definitions: bool) -> Vec<(usize, Span)> {
    let doc = r.doc;
    let mut out = Vec::new();
    for b in &doc.blocks {
        let Container::Article { index } = b.container else {
            continue;
        };
        if !matches!(
            b.kind,
            BlockKind::Lid
                | BlockKind::Onderdeel
                | BlockKind::SubOnderdeel
                | BlockKind::Paragraph
                | BlockKind::ListItem
                | BlockKind::Change
        ) {
            continue;
        }
        if !with_definitions
            && doc
                .definitions
                .iter()
                .any(|d| d.span.contains(b.text.start))
        {
            continue;
        }
        for s in sentences(r.text, b.text) {
            out.push((index, s));
        }
    }
    out
}

/// "artikel 3.3"; for an article quoted in an amendment "artikel 12a (in artikel I)".
pub(crate) fn article_label(doc: &Document, index: usize) -> String {
    let Some(a) = doc.articles.get(index) else {
        return "de regeling".to_string();
    };
    let own = if a.number == "enig" {
        "het enig artikel".to_string()
    } else {
        format!("{} {}", a.kind.label_nl(), a.number)
    };
    if a.quoted
        && let Some(outer) = doc
            .articles
            .get(..index)
            .and_then(|all| all.iter().rev().find(|o| !o.quoted))
    {
        return format!("{own} (in artikel {})", outer.number);
    }
    own
}

/// "artikel 3.3", "de artikelen 3.2 en 3.3" for a set of article indices (in order, deduplicated).
pub(crate) fn articles_phrase(doc: &Document, indices: &[usize]) -> String {
    /// At most this many articles are named; the rest are counted.
    const MAX: usize = 5;
    let mut idx: Vec<usize> = Vec::new();
    for &i in indices {
        if !idx.contains(&i) {
            idx.push(i);
        }
    }
    let rest = idx.len().saturating_sub(MAX);
    let shown = idx.get(..idx.len().min(MAX)).unwrap_or(&[]);
    let mut items: Vec<String>;
    let plain = shown.iter().all(|&i| {
        doc.articles
            .get(i)
            .is_some_and(|a| !a.quoted && a.number != "enig")
    });
    let prefix = match shown {
        [] => return "de regeling".to_string(),
        [one] if rest == 0 => return article_label(doc, *one),
        _ if plain => {
            items = shown
                .iter()
                .filter_map(|&i| doc.articles.get(i))
                .map(|a| a.number.clone())
                .collect();
            let aanwijzingen = shown.iter().all(|&i| {
                doc.articles
                    .get(i)
                    .is_some_and(|a| a.kind == wetlint_syntax::UnitKind::Aanwijzing)
            });
            if aanwijzingen {
                "de aanwijzingen "
            } else {
                "de artikelen "
            }
        }
        _ => {
            items = shown.iter().map(|&i| article_label(doc, i)).collect();
            ""
        }
    };
    if rest > 0 {
        items.push(format!("nog {rest} andere"));
    }
    format!("{prefix}{}", crate::text::join_nl(&items))
}

/// True when `text` names a citizen (any noun of the citizen list with a determiner).
pub(crate) fn noemt_burger(text: &str) -> bool {
    BURGER.is_match(text)
}

/// True when the text between the subject and a marker makes the sentence a
/// right, a permission or a passive ("kan", "heeft recht op", "wordt"),
/// ignoring relative clauses ("De aanvrager aan wie … wordt toegekend, meldt …").
fn geen_plicht(between: &str) -> bool {
    between
        .split(',')
        .any(|segment| !RELATIEF.is_match(segment) && MODAAL.is_match(segment))
}

/// Whether an ambiguous subject ("de aanvrager") is, in this regulation, a
/// natural person: by its definition if the regulation defines it, otherwise
/// by the regulation's vocabulary (more person words than business words).
fn ambiguous_is_person(r: Source<'_>, noun: &str) -> bool {
    let forms = [
        Some(noun),
        noun.strip_suffix('s'),
        noun.strip_suffix('n'),
        noun.strip_suffix("en"),
    ];
    if let Some(d) = r.doc.definitions.iter().find(|d| {
        let t = d.term.to_lowercase();
        forms.iter().flatten().any(|f| *f == t)
    }) {
        if BEDRIJF.is_match(&d.definition) && !PERSOON.is_match(&d.definition) {
            return false;
        }
        if PERSOON.is_match(&d.definition) || d.definition.to_lowercase().contains("persoon") {
            return true;
        }
    }
    let persons = PERSOON.find_iter(r.text).count();
    let businesses = BEDRIJF.find_iter(r.text).count();
    persons >= 1 && persons >= businesses
}

/// Obligations the regulation addresses to citizens, one per sentence, in
/// document order.
///
/// A sentence counts when a citizen noun is its subject and an obligation
/// marker (`burgerverplichtingen`, "is gehouden", a deadline) follows the
/// subject. The subject is the noun phrase the sentence opens with, or the
/// noun right after the verb when the sentence opens with an adverbial or a
/// conditional clause ("Binnen vier weken na de geboorte meldt de ouder …").
/// "De Sociale verzekeringsbank verstrekt de aanvrager …" does not count.
/// Ambiguous nouns (aanvrager, belanghebbende, …) count only when the
/// regulation addresses natural persons (definition or vocabulary), so a
/// subsidy scheme for businesses stays out.
pub(crate) fn burgerplichten(ctx: &Context<'_>) -> Vec<Burgerplicht> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let markers: Vec<Span> = ctx
        .signals(Which::Regeling, "burgerverplichtingen")
        .iter()
        .filter(|h| !h.weak)
        .map(|h| Span::new(h.range.start, h.range.end))
        .collect();
    let mut person_cache: Vec<(String, bool)> = Vec::new();
    let mut out = Vec::new();
    for (article, s) in artikelzinnen(r, false) {
        let text = r.slice(s);
        let lead = text.len() - text.trim_start().len();
        // The subject: the opening noun phrase, or the noun after an inverted verb.
        let subject = BURGER.captures_iter(text).find_map(|c| {
            let m = c.get(0)?;
            let opening = m.start() == lead;
            let inverted = !opening && {
                let before = text.get(..m.start()).unwrap_or("");
                INVERSIE.find(before).is_some_and(|v| {
                    let pre = before.get(lead..v.start()).unwrap_or("").trim();
                    OPENING.is_match(pre)
                })
            };
            (opening || inverted).then_some(c)
        });
        let Some(c) = subject else { continue };
        let Some(m) = c.get(0) else { continue };
        let (adressaat, noun) = match (c.name("strong"), c.name("amb")) {
            (Some(n), _) => (Adressaat::Burger, n.as_str().to_lowercase()),
            (_, Some(n)) => (Adressaat::BurgerOfBedrijf, n.as_str().to_lowercase()),
            _ => continue,
        };
        if adressaat == Adressaat::BurgerOfBedrijf {
            let known = person_cache
                .iter()
                .find(|(n, _)| *n == noun)
                .map(|(_, p)| *p);
            let is_person = known.unwrap_or_else(|| {
                let p = ambiguous_is_person(r, &noun);
                person_cache.push((noun.clone(), p));
                p
            });
            if !is_person {
                continue;
            }
        }
        // For an inverted sentence the verb itself may be the marker, so look from the sentence start.
        let from = if m.start() == lead {
            s.start + m.end()
        } else {
            s.start + lead
        };
        let mut candidates: Vec<Span> = markers
            .iter()
            .filter(|h| h.start >= from && h.end <= s.end)
            .copied()
            .chain(
                AANVULLING
                    .find_iter(text)
                    .map(|x| Span::new(s.start + x.start(), s.start + x.end())),
            )
            .chain(
                TERMIJN
                    .find_iter(text)
                    .map(|x| Span::new(s.start + x.start(), s.start + x.end())),
            )
            .filter(|h| h.start >= from)
            .collect();
        candidates.sort_by_key(|h| h.start);
        let subject_end = s.start + m.end();
        let marker = candidates.into_iter().find(|h| {
            let rel = |o: usize| o.saturating_sub(s.start);
            let word = text.get(rel(h.start)..rel(h.end)).unwrap_or("");
            let before = text.get(..rel(h.start)).unwrap_or("");
            let after = text.get(rel(h.end)..).unwrap_or("");
            // "heeft verstrekt", "te verstrekken", "verstrekt is": not an obligation of the subject.
            let verbal = !word.to_lowercase().starts_with("is ")
                && !word.to_lowercase().starts_with("zijn ");
            if verbal && (HULPWERKWOORD_VOOR.is_match(before) || HULPWERKWOORD_NA.is_match(after)) {
                return false;
            }
            if h.start < subject_end {
                return true; // the inverted verb itself
            }
            let between = text.get(rel(subject_end)..rel(h.start)).unwrap_or("");
            // A marker inside a relative clause ("De werknemer die … is gehouden, …") belongs to that clause.
            if let Some(p) = RELATIEF.find_iter(between).last()
                && !between.get(p.end()..).unwrap_or("").contains(',')
            {
                return false;
            }
            // A right, a permission or a passive is not an obligation ("kan … binnen zeven dagen", "heeft recht op").
            !geen_plicht(between)
        });
        let Some(marker) = marker else { continue };
        let termijn = TERMIJN.find(text).map(|x| x.as_str().to_string());
        // "De aanvrager en de rechthebbende": keep the whole coordinated subject.
        let mut subject = m.as_str().to_lowercase();
        if m.start() == lead
            && let Some(rest) = text.get(m.end()..)
            && let Some(c2) = BURGER.find(rest)
            && let Some(between) = rest.get(..c2.start())
            && matches!(between.trim(), "en" | "of")
        {
            subject = format!(
                "{subject} {} {}",
                between.trim(),
                c2.as_str().to_lowercase()
            );
        }
        out.push(Burgerplicht {
            article,
            sentence: s,
            subject,
            adressaat,
            marker,
            termijn,
        });
    }
    out
}

/// Adverse consequences in the regulation's articles (the non-weak forms of
/// `nadelige-gevolgen`: terugvordering, intrekking, weigering, boete, …).
pub(crate) fn gevolgen(ctx: &Context<'_>) -> Vec<Gevolg> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let zinnen = artikelzinnen(r, false);
    ctx.signals(Which::Regeling, "nadelige-gevolgen")
        .iter()
        .filter(|h| !h.weak)
        .filter_map(|h| {
            let (article, _) = zinnen
                .iter()
                .find(|(_, s)| s.start <= h.range.start && h.range.end <= s.end)?;
            Some(Gevolg {
                article: *article,
                span: Span::new(h.range.start, h.range.end),
                form: h.form.to_string(),
            })
        })
        .collect()
}

/// Supervision and sanction provisions of the regulation, at most one per
/// kind per sentence, in document order.
///
/// Counted: the designation of toezichthouders ("Met het toezicht op de
/// naleving … zijn belast", "houdt toezicht op"); a power to impose a
/// bestuurlijke boete (the sentence also says opleggen/opgelegd/bedraagt);
/// a last onder dwangsom or bestuursdwang; a strafbaarstelling ("is een
/// strafbaar feit", "wordt gestraft met", economisch delict). Not counted:
/// "gegevens over strafbare feiten", or data passed on "ten behoeve van het
/// toezicht op de naleving van" another act.
pub(crate) fn sanctiebepalingen(ctx: &Context<'_>) -> Vec<Sanctiebepaling> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (article, s) in artikelzinnen(r, true) {
        let text = r.slice(s);
        let at = |m: regex::Match<'_>| Span::new(s.start + m.start(), s.start + m.end());
        let mut push = |soort: Sanctiesoort, span: Span| {
            out.push(Sanctiebepaling {
                article,
                span,
                soort,
            })
        };
        if let Some(m) = TOEZICHT.find(text)
            && !toezicht_op_andere_wet(text.get(m.start()..).unwrap_or(""))
        {
            push(Sanctiesoort::Toezicht, at(m));
        }
        if let Some(m) = BOETE.find(text)
            && BEVOEGDHEID.is_match(text)
        {
            push(Sanctiesoort::BestuurlijkeBoete, at(m));
        }
        if let Some(c) = LAST.captures(text)
            && let Some(m) = c.get(0)
            && BEVOEGDHEID.is_match(text)
        {
            let soort = if c
                .name("soort")
                .is_some_and(|x| x.as_str().eq_ignore_ascii_case("dwangsom"))
            {
                Sanctiesoort::LastOnderDwangsom
            } else {
                Sanctiesoort::LastOnderBestuursdwang
            };
            push(soort, at(m));
        }
        if let Some(m) = STRAF.find(text) {
            push(Sanctiesoort::Strafbaarstelling, at(m));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx_for<'a>(text: &'a str, doc: &'a Document) -> Context<'a> {
        let data = wetlint_data::Data::builtin().expect("builtin data");
        Context::new(
            Some(Source {
                path: "regeling.md",
                text,
                doc,
            }),
            None,
            data,
            crate::Profile::Concept,
        )
    }

    const WET: &str = "# Wet van 1 mei 2027, houdende regels over een vergoeding (Wet vergoeding)\n\n## Hoofdstuk 1. Regels\n\n### Artikel 1 Aanvraag\n\n1. De ouder verstrekt bij de aanvraag zijn burgerservicenummer.\n\n2. Bij de aanvraag verstrekt de student een verklaring van de onderwijsinstelling.\n\n3. De Sociale verzekeringsbank verstrekt de ouder een beschikking.\n\n4. De aanvrager en de rechthebbende doen de Sociale verzekeringsbank binnen vier weken nadat zij daarvan kennis hebben gekregen mededeling van elke verhuizing.\n\n### Artikel 2 Toezicht\n\n1. Met het toezicht op de naleving van deze wet zijn belast de bij besluit van Onze Minister aangewezen ambtenaren.\n\n2. Onze Minister kan een bestuurlijke boete opleggen van ten hoogste € 500.\n\n3. Gegevens over strafbare feiten worden niet verwerkt.\n";

    #[test]
    fn finds_citizen_obligations_and_sanctions() {
        let doc = wetlint_syntax::parse(WET, Some("regeling.md"));
        let ctx = ctx_for(WET, &doc);
        let p = burgerplichten(&ctx);
        let subjects: Vec<&str> = p.iter().map(|p| p.subject.as_str()).collect();
        assert_eq!(
            subjects,
            ["de ouder", "de student", "de aanvrager en de rechthebbende"]
        );
        assert_eq!(p[2].termijn.as_deref(), Some("binnen vier weken"));
        assert_eq!(article_label(&doc, p[0].article), "artikel 1");
        let s: Vec<Sanctiesoort> = sanctiebepalingen(&ctx).iter().map(|s| s.soort).collect();
        assert_eq!(s, [Sanctiesoort::Toezicht, Sanctiesoort::BestuurlijkeBoete]);
    }

    #[test]
    fn business_applicant_is_no_citizen() {
        let t = "# Regeling van de Minister van Economische Zaken van 2 mei 2027, houdende een subsidie\n\n### Artikel 1\n\nIn deze regeling wordt verstaan onder:\n\na. aanvrager: de onderneming die subsidie aanvraagt;\n\nb. onderneming: een onderneming die is ingeschreven in het handelsregister.\n\n### Artikel 2\n\nDe aanvrager verstrekt bij de aanvraag een begroting.\n";
        let doc = wetlint_syntax::parse(t, Some("regeling.md"));
        let ctx = ctx_for(t, &doc);
        assert!(burgerplichten(&ctx).is_empty());
    }
}
