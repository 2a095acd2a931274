use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::BlockKind;

use super::common::{self, Verwerking, Zin, re};
use crate::rule::{Category, E, I, Profile, Rule, RuleMeta, Scope, Status, W};
use crate::rules::uitvoering::plichten;
use crate::text::{capitalize, insert_section_fix};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting de verwerking van persoonsgegevens toetst aan de
    /// Algemene verordening gegevensbescherming als de regeling
    /// persoonsgegevens verwerkt: de woorden persoonsgegevens,
    /// burgerservicenummer of BSN, gegevens over gezondheid of strafrechtelijke
    /// gegevens, profilering, geautomatiseerde besluitvorming, risicomodellen of
    /// algoritmen, of het verstrekken, ontvangen of koppelen van gegevens in
    /// een zin die over natuurlijke personen gaat (ingezetenen, betrokkenen,
    /// verzekerden, ouders, …).
    ///
    /// Als AVG-analyse telt een paragraaf over gegevensbescherming, privacy of
    /// de verwerking van persoonsgegevens, of een zin in de eigen tekst van de
    /// toelichting die de AVG of UAVG noemt, de grondslag voor de verwerking,
    /// doelbinding, een DPIA of gegevensbeschermingseffectbeoordeling.
    ///
    /// In het profiel indiening ook: de toelichting noemt het advies van de
    /// Autoriteit Persoonsgegevens (fout als het ontbreekt) en een DPIA
    /// (waarschuwing als die ontbreekt). Wat met het AP-advies is gedaan,
    /// controleert PROC-002.
    ///
    /// De regel zwijgt zonder toelichting, als de regeling geen persoonsgegevens
    /// verwerkt (een ontkenning als "geen persoonsgegevens" in de regeling telt
    /// niet als verwerking), en als de toelichting uitlegt dat de regeling geen
    /// persoonsgegevens verwerkt ("Bij de uitvoering worden geen
    /// persoonsgegevens verwerkt; het gaat uitsluitend om gegevens van
    /// rechtspersonen"). Bij een algemene maatregel van bestuur of
    /// ministeriële regeling ter uitvoering van een wet staat de AVG-analyse
    /// meestal in de memorie van toelichting bij die wet; daar volstaat een zin
    /// die zegt waarom de gegevens nodig zijn ("Het burgerservicenummer is
    /// nodig om de aanvrager te identificeren"). Zonder regeling leest de
    /// regel alleen de toelichting: zegt die zelf dat persoonsgegevens worden
    /// verwerkt, dan geldt hetzelfde.
    ///
    /// ## Waarom
    /// De toelichting gaat in op de gevolgen voor de verwerking van
    /// persoonsgegevens (Aanwijzing 4.43, onder d). Een wettelijke regeling die
    /// een verwerking voorschrijft, is de grondslag in de zin van artikel 6,
    /// derde lid, AVG; de toelichting laat zien dat die verwerking noodzakelijk
    /// en proportioneel is, voor welk doel, en welke waarborgen er zijn. De
    /// DPIA is een verplichte kwaliteitseis van het Beleidskompas, en de AP
    /// wordt over wetgeving met verwerkingen om advies gevraagd (artikel 36,
    /// vierde lid, AVG).
    ///
    /// ## Voorbeeld
    /// Artikel 6: "Het college verstrekt Onze Minister de naam, het adres en het
    /// burgerservicenummer van de aanvragers." De toelichting noemt de AVG
    /// nergens.
    ///
    /// ## In plaats daarvan
    /// Een paragraaf "Gegevensbescherming": wie verwerkingsverantwoordelijke is,
    /// de grondslag (artikel 6, eerste lid, onder c of e, AVG), de doelen, welke
    /// gegevens en waarom die nodig zijn (noodzaak, proportionaliteit,
    /// subsidiariteit), bewaartermijnen, de uitkomst van de DPIA en het advies
    /// van de AP met wat ermee is gedaan.
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder d, van de Aanwijzingen voor de regelgeving;
    /// Beleidskompas, verplichte kwaliteitseis Data Protection Impact
    /// Assessment; artikelen 6 en 36, vierde lid, AVG.
    pub struct Gegevensbescherming {
        code: "PROC-005",
        name: "gegevensbescherming",
        category: Category::Proces,
        summary: "Verwerking van persoonsgegevens zonder AVG-analyse in de toelichting",
        severity: [W, W, E, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.43"],
        aliases: &[],
    }
}

