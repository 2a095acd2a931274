use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Span};

use super::common::{self, Zin, re};
use crate::rule::{Category, E, I, Profile, Rule, RuleMeta, Scope, Status, W};
use crate::rules::uitvoering::plichten;
use crate::text::{capitalize, insert_section_fix, join_nl};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting de regeldruk beschrijft als de regeling burgers,
    /// bedrijven, instellingen of professionals informatieverplichtingen
    /// oplegt: registreren, administreren, bewaren, rapporteren, melden,
    /// verstrekken, overleggen, bijhouden ("De werkgever registreert …",
    /// "Jaarlijks verstrekt de exploitant …", "De aanvrager verstrekt …").
    ///
    /// - Zonder regeldrukparagraaf (een kop als "Regeldruk", "Administratieve
    ///   lasten", "Nalevingskosten") en zonder een zin over regeldruk,
    ///   administratieve lasten of nalevingskosten is dat een melding; in het
    ///   profiel indiening een fout.
    /// - Staat er wel een regeldrukparagraaf, dan kwantificeert die de
    ///   regeldruk (uren, minuten, euro's) of zegt zij dat er geen of
    ///   verwaarloosbare regeldruk is, of legt zij uit waarom cijfers
    ///   ontbreken ("omdat", "gelet op"). Anders een waarschuwing. Vóór het
    ///   profiel indiening volstaat ook een placeholder of de toezegging dat
    ///   de regeldruk nog in kaart wordt gebracht.
    /// - Noemt de toelichting de regeldruk zelf aanzienlijk, substantieel of in
    ///   miljoenen euro's, dan noemt zij ook het Adviescollege toetsing
    ///   regeldruk (ATR) en zijn advies.
    /// - MKB-toets (PROC-004): legt de regeling ondernemingen verplichtingen
    ///   op, dan zegt de toelichting of een MKB-toets of mkb-panel is gehouden,
    ///   of waarom niet ("Om die reden is geen MKB-toets uitgevoerd"). Dit is
    ///   een hint (info), tenzij de toelichting zelf zegt dat de lasten voor
    ///   het mkb aanzienlijk zijn; dan is het een waarschuwing.
    ///
    /// De regel zwijgt zonder toelichting, zonder verplichtingen in de
    /// regeling, en als de toelichting zegt dat er geen verplichtingen of geen
    /// gevolgen voor de regeldruk zijn. Een recht, een bevoegdheid of een
    /// passieve zin ("De werkgever kan …", "… wordt verstrekt") is geen
    /// verplichting. De MKB-hint zwijgt als de toelichting zegt dat de
    /// regeling bedrijven niets oplegt.
    ///
    /// ## Waarom
    /// De toelichting beschrijft de lasten voor burgers, bedrijven en
    /// instellingen (Aanwijzing 4.43, onder e), en die lasten moeten zo laag
    /// mogelijk zijn. De regeldruk wordt gemeten met het Handboek meting
    /// regeldrukkosten, en het ATR toetst of nut en noodzaak zijn onderbouwd,
    /// er minder belastende alternatieven zijn, de regeling werkbaar is en de
    /// regeldrukeffecten volledig in beeld zijn. De MKB-toets is een
    /// verplichte kwaliteitseis; de Schrijfwijzer vraagt toe te lichten waarom
    /// hij eventueel niet heeft plaatsgevonden.
    ///
    /// ## Voorbeeld
    /// Artikel 5: "De exploitant registreert dagelijks het aantal bezoekers en
    /// bewaart die registratie vijf jaar." De memorie van toelichting heeft
    /// paragrafen over uitvoering en financiële gevolgen, maar zegt niets over
    /// de tijd en de kosten die dat de exploitant kost.
    ///
    /// ## In plaats daarvan
    /// Een paragraaf "Regeldruk": "Voor de circa 1.200 exploitanten kost de
    /// registratie naar schatting 15 minuten per dag, samen ongeveer 110.000
    /// uur (€ 5,2 miljoen) per jaar. Het ATR heeft geadviseerd het voorstel in
    /// te dienen nadat met de adviespunten rekening is gehouden; …". En: "Er
    /// is een MKB-toets gehouden met …" of "Een MKB-toets is niet gehouden,
    /// omdat …".
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder e, van de Aanwijzingen voor de regelgeving;
    /// Schrijfwijzer memorie van toelichting §6; toetsingskader van het
    /// Adviescollege toetsing regeldruk; Beleidskompas, verplichte kwaliteitseis
    /// MKB-toets.
    pub struct Regeldruk {
        code: "PROC-003",
        name: "regeldruk",
        category: Category::Proces,
        summary: "Informatieverplichtingen zonder regeldrukparagraaf of MKB-toets",
        severity: [W, W, E, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.43"],
        aliases: &["PROC-004"],
    }
}

