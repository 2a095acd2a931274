use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_data::normalize::NormalizedText;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Container, DocumentKind, Span};

use super::common::{self, re};
use crate::rule::{Category, I, OFF, Profile, Rule, RuleMeta, Scope, Status, W};
use crate::text::capitalize;
use crate::{Context, Finding, Findings, FixEdit, FixSpec, Source, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de Raad van State-fase klopt in de aanhef en de toelichting:
    ///
    /// - **wet**: de afkondigingsformule ("Zo is het, dat Wij, …") vermeldt "de
    ///   Afdeling advisering van de Raad van State gehoord" (bij een rijkswet:
    ///   "de Raad van State van het Koninkrijk gehoord");
    /// - **algemene maatregel van bestuur**: de aanhef bevat "De Afdeling
    ///   advisering van de Raad van State gehoord (advies van …, no. W…)". In de
    ///   profielen concept en consultatie mag het nummer nog een placeholder
    ///   zijn ("W…", "[nummer]", "…") of ontbreken; in het profiel indiening
    ///   (vaststelling na het advies) moet het zijn ingevuld. Een ingevuld
    ///   nummer heeft de vorm `W12.25.00040/III` (oudere nummers zonder
    ///   "/III" tellen ook); een nummer in de nota van toelichting dat daarvan
    ///   verschilt, wordt gemeld.
    /// - in het profiel indiening, bij een AMvB met een ingevuld adviesnummer:
    ///   de aanhef noemt het nader rapport, en de nota van toelichting noemt het
    ///   advies (hint, info);
    /// - een AMvB die in de aanhef steunt op een wetsvoorstel ("Gelet op … het
    ///   voorstel van wet …") in plaats van op een wet.
    ///
    /// De regel zwijgt zonder regeling, bij een ministeriële regeling of
    /// beleidsregel (geen advies van de Raad van State), bij een begrotingswet,
    /// bij een koninklijk besluit dat geen AMvB is (zonder "Gelet op", alleen op
    /// artikel 43 of 44 Grondwet, of over inwerkingtreding, benoeming,
    /// herindeling), bij een fragment zonder aanhef of afkondigingsformule, en
    /// als de nota van toelichting uitlegt waarom het ontwerp niet aan de
    /// Afdeling is voorgelegd. Bij een wet wordt de toelichting niet op het
    /// advies gecontroleerd: dat staat in het nader rapport, een apart stuk.
    ///
    /// ## Waarom
    /// Wetsvoorstellen en ontwerpen van algemene maatregelen van bestuur gaan
    /// voor advies naar de Afdeling advisering van de Raad van State (artikel 73
    /// Grondwet, artikel 17 Wet op de Raad van State; begrotingswetten niet). De
    /// aanhef van het besluit vermeldt het advies met zijn nummer en het nader
    /// rapport, zodat de lezer
    /// het advies kan vinden; de toelichting zegt wat met het advies is gedaan.
    /// Een AMvB wordt niet vastgesteld voordat de wet waarop zij berust tot
    /// stand is gekomen (2012 Ar 34a; Ar 280).
    ///
    /// ## Voorbeeld
    /// Een besluit met "Gelet op artikel 4 van de Wet …;" direct gevolgd door
    /// "Hebben goedgevonden en verstaan:"; of, bij vaststelling, "(advies van …,
    /// no. W…)".
    ///
    /// ## In plaats daarvan
    /// "De Afdeling advisering van de Raad van State gehoord (advies van 11
    /// november 2026, no. W12.26.00123/III);
    ///
    /// Gezien het nader rapport van Onze Minister van … van 7 december 2026,
    /// nr. …;"
    ///
    /// ## Bron
    /// Artikel 73 Grondwet; artikel 17 Wet op de Raad van State; 2012 Ar 110 en
    /// 262–283 (model aanhef, adviesprocedure, nader rapport); toetsingskader van
    /// de Afdeling advisering van de Raad van State.
    pub struct RaadVanStateFase {
        code: "PROC-008",
        name: "raad-van-state-fase",
        category: Category::Proces,
        summary: "Het advies van de Raad van State ontbreekt in aanhef of toelichting",
        severity: [I, I, W, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &[],
        aliases: &[],
    }
}

/// A complete advice number (case-sensitive): W12.25.00040/III.
/// Older numbers have no afdeling suffix ("W10.91.0236").
static NUMMER: LazyLock<Regex> = LazyLock::new(|| re(r"\bW\d{2}\.\d{2}\.\d{3,6}(?:/[IVX]+)?\b"));
/// Something that looks like an advice number but is not one.
static NUMMERACHTIG: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bw\s?\d[\d.\s]*(?:/\s?[ivx0-9]*)?"));
/// A placeholder in the advice line.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bW\s*(?:…|\.{2,}|x+\b|\[)|\[[^\]]*\]|…|\.\.\.|\bPM\b|\bXX+\b|\bnog in te vullen\b")
});
static BEGROTING: LazyLock<Regex> = LazyLock::new(|| re(r"\bbegroting\w*|\bbegrotingsstaat\b"));
static RVS: LazyLock<Regex> = LazyLock::new(|| re(r"\braad van state\b"));
static AFKONDIGING: LazyLock<Regex> = LazyLock::new(|| re(r"\bzo is het,? dat wij\b"));
static AFKONDIGING_ORIG: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)zo is het,?\s+dat\s+wij,?"));
/// The royal aanhef of an AMvB (a ministeriële regeling has "De Minister van …, Besluit:").
static AANHEF_AMVB: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:op de voordracht van|hebben goedgevonden en verstaan)\b"));
/// A koninklijk besluit that is no AMvB: the division of ministerial tasks
/// (artikel 44 Grondwet), inwerkingtreding, appointments.
static KB_GRONDSLAG: LazyLock<Regex> =
    LazyLock::new(|| re(r"^gelet op \[?artikel 4[34](?:, eerste lid,)? van de grondwet\b[^;]*;?$"));
