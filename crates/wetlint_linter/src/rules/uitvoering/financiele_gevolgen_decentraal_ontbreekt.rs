use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_data::normalize::NormalizedText;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::Span;

use super::actoren::{
    DECENTRAAL_ALGEMEEN, Laag, alinea_fix, artikelen_nl, decentrale_lagen, document_nl,
    toelichting_zinnen, vermeldingen,
};
use crate::rule::{Category, E, I, Rule, RuleMeta, Scope, Status, W};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting iets zegt over de financiële gevolgen voor gemeenten,
    /// provincies of waterschappen wanneer de regeling hun organen taken geeft
    /// (het college van burgemeester en wethouders, de gemeenteraad, gedeputeerde
    /// staten, het bestuur van een waterschap, …; zie UITV-003 voor wat als taak
    /// telt). Het volstaat dat één zin financiële gevolgen of kosten noemt
    /// samen met de betrokken overheden ("gemeenten", "het college",
    /// "decentrale overheden"), of dat een zin het gemeentefonds, het
    /// provinciefonds, een specifieke uitkering of artikel 2 van de
    /// Financiële-verhoudingswet noemt. Een zin over gemeenten in de paragraaf
    /// "Financiële gevolgen", of over kosten in de paragraaf over de gevolgen
    /// voor decentrale overheden, telt ook. Eén melding per bestuurslaag.
    ///
    /// De regel zwijgt als:
    /// - de toelichting zegt dat er geen financiële gevolgen zijn ("Het voorstel
    ///   heeft geen financiële gevolgen voor gemeenten"): alleen het ontbreken van
    ///   elke uitspraak wordt gemeld;
    /// - het orgaan alleen gegevens ontvangt of als bron wordt genoemd;
    /// - er alleen een regeling of alleen een toelichting is.
    ///
    /// Geeft de regeling alleen een bevoegdheid om bij verordening regels te
    /// stellen, dan is de melding hooguit een waarschuwing.
    ///
    /// ## Waarom
    /// Aanwijzing 4.46 vraagt dat de toelichting ingaat op de financiële
    /// gevolgen voor decentrale overheden. Artikel 2 van de
    /// Financiële-verhoudingswet verlangt dat bij een nieuwe of gewijzigde taak
    /// wordt aangegeven welke kosten die meebrengt en hoe die worden bekostigd.
    /// Zonder die uitspraak kunnen de Raad van State en de Kamers niet
    /// beoordelen of gemeenten en provincies de taak kunnen betalen.
    ///
    /// ## Voorbeeld
    /// Artikel 3.5 legt een ondersteuningstaak bij het college van burgemeester
    /// en wethouders. De paragraaf "Financiële gevolgen" noemt alleen de
    /// uitgaven van het Rijk en de uitvoeringskosten van de SVB.
    ///
    /// ## In plaats daarvan
    /// Neem in de paragraaf over de financiële gevolgen een alinea op over de
    /// decentrale overheden: "De ondersteuning door het college kost gemeenten
    /// naar schatting € 4 miljoen per jaar. Dat bedrag wordt overeenkomstig
    /// artikel 2 van de Financiële-verhoudingswet toegevoegd aan het
    /// gemeentefonds." Zijn er geen kosten, schrijf dan: "Het voorstel heeft
    /// geen financiële gevolgen voor gemeenten."
    ///
    /// ## Bron
    /// Aanwijzing 4.46 van de Aanwijzingen voor de regelgeving; artikel 2 van de
    /// Financiële-verhoudingswet; Schrijfwijzer memorie van toelichting §9.
    pub struct FinancieleGevolgenDecentraalOntbreekt {
        code: "UITV-004",
        name: "financiele-gevolgen-decentraal-ontbreekt",
        category: Category::Uitvoering,
        summary: "Taken voor decentrale overheden zonder uitspraak over de financiële gevolgen voor hen",
        severity: [W, W, E, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.46"],
    }
}

/// Financial wording that needs a decentral word in the same sentence.
static FINANCIEEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bfinanciële (?:gevolgen|consequenties|effecten|lasten|compensatie|middelen)\b|\bbudgettaire (?:gevolgen|effecten)\b|\b(?:uitvoerings|meer|extra |structurele |incidentele )?kosten\b|\bbekostig\w*|\bcompensatie\b|\bgecompenseerd\b|\b(?:budget|kosten)neutraal\b")
        .expect("valid regex")
});

