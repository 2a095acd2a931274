use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Span};

use super::common::{self, Zin, re};
use crate::rule::{Category, E, I, OFF, Profile, Rule, RuleMeta, Scope, Status};
use crate::text::insert_section_fix;
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting verantwoordt hoe het voorstel is geconsulteerd:
    ///
    /// - er is een paragraaf "Advies en consultatie" (of "Consultatie",
    ///   "Adviezen", "Internetconsultatie"), of de toelichting meldt elders de
    ///   internetconsultatie;
    /// - zegt de toelichting dat er geen internetconsultatie is gehouden ("Van
    ///   internetconsultatie is afgezien"), dan staat in die zin of de zin
    ///   ervoor of erna waarom: spoed, een zuiver technische wijziging,
    ///   implementatie zonder beleidsruimte, het voorkomen van calculerend
    ///   gedrag (de lijst `consultatie-uitzondering`), of een andere uitleg
    ///   ("omdat", "gelet op", "om die reden");
    /// - in het profiel indiening: de consultatieparagraaf zegt of er een
    ///   internetconsultatie is geweest, en spreekt daar niet meer over in de
    ///   toekomende tijd ("wordt in consultatie gegeven");
    /// - in het profiel indiening: de toelichting bevat geen placeholders meer
    ///   (`PM`, `[PM consultatie]`, `p.m.`, `XX`, "nog in te vullen", "volgt
    ///   nog", "[datum]"; de lijst `placeholders`). Elke placeholder is een fout.
    ///
    /// De regel zwijgt als er geen toelichting is, en in de profielen concept en
    /// consultatie over placeholders en over een consultatieparagraaf die de
    /// internetconsultatie nog niet noemt: vóór de consultatie kan dat nog niet.
    /// "PM" of "p.m." in een tabel of zin over de financiële gevolgen is een
    /// pro-memoriepost, geen placeholder. Aangehaalde tekst (citaten) telt niet
    /// als verantwoording.
    ///
    /// ## Waarom
    /// In beginsel gaat alle regelgeving in internetconsultatie; wie daarvan
    /// afziet, zegt waarom (Draaiboek internetconsultatie, Kamerstukken II
    /// 2016/17, 29515, nr. 397). De Schrijfwijzer vraagt in de paragraaf advies
    /// en consultatie te vermelden of internetconsultatie heeft plaatsgevonden
    /// en zo niet, waarom niet, en wat er met de reacties is gedaan.
    /// Aanwijzing 4.44 vraagt de toelichting de adviezen en consultaties te
    /// verantwoorden. Een placeholder in een stuk dat naar de Raad van State of
    /// de Kamer gaat, is een slordigheid die de lezer op het verkeerde been zet.
    ///
    /// ## Voorbeeld
    /// "### 7. Advies en consultatie
    ///
    /// [PM consultatie]" in de versie voor indiening; of: "Er heeft geen
    /// internetconsultatie plaatsgevonden." zonder reden.
    ///
    /// ## In plaats daarvan
    /// "Het ontwerp is van 3 februari tot en met 17 maart 2027 voorgelegd via
    /// internetconsultatie.nl. Er zijn 42 reacties ontvangen. … Die suggestie is
    /// overgenomen in artikel 4." Of: "Van internetconsultatie is afgezien,
    /// omdat de regeling uitsluitend een zuiver technische wijziging bevat."
    ///
    /// ## Bron
    /// Aanwijzing 4.44 van de Aanwijzingen voor de regelgeving; Schrijfwijzer
    /// memorie van toelichting §11; Draaiboek internetconsultatie (kcbr, nr. 16).
    pub struct ConsultatieVerantwoording {
        code: "PROC-001",
        name: "consultatie-verantwoording",
        category: Category::Proces,
        summary: "De toelichting verantwoordt de consultatie niet, of bevat nog placeholders",
        severity: [I, I, E, OFF],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &["4.44"],
        aliases: &[],
    }
}