/// Words about regeldruk in a sentence.
static REGELDRUK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bregeldruk\w*|\badministratieve lasten\b|\badministratieve last\b|\bnalevingskosten\b|\blastendruk\b|\bhandboek meting regeldrukkosten\b",
    )
});
/// "geen regeldruk", "geen verplichtingen voor burgers of bedrijven", "regeldrukneutraal".
static GEEN_REGELDRUK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bgeen (?:\w+ ){0,3}(?:regeldruk\w*|administratieve lasten|nalevingskosten)\b|\bgeen (?:nieuwe |extra |aanvullende )?(?:informatie)?verplichtingen\b|\bregeldrukneutraal\b|\b(?:regeldruk\w*|lasten|nalevingskosten)\b[^.;]{0,40}\b(?:nihil|verwaarloosbaar|te verwaarlozen|niet toe|gelijk)\b|\bvoegt (?:daar )?niets (?:aan )?toe\b",
    )
});
/// Quantities of time and money.
static KWANTITEIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:\d[\d.,]*|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|vijftig|zestig|negentig|honderd)\s*(?:uur|uren|minuten|minuut|werkdagen|dagen|fte)\b|€\s*\d|\b\d[\d.,]*\s*(?:euro|miljoen|mln|miljard)\b|\b(?:uurtarief|tijdsbesteding|regeldrukkosten van)\b",
    )
});
/// The regeldruk is yet to be quantified ("wordt in de consultatiefase in kaart gebracht").
static BELOFTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:wordt|worden|zal|zullen)\b[^.;]{0,80}?\b(?:in kaart gebracht|gekwantificeerd|berekend|bepaald|uitgewerkt|gemeten|aangevuld)\b",
    )
});
/// The regeldruk is said to be large.
static AANZIENLIJK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:aanzienlijke|substantiële|forse|grote|significante|zware|hoge)\s+(?:toename van de )?(?:regeldruk\w*|administratieve lasten|nalevingskosten|lasten)\b|\b(?:regeldruk\w*|administratieve lasten|nalevingskosten)\b[^.;]{0,60}?\b(?:aanzienlijk|substantieel|fors|significant|hoog)\b|\b(?:regeldruk\w*|administratieve lasten|nalevingskosten)\b[^.;]{0,80}?\b\d[\d.,]*\s*(?:miljoen|mln|miljard)\b",
    )
});
/// The mkb (or small businesses) said to carry a large burden.
static MKB_ZWAAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:aanzienlijk\w*|substantie\w*|fors\w*|zwaar|zware|onevenredig\w*|disproportione\w*|relatief (?:zwaar|groot|hoog))\b[^.;]{0,80}?\b(?:mkb|midden- en kleinbedrijf|kleine (?:en middelgrote )?(?:ondernemingen|bedrijven|ondernemers)|zzp'ers)\b|\b(?:mkb|midden- en kleinbedrijf|kleine (?:en middelgrote )?(?:ondernemingen|bedrijven|ondernemers)|zzp'ers)\b[^.;]{0,80}?\b(?:aanzienlijk\w*|substantie\w*|fors\w*|zwaar|zwaarder|onevenredig\w*|disproportione\w*|relatief (?:zwaar|groot|hoog))\b",
    )
});
/// The regulation asks nothing of businesses.
static GEEN_BEDRIJVEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bgeen (?:\w+ ){0,3}(?:verplichtingen|gevolgen|lasten|regeldruk)\b[^.;]{0,40}?\b(?:bedrijven|bedrijfsleven|ondernemingen|ondernemers|mkb)\b|\b(?:bedrijven|bedrijfsleven|ondernemingen|ondernemers|mkb)\b[^.;]{0,60}?\bgeen (?:\w+ )?(?:gevolgen|verplichtingen|lasten|regeldruk)\b|\blegt (?:\w+ ){0,3}geen verplichtingen op aan (?:bedrijven|ondernemingen)\b",
    )
});
/// A MKB-toets or mkb-panel that is said not to have been held.
static GEEN_MKB_TOETS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:geen|niet)\b[^.;]{0,40}\bmkb-(?:toets|panel)\w*|\bmkb-(?:toets|panel)\w*[^.;]{0,40}\b(?:niet|achterwege|afgezien)\b",
    )
});
/// A reason in the sentence.
static REDEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bomdat\b|\baangezien\b|\bom (?:die|deze) reden\b|\bdaarom\b|\bgelet op\b|\bvanwege\b|\bwegens\b|\bgezien\b|\bnu (?:de|het|er)\b|\bdaar\b",
    )
});

