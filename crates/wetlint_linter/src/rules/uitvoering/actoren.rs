//! Shared detection for the UITV actor rules: which organisations get tasks
//! in the regulation, and where the toelichting mentions them and their
//! toetsen.
//!
//! The API is small and read-only, so other rules (UITV-009, WAARDE-004,
//! FRAG-001) can reuse it:
//!
//! * [`vermeldingen`]: every mention of an organisation in one document,
//!   including defined terms that stand for one ("college: college van
//!   burgemeester en wethouders" makes "het college" a mention);
//! * [`taakhouders`]: the organisations that are the *subject* of a task verb
//!   in an article of the regulation (not merely named as a source of data,
//!   a recipient or a party to consult), grouped per organisation;
//! * [`is_uitvoerder`], [`is_decentraal`], [`bestuurslaag`]: how to treat an
//!   organisation;
//! * [`toetsvermeldingen`]: every toets mention in the toelichting, with the
//!   organisations it belongs to and whether it was done, only requested, or
//!   is said to be absent;
//! * [`uitleg_over`]: comply or explain, a toelichting sentence that explains
//!   (with a marker of the `uitleg` list) why a toets is not needed;
//! * [`oordeel_van`]: an organisation's own verdict on uitvoerbaarheid
//!   ("Het UWV acht het voorstel uitvoerbaar"), which counts as a toets;
//! * message helpers: [`artikel_label`], [`artikelen_nl`], [`naam_met_lidwoord`],
//!   [`document_nl`], and [`alinea_fix`] for a skeleton paragraph.

use std::ops::Range;
use std::sync::LazyLock;

use wetlint_data::normalize::NormalizedText;
use wetlint_data::{Data, Moment, Organisatie, SectionKey, Vorm};
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Container, Document, DocumentKind, Span};

use crate::context::{Context, Source};
use crate::finding::Which;
use crate::rule::Profile;
use crate::text::sentences;
use crate::{FixEdit, FixSpec};

// --- vocabulary local to this module -----------------------------------------
//
// Short fixed patterns that the `taak-werkwoorden` list of signalen.toml does
// not (yet) express; they belong there eventually (see the UITV report).

/// Task verbs missing from `taak-werkwoorden`: plural and separable plural
/// forms (decentral bodies are grammatically plural: "burgemeester en
/// wethouders stellen … vast", "gedeputeerde staten verlenen"), "draagt er
/// zorg voor", modal powers ("kan … opleggen") and regulatory tasks ("stelt bij
/// verordening regels"), and separable verbs with a long middle field ("kent
/// de huurder van … een verhoging toe": the list allows 60 characters, here
/// 160). Matched on the normalised sentence; the first word is the finite verb.
static EXTRA_TAAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:draagt|dragen) er zorg voor\b|\b(?:verstrekken|verlenen|registreren|verwerken|beslissen|innen)\b|\b(?:kent|kennen)\b(?:[^.;]|\.\d){1,160}?\btoe\b|\b(?:stelt|stellen)\b(?:[^.;]|\.\d){1,160}?\bvast\b|\b(?:voert|voeren)\b(?:[^.;]|\.\d){1,160}?\buit\b|\bleggen\b(?:[^.;]|\.\d){1,60}?\bop\b|\b(?:houdt|houden)\b(?:[^.;]|\.\d){1,160}?\bbij\b|\b(?:stelt|stellen)\b(?:[^.;]|\.\d){0,40}?\bregels\b|\b(?:kan|kunnen)\b(?:[^.;]|\.\d){1,60}?\b(?:toekennen|vaststellen|opleggen|verlenen|verstrekken|weigeren|intrekken|innen|registreren|bijhouden|besluiten|uitvoeren|regels stellen)\b",
    )
    .expect("valid regex")
});

/// The supervision formula with inversion: "Met het toezicht … zijn belast de
/// … ambtenaren van X" (the subject follows the verb).
static TOEZICHT_INVERSIE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^met\b(?:[^.;]|\.\d){1,240}?\b(?:is|zijn) belast\b").expect("valid regex")
});

/// Passive with an agent: "wordt door de SVB teruggevorderd" (the participle
/// follows the agent) and "wordt vastgesteld door het college".
static PASSIEF_DOOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:wordt|worden) door (?:de|het) $").expect("valid regex"));
static PASSIEF_DEELWOORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[^.;]|\.\d){0,60}?\b(?:vastgesteld|toegekend|verstrekt|uitgevoerd|verleend|opgelegd|verwerkt|genomen|teruggevorderd|uitbetaald|geregistreerd|bijgehouden)\b")
        .expect("valid regex")
});
static PASSIEF_DEELWOORD_DOOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:wordt|worden) (?:vastgesteld|toegekend|verstrekt|uitgevoerd|verleend|opgelegd|verwerkt|genomen|teruggevorderd|uitbetaald|geregistreerd|bijgehouden) door (?:de|het) $")
        .expect("valid regex")
});

/// A toets said to be absent: "geen uitvoeringstoets", "niet … uitgevoerd".
static ONTKENNING_VOOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:geen|niet)\s+(?:(?:afzonderlijke|aparte|nieuwe|formele|volledige|eigen|uitgebreide)\s+)?$").expect("valid regex")
});
static ONTKENNING_NA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^.;]{0,60}?\b(?:niet\s+(?:uitgevoerd|gevraagd|aangevraagd|gedaan|verricht|uitgebracht|nodig|mogelijk)|ontbreekt|achterwege)\b").expect("valid regex")
});
/// A toets that is only requested or still to come.
static GEVRAAGD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:wordt|worden|zal|zullen)\b[^.;]{0,80}?\b(?:gevraagd|aangevraagd|opgevraagd|uitgevoerd|uitgebracht|verricht|verwacht)\b|\bnog niet\b|\bis gevraagd (?:een|om)\b|\bvolgt\b|\bin voorbereiding\b")
        .expect("valid regex")
});
/// A toets that has been done (wins over [`GEVRAAGD`]).
static GEDAAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:heeft|hebben|is|zijn)\b[^.;]{0,60}?\b(?:uitgebracht|uitgevoerd|verricht|opgesteld|gedaan|afgerond|ontvangen|beoordeeld)\b|\b(?:heeft|hebben)\b[^.;]{0,60}?\bgetoetst\b|\buit de \S*toets\S* (?:blijkt|volgt)\b|\bin (?:de|haar|zijn) \S*toets\S*\b|\beindoordeel\b")
        .expect("valid regex")
});
/// An organisation's own verdict on uitvoerbaarheid without the word toets:
/// "Het UWV acht het voorstel uitvoerbaar", "De SVB heeft bevestigd dat …
/// uitvoerbaar is" (an uitvoeringsreactie).
static OORDEEL_UITVOERBAAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:uitvoerbaar\w*|handhaafbaar\w*)\b").expect("valid regex"));
static OORDEEL_WERKWOORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:acht|achten|oordeelt|oordelen|heeft beoordeeld|hebben beoordeeld|heeft bevestigd|hebben bevestigd|heeft laten weten|hebben laten weten|heeft aangegeven|hebben aangegeven|geeft aan|geven aan)\b")
        .expect("valid regex")
});

