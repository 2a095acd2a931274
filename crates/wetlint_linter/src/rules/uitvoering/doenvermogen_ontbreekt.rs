use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Span};

use super::plichten::{self, Adressaat};
use crate::rule::{Category, I, Profile, Rule, RuleMeta, Scope, Status, W};
use crate::text::{capitalize, insert_section_fix, join_nl, sentences};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting ingaat op het doenvermogen van burgers wanneer de
    /// regeling hun iets opdraagt: "De aanvrager verstrekt …", "De ouder meldt
    /// binnen vier weken …", "De verzekerde is verplicht …". De regel zoekt in
    /// de toelichting naar woorden als doenvermogen, doenvermogentoets,
    /// burgerperspectief, zelfredzaamheid, klantreis, gebruikersonderzoek,
    /// mentale belastbaarheid of niet-gebruik (de lijst `doenvermogen` in
    /// `waarden.toml`), of naar een kop "Doenvermogen".
    ///
    /// Een verplichting telt als de burger het onderwerp van de zin is. "De
    /// Sociale verzekeringsbank verstrekt de aanvrager een beschikking" is geen
    /// verplichting van de aanvrager; een recht ("kan binnen zes weken bezwaar
    /// maken", "heeft recht op") ook niet. Woorden die zowel een burger als een
    /// bedrijf kunnen aanduiden (aanvrager, belanghebbende, rechthebbende,
    /// betrokkene) tellen alleen als de regeling over natuurlijke personen gaat.
    ///
    /// De regel zwijgt als de regeling alleen bedrijven, instellingen of
    /// overheden iets opdraagt (bijvoorbeeld "aanvrager: de onderneming die …";
    /// daarvoor is de MKB-toets er), en zonder toelichting. Ook een uitleg
    /// waarom het doenvermogen hier geen rol speelt ("Een doenvermogentoets is
    /// niet nodig, omdat de burger zelf niets hoeft te doen") volstaat, net als
    /// aandacht voor burgers die digitaal minder vaardig of laaggeletterd zijn.
    /// "Doenlijk" in de zin van haalbaar voor de uitvoering ("het is voor de
    /// SVB niet doenlijk om …") telt niet als aandacht voor het doenvermogen
    /// van burgers.
    ///
    /// In de fase indiening is dit een fout als de regeling verplichtingen
    /// oplegt aan personen die altijd burgers zijn (ouders, verzekerden,
    /// studenten, werknemers, …) en de toelichting het doenvermogen nergens
    /// noemt.
    ///
    /// ## Waarom
    /// De toelichting beschrijft hoe rekening is gehouden met het doenvermogen
    /// van de betrokken burgers (Ar 4.43, onder f). Doenvermogen is een
    /// verplichte kwaliteitseis van het Beleidskompas: weten wat je moet doen is
    /// nog geen doen (WRR, 2017). Termijnen, meldplichten en gevolgen die op
    /// papier redelijk zijn, lopen in de praktijk vast bij mensen met stress,
    /// schulden of weinig digitale vaardigheden.
    ///
    /// ## Voorbeeld
    /// Artikel 4.2 van het wetsvoorstel: "De ouder doet de Sociale
    /// verzekeringsbank binnen vier weken mededeling van een verhuizing van het
    /// kind." De memorie van toelichting beschrijft de regeldruk in uren, maar
    /// niet of ouders deze meldplicht kunnen overzien en nakomen.
    ///
    /// ## In plaats daarvan
    /// Neem in de paragraaf over de gevolgen een onderdeel "Doenvermogen" op,
    /// bijvoorbeeld: "Met de doenvermogentoets is nagegaan of ouders de
    /// meldplicht kunnen nakomen. Omdat veel ouders een verhuizing al aan de
    /// gemeente doorgeven, haalt de SVB die gegevens zelf uit de
    /// basisregistratie personen; de meldplicht geldt alleen voor wat daar niet
    /// in staat." Noem de uitkomsten van een doenvermogentoets, klantreis of
    /// gebruikersonderzoek en wat daarmee is gedaan.
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder f; Beleidskompas, verplichte kwaliteitseis
    /// Doenvermogen; WRR, "Weten is nog geen doen" (2017).
    pub struct DoenvermogenOntbreekt {
        code: "UITV-008",
        name: "doenvermogen-ontbreekt",
        category: Category::Uitvoering,
        summary: "Verplichtingen voor burgers zonder aandacht voor hun doenvermogen",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.43"],
    }
}