/// The ATR named in the toelichting.
fn atr_genoemd(ctx: &Context<'_>) -> bool {
    ctx.orgs(Which::Toelichting)
        .iter()
        .any(|h| h.org_id == "atr")
        || ctx.toetsen(Which::Toelichting).iter().any(|h| {
            h.toets_id == "regeldruk"
                && !h.form.contains("paragraaf")
                && !h.form.contains("effecten")
                && !h.form.contains("handboek")
        })
}

/// An obligation found in the regulation, for messages.
struct Plicht {
    article: usize,
    sentence: Span,
    subject: String,
    marker: String,
    bedrijf: bool,
}

impl Rule for Regeldruk {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let zinnen = common::zinnen(t);
        let doc_nl = common::document_nl(t.doc);
        let eigen: Vec<&Zin> = zinnen.iter().filter(|z| z.eigen()).collect();

        // Obligations in the regulation.
        let mut plichten: Vec<Plicht> = Vec::new();
        if let Some(r) = ctx.regeling {
            for p in common::bedrijfsplichten(ctx) {
                plichten.push(Plicht {
                    article: p.article,
                    sentence: p.sentence,
                    subject: p.subject,
                    marker: p.marker,
                    bedrijf: true,
                });
            }
            for p in plichten::burgerplichten(ctx) {
                if plichten.iter().any(|q| q.sentence == p.sentence) {
                    continue;
                }
                let marker = r
                    .slice(p.marker)
                    .split_whitespace()
                    .take(6)
                    .collect::<Vec<_>>()
                    .join(" ");
                plichten.push(Plicht {
                    article: p.article,
                    sentence: p.sentence,
                    subject: p.subject,
                    marker,
                    bedrijf: false,
                });
            }
            plichten.sort_by_key(|p| p.sentence.start);
        }

        // The regeldruk paragraph, or sentences about regeldruk elsewhere.
        let secties = ctx.sections_with(SectionKey::Regeldruk);
        let in_sectie = |z: &Zin| z.section.is_some_and(|s| secties.contains(&s));
        let regeldruk_zinnen: Vec<&Zin> = eigen
            .iter()
            .copied()
            .filter(|z| !z.artikelsgewijs && (in_sectie(z) || z.heeft(&REGELDRUK)))
            .collect();
        let geen = eigen.iter().any(|z| z.heeft(&GEEN_REGELDRUK));

        if regeldruk_zinnen.is_empty() {
            if plichten.is_empty() || geen {
                return;
            }
            let Some(r) = ctx.regeling else { return };
            let arts: Vec<usize> = plichten.iter().map(|p| p.article).collect();
            let mut subjects: Vec<String> = Vec::new();
            for p in &plichten {
                if !subjects.contains(&p.subject) && subjects.len() < 4 {
                    subjects.push(p.subject.clone());
                }
            }
            let phrase = plichten::articles_phrase(r.doc, &arts);
            let verb = if phrase.starts_with("de artikelen") {
                "leggen"
            } else {
                "legt"
            };
            let mut f = Finding::new(
                Which::Toelichting,
                common::anker(ctx, &[SectionKey::Gevolgen]),
                format!(
                    "{} {verb} {} verplichtingen op, maar {doc_nl} heeft geen paragraaf over de regeldruk (Ar 4.43, \
                     onder e).",
                    capitalize(&phrase),
                    join_nl(&subjects)
                ),
            )
            .help(
                "Beschrijf de regeldruk: welke verplichtingen, voor hoeveel burgers of bedrijven, hoeveel tijd (uren) \
                 en kosten (euro's) per jaar, gemeten met het Handboek meting regeldrukkosten, en wat het ATR \
                 erover heeft geadviseerd.",
            );
            f = related(f, r, &plichten);
            if let Some(fix) = insert_section_fix(
                ctx,
                "Regeldruk",
                "[Welke informatieverplichtingen legt de regeling op, en aan wie? Hoeveel tijd en kosten kost dat \
                 per jaar (Handboek meting regeldrukkosten)? Wat heeft het ATR geadviseerd en wat is daarmee \
                 gedaan? Is een MKB-toets gehouden, en zo niet, waarom niet?]",
            ) {
                f = f.fix(fix);
            }
            out.push(f);
            mkb(ctx, &zinnen, &plichten, out);
            return;
        }