/// Terms of an AVG analysis.
static AVG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bavg\b|\buavg\b|\balgemene verordening gegevensbescherming\b|\buitvoeringswet algemene verordening gegevensbescherming\b|\bgrondslag (?:voor|van) (?:de|deze|die) (?:gegevens)?verwerking\w*|\bdoelbinding\b|\bverwerkingsverantwoordelijke\b|\bdpia\b|\bgegevensbeschermingseffectbeoordeling\w*|\bprivacy impact assessment\b|\bverordening \(eu\) 2016/679\b",
    )
});
/// The toelichting says no personal data are processed.
static GEEN_PERSOONSGEGEVENS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bgeen (?:andere |nieuwe |extra |aanvullende )?persoonsgegevens\b|\bpersoonsgegevens (?:worden|zijn) (?:daarbij |hierbij |daarvoor )?niet (?:verwerkt|nodig|vereist)\b|\bgeen (?:nieuwe )?verwerking(?:en)? van persoonsgegevens\b|\bniet tot (?:een |nieuwe )?verwerking(?:en)? van persoonsgegevens\b|\bgeen gevolgen voor (?:de )?(?:privacy|bescherming van persoonsgegevens|gegevensbescherming)\b",
    )
});
/// The toelichting says personal data are processed (a trigger without a regulation).
static VERWERKT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bverwerking van persoonsgegevens\b|\bpersoonsgegevens\b[^.;]{0,40}?\b(?:verwerkt|verstrekt|uitgewisseld|gekoppeld)\b|\b(?:verwerkt|verstrekt|verwerken|verstrekken)\b[^.;]{0,40}?\bpersoonsgegevens\b|\bburgerservicenummer\b",
    )
});
/// Why data are needed ("is nodig om", "noodzakelijk voor").
static NODIG: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bnodig\b|\bnoodzakelijk\w*|\bomdat\b|\bzodat\b"));
/// The Autoriteit Persoonsgegevens (a name the lexicon may miss after normalisation).
static AP_NAAM: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bautoriteit persoonsgegevens\b|\bap-advies\b"));

impl Rule for Gegevensbescherming {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let zinnen = common::zinnen(t);
        let eigen: Vec<&Zin> = zinnen
            .iter()
            .filter(|z| z.eigen() && z.kind != BlockKind::Heading)
            .collect();
        let verwerkingen: Vec<Verwerking> = common::verwerkingen(ctx);
        let t_trigger = if ctx.regeling.is_none() {
            eigen
                .iter()
                .find(|z| {
                    z.vind(&VERWERKT).is_some_and(|m| {
                        !common::ontkend(
                            &t.slice(wetlint_syntax::Span::new(z.span.start, m.start))
                                .to_lowercase(),
                        )
                    })
                })
                .map(|z| z.span)
        } else {
            None
        };
        if verwerkingen.is_empty() && t_trigger.is_none() {
            return;
        }
        // Explained: no personal data after all.
        if eigen.iter().any(|z| z.heeft(&GEEN_PERSOONSGEGEVENS)) {
            return;
        }
        let doc_nl = common::document_nl(t.doc);
        let sectie = !ctx.sections_with(SectionKey::Privacy).is_empty();
        let analyse = sectie || eigen.iter().any(|z| z.heeft(&AVG));
        // An implementing regulation: the AVG analysis is in the law's
        // explanation; a reason why the data are needed is enough.
        if !analyse
            && common::is_uitvoeringsregeling(ctx)
            && verwerkingen.iter().any(|v| {
                let woord = wetlint_data::normalize::normalize(&v.woorden);
                eigen.iter().any(|z| {
                    z.tekst().contains(&woord)
                        && (z.heeft(&NODIG) || common::uitleg_in(ctx, z.span))
                })
            })
        {
            return;
        }