/// A mention of a public (internet) consultation.
static INTERNETCONSULTATIE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\binternetconsultatie\w*|\bopenbare consultatie\b|\bconsultatieverslag\b|\b(?:in|ter) (?:openbare |publieke )?consultatie (?:gegeven|gebracht|geweest|gelegd|gegaan)\b|\b(?:in|ter) (?:openbare |publieke )?consultatie\b[^.;]{0,40}\b(?:gegeven|gebracht|geweest|gelegd|gegaan)\b|\bopenbaar geconsulteerd\b|\bconsultatie\.nl\b|\b(?:voor|ter) (?:openbare |publieke )?consultatie (?:opengesteld|voorgelegd|aangeboden|gepubliceerd)\b|\bconsultatie(?:versie|periode|reacties|ronde)\b|\breacties op de consultatie\b",
    )
});

/// "geen internetconsultatie", "niet in consultatie gegeven", "afgezien van
/// internetconsultatie", "consultatie … achterwege gelaten".
static GEEN_CONSULTATIE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bgeen\s+(?:openbare\s+|publieke\s+|voorafgaande\s+|formele\s+)?(?:internet)?consultatie|\b(?:niet|nooit)\s+(?:\S+\s+){0,4}(?:in|ter)\s+(?:openbare |publieke )?(?:internet)?consultatie|\bafgezien\s+van\s+(?:een\s+|de\s+)?(?:openbare |publieke )?(?:internet)?consultatie|(?:internet)?consultatie\w*\s+(?:\S+\s+){0,4}(?:achterwege|afgezien)\b|(?:internet)?consultatie\w*\s+(?:heeft|is)\s+niet\s+(?:plaatsgevonden|gehouden|plaatsgehad)\b|\bzonder\s+(?:voorafgaande\s+)?(?:internet|openbare\s+)?consultatie|\bniet\s+(?:openbaar\s+)?geconsulteerd\b",
    )
});

/// A consultation that is yet to come.
static TOEKOMST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:wordt|worden|zal|zullen)\b[^.;]{0,100}?\b(?:voorgelegd|gegeven|gebracht|geconsulteerd|gepubliceerd|opengesteld)\b",
    )
});
/// A consultation that took place.
static VERLEDEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:is|zijn|heeft|hebben|was|waren)\b[^.;]{0,100}?\b(?:voorgelegd|gegeven|gebracht|geconsulteerd|gehouden|plaatsgevonden|gepubliceerd|opengesteld|geweest|ontvangen|gereageerd)\b|\breacties?\b|\brespondenten\b",
    )
});

/// Reasons for skipping a consultation not in `consultatie-uitzondering`.
static REDEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bspoed\w*|\burgent\w*|\bvanwege\b|\bwegens\b|\bgezien\b|\b(?:wets)?technische? (?:aard|karakter|wijziging\w*|aanpassing\w*)|\bbeleidsneutra\w*|\bgeen (?:\w+ )?beleidsruimte\b|\bcalculerend\b|\banticipatie\w*|\bvertrouwelijk\w*|\bcrisis\w*|\bnoodsituatie\b|\breparatie\w*|\beerder (?:al )?(?:geconsulteerd|in consultatie)|\bgeen (?:inhoudelijke|materiële|nieuwe) (?:gevolgen|wijziging\w*|regels)\b",
    )
});

/// "PM" and "p.m." as a pro memorie post in the financial paragraph.
static PRO_MEMORIE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:pm|p\.m\.)$"));

/// The reason for skipping the consultation, near sentence `i`.
fn reden_bij(ctx: &Context<'_>, zinnen: &[Zin], i: usize) -> bool {
    let z = &zinnen[i];
    let same_block = |j: usize| zinnen.get(j).filter(|x| x.block == z.block && x.eigen());
    let mut candidates = vec![z];
    if let Some(p) = i.checked_sub(1).and_then(same_block) {
        candidates.push(p);
    }
    if let Some(n) = same_block(i + 1) {
        candidates.push(n);
    }
    // The next paragraph may hold the reason ("Het besluit bevat uitsluitend …").
    if let Some(n) = zinnen
        .get(i + 1)
        .filter(|x| x.section == z.section && x.eigen())
    {
        candidates.push(n);
    }
    candidates.iter().any(|x| {
        common::signaal_in(ctx, "consultatie-uitzondering", x.span)
            || common::signaal_in(ctx, "technisch-profiel", x.span)
            || common::uitleg_in(ctx, x.span)
            || x.heeft(&REDEN)
    })
}