        // A regeldruk paragraph that does not quantify and does not explain.
        let sectie_span = secties
            .iter()
            .filter_map(|&s| t.doc.sections.get(s))
            .find(|s| !s.artikelsgewijs);
        let gekwantificeerd = regeldruk_zinnen.iter().any(|z| z.heeft(&KWANTITEIT));
        // Before the indieningsversie, a promise or a placeholder will do.
        let later = ctx.profile != Profile::Indiening;
        let uitgelegd = regeldruk_zinnen.iter().any(|z| {
            z.kind != BlockKind::Heading
                && (common::uitleg_in(ctx, z.span)
                    || z.heeft(&GEEN_REGELDRUK)
                    || (later
                        && (z.heeft(&BELOFTE) || common::signaal_in(ctx, "placeholders", z.span))))
        });
        if let Some(sec) = sectie_span
            && !gekwantificeerd
            && !uitgelegd
            && !geen
        {
            let mut f = Finding::new(
                Which::Toelichting,
                sec.heading,
                format!(
                    "De paragraaf '{}' kwantificeert de regeldruk niet (tijd in uren, kosten in euro's) en zegt niet \
                     waarom cijfers ontbreken.",
                    sec.title.trim()
                ),
            )
            .help(
                "Geef per verplichting het aantal burgers of bedrijven, de tijd en de kosten per jaar (Handboek \
                 meting regeldrukkosten), of leg uit waarom de regeldruk niet is gekwantificeerd.",
            )
            .at_most(Severity::Warning);
            if let Some(r) = ctx.regeling {
                f = related(f, r, &plichten);
            }
            out.push(f);
        }

        // Substantial regeldruk without the ATR.
        if let Some(z) = regeldruk_zinnen.iter().find(|z| {
            z.kind != BlockKind::Heading
                && z.vind(&AANZIENLIJK).is_some_and(|m| {
                    !common::ontkend(&t.slice(Span::new(z.span.start, m.start)).to_lowercase())
                })
        }) && !atr_genoemd(ctx)
        {
            let span = z.vind(&AANZIENLIJK).unwrap_or(z.span);
            out.push(
                Finding::new(
                    Which::Toelichting,
                    span,
                    format!(
                        "{} noemt de regeldruk '{}', maar niet het advies van het Adviescollege toetsing regeldruk \
                         (ATR).",
                        capitalize(&doc_nl),
                        t.slice(span).split_whitespace().collect::<Vec<_>>().join(" ")
                    ),
                )
                .help(
                    "Vermeld het dictum van het ATR en wat met de adviespunten is gedaan, of waarom het ATR niet om \
                     advies is gevraagd.",
                )
                .at_most(Severity::Warning),
            );
        }

        mkb(ctx, &zinnen, &plichten, out);
    }
}

/// The obligations as related information in the regulation (at most five articles).
fn related<'p>(
    mut f: Finding,
    r: crate::Source<'_>,
    plichten: impl IntoIterator<Item = &'p Plicht>,
) -> Finding {
    let mut seen: Vec<usize> = Vec::new();
    for p in plichten {
        if seen.contains(&p.article) || seen.len() >= 5 {
            continue;
        }
        seen.push(p.article);
        f = f.related(
            Which::Regeling,
            p.sentence,
            format!(
                "{}: verplichting voor {} ('{}')",
                capitalize(&plichten::article_label(r.doc, p.article)),
                p.subject,
                p.marker
            ),
        );
    }
    f
}