        if !analyse {
            let wat = match (ctx.regeling, verwerkingen.first()) {
                (Some(r), Some(v)) => {
                    let arts: Vec<usize> = verwerkingen.iter().map(|v| v.article).collect();
                    format!(
                        "{} verwerkt persoonsgegevens ('{}')",
                        capitalize(&plichten::articles_phrase(r.doc, &arts)),
                        v.woorden
                    )
                }
                _ => format!("Volgens {doc_nl} worden persoonsgegevens verwerkt"),
            };
            let anchor = t_trigger.unwrap_or_else(|| {
                common::anker(ctx, &[SectionKey::HogerRecht, SectionKey::Gevolgen])
            });
            let mut f = Finding::new(
                Which::Toelichting,
                anchor,
                format!(
                    "{wat}, maar {doc_nl} bevat geen analyse aan de hand van de AVG (Ar 4.43, onder d)."
                ),
            )
            .help(
                "Beschrijf de verwerkingsverantwoordelijke, de grondslag (artikel 6 AVG), de doelen, welke gegevens \
                 nodig zijn en waarom (noodzaak, proportionaliteit, subsidiariteit), de bewaartermijnen, de DPIA en \
                 het advies van de Autoriteit Persoonsgegevens.",
            );
            if let Some(r) = ctx.regeling {
                let mut seen: Vec<usize> = Vec::new();
                for v in &verwerkingen {
                    if seen.contains(&v.article) || seen.len() >= 5 {
                        continue;
                    }
                    seen.push(v.article);
                    f = f.related(
                        Which::Regeling,
                        v.span,
                        format!(
                            "{}: verwerking van persoonsgegevens ('{}')",
                            capitalize(&plichten::article_label(r.doc, v.article)),
                            v.woorden
                        ),
                    );
                }
            }
            if let Some(fix) = insert_section_fix(
                ctx,
                "Gegevensbescherming",
                "[Welke persoonsgegevens worden verwerkt, door wie en voor welk doel? Wat is de grondslag \
                 (artikel 6 AVG)? Waarom is de verwerking noodzakelijk en proportioneel? Bewaartermijnen? Uitkomst \
                 van de DPIA? Advies van de Autoriteit Persoonsgegevens en wat ermee is gedaan?]",
            ) {
                f = f.fix(fix);
            }
            out.push(f);
            return;
        }

        // The indieningsversie: AP advice and DPIA.
        if ctx.profile != Profile::Indiening {
            return;
        }
        let anchor = common::anker(ctx, &[SectionKey::Privacy, SectionKey::HogerRecht]);
        let ap = ctx
            .orgs(Which::Toelichting)
            .iter()
            .any(|h| h.org_id == "ap")
            || ctx
                .toetsen(Which::Toelichting)
                .iter()
                .any(|h| h.toets_id == "ap-advies")
            || zinnen.iter().any(|z| z.heeft(&AP_NAAM));
        if !ap {
            out.push(
                Finding::new(
                    Which::Toelichting,
                    anchor,
                    format!(
                        "{} noemt het advies van de Autoriteit Persoonsgegevens niet, terwijl de regeling \
                         persoonsgegevens verwerkt.",
                        capitalize(&doc_nl)
                    ),
                )
                .help(
                    "Vermeld wanneer de AP heeft geadviseerd (artikel 36, vierde lid, AVG), wat zij adviseerde en \
                     wat daarmee is gedaan; of waarom geen advies is gevraagd.",
                ),
            );
        }
        let dpia = ctx
            .toetsen(Which::Toelichting)
            .iter()
            .any(|h| h.toets_id == "dpia");
        if !dpia {
            out.push(
                Finding::new(
                    Which::Toelichting,
                    anchor,
                    format!(
                        "{} zegt niet of een DPIA (gegevensbeschermingseffectbeoordeling) is uitgevoerd.",
                        capitalize(&doc_nl)
                    ),
                )
                .help(
                    "Vermeld de uitkomst van de DPIA (verplichte kwaliteitseis van het Beleidskompas) en welke \
                     risico's zij aanwees, of waarom er geen is uitgevoerd.",
                )
                .at_most(Severity::Warning),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let n = |s: &str| wetlint_data::normalize::normalize(s);
        assert!(AVG.is_match(&n(
            "De grondslag is artikel 6, eerste lid, onderdeel e, van de AVG."
        )));
        assert!(GEEN_PERSOONSGEGEVENS.is_match(&n(
            "Bij de uitvoering worden geen persoonsgegevens verwerkt."
        )));
        assert!(VERWERKT.is_match(&n("De SVB verwerkt daarvoor persoonsgegevens.")));
        assert!(AP_NAAM.is_match(&n("De Autoriteit Persoonsgegevens heeft geadviseerd.")));
    }
}