/// Forms of "doenlijk" that may mean "feasible" rather than "within citizens' doenvermogen".
static DOENLIJK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:on)?doenlijk(?:e|heid)?$").expect("valid regex"));
/// The administration as the one for whom something is (not) doenlijk.
static UITVOERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\buitvoer\w*|\borganisaties?\b|\badministratie\b|\bsystemen\b|\bbestuursorgaan\b|\b(?:rijks)?dienst\b|\bagentschap\b|\binstanties?\b|\bminister\b")
        .expect("valid regex")
});
/// Citizens as the ones for whom something is (not) doenlijk.
static BURGERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bburgers?\b|\bmensen\b|\bhuishoudens?\b|\bouders?\b|\baanvragers?\b|\bbetrokkenen?\b|\bdoelgroep\b")
        .expect("valid regex")
});

/// Forms the `doenvermogen` list misses: digital skills and literacy of the
/// citizens concerned (see the report on data changes).
static DOEN_AANVULLING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bdigitaal\s+(?:minder\s+|niet\s+)?vaardig\w*|\bdigitale\s+vaardigheden\b|\blaaggeletterd\w*|\btaalniveau\s+b1\b")
        .expect("valid regex")
});

/// How the toelichting deals with doenvermogen.
enum Aandacht {
    /// A real mention (or a Doenvermogen heading): the rule is satisfied.
    Ja,
    /// Only "doenlijk" about the administration, or another weak form: this hit.
    Zwak(Span, String),
    Nee,
}

fn aandacht(ctx: &Context<'_>) -> Aandacht {
    let Some(t) = ctx.toelichting else {
        return Aandacht::Nee;
    };
    if !ctx.sections_with(SectionKey::Doenvermogen).is_empty() {
        return Aandacht::Ja;
    }
    let orgs = ctx.orgs(Which::Toelichting);
    let mut weak: Option<(Span, String)> = None;
    for h in ctx.signals(Which::Toelichting, "doenvermogen") {
        let span = Span::new(h.range.start, h.range.end);
        let in_own_text = ctx
            .block_at(Which::Toelichting, h.range.start)
            .is_some_and(|b| {
                matches!(
                    b.kind,
                    BlockKind::Paragraph
                        | BlockKind::ListItem
                        | BlockKind::Table
                        | BlockKind::Heading
                )
            });
        if !in_own_text {
            continue;
        }
        let word = t.slice(span).to_string();
        let about_administration = !h.weak && DOENLIJK.is_match(word.trim()) && {
            // The sentence: does it speak of the administration rather than of citizens?
            let sentence = ctx
                .block_at(Which::Toelichting, h.range.start)
                .and_then(|b| {
                    sentences(t.text, b.text)
                        .into_iter()
                        .find(|s| s.start <= span.start && span.end <= s.end)
                });
            sentence.is_some_and(|s| {
                let text = t.slice(s);
                let admin = UITVOERING.is_match(text)
                    || orgs
                        .iter()
                        .any(|o| s.start <= o.range.start && o.range.end <= s.end);
                admin && !BURGERS.is_match(text)
            })
        };
        if h.weak || about_administration {
            weak.get_or_insert((span, word));
            continue;
        }
        return Aandacht::Ja;
    }
    let own_text = t.doc.blocks.iter().filter(|b| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table
        )
    });
    if own_text
        .into_iter()
        .any(|b| DOEN_AANVULLING.is_match(t.slice(b.text)))
    {
        return Aandacht::Ja;
    }
    match weak {
        Some((s, w)) => Aandacht::Zwak(s, w),
        None => Aandacht::Nee,
    }
}