impl Rule for ConsultatieVerantwoording {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let doc_nl = common::document_nl(t.doc);
        let indiening = ctx.profile == Profile::Indiening;
        let zinnen = common::zinnen(t);
        let sectie = common::eerste_sectie(ctx, SectionKey::Consultatie);

        // Placeholders, only in the indieningsversie.
        if indiening {
            placeholders(ctx, out);
        }

        // Mentions of a public consultation in the government's own text.
        let mut positief: Vec<usize> = Vec::new();
        let mut ontkend: Vec<usize> = Vec::new();
        for (i, z) in zinnen.iter().enumerate() {
            if !z.eigen() || z.kind == BlockKind::Heading {
                continue;
            }
            if z.heeft(&GEEN_CONSULTATIE) {
                ontkend.push(i);
            } else if z.heeft(&INTERNETCONSULTATIE) {
                positief.push(i);
            }
        }

        // Said not to have been held, without a reason.
        let mut zonder_reden = false;
        if positief.is_empty() {
            for &i in &ontkend {
                if reden_bij(ctx, &zinnen, i) {
                    continue;
                }
                zonder_reden = true;
                let z = &zinnen[i];
                out.push(
                    Finding::new(
                        Which::Toelichting,
                        z.span,
                        format!(
                            "{} meldt dat er geen internetconsultatie is gehouden, maar niet waarom.",
                            crate::text::capitalize(&doc_nl)
                        ),
                    )
                    .help(
                        "Noem de reden om van internetconsultatie af te zien, bijvoorbeeld spoed, een zuiver \
                         technische wijziging of implementatie zonder beleidsruimte (Draaiboek internetconsultatie; \
                         Schrijfwijzer §11).",
                    ),
                );
                break;
            }
        }
        if !positief.is_empty() || !ontkend.is_empty() {
            // Yet to come, while the indieningsversie should report the outcome.
            if indiening
                && !zonder_reden
                && !positief.is_empty()
                && positief
                    .iter()
                    .all(|&i| zinnen[i].heeft(&TOEKOMST) && !zinnen[i].heeft(&VERLEDEN))
            {
                let z = &zinnen[positief[0]];
                out.push(
                    Finding::new(
                        Which::Toelichting,
                        z.span,
                        format!(
                            "{} spreekt in de indieningsversie nog van een internetconsultatie die moet komen.",
                            crate::text::capitalize(&doc_nl)
                        ),
                    )
                    .help(
                        "Vermeld wanneer het voorstel in internetconsultatie is geweest, hoeveel reacties er zijn \
                         ontvangen en wat ermee is gedaan (Schrijfwijzer §11).",
                    ),
                );
            }
            return;
        }

        // No mention at all.
        match sectie {
            None => {
                let mut f = Finding::new(
                    Which::Toelichting,
                    common::titel(t.doc),
                    format!(
                        "{} heeft geen paragraaf over advies en consultatie en zegt nergens of het voorstel in \
                         internetconsultatie is gegeven.",
                        crate::text::capitalize(&doc_nl)
                    ),
                )
                .help(
                    "Neem een paragraaf 'Advies en consultatie' op: vermeld of internetconsultatie heeft \
                     plaatsgevonden (periode, aantal reacties, wat ermee is gedaan) en zo niet, waarom niet, en \
                     welke adviezen zijn gevraagd (Ar 4.44; Schrijfwijzer §11).",
                );
                if let Some(fix) = insert_section_fix(
                    ctx,
                    "Advies en consultatie",
                    "[Is het voorstel in internetconsultatie gegeven (periode, aantal reacties)? Wat is met de \
                     reacties gedaan? Zo niet, waarom niet? Welke adviezen zijn gevraagd, en wat is ermee gedaan?]",
                ) {
                    f = f.fix(fix);
                }
                out.push(f);
            }
            Some(s) if indiening => {
                let Some(sec) = t.doc.sections.get(s) else {
                    return;
                };
                // A placeholder in the section is reported as such.
                if ctx
                    .signals(Which::Toelichting, "placeholders")
                    .iter()
                    .any(|h| {
                        !h.weak && sec.span.start <= h.range.start && h.range.end <= sec.span.end
                    })
                {
                    return;
                }
                out.push(
                    Finding::new(
                        Which::Toelichting,
                        sec.heading,
                        format!(
                            "De paragraaf '{}' zegt niet of het voorstel in internetconsultatie is gegeven, en zo \
                             niet, waarom niet.",
                            sec.title.trim()
                        ),
                    )
                    .help(
                        "Vermeld of internetconsultatie heeft plaatsgevonden en wat met de reacties is gedaan; is \
                         daarvan afgezien, noem dan de reden (spoed, zuiver technische wijziging, …) (Schrijfwijzer \
                         §11).",
                    ),
                );
            }
            Some(_) => {}
        }
    }
}