/// The topic of a toets, for comply-or-explain sentences without a toets name.
static TOETS_WOORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\btoets\w*|\bgetoetst\b|\buitvoerbaar\w*").expect("valid regex"));

/// Toetsen that count as an uitvoeringstoets for every executing organisation.
pub(crate) const GENERIEKE_UITVOERINGSTOETSEN: [&str; 3] = ["uitvoeringstoets", "u-en-h", "huf"];

/// Toetsen about uitvoerbaarheid (UITV-005 reads their outcomes).
pub(crate) const UITVOERINGSTOETSEN: [&str; 6] = [
    "uitvoeringstoets",
    "u-en-h",
    "huf",
    "udo",
    "impactanalyse",
    "doenvermogentoets",
];

/// Parts of a larger organisation whose toets covers them (Douane within the
/// Belastingdienst, BKWI within UWV). Not the Dienst Toeslagen: it has made its
/// own uitvoeringstoetsen since it left the Belastingdienst.
const ONDERDEEL_VAN: [(&str, &str); 2] = [("douane", "belastingdienst"), ("bkwi", "uwv")];

/// Words that may precede the subject at the start of a clause.
const VOOR_SUBJECT: [&str; 6] = ["de", "het", "een", "en", "of", "ook"];

/// First words of a clause after which the finite verb comes before the subject.
const INVERSIE: [&str; 40] = [
    "op",
    "in",
    "met",
    "bij",
    "na",
    "voor",
    "binnen",
    "uiterlijk",
    "jaarlijks",
    "zo",
    "ter",
    "tot",
    "ten",
    "onverminderd",
    "vervolgens",
    "daartoe",
    "hiertoe",
    "daarbij",
    "hierbij",
    "desgevraagd",
    "behoudens",
    "gedurende",
    "overeenkomstig",
    "krachtens",
    "ingevolge",
    "telkens",
    "aan",
    "over",
    "uit",
    "onder",
    "zonder",
    "namens",
    "periodiek",
    "indien",
    "als",
    "voordat",
    "nadat",
    "zodra",
    "wanneer",
    "zolang",
];
/// Of those, the subordinators: the subordinate clause must end with a comma.
const ONDERSCHIKKEND: [&str; 7] = [
    "indien", "als", "voordat", "nadat", "zodra", "wanneer", "zolang",
];

// --- mentions -------------------------------------------------------------------

/// One mention of an organisation in a document.
#[derive(Debug, Clone)]
pub(crate) struct Vermelding<'a> {
    pub org: &'a Organisatie,
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// Found through a defined term of the regulation ("het college").
    pub begrip: bool,
    /// Found through an `impliciet` form ("de inspecteur").
    pub impliciet: bool,
}

fn source<'a>(ctx: &Context<'a>, which: Which) -> Option<Source<'a>> {
    match which {
        Which::Regeling => ctx.regeling,
        Which::Toelichting => ctx.toelichting,
    }
}

/// Defined terms of the regulation that stand for an organisation
/// ("college: college van burgemeester en wethouders;").
fn begrippen<'a>(ctx: &Context<'a>) -> Vec<(String, &'a Organisatie)> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let hits = ctx.orgs(Which::Regeling);
    let mut out: Vec<(String, &'a Organisatie)> = Vec::new();
    for d in &r.doc.definitions {
        let term = d.term.trim().trim_matches('*').trim();
        if term.is_empty() || term.len() > 40 {
            continue;
        }
        let (start, end) = (d.term_span.end, d.span.end);
        let inside: Vec<_> = hits
            .iter()
            .filter(|h| h.range.start >= start && h.range.end <= end)
            .collect();
        let Some(first) = inside.first() else {
            continue;
        };
        if inside.iter().any(|h| h.org_id != first.org_id) {
            continue;
        }
        // The definition must start with the organisation's name.
        let lead = r
            .text
            .get(start..first.range.start)
            .unwrap_or("")
            .to_lowercase();
        let lead = lead.trim_matches(|c: char| c.is_whitespace() || c == ':' || c == '*');
        if !(lead.is_empty() || lead == "de" || lead == "het") {
            continue;
        }
        if let Some(org) = ctx.data.organisatie(first.org_id)
            && !out.iter().any(|(t, _)| t.eq_ignore_ascii_case(term))
        {
            out.push((term.to_string(), org));
        }
    }
    out
}

/// Every mention of an organisation in one document, in text order: the
/// lexicon hits of `organisaties.toml` plus defined terms of the regulation
/// that stand for an organisation ("het college"; in the toelichting too).
pub(crate) fn vermeldingen<'a>(ctx: &Context<'a>, which: Which) -> Vec<Vermelding<'a>> {
    let Some(src) = source(ctx, which) else {
        return Vec::new();
    };
    let mut out: Vec<Vermelding<'a>> = ctx
        .orgs(which)
        .iter()
        .filter_map(|h| {
            Some(Vermelding {
                org: ctx.data.organisatie(h.org_id)?,
                range: h.range.clone(),
                begrip: false,
                impliciet: h.via == wetlint_data::OrgVia::Impliciet,
            })
        })
        .collect();
    let defs: Vec<Span> = match which {
        Which::Regeling => src.doc.definitions.iter().map(|d| d.span).collect(),
        Which::Toelichting => Vec::new(),
    };
    let lexicon_hits: Vec<Range<usize>> = out.iter().map(|v| v.range.clone()).collect();
    for (term, org) in begrippen(ctx) {
        let words: Vec<String> = term.split_whitespace().map(regex::escape).collect();
        let body = words.join(r"\s+");
        let lidwoord = if term.to_lowercase().starts_with("onze ") {
            ""
        } else {
            r"(?:de|het)\s+"
        };
        let Ok(re) = Regex::new(&format!(r"(?i)\b{lidwoord}({body})\b")) else {
            continue;
        };
        for c in re.captures_iter(src.text) {
            let Some(m) = c.get(1) else { continue };
            let r = m.range();
            let overlaps = lexicon_hits
                .iter()
                .any(|h| h.start < r.end && r.start < h.end);
            let in_def = defs.iter().any(|d| d.start <= r.start && r.end <= d.end);
            if !overlaps && !in_def {
                out.push(Vermelding {
                    org,
                    range: r,
                    begrip: true,
                    impliciet: false,
                });
            }
        }
    }
    out.sort_by_key(|v| (v.range.start, v.range.end));
    out
}

