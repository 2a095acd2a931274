use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_data::normalize::NormalizedText;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::BlockKind;

use super::common::{self, Zin, re};
use crate::rule::{Category, OFF, Rule, RuleMeta, Scope, Status, W};
use crate::rules::uitvoering::plichten;
use crate::text::{capitalize, insert_section_fix};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting zegt of en hoe de regeling geldt in Caribisch
    /// Nederland (Bonaire, Sint Eustatius en Saba), en waarom niet als zij daar
    /// niet geldt.
    ///
    /// - Noemt de toelichting Caribisch Nederland, Bonaire, Sint Eustatius,
    ///   Saba, de BES-eilanden of de openbare lichamen nergens (de lijst
    ///   `caribisch-nederland`), dan is dat een melding. Staat in de regeling
    ///   een bepaling over de openbare lichamen, dan wijst de melding daarheen.
    /// - Zegt de toelichting alleen dat de regeling daar niet geldt ("Dit
    ///   besluit is niet van toepassing in Caribisch Nederland."), dan staat in
    ///   die zin, de zinnen erna of de paragraaf over Caribisch Nederland
    ///   waarom: "omdat", "om die reden", "vanwege", "de situatie wijkt af",
    ///   "daar geldt de Wet … BES", "geen aanleiding" (comply or explain).
    ///
    /// De regel zwijgt zonder toelichting, en bij elke uitspraak over de
    /// toepassing in Caribisch Nederland die geen ontkenning is ("De wet geldt
    /// ook in de openbare lichamen …"). Bij een algemene maatregel van bestuur
    /// of ministeriële regeling ter uitvoering van een wet volgt het
    /// territoriale bereik meestal uit die wet; daar is een ontbrekende passage
    /// alleen een hint (info), tenzij de regeling zelf over de openbare
    /// lichamen gaat.
    ///
    /// ## Waarom
    /// De toelichting gaat in op de positie van Bonaire, Sint Eustatius en Saba
    /// (Aanwijzing 4.43, onder i). Het kabinet hanteert voor Caribisch
    /// Nederland het beginsel "comply or explain": nieuwe regelgeving geldt in
    /// beginsel ook daar, en wie daarvan afwijkt, legt uit waarom (Kamerstukken
    /// II 2024/25, 36600 IV, nr. 70).
    ///
    /// ## Voorbeeld
    /// Een memorie van toelichting bij een wet over een nieuwe uitkering die
    /// Caribisch Nederland nergens noemt; of: "De wet geldt niet voor Caribisch
    /// Nederland." zonder reden.
    ///
    /// ## In plaats daarvan
    /// "De wet is niet van toepassing in Caribisch Nederland. De inkomens- en
    /// uitkeringsregelingen op de eilanden zijn in eigen BES-wetgeving
    /// geregeld, die op de lokale omstandigheden is afgestemd; om die reden …".
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder i, van de Aanwijzingen voor de regelgeving;
    /// Kamerbrief comply or explain Caribisch Nederland (Kamerstukken II
    /// 2024/25, 36600 IV, nr. 70); Schrijfwijzer memorie van toelichting.
    pub struct CaribischNederland {
        code: "PROC-006",
        name: "caribisch-nederland",
        category: Category::Proces,
        summary: "De toelichting zegt niets over Caribisch Nederland",
        severity: [W, W, W, OFF],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &["4.43"],
        aliases: &[],
    }
}

/// The regulation or a part of it does not apply there.
static NIET_VAN_TOEPASSING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bniet van toepassing\b|\b(?:geldt|gelden|gaat|gaan|werkt|werken)\b[^.;]{0,60}?\bniet\b|\bniet\b[^.;]{0,40}?\b(?:gelden|geldt|gaan gelden|in werking|ingevoerd|van kracht)\b|\bbuiten toepassing\b|\bbeperkt (?:zich )?tot (?:het )?europe(?:es|se deel van) nederland\b|\buitsluitend (?:in|voor) (?:het )?europe(?:es|se deel van) nederland\b|\balleen (?:in|voor) (?:het )?europe(?:es|se deel van) nederland\b",
    )
});
/// Reasons beyond the `uitleg` list.
static REDEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bomdat\b|\baangezien\b|\bvanwege\b|\bwegens\b|\bgezien\b|\bdoordat\b|\bdaarom\b|\bom (?:die|deze) reden\b|\bgelet op\b|\bin verband met\b|\bwijk\w*\b[^.;]{0,60}?\baf\b|\banders (?:geregeld|georganiseerd|ingericht)\b|\beigen (?:wet|regel)geving\b|\bbes-(?:wet|regel)geving\b|\bwet [^.;]{1,60}? bes\b|\bbesluit [^.;]{1,60}? bes\b|\bafzonderlijke regeling\b|\bgeen (?:aanleiding|behoefte|noodzaak)\b|\bniet (?:nodig|noodzakelijk|zinvol|relevant|van belang|aan de orde)\b|\bkomt? (?:daar |er |op de eilanden )?niet voor\b|\bdifferentiatie\b|\blgo\b|\blanden en gebieden overzee\b|\bkleinschalig\w*\b|\bniet beschikbaar\b",
    )
});
/// A provision of the regulation about the openbare lichamen.
static BES_REGELING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bopenbare lichamen bonaire, sint eustatius en saba\b|\bopenbaar lichaam (?:bonaire|sint eustatius|saba)\b|\bcaribisch nederland\b|\bbes-eilanden\b",
    )
});

