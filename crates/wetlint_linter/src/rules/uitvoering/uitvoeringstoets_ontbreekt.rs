use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_data::normalize::NormalizedText;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::Span;

use super::actoren::{
    ToetsStatus, aanduiding, alinea_fix, artikel_label, artikelen_nl, dekt, document_nl,
    is_uitvoerder, oordeel_van, taakhouders, telt_voor, toelichting_zinnen, toetsvermeldingen,
    uitleg_over, vermeldingen,
};
use crate::rule::{Category, E, I, Rule, RuleMeta, Scope, Status, W};
use crate::text::capitalize;
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting een uitvoeringstoets noemt van elke
    /// uitvoeringsorganisatie die in de regeling een taak krijgt. Een
    /// organisatie krijgt een taak als zij het onderwerp is van een
    /// taakwerkwoord in een artikel: "De Sociale verzekeringsbank kent … toe",
    /// "Het UWV is belast met", "In dat geval verstrekt de RDW …", "wordt door
    /// het CAK vastgesteld". Ook een begrip uit de begripsbepalingen telt ("Het
    /// college" als dat voor een organisatie staat) en een impliciete aanduiding
    /// uit `organisaties.toml` ("de inspecteur" voor de Belastingdienst).
    ///
    /// Als uitvoeringstoets telt een uitvoeringstoets, U&H-toets, HUF-toets of
    /// een toets die `organisaties.toml` bij de organisatie noemt (bijvoorbeeld
    /// de doenvermogentoets van UWV en SVB), in een zin die de organisatie
    /// noemt ("Uit de uitvoeringstoets van het UWV blijkt …"). Ook een oordeel
    /// van de organisatie zelf over de uitvoerbaarheid telt ("Het UWV acht het
    /// voorstel uitvoerbaar per 1 januari 2028"). Een invoeringstoets achteraf
    /// telt niet.
    ///
    /// De regel zwijgt als:
    /// - de organisatie alleen als bron, ontvanger of overlegpartner wordt
    ///   genoemd ("gegevens van het UWV", "na overleg met het UWV", "verstrekt
    ///   aan de SVB"): dan krijgt zij geen taak;
    /// - de toelichting uitlegt waarom geen toets nodig is, in een zin met de
    ///   organisatie, het onderwerp toets of uitvoerbaarheid en een uitlegwoord
    ///   als "omdat" of "aangezien" (comply or explain);
    /// - er alleen een regeling of alleen een toelichting is.
    ///
    /// Een toets van de Belastingdienst telt ook voor de Douane (een onderdeel
    /// daarvan), niet voor de Dienst Toeslagen. Een gevraagde maar nog niet
    /// uitgebrachte toets ("wordt na de consultatie gevraagd") volstaat in de
    /// fasen concept en consultatie, niet bij indiening. Voor private
    /// uitvoerders met een publieke taak (zorgverzekeraars, pensioenfondsen) en
    /// voor organisaties waarvan de toelichting zegt dat hun taak niet verandert,
    /// is de melding hooguit informatief. Gemeenten, provincies en waterschappen
    /// vallen onder UITV-003 (UDO).
    ///
    /// ## Waarom
    /// Uitvoerbaarheid en handhaafbaarheid worden beoordeeld voordat tot
    /// regelgeving wordt besloten, en de uitvoerende instanties worden daarbij
    /// geraadpleegd (Ar 2.7; verplichte kwaliteitseis U&H in het
    /// Beleidskompas). De toelichting gaat in op de uitvoeringsaspecten (Ar
    /// 4.43, onder c) en meldt wat de uitvoeringstoetsen opleverden en wat
    /// daarmee is gedaan (Schrijfwijzer memorie van toelichting, §7). Het
    /// kabinet maakt de opvolging van uitvoeringstoetsen tot uitgangspunt
    /// (kabinetsreactie "Naar een uitvoerende macht", 2025).
    ///
    /// ## Voorbeeld
    /// Artikel 3.1: "De Dienst Wegverkeer registreert de keuringsgegevens in het
    /// kentekenregister." De memorie van toelichting beschrijft de nieuwe
    /// registratie, maar zegt nergens of de RDW het voorstel heeft getoetst.
    ///
    /// ## In plaats daarvan
    /// Vraag de organisatie om een uitvoeringstoets en neem de uitkomst op in
    /// de paragraaf over de uitvoering: "De RDW heeft op 3 maart 2026 een
    /// uitvoeringstoets uitgebracht. Zij acht het voorstel uitvoerbaar per 1
    /// januari 2028, mits …; die voorwaarde is overgenomen." Is een toets niet
    /// nodig, schrijf dan waarom: "Een uitvoeringstoets van de RDW is niet
    /// gevraagd, omdat de registratie al onder de huidige regels plaatsvindt."
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder c, en Aanwijzing 2.7 van de Aanwijzingen voor de
    /// regelgeving; Beleidskompas, verplichte kwaliteitseis Uitvoerbaarheid en
    /// handhaafbaarheid; Schrijfwijzer memorie van toelichting §7;
    /// kabinetsreactie op het ROB-advies "Naar een uitvoerende macht"
    /// (Kamerstukken 29362, nr. 385).
    pub struct UitvoeringstoetsOntbreekt {
        code: "UITV-001",
        name: "uitvoeringstoets-ontbreekt",
        category: Category::Uitvoering,
        summary: "Een uitvoeringsorganisatie krijgt taken, maar de toelichting noemt geen uitvoeringstoets",
        severity: [W, W, E, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.43", "2.7"],
    }
}