/// The mentions that lie inside `span` (the slice is sorted by start).
fn binnen<'v, 'a>(ms: &'v [Vermelding<'a>], span: Span) -> &'v [Vermelding<'a>] {
    let lo = ms.partition_point(|m| m.range.start < span.start);
    let hi = ms.partition_point(|m| m.range.start < span.end);
    let slice = ms.get(lo..hi).unwrap_or(&[]);
    let keep = slice.iter().take_while(|m| m.range.end <= span.end).count();
    slice.get(..keep).unwrap_or(&[])
}

// --- organisations ------------------------------------------------------------

/// True for decentral actors (college van B&W, gemeenteraad, gedeputeerde
/// staten, waterschap, …): UITV-003 and UITV-004.
pub(crate) fn is_decentraal(org: &Organisatie) -> bool {
    org.vorm == Vorm::Decentraal
}

/// True for an organisation that represents decentral actors (VNG, IPO, UvW).
pub(crate) fn is_vertegenwoordiger(data: &Data, org: &Organisatie) -> bool {
    data.organisaties()
        .iter()
        .any(|o| o.vertegenwoordigd_door().any(|v| v == org.id()))
}

/// True for an organisation that carries out tasks and is expected to do an
/// uitvoeringstoets (UITV-001): zbo's, agentschappen, diensten, inspecties,
/// toezichthouders, semi-public executors and others such as the politie;
/// not decentral actors (UDO instead), adviescolleges or representative bodies.
pub(crate) fn is_uitvoerder(data: &Data, org: &Organisatie) -> bool {
    match org.vorm {
        Vorm::Zbo
        | Vorm::Agentschap
        | Vorm::Dienst
        | Vorm::Inspectie
        | Vorm::Toezichthouder
        | Vorm::PrivaatMetPubliekeTaak => true,
        Vorm::Overig => !is_vertegenwoordiger(data, org),
        Vorm::Decentraal | Vorm::Adviescollege => false,
    }
}

/// True when a toets of `eigenaar` covers `org`: the same organisation, or
/// the larger organisation `org` is part of.
pub(crate) fn dekt(eigenaar: &Organisatie, org: &Organisatie) -> bool {
    eigenaar.id() == org.id()
        || ONDERDEEL_VAN
            .iter()
            .any(|(deel, geheel)| *deel == org.id() && *geheel == eigenaar.id())
}

/// True when `toets_id` counts as an uitvoeringstoets of `org` (ex ante, and
/// generic or listed under the organisation's `toetsen`).
pub(crate) fn telt_voor(data: &Data, toets_id: &str, org: &Organisatie) -> bool {
    let ex_ante = data
        .toets(toets_id)
        .is_some_and(|t| t.moment == Moment::ExAnte);
    ex_ante
        && (GENERIEKE_UITVOERINGSTOETSEN.contains(&toets_id)
            || org.toetsen().any(|t| t == toets_id))
}

/// The bestuurslaag of a decentral actor: the id of its first representative
/// body (`vng`, `ipo`, `uvw`), or `""` for actors without one (Caribisch
/// Nederland), with the plural noun for messages ("gemeenten").
pub(crate) fn bestuurslaag(org: &Organisatie) -> (&str, &'static str) {
    match org.vertegenwoordigd_door().next() {
        Some("vng") => ("vng", "gemeenten"),
        Some("ipo") => ("ipo", "provincies"),
        Some("uvw") => ("uvw", "waterschappen"),
        Some(other) => (other, "decentrale overheden"),
        None => ("", "decentrale overheden"),
    }
}

// --- tasks in the regulation -----------------------------------------------------

/// One task assignment: an organisation as the subject of a task verb.
#[derive(Debug, Clone)]
pub(crate) struct Taak<'a> {
    pub org: &'a Organisatie,
    /// Index into `doc.articles` (may be an article quoted in an amendment).
    pub article: usize,
    /// The organisation as written in the sentence.
    pub actor: Range<usize>,
    /// The task verb as written ("kent … toe").
    pub verb: Range<usize>,
    pub sentence: Span,
    /// The organisation is named indirectly: by a defined term ("het
    /// college") or an implicit form ("de inspecteur").
    pub indirect: bool,
}

/// An organisation with its tasks, in text order.
#[derive(Debug, Clone)]
pub(crate) struct Taakhouder<'a> {
    pub org: &'a Organisatie,
    pub taken: Vec<Taak<'a>>,
}

impl<'a> Taakhouder<'a> {
    /// The first task (where findings are anchored).
    pub fn eerste(&self) -> Option<&Taak<'a>> {
        self.taken.first()
    }

    /// The articles with a task, in order, without duplicates.
    pub fn artikelen(&self) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for t in &self.taken {
            if !out.contains(&t.article) {
                out.push(t.article);
            }
        }
        out
    }
}