impl Rule for CaribischNederland {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let zinnen = common::zinnen(t);
        let doc_nl = common::document_nl(t.doc);
        let noemt: Vec<usize> = zinnen
            .iter()
            .enumerate()
            .filter(|(_, z)| z.eigen() && common::signaal_in(ctx, "caribisch-nederland", z.span))
            .map(|(i, _)| i)
            .collect();
        let bes_secties = ctx.sections_with(SectionKey::Bes);

        if noemt.is_empty() && bes_secties.is_empty() {
            // A provision in the regulation about the islands.
            let bepaling = ctx.regeling.and_then(|r| {
                plichten::artikelzinnen(r, true)
                    .into_iter()
                    .find_map(|(a, s)| {
                        let n = NormalizedText::new(r.slice(s));
                        BES_REGELING.is_match(n.as_str()).then_some((a, s))
                    })
            });
            let mut f = Finding::new(
                Which::Toelichting,
                common::anker(ctx, &[SectionKey::NationaalRecht, SectionKey::HogerRecht]),
                match (ctx.regeling, bepaling) {
                    (Some(r), Some((a, _))) => format!(
                        "{} gaat over de toepassing in Caribisch Nederland, maar {doc_nl} licht niet toe hoe de \
                         regeling daar werkt (Ar 4.43, onder i).",
                        capitalize(&plichten::article_label(r.doc, a))
                    ),
                    _ => format!(
                        "{} zegt niet of de regeling geldt in Caribisch Nederland (Bonaire, Sint Eustatius en Saba) \
                         (Ar 4.43, onder i).",
                        capitalize(&doc_nl)
                    ),
                },
            )
            .help(
                "Vermeld of de regeling ook in Caribisch Nederland geldt. Zo niet, leg uit waarom (comply or \
                 explain); zo ja, welke aanpassingen voor de eilanden nodig zijn.",
            );
            match (ctx.regeling, bepaling) {
                (Some(r), Some((a, s))) => {
                    f = f.related(
                        Which::Regeling,
                        s,
                        format!(
                            "{} gaat over de openbare lichamen",
                            capitalize(&plichten::article_label(r.doc, a))
                        ),
                    );
                }
                _ if common::is_uitvoeringsregeling(ctx) => {
                    f = f.at_most(Severity::Info);
                }
                _ => {}
            }
            if let Some(fix) = insert_section_fix(
                ctx,
                "Caribisch Nederland",
                "[Geldt de regeling ook in Caribisch Nederland (Bonaire, Sint Eustatius en Saba)? Zo niet, waarom \
                 niet (comply or explain)? Zo ja, welke aanpassingen zijn voor de eilanden nodig?]",
            ) {
                f = f.fix(fix);
            }
            out.push(f);
            return;
        }

        // Only "does not apply", without a reason?
        let ontkennend: Vec<usize> = noemt
            .iter()
            .copied()
            .filter(|&i| {
                zinnen[i].kind != BlockKind::Heading && zinnen[i].heeft(&NIET_VAN_TOEPASSING)
            })
            .collect();
        let Some(&eerste) = ontkennend.first() else {
            return;
        };
        if ontkennend
            .iter()
            .any(|&i| reden_bij(ctx, &zinnen, i, &bes_secties))
        {
            return;
        }
        let z = &zinnen[eerste];
        out.push(
            Finding::new(
                Which::Toelichting,
                z.span,
                format!(
                    "{} zegt dat de regeling niet geldt in Caribisch Nederland, maar niet waarom (comply or explain).",
                    capitalize(&doc_nl)
                ),
            )
            .help(
                "Leg uit waarom de regeling niet in Caribisch Nederland geldt: bijvoorbeeld omdat de situatie op de \
                 eilanden wezenlijk afwijkt, of omdat daar eigen BES-wetgeving geldt.",
            ),
        );
    }
}

/// A reason in sentence `i`, the three sentences after it in the same block,
/// the sentence before it, or anywhere in a section about Caribisch Nederland.
fn reden_bij(ctx: &Context<'_>, zinnen: &[Zin], i: usize, bes_secties: &[usize]) -> bool {
    let z = &zinnen[i];
    let heeft = |x: &Zin| x.eigen() && (common::uitleg_in(ctx, x.span) || x.heeft(&REDEN));
    if heeft(z) {
        return true;
    }
    if i.checked_sub(1)
        .and_then(|j| zinnen.get(j))
        .is_some_and(|p| p.block == z.block && heeft(p))
    {
        return true;
    }
    if zinnen[i + 1..]
        .iter()
        .take(3)
        .any(|x| x.block == z.block && heeft(x))
    {
        return true;
    }
    let in_bes = |x: &Zin| x.section.is_some_and(|s| bes_secties.contains(&s));
    in_bes(z)
        && zinnen
            .iter()
            .any(|x| in_bes(x) && x.section == z.section && heeft(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let n = |s: &str| wetlint_data::normalize::normalize(s);
        assert!(NIET_VAN_TOEPASSING.is_match(&n(
            "Het voorstel is niet van toepassing in Caribisch Nederland."
        )));
        assert!(NIET_VAN_TOEPASSING.is_match(&n(
            "De wet geldt niet voor Bonaire, Sint Eustatius en Saba."
        )));
        assert!(!NIET_VAN_TOEPASSING.is_match(&n("De wet geldt ook in de openbare lichamen.")));
        assert!(REDEN.is_match(&n("Daar geldt de Wet maatschappelijke ondersteuning BES.")));
        assert!(BES_REGELING.is_match(&n("Deze wet is mede van toepassing in de openbare lichamen Bonaire, Sint Eustatius en Saba.")));
    }
}
