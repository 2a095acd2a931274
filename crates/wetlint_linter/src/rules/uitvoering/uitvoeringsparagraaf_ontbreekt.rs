use wetlint_data::SectionKey;
use wetlint_diagnostics::Severity;
use wetlint_syntax::{DocumentKind, Span};

use crate::rule::{Category, E, I, Rule, RuleMeta, Scope, Status};
use crate::text::{insert_section_fix, sentences};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting een paragraaf over de uitvoering heeft: een kop als
    /// "Uitvoering", "Uitvoerbaarheid en handhaafbaarheid", "Gevolgen voor de
    /// uitvoering" of "Uitvoeringstoetsen", of ten minste een passage van drie
    /// zinnen over de uitvoering.
    ///
    /// ## Waarom
    /// De toelichting moet ingaan op de uitvoerings- en handhavingsaspecten
    /// (Ar 4.43, onder c). Wie de regeling uitvoert, wat dat vraagt en wat de
    /// uitvoeringsorganisaties ervan vinden, hoort er voor de Tweede Kamer en de
    /// Raad van State te staan. Dit is de kern van het beleid "Naar een
    /// uitvoerende macht": regelgeving moet uitvoerbaar zijn, en de toelichting
    /// laat zien dat dit is nagegaan.
    ///
    /// ## Voorbeeld
    /// Een memorie van toelichting met de paragrafen Inleiding, Hoofdlijnen,
    /// Financiële gevolgen en Advies en consultatie, maar zonder Uitvoering.
    ///
    /// ## In plaats daarvan
    /// Neem een paragraaf "Uitvoering" op die beantwoordt wie de regeling
    /// uitvoert, welke uitvoeringstoetsen zijn gedaan (U&H, UDO), wat de
    /// uitkomsten waren en wat daarmee is gedaan, en of de invoeringstermijn
    /// haalbaar is (Schrijfwijzer memorie van toelichting, §7). Een
    /// gecombineerde kop "Uitvoering, toezicht en handhaving" volstaat.
    ///
    /// Een toelichting bij een ministeriële regeling mag kort zijn; daar is
    /// dit een waarschuwing in plaats van een fout.
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder c; Schrijfwijzer memorie van toelichting §7.
    pub struct UitvoeringsparagraafOntbreekt {
        code: "UITV-002",
        name: "uitvoeringsparagraaf-ontbreekt",
        category: Category::Uitvoering,
        summary: "De toelichting heeft geen paragraaf over de uitvoering",
        severity: [E, E, E, I],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &["4.43"],
    }
}

/// True when the regulation (or, alone, the toelichting) is a ministeriële regeling.
pub(crate) fn is_ministeriele_regeling(ctx: &Context<'_>) -> bool {
    match (ctx.regeling, ctx.toelichting) {
        (Some(r), _) if r.doc.kind() != DocumentKind::Unknown => {
            r.doc.kind() == DocumentKind::MinisterieleRegeling
        }
        (_, Some(t)) => t.doc.kind() == DocumentKind::Toelichting,
        _ => false,
    }
}

impl Rule for UitvoeringsparagraafOntbreekt {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        if !ctx.sections_with(SectionKey::Uitvoering).is_empty() {
            return;
        }
        // A passage of at least three sentences about the uitvoering counts too.
        let passage = t.doc.blocks.iter().any(|b| {
            let sents = sentences(t.text, b.text);
            sents.len() >= 3
                && sents
                    .iter()
                    .filter(|s| {
                        let lower = t.slice(**s).to_lowercase();
                        lower.contains("uitvoering") || lower.contains("uitvoerbaar")
                    })
                    .count()
                    >= 1
                && {
                    let lower = t.slice(b.text).to_lowercase();
                    lower.matches("uitvoer").count() >= 2
                }
        });
        if passage {
            return;
        }
        let anchor = t.doc.title.as_ref().map_or(Span::new(0, 0), |s| s.span);
        let mut f = Finding::new(
            Which::Toelichting,
            anchor,
            format!("De {} heeft geen paragraaf over de uitvoering.", t.doc.kind().label_nl()),
        )
        .help(
            "Beschrijf wie de regeling uitvoert, welke uitvoeringstoetsen zijn gedaan, wat de uitkomsten \
             waren en wat daarmee is gedaan (Schrijfwijzer §7).",
        );
        if is_ministeriele_regeling(ctx) {
            f = f.at_most(Severity::Warning);
        }
        if let Some(fix) = insert_section_fix(
            ctx,
            "Uitvoering",
            "[Wie voert de regeling uit? Welke uitvoeringstoetsen zijn gedaan (uitvoeringstoets, UDO)? \
             Wat zijn de uitkomsten en wat is ermee gedaan? Is de invoeringstermijn haalbaar?]",
        ) {
            f = f.fix(fix);
        }
        out.push(f);
    }
}