/// Maps matches of `re` on the normalised `span` of `text` to original ranges.
fn zoek_genormaliseerd(re: &Regex, text: &str, span: Span) -> Vec<Range<usize>> {
    let Some(slice) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let norm = NormalizedText::new(slice);
    re.find_iter(norm.as_str())
        .map(|m| {
            let r = norm.to_original(m.range());
            span.start + r.start..span.start + r.end
        })
        .collect()
}

/// `text[range]` without the parts covered by mentions, lowercased.
fn zonder_vermeldingen(text: &str, range: Range<usize>, ms: &[Vermelding<'_>]) -> String {
    let mut out = String::new();
    let mut at = range.start;
    for m in ms {
        if m.range.end <= at || m.range.start >= range.end {
            continue;
        }
        if m.range.start > at {
            out.push_str(text.get(at..m.range.start).unwrap_or(""));
        }
        at = at.max(m.range.end);
    }
    if at < range.end {
        out.push_str(text.get(at..range.end).unwrap_or(""));
    }
    out.to_lowercase()
}

fn woorden(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect()
}

/// The organisations that are the subject of the finite verb at `verb` in
/// sentence `s`: "De SVB kent … toe", "Het UWV en de SVB verstrekken …"
/// (subject first) or "In dat geval kent de SVB … toe" (inversion).
fn subject<'v, 'a>(
    text: &str,
    s: Span,
    ms: &'v [Vermelding<'a>],
    verb: &Range<usize>,
) -> Vec<&'v Vermelding<'a>> {
    // Subject first: the last mention before the verb, at the start of the
    // clause, with the mentions coordinated before it ("Het UWV en de SVB").
    if let Some(m) = ms.iter().rev().find(|m| m.range.end <= verb.start) {
        let gap = zonder_vermeldingen(text, m.range.end..verb.start, ms);
        let gap = gap.trim_matches(|c: char| c.is_whitespace() || c == '(' || c == ')');
        let apposition = gap.starts_with(',')
            && gap.ends_with(',')
            && gap.len() <= 120
            && (gap.contains("bedoeld in") || gap.contains("genoemd in"));
        let prefix = zonder_vermeldingen(text, s.start..m.range.start, ms);
        let prefix_ok =
            woorden(&prefix).iter().all(|w| VOOR_SUBJECT.contains(w)) && !prefix.contains(';');
        if (gap.is_empty() || apposition) && prefix_ok {
            return ms.iter().filter(|x| x.range.end <= m.range.end).collect();
        }
    }
    // Inversion: an adverbial or a subordinate clause, then the verb, then the subject.
    let prefix = text.get(s.start..verb.start).unwrap_or("").to_lowercase();
    let Some(first) = woorden(&prefix).first().copied() else {
        return Vec::new();
    };
    if !INVERSIE.contains(&first)
        || (ONDERSCHIKKEND.contains(&first) && !prefix.trim_end().ends_with(','))
    {
        return Vec::new();
    }
    let verb_text = text.get(verb.clone()).unwrap_or("");
    let fw_end = verb.start
        + verb_text
            .find(char::is_whitespace)
            .unwrap_or(verb_text.len());
    ms.iter()
        .find(|m| {
            m.range.start >= fw_end && {
                let between = text
                    .get(fw_end..m.range.start)
                    .unwrap_or("x")
                    .to_lowercase();
                woorden(&between).iter().all(|w| *w == "de" || *w == "het")
                    && between.trim().len() <= 4
            }
        })
        .into_iter()
        .collect()
}

/// Every task assignment in the regulation (own articles and articles quoted
/// in amendments), at most one per organisation per sentence. Definitions are
/// skipped. An organisation counts only as the subject of a task verb (the
/// `taak-werkwoorden` list plus the forms of this module), so "gegevens van
/// het UWV", "na overleg met het UWV" or "verstrekt aan het college" do not.
pub(crate) fn taken<'a>(ctx: &Context<'a>) -> Vec<Taak<'a>> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let ms = vermeldingen(ctx, Which::Regeling);
    if ms.is_empty() {
        return Vec::new();
    }
    let data_verbs: Vec<Range<usize>> = ctx
        .signals(Which::Regeling, "taak-werkwoorden")
        .iter()
        .map(|h| h.range.clone())
        .collect();
    let defs: Vec<Span> = r.doc.definitions.iter().map(|d| d.span).collect();
    let mut out: Vec<Taak<'a>> = Vec::new();
    for b in &r.doc.blocks {
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
                | BlockKind::Quote
        ) {
            continue;
        }
        if defs
            .iter()
            .any(|d| d.start <= b.text.start && b.text.end <= d.end)
        {
            continue;
        }
        for s in sentences(r.text, b.text) {
            let in_s = binnen(&ms, s);
            if in_s.is_empty() {
                continue;
            }
            let mut found: Vec<(&Vermelding<'a>, Range<usize>)> = Vec::new();
            let mut verbs: Vec<Range<usize>> = data_verbs
                .iter()
                .filter(|v| s.start <= v.start && v.end <= s.end)
                .cloned()
                .collect();
            verbs.extend(zoek_genormaliseerd(&EXTRA_TAAK, r.text, s));
            verbs.sort_by_key(|v| (v.start, std::cmp::Reverse(v.end)));
            for v in &verbs {
                for m in subject(r.text, s, in_s, v) {
                    found.push((m, v.clone()));
                }
            }
            // "Met het toezicht … zijn belast de ambtenaren van X."
            if let Some(v) = zoek_genormaliseerd(&TOEZICHT_INVERSIE, r.text, s)
                .into_iter()
                .next()
            {
                let slice = r.text.get(v.clone()).unwrap_or("").to_lowercase();
                let verb = ["zijn belast", "is belast"]
                    .iter()
                    .find_map(|w| slice.rfind(w).map(|i| v.start + i..v.start + i + w.len()))
                    .filter(|w| w.end <= v.end)
                    .unwrap_or(v.clone());
                for m in in_s.iter().filter(|m| m.range.start >= v.end) {
                    found.push((m, verb.clone()));
                }
            }
            // Passive with an agent: "wordt door de SVB teruggevorderd", "wordt
            // vastgesteld door het college"; the verb is shown as "wordt … vastgesteld".
            for m in in_s {
                let before_span = Span::new(s.start, m.range.start);
                if let Some(v) = zoek_genormaliseerd(&PASSIEF_DEELWOORD_DOOR, r.text, before_span)
                    .into_iter()
                    .next()
                {
                    // "wordt vastgesteld": the first two words of the match.
                    let slice = r.text.get(v.clone()).unwrap_or("");
                    let two = slice
                        .char_indices()
                        .filter(|(_, c)| c.is_whitespace())
                        .nth(1)
                        .map_or(slice.len(), |(i, _)| i);
                    found.push((m, v.start..v.start + two));
                } else if let Some(w) = zoek_genormaliseerd(&PASSIEF_DOOR, r.text, before_span)
                    .into_iter()
                    .next()
                    && let Some(v) = zoek_genormaliseerd(
                        &PASSIEF_DEELWOORD,
                        r.text,
                        Span::new(m.range.end, s.end),
                    )
                    .into_iter()
                    .next()
                {
                    found.push((m, w.start..v.end));
                }
            }
            for (m, verb) in found {
                let dup = out
                    .iter()
                    .any(|t| t.org.id() == m.org.id() && t.sentence == s);
                if !dup {
                    out.push(Taak {
                        org: m.org,
                        article: index,
                        actor: m.range.clone(),
                        verb,
                        sentence: s,
                        indirect: m.begrip || m.impliciet,
                    });
                }
            }
        }
    }
    out
}

