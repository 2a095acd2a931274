use std::sync::LazyLock;

use wetlint_data::{OrgVia, SectionKey, ValueGroup};
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Container, Span};

use super::analyse;
use crate::rule::{Category, I, OFF, Rule, RuleMeta, Scope, Status, W};
use crate::text::{join_nl, sentences};
use crate::{Context, Finding, Findings, Which};

/// The organisations whose steering on public values the policy anchors (Wet SUWI).
const ORGS: [&str; 2] = ["uwv", "svb"];

/// Steering on public values, or its anchoring in the Wet SUWI.
static STEERING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bpublieke waarden?\b").expect("valid regex"));
static STEERING_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sturen|sturing|stuurt|wet suwi|structuur uitvoeringsorganisatie werk en inkomen|uwv|svb|sociale verzekeringsbank|uitvoeringsinstituut)\b")
        .expect("valid regex")
});
/// Comply or explain: the change does not touch the service to citizens.
static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bdienstverlening\b|\bpublieke waarden?\b").expect("valid regex")
});
static NO_EFFECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:geen|niet)\b[^.;]{0,50}\b(?:gevolgen|gevolg|invloed|effect|effecten)\b[^.;]{0,60}\bdienstverlening\b|\bdienstverlening\b[^.;]{0,60}\b(?:verandert|wijzigt) niet\b",
    )
    .expect("valid regex")
});

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting ingaat op de sturing op publieke waarden als de regeling
    /// taken geeft aan het UWV of de Sociale verzekeringsbank, of die taken
    /// wijzigt. De regel kijkt in de artikelen (ook in tekst die een
    /// wijzigingsopdracht invoegt) naar zinnen waarin het UWV of de SVB iets
    /// doet: zinnen die met de organisatie beginnen ("Het UWV kent … toe", "De
    /// Sociale verzekeringsbank stelt … vast") of waarin zij "is belast met", "legt
    /// … op", "voert … uit". In de toelichting moet dan ten minste een van de
    /// acht sturingswaarden voor UWV en SVB onderbouwd zijn in een paragraaf die
    /// over die organisatie gaat: dienstbaarheid, responsiviteit, inclusiviteit,
    /// toegankelijkheid, betrouwbaarheid, effectiviteit, rechtmatigheid of
    /// doelmatigheid. Een uitdrukkelijke passage over "sturen op publieke
    /// waarden" of de verankering daarvan in de Wet SUWI volstaat ook.
    ///
    /// De regel zwijgt als:
    /// - de organisatie alleen wordt genoemd, bijvoorbeeld in een begripsbepaling
    ///   of als ontvanger van gegevens ("Onze Minister verstrekt de SVB …");
    /// - de toelichting uitlegt dat de wijziging de dienstverlening niet raakt
    ///   ("Omdat dit onderdeel alleen een verwijzing herstelt, heeft het geen
    ///   gevolgen voor de dienstverlening van het UWV.");
    /// - er geen toelichting is (de eis staat in de toelichting).
    ///
    /// ## Waarom
    /// Het wetsvoorstel proactieve dienstverlening SZW legt vast dat UWV en SVB
    /// sturen op publieke waarden (MvT Kamerstuk 36799, nr. 3, §4.2 "Sturen op
    /// publieke waarden vastleggen in Wet SUWI"). Wie hun taken uitbreidt of
    /// wijzigt, hoort te laten zien wat dat betekent voor de dienstverlening aan de
    /// burger, en niet alleen voor de kosten.
    ///
    /// ## Voorbeeld
    /// "Artikel 3. Het UWV kent de tegemoetkoming ambtshalve toe." De toelichting
    /// beschrijft de uitvoeringskosten en de ICT-aanpassingen bij het UWV, maar
    /// zegt niets over toegankelijkheid, dienstbaarheid of rechtmatigheid.
    ///
    /// ## In plaats daarvan
    /// Leg in de paragraaf over de uitvoering uit hoe het UWV of de SVB de nieuwe
    /// taak uitvoert in het licht van de publieke waarden: "De ambtshalve toekenning
    /// vergroot de toegankelijkheid, omdat de burger geen aanvraag hoeft te doen.
    /// Het UWV borgt de rechtmatigheid doordat …". Raakt de wijziging de
    /// dienstverlening niet, zeg dat dan met een reden.
    ///
    /// ## Bron
    /// Wetsvoorstel proactieve dienstverlening SZW, MvT Kamerstuk 36799, nr. 3,
    /// §4.2; BZK, sturingsvisie rijksoverheid (2025); catalogus §2.B.
    pub struct PubliekeWaardenUitvoeringsorganisatie {
        code: "WAARDE-004",
        name: "publieke-waarden-uitvoeringsorganisatie",
        category: Category::Waarden,
        summary: "Taken voor UWV of SVB zonder aandacht voor sturing op publieke waarden",
        severity: [I, I, W, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &[],
    }
}

