use wetlint_syntax::Span;

use super::analyse::{self, Analysis, HitRole};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status};
use crate::text::{capitalize, join_nl};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of een publieke waarde alleen als woord in de toelichting staat: in een
    /// opsomming van drie of meer waarden, of alleen in een kop, zonder dat de
    /// toelichting ergens uitlegt waarom of hoe het voorstel aan die waarde
    /// bijdraagt. Een waarde is onderbouwd als zij in de lopende tekst staat met
    /// een argument ("omdat", "doordat", "zodat", "waarborgt", "ten koste van",
    /// "afweging", …) in dezelfde of de volgende zin. Bij een opsomming telt een
    /// woord vóór de opsomming ("draagt bij aan een betrouwbare, dienstbare en
    /// rechtvaardige overheid") niet als argument: dat is de bewering zelf.
    ///
    /// De regel zwijgt als de waarde ergens anders in de toelichting wel wordt
    /// onderbouwd, ook met een verwant woord (bij transparantie bijvoorbeeld
    /// "inzichtelijk" of "uitlegbaar"), of als zij ook buiten de opsomming in de
    /// lopende tekst staat. Een argument in de zin na de opsomming telt ook.
    /// Woorden in citaten uit andere stukken tellen niet mee. Aanverwante
    /// rechtsbeginselen (rechtsbescherming, rechtszekerheid, zorgvuldigheid,
    /// evenredigheid) vallen buiten deze regel: een kop als "Algemene wet
    /// bestuursrecht en rechtsbescherming" noemt een onderwerp, geen waarde.
    ///
    /// ## Waarom
    /// Een waarde noemen is haar nog niet onderbouwen. De Schrijfwijzer memorie
    /// van toelichting zegt over de motivering: alleen het regeerakkoord noemen
    /// is onvoldoende. Voor publieke waarden geldt hetzelfde. Een opsomming als
    /// "een betrouwbare, dienstbare en rechtvaardige overheid" zegt de lezer niet
    /// wat het voorstel voor die waarden doet, en geeft de Raad van State niets
    /// om te toetsen.
    ///
    /// ## Voorbeeld
    /// "Bij dit voorstel staan drie waarden voorop: rechtmatigheid,
    /// toegankelijkheid en transparantie. Die keuze sluit aan bij de
    /// sturingsvisie." Daarna wordt toegankelijkheid onderbouwd, maar
    /// transparantie komt niet meer terug.
    ///
    /// ## In plaats daarvan
    /// Onderbouw de waarde met een reden: "Het voorstel vergroot de transparantie,
    /// omdat de burger vooraf het overzicht ziet van de gegevens waarop het
    /// besluit berust." Of laat de waarde uit de opsomming weg als het voorstel
    /// haar niet raakt.
    ///
    /// ## Bron
    /// BZK, sturingsvisie rijksoverheid (2025); Schrijfwijzer memorie van
    /// toelichting, §3 ("Het alleen noemen van het regeerakkoord als motivering is
    /// onvoldoende"); catalogus §2.B.
    pub struct WaardeGenoemdNietOnderbouwd {
        code: "WAARDE-003",
        name: "waarde-genoemd-niet-onderbouwd",
        category: Category::Waarden,
        summary: "Een publieke waarde wordt alleen opgesomd, niet onderbouwd",
        severity: [I, I, I, I],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &[],
    }
}

fn number_nl(n: usize) -> String {
    match n {
        3 => "drie".into(),
        4 => "vier".into(),
        5 => "vijf".into(),
        6 => "zes".into(),
        7 => "zeven".into(),
        8 => "acht".into(),
        _ => n.to_string(),
    }
}

/// Number of distinct values in an enumeration.
fn enumeration_size(analysis: &Analysis<'_>, e: Span) -> usize {
    let mut ids: Vec<&str> = analysis
        .hits
        .iter()
        .filter(|h| h.enumeration == Some(e))
        .map(|h| h.value_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

impl Rule for WaardeGenoemdNietOnderbouwd {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(analysis) = analyse::analyse(ctx) else {
            return;
        };
        // Values named only in enumerations, grouped by their first enumeration.
        let mut by_enum: Vec<(Span, Option<usize>, Vec<String>)> = Vec::new();
        // Values that occur only in a heading.
        let mut by_heading: Vec<(Span, Option<usize>, String)> = Vec::new();
        for w in ctx
            .data
            .waarden()
            .iter()
            .filter(|w| analyse::is_policy_value(w))
        {
            let id = w.id();
            if analysis.argued(id)
                || !analysis
                    .of(id)
                    .any(|h| h.core() && matches!(h.role, HitRole::Body | HitRole::Heading))
            {
                continue;
            }
            let named: Vec<_> = analysis.of(id).filter(|h| h.named()).collect();
            if let Some(first) = named.first() {
                if !named.iter().all(|h| h.enumeration.is_some()) || !named.iter().any(|h| h.core())
                {
                    continue;
                }
                let Some(e) = first.enumeration else { continue };
                match by_enum.iter_mut().find(|(s, _, _)| *s == e) {
                    Some((_, _, names)) => names.push(analyse::name_nl(w)),
                    None => by_enum.push((e, first.section, vec![analyse::name_nl(w)])),
                }
            } else if let Some(h) = analysis
                .of(id)
                .find(|h| h.role == HitRole::Heading && h.core())
            {
                by_heading.push((
                    Span::new(h.range.start, h.range.end),
                    h.section,
                    analyse::name_nl(w),
                ));
            }
        }
        for (e, section, names) in by_enum {
            let (subject, verb) = if names.len() == 1 {
                (names[0].clone(), "wordt")
            } else {
                (join_nl(&names), "worden")
            };
            let message = format!(
                "{} {verb} alleen genoemd in een opsomming van {} waarden in {}, en nergens in de toelichting onderbouwd.",
                capitalize(&subject),
                number_nl(enumeration_size(&analysis, e)),
                analyse::section_label(ctx, section),
            );
            out.push(Finding::new(Which::Toelichting, e, message).help(format!(
                "Leg met een reden uit wat het voorstel voor {subject} betekent, bijvoorbeeld: 'Het voorstel draagt \
                 bij aan {}, omdat …'. Raakt het voorstel deze waarde niet, laat haar dan weg uit de opsomming.",
                names[0]
            )));
        }
        for (span, section, name) in by_heading {
            let heading = section.and_then(|i| ctx.toelichting?.doc.sections.get(i));
            let message = match heading {
                Some(s) => format!(
                    "{} heeft de kop '{}', maar de tekst van de toelichting noemt of onderbouwt {name} nergens.",
                    capitalize(
                        &s.number
                            .as_ref()
                            .map_or("De paragraaf".to_string(), |n| format!("paragraaf {n}"))
                    ),
                    s.title
                ),
                None => format!(
                    "Een kop noemt {name}, maar de tekst van de toelichting noemt of onderbouwt die waarde nergens."
                ),
            };
            out.push(Finding::new(Which::Toelichting, span, message).help(format!(
                "Leg in de tekst onder de kop met een reden uit wat het voorstel voor {name} betekent ('… omdat …'), \
                 of pas de kop aan."
            )));
        }
    }
}