/// The organisations with tasks in the regulation, in order of their first task.
pub(crate) fn taakhouders<'a>(ctx: &Context<'a>) -> Vec<Taakhouder<'a>> {
    let mut out: Vec<Taakhouder<'a>> = Vec::new();
    for t in taken(ctx) {
        match out.iter_mut().find(|h| h.org.id() == t.org.id()) {
            Some(h) => h.taken.push(t),
            None => out.push(Taakhouder {
                org: t.org,
                taken: vec![t],
            }),
        }
    }
    out
}

// --- toetsen in the toelichting -----------------------------------------------------

/// What the toelichting says about a toets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ToetsStatus {
    /// Done: "De SVB heeft een uitvoeringstoets uitgebracht", or a plain mention.
    Gedaan,
    /// Only requested or still to come: "De uitvoeringstoets wordt na de consultatie gevraagd".
    Gevraagd,
    /// Said to be absent: "Er is geen uitvoeringstoets uitgevoerd".
    Ontkend,
}

/// One toets mention in the toelichting.
#[derive(Debug, Clone)]
pub(crate) struct ToetsVermelding<'a> {
    pub toets_id: &'a str,
    pub range: Range<usize>,
    /// The organisations the toets belongs to: "van/door X" right after the
    /// toets, else the organisations in the sentence, else those of the
    /// nearest sentence of the paragraph, else those of the section headings,
    /// else all organisations of the innermost section.
    pub orgs: Vec<&'a Organisatie>,
    pub status: ToetsStatus,
    /// The sentence or the next one explains (a marker of the `uitleg` list).
    pub uitgelegd: bool,
}

impl ToetsVermelding<'_> {
    /// True when the mention satisfies a toets requirement in this profile: a
    /// toets that was done; an absence or a pending request that is explained;
    /// or a pending request before the indiening stage.
    pub fn telt(&self, profile: Profile) -> bool {
        match self.status {
            ToetsStatus::Gedaan => true,
            ToetsStatus::Gevraagd => self.uitgelegd || profile != Profile::Indiening,
            ToetsStatus::Ontkend => self.uitgelegd,
        }
    }
}

/// True when a non-weak marker of the `uitleg` list lies in `span`.
pub(crate) fn uitleg_in(ctx: &Context<'_>, which: Which, span: Span) -> bool {
    ctx.signals(which, "uitleg")
        .iter()
        .any(|h| !h.weak && span.start <= h.range.start && h.range.end <= span.end)
}

/// Text blocks of the toelichting (headings included, quotes excluded when
/// `eigen_tekst`), with their sentences.
pub(crate) fn toelichting_zinnen(ctx: &Context<'_>, eigen_tekst: bool) -> Vec<(usize, Vec<Span>)> {
    let Some(t) = ctx.toelichting else {
        return Vec::new();
    };
    t.doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table | BlockKind::Heading
            ) || (!eigen_tekst && b.kind == BlockKind::Quote)
        })
        .map(|(i, b)| (i, sentences(t.text, b.text)))
        .collect()
}

/// The organisations a toets at `range` in sentence `s` belongs to.
fn eigenaren<'a>(
    text: &str,
    s: Span,
    range: &Range<usize>,
    ms: &[Vermelding<'a>],
) -> Vec<&'a Organisatie> {
    let in_s = binnen(ms, s);
    // "uitvoeringstoets van het UWV (en de SVB)"
    let after = text.get(range.end..s.end).unwrap_or("").to_lowercase();
    let lead = [
        "van de ",
        "van het ",
        "door de ",
        "door het ",
        "van ",
        "door ",
    ]
    .iter()
    .find(|l| after.trim_start().starts_with(**l))
    .map(|l| after.len() - after.trim_start().len() + l.len());
    if let Some(lead) = lead
        && let Some(first) = in_s.iter().position(|m| m.range.start == range.end + lead)
        && let Some(owner) = in_s.get(first)
    {
        let mut out = vec![owner.org];
        let mut end = owner.range.end;
        for m in in_s.get(first + 1..).unwrap_or(&[]) {
            let between = text.get(end..m.range.start).unwrap_or("x").to_lowercase();
            if woorden(&between)
                .iter()
                .all(|w| matches!(*w, "en" | "of" | "de" | "het"))
                && between.len() <= 8
            {
                out.push(m.org);
                end = m.range.end;
            } else {
                break;
            }
        }
        return out;
    }
    let mut out: Vec<&'a Organisatie> = Vec::new();
    for m in in_s {
        if !out.iter().any(|o| o.id() == m.org.id()) {
            out.push(m.org);
        }
    }
    out
}