/// Wording that is itself about decentral finances.
static DECENTRAAL_FINANCIEEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bgemeentefonds\b|\bprovinciefonds\b|\bfinanciële-verhoudingswet\b|\bfvw\b|\bspecifieke uitkering\w*|\bdecentralisatie-uitkering\w*|\bintegratie-uitkering\w*|\bartikel 108, (?:derde|vierde) lid, van de (?:gemeentewet|provinciewet)\b")
        .expect("valid regex")
});

/// A sentence of the toelichting that states the financial consequences for the layer.
fn uitspraak(ctx: &Context<'_>, laag: &Laag<'_>) -> Option<Span> {
    let t = ctx.toelichting?;
    let ms = vermeldingen(ctx, Which::Toelichting);
    let in_secs = |key: SectionKey| -> Vec<Span> {
        ctx.sections_with(key)
            .into_iter()
            .filter_map(|i| t.doc.sections.get(i))
            .map(|s| s.span)
            .collect()
    };
    let financieel = in_secs(SectionKey::Financieel);
    let decentraal = in_secs(SectionKey::Decentraal);
    let within =
        |spans: &[Span], s: Span| spans.iter().any(|x| x.start <= s.start && s.end <= x.end);
    for (_, sents) in toelichting_zinnen(ctx, true) {
        for s in sents {
            let norm = NormalizedText::new(t.slice(s));
            let text = norm.as_str();
            if DECENTRAAL_FINANCIEEL.is_match(text) {
                return Some(s);
            }
            let laag_woord = DECENTRAAL_ALGEMEEN.is_match(text)
                || ms
                    .iter()
                    .any(|m| laag.omvat(m.org) && s.start <= m.range.start && m.range.end <= s.end);
            let geld = FINANCIEEL.is_match(text);
            // Money and the layer in one sentence; the layer in the financial
            // section; money in the section on decentral government.
            if (laag_woord && (geld || within(&financieel, s))) || (geld && within(&decentraal, s))
            {
                return Some(s);
            }
        }
    }
    None
}

impl Rule for FinancieleGevolgenDecentraalOntbreekt {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some(r), Some(t)) = (ctx.regeling, ctx.toelichting) else {
            return;
        };
        let lagen = decentrale_lagen(ctx);
        let doc_nl = document_nl(t.doc);
        for laag in &lagen {
            let Some(first) = laag.eerste() else { continue };
            if uitspraak(ctx, laag).is_some() {
                continue;
            }
            let meervoud = laag.meervoud;
            let message = format!(
                "{}, maar {doc_nl} zegt niets over de financiële gevolgen voor {meervoud}.",
                laag.onderwerp(&r)
            );
            let help = format!(
                "Beschrijf in de paragraaf over de financiële gevolgen welke kosten de taak voor {meervoud} meebrengt en \
                 hoe die worden bekostigd (artikel 2 Financiële-verhoudingswet, bijvoorbeeld via het gemeentefonds); \
                 zijn er geen financiële gevolgen voor {meervoud}, vermeld dat dan."
            );
            let mut f = Finding::new(
                Which::Regeling,
                Span::new(first.actor.start, first.actor.end),
                message,
            )
            .help(help);
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
            let financieel = ctx
                .sections_with(SectionKey::Financieel)
                .into_iter()
                .filter_map(|i| t.doc.sections.get(i))
                .find(|s| !s.artikelsgewijs);
            if let Some(s) = financieel {
                f = f.related(
                    Which::Toelichting,
                    s.heading,
                    format!("de paragraaf over de financiële gevolgen noemt {meervoud} niet"),
                );
            }
            let wat = artikelen_nl(
                r.doc,
                &laag
                    .houders
                    .iter()
                    .flat_map(|h| h.artikelen())
                    .collect::<Vec<_>>(),
            );
            if let Some(fix) = alinea_fix(
                ctx,
                SectionKey::Financieel,
                "Financiële gevolgen",
                &format!(
                    "[Financiële gevolgen voor {meervoud}: welke kosten brengen de taken in {wat} mee, en hoe worden die \
                     bekostigd (artikel 2 Financiële-verhoudingswet)? Zijn er geen financiële gevolgen, vermeld dat dan.]"
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
