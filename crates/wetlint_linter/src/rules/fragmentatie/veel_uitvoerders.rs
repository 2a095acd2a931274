use std::ops::Range;
use std::sync::LazyLock;

use wetlint_data::{Organisatie, SectionKey, Vorm};
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Span};

use super::metrics::label;
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::rules::uitvoering::actoren::{
    artikelen_nl, bestuurslaag, dekt, is_decentraal, is_vertegenwoordiger, naam_met_lidwoord,
    taakhouders, vermeldingen,
};
use crate::text::{capitalize, join_nl};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Hoeveel organisaties in de regeling een taak krijgen: een organisatie is
    /// het onderwerp van een taakwerkwoord ("De Sociale verzekeringsbank kent …
    /// toe", "Het college draagt zorg voor …", "wordt door het UWV
    /// teruggevorderd"). De organen van één gemeente, provincie of waterschap
    /// tellen samen als één organisatie, en een onderdeel (de Douane) telt bij
    /// het geheel (de Belastingdienst). Gemeenten, provincies en waterschappen
    /// die elk in hun eigen gebied dezelfde taak krijgen, tellen samen als één.
    ///
    /// - Drie of vier organisaties: info.
    /// - Vijf of meer, of twee of meer organisaties die een besluit nemen over
    ///   dezelfde adressaat ("de aanvrager", "de werkgever", …): waarschuwing,
    ///   tenzij de toelichting uitlegt hoe de samenwerking is geregeld.
    ///
    /// Als uitleg telt een passage over regie, (keten)samenwerking, één loket
    /// of aanspreekpunt, "no wrong door", gegevensuitwisseling, eenmalige
    /// gegevensuitvraag of een informatieparagraaf, in een alinea die een van de
    /// organisaties of de uitvoering noemt, of in de paragraaf over de
    /// uitvoering.
    ///
    /// De regel zwijgt als:
    /// - de toelichting de samenwerking uitlegt;
    /// - een organisatie alleen genoemd wordt (als bron van gegevens, als
    ///   ontvanger, als adviseur: "na overleg met", "verstrekt aan het UWV");
    /// - het een adviescollege, een rechter of een koepel (VNG, IPO, Unie van
    ///   Waterschappen) is, of een private partij met een publieke taak
    ///   (zorgverzekeraar, pensioenfonds, schoolbestuur): die is in de meeste
    ///   regelingen degene die gereguleerd wordt;
    /// - "eigen regie" van de burger telt niet als uitleg van samenwerking.
    ///
    /// Zonder toelichting is elke melding info. Het aantal organisaties staat
    /// ook in de fragmentatiemetrieken.
    ///
    /// ## Waarom
    /// Hoe meer organisaties een regeling uitvoeren, hoe groter de kans dat een
    /// burger of bedrijf met een reeks beschikkingen en loketten te maken krijgt
    /// die niet op elkaar aansluiten (toelichting bij Ar 2012, 12). Het kabinet
    /// wil regelgeving die vanuit het perspectief van burgers en bedrijven
    /// samenhangt; de toelichting beschrijft daarom ook de informatievoorziening
    /// tussen de betrokken organisaties (Ar 4.43, onder d; Ar 2012, 162).
    ///
    /// ## Voorbeeld
    /// Een wet waarin het UWV de uitkering toekent, de Belastingdienst de
    /// premie heft, het college de re-integratie verzorgt, het CAK de eigen
    /// bijdrage int en de SVB de toeslag betaalt, met een toelichting die per
    /// organisatie de taak beschrijft maar nergens hoe zij gegevens delen of
    /// waar de burger terecht kan.
    ///
    /// ## In plaats daarvan
    /// Beschrijf in de paragraaf over de uitvoering hoe de organisaties
    /// samenwerken: wie de regie heeft, welke gegevens zij uitwisselen, en of de
    /// burger bij één loket terecht kan ("no wrong door"). Overweeg minder
    /// uitvoerders.
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder d; Aanwijzingen (2012) 12 met toelichting en 162;
    /// kabinetsreactie op het ROB-advies over de uitvoering.
    pub struct VeelUitvoerders {
        code: "FRAG-001",
        name: "veel-uitvoerders",
        category: Category::Fragmentatie,
        summary: "Veel organisaties krijgen taken in één regeling",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.43"],
        aliases: &[],
    }
}

