use wetlint_data::ValueGroup;
use wetlint_syntax::Span;

use super::analyse::{self, HitRole};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status};
use crate::text::join_nl;
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Welke publieke waarden de toelichting noemt en welke zij ook
    /// onderbouwt. Dit is een overzicht, geen gebrek: de regel geeft per
    /// toelichting één melding bij de titel, met drie lijsten:
    ///
    /// - *genoemd en onderbouwd*: de waarde staat in de lopende tekst, met in
    ///   dezelfde of de volgende zin een argument ("omdat", "doordat", "zodat",
    ///   "draagt bij aan", "waarborgt", "ten koste van", "afweging", …);
    /// - *alleen genoemd*: de waarde staat er, maar zonder argument;
    /// - *niet genoemd* uit de vijf BZK-kernwaarden (rechtmatigheid,
    ///   verantwoordelijkheid, betrouwbaarheid, rechtvaardigheid, deskundigheid).
    ///
    /// Alleen de woordvormen uit `rules/waarden.toml` tellen. Woorden in koppen,
    /// in citaten uit andere stukken en in standaardzinnen (het model van de
    /// evaluatiebepaling: "verslag over de doeltreffendheid en de effecten",
    /// artikel 3.1 Comptabiliteitswet 2016) tellen niet als noemen. Valse
    /// vrienden tellen ook niet: "inclusief btw", "rechtvaardigt" of
    /// "gerechtvaardigd" (dat is een argument, niet de waarde
    /// rechtvaardigheid), "erfdienstbaarheid", "de betrokkene", "naar
    /// evenredigheid", "verwerkingsverantwoordelijke", "rechtmatigheid van de
    /// uitgaven".
    ///
    /// Het volledige overzicht per waarde en per paragraaf (de matrix) toont de
    /// taalserver naast de tekst en het batchrapport als heatmap.
    ///
    /// ## Waarom
    /// De sturingsvisie van BZK (2025) vraagt de rijksoverheid te sturen op een
    /// brede set publieke waarden, niet alleen op doeltreffendheid en
    /// doelmatigheid. De vijf kernwaarden zijn rechtmatigheid,
    /// verantwoordelijkheid, betrouwbaarheid, rechtvaardigheid en
    /// deskundigheid. Het overzicht laat de wetgevingsjurist zien welke
    /// waarden de toelichting al draagt en welke alleen als woord voorkomen.
    ///
    /// ## Voorbeeld
    /// Een memorie van toelichting met de zin "Bij dit voorstel staan
    /// toegankelijkheid en transparantie voorop." en later "De toegankelijkheid
    /// wordt vergroot doordat de berichten op taalniveau B1 worden geschreven."
    /// geeft: *Genoemd en onderbouwd: toegankelijkheid; alleen genoemd:
    /// transparantie; niet genoemd uit de BZK-kernwaarden: rechtmatigheid, …*
    ///
    /// ## In plaats daarvan
    /// Gebruik het overzicht als controlelijst. Licht toe hoe het voorstel zich
    /// verhoudt tot de waarden die ertoe doen, met een reden: "Het voorstel
    /// vergroot de transparantie, omdat de burger vooraf ziet op welke gegevens
    /// het besluit berust." Een waarde die geen rol speelt, hoeft niet genoemd
    /// te worden; de regel eist niets.
    ///
    /// ## Bron
    /// BZK, sturingsvisie rijksoverheid (weblog "Nieuwe sturingsvisie voor de
    /// Rijksoverheid", 7 augustus 2025); catalogus §2.B en §3.2.
    pub struct WaardenDekking {
        code: "WAARDE-001",
        name: "waarden-dekking",
        category: Category::Waarden,
        summary: "Overzicht van de publieke waarden die de toelichting noemt en onderbouwt",
        severity: [I, I, I, I],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &[],
    }
}

impl Rule for WaardenDekking {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let Some(analysis) = analyse::analyse(ctx) else {
            return;
        };
        let mut waarden: Vec<_> = ctx.data.waarden().iter().collect();
        // BZK core values first, then the UWV/SVB values, then the rest.
        waarden.sort_by_key(|w| {
            (
                !w.in_group(ValueGroup::BzkKern),
                !w.in_group(ValueGroup::UwvSvb),
            )
        });
        let label = |w: &wetlint_data::Waarde| {
            let core = analysis.of(w.id()).any(|h| h.named() && h.core());
            if core {
                analyse::name_nl(w)
            } else {
                format!("{} (alleen verwante woorden)", analyse::name_nl(w))
            }
        };
        let policy = analyse::is_policy_value;
        let argued: Vec<String> = waarden
            .iter()
            .filter(|w| policy(w))
            .filter(|w| analysis.argued(w.id()))
            .map(|w| label(w))
            .collect();
        let named_only: Vec<&wetlint_data::Waarde> = waarden
            .iter()
            .copied()
            .filter(|w| policy(w) && analysis.named(w.id()) && !analysis.argued(w.id()))
            .collect();
        let missing_core: Vec<String> = waarden
            .iter()
            .filter(|w| w.in_group(ValueGroup::BzkKern) && !analysis.named(w.id()))
            .map(|w| analyse::name_nl(w))
            .collect();
        let principles: Vec<String> = waarden
            .iter()
            .filter(|w| !policy(w) && analysis.named(w.id()))
            .map(|w| analyse::name_nl(w))
            .collect();

        let none = || "geen".to_string();
        let mut parts = vec![
            format!(
                "genoemd en onderbouwd: {}",
                if argued.is_empty() {
                    none()
                } else {
                    join_nl(&argued)
                }
            ),
            format!(
                "alleen genoemd: {}",
                if named_only.is_empty() {
                    none()
                } else {
                    join_nl(&named_only.iter().map(|w| label(w)).collect::<Vec<_>>())
                }
            ),
            format!(
                "niet genoemd uit de BZK-kernwaarden: {}",
                if missing_core.is_empty() {
                    none()
                } else {
                    join_nl(&missing_core)
                }
            ),
        ];
        if !principles.is_empty() {
            parts.push(format!(
                "aanverwante beginselen genoemd: {}",
                join_nl(&principles)
            ));
        }
        let message = format!(
            "Publieke waarden in de {}: {}.",
            t.doc.kind().label_nl(),
            parts.join("; ")
        );
        let anchor = t
            .doc
            .title
            .as_ref()
            .map(|s| s.span)
            .or_else(|| t.doc.sections.first().map(|s| s.heading))
            .unwrap_or(Span::new(0, 0));
        let mut f = Finding::new(Which::Toelichting, anchor, message).help(
            "Dit is een overzicht, geen gebrek. Onderbouw de waarden die voor dit voorstel ertoe doen met een reden \
             ('… omdat …', '… doordat …'); een waarde die alleen genoemd wordt, draagt de toelichting niet.",
        );
        for w in named_only.iter().take(5) {
            if let Some(h) = analysis.of(w.id()).find(|h| h.role == HitRole::Body) {
                f = f.related(
                    Which::Toelichting,
                    Span::new(h.range.start, h.range.end),
                    if h.core() {
                        format!(
                            "{} genoemd, niet onderbouwd",
                            crate::text::capitalize(&analyse::name_nl(w))
                        )
                    } else {
                        let word = t.text.get(h.range.clone()).unwrap_or(h.form).to_lowercase();
                        format!(
                            "{} genoemd (verwant woord '{word}'), niet onderbouwd",
                            crate::text::capitalize(&analyse::name_nl(w))
                        )
                    },
                );
            }
        }
        out.push(f);
    }
}