/// Every toets mention in the toelichting, with its organisations and status.
pub(crate) fn toetsvermeldingen<'a>(ctx: &Context<'a>) -> Vec<ToetsVermelding<'a>> {
    let Some(t) = ctx.toelichting else {
        return Vec::new();
    };
    let ms = vermeldingen(ctx, Which::Toelichting);
    let mut out = Vec::new();
    for hit in ctx.toetsen(Which::Toelichting) {
        let Some(block) = ctx.block_at(Which::Toelichting, hit.range.start) else {
            continue;
        };
        let sents = sentences(t.text, block.text);
        let Some(i) = sents
            .iter()
            .position(|s| s.start <= hit.range.start && hit.range.start < s.end.max(s.start + 1))
        else {
            continue;
        };
        let Some(&s) = sents.get(i) else { continue };
        let mut orgs = eigenaren(t.text, s, &hit.range, &ms);
        if orgs.is_empty() {
            // The nearest sentence of the paragraph that names an organisation.
            let earlier = sents.get(..i).unwrap_or(&[]).iter().rev();
            let later = sents.get(i + 1..).unwrap_or(&[]).iter();
            for o in earlier.chain(later) {
                orgs = eigenaren(t.text, *o, &(o.end..o.end), &ms);
                if !orgs.is_empty() {
                    break;
                }
            }
        }
        if orgs.is_empty() {
            // The headings of the enclosing sections, innermost first.
            if let Some(si) = t.doc.section_at(hit.range.start) {
                for p in t.doc.section_path(si).into_iter().rev() {
                    if let Some(sec) = t.doc.sections.get(p) {
                        orgs = eigenaren(
                            t.text,
                            sec.heading,
                            &(sec.heading.end..sec.heading.end),
                            &ms,
                        );
                        if !orgs.is_empty() {
                            break;
                        }
                    }
                }
            }
        }
        if orgs.is_empty() {
            // A heading such as "Uitvoeringstoetsen", or a paragraph without any
            // organisation: the organisations of the innermost section.
            if let Some(sec) = t
                .doc
                .section_at(hit.range.start)
                .and_then(|i| t.doc.sections.get(i))
            {
                for m in binnen(&ms, sec.span) {
                    if !orgs.iter().any(|o| o.id() == m.org.id()) {
                        orgs.push(m.org);
                    }
                }
            }
        }
        let before = NormalizedText::new(t.text.get(s.start..hit.range.start).unwrap_or(""));
        let after = NormalizedText::new(t.text.get(hit.range.end..s.end).unwrap_or(""));
        let whole = NormalizedText::new(t.slice(s));
        let status = if ONTKENNING_VOOR.is_match(before.as_str())
            || ONTKENNING_NA.is_match(after.as_str())
        {
            ToetsStatus::Ontkend
        } else if GEVRAAGD.is_match(whole.as_str()) && !GEDAAN.is_match(whole.as_str()) {
            ToetsStatus::Gevraagd
        } else {
            ToetsStatus::Gedaan
        };
        let next = sents.get(i + 1).copied().unwrap_or(s);
        let uitgelegd =
            uitleg_in(ctx, Which::Toelichting, s) || uitleg_in(ctx, Which::Toelichting, next);
        out.push(ToetsVermelding {
            toets_id: hit.toets_id,
            range: hit.range.clone(),
            orgs,
            status,
            uitgelegd,
        });
    }
    out
}

/// Comply or explain: the first sentence of the toelichting's own text that
/// names an organisation for which `past` holds (or matches `extra`, e.g.
/// "decentrale overheden"), speaks of a toets or of uitvoerbaarheid, and
/// contains an explanation marker of the `uitleg` list.
pub(crate) fn uitleg_over(
    ctx: &Context<'_>,
    past: &dyn Fn(&Organisatie) -> bool,
    extra: Option<&Regex>,
) -> Option<Span> {
    let t = ctx.toelichting?;
    let ms = vermeldingen(ctx, Which::Toelichting);
    let toets_hits = ctx.toetsen(Which::Toelichting);
    for (_, sents) in toelichting_zinnen(ctx, true) {
        for s in sents {
            if !uitleg_in(ctx, Which::Toelichting, s) {
                continue;
            }
            let norm = NormalizedText::new(t.slice(s));
            let actor = binnen(&ms, s).iter().any(|m| past(m.org))
                || extra.is_some_and(|re| re.is_match(norm.as_str()));
            let topic = toets_hits
                .iter()
                .any(|h| s.start <= h.range.start && h.range.end <= s.end)
                || TOETS_WOORD.is_match(norm.as_str());
            if actor && topic {
                return Some(s);
            }
        }
    }
    None
}

/// The first sentence of the toelichting's own text in which an organisation
/// for which `past` holds gives its verdict on uitvoerbaarheid or
/// handhaafbaarheid ("Het UWV acht het voorstel uitvoerbaar per 1 januari
/// 2028"): an uitvoeringsreactie, which counts as a toets.
pub(crate) fn oordeel_van(ctx: &Context<'_>, past: &dyn Fn(&Organisatie) -> bool) -> Option<Span> {
    let t = ctx.toelichting?;
    let ms = vermeldingen(ctx, Which::Toelichting);
    for (_, sents) in toelichting_zinnen(ctx, true) {
        for s in sents {
            if !binnen(&ms, s).iter().any(|m| past(m.org)) {
                continue;
            }
            let norm = NormalizedText::new(t.slice(s));
            if OORDEEL_UITVOERBAAR.is_match(norm.as_str())
                && OORDEEL_WERKWOORD.is_match(norm.as_str())
            {
                return Some(s);
            }
        }
    }
    None
}

// --- message helpers ----------------------------------------------------------------

/// "de" or "het" as written right before `range` ("Het college"), or "".
pub(crate) fn lidwoord(text: &str, range: &Range<usize>) -> &'static str {
    let before = text.get(..range.start).unwrap_or("").trim_end();
    let last = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    match last.as_str() {
        "de" => "de",
        "het" => "het",
        _ => "",
    }
}