/// From this many bodies: info.
pub(crate) const VEEL: usize = 3;
/// From this many bodies: warning (without an explanation).
pub(crate) const ZEER_VEEL: usize = 5;

/// A body with tasks: one organisation, or the organs of one bestuurslaag.
#[derive(Debug, Clone)]
pub(crate) struct Body {
    pub key: String,
    /// The name for messages and metrics ("de Sociale verzekeringsbank",
    /// "de gemeente (het college van burgemeester en wethouders, de burgemeester)").
    pub name: String,
    pub org_ids: Vec<String>,
    pub articles: Vec<usize>,
    /// Where the first task is written.
    pub first: Span,
    /// Task sentences, for the addressee test.
    pub sentences: Vec<Span>,
}

/// Public bodies only: adviescolleges, koepels and the courts do not execute,
/// and private parties with a public task (zorgverzekeraars, pensioenfondsen,
/// schoolbesturen) are in most regulations the ones regulated.
fn telt(ctx: &Context<'_>, org: &Organisatie) -> bool {
    !matches!(org.vorm, Vorm::Adviescollege | Vorm::PrivaatMetPubliekeTaak)
        && !is_vertegenwoordiger(ctx.data, org)
        && org.id() != "rechtspraak"
}

/// Distinct organisations named in the regulation that could count as a body.
pub(crate) fn genoemde_organisaties(ctx: &Context<'_>) -> usize {
    let mut ids: Vec<&str> = ctx
        .orgs(Which::Regeling)
        .iter()
        .filter(|h| ctx.data.organisatie(h.org_id).is_some_and(|o| telt(ctx, o)))
        .map(|h| h.org_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// The bodies with tasks in the regulation, in order of their first task.
///
/// The task detection is the most expensive step of the FRAG family, and the
/// batch report asks for the same regulation twice (the check and
/// [`super::metrics::metrics`]); the last result is kept per thread, keyed by
/// the data, the text's address, length and hash.
pub(crate) fn bodies(ctx: &Context<'_>) -> Vec<Body> {
    use std::cell::RefCell;
    use std::hash::{Hash, Hasher};
    type Key = (usize, usize, usize, u64);
    thread_local! {
        static LAST: RefCell<Option<(Key, Vec<Body>)>> = const { RefCell::new(None) };
    }
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    r.text.hash(&mut h);
    let key: Key = (
        ctx.data as *const wetlint_data::Data as usize,
        r.text.as_ptr() as usize,
        r.text.len(),
        h.finish(),
    );
    if let Some(hit) = LAST.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    }) {
        return hit;
    }
    let v = compute_bodies(ctx);
    LAST.with(|l| *l.borrow_mut() = Some((key, v.clone())));
    v
}

fn compute_bodies(ctx: &Context<'_>) -> Vec<Body> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let houders = taakhouders(ctx);
    let orgs: Vec<&Organisatie> = houders.iter().map(|h| h.org).collect();
    let mut out: Vec<Body> = Vec::new();
    for h in &houders {
        if !telt(ctx, h.org) {
            continue;
        }
        let Some(first) = h.eerste() else { continue };
        // A part counts with the whole when the whole has tasks too.
        let whole = orgs
            .iter()
            .find(|o| o.id() != h.org.id() && dekt(o, h.org))
            .copied()
            .unwrap_or(h.org);
        let (key, laag) = if is_decentraal(h.org) {
            let (id, meervoud) = bestuurslaag(h.org);
            (format!("laag:{id}:{meervoud}"), Some(meervoud))
        } else {
            (whole.id().to_string(), None)
        };
        let naam = naam_met_lidwoord(h.org, r.text, &first.actor);
        let sentences: Vec<Span> = h.taken.iter().map(|t| t.sentence).collect();
        match out.iter_mut().find(|b| b.key == key) {
            Some(b) => {
                if !b.org_ids.iter().any(|i| i == h.org.id()) {
                    b.org_ids.push(h.org.id().to_string());
                    if laag.is_some() {
                        b.name = format!("{}, {naam}", b.name.trim_end_matches(')'));
                        b.name.push(')');
                    }
                }
                for a in h.artikelen() {
                    if !b.articles.contains(&a) {
                        b.articles.push(a);
                    }
                }
                b.sentences.extend(sentences);
            }
            None => {
                let name = match laag {
                    Some(meervoud) => format!("{} ({naam})", laag_naam(meervoud)),
                    None if whole.id() != h.org.id() => whole.naam().to_string(),
                    None => naam,
                };
                out.push(Body {
                    key,
                    name,
                    org_ids: vec![h.org.id().to_string()],
                    articles: h.artikelen(),
                    first: Span::new(first.actor.start, first.actor.end),
                    sentences,
                });
            }
        }
    }
    for b in &mut out {
        b.articles.sort_unstable();
    }
    out
}

