use wetlint_data::SectionKey;
use wetlint_diagnostics::Severity;
use wetlint_syntax::Span;

use super::actoren::{
    DECENTRAAL_ALGEMEEN, ToetsStatus, alinea_fix, artikelen_nl, decentrale_lagen, document_nl,
    naam_met_afkorting, oordeel_van, telt_voor, toetsvermeldingen, uitleg_over, vermeldingen,
};
use crate::rule::{Category, E, I, Rule, RuleMeta, Scope, Status, W};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting een Uitvoerbaarheidstoets decentrale overheden (UDO)
    /// noemt wanneer de regeling taken geeft aan een decentrale overheid: het
    /// college van burgemeester en wethouders, de gemeenteraad, de burgemeester,
    /// gedeputeerde staten, provinciale staten, het bestuur van een waterschap
    /// of een veiligheidsregio, of in Caribisch Nederland het bestuurscollege of
    /// de eilandsraad. Een taak is er als zo'n orgaan het onderwerp is van een
    /// taakwerkwoord ("Het college draagt zorg voor …", "Gedeputeerde staten
    /// verlenen …", "De gemeenteraad stelt bij verordening regels …"); een
    /// begrip uit de begripsbepalingen ("college") telt mee.
    ///
    /// Een uitvoeringstoets of impactanalyse van de VNG (voor gemeenten), het
    /// IPO (provincies) of de Unie van Waterschappen (waterschappen) telt ook,
    /// net als hun oordeel over de uitvoerbaarheid ("De VNG acht het voorstel
    /// uitvoerbaar voor gemeenten").
    /// Eén melding per bestuurslaag, bij de eerste taak.
    ///
    /// De regel zwijgt als:
    /// - het orgaan alleen gegevens ontvangt of als bron wordt genoemd ("de
    ///   SVB verstrekt het college …", "ingezetene van de gemeente");
    /// - de toelichting uitlegt waarom geen UDO nodig is ("Een UDO is niet
    ///   uitgevoerd, omdat de taak van het college zeer beperkt is");
    /// - er alleen een regeling of alleen een toelichting is.
    ///
    /// Een UDO die alleen is aangevraagd volstaat in de fasen concept en
    /// consultatie, niet bij indiening. Geeft de regeling alleen een bevoegdheid
    /// om bij verordening regels te stellen ("De gemeenteraad kan bij
    /// verordening …"), dan is de melding hooguit een waarschuwing.
    ///
    /// ## Waarom
    /// De UDO is sinds 2023 een verplichte kwaliteitseis van het Beleidskompas:
    /// BZK toetst samen met VNG, IPO en Unie van Waterschappen vroeg in de
    /// beleidsvorming of decentrale overheden een nieuwe taak kunnen uitvoeren,
    /// en de uitkomst wordt openbaar gemaakt, bijvoorbeeld in de memorie van
    /// toelichting (Kamerstukken 33047, nr. 32). Volgens Aanwijzing 7.6 beschrijft
    /// de toelichting de gevolgen voor decentrale overheden. Ook een taak die een
    /// gemeente zelf mag invullen (een verordeningsbevoegdheid) vraagt die
    /// aandacht.
    ///
    /// ## Voorbeeld
    /// Artikel 3.5: "Het college draagt zorg voor ondersteuning van inwoners bij
    /// het doen van een aanvraag." De memorie van toelichting beschrijft die
    /// ondersteuning, maar zegt niets over een UDO of over overleg met de VNG
    /// over de uitvoerbaarheid voor gemeenten.
    ///
    /// ## In plaats daarvan
    /// Laat een UDO uitvoeren en neem de uitkomst op, bijvoorbeeld in een
    /// paragraaf "Gevolgen voor decentrale overheden": "In de UDO van april 2026
    /// hebben BZK en de VNG vastgesteld dat gemeenten de ondersteuning kunnen
    /// bieden met hun bestaande loketten; zij vroegen om een invoeringstermijn
    /// van een jaar, die is overgenomen." Is een UDO niet nodig, schrijf dan
    /// waarom.
    ///
    /// ## Bron
    /// Aanwijzing 7.6 van de Aanwijzingen voor de regelgeving; brief "Voortgang
    /// UDO" (Kamerstukken 33047, nr. 32); Beleidskompas, verplichte
    /// kwaliteitseis Uitvoerbaarheidstoets decentrale overheden; Schrijfwijzer
    /// memorie van toelichting §7.
    pub struct UdoOntbreekt {
        code: "UITV-003",
        name: "udo-ontbreekt",
        category: Category::Uitvoering,
        summary: "Taken voor decentrale overheden zonder Uitvoerbaarheidstoets decentrale overheden (UDO)",
        severity: [W, W, E, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["7.6"],
    }
}