static KB_TITEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\btijdstip van inwerkingtreding\b|\binwerkingtreding van\b|\boverdracht van de zorg\b|\bdepartementale herindeling\b|\bbenoeming\b|\bontslag\b|\bmachtiging\b",
    )
});
static GOEDGEVONDEN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:gezien het nader rapport|hebben goedgevonden en verstaan)\b"));
static NADER_RAPPORT: LazyLock<Regex> = LazyLock::new(|| re(r"\bnader rapport\b"));
static GELET_OP: LazyLock<Regex> = LazyLock::new(|| re(r"^gelet op\b"));
static WETSVOORSTEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:voorstel van (?:rijks)?wet|wetsvoorstel)\b"));
/// The toelichting explains that no advice was asked.
static NIET_VOORGELEGD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:niet|geen)\b[^.;]{0,80}?\b(?:voorgelegd|advies|gehoord|adviesaanvraag)\b")
});
/// The toelichting names the advice.
static ADVIES_IN_T: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\braad van state\b|\bde afdeling\b|\bnader rapport\b|\bw\d{2}\.\d{2}\.\d{4,5}/[ivx]+")
});

/// One block of the preamble with its normalised text.
struct Regel {
    span: Span,
    text: Span,
    norm: String,
}

fn preambule(r: Source<'_>) -> Vec<Regel> {
    r.doc
        .blocks
        .iter()
        .filter(|b| {
            b.container == Container::Preamble
                && !matches!(
                    b.kind,
                    BlockKind::Title | BlockKind::Comment | BlockKind::Meta
                )
        })
        .map(|b| Regel {
            span: b.span,
            text: b.text,
            norm: NormalizedText::new(r.slice(b.text))
                .as_str()
                .trim()
                .to_string(),
        })
        .collect()
}

impl Rule for RaadVanStateFase {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let regels = preambule(r);
        match common::instrument(ctx) {
            DocumentKind::Wet => wet(r, &regels, out),
            DocumentKind::Amvb => amvb(ctx, r, &regels, out),
            _ => {}
        }
    }
}

/// The afkondigingsformule of a wet names the Raad van State.
fn wet(r: Source<'_>, regels: &[Regel], out: &mut Findings) {
    // Budget laws are not submitted to the Raad van State.
    if r.doc
        .title
        .as_ref()
        .is_some_and(|t| BEGROTING.is_match(NormalizedText::new(&t.text).as_str()))
    {
        return;
    }
    let Some(formule) = regels.iter().find(|l| AFKONDIGING.is_match(&l.norm)) else {
        return;
    };
    if regels.iter().any(|l| RVS.is_match(&l.norm)) {
        return;
    }
    let rijkswet = r.doc.title.as_ref().is_some_and(|t| {
        t.text
            .trim_start_matches(['#', ' '])
            .to_lowercase()
            .starts_with("rijkswet")
    });
    let gehoord = if rijkswet {
        "de Raad van State van het Koninkrijk gehoord"
    } else {
        "de Afdeling advisering van de Raad van State gehoord"
    };
    let mut f = Finding::new(
        Which::Regeling,
        formule.text,
        format!("De afkondigingsformule vermeldt niet dat {gehoord} is."),
    )
    .help(format!(
        "Een wetsvoorstel gaat voor advies naar de Raad van State (artikel 73 Grondwet): \"Zo is het, dat Wij, \
         {gehoord}, en met gemeen overleg der Staten-Generaal, …\"."
    ));
    if let Some(m) = AFKONDIGING_ORIG.find(r.slice(formule.text)) {
        let at = formule.text.start + m.end();
        let rest = r
            .slice(formule.text)
            .get(m.end()..)
            .unwrap_or("")
            .trim_start();
        let en = if rest.starts_with("met gemeen overleg") {
            " en"
        } else {
            ""
        };
        let content = if m.as_str().ends_with(',') {
            format!(" {gehoord},{en}")
        } else {
            format!(", {gehoord},{en}")
        };
        f = f.fix(FixSpec {
            title: "Vermeld de Raad van State in de afkondigingsformule".to_string(),
            safe: false,
            edits: vec![FixEdit {
                which: Which::Regeling,
                span: Span::new(at, at),
                content,
            }],
        });
    }
    out.push(f);
}