fn laag_naam(meervoud: &str) -> &'static str {
    match meervoud {
        "gemeenten" => "de gemeente",
        "provincies" => "de provincie",
        "waterschappen" => "het waterschap",
        _ => "het openbaar lichaam",
    }
}

/// Citizens and businesses as the addressee of a decision.
pub(crate) static ADRESSAAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:de|het|een|die|aan de|aan het)\s+(aanvrager|belanghebbende|verzekerde|werkgever|werknemer|ouder|rechthebbende|uitkeringsgerechtigde|ondernemer|belastingplichtige|huurder|verhuurder|student|leerling|zorgaanbieder|vreemdeling|betrokkene|exploitant|vergunninghouder)s?\b",
    )
    .expect("valid regex")
});
/// Decisions towards an addressee.
static BESLUIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:kent|kennen)\b[^.;]{0,160}\btoe\b|\b(?:stelt|stellen)\b[^.;]{0,160}\bvast\b|\bbeslist\b|\bbeslissen\b|\b(?:legt|leggen)\b[^.;]{0,120}\bop\b|\bopleggen\b|\bverleent\b|\bverlenen\b|\bweigert\b|\bvordert\b[^.;]{0,80}\bterug\b|\bteruggevorderd\b|\bint\b|\binnen\b",
    )
    .expect("valid regex")
});

/// The addressees of the decisions in the task sentences of a body.
fn adressaten(text: &str, b: &Body) -> Vec<String> {
    let mut out = Vec::new();
    for s in &b.sentences {
        let t = text.get(s.start..s.end).unwrap_or("");
        if !BESLUIT.is_match(t) {
            continue;
        }
        for c in ADRESSAAT.captures_iter(t) {
            if let Some(m) = c.get(1) {
                let w = m.as_str().to_lowercase();
                if !out.contains(&w) {
                    out.push(w);
                }
            }
        }
    }
    out
}

static EIGEN_REGIE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\beigen\s+regie\b|\bregie\s+over\s+(?:het\s+)?(?:eigen|zijn|haar|hun)\b")
        .expect("valid regex")
});
static UITVOERING_WOORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:uitvoerders?|uitvoeringsorganisaties?|ketenpartners?|keten|instanties|organisaties|loket|uitvoering)\b")
        .expect("valid regex")
});

/// Where the toelichting explains the coordination, if it does.
pub(crate) fn coordinatie_uitgelegd(
    ctx: &Context<'_>,
    org_ids: &[String],
    lijst: Option<&[&str]>,
) -> Option<Span> {
    let t = ctx.toelichting?;
    let ms = vermeldingen(ctx, Which::Toelichting);
    let uitvoering = ctx.sections_with(SectionKey::Uitvoering);
    for h in ctx.signals(Which::Toelichting, "coordinatie") {
        if h.weak {
            continue;
        }
        if let Some(l) = lijst
            && !l.iter().any(|f| h.form.eq_ignore_ascii_case(f))
            && !h.form.contains("2:3")
            && !h.form.contains("ontleend")
        {
            continue;
        }
        let Some(block) = ctx.block_at(Which::Toelichting, h.range.start) else {
            continue;
        };
        if !matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table
        ) {
            continue;
        }
        let bt = t.slice(block.text);
        let rel: Range<usize> = h.range.start.saturating_sub(block.text.start)
            ..h.range.end.saturating_sub(block.text.start);
        if h.form == "regie"
            && EIGEN_REGIE
                .find_iter(bt)
                .any(|m| m.start() <= rel.start && rel.start < m.end())
        {
            continue;
        }
        let noemt_org = ms.iter().any(|m| {
            block.text.start <= m.range.start
                && m.range.end <= block.text.end
                && org_ids.iter().any(|i| i == m.org.id())
        });
        let in_uitvoering = ctx
            .section_at(h.range.start)
            .is_some_and(|s| uitvoering.contains(&s));
        if noemt_org || in_uitvoering || UITVOERING_WOORD.is_match(bt) {
            return Some(Span::new(h.range.start, h.range.end));
        }
    }
    None
}

