use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{DocumentKind, Span};

use super::slot::{Instrument, instrument, tail};
use crate::rule::{Category, E, OFF, Rule, RuleMeta, Scope, Status};
use crate::text::insert_section_fix;
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting iets zegt over de financiële gevolgen: een kop als
    /// "Financiële gevolgen", "Budgettaire gevolgen", "Budgettaire aspecten" of
    /// "Kosten", of een passage met "financiële gevolgen", "budgettaire
    /// gevolgen", "gevolgen voor de rijksbegroting" of "budgettair neutraal".
    /// Ook "geen financiële gevolgen" telt: juist dat moet er uitdrukkelijk
    /// staan als er geen gevolgen zijn. Een kop "Financiële gevolgen" zonder
    /// tekst eronder wordt ook gemeld.
    ///
    /// Voor een wet is het ontbreken een fout; voor een algemene maatregel van
    /// bestuur of een ministeriële regeling een waarschuwing.
    ///
    /// De regel zwijgt als er geen toelichting is, en telt "financiële
    /// gevolgen" niet mee in een kop of zin die ze juist uitzondert ("Gevolgen
    /// (met uitzondering van financiële gevolgen)").
    ///
    /// ## Waarom
    /// De toelichting vermeldt de financiële gevolgen voor het Rijk en, waar
    /// van toepassing, voor andere overheden, burgers en bedrijven. Zijn er
    /// geen, dan staat dat er uitdrukkelijk (Ar 4.45). De Tweede Kamer en de
    /// Raad van State beoordelen een voorstel mede op zijn budgettaire
    /// gevolgen, en artikel 3.1 van de Comptabiliteitswet 2016 vraagt bij
    /// nieuw beleid een toelichting op doelen, instrumenten en financiering.
    ///
    /// ## Voorbeeld
    /// Een memorie van toelichting met Inleiding, Hoofdlijnen, Uitvoering en
    /// Advies en consultatie, waarin nergens iets staat over kosten of
    /// budgettaire gevolgen.
    ///
    /// ## In plaats daarvan
    /// Neem een paragraaf "Financiële gevolgen" op met de gevolgen voor de
    /// rijksbegroting (bedragen per jaar, dekking), voor medeoverheden en voor
    /// burgers en bedrijven, of met de zin "Dit voorstel heeft geen financiële
    /// gevolgen." De snelle oplossing voegt een paragraafskelet toe.
    ///
    /// ## Bron
    /// Aanwijzing 4.45 (2012: 215); Schrijfwijzer memorie van toelichting §9;
    /// artikel 3.1 Comptabiliteitswet 2016.
    pub struct FinancieleGevolgenVermelding {
        code: "LEG-016",
        name: "financiele-gevolgen-vermelding",
        category: Category::Legistiek,
        summary: "De toelichting vermeldt de financiële gevolgen niet",
        severity: [E, E, E, OFF],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &["4.45"],
        aliases: &[],
    }
}

static PASSAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:financiële|budgettaire)\s+(?:gevolgen|consequenties|effecten|aspecten|paragraaf)\b|\bgevolgen\s+voor\s+de\s+(?:rijks)?begroting\b|\bbudgettair\s+neutraal\b|\bgeen\s+(?:financiële|budgettaire)\s+gevolgen\b")
        .expect("valid regex")
});
static UITGEZONDERD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:met\s+uitzondering\s+van|m\.u\.v\.|anders\s+dan|andere\s+dan|behalve)\s*(?:de\s+)?$").expect("valid regex")
});

impl Rule for FinancieleGevolgenVermelding {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let wet = is_wet(ctx);
        let sections = ctx.sections_with(SectionKey::Financieel);
        let cap = |f: Finding| if wet { f } else { f.at_most(Severity::Warning) };
        if let Some(&s) = sections.first() {
            // A heading without any text under it.
            let any_text = sections.iter().any(|&i| {
                let sec = &t.doc.sections[i];
                let body = t.text.get(sec.heading.end..sec.span.end).unwrap_or("");
                body.chars().any(char::is_alphanumeric)
            });
            if !any_text {
                let sec = &t.doc.sections[s];
                out.push(cap(Finding::new(
                    Which::Toelichting,
                    sec.heading,
                    format!("De paragraaf \"{}\" is leeg.", sec.title.trim()),
                )
                .help(
                    "Beschrijf de gevolgen voor de rijksbegroting en, waar van toepassing, voor andere overheden, burgers \
                     en bedrijven; zijn er geen, vermeld dat dan uitdrukkelijk (Ar 4.45).",
                )));
            }
            return;
        }
        let mentioned = PASSAGE.find_iter(t.text).any(|m| {
            let before = tail(&t.text[..m.start()], 40);
            !UITGEZONDERD.is_match(before.trim_end_matches(['(', ' ']))
        });
        if mentioned {
            return;
        }
        let anchor = t.doc.title.as_ref().map_or(Span::new(0, 0), |s| s.span);
        let mut f = Finding::new(
            Which::Toelichting,
            anchor,
            format!(
                "De {} vermeldt de financiële gevolgen niet, ook niet dat die er niet zijn.",
                t.doc.kind().label_nl()
            ),
        )
        .help(
            "Vermeld de gevolgen voor de rijksbegroting (bedragen per jaar en dekking) en, waar van toepassing, voor \
             andere overheden, burgers en bedrijven. Zijn er geen, schrijf dan uitdrukkelijk dat het voorstel geen \
             financiële gevolgen heeft (Ar 4.45).",
        );
        if let Some(r) = ctx.regeling {
            f = f.related(
                Which::Regeling,
                r.doc.title.as_ref().map_or(Span::new(0, 0), |s| s.span),
                "De regeling waarbij deze toelichting hoort.",
            );
        }
        if let Some(fix) = insert_section_fix(
            ctx,
            "Financiële gevolgen",
            "[Gevolgen voor de rijksbegroting: bedragen per jaar en dekking. Gevolgen voor gemeenten, provincies en \
             waterschappen (artikel 2 Financiële-verhoudingswet). Gevolgen voor burgers en bedrijven. Zijn er geen \
             financiële gevolgen, vermeld dat dan uitdrukkelijk.]",
        ) {
            f = f.fix(fix);
        }
        out.push(cap(f));
    }
}

/// True when the regulation is a formal law (a missing statement is then an error).
fn is_wet(ctx: &Context<'_>) -> bool {
    if let Some(r) = ctx.regeling
        && r.doc.kind().is_regulation()
    {
        return instrument(r.doc) == Some(Instrument::Wet);
    }
    ctx.toelichting
        .is_some_and(|t| t.doc.kind() == DocumentKind::MemorieVanToelichting)
}