/// The aanhef of an AMvB names the advice, its number and the nader rapport.
fn amvb(ctx: &Context<'_>, r: Source<'_>, regels: &[Regel], out: &mut Findings) {
    if !regels.iter().any(|l| AANHEF_AMVB.is_match(&l.norm)) {
        return;
    }
    // An AMvB rests on a statutory basis; a KB on artikel 44 Grondwet, an
    // inwerkingtredings-KB or a KB without "Gelet op" is no AMvB.
    let gelet: Vec<&Regel> = regels
        .iter()
        .filter(|l| GELET_OP.is_match(&l.norm))
        .collect();
    let titel = r
        .doc
        .title
        .as_ref()
        .map(|t| NormalizedText::new(&t.text).as_str().to_string())
        .unwrap_or_default();
    if gelet.is_empty()
        || gelet.iter().all(|l| KB_GRONDSLAG.is_match(&l.norm))
        || KB_TITEL.is_match(&titel)
    {
        return;
    }
    let indiening = ctx.profile == Profile::Indiening;
    let t = ctx.toelichting;
    let t_zinnen = t.map(common::zinnen).unwrap_or_default();

    // Resting on a bill instead of a law.
    for l in regels.iter().filter(|l| GELET_OP.is_match(&l.norm)) {
        if WETSVOORSTEL.is_match(&l.norm) {
            out.push(
                Finding::new(
                    Which::Regeling,
                    l.text,
                    "De aanhef steunt op een wetsvoorstel in plaats van op een wet: een algemene maatregel van \
                     bestuur wordt niet vastgesteld voordat de wet tot stand is gekomen.",
                )
                .help(
                    "Wacht met de vaststelling tot de wet is aangenomen, en verwijs in de aanhef naar de artikelen van \
                     de wet (2012 Ar 34a en 280).",
                ),
            );
            break;
        }
    }

    let Some(advies) = regels.iter().find(|l| RVS.is_match(&l.norm)) else {
        // Explained in the toelichting?
        let uitgelegd = t_zinnen.iter().any(|z| {
            z.eigen()
                && z.heeft(&RVS)
                && z.heeft(&NIET_VOORGELEGD)
                && (common::uitleg_in(ctx, z.span) || z.tekst().contains("omdat"))
        });
        if uitgelegd {
            return;
        }
        let voor = regels.iter().find(|l| GOEDGEVONDEN.is_match(&l.norm));
        let anchor = voor
            .map(|l| l.text)
            .or_else(|| {
                regels
                    .iter()
                    .rev()
                    .find(|l| GELET_OP.is_match(&l.norm))
                    .map(|l| l.text)
            })
            .unwrap_or_else(|| common::titel(r.doc));
        let mut f = Finding::new(
            Which::Regeling,
            anchor,
            "De aanhef van het besluit vermeldt niet dat de Afdeling advisering van de Raad van State is gehoord.",
        )
        .help(
            "Een ontwerp-AMvB gaat voor advies naar de Afdeling advisering van de Raad van State. Neem in de aanhef \
             op: \"De Afdeling advisering van de Raad van State gehoord (advies van …, no. W…);\", gevolgd door \
             \"Gezien het nader rapport …\".",
        );
        if let Some(l) = voor {
            f = f.fix(FixSpec {
                title: "Voeg de regel over het advies van de Raad van State toe".to_string(),
                safe: false,
                edits: vec![FixEdit {
                    which: Which::Regeling,
                    span: Span::new(l.span.start, l.span.start),
                    content: "De Afdeling advisering van de Raad van State gehoord (advies van …, no. W…);\n\n"
                        .to_string(),
                }],
            });
        }
        out.push(f);
        return;
    };

    let line = r.slice(advies.text);
    let nummer = NUMMER.find(line).map(|m| {
        (
            m.as_str().to_string(),
            Span::new(advies.text.start + m.start(), advies.text.start + m.end()),
        )
    });
    let Some((nummer, nummer_span)) = nummer else {
        if let Some(p) = PLACEHOLDER.find(line) {
            if indiening {
                out.push(
                        Finding::new(
                            Which::Regeling,
                            Span::new(advies.text.start + p.start(), advies.text.start + p.end()),
                            "Het advies van de Raad van State staat in de aanhef nog zonder ingevuld nummer of \
                             datum.",
                        )
                        .help(
                            "Vul de datum en het nummer van het advies in (\"advies van 11 november 2026, no. \
                             W12.26.00123/III\"). Gebruik het profiel concept of consultatie zolang het advies er \
                             nog niet is.",
                        ),
                    );
            }
            return;
        }
        if let Some(m) = NUMMERACHTIG
            .find(line)
            .filter(|m| m.as_str().trim().len() > 2)
        {
            let written = m.as_str().trim();
            out.push(
                    Finding::new(
                        Which::Regeling,
                        Span::new(advies.text.start + m.start(), advies.text.start + m.start() + written.len()),
                        format!(
                            "Het adviesnummer '{written}' heeft niet de vorm van een nummer van de Raad van State \
                             (bijvoorbeeld W12.25.00040/III)."
                        ),
                    )
                    .help("Neem het nummer over zoals het op het advies staat: W, jaar, maand, volgnummer, schuine streep, afdeling."),
                );
            return;
        }
        if indiening {
            out.push(
                Finding::new(
                    Which::Regeling,
                    advies.text,
                    "De aanhef vermeldt het advies van de Raad van State zonder datum en nummer.",
                )
                .help("Schrijf \"(advies van [datum], no. W…)\" met de gegevens van het advies."),
            );
        }
        return;
    };

    // A different number in the toelichting.
    if let Some(t) = t {
        let zelfde = |a: &str| {
            let (ka, sa) = a.split_once('/').unwrap_or((a, ""));
            let (kb, sb) = nummer.split_once('/').unwrap_or((nummer.as_str(), ""));
            ka == kb && (sa.is_empty() || sb.is_empty() || sa == sb)
        };
        let anders = NUMMER
            .find_iter(t.text)
            .find(|m| !zelfde(m.as_str()))
            .filter(|_| !NUMMER.find_iter(t.text).any(|m| zelfde(m.as_str())));
        if let Some(m) = anders {
            out.push(
                Finding::new(
                    Which::Toelichting,
                    Span::new(m.start(), m.end()),
                    format!(
                        "Het adviesnummer {} in {} verschilt van het nummer {nummer} in de aanhef.",
                        m.as_str(),
                        common::document_nl(t.doc)
                    ),
                )
                .help("Gebruik in aanhef en toelichting hetzelfde nummer, zoals het op het advies staat.")
                .related(Which::Regeling, nummer_span, "Het nummer in de aanhef"),
            );
        }
    }

    if !indiening {
        return;
    }
    // After the advice: the nader rapport and the toelichting.
    if !regels.iter().any(|l| NADER_RAPPORT.is_match(&l.norm)) {
        out.push(
            Finding::new(
                Which::Regeling,
                advies.text,
                "De aanhef noemt het advies van de Raad van State, maar niet het nader rapport (\"Gezien het nader \
                 rapport van Onze Minister …\").",
            )
            .help("Neem na de regel over het advies op: \"Gezien het nader rapport van Onze Minister van … van [datum], nr. …;\".")
            .at_most(Severity::Info),
        );
    }
    if let Some(t) = t
        && !t_zinnen.iter().any(|z| z.eigen() && z.heeft(&ADVIES_IN_T))
    {
        out.push(
            Finding::new(
                Which::Toelichting,
                common::anker(ctx, &[SectionKey::Consultatie]),
                format!(
                    "{} zegt niet wat de Afdeling advisering van de Raad van State heeft geadviseerd ({nummer}) en \
                     wat daarmee is gedaan.",
                    capitalize(&common::document_nl(t.doc))
                ),
            )
            .help("Vat het advies samen en vermeld welke wijzigingen het ontwerp daarna heeft ondergaan.")
            .related(Which::Regeling, nummer_span, "Het advies in de aanhef")
            .at_most(Severity::Info),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert!(NUMMER.is_match("(advies van 11 november 2026, no. W12.26.00123/III);"));
        assert!(!NUMMER.is_match("no. W12.26 00123/III"));
        assert!(PLACEHOLDER.is_match("(advies van …, no. W…);"));
        assert!(PLACEHOLDER.is_match("(advies van [datum], no. [nummer]);"));
        assert!(!PLACEHOLDER.is_match("(advies van 11 november 2026, no. W12.26 00123/III);"));
        assert!(NUMMERACHTIG.is_match("no. W12.26 00123/III"));
        assert!(AFKONDIGING.is_match("zo is het, dat wij, met gemeen overleg der staten-generaal"));
        assert!(
            WETSVOORSTEL
                .is_match("gelet op artikel 4 van het voorstel van wet tot wijziging van de wet")
        );
    }
}