impl Rule for VeelUitvoerders {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        // The task detection is costly; the lexicon hits (computed once per
        // check and shared) bound the number of bodies from above.
        if genoemde_organisaties(ctx) < 2 {
            return;
        }
        let bs = bodies(ctx);
        if bs.len() < 2 {
            return;
        }
        // Two bodies deciding on the same addressee.
        let mut gedeeld: Option<(String, usize, usize)> = None;
        let adr: Vec<Vec<String>> = bs.iter().map(|b| adressaten(r.text, b)).collect();
        'outer: for i in 0..bs.len() {
            for j in i + 1..bs.len() {
                if let Some(w) = adr[i].iter().find(|w| adr[j].contains(w)) {
                    gedeeld = Some((w.clone(), i, j));
                    break 'outer;
                }
            }
        }
        // The organs of several bestuurslagen that each do the same in their
        // own territory count as one body ("decentrale overheden").
        let centraal = bs.iter().filter(|b| !b.key.starts_with("laag:")).count();
        let aantal = centraal + usize::from(centraal < bs.len());
        if aantal < VEEL && gedeeld.is_none() {
            return;
        }
        let ids: Vec<String> = bs.iter().flat_map(|b| b.org_ids.clone()).collect();
        if coordinatie_uitgelegd(ctx, &ids, None).is_some() {
            return;
        }
        let warn = aantal >= ZEER_VEEL || gedeeld.is_some();
        let lijst: Vec<String> = bs
            .iter()
            .map(|b| format!("{} ({})", b.name, artikelen_nl(r.doc, &b.articles)))
            .collect();
        let wat = match &gedeeld {
            Some((w, i, j)) if bs.len() < VEEL => format!(
                "{} en {} nemen allebei besluiten over de {w}",
                capitalize(&bs[*i].name),
                bs[*j].name
            ),
            Some((w, i, j)) => format!(
                "{} organisaties krijgen taken: {}; {} en {} nemen allebei besluiten over de {w}",
                telwoord(bs.len()),
                join_nl(&lijst),
                bs[*i].name,
                bs[*j].name
            ),
            None => format!(
                "{} organisaties krijgen taken: {}",
                telwoord(bs.len()),
                join_nl(&lijst)
            ),
        };
        let toel = if ctx.toelichting.is_some() {
            "; de toelichting legt niet uit hoe zij samenwerken of waar de burger terecht kan."
        } else {
            "."
        };
        let first = bs.first().map_or(Span::new(0, 0), |b| b.first);
        let mut f = Finding::new(Which::Regeling, first, format!("{wat}{toel}")).help(
            "Beschrijf in de paragraaf over de uitvoering wie de regie heeft, welke gegevens de organisaties \
             uitwisselen en of de burger bij één loket terecht kan (Ar 4.43, onder d; Ar 2012, 162).",
        );
        for b in bs.iter().skip(1).take(5) {
            let msg = format!(
                "taak voor {} in {}",
                b.name,
                b.articles
                    .first()
                    .map_or_else(|| "de regeling".to_string(), |a| label(r.doc, *a))
            );
            f = f.related(Which::Regeling, b.first, msg);
        }
        if !warn || ctx.toelichting.is_none() {
            f = f.at_most(Severity::Info);
        }
        out.push(f);
    }
}

fn telwoord(n: usize) -> String {
    match n {
        2 => "Twee".into(),
        3 => "Drie".into(),
        4 => "Vier".into(),
        5 => "Vijf".into(),
        6 => "Zes".into(),
        7 => "Zeven".into(),
        8 => "Acht".into(),
        9 => "Negen".into(),
        10 => "Tien".into(),
        n => n.to_string(),
    }
}