/// The article of an organisation's name: "de" when the name starts with a
/// de-word such as "Stichting" or "Dienst"; "het" when a word of the head
/// (before "van"/"voor") is a het-word (college, waterschap, lichaam, bestuur,
/// overleg, instituut, bureau, ministerie, centrum); none for "staten"; else "de".
fn lidwoord_van_naam(naam: &str) -> &'static str {
    let lower = naam.to_lowercase();
    let head = lower.split(" van ").next().unwrap_or("");
    let head = head.split(" voor ").next().unwrap_or("");
    if head.ends_with("staten") {
        return "";
    }
    const DE_EERST: [&str; 8] = [
        "stichting",
        "dienst",
        "raad",
        "autoriteit",
        "inspectie",
        "vereniging",
        "unie",
        "commissie",
    ];
    const HET: [&str; 11] = [
        "college",
        "schap",
        "lichaam",
        "bestuur",
        "overleg",
        "instituut",
        "bureau",
        "ministerie",
        "orgaan",
        "centrum",
        "agentschap",
    ];
    if head
        .split_whitespace()
        .next()
        .is_some_and(|w| DE_EERST.contains(&w))
    {
        return "de";
    }
    if head
        .split_whitespace()
        .any(|w| HET.iter().any(|h| w.ends_with(h)))
    {
        "het"
    } else {
        "de"
    }
}

/// The organisation's official name with its article ("het college van
/// burgemeester en wethouders", "de Sociale verzekeringsbank").
pub(crate) fn naam_met_lidwoord(org: &Organisatie, text: &str, range: &Range<usize>) -> String {
    let naam = org.naam();
    let lower = naam.to_lowercase();
    if lower.starts_with("de ") || lower.starts_with("het ") {
        return naam.to_string();
    }
    // The article in the text belongs to the name only when the text uses the
    // name itself ("De Sociale verzekeringsbank", or bare "Logius"); after an
    // alias, abbreviation, defined term or implicit form ("het Kadaster", "de
    // inspecteur") the article of the name is used.
    let mention = text.get(range.clone()).unwrap_or("").trim().to_lowercase();
    let l = if mention == lower {
        lidwoord(text, range)
    } else {
        lidwoord_van_naam(naam)
    };
    match l {
        "" => naam.to_string(),
        l => format!("{l} {naam}"),
    }
}

/// How to name the organisation of a mention in a message, and whether the
/// verb is plural: "gedeputeerde staten" and "burgemeester en wethouders" (as
/// written, plural), "het dagelijks bestuur van het waterschap" (an alias more
/// specific than the name, as written), else [`naam_met_lidwoord`].
pub(crate) fn aanduiding(org: &Organisatie, text: &str, range: &Range<usize>) -> (String, bool) {
    let written = text.get(range.clone()).unwrap_or("").trim();
    let ml = written.to_lowercase();
    let nl = org.naam().to_lowercase();
    let mut cs = written.chars();
    let as_written = match (cs.next(), cs.next()) {
        (Some(c0), Some(c1)) if c1.is_lowercase() => {
            c0.to_lowercase().collect::<String>() + written.get(c0.len_utf8()..).unwrap_or("")
        }
        _ => written.to_string(),
    };
    let plural = if ml == nl {
        nl.ends_with("staten")
    } else {
        ml.contains(" en ")
            || ((ml.ends_with("en") || ml.ends_with('s'))
                && ml.len() > nl.len()
                && ml.get(..6).is_some()
                && ml.get(..6) == nl.get(..6))
    };
    if plural {
        return (as_written, true);
    }
    let implicit = org.impliciet().any(|f| f == ml);
    if !implicit && ml != nl && ml.contains(nl.as_str()) {
        return match lidwoord(text, range) {
            "" => (as_written, false),
            l => (format!("{l} {as_written}"), false),
        };
    }
    (naam_met_lidwoord(org, text, range), false)
}

/// "artikel 3.5"; for an article quoted in an amendment "artikel 12a (in artikel I)".
pub(crate) fn artikel_label(doc: &Document, index: usize) -> String {
    let Some(a) = doc.articles.get(index) else {
        return "een artikel".to_string();
    };
    let kind = a.kind.label_nl();
    let own = if a.number == "enig" {
        "het enige artikel".to_string()
    } else {
        format!("{kind} {}", a.number)
    };
    if !a.quoted {
        return own;
    }
    match doc
        .articles
        .get(..index)
        .unwrap_or(&[])
        .iter()
        .rev()
        .find(|b| !b.quoted)
    {
        Some(b) => format!("{own} (in {} {})", b.kind.label_nl(), b.number),
        None => own,
    }
}

/// "artikel 3.5" or "de artikelen 3.5 en 4.1" (quoted articles are listed by label).
pub(crate) fn artikelen_nl(doc: &Document, indices: &[usize]) -> String {
    // Long lists are cut: "de artikelen 6, 8, 8a en 24 andere artikelen".
    let (shown, rest) = match indices.len() {
        0..=4 => (indices, 0),
        n => (indices.get(..3).unwrap_or(indices), n - 3),
    };
    let mut items: Vec<String> = Vec::new();
    let plain = shown.iter().all(|&i| {
        doc.articles
            .get(i)
            .is_some_and(|a| !a.quoted && a.number != "enig")
    });
    for &i in shown {
        match doc.articles.get(i) {
            Some(a) if plain => items.push(a.number.clone()),
            _ => items.push(artikel_label(doc, i)),
        }
    }
    if rest > 0 {
        items.push(format!("{rest} andere artikelen"));
    }
    match (items.as_slice(), plain) {
        ([], _) => "de regeling".to_string(),
        ([_], _) => shown
            .first()
            .map_or_else(|| "de regeling".to_string(), |&i| artikel_label(doc, i)),
        (_, true) => format!("de artikelen {}", crate::text::join_nl(&items)),
        (_, false) => crate::text::join_nl(&items),
    }
}

/// "de memorie van toelichting", "de nota van toelichting" or "de toelichting".
pub(crate) fn document_nl(doc: &Document) -> String {
    match doc.kind() {
        k @ (DocumentKind::MemorieVanToelichting | DocumentKind::NotaVanToelichting) => {
            format!("de {}", k.label_nl())
        }
        _ => "de toelichting".to_string(),
    }
}