/// PROC-004: obligations for businesses without a word on the MKB-toets.
fn mkb(ctx: &Context<'_>, zinnen: &[Zin], plichten: &[Plicht], out: &mut Findings) {
    let Some(t) = ctx.toelichting else { return };
    let eigen = || {
        zinnen
            .iter()
            .filter(|z| z.eigen() && z.kind != BlockKind::Heading)
    };
    let zwaar = eigen().find(|z| {
        z.vind(&MKB_ZWAAR).is_some_and(|m| {
            !common::ontkend(&t.slice(Span::new(z.span.start, m.start)).to_lowercase())
        })
    });
    let bedrijven: Vec<&Plicht> = plichten.iter().filter(|p| p.bedrijf).collect();
    if bedrijven.is_empty() && zwaar.is_none() {
        return;
    }
    if eigen().any(|z| z.heeft(&GEEN_BEDRIJVEN)) && zwaar.is_none() {
        return;
    }
    // The MKB-toets named: held, or not held with a reason.
    let genoemd: Vec<&Zin> = eigen()
        .filter(|z| common::toets_in(ctx, &["mkb-toets"], z.span))
        .collect();
    let verantwoord = genoemd
        .iter()
        .any(|z| !z.heeft(&GEEN_MKB_TOETS) || z.heeft(&REDEN) || common::uitleg_in(ctx, z.span));
    if verantwoord {
        return;
    }
    let doc_nl = common::document_nl(t.doc);
    let (anchor, message) = match genoemd.first() {
        Some(z) => (
            z.span,
            format!(
                "{} meldt dat geen MKB-toets is gehouden, maar niet waarom.",
                capitalize(&doc_nl)
            ),
        ),
        None => {
            let wie = match bedrijven.first() {
                Some(p) => {
                    let arts: Vec<usize> = bedrijven.iter().map(|p| p.article).collect();
                    let phrase = ctx
                        .regeling
                        .map(|r| plichten::articles_phrase(r.doc, &arts))
                        .unwrap_or_else(|| "de regeling".to_string());
                    let verb = if phrase.starts_with("de artikelen") {
                        "leggen"
                    } else {
                        "legt"
                    };
                    format!(
                        "{} {verb} {} verplichtingen op",
                        capitalize(&phrase),
                        p.subject
                    )
                }
                None => "De lasten voor het mkb zijn volgens de toelichting zelf aanzienlijk"
                    .to_string(),
            };
            (
                common::anker(ctx, &[SectionKey::Regeldruk, SectionKey::Gevolgen]),
                format!(
                    "{wie}, maar {doc_nl} zegt niet of een MKB-toets is gehouden, of waarom niet (PROC-004)."
                ),
            )
        }
    };
    let mut f = Finding::new(Which::Toelichting, anchor, message).help(
        "Vermeld of een MKB-toets (mkb-panel) is gehouden en wat die opleverde, of leg uit waarom niet \
         (Schrijfwijzer §6; verplichte kwaliteitseis MKB-toets).",
    );
    f = match zwaar {
        Some(z) => f.at_most(Severity::Warning).related(
            Which::Toelichting,
            z.span,
            "Hier noemt de toelichting de lasten voor het mkb aanzienlijk",
        ),
        None => f.at_most(Severity::Info),
    };
    if let Some(r) = ctx.regeling {
        f = related(f, r, bedrijven.iter().copied());
    }
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let n = |s: &str| wetlint_data::normalize::normalize(s);
        assert!(KWANTITEIT.is_match(&n("De tijd is geschat op dertig minuten.")));
        assert!(KWANTITEIT.is_match(&n("In totaal gaat het om 140.000 uur per jaar.")));
        assert!(GEEN_REGELDRUK.is_match(&n("Het besluit heeft geen gevolgen voor de regeldruk.")));
        assert!(AANZIENLIJK.is_match(&n("De regeldrukkosten bedragen € 4,2 miljoen per jaar.")));
        assert!(MKB_ZWAAR.is_match(&n(
            "Voor kleine ondernemingen zijn de lasten relatief zwaar."
        )));
        assert!(GEEN_BEDRIJVEN.is_match(&n(
            "Het voorstel legt geen verplichtingen op aan bedrijven."
        )));
        assert!(GEEN_MKB_TOETS.is_match(&n("Om die reden is geen MKB-toets uitgevoerd.")));
    }
}