impl Rule for DoenvermogenOntbreekt {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some(r), Some(t)) = (ctx.regeling, ctx.toelichting) else {
            return;
        };
        let plichten = plichten::burgerplichten(ctx);
        if plichten.is_empty() {
            return;
        }
        let aandacht = aandacht(ctx);
        if matches!(aandacht, Aandacht::Ja) {
            return;
        }

        let articles: Vec<usize> = plichten.iter().map(|p| p.article).collect();
        let mut subjects: Vec<String> = Vec::new();
        for p in &plichten {
            // "de aanvrager en de rechthebbende" counts as two subjects.
            for one in p.subject.split(" en ").flat_map(|x| x.split(" of ")) {
                let one = one.trim().to_string();
                if !one.is_empty() && !subjects.contains(&one) && subjects.len() < 4 {
                    subjects.push(one);
                }
            }
        }
        let termijnen: Vec<String> = {
            let mut v: Vec<String> = Vec::new();
            for p in &plichten {
                if let Some(tm) = &p.termijn
                    && !v.contains(tm)
                {
                    v.push(tm.clone());
                }
            }
            v
        };
        let arts = plichten::articles_phrase(r.doc, &articles);
        let mut distinct = articles.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let verb = if distinct.len() > 1 { "leggen" } else { "legt" };
        let termijn = match termijnen.as_slice() {
            [] => String::new(),
            [one] => format!(", met de termijn '{one}'"),
            ts => format!(
                ", met termijnen als '{}'",
                ts.iter()
                    .take(2)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("' en '")
            ),
        };
        let doc = t.doc.kind().label_nl();
        let tail = match &aandacht {
            Aandacht::Zwak(_, w) => format!(
                "; de {doc} noemt '{}' alleen in de zin van haalbaar voor de uitvoering, niet voor de burger",
                if w.split_whitespace().count() == 1 {
                    w.to_lowercase()
                } else {
                    "doenlijk".to_string()
                }
            ),
            _ => format!(", maar de {doc} gaat niet in op het doenvermogen van burgers"),
        };
        let message = format!(
            "{} {verb} {} verplichtingen op{termijn}{tail} (Ar 4.43, onder f).",
            capitalize(&arts),
            join_nl(&subjects)
        );

        // Anchor: the Gevolgen section of the general part, else the title.
        let keys = ctx.section_keys();
        let gevolgen = t
            .doc
            .sections
            .iter()
            .enumerate()
            .find(|(i, s)| {
                !s.artikelsgewijs
                    && keys
                        .get(*i)
                        .is_some_and(|k| k.contains(&SectionKey::Gevolgen))
            })
            .map(|(_, s)| s.heading);
        let anchor = gevolgen
            .or_else(|| t.doc.title.as_ref().map(|s| s.span))
            .unwrap_or(Span::new(0, 0));

        let mut f = Finding::new(Which::Toelichting, anchor, message).help(
            "Beschrijf hoe rekening is gehouden met het doenvermogen van deze burgers: kunnen zij weten wat er van \
             hen wordt verwacht, de termijnen halen en de gevolgen overzien? Noem de doenvermogentoets, klantreis of \
             het gebruikersonderzoek en wat daarmee is gedaan.",
        );
        let mut seen: Vec<usize> = Vec::new();
        for p in &plichten {
            if seen.contains(&p.article) || seen.len() >= 5 {
                continue;
            }
            seen.push(p.article);
            let marker = kort(r.slice(p.marker));
            let what = match &p.termijn {
                Some(tm) if !marker.contains(tm.as_str()) => {
                    format!("verplichting voor {} ('{marker}', {tm})", p.subject)
                }
                _ => format!("verplichting voor {} ('{marker}')", p.subject),
            };
            f = f.related(
                Which::Regeling,
                p.sentence,
                format!(
                    "{}: {what}",
                    capitalize(&plichten::article_label(r.doc, p.article))
                ),
            );
        }
        let mut gevolg_articles: Vec<usize> = Vec::new();
        for g in plichten::gevolgen(ctx) {
            if gevolg_articles.contains(&g.article) || gevolg_articles.len() >= 2 {
                continue;
            }
            gevolg_articles.push(g.article);
            f = f.related(
                Which::Regeling,
                g.span,
                format!(
                    "{}: nadelig gevolg ('{}')",
                    capitalize(&plichten::article_label(r.doc, g.article)),
                    g.form
                ),
            );
        }
        if let Aandacht::Zwak(span, _) = &aandacht {
            f = f.related(
                Which::Toelichting,
                *span,
                "Hier gaat 'doenlijk' over de uitvoering, niet over de burger",
            );
        }
        let strong_person = plichten.iter().any(|p| p.adressaat == Adressaat::Burger);
        if ctx.profile == Profile::Indiening && strong_person && matches!(aandacht, Aandacht::Nee) {
            f = f.at_least(Severity::Error);
        }
        if let Some(fix) = insert_section_fix(
            ctx,
            "Doenvermogen",
            "[Welke verplichtingen krijgen burgers (melden, gegevens verstrekken, termijnen)? Kunnen zij die in de \
             praktijk nakomen, ook bij stress of weinig digitale vaardigheden? Is een doenvermogentoets, klantreis of \
             gebruikersonderzoek gedaan, en wat is ermee gedaan?]",
        ) {
            f = f.fix(fix);
        }
        out.push(f);
    }
}

/// A marker as quoted in a message: "doet … mededeling" for a long separable form.
fn kort(marker: &str) -> String {
    let words: Vec<&str> = marker.split_whitespace().collect();
    match words.as_slice() {
        [first, .., last] if marker.chars().count() > 30 => format!("{first} … {last}"),
        _ => words.join(" "),
    }
}