/// The toelichting says the organisation's task is not new ("voert deze taak
/// al uit", "blijft ongewijzigd"): the Schrijfwijzer still asks to name the
/// uitvoerder, so the finding is informational.
static ROL_ONGEWIJZIGD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:al|reeds)\b[^.;]{0,40}?\b(?:uitvoert|uitvoeren|verricht|verrichten)\b|\bongewijzigd\b|\bbestaande taak\b|\bverandert (?:er )?niet\b|\bblijft (?:ongewijzigd|gelijk)\b")
        .expect("valid regex")
});

impl Rule for UitvoeringstoetsOntbreekt {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some(r), Some(t)) = (ctx.regeling, ctx.toelichting) else {
            return;
        };
        let houders: Vec<_> = taakhouders(ctx)
            .into_iter()
            .filter(|h| is_uitvoerder(ctx.data, h.org))
            .collect();
        if houders.is_empty() {
            return;
        }
        let toetsen = toetsvermeldingen(ctx);
        let t_mentions = vermeldingen(ctx, Which::Toelichting);
        let doc_nl = document_nl(t.doc);
        for h in houders {
            let Some(first) = h.eerste() else { continue };
            let eigen: Vec<_> = toetsen
                .iter()
                .filter(|tv| {
                    telt_voor(ctx.data, tv.toets_id, h.org)
                        && tv.orgs.iter().any(|o| dekt(o, h.org))
                })
                .collect();
            if eigen.iter().any(|tv| tv.telt(ctx.profile)) {
                continue;
            }
            if uitleg_over(ctx, &|o| dekt(o, h.org), None).is_some()
                || oordeel_van(ctx, &|o| dekt(o, h.org)).is_some()
            {
                continue;
            }
            let (wie, meervoud) = aanduiding(h.org, r.text, &first.actor);
            let krijgt = if meervoud { "krijgen" } else { "krijgt" };
            // Named indirectly ("de inspecteur", "het college"): show how.
            let als = if first.indirect {
                format!(
                    " (in de tekst: '{}')",
                    r.slice(Span::new(first.actor.start, first.actor.end))
                )
            } else {
                String::new()
            };
            let verb = r
                .slice(Span::new(first.verb.start, first.verb.end))
                .split_whitespace()
                .collect::<Vec<_>>();
            let verb = match verb.as_slice() {
                [one] => (*one).to_string(),
                [a, .., z] if verb.len() > 3 => format!("{a} … {z}"),
                more => more.join(" "),
            };
            let waar = artikel_label(r.doc, first.article);
            let gevraagd = eigen.iter().find(|tv| tv.status == ToetsStatus::Gevraagd);
            let ontkend = eigen.iter().find(|tv| tv.status == ToetsStatus::Ontkend);
            let message = if gevraagd.is_some() {
                format!(
                    "{}{als} {krijgt} in {waar} een taak ('{verb}'); {doc_nl} meldt alleen dat een uitvoeringstoets van {wie} is gevraagd, niet wat die heeft opgeleverd.",
                    capitalize(&wie)
                )
            } else if ontkend.is_some() {
                format!(
                    "{}{als} {krijgt} in {waar} een taak ('{verb}'), maar volgens {doc_nl} is er geen uitvoeringstoets van {wie}, zonder uitleg waarom.",
                    capitalize(&wie)
                )
            } else {
                format!(
                    "{}{als} {krijgt} in {waar} een taak ('{verb}'), maar {doc_nl} noemt geen uitvoeringstoets van {wie}.",
                    capitalize(&wie)
                )
            };
            let help = if gevraagd.is_some() {
                format!(
                    "Neem vóór indiening de uitkomst van de uitvoeringstoets van {wie} op en wat daarmee is gedaan (Schrijfwijzer §7)."
                )
            } else {
                format!(
                    "Vraag {wie} om een uitvoeringstoets (U&H) en beschrijf in de paragraaf over de uitvoering de uitkomst en \
                     wat daarmee is gedaan; is geen toets nodig, leg dan uit waarom (comply or explain)."
                )
            };
            let mut f = Finding::new(
                Which::Regeling,
                Span::new(first.actor.start, first.actor.end),
                message,
            )
            .help(help);
            // The other articles with a task for this organisation.
            let others: Vec<usize> = h
                .artikelen()
                .into_iter()
                .filter(|&a| a != first.article)
                .collect();
            if let Some(&a) = others.first()
                && let Some(task) = h.taken.iter().find(|t| t.article == a)
            {
                let rest = artikelen_nl(r.doc, &others);
                f = f.related(
                    Which::Regeling,
                    Span::new(task.actor.start, task.actor.end),
                    format!("ook taken voor {wie} in {rest}"),
                );
            }
            // Where the toelichting speaks of the organisation or of the uitvoering.
            let uitvoering = ctx
                .sections_with(SectionKey::Uitvoering)
                .into_iter()
                .filter_map(|i| t.doc.sections.get(i))
                .find(|s| !s.artikelsgewijs);
            let in_uitvoering = t_mentions.iter().find(|m| {
                m.org.id() == h.org.id()
                    && uitvoering
                        .is_some_and(|s| s.span.start <= m.range.start && m.range.end <= s.span.end)
            });
            if let Some(s) = gevraagd.or(ontkend) {
                f = f.related(
                    Which::Toelichting,
                    Span::new(s.range.start, s.range.end),
                    "hier noemt de toelichting de toets",
                );
            } else if let Some(m) =
                in_uitvoering.or_else(|| t_mentions.iter().find(|m| m.org.id() == h.org.id()))
            {
                f = f.related(
                    Which::Toelichting,
                    Span::new(m.range.start, m.range.end),
                    format!("hier noemt de toelichting {wie}, zonder uitvoeringstoets"),
                );
            } else if let Some(s) = uitvoering {
                f = f.related(
                    Which::Toelichting,
                    s.heading,
                    "de paragraaf over de uitvoering",
                );
            }
            // A private executor, or a task the toelichting calls unchanged: informational.
            let ongewijzigd = toelichting_zinnen(ctx, true)
                .into_iter()
                .flat_map(|(_, s)| s)
                .any(|s| {
                    let in_s = t_mentions.iter().any(|m| {
                        m.org.id() == h.org.id() && s.start <= m.range.start && m.range.end <= s.end
                    });
                    in_s && ROL_ONGEWIJZIGD.is_match(NormalizedText::new(t.slice(s)).as_str())
                });
            if h.org.vorm == wetlint_data::Vorm::PrivaatMetPubliekeTaak || ongewijzigd {
                f = f.at_most(Severity::Info);
            }
            let naam = h.org.naam();
            if let Some(fix) = alinea_fix(
                ctx,
                SectionKey::Uitvoering,
                "Uitvoering",
                &format!(
                    "[Uitvoeringstoets {naam}: wanneer is de toets uitgebracht, wat is het eindoordeel, wat zijn de \
                     belangrijkste bevindingen en wat is daarmee gedaan?]"
                ),
            ) {
                f = f.fix(fix);
            }
            out.push(f);
        }
    }
}