/// A fix that adds `body` as a paragraph at the end of the first section of
/// the algemeen deel with heading key `key`, or, when there is none, as a new
/// section `titel` before the artikelsgewijze toelichting.
pub(crate) fn alinea_fix(
    ctx: &Context<'_>,
    key: SectionKey,
    titel: &str,
    body: &str,
) -> Option<FixSpec> {
    let t = ctx.toelichting?;
    let sec = ctx
        .sections_with(key)
        .into_iter()
        .filter_map(|i| t.doc.sections.get(i).map(|s| (i, s)))
        .find(|(_, s)| !s.artikelsgewijs);
    let Some((_, sec)) = sec else {
        return crate::text::insert_section_fix(ctx, titel, body);
    };
    let at = sec.span.end.min(t.text.len());
    let before = t.text.get(..at).unwrap_or("");
    let lead = if before.ends_with("\n\n") || at == 0 {
        ""
    } else if before.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    let trail = if at == t.text.len() { "\n" } else { "\n\n" };
    Some(FixSpec {
        title: format!(
            "Voeg een alinea toe aan de paragraaf '{}'",
            sec.title.trim()
        ),
        safe: false,
        edits: vec![FixEdit {
            which: Which::Toelichting,
            span: Span::new(at, at),
            content: format!("{lead}{body}{trail}"),
        }],
    })
}

// --- decentral actors by bestuurslaag ----------------------------------------------

/// Decentral actors with tasks, grouped per bestuurslaag (gemeenten,
/// provincies, waterschappen, Caribisch Nederland): one UDO or one statement
/// on financial consequences covers a whole layer.
#[derive(Debug, Clone)]
pub(crate) struct Laag<'a> {
    /// Id of the representative body (`vng`, `ipo`, `uvw`), or `""`.
    pub id: &'a str,
    /// "gemeenten", "provincies", "waterschappen" or "decentrale overheden".
    pub meervoud: &'static str,
    pub houders: Vec<Taakhouder<'a>>,
}

impl<'a> Laag<'a> {
    /// True for an organisation of this layer or its representative body.
    pub fn omvat(&self, org: &Organisatie) -> bool {
        (!self.id.is_empty() && org.id() == self.id)
            || (is_decentraal(org) && bestuurslaag(org).0 == self.id)
    }

    /// The first task of the layer (where findings are anchored).
    pub fn eerste(&self) -> Option<&Taak<'a>> {
        self.houders.first().and_then(|h| h.eerste())
    }

    /// True when every task of the layer is only a power to make a
    /// verordening ("De gemeenteraad kan bij verordening regels stellen"):
    /// decentral autonomy, which Ar 7.6 still asks to address, but less urgently.
    pub fn alleen_verordeningsbevoegdheid(&self, r: &Source<'_>) -> bool {
        self.houders.iter().flat_map(|h| h.taken.iter()).all(|t| {
            let verb = r.text.get(t.verb.clone()).unwrap_or("").to_lowercase();
            let zin = r.slice(t.sentence).to_lowercase();
            (verb.starts_with("kan ") || verb.starts_with("kunnen ")) && zin.contains("verordening")
        })
    }

    /// "Het college van burgemeester en wethouders krijgt in artikel 3.5 een
    /// taak" or "Het college … en de gemeenteraad krijgen in de artikelen 3.5 en
    /// 4.1 taken", for messages.
    pub fn onderwerp(&self, r: &Source<'_>) -> String {
        let namen: Vec<(String, bool)> = self
            .houders
            .iter()
            .filter_map(|h| h.eerste().map(|t| aanduiding(h.org, r.text, &t.actor)))
            .collect();
        let mut arts: Vec<usize> = Vec::new();
        for a in self.houders.iter().flat_map(|h| h.artikelen()) {
            if !arts.contains(&a) {
                arts.push(a);
            }
        }
        arts.sort_unstable();
        let plural = namen.len() > 1 || namen.iter().any(|(_, p)| *p);
        let namen: Vec<String> = namen.into_iter().map(|(n, _)| n).collect();
        let wie = crate::text::capitalize(&crate::text::join_nl(&namen));
        let waar = artikelen_nl(r.doc, &arts);
        let krijgt = if plural { "krijgen" } else { "krijgt" };
        if arts.len() == 1 && self.houders.iter().map(|h| h.taken.len()).sum::<usize>() == 1 {
            format!("{wie} {krijgt} in {waar} een taak")
        } else {
            format!("{wie} {krijgt} in {waar} taken")
        }
    }
}

/// The decentral actors with tasks in the regulation, per bestuurslaag, in
/// order of their first task.
pub(crate) fn decentrale_lagen<'a>(ctx: &Context<'a>) -> Vec<Laag<'a>> {
    let mut out: Vec<Laag<'a>> = Vec::new();
    for h in taakhouders(ctx)
        .into_iter()
        .filter(|h| is_decentraal(h.org))
    {
        let (id, meervoud) = bestuurslaag(h.org);
        match out.iter_mut().find(|l| l.id == id) {
            Some(l) => l.houders.push(h),
            None => out.push(Laag {
                id,
                meervoud,
                houders: vec![h],
            }),
        }
    }
    out
}

/// "de Vereniging van Nederlandse Gemeenten (VNG)", "het Interprovinciaal Overleg (IPO)".
pub(crate) fn naam_met_afkorting(org: &Organisatie) -> String {
    let naam = org.naam();
    let lower = naam.to_lowercase();
    let lid = org
        .aliassen()
        .find_map(|a| {
            a.strip_suffix(lower.as_str())
                .map(str::trim)
                .filter(|l| *l == "de" || *l == "het")
                .map(str::to_string)
        })
        .unwrap_or_else(|| lidwoord_van_naam(naam).to_string());
    match org.afkortingen().next() {
        Some(a) => format!("{lid} {naam} ({a})"),
        None => format!("{lid} {naam}"),
    }
}

/// Words for decentral government in general ("decentrale overheden",
/// "medeoverheden"), for comply-or-explain and financial statements.
pub(crate) static DECENTRAAL_ALGEMEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:decentrale|lokale|andere|regionale) overheden\b|\bmedeoverheden\b|\binterbestuurlijk\w*")
        .expect("valid regex")
});