/// One error per placeholder in the indieningsversie (at most one per block).
fn placeholders(ctx: &Context<'_>, out: &mut Findings) {
    let Some(t) = ctx.toelichting else { return };
    let financieel = ctx.sections_with(SectionKey::Financieel);
    let mut blocks: Vec<usize> = Vec::new();
    for h in ctx.signals(Which::Toelichting, "placeholders") {
        if h.weak {
            continue;
        }
        let span = Span::new(h.range.start, h.range.end);
        let written = t.slice(span).trim();
        let Some(bi) = t.doc.blocks.iter().position(|b| {
            b.span.start <= span.start && span.start < b.span.end.max(b.span.start + 1)
        }) else {
            continue;
        };
        let b = &t.doc.blocks[bi];
        if matches!(b.kind, BlockKind::Comment | BlockKind::Meta) || blocks.contains(&bi) {
            continue;
        }
        // "PM" in a budget table is a pro memorie post.
        let in_financieel = t
            .doc
            .section_at(span.start)
            .is_some_and(|s| financieel.contains(&s));
        if PRO_MEMORIE.is_match(written) && (in_financieel || b.kind == BlockKind::Table) {
            continue;
        }
        // "Artikel XX" in a wijzigingsregeling with Roman article numbers is an article.
        if written == "XX" && romeins_artikel_xx(ctx) {
            continue;
        }
        blocks.push(bi);
        out.push(
            Finding::new(
                Which::Toelichting,
                span,
                format!("De indieningsversie bevat nog een placeholder: '{written}'."),
            )
            .help("Vul de placeholder in of schrap de zin voordat het voorstel wordt ingediend."),
        );
        if blocks.len() >= 20 {
            break;
        }
    }
}

/// True when "XX" can be a Roman article number: the regulation has an
/// article XX, or the toelichting has an entry for it or names article XIX or XXI.
fn romeins_artikel_xx(ctx: &Context<'_>) -> bool {
    let in_regeling = ctx
        .regeling
        .is_some_and(|r| r.doc.articles.iter().any(|a| a.number == "XX"));
    let in_toelichting = ctx.toelichting.is_some_and(|t| {
        t.doc
            .toelichting_articles
            .iter()
            .any(|ta| ta.keys.iter().any(|k| k.article == "XX"))
            || ROMEINS_NAAST.is_match(t.text)
    });
    in_regeling || in_toelichting
}

/// Roman article numbers next to XX.
static ROMEINS_NAAST: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b[Aa]rtikel(?:en)? (?:XIX|XXI|XVIII)\b"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let n = |s: &str| wetlint_data::normalize::normalize(s);
        assert!(
            INTERNETCONSULTATIE
                .is_match(&n("Het voorstel is via internetconsultatie.nl voorgelegd."))
        );
        assert!(INTERNETCONSULTATIE.is_match(&n("Het ontwerp is in consultatie gegeven.")));
        assert!(
            INTERNETCONSULTATIE.is_match(&n("Het ontwerpbesluit is voor consultatie opengesteld."))
        );
        assert!(GEEN_CONSULTATIE.is_match(&n("Van internetconsultatie is afgezien.")));
        assert!(GEEN_CONSULTATIE.is_match(&n("Er heeft geen internetconsultatie plaatsgevonden.")));
        assert!(GEEN_CONSULTATIE.is_match(&n("Het ontwerp is niet in consultatie gegeven.")));
        assert!(!GEEN_CONSULTATIE.is_match(&n(
            "Het voorstel is in internetconsultatie gegeven, maar dat leverde geen reacties op."
        )));
        assert!(REDEN.is_match(&n("Gelet op de spoedeisende aard.")));
        assert!(TOEKOMST.is_match(&n("Het ontwerp wordt in internetconsultatie gegeven.")));
        assert!(PRO_MEMORIE.is_match("p.m."));
    }
}