/// Articles of the regulation in which the organisation acts (is the subject
/// of a task verb), in order.
fn task_articles(ctx: &Context<'_>, org: &str) -> Vec<usize> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let verbs = ctx.signals(Which::Regeling, "taak-werkwoorden");
    let mut out: Vec<usize> = Vec::new();
    for hit in ctx
        .orgs(Which::Regeling)
        .iter()
        .filter(|h| h.org_id == org && h.via != OrgVia::Impliciet)
    {
        let at = hit.range.start;
        let Some(block) = ctx.block_at(Which::Regeling, at) else {
            continue;
        };
        let Container::Article { index } = block.container else {
            continue;
        };
        if matches!(block.kind, BlockKind::Heading | BlockKind::Comment) || out.contains(&index) {
            continue;
        }
        if r.doc.definitions.iter().any(|d| d.span.contains(at)) {
            continue;
        }
        let Some(s) = sentences(r.text, block.text)
            .into_iter()
            .find(|s| s.start <= at && at < s.end)
        else {
            continue;
        };
        let sentence = r.slice(s).to_lowercase();
        // The organisation opens the sentence as its subject ("Het UWV kent …
        // toe", "De Sociale verzekeringsbank verstrekt …").
        let lead = r.text.get(s.start..at).unwrap_or("").trim().to_lowercase();
        let subject = matches!(lead.as_str(), "" | "de" | "het");
        let acts = subject
            || sentence.contains("belast") && sentence.contains(" met ")
            || sentence.contains("wordt uitgevoerd door")
            || verbs
                .iter()
                .any(|v| v.range.start >= hit.range.end && v.range.end <= s.end);
        if acts {
            out.push(index);
        }
    }
    out
}

impl Rule for PubliekeWaardenUitvoeringsorganisatie {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some(r), Some(t)) = (ctx.regeling, ctx.toelichting) else {
            return;
        };
        let Some(analysis) = analyse::analyse(ctx) else {
            return;
        };
        // Explicit steering passage, or an explanation that the service is not affected.
        let own_text = t
            .doc
            .blocks
            .iter()
            .filter(|b| {
                matches!(
                    b.kind,
                    BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table
                )
            })
            .flat_map(|b| sentences(t.text, b.text));
        for s in own_text {
            let st = t.slice(s);
            if STEERING.is_match(st) && STEERING_CONTEXT.is_match(st) || NO_EFFECT.is_match(st) {
                return;
            }
        }
        if analyse::explanation(ctx, &TOPIC).is_some() {
            return;
        }
        let values: Vec<_> = ctx
            .data
            .waarden()
            .iter()
            .filter(|w| w.in_group(ValueGroup::UwvSvb))
            .collect();
        let t_orgs = ctx.orgs(Which::Toelichting);
        for org in ORGS {
            let articles = task_articles(ctx, org);
            let Some(&first) = articles.first() else {
                continue;
            };
            // An argued UWV/SVB value in a section (or block) that mentions the organisation.
            let addressed = analysis.hits.iter().any(|h| {
                if !h.argued() || !values.iter().any(|w| w.id() == h.value_id) {
                    return false;
                }
                let scope = match h.section.and_then(|i| t.doc.sections.get(i)) {
                    Some(s) => s.span,
                    None => ctx
                        .block_at(Which::Toelichting, h.range.start)
                        .map_or(Span::new(0, 0), |b| b.span),
                };
                t_orgs.iter().any(|o| {
                    o.org_id == org && scope.start <= o.range.start && o.range.end <= scope.end
                })
            });
            if addressed {
                continue;
            }
            let Some(info) = ctx.data.organisatie(org) else {
                continue;
            };
            let abbrev = info.afkortingen().next().unwrap_or(org);
            let nums: Vec<String> = articles
                .iter()
                .filter_map(|&i| r.doc.articles.get(i))
                .take(3)
                .map(|a| a.number.clone())
                .collect();
            let more = articles.len().saturating_sub(3);
            let mut where_ = if nums.len() == 1 {
                format!("Artikel {}", nums[0])
            } else {
                format!("De artikelen {}", join_nl(&nums))
            };
            if more > 0 {
                where_.push_str(&format!(" (en {more} andere)"));
            }
            let verb = if nums.len() == 1 { "geeft" } else { "geven" };
            let names: Vec<String> = values.iter().map(|w| analyse::name_nl(w)).collect();
            let message = format!(
                "{where_} {verb} {} ({abbrev}) een taak, maar de {} gaat niet in op de sturing op publieke waarden \
                 bij {}: geen passage over {} onderbouwt {}.",
                with_article(info.naam(), abbrev),
                t.doc.kind().label_nl(),
                with_article(abbrev, abbrev),
                with_article(abbrev, abbrev),
                join_or(&names),
            );
            let Some(a) = r.doc.articles.get(first) else {
                continue;
            };
            let target = ctx
                .sections_with(SectionKey::Uitvoering)
                .first()
                .and_then(|&i| t.doc.sections.get(i))
                .map(|s| {
                    (
                        s.heading,
                        format!(
                            "hier kan de toelichting ingaan op de publieke waarden bij {}",
                            with_article(abbrev, abbrev)
                        ),
                    )
                })
                .or_else(|| {
                    t.doc
                        .title
                        .as_ref()
                        .map(|s| (s.span, "de toelichting".to_string()))
                });
            let mut f = Finding::new(Which::Regeling, a.heading, message).help(format!(
                "Leg in de paragraaf over de uitvoering uit wat de taak betekent voor de dienstverlening van {}, \
                 met een reden, bijvoorbeeld: 'De ambtshalve toekenning vergroot de toegankelijkheid, omdat de burger \
                 geen aanvraag hoeft te doen.' Raakt de wijziging de dienstverlening niet, zeg dat dan met een reden.",
                with_article(abbrev, abbrev)
            ));
            if let Some((span, msg)) = target {
                f = f.related(Which::Toelichting, span, msg);
            }
            out.push(f);
        }
    }
}

/// Joins names as Dutch prose with "of": "a, b of c".
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} of {}", init.join(", "), last),
    }
}

/// "het Uitvoeringsinstituut werknemersverzekeringen", "de Sociale verzekeringsbank", "het UWV".
fn with_article(naam: &str, abbrev: &str) -> String {
    let article = if abbrev == "UWV" { "het" } else { "de" };
    format!("{article} {naam}")
}