impl Rule for UdoOntbreekt {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some(r), Some(t)) = (ctx.regeling, ctx.toelichting) else {
            return;
        };
        let lagen = decentrale_lagen(ctx);
        if lagen.is_empty() {
            return;
        }
        let toetsen = toetsvermeldingen(ctx);
        // One UDO covers every bestuurslaag.
        if toetsen
            .iter()
            .any(|tv| tv.toets_id == "udo" && tv.telt(ctx.profile))
        {
            return;
        }
        let t_mentions = vermeldingen(ctx, Which::Toelichting);
        let doc_nl = document_nl(t.doc);
        for laag in &lagen {
            let Some(first) = laag.eerste() else { continue };
            let rep = ctx.data.organisatie(laag.id);
            let eigen: Vec<_> = toetsen
                .iter()
                .filter(|tv| {
                    let soort = match rep {
                        Some(rep) => telt_voor(ctx.data, tv.toets_id, rep),
                        None => laag
                            .houders
                            .iter()
                            .any(|h| telt_voor(ctx.data, tv.toets_id, h.org)),
                    };
                    tv.toets_id == "udo" || (soort && tv.orgs.iter().any(|o| laag.omvat(o)))
                })
                .collect();
            if eigen.iter().any(|tv| tv.telt(ctx.profile)) {
                continue;
            }
            if uitleg_over(ctx, &|o| laag.omvat(o), Some(&DECENTRAAL_ALGEMEEN)).is_some()
                || oordeel_van(ctx, &|o| laag.omvat(o)).is_some()
            {
                continue;
            }
            let gevraagd = eigen.iter().find(|tv| tv.status == ToetsStatus::Gevraagd);
            let ontkend = eigen.iter().find(|tv| tv.status == ToetsStatus::Ontkend);
            let rep_tekst = rep.map(naam_met_afkorting);
            let onderwerp = laag.onderwerp(&r);
            let message = if gevraagd.is_some() {
                format!(
                    "{onderwerp}; {doc_nl} meldt alleen dat een Uitvoerbaarheidstoets decentrale overheden (UDO) is gevraagd, niet wat die heeft opgeleverd."
                )
            } else if ontkend.is_some() {
                format!(
                    "{onderwerp}, maar volgens {doc_nl} is er geen Uitvoerbaarheidstoets decentrale overheden (UDO), zonder uitleg waarom."
                )
            } else {
                match &rep_tekst {
                    Some(rt) => format!(
                        "{onderwerp}, maar {doc_nl} noemt geen Uitvoerbaarheidstoets decentrale overheden (UDO) en geen uitvoeringstoets van {rt}."
                    ),
                    None => format!(
                        "{onderwerp}, maar {doc_nl} noemt geen Uitvoerbaarheidstoets decentrale overheden (UDO)."
                    ),
                }
            };
            let samen = rep_tekst
                .as_deref()
                .map(|rt| format!(" samen met {rt}"))
                .unwrap_or_default();
            let help = format!(
                "Laat BZK{samen} een UDO uitvoeren en beschrijf de uitkomst en wat daarmee is gedaan, bijvoorbeeld in een \
                 paragraaf over de gevolgen voor decentrale overheden (Ar 7.6); is een UDO niet nodig, leg dan uit waarom."
            );
            let mut f = Finding::new(
                Which::Regeling,
                Span::new(first.actor.start, first.actor.end),
                message,
            )
            .help(help);
            // Other articles with tasks for this layer.
            let mut others: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
            for task in laag.houders.iter().flat_map(|h| h.taken.iter()) {
                if task.article != first.article && !others.iter().any(|(a, _)| *a == task.article)
                {
                    others.push((task.article, task.actor.clone()));
                }
            }
            if let Some((_, actor)) = others.first() {
                let arts: Vec<usize> = others.iter().map(|(a, _)| *a).collect();
                f = f.related(
                    Which::Regeling,
                    Span::new(actor.start, actor.end),
                    format!("ook taken in {}", artikelen_nl(r.doc, &arts)),
                );
            }
            // Where the toelichting discusses the task: a decentral section, or a
            // heading naming the actor, or the first mention.
            let decentraal = ctx
                .sections_with(SectionKey::Decentraal)
                .into_iter()
                .filter_map(|i| t.doc.sections.get(i))
                .find(|s| !s.artikelsgewijs);
            let kop = t.doc.sections.iter().find(|s| {
                !s.artikelsgewijs
                    && t_mentions.iter().any(|m| {
                        laag.omvat(m.org)
                            && s.heading.start <= m.range.start
                            && m.range.end <= s.heading.end
                    })
            });
            if let Some(s) = gevraagd.or(ontkend) {
                f = f.related(
                    Which::Toelichting,
                    Span::new(s.range.start, s.range.end),
                    "hier noemt de toelichting de UDO",
                );
            } else if let Some(s) = decentraal.or(kop) {
                f = f.related(
                    Which::Toelichting,
                    s.heading,
                    "hier bespreekt de toelichting de decentrale taak, zonder UDO",
                );
            } else if let Some(m) = t_mentions.iter().find(|m| laag.omvat(m.org)) {
                f = f.related(
                    Which::Toelichting,
                    Span::new(m.range.start, m.range.end),
                    "hier noemt de toelichting de decentrale taak, zonder UDO",
                );
            }
            if let Some(fix) = alinea_fix(
                ctx,
                SectionKey::Decentraal,
                "Gevolgen voor decentrale overheden",
                &format!(
                    "[Uitvoerbaarheidstoets decentrale overheden (UDO): wanneer is de UDO uitgevoerd en met wie, kunnen {} \
                     de taak uitvoeren, wat zijn de bevindingen en wat is daarmee gedaan?]",
                    laag.meervoud
                ),
            ) {
                f = f.fix(fix);
            }
            // Only a power to make a verordening: at most a warning.
            if laag.alleen_verordeningsbevoegdheid(&r) {
                f = f.at_most(Severity::Warning);
            }
            out.push(f);
        }
    }
}
